//! The document tracking site: what the owner of a document sees of it,
//! "Revoke access", and "Export to CSV".

use super::Document;
use super::usage_log::{Client, Request, RequestType};
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::SimTime;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Said wherever tracking features are offered or refused.
pub const TRACKING_RULE_NOTE: &str = "Document tracking, revocation, open notifications and instant revoke need a paid subscription that includes Azure Rights Management: the simulator's reading of the seed's “if these features are supported by your Azure RMS subscription”. RMS for individuals alone doesn't have them.";

/// Why "Revoke access" did nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevokeError {
    /// Tracking and revocation need a paid subscription that includes Azure RMS.
    NotPaid,
    /// No document with this content ID was protected by this person.
    NotYours,
    AlreadyRevoked {
        name: String,
    },
}

impl fmt::Display for RevokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RevokeError::NotPaid => f.write_str(
                "Document tracking and revocation need a paid subscription that includes Azure Rights Management.",
            ),
            RevokeError::NotYours => f.write_str("That document isn't one of yours."),
            RevokeError::AlreadyRevoked { name } => write!(f, "Access to {name} was already revoked."),
        }
    }
}

impl World {
    /// The documents the tracking site shows to their issuer, newest first.
    pub fn tracked(&self, owner: &Email) -> Vec<&Document> {
        let mut list: Vec<&Document> = self.sharing.documents.values().filter(|d| &d.issuer == owner).collect();
        list.sort_by_key(|d| std::cmp::Reverse(d.protected_at));
        list
    }

    /// Whether `owner` may use the document tracking site.
    pub fn tracking_available(&self, owner: &Email) -> bool {
        self.tenant_of_domain(owner.domain()).is_some_and(|t| self.tracking_supported(&t.id))
    }

    /// The one rule for everything that relies on document tracking: the
    /// tracking site, "Revoke access", open notifications and instant
    /// revoke. The seed offers track and revoke after conversion "if these
    /// features are supported by your Azure RMS subscription"; the simulator
    /// reads that as a paid subscription that includes Azure RMS, in a
    /// tenant with an administrator (see [`TRACKING_RULE_NOTE`]).
    pub fn tracking_supported(&self, tenant: &str) -> bool {
        self.directory.tenants.get(tenant).is_some_and(|t| t.paid_features())
    }

    /// "Revoke access": effective at once for readers without a use license;
    /// a reader who holds one keeps access until it expires (at once with
    /// instant revoke, whose licenses last 0 days). Returns that moment.
    pub fn revoke(
        &mut self,
        owner: &Email,
        content_id: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<SimTime, RevokeError> {
        if !self.tracking_available(owner) {
            return Err(RevokeError::NotPaid);
        }
        let clock = self.clock;
        let doc =
            self.sharing.documents.get_mut(content_id).filter(|d| &d.issuer == owner).ok_or(RevokeError::NotYours)?;
        if doc.revoked_at.is_some() {
            return Err(RevokeError::AlreadyRevoked { name: doc.name.clone() });
        }
        doc.revoked_at = Some(clock);
        let (name, tenant) = (doc.name.clone(), doc.tenant.clone());
        let last = self.locked_out_from(content_id);
        let request =
            Request { client: Client::TrackingSite, ..Request::success(&tenant, RequestType::RevokeAccess, owner) };
        self.usage(request, rng);
        self.log(EventKind::AccessRevoked { owner: owner.to_string(), file: name, effective_for_all: last });
        Ok(last)
    }

    /// From when nobody but the owner can open a document: now, or when the
    /// last use license a reader holds for it expires.
    pub fn locked_out_from(&self, content_id: &str) -> SimTime {
        self.sharing
            .use_licenses
            .get(content_id)
            .and_then(|readers| readers.values().map(|l| l.valid_until).max())
            .filter(|t| *t > self.clock)
            .unwrap_or(self.clock)
    }

    /// "Export to CSV" of the tracking site.
    pub fn tracking_csv(&self, owner: &Email) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = String::from("Document,Protected,User,Time,Result\r\n");
        for d in self.tracked(owner) {
            if d.accesses.is_empty() {
                out.push_str(&format!("{},{},,,No access attempts\r\n", q(&d.name), q(&d.protected_at.iso())));
            }
            for a in &d.accesses {
                out.push_str(&format!(
                    "{},{},{},{},{}\r\n",
                    q(&d.name),
                    q(&d.protected_at.iso()),
                    q(a.who()),
                    q(&a.at.iso()),
                    q(&a.outcome.to_string())
                ));
            }
        }
        out
    }
}
