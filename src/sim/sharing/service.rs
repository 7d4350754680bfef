//! The protection service: protect a file (in place, or to share by email),
//! and read one with a use license. Every attempt on a tracked document is
//! recorded (`tracking`), and the service writes the usage log (`usage_log`).

use super::format::{Header, Parts, Sealing, Terms, seal_file, split};
use super::naming::{Naming, companion_source_name, looks_protected, naming, unprotected_name};
use super::pdf::simple_pdf;
use super::rights::{Grant, Permission, PolicyChoice, TemplateGrant};
use super::usage_log::{Client, Request, RequestType, UsageResult};
use super::{Access, AccessOutcome, Document, UseLicenseRecord};
use crate::sim::World;
use crate::sim::basics::catalog::Right;
use crate::sim::basics::codec::from_b64;
use crate::sim::basics::email::{Email, personal_kind};
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::{SimDuration, SimTime, end_of_day};
use crate::sim::directory::{AccountStatus, RetireReason, TenantId};
use crate::sim::events::EventKind;
use crate::sim::mail::MessageKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest file the simulator protects: browser storage holds about 5 MB.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Where the protected file goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// "Protect in-place": the protected file replaces the original; nobody is emailed.
    InPlace,
    /// "Share Protected": a protected copy is emailed to the USERS; the original stays.
    Share,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectRequest {
    pub file_name: String,
    pub data: Vec<u8>,
    /// USERS: addresses separated by semicolons (the recipients of Share
    /// Protected; the people granted custom permissions).
    pub users: String,
    pub policy: PolicyChoice,
    /// "Expire these documents on": a date `YYYY-MM-DD` (empty: never).
    pub expires_on: String,
    pub notify: bool,
    pub instant_revoke: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProtectError {
    NotSignedIn,
    NoRms {
        organization: String,
    },
    EmptyFile,
    TooLarge {
        bytes: usize,
    },
    NoUsers,
    InvalidUser {
        input: String,
    },
    PersonalUser {
        address: String,
    },
    UnknownTemplate,
    TemplatesNotAvailable,
    ExpiryWithTemplate,
    BadDate {
        input: String,
    },
    PastDate {
        input: String,
    },
    KeyLost,
    /// "Email me…" or "instantly revoke" in a tenant whose subscription
    /// doesn't support document tracking and revocation.
    NeedsTracking {
        option: String,
    },
}

impl fmt::Display for ProtectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtectError::NotSignedIn => f.write_str("Sign in first: the sharing application protects files with your RMS account."),
            ProtectError::NoRms { organization } => write!(f, "{organization} has no subscription that includes Azure RMS, so your account can't protect files yet. Sign up for RMS for individuals with this address first."),
            ProtectError::EmptyFile => f.write_str("Choose a file to protect."),
            ProtectError::TooLarge { bytes } => write!(f, "That file has {bytes} bytes; the simulator protects files of up to 1 MB ({MAX_FILE_BYTES} bytes), because everything is kept in this browser's 5 MB storage."),
            ProtectError::NoUsers => f.write_str("Enter the email addresses of the people who may open the file, separated by semicolons, such as janetm@contoso.com; p.dover@fabrikam.com."),
            ProtectError::InvalidUser { input } => write!(f, "“{input}” isn't an email address. Separate addresses with semicolons, such as janetm@contoso.com; p.dover@fabrikam.com."),
            ProtectError::PersonalUser { address } => write!(f, "{address} is a personal email address. Personal email addresses are not currently supported by the RMS sharing app: use the person's work or school address."),
            ProtectError::UnknownTemplate => f.write_str("That template isn't one of your organization's templates any more. Choose another, or custom permissions."),
            ProtectError::TemplatesNotAvailable => f.write_str("Your organization's default templates restrict files to accounts in its directory, and you are its only account so far: they become available once a second person from your organization signs up. Use custom permissions meanwhile."),
            ProtectError::ExpiryWithTemplate => f.write_str("“Expire these documents on” is not available when you select a policy template: clear the date or choose custom permissions."),
            ProtectError::BadDate { input } => write!(f, "“{input}” isn't a date: use the form YYYY-MM-DD, such as 2016-05-31."),
            ProtectError::PastDate { input } => write!(f, "{input} has already ended on the simulated clock: choose a later date, or none."),
            ProtectError::KeyLost => f.write_str("Your organization has no usable RMS tenant key."),
            ProtectError::NeedsTracking { option } => write!(f, "“{option}” needs a subscription that supports document tracking and revocation, and RMS for individuals doesn't (the simulator's reading of “if these features are supported by your Azure RMS subscription”). Clear it, or ask IT to take over the directory and convert to a paid subscription."),
        }
    }
}

