//! The cmdlets the console knows: names, aliases, parameters (with types,
//! positions, help) and help text. Static tables only.

use super::examples::examples;

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
    /// A script block (`{ … }`).
    Block,
    /// Any value, as given.
    Obj,
    /// Any values, as an array.
    ObjArray,
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
            Ty::Block => "System.Management.Automation.ScriptBlock",
            Ty::Obj => "System.Object",
            Ty::ObjArray => "System.Object[]",
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
    /// The parameter sets it belongs to, as bits (0: all). Parameters whose
    /// sets don't overlap can't be used together.
    pub set: u8,
    /// Takes the positional arguments no other parameter takes
    /// (ValueFromRemainingArguments).
    pub rest: bool,
    /// An alias ("" for none): common parameters only.
    pub alias: &'static str,
    pub help: &'static str,
}

const fn p(name: &'static str, ty: Ty, help: &'static str) -> Param {
    Param { name, ty, mandatory: false, position: None, pipeline: false, set: 0, rest: false, alias: "", help }
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
    const fn rest(mut self) -> Self {
        self.rest = true;
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
    Where,
    ForEach,
    Sort,
    Measure,
    OutNull,
    Credential,
    WriteOutput,
    WriteHost,
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
    Param { name, ty, mandatory: false, position: None, pipeline: false, set: 0, rest: false, alias, help: "" }
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
const AADRM: &str = "AADRM";

const fn aadrm(
    name: &'static str,
    class: &'static str,
    synopsis: &'static str,
    description: &'static str,
    params: &'static [Param],
) -> Cmdlet {
    Cmdlet { name, aliases: &[], kind: Kind::Host, module: AADRM, class, synopsis, description, params }
}
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
const ENABLED_FILTER: Ty =
    Ty::Enum("Microsoft.Online.Administration.UserEnabledFilter", &["All", "EnabledOnly", "DisabledOnly"]);
// Get-MsolUser's parameter sets.
const USER_LIST: u8 = 1;
const USER_BY_ID: u8 = 2;
const USER_BY_UPN: u8 = 4;
const USER_ALL: u8 = 8;
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
        "The Get-MsolUser cmdlet gets an individual user or list of users. Specify the ObjectId or UserPrincipalName parameter to get a specific user. A list has at most 500 users (MaxResults changes the limit) unless you specify All; when more users exist, a warning says so.",
        &[
            p("UserPrincipalName", Ty::Str, "Specifies the user ID (sign-in name) of the user to retrieve.")
                .pipe()
                .set(USER_BY_UPN),
            p("ObjectId", Ty::Guid, "Specifies the unique object ID of the user to get.").pipe().set(USER_BY_ID),
            p(
                "All",
                Ty::Switch,
                "Indicates that this cmdlet returns all results. Do not specify together with the MaxResults parameter.",
            )
            .set(USER_ALL),
            p("MaxResults", Ty::Int, "Specifies the maximum number of results that this cmdlet returns. The default value is 500.")
                .set(USER_LIST),
            p(
                "ReturnDeletedUsers",
                Ty::Switch,
                "Indicates that this cmdlet returns only users in the recycling bin.",
            ),
            p("City", Ty::Str, "Specifies the city to filter results on.").set(USER_LIST | USER_ALL),
            p("Country", Ty::Str, "Specifies the country to filter results on.").set(USER_LIST | USER_ALL),
            p("Department", Ty::Str, "Specifies the department to filter results on.").set(USER_LIST | USER_ALL),
            p(
                "DomainName",
                Ty::Str,
                "Specifies the domain to filter results on. This must be a verified domain for the company. All users with an email address on this domain are returned.",
            )
            .set(USER_LIST | USER_ALL),
            p(
                "EnabledFilter",
                ENABLED_FILTER,
                "Specifies the filter for enabled or disabled users. Valid values are All, EnabledOnly, and DisabledOnly.",
            )
            .set(USER_LIST | USER_ALL),
            p("State", Ty::Str, "Specifies the filter for the state of the user.").set(USER_LIST | USER_ALL),
            p(
                "Synchronized",
                Ty::Switch,
                "Indicates that this cmdlet returns only users who are synchronized through Azure Active Directory Sync.",
            )
            .set(USER_LIST | USER_ALL),
            p("Title", Ty::Str, "Specifies the filter for the title of the user.").set(USER_LIST | USER_ALL),
            p("HasErrorsOnly", Ty::Switch, "Indicates that this cmdlet returns only users that have validation errors.")
                .set(USER_LIST | USER_ALL),
            p(
                "LicenseReconciliationNeededOnly",
                Ty::Switch,
                "Indicates that this cmdlet returns only users that require license reconciliation.",
            )
            .set(USER_LIST | USER_ALL),
            p(
                "UnlicensedUsersOnly",
                Ty::Switch,
                "Indicates that this cmdlet returns only users who are not assigned a license.",
            )
            .set(USER_LIST | USER_ALL),
            p(
                "UsageLocation",
                Ty::Str,
                "Specifies the filter for the country where the services are consumed by the user. Specify a two-letter country code.",
            )
            .set(USER_LIST | USER_ALL),
            p(
                "SearchString",
                Ty::Str,
                "Specifies a string to match email address or display name starting with this string.",
            )
            .set(USER_LIST | USER_ALL),
            TENANT,
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
    aadrm(
        "Connect-AadrmService",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.ConnectAadrmServiceCmdlet",
        "Connects to the Azure Rights Management service.",
        "The Connect-AadrmService cmdlet connects you to the Azure Rights Management service of your tenant, so that you can run the other AADRM cmdlets. Sign in with a global administrator's account. Without a credential, a sign-in dialog box asks for it.",
        &[p("Credential", Ty::Cred, "Specifies the credential of a global administrator.")],
    ),
    aadrm(
        "Get-AadrmSuperUserFeature",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.GetSuperUserFeatureCmdlet",
        "Gets the state of the super user feature.",
        "The Get-AadrmSuperUserFeature cmdlet says whether the super user feature is Enabled or Disabled (the default).",
        &[],
    ),
    aadrm(
        "Enable-AadrmSuperUserFeature",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.EnableSuperUserFeatureCmdlet",
        "Enables the super user feature.",
        "The Enable-AadrmSuperUserFeature cmdlet enables the super user feature: the super users of the organization then have Full Control over all of its protected content, including content protected before.",
        &[],
    ),
    aadrm(
        "Disable-AadrmSuperUserFeature",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.DisableSuperUserFeatureCmdlet",
        "Disables the super user feature.",
        "The Disable-AadrmSuperUserFeature cmdlet disables the super user feature: super users open only what they were granted.",
        &[],
    ),
    aadrm(
        "Add-AadrmSuperUser",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.AddSuperUserCmdlet",
        "Adds a super user.",
        "The Add-AadrmSuperUser cmdlet makes an account of the organization a super user. It acts as one while the super user feature is enabled.",
        &[p("EmailAddress", Ty::Str, "Specifies the email address of the account to make a super user.").req()],
    ),
    aadrm(
        "Remove-AadrmSuperUser",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.RemoveSuperUserCmdlet",
        "Removes a super user.",
        "The Remove-AadrmSuperUser cmdlet removes an account from the super users.",
        &[p("EmailAddress", Ty::Str, "Specifies the email address of the super user to remove.").req()],
    ),
    aadrm(
        "Get-AadrmSuperUser",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.GetSuperUserCmdlet",
        "Lists the super users.",
        "The Get-AadrmSuperUser cmdlet lists the email addresses of the organization's super users.",
        &[],
    ),
    aadrm(
        "Get-AadrmAdminLog",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.GetAdminLogCmdlet",
        "Saves the administrative log of the Rights Management service.",
        "The Get-AadrmAdminLog cmdlet saves the log of administrative actions on the Rights Management service (such as enabling the super user feature and adding super users) to a file.",
        &[p("Path", Ty::Str, "Specifies the file to save the log to.").req(), p("Force", Ty::Switch, "Overwrites an existing file.")],
    ),
    aadrm(
        "Get-AadrmUserLog",
        "Microsoft.RightsManagementServices.Online.Admin.PowerShell.GetUserLogCmdlet",
        "Downloads the usage logs of the Rights Management service.",
        "The Get-AadrmUserLog cmdlet downloads the usage logs (W3C format) of the Rights Management service for a day to a folder.",
        &[
            p("Path", Ty::Str, "Specifies the folder to save the log to.").req(),
            p("ForDate", Ty::Str, "Specifies the day (for example 5/2/2016) whose log to download.").req(),
            p("Force", Ty::Switch, "Overwrites existing files."),
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
            p("Examples", Ty::Switch, "Displays only the name, synopsis, and examples."),
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
            p(
                "Property",
                Ty::ObjArray,
                "Specifies the properties to select. Wildcards are permitted. A hash table adds a calculated property: @{Name='Upn'; Expression={$_.UserPrincipalName}}.",
            )
            .pos(0),
            p("ExpandProperty", Ty::Str, "Specifies a property whose values are output, instead of objects."),
            p("First", Ty::Int, "Gets only the specified number of objects from the beginning of the input."),
            p("Last", Ty::Int, "Gets only the specified number of objects from the end of the input."),
            p("Skip", Ty::Int, "Skips the specified number of objects from the beginning of the input."),
            p("Unique", Ty::Switch, "Indicates that duplicates are removed from the output."),
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
    Cmdlet {
        name: "Where-Object",
        aliases: &["?", "where"],
        kind: Kind::Where,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.WhereObjectCommand",
        synopsis: "Selects objects from a collection based on their property values.",
        description: "The Where-Object cmdlet selects the objects of its input for which a condition is true. Write the condition as a script block, where $_ is the current object ({ $_.UserPrincipalName -like '*fabrikam*' }), or with the simplified syntax: a property name, a comparison parameter and a value (Where-Object IsLicensed -eq $true). Comparisons are case-insensitive unless you use their C form (-CEQ, -CLike…).",
        params: WHERE_PARAMS,
    },
    Cmdlet {
        name: "ForEach-Object",
        aliases: &["%", "foreach"],
        kind: Kind::ForEach,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.ForEachObjectCommand",
        synopsis: "Performs an operation against each item in a collection of input objects.",
        description: "The ForEach-Object cmdlet runs a script block for each input object, with $_ as the object ({ $_.DisplayName }), or gets the value of one property of each object (ForEach-Object DisplayName). Begin and End run once, before the first and after the last object.",
        params: &[
            p("Process", Ty::Block, "Specifies the script block that runs for each input object.").pos(0).set(1),
            p("MemberName", Ty::Str, "Specifies the property to get from each input object.").pos(0).set(2),
            p("Begin", Ty::Block, "Specifies a script block that runs before the first input object.").set(1),
            p("End", Ty::Block, "Specifies a script block that runs after the last input object.").set(1),
            INPUT_OBJECT,
        ],
    },
    Cmdlet {
        name: "Sort-Object",
        aliases: &["sort"],
        kind: Kind::Sort,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.SortObjectCommand",
        synopsis: "Sorts objects by property values.",
        description: "The Sort-Object cmdlet sorts its input by the values of the properties you name (or of script blocks), in ascending order unless you specify Descending. Strings sort case-insensitively unless you specify CaseSensitive; numbers by value.",
        params: &[
            p(
                "Property",
                Ty::ObjArray,
                "Specifies the properties to sort by, in order of priority: property names or script blocks.",
            )
            .pos(0),
            p("Descending", Ty::Switch, "Indicates that the objects are sorted in descending order."),
            p("Unique", Ty::Switch, "Indicates that duplicates are removed from the output."),
            p("CaseSensitive", Ty::Switch, "Indicates that the sort is case-sensitive."),
            INPUT_OBJECT,
        ],
    },
    Cmdlet {
        name: "Measure-Object",
        aliases: &["measure"],
        kind: Kind::Measure,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.MeasureObjectCommand",
        synopsis: "Calculates the numeric properties of objects, and the characters, words, and lines in string objects.",
        description: "The Measure-Object cmdlet counts its input objects. With Property it also calculates the Sum, Average, Maximum or Minimum of that property; with Line, Word or Character it counts those in strings.",
        params: &[
            p("Property", Ty::StrArray, "Specifies the numeric properties to measure.").pos(0),
            p("Sum", Ty::Switch, "Indicates that the cmdlet displays the sum of the values of the specified properties."),
            p("Average", Ty::Switch, "Indicates that the cmdlet displays the average value of the specified properties."),
            p("Maximum", Ty::Switch, "Indicates that the cmdlet displays the maximum value of the specified properties."),
            p("Minimum", Ty::Switch, "Indicates that the cmdlet displays the minimum value of the specified properties."),
            p("Line", Ty::Switch, "Indicates that the cmdlet counts the number of lines in the input strings.").set(2),
            p("Word", Ty::Switch, "Indicates that the cmdlet counts the number of words in the input strings.").set(2),
            p("Character", Ty::Switch, "Indicates that the cmdlet counts the number of characters in the input strings.")
                .set(2),
            INPUT_OBJECT,
        ],
    },
    Cmdlet {
        name: "Out-Null",
        aliases: &[],
        kind: Kind::OutNull,
        module: CORE,
        class: "Microsoft.PowerShell.Commands.OutNullCommand",
        synopsis: "Hides the output instead of sending it down the pipeline or displaying it.",
        description: "The Out-Null cmdlet sends its input to NULL, in effect removing it from the pipeline and not displaying it. Errors are still displayed.",
        params: &[INPUT_OBJECT],
    },
    Cmdlet {
        name: "Get-Credential",
        aliases: &[],
        kind: Kind::Credential,
        module: "Microsoft.PowerShell.Security",
        class: "Microsoft.PowerShell.Commands.GetCredentialCommand",
        synopsis: "Gets a credential object based on a user name and password.",
        description: "The Get-Credential cmdlet opens a dialog box that asks for a user name and password, and returns them as a PSCredential object, without checking them. Store it in a variable ($cred = Get-Credential) and give it to a cmdlet that signs in: Connect-MsolService -Credential $cred.",
        params: &[
            p("Credential", Ty::Cred, "Specifies a user name for the credential; the dialog box asks for its password.")
                .pos(0)
                .set(1),
            p("Message", Ty::Str, "Specifies a message that appears in the dialog box.").set(2),
            p("UserName", Ty::Str, "Specifies a user name; the dialog box asks for its password.").set(2),
        ],
    },
    Cmdlet {
        name: "Write-Output",
        aliases: &["echo", "write"],
        kind: Kind::WriteOutput,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.WriteOutputCommand",
        synopsis: "Sends the specified objects to the next command in the pipeline.",
        description: "The Write-Output cmdlet sends objects down the pipeline. If it is the last command of the pipeline, the objects are displayed in the console.",
        params: &[
            p("InputObject", Ty::ObjArray, "Specifies the objects to send down the pipeline.").pos(0).rest(),
            p("NoEnumerate", Ty::Switch, "Indicates that the cmdlet sends a collection as one object."),
        ],
    },
    Cmdlet {
        name: "Write-Host",
        aliases: &[],
        kind: Kind::WriteHost,
        module: UTILITY,
        class: "Microsoft.PowerShell.Commands.WriteHostCommand",
        synopsis: "Writes customized output to a host.",
        description: "The Write-Host cmdlet writes its objects to the console, separated by spaces, instead of sending them down the pipeline. (This console shows every color the same.)",
        params: &[
            p("Object", Ty::Obj, "Specifies the objects to display in the host.").pos(0).rest(),
            p("NoNewline", Ty::Switch, "Indicates that no new line is written after the output."),
            p("Separator", Ty::Obj, "Specifies a separator string to insert between objects displayed by the host."),
            p("ForegroundColor", CONSOLE_COLOR, "Specifies the text color."),
            p("BackgroundColor", CONSOLE_COLOR, "Specifies the background color."),
        ],
    },
];

const INPUT_OBJECT: Param = p("InputObject", Ty::Obj, "Specifies the input object (instead of pipeline input).");

const CONSOLE_COLOR: Ty = Ty::Enum(
    "System.ConsoleColor",
    &[
        "Black",
        "DarkBlue",
        "DarkGreen",
        "DarkCyan",
        "DarkRed",
        "DarkMagenta",
        "DarkYellow",
        "Gray",
        "DarkGray",
        "Blue",
        "Green",
        "Cyan",
        "Red",
        "Magenta",
        "Yellow",
        "White",
    ],
);

static WHERE_PARAMS: &[Param] = &[
    p("FilterScript", Ty::Block, "Specifies the script block that filters the objects: $_ is the current object.")
        .pos(0)
        .set(1),
    p("Property", Ty::Str, "Specifies the name of a property of the input objects (simplified syntax).").pos(0).set(2),
    p("Value", Ty::Obj, "Specifies the value to compare the property with.").pos(1).set(2),
    INPUT_OBJECT,
    p("EQ", Ty::Switch, "Gets objects whose property value equals the Value parameter (case-insensitive).").set(2),
    p("CEQ", Ty::Switch, "Gets objects whose property value equals the Value parameter (case-sensitive).").set(2),
    p("NE", Ty::Switch, "Gets objects whose property value is different from the Value parameter (case-insensitive).").set(2),
    p("CNE", Ty::Switch, "Gets objects whose property value is different from the Value parameter (case-sensitive).").set(2),
    p("GT", Ty::Switch, "Gets objects whose property value is greater than the Value parameter (case-insensitive).").set(2),
    p("CGT", Ty::Switch, "Gets objects whose property value is greater than the Value parameter (case-sensitive).").set(2),
    p("LT", Ty::Switch, "Gets objects whose property value is less than the Value parameter (case-insensitive).").set(2),
    p("CLT", Ty::Switch, "Gets objects whose property value is less than the Value parameter (case-sensitive).").set(2),
    p("GE", Ty::Switch, "Gets objects whose property value is greater than or equal to the Value parameter (case-insensitive).").set(2),
    p("CGE", Ty::Switch, "Gets objects whose property value is greater than or equal to the Value parameter (case-sensitive).").set(2),
    p("LE", Ty::Switch, "Gets objects whose property value is less than or equal to the Value parameter (case-insensitive).").set(2),
    p("CLE", Ty::Switch, "Gets objects whose property value is less than or equal to the Value parameter (case-sensitive).").set(2),
    p("Like", Ty::Switch, "Gets objects whose property value matches the wildcard pattern in the Value parameter (case-insensitive).").set(2),
    p("CLike", Ty::Switch, "Gets objects whose property value matches the wildcard pattern in the Value parameter (case-sensitive).").set(2),
    p("NotLike", Ty::Switch, "Gets objects whose property value does not match the wildcard pattern in the Value parameter (case-insensitive).").set(2),
    p("CNotLike", Ty::Switch, "Gets objects whose property value does not match the wildcard pattern in the Value parameter (case-sensitive).").set(2),
    p("Match", Ty::Switch, "Gets objects whose property value matches the regular expression in the Value parameter (case-insensitive).").set(2),
    p("CMatch", Ty::Switch, "Gets objects whose property value matches the regular expression in the Value parameter (case-sensitive).").set(2),
    p("NotMatch", Ty::Switch, "Gets objects whose property value does not match the regular expression in the Value parameter (case-insensitive).").set(2),
    p("CNotMatch", Ty::Switch, "Gets objects whose property value does not match the regular expression in the Value parameter (case-sensitive).").set(2),
    p("Contains", Ty::Switch, "Gets objects whose property value (a collection) contains the Value parameter (case-insensitive).").set(2),
    p("CContains", Ty::Switch, "Gets objects whose property value (a collection) contains the Value parameter (case-sensitive).").set(2),
    p("NotContains", Ty::Switch, "Gets objects whose property value (a collection) does not contain the Value parameter (case-insensitive).").set(2),
    p("CNotContains", Ty::Switch, "Gets objects whose property value (a collection) does not contain the Value parameter (case-sensitive).").set(2),
    p("In", Ty::Switch, "Gets objects whose property value is one of the values in the Value parameter (case-insensitive).").set(2),
    p("CIn", Ty::Switch, "Gets objects whose property value is one of the values in the Value parameter (case-sensitive).").set(2),
    p("NotIn", Ty::Switch, "Gets objects whose property value is not one of the values in the Value parameter (case-insensitive).").set(2),
    p("CNotIn", Ty::Switch, "Gets objects whose property value is not one of the values in the Value parameter (case-sensitive).").set(2),
    p("Is", Ty::Switch, "Gets objects whose property value is an instance of the type in the Value parameter.").set(2),
    p("IsNot", Ty::Switch, "Gets objects whose property value is not an instance of the type in the Value parameter.").set(2),
];

/// The Microsoft Graph PowerShell cmdlets (2020 and later) the simulator
/// also runs, with what did the same in a 2016 console.
pub static LATER: &[(&str, &str)] = &[
    ("Connect-MgGraph", "Connect-MsolService"),
    ("Get-MgPolicyAuthorizationPolicy", "Get-MsolCompanyInformation"),
    ("Update-MgPolicyAuthorizationPolicy", "Set-MsolCompanySettings"),
];

/// The note that labels a Microsoft Graph cmdlet as later behaviour, in its
/// output and its help. None for the cmdlets of 2016.
pub fn later_note(c: &Cmdlet) -> Option<String> {
    let (_, then) = LATER.iter().find(|(n, _)| *n == c.name)?;
    Some(format!(
        "Later behaviour: {} is part of Microsoft Graph PowerShell (2020 and later). It did not exist in a 2016 console, where {then} did this. The simulator runs it on the same directory.",
        c.name
    ))
}

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

/// Get-Help's text for a command: NAME, SYNOPSIS (with the later-behaviour
/// note of a Microsoft Graph cmdlet), SYNTAX, DESCRIPTION, PARAMETERS,
/// ALIASES, REMARKS; with `examples`, the EXAMPLES section before the
/// remarks (-Full, -Detailed).
pub fn help_text(c: &Cmdlet, examples: bool) -> String {
    let mut s = format!(
        "\nNAME\n    {}\n\nSYNOPSIS\n{}{}\n\nSYNTAX\n{}\n\nDESCRIPTION\n{}\n\nPARAMETERS\n",
        c.name,
        wrap(c.synopsis, 4),
        later_note(c).map_or(String::new(), |n| format!("\n{}", wrap(&n, 4))),
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
    if examples {
        s += &format!("\nEXAMPLES\n{}", example_text(c));
    }
    s += &format!(
        "\nREMARKS\n    To see the examples, type: \"get-help {} -examples\".\n    For more information, type: \"get-help {} -detailed\".\n    For technical information, type: \"get-help {} -full\".\n",
        c.name, c.name, c.name
    );
    s + "\n"
}

/// `Get-Help <cmdlet> -Examples`: NAME, SYNOPSIS and the examples.
pub fn help_examples(c: &Cmdlet) -> String {
    format!(
        "\nNAME\n    {}\n\nSYNOPSIS\n{}{}\n{}\n",
        c.name,
        wrap(c.synopsis, 4),
        later_note(c).map_or(String::new(), |n| format!("\n{}", wrap(&n, 4))),
        example_text(c)
    )
}

/// The examples, each under a dashed title line as Windows PowerShell shows them.
fn example_text(c: &Cmdlet) -> String {
    let mut s = String::new();
    for (i, e) in examples(c.name).iter().enumerate() {
        let title = format!(" Example {}: {} ", i + 1, e.title);
        let dashes = 76usize.saturating_sub(title.chars().count());
        s += &format!("    {}{title}{}\n\n", "-".repeat(dashes / 2), "-".repeat(dashes - dashes / 2));
        for line in e.code.lines() {
            s += &format!("    PS C:\\>{line}\n");
        }
        s += "\n";
        s += &wrap(e.remarks, 4);
        s += "\n";
    }
    s
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
