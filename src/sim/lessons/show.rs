//! "Show me": the plain commands of `sim::command` that do a step, the same
//! ones the pages run. Each is chosen from the world as it is at that moment
//! (a link's token, a TXT value, a file's bytes exist only once an earlier
//! command made them), so "Show me" asks [`ShowMe::next`] for one command at
//! a time and runs it, until the step is done.
//!
//! A command that needs the person signed in is preceded by a sign-in on
//! the person's own device (their address), as they would do there.

use super::catalog::{Step, details_of, password_of};
use super::goals::{Goal, challenge_txt, domain_of, newest, protected_by};
use crate::sim::admin::SettingsVia;
use crate::sim::admin::dns::RecordType;
use crate::sim::basics::email::Email;
use crate::sim::command::*;
use crate::sim::mail::MessageKind;
use crate::sim::sharing::usage_log::Client;
use crate::sim::sharing::{Delivery, Permission, PolicyChoice, ProtectRequest};
use crate::sim::{AnyCommand, World};

/// At most this many commands for one step (a full sign-up is three, a
/// takeover four, each perhaps after a sign-in).
pub const MAX_COMMANDS: usize = 10;

/// The sharing application's sample files (`public/samples/`), the same
/// bytes as picking them on `/sharing`.
pub const SAMPLE_TXT: (&str, &[u8]) = ("Sample.txt", include_bytes!("../../../public/samples/Sample.txt"));
pub const PRICING_PDF: (&str, &[u8]) = ("Pricing.pdf", include_bytes!("../../../public/samples/Pricing.pdf"));

/// One "Show me" of one step: the commands it ran so far.
#[derive(Debug, Default)]
pub struct ShowMe {
    ran: Vec<String>,
}

impl ShowMe {
    pub fn new() -> ShowMe {
        ShowMe::default()
    }

    /// The next command to run for `step`, `Ok(None)` once it is done, or
    /// why "Show me" can't go on (the same command again means the last one
    /// was refused: its refusal is behind the scenes).
    pub fn next(&mut self, step: &Step, world: &World, since: u64) -> Result<Option<AnyCommand>, String> {
        if step.done(world, since) {
            return Ok(None);
        }
        if self.ran.len() >= MAX_COMMANDS {
            return Err(format!("Show me stopped after {MAX_COMMANDS} actions without finishing this step."));
        }
        let command = plan(step.goal, step.who, world, since)?;
        let key = format!("{command:?}");
        if self.ran.last() == Some(&key) {
            return Err(format!("Show me stopped: {}", last_words(world)));
        }
        self.ran.push(key);
        Ok(Some(command))
    }

    /// How many commands it ran.
    pub fn count(&self) -> usize {
        self.ran.len()
    }
}

/// The title of the newest event: what the last command did (or why not).
fn last_words(world: &World) -> String {
    world.log.events.last().map(|e| e.kind.explain().title).unwrap_or_else(|| "nothing happened.".into())
}

fn email(address: &str) -> Result<Email, String> {
    Email::parse(address).map_err(|e| format!("{address}: {e}"))
}

/// Signs `who` in on their own device first, then runs `then` as them.
fn as_person(w: &World, who: &str, then: impl FnOnce(Email) -> AnyCommand) -> Result<AnyCommand, String> {
    let me = email(who)?;
    if w.signed_in_upn(me.as_str()) == Some(&me) {
        return Ok(then(me));
    }
    if w.user(&me).is_none() {
        return Err(format!("{who} has no account yet: do the steps before this one first (or “Show me” them)."));
    }
    Ok(sign_in(who))
}

fn sign_in(who: &str) -> AnyCommand {
    let device = who.to_ascii_lowercase();
    SignIn { device, email: who.into(), password: password_of(who).into() }.into()
}

/// The whole sign-up of `who`, one command at a time.
fn sign_up(w: &World, who: &str) -> Result<AnyCommand, String> {
    let me = email(who)?;
    if w.user(&me).is_some_and(|u| u.licenses.contains(&crate::sim::Sku::RightsManagementAdhoc)) {
        return Err(format!(
            "{who} already signed up before this lesson began: load the lesson's scenario to start again."
        ));
    }
    match w.signups.pending.get(&me) {
        None => Ok(StartSignup { device: who.to_ascii_lowercase(), input: who.into() }.into()),
        Some(token) if w.confirmation_unopened(token) => Ok(OpenConfirmation { token: token.clone() }.into()),
        Some(token) => Ok(CompleteSignup { token: token.clone(), details: details_of(who) }.into()),
    }
}

