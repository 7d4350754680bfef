//! The picture of the directory that `/directory` draws: every tenant as a
//! box saying what it holds (domains, managed or not, administrators, users,
//! subscriptions, RMS tenant keys), and what the newest action changed:
//! which tenants it touched, which one it created, and what moved from one
//! tenant to another. Plain data made from the world; the page lays it out.
//!
//! The world is the state right after the newest action, so the tenants an
//! event names are found in it as they are now (a user by the tenant that
//! holds the account, a domain by the tenant that holds the domain).

use super::{Tenant, TenantId, TenantKind};
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::basics::time::SimTime;
use crate::sim::events::{Event, EventKind};
use std::collections::{BTreeMap, BTreeSet};

/// A box names its users when it has at most this many; above, it counts them.
pub const NAMED_USERS: usize = 3;

/// Every tenant as a box, in the order the page lists them, and the newest
/// action's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryMap {
    pub tenants: Vec<TenantBox>,
    pub change: LastChange,
}

/// What one tenant's box says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantBox {
    pub id: TenantId,
    /// The organization's name (the domain itself for a tenant made by sign-up).
    pub name: String,
    /// The domains it holds; its initial `….onmicrosoft.com` domain when it
    /// holds none (a tenant emptied by a takeover).
    pub domains: Vec<String>,
    /// Domains an administrator added and has not verified yet.
    pub unverified: Vec<String>,
    pub state: TenantKind,
    /// After a forced takeover: when the emptied tenant is deleted.
    pub deletion_at: Option<SimTime>,
    /// Its global administrators' sign-in names (none for an unmanaged tenant).
    pub admins: Vec<String>,
    pub user_count: usize,
    /// Every user's sign-in name when there are at most [`NAMED_USERS`]; else empty.
    pub user_names: Vec<String>,
    pub subscriptions: Vec<SubscriptionLine>,
    /// Its RMS tenant keys, each by the organization it was created for.
    pub keys: Vec<String>,
    pub mark: Mark,
    /// What of it the newest action changed.
    pub changed: BTreeSet<Facet>,
}

impl TenantBox {
    /// The heading of its section on the page: its domains, comma-separated.
    pub fn heading(&self) -> String {
        self.domains.join(", ")
    }
    pub fn is_managed(&self) -> bool {
        self.state == TenantKind::Managed
    }
}

/// One subscription of a box: the SKU and its units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionLine {
    /// The SKU's part number (`RIGHTSMANAGEMENT_ADHOC`).
    pub sku: String,
    /// As `Get-MsolAccountSku` shows it (`fabrikamcom:RIGHTSMANAGEMENT_ADHOC`).
    pub account_sku_id: String,
    pub consumed: u32,
    pub active: u32,
}

/// How the newest action left a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    Unchanged,
    /// It existed before and the action changed it.
    Changed,
    /// The action created it.
    New,
}

impl Mark {
    /// The label the box and the section show ("" when unchanged).
    pub fn label(self) -> &'static str {
        match self {
            Mark::Unchanged => "",
            Mark::Changed => "Changed",
            Mark::New => "New",
        }
    }
}

/// A part of what a box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// Managed or unmanaged, pending deletion.
    State,
    Domains,
    Admins,
    Users,
    Subscriptions,
    /// RMS tenant keys (and the default templates that come with them).
    Keys,
    /// Company settings, directory synchronization, Rights Management
    /// features: in the tenant's section, not in its box.
    Settings,
}

/// What the newest action changed in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    /// The command it was (`AnyCommand::kind`), when known.
    pub command: Option<String>,
    /// One sentence for the page, beside the picture.
    pub summary: String,
    /// Domains and users that moved from one tenant to another.
    pub moves: Vec<Move>,
    /// Tenants the action deleted (no box any more), by name.
    pub deleted: Vec<String>,
}

impl LastChange {
    /// Whether the action changed the directory at all.
    pub fn changed_directory(&self, map: &DirectoryMap) -> bool {
        !self.moves.is_empty() || !self.deleted.is_empty() || map.tenants.iter().any(|t| t.mark != Mark::Unchanged)
    }
}

/// An external takeover: a domain and its users moved from an unmanaged
/// tenant to the tenant of the administrator who verified it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub from: TenantId,
    pub to: TenantId,
    pub domain: String,
    /// The users that moved, by sign-in name.
    pub users: Vec<String>,
    /// Whether the RMS tenant key and default templates moved too (both
    /// tenants in the same region); otherwise the key was lost.
    pub key_moved: bool,
    /// When the emptied tenant is deleted (a forced takeover only).
    pub deletion_at: Option<SimTime>,
}

