//! People and their devices: each browser tab is one person's device.
//!
//! The seed's story has several people at once: a sender at Contoso, a
//! recipient at Fabrikam who signs up on her own PC, colleagues who join,
//! and Fabrikam's IT admin. Each has their own browser, and a sign-in on one
//! does not sign another out. A device is named by the person it belongs to
//! (their address, lowercase); [`SHARED_BROWSER`] is the one browser every
//! tab used before devices existed, which a tab that acts as nobody in
//! particular still uses.
//!
//! Which device a tab is lives in the tab (the UI's "Act as"): it is a view
//! of the world, not a change to it. What a device holds (its sign-in) is
//! in the world, so every tab, a reload and Undo see it.

use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::directory::TenantKind;
use crate::sim::signin::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The device of a tab that acts as nobody in particular: one browser shared
/// by every such tab (like the trainer's own browser).
pub const SHARED_BROWSER: &str = "";

/// The sign-in of every device that has one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Devices {
    /// By device: [`SHARED_BROWSER`] or a person's lowercase address.
    pub sessions: BTreeMap<String, Session>,
}

/// What a device is called on screen.
pub fn device_name(device: &str) -> String {
    if device == SHARED_BROWSER { "the shared browser".into() } else { format!("{device}'s device") }
}

/// Someone in the world: an account, or an address that has mail but no account yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Lowercase; also the id of their device.
    pub address: String,
    /// The organization whose directory holds their account, if they have one.
    pub organization: Option<String>,
    /// Whether that organization is an unmanaged (self-service) directory.
    pub unmanaged: bool,
    /// Unread messages in their mailbox.
    pub unread: usize,
}

impl World {
    /// The sign-in of `device`, if it has one.
    pub fn session_on(&self, device: &str) -> Option<&Session> {
        self.devices.sessions.get(device)
    }

    /// Who is signed in on `device`, if anyone.
    pub fn signed_in_upn(&self, device: &str) -> Option<&Email> {
        self.session_on(device).map(|s| &s.upn)
    }

    /// The account signed in on `device`, if it still exists.
    pub fn signed_in_user(&self, device: &str) -> Option<&crate::sim::directory::User> {
        self.session_on(device).and_then(|s| self.user(&s.upn))
    }

    /// Signs `upn` out of every device (the account was blocked or deleted).
    pub(crate) fn end_sessions_of(&mut self, upn: &Email) {
        self.devices.sessions.retain(|_, s| &s.upn != upn);
    }

    /// Every person in the world, by address: each account of every
    /// directory, each mailbox without an account, and each device that has
    /// been used. The order is the address's.
    pub fn people(&self) -> Vec<Person> {
        let mut people: BTreeMap<String, Person> = BTreeMap::new();
        let mut add = |address: String, organization: Option<String>, unmanaged: bool| {
            let entry = people.entry(address.clone()).or_insert(Person {
                address,
                organization: None,
                unmanaged: false,
                unread: 0,
            });
            if organization.is_some() {
                entry.organization = organization;
                entry.unmanaged = unmanaged;
            }
        };
        for t in self.directory.tenants.values() {
            for upn in t.users.keys() {
                add(upn.to_string(), Some(t.display_name.clone()), t.kind == TenantKind::Unmanaged);
            }
        }
        for address in self.mail.mailboxes.keys() {
            add(address.clone(), None, false);
        }
        for device in self.devices.sessions.keys().filter(|d| d.as_str() != SHARED_BROWSER) {
            add(device.clone(), None, false);
        }
        let mut people: Vec<Person> = people.into_values().collect();
        for p in &mut people {
            p.unread = self.mailbox(&p.address).map(|m| m.unread()).unwrap_or(0);
        }
        people
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_named_by_its_person() {
        assert_eq!(device_name(SHARED_BROWSER), "the shared browser");
        assert_eq!(device_name("p.dover@fabrikam.com"), "p.dover@fabrikam.com's device");
    }
}
