//! The two live regions every form uses: `role="status"` for progress and
//! success, `role="alert"` for what went wrong.

use super::safe_text::safe_text;
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

#[component]
pub fn NoticeView(notice: RwSignal<Notice>) -> impl IntoView {
    move || match notice.get() {
        Notice::None => ().into_any(),
        Notice::Ok(m) => view! { <p role="status" class="notice ok">{safe_text(m)}</p> }.into_any(),
        Notice::Err(m) => view! { <p role="alert" class="notice err">{safe_text(m)}</p> }.into_any(),
        Notice::Errs(list) => view! {
            <div role="alert" class="notice err">
                <ul>{list.into_iter().map(|m| view! { <li>{safe_text(m)}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    }
}
