//! The picture of the directory (`sim::directory::map`): what each tenant's
//! box says, and what the newest action changed, for the actions a trainer
//! shows (sign-ups, internal and external takeover, the deletion 10 days
//! later) and for actions that change no tenant. Every action runs as the
//! UI runs it, as a command, so its events are one action.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::sim::command::*;
use rms_sim::sim::map::{DirectoryMap, Facet, Mark, NAMED_USERS};
use rms_sim::sim::*;
use support::{email, load};

const PAT: &str = "p.dover@fabrikam.com";
const ROSA: &str = "r.ortiz@fabrikam.com";
const JANET: &str = "janetm@contoso.com";
const LEE: &str = "admin@litwareinc.com";

fn id_of(w: &World, domain: &str) -> String {
    w.tenant_of_domain(domain).unwrap_or_else(|| panic!("no tenant holds {domain}")).id.clone()
}

/// "Get started", the link, "Create": three commands, the last one the sign-up's action.
fn sign_up(w: &mut World, rng: &mut SeededRandom, address: &str) {
    StartSignup { device: SHARED_BROWSER.into(), input: address.into() }.run(w, rng).expect("sign-up starts");
    let token = w.signups.pending[&email(address)].clone();
    OpenConfirmation { token: token.clone() }.run(w, rng).expect("the link opens");
    let details = AccountDetails {
        first_name: "Test".into(),
        last_name: "Person".into(),
        password: "Signup-2016!".into(),
        confirm_password: "Signup-2016!".into(),
        country: "US".into(),
    };
    CompleteSignup { token, details }.run(w, rng).expect("sign-up completes");
}

/// A global administrator adds `domain`, publishes its TXT record, waits an
/// hour and verifies with ForceTakeover.
fn take_over(w: &mut World, rng: &mut SeededRandom, admin: &str, domain: &str) {
    let added = AddDomain { actor: email(admin), domain: domain.into() }.run(w, rng).expect("domain added");
    AddDnsRecord { domain: domain.into(), kind: RecordType::Txt, value: added.challenge.txt }
        .run(w, rng)
        .expect("record added");
    AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }.run(w, rng).expect("clock moves");
    ConfirmDomain { actor: email(admin), domain: domain.into(), force: ForceTakeover::Force }
        .run(w, rng)
        .expect("verified");
}

fn marks(map: &DirectoryMap) -> Vec<(String, Mark)> {
    map.tenants.iter().map(|t| (t.heading(), t.mark)).collect()
}

#[test]
fn a_sign_up_into_a_new_tenant_marks_it_new_and_nothing_else() {
    let (mut w, mut rng) = load(Preset::Default, 1);
    sign_up(&mut w, &mut rng, PAT);
    let map = DirectoryMap::of(&w);
    assert_eq!(
        marks(&map),
        vec![
            ("contoso.com".to_string(), Mark::Unchanged),
            ("fabrikam.com".to_string(), Mark::New),
            ("litwareinc.com".to_string(), Mark::Unchanged),
        ]
    );
    assert_eq!(map.new_tenants().len(), 1);
    assert_eq!(map.change.command.as_deref(), Some("CompleteSignup"));
    assert_eq!(map.change.summary, "Last action: p.dover@fabrikam.com signed up; new tenant fabrikam.com (unmanaged).");
    assert!(map.change.moves.is_empty());
    // What the new box says.
    let fab = map.tenant_with("fabrikam.com").unwrap();
    assert!(!fab.is_managed());
    assert!(fab.admins.is_empty(), "no global administrator");
    assert_eq!((fab.user_count, fab.user_names.clone()), (1, vec![PAT.to_string()]));
    assert_eq!(fab.subscriptions.len(), 1);
    let sub = &fab.subscriptions[0];
    assert_eq!(
        (sub.sku.as_str(), sub.account_sku_id.as_str(), sub.consumed, sub.active),
        ("RIGHTSMANAGEMENT_ADHOC", "fabrikamcom:RIGHTSMANAGEMENT_ADHOC", 1, 50_000)
    );
    assert_eq!(fab.keys, vec!["fabrikam.com".to_string()], "one RMS tenant key, created for it");
    assert!(map.change.changed_directory(&map));
}

