//! IT takes control (seed: "How administrators can control the accounts
//! created for RMS for individuals", "How to find out if your users have
//! signed up"): internal and external admin takeover through DNS proof,
//! company settings, directory synchronization, blocking and deleting
//! accounts, conversion to a paid subscription, the paid Rights Management
//! features, the sharing application's software inventory, and who the
//! PowerShell console is connected as.
//!
//! - `dns`: the simulated public DNS the proofs are checked against;
//! - `takeover`: internal ("Become the admin") and external takeover, and the
//!   deletion of an emptied tenant;
//! - `settings`: company settings, directory synchronization, accounts;
//! - `paid`: conversion to a paid subscription and its features;
//! - `superusers`: super users and the admin log of Rights Management;
//! - `inventory`: the sharing application's software inventory.
//!
//! Every administrative command names the acting account; only an enabled
//! global administrator of a managed tenant may act, as in Azure AD.

pub mod dns;
pub mod inventory;
pub mod paid;
pub mod settings;
pub mod superusers;
pub mod takeover;

pub use inventory::{InventoryRow, SHARING_APP_PROGRAM, SHARING_APP_VERSION};
pub use paid::{PAID_MIN_UNITS, RmsFeature};
pub use settings::SettingsVia;
pub use superusers::{AdminAction, AdminLogEntry, SuperUsers};
pub use takeover::{Challenge, Confirmed, DELETION_DELAY, DomainAdded, ForceTakeover, Takeover};

use crate::sim::World;
use crate::sim::basics::email::{Email, EmailError, domain_problem};
use crate::sim::basics::rand::RandomSource;
use crate::sim::directory::*;
use crate::sim::signin::SignInError;
use dns::{VerifyError, mx_for};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminError {
    NoAccount { upn: String },
    NotAnAdmin { upn: String, unmanaged: bool },
    Blocked { upn: String },
    AlreadyManaged { organization: String },
    NotAMember,
    InvalidDomain(EmailError),
    AlreadyAdded { domain: String, status: String },
    HeldByManaged { domain: String },
    NotAdded { domain: String },
    Verify(VerifyError),
    NeedsForce { domain: String, holder: String },
    UserNotFound { upn: String },
    NotInYourTenant { upn: String },
    OwnAccount,
    NoRmsForIndividuals,
    AlreadyPaid,
    NotPaid,
    Credentials(SignInError),
    Unchanged,
    AlreadySuperUser { upn: String },
    NotSuperUser { upn: String },
}

impl fmt::Display for AdminError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdminError::NoAccount { upn } => write!(f, "There is no account {upn}. Sign in with a global administrator's account."),
            AdminError::NotAnAdmin { upn, unmanaged: true } => write!(f, "{upn} is a standard user of an unmanaged directory, which has no global administrator. To manage it, first take it over: Become the admin (internal takeover), or add its domain to a managed tenant (external takeover)."),
            AdminError::NotAnAdmin { upn, .. } => write!(f, "{upn} isn't a global administrator of its organization. Sign in with a global administrator's account."),
            AdminError::Blocked { upn } => write!(f, "The account {upn} is blocked from signing in."),
            AdminError::AlreadyManaged { organization } => write!(f, "{organization} already has a global administrator, so it can't be taken over this way. Ask that administrator to give you the role."),
            AdminError::NotAMember => f.write_str("Sign in with an account of the organization first."),
            AdminError::InvalidDomain(e) => f.write_str(&domain_problem(e)),
            AdminError::AlreadyAdded { domain, status } => write!(f, "{domain} is already in your tenant ({status})."),
            AdminError::HeldByManaged { domain } => write!(f, "{domain} is already verified in another managed organization. A domain can belong to only one tenant: that organization's administrator must remove it first."),
            AdminError::NotAdded { domain } => write!(f, "{domain} hasn't been added to your tenant. Add it first (New-MsolDomain -Name {domain}, or Add domain in the admin center)."),
            AdminError::Verify(e) => write!(f, "{e}"),
            AdminError::NeedsForce { domain, holder } => write!(f, "{domain} is held by the unmanaged directory {holder}, created by self-service sign-up. To take it over (external admin takeover), run Confirm-MsolDomain -DomainName {domain} -ForceTakeover Force."),
            AdminError::UserNotFound { upn } => write!(f, "User Not Found. User: {upn}."),
            AdminError::NotInYourTenant { upn } => write!(f, "{upn} belongs to another organization; you can manage only your own tenant's accounts."),
            AdminError::OwnAccount => f.write_str("You can't block or delete the account you are using. Sign in as another global administrator to do that."),
            AdminError::NoRmsForIndividuals => f.write_str("This tenant has no RMS for individuals subscription (RIGHTSMANAGEMENT_ADHOC) to convert."),
            AdminError::AlreadyPaid => f.write_str("This tenant already has a paid subscription that includes Azure Rights Management."),
            AdminError::NotPaid => f.write_str("This needs a paid subscription that includes Azure Rights Management: convert RMS for individuals first."),
            AdminError::Credentials(e) => write!(f, "{e}"),
            AdminError::Unchanged => f.write_str("Nothing changed: the settings already had these values."),
            AdminError::AlreadySuperUser { upn } => write!(f, "{upn} is already a super user."),
            AdminError::NotSuperUser { upn } => write!(f, "{upn} isn't a super user, so there is nothing to remove. Get-AadrmSuperUser lists the super users."),
        }
    }
}

