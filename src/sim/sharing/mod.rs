//! The Rights Management sharing application and the service behind it.
//!
//! - `naming`: how a protected file is named (`.txt` → `.ptxt`, …);
//! - `rights`: permission levels, policy choices and grants;
//! - `format`: the protected file format and its cryptography;
//! - `service`: protect (in place or shared by email), open with a use license;
//! - `tracking`: the document tracking site, revoke, CSV;
//! - `usage_log`: the W3C usage log;
//! - `pdf`: the minimal PDF writer for read-only companions.
//!
//! This file holds the service's part of the world: the documents it tracks,
//! the use licenses readers hold and the usage log.

pub mod format;
pub mod naming;
pub mod pdf;
pub mod rights;
pub mod service;
pub mod tracking;
pub mod usage_log;

pub use format::{Header, MAGIC, inspect};
pub use naming::{Naming, naming, unprotected_name};
pub use pdf::simple_pdf;
pub use rights::{Grant, Permission, PolicyChoice, TemplateGrant};
pub use service::{
    Delivery, INSTANT_REVOKE_OPTION, MAX_FILE_BYTES, NOTIFY_OPTION, OpenError, Opened, ProtectError, ProtectRequest,
    Protected, parse_users,
};
pub use tracking::{RevokeError, TRACKING_RULE_NOTE};
pub use usage_log::{Client, MAX_USAGE_LOG, UsageLogEntry};

use crate::sim::basics::email::Email;
use crate::sim::basics::time::SimTime;
use crate::sim::directory::TenantId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The protection service's part of the world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingService {
    /// Protected documents the service knows of, by content ID: what the
    /// document tracking site shows.
    pub documents: BTreeMap<String, Document>,
    /// Use licenses readers hold, by content ID and reader: until when they
    /// open the document without asking the service again.
    #[serde(default)]
    pub use_licenses: BTreeMap<String, BTreeMap<Email, UseLicenseRecord>>,
    /// The RMS usage log (newest last, at most `MAX_USAGE_LOG`).
    #[serde(default)]
    pub usage_log: Vec<UsageLogEntry>,
}

impl SharingService {
    /// The use license `reader` holds for a document, if any (valid or not).
    pub fn use_license(&self, content_id: &str, reader: &Email) -> Option<&UseLicenseRecord> {
        self.use_licenses.get(content_id)?.get(reader)
    }
}

/// A protected document as the service tracks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub content_id: String,
    pub name: String,
    pub issuer: Email,
    /// The tenant whose key protected it.
    pub tenant: TenantId,
    pub protected_at: SimTime,
    /// Who it was shared with (or the template's name).
    pub shared_with: Vec<String>,
    pub notify: bool,
    pub instant_revoke: bool,
    pub revoked_at: Option<SimTime>,
    pub accesses: Vec<Access>,
}

/// One attempt to open a tracked document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// The reader, if they were signed in.
    pub who: Option<String>,
    pub at: SimTime,
    pub outcome: AccessOutcome,
}

/// What the service answered an attempt to open a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessOutcome {
    /// The issuer or owner: always Full Control, no use license needed.
    OpenedByOwner,
    /// The reader still held a valid use license.
    OpenedWithHeldLicense,
    /// A use license was issued.
    Opened,
    /// A super user of the organization that protected it: Full Control.
    OpenedBySuperUser,
    Refused(OpenError),
    /// A refusal recorded before schema 4, when only its words were kept.
    RefusedEarlier(String),
}

impl Access {
    /// Who tried, as the tracking site names them.
    pub fn who(&self) -> &str {
        reader_name(self.who.as_deref())
    }
}

/// How the service names a reader: their address, or "someone who isn't
/// signed in".
pub fn reader_name(reader: Option<&str>) -> &str {
    reader.unwrap_or("someone who isn't signed in")
}

impl AccessOutcome {
    pub fn granted(&self) -> bool {
        matches!(
            self,
            AccessOutcome::OpenedByOwner
                | AccessOutcome::OpenedWithHeldLicense
                | AccessOutcome::Opened
                | AccessOutcome::OpenedBySuperUser
        )
    }
}

impl fmt::Display for AccessOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessOutcome::OpenedByOwner => f.write_str("Opened by its owner, who needs no use license"),
            AccessOutcome::OpenedWithHeldLicense => f.write_str("Opened (with a use license already held)"),
            AccessOutcome::Opened => f.write_str("Opened"),
            AccessOutcome::OpenedBySuperUser => {
                f.write_str("Opened by a super user of the organization (Full Control)")
            }
            AccessOutcome::Refused(e) => write!(f, "{e}"),
            AccessOutcome::RefusedEarlier(words) => f.write_str(words),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UseLicenseRecord {
    pub issued: SimTime,
    pub valid_until: SimTime,
}