impl Move {
    /// What moved, short enough to label an arrow: `fabrikam.com + 2 users`.
    pub fn label(&self) -> String {
        match self.users.len() {
            0 => self.domain.clone(),
            1 => format!("{} + 1 user", self.domain),
            n => format!("{} + {n} users", self.domain),
        }
    }
    /// What became of the RMS tenant key.
    pub fn key_note(&self) -> &'static str {
        if self.key_moved { "RMS key moved too" } else { "RMS key lost: other region" }
    }
}

impl DirectoryMap {
    /// At most `max` boxes, for a picture that stays readable in a world of
    /// thousands of tenants: every tenant the newest action changed or created
    /// or moved something between comes first in importance, then the first
    /// others in the page's order; the boxes keep that order. Moves whose ends
    /// are not both kept are left out. Returns it with how many tenants were left out.
    pub fn focused(&self, max: usize) -> (DirectoryMap, usize) {
        if self.tenants.len() <= max {
            return (self.clone(), 0);
        }
        let involved: BTreeSet<&TenantId> = self.change.moves.iter().flat_map(|m| [&m.from, &m.to]).collect();
        let mut keep: Vec<bool> =
            self.tenants.iter().map(|t| t.mark != Mark::Unchanged || involved.contains(&t.id)).collect();
        let mut room = max.saturating_sub(keep.iter().filter(|k| **k).count());
        for k in keep.iter_mut() {
            if room == 0 {
                break;
            }
            if !*k {
                *k = true;
                room -= 1;
            }
        }
        let which: Vec<usize> = keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect();
        let picture = self.subset(&which);
        let left_out = self.tenants.len() - picture.tenants.len();
        (picture, left_out)
    }

    /// Only the boxes at `which` (positions in this map, in order), with the
    /// moves between them.
    pub fn subset(&self, which: &[usize]) -> DirectoryMap {
        let tenants: Vec<TenantBox> = which.iter().filter_map(|&i| self.tenants.get(i).cloned()).collect();
        let kept: BTreeSet<&TenantId> = tenants.iter().map(|t| &t.id).collect();
        let moves =
            self.change.moves.iter().filter(|m| kept.contains(&m.from) && kept.contains(&m.to)).cloned().collect();
        DirectoryMap { change: LastChange { moves, ..self.change.clone() }, tenants }
    }

    /// The directory now, and what its newest action changed.
    pub fn of(w: &World) -> DirectoryMap {
        let action = w.log.last_action();
        match action.first() {
            None => Self::unmarked(w, None, "Nothing has happened yet.".into()),
            // A scenario's set-up (`World::load`, one "LoadScenario" action),
            // or logged outside any command (a save older than actions).
            // Nothing is marked as changed then.
            Some(first) if first.action == 0 || first.command.as_deref() == Some("LoadScenario") => {
                let scenario = action.iter().find_map(|e| match &e.kind {
                    EventKind::ScenarioLoaded { name } => Some(name.clone()),
                    _ => None,
                });
                let summary = match scenario {
                    Some(name) => format!("No action yet since the scenario “{name}” was loaded."),
                    None => "The newest events were saved before the simulator recorded actions, so nothing is marked as changed.".into(),
                };
                Self::unmarked(w, None, summary)
            }
            Some(_) => Self::after(w, action),
        }
    }

    /// The directory `w`, with what `action` (the events of one command,
    /// the newest) changed marked.
    pub fn after(w: &World, action: &[Event]) -> DirectoryMap {
        let mut b = Builder::new(w, action);
        for e in action {
            b.event(&e.kind);
        }
        let command = action.first().and_then(|e| e.command.clone());
        let summary = if b.phrases.is_empty() {
            // The outcome of the action is its last event (a refusal, a mail sent).
            match action.last() {
                Some(e) => format!("Last action: {}; nothing changed in the directory.", e.kind.explain().title),
                None => "Nothing has happened yet.".into(),
            }
        } else {
            let s = b.phrases.join("; ");
            if s.ends_with('.') { format!("Last action: {s}") } else { format!("Last action: {s}.") }
        };
        let change = LastChange { command, summary, moves: b.moves, deleted: b.deleted };
        let tenants = boxes(w, &b.marks);
        DirectoryMap { tenants, change }
    }

