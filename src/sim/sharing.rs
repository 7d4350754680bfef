//! The Rights Management sharing application and the service behind it:
//! protect a file (in place or to share by email), read it with a use
//! license, track and revoke, the usage log.
//!
//! Cryptography (RustCrypto, no home-made primitives): each document gets a
//! random AES-256-GCM content key. The policy — issuer, owner, grants or
//! template, rights, expiry, content ID, instant revoke — and the content key
//! are encrypted with AES-256-GCM under the issuing tenant's key, and the
//! whole file is signed with HMAC-SHA256 under a key derived from it (the
//! simulator's stand-in for the author's RSA signature: any changed byte is
//! detected). Only the simulated service holds tenant keys: reading a file
//! means asking it for a use license. The format is in
//! `docs/protected-file-format.md`.

use super::catalog::{Right, Template};
use super::codec::{from_b64, to_b64};
use super::email::{Email, personal_kind};
use super::events::EventKind;
use super::model::*;
use super::rand::RandomSource;
use super::time::{SimDuration, SimTime};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::fmt;

/// The first line of every protected file.
pub const MAGIC: &str = "RMS-SIM-PROTECTED-FILE v1";
/// The largest file the simulator protects: browser storage holds about 5 MB.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The sharing application's permission levels (2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Permission {
    Viewer,
    Reviewer,
    CoAuthor,
    CoOwner,
}

impl Permission {
    pub const ALL: [Permission; 4] =
        [Permission::Viewer, Permission::Reviewer, Permission::CoAuthor, Permission::CoOwner];

    pub fn label(self) -> &'static str {
        match self {
            Permission::Viewer => "Viewer",
            Permission::Reviewer => "Reviewer",
            Permission::CoAuthor => "Co-Author",
            Permission::CoOwner => "Co-Owner",
        }
    }
    pub fn description(self) -> &'static str {
        match self {
            Permission::Viewer => "View Only",
            Permission::Reviewer => "View and Edit",
            Permission::CoAuthor => "View, Edit, Copy, and Print",
            Permission::CoOwner => "All Permissions",
        }
    }
    /// The level whose rights are exactly `rights`, if any.
    pub fn of_rights(rights: &[Right]) -> Option<Permission> {
        let mut sorted: Vec<Right> = ALL_RIGHTS.iter().copied().filter(|r| rights.contains(r)).collect();
        sorted.dedup();
        Permission::ALL.into_iter().find(|p| p.rights() == sorted)
    }
    /// The rights of each level (facts file §4), in the canonical order of
    /// `ALL_RIGHTS` (as a use license lists them).
    pub fn rights(self) -> Vec<Right> {
        use Right::*;
        let granted: &[Right] = match self {
            Permission::Viewer => &[View, Reply, ReplyAll],
            Permission::Reviewer => &[View, Edit, DocEdit, Reply, ReplyAll, Forward],
            Permission::CoAuthor => {
                &[View, Edit, DocEdit, Reply, ReplyAll, Forward, Extract, ViewRightsData, ObjModel, Export, Print]
            }
            Permission::CoOwner => &[
                View,
                Edit,
                DocEdit,
                Reply,
                ReplyAll,
                Forward,
                Extract,
                ViewRightsData,
                ObjModel,
                Export,
                Print,
                Owner,
            ],
        };
        ALL_RIGHTS.iter().copied().filter(|r| granted.contains(r)).collect()
    }
}

/// Every right (what Full Control and generic protection grant).
pub const ALL_RIGHTS: [Right; 14] = [
    Right::View,
    Right::Edit,
    Right::DocEdit,
    Right::Extract,
    Right::Export,
    Right::Print,
    Right::Forward,
    Right::Reply,
    Right::ReplyAll,
    Right::Owner,
    Right::Comment,
    Right::ViewRightsData,
    Right::EditRightsData,
    Right::ObjModel,
];

/// How a file type is protected and named (facts file §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    pub protected_name: String,
    /// Native protection enforces rights; generic (.pfile) only authenticates.
    pub native: bool,
    /// Word, Excel, PowerPoint: shared copies get a read-only .ppdf companion.
    pub office: bool,
    pub content_type: &'static str,
}

const NATIVE: [(&str, &str, &str); 13] = [
    ("txt", "ptxt", "text/plain"),
    ("xml", "pxml", "text/xml"),
    ("jpg", "pjpg", "image/jpeg"),
    ("jpeg", "pjpeg", "image/jpeg"),
    ("pdf", "ppdf", "application/pdf"),
    ("png", "ppng", "image/png"),
    ("tif", "ptif", "image/tiff"),
    ("tiff", "ptiff", "image/tiff"),
    ("bmp", "pbmp", "image/bmp"),
    ("gif", "pgif", "image/gif"),
    ("jpe", "pjpe", "image/jpeg"),
    ("jfif", "pjfif", "image/jpeg"),
    ("jt", "pjt", "application/octet-stream"),
];

