//! The cmdlets the console knows: names, aliases, parameters (with types,
//! positions, help) and help text. Static tables only.

/// A parameter's type, which decides how its argument converts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Str,
    Bool,
    Switch,
    /// The .NET type's full name and its enumerator names.
    Enum(&'static str, &'static [&'static str]),
    Hash,
    StrArray,
    Guid,
    Int,
    /// PSCredential: a user name (the sign-in dialog asks for the password),
    /// or a credential object.
    Cred,
}

impl Ty {
    /// The .NET type name, as binding errors say it.
    pub fn net_name(self) -> &'static str {
        match self {
            Ty::Str => "System.String",
            Ty::Bool => "System.Boolean",
            Ty::Switch => "System.Management.Automation.SwitchParameter",
            Ty::Enum(t, _) => t,
            Ty::Hash => "System.Collections.Hashtable",
            Ty::StrArray => "System.String[]",
            Ty::Guid => "System.Guid",
            Ty::Int => "System.Int32",
            Ty::Cred => "System.Management.Automation.PSCredential",
        }
    }

    /// The short name shown in syntax lines and help (`<String>`).
    pub fn short_name(self) -> &'static str {
        let n = self.net_name();
        n.rsplit('.').next().unwrap_or(n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub ty: Ty,
    pub mandatory: bool,
    pub position: Option<u8>,
    /// Takes its value from the property of the same name of pipeline input.
    pub pipeline: bool,
    /// Parameter set (0: all). Parameters of two different sets can't be
    /// used together.
    pub set: u8,
    /// An alias ("" for none): common parameters only.
    pub alias: &'static str,
    pub help: &'static str,
}

const fn p(name: &'static str, ty: Ty, help: &'static str) -> Param {
    Param { name, ty, mandatory: false, position: None, pipeline: false, set: 0, alias: "", help }
}

impl Param {
    const fn req(mut self) -> Self {
        self.mandatory = true;
        self
    }
    const fn pos(mut self, n: u8) -> Self {
        self.position = Some(n);
        self
    }
    const fn pipe(mut self) -> Self {
        self.pipeline = true;
        self
    }
    const fn set(mut self, n: u8) -> Self {
        self.set = n;
        self
    }
}

/// Who runs the cmdlet: the host (the simulation), or the console itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Host,
    Help,
    Command,
    FormatList,
    FormatTable,
    Select,
    Clear,
    Import,
}

#[derive(Debug)]
pub struct Cmdlet {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    pub module: &'static str,
    /// The implementing class, after the comma of FullyQualifiedErrorIds. For
    /// functions, the function's name.
    pub class: &'static str,
    pub synopsis: &'static str,
    pub description: &'static str,
    pub params: &'static [Param],
}

impl Cmdlet {
    /// "Cmdlet", or "Function" for commands implemented as functions.
    pub fn command_type(&self) -> &'static str {
        if self.class.contains('.') { "Cmdlet" } else { "Function" }
    }
}

const ACTION: Ty = Ty::Enum(
    "System.Management.Automation.ActionPreference",
    &["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"],
);

const fn common(name: &'static str, ty: Ty, alias: &'static str) -> Param {
    Param { name, ty, mandatory: false, position: None, pipeline: false, set: 0, alias, help: "" }
}

/// The common parameters every cmdlet takes (they count when a prefix is
/// ambiguous, as in PowerShell).
pub static COMMON: &[Param] = &[
    common("Verbose", Ty::Switch, "vb"),
    common("Debug", Ty::Switch, "db"),
    common("ErrorAction", ACTION, "ea"),
    common("WarningAction", ACTION, "wa"),
    common("InformationAction", ACTION, "infa"),
    common("ErrorVariable", Ty::Str, "ev"),
    common("WarningVariable", Ty::Str, "wv"),
    common("InformationVariable", Ty::Str, "iv"),
    common("OutVariable", Ty::Str, "ov"),
    common("OutBuffer", Ty::Int, "ob"),
    common("PipelineVariable", Ty::Str, "pv"),
];

const MSOL: &str = "MSOnline";
const SIGNINS: &str = "Microsoft.Graph.Identity.SignIns";
const CORE: &str = "Microsoft.PowerShell.Core";
const UTILITY: &str = "Microsoft.PowerShell.Utility";

