//! The plain data of the simulated world. No behaviour beyond small queries:
//! the rules live in `signup`, `signin` and `world`.

use super::catalog::{Sku, Template};
use super::email::Email;
use super::events::Event;
use super::password::PasswordHash;
use super::time::{SimDuration, SimTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub type TenantId = String;

/// Engine settings a scenario fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// PBKDF2 rounds for new password hashes.
    pub pbkdf2_iterations: u32,
    /// How long a sign-up confirmation link stays valid.
    pub link_validity: SimDuration,
}

/// The simulator's default: 24 hours. No public document gives the real
/// validity of the sign-up link, so this picks a common value for emailed
/// verification links that still leaves the recipient of a protected file a
/// working day to act on it.
pub const DEFAULT_LINK_VALIDITY: SimDuration = SimDuration::hours(24);

/// PBKDF2-HMAC-SHA256 rounds used in the browser. Real identity providers use
/// far more; this keeps sign-up and sign-in instant on a projector laptop while
/// still storing a salted, slow hash rather than the password.
pub const DEFAULT_PBKDF2_ITERATIONS: u32 = 20_000;

impl Default for Config {
    fn default() -> Self {
        Config { pbkdf2_iterations: DEFAULT_PBKDF2_ITERATIONS, link_validity: DEFAULT_LINK_VALIDITY }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub clock: SimTime,
    pub config: Config,
    /// Which preset this world started from.
    pub scenario: String,
    pub tenants: BTreeMap<TenantId, Tenant>,
    /// Every domain any tenant holds, and which one: a map, so a domain can
    /// belong to one tenant only.
    pub domains: BTreeMap<String, DomainRecord>,
    pub mailboxes: BTreeMap<String, Mailbox>,
    /// Sign-up flows by their link token.
    pub signups: BTreeMap<String, SignupFlow>,
    /// The token of the pending flow of each address, if any. Derived from
    /// `signups` on load (see `World::after_load`), so it is not stored.
    #[serde(skip)]
    pub pending_signups: BTreeMap<Email, String>,
    pub lists: DomainLists,
    /// The browser's signed-in account (shared by every tab, like a cookie).
    pub session: Option<Session>,
    /// The newest events (at most `MAX_EVENTS`), oldest first.
    pub events: Vec<Event>,
    /// How many older events were dropped to keep the stored state small.
    #[serde(default)]
    pub events_trimmed: u64,
    pub next_message_id: u64,
    /// IDs of the latest saves this state includes (see `persist::sync`).
    #[serde(default)]
    pub recent_writes: Vec<u64>,
    /// The simulated public DNS (see `dns.rs`).
    #[serde(default)]
    pub dns: Vec<DnsRecord>,
    #[serde(default)]
    pub next_dns_id: u64,
    /// RMS tenant keys that no tenant holds any more (a cross-region
    /// takeover, a deleted tenant): content protected with them is lost.
    #[serde(default)]
    pub retired_keys: Vec<RetiredKey>,
    /// Who the PowerShell console is connected as (see `admin.rs`).
    #[serde(default)]
    pub console: ConsoleSession,
    /// Protected documents the service knows of, by content ID: what the
    /// document tracking site shows (see `sharing.rs`).
    #[serde(default)]
    pub documents: BTreeMap<String, Document>,
    /// Files attached to messages (protected copies sent by Share Protected).
    #[serde(default)]
    pub files: BTreeMap<String, StoredFile>,
    #[serde(default)]
    pub next_file_id: u64,
    /// Use licenses readers hold, by `reader|content ID`: until when they
    /// open the document without asking the service again.
    #[serde(default)]
    pub use_licenses: BTreeMap<String, UseLicenseRecord>,
    /// The RMS usage log (newest last, at most `MAX_USAGE_LOG`).
    #[serde(default)]
    pub usage_log: Vec<UsageLogEntry>,
}

/// The usage log keeps this many of the newest entries.
pub const MAX_USAGE_LOG: usize = 2_000;

/// A protected document as the service tracks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub content_id: String,
    pub name: String,
    pub issuer: Email,
    /// The tenant whose key protected it.
    pub tenant: TenantId,
    pub protected_at: SimTime,
    /// Who it was shared with (or the template's name).
    pub shared_with: Vec<String>,
    pub notify: bool,
    pub instant_revoke: bool,
    pub revoked_at: Option<SimTime>,
    pub accesses: Vec<Access>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    pub who: String,
    pub at: SimTime,
    pub granted: bool,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub name: String,
    /// The bytes, URL-safe base64.
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UseLicenseRecord {
    pub issued: SimTime,
    pub valid_until: SimTime,
}

/// One line of the usage log (the documented W3C fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageLogEntry {
    pub at: SimTime,
    pub tenant: TenantId,
    pub row_id: String,
    pub request_type: String,
    pub user_id: String,
    pub result: String,
    pub correlation_id: String,
    pub content_id: String,
    pub owner_email: String,
    pub issuer: String,
    pub template_id: String,
    pub file_name: String,
    pub date_published: String,
}

