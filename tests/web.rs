//! Browser tests (wasm-bindgen-test in headless Chromium): persistence on the
//! real localStorage, and the portal and account pages mounted into a fresh
//! element, driven the way a person would (type, click, read the live regions).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rms_sim::persist::{self, Backend};
use rms_sim::platform::LocalStorage;
use rms_sim::sim::{Config, Preset, SHARED_BROWSER, SeededRandom, World};
use rms_sim::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn cheap_world(preset: Preset) -> World {
    World::load(preset, Config { pbkdf2_iterations: 10, ..Config::default() }, &mut SeededRandom::new(11))
}

/// Lets Leptos effects, the router and microtasks run.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

/// Mounts the whole app at `path` into a fresh element; the handle unmounts it.
struct Mounted {
    root: web_sys::Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// The personal-address table, installed as the app does once it has fetched
/// it (the test runner doesn't serve `public/`; `tests/web_lists.rs` tests the
/// fetch and the wait).
fn install_personal_table() {
    use rms_sim::sim::personal::{PersonalTable, install};
    install(PersonalTable::parse(include_str!("../public/personal-domains.txt")).unwrap());
}

fn mount_at(path: &str) -> Mounted {
    install_personal_table();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let root = document().create_element("section").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), || view! { <App /> }.into_any());
    Mounted { root, _handle: handle }
}

impl Mounted {
    fn el<T: JsCast>(&self, selector: &str) -> T {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }
    fn maybe_text(&self, selector: &str) -> Option<String> {
        self.root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default())
    }
    fn text(&self, selector: &str) -> String {
        self.maybe_text(selector).unwrap_or_else(|| {
            panic!("no element matches {selector} in: {}", self.root.text_content().unwrap_or_default())
        })
    }
    fn type_into(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.el(selector);
        input.set_value(value);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    }
    fn choose(&self, selector: &str, value: &str) {
        let select: HtmlSelectElement = self.el(selector);
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    }
    fn click_button(&self, name: &str) {
        let buttons = self.root.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let b: HtmlElement = buttons.get(i).unwrap().unchecked_into();
            if b.text_content().unwrap_or_default().trim() == name {
                b.click();
                return;
            }
        }
        panic!("no button named {name}");
    }
    fn h1(&self) -> String {
        self.text("h1")
    }
}

fn stored_world() -> World {
    persist::load(&LocalStorage).unwrap().expect("a saved world")
}

// ───────────────────────── persistence ─────────────────────────

#[wasm_bindgen_test]
fn local_storage_round_trip_keeps_the_whole_world() {
    storage().clear().unwrap();
    assert_eq!(persist::load(&LocalStorage).unwrap(), None);
    let w = cheap_world(Preset::FabrikamSignedUp);
    persist::save(&LocalStorage, &w).unwrap();
    assert_eq!(persist::load(&LocalStorage).unwrap(), Some(w));
    let raw = LocalStorage.read(persist::KEY).unwrap().unwrap();
    assert!(
        persist::readable(&raw).starts_with(&format!("{{\"schema\":{}", persist::SCHEMA_VERSION)),
        "versioned envelope"
    );
    assert!(!raw.contains("Fabrikam-2016!"), "no plain passwords in storage");
}

#[wasm_bindgen_test]
fn unreadable_stored_data_is_reported_and_left_alone() {
    storage().clear().unwrap();
    storage().set_item(persist::KEY, "{\"schema\":1,\"world\":").unwrap();
    assert!(matches!(persist::load(&LocalStorage), Err(persist::LoadError::Corrupt { .. })));
    assert_eq!(storage().get_item(persist::KEY).unwrap().as_deref(), Some("{\"schema\":1,\"world\":"));
}