const OFFICE: [&str; 25] = [
    "doc", "docm", "docx", "dot", "dotm", "dotx", "potm", "potx", "pps", "ppsm", "ppsx", "ppt", "pptm", "pptx", "thmx",
    "xla", "xlam", "xls", "xlsb", "xlt", "xlsm", "xlsx", "xltm", "xltx", "xps",
];

/// The protected file's name: `.txt` → `.ptxt`, …; Office files keep their
/// extension; everything else becomes `<name>.<ext>.pfile`.
pub fn naming(name: &str) -> Naming {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, e.to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    if let Some((_, p, ct)) = NATIVE.iter().find(|(e, _, _)| *e == ext) {
        return Naming { protected_name: format!("{stem}.{p}"), native: true, office: false, content_type: ct };
    }
    if OFFICE.contains(&ext.as_str()) {
        return Naming {
            protected_name: name.to_string(),
            native: true,
            office: ext != "xps",
            content_type: "application/octet-stream",
        };
    }
    Naming {
        protected_name: format!("{name}.pfile"),
        native: false,
        office: false,
        content_type: "application/octet-stream",
    }
}

/// The original name back from a protected one (`Sample.ptxt` → `Sample.txt`).
pub fn unprotected_name(protected: &str, original: &str) -> String {
    if let Some(stem) = protected.strip_suffix(".pfile") {
        return stem.to_string();
    }
    match (protected.rsplit_once('.'), original.rsplit_once('.')) {
        (Some((stem, _)), Some((_, ext))) => format!("{stem}.{ext}"),
        _ => original.to_string(),
    }
}

/// Which rights a document grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyChoice {
    /// Custom permissions: the USERS, at this level.
    Custom(Permission),
    /// One of the issuing tenant's templates, by ID: everyone in the organization.
    Template(String),
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

/// The encrypted part of a protected file: the publishing license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Policy {
    content_id: String,
    issuer: String,
    owner: String,
    /// Custom permissions: user → rights encodings.
    grants: Vec<(String, Vec<String>)>,
    /// Template protection: its ID, name and rights; everyone in the key's organization.
    template: Option<(String, String, Vec<String>)>,
    expires: Option<SimTime>,
    instant_revoke: bool,
    notify: bool,
    native: bool,
    content_key: String,
}

/// The readable header of a protected file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub content_id: String,
    pub original_name: String,
    pub protected_name: String,
    pub content_type: String,
    pub protection: String,
    pub issuer: String,
    pub organization: String,
    pub protected_at: SimTime,
    pub key_id: String,
    pub algorithm: String,
    pub policy: String,
    pub content_nonce: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProtectError {
    NotSignedIn,
    NoRms { organization: String },
    EmptyFile,
    TooLarge { bytes: usize },
    NoUsers,
    InvalidUser { input: String },
    PersonalUser { address: String },
    UnknownTemplate,
    TemplatesNotAvailable,
    ExpiryWithTemplate,
    BadDate { input: String },
    PastDate { input: String },
    KeyLost,
}

impl fmt::Display for ProtectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtectError::NotSignedIn => f.write_str("Sign in first: the sharing application protects files with your RMS account."),
            ProtectError::NoRms { organization } => write!(f, "{organization} has no subscription that includes Azure RMS, so your account can't protect files yet. Sign up for RMS for individuals with this address first."),
            ProtectError::EmptyFile => f.write_str("Choose a file to protect."),
            ProtectError::TooLarge { bytes } => write!(f, "That file has {bytes} bytes; the simulator protects files of up to 1 MB (1,048,576 bytes), because everything is kept in this browser's 5 MB storage."),
            ProtectError::NoUsers => f.write_str("Enter the email addresses of the people who may open the file, separated by semicolons, such as janetm@contoso.com; p.dover@fabrikam.com."),
            ProtectError::InvalidUser { input } => write!(f, "“{input}” isn't an email address. Separate addresses with semicolons, such as janetm@contoso.com; p.dover@fabrikam.com."),
            ProtectError::PersonalUser { address } => write!(f, "{address} is a personal email address. Personal email addresses are not currently supported by the RMS sharing app: use the person's work or school address."),
            ProtectError::UnknownTemplate => f.write_str("That template isn't one of your organization's templates any more. Choose another, or custom permissions."),
            ProtectError::TemplatesNotAvailable => f.write_str("Your organization's default templates restrict files to accounts in its directory, and you are its only account so far: they become available once a second person from your organization signs up. Use custom permissions meanwhile."),
            ProtectError::ExpiryWithTemplate => f.write_str("“Expire these documents on” is not available when you select a policy template: clear the date or choose custom permissions."),
            ProtectError::BadDate { input } => write!(f, "“{input}” isn't a date: use the form YYYY-MM-DD, such as 2016-05-31."),
            ProtectError::PastDate { input } => write!(f, "{input} has already ended on the simulated clock: choose a later date, or none."),
            ProtectError::KeyLost => f.write_str("Your organization has no usable RMS tenant key."),
        }
    }
}