/// A record of the simulated public DNS. `visible_at` is when resolvers see
/// it: the documented 15 to 60 minutes after it was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecord {
    pub id: u64,
    pub domain: String,
    pub kind: RecordType,
    pub value: String,
    pub added: SimTime,
    pub visible_at: SimTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RecordType {
    #[serde(rename = "TXT")]
    Txt,
    #[serde(rename = "MX")]
    Mx,
}

impl RecordType {
    pub fn label(self) -> &'static str {
        match self {
            RecordType::Txt => "TXT",
            RecordType::Mx => "MX",
        }
    }
}

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
    pub fn generate(origin: &str, created: SimTime, rng: &mut dyn super::rand::RandomSource) -> TenantKey {
        let mut secret = [0u8; 32];
        rng.fill(&mut secret);
        TenantKey { id: rng.guid(), origin: origin.to_string(), created, secret: super::codec::to_b64(&secret) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetiredKey {
    pub key: TenantKey,
    pub at: SimTime,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleSession {
    /// `Connect-MsolService` succeeded for this global administrator.
    pub msol: Option<Email>,
    /// `Connect-MgGraph` succeeded for this global administrator.
    pub graph: Option<Email>,
}

/// The event log keeps this many of the newest events. A training session
/// produces a few hundred; the cap keeps a 10,000-user world within the
/// browser's storage quota.
pub const MAX_EVENTS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainLists {
    pub personal_check: bool,
    pub blocked_check: bool,
    pub blocked: BTreeSet<String>,
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

/// The Azure region a tenant (and its RMS tenant key) lives in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    #[default]
    #[serde(rename = "na")]
    NorthAmerica,
    #[serde(rename = "eu")]
    Europe,
    #[serde(rename = "ap")]
    AsiaPacific,
}

impl Region {
    pub fn label(self) -> &'static str {
        match self {
            Region::NorthAmerica => "North America",
            Region::Europe => "Europe",
            Region::AsiaPacific => "Asia Pacific",
        }
    }
    /// As in the usage log's service addresses (`….rms.na.aadrm.com`).
    pub fn code(self) -> &'static str {
        match self {
            Region::NorthAmerica => "na",
            Region::Europe => "eu",
            Region::AsiaPacific => "ap",
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

/// Smart lockout bookkeeping for one account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    /// Counted failures since the last success or lockout.
    pub failures: u32,
    /// Fingerprints of the last three wrong passwords: repeats are not counted.
    pub recent_bad: Vec<String>,
    pub locked_until: Option<SimTime>,
    /// How many times the account has been locked (later lockouts last longer).
    pub lockouts: u32,
}

impl Lockout {
    fn is_clear(&self) -> bool {
        *self == Lockout::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub upn: Email,
    pub tenant: TenantId,
    pub since: SimTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    /// Stored as the key of `World::mailboxes`, restored on load.
    #[serde(skip)]
    pub address: String,
    pub messages: Vec<Message>,
}

impl Mailbox {
    pub fn unread(&self) -> usize {
        self.messages.iter().filter(|m| !m.read).count()
    }
}

/// A message in a mailbox. Microsoft's own mails are stored as their kind and
/// data; their sender, subject and body are derived (`signup.rs` has the
/// texts), which keeps a world of many sign-ups small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "i")]
    pub id: u64,
    #[serde(rename = "t")]
    pub at: SimTime,
    #[serde(rename = "r", default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(rename = "k")]
    pub kind: MessageKind,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageKind {
    /// "Microsoft RMS": the confirmation email with the sign-up link.
    #[serde(rename = "C")]
    Confirmation {
        #[serde(rename = "k")]
        token: String,
        #[serde(rename = "x")]
        expires_at: SimTime,
    },
    /// The second email: the account is ready.
    #[serde(rename = "R")]
    AccountReady,
    /// Any other message, stored whole (e.g. a scenario's shared-file mail).
    #[serde(rename = "M")]
    Custom {
        from_name: String,
        from: String,
        subject: String,
        body: Vec<Block>,
        /// IDs of `World::files` attached to the message.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<String>,
    },
}

/// A piece of a message body. Bodies are data, never HTML: the UI renders
/// each block as text, and links as in-app `<a href>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Link { text: String, href: String },
    Small(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupFlow {
    /// 128 random bits as hex; the link carries it. Stored as the key of
    /// `World::signups`, restored on load.
    #[serde(skip)]
    pub token: String,
    #[serde(rename = "e")]
    pub email: Email,
    #[serde(rename = "i")]
    pub issued_at: SimTime,
    #[serde(rename = "x")]
    pub expires_at: SimTime,
    #[serde(rename = "s")]
    pub state: FlowState,
    /// When the link was first opened (seed step 5), if it was.
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<SimTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlowState {
    /// The confirmation email is out; the link has not been used.
    #[serde(rename = "W")]
    AwaitingConfirmation,
    /// The account was created (or activated) with this link.
    #[serde(rename = "C")]
    Completed { at: SimTime },
    /// A newer link was sent to the same address; this one no longer works.
    #[serde(rename = "S")]
    Superseded { at: SimTime },
    /// The sign-up was canceled, e.g. because the organization has a paid subscription.
    #[serde(rename = "X")]
    Canceled { at: SimTime },
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

impl World {
    pub fn tenant_of_domain(&self, domain: &str) -> Option<&Tenant> {
        self.domains.get(domain).and_then(|d| self.tenants.get(&d.tenant))
    }
    pub fn user(&self, upn: &Email) -> Option<&User> {
        self.tenant_of_domain(upn.domain()).and_then(|t| t.users.get(upn))
    }
    pub fn tenant_domains(&self, tenant: &str) -> Vec<(&String, &DomainRecord)> {
        self.domains.iter().filter(|(_, r)| r.tenant == tenant).collect()
    }
    pub fn mailbox(&self, address: &str) -> Option<&Mailbox> {
        self.mailboxes.get(&address.to_ascii_lowercase())
    }
    /// Who is signed in, if anyone.
    pub fn signed_in_upn(&self) -> Option<&Email> {
        self.session.as_ref().map(|s| &s.upn)
    }
    pub fn signed_in_user(&self) -> Option<&User> {
        self.session.as_ref().and_then(|s| self.user(&s.upn))
    }

    /// Restores what the stored form leaves out: each user's and flow's key,
    /// and the index of pending sign-ups.
    pub fn after_load(&mut self) {
        for t in self.tenants.values_mut() {
            for (upn, u) in t.users.iter_mut() {
                u.upn = upn.clone();
            }
        }
        for (address, m) in self.mailboxes.iter_mut() {
            m.address = address.clone();
        }
        self.pending_signups.clear();
        for (token, f) in self.signups.iter_mut() {
            f.token = token.clone();
            // At most one flow per address awaits confirmation: asking again
            // retires the previous one.
            if f.state == FlowState::AwaitingConfirmation {
                self.pending_signups.insert(f.email.clone(), token.clone());
            }
        }
    }
}
