//! The plain-language explanation of each event that `/events` and "What
//! happened behind the scenes" show, tied to the step of the seed it belongs to.

use super::EventKind;
use crate::sim::admin::RmsFeature;
use crate::sim::admin::takeover::{DELETION_ERA_NOTE, deletion_effect, key_move_effect};
use crate::sim::directory::CompanySettings;
use crate::sim::sharing::{AccessOutcome, reader_name};
use crate::sim::signup::Era;
use serde::{Deserialize, Serialize};

/// Which part of the seed an event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// "To sign up for RMS for individuals", step N (1–8).
    SignUp(u8),
    /// "Technical overview", step N (1–4).
    Overview(u8),
    /// After sign-up: "When prompted to sign in…".
    SignIn,
    /// "How administrators can control the accounts created for RMS for individuals".
    Control,
    /// "Manage Rights Management": converting to a paid subscription.
    Convert,
    /// "How to find out if your users have signed up for RMS for individuals".
    Detect,
    /// Protecting and reading files with the sharing application.
    Share,
    /// Something the trainer did to the simulation itself.
    Trainer,
}

impl Step {
    pub fn label(self) -> String {
        match self {
            Step::SignUp(n) => format!("To sign up, step {n}"),
            Step::Overview(n) => format!("Technical overview, step {n}"),
            Step::SignIn => "Signing in after sign-up".into(),
            Step::Control => "How administrators can control the accounts".into(),
            Step::Convert => "Manage Rights Management (convert to paid)".into(),
            Step::Detect => "How to find out if your users have signed up".into(),
            Step::Share => "Protecting and reading files".into(),
            Step::Trainer => "Simulator control".into(),
        }
    }

    /// The label in the words of the era the event's sign-up ran in: the
    /// seed's numbered steps describe the early-2016 pages only, so an
    /// October 2016 sign-up's steps are named by that flow's pages instead.
    pub fn label_in(self, era: Era) -> String {
        match (self, era) {
            (Step::SignUp(n), Era::October2016) => {
                let page = match n {
                    0..=2 => format!("the sign-up page, {}", era.shown_address()),
                    3 => format!("“{}”", era.start_button()),
                    4 => format!("the mail from the {}", era.sender_name()),
                    5 => format!("“{}”", era.link_text()),
                    6 => format!("“{}”", era.details_heading()),
                    _ => "the download page".to_string(),
                };
                format!("Sign-up from October 2016: {page}")
            }
            (step, _) => step.label(),
        }
    }
}

pub struct Explanation {
    pub step: Step,
    pub title: String,
    pub text: String,
}

