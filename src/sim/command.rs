//! Every change the UI makes to the world, as plain data.
//!
//! A command is a value: the inputs a person gave (what they typed, chose,
//! the file they picked, the console as it was before the line ran), and
//! nothing else. `run` applies it to a world with a random source and
//! returns what the person sees. Because a command holds only plain data
//! (these types live in the engine, which cannot name a signal or any other
//! UI state), running it can touch only the world and the random source:
//! replay-safe by construction.
//!
//! Replaying a command (`persist::sync`, when another tab saved first) also
//! replays its randomness: the first run records every byte it draws on a
//! [`Tape`], and a replay reads the same bytes back. A file protected in one
//! tab therefore gets the same content ID and keys when the command is
//! replayed on a newer state: the world tracks the very file the person
//! downloaded.

use crate::sim::admin::dns::{DnsError, DnsRecord, RecordType};
use crate::sim::admin::{AdminError, Challenge, Confirmed, DomainAdded, ForceTakeover, RmsFeature, SettingsVia};
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::{SimDuration, SimTime, TimeUnit};
use crate::sim::clock::ClockError;
use crate::sim::console::host::{SimHost, connect};
use crate::sim::console::powershell::{Console, HostError, PsObject, RunResult};
use crate::sim::directory::{CompanySettings, Device};
use crate::sim::sharing::usage_log::Client;
use crate::sim::sharing::{Delivery, OpenError, Opened, ProtectError, ProtectRequest, Protected, RevokeError};
use crate::sim::signin::SignInError;
use crate::sim::signup::{
    AccountDetails, CompleteError, Completed, Confirmation, DomainList, DomainListError, Era, SignupRefusal,
    StartOutcome, TokenError,
};
use crate::sim::world::World;

/// One change a person makes, with everything it needs.
pub trait Command: Clone + Into<AnyCommand> + 'static {
    /// What the person sees of it.
    type Output;
    fn run(&self, world: &mut World, rng: &mut dyn RandomSource) -> Self::Output;
    /// Its kind, one of `AnyCommand::KINDS`.
    fn kind(&self) -> &'static str;
}

/// The bytes a command drew from its random source, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tape {
    bytes: Vec<u8>,
}

/// A random source that plays a tape back, and records on it what `fresh`
/// gives once the tape runs out. The first run of a command uses an empty
/// tape (everything is fresh and recorded); a replay uses the recorded one.
pub struct Recording<'a> {
    tape: &'a mut Tape,
    at: usize,
    fresh: &'a mut dyn RandomSource,
}

impl<'a> Recording<'a> {
    pub fn new(tape: &'a mut Tape, fresh: &'a mut dyn RandomSource) -> Self {
        Recording { tape, at: 0, fresh }
    }
}

impl RandomSource for Recording<'_> {
    fn fill(&mut self, buf: &mut [u8]) {
        let recorded = (self.tape.bytes.len() - self.at).min(buf.len());
        buf[..recorded].copy_from_slice(&self.tape.bytes[self.at..self.at + recorded]);
        if recorded < buf.len() {
            self.fresh.fill(&mut buf[recorded..]);
            self.tape.bytes.extend_from_slice(&buf[recorded..]);
        }
        self.at += buf.len();
    }
}

/// Runs a command on a fresh tape: its output, and the tape to replay it with.
pub fn run_recorded<C: Command>(command: &C, world: &mut World, fresh: &mut dyn RandomSource) -> (C::Output, Tape) {
    let mut tape = Tape::default();
    let out = command.run(world, &mut Recording::new(&mut tape, fresh));
    (out, tape)
}

/// Defines each command as a struct of plain data with its `run`, and
/// `AnyCommand`, the closed set of them all (what a tab keeps for replay).
macro_rules! commands {
    ($(
        $(#[$doc:meta])*
        $name:ident { $($field:ident : $ty:ty),* $(,)? } -> $out:ty
        = |$c:ident, $w:ident, $rng:ident| $body:expr;
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone)]
            pub struct $name { $(pub $field: $ty),* }

            impl Command for $name {
                type Output = $out;
                fn kind(&self) -> &'static str {
                    stringify!($name)
                }
                fn run(&self, world: &mut World, rng: &mut dyn RandomSource) -> $out {
                    #[allow(unused_variables)]
                    fn body($c: &$name, $w: &mut World, $rng: &mut dyn RandomSource) -> $out {
                        $body
                    }
                    // The events it logs are one action (`EventLog::groups`).
                    world.log.begin_action(stringify!($name));
                    let out = body(self, world, rng);
                    world.log.end_action();
                    out
                }
            }

            impl From<$name> for AnyCommand {
                fn from(c: $name) -> AnyCommand {
                    AnyCommand::$name(c)
                }
            }
        )*

        /// Any command.
        #[derive(Debug, Clone)]
        pub enum AnyCommand {
            $($name($name)),*
        }

        impl AnyCommand {
            /// Every kind of command, by name (for tests that must cover them all).
            pub const KINDS: &'static [&'static str] = &[$(stringify!($name)),*];

            pub fn kind(&self) -> &'static str {
                match self {
                    $(AnyCommand::$name(_) => stringify!($name)),*
                }
            }

            /// Runs the command; the output is dropped (a replay).
            /// (`AnyCommand` is a `Command` too, for code that holds any kind.)
            pub fn apply(&self, world: &mut World, rng: &mut dyn RandomSource) {
                match self {
                    $(AnyCommand::$name(c) => { let _ = c.run(world, rng); })*
                }
            }

            /// Runs the command and describes its output (for tests).
            pub fn run_described(&self, world: &mut World, rng: &mut dyn RandomSource) -> String {
                match self {
                    $(AnyCommand::$name(c) => format!("{:?}", c.run(world, rng))),*
                }
            }
        }
    };
}

