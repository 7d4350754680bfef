//! The lessons, as data: one per section of the seed. Each step quotes the
//! seed (`seed`, its words kept; `notes`, the seed's fuller explanation for
//! the presenter), says what to do in the simulator and where (a route and
//! the accessible name of the control), whose device it is, and its
//! [`Goal`]. `tests/lessons.rs` checks every quote against the seed.

use super::goals::Goal;
use crate::sim::World;
use crate::sim::basics::email::{Email, query_encode};
use crate::sim::scenario::{CONTOSO_ADMIN, FABRIKAM_USERS, LITWARE_ADMIN, Preset};
use crate::sim::signup::AccountDetails;

/// A lesson: a section of the seed, told step by step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lesson {
    pub id: &'static str,
    pub title: &'static str,
    /// The seed's section it follows.
    pub section: &'static str,
    /// What it shows, in one line.
    pub summary: &'static str,
    /// The scenario "Start lesson" loads.
    pub preset: Preset,
    pub steps: &'static [Step],
}

/// One step of a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// A few words ("Get started").
    pub title: &'static str,
    /// Where it is in the seed ("To sign up, steps 1–3").
    pub seed_ref: &'static str,
    /// The seed's sentences, verbatim (links and bold dropped).
    pub seed: &'static [&'static str],
    /// The seed's fuller explanation, verbatim: the presenter's notes.
    pub notes: &'static [&'static str],
    /// What to do in the simulator (the simulator's words).
    pub doing: &'static str,
    /// The page where it is done.
    pub route: &'static str,
    /// The accessible name of the control to use there.
    pub control: &'static str,
    /// Whose device it is: the person who does it.
    pub who: &'static str,
    pub goal: Goal,
}

impl Step {
    /// Whether the step is done: its goal, checked against the world and
    /// the events since the lesson began (`since`).
    pub fn done(&self, world: &World, since: u64) -> bool {
        self.goal.check(self.who, world, since)
    }

    /// The address of the page to do it on, now: the account page of the
    /// person's pending sign-up needs its link's token.
    pub fn href(&self, world: &World) -> String {
        if self.route == VERIFY {
            let token = Email::parse(self.who).ok().and_then(|e| world.signups.pending.get(&e).cloned());
            return match token {
                Some(t) => format!("{VERIFY}?token={}", query_encode(&t)),
                None => format!("/inbox/{}", self.who),
            };
        }
        self.route.to_string()
    }
}

/// The confirmation link's page (its token is the person's).
pub const VERIFY: &str = "/portal/verify";

/// The people the lessons name, with the account details and password they
/// use: the presets' accounts, and the ones the lessons sign up.
pub const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    (FABRIKAM_USERS[0].email, "Pat", "Dover", FABRIKAM_USERS[0].password, "US"),
    (FABRIKAM_USERS[1].email, "Rosa", "Ortiz", FABRIKAM_USERS[1].password, "US"),
    (T_LEE, "Terry", "Lee", FABRIKAM_USERS[0].password, "US"),
    (D_SMITH, "Dana", "Smith", LITWARE_ADMIN.password, "GB"),
    (CONTOSO_ADMIN.email, "Janet", "Mead", CONTOSO_ADMIN.password, "US"),
    (LITWARE_ADMIN.email, "Lee", "Gu", LITWARE_ADMIN.password, "GB"),
];

const PAT: &str = FABRIKAM_USERS[0].email;
const ROSA: &str = FABRIKAM_USERS[1].email;
const JANET: &str = CONTOSO_ADMIN.email;
const LITWARE: &str = LITWARE_ADMIN.email;
/// The third Fabrikam employee to sign up.
pub const T_LEE: &str = "t.lee@fabrikam.com";
/// A Litware employee who signs up.
pub const D_SMITH: &str = "d.smith@litwareinc.com";

/// The password a lesson's person uses.
pub fn password_of(address: &str) -> &'static str {
    PEOPLE.iter().find(|p| p.0.eq_ignore_ascii_case(address)).map(|p| p.3).unwrap_or(FABRIKAM_USERS[0].password)
}

