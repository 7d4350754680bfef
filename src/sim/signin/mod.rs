//! Signing in with an email address and password, with smart lockout
//! (Microsoft Entra defaults): 10 counted failures lock the account for 60
//! seconds; after a lockout ends, each further counted failure locks it
//! again, for longer; a repeat of one of the last three wrong passwords is
//! not counted; a success resets the count and the escalation.
//!
//! The 2016 password policy page states the core rule: "After 10
//! unsuccessful sign-in attempts (wrong password), the user will be locked
//! out for one minute. Further incorrect sign-in attempts will lock out the
//! user for increasing durations." The name "smart lockout" and the rule
//! that repeats of a recent wrong password are not counted are later (2017
//! on); the simulator applies them and says so ([`LOCKOUT_ERA_NOTE`]).

use crate::sim::World;
use crate::sim::basics::email::{Email, EmailError};
use crate::sim::basics::time::{SimDuration, SimTime};
use crate::sim::basics::wording::Wording;
use crate::sim::directory::{AccountStatus, TenantId};
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Smart lockout bookkeeping for one account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    /// Counted failures since the last successful sign-in (a lockout does
    /// not reset it).
    pub failures: u32,
    /// Fingerprints of the last three wrong passwords: repeats are not counted.
    pub recent_bad: Vec<String>,
    pub locked_until: Option<SimTime>,
    /// How many times the account has been locked since its last successful
    /// sign-in (each lockout lasts longer than the one before).
    pub lockouts: u32,
}

impl Lockout {
    pub(crate) fn is_clear(&self) -> bool {
        *self == Lockout::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub upn: Email,
    pub tenant: TenantId,
    pub since: SimTime,
}

pub const LOCKOUT_THRESHOLD: u32 = 10;
pub const FIRST_LOCKOUT: SimDuration = SimDuration::seconds(60);
/// Later lockouts double, up to this cap (the real growth rate is undisclosed).
pub const MAX_LOCKOUT: SimDuration = SimDuration::hours(1);
/// Where the rules come from, for the places that show them.
pub const LOCKOUT_ERA_NOTE: &str = "The 2016 password policy says: “After 10 unsuccessful sign-in attempts (wrong password), the user will be locked out for one minute. Further incorrect sign-in attempts will lock out the user for increasing durations.” The name smart lockout, and not counting a repeat of a recent wrong password, are later behaviour (2017 on). The growth rate isn't published: the simulator doubles each lockout, up to an hour, and a successful sign-in starts the count again.";
pub const LOCKED_MESSAGE: &str = "Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInError {
    InvalidEmail(EmailError),
    EmptyPassword,
    UnknownAccount,
    WrongPassword,
    Locked { until: SimTime },
    Blocked,
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInError::InvalidEmail(e) => write!(f, "{e}"),
            SignInError::EmptyPassword => f.write_str("Enter your password."),
            SignInError::UnknownAccount => f.write_str("We couldn't find an account with that email address. Check that you typed it correctly. If you haven't signed up yet, go to the Microsoft Rights Management page to sign up for RMS for individuals."),
            SignInError::WrongPassword => f.write_str("Your account or password is incorrect. If you don't remember your password, contact your admin."),
            SignInError::Locked { .. } => f.write_str(LOCKED_MESSAGE),
            SignInError::Blocked => f.write_str("Your account has been blocked by your administrator, so you can't sign in. Contact your admin to unblock it."),
        }
    }
}

impl SignInError {
    /// Where the refusal's words come from (see `basics::wording`).
    pub fn wording(&self) -> Wording {
        match self {
            SignInError::Locked { .. } => Wording::Microsoft { source: "the smart lockout documentation's message" },
            SignInError::WrongPassword => Wording::Partly {
                quoted: "“Your account or password is incorrect”",
                source: "Azure AD's sign-in page",
            },
            _ => Wording::Simulator { why: "the 2016 sign-in page's other messages were not published." },
        }
    }
}

fn lockout_length(lockout_number: u32) -> SimDuration {
    let factor = 1i64 << (lockout_number.saturating_sub(1)).min(12);
    SimDuration::seconds((FIRST_LOCKOUT.0 * factor).min(MAX_LOCKOUT.0))
}

