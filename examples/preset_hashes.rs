//! Prints the password hashes of the scenarios' pre-made accounts (run once;
//! the output is pasted into src/sim/scenario.rs). They are precomputed so the
//! first visit doesn't spend ~55 ms hashing two demo passwords.
use rms_sim::sim::DEFAULT_PBKDF2_ITERATIONS;
use rms_sim::sim::password::hash_password;
use rms_sim::sim::rand::{RandomSource, SeededRandom};

fn main() {
    let mut seed = SeededRandom::new(u64::from_le_bytes(*b"rms-2016"));
    for (email, pw) in [("janetm@contoso.com", "Contoso-2016!"), ("admin@litwareinc.com", "Litware-2016!")] {
        let mut rng = SeededRandom::new(seed.next_u64());
        println!("{email}: {}", hash_password(pw, DEFAULT_PBKDF2_ITERATIONS, &mut rng).as_stored());
    }
}