/// The account page's details for a lesson's person.
pub fn details_of(address: &str) -> AccountDetails {
    let (first, last, password, country) = PEOPLE
        .iter()
        .find(|p| p.0.eq_ignore_ascii_case(address))
        .map(|p| (p.1, p.2, p.3, p.4))
        .unwrap_or(("Alex", "Kim", FABRIKAM_USERS[0].password, "US"));
    AccountDetails {
        first_name: first.into(),
        last_name: last.into(),
        password: password.into(),
        confirm_password: password.into(),
        country: country.into(),
    }
}

/// Every lesson, in the seed's order.
pub static LESSONS: &[Lesson] = &[SIGN_UP, BEHIND, IT_CONTROL, FIND_OUT, CONVERT, PROTECT];

pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

const SIGN_UP: Lesson = Lesson {
    id: "sign-up",
    title: "Sign up for RMS for individuals",
    section: "How users sign up for RMS for individuals",
    summary: "Pat at Fabrikam signs up, steps 1 to 8: the portal, two emails, the account page, sign-in.",
    preset: Preset::Default,
    steps: &[
        Step {
            title: "Get started",
            seed_ref: "To sign up, steps 1–3",
            seed: &[
                "Using a Windows or Mac computer, go to the Microsoft Rights Management page.",
                "Type in the email address that you use for your organization, such as janetm@contoso.com or p.dover@fabrikam.com.",
                "Click Get started.",
            ],
            notes: &[
                "Personal email accounts are not supported, so do not enter a Microsoft account (formerly known as a Microsoft Live ID account) or another personal account that you might use at home from your Internet provider.",
                "Microsoft uses your email address to check whether your organization already has a paid subscription that includes Azure RMS. If that’s the case, you don’t need RMS for individuals so you’ll be signed in immediately and the self-service sign up for RMS for individuals is canceled. If a paid subscription for Azure RMS isn’t found, you'll continue to the next step.",
            ],
            doing: "On the portal, type p.dover@fabrikam.com in “Email address” and click “Get started”.",
            route: "/portal",
            control: "Get started",
            who: PAT,
            goal: Goal::SignupStarted,
        },
        Step {
            title: "The confirmation email",
            seed_ref: "To sign up, step 4",
            seed: &[
                "Wait for a confirmation email message to be sent to the address that you supplied. It will be from Microsoft (DoNotReply@microsoft.com) and has the subject Microsoft RMS.",
            ],
            notes: &[
                "You'll receive an email in response from Microsoft, and can then complete the sign-up process by entering details to create your account.",
            ],
            doing: "Open p.dover@fabrikam.com's inbox and open the message from Microsoft with the subject “Microsoft RMS”.",
            route: "/inbox/p.dover@fabrikam.com",
            control: "Microsoft RMS",
            who: PAT,
            goal: Goal::ConfirmationRead,
        },
        Step {
            title: "Click the link",
            seed_ref: "To sign up, step 5",
            seed: &["When you receive the email, click the link in the instructions to complete the sign up process."],
            notes: &[
                "The most typical way that you'll be directed to this sign-up page is if you received an email message with a protected attachment, which contains instructions how to sign-up.",
            ],
            doing: "In the message, click “Complete your sign-up”.",
            route: "/inbox/p.dover@fabrikam.com",
            control: "Complete your sign-up",
            who: PAT,
            goal: Goal::LinkOpened,
        },
        Step {
            title: "Create the account",
            seed_ref: "To sign up, step 6",
            seed: &[
                "The link takes you a new Microsoft Rights Management page for you to supply details for your account.",
                "Type in your first name, your last name, enter and confirm a password of your choice, select your country (or the nearest country to yours if your country is not listed) from the drop down, and then click Create.",
            ],
            notes: &[],
            doing: "Type Pat and Dover, the password Fabrikam-2016! twice, choose United States, and click “Create”.",
            route: VERIFY,
            control: "Create",
            who: PAT,
            goal: Goal::AccountCreated,
        },
        Step {
            title: "The account is ready",
            seed_ref: "To sign up, step 7",
            seed: &[
                "Wait for another email message from Microsoft that now confirms that your account is ready to use.",
            ],
            notes: &[
                "When you get an email confirmation from Microsoft, this final email message sends you to a page where you can download the sharing application for different devices, and a link to the user guide.",
            ],
            doing: "Open the new message in p.dover@fabrikam.com's inbox, “Microsoft RMS: your account is ready”.",
            route: "/inbox/p.dover@fabrikam.com",
            control: "Microsoft RMS: your account is ready",
            who: PAT,
            goal: Goal::ReadyMailRead,
        },
        Step {
            title: "Sign in",
            seed_ref: "To sign up, step 8",
            seed: &[
                "When you receive the email, click the link to sign in and read the instructions to download and install the sharing application, or click the Help link to read the sharing application user guide.",
            ],
            notes: &[
                "Now your account is created, you’re ready to start protecting files and read files that others have protected. When prompted to sign in to protect or read protected files, enter your email address and password that you used to create the account for RMS for the individuals.",
            ],
            doing: "Click “Sign in and download the Rights Management sharing application” in the message, then sign in as p.dover@fabrikam.com with Fabrikam-2016!.",
            route: "/signin",
            control: "Sign in",
            who: PAT,
            goal: Goal::SignedIn,
        },
    ],
};

