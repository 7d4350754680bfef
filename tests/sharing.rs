//! Native tests of the sharing application and the service behind it
//! (`rms_sim::sim::sharing`): real AES-256-GCM protection, the use license,
//! every refusal, tampering, rights per permission level, templates, expiry
//! and revocation on the simulated clock, tracking and the usage log.
#![cfg(not(target_arch = "wasm32"))]

use rms_sim::persist;
use rms_sim::sim::admin::AdminError;
use rms_sim::sim::events::EventKind;
use rms_sim::sim::sharing::*;
use rms_sim::sim::time::end_of_day;
use rms_sim::sim::*;

const JANET: &str = "janetm@contoso.com";
const LEE: &str = "admin@litwareinc.com";
const PAT: &str = "p.dover@fabrikam.com";
const ROSA: &str = "r.ortiz@fabrikam.com";

fn load(preset: Preset) -> (World, SeededRandom) {
    let mut rng = SeededRandom::new(5);
    let w = World::load(preset, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    (w, rng)
}

fn e(s: &str) -> Email {
    Email::parse(s).unwrap()
}

fn sign_up(w: &mut World, rng: &mut SeededRandom, address: &str, country: &str) {
    w.start_signup(SHARED_BROWSER, address, rng).unwrap();
    let token = w.signups.pending[&e(address)].clone();
    let d = AccountDetails {
        first_name: "A".into(),
        last_name: "B".into(),
        password: "Signup-2016!".into(),
        confirm_password: "Signup-2016!".into(),
        country: country.into(),
    };
    w.complete_signup(&token, &d, rng).unwrap();
}

fn req(name: &str, data: &[u8], users: &str, policy: PolicyChoice) -> ProtectRequest {
    ProtectRequest {
        file_name: name.into(),
        data: data.to_vec(),
        users: users.into(),
        policy,
        expires_on: String::new(),
        notify: false,
        instant_revoke: false,
    }
}

fn viewer(users: &str) -> PolicyChoice {
    let _ = users;
    PolicyChoice::Custom(Permission::Viewer)
}

#[test]
fn file_names_follow_the_documented_extension_table() {
    let table = [
        ("Sample.txt", "Sample.ptxt", true),
        ("a.xml", "a.pxml", true),
        ("a.jpg", "a.pjpg", true),
        ("a.jpeg", "a.pjpeg", true),
        ("a.PDF", "a.ppdf", true),
        ("a.png", "a.ppng", true),
        ("a.tif", "a.ptif", true),
        ("a.tiff", "a.ptiff", true),
        ("a.bmp", "a.pbmp", true),
        ("a.gif", "a.pgif", true),
        ("a.jpe", "a.pjpe", true),
        ("a.jfif", "a.pjfif", true),
        ("a.jt", "a.pjt", true),
        ("Report.docx", "Report.docx", true),
        ("Budget.xlsx", "Budget.xlsx", true),
        ("Deck.pptx", "Deck.pptx", true),
        ("Drawing.vsdx", "Drawing.vsdx.pfile", false),
        ("notes.rtf", "notes.rtf.pfile", false),
        ("README", "README.pfile", false),
    ];
    for (from, to, native) in table {
        let n = naming(from);
        assert_eq!((n.protected_name.as_str(), n.native), (to, native), "{from}");
    }
    assert!(naming("Report.docx").office && naming("Deck.pptx").office && !naming("a.pdf").office);
    assert_eq!(unprotected_name("Sample.ptxt", "Sample.txt"), "Sample.txt");
    assert_eq!(unprotected_name("Drawing.vsdx.pfile", "Drawing.vsdx"), "Drawing.vsdx");
    assert_eq!(unprotected_name("Report.docx", "Report.docx"), "Report.docx");
}

#[test]
fn permission_levels_grant_the_documented_rights() {
    use Right::*;
    assert_eq!(Permission::Viewer.rights(), vec![View, Reply, ReplyAll]);
    let reviewer = Permission::Reviewer.rights();
    assert!(
        reviewer.contains(&Edit)
            && reviewer.contains(&DocEdit)
            && !reviewer.contains(&Print)
            && !reviewer.contains(&Extract)
    );
    let coauthor = Permission::CoAuthor.rights();
    for r in [Extract, ViewRightsData, ObjModel, Export, Print] {
        assert!(coauthor.contains(&r), "{r:?}");
    }
    assert!(!coauthor.contains(&Owner));
    assert!(Permission::CoOwner.rights().contains(&Owner));
    assert_eq!(Permission::ALL.map(|p| p.label()), ["Viewer", "Reviewer", "Co-Author", "Co-Owner"]);
    // Each level is recognized from its rights, in any order; other sets are no level.
    for p in Permission::ALL {
        let mut rights = p.rights();
        rights.reverse();
        assert_eq!(Permission::of_rights(&rights), Some(p));
    }
    assert_eq!(Permission::of_rights(&[View]), None);
    assert_eq!(Permission::of_rights(&Right::ALL), None);
}

/// The seed's loop: a person at a new organization protects a real file and
/// shares it with someone at another organization who has no account; that
/// person signs up from the email and opens it; a third person cannot.
#[test]
fn share_with_someone_without_an_account_who_signs_up_and_reads_it() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let text = "Q3 pricing: confidential.\nDo not forward.".as_bytes();
    let r = req("Pricing.txt", text, "k.braun@tailspintoys.de; r.ortiz@fabrikam.com", viewer(""));
    let p = w.share_protected(Some(&pat), &r, &mut rng).unwrap();
    assert_eq!(p.file_name, "Pricing.ptxt");
    assert!(p.companion.is_none());
    assert!(!p.bytes.windows(7).any(|x| x == b"pricing"), "the content is encrypted");
    assert!(p.bytes.starts_with(format!("{MAGIC}\n").as_bytes()));
    // The recipients got an email with the attachment and a sign-up link.
    let mb = w.mailbox("k.braun@tailspintoys.de").unwrap();
    let m = mb.messages.last().unwrap();
    assert_eq!(m.from(), PAT);
    let (attachments, body) = (m.attachments(), m.body("k.braun@tailspintoys.de"));
    assert_eq!(attachments.len(), 1);
    assert!(
        body.iter().any(|b| matches!(b, Block::Link { href, .. } if href == "/portal?email=k.braun%40tailspintoys.de")),
        "{body:?}"
    );
    assert!(
        body.iter()
            .any(|b| matches!(b, Block::Paragraph(t) if t.contains("protected with Microsoft Rights Management")))
    );
    let (name, bytes) = w.mail.attachment(&attachments[0]).unwrap();
    assert_eq!((name.as_str(), &bytes), ("Pricing.ptxt", &p.bytes));
    // Without an account: sign in first.
    let k = e("k.braun@tailspintoys.de");
    assert!(matches!(w.open_protected(Some(&k), &name, &bytes, &mut rng), Err(OpenError::NotSignedIn { .. })));
    assert!(matches!(w.open_protected(None, &name, &bytes, &mut rng), Err(OpenError::NotSignedIn { .. })));
    sign_up(&mut w, &mut rng, "k.braun@tailspintoys.de", "DE");
    let o = w.open_protected(Some(&k), &name, &bytes, &mut rng).unwrap();
    assert_eq!(o.content, text);
    assert_eq!(o.rights, Permission::Viewer.rights());
    assert!(!o.is_owner && o.native);
    // The policy names each user with their level.
    assert_eq!(
        o.shared_with,
        vec!["k.braun@tailspintoys.de (Viewer: View Only)", "r.ortiz@fabrikam.com (Viewer: View Only)"]
    );
    assert_eq!(o.header.issuer, PAT);
    assert_eq!(o.license_valid_until, Some(w.clock.plus(SimDuration::days(30))), "a 30-day use license");
    // A third person can't.
    sign_up(&mut w, &mut rng, "someone@tailspintoys.de", "DE");
    match w.open_protected(Some(&e("someone@tailspintoys.de")), &name, &bytes, &mut rng) {
        Err(err @ OpenError::NotGranted { .. }) => assert!(err.to_string().contains("doesn't have permission")),
        other => panic!("{other:?}"),
    }
    // The owner always can, with every right.
    let o = w.open_protected(Some(&pat), &name, &bytes, &mut rng).unwrap();
    assert!(o.is_owner && o.rights.contains(&Right::Owner) && o.license_valid_until.is_none());
    // Every attempt is tracked.
    let doc = &w.sharing.documents[&p.content_id];
    assert_eq!(
        doc.accesses.iter().map(|a| a.outcome.granted()).collect::<Vec<_>>(),
        vec![false, false, true, false, true]
    );
    assert!(doc.accesses[0].who().contains("k.braun") && doc.accesses[1].who().contains("isn't signed in"));
}

