//! The scenario presets a trainer loads from the start page.

use crate::sim::World;
use crate::sim::basics::catalog::{Sku, default_templates};
use crate::sim::basics::countries::region_of;
use crate::sim::basics::email::Email;
use crate::sim::basics::password::PasswordHash;
use crate::sim::basics::rand::RandomSource;
use crate::sim::devices::SHARED_BROWSER;
use crate::sim::directory::*;
use crate::sim::events::EventKind;
use crate::sim::sharing::{Permission, PolicyChoice, ProtectRequest, simple_pdf};
use crate::sim::signin::Lockout;
use crate::sim::signup::AccountDetails;
use crate::sim::world::Config;

/// A pre-made account a scenario shows on the start page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetAccount {
    pub email: &'static str,
    pub password: &'static str,
    pub role: &'static str,
    /// The password's hash, precomputed (`examples/preset_hashes.rs`) so that
    /// loading a scenario doesn't spend tens of milliseconds hashing demo
    /// passwords; empty for accounts the scenario creates by signing up.
    pub hash: &'static str,
}

/// One organization of a preset, as the start page describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetOrg {
    pub domain: &'static str,
    /// Its state in a few words (the start page's card).
    pub summary: &'static str,
    pub state: &'static str,
    pub accounts: Vec<PresetAccount>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precomputed_hashes_match_the_shown_passwords() {
        for a in [CONTOSO_ADMIN, LITWARE_ADMIN] {
            let h = PasswordHash::from_stored(a.hash).expect("well-formed");
            assert!(h.verify(a.password), "{}", a.email);
            assert!(!h.verify("wrong"));
        }
        assert_ne!(
            CONTOSO_ADMIN.hash.split('$').nth(2),
            LITWARE_ADMIN.hash.split('$').nth(2),
            "each account has its own salt"
        );
        assert!(PasswordHash::from_stored("plain text").is_none());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Contoso (paid), Litware (managed, no RMS), everyone else new.
    Default,
    /// Fabrikam already has an unmanaged tenant with two users.
    FabrikamSignedUp,
    /// Default, plus a protected file waiting in p.dover@fabrikam.com's inbox.
    ProtectedFileReceived,
}

pub const PRESETS: [Preset; 3] = [Preset::Default, Preset::FabrikamSignedUp, Preset::ProtectedFileReceived];

pub const CONTOSO_ADMIN: PresetAccount = PresetAccount {
    email: "janetm@contoso.com",
    password: "Contoso-2016!",
    role: "Global administrator",
    hash: "pbkdf2-sha256$20000$PFCzzkEi5p-TIeH_EsU4sg$V9Avs9fhUFAv4VpTBx83mBz-mlzHFJ0zLExFmw37P70",
};
pub const LITWARE_ADMIN: PresetAccount = PresetAccount {
    email: "admin@litwareinc.com",
    password: "Litware-2016!",
    role: "Global administrator",
    hash: "pbkdf2-sha256$20000$kvK6jB2oD4XLhJglVtgOpQ$7nWgb095ppEIsq5cIu32hOwWbp3h-ndY4t4QaxHSJR8",
};
pub const FABRIKAM_USERS: [PresetAccount; 2] = [
    PresetAccount {
        email: "p.dover@fabrikam.com",
        password: "Fabrikam-2016!",
        role: "User (signed up for RMS for individuals)",
        hash: "",
    },
    PresetAccount {
        email: "r.ortiz@fabrikam.com",
        password: "Fabrikam-2016!",
        role: "User (signed up for RMS for individuals)",
        hash: "",
    },
];

