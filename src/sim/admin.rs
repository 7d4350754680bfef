//! IT takes control (seed: "How administrators can control the accounts
//! created for RMS for individuals", "How to find out if your users have
//! signed up"): internal and external admin takeover through DNS proof,
//! company settings, directory synchronization, blocking and deleting
//! accounts, conversion to a paid subscription, the paid Rights Management
//! features, the sharing application's software inventory, and who the
//! PowerShell console is connected as.
//!
//! Every administrative command names the acting account; only an enabled
//! global administrator of a managed tenant may act, as in Azure AD.

use super::catalog::{Sku, default_templates};
use super::dns::{VerifyError, mx_for};
use super::email::{Email, EmailError, domain_problem, normalize_domain};
use super::events::EventKind;
use super::model::*;
use super::rand::RandomSource;
use super::signin::SignInError;
use super::time::{SimDuration, SimTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// "The unmanaged Microsoft Entra organization is deleted 10 days after you
/// exercise the external takeover force option."
pub const DELETION_DELAY: SimDuration = SimDuration::days(10);
/// Seats of the paid subscription a conversion buys (at least the users).
pub const PAID_MIN_UNITS: u32 = 25;
/// The sharing application's program and the version its dialog needs.
pub const SHARING_APP_PROGRAM: &str = "ipviewer.exe";
pub const SHARING_APP_VERSION: &str = "1.0.1770.0";

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
            AdminError::InvalidDomain(e) => f.write_str(domain_problem(e)),
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
        }
    }
}