#[test]
fn any_changed_byte_is_detected_and_unprotected_files_are_told_apart() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let p = w
        .protect_in_place(
            Some(&pat),
            &req("Sample.txt", b"hello world, this is the secret", ROSA, viewer("")),
            &mut rng,
        )
        .unwrap();
    let rosa = e(ROSA);
    assert!(w.open_protected(Some(&rosa), "Sample.ptxt", &p.bytes, &mut rng).is_ok());
    let step = (p.bytes.len() / 97).max(1);
    for i in (MAGIC.len() + 1..p.bytes.len()).step_by(step).chain([p.bytes.len() - 1]) {
        let mut bad = p.bytes.clone();
        bad[i] ^= 0x01;
        let r = w.open_protected(Some(&rosa), "Sample.ptxt", &bad, &mut rng);
        assert_eq!(r.as_ref().err(), Some(&OpenError::Damaged), "byte {i} of {}", p.bytes.len());
    }
    // Truncated, or extra bytes appended.
    assert_eq!(
        w.open_protected(Some(&rosa), "Sample.ptxt", &p.bytes[..p.bytes.len() - 3], &mut rng).err(),
        Some(OpenError::Damaged)
    );
    let mut longer = p.bytes.clone();
    longer.push(0);
    assert_eq!(w.open_protected(Some(&rosa), "Sample.ptxt", &longer, &mut rng).err(), Some(OpenError::Damaged));
    // The magic line damaged on a file named as protected: damaged; a plain file: not protected.
    let mut bad = p.bytes.clone();
    bad[0] = b'X';
    assert_eq!(w.open_protected(Some(&rosa), "Sample.ptxt", &bad, &mut rng).err(), Some(OpenError::Damaged));
    assert_eq!(
        w.open_protected(Some(&rosa), "Sample.txt", b"just text", &mut rng).err(),
        Some(OpenError::NotProtected)
    );
    assert!(OpenError::Damaged.to_string().contains("altered or damaged"));
    assert!(OpenError::NotProtected.to_string().contains("isn't protected"));
    // The header stays readable for inspection.
    let h = inspect(&p.bytes).unwrap();
    assert_eq!(
        (h.original_name.as_str(), h.protected_name.as_str(), h.issuer.as_str(), h.protection.as_str()),
        ("Sample.txt", "Sample.ptxt", PAT, "native")
    );
    assert!(h.algorithm.contains("AES-256-GCM"));
    assert_eq!(inspect(b"plain").err(), Some(OpenError::NotProtected));
}

