//! The running lesson, beside the app on every page: its title, "Step N of
//! M", the step's sentence from the seed, where to do it (a link to the
//! page, the control's name, whose device), "Back", "Show me", "Next", and
//! the steps with the done ones marked "Done". A side strip at the bottom
//! on a wide screen (the page keeps room for it), a bottom sheet that can be
//! collapsed on a phone.
//!
//! Also the lessons' state every page shares (`Lessons`: the progress kept
//! under its own `localStorage` key, followed across tabs and by the
//! presenter view) and presenter mode (large type, explanations collapsed,
//! no navigation; per tab).

use super::event_list::BehindTheScenes;
use super::feedback::{Feedback, FeedbackNotice};
use super::icon::{Icon, icons};
use super::status::Notice;
use crate::platform::{LessonStore, PresenterMode, elements, open_window, window_name};
use crate::sim::command::SetEra;
use crate::sim::lessons::{Lesson, Progress, ShowMe, Step};
use crate::sim::signup::Era;
use crate::ui::state::{Sim, use_sim};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

/// The lessons' state of this tab: the progress (as stored, shared by every
/// tab) and this tab's presenter mode.
#[derive(Clone, Copy)]
pub struct Lessons {
    pub progress: RwSignal<Progress>,
    /// Why the stored progress was set aside or couldn't be saved, if it was.
    pub problem: RwSignal<Option<String>>,
    pub presenter: RwSignal<bool>,
    /// What "Start lesson" did, said in the panel until the person moves on.
    pub started: RwSignal<Option<String>>,
}

fn parse(raw: Option<String>) -> (Progress, Option<String>) {
    match raw.map(|r| Progress::parse(&r)) {
        None => (Progress::default(), None),
        Some(Ok(p)) => (p, None),
        Some(Err(e)) => (Progress::default(), Some(e.to_string())),
    }
}

impl Lessons {
    pub fn boot() -> Lessons {
        let (progress, problem) = parse(LessonStore::read());
        let presenter = PresenterMode::read();
        Lessons {
            progress: RwSignal::new(progress),
            problem: RwSignal::new(problem),
            presenter: RwSignal::new(presenter),
            started: RwSignal::new(None),
        }
    }

    /// Changes the progress and keeps it.
    pub fn update(&self, f: impl FnOnce(&mut Progress)) {
        self.started.set(None);
        let mut p = self.progress.get_untracked();
        f(&mut p);
        match LessonStore::write(&p.to_json()) {
            Ok(()) => self.problem.set(None),
            Err(e) => self
                .problem
                .set(Some(format!("The lesson progress couldn't be saved ({e}); it lasts until this tab reloads."))),
        }
        self.progress.set(p);
    }

    /// Another tab (or the main window) changed the progress.
    pub fn refresh_from_storage(&self, raw: Option<String>) {
        let (p, problem) = parse(raw);
        self.problem.set(problem);
        self.progress.set(p);
    }

    pub fn set_presenter(&self, on: bool) {
        PresenterMode::write(on);
        self.presenter.set(on);
    }

    /// "Start lesson": loads the lesson's scenario (the start page's way),
    /// in the seed's era (the lessons quote the seed), and begins it at the
    /// events from now on; the panel says so.
    pub fn start(&self, sim: Sim, lesson: &'static Lesson) {
        sim.load_preset(lesson.preset);
        let mut said = format!("“{}” started: the scenario “{}” is loaded.", lesson.title, lesson.preset.name());
        if sim.with_untracked(|w| w.signups.era) != Era::Seed2016 {
            sim.act(SetEra { era: Era::Seed2016 });
            said.push_str(" The sign-up flow is the seed's again (early 2016), as the lesson quotes it.");
        }
        let since = sim.with_untracked(|w| w.log.last_seq());
        self.update(|p| p.start(lesson.id, since));
        self.started.set(Some(said));
    }
}

pub fn use_lessons() -> Lessons {
    expect_context::<Lessons>()
}