const BEHIND: Lesson = Lesson {
    id: "behind-the-scenes",
    title: "What happens behind the scenes",
    section: "Technical overview",
    summary: "Three Fabrikam sign-ups and what each does in Azure: a tenant, a subscription, more accounts.",
    preset: Preset::Default,
    steps: &[
        Step {
            title: "The first user: a new tenant",
            seed_ref: "Technical overview, step 1",
            seed: &[
                "When the first user from an organization requests a subscription for RMS for individuals, the domain name supplied in their email address is checked to see whether it is already associated with an Azure tenant.",
                "If there is no existing tenant, a new tenant and Azure directory is automatically created for the organization, which contains an account for this first user.",
            ],
            notes: &[
                "Unlike with a paid subscription for Azure, this first account is not a global administrator, but a standard user. The new account uses the email address and password that the user supplied.",
                "If an existing tenant is found, it is checked to see whether it already has a subscription for Azure RMS. When no subscription is found, the free RMS for individuals subscription can be added.",
            ],
            doing: "Sign up p.dover@fabrikam.com (Get started, the link in her mail, Create with Pat Dover and Fabrikam-2016!). The Directory then shows fabrikam.com as a new unmanaged tenant.",
            route: "/portal",
            control: "Get started",
            who: PAT,
            goal: Goal::TenantCreated,
        },
        Step {
            title: "The subscription: she can sign in",
            seed_ref: "Technical overview, step 2",
            seed: &[
                "The organization is granted the RMS for individuals subscription. Now, this user can be authenticated by Azure and can then protect files and read files that others have protected by using Azure Rights Management.",
            ],
            notes: &[
                "To protect and read protected files, the user must have an RMS-enlightened application, such as the free Rights Management sharing application.",
            ],
            doing: "Sign in as p.dover@fabrikam.com with Fabrikam-2016!. The Directory shows RIGHTSMANAGEMENT_ADHOC among fabrikam.com's subscriptions.",
            route: "/signin",
            control: "Sign in",
            who: PAT,
            goal: Goal::SignedIn,
        },
        Step {
            title: "The second user joins",
            seed_ref: "Technical overview, step 3",
            seed: &[
                "When the second user from the same organization requests an RMS for individuals subscription, a new user account is added to the previously created Azure directory, by using the organization’s RMS for individuals subscription.",
            ],
            notes: &[
                "This second user can do everything that the first user could do (protect files and read protected files), but in addition, these two users can now more easily collaborate securely because they can quickly apply default templates to files that restrict access to accounts in their organization’s Azure directory.",
            ],
            doing: "Sign up r.ortiz@fabrikam.com (Rosa Ortiz, Fabrikam-2016!). The Directory shows a second user in the same tenant, and the default templates become available.",
            route: "/portal",
            control: "Get started",
            who: ROSA,
            goal: Goal::Joined { n: 2 },
        },
        Step {
            title: "And so on",
            seed_ref: "Technical overview, step 4",
            seed: &[
                "Subsequent users from the same organization follow the same pattern, adding user accounts (when new users sign up) to the organization’s Azure directory.",
            ],
            notes: &[
                "The more accounts that are added to the directory, the more users can securely collaborate with co-workers and partners, and more easily prevent unauthorized people from reading their files when they should not have access to them.",
                "Throughout this process, there is no charge to the organization and no work required from the IT department.",
            ],
            doing: "Sign up a third person, t.lee@fabrikam.com (Terry Lee, Fabrikam-2016!): a third account in the same directory.",
            route: "/portal",
            control: "Get started",
            who: T_LEE,
            goal: Goal::Joined { n: 3 },
        },
    ],
};