const TENANT: Param = p(
    "TenantId",
    Ty::Guid,
    "Specifies the unique ID of the tenant on which to perform the operation. The default is the tenant of the current user. This parameter applies only to partner users.",
);
const DOMAIN_STATUS: Ty =
    Ty::Enum("Microsoft.Online.Administration.DomainStatus", &["Unverified", "Verified", "PendingDeletion"]);
const VERIFICATION_MODE: Ty =
    Ty::Enum("Microsoft.Online.Administration.Automation.DomainVerificationMode", &["DnsTxtRecord", "DnsMXRecord"]);
const FORCE_TAKEOVER: Ty = Ty::Enum("Microsoft.Online.Administration.Automation.ForceTakeoverOption", &["Force"]);
const FORCE: Param = p("Force", Ty::Switch, "Forces the command to run without asking for user confirmation.");
const PROPERTY: &str =
    "Specifies the properties to display, in order. Wildcards are permitted: * displays every property.";

const fn msol(
    name: &'static str,
    class: &'static str,
    synopsis: &'static str,
    description: &'static str,
    params: &'static [Param],
) -> Cmdlet {
    Cmdlet { name, aliases: &[], kind: Kind::Host, module: MSOL, class, synopsis, description, params }
}

pub static CMDLETS: &[Cmdlet] = &[
    msol(
        "Connect-MsolService",
        "Microsoft.Online.Administration.Automation.ConnectMsolService",
        "Initiates a connection to Azure Active Directory.",
        "The Connect-MsolService cmdlet connects to Azure Active Directory. Every other MSOnline cmdlet needs this connection. Without a credential, a sign-in dialog box asks for the user name and password of an administrator.",
        &[p(
            "Credential",
            Ty::Cred,
            "Specifies the credential to sign in with. If you omit it, or give only a user name, a dialog box asks for the password.",
        )],
    ),
    msol(
        "Get-MsolAccountSku",
        "Microsoft.Online.Administration.Automation.GetAccountSku",
        "Returns all the SKUs for a company.",
        "The Get-MsolAccountSku cmdlet returns the SKUs (subscriptions) the company owns: for each, the number of units bought (ActiveUnits), in a warning state (WarningUnits) and assigned to users (ConsumedUnits).",
        &[],
    ),
    msol(
        "Get-MsolCompanyInformation",
        "Microsoft.Online.Administration.Automation.GetCompanyInformation",
        "Gets company-level information.",
        "The Get-MsolCompanyInformation cmdlet gets company-level information: the display name, the technical contact, whether directory synchronization is on, and the company settings, among them AllowAdHocSubscriptions and AllowEmailVerifiedUsers, which control self-service sign-up.",
        &[],
    ),
    msol(
        "Set-MsolCompanySettings",
        "Microsoft.Online.Administration.Automation.SetCompanySettings",
        "Sets company-level configuration settings.",
        "The Set-MsolCompanySettings cmdlet sets company-level configuration settings. Use Get-MsolCompanyInformation to read the current values.",
        &[
            p(
                "AllowAdHocSubscriptions",
                Ty::Bool,
                "Indicates whether users can sign up for email-verified (ad hoc) subscriptions, such as RMS for individuals.",
            ),
            p(
                "AllowEmailVerifiedUsers",
                Ty::Bool,
                "Indicates whether users can join the company by verifying their email address (self-service sign-up).",
            ),
            p(
                "SelfServePasswordResetEnabled",
                Ty::Bool,
                "Indicates whether users can reset their own password.",
            ),
            p(
                "UsersPermissionToCreateGroupsEnabled",
                Ty::Bool,
                "Indicates whether users can create security groups.",
            ),
            p(
                "UsersPermissionToCreateLOBAppsEnabled",
                Ty::Bool,
                "Indicates whether users can create line-of-business applications.",
            ),
            p(
                "UsersPermissionToReadOtherUsersEnabled",
                Ty::Bool,
                "Indicates whether users can read the directory properties of other users.",
            ),
            p(
                "UsersPermissionToUserConsentToAppEnabled",
                Ty::Bool,
                "Indicates whether users can consent to applications that access company data.",
            ),
            p(
                "DefaultUsageLocation",
                Ty::Str,
                "Specifies the default usage location (a two-letter country code) for new users.",
            ),
            TENANT,
        ],
    ),
    msol(
        "Get-MsolDomain",
        "Microsoft.Online.Administration.Automation.GetDomain",
        "Retrieves domains of the company.",
        "The Get-MsolDomain cmdlet gets one domain of the company, or all of them, with each domain's status and authentication type.",
        &[
            p("DomainName", Ty::Str, "Specifies the fully qualified domain name (FQDN) of the domain to get.").pipe(),
            p("Status", DOMAIN_STATUS, "Specifies the status of the domains to get."),
        ],
    ),
    msol(
        "New-MsolDomain",
        "Microsoft.Online.Administration.Automation.NewDomain",
        "Adds a domain to Azure Active Directory.",
        "The New-MsolDomain cmdlet adds a domain to the company. The domain starts unverified: get the DNS record that proves you own it with Get-MsolDomainVerificationDns, publish it, then run Confirm-MsolDomain.",
        &[p("Name", Ty::Str, "Specifies the fully qualified domain name (FQDN) of the domain to add.")
            .req()
            .pipe()],
    ),
    msol(
        "Get-MsolDomainVerificationDns",
        "Microsoft.Online.Administration.Automation.GetDomainVerificationDns",
        "Gets the DNS record that verifies a domain.",
        "The Get-MsolDomainVerificationDns cmdlet returns the DNS record to publish to prove that you own a domain, for example a TXT record with the text MS=ms12345678. Confirm-MsolDomain looks for it.",
        &[
            p(
                "DomainName",
                Ty::Str,
                "Specifies the fully qualified domain name (FQDN) of the domain to verify.",
            )
            .req()
            .pipe(),
            p(
                "Mode",
                VERIFICATION_MODE,
                "Specifies the kind of DNS record to return: a TXT record or an MX record.",
            ),
        ],
    ),
    msol(
        "Confirm-MsolDomain",
        "Microsoft.Online.Administration.Automation.ConfirmDomain",
        "Verifies a domain that you added.",
        "The Confirm-MsolDomain cmdlet confirms that you own a domain by looking up the DNS record that Get-MsolDomainVerificationDns returned. It can take 15 to 60 minutes for a DNS change to be seen. If the domain belongs to an unmanaged (self-service) directory, -ForceTakeover Force moves it to your company: an external admin takeover.",
        &[
            p(
                "DomainName",
                Ty::Str,
                "Specifies the fully qualified domain name (FQDN) of the domain to verify.",
            )
            .req()
            .pipe(),
            p(
                "ForceTakeover",
                FORCE_TAKEOVER,
                "Takes the domain over from an unmanaged directory. The only value is Force.",
            ),
        ],
    ),
    msol(
        "Confirm-MsolEmailVerifiedDomain",
        "Microsoft.Online.Administration.Automation.ConfirmEmailVerifiedDomain",
        "Confirms ownership of a domain of an unmanaged directory.",
        "The Confirm-MsolEmailVerifiedDomain cmdlet confirms that you own a domain that self-service (email-verified) sign-up created, by looking up the DNS record that Get-MsolDomainVerificationDns returned.",
        &[p(
            "DomainName",
            Ty::Str,
            "Specifies the fully qualified domain name (FQDN) of the domain to confirm.",
        )
        .req()
        .pipe()],
    ),
    msol(
        "Get-MsolUser",
        "Microsoft.Online.Administration.Automation.GetUser",
        "Gets users from Azure Active Directory.",
        "The Get-MsolUser cmdlet gets one user, or a list of users. Without UserPrincipalName it returns up to 500 users, or all of them with All.",
        &[
            p(
                "UserPrincipalName",
                Ty::Str,
                "Specifies the user principal name (sign-in name) of the user to get.",
            )
            .pipe(),
            p("All", Ty::Switch, "Indicates that this cmdlet returns all the users it finds."),
            p(
                "DomainName",
                Ty::Str,
                "Specifies a domain: only users whose sign-in name is in it are returned.",
            ),
        ],
    ),
    msol(
        "Set-MsolUser",
        "Microsoft.Online.Administration.Automation.SetUser",
        "Modifies a user in Azure Active Directory.",
        "The Set-MsolUser cmdlet modifies a user. BlockCredential blocks or unblocks the user's sign-in.",
        &[
            p("UserPrincipalName", Ty::Str, "Specifies the user principal name of the user to update.")
                .req()
                .pipe(),
            p("BlockCredential", Ty::Bool, "Specifies whether the user is blocked from signing in."),
        ],
    ),
    msol(
        "Remove-MsolUser",
        "Microsoft.Online.Administration.Automation.RemoveUser",
        "Removes a user from Azure Active Directory.",
        "The Remove-MsolUser cmdlet removes a user from the company and frees the user's licenses.",
        &[
            p("UserPrincipalName", Ty::Str, "Specifies the user principal name of the user to remove.")
                .req()
                .pipe(),
            FORCE,
        ],
    ),
    msol(
        "Set-MsolDirSyncEnabled",
        "Microsoft.Online.Administration.Automation.SetDirSyncEnabled",
        "Turns directory synchronization on or off for a company.",
        "The Set-MsolDirSyncEnabled cmdlet turns directory synchronization on or off for the company.",
        &[
            p("EnableDirSync", Ty::Bool, "Specifies whether to turn directory synchronization on.").req(),
            FORCE,
        ],
    ),
    Cmdlet {
        name: "Connect-MgGraph",
        aliases: &[],
        kind: Kind::Host,
        module: "Microsoft.Graph.Authentication",
        class: "Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph",
        synopsis: "Signs in to Microsoft Graph.",
        description: "The Connect-MgGraph cmdlet signs you in to Microsoft Graph with the permission scopes you ask for. A sign-in window asks for your account.",
        params: &[p(
            "Scopes",
            Ty::StrArray,
            "Specifies the permission scopes to request, for example Policy.ReadWrite.Authorization.",
        )
        .pos(0)],
    },
    Cmdlet {
        name: "Get-MgPolicyAuthorizationPolicy",
        aliases: &[],
        kind: Kind::Host,
        module: SIGNINS,
        class: "Get-MgPolicyAuthorizationPolicy",
        synopsis: "Gets the authorization policy of the tenant.",
        description: "The Get-MgPolicyAuthorizationPolicy cmdlet gets the tenant's authorizationPolicy object, with settings such as AllowedToSignUpEmailBasedSubscriptions and AllowEmailVerifiedUsersToJoinOrganization.",
        params: &[],
    },
    Cmdlet {
        name: "Update-MgPolicyAuthorizationPolicy",
        aliases: &[],
        kind: Kind::Host,
        module: SIGNINS,
        class: "Update-MgPolicyAuthorizationPolicy",
        synopsis: "Updates the properties of an authorizationPolicy object.",
        description: "The Update-MgPolicyAuthorizationPolicy cmdlet updates the tenant's authorization policy. Give the properties to change in a hash table with BodyParameter, or as switch parameters (-Name:$false turns one off); not both.",
        params: &[
            p(
                "AllowEmailVerifiedUsersToJoinOrganization",
                Ty::Switch,
                "Indicates whether users can join the tenant by email verification.",
            )
            .set(2),
            p(
                "AllowedToSignUpEmailBasedSubscriptions",
                Ty::Switch,
                "Indicates whether users can sign up for email based subscriptions.",
            )
            .set(2),
            p(
                "BodyParameter",
                Ty::Hash,
                "Specifies the properties to update, as a hash table, for example @{allowedToSignUpEmailBasedSubscriptions=$false}.",
            )
            .set(1),
        ],
    },
    Cmdlet {
        name: "Get-Help",
        aliases: &["help", "man"],
        kind: Kind::Help,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.GetHelpCommand",
        synopsis: "Displays information about PowerShell commands.",
        description: "The Get-Help cmdlet displays what a command does, its syntax and its parameters. Without a name, it lists the commands of this console. Names can contain wildcards.",
        params: &[
            p("Name", Ty::Str, "Gets help about the specified command or alias. Wildcards are permitted.").pos(0),
            p("Detailed", Ty::Switch, "Adds parameter descriptions to the basic help display."),
            p("Full", Ty::Switch, "Displays the entire help article."),
            p(
                "Examples",
                Ty::Switch,
                "Displays the examples (this console's help has the syntax and parameters instead).",
            ),
        ],
    },
    Cmdlet {
        name: "Get-Command",
        aliases: &["gcm"],
        kind: Kind::Command,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.GetCommandCommand",
        synopsis: "Gets all commands.",
        description: "The Get-Command cmdlet gets the commands of this console: cmdlets, functions and aliases. Names can contain wildcards.",
        params: &[
            p("Name", Ty::StrArray, "Specifies names of commands to get. Wildcards are permitted.").pos(0),
            p("Module", Ty::StrArray, "Gets the commands that came from the specified modules."),
        ],
    },
    Cmdlet {
        name: "Format-List",
        aliases: &["fl"],
        kind: Kind::FormatList,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.FormatListCommand",
        synopsis: "Formats the output as a list of properties in which each property appears on a new line.",
        description: "The Format-List cmdlet formats the output of a command as a list of properties, each on its own line. Without Property it shows every property. It must be the last command of a pipeline.",
        params: &[p("Property", Ty::StrArray, PROPERTY).pos(0)],
    },
    Cmdlet {
        name: "Format-Table",
        aliases: &["ft"],
        kind: Kind::FormatTable,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.FormatTableCommand",
        synopsis: "Formats the output as a table.",
        description: "The Format-Table cmdlet formats the output of a command as a table, with the selected properties of the objects in columns. It must be the last command of a pipeline.",
        params: &[
            p("Property", Ty::StrArray, PROPERTY).pos(0),
            p("AutoSize", Ty::Switch, "Adjusts the column widths to the data."),
        ],
    },
    Cmdlet {
        name: "Select-Object",
        aliases: &["select"],
        kind: Kind::Select,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.SelectObjectCommand",
        synopsis: "Selects objects or object properties.",
        description: "The Select-Object cmdlet makes new objects that have only the properties you select, in the order you give. A property the input lacks is added with an empty value. Objects with up to four properties display as a table, others as a list.",
        params: &[
            p("Property", Ty::StrArray, "Specifies the properties to select. Wildcards are permitted.").pos(0),
            p("First", Ty::Int, "Gets only the specified number of objects from the beginning of the input."),
        ],
    },
    Cmdlet {
        name: "Clear-Host",
        aliases: &["cls", "clear"],
        kind: Kind::Clear,
        module: "",
        class: "Clear-Host",
        synopsis: "Clears the display in the host program.",
        description: "The Clear-Host function removes all text from the console window.",
        params: &[],
    },
    Cmdlet {
        name: "Import-Module",
        aliases: &["ipmo"],
        kind: Kind::Import,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.ImportModuleCommand",
        synopsis: "Adds modules to the current session.",
        description: "The Import-Module cmdlet adds modules to the current session. The modules of this console (MSOnline and the Microsoft Graph modules) are always loaded.",
        params: &[p("Name", Ty::StrArray, "Specifies the names of the modules to import.").pos(0).req()],
    },
];