/// What "Become the admin" asks the person to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub domain: String,
    /// The TXT value, `MS=ms` + 8 digits.
    pub txt: String,
    /// The equivalent MX host.
    pub mx: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainAdded {
    pub challenge: Challenge,
    /// The unmanaged tenant that holds the domain now, if any.
    pub held_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confirmed {
    /// Nobody held the domain: it is now verified in the tenant.
    Verified { domain: String },
    /// External takeover: the domain, its users and their subscriptions moved.
    TookOver(Takeover),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takeover {
    pub domain: String,
    /// The unmanaged tenant, by its name (its domain) and its initial domain.
    pub from: String,
    pub from_initial: String,
    pub to: String,
    pub users: Vec<String>,
    pub same_region: bool,
    pub from_region: Region,
    pub to_region: Region,
    pub deletion_at: SimTime,
}

/// One row of the software inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryRow {
    pub upn: Email,
    pub device: Device,
}

impl World {
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
        let t = self.tenants.get_mut(tenant).expect("tenant exists");
        let txt = t
            .challenges
            .entry(domain.to_string())
            .or_insert_with(|| format!("MS=ms{:08}", rng.below(100_000_000)))
            .clone();
        Challenge { domain: domain.to_string(), mx: mx_for(&txt), txt }
    }

    /// The challenge already made for a domain of a tenant, if any.
    pub fn existing_challenge(&self, tenant: &str, domain: &str) -> Option<Challenge> {
        let txt = self.tenants.get(tenant)?.challenges.get(domain)?.clone();
        Some(Challenge { domain: domain.to_string(), mx: mx_for(&txt), txt })
    }

    // ---- Internal takeover ("Become the admin") ----

    /// "Yes, I want to be the admin": a member of an unmanaged tenant gets
    /// the TXT record to publish for their domain.
    pub fn become_admin_start(&mut self, actor: &Email, rng: &mut dyn RandomSource) -> Result<Challenge, AdminError> {
        let (t, _) = self.member(actor)?;
        if t.kind == TenantKind::Managed {
            return Err(AdminError::AlreadyManaged { organization: t.display_name.clone() });
        }
        let id = t.id.clone();
        let fresh = !t.challenges.contains_key(actor.domain());
        let c = self.challenge(&id, actor.domain(), rng);
        if fresh {
            self.log(EventKind::BecomeAdminStarted {
                upn: actor.to_string(),
                domain: c.domain.clone(),
                txt: c.txt.clone(),
            });
        }
        Ok(c)
    }

    /// "Okay, I've added the record": checks DNS; on success the tenant is
    /// managed, the domain verified and the person its global administrator.
    /// No users, domains or plans move.
    pub fn become_admin_confirm(&mut self, actor: &Email) -> Result<(), AdminError> {
        let (t, _) = self.member(actor)?;
        if t.kind == TenantKind::Managed {
            return Err(AdminError::AlreadyManaged { organization: t.display_name.clone() });
        }
        let id = t.id.clone();
        let domain = actor.domain().to_string();
        let Some(c) = self.existing_challenge(&id, &domain) else {
            return Err(AdminError::Verify(VerifyError::NoRecord {
                domain,
                expected: "(choose “Yes, I want to be the admin” first)".into(),
            }));
        };
        if let Err(e) = self.check_verification_record(&domain, &c.txt) {
            self.log(EventKind::DomainVerificationFailed {
                domain: domain.clone(),
                by: actor.to_string(),
                reason: e.to_string(),
            });
            return Err(AdminError::Verify(e));
        }
        let t = self.tenants.get_mut(&id).expect("tenant exists");
        t.kind = TenantKind::Managed;
        if let Some(u) = t.users.get_mut(actor) {
            u.role = Role::GlobalAdministrator;
        }
        let name = t.display_name.clone();
        if let Some(d) = self.domains.get_mut(&domain) {
            d.status = DomainStatus::Verified;
        }
        self.log(EventKind::InternalTakeover { upn: actor.to_string(), tenant: name, domain });
        Ok(())
    }

    // ---- Domains and external takeover ----

    /// "Add domain" / `New-MsolDomain -Name`: the domain is listed as
    /// Unverified with its TXT challenge.
    pub fn add_domain(
        &mut self,
        actor: &Email,
        input: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<DomainAdded, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(input).map_err(AdminError::InvalidDomain)?;
        if let Some(at) = self.tenants[&tenant].claims.get(&domain) {
            let _ = at;
            return Err(AdminError::AlreadyAdded { domain, status: "Unverified".into() });
        }
        let mut held_by = None;
        if let Some(rec) = self.domains.get(&domain) {
            if rec.tenant == tenant {
                return Err(AdminError::AlreadyAdded { status: rec.status.label().into(), domain });
            }
            let holder = &self.tenants[&rec.tenant];
            if holder.kind == TenantKind::Managed {
                return Err(AdminError::HeldByManaged { domain });
            }
            held_by = Some(holder.display_name.clone());
        }
        let clock = self.clock;
        self.tenants.get_mut(&tenant).expect("tenant exists").claims.insert(domain.clone(), clock);
        let challenge = self.challenge(&tenant, &domain, rng);
        let name = self.tenants[&tenant].display_name.clone();
        self.log(EventKind::DomainAdded { domain, tenant: name, txt: challenge.txt.clone(), held_by: held_by.clone() });
        Ok(DomainAdded { challenge, held_by })
    }

    /// `Get-MsolDomainVerificationDns`: the record to publish for a domain
    /// the tenant added.
    pub fn verification_record(&self, actor: &Email, domain: &str) -> Result<Challenge, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(domain).map_err(AdminError::InvalidDomain)?;
        if !self.tenants[&tenant].claims.contains_key(&domain) {
            return match self.domains.get(&domain) {
                Some(r) if r.tenant == tenant => {
                    Err(AdminError::AlreadyAdded { status: r.status.label().into(), domain })
                }
                _ => Err(AdminError::NotAdded { domain }),
            };
        }
        Ok(self.existing_challenge(&tenant, &domain).expect("a claimed domain has a challenge"))
    }

    /// "Verify" / `Confirm-MsolDomain [-ForceTakeover Force]`. A domain that
    /// an unmanaged tenant holds needs `force` (the admin center's Verify and
    /// `Confirm-MsolEmailVerifiedDomain` pass it).
    pub fn confirm_domain(
        &mut self,
        actor: &Email,
        input: &str,
        force: bool,
        rng: &mut dyn RandomSource,
    ) -> Result<Confirmed, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(input).map_err(AdminError::InvalidDomain)?;
        if !self.tenants[&tenant].claims.contains_key(&domain) {
            return match self.domains.get(&domain) {
                Some(r) if r.tenant == tenant => {
                    Err(AdminError::AlreadyAdded { status: r.status.label().into(), domain })
                }
                _ => Err(AdminError::NotAdded { domain }),
            };
        }
        let holder = self.domains.get(&domain).map(|r| r.tenant.clone());
        if let Some(h) = &holder {
            if self.tenants[h].kind == TenantKind::Managed {
                return Err(AdminError::HeldByManaged { domain });
            }
            if !force {
                let e = AdminError::NeedsForce { domain: domain.clone(), holder: self.tenants[h].display_name.clone() };
                self.log(EventKind::DomainVerificationFailed { domain, by: actor.to_string(), reason: e.to_string() });
                return Err(e);
            }
        }
        let c = self.existing_challenge(&tenant, &domain).expect("a claimed domain has a challenge");
        if let Err(e) = self.check_verification_record(&domain, &c.txt) {
            self.log(EventKind::DomainVerificationFailed {
                domain: domain.clone(),
                by: actor.to_string(),
                reason: e.to_string(),
            });
            return Err(AdminError::Verify(e));
        }
        self.tenants.get_mut(&tenant).expect("tenant exists").claims.remove(&domain);
        match holder {
            None => {
                self.domains
                    .insert(domain.clone(), DomainRecord { tenant: tenant.clone(), status: DomainStatus::Verified });
                let name = self.tenants[&tenant].display_name.clone();
                self.log(EventKind::DomainVerified { domain: domain.clone(), tenant: name });
                Ok(Confirmed::Verified { domain })
            }
            Some(from) => Ok(Confirmed::TookOver(self.take_over(&from, &tenant, &domain, rng))),
        }
    }

    /// Moves `domain`, its users, their subscriptions and license assignments
    /// from the unmanaged tenant `from` to `to`; the RMS tenant key and
    /// default templates move only within a region.
    fn take_over(&mut self, from: &str, to: &str, domain: &str, rng: &mut dyn RandomSource) -> Takeover {
        let clock = self.clock;
        let mut src = self.tenants.remove(from).expect("holder exists");
        let dst = self.tenants.get_mut(to).expect("tenant exists");
        let moved: Vec<Email> = src.users.keys().filter(|u| u.domain() == domain).cloned().collect();
        for upn in &moved {
            let mut u = src.users.remove(upn).expect("listed");
            u.role = Role::User;
            dst.users.insert(upn.clone(), u);
        }
        for s in src.subscriptions.drain(..) {
            if dst.subscription(s.sku).is_none() {
                dst.subscriptions.push(Subscription { added: clock, ..s });
            }
        }
        let same_region = src.region == dst.region;
        let mut retired = vec![];
        if same_region {
            dst.keys.append(&mut src.keys);
            dst.templates.append(&mut src.templates);
        } else {
            retired = std::mem::take(&mut src.keys);
            src.templates.clear();
        }
        // A tenant that had no Azure RMS before gets its own key and default
        // templates now that it has the subscription (as on activation).
        let mut activated = None;
        if dst.has_azure_rms() && dst.keys.is_empty() {
            let key = TenantKey::generate(&dst.display_name, clock, rng);
            dst.keys.push(key);
            if dst.templates.is_empty() {
                dst.templates = default_templates(&dst.display_name, [rng.guid(), rng.guid()]);
                activated = Some(dst.templates.iter().map(|x| x.name.clone()).collect::<Vec<_>>());
            }
        }
        let (from_region, to_region) = (src.region, dst.region);
        let to_name = dst.display_name.clone();
        let from_name = src.display_name.clone();
        let from_initial = src.initial_domain.clone();
        let deletion_at = clock.plus(DELETION_DELAY);
        src.deletion_at = Some(deletion_at);
        src.challenges.clear();
        self.tenants.insert(from.to_string(), src);
        self.domains
            .insert(domain.to_string(), DomainRecord { tenant: to.to_string(), status: DomainStatus::Verified });
        if let Some(s) = self.session.as_mut() {
            if s.upn.domain() == domain {
                s.tenant = to.to_string();
            }
        }
        let reason = format!(
            "{from_name} ({}) was taken over by {to_name} ({}): the key does not move across regions",
            from_region.label(),
            to_region.label()
        );
        for key in retired {
            self.retired_keys.push(RetiredKey { key, at: clock, reason: reason.clone() });
        }
        let t = Takeover {
            domain: domain.to_string(),
            from: from_name,
            from_initial,
            to: to_name,
            users: moved.iter().map(|u| u.to_string()).collect(),
            same_region,
            from_region,
            to_region,
            deletion_at,
        };
        self.log(EventKind::ExternalTakeover {
            domain: t.domain.clone(),
            from: t.from_initial.clone(),
            to: t.to.clone(),
            users: t.users.len() as u32,
            same_region,
            deletion_at,
        });
        if let Some(names) = activated {
            self.log(EventKind::DefaultTemplatesCreated { tenant: t.to.clone(), names });
        }
        t
    }

    /// Runs what is due on the simulated clock: deleting tenants emptied by a
    /// forced takeover 10 days earlier. Called whenever the clock moves.
    pub fn run_due(&mut self) {
        let due: Vec<TenantId> = self
            .tenants
            .values()
            .filter(|t| t.deletion_at.is_some_and(|d| d <= self.clock))
            .map(|t| t.id.clone())
            .collect();
        for id in due {
            let t = self.tenants.remove(&id).expect("listed");
            self.domains.retain(|_, r| r.tenant != id);
            for key in t.keys {
                self.retired_keys.push(RetiredKey {
                    key,
                    at: self.clock,
                    reason: format!("the tenant {} was deleted", t.display_name),
                });
            }
            self.log(EventKind::TenantDeleted { tenant: t.display_name, initial_domain: t.initial_domain });
        }
    }

    // ---- Company settings, directory sync, accounts ----

    /// `Set-MsolCompanySettings` / `Update-MgPolicyAuthorizationPolicy` /
    /// the admin center's Save. `None` leaves a setting as it is.
    pub fn set_company_settings(
        &mut self,
        actor: &Email,
        ad_hoc: Option<bool>,
        email_verified: Option<bool>,
        via: &str,
    ) -> Result<CompanySettings, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
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
                via: via.to_string(),
            });
        }
        Ok(after)
    }

    /// Directory synchronization on or off (`Set-MsolDirSyncEnabled`).
    pub fn set_dir_sync(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
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
        let u = self.tenants.get_mut(&tenant).and_then(|t| t.users.get_mut(&upn)).expect("checked");
        let status = if blocked { AccountStatus::SignInBlocked } else { AccountStatus::Enabled };
        if u.status == status {
            return Ok(());
        }
        u.status = status;
        if blocked && self.session.as_ref().is_some_and(|s| s.upn == upn) {
            self.session = None;
        }
        self.log(EventKind::UserBlocked { upn: upn.to_string(), blocked });
        Ok(())
    }

    /// "Delete" / `Remove-MsolUser`: the account goes, and its license units
    /// are free again.
    pub fn remove_user(&mut self, actor: &Email, upn: &str) -> Result<(), AdminError> {
        let (tenant, upn) = self.own_user(actor, upn)?;
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
        let u = t.users.remove(&upn).expect("checked");
        let freed = u.licenses.iter().map(|s| format!("{}:{}", t.account_name(), s.part_number())).collect();
        if self.session.as_ref().is_some_and(|s| s.upn == upn) {
            self.session = None;
        }
        self.pending_signups.remove(&upn);
        self.log(EventKind::UserDeleted { upn: upn.to_string(), freed });
        Ok(())
    }

    // ---- Conversion to paid and the paid features ----

    /// Converts RMS for individuals to a paid subscription that includes Azure
    /// RMS: directory, accounts, keys, templates and protected content stay.
    pub fn convert_to_paid(&mut self, actor: &Email) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let clock = self.clock;
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
        if t.has_paid_azure_rms() {
            return Err(AdminError::AlreadyPaid);
        }
        if t.subscription(Sku::RightsManagementAdhoc).is_none() {
            return Err(AdminError::NoRmsForIndividuals);
        }
        let sku = Sku::RightsManagement;
        let units = PAID_MIN_UNITS.max(t.users.len() as u32);
        t.subscriptions.push(Subscription { sku, active_units: units, warning_units: 0, added: clock });
        for u in t.users.values_mut() {
            if !u.licenses.contains(&sku) {
                u.licenses.push(sku);
            }
        }
        t.converted = Some(clock);
        let name = t.display_name.clone();
        let account_sku_id = format!("{}:{}", t.account_name(), sku.part_number());
        self.log(EventKind::ConvertedToPaid { tenant: name, account_sku_id, units });
        Ok(())
    }

    /// Super users feature on or off (`Enable-AadrmSuperUserFeature`).
    pub fn set_super_user_feature(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        self.set_rms_feature(actor, "Super users", on, |r| &mut r.super_user_feature)
    }

    /// Usage logging on or off.
    pub fn set_usage_logging(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        self.set_rms_feature(actor, "Usage logging", on, |r| &mut r.usage_logging)
    }

    /// Switches one of the paid Rights Management features.
    fn set_rms_feature(
        &mut self,
        actor: &Email,
        feature: &str,
        on: bool,
        switch: fn(&mut RmsAdmin) -> &mut bool,
    ) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
        if !t.paid_features() {
            return Err(AdminError::NotPaid);
        }
        let current = switch(&mut t.rms);
        if *current == on {
            return Err(AdminError::Unchanged);
        }
        *current = on;
        let name = t.display_name.clone();
        self.log(EventKind::RmsFeatureChanged { tenant: name, feature: feature.into(), on });
        Ok(())
    }

    // ---- Detection ----

    /// The signed-in person installs the sharing application on their computer.
    pub fn install_sharing_app(&mut self, actor: &Email) -> Result<Device, AdminError> {
        let (t, _) = self.member(actor)?;
        let tenant = t.id.clone();
        let clock = self.clock;
        let u = self.tenants.get_mut(&tenant).and_then(|t| t.users.get_mut(actor)).expect("member");
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

    /// The software inventory of a tenant: every computer of its users with
    /// the sharing application (`ipviewer.exe`).
    pub fn software_inventory(&self, tenant: &str) -> Vec<InventoryRow> {
        let Some(t) = self.tenants.get(tenant) else { return vec![] };
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

    // ---- The PowerShell console's connection ----

    /// `Connect-MsolService` (or `Connect-MgGraph` with `graph`): only a
    /// global administrator of a managed tenant can connect.
    pub fn console_connect(&mut self, email: &str, password: &str, graph: bool) -> Result<Email, AdminError> {
        let (upn, _) = self.authenticate(email, password).map_err(AdminError::Credentials)?;
        self.admin_tenant(&upn)?;
        if graph {
            self.console.graph = Some(upn.clone());
        } else {
            self.console.msol = Some(upn.clone());
        }
        self.log(EventKind::ConsoleConnected {
            upn: upn.to_string(),
            service: if graph { "Microsoft Graph" } else { "MSOnline" }.into(),
        });
        Ok(upn)
    }

    /// The console's connection, if it is still valid (the account may have
    /// been blocked, deleted or lost its role since).
    pub fn console_admin(&self, graph: bool) -> Option<Email> {
        let upn = if graph { self.console.graph.as_ref() } else { self.console.msol.as_ref() }?;
        self.admin_tenant(upn).ok().map(|_| upn.clone())
    }
}
