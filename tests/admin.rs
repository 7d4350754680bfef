//! Native tests of "IT takes control" (`rms_sim::sim::admin` and `dns`): the
//! simulated DNS and its propagation delay, internal and external admin
//! takeover, company settings against every sign-up case, directory sync,
//! blocking and deleting accounts, conversion to a paid subscription, the
//! software inventory, and the PowerShell console's connection.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::persist;
use rms_sim::sim::admin::dns::{DnsError, VerifyError};
use rms_sim::sim::admin::{AdminError, Confirmed, DELETION_DELAY};
use rms_sim::sim::signin::SignInError;
use rms_sim::sim::*;
use support::email;

const PAT: &str = "p.dover@fabrikam.com";
const ROSA: &str = "r.ortiz@fabrikam.com";
const FAB_PW: &str = "Fabrikam-2016!";
const JANET: &str = "janetm@contoso.com";
const JANET_PW: &str = "Contoso-2016!";
const LEE: &str = "admin@litwareinc.com";
const LEE_PW: &str = "Litware-2016!";

fn cfg() -> Config {
    Config { pbkdf2_iterations: 2, ..Config::default() }
}

fn load(preset: Preset, seed: u64) -> (World, SeededRandom) {
    let mut rng = SeededRandom::new(seed);
    let w = World::load(preset, cfg(), &mut rng);
    (w, rng)
}

fn tenant<'a>(w: &'a World, domain: &str) -> &'a Tenant {
    w.tenant_of_domain(domain).unwrap_or_else(|| panic!("no tenant for {domain}"))
}

fn sign_up(w: &mut World, rng: &mut SeededRandom, address: &str, country: &str) -> Result<Completed, String> {
    w.start_signup(SHARED_BROWSER, address, rng).map_err(|e| e.to_string())?;
    let token = w.signups.pending[&email(address)].clone();
    let d = AccountDetails {
        first_name: "Test".into(),
        last_name: "Person".into(),
        password: "Signup-2016!".into(),
        confirm_password: "Signup-2016!".into(),
        country: country.into(),
    };
    w.complete_signup(&token, &d, rng).map_err(|e| e.to_string())
}

fn wait(w: &mut World, minutes: u32) {
    w.advance_clock(&minutes.to_string(), TimeUnit::Minutes).unwrap();
}

fn publish(w: &mut World, rng: &mut SeededRandom, domain: &str, txt: &str) {
    w.add_dns_record(domain, RecordType::Txt, txt, rng).unwrap();
}

fn adhoc_consumed(w: &World, domain: &str) -> u32 {
    tenant(w, domain).consumed_units(Sku::RightsManagementAdhoc)
}

fn last_event(w: &World) -> EventKind {
    w.log.events.last().unwrap().kind.clone()
}

fn last_event_of(w: &World, want: impl Fn(&EventKind) -> bool) -> EventKind {
    w.log.events.iter().rev().find(|e| want(&e.kind)).expect("such an event").kind.clone()
}

// ───────────────────────────── DNS ─────────────────────────────

#[test]
fn dns_records_become_visible_15_to_60_minutes_after_they_are_added() {
    let (mut w, mut rng) = load(Preset::Default, 1);
    let mut delays = std::collections::BTreeSet::new();
    for i in 0..200 {
        let id =
            w.add_dns_record(&format!("d{i}.tailspintoys.com"), RecordType::Txt, "MS=ms12345678", &mut rng).unwrap();
        let r = w.dns.records.iter().find(|r| r.id == id).unwrap();
        let delay = r.visible_at.since(r.added);
        assert!(delay >= SimDuration::minutes(15) && delay <= SimDuration::minutes(60), "{delay:?}");
        delays.insert(delay.0);
    }
    assert!(delays.len() > 10, "the delay varies: {delays:?}");
    assert!(delays.contains(&SimDuration::minutes(15).0) || delays.iter().any(|d| *d < SimDuration::minutes(20).0));
    // Visible only once propagated.
    let id = w.add_dns_record("Fabrikam.COM.", RecordType::Mx, "MS12345678.msv1.invalid.", &mut rng).unwrap();
    let rec = w.dns.records.iter().find(|r| r.id == id).unwrap().clone();
    assert_eq!((rec.domain.as_str(), rec.value.as_str()), ("fabrikam.com", "ms12345678.msv1.invalid"), "normalized");
    assert!(w.resolve("fabrikam.com", RecordType::Mx).is_empty());
    wait(&mut w, 60);
    assert_eq!(w.resolve("fabrikam.com", RecordType::Mx).len(), 1);
    assert!(matches!(last_event(&w), EventKind::ClockAdvanced { .. }));
    w.remove_dns_record(id).unwrap();
    assert!(w.resolve("fabrikam.com", RecordType::Mx).is_empty());
    assert!(matches!(last_event(&w), EventKind::DnsRecordRemoved { .. }));
    assert_eq!(w.remove_dns_record(id), Err(DnsError::NoSuchRecord));
}