    fn unmarked(w: &World, command: Option<String>, summary: String) -> DirectoryMap {
        let change = LastChange { command, summary, moves: vec![], deleted: vec![] };
        DirectoryMap { tenants: boxes(w, &BTreeMap::new()), change }
    }

    pub fn tenant(&self, id: &str) -> Option<&TenantBox> {
        self.tenants.iter().find(|t| t.id == id)
    }
    /// The box of the tenant that holds `domain` (or whose initial domain it is).
    pub fn tenant_with(&self, domain: &str) -> Option<&TenantBox> {
        self.tenants.iter().find(|t| t.domains.iter().any(|d| d == domain))
    }
    /// The boxes the newest action changed or created.
    pub fn touched(&self) -> Vec<&TenantBox> {
        self.tenants.iter().filter(|t| t.mark != Mark::Unchanged).collect()
    }
    /// The boxes of the tenants the newest action created.
    pub fn new_tenants(&self) -> Vec<&TenantBox> {
        self.tenants.iter().filter(|t| t.mark == Mark::New).collect()
    }
}

/// Every tenant's box, ordered by its first domain (as the page lists them).
fn boxes(w: &World, marks: &BTreeMap<TenantId, (Mark, BTreeSet<Facet>)>) -> Vec<TenantBox> {
    let mut list: Vec<TenantBox> = w.directory.tenants.values().map(|t| tenant_box(w, t, marks.get(&t.id))).collect();
    list.sort_by(|a, b| a.domains.first().cmp(&b.domains.first()).then_with(|| a.id.cmp(&b.id)));
    list
}

fn tenant_box(w: &World, t: &Tenant, mark: Option<&(Mark, BTreeSet<Facet>)>) -> TenantBox {
    let mut domains: Vec<String> = w.directory.tenant_domains(&t.id).into_iter().map(|(d, _)| d.clone()).collect();
    if domains.is_empty() {
        domains.push(t.initial_domain.clone());
    }
    let user_count = t.users.len();
    TenantBox {
        id: t.id.clone(),
        name: t.display_name.clone(),
        domains,
        unverified: t.claims.keys().cloned().collect(),
        state: t.kind,
        deletion_at: t.deletion_at,
        admins: t.global_admins().iter().map(|u| u.upn.to_string()).collect(),
        user_count,
        user_names: if user_count <= NAMED_USERS { t.users.keys().map(|u| u.to_string()).collect() } else { vec![] },
        subscriptions: t
            .subscriptions
            .iter()
            .map(|s| SubscriptionLine {
                sku: s.sku.part_number().to_string(),
                account_sku_id: t.account_sku_id(s.sku),
                consumed: t.consumed_units(s.sku),
                active: s.active_units,
            })
            .collect(),
        keys: t.keys.iter().map(|k| k.origin.clone()).collect(),
        mark: mark.map(|(m, _)| *m).unwrap_or(Mark::Unchanged),
        changed: mark.map(|(_, f)| f.clone()).unwrap_or_default(),
    }
}

/// Reads one action's events against the world they left.
struct Builder<'w> {
    w: &'w World,
    marks: BTreeMap<TenantId, (Mark, BTreeSet<Facet>)>,
    moves: Vec<Move>,
    deleted: Vec<String>,
    phrases: Vec<String>,
    /// The action created an account (a sign-up's Create).
    signed_up: bool,
    /// The action created a tenant.
    created: bool,
    /// The action granted a subscription.
    granted: bool,
}

impl<'w> Builder<'w> {
    fn new(w: &'w World, action: &[Event]) -> Self {
        let any = |f: fn(&EventKind) -> bool| action.iter().any(|e| f(&e.kind));
        Builder {
            w,
            marks: BTreeMap::new(),
            moves: vec![],
            deleted: vec![],
            phrases: vec![],
            signed_up: any(|k| matches!(k, EventKind::UserCreated { .. })),
            created: any(|k| matches!(k, EventKind::TenantCreated { .. })),
            granted: any(|k| matches!(k, EventKind::SubscriptionGranted { .. })),
        }
    }

    fn touch(&mut self, tenant: Option<TenantId>, facets: &[Facet]) {
        let Some(id) = tenant else { return };
        let entry = self.marks.entry(id).or_insert((Mark::Changed, BTreeSet::new()));
        entry.1.extend(facets.iter().copied());
    }

    fn create(&mut self, tenant: Option<TenantId>) {
        let Some(id) = tenant else { return };
        self.marks.entry(id).or_insert((Mark::New, BTreeSet::new())).0 = Mark::New;
    }

    fn say(&mut self, phrase: String) {
        self.phrases.push(phrase);
    }

