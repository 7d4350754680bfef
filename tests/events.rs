//! The event log as a story (`sim::events::story` and `mentions`): actions
//! in plain words, newest first, each with its events in reading order; who
//! acted; the filters by organization and person; the step labels of the
//! era a sign-up ran in; one message per outcome behind the scenes.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::sim::admin::AdminError;
use rms_sim::sim::command::*;
use rms_sim::sim::console::ConsoleService;
use rms_sim::sim::directory::Region;
use rms_sim::sim::email::PersonalKind;
use rms_sim::sim::events::story::{self, LONG_TEXT, Place, Story, action_words, filter_choices, shown_count};
use rms_sim::sim::sharing::AccessOutcome;
use rms_sim::sim::signup::{Era, Field, FieldError, FieldProblem, TokenError};
use rms_sim::sim::*;
use serde_json::Value;
use std::collections::BTreeSet;
use support::email;

const PAT: &str = "p.dover@fabrikam.com";
const ROSA: &str = "r.ortiz@fabrikam.com";
const KAI: &str = "k.braun@tailspintoys.de";
const JANET: &str = "janetm@contoso.com";
const JANET_PW: &str = "Contoso-2016!";

fn world() -> (World, SeededRandom) {
    let mut rng = SeededRandom::new(12);
    let w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    (w, rng)
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

/// A whole sign-up through the commands the pages run.
fn sign_up(w: &mut World, rng: &mut SeededRandom, address: &str) {
    StartSignup { device: SHARED_BROWSER.into(), input: address.into() }.run(w, rng).unwrap();
    let token = w.signups.pending[&email(address)].clone();
    OpenConfirmation { token: token.clone() }.run(w, rng).unwrap();
    CompleteSignup { token, details: details() }.run(w, rng).unwrap();
}

fn titles(s: &Story) -> Vec<&str> {
    s.lines.iter().map(|l| l.title.as_str()).collect()
}

#[test]
fn every_command_kind_has_words() {
    for kind in AnyCommand::KINDS {
        let words = action_words(kind);
        assert!(
            words.is_some_and(|w| !w.is_empty()),
            "the command kind {kind} has no words for /events: add them in story::command_words"
        );
    }
}

#[test]
fn one_sign_up_reads_as_three_actions_newest_first_each_in_reading_order() {
    let (mut w, mut rng) = world();
    sign_up(&mut w, &mut rng, PAT);
    let stories = story::stories(&w, 0);
    let headings: Vec<&str> = stories.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Create", "Opened the confirmation link", "Get started on the portal", "Load a scenario"]);
    let create = &stories[0];
    assert_eq!(
        titles(create),
        [
            "Domain fabrikam.com checked against Azure tenants",
            "New unmanaged tenant created for fabrikam.com",
            "Account p.dover@fabrikam.com created in fabrikam.com",
            "fabrikam.com granted the RMS for individuals subscription",
            "Default templates created for fabrikam.com",
            "p.dover@fabrikam.com holds a fabrikamcom:RIGHTSMANAGEMENT_ADHOC license",
            "Account-ready email sent to p.dover@fabrikam.com",
        ]
    );
    assert_eq!(create.actor.as_deref(), Some(PAT), "the person who clicked Create");
    assert_eq!(create.lines[0].step, "Technical overview, step 1");
    assert_eq!(create.lines[6].step, "To sign up, step 7");
    // The time is the action's, once: no event repeats it.
    assert!(create.lines.iter().all(|l| l.at.is_none()));
    assert_eq!(create.at, w.clock);
    let start = &stories[2];
    assert_eq!(start.actor.as_deref(), Some(PAT), "the address typed");
    assert_eq!(
        titles(start),
        ["p.dover@fabrikam.com clicked Get started", "Confirmation email sent to p.dover@fabrikam.com"]
    );
    assert_eq!(start.lines[0].step, "To sign up, step 3");
    assert!(stories.windows(2).all(|p| p[0].id > p[1].id), "newest first");
    // Behind the scenes of "Create": the same story, its events only.
    let since = w.log.events.iter().find(|e| e.seq == create.id).unwrap().seq - 1;
    assert_eq!(story::stories(&w, since), vec![create.clone()]);
}

#[test]
fn an_event_shows_its_own_time_only_when_it_differs_from_the_actions() {
    let (mut w, _) = world();
    w.log.begin_action("AdvanceClock");
    w.log(EventKind::ClockAdvanced { by: SimDuration::hours(240), to: w.clock.plus(SimDuration::hours(240)) });
    let first = w.clock;
    w.clock = w.clock.plus(SimDuration::hours(240));
    w.log(EventKind::TenantDeleted {
        tenant: "fabrikam.com".into(),
        initial_domain: "fabrikam.onmicrosoft.com".into(),
    });
    w.log.end_action();
    let s = &story::stories(&w, 0)[0];
    assert_eq!(s.heading, "Advance time");
    assert_eq!(s.actor, None, "the trainer's action names nobody");
    assert_eq!(s.at, first);
    assert_eq!(s.lines[0].at, None);
    assert_eq!(s.lines[1].at, Some(w.clock));
}

#[test]
fn admin_actions_name_the_signed_in_person() {
    let (mut w, mut rng) = world();
    SignIn { device: SHARED_BROWSER.into(), email: JANET.into(), password: JANET_PW.into() }
        .run(&mut w, &mut rng)
        .unwrap();
    AddDomain { actor: email(JANET), domain: "fabrikam.com".into() }.run(&mut w, &mut rng).unwrap();
    let stories = story::stories(&w, 0);
    assert_eq!(stories[0].heading, "Add a domain");
    assert_eq!(stories[0].actor.as_deref(), Some(JANET));
    assert!(stories[0].organizations.contains("contoso.com"), "the tenant Contoso, Ltd is contoso.com");
    assert!(stories[0].organizations.contains("fabrikam.com"));
    assert_eq!(stories[1].heading, "Sign in");
    // Once signed out, nobody is assumed.
    SignOut { device: SHARED_BROWSER.into() }.run(&mut w, &mut rng);
    AddDomain { actor: email(JANET), domain: "tailspintoys.de".into() }.run(&mut w, &mut rng).unwrap();
    let newest = &story::stories(&w, 0)[0];
    assert_eq!((newest.heading.as_str(), newest.actor.as_deref()), ("Add a domain", None));
}

#[test]
fn protect_is_named_for_what_the_person_clicked() {
    use rms_sim::sim::sharing::{Delivery, Permission, PolicyChoice, ProtectRequest};
    let (mut w, mut rng) = world();
    sign_up(&mut w, &mut rng, PAT);
    SignIn { device: SHARED_BROWSER.into(), email: PAT.into(), password: "Fabrikam-2016!".into() }
        .run(&mut w, &mut rng)
        .unwrap();
    let request = |users: &str| ProtectRequest {
        file_name: "Plan.txt".into(),
        data: b"figures".to_vec(),
        users: users.into(),
        policy: PolicyChoice::Custom(Permission::Viewer),
        expires_on: String::new(),
        notify: false,
        instant_revoke: false,
    };
    Protect { actor: email(PAT), request: request(ROSA), delivery: Delivery::InPlace }.run(&mut w, &mut rng).unwrap();
    assert_eq!(story::stories(&w, 0)[0].heading, "Protect in-place");
    Protect { actor: email(PAT), request: request(JANET), delivery: Delivery::Share }.run(&mut w, &mut rng).unwrap();
    let s = &story::stories(&w, 0)[0];
    assert_eq!(s.heading, "Share Protected");
    assert_eq!(s.actor.as_deref(), Some(PAT));
    assert!(s.people.contains(JANET) && s.organizations.contains("contoso.com"), "the recipient is mentioned");
}

#[test]
fn filters_keep_the_actions_that_mention_the_organization_or_person() {
    let (mut w, mut rng) = world();
    sign_up(&mut w, &mut rng, PAT);
    sign_up(&mut w, &mut rng, KAI);
    StartSignup { device: SHARED_BROWSER.into(), input: ROSA.into() }.run(&mut w, &mut rng).unwrap();
    let _ = StartSignup { device: SHARED_BROWSER.into(), input: "someone@outlook.com".into() }.run(&mut w, &mut rng);
    let _ = StartSignup { device: SHARED_BROWSER.into(), input: "<b>bold</b>".into() }.run(&mut w, &mut rng);
    let stories = story::stories(&w, 0);
    let (orgs, people) = filter_choices(&stories);
    assert_eq!(orgs, ["fabrikam.com", "tailspintoys.de"], "a personal address and typed junk are no organization");
    assert_eq!(people, [KAI, PAT, ROSA, "someone@outlook.com"], "only addresses, sorted");
    let shown = |o: Option<&str>, p: Option<&str>| stories.iter().filter(|s| s.shown_for(o, p)).count();
    assert_eq!(shown(None, None), stories.len());
    assert_eq!(shown(Some("fabrikam.com"), None), 4, "Pat's three actions and Rosa's Get started");
    assert_eq!(shown(Some("tailspintoys.de"), None), 3);
    assert_eq!(shown(None, Some(ROSA)), 1);
    assert_eq!(shown(Some("tailspintoys.de"), Some(PAT)), 0);
    assert!(
        stories
            .iter()
            .filter(|s| s.shown_for(Some("fabrikam.com"), None))
            .all(|s| s.people.iter().any(|p| p.ends_with("@fabrikam.com")))
    );
    assert_eq!(shown_count(4, 9), "4 of 9 actions shown");
    assert_eq!(shown_count(9, 9), "9 actions shown");
    assert_eq!(shown_count(1, 1), "1 action shown");
}

#[test]
fn an_october_2016_sign_up_names_that_flows_pages_and_an_earlier_one_keeps_the_seeds_steps() {
    let (mut w, mut rng) = world();
    StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() }.run(&mut w, &mut rng).unwrap();
    SetEra { era: Era::October2016 }.run(&mut w, &mut rng);
    sign_up(&mut w, &mut rng, KAI);
    let stories = story::stories(&w, 0);
    let by = |h: &str, who: &str| {
        stories
            .iter()
            .find(|s| s.heading == h && s.actor.as_deref() == Some(who))
            .unwrap_or_else(|| panic!("{h} by {who}: {stories:#?}"))
    };
    let october = by("Sign up on the Office 365 sign-up page", KAI);
    assert_eq!(october.lines[0].step, "Sign-up from October 2016: “Sign up”", "inferred: the request carries no era");
    assert_eq!(october.lines[1].step, "Sign-up from October 2016: the mail from the Office 365 Team");
    let opened = by("Yes, that's me: opened the link in the mail", KAI);
    assert_eq!(opened.lines[0].step, "Sign-up from October 2016: “Yes, that's me”");
    let start = by("Start", KAI);
    assert_eq!(start.lines[0].step, "Technical overview, step 1", "the overview is the same in both eras");
    let seed = by("Get started on the portal", PAT);
    assert_eq!(seed.lines[0].step, "To sign up, step 3");
    assert_eq!(seed.lines[1].step, "To sign up, step 4");
    assert_eq!(stories.iter().find(|s| s.heading == "Choose the era of the sign-up flow").unwrap().lines.len(), 1);
}

