//! Replay safety of every UI command (`sim::command`).
//!
//! When two tabs race, a tab replays its own recent commands on the newer
//! state another tab saved (`persist::sync`). What the person saw when the
//! command first ran must be what the replay produces: the same output, and
//! the same effect on the world. For every kind of command, on worlds made
//! by random earlier commands:
//!
//! 1. run with a fresh tape, then replayed with that tape on the same state:
//!    the same output and the same world (nothing outside the world and the
//!    random source is involved);
//! 2. replayed on a newer state — another tab started an unrelated sign-up
//!    first — the output is the one the person saw.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::sim::command::*;
use rms_sim::sim::powershell::{Console, HostError};
use rms_sim::sim::sharing::{Client, Delivery, Permission, PolicyChoice, ProtectRequest};
use rms_sim::sim::signup::Era;
use rms_sim::sim::*;
use support::email;

const JANET: &str = "janetm@contoso.com";
const LEE: &str = "admin@litwareinc.com";
const PAT: &str = "p.dover@fabrikam.com";
const PEOPLE: [&str; 5] = [JANET, LEE, PAT, "r.ortiz@fabrikam.com", "k.braun@tailspintoys.de"];
const PASSWORDS: [&str; 4] = ["Contoso-2016!", "Litware-2016!", "Fabrikam-2016!", "wrong"];
/// The devices a command may run on: the shared browser and two people's own.
const DEVICES: [&str; 3] = [SHARED_BROWSER, JANET, PAT];

fn pick<T: Copy>(rng: &mut SeededRandom, items: &[T]) -> T {
    items[rng.below(items.len() as u64) as usize]
}

fn details() -> AccountDetails {
    AccountDetails {
        first_name: "Pat".into(),
        last_name: "Dover".into(),
        password: "Fabrikam-2016!".into(),
        confirm_password: "Fabrikam-2016!".into(),
        country: "US".into(),
    }
}

/// A console waiting at `Connect-MsolService` for its credential dialog.
fn waiting_console(w: &World) -> Console {
    let mut console = Console::new();
    let (mut w, mut rng) = (w.clone(), SeededRandom::new(0));
    console.run("Connect-MsolService", &mut rms_sim::sim::console::host::SimHost { world: &mut w, rng: &mut rng });
    console
}