#[test]
fn a_second_sign_up_highlights_its_tenant_and_not_the_others() {
    let (mut w, mut rng) = load(Preset::Default, 2);
    sign_up(&mut w, &mut rng, PAT);
    sign_up(&mut w, &mut rng, ROSA);
    let map = DirectoryMap::of(&w);
    assert_eq!(
        marks(&map),
        vec![
            ("contoso.com".to_string(), Mark::Unchanged),
            ("fabrikam.com".to_string(), Mark::Changed),
            ("litwareinc.com".to_string(), Mark::Unchanged),
        ]
    );
    assert!(map.new_tenants().is_empty());
    let fab = map.tenant_with("fabrikam.com").unwrap();
    assert!(fab.changed.contains(&Facet::Users) && fab.changed.contains(&Facet::Subscriptions));
    assert_eq!(fab.subscriptions[0].consumed, 2);
    assert_eq!(fab.user_names, vec![PAT.to_string(), ROSA.to_string()]);
    assert_eq!(
        map.change.summary,
        "Last action: r.ortiz@fabrikam.com signed up; joined fabrikam.com, which now has 2 users; the default templates are now useful in fabrikam.com."
    );
}

#[test]
fn a_sign_up_into_an_existing_tenant_without_rms_says_what_it_got() {
    // Litware has Exchange Online only: the sign-up adds the free subscription to it.
    let (mut w, mut rng) = load(Preset::Default, 3);
    sign_up(&mut w, &mut rng, "new.person@litwareinc.com");
    let map = DirectoryMap::of(&w);
    let litware = map.tenant_with("litwareinc.com").unwrap();
    assert_eq!(litware.mark, Mark::Changed);
    assert!(litware.changed.contains(&Facet::Keys), "it got its tenant key");
    assert_eq!(map.touched().len(), 1);
    assert!(
        map.change.summary.contains("Litware, Inc. got the free subscription litwareinc:RIGHTSMANAGEMENT_ADHOC"),
        "{}",
        map.change.summary
    );
}

#[test]
fn an_external_takeover_moves_the_domain_and_its_users_from_the_unmanaged_tenant_to_the_admins() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 4);
    let (fabrikam, contoso) = (id_of(&w, "fabrikam.com"), id_of(&w, "contoso.com"));
    take_over(&mut w, &mut rng, JANET, "fabrikam.com");
    let map = DirectoryMap::of(&w);
    assert_eq!(map.change.command.as_deref(), Some("ConfirmDomain"));
    assert_eq!(map.change.moves.len(), 1);
    let m = &map.change.moves[0];
    assert_eq!(
        (m.from.as_str(), m.to.as_str(), m.domain.as_str()),
        (fabrikam.as_str(), contoso.as_str(), "fabrikam.com")
    );
    assert_eq!(m.users, vec![PAT.to_string(), ROSA.to_string()]);
    assert_eq!(m.label(), "fabrikam.com + 2 users");
    assert!(m.key_moved, "same region: the key moved");
    assert!(m.deletion_at.is_some(), "forced: the emptied tenant is deleted later");
    // Both boxes are changed, Litware's is not.
    let to = map.tenant(&contoso).unwrap();
    let from = map.tenant(&fabrikam).unwrap();
    assert_eq!((to.mark, from.mark), (Mark::Changed, Mark::Changed));
    assert_eq!(map.tenant_with("litwareinc.com").unwrap().mark, Mark::Unchanged);
    assert_eq!(to.heading(), "contoso.com, fabrikam.com");
    assert_eq!(from.heading(), "fabrikamcom.onmicrosoft.com", "the emptied tenant is named by its initial domain");
    assert_eq!((from.user_count, from.deletion_at), (0, m.deletion_at));
    assert_eq!(from.keys.len(), 0);
    assert_eq!(to.keys.len(), 2, "its own key and fabrikam.com's");
    assert_eq!(to.user_names, vec![JANET.to_string(), PAT.to_string(), ROSA.to_string()], "three users are named");
    assert_eq!(to.user_count, NAMED_USERS);
    assert!(map.change.summary.contains("Contoso, Ltd took over fabrikam.com"), "{}", map.change.summary);
    assert!(map.change.summary.contains("the domain and 2 users moved"), "{}", map.change.summary);
}

#[test]
fn a_cross_region_takeover_says_the_key_was_lost() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 5);
    let (fabrikam, litware) = (id_of(&w, "fabrikam.com"), id_of(&w, "litwareinc.com"));
    take_over(&mut w, &mut rng, LEE, "fabrikam.com");
    let map = DirectoryMap::of(&w);
    let m = &map.change.moves[0];
    assert_eq!((m.from.as_str(), m.to.as_str()), (fabrikam.as_str(), litware.as_str()));
    assert!(!m.key_moved);
    assert_eq!(m.key_note(), "RMS key lost: other region");
    assert!(map.change.summary.contains("is lost"), "{}", map.change.summary);
    assert_eq!(map.tenant(&litware).unwrap().keys, vec!["Litware, Inc.".to_string()], "a key of its own");
}

