//! The simulated clock: "Advance time", and what falls due when it moves.

use crate::sim::World;
use crate::sim::basics::time::{SimDuration, SimTime, TimeUnit};
use crate::sim::events::EventKind;
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

impl World {
    /// Parses the clock form ("Amount" as typed, and a unit) and moves time on.
    pub fn advance_clock(&mut self, amount: &str, unit: TimeUnit) -> Result<SimDuration, ClockError> {
        let by = Self::parse_advance(amount, unit)?;
        self.move_clock(by);
        Ok(by)
    }

    /// The DNS record that becomes visible next, if one is still
    /// propagating: its domain and the moment resolvers see it.
    pub fn next_dns_visibility(&self) -> Option<(String, SimTime)> {
        self.dns
            .records
            .iter()
            .filter(|r| r.visible_at > self.clock)
            .min_by_key(|r| r.visible_at)
            .map(|r| (r.domain.clone(), r.visible_at))
    }

    /// "Skip to …": moves the clock to the moment the next propagating DNS
    /// record becomes visible. `None` (and no change) when none is pending.
    pub fn skip_to_dns_visibility(&mut self) -> Option<SimTime> {
        let (_, at) = self.next_dns_visibility()?;
        self.move_clock(at.since(self.clock));
        Some(at)
    }

    fn move_clock(&mut self, by: SimDuration) {
        self.clock = self.clock.plus(by);
        self.log(EventKind::ClockAdvanced { by, to: self.clock });
        self.run_due();
    }

    fn parse_advance(amount: &str, unit: TimeUnit) -> Result<SimDuration, ClockError> {
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
        Ok(by)
    }
}