/// A command of `kind` with inputs a person could give in `w`. Every kind of
/// `AnyCommand::KINDS` has a case: a new command kind fails this test until
/// it has one.
fn command(kind: &str, w: &World, rng: &mut SeededRandom) -> AnyCommand {
    let person = email(pick(rng, &PEOPLE));
    let admin = email(pick(rng, &[JANET, LEE, PAT]));
    let domain = pick(rng, &["fabrikam.com", "contoso.com", "tailspintoys.de", "bad domain"]).to_string();
    let on = rng.below(2) == 0;
    let token = || w.signups.flows.keys().next().cloned().unwrap_or_else(|| "no-such-token".into());
    let attachment = || {
        w.mail.files.keys().next().and_then(|id| w.mail.attachment(id)).unwrap_or(("x.ptxt".into(), b"junk".to_vec()))
    };
    match kind {
        "SkipToDnsVisibility" => SkipToDnsVisibility {}.into(),
        "AdvanceClock" => {
            AdvanceClock { amount: pick(rng, &["1", "90", "0", "x"]).to_string(), unit: TimeUnit::Minutes }.into()
        }
        "AddBlockedDomain" => AddBlockedDomain { input: domain }.into(),
        "RemoveBlockedDomain" => {
            RemoveBlockedDomain { input: pick(rng, &["office365.com", "nope.org"]).to_string() }.into()
        }
        "SetDomainList" => {
            SetDomainList { list: pick(rng, &[DomainList::PersonalEmail, DomainList::BlockedDomains]), on }.into()
        }
        "StartSignup" => StartSignup {
            device: pick(rng, &DEVICES).to_string(),
            input: pick(rng, &[PAT, "r.ortiz@fabrikam.com", "x@outlook.com", "new@tailspintoys.de"]).to_string(),
        }
        .into(),
        "OpenConfirmation" => OpenConfirmation { token: token() }.into(),
        "CompleteSignup" => CompleteSignup { token: token(), details: details() }.into(),
        "MarkRead" => {
            let (address, id) = w
                .mail
                .mailboxes
                .iter()
                .next()
                .map(|(a, m)| (a.clone(), m.messages[0].id))
                .unwrap_or(("x@y.com".into(), 1));
            MarkRead { address, id }.into()
        }
        "SignIn" => SignIn {
            device: pick(rng, &DEVICES).to_string(),
            email: person.to_string(),
            password: pick(rng, &PASSWORDS).to_string(),
        }
        .into(),
        "SignOut" => SignOut { device: pick(rng, &DEVICES).to_string() }.into(),
        "BecomeAdminStart" => BecomeAdminStart { actor: person }.into(),
        "BecomeAdminConfirm" => BecomeAdminConfirm { actor: person }.into(),
        "AddDnsRecord" => {
            AddDnsRecord { domain, kind: RecordType::Txt, value: format!("MS=ms{:08}", rng.below(3)) }.into()
        }
        "RemoveDnsRecord" => RemoveDnsRecord { id: w.dns.records.first().map(|r| r.id).unwrap_or(7) }.into(),
        "AddDomain" => AddDomain { actor: admin, domain }.into(),
        "ConfirmDomain" => {
            ConfirmDomain { actor: admin, domain, force: pick(rng, &[ForceTakeover::Off, ForceTakeover::Force]) }.into()
        }
        "SetCompanySettings" => {
            SetCompanySettings { actor: admin, ad_hoc: Some(on), email_verified: None, via: SettingsVia::AdminCenter }
                .into()
        }
        "SetDirSync" => SetDirSync { actor: admin, on }.into(),
        "SetBlockCredential" => SetBlockCredential { actor: admin, upn: person.to_string(), blocked: on }.into(),
        "RemoveUser" => RemoveUser { actor: admin, upn: person.to_string() }.into(),
        "ConvertToPaid" => ConvertToPaid { actor: admin }.into(),
        "SetRmsFeature" => SetRmsFeature { actor: admin, feature: RmsFeature::SuperUsers, on }.into(),
        "SetEra" => SetEra { era: pick(rng, &Era::ALL) }.into(),
        "AddSuperUser" => AddSuperUser { actor: admin, upn: person.to_string() }.into(),
        "RemoveSuperUser" => RemoveSuperUser { actor: admin, upn: person.to_string() }.into(),
        "InstallSharingApp" => InstallSharingApp { actor: person }.into(),
        "RunConsoleLine" => RunConsoleLine {
            console: Console::new(),
            line: pick(rng, &["Get-MsolAccountSku", "Get-MsolUser", "$x = 1; $x", "Get-Help Get-MsolDomain"])
                .to_string(),
        }
        .into(),
        "ConsoleSignIn" => ConsoleSignIn {
            cmdlet: "Connect-MsolService".into(),
            email: admin.to_string(),
            password: pick(rng, &PASSWORDS).to_string(),
        }
        .into(),
        "ResumeConsole" => {
            let outcome = if on { Ok(vec![]) } else { Err(HostError::msol("Authentication Error.", "X")) };
            ResumeConsole { console: waiting_console(w), outcome }.into()
        }
        "Protect" => Protect {
            actor: person,
            request: ProtectRequest {
                file_name: pick(rng, &["Plan.txt", "Deck.pptx", "Photo.png", "Data.bin"]).to_string(),
                data: b"the figures for Q3".to_vec(),
                users: pick(rng, &[LEE, PAT, "x@outlook.com", ""]).to_string(),
                policy: PolicyChoice::Custom(pick(rng, &Permission::ALL)),
                expires_on: pick(rng, &["", "2016-06-30", "2015-01-01"]).to_string(),
                notify: on,
                instant_revoke: !on,
            },
            delivery: pick(rng, &[Delivery::InPlace, Delivery::Share]),
        }
        .into(),
        "OpenProtected" => {
            let (file_name, bytes) = attachment();
            let client = pick(rng, &[Client::WindowsSharingApp, Client::MobileSharingApp]);
            OpenProtected { client, reader: Some(person), file_name, bytes }.into()
        }
        "RemoveProtection" => {
            let (file_name, bytes) = attachment();
            RemoveProtection { actor: Some(person), file_name, bytes }.into()
        }
        "Revoke" => Revoke {
            owner: email(JANET),
            content_id: w.sharing.documents.keys().next().cloned().unwrap_or_else(|| "none".into()),
        }
        .into(),
        other => panic!("no generator for the command kind {other}: add one"),
    }
}

