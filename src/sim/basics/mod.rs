//! World-free helpers: nothing here knows the world or any feature.

pub mod catalog;
pub mod codec;
pub mod countries;
pub mod email;
pub mod number;
pub mod password;
pub mod personal;
pub mod rand;
pub mod text;
pub mod time;
pub mod wording;