#[wasm_bindgen_test]
async fn app_shows_recovery_screen_for_bad_data_and_changes_nothing() {
    storage().clear().unwrap();
    storage().set_item(persist::KEY, "garbage").unwrap();
    let app = mount_at("/portal");
    settle().await;
    assert_eq!(app.h1(), "The saved simulator state can't be used");
    assert!(app.text("[role=alert]").contains("not valid JSON"));
    assert_eq!(storage().get_item(persist::KEY).unwrap().as_deref(), Some("garbage"));
    app.click_button("Reset");
    settle().await;
    assert_eq!(app.h1(), "Microsoft Rights Management");
    assert_eq!(stored_world().scenario, "default");
}

#[wasm_bindgen_test]
async fn first_visit_loads_and_saves_the_default_scenario() {
    storage().clear().unwrap();
    let app = mount_at("/");
    settle().await;
    assert_eq!(app.h1(), "RMS for individuals simulator");
    let w = stored_world();
    assert_eq!(w.scenario, "default");
    assert!(w.tenant_of_domain("contoso.com").is_some());
    assert!(
        app.root.text_content().unwrap().contains("Contoso-2016!"),
        "the start page shows the pre-made credentials"
    );
}

#[wasm_bindgen_test]
async fn a_first_visit_keeps_a_state_another_tab_stored_before_its_own_first_save() {
    storage().clear().unwrap();
    let app = mount_at("/directory");
    // Another tab's first visit saved first, before this page painted: this
    // tab's default world (stored only after the first paint) gives way.
    let theirs = cheap_world(Preset::FabrikamSignedUp);
    assert!(cheap_world(Preset::Default).tenant_of_domain("fabrikam.com").is_none());
    persist::save(&LocalStorage, &theirs).unwrap();
    settle().await;
    assert_eq!(stored_world(), theirs, "their state is not overwritten");
    assert!(app.root.text_content().unwrap().contains("fabrikam.com"), "and this tab shows it");
}

#[wasm_bindgen_test]
async fn a_first_visit_that_cannot_store_its_world_says_so_and_runs_in_memory() {
    storage().clear().unwrap();
    capture_alerts();
    fill_storage_leaving(10);
    let app = mount_at("/portal");
    settle().await;
    storage().remove_item("filler").unwrap();
    let said = alerts();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("QuotaExceededError"), "{}", said[0]);
    assert!(app.text("[role=alert]").contains("QuotaExceededError"), "the header's banner says so too");
    assert_eq!(storage().get_item(persist::KEY).unwrap(), None, "nothing half-written");
    app.type_into("#portal-email", "p.dover@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=status]").contains("We sent a message"), "the simulator still works in memory");
}

// ───────────────────────── portal ─────────────────────────

#[wasm_bindgen_test]
async fn portal_refuses_bad_and_personal_addresses_with_alerts() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &cheap_world(Preset::Default)).unwrap();
    let app = mount_at("/portal");
    settle().await;
    assert_eq!(app.h1(), "Microsoft Rights Management");
    let label = app.el::<web_sys::HtmlLabelElement>("label[for=portal-email]");
    assert_eq!(label.text_content().unwrap(), "Email address");

    app.type_into("#portal-email", "p.dover");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=alert]").contains("needs an @"), "{}", app.text("[role=alert]"));

    app.type_into("#portal-email", "someone@outlook.com");
    app.click_button("Get started");
    settle().await;
    let alert = app.text("[role=alert]");
    assert!(alert.starts_with("That looks like a personal email address."), "{alert}");
    assert!(app.maybe_text("[role=status]").is_none());
    // From the fetched table, not the built-in list.
    app.type_into("#portal-email", "someone@mailinator.com");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=alert]").contains("disposable email services"), "{}", app.text("[role=alert]"));
    app.type_into("#portal-email", "someone@fabrikam.local");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=alert]").contains("only inside a local network"), "{}", app.text("[role=alert]"));
    assert!(stored_world().mail.mailboxes.is_empty(), "no mail was sent");
}

