//! Set-ups shared by the native test files (`mod support;`).
#![allow(dead_code)]

use rms_sim::sim::*;

/// A preset with cheap password hashing, and the random source after it.
pub fn load(preset: Preset, seed: u64) -> (World, SeededRandom) {
    let mut rng = SeededRandom::new(seed);
    let w = World::load(preset, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    (w, rng)
}

pub fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}
