//! `/admin`: the admin center of the signed-in global administrator —
//! domains (add, verify, take over), self-service sign-up settings,
//! directory synchronization, accounts, conversion to a paid subscription
//! and its Rights Management features, and the software inventory. A member
//! of an unmanaged directory gets the "Become the admin" wizard instead.

use crate::platform::download_text;
use crate::sim::admin::takeover::{deletion_effect, key_move_effect};
use crate::sim::admin::{AdminAccess, AdminError, Confirmed};
use crate::sim::command::{
    AddDomain, AddSuperUser, ConfirmDomain, ConvertToPaid, RemoveSuperUser, RemoveUser, SetBlockCredential,
    SetCompanySettings, SetDirSync, SetRmsFeature,
};
use crate::sim::email::query_encode;
use crate::sim::sharing::TRACKING_RULE_NOTE;
use crate::sim::{
    AccountStatus, Command, CompanySettings, DomainListStatus, Email, ForceTakeover, RmsFeature, SettingsVia, Sku,
    TenantKind,
};
use crate::ui::components::become_admin::BecomeAdmin;
use crate::ui::components::data_table::DataTable;
use crate::ui::components::feedback::{Feedback, FeedbackEvents, FeedbackNotice};
use crate::ui::components::inventory_table::InventoryTable;
use crate::ui::components::status::Notice;
use crate::ui::components::why::Why;
use crate::ui::state::{Sim, use_sim};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Runs an admin command with the page's feedback, and says whether it worked.
#[derive(Clone, Copy)]
struct Runner {
    sim: Sim,
    feedback: Feedback,
}

impl Runner {
    fn run<C, T: 'static>(&self, command: C, ok: impl FnOnce(&T) -> String) -> bool
    where
        C: Command<Output = Result<T, AdminError>>,
    {
        self.feedback.run_result(command, ok).is_ok()
    }

    /// A destructive command: it runs at once and its notice offers "Undo".
    fn run_undoable<C, T: 'static>(&self, command: C, ok: impl FnOnce(&T) -> String) -> bool
    where
        C: Command<Output = Result<T, AdminError>>,
    {
        self.feedback.run_undoable(command, ok).is_ok()
    }
}

#[component]
pub fn Admin() -> impl IntoView {
    let sim = use_sim();
    let open = use_query_map().with_untracked(|q| q.get("become").is_some());
    let who = Memo::new(move |_| {
        let device = sim.device();
        sim.with(|w| w.admin_access(&device))
    });
    let run = Runner { sim, feedback: Feedback::new() };
    view! {
        <Title text="Admin center" />
        <h1>"Admin center"</h1>
        <div class="sticky-notice"><FeedbackNotice feedback=run.feedback /></div>
        <FeedbackEvents feedback=run.feedback />
        {move || match who.get() {
            AdminAccess::SignedOut => view! {
                <p class="lead">"Sign in with a global administrator's account to manage your organization's directory."</p>
                <p><A href="/signin">"Sign in"</A>" as janetm@contoso.com (password Contoso-2016!) or admin@litwareinc.com (Litware-2016!)."</p>
                <Why><p class="hint">"A standard user of an unmanaged directory (for example p.dover@fabrikam.com in “Fabrikam has already signed up”) can become its admin here: the internal admin takeover."</p></Why>
            }.into_any(),
            AdminAccess::Refused(why) => view! { <p role="alert" class="notice err">{why.to_string()}</p> }.into_any(),
            AdminAccess::UnmanagedMember { upn, organization } => view! { <BecomeAdmin upn=upn organization=organization open=open feedback=run.feedback /> }.into_any(),
            AdminAccess::Admin { upn, tenant } => view! { <AdminCenter upn=upn tenant=tenant run=run /> }.into_any(),
        }}
    }
}

