//! The seed's "Important" box: authoring with the free subscription is for
//! trial use only. Shown where people sign up and where they protect.

use leptos::prelude::*;

/// Quoted from the seed.
pub const TRIAL_NOTE: &str = "This free subscription ensures that authorized people can always read files that have been protected. Currently, you can also use this free subscription to protect documents and create new protected email messages, but the ability to author new protected content is intended for trial use only and might be removed in the future.";

#[component]
pub fn TrialNote() -> impl IntoView {
    view! {
        <aside class="important trial-note" aria-label="Trial use">
            <strong>"Important: "</strong>{TRIAL_NOTE}
            " For more information and any changes to using RMS for individuals to protect content, see the "
            <a href="https://portal.aadrm.com/Legal/Service" rel="noopener noreferrer" target="_blank">"Microsoft Rights Management Terms of Service"</a>
            " (Microsoft's site; no longer online)."
        </aside>
    }
}