#[wasm_bindgen_test]
async fn portal_sends_the_confirmation_mail_and_shows_what_happened() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &cheap_world(Preset::Default)).unwrap();
    let app = mount_at("/portal?email=p.dover@fabrikam.com");
    settle().await;
    assert_eq!(app.el::<HtmlInputElement>("#portal-email").value(), "p.dover@fabrikam.com", "prefilled from the link");
    app.click_button("Get started");
    settle().await;
    let status = app.text("[role=status]");
    assert!(
        status.contains("We sent a message to p.dover@fabrikam.com from Microsoft (DoNotReply@microsoft.com)"),
        "{status}"
    );
    assert!(app.text(".behind").contains("Confirmation email sent to p.dover@fabrikam.com"));
    let w = stored_world();
    let mail = &w.mailbox("p.dover@fabrikam.com").unwrap().messages[0];
    assert_eq!((mail.from(), mail.subject()), ("DoNotReply@microsoft.com", "Microsoft RMS".to_string()));
}

#[wasm_bindgen_test]
async fn portal_reflects_a_signup_finished_in_another_tab() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &cheap_world(Preset::Default)).unwrap();
    let app = mount_at("/portal");
    settle().await;
    app.type_into("#portal-email", "p.dover@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    // Another tab completes the sign-up and saves; this tab hears a storage event.
    let mut other = stored_world();
    let token = other.signups.pending.values().next().unwrap().clone();
    let details = rms_sim::sim::AccountDetails {
        first_name: "Pat".into(),
        last_name: "Dover".into(),
        password: "Fabrikam-2016!".into(),
        confirm_password: "Fabrikam-2016!".into(),
        country: "US".into(),
    };
    other.complete_signup(&token, &details, &mut SeededRandom::new(5)).unwrap();
    let raw = persist::save(&LocalStorage, &other).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(persist::KEY));
    init.set_new_value(Some(&raw));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    settle().await;
    let status = app.text("[role=status]");
    assert!(status.contains("Your account p.dover@fabrikam.com is ready"), "{status}");
}

// ───────────────────────── account page ─────────────────────────

async fn account_page() -> (Mounted, String) {
    storage().clear().unwrap();
    let mut w = cheap_world(Preset::Default);
    w.start_signup(SHARED_BROWSER, "p.dover@fabrikam.com", &mut SeededRandom::new(3)).unwrap();
    let token = w.signups.pending.values().next().unwrap().clone();
    persist::save(&LocalStorage, &w).unwrap();
    let app = mount_at(&format!("/portal/verify?token={token}"));
    settle().await;
    (app, token)
}

#[wasm_bindgen_test]
async fn account_page_has_the_seed_fields_and_every_country() {
    let (app, _) = account_page().await;
    assert_eq!(app.h1(), "Microsoft Rights Management");
    for (id, label) in [
        ("first-name", "First name"),
        ("last-name", "Last name"),
        ("password", "Password"),
        ("confirm-password", "Confirm password"),
        ("country", "Country"),
    ] {
        assert_eq!(app.text(&format!("label[for={id}]")), label);
    }
    let select: HtmlSelectElement = app.el("#country");
    assert_eq!(select.options().length(), 250, "249 ISO 3166 countries and the prompt");
    // In the order a person reads them, by their 2016 names.
    let label = |i: u32| select.options().get_with_index(i).unwrap().text_content().unwrap();
    assert_eq!((label(1), label(2), label(3)), ("Afghanistan".into(), "Åland Islands".into(), "Albania".into()));
    assert_eq!(label(249), "Zimbabwe");
    let names: Vec<String> = (1..250).map(label).collect();
    for name in ["Swaziland", "Macedonia", "Turkey", "Czech Republic", "Cape Verde", "Netherlands", "Côte d'Ivoire"] {
        assert!(names.iter().any(|n| n == name), "{name}");
    }
}

