//! The simulated clock. Nothing in the engine reads the wall clock: every
//! time-based rule (link expiry, lockout, later DNS propagation) compares
//! against a `SimTime` that only moves when the trainer advances it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Seconds since 1970-01-01T00:00:00Z on the simulated clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimTime(pub i64);

/// The moment every scenario starts: Monday 2 May 2016, 09:00 UTC, the era of the seed article.
pub const SCENARIO_START: SimTime = SimTime(1_462_179_600);

impl SimTime {
    pub fn plus(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
    pub fn since(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0 - earlier.0)
    }
    /// Calendar date and time in UTC: (year, month, day, hour, minute, second).
    pub fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, (secs / 3600) as u32, ((secs % 3600) / 60) as u32, (secs % 60) as u32)
    }
    /// ISO 8601, e.g. `2016-05-02T09:00:00Z`.
    pub fn iso(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl SimTime {
    /// The short form a phone's header shows: `Mon 2 May, 09:00`.
    pub fn short(&self) -> String {
        let full = self.to_string();
        let (date, rest) = full.split_once(", ").expect("the display form has a comma");
        let day = date.rsplit_once(' ').map_or(date, |(d, _year)| d);
        format!("{day}, {}", &rest[..5])
    }
}

impl fmt::Display for SimTime {
    /// Human form used in the UI: `Mon 2 May 2016, 09:00:00 UTC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let (y, mo, d, h, mi, s) = self.civil();
        let wd = WEEKDAYS[self.0.div_euclid(86_400).rem_euclid(7) as usize];
        write!(f, "{wd} {d} {} {y}, {h:02}:{mi:02}:{s:02} UTC", MONTHS[(mo - 1) as usize])
    }
}

/// A span of simulated time in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimDuration(pub i64);

impl SimDuration {
    pub const fn seconds(s: i64) -> Self {
        SimDuration(s)
    }
    pub const fn minutes(m: i64) -> Self {
        SimDuration(m * 60)
    }
    pub const fn hours(h: i64) -> Self {
        SimDuration(h * 3600)
    }
    pub const fn days(d: i64) -> Self {
        SimDuration(d * 86_400)
    }
    /// A whole number of hours up to a week as hours (`24 hours`, as
    /// validity periods are stated); anything else as `Display` writes it.
    pub fn in_hours(self) -> String {
        match self.0 {
            s if s > 0 && s % 3600 == 0 && s <= 7 * 86_400 => {
                let h = s / 3600;
                format!("{h} hour{}", if h == 1 { "" } else { "s" })
            }
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for SimDuration {
    /// `45 seconds`, `1 minute 30 seconds`, `23 hours 59 minutes`, `2 days`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = self.0.max(0);
        let parts = [(86_400, "day"), (3600, "hour"), (60, "minute"), (1, "second")];
        let mut out: Vec<String> = Vec::new();
        for (size, name) in parts {
            let n = s / size;
            s %= size;
            if n > 0 {
                out.push(format!("{n} {name}{}", if n == 1 { "" } else { "s" }));
            }
            if out.len() == 2 {
                break;
            }
        }
        if out.is_empty() {
            return f.write_str("0 seconds");
        }
        f.write_str(&out.join(" "))
    }
}

/// Units the trainer can advance the clock by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
}

impl TimeUnit {
    pub fn duration(self, amount: i64) -> SimDuration {
        match self {
            TimeUnit::Minutes => SimDuration::minutes(amount),
            TimeUnit::Hours => SimDuration::hours(amount),
            TimeUnit::Days => SimDuration::days(amount),
        }
    }
}

// Howard Hinnant's days-to-civil algorithm (public domain).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Midnight at the end of `YYYY-MM-DD` (UTC, the simulated clock's zone).
pub fn end_of_day(input: &str) -> Option<SimTime> {
    let mut parts = input.trim().split('-');
    let (y, m, d) =
        (parts.next()?.parse::<i64>().ok()?, parts.next()?.parse::<u32>().ok()?, parts.next()?.parse::<u32>().ok()?);
    if parts.next().is_some() || !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1];
    if d > days_in {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 as i64 + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(SimTime((days + 1) * 86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_start_is_monday_2_may_2016() {
        assert_eq!(SCENARIO_START.iso(), "2016-05-02T09:00:00Z");
        assert_eq!(SCENARIO_START.to_string(), "Mon 2 May 2016, 09:00:00 UTC");
        assert_eq!(SCENARIO_START.short(), "Mon 2 May, 09:00");
        assert_eq!(SCENARIO_START.plus(SimDuration::hours(24 * 30 + 5)).short(), "Wed 1 Jun, 14:00");
    }

    #[test]
    fn leap_day_and_year_end() {
        assert_eq!(SimTime(951_782_400).iso(), "2000-02-29T00:00:00Z");
        assert_eq!(SimTime(1_483_228_799).iso(), "2016-12-31T23:59:59Z");
        assert_eq!(SimTime(0).iso(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(SimDuration::seconds(0).to_string(), "0 seconds");
        assert_eq!(SimDuration::seconds(1).to_string(), "1 second");
        assert_eq!(SimDuration::seconds(90).to_string(), "1 minute 30 seconds");
        assert_eq!(SimDuration::days(2).to_string(), "2 days");
        assert_eq!(SimDuration::seconds(86_399).to_string(), "23 hours 59 minutes");
        assert_eq!(TimeUnit::Hours.duration(3), SimDuration::hours(3));
        assert_eq!(TimeUnit::Minutes.duration(3), SimDuration::seconds(180));
        assert_eq!(TimeUnit::Days.duration(1), SimDuration::hours(24));
    }

    #[test]
    fn plus_and_since() {
        let t = SCENARIO_START.plus(SimDuration::minutes(5));
        assert_eq!(t.since(SCENARIO_START), SimDuration::seconds(300));
    }
}