#[test]
fn the_deletion_ten_days_later_is_the_clocks_change() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 6);
    take_over(&mut w, &mut rng, JANET, "fabrikam.com");
    AdvanceClock { amount: "10".into(), unit: TimeUnit::Days }.run(&mut w, &mut rng).unwrap();
    let map = DirectoryMap::of(&w);
    assert_eq!(map.change.deleted, vec!["fabrikam.com".to_string()]);
    assert_eq!(map.tenants.len(), 2, "contoso.com (with fabrikam.com) and litwareinc.com");
    assert!(map.touched().is_empty(), "the remaining tenants did not change");
    assert!(map.change.changed_directory(&map));
    assert!(!map.change.summary.contains("onmicrosoft.com"), "{}", map.change.summary);
    assert!(map.change.summary.contains("fabrikam.com was deleted"), "{}", map.change.summary);
}

#[test]
fn an_internal_takeover_changes_one_tenant_and_moves_nothing() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 7);
    let pat = email(PAT);
    let c = BecomeAdminStart { actor: pat.clone() }.run(&mut w, &mut rng).unwrap();
    AddDnsRecord { domain: c.domain.clone(), kind: RecordType::Txt, value: c.txt }.run(&mut w, &mut rng).unwrap();
    AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }.run(&mut w, &mut rng).unwrap();
    BecomeAdminConfirm { actor: pat }.run(&mut w, &mut rng).unwrap();
    let map = DirectoryMap::of(&w);
    let fab = map.tenant_with("fabrikam.com").unwrap();
    assert_eq!(fab.mark, Mark::Changed);
    assert!(fab.is_managed());
    assert_eq!(fab.admins, vec![PAT.to_string()]);
    assert!(fab.changed.contains(&Facet::State) && fab.changed.contains(&Facet::Admins));
    assert_eq!(map.touched().len(), 1);
    assert!(map.change.moves.is_empty());
    assert!(map.change.summary.contains("internal takeover"), "{}", map.change.summary);
    assert!(map.change.summary.contains("nothing moved"), "{}", map.change.summary);
}

#[test]
fn actions_that_touch_no_tenant_highlight_nothing() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp, 8);
    let cases: Vec<(&str, AnyCommand)> = vec![
        ("Clock advanced by 1 hour", AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }.into()),
        (
            "p.dover@fabrikam.com signed in",
            SignIn { device: SHARED_BROWSER.into(), email: PAT.into(), password: "Fabrikam-2016!".into() }.into(),
        ),
        (
            "TXT record added to fabrikam.com",
            AddDnsRecord { domain: "fabrikam.com".into(), kind: RecordType::Txt, value: "MS=ms12345678".into() }.into(),
        ),
        (
            "Sign-up refused for x@outlook.com",
            StartSignup { device: SHARED_BROWSER.into(), input: "x@outlook.com".into() }.into(),
        ),
    ];
    for (title, command) in cases {
        command.apply(&mut w, &mut rng);
        let map = DirectoryMap::of(&w);
        assert!(map.touched().is_empty(), "{title}: {:?}", marks(&map));
        assert!(map.change.moves.is_empty() && map.change.deleted.is_empty(), "{title}");
        assert!(!map.change.changed_directory(&map), "{title}");
        assert_eq!(map.change.summary, format!("Last action: {title}; nothing changed in the directory."));
    }
}

#[test]
fn a_freshly_loaded_scenario_has_no_last_action() {
    let (w, _) = load(Preset::FabrikamSignedUp, 9);
    let map = DirectoryMap::of(&w);
    assert!(map.touched().is_empty(), "the scenario's own sign-ups are not an action");
    assert_eq!(map.change.command, None);
    assert_eq!(map.change.summary, "No action yet since the scenario “Fabrikam has already signed up” was loaded.");
    assert_eq!(map.tenants.len(), 3);
    let contoso = map.tenant_with("contoso.com").unwrap();
    assert!(contoso.is_managed());
    assert_eq!(contoso.admins, vec![JANET.to_string()]);
    assert_eq!(contoso.name, "Contoso, Ltd");
    let e3 = &contoso.subscriptions[0];
    assert_eq!((e3.sku.as_str(), e3.consumed, e3.active), ("ENTERPRISEPACK", 1, 25));
    // An empty log says so.
    let mut empty = w.clone();
    empty.log = EventLog::default();
    assert_eq!(DirectoryMap::of(&empty).change.summary, "Nothing has happened yet.");
}