#[wasm_bindgen_test]
async fn account_page_names_each_problem_then_creates_the_account() {
    let (app, token) = account_page().await;
    app.type_into("#first-name", "Pat");
    app.type_into("#password", "password");
    app.type_into("#confirm-password", "passwort");
    app.click_button("Create");
    settle().await;
    let alert = app.text("[role=alert]");
    assert!(alert.contains("Enter your last name."), "{alert}");
    assert!(alert.contains("at least 3 of these 4 groups"), "{alert}");
    assert!(alert.contains("The passwords don't match."), "{alert}");
    assert!(alert.contains("Select your country"), "{alert}");
    assert_eq!(app.el::<HtmlInputElement>("#last-name").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(stored_world().tenant_of_domain("fabrikam.com").is_none(), "nothing created");

    app.type_into("#last-name", "Dover");
    app.type_into("#password", "Fabrikam-2016!");
    app.type_into("#confirm-password", "Fabrikam-2016!");
    app.choose("#country", "GB");
    app.click_button("Create");
    settle().await;
    assert!(app.text("[role=status]").contains("Your account p.dover@fabrikam.com was created"));
    let w = stored_world();
    let t = w.tenant_of_domain("fabrikam.com").expect("tenant created");
    assert_eq!(t.users.values().next().unwrap().country, "GB");
    assert!(w.confirmation(&token).is_err(), "the link is used up");
}

#[wasm_bindgen_test]
async fn account_page_for_a_used_link_says_so() {
    let (app, token) = account_page().await;
    drop(app);
    let mut w = stored_world();
    w.signups.flows.get_mut(&token).unwrap().state = rms_sim::sim::FlowState::Completed { at: w.clock };
    persist::save(&LocalStorage, &w).unwrap();
    let app = mount_at(&format!("/portal/verify?token={token}"));
    settle().await;
    assert!(app.text("[role=alert]").contains("already used"));
    assert!(app.root.query_selector("#first-name").unwrap().is_none());
}

// ───────────────────────── storage that fails ─────────────────────────

/// Replaces `window.alert` so tests can read what the app told the person.
fn capture_alerts() {
    js_sys::eval("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));").unwrap();
}

fn alerts() -> Vec<String> {
    let arr = js_sys::eval("window.__alerts").unwrap();
    js_sys::Array::from(&arr).iter().map(|v| v.as_string().unwrap_or_default()).collect()
}

/// Fills localStorage with filler until `room` characters are left; returns a cleanup.
fn fill_storage_leaving(room: usize) {
    let s = storage();
    let (mut lo, mut hi) = (0usize, 6_000_000usize);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if s.set_item("filler", &"a".repeat(mid)).is_ok() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    s.set_item("filler", &"a".repeat(lo.saturating_sub(room))).unwrap();
}

#[wasm_bindgen_test]
async fn a_full_quota_keeps_the_saved_state_and_the_work_and_says_so() {
    storage().clear().unwrap();
    capture_alerts();
    let w = cheap_world(Preset::Default);
    persist::save(&LocalStorage, &w).unwrap();
    let saved_before = storage().get_item(persist::KEY).unwrap();
    let app = mount_at("/portal");
    settle().await;
    fill_storage_leaving(10);
    app.type_into("#portal-email", "p.dover@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    storage().remove_item("filler").unwrap();
    let said = alerts();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("couldn't be saved") && said[0].contains("QuotaExceededError"), "{}", said[0]);
    assert_eq!(storage().get_item(persist::KEY).unwrap(), saved_before, "the previously saved state is intact");
    assert!(
        app.text("[role=status]").contains("We sent a message to p.dover@fabrikam.com"),
        "the in-memory state goes on working"
    );
    assert!(app.root.text_content().unwrap().contains("couldn't be saved"), "a banner says so too");
    // Once there is room again, the next action saves everything, the earlier change included.
    app.type_into("#portal-email", "r.ortiz@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    let w = stored_world();
    assert!(w.mailbox("p.dover@fabrikam.com").is_some() && w.mailbox("r.ortiz@fabrikam.com").is_some());
    assert!(!app.root.text_content().unwrap().contains("couldn't be saved"), "the banner goes once saving works");
}

/// Makes `window.localStorage` throw like a browser with storage disabled.
fn disable_storage() {
    js_sys::eval(
        "window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage') ? [window, Object.getOwnPropertyDescriptor(window, 'localStorage')] : [Window.prototype, Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage')];
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });",
    )
    .unwrap();
}

