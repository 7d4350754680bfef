//! Arbitrary form input through the sign-up, sign-in, clock and domain-list
//! commands of a freshly loaded default scenario. Nothing may panic, and a
//! few rules must hold whatever was typed.
//!
//! Input layout: the first byte chooses which commands run (see `flags`);
//! the rest is split on 0xFF bytes (which never occur in UTF-8, so each
//! field can hold any text, newlines and NULs included) into the fields
//! below, each decoded lossily as UTF-8. Missing fields are empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rms_sim::persist::{decode, encode};
use rms_sim::sim::email::Email;
use rms_sim::sim::{AccountDetails, CompleteError, Config, Preset, SeededRandom, StartOutcome, TimeUnit, TokenError, World};
use std::sync::OnceLock;

const EMAIL: usize = 0;
const FIRST_NAME: usize = 1;
const LAST_NAME: usize = 2;
const PASSWORD: usize = 3;
const CONFIRM: usize = 4;
const COUNTRY: usize = 5;
const CLOCK_AMOUNT: usize = 6;
const BLOCKED_DOMAIN: usize = 7;
const OTHER: usize = 8;
const FIELDS: usize = 9;

mod flags {
    /// Add field 7 to the blocked domains before "Get started".
    pub const BLOCK_BEFORE: u8 = 1 << 0;
    /// Use field 8 as the link token instead of the one the email carried.
    pub const TOKEN_FROM_INPUT: u8 = 1 << 1;
    /// Advance the clock by field 6 between "Get started" and "Create".
    pub const ADVANCE: u8 = 1 << 2;
    /// Bits 3–4: the clock unit (minutes, hours, days, days).
    pub const UNIT_SHIFT: u8 = 3;
    /// Add field 7 to the blocked domains between "Get started" and "Create".
    pub const BLOCK_BETWEEN: u8 = 1 << 5;
    /// "Get started" again, with field 8, before "Create".
    pub const RESTART: u8 = 1 << 6;
    /// After "Create", sign in 12 times with field 4 plus a counter (drives smart lockout)
    /// and take field 7 off the blocked domains.
    pub const HAMMER: u8 = 1 << 7;
}

/// `World::load(Preset::Default, …)` and the random source after it; loading
/// is deterministic, so each run starts from a clone instead of reloading.
fn fresh() -> (World, SeededRandom) {
    static BASE: OnceLock<(World, SeededRandom)> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut rng = SeededRandom::new(1);
        let world = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
        (world, rng)
    })
    .clone()
}

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map(|(f, r)| (*f, r)).unwrap_or((0, &[]));
    let mut fields: Vec<String> = rest.splitn(FIELDS, |b| *b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    fields.resize(FIELDS, String::new());
    let f = |i: usize| fields[i].as_str();

    let (mut w, mut rng) = fresh();

    if flags & flags::BLOCK_BEFORE != 0 {
        let _ = w.add_blocked_domain(f(BLOCKED_DOMAIN)).map_err(|e| e.to_string());
    }

    let started = w.start_signup(rms_sim::sim::SHARED_BROWSER, f(EMAIL), &mut rng);
    let sent_to = match &started {
        Ok(StartOutcome::EmailSent { email, .. }) => Some(email.clone()),
        Ok(StartOutcome::PaidSubscription { .. }) => None,
        Err(e) => {
            let _ = e.to_string();
            None
        }
    };
    // The token the confirmation email carries, if one was sent.
    let real_token = sent_to.as_ref().and_then(|e| w.signups.pending.get(e).cloned());

    if flags & flags::RESTART != 0 {
        let _ = w.start_signup(rms_sim::sim::SHARED_BROWSER, f(OTHER), &mut rng).map_err(|e| e.to_string());
    }
    if flags & flags::ADVANCE != 0 {
        let unit = match (flags >> flags::UNIT_SHIFT) & 3 {
            0 => TimeUnit::Minutes,
            1 => TimeUnit::Hours,
            _ => TimeUnit::Days,
        };
        let before = w.clock;
        match w.advance_clock(f(CLOCK_AMOUNT), unit) {
            Ok(by) => {
                assert!(by.0 > 0, "advance_clock({:?}) moved by {by:?}", f(CLOCK_AMOUNT));
                assert_eq!(w.clock, before.plus(by));
                let _ = (by.to_string(), w.clock.to_string());
            }
            Err(e) => {
                assert_eq!(w.clock, before, "a refused advance_clock({:?}) moved the clock", f(CLOCK_AMOUNT));
                let _ = e.to_string();
            }
        }
    }
    if flags & flags::BLOCK_BETWEEN != 0 {
        let _ = w.add_blocked_domain(f(BLOCKED_DOMAIN)).map_err(|e| e.to_string());
    }

    let token = match (&real_token, flags & flags::TOKEN_FROM_INPUT != 0) {
        (Some(t), false) => t.clone(),
        _ => f(OTHER).to_string(),
    };
    let _ = w.confirmation(&token).map_err(|e| e.to_string());
    let _ = w.confirmation_unopened(&token);
    let _ = w.open_confirmation(&token).map_err(|e| e.to_string());

    let details = AccountDetails {
        first_name: f(FIRST_NAME).into(),
        last_name: f(LAST_NAME).into(),
        password: f(PASSWORD).into(),
        confirm_password: f(CONFIRM).into(),
        country: f(COUNTRY).into(),
    };
    let completed = w.complete_signup(&token, &details, &mut rng);
    match &completed {
        Ok(c) => {
            if c.created_account {
                // A new account signs in with the password it was created with.
                let signed_in = w.sign_in(rms_sim::sim::SHARED_BROWSER, c.email.as_str(), &details.password);
                assert_eq!(signed_in.as_ref(), Ok(&c.email), "the new account {} can't sign in with its password", c.email);
            }
            assert!(w.user(&c.email).is_some(), "{} completed sign-up but has no account", c.email);
            // A link works once.
            match w.complete_signup(&token, &details, &mut rng) {
                Err(CompleteError::Token(TokenError::AlreadyUsed { .. })) => {}
                other => panic!("a used link was accepted again: {other:?}"),
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }

    let _ = w.sign_in(rms_sim::sim::SHARED_BROWSER, f(EMAIL), f(PASSWORD)).map_err(|e| e.to_string());
    let _ = w.sign_in(rms_sim::sim::SHARED_BROWSER, f(OTHER), f(CONFIRM)).map_err(|e| e.to_string());
    if flags & flags::HAMMER != 0 {
        // Distinct wrong passwords: repeating one of the last three isn't counted.
        for i in 0..12 {
            let _ = w.sign_in(rms_sim::sim::SHARED_BROWSER, f(EMAIL), &format!("{}{i}", f(CONFIRM))).map_err(|e| e.to_string());
        }
        if let Ok(e) = Email::parse(f(EMAIL)) {
            let _ = w.locked_until(&e);
        }
        let _ = w.remove_blocked_domain(f(BLOCKED_DOMAIN)).map_err(|e| e.to_string());
    }
    w.sign_out();

    // Event log sequence numbers stay strictly increasing, and the whole
    // world survives a save and a load.
    assert!(w.log.events.windows(2).all(|p| p[0].seq < p[1].seq), "event sequence numbers out of order");
    let raw = encode(&w);
    assert!(decode(&raw).is_ok_and(|again| again == w), "the world changed in a save and load");
});
