//! Native tests of the PowerShell console (`rms_sim::sim::powershell`) through
//! its public API, with a small fake tenant as the host: the sessions the
//! Microsoft articles walk through, typed (or pasted) as written there, and a
//! property test that no input makes the console panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rms_sim::sim::powershell::console::EXIT_TEXT;
use rms_sim::sim::powershell::format::lookup;
use rms_sim::sim::powershell::parser::{CommandAst, Element, Pipeline, Value, ValueKind, XPart, parse};
use rms_sim::sim::powershell::registry::CMDLETS;
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
    /// Every call's arguments, in order.
    args: Vec<BoundArgs>,
    /// (sign-in name, display name, licensed)
    users: Vec<(&'static str, &'static str, bool)>,
}

impl Tenant {
    fn new() -> Self {
        Tenant {
            connected: false,
            ad_hoc: true,
            email_verified: true,
            domains: vec![("contoso.onmicrosoft.com".into(), "Verified")],
            calls: Vec::new(),
            args: Vec::new(),
            users: vec![
                ("janetm@contoso.com", "Janet Miller", true),
                ("p.dover@fabrikam.com", "Pat Dover", true),
                ("r.ortiz@fabrikam.com", "Rosa Ortiz", false),
                ("admin@litwareinc.com", "Lee Admin", false),
            ],
        }
    }
}

impl CmdletHost for Tenant {
    fn end_session(&mut self) {
        self.connected = false;
    }