#[test]
fn skip_to_moves_the_clock_to_when_the_next_record_is_visible() {
    let (mut w, mut rng) = load(Preset::Default, 3);
    assert_eq!(w.next_dns_visibility(), None);
    let n = w.log.events.len();
    assert_eq!(w.skip_to_dns_visibility(), None, "nothing pending: nothing moves");
    assert_eq!(w.log.events.len(), n);
    let start = w.clock;
    let a = w.add_dns_record("fabrikam.com", RecordType::Txt, "MS=ms11111111", &mut rng).unwrap();
    let b = w.add_dns_record("contoso.co.uk", RecordType::Txt, "MS=ms22222222", &mut rng).unwrap();
    let at = |w: &World, id| w.dns.records.iter().find(|r| r.id == id).unwrap().visible_at;
    let (first, second) = (at(&w, a).min(at(&w, b)), at(&w, a).max(at(&w, b)));
    let (domain, when) = w.next_dns_visibility().unwrap();
    assert_eq!(when, first);
    assert!(["fabrikam.com", "contoso.co.uk"].contains(&domain.as_str()));
    assert_eq!(w.skip_to_dns_visibility(), Some(first));
    assert_eq!(w.clock, first);
    assert!(w.clock > start && w.clock.since(start) <= SimDuration::minutes(60));
    assert!(matches!(last_event(&w), EventKind::ClockAdvanced { .. }));
    if second > first {
        assert_eq!(w.next_dns_visibility().map(|(_, t)| t), Some(second));
        assert_eq!(w.skip_to_dns_visibility(), Some(second));
    }
    assert_eq!(w.next_dns_visibility(), None, "both records are visible now");
    assert_eq!(w.resolve("fabrikam.com", RecordType::Txt).len(), 1);
}

#[test]
fn bad_dns_records_are_refused_with_their_reason() {
    let (mut w, mut rng) = load(Preset::Default, 2);
    match w.add_dns_record("not a domain.com", RecordType::Txt, "x", &mut rng) {
        Err(e @ DnsError::Domain(_)) => {
            assert_eq!(e.to_string(), "The domain name can't contain spaces: type it like fabrikam.com.")
        }
        other => panic!("{other:?}"),
    }
    match w.add_dns_record("MS=ms1", RecordType::Mx, "MS=ms12345678", &mut rng) {
        Err(e) => assert!(e.to_string().starts_with("The domain name can't contain “=”"), "{e}"),
        other => panic!("{other:?}"),
    }
    match w.add_dns_record("fabrikam.com", RecordType::Mx, "MS=ms12345678", &mut rng) {
        Err(e) => assert!(e.to_string().contains("“MS=ms12345678” isn't one"), "the value as typed: {e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(w.add_dns_record("fabrikam.com", RecordType::Txt, "  \"\" ", &mut rng), Err(DnsError::EmptyValue));
    assert_eq!(
        w.add_dns_record("fabrikam.com", RecordType::Txt, &"x".repeat(256), &mut rng),
        Err(DnsError::ValueTooLong)
    );
    assert!(matches!(
        w.add_dns_record("fabrikam.com", RecordType::Mx, "not a host!", &mut rng),
        Err(DnsError::BadMailServer(_))
    ));
    w.add_dns_record("fabrikam.com", RecordType::Txt, "\"MS=ms1\"", &mut rng).unwrap();
    assert_eq!(w.dns.records[0].value, "MS=ms1", "quotes around a TXT value are dropped");
    assert_eq!(w.add_dns_record("fabrikam.com", RecordType::Txt, "MS=ms1", &mut rng), Err(DnsError::Duplicate));
    for e in [
        DnsError::EmptyValue,
        DnsError::ValueTooLong,
        DnsError::Duplicate,
        DnsError::NoSuchRecord,
        DnsError::BadMailServer("x".into()),
    ] {
        assert!(e.to_string().len() > 20);
    }
}

