//! A button that saves bytes the page holds as a file ("Download <name>").

use crate::platform::{alert, download_bytes};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DownloadButton(
    name: String,
    mime: String,
    bytes: Arc<Vec<u8>>,
    #[prop(optional)] primary: bool,
) -> impl IntoView {
    let label = format!("Download {name}");
    view! {
        <button type="button" class:primary=primary on:click=move |_| {
            if let Err(e) = download_bytes(&name, &mime, &bytes) {
                alert(&format!("The download didn't start: {e}"));
            }
        }>{label}</button>
    }
}
