//! "How to find out if your users have signed up": the sharing
//! application (`ipviewer.exe`) on people's computers, as a software
//! inventory lists it. Everyone who uses it has it: those who protect and
//! those who only read. The company's own system management (System Center
//! Configuration Manager, for example) sees the company's computers whether
//! or not IT manages the Azure directory its people signed up to: that is
//! how the seed says IT finds out ([`World::company_inventory`]).

use super::AdminError;
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::directory::*;
use crate::sim::events::EventKind;

/// The sharing application's program and the version its dialog needs.
pub const SHARING_APP_PROGRAM: &str = "ipviewer.exe";
pub const SHARING_APP_VERSION: &str = "1.0.1770.0";

/// One row of the software inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryRow {
    pub upn: Email,
    pub device: Device,
}

impl World {
    // ---- Detection ----

    /// The signed-in person installs the sharing application on their computer.
    pub fn install_sharing_app(&mut self, actor: &Email) -> Result<Device, AdminError> {
        let (t, _) = self.member(actor)?;
        let tenant = t.id.clone();
        let clock = self.clock;
        let u = self.directory.tenants.get_mut(&tenant).and_then(|t| t.users.get_mut(actor)).expect("member");
        if let Some(d) = u.devices.iter().find(|d| d.program == SHARING_APP_PROGRAM) {
            return Ok(d.clone());
        }
        let mut base: String =
            actor.local_part().chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
        base.truncate(11);
        if base.is_empty() {
            base = "USER".into();
        }
        let device = Device {
            name: format!("{base}-PC"),
            os: "Windows 7 SP1".into(),
            program: SHARING_APP_PROGRAM.into(),
            version: SHARING_APP_VERSION.into(),
            installed: clock,
        };
        u.devices.push(device.clone());
        self.log(EventKind::SharingAppInstalled { upn: actor.to_string(), device: device.name.clone() });
        Ok(device)
    }

    /// The computers of a company, by its email domain (and subdomains), on
    /// which the sharing application is installed, whatever Azure tenant the
    /// accounts are in: what the company's own inventory reports, with no
    /// Azure role needed.
    pub fn company_inventory(&self, domain: &str) -> Vec<InventoryRow> {
        let domain = domain.trim().to_ascii_lowercase();
        let mut rows: Vec<InventoryRow> = self
            .directory
            .tenants
            .values()
            .flat_map(|t| t.users.values())
            .filter(|u| crate::sim::basics::email::domain_matches(u.upn.domain(), &domain))
            .flat_map(|u| {
                u.devices
                    .iter()
                    .filter(|d| d.program == SHARING_APP_PROGRAM)
                    .map(move |d| InventoryRow { upn: u.upn.clone(), device: d.clone() })
            })
            .collect();
        rows.sort_by(|a, b| a.upn.cmp(&b.upn));
        rows
    }

    /// The companies (email domains) whose people have accounts, for the
    /// inventory's organization list.
    pub fn companies(&self) -> Vec<String> {
        let set: std::collections::BTreeSet<String> =
            self.directory.tenants.values().flat_map(|t| t.users.keys()).map(|u| u.domain().to_string()).collect();
        set.into_iter().collect()
    }

    /// The software inventory of a tenant: every computer of its users with
    /// the sharing application (`ipviewer.exe`).
    pub fn software_inventory(&self, tenant: &str) -> Vec<InventoryRow> {
        let Some(t) = self.directory.tenants.get(tenant) else { return vec![] };
        t.users
            .values()
            .flat_map(|u| {
                u.devices
                    .iter()
                    .filter(|d| d.program == SHARING_APP_PROGRAM)
                    .map(move |d| InventoryRow { upn: u.upn.clone(), device: d.clone() })
            })
            .collect()
    }
}
