//! `/lessons`: the lessons (one per section of the seed), each with its
//! steps, the scenario it starts from, what is done and "Start lesson";
//! presenter mode and the presenter view; and the challenges, each a
//! checklist that ticks itself as the world changes.

use crate::sim::lessons::{CHALLENGES, Challenge, LESSONS, Lesson};
use crate::ui::components::icon::{Icon, icons};
use crate::ui::components::lesson_panel::{OpenPresenterView, PresenterToggle, use_lessons};
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::components::why::Why;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Lessons() -> impl IntoView {
    let lessons = use_lessons();
    view! {
        <Title text="Lessons" />
        <h1>"Lessons"</h1>
        <p class="lead">"Each lesson follows a section of the seed, step by step, beside the app: do each step yourself on the page it names, or let “Show me” do it. A step is ticked when the simulator sees it happen, however it was done."</p>
        {move || lessons.problem.get().map(|p| view! { <p role="alert" class="notice err"><Icon drawing=icons::CIRCLE_ALERT /><span>{p}</span></p> })}
        <section class="card presenter-tools" aria-labelledby="presenter-h">
            <h2 id="presenter-h"><Icon drawing=icons::PRESENTATION />"In front of a room"</h2>
            <p>"Presenter mode makes the type large, collapses the explanations and hides the navigation, in this tab. The presenter view is a second window with the lesson's notes and what happens behind the scenes, for you while this one is shown to the room."</p>
            <div class="actions"><PresenterToggle /><OpenPresenterView /></div>
        </section>
        <section aria-labelledby="lessons-h">
            <h2 id="lessons-h">"The lessons"</h2>
            <div class="lesson-cards">
                {LESSONS.iter().map(|l| view! { <LessonCard lesson=l /> }).collect_view()}
            </div>
        </section>
        <section aria-labelledby="challenges-h">
            <h2 id="challenges-h">"Challenges"</h2>
            <p class="lead">"Tasks to give a trainee. Each checklist ticks itself when the world is as the task asks, whichever way it got there."</p>
            <div class="challenge-cards">
                {CHALLENGES.iter().map(|c| view! { <ChallengeCard challenge=c /> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn LessonCard(lesson: &'static Lesson) -> impl IntoView {
    let sim = use_sim();
    let lessons = use_lessons();
    let navigate = use_navigate();
    let hid = format!("lesson-{}", lesson.id);
    let labelled_by = hid.clone();
    // This lesson under way: its step, and which steps are done.
    let state = Memo::new(move |_| {
        lessons.progress.with(|p| match p.lesson() {
            Some((l, r)) if l.id == lesson.id => {
                Some((r.step, sim.with(|w| l.steps.iter().map(|s| s.done(w, r.since)).collect::<Vec<_>>())))
            }
            _ => None,
        })
    });
    let finished = move || lessons.progress.with(|p| p.is_finished(lesson.id));
    let start = move |_| {
        lessons.start(sim, lesson);
        navigate(&sim.with_untracked(|w| lesson.steps[0].href(w)), Default::default());
    };
    view! {
        <section class="card lesson-card" aria-labelledby=labelled_by>
            <h3 id=hid>{lesson.title}</h3>
            <p class="lesson-meta">
                {format!("{} steps · the seed's “{}” · starts from the scenario “{}”", lesson.steps.len(), lesson.section, lesson.preset.name())}
                {move || finished().then(|| view! { " " <span class="state ok"><Icon drawing=icons::CHECK />"Finished"</span> })}
                {move || state.get().map(|(step, done)| view! {
                    " " <span class="state info">{format!("Under way: step {} of {}, {} done", step + 1, done.len(), done.iter().filter(|d| **d).count())}</span>
                })}
            </p>
            <p>{lesson.summary}</p>
            <ol class="lesson-steps">
                {lesson.steps.iter().enumerate().map(|(i, s)| {
                    let done = move || state.with(|st| st.as_ref().is_some_and(|(_, d)| d[i]));
                    let current = move || state.with(|st| st.as_ref().is_some_and(|(n, _)| *n == i));
                    view! {
                        <li aria-current=move || current().then_some("step") class:done=done>
                            {s.title}
                            {move || done().then(|| view! { " " <span class="lp-done"><Icon drawing=icons::CHECK />"Done"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="primary" on:click=start>
                "Start lesson"<span class="visually-hidden">{format!(" “{}”", lesson.title)}</span>
            </button>
        </section>
    }
}

#[component]
fn ChallengeCard(challenge: &'static Challenge) -> impl IntoView {
    let sim = use_sim();
    let lessons = use_lessons();
    let notice = RwSignal::new(Notice::None);
    let hid = format!("challenge-{}", challenge.id);
    let labelled_by = hid.clone();
    let item_ids: Vec<String> = (0..challenge.items.len()).map(|i| format!("{hid}-{i}")).collect();
    let ticks = Memo::new(move |_| sim.with(|w| challenge.checklist(w)));
    let met = move || ticks.with(|t| t.iter().all(|(_, d)| *d));
    let started = move || lessons.progress.with(|p| p.challenge.as_ref().is_some_and(|c| c.challenge == challenge.id));
    let start = move |_| {
        sim.load_preset(challenge.preset);
        let since = sim.with_untracked(|w| w.log.last_seq());
        lessons.update(|p| p.start_challenge(challenge.id, since));
        notice.set(Notice::Ok(format!(
            "“{}” started: the scenario “{}” is loaded.",
            challenge.title,
            challenge.preset.name()
        )));
    };
    view! {
        <section class="card challenge-card" aria-labelledby=labelled_by>
            <h3 id=hid>{challenge.title}</h3>
            <p class="lesson-meta">
                {format!("Starts from the scenario “{}”", challenge.preset.name())}
                {move || started().then(|| view! { " " <span class="state info">"Started"</span> })}
                {move || met().then(|| view! { " " <span class="state ok"><Icon drawing=icons::CHECK />"Done"</span> })}
            </p>
            <p>{challenge.task}</p>
            <ul class="checklist" aria-label=format!("Checklist: {}", challenge.title)>
                {challenge.items.iter().zip(item_ids).enumerate().map(|(i, (item, id))| {
                    let checked = move || ticks.with(|t| t[i].1);
                    view! {
                        <li class:done=checked>
                            <input type="checkbox" id=id.clone() disabled=true prop:checked=checked />
                            <label for=id>{item.label}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Why label="Hint"><p class="hint">{challenge.hint}</p></Why>
            <button type="button" on:click=start>
                "Start challenge"<span class="visually-hidden">{format!(" “{}”", challenge.title)}</span>
            </button>
            <NoticeView notice=notice />
        </section>
    }
}
