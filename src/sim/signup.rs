//! The RMS for individuals sign-up, as an explicit state machine.
//!
//! `start_signup` ("Get started") decides the branch and, where sign-up can go
//! on, sends the confirmation email with a single-use link. `confirmation`
//! reads a link without changing anything. `complete_signup` ("Create")
//! re-checks the branch (the world may have changed since the email was sent:
//! a colleague's sign-up may have created the tenant meanwhile), then runs the
//! technical overview: tenant, account, subscription, license, templates.

use super::catalog::{ADHOC_ACTIVE_UNITS, Sku, default_templates};
use super::countries::region_of;
use super::email::{Email, EmailError, PersonalKind, domain_matches, personal_kind};
use super::events::EventKind;
use super::model::*;
use super::password::{PasswordProblem, check_policy, hash_password};
use super::rand::RandomSource;
use super::time::SimTime;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const SENDER_NAME: &str = "Microsoft";
pub const SENDER: &str = "DoNotReply@microsoft.com";
pub const CONFIRMATION_SUBJECT: &str = "Microsoft RMS";
pub const READY_SUBJECT: &str = "Microsoft RMS: your account is ready";

/// Why "Get started" (or "Create") cannot go on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupRefusal {
    InvalidEmail(EmailError),
    PersonalEmail {
        kind: PersonalKind,
    },
    BlockedDomain {
        domain: String,
        entry: String,
    },
    /// The organization has a paid Azure RMS subscription but no account for this address.
    NotFoundInPaidOrganization {
        domain: String,
    },
    /// This address already holds an RMS license.
    AlreadySignedUp {
        email: String,
    },
    /// AllowAdHocSubscriptions is false in the tenant.
    SignupTurnedOff {
        domain: String,
    },
    /// AllowEmailVerifiedUsers is false and the address has no account.
    NewAccountsNotAllowed {
        domain: String,
    },
    /// The account exists but an administrator blocked its sign-in.
    AccountBlocked {
        email: String,
    },
    /// Directory synchronization is on: accounts come from on-premises AD.
    DirectorySynchronized {
        domain: String,
    },
}

impl fmt::Display for SignupRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignupRefusal::InvalidEmail(e) => write!(f, "{e}"),
            SignupRefusal::PersonalEmail { kind } => write!(
                f,
                "That looks like a personal email address. Enter your work address so we can connect you with others in your company. And don't worry. We won't share your address with anyone. ({})",
                match kind {
                    PersonalKind::ConsumerEmail =>
                        "Addresses from consumer email services, such as a Microsoft account, aren't supported for RMS for individuals.",
                    PersonalKind::InternetProvider =>
                        "Addresses from an Internet or telecommunications provider that you use at home aren't supported for RMS for individuals.",
                }
            ),
            SignupRefusal::BlockedDomain { domain, entry } => write!(
                f,
                "The domain {domain} can't be used to create a directory, so it can't be used for RMS for individuals{}. Use the email address your organization gave you.",
                if domain == entry { String::new() } else { format!(" ({entry} is on the blocked domains list)") }
            ),
            SignupRefusal::NotFoundInPaidOrganization { domain } => write!(
                f,
                "We can't find you at {domain}. Do you use a different ID at work or school? Try signing in with that, and if it doesn't work, contact your IT department. (Your organization already has a paid subscription that includes Azure RMS, so the RMS for individuals sign-up was canceled.)"
            ),
            SignupRefusal::AlreadySignedUp { email } => write!(
                f,
                "{email} already has an account for RMS for individuals. Sign in with that email address and your password instead of signing up again."
            ),
            SignupRefusal::SignupTurnedOff { .. } => write!(
                f,
                "We can't finish signing you up. Your IT department has turned off signup for Microsoft Rights Management. Contact them to complete signup."
            ),
            SignupRefusal::NewAccountsNotAllowed { domain } => write!(
                f,
                "We can't finish signing you up: your organization doesn't let new accounts join its directory for {domain} by email verification. Contact your admin to get an account."
            ),
            SignupRefusal::DirectorySynchronized { domain } => write!(
                f,
                "We can't finish signing you up: your organization synchronizes its accounts for {domain} from its own directory, so new accounts can't be created here. Contact your admin: they can give you an account."
            ),
            SignupRefusal::AccountBlocked { email } => write!(
                f,
                "The account {email} has been blocked by your administrator. Contact your admin to unblock it."
            ),
        }
    }
}