const IT_CONTROL: Lesson = Lesson {
    id: "it-takes-control",
    title: "IT takes control",
    section: "How administrators can control the accounts created for RMS for individuals",
    summary: "Pat, in Fabrikam's IT, takes over the directory, stops new accounts, synchronizes, deletes an account.",
    preset: Preset::FabrikamSignedUp,
    steps: &[
        Step {
            title: "Sign in",
            seed_ref: "How administrators can control the accounts",
            seed: &[
                "If you do not want to convert your organization’s RMS for individuals subscription to a paid subscription, you can still control the user accounts in the Azure directory that was created for your organization in the following ways:",
            ],
            notes: &[
                "Throughout this process, there is no charge to the organization and no work required from the IT department. However, the IT department could choose to do either of the following:",
            ],
            doing: "Pat works in Fabrikam's IT department. Sign in as p.dover@fabrikam.com with Fabrikam-2016!.",
            route: "/signin",
            control: "Sign in",
            who: PAT,
            goal: Goal::SignedIn,
        },
        Step {
            title: "Become the admin",
            seed_ref: "Manage the accounts and sign-up process",
            seed: &[
                "IT administrators can take ownership of the automatically created directory and accounts in Azure.",
            ],
            notes: &[
                "They can then manage the accounts by implementing directory integration solutions such as password synchronization and single sign-on. Or, they can prevent users from creating accounts or signing up for RMS for individuals.",
            ],
            doing: "In the Admin center, click “Become the admin”, then “Yes, I want to be the admin”.",
            route: "/admin",
            control: "Yes, I want to be the admin",
            who: PAT,
            goal: Goal::AdminStarted,
        },
        Step {
            title: "Prove the domain",
            seed_ref: "How administrators can control the accounts",
            seed: &[
                "If a directory was automatically created for you during the self-service process, take ownership of the domain that was used to create it.",
            ],
            notes: &[
                "If you already own a directory in Azure but users specified a new domain that you use in your organization, merge that domain into your existing directory.",
            ],
            doing: "Publish the TXT record the Admin center shows for fabrikam.com: “Open the DNS page with this record filled in”, then “Add record”.",
            route: "/dns",
            control: "Add record",
            who: PAT,
            goal: Goal::TxtPublished,
        },
        Step {
            title: "Take over the directory",
            seed_ref: "How administrators can control the accounts",
            seed: &[
                "To control the user accounts in the Azure directory, or to prevent users from signing up for RMS for individuals, you must have an Azure subscription and own the directory.",
            ],
            notes: &["If you don't already have an Azure subscription, you can obtain one without charge."],
            doing: "DNS takes 15 to 60 minutes: click “Skip to …” beside the clock (or advance time), then in the Admin center click “Okay, I've added the record”.",
            route: "/admin",
            control: "Okay, I've added the record",
            who: PAT,
            goal: Goal::TookOver,
        },
        Step {
            title: "Stop new accounts",
            seed_ref: "Prevent users from signing up",
            seed: &[
                "Prevent users from creating a new account in Azure, which means that only users who already have an account in Azure can sign up for self-service subscriptions, which includes RMS for individuals.",
                "To do this, set the AllowEmailVerifiedUsers parameter to false with the Set-MsolCompanySettings cmdlet from the Windows PowerShell module for Azure Active Directory.",
            ],
            notes: &[
                "In most cases, there is little advantage in doing this because users will either share files without protection (which could put your company at risk), or will use another file protection mechanism that doesn’t provide the IT department with the option to access the data.",
                "For example: Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -AllowAdHocSubscriptions $true",
                "Prevent all users from signing up for self-service subscriptions, which includes RMS for individuals. Currently, you cannot set this by service; the setting applies to all Azure subscriptions that use the self-service process.",
            ],
            doing: "In the Admin center, clear “AllowEmailVerifiedUsers” and click “Save” (or, in PowerShell: Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -AllowAdHocSubscriptions $true).",
            route: "/admin",
            control: "Save",
            who: PAT,
            goal: Goal::SignupsPrevented,
        },
        Step {
            title: "Synchronize the directory",
            seed_ref: "Prevent users from signing up",
            seed: &[
                "Synchronize your Active Directory Domain Services infrastructure with Azure Active Directory.",
                "This action prevents new accounts from being created when users sign up for self-service subscriptions such as RMS for individuals",
            ],
            notes: &[
                "Implement directory integration solutions for Azure Active Directory and your Active Directory Domain Services infrastructure. You can synchronize accounts and passwords so that users will not have to create new accounts to use Rights Management and your on-premises password policies will apply to the new Azure user accounts.",
            ],
            doing: "In the Admin center, click “Turn on directory synchronization”.",
            route: "/admin",
            control: "Turn on directory synchronization",
            who: PAT,
            goal: Goal::DirSyncOn,
        },
        Step {
            title: "Delete an account",
            seed_ref: "Prevent users from signing up",
            seed: &["you can delete or disable accounts that were previously created in the Azure directory."],
            notes: &[],
            doing: "In the Admin center's Users, click “Delete” for r.ortiz@fabrikam.com (it runs at once, and its notice offers “Undo”), or “Block sign-in”.",
            route: "/admin",
            control: "Delete",
            who: PAT,
            goal: Goal::AccountRemoved { target: ROSA },
        },
    ],
};

