//! Company settings (AllowAdHocSubscriptions, AllowEmailVerifiedUsers),
//! directory synchronization, and blocking or deleting accounts.

use super::AdminError;
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::directory::*;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};

/// Where company settings were changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsVia {
    /// The admin center's "Save".
    AdminCenter,
    SetMsolCompanySettings,
    UpdateMgPolicyAuthorizationPolicy,
}

impl SettingsVia {
    pub fn label(self) -> &'static str {
        match self {
            SettingsVia::AdminCenter => "admin center",
            SettingsVia::SetMsolCompanySettings => "Set-MsolCompanySettings",
            SettingsVia::UpdateMgPolicyAuthorizationPolicy => "Update-MgPolicyAuthorizationPolicy",
        }
    }
}

impl CompanySettings {
    /// What these settings mean for self-service sign-up, in the words the
    /// event log and the admin center both use.
    pub fn effect(&self) -> &'static str {
        match (self.allow_ad_hoc_subscriptions, self.allow_email_verified_users) {
            (false, _) => {
                "nobody can sign up for RMS for individuals; they are told that the IT department has turned off signup. People who already have it keep their licenses."
            }
            (true, false) => {
                "only people who already have an account can sign up; everyone else is told to contact their admin."
            }
            (true, true) => {
                "anyone with an address at the organization's domains can sign up, and a new email-verified account is created for them."
            }
        }
    }

    pub fn is_default(&self) -> bool {
        *self == CompanySettings::default()
    }
}

impl World {
    // ---- Company settings, directory sync, accounts ----

    /// `Set-MsolCompanySettings` / `Update-MgPolicyAuthorizationPolicy` /
    /// the admin center's Save. `None` leaves a setting as it is.
    pub fn set_company_settings(
        &mut self,
        actor: &Email,
        ad_hoc: Option<bool>,
        email_verified: Option<bool>,
        via: SettingsVia,
    ) -> Result<CompanySettings, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        let before = t.settings.clone();
        if let Some(v) = ad_hoc {
            t.settings.allow_ad_hoc_subscriptions = v;
        }
        if let Some(v) = email_verified {
            t.settings.allow_email_verified_users = v;
        }
        let after = t.settings.clone();
        if after != before {
            let name = t.display_name.clone();
            self.log(EventKind::CompanySettingsChanged {
                tenant: name,
                allow_ad_hoc: after.allow_ad_hoc_subscriptions,
                allow_email_verified: after.allow_email_verified_users,
                via,
            });
        }
        Ok(after)
    }

    /// Directory synchronization on or off (`Set-MsolDirSyncEnabled`).
    pub fn set_dir_sync(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        if t.dir_sync == on {
            return Ok(());
        }
        t.dir_sync = on;
        let name = t.display_name.clone();
        self.log(EventKind::DirSyncChanged { tenant: name, on });
        Ok(())
    }

    fn own_user(&self, actor: &Email, upn: &str) -> Result<(TenantId, Email), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let upn = Email::parse(upn).map_err(|_| AdminError::UserNotFound { upn: upn.trim().to_string() })?;
        match self.user(&upn) {
            None => Err(AdminError::UserNotFound { upn: upn.to_string() }),
            Some(_) if self.tenant_of_domain(upn.domain()).map(|t| t.id.as_str()) != Some(tenant.as_str()) => {
                Err(AdminError::NotInYourTenant { upn: upn.to_string() })
            }
            Some(_) if &upn == actor => Err(AdminError::OwnAccount),
            Some(_) => Ok((tenant, upn)),
        }
    }

    /// "Block sign-in" / `Set-MsolUser -BlockCredential`.
    pub fn set_block_credential(&mut self, actor: &Email, upn: &str, blocked: bool) -> Result<(), AdminError> {
        let (tenant, upn) = self.own_user(actor, upn)?;
        let u = self.directory.tenants.get_mut(&tenant).and_then(|t| t.users.get_mut(&upn)).expect("checked");
        let status = if blocked { AccountStatus::SignInBlocked } else { AccountStatus::Enabled };
        if u.status == status {
            return Ok(());
        }
        u.status = status;
        if blocked {
            self.end_sessions_of(&upn);
        }
        self.log(EventKind::UserBlocked { upn: upn.to_string(), blocked });
        Ok(())
    }

    /// "Delete" / `Remove-MsolUser`: the account goes, and its license units
    /// are free again.
    pub fn remove_user(&mut self, actor: &Email, upn: &str) -> Result<(), AdminError> {
        let (tenant, upn) = self.own_user(actor, upn)?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        let u = t.users.remove(&upn).expect("checked");
        let freed = u.licenses.iter().map(|s| t.account_sku_id(*s)).collect();
        self.end_sessions_of(&upn);
        self.signups.pending.remove(&upn);
        self.log(EventKind::UserDeleted { upn: upn.to_string(), freed });
        Ok(())
    }
}