/// Marks the newest message of `who` that matches `f` as read.
fn read(w: &World, who: &str, f: impl Fn(&MessageKind) -> bool, missing: &str) -> Result<AnyCommand, String> {
    match newest(w, who, f) {
        Some(m) => Ok(MarkRead { address: who.to_ascii_lowercase(), id: m.id }.into()),
        None => Err(missing.to_string()),
    }
}

fn share(actor: Email, (name, bytes): (&str, &[u8]), to: &str, tracked: bool) -> AnyCommand {
    let request = ProtectRequest {
        file_name: name.into(),
        data: bytes.to_vec(),
        users: to.into(),
        policy: PolicyChoice::Custom(Permission::Viewer),
        expires_on: String::new(),
        notify: tracked,
        instant_revoke: tracked,
    };
    Protect { actor, request, delivery: Delivery::Share }.into()
}

/// `who` opens the newest file `issuer` shared with them, from the inbox
/// (the newest of those named `prefer`, if any is).
fn open_from(w: &World, who: &str, issuer: &str, prefer: &[String]) -> Result<AnyCommand, String> {
    let from_issuer =
        |k: &MessageKind| matches!(k, MessageKind::SharedFile { from, .. } if from.eq_ignore_ascii_case(issuer));
    let preferred = |k: &MessageKind| {
        from_issuer(k)
            && matches!(k, MessageKind::SharedFile { names, .. } if names.first().is_some_and(|n| prefer.contains(n)))
    };
    let message = newest(w, who, preferred).or_else(|| newest(w, who, from_issuer)).ok_or_else(|| {
        format!("{who} has no file from {issuer} in the inbox yet: do the steps before this one first.")
    })?;
    let id = message.attachments().first().cloned().ok_or("The message has no attachment.")?;
    let (file_name, bytes) = w.mail.attachment(&id).ok_or("The attachment is no longer stored.")?;
    as_person(w, who, |me| {
        OpenProtected { client: Client::WindowsSharingApp, reader: Some(me), file_name, bytes }.into()
    })
}