const FIND_OUT: Lesson = Lesson {
    id: "find-out",
    title: "Find out who signed up",
    section: "How to find out if your users have signed up for RMS for individuals",
    summary: "Dana at Litware signs up; Litware's admin finds out four ways.",
    preset: Preset::Default,
    steps: &[
        Step {
            title: "Someone signs up",
            seed_ref: "How to find out if your users have signed up",
            seed: &["As an administrator, how do you know if your users have signed up for RMS for individuals?"],
            notes: &["You might use any or a combination of the following methods:"],
            doing: "First, someone at Litware signs up: d.smith@litwareinc.com on the portal (Get started, the link in her mail, Create with Dana Smith and Litware-2016!).",
            route: "/portal",
            control: "Get started",
            who: D_SMITH,
            goal: Goal::SignedUp,
        },
        Step {
            title: "Software inventory",
            seed_ref: "How to find out, method 3",
            seed: &[
                "Use a system management solution, such as System Center Configuration Manager, to inventory software installed and software in use.",
                "The Rights Management sharing application runs by using the ipviewer.exe program",
            ],
            notes: &[
                "you can download and install the application for free to identify other characteristics about this application that you then use for software inventory.",
            ],
            doing: "Dana signs in (d.smith@litwareinc.com, Litware-2016!) and clicks “Install the sharing application”. Then open Software inventory and choose litwareinc.com in “Organization”: her computer runs ipviewer.exe.",
            route: "/signin",
            control: "Install the sharing application",
            who: D_SMITH,
            goal: Goal::AppInstalled,
        },
        Step {
            title: "Ask users",
            seed_ref: "How to find out, method 1",
            seed: &[
                "Ask users how they protect highly confidential files, especially when collaborating with others outside the organization.",
            ],
            notes: &[],
            doing: "Dana's answer: in the Sharing app she chooses Sample.txt, clicks “Share Protected”, types janetm@contoso.com in Users and clicks “Send”.",
            route: "/sharing",
            control: "Share Protected",
            who: D_SMITH,
            goal: Goal::SharedOutside { to: JANET },
        },
        Step {
            title: "Get-MsolAccountSku",
            seed_ref: "How to find out, method 2",
            seed: &[
                "When you have an Azure subscription for your organization, use the Get-MsolAccountSku cmdlet to see if RIGHTSMANAGEMENT_ADHOC is returned as one of the subscriptions.",
            ],
            notes: &[
                "If it is, this is the RMS for individuals subscription that was granted to the organization, with a pool of active units available for users to use the self-service sign-up process.",
            ],
            doing: "In PowerShell, run Connect-MsolService and sign in as admin@litwareinc.com (Litware-2016!), then run Get-MsolAccountSku: litwareinc:RIGHTSMANAGEMENT_ADHOC is listed. The step is ticked when the console connects (what a Get- cmdlet shows isn't recorded).",
            route: "/powershell",
            control: "PowerShell command",
            who: LITWARE,
            goal: Goal::ConsoleConnected,
        },
        Step {
            title: "File name extensions",
            seed_ref: "How to find out, method 4",
            seed: &[
                "Be on the lookout for file name extensions that are created by the Rights Management sharing application.",
                "The .pfile and .ppdf file name extensions are the most obvious examples, but there are other files that change their file name extension when they are natively protected by Rights Management.",
            ],
            notes: &[],
            doing: "Dana shares Pricing.pdf protected with janetm@contoso.com: it becomes Pricing.ppdf.",
            route: "/sharing",
            control: "Share Protected",
            who: D_SMITH,
            goal: Goal::ExtensionSeen { to: JANET },
        },
    ],
};

