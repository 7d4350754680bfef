//! The usage log of the service (the documented W3C fields), as
//! `Get-AadrmUserLog` downloads it.

use crate::sim::World;
use crate::sim::admin::AdminError;
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use serde::{Deserialize, Serialize};

/// The usage log keeps this many of the newest entries.
pub const MAX_USAGE_LOG: usize = 2_000;

/// One line of the usage log (the documented W3C fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageLogEntry {
    pub at: crate::sim::basics::time::SimTime,
    pub tenant: String,
    pub row_id: String,
    pub request_type: String,
    pub user_id: String,
    pub result: String,
    pub correlation_id: String,
    pub content_id: String,
    pub owner_email: String,
    pub issuer: String,
    pub template_id: String,
    pub file_name: String,
    pub date_published: String,
}

/// The request types the simulated service logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestType {
    /// A user's first request to a tenant: the rights account certificate.
    Certify,
    GetClientLicensorCert,
    /// Protecting a document: `FECreatePublishingLicenseV1`.
    PublishingLicense,
    AcquireLicense,
    RevokeAccess,
}

impl RequestType {
    pub fn name(self) -> &'static str {
        match self {
            RequestType::Certify => "Certify",
            RequestType::GetClientLicensorCert => "GetClientLicensorCert",
            RequestType::PublishingLicense => "FECreatePublishingLicenseV1",
            RequestType::AcquireLicense => "AcquireLicense",
            RequestType::RevokeAccess => "RevokeAccess",
        }
    }
}

/// The `result` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageResult {
    Success,
    AccessDenied,
    Unauthenticated,
}

impl UsageResult {
    pub fn name(self) -> &'static str {
        match self {
            UsageResult::Success => "Success",
            UsageResult::AccessDenied => "AccessDenied",
            UsageResult::Unauthenticated => "Unauthenticated",
        }
    }
}

/// One request to a tenant's service, as the usage log records it.
pub(crate) struct Request<'a> {
    pub tenant: &'a str,
    pub kind: RequestType,
    pub user: Option<&'a Email>,
    pub result: UsageResult,
    /// The tracked document it was about, if any.
    pub content_id: Option<&'a str>,
    pub template_id: &'a str,
}

impl<'a> Request<'a> {
    /// A successful request of `user` about no particular document.
    pub fn success(tenant: &'a str, kind: RequestType, user: &'a Email) -> Self {
        Request { tenant, kind, user: Some(user), result: UsageResult::Success, content_id: None, template_id: "" }
    }
}

impl World {
    /// Logs one request to a tenant's service.
    pub(crate) fn usage(&mut self, request: Request, rng: &mut dyn RandomSource) {
        let Request { tenant, kind, user, result, content_id, template_id } = request;
        let user_id = user.map(|u| u.to_string()).unwrap_or_default();
        let log = &mut self.sharing.usage_log;
        let mut entry = |request: RequestType, result: UsageResult| UsageLogEntry {
            at: self.clock,
            tenant: tenant.to_string(),
            row_id: rng.guid(),
            request_type: request.name().into(),
            user_id: user_id.clone(),
            result: result.name().into(),
            correlation_id: rng.guid(),
            content_id: String::new(),
            owner_email: String::new(),
            issuer: String::new(),
            template_id: String::new(),
            file_name: String::new(),
            date_published: String::new(),
        };
        // A user's first request to a tenant is preceded by Certify (the RAC).
        if !user_id.is_empty() && !log.iter().any(|e| e.tenant == tenant && e.user_id == user_id) {
            let certify = entry(RequestType::Certify, UsageResult::Success);
            log.push(certify);
        }
        let mut e = entry(kind, result);
        if let Some(doc) = content_id.and_then(|c| self.sharing.documents.get(c)) {
            e.content_id = format!("{{{}}}", doc.content_id);
            e.owner_email = doc.issuer.to_string();
            e.issuer = doc.issuer.to_string();
            e.file_name = doc.name.clone();
            e.date_published = doc.protected_at.iso().trim_end_matches('Z').to_string();
        }
        e.template_id = template_id.to_string();
        log.push(e);
        if log.len() > MAX_USAGE_LOG {
            let drop = log.len() - MAX_USAGE_LOG;
            log.drain(..drop);
        }
    }

    /// The usage log of the administrator's tenant in the documented W3C
    /// format (`Get-AadrmUserLog`).
    pub fn usage_log_w3c(&self, admin: &Email) -> Result<String, AdminError> {
        let tenant = self.admin_tenant(admin)?;
        let t = &self.directory.tenants[&tenant];
        if !t.paid_features() {
            return Err(AdminError::NotPaid);
        }
        let mut out = String::from(
            "#Software: RMS\r\n#Version: 1.1\r\n#Fields: date\ttime\trow-id\trequest-type\tuser-id\tresult\tcorrelation-id\tcontent-id\towner-email\tissuer\ttemplate-id\tfile-name\tdate-published\tc-info\tc-ip\tadmin-action\tacting-as-user\r\n",
        );
        for e in self.sharing.usage_log.iter().filter(|e| e.tenant == tenant) {
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