fn enable_storage() {
    js_sys::eval(
        "delete window.localStorage; if (window.__ls[0] === window) Object.defineProperty(window, 'localStorage', window.__ls[1]);",
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn unavailable_storage_runs_in_memory_and_says_so() {
    storage().clear().unwrap();
    capture_alerts();
    disable_storage();
    let app = mount_at("/portal");
    settle().await;
    let said = alerts();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("won't let the simulator use its local storage") && said[0].contains("SecurityError"),
        "{}",
        said[0]
    );
    assert!(app.text("[role=alert]").contains("nothing you do will be kept"));
    app.type_into("#portal-email", "p.dover@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=status]").contains("We sent a message"), "the simulator still works in memory");
    assert_eq!(alerts().len(), 1, "no alert per action once the person was told");
    enable_storage();
    assert_eq!(storage().get_item(persist::KEY).unwrap(), None, "nothing was written");
}

#[wasm_bindgen_test]
async fn refused_writes_leave_storage_intact() {
    storage().clear().unwrap();
    capture_alerts();
    let w = cheap_world(Preset::Default);
    persist::save(&LocalStorage, &w).unwrap();
    let before = storage().get_item(persist::KEY).unwrap();
    let app = mount_at("/");
    settle().await;
    js_sys::eval("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };").unwrap();
    app.type_into("#blocked-new", "northwind.com");
    app.click_button("Add");
    settle().await;
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
    assert_eq!(storage().get_item(persist::KEY).unwrap(), before);
    assert_eq!(alerts().len(), 1);
    assert!(app.root.text_content().unwrap().contains("northwind.com is now blocked."), "the change works in memory");
}

// ───────────────────────── user text with bidi controls ─────────────────────────

/// A notice naming a file whose name holds a right-to-left override: the name
/// is isolated in a <bdi>, the rest of the sentence is plain text after it,
/// and the text content is exactly the message.
#[wasm_bindgen_test]
async fn a_notice_isolates_a_name_with_a_right_to_left_override() {
    use rms_sim::ui::components::status::{Notice, NoticeView};
    let root = document().create_element("section").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let message = "Pat\u{202E}txt.exe was emailed to p.dover@fabrikam.com.";
    let notice = RwSignal::new(Notice::Ok(message.to_string()));
    let handle = leptos::mount::mount_to(
        root.clone().unchecked_into::<HtmlElement>(),
        move || view! { <NoticeView notice=notice /> },
    );
    let status = root.query_selector("[role=status]").unwrap().expect("a status");
    assert_eq!(status.text_content().unwrap(), message);
    let bdis = status.query_selector_all("bdi").unwrap();
    assert_eq!(bdis.length(), 1);
    assert_eq!(bdis.get(0).unwrap().text_content().unwrap(), "Pat\u{202E}txt.exe");
    // Without a bidi control there is nothing to isolate.
    notice.set(Notice::Err("Report.pdf couldn't be read.".into()));
    settle().await;
    let alert = root.query_selector("[role=alert]").unwrap().expect("an alert");
    assert_eq!(alert.text_content().unwrap(), "Report.pdf couldn't be read.");
    assert_eq!(alert.query_selector_all("bdi").unwrap().length(), 0);
    drop(handle);
    root.remove();
}

// ───────────────────────── feedback and header ─────────────────────────

/// A notice speaks of the situation it was made in: when the world moves on
/// (here the clock's quick step), it goes; a new action brings a new one.
#[wasm_bindgen_test]
async fn a_notice_goes_when_the_world_changes() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &cheap_world(Preset::Default)).unwrap();
    let app = mount_at("/portal");
    settle().await;
    app.type_into("#portal-email", "someone@outlook.com");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("[role=alert]").starts_with("That looks like a personal email address."));
    app.click_button("+15 minutes");
    settle().await;
    assert!(app.maybe_text("main [role=alert]").is_none(), "the refusal spoke of the moment before");
    app.type_into("#portal-email", "p.dover@fabrikam.com");
    app.click_button("Get started");
    settle().await;
    assert!(app.text("main [role=status]").contains("p.dover@fabrikam.com"));
}

