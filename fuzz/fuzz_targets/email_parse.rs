//! Arbitrary text through the address and domain parsers.
//!
//! Whatever `Email::parse` accepts must meet the invariants the rest of the
//! engine relies on (lower case, one `@`, a dotted domain, Azure AD's 64/48
//! limits) and must parse again to itself; `normalize_domain` must give a
//! domain that normalizes to itself; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rms_sim::sim::email::{Email, normalize_domain, personal_kind};

fn check_email(input: &str, e: &Email) {
    let s = e.as_str();
    assert!(s.is_ascii(), "{input:?} -> {s:?}: not ASCII");
    assert!(!s.bytes().any(|b| b.is_ascii_uppercase()), "{input:?} -> {s:?}: not lower case");
    assert_eq!(s.matches('@').count(), 1, "{input:?} -> {s:?}: not exactly one @");
    let (local, domain) = (e.local_part(), e.domain());
    assert_eq!(format!("{local}@{domain}"), s, "{input:?}: local part and domain don't make the address");
    assert!(!local.is_empty(), "{input:?} -> {s:?}: empty local part");
    assert!(domain.contains('.'), "{input:?} -> {s:?}: domain without a dot");
    assert!(local.len() <= 64, "{input:?} -> {s:?}: local part of {} characters", local.len());
    assert!(domain.len() <= 48, "{input:?} -> {s:?}: domain of {} characters", domain.len());
    assert_eq!(Email::parse(s).as_ref(), Ok(e), "{input:?} -> {s:?}: does not parse again to itself");
    assert_eq!(e.to_string(), s);
    // The domain of an accepted address is an accepted domain.
    assert_eq!(normalize_domain(domain).as_deref(), Ok(domain), "{input:?} -> {s:?}: its domain does not normalize to itself");
    let _ = personal_kind(domain);
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };

    match Email::parse(s) {
        Ok(e) => check_email(s, &e),
        Err(err) => {
            let _ = err.to_string();
        }
    }

    match normalize_domain(s) {
        Ok(d) => {
            assert!(d.is_ascii() && !d.bytes().any(|b| b.is_ascii_uppercase()), "{s:?} -> {d:?}: not lower-case ASCII");
            assert!(d.contains('.') && !d.contains('@'), "{s:?} -> {d:?}: not a dotted domain");
            assert!(d.len() <= 48, "{s:?} -> {d:?}: {} characters", d.len());
            assert_eq!(normalize_domain(&d).as_deref(), Ok(d.as_str()), "{s:?} -> {d:?}: does not normalize to itself");
            let _ = personal_kind(&d);
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }

    // The lists are matched against whatever the caller passes.
    let _ = personal_kind(s);
    let _ = personal_kind(s.rsplit('@').next().unwrap_or(s));
});
