//! World-level commands that are not part of sign-up or sign-in: the clock,
//! the domain lists, the inbox, and the event log itself.

use super::email::{EmailError, normalize_domain};
use super::events::{Event, EventKind};
use super::model::{MAX_EVENTS, World};
use super::time::{SimDuration, TimeUnit};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most the clock can move in one step: a year.
pub const MAX_ADVANCE: SimDuration = SimDuration::days(366);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockError {
    NotAPositiveWholeNumber,
    TooFar,
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClockError::NotAPositiveWholeNumber => {
                f.write_str("Enter a whole number of at least 1. The simulated clock only moves forward.")
            }
            ClockError::TooFar => {
                f.write_str("That is more than a year: advance the clock by at most 366 days at a time.")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainListError {
    Invalid(EmailError),
    AlreadyListed(String),
    NotListed(String),
}

impl fmt::Display for DomainListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainListError::Invalid(e) => f.write_str(super::email::domain_problem(e)),
            DomainListError::AlreadyListed(d) => write!(f, "{d} is already on the blocked domains list."),
            DomainListError::NotListed(d) => write!(f, "{d} isn't on the blocked domains list."),
        }
    }
}

impl World {
    /// Appends to the event log, stamped with the simulated time.
    pub fn log(&mut self, kind: EventKind) {
        let seq = self.events.last().map(|e| e.seq + 1).unwrap_or(self.events_trimmed + 1);
        self.events.push(Event { seq, at: self.clock, kind });
        if self.events.len() > MAX_EVENTS {
            // Drop a tenth at once so trimming stays cheap.
            let drop = self.events.len() - MAX_EVENTS + MAX_EVENTS / 10;
            self.events.drain(..drop);
            self.events_trimmed += drop as u64;
        }
    }

    /// Parses the clock form ("Amount" as typed, and a unit) and moves time on.
    pub fn advance_clock(&mut self, amount: &str, unit: TimeUnit) -> Result<SimDuration, ClockError> {
        let a = amount.trim();
        let n: i64 = match a.parse() {
            Ok(n) => n,
            // All digits but too big for a number: far more than a year.
            Err(_) if !a.is_empty() && a.chars().all(|c| c.is_ascii_digit()) => return Err(ClockError::TooFar),
            Err(_) => return Err(ClockError::NotAPositiveWholeNumber),
        };
        if n < 1 {
            return Err(ClockError::NotAPositiveWholeNumber);
        }
        if n > MAX_ADVANCE.0 {
            return Err(ClockError::TooFar);
        }
        let by = unit.duration(n);
        if by > MAX_ADVANCE {
            return Err(ClockError::TooFar);
        }
        self.clock = self.clock.plus(by);
        self.log(EventKind::ClockAdvanced { by, to: self.clock });
        self.run_due();
        Ok(by)
    }

    pub fn add_blocked_domain(&mut self, input: &str) -> Result<String, DomainListError> {
        let d = normalize_domain(input).map_err(DomainListError::Invalid)?;
        if !self.lists.blocked.insert(d.clone()) {
            return Err(DomainListError::AlreadyListed(d));
        }
        self.log(EventKind::BlockedDomainAdded { domain: d.clone() });
        Ok(d)
    }

    pub fn remove_blocked_domain(&mut self, input: &str) -> Result<(), DomainListError> {
        let domain = normalize_domain(input).map_err(DomainListError::Invalid)?;
        if !self.lists.blocked.remove(&domain) {
            return Err(DomainListError::NotListed(domain));
        }
        self.log(EventKind::BlockedDomainRemoved { domain });
        Ok(())
    }

    pub fn set_personal_check(&mut self, on: bool) {
        if self.lists.personal_check != on {
            self.lists.personal_check = on;
            self.log(EventKind::DomainListSwitched { list: "Personal email address".into(), on });
        }
    }

    pub fn set_blocked_check(&mut self, on: bool) {
        if self.lists.blocked_check != on {
            self.lists.blocked_check = on;
            self.log(EventKind::DomainListSwitched { list: "Blocked domains".into(), on });
        }
    }

    /// Marks a message read; returns false if there is no such message.
    pub fn mark_read(&mut self, address: &str, id: u64) -> bool {
        match self
            .mailboxes
            .get_mut(&address.to_ascii_lowercase())
            .and_then(|m| m.messages.iter_mut().find(|x| x.id == id))
        {
            Some(m) if !m.read => {
                m.read = true;
                true
            }
            Some(_) => true,
            None => false,
        }
    }
}
