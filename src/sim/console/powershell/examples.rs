//! The EXAMPLES section of each command's help (`Get-Help <cmdlet>
//! -Examples`): the MSOnline reference's examples, adapted to the
//! simulator's organizations (contoso.com, litwareinc.com, fabrikam.com).

/// One example: its title, the command line(s) and what it does.
pub struct Example {
    pub title: &'static str,
    pub code: &'static str,
    pub remarks: &'static str,
}

const fn ex(title: &'static str, code: &'static str, remarks: &'static str) -> Example {
    Example { title, code, remarks }
}

/// The examples of a command, by canonical name.
pub fn examples(name: &str) -> &'static [Example] {
    EXAMPLES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map_or(&[], |(_, e)| e)
}

pub static EXAMPLES: &[(&str, &[Example])] = &[
    (
        "Connect-MsolService",
        &[
            ex(
                "Connect to Azure Active Directory",
                "Connect-MsolService",
                "This command opens a sign-in dialog box. Sign in with the account of a global administrator, for example janetm@contoso.com. Every other MSOnline cmdlet needs this connection.",
            ),
            ex(
                "Connect with a credential object",
                "$cred = Get-Credential\nConnect-MsolService -Credential $cred",
                "The first command asks for a user name and password and stores them in the $cred variable. The second command connects with them, without a dialog box.",
            ),
        ],
    ),
    (
        "Get-MsolAccountSku",
        &[ex(
            "Get the SKUs of the company",
            "Get-MsolAccountSku",
            "This command returns the SKUs (subscriptions) the company owns. When users of the company signed up for RMS for individuals, RIGHTSMANAGEMENT_ADHOC is listed with 50000 active units.",
        )],
    ),
    (
        "Get-MsolCompanyInformation",
        &[
            ex(
                "Get company information",
                "Get-MsolCompanyInformation",
                "This command gets company-level information for the company you are connected to.",
            ),
            ex(
                "See whether self-service sign-up is allowed",
                "Get-MsolCompanyInformation | Format-List Allow*",
                "This command shows AllowAdHocSubscriptions and AllowEmailVerifiedUsers, the two settings that control self-service sign-up.",
            ),
        ],
    ),
    (
        "Set-MsolCompanySettings",
        &[
            ex(
                "Turn off self-service sign-up",
                "Set-MsolCompanySettings -AllowAdHocSubscriptions $false",
                "This command stops users from signing up for email-verified subscriptions, such as RMS for individuals, for the whole company.",
            ),
            ex(
                "Stop users from joining by email verification",
                "Set-MsolCompanySettings -AllowEmailVerifiedUsers $false",
                "This command stops users from joining the company by verifying their email address.",
            ),
        ],
    ),
    (
        "Get-MsolDomain",
        &[
            ex("Get all domains", "Get-MsolDomain", "This command gets all the domains of the company."),
            ex("Get a domain", "Get-MsolDomain -DomainName contoso.com", "This command gets the domain contoso.com."),
            ex(
                "Get the domains that wait for verification",
                "Get-MsolDomain -Status Unverified",
                "This command gets the domains that were added but not verified yet.",
            ),
        ],
    ),
    (
        "New-MsolDomain",
        &[ex(
            "Add a domain",
            "New-MsolDomain -Name fabrikam.com",
            "This command adds the domain fabrikam.com to the company. It is unverified until Confirm-MsolDomain finds its DNS record.",
        )],
    ),
    (
        "Get-MsolDomainVerificationDns",
        &[ex(
            "Get the TXT record that verifies a domain",
            "Get-MsolDomainVerificationDns -DomainName fabrikam.com -Mode DnsTxtRecord",
            "This command gets the TXT record (MS=ms…) to publish in the DNS zone of fabrikam.com to prove that you own it.",
        )],
    ),
    (
        "Confirm-MsolDomain",
        &[
            ex(
                "Verify a domain",
                "Confirm-MsolDomain -DomainName fabrikam.com",
                "This command verifies fabrikam.com once its DNS record is published. A successful challenge returns you to the prompt without an error.",
            ),
            ex(
                "Take a domain over from an unmanaged directory",
                "Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force",
                "This command verifies fabrikam.com and moves it, with its users and subscriptions, from the unmanaged directory that self-service sign-up created: an external admin takeover.",
            ),
        ],
    ),
    (
        "Confirm-MsolEmailVerifiedDomain",
        &[ex(
            "Confirm a domain of an unmanaged directory",
            "Confirm-MsolEmailVerifiedDomain -DomainName fabrikam.com",
            "This command confirms that you own fabrikam.com, a domain that self-service sign-up verified by email.",
        )],
    ),
    (
        "Get-MsolUser",
        &[
            ex(
                "Get all users",
                "Get-MsolUser",
                "This command retrieves all users in the company. It displays up to the default value of 500 results.",
            ),
            ex(
                "Get enabled users",
                "Get-MsolUser -EnabledFilter EnabledOnly -MaxResults 2000",
                "This command gets up to 2000 enabled users.",
            ),
            ex(
                "Get a user by UPN",
                "Get-MsolUser -UserPrincipalName \"janetm@contoso.com\"",
                "This command retrieves the user with the UPN janetm@contoso.com.",
            ),
            ex(
                "Get users by search string",
                "Get-MsolUser -SearchString \"Janet\"",
                "This command retrieves a list of users whose display name or email address starts with Janet.",
            ),
            ex(
                "Get the users of a domain who have no license",
                "Get-MsolUser -DomainName fabrikam.com -UnlicensedUsersOnly -All",
                "This command retrieves every user of fabrikam.com who is not assigned a license.",
            ),
        ],
    ),
    (
        "Set-MsolUser",
        &[ex(
            "Block a user's sign-in",
            "Set-MsolUser -UserPrincipalName p.dover@fabrikam.com -BlockCredential $true",
            "This command blocks p.dover@fabrikam.com from signing in.",
        )],
    ),
    (
        "Remove-MsolUser",
        &[ex(
            "Remove a user",
            "Remove-MsolUser -UserPrincipalName p.dover@fabrikam.com -Force",
            "This command removes the user p.dover@fabrikam.com without asking for confirmation.",
        )],
    ),
    (
        "Set-MsolDirSyncEnabled",
        &[ex(
            "Turn on directory synchronization",
            "Set-MsolDirSyncEnabled -EnableDirSync $true -Force",
            "This command turns on directory synchronization for the company.",
        )],
    ),
    (
        "Connect-AadrmService",
        &[ex(
            "Connect to the Azure Rights Management service",
            "Connect-AadrmService",
            "This command opens a sign-in dialog box. Sign in with a global administrator's account, for example p.dover@fabrikam.com after Fabrikam's takeover.",
        )],
    ),
    (
        "Get-AadrmSuperUserFeature",
        &[ex(
            "See whether super users are enabled",
            "Get-AadrmSuperUserFeature",
            "This command returns Enabled or Disabled.",
        )],
    ),
    (
        "Enable-AadrmSuperUserFeature",
        &[ex(
            "Enable the super user feature",
            "Enable-AadrmSuperUserFeature",
            "This command enables the super user feature for the organization.",
        )],
    ),
    (
        "Disable-AadrmSuperUserFeature",
        &[ex(
            "Disable the super user feature",
            "Disable-AadrmSuperUserFeature",
            "This command disables the super user feature.",
        )],
    ),
    (
        "Add-AadrmSuperUser",
        &[ex(
            "Make a user a super user",
            "Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com",
            "This command makes r.ortiz@fabrikam.com a super user of the organization.",
        )],
    ),
    (
        "Remove-AadrmSuperUser",
        &[ex(
            "Remove a super user",
            "Remove-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com",
            "This command removes r.ortiz@fabrikam.com from the super users.",
        )],
    ),
    (
        "Get-AadrmSuperUser",
        &[ex(
            "List the super users",
            "Get-AadrmSuperUser",
            "This command lists the email addresses of the super users.",
        )],
    ),
    (
        "Get-AadrmAdminLog",
        &[ex(
            "Save the admin log",
            "Get-AadrmAdminLog -Path \"C:\\Temp\\AdminLog.log\"",
            "This command saves the log of administrative actions, such as Enable-AadrmSuperUserFeature and Add-AadrmSuperUser, to C:\\Temp\\AdminLog.log.",
        )],
    ),
    (
        "Get-AadrmUserLog",
        &[ex(
            "Download a day's usage log",
            "Get-AadrmUserLog -Path C:\\Logs -ForDate 5/2/2016",
            "This command downloads the usage log of 2 May 2016 to the folder C:\\Logs.",
        )],
    ),
    (
        "Connect-MgGraph",
        &[ex(
            "Sign in with the scope the authorization policy needs",
            "Connect-MgGraph -Scopes \"Policy.ReadWrite.Authorization\"",
            "This command signs in to Microsoft Graph and asks for permission to read and change the authorization policy.",
        )],
    ),
    (
        "Get-MgPolicyAuthorizationPolicy",
        &[ex(
            "See whether self-service sign-up is allowed",
            "Get-MgPolicyAuthorizationPolicy | Select-Object AllowedToSignUpEmailBasedSubscriptions, AllowEmailVerifiedUsersToJoinOrganization",
            "This command shows the two settings that control self-service sign-up.",
        )],
    ),
    (
        "Update-MgPolicyAuthorizationPolicy",
        &[
            ex(
                "Turn off sign-up for email-based subscriptions",
                "Update-MgPolicyAuthorizationPolicy -BodyParameter @{allowedToSignUpEmailBasedSubscriptions=$false}",
                "This command stops users from signing up for email-based subscriptions such as RMS for individuals.",
            ),
            ex(
                "Stop users from joining by email verification",
                "Update-MgPolicyAuthorizationPolicy -AllowEmailVerifiedUsersToJoinOrganization:$false",
                "This command stops users from joining the tenant by email verification.",
            ),
        ],
    ),
    (
        "Get-Help",
        &[
            ex(
                "See the examples of a cmdlet",
                "Get-Help Get-MsolUser -Examples",
                "This command displays the examples of Get-MsolUser.",
            ),
            ex("List commands by name", "Get-Help *-MsolDomain*", "This command lists the commands whose names match."),
        ],
    ),
    (
        "Get-Command",
        &[
            ex(
                "Get the cmdlets of a module",
                "Get-Command -Module MSOnline",
                "This command gets the MSOnline cmdlets.",
            ),
            ex("Get commands by name", "Get-Command *Msol*User*", "This command gets the commands whose names match."),
        ],
    ),
    (
        "Format-List",
        &[
            ex(
                "Show some properties as a list",
                "Get-MsolCompanyInformation | Format-List Allow*",
                "This command shows the properties whose names start with Allow.",
            ),
            ex(
                "Show every property of a user",
                "Get-MsolUser -UserPrincipalName janetm@contoso.com | fl *",
                "This command shows all the properties of janetm@contoso.com.",
            ),
        ],
    ),
    (
        "Format-Table",
        &[ex(
            "Show some properties as a table",
            "Get-MsolUser | Format-Table UserPrincipalName, BlockCredential -AutoSize",
            "This command shows each user's sign-in name and whether the user is blocked, in columns as wide as the data.",
        )],
    ),
    (
        "Select-Object",
        &[
            ex(
                "Select properties",
                "Get-MsolUser | Select-Object UserPrincipalName, isLicensed",
                "This command makes objects with only the two properties.",
            ),
            ex(
                "Get the values of one property",
                "Get-MsolDomain | Select-Object -ExpandProperty Name",
                "This command outputs the domain names as strings.",
            ),
            ex("Get the first object", "Get-MsolUser | Select-Object -First 1", "This command gets the first user."),
        ],
    ),
    ("Clear-Host", &[ex("Clear the screen", "cls", "This command clears the console window.")]),
    (
        "Import-Module",
        &[ex(
            "Import the MSOnline module",
            "Import-Module MSOnline",
            "This command loads the MSOnline module. In this console it is always loaded.",
        )],
    ),
    (
        "Where-Object",
        &[
            ex(
                "Get the users of a domain",
                "Get-MsolUser | Where-Object { $_.UserPrincipalName -like '*fabrikam*' }",
                "This command gets the users whose sign-in name contains fabrikam. $_ is the current user; -like compares with a wildcard pattern, case-insensitively.",
            ),
            ex(
                "Use the simplified syntax",
                "Get-MsolUser | Where-Object IsLicensed -eq $false",
                "This command gets the users who have no license.",
            ),
            ex(
                "Combine conditions",
                "Get-MsolDomain | ? { $_.Status -eq 'Unverified' -and $_.Name -notlike '*.onmicrosoft.com' }",
                "This command gets the custom domains that are not verified yet.",
            ),
        ],
    ),
    (
        "ForEach-Object",
        &[
            ex(
                "Get a value from each object",
                "Get-MsolUser | ForEach-Object { $_.DisplayName }",
                "This command outputs the display name of each user.",
            ),
            ex("Use the member name", "Get-MsolDomain | % Name", "This command outputs the name of each domain."),
        ],
    ),
    (
        "Sort-Object",
        &[
            ex(
                "Sort users by name",
                "Get-MsolUser | Sort-Object DisplayName",
                "This command sorts the users by display name.",
            ),
            ex(
                "Sort in descending order",
                "Get-MsolUser | Sort-Object UserPrincipalName -Descending",
                "This command sorts the users by sign-in name, from Z to A.",
            ),
        ],
    ),
    (
        "Measure-Object",
        &[
            ex("Count the users", "Get-MsolUser | Measure-Object", "This command counts the users of the company."),
            ex(
                "Get only the count",
                "(Get-MsolUser -DomainName fabrikam.com | Measure-Object).Count",
                "This command outputs the number of users of fabrikam.com.",
            ),
        ],
    ),
    (
        "Out-Null",
        &[ex(
            "Hide the output of a command",
            "New-MsolDomain -Name fabrikam.com | Out-Null",
            "This command adds the domain without displaying it. Errors are still displayed.",
        )],
    ),
    (
        "Get-Credential",
        &[
            ex(
                "Store a credential",
                "$cred = Get-Credential",
                "This command opens a dialog box for a user name and password and stores the credential in $cred.",
            ),
            ex(
                "Connect with the credential you type",
                "Connect-MsolService -Credential (Get-Credential)",
                "This command asks for a credential and connects with it.",
            ),
        ],
    ),
    (
        "Write-Output",
        &[
            ex("Write a string", "Write-Output \"Connected to contoso.com\"", "This command outputs the string."),
            ex("Use the echo alias", "echo a b", "This command outputs two strings, a and b, one per line."),
        ],
    ),
    (
        "Write-Host",
        &[ex(
            "Write to the console",
            "Write-Host \"Checking fabrikam.com...\"",
            "This command writes the text to the console; nothing goes down the pipeline.",
        )],
    ),
];