#[test]
fn templates_restrict_to_the_organization() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let fab = w.tenant_of_domain("fabrikam.com").unwrap().clone();
    let view_only = fab.templates.iter().find(|t| t.kind == TemplateKind::ConfidentialViewOnly).unwrap().id.clone();
    let p = w
        .protect_in_place(
            Some(&pat),
            &req("Plan.txt", b"plan", "", PolicyChoice::Template(view_only.clone())),
            &mut rng,
        )
        .unwrap();
    let o = w.open_protected(Some(&e(ROSA)), "Plan.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(o.rights, vec![Right::View]);
    assert_eq!(o.template.as_deref(), Some("fabrikam.com - Confidential View Only"));
    match w.open_protected(Some(&e(JANET)), "Plan.ptxt", &p.bytes, &mut rng) {
        Err(err @ OpenError::OtherOrganization { .. }) => {
            assert!(err.to_string().contains("fabrikam.com - Confidential View Only"))
        }
        other => panic!("{other:?}"),
    }
    // No expiry with a template; unknown templates refused.
    let mut r = req("Plan.txt", b"plan", "", PolicyChoice::Template(view_only));
    r.expires_on = "2016-06-01".into();
    assert_eq!(w.protect_in_place(Some(&pat), &r, &mut rng).err(), Some(ProtectError::ExpiryWithTemplate));
    assert_eq!(
        w.protect_in_place(Some(&pat), &req("a.txt", b"x", "", PolicyChoice::Template("nope".into())), &mut rng).err(),
        Some(ProtectError::UnknownTemplate)
    );
    // With one user, the templates aren't available yet.
    let (mut d, mut drng) = load(Preset::Default);
    sign_up(&mut d, &mut drng, "first@northwind.com", "US");
    let id = d.tenant_of_domain("northwind.com").unwrap().templates[0].id.clone();
    assert_eq!(
        d.protect_in_place(
            Some(&e("first@northwind.com")),
            &req("a.txt", b"x", "", PolicyChoice::Template(id)),
            &mut drng
        )
        .err(),
        Some(ProtectError::TemplatesNotAvailable)
    );
}

#[test]
fn protect_refusals_are_specific() {
    let (mut w, mut rng) = load(Preset::Default);
    let janet = e(JANET);
    let ok = req("a.txt", b"x", PAT, viewer(""));
    assert_eq!(w.protect_in_place(None, &ok, &mut rng).err(), Some(ProtectError::NotSignedIn));
    assert!(
        matches!(w.protect_in_place(Some(&e(LEE)), &ok, &mut rng), Err(ProtectError::NoRms { .. })),
        "Litware has no Azure RMS"
    );
    assert_eq!(
        w.protect_in_place(Some(&janet), &req("a.txt", b"", PAT, viewer("")), &mut rng).err(),
        Some(ProtectError::EmptyFile)
    );
    let big = vec![7u8; MAX_FILE_BYTES + 1];
    assert!(matches!(
        w.protect_in_place(Some(&janet), &req("a.bin", &big, PAT, viewer("")), &mut rng),
        Err(ProtectError::TooLarge { .. })
    ));
    assert_eq!(
        w.protect_in_place(Some(&janet), &req("a.txt", b"x", " ; ", viewer("")), &mut rng).err(),
        Some(ProtectError::NoUsers)
    );
    assert!(matches!(
        w.protect_in_place(Some(&janet), &req("a.txt", b"x", "p.dover@fabrikam.com; nobody", viewer("")), &mut rng),
        Err(ProtectError::InvalidUser { .. })
    ));
    match w.share_protected(Some(&janet), &req("a.txt", b"x", "someone@outlook.com", viewer("")), &mut rng) {
        Err(err @ ProtectError::PersonalUser { .. }) => assert!(
            err.to_string().contains("Personal email addresses are not currently supported by the RMS sharing app")
        ),
        other => panic!("{other:?}"),
    }
    let mut r = ok.clone();
    r.expires_on = "31/05/2016".into();
    assert!(matches!(w.protect_in_place(Some(&janet), &r, &mut rng), Err(ProtectError::BadDate { .. })));
    r.expires_on = "2016-05-01".into();
    assert!(
        matches!(w.protect_in_place(Some(&janet), &r, &mut rng), Err(ProtectError::PastDate { .. })),
        "the clock is at 2 May 2016"
    );
    assert!(w.sharing.documents.is_empty() && w.mail.files.is_empty(), "nothing protected by a refused request");
}