/// The header's navigation links every area; the clock shows the time in
/// full and in short (the phone's), both with the same datetime.
#[wasm_bindgen_test]
async fn the_header_links_every_area_and_shows_the_time_twice() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &cheap_world(Preset::Default)).unwrap();
    let app = mount_at("/");
    settle().await;
    let links = app.root.query_selector_all("nav#site-nav a").unwrap();
    let hrefs: Vec<String> = (0..links.length())
        .map(|i| links.get(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("href").unwrap())
        .collect();
    for area in [
        "/",
        "/portal",
        "/inbox",
        "/signin",
        "/sharing",
        "/viewer",
        "/tracking",
        "/directory",
        "/admin",
        "/dns",
        "/powershell",
        "/inventory",
        "/events",
    ] {
        assert!(hrefs.iter().any(|h| h == area), "{area} in {hrefs:?}");
    }
    assert_eq!(app.text("[data-testid=clock]"), "Mon 2 May 2016, 09:00:00 UTC");
    assert_eq!(app.text(".clock-short"), "Mon 2 May, 09:00");
    let menu: HtmlElement = app.el(".menu-button");
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("false"));
    menu.click();
    settle().await;
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(app.el::<web_sys::Element>("nav#site-nav").class_list().contains("open"));
}

// ───────────────────────── long lists ─────────────────────────

/// The default scenario and `users` sign-ups across `tenants` new domains
/// (user7@org7.com …), cheaply hashed.
fn crowded_world(users: usize, tenants: usize) -> World {
    let mut rng = SeededRandom::new(12);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    w.sign_up_crowd(users, tenants, "Crowd", &mut rng);
    w
}

/// The test page has none of the app's styles, so a list is short and its end
/// in view, and the list would show more at once: items as tall as the app
/// makes them or taller keep the end below the screen, as it is in the app.
fn tall_list_items() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "ul.mailboxes li { min-height: 120px } section.tenant { min-height: 600px } .stories > * { min-height: 200px }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
}

impl Mounted {
    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }
    fn page_text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
    /// The table rows whose first cell ends with `suffix` (a tenant's users).
    fn rows_ending(&self, suffix: &str) -> usize {
        let cells = self.root.query_selector_all("tbody tr td:first-child").unwrap();
        (0..cells.length())
            .filter(|i| cells.get(*i).unwrap().text_content().unwrap_or_default().ends_with(suffix))
            .count()
    }
}

