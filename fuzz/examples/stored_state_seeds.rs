//! Writes the `stored_state` seeds that are real saved states, in the schema
//! and the two forms (exported JSON, stored packed text) this build writes: `cargo run --example stored_state_seeds` (from `fuzz/`).
//! Run it again whenever the saved-state format changes. The
//! `seed-schema1-*` seeds are this same program run against commit 9032db7,
//! the last one writing schema 1, so that `decode`'s migration is fuzzed too;
//! the other small seeds are written by hand.

use rms_sim::persist::{encode, encode_stored};
use rms_sim::sim::{AccountDetails, Config, PRESETS, SeededRandom, TimeUnit, World};
use std::path::Path;

fn details(first: &str, last: &str, password: &str) -> AccountDetails {
    AccountDetails {
        first_name: first.into(),
        last_name: last.into(),
        password: password.into(),
        confirm_password: password.into(),
        country: "US".into(),
    }
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/stored_state");
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = Config { pbkdf2_iterations: 1, ..Config::default() };
    // Each state both as exported (JSON) and as stored (packed).
    let write = |name: &str, w: &World| {
        for (path, text) in [(dir.join(format!("seed-{name}.json")), encode(w)), (dir.join(format!("seed-{name}.packed")), encode_stored(w))] {
            std::fs::write(&path, text).unwrap();
            println!("{}", path.display());
        }
    };

    // Each preset as the start page loads it.
    for p in PRESETS {
        write(&format!("preset-{}", p.id()), &World::load(p, cfg.clone(), &mut SeededRandom::new(1)));
    }

    // A default world after some play: a completed sign-up, a pending one,
    // a superseded link, an expired link, a refusal, a lockout, list edits.
    let mut rng = SeededRandom::new(2);
    let mut w = World::load(PRESETS[0], cfg.clone(), &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "p.dover@fabrikam.com", &mut rng);
    let token = w.signups.pending.values().next().cloned().unwrap_or_default();
    let _ = w.open_confirmation(&token);
    let _ = w.complete_signup(&token, &details("Pat", "Dover", "Fabrikam-2016!"), &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "r.ortiz@fabrikam.com", &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "lee@litwareinc.com", &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "lee@litwareinc.com", &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "someone@outlook.com", &mut rng);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "janetm@contoso.com", &mut rng);
    let _ = w.add_blocked_domain("tailspintoys.com");
    let _ = w.remove_blocked_domain("test.com");
    w.set_personal_check(false);
    for i in 0..11 {
        let _ = w.sign_in(rms_sim::sim::SHARED_BROWSER, "janetm@contoso.com", &format!("wrong-{i}"));
    }
    let _ = w.sign_in(rms_sim::sim::SHARED_BROWSER, "p.dover@fabrikam.com", "Fabrikam-2016!");
    let _ = w.advance_clock("25", TimeUnit::Hours);
    let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, "new@adatum.com", &mut rng);
    write("played", &w);
}
