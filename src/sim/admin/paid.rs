//! "Manage Rights Management": converting RMS for individuals to a paid
//! subscription, and the Rights Management features that need one.

use super::AdminError;
use super::superusers::AdminAction;
use crate::sim::World;
use crate::sim::basics::catalog::Sku;
use crate::sim::basics::email::Email;
use crate::sim::directory::*;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};

/// Seats of the paid subscription a conversion buys (at least the users).
pub const PAID_MIN_UNITS: u32 = 25;

/// The paid Rights Management features an administrator switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RmsFeature {
    /// `Enable-AadrmSuperUserFeature`: super users read every document.
    SuperUsers,
    /// Usage logging (on by default since February 2016).
    UsageLogging,
}

impl RmsFeature {
    pub fn label(self) -> &'static str {
        match self {
            RmsFeature::SuperUsers => "Super users",
            RmsFeature::UsageLogging => "Usage logging",
        }
    }
}

impl World {
    // ---- Conversion to paid and the paid features ----

    /// Converts RMS for individuals to a paid subscription that includes Azure
    /// RMS: directory, accounts, keys, templates and protected content stay.
    pub fn convert_to_paid(&mut self, actor: &Email) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let clock = self.clock;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        if t.has_paid_azure_rms() {
            return Err(AdminError::AlreadyPaid);
        }
        if t.subscription(Sku::RightsManagementAdhoc).is_none() {
            return Err(AdminError::NoRmsForIndividuals);
        }
        let sku = Sku::RightsManagement;
        let units = PAID_MIN_UNITS.max(t.users.len() as u32);
        t.subscriptions.push(Subscription { sku, active_units: units, warning_units: 0, added: clock });
        for u in t.users.values_mut() {
            if !u.licenses.contains(&sku) {
                u.licenses.push(sku);
            }
        }
        t.converted = Some(clock);
        let name = t.display_name.clone();
        let account_sku_id = t.account_sku_id(sku);
        self.log(EventKind::ConvertedToPaid { tenant: name, account_sku_id, units });
        Ok(())
    }

    /// Super users feature on or off (`Enable-AadrmSuperUserFeature`).
    pub fn set_super_user_feature(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        self.set_rms_feature(actor, RmsFeature::SuperUsers, on)
    }

    /// Usage logging on or off.
    pub fn set_usage_logging(&mut self, actor: &Email, on: bool) -> Result<(), AdminError> {
        self.set_rms_feature(actor, RmsFeature::UsageLogging, on)
    }

    /// Switches one of the paid Rights Management features.
    pub fn set_rms_feature(&mut self, actor: &Email, feature: RmsFeature, on: bool) -> Result<(), AdminError> {
        let tenant = self.admin_tenant(actor)?;
        let t = self.directory.tenants.get_mut(&tenant).expect("tenant exists");
        if !t.paid_features() {
            return Err(AdminError::NotPaid);
        }
        let current = match feature {
            RmsFeature::SuperUsers => &mut t.rms.super_user_feature,
            RmsFeature::UsageLogging => &mut t.rms.usage_logging,
        };
        if *current == on {
            return Err(AdminError::Unchanged);
        }
        *current = on;
        let name = t.display_name.clone();
        let action = match feature {
            RmsFeature::SuperUsers => AdminAction::SuperUserFeature { on },
            RmsFeature::UsageLogging => AdminAction::UsageLogging { on },
        };
        self.admin_logged(&tenant, actor, action);
        self.log(EventKind::RmsFeatureChanged { tenant: name, feature, on });
        Ok(())
    }
}