#[test]
fn expiry_is_midnight_at_the_end_of_the_day_and_spares_the_owner() {
    assert_eq!(end_of_day("2016-05-02").unwrap().iso(), "2016-05-03T00:00:00Z");
    assert_eq!(end_of_day("2016-02-29").unwrap().iso(), "2016-03-01T00:00:00Z");
    for bad in ["2015-02-29", "2016-13-01", "2016-00-10", "x", "2016-05", "2016-05-02-1"] {
        assert!(end_of_day(bad).is_none(), "{bad}");
    }
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let mut r = req("a.txt", b"soon gone", ROSA, PolicyChoice::Custom(Permission::CoAuthor));
    r.expires_on = "2016-05-03".into();
    let p = w.protect_in_place(Some(&e(PAT)), &r, &mut rng).unwrap();
    let rosa = e(ROSA);
    let o = w.open_protected(Some(&rosa), "a.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(o.expires, end_of_day("2016-05-03"));
    assert_eq!(o.license_valid_until, end_of_day("2016-05-03"), "a use license never outlives the document");
    assert!(p.recipients.is_empty(), "protect in place emails nobody");
    w.advance_clock("1", TimeUnit::Days).unwrap();
    assert!(w.open_protected(Some(&rosa), "a.ptxt", &p.bytes, &mut rng).is_ok(), "3 May is still allowed");
    w.advance_clock("1", TimeUnit::Days).unwrap();
    match w.open_protected(Some(&rosa), "a.ptxt", &p.bytes, &mut rng) {
        Err(err @ OpenError::Expired { .. }) => assert!(err.to_string().contains("expired")),
        other => panic!("{other:?}"),
    }
    assert!(w.open_protected(Some(&e(PAT)), "a.ptxt", &p.bytes, &mut rng).is_ok(), "the owner still can");
}

/// Contoso (paid) shares with a Fabrikam user; revocation follows the use license.
fn contoso_share(instant: bool) -> (World, SeededRandom, Protected) {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let mut r = req("Offer.txt", b"the offer", PAT, viewer(""));
    r.instant_revoke = instant;
    r.notify = true;
    let p = w.share_protected(Some(&e(JANET)), &r, &mut rng).unwrap();
    (w, rng, p)
}

#[test]
fn revocation_takes_effect_when_the_use_license_expires() {
    let (mut w, mut rng, p) = contoso_share(false);
    let pat = e(PAT);
    assert!(w.tracking_available(&e(JANET)));
    assert!(!w.tracking_available(&pat), "RMS for individuals alone has no tracking");
    let o = w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng).unwrap();
    assert!(!o.from_cached_license);
    assert_eq!(
        w.revoke(&pat, &p.content_id, &mut rng).unwrap_err().to_string(),
        "Document tracking and revocation need a paid subscription that includes Azure Rights Management."
    );
    let until = w.revoke(&e(JANET), &p.content_id, &mut rng).unwrap();
    assert_eq!(until, w.clock.plus(SimDuration::days(30)));
    assert!(w.revoke(&e(JANET), &p.content_id, &mut rng).unwrap_err().to_string().contains("already revoked"));
    // Pat still holds a use license…
    let o = w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng).unwrap();
    assert!(o.from_cached_license);
    w.advance_clock("29", TimeUnit::Days).unwrap();
    assert!(w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng).is_ok());
    w.advance_clock("1", TimeUnit::Days).unwrap();
    // …until it expires.
    match w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng) {
        Err(err @ OpenError::Revoked { .. }) => assert!(err.to_string().contains("revoked")),
        other => panic!("{other:?}"),
    }
    assert!(
        w.open_protected(Some(&e(JANET)), "Offer.ptxt", &p.bytes, &mut rng).is_ok(),
        "the issuer can even after revocation"
    );
}

#[test]
fn instant_revoke_takes_effect_at_once_and_opens_are_mailed_to_the_owner() {
    let (mut w, mut rng, p) = contoso_share(true);
    let pat = e(PAT);
    let o = w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(o.license_valid_until, Some(w.clock), "instant revoke: a 0-day use license");
    let until = w.revoke(&e(JANET), &p.content_id, &mut rng).unwrap();
    assert_eq!(until, w.clock);
    assert!(matches!(w.open_protected(Some(&pat), "Offer.ptxt", &p.bytes, &mut rng), Err(OpenError::Revoked { .. })));
    // Janet was told of both attempts.
    let mails: Vec<String> = w.mailbox(JANET).unwrap().messages.iter().map(|m| m.subject().to_string()).collect();
    assert_eq!(mails.iter().filter(|s| s.contains("tried to open Offer.ptxt")).count(), 2, "{mails:?}");
    let last = w.mailbox(JANET).unwrap().messages.last().unwrap();
    assert!(last.body(JANET).iter().any(|b| matches!(b, Block::Paragraph(t) if t.contains("could not open"))));
    // CSV export.
    let csv = w.tracking_csv(&e(JANET));
    assert!(csv.starts_with("Document,Protected,User,Time,Result\r\n"));
    assert_eq!(csv.lines().filter(|l| l.contains("p.dover@fabrikam.com")).count(), 2);
    assert!(csv.contains("revoked"));
}

#[test]
fn shared_office_files_get_a_read_only_ppdf_companion() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let docx = b"PK\x03\x04 not really a docx";
    let p = w
        .share_protected(
            Some(&e(PAT)),
            &req("Report.docx", docx, ROSA, PolicyChoice::Custom(Permission::CoAuthor)),
            &mut rng,
        )
        .unwrap();
    assert_eq!(p.file_name, "Report.docx");
    let (cname, cbytes) = p.companion.clone().expect("a companion");
    assert_eq!(cname, "Report.ppdf");
    let o = w.open_protected(Some(&e(ROSA)), &cname, &cbytes, &mut rng).unwrap();
    assert!(o.content.starts_with(b"%PDF-1.4") && o.content.ends_with(b"%%EOF\n"));
    assert!(
        o.rights.contains(&Right::Print) && !o.rights.contains(&Right::Edit) && !o.rights.contains(&Right::Export),
        "read-only"
    );
    let attachments = w.mailbox(ROSA).unwrap().messages.last().unwrap().attachments().to_vec();
    assert_eq!(attachments.len(), 2);
    // Not for protect in place, nor for PDF or text.
    let p = w.protect_in_place(Some(&e(PAT)), &req("Report.docx", docx, ROSA, viewer("")), &mut rng).unwrap();
    assert!(p.companion.is_none());
    let p = w.share_protected(Some(&e(PAT)), &req("a.pdf", b"%PDF-1.4", ROSA, viewer("")), &mut rng).unwrap();
    assert!(p.companion.is_none() && p.file_name == "a.ppdf");
}

