//! One module per route.

mod admin;
mod directory;
mod dns;
mod events;
mod help;
mod home;
mod inbox;
mod inventory;
mod not_found;
mod portal;
mod powershell;
mod sharing;
mod signin;
mod split;
mod tracking;
mod verify;
mod viewer;

pub use admin::Admin;
pub use directory::Directory;
pub use dns::Dns;
pub use events::Events;
pub use help::Help;
pub use home::Home;
pub use inbox::{Inbox, Mailbox};
pub use inventory::Inventory;
pub use not_found::NotFound;
pub use portal::Portal;
pub use powershell::PowerShell;
pub use sharing::Sharing;
pub use signin::SignIn;
pub use split::Split;
pub use tracking::Tracking;
pub use verify::Verify;
pub use viewer::Viewer;