impl EventKind {
    pub fn explain(&self) -> Explanation {
        use EventKind::*;
        let (step, title, text) = match self {
            ScenarioLoaded { name } => (
                Step::Trainer,
                format!("Scenario “{name}” loaded"),
                "The simulated world was replaced by this preset: its organizations, accounts and empty inboxes. The clock restarted at the scenario's start.".to_string(),
            ),
            ClockAdvanced { by, to } => (
                Step::Trainer,
                format!("Clock advanced by {by}"),
                format!("Simulated time is now {to}. Everything time-based (link expiry, account lockout) follows this clock, not the wall clock."),
            ),
            SignupRequested { email } => (
                Step::SignUp(3),
                format!("{email} clicked Get started"),
                "The portal checks the address before anything else: is it a valid address, is it a personal (consumer or Internet-provider) address, is its domain blocked, and does the organization already have a paid subscription that includes Azure RMS?".to_string(),
            ),
            SignupRefused { email, reason } => (
                Step::SignUp(2),
                format!("Sign-up refused for {email}"),
                format!("{reason} Nothing was created and no email was sent."),
            ),
            PaidSubscriptionFound { email, organization, sku } => (
                Step::SignUp(3),
                format!("{organization} already has a paid subscription with Azure RMS"),
                format!("The domain of {email} belongs to {organization}, which has {} ({}). The person doesn't need RMS for individuals: they use their existing work account, and the self-service sign-up was canceled. No email was sent.", sku.display_name(), sku.part_number()),
            ),
            ConfirmationEmailSent { email, expires_at, replaced_previous, valid_for, era } => (
                Step::SignUp(4),
                format!("Confirmation email sent to {email}"),
                format!(
                    "{} ({}) sent a message with the subject “{}”. Its link{} carries a 128-bit random token that works once and expires at {expires_at} ({} on the simulated clock; the real validity is not published).{}",
                    era.sender_name(),
                    era.sender(),
                    era.confirmation_subject(),
                    if *era == Era::Seed2016 { String::new() } else { format!(" (“{}”)", era.link_text()) },
                    valid_for.in_hours(),
                    if *replaced_previous { " An earlier link to the same address was retired: only the newest one works." } else { "" }
                ),
            ),
            ConfirmationLinkOpened { email, existing_account, era } => (
                Step::SignUp(5),
                format!("{email} opened the sign-up link"),
                match (existing_account, era) {
                    (true, _) => "The link proves the person receives mail at this address. The address already has an account in its organization's directory, so the page offers to activate RMS for individuals for it.".to_string(),
                    (false, Era::Seed2016) => "The link proves the person receives mail at this address. It opens a new Microsoft Rights Management page that asks for the account's details (seed step 6). Nothing is created until they click Create.".to_string(),
                    (false, Era::October2016) => "“Yes, that's me” verified the email address. The “One last thing ...” page asks for the first and last name and a password (no country). Nothing is created until they click Start.".to_string(),
                },
            ),
            EraChanged { era } => (
                Step::Trainer,
                format!("Sign-up flow: {}", era.label()),
                format!("New sign-ups follow the flow that {} describes: {} at {}, a mail from {} ({}) with the subject “{}”, then {}.{}", era.source(), era.start_button(), era.start_address(), era.sender_name(), era.sender(), era.confirmation_subject(), if era.asks_country() { "the account page with a country and Create, and a second mail saying the account is ready" } else { "“Yes, that's me”, “One last thing ...” and Start: no country and no second mail" }, " Sign-ups already begun keep the flow they started with."),
            ),
            ConfirmationLinkRejected { email, reason } => (
                Step::SignUp(5),
                format!("A sign-up link for {email} was refused"),
                reason.to_string(),
            ),
            AccountDetailsRejected { email, problems } => (
                Step::SignUp(6),
                format!("Account details for {email} were refused"),
                format!("Nothing was created. {}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" ")),
            ),
            DomainChecked { domain, found, has_rms } => (
                Step::Overview(1),
                format!("Domain {domain} checked against Azure tenants"),
                match found {
                    None => format!("No Azure tenant is associated with {domain}, so a new tenant and Azure directory will be created automatically for the organization."),
                    Some(t) if *has_rms => format!("{domain} belongs to the tenant {t}, which already has the RMS for individuals subscription: the new account joins its directory."),
                    Some(t) => format!("{domain} belongs to the existing tenant {t}. It has no subscription for Azure RMS, so the free RMS for individuals subscription can be added to it."),
                },
            ),
            TenantCreated { domain, tenant, initial_domain, region } => (
                Step::Overview(1),
                format!("New unmanaged tenant created for {domain}"),
                format!("Azure AD created the tenant {tenant} ({initial_domain}) with a directory for {domain}, one directory per domain, in the {} region (from the first user's country). It is unmanaged: it has no global administrator, and nobody in IT had to do anything. The domain is email-verified, not DNS-verified.", region.label()),
            ),
            UserCreated { upn, tenant, ordinal, new_tenant } => (
                Step::Overview(match (new_tenant, ordinal) { (true, _) | (false, 1) => 1, (false, 2) => 3, _ => 4 }),
                format!("Account {upn} created in {tenant}"),
                match (new_tenant, ordinal) {
                    (true, _) => format!("The first account of this new directory. Unlike with a paid subscription for Azure, it is not a global administrator but a standard user (creation method EmailVerified). It uses the email address and password {upn} supplied."),
                    (false, 1) => format!("The domain's directory {tenant} already existed, so no new tenant was created: the new user is added to it as a standard, email-verified user. This is the directory's first RMS for individuals sign-up (accounts its administrators made don't count)."),
                    (false, 2) => "The second RMS for individuals account in the organization's directory: the new user is added to the existing directory as a standard, email-verified user, using the organization's RMS for individuals subscription.".to_string(),
                    (false, n) => format!("RMS for individuals sign-up number {n} in this directory. Each new sign-up from the organization adds an email-verified standard user to the same directory."),
                },
            ),
            SubscriptionGranted { tenant, account_sku_id, active_units } => (
                Step::Overview(2),
                format!("{tenant} granted the RMS for individuals subscription"),
                format!("The organization received {account_sku_id} with {active_units} active units, free of charge. Licenses are assigned only to people who sign up."),
            ),
            DefaultTemplatesCreated { tenant, names } => (
                Step::Overview(2),
                format!("Default templates created for {tenant}"),
                format!("With the subscription, Azure RMS created the tenant key and two default templates that restrict access to accounts in the organization's directory: {}.", names.join(" and ")),
            ),
            LicenseAssigned { upn, account_sku_id, consumed, active } => (
                Step::Overview(2),
                format!("{upn} holds a {account_sku_id} license"),
                format!("ConsumedUnits is now {consumed} of {active}. This user can now be authenticated by Azure and can protect files and read files that others protected, with an RMS-enlightened application such as the Rights Management sharing application."),
            ),
            TemplatesAvailable { tenant, names } => (
                Step::Overview(3),
                format!("Default templates now useful in {tenant}"),
                format!("With a second account in the directory, these users can quickly apply the default templates ({}) to restrict files to accounts in their organization's directory.", names.join(", ")),
            ),
            AccountReadyEmailSent { email } => (
                Step::SignUp(7),
                format!("Account-ready email sent to {email}"),
                "A second message from Microsoft confirms the account is ready, with a link to sign in and download the sharing application and a Help link to its user guide.".to_string(),
            ),
            SignedIn { upn } => (
                Step::SignIn,
                format!("{upn} signed in"),
                "Azure AD checked the password against the stored salted hash and issued a session.".to_string(),
            ),
            SignInFailed { email, reason, counted, failures } => (
                Step::SignIn,
                format!("Sign-in failed for {email}"),
                format!(
                    "{reason} {}",
                    if *counted && *failures > 10 {
                        format!("Smart lockout counted it: failed attempt {failures}. After a lockout has ended, each further failed attempt locks the account again, for longer (the count restarts only after a successful sign-in).")
                    } else if *counted {
                        format!("Smart lockout counted it: {failures} of 10 failed attempts.")
                    } else {
                        "Smart lockout did not count it (the same wrong password as a recent attempt, or no such account).".to_string()
                    }
                ),
            ),
            AccountLocked { upn, until, lockout_number } => (
                Step::SignIn,
                format!("{upn} locked by smart lockout"),
                format!("{} This is lockout number {lockout_number}: it lasts until {until} on the simulated clock (60 seconds the first time, doubling for each later lockout in this simulator; Microsoft does not publish the rate). The 2016 policy states it: after 10 wrong passwords the user is locked out for one minute, and further incorrect attempts lock them out for increasing durations (the name smart lockout is later).", if *lockout_number > 1 { "After a lockout has ended, each further failed sign-in locks the account again." } else { "Ten failed sign-ins lock the account." }),
            ),
            SignedOut { upn } => (Step::SignIn, format!("{upn} signed out"), "The session ended.".to_string()),
            BlockedDomainAdded { domain } => (
                Step::Trainer,
                format!("{domain} added to the blocked domains"),
                "Sign-ups from this domain (and its subdomains) are now refused, because a directory can't be created for it.".to_string(),
            ),
            BlockedDomainRemoved { domain } => (
                Step::Trainer,
                format!("{domain} removed from the blocked domains"),
                "Sign-ups from this domain are no longer refused by the blocked-domains list.".to_string(),
            ),
            DomainListSwitched { list, on } => (
                Step::Trainer,
                format!("{} check turned {}", list.label(), if *on { "on" } else { "off" }),
                if *on { "Sign-up checks addresses against this list again." } else { "Sign-up no longer checks addresses against this list." }.to_string(),
            ),
            DnsRecordAdded { domain, kind, value, visible_at } => (
                Step::Control,
                format!("{} record added to {domain}", kind.label()),
                format!("The public DNS zone of {domain} now has the {} record “{value}”. Resolvers see it from {visible_at}: DNS changes take 15 to 60 minutes to propagate, so verification before then fails.", kind.label()),
            ),
            DnsRecordRemoved { domain, kind, value } => (
                Step::Control,
                format!("{} record removed from {domain}", kind.label()),
                format!("The record “{value}” is gone from the public DNS (in the simulator, at once)."),
            ),
            BecomeAdminStarted { upn, domain, txt } => (
                Step::Control,
                format!("{upn} chose to become the admin of {domain}"),
                format!("Internal admin takeover: to prove the organization owns {domain}, {upn} must publish the TXT record {txt} in its public DNS, then click “Okay, I've added the record”."),
            ),
            DomainVerificationFailed { domain, by, reason } => (
                Step::Control,
                format!("Verification of {domain} failed for {by}"),
                format!("{reason} Nothing changed."),
            ),
            InternalTakeover { upn, tenant, domain } => (
                Step::Control,
                format!("{upn} took over {tenant} (internal takeover)"),
                format!("The DNS record proved ownership of {domain}. The directory is now managed, {domain} is Verified, and {upn} is its global administrator. No users, domains or plans moved. IT can now control sign-up with AllowAdHocSubscriptions and AllowEmailVerifiedUsers."),
            ),
            DomainAdded { domain, tenant, txt, held_by } => (
                Step::Control,
                format!("{domain} added to {tenant} (Unverified)"),
                match held_by {
                    Some(h) => format!("{domain} is held by the unmanaged directory {h}. Publishing the TXT record {txt} and verifying with ForceTakeover merges it into {tenant}: an external admin takeover."),
                    None => format!("To verify {domain}, publish the TXT record {txt} in its DNS zone."),
                },
            ),
            DomainVerified { domain, tenant } => (Step::Control, format!("{domain} verified in {tenant}"), format!("The DNS record proved ownership: {domain} is now a Verified domain of {tenant}.")),
            ExternalTakeover { domain, from, to, users, same_region, deletion_at } => (
                Step::Control,
                format!("{to} took over {domain} from the unmanaged directory {from} (external takeover)"),
                format!(
                    "The domain, its {users} user(s), their subscriptions and license assignments moved to {to}. {} {}",
                    key_move_effect(*same_region),
                    deletion_effect(from, *deletion_at)
                ),
            ),
            TenantDeleted { tenant, initial_domain } => (Step::Control, format!("Tenant {tenant} deleted"), format!("The unmanaged tenant {tenant} ({initial_domain}) was deleted 10 days after the forced takeover, with any RMS key it still held. {DELETION_ERA_NOTE}")),
            CompanySettingsChanged { tenant, allow_ad_hoc, allow_email_verified, via } => (
                Step::Control,
                format!("{tenant}'s company settings changed ({})", via.label()),
                format!(
                    "AllowAdHocSubscriptions is {allow_ad_hoc} and AllowEmailVerifiedUsers is {allow_email_verified}. Effect: {}",
                    CompanySettings { allow_ad_hoc_subscriptions: *allow_ad_hoc, allow_email_verified_users: *allow_email_verified }.effect()
                ),
            ),
            DirSyncChanged { tenant, on } => (
                Step::Control,
                format!("Directory synchronization turned {} for {tenant}", if *on { "on" } else { "off" }),
                if *on { "Accounts now come from the on-premises Active Directory: sign-up no longer creates new email-verified accounts. Accounts that sign-up created can be blocked or deleted." } else { "Sign-up can create email-verified accounts again, as the company settings allow." }.to_string(),
            ),
            UserBlocked { upn, blocked } => (
                Step::Control,
                format!("{upn} {}", if *blocked { "blocked from signing in" } else { "unblocked" }),
                if *blocked { "The account stays, with its license, but can't sign in or sign up." } else { "The account can sign in again." }.to_string(),
            ),
            UserDeleted { upn, freed } => (
                Step::Control,
                format!("{upn} deleted"),
                if freed.is_empty() { "The account was removed from the directory.".to_string() } else { format!("The account was removed from the directory, and its license units are free again: {}.", freed.join(", ")) },
            ),
            ConvertedToPaid { tenant, account_sku_id, units } => (
                Step::Convert,
                format!("{tenant} converted to a paid subscription"),
                format!("{account_sku_id} ({units} units) now includes Azure Rights Management. The directory and accounts are preserved, and files protected before keep their policies. Track and revoke, usage logging, super users and bring your own key are now available."),
            ),
            RmsFeatureChanged { tenant, feature, on } => (Step::Convert, format!("{} turned {} in {tenant}", feature.label(), if *on { "on" } else { "off" }), feature_effect(*feature, *on)),
            SuperUserAdded { tenant, upn, enabled } => (
                Step::Convert,
                format!("{upn} made a super user of {tenant}"),
                format!("Add-AadrmSuperUser: {upn} {} Full Control over every document protected under {tenant}'s key, including documents protected before today. The action is in the admin log (Get-AadrmAdminLog); each document a super user opens is in the usage log.", if *enabled { "now has" } else { "will have, once the super user feature is enabled," }),
            ),
            SuperUserRemoved { tenant, upn } => (Step::Convert, format!("{upn} is no longer a super user of {tenant}"), "Remove-AadrmSuperUser: the account now opens only what it was granted. The action is in the admin log.".to_string()),
            SharingAppInstalled { upn, device } => (
                Step::Detect,
                format!("{upn} installed the sharing application on {device}"),
                "The Rights Management sharing application runs as ipviewer.exe: a software inventory (such as System Center Configuration Manager) now lists this computer, one way IT finds out that people signed up.".to_string(),
            ),
            ConsoleConnected { upn, service } => (
                Step::Control,
                format!("{upn} connected to {} in PowerShell", service.label()),
                "Only a global administrator of a managed tenant can connect; the cmdlets now act on that tenant.".to_string(),
            ),
            FileProtected { issuer, file, shared_with } => (
                Step::Share,
                if shared_with.is_empty() { format!("{issuer} protected {file} in place") } else { format!("{issuer} shared {file} protected") },
                format!(
                    "The sharing application generated a random AES-256 content key, encrypted the file with it, wrapped the key and the policy (the publishing license) with the organization's RMS tenant key, and signed the result.{}",
                    if shared_with.is_empty() { String::new() } else { format!(" An email with the protected attachment went to {}.", shared_with.join(", ")) }
                ),
            ),
            FileOpened { reader, file, outcome } => (
                Step::Share,
                format!("{} {} {file}", reader_name(reader.as_deref()), if outcome.granted() { "opened" } else { "could not open" }),
                match outcome {
                    AccessOutcome::OpenedByOwner => format!("The service checked the signature and the reader's identity: the issuer always has Full Control, even after expiry or revocation. {outcome}."),
                    AccessOutcome::OpenedBySuperUser => format!("The reader is a super user of the organization whose key protected the file, and the super user feature is enabled: the service decrypted it with Full Control whatever the policy says, as it would for any document protected under that key, however old. The decryption is in the usage log. {outcome}."),
                    o if o.granted() => format!("The service checked the signature, the reader's identity and the policy, and returned a use license with the reader's rights and the content key. {outcome}."),
                    _ => format!("The service refused a use license: {outcome}"),
                },
            ),
            ProtectionRemoved { owner, file } => (Step::Share, format!("{owner} removed protection from {file}"), "Only an owner (Full Control) can remove protection: the file is an ordinary file again.".to_string()),
            AccessRevoked { owner, file, effective_for_all } => (
                Step::Share,
                format!("{owner} revoked access to {file}"),
                format!("Nobody but the owner can get a new use license for it. Readers who already hold one keep access until it expires: everyone is locked out from {effective_for_all}."),
            ),
            Recorded { step, title, text } => (*step, title.clone(), text.clone()),
        };
        Explanation { step, title, text }
    }
}

impl EventKind {
    /// For an event that records why the person's action was refused: the
    /// refusal in the words the page's alert shows (the `Display` of the
    /// error the command returned). Behind the scenes such an event shows
    /// only its title and step, so the outcome is said once, in the alert;
    /// its explanation, which repeats these words, waits behind "Why?".
    pub fn refusal(&self) -> Option<String> {
        use EventKind::*;
        match self {
            SignupRefused { reason, .. } => Some(reason.to_string()),
            ConfirmationLinkRejected { reason, .. } => Some(reason.to_string()),
            AccountDetailsRejected { problems, .. } => {
                Some(problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" "))
            }
            SignInFailed { reason, .. } => Some(reason.to_string()),
            DomainVerificationFailed { reason, .. } => Some(reason.to_string()),
            _ => None,
        }
    }
}

/// What switching a paid Rights Management feature does.
pub fn feature_effect(feature: RmsFeature, on: bool) -> String {
    match (feature, on) {
        (RmsFeature::SuperUsers, true) => "Enable-AadrmSuperUserFeature: the organization's super users now have Full Control over all of its protected content, retroactively. The action is in the admin log (Get-AadrmAdminLog).",
        (RmsFeature::SuperUsers, false) => "Disable-AadrmSuperUserFeature: super users open only what they were granted again. The action is in the admin log.",
        (RmsFeature::UsageLogging, true) => "Usage logging is on: from now on every request to the service (certifying, protecting, opening, revoking) is written to the usage log, which Get-AadrmUserLog downloads.",
        (RmsFeature::UsageLogging, false) => "Usage logging is off: requests are no longer written to the usage log. Entries written before stay downloadable.",
    }
    .to_string()
}