#[test]
fn generic_protection_authenticates_only_and_owners_remove_protection() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let p = w.protect_in_place(Some(&e(PAT)), &req("Drawing.vsdx", b"visio", ROSA, viewer("")), &mut rng).unwrap();
    assert_eq!(p.file_name, "Drawing.vsdx.pfile");
    let o = w.open_protected(Some(&e(ROSA)), &p.file_name, &p.bytes, &mut rng).unwrap();
    assert!(!o.native);
    assert_eq!(o.rights.len(), 14, "generic protection grants every right (only authentication)");
    assert!(
        matches!(
            w.open_protected(Some(&e(JANET)), &p.file_name, &p.bytes, &mut rng),
            Err(OpenError::NotGranted { .. })
        ),
        "but still checks who you are"
    );
    // Remove protection: owners only.
    let t = w.protect_in_place(Some(&e(PAT)), &req("Sample.txt", b"sample", ROSA, viewer("")), &mut rng).unwrap();
    assert!(matches!(
        w.remove_protection(Some(&e(ROSA)), "Sample.ptxt", &t.bytes, &mut rng),
        Err(OpenError::NotGranted { .. })
    ));
    let (name, data) = w.remove_protection(Some(&e(PAT)), "Sample.ptxt", &t.bytes, &mut rng).unwrap();
    assert_eq!((name.as_str(), data.as_slice()), ("Sample.txt", &b"sample"[..]));
}

