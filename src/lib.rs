//! RMS for individuals, simulated: the engine (`sim`), its persistence
//! (`persist`) and, in the browser build, the Leptos UI (`ui`).

pub mod persist;
pub mod sim;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
