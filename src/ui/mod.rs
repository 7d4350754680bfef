//! The Leptos UI: thin components over the engine. `App` boots the shared
//! state, listens for other tabs, and routes to the pages.

pub mod components;
pub mod lazy;
pub mod pages;
pub mod state;

use crate::persist::history;
use components::header::Header;
use components::lesson_panel::{LessonPanel, Lessons as LessonState, PresenterEffects};
use components::recovery::Recovery;
use components::share_world::SharedWorldOffer;
use lazy::*;
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{NotFound, Portal};
use state::{Boot, Sim};

pub use state::PersonalList;

/// Starts the app in the browser. A stored state (or a world in the link)
/// needs the code that reads it before the app can show it: that file is
/// fetched first (`public/boot.js` already asked for it beside the main
/// one). A first visit starts at once, with the default world.
pub fn start() {
    let waiting = crate::platform::stored_state_present()
        || crate::platform::fragment().is_some_and(|f| f.starts_with(crate::persist::share::PREFIX));
    if crate::persist::decoder_ready() || !waiting {
        leptos::mount::mount_to_body(App);
        return;
    }
    // Leptos sets up its executor when it mounts: not yet.
    wasm_bindgen_futures::spawn_local(async {
        match lazy::load_decoder().await {
            Ok(()) => leptos::mount::mount_to_body(App),
            Err(_) => leptos::mount::mount_to_body(|| {
                view! { <main id="main"><lazy::LoadFailed what="The simulator could not start" part="The part of the simulator that reads your saved world" /></main> }
            }),
        }
    });
}

/// The whole app: state, cross-tab sync, header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let sim = Sim::boot();
    provide_context(sim);
    components::undo_redo::provide_undo_notice();
    let lessons = LessonState::boot();
    provide_context(lessons);
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        if key.as_deref() == Some(crate::persist::KEY) {
            sim.refresh_from_storage(ev.new_value());
        } else if matches!(key.as_deref(), Some(history::INDEX_KEY | history::CHECKPOINTS_KEY)) {
            // Another tab's Undo history or checkpoints changed.
            sim.refresh_history();
        }
        // The lesson under way: every tab and the presenter view follow it.
        if key.as_deref() == Some(crate::platform::LessonStore::KEY) {
            lessons.refresh_from_storage(ev.new_value());
        }
    });
    on_cleanup(move || handle.remove());
    // An action shown but not saved yet is saved before the page goes away
    // (closed, reloaded, left) or is hidden (a phone switching apps).
    let hide = window_event_listener(leptos::ev::pagehide, move |_| sim.flush());
    on_cleanup(move || hide.remove());
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| sim.flush());
    on_cleanup(move || hidden.remove());
    // A shared link pasted into the address bar of an open tab changes only the fragment.
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(shared) = crate::platform::fragment().and_then(|f| crate::persist::share::parse(&f)) {
            sim.shared.set(Some(shared));
        }
    });
    on_cleanup(move || hash.remove());
    // The personal-address table doesn't weigh on the first load: it is
    // fetched once the page has painted its first content.
    if !sim.personal_ready() {
        after_first_paint(Box::new(move || sim.load_personal_list()), 120);
    }
    // Once this page has painted: a first visit's default world is stored,
    // then the rest of the code comes in the background, first what reads
    // stored states (already here if a state was stored when the app
    // started), then the other pages.
    after_first_paint(
        Box::new(move || {
            sim.save_first();
            leptos::task::spawn_local(async move {
                if !crate::persist::decoder_ready() && lazy::load_decoder().await.is_ok() {
                    sim.decoder_arrived();
                }
                lazy::prefetch_all().await;
            })
        }),
        120,
    );
    view! {
        <Title formatter=|page: String| format!("{page} · RMS for individuals simulator") />
        <Router>
            <Show
                when=move || !matches!(sim.boot.get(), Boot::Recovery { .. })
                fallback=|| view! { <Recovery /> }
            >
                <Header />
                <main id="main">
                    <SharedWorldOffer />
                    <AppRoutes />
                </main>
                <LessonPanel />
                <PresenterEffects />
            </Show>
        </Router>
    }
}

/// Runs `then` in a task after the browser reports its first contentful paint
/// (checked once a frame, for at most `frames` frames, for browsers without
/// paint timing).
fn after_first_paint(then: Box<dyn FnOnce()>, frames: u32) {
    request_animation_frame(move || {
        let painted = web_sys::window()
            .and_then(|w| w.performance())
            .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
        if painted || frames == 0 {
            set_timeout(then, std::time::Duration::ZERO);
        } else {
            after_first_paint(then, frames - 1);
        }
    });
}

/// The route table (paths are part of the UI contract).
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/") view=Home />
            <Route path=path!("/portal") view=Portal />
            <Route path=path!("/portal/verify") view=Verify />
            <Route path=path!("/inbox") view=Inbox />
            <Route path=path!("/inbox/:address") view=Mailbox />
            <Route path=path!("/inbox/:address/:id") view=Mailbox />
            <Route path=path!("/signin") view=SignIn />
            <Route path=path!("/directory") view=Directory />
            <Route path=path!("/events") view=Events />
            <Route path=path!("/help/sharing-app") view=Help />
            <Route path=path!("/dns") view=Dns />
            <Route path=path!("/admin") view=Admin />
            <Route path=path!("/powershell") view=PowerShell />
            <Route path=path!("/sharing") view=Sharing />
            <Route path=path!("/viewer") view=Viewer />
            <Route path=path!("/tracking") view=Tracking />
            <Route path=path!("/inventory") view=Inventory />
            <Route path=path!("/split") view=Split />
            <Route path=path!("/lessons") view=Lessons />
            <Route path=path!("/presenter") view=Presenter />
        </Routes>
    }
}
