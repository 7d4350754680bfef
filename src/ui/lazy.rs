//! Pages, and parts of pages, whose code is fetched on first use.
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
    // The start page.
    Home(home, page_home) => super::pages::Home,
    // The trainer's pages.
    Lessons(trainer, page_lessons) => super::pages::Lessons,
    Presenter(trainer, page_presenter) => super::pages::Presenter,
    Split(trainer, page_split) => super::pages::Split,
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
type Loader = PartLoader<PageFn>;

/// Fetches the code of a lazily loaded page or part: a split function's future.
#[cfg(feature = "split")]
pub type PartLoader<F> = fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<F, PageLoadError>>>>;

#[cfg(feature = "split")]
thread_local! {
    /// The pages and parts fetched so far: a function pointer into each one's chunk.
    static LOADED: std::cell::RefCell<std::collections::HashMap<&'static str, Box<dyn std::any::Any>>> = Default::default();
}

#[cfg(feature = "split")]
fn loaded<F: Copy + 'static>(name: &str) -> Option<F> {
    LOADED.with(|l| l.borrow().get(name).and_then(|f| f.downcast_ref::<F>()).copied())
}

#[cfg(feature = "split")]
async fn load<F: Copy + 'static>(name: &'static str, loader: PartLoader<F>) -> Result<F, PageLoadError> {
    if let Some(f) = loaded(name) {
        return Ok(f);
    }
    let f = loader().await?;
    LOADED.with(|l| l.borrow_mut().insert(name, Box::new(f)));
    Ok(f)
}

/// What a lazily loaded part shows: `render` with its code once it is here
/// (at once if it already is), `waiting` while it comes, or what to do if
/// it can't come.
#[cfg(feature = "split")]
pub fn lazy_part<F: Copy + Send + Sync + 'static>(
    name: &'static str,
    loader: PartLoader<F>,
    render: impl Fn(F) -> AnyView + Send + 'static,
    waiting: fn() -> AnyView,
) -> impl IntoView {
    let state = RwSignal::new(loaded::<F>(name).map(Ok));
    if state.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let result = load(name, loader).await;
            // The person may have left the page meanwhile.
            let _ = state.try_set(Some(result));
        });
    }
    move || match state.get() {
        Some(Ok(f)) => render(f),
        Some(Err(PageLoadError)) => view! { <LoadFailed what="This page could not be loaded" /> }.into_any(),
        None => waiting(),
    }
}

/// What a lazy page shows: the page once its code is here, a quiet line
/// while it comes, or what to do if it can't.
#[cfg(feature = "split")]
fn lazy_page(name: &'static str, loader: Loader) -> impl IntoView {
    lazy_part(
        name,
        loader,
        |page| page(),
        || view! { <p class="page-loading" role="status">"Loading this page…"</p> }.into_any(),
    )
}

/// Fetches a part's code in the background (a failure is shown if and when
/// the part is opened).
#[cfg(feature = "split")]
pub async fn prefetch<F: Copy + 'static>(name: &'static str, loader: PartLoader<F>) {
    let _ = load(name, loader).await;
}

/// A part of the simulator's code could not be fetched: what to do.
/// `part` names it, as the start of a sentence.
#[component]
pub fn LoadFailed(
    what: &'static str,
    #[prop(default = "Its part of the simulator")] part: &'static str,
) -> impl IntoView {
    view! {
        <div class="page-load-failed" role="alert">
            <h1>{what}</h1>
            <p>{part}" could not be fetched: the network may be down, or the site now serves a newer version. Your world is kept in this browser. Reload the page to try again."</p>
            <button type="button" class="primary" on:click=|_| {
                let _ = window().location().reload();
            }>"Reload"</button>
        </div>
    }
}

/// The code that reads stored states (`persist::decode`: the world's
/// deserializer and the migrations), in a file of its own.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(stored, wasm_split_path = ::leptos::wasm_split, fallible)]
fn decoder_code() -> Result<crate::persist::Decode, PageLoadError> {
    Ok(crate::persist::decode)
}

/// Fetches and installs the code that reads stored states, once
/// (`persist::install_decoder`). Without the `split` feature it is always here.
pub async fn load_decoder() -> Result<(), PageLoadError> {
    #[cfg(feature = "split")]
    if !crate::persist::decoder_ready() {
        let decode = load("stored-state decoder", || Box::pin(decoder_code())).await?;
        crate::persist::install_decoder(decode);
    }
    Ok(())
}

/// Fetches every page not fetched yet, one after the other, so that a link
/// followed later renders at once. Called once the first page has painted.
/// Without the `split` feature every page is already here.
pub async fn prefetch_all() {
    #[cfg(feature = "split")]
    {
        // One page at a time (the first of a group brings the group's files),
        // each in a task of its own, so the page keeps answering taps while
        // the rest of the code comes.
        for (name, loader) in ALL {
            if loaded::<PageFn>(name).is_none() {
                crate::platform::next_task().await;
                prefetch(name, *loader).await;
            }
        }
        crate::platform::next_task().await;
        super::components::lesson_panel::prefetch().await;
    }
}
