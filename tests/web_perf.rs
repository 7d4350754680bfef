//! Persistence budgets in headless Chromium (run in release, see
//! scripts/test.sh and scripts/bench.sh): a world of 10,000 users made by
//! sign-ups saves and loads in under 100 ms each, and its stored form fits the
//! 5 MB localStorage quota with room to spare.
#![cfg(target_arch = "wasm32")]

use rms_sim::persist;
use rms_sim::platform::LocalStorage;
use rms_sim::sim::{AccountDetails, Config, Preset, SeededRandom, World};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const USERS: usize = 10_000;
const BUDGET_MS: f64 = 100.0;
/// Chromium's quota is about 5.24 million characters; "room to spare" here
/// means the world takes at most half of it.
const MAX_CHARS: usize = 2_620_000;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn big_world() -> World {
    let mut rng = SeededRandom::new(10_000);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    let d = AccountDetails {
        first_name: "Bench".into(),
        last_name: "User".into(),
        password: "Bench-2016!".into(),
        confirm_password: "Bench-2016!".into(),
        country: "US".into(),
    };
    for i in 0..USERS {
        let email = format!("user{i}@org{}.com", i % 1000);
        w.start_signup(&email, &mut rng).unwrap();
        let token = w.pending_signups.values().next().unwrap().clone();
        w.complete_signup(&token, &d, &mut rng).unwrap();
    }
    w
}

#[wasm_bindgen_test]
fn ten_thousand_users_save_and_load_within_budget_and_fit_the_quota() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let w = big_world();
    let mut saves = vec![];
    let mut loads = vec![];
    let mut chars = 0;
    // One warm-up round first: Chromium compiles a large module's hot wasm
    // functions with its optimizing tier in the background, so the very first
    // save of a session runs partly on baseline code (measured: 90+ ms vs ~60).
    // A trainer's saves happen in a warm app; the median of 9 is taken after it.
    for round in 0..10 {
        let t = now();
        let raw = persist::save(&LocalStorage, &w).unwrap();
        let save = now() - t;
        chars = raw.encode_utf16().count();
        let t = now();
        let loaded = persist::load(&LocalStorage).unwrap().unwrap();
        let load = now() - t;
        assert_eq!(loaded.tenants.values().map(|t| t.users.len()).sum::<usize>(), USERS + 2);
        if round > 0 {
            saves.push(save);
            loads.push(load);
        }
    }
    let raw = persist::encode_stored(&w);
    let t = now();
    let json = persist::pack::unpack(&raw).unwrap();
    let t_unpack = now() - t;
    let t = now();
    let _ = persist::decode(&json).unwrap();
    let t_parse = now() - t;
    let t = now();
    let json2 = persist::encode(&w);
    let t_encode = now() - t;
    let t = now();
    let _ = persist::pack::pack(&json2);
    let t_pack = now() - t;
    let t = now();
    let _ = storage.get_item(persist::KEY).unwrap();
    let t_get = now() - t;
    web_sys::console::log_1(&format!("breakdown: unpack {t_unpack:.1} parse {t_parse:.1} encode {t_encode:.1} pack {t_pack:.1} getItem {t_get:.1} json {}", json.len()).into());
    let (save, load) = (median(saves), median(loads));
    web_sys::console::log_1(&format!("persistence: {USERS} users: save median {save:.1} ms, load median {load:.1} ms, stored {chars} characters ({:.0}% of the quota)", chars as f64 / 5_242_880.0 * 100.0).into());
    storage.clear().unwrap();
    assert!(chars <= MAX_CHARS, "stored form {chars} characters, room to spare means at most {MAX_CHARS}");
    assert!(save < BUDGET_MS, "save median {save:.1} ms, budget {BUDGET_MS}");
    assert!(load < BUDGET_MS, "load median {load:.1} ms, budget {BUDGET_MS}");
}
