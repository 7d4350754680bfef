//! The Azure AD cloud-user password policy of 2016 and salted password hashing.
//!
//! Policy as "Password policies and restrictions in Azure Active Directory"
//! stated it in 2016 (ms.date 01/07/2016), for the seed's era and for the
//! October 2016 flow alike (the maximum became 256 only in April 2019):
//! "8 characters minimum and 16 characters maximum"; strong passwords need
//! 3 of 4 groups (lowercase, uppercase, numbers, symbols); only A–Z, a–z,
//! 0–9 and `@ # $ % ^ & * - _ ! + = [ ] { } | \ : ' , . ? / ` ~ " ( ) ;`;
//! not allowed: Unicode characters, spaces, and a dot immediately before
//! the `@` symbol.
//!
//! Passwords are never stored: only a PBKDF2-HMAC-SHA256 hash with a random
//! 16-byte per-user salt, written as
//! `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` (unpadded
//! URL-safe base64; hashes from schema 1 used hex and still verify).

use super::rand::{RandomSource, to_hex};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 16;
/// The symbols the 2016 policy allows (no blank space, no `<` or `>`).
pub const ALLOWED_SYMBOLS: &str = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();";
/// Where the policy comes from, for the pages that state it.
pub const POLICY_SOURCE: &str = "the 2016 Azure AD password policy (“Password policies and restrictions in Azure Active Directory”, January 2016): 8 to 16 characters, no spaces; the maximum became 256 only in 2019";

/// One way a password breaks the policy. A password can break several at once;
/// every one is reported so the person can fix them together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    TooShort {
        length: usize,
    },
    TooLong {
        length: usize,
    },
    TooFewCharacterGroups {
        found: Vec<CharGroup>,
    },
    DisallowedCharacters {
        characters: String,
    },
    /// "Cannot contain a dot character '.' immediately preceding the '@' symbol".
    DotBeforeAt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CharGroup {
    Lowercase,
    Uppercase,
    Digit,
    Symbol,
}

impl CharGroup {
    fn name(self) -> &'static str {
        match self {
            CharGroup::Lowercase => "lowercase letters",
            CharGroup::Uppercase => "uppercase letters",
            CharGroup::Digit => "numbers",
            CharGroup::Symbol => "symbols",
        }
    }
}

impl fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasswordProblem::TooShort { length } => write!(
                f,
                "The password is too short: it has {length} character{} and needs at least {MIN_LEN}.",
                if *length == 1 { "" } else { "s" }
            ),
            PasswordProblem::TooLong { length } => {
                write!(f, "The password is too long: it has {length} characters and can have at most {MAX_LEN}.")
            }
            PasswordProblem::TooFewCharacterGroups { found } => {
                let have = if found.is_empty() {
                    "none of them".to_string()
                } else {
                    format!("only {}", found.iter().map(|g| g.name()).collect::<Vec<_>>().join(" and "))
                };
                write!(
                    f,
                    "The password needs characters from at least 3 of these 4 groups: lowercase letters, uppercase letters, numbers and symbols. It has {have}."
                )
            }
            PasswordProblem::DisallowedCharacters { characters } => write!(
                f,
                "The password contains characters that aren't allowed: {characters}. Use only A–Z, a–z, 0–9 and these symbols, without spaces: {}",
                ALLOWED_SYMBOLS.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ")
            ),
            PasswordProblem::DotBeforeAt => {
                f.write_str("The password can't have a dot (.) immediately before an @ symbol.")
            }
        }
    }
}

fn group_of(c: char) -> Option<CharGroup> {
    match c {
        'a'..='z' => Some(CharGroup::Lowercase),
        'A'..='Z' => Some(CharGroup::Uppercase),
        '0'..='9' => Some(CharGroup::Digit),
        c if ALLOWED_SYMBOLS.contains(c) => Some(CharGroup::Symbol),
        _ => None,
    }
}

fn allowed(c: char) -> bool {
    group_of(c).is_some()
}

