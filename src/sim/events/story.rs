//! The event log as a story: each action a person took, in plain words,
//! with who took it and what the service did because of it. `/events` and
//! "What happened behind the scenes" render these; the words, the grouping
//! and the filters are made here.

use super::{Event, EventKind, EventLog};
use crate::sim::World;
use crate::sim::basics::time::SimTime;
use crate::sim::signup::{Era, SignupRefusal};
use std::collections::{BTreeMap, BTreeSet};

/// An explanation longer than this many characters waits behind "Why?".
pub const LONG_TEXT: usize = 180;

/// Who acts in a kind of command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// The person in the events (the address typed, the account signing in).
    Named,
    /// The signed-in person (the admin center, the sharing application).
    SignedIn,
    /// The trainer running the simulation, or the console's own connection.
    Nobody,
}

/// The words for each kind of command (`AnyCommand::KINDS`), as a person's
/// action, and who acts in it. `None` for a kind that has no words yet
/// (`tests/events.rs` fails until every kind has them).
fn command_words(kind: &str, era: Era) -> Option<(&'static str, Who)> {
    use Who::*;
    let october = era == Era::October2016;
    Some(match kind {
        // Not a command: `World::load` groups a scenario's events under it.
        "LoadScenario" => ("Load a scenario", Nobody),
        "AdvanceClock" => ("Advance time", Nobody),
        "SkipToDnsVisibility" => ("Skip to when the DNS record is visible", Nobody),
        "AddBlockedDomain" => ("Block a domain from sign-up", Nobody),
        "RemoveBlockedDomain" => ("Remove a domain from the blocked domains", Nobody),
        "SetDomainList" => ("Turn a sign-up check on or off", Nobody),
        "StartSignup" if october => ("Sign up on the Office 365 sign-up page", Named),
        "StartSignup" => ("Get started on the portal", Named),
        "OpenConfirmation" if october => ("Yes, that's me: opened the link in the mail", Named),
        "OpenConfirmation" => ("Opened the confirmation link", Named),
        "CompleteSignup" if october => ("Start", Named),
        "CompleteSignup" => ("Create", Named),
        "MarkRead" => ("Read a message", Named),
        "SignIn" => ("Sign in", Named),
        "SignOut" => ("Sign out", Named),
        "BecomeAdminStart" => ("Yes, I want to be the admin", SignedIn),
        "BecomeAdminConfirm" => ("Okay, I've added the record", SignedIn),
        "AddDnsRecord" => ("Add a DNS record", Nobody),
        "RemoveDnsRecord" => ("Remove a DNS record", Nobody),
        "AddDomain" => ("Add a domain", SignedIn),
        "ConfirmDomain" => ("Verify a domain", SignedIn),
        "SetCompanySettings" => ("Save the self-service sign-up settings", SignedIn),
        "SetDirSync" => ("Change directory synchronization", SignedIn),
        "SetBlockCredential" => ("Block or unblock sign-in", SignedIn),
        "RemoveUser" => ("Delete a user", SignedIn),
        "ConvertToPaid" => ("Convert to paid subscription", SignedIn),
        "SetRmsFeature" => ("Turn a Rights Management feature on or off", SignedIn),
        "SetEra" => ("Choose the era of the sign-up flow", Nobody),
        "AddSuperUser" => ("Add a super user", SignedIn),
        "RemoveSuperUser" => ("Remove a super user", SignedIn),
        "InstallSharingApp" => ("Install the sharing application", SignedIn),
        "RunConsoleLine" => ("Run a PowerShell command", Nobody),
        "ConsoleSignIn" => ("Sign in to PowerShell", Named),
        "ResumeConsole" => ("PowerShell goes on after the sign-in", Nobody),
        "Protect" => ("Protect a file", SignedIn),
        "OpenProtected" => ("Open a protected file", SignedIn),
        "RemoveProtection" => ("Remove protection", SignedIn),
        "Revoke" => ("Revoke access", SignedIn),
        _ => return None,
    })
}

/// The words of a kind of command as a person's action, in the seed's era
/// (`None` for a kind that has none).
pub fn action_words(kind: &str) -> Option<&'static str> {
    command_words(kind, Era::Seed2016).map(|(w, _)| w)
}

