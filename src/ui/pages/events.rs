//! `/events`: every simulated event, newest first, explained.

use crate::ui::components::event_list::EventList;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Events() -> impl IntoView {
    let sim = use_sim();
    let events = move || sim.with(|w| w.log.events.iter().rev().cloned().collect::<Vec<_>>());
    view! {
        <Title text="What happened" />
        <h1>"What happened"</h1>
        <p class="lead">"Every step the simulated service took, newest first, with the step of the seed article (“To sign up for RMS for individuals” or its “Technical overview”) it belongs to."</p>
        {move || view! { <EventList events=events() /> }}
        {move || match sim.with(|w| w.log.trimmed) {
            0 => None,
            n => Some(view! { <p class="small">{format!("{n} older events are no longer kept: the log keeps the newest 1,000 so that large worlds fit the browser's storage.")}</p> }),
        }}
    }
}