/// The result of "Get started" when sign-up is not refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StartOutcome {
    /// The confirmation email is on its way.
    EmailSent { email: Email, expires_at: SimTime, replaced_previous: bool },
    /// The organization has a paid subscription that includes Azure RMS and
    /// this address has an account there: no RMS for individuals needed.
    /// `signed_in` is true when the browser was already signed in to that
    /// account; otherwise the person signs in with it on the sign-in page.
    PaidSubscription { email: Email, organization: String, signed_in: bool },
}

/// What the confirmation link leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenError {
    Unknown,
    AlreadyUsed { at: SimTime },
    Superseded { email: String },
    Expired { at: SimTime },
    Canceled,
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenError::Unknown => f.write_str("This sign-up link isn't valid. Check that you opened the whole link from the “Microsoft RMS” email, or go to the Microsoft Rights Management page and enter your email address again."),
            TokenError::AlreadyUsed { at } => write!(f, "This sign-up link was already used at {at} to create your account, and a link works only once. Sign in with your email address and password instead."),
            TokenError::Superseded { email } => write!(f, "A newer sign-up email was sent to {email} after this one, so this link no longer works. Open the newest “Microsoft RMS” email and use its link."),
            TokenError::Expired { at } => write!(f, "This sign-up link expired at {at}: links are valid for 24 hours. Go to the Microsoft Rights Management page and enter your email address again to get a new link."),
            TokenError::Canceled => f.write_str("This sign-up was canceled because your organization has a paid subscription that includes Azure RMS. Sign in with your work account instead."),
        }
    }
}

/// What the page behind a valid link shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    pub email: Email,
    pub expires_at: SimTime,
    /// The address already has an account (in a tenant without Azure RMS):
    /// the link activates RMS for individuals for it instead of creating one.
    pub existing_account: bool,
}

/// The account page's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetails {
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub confirm_password: String,
    pub country: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    FirstName,
    LastName,
    Password,
    ConfirmPassword,
    Country,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompleteError {
    Token(TokenError),
    Fields(Vec<FieldError>),
    Refused(SignupRefusal),
}

impl fmt::Display for CompleteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompleteError::Token(t) => write!(f, "{t}"),
            CompleteError::Fields(errs) => {
                f.write_str(&errs.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" "))
            }
            CompleteError::Refused(r) => write!(f, "{r}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completed {
    pub email: Email,
    pub tenant: TenantId,
    pub created_tenant: bool,
    pub created_account: bool,
}

/// Where a sign-up for an address would land, if it may go on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    NewTenant,
    JoinTenant(TenantId),
    ActivateExisting(TenantId),
    Paid { tenant: TenantId },
}

pub const NAME_MAX: usize = 64;

impl World {
    fn assess(&self, email: &Email) -> Result<Route, SignupRefusal> {
        let domain = email.domain();
        if self.lists.personal_check {
            if let Some(kind) = personal_kind(domain) {
                return Err(SignupRefusal::PersonalEmail { kind });
            }
        }
        if self.lists.blocked_check {
            if let Some(entry) = self.lists.blocked.iter().find(|e| domain_matches(domain, e)) {
                return Err(SignupRefusal::BlockedDomain { domain: domain.to_string(), entry: entry.clone() });
            }
        }
        let Some(tenant) = self.tenant_of_domain(domain) else {
            return Ok(Route::NewTenant);
        };
        let user = tenant.users.get(email);
        if tenant.has_paid_azure_rms() {
            return match user {
                Some(_) => Ok(Route::Paid { tenant: tenant.id.clone() }),
                None => Err(SignupRefusal::NotFoundInPaidOrganization { domain: domain.to_string() }),
            };
        }
        if let Some(u) = user {
            if u.status == AccountStatus::SignInBlocked {
                return Err(SignupRefusal::AccountBlocked { email: email.to_string() });
            }
            if u.licenses.contains(&Sku::RightsManagementAdhoc) {
                return Err(SignupRefusal::AlreadySignedUp { email: email.to_string() });
            }
        }
        if !tenant.settings.allow_ad_hoc_subscriptions {
            return Err(SignupRefusal::SignupTurnedOff { domain: domain.to_string() });
        }
        match user {
            Some(_) => Ok(Route::ActivateExisting(tenant.id.clone())),
            None if !tenant.settings.allow_email_verified_users => {
                Err(SignupRefusal::NewAccountsNotAllowed { domain: domain.to_string() })
            }
            None if tenant.dir_sync => Err(SignupRefusal::DirectorySynchronized { domain: domain.to_string() }),
            None => Ok(Route::JoinTenant(tenant.id.clone())),
        }
    }

