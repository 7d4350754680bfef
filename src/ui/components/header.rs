//! The header: site title, navigation to every area, who is signed in, the
//! clock, and any storage problem.

use super::clock::Clock;
use crate::ui::state::{Boot, use_sim};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let sim = use_sim();
    let unread = move || sim.with(|w| w.mail.mailboxes.values().map(|m| m.unread()).sum::<usize>());
    let who = move || sim.with(|w| w.signed_in_upn().map(|u| u.to_string()));
    view! {
        <header class="site">
            <div class="brand">
                <A href="/">"RMS for individuals simulator"</A>
            </div>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/">"Start"</A></li>
                    <li><A href="/portal">"Portal"</A></li>
                    <li>
                        <A href="/inbox">
                            "Inbox"
                            {move || match unread() {
                                0 => None,
                                n => Some(view! { <span class="badge">{format!(" ({n} unread)")}</span> }),
                            }}
                        </A>
                    </li>
                    <li><A href="/signin">"Sign in"</A></li>
                    <li><A href="/sharing">"Sharing app"</A></li>
                    <li><A href="/viewer">"Viewer"</A></li>
                    <li><A href="/tracking">"Tracking"</A></li>
                    <li><A href="/directory">"Directory"</A></li>
                    <li><A href="/admin">"Admin center"</A></li>
                    <li><A href="/dns">"DNS"</A></li>
                    <li><A href="/powershell">"PowerShell"</A></li>
                    <li><A href="/events">"What happened"</A></li>
                </ul>
            </nav>
            <div class="session" data-testid="session">
                {move || match who() {
                    Some(u) => view! { <span>"Signed in as " <strong>{u}</strong></span> }.into_any(),
                    None => view! { <span>"Not signed in"</span> }.into_any(),
                }}
            </div>
            <Clock />
        </header>
        {move || match sim.boot.get() {
            Boot::MemoryOnly(e) => Some(view! { <p role="alert" class="banner">{e.to_string()}</p> }),
            _ => None,
        }}
        {move || sim.save_error.get().map(|e| view! { <p role="alert" class="banner">{e}</p> })}
    }
}
