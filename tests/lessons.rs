//! Native tests of the lessons, their checks, "Show me" and the challenges
//! (`rms_sim::sim::lessons`): every step quotes the seed; every lesson runs
//! to its end with "Show me" alone and with the commands the pages run
//! (other ways too: the shared browser, the console); a step ticks on what
//! happened since the lesson began, not before, and not on a refusal;
//! stored progress that doesn't fit is refused; every challenge's checklist
//! ticks itself as its task is done, and not for a task done another way.
#![cfg(not(target_arch = "wasm32"))]

use rms_sim::sim::command::*;
use rms_sim::sim::lessons::catalog::{D_SMITH, T_LEE, details_of, password_of};
use rms_sim::sim::lessons::{CHALLENGES, LESSONS, Lesson, Progress, ProgressError, ShowMe, Step, challenge, lesson};
use rms_sim::sim::scenario::{CONTOSO_ADMIN, FABRIKAM_USERS, LITWARE_ADMIN};
use rms_sim::sim::sharing::ProtectRequest;
use rms_sim::sim::*;
use std::path::PathBuf;

const PAT: &str = FABRIKAM_USERS[0].email;
const ROSA: &str = FABRIKAM_USERS[1].email;
const JANET: &str = CONTOSO_ADMIN.email;
const LEE: &str = LITWARE_ADMIN.email;

