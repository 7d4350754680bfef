//! One module per route.

mod admin;
mod directory;
mod dns;
mod events;
mod help;
mod home;
mod inbox;
mod not_found;
mod portal;
mod powershell;
mod sharing;
mod signin;
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
pub use not_found::NotFound;
pub use portal::Portal;
pub use powershell::PowerShell;
pub use sharing::Sharing;
pub use signin::SignIn;
pub use tracking::Tracking;
pub use verify::Verify;
pub use viewer::Viewer;

use crate::sim::Event;
use crate::ui::state::Sim;

/// The sequence number of the newest event, to show what an action added.
pub(crate) fn last_seq(sim: &Sim) -> u64 {
    sim.with_untracked(|w| w.log.events.last().map(|e| e.seq).unwrap_or(0))
}

/// The events after `since` (reactive).
pub(crate) fn events_since(sim: &Sim, since: Option<u64>) -> Vec<Event> {
    match since {
        None => vec![],
        Some(s) => sim.with(|w| w.log.events.iter().filter(|e| e.seq > s).cloned().collect()),
    }
}
