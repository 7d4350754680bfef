//! The words of every message: Microsoft's sign-up mails, a Share Protected
//! mail, and the access notice the owner of a document asked for.

use super::{Block, Message, MessageKind};
use crate::sim::basics::email::query_encode;
use crate::sim::basics::wording::Wording;
use crate::sim::sharing::{AccessOutcome, reader_name};
use crate::sim::signup::Era;

pub const SENDER_NAME: &str = "Microsoft";
pub const SENDER: &str = "DoNotReply@microsoft.com";
pub const READY_SUBJECT: &str = "Microsoft RMS: your account is ready";
/// The sender name of the access notices.
pub const RMS_SENDER_NAME: &str = "Microsoft Rights Management";

impl Message {
    pub fn from_name(&self) -> &str {
        match &self.kind {
            MessageKind::Custom { from_name, .. } | MessageKind::SharedFile { from_name, .. } => from_name,
            MessageKind::AccessNotice { .. } => RMS_SENDER_NAME,
            MessageKind::Confirmation { era, .. } => era.sender_name(),
            _ => SENDER_NAME,
        }
    }
    pub fn from(&self) -> &str {
        match &self.kind {
            MessageKind::Custom { from, .. } | MessageKind::SharedFile { from, .. } => from,
            MessageKind::Confirmation { era, .. } => era.sender(),
            _ => SENDER,
        }
    }
    pub fn subject(&self) -> String {
        match &self.kind {
            MessageKind::Confirmation { era, .. } => era.confirmation_subject().to_string(),
            MessageKind::AccountReady => READY_SUBJECT.to_string(),
            MessageKind::SharedFile { names, .. } => {
                format!("{} (protected)", names.first().map(String::as_str).unwrap_or(""))
            }
            MessageKind::AccessNotice { who, file, .. } => {
                format!("{} tried to open {file}", reader_name(who.as_deref()))
            }
            MessageKind::Custom { subject, .. } => subject.clone(),
        }
    }
    /// Where the message's words come from. The seed gives the sign-up
    /// mails' sender and the first one's subject; no Microsoft source gives
    /// the bodies, the "account ready" subject, the share mail or the
    /// access notice (facts file, "Open items").
    pub fn wording(&self) -> Wording {
        match &self.kind {
            MessageKind::Confirmation { era: Era::Seed2016, .. } => Wording::Partly {
                quoted: "the sender (Microsoft, DoNotReply@microsoft.com) and the subject “Microsoft RMS”",
                source: "the seed's step 4",
            },
            MessageKind::Confirmation { era: Era::October2016, .. } => Wording::Partly {
                quoted: "the sender (Office 365 Team, support@email.microsoftonline.com), the subject and the “Yes, that's me” link",
                source: "the Azure RMS documentation of October 2016",
            },
            MessageKind::AccountReady => Wording::Partly {
                quoted: "the sender and what the message offers (a link to sign in and download the sharing application, and a Help link)",
                source: "the seed's steps 7 and 8",
            },
            MessageKind::SharedFile { .. } => Wording::Simulator {
                why: "the guide says only that the email tells recipients the attachments are protected with Microsoft RMS and that they must sign in.",
            },
            MessageKind::AccessNotice { .. } => Wording::Simulator {
                why: "the guide says only that the email says who tried to open the document, when, and whether they succeeded.",
            },
            MessageKind::Custom { .. } => Wording::Simulator { why: "a message a scenario wrote." },
        }
    }

    /// The body as shown to `to`, the mailbox's address.
    pub fn body(&self, to: &str) -> Vec<Block> {
        match &self.kind {
            MessageKind::Confirmation { token, expires_at, era: Era::October2016 } => vec![
                Block::Heading("Finish signing up for Microsoft Azure Information Protection".into()),
                Block::Paragraph(format!("Please verify that {to} is your email address, so we can finish setting up your account.")),
                Block::Link { text: Era::October2016.link_text().into(), href: format!("/portal/verify?token={token}") },
                Block::Paragraph(format!("The link works once and expires at {expires_at}.")),
                Block::Small("If you didn't ask to sign up, you can ignore this message: no account will be created.".into()),
            ],
            MessageKind::Confirmation { token, expires_at, era: Era::Seed2016 } => vec![
                Block::Heading("Thank you for signing up for Microsoft Rights Management".into()),
                Block::Paragraph(format!("To finish creating your account for {to}, click the link below and enter your details.")),
                Block::Link { text: Era::Seed2016.link_text().into(), href: format!("/portal/verify?token={token}") },
                Block::Paragraph(format!("The link works once and expires at {expires_at}.")),
                Block::Small("If you didn't ask to sign up for Microsoft Rights Management, you can ignore this message: no account will be created.".into()),
            ],
            MessageKind::AccountReady => vec![
                Block::Heading("Your account is ready".into()),
                Block::Paragraph(format!("Your account {to} for Microsoft Rights Management is ready to use. You can now read files that others protected for you, and protect your own.")),
                Block::Link { text: "Sign in and download the Rights Management sharing application".into(), href: format!("/signin?email={}", query_encode(to)) },
                Block::Link { text: "Help".into(), href: "/help/sharing-app".into() },
                Block::Small("When you're prompted to sign in to protect or read protected files, enter this email address and the password you chose.".into()),
            ],
            MessageKind::SharedFile { from_name, from, names, .. } => vec![
                Block::Paragraph(format!("{from_name} ({from}) has shared a protected file with you: {}.", names.first().map(String::as_str).unwrap_or(""))),
                Block::Paragraph("The attachment is protected with Microsoft Rights Management. To read it, you must sign in with a work or school account. If your organization doesn't have one for you, sign up for a free RMS for individuals account with this email address — the one the file was sent to.".into()),
                Block::Link { text: "Sign in to read the file".into(), href: format!("/signin?email={}", query_encode(to)) },
                Block::Link { text: "Sign up for RMS for individuals".into(), href: format!("/portal?email={}", query_encode(to)) },
                Block::Small(format!("Attachments: {} (protected with Microsoft RMS). Changing the recipients of this message does not change who can open them.", names.join(", "))),
            ],
            MessageKind::AccessNotice { who, file, tried_at, outcome } => vec![
                Block::Paragraph(format!("{} tried to open {file} at {tried_at}.", reader_name(who.as_deref()))),
                Block::Paragraph(match outcome {
                    AccessOutcome::Refused(_) | AccessOutcome::RefusedEarlier(_) => format!("They could not open it: {outcome}"),
                    _ => "They were able to open it.".to_string(),
                }),
                Block::Link { text: "Track this document".into(), href: "/tracking".into() },
            ],
            MessageKind::Custom { body, .. } => body.clone(),
        }
    }
}