#[test]
fn admin_settings_and_accounts_mark_their_tenant() {
    let (mut w, mut rng) = load(Preset::Default, 10);
    let lee = email(LEE);
    sign_up(&mut w, &mut rng, "new.person@litwareinc.com");
    SetDirSync { actor: lee.clone(), on: true }.run(&mut w, &mut rng).unwrap();
    let map = DirectoryMap::of(&w);
    let litware = map.tenant_with("litwareinc.com").unwrap();
    assert_eq!(
        (litware.mark, litware.changed.iter().copied().collect::<Vec<_>>()),
        (Mark::Changed, vec![Facet::Settings])
    );
    assert_eq!(map.change.summary, "Last action: directory synchronization turned on for Litware, Inc.");

    // An account of Litware: blocked, then deleted (its license unit freed).
    SetBlockCredential { actor: lee.clone(), upn: "new.person@litwareinc.com".into(), blocked: true }
        .run(&mut w, &mut rng)
        .unwrap();
    let map = DirectoryMap::of(&w);
    let litware = map.tenant_with("litwareinc.com").unwrap();
    assert_eq!(litware.changed.iter().copied().collect::<Vec<_>>(), vec![Facet::Users]);
    assert_eq!(map.change.summary, "Last action: new.person@litwareinc.com blocked from signing in.");
    RemoveUser { actor: lee, upn: "new.person@litwareinc.com".into() }.run(&mut w, &mut rng).unwrap();
    let map = DirectoryMap::of(&w);
    let litware = map.tenant_with("litwareinc.com").unwrap();
    assert_eq!(litware.mark, Mark::Changed);
    assert!(litware.changed.contains(&Facet::Users) && litware.changed.contains(&Facet::Subscriptions));
    assert_eq!(map.touched().len(), 1);
    assert_eq!(map.change.summary, "Last action: new.person@litwareinc.com deleted.");
}

#[test]
fn a_box_names_few_users_and_counts_many() {
    let (mut w, mut rng) = load(Preset::Default, 11);
    let people: Vec<String> = (1..=NAMED_USERS + 1).map(|i| format!("person{i}@tailspintoys.de")).collect();
    for (i, p) in people.iter().enumerate() {
        sign_up(&mut w, &mut rng, p);
        let map = DirectoryMap::of(&w);
        let t = map.tenant_with("tailspintoys.de").unwrap();
        assert_eq!(t.user_count, i + 1);
        if i < NAMED_USERS {
            assert_eq!(t.user_names, people[..=i].to_vec());
        } else {
            assert!(t.user_names.is_empty(), "{} users are counted, not named", i + 1);
        }
        assert_eq!(t.mark, if i == 0 { Mark::New } else { Mark::Changed });
    }
}

#[test]
fn a_crowded_directory_is_pictured_by_what_the_last_action_touched_then_the_first_tenants() {
    let (mut w, mut rng) = load(Preset::Default, 31);
    for i in 0..20 {
        sign_up(&mut w, &mut rng, &format!("someone@crowd{i:02}.com"));
    }
    let map = DirectoryMap::of(&w);
    let all = map.tenants.len();
    assert!(all > 12);
    let (picture, left_out) = map.focused(12);
    assert_eq!(picture.tenants.len(), 12);
    assert_eq!(left_out, all - 12);
    // The tenant the last sign-up created is kept, wherever it is in the order.
    let newest = id_of(&w, "crowd19.com");
    assert!(picture.tenants.iter().any(|t| t.id == newest && t.mark == Mark::New));
    // The others are the first in the page's order, and the order is kept.
    let order: Vec<_> = map.tenants.iter().map(|t| &t.id).collect();
    let kept: Vec<usize> = picture.tenants.iter().map(|t| order.iter().position(|id| **id == t.id).unwrap()).collect();
    assert!(kept.windows(2).all(|p| p[0] < p[1]), "{kept:?}");
    assert_eq!(kept[..11], (0..11).collect::<Vec<_>>()[..]);
    // A small directory is pictured whole.
    assert_eq!(map.focused(all), (map.clone(), 0));
}