/// Who is looking at the admin center, and what it offers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminAccess {
    SignedOut,
    /// A standard member of an unmanaged tenant: can become its admin.
    UnmanagedMember {
        upn: Email,
        organization: String,
    },
    /// Signed in, but not allowed to administer, and why.
    Refused(AdminError),
    /// An enabled global administrator of a managed tenant.
    Admin {
        upn: Email,
        tenant: TenantId,
    },
}

impl World {
    /// What the admin center shows the person signed in on `device`.
    pub fn admin_access(&self, device: &str) -> AdminAccess {
        let Some(upn) = self.signed_in_upn(device) else { return AdminAccess::SignedOut };
        match self.admin_tenant(upn) {
            Ok(tenant) => AdminAccess::Admin { upn: upn.clone(), tenant },
            Err(AdminError::NotAnAdmin { unmanaged: true, .. }) => AdminAccess::UnmanagedMember {
                upn: upn.clone(),
                organization: self.tenant_of_domain(upn.domain()).map(|t| t.display_name.clone()).unwrap_or_default(),
            },
            Err(e) => AdminAccess::Refused(e),
        }
    }

    fn member(&self, actor: &Email) -> Result<(&Tenant, &User), AdminError> {
        let t = self.tenant_of_domain(actor.domain()).ok_or(AdminError::NoAccount { upn: actor.to_string() })?;
        let u = t.users.get(actor).ok_or(AdminError::NoAccount { upn: actor.to_string() })?;
        if u.status == AccountStatus::SignInBlocked {
            return Err(AdminError::Blocked { upn: actor.to_string() });
        }
        Ok((t, u))
    }

    /// The tenant `actor` administers: they must be an enabled global
    /// administrator of a managed tenant.
    pub fn admin_tenant(&self, actor: &Email) -> Result<TenantId, AdminError> {
        let (t, u) = self.member(actor)?;
        if t.kind != TenantKind::Managed || u.role != Role::GlobalAdministrator {
            return Err(AdminError::NotAnAdmin { upn: actor.to_string(), unmanaged: t.kind == TenantKind::Unmanaged });
        }
        Ok(t.id.clone())
    }

    fn challenge(&mut self, tenant: &str, domain: &str, rng: &mut dyn RandomSource) -> Challenge {
        let t = self.directory.tenants.get_mut(tenant).expect("tenant exists");
        let txt = t
            .challenges
            .entry(domain.to_string())
            .or_insert_with(|| format!("MS=ms{:08}", rng.below(100_000_000)))
            .clone();
        Challenge { domain: domain.to_string(), mx: mx_for(&txt), txt }
    }

    /// The challenge already made for a domain of a tenant, if any.
    pub fn existing_challenge(&self, tenant: &str, domain: &str) -> Option<Challenge> {
        let txt = self.directory.tenants.get(tenant)?.challenges.get(domain)?.clone();
        Some(Challenge { domain: domain.to_string(), mx: mx_for(&txt), txt })
    }
}