    fn invoke(&mut self, cmdlet: &str, args: &BoundArgs) -> Result<Vec<PsObject>, HostError> {
        self.calls.push(cmdlet.to_string());
        self.args.push(args.clone());
        if cmdlet == "Connect-MsolService" || cmdlet == "Connect-MgGraph" {
            return match args.get("Credential") {
                Some(PsValue::Obj(o)) if o.as_credential().is_some_and(|(_, p)| p != "Contoso-2016!") => {
                    Err(HostError::msol(
                        "Authentication Error: Bad username or password.",
                        "Microsoft.Online.Administration.Automation.MicrosoftOnlineException",
                    ))
                }
                Some(_) => {
                    self.connected = true;
                    Ok(vec![])
                }
                None => Err(HostError::need_credential()),
            };
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
            "Get-MsolUser" => Ok(self
                .users
                .iter()
                .map(|(upn, name, licensed)| {
                    PsObject::new(
                        "Microsoft.Online.Administration.User",
                        DefaultView::Table(&[("UserPrincipalName", 0), ("DisplayName", 0), ("isLicensed", 0)]),
                    )
                    .with("UserPrincipalName", *upn)
                    .with("DisplayName", *name)
                    .with("isLicensed", *licensed)
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
    fn no_input_panics(line in r#"[-–—a-zA-Z0-9$@{}()\[\]|;,:='"` #*?\n.><&!+%_]{0,40}"#, cursor in 0usize..45, cycle in 0usize..4) {
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

/// A console connected to the fake tenant.
fn connected() -> (Console, Tenant) {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    type_line(&mut c, &mut t, "Connect-MsolService");
    (c, t)
}

/// The output of a line, without its echo.
fn out(c: &mut Console, t: &mut Tenant, line: &str) -> String {
    let text = type_line(c, t, line);
    text.split_once('\n').map_or(String::new(), |(_, rest)| rest.to_string())
}

/// The text lines of an output, trimmed, without blank lines.
fn lines(s: &str) -> Vec<&str> {
    s.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect()
}

#[test]
fn where_object_filters_with_script_blocks_and_the_simplified_syntax() {
    let (mut c, mut t) = connected();
    let fabrikam = "Get-MsolUser | Where-Object { $_.UserPrincipalName -like '*fabrikam*' } | ForEach-Object { $_.UserPrincipalName }";
    assert_eq!(lines(&out(&mut c, &mut t, fabrikam)), ["p.dover@fabrikam.com", "r.ortiz@fabrikam.com"]);
    // Case-insensitive, as in PowerShell; the C forms are case-sensitive.
    let upns = |c: &mut Console, t: &mut Tenant, filter: &str| {
        let o = out(c, t, &format!("Get-MsolUser | {filter} | % UserPrincipalName"));
        lines(&o).into_iter().map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(upns(&mut c, &mut t, "? { $_.DisplayName -eq 'PAT DOVER' }"), ["p.dover@fabrikam.com"]);
    assert!(upns(&mut c, &mut t, "? { $_.DisplayName -ceq 'PAT DOVER' }").is_empty());
    assert_eq!(
        upns(&mut c, &mut t, "where { $_.DisplayName -ne 'Pat Dover' -and $_.isLicensed }"),
        ["janetm@contoso.com"]
    );
    assert_eq!(upns(&mut c, &mut t, "? { $_.UserPrincipalName -match '^[a-z]\\.' }").len(), 2);
    assert_eq!(upns(&mut c, &mut t, "? { $_.UserPrincipalName -notlike '*@fabrikam.com' }").len(), 2);
    assert_eq!(upns(&mut c, &mut t, "? { -not $_.isLicensed -or $_.DisplayName -like 'J*' }").len(), 3);
    assert_eq!(upns(&mut c, &mut t, "? { $_.DisplayName.Length -gt 10 }"), ["janetm@contoso.com"]);
    assert_eq!(
        upns(&mut c, &mut t, "? { $_.DisplayName -ge 'P' -and $_.DisplayName -lt 'R' }"),
        ["p.dover@fabrikam.com"]
    );
    assert_eq!(upns(&mut c, &mut t, "? { $_.DisplayName -le 'Janet Miller' }"), ["janetm@contoso.com"]);
    // The simplified syntax binds -eq as Where-Object's own parameter.
    assert_eq!(
        upns(&mut c, &mut t, "Where-Object isLicensed -eq $true"),
        ["janetm@contoso.com", "p.dover@fabrikam.com"]
    );
    assert_eq!(upns(&mut c, &mut t, "Where-Object IsLicensed -EQ $false").len(), 2);
    assert_eq!(upns(&mut c, &mut t, "? DisplayName -Like 'r*'"), ["r.ortiz@fabrikam.com"]);
    assert_eq!(upns(&mut c, &mut t, "? IsLicensed").len(), 2);
    let e = out(&mut c, &mut t, "Get-MsolUser | Where-Object IsLicensed -eq");
    assert!(
        e.starts_with("Where-Object : The specified operator requires both the -Property and -Value parameters."),
        "{e}"
    );
    let e = out(&mut c, &mut t, "Get-MsolUser | Where-Object { $_.x } -eq 1");
    assert!(e.contains("AmbiguousParameterSet,Microsoft.PowerShell.Commands.WhereObjectCommand"), "{e}");
}

#[test]
fn foreach_sort_measure_out_null_and_write_output() {
    let (mut c, mut t) = connected();
    assert_eq!(
        lines(&out(&mut c, &mut t, "Get-MsolUser | ForEach-Object { $_.DisplayName }")),
        ["Janet Miller", "Pat Dover", "Rosa Ortiz", "Lee Admin"]
    );
    assert_eq!(lines(&out(&mut c, &mut t, "Get-MsolUser | foreach DisplayName")).len(), 4);
    assert_eq!(
        lines(&out(&mut c, &mut t, "Get-MsolUser | Sort-Object DisplayName | % DisplayName")),
        ["Janet Miller", "Lee Admin", "Pat Dover", "Rosa Ortiz"]
    );
    assert_eq!(
        lines(&out(&mut c, &mut t, "Get-MsolUser | sort DisplayName -Descending | % DisplayName"))[0],
        "Rosa Ortiz"
    );
    assert_eq!(
        lines(&out(&mut c, &mut t, "Get-MsolUser | Sort-Object isLicensed, UserPrincipalName | % UserPrincipalName")),
        ["admin@litwareinc.com", "r.ortiz@fabrikam.com", "janetm@contoso.com", "p.dover@fabrikam.com"]
    );
    assert_eq!(
        out(&mut c, &mut t, "Get-MsolUser | Measure-Object"),
        "\nCount    : 4\nAverage  :\nSum      :\nMaximum  :\nMinimum  :\nProperty :\n\n"
    );
    assert_eq!(out(&mut c, &mut t, "(Get-MsolUser | measure).Count"), "4\n");
    assert_eq!(
        out(&mut c, &mut t, "1, 2, 3, 4 | Measure-Object -Sum -Average -Maximum").lines().nth(2),
        Some("Average  : 2.5")
    );
    assert!(
        out(&mut c, &mut t, "'a' | Measure-Object -Sum")
            .starts_with("Measure-Object : Input object \"a\" is not numeric.")
    );
    assert_eq!(out(&mut c, &mut t, "Get-MsolUser | Out-Null"), "");
    assert_eq!(out(&mut c, &mut t, "echo a b; Write-Output 'x y'; write 1"), "a\nb\nx y\n1\n");
    assert_eq!(out(&mut c, &mut t, "Write-Host checking -NoNewline; Write-Host ' done'"), "checking done\n");
    assert_eq!(out(&mut c, &mut t, "Get-MsolUser | Select-Object -ExpandProperty DisplayName -Last 1"), "Lee Admin\n");
    assert_eq!(
        out(
            &mut c,
            &mut t,
            "Get-MsolUser | Select-Object -First 1 @{Name='Upn'; Expression={$_.UserPrincipalName.ToUpper()}}"
        ),
        "\nUpn\n---\nJANETM@CONTOSO.COM\n\n"
    );
}

#[test]
fn get_credential_fills_a_variable_that_connect_msolservice_signs_in_with() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    let r = c.run("$cred = Get-Credential", &mut t);
    assert_eq!(r.credential_prompt, Some("Get-Credential"));
    assert!(t.calls.is_empty(), "Get-Credential itself asks nobody");
    let cred = PsObject::credential("janetm@contoso.com", "Contoso-2016!");
    assert_eq!(c.resume(&mut t, Ok(vec![cred])).text, "");
    assert_eq!(
        out(&mut c, &mut t, "$cred"),
        "\nUserName           Password\n--------           --------\njanetm@contoso.com System.Security.SecureString\n\n"
    );
    assert_eq!(out(&mut c, &mut t, "$cred.UserName"), "janetm@contoso.com\n");
    assert_eq!(out(&mut c, &mut t, "Connect-MsolService -Credential $cred"), "");
    assert!(t.connected);
    let given = t.args.last().unwrap().get("Credential").unwrap();
    assert!(matches!(given, PsValue::Obj(o) if o.as_credential() == Some(("janetm@contoso.com", "Contoso-2016!"))));

    // Inside an argument: the dialog opens, then the statement goes on
    // without asking the host twice.
    let (mut c, mut t) = (Console::new(), Tenant::new());
    let r = c.run("'before'; Connect-MsolService -Credential (Get-Credential); 'after'", &mut t);
    assert_eq!(r.text, "PS C:\\> 'before'; Connect-MsolService -Credential (Get-Credential); 'after'\nbefore\n");
    assert_eq!(r.credential_prompt, Some("Get-Credential"));
    let bad = PsObject::credential("janetm@contoso.com", "wrong");
    let r = c.resume(&mut t, Ok(vec![bad]));
    assert!(
        r.text.starts_with("Connect-MsolService : Authentication Error: Bad username or password.\n"),
        "{}",
        r.text
    );
    assert!(r.text.ends_with("after\n"));
    assert_eq!(t.calls, ["Connect-MsolService"]);
    // Canceling the dialog.
    let r = c.run("$c = Get-Credential", &mut t);
    assert!(r.credential_prompt.is_some());
    let r = c.resume(
        &mut t,
        Err(HostError::new(
            "Cannot process command because of one or more missing mandatory parameters: Credential.",
            "InvalidArgument",
            "ParameterBindingException",
            "CouldNotPromptForCredential,Microsoft.PowerShell.Commands.GetCredentialCommand",
        )),
    );
    assert!(r.text.starts_with(
        "Get-Credential : Cannot process command because of one or more missing mandatory parameters: Credential."
    ));
    assert!(r.text.contains(
        "FullyQualifiedErrorId : CouldNotPromptForCredential,Microsoft.PowerShell.Commands.GetCredentialCommand"
    ));
}

#[test]
fn exit_starts_a_new_session() {
    let (mut c, mut t) = connected();
    type_line(&mut c, &mut t, "$d = Get-MsolDomain");
    assert_eq!(out(&mut c, &mut t, "exit; 'not run'"), EXIT_TEXT);
    assert!(!t.connected, "the host's session ended");
    assert_eq!(out(&mut c, &mut t, "$d"), "", "variables are gone");
    assert_eq!(c.history().last().map(String::as_str), Some("$d"));
    assert_eq!(out(&mut c, &mut t, "1 | % { exit }; 'not run'"), EXIT_TEXT);
}

#[test]
fn built_ins_the_simulator_does_not_run_say_so() {
    let (mut c, mut t) = connected();
    for (line, name) in [
        ("Get-Process", "Get-Process"),
        ("ls", "ls (Get-ChildItem)"),
        ("gm", "gm (Get-Member)"),
        ("Get-MsolUser | Group-Object isLicensed", "Group-Object"),
        ("Start-Transcript", "Start-Transcript"),
        ("Resolve-DnsName fabrikam.com -Type TXT", "Resolve-DnsName"),
        ("Invoke-WebRequest https://login.microsoftonline.com", "Invoke-WebRequest"),
    ] {
        let o = out(&mut c, &mut t, line);
        assert!(o.contains(&format!("{name} is a Windows PowerShell 5.1 command")), "{line}: {o}");
        assert!(o.contains("but this simulator does not support it"), "{line}: {o}");
        assert!(o.contains("NotImplemented") && !o.contains("is not recognized"), "{line}: {o}");
    }
    let o = out(&mut c, &mut t, "Install-Module MSOnline");
    assert!(o.contains("The MSOnline module is already installed and loaded in this console"), "{o}");
    for line in
        ["foreach ($u in Get-MsolUser) { $u }", "if ($true) { 'x' }", "function f { 1 }", "try { 1 } catch { 2 }"]
    {
        let o = out(&mut c, &mut t, line);
        assert!(o.contains("keyword is not supported by this simulator"), "{line}: {o}");
        assert!(o.contains("FullyQualifiedErrorId : KeywordNotSupported"), "{o}");
    }
    assert!(out(&mut c, &mut t, "[int]'5'").contains("Type literals and casts ([int]) are not supported"));
    assert!(out(&mut c, &mut t, "Get-Help Get-Process").contains("Get-Process is a Windows PowerShell 5.1 command"));
    assert!(out(&mut c, &mut t, "Get-Foo").starts_with("Get-Foo : The term 'Get-Foo' is not recognized"));
    // The built-ins it runs are never "not recognized".
    for name in ["Where-Object", "?", "where", "ForEach-Object", "%", "foreach", "Sort-Object", "sort"] {
        let o = out(&mut c, &mut t, &format!("1 | {name} {{ $_ }}"));
        assert!(!o.contains("not recognized") && !o.contains("not support"), "{name}: {o}");
    }
    for line in ["Measure-Object", "measure", "Out-Null", "echo x", "Write-Output x", "Get-Command Get-Credential"] {
        let o = out(&mut c, &mut t, line);
        assert!(!o.contains("not recognized") && !o.contains("not support"), "{line}: {o}");
    }
}

#[test]
fn redirection_is_never_an_argument() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    // Not connected: Get-MsolDomain fails.
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain 2>$null"), "");
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain 2> $null; 'next'"), "next\n");
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain *>$null"), "");
    assert_eq!(out(&mut c, &mut t, "Get-Foo 2>$null"), "");
    type_line(&mut c, &mut t, "$r = Get-MsolDomain 2>&1");
    let o = out(&mut c, &mut t, "$r");
    assert!(o.starts_with("Get-MsolDomain : You must call the Connect-MsolService cmdlet"), "{o}");
    assert!(out(&mut c, &mut t, "Get-MsolDomain *>&1 | Out-Null").is_empty());
    assert!(t.args.iter().all(|a| a.0.is_empty()), "no redirection became an argument: {:?}", t.args);
    type_line(&mut c, &mut t, "Connect-MsolService");
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain > $null"), "");
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain | % Name > $null"), "");
    let calls = t.calls.len();
    let o = out(&mut c, &mut t, "New-MsolDomain -Name x.com >> domains.txt");
    assert!(o.starts_with("Redirecting output to a file (domains.txt) is not supported by this simulator"), "{o}");
    assert_eq!(t.calls.len(), calls, "nothing ran");
    assert!(out(&mut c, &mut t, "Get-MsolDomain > out.txt").contains("FileRedirectionNotSupported"));
    // && and || are PowerShell 7; 5.1's parser refuses them.
    for op in ["&&", "||"] {
        let o = out(&mut c, &mut t, &format!("Get-MsolDomain {op} Get-MsolUser"));
        assert_eq!(
            o,
            format!(
                "At line:1 char:16\n+ Get-MsolDomain {op} Get-MsolUser\n+                ~~\nThe token '{op}' is not a valid statement separator in this version.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : InvalidEndOfLine\n\n"
            )
        );
    }
    assert_eq!(t.calls.len(), calls);
    assert!(out(&mut c, &mut t, "Get-MsolDomain < in.txt").contains("The '<' operator is reserved for future use."));
    assert!(out(&mut c, &mut t, "Get-MsolDomain 2>&2").contains("RedirectionNotSupported"));
    assert!(out(&mut c, &mut t, "Get-MsolDomain >").contains("Missing file specification after redirection operator."));
}

#[test]
fn splatting_subexpressions_and_member_access() {
    let (mut c, mut t) = connected();
    type_line(&mut c, &mut t, "$p = @{Name='contoso.co.uk'}; New-MsolDomain @p");
    assert_eq!(t.args.last().unwrap().str("Name"), Some("contoso.co.uk"));
    type_line(&mut c, &mut t, "$q = @{DomainName='contoso.co.uk'; Mode='DnsTxtRecord'}");
    assert!(out(&mut c, &mut t, "Get-MsolDomainVerificationDns @q").contains("MS=ms32dd01b8"));
    type_line(&mut c, &mut t, "$d = Get-MsolDomain");
    assert_eq!(out(&mut c, &mut t, "$d.Count"), "2\n");
    assert_eq!(out(&mut c, &mut t, "$d[0].Name"), "contoso.onmicrosoft.com\n");
    assert_eq!(out(&mut c, &mut t, "$d[-1].Name"), "contoso.co.uk\n");
    assert_eq!(out(&mut c, &mut t, "$d.Name"), "contoso.onmicrosoft.com\ncontoso.co.uk\n");
    assert_eq!(out(&mut c, &mut t, "(Get-MsolDomain).Name"), "contoso.onmicrosoft.com\ncontoso.co.uk\n");
    assert_eq!(out(&mut c, &mut t, "(Get-MsolDomain -Status Unverified).Name"), "contoso.co.uk\n");
    assert_eq!(
        out(&mut c, &mut t, "\"$($d.Count) domains, first $($d[0].Name)\""),
        "2 domains, first contoso.onmicrosoft.com\n"
    );
    assert_eq!(out(&mut c, &mut t, "$(Get-MsolDomain).Count"), "2\n");
    assert_eq!(out(&mut c, &mut t, "@(Get-MsolDomain -Status Unverified).Count"), "1\n");
    assert_eq!(out(&mut c, &mut t, "$nothing.Count; $nothing[0]").lines().next(), Some("0"));
    assert!(out(&mut c, &mut t, "$nothing[0]").starts_with("Cannot index into a null array."));
    assert_eq!(out(&mut c, &mut t, "$d[5]"), "");
    assert_eq!(out(&mut c, &mut t, "Get-MsolDomain -DomainName $d[1].Name | % Status"), "Unverified\n");
    assert_eq!(out(&mut c, &mut t, "1 + 2 * 3; (1 + 2) * 3; 7 % 4; 'ab' * 2; 2 -gt 1"), "7\n9\n3\nabab\nTrue\n");
    assert_eq!(out(&mut c, &mut t, "'a,b' -split ','; ('x', 'y') -join '-'"), "a\nb\nx-y\n");
    assert_eq!(out(&mut c, &mut t, "'{0} has {1} domains' -f 'contoso', $d.Count"), "contoso has 2 domains\n");
    assert_eq!(out(&mut c, &mut t, "$PSVersionTable.PSVersion"), "5.1.14393.0\n");
    assert!(out(&mut c, &mut t, "$d.Name = 'x'").contains("Assigning to a property or an element"));
    assert!(
        out(&mut c, &mut t, "$true = 1")
            .starts_with("Cannot overwrite variable true because it is read-only or constant.")
    );
}

#[test]
fn get_help_examples_for_every_cmdlet() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    for cmd in CMDLETS {
        let o = out(&mut c, &mut t, &format!("Get-Help {} -Examples", cmd.name));
        assert!(o.starts_with(&format!("\nNAME\n    {}\n\nSYNOPSIS\n", cmd.name)), "{o}");
        assert!(o.contains("Example 1: ") && o.contains("    PS C:\\>"), "{}: {o}", cmd.name);
        assert!(!o.contains("\nPARAMETERS\n"), "{}", cmd.name);
        assert!(out(&mut c, &mut t, &format!("Get-Help {} -Full", cmd.name)).contains("\nEXAMPLES\n"));
    }
    let o = out(&mut c, &mut t, "Get-Help Get-MsolUser -Examples");
    assert!(o.contains("PS C:\\>Get-MsolUser -EnabledFilter EnabledOnly -MaxResults 2000\n\n    This command gets up to 2000 enabled users."), "{o}");
    let o = out(&mut c, &mut t, "Get-Help Get-MsolUser");
    for p in [
        "-All",
        "-MaxResults <Int32>",
        "-ObjectId <Guid>",
        "-SearchString <String>",
        "-EnabledFilter <UserEnabledFilter>",
        "-UnlicensedUsersOnly",
        "-ReturnDeletedUsers",
        "-Synchronized",
        "-TenantId <Guid>",
    ] {
        assert!(o.contains(&format!("\n    {p}\n")), "{p}");
    }
    assert!(o.contains("To see the examples, type: \"get-help Get-MsolUser -examples\"."));
}

#[test]
fn graph_cmdlets_are_labelled_as_later_behaviour() {
    let (mut c, mut t) = (Console::new(), Tenant::new());
    for name in ["Connect-MgGraph", "Get-MgPolicyAuthorizationPolicy", "Update-MgPolicyAuthorizationPolicy"] {
        let help = out(&mut c, &mut t, &format!("Get-Help {name}")).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            help.contains(&format!("Later behaviour: {name} is part of Microsoft Graph PowerShell (2020 and")),
            "{help}"
        );
        assert!(out(&mut c, &mut t, &format!("Get-Help {name} -Examples")).contains("Later behaviour: "));
    }
    for name in ["Connect-MsolService", "Get-MsolUser", "Where-Object"] {
        assert!(!out(&mut c, &mut t, &format!("Get-Help {name}")).contains("Later behaviour"));
    }
    let o = out(&mut c, &mut t, "Get-MgPolicyAuthorizationPolicy 2>$null");
    assert_eq!(
        o,
        "Later behaviour: Get-MgPolicyAuthorizationPolicy is part of Microsoft Graph PowerShell (2020 and later). It did not exist in a 2016 console, where Get-MsolCompanyInformation did this. The simulator runs it on the same directory.\n"
    );
}

/// Every word of a parsed line that is an argument or a command name.
fn words<'a>(stmts: &'a [Pipeline], out: &mut Vec<&'a str>) {
    fn value<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match &v.kind {
            ValueKind::Word(w) => out.push(w),
            ValueKind::Array(vs) => vs.iter().for_each(|v| value(v, out)),
            ValueKind::Hash(es) => es.iter().for_each(|(_, v)| value(v, out)),
            ValueKind::Block(b) => words(&b.body, out),
            ValueKind::Paren(p) => words(std::slice::from_ref(&**p), out),
            ValueKind::Sub(s) | ValueKind::ArraySub(s) => words(s, out),
            ValueKind::Expand(parts) => parts.iter().for_each(|p| {
                if let XPart::Sub(s) = p {
                    words(s, out)
                }
            }),
            ValueKind::Member(t, _) | ValueKind::Unary(_, t) => value(t, out),
            ValueKind::Method(t, _, args) => {
                value(t, out);
                args.iter().for_each(|v| value(v, out));
            }
            ValueKind::Index(a, b) | ValueKind::Binary(_, a, b) => {
                value(a, out);
                value(b, out);
            }
            _ => {}
        }
    }
    fn command<'a>(c: &'a CommandAst, out: &mut Vec<&'a str>) {
        match &c.invoke {
            // `& <expression>`: the call operator, not a command named "&".
            Some(v) => value(v, out),
            None => out.push(&c.name),
        }
        for e in &c.elements {
            match e {
                Element::Arg(v) | Element::Param { arg: Some(v), .. } => value(v, out),
                _ => {}
            }
        }
    }
    for p in stmts {
        if let Some(v) = &p.expr {
            value(v, out);
        }
        p.commands.iter().for_each(|c| command(c, out));
    }
}

#[test]
fn corpus_lines_parse_or_fail_in_powershell_words() {
    let corpus = include_str!("fixtures/powershell-corpus.txt");
    let (header, body) = corpus.split_once("\n----\n").unwrap();
    assert!(header.contains("Commit:  b881dfbe71a770ea37d434c80d3523091b81f6db") && header.contains("MIT License"));
    let corpus: Vec<&str> = body.lines().collect();
    assert!(corpus.len() >= 200, "{}", corpus.len());
    let (mut parsed, mut refused) = (0, 0);
    for line in &corpus {
        match parse(line) {
            Ok(stmts) => {
                parsed += 1;
                let mut ws = Vec::new();
                words(&stmts, &mut ws);
                for w in ws {
                    // An operator never becomes a bare word.
                    assert!(
                        !w.starts_with(['>', '<', '|', '&']) && !w.contains("&&") && !w.contains("||"),
                        "{line}: {w:?}"
                    );
                    assert!(!w.contains(">&"), "{line}: {w:?}");
                }
            }
            Err(e) => {
                refused += 1;
                assert!(!e.message.is_empty() && !e.id.is_empty(), "{line}");
                assert!(e.span.end <= line.chars().count(), "{line}: {e:?}");
            }
        }
        // The console runs it (nothing panics) and every error it shows is a
        // PowerShell error record.
        let (mut c, mut t) = connected();
        let r = c.run(line, &mut t);
        assert!(r.text.starts_with("PS C:\\> ") || r.clear, "{line}");
        for cat in r.text.lines().filter_map(|l| l.strip_prefix("    + CategoryInfo          : ")) {
            let category = cat.split(':').next().unwrap();
            assert!(
                [
                    "ParserError",
                    "NotImplemented",
                    "ObjectNotFound",
                    "InvalidArgument",
                    "InvalidOperation",
                    "InvalidData",
                    "OperationStopped",
                    "WriteError",
                    "NotSpecified",
                    "ResourceUnavailable",
                    "InvalidType"
                ]
                .contains(&category),
                "{line}: {}",
                r.text
            );
        }
    }
    assert!(parsed >= 80 && refused >= 20, "parsed {parsed}, refused {refused}");
}

#[test]
fn targeted_parses() {
    let one = |s: &str| parse(s).unwrap().remove(0);
    let p = one("Get-MsolUser 2>&1 | Out-Null");
    assert!(p.commands[0].elements.is_empty());
    assert_eq!((p.commands[0].redirects[0].from, p.commands[0].redirects[0].merge), (2, Some(1)));
    let p = one("Get-MsolUser > $null");
    assert!(
        p.commands[0].elements.is_empty()
            && p.commands[0].redirects[0].target.as_ref().unwrap().kind == ValueKind::Null
    );
    let p = one("New-MsolDomain @p -Force");
    assert!(matches!(&p.commands[0].elements[0], Element::Splat(n, _) if n == "p"));
    let p = one("(Get-MsolDomain).Name");
    assert!(
        matches!(&p.expr.as_ref().unwrap().kind, ValueKind::Member(t, n) if n == "Name" && matches!(t.kind, ValueKind::Paren(_)))
    );
    let p = one("$d[-1]");
    assert!(matches!(&p.expr.as_ref().unwrap().kind, ValueKind::Index(..)));
    let p = one("Where-Object IsLicensed -eq $true");
    assert!(matches!(&p.commands[0].elements[1], Element::Param { name, .. } if name == "eq"));
    let p = one("$x = 1 + 2 * 3 -eq 7 -and -not $false");
    assert!(matches!(&p.expr.as_ref().unwrap().kind, ValueKind::Binary(op, ..) if op == "and"));
    assert_eq!(parse("a && b").unwrap_err().id, "InvalidEndOfLine");
    assert!(parse(&"(".repeat(500)).is_err(), "deep nesting is refused, not a stack overflow");
    assert!(parse(&"!".repeat(500)).is_err());
}

#[test]
fn assignments_here_strings_numbers_and_programs() {
    let (mut c, mut t) = connected();
    assert_eq!(out(&mut c, &mut t, "$a = $b = 2; $a + $b"), "4\n");
    assert!(out(&mut c, &mut t, "$i, $j = 1, 2").contains("Assigning to several variables at once"));
    assert!(out(&mut c, &mut t, "'x' = 1").contains("The assignment expression is not valid."));
    let o = out(&mut c, &mut t, "$n = 'Pat'\n@\"\nHello $n,\n  the domain is $((Get-MsolDomain)[0].Name).\n\"@");
    assert!(o.ends_with(">> \"@\nHello Pat,\n  the domain is contoso.onmicrosoft.com.\n"), "{o}");
    let o = out(&mut c, &mut t, "@'\nno $expansion here\n'@");
    assert!(o.ends_with(">> '@\nno $expansion here\n"), "{o}");
    assert!(out(&mut c, &mut t, "@' text").contains("No characters are allowed after a here-string header"));
    assert_eq!(
        out(&mut c, &mut t, "6.022e23; 1kb; 0x1F; 1.5 * 2; 1 / 3"),
        "6.022E+23\n1024\n31\n3\n0.333333333333333\n"
    );
    let o = out(&mut c, &mut t, "nslookup -type=TXT fabrikam.com");
    assert!(
        o.starts_with("nslookup : nslookup is a program of Windows, but this simulator does not support it"),
        "{o}"
    );
    assert!(out(&mut c, &mut t, "git status").contains("is not recognized"), "not a part of Windows");
    // As deep as the parser allows still runs within a test thread's stack.
    let deep = format!("{}1{}", "(".repeat(23), ")".repeat(23));
    assert_eq!(out(&mut c, &mut t, &deep), "1\n");
    let deep = format!("{}1{}", "$(".repeat(23), ")".repeat(23));
    assert_eq!(out(&mut c, &mut t, &deep), "1\n");
    let deep = format!("{}1{}", "& { ".repeat(23), " }".repeat(23));
    assert_eq!(out(&mut c, &mut t, &deep), "1\n");
}
