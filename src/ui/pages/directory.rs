//! `/directory`: every Azure AD tenant, as an administrator (or Microsoft)
//! would see it. It leads with the diagram (a box per tenant, what the last
//! action changed); below, a section per tenant with its domains, managed
//! or not, admins, users and subscriptions, long identifiers and
//! explanations behind disclosures.
//!
//! A world can hold thousands of tenants (a class of trainees signing up, a
//! benchmark): the diagram draws at most [`DIAGRAM_MAX`] boxes (what the last
//! action touched first), the sections come [`TENANT_PAGE`] at a time, and a search
//! finds a tenant by its domains, name, administrators or users.

use crate::sim::basics::number::grouped;
use crate::sim::map::{DirectoryMap, Mark, TenantBox};
use crate::sim::{AccountStatus, TenantKind, TenantOrigin, World};
use crate::ui::components::data_table::DataTable;
use crate::ui::components::directory_map::DirectoryDiagram;
use crate::ui::components::icon::{Icon, icons};
use crate::ui::components::long_list::{ListSearch, PAGE, ShowMore};
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, PartialEq, Eq, Hash)]
struct TenantView {
    id: String,
    heading: String,
    name: String,
    initial_domain: String,
    domains: Vec<(String, String)>,
    managed: bool,
    mark: Mark,
    origin: String,
    admins: Vec<String>,
    users: Vec<[String; 6]>,
    /// When a search found the tenant by some of its users: "2 of 40 users match “bob”".
    users_note: Option<String>,
    subs: Vec<[String; 5]>,
    templates: Vec<String>,
    templates_available: bool,
    region: String,
    settings: String,
    dir_sync: bool,
    /// Usage logging: the state in a few words, and why.
    usage_logging: (String, Option<String>),
    super_users: String,
    /// Who each RMS tenant key was created for, and its ID.
    keys: Vec<(String, String)>,
    pending_deletion: Option<String>,
    /// Domains an administrator added but hasn't verified yet.
    unverified: Vec<String>,
}

/// The tenants' sections are long: this many at a time.
pub const TENANT_PAGE: usize = 10;

/// The diagram draws at most this many tenants.
pub const DIAGRAM_MAX: usize = 12;

/// Whether a tenant matches a search (`q` lowercased, not empty) by what its
/// section heads with: its domains, name, ID or administrators.
fn tenant_matches(b: &TenantBox, name: &str, q: &str) -> bool {
    b.domains.iter().any(|d| d.contains(q))
        || name.to_lowercase().contains(q)
        || b.id.contains(q)
        || b.admins.iter().any(|a| a.to_lowercase().contains(q))
}

fn user_matches(u: &crate::sim::directory::User, q: &str) -> bool {
    u.upn.to_string().contains(q) || u.display_name().to_lowercase().contains(q)
}

/// The tenants (indices into the map's order) a search finds: by the tenant
/// itself, or by any of its users.
fn matching(w: &World, map: &DirectoryMap, q: &str) -> Vec<usize> {
    let q = q.trim().to_lowercase();
    (0..map.tenants.len())
        .filter(|&i| {
            let b = &map.tenants[i];
            q.is_empty()
                || w.directory.tenants.get(&b.id).is_some_and(|t| {
                    tenant_matches(b, &t.display_name, &q) || t.users.values().any(|u| user_matches(u, &q))
                })
        })
        .collect()
}