    fn refuse(&mut self, email: &str, reason: &SignupRefusal) {
        self.log(EventKind::SignupRefused { email: email.to_string(), reason: reason.to_string() });
    }

    /// "Get started" on the portal.
    pub fn start_signup(&mut self, input: &str, rng: &mut dyn RandomSource) -> Result<StartOutcome, SignupRefusal> {
        let shown = input.trim().chars().take(120).collect::<String>();
        let email = match Email::parse(input) {
            Ok(e) => e,
            Err(e) => {
                let r = SignupRefusal::InvalidEmail(e);
                self.refuse(&shown, &r);
                return Err(r);
            }
        };
        self.log(EventKind::SignupRequested { email: email.to_string() });
        let route = match self.assess(&email) {
            Ok(r) => r,
            Err(r) => {
                self.refuse(email.as_str(), &r);
                return Err(r);
            }
        };
        if let Route::Paid { tenant } = route {
            let t = &self.tenants[&tenant];
            let organization = t.display_name.clone();
            let sku = t
                .subscriptions
                .iter()
                .find(|s| s.sku.is_paid_with_azure_rms())
                .map(|s| s.sku)
                .unwrap_or(Sku::EnterprisePack);
            self.retire_pending(&email, |at| FlowState::Canceled { at });
            self.log(EventKind::PaidSubscriptionFound {
                email: email.to_string(),
                organization: organization.clone(),
                sku,
            });
            let signed_in = self.session.as_ref().is_some_and(|s| s.upn == email);
            return Ok(StartOutcome::PaidSubscription { email, organization, signed_in });
        }
        let replaced_previous = self.retire_pending(&email, |at| FlowState::Superseded { at });
        let token = rng.hex(16);
        let expires_at = self.clock.plus(self.config.link_validity);
        let flow = SignupFlow {
            token: token.clone(),
            email: email.clone(),
            issued_at: self.clock,
            expires_at,
            state: FlowState::AwaitingConfirmation,
            opened_at: None,
        };
        self.signups.insert(token.clone(), flow);
        self.pending_signups.insert(email.clone(), token.clone());
        self.deliver(email.as_str(), MessageKind::Confirmation { token, expires_at });
        self.log(EventKind::ConfirmationEmailSent { email: email.to_string(), expires_at, replaced_previous });
        Ok(StartOutcome::EmailSent { email, expires_at, replaced_previous })
    }

    /// Marks the pending flow of `email`, if any, as no longer usable.
    fn retire_pending(&mut self, email: &Email, state: impl Fn(SimTime) -> FlowState) -> bool {
        match self.pending_signups.remove(email) {
            Some(old) => match self.signups.get_mut(&old) {
                Some(f) => {
                    f.state = state(self.clock);
                    // An expired link was no longer usable: nothing was replaced.
                    self.clock < f.expires_at
                }
                None => false,
            },
            None => false,
        }
    }

    fn flow(&self, token: &str) -> Result<&SignupFlow, TokenError> {
        let flow = self.signups.get(token.trim()).ok_or(TokenError::Unknown)?;
        match &flow.state {
            FlowState::Completed { at } => Err(TokenError::AlreadyUsed { at: *at }),
            FlowState::Canceled { .. } => Err(TokenError::Canceled),
            // A link past its expiry says so, even if a newer one replaced it since.
            _ if self.clock >= flow.expires_at => Err(TokenError::Expired { at: flow.expires_at }),
            FlowState::Superseded { .. } => Err(TokenError::Superseded { email: flow.email.to_string() }),
            FlowState::AwaitingConfirmation => Ok(flow),
        }
    }

    /// What the confirmation link shows; changes nothing.
    pub fn confirmation(&self, token: &str) -> Result<Confirmation, TokenError> {
        let flow = self.flow(token)?;
        Ok(Confirmation {
            email: flow.email.clone(),
            expires_at: flow.expires_at,
            existing_account: self.user(&flow.email).is_some(),
        })
    }

