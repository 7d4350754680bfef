//! Pages whose code is fetched on first use.
//!
//! In the browser build (cargo feature `split`, which `index.html` asks trunk
//! for) every page but the portal lives in its own wasm file, cut out of the
//! main one by `wasm-split-cli` in trunk's `post_build` hook
//! (`scripts/wasm-split.mjs`). The page the person opened is fetched at once;
//! once it has painted, the others are fetched one after the other in the
//! background (`prefetch_all`), so following a link never waits on the network.
//!
//! Without the feature (`cargo test`, wasm-bindgen-test, which run the wasm
//! unsplit: code with split markers can't run unsplit) every page is the page
//! itself, rendered at once.
//!
//! Each split function returns a plain function pointer into its chunk. It is
//! kept in `LOADED`, so a page already fetched renders in the same frame as the
//! click that opened it, exactly as an eager page does.

#![cfg_attr(feature = "split", allow(improper_ctypes_definitions, improper_ctypes))]

use leptos::prelude::*;

/// Renders a page (a function of the page's own chunk).
pub type PageFn = fn() -> AnyView;

/// A page's code could not be fetched (network down, or the site now serves
/// another build and this one's files are gone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLoadError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PageLoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PageLoadError
    }
}

/// Declares the lazily loaded pages: `Name(group, split_fn) => path::to::Page`.
/// `Name` is the component the route table uses. The pages of one group share
/// one wasm file (fewer files to fetch; `public/boot.js` names the groups of
/// the routes, to fetch a deep link's group together with the main file).
macro_rules! lazy_pages {
    ($( $name:ident ( $group:ident, $split:ident ) => $page:path ),* $(,)?) => {
        $(
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $split() -> Result<PageFn, PageLoadError> {
                Ok(|| $page().into_any())
            }

            #[cfg(feature = "split")]
            #[allow(non_snake_case)]
            #[component]
            pub fn $name() -> impl IntoView {
                lazy_page(stringify!($name), || Box::pin($split()))
            }

            #[cfg(not(feature = "split"))]
            pub use $page as $name;
        )*

        /// Every lazy page, with its loader, for the background prefetch.
        #[cfg(feature = "split")]
        const ALL: &[(&str, Loader)] = &[ $( (stringify!($name), || Box::pin($split())) ),* ];
    };
}

lazy_pages! {
    // The start page and the trainer's pages.
    Home(start, page_home) => super::pages::Home,
    Lessons(start, page_lessons) => super::pages::Lessons,
    Presenter(start, page_presenter) => super::pages::Presenter,
    Split(start, page_split) => super::pages::Split,
    // Mail, finishing the sign-up, signing in (seed steps 3–6).
    Verify(mail, page_verify) => super::pages::Verify,
    Inbox(mail, page_inbox) => super::pages::Inbox,
    Mailbox(mail, page_mailbox) => super::pages::Mailbox,
    SignIn(mail, page_signin) => super::pages::SignIn,
    Help(mail, page_help) => super::pages::Help,
    // What IT sees: the directory, the story, the inventory.
    Directory(it, page_directory) => super::pages::Directory,
    Events(it, page_events) => super::pages::Events,
    Inventory(it, page_inventory) => super::pages::Inventory,
    // What IT does: the admin center, DNS, PowerShell.
    Admin(admin, page_admin) => super::pages::Admin,
    Dns(admin, page_dns) => super::pages::Dns,
    PowerShell(admin, page_powershell) => super::pages::PowerShell,
    // The Rights Management sharing application.
    Sharing(sharing, page_sharing) => super::pages::Sharing,
    Viewer(sharing, page_viewer) => super::pages::Viewer,
    Tracking(sharing, page_tracking) => super::pages::Tracking,
}

#[cfg(feature = "split")]
type Loader = fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<PageFn, PageLoadError>>>>;

#[cfg(feature = "split")]
thread_local! {
    /// The pages fetched so far.
    static LOADED: std::cell::RefCell<std::collections::HashMap<&'static str, PageFn>> = Default::default();
}

#[cfg(feature = "split")]
fn loaded(name: &str) -> Option<PageFn> {
    LOADED.with(|l| l.borrow().get(name).copied())
}

#[cfg(feature = "split")]
async fn load(name: &'static str, loader: Loader) -> Result<PageFn, PageLoadError> {
    if let Some(page) = loaded(name) {
        return Ok(page);
    }
    let page = loader().await?;
    LOADED.with(|l| l.borrow_mut().insert(name, page));
    Ok(page)
}

/// What a lazy page shows: the page once its code is here (at once if it
/// already is), a quiet line while it comes, or what to do if it can't.
#[cfg(feature = "split")]
fn lazy_page(name: &'static str, loader: Loader) -> impl IntoView {
    let state = RwSignal::new(loaded(name).map(Ok));
    if state.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let result = load(name, loader).await;
            // The person may have left the page meanwhile.
            let _ = state.try_set(Some(result));
        });
    }
    move || {
        match state.get() {
        Some(Ok(page)) => page(),
        Some(Err(PageLoadError)) => view! {
            <div class="page-load-failed" role="alert">
                <h1>"This page could not be loaded"</h1>
                <p>"Its part of the simulator could not be fetched: the network may be down, or the site now serves a newer version. Your world is kept in this browser. Reload the page to try again."</p>
                <button type="button" class="primary" on:click=|_| {
                    let _ = window().location().reload();
                }>"Reload"</button>
            </div>
        }
        .into_any(),
        None => view! { <p class="page-loading" role="status">"Loading this page…"</p> }.into_any(),
    }
    }
}

/// Fetches every page not fetched yet, one after the other, so that a link
/// followed later renders at once. Called once the first page has painted.
/// Without the `split` feature every page is already here.
pub fn prefetch_all() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        for (name, loader) in ALL {
            // A failure is shown if and when the person opens that page.
            let _ = load(name, *loader).await;
        }
    });
}
