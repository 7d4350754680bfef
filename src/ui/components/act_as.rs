//! "Act as": which person's device this tab is. Every person of the world is
//! listed by address, grouped by the directory that holds their account
//! (or "No account yet" for an address that only has mail); choosing one
//! switches the tab at once: that person's inbox, sign-in and files. It is
//! the tab's view, not a change to the world, so it is not an action and
//! Undo doesn't touch it (`platform::TabDevice` keeps it for reloads).
//!
//! In a crowded world (more than [`LISTED`] people) the list holds the first
//! [`LISTED`] and the current person, and "Find someone else…" opens the
//! inbox's search, where each mailbox has "Act as {address}".

use crate::sim::Person;
use crate::sim::basics::number::grouped;
use crate::sim::devices::SHARED_BROWSER;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// At most this many people are options; the rest are found under Inbox.
pub const LISTED: usize = 50;

/// The option that opens the inbox's search instead of switching.
const FIND: &str = "__find__";

/// The option text for a person: the address, and their unread mail.
fn option_text(p: &Person) -> String {
    match p.unread {
        0 => p.address.clone(),
        n => format!("{} ({n} unread)", p.address),
    }
}

/// The groups of the list: each organization (in the order of its first
/// person), then the addresses without an account.
fn groups(people: Vec<Person>) -> Vec<(String, Vec<Person>)> {
    let mut groups: Vec<(String, Vec<Person>)> = vec![];
    let mut no_account = vec![];
    for p in people {
        let Some(org) = p.organization.clone() else {
            no_account.push(p);
            continue;
        };
        let label = if p.unmanaged { format!("{org} (unmanaged directory)") } else { org };
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, list)) => list.push(p),
            None => groups.push((label, vec![p])),
        }
    }
    if !no_account.is_empty() {
        groups.push(("No account yet".into(), no_account));
    }
    groups
}

#[component]
pub fn ActAs() -> impl IntoView {
    let sim = use_sim();
    // Everyone, over the whole world: in a crowded one that takes longer
    // than the frame that shows an action, so it is redone right after that
    // frame (once, however many changes came in it), not inside it.
    let people = RwSignal::new(sim.with_untracked(|w| w.people()));
    let scheduled = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        sim.with(|_| ());
        if first.is_none() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = scheduled.try_set_value(false);
                    let Some(now) = sim.try_with_untracked(|w| w.people()) else { return };
                    if people.try_with_untracked(|p| *p != now) == Some(true) {
                        people.set(now);
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if chosen == FIND {
            // The select goes back to who this tab is; the search opens.
            let el: web_sys::HtmlSelectElement = event_target(&ev);
            el.set_value(&sim.device_untracked());
            navigate("/inbox?find", Default::default());
        } else {
            sim.set_device(&chosen);
        }
    };
    view! {
        <div class="act-as">
            <label for="act-as">"Act as"</label>
            <select id="act-as" on:change=on_change prop:value=move || sim.device()>
                <option value=SHARED_BROWSER selected=move || sim.device() == SHARED_BROWSER>
                    "Nobody in particular (the shared browser)"
                </option>
                {move || {
                    let current = sim.device();
                    let all = people.get();
                    // A device whose person has left the world (after Reset) stays listed.
                    let missing = (current != SHARED_BROWSER && !all.iter().any(|p| p.address == current))
                        .then(|| current.clone());
                    let everyone = all.len();
                    let list: Vec<Person> = if everyone <= LISTED {
                        all
                    } else {
                        let mut kept: Vec<Person> = all.iter().take(LISTED).cloned().collect();
                        if let Some(p) = all.iter().skip(LISTED).find(|p| p.address == current) {
                            kept.push(p.clone());
                        }
                        kept
                    };
                    let more = everyone - list.len();
                    view! {
                        {groups(list).into_iter().map(|(label, members)| view! {
                            <optgroup label=label>
                                {members.into_iter().map(|p| {
                                    let selected = p.address == current;
                                    view! { <option value=p.address.clone() selected=selected>{option_text(&p)}</option> }
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                        {missing.map(|a| view! { <option value=a.clone() selected=true>{a.clone()}</option> })}
                        {(more > 0).then(|| view! {
                            <option value=FIND>{format!("Find someone else… ({} more, under Inbox)", grouped(more))}</option>
                        })}
                    }
                }}
            </select>
        </div>
    }
}
