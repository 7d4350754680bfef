//! `/events`: every action, newest first, each with the events it caused in
//! the order they happened, explained; filtered by organization and person
//! (`?org=…&person=…`, so a trainer can link to one story).

use crate::sim::email::query_encode;
use crate::sim::events::story::{self, Place, filter_choices, shown_count};
use crate::ui::components::event_list::StoryList;
use crate::ui::components::long_list::{PAGE, ShowMore};
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn Events() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    let navigate = use_navigate();
    let chosen = move |key: &str| query.with(|q| q.get(key)).filter(|v| !v.is_empty());
    let stories = Memo::new(move |_| sim.with(|w| story::stories(w, 0)));
    let choices = Memo::new(move |_| stories.with(|s| filter_choices(s)));
    // Choosing a filter changes the address, so a reload or a shared link keeps it.
    let set = move |key: &'static str, value: String| {
        let (mut org, mut person) = (chosen("org"), chosen("person"));
        let value = (!value.is_empty()).then_some(value);
        if key == "org" {
            org = value
        } else {
            person = value
        }
        let params: Vec<String> = [("org", org), ("person", person)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}={}", query_encode(&v))))
            .collect();
        let url = if params.is_empty() { "/events".to_string() } else { format!("/events?{}", params.join("&")) };
        navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    let set_org = set.clone();
    let set_person = set;
    // The options: what the events mention, and the chosen value even if
    // they don't (a link made for another world).
    let options = move |all: Vec<String>, pick: Option<String>| {
        let mut all = all;
        if let Some(p) = pick.filter(|p| !all.contains(p)) {
            all.insert(0, p);
        }
        all.into_iter()
            .map(|v| {
                let label = v.clone();
                view! { <option value=v>{label}</option> }
            })
            .collect_view()
    };
    // The actions the filters keep (their positions), and how many of them are rendered.
    let kept = Memo::new(move |_| {
        let (org, person) = (chosen("org"), chosen("person"));
        stories.with(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, s)| s.shown_for(org.as_deref(), person.as_deref()))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    let listed = RwSignal::new(PAGE);
    // Another filter starts from the top again.
    Effect::watch(move || query.with(|q| (q.get("org"), q.get("person"))), move |_, _, _| listed.set(PAGE), false);
    let total = Signal::derive(move || kept.with(Vec::len));
    let shown = move || {
        let n = listed.get();
        kept.with(|k| stories.with(|s| k.iter().take(n).map(|&i| s[i].clone()).collect::<Vec<_>>()))
    };
    view! {
        <Title text="What happened" />
        <h1>"What happened"</h1>
        <p class="lead">"Choose an organization or a person to follow one story. Each action is listed newest first, with the steps the service took because of it in the order they happened, each marked with its step in the seed article."</p>
        <form class="event-filters" on:submit=|ev| ev.prevent_default()>
            <div class="filter">
                <label for="events-org">"Organization"</label>
                <select
                    id="events-org"
                    on:change=move |ev| set_org("org", event_target_value(&ev))
                    prop:value=move || chosen("org").unwrap_or_default()
                >
                    <option value="">"All organizations"</option>
                    {move || options(choices.with(|c| c.0.clone()), chosen("org"))}
                </select>
            </div>
            <div class="filter">
                <label for="events-person">"Person"</label>
                <select
                    id="events-person"
                    on:change=move |ev| set_person("person", event_target_value(&ev))
                    prop:value=move || chosen("person").unwrap_or_default()
                >
                    <option value="">"Everyone"</option>
                    {move || options(choices.with(|c| c.1.clone()), chosen("person"))}
                </select>
            </div>
        </form>
        <p class="events-count" role="status">{move || {
            let total = stories.with(Vec::len);
            shown_count(kept.with(Vec::len), total)
        }}</p>
        {move || {
            let list = shown();
            if list.is_empty() && stories.with(|s| !s.is_empty()) {
                view! { <p class="empty">"No action mentions this organization and person together. Choose “All organizations” or “Everyone” to see more."</p> }.into_any()
            } else {
                view! { <StoryList stories=list place=Place::EventsPage /> }.into_any()
            }
        }}
        <ShowMore shown=listed total=total noun="actions" />
        {move || match sim.with(|w| w.log.trimmed) {
            0 => None,
            n => Some(view! { <p class="small">{format!("{n} older events are no longer kept: the log keeps the newest 1,000 so that large worlds fit the browser's storage.")}</p> }),
        }}
    }
}