/// The command `name` stands for: a cmdlet name or alias, case-insensitive;
/// failing that, PowerShell's implicit "Get-" (`msoldomain`).
pub fn find(name: &str) -> Option<&'static Cmdlet> {
    let exact = |n: &str| {
        CMDLETS.iter().find(|c| c.name.eq_ignore_ascii_case(n) || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(n)))
    };
    exact(name).or_else(|| exact(&format!("Get-{name}")).filter(|c| c.name.starts_with("Get-")))
}

/// The version Get-Command shows for a module.
pub fn module_version(module: &str) -> &'static str {
    match module {
        MSOL => "1.1.166.0",
        CORE => "3.0.0.0",
        UTILITY => "3.1.0.0",
        "" => "",
        _ => "2.10.0",
    }
}

/// The syntax line: `Name -Mandatory <Type> [-Optional <Type>] [[-Pos] <Type>] [-Switch] [<CommonParameters>]`.
pub fn syntax(c: &Cmdlet) -> String {
    syntax_units(c).replace('\u{a0}', " ")
}

/// The syntax line with no-break spaces inside each parameter's group, so
/// that wrapping keeps groups whole.
fn syntax_units(c: &Cmdlet) -> String {
    let mut s = c.name.to_string();
    for p in c.params {
        let name = if p.position.is_some() { format!("[-{}]", p.name) } else { format!("-{}", p.name) };
        let part = if p.ty == Ty::Switch { name } else { format!("{name}\u{a0}<{}>", p.ty.short_name()) };
        s += &if p.mandatory { format!(" {part}") } else { format!(" [{part}]") };
    }
    s + " [<CommonParameters>]"
}

