//! The sign-up state machine: "Get started", the link, "Create".

use super::*;
use crate::sim::World;
use crate::sim::basics::catalog::{ADHOC_ACTIVE_UNITS, Sku, default_templates};
use crate::sim::basics::countries::region_of;
use crate::sim::basics::email::{domain_matches, personal_kind};
use crate::sim::basics::password::hash_password;
use crate::sim::basics::rand::RandomSource;
use crate::sim::directory::*;
use crate::sim::events::EventKind;
use crate::sim::mail::MessageKind;
use crate::sim::signin::Lockout;

/// Where a sign-up for an address would land, if it may go on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    NewTenant,
    JoinTenant(TenantId),
    ActivateExisting(TenantId),
    Paid { tenant: TenantId },
}

impl World {
    fn assess(&self, email: &Email) -> Result<Route, SignupRefusal> {
        let domain = email.domain();
        if self.signups.lists.personal_check
            && let Some(kind) = personal_kind(domain)
        {
            return Err(SignupRefusal::PersonalEmail { kind });
        }
        if self.signups.lists.blocked_check
            && let Some(entry) = self.signups.lists.blocked.iter().find(|e| domain_matches(domain, e))
        {
            return Err(SignupRefusal::BlockedDomain { domain: domain.to_string(), entry: entry.clone() });
        }
        let Some(tenant) = self.tenant_of_domain(domain) else {
            return Ok(Route::NewTenant);
        };
        let user = tenant.users.get(email);
        if tenant.has_paid_azure_rms() {
            return match user {
                Some(_) => Ok(Route::Paid { tenant: tenant.id.clone() }),
                None => Err(SignupRefusal::NotFoundInPaidOrganization { domain: domain.to_string() }),
            };
        }
        if let Some(u) = user {
            if u.status == AccountStatus::SignInBlocked {
                return Err(SignupRefusal::AccountBlocked { email: email.to_string() });
            }
            if u.licenses.contains(&Sku::RightsManagementAdhoc) {
                return Err(SignupRefusal::AlreadySignedUp { email: email.to_string() });
            }
        }
        if !tenant.settings.allow_ad_hoc_subscriptions {
            return Err(SignupRefusal::SignupTurnedOff { domain: domain.to_string() });
        }
        match user {
            Some(_) => Ok(Route::ActivateExisting(tenant.id.clone())),
            None if !tenant.settings.allow_email_verified_users => {
                Err(SignupRefusal::NewAccountsNotAllowed { domain: domain.to_string() })
            }
            None if tenant.dir_sync => Err(SignupRefusal::DirectorySynchronized { domain: domain.to_string() }),
            None => Ok(Route::JoinTenant(tenant.id.clone())),
        }
    }

    fn refuse(&mut self, email: &str, reason: &SignupRefusal) {
        self.log(EventKind::SignupRefused { email: email.to_string(), reason: reason.clone() });
    }

