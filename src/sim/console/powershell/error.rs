//! Error records, rendered as Windows PowerShell 5.1 shows them:
//!
//! ```text
//! Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, …
//! At line:1 char:1
//! + Get-Foo
//! + ~~~~~~~
//!     + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException
//!     + FullyQualifiedErrorId : CommandNotFoundException
//! ```
//!
//! Parser errors put the position first and the message under the caret line.

use super::HostError;
use super::parser::{ParseError, Span};
use super::registry::Cmdlet;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PsError {
    /// What precedes ` : ` on the first line (the command); empty for parser errors.
    pub command: String,
    pub message: String,
    pub span: Option<Span>,
    pub category: &'static str,
    /// Inside the parentheses of CategoryInfo; empty shows `(:)`.
    pub target: String,
    /// Inside the brackets of CategoryInfo (the cmdlet).
    pub activity: String,
    /// The exception's short type name.
    pub reason: String,
    pub fqid: String,
    pub parser: bool,
}

/// How running stops early: a terminating error, a cmdlet that waits for the
/// credential dialog (its name), `exit`, or an error already shown (through
/// the command's redirections) that ends the statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Flow {
    Error(PsError),
    Prompt(&'static str),
    Exit,
    Stop,
}

impl From<PsError> for Flow {
    fn from(e: PsError) -> Self {
        Flow::Error(e)
    }
}

pub(crate) const NOT_RECOGNIZED: &str = "is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.";

impl PsError {
    /// An error of a cmdlet: `Cmdlet : message`, `[Cmdlet]`, and the cmdlet's
    /// class after the error id.
    pub(crate) fn of(
        cmd: &Cmdlet,
        category: &'static str,
        reason: &str,
        id: &str,
        message: String,
        span: Option<Span>,
    ) -> Self {
        PsError {
            command: cmd.name.into(),
            message,
            span,
            category,
            target: String::new(),
            activity: cmd.name.into(),
            reason: reason.into(),
            fqid: format!("{id},{}", cmd.class),
            parser: false,
        }
    }

    /// A parameter binding error (ParameterBindingException, InvalidArgument).
    pub(crate) fn binding(cmd: &Cmdlet, id: &str, message: String, span: Span) -> Self {
        PsError::of(cmd, "InvalidArgument", "ParameterBindingException", id, message, Some(span))
    }

    /// The term '…' is not recognized (CommandNotFoundException).
    pub(crate) fn not_found(name: &str, span: Span) -> Self {
        PsError {
            command: name.into(),
            message: format!("The term '{name}' {NOT_RECOGNIZED}"),
            span: Some(span),
            category: "ObjectNotFound",
            target: format!("{name}:String"),
            activity: String::new(),
            reason: "CommandNotFoundException".into(),
            fqid: "CommandNotFoundException".into(),
            parser: false,
        }
    }

    /// Something this console can't do (NotSupportedException).
    pub(crate) fn unsupported(command: &str, message: String, id: &str, span: Span) -> Self {
        PsError {
            command: command.into(),
            message,
            span: Some(span),
            category: "NotImplemented",
            target: String::new(),
            activity: command.into(),
            reason: "NotSupportedException".into(),
            fqid: id.into(),
            parser: false,
        }
    }

    /// An error of the language itself (RuntimeException): a conversion that
    /// fails, an index into nothing.
    pub(crate) fn runtime(message: String, category: &'static str, id: &str, span: Span) -> Self {
        PsError {
            command: String::new(),
            message,
            span: Some(span),
            category,
            target: String::new(),
            activity: String::new(),
            reason: "RuntimeException".into(),
            fqid: id.into(),
            parser: false,
        }
    }

    pub(crate) fn parse(e: &ParseError) -> Self {
        if e.unsupported {
            return PsError::unsupported("", e.message.clone(), e.id, e.span);
        }
        PsError {
            command: String::new(),
            message: e.message.clone(),
            span: Some(e.span),
            category: "ParserError",
            target: String::new(),
            activity: String::new(),
            reason: "ParentContainsErrorRecordException".into(),
            fqid: e.id.into(),
            parser: true,
        }
    }

    /// What the host returned, attributed to the cmdlet.
    pub(crate) fn host(cmd: &Cmdlet, e: &HostError, span: Span) -> Self {
        let mut err = PsError::of(cmd, e.category, e.exception, &e.error_id, e.message.clone(), Some(span));
        if e.error_id.contains(',') {
            err.fqid = e.error_id.clone();
        }
        err.target = e.target.clone();
        err
    }

    /// The whole record as the console prints it, ending with a blank line.
    pub fn render(&self, src: &str) -> String {
        let mut out = String::new();
        if !self.parser {
            if !self.command.is_empty() {
                out += &self.command;
                out += " : ";
            }
            out += &self.message;
            out.push('\n');
        }
        if let Some(span) = self.span {
            out += &position(src, span);
        }
        if self.parser {
            out += &self.message;
            out.push('\n');
        }
        let target = if self.target.is_empty() { ":" } else { &self.target };
        out += &format!(
            "    + CategoryInfo          : {}: ({target}) [{}], {}\n",
            self.category, self.activity, self.reason
        );
        out += &format!("    + FullyQualifiedErrorId : {}\n\n", self.fqid);
        out
    }
}

/// `At line:L char:C`, the line, and `~` under the span (at least one).
fn position(src: &str, span: Span) -> String {
    let chars: Vec<char> = src.chars().collect();
    let start = span.start.min(chars.len());
    let line_start = chars[..start].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
    let line_end = chars[start..].iter().position(|&c| c == '\n' || c == '\r').map_or(chars.len(), |i| start + i);
    let line_no = chars[..start].iter().filter(|&&c| c == '\n').count() + 1;
    let col = start - line_start;
    let width = span.end.min(line_end).saturating_sub(start).max(1);
    let text: String = chars[line_start..line_end].iter().collect();
    format!("At line:{line_no} char:{}\n+ {}\n+ {}{}\n", col + 1, text.trim_end(), " ".repeat(col), "~".repeat(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_not_found() {
        let e = PsError::not_found("Get-Foo", Span::new(0, 7));
        assert_eq!(
            e.render("Get-Foo"),
            "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\nAt line:1 char:1\n+ Get-Foo\n+ ~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException\n    + FullyQualifiedErrorId : CommandNotFoundException\n\n"
        );
    }

    #[test]
    fn parser_error_puts_the_message_under_the_caret() {
        let e = PsError::parse(&ParseError::new(
            "An empty pipe element is not allowed.",
            "EmptyPipeElement",
            Span::new(15, 16),
        ));
        assert_eq!(
            e.render("Get-MsolDomain |"),
            "At line:1 char:16\n+ Get-MsolDomain |\n+                ~\nAn empty pipe element is not allowed.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : EmptyPipeElement\n\n"
        );
    }

    #[test]
    fn positions_on_later_lines_and_at_the_end() {
        assert_eq!(position("a\n  bc d", Span::new(4, 6)), "At line:2 char:3\n+   bc d\n+   ~~\n");
        assert_eq!(position("x @{", Span::new(4, 4)), "At line:1 char:5\n+ x @{\n+     ~\n");
    }
}