/// Why a protected file doesn't open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenError {
    NotProtected,
    Damaged,
    NotSignedIn { issuer: String },
    NotGranted { reader: String, issuer: String },
    OtherOrganization { reader: String, organization: String, template: String },
    Expired { at: SimTime, issuer: String },
    Revoked { at: SimTime, issuer: String },
    KeyLost { organization: String, reason: String },
    Blocked { reader: String },
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
        }
    }
}

/// What the service returns to a reader: the use license and the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub header: Header,
    pub rights: Vec<Right>,
    pub is_owner: bool,
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

type HmacSha256 = Hmac<Sha256>;

fn aead(key: &[u8]) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(key).expect("keys are 32 bytes")
}

fn signing_key(tenant_key: &[u8]) -> Vec<u8> {
    let mut m = <HmacSha256 as Mac>::new_from_slice(tenant_key).expect("any key length");
    m.update(b"rms-sim signing key v1");
    m.finalize().into_bytes().to_vec()
}

fn sign(tenant_key: &[u8], signed: &[u8]) -> Vec<u8> {
    let mut m = <HmacSha256 as Mac>::new_from_slice(&signing_key(tenant_key)).expect("any key length");
    m.update(signed);
    m.finalize().into_bytes().to_vec()
}

fn seal(key: &[u8], nonce: &[u8; 12], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    aead(key).encrypt(Nonce::from_slice(nonce), Payload { msg: plain, aad }).expect("encryption of a bounded message")
}

fn open_sealed(key: &[u8], nonce: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if nonce.len() != 12 {
        return None;
    }
    aead(key).decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad }).ok()
}

/// Splits a protected file into its header line, signature and ciphertext.
fn split(bytes: &[u8]) -> Result<(&[u8], Header, Vec<u8>, &[u8]), OpenError> {
    let magic = format!("{MAGIC}\n");
    let rest = bytes.strip_prefix(magic.as_bytes()).ok_or(OpenError::NotProtected)?;
    let nl = rest.iter().position(|b| *b == b'\n').ok_or(OpenError::Damaged)?;
    let header: Header = serde_json::from_slice(&rest[..nl]).map_err(|_| OpenError::Damaged)?;
    let rest2 = &rest[nl + 1..];
    let nl2 = rest2.iter().position(|b| *b == b'\n').ok_or(OpenError::Damaged)?;
    let sig_line = std::str::from_utf8(&rest2[..nl2]).map_err(|_| OpenError::Damaged)?;
    let sig = sig_line.strip_prefix("SIGNATURE ").and_then(from_b64).ok_or(OpenError::Damaged)?;
    let signed_len = magic.len() + nl + 1;
    let cipher = &rest2[nl2 + 1..];
    Ok((&bytes[..signed_len], header, sig, cipher))
}

/// The header of a protected file, without opening it (for the viewer's
/// "inspect" view and for telling protected files from others).
pub fn inspect(bytes: &[u8]) -> Result<Header, OpenError> {
    split(bytes).map(|(_, h, _, _)| h)
}

/// Midnight at the end of `YYYY-MM-DD` (UTC, the simulated clock's zone).
pub fn end_of_day(input: &str) -> Option<SimTime> {
    let mut parts = input.trim().split('-');
    let (y, m, d) =
        (parts.next()?.parse::<i64>().ok()?, parts.next()?.parse::<u32>().ok()?, parts.next()?.parse::<u32>().ok()?);
    if parts.next().is_some() || !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1];
    if d > days_in {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 as i64 + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(SimTime((days + 1) * 86_400))
}

fn rights_names(r: &[Right]) -> Vec<String> {
    r.iter().map(|x| x.encoding().to_string()).collect()
}

fn rights_from(names: &[String]) -> Vec<Right> {
    ALL_RIGHTS.iter().copied().filter(|r| names.iter().any(|n| n == r.encoding())).collect()
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

/// A minimal one-page PDF with the given lines of text (the read-only
/// companion of a shared Office file).
pub fn simple_pdf(lines: &[String]) -> Vec<u8> {
    let esc = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii() && !c.is_ascii_control())
            .collect::<String>()
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let mut text = String::from("BT /F1 12 Tf 56 780 Td 16 TL\n");
    for l in lines {
        text.push_str(&format!("({}) Tj T*\n", esc(l)));
    }
    text.push_str("ET");
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{}\nendstream", text.len(), text),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1).as_bytes(),
    );
    out
}