/// The name of the page a step is done on.
pub fn place_name(route: &str) -> String {
    if let Some(address) = route.strip_prefix("/inbox/") {
        return format!("the inbox of {address}");
    }
    match route {
        "/portal" => "the Microsoft Rights Management page (Portal)",
        "/portal/verify" => "the account page (the link in the confirmation email)",
        "/signin" => "Sign in",
        "/admin" => "the Admin center",
        "/dns" => "the DNS page",
        "/powershell" => "Windows PowerShell",
        "/sharing" => "the Sharing app",
        "/tracking" => "Document tracking",
        "/inventory" => "Software inventory",
        "/directory" => "the Directory",
        other => other,
    }
    .to_string()
}

/// The seed's words of a step, with where they are in the seed.
#[component]
pub fn SeedQuote(step: &'static Step) -> impl IntoView {
    view! {
        <figure class="lp-seed">
            <blockquote>{step.seed.iter().map(|q| view! { <p>{*q}</p> }).collect_view()}</blockquote>
            <figcaption>{format!("The seed: {}", step.seed_ref)}</figcaption>
        </figure>
    }
}

/// The steps, each a button to show it; the current one `aria-current="step"`,
/// the done ones marked "Done".
#[component]
pub fn StepList(lesson: &'static Lesson, #[prop(into)] done: Signal<Vec<bool>>, current: usize) -> impl IntoView {
    let lessons = use_lessons();
    view! {
        <ol class="lp-steps" aria-label="Steps">
            {lesson.steps.iter().enumerate().map(|(i, s)| {
                let title = format!("Step {}: {}", i + 1, s.title);
                let is_done = move || done.with(|d| d.get(i).copied().unwrap_or(false));
                view! {
                    <li aria-current=(i == current).then_some("step") class:done=is_done>
                        <button type="button" class="lp-step" title=title on:click=move |_| lessons.update(|p| p.go_to(i))>
                            <span class="lp-n"><span class="visually-hidden">"Step "</span>{i + 1}</span>
                            {move || is_done().then(|| view! { <span class="lp-done"><Icon drawing=icons::CHECK /><span class="lp-done-word">"Done"</span></span> })}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// "Presenter mode": a toggle (`aria-pressed`).
#[component]
pub fn PresenterToggle() -> impl IntoView {
    let lessons = use_lessons();
    view! {
        <button type="button" class="small presenter-toggle" aria-pressed=move || lessons.presenter.get().to_string()
            on:click=move |_| lessons.set_presenter(!lessons.presenter.get_untracked())>
            <Icon drawing=icons::PRESENTATION />"Presenter mode"
        </button>
    }
}

/// "Open presenter view": `/presenter` in a second window.
#[component]
pub fn OpenPresenterView() -> impl IntoView {
    let blocked = RwSignal::new(false);
    view! {
        <button type="button" class="small lp-open" on:click=move |_| blocked.set(!open_window("/presenter", "rms-presenter"))>
            "Open presenter view"
        </button>
        {move || blocked.get().then(|| view! {
            <span role="alert" class="lp-blocked">"The browser blocked the second window. "<a href="/presenter" target="_blank">"Open the presenter view"</a>" yourself."</span>
        })}
    }
}

/// What presenter mode does to this tab: the class on `<html>`, and the
/// page's explanations collapsed after each change. The presenter view is
/// never in it.
#[component]
pub fn PresenterEffects() -> impl IntoView {
    let lessons = use_lessons();
    let sim = use_sim();
    let location = use_location();
    Effect::new(move |_| {
        let on = lessons.presenter.get() && location.pathname.get() != "/presenter";
        sim.revision.track();
        PresenterMode::show(on);
        if on {
            request_animation_frame(PresenterMode::collapse_explanations);
        }
    });
    move || {
        let panel_shown = lessons.progress.with(|p| p.lesson().is_some());
        (lessons.presenter.get() && !panel_shown && location.pathname.get() != "/lessons").then(|| {
            view! { <div class="presenter-corner"><PresenterToggle /></div> }
        })
    }
}

/// The running lesson beside the app (nothing when none runs, on
/// `/presenter`, and inside a `/split` pane).
#[component]
pub fn LessonPanel() -> impl IntoView {
    let lessons = use_lessons();
    let location = use_location();
    let in_pane = window_name().starts_with("pane-");
    let running = Memo::new(move |_| lessons.progress.with(|p| p.lesson().map(|(l, r)| (l.id, r.step, r.since))));
    // A memo, so following a link (Show me does) doesn't draw the panel again.
    let hidden = Memo::new(move |_| in_pane || location.pathname.get() == "/presenter");
    move || {
        if hidden.get() {
            return None;
        }
        running.get().and_then(|(id, step, since)| {
            let lesson = crate::sim::lessons::lesson(id)?;
            Some(panel(lesson, step, since))
        })
    }
}

/// Draws the panel of a running lesson (a function of the lesson chunk).
#[cfg(feature = "split")]
type PanelFn = fn(&'static Lesson, usize, u64) -> AnyView;

/// The panel's code, with "Show me" and so every command a lesson can run,
/// is fetched with the first lesson, not in the first load.
#[cfg(feature = "split")]
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(lesson, wasm_split_path = ::leptos::wasm_split, fallible)]
fn panel_code() -> Result<PanelFn, crate::ui::lazy::PageLoadError> {
    Ok(|lesson, step, since| view! { <Panel lesson=lesson step=step since=since /> }.into_any())
}

/// Fetches the panel's code (once; `lazy` keeps it).
#[cfg(feature = "split")]
const PANEL: crate::ui::lazy::PartLoader<PanelFn> = || Box::pin(panel_code());

#[cfg(feature = "split")]
fn panel(lesson: &'static Lesson, step: usize, since: u64) -> AnyView {
    crate::ui::lazy::lazy_part(
        "lesson panel",
        PANEL,
        move |draw: PanelFn| draw(lesson, step, since),
        || view! { <aside class="lesson-panel"><p class="page-loading" role="status">"Loading the lesson…"</p></aside> }.into_any(),
    )
    .into_any()
}

#[cfg(not(feature = "split"))]
fn panel(lesson: &'static Lesson, step: usize, since: u64) -> AnyView {
    view! { <Panel lesson=lesson step=step since=since /> }.into_any()
}

/// Fetches the panel's code in the background (after the first paint).
#[cfg(feature = "split")]
pub async fn prefetch() {
    crate::ui::lazy::prefetch("lesson panel", PANEL).await;
}

#[component]
fn Panel(lesson: &'static Lesson, step: usize, since: u64) -> impl IntoView {
    let sim = use_sim();
    let lessons = use_lessons();
    let navigate = use_navigate();
    let fb = Feedback::new();
    let show_since = RwSignal::new(None::<u64>);
    let collapsed = RwSignal::new(false);
    let s: &'static Step = &lesson.steps[step];
    let total = lesson.steps.len();
    let done = Memo::new(move |_| sim.with(|w| lesson.steps.iter().map(|x| x.done(w, since)).collect::<Vec<_>>()));
    let this_done = move || done.with(|d| d[step]);
    // The panel points at the step's control: on the step's page, the control
    // it names is outlined until the step is done.
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        sim.revision.track();
        let on_page = s.route.split('?').next() == Some(path.as_str());
        let control = (on_page && !this_done()).then_some(s.control);
        // After the page has drawn what this change shows.
        request_animation_frame(move || point_at(control));
    });
    on_cleanup(|| point_at(None));
    // Every step done: the lesson is finished (kept with the progress).
    Effect::new(move |_| {
        let all = done.with(|d| d.iter().all(|x| *x));
        if all && !lessons.progress.with_untracked(|p| p.is_finished(lesson.id)) {
            sim.with_untracked(|w| {
                lessons.update(|p| {
                    p.note_finished(w);
                })
            });
        }
    });
    let href = move || sim.with(|w| s.href(w));
    let nav = navigate.clone();
    let show_me = move |_| {
        if !sim.personal_ready() {
            return;
        }
        show_since.set(Some(sim.with_untracked(|w| w.log.last_seq())));
        let mut show = ShowMe::new();
        let outcome = loop {
            match sim.with_untracked(|w| show.next(s, w, since)) {
                Ok(None) => break Ok(show.count()),
                Ok(Some(command)) => {
                    fb.run(command, |_| Notice::None);
                }
                Err(why) => break Err(why),
            }
        };
        fb.say(match outcome {
            Ok(0) => Notice::Ok(format!("Step {} is already done.", step + 1)),
            Ok(n) => Notice::Ok(format!(
                "Done: {} ({n} action{} as {}). You are now {}'s device.",
                s.title,
                if n == 1 { "" } else { "s" },
                s.who,
                s.who
            )),
            Err(why) => Notice::Err(why),
        });
        sim.set_device(s.who);
        nav(&sim.with_untracked(|w| s.href(w)), Default::default());
    };
    let device_hint = move || {
        (sim.device() != s.who).then(|| {
            view! {
                <p class="lp-who">
                    {format!("This step is done on {}'s device: choose them under “Act as”. ", s.who)}
                    <button type="button" class="small" on:click=move |_| sim.set_device(s.who)>{format!("Switch to {}'s device", s.who)}</button>
                </p>
            }
        })
    };
    view! {
        <aside class="lesson-panel" class:collapsed=move || collapsed.get() aria-labelledby="lp-title">
            <div class="lp-head">
                <p class="lp-title" id="lp-title">
                    <Icon drawing=icons::GRADUATION_CAP />
                    <span class="lp-lesson">{lesson.title}</span>
                    <span class="lp-count">{format!("Step {} of {total}", step + 1)}</span>
                </p>
                <StepList lesson=lesson done=done current=step />
                <button type="button" class="small lp-collapse" aria-controls="lp-body"
                    aria-expanded=move || (!collapsed.get()).to_string() on:click=move |_| collapsed.update(|c| *c = !*c)>
                    <Icon drawing=icons::CHEVRON_DOWN />
                    {move || if collapsed.get() { "Show lesson" } else { "Hide lesson" }}
                </button>
            </div>
            <div class="lp-body" id="lp-body">
                <div class="lp-main">
                    <h2 class="lp-step-h">
                        {s.title}" "
                        {move || if this_done() {
                            view! { <span class="state ok" data-testid="step-state"><Icon drawing=icons::CHECK />"Done"</span> }.into_any()
                        } else {
                            view! { <span class="state info" data-testid="step-state">"To do"</span> }.into_any()
                        }}
                    </h2>
                    <SeedQuote step=s />
                    <p class="lp-doing">{s.doing}</p>
                </div>
                <div class="lp-side">
                    <p class="lp-where">
                        "Where: " <A href=href>{place_name(s.route)}</A>
                        {format!(", “{}”, as {}.", s.control, s.who)}
                    </p>
                    {device_hint}
                    <div class="lp-buttons">
                        <button type="button" prop:disabled=step == 0 on:click=move |_| lessons.update(|p| p.back())>"Back"</button>
                        <button type="button" class="primary" prop:disabled=move || !sim.personal_ready() on:click=show_me>"Show me"</button>
                        <button type="button" prop:disabled=step + 1 == total on:click=move |_| lessons.update(|p| p.next())>"Next"</button>
                    </div>
                    <div class="lp-tools">
                        <PresenterToggle />
                        <OpenPresenterView />
                        <button type="button" class="small" on:click=move |_| lessons.update(|p| p.stop())>
                            <Icon drawing=icons::X />"Stop lesson"
                        </button>
                    </div>
                    {move || (step + 1 == total && done.with(|d| d.iter().all(|x| *x))).then(|| view! {
                        <p role="status" class="notice ok">{format!("Lesson complete: every step of “{}” is done.", lesson.title)}</p>
                    })}
                    {move || lessons.started.get().map(|m| view! { <p role="status" class="notice ok">{m}</p> })}
                    <FeedbackNotice feedback=fb />
                </div>
                {move || show_since.get().map(|from| {
                    let events = sim.with(|w| w.log.since(from).to_vec());
                    view! { <div class="lp-behind"><BehindTheScenes events=events /></div> }
                })}
            </div>
        </aside>
    }
}

/// Outlines the control named `name` in the page (`#main`), and no other.
fn point_at(name: Option<&'static str>) {
    for e in elements(".lesson-target") {
        let _ = e.class_list().remove_1("lesson-target");
    }
    let Some(name) = name else { return };
    let words = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let target = elements("#main button, #main a, #main summary, #main label").into_iter().find(|e| {
        let label = e.get_attribute("aria-label").unwrap_or_else(|| e.text_content().unwrap_or_default());
        words(label) == name || words(e.text_content().unwrap_or_default()).starts_with(name)
    });
    if let Some(e) = target {
        let _ = e.class_list().add_1("lesson-target");
    }
}
