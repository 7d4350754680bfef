//! Native tests of the PowerShell console (`rms_sim::sim::powershell`) through
//! its public API, with a small fake tenant as the host: the sessions the
//! Microsoft articles walk through, typed (or pasted) as written there, and a
//! property test that no input makes the console panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rms_sim::sim::powershell::format::lookup;
use rms_sim::sim::powershell::parser::parse;
use rms_sim::sim::powershell::{BoundArgs, CmdletHost, Console, DefaultView, HostError, PsObject, PsValue};

const DOMAIN_VIEW: &[(&str, usize)] = &[("Name", 0), ("Status", 0), ("Authentication", 0)];
const SKU_VIEW: &[(&str, usize)] =
    &[("AccountSkuId", 32), ("ActiveUnits", 0), ("WarningUnits", 0), ("ConsumedUnits", 0)];

/// A tenant just big enough for the articles' commands.
struct Tenant {
    connected: bool,
    ad_hoc: bool,
    email_verified: bool,
    domains: Vec<(String, &'static str)>,
    calls: Vec<String>,
}

impl Tenant {
    fn new() -> Self {
        Tenant {
            connected: false,
            ad_hoc: true,
            email_verified: true,
            domains: vec![("contoso.onmicrosoft.com".into(), "Verified")],
            calls: Vec::new(),
        }
    }
}

impl CmdletHost for Tenant {
    fn end_session(&mut self) {
        self.connected = false;
    }

    fn invoke(&mut self, cmdlet: &str, args: &BoundArgs) -> Result<Vec<PsObject>, HostError> {
        self.calls.push(cmdlet.to_string());
        if cmdlet == "Connect-MsolService" || cmdlet == "Connect-MgGraph" {
            return if args.has("Credential") { Ok(vec![]) } else { Err(HostError::need_credential()) };
        }
        if !self.connected {
            return Err(HostError::msol(
                "You must call the Connect-MsolService cmdlet before calling any other cmdlets.",
                "Microsoft.Online.Administration.Automation.MicrosoftOnlineException",
            ));
        }
        match cmdlet {
            "Get-MsolAccountSku" => Ok(vec![
                PsObject::new("Microsoft.Online.Administration.AccountSku", DefaultView::Table(SKU_VIEW))
                    .with("AccountSkuId", "YourO365:RIGHTSMANAGEMENT_ADHOC")
                    .with("ActiveUnits", 50000u32)
                    .with("WarningUnits", 0u32)
                    .with("ConsumedUnits", 1u32),
            ]),
            "Get-MsolCompanyInformation" => Ok(vec![
                PsObject::new("Microsoft.Online.Administration.Company", DefaultView::List)
                    .with("DisplayName", "Contoso")
                    .with("AllowAdHocSubscriptions", self.ad_hoc)
                    .with("AllowEmailVerifiedUsers", self.email_verified),
            ]),
            "Set-MsolCompanySettings" => {
                self.ad_hoc = args.bool("AllowAdHocSubscriptions").unwrap_or(self.ad_hoc);
                self.email_verified = args.bool("AllowEmailVerifiedUsers").unwrap_or(self.email_verified);
                Ok(vec![])
            }
            "Update-MgPolicyAuthorizationPolicy" => {
                let body = args.hash("BodyParameter").unwrap_or(&[]);
                let flag = |key: &str| match lookup(body, key) {
                    Some(PsValue::Bool(b)) => Some(*b),
                    _ => args.bool(key),
                };
                self.ad_hoc = flag("AllowedToSignUpEmailBasedSubscriptions").unwrap_or(self.ad_hoc);
                self.email_verified = flag("AllowEmailVerifiedUsersToJoinOrganization").unwrap_or(self.email_verified);
                Ok(vec![])
            }
            "New-MsolDomain" => {
                let name = args.str("Name").unwrap().to_string();
                self.domains.push((name.clone(), "Unverified"));
                Ok(vec![
                    PsObject::new("Microsoft.Online.Administration.Domain", DefaultView::Table(DOMAIN_VIEW))
                        .with("Name", name)
                        .with("Status", "Unverified")
                        .with("Authentication", "Managed"),
                ])
            }
            "Get-MsolDomain" => Ok(self
                .domains
                .iter()
                .filter(|(n, s)| {
                    args.str("DomainName").is_none_or(|d| d.eq_ignore_ascii_case(n))
                        && args.str("Status").is_none_or(|x| x == *s)
                })
                .map(|(n, s)| {
                    PsObject::new("Microsoft.Online.Administration.Domain", DefaultView::Table(DOMAIN_VIEW))
                        .with("Name", n.as_str())
                        .with("Status", *s)
                        .with("Authentication", "Managed")
                })
                .collect()),
            "Get-MsolDomainVerificationDns" => Ok(vec![
                PsObject::new("Microsoft.Online.Administration.DomainVerificationDns", DefaultView::List)
                    .with("Label", args.str("DomainName").unwrap())
                    .with("Text", "MS=ms32dd01b8")
                    .with("Ttl", 3600u32),
            ]),
            "Confirm-MsolDomain" => {
                let name = args.str("DomainName").unwrap();
                match self.domains.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                    Some(d) if args.str("ForceTakeover") == Some("Force") => {
                        d.1 = "Verified";
                        Ok(vec![])
                    }
                    Some(_) => Err(HostError::msol(
                        "The domain is already in use by an unmanaged directory.",
                        "Microsoft.Online.Administration.Automation.DomainAlreadyExistsException",
                    )),
                    None => Err(HostError::msol(
                        "Domain not found.",
                        "Microsoft.Online.Administration.Automation.DomainNotFoundException",
                    )),
                }
            }
            _ => Ok(vec![]),
        }
    }
}

