//! The two live regions every form uses: `role="status"` for progress and
//! success, `role="alert"` for what went wrong.
//!
//! A notice is shown where the person is looking: when it appears it is
//! scrolled into view (the nearest edge, below the sticky header), at any
//! screen size. And it describes the situation it was made in: once the
//! world changes again (another action, the clock, another tab), it goes.

use super::icon::{Icon, icons};
use super::safe_text::safe_text;
use crate::ui::state::Sim;
use leptos::html::Div;
use leptos::prelude::*;

/// The outcome of the last action on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    None,
    Ok(String),
    Err(String),
    /// Several problems at once (each its own line in the alert).
    Errs(Vec<String>),
}

/// `made_at`: the world's revision when the notice was set, kept by the
/// notice's owner (`Feedback`) so that a view drawn again shows it again;
/// without it the view keeps its own (right while the view isn't redrawn).
#[component]
pub fn NoticeView(notice: RwSignal<Notice>, #[prop(optional)] made_at: Option<RwSignal<u64>>) -> impl IntoView {
    // Outside the app (a component test) there is no world to move on.
    let revision = use_context::<Sim>().map(|s| s.revision).unwrap_or_else(|| RwSignal::new(0));
    // The notice shows only while the world is still the one it speaks of.
    let owned = made_at.is_none();
    let made_at = made_at.unwrap_or_else(|| RwSignal::new(revision.get_untracked()));
    let slot = NodeRef::<Div>::new();
    Effect::watch(
        move || notice.track(),
        move |_, _, _| {
            if owned {
                made_at.set(revision.get_untracked());
            }
            if notice.with_untracked(|n| *n != Notice::None) {
                // After the notice is drawn: bring it into view.
                request_animation_frame(move || {
                    if let Some(el) = slot.get_untracked() {
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        opts.set_behavior(web_sys::ScrollBehavior::Instant);
                        el.scroll_into_view_with_scroll_into_view_options(&opts);
                    }
                });
            }
        },
        false,
    );
    let current = move || if made_at.get() == revision.get() { notice.get() } else { Notice::None };
    view! {
        <div class="notice-slot" node_ref=slot>
            {move || match current() {
                Notice::None => ().into_any(),
                Notice::Ok(m) => view! {
                    <p role="status" class="notice ok"><Icon drawing=icons::CIRCLE_CHECK /><span>{safe_text(m)}</span></p>
                }
                .into_any(),
                Notice::Err(m) => view! {
                    <p role="alert" class="notice err"><Icon drawing=icons::CIRCLE_ALERT /><span>{safe_text(m)}</span></p>
                }
                .into_any(),
                Notice::Errs(list) => view! {
                    <div role="alert" class="notice err">
                        <Icon drawing=icons::CIRCLE_ALERT />
                        <ul>{list.into_iter().map(|m| view! { <li>{safe_text(m)}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}
