//! The simulation engine: plain data and rules, no UI, no browser APIs.
//!
//! The world (`world.rs`) is one struct with one part per feature; each
//! feature's folder holds its part's data and the rules that change it:
//!
//! - `directory/`: tenants, domains, users, subscriptions, keys, and the queries on them;
//! - `signup/`: the RMS for individuals sign-up and the domain lists it checks;
//! - `signin/`: sign-in, smart lockout, a device's session;
//! - `devices/`: people and their devices (each tab is one person's device);
//! - `mail/`: inboxes, attachments, `deliver`, and the words of every message;
//! - `admin/`: IT takes control (DNS proof, takeovers, settings, accounts, paid
//!   subscription, software inventory);
//! - `console/`: the PowerShell console (a language layer free of the world, and its host);
//! - `sharing/`: the sharing application and the protection service;
//! - `events/`: the event log and the explanation of each event;
//! - `lessons/`: the lessons (the seed's sections step by step), their
//!   checks, what "Show me" runs, and the trainer's challenges;
//! - `clock.rs`, `scenario.rs`: the simulated clock and the presets;
//! - `command.rs`: every change the UI makes, as plain data (replay-safe);
//! - `basics/`: world-free helpers (time, randomness, addresses, passwords,
//!   countries, the catalogue of SKUs and rights, text, base64).
//!
//! Commands are methods on [`World`]; randomness comes in as a
//! [`RandomSource`], time from the world's simulated clock, and every change
//! appends an [`Event`] to the log.

pub mod admin;
pub mod basics;
pub mod clock;
pub mod command;
pub mod console;
pub mod devices;
pub mod directory;
pub mod events;
pub mod lessons;
pub mod mail;
pub mod scenario;
pub mod sharing;
pub mod signin;
pub mod signup;
pub mod world;

pub use basics::{catalog, codec, countries, email, password, personal, rand, text, time};
pub use console::powershell;

pub use admin::dns::RecordType;
pub use admin::{ForceTakeover, RmsFeature, SettingsVia};
pub use catalog::{Right, Sku, Template, TemplateKind};
pub use command::{AnyCommand, Command};
pub use console::ConsoleService;
pub use devices::{Devices, Person, SHARED_BROWSER};
pub use directory::*;
pub use email::Email;
pub use events::{ActionGroup, Event, EventKind, EventLog, Step};
pub use lessons::{CHALLENGES, LESSONS, Lesson, Progress};
pub use mail::{Block, Mail, Mailbox, Message, MessageKind};
pub use rand::{RandomSource, SeededRandom};
pub use scenario::{PRESETS, Preset};
pub use signin::{Session, SignInError};
pub use signup::{
    AccountDetails, CompleteError, Completed, Confirmation, DomainList, Field, FieldError, FlowState, SignupFlow,
    SignupRefusal, Signups, StartOutcome, TokenError,
};
pub use time::{SimDuration, SimTime, TimeUnit};
pub use world::{Config, DEFAULT_LINK_VALIDITY, DEFAULT_PBKDF2_ITERATIONS, World};