/// The next command towards `goal`, for `who`.
fn plan(goal: Goal, who: &str, w: &World, since: u64) -> Result<AnyCommand, String> {
    let domain = domain_of(who).to_string();
    match goal {
        Goal::SignupStarted => Ok(StartSignup { device: who.to_ascii_lowercase(), input: who.into() }.into()),
        Goal::ConfirmationRead => {
            if !Goal::SignupStarted.check(who, w, since) {
                return plan(Goal::SignupStarted, who, w, since);
            }
            read(w, who, |k| matches!(k, MessageKind::Confirmation { .. }), "The confirmation email isn't there.")
        }
        Goal::LinkOpened => match email(who).ok().and_then(|e| w.signups.pending.get(&e).cloned()) {
            Some(token) => Ok(OpenConfirmation { token }.into()),
            None => plan(Goal::SignupStarted, who, w, since),
        },
        Goal::AccountCreated | Goal::SignedUp | Goal::TenantCreated | Goal::Joined { .. } => sign_up(w, who),
        Goal::ReadyMailRead => {
            if !Goal::AccountCreated.check(who, w, since) {
                return sign_up(w, who);
            }
            read(
                w,
                who,
                |k| matches!(k, MessageKind::AccountReady),
                "There is no “account is ready” email: the sign-up followed the October 2016 flow, which sends none. Choose the seed's era on the start page and start the lesson again.",
            )
        }
        Goal::SignedIn => {
            if w.user(&email(who)?).is_none() {
                return Err(format!("{who} has no account yet: do the steps before this one first."));
            }
            Ok(sign_in(who))
        }
        Goal::AdminStarted => as_person(w, who, |actor| BecomeAdminStart { actor }.into()),
        Goal::TxtPublished => match challenge_txt(w, &domain) {
            None => plan(Goal::AdminStarted, who, w, since),
            Some(value) => Ok(AddDnsRecord { domain, kind: RecordType::Txt, value }.into()),
        },
        Goal::TookOver => {
            let Some(txt) = challenge_txt(w, &domain) else { return plan(Goal::AdminStarted, who, w, since) };
            let records: Vec<_> = w
                .dns
                .records
                .iter()
                .filter(|r| {
                    r.domain.eq_ignore_ascii_case(&domain) && r.kind == RecordType::Txt && r.value.trim() == txt
                })
                .collect();
            if records.is_empty() {
                Ok(AddDnsRecord { domain, kind: RecordType::Txt, value: txt }.into())
            } else if records.iter().all(|r| r.visible_at > w.clock) {
                Ok(SkipToDnsVisibility {}.into())
            } else {
                as_person(w, who, |actor| BecomeAdminConfirm { actor }.into())
            }
        }
        Goal::SignupsPrevented => as_person(w, who, |actor| {
            SetCompanySettings { actor, ad_hoc: Some(true), email_verified: Some(false), via: SettingsVia::AdminCenter }
                .into()
        }),
        Goal::DirSyncOn => as_person(w, who, |actor| SetDirSync { actor, on: true }.into()),
        Goal::AccountRemoved { target } => as_person(w, who, |actor| RemoveUser { actor, upn: target.into() }.into()),
        Goal::AppInstalled => as_person(w, who, |actor| InstallSharingApp { actor }.into()),
        Goal::SharedOutside { to } => as_person(w, who, |actor| share(actor, SAMPLE_TXT, to, false)),
        Goal::ExtensionSeen { to } => as_person(w, who, |actor| share(actor, PRICING_PDF, to, false)),
        Goal::ConsoleConnected => Ok(ConsoleSignIn {
            cmdlet: "Connect-MsolService".into(),
            email: who.into(),
            password: password_of(who).into(),
        }
        .into()),
        Goal::Converted => as_person(w, who, |actor| ConvertToPaid { actor }.into()),
        Goal::OpenedAfterConversion { issuer } => {
            let converted = w.tenant_of_domain(domain_of(issuer)).is_some_and(|t| t.converted.is_some());
            if !converted {
                return Err(format!(
                    "{}'s subscription isn't converted yet: do the step before this one first.",
                    domain_of(issuer)
                ));
            }
            open_from(w, who, issuer, &[])
        }
        Goal::Shared { reader } => as_person(w, who, |actor| share(actor, SAMPLE_TXT, reader, true)),
        Goal::Opened { issuer } => open_from(w, who, issuer, &[]),
        Goal::NoticeRead { reader } => {
            let files = protected_by(w.log.since(since), who);
            read(
                w,
                who,
                |k| {
                    matches!(k, MessageKind::AccessNotice { who: Some(r), file, outcome, .. }
                    if r.eq_ignore_ascii_case(reader) && outcome.granted() && files.contains(file))
                },
                &format!(
                    "No email says that {reader} opened one of {who}'s files yet: do the steps before this one first."
                ),
            )
        }
        Goal::Revoked => {
            let files = protected_by(w.log.since(since), who);
            let doc = w
                .sharing
                .documents
                .values()
                .filter(|d| {
                    d.issuer.as_str().eq_ignore_ascii_case(who) && d.revoked_at.is_none() && files.contains(&d.name)
                })
                // The one shared for instant revoke, if there are several.
                .max_by_key(|d| (d.instant_revoke, d.protected_at))
                .ok_or_else(|| format!("{who} has no file to revoke yet: do the steps before this one first."))?;
            let content_id = doc.content_id.clone();
            as_person(w, who, |owner| Revoke { owner, content_id }.into())
        }
        Goal::RefusedAfterRevoke { owner } => {
            if !Goal::Revoked.check(owner, w, since) {
                return Err(format!("{owner} hasn't revoked the file yet: do the step before this one first."));
            }
            let revoked: Vec<String> = w
                .log
                .since(since)
                .iter()
                .filter_map(|e| match &e.kind {
                    crate::sim::EventKind::AccessRevoked { owner: o, file, .. } if o.eq_ignore_ascii_case(owner) => {
                        Some(file.clone())
                    }
                    _ => None,
                })
                .collect();
            open_from(w, who, owner, &revoked)
        }
    }
}
