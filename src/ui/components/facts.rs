//! A definition list of facts (term, value), all rendered as text.

use super::safe_text::safe_text;
use leptos::prelude::*;

#[component]
pub fn Facts(rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {rows.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{safe_text(value)}</dd> }).collect_view()}
        </dl>
    }
}
