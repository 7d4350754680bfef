//! Super users (facts §6, "Configuring super users for Azure Rights
//! Management"): disabled by default; an administrator enables the feature
//! and adds accounts of the organization; a super user then has Full Control
//! over every document protected under the tenant's key, including documents
//! protected before they became one. Enabling, disabling, adding and
//! removing are administrative actions kept in the tenant's admin log
//! (`Get-AadrmAdminLog`); each decryption is in the usage log.

use super::AdminError;
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::basics::time::SimTime;
use crate::sim::directory::TenantId;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};

/// One administrative action on the tenant's Rights Management service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminLogEntry {
    pub at: SimTime,
    pub admin: Email,
    pub action: AdminAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminAction {
    SuperUserFeature { on: bool },
    SuperUserAdded { upn: Email },
    SuperUserRemoved { upn: Email },
    UsageLogging { on: bool },
}

impl AdminAction {
    /// The cmdlet that does it (the admin center's buttons do the same).
    pub fn command(&self) -> String {
        match self {
            AdminAction::SuperUserFeature { on: true } => "Enable-AadrmSuperUserFeature".into(),
            AdminAction::SuperUserFeature { on: false } => "Disable-AadrmSuperUserFeature".into(),
            AdminAction::SuperUserAdded { upn } => format!("Add-AadrmSuperUser -EmailAddress {upn}"),
            AdminAction::SuperUserRemoved { upn } => format!("Remove-AadrmSuperUser -EmailAddress {upn}"),
            AdminAction::UsageLogging { on: true } => "Enable-AadrmUsageLogFeature".into(),
            AdminAction::UsageLogging { on: false } => "Disable-AadrmUsageLogFeature".into(),
        }
    }
}

/// What `Get-AadrmSuperUser` and the admin center show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuperUsers {
    pub enabled: bool,
    pub users: Vec<Email>,
}

impl World {
    /// The tenant's super users and whether the feature is on.
    pub fn super_users(&self, actor: &Email) -> Result<SuperUsers, AdminError> {
        let t = &self.directory.tenants[&self.rms_admin_tenant(actor)?];
        Ok(SuperUsers { enabled: t.rms.super_user_feature, users: t.rms.super_users.clone() })
    }

    /// `Add-AadrmSuperUser -EmailAddress`: an account of the organization.
    /// Allowed while the feature is disabled; it acts only once it is enabled.
    pub fn add_super_user(&mut self, actor: &Email, input: &str) -> Result<Email, AdminError> {
        let tenant = self.rms_admin_tenant(actor)?;
        let upn = self.account_of(&tenant, input)?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        if t.rms.super_users.contains(&upn) {
            return Err(AdminError::AlreadySuperUser { upn: upn.to_string() });
        }
        t.rms.super_users.push(upn.clone());
        self.admin_logged(&tenant, actor, AdminAction::SuperUserAdded { upn: upn.clone() });
        Ok(upn)
    }

    /// `Remove-AadrmSuperUser -EmailAddress`.
    pub fn remove_super_user(&mut self, actor: &Email, input: &str) -> Result<Email, AdminError> {
        let tenant = self.rms_admin_tenant(actor)?;
        let upn = Email::parse(input).map_err(|_| AdminError::UserNotFound { upn: input.trim().to_string() })?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        let Some(i) = t.rms.super_users.iter().position(|u| *u == upn) else {
            return Err(AdminError::NotSuperUser { upn: upn.to_string() });
        };
        t.rms.super_users.remove(i);
        self.admin_logged(&tenant, actor, AdminAction::SuperUserRemoved { upn: upn.clone() });
        Ok(upn)
    }

    /// Whether `reader` acts as a super user of `tenant` now (the feature is
    /// on and they are on the list).
    pub fn is_super_user(&self, tenant: &str, reader: &Email) -> bool {
        self.directory
            .tenants
            .get(tenant)
            .is_some_and(|t| t.rms.super_user_feature && t.rms.super_users.contains(reader))
    }

    /// The admin log of the administrator's tenant as `Get-AadrmAdminLog`
    /// saves it. The columns are the simulator's: Microsoft doesn't publish
    /// the file's layout.
    pub fn admin_log_csv(&self, actor: &Email) -> Result<String, AdminError> {
        let t = &self.directory.tenants[&self.rms_admin_tenant(actor)?];
        let mut out = String::from("Timestamp,Administrator,Command,Result\r\n");
        for e in &t.rms.admin_log {
            out.push_str(&format!("{},{},\"{}\",Success\r\n", e.at.iso(), e.admin, e.action.command()));
        }
        Ok(out)
    }

    /// The tenant of a global administrator whose tenant has the paid
    /// Rights Management features.
    pub(crate) fn rms_admin_tenant(&self, actor: &Email) -> Result<TenantId, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        if !self.directory.tenants[&tenant].paid_features() {
            return Err(AdminError::NotPaid);
        }
        Ok(tenant)
    }

    fn account_of(&self, tenant: &str, input: &str) -> Result<Email, AdminError> {
        let upn = Email::parse(input).map_err(|_| AdminError::UserNotFound { upn: input.trim().to_string() })?;
        if self.directory.tenants[tenant].users.contains_key(&upn) {
            return Ok(upn);
        }
        if self.user(&upn).is_some() {
            return Err(AdminError::NotInYourTenant { upn: upn.to_string() });
        }
        Err(AdminError::UserNotFound { upn: upn.to_string() })
    }

    /// Records an administrative action in the admin log and the event log.
    pub(crate) fn admin_logged(&mut self, tenant: &str, actor: &Email, action: AdminAction) {
        let clock = self.clock;
        let t = self.directory.tenants.get_mut(tenant).expect("tenant exists");
        t.rms.admin_log.push(AdminLogEntry { at: clock, admin: actor.clone(), action: action.clone() });
        let name = t.display_name.clone();
        match action {
            AdminAction::SuperUserAdded { upn } => {
                let enabled = t.rms.super_user_feature;
                self.log(EventKind::SuperUserAdded { tenant: name, upn: upn.to_string(), enabled });
            }
            AdminAction::SuperUserRemoved { upn } => {
                self.log(EventKind::SuperUserRemoved { tenant: name, upn: upn.to_string() })
            }
            AdminAction::SuperUserFeature { .. } | AdminAction::UsageLogging { .. } => {}
        }
    }
}