/// The dialog's two options that rely on document tracking.
pub const NOTIFY_OPTION: &str = "Email me when somebody tries to open these documents";
pub const INSTANT_REVOKE_OPTION: &str = "Allow me to instantly revoke access to these documents";

/// Why a protected file doesn't open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenError {
    NotProtected,
    Damaged,
    NotSignedIn {
        issuer: String,
    },
    NotGranted {
        reader: String,
        issuer: String,
    },
    OtherOrganization {
        reader: String,
        organization: String,
        template: String,
    },
    Expired {
        at: SimTime,
        issuer: String,
    },
    Revoked {
        at: SimTime,
        issuer: String,
    },
    KeyLost {
        organization: String,
        reason: RetireReason,
    },
    Blocked {
        reader: String,
    },
    /// A protected Office document on a mobile device.
    NotOnMobile {
        file: String,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotProtected => f.write_str("This file isn't protected with Rights Management: open it with its usual application. Only files protected by the sharing application (.ptxt, .ppdf, .pjpg, .pfile, protected Office files…) open here."),
            OpenError::Damaged => f.write_str("This file has been altered or damaged: its contents no longer match the signature made when it was protected, so it can't be opened. Ask the sender for a new copy."),
            OpenError::NotSignedIn { issuer } => write!(f, "Sign in to open this file: {issuer} protected it with Microsoft Rights Management, so you must prove who you are. No account? Sign up for RMS for individuals with the address the file was sent to."),
            OpenError::NotGranted { reader, issuer } => write!(f, "{reader} doesn't have permission to open this file. {issuer} protected it for other people; ask them to share it with you."),
            OpenError::OtherOrganization { reader, organization, template } => write!(f, "This file is protected with the template “{template}”, which only lets accounts of {organization} open it, and {reader} isn't one of them."),
            OpenError::Expired { at, issuer } => write!(f, "This file expired at {at}: {issuer} allowed it to be opened until then. Only its owner can open it now."),
            OpenError::Revoked { at, issuer } => write!(f, "{issuer} revoked access to this file at {at}. It can no longer be opened."),
            OpenError::KeyLost { organization, reason } => write!(f, "This file can no longer be opened by anyone: the RMS tenant key of {organization} that protected it is gone ({reason})."),
            OpenError::Blocked { reader } => write!(f, "The account {reader} is blocked from signing in, so it can't get a use license. Contact your admin."),
            OpenError::NotOnMobile { file } => write!(f, "The RMS sharing app on a mobile device reads protected PDF, text and image files, not Office documents such as {file}. Open the read-only .ppdf copy that came with it, or open {file} on a Windows computer with the Rights Management sharing application."),
        }
    }
}

/// What the service returns to a reader: the use license and the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub header: Header,
    pub rights: Vec<Right>,
    pub is_owner: bool,
    /// Opened by a super user of the organization whose key protected it.
    pub super_user: bool,
    pub native: bool,
    pub expires: Option<SimTime>,
    pub shared_with: Vec<String>,
    pub template: Option<String>,
    /// Until when this reader opens it without asking the service again.
    pub license_valid_until: Option<SimTime>,
    pub from_cached_license: bool,
    pub content: Vec<u8>,
}

/// The result of protecting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub content_id: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Share Protected of an Office file: the read-only .ppdf copy.
    pub companion: Option<(String, Vec<u8>)>,
    /// Share Protected: the recipients the email went to.
    pub recipients: Vec<Email>,
}

/// Splits the USERS field (semicolons, commas or spaces) into addresses.
pub fn parse_users(input: &str) -> Result<Vec<Email>, ProtectError> {
    let mut out: Vec<Email> = vec![];
    for part in input.split([';', ',', ' ', '\n', '\t']).map(str::trim).filter(|p| !p.is_empty()) {
        let e = Email::parse(part).map_err(|_| ProtectError::InvalidUser { input: part.chars().take(80).collect() })?;
        if personal_kind(e.domain()).is_some() {
            return Err(ProtectError::PersonalUser { address: e.to_string() });
        }
        if !out.contains(&e) {
            out.push(e);
        }
    }
    if out.is_empty() {
        return Err(ProtectError::NoUsers);
    }
    Ok(out)
}