impl Preset {
    pub fn id(self) -> &'static str {
        match self {
            Preset::Default => "default",
            Preset::FabrikamSignedUp => "fabrikam-signed-up",
            Preset::ProtectedFileReceived => "protected-file-received",
        }
    }
    pub fn from_id(id: &str) -> Option<Preset> {
        PRESETS.into_iter().find(|p| p.id() == id)
    }
    pub fn name(self) -> &'static str {
        match self {
            Preset::Default => "Default: Contoso, Litware and new organizations",
            Preset::FabrikamSignedUp => "Fabrikam has already signed up",
            Preset::ProtectedFileReceived => "A protected file arrives at Fabrikam",
        }
    }
    /// What the scenario is for, in one line (the start page's card).
    pub fn pitch(self) -> &'static str {
        match self {
            Preset::Default => "From scratch: first and second sign-ups, the paid branch, the refusals.",
            Preset::FabrikamSignedUp => "fabrikam.com already has an unmanaged tenant with two users.",
            Preset::ProtectedFileReceived => "Janet at Contoso sent Pat a protected PDF; Pat signs up to open it.",
        }
    }
    pub fn description(self) -> &'static str {
        match self {
            Preset::Default => {
                "The seed's starting point. Walk through the first and second sign-ups of a new organization, the paid-subscription branch and the refusals."
            }
            Preset::FabrikamSignedUp => {
                "Two Fabrikam employees have already signed up, so fabrikam.com has an unmanaged tenant with the RMS for individuals subscription and its default templates. Show the directory, then sign up a third user."
            }
            Preset::ProtectedFileReceived => {
                "The most typical way into sign-up: Janet at Contoso shared a protected PDF (Q3 pricing proposal.ppdf, Viewer permission) with p.dover@fabrikam.com, whose inbox holds the message with the attachment and the sign-up link. Pat signs up, then opens it in the viewer; Janet tracks it on the document tracking site."
            }
        }
    }
    pub fn organizations(self) -> Vec<PresetOrg> {
        let contoso = PresetOrg {
            domain: "contoso.com",
            summary: "managed, paid (Office 365 E3)",
            state: "Contoso, Ltd: managed tenant with a paid subscription that includes Azure RMS (Office 365 Enterprise E3). Sign-up is canceled for its users.",
            accounts: vec![CONTOSO_ADMIN],
        };
        let litware = PresetOrg {
            domain: "litwareinc.com",
            summary: "managed, Exchange Online only",
            state: "Litware, Inc.: managed tenant with Exchange Online only, no Azure RMS subscription. Sign-up adds the free RMS for individuals subscription to it.",
            accounts: vec![LITWARE_ADMIN],
        };
        let others = PresetOrg {
            domain: "any other work domain",
            summary: "no tenant yet",
            state: "No tenant yet (for example fabrikam.com, the seed's example): the first sign-up creates an unmanaged tenant.",
            accounts: vec![],
        };
        match self {
            Preset::Default | Preset::ProtectedFileReceived => vec![contoso, litware, others],
            Preset::FabrikamSignedUp => vec![
                contoso,
                litware,
                PresetOrg {
                    domain: "fabrikam.com",
                    summary: "unmanaged, 2 users",
                    state: "Unmanaged tenant created by self-service sign-up: two email-verified users, no global administrator, RIGHTSMANAGEMENT_ADHOC with 2 of 50,000 units consumed.",
                    accounts: FABRIKAM_USERS.to_vec(),
                },
                PresetOrg {
                    domain: "any other work domain",
                    summary: "no tenant yet",
                    state: "No tenant yet.",
                    accounts: vec![],
                },
            ],
        }
    }
}

