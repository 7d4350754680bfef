//! The protected file format (`docs/protected-file-format.md`) and its
//! cryptography (RustCrypto, no home-made primitives).
//!
//! Each document gets a random AES-256-GCM content key. The policy — issuer,
//! owner, grants or template, rights, expiry, content ID, instant revoke —
//! and the content key are encrypted with AES-256-GCM under the issuing
//! tenant's key, and the whole file is signed with HMAC-SHA256 under a key
//! derived from it (the simulator's stand-in for the author's RSA signature:
//! any changed byte is detected). Only the simulated service holds tenant
//! keys: reading a file means asking it for a use license (`service`).

use super::naming::Naming;
use super::rights::{Grant, TemplateGrant, read_only};
use super::service::OpenError;
use crate::sim::basics::codec::{from_b64, to_b64};
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::SimTime;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The first line of every protected file.
pub const MAGIC: &str = "RMS-SIM-PROTECTED-FILE v1";

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

/// What a publishing license allows, as the person chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// Custom permissions: each user's rights.
    pub grants: Vec<Grant>,
    /// Template protection: everyone in the key's organization.
    pub template: Option<TemplateGrant>,
    pub expires: Option<SimTime>,
    pub instant_revoke: bool,
    pub notify: bool,
}

impl Terms {
    /// The same readers without Save, Edit or Save As (a shared Office
    /// file's read-only .ppdf companion).
    pub fn read_only(&self) -> Terms {
        Terms {
            grants: self.grants.iter().map(|Grant(u, r)| Grant(u.clone(), read_only(r))).collect(),
            template: self
                .template
                .as_ref()
                .map(|TemplateGrant(i, n, r)| TemplateGrant(i.clone(), n.clone(), read_only(r))),
            ..self.clone()
        }
    }
}

/// The encrypted part of a protected file: the publishing license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Policy {
    pub content_id: String,
    pub issuer: String,
    pub owner: String,
    pub grants: Vec<Grant>,
    pub template: Option<TemplateGrant>,
    pub expires: Option<SimTime>,
    pub instant_revoke: bool,
    pub notify: bool,
    pub native: bool,
    pub content_key: String,
}

/// Everything one protected file is made of.
pub struct Sealing<'a> {
    pub issuer: &'a Email,
    pub organization: &'a str,
    pub key_id: &'a str,
    /// The tenant key (32 bytes).
    pub secret: &'a [u8],
    pub content_id: &'a str,
    pub original_name: &'a str,
    pub naming: &'a Naming,
    pub data: &'a [u8],
    pub terms: &'a Terms,
    pub protected_at: SimTime,
}

type HmacSha256 = Hmac<Sha256>;

fn aead(key: &[u8]) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(key).expect("keys are 32 bytes")
}

