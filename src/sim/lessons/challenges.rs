//! Challenges: tasks a trainer gives ("make fabrikam.com managed without
//! moving its users"), each a checklist. Every item is a check of the
//! world's state, not of what was clicked, so the list ticks itself however
//! the task was done (the admin center, the console, another tab).

use crate::sim::World;
use crate::sim::directory::{AccountStatus, CreationMethod, Role, Tenant, TenantKind, TenantOrigin};
use crate::sim::scenario::{CONTOSO_ADMIN, FABRIKAM_USERS, LITWARE_ADMIN, Preset};
use crate::sim::signup::DomainList;

/// One item of a challenge's checklist.
#[derive(Clone, Copy)]
pub struct Item {
    pub label: &'static str,
    pub check: fn(&World) -> bool,
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

/// A task with its checklist.
#[derive(Debug, Clone, Copy)]
pub struct Challenge {
    pub id: &'static str,
    pub title: &'static str,
    /// The task, as the trainer gives it.
    pub task: &'static str,
    /// Where to start: the scenario "Start challenge" loads.
    pub preset: Preset,
    /// A hint: where it is done.
    pub hint: &'static str,
    pub items: &'static [Item],
}

impl Challenge {
    /// Each item's state.
    pub fn checklist(&self, world: &World) -> Vec<(&'static str, bool)> {
        self.items.iter().map(|i| (i.label, (i.check)(world))).collect()
    }

    /// Whether every item is done.
    pub fn met(&self, world: &World) -> bool {
        self.items.iter().all(|i| (i.check)(world))
    }
}

pub fn challenge(id: &str) -> Option<&'static Challenge> {
    CHALLENGES.iter().find(|c| c.id == id)
}

const FABRIKAM: &str = "fabrikam.com";
const PAT: &str = FABRIKAM_USERS[0].email;
const ROSA: &str = FABRIKAM_USERS[1].email;
const BLOCK: &str = "tailspintoys.com";

fn fabrikam(w: &World) -> Option<&Tenant> {
    w.tenant_of_domain(FABRIKAM)
}

fn managed(t: &Tenant) -> bool {
    t.kind == TenantKind::Managed
}

fn has(t: &Tenant, upn: &str) -> bool {
    t.users.keys().any(|u| u.as_str().eq_ignore_ascii_case(upn))
}

fn enabled(t: &Tenant, upn: &str) -> bool {
    t.users.iter().any(|(u, x)| u.as_str().eq_ignore_ascii_case(upn) && x.status == AccountStatus::Enabled)
}

/// The directory sign-up created for fabrikam.com, if it still holds the domain.
fn fabrikam_own(w: &World) -> Option<&Tenant> {
    fabrikam(w).filter(|t| matches!(&t.origin, TenantOrigin::SelfServiceSignup { by } if by.domain() == FABRIKAM))
}

fn fabrikam_managed(w: &World) -> bool {
    fabrikam(w).is_some_and(managed)
}

/// The account sign-up made for `upn` is gone or can't sign in.
fn removed(w: &World, upn: &str) -> bool {
    w.directory.tenants.values().all(|t| !enabled(t, upn))
}

fn litware(w: &World) -> Option<&Tenant> {
    w.tenant_of_domain("litwareinc.com")
}

fn contoso(w: &World) -> Option<&Tenant> {
    w.tenant_of_domain("contoso.com")
}

/// Documents Janet shared with someone outside Contoso.
fn janet_shared(w: &World) -> impl Iterator<Item = &crate::sim::sharing::Document> {
    w.sharing.documents.values().filter(|d| {
        d.issuer.as_str() == CONTOSO_ADMIN.email
            && d.shared_with.iter().any(|r| !r.to_ascii_lowercase().ends_with("@contoso.com"))
    })
}

/// Whether `d` was opened by someone it was shared with outside Contoso.
fn opened_outside(d: &crate::sim::sharing::Document) -> bool {
    d.accesses.iter().any(|a| {
        a.outcome.granted() && a.who.as_deref().is_some_and(|who| !who.to_ascii_lowercase().ends_with("@contoso.com"))
    })
}

