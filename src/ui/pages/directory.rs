//! `/directory`: every Azure AD tenant, as an administrator (or Microsoft)
//! would see it: domains, managed or not, admins, users and subscriptions.

use crate::sim::{AccountStatus, TenantKind, TenantOrigin, World};
use crate::ui::components::data_table::DataTable;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, PartialEq, Eq, Hash)]
struct TenantView {
    id: String,
    name: String,
    initial_domain: String,
    domains: Vec<(String, String)>,
    managed: bool,
    origin: String,
    admins: Vec<String>,
    users: Vec<[String; 6]>,
    subs: Vec<[String; 5]>,
    templates: Vec<String>,
    templates_available: bool,
    facts: Vec<(&'static str, String)>,
    pending_deletion: Option<String>,
    /// Domains an administrator added but hasn't verified yet.
    unverified: Vec<String>,
}

fn tenant_views(w: &World) -> Vec<TenantView> {
    let mut by_tenant: std::collections::BTreeMap<&str, Vec<(String, String)>> = Default::default();
    for (d, r) in &w.directory.domains {
        by_tenant.entry(r.tenant.as_str()).or_default().push((d.clone(), r.status.label().to_string()));
    }
    let mut list: Vec<TenantView> = w
        .directory
        .tenants
        .values()
        .map(|t| TenantView {
            id: t.id.clone(),
            name: t.display_name.clone(),
            initial_domain: t.initial_domain.clone(),
            domains: match (by_tenant.remove(t.id.as_str()), t.deletion_at) {
                (Some(d), _) => d,
                (None, Some(_)) => vec![(t.initial_domain.clone(), "PendingDeletion".into())],
                (None, None) => vec![(t.initial_domain.clone(), "Verified, initial domain".into())],
            },
            managed: t.kind == TenantKind::Managed,
            origin: match &t.origin {
                TenantOrigin::Scenario => "Created when the organization bought its subscription".into(),
                TenantOrigin::SelfServiceSignup { by } => {
                    format!("Created automatically at {} when {by} signed up for RMS for individuals", t.created)
                }
            },
            admins: t.global_admins().iter().map(|u| u.upn.to_string()).collect(),
            users: t
                .users
                .values()
                .map(|u| {
                    let status = match (u.status, u.lockout.locked_until.filter(|x| *x > w.clock)) {
                        (AccountStatus::SignInBlocked, _) => "Sign-in blocked".to_string(),
                        (_, Some(until)) => format!("Locked until {until}"),
                        _ => "Enabled".to_string(),
                    };
                    [
                        u.upn.to_string(),
                        u.display_name(),
                        u.role.label().to_string(),
                        u.creation_method.label().to_string(),
                        status,
                        u.licenses.iter().map(|s| s.part_number()).collect::<Vec<_>>().join(", "),
                    ]
                })
                .collect(),
            subs: t
                .subscriptions
                .iter()
                .map(|s| {
                    [
                        t.account_sku_id(s.sku),
                        s.active_units.to_string(),
                        s.warning_units.to_string(),
                        t.consumed_units(s.sku).to_string(),
                        s.sku.display_name().to_string(),
                    ]
                })
                .collect(),
            templates: t.templates.iter().map(|x| x.name.clone()).collect(),
            templates_available: t.templates_available(),
            facts: vec![
                ("Region", t.region.label().to_string()),
                (
                    "Self-service sign-up",
                    format!(
                        "AllowAdHocSubscriptions {}, AllowEmailVerifiedUsers {}",
                        t.settings.allow_ad_hoc_subscriptions, t.settings.allow_email_verified_users
                    ),
                ),
                ("Directory synchronization", if t.dir_sync { "On".into() } else { "Off".into() }),
                (
                    "Usage logging",
                    if !t.paid_features() {
                        "Not available: usage logging needs a tenant administrator and a paid subscription that includes Azure RMS, and RMS for individuals has neither. Nothing this directory's users do is logged.".into()
                    } else if t.rms.usage_logging {
                        "On: every request to the service is written to the usage log.".into()
                    } else {
                        "Off: turned off by an administrator.".into()
                    },
                ),
                (
                    "Super users",
                    if !t.paid_features() {
                        "Not available without a paid subscription and an administrator.".into()
                    } else if t.rms.super_user_feature {
                        match t.rms.super_users.len() {
                            0 => "Enabled; nobody is a super user yet.".into(),
                            _ => format!("Enabled: {}", t.rms.super_users.iter().map(|u| u.to_string()).collect::<Vec<_>>().join(", ")),
                        }
                    } else {
                        "Disabled (the default).".into()
                    },
                ),
                (
                    "RMS tenant keys",
                    if t.keys.is_empty() {
                        "No tenant key: no Azure RMS subscription".into()
                    } else {
                        t.keys
                            .iter()
                            .map(|k| format!("{} (created for {})", k.id, k.origin))
                            .collect::<Vec<_>>()
                            .join("; ")
                    },
                ),
            ],
            pending_deletion: t.deletion_at.map(|d| d.to_string()),
            unverified: t.claims.keys().cloned().collect(),
        })
        .collect();
    list.sort_by(|a, b| a.domains.first().cmp(&b.domains.first()));
    list
}

#[component]
pub fn Directory() -> impl IntoView {
    let sim = use_sim();
    let tenants = Memo::new(move |_| sim.with(tenant_views));
    view! {
        <Title text="Directory" />
        <h1>"Directory"</h1>
        <p class="lead">"The Azure Active Directory tenants of the simulated world. A tenant created by self-service sign-up is unmanaged: it has no global administrator until IT takes it over."</p>
        <For each=move || tenants.get() key=|t| t.clone() let:t>
            <TenantSection t=t />
        </For>
    }
}

#[component]
fn TenantSection(t: TenantView) -> impl IntoView {
    let heading = t.domains.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>().join(", ");
    let hid = format!("tenant-{}", t.id);
    let label_id = hid.clone();
    view! {
        <section class="card tenant" aria-labelledby=label_id>
            <h2 id=hid>{heading}</h2>
            <p class="tenant-meta">
                <span class=if t.managed { "pill managed" } else { "pill unmanaged" }>{if t.managed { "Managed" } else { "Unmanaged" }}</span>
                {format!(" {} · {} · tenant ID {}", t.name, t.initial_domain, t.id)}
            </p>
            <p class="small">{t.origin}</p>
            {t.pending_deletion.map(|d| view! { <p class="important">{format!("PendingDeletion: its domain was taken over with ForceTakeover, so this emptied unmanaged tenant is deleted at {d}.")}</p> })}
            <dl class="facts">
                <dt>"Domains"</dt>
                <dd>{t.domains.iter().map(|(d, s)| format!("{d} ({s})")).collect::<Vec<_>>().join(", ")}</dd>
                <dt>"Global administrators"</dt>
                <dd>{if t.admins.is_empty() { "None: nobody administers this directory".to_string() } else { t.admins.join(", ") }}</dd>
                {(!t.unverified.is_empty()).then(|| view! { <dt>"Unverified domains"</dt><dd>{t.unverified.join(", ")}</dd> })}
                {t.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            <h3>"Users"</h3>
            <DataTable headers=&["User", "Name", "Role", "Creation method", "Status", "Licenses"] rows=t.users.into_iter().map(|u| u.to_vec()).collect() empty="None: every user moved with the domain." />
            <h3>"Subscriptions"</h3>
            <DataTable headers=&["AccountSkuId", "ActiveUnits", "WarningUnits", "ConsumedUnits", "Product"] rows=t.subs.into_iter().map(|r| r.to_vec()).collect() empty="None." />
            <h3>"Rights policy templates"</h3>
            {if t.templates.is_empty() {
                view! { <p>"None: the tenant has no Azure RMS subscription."</p> }.into_any()
            } else {
                view! {
                    <p>{if t.templates_available { "Available to the directory's users:" } else { "Created, but useful only from the second RMS for individuals user on:" }}</p>
                    <ul>{t.templates.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                }.into_any()
            }}
        </section>
    }
}
