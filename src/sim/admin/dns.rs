//! The simulated public DNS: TXT and MX records per domain, seen by
//! resolvers only after a propagation delay on the simulated clock, and the
//! check that domain verification runs against it.

use crate::sim::World;
use crate::sim::basics::email::{EmailError, domain_problem, normalize_domain};
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::{SimDuration, SimTime};
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The DNS part of the world: every zone's records, in the order added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dns {
    pub records: Vec<DnsRecord>,
    pub next_id: u64,
}

impl Default for Dns {
    fn default() -> Self {
        Dns { records: vec![], next_id: 1 }
    }
}

/// A record of the simulated public DNS. `visible_at` is when resolvers see
/// it: the documented 15 to 60 minutes after it was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecord {
    pub id: u64,
    pub domain: String,
    pub kind: RecordType,
    pub value: String,
    pub added: SimTime,
    pub visible_at: SimTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RecordType {
    #[serde(rename = "TXT")]
    Txt,
    #[serde(rename = "MX")]
    Mx,
}

impl RecordType {
    pub fn label(self) -> &'static str {
        match self {
            RecordType::Txt => "TXT",
            RecordType::Mx => "MX",
        }
    }
}

/// "There may be a delay of 15 to 60 minutes between when the DNS update is
/// made and when this cmdlet is able to verify" (Confirm-MsolDomain).
pub const MIN_PROPAGATION: SimDuration = SimDuration::minutes(15);
pub const MAX_PROPAGATION: SimDuration = SimDuration::minutes(60);
/// A TXT record's character-string limit.
pub const MAX_VALUE: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DnsError {
    Domain(EmailError),
    EmptyValue,
    ValueTooLong,
    BadMailServer(String),
    Duplicate,
    NoSuchRecord,
}

impl fmt::Display for DnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DnsError::Domain(e) => f.write_str(&domain_problem(e)),
            DnsError::EmptyValue => {
                f.write_str("Enter the record's value, for example the MS=ms… text that verification asks for.")
            }
            DnsError::ValueTooLong => write!(f, "A TXT or MX value can be at most {MAX_VALUE} characters long."),
            DnsError::BadMailServer(v) => {
                write!(f, "An MX record's value is a host name, such as ms12345678.msv1.invalid; “{v}” isn't one.")
            }
            DnsError::Duplicate => f.write_str("The zone already has this record."),
            DnsError::NoSuchRecord => {
                f.write_str("That record isn't in the zone any more (it may have been removed in another tab).")
            }
        }
    }
}

/// Why a verification record was not found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyError {
    /// Resolvers see no TXT or MX record for the domain.
    NoRecord { domain: String, expected: String },
    /// Resolvers see nothing yet; the records still propagating don't have
    /// the value asked for either.
    PendingWrongValue { domain: String, expected: String, pending: Vec<String>, visible_at: SimTime },
    /// Records are visible, but none has the value asked for.
    WrongValue { domain: String, expected: String, found: Vec<String> },
    /// The right record was added, but resolvers won't see it before `visible_at`.
    NotYetPropagated { domain: String, added: SimTime, visible_at: SimTime },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::NoRecord { domain, expected } => write!(
                f,
                "Verification failed: DNS has no TXT or MX record for {domain}. Add a TXT record with the value {expected} on the DNS page (leave the name blank: it belongs to {domain} itself), then try again."
            ),
            VerifyError::PendingWrongValue { domain, expected, pending, visible_at } => write!(
                f,
                "Verification failed: DNS has no visible record for {domain} yet, and the record(s) still propagating ({}, visible from {visible_at}) don't have the value {expected} either. Add a TXT record with exactly that value.",
                pending.join("; ")
            ),
            VerifyError::WrongValue { domain, expected, found } => write!(
                f,
                "Verification failed: DNS has records for {domain}, but none with the value {expected}. Found: {}. Check for a typo, or copy the value again.",
                found.join("; ")
            ),
            VerifyError::NotYetPropagated { domain, added, visible_at } => write!(
                f,
                "Verification failed: the TXT record for {domain} was added at {added}, but DNS changes take 15 to 60 minutes to propagate, and this one won't be visible before {visible_at}. Wait (or advance the simulated clock), then try again."
            ),
        }
    }
}

/// The MX record's priority (MSOnline calls it Preference) in Microsoft's
/// verification records, and the time to live both records are given.
pub const MX_PREFERENCE: u32 = 32767;
pub const RECORD_TTL_SECONDS: u32 = 3600;

