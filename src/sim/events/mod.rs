//! The event log: what happened, newest last, each event a structured
//! record. The words a person reads are made in one place, `explain`.

pub mod explain;
pub mod mentions;
pub mod story;

pub use explain::{Explanation, Step};
pub use story::{Line, Place, Story};

use crate::sim::World;
use crate::sim::admin::dns::RecordType;
use crate::sim::admin::{AdminError, RmsFeature, SettingsVia};
use crate::sim::basics::catalog::Sku;
use crate::sim::basics::time::{SimDuration, SimTime};
use crate::sim::console::ConsoleService;
use crate::sim::directory::Region;
use crate::sim::sharing::AccessOutcome;
use crate::sim::signin::SignInError;
use crate::sim::signup::Era;
use crate::sim::signup::{DomainList, FieldError, SignupRefusal, TokenError};
use serde::{Deserialize, Serialize};

fn day() -> SimDuration {
    SimDuration::hours(24)
}

/// The event log keeps this many of the newest events. A training session
/// produces a few hundred; the cap keeps a 10,000-user world within the
/// browser's storage quota.
pub const MAX_EVENTS: usize = 1_000;

/// The event log part of the world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLog {
    /// The newest events (at most `MAX_EVENTS`), oldest first.
    pub events: Vec<Event>,
    /// How many older events were dropped to keep the stored state small.
    #[serde(default)]
    pub trimmed: u64,
    /// The command running now, while it runs (never stored).
    #[serde(skip)]
    open: Option<OpenAction>,
}

/// A command that is running: its name, and its first event once it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OpenAction {
    command: &'static str,
    first: Option<u64>,
}

/// The events one action caused, in the order they happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionGroup<'a> {
    /// The command that caused them (`AnyCommand::kind`), when known.
    pub command: Option<&'a str>,
    pub events: &'a [Event],
}

impl EventLog {
    /// The sequence number of the newest event (0 before the first).
    pub fn last_seq(&self) -> u64 {
        self.events.last().map(|e| e.seq).unwrap_or(self.trimmed)
    }
    /// The events after `seq`, oldest first.
    pub fn since(&self, seq: u64) -> &[Event] {
        let start = self.events.partition_point(|e| e.seq <= seq);
        &self.events[start..]
    }

    /// Marks the start of a command: the events it logs share one action.
    /// (`sim::command` calls this around every command's run.)
    pub fn begin_action(&mut self, command: &'static str) {
        self.open = Some(OpenAction { command, first: None });
    }

    /// Marks the end of the command begun last.
    pub fn end_action(&mut self) {
        self.open = None;
    }

    /// `events` cut into the actions that caused them, oldest first; an
    /// event logged outside any command (or stored before events knew their
    /// action) is an action of its own.
    pub fn groups(events: &[Event]) -> Vec<ActionGroup<'_>> {
        let mut out: Vec<ActionGroup<'_>> = Vec::new();
        let mut start = 0;
        for i in 1..=events.len() {
            if i == events.len() || events[i].action_id() != events[start].action_id() {
                let slice = &events[start..i];
                out.push(ActionGroup { command: slice[0].command.as_deref(), events: slice });
                start = i;
            }
        }
        out
    }

    /// The events of the newest action, oldest first (empty before any).
    pub fn last_action(&self) -> &[Event] {
        let Some(last) = self.events.last() else { return &[] };
        let id = last.action_id();
        let start = self.events.iter().rposition(|e| e.action_id() != id).map(|i| i + 1).unwrap_or(0);
        &self.events[start..]
    }
}