#[test]
fn a_cross_region_takeover_makes_earlier_content_unreadable_a_same_region_one_does_not() {
    for (admin, readable) in [(JANET, true), (LEE, false)] {
        let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
        let p = w.protect_in_place(Some(&e(PAT)), &req("Before.txt", b"before", ROSA, viewer("")), &mut rng).unwrap();
        let a = e(admin);
        let added = w.add_domain(&a, "fabrikam.com", &mut rng).unwrap();
        w.add_dns_record("fabrikam.com", RecordType::Txt, &added.challenge.txt, &mut rng).unwrap();
        w.advance_clock("1", TimeUnit::Hours).unwrap();
        w.confirm_domain(&a, "fabrikam.com", ForceTakeover::Force, &mut rng).unwrap();
        let r = w.open_protected(Some(&e(ROSA)), "Before.ptxt", &p.bytes, &mut rng);
        if readable {
            assert_eq!(r.unwrap().content, b"before", "same region: the key moved");
        } else {
            match r {
                Err(err @ OpenError::KeyLost { .. }) => {
                    assert!(err.to_string().contains("can no longer be opened by anyone"), "{err}")
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn converting_to_paid_keeps_protected_content_readable() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let p = w.protect_in_place(Some(&pat), &req("Kept.txt", b"kept", ROSA, viewer("")), &mut rng).unwrap();
    let c = w.become_admin_start(&pat, &mut rng).unwrap();
    w.add_dns_record("fabrikam.com", RecordType::Txt, &c.txt, &mut rng).unwrap();
    w.advance_clock("1", TimeUnit::Hours).unwrap();
    w.become_admin_confirm(&pat).unwrap();
    w.convert_to_paid(&pat).unwrap();
    assert_eq!(w.open_protected(Some(&e(ROSA)), "Kept.ptxt", &p.bytes, &mut rng).unwrap().content, b"kept");
    assert!(w.tracking_available(&pat), "tracking after conversion");
    assert!(w.tracked(&pat).iter().any(|d| d.name == "Kept.ptxt"));
}

#[test]
fn the_usage_log_is_in_the_documented_w3c_format() {
    let (mut w, mut rng, p) = contoso_share(false);
    w.open_protected(Some(&e(PAT)), "Offer.ptxt", &p.bytes, &mut rng).unwrap();
    w.revoke(&e(JANET), &p.content_id, &mut rng).unwrap();
    let log = w.usage_log_w3c(&e(JANET)).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines[0], "#Software: RMS");
    assert_eq!(lines[1], "#Version: 1.1");
    assert_eq!(
        lines[2],
        "#Fields: date\ttime\trow-id\trequest-type\tuser-id\tresult\tcorrelation-id\tcontent-id\towner-email\tissuer\ttemplate-id\tfile-name\tdate-published\tc-info\tc-ip\tadmin-action\tacting-as-user"
    );
    let types: Vec<&str> = lines[3..].iter().map(|l| l.split('\t').nth(3).unwrap()).collect();
    assert_eq!(
        types,
        vec!["Certify", "GetClientLicensorCert", "Certify", "AcquireLicense", "RevokeAccess"],
        "the Windows sharing application protects with a publishing certificate: FECreatePublishingLicenseV1 is for mobile clients"
    );
    let acquire: Vec<&str> = lines[6].split('\t').collect();
    assert_eq!(acquire.len(), 17);
    assert_eq!((acquire[0], acquire[1]), ("2016-05-02", "09:00:00"));
    assert_eq!(acquire[4], "'p.dover@fabrikam.com'");
    assert_eq!(acquire[5], "'Success'");
    assert_eq!(acquire[7], format!("{{{}}}", p.content_id));
    assert_eq!((acquire[8], acquire[11], acquire[12]), (JANET, "Offer.ptxt", "2016-05-02T09:00:00"));
    assert!(acquire[13].starts_with("'MSIPC;version="));
    let licensor: Vec<&str> = lines[4].split('\t').collect();
    assert!(licensor[7].is_empty(), "content-id is set only for AcquireLicense: {licensor:?}");
    let revoke: Vec<&str> = lines[7].split('\t').collect();
    assert!(revoke[13].contains("Document tracking site"), "{revoke:?}");
    assert!(
        revoke[8..13].iter().all(|f| f.is_empty()),
        "owner-email, issuer, template-id, file-name and date-published are blank for RevokeAccess: {revoke:?}"
    );
    // Only an admin of a paid tenant can download it.
    assert!(w.usage_log_w3c(&e(PAT)).is_err());
}

#[test]
fn documents_and_attachments_survive_save_and_load() {
    let (mut w, mut rng, p) = contoso_share(false);
    w.open_protected(Some(&e(PAT)), "Offer.ptxt", &p.bytes, &mut rng).unwrap();
    let back = persist::decode(&persist::encode(&w)).unwrap();
    assert_eq!(back, w);
    let attachments = back.mailbox(PAT).unwrap().messages.last().unwrap().attachments().to_vec();
    let (_, bytes) = back.mail.attachment(&attachments[0]).unwrap();
    assert_eq!(bytes, p.bytes, "the attachment is stored byte for byte");
    let mut back = back;
    assert!(
        back.open_protected(Some(&e(PAT)), "Offer.ptxt", &bytes, &mut rng).unwrap().from_cached_license,
        "the use license too"
    );
}

#[test]
fn the_protected_file_preset_holds_a_real_protected_pdf_for_pat() {
    let (mut w, mut rng) = load(Preset::ProtectedFileReceived);
    let m = w.mailbox(PAT).unwrap().messages.last().unwrap().clone();
    assert_eq!(m.subject(), "Q3 pricing proposal.ppdf (protected)".to_string());
    assert_eq!(m.from(), JANET);
    let attachments = m.attachments();
    let (name, bytes) = w.mail.attachment(&attachments[0]).unwrap();
    assert_eq!(name, "Q3 pricing proposal.ppdf");
    assert!(
        matches!(w.open_protected(Some(&e(PAT)), &name, &bytes, &mut rng), Err(OpenError::NotSignedIn { .. })),
        "Pat has no account yet"
    );
    sign_up(&mut w, &mut rng, PAT, "US");
    let o = w.open_protected(Some(&e(PAT)), &name, &bytes, &mut rng).unwrap();
    assert_eq!(o.header.content_type, "application/pdf");
    assert!(o.content.starts_with(b"%PDF"));
    assert_eq!(o.rights, Permission::Viewer.rights());
    // Janet tracks it and was told about both attempts.
    let docs = w.tracked(&e(JANET));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].accesses.len(), 2);
    assert_eq!(w.mailbox(JANET).unwrap().messages.len(), 2);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever happens to a protected file's bytes, opening it never
        /// panics, and it opens only if it is byte-for-byte the original.
        #[test]
        fn mangled_files_never_open_and_never_panic(data in prop::collection::vec(any::<u8>(), 1..400), edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..4), cut in any::<Option<usize>>()) {
            let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
            let p = w.protect_in_place(Some(&e(PAT)), &req("f.bin", &data, ROSA, PolicyChoice::Custom(Permission::Reviewer)), &mut rng).unwrap();
            let mut bytes = p.bytes.clone();
            for (at, x) in &edits {
                let i = at % bytes.len();
                bytes[i] ^= x;
            }
            if let Some(c) = cut {
                bytes.truncate(c % (bytes.len() + 1));
            }
            match w.open_protected(Some(&e(ROSA)), &p.file_name, &bytes, &mut rng) {
                Ok(o) => {
                    prop_assert_eq!(&bytes, &p.bytes);
                    prop_assert_eq!(o.content, data);
                }
                Err(err) => {
                    prop_assert_ne!(&bytes, &p.bytes);
                    prop_assert!(matches!(err, OpenError::Damaged | OpenError::NotProtected), "{:?}", err);
                }
            }
        }

        #[test]
        fn user_lists_and_dates_never_panic(users in ".{0,200}", date in ".{0,20}") {
            let _ = parse_users(&users);
            let _ = end_of_day(&date);
            let _ = naming(&users);
        }
    }
}

/// Fabrikam taken over by Pat (internal takeover) and converted to paid.
fn fabrikam_paid() -> (World, SeededRandom) {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let c = w.become_admin_start(&pat, &mut rng).unwrap();
    w.add_dns_record("fabrikam.com", RecordType::Txt, &c.txt, &mut rng).unwrap();
    w.advance_clock("1", TimeUnit::Hours).unwrap();
    w.become_admin_confirm(&pat).unwrap();
    w.convert_to_paid(&pat).unwrap();
    (w, rng)
}

fn request_types(w: &World, tenant_domain: &str) -> Vec<String> {
    let t = w.tenant_of_domain(tenant_domain).unwrap().id.clone();
    w.sharing.usage_log.iter().filter(|e| e.tenant == t).map(|e| e.request_type.clone()).collect()
}

