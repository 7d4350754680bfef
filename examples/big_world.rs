//! Writes a large world, as stored, for measuring and looking at the lists:
//! `users` sign-ups across `tenants` domains (`World::sign_up_crowd`), each its
//! own unmanaged tenant, on top of the default scenario.
//!
//! `cargo run --release --example big_world -- [users] [tenants] > big.txt`
//! (defaults 10,000 and 1,000). Put the output in localStorage under
//! `rms-sim/state` before the app starts (scripts/bench.sh does, through
//! e2e/perf/large-world.mjs), or write plain JSON to import with `--json`.

use rms_sim::sim::{Config, Preset, SeededRandom, World};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let users = numbers.first().copied().unwrap_or(10_000);
    let tenants = numbers.get(1).copied().unwrap_or(1_000);
    let mut rng = SeededRandom::new(2016);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    w.sign_up_crowd(users, tenants, "Bench", &mut rng);
    let out = if json { rms_sim::persist::encode(&w) } else { rms_sim::persist::encode_stored(&w) };
    print!("{out}");
}
