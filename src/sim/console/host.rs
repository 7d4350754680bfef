//! The simulation behind the PowerShell console: each MSOnline and Microsoft
//! Graph cmdlet of `powershell::registry` acts on the same world as the
//! admin pages, and returns objects shaped like the real cmdlets' output.

use super::ConsoleService;
use super::powershell::{BoundArgs, CmdletHost, DefaultView, HostError, PsObject, PsValue};
use crate::sim::World;
use crate::sim::admin::dns::{MX_PREFERENCE, RECORD_TTL_SECONDS};
use crate::sim::admin::{AdminError, Confirmed, ForceTakeover, RmsFeature, SettingsVia};
use crate::sim::basics::countries;
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use crate::sim::directory::*;

const MSOL: &str = "Microsoft.Online.Administration.Automation";

/// How many users Get-MsolUser lists without -All or -MaxResults.
pub const DEFAULT_MAX_RESULTS: usize = 500;

/// The cmdlets whose effect the world provides (the registry names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostCmdlet {
    ConnectMsolService,
    ConnectMgGraph,
    GetMsolAccountSku,
    GetMsolCompanyInformation,
    SetMsolCompanySettings,
    GetMsolDomain,
    NewMsolDomain,
    GetMsolDomainVerificationDns,
    ConfirmMsolDomain,
    ConfirmMsolEmailVerifiedDomain,
    GetMsolUser,
    SetMsolUser,
    RemoveMsolUser,
    SetMsolDirSyncEnabled,
    GetMgPolicyAuthorizationPolicy,
    UpdateMgPolicyAuthorizationPolicy,
    ConnectAadrmService,
    GetAadrmSuperUserFeature,
    EnableAadrmSuperUserFeature,
    DisableAadrmSuperUserFeature,
    AddAadrmSuperUser,
    RemoveAadrmSuperUser,
    GetAadrmSuperUser,
    GetAadrmAdminLog,
    GetAadrmUserLog,
}

impl HostCmdlet {
    pub const ALL: [HostCmdlet; 25] = [
        HostCmdlet::ConnectMsolService,
        HostCmdlet::ConnectMgGraph,
        HostCmdlet::GetMsolAccountSku,
        HostCmdlet::GetMsolCompanyInformation,
        HostCmdlet::SetMsolCompanySettings,
        HostCmdlet::GetMsolDomain,
        HostCmdlet::NewMsolDomain,
        HostCmdlet::GetMsolDomainVerificationDns,
        HostCmdlet::ConfirmMsolDomain,
        HostCmdlet::ConfirmMsolEmailVerifiedDomain,
        HostCmdlet::GetMsolUser,
        HostCmdlet::SetMsolUser,
        HostCmdlet::RemoveMsolUser,
        HostCmdlet::SetMsolDirSyncEnabled,
        HostCmdlet::GetMgPolicyAuthorizationPolicy,
        HostCmdlet::UpdateMgPolicyAuthorizationPolicy,
        HostCmdlet::ConnectAadrmService,
        HostCmdlet::GetAadrmSuperUserFeature,
        HostCmdlet::EnableAadrmSuperUserFeature,
        HostCmdlet::DisableAadrmSuperUserFeature,
        HostCmdlet::AddAadrmSuperUser,
        HostCmdlet::RemoveAadrmSuperUser,
        HostCmdlet::GetAadrmSuperUser,
        HostCmdlet::GetAadrmAdminLog,
        HostCmdlet::GetAadrmUserLog,
    ];