impl World {
    fn key_secret(&self, key_id: &str) -> Option<(Vec<u8>, TenantId)> {
        self.tenants.values().find_map(|t| {
            t.keys.iter().find(|k| k.id == key_id).and_then(|k| from_b64(&k.secret)).map(|s| (s, t.id.clone()))
        })
    }

    fn usage(
        &mut self,
        tenant: &str,
        request_type: &str,
        user: &str,
        result: &str,
        doc: Option<(&str, &str, &str, SimTime)>,
        template: &str,
        rng: &mut dyn RandomSource,
    ) {
        // A user's first request to a tenant is preceded by Certify (the RAC).
        if !user.is_empty() && !self.usage_log.iter().any(|e| e.tenant == tenant && e.user_id == user) {
            let e = UsageLogEntry {
                at: self.clock,
                tenant: tenant.to_string(),
                row_id: rng.guid(),
                request_type: "Certify".into(),
                user_id: user.into(),
                result: "Success".into(),
                correlation_id: rng.guid(),
                content_id: String::new(),
                owner_email: String::new(),
                issuer: String::new(),
                template_id: String::new(),
                file_name: String::new(),
                date_published: String::new(),
            };
            self.usage_log.push(e);
        }
        let (content_id, owner, name, published) = match doc {
            Some((c, o, n, p)) => {
                (format!("{{{c}}}"), o.to_string(), n.to_string(), p.iso().trim_end_matches('Z').to_string())
            }
            None => Default::default(),
        };
        self.usage_log.push(UsageLogEntry {
            at: self.clock,
            tenant: tenant.to_string(),
            row_id: rng.guid(),
            request_type: request_type.into(),
            user_id: user.into(),
            result: result.into(),
            correlation_id: rng.guid(),
            content_id,
            issuer: owner.clone(),
            owner_email: owner,
            template_id: template.into(),
            file_name: name,
            date_published: published,
        });
        if self.usage_log.len() > MAX_USAGE_LOG {
            let drop = self.usage_log.len() - MAX_USAGE_LOG;
            self.usage_log.drain(..drop);
        }
    }

    fn protector(&self, actor: Option<&Email>) -> Result<(Email, TenantId), ProtectError> {
        let upn = actor.ok_or(ProtectError::NotSignedIn)?;
        let t = self
            .tenant_of_domain(upn.domain())
            .filter(|t| t.users.contains_key(upn))
            .ok_or(ProtectError::NotSignedIn)?;
        if !t.has_azure_rms() {
            return Err(ProtectError::NoRms { organization: t.display_name.clone() });
        }
        if t.keys.is_empty() {
            return Err(ProtectError::KeyLost);
        }
        Ok((upn.clone(), t.id.clone()))
    }

