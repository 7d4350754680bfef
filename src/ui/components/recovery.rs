//! Shown instead of the app when stored data exists but can't be used. It
//! changes nothing until the person chooses: download the raw data, or reset.

use crate::platform::download_text;
use crate::ui::state::{Boot, use_sim};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Recovery() -> impl IntoView {
    let sim = use_sim();
    let info = move || match sim.boot.get() {
        Boot::Recovery { error, raw } => (error.to_string(), raw),
        _ => (String::new(), String::new()),
    };
    let download = move |_| {
        let (_, raw) = info();
        if let Err(e) = download_text("rms-simulator-stored-data.txt", "text/plain", &crate::persist::readable(&raw)) {
            crate::platform::alert(&format!("The download didn't start: {e}"));
        }
    };
    view! {
        <Title text="Stored data can't be read" />
        <main id="main" class="recovery">
            <h1>"The saved simulator state can't be used"</h1>
            <p role="alert" class="notice err">{move || info().0}</p>
            <p>
                "Nothing has been changed. Download the stored data to keep a copy, then reset to start again with the default scenario."
            </p>
            <div class="actions">
                <button type="button" on:click=download>"Download stored data"</button>
                <button type="button" class="danger" on:click=move |_| sim.reset_after_recovery()>"Reset"</button>
            </div>
        </main>
    }
}
