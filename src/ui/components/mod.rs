//! Shared components, one per concept.

pub mod become_admin;
pub mod clock;
pub mod data_table;
pub mod event_list;
pub mod header;
pub mod message_body;
pub mod recovery;
pub mod status;