#[test]
fn verification_says_exactly_what_it_found() {
    let (mut w, mut rng) = load(Preset::Default, 3);
    assert_eq!(
        w.check_verification_record("fabrikam.com", "MS=ms11111111"),
        Err(VerifyError::NoRecord { domain: "fabrikam.com".into(), expected: "MS=ms11111111".into() })
    );
    publish(&mut w, &mut rng, "fabrikam.com", "MS=ms22222222");
    // A wrong record that hasn't propagated yet: nothing visible, and it says
    // that the pending record has the wrong value too.
    match w.check_verification_record("fabrikam.com", "MS=ms11111111") {
        Err(e @ VerifyError::PendingWrongValue { .. }) => {
            assert!(e.to_string().contains("TXT MS=ms22222222") && e.to_string().contains("no visible record"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    wait(&mut w, 60);
    match w.check_verification_record("fabrikam.com", "MS=ms11111111") {
        Err(e @ VerifyError::WrongValue { .. }) => {
            assert!(e.to_string().contains("TXT MS=ms22222222"), "{e}");
            assert!(e.to_string().contains("MS=ms11111111"));
        }
        other => panic!("{other:?}"),
    }
    publish(&mut w, &mut rng, "fabrikam.com", "MS=ms11111111");
    match w.check_verification_record("fabrikam.com", "MS=ms11111111") {
        Err(e @ VerifyError::NotYetPropagated { .. }) => assert!(e.to_string().contains("15 to 60 minutes"), "{e}"),
        other => panic!("{other:?}"),
    }
    wait(&mut w, 60);
    assert_eq!(w.check_verification_record("fabrikam.com", "MS=ms11111111"), Ok(()));
    // The MX form proves ownership as well.
    w.add_dns_record("tailspintoys.com", RecordType::Mx, "ms11111111.msv1.invalid", &mut rng).unwrap();
    wait(&mut w, 60);
    assert_eq!(w.check_verification_record("tailspintoys.com", "MS=ms11111111"), Ok(()));
}

// ───────────────────────── internal takeover ─────────────────────────

#[test]
fn internal_takeover_makes_the_member_global_admin_and_moves_nothing() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 4);
    let before = tenant(&w, "fabrikam.com").clone();
    assert_eq!(before.kind, TenantKind::Unmanaged);
    let pat = email(PAT);
    // Standard users of an unmanaged tenant can't administer it.
    assert!(matches!(
        w.set_company_settings(&pat, Some(false), None, SettingsVia::AdminCenter),
        Err(AdminError::NotAnAdmin { unmanaged: true, .. })
    ));
    assert!(
        matches!(w.become_admin_confirm(&pat), Err(AdminError::Verify(VerifyError::NoRecord { .. }))),
        "nothing started yet"
    );

    let c = w.become_admin_start(&pat, &mut rng).unwrap();
    assert_eq!(c.domain, "fabrikam.com");
    assert!(
        c.txt.starts_with("MS=ms") && c.txt.len() == 13 && c.txt[5..].chars().all(|d| d.is_ascii_digit()),
        "{}",
        c.txt
    );
    assert_eq!(c.mx, format!("{}.msv1.invalid", &c.txt[3..]));
    assert!(matches!(last_event(&w), EventKind::BecomeAdminStarted { .. }));
    assert_eq!(w.become_admin_start(&pat, &mut rng).unwrap(), c, "asking again gives the same value");
    assert_eq!(w.become_admin_start(&email(ROSA), &mut rng).unwrap().txt, c.txt, "one value per domain");

    assert!(matches!(w.become_admin_confirm(&pat), Err(AdminError::Verify(VerifyError::NoRecord { .. }))));
    assert!(matches!(last_event(&w), EventKind::DomainVerificationFailed { .. }));
    publish(&mut w, &mut rng, "fabrikam.com", &c.txt);
    assert!(matches!(w.become_admin_confirm(&pat), Err(AdminError::Verify(VerifyError::NotYetPropagated { .. }))));
    assert_eq!(tenant(&w, "fabrikam.com").kind, TenantKind::Unmanaged, "a failed check changes nothing");
    wait(&mut w, 60);
    w.become_admin_confirm(&pat).unwrap();

    let after = tenant(&w, "fabrikam.com");
    assert_eq!(after.kind, TenantKind::Managed);
    assert_eq!(after.global_admins().iter().map(|u| u.upn.as_str()).collect::<Vec<_>>(), vec![PAT]);
    assert_eq!(w.directory.domains["fabrikam.com"].status, DomainStatus::Verified);
    assert_eq!(after.id, before.id, "the same directory");
    assert_eq!(after.users.len(), before.users.len(), "no users moved");
    assert_eq!(after.subscriptions, before.subscriptions, "no plans moved");
    assert_eq!((&after.keys, &after.templates), (&before.keys, &before.templates));
    assert!(matches!(last_event(&w), EventKind::InternalTakeover { .. }));
    // Now Pat administers it; a second attempt is refused.
    assert!(w.set_company_settings(&pat, Some(false), None, SettingsVia::AdminCenter).is_ok());
    assert!(matches!(w.become_admin_start(&email(ROSA), &mut rng), Err(AdminError::AlreadyManaged { .. })));
    assert!(matches!(w.become_admin_confirm(&email(ROSA)), Err(AdminError::AlreadyManaged { .. })));
}

#[test]
fn become_the_admin_needs_an_enabled_member() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 5);
    assert!(matches!(w.become_admin_start(&email("nobody@fabrikam.com"), &mut rng), Err(AdminError::NoAccount { .. })));
    assert!(matches!(w.become_admin_start(&email(JANET), &mut rng), Err(AdminError::AlreadyManaged { .. })));
    let id = tenant(&w, "fabrikam.com").id.clone();
    w.directory.tenants.get_mut(&id).unwrap().users.get_mut(&email(ROSA)).unwrap().status =
        AccountStatus::SignInBlocked;
    assert!(matches!(w.become_admin_start(&email(ROSA), &mut rng), Err(AdminError::Blocked { .. })));
}

// ───────────────────────── external takeover ─────────────────────────

/// Janet (Contoso, North America) merges fabrikam.com into Contoso.
fn external_takeover(preset_seed: u64, admin: &str) -> (World, SeededRandom, Result<Confirmed, AdminError>) {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, preset_seed);
    let a = email(admin);
    let added = w.add_domain(&a, "Fabrikam.com", &mut rng).unwrap();
    assert_eq!(added.held_by.as_deref(), Some("fabrikam.com"));
    assert!(matches!(last_event(&w), EventKind::DomainAdded { held_by: Some(_), .. }));
    let t = tenant(&w, admin.split('@').nth(1).unwrap());
    assert!(t.claims.contains_key("fabrikam.com"), "listed as Unverified");
    assert_eq!(w.verification_record(&a, "fabrikam.com").unwrap(), added.challenge);
    // Without ForceTakeover the unmanaged tenant keeps it.
    assert!(matches!(
        w.confirm_domain(&a, "fabrikam.com", ForceTakeover::Off, &mut rng),
        Err(AdminError::NeedsForce { .. })
    ));
    assert!(matches!(
        w.confirm_domain(&a, "fabrikam.com", ForceTakeover::Force, &mut rng),
        Err(AdminError::Verify(VerifyError::NoRecord { .. }))
    ));
    publish(&mut w, &mut rng, "fabrikam.com", &added.challenge.txt);
    wait(&mut w, 60);
    let r = w.confirm_domain(&a, "fabrikam.com", ForceTakeover::Force, &mut rng);
    (w, rng, r)
}