fn load(preset: Preset, seed: u64) -> (World, SeededRandom) {
    let mut rng = SeededRandom::new(seed);
    let w = World::load(preset, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    (w, rng)
}

/// A lesson's scenario, and where its checks begin.
fn begin(l: &Lesson, seed: u64) -> (World, SeededRandom, u64) {
    let (w, rng) = load(l.preset, seed);
    let since = w.log.last_seq();
    (w, rng, since)
}

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

/// "Show me" for one step, as the panel runs it: the next command, until done.
fn show_me(step: &Step, w: &mut World, rng: &mut SeededRandom, since: u64) -> usize {
    let mut show = ShowMe::new();
    while let Some(c) = show.next(step, w, since).unwrap_or_else(|e| panic!("{}: {e}", step.title)) {
        c.run(w, rng);
    }
    show.count()
}

// ───────────────────────────── the seed's words ─────────────────────────────

/// The seed as a person reads it: links and bold dropped, one space between words.
fn seed_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/rms-for-individuals-2016.md");
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("the seed at {}: {e}", path.display()));
    let mut text = String::new();
    let mut rest = raw.as_str();
    // [words](address) → words
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match (after.find("]("), after.find(']')) {
            (Some(close), Some(first)) if close == first => {
                text.push_str(&after[..close]);
                let tail = &after[close + 2..];
                rest = tail.find(')').map(|p| &tail[p + 1..]).unwrap_or("");
            }
            _ => {
                text.push('[');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    normalize(&text.replace("**", "").replace("\n>", "\n"))
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_step_quotes_the_seed_word_for_word() {
    let seed = seed_text();
    assert!(seed.contains("Click Get started."), "the seed reads as expected");
    for l in LESSONS {
        assert!(seed.contains(l.section) || l.section.contains(':'), "{}: the section “{}”", l.id, l.section);
        for s in l.steps {
            assert!(!s.seed.is_empty(), "{} / {}: a step quotes the seed", l.id, s.title);
            for q in s.seed.iter().chain(s.notes) {
                assert!(seed.contains(&normalize(q)), "{} / {}: not the seed's words: {q}", l.id, s.title);
            }
        }
    }
}

#[test]
fn the_lessons_follow_the_seeds_sections() {
    let ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
    assert_eq!(
        ids,
        ["sign-up", "behind-the-scenes", "it-takes-control", "find-out", "convert-to-paid", "protect-share-track"]
    );
    let sign_up = lesson("sign-up").unwrap();
    let refs: Vec<&str> = sign_up.steps.iter().map(|s| s.seed_ref).collect();
    assert_eq!(
        refs,
        [
            "To sign up, steps 1–3",
            "To sign up, step 4",
            "To sign up, step 5",
            "To sign up, step 6",
            "To sign up, step 7",
            "To sign up, step 8"
        ],
        "steps 1 to 8"
    );
    let behind = lesson("behind-the-scenes").unwrap();
    assert_eq!(behind.steps.len(), 4, "the technical overview's four steps");
    let find = lesson("find-out").unwrap();
    for m in 1..=4 {
        assert!(
            find.steps.iter().any(|s| s.seed_ref == format!("How to find out, method {m}")),
            "detection method {m}"
        );
    }
    let it = lesson("it-takes-control").unwrap();
    for t in ["Become the admin", "Stop new accounts", "Synchronize the directory", "Delete an account"] {
        assert!(it.steps.iter().any(|s| s.title == t), "IT takes control: {t}");
    }
    for l in LESSONS {
        for s in l.steps {
            assert!(s.route.starts_with('/'), "{}: {} is a route", s.title, s.route);
            assert!(!s.control.is_empty() && !s.doing.is_empty());
            assert!(Email::parse(s.who).is_ok(), "{}: who is a person", s.title);
        }
    }
}

// ───────────────────────────── "Show me" ─────────────────────────────

#[test]
fn every_lesson_runs_to_its_end_with_show_me_alone() {
    for (n, l) in LESSONS.iter().enumerate() {
        let (mut w, mut rng, since) = begin(l, 10 + n as u64);
        for (i, step) in l.steps.iter().enumerate() {
            assert!(!step.done(&w, since), "{} step {}: not done before its turn", l.id, i + 1);
            let ran = show_me(step, &mut w, &mut rng, since);
            assert!(ran >= 1, "{} step {}: Show me ran a command", l.id, i + 1);
            assert!(step.done(&w, since), "{} step {}: done by Show me", l.id, i + 1);
        }
        for (i, step) in l.steps.iter().enumerate() {
            assert!(step.done(&w, since), "{} step {}: still done at the end", l.id, i + 1);
        }
        let mut p = Progress::default();
        p.start(l.id, since);
        p.go_to(l.steps.len() - 1);
        assert!(p.note_finished(&w), "{}: finished", l.id);
        assert!(p.is_finished(l.id));
        assert!(!p.note_finished(&w), "noted once");
    }
}

#[test]
fn show_me_signs_in_on_the_persons_own_device() {
    let l = lesson("it-takes-control").unwrap();
    let (mut w, mut rng, since) = begin(l, 3);
    // Someone else is signed in on the shared browser: Show me doesn't use it.
    SignIn { device: SHARED_BROWSER.into(), email: ROSA.into(), password: password_of(ROSA).into() }
        .run(&mut w, &mut rng)
        .unwrap();
    let mut show = ShowMe::new();
    let first = show.next(&l.steps[1], &w, since).unwrap().unwrap();
    assert_eq!(first.kind(), "SignIn", "Become the admin signs Pat in first");
    first.run(&mut w, &mut rng);
    assert_eq!(w.signed_in_upn(PAT), Some(&email(PAT)), "on her own device");
    assert_eq!(w.signed_in_upn(SHARED_BROWSER), Some(&email(ROSA)), "the shared browser is left alone");
    let second = show.next(&l.steps[1], &w, since).unwrap().unwrap();
    assert_eq!(second.kind(), "BecomeAdminStart");
}

#[test]
fn show_me_does_what_a_step_needs_from_wherever_the_world_is() {
    // "Create" with nothing done yet: Get started, the link, Create.
    let l = lesson("sign-up").unwrap();
    let (mut w, mut rng, since) = begin(l, 4);
    assert_eq!(show_me(&l.steps[3], &mut w, &mut rng, since), 3);
    assert!(l.steps[0].done(&w, since) && l.steps[2].done(&w, since) && l.steps[3].done(&w, since));
    // The takeover with nothing done: sign in, the challenge, the record, the wait, the confirmation.
    let it = lesson("it-takes-control").unwrap();
    let (mut w, mut rng, since) = begin(it, 5);
    assert_eq!(show_me(&it.steps[3], &mut w, &mut rng, since), 5);
    assert!(it.steps[1].done(&w, since) && it.steps[2].done(&w, since));
}

#[test]
fn show_me_stops_and_says_why_when_the_world_refuses() {
    let l = lesson("sign-up").unwrap();
    let (mut w, mut rng, since) = begin(l, 6);
    AddBlockedDomain { input: "fabrikam.com".into() }.run(&mut w, &mut rng).unwrap();
    let mut show = ShowMe::new();
    let c = show.next(&l.steps[0], &w, since).unwrap().unwrap();
    c.run(&mut w, &mut rng);
    let why = show.next(&l.steps[0], &w, since).unwrap_err();
    assert!(why.starts_with("Show me stopped:"), "{why}");
    assert!(!l.steps[0].done(&w, since), "a refused sign-up is no sign-up");
    // A step whose earlier steps aren't done says so instead of guessing.
    let p = lesson("protect-share-track").unwrap();
    let (w, _, since) = begin(p, 7);
    let why = ShowMe::new().next(&p.steps[5], &w, since).unwrap_err();
    assert!(why.contains("no file to revoke"), "{why}");
}

// ─────────────────── done the pages' way, or another way ───────────────────

/// The commands the sign-up pages run, typed by a person on the shared browser.
#[test]
fn the_sign_up_lesson_ticks_when_done_through_the_pages_on_any_device() {
    let l = lesson("sign-up").unwrap();
    let (mut w, mut rng, since) = begin(l, 20);
    let done = |w: &World| l.steps.iter().map(|s| s.done(w, since)).collect::<Vec<_>>();
    assert_eq!(done(&w), [false; 6]);
    StartSignup { device: SHARED_BROWSER.into(), input: " P.Dover@Fabrikam.com ".into() }
        .run(&mut w, &mut rng)
        .unwrap();
    assert_eq!(done(&w), [true, false, false, false, false, false], "however the address was typed");
    let confirmation = w.mailbox(PAT).unwrap().messages.last().unwrap().clone();
    MarkRead { address: PAT.into(), id: confirmation.id }.run(&mut w, &mut rng);
    assert!(done(&w)[1]);
    let token = w.signups.pending[&email(PAT)].clone();
    assert_eq!(l.steps[3].href(&w), format!("/portal/verify?token={token}"), "the account page is the link's");
    OpenConfirmation { token: token.clone() }.run(&mut w, &mut rng).unwrap();
    assert!(done(&w)[2]);
    // Wrong details first: nothing is created, the step waits.
    let mut bad = details_of(PAT);
    bad.confirm_password = "Something-else1".into();
    assert!(CompleteSignup { token: token.clone(), details: bad }.run(&mut w, &mut rng).is_err());
    assert!(!done(&w)[3]);
    CompleteSignup { token, details: details_of(PAT) }.run(&mut w, &mut rng).unwrap();
    assert!(done(&w)[3]);
    assert_eq!(l.steps[3].href(&w), format!("/inbox/{PAT}"), "no pending link any more");
    assert!(!done(&w)[4], "the second mail is there, not read yet");
    let ready = w.mailbox(PAT).unwrap().messages.last().unwrap().clone();
    MarkRead { address: PAT.into(), id: ready.id }.run(&mut w, &mut rng);
    assert!(done(&w)[4]);
    SignIn { device: SHARED_BROWSER.into(), email: PAT.into(), password: password_of(PAT).into() }
        .run(&mut w, &mut rng)
        .unwrap();
    assert_eq!(done(&w), [true; 6], "signed in on the shared browser counts too");
}

#[test]
fn it_takes_control_ticks_when_the_console_does_it() {
    let l = lesson("it-takes-control").unwrap();
    let (mut w, mut rng, since) = begin(l, 21);
    for s in &l.steps[..4] {
        show_me(s, &mut w, &mut rng, since);
    }
    // The console instead of the admin center.
    let connect =
        ConsoleSignIn { cmdlet: "Connect-MsolService".into(), email: PAT.into(), password: password_of(PAT).into() };
    connect.run(&mut w, &mut rng).unwrap();
    let line = "Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -AllowAdHocSubscriptions $true";
    let (result, _) = RunConsoleLine { console: Default::default(), line: line.into() }.run(&mut w, &mut rng);
    assert!(!result.text.contains("Set-MsolCompanySettings :"), "the cmdlet ran: {}", result.text);
    assert!(l.steps[4].done(&w, since), "Set-MsolCompanySettings ticks “Stop new accounts”");
    assert!(!l.steps[5].done(&w, since));
    SetDirSync { actor: email(PAT), on: true }.run(&mut w, &mut rng).unwrap();
    assert!(l.steps[5].done(&w, since));
    // Blocking instead of deleting counts too; blocking oneself can't happen.
    SetBlockCredential { actor: email(PAT), upn: ROSA.into(), blocked: true }.run(&mut w, &mut rng).unwrap();
    assert!(l.steps[6].done(&w, since));
}

#[test]
fn settings_that_change_nothing_for_sign_up_dont_tick_stop_new_accounts() {
    let l = lesson("it-takes-control").unwrap();
    let (mut w, mut rng, since) = begin(l, 22);
    for s in &l.steps[..4] {
        show_me(s, &mut w, &mut rng, since);
    }
    let r = SetCompanySettings {
        actor: email(PAT),
        ad_hoc: Some(true),
        email_verified: Some(true),
        via: SettingsVia::AdminCenter,
    }
    .run(&mut w, &mut rng);
    assert!(r.is_ok());
    assert!(!l.steps[4].done(&w, since), "both still true: sign-up isn't prevented");
    SetCompanySettings {
        actor: email(PAT),
        ad_hoc: Some(false),
        email_verified: Some(true),
        via: SettingsVia::AdminCenter,
    }
    .run(&mut w, &mut rng)
    .unwrap();
    assert!(l.steps[4].done(&w, since), "AllowAdHocSubscriptions false prevents it too (the seed's first way)");
}

#[test]
fn the_technical_overview_counts_any_address_of_the_organization() {
    let l = lesson("behind-the-scenes").unwrap();
    let (mut w, mut rng, since) = begin(l, 23);
    let sign_up = |w: &mut World, rng: &mut SeededRandom, who: &str| {
        StartSignup { device: SHARED_BROWSER.into(), input: who.into() }.run(w, rng).unwrap();
        let token = w.signups.pending[&email(who)].clone();
        CompleteSignup { token, details: details_of(who) }.run(w, rng).unwrap();
    };
    sign_up(&mut w, &mut rng, "someone@fabrikam.com");
    assert!(l.steps[0].done(&w, since), "a new tenant for fabrikam.com, whoever made it");
    assert!(!l.steps[2].done(&w, since), "the first sign-up isn't the second");
    sign_up(&mut w, &mut rng, ROSA);
    assert!(l.steps[2].done(&w, since));
    assert!(!l.steps[3].done(&w, since));
    sign_up(&mut w, &mut rng, T_LEE);
    assert!(l.steps[3].done(&w, since));
    // Another organization's sign-up doesn't count for Fabrikam's steps.
    let (mut w, mut rng, since) = begin(l, 24);
    sign_up(&mut w, &mut rng, D_SMITH);
    assert!(l.steps.iter().all(|s| !s.done(&w, since)));
}

#[test]
fn the_protect_lesson_needs_the_boxes_it_names() {
    let l = lesson("protect-share-track").unwrap();
    let (mut w, mut rng, since) = begin(l, 25);
    show_me(&l.steps[0], &mut w, &mut rng, since);
    let request = ProtectRequest {
        file_name: "Sample.txt".into(),
        data: b"notes".to_vec(),
        users: PAT.into(),
        policy: sharing::PolicyChoice::Custom(sharing::Permission::Viewer),
        expires_on: String::new(),
        notify: false,
        instant_revoke: false,
    };
    Protect { actor: email(JANET), request: request.clone(), delivery: sharing::Delivery::Share }
        .run(&mut w, &mut rng)
        .unwrap();
    assert!(!l.steps[1].done(&w, since), "without “Email me…” and instant revoke the later steps can't happen");
    let tracked = ProtectRequest { notify: true, instant_revoke: true, ..request };
    Protect { actor: email(JANET), request: tracked, delivery: sharing::Delivery::Share }
        .run(&mut w, &mut rng)
        .unwrap();
    assert!(l.steps[1].done(&w, since));
    // With two files of Janet's, Show me revokes the one shared for instant
    // revoke, and Pat is refused that one.
    for s in &l.steps[2..] {
        show_me(s, &mut w, &mut rng, since);
    }
    assert!(l.steps.iter().all(|s| s.done(&w, since)));
}

// ───────────────────── what happened before, and undo ─────────────────────

#[test]
fn a_step_ticks_on_what_happened_since_the_lesson_began() {
    let l = lesson("sign-up").unwrap();
    let (mut w, mut rng, since) = begin(l, 30);
    let before = w.clone();
    for s in l.steps {
        show_me(s, &mut w, &mut rng, since);
    }
    // The same lesson begun again now: what happened before doesn't count,
    // except the state a step asks for (she is still signed in).
    let again = w.log.last_seq();
    let done: Vec<bool> = l.steps.iter().map(|s| s.done(&w, again)).collect();
    assert_eq!(done, [false, false, false, false, false, true]);
    // An earlier world (what Undo restores) has none of it.
    assert!(l.steps.iter().all(|s| !s.done(&before, since)));
}

// ───────────────────────────── progress ─────────────────────────────

#[test]
fn progress_is_kept_as_plain_json_and_a_bad_value_is_refused_whole() {
    let mut p = Progress::default();
    p.start("it-takes-control", 42);
    p.next();
    p.next();
    p.start_challenge("dir-sync", 40);
    let json = p.to_json();
    assert!(json.contains("\"lesson\":\"it-takes-control\"") && json.contains("\"step\":2") && json.contains("42"));
    assert_eq!(Progress::parse(&json), Ok(p.clone()));
    assert_eq!(Progress::parse("{}"), Ok(Progress::default()));
    assert!(matches!(Progress::parse("not json"), Err(ProgressError::NotJson(_))));
    assert!(matches!(Progress::parse("[1,2]"), Err(ProgressError::NotJson(_))));
    let unknown = r#"{"running":{"lesson":"nope","step":0,"since":1}}"#;
    assert_eq!(Progress::parse(unknown), Err(ProgressError::UnknownLesson("nope".into())));
    let past = r#"{"running":{"lesson":"sign-up","step":6,"since":1}}"#;
    let e = Progress::parse(past).unwrap_err();
    assert!(matches!(e, ProgressError::NoSuchStep { step: 6, .. }));
    assert!(e.to_string().contains("step 7"), "{e}");
    assert!(Progress::parse(r#"{"finished":["sign-up","gone"]}"#).is_err());
    assert!(Progress::parse(r#"{"challenge":{"challenge":"gone","since":0}}"#).is_err());
    // Next and Back stay inside the lesson.
    let mut p = Progress::default();
    p.start("sign-up", 0);
    p.back();
    assert_eq!(p.running.as_ref().unwrap().step, 0);
    for _ in 0..20 {
        p.next();
    }
    assert_eq!(p.running.as_ref().unwrap().step, 5);
    p.stop();
    assert!(p.lesson().is_none());
}

// ───────────────────────────── challenges ─────────────────────────────

/// A challenge's scenario, and where a lesson run for its task begins.
fn challenge_world(id: &str, seed: u64) -> (World, SeededRandom, &'static rms_sim::sim::lessons::Challenge, u64) {
    let c = challenge(id).unwrap();
    let (w, rng) = load(c.preset, seed);
    let since = w.log.last_seq();
    (w, rng, c, since)
}

/// Runs some steps of a lesson with Show me (a trainer doing the task); the
/// lesson's checks begin at `since`.
fn through(id: &str, steps: &[usize], w: &mut World, rng: &mut SeededRandom, since: u64) {
    let l = lesson(id).unwrap();
    for &i in steps {
        show_me(&l.steps[i], w, rng, since);
    }
}

fn ticks(c: &rms_sim::sim::lessons::Challenge, w: &World) -> Vec<bool> {
    c.checklist(w).into_iter().map(|(_, d)| d).collect()
}

#[test]
fn there_are_at_least_six_challenges_each_unmet_at_its_start() {
    assert!(CHALLENGES.len() >= 6);
    for (n, c) in CHALLENGES.iter().enumerate() {
        let (w, _) = load(c.preset, 50 + n as u64);
        assert!(c.items.len() >= 2, "{}: a checklist", c.id);
        assert!(!c.met(&w), "{}: not met before anything is done", c.id);
        assert!(!ticks(c, &w)[0], "{}: its first item isn't done at the start", c.id);
    }
}

#[test]
fn taking_fabrikam_over_in_place_ticks_its_checklist() {
    let (mut w, mut rng, c, since) = challenge_world("take-over-in-place", 60);
    through("it-takes-control", &[0, 1, 2], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [false, false, true], "the users are where sign-up put them; not managed yet");
    through("it-takes-control", &[3], &mut w, &mut rng, since);
    assert!(c.met(&w));
}

#[test]
fn an_external_takeover_is_not_a_takeover_in_place() {
    let (mut w, mut rng, into_contoso, _) = challenge_world("take-over-into-contoso", 61);
    let in_place = challenge("take-over-in-place").unwrap();
    SignIn { device: JANET.into(), email: JANET.into(), password: CONTOSO_ADMIN.password.into() }
        .run(&mut w, &mut rng)
        .unwrap();
    let added = AddDomain { actor: email(JANET), domain: "fabrikam.com".into() }.run(&mut w, &mut rng).unwrap();
    assert_eq!(ticks(into_contoso, &w), [false, false, false]);
    AddDnsRecord { domain: "fabrikam.com".into(), kind: RecordType::Txt, value: added.challenge.txt.clone() }
        .run(&mut w, &mut rng)
        .unwrap();
    SkipToDnsVisibility {}.run(&mut w, &mut rng).unwrap();
    ConfirmDomain { actor: email(JANET), domain: "fabrikam.com".into(), force: ForceTakeover::Force }
        .run(&mut w, &mut rng)
        .unwrap();
    assert!(into_contoso.met(&w), "{:?}", into_contoso.checklist(&w));
    assert_eq!(ticks(in_place, &w), [true, false, false], "managed by Contoso's admin, and the users moved");
}

#[test]
fn stopping_new_accounts_keeps_sign_up_for_those_who_have_one() {
    let (mut w, mut rng, c, since) = challenge_world("no-new-accounts", 62);
    through("it-takes-control", &[0, 1, 2, 3], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [true, false, false, true]);
    let pat = email(PAT);
    // Turning all self-service sign-up off is not this task.
    SetCompanySettings {
        actor: pat.clone(),
        ad_hoc: Some(false),
        email_verified: Some(false),
        via: SettingsVia::SetMsolCompanySettings,
    }
    .run(&mut w, &mut rng)
    .unwrap();
    assert_eq!(ticks(c, &w), [true, true, false, true]);
    SetCompanySettings {
        actor: pat,
        ad_hoc: Some(true),
        email_verified: Some(false),
        via: SettingsVia::SetMsolCompanySettings,
    }
    .run(&mut w, &mut rng)
    .unwrap();
    assert!(c.met(&w));
    // And it is what the checklist says: a new address can't sign up any more.
    assert!(StartSignup { device: T_LEE.into(), input: T_LEE.into() }.run(&mut w, &mut rng).is_err());
    // Blocking Rosa unticks the last item.
    SetBlockCredential { actor: email(PAT), upn: ROSA.into(), blocked: true }.run(&mut w, &mut rng).unwrap();
    assert!(!c.met(&w));
}

#[test]
fn blocking_a_domain_ticks_its_checklist_and_switching_the_check_off_unticks_it() {
    let (mut w, mut rng, c, _) = challenge_world("block-a-domain", 63);
    assert_eq!(ticks(c, &w), [false, true, false]);
    AddBlockedDomain { input: "TailspinToys.com".into() }.run(&mut w, &mut rng).unwrap();
    assert!(c.met(&w));
    SetDomainList { list: DomainList::BlockedDomains, on: false }.run(&mut w, &mut rng);
    assert_eq!(ticks(c, &w), [true, false, true]);
}

#[test]
fn synchronizing_fabrikam_ticks_its_checklist() {
    let (mut w, mut rng, c, since) = challenge_world("dir-sync", 64);
    through("it-takes-control", &[0, 1, 2, 3], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [true, false, false]);
    through("it-takes-control", &[5, 6], &mut w, &mut rng, since);
    assert!(c.met(&w));
}

#[test]
fn converting_litware_ticks_its_checklist() {
    let (mut w, mut rng, c, since) = challenge_world("litware-paid", 65);
    through("convert-to-paid", &[0], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [true, false, false, true]);
    through("convert-to-paid", &[2, 3], &mut w, &mut rng, since);
    assert!(c.met(&w), "{:?}", c.checklist(&w));
    // Deleting the account that signed up unticks what it kept.
    RemoveUser { actor: email(LEE), upn: D_SMITH.into() }.run(&mut w, &mut rng).unwrap();
    assert_eq!(ticks(c, &w), [false, true, false, true]);
}

#[test]
fn revoking_after_reading_ticks_its_checklist() {
    let (mut w, mut rng, c, since) = challenge_world("revoke-after-reading", 66);
    through("protect-share-track", &[0, 1], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [true, false, false]);
    through("protect-share-track", &[2, 3], &mut w, &mut rng, since);
    assert_eq!(ticks(c, &w), [true, true, false]);
    through("protect-share-track", &[5], &mut w, &mut rng, since);
    assert!(c.met(&w));
}