    /// The registry's canonical name.
    pub fn name(self) -> &'static str {
        match self {
            HostCmdlet::ConnectMsolService => "Connect-MsolService",
            HostCmdlet::ConnectMgGraph => "Connect-MgGraph",
            HostCmdlet::GetMsolAccountSku => "Get-MsolAccountSku",
            HostCmdlet::GetMsolCompanyInformation => "Get-MsolCompanyInformation",
            HostCmdlet::SetMsolCompanySettings => "Set-MsolCompanySettings",
            HostCmdlet::GetMsolDomain => "Get-MsolDomain",
            HostCmdlet::NewMsolDomain => "New-MsolDomain",
            HostCmdlet::GetMsolDomainVerificationDns => "Get-MsolDomainVerificationDns",
            HostCmdlet::ConfirmMsolDomain => "Confirm-MsolDomain",
            HostCmdlet::ConfirmMsolEmailVerifiedDomain => "Confirm-MsolEmailVerifiedDomain",
            HostCmdlet::GetMsolUser => "Get-MsolUser",
            HostCmdlet::SetMsolUser => "Set-MsolUser",
            HostCmdlet::RemoveMsolUser => "Remove-MsolUser",
            HostCmdlet::SetMsolDirSyncEnabled => "Set-MsolDirSyncEnabled",
            HostCmdlet::GetMgPolicyAuthorizationPolicy => "Get-MgPolicyAuthorizationPolicy",
            HostCmdlet::UpdateMgPolicyAuthorizationPolicy => "Update-MgPolicyAuthorizationPolicy",
            HostCmdlet::ConnectAadrmService => "Connect-AadrmService",
            HostCmdlet::GetAadrmSuperUserFeature => "Get-AadrmSuperUserFeature",
            HostCmdlet::EnableAadrmSuperUserFeature => "Enable-AadrmSuperUserFeature",
            HostCmdlet::DisableAadrmSuperUserFeature => "Disable-AadrmSuperUserFeature",
            HostCmdlet::AddAadrmSuperUser => "Add-AadrmSuperUser",
            HostCmdlet::RemoveAadrmSuperUser => "Remove-AadrmSuperUser",
            HostCmdlet::GetAadrmSuperUser => "Get-AadrmSuperUser",
            HostCmdlet::GetAadrmAdminLog => "Get-AadrmAdminLog",
            HostCmdlet::GetAadrmUserLog => "Get-AadrmUserLog",
        }
    }

    pub fn from_name(name: &str) -> Option<HostCmdlet> {
        HostCmdlet::ALL.into_iter().find(|c| c.name() == name)
    }
}

pub struct SimHost<'a> {
    pub world: &'a mut World,
    pub rng: &'a mut dyn RandomSource,
}

fn msol_error(id: &str, message: impl Into<String>) -> HostError {
    HostError::msol(message, format!("{MSOL}.{id}"))
}

/// How an engine refusal shows in PowerShell.
pub fn admin_error(e: &AdminError) -> HostError {
    let id = match e {
        AdminError::UserNotFound { .. } | AdminError::NoAccount { .. } => "UserNotFoundException",
        AdminError::NotAdded { .. } => "DomainNotFoundException",
        AdminError::AlreadyAdded { .. } | AdminError::HeldByManaged { .. } => "DomainAlreadyExistsException",
        AdminError::InvalidDomain(_) => "InvalidDomainNameException",
        AdminError::Verify(_) | AdminError::NeedsForce { .. } => "DomainVerificationMissingDnsRecordException",
        AdminError::NotAnAdmin { .. } | AdminError::Blocked { .. } | AdminError::NotInYourTenant { .. } => {
            "AccessDeniedException"
        }
        AdminError::Credentials(_) => "AuthenticationException",
        _ => "InvalidOperationException",
    };
    let text = match e {
        AdminError::Verify(_) => format!("Unable to verify the domain. {e}"),
        AdminError::Credentials(c) => format!("Authentication Error: {c}"),
        AdminError::NotAnAdmin { .. } => format!("Access Denied. You do not have permissions to call this cmdlet. {e}"),
        _ => e.to_string(),
    };
    msol_error(id, text)
}

fn not_connected_msol() -> HostError {
    msol_error(
        "MicrosoftOnlineException",
        "You must call the Connect-MsolService cmdlet before calling any other cmdlets.",
    )
}

fn not_connected_graph() -> HostError {
    HostError::new(
        "Authentication needed. Please call Connect-MgGraph.",
        "AuthenticationError",
        "AuthenticationException",
        "Authentication_Required",
    )
}

fn not_connected_aadrm() -> HostError {
    HostError::new(
        "You must call the Connect-AadrmService cmdlet before calling any other AADRM cmdlets.",
        "InvalidOperation",
        "InvalidOperationException",
        "NotConnected,Microsoft.RightsManagementServices.Online.Admin.PowerShell",
    )
}