#[test]
fn confirm_msol_email_verified_domain_takes_over_without_forcing_so_nothing_is_deleted() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 61);
    let a = email(JANET);
    let fab = tenant(&w, "fabrikam.com").id.clone();
    let added = w.add_domain(&a, "fabrikam.com", &mut rng).unwrap();
    publish(&mut w, &mut rng, "fabrikam.com", &added.challenge.txt);
    wait(&mut w, 60);
    let r = w.confirm_domain(&a, "fabrikam.com", ForceTakeover::EmailVerified, &mut rng);
    let Ok(Confirmed::TookOver(t)) = r else { panic!("{r:?}") };
    assert_eq!(t.users.len(), 2, "the users moved as with -ForceTakeover");
    assert_eq!(t.deletion_at, None, "the 10-day deletion belongs to -ForceTakeover only");
    assert_eq!(w.directory.tenants[&fab].deletion_at, None);
    let text = last_event_of(&w, |k| matches!(k, EventKind::ExternalTakeover { .. })).explain().text;
    assert!(text.contains("wasn't forced") && !text.contains("10 days"), "{text}");
    w.advance_clock("30", TimeUnit::Days).unwrap();
    assert!(w.directory.tenants.contains_key(&fab), "the emptied directory stays");
    assert!(w.directory.tenants[&fab].users.is_empty());
}

#[test]
fn external_takeover_in_the_same_region_moves_users_licenses_key_and_templates() {
    let (before, _) = load(Preset::FabrikamSignedUp, 6);
    let fab_before = tenant(&before, "fabrikam.com").clone();
    let (mut w, mut rng, r) = external_takeover(6, JANET);
    let Ok(Confirmed::TookOver(t)) = r else { panic!("{r:?}") };
    assert!(t.same_region);
    assert_eq!(t.users.len(), 2);
    assert_eq!(t.deletion_at, Some(before.clock.plus(SimDuration::minutes(60)).plus(DELETION_DELAY)));
    let contoso = tenant(&w, "fabrikam.com");
    assert_eq!(contoso.display_name, "Contoso, Ltd");
    assert_eq!(w.directory.domains["fabrikam.com"].status, DomainStatus::Verified);
    assert!(contoso.claims.is_empty());
    for upn in [PAT, ROSA] {
        let u = &contoso.users[&email(upn)];
        assert_eq!((u.role, u.creation_method), (Role::User, CreationMethod::EmailVerified));
        assert_eq!(u.licenses, vec![Sku::RightsManagementAdhoc], "license assignments moved");
        assert_eq!(u.password, fab_before.users[&email(upn)].password);
    }
    assert_eq!(contoso.consumed_units(Sku::RightsManagementAdhoc), 2);
    assert!(contoso.subscription(Sku::RightsManagementAdhoc).is_some(), "the subscription moved");
    assert!(contoso.subscription(Sku::EnterprisePack).is_some());
    assert!(contoso.keys.iter().any(|k| k.id == fab_before.keys[0].id), "the RMS key moved");
    assert!(contoso.templates.iter().any(|x| x.name == "fabrikam.com - Confidential"), "the default templates moved");
    assert!(w.directory.retired_keys.is_empty());
    // The emptied unmanaged tenant waits 10 days, then goes.
    let old = &w.directory.tenants[&fab_before.id];
    assert!(old.users.is_empty() && old.subscriptions.is_empty() && old.keys.is_empty());
    assert_eq!(old.deletion_at, t.deletion_at);
    assert!(w.directory.tenant_domains(&fab_before.id).is_empty());
    w.advance_clock("9", TimeUnit::Days).unwrap();
    assert!(w.directory.tenants.contains_key(&fab_before.id), "still there after 9 days");
    w.advance_clock("1", TimeUnit::Days).unwrap();
    assert!(!w.directory.tenants.contains_key(&fab_before.id), "deleted after 10 days");
    assert!(
        w.log
            .events
            .iter()
            .any(|e| matches!(&e.kind, EventKind::TenantDeleted { tenant, .. } if tenant == "fabrikam.com"))
    );
    // The moved users still sign in, now into Contoso; new Fabrikam sign-ups
    // meet Contoso's paid subscription.
    w.sign_in(SHARED_BROWSER, PAT, FAB_PW).unwrap();
    assert_eq!(w.session_on(SHARED_BROWSER).unwrap().tenant, tenant(&w, "contoso.com").id);
    assert!(matches!(
        w.start_signup(SHARED_BROWSER, "new@fabrikam.com", &mut rng),
        Err(SignupRefusal::NotFoundInPaidOrganization { .. })
    ));
    assert!(matches!(w.start_signup(SHARED_BROWSER, ROSA, &mut rng), Ok(StartOutcome::PaidSubscription { .. })));
    // And it all survives a save and load.
    assert_eq!(persist::decode(&persist::encode(&w)).unwrap(), w);
}

#[test]
fn external_takeover_across_regions_leaves_the_key_behind() {
    // Litware's admin is in the United Kingdom: its tenant is in Europe.
    let (w0, _) = load(Preset::FabrikamSignedUp, 7);
    assert_eq!(tenant(&w0, "litwareinc.com").region, Region::Europe);
    assert_eq!(tenant(&w0, "fabrikam.com").region, Region::NorthAmerica);
    let fab_key = tenant(&w0, "fabrikam.com").keys[0].id.clone();
    let (w, _, r) = external_takeover(7, LEE);
    let Ok(Confirmed::TookOver(t)) = r else { panic!("{r:?}") };
    assert!(!t.same_region);
    assert_eq!((t.from_region, t.to_region), (Region::NorthAmerica, Region::Europe));
    let litware = tenant(&w, "fabrikam.com");
    assert_eq!(litware.display_name, "Litware, Inc.");
    assert_eq!(litware.users.len(), 3, "the users moved anyway");
    assert!(litware.keys.iter().all(|k| k.id != fab_key), "the key did not move");
    assert!(litware.templates.iter().all(|x| !x.name.starts_with("fabrikam.com")), "nor the templates");
    assert_eq!(w.directory.retired_keys.len(), 1);
    assert_eq!(w.directory.retired_keys[0].key.id, fab_key);
    assert!(w.directory.retired_keys[0].reason.to_string().contains("across regions"));
    let n = w.log.events.len();
    match &w.log.events[n - 2].kind {
        e @ EventKind::ExternalTakeover { same_region: false, .. } => {
            assert!(e.explain().text.contains("can no longer be opened"))
        }
        other => panic!("{other:?}"),
    }
    // Litware had no Azure RMS: with the subscription it gets its own key and templates.
    assert!(matches!(last_event(&w), EventKind::DefaultTemplatesCreated { .. }));
    assert_eq!(litware.keys.len(), 1);
    assert_eq!(
        litware.templates.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["Litware, Inc. - Confidential", "Litware, Inc. - Confidential View Only"]
    );
}