/// Each refusal event says, in its explanation, exactly what the page's
/// alert says (the command's error), so behind the scenes it shows only its
/// title and step, with the explanation behind "Why?". Nothing else is
/// folded for that reason.
#[test]
fn refusals_are_said_once_behind_the_scenes() {
    let (mut w, mut rng) = world();
    let mut alerts: Vec<(String, &str)> = Vec::new();
    let e = StartSignup { device: SHARED_BROWSER.into(), input: "someone@outlook.com".into() }
        .run(&mut w, &mut rng)
        .unwrap_err();
    alerts.push((e.to_string(), "SignupRefused"));
    let e = SignIn { device: SHARED_BROWSER.into(), email: JANET.into(), password: "wrong".into() }
        .run(&mut w, &mut rng)
        .unwrap_err();
    alerts.push((e.to_string(), "SignInFailed"));
    StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() }.run(&mut w, &mut rng).unwrap();
    let token = w.signups.pending[&email(PAT)].clone();
    let bad = AccountDetails { first_name: String::new(), ..details() };
    match (CompleteSignup { token: token.clone(), details: bad }).run(&mut w, &mut rng).unwrap_err() {
        CompleteError::Fields(list) => {
            alerts.push((list.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(" "), "AccountDetailsRejected"))
        }
        other => panic!("{other:?}"),
    }
    CompleteSignup { token: token.clone(), details: details() }.run(&mut w, &mut rng).unwrap();
    let e = CompleteSignup { token, details: details() }.run(&mut w, &mut rng).unwrap_err();
    alerts.push((e.to_string(), "ConfirmationLinkRejected"));
    SignIn { device: SHARED_BROWSER.into(), email: JANET.into(), password: JANET_PW.into() }
        .run(&mut w, &mut rng)
        .unwrap();
    AddDomain { actor: email(JANET), domain: "tailspintoys.de".into() }.run(&mut w, &mut rng).unwrap();
    let e = ConfirmDomain { actor: email(JANET), domain: "tailspintoys.de".into(), force: ForceTakeover::Force }
        .run(&mut w, &mut rng)
        .unwrap_err();
    alerts.push((e.to_string(), "DomainVerificationFailed"));

    let stories = story::stories(&w, 0);
    let lines: Vec<_> = stories.iter().flat_map(|s| &s.lines).collect();
    for (alert, kind) in &alerts {
        let event = w.log.events.iter().rev().find(|e| variant(&e.kind) == *kind).expect(kind);
        assert_eq!(event.kind.refusal().as_deref(), Some(alert.as_str()), "{kind}: the refusal is the alert's words");
        let line = lines.iter().find(|l| l.seq == event.seq).unwrap();
        assert!(
            line.refusal && line.text.contains(alert.as_str()),
            "{kind}: its text repeats the alert: {}",
            line.text
        );
        assert!(line.behind_why(Place::BehindTheScenes), "{kind} is folded behind the scenes");
        assert_eq!(line.behind_why(Place::EventsPage), line.text.chars().count() > LONG_TEXT, "{kind} on /events");
    }
    // Everything else behind the scenes keeps its text in view when short.
    for l in lines.iter().filter(|l| !l.refusal) {
        assert_eq!(l.behind_why(Place::BehindTheScenes), l.text.chars().count() > LONG_TEXT, "{}", l.title);
    }
    assert!(lines.iter().any(|l| !l.refusal && !l.behind_why(Place::BehindTheScenes)), "short texts stay open");
}