const CONVERT: Lesson = Lesson {
    id: "convert-to-paid",
    title: "Convert to a paid subscription",
    section: "Technical overview: Manage Rights Management",
    summary: "Dana signs Litware up for RMS for individuals; Litware's admin converts it; Dana's file still opens.",
    preset: Preset::Default,
    steps: &[
        Step {
            title: "Sign-up finds Litware's tenant",
            seed_ref: "Technical overview, step 1",
            seed: &[
                "If an existing tenant is found, it is checked to see whether it already has a subscription for Azure RMS. When no subscription is found, the free RMS for individuals subscription can be added.",
            ],
            notes: &[],
            doing: "Sign up d.smith@litwareinc.com (Dana Smith, Litware-2016!). Litware's directory exists with Exchange Online only, so sign-up adds RIGHTSMANAGEMENT_ADHOC to it.",
            route: "/portal",
            control: "Get started",
            who: D_SMITH,
            goal: Goal::SignedUp,
        },
        Step {
            title: "Dana protects a file",
            seed_ref: "Technical overview, step 2",
            seed: &[
                "Now, this user can be authenticated by Azure and can then protect files and read files that others have protected by using Azure Rights Management.",
            ],
            notes: &[],
            doing: "Dana signs in and, in the Sharing app, shares Sample.txt protected with janetm@contoso.com (“Share Protected”, Users, “Send”).",
            route: "/sharing",
            control: "Share Protected",
            who: D_SMITH,
            goal: Goal::SharedOutside { to: JANET },
        },
        Step {
            title: "Litware's admin signs in",
            seed_ref: "Manage Rights Management",
            seed: &[
                "Manage Rights Management: IT administrators can convert the RMS for individuals subscription for the organization to a paid subscription that includes Azure Rights Management.",
            ],
            notes: &[],
            doing: "Sign in as admin@litwareinc.com with Litware-2016!: Litware's global administrator.",
            route: "/signin",
            control: "Sign in",
            who: LITWARE,
            goal: Goal::SignedIn,
        },
        Step {
            title: "Convert",
            seed_ref: "Manage Rights Management",
            seed: &[
                "When they do this, the existing Azure directory and accounts are preserved for a seamless transition for existing users who were using RMS for individuals.",
            ],
            notes: &[
                "When you take this course of action, your organization benefits by being able to integrate Rights Management into its workflows, services, and data stores. In addition, you can now manage Rights Management because you have control over your organization’s tenant key for Azure Rights Management.",
            ],
            doing: "In the Admin center, under “Subscriptions and Rights Management”, click “Convert to paid subscription”.",
            route: "/admin",
            control: "Convert to paid subscription",
            who: LITWARE,
            goal: Goal::Converted,
        },
        Step {
            title: "Her file still opens",
            seed_ref: "Manage Rights Management",
            seed: &[
                "Any files that users protected previously will still be protected with the same policies and the people that they granted permissions to use the files will still be able to use the files in the same way.",
            ],
            notes: &[],
            doing: "Janet opens Dana's file: signed in as janetm@contoso.com (Contoso-2016!), her inbox, the message from Dana Smith, “Open in the viewer”.",
            route: "/inbox/janetm@contoso.com",
            control: "Open in the viewer",
            who: JANET,
            goal: Goal::OpenedAfterConversion { issuer: D_SMITH },
        },
    ],
};