/// The protected-file scenario after a few random commands of any kind.
fn world(seed: u64) -> World {
    let mut rng = SeededRandom::new(seed);
    let mut w =
        World::load(Preset::ProtectedFileReceived, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    for _ in 0..rng.below(8) {
        let kind = pick(&mut rng, AnyCommand::KINDS);
        let c = command(kind, &w, &mut rng);
        c.apply(&mut w, &mut rng);
    }
    w
}

/// Runs `c` on `w` with a fresh tape: what the person saw, and the tape.
fn first_run(c: &AnyCommand, w: &mut World, seed: u64) -> (String, Tape) {
    let mut tape = Tape::default();
    let seen = c.run_described(w, &mut Recording::new(&mut tape, &mut SeededRandom::new(seed)));
    (seen, tape)
}

/// Replays `c` on `w` from its tape (fresh bytes of another source after it).
fn replay(c: &AnyCommand, w: &mut World, tape: &Tape) -> String {
    let mut tape = tape.clone();
    c.run_described(w, &mut Recording::new(&mut tape, &mut SeededRandom::new(99)))
}

#[test]
fn every_command_kind_has_a_generator() {
    let w = world(0);
    let mut rng = SeededRandom::new(1);
    for kind in AnyCommand::KINDS {
        assert_eq!(command(kind, &w, &mut rng).kind(), *kind);
    }
}

#[test]
fn every_command_replays_to_what_the_person_saw() {
    let mut tried = std::collections::BTreeSet::new();
    for seed in 0..16u64 {
        let base = world(seed);
        let mut rng = SeededRandom::new(seed ^ 0x5eed);
        for kind in AnyCommand::KINDS {
            let c = command(kind, &base, &mut rng);
            // 1. The same state: the same output, the same world.
            let mut first = base.clone();
            let (seen, tape) = first_run(&c, &mut first, seed);
            let mut again = base.clone();
            assert_eq!(replay(&c, &mut again, &tape), seen, "seed {seed}: {kind} replayed on the same state");
            assert_eq!(again, first, "seed {seed}: {kind} changed the world differently on replay");
            // 2. A newer state (another tab's unrelated sign-up came first).
            let mut newer = base.clone();
            newer.start_signup(SHARED_BROWSER, "colleague@northwind.com", &mut SeededRandom::new(seed + 1000)).unwrap();
            assert_eq!(replay(&c, &mut newer, &tape), seen, "seed {seed}: {kind} replayed on a newer state");
            tried.insert(*kind);
        }
    }
    assert_eq!(tried.len(), AnyCommand::KINDS.len());
}

/// The sharing replay bug, directly: a protection replayed on a newer state
/// registers the downloaded file, which then opens, is tracked and revocable.
#[test]
fn a_replayed_protection_tracks_the_downloaded_file() {
    let base = world(3);
    let c = Protect {
        actor: email(JANET),
        request: ProtectRequest {
            file_name: "Q3.txt".into(),
            data: b"figures".to_vec(),
            users: LEE.into(),
            policy: PolicyChoice::Custom(Permission::Viewer),
            expires_on: String::new(),
            notify: false,
            instant_revoke: true,
        },
        delivery: Delivery::Share,
    };
    let mut seen_world = base.clone();
    let (downloaded, tape) = run_recorded(&c, &mut seen_world, &mut SeededRandom::new(5));
    let downloaded = downloaded.unwrap();
    let mut newer = base.clone();
    newer.advance_clock("1", TimeUnit::Minutes).unwrap();
    let mut tape = tape;
    let replayed = c.run(&mut newer, &mut Recording::new(&mut tape, &mut SeededRandom::new(6))).unwrap();
    assert_eq!(replayed.content_id, downloaded.content_id);
    assert!(newer.sharing.documents.contains_key(&downloaded.content_id));
    let mut rng = SeededRandom::new(7);
    assert!(newer.open_protected(Some(&email(LEE)), &downloaded.file_name, &downloaded.bytes, &mut rng).is_ok());
    assert!(newer.revoke(&email(JANET), &downloaded.content_id, &mut rng).is_ok());
}

/// Every event a command logs belongs to that command's action, and only
/// that action's first event names it: `/events` groups by this.
#[test]
fn a_commands_events_are_one_action_named_by_its_first_event() {
    let mut rng = SeededRandom::new(7);
    let mut w = World::load(Preset::Default, Config::default(), &mut rng);
    let before = w.log.last_seq();
    let _ = StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() }.run(&mut w, &mut rng);
    let first = w.log.last_seq();
    let _ = AdvanceClock { amount: "2".into(), unit: TimeUnit::Minutes }.run(&mut w, &mut rng);
    let new = w.log.since(before);
    assert!(new.len() >= 3, "a sign-up logs several events: {new:?}");
    let signup: Vec<&Event> = new.iter().filter(|e| e.seq <= first).collect();
    assert!(signup.iter().all(|e| e.action_id() == signup[0].seq));
    assert_eq!(signup[0].command.as_deref(), Some("StartSignup"));
    assert!(signup[1..].iter().all(|e| e.command.is_none()));
    let groups = EventLog::groups(new);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(groups[0].command, Some("StartSignup"));
    assert_eq!(groups[0].events.len(), signup.len());
    assert_eq!(groups[1].command, Some("AdvanceClock"));
    assert_eq!(w.log.last_action(), groups[1].events);
    // Logged outside a command, an event is an action of its own.
    w.log(EventKind::ScenarioLoaded { name: "x".into() });
    w.log(EventKind::ScenarioLoaded { name: "y".into() });
    assert_eq!(w.log.last_action().len(), 1);
    assert_eq!(EventLog::groups(w.log.since(first)).len(), 3);
    // Stored before events knew their action: the fields are left out.
    let json = serde_json::to_string(w.log.last_action()).unwrap();
    assert!(!json.contains("action") && !json.contains("command"), "{json}");
}