    /// Builds the protected file (and, for a shared Office file, its .ppdf
    /// companion) and registers the document for tracking.
    fn protect_file(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        share: bool,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        let (issuer, tenant_id) = self.protector(actor)?;
        if req.data.is_empty() {
            return Err(ProtectError::EmptyFile);
        }
        if req.data.len() > MAX_FILE_BYTES {
            return Err(ProtectError::TooLarge { bytes: req.data.len() });
        }
        let t = &self.tenants[&tenant_id];
        let n = naming(req.file_name.trim());
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
        let (grants, template, recipients, shared_with): (
            Vec<(String, Vec<String>)>,
            Option<(String, String, Vec<String>)>,
            Vec<Email>,
            Vec<String>,
        ) = match &req.policy {
            PolicyChoice::Custom(level) => {
                let list = parse_users(&req.users)?;
                // Generic protection can't restrict further than authentication.
                let rights = if n.native { level.rights() } else { ALL_RIGHTS.to_vec() };
                let shared = list.iter().map(|u| format!("{u} ({})", level.label())).collect();
                (list.iter().map(|u| (u.to_string(), rights_names(&rights))).collect(), None, list, shared)
            }
            PolicyChoice::Template(id) => {
                if expires.is_some() {
                    return Err(ProtectError::ExpiryWithTemplate);
                }
                let tpl: &Template = t.templates.iter().find(|x| &x.id == id).ok_or(ProtectError::UnknownTemplate)?;
                if !t.templates_available() {
                    return Err(ProtectError::TemplatesNotAvailable);
                }
                // Share Protected with a template still emails the USERS.
                let recipients = if share { parse_users(&req.users)? } else { vec![] };
                let rights = if n.native { tpl.rights() } else { ALL_RIGHTS.to_vec() };
                (
                    vec![],
                    Some((tpl.id.clone(), tpl.name.clone(), rights_names(&rights))),
                    recipients,
                    vec![tpl.name.clone()],
                )
            }
        };
        let key = t.keys[0].clone();
        let organization = t.display_name.clone();
        let secret = from_b64(&key.secret).ok_or(ProtectError::KeyLost)?;
        let content_id = rng.guid();
        let bytes = self.seal_file(
            &issuer,
            &organization,
            &key.id,
            &secret,
            &content_id,
            &req.file_name,
            &n,
            &req.data,
            grants.clone(),
            template.clone(),
            expires,
            req,
            rng,
        );
        let companion = if share && n.office {
            let name = match req.file_name.rsplit_once('.') {
                Some((stem, _)) => format!("{stem}.ppdf"),
                None => format!("{}.ppdf", req.file_name),
            };
            let pdf = simple_pdf(&[
                format!("{} - read-only copy", req.file_name),
                format!("Protected by {issuer} with Microsoft Rights Management."),
                "The Rights Management sharing application attaches this read-only copy".into(),
                "so that people on mobile devices can read the document.".into(),
                format!("The editable original is attached as {}.", n.protected_name),
            ]);
            // Read-only: the same readers, without Save, Edit or Save As.
            let ro = |r: &Vec<String>| {
                r.iter().filter(|x| !matches!(x.as_str(), "EDIT" | "DOCEDIT" | "EXPORT")).cloned().collect::<Vec<_>>()
            };
            let g2 = grants.iter().map(|(u, r)| (u.clone(), ro(r))).collect();
            let t2 = template.clone().map(|(i, nm, r)| (i, nm, ro(&r)));
            let cid = rng.guid();
            let pn = naming(&name.replace(".ppdf", ".pdf"));
            let b = self.seal_file(
                &issuer,
                &organization,
                &key.id,
                &secret,
                &cid,
                &name.replace(".ppdf", ".pdf"),
                &pn,
                &pdf,
                g2,
                t2,
                expires,
                req,
                rng,
            );
            self.register(&cid, &pn.protected_name, &issuer, &tenant_id, shared_with.clone(), req);
            Some((pn.protected_name, b))
        } else {
            None
        };
        self.register(&content_id, &n.protected_name, &issuer, &tenant_id, shared_with, req);
        let tpl_id = template.as_ref().map(|t| t.0.clone()).unwrap_or_default();
        let clock = self.clock;
        self.usage(&tenant_id, "GetClientLicensorCert", issuer.as_str(), "Success", None, "", rng);
        self.usage(
            &tenant_id,
            "FECreatePublishingLicenseV1",
            issuer.as_str(),
            "Success",
            Some((&content_id, issuer.as_str(), &n.protected_name, clock)),
            &tpl_id,
            rng,
        );
        let recipients = if share { recipients } else { vec![] };
        Ok(Protected { content_id, file_name: n.protected_name, bytes, companion, recipients })
    }

    #[allow(clippy::too_many_arguments)]
    fn seal_file(
        &self,
        issuer: &Email,
        organization: &str,
        key_id: &str,
        secret: &[u8],
        content_id: &str,
        original: &str,
        n: &Naming,
        data: &[u8],
        grants: Vec<(String, Vec<String>)>,
        template: Option<(String, String, Vec<String>)>,
        expires: Option<SimTime>,
        req: &ProtectRequest,
        rng: &mut dyn RandomSource,
    ) -> Vec<u8> {
        let mut content_key = [0u8; 32];
        rng.fill(&mut content_key);
        let policy = Policy {
            content_id: content_id.to_string(),
            issuer: issuer.to_string(),
            owner: issuer.to_string(),
            grants,
            template,
            expires,
            instant_revoke: req.instant_revoke,
            notify: req.notify,
            native: n.native,
            content_key: to_b64(&content_key),
        };
        let mut pn = [0u8; 12];
        rng.fill(&mut pn);
        let sealed_policy = seal(
            secret,
            &pn,
            content_id.as_bytes(),
            serde_json::to_string(&policy).expect("a policy serializes").as_bytes(),
        );
        let mut cn = [0u8; 12];
        rng.fill(&mut cn);
        let cipher = seal(&content_key, &cn, content_id.as_bytes(), data);
        let header = Header {
            format: 1,
            content_id: content_id.to_string(),
            original_name: original.to_string(),
            protected_name: n.protected_name.clone(),
            content_type: n.content_type.to_string(),
            protection: if n.native { "native" } else { "generic" }.into(),
            issuer: issuer.to_string(),
            organization: organization.to_string(),
            protected_at: self.clock,
            key_id: key_id.to_string(),
            algorithm: "AES-256-GCM; policy wrapped with the tenant key (AES-256-GCM); signed with HMAC-SHA256".into(),
            policy: to_b64(&[&pn[..], &sealed_policy].concat()),
            content_nonce: to_b64(&cn),
        };
        let mut out =
            format!("{MAGIC}\n{}\n", serde_json::to_string(&header).expect("a header serializes")).into_bytes();
        let mut signed = out.clone();
        signed.extend_from_slice(&cipher);
        let sig = sign(secret, &signed);
        out.extend_from_slice(format!("SIGNATURE {}\n", to_b64(&sig)).as_bytes());
        out.extend_from_slice(&cipher);
        out
    }

