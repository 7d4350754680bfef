//! What the header's panels (the menu, the clock's form) share: Escape
//! closes them.

use leptos::prelude::*;

/// While the component lives, Escape sets `open` to false.
pub fn close_on_escape(open: RwSignal<bool>) {
    let on_key = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || on_key.remove());
}
