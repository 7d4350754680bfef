//! Writes a large world, as stored, for measuring and looking at the lists:
//! `users` sign-ups (Get started, then Create) across `tenants` domains, each
//! its own unmanaged tenant, on top of the default scenario.
//!
//! `cargo run --release --example big_world -- [users] [tenants] > big.txt`
//! (defaults 10,000 and 1,000). Put the output in localStorage under
//! `rms-sim/state` before the app starts (scripts/bench.sh and the list
//! screenshots do), or import the plain JSON with `--json`.

use rms_sim::sim::{AccountDetails, Config, Preset, SHARED_BROWSER, SeededRandom, World};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let users = numbers.first().copied().unwrap_or(10_000);
    let tenants = numbers.get(1).copied().unwrap_or(1_000).max(1);
    let mut rng = SeededRandom::new(2016);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    let details = AccountDetails {
        first_name: "Bench".into(),
        last_name: "User".into(),
        password: "Bench-2016!".into(),
        confirm_password: "Bench-2016!".into(),
        country: "US".into(),
    };
    for i in 0..users {
        let email = format!("user{i}@org{}.com", i % tenants);
        w.start_signup(SHARED_BROWSER, &email, &mut rng).expect("sign-up starts");
        let token = w.signups.pending.values().next().expect("pending").clone();
        w.complete_signup(&token, &details, &mut rng).expect("sign-up completes");
    }
    let out = if json { rms_sim::persist::encode(&w) } else { rms_sim::persist::encode_stored(&w) };
    print!("{out}");
}
