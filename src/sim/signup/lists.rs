//! The domain lists "Get started" checks: personal (consumer and Internet
//! provider) addresses, and the blocked domains a trainer can edit.

use crate::sim::World;
use crate::sim::basics::email::{EmailError, domain_problem, normalize_domain};
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The two domain lists of sign-up a trainer can switch off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainList {
    PersonalEmail,
    BlockedDomains,
}

impl DomainList {
    pub fn label(self) -> &'static str {
        match self {
            DomainList::PersonalEmail => "Personal email address",
            DomainList::BlockedDomains => "Blocked domains",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainLists {
    pub personal_check: bool,
    pub blocked_check: bool,
    pub blocked: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainListError {
    Invalid(EmailError),
    AlreadyListed(String),
    NotListed(String),
}

impl DomainLists {
    /// Whether sign-up checks addresses against this list.
    pub fn is_on(&self, list: DomainList) -> bool {
        match list {
            DomainList::PersonalEmail => self.personal_check,
            DomainList::BlockedDomains => self.blocked_check,
        }
    }
}

impl fmt::Display for DomainListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainListError::Invalid(e) => f.write_str(&domain_problem(e)),
            DomainListError::AlreadyListed(d) => write!(f, "{d} is already on the blocked domains list."),
            DomainListError::NotListed(d) => write!(f, "{d} isn't on the blocked domains list."),
        }
    }
}

impl World {
    pub fn add_blocked_domain(&mut self, input: &str) -> Result<String, DomainListError> {
        let d = normalize_domain(input).map_err(DomainListError::Invalid)?;
        if !self.signups.lists.blocked.insert(d.clone()) {
            return Err(DomainListError::AlreadyListed(d));
        }
        self.log(EventKind::BlockedDomainAdded { domain: d.clone() });
        Ok(d)
    }

    pub fn remove_blocked_domain(&mut self, input: &str) -> Result<(), DomainListError> {
        // An entry saved before the domain rule was stricter (`example.com`
        // was on the built-in list) can still be removed as it is listed.
        let listed = input.trim().trim_start_matches('@').trim_end_matches('.').to_ascii_lowercase();
        let domain = if self.signups.lists.blocked.contains(&listed) {
            listed
        } else {
            normalize_domain(input).map_err(DomainListError::Invalid)?
        };
        if !self.signups.lists.blocked.remove(&domain) {
            return Err(DomainListError::NotListed(domain));
        }
        self.log(EventKind::BlockedDomainRemoved { domain });
        Ok(())
    }

    /// Turns one of the domain checks on or off.
    pub fn set_domain_list(&mut self, list: DomainList, on: bool) {
        let lists = &mut self.signups.lists;
        let check = match list {
            DomainList::PersonalEmail => &mut lists.personal_check,
            DomainList::BlockedDomains => &mut lists.blocked_check,
        };
        if *check != on {
            *check = on;
            self.log(EventKind::DomainListSwitched { list, on });
        }
    }
}