    /// "Get started" on the portal, on `device` (whether it is signed in
    /// decides what a person of a paid organization sees).
    pub fn start_signup(
        &mut self,
        device: &str,
        input: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<StartOutcome, SignupRefusal> {
        let shown = input.trim().chars().take(120).collect::<String>();
        let email = match Email::parse(input) {
            Ok(e) => e,
            Err(e) => {
                let r = SignupRefusal::InvalidEmail(e);
                self.refuse(&shown, &r);
                return Err(r);
            }
        };
        self.log(EventKind::SignupRequested { email: email.to_string() });
        let route = match self.assess(&email) {
            Ok(r) => r,
            Err(r) => {
                self.refuse(email.as_str(), &r);
                return Err(r);
            }
        };
        if let Route::Paid { tenant } = route {
            let t = &self.directory.tenants[&tenant];
            let organization = t.display_name.clone();
            let sku = t
                .subscriptions
                .iter()
                .find(|s| s.sku.is_paid_with_azure_rms())
                .map(|s| s.sku)
                .unwrap_or(Sku::EnterprisePack);
            self.retire_pending(&email, |at| FlowState::Canceled { at });
            self.log(EventKind::PaidSubscriptionFound {
                email: email.to_string(),
                organization: organization.clone(),
                sku,
            });
            let signed_in = self.signed_in_upn(device) == Some(&email);
            return Ok(StartOutcome::PaidSubscription { email, organization, signed_in });
        }
        let replaced_previous = self.retire_pending(&email, |at| FlowState::Superseded { at });
        let token = rng.hex(16);
        let expires_at = self.clock.plus(self.config.link_validity);
        let flow = SignupFlow {
            token: token.clone(),
            email: email.clone(),
            issued_at: self.clock,
            expires_at,
            state: FlowState::AwaitingConfirmation,
            era: self.signups.era,
            opened_at: None,
        };
        self.signups.flows.insert(token.clone(), flow);
        self.signups.pending.insert(email.clone(), token.clone());
        let era = self.signups.era;
        self.deliver(email.as_str(), MessageKind::Confirmation { token, expires_at, era });
        self.log(EventKind::ConfirmationEmailSent {
            email: email.to_string(),
            expires_at,
            replaced_previous,
            valid_for: self.config.link_validity,
            era,
        });
        Ok(StartOutcome::EmailSent { email, expires_at, replaced_previous })
    }

    /// Marks the pending flow of `email`, if any, as no longer usable.
    fn retire_pending(&mut self, email: &Email, state: impl Fn(SimTime) -> FlowState) -> bool {
        match self.signups.pending.remove(email) {
            Some(old) => match self.signups.flows.get_mut(&old) {
                Some(f) => {
                    f.state = state(self.clock);
                    // An expired link was no longer usable: nothing was replaced.
                    self.clock < f.expires_at
                }
                None => false,
            },
            None => false,
        }
    }

    fn flow(&self, token: &str) -> Result<&SignupFlow, TokenError> {
        let flow = self.signups.flows.get(token.trim()).ok_or(TokenError::Unknown)?;
        match &flow.state {
            FlowState::Completed { at } => Err(TokenError::AlreadyUsed { at: *at }),
            FlowState::Canceled { .. } => Err(TokenError::Canceled),
            // A link past its expiry says so, even if a newer one replaced it since.
            _ if self.clock >= flow.expires_at => {
                Err(TokenError::Expired { at: flow.expires_at, valid_for: flow.expires_at.since(flow.issued_at) })
            }
            FlowState::Superseded { .. } => Err(TokenError::Superseded { email: flow.email.to_string() }),
            FlowState::AwaitingConfirmation => Ok(flow),
        }
    }

    /// What the confirmation link shows; changes nothing.
    pub fn confirmation(&self, token: &str) -> Result<Confirmation, TokenError> {
        let flow = self.flow(token)?;
        Ok(Confirmation {
            email: flow.email.clone(),
            expires_at: flow.expires_at,
            existing_account: self.user(&flow.email).is_some(),
            era: flow.era,
        })
    }

    /// The person opened the link (seed step 5): like `confirmation`, and the
    /// first opening of a valid link is logged.
    pub fn open_confirmation(&mut self, token: &str) -> Result<Confirmation, TokenError> {
        let c = self.confirmation(token)?;
        let flow = self.signups.flows.get_mut(token.trim()).expect("a valid link has a flow");
        if flow.opened_at.is_none() {
            flow.opened_at = Some(self.clock);
            self.log(EventKind::ConfirmationLinkOpened {
                email: c.email.to_string(),
                existing_account: c.existing_account,
                era: c.era,
            });
        }
        Ok(c)
    }

    /// Whether `open_confirmation` would log anything (lets the UI skip a save).
    pub fn confirmation_unopened(&self, token: &str) -> bool {
        self.flow(token).is_ok_and(|f| f.opened_at.is_none())
    }

    /// "Create" on the account page (or "Activate" for an existing account,
    /// whose details are then ignored).
    pub fn complete_signup(
        &mut self,
        token: &str,
        details: &AccountDetails,
        rng: &mut dyn RandomSource,
    ) -> Result<Completed, CompleteError> {
        let flow = match self.flow(token) {
            Ok(f) => f.clone(),
            Err(e) => {
                let email = self
                    .signups
                    .flows
                    .get(token.trim())
                    .map(|f| f.email.to_string())
                    .unwrap_or_else(|| "an unknown address".into());
                self.log(EventKind::ConfirmationLinkRejected { email, reason: e.clone() });
                return Err(CompleteError::Token(e));
            }
        };
        let email = flow.email.clone();
        let route = match self.assess(&email) {
            Ok(r) => r,
            Err(r) => {
                self.refuse(email.as_str(), &r);
                return Err(CompleteError::Refused(r));
            }
        };
        if let Route::ActivateExisting(tenant) = &route {
            let tenant = tenant.clone();
            self.finish_flow(&flow);
            self.log(EventKind::DomainChecked {
                domain: email.domain().into(),
                found: Some(self.directory.tenants[&tenant].display_name.clone()),
                has_rms: self.directory.tenants[&tenant].has_azure_rms(),
            });
            self.grant_and_license(&tenant, &email, rng);
            if flow.era.sends_ready_mail() {
                self.send_ready_mail(&email);
            }
            return Ok(Completed { email, tenant, created_tenant: false, created_account: false });
        }
        if let Route::Paid { .. } = route {
            // The organization bought Azure RMS after the email was sent.
            self.retire_pending(&email, |at| FlowState::Canceled { at });
            self.log(EventKind::ConfirmationLinkRejected { email: email.to_string(), reason: TokenError::Canceled });
            return Err(CompleteError::Token(TokenError::Canceled));
        }
        let errors = validate_details(details, flow.era.asks_country());
        if !errors.is_empty() {
            self.log(EventKind::AccountDetailsRejected { email: email.to_string(), problems: errors.clone() });
            return Err(CompleteError::Fields(errors));
        }
        self.finish_flow(&flow);
        let domain = email.domain().to_string();
        let country = if flow.era.asks_country() {
            details.country.trim().to_ascii_uppercase()
        } else {
            super::era::OCTOBER_2016_COUNTRY.to_string()
        };
        let (tenant, created_tenant) = match route {
            Route::JoinTenant(t) => {
                let tn = &self.directory.tenants[&t];
                self.log(EventKind::DomainChecked {
                    domain: domain.clone(),
                    found: Some(tn.display_name.clone()),
                    has_rms: tn.has_azure_rms(),
                });
                (t, false)
            }
            _ => {
                self.log(EventKind::DomainChecked { domain: domain.clone(), found: None, has_rms: false });
                (self.create_unmanaged_tenant(&domain, &email, &country, rng), true)
            }
        };
        let user = User {
            upn: email.clone(),
            first_name: details.first_name.trim().to_string(),
            last_name: details.last_name.trim().to_string(),
            country: country.clone(),
            role: Role::User,
            creation_method: CreationMethod::EmailVerified,
            status: AccountStatus::Enabled,
            licenses: vec![],
            password: hash_password(&details.password, self.config.pbkdf2_iterations, rng),
            lockout: Lockout::default(),
            created: self.clock,
            devices: vec![],
        };
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        t.users.insert(email.clone(), user);
        // This account gets its license next: it is one more RMS for individuals sign-up.
        let ordinal = t.consumed_units(Sku::RightsManagementAdhoc) + 1;
        let name = t.display_name.clone();
        self.log(EventKind::UserCreated { upn: email.to_string(), tenant: name, ordinal, new_tenant: created_tenant });
        self.grant_and_license(&tenant, &email, rng);
        if flow.era.sends_ready_mail() {
            self.send_ready_mail(&email);
        }
        Ok(Completed { email, tenant, created_tenant, created_account: true })
    }

    fn finish_flow(&mut self, flow: &SignupFlow) {
        if let Some(f) = self.signups.flows.get_mut(&flow.token) {
            f.state = FlowState::Completed { at: self.clock };
        }
        self.signups.pending.remove(&flow.email);
    }

    fn create_unmanaged_tenant(
        &mut self,
        domain: &str,
        by: &Email,
        country: &str,
        rng: &mut dyn RandomSource,
    ) -> TenantId {
        let id = rng.guid();
        let mut base = domain.replace(['.', '-'], "");
        base.truncate(27);
        // Like Azure AD, add a number when the name is already taken.
        let taken = |name: &str| self.directory.tenants.values().any(|t| t.initial_domain == name);
        let mut initial_domain = format!("{base}.onmicrosoft.com");
        let mut n = 1;
        while taken(&initial_domain) {
            n += 1;
            initial_domain = format!("{base}{n}.onmicrosoft.com");
        }
        let tenant = Tenant::new(
            id.clone(),
            domain,
            initial_domain.clone(),
            TenantKind::Unmanaged,
            TenantOrigin::SelfServiceSignup { by: by.clone() },
            region_of(country),
            self.clock,
        );
        self.directory.tenants.insert(id.clone(), tenant);
        self.directory
            .domains
            .insert(domain.to_string(), DomainRecord { tenant: id.clone(), status: DomainStatus::EmailVerified });
        let region = region_of(country);
        self.log(EventKind::TenantCreated {
            domain: domain.to_string(),
            tenant: domain.to_string(),
            initial_domain,
            region,
        });
        id
    }

    /// Technical overview step 2 (and 3): grant the ADHOC subscription if the
    /// tenant lacks it, create its default templates, assign one unit.
    fn grant_and_license(&mut self, tenant: &str, email: &Email, rng: &mut dyn RandomSource) {
        let clock = self.clock;
        let t = self.directory.tenants.get_mut(tenant).expect("tenant exists");
        let sku = Sku::RightsManagementAdhoc;
        let account_sku_id = t.account_sku_id(sku);
        let mut new_events = Vec::new();
        if t.subscription(sku).is_none() {
            t.subscriptions.push(Subscription {
                sku,
                active_units: ADHOC_ACTIVE_UNITS,
                warning_units: 0,
                added: clock,
            });
            new_events.push(EventKind::SubscriptionGranted {
                tenant: t.display_name.clone(),
                account_sku_id: account_sku_id.clone(),
                active_units: ADHOC_ACTIVE_UNITS,
            });
            if t.keys.is_empty() {
                let key = TenantKey::generate(&t.display_name, clock, rng);
                t.keys.push(key);
            }
            if t.templates.is_empty() {
                t.templates = default_templates(&t.display_name, [rng.guid(), rng.guid()]);
                new_events.push(EventKind::DefaultTemplatesCreated {
                    tenant: t.display_name.clone(),
                    names: t.templates.iter().map(|x| x.name.clone()).collect(),
                });
            }
        }
        let had_templates = t.templates_available();
        if let Some(u) = t.users.get_mut(email)
            && !u.licenses.contains(&sku)
        {
            u.licenses.push(sku);
        }
        let consumed = t.consumed_units(sku);
        new_events.push(EventKind::LicenseAssigned {
            upn: email.to_string(),
            account_sku_id,
            consumed,
            active: ADHOC_ACTIVE_UNITS,
        });
        if !had_templates && t.templates_available() {
            new_events.push(EventKind::TemplatesAvailable {
                tenant: t.display_name.clone(),
                names: t.templates.iter().map(|x| x.name.clone()).collect(),
            });
        }
        for e in new_events {
            self.log(e);
        }
    }

    /// The trainer chooses the era new sign-ups follow; sign-ups already
    /// begun keep theirs.
    pub fn set_era(&mut self, era: Era) -> bool {
        if self.signups.era == era {
            return false;
        }
        self.signups.era = era;
        self.log(EventKind::EraChanged { era });
        true
    }

    fn send_ready_mail(&mut self, email: &Email) {
        self.deliver(email.as_str(), MessageKind::AccountReady);
        self.log(EventKind::AccountReadyEmailSent { email: email.to_string() });
    }
}