#[test]
fn adding_domains_is_checked() {
    let (mut w, mut rng) = load(Preset::Default, 8);
    let janet = email(JANET);
    assert!(matches!(w.add_domain(&janet, "contoso.com", &mut rng), Err(AdminError::AlreadyAdded { .. })));
    assert!(matches!(w.add_domain(&janet, "litwareinc.com", &mut rng), Err(AdminError::HeldByManaged { .. })));
    assert!(matches!(w.add_domain(&janet, "not a domain", &mut rng), Err(AdminError::InvalidDomain(_))));
    assert!(matches!(
        w.confirm_domain(&janet, "contoso.co.uk", ForceTakeover::Off, &mut rng),
        Err(AdminError::NotAdded { .. })
    ));
    assert!(matches!(w.verification_record(&janet, "contoso.co.uk"), Err(AdminError::NotAdded { .. })));
    assert!(matches!(w.verification_record(&janet, "contoso.com"), Err(AdminError::AlreadyAdded { .. })));
    // A free domain: verified into Contoso, then sign-ups there meet Contoso's paid subscription.
    let added = w.add_domain(&janet, "contoso.co.uk", &mut rng).unwrap();
    assert_eq!(added.held_by, None);
    assert!(matches!(w.add_domain(&janet, "contoso.co.uk", &mut rng), Err(AdminError::AlreadyAdded { .. })));
    publish(&mut w, &mut rng, "contoso.co.uk", &added.challenge.txt);
    wait(&mut w, 60);
    assert_eq!(
        w.confirm_domain(&janet, "contoso.co.uk", ForceTakeover::Off, &mut rng),
        Ok(Confirmed::Verified { domain: "contoso.co.uk".into() })
    );
    assert_eq!(w.directory.domains["contoso.co.uk"].status, DomainStatus::Verified);
    assert!(matches!(
        w.start_signup(SHARED_BROWSER, "someone@contoso.co.uk", &mut rng),
        Err(SignupRefusal::NotFoundInPaidOrganization { .. })
    ));
    // Standard users and unknown accounts can't add domains.
    let (mut f, mut frng) = load(Preset::FabrikamSignedUp, 8);
    assert!(matches!(
        f.add_domain(&email(PAT), "x.com", &mut frng),
        Err(AdminError::NotAnAdmin { unmanaged: true, .. })
    ));
    assert!(matches!(f.add_domain(&email("ghost@contoso.com"), "x.com", &mut frng), Err(AdminError::NoAccount { .. })));
    // And a managed tenant's standard user is told so.
    sign_up(&mut f, &mut frng, "user@litwareinc.com", "GB").unwrap();
    match f.add_domain(&email("user@litwareinc.com"), "x.com", &mut frng) {
        Err(e @ AdminError::NotAnAdmin { unmanaged: false, .. }) => {
            assert!(e.to_string().contains("isn't a global administrator"))
        }
        other => panic!("{other:?}"),
    }
}

// ─────────────── company settings against every sign-up case ───────────────

#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    NewAccount,
    ExistingWithoutLicense,
    AlreadyLicensed,
}

/// Litware (managed, Exchange only) with the given settings; returns what
/// "Get started" does for each case.
fn signup_under(ad_hoc: bool, email_verified: bool, dir_sync: bool, case: Case) -> Result<StartOutcome, SignupRefusal> {
    let (mut w, mut rng) = load(Preset::Default, 9);
    let lee = email(LEE);
    sign_up(&mut w, &mut rng, "licensed@litwareinc.com", "GB").unwrap();
    w.set_company_settings(&lee, Some(ad_hoc), Some(email_verified), SettingsVia::AdminCenter).unwrap();
    w.set_dir_sync(&lee, dir_sync).unwrap();
    let address = match case {
        Case::NewAccount => "new.person@litwareinc.com",
        Case::ExistingWithoutLicense => LEE,
        Case::AlreadyLicensed => "licensed@litwareinc.com",
    };
    w.start_signup(SHARED_BROWSER, address, &mut rng)
}

