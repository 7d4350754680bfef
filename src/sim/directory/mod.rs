//! The directory (Azure AD): tenants, their domains, users, subscriptions,
//! company settings and RMS tenant keys, and the queries every feature asks
//! of them. The rules that change the directory live with the features that
//! change it (sign-up, the admin's takeovers and settings).

use crate::sim::basics::catalog::{Sku, Template};
pub use crate::sim::basics::countries::Region;
use crate::sim::basics::email::Email;
use crate::sim::basics::password::PasswordHash;
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::SimTime;
use crate::sim::signin::Lockout;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod map;

/// The directory part of the world.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub tenants: BTreeMap<TenantId, Tenant>,
    /// Every domain any tenant holds, and which one: a map, so a domain can
    /// belong to one tenant only.
    pub domains: BTreeMap<String, DomainRecord>,
    /// RMS tenant keys that no tenant holds any more (a cross-region
    /// takeover, a deleted tenant): content protected with them is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired_keys: Vec<RetiredKey>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

pub type TenantId = String;

/// An Azure RMS tenant key (the "server licensor certificate" key). One per
/// organization; a tenant that took over another in the same region also
/// holds the other's key, so content protected with it stays readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantKey {
    pub id: String,
    /// The organization that created it.
    pub origin: String,
    pub created: SimTime,
    /// The 256-bit key itself (URL-safe base64). The simulated service keeps
    /// it; it wraps each document's content key and derives the signing key.
    #[serde(default)]
    pub secret: String,
}