#[test]
fn events_outside_any_command_stand_alone() {
    let (mut w, _) = world();
    w.log(EventKind::SignedOut { upn: PAT.into() });
    let s = &story::stories(&w, 0);
    assert_eq!(s[0].heading, "On its own (no action was recorded with it)");
    assert_eq!(s[0].actor.as_deref(), Some(PAT));
    assert_eq!(s[1].heading, "Load a scenario");
    assert_eq!(s[1].actor, None);
}

// ───────────────────── what each kind of event mentions ─────────────────────

fn variant(k: &EventKind) -> String {
    match serde_json::to_value(k).unwrap() {
        Value::Object(m) => m.keys().next().unwrap().clone(),
        Value::String(s) => s,
        other => panic!("{other}"),
    }
}

/// Every variant of `EventKind`, as serde knows them.
fn all_variants() -> BTreeSet<String> {
    let err = serde_json::from_str::<EventKind>(r#"{"NoSuchKind":null}"#).unwrap_err().to_string();
    let list = err.split("expected one of").nth(1).expect("serde lists the variants");
    list.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// One event of every kind, naming people, domains and tenants.
fn samples() -> Vec<EventKind> {
    use EventKind::*;
    let t = SimTime(1_462_179_600);
    let s = |x: &str| x.to_string();
    vec![
        ScenarioLoaded { name: s("Default") },
        ClockAdvanced { by: SimDuration::hours(1), to: t },
        SignupRequested { email: s(PAT) },
        SignupRefused {
            email: s("x@outlook.com"),
            reason: SignupRefusal::PersonalEmail { kind: PersonalKind::ConsumerEmail },
        },
        SignupRefused { email: s(PAT), reason: SignupRefusal::AlreadySignedUp { email: s(PAT) } },
        PaidSubscriptionFound { email: s(JANET), organization: s("Contoso, Ltd"), sku: Sku::EnterprisePack },
        ConfirmationEmailSent {
            email: s(PAT),
            expires_at: t,
            replaced_previous: false,
            valid_for: SimDuration::hours(24),
            era: Era::Seed2016,
        },
        ConfirmationLinkOpened { email: s(PAT), existing_account: false, era: Era::October2016 },
        ConfirmationLinkRejected { email: s("an unknown address"), reason: TokenError::Unknown },
        AccountDetailsRejected {
            email: s(PAT),
            problems: vec![FieldError { field: Field::FirstName, problem: FieldProblem::Missing }],
        },
        DomainChecked { domain: s("fabrikam.com"), found: Some(s("fabrikam.com")), has_rms: true },
        TenantCreated {
            domain: s("fabrikam.com"),
            tenant: s("fabrikam.com"),
            initial_domain: s("fabrikam.onmicrosoft.com"),
            region: Region::NorthAmerica,
        },
        UserCreated { upn: s(PAT), tenant: s("fabrikam.com"), ordinal: 1, new_tenant: true },
        SubscriptionGranted {
            tenant: s("fabrikam.com"),
            account_sku_id: s("fabrikam:RIGHTSMANAGEMENT_ADHOC"),
            active_units: 10_000,
        },
        DefaultTemplatesCreated { tenant: s("fabrikam.com"), names: vec![s("Confidential")] },
        LicenseAssigned {
            upn: s(PAT),
            account_sku_id: s("fabrikam:RIGHTSMANAGEMENT_ADHOC"),
            consumed: 1,
            active: 10_000,
        },
        TemplatesAvailable { tenant: s("fabrikam.com"), names: vec![s("Confidential")] },
        AccountReadyEmailSent { email: s(PAT) },
        SignedIn { upn: s(PAT) },
        SignInFailed { email: s(ROSA), reason: SignInError::WrongPassword, counted: true, failures: 1 },
        AccountLocked { upn: s(ROSA), until: t, lockout_number: 1 },
        SignedOut { upn: s(PAT) },
        BlockedDomainAdded { domain: s("example.org") },
        BlockedDomainRemoved { domain: s("example.org") },
        DomainListSwitched { list: DomainList::PersonalEmail, on: false },
        DnsRecordAdded { domain: s("fabrikam.com"), kind: RecordType::Txt, value: s("MS=ms12345678"), visible_at: t },
        DnsRecordRemoved { domain: s("fabrikam.com"), kind: RecordType::Txt, value: s("MS=ms12345678") },
        BecomeAdminStarted { upn: s(PAT), domain: s("fabrikam.com"), txt: s("MS=ms12345678") },
        DomainVerificationFailed { domain: s("tailspintoys.de"), by: s(JANET), reason: AdminError::NotAMember },
        InternalTakeover { upn: s(PAT), tenant: s("fabrikam.com"), domain: s("fabrikam.com") },
        DomainAdded {
            domain: s("fabrikam.com"),
            tenant: s("Contoso, Ltd"),
            txt: s("MS=ms1"),
            held_by: Some(s("fabrikam.com")),
        },
        DomainVerified { domain: s("tailspintoys.de"), tenant: s("Contoso, Ltd") },
        ExternalTakeover {
            domain: s("fabrikam.com"),
            from: s("fabrikam.com"),
            to: s("Contoso, Ltd"),
            users: 2,
            same_region: true,
            deletion_at: Some(t),
        },
        TenantDeleted { tenant: s("fabrikam.com"), initial_domain: s("fabrikam.onmicrosoft.com") },
        CompanySettingsChanged {
            tenant: s("Contoso, Ltd"),
            allow_ad_hoc: false,
            allow_email_verified: true,
            via: SettingsVia::AdminCenter,
        },
        DirSyncChanged { tenant: s("Contoso, Ltd"), on: true },
        UserBlocked { upn: s(ROSA), blocked: true },
        UserDeleted { upn: s(ROSA), freed: vec![s("fabrikam:RIGHTSMANAGEMENT_ADHOC")] },
        ConvertedToPaid { tenant: s("Litware, Inc."), account_sku_id: s("litwareinc:ENTERPRISEPACK"), units: 25 },
        RmsFeatureChanged { tenant: s("Litware, Inc."), feature: RmsFeature::SuperUsers, on: true },
        SuperUserAdded { tenant: s("Contoso, Ltd"), upn: s(JANET), enabled: true },
        SuperUserRemoved { tenant: s("Contoso, Ltd"), upn: s(JANET) },
        EraChanged { era: Era::October2016 },
        SharingAppInstalled { upn: s(PAT), device: s("PAT-LAPTOP") },
        ConsoleConnected { upn: s(JANET), service: ConsoleService::MsOnline },
        FileProtected { issuer: s(PAT), file: s("Plan.txt"), shared_with: vec![s(JANET), s(KAI)] },
        FileOpened { reader: Some(s(KAI)), file: s("Plan.txt"), outcome: AccessOutcome::Opened },
        FileOpened { reader: None, file: s("Plan.txt"), outcome: AccessOutcome::OpenedByOwner },
        ProtectionRemoved { owner: s(PAT), file: s("Plan.txt") },
        AccessRevoked { owner: s(PAT), file: s("Plan.txt"), effective_for_all: t },
        Recorded { step: Step::Trainer, title: s("p.dover@fabrikam.com did something"), text: s("Words only.") },
    ]
}

/// The strings of a serialized payload, each with the name of its field.
fn strings(v: &Value, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((key.to_string(), s.clone())),
        Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| strings(x, k, out)),
        _ => {}
    }
}