/// Runs a line; if it waits for the sign-in dialog, signs in.
fn type_line(console: &mut Console, tenant: &mut Tenant, line: &str) -> String {
    let mut r = console.run(line, tenant);
    let mut text = std::mem::take(&mut r.text);
    if r.credential_prompt.is_some() {
        tenant.connected = true;
        text += &console.resume(tenant, Ok(vec![])).text;
    }
    text
}

#[test]
fn external_admin_takeover_as_the_article_types_it() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    let out = type_line(&mut c, &mut t, "Get-MsolDomain");
    assert!(out.contains("Get-MsolDomain : You must call the Connect-MsolService cmdlet before calling any other cmdlets.\nAt line:1 char:1\n"));
    assert!(out.contains("FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.MicrosoftOnlineException,Microsoft.Online.Administration.Automation.GetDomain\n"));

    assert_eq!(type_line(&mut c, &mut t, "Connect-MsolService"), "PS C:\\> Connect-MsolService\n");
    assert!(t.connected);

    // The docs use en dashes: copied, they must still bind.
    assert_eq!(
        type_line(&mut c, &mut t, "New-MsolDomain \u{2013}Name contoso.co.uk"),
        "PS C:\\> New-MsolDomain \u{2013}Name contoso.co.uk\n\nName          Status     Authentication\n----          ------     --------------\ncontoso.co.uk Unverified Managed\n\n"
    );
    assert_eq!(
        type_line(
            &mut c,
            &mut t,
            "Get-MsolDomainVerificationDns \u{2013}DomainName contoso.co.uk \u{2013}Mode DnsTxtRecord"
        ),
        "PS C:\\> Get-MsolDomainVerificationDns \u{2013}DomainName contoso.co.uk \u{2013}Mode DnsTxtRecord\n\nLabel : contoso.co.uk\nText  : MS=ms32dd01b8\nTtl   : 3600\n\n"
    );
    let out = type_line(&mut c, &mut t, "Confirm-MsolDomain \u{2013}DomainName contoso.co.uk");
    assert!(out.contains("Confirm-MsolDomain : The domain is already in use by an unmanaged directory.\n"));
    assert_eq!(
        type_line(&mut c, &mut t, "Confirm-MsolDomain \u{2013}DomainName contoso.co.uk \u{2013}ForceTakeover Force")
            .lines()
            .count(),
        1
    );
    assert!(
        type_line(&mut c, &mut t, "Get-MsolDomain -Status Verified")
            .contains("\ncontoso.co.uk           Verified Managed\n")
    );
}

