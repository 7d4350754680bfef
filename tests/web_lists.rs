//! The personal-address table in the browser (wasm-bindgen-test in headless
//! Chromium), in a test binary of its own so that nothing has installed the
//! table before: the app fetches it after the first paint, and "Get started"
//! waits for it, saying so, so that no sign-up is checked against half the
//! list. The test runner doesn't serve `public/`, so `fetch` is stood in for
//! with the committed file, answered only when the test says.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rms_sim::persist;
use rms_sim::platform::LocalStorage;
use rms_sim::sim::personal::installed;
use rms_sim::sim::{Config, Preset, SeededRandom, World};
use rms_sim::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = include_str!("../public/personal-domains.txt");

/// Replaces `window.fetch` for the table's URL: the requests are counted in
/// `window.tableRequests`, and answered (with `body`) when `window.answerTable()`
/// is called.
fn stand_in_for_fetch(body: &str) {
    let install = js_sys::Function::new_with_args(
        "body",
        "const real = window.fetch; window.tableRequests = []; let answer; \
         const answered = new Promise(r => { answer = r; }); \
         window.answerTable = () => answer(); \
         window.fetch = (url, init) => { \
           if (String(url).endsWith('/personal-domains.txt')) { \
             window.tableRequests.push(String(url)); \
             return answered.then(() => new Response(body, { headers: { 'Content-Type': 'text/plain' } })); \
           } \
           return real(url, init); };",
    );
    install.call1(&JsValue::NULL, &body.into()).unwrap();
}

fn window_value(name: &str) -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &name.into()).unwrap()
}

async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn get_started_waits_for_the_table_fetched_after_the_first_paint() {
    let document = web_sys::window().unwrap().document().unwrap();
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let world =
        World::load(Preset::Default, Config { pbkdf2_iterations: 10, ..Config::default() }, &mut SeededRandom::new(3));
    persist::save(&LocalStorage, &world).unwrap();
    stand_in_for_fetch(TABLE);
    web_sys::window().unwrap().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("/portal")).unwrap();
    let root = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let _app = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), || view! { <App /> }.into_any());
    let q = |sel: &str| root.query_selector(sel).unwrap();
    let button = || -> HtmlButtonElement { q("button[type=submit]").expect("the Get started button").unchecked_into() };

    // Mounting didn't fetch the table: that waits for a frame to be painted.
    assert!(installed().is_none());
    assert_eq!(window_value("tableRequests").unchecked_into::<js_sys::Array>().length(), 0);
    // Before the table: the button is there, disabled, and the page says why.
    // The fetch waits for the first paint, which a busy machine delays: wait
    // for it (up to about two seconds) rather than for a fixed time.
    for _ in 0..80 {
        settle().await;
        if window_value("tableRequests").unchecked_into::<js_sys::Array>().length() > 0 {
            break;
        }
    }
    assert_eq!(button().text_content().unwrap(), "Get started");
    assert!(button().disabled());
    let requests: js_sys::Array = window_value("tableRequests").unchecked_into();
    assert_eq!(requests.length(), 1, "fetched once");
    assert_eq!(requests.get(0).as_string().unwrap(), "/personal-domains.txt", "from the page's own origin");
    assert!(button().disabled(), "still waiting for the answer");
    let status = q("[role=status]").expect("a status while loading").text_content().unwrap();
    assert!(status.starts_with("Checking…"), "{status}");
    // Submitting anyway (Enter in the box) does nothing.
    let input: HtmlInputElement = q("#portal-email").unwrap().unchecked_into();
    input.set_value("someone@gmx.at");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let form: web_sys::HtmlFormElement = q("form").unwrap().unchecked_into();
    form.request_submit().unwrap();
    settle().await;
    assert!(q("[role=alert]").is_none(), "nothing was checked yet");
    assert!(persist::load(&LocalStorage).unwrap().unwrap().log.events.len() == world.log.events.len());

    // The table arrives: installed, the button works, and a domain that only
    // the table lists is refused.
    let answer: js_sys::Function = window_value("answerTable").unchecked_into();
    answer.call0(&JsValue::NULL).unwrap();
    // It is read a slice of lines per task (`ui::state::read_in_slices`):
    // wait for the last slice (up to about two seconds).
    for _ in 0..80 {
        settle().await;
        if installed().is_some() {
            break;
        }
    }
    assert!(installed().is_some_and(|t| t.len() > 10_000));
    assert!(!button().disabled());
    assert!(q("[role=status]").is_none(), "the Checking… status is gone");
    button().click();
    settle().await;
    let alert = q("[role=alert]").expect("a refusal").text_content().unwrap();
    assert!(alert.starts_with("That looks like a personal email address."), "{alert}");
    root.remove();
}