/// The tasks, at least one per part of the seed that changes the world.
pub static CHALLENGES: &[Challenge] = &[
    Challenge {
        id: "take-over-in-place",
        title: "Make fabrikam.com managed without moving its users",
        task: "Fabrikam's IT wants to manage the directory its employees created by signing up, keeping every account where it is.",
        preset: Preset::FabrikamSignedUp,
        hint: "An internal takeover: a Fabrikam employee signs in, “Become the admin” in the Admin center, publishes the TXT record on the DNS page.",
        items: &[
            Item { label: "fabrikam.com's directory is managed", check: fabrikam_managed },
            Item {
                label: "It has a global administrator from fabrikam.com",
                check: |w| {
                    fabrikam(w)
                        .is_some_and(|t| managed(t) && t.global_admins().iter().any(|u| u.upn.domain() == FABRIKAM))
                },
            },
            Item {
                label: "p.dover@fabrikam.com and r.ortiz@fabrikam.com are still in the directory sign-up created",
                check: |w| fabrikam_own(w).is_some_and(|t| has(t, PAT) && has(t, ROSA)),
            },
        ],
    },
    Challenge {
        id: "no-new-accounts",
        title: "Stop new accounts at fabrikam.com, keep sign-up for people who have one",
        task: "Nobody new may join Fabrikam's directory by signing up, but employees who already have an account keep using RMS for individuals.",
        preset: Preset::FabrikamSignedUp,
        hint: "Take the directory over first; then the Admin center's “Self-service sign-up” (or Set-MsolCompanySettings in PowerShell).",
        items: &[
            Item { label: "fabrikam.com's directory is managed", check: fabrikam_managed },
            Item {
                label: "AllowEmailVerifiedUsers is false",
                check: |w| fabrikam(w).is_some_and(|t| managed(t) && !t.settings.allow_email_verified_users),
            },
            Item {
                label: "AllowAdHocSubscriptions is still true",
                check: |w| {
                    fabrikam(w).is_some_and(|t| {
                        managed(t) && t.settings.allow_ad_hoc_subscriptions && !t.settings.allow_email_verified_users
                    })
                },
            },
            Item {
                label: "p.dover@fabrikam.com and r.ortiz@fabrikam.com can still sign in",
                check: |w| fabrikam(w).is_some_and(|t| enabled(t, PAT) && enabled(t, ROSA)),
            },
        ],
    },
    Challenge {
        id: "block-a-domain",
        title: "Keep tailspintoys.com out of RMS for individuals",
        task: "Nobody with an address at tailspintoys.com may create a directory by signing up.",
        preset: Preset::Default,
        hint: "The start page's “Blocked domains”: the list sign-up checks (the seed's blocked_domains.json).",
        items: &[
            Item {
                label: "tailspintoys.com is on the blocked domains list",
                check: |w| w.signups.lists.blocked.contains(BLOCK),
            },
            Item {
                label: "Sign-up checks the blocked domains",
                check: |w| w.signups.lists.is_on(DomainList::BlockedDomains),
            },
            Item {
                label: "No directory holds tailspintoys.com",
                check: |w| w.signups.lists.blocked.contains(BLOCK) && w.tenant_of_domain(BLOCK).is_none(),
            },
        ],
    },
    Challenge {
        id: "dir-sync",
        title: "Synchronize Fabrikam's directory",
        task: "Fabrikam's accounts must come from its on-premises Active Directory; the account Rosa made by signing up goes.",
        preset: Preset::FabrikamSignedUp,
        hint: "Take the directory over, then the Admin center's “Directory synchronization” and its Users.",
        items: &[
            Item { label: "fabrikam.com's directory is managed", check: fabrikam_managed },
            Item {
                label: "Directory synchronization is on",
                check: |w| fabrikam(w).is_some_and(|t| managed(t) && t.dir_sync),
            },
            Item {
                label: "r.ortiz@fabrikam.com's sign-up account is deleted or blocked",
                check: |w| fabrikam_managed(w) && removed(w, ROSA),
            },
        ],
    },
    Challenge {
        id: "litware-paid",
        title: "Give Litware a paid subscription, keeping its sign-ups",
        task: "Someone at Litware signs up for RMS for individuals; then Litware pays for Azure Rights Management, and their account stays.",
        preset: Preset::Default,
        hint: "Sign up a litwareinc.com address on the portal; then admin@litwareinc.com (Litware-2016!) converts in the Admin center.",
        items: &[
            Item {
                label: "Someone at litwareinc.com signed up for RMS for individuals",
                check: |w| {
                    litware(w)
                        .is_some_and(|t| t.users.values().any(|u| u.creation_method == CreationMethod::EmailVerified))
                },
            },
            Item {
                label: "Litware converted to a paid subscription that includes Azure RMS",
                check: |w| litware(w).is_some_and(|t| t.converted.is_some() && t.has_paid_azure_rms()),
            },
            Item {
                label: "The account that signed up is still in Litware's directory, with a paid license",
                check: |w| {
                    litware(w).is_some_and(|t| {
                        t.converted.is_some()
                            && t.users.values().any(|u| {
                                u.creation_method == CreationMethod::EmailVerified
                                    && u.status == AccountStatus::Enabled
                                    && u.licenses.iter().any(|s| s.is_paid_with_azure_rms())
                            })
                    })
                },
            },
            Item {
                label: "admin@litwareinc.com is still its global administrator",
                check: |w| {
                    litware(w).is_some_and(|t| {
                        t.users
                            .iter()
                            .any(|(u, x)| u.as_str() == LITWARE_ADMIN.email && x.role == Role::GlobalAdministrator)
                    })
                },
            },
        ],
    },
    Challenge {
        id: "revoke-after-reading",
        title: "Revoke a file after it was read",
        task: "Janet at Contoso shares a protected file with someone outside Contoso, who opens it; then Janet revokes it.",
        preset: Preset::FabrikamSignedUp,
        hint: "Janet (janetm@contoso.com, Contoso-2016!) on the Sharing app; the reader's inbox and the viewer; Janet's Document tracking.",
        items: &[
            Item {
                label: "Janet shared a protected file with someone outside Contoso",
                check: |w| janet_shared(w).next().is_some(),
            },
            Item { label: "They opened it", check: |w| janet_shared(w).any(opened_outside) },
            Item {
                label: "Janet revoked access to it",
                check: |w| janet_shared(w).any(|d| opened_outside(d) && d.revoked_at.is_some()),
            },
        ],
    },
    Challenge {
        id: "take-over-into-contoso",
        title: "Bring fabrikam.com into Contoso's directory",
        task: "Contoso bought Fabrikam: its IT takes the domain and its people into Contoso's own directory (an external takeover).",
        preset: Preset::FabrikamSignedUp,
        hint: "janetm@contoso.com (Contoso-2016!) adds fabrikam.com in the Admin center, publishes its TXT record, and verifies.",
        items: &[
            Item {
                label: "fabrikam.com is a domain of Contoso's directory",
                check: |w| matches!((fabrikam(w), contoso(w)), (Some(f), Some(c)) if f.id == c.id),
            },
            Item {
                label: "p.dover@fabrikam.com and r.ortiz@fabrikam.com moved with it",
                check: |w| contoso(w).is_some_and(|c| has(c, PAT) && has(c, ROSA)),
            },
            Item {
                label: "The directory sign-up created is empty",
                check: |w| {
                    contoso(w).is_some_and(|c| fabrikam(w).is_some_and(|f| f.id == c.id))
                        && w.directory.tenants.values().all(|t| {
                            !matches!(&t.origin, TenantOrigin::SelfServiceSignup { by } if by.domain() == FABRIKAM)
                                || t.users.is_empty()
                        })
                },
            },
        ],
    },
];