impl Command for AnyCommand {
    type Output = ();
    fn kind(&self) -> &'static str {
        AnyCommand::kind(self)
    }
    fn run(&self, world: &mut World, rng: &mut dyn RandomSource) {
        self.apply(world, rng)
    }
}

commands! {
    // ---- The clock and the domain lists (the trainer) ----

    /// "Advance time": the amount as typed, and a unit.
    AdvanceClock { amount: String, unit: TimeUnit } -> Result<SimDuration, ClockError>
        = |c, w, rng| w.advance_clock(&c.amount, c.unit);
    /// "Skip to …": the clock moves to when the next propagating DNS record is visible.
    SkipToDnsVisibility {} -> Option<SimTime> = |c, w, rng| w.skip_to_dns_visibility();
    AddBlockedDomain { input: String } -> Result<String, DomainListError>
        = |c, w, rng| w.add_blocked_domain(&c.input);
    RemoveBlockedDomain { input: String } -> Result<(), DomainListError>
        = |c, w, rng| w.remove_blocked_domain(&c.input);
    /// Turns one of sign-up's domain checks on or off.
    SetDomainList { list: DomainList, on: bool } -> ()
        = |c, w, rng| w.set_domain_list(c.list, c.on);

    // ---- Sign-up, mail, sign-in ----

    /// "Get started" on the portal.
    StartSignup { device: String, input: String } -> Result<StartOutcome, SignupRefusal>
        = |c, w, rng| w.start_signup(&c.device, &c.input, rng);
    /// The person opened the confirmation link.
    OpenConfirmation { token: String } -> Result<Confirmation, TokenError>
        = |c, w, rng| w.open_confirmation(&c.token);
    /// "Create" (or "Activate" for an existing account).
    CompleteSignup { token: String, details: AccountDetails } -> Result<Completed, CompleteError>
        = |c, w, rng| w.complete_signup(&c.token, &c.details, rng);
    /// Opening a message marks it read.
    MarkRead { address: String, id: u64 } -> bool
        = |c, w, rng| w.mark_read(&c.address, c.id);
    /// "Sign in" on a device (`devices::SHARED_BROWSER` or a person's address).
    SignIn { device: String, email: String, password: String } -> Result<Email, SignInError>
        = |c, w, rng| w.sign_in(&c.device, &c.email, &c.password);
    SignOut { device: String } -> ()
        = |c, w, rng| w.sign_out(&c.device);

    // ---- IT takes control ----

    /// "Yes, I want to be the admin".
    BecomeAdminStart { actor: Email } -> Result<Challenge, AdminError>
        = |c, w, rng| w.become_admin_start(&c.actor, rng);
    /// "Okay, I've added the record".
    BecomeAdminConfirm { actor: Email } -> Result<(), AdminError>
        = |c, w, rng| w.become_admin_confirm(&c.actor);
    /// "Add record" on the DNS page: the record as added.
    AddDnsRecord { domain: String, kind: RecordType, value: String } -> Result<DnsRecord, DnsError>
        = |c, w, rng| w.add_dns_record(&c.domain, c.kind, &c.value, rng)
            .map(|id| w.dns.records.iter().find(|r| r.id == id).cloned().expect("the record just added"));
    RemoveDnsRecord { id: u64 } -> Result<(), DnsError>
        = |c, w, rng| w.remove_dns_record(c.id);
    /// "Add domain" in the admin center.
    AddDomain { actor: Email, domain: String } -> Result<DomainAdded, AdminError>
        = |c, w, rng| w.add_domain(&c.actor, &c.domain, rng);
    /// "Verify" in the admin center (with ForceTakeover, as the simulator's admin center does).
    ConfirmDomain { actor: Email, domain: String, force: ForceTakeover } -> Result<Confirmed, AdminError>
        = |c, w, rng| w.confirm_domain(&c.actor, &c.domain, c.force, rng);
    /// "Save" of the self-service sign-up settings.
    SetCompanySettings { actor: Email, ad_hoc: Option<bool>, email_verified: Option<bool>, via: SettingsVia }
        -> Result<CompanySettings, AdminError>
        = |c, w, rng| w.set_company_settings(&c.actor, c.ad_hoc, c.email_verified, c.via);
    SetDirSync { actor: Email, on: bool } -> Result<(), AdminError>
        = |c, w, rng| w.set_dir_sync(&c.actor, c.on);
    /// "Block sign-in" / "Unblock".
    SetBlockCredential { actor: Email, upn: String, blocked: bool } -> Result<(), AdminError>
        = |c, w, rng| w.set_block_credential(&c.actor, &c.upn, c.blocked);
    RemoveUser { actor: Email, upn: String } -> Result<(), AdminError>
        = |c, w, rng| w.remove_user(&c.actor, &c.upn);
    ConvertToPaid { actor: Email } -> Result<(), AdminError>
        = |c, w, rng| w.convert_to_paid(&c.actor);
    SetRmsFeature { actor: Email, feature: RmsFeature, on: bool } -> Result<(), AdminError>
        = |c, w, rng| w.set_rms_feature(&c.actor, c.feature, c.on);
    /// The trainer chooses the era of the sign-up flow; false if it already was.
    SetEra { era: Era } -> bool = |c, w, rng| w.set_era(c.era);
    /// "Add super user" (`Add-AadrmSuperUser -EmailAddress`).
    AddSuperUser { actor: Email, upn: String } -> Result<Email, AdminError>
        = |c, w, rng| w.add_super_user(&c.actor, &c.upn);
    /// "Remove" a super user (`Remove-AadrmSuperUser -EmailAddress`).
    RemoveSuperUser { actor: Email, upn: String } -> Result<Email, AdminError>
        = |c, w, rng| w.remove_super_user(&c.actor, &c.upn);
    /// "Install the sharing application".
    InstallSharingApp { actor: Email } -> Result<Device, AdminError>
        = |c, w, rng| w.install_sharing_app(&c.actor);

    // ---- The PowerShell console ----

    /// Enter in the console: `console` is the console as it was before the
    /// line (history, variables); the output carries the console after it,
    /// which the page keeps. A replay runs on the same snapshot, so the
    /// page's console is never touched twice.
    RunConsoleLine { console: Console, line: String } -> (RunResult, Console)
        = |c, w, rng| {
            let mut console = c.console.clone();
            let r = console.run(&c.line, &mut SimHost { world: w, rng });
            (r, console)
        };
    /// The credential dialog's "Sign in" for a waiting `Connect-…` cmdlet.
    ConsoleSignIn { cmdlet: String, email: String, password: String } -> Result<Vec<PsObject>, HostError>
        = |c, w, rng| connect(w, &c.cmdlet, &c.email, &c.password);
    /// The console goes on after the dialog, with its outcome.
    ResumeConsole { console: Console, outcome: Result<Vec<PsObject>, HostError> } -> (RunResult, Console)
        = |c, w, rng| {
            let mut console = c.console.clone();
            let r = console.resume(&mut SimHost { world: w, rng }, c.outcome.clone());
            (r, console)
        };

    // ---- The sharing application ----

    /// "Protect in-place" or "Share Protected" (installing the sharing
    /// application first, a no-op once it is).
    Protect { actor: Email, request: ProtectRequest, delivery: Delivery } -> Result<Protected, ProtectError>
        = |c, w, rng| {
            let _ = w.install_sharing_app(&c.actor);
            w.protect(Some(&c.actor), &c.request, c.delivery, rng)
        };
    /// The viewer opens a file. On Windows the viewer is the sharing
    /// application, so a reader has it installed too.
    OpenProtected { client: Client, reader: Option<Email>, file_name: String, bytes: Vec<u8> } -> Result<Opened, OpenError>
        = |c, w, rng| {
            if let (Client::WindowsSharingApp, Some(reader)) = (c.client, &c.reader) {
                let _ = w.install_sharing_app(reader);
            }
            w.open_protected_on(c.client, c.reader.as_ref(), &c.file_name, &c.bytes, rng)
        };
    /// "Remove Protection" in the viewer.
    RemoveProtection { actor: Option<Email>, file_name: String, bytes: Vec<u8> } -> Result<(String, Vec<u8>), OpenError>
        = |c, w, rng| w.remove_protection(c.actor.as_ref(), &c.file_name, &c.bytes, rng);
    /// "Revoke access" on the tracking site.
    Revoke { owner: Email, content_id: String } -> Result<SimTime, RevokeError>
        = |c, w, rng| w.revoke(&c.owner, &c.content_id, rng);
}