/// The heading of an action: its command's words, sharpened by what it did.
fn heading(command: Option<&str>, events: &[Event], era: Era) -> (String, Who) {
    let has = |f: &dyn Fn(&EventKind) -> bool| events.iter().any(|e| f(&e.kind));
    match command {
        Some("CompleteSignup")
            if has(&|k| matches!(k, EventKind::LicenseAssigned { .. }))
                && !has(&|k| matches!(k, EventKind::UserCreated { .. })) =>
        {
            ("Activate".into(), Who::Named)
        }
        Some("Protect")
            if has(&|k| matches!(k, EventKind::FileProtected { shared_with, .. } if !shared_with.is_empty())) =>
        {
            ("Share Protected".into(), Who::SignedIn)
        }
        Some("Protect") if has(&|k| matches!(k, EventKind::FileProtected { .. })) => {
            ("Protect in-place".into(), Who::SignedIn)
        }
        Some(kind) => match command_words(kind, era) {
            Some((w, who)) => (w.into(), who),
            None => (kind.into(), Who::Nobody),
        },
        None => match events.first().map(|e| &e.kind) {
            Some(EventKind::ScenarioLoaded { .. }) => ("Load a scenario".into(), Who::Nobody),
            _ => ("On its own (no action was recorded with it)".into(), Who::Named),
        },
    }
}

/// Where an event is read: on `/events`, or behind the scenes of the page
/// where the person acted, next to the page's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    EventsPage,
    BehindTheScenes,
}

/// One event of an action, ready to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub seq: u64,
    /// Its own time, only when it differs from the action's.
    pub at: Option<SimTime>,
    /// The seed's step it belongs to, named for the era it ran in.
    pub step: String,
    pub title: String,
    pub text: String,
    /// It records why the action was refused, in the alert's words.
    pub refusal: bool,
}

impl Line {
    /// Whether the text waits behind "Why?" there: a long text always; a
    /// refusal behind the scenes, where the page's alert already says it
    /// (one message per outcome).
    pub fn behind_why(&self, place: Place) -> bool {
        self.text.chars().count() > LONG_TEXT || (place == Place::BehindTheScenes && self.refusal)
    }
}

/// One action and what it caused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The action's ID (`Event::action_id`).
    pub id: u64,
    /// What the person did, in plain words.
    pub heading: String,
    /// Who did it, when known: the address typed or the signed-in person.
    pub actor: Option<String>,
    /// When (the simulated time of its first event).
    pub at: SimTime,
    /// Its events in reading order (oldest first).
    pub lines: Vec<Line>,
    /// The addresses its events name (and its actor's).
    pub people: BTreeSet<String>,
    /// The organizations its events name, by domain.
    pub organizations: BTreeSet<String>,
}

impl Story {
    /// Shown for the chosen organization and person (`None`: all).
    pub fn shown_for(&self, organization: Option<&str>, person: Option<&str>) -> bool {
        organization.is_none_or(|o| self.organizations.contains(o)) && person.is_none_or(|p| self.people.contains(p))
    }
}

/// Tenant names (display names and initial domains) to the domain that
/// names the organization, from the directory and from the log (tenants
/// deleted since are known by their `TenantCreated`).
fn tenant_domains(world: &World) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for e in &world.log.events {
        if let EventKind::TenantCreated { domain, tenant, initial_domain, .. } = &e.kind {
            map.insert(tenant.clone(), domain.clone());
            map.insert(initial_domain.clone(), domain.clone());
        }
    }
    for (id, t) in &world.directory.tenants {
        let domains = world.directory.tenant_domains(id);
        let primary = domains
            .iter()
            .map(|(d, _)| d.as_str())
            .find(|d| *d == t.display_name)
            .or_else(|| {
                map.get(&t.display_name).map(String::as_str).filter(|d| world.directory.domains.contains_key(*d))
            })
            .or_else(|| domains.first().map(|(d, _)| d.as_str()))
            .map(str::to_string);
        if let Some(p) = primary {
            map.insert(t.display_name.clone(), p.clone());
            map.insert(t.initial_domain.clone(), p);
        }
    }
    map
}