    fn register(
        &mut self,
        content_id: &str,
        name: &str,
        issuer: &Email,
        tenant: &str,
        shared_with: Vec<String>,
        req: &ProtectRequest,
    ) {
        self.documents.insert(
            content_id.to_string(),
            Document {
                content_id: content_id.to_string(),
                name: name.to_string(),
                issuer: issuer.clone(),
                tenant: tenant.to_string(),
                protected_at: self.clock,
                shared_with,
                notify: req.notify,
                instant_revoke: req.instant_revoke,
                revoked_at: None,
                accesses: vec![],
            },
        );
    }

    /// "Protect in-place": the protected file replaces the original.
    pub fn protect_in_place(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        let p = self.protect_file(actor, req, false, rng)?;
        self.log(EventKind::FileProtected {
            issuer: actor.map(|a| a.to_string()).unwrap_or_default(),
            file: p.file_name.clone(),
            shared_with: vec![],
        });
        Ok(p)
    }

    /// "Share Protected": a protected copy (plus a .ppdf for Office files) is
    /// emailed to each recipient; the original stays as it was.
    pub fn share_protected(
        &mut self,
        actor: Option<&Email>,
        req: &ProtectRequest,
        rng: &mut dyn RandomSource,
    ) -> Result<Protected, ProtectError> {
        let p = self.protect_file(actor, req, true, rng)?;
        let issuer = actor.expect("protect_file checked the sign-in").clone();
        let sender_name = self.user(&issuer).map(|u| u.display_name()).unwrap_or_else(|| issuer.to_string());
        let mut ids = vec![self.store_file(&p.file_name, &p.bytes)];
        if let Some((name, bytes)) = &p.companion {
            ids.push(self.store_file(name, bytes));
        }
        let mut names = vec![p.file_name.clone()];
        if let Some((n, _)) = &p.companion {
            names.push(n.clone());
        }
        for r in &p.recipients {
            let body = vec![
                Block::Paragraph(format!("{sender_name} ({issuer}) has shared a protected file with you: {}.", p.file_name)),
                Block::Paragraph("The attachment is protected with Microsoft Rights Management. To read it, you must sign in with a work or school account. If your organization doesn't have one for you, sign up for a free RMS for individuals account with this email address — the one the file was sent to.".into()),
                Block::Link { text: "Sign in to read the file".into(), href: format!("/signin?email={}", super::email::query_encode(r.as_str())) },
                Block::Link { text: "Sign up for RMS for individuals".into(), href: format!("/portal?email={}", super::email::query_encode(r.as_str())) },
                Block::Small(format!("Attachments: {} (protected with Microsoft RMS). Changing the recipients of this message does not change who can open them.", names.join(", "))),
            ];
            self.deliver(
                r.as_str(),
                MessageKind::Custom {
                    from_name: sender_name.clone(),
                    from: issuer.to_string(),
                    subject: format!("{} (protected)", names[0]),
                    body,
                    attachments: ids.clone(),
                },
            );
        }
        self.log(EventKind::FileProtected {
            issuer: issuer.to_string(),
            file: p.file_name.clone(),
            shared_with: p.recipients.iter().map(|r| r.to_string()).collect(),
        });
        Ok(p)
    }

    fn store_file(&mut self, name: &str, bytes: &[u8]) -> String {
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
        let looks_protected = {
            let n = file_name.to_ascii_lowercase();
            n.ends_with(".pfile") || NATIVE.iter().any(|(_, p, _)| n.ends_with(&format!(".{p}")))
        };
        let (signed, header, sig, cipher) = match split(bytes) {
            Err(OpenError::NotProtected) if looks_protected => return Err(OpenError::Damaged),
            other => other?,
        };
        let result = self.license(reader, signed, &header, &sig, cipher);
        self.record_access(reader, &header, &result, rng);
        result
    }

