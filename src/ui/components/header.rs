//! The header: one row, at most 64 px high at 1280 and 56 px on a phone.
//! The site's name, the simulated clock, and the navigation to every area:
//! a side bar on wide screens, a "Menu" on narrow ones (it closes when a link
//! is followed or Escape is pressed). Who is signed in heads the navigation.
//! Counts (unread mail) live inside the navigation, so the header's height
//! never changes with them.

use super::act_as::ActAs;
use super::clock::Clock;
use super::icon::{Icon, icons};
use super::popup::close_on_escape;
use super::undo_redo::{UndoRedo, UndoStatus};
use crate::sim::devices::{SHARED_BROWSER, device_name};
use crate::ui::state::{Boot, use_sim};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Every area, with its icon: the order of the seed's story.
const AREAS: &[(&str, &str, &str)] = &[
    ("/", "Start page", icons::HOUSE),
    ("/portal", "Portal", icons::LOG_IN),
    ("/inbox", "Inbox", icons::INBOX),
    ("/signin", "Sign in", icons::USER),
    ("/sharing", "Sharing app", icons::SHARE_2),
    ("/viewer", "Viewer", icons::EYE),
    ("/tracking", "Tracking", icons::LIST),
    ("/directory", "Directory", icons::BUILDING_2),
    ("/admin", "Admin center", icons::SETTINGS),
    ("/dns", "DNS", icons::SERVER),
    ("/powershell", "PowerShell", icons::TERMINAL),
    ("/inventory", "Inventory", icons::SEARCH),
    ("/events", "What happened", icons::CLOCK),
    ("/split", "Side by side", icons::COLUMNS_2),
    ("/lessons", "Lessons", icons::GRADUATION_CAP),
];

#[component]
pub fn Header() -> impl IntoView {
    let sim = use_sim();
    // A person's device counts their own mail; the shared browser, everyone's.
    let unread = move || {
        let device = sim.device();
        sim.with(|w| {
            if device == SHARED_BROWSER {
                w.mail.mailboxes.values().map(|m| m.unread()).sum::<usize>()
            } else {
                w.mailbox(&device).map(|m| m.unread()).unwrap_or(0)
            }
        })
    };
    let inbox_href = move || {
        let device = sim.device();
        if device == SHARED_BROWSER { "/inbox".to_string() } else { format!("/inbox/{device}") }
    };
    let device_line = move || {
        let device = sim.device();
        (device != SHARED_BROWSER).then(|| format!("Device: {}", device_name(&device)))
    };
    let who = move || sim.signed_in().map(|u| u.to_string());
    let menu_open = RwSignal::new(false);
    // Following a link closes the menu.
    let location = use_location();
    Effect::watch(move || location.pathname.get(), move |_, _, _| menu_open.set(false), false);
    close_on_escape(menu_open);
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site">
            <button
                type="button"
                class="menu-button"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="site-nav"
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                <Icon drawing=icons::MENU />
                <span class="menu-label">"Menu"</span>
                {move || (unread() > 0).then(|| view! { <span class="menu-dot" aria-hidden="true"></span> })}
            </button>
            <div class="brand">
                <A href="/">
                    <Icon drawing=icons::SHIELD class="lg" />
                    <span>"RMS"<span class="brand-mid">" for individuals"</span><span class="brand-tail">" simulator"</span></span>
                </A>
            </div>
            <ActAs />
            <UndoRedo />
            <Clock />
            // Floats under the header, inside its landmark.
            <UndoStatus />
        </header>
        <nav id="site-nav" class="site-nav" class:open=move || menu_open.get() aria-label="Main">
            {move || device_line().map(|d| view! { <p class="device-line">{d}</p> })}
            <p class="session" data-testid="session">
                <Icon drawing=icons::USER />
                {move || match who() {
                    Some(u) => view! { <span>"Signed in as " <strong>{u}</strong></span> }.into_any(),
                    None => view! { <span>"Not signed in"</span> }.into_any(),
                }}
            </p>
            <ul>
                {AREAS.iter().map(|(href, name, icon)| {
                    let is_inbox = *href == "/inbox";
                    let href = *href;
                    let target = move || if is_inbox { inbox_href() } else { href.to_string() };
                    view! {
                        <li>
                            <A href=target>
                                <Icon drawing=icon />
                                <span>{*name}</span>
                                {move || match (is_inbox, unread()) {
                                    (false, _) | (true, 0) => None,
                                    (true, n) => Some(view! { <span class="badge">{format!(" ({} unread)", crate::sim::basics::number::grouped(n))}</span> }),
                                }}
                            </A>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        {move || match sim.boot.get() {
            Boot::MemoryOnly(e) => Some(view! { <p role="alert" class="banner">{e.to_string()}</p> }),
            _ => None,
        }}
        {move || sim.save_error.get().map(|e| view! { <p role="alert" class="banner">{e}</p> })}
    }
}