impl World {
    /// Builds a preset's world from scratch.
    pub fn load(preset: Preset, config: Config, rng: &mut dyn RandomSource) -> World {
        let mut w = World::empty(config);
        w.scenario = preset.id().to_string();
        // Everything a scenario logs is one action on `/events`.
        w.log.begin_action("LoadScenario");
        w.add_managed(
            "contoso.com",
            "Contoso, Ltd",
            "contoso",
            Sku::EnterprisePack,
            25,
            ("Janet", "Mead"),
            &CONTOSO_ADMIN,
            "US",
            rng,
        );
        w.add_managed(
            "litwareinc.com",
            "Litware, Inc.",
            "litwareinc",
            Sku::ExchangeStandard,
            10,
            ("Lee", "Gu"),
            &LITWARE_ADMIN,
            "GB",
            rng,
        );
        w.log(EventKind::ScenarioLoaded { name: preset.name().to_string() });
        match preset {
            Preset::Default => {}
            Preset::FabrikamSignedUp => {
                for (acct, (first, last)) in FABRIKAM_USERS.iter().zip([("Pat", "Dover"), ("Rosa", "Ortiz")]) {
                    w.start_signup(SHARED_BROWSER, acct.email, rng).expect("preset sign-up starts");
                    let token = w.signups.pending[&Email::parse(acct.email).unwrap()].clone();
                    let d = AccountDetails {
                        first_name: first.into(),
                        last_name: last.into(),
                        password: acct.password.into(),
                        confirm_password: acct.password.into(),
                        country: "US".into(),
                    };
                    w.complete_signup(&token, &d, rng).expect("preset sign-up completes");
                }
            }
            Preset::ProtectedFileReceived => {
                // Janet shares a real protected PDF with Pat, who has no account yet.
                let pdf = simple_pdf(&[
                    "Contoso, Ltd - Q3 pricing proposal for Fabrikam".to_string(),
                    String::new(),
                    "Volume discount: 12% above 5,000 units.".to_string(),
                    "Valid until 30 September 2016.".to_string(),
                    "Confidential: shared with p.dover@fabrikam.com only.".to_string(),
                ]);
                let req = ProtectRequest {
                    file_name: "Q3 pricing proposal.pdf".into(),
                    data: pdf,
                    users: "p.dover@fabrikam.com".into(),
                    policy: PolicyChoice::Custom(Permission::Viewer),
                    expires_on: String::new(),
                    notify: true,
                    instant_revoke: false,
                };
                let janet = Email::parse(CONTOSO_ADMIN.email).expect("preset address");
                w.share_protected(Some(&janet), &req, rng).expect("the preset share works");
            }
        }
        w.log.end_action();
        w
    }

    #[allow(clippy::too_many_arguments)]
    fn add_managed(
        &mut self,
        domain: &str,
        name: &str,
        initial: &str,
        sku: Sku,
        units: u32,
        (first, last): (&str, &str),
        admin: &PresetAccount,
        country: &str,
        rng: &mut dyn RandomSource,
    ) {
        let id = rng.guid();
        let upn = Email::parse(admin.email).expect("preset address");
        let user = User {
            upn: upn.clone(),
            first_name: first.into(),
            last_name: last.into(),
            country: country.into(),
            role: Role::GlobalAdministrator,
            creation_method: CreationMethod::Admin,
            status: AccountStatus::Enabled,
            licenses: vec![sku],
            password: PasswordHash::from_stored(admin.hash).expect("a precomputed hash"),
            lockout: Lockout::default(),
            created: self.clock,
            devices: vec![],
        };
        let templates =
            if sku.includes_azure_rms() { default_templates(name, [rng.guid(), rng.guid()]) } else { vec![] };
        let mut tenant = Tenant::new(
            id.clone(),
            name,
            format!("{initial}.onmicrosoft.com"),
            TenantKind::Managed,
            TenantOrigin::Scenario,
            region_of(country),
            self.clock,
        );
        tenant.subscriptions.push(Subscription { sku, active_units: units, warning_units: 0, added: self.clock });
        tenant.templates = templates;
        tenant.users.insert(upn, user);
        if sku.includes_azure_rms() {
            tenant.keys.push(TenantKey::generate(name, self.clock, rng));
        }
        self.directory.tenants.insert(id.clone(), tenant);
        self.directory.domains.insert(domain.into(), DomainRecord { tenant: id, status: DomainStatus::Verified });
    }
}
