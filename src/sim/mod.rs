//! The simulation engine: plain data and rules, no UI, no browser APIs.
//!
//! Commands are methods on [`World`]; randomness comes in as a
//! [`RandomSource`], time from the world's simulated clock, and every change
//! appends an [`Event`] to the log.

pub mod admin;
pub mod catalog;
pub mod codec;
pub mod console_host;
pub mod countries;
pub mod dns;
pub mod email;
pub mod events;
pub mod model;
pub mod password;
pub mod powershell;
pub mod rand;
pub mod scenario;
pub mod sharing;
pub mod signin;
pub mod signup;
pub mod text;
pub mod time;
pub mod world;

pub use catalog::{Right, Sku, Template, TemplateKind};
pub use email::Email;
pub use events::{Event, EventKind, Step};
pub use model::*;
pub use rand::{RandomSource, SeededRandom};
pub use scenario::{PRESETS, Preset};
pub use signin::SignInError;
pub use signup::{
    AccountDetails, CompleteError, Completed, Confirmation, Field, FieldError, SignupRefusal, StartOutcome, TokenError,
};
pub use time::{SimDuration, SimTime, TimeUnit};