/// The sections of the tenants `which` (indices into the map), each marked
/// as its box is. A tenant found by some of its users lists only those.
fn tenant_views(w: &World, map: &DirectoryMap, which: &[usize], q: &str) -> Vec<TenantView> {
    let q = q.trim().to_lowercase();
    which
        .iter()
        .filter_map(|&i| {
            let b = map.tenants.get(i)?;
            let t = w.directory.tenants.get(&b.id)?;
            let by_users = !q.is_empty() && !tenant_matches(b, &t.display_name, &q);
            let mut domains: Vec<(String, String)> = w
                .directory
                .tenant_domains(&t.id)
                .into_iter()
                .map(|(d, r)| (d.clone(), r.status.label().to_string()))
                .collect();
            if domains.is_empty() {
                let status = if t.deletion_at.is_some() { "PendingDeletion" } else { "Verified, initial domain" };
                domains.push((t.initial_domain.clone(), status.into()));
            }
            Some(TenantView {
                id: t.id.clone(),
                heading: b.heading(),
                name: t.display_name.clone(),
                initial_domain: t.initial_domain.clone(),
                domains,
                managed: t.kind == TenantKind::Managed,
                mark: b.mark,
                origin: match &t.origin {
                    TenantOrigin::Scenario => "Created when the organization bought its subscription.".into(),
                    TenantOrigin::SelfServiceSignup { by } => {
                        format!("Created automatically at {} when {by} signed up for RMS for individuals.", t.created)
                    }
                },
                admins: t.global_admins().iter().map(|u| u.upn.to_string()).collect(),
                users_note: by_users.then(|| {
                    let n = t.users.values().filter(|u| user_matches(u, &q)).count();
                    let all = t.users.len();
                    format!("{} of {} user{} match{} “{}”", n, all, if all == 1 { "" } else { "s" }, if n == 1 { "es" } else { "" }, q)
                }),
                users: t
                    .users
                    .values()
                    .filter(|u| !by_users || user_matches(u, &q))
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
                subs: t.subscription_rows(),
                templates: t.templates.iter().map(|x| x.name.clone()).collect(),
                templates_available: t.templates_available(),
                region: t.region.label().to_string(),
                settings: format!(
                    "AllowAdHocSubscriptions {}, AllowEmailVerifiedUsers {}",
                    t.settings.allow_ad_hoc_subscriptions, t.settings.allow_email_verified_users
                ),
                dir_sync: t.dir_sync,
                usage_logging: if !t.paid_features() {
                    (
                        "Not available: usage logging needs a tenant administrator and a paid subscription that includes Azure RMS.".into(),
                        Some("RMS for individuals has neither, so nothing this directory's users do is logged.".into()),
                    )
                } else if t.rms.usage_logging {
                    ("On".into(), Some("Every request to the service is written to the usage log.".into()))
                } else {
                    ("Off".into(), Some("An administrator turned it off: requests are not logged.".into()))
                },
                super_users: if !t.paid_features() {
                    "Not available without a paid subscription and an administrator.".into()
                } else if t.rms.super_user_feature {
                    match t.rms.super_users.len() {
                        0 => "Enabled; nobody is a super user yet.".into(),
                        _ => format!(
                            "Enabled: {}",
                            t.rms.super_users.iter().map(|u| u.to_string()).collect::<Vec<_>>().join(", ")
                        ),
                    }
                } else {
                    "Disabled (the default).".into()
                },
                keys: t.keys.iter().map(|k| (k.origin.clone(), k.id.clone())).collect(),
                pending_deletion: t.deletion_at.map(|d| d.to_string()),
                unverified: t.claims.keys().cloned().collect(),
            })
        })
        .collect()
}

#[component]
pub fn Directory() -> impl IntoView {
    let sim = use_sim();
    let map = Memo::new(move |_| sim.with(DirectoryMap::of));
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(TENANT_PAGE);
    let found = Memo::new(move |_| query.with(|q| map.with(|m| sim.with(|w| matching(w, m, q)))));
    // The diagram: the whole directory, or what a search found; at most DIAGRAM_MAX boxes.
    let focused = Memo::new(move |_| {
        let searching = query.with(|q| !q.trim().is_empty());
        map.with(|m| {
            if searching {
                let (picture, _) = found.with(|f| m.subset(f)).focused(DIAGRAM_MAX);
                let left_out = m.tenants.len() - picture.tenants.len();
                (picture, left_out)
            } else {
                m.focused(DIAGRAM_MAX)
            }
        })
    });
    let picture = Signal::derive(move || focused.with(|(m, _)| m.clone()));
    let total = Signal::derive(move || found.with(Vec::len));
    let tenants = Memo::new(move |_| {
        let n = shown.get();
        found.with(|f| query.with(|q| map.with(|m| sim.with(|w| tenant_views(w, m, &f[..n.min(f.len())], q)))))
    });
    view! {
        <Title text="Directory" />
        <h1>"Directory"</h1>
        <p class="lead">"Each box is an Azure AD tenant; what the last action changed has a thick outline and a “Changed” or “New” label."</p>
        <Show when=move || map.with(|m| m.tenants.len() > TENANT_PAGE)>
            <ListSearch id="directory-search" label="Find a tenant, domain or user" query=query shown=shown step=TENANT_PAGE placeholder="fabrikam.com" />
        </Show>
        {move || {
            let (left_out, all) = (focused.with(|(_, n)| *n), map.with(|m| m.tenants.len()));
            let searching = query.with(|q| !q.trim().is_empty());
            (left_out > 0).then(|| {
                let text = if searching {
                    let n = found.with(Vec::len);
                    format!(
                        "The search finds {} of the {} tenants{}.",
                        grouped(n),
                        grouped(all),
                        if n > DIAGRAM_MAX { format!("; the diagram shows the first {DIAGRAM_MAX}") } else { String::new() }
                    )
                } else {
                    format!(
                        "The diagram shows {} of the {} tenants: those the last action changed, then the first in the list below. Search to find any other.",
                        grouped(all - left_out),
                        grouped(all)
                    )
                };
                view! { <p class="hint">{text}</p> }
            })
        }}
        <DirectoryDiagram map=picture />
        <For each=move || tenants.get() key=|t| t.clone() let:t>
            <TenantSection t=t />
        </For>
        {move || (total.get() == 0).then(|| view! {
            <p class="empty" role="status">{format!("No tenant, domain or user matches “{}”.", query.get().trim())}</p>
        })}
        <ShowMore shown=shown total=total noun="tenants" step=TENANT_PAGE />
    }
}