impl TenantKey {
    /// A fresh random 256-bit key.
    pub fn generate(origin: &str, created: SimTime, rng: &mut dyn RandomSource) -> TenantKey {
        let mut secret = [0u8; 32];
        rng.fill(&mut secret);
        TenantKey {
            id: rng.guid(),
            origin: origin.to_string(),
            created,
            secret: crate::sim::basics::codec::to_b64(&secret),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetiredKey {
    pub key: TenantKey,
    pub at: SimTime,
    pub reason: RetireReason,
}

/// Why no tenant holds an RMS tenant key any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RetireReason {
    /// An external takeover across regions: the key does not move.
    CrossRegionTakeover { from: String, from_region: Region, to: String, to_region: Region },
    /// The tenant that held it was deleted.
    TenantDeleted { tenant: String },
}

impl std::fmt::Display for RetireReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RetireReason::CrossRegionTakeover { from, from_region, to, to_region } => write!(
                f,
                "{from} ({}) was taken over by {to} ({}): the key does not move across regions",
                from_region.label(),
                to_region.label()
            ),
            RetireReason::TenantDeleted { tenant } => write!(f, "the tenant {tenant} was deleted"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainRecord {
    pub tenant: TenantId,
    pub status: DomainStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainStatus {
    /// Proven with a DNS record by an administrator.
    Verified,
    /// Held by an unmanaged tenant because users proved they receive mail there.
    EmailVerified,
    /// Added by an administrator, not proven yet (kept in `Tenant::claims`).
    Unverified,
    /// The tenant holding it is scheduled for deletion.
    PendingDeletion,
}

impl DomainStatus {
    pub fn label(self) -> &'static str {
        match self {
            DomainStatus::Verified => "Verified",
            DomainStatus::EmailVerified => "Email verified (unmanaged)",
            DomainStatus::Unverified => "Unverified",
            DomainStatus::PendingDeletion => "PendingDeletion",
        }
    }
    /// The status `Get-MsolDomain` shows (MSOnline knows three).
    pub fn msol(self) -> &'static str {
        match self {
            DomainStatus::Verified | DomainStatus::EmailVerified => "Verified",
            DomainStatus::Unverified => "Unverified",
            DomainStatus::PendingDeletion => "PendingDeletion",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantKind {
    /// Has a global administrator who proved ownership of the domain.
    Managed,
    /// Created by self-service sign-up: no global administrator ("viral").
    Unmanaged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantOrigin {
    /// Part of the loaded scenario (an organization that bought a subscription).
    Scenario,
    /// Created automatically when this address signed up for RMS for individuals.
    SelfServiceSignup { by: Email },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySettings {
    pub allow_ad_hoc_subscriptions: bool,
    pub allow_email_verified_users: bool,
}

impl Default for CompanySettings {
    fn default() -> Self {
        CompanySettings { allow_ad_hoc_subscriptions: true, allow_email_verified_users: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub id: TenantId,
    /// The organization's name; the domain itself for a tenant created by sign-up.
    pub display_name: String,
    /// `<domain without dots>.onmicrosoft.com`.
    pub initial_domain: String,
    pub kind: TenantKind,
    pub origin: TenantOrigin,
    pub created: SimTime,
    pub subscriptions: Vec<Subscription>,
    pub templates: Vec<Template>,
    pub settings: CompanySettings,
    pub users: BTreeMap<Email, User>,
    /// Chosen on creation from the first user's country.
    #[serde(default)]
    pub region: Region,
    /// Directory synchronization with on-premises AD DS is on: accounts come
    /// from there, so sign-up creates no new email-verified accounts.
    #[serde(default, skip_serializing_if = "is_false")]
    pub dir_sync: bool,
    /// RMS tenant keys: the first is the tenant's own, others came with a
    /// same-region takeover.
    #[serde(default)]
    pub keys: Vec<TenantKey>,
    /// Domains an administrator added that are not verified yet.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub claims: BTreeMap<String, SimTime>,
    /// The DNS verification value (`MS=ms` + 8 digits) per domain, made once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub challenges: BTreeMap<String, String>,
    /// Rights Management settings that need a paid subscription and an admin.
    #[serde(default, skip_serializing_if = "RmsAdmin::is_default")]
    pub rms: RmsAdmin,
    /// When RMS for individuals was converted to a paid subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted: Option<SimTime>,
    /// After a forced external takeover: when this tenant is deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_at: Option<SimTime>,
}

/// The paid-subscription features of Azure RMS, and their state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RmsAdmin {
    /// Super users: disabled by default.
    pub super_user_feature: bool,
    pub super_users: Vec<Email>,
    /// Usage logging: on by default since February 2016.
    pub usage_logging: bool,
    /// The tenant key is customer-managed (BYOK) rather than Microsoft-managed.
    pub byok: bool,
    /// How long a use license lets a reader open a document without asking
    /// the service again (`Set-AadrmMaxUseLicenseValidityTime`; 30 days).
    #[serde(default = "default_validity")]
    pub use_license_days: u32,
    /// The administrative actions on Rights Management (`Get-AadrmAdminLog`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admin_log: Vec<crate::sim::admin::AdminLogEntry>,
}

fn default_validity() -> u32 {
    30
}

impl RmsAdmin {
    fn is_default(&self) -> bool {
        *self == RmsAdmin::default()
    }
}

impl Default for RmsAdmin {
    fn default() -> Self {
        RmsAdmin {
            super_user_feature: false,
            super_users: vec![],
            usage_logging: true,
            byok: false,
            use_license_days: 30,
            admin_log: vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub sku: Sku,
    pub active_units: u32,
    pub warning_units: u32,
    pub added: SimTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// A standard member with no administrator role.
    #[serde(rename = "user")]
    User,
    #[serde(rename = "admin")]
    GlobalAdministrator,
}

impl Role {
    fn default_role() -> Role {
        Role::User
    }
    fn is_user(&self) -> bool {
        *self == Role::User
    }
    pub fn label(self) -> &'static str {
        match self {
            Role::User => "User (standard member)",
            Role::GlobalAdministrator => "Global administrator",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreationMethod {
    /// Self-service sign-up: `creationmethod=EmailVerified`.
    #[serde(rename = "emailverified")]
    EmailVerified,
    /// Created by the organization (the account that bought the subscription, or an admin).
    #[serde(rename = "admin")]
    Admin,
}

impl CreationMethod {
    fn default_method() -> CreationMethod {
        CreationMethod::EmailVerified
    }
    fn is_email_verified(&self) -> bool {
        *self == CreationMethod::EmailVerified
    }
    pub fn label(self) -> &'static str {
        match self {
            CreationMethod::EmailVerified => "EmailVerified",
            CreationMethod::Admin => "Created by the organization",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    #[serde(rename = "enabled")]
    Enabled,
    #[serde(rename = "blocked")]
    SignInBlocked,
}

impl AccountStatus {
    fn default_status() -> AccountStatus {
        AccountStatus::Enabled
    }
    fn is_enabled(&self) -> bool {
        *self == AccountStatus::Enabled
    }
}

/// An account. Stored compactly (short keys, defaults left out): a world can
/// hold tens of thousands of them within the browser's storage quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The sign-in name; stored as the key of `Tenant::users`, restored on load.
    #[serde(skip)]
    pub upn: Email,
    #[serde(rename = "f")]
    pub first_name: String,
    #[serde(rename = "l")]
    pub last_name: String,
    /// ISO 3166-1 alpha-2.
    #[serde(rename = "c")]
    pub country: String,
    #[serde(rename = "r", default = "Role::default_role", skip_serializing_if = "Role::is_user")]
    pub role: Role,
    #[serde(
        rename = "m",
        default = "CreationMethod::default_method",
        skip_serializing_if = "CreationMethod::is_email_verified"
    )]
    pub creation_method: CreationMethod,
    #[serde(
        rename = "s",
        default = "AccountStatus::default_status",
        skip_serializing_if = "AccountStatus::is_enabled"
    )]
    pub status: AccountStatus,
    #[serde(rename = "k")]
    pub licenses: Vec<Sku>,
    #[serde(rename = "p")]
    pub password: PasswordHash,
    #[serde(rename = "o", default, skip_serializing_if = "Lockout::is_clear")]
    pub lockout: Lockout,
    #[serde(rename = "t")]
    pub created: SimTime,
    /// Computers on which the person installed the sharing application.
    #[serde(rename = "d", default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Device>,
}

/// A computer with the Rights Management sharing application installed, as a
/// software inventory (System Center Configuration Manager) would list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    pub name: String,
    pub os: String,
    pub program: String,
    pub version: String,
    pub installed: SimTime,
}

impl User {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name).trim().to_string()
    }
}

impl Tenant {
    /// ConsumedUnits of a subscription: the users holding its license.
    pub fn consumed_units(&self, sku: Sku) -> u32 {
        self.users.values().filter(|u| u.licenses.contains(&sku)).count() as u32
    }
    pub fn subscription(&self, sku: Sku) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.sku == sku)
    }
    pub fn has_paid_azure_rms(&self) -> bool {
        self.subscriptions.iter().any(|s| s.sku.is_paid_with_azure_rms())
    }
    pub fn has_azure_rms(&self) -> bool {
        self.subscriptions.iter().any(|s| s.sku.includes_azure_rms())
    }
    pub fn is_managed(&self) -> bool {
        self.kind == TenantKind::Managed
    }
    /// Track and revoke, usage logging, super users and BYOK need a paid
    /// subscription that includes Azure RMS and an administrator.
    pub fn paid_features(&self) -> bool {
        self.is_managed() && self.has_paid_azure_rms()
    }
    pub fn global_admins(&self) -> Vec<&User> {
        self.users.values().filter(|u| u.role == Role::GlobalAdministrator).collect()
    }
    /// The tenant's account name, as in `AccountSkuId` (`contoso:ENTERPRISEPACK`).
    pub fn account_name(&self) -> &str {
        self.initial_domain.split('.').next().unwrap_or(&self.initial_domain)
    }
    /// Default templates can be applied once there is someone to share with:
    /// always for a paid Azure RMS subscription, and from the second RMS for
    /// individuals user on (seed, technical overview step 3).
    pub fn templates_available(&self) -> bool {
        !self.templates.is_empty()
            && (self.has_paid_azure_rms() || self.consumed_units(Sku::RightsManagementAdhoc) >= 2)
    }
}

impl Tenant {
    /// A tenant with no users, subscriptions, templates or keys yet, the
    /// default company settings, and no administrative history.
    pub fn new(
        id: TenantId,
        display_name: &str,
        initial_domain: String,
        kind: TenantKind,
        origin: TenantOrigin,
        region: Region,
        created: SimTime,
    ) -> Tenant {
        Tenant {
            id,
            display_name: display_name.to_string(),
            initial_domain,
            kind,
            origin,
            created,
            subscriptions: vec![],
            templates: vec![],
            settings: CompanySettings::default(),
            users: BTreeMap::new(),
            region,
            dir_sync: false,
            keys: vec![],
            claims: BTreeMap::new(),
            challenges: BTreeMap::new(),
            rms: RmsAdmin::default(),
            converted: None,
            deletion_at: None,
        }
    }

    /// `AccountSkuId`, as `Get-MsolAccountSku` and license lists show it:
    /// `contoso:ENTERPRISEPACK`.
    pub fn account_sku_id(&self, sku: Sku) -> String {
        format!("{}:{}", self.account_name(), sku.part_number())
    }

    /// The subscriptions table of the directory and the admin center:
    /// AccountSkuId, ActiveUnits, WarningUnits, ConsumedUnits, Product.
    pub fn subscription_rows(&self) -> Vec<[String; 5]> {
        self.subscriptions
            .iter()
            .map(|s| {
                [
                    self.account_sku_id(s.sku),
                    s.active_units.to_string(),
                    s.warning_units.to_string(),
                    self.consumed_units(s.sku).to_string(),
                    s.sku.display_name().to_string(),
                ]
            })
            .collect()
    }
}

/// One domain of a tenant as the admin center and `Get-MsolDomain` list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainEntry {
    pub name: String,
    pub status: DomainListStatus,
}

/// A listed domain's status: a held domain's, the initial domain, or one an
/// administrator added and has not verified yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainListStatus {
    Held(DomainStatus),
    Initial,
    Unverified,
}

impl DomainListStatus {
    /// As the admin center shows it.
    pub fn label(self) -> &'static str {
        match self {
            DomainListStatus::Held(s) => s.label(),
            DomainListStatus::Initial => "Verified (initial domain)",
            DomainListStatus::Unverified => "Unverified",
        }
    }
    /// As `Get-MsolDomain` shows it (MSOnline knows three statuses).
    pub fn msol(self) -> &'static str {
        match self {
            DomainListStatus::Held(s) => s.msol(),
            DomainListStatus::Initial => "Verified",
            DomainListStatus::Unverified => "Unverified",
        }
    }
}