#[wasm_bindgen_test]
async fn the_directory_of_a_crowded_world_shows_a_page_at_a_time_and_finds_any_user() {
    storage().clear().unwrap();
    let w = crowded_world(300, 100);
    let all = w.directory.tenants.len();
    persist::save(&LocalStorage, &w).unwrap();
    tall_list_items();
    let app = mount_at("/directory");
    settle().await;
    assert_eq!(app.count("section.tenant"), 10, "the first page of tenants");
    assert!(app.count("svg.tenant-box") <= 12, "the diagram draws at most 12 boxes");
    let text = app.page_text();
    assert!(text.contains(&format!("10 of {all} tenants listed")), "{text}");
    assert!(text.contains(&format!("The diagram shows 12 of the {all} tenants")), "{text}");
    app.click_button("Show 10 more tenants");
    settle().await;
    assert_eq!(app.count("section.tenant"), 20);

    // A user far down the list is found, in their tenant, by themself.
    app.type_into("#directory-search", "User257@");
    settle().await;
    assert_eq!(app.count("section.tenant"), 1);
    assert_eq!(app.text("section.tenant h2"), "org57.com");
    assert_eq!(app.count("svg.tenant-box"), 1, "the diagram shows what the search finds");
    let text = app.text("section.tenant");
    assert!(text.contains("1 of 3 users matches “user257@”"), "{text}");
    assert!(text.contains("user257@org57.com") && !text.contains("user157@org57.com"), "{text}");

    // A domain finds its tenant with all its users.
    app.type_into("#directory-search", "org57.com");
    settle().await;
    assert_eq!(app.count("section.tenant"), 1);
    assert_eq!(app.rows_ending("@org57.com"), 3);

    app.type_into("#directory-search", "nobody-here");
    settle().await;
    assert_eq!(app.count("section.tenant"), 0);
    assert!(app.page_text().contains("No tenant, domain or user matches “nobody-here”."));
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_tenant_with_many_users_lists_them_a_page_at_a_time() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &crowded_world(60, 1)).unwrap();
    tall_list_items();
    let app = mount_at("/directory");
    settle().await;
    // Three tenants: no search box is needed.
    assert_eq!(app.count("#directory-search"), 0);
    assert_eq!(app.rows_ending("@org0.com"), 25);
    assert!(app.page_text().contains("25 of 60 users listed"));
    app.click_button("Show 25 more users of org0.com");
    settle().await;
    assert_eq!(app.rows_ending("@org0.com"), 50);
    app.click_button("Show 10 more users of org0.com");
    settle().await;
    assert_eq!(app.rows_ending("@org0.com"), 60);
    let text = app.page_text();
    assert!(text.contains("60 of 60 users listed") && !text.contains("more users of"), "nothing left to show: {text}");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_inbox_of_a_crowded_world_shows_a_page_of_mailboxes_and_finds_one() {
    storage().clear().unwrap();
    let w = crowded_world(300, 100);
    let all = w.mail.mailboxes.len();
    persist::save(&LocalStorage, &w).unwrap();
    tall_list_items();
    let app = mount_at("/inbox");
    settle().await;
    assert_eq!(app.count("ul.mailboxes li"), 25);
    assert!(app.page_text().contains(&format!("25 of {all} mailboxes listed")));
    app.type_into("#inbox-search", "USER29");
    settle().await;
    // user29, user290 … user299
    assert_eq!(app.count("ul.mailboxes li"), 11);
    assert!(!app.page_text().contains(" listed"), "all eleven show");
    app.type_into("#inbox-search", "zzz");
    settle().await;
    assert!(app.page_text().contains("No mailbox matches “zzz”."));
    // "Act as" lists the shared browser, the first 50 people and "Find someone else…".
    assert_eq!(app.count("#act-as option"), 52);
    let more = w.people().len() - 50;
    assert!(app.text("#act-as").contains(&format!("Find someone else… ({more} more, under Inbox)")));
    drop(app);

    // A mailbox far down the list: "Act as" its owner from there.
    let app = mount_at("/inbox/user257@org57.com");
    settle().await;
    app.click_button("Act as user257@org57.com");
    settle().await;
    let select: HtmlSelectElement = app.el("#act-as");
    assert_eq!(select.value(), "user257@org57.com");
    assert_eq!(app.count("#act-as option"), 53, "the person this tab is, listed too");
    assert!(app.maybe_text("button.small").is_none_or(|t| !t.contains("Act as user257")));
    // The tab's device outlives the mount: back to the shared browser for the next test.
    rms_sim::platform::TabDevice::write(SHARED_BROWSER);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_long_list_shows_more_when_its_end_scrolls_into_view() {
    storage().clear().unwrap();
    persist::save(&LocalStorage, &crowded_world(120, 40)).unwrap();
    tall_list_items();
    let app = mount_at("/inbox");
    settle().await;
    assert_eq!(app.count("ul.mailboxes li"), 25);
    let more: HtmlElement = app.el(".show-more button");
    more.scroll_into_view();
    // The observer reports on a rendering step: wait for a few.
    for _ in 0..20 {
        settle().await;
        if app.count("ul.mailboxes li") > 25 {
            break;
        }
    }
    assert!(app.count("ul.mailboxes li") >= 50, "more mailboxes once the end is in view");
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    storage().clear().unwrap();
}