fn signer(tenant_key: &[u8]) -> HmacSha256 {
    let mut m = <HmacSha256 as Mac>::new_from_slice(tenant_key).expect("any key length");
    m.update(b"rms-sim signing key v1");
    let signing_key = m.finalize().into_bytes();
    <HmacSha256 as Mac>::new_from_slice(&signing_key).expect("any key length")
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

/// Builds one protected file: a fresh content key and nonces from `rng`.
pub fn seal_file(s: &Sealing, rng: &mut dyn RandomSource) -> Vec<u8> {
    let mut content_key = [0u8; 32];
    rng.fill(&mut content_key);
    let policy = Policy {
        content_id: s.content_id.to_string(),
        issuer: s.issuer.to_string(),
        owner: s.issuer.to_string(),
        grants: s.terms.grants.clone(),
        template: s.terms.template.clone(),
        expires: s.terms.expires,
        instant_revoke: s.terms.instant_revoke,
        notify: s.terms.notify,
        native: s.naming.native,
        content_key: to_b64(&content_key),
    };
    let mut pn = [0u8; 12];
    rng.fill(&mut pn);
    let policy_json = serde_json::to_string(&policy).expect("a policy serializes");
    let sealed_policy = seal(s.secret, &pn, s.content_id.as_bytes(), policy_json.as_bytes());
    let mut cn = [0u8; 12];
    rng.fill(&mut cn);
    let cipher = seal(&content_key, &cn, s.content_id.as_bytes(), s.data);
    let header = Header {
        format: 1,
        content_id: s.content_id.to_string(),
        original_name: s.original_name.to_string(),
        protected_name: s.naming.protected_name.clone(),
        content_type: s.naming.content_type.to_string(),
        protection: if s.naming.native { "native" } else { "generic" }.into(),
        issuer: s.issuer.to_string(),
        organization: s.organization.to_string(),
        protected_at: s.protected_at,
        key_id: s.key_id.to_string(),
        algorithm: "AES-256-GCM; policy wrapped with the tenant key (AES-256-GCM); signed with HMAC-SHA256".into(),
        policy: to_b64(&[&pn[..], &sealed_policy].concat()),
        content_nonce: to_b64(&cn),
    };
    let mut out = format!("{MAGIC}\n{}\n", serde_json::to_string(&header).expect("a header serializes")).into_bytes();
    let mut m = signer(s.secret);
    m.update(&out);
    m.update(&cipher);
    let sig = m.finalize().into_bytes();
    out.extend_from_slice(format!("SIGNATURE {}\n", to_b64(&sig)).as_bytes());
    out.extend_from_slice(&cipher);
    out
}

/// A protected file taken apart, not yet verified.
pub(crate) struct Parts<'a> {
    /// The magic line and the header line: what the signature covers, with the ciphertext.
    signed: &'a [u8],
    pub header: Header,
    signature: Vec<u8>,
    cipher: &'a [u8],
}

/// Splits a protected file into its header line, signature and ciphertext.
pub(crate) fn split(bytes: &[u8]) -> Result<Parts<'_>, OpenError> {
    let magic = format!("{MAGIC}\n");
    let rest = bytes.strip_prefix(magic.as_bytes()).ok_or(OpenError::NotProtected)?;
    let nl = rest.iter().position(|b| *b == b'\n').ok_or(OpenError::Damaged)?;
    let header: Header = serde_json::from_slice(&rest[..nl]).map_err(|_| OpenError::Damaged)?;
    let rest2 = &rest[nl + 1..];
    let nl2 = rest2.iter().position(|b| *b == b'\n').ok_or(OpenError::Damaged)?;
    let sig_line = std::str::from_utf8(&rest2[..nl2]).map_err(|_| OpenError::Damaged)?;
    let signature = sig_line.strip_prefix("SIGNATURE ").and_then(from_b64).ok_or(OpenError::Damaged)?;
    let signed_len = magic.len() + nl + 1;
    Ok(Parts { signed: &bytes[..signed_len], header, signature, cipher: &rest2[nl2 + 1..] })
}

impl Parts<'_> {
    /// Checks the signature and decrypts the policy with the tenant key.
    pub(crate) fn policy(&self, secret: &[u8]) -> Result<Policy, OpenError> {
        let mut m = signer(secret);
        m.update(self.signed);
        m.update(self.cipher);
        m.verify_slice(&self.signature).map_err(|_| OpenError::Damaged)?;
        let packed = from_b64(&self.header.policy).ok_or(OpenError::Damaged)?;
        if packed.len() < 12 {
            return Err(OpenError::Damaged);
        }
        let plain = open_sealed(secret, &packed[..12], self.header.content_id.as_bytes(), &packed[12..])
            .ok_or(OpenError::Damaged)?;
        serde_json::from_slice(&plain).map_err(|_| OpenError::Damaged)
    }

    /// Decrypts the content with the policy's content key.
    pub(crate) fn content(&self, policy: &Policy) -> Result<Vec<u8>, OpenError> {
        let content_key = from_b64(&policy.content_key).ok_or(OpenError::Damaged)?;
        let nonce = from_b64(&self.header.content_nonce).ok_or(OpenError::Damaged)?;
        open_sealed(&content_key, &nonce, self.header.content_id.as_bytes(), self.cipher).ok_or(OpenError::Damaged)
    }
}

/// The header of a protected file, without opening it (for the viewer's
/// "inspect" view and for telling protected files from others).
pub fn inspect(bytes: &[u8]) -> Result<Header, OpenError> {
    split(bytes).map(|p| p.header)
}