#[test]
fn every_settings_combination_against_every_signup_case() {
    use Case::*;
    for ad_hoc in [true, false] {
        for ev in [true, false] {
            for dir_sync in [false, true] {
                for case in [NewAccount, ExistingWithoutLicense, AlreadyLicensed] {
                    let r = signup_under(ad_hoc, ev, dir_sync, case);
                    let label = format!(
                        "AllowAdHocSubscriptions={ad_hoc} AllowEmailVerifiedUsers={ev} dirsync={dir_sync} {case:?}: {r:?}"
                    );
                    match (case, ad_hoc, ev, dir_sync) {
                        (AlreadyLicensed, ..) => {
                            assert!(matches!(r, Err(SignupRefusal::AlreadySignedUp { .. })), "{label}")
                        }
                        (_, false, _, _) => {
                            let e = r.expect_err(&label);
                            assert!(matches!(e, SignupRefusal::SignupTurnedOff { .. }), "{label}");
                            assert!(e.to_string().contains("Your IT department has turned off signup"), "{label}");
                        }
                        (ExistingWithoutLicense, true, _, _) => {
                            assert!(matches!(r, Ok(StartOutcome::EmailSent { .. })), "{label}")
                        }
                        (NewAccount, true, false, _) => {
                            let e = r.expect_err(&label);
                            assert!(matches!(e, SignupRefusal::NewAccountsNotAllowed { .. }), "{label}");
                            assert!(
                                e.to_string().contains("contact your admin")
                                    || e.to_string().contains("Contact your admin"),
                                "{label}"
                            );
                        }
                        (NewAccount, true, true, true) => {
                            let e = r.expect_err(&label);
                            assert!(matches!(e, SignupRefusal::DirectorySynchronized { .. }), "{label}");
                            assert!(e.to_string().contains("Contact your admin"), "{label}");
                        }
                        (NewAccount, true, true, false) => {
                            assert!(matches!(r, Ok(StartOutcome::EmailSent { .. })), "{label}")
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn settings_changed_after_the_email_are_enforced_at_create() {
    let (mut w, mut rng) = load(Preset::Default, 10);
    w.start_signup(SHARED_BROWSER, "late@litwareinc.com", &mut rng).unwrap();
    let token = w.signups.pending[&email("late@litwareinc.com")].clone();
    w.set_company_settings(&email(LEE), Some(false), None, SettingsVia::SetMsolCompanySettings).unwrap();
    let d = AccountDetails {
        first_name: "A".into(),
        last_name: "B".into(),
        password: "Signup-2016!".into(),
        confirm_password: "Signup-2016!".into(),
        country: "GB".into(),
    };
    assert!(matches!(
        w.complete_signup(&token, &d, &mut rng),
        Err(CompleteError::Refused(SignupRefusal::SignupTurnedOff { .. }))
    ));
    assert!(w.user(&email("late@litwareinc.com")).is_none());
}

#[test]
fn company_settings_changes_are_logged_once_and_only_by_admins() {
    let (mut w, _) = load(Preset::Default, 11);
    let lee = email(LEE);
    let n = w.log.events.len();
    let s = w.set_company_settings(&lee, None, Some(false), SettingsVia::AdminCenter).unwrap();
    assert!(s.allow_ad_hoc_subscriptions && !s.allow_email_verified_users);
    assert_eq!(w.log.events.len(), n + 1);
    match last_event(&w) {
        EventKind::CompanySettingsChanged { allow_ad_hoc: true, allow_email_verified: false, via, .. } => {
            assert_eq!(via, SettingsVia::AdminCenter)
        }
        other => panic!("{other:?}"),
    }
    w.set_company_settings(&lee, None, Some(false), SettingsVia::AdminCenter).unwrap();
    assert_eq!(w.log.events.len(), n + 1, "no change, no event");
    assert!(
        w.set_company_settings(&email(JANET), Some(false), None, SettingsVia::AdminCenter).is_ok(),
        "Janet administers Contoso"
    );
    assert!(tenant(&w, "litwareinc.com").settings.allow_ad_hoc_subscriptions, "…not Litware");
}

// ─────────────────────── accounts: block and delete ───────────────────────

#[test]
fn a_blocked_account_cannot_sign_in_or_sign_up_until_unblocked() {
    let (mut w, mut rng) = load(Preset::Default, 12);
    sign_up(&mut w, &mut rng, "kim@litwareinc.com", "GB").unwrap();
    let lee = email(LEE);
    w.sign_in(SHARED_BROWSER, "kim@litwareinc.com", "Signup-2016!").unwrap();
    w.set_block_credential(&lee, "kim@litwareinc.com", true).unwrap();
    assert!(w.session_on(SHARED_BROWSER).is_none(), "the blocked person's session ended");
    assert_eq!(w.sign_in(SHARED_BROWSER, "kim@litwareinc.com", "Signup-2016!"), Err(SignInError::Blocked));
    assert!(matches!(
        w.start_signup(SHARED_BROWSER, "kim@litwareinc.com", &mut rng),
        Err(SignupRefusal::AccountBlocked { .. })
    ));
    assert_eq!(
        tenant(&w, "litwareinc.com").consumed_units(Sku::RightsManagementAdhoc),
        1,
        "a blocked account keeps its license"
    );
    w.set_block_credential(&lee, "kim@litwareinc.com", false).unwrap();
    w.sign_in(SHARED_BROWSER, "kim@litwareinc.com", "Signup-2016!").unwrap();
    // Errors.
    assert_eq!(w.set_block_credential(&lee, LEE, true), Err(AdminError::OwnAccount));
    assert!(matches!(w.set_block_credential(&lee, JANET, true), Err(AdminError::NotInYourTenant { .. })));
    assert!(matches!(w.set_block_credential(&lee, "ghost@litwareinc.com", true), Err(AdminError::UserNotFound { .. })));
    assert!(matches!(w.set_block_credential(&lee, "???", true), Err(AdminError::UserNotFound { .. })));
}

#[test]
fn deleting_an_account_frees_its_license_unit() {
    let (mut w, mut rng) = load(Preset::Default, 13);
    for who in ["a@litwareinc.com", "b@litwareinc.com"] {
        sign_up(&mut w, &mut rng, who, "GB").unwrap();
    }
    assert_eq!(adhoc_consumed(&w, "litwareinc.com"), 2);
    w.remove_user(&email(LEE), "A@litwareinc.com").unwrap();
    assert_eq!(adhoc_consumed(&w, "litwareinc.com"), 1);
    assert!(w.user(&email("a@litwareinc.com")).is_none());
    match last_event(&w) {
        EventKind::UserDeleted { upn, freed } => {
            assert_eq!(upn, "a@litwareinc.com");
            assert_eq!(freed, vec!["litwareinc:RIGHTSMANAGEMENT_ADHOC".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(w.sign_in(SHARED_BROWSER, "a@litwareinc.com", "Signup-2016!"), Err(SignInError::UnknownAccount));
    assert_eq!(w.remove_user(&email(LEE), LEE), Err(AdminError::OwnAccount));
    // The person can sign up again afterwards, as a new account.
    sign_up(&mut w, &mut rng, "a@litwareinc.com", "GB").unwrap();
    assert_eq!(adhoc_consumed(&w, "litwareinc.com"), 2);
}

// ───────────────────────── conversion to paid ─────────────────────────

#[test]
fn converting_to_paid_keeps_directory_accounts_keys_and_templates() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 14);
    let pat = email(PAT);
    assert!(
        matches!(w.convert_to_paid(&pat), Err(AdminError::NotAnAdmin { .. })),
        "an unmanaged tenant has nobody to convert it"
    );
    let c = w.become_admin_start(&pat, &mut rng).unwrap();
    publish(&mut w, &mut rng, "fabrikam.com", &c.txt);
    wait(&mut w, 60);
    w.become_admin_confirm(&pat).unwrap();
    assert_eq!(w.set_super_user_feature(&pat, true), Err(AdminError::NotPaid));
    let before = tenant(&w, "fabrikam.com").clone();
    assert!(!before.paid_features());
    w.convert_to_paid(&pat).unwrap();
    let after = tenant(&w, "fabrikam.com");
    assert_eq!(after.id, before.id);
    assert_eq!(after.users.keys().collect::<Vec<_>>(), before.users.keys().collect::<Vec<_>>());
    assert_eq!((&after.keys, &after.templates), (&before.keys, &before.templates), "protected content keeps working");
    let paid = after.subscription(Sku::RightsManagement).expect("a paid Azure RMS subscription");
    assert_eq!(paid.active_units, 25);
    assert!(after.users.values().all(|u| u.licenses.contains(&Sku::RightsManagement)));
    assert!(after.has_paid_azure_rms() && after.paid_features() && after.converted.is_some());
    assert_eq!(
        after.rms,
        RmsAdmin {
            super_user_feature: false,
            super_users: vec![],
            usage_logging: true,
            byok: false,
            use_license_days: 30,
            admin_log: vec![]
        },
        "the documented defaults"
    );
    assert_eq!(w.convert_to_paid(&pat), Err(AdminError::AlreadyPaid));
    // Paid features.
    w.set_super_user_feature(&pat, true).unwrap();
    assert_eq!(w.set_super_user_feature(&pat, true), Err(AdminError::Unchanged));
    w.set_usage_logging(&pat, false).unwrap();
    assert!(tenant(&w, "fabrikam.com").rms.super_user_feature && !tenant(&w, "fabrikam.com").rms.usage_logging);
    // New people now meet the paid branch; existing ones are signed in.
    assert!(matches!(
        w.start_signup(SHARED_BROWSER, "new@fabrikam.com", &mut rng),
        Err(SignupRefusal::NotFoundInPaidOrganization { .. })
    ));
    assert!(matches!(w.start_signup(SHARED_BROWSER, ROSA, &mut rng), Ok(StartOutcome::PaidSubscription { .. })));
    // Litware has no RMS for individuals to convert.
    let (mut l, _) = load(Preset::Default, 14);
    assert_eq!(l.convert_to_paid(&email(LEE)), Err(AdminError::NoRmsForIndividuals));
}

// ───────────────────────────── detection ─────────────────────────────

#[test]
fn the_software_inventory_lists_computers_with_ipviewer() {
    let (mut w, _) = load(Preset::FabrikamSignedUp, 15);
    let id = tenant(&w, "fabrikam.com").id.clone();
    assert!(w.software_inventory(&id).is_empty());
    let d = w.install_sharing_app(&email(PAT)).unwrap();
    assert_eq!((d.name.as_str(), d.program.as_str(), d.version.as_str()), ("PDOVER-PC", "ipviewer.exe", "1.0.1770.0"));
    assert_eq!(w.install_sharing_app(&email(PAT)).unwrap(), d, "installing twice keeps one entry");
    w.install_sharing_app(&email(ROSA)).unwrap();
    let inv = w.software_inventory(&id);
    assert_eq!(
        inv.iter().map(|r| (r.upn.as_str(), r.device.name.as_str())).collect::<Vec<_>>(),
        vec![(PAT, "PDOVER-PC"), (ROSA, "RORTIZ-PC")]
    );
    assert!(matches!(last_event(&w), EventKind::SharingAppInstalled { .. }));
    assert!(w.log.events.last().unwrap().kind.explain().text.contains("ipviewer.exe"));
    assert!(matches!(w.install_sharing_app(&email("ghost@fabrikam.com")), Err(AdminError::NoAccount { .. })));
}

// ───────────────────────── console connection ─────────────────────────

#[test]
fn only_a_global_admin_of_a_managed_tenant_can_connect() {
    let (mut w, _) = load(Preset::FabrikamSignedUp, 16);
    assert_eq!(w.console_admin(ConsoleService::MsOnline), None);
    assert!(matches!(
        w.console_connect(JANET, "wrong", ConsoleService::MsOnline),
        Err(AdminError::Credentials(SignInError::WrongPassword))
    ));
    assert_eq!(w.user(&email(JANET)).unwrap().lockout.failures, 1, "smart lockout counts console failures too");
    assert!(matches!(
        w.console_connect(PAT, FAB_PW, ConsoleService::MsOnline),
        Err(AdminError::NotAnAdmin { unmanaged: true, .. })
    ));
    assert!(matches!(
        w.console_connect("ghost@contoso.com", "x", ConsoleService::MsOnline),
        Err(AdminError::Credentials(SignInError::UnknownAccount))
    ));
    assert_eq!(w.console_connect(JANET, JANET_PW, ConsoleService::MsOnline).unwrap(), email(JANET));
    assert_eq!(w.console_admin(ConsoleService::MsOnline), Some(email(JANET)));
    assert_eq!(w.console_admin(ConsoleService::Graph), None, "Graph is connected separately");
    assert!(w.session_on(SHARED_BROWSER).is_none(), "connecting the console doesn't sign the browser in");
    w.console_connect(LEE, LEE_PW, ConsoleService::Graph).unwrap();
    assert_eq!(w.console_admin(ConsoleService::Graph), Some(email(LEE)));
    // A connection stops working when the account loses its standing.
    let id = tenant(&w, "contoso.com").id.clone();
    w.directory.tenants.get_mut(&id).unwrap().users.get_mut(&email(JANET)).unwrap().status =
        AccountStatus::SignInBlocked;
    assert_eq!(w.console_admin(ConsoleService::MsOnline), None);
}

#[test]
fn every_admin_error_explains_what_to_do() {
    use rms_sim::sim::email::EmailError;
    let errors = [
        AdminError::NoAccount { upn: "a@b.c".into() },
        AdminError::NotAnAdmin { upn: "a@b.c".into(), unmanaged: true },
        AdminError::NotAnAdmin { upn: "a@b.c".into(), unmanaged: false },
        AdminError::Blocked { upn: "a@b.c".into() },
        AdminError::AlreadyManaged { organization: "X".into() },
        AdminError::NotAMember,
        AdminError::InvalidDomain(EmailError::Empty),
        AdminError::AlreadyAdded { domain: "d".into(), status: "Verified".into() },
        AdminError::HeldByManaged { domain: "d".into() },
        AdminError::NotAdded { domain: "d".into() },
        AdminError::NeedsForce { domain: "d".into(), holder: "h".into() },
        AdminError::UserNotFound { upn: "u".into() },
        AdminError::NotInYourTenant { upn: "u".into() },
        AdminError::OwnAccount,
        AdminError::NoRmsForIndividuals,
        AdminError::AlreadyPaid,
        AdminError::NotPaid,
        AdminError::Credentials(SignInError::WrongPassword),
        AdminError::Unchanged,
    ];
    let texts: std::collections::BTreeSet<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(texts.len(), errors.len(), "each error has its own message");
    assert!(texts.iter().all(|t| t.len() > 20 && t.ends_with('.')), "{texts:?}");
    assert!(
        AdminError::NeedsForce { domain: "d".into(), holder: "h".into() }.to_string().contains("-ForceTakeover Force")
    );
}

#[test]
fn readers_get_the_sharing_app_too_and_the_company_inventory_needs_no_azure_role() {
    use rms_sim::sim::command::{Command, OpenProtected, Protect};
    use rms_sim::sim::sharing::{Client, Delivery, Permission, PolicyChoice, ProtectRequest};
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 17);
    // Janet (Contoso) shares a file with Pat; Pat only reads it, on Windows.
    let request = ProtectRequest {
        file_name: "Offer.txt".into(),
        data: b"offer".to_vec(),
        users: PAT.into(),
        policy: PolicyChoice::Custom(Permission::Viewer),
        expires_on: String::new(),
        notify: false,
        instant_revoke: false,
    };
    let p = Protect { actor: email(JANET), request, delivery: Delivery::Share }.run(&mut w, &mut rng).unwrap();
    assert!(w.company_inventory("fabrikam.com").is_empty());
    let read = OpenProtected {
        client: Client::MobileSharingApp,
        reader: Some(email(PAT)),
        file_name: p.file_name.clone(),
        bytes: p.bytes.clone(),
    };
    read.run(&mut w, &mut rng).unwrap();
    assert!(w.company_inventory("fabrikam.com").is_empty(), "a phone has no ipviewer.exe");
    let read = OpenProtected { client: Client::WindowsSharingApp, ..read };
    read.run(&mut w, &mut rng).unwrap();
    let inv = w.company_inventory("Fabrikam.com");
    assert_eq!(
        inv.iter().map(|r| (r.upn.as_str(), r.device.program.as_str())).collect::<Vec<_>>(),
        [(PAT, "ipviewer.exe")]
    );
    // Fabrikam's IT sees it although nobody administers fabrikam.com's unmanaged directory…
    assert!(tenant(&w, "fabrikam.com").global_admins().is_empty());
    assert!(w.companies().contains(&"fabrikam.com".to_string()));
    // …and still sees it after Litware took the domain over: the computers are the company's.
    let lee = email(LEE);
    let added = w.add_domain(&lee, "fabrikam.com", &mut rng).unwrap();
    publish(&mut w, &mut rng, "fabrikam.com", &added.challenge.txt);
    wait(&mut w, 60);
    w.confirm_domain(&lee, "fabrikam.com", ForceTakeover::Force, &mut rng).unwrap();
    assert_eq!(w.company_inventory("fabrikam.com").len(), 1);
    let contoso: Vec<_> = w.company_inventory("contoso.com").into_iter().map(|r| r.upn.to_string()).collect();
    assert_eq!(contoso, [JANET], "each company sees its own computers");
}