/// The protecting person, their tenant, and its current key.
struct Protector {
    issuer: Email,
    tenant: TenantId,
    organization: String,
    key_id: String,
    secret: Vec<u8>,
}

impl World {
    fn protector(&self, actor: Option<&Email>) -> Result<Protector, ProtectError> {
        let upn = actor.ok_or(ProtectError::NotSignedIn)?;
        let t = self
            .tenant_of_domain(upn.domain())
            .filter(|t| t.users.contains_key(upn))
            .ok_or(ProtectError::NotSignedIn)?;
        if !t.has_azure_rms() {
            return Err(ProtectError::NoRms { organization: t.display_name.clone() });
        }
        let key = t.keys.first().ok_or(ProtectError::KeyLost)?;
        let secret = from_b64(&key.secret).ok_or(ProtectError::KeyLost)?;
        Ok(Protector {
            issuer: upn.clone(),
            tenant: t.id.clone(),
            organization: t.display_name.clone(),
            key_id: key.id.clone(),
            secret,
        })
    }

    /// Checks the request against the policy the person chose: the terms of
    /// the publishing license, who is emailed, and how the tracking site
    /// lists who it was shared with.
    fn terms(
        &self,
        p: &Protector,
        req: &ProtectRequest,
        n: &Naming,
        delivery: Delivery,
    ) -> Result<(Terms, Vec<Email>, Vec<String>), ProtectError> {
        let expires = match req.expires_on.trim() {
            "" => None,
            d => {
                let at = end_of_day(d).ok_or_else(|| ProtectError::BadDate { input: d.chars().take(40).collect() })?;
                if at <= self.clock {
                    return Err(ProtectError::PastDate { input: d.to_string() });
                }
                Some(at)
            }
        };
        if !self.tracking_supported(&p.tenant) {
            let option = if req.notify {
                Some(NOTIFY_OPTION)
            } else if req.instant_revoke {
                Some(INSTANT_REVOKE_OPTION)
            } else {
                None
            };
            if let Some(option) = option {
                return Err(ProtectError::NeedsTracking { option: option.to_string() });
            }
        }
        let base =
            Terms { grants: vec![], template: None, expires, instant_revoke: req.instant_revoke, notify: req.notify };
        match &req.policy {
            PolicyChoice::Custom(level) => {
                let list = parse_users(&req.users)?;
                // Generic protection can't restrict further than authentication.
                let rights = if n.native { level.rights() } else { Right::ALL.to_vec() };
                let shared = list.iter().map(|u| format!("{u} ({})", level.label())).collect();
                let grants = list.iter().map(|u| Grant(u.to_string(), rights.clone())).collect();
                Ok((Terms { grants, ..base }, list, shared))
            }
            PolicyChoice::Template(id) => {
                if expires.is_some() {
                    return Err(ProtectError::ExpiryWithTemplate);
                }
                let t = &self.directory.tenants[&p.tenant];
                let tpl = t.templates.iter().find(|x| &x.id == id).ok_or(ProtectError::UnknownTemplate)?;
                if !t.templates_available() {
                    return Err(ProtectError::TemplatesNotAvailable);
                }
                // Share Protected with a template still emails the USERS.
                let recipients = match delivery {
                    Delivery::Share => parse_users(&req.users)?,
                    Delivery::InPlace => vec![],
                };
                let rights = if n.native { tpl.rights() } else { Right::ALL.to_vec() };
                let template = Some(TemplateGrant(tpl.id.clone(), tpl.name.clone(), rights));
                Ok((Terms { template, ..base }, recipients, vec![tpl.name.clone()]))
            }
        }
    }