/// What a payload mentions, read generically from its JSON: every field
/// that holds an address (free text such as a DNS value or a legacy
/// title is no mention), the `domain` fields and the tenant-naming fields.
fn oracle(k: &EventKind) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let mut all = Vec::new();
    strings(&serde_json::to_value(k).unwrap(), "", &mut all);
    let free_text = ["value", "txt", "title", "text", "name", "names", "file", "device", "account_sku_id", "freed"];
    let people: BTreeSet<String> = all
        .iter()
        .filter(|(key, _)| !free_text.contains(&key.as_str()))
        .filter_map(|(_, s)| Email::parse(s).ok().map(|e| e.to_string()))
        .collect();
    let refused_personal = matches!(
        k,
        EventKind::SignupRefused { reason: SignupRefusal::PersonalEmail { .. } | SignupRefusal::InvalidEmail(_), .. }
    );
    let mut domains: BTreeSet<String> = all.iter().filter(|(key, _)| key == "domain").map(|(_, s)| s.clone()).collect();
    domains.extend(people.iter().map(|p| p.split('@').nth(1).unwrap().to_string()));
    if refused_personal {
        domains.clear();
    }
    let tenant_keys = ["tenant", "initial_domain", "found", "held_by", "from", "to", "organization"];
    let tenants = all.iter().filter(|(key, _)| tenant_keys.contains(&key.as_str())).map(|(_, s)| s.clone()).collect();
    (people, domains, tenants)
}