impl Directory {
    pub fn tenant_of_domain(&self, domain: &str) -> Option<&Tenant> {
        self.domains.get(domain).and_then(|d| self.tenants.get(&d.tenant))
    }
    pub fn user(&self, upn: &Email) -> Option<&User> {
        self.tenant_of_domain(upn.domain()).and_then(|t| t.users.get(upn))
    }
    /// The domains a tenant holds (not its initial domain or claims).
    pub fn tenant_domains(&self, tenant: &str) -> Vec<(&String, &DomainRecord)> {
        self.domains.iter().filter(|(_, r)| r.tenant == tenant).collect()
    }
    /// Every domain of a tenant: those it holds, its initial
    /// `….onmicrosoft.com` domain, and those added but not verified yet.
    pub fn domain_list(&self, tenant: &str) -> Vec<DomainEntry> {
        let Some(t) = self.tenants.get(tenant) else { return vec![] };
        let mut list: Vec<DomainEntry> = self
            .tenant_domains(tenant)
            .into_iter()
            .map(|(d, r)| DomainEntry { name: d.clone(), status: DomainListStatus::Held(r.status) })
            .collect();
        list.push(DomainEntry { name: t.initial_domain.clone(), status: DomainListStatus::Initial });
        list.extend(t.claims.keys().map(|d| DomainEntry { name: d.clone(), status: DomainListStatus::Unverified }));
        list
    }
    /// The key with this ID, and the tenant that holds it.
    pub fn key(&self, key_id: &str) -> Option<(&TenantKey, &Tenant)> {
        self.tenants.values().find_map(|t| t.keys.iter().find(|k| k.id == key_id).map(|k| (k, t)))
    }
    /// Restores what the stored form leaves out: each user's sign-in name.
    pub fn after_load(&mut self) {
        for t in self.tenants.values_mut() {
            for (upn, u) in t.users.iter_mut() {
                u.upn = upn.clone();
            }
        }
    }
}