impl World {
    /// Signs `device` in (another device's sign-in is left as it is).
    pub fn sign_in(&mut self, device: &str, email: &str, password: &str) -> Result<Email, SignInError> {
        let (upn, tenant) = self.authenticate(email, password)?;
        self.devices.sessions.insert(device.to_string(), Session { upn: upn.clone(), tenant, since: self.clock });
        self.log(EventKind::SignedIn { upn: upn.to_string() });
        Ok(upn)
    }

    /// Checks an email address and password with smart lockout, without
    /// starting a browser session (sign-in, and `Connect-MsolService`).
    pub fn authenticate(&mut self, email: &str, password: &str) -> Result<(Email, TenantId), SignInError> {
        let upn = Email::parse(email).map_err(SignInError::InvalidEmail)?;
        if password.is_empty() {
            return Err(SignInError::EmptyPassword);
        }
        let now = self.clock;
        let Some(tenant_id) = self.directory.domains.get(upn.domain()).map(|d| d.tenant.clone()) else {
            return self.fail(&upn, SignInError::UnknownAccount, false, 0);
        };
        let Some(user) = self.directory.tenants.get_mut(&tenant_id).and_then(|t| t.users.get_mut(&upn)) else {
            return self.fail(&upn, SignInError::UnknownAccount, false, 0);
        };
        if let Some(until) = user.lockout.locked_until {
            if now < until {
                return self.fail(&upn, SignInError::Locked { until }, false, 0);
            }
            user.lockout.locked_until = None;
        }
        let fingerprint = user.password.fingerprint(password).unwrap_or_default();
        if user.password.verify(password) {
            if user.status == AccountStatus::SignInBlocked {
                return self.fail(&upn, SignInError::Blocked, false, 0);
            }
            user.lockout = Lockout::default();
            return Ok((upn, tenant_id));
        }
        let lock = &mut user.lockout;
        if lock.recent_bad.contains(&fingerprint) {
            let f = lock.failures;
            return self.fail(&upn, SignInError::WrongPassword, false, f);
        }
        lock.recent_bad.push(fingerprint);
        if lock.recent_bad.len() > 3 {
            lock.recent_bad.remove(0);
        }
        lock.failures += 1;
        let failures = lock.failures;
        // The count is not reset by a lockout: once it has reached the
        // threshold, each further counted failure locks the account again.
        if failures >= LOCKOUT_THRESHOLD {
            lock.lockouts += 1;
            let until = now.plus(lockout_length(lock.lockouts));
            lock.locked_until = Some(until);
            let n = lock.lockouts;
            self.log(EventKind::SignInFailed {
                email: upn.to_string(),
                reason: SignInError::WrongPassword,
                counted: true,
                failures,
            });
            self.log(EventKind::AccountLocked { upn: upn.to_string(), until, lockout_number: n });
            return Err(SignInError::Locked { until });
        }
        self.fail(&upn, SignInError::WrongPassword, true, failures)
    }

    fn fail<T>(&mut self, upn: &Email, err: SignInError, counted: bool, failures: u32) -> Result<T, SignInError> {
        self.log(EventKind::SignInFailed { email: upn.to_string(), reason: err.clone(), counted, failures });
        Err(err)
    }

    pub fn sign_out(&mut self, device: &str) {
        if let Some(s) = self.devices.sessions.remove(device) {
            self.log(EventKind::SignedOut { upn: s.upn.to_string() });
        }
    }

    /// When the account's current lockout ends, if it is locked now.
    pub fn locked_until(&self, upn: &Email) -> Option<SimTime> {
        self.user(upn).and_then(|u| u.lockout.locked_until).filter(|t| *t > self.clock)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockouts_double_up_to_an_hour() {
        assert_eq!(lockout_length(1), SimDuration::seconds(60));
        assert_eq!(lockout_length(2), SimDuration::seconds(120));
        assert_eq!(lockout_length(3), SimDuration::seconds(240));
        assert_eq!(lockout_length(40), MAX_LOCKOUT);
    }
}

#[cfg(test)]
mod wording_tests {
    use super::*;

    #[test]
    fn sign_in_refusals_say_whose_words_they_are() {
        assert!(!SignInError::Locked { until: SimTime(0) }.wording().is_simulators());
        assert!(SignInError::WrongPassword.wording().note().contains("Your account or password is incorrect"));
        assert!(SignInError::UnknownAccount.wording().is_simulators());
    }
}