/// Every way `password` breaks the cloud password policy (empty when it complies).
pub fn check_policy(password: &str) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if length < MIN_LEN {
        problems.push(PasswordProblem::TooShort { length });
    }
    if length > MAX_LEN {
        problems.push(PasswordProblem::TooLong { length });
    }
    let mut found: Vec<CharGroup> = Vec::new();
    for g in password.chars().filter_map(group_of) {
        if !found.contains(&g) {
            found.push(g);
        }
    }
    found.sort_by_key(|g| *g as u8);
    if found.len() < 3 {
        problems.push(PasswordProblem::TooFewCharacterGroups { found });
    }
    let mut bad: Vec<char> = Vec::new();
    for c in password.chars().filter(|c| !allowed(*c)) {
        if !bad.contains(&c) {
            bad.push(c);
        }
    }
    if !bad.is_empty() {
        let characters = bad
            .iter()
            .map(|c| if c.is_control() || c.is_whitespace() { format!("U+{:04X}", *c as u32) } else { format!("{c}") })
            .collect::<Vec<_>>()
            .join(" ");
        problems.push(PasswordProblem::DisallowedCharacters { characters });
    }
    if password.contains(".@") {
        problems.push(PasswordProblem::DotBeforeAt);
    }
    problems
}

/// A salted password hash. The plain password never leaves `hash_password`
/// and `PasswordHash::verify`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordHash(String);

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(pbkdf2-sha256, redacted)")
    }
}

fn derive(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations.max(1), &mut out);
    out
}

use super::codec::{from_b64, to_b64};