    /// Builds the protected file (and, for a shared Office file, its .ppdf
    /// companion), registers each for tracking and writes the usage log.
    fn protect_file(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        delivery: Delivery,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        let p = self.protector(actor)?;
        if req.data.is_empty() {
            return Err(ProtectError::EmptyFile);
        }
        if req.data.len() > MAX_FILE_BYTES {
            return Err(ProtectError::TooLarge { bytes: req.data.len() });
        }
        let n = naming(req.file_name.trim());
        let (terms, recipients, shared_with) = self.terms(&p, req, &n, delivery)?;
        let content_id = rng.guid();
        let sealing = Sealing {
            issuer: &p.issuer,
            organization: &p.organization,
            key_id: &p.key_id,
            secret: &p.secret,
            content_id: &content_id,
            original_name: &req.file_name,
            naming: &n,
            data: &req.data,
            terms: &terms,
            protected_at: self.clock,
        };
        let bytes = seal_file(&sealing, rng);
        let companion = if delivery == Delivery::Share && n.office {
            let source = companion_source_name(&req.file_name);
            let pdf = simple_pdf(&[
                format!("{} - read-only copy", req.file_name),
                format!("Protected by {} with Microsoft Rights Management.", p.issuer),
                "The Rights Management sharing application attaches this read-only copy".into(),
                "so that people on mobile devices can read the document.".into(),
                format!("The editable original is attached as {}.", n.protected_name),
            ]);
            let cid = rng.guid();
            let pn = naming(&source);
            let ro = terms.read_only();
            let b = seal_file(
                &Sealing { content_id: &cid, original_name: &source, naming: &pn, data: &pdf, terms: &ro, ..sealing },
                rng,
            );
            self.register(&cid, &pn.protected_name, &p, shared_with.clone(), req);
            Some((pn.protected_name, b))
        } else {
            None
        };
        self.register(&content_id, &n.protected_name, &p, shared_with, req);
        let template_id = terms.template.as_ref().map(|t| t.0.clone()).unwrap_or_default();
        // The Windows sharing application downloads the templates it offers,
        // then gets a publishing certificate and protects the file itself:
        // the mobile-only FECreatePublishingLicenseV1 is never sent.
        if !template_id.is_empty() {
            let info = Request::success(&p.tenant, RequestType::AcquireTemplateInformation, &p.issuer);
            self.usage(info, rng);
            let templates = Request {
                template_id: &template_id,
                ..Request::success(&p.tenant, RequestType::AcquireTemplates, &p.issuer)
            };
            self.usage(templates, rng);
        }
        self.usage(Request::success(&p.tenant, RequestType::GetClientLicensorCert, &p.issuer), rng);
        let recipients = if delivery == Delivery::Share { recipients } else { vec![] };
        Ok(Protected { content_id, file_name: n.protected_name, bytes, companion, recipients })
    }

    fn register(
        &mut self,
        content_id: &str,
        name: &str,
        p: &Protector,
        shared_with: Vec<String>,
        req: &ProtectRequest,
    ) {
        let doc = Document {
            content_id: content_id.to_string(),
            name: name.to_string(),
            issuer: p.issuer.clone(),
            tenant: p.tenant.clone(),
            protected_at: self.clock,
            shared_with,
            notify: req.notify,
            instant_revoke: req.instant_revoke,
            revoked_at: None,
            accesses: vec![],
        };
        self.sharing.documents.insert(content_id.to_string(), doc);
    }

    /// Protects a file as "Protect in-place" or "Share Protected" do. Share
    /// Protected emails a protected copy (plus a .ppdf for Office files) to
    /// each recipient, the attachments stored once.
    pub fn protect(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        delivery: Delivery,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        let p = self.protect_file(actor, req, delivery, rng)?;
        let issuer = actor.expect("protect_file checked the sign-in").clone();
        if delivery == Delivery::Share {
            let from_name = self.user(&issuer).map(|u| u.display_name()).unwrap_or_else(|| issuer.to_string());
            let mut names = vec![p.file_name.clone()];
            let mut ids = vec![self.mail.store_file(&p.file_name, &p.bytes)];
            if let Some((name, bytes)) = &p.companion {
                ids.push(self.mail.store_file(name, bytes));
                names.push(name.clone());
            }
            for r in &p.recipients {
                let kind = MessageKind::SharedFile {
                    from_name: from_name.clone(),
                    from: issuer.to_string(),
                    names: names.clone(),
                    attachments: ids.clone(),
                };
                self.deliver(r.as_str(), kind);
            }
        }
        self.log(EventKind::FileProtected {
            issuer: issuer.to_string(),
            file: p.file_name.clone(),
            shared_with: p.recipients.iter().map(|r| r.to_string()).collect(),
        });
        Ok(p)
    }

    /// "Protect in-place": the protected file replaces the original.
    pub fn protect_in_place(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        self.protect(actor, req, Delivery::InPlace, rng)
    }

