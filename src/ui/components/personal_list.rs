//! What a page says while the personal-address table (`sim::personal`) is
//! loading or couldn't be loaded; the page's button waits meanwhile.

use crate::ui::state::{PersonalList, use_sim};
use leptos::prelude::*;

#[component]
pub fn PersonalListStatus() -> impl IntoView {
    let sim = use_sim();
    move || {
        match sim.personal.get() {
        PersonalList::Ready => ().into_any(),
        PersonalList::Loading => view! {
            <p role="status" class="notice">"Checking… The list of personal email domains is loading; the button works in a moment."</p>
        }
        .into_any(),
        PersonalList::Failed(why) => view! {
            <p role="alert" class="notice err">
                {format!("The list of personal email domains couldn't be loaded ({why}), so email addresses can't be checked yet. Reload the page to try again.")}
            </p>
        }
        .into_any(),
    }
    }
}
