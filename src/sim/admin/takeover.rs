//! Taking control of a directory created by sign-up: the internal takeover
//! ("Become the admin": the member proves the domain with DNS and becomes its
//! global administrator) and the external one (a managed tenant adds the
//! domain and verifies it with ForceTakeover: users, subscriptions and
//! licenses move; the RMS key only within a region), and, after a forced
//! takeover, the deletion of the emptied tenant 10 days later.

use super::AdminError;
use super::dns::VerifyError;
use crate::sim::World;
use crate::sim::basics::catalog::default_templates;
use crate::sim::basics::email::{Email, normalize_domain};
use crate::sim::basics::rand::RandomSource;
use crate::sim::basics::time::{SimDuration, SimTime};
use crate::sim::directory::*;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};

/// How a domain an unmanaged directory holds may be taken over when it is
/// verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ForceTakeover {
    /// `Confirm-MsolDomain` alone: a domain an unmanaged directory holds is refused.
    Off,
    /// `Confirm-MsolEmailVerifiedDomain`: "confirms ownership of an unmanaged
    /// tenant". The domain, users and subscriptions move; the sources tie the
    /// 10-day deletion to the force option only, so the emptied directory stays.
    EmailVerified,
    /// `Confirm-MsolDomain -ForceTakeover Force` (and the admin center's
    /// Verify): the domain moves and the emptied directory is deleted 10 days later.
    Force,
}

impl ForceTakeover {
    /// Whether verifying may take the domain from an unmanaged directory.
    pub fn takes_over(self) -> bool {
        self != ForceTakeover::Off
    }
}

/// What a takeover did to the unmanaged tenant's RMS key and templates.
pub fn key_move_effect(same_region: bool) -> &'static str {
    if same_region {
        "Both tenants are in the same region, so the RMS for individuals tenant key and default templates moved too: files protected before stay readable."
    } else {
        "The tenants are in different regions, so the RMS for individuals tenant key and default templates did not move: files protected under the unmanaged tenant can no longer be opened."
    }
}

/// "The unmanaged Microsoft Entra organization is deleted 10 days after you
/// exercise the external takeover force option." This is later behaviour
/// (documented from 2023); the 2016 documents don't say what became of the
/// emptied directory. The simulator applies it and says so ([`DELETION_ERA_NOTE`]).
pub const DELETION_DELAY: SimDuration = SimDuration::days(10);

/// What becomes of the emptied unmanaged directory `from` after a takeover.
pub fn deletion_effect(from: &str, deletion_at: Option<SimTime>) -> String {
    match deletion_at {
        Some(at) => format!(
            "The emptied unmanaged directory {from} will be deleted at {at}, 10 days after the forced takeover. {DELETION_ERA_NOTE}"
        ),
        None => format!(
            "The takeover wasn't forced, so the emptied unmanaged directory {from} stays: the sources tie its deletion to the -ForceTakeover option only."
        ),
    }
}

/// Said wherever the 10-day deletion is shown.
pub const DELETION_ERA_NOTE: &str = "The 10-day deletion is later behaviour: Microsoft documented it from 2023; the 2016 documents don't say what became of the emptied directory.";

