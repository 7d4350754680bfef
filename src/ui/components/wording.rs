//! Says where a text in Microsoft's voice comes from (see `sim::wording`).

use crate::sim::basics::wording::Wording;
use leptos::prelude::*;

#[component]
pub fn WordingNote(wording: Wording) -> impl IntoView {
    view! { <p class="wording">{wording.note()}</p> }
}
