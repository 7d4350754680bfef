//! Engine throughput: 10,000 sign-ups (Get started, then Create) across 1,000
//! domains, natively, with a seeded random source. Password hashing is set to
//! 1 PBKDF2 round here so the figure measures the engine's own work; the cost
//! of one hash at the browser's setting is printed separately.
//!
//! `cargo run --release --example bench`

use rms_sim::sim::password::hash_password;
use rms_sim::sim::{AccountDetails, Config, DEFAULT_PBKDF2_ITERATIONS, Preset, SeededRandom, World};
use std::time::Instant;

const USERS: usize = 10_000;
const DOMAINS: usize = 1_000;
const WINDOW: usize = 100;

fn main() {
    let mut rng = SeededRandom::new(2016);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    let details = AccountDetails {
        first_name: "Bench".into(),
        last_name: "User".into(),
        password: "Bench-2016!".into(),
        confirm_password: "Bench-2016!".into(),
        country: "US".into(),
    };
    let mut per_signup = Vec::with_capacity(USERS);
    let start = Instant::now();
    for i in 0..USERS {
        let email = format!("user{i}@org{}.com", i % DOMAINS);
        let t = Instant::now();
        w.start_signup(rms_sim::sim::SHARED_BROWSER, &email, &mut rng).expect("sign-up starts");
        let token = w.signups.pending.values().next().expect("pending").clone();
        w.complete_signup(&token, &details, &mut rng).expect("sign-up completes");
        per_signup.push(t.elapsed().as_secs_f64());
    }
    let total = start.elapsed().as_secs_f64();
    let avg = |from: usize| per_signup[from..from + WINDOW].iter().sum::<f64>() / WINDOW as f64;
    let early = avg(100 - WINDOW / 2);
    let late = avg(USERS - WINDOW);
    println!(
        "engine: {USERS} sign-ups across {} tenants in {:.2} s = {:.0} sign-ups/s",
        w.directory.tenants.len() - 2,
        total,
        USERS as f64 / total
    );
    println!(
        "engine: cost around the 100th sign-up {:.1} µs, at the 10,000th {:.1} µs (ratio {:.2})",
        early * 1e6,
        late * 1e6,
        late / early
    );
    let raw = rms_sim::persist::encode(&w);
    let users: usize = w.directory.tenants.values().map(|t| t.users.len()).sum();
    println!(
        "persistence: {users} users, {} events, {} messages: {:.2} MB as stored JSON",
        w.log.events.len(),
        w.mail.mailboxes.values().map(|m| m.messages.len()).sum::<usize>(),
        raw.len() as f64 / 1e6
    );
    let t = Instant::now();
    let _ = hash_password("Bench-2016!", DEFAULT_PBKDF2_ITERATIONS, &mut rng);
    println!(
        "engine: one PBKDF2-HMAC-SHA256 hash at {DEFAULT_PBKDF2_ITERATIONS} rounds (native): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
}