/// A scenario's events (its sign-ups, its share) are one action, "Load a scenario".
#[test]
fn a_scenario_is_one_action() {
    let w = World::load(Preset::FabrikamSignedUp, Config::default(), &mut SeededRandom::new(3));
    let groups = EventLog::groups(&w.log.events);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0].command, Some("LoadScenario"));
    assert!(groups[0].events.len() > 5);
}

/// Undo reverses every kind of command, and Redo brings it back, for every
/// tab (`persist::history`): the world is the one before, then the one after.
#[test]
fn every_command_kind_is_undone_and_redone() {
    use rms_sim::persist::history::{self, Direction};
    use rms_sim::persist::{self, Backend, KEY, MemoryBackend, sync::Replica};
    let strip = |w: &World| {
        let mut w = w.clone();
        w.recent_writes.clear();
        w
    };
    for seed in 0..4u64 {
        let mut rng = SeededRandom::new(seed ^ 0x0dd0);
        for kind in AnyCommand::KINDS {
            let b = MemoryBackend::default();
            let mut w = world(seed);
            let mut replica = Replica::new(None);
            replica.replace(&b, &mut w, &mut rng, &[]).unwrap();
            replica.take_before();
            let before = strip(&w);
            let c = command(kind, &w, &mut rng);
            let (_, saved, kept) = history::act(&mut replica, &b, &mut w, &mut rng, c);
            saved.unwrap();
            kept.unwrap();
            let after = strip(&w);
            let label = history::undo_or_redo(&mut replica, &b, &mut w, Direction::Undo, &mut rng).unwrap();
            assert_eq!(label, history::label_of(kind), "seed {seed}: {kind}");
            assert_eq!(strip(&w), before, "seed {seed}: {kind} undone");
            let stored = persist::decode(&b.read(KEY).unwrap().unwrap()).unwrap();
            assert_eq!(strip(&stored), before, "seed {seed}: {kind} undone in storage");
            history::undo_or_redo(&mut replica, &b, &mut w, Direction::Redo, &mut rng).unwrap();
            assert_eq!(strip(&w), after, "seed {seed}: {kind} redone");
        }
    }
}
