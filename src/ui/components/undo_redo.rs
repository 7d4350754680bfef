//! "Undo" and "Redo": buttons in the header, Ctrl+Z / Ctrl+Shift+Z (and
//! Ctrl+Y) anywhere but in a text field, where the browser's own text undo
//! works; and `UndoOffer`, the "Undo" a destructive action's notice offers
//! instead of asking first. Every tab shares the history
//! (`persist::history`); what came back is said in a notice under the header.

use super::icon::{Icon, icons};
use super::status::{Notice, NoticeView};
use crate::persist::history::Direction;
use crate::ui::state::{Sim, use_sim};
use leptos::prelude::*;

/// The notice of the last Undo or Redo, shared by the buttons, the keys and
/// every `UndoOffer` (provided once by the app: `provide_undo_notice`).
#[derive(Clone, Copy)]
struct UndoNotice(RwSignal<Notice>);

pub fn provide_undo_notice() {
    provide_context(UndoNotice(RwSignal::new(Notice::None)));
}

fn undo_notice() -> RwSignal<Notice> {
    use_context::<UndoNotice>().map(|n| n.0).unwrap_or_else(|| RwSignal::new(Notice::None))
}

fn run(sim: Sim, notice: RwSignal<Notice>, direction: Direction) {
    let result = sim.undo_or_redo(direction);
    let said = match (result, direction) {
        (Ok(label), Direction::Undo) => Notice::Ok(format!("Undone: {label}. \"Redo\" brings it back.")),
        (Ok(label), Direction::Redo) => Notice::Ok(format!("Redone: {label}.")),
        (Err(e), _) => Notice::Err(e.to_string()),
    };
    notice.set(said.clone());
    // The notice floats under the header: it goes after a while, so that it
    // never hides the page for long (unless another Undo replaced it).
    set_timeout(
        move || {
            if notice.with_untracked(|n| *n == said) {
                notice.set(Notice::None);
            }
        },
        std::time::Duration::from_secs(8),
    );
}

/// Whether a key press belongs to a text field (its own undo).
fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    let tag = el.tag_name().to_ascii_lowercase();
    el.is_content_editable()
        || tag == "textarea"
        || tag == "select"
        || (tag == "input" && {
            let kind = el.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "file" | "range" | "color")
        })
}

#[component]
pub fn UndoRedo() -> impl IntoView {
    let sim = use_sim();
    let notice = undo_notice();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || in_text_field(&ev) {
            return;
        }
        let direction = match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => Direction::Undo,
            ("z", true) | ("y", false) => Direction::Redo,
            _ => return,
        };
        ev.prevent_default();
        run(sim, notice, direction);
    });
    on_cleanup(move || handle.remove());
    let undo = move || sim.history.with(|h| h.undo.clone());
    let redo = move || sim.history.with(|h| h.redo.clone());
    view! {
        <div class="undo-redo" role="group" aria-label="History">
            <button
                type="button"
                class="icon-button"
                aria-label="Undo"
                title=move || match undo() {
                    Some(l) => format!("Undo: {l} (Ctrl+Z)"),
                    None => sim.undo_problem.get().unwrap_or_else(|| "Nothing to undo".into()),
                }
                disabled=move || undo().is_none()
                on:click=move |_| run(sim, notice, Direction::Undo)
            >
                <Icon drawing=icons::UNDO_2 />
                <span class="wide-only">"Undo"</span>
            </button>
            <button
                type="button"
                class="icon-button"
                aria-label="Redo"
                title=move || match redo() {
                    Some(l) => format!("Redo: {l} (Ctrl+Shift+Z)"),
                    None => "Nothing to redo".into(),
                }
                disabled=move || redo().is_none()
                on:click=move |_| run(sim, notice, Direction::Redo)
            >
                <Icon drawing=icons::REDO_2 />
                <span class="wide-only">"Redo"</span>
            </button>
        </div>
    }
}

/// Under the header: what the last Undo or Redo did, and why the last
/// action can't be undone when storage is full.
#[component]
pub fn UndoStatus() -> impl IntoView {
    let sim = use_sim();
    let notice = undo_notice();
    view! {
        <div class="undo-status">
            <NoticeView notice=notice />
            {move || sim.undo_problem.get().map(|p| view! { <p class="hint">{p}</p> })}
        </div>
    }
}

/// The "Undo" a destructive action offers right where it was done, while
/// the world is still the one that action made (`made_at`: `Sim::revision`).
#[component]
pub fn UndoOffer(made_at: Signal<u64>) -> impl IntoView {
    let sim = use_sim();
    let notice = undo_notice();
    let label = move || (sim.revision.get() == made_at.get()).then(|| sim.history.with(|h| h.undo.clone())).flatten();
    move || {
        label().map(|l| {
            view! {
                <button
                    type="button"
                    class="small undo-offer"
                    aria-label=format!("Undo {l}")
                    on:click=move |_| run(sim, notice, Direction::Undo)
                >
                    <Icon drawing=icons::UNDO_2 />
                    "Undo"
                </button>
            }
        })
    }
}
