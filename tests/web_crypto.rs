//! Browser tests of the protection path (wasm-bindgen-test in headless
//! Chromium): the same RustCrypto AES-256-GCM and HMAC-SHA256 code compiled
//! to WebAssembly, keyed from the browser's `crypto.getRandomValues`, and a
//! protected file that survives a save to and load from real localStorage.
#![cfg(target_arch = "wasm32")]

use rms_sim::persist;
use rms_sim::platform::{CryptoRandom, LocalStorage};
use rms_sim::sim::sharing::{OpenError, Permission, PolicyChoice, ProtectRequest};
use rms_sim::sim::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn world() -> World {
    World::load(Preset::FabrikamSignedUp, Config { pbkdf2_iterations: 10, ..Config::default() }, &mut CryptoRandom)
}

fn request(data: &[u8]) -> ProtectRequest {
    ProtectRequest {
        file_name: "Sample.txt".into(),
        data: data.to_vec(),
        users: "r.ortiz@fabrikam.com".into(),
        policy: PolicyChoice::Custom(Permission::Reviewer),
        expires_on: String::new(),
        notify: false,
        instant_revoke: false,
    }
}

#[wasm_bindgen_test]
fn protect_and_open_with_browser_randomness() {
    let mut w = world();
    let pat = Email::parse("p.dover@fabrikam.com").unwrap();
    let rosa = Email::parse("r.ortiz@fabrikam.com").unwrap();
    let secret = "Übersicht: the browser path — ✓".repeat(100);
    let a = w.protect_in_place(Some(&pat), &request(secret.as_bytes()), &mut CryptoRandom).unwrap();
    let b = w.protect_in_place(Some(&pat), &request(secret.as_bytes()), &mut CryptoRandom).unwrap();
    assert_ne!(a.bytes, b.bytes, "fresh content keys and nonces each time");
    assert_ne!(a.content_id, b.content_id);
    let o = w.open_protected(Some(&rosa), "Sample.ptxt", &a.bytes, &mut CryptoRandom).unwrap();
    assert_eq!(o.content, secret.as_bytes());
    assert_eq!(o.rights, Permission::Reviewer.rights());
    let mut bad = a.bytes.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x80;
    assert_eq!(w.open_protected(Some(&rosa), "Sample.ptxt", &bad, &mut CryptoRandom).err(), Some(OpenError::Damaged));
}

#[wasm_bindgen_test]
fn a_shared_file_survives_localstorage_and_opens_after_loading() {
    let backend = LocalStorage;
    let mut w = world();
    let pat = Email::parse("p.dover@fabrikam.com").unwrap();
    let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let shared = w.share_protected(Some(&pat), &request(&data), &mut CryptoRandom).unwrap();
    persist::save(&backend, &w).unwrap();
    let mut back = persist::load(&backend).unwrap().expect("saved");
    let attachments = back.mailbox("r.ortiz@fabrikam.com").unwrap().messages.last().unwrap().attachments().to_vec();
    let (name, bytes) = back.mail.attachment(&attachments[0]).unwrap();
    assert_eq!(bytes, shared.bytes);
    let rosa = Email::parse("r.ortiz@fabrikam.com").unwrap();
    assert_eq!(back.open_protected(Some(&rosa), &name, &bytes, &mut CryptoRandom).unwrap().content, data);
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item(persist::KEY).unwrap();
}

#[wasm_bindgen_test]
fn pooled_random_bytes_are_never_handed_out_twice() {
    // GUIDs come from a pool filled a few kilobytes at a time: across many
    // refills, every one is new.
    let mut seen = std::collections::HashSet::new();
    for _ in 0..2_000 {
        assert!(seen.insert(CryptoRandom.guid()), "a GUID came back");
    }
    // Fills of every size, small from the pool and large straight from the
    // browser, are random, not zeros left behind.
    for n in [1usize, 7, 16, 1_000, 1_025, 5_000, 70_000] {
        let mut a = vec![0u8; n];
        let mut b = vec![0u8; n];
        CryptoRandom.fill(&mut a);
        CryptoRandom.fill(&mut b);
        if n >= 16 {
            assert_ne!(a, b, "{n} bytes");
            assert!(a.iter().filter(|x| **x == 0).count() < n / 8 + 4, "{n} bytes mostly zero");
        }
    }
}