/// The MX host that proves ownership as well as the TXT value does:
/// `MS=ms12345678` ↔ `ms12345678.msv1.invalid`.
pub fn mx_for(txt: &str) -> String {
    format!("{}.msv1.invalid", txt.trim_start_matches("MS="))
}

fn clean(value: &str) -> String {
    value.trim().trim_matches('"').trim().to_string()
}

impl World {
    /// "Add record" on `/dns`.
    pub fn add_dns_record(
        &mut self,
        domain: &str,
        kind: RecordType,
        value: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<u64, DnsError> {
        let domain = normalize_domain(domain).map_err(DnsError::Domain)?;
        let mut value = clean(value);
        if value.is_empty() {
            return Err(DnsError::EmptyValue);
        }
        if value.chars().count() > MAX_VALUE {
            return Err(DnsError::ValueTooLong);
        }
        if kind == RecordType::Mx {
            let typed = value.clone();
            value = value.trim_end_matches('.').to_ascii_lowercase();
            if normalize_domain(&value).is_err() && !value.ends_with(".invalid") {
                return Err(DnsError::BadMailServer(typed));
            }
        }
        if self.dns.records.iter().any(|r| r.domain == domain && r.kind == kind && r.value == value) {
            return Err(DnsError::Duplicate);
        }
        let spread = (MAX_PROPAGATION.0 - MIN_PROPAGATION.0) / 60 + 1;
        let delay = SimDuration::minutes(MIN_PROPAGATION.0 / 60 + rng.below(spread as u64) as i64);
        let id = self.dns.next_id.max(1);
        self.dns.next_id = id + 1;
        let visible_at = self.clock.plus(delay);
        self.dns.records.push(DnsRecord {
            id,
            domain: domain.clone(),
            kind,
            value: value.clone(),
            added: self.clock,
            visible_at,
        });
        self.log(EventKind::DnsRecordAdded { domain, kind, value, visible_at });
        Ok(id)
    }

    /// "Remove" on `/dns`. Removal is immediate (the simulator doesn't model
    /// cached answers going stale).
    pub fn remove_dns_record(&mut self, id: u64) -> Result<(), DnsError> {
        let i = self.dns.records.iter().position(|r| r.id == id).ok_or(DnsError::NoSuchRecord)?;
        let r = self.dns.records.remove(i);
        self.log(EventKind::DnsRecordRemoved { domain: r.domain, kind: r.kind, value: r.value });
        Ok(())
    }

    /// What a resolver answers now for `domain`.
    pub fn resolve(&self, domain: &str, kind: RecordType) -> Vec<&DnsRecord> {
        self.dns.records.iter().filter(|r| r.domain == domain && r.kind == kind && r.visible_at <= self.clock).collect()
    }

    /// Looks for the TXT value `expected` (or its MX form) at `domain`.
    pub fn check_verification_record(&self, domain: &str, expected: &str) -> Result<(), VerifyError> {
        let mx = mx_for(expected);
        let matches = |r: &DnsRecord| match r.kind {
            RecordType::Txt => r.value == expected,
            RecordType::Mx => r.value == mx,
        };
        let all: Vec<&DnsRecord> = self.dns.records.iter().filter(|r| r.domain == domain).collect();
        if all.iter().any(|r| r.visible_at <= self.clock && matches(r)) {
            return Ok(());
        }
        if let Some(r) = all.iter().filter(|r| matches(r)).min_by_key(|r| r.visible_at) {
            return Err(VerifyError::NotYetPropagated {
                domain: domain.into(),
                added: r.added,
                visible_at: r.visible_at,
            });
        }
        let found: Vec<String> = all
            .iter()
            .filter(|r| r.visible_at <= self.clock)
            .map(|r| format!("{} {}", r.kind.label(), r.value))
            .collect();
        if found.is_empty() {
            match all.iter().map(|r| r.visible_at).min() {
                None => Err(VerifyError::NoRecord { domain: domain.into(), expected: expected.into() }),
                Some(visible_at) => Err(VerifyError::PendingWrongValue {
                    domain: domain.into(),
                    expected: expected.into(),
                    pending: all.iter().map(|r| format!("{} {}", r.kind.label(), r.value)).collect(),
                    visible_at,
                }),
            }
        } else {
            Err(VerifyError::WrongValue { domain: domain.into(), expected: expected.into(), found })
        }
    }
}
