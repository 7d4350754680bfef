//! Native tests of people and their devices (`rms_sim::sim::devices`): each
//! tab is one person's device, with its own sign-in; signing in on one does
//! not sign another out; blocking or deleting an account signs it out
//! everywhere; a takeover moves every device's session with the domain; the
//! people of the world are every account and every address with mail.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::persist;
use rms_sim::sim::command::*;
use rms_sim::sim::scenario::{CONTOSO_ADMIN, FABRIKAM_USERS, LITWARE_ADMIN};
use rms_sim::sim::*;
use support::{email, load};

// The presets' own accounts, not their credentials typed again.
const PAT: &str = FABRIKAM_USERS[0].email;
const ROSA: &str = FABRIKAM_USERS[1].email;
const FAB_PW: &str = FABRIKAM_USERS[0].password;
const JANET: &str = CONTOSO_ADMIN.email;
const JANET_PW: &str = CONTOSO_ADMIN.password;
const LEE: &str = LITWARE_ADMIN.email;
const LEE_PW: &str = LITWARE_ADMIN.password;

#[test]
fn signing_in_on_one_device_leaves_the_others_signed_in() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 1);
    SignIn { device: JANET.into(), email: JANET.into(), password: JANET_PW.into() }.run(&mut w, &mut rng).unwrap();
    SignIn { device: PAT.into(), email: PAT.into(), password: FAB_PW.into() }.run(&mut w, &mut rng).unwrap();
    assert_eq!(w.signed_in_upn(JANET), Some(&email(JANET)), "janetm's PC stays signed in");
    assert_eq!(w.signed_in_upn(PAT), Some(&email(PAT)));
    assert_eq!(w.signed_in_upn(SHARED_BROWSER), None, "the shared browser is a device of its own");
    SignOut { device: PAT.into() }.run(&mut w, &mut rng);
    assert_eq!(w.signed_in_upn(PAT), None);
    assert_eq!(w.signed_in_upn(JANET), Some(&email(JANET)), "signing out on one device leaves the other");
    // A device can sign in to an account that isn't its person's (a shared PC).
    SignIn { device: PAT.into(), email: ROSA.into(), password: FAB_PW.into() }.run(&mut w, &mut rng).unwrap();
    assert_eq!(w.signed_in_upn(PAT), Some(&email(ROSA)));
    // A refused sign-in leaves the device as it was.
    let refused = SignIn { device: JANET.into(), email: JANET.into(), password: "wrong".into() }.run(&mut w, &mut rng);
    assert!(refused.is_err());
    assert_eq!(w.signed_in_upn(JANET), Some(&email(JANET)));
}

#[test]
fn the_admin_center_and_the_portal_answer_for_the_device_that_asks() {
    let (mut w, mut rng) = load(Preset::Default, 2);
    w.sign_in(JANET, JANET, JANET_PW).unwrap();
    assert!(matches!(w.admin_access(JANET), rms_sim::sim::admin::AdminAccess::Admin { .. }));
    assert!(matches!(w.admin_access(SHARED_BROWSER), rms_sim::sim::admin::AdminAccess::SignedOut));
    // "Get started" with a paid organization's address: signed in on her own device, not on another.
    assert!(matches!(
        w.start_signup(JANET, JANET, &mut rng),
        Ok(StartOutcome::PaidSubscription { signed_in: true, .. })
    ));
    assert!(matches!(
        w.start_signup(SHARED_BROWSER, JANET, &mut rng),
        Ok(StartOutcome::PaidSubscription { signed_in: false, .. })
    ));
}

/// Litware's admin takes fabrikam.com over (with its users), as the seed's IT does.
fn litware_takes_fabrikam(w: &mut World, rng: &mut SeededRandom) {
    let lee = email(LEE);
    let added = w.add_domain(&lee, "fabrikam.com", rng).unwrap();
    w.add_dns_record("fabrikam.com", RecordType::Txt, &added.challenge.txt, rng).unwrap();
    w.advance_clock("60", TimeUnit::Minutes).unwrap();
    w.confirm_domain(&lee, "fabrikam.com", ForceTakeover::EmailVerified, rng).unwrap();
}

#[test]
fn a_takeover_moves_every_devices_session_and_blocking_or_deleting_signs_out_everywhere() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 3);
    let (pat, rosa) = (email(PAT), email(ROSA));
    // p.dover signed in on her PC and on the shared browser; r.ortiz on hers; Litware's admin on his.
    w.sign_in(PAT, PAT, FAB_PW).unwrap();
    w.sign_in(SHARED_BROWSER, PAT, FAB_PW).unwrap();
    w.sign_in(ROSA, ROSA, FAB_PW).unwrap();
    w.sign_in(LEE, LEE, LEE_PW).unwrap();
    let unmanaged = w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    litware_takes_fabrikam(&mut w, &mut rng);
    let litware = w.tenant_of_domain("litwareinc.com").unwrap().id.clone();
    assert_ne!(unmanaged, litware);
    for device in [PAT, SHARED_BROWSER, ROSA] {
        assert_eq!(w.session_on(device).unwrap().tenant, litware, "{device}: the session moved with the domain");
    }
    // Blocking p.dover signs her out on both devices, and no one else.
    let lee = email(LEE);
    w.set_block_credential(&lee, PAT, true).unwrap();
    assert!(w.devices.sessions.values().all(|s| s.upn != pat), "blocked: signed out everywhere");
    assert_eq!(w.signed_in_upn(ROSA), Some(&rosa));
    assert_eq!(w.signed_in_upn(LEE), Some(&lee));
    // Deleting r.ortiz signs her out too.
    w.remove_user(&lee, ROSA).unwrap();
    assert_eq!(w.signed_in_upn(ROSA), None);
    assert_eq!(w.devices.sessions.keys().collect::<Vec<_>>(), [LEE]);
}

#[test]
fn the_people_are_every_account_and_every_address_with_mail() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 4);
    w.start_signup(SHARED_BROWSER, "k.braun@tailspintoys.de", &mut rng).unwrap();
    let people = w.people();
    let addresses: Vec<&str> = people.iter().map(|p| p.address.as_str()).collect();
    for a in [JANET, LEE, PAT, ROSA, "k.braun@tailspintoys.de"] {
        assert!(addresses.contains(&a), "{a} in {addresses:?}");
    }
    let mut sorted = addresses.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(addresses, sorted, "once each, in order");
    let k = people.iter().find(|p| p.address == "k.braun@tailspintoys.de").unwrap();
    assert_eq!((k.organization.as_deref(), k.unread), (None, 1), "mail, no account yet");
    let pat = people.iter().find(|p| p.address == PAT).unwrap();
    assert!(pat.organization.is_some() && pat.unmanaged);
    let janet = people.iter().find(|p| p.address == JANET).unwrap();
    assert!(janet.organization.is_some() && !janet.unmanaged);
}

#[test]
fn every_devices_sign_in_survives_saving() {
    let (mut w, _) = load(Preset::Default, 5);
    w.sign_in(JANET, JANET, JANET_PW).unwrap();
    w.sign_in(SHARED_BROWSER, LEE, LEE_PW).unwrap();
    let back = persist::decode(&persist::encode(&w)).unwrap();
    assert_eq!(back.devices, w.devices);
    assert_eq!(persist::decode(&persist::encode_stored(&w)).unwrap().devices, w.devices);
}