    fn license(
        &mut self,
        reader: Option<&Email>,
        signed: &[u8],
        header: &Header,
        sig: &[u8],
        cipher: &[u8],
    ) -> Result<Opened, OpenError> {
        let Some((secret, holder)) = self.key_secret(&header.key_id) else {
            return Err(match self.retired_keys.iter().find(|r| r.key.id == header.key_id) {
                Some(r) => OpenError::KeyLost { organization: r.key.origin.clone(), reason: r.reason.clone() },
                None => OpenError::Damaged,
            });
        };
        let mut whole = signed.to_vec();
        whole.extend_from_slice(cipher);
        let mut m = <HmacSha256 as Mac>::new_from_slice(&signing_key(&secret)).expect("any key length");
        m.update(&whole);
        if m.verify_slice(sig).is_err() {
            return Err(OpenError::Damaged);
        }
        let packed = from_b64(&header.policy).ok_or(OpenError::Damaged)?;
        if packed.len() < 12 {
            return Err(OpenError::Damaged);
        }
        let plain = open_sealed(&secret, &packed[..12], header.content_id.as_bytes(), &packed[12..])
            .ok_or(OpenError::Damaged)?;
        let policy: Policy = serde_json::from_slice(&plain).map_err(|_| OpenError::Damaged)?;
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
        let doc = self.documents.get(&policy.content_id).cloned();
        let rights: Vec<Right> = if is_owner {
            ALL_RIGHTS.to_vec()
        } else if let Some((_, name, r)) = &policy.template {
            if reader_tenant != holder {
                return Err(OpenError::OtherOrganization {
                    reader: reader.to_string(),
                    organization: self.tenants[&holder].display_name.clone(),
                    template: name.clone(),
                });
            }
            rights_from(r)
        } else {
            match policy.grants.iter().find(|(u, _)| u == reader.as_str()) {
                Some((_, r)) => rights_from(r),
                None => return Err(OpenError::NotGranted { reader: reader.to_string(), issuer }),
            }
        };
        let key = format!("{reader}|{}", policy.content_id);
        let cached = self.use_licenses.get(&key).filter(|l| self.clock < l.valid_until).cloned();
        if !is_owner {
            if let Some(at) = policy.expires.filter(|e| self.clock >= *e) {
                return Err(OpenError::Expired { at, issuer });
            }
            // A revoked document still opens while the reader's use license is valid.
            if let Some(at) = doc.as_ref().and_then(|d| d.revoked_at) {
                if cached.is_none() {
                    return Err(OpenError::Revoked { at, issuer });
                }
            }
        }
        let days = self.tenants[&holder].rms.use_license_days as i64;
        let valid_until = if is_owner {
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
                self.use_licenses.insert(key, UseLicenseRecord { issued: self.clock, valid_until: until });
            }
            Some(until)
        };
        let content_key = from_b64(&policy.content_key).ok_or(OpenError::Damaged)?;
        let nonce = from_b64(&header.content_nonce).ok_or(OpenError::Damaged)?;
        let content =
            open_sealed(&content_key, &nonce, header.content_id.as_bytes(), cipher).ok_or(OpenError::Damaged)?;
        Ok(Opened {
            header: header.clone(),
            rights,
            is_owner,
            native: policy.native,
            expires: policy.expires,
            // Each user with the level their rights amount to; generic
            // protection grants every right, so there is no level to name.
            shared_with: policy
                .grants
                .iter()
                .map(|(u, r)| match Permission::of_rights(&rights_from(r)).filter(|_| policy.native) {
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
        reader: Option<&Email>,
        header: &Header,
        result: &Result<Opened, OpenError>,
        rng: &mut dyn RandomSource,
    ) {
        let who = reader.map(|r| r.to_string()).unwrap_or_else(|| "someone who isn't signed in".into());
        let (granted, text) = match result {
            Ok(o) if o.is_owner => (true, "Opened by its owner, who needs no use license".to_string()),
            Ok(o) if o.from_cached_license => (true, "Opened (with a use license already held)".to_string()),
            Ok(_) => (true, "Opened".to_string()),
            Err(OpenError::Damaged) | Err(OpenError::NotProtected) => return,
            Err(e) => (false, e.to_string()),
        };
        let Some(doc) = self.documents.get_mut(&header.content_id) else { return };
        let clock = self.clock;
        doc.accesses.push(Access { who: who.clone(), at: clock, granted, result: text.clone() });
        let (issuer, notify, name, tenant, published) =
            (doc.issuer.clone(), doc.notify, doc.name.clone(), doc.tenant.clone(), doc.protected_at);
        let is_issuer = reader.is_some_and(|r| *r == issuer);
        let request_result = if granted {
            "Success".to_string()
        } else {
            format!("'{}'", if reader.is_none() { "Unauthenticated" } else { "AccessDenied" })
        };
        let cid = header.content_id.clone();
        self.usage(
            &tenant,
            "AcquireLicense",
            reader.map(|r| r.as_str()).unwrap_or(""),
            request_result.trim_matches('\''),
            Some((&cid, issuer.as_str(), &name, published)),
            "",
            rng,
        );
        self.log(EventKind::FileOpened { reader: who.clone(), file: name.clone(), granted, result: text.clone() });
        if notify && !is_issuer {
            let body = vec![
                Block::Paragraph(format!("{who} tried to open {name} at {clock}.")),
                Block::Paragraph(if granted {
                    "They were able to open it.".to_string()
                } else {
                    format!("They could not open it: {text}")
                }),
                Block::Link { text: "Track this document".into(), href: "/tracking".into() },
            ];
            self.deliver(
                issuer.as_str(),
                MessageKind::Custom {
                    from_name: "Microsoft Rights Management".into(),
                    from: "DoNotReply@microsoft.com".into(),
                    subject: format!("{who} tried to open {name}"),
                    body,
                    attachments: vec![],
                },
            );
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

    /// The documents the tracking site shows to their issuer.
    pub fn tracked(&self, owner: &Email) -> Vec<&Document> {
        let mut list: Vec<&Document> = self.documents.values().filter(|d| &d.issuer == owner).collect();
        list.sort_by_key(|d| std::cmp::Reverse(d.protected_at));
        list
    }

    /// Whether `owner` may use the document tracking site (a paid
    /// subscription that includes Azure RMS, in a managed tenant).
    pub fn tracking_available(&self, owner: &Email) -> bool {
        self.tenant_of_domain(owner.domain()).is_some_and(|t| t.paid_features())
    }

    /// "Revoke access": effective at once for readers without a use license;
    /// a reader who holds one keeps access until it expires (at once with
    /// instant revoke, whose licenses last 0 days). Returns that moment.
    pub fn revoke(&mut self, owner: &Email, content_id: &str, rng: &mut dyn RandomSource) -> Result<SimTime, String> {
        if !self.tracking_available(owner) {
            return Err(
                "Document tracking and revocation need a paid subscription that includes Azure Rights Management."
                    .into(),
            );
        }
        let clock = self.clock;
        let doc = self
            .documents
            .get_mut(content_id)
            .filter(|d| &d.issuer == owner)
            .ok_or("That document isn't one of yours.")?;
        if doc.revoked_at.is_some() {
            return Err(format!("Access to {} was already revoked.", doc.name));
        }
        doc.revoked_at = Some(clock);
        let (name, tenant) = (doc.name.clone(), doc.tenant.clone());
        let last = self.locked_out_from(content_id);
        self.usage(&tenant, "RevokeAccess", owner.as_str(), "Success", None, "", rng);
        self.log(EventKind::AccessRevoked { owner: owner.to_string(), file: name, effective_for_all: last });
        Ok(last)
    }

    /// From when nobody but the owner can open a document: now, or when the
    /// last use license a reader holds for it expires.
    pub fn locked_out_from(&self, content_id: &str) -> SimTime {
        let suffix = format!("|{content_id}");
        self.use_licenses
            .iter()
            .filter(|(k, _)| k.ends_with(&suffix))
            .map(|(_, l)| l.valid_until)
            .max()
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
                    q(&a.who),
                    q(&a.at.iso()),
                    q(&a.result)
                ));
            }
        }
        out
    }

    /// The usage log of the administrator's tenant in the documented W3C
    /// format (`Get-AadrmUserLog`).
    pub fn usage_log_w3c(&self, admin: &Email) -> Result<String, super::admin::AdminError> {
        let tenant = self.admin_tenant(admin)?;
        let t = &self.tenants[&tenant];
        if !t.paid_features() {
            return Err(super::admin::AdminError::NotPaid);
        }
        let mut out = String::from(
            "#Software: RMS\r\n#Version: 1.1\r\n#Fields: date\ttime\trow-id\trequest-type\tuser-id\tresult\tcorrelation-id\tcontent-id\towner-email\tissuer\ttemplate-id\tfile-name\tdate-published\tc-info\tc-ip\tadmin-action\tacting-as-user\r\n",
        );
        for e in self.usage_log.iter().filter(|e| e.tenant == tenant) {
            let iso = e.at.iso();
            let (date, time) = iso.trim_end_matches('Z').split_once('T').unwrap_or((&iso, ""));
            let user = if e.user_id.is_empty() { String::new() } else { format!("'{}'", e.user_id) };
            let result = format!("'{}'", e.result);
            let c_info = "'MSIPC;version=1.0.1770.0;AppName=IPVIEWER.EXE;AppVersion=1.0.1770.0;AppArch=x86;OSName=Windows;OSVersion=6.1.7601;OSArch=amd64'";
            out.push_str(
                &[
                    date,
                    time,
                    &e.row_id,
                    &e.request_type,
                    &user,
                    &result,
                    &e.correlation_id,
                    &e.content_id,
                    &e.owner_email,
                    &e.issuer,
                    &e.template_id,
                    &e.file_name,
                    &e.date_published,
                    c_info,
                    "192.0.2.10",
                    "",
                    "",
                ]
                .join("\t"),
            );
            out.push_str("\r\n");
        }
        Ok(out)
    }
}