/// `-ForDate`: `5/2/2016` (M/d/yyyy, as a 2016 en-US console reads it) or
/// `2016-05-02`, as `YYYY-MM-DD`.
fn for_date(input: &str) -> Option<String> {
    let t = input.trim();
    let (y, m, d) = if let Some((y, rest)) = t.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let mut parts = t.split('/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        (y, m, d)
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && y >= 2000).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn guid_of(seed: &str) -> String {
    // A stable GUID-shaped identifier derived from a name (for SkuId and the like).
    let mut h: u64 = 0xcbf29ce484222325;
    for b in seed.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    let x = format!("{h:016x}{:016x}", h.rotate_left(17) ^ 0x9e3779b97f4a7c15);
    format!("{}-{}-{}-{}-{}", &x[0..8], &x[8..12], &x[12..16], &x[16..20], &x[20..32])
}

impl SimHost<'_> {
    fn msol_tenant(&self) -> Result<(Email, TenantId), HostError> {
        let upn = self.world.console_admin(ConsoleService::MsOnline).ok_or_else(not_connected_msol)?;
        let t = self.world.admin_tenant(&upn).map_err(|e| admin_error(&e))?;
        Ok((upn, t))
    }

    fn aadrm_admin(&self) -> Result<Email, HostError> {
        let upn = self.world.console_admin(ConsoleService::Aadrm).ok_or_else(not_connected_aadrm)?;
        self.world.admin_tenant(&upn).map_err(|e| admin_error(&e))?;
        Ok(upn)
    }

    fn graph_tenant(&self) -> Result<(Email, TenantId), HostError> {
        let upn = self.world.console_admin(ConsoleService::Graph).ok_or_else(not_connected_graph)?;
        let t = self.world.admin_tenant(&upn).map_err(|e| admin_error(&e))?;
        Ok((upn, t))
    }

    fn tenant(&self, id: &str) -> &Tenant {
        &self.world.directory.tenants[id]
    }

    fn account_skus(&self, id: &str) -> Vec<PsObject> {
        let t = self.tenant(id);
        t.subscriptions
            .iter()
            .map(|s| {
                PsObject::new(
                    "Microsoft.Online.Administration.AccountSku",
                    DefaultView::Table(&[
                        ("AccountSkuId", 32),
                        ("ActiveUnits", 0),
                        ("WarningUnits", 0),
                        ("ConsumedUnits", 0),
                    ]),
                )
                .with("AccountName", t.account_name())
                .with("AccountObjectId", PsValue::Null)
                .with("AccountSkuId", t.account_sku_id(s.sku))
                .with("ActiveUnits", s.active_units)
                .with("ConsumedUnits", t.consumed_units(s.sku))
                .with("ServiceStatus", PsValue::List(vec![PsValue::Str(s.sku.display_name().to_string())]))
                .with("SkuId", guid_of(s.sku.part_number()))
                .with("SkuPartNumber", s.sku.part_number())
                .with(
                    "SubscriptionIds",
                    PsValue::List(vec![PsValue::Str(guid_of(&format!("{}{}", t.id, s.sku.part_number())))]),
                )
                .with("SuspendedUnits", 0u32)
                .with("TargetClass", "User")
                .with("WarningUnits", s.warning_units)
            })
            .collect()
    }

    fn company(&self, id: &str) -> PsObject {
        let t = self.tenant(id);
        let country = t.users.values().min_by_key(|u| u.created).map(|u| u.country.clone()).unwrap_or_default();
        let techs: Vec<PsValue> = t.global_admins().iter().map(|u| PsValue::Str(u.upn.to_string())).collect();
        PsObject::new("Microsoft.Online.Administration.Company", DefaultView::List)
            .with("AllowAdHocSubscriptions", t.settings.allow_ad_hoc_subscriptions)
            .with("AllowEmailVerifiedUsers", t.settings.allow_email_verified_users)
            .with(
                "AuthorizedServiceInstances",
                PsValue::List(
                    t.subscriptions
                        .iter()
                        .filter(|s| s.sku.includes_azure_rms())
                        .map(|_| PsValue::Str(format!("RMSOnline/{}", t.region.code().to_uppercase())))
                        .collect(),
                ),
            )
            .with("City", PsValue::Null)
            .with("CompanyType", "CompanyTenant")
            .with("Country", PsValue::Null)
            .with("CountryLetterCode", country)
            .with("DapEnabled", PsValue::Null)
            .with("DirectorySynchronizationEnabled", t.dir_sync)
            .with("DirSyncServiceAccount", PsValue::Null)
            .with("DisplayName", t.display_name.clone())
            .with("InitialDomain", t.initial_domain.clone())
            .with("LastDirSyncTime", PsValue::Null)
            .with("LastPasswordSyncTime", PsValue::Null)
            .with("MarketingNotificationEmails", PsValue::List(vec![]))
            .with("ObjectId", t.id.clone())
            .with("PasswordSynchronizationEnabled", t.dir_sync)
            .with("PreferredLanguage", "en")
            .with("SelfServePasswordResetEnabled", false)
            .with("TechnicalNotificationEmails", PsValue::List(techs))
            .with("UsersPermissionToCreateGroupsEnabled", true)
            .with("UsersPermissionToCreateLOBAppsEnabled", true)
            .with("UsersPermissionToReadOtherUsersEnabled", true)
            .with("UsersPermissionToUserConsentToAppEnabled", true)
    }

    fn domains(&self, id: &str) -> Vec<(String, &'static str)> {
        self.world.directory.domain_list(id).into_iter().map(|d| (d.name, d.status.msol())).collect()
    }

    fn domain_obj(name: &str, status: &str) -> PsObject {
        PsObject::new(
            "Microsoft.Online.Administration.Domain",
            DefaultView::Table(&[("Name", 0), ("Status", 0), ("Authentication", 0)]),
        )
        .with("Authentication", "Managed")
        .with(
            "Capabilities",
            if name.ends_with(".onmicrosoft.com") { "Email, OfficeCommunicationsOnline" } else { "None" },
        )
        .with("IsDefault", name.ends_with(".onmicrosoft.com"))
        .with("IsInitial", name.ends_with(".onmicrosoft.com"))
        .with("Name", name)
        .with("RootDomain", PsValue::Null)
        .with("Status", status)
        .with("VerificationMethod", PsValue::Null)
    }

    fn user_obj(t: &Tenant, u: &User) -> PsObject {
        PsObject::new(
            "Microsoft.Online.Administration.User",
            DefaultView::Table(&[("UserPrincipalName", 0), ("DisplayName", 0), ("isLicensed", 0)]),
        )
        .with("BlockCredential", u.status == AccountStatus::SignInBlocked)
        .with("City", PsValue::Null)
        .with("Country", countries::name_of(&u.country).unwrap_or(""))
        .with("DisplayName", u.display_name())
        .with("FirstName", u.first_name.clone())
        .with("isLicensed", !u.licenses.is_empty())
        .with("LastName", u.last_name.clone())
        .with("Licenses", PsValue::List(u.licenses.iter().map(|s| PsValue::Str(t.account_sku_id(*s))).collect()))
        .with("ObjectId", guid_of(u.upn.as_str()))
        .with("SignInName", u.upn.to_string())
        .with("UsageLocation", u.country.clone())
        .with("UserPrincipalName", u.upn.to_string())
        .with("UserType", "Member")
    }

    fn authorization_policy(&self, id: &str) -> PsObject {
        let s = &self.tenant(id).settings;
        PsObject::new("Microsoft.Graph.PowerShell.Models.MicrosoftGraphAuthorizationPolicy", DefaultView::List)
            .with("AllowEmailVerifiedUsersToJoinOrganization", s.allow_email_verified_users)
            .with("AllowInvitesFrom", "everyone")
            .with("AllowedToSignUpEmailBasedSubscriptions", s.allow_ad_hoc_subscriptions)
            .with("AllowedToUseSspr", true)
            .with("BlockMsolPowerShell", false)
            .with("Description", "Used to manage authorization related settings across the company.")
            .with("DisplayName", "Authorization Policy")
            .with("Id", "authorizationPolicy")
    }

    fn run(&mut self, cmdlet: HostCmdlet, a: &BoundArgs) -> Result<Vec<PsObject>, HostError> {
        match cmdlet {
            // Both ask for credentials in a dialog; the page signs in and
            // resumes the console with the outcome.
            // A credential object (Get-Credential's) signs in at once.
            HostCmdlet::ConnectMsolService | HostCmdlet::ConnectMgGraph | HostCmdlet::ConnectAadrmService => {
                match a.get("Credential") {
                    Some(PsValue::Obj(o)) if o.as_credential().is_some() => {
                        let (user, password) = o.as_credential().unwrap_or_default();
                        let service = service_of(cmdlet.name());
                        self.world.console_connect(user, password, service).map(|_| vec![]).map_err(|e| admin_error(&e))
                    }
                    _ => Err(HostError::need_credential()),
                }
            }
            HostCmdlet::GetMsolAccountSku => {
                let (_, t) = self.msol_tenant()?;
                Ok(self.account_skus(&t))
            }
            HostCmdlet::GetMsolCompanyInformation => {
                let (_, t) = self.msol_tenant()?;
                Ok(vec![self.company(&t)])
            }
            HostCmdlet::SetMsolCompanySettings => {
                let (upn, _) = self.msol_tenant()?;
                let (ad_hoc, ev) = (a.bool("AllowAdHocSubscriptions"), a.bool("AllowEmailVerifiedUsers"));
                if ad_hoc.is_some() || ev.is_some() {
                    self.world
                        .set_company_settings(&upn, ad_hoc, ev, SettingsVia::SetMsolCompanySettings)
                        .map_err(|e| admin_error(&e))?;
                }
                Ok(vec![])
            }
            HostCmdlet::GetMsolDomain => {
                let (_, t) = self.msol_tenant()?;
                let mut list = self.domains(&t);
                if let Some(name) = a.str("DomainName") {
                    let name = name.trim().to_ascii_lowercase();
                    list.retain(|(d, _)| *d == name);
                    if list.is_empty() {
                        return Err(msol_error("DomainNotFoundException", "Domain not found."));
                    }
                }
                if let Some(status) = a.str("Status") {
                    list.retain(|(_, s)| s.eq_ignore_ascii_case(status));
                }
                Ok(list.into_iter().map(|(d, s)| Self::domain_obj(&d, s)).collect())
            }
            HostCmdlet::NewMsolDomain => {
                let (upn, _) = self.msol_tenant()?;
                let name = a.str("Name").unwrap_or_default().to_string();
                let added = self.world.add_domain(&upn, &name, self.rng).map_err(|e| admin_error(&e))?;
                Ok(vec![Self::domain_obj(&added.challenge.domain, "Unverified")])
            }
            HostCmdlet::GetMsolDomainVerificationDns => {
                let (upn, _) = self.msol_tenant()?;
                let name = a.str("DomainName").unwrap_or_default().to_string();
                let c = self.world.verification_record(&upn, &name).map_err(|e| admin_error(&e))?;
                let mx = a.str("Mode").is_some_and(|m| m.eq_ignore_ascii_case("DnsMXRecord"));
                let obj = if mx {
                    PsObject::new("Microsoft.Online.Administration.MXDomainDnsRecord", DefaultView::List)
                        .with("Capability", "None")
                        .with("IsOptional", false)
                        .with("Label", c.domain.clone())
                        .with("ObjectId", guid_of(&c.mx))
                        .with("Ttl", RECORD_TTL_SECONDS)
                        .with("MailExchange", c.mx)
                        .with("Preference", MX_PREFERENCE)
                } else {
                    PsObject::new("Microsoft.Online.Administration.TxtDomainDnsRecord", DefaultView::List)
                        .with("Capability", "None")
                        .with("IsOptional", false)
                        .with("Label", c.domain.clone())
                        .with("ObjectId", guid_of(&c.txt))
                        .with("Ttl", RECORD_TTL_SECONDS)
                        .with("Text", c.txt)
                };
                Ok(vec![obj])
            }
            HostCmdlet::ConfirmMsolDomain | HostCmdlet::ConfirmMsolEmailVerifiedDomain => {
                let (upn, _) = self.msol_tenant()?;
                let name = a.str("DomainName").unwrap_or_default().to_string();
                let force = if cmdlet == HostCmdlet::ConfirmMsolEmailVerifiedDomain {
                    ForceTakeover::EmailVerified
                } else if a.str("ForceTakeover").is_some_and(|f| f.eq_ignore_ascii_case("Force")) {
                    ForceTakeover::Force
                } else {
                    ForceTakeover::Off
                };
                match self.world.confirm_domain(&upn, &name, force, self.rng).map_err(|e| admin_error(&e))? {
                    // "A successful challenge returns you to the prompt without an error."
                    Confirmed::Verified { .. } | Confirmed::TookOver(_) => Ok(vec![]),
                }
            }
            HostCmdlet::GetMsolUser => {
                let (_, t) = self.msol_tenant()?;
                let tenant = self.tenant(&t);
                if a.switch("ReturnDeletedUsers") {
                    return Ok(vec![PsObject::warning(
                        "The simulator has no recycle bin: Remove-MsolUser deletes a user at once, so there are no deleted users to return.",
                    )]);
                }
                if let Some(upn) = a.str("UserPrincipalName") {
                    let found = Email::parse(upn).ok().and_then(|e| tenant.users.get(&e));
                    return match found {
                        Some(u) => Ok(vec![Self::user_obj(tenant, u)]),
                        None => {
                            Err(msol_error("UserNotFoundException", format!("User Not Found.  User: {}.", upn.trim())))
                        }
                    };
                }
                if let Some(id) = a.str("ObjectId") {
                    let id = id.trim_matches(['{', '}']).to_ascii_lowercase();
                    return match tenant.users.values().find(|u| guid_of(u.upn.as_str()) == id) {
                        Some(u) => Ok(vec![Self::user_obj(tenant, u)]),
                        None => Err(msol_error("UserNotFoundException", format!("User Not Found.  User: {id}."))),
                    };
                }
                let lower = |s: Option<&str>| s.map(|d| d.trim().to_lowercase());
                let domain = lower(a.str("DomainName"));
                let search = lower(a.str("SearchString"));
                let country = lower(a.str("Country"));
                let location = lower(a.str("UsageLocation"));
                // Attributes the simulator's users don't have: a filter on
                // them matches nobody, as it would for users without them.
                let missing = ["City", "Department", "State", "Title"].iter().any(|p| a.has(p))
                    || a.switch("Synchronized")
                    || a.switch("HasErrorsOnly")
                    || a.switch("LicenseReconciliationNeededOnly");
                let enabled = a.str("EnabledFilter").unwrap_or("All");
                let mut users: Vec<&User> = tenant
                    .users
                    .values()
                    .filter(|_| !missing)
                    .filter(|u| domain.as_deref().is_none_or(|d| u.upn.domain() == d))
                    .filter(|u| match enabled {
                        "EnabledOnly" => u.status != AccountStatus::SignInBlocked,
                        "DisabledOnly" => u.status == AccountStatus::SignInBlocked,
                        _ => true,
                    })
                    .filter(|u| !a.switch("UnlicensedUsersOnly") || u.licenses.is_empty())
                    .filter(|u| {
                        search.as_deref().is_none_or(|s| {
                            [u.upn.to_string(), u.display_name(), u.first_name.clone(), u.last_name.clone()]
                                .iter()
                                .any(|x| x.to_lowercase().starts_with(s))
                        })
                    })
                    .filter(|u| {
                        country
                            .as_deref()
                            .is_none_or(|c| countries::name_of(&u.country).is_some_and(|n| n.to_lowercase() == c))
                    })
                    .filter(|u| location.as_deref().is_none_or(|l| u.country.to_lowercase() == l))
                    .collect();
                let limit = match a.int("MaxResults") {
                    _ if a.switch("All") => usize::MAX,
                    Some(n) => n.max(0) as usize,
                    None => DEFAULT_MAX_RESULTS,
                };
                let more = users.len() > limit;
                users.truncate(limit);
                let mut out: Vec<PsObject> = users.into_iter().map(|u| Self::user_obj(tenant, u)).collect();
                if more && !a.has("MaxResults") {
                    out.push(PsObject::warning(
                        "More results are available. Please specify one of the All or MaxResults parameters.",
                    ));
                }
                Ok(out)
            }
            HostCmdlet::SetMsolUser => {
                let (upn, _) = self.msol_tenant()?;
                let target = a.str("UserPrincipalName").unwrap_or_default().to_string();
                if let Some(b) = a.bool("BlockCredential") {
                    self.world.set_block_credential(&upn, &target, b).map_err(|e| admin_error(&e))?;
                } else {
                    self.world
                        .user(&Email::parse(&target).map_err(|_| {
                            msol_error("UserNotFoundException", format!("User Not Found.  User: {target}."))
                        })?)
                        .ok_or_else(|| {
                            msol_error("UserNotFoundException", format!("User Not Found.  User: {target}."))
                        })?;
                }
                Ok(vec![])
            }
            HostCmdlet::RemoveMsolUser => {
                let (upn, _) = self.msol_tenant()?;
                let target = a.str("UserPrincipalName").unwrap_or_default().to_string();
                if !a.switch("Force") {
                    return Err(HostError::new(
                        format!(
                            "Remove-MsolUser asks \"Continue with this operation?\" before it deletes {target}, and this console can't answer prompts. Run it again with -Force to delete the account."
                        ),
                        "InvalidOperation",
                        "PSInvalidOperationException",
                        "ConfirmationRequired",
                    ));
                }
                self.world.remove_user(&upn, &target).map_err(|e| admin_error(&e))?;
                Ok(vec![])
            }
            HostCmdlet::SetMsolDirSyncEnabled => {
                let (upn, _) = self.msol_tenant()?;
                let on = a.bool("EnableDirSync").unwrap_or(false);
                self.world.set_dir_sync(&upn, on).map_err(|e| admin_error(&e))?;
                Ok(vec![])
            }
            HostCmdlet::GetMgPolicyAuthorizationPolicy => {
                let (_, t) = self.graph_tenant()?;
                Ok(vec![self.authorization_policy(&t)])
            }
            HostCmdlet::UpdateMgPolicyAuthorizationPolicy => {
                let (upn, _) = self.graph_tenant()?;
                let mut ad_hoc = a.bool("AllowedToSignUpEmailBasedSubscriptions");
                let mut ev = a.bool("AllowEmailVerifiedUsersToJoinOrganization");
                if let Some(body) = a.hash("BodyParameter") {
                    for (k, v) in body {
                        let b = match v {
                            PsValue::Bool(b) => *b,
                            PsValue::Int(i) => *i != 0,
                            other => {
                                return Err(HostError::new(
                                    format!(
                                        "Cannot convert the value of '{k}' ({}) to a Boolean: use $true or $false.",
                                        other.display()
                                    ),
                                    "InvalidArgument",
                                    "ArgumentException",
                                    "Request_BadRequest",
                                ));
                            }
                        };
                        if k.eq_ignore_ascii_case("allowedToSignUpEmailBasedSubscriptions") {
                            ad_hoc = Some(b);
                        } else if k.eq_ignore_ascii_case("allowEmailVerifiedUsersToJoinOrganization") {
                            ev = Some(b);
                        } else {
                            return Err(HostError::new(
                                format!(
                                    "Invalid property '{k}': the simulator's authorizationPolicy knows allowedToSignUpEmailBasedSubscriptions and allowEmailVerifiedUsersToJoinOrganization."
                                ),
                                "InvalidArgument",
                                "ArgumentException",
                                "Request_BadRequest",
                            ));
                        }
                    }
                }
                self.world
                    .set_company_settings(&upn, ad_hoc, ev, SettingsVia::UpdateMgPolicyAuthorizationPolicy)
                    .map_err(|e| admin_error(&e))?;
                Ok(vec![])
            }
            HostCmdlet::GetAadrmSuperUserFeature => {
                let upn = self.aadrm_admin()?;
                let su = self.world.super_users(&upn).map_err(|e| admin_error(&e))?;
                Ok(vec![PsObject::string(if su.enabled { "Enabled" } else { "Disabled" })])
            }
            HostCmdlet::EnableAadrmSuperUserFeature | HostCmdlet::DisableAadrmSuperUserFeature => {
                let upn = self.aadrm_admin()?;
                let on = cmdlet == HostCmdlet::EnableAadrmSuperUserFeature;
                match self.world.set_rms_feature(&upn, RmsFeature::SuperUsers, on) {
                    Ok(()) => Ok(vec![PsObject::string(if on {
                        "The super user feature is enabled."
                    } else {
                        "The super user feature is disabled."
                    })]),
                    Err(AdminError::Unchanged) => Ok(vec![PsObject::warning(if on {
                        "The super user feature is already enabled."
                    } else {
                        "The super user feature is already disabled."
                    })]),
                    Err(e) => Err(admin_error(&e)),
                }
            }
            HostCmdlet::AddAadrmSuperUser => {
                let upn = self.aadrm_admin()?;
                let who = a.str("EmailAddress").unwrap_or_default().to_string();
                let added = self.world.add_super_user(&upn, &who).map_err(|e| admin_error(&e))?;
                let enabled = self.world.super_users(&upn).map(|s| s.enabled).unwrap_or(false);
                Ok(if enabled {
                    vec![]
                } else {
                    vec![PsObject::warning(format!(
                        "{added} is a super user, but the super user feature is disabled. Run Enable-AadrmSuperUserFeature for it to act as one."
                    ))]
                })
            }
            HostCmdlet::RemoveAadrmSuperUser => {
                let upn = self.aadrm_admin()?;
                let who = a.str("EmailAddress").unwrap_or_default().to_string();
                self.world.remove_super_user(&upn, &who).map_err(|e| admin_error(&e))?;
                Ok(vec![])
            }
            HostCmdlet::GetAadrmSuperUser => {
                let upn = self.aadrm_admin()?;
                let su = self.world.super_users(&upn).map_err(|e| admin_error(&e))?;
                Ok(su.users.iter().map(|u| PsObject::string(u.to_string())).collect())
            }
            HostCmdlet::GetAadrmAdminLog => {
                let upn = self.aadrm_admin()?;
                let path = a.str("Path").unwrap_or_default().trim().to_string();
                let log = self.world.admin_log_csv(&upn).map_err(|e| admin_error(&e))?;
                Ok(saved_file(&path, &log, log.lines().count().saturating_sub(1)))
            }
            HostCmdlet::GetAadrmUserLog => {
                let upn = self.aadrm_admin()?;
                let path = a.str("Path").unwrap_or_default().trim().trim_end_matches('\\').to_string();
                let raw = a.str("ForDate").unwrap_or_default();
                let day = for_date(raw).ok_or_else(|| {
                    HostError::new(
                        format!("Cannot bind parameter 'ForDate'. Cannot convert value \"{raw}\" to type \"System.DateTime\": use a date such as 5/2/2016."),
                        "InvalidArgument",
                        "ParameterBindingException",
                        "CannotConvertArgumentNoMessage,Microsoft.RightsManagementServices.Online.Admin.PowerShell.GetUserLogCmdlet",
                    )
                })?;
                let log = self.world.usage_log_w3c_for(&upn, Some(&day)).map_err(|e| admin_error(&e))?;
                let rows = log.lines().filter(|l| !l.starts_with('#')).count();
                let file = format!("{path}\\rmslog-{day}.log");
                let mut out = saved_file(&file, &log, rows);
                let tenant = self.world.admin_tenant(&upn).map_err(|e| admin_error(&e))?;
                if !self.world.usage_logging_active(&tenant) {
                    out.insert(
                        0,
                        PsObject::warning("Usage logging is turned off: nothing has been logged since it was."),
                    );
                }
                Ok(out)
            }
        }
    }
}