const PROTECT: Lesson = Lesson {
    id: "protect-share-track",
    title: "Protect, share, read, track and revoke",
    section: "RMS for Individuals and Azure Rights Management",
    summary: "Janet at Contoso shares a protected file with Pat at Fabrikam, tracks it and revokes it.",
    preset: Preset::FabrikamSignedUp,
    steps: &[
        Step {
            title: "Janet signs in",
            seed_ref: "Now your account is created",
            seed: &[
                "When prompted to sign in to protect or read protected files, enter your email address and password that you used to create the account for RMS for the individuals.",
            ],
            notes: &[],
            doing: "Sign in as janetm@contoso.com with Contoso-2016!: Contoso has a paid subscription that includes Azure RMS.",
            route: "/signin",
            control: "Sign in",
            who: JANET,
            goal: Goal::SignedIn,
        },
        Step {
            title: "Protect and share",
            seed_ref: "RMS for individuals",
            seed: &[
                "Using the Rights Management sharing application on Windows computers, these users can also protect files in place or send protected files by email to people inside or outside their organization.",
            ],
            notes: &[
                "This free subscription ensures that authorized people can always read files that have been protected.",
            ],
            doing: "In the Sharing app choose Sample.txt, click “Share Protected”, type p.dover@fabrikam.com in Users, tick “Email me when somebody tries to open these documents” and “Allow me to instantly revoke access to these documents”, then click “Send”.",
            route: "/sharing",
            control: "Send",
            who: JANET,
            goal: Goal::Shared { reader: PAT },
        },
        Step {
            title: "Pat signs in",
            seed_ref: "RMS for individuals",
            seed: &[
                "If the recipients of the email that they send are in an organization that also doesn't manage user accounts in Azure, they too can sign up for an RMS for individuals account to read the protected email attachment.",
            ],
            notes: &[],
            doing: "Pat already has an account (fabrikam.com signed up before): sign in as p.dover@fabrikam.com with Fabrikam-2016!.",
            route: "/signin",
            control: "Sign in",
            who: PAT,
            goal: Goal::SignedIn,
        },
        Step {
            title: "Pat reads it",
            seed_ref: "RMS for individuals",
            seed: &[
                "As a result, these users can now authenticate to prove that they are the person that the protected files were sent to, and then read the protected files on computers or mobile devices.",
            ],
            notes: &[],
            doing: "In Pat's inbox, open Janet's message and click “Open in the viewer”.",
            route: "/inbox/p.dover@fabrikam.com",
            control: "Open in the viewer",
            who: PAT,
            goal: Goal::Opened { issuer: JANET },
        },
        Step {
            title: "Janet tracks it",
            seed_ref: "Manage Rights Management",
            seed: &[
                "Provide users with the ability to track and revoke their protected documents, if these features are supported by your Azure RMS subscription.",
            ],
            notes: &[
                "For more information, see Track and revoke your files from the RMS sharing application user guide.",
            ],
            doing: "Janet's inbox has Microsoft's email saying Pat opened the file: open it. Its link “Track this document” leads to the document tracking site, which lists the attempt.",
            route: "/inbox/janetm@contoso.com",
            control: "p.dover@fabrikam.com tried to open Sample.ptxt",
            who: JANET,
            goal: Goal::NoticeRead { reader: PAT },
        },
        Step {
            title: "Janet revokes it",
            seed_ref: "Manage Rights Management",
            seed: &["Provide users with the ability to track and revoke their protected documents"],
            notes: &[
                "Any files that users protected previously will still be protected with the same policies and the people that they granted permissions to use the files will still be able to use the files in the same way.",
            ],
            doing: "On the document tracking site, click “Revoke access” for Sample.ptxt.",
            route: "/tracking",
            control: "Revoke access",
            who: JANET,
            goal: Goal::Revoked,
        },
        Step {
            title: "Pat is refused",
            seed_ref: "Technical overview, step 4",
            seed: &[
                "more easily prevent unauthorized people from reading their files when they should not have access to them.",
            ],
            notes: &[],
            doing: "Pat opens the file again (her inbox, Janet's message, “Open in the viewer”): the service refuses, and Janet's tracking site lists the refused attempt.",
            route: "/inbox/p.dover@fabrikam.com",
            control: "Open in the viewer",
            who: PAT,
            goal: Goal::RefusedAfterRevoke { owner: JANET },
        },
    ],
};