/// Word-wraps `text` (paragraphs split at new lines) to 80 columns, each
/// line indented by `indent` spaces.
pub fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > 80 {
                out += &format!("{:indent$}{line}\n", "");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out += &format!("{:indent$}{line}\n", "");
    }
    out
}

/// Get-Help's text for a command: NAME, SYNOPSIS, SYNTAX, DESCRIPTION,
/// PARAMETERS, ALIASES.
pub fn help_text(c: &Cmdlet) -> String {
    let mut s = format!(
        "\nNAME\n    {}\n\nSYNOPSIS\n{}\n\nSYNTAX\n{}\n\nDESCRIPTION\n{}\n\nPARAMETERS\n",
        c.name,
        wrap(c.synopsis, 4),
        wrap(&syntax_units(c), 4).replace('\u{a0}', " "),
        wrap(c.description, 4)
    );
    for p in c.params {
        s += &if p.ty == Ty::Switch {
            format!("    -{}\n", p.name)
        } else {
            format!("    -{} <{}>\n", p.name, p.ty.short_name())
        };
        s += &wrap(p.help, 8);
        if let Ty::Enum(_, values) = p.ty {
            s += &wrap(&format!("Possible values: {}", values.join(", ")), 8);
        }
        let position = p.position.map_or("named".into(), |n| (n + 1).to_string());
        let pipeline = if p.pipeline { "true (ByPropertyName)" } else { "false" };
        s += &format!(
            "\n        Required?                    {}\n        Position?                    {position}\n        Accept pipeline input?       {pipeline}\n\n",
            p.mandatory
        );
    }
    s += "    <CommonParameters>\n";
    s += &wrap(
        "This cmdlet supports the common parameters: Verbose, Debug, ErrorAction, ErrorVariable, WarningAction, WarningVariable, OutBuffer, PipelineVariable, and OutVariable. For more information, see about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).",
        8,
    );
    if !c.aliases.is_empty() {
        s += &format!("\nALIASES\n    {}\n", c.aliases.join(", "));
    }
    s + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_resolve_case_insensitively() {
        assert_eq!(find("get-msoldomain").unwrap().name, "Get-MsolDomain");
        assert_eq!(find("FL").unwrap().name, "Format-List");
        assert_eq!(find("cls").unwrap().name, "Clear-Host");
        assert_eq!(find("help").unwrap().name, "Get-Help");
        assert_eq!(find("msoluser").unwrap().name, "Get-MsolUser");
        assert!(find("Get-Foo").is_none());
        assert!(find("Host").is_none());
    }

    #[test]
    fn table_is_consistent() {
        for c in CMDLETS {
            assert_eq!(find(c.name).unwrap().name, c.name);
            for (i, p) in c.params.iter().enumerate() {
                assert!(c.params[i + 1..].iter().all(|q| q.name != p.name), "{} -{}", c.name, p.name);
                assert!(COMMON.iter().all(|q| q.name != p.name));
                assert!(!p.help.is_empty());
            }
        }
    }

    #[test]
    fn syntax_lines() {
        assert_eq!(
            syntax(find("Get-MsolDomain").unwrap()),
            "Get-MsolDomain [-DomainName <String>] [-Status <DomainStatus>] [<CommonParameters>]"
        );
        assert_eq!(syntax(find("New-MsolDomain").unwrap()), "New-MsolDomain -Name <String> [<CommonParameters>]");
        assert_eq!(
            syntax(find("Remove-MsolUser").unwrap()),
            "Remove-MsolUser -UserPrincipalName <String> [-Force] [<CommonParameters>]"
        );
        assert_eq!(
            syntax(find("Format-Table").unwrap()),
            "Format-Table [[-Property] <String[]>] [-AutoSize] [<CommonParameters>]"
        );
        assert_eq!(syntax(find("Import-Module").unwrap()), "Import-Module [-Name] <String[]> [<CommonParameters>]");
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("a b", 4), "    a b\n");
        let w = wrap(&"word ".repeat(30), 8);
        assert!(w.lines().all(|l| l.len() <= 80 && l.starts_with("        w")));
        assert_eq!(w.lines().count(), 3);
    }
}