    /// "Share Protected": a protected copy is emailed; the original stays as it was.
    pub fn share_protected(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        self.protect(actor, req, Delivery::Share, rng)
    }

    /// The viewer opens a file: the service checks the signature, the
    /// reader and the policy, and returns a use license with the rights and
    /// the content key; the content is then decrypted. Every attempt on a
    /// tracked document is recorded (and mailed to its owner if asked).
    pub fn open_protected(
        &mut self,
        reader: Option<&Email>,
        file_name: &str,
        bytes: &[u8],
        rng: &mut dyn RandomSource,
    ) -> Result<Opened, OpenError> {
        self.open_protected_on(Client::WindowsSharingApp, reader, file_name, bytes, rng)
    }

    /// Opens a file on a given client: the Windows sharing application, or
    /// the RMS sharing app of a mobile device, which reads protected PDF,
    /// text and image files but not Office documents (that is why Share
    /// Protected attaches a read-only .ppdf copy "so that mobile recipients
    /// can read it").
    pub fn open_protected_on(
        &mut self,
        client: Client,
        reader: Option<&Email>,
        file_name: &str,
        bytes: &[u8],
        rng: &mut dyn RandomSource,
    ) -> Result<Opened, OpenError> {
        let parts = match split(bytes) {
            Err(OpenError::NotProtected) if looks_protected(file_name) => return Err(OpenError::Damaged),
            other => other?,
        };
        if client == Client::MobileSharingApp && naming(&parts.header.original_name).office {
            return Err(OpenError::NotOnMobile { file: parts.header.protected_name.clone() });
        }
        let result = self.license(reader, &parts);
        self.record_access(client, reader, &parts.header, &result, rng);
        result
    }

    fn license(&mut self, reader: Option<&Email>, parts: &Parts) -> Result<Opened, OpenError> {
        let header = &parts.header;
        let Some((secret, holder)) =
            self.directory.key(&header.key_id).map(|(k, t)| (from_b64(&k.secret), t.id.clone()))
        else {
            return Err(match self.directory.retired_keys.iter().find(|r| r.key.id == header.key_id) {
                Some(r) => OpenError::KeyLost { organization: r.key.origin.clone(), reason: r.reason.clone() },
                None => OpenError::Damaged,
            });
        };
        let policy = parts.policy(&secret.ok_or(OpenError::Damaged)?)?;
        let issuer = policy.issuer.clone();
        let reader = reader.ok_or(OpenError::NotSignedIn { issuer: issuer.clone() })?;
        let reader_tenant =
            self.tenant_of_domain(reader.domain()).filter(|t| t.users.contains_key(reader)).map(|t| t.id.clone());
        let Some(reader_tenant) = reader_tenant else {
            return Err(OpenError::NotSignedIn { issuer });
        };
        if self.user(reader).is_some_and(|u| u.status == AccountStatus::SignInBlocked) {
            return Err(OpenError::Blocked { reader: reader.to_string() });
        }
        let is_owner = reader.as_str() == policy.owner || reader.as_str() == issuer;
        // A super user of the organization whose key protected the document
        // has Full Control, whenever it was protected (retroactively).
        let super_user = !is_owner && reader_tenant == holder && self.is_super_user(&holder, reader);
        let rights: Vec<Right> = if is_owner || super_user {
            Right::ALL.to_vec()
        } else if let Some(TemplateGrant(_, name, r)) = &policy.template {
            if reader_tenant != holder {
                return Err(OpenError::OtherOrganization {
                    reader: reader.to_string(),
                    organization: self.directory.tenants[&holder].display_name.clone(),
                    template: name.clone(),
                });
            }
            r.clone()
        } else {
            match policy.grants.iter().find(|Grant(u, _)| u == reader.as_str()) {
                Some(Grant(_, r)) => r.clone(),
                None => return Err(OpenError::NotGranted { reader: reader.to_string(), issuer }),
            }
        };
        let cached =
            self.sharing.use_license(&policy.content_id, reader).filter(|l| self.clock < l.valid_until).cloned();
        if !is_owner && !super_user {
            if let Some(at) = policy.expires.filter(|e| self.clock >= *e) {
                return Err(OpenError::Expired { at, issuer });
            }
            // A revoked document still opens while the reader's use license is valid.
            if let Some(at) = self.sharing.documents.get(&policy.content_id).and_then(|d| d.revoked_at)
                && cached.is_none()
            {
                return Err(OpenError::Revoked { at, issuer });
            }
        }
        let days = self.directory.tenants[&holder].rms.use_license_days as i64;
        let valid_until = if is_owner || super_user {
            None
        } else if let Some(c) = &cached {
            Some(c.valid_until)
        } else {
            let mut until = if policy.instant_revoke { self.clock } else { self.clock.plus(SimDuration::days(days)) };
            // A use license never outlives the document's expiry.
            if let Some(e) = policy.expires {
                until = until.min(e);
            }
            if until > self.clock {
                let record = UseLicenseRecord { issued: self.clock, valid_until: until };
                self.sharing.use_licenses.entry(policy.content_id.clone()).or_default().insert(reader.clone(), record);
            }
            Some(until)
        };
        let content = parts.content(&policy)?;
        Ok(Opened {
            header: header.clone(),
            rights,
            is_owner,
            super_user,
            native: policy.native,
            expires: policy.expires,
            // Each user with the level their rights amount to; generic
            // protection grants every right, so there is no level to name.
            shared_with: policy
                .grants
                .iter()
                .map(|Grant(u, r)| match Permission::of_rights(r).filter(|_| policy.native) {
                    Some(level) => format!("{u} ({}: {})", level.label(), level.description()),
                    None => u.clone(),
                })
                .collect(),
            template: policy.template.map(|t| t.1),
            license_valid_until: valid_until,
            from_cached_license: cached.is_some(),
            content,
        })
    }