#[test]
fn self_service_sign_up_settings_with_msonline_and_graph() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    type_line(&mut c, &mut t, "Connect-MsolService");
    assert_eq!(
        type_line(&mut c, &mut t, "Get-MsolAccountSku"),
        "PS C:\\> Get-MsolAccountSku\n\nAccountSkuId                     ActiveUnits WarningUnits ConsumedUnits\n------------                     ----------- ------------ -------------\nYourO365:RIGHTSMANAGEMENT_ADHOC  50000       0            1\n\n"
    );
    type_line(
        &mut c,
        &mut t,
        "Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -AllowAdHocSubscriptions $false",
    );
    assert_eq!(
        type_line(&mut c, &mut t, "Get-MsolCompanyInformation | fl allow*"),
        "PS C:\\> Get-MsolCompanyInformation | fl allow*\n\nAllowAdHocSubscriptions : False\nAllowEmailVerifiedUsers : False\n\n"
    );

    // The Graph article's block, pasted whole.
    let pasted = "Import-Module Microsoft.Graph.Identity.SignIns\nConnect-MgGraph -Scopes \"Policy.ReadWrite.Authorization\"\n\n$param = @{\n    allowedToSignUpEmailBasedSubscriptions = $true\n    allowEmailVerifiedUsersToJoinOrganization = $true\n}\n\nUpdate-MgPolicyAuthorizationPolicy -BodyParameter $param";
    let out = type_line(&mut c, &mut t, pasted);
    // The echo, and for each Graph cmdlet one line that labels it as later
    // behaviour (there was no Microsoft Graph PowerShell in 2016).
    assert_eq!(out.lines().count(), pasted.lines().count() + 2, "{out}");
    assert_eq!(out.matches("Later behaviour: ").count(), 2, "{out}");
    assert!(out.contains("Later behaviour: Connect-MgGraph is part of Microsoft Graph PowerShell (2020 and later). It did not exist in a 2016 console, where Connect-MsolService did this."), "{out}");
    assert!(t.ad_hoc && t.email_verified);
    type_line(&mut c, &mut t, "Update-MgPolicyAuthorizationPolicy -AllowedToSignUpEmailBasedSubscriptions:$false");
    assert!(!t.ad_hoc && t.email_verified);
    // One call each: the host asks for the dialog, the UI signs in and resumes.
    assert_eq!(t.calls.iter().filter(|c| c.starts_with("Connect-")).count(), 2);
}

#[test]
fn errors_keep_the_session_going() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    let out = type_line(
        &mut c,
        &mut t,
        "Get-Foo; Set-MsolCompanySettings -AllowAdHocSubscriptions false; cls; Get-Help Get-MsolDomain",
    );
    let r = c.run("Get-Foo; Set-MsolCompanySettings -AllowAdHocSubscriptions false; 'still here'", &mut t);
    assert!(r.text.contains("CommandNotFoundException\n\n"));
    assert!(
        r.text.contains("Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
    );
    assert!(r.text.ends_with("\nstill here\n"));
    assert!(out.starts_with("\nNAME\n    Get-MsolDomain\n"), "Clear-Host drops what came before it");
    assert!(!t.calls.iter().any(|c| c == "Set-MsolCompanySettings"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_input_panics(line in r#"[-–—a-zA-Z0-9$@{}()|;,:='"` #*?\n.]{0,40}"#, cursor in 0usize..45, cycle in 0usize..4) {
        let _ = parse(&line);
        let (mut c, mut t) = (Console::new(), Tenant::new());
        t.connected = true;
        let r = c.run(&line, &mut t);
        prop_assert!(r.clear || r.text.starts_with("PS C:\\> "));
        if let Some(done) = c.complete(&line, cursor, cycle) {
            prop_assert!(done.cursor <= done.line.chars().count());
        }
    }

    #[test]
    fn documented_commands_bind_whatever_the_casing(upper in proptest::bool::ANY, dash in prop::sample::select(vec!['-', '\u{2013}', '\u{2014}'])) {
        let line = format!("Set-MsolCompanySettings {dash}AllowAdHocSubscriptions $false {dash}AllowEmailVerifiedUsers:0");
        let line = if upper { line.to_uppercase() } else { line.to_lowercase() };
        let (mut c, mut t) = (Console::new(), Tenant::new());
        t.connected = true;
        let r = c.run(&line, &mut t);
        prop_assert_eq!(r.text.lines().count(), 1);
        prop_assert!(!t.ad_hoc && !t.email_verified);
    }
}