/// The era each event ran in, where it is known: the era it carries, or
/// the one in force then (read back from the newest event, each
/// `EraChanged` undoing itself; a scenario load started the seed's era).
fn eras(events: &[Event], now: Era) -> Vec<Option<Era>> {
    let other = |e: Era| if e == Era::Seed2016 { Era::October2016 } else { Era::Seed2016 };
    let mut era = Some(now);
    let mut out = vec![None; events.len()];
    for (i, e) in events.iter().enumerate().rev() {
        out[i] = match &e.kind {
            EventKind::ConfirmationEmailSent { era, .. } | EventKind::ConfirmationLinkOpened { era, .. } => Some(*era),
            _ => era,
        };
        match &e.kind {
            EventKind::EraChanged { era: to } => era = Some(other(*to)),
            EventKind::ScenarioLoaded { .. } => era = None,
            _ => {}
        }
    }
    out
}

/// Who is signed in after `e`, given who was before.
fn session_after(before: Option<String>, e: &EventKind) -> Option<String> {
    match e {
        EventKind::SignedIn { upn } => Some(upn.clone()),
        EventKind::SignedOut { .. } | EventKind::ScenarioLoaded { .. } => None,
        EventKind::UserBlocked { upn, blocked: true } | EventKind::UserDeleted { upn, .. }
            if before.as_deref() == Some(upn.as_str()) =>
        {
            None
        }
        _ => before,
    }
}

/// The actions whose events come after `since` (0: the whole log), newest
/// first, each with its events oldest first.
pub fn stories(world: &World, since: u64) -> Vec<Story> {
    let events = &world.log.events;
    let era_of = eras(events, world.signups.era);
    let tenants = tenant_domains(world);
    let start = events.partition_point(|e| e.seq <= since);
    // Who was signed in when the first story began (unknown before the log).
    let mut session: Option<String> = None;
    for e in &events[..start] {
        session = session_after(session, &e.kind);
    }
    let mut out = Vec::new();
    let mut offset = start;
    for group in EventLog::groups(&events[start..]) {
        let eras = &era_of[offset..offset + group.events.len()];
        offset += group.events.len();
        let era = eras.iter().flatten().next().copied().unwrap_or_default();
        let (heading, who) = heading(group.command, group.events, era);
        let named = group.events.iter().find_map(|e| e.kind.actor()).map(str::to_string);
        let actor = match who {
            Who::Named => named,
            Who::SignedIn => named.or_else(|| session.clone()),
            Who::Nobody => None,
        };
        let at = group.events[0].at;
        let mut people = BTreeSet::new();
        let mut organizations = BTreeSet::new();
        if let Some(a) = actor.as_deref().and_then(|a| crate::sim::basics::email::Email::parse(a).ok()) {
            organizations.insert(a.domain().to_string());
            people.insert(a.to_string());
        }
        // An address refused as personal (or no address) names no organization.
        let personal: BTreeSet<String> = group
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::SignupRefused { email, reason: SignupRefusal::PersonalEmail { .. } } => {
                    email.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase())
                }
                _ => None,
            })
            .collect();
        let mut lines = Vec::with_capacity(group.events.len());
        for (e, era) in group.events.iter().zip(eras) {
            people.extend(e.kind.people());
            organizations.extend(e.kind.domains());
            organizations.extend(e.kind.tenants().into_iter().filter_map(|t| tenants.get(t).cloned()));
            let x = e.kind.explain();
            lines.push(Line {
                seq: e.seq,
                at: (e.at != at).then_some(e.at),
                step: era.map(|era| x.step.label_in(era)).unwrap_or_else(|| x.step.label()),
                title: x.title,
                text: x.text,
                refusal: e.kind.refusal().is_some(),
            });
            session = session_after(session, &e.kind);
        }
        organizations.retain(|d| !personal.contains(d));
        out.push(Story { id: group.events[0].action_id(), heading, actor, at, lines, people, organizations });
    }
    out.reverse();
    out
}

/// The filters' choices: every organization (by domain) and every person
/// the stories mention, sorted.
pub fn filter_choices(stories: &[Story]) -> (Vec<String>, Vec<String>) {
    let orgs: BTreeSet<&String> = stories.iter().flat_map(|s| &s.organizations).collect();
    let people: BTreeSet<&String> = stories.iter().flat_map(|s| &s.people).collect();
    (orgs.into_iter().cloned().collect(), people.into_iter().cloned().collect())
}

/// "3 of 12 actions shown" and the like.
pub fn shown_count(shown: usize, of: usize) -> String {
    let noun = |n: usize| if n == 1 { "action" } else { "actions" };
    if shown == of { format!("{of} {} shown", noun(of)) } else { format!("{shown} of {of} {} shown", noun(of)) }
}