#[component]
fn TenantSection(t: TenantView) -> impl IntoView {
    let hid = format!("tenant-{}", t.id);
    let label_id = hid.clone();
    let users_of = t.heading.clone();
    let class = match t.mark {
        Mark::Unchanged => "card tenant",
        Mark::Changed => "card tenant changed",
        Mark::New => "card tenant new",
    };
    let keys_summary = match t.keys.len() {
        0 => "No tenant key: no Azure RMS subscription".to_string(),
        n => format!(
            "{n} key{}, created for {}",
            if n == 1 { "" } else { "s" },
            t.keys.iter().map(|(origin, _)| origin.as_str()).collect::<Vec<_>>().join("; ")
        ),
    };
    view! {
        <section class=class aria-labelledby=label_id>
            <div class="tenant-head">
                <h2 id=hid>{t.heading}</h2>
                {if t.managed {
                    view! { <span class="state ok"><Icon drawing=icons::SHIELD />"Managed"</span> }.into_any()
                } else {
                    view! { <span class="state warn"><Icon drawing=icons::TRIANGLE_ALERT />"Unmanaged"</span> }.into_any()
                }}
                {(t.mark != Mark::Unchanged).then(|| view! {
                    <span class="state info mark"><Icon drawing=icons::INFO />{t.mark.label()}</span>
                })}
            </div>
            <p class="tenant-sub">{t.name}</p>
            {t.pending_deletion.map(|d| view! {
                <div class="important">
                    <p>{format!("PendingDeletion: this emptied unmanaged tenant is deleted at {d}.")}</p>
                    <details class="why">
                        <summary>"Why?"</summary>
                        <p>{format!("Its domain was taken over with ForceTakeover. {}", crate::sim::admin::takeover::DELETION_ERA_NOTE)}</p>
                    </details>
                </div>
            })}
            <dl class="facts">
                <dt>"Domains"</dt>
                <dd>{t.domains.iter().map(|(d, s)| format!("{d} ({s})")).collect::<Vec<_>>().join(", ")}</dd>
                <dt>"Global administrators"</dt>
                <dd>{if t.admins.is_empty() { "None: nobody administers this directory".to_string() } else { t.admins.join(", ") }}</dd>
                {(!t.unverified.is_empty()).then(|| view! { <dt>"Unverified domains"</dt><dd>{t.unverified.join(", ")}</dd> })}
                <dt>"Region"</dt>
                <dd>{t.region}</dd>
                <dt>"Self-service sign-up"</dt>
                <dd>{t.settings}</dd>
                <dt>"Directory synchronization"</dt>
                <dd>{if t.dir_sync { "On" } else { "Off" }}</dd>
                <dt>"Usage logging"</dt>
                <dd>
                    {t.usage_logging.0}
                    {t.usage_logging.1.map(|why| view! {
                        <details class="why"><summary>"Why?"</summary><p>{why}</p></details>
                    })}
                </dd>
                <dt>"RMS tenant keys"</dt>
                <dd>
                    {keys_summary}
                    {(!t.keys.is_empty()).then(|| view! {
                        <details class="why">
                            <summary>"Key IDs"</summary>
                            <ul class="ids">
                                {t.keys.into_iter().map(|(origin, id)| view! { <li><code>{id}</code>{format!(" (created for {origin})")}</li> }).collect_view()}
                            </ul>
                        </details>
                    })}
                </dd>
            </dl>
            <h3>"Users"</h3>
            {t.users_note.map(|n| view! { <p class="hint">{n}</p> })}
            <UserTable heading=users_of users=t.users />
            <h3>"Subscriptions"</h3>
            <DataTable headers=&["AccountSkuId", "ActiveUnits", "WarningUnits", "ConsumedUnits", "Product"] rows=t.subs.into_iter().map(|r| r.to_vec()).collect() empty="None." />
            <details class="more">
                <summary>"Details"</summary>
                <dl class="facts">
                    <dt>"Tenant ID"</dt>
                    <dd><code>{t.id}</code></dd>
                    <dt>"Initial domain"</dt>
                    <dd>{t.initial_domain}</dd>
                    <dt>"Created"</dt>
                    <dd>{t.origin}</dd>
                    <dt>"Super users"</dt>
                    <dd>{t.super_users}</dd>
                    <dt>"Rights policy templates"</dt>
                    <dd>
                        {if t.templates.is_empty() {
                            "None: the tenant has no Azure RMS subscription.".to_string()
                        } else if t.templates_available {
                            format!("Available to the directory's users: {}", t.templates.join("; "))
                        } else {
                            format!("Created, but useful only from the second RMS for individuals user on: {}", t.templates.join("; "))
                        }}
                    </dd>
                </dl>
            </details>
        </section>
    }
}

/// A tenant's users, [`PAGE`] at a time.
#[component]
fn UserTable(heading: String, users: Vec<[String; 6]>) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    let total = users.len();
    let users = StoredValue::new(users);
    let of = format!("users of {heading}");
    view! {
        {move || {
            let n = shown.get();
            let rows = users.with_value(|u| u.iter().take(n).map(|r| r.to_vec()).collect());
            view! { <DataTable headers=&["User", "Name", "Role", "Creation method", "Status", "Licenses"] rows=rows empty="None: every user moved with the domain." /> }
        }}
        <ShowMore shown=shown total=Signal::stored(total) noun="users" of=Signal::stored(of) />
    }
}
