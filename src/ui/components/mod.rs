//! Shared components, one per concept.

pub mod attachments;
pub mod become_admin;
pub mod clock;
pub mod data_table;
pub mod directory_map;
pub mod download;
pub mod event_list;
pub mod facts;
pub mod feedback;
pub mod header;
pub mod icon;
pub mod icon_data;
pub mod inventory_table;
pub mod message_body;
pub mod personal_list;
pub mod recovery;
pub mod rights;
pub mod safe_text;
pub mod signed_in;
pub mod status;
pub mod trial_note;
pub mod why;
pub mod wording;