#[test]
fn every_kind_of_event_says_whom_and_what_it_mentions() {
    let samples = samples();
    let covered: BTreeSet<String> = samples.iter().map(variant).collect();
    assert_eq!(covered, all_variants(), "a sample of every kind of event");
    for k in &samples {
        let (people, domains, tenants) = oracle(k);
        assert_eq!(k.people().into_iter().collect::<BTreeSet<_>>(), people, "people of {k:?}");
        assert_eq!(k.domains().into_iter().collect::<BTreeSet<_>>(), domains, "domains of {k:?}");
        assert_eq!(k.tenants().into_iter().map(str::to_string).collect::<BTreeSet<_>>(), tenants, "tenants of {k:?}");
        // Whoever acted is someone the event names (or the text typed).
        if let Some(a) = k.actor() {
            assert!(people.contains(a) || Email::parse(a).is_err(), "actor {a} of {k:?}");
        }
    }
    // Spot checks: who acted, and who was only acted on.
    let by = |i: usize| samples[i].actor();
    assert_eq!(by(2), Some(PAT), "SignupRequested: the address typed");
    assert_eq!(by(8), None, "a rejected link whose address is unknown");
    let blocked = samples.iter().find(|k| matches!(k, EventKind::UserBlocked { .. })).unwrap();
    assert_eq!(blocked.actor(), None, "the blocked user didn't act");
    assert_eq!(blocked.people(), [ROSA]);
}

#[test]
fn tenants_are_filtered_by_their_domain() {
    let (mut w, mut rng) = world();
    sign_up(&mut w, &mut rng, PAT);
    SignIn { device: SHARED_BROWSER.into(), email: JANET.into(), password: JANET_PW.into() }
        .run(&mut w, &mut rng)
        .unwrap();
    SetDirSync { actor: email(JANET), on: true }.run(&mut w, &mut rng).unwrap();
    let stories = story::stories(&w, 0);
    let dirsync = &stories[0];
    assert_eq!(dirsync.heading, "Change directory synchronization");
    assert_eq!(dirsync.organizations, BTreeSet::from(["contoso.com".to_string()]), "Contoso, Ltd is contoso.com");
    let create = stories.iter().find(|s| s.heading == "Create").unwrap();
    assert_eq!(create.organizations, BTreeSet::from(["fabrikam.com".to_string()]), "fabrikam.onmicrosoft.com too");
}
