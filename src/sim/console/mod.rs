//! The administrator's Windows PowerShell console.
//!
//! - `powershell`: the language layer (parsing, binding, formatting, errors,
//!   history, completion). It knows nothing of the world: cmdlet effects go
//!   through its `CmdletHost` trait.
//! - `host`: `SimHost`, the `CmdletHost` over the world: each MSOnline and
//!   Microsoft Graph cmdlet acts on the same directory as the admin pages.
//!
//! This file holds the console's part of the world: whom it is connected as.

pub mod host;
pub mod powershell;

use crate::sim::World;
use crate::sim::admin::AdminError;
use crate::sim::basics::email::Email;
use crate::sim::events::EventKind;
use serde::{Deserialize, Serialize};

/// Whom the console is connected as, per service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleSession {
    /// `Connect-MsolService` succeeded for this global administrator.
    pub msol: Option<Email>,
    /// `Connect-MgGraph` succeeded for this global administrator.
    pub graph: Option<Email>,
    /// `Connect-AadrmService` succeeded for this global administrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aadrm: Option<Email>,
}

/// The services the console connects to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsoleService {
    /// `Connect-MsolService`: the MSOnline (Azure AD PowerShell) cmdlets.
    MsOnline,
    /// `Connect-MgGraph`: the Microsoft Graph PowerShell cmdlets.
    Graph,
    /// `Connect-AadrmService`: the Azure Rights Management cmdlets (AADRM).
    Aadrm,
}

impl ConsoleService {
    pub fn label(self) -> &'static str {
        match self {
            ConsoleService::MsOnline => "MSOnline",
            ConsoleService::Graph => "Microsoft Graph",
            ConsoleService::Aadrm => "Azure Rights Management",
        }
    }
}

impl ConsoleSession {
    fn slot(&mut self, service: ConsoleService) -> &mut Option<Email> {
        match service {
            ConsoleService::MsOnline => &mut self.msol,
            ConsoleService::Graph => &mut self.graph,
            ConsoleService::Aadrm => &mut self.aadrm,
        }
    }
    pub fn connected(&self, service: ConsoleService) -> Option<&Email> {
        match service {
            ConsoleService::MsOnline => self.msol.as_ref(),
            ConsoleService::Graph => self.graph.as_ref(),
            ConsoleService::Aadrm => self.aadrm.as_ref(),
        }
    }
}

impl World {
    /// `Connect-MsolService` or `Connect-MgGraph`: only a global
    /// administrator of a managed tenant can connect.
    pub fn console_connect(
        &mut self,
        email: &str,
        password: &str,
        service: ConsoleService,
    ) -> Result<Email, AdminError> {
        let (upn, _) = self.authenticate(email, password).map_err(AdminError::Credentials)?;
        self.admin_tenant(&upn)?;
        *self.console.slot(service) = Some(upn.clone());
        self.log(EventKind::ConsoleConnected { upn: upn.to_string(), service });
        Ok(upn)
    }

    /// `exit` in the console: as when its window closes, its connections end.
    pub fn console_disconnect(&mut self) {
        self.console = ConsoleSession::default();
    }

    /// The console's connection, if it is still valid (the account may have
    /// been blocked, deleted or lost its role since).
    pub fn console_admin(&self, service: ConsoleService) -> Option<Email> {
        let upn = self.console.connected(service)?;
        self.admin_tenant(upn).ok().map(|_| upn.clone())
    }
}
