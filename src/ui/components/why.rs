//! "Why?": a long explanation kept behind a disclosure, so a page opens with
//! what to do and the reasons are one click away.

use leptos::prelude::*;

#[component]
pub fn Why(
    /// The disclosure's label ("Why?" unless told).
    #[prop(optional)]
    label: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="why">
            <summary>{label.unwrap_or("Why?")}</summary>
            <div class="why-body">{children()}</div>
        </details>
    }
}
