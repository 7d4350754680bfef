//! User-supplied text in a sentence, with any word that holds a bidi control
//! (a right-to-left override, say) isolated in `<bdi>`: the override then
//! ends with that word instead of reversing the rest of the line. The text
//! itself (and so `textContent` and accessible names) is unchanged.

use crate::sim::text::{hidden_note, isolation_runs};
use leptos::prelude::*;

pub fn safe_text(text: String) -> AnyView {
    let runs = isolation_runs(&text);
    if runs.iter().all(|(_, isolate)| !isolate) {
        return text.into_any();
    }
    let runs: Vec<(String, bool)> = runs.into_iter().map(|(piece, isolate)| (piece.to_string(), isolate)).collect();
    runs.into_iter()
        .map(|(piece, isolate)| if isolate { view! { <bdi>{piece}</bdi> }.into_any() } else { piece.into_any() })
        .collect_view()
        .into_any()
}

/// A file name's hidden characters, written out with what they mean (nothing
/// when it has none); shown next to the name.
#[component]
pub fn HiddenChars(name: String) -> impl IntoView {
    hidden_note(&name).map(|note| view! { <span class="hidden-chars">{note}</span> })
}
