//! The RMS for individuals sign-up, as an explicit state machine.
//!
//! `start_signup` ("Get started") decides the branch and, where sign-up can go
//! on, sends the confirmation email with a single-use link. `confirmation`
//! reads a link without changing anything. `complete_signup` ("Create")
//! re-checks the branch (the world may have changed since the email was sent:
//! a colleague's sign-up may have created the tenant meanwhile), then runs the
//! technical overview: tenant, account, subscription, license, templates.

pub mod crowd;
pub mod details;
pub mod era;
pub mod flow;
pub mod lists;

pub use details::{AccountDetails, Field, FieldError, FieldProblem, NAME_MAX, validate_details};
pub use era::Era;
pub use lists::{DomainList, DomainListError, DomainLists};

use crate::sim::basics::email::{DEFAULT_BLOCKED_DOMAINS, Email, EmailError, PersonalKind};
use crate::sim::basics::time::{SimDuration, SimTime};
use crate::sim::basics::wording::{UNPUBLISHED_ERROR, Wording};
use crate::sim::directory::TenantId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The sign-up part of the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signups {
    /// Sign-up flows by their link token.
    pub flows: BTreeMap<String, SignupFlow>,
    /// The token of the pending flow of each address, if any. Derived from
    /// `flows` on load (see `after_load`), so it is not stored.
    #[serde(skip)]
    pub pending: BTreeMap<Email, String>,
    /// The personal-address and blocked-domain checks "Get started" runs.
    pub lists: DomainLists,
    /// The era of the flow new sign-ups follow (the trainer's choice).
    #[serde(default, skip_serializing_if = "era::is_seed")]
    pub era: Era,
}

impl Default for Signups {
    fn default() -> Self {
        Signups {
            flows: BTreeMap::new(),
            pending: BTreeMap::new(),
            lists: DomainLists {
                personal_check: true,
                blocked_check: true,
                blocked: DEFAULT_BLOCKED_DOMAINS.iter().map(|d| d.to_string()).collect(),
            },
            era: Era::default(),
        }
    }
}

impl Signups {
    /// Restores each flow's token and the index of pending sign-ups.
    pub fn after_load(&mut self) {
        self.pending.clear();
        for (token, f) in self.flows.iter_mut() {
            f.token = token.clone();
            // At most one flow per address awaits confirmation: asking again
            // retires the previous one.
            if f.state == FlowState::AwaitingConfirmation {
                self.pending.insert(f.email.clone(), token.clone());
            }
        }
    }
}

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
                "That looks like a personal email address. Enter your work address so we can connect you with others in your company. And don't worry. We won't share your address with anyone. (Simulator's note: {})",
                match kind {
                    PersonalKind::ConsumerEmail =>
                        "Addresses from consumer email services, such as a Microsoft account, aren't supported for RMS for individuals.",
                    PersonalKind::InternetProvider =>
                        "Addresses from an Internet or telecommunications provider that you use at home aren't supported for RMS for individuals.",
                    PersonalKind::Disposable =>
                        "Addresses from disposable email services, which give out temporary addresses, aren't supported for RMS for individuals.",
                }
            ),
            SignupRefusal::BlockedDomain { domain, entry } => write!(
                f,
                "The domain {domain} can't be used to create a directory, so it can't be used for RMS for individuals{}. Use the email address your organization gave you.",
                if domain == entry { String::new() } else { format!(" ({entry} is on the blocked domains list)") }
            ),
            SignupRefusal::NotFoundInPaidOrganization { domain } => write!(
                f,
                "We can't find you at {domain}. Do you use a different ID at work or school? Try signing in with that, and if it doesn't work, contact your IT department. (Simulator's note: your organization already has a paid subscription that includes Azure RMS, so the RMS for individuals sign-up was canceled.)"
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

impl SignupRefusal {
    /// Where the refusal's words come from: the shared Microsoft sign-up
    /// platform's messages (facts §1c) where one is documented, otherwise
    /// the simulator's.
    pub fn wording(&self) -> Wording {
        const PLATFORM: &str = "the Microsoft sign-up platform's message, as the Power BI and Dynamics 365 sign-up troubleshooting pages give it";
        match self {
            SignupRefusal::PersonalEmail { .. } | SignupRefusal::NotFoundInPaidOrganization { .. } => {
                Wording::Partly { quoted: "the first sentences", source: PLATFORM }
            }
            SignupRefusal::SignupTurnedOff { .. } => Wording::Microsoft { source: PLATFORM },
            _ => Wording::Simulator { why: UNPUBLISHED_ERROR },
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
    /// `signed_in` is true when the device was already signed in to that
    /// account; otherwise the person signs in with it on the sign-in page.
    PaidSubscription { email: Email, organization: String, signed_in: bool },
}

/// What the confirmation link leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenError {
    Unknown,
    AlreadyUsed {
        at: SimTime,
    },
    Superseded {
        email: String,
    },
    Expired {
        at: SimTime,
        /// How long the link was valid.
        #[serde(default = "day")]
        valid_for: SimDuration,
    },
    Canceled,
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenError::Unknown => f.write_str("This sign-up link isn't valid. Check that you opened the whole link from the “Microsoft RMS” email, or go to the Microsoft Rights Management page and enter your email address again."),
            TokenError::AlreadyUsed { at } => write!(f, "This sign-up link was already used at {at} to create your account, and a link works only once. Sign in with your email address and password instead."),
            TokenError::Superseded { email } => write!(f, "A newer sign-up email was sent to {email} after this one, so this link no longer works. Open the newest “Microsoft RMS” email and use its link."),
            TokenError::Expired { at, valid_for } => write!(f, "This sign-up link expired at {at}: links are valid for {}. Go to the Microsoft Rights Management page and enter your email address again to get a new link.", valid_for.in_hours()),
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
    /// The era of the flow, which decides the page.
    pub era: Era,
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
                f.write_str(&errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" "))
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupFlow {
    /// 128 random bits as hex; the link carries it. Stored as the key of
    /// `Signups::flows`, restored on load.
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
    /// The era of the flow this sign-up follows (the one chosen when it began).
    #[serde(rename = "v", default, skip_serializing_if = "era::is_seed")]
    pub era: Era,
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

fn day() -> SimDuration {
    SimDuration::hours(24)
}
