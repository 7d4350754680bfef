//! The world: the whole simulated state, one part per feature. Each part's
//! type lives with its feature (`directory`, `signup`, `mail`, `admin::dns`,
//! `signin`, `devices`, `console`, `sharing`, `events`); this file only puts them
//! together, with the engine settings and the few queries every page asks.

use crate::sim::admin::dns::Dns;
use crate::sim::basics::email::Email;
use crate::sim::basics::time::{SCENARIO_START, SimDuration, SimTime};
use crate::sim::console::ConsoleSession;
use crate::sim::devices::Devices;
use crate::sim::directory::{Directory, Tenant, User};
use crate::sim::events::EventLog;
use crate::sim::mail::{Mail, Mailbox};
use crate::sim::sharing::SharingService;
use crate::sim::signup::Signups;
use serde::{Deserialize, Serialize};

/// Engine settings a scenario fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// PBKDF2 rounds for new password hashes.
    pub pbkdf2_iterations: u32,
    /// How long a sign-up confirmation link stays valid.
    pub link_validity: SimDuration,
}

/// The simulator's default: 24 hours. No public document gives the real
/// validity of the sign-up link, so this picks a common value for emailed
/// verification links that still leaves the recipient of a protected file a
/// working day to act on it.
pub const DEFAULT_LINK_VALIDITY: SimDuration = SimDuration::hours(24);

/// PBKDF2-HMAC-SHA256 rounds used in the browser. Real identity providers use
/// far more; this keeps sign-up and sign-in instant on a projector laptop while
/// still storing a salted, slow hash rather than the password.
pub const DEFAULT_PBKDF2_ITERATIONS: u32 = 20_000;

impl Default for Config {
    fn default() -> Self {
        Config { pbkdf2_iterations: DEFAULT_PBKDF2_ITERATIONS, link_validity: DEFAULT_LINK_VALIDITY }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub clock: SimTime,
    pub config: Config,
    /// Which preset this world started from.
    pub scenario: String,
    /// Tenants, domains, users, subscriptions, keys.
    pub directory: Directory,
    /// Sign-up flows by their link token, and the domain lists sign-up checks.
    pub signups: Signups,
    /// Mailboxes and the files attached to messages.
    pub mail: Mail,
    /// The simulated public DNS.
    pub dns: Dns,
    /// Each device's signed-in account (a tab is one person's device).
    pub devices: Devices,
    /// Who the PowerShell console is connected as.
    #[serde(default)]
    pub console: ConsoleSession,
    /// Protected documents, use licenses and the usage log of the service.
    pub sharing: SharingService,
    /// What happened, newest last.
    pub log: EventLog,
    /// IDs of the latest saves this state includes (see `persist::sync`).
    #[serde(default)]
    pub recent_writes: Vec<u64>,
}

impl World {
    /// An empty world: no tenants, the lists active, the clock at the scenario start.
    pub fn empty(config: Config) -> World {
        World {
            clock: SCENARIO_START,
            config,
            scenario: String::new(),
            directory: Directory::default(),
            signups: Signups::default(),
            mail: Mail::default(),
            dns: Dns::default(),
            devices: Devices::default(),
            console: ConsoleSession::default(),
            sharing: SharingService::default(),
            log: EventLog::default(),
            recent_writes: vec![],
        }
    }

    pub fn tenant_of_domain(&self, domain: &str) -> Option<&Tenant> {
        self.directory.tenant_of_domain(domain)
    }
    pub fn user(&self, upn: &Email) -> Option<&User> {
        self.directory.user(upn)
    }
    pub fn mailbox(&self, address: &str) -> Option<&Mailbox> {
        self.mail.mailboxes.get(&address.to_ascii_lowercase())
    }

    /// Restores what the stored form leaves out (map keys inside records,
    /// the pending-sign-up index).
    pub fn after_load(&mut self) {
        self.directory.after_load();
        self.mail.after_load();
        self.signups.after_load();
    }
}