/// Salt and hash fields: base64 (schema 2) or hex (schema 1).
fn field_bytes(s: &str) -> Option<Vec<u8>> {
    if s.len() == 32 || s.len() == 64 { from_hex(s) } else { from_b64(s) }
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

pub fn hash_password(password: &str, iterations: u32, rng: &mut dyn RandomSource) -> PasswordHash {
    let mut salt = [0u8; 16];
    rng.fill(&mut salt);
    let dk = derive(password, &salt, iterations);
    PasswordHash(format!("pbkdf2-sha256${}${}${}", iterations.max(1), to_b64(&salt), to_b64(&dk)))
}

impl PasswordHash {
    fn parts(&self) -> Option<(u32, Vec<u8>, Vec<u8>)> {
        let mut it = self.0.split('$');
        if it.next()? != "pbkdf2-sha256" {
            return None;
        }
        let iterations = it.next()?.parse().ok()?;
        let salt = field_bytes(it.next()?)?;
        let hash = field_bytes(it.next()?)?;
        (salt.len() == 16 && hash.len() == 32).then_some((iterations, salt, hash))
    }

    /// The derived key of `password` under this hash's salt, for comparing and
    /// for remembering recent wrong attempts without storing them.
    pub fn fingerprint(&self, password: &str) -> Option<String> {
        let (iterations, salt, _) = self.parts()?;
        Some(to_hex(&derive(password, &salt, iterations)))
    }

    pub fn verify(&self, password: &str) -> bool {
        match (self.parts(), self.fingerprint(password)) {
            (Some((_, _, hash)), Some(fp)) => constant_time_eq(to_hex(&hash).as_bytes(), fp.as_bytes()),
            _ => false,
        }
    }

    /// A hash in its stored form, if it is one (used for precomputed hashes).
    pub fn from_stored(s: &str) -> Option<PasswordHash> {
        let h = PasswordHash(s.to_string());
        h.parts().map(|_| h)
    }

    /// The stored text, for inspection in tests and the behind-the-scenes view.
    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::basics::rand::SeededRandom;

    #[test]
    fn compliant_passwords_pass() {
        assert!(check_policy("Contoso-2016!").is_empty());
        assert!(check_policy("abcdEFGH").len() == 1, "two groups only");
        assert!(check_policy("abcd1234!").is_empty(), "lower+digit+symbol is 3 of 4");
        assert!(check_policy(&format!("Aa1{}", "x".repeat(13))).is_empty(), "16 is the maximum");
        assert!(check_policy("ab.@C1de").len() == 1, "a dot right before @ is refused");
        assert!(check_policy("a@.b@C1de").is_empty(), "a dot after @ is fine");
    }

    #[test]
    fn each_violation_is_named() {
        assert_eq!(check_policy("Ab1!"), vec![PasswordProblem::TooShort { length: 4 }]);
        assert_eq!(check_policy(&format!("Aa1{}", "x".repeat(14))), vec![PasswordProblem::TooLong { length: 17 }]);
        assert_eq!(
            check_policy("correct Horse 9"),
            vec![PasswordProblem::DisallowedCharacters { characters: "U+0020".into() }],
            "no spaces in 2016"
        );
        assert_eq!(check_policy("Abc1<def>"), vec![PasswordProblem::DisallowedCharacters { characters: "< >".into() }]);
        assert_eq!(check_policy("Abcdef1.@x"), vec![PasswordProblem::DotBeforeAt]);
        assert_eq!(
            check_policy("password"),
            vec![PasswordProblem::TooFewCharacterGroups { found: vec![CharGroup::Lowercase] }]
        );
        assert_eq!(check_policy("Pässword1"), vec![PasswordProblem::DisallowedCharacters { characters: "ä".into() }]);
        let all = check_policy("é");
        assert_eq!(all.len(), 3, "short, one group… none, and disallowed: {all:?}");
        assert_eq!(
            check_policy("a\tB1cdefg"),
            vec![PasswordProblem::DisallowedCharacters { characters: "U+0009".into() }]
        );
    }

    #[test]
    fn messages_explain_the_rule() {
        let msgs: Vec<String> = check_policy("aé").iter().map(|p| p.to_string()).collect();
        assert!(msgs[0].contains("at least 8"));
        assert!(msgs[1].contains("only lowercase letters"));
        assert!(msgs[2].contains("aren't allowed: é"));
        assert!(PasswordProblem::TooFewCharacterGroups { found: vec![] }.to_string().contains("none of them"));
        assert!(PasswordProblem::TooLong { length: 300 }.to_string().contains("at most 16"));
        assert!(PasswordProblem::TooShort { length: 1 }.to_string().contains("1 character and"));
    }

    #[test]
    fn hashes_are_salted_and_verify() {
        let mut rng = SeededRandom::new(1);
        let a = hash_password("Contoso-2016!", 10, &mut rng);
        let b = hash_password("Contoso-2016!", 10, &mut rng);
        assert_ne!(a, b, "a fresh salt each time");
        assert!(a.verify("Contoso-2016!"));
        assert!(!a.verify("contoso-2016!"));
        assert!(!a.as_stored().contains("Contoso"));
        assert!(!format!("{a:?}").contains(a.as_stored()), "Debug never prints the hash");
        assert_eq!(a.fingerprint("x"), a.fingerprint("x"));
        assert_ne!(a.fingerprint("x"), b.fingerprint("x"));
    }

    #[test]
    fn base64_round_trips_and_old_hex_hashes_verify() {
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(from_b64(&to_b64(&bytes)).unwrap(), bytes);
        }
        assert_eq!(to_b64(&[0u8; 16]).len(), 22);
        assert!(from_b64("a*b").is_none());
        // A schema-1 hash (hex) of "x" with salt 00..0f and 1 round.
        let salt: Vec<u8> = (0u8..16).collect();
        let old = PasswordHash(format!("pbkdf2-sha256$1${}${}", to_hex(&salt), to_hex(&derive("x", &salt, 1))));
        assert!(old.verify("x") && !old.verify("y"));
    }

    #[test]
    fn corrupt_hashes_never_verify() {
        for bad in ["", "md5$1$00$00", "pbkdf2-sha256$x$00$00", "pbkdf2-sha256$1$0$00", "pbkdf2-sha256$1$00"] {
            assert!(!PasswordHash(bad.into()).verify(""), "{bad}");
        }
    }
}