#[test]
fn usage_logging_needs_an_administrator_and_its_switch_is_obeyed() {
    // RMS for individuals: no administrator, so nothing is logged and there is nothing to download.
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let fab = w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    assert!(!w.usage_logging_active(&fab));
    w.protect_in_place(Some(&e(PAT)), &req("Free.txt", b"free", ROSA, viewer("")), &mut rng).unwrap();
    assert!(request_types(&w, "fabrikam.com").is_empty(), "usage logging needs a tenant administrator");

    // After takeover and conversion it is on by default.
    let (mut w, mut rng) = fabrikam_paid();
    let pat = e(PAT);
    let fab = w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    assert!(w.usage_logging_active(&fab));
    let p = w.protect_in_place(Some(&pat), &req("One.txt", b"one", ROSA, viewer("")), &mut rng).unwrap();
    w.open_protected(Some(&e(ROSA)), "One.ptxt", &p.bytes, &mut rng).unwrap();
    let before = request_types(&w, "fabrikam.com");
    assert_eq!(before, ["Certify", "GetClientLicensorCert", "Certify", "AcquireLicense"]);

    // "Turn off": nothing more is written, and what was written stays downloadable.
    w.set_usage_logging(&pat, false).unwrap();
    assert!(!w.usage_logging_active(&fab));
    let p2 = w.protect_in_place(Some(&pat), &req("Two.txt", b"two", ROSA, viewer("")), &mut rng).unwrap();
    w.open_protected(Some(&e(ROSA)), "Two.ptxt", &p2.bytes, &mut rng).unwrap();
    assert_eq!(request_types(&w, "fabrikam.com"), before, "logging is off");
    let log = w.usage_log_w3c(&pat).unwrap();
    assert_eq!(log.lines().count(), 3 + before.len());
    // On again: requests are logged again.
    w.set_usage_logging(&pat, true).unwrap();
    w.open_protected(Some(&e(ROSA)), "Two.ptxt", &p2.bytes, &mut rng).unwrap();
    assert_eq!(request_types(&w, "fabrikam.com").last().map(String::as_str), Some("AcquireLicense"));
    assert_eq!(request_types(&w, "fabrikam.com").len(), before.len() + 1);
    // Both switches are in the admin log.
    let admin_log = w.admin_log_csv(&pat).unwrap();
    assert!(admin_log.contains("Disable-AadrmUsageLogFeature") && admin_log.contains("Enable-AadrmUsageLogFeature"));
}

#[test]
fn each_client_logs_the_request_types_the_documentation_lists_for_it() {
    let (mut w, mut rng) = fabrikam_paid();
    let pat = e(PAT);
    w.sign_in(SHARED_BROWSER, ROSA, "Fabrikam-2016!").ok();
    // With a template: the Windows sharing application downloads the templates first.
    let tpl = w.tenant_of_domain("fabrikam.com").unwrap().templates[0].id.clone();
    let p = w.protect_in_place(Some(&pat), &req("T.txt", b"t", "", PolicyChoice::Template(tpl)), &mut rng).unwrap();
    assert_eq!(
        request_types(&w, "fabrikam.com"),
        ["Certify", "AcquireTemplateInformation", "AcquireTemplates", "GetClientLicensorCert"]
    );
    assert!(!request_types(&w, "fabrikam.com").iter().any(|t| t == "FECreatePublishingLicenseV1"));
    // A mobile device asks with FECreateEndUserLicenseV1 and no Certify.
    w.open_protected_on(Client::MobileSharingApp, Some(&e(ROSA)), "T.ptxt", &p.bytes, &mut rng).unwrap();
    let last = w.sharing.usage_log.last().unwrap();
    assert_eq!(last.request_type, "FECreateEndUserLicenseV1");
    assert!(last.c_info.contains("OSName=Android"), "{}", last.c_info);
    assert_eq!(last.content_id, format!("{{{}}}", p.content_id));
    // Windows asks with AcquireLicense.
    w.open_protected(Some(&e(ROSA)), "T.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(w.sharing.usage_log.last().unwrap().request_type, "AcquireLicense");
    // Mobile devices read PDF, text and images, not Office documents.
    let doc = w.protect_in_place(Some(&pat), &req("Plan.docx", b"PK..", ROSA, viewer("")), &mut rng).unwrap();
    let err = w.open_protected_on(Client::MobileSharingApp, Some(&e(ROSA)), "Plan.docx", &doc.bytes, &mut rng);
    match err {
        Err(e @ OpenError::NotOnMobile { .. }) => assert!(e.to_string().contains(".ppdf"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(w.open_protected(Some(&e(ROSA)), "Plan.docx", &doc.bytes, &mut rng).is_ok(), "on Windows it opens");
}

#[test]
fn a_super_user_opens_every_document_under_the_tenant_key_retroactively_and_it_is_logged() {
    let (mut w, mut rng) = fabrikam_paid();
    let (pat, rosa) = (e(PAT), e(ROSA));
    // Monday: Pat protects a file for Janet only, with an expiry, then revokes nobody yet.
    let mut r = req("Monday.txt", b"monday", JANET, viewer(""));
    r.expires_on = "2016-12-31".into();
    let p = w.protect_in_place(Some(&pat), &r, &mut rng).unwrap();
    assert!(matches!(
        w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng),
        Err(OpenError::NotGranted { .. })
    ));

    // Disabled by default; adding works but gives nothing until the feature is enabled.
    let su = w.super_users(&pat).unwrap();
    assert!(!su.enabled && su.users.is_empty());
    assert_eq!(w.add_super_user(&pat, "R.Ortiz@Fabrikam.com").unwrap(), rosa);
    assert!(matches!(w.add_super_user(&pat, ROSA), Err(AdminError::AlreadySuperUser { .. })));
    assert!(matches!(w.add_super_user(&pat, JANET), Err(AdminError::NotInYourTenant { .. })));
    assert!(matches!(w.add_super_user(&pat, "nobody@fabrikam.com"), Err(AdminError::UserNotFound { .. })));
    assert!(matches!(
        w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng),
        Err(OpenError::NotGranted { .. })
    ));

    // Friday: the feature is enabled; Rosa now opens Monday's file with Full Control.
    w.advance_clock("4", TimeUnit::Days).unwrap();
    w.set_super_user_feature(&pat, true).unwrap();
    let o = w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng).unwrap();
    assert!(o.super_user && !o.is_owner);
    assert_eq!(o.rights, Right::ALL.to_vec(), "Full Control");
    assert_eq!(o.content, b"monday");
    let doc = &w.sharing.documents[&p.content_id];
    assert_eq!(doc.accesses.last().unwrap().outcome, AccessOutcome::OpenedBySuperUser);
    assert!(matches!(
        w.log.events.last().unwrap().kind,
        EventKind::FileOpened { outcome: AccessOutcome::OpenedBySuperUser, .. }
    ));
    // Each decryption is in the usage log.
    let last = w.sharing.usage_log.last().unwrap();
    assert_eq!(
        (last.request_type.as_str(), last.user_id.as_str(), last.result.as_str()),
        ("AcquireLicense", ROSA, "Success")
    );
    // Even after expiry, as Full Control implies.
    w.advance_clock("300", TimeUnit::Days).unwrap();
    assert!(w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng).unwrap().super_user);

    // Only documents protected under the tenant's own key.
    let contoso = w.share_protected(Some(&e(JANET)), &req("Contoso.txt", b"c", LEE, viewer("")), &mut rng).unwrap();
    assert!(matches!(
        w.open_protected(Some(&rosa), "Contoso.ptxt", &contoso.bytes, &mut rng),
        Err(OpenError::NotGranted { .. })
    ));

    // Removed, or the feature disabled: back to what was granted.
    w.remove_super_user(&pat, ROSA).unwrap();
    assert!(matches!(w.remove_super_user(&pat, ROSA), Err(AdminError::NotSuperUser { .. })));
    assert!(w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng).is_err());
    w.add_super_user(&pat, ROSA).unwrap();
    w.set_super_user_feature(&pat, false).unwrap();
    assert!(w.open_protected(Some(&rosa), "Monday.ptxt", &p.bytes, &mut rng).is_err());

    // The admin log (Get-AadrmAdminLog) has every administrative action, in order.
    let log = w.admin_log_csv(&pat).unwrap();
    let commands: Vec<&str> = log.lines().skip(1).map(|l| l.split(',').nth(2).unwrap().trim_matches('"')).collect();
    assert_eq!(
        commands,
        [
            "Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com",
            "Enable-AadrmSuperUserFeature",
            "Remove-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com",
            "Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com",
            "Disable-AadrmSuperUserFeature"
        ]
    );
    assert!(log.lines().skip(1).all(|l| l.contains(",p.dover@fabrikam.com,")));
}