/// What a cmdlet that saves a file prints here: the simulator has no disk,
/// so it says where the file would be and shows its content.
fn saved_file(path: &str, content: &str, entries: usize) -> Vec<PsObject> {
    let mut out = vec![PsObject::string(format!(
        "Saved {entries} entries to {path}. The simulator has no disk: the file's content follows."
    ))];
    out.extend(content.lines().map(PsObject::string));
    out
}

impl CmdletHost for SimHost<'_> {
    fn invoke(&mut self, cmdlet: &str, args: &BoundArgs) -> Result<Vec<PsObject>, HostError> {
        match HostCmdlet::from_name(cmdlet) {
            Some(c) => self.run(c, args),
            None => Err(HostError::new(
                format!("{cmdlet} isn't simulated."),
                "NotImplemented",
                "NotImplementedException",
                "NotSimulated",
            )),
        }
    }

    fn end_session(&mut self) {
        self.world.console_disconnect();
    }
}

/// What the credential dialog's sign-in gives the waiting cmdlet:
/// Get-Credential returns what was typed, unchecked; the Connect- cmdlets
/// sign in.
pub fn connect(world: &mut World, cmdlet: &str, email: &str, password: &str) -> Result<Vec<PsObject>, HostError> {
    if cmdlet == "Get-Credential" {
        return Ok(vec![PsObject::credential(email.trim(), password)]);
    }
    let service = service_of(cmdlet);
    world.console_connect(email, password, service).map(|_| vec![]).map_err(|e| admin_error(&e))
}

/// The service a Connect- cmdlet connects to.
fn service_of(cmdlet: &str) -> ConsoleService {
    match cmdlet {
        "Connect-MgGraph" => ConsoleService::Graph,
        "Connect-AadrmService" => ConsoleService::Aadrm,
        _ => ConsoleService::MsOnline,
    }
}

/// What the waiting cmdlet gets when the credential dialog is canceled.
pub fn canceled(cmdlet: &str) -> HostError {
    if cmdlet == "Get-Credential" {
        return HostError::new(
            "Cannot process command because of one or more missing mandatory parameters: Credential.",
            "InvalidArgument",
            "ParameterBindingException",
            "CouldNotPromptForCredential,Microsoft.PowerShell.Commands.GetCredentialCommand",
        );
    }
    HostError::msol(
        "Authentication Error: the sign-in was canceled.",
        "Microsoft.Online.Administration.Automation.MicrosoftOnlineException",
    )
}
