//! The parts of a list that can hold thousands (tenants, users, mailboxes):
//! a search box, and below the list how much of it is shown with "Show {n}
//! more …". The page renders only the first [`PAGE`]s of what matches; more
//! appear when the list's end comes near the screen (an
//! `IntersectionObserver`) or when the button is pressed, so a page costs
//! what is on screen, not what is in the world.

use crate::platform::NearViewport;
use crate::sim::basics::number::grouped;
use leptos::prelude::*;

/// How many items a long list shows at first, and how many more at a time.
pub const PAGE: usize = 25;

/// How far below the screen the list's end may be for more to be shown (px).
const AHEAD: u32 = 600;

/// A search box for a long list: typing narrows it, and shows its first
/// [`PAGE`] again.
#[component]
pub fn ListSearch(
    /// The field's id (unique on the page).
    id: &'static str,
    /// Its label ("Find a tenant, domain or user").
    label: &'static str,
    query: RwSignal<String>,
    shown: RwSignal<usize>,
    #[prop(optional)] placeholder: &'static str,
    /// How many the list shows at first (for long items, fewer than [`PAGE`]).
    #[prop(default = PAGE)]
    step: usize,
) -> impl IntoView {
    view! {
        <div class="list-search">
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    shown.set(step);
                }
            />
        </div>
    }
}

/// "25 of 1,002 tenants listed" and "Show 25 more tenants" under a long
/// list; nothing when it all shows. `noun` is the plural ("tenants").
#[component]
pub fn ShowMore(
    shown: RwSignal<usize>,
    #[prop(into)] total: Signal<usize>,
    noun: &'static str,
    /// Says what the list is of, for the button's name when a page has
    /// several ("users of fabrikam.com").
    #[prop(optional, into)]
    of: Option<Signal<String>>,
    /// How many more at a time.
    #[prop(default = PAGE)]
    step: usize,
) -> impl IntoView {
    let button = NodeRef::<leptos::html::Button>::new();
    let watcher: StoredValue<Option<NearViewport>, LocalStorage> = StoredValue::new_local(None);
    let more = move || {
        let (n, t) = (shown.get_untracked(), total.get_untracked());
        if n < t {
            shown.set(n + step);
        }
    };
    // The button's coming into view shows more; after the list grew it is
    // asked again, as it may still be in view.
    Effect::new(move |_| {
        let Some(el) = button.get() else {
            watcher.set_value(None);
            return;
        };
        shown.track();
        let fresh = watcher.with_value(|w| w.is_none());
        if fresh {
            watcher.set_value(NearViewport::watch(&el, AHEAD, more));
        } else {
            watcher.with_value(|w| {
                if let Some(w) = w {
                    w.recheck();
                }
            });
        }
    });
    on_cleanup(move || watcher.set_value(None));
    let label = move || {
        let left = total.get().saturating_sub(shown.get()).min(step);
        let of = of.map(|s| s.get()).unwrap_or_else(|| noun.to_string());
        format!("Show {} more {of}", grouped(left))
    };
    view! {
        <Show when=move || { total.get() > step }>
            <div class="show-more">
                <p class="list-count">{move || format!("{} of {} {noun} listed", grouped(shown.get().min(total.get())), grouped(total.get()))}</p>
                <Show when=move || { shown.get() < total.get() }>
                    <button type="button" class="secondary" node_ref=button on:click=move |_| more()>{label}</button>
                </Show>
            </div>
        </Show>
    }
}