    /// The person opened the link (seed step 5): like `confirmation`, and the
    /// first opening of a valid link is logged.
    pub fn open_confirmation(&mut self, token: &str) -> Result<Confirmation, TokenError> {
        let c = self.confirmation(token)?;
        let flow = self.signups.get_mut(token.trim()).expect("a valid link has a flow");
        if flow.opened_at.is_none() {
            flow.opened_at = Some(self.clock);
            self.log(EventKind::ConfirmationLinkOpened {
                email: c.email.to_string(),
                existing_account: c.existing_account,
            });
        }
        Ok(c)
    }

    /// Whether `open_confirmation` would log anything (lets the UI skip a save).
    pub fn confirmation_unopened(&self, token: &str) -> bool {
        self.flow(token).is_ok_and(|f| f.opened_at.is_none())
    }

    /// "Create" on the account page (or "Activate" for an existing account,
    /// whose details are then ignored).
    pub fn complete_signup(
        &mut self,
        token: &str,
        details: &AccountDetails,
        rng: &mut dyn RandomSource,
    ) -> Result<Completed, CompleteError> {
        let flow = match self.flow(token) {
            Ok(f) => f.clone(),
            Err(e) => {
                let email = self
                    .signups
                    .get(token.trim())
                    .map(|f| f.email.to_string())
                    .unwrap_or_else(|| "an unknown address".into());
                self.log(EventKind::ConfirmationLinkRejected { email, reason: e.to_string() });
                return Err(CompleteError::Token(e));
            }
        };
        let email = flow.email.clone();
        let route = match self.assess(&email) {
            Ok(r) => r,
            Err(r) => {
                self.refuse(email.as_str(), &r);
                return Err(CompleteError::Refused(r));
            }
        };
        if let Route::ActivateExisting(tenant) = &route {
            let tenant = tenant.clone();
            self.finish_flow(&flow);
            self.log(EventKind::DomainChecked {
                domain: email.domain().into(),
                found: Some(self.tenants[&tenant].display_name.clone()),
                has_rms: self.tenants[&tenant].has_azure_rms(),
            });
            self.grant_and_license(&tenant, &email, rng);
            self.send_ready_mail(&email);
            return Ok(Completed { email, tenant, created_tenant: false, created_account: false });
        }
        if let Route::Paid { .. } = route {
            // The organization bought Azure RMS after the email was sent.
            self.retire_pending(&email, |at| FlowState::Canceled { at });
            self.log(EventKind::ConfirmationLinkRejected {
                email: email.to_string(),
                reason: TokenError::Canceled.to_string(),
            });
            return Err(CompleteError::Token(TokenError::Canceled));
        }
        let errors = validate_details(details);
        if !errors.is_empty() {
            self.log(EventKind::AccountDetailsRejected {
                email: email.to_string(),
                problems: errors.iter().map(|e| e.message.clone()).collect(),
            });
            return Err(CompleteError::Fields(errors));
        }
        self.finish_flow(&flow);
        let domain = email.domain().to_string();
        let (tenant, created_tenant) = match route {
            Route::JoinTenant(t) => {
                let tn = &self.tenants[&t];
                self.log(EventKind::DomainChecked {
                    domain: domain.clone(),
                    found: Some(tn.display_name.clone()),
                    has_rms: tn.has_azure_rms(),
                });
                (t, false)
            }
            _ => {
                self.log(EventKind::DomainChecked { domain: domain.clone(), found: None, has_rms: false });
                (self.create_unmanaged_tenant(&domain, &email, details.country.trim(), rng), true)
            }
        };
        let user = User {
            upn: email.clone(),
            first_name: details.first_name.trim().to_string(),
            last_name: details.last_name.trim().to_string(),
            country: details.country.trim().to_ascii_uppercase(),
            role: Role::User,
            creation_method: CreationMethod::EmailVerified,
            status: AccountStatus::Enabled,
            licenses: vec![],
            password: hash_password(&details.password, self.config.pbkdf2_iterations, rng),
            lockout: Lockout::default(),
            created: self.clock,
            devices: vec![],
        };
        let t = self.tenants.get_mut(&tenant).expect("tenant exists");
        t.users.insert(email.clone(), user);
        let ordinal = t.users.len() as u32;
        let name = t.display_name.clone();
        self.log(EventKind::UserCreated { upn: email.to_string(), tenant: name, ordinal, new_tenant: created_tenant });
        self.grant_and_license(&tenant, &email, rng);
        self.send_ready_mail(&email);
        Ok(Completed { email, tenant, created_tenant, created_account: true })
    }