#[test]
fn super_users_need_a_paid_subscription_and_an_administrator() {
    let (mut w, _) = load(Preset::FabrikamSignedUp);
    assert!(matches!(w.add_super_user(&e(PAT), ROSA), Err(AdminError::NotAnAdmin { .. })));
    assert!(matches!(w.super_users(&e(LEE)), Err(AdminError::NotPaid)), "Litware has no Azure RMS");
    assert!(matches!(w.admin_log_csv(&e(LEE)), Err(AdminError::NotPaid)));
}

#[test]
fn tracking_features_follow_one_rule_in_free_and_paid_tenants() {
    let (mut w, mut rng) = load(Preset::FabrikamSignedUp);
    let pat = e(PAT);
    let fab = w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    assert!(!w.tracking_supported(&fab) && !w.tracking_available(&pat));
    for (notify, instant, option) in [(true, false, NOTIFY_OPTION), (false, true, INSTANT_REVOKE_OPTION)] {
        let mut r = req("N.txt", b"n", ROSA, viewer(""));
        r.notify = notify;
        r.instant_revoke = instant;
        match w.share_protected(Some(&pat), &r, &mut rng) {
            Err(err @ ProtectError::NeedsTracking { .. }) => {
                assert!(err.to_string().starts_with(&format!("“{option}” needs a subscription")), "{err}");
                assert!(err.to_string().contains("the simulator's reading"), "{err}");
            }
            other => panic!("{other:?}"),
        }
    }
    // Without those options a free tenant protects; nobody is mailed when it is opened.
    let p = w.share_protected(Some(&pat), &req("N.txt", b"n", ROSA, viewer("")), &mut rng).unwrap();
    let mails = w.mailbox(PAT).map(|m| m.messages.len()).unwrap_or(0);
    w.open_protected(Some(&e(ROSA)), "N.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(w.mailbox(PAT).map(|m| m.messages.len()).unwrap_or(0), mails, "no notification in a free tenant");
    assert!(matches!(w.revoke(&pat, &p.content_id, &mut rng), Err(RevokeError::NotPaid)));
    // After conversion all four work.
    let (mut w, mut rng) = fabrikam_paid();
    let fab = w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    assert!(w.tracking_supported(&fab));
    let mut r = req("N.txt", b"n", ROSA, viewer(""));
    r.notify = true;
    r.instant_revoke = true;
    let p = w.share_protected(Some(&pat), &r, &mut rng).unwrap();
    let mails = w.mailbox(PAT).map(|m| m.messages.len()).unwrap_or(0);
    w.open_protected(Some(&e(ROSA)), "N.ptxt", &p.bytes, &mut rng).unwrap();
    assert_eq!(w.mailbox(PAT).unwrap().messages.len(), mails + 1, "the owner is mailed");
    assert_eq!(w.revoke(&pat, &p.content_id, &mut rng).unwrap(), w.clock, "instant revoke: at once");
}
