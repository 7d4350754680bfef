//! Actions and the events they caused (`sim::events::story`): on `/events`
//! and "What happened behind the scenes". The words, the grouping and the
//! rule for what waits behind "Why?" are the engine's; this only renders.

use super::icon::{Icon, icons};
use super::safe_text::safe_text;
use crate::sim::Event;
use crate::sim::events::story::{self, Line, Place, Story};
use crate::ui::state::use_sim;
use leptos::prelude::*;

/// Actions newest first, each with its events in reading order.
#[component]
pub fn StoryList(stories: Vec<Story>, place: Place) -> impl IntoView {
    view! {
        <div class=match place { Place::EventsPage => "stories", Place::BehindTheScenes => "stories compact" }>
            {stories.into_iter().map(|s| view! { <ActionStory story=s place=place /> }).collect_view()}
        </div>
    }
}

/// One action: what the person did, who and when, then what it caused.
#[component]
fn ActionStory(story: Story, place: Place) -> impl IntoView {
    let id = format!("{}-action-{}", if place == Place::EventsPage { "log" } else { "behind" }, story.id);
    let heading = safe_text(story.heading);
    let heading = match place {
        Place::EventsPage => view! { <h2 id=id.clone()>{heading}</h2> }.into_any(),
        Place::BehindTheScenes => view! { <h3 id=id.clone()>{heading}</h3> }.into_any(),
    };
    let lines = story.lines.into_iter().map(|l| view! { <EventLine line=l place=place /> }).collect_view();
    view! {
        <article class="story" aria-labelledby=id>
            <header class="story-head">
                {heading}
                <p class="story-meta">
                    {story.actor.map(|a| view! { <span class="who"><Icon drawing=icons::USER />{safe_text(a)}</span> })}
                    <span class="when"><Icon drawing=icons::CLOCK /><time datetime=story.at.iso()>{story.at.to_string()}</time></span>
                </p>
            </header>
            <ol class="events">{lines}</ol>
        </article>
    }
}

/// One event: its seed step, its title and its explanation (behind "Why?"
/// when the engine says so there).
#[component]
fn EventLine(line: Line, place: Place) -> impl IntoView {
    let why = line.behind_why(place);
    let title = safe_text(line.title);
    let title = match place {
        Place::EventsPage => view! { <h3>{title}</h3> }.into_any(),
        Place::BehindTheScenes => view! { <h4>{title}</h4> }.into_any(),
    };
    let text = if why {
        view! {
            <details class="why">
                <summary>"Why?"</summary>
                <p>{safe_text(line.text)}</p>
            </details>
        }
        .into_any()
    } else {
        view! { <p>{safe_text(line.text)}</p> }.into_any()
    };
    view! {
        <li class=if line.refusal { "event refusal" } else { "event" }>
            <div class="event-meta">
                <span class="step">{line.step}</span>
                {line.at.map(|at| view! { <time datetime=at.iso()>{at.to_string()}</time> })}
            </div>
            {title}
            {text}
        </li>
    }
}

/// "What happened behind the scenes" for the events the page's last
/// command added (and any after them): the same actions as `/events`,
/// compact; a refusal the page's alert already says shows its title and
/// step, its explanation behind "Why?".
#[component]
pub fn BehindTheScenes(events: Vec<Event>) -> impl IntoView {
    let sim = use_sim();
    let stories = match events.first() {
        Some(first) => sim.with_untracked(|w| story::stories(w, first.seq.saturating_sub(1))),
        None => vec![],
    };
    (!stories.is_empty()).then(|| {
        view! {
            <details class="behind" open>
                <summary>"What happened behind the scenes"</summary>
                <StoryList stories=stories place=Place::BehindTheScenes />
            </details>
        }
    })
}