    // ---- Finding the tenants an event names, in the world it left ----

    fn by_initial(&self, initial: &str) -> Option<TenantId> {
        self.w.directory.tenants.values().find(|t| t.initial_domain == initial).map(|t| t.id.clone())
    }
    fn by_domain(&self, domain: &str) -> Option<TenantId> {
        if let Some(r) = self.w.directory.domains.get(domain) {
            return Some(r.tenant.clone());
        }
        self.w
            .directory
            .tenants
            .values()
            .find(|t| t.claims.contains_key(domain))
            .map(|t| t.id.clone())
            .or_else(|| self.by_initial(domain))
    }
    fn by_user(&self, upn: &str) -> Option<TenantId> {
        if let Ok(e) = Email::parse(upn)
            && let Some(t) = self.w.directory.tenants.values().find(|t| t.users.contains_key(&e))
        {
            return Some(t.id.clone());
        }
        upn.rsplit_once('@').and_then(|(_, d)| self.by_domain(&d.to_ascii_lowercase()))
    }
    /// By its name as events give it: the display name (a tenant that still
    /// holds domains first), or the initial domain.
    fn by_name(&self, name: &str) -> Option<TenantId> {
        let named: Vec<&Tenant> = self.w.directory.tenants.values().filter(|t| t.display_name == name).collect();
        named
            .iter()
            .find(|t| t.deletion_at.is_none())
            .or(named.first())
            .map(|t| t.id.clone())
            .or_else(|| self.by_initial(name))
    }
    fn name_of(&self, id: &Option<TenantId>, fallback: &str) -> String {
        id.as_ref()
            .and_then(|id| self.w.directory.tenants.get(id))
            .map(|t| t.display_name.clone())
            .unwrap_or_else(|| fallback.to_string())
    }

