//! `/presenter`: the presenter view, a second window beside the one the room
//! sees. The current lesson's step with the seed's fuller explanation (the
//! notes), what to do and whether it is done, and the live "What happened
//! behind the scenes" since the lesson began. It follows the main window
//! through the `storage` event (the world and the lessons' progress).

use crate::sim::lessons::Step;
use crate::ui::components::event_list::BehindTheScenes;
use crate::ui::components::lesson_panel::{SeedQuote, StepList, place_name, use_lessons};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::ui::state::use_sim;

#[component]
pub fn Presenter() -> impl IntoView {
    let sim = use_sim();
    let lessons = use_lessons();
    let running = Memo::new(move |_| lessons.progress.with(|p| p.lesson().map(|(l, r)| (l.id, r.step, r.since))));
    view! {
        <Title text="Presenter view" />
        <h1>"Presenter view"</h1>
        {move || match running.get().and_then(|(id, step, since)| Some((crate::sim::lessons::lesson(id)?, step, since))) {
            None => view! {
                <p class="lead">"No lesson is under way. Start one on " <A href="/lessons">"Lessons"</A> "; this window follows it."</p>
            }.into_any(),
            Some((lesson, step, since)) => {
                let s: &'static Step = &lesson.steps[step];
                let done = Memo::new(move |_| sim.with(|w| lesson.steps.iter().map(|x| x.done(w, since)).collect::<Vec<_>>()));
                view! {
                    <p class="lead presenter-lesson">
                        <strong>{lesson.title}</strong>
                        {format!(" · Step {} of {} · the seed's “{}”", step + 1, lesson.steps.len(), lesson.section)}
                    </p>
                    <div class="presenter-grid">
                        <section class="card" aria-labelledby="pv-step-h">
                            <h2 id="pv-step-h">
                                {format!("Step {}: {}", step + 1, s.title)}" "
                                {move || if done.with(|d| d[step]) {
                                    view! { <span class="state ok">"Done"</span> }.into_any()
                                } else {
                                    view! { <span class="state info">"To do"</span> }.into_any()
                                }}
                            </h2>
                            <SeedQuote step=s />
                            <h3>"Notes"</h3>
                            {if s.notes.is_empty() {
                                view! { <p class="hint">"The seed says no more about this step."</p> }.into_any()
                            } else {
                                view! { <div class="pv-notes">{s.notes.iter().map(|n| view! { <p>{*n}</p> }).collect_view()}</div> }.into_any()
                            }}
                            <h3>"In the simulator"</h3>
                            <p>{s.doing}</p>
                            <p class="hint">{format!("On {}, “{}”, as {}.", place_name(s.route), s.control, s.who)}</p>
                            <StepList lesson=lesson done=done current=step />
                        </section>
                        <section class="card" aria-labelledby="pv-behind-h">
                            <h2 id="pv-behind-h">"Live, since the lesson began"</h2>
                            {move || {
                                let events = sim.with(|w| w.log.since(since).to_vec());
                                if events.is_empty() {
                                    view! { <p class="hint">"Nothing has happened since the lesson began."</p> }.into_any()
                                } else {
                                    view! { <BehindTheScenes events=events /> }.into_any()
                                }
                            }}
                        </section>
                    </div>
                }.into_any()
            }
        }}
    }
}
