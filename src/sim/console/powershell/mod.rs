//! The PowerShell language layer of the admin console: plain Rust, no UI.
//!
//! A line goes through [`parser::parse`] (PowerShell's command-mode syntax:
//! bare words, quoted strings, `$true`/`$false`/`$null`, `-Name value`,
//! `-Name:value`, en/em dashes as parameter prefixes, arrays, hash tables,
//! pipelines, `;`, comments, `$var = …`), then each command is resolved in
//! the [`registry`] (names, aliases, parameter metadata, help) and its
//! arguments bound by [`bind`] the way PowerShell binds them (prefixes,
//! positions, type conversion, pipeline input by property name). Local
//! cmdlets (Get-Help, Get-Command, Format-List/Table, Select-Object,
//! Clear-Host, Import-Module) run here; every other cmdlet's effect goes
//! through [`CmdletHost`], which the simulation implements. Output is
//! formatted by [`format`] and errors rendered by [`error`] in Windows
//! PowerShell 5.1's shapes. [`Console`] ties it together with history and
//! tab completion.

// Errors are rare and rendered at once; boxing them would buy nothing.
#![allow(clippy::result_large_err)]

pub mod bind;
pub mod builtins;
pub mod console;
pub mod error;
pub mod eval;
pub mod examples;
pub mod format;
pub mod lexer;
pub mod parser;
pub mod registry;

pub use bind::BoundArgs;
pub use console::{Completion, Console, RunResult};
pub use error::PsError;
pub use format::{DefaultView, PsObject, PsValue, ScriptBlock};
pub use registry::{CMDLETS, Cmdlet, Param, Ty};

/// Runs the effect of a cmdlet against the simulation.
pub trait CmdletHost {
    /// `cmdlet` is the canonical name from the registry (e.g. "Get-MsolDomain"),
    /// `args` the bound, type-converted parameters by canonical name.
    fn invoke(&mut self, cmdlet: &str, args: &BoundArgs) -> Result<Vec<PsObject>, HostError>;

    /// `exit`: the session ends, as when the window closes (connections
    /// made with Connect-MsolService and Connect-MgGraph are gone).
    fn end_session(&mut self);
}

/// What a host cmdlet failed with, rendered as PowerShell shows an error
/// record:
///
/// ```text
/// Get-MsolUser : User Not Found.  User: a@contoso.com.
/// At line:1 char:1
/// + Get-MsolUser -UserPrincipalName a@contoso.com
/// + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
///     + CategoryInfo          : OperationStopped: (:) [Get-MsolUser], MicrosoftOnlineException
///     + FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.GetUser
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    pub message: String,
    /// PowerShell's ErrorCategory: "OperationStopped", "InvalidOperation",
    /// "ObjectNotFound", "AuthenticationError", …
    pub category: &'static str,
    /// The exception's short type name, after the `[Cmdlet],` in CategoryInfo.
    pub exception: &'static str,
    /// The first part of the FullyQualifiedErrorId; the console appends
    /// `,<cmdlet class>` unless it already contains a comma.
    pub error_id: String,
    /// The target shown as `(target)` in CategoryInfo; empty gives `(:)`.
    pub target: String,
}

/// The category of [`HostError::need_credential`].
pub const NEED_CREDENTIAL: &str = "NeedCredential";

impl HostError {
    pub fn new(
        message: impl Into<String>,
        category: &'static str,
        exception: &'static str,
        error_id: impl Into<String>,
    ) -> Self {
        HostError { message: message.into(), category, exception, error_id: error_id.into(), target: String::new() }
    }

    /// An MSOnline error: category OperationStopped, MicrosoftOnlineException,
    /// e.g. `msol("Domain not found.", "Microsoft.Online.Administration.Automation.DomainNotFoundException")`.
    pub fn msol(message: impl Into<String>, error_id: impl Into<String>) -> Self {
        HostError::new(message, "OperationStopped", "MicrosoftOnlineException", error_id)
    }

    /// Not an error: the cmdlet needs the credential dialog. The console stops,
    /// reports it in [`RunResult::credential_prompt`], and goes on when the UI
    /// calls [`Console::resume`] with the outcome of the sign-in.
    pub fn need_credential() -> Self {
        HostError::new("", NEED_CREDENTIAL, "", "")
    }

    pub fn is_need_credential(&self) -> bool {
        self.category == NEED_CREDENTIAL
    }
}
