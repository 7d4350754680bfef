//! Events with their plain-language explanation and seed step.

use super::safe_text::safe_text;
use crate::sim::Event;
use leptos::prelude::*;

#[component]
pub fn EventList(events: Vec<Event>) -> impl IntoView {
    view! {
        <ol class="events" reversed>
            {events
                .into_iter()
                .map(|e| {
                    let x = e.kind.explain();
                    view! {
                        <li class="event">
                            <div class="event-meta">
                                <time datetime=e.at.iso()>{e.at.to_string()}</time>
                                <span class="step">{x.step.label()}</span>
                            </div>
                            <h3>{safe_text(x.title)}</h3>
                            <p>{safe_text(x.text)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// "What happened behind the scenes" for the events after `since`.
#[component]
pub fn BehindTheScenes(events: Vec<Event>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        let mut events = events;
        events.reverse();
        view! {
            <details class="behind" open>
                <summary>"What happened behind the scenes"</summary>
                <EventList events=events />
            </details>
        }
    })
}
