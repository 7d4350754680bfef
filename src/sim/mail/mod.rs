//! Mail: the simulated inboxes, the files attached to messages, and the one
//! `deliver` every message goes through. Messages are stored as their kind
//! and data; the words (sender, subject, body) are made in `texts`.

pub mod texts;

pub use texts::{READY_SUBJECT, SENDER, SENDER_NAME};

use crate::sim::World;
use crate::sim::basics::codec::{from_b64, to_b64};
use crate::sim::basics::time::SimTime;
use crate::sim::sharing::AccessOutcome;
use crate::sim::signup::Era;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The mail part of the world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    pub mailboxes: BTreeMap<String, Mailbox>,
    pub next_message_id: u64,
    /// Files attached to messages (protected copies sent by Share Protected),
    /// stored once however many recipients they went to.
    #[serde(default)]
    pub files: BTreeMap<String, StoredFile>,
    #[serde(default)]
    pub next_file_id: u64,
}

impl Mail {
    pub fn after_load(&mut self) {
        for (address, m) in self.mailboxes.iter_mut() {
            m.address = address.clone();
        }
    }

    /// Keeps an attachment; returns its ID.
    pub fn store_file(&mut self, name: &str, bytes: &[u8]) -> String {
        let id = format!("f{}", self.next_file_id.max(1));
        self.next_file_id = self.next_file_id.max(1) + 1;
        self.files.insert(id.clone(), StoredFile { name: name.to_string(), data: to_b64(bytes) });
        id
    }

    /// A stored attachment's name and bytes.
    pub fn attachment(&self, id: &str) -> Option<(String, Vec<u8>)> {
        let f = self.files.get(id)?;
        Some((f.name.clone(), from_b64(&f.data)?))
    }
}

impl Message {
    /// IDs of the files attached to this message.
    pub fn attachments(&self) -> &[String] {
        match &self.kind {
            MessageKind::SharedFile { attachments, .. } | MessageKind::Custom { attachments, .. } => attachments,
            _ => &[],
        }
    }
}

impl World {
    /// Puts a message in `to`'s mailbox, stamped with the simulated time.
    pub fn deliver(&mut self, to: &str, kind: MessageKind) {
        let mail = &mut self.mail;
        mail.next_message_id += 1;
        let msg = Message { id: mail.next_message_id, at: self.clock, read: false, kind };
        let to = to.to_ascii_lowercase();
        mail.mailboxes
            .entry(to.clone())
            .or_insert_with(|| Mailbox { address: to, messages: vec![] })
            .messages
            .push(msg);
    }

    /// Marks a message read; returns false if there is no such message.
    pub fn mark_read(&mut self, address: &str, id: u64) -> bool {
        match self
            .mail
            .mailboxes
            .get_mut(&address.to_ascii_lowercase())
            .and_then(|m| m.messages.iter_mut().find(|x| x.id == id))
        {
            Some(m) if !m.read => {
                m.read = true;
                true
            }
            Some(_) => true,
            None => false,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub name: String,
    /// The bytes, URL-safe base64.
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    /// Stored as the key of `Mail::mailboxes`, restored on load.
    #[serde(skip)]
    pub address: String,
    pub messages: Vec<Message>,
}

impl Mailbox {
    pub fn unread(&self) -> usize {
        self.messages.iter().filter(|m| !m.read).count()
    }
}

/// A message in a mailbox. Microsoft's own mails are stored as their kind and
/// data; their sender, subject and body are derived (`signup.rs` has the
/// texts), which keeps a world of many sign-ups small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "i")]
    pub id: u64,
    #[serde(rename = "t")]
    pub at: SimTime,
    #[serde(rename = "r", default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(rename = "k")]
    pub kind: MessageKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageKind {
    /// "Microsoft RMS": the confirmation email with the sign-up link.
    #[serde(rename = "C")]
    Confirmation {
        #[serde(rename = "k")]
        token: String,
        #[serde(rename = "x")]
        expires_at: SimTime,
        /// The era of the flow: the sender, subject and words follow it.
        #[serde(rename = "v", default, skip_serializing_if = "crate::sim::signup::era::is_seed")]
        era: Era,
    },
    /// The second email: the account is ready.
    #[serde(rename = "R")]
    AccountReady,
    /// Share Protected: a person sent protected files (`attachments`, IDs of
    /// `Mail::files`; `names` their file names, the first the main one).
    #[serde(rename = "S")]
    SharedFile { from_name: String, from: String, names: Vec<String>, attachments: Vec<String> },
    /// Microsoft Rights Management tells a document's owner someone tried to
    /// open it (the owner asked to be emailed).
    #[serde(rename = "A")]
    AccessNotice { who: Option<String>, file: String, tried_at: SimTime, outcome: AccessOutcome },
    /// Any other message, stored whole (saves made before the two kinds
    /// above existed hold their shared-file mails this way).
    #[serde(rename = "M")]
    Custom {
        from_name: String,
        from: String,
        subject: String,
        body: Vec<Block>,
        /// IDs of `Mail::files` attached to the message.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<String>,
    },
}

/// A piece of a message body. Bodies are data, never HTML: the UI renders
/// each block as text, and links as in-app `<a href>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Link { text: String, href: String },
    Small(String),
}