    fn finish_flow(&mut self, flow: &SignupFlow) {
        if let Some(f) = self.signups.get_mut(&flow.token) {
            f.state = FlowState::Completed { at: self.clock };
        }
        self.pending_signups.remove(&flow.email);
    }

    fn create_unmanaged_tenant(
        &mut self,
        domain: &str,
        by: &Email,
        country: &str,
        rng: &mut dyn RandomSource,
    ) -> TenantId {
        let id = rng.guid();
        let mut base = domain.replace(['.', '-'], "");
        base.truncate(27);
        // Like Azure AD, add a number when the name is already taken.
        let taken = |name: &str| self.tenants.values().any(|t| t.initial_domain == name);
        let mut initial_domain = format!("{base}.onmicrosoft.com");
        let mut n = 1;
        while taken(&initial_domain) {
            n += 1;
            initial_domain = format!("{base}{n}.onmicrosoft.com");
        }
        let tenant = Tenant {
            id: id.clone(),
            display_name: domain.to_string(),
            initial_domain: initial_domain.clone(),
            kind: TenantKind::Unmanaged,
            origin: TenantOrigin::SelfServiceSignup { by: by.clone() },
            created: self.clock,
            subscriptions: vec![],
            templates: vec![],
            settings: CompanySettings::default(),
            users: Default::default(),
            region: region_of(country),
            dir_sync: false,
            keys: vec![],
            claims: Default::default(),
            challenges: Default::default(),
            rms: RmsAdmin::default(),
            converted: None,
            deletion_at: None,
        };
        self.tenants.insert(id.clone(), tenant);
        self.domains
            .insert(domain.to_string(), DomainRecord { tenant: id.clone(), status: DomainStatus::EmailVerified });
        let region = region_of(country);
        self.log(EventKind::TenantCreated {
            domain: domain.to_string(),
            tenant: domain.to_string(),
            initial_domain,
            region,
        });
        id
    }

    /// Technical overview step 2 (and 3): grant the ADHOC subscription if the
    /// tenant lacks it, create its default templates, assign one unit.
    fn grant_and_license(&mut self, tenant: &str, email: &Email, rng: &mut dyn RandomSource) {
        let clock = self.clock;
        let t = self.tenants.get_mut(tenant).expect("tenant exists");
        let sku = Sku::RightsManagementAdhoc;
        let account_sku_id = format!("{}:{}", t.account_name(), sku.part_number());
        let mut new_events = Vec::new();
        if t.subscription(sku).is_none() {
            t.subscriptions.push(Subscription {
                sku,
                active_units: ADHOC_ACTIVE_UNITS,
                warning_units: 0,
                added: clock,
            });
            new_events.push(EventKind::SubscriptionGranted {
                tenant: t.display_name.clone(),
                account_sku_id: account_sku_id.clone(),
                active_units: ADHOC_ACTIVE_UNITS,
            });
            if t.keys.is_empty() {
                let key = TenantKey::generate(&t.display_name, clock, rng);
                t.keys.push(key);
            }
            if t.templates.is_empty() {
                t.templates = default_templates(&t.display_name, [rng.guid(), rng.guid()]);
                new_events.push(EventKind::DefaultTemplatesCreated {
                    tenant: t.display_name.clone(),
                    names: t.templates.iter().map(|x| x.name.clone()).collect(),
                });
            }
        }
        let had_templates = t.templates_available();
        if let Some(u) = t.users.get_mut(email) {
            if !u.licenses.contains(&sku) {
                u.licenses.push(sku);
            }
        }
        let consumed = t.consumed_units(sku);
        new_events.push(EventKind::LicenseAssigned {
            upn: email.to_string(),
            account_sku_id,
            consumed,
            active: ADHOC_ACTIVE_UNITS,
        });
        if !had_templates && t.templates_available() {
            new_events.push(EventKind::TemplatesAvailable {
                tenant: t.display_name.clone(),
                names: t.templates.iter().map(|x| x.name.clone()).collect(),
            });
        }
        for e in new_events {
            self.log(e);
        }
    }

