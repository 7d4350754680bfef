//! A list of usage rights: the common name and the policy encoding.

use crate::sim::Right;
use leptos::prelude::*;

#[component]
pub fn RightsList(rights: Vec<Right>) -> impl IntoView {
    view! {
        <ul class="rights">
            {rights.into_iter().map(|r| view! { <li>{r.common_name()}" " <code>{r.encoding()}</code></li> }).collect_view()}
        </ul>
    }
}
