//! Native tests of the PowerShell console running against the simulation
//! (`sim::console_host`): every cmdlet the seed and the facts file name,
//! acting on the same world as the admin pages, with PowerShell-shaped
//! output and errors.
#![cfg(not(target_arch = "wasm32"))]

use rms_sim::sim::console::host::{SimHost, connect};
use rms_sim::sim::powershell::{Console, RunResult};
use rms_sim::sim::*;

const JANET: &str = "janetm@contoso.com";
const JANET_PW: &str = "Contoso-2016!";
const LEE: &str = "admin@litwareinc.com";
const LEE_PW: &str = "Litware-2016!";

struct Session {
    w: World,
    rng: SeededRandom,
    c: Console,
}

impl Session {
    fn new(preset: Preset) -> Session {
        let mut rng = SeededRandom::new(42);
        let w = World::load(preset, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
        Session { w, rng, c: Console::new() }
    }

    fn run(&mut self, line: &str) -> RunResult {
        let mut host = SimHost { world: &mut self.w, rng: &mut self.rng };
        self.c.run(line, &mut host)
    }

    /// Runs a line and returns its output without the echoed prompt line.
    fn out(&mut self, line: &str) -> String {
        let r = self.run(line);
        assert!(r.credential_prompt.is_none(), "{line} asked for credentials");
        r.text.split_once('\n').map(|(_, rest)| rest.to_string()).unwrap_or_default()
    }

    /// `Connect-MsolService` (or `Connect-MgGraph`) with the dialog filled in.
    fn connect(&mut self, cmdlet: &str, email: &str, password: &str) -> String {
        let r = self.run(cmdlet);
        assert_eq!(
            r.credential_prompt,
            Some(if cmdlet.starts_with("Connect-Mg") { "Connect-MgGraph" } else { "Connect-MsolService" }),
            "{r:?}"
        );
        let outcome = connect(&mut self.w, r.credential_prompt.unwrap(), email, password);
        let mut host = SimHost { world: &mut self.w, rng: &mut self.rng };
        self.c.resume(&mut host, outcome).text
    }

    fn advance_an_hour(&mut self) {
        self.w.advance_clock("1", TimeUnit::Hours).unwrap();
    }
}

#[test]
fn msol_cmdlets_need_a_connection_first() {
    let mut s = Session::new(Preset::Default);
    let out = s.out("Get-MsolAccountSku");
    assert!(
        out.starts_with(
            "Get-MsolAccountSku : You must call the Connect-MsolService cmdlet before calling any other cmdlets."
        ),
        "{out}"
    );
    assert!(
        out.contains("+ CategoryInfo          : OperationStopped: (:) [Get-MsolAccountSku], MicrosoftOnlineException"),
        "{out}"
    );
    assert!(out.contains("+ FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.MicrosoftOnlineException,Microsoft.Online.Administration.Automation.GetAccountSku"), "{out}");
    assert!(s.out("Set-MsolCompanySettings -AllowAdHocSubscriptions $false").contains("Connect-MsolService"));
    assert!(s.w.tenant_of_domain("contoso.com").unwrap().settings.allow_ad_hoc_subscriptions, "nothing changed");
}

#[test]
fn only_a_global_admin_of_a_managed_tenant_connects() {
    let mut s = Session::new(Preset::FabrikamSignedUp);
    let out = s.connect("Connect-MsolService", "p.dover@fabrikam.com", "Fabrikam-2016!");
    assert!(out.contains("Connect-MsolService : Access Denied."), "{out}");
    assert!(out.contains("unmanaged directory"), "{out}");
    let out = s.connect("Connect-MsolService", JANET, "nope");
    assert!(out.contains("Authentication Error"), "{out}");
    let out = s.connect("Connect-MsolService", JANET, JANET_PW);
    assert!(!out.contains(" : "), "a successful connection prints nothing: {out}");
    assert_eq!(s.w.console_admin(ConsoleService::MsOnline).unwrap().as_str(), JANET);
    assert!(s.w.session_on(SHARED_BROWSER).is_none());
}

#[test]
fn get_msolaccountsku_shows_the_adhoc_pool_in_the_documented_table() {
    let mut s = Session::new(Preset::FabrikamSignedUp);
    // Contoso takes over fabrikam.com through the console.
    s.connect("Connect-MsolService", JANET, JANET_PW);
    let out = s.out("New-MsolDomain –Name fabrikam.com");
    assert!(out.contains("fabrikam.com") && out.contains("Unverified"), "{out}");
    let out = s.out("Get-MsolDomainVerificationDns –DomainName fabrikam.com –Mode DnsTxtRecord");
    let txt = out
        .lines()
        .find_map(|l| l.strip_prefix("Text").map(|r| r.trim_start_matches([' ', ':']).trim().to_string()))
        .expect(&out);
    assert!(txt.starts_with("MS=ms"), "{out}");
    let out = s.out("Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force");
    assert!(
        out.contains("Confirm-MsolDomain : Unable to verify the domain.") && out.contains("no TXT or MX record"),
        "{out}"
    );
    s.w.add_dns_record("fabrikam.com", RecordType::Txt, &txt, &mut s.rng).unwrap();
    s.advance_an_hour();
    let out = s.out("Confirm-MsolDomain -DomainName fabrikam.com");
    assert!(out.contains("-ForceTakeover Force"), "without ForceTakeover the unmanaged tenant keeps it: {out}");
    assert_eq!(
        s.out("Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force"),
        "",
        "a successful challenge returns to the prompt without output"
    );
    let out = s.out("Get-MsolAccountSku");
    assert_eq!(
        out,
        "\nAccountSkuId                     ActiveUnits WarningUnits ConsumedUnits\n\
         ------------                     ----------- ------------ -------------\n\
         contoso:ENTERPRISEPACK           25          0            1\n\
         contoso:RIGHTSMANAGEMENT_ADHOC   50000       0            2\n\n\n"
            .replace("\n\n\n", "\n\n"),
        "got:\n{out}"
    );
    let out = s.out("Get-MsolDomain");
    assert!(out.lines().any(|l| l.starts_with("fabrikam.com") && l.contains("Verified")), "{out}");
    let out = s.out("Get-MsolUser -DomainName fabrikam.com");
    assert!(out.contains("p.dover@fabrikam.com") && out.contains("r.ortiz@fabrikam.com"), "{out}");
    assert!(out.contains("UserPrincipalName") && out.contains("isLicensed"), "{out}");
}

#[test]
fn set_msolcompanysettings_blocks_signup_at_once() {
    let mut s = Session::new(Preset::Default);
    s.connect("Connect-MsolService", LEE, LEE_PW);
    let out = s.out("Get-MsolCompanyInformation | fl allow*");
    assert_eq!(out.trim(), "AllowAdHocSubscriptions : True\nAllowEmailVerifiedUsers : True", "{out}");
    assert_eq!(s.out("Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -AllowAdHocSubscriptions $true"), "");
    assert!(matches!(
        s.w.start_signup(SHARED_BROWSER, "new@litwareinc.com", &mut s.rng),
        Err(SignupRefusal::NewAccountsNotAllowed { .. })
    ));
    assert_eq!(s.out("Set-MsolCompanySettings -AllowAdHocSubscriptions $false"), "");
    let e = s.w.start_signup(SHARED_BROWSER, "other@litwareinc.com", &mut s.rng).unwrap_err();
    assert!(e.to_string().contains("Your IT department has turned off signup"));
    let out = s.out("Get-MsolCompanyInformation | Format-List AllowAdHocSubscriptions");
    assert_eq!(out.trim(), "AllowAdHocSubscriptions : False");
    // A bad value changes nothing and says what PowerShell says.
    let out = s.out("Set-MsolCompanySettings -AllowAdHocSubscriptions yes");
    assert!(out.contains("Boolean parameters accept only Boolean values and numbers"), "{out}");
    assert!(!s.w.tenant_of_domain("litwareinc.com").unwrap().settings.allow_ad_hoc_subscriptions);
    let events = s
        .w
        .log
        .events
        .iter()
        .filter(
            |e| matches!(&e.kind, EventKind::CompanySettingsChanged { via, .. } if *via == SettingsVia::SetMsolCompanySettings),
        )
        .count();
    assert_eq!(events, 2);
}

#[test]
fn graph_authorization_policy_reads_and_writes_the_same_settings() {
    let mut s = Session::new(Preset::Default);
    let out = s.out("Get-MgPolicyAuthorizationPolicy");
    assert!(out.contains("Connect-MgGraph"), "{out}");
    s.connect("Connect-MgGraph -Scopes Policy.ReadWrite.Authorization", LEE, LEE_PW);
    // The 2016 console had no Graph cmdlets: each says it is later behaviour.
    let out = s.out("Update-MgPolicyAuthorizationPolicy -BodyParameter @{allowedToSignUpEmailBasedSubscriptions=$true; allowEmailVerifiedUsersToJoinOrganization=$false}");
    assert!(
        out.starts_with(
            "Later behaviour: Update-MgPolicyAuthorizationPolicy is part of Microsoft Graph PowerShell (2020 and later)"
        ) && out.lines().count() == 1,
        "{out}"
    );
    let out = s.out("Get-MgPolicyAuthorizationPolicy | Select-Object AllowedToSignUpEmailBasedSubscriptions, AllowEmailVerifiedUsersToJoinOrganization");
    assert!(out.contains("AllowedToSignUpEmailBasedSubscriptions AllowEmailVerifiedUsersToJoinOrganization"), "{out}");
    assert!(out.lines().any(|l| l.trim_start().starts_with("True") && l.trim_end().ends_with("False")), "{out}");
    let t = s.w.tenant_of_domain("litwareinc.com").unwrap();
    assert!(t.settings.allow_ad_hoc_subscriptions && !t.settings.allow_email_verified_users);
    let out = s.out("Update-MgPolicyAuthorizationPolicy -BodyParameter @{allowedToSignUpEmailBasedSubscriptions='no'}");
    assert!(out.contains("Boolean"), "{out}");
    let out = s.out("Update-MgPolicyAuthorizationPolicy -BodyParameter @{somethingElse=$true}");
    assert!(out.contains("somethingElse"), "{out}");
    // MSOnline sees the same settings (after its own connection).
    s.connect("Connect-MsolService", LEE, LEE_PW);
    assert_eq!(
        s.out("Get-MsolCompanyInformation | fl AllowEmailVerifiedUsers").trim(),
        "AllowEmailVerifiedUsers : False"
    );
}

#[test]
fn users_can_be_blocked_and_removed_from_the_console() {
    // Litware's admin takes over fabrikam.com first, so they are its users.
    let mut s = litware_owns_fabrikam();
    assert_eq!(s.out("Set-MsolUser -UserPrincipalName r.ortiz@fabrikam.com -BlockCredential $true"), "");
    assert!(s.w.sign_in(SHARED_BROWSER, "r.ortiz@fabrikam.com", "Fabrikam-2016!").is_err());
    let out = s.out("Get-MsolUser -UserPrincipalName r.ortiz@fabrikam.com | fl BlockCredential");
    assert_eq!(out.trim(), "BlockCredential : True");
    let out = s.out("Remove-MsolUser -UserPrincipalName p.dover@fabrikam.com");
    assert!(out.contains("-Force"), "{out}");
    assert!(s.w.user(&Email::parse("p.dover@fabrikam.com").unwrap()).is_some(), "nothing deleted without -Force");
    assert_eq!(s.out("Remove-MsolUser -UserPrincipalName p.dover@fabrikam.com -Force"), "");
    assert!(s.w.user(&Email::parse("p.dover@fabrikam.com").unwrap()).is_none());
    let out = s.out("Get-MsolUser -UserPrincipalName p.dover@fabrikam.com");
    assert!(out.contains("User Not Found.  User: p.dover@fabrikam.com."), "{out}");
    assert!(out.contains("UserNotFoundException,Microsoft.Online.Administration.Automation.GetUser"), "{out}");
    let out = s.out("Set-MsolUser -UserPrincipalName janetm@contoso.com -BlockCredential $true");
    assert!(out.contains("another organization"), "{out}");
    assert_eq!(s.out("Set-MsolDirSyncEnabled -EnableDirSync $true -Force"), "");
    assert!(s.out("Get-MsolCompanyInformation | fl DirectorySynchronizationEnabled").contains("True"));
}

#[test]
fn domain_errors_are_shaped_like_msonline() {
    let mut s = Session::new(Preset::Default);
    s.connect("Connect-MsolService", JANET, JANET_PW);
    let out = s.out("Confirm-MsolDomain -DomainName contoso.co.uk");
    assert!(out.contains("DomainNotFoundException,Microsoft.Online.Administration.Automation.ConfirmDomain"), "{out}");
    let out = s.out("New-MsolDomain -Name litwareinc.com");
    assert!(out.contains("another managed organization"), "{out}");
    let out = s.out("Get-MsolDomain -DomainName nowhere.com");
    assert!(out.contains("Domain not found."), "{out}");
    let out = s.out("Get-MsolDomain -Status Verified");
    assert!(out.contains("contoso.com") && out.contains("contoso.onmicrosoft.com"), "{out}");
    let out = s.out("Get-MsolDomainVerificationDns -DomainName contoso.com");
    assert!(out.contains("already in your tenant"), "{out}");
    s.out("New-MsolDomain -Name contoso.co.uk");
    let out = s.out("Get-MsolDomainVerificationDns -DomainName contoso.co.uk -Mode DnsMXRecord");
    assert!(out.contains("MailExchange") && out.contains(".msv1.invalid"), "{out}");
    let out = s.out("Get-MsolDomain -Status Unverified");
    assert!(out.contains("contoso.co.uk") && !out.contains("contoso.com "), "{out}");
}

/// Litware's admin adds fabrikam.com in the console and publishes its TXT
/// record; an hour later it can be verified. Returns the unmanaged tenant.
fn litware_claims_fabrikam() -> (Session, String) {
    let mut s = Session::new(Preset::FabrikamSignedUp);
    let fab = s.w.tenant_of_domain("fabrikam.com").unwrap().id.clone();
    s.connect("Connect-MsolService", LEE, LEE_PW);
    s.out("New-MsolDomain -Name fabrikam.com");
    let admin = Email::parse(LEE).unwrap();
    let txt = s.w.verification_record(&admin, "fabrikam.com").unwrap().txt;
    s.w.add_dns_record("fabrikam.com", RecordType::Txt, &txt, &mut s.rng).unwrap();
    s.advance_an_hour();
    (s, fab)
}

/// The same, verified with -ForceTakeover: Litware owns fabrikam.com and its
/// users, and the console is connected as Litware's admin.
fn litware_owns_fabrikam() -> Session {
    let (mut s, _) = litware_claims_fabrikam();
    assert_eq!(s.out("Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force"), "");
    s
}

#[test]
fn confirm_msol_email_verified_domain_is_a_takeover_without_the_forced_deletion() {
    let (mut s, fab) = litware_claims_fabrikam();
    assert_eq!(s.out("Confirm-MsolEmailVerifiedDomain -DomainName fabrikam.com"), "");
    assert_eq!(s.w.tenant_of_domain("fabrikam.com").unwrap().display_name, "Litware, Inc.");
    assert_eq!(s.w.directory.tenants[&fab].deletion_at, None, "not forced: not scheduled for deletion");
}

#[test]
fn confirm_msol_domain_with_force_takeover_schedules_the_deletion() {
    let (mut s, fab) = litware_claims_fabrikam();
    let out = s.out("Confirm-MsolDomain -DomainName fabrikam.com");
    assert!(!out.is_empty(), "refused without -ForceTakeover");
    assert_eq!(s.out("Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force"), "");
    assert!(s.w.directory.tenants[&fab].deletion_at.is_some());
}

#[test]
fn get_credential_opens_the_same_dialog_and_connect_msolservice_signs_in_with_it() {
    let mut s = Session::new(Preset::Default);
    let r = s.run("$cred = Get-Credential");
    assert_eq!(r.credential_prompt, Some("Get-Credential"));
    // The dialog's "Sign in": Get-Credential takes what was typed, unchecked.
    let outcome = connect(&mut s.w, "Get-Credential", JANET, JANET_PW);
    assert!(s.w.console_admin(ConsoleService::MsOnline).is_none(), "Get-Credential signs nobody in");
    let mut host = SimHost { world: &mut s.w, rng: &mut s.rng };
    assert_eq!(s.c.resume(&mut host, outcome).text, "");
    assert!(s.out("$cred").contains("janetm@contoso.com System.Security.SecureString"));
    assert_eq!(s.out("Connect-MsolService -Credential $cred"), "");
    assert_eq!(s.w.console_admin(ConsoleService::MsOnline).unwrap().as_str(), JANET);
    assert!(s.out("Get-MsolAccountSku").contains("contoso:ENTERPRISEPACK"));
    // A wrong password in the credential fails like the dialog would.
    let r = s.run("Connect-MsolService -Credential (Get-Credential)");
    let outcome = connect(&mut s.w, r.credential_prompt.unwrap(), LEE, "wrong");
    let mut host = SimHost { world: &mut s.w, rng: &mut s.rng };
    let text = s.c.resume(&mut host, outcome).text;
    assert!(text.starts_with("Connect-MsolService : Authentication Error"), "{text}");
    // Canceling Get-Credential's dialog.
    let r = s.run("$c = Get-Credential");
    let canceled = rms_sim::sim::console::host::canceled(r.credential_prompt.unwrap());
    let mut host = SimHost { world: &mut s.w, rng: &mut s.rng };
    let text = s.c.resume(&mut host, Err(canceled)).text;
    assert!(text.contains("CouldNotPromptForCredential,Microsoft.PowerShell.Commands.GetCredentialCommand"), "{text}");
}

#[test]
fn exit_closes_the_connections() {
    let mut s = Session::new(Preset::Default);
    s.connect("Connect-MsolService", JANET, JANET_PW);
    assert!(s.out("exit").starts_with("exit: Windows PowerShell would close this window now."));
    assert!(s.w.console_admin(ConsoleService::MsOnline).is_none());
    assert!(s.out("Get-MsolUser").contains("You must call the Connect-MsolService cmdlet"));
}

#[test]
fn get_msoluser_filters_and_limits_as_documented() {
    let mut s = litware_owns_fabrikam();
    let upns = |s: &mut Session, line: &str| {
        s.out(&format!("{line} | ForEach-Object {{ $_.UserPrincipalName }}"))
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(upns(&mut s, "Get-MsolUser").len(), 3);
    assert_eq!(
        upns(&mut s, "Get-MsolUser | Where-Object { $_.UserPrincipalName -like '*fabrikam*' }"),
        ["p.dover@fabrikam.com", "r.ortiz@fabrikam.com"]
    );
    assert!(upns(&mut s, "Get-MsolUser -UnlicensedUsersOnly").is_empty(), "everyone here has a license");
    assert_eq!(upns(&mut s, "Get-MsolUser -SearchString r.Or"), ["r.ortiz@fabrikam.com"]);
    assert_eq!(upns(&mut s, "Get-MsolUser -MaxResults 1").len(), 1);
    assert_eq!(upns(&mut s, "Get-MsolUser -All -DomainName fabrikam.com").len(), 2);
    s.out("Set-MsolUser -UserPrincipalName r.ortiz@fabrikam.com -BlockCredential $true");
    assert_eq!(upns(&mut s, "Get-MsolUser -EnabledFilter DisabledOnly"), ["r.ortiz@fabrikam.com"]);
    assert_eq!(upns(&mut s, "Get-MsolUser -EnabledFilter enabledonly").len(), 2);
    assert!(upns(&mut s, "Get-MsolUser -City Paris").is_empty(), "the simulator's users have no city");
    let id = s.out("(Get-MsolUser -UserPrincipalName p.dover@fabrikam.com).ObjectId").trim().to_string();
    assert_eq!(upns(&mut s, &format!("Get-MsolUser -ObjectId {id}")), ["p.dover@fabrikam.com"]);
    assert!(
        s.out("Get-MsolUser -All -MaxResults 5")
            .contains("AmbiguousParameterSet,Microsoft.Online.Administration.Automation.GetUser")
    );
    assert!(s.out("Get-MsolUser -UserPrincipalName a@b.c -All").contains("AmbiguousParameterSet"));
    assert!(
        s.out("Get-MsolUser -EnabledFilter Some")
            .contains("Specify one of the following enumerator names and try again: All, EnabledOnly, DisabledOnly")
    );
    assert!(s.out("Get-MsolUser -ReturnDeletedUsers").starts_with("WARNING: The simulator has no recycle bin"));

    // 501 users: without -All or -MaxResults, 500 and a warning.
    let t = s.w.tenant_of_domain("litwareinc.com").unwrap().id.clone();
    let template = s.w.directory.tenants[&t].users.values().next().unwrap().clone();
    for i in 0..498 {
        let upn = Email::parse(&format!("user{i:03}@litwareinc.com")).unwrap();
        let mut u = template.clone();
        u.upn = upn.clone();
        u.licenses.clear();
        s.w.directory.tenants.get_mut(&t).unwrap().users.insert(upn, u);
    }
    let out = s.out("Get-MsolUser | Measure-Object | Select-Object -ExpandProperty Count");
    assert_eq!(
        out,
        "WARNING: More results are available. Please specify one of the All or MaxResults parameters.\n500\n"
    );
    assert_eq!(s.out("(Get-MsolUser -All).Count"), "501\n");
    assert_eq!(s.out("(Get-MsolUser -MaxResults 2000).Count"), "501\n");
    assert_eq!(s.out("(Get-MsolUser -WarningAction SilentlyContinue).Count"), "500\n");
    assert_eq!(s.out("(Get-MsolUser 3>$null).Count"), "500\n");
    assert_eq!(s.out("(Get-MsolUser -UnlicensedUsersOnly -All).Count"), "498\n");
    assert_eq!(s.out("(Get-MsolUser -All | Where-Object isLicensed -eq $false).Count"), "498\n");
}

/// Fabrikam taken over by Pat and converted to paid (so it has Azure RMS's paid features).
fn fabrikam_paid() -> Session {
    let mut s = Session::new(Preset::FabrikamSignedUp);
    let pat = Email::parse("p.dover@fabrikam.com").unwrap();
    let c = s.w.become_admin_start(&pat, &mut s.rng).unwrap();
    s.w.add_dns_record("fabrikam.com", RecordType::Txt, &c.txt, &mut s.rng).unwrap();
    s.advance_an_hour();
    s.w.become_admin_confirm(&pat).unwrap();
    s.w.convert_to_paid(&pat).unwrap();
    s
}

#[test]
fn the_aadrm_cmdlets_manage_super_users_and_download_the_logs() {
    let mut s = fabrikam_paid();
    let out = s.out("Get-AadrmSuperUser");
    assert!(out.contains("You must call the Connect-AadrmService cmdlet"), "{out}");
    // Connect-MsolService is not enough: the AADRM module has its own connection.
    s.connect("Connect-MsolService", "p.dover@fabrikam.com", "Fabrikam-2016!");
    assert!(s.out("Get-AadrmSuperUserFeature").contains("Connect-AadrmService"));
    let r = s.run("Connect-AadrmService");
    assert_eq!(r.credential_prompt, Some("Connect-AadrmService"));
    let outcome = connect(&mut s.w, "Connect-AadrmService", "p.dover@fabrikam.com", "Fabrikam-2016!");
    let mut host = SimHost { world: &mut s.w, rng: &mut s.rng };
    s.c.resume(&mut host, outcome);
    assert!(s.w.console_admin(ConsoleService::Aadrm).is_some());

    assert_eq!(s.out("Get-AadrmSuperUserFeature").trim(), "Disabled");
    let out = s.out("Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com");
    assert!(
        out.starts_with("WARNING: r.ortiz@fabrikam.com is a super user, but the super user feature is disabled"),
        "{out}"
    );
    assert_eq!(s.out("Enable-AadrmSuperUserFeature").trim(), "The super user feature is enabled.");
    assert!(s.out("Enable-AadrmSuperUserFeature").starts_with("WARNING: The super user feature is already enabled."));
    assert_eq!(s.out("Get-AadrmSuperUserFeature").trim(), "Enabled");
    assert_eq!(s.out("Get-AadrmSuperUser").trim(), "r.ortiz@fabrikam.com");
    assert_eq!(s.out("(Get-AadrmSuperUser).Count").trim(), "1", "strings, as the real cmdlet returns");
    let out = s.out("Add-AadrmSuperUser -EmailAddress janetm@contoso.com");
    assert!(out.contains("belongs to another organization"), "{out}");
    assert!(s.w.is_super_user(
        &s.w.tenant_of_domain("fabrikam.com").unwrap().id.clone(),
        &Email::parse("r.ortiz@fabrikam.com").unwrap()
    ));
    let out = s.out("Remove-AadrmSuperUser -EmailAddress nobody@fabrikam.com");
    assert!(out.contains("isn't a super user"), "{out}");

    // The admin log has each action; the usage log is downloaded for a day.
    let out = s.out("Get-AadrmAdminLog -Path C:\\Temp\\admin.log");
    assert!(out.starts_with("Saved 2 entries to C:\\Temp\\admin.log."), "{out}");
    assert!(
        out.contains("Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com")
            && out.contains("Enable-AadrmSuperUserFeature")
    );
    let out = s.out("Get-AadrmUserLog -Path C:\\Logs -ForDate 5/2/2016");
    assert!(out.contains("C:\\Logs\\rmslog-2016-05-02.log") && out.contains("#Software: RMS"), "{out}");
    assert!(!out.contains("WARNING"), "{out}");
    let pat = Email::parse("p.dover@fabrikam.com").unwrap();
    s.w.set_usage_logging(&pat, false).unwrap();
    let out = s.out("Get-AadrmUserLog -Path C:\\Logs -ForDate 2016-05-02");
    assert!(out.starts_with("WARNING: Usage logging is turned off"), "{out}");
    let out = s.out("Get-AadrmUserLog -Path C:\\Logs -ForDate yesterday");
    assert!(out.contains("Cannot convert value \"yesterday\""), "{out}");
    // Get-Help -Examples knows them.
    assert!(
        s.out("Get-Help Add-AadrmSuperUser -Examples")
            .contains("Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com")
    );
}

#[test]
fn the_aadrm_cmdlets_need_a_paid_subscription() {
    let mut s = Session::new(Preset::Default);
    let r = s.run("Connect-AadrmService");
    let outcome = connect(&mut s.w, r.credential_prompt.unwrap(), LEE, LEE_PW);
    let mut host = SimHost { world: &mut s.w, rng: &mut s.rng };
    s.c.resume(&mut host, outcome);
    let out = s.out("Get-AadrmSuperUser");
    assert!(out.contains("paid subscription that includes Azure Rights Management"), "{out}");
}

#[test]
fn new_msoldomain_refuses_names_that_are_not_host_names() {
    let mut s = Session::new(Preset::Default);
    s.connect("Connect-MsolService", JANET, JANET_PW);
    for (name, says) in [
        ("contoso_eu.com", "can't contain “_”"),
        ("contoso.2016", "can't end in “.2016”"),
        ("10.0.0.7", "IP address"),
        ("contoso.local", "only inside a local network"),
        ("example.org", "reserved for examples"),
        ("shop.test", "reserved for testing"),
    ] {
        let out = s.out(&format!("New-MsolDomain -Name {name}"));
        assert!(out.starts_with("New-MsolDomain : ") && out.contains(says), "{name}: {out}");
        assert!(!s.out("Get-MsolDomain").contains(name), "{name} was not added");
    }
}
