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
    /// The client platform (`c-info`); empty in entries written before it was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub c_info: String,
}

/// The program that sends a request, which decides the request types the
/// documentation lists for it and the `c-info` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Client {
    /// The Rights Management sharing application for Windows (MSIPC): it
    /// protects and reads.
    #[default]
    WindowsSharingApp,
    /// The RMS sharing app on a mobile device: it only reads.
    MobileSharingApp,
    /// The document tracking site (revoke).
    TrackingSite,
}

impl Client {
    pub fn label(self) -> &'static str {
        match self {
            Client::WindowsSharingApp => "Windows computer (Rights Management sharing application)",
            Client::MobileSharingApp => "Mobile device (RMS sharing app)",
            Client::TrackingSite => "Document tracking site",
        }
    }

    /// The device, as the viewer's "Device" list names it.
    pub fn device(self) -> &'static str {
        match self {
            Client::WindowsSharingApp => "Windows computer",
            Client::MobileSharingApp => "Mobile device",
            Client::TrackingSite => "Web browser",
        }
    }

    /// The `c-info` column: the documented MSIPC form for Windows; the
    /// others are the simulator's, in the same shape.
    pub fn c_info(self) -> &'static str {
        match self {
            Client::WindowsSharingApp => {
                "'MSIPC;version=1.0.1770.0;AppName=IPVIEWER.EXE;AppVersion=1.0.1770.0;AppArch=x86;OSName=Windows;OSVersion=6.1.7601;OSArch=amd64'"
            }
            Client::MobileSharingApp => "'RMS SDK;version=4.2;AppName=RMS Sharing;OSName=Android;OSVersion=6.0'",
            Client::TrackingSite => "'Browser;AppName=Document tracking site'",
        }
    }

    /// The request for a use license: `AcquireLicense` from Windows,
    /// `FECreateEndUserLicenseV1` ("similar to the AcquireLicense request
    /// but from mobile devices").
    pub fn license_request(self) -> RequestType {
        match self {
            Client::MobileSharingApp => RequestType::FeCreateEndUserLicense,
            _ => RequestType::AcquireLicense,
        }
    }
}

/// The request types the simulated service logs, as the 2016 usage-log
/// documentation describes them per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestType {
    /// "The client is certifying the content for protection": a Windows
    /// client's first request to a tenant (the rights account certificate).
    Certify,
    /// A publishing certificate "from a Windows-based computer", to protect.
    GetClientLicensorCert,
    /// "A call was made to get the IDs of the template from the service."
    AcquireTemplateInformation,
    /// "A call was made to acquire templates based on template IDs."
    AcquireTemplates,
    /// A license for protected content, from Windows.
    AcquireLicense,
    /// The same from mobile devices.
    FeCreateEndUserLicense,
    /// From the document tracking site.
    RevokeAccess,
}

impl RequestType {
    pub fn name(self) -> &'static str {
        match self {
            RequestType::Certify => "Certify",
            RequestType::GetClientLicensorCert => "GetClientLicensorCert",
            RequestType::AcquireTemplateInformation => "AcquireTemplateInformation",
            RequestType::AcquireTemplates => "AcquireTemplates",
            RequestType::AcquireLicense => "AcquireLicense",
            RequestType::FeCreateEndUserLicense => "FECreateEndUserLicenseV1",
            RequestType::RevokeAccess => "RevokeAccess",
        }
    }

    /// Whether the document columns are filled (content-id "has a value
    /// only if request-type is AcquireLicense").
    fn about_a_document(self) -> bool {
        matches!(self, RequestType::AcquireLicense | RequestType::FeCreateEndUserLicense)
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
    pub client: Client,
}

impl<'a> Request<'a> {
    /// A successful request of `user` from the Windows sharing application
    /// about no particular document.
    pub fn success(tenant: &'a str, kind: RequestType, user: &'a Email) -> Self {
        Request {
            tenant,
            kind,
            user: Some(user),
            result: UsageResult::Success,
            content_id: None,
            template_id: "",
            client: Client::WindowsSharingApp,
        }
    }
}

impl World {
    /// Whether requests to a tenant's service are written to its usage log:
    /// usage logging needs a tenant administrator and a paid subscription
    /// (RMS for individuals "does not have a tenant administrator"), and the
    /// administrator can turn it off.
    pub fn usage_logging_active(&self, tenant: &str) -> bool {
        self.directory.tenants.get(tenant).is_some_and(|t| t.paid_features() && t.rms.usage_logging)
    }

    /// Logs one request to a tenant's service, if usage logging is active.
    pub(crate) fn usage(&mut self, request: Request, rng: &mut dyn RandomSource) {
        let Request { tenant, kind, user, result, content_id, template_id, client } = request;
        if !self.usage_logging_active(tenant) {
            return;
        }
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
            c_info: client.c_info().into(),
        };
        // A Windows client's first request to a tenant is preceded by Certify (the RAC).
        if client == Client::WindowsSharingApp
            && !user_id.is_empty()
            && !log.iter().any(|e| e.tenant == tenant && e.user_id == user_id)
        {
            let certify = entry(RequestType::Certify, UsageResult::Success);
            log.push(certify);
        }
        let mut e = entry(kind, result);
        if let Some(doc) = content_id.filter(|_| kind.about_a_document()).and_then(|c| self.sharing.documents.get(c)) {
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
        self.usage_log_w3c_for(admin, None)
    }

    /// The same, for one UTC day (`YYYY-MM-DD`) only, as
    /// `Get-AadrmUserLog -ForDate` downloads it.
    pub fn usage_log_w3c_for(&self, admin: &Email, day: Option<&str>) -> Result<String, AdminError> {
        let tenant = self.admin_tenant(admin)?;
        let t = &self.directory.tenants[&tenant];
        if !t.paid_features() {
            return Err(AdminError::NotPaid);
        }
        let mut out = String::from(
            "#Software: RMS\r\n#Version: 1.1\r\n#Fields: date\ttime\trow-id\trequest-type\tuser-id\tresult\tcorrelation-id\tcontent-id\towner-email\tissuer\ttemplate-id\tfile-name\tdate-published\tc-info\tc-ip\tadmin-action\tacting-as-user\r\n",
        );
        for e in self
            .sharing
            .usage_log
            .iter()
            .filter(|e| e.tenant == tenant && day.is_none_or(|d| e.at.iso().starts_with(d)))
        {
            let iso = e.at.iso();
            let (date, time) = iso.trim_end_matches('Z').split_once('T').unwrap_or((&iso, ""));
            let user = if e.user_id.is_empty() { String::new() } else { format!("'{}'", e.user_id) };
            let result = format!("'{}'", e.result);
            let c_info = if e.c_info.is_empty() { Client::WindowsSharingApp.c_info() } else { &e.c_info };
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
