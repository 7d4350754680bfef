//! The browser entry point: mount the app. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    rms_sim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rms-sim runs in the browser: build it with `trunk build` (see README.md).");
}