    fn event(&mut self, kind: &EventKind) {
        use EventKind::*;
        use Facet::*;
        match kind {
            TenantCreated { domain, initial_domain, .. } => {
                let id = self.by_initial(initial_domain);
                self.create(id);
                if !self.signed_up {
                    self.say(format!("new tenant {domain} (unmanaged)"));
                }
            }
            UserCreated { upn, tenant, new_tenant, .. } => {
                let id = self.by_user(upn);
                self.touch(id.clone(), &[Users]);
                self.say(format!("{upn} signed up"));
                if *new_tenant {
                    let domain = upn.rsplit_once('@').map(|(_, d)| d).unwrap_or(tenant);
                    self.say(format!("new tenant {domain} (unmanaged)"));
                } else {
                    let n = id.as_ref().and_then(|id| self.w.directory.tenants.get(id)).map(|t| t.users.len());
                    let name = self.name_of(&id, tenant);
                    self.say(match n {
                        Some(n) => format!("joined {name}, which now has {n} user{}", if n == 1 { "" } else { "s" }),
                        None => format!("joined {name}"),
                    });
                }
            }
            SubscriptionGranted { tenant, account_sku_id, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Subscriptions, Keys]);
                if !self.created {
                    self.say(format!("{tenant} got the free subscription {account_sku_id}"));
                }
            }
            DefaultTemplatesCreated { tenant, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Keys]);
                if !self.granted {
                    self.say(format!("a tenant key and default templates created for {tenant}"));
                }
            }
            LicenseAssigned { upn, account_sku_id, consumed, active } => {
                let id = self.by_user(upn);
                self.touch(id, &[Subscriptions]);
                if !self.signed_up {
                    self.say(format!("{upn} got a {account_sku_id} license ({consumed} of {active} units used)"));
                }
            }
            TemplatesAvailable { tenant, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[]);
                self.say(format!("the default templates are now useful in {tenant}"));
            }
            InternalTakeover { upn, tenant, domain } => {
                let id = self.by_domain(domain).or_else(|| self.by_name(tenant));
                self.touch(id, &[State, Admins, Domains]);
                self.say(format!(
                    "{upn} became the global administrator of {tenant} (internal takeover): it is managed now, and nothing moved"
                ));
            }
            DomainAdded { domain, tenant, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Domains]);
                self.say(format!("{domain} added to {tenant}, not verified yet"));
            }
            DomainVerified { domain, tenant } => {
                let id = self.by_domain(domain);
                self.touch(id, &[Domains]);
                self.say(format!("{domain} verified in {tenant}"));
            }
            ExternalTakeover { domain, from, to, users, same_region, deletion_at } => {
                let from_id = self.by_initial(from).or_else(|| self.by_name(from));
                let to_id = self.by_domain(domain).or_else(|| self.by_name(to));
                self.touch(from_id.clone(), &[State, Domains, Users, Subscriptions, Keys]);
                self.touch(to_id.clone(), &[Domains, Users, Subscriptions, Keys]);
                let moved: Vec<String> = to_id
                    .as_ref()
                    .and_then(|id| self.w.directory.tenants.get(id))
                    .map(|t| t.users.keys().filter(|u| u.domain() == domain).map(|u| u.to_string()).collect())
                    .unwrap_or_default();
                let n = *users as usize;
                let mut phrase = format!(
                    "{to} took over {domain} from the unmanaged tenant {from} (external takeover): the domain and {n} user{} moved",
                    if n == 1 { "" } else { "s" }
                );
                phrase.push_str(if *same_region {
                    ", with the RMS tenant key"
                } else {
                    "; the RMS tenant key stayed behind and is lost (the tenants are in different regions)"
                });
                if let Some(at) = deletion_at {
                    phrase.push_str(&format!("; the emptied tenant is deleted at {at}"));
                }
                self.say(phrase);
                if let (Some(from), Some(to)) = (from_id, to_id) {
                    self.moves.push(Move {
                        from,
                        to,
                        domain: domain.clone(),
                        users: moved,
                        key_moved: *same_region,
                        deletion_at: *deletion_at,
                    });
                }
            }
            TenantDeleted { tenant, .. } => {
                self.deleted.push(tenant.clone());
                self.say(format!("the emptied tenant {tenant} was deleted, 10 days after the forced takeover"));
            }
            CompanySettingsChanged { tenant, allow_ad_hoc, allow_email_verified, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Settings]);
                self.say(format!(
                    "{tenant}'s self-service sign-up settings changed (AllowAdHocSubscriptions {allow_ad_hoc}, AllowEmailVerifiedUsers {allow_email_verified})"
                ));
            }
            DirSyncChanged { tenant, on } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Settings]);
                self.say(format!("directory synchronization turned {} for {tenant}", if *on { "on" } else { "off" }));
            }
            UserBlocked { upn, blocked } => {
                let id = self.by_user(upn);
                self.touch(id, &[Users]);
                self.say(if *blocked { format!("{upn} blocked from signing in") } else { format!("{upn} unblocked") });
            }
            UserDeleted { upn, freed } => {
                let id = self.by_user(upn);
                let facets: &[Facet] = if freed.is_empty() { &[Users] } else { &[Users, Subscriptions] };
                self.touch(id, facets);
                self.say(format!("{upn} deleted"));
            }
            AccountLocked { upn, until, .. } => {
                let id = self.by_user(upn);
                self.touch(id, &[Users]);
                self.say(format!("{upn} locked until {until} by smart lockout"));
            }
            ConvertedToPaid { tenant, account_sku_id, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Subscriptions]);
                self.say(format!("{tenant} converted to a paid subscription ({account_sku_id})"));
            }
            RmsFeatureChanged { tenant, .. } | SuperUserAdded { tenant, .. } | SuperUserRemoved { tenant, .. } => {
                let id = self.by_name(tenant);
                self.touch(id, &[Settings]);
                self.say(kind.explain().title);
            }
            // Nothing the directory shows: sign-in, mail, DNS, the clock,
            // files, the console, the trainer's lists and era.
            ScenarioLoaded { .. }
            | ClockAdvanced { .. }
            | SignupRequested { .. }
            | SignupRefused { .. }
            | PaidSubscriptionFound { .. }
            | ConfirmationEmailSent { .. }
            | ConfirmationLinkOpened { .. }
            | ConfirmationLinkRejected { .. }
            | AccountDetailsRejected { .. }
            | DomainChecked { .. }
            | AccountReadyEmailSent { .. }
            | SignedIn { .. }
            | SignInFailed { .. }
            | SignedOut { .. }
            | BlockedDomainAdded { .. }
            | BlockedDomainRemoved { .. }
            | DomainListSwitched { .. }
            | DnsRecordAdded { .. }
            | DnsRecordRemoved { .. }
            | BecomeAdminStarted { .. }
            | DomainVerificationFailed { .. }
            | EraChanged { .. }
            | SharingAppInstalled { .. }
            | ConsoleConnected { .. }
            | FileProtected { .. }
            | FileOpened { .. }
            | ProtectionRemoved { .. }
            | AccessRevoked { .. }
            | Recorded { .. } => {}
        }
    }
}