impl World {
    /// Appends to the event log, stamped with the simulated time.
    pub fn log(&mut self, kind: EventKind) {
        let seq = self.log.events.last().map(|e| e.seq + 1).unwrap_or(self.log.trimmed + 1);
        let (action, command) = match &mut self.log.open {
            None => (0, None),
            Some(open) => match open.first {
                Some(first) => (first, None),
                None => {
                    open.first = Some(seq);
                    (seq, Some(open.command.to_string()))
                }
            },
        };
        self.log.events.push(Event { seq, at: self.clock, kind, action, command });
        if self.log.events.len() > MAX_EVENTS {
            // Drop a tenth at once so trimming stays cheap.
            let drop = self.log.events.len() - MAX_EVENTS + MAX_EVENTS / 10;
            self.log.events.drain(..drop);
            self.log.trimmed += drop as u64;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    pub at: SimTime,
    pub kind: EventKind,
    /// The action that caused it: the `seq` of that action's first event;
    /// 0 for an event logged outside any command, or stored before events
    /// knew their action (schema 5 and older), each then an action alone.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub action: u64,
    /// On an action's first event: the command it was (`AnyCommand::kind`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Event {
    /// The action this event belongs to (its own `seq` when it stands alone).
    pub fn action_id(&self) -> u64 {
        if self.action == 0 { self.seq } else { self.action }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    ScenarioLoaded {
        name: String,
    },
    ClockAdvanced {
        by: SimDuration,
        to: SimTime,
    },
    SignupRequested {
        email: String,
    },
    SignupRefused {
        email: String,
        reason: SignupRefusal,
    },
    PaidSubscriptionFound {
        email: String,
        organization: String,
        sku: Sku,
    },
    ConfirmationEmailSent {
        email: String,
        expires_at: SimTime,
        replaced_previous: bool,
        /// How long the link is valid (`Config::link_validity` when it was sent).
        #[serde(default = "day")]
        valid_for: SimDuration,
        /// The era of the flow (the sender and subject follow it).
        #[serde(default)]
        era: Era,
    },
    ConfirmationLinkOpened {
        email: String,
        existing_account: bool,
        #[serde(default)]
        era: Era,
    },
    ConfirmationLinkRejected {
        email: String,
        reason: TokenError,
    },
    AccountDetailsRejected {
        email: String,
        problems: Vec<FieldError>,
    },
    DomainChecked {
        domain: String,
        found: Option<String>,
        has_rms: bool,
    },
    TenantCreated {
        domain: String,
        tenant: String,
        initial_domain: String,
        #[serde(default)]
        region: Region,
    },
    UserCreated {
        upn: String,
        tenant: String,
        /// Which RMS for individuals sign-up of the directory this is (1 for
        /// the first), not counting accounts that have no RMS for
        /// individuals license (an existing tenant's administrators).
        ordinal: u32,
        new_tenant: bool,
    },
    SubscriptionGranted {
        tenant: String,
        account_sku_id: String,
        active_units: u32,
    },
    DefaultTemplatesCreated {
        tenant: String,
        names: Vec<String>,
    },
    LicenseAssigned {
        upn: String,
        account_sku_id: String,
        consumed: u32,
        active: u32,
    },
    TemplatesAvailable {
        tenant: String,
        names: Vec<String>,
    },
    AccountReadyEmailSent {
        email: String,
    },
    SignedIn {
        upn: String,
    },
    SignInFailed {
        email: String,
        reason: SignInError,
        counted: bool,
        failures: u32,
    },
    AccountLocked {
        upn: String,
        until: SimTime,
        lockout_number: u32,
    },
    SignedOut {
        upn: String,
    },
    BlockedDomainAdded {
        domain: String,
    },
    BlockedDomainRemoved {
        domain: String,
    },
    DomainListSwitched {
        list: DomainList,
        on: bool,
    },
    DnsRecordAdded {
        domain: String,
        kind: RecordType,
        value: String,
        visible_at: SimTime,
    },
    DnsRecordRemoved {
        domain: String,
        kind: RecordType,
        value: String,
    },
    BecomeAdminStarted {
        upn: String,
        domain: String,
        txt: String,
    },
    DomainVerificationFailed {
        domain: String,
        by: String,
        reason: AdminError,
    },
    InternalTakeover {
        upn: String,
        tenant: String,
        domain: String,
    },
    DomainAdded {
        domain: String,
        tenant: String,
        txt: String,
        held_by: Option<String>,
    },
    DomainVerified {
        domain: String,
        tenant: String,
    },
    ExternalTakeover {
        domain: String,
        from: String,
        to: String,
        users: u32,
        same_region: bool,
        /// `None` when the takeover wasn't forced (`Confirm-MsolEmailVerifiedDomain`).
        deletion_at: Option<SimTime>,
    },
    TenantDeleted {
        tenant: String,
        initial_domain: String,
    },
    CompanySettingsChanged {
        tenant: String,
        allow_ad_hoc: bool,
        allow_email_verified: bool,
        via: SettingsVia,
    },
    DirSyncChanged {
        tenant: String,
        on: bool,
    },
    UserBlocked {
        upn: String,
        blocked: bool,
    },
    UserDeleted {
        upn: String,
        freed: Vec<String>,
    },
    ConvertedToPaid {
        tenant: String,
        account_sku_id: String,
        units: u32,
    },
    RmsFeatureChanged {
        tenant: String,
        feature: RmsFeature,
        on: bool,
    },
    SuperUserAdded {
        tenant: String,
        upn: String,
        /// Whether the super user feature was enabled at the time.
        enabled: bool,
    },
    SuperUserRemoved {
        tenant: String,
        upn: String,
    },
    /// The trainer chose the era of the sign-up flow.
    EraChanged {
        era: Era,
    },
    SharingAppInstalled {
        upn: String,
        device: String,
    },
    ConsoleConnected {
        upn: String,
        service: ConsoleService,
    },
    FileProtected {
        issuer: String,
        file: String,
        shared_with: Vec<String>,
    },
    FileOpened {
        /// The reader, if they were signed in.
        reader: Option<String>,
        file: String,
        outcome: AccessOutcome,
    },
    ProtectionRemoved {
        owner: String,
        file: String,
    },
    AccessRevoked {
        owner: String,
        file: String,
        effective_for_all: SimTime,
    },
    /// An event of a save older than schema 4 whose payload was words only:
    /// kept with the words it was explained with then.
    Recorded {
        step: Step,
        title: String,
        text: String,
    },
}