/// What "Become the admin" asks the person to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub domain: String,
    /// The TXT value, `MS=ms` + 8 digits.
    pub txt: String,
    /// The equivalent MX host.
    pub mx: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainAdded {
    pub challenge: Challenge,
    /// The unmanaged tenant that holds the domain now, if any.
    pub held_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confirmed {
    /// Nobody held the domain: it is now verified in the tenant.
    Verified { domain: String },
    /// External takeover: the domain, its users and their subscriptions moved.
    TookOver(Takeover),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takeover {
    pub domain: String,
    /// The unmanaged tenant, by its name (its domain) and its initial domain.
    pub from: String,
    pub from_initial: String,
    pub to: String,
    pub users: Vec<String>,
    pub same_region: bool,
    pub from_region: Region,
    pub to_region: Region,
    /// When the emptied tenant is deleted (after a forced takeover only).
    pub deletion_at: Option<SimTime>,
}

impl World {
    /// Checks DNS for a domain's verification value; a failure is logged
    /// (with what DNS showed) and returned.
    fn verify_record(&mut self, actor: &Email, domain: &str, txt: &str) -> Result<(), AdminError> {
        self.check_verification_record(domain, txt).map_err(|e| {
            let e = AdminError::Verify(e);
            self.log(EventKind::DomainVerificationFailed {
                domain: domain.to_string(),
                by: actor.to_string(),
                reason: e.clone(),
            });
            e
        })
    }

    // ---- Internal takeover ("Become the admin") ----

    /// "Yes, I want to be the admin": a member of an unmanaged tenant gets
    /// the TXT record to publish for their domain.
    pub fn become_admin_start(&mut self, actor: &Email, rng: &mut dyn RandomSource) -> Result<Challenge, AdminError> {
        let (t, _) = self.member(actor)?;
        if t.kind == TenantKind::Managed {
            return Err(AdminError::AlreadyManaged { organization: t.display_name.clone() });
        }
        let id = t.id.clone();
        let fresh = !t.challenges.contains_key(actor.domain());
        let c = self.challenge(&id, actor.domain(), rng);
        if fresh {
            self.log(EventKind::BecomeAdminStarted {
                upn: actor.to_string(),
                domain: c.domain.clone(),
                txt: c.txt.clone(),
            });
        }
        Ok(c)
    }

    /// "Okay, I've added the record": checks DNS; on success the tenant is
    /// managed, the domain verified and the person its global administrator.
    /// No users, domains or plans move.
    pub fn become_admin_confirm(&mut self, actor: &Email) -> Result<(), AdminError> {
        let (t, _) = self.member(actor)?;
        if t.kind == TenantKind::Managed {
            return Err(AdminError::AlreadyManaged { organization: t.display_name.clone() });
        }
        let id = t.id.clone();
        let domain = actor.domain().to_string();
        let Some(c) = self.existing_challenge(&id, &domain) else {
            return Err(AdminError::Verify(VerifyError::NoRecord {
                domain,
                expected: "(choose “Yes, I want to be the admin” first)".into(),
            }));
        };
        self.verify_record(actor, &domain, &c.txt)?;
        let t = self.directory.tenants.get_mut(&id).expect("tenant exists");
        t.kind = TenantKind::Managed;
        if let Some(u) = t.users.get_mut(actor) {
            u.role = Role::GlobalAdministrator;
        }
        let name = t.display_name.clone();
        if let Some(d) = self.directory.domains.get_mut(&domain) {
            d.status = DomainStatus::Verified;
        }
        self.log(EventKind::InternalTakeover { upn: actor.to_string(), tenant: name, domain });
        Ok(())
    }

    // ---- Domains and external takeover ----

    /// "Add domain" / `New-MsolDomain -Name`: the domain is listed as
    /// Unverified with its TXT challenge.
    pub fn add_domain(
        &mut self,
        actor: &Email,
        input: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<DomainAdded, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(input).map_err(AdminError::InvalidDomain)?;
        if let Some(at) = self.directory.tenants[&tenant].claims.get(&domain) {
            let _ = at;
            return Err(AdminError::AlreadyAdded { domain, status: "Unverified".into() });
        }
        let mut held_by = None;
        if let Some(rec) = self.directory.domains.get(&domain) {
            if rec.tenant == tenant {
                return Err(AdminError::AlreadyAdded { status: rec.status.label().into(), domain });
            }
            let holder = &self.directory.tenants[&rec.tenant];
            if holder.kind == TenantKind::Managed {
                return Err(AdminError::HeldByManaged { domain });
            }
            held_by = Some(holder.display_name.clone());
        }
        let clock = self.clock;
        self.directory.tenants.get_mut(&tenant).expect("tenant exists").claims.insert(domain.clone(), clock);
        let challenge = self.challenge(&tenant, &domain, rng);
        let name = self.directory.tenants[&tenant].display_name.clone();
        self.log(EventKind::DomainAdded { domain, tenant: name, txt: challenge.txt.clone(), held_by: held_by.clone() });
        Ok(DomainAdded { challenge, held_by })
    }

    /// `Get-MsolDomainVerificationDns`: the record to publish for a domain
    /// the tenant added.
    pub fn verification_record(&self, actor: &Email, domain: &str) -> Result<Challenge, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(domain).map_err(AdminError::InvalidDomain)?;
        if !self.directory.tenants[&tenant].claims.contains_key(&domain) {
            return match self.directory.domains.get(&domain) {
                Some(r) if r.tenant == tenant => {
                    Err(AdminError::AlreadyAdded { status: r.status.label().into(), domain })
                }
                _ => Err(AdminError::NotAdded { domain }),
            };
        }
        Ok(self.existing_challenge(&tenant, &domain).expect("a claimed domain has a challenge"))
    }

    /// "Verify" / `Confirm-MsolDomain [-ForceTakeover Force]` /
    /// `Confirm-MsolEmailVerifiedDomain`. A domain that an unmanaged tenant
    /// holds is taken over only with `force` other than `Off`.
    pub fn confirm_domain(
        &mut self,
        actor: &Email,
        input: &str,
        force: ForceTakeover,
        rng: &mut dyn RandomSource,
    ) -> Result<Confirmed, AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let domain = normalize_domain(input).map_err(AdminError::InvalidDomain)?;
        if !self.directory.tenants[&tenant].claims.contains_key(&domain) {
            return match self.directory.domains.get(&domain) {
                Some(r) if r.tenant == tenant => {
                    Err(AdminError::AlreadyAdded { status: r.status.label().into(), domain })
                }
                _ => Err(AdminError::NotAdded { domain }),
            };
        }
        let holder = self.directory.domains.get(&domain).map(|r| r.tenant.clone());
        if let Some(h) = &holder {
            if self.directory.tenants[h].kind == TenantKind::Managed {
                return Err(AdminError::HeldByManaged { domain });
            }
            if !force.takes_over() {
                let e = AdminError::NeedsForce {
                    domain: domain.clone(),
                    holder: self.directory.tenants[h].display_name.clone(),
                };
                self.log(EventKind::DomainVerificationFailed { domain, by: actor.to_string(), reason: e.clone() });
                return Err(e);
            }
        }
        let c = self.existing_challenge(&tenant, &domain).expect("a claimed domain has a challenge");
        self.verify_record(actor, &domain, &c.txt)?;
        self.directory.tenants.get_mut(&tenant).expect("tenant exists").claims.remove(&domain);
        match holder {
            None => {
                self.directory
                    .domains
                    .insert(domain.clone(), DomainRecord { tenant: tenant.clone(), status: DomainStatus::Verified });
                let name = self.directory.tenants[&tenant].display_name.clone();
                self.log(EventKind::DomainVerified { domain: domain.clone(), tenant: name });
                Ok(Confirmed::Verified { domain })
            }
            Some(from) => Ok(Confirmed::TookOver(self.take_over(&from, &tenant, &domain, force, rng))),
        }
    }

    /// Moves `domain`, its users, their subscriptions and license assignments
    /// from the unmanaged tenant `from` to `to`; the RMS tenant key and
    /// default templates move only within a region.
    fn take_over(
        &mut self,
        from: &str,
        to: &str,
        domain: &str,
        force: ForceTakeover,
        rng: &mut dyn RandomSource,
    ) -> Takeover {
        let clock = self.clock;
        let mut src = self.directory.tenants.remove(from).expect("holder exists");
        let dst = self.directory.tenants.get_mut(to).expect("tenant exists");
        let moved: Vec<Email> = src.users.keys().filter(|u| u.domain() == domain).cloned().collect();
        for upn in &moved {
            let mut u = src.users.remove(upn).expect("listed");
            u.role = Role::User;
            dst.users.insert(upn.clone(), u);
        }
        for s in src.subscriptions.drain(..) {
            if dst.subscription(s.sku).is_none() {
                dst.subscriptions.push(Subscription { added: clock, ..s });
            }
        }
        let same_region = src.region == dst.region;
        let mut retired = vec![];
        if same_region {
            dst.keys.append(&mut src.keys);
            dst.templates.append(&mut src.templates);
        } else {
            retired = std::mem::take(&mut src.keys);
            src.templates.clear();
        }
        // A tenant that had no Azure RMS before gets its own key and default
        // templates now that it has the subscription (as on activation).
        let mut activated = None;
        if dst.has_azure_rms() && dst.keys.is_empty() {
            let key = TenantKey::generate(&dst.display_name, clock, rng);
            dst.keys.push(key);
            if dst.templates.is_empty() {
                dst.templates = default_templates(&dst.display_name, [rng.guid(), rng.guid()]);
                activated = Some(dst.templates.iter().map(|x| x.name.clone()).collect::<Vec<_>>());
            }
        }
        let (from_region, to_region) = (src.region, dst.region);
        let to_name = dst.display_name.clone();
        let from_name = src.display_name.clone();
        let from_initial = src.initial_domain.clone();
        let deletion_at = (force == ForceTakeover::Force).then(|| clock.plus(DELETION_DELAY));
        src.deletion_at = deletion_at;
        src.challenges.clear();
        self.directory.tenants.insert(from.to_string(), src);
        self.directory
            .domains
            .insert(domain.to_string(), DomainRecord { tenant: to.to_string(), status: DomainStatus::Verified });
        for s in self.devices.sessions.values_mut().filter(|s| s.upn.domain() == domain) {
            s.tenant = to.to_string();
        }
        let reason =
            RetireReason::CrossRegionTakeover { from: from_name.clone(), from_region, to: to_name.clone(), to_region };
        for key in retired {
            self.directory.retired_keys.push(RetiredKey { key, at: clock, reason: reason.clone() });
        }
        let t = Takeover {
            domain: domain.to_string(),
            from: from_name,
            from_initial,
            to: to_name,
            users: moved.iter().map(|u| u.to_string()).collect(),
            same_region,
            from_region,
            to_region,
            deletion_at,
        };
        self.log(EventKind::ExternalTakeover {
            domain: t.domain.clone(),
            from: t.from_initial.clone(),
            to: t.to.clone(),
            users: t.users.len() as u32,
            same_region,
            deletion_at,
        });
        if let Some(names) = activated {
            self.log(EventKind::DefaultTemplatesCreated { tenant: t.to.clone(), names });
        }
        t
    }

    /// Runs what is due on the simulated clock: deleting tenants emptied by a
    /// forced takeover 10 days earlier. Called whenever the clock moves.
    pub fn run_due(&mut self) {
        let due: Vec<TenantId> = self
            .directory
            .tenants
            .values()
            .filter(|t| t.deletion_at.is_some_and(|d| d <= self.clock))
            .map(|t| t.id.clone())
            .collect();
        for id in due {
            let t = self.directory.tenants.remove(&id).expect("listed");
            self.directory.domains.retain(|_, r| r.tenant != id);
            for key in t.keys {
                self.directory.retired_keys.push(RetiredKey {
                    key,
                    at: self.clock,
                    reason: RetireReason::TenantDeleted { tenant: t.display_name.clone() },
                });
            }
            self.log(EventKind::TenantDeleted { tenant: t.display_name, initial_domain: t.initial_domain });
        }
    }
}
