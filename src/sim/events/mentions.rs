//! Who and what an event names: the people (email addresses), the
//! organizations (domains, and tenants by name) and the person who acted.
//! `/events` filters by these, and a group's heading names its actor.
//!
//! Every variant is matched by name (no catch-all), so a new kind of event
//! doesn't build until it says what it mentions; `tests/events.rs` checks
//! each against what its serialized payload holds.

use super::EventKind;
use crate::sim::basics::email::Email;
use crate::sim::signup::SignupRefusal;

/// An address as the events spell it, if it is one (lowercased, as
/// `Email::parse` keeps it).
fn address(s: &str) -> Option<String> {
    Email::parse(s).ok().map(|e| e.to_string())
}

impl EventKind {
    /// The email addresses this event names (each once, in payload order).
    pub fn people(&self) -> Vec<String> {
        use EventKind::*;
        let named: Vec<&str> = match self {
            ScenarioLoaded { .. } | ClockAdvanced { .. } | DomainListSwitched { .. } | EraChanged { .. } => vec![],
            SignupRequested { email }
            | SignupRefused { email, .. }
            | PaidSubscriptionFound { email, .. }
            | ConfirmationEmailSent { email, .. }
            | ConfirmationLinkOpened { email, .. }
            | ConfirmationLinkRejected { email, .. }
            | AccountDetailsRejected { email, .. }
            | AccountReadyEmailSent { email }
            | SignInFailed { email, .. } => vec![email],
            UserCreated { upn, .. }
            | LicenseAssigned { upn, .. }
            | SignedIn { upn }
            | AccountLocked { upn, .. }
            | SignedOut { upn }
            | BecomeAdminStarted { upn, .. }
            | InternalTakeover { upn, .. }
            | UserBlocked { upn, .. }
            | UserDeleted { upn, .. }
            | SuperUserAdded { upn, .. }
            | SuperUserRemoved { upn, .. }
            | SharingAppInstalled { upn, .. }
            | ConsoleConnected { upn, .. } => vec![upn],
            DomainVerificationFailed { by, .. } => vec![by],
            FileProtected { issuer, shared_with, .. } => {
                std::iter::once(issuer.as_str()).chain(shared_with.iter().map(String::as_str)).collect()
            }
            FileOpened { reader, .. } => reader.iter().map(String::as_str).collect(),
            ProtectionRemoved { owner, .. } | AccessRevoked { owner, .. } => vec![owner],
            DomainChecked { .. }
            | TenantCreated { .. }
            | SubscriptionGranted { .. }
            | DefaultTemplatesCreated { .. }
            | TemplatesAvailable { .. }
            | BlockedDomainAdded { .. }
            | BlockedDomainRemoved { .. }
            | DnsRecordAdded { .. }
            | DnsRecordRemoved { .. }
            | DomainAdded { .. }
            | DomainVerified { .. }
            | ExternalTakeover { .. }
            | TenantDeleted { .. }
            | CompanySettingsChanged { .. }
            | DirSyncChanged { .. }
            | ConvertedToPaid { .. }
            | RmsFeatureChanged { .. }
            | Recorded { .. } => vec![],
        };
        let mut out: Vec<String> = Vec::new();
        for a in named.into_iter().filter_map(address) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// The domains this event names directly: its domain fields and the
    /// domains of the people it names. A sign-up refused because the address
    /// is personal (or no address at all) names no organization.
    pub fn domains(&self) -> Vec<String> {
        use EventKind::*;
        let mut out: Vec<String> = match self {
            SignupRefused { reason: SignupRefusal::PersonalEmail { .. } | SignupRefusal::InvalidEmail(_), .. } => {
                return vec![];
            }
            DomainChecked { domain, .. }
            | TenantCreated { domain, .. }
            | BlockedDomainAdded { domain }
            | BlockedDomainRemoved { domain }
            | DnsRecordAdded { domain, .. }
            | DnsRecordRemoved { domain, .. }
            | BecomeAdminStarted { domain, .. }
            | DomainVerificationFailed { domain, .. }
            | InternalTakeover { domain, .. }
            | DomainAdded { domain, .. }
            | DomainVerified { domain, .. }
            | ExternalTakeover { domain, .. } => vec![domain.to_ascii_lowercase()],
            _ => vec![],
        };
        for p in self.people() {
            let d = p.rsplit('@').next().unwrap_or_default().to_string();
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    /// The tenants this event names, as it names them (a display name, or an
    /// initial domain `….onmicrosoft.com`); `Story` resolves them to domains.
    pub fn tenants(&self) -> Vec<&str> {
        use EventKind::*;
        match self {
            PaidSubscriptionFound { organization, .. } => vec![organization],
            DomainChecked { found, .. } => found.iter().map(String::as_str).collect(),
            TenantCreated { tenant, initial_domain, .. } | TenantDeleted { tenant, initial_domain } => {
                vec![tenant, initial_domain]
            }
            DomainAdded { tenant, held_by, .. } => {
                std::iter::once(tenant.as_str()).chain(held_by.iter().map(String::as_str)).collect()
            }
            ExternalTakeover { from, to, .. } => vec![from, to],
            UserCreated { tenant, .. }
            | SubscriptionGranted { tenant, .. }
            | DefaultTemplatesCreated { tenant, .. }
            | TemplatesAvailable { tenant, .. }
            | InternalTakeover { tenant, .. }
            | DomainVerified { tenant, .. }
            | CompanySettingsChanged { tenant, .. }
            | DirSyncChanged { tenant, .. }
            | ConvertedToPaid { tenant, .. }
            | RmsFeatureChanged { tenant, .. }
            | SuperUserAdded { tenant, .. }
            | SuperUserRemoved { tenant, .. } => vec![tenant],
            ScenarioLoaded { .. }
            | ClockAdvanced { .. }
            | SignupRequested { .. }
            | SignupRefused { .. }
            | ConfirmationEmailSent { .. }
            | ConfirmationLinkOpened { .. }
            | ConfirmationLinkRejected { .. }
            | AccountDetailsRejected { .. }
            | LicenseAssigned { .. }
            | AccountReadyEmailSent { .. }
            | SignedIn { .. }
            | SignInFailed { .. }
            | AccountLocked { .. }
            | SignedOut { .. }
            | BlockedDomainAdded { .. }
            | BlockedDomainRemoved { .. }
            | DomainListSwitched { .. }
            | DnsRecordAdded { .. }
            | DnsRecordRemoved { .. }
            | BecomeAdminStarted { .. }
            | DomainVerificationFailed { .. }
            | UserBlocked { .. }
            | UserDeleted { .. }
            | EraChanged { .. }
            | SharingAppInstalled { .. }
            | ConsoleConnected { .. }
            | FileProtected { .. }
            | FileOpened { .. }
            | ProtectionRemoved { .. }
            | AccessRevoked { .. }
            | Recorded { .. } => vec![],
        }
    }

    /// The person who acted, when the event says: the address typed on the
    /// portal, the account that signed in, created itself, protected or
    /// opened a file. (`None` for what happened *to* someone, such as a user
    /// an administrator blocked, and for the service's own steps.) A
    /// sign-up's typed text is kept even when it isn't an address.
    pub fn actor(&self) -> Option<&str> {
        use EventKind::*;
        let who = match self {
            SignupRequested { email }
            | SignupRefused { email, .. }
            | PaidSubscriptionFound { email, .. }
            | ConfirmationLinkOpened { email, .. }
            | AccountDetailsRejected { email, .. }
            | SignInFailed { email, .. } => email,
            ConfirmationLinkRejected { email, .. } => return address(email).is_some().then_some(email.as_str()),
            UserCreated { upn, .. }
            | LicenseAssigned { upn, .. }
            | SignedIn { upn }
            | SignedOut { upn }
            | BecomeAdminStarted { upn, .. }
            | InternalTakeover { upn, .. }
            | SharingAppInstalled { upn, .. }
            | ConsoleConnected { upn, .. } => upn,
            DomainVerificationFailed { by, .. } => by,
            FileProtected { issuer, .. } => issuer,
            FileOpened { reader, .. } => return reader.as_deref(),
            ProtectionRemoved { owner, .. } | AccessRevoked { owner, .. } => owner,
            ScenarioLoaded { .. }
            | ClockAdvanced { .. }
            | ConfirmationEmailSent { .. }
            | DomainChecked { .. }
            | TenantCreated { .. }
            | SubscriptionGranted { .. }
            | DefaultTemplatesCreated { .. }
            | TemplatesAvailable { .. }
            | AccountReadyEmailSent { .. }
            | AccountLocked { .. }
            | BlockedDomainAdded { .. }
            | BlockedDomainRemoved { .. }
            | DomainListSwitched { .. }
            | DnsRecordAdded { .. }
            | DnsRecordRemoved { .. }
            | DomainAdded { .. }
            | DomainVerified { .. }
            | ExternalTakeover { .. }
            | TenantDeleted { .. }
            | CompanySettingsChanged { .. }
            | DirSyncChanged { .. }
            | UserBlocked { .. }
            | UserDeleted { .. }
            | ConvertedToPaid { .. }
            | RmsFeatureChanged { .. }
            | SuperUserAdded { .. }
            | SuperUserRemoved { .. }
            | EraChanged { .. }
            | Recorded { .. } => return None,
        };
        (!who.trim().is_empty()).then_some(who.as_str())
    }
}
