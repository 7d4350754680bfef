//! What each step of a lesson asks for, and its check: a pure function of
//! the world and of the events logged since the lesson began. A check reads
//! what happened (the events) or, for "who is signed in" and "which mail was
//! read", the state those leave; never which button was pressed, so a step
//! is ticked however it was done.
//!
//! `who` is the step's person (`Step::who`): the one whose device it is.

use crate::sim::World;
use crate::sim::console::ConsoleService;
use crate::sim::events::{Event, EventKind};
use crate::sim::mail::{Message, MessageKind};
use crate::sim::sharing::AccessOutcome;
use crate::sim::sharing::naming::NATIVE;

/// What a step asks for. Addresses are the other people it involves; the
/// step's own person is `who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// "Get started" sent `who` the confirmation email.
    SignupStarted,
    /// `who` opened that email in the inbox.
    ConfirmationRead,
    /// `who` opened the link in it.
    LinkOpened,
    /// "Create": `who`'s account exists.
    AccountCreated,
    /// `who` opened the second email, "your account is ready".
    ReadyMailRead,
    /// `who` is signed in (on any device).
    SignedIn,
    /// Any new account at `who`'s domain (a sign-up went through).
    SignedUp,
    /// A sign-up created a new tenant for `who`'s domain.
    TenantCreated,
    /// A sign-up added an account to the existing directory of `who`'s
    /// domain, and it is at least the `n`th RMS for individuals sign-up there.
    Joined { n: u32 },
    /// `who` chose "Yes, I want to be the admin" for their domain.
    AdminStarted,
    /// The TXT record of that challenge was added to the DNS.
    TxtPublished,
    /// Internal takeover of `who`'s domain ("Okay, I've added the record").
    TookOver,
    /// The tenant of `who`'s domain set AllowEmailVerifiedUsers or
    /// AllowAdHocSubscriptions to false.
    SignupsPrevented,
    /// Directory synchronization was turned on for `who`'s tenant.
    DirSyncOn,
    /// An account of `who`'s domain other than `who` was deleted or blocked
    /// (`target` is the one "Show me" deletes).
    AccountRemoved { target: &'static str },
    /// `who` installed the sharing application.
    AppInstalled,
    /// `who` shared a protected file with someone outside their organization
    /// (`to` is who "Show me" shares it with).
    SharedOutside { to: &'static str },
    /// `who` connected the console (`Connect-MsolService`).
    ConsoleConnected,
    /// `who` protected a file that became a .ppdf or a .pfile.
    ExtensionSeen { to: &'static str },
    /// The tenant of `who`'s domain was converted to a paid subscription.
    Converted,
    /// `who` opened a file that `issuer` protected, after `issuer`'s
    /// organization converted to paid.
    OpenedAfterConversion { issuer: &'static str },
    /// `who` shared a protected file with `reader`, asking to be emailed
    /// when someone opens it and for instant revoke.
    Shared { reader: &'static str },
    /// `who` opened a file that `issuer` protected since the lesson began.
    Opened { issuer: &'static str },
    /// `who` read the email that says `reader` opened one of `who`'s files.
    NoticeRead { reader: &'static str },
    /// `who` revoked access to one of their files.
    Revoked,
    /// `who` was refused a file of `owner`'s after `owner` revoked access.
    RefusedAfterRevoke { owner: &'static str },
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The domain of an address (what follows the last `@`).
pub fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map(|(_, d)| d).unwrap_or(address)
}

fn at_domain(address: &str, domain: &str) -> bool {
    same(domain_of(address), domain)
}

/// The name events give the tenant that holds `domain` now.
pub(crate) fn tenant_name(w: &World, domain: &str) -> Option<String> {
    w.tenant_of_domain(domain).map(|t| t.display_name.clone())
}

/// The newest message of `address` that matches `f`.
pub(crate) fn newest<'a>(w: &'a World, address: &str, f: impl Fn(&MessageKind) -> bool) -> Option<&'a Message> {
    w.mailbox(address).and_then(|m| m.messages.iter().rev().find(|x| f(&x.kind)))
}

/// The TXT value Azure AD asked for to prove `domain`, if it asked.
pub(crate) fn challenge_txt(w: &World, domain: &str) -> Option<String> {
    w.tenant_of_domain(domain).and_then(|t| t.challenges.get(domain).cloned())
}

/// Names of the files `issuer` protected since the lesson began.
pub(crate) fn protected_by(events: &[Event], issuer: &str) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FileProtected { issuer: i, file, .. } if same(i, issuer) => Some(file.clone()),
            _ => None,
        })
        .collect()
}

/// Whether the name is one the sharing application gives a protected file
/// ("The .pfile and .ppdf file name extensions are the most obvious examples").
fn obvious_extension(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".pfile") || lower.ends_with(".ppdf")
}

/// Whether a file name has an extension protection gives (.ptxt, .pjpg, …, .pfile).
pub fn protected_extension(file: &str) -> bool {
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    ext == "pfile" || NATIVE.iter().any(|(_, p, _)| *p == ext)
}

/// The position (in `events`) of the first event after which `f` holds.
fn first(events: &[Event], f: impl Fn(&EventKind) -> bool) -> Option<usize> {
    events.iter().position(|e| f(&e.kind))
}

impl Goal {
    /// Whether the goal is met: `events` are those since the lesson began.
    pub fn check(&self, who: &str, w: &World, since: u64) -> bool {
        let events = w.log.since(since);
        let any = |f: &dyn Fn(&EventKind) -> bool| events.iter().any(|e| f(&e.kind));
        let domain = domain_of(who);
        let tenant = || tenant_name(w, domain);
        match *self {
            Goal::SignupStarted => any(&|k| matches!(k, EventKind::ConfirmationEmailSent { email, .. } if same(email, who))),
            Goal::ConfirmationRead => {
                Goal::SignupStarted.check(who, w, since)
                    && newest(w, who, |k| matches!(k, MessageKind::Confirmation { .. })).is_some_and(|m| m.read)
            }
            Goal::LinkOpened => any(&|k| matches!(k, EventKind::ConfirmationLinkOpened { email, .. } if same(email, who))),
            Goal::AccountCreated => any(&|k| matches!(k, EventKind::UserCreated { upn, .. } if same(upn, who))),
            Goal::ReadyMailRead => {
                any(&|k| matches!(k, EventKind::AccountReadyEmailSent { email } if same(email, who)))
                    && newest(w, who, |k| matches!(k, MessageKind::AccountReady)).is_some_and(|m| m.read)
            }
            Goal::SignedIn => w.devices.sessions.values().any(|s| same(s.upn.as_str(), who)),
            Goal::SignedUp => any(&|k| matches!(k, EventKind::UserCreated { upn, .. } if at_domain(upn, domain))),
            Goal::TenantCreated => any(&|k| matches!(k, EventKind::TenantCreated { domain: d, .. } if same(d, domain))),
            Goal::Joined { n } => any(&|k| {
                matches!(k, EventKind::UserCreated { upn, ordinal, new_tenant: false, .. }
                    if at_domain(upn, domain) && *ordinal >= n)
            }),
            Goal::AdminStarted => any(&|k| matches!(k, EventKind::BecomeAdminStarted { domain: d, .. } if same(d, domain))),
            Goal::TxtPublished => challenge_txt(w, domain).is_some_and(|txt| {
                any(&|k| {
                    matches!(k, EventKind::DnsRecordAdded { domain: d, kind: crate::sim::RecordType::Txt, value, .. }
                        if same(d, domain) && value.trim() == txt)
                })
            }),
            Goal::TookOver => any(&|k| matches!(k, EventKind::InternalTakeover { domain: d, .. } if same(d, domain))),
            Goal::SignupsPrevented => tenant().is_some_and(|t| {
                any(&|k| {
                    matches!(k, EventKind::CompanySettingsChanged { tenant: n, allow_ad_hoc, allow_email_verified, .. }
                        if *n == t && !(*allow_ad_hoc && *allow_email_verified))
                })
            }),
            Goal::DirSyncOn => {
                tenant().is_some_and(|t| any(&|k| matches!(k, EventKind::DirSyncChanged { tenant: n, on: true } if *n == t)))
            }
            Goal::AccountRemoved { .. } => any(&|k| match k {
                EventKind::UserDeleted { upn, .. } | EventKind::UserBlocked { upn, blocked: true } => {
                    at_domain(upn, domain) && !same(upn, who)
                }
                _ => false,
            }),
            Goal::AppInstalled => any(&|k| matches!(k, EventKind::SharingAppInstalled { upn, .. } if same(upn, who))),
            Goal::SharedOutside { .. } => any(&|k| {
                matches!(k, EventKind::FileProtected { issuer, shared_with, .. }
                    if same(issuer, who) && shared_with.iter().any(|r| !at_domain(r, domain)))
            }),
            Goal::ConsoleConnected => any(&|k| {
                matches!(k, EventKind::ConsoleConnected { upn, service: ConsoleService::MsOnline } if same(upn, who))
            }),
            Goal::ExtensionSeen { .. } => {
                any(&|k| matches!(k, EventKind::FileProtected { issuer, file, .. } if same(issuer, who) && obvious_extension(file)))
            }
            Goal::Converted => {
                tenant().is_some_and(|t| any(&|k| matches!(k, EventKind::ConvertedToPaid { tenant: n, .. } if *n == t)))
            }
            Goal::OpenedAfterConversion { issuer } => {
                let Some(t) = tenant_name(w, domain_of(issuer)) else { return false };
                let Some(at) = first(events, |k| matches!(k, EventKind::ConvertedToPaid { tenant: n, .. } if *n == t))
                else {
                    return false;
                };
                let theirs: Vec<String> = w
                    .sharing
                    .documents
                    .values()
                    .filter(|d| same(d.issuer.as_str(), issuer))
                    .map(|d| d.name.clone())
                    .collect();
                events[at..].iter().any(|e| {
                    matches!(&e.kind, EventKind::FileOpened { reader: Some(r), file, outcome }
                        if same(r, who) && outcome.granted() && theirs.contains(file))
                })
            }
            Goal::Shared { reader } => events.iter().any(|e| match &e.kind {
                EventKind::FileProtected { issuer, file, shared_with } if same(issuer, who) => {
                    shared_with.iter().any(|r| same(r, reader))
                        && w.sharing.documents.values().any(|d| {
                            same(d.issuer.as_str(), who) && d.name == *file && d.notify && d.instant_revoke
                        })
                }
                _ => false,
            }),
            Goal::Opened { issuer } => {
                let files = protected_by(events, issuer);
                any(&|k| {
                    matches!(k, EventKind::FileOpened { reader: Some(r), file, outcome }
                        if same(r, who) && outcome.granted() && files.contains(file))
                })
            }
            Goal::NoticeRead { reader } => {
                let files = protected_by(events, who);
                w.mailbox(who).is_some_and(|m| {
                    m.messages.iter().any(|x| {
                        x.read
                            && matches!(&x.kind, MessageKind::AccessNotice { who: Some(r), file, outcome, .. }
                                if same(r, reader) && outcome.granted() && files.contains(file))
                    })
                })
            }
            Goal::Revoked => any(&|k| matches!(k, EventKind::AccessRevoked { owner, .. } if same(owner, who))),
            Goal::RefusedAfterRevoke { owner } => events.iter().enumerate().any(|(i, e)| match &e.kind {
                EventKind::AccessRevoked { owner: o, file: revoked, .. } if same(o, owner) => {
                    events[i..].iter().any(|e| {
                        matches!(&e.kind, EventKind::FileOpened { reader: Some(r), file, outcome: AccessOutcome::Refused(_) }
                            if same(r, who) && file == revoked)
                    })
                }
                _ => false,
            }),
        }
    }
}