    fn record_access(
        &mut self,
        client: Client,
        reader: Option<&Email>,
        header: &Header,
        result: &Result<Opened, OpenError>,
        rng: &mut dyn RandomSource,
    ) {
        let who = reader.map(|r| r.to_string());
        let outcome = match result {
            Ok(o) if o.is_owner => AccessOutcome::OpenedByOwner,
            Ok(o) if o.super_user => AccessOutcome::OpenedBySuperUser,
            Ok(o) if o.from_cached_license => AccessOutcome::OpenedWithHeldLicense,
            Ok(_) => AccessOutcome::Opened,
            Err(OpenError::Damaged) | Err(OpenError::NotProtected) => return,
            Err(e) => AccessOutcome::Refused(e.clone()),
        };
        let clock = self.clock;
        let Some(doc) = self.sharing.documents.get_mut(&header.content_id) else { return };
        doc.accesses.push(Access { who: who.clone(), at: clock, outcome: outcome.clone() });
        let (issuer, notify, name, tenant) = (doc.issuer.clone(), doc.notify, doc.name.clone(), doc.tenant.clone());
        let usage_result = match (&outcome, reader) {
            (o, _) if o.granted() => UsageResult::Success,
            (_, None) => UsageResult::Unauthenticated,
            _ => UsageResult::AccessDenied,
        };
        let request = Request {
            tenant: &tenant,
            kind: client.license_request(),
            user: reader,
            result: usage_result,
            content_id: Some(&header.content_id),
            template_id: "",
            client,
        };
        self.usage(request, rng);
        self.log(EventKind::FileOpened { reader: who.clone(), file: name.clone(), outcome: outcome.clone() });
        if notify && reader != Some(&issuer) && self.tracking_supported(&tenant) {
            self.deliver(issuer.as_str(), MessageKind::AccessNotice { who, file: name, tried_at: clock, outcome });
        }
    }

    /// "Remove Protection": only an owner can; `Sample.ptxt` → `Sample.txt`.
    pub fn remove_protection(
        &mut self,
        actor: Option<&Email>,
        file_name: &str,
        bytes: &[u8],
        rng: &mut dyn RandomSource,
    ) -> Result<(String, Vec<u8>), OpenError> {
        let o = self.open_protected(actor, file_name, bytes, rng)?;
        if !o.rights.contains(&Right::Owner) {
            return Err(OpenError::NotGranted {
                reader: actor.map(|a| a.to_string()).unwrap_or_default(),
                issuer: o.header.issuer,
            });
        }
        let name = unprotected_name(&o.header.protected_name, &o.header.original_name);
        self.log(EventKind::ProtectionRemoved {
            owner: actor.map(|a| a.to_string()).unwrap_or_default(),
            file: name.clone(),
        });
        Ok((name, o.content))
    }
}