    fn send_ready_mail(&mut self, email: &Email) {
        self.deliver(email.as_str(), MessageKind::AccountReady);
        self.log(EventKind::AccountReadyEmailSent { email: email.to_string() });
    }

    /// Puts a message in `to`'s mailbox.
    pub(crate) fn deliver(&mut self, to: &str, kind: MessageKind) {
        self.next_message_id += 1;
        let msg = Message { id: self.next_message_id, at: self.clock, read: false, kind };
        self.mailboxes
            .entry(to.to_string())
            .or_insert_with(|| Mailbox { address: to.to_string(), messages: vec![] })
            .messages
            .push(msg);
    }
}

impl Message {
    pub fn from_name(&self) -> &str {
        match &self.kind {
            MessageKind::Custom { from_name, .. } => from_name,
            _ => SENDER_NAME,
        }
    }
    pub fn from(&self) -> &str {
        match &self.kind {
            MessageKind::Custom { from, .. } => from,
            _ => SENDER,
        }
    }
    pub fn subject(&self) -> &str {
        match &self.kind {
            MessageKind::Confirmation { .. } => CONFIRMATION_SUBJECT,
            MessageKind::AccountReady => READY_SUBJECT,
            MessageKind::Custom { subject, .. } => subject,
        }
    }
    /// The body as shown to `to`, the mailbox's address.
    pub fn body(&self, to: &str) -> Vec<Block> {
        match &self.kind {
            MessageKind::Confirmation { token, expires_at } => vec![
                Block::Heading("Thank you for signing up for Microsoft Rights Management".into()),
                Block::Paragraph(format!("To finish creating your account for {to}, click the link below and enter your details.")),
                Block::Link { text: "Complete your sign-up".into(), href: format!("/portal/verify?token={token}") },
                Block::Paragraph(format!("The link works once and expires at {expires_at}.")),
                Block::Small("If you didn't ask to sign up for Microsoft Rights Management, you can ignore this message: no account will be created.".into()),
            ],
            MessageKind::AccountReady => vec![
                Block::Heading("Your account is ready".into()),
                Block::Paragraph(format!("Your account {to} for Microsoft Rights Management is ready to use. You can now read files that others protected for you, and protect your own.")),
                Block::Link { text: "Sign in and download the Rights Management sharing application".into(), href: format!("/signin?email={}", super::email::query_encode(to)) },
                Block::Link { text: "Help".into(), href: "/help/sharing-app".into() },
                Block::Small("When you're prompted to sign in to protect or read protected files, enter this email address and the password you chose.".into()),
            ],
            MessageKind::Custom { body, .. } => body.clone(),
        }
    }
}

/// Checks the account page's fields; every problem is reported at once.
pub fn validate_details(d: &AccountDetails) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut name = |field, value: &str, label: &str| {
        let v = value.trim();
        if v.is_empty() {
            errs.push(FieldError { field, message: format!("Enter your {label}.") });
        } else if v.chars().count() > NAME_MAX {
            errs.push(FieldError { field, message: format!("Your {label} can have at most {NAME_MAX} characters.") });
        } else if v.chars().any(|c| c.is_control()) {
            errs.push(FieldError {
                field,
                message: format!("Your {label} contains control characters; type it again."),
            });
        }
    };
    name(Field::FirstName, &d.first_name, "first name");
    name(Field::LastName, &d.last_name, "last name");
    if d.password.is_empty() {
        errs.push(FieldError { field: Field::Password, message: "Enter a password.".into() });
    } else {
        errs.extend(
            check_policy(&d.password)
                .into_iter()
                .map(|p: PasswordProblem| FieldError { field: Field::Password, message: p.to_string() }),
        );
    }
    if d.confirm_password.is_empty() && !d.password.is_empty() {
        errs.push(FieldError {
            field: Field::ConfirmPassword,
            message: "Enter the password again to confirm it.".into(),
        });
    } else if d.confirm_password != d.password {
        errs.push(FieldError {
            field: Field::ConfirmPassword,
            message: "The passwords don't match. Type the same password in both boxes.".into(),
        });
    }
    if d.country.trim().is_empty() {
        errs.push(FieldError {
            field: Field::Country,
            message: "Select your country, or the nearest country to yours if it isn't listed.".into(),
        });
    } else if super::countries::name_of(d.country.trim()).is_none() {
        errs.push(FieldError { field: Field::Country, message: "Select a country from the list.".into() });
    }
    errs
}
