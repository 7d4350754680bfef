//! Inline SVG icons (drawings from lucide-static, `icon_data`). Decorative:
//! hidden from screen readers, the text beside an icon names the thing.

pub use super::icon_data as icons;
use leptos::prelude::*;

/// One icon, drawn in the current text colour at 1.1em.
#[component]
pub fn Icon(
    /// One of `icons::*`.
    drawing: &'static str,
    /// Extra classes (`icon` is always set).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <svg
            class=if class.is_empty() { "icon".to_string() } else { format!("icon {class}") }
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
            inner_html=drawing
        ></svg>
    }
}