#[component]
fn AdminCenter(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let summary = {
        let tenant = tenant.clone();
        move || {
            sim.with(|w| {
                w.directory.tenants.get(&tenant).map(|t| {
                    format!(
                        "{} · {} · {} region · {} · tenant ID {}",
                        t.display_name,
                        t.initial_domain,
                        t.region.label(),
                        if t.kind == TenantKind::Managed { "managed" } else { "unmanaged" },
                        t.id
                    )
                })
            })
        }
    };
    view! {
        <p class="lead">{format!("Signed in as {upn}, a global administrator.")}</p>
        <p class="tenant-meta">{summary}</p>
        <Domains upn=upn.clone() tenant=tenant.clone() run=run />
        <SignupSettings upn=upn.clone() tenant=tenant.clone() run=run />
        <DirSync upn=upn.clone() tenant=tenant.clone() run=run />
        <Users upn=upn.clone() tenant=tenant.clone() run=run />
        <Subscriptions upn=upn.clone() tenant=tenant.clone() run=run />
        <SuperUsersCard upn=upn.clone() tenant=tenant.clone() run=run />
        <Inventory tenant=tenant.clone() />
    }
}

#[component]
fn Domains(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let name = RwSignal::new(String::new());
    let rows = Memo::new({
        let tenant = tenant.clone();
        move |_| {
            sim.with(|w| {
                // The engine's one domain list; an unverified domain shows
                // its TXT value and the unmanaged directory holding it, if any.
                w.directory
                    .domain_list(&tenant)
                    .into_iter()
                    .map(|d| match d.status {
                        DomainListStatus::Unverified => {
                            let holder = w.tenant_of_domain(&d.name).map(|h| h.display_name.clone());
                            let txt = w.existing_challenge(&tenant, &d.name).map(|c| c.txt);
                            (d.name, d.status.label().to_string(), txt, holder)
                        }
                        _ => (d.name, d.status.label().to_string(), None, None),
                    })
                    .collect::<Vec<_>>()
            })
        }
    });
    let u = upn.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (u, d) = (u.clone(), name.get_untracked());
        if run.run(
            AddDomain { actor: u, domain: d },
            |a| match &a.held_by {
                Some(h) => format!("{} was added as Unverified. It is held by the unmanaged directory {h}: publish the TXT record {} on the DNS page, then Verify to take it over (external admin takeover).", a.challenge.domain, a.challenge.txt),
                None => format!("{} was added as Unverified. Publish the TXT record {} in its DNS zone, then Verify.", a.challenge.domain, a.challenge.txt),
            },
        ) {
            name.set(String::new());
        }
    };
    let verify = move |d: String| {
        let u = upn.clone();
        run.run(
            ConfirmDomain { actor: u, domain: d, force: ForceTakeover::Force },
            |c| match c {
                Confirmed::Verified { domain } => format!("{domain} is verified."),
                Confirmed::TookOver(t) => format!(
                    "{} now belongs to {}: {} user(s), their subscriptions and licenses moved from the unmanaged directory {}. {} {}",
                    t.domain,
                    t.to,
                    t.users.len(),
                    t.from_initial,
                    key_move_effect(t.same_region),
                    deletion_effect(&t.from_initial, t.deletion_at)
                ),
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="domains-h">
            <h2 id="domains-h">"Domains"</h2>
            <p class="hint">"Add a domain, publish its TXT record, then Verify."</p>
            {move || {
                let list = rows.get();
                let verify = verify.clone();
                view! {
                    <div>
                        <table class="stack" role="table">
                            <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Domain"</th><th scope="col" role="columnheader">"Status"</th><th scope="col" role="columnheader">"TXT value to publish"</th><th scope="col" role="columnheader">"Actions"</th></tr></thead>
                            <tbody role="rowgroup">
                                {list.into_iter().map(|(d, status, txt, holder)| {
                                    let dd = d.clone();
                                    let verify = verify.clone();
                                    let unverified = txt.is_some();
                                    let dns = txt.clone().map(|v| format!("/dns?domain={}&type=TXT&value={}", query_encode(&d), query_encode(&v)));
                                    view! {
                                        <tr role="row">
                                            <td role="cell" data-label="Domain">{d}</td>
                                            <td role="cell" data-label="Status">{status}{holder.map(|h| view! { <span class="small">{format!(" · held by the unmanaged directory {h}: Verify takes it over")}</span> })}</td>
                                            <td role="cell" data-label="TXT value to publish" class="value">{txt.map(|v| view! { <code>{v}</code> })}{dns.map(|h| view! { " " <A href=h>"Publish on the DNS page"</A> })}</td>
                                            <td role="cell" data-label="Actions">{unverified.then(|| view! { <button type="button" class="small" on:click=move |_| verify(dd.clone())>"Verify"</button> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
            <form class="inline" on:submit=add novalidate>
                <label for="add-domain">"Domain name"</label>
                <input id="add-domain" type="text" spellcheck="false" autocomplete="off" placeholder="contoso.co.uk" bind:value=name />
                <button type="submit">"Add domain"</button>
            </form>
            <Why label="Why? (external admin takeover)"><p class="hint">"Adding a domain that an unmanaged directory holds (one created by self-service sign-up) and verifying it is an external admin takeover: the domain, its users, their subscriptions and license assignments move here. The RMS for individuals tenant key and default templates move only if both tenants are in the same region. The simulator's Verify uses the ForceTakeover option, so the emptied unmanaged tenant is deleted 10 days later (later behaviour: documented from 2023). In the console, Confirm-MsolEmailVerifiedDomain takes the domain over without forcing, and the emptied directory stays."</p></Why>
        </section>
    }
}

#[component]
fn SignupSettings(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let current =
        sim.with_untracked(|w| w.directory.tenants.get(&tenant).map(|t| t.settings.clone()).unwrap_or_default());
    let tenant_id = tenant.clone();
    let ad_hoc = RwSignal::new(current.allow_ad_hoc_subscriptions);
    let ev = RwSignal::new(current.allow_email_verified_users);
    // Keep the boxes in step with changes made elsewhere (console, other tab).
    Effect::new({
        let tenant = tenant.clone();
        move |_| {
            if let Some(s) = sim.with(|w| w.directory.tenants.get(&tenant).map(|t| t.settings.clone())) {
                ad_hoc.set(s.allow_ad_hoc_subscriptions);
                ev.set(s.allow_email_verified_users);
            }
        }
    });
    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let (u, a, v) = (upn.clone(), ad_hoc.get_untracked(), ev.get_untracked());
        let same = sim.with_untracked(|w| {
            w.directory.tenants.get(&tenant_id).is_some_and(|t| {
                t.settings.allow_ad_hoc_subscriptions == a && t.settings.allow_email_verified_users == v
            })
        });
        if same {
            run.feedback.say(Notice::Ok(format!(
                "Nothing to save: AllowAdHocSubscriptions is already {a} and AllowEmailVerifiedUsers {v}."
            )));
            return;
        }
        run.run(
            SetCompanySettings { actor: u, ad_hoc: Some(a), email_verified: Some(v), via: SettingsVia::AdminCenter },
            |s| {
                format!(
                    "Saved: AllowAdHocSubscriptions {}, AllowEmailVerifiedUsers {}. {}",
                    s.allow_ad_hoc_subscriptions,
                    s.allow_email_verified_users,
                    effect(s.allow_ad_hoc_subscriptions, s.allow_email_verified_users)
                )
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Self-service sign-up"</h2>
            <p class="hint">"Choose whether your users can still sign up, then Save."</p>
            <Why><p class="hint">"The company settings of Set-MsolCompanySettings (Microsoft Graph: allowedToSignUpEmailBasedSubscriptions and allowEmailVerifiedUsersToJoinOrganization). They apply to every self-service subscription, RMS for individuals included: you can't set them per service."</p></Why>
            <form on:submit=save>
                <label class="check"><input type="checkbox" prop:checked=move || ad_hoc.get() on:change=move |e| ad_hoc.set(event_target_checked(&e)) />"AllowAdHocSubscriptions"</label>
                <p class="hint">"Whether users can sign up for email-based subscriptions such as RMS for individuals."</p>
                <label class="check"><input type="checkbox" prop:checked=move || ev.get() on:change=move |e| ev.set(event_target_checked(&e)) />"AllowEmailVerifiedUsers"</label>
                <p class="hint">"Whether people can join the directory by email verification (sign-up creating a new account)."</p>
                <p>{move || effect(ad_hoc.get(), ev.get())}</p>
                <button type="submit" class="primary">"Save"</button>
            </form>
        </section>
    }
}

/// What a combination of the two settings does to sign-up (facts file §3),
/// in the engine's words (the event log says the same).
fn effect(ad_hoc: bool, email_verified: bool) -> String {
    let s = CompanySettings { allow_ad_hoc_subscriptions: ad_hoc, allow_email_verified_users: email_verified };
    format!("Effect{}: {}", if s.is_default() { " (the default)" } else { "" }, s.effect())
}

#[component]
fn DirSync(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let on = Memo::new(move |_| run.sim.with(|w| w.directory.tenants.get(&tenant).is_some_and(|t| t.dir_sync)));
    let toggle = move |_| {
        let (u, to) = (upn.clone(), !on.get_untracked());
        run.run(SetDirSync { actor: u, on: to }, move |_| {
            if to { "Directory synchronization is on: sign-up no longer creates accounts. You can block or delete the accounts sign-up created.".to_string() } else { "Directory synchronization is off.".to_string() }
        });
    };
    view! {
        <section class="card" aria-labelledby="dirsync-h">
            <h2 id="dirsync-h">"Directory synchronization"</h2>
            <p>{move || if on.get() { "On: accounts come from your on-premises Active Directory (Azure AD Connect), with password synchronization. Sign-up can't create new email-verified accounts." } else { "Off: accounts are created in the cloud, by you or by self-service sign-up." }}</p>
            <button type="button" on:click=toggle>{move || if on.get() { "Turn off directory synchronization" } else { "Turn on directory synchronization" }}</button>
        </section>
    }
}

#[component]
fn Users(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let rows = Memo::new(move |_| {
        sim.with(|w| {
            w.directory
                .tenants
                .get(&tenant)
                .map(|t| {
                    t.users
                        .values()
                        .map(|u| {
                            (
                                u.upn.to_string(),
                                u.display_name(),
                                u.role.label(),
                                u.creation_method.label(),
                                u.status == AccountStatus::SignInBlocked,
                                u.licenses.iter().map(|s| s.part_number()).collect::<Vec<_>>().join(", "),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let me = upn.to_string();
    view! {
        <section class="card" aria-labelledby="users-h">
            <h2 id="users-h">"Users"</h2>
            <p class="hint">"Sign-up's accounts say EmailVerified. Block sign-in keeps the account; Delete frees its license."</p>
            {move || {
                let me = me.clone();
                let upn = upn.clone();
                view! {
                    <div>
                        <table class="stack" role="table">
                            <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"User"</th><th scope="col" role="columnheader">"Name"</th><th scope="col" role="columnheader">"Role"</th><th scope="col" role="columnheader">"Creation method"</th><th scope="col" role="columnheader">"Status"</th><th scope="col" role="columnheader">"Licenses"</th><th scope="col" role="columnheader">"Actions"</th></tr></thead>
                            <tbody role="rowgroup">
                                {rows.get().into_iter().map(|(u, name, role, method, blocked, lic)| {
                                    let own = u == me;
                                    let (ub, ud) = (u.clone(), u.clone());
                                    let (a1, a2) = (upn.clone(), upn.clone());
                                    let block = move |_| {
                                        let (a, t) = (a1.clone(), ub.clone());
                                        run.run(SetBlockCredential { actor: a, upn: t, blocked: !blocked }, |_| if blocked { "Sign-in unblocked.".to_string() } else { "Sign-in blocked: the account can't sign in or sign up any more.".to_string() });
                                    };
                                    let delete = move |_| {
                                        let (a, t) = (a2.clone(), ud.clone());
                                        run.run_undoable(RemoveUser { actor: a, upn: t }, |_| "The account was deleted, and its license units are free again.".to_string());
                                    };
                                    view! {
                                        <tr role="row">
                                            <td role="cell" data-label="User" class="value">{u.clone()}</td><td role="cell" data-label="Name">{name}</td><td role="cell" data-label="Role">{role}</td><td role="cell" data-label="Creation method">{method}</td>
                                            <td role="cell" data-label="Status">{if blocked { "Sign-in blocked" } else { "Enabled" }}</td><td role="cell" data-label="Licenses" class="value">{lic}</td>
                                            <td role="cell" data-label="Actions" class="row-actions">
                                                {(!own).then(|| view! {
                                                    <button type="button" class="small" on:click=block>{if blocked { "Unblock sign-in" } else { "Block sign-in" }}</button>
                                                    <button type="button" class="small danger" on:click=delete>"Delete"</button>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct SubsView {
    rows: Vec<Vec<String>>,
    adhoc: bool,
    paid: bool,
    converted: Option<String>,
    usage_logging: bool,
    keys: Vec<Vec<String>>,
    lost: Vec<Vec<String>>,
}

#[component]
fn Subscriptions(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let view_of = Memo::new(move |_| {
        sim.with(|w| {
            let t = w.directory.tenants.get(&tenant)?;
            Some(SubsView {
                rows: t.subscription_rows().into_iter().map(Vec::from).collect(),
                adhoc: t.subscription(Sku::RightsManagementAdhoc).is_some(),
                paid: t.paid_features(),
                converted: t.converted.map(|c| c.to_string()),
                usage_logging: t.rms.usage_logging,
                keys: t.keys.iter().map(|k| vec![k.id.clone(), k.origin.clone(), k.created.to_string()]).collect(),
                lost: w
                    .directory
                    .retired_keys
                    .iter()
                    .map(|r| vec![r.key.id.clone(), r.key.origin.clone(), r.at.to_string(), r.reason.to_string()])
                    .collect(),
            })
        })
    });
    let (u1, u3) = (upn.clone(), upn.clone());
    let convert = move |_| {
        let u = u1.clone();
        run.run_undoable(ConvertToPaid { actor: u }, |_| "Converted: the organization now has Azure Rights Management Premium. The directory, accounts and protected files are unchanged; track and revoke, usage logging, super users and bring your own key are available.".to_string());
    };
    let logging_toggle = move |on: bool| {
        let u = u3.clone();
        run.run(SetRmsFeature { actor: u, feature: RmsFeature::UsageLogging, on }, move |_| {
            if on { "Usage logging is on.".to_string() } else { "Usage logging is off.".to_string() }
        });
    };
    let u4 = upn.clone();
    let download_log = move |_| {
        let r = sim.with_untracked(|w| w.usage_log_w3c(&u4));
        run.feedback.say(match r.map_err(|e| e.to_string()).and_then(|log| {
            let rows = log.lines().filter(|l| !l.starts_with('#')).count();
            download_text("rms-usage-log.log", "text/plain", &log).map(|()| rows)
        }) {
            Ok(rows) => Notice::Ok(format!("The usage log was downloaded as rms-usage-log.log ({rows} entries, W3C extended log format, as Get-AadrmUserLog saves it).")),
            Err(e) => Notice::Err(e),
        });
    };
    view! {
        <section class="card" aria-labelledby="subs-h">
            <h2 id="subs-h">"Subscriptions and Rights Management"</h2>
            {move || view_of.get().map(|v| {
                let lt = logging_toggle.clone();
                let ul = v.usage_logging;
                view! {
                    <DataTable headers=&["AccountSkuId", "ActiveUnits", "WarningUnits", "ConsumedUnits", "Product"] rows=v.rows.clone() />
                    {(v.adhoc && !v.paid).then(|| view! {
                        <p>"RMS for individuals (RIGHTSMANAGEMENT_ADHOC) is free, with 50,000 units for people who sign up. Converting it to a paid subscription that includes Azure Rights Management keeps the directory, the accounts, and every protected file with its policy."</p>
                        <button type="button" class="primary" on:click=convert.clone()>"Convert to paid subscription"</button>
                    })}
                    {v.converted.clone().map(|c| view! { <p>{format!("Converted from RMS for individuals at {c}.")}</p> })}
                    <h3>"Paid Rights Management features"</h3>
                    <dl class="facts">
                        <dt>"Document tracking and revocation"</dt>
                        <dd>{if v.paid { "Available: owners track and revoke their documents on the document tracking site, are emailed when someone opens them if they ask, and can choose instant revoke." } else { TRACKING_RULE_NOTE }}</dd>
                        <dt>"Usage logging"</dt>
                        <dd>{if !v.paid { "Not available: RMS for individuals alone doesn't offer usage logging (it needs a paid subscription and a tenant administrator).".to_string() } else if ul { "On (on by default since February 2016): every request to the service is written to the usage log.".to_string() } else { "Off: requests are not logged. Entries written before stay downloadable.".to_string() }}
                            {v.paid.then(|| view! { <button type="button" class="small" on:click=move |_| lt(!ul)>{if ul { "Turn off usage logging" } else { "Turn on usage logging" }}</button> })}
                            {v.paid.then(|| view! { <button type="button" class="small" on:click=download_log.clone()>"Download usage log"</button> })}
                        </dd>
                        <dt>"Bring your own key (BYOK)"</dt>
                        <dd>{if v.paid { "Available. The tenant key is Microsoft-managed; BYOK generates it in your own HSM and transfers it to Azure Key Vault (not simulated)." } else { "Not available with RMS for individuals alone: BYOK needs a paid subscription and a tenant administrator." }}</dd>
                    </dl>
                    <h3>"RMS tenant keys"</h3>
                    <DataTable headers=&["Key ID", "Created for", "Created"] rows=v.keys.clone() empty="No tenant key: the organization has no Azure RMS subscription." />
                    {(!v.lost.is_empty()).then(|| view! {
                        <h3>"Keys no tenant holds any more"</h3>
                        <p class="important">"Files protected with these keys can no longer be opened by anyone."</p>
                        <DataTable headers=&["Key ID", "Created for", "Lost at", "Why"] rows=v.lost.clone() />
                    })}
                }
            })}
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct SuperUsersView {
    paid: bool,
    enabled: bool,
    users: Vec<Email>,
    log_entries: usize,
}

/// Super users (`Enable-AadrmSuperUserFeature`, `Add-AadrmSuperUser`…) and
/// the admin log that records each change.
#[component]
fn SuperUsersCard(upn: Email, tenant: String, run: Runner) -> impl IntoView {
    let sim = run.sim;
    let new_user = RwSignal::new(String::new());
    let view_of = Memo::new(move |_| {
        sim.with(|w| {
            w.directory.tenants.get(&tenant).map(|t| SuperUsersView {
                paid: t.paid_features(),
                enabled: t.rms.super_user_feature,
                users: t.rms.super_users.clone(),
                log_entries: t.rms.admin_log.len(),
            })
        })
    });
    let u = upn.clone();
    let toggle = move |on: bool| {
        let u = u.clone();
        run.run(SetRmsFeature { actor: u, feature: RmsFeature::SuperUsers, on }, move |_| {
            if on {
                "The super user feature is enabled: super users now have Full Control over every document protected under the organization's key, including older ones.".to_string()
            } else {
                "The super user feature is disabled: super users open only what they were granted.".to_string()
            }
        });
    };
    let u = upn.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let enabled = view_of.get_untracked().is_some_and(|v| v.enabled);
        if run.run(AddSuperUser { actor: u.clone(), upn: new_user.get_untracked() }, move |e| {
            if enabled {
                format!("{e} is a super user: Full Control over all of the organization's protected content.")
            } else {
                format!("{e} is a super user, but the super user feature is disabled: enable it for {e} to act as one.")
            }
        }) {
            new_user.set(String::new());
        }
    };
    let u = upn.clone();
    let remove = move |who: Email| {
        run.run(RemoveSuperUser { actor: u.clone(), upn: who.to_string() }, |e| {
            format!("{e} is no longer a super user.")
        });
    };
    let u = upn.clone();
    let download_admin_log = move |_| {
        let r = sim.with_untracked(|w| w.admin_log_csv(&u));
        run.feedback.say(match r.map_err(|e| e.to_string()).and_then(|log| {
            let rows = log.lines().count().saturating_sub(1);
            download_text("rms-admin-log.csv", "text/csv", &log).map(|()| rows)
        }) {
            Ok(rows) => Notice::Ok(format!("The admin log was downloaded as rms-admin-log.csv ({rows} entries), as Get-AadrmAdminLog saves it. Its columns are the simulator's: Microsoft doesn't publish the file's layout.")),
            Err(e) => Notice::Err(e),
        });
    };
    view! {
        <section class="card" aria-labelledby="super-h">
            <h2 id="super-h">"Super users"</h2>
            {move || view_of.get().map(|v| {
                if !v.paid {
                    return view! { <p>"Not available: super users need a paid subscription that includes Azure Rights Management and a tenant administrator. Convert RMS for individuals first."</p> }.into_any();
                }
                let t = toggle.clone();
                let on = v.enabled;
                let remove = remove.clone();
                view! {
                    <p class="hint">"Enable the feature, then add who may open everything."</p>
                    <Why><p class="hint">"A super user always has Full Control over every document protected under the organization's tenant key, whenever it was protected, for e-discovery or recovery. Each change is an administrative action in the admin log (Get-AadrmAdminLog), and each document a super user opens is in the usage log."</p></Why>
                    <p>
                        {if on { "The super user feature is enabled." } else { "The super user feature is disabled (the default)." }}
                        " "<button type="button" class="small" on:click=move |_| t(!on)>{if on { "Disable super users" } else { "Enable super users" }}</button>
                    </p>
                    {if v.users.is_empty() {
                        view! { <p>"No super users yet."</p> }.into_any()
                    } else {
                        view! {
                            <ul aria-label="Super users">
                                {v.users.iter().map(|who| {
                                    let (w2, r) = (who.clone(), remove.clone());
                                    let name = format!("Remove {who}");
                                    view! { <li>{who.to_string()}" "<button type="button" class="small" aria-label=name on:click=move |_| r(w2.clone())>"Remove"</button></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <form class="inline" on:submit=add.clone() novalidate>
                        <label for="super-user">"Super user email address"</label>
                        <input id="super-user" type="email" autocomplete="off" prop:value=move || new_user.get() on:input=move |ev| new_user.set(event_target_value(&ev)) />
                        <button type="submit">"Add super user"</button>
                    </form>
                    <p>
                        <button type="button" class="small" on:click=download_admin_log.clone()>"Download admin log"</button>
                        {format!(" {} administrative action(s) logged.", v.log_entries)}
                    </p>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn Inventory(tenant: String) -> impl IntoView {
    let sim = use_sim();
    let rows = Memo::new(move |_| sim.with(|w| w.software_inventory(&tenant)));
    view! {
        <section class="card" aria-labelledby="inventory-h">
            <h2 id="inventory-h">"Software inventory"</h2>
            <p class="hint">"Computers of your users with the sharing application (ipviewer.exe): a sign that they signed up."</p>
            <Why><p class="hint">"What a system management solution such as System Center Configuration Manager reports: the computers of your users on which the Rights Management sharing application (ipviewer.exe) is installed — one way to find out that people signed up for RMS for individuals. The company's own inventory, with no Azure role, is on "<A href="/inventory">"Software inventory"</A>"."</p></Why>
            <InventoryTable rows=rows empty="No computer of this organization has the sharing application installed." />
        </section>
    }
}
