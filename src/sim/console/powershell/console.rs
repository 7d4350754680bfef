//! The console: runs lines (statements, pipelines, expressions, script
//! blocks, local cmdlets, the host for the rest), keeps the command history,
//! completes on Tab.
//!
//! A cmdlet that needs the credential dialog stops the line: the statement's
//! host answers so far are kept on a tape, and [`Console::resume`] runs the
//! statement again with the tape plus the dialog's outcome (the host is not
//! called twice, and what was already shown is not shown again).

use super::bind::{self, BoundArgs, Vars};
use super::builtins;
use super::error::{Flow, NOT_RECOGNIZED, PsError};
use super::eval::{self, EvalError, collapse, truthy};
use super::format::{
    self, DefaultView, PsObject, PsValue, STRING_TYPE, ScriptBlock, WARNING_TYPE, has_wildcard, sort_small, wildcard,
};
use super::lexer::is_dash;
use super::parser::{CommandAst, Pipeline, Redirect, Span, Value, ValueKind, XPart, parse};
use super::registry::{self, CMDLETS, COMMON, Cmdlet, Kind, Ty};
use super::{CmdletHost, HostError};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The prompt the transcript shows before each line.
pub const PROMPT: &str = "PS C:\\> ";
/// How many lines the history keeps.
pub const HISTORY_MAX: usize = 100;
/// How deep script blocks may call each other.
const CALL_DEPTH_MAX: usize = 100;

type Outcome = Result<Vec<PsObject>, HostError>;

/// What `exit` shows: the real console closes its window.
pub const EXIT_TEXT: &str = "exit: Windows PowerShell would close this window now. The simulator keeps it open and starts a new session instead: the variables are cleared and the connections of Connect-MsolService, Connect-AadrmService and Connect-MgGraph are closed (the command history stays). Run Connect-MsolService to connect again.\n";

/// The console's state. Only the history is saved: variables, like a real
/// session's, last as long as the page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Console {
    history: Vec<String>,
    #[serde(skip)]
    browse: Option<usize>,
    #[serde(skip)]
    vars: Vars,
    #[serde(skip)]
    pending: Option<Pending>,
}

/// A line stopped at a cmdlet that waits for the sign-in dialog.
#[derive(Clone, Debug)]
struct Pending {
    src: String,
    stmt: usize,
    /// The host's answers in the statement so far, in order.
    tape: Vec<Outcome>,
    /// How much of the statement's text the transcript already shows.
    shown: usize,
}

/// What running a line gives the transcript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunResult {
    /// Text to append to the transcript: the prompt line, then the output. If
    /// `clear`, the transcript is cleared first (Clear-Host) and this is what
    /// came after it.
    pub text: String,
    pub clear: bool,
    /// A cmdlet (e.g. "Connect-MsolService", "Get-Credential") waits for the
    /// credential dialog: show it, then call [`Console::resume`] with the
    /// outcome.
    pub credential_prompt: Option<&'static str>,
}

/// A Tab completion: the new line and cursor (in characters), and how many
/// candidates there are to cycle through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub line: String,
    pub cursor: usize,
    pub count: usize,
}

impl Console {
    pub fn new() -> Self {
        Console::default()
    }

    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// True while a line waits for [`Console::resume`].
    pub fn waiting_for_credential(&self) -> bool {
        self.pending.is_some()
    }

    /// Runs a line (several pasted lines run one after another).
    pub fn run(&mut self, line: &str, host: &mut dyn CmdletHost) -> RunResult {
        self.pending = None;
        self.browse = None;
        if !line.trim().is_empty() && self.history.last().is_none_or(|l| l != line) {
            self.history.push(line.to_string());
            if self.history.len() > HISTORY_MAX {
                self.history.remove(0);
            }
        }
        let mut res = RunResult { text: echo(line), ..RunResult::default() };
        match parse(line) {
            Err(e) => res.text += &PsError::parse(&e).render(line),
            Ok(stmts) => self.exec(line, &stmts, 0, Vec::new(), 0, host, &mut res),
        }
        res
    }

    /// Goes on with the line that stopped for the credential dialog: the
    /// waiting cmdlet's result is `outcome` (what the sign-in gave: objects,
    /// or an error to show), then the rest of the line runs.
    pub fn resume(&mut self, host: &mut dyn CmdletHost, outcome: Outcome) -> RunResult {
        let mut res = RunResult::default();
        if let Some(p) = self.pending.take()
            && let Ok(stmts) = parse(&p.src)
        {
            let mut tape = p.tape;
            tape.push(outcome);
            self.exec(&p.src, &stmts, p.stmt, tape, p.shown, host, &mut res);
        }
        res
    }

    #[allow(clippy::too_many_arguments)]
    fn exec(
        &mut self,
        src: &str,
        stmts: &[Pipeline],
        from: usize,
        mut tape: Vec<Outcome>,
        mut skip: usize,
        host: &mut dyn CmdletHost,
        res: &mut RunResult,
    ) {
        for (i, p) in stmts.iter().enumerate().skip(from) {
            let saved = self.vars.clone();
            let start = res.text.len();
            let mut ex = Exec {
                vars: &mut self.vars,
                host: &mut *host,
                res: &mut *res,
                tape: std::mem::take(&mut tape),
                at: 0,
                routes: Vec::new(),
                src: src.to_string(),
                noted: Vec::new(),
                depth: 0,
            };
            let r = ex.top(p);
            let used = std::mem::take(&mut ex.tape);
            let start = start.min(res.text.len());
            let produced = res.text.len() - start;
            if skip > 0 {
                let cut = skip.min(produced);
                if res.text.is_char_boundary(start + cut) {
                    res.text.replace_range(start..start + cut, "");
                }
                skip = 0;
            }
            match r {
                Ok(()) | Err(Flow::Stop) => {}
                Err(Flow::Error(e)) => res.text += &e.render(src),
                Err(Flow::Prompt(name)) => {
                    self.vars = saved;
                    self.pending = Some(Pending { src: src.to_string(), stmt: i, tape: used, shown: produced });
                    res.credential_prompt = Some(name);
                    return;
                }
                Err(Flow::Exit) => {
                    self.vars.clear();
                    host.end_session();
                    res.text += EXIT_TEXT;
                    return;
                }
            }
        }
    }

    /// Up arrow: the previous line of the history (from a fresh line, the
    /// newest). None if the history is empty.
    pub fn history_prev(&mut self) -> Option<String> {
        if self.history.is_empty() {
            return None;
        }
        let i = self.browse.map_or(self.history.len() - 1, |i| i.saturating_sub(1)).min(self.history.len() - 1);
        self.browse = Some(i);
        Some(self.history[i].clone())
    }

    /// Down arrow: the next line; past the newest, an empty line. None (leave
    /// the input alone) if not browsing the history.
    pub fn history_next(&mut self) -> Option<String> {
        let i = self.browse?;
        if i + 1 < self.history.len() {
            self.browse = Some(i + 1);
            Some(self.history[i + 1].clone())
        } else {
            self.browse = None;
            Some(String::new())
        }
    }

    /// Tab completion of the word before `cursor` (a character index):
    /// command names, then after a command its parameter names (`-Allow` →
    /// `-AllowAdHocSubscriptions`), an enum parameter's values, `$true`,
    /// `$false`, `$null` and variables. `cycle` picks the candidate (Tab
    /// pressed again: call again with the original line and cursor, cycle + 1).
    pub fn complete(&self, line: &str, cursor: usize, cycle: usize) -> Option<Completion> {
        let chars: Vec<char> = line.chars().collect();
        let cursor = cursor.min(chars.len());
        let stop = |c: char| c.is_whitespace() || matches!(c, '|' | ';' | '(' | ')' | '{' | '}' | ',' | '=');
        let start = chars[..cursor].iter().rposition(|&c| stop(c)).map_or(0, |i| i + 1);
        let end = chars[cursor..].iter().position(|&c| stop(c)).map_or(chars.len(), |i| cursor + i);
        let word: String = chars[start..cursor].iter().collect();
        let seg = chars[..start].iter().rposition(|&c| matches!(c, '|' | ';' | '\n' | '(' | '{')).map_or(0, |i| i + 1);
        let before: String = chars[seg..start].iter().collect();
        let mut words: Vec<&str> = before.split_whitespace().collect();
        if words.len() >= 2 && words[0].starts_with('$') && words[1] == "=" {
            words.drain(..2);
        }
        let commands = || {
            let mut names: Vec<String> =
                CMDLETS.iter().map(|c| c.name.to_string()).filter(|n| wildcard(&format!("{word}*"), n)).collect();
            sort_small(&mut names, |a, b| a.to_ascii_lowercase() < b.to_ascii_lowercase());
            names
        };
        let starts = |s: &str, prefix: &str| s.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix));
        let candidates: Vec<String> = match words.first() {
            None => commands(),
            Some(name) => {
                let cmd = registry::find(name)?;
                let prev_param = words
                    .last()
                    .and_then(|w| w.strip_prefix(is_dash))
                    .and_then(|w| bind::find_param(cmd, w.trim_end_matches(':')));
                if let Some(pre) = word.strip_prefix(is_dash) {
                    cmd.params
                        .iter()
                        .chain(COMMON)
                        .filter(|p| starts(p.name, pre))
                        .map(|p| format!("-{}", p.name))
                        .collect()
                } else if word.starts_with('$') {
                    let vars = self.vars.iter().map(|(k, _)| format!("${k}"));
                    ["$true", "$false", "$null"]
                        .into_iter()
                        .map(String::from)
                        .chain(vars)
                        .filter(|v| starts(v, &word))
                        .collect()
                } else if let Some(Ty::Enum(_, values)) = prev_param.map(|p| p.ty) {
                    values.iter().filter(|v| starts(v, &word)).map(|v| v.to_string()).collect()
                } else if matches!(cmd.kind, Kind::Help | Kind::Command) && prev_param.is_none() {
                    commands()
                } else {
                    return None;
                }
            }
        };
        let pick = candidates.get(cycle % candidates.len().max(1))?;
        let mut out: String = chars[..start].iter().collect();
        out.push_str(pick);
        let cursor = start + pick.chars().count();
        out.extend(&chars[end..]);
        Some(Completion { line: out, cursor, count: candidates.len() })
    }
}

/// The prompt line(s) for the transcript.
fn echo(line: &str) -> String {
    let mut s = String::new();
    for (i, l) in line.split('\n').enumerate() {
        s += if i == 0 { PROMPT } else { ">> " };
        s += l.trim_end_matches('\r');
        s.push('\n');
    }
    s
}

/// Where a stream goes: shown, dropped (`2>$null`) or merged into the
/// output (`2>&1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sink {
    Show,
    Drop,
    Merge,
}

/// The redirections in force for a command; `None` inherits the enclosing one.
#[derive(Default)]
struct Route {
    error: Option<Sink>,
    warning: Option<Sink>,
    merged: Vec<PsValue>,
}

/// Running one statement.
struct Exec<'a> {
    vars: &'a mut Vars,
    host: &'a mut dyn CmdletHost,
    res: &'a mut RunResult,
    /// The host's answers: replayed first, then recorded.
    tape: Vec<Outcome>,
    at: usize,
    routes: Vec<Route>,
    /// The source the current code was typed in (a script block keeps its own).
    src: String,
    /// The later-behaviour cmdlets already labelled in this statement.
    noted: Vec<&'static str>,
    depth: usize,
}

/// A command of a pipeline, resolved.
enum Resolved {
    Cmd(&'static Cmdlet),
    Invoke,
}

fn at_span(span: Span) -> impl Fn(EvalError) -> Flow {
    move |e| Flow::Error(PsError::runtime(e.message, e.category, e.id, span))
}

const READ_ONLY: &[&str] = &["true", "false", "null", "_", "PSItem", "PSVersionTable"];

impl Exec<'_> {
    fn top(&mut self, p: &Pipeline) -> Result<(), Flow> {
        let items = self.pipeline(p)?;
        match &p.assign {
            Some((name, span)) => self.assign(name, *span, collapse_assigned(items))?,
            None => self.res.text += &format::out_default(&items),
        }
        Ok(())
    }

    fn assign(&mut self, name: &str, span: Span, value: PsValue) -> Result<(), Flow> {
        if READ_ONLY.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return Err(Flow::Error(PsError::runtime(
                format!("Cannot overwrite variable {name} because it is read-only or constant."),
                "WriteError",
                "VariableNotWritable",
                span,
            )));
        }
        self.set_var(name, value);
        Ok(())
    }

    fn set_var(&mut self, name: &str, value: PsValue) {
        match self.vars.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            Some(slot) => slot.1 = value,
            None => self.vars.push((name.to_string(), value)),
        }
    }

    fn var(&self, name: &str) -> PsValue {
        match name.to_ascii_lowercase().as_str() {
            "true" => return PsValue::Bool(true),
            "false" => return PsValue::Bool(false),
            "null" => return PsValue::Null,
            "psitem" => return format::lookup(self.vars, "_").cloned().unwrap_or(PsValue::Null),
            "psversiontable" => return version_table(),
            _ => {}
        }
        format::lookup(self.vars, name).cloned().unwrap_or(PsValue::Null)
    }

    fn emit(&mut self, warning: bool, text: String) {
        let sink =
            self.routes.iter().rev().find_map(|r| if warning { r.warning } else { r.error }).unwrap_or(Sink::Show);
        match sink {
            Sink::Show => self.res.text += &text,
            Sink::Drop => {}
            Sink::Merge => {
                if let Some(r) =
                    self.routes.iter_mut().rev().find(|r| (if warning { r.warning } else { r.error }).is_some())
                {
                    r.merged.push(if warning { PsValue::Str(text.trim_end().into()) } else { PsValue::Error(text) });
                }
            }
        }
    }

    fn emit_error(&mut self, e: PsError) {
        let text = e.render(&self.src);
        self.emit(false, text);
    }

    fn emit_warning(&mut self, message: &str) {
        self.emit(true, format!("WARNING: {message}\n"));
    }

    /// The route of a command's redirections, and whether its output is dropped.
    fn route(&mut self, reds: &[Redirect]) -> Result<(Route, bool), Flow> {
        let mut route = Route::default();
        let mut drop_output = false;
        for r in reds {
            let sink = if r.merge.is_some() {
                Sink::Merge
            } else {
                let target = r.target.as_ref().map(|t| self.eval(t)).transpose()?;
                if !matches!(target, Some(PsValue::Null)) {
                    let name = target.map(|t| t.to_arg_string()).unwrap_or_default();
                    return Err(Flow::Error(PsError::unsupported(
                        "",
                        format!(
                            "Redirecting output to a file ({name}) is not supported by this simulator: it has no file system. Use > $null (or | Out-Null) to discard output, 2>$null to hide errors, or leave the redirection out to see everything."
                        ),
                        "FileRedirectionNotSupported",
                        r.span,
                    )));
                }
                Sink::Drop
            };
            match r.from {
                1 => drop_output |= sink == Sink::Drop,
                2 => route.error = Some(sink),
                3 => route.warning = Some(sink),
                0 => {
                    route.error = Some(sink);
                    route.warning = Some(sink);
                    drop_output |= sink == Sink::Drop;
                }
                _ => {}
            }
        }
        Ok((route, drop_output))
    }

    /// Runs `f` with a command's redirections in force.
    fn redirected(
        &mut self,
        reds: &[Redirect],
        f: impl FnOnce(&mut Self) -> Result<Vec<PsValue>, Flow>,
    ) -> Result<Vec<PsValue>, Flow> {
        if reds.is_empty() {
            return f(self);
        }
        let (route, drop_output) = self.route(reds)?;
        self.routes.push(route);
        let r = f(self);
        let r = match r {
            Err(Flow::Error(e)) => {
                self.emit_error(e);
                Err(Flow::Stop)
            }
            r => r,
        };
        let route = self.routes.pop().unwrap_or_default();
        let mut items = r?;
        if drop_output {
            items.clear();
        }
        items.extend(route.merged);
        Ok(items)
    }

    /// An error that ends the statement, through the command's redirections.
    fn fail_in(&mut self, reds: &[Redirect], e: PsError) -> Flow {
        let route = self.route(reds).map(|r| r.0).unwrap_or_default();
        self.routes.push(route);
        self.emit_error(e);
        self.routes.pop();
        Flow::Stop
    }

    fn resolve(&self, c: &CommandAst) -> Result<&'static Cmdlet, PsError> {
        if let Some(m) = registry::find(&c.name) {
            return Ok(m);
        }
        if c.name == "." {
            return Err(PsError::unsupported(
                ".",
                "Dot-sourcing (. script.ps1) is not supported by this simulator: it has no file system and runs commands one by one.".into(),
                "DotSourceNotSupported",
                c.name_span,
            ));
        }
        if let Some(message) = builtins::not_simulated(&c.name) {
            return Err(PsError::unsupported(&c.name, message, "CommandNotSupportedInSimulator", c.name_span));
        }
        Err(PsError::not_found(&c.name, c.name_span))
    }

    fn pipeline(&mut self, p: &Pipeline) -> Result<Vec<PsValue>, Flow> {
        if p.exit {
            return Err(Flow::Exit);
        }
        // PowerShell finds every command and binds every command line before
        // the pipeline runs.
        let mut cmds = Vec::with_capacity(p.commands.len());
        for c in &p.commands {
            if c.invoke.is_some() {
                cmds.push(Resolved::Invoke);
                continue;
            }
            match self.resolve(c) {
                Ok(m) => cmds.push(Resolved::Cmd(m)),
                Err(e) => return Err(self.fail_in(&c.redirects, e)),
            }
        }
        for c in &p.commands {
            self.route(&c.redirects)?;
        }
        let mut args = Vec::with_capacity(cmds.len());
        for (c, m) in p.commands.iter().zip(&cmds) {
            let Resolved::Cmd(m) = m else {
                args.push(BoundArgs::default());
                continue;
            };
            match bind::bind(m, c, &mut |v| self.eval(v)) {
                Ok(a) => args.push(a),
                Err(Flow::Error(e)) => return Err(self.fail_in(&c.redirects, e)),
                Err(f) => return Err(f),
            }
        }
        let mut items = match &p.expr {
            None => Vec::new(),
            Some(v) => {
                let many = !p.commands.is_empty();
                self.redirected(&p.expr_redirects, |ex| {
                    Ok(match ex.eval(v)? {
                        PsValue::List(l) if many => l,
                        PsValue::Null if many => Vec::new(),
                        v => vec![v],
                    })
                })?
            }
        };
        let n = cmds.len();
        for (j, ((c, m), a)) in p.commands.iter().zip(&cmds).zip(&args).enumerate() {
            let first = j == 0 && p.expr.is_none();
            let input = std::mem::take(&mut items);
            items = self.redirected(&c.redirects, |ex| match m {
                Resolved::Invoke => ex.call(c, input),
                Resolved::Cmd(m) => ex.command(m, c, a, input, first, j + 1 == n),
            })?;
        }
        Ok(items)
    }

    /// `& { … }` / `& $block`.
    fn call(&mut self, c: &CommandAst, input: Vec<PsValue>) -> Result<Vec<PsValue>, Flow> {
        let Some(target) = &c.invoke else { return Ok(input) };
        match self.eval(target)? {
            PsValue::Block(b) => self.invoke_block(&b, None),
            v => Err(Flow::Error(PsError::unsupported(
                "&",
                format!(
                    "The call operator (&) runs script blocks in this simulator; to run a command, type its name ({}).",
                    v.to_arg_string()
                ),
                "CallOperatorNotSupported",
                target.span,
            ))),
        }
    }

    /// Runs statements (of a script block or subexpression): their output;
    /// an error ends only its own statement.
    fn statements(&mut self, stmts: &[Pipeline]) -> Result<Vec<PsValue>, Flow> {
        let mut out = Vec::new();
        for p in stmts {
            let r = self.pipeline(p).and_then(|items| match &p.assign {
                Some((name, span)) => self.assign(name, *span, collapse_assigned(items)).map(|_| Vec::new()),
                None => Ok(items),
            });
            match r {
                Ok(items) => out.extend(items),
                Err(Flow::Error(e)) => self.emit_error(e),
                Err(Flow::Stop) => {}
                Err(f) => return Err(f),
            }
        }
        Ok(out)
    }

    fn invoke_block(&mut self, b: &ScriptBlock, item: Option<PsValue>) -> Result<Vec<PsValue>, Flow> {
        if self.depth >= CALL_DEPTH_MAX {
            return Err(Flow::Error(PsError::runtime(
                "The script failed due to call depth overflow.".into(),
                "InvalidOperation",
                "CallDepthOverflow",
                Span::default(),
            )));
        }
        let saved = format::lookup(self.vars, "_").cloned();
        if let Some(item) = item {
            self.set_var("_", item);
        }
        let src = std::mem::replace(&mut self.src, b.src.clone());
        self.depth += 1;
        let r = self.statements(&b.body);
        self.depth -= 1;
        self.src = src;
        match saved {
            Some(v) => self.set_var("_", v),
            None => self.vars.retain(|(k, _)| k != "_"),
        }
        r
    }

    fn eval(&mut self, v: &Value) -> Result<PsValue, Flow> {
        let at = at_span(v.span);
        Ok(match &v.kind {
            ValueKind::Word(s) | ValueKind::Str(s) => PsValue::Str(s.clone()),
            ValueKind::Expand(parts) => {
                let mut s = String::new();
                for p in parts {
                    match p {
                        XPart::Lit(l) => s += l,
                        XPart::Var(n) => s += &self.var(n).to_arg_string(),
                        XPart::Sub(stmts) => {
                            let items = self.statements(stmts)?;
                            s += &items.iter().map(PsValue::to_arg_string).collect::<Vec<_>>().join(" ");
                        }
                    }
                }
                PsValue::Str(s)
            }
            ValueKind::Int(n) => PsValue::Int(*n),
            ValueKind::Double(f) => PsValue::Double(*f),
            ValueKind::Bool(b) => PsValue::Bool(*b),
            ValueKind::Null => PsValue::Null,
            ValueKind::Var(n) => self.var(n),
            ValueKind::Array(vs) => {
                let mut out = Vec::with_capacity(vs.len());
                for x in vs {
                    out.push(self.eval(x)?);
                }
                PsValue::List(out)
            }
            ValueKind::Hash(es) => {
                let mut out = Vec::with_capacity(es.len());
                for (k, x) in es {
                    out.push((k.clone(), self.eval(x)?));
                }
                PsValue::Hash(out)
            }
            ValueKind::Block(b) => PsValue::Block(Box::new(ScriptBlock {
                text: b.text.clone(),
                body: b.body.clone(),
                src: self.src.clone(),
            })),
            ValueKind::Paren(p) => {
                let items = self.pipeline(p)?;
                match &p.assign {
                    Some((name, span)) => {
                        let value = collapse_assigned(items);
                        self.assign(name, *span, value.clone())?;
                        value
                    }
                    None => collapse(items),
                }
            }
            ValueKind::Sub(stmts) => collapse(self.statements(stmts)?),
            ValueKind::ArraySub(stmts) => PsValue::List(self.statements(stmts)?),
            ValueKind::Member(t, name) => eval::member(&self.eval(t)?, name),
            ValueKind::Method(t, name, args) => {
                let target = self.eval(t)?;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                eval::method(&target, name, &vals).map_err(at)?
            }
            ValueKind::Index(t, i) => {
                let target = self.eval(t)?;
                let i = self.eval(i)?;
                eval::index(&target, &i).map_err(at)?
            }
            ValueKind::Unary(op, x) => {
                let x = self.eval(x)?;
                eval::unary(op, &x).map_err(at)?
            }
            ValueKind::Binary(op, l, r) => {
                let l = self.eval(l)?;
                match op.as_str() {
                    "and" if !truthy(&l) => return Ok(PsValue::Bool(false)),
                    "or" if truthy(&l) => return Ok(PsValue::Bool(true)),
                    _ => {}
                }
                let r = self.eval(r)?;
                let mut matches = None;
                let v = eval::binary(op, &l, &r, &mut matches).map_err(at)?;
                if let Some(m) = matches {
                    self.set_var("Matches", PsValue::Hash(m));
                }
                v
            }
        })
    }

    /// The host's answer for a cmdlet: from the tape when the statement runs
    /// again after the credential dialog, else from the host.
    fn invoke(&mut self, m: &'static Cmdlet, a: &BoundArgs) -> Result<Outcome, Flow> {
        if let Some(o) = self.tape.get(self.at) {
            self.at += 1;
            return Ok(o.clone());
        }
        let o = match m.kind {
            Kind::Credential => match a.get("Credential") {
                Some(PsValue::Obj(o)) => Ok(vec![(**o).clone()]),
                _ => Err(HostError::need_credential()),
            },
            _ => self.host.invoke(m.name, a),
        };
        if matches!(&o, Err(e) if e.is_need_credential()) {
            return Err(Flow::Prompt(m.name));
        }
        self.tape.push(o.clone());
        self.at += 1;
        Ok(o)
    }

    /// A host cmdlet's (or Get-Credential's) objects; its errors and
    /// warnings go to their streams.
    fn call_host(&mut self, m: &'static Cmdlet, c: &CommandAst, a: &BoundArgs) -> Result<Vec<PsValue>, Flow> {
        if !self.noted.contains(&m.name)
            && let Some(note) = registry::later_note(m)
        {
            self.noted.push(m.name);
            self.res.text += &note;
            self.res.text.push('\n');
        }
        let quiet = |p: &str| matches!(a.str(p), Some("SilentlyContinue" | "Ignore"));
        match self.invoke(m, a)? {
            Ok(objs) => {
                let mut out = Vec::with_capacity(objs.len());
                for o in objs {
                    if o.type_name == WARNING_TYPE {
                        if !quiet("WarningAction") {
                            let msg = o.get("Message").map(PsValue::to_arg_string).unwrap_or_default();
                            self.emit_warning(&msg);
                        }
                    } else if o.type_name == STRING_TYPE {
                        out.push(PsValue::Str(o.get("Value").map(PsValue::to_arg_string).unwrap_or_default()));
                    } else {
                        out.push(PsValue::Obj(Box::new(o)));
                    }
                }
                Ok(out)
            }
            Err(_) if quiet("ErrorAction") => Ok(Vec::new()),
            Err(e) => {
                self.emit_error(PsError::host(m, &e, c.span));
                Ok(Vec::new())
            }
        }
    }

    fn command(
        &mut self,
        m: &'static Cmdlet,
        c: &CommandAst,
        a: &BoundArgs,
        items: Vec<PsValue>,
        first: bool,
        last: bool,
    ) -> Result<Vec<PsValue>, Flow> {
        if m.kind != Kind::Host {
            return self.local(m, c, a, items, first, last);
        }
        if first {
            bind::check_mandatory(m, a, c.span)?;
            return self.call_host(m, c, a);
        }
        // Pipeline input: one invocation per object, bound by property name.
        let mut out = Vec::new();
        for item in &items {
            let b = bind::bind_input(m, a, item)
                .ok_or_else(|| input_not_bound(m, c.span))
                .and_then(|b| bind::check_mandatory(m, &b, c.span).map(|_| b));
            match b {
                Err(e) => self.emit_error(e),
                Ok(b) => out.extend(self.call_host(m, c, &b)?),
            }
        }
        Ok(out)
    }

    /// Runs a cmdlet of the console itself.
    fn local(
        &mut self,
        m: &'static Cmdlet,
        c: &CommandAst,
        a: &BoundArgs,
        mut items: Vec<PsValue>,
        first: bool,
        last: bool,
    ) -> Result<Vec<PsValue>, Flow> {
        let obj = |o: PsObject| PsValue::Obj(Box::new(o));
        if items.is_empty()
            && let Some(input) = a.get("InputObject")
            && !matches!(m.kind, Kind::WriteOutput)
        {
            items = vec![input.clone()];
        }
        Ok(match m.kind {
            Kind::Help => {
                let name = a.str("Name").unwrap_or("*");
                let found: Vec<&Cmdlet> = if has_wildcard(name) {
                    CMDLETS.iter().filter(|c| wildcard(name, c.name)).collect()
                } else {
                    registry::find(name).into_iter().collect()
                };
                match found.as_slice() {
                    [one] if a.switch("Examples") => vec![PsValue::Str(registry::help_examples(one))],
                    [one] => {
                        vec![PsValue::Str(registry::help_text(one, a.switch("Full") || a.switch("Detailed")))]
                    }
                    [] => {
                        let message = match builtins::not_simulated(name) {
                            Some(m) => m,
                            None => format!(
                                "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
                            ),
                        };
                        return Err(Flow::Error(PsError::of(
                            m,
                            "ResourceUnavailable",
                            "HelpNotFoundException",
                            "HelpNotFound",
                            message,
                            Some(c.span),
                        )));
                    }
                    many => many
                        .iter()
                        .map(|c| {
                            obj(PsObject::new("HelpInfoShort", DefaultView::Table(HELP_VIEW))
                                .with("Name", c.name)
                                .with("Category", c.command_type())
                                .with("Module", c.module)
                                .with("Synopsis", c.synopsis))
                        })
                        .collect(),
                }
            }
            Kind::Command => {
                let names = if a.has("Name") { a.strings("Name") } else { vec!["*".into()] };
                let modules = a.strings("Module");
                let mut rows: Vec<(u8, String, &Cmdlet)> = Vec::new();
                for n in &names {
                    let before = rows.len();
                    for c in CMDLETS.iter().filter(|c| {
                        wildcard(n, c.name) && (modules.is_empty() || modules.iter().any(|md| wildcard(md, c.module)))
                    }) {
                        rows.push((if c.command_type() == "Function" { 1 } else { 2 }, c.name.into(), c));
                    }
                    if rows.len() == before && !has_wildcard(n) {
                        let alias = CMDLETS
                            .iter()
                            .find_map(|c| c.aliases.iter().find(|al| al.eq_ignore_ascii_case(n)).map(|al| (c, al)));
                        let Some((c, al)) = alias else {
                            if let Some(message) = builtins::not_simulated(n) {
                                return Err(Flow::Error(PsError::unsupported(
                                    m.name,
                                    message,
                                    "CommandNotSupportedInSimulator",
                                    c.span,
                                )));
                            }
                            let mut e = PsError::of(
                                m,
                                "ObjectNotFound",
                                "CommandNotFoundException",
                                "CommandNotFoundException",
                                format!("The term '{n}' {NOT_RECOGNIZED}"),
                                Some(c.span),
                            );
                            e.target = format!("{n}:String");
                            return Err(Flow::Error(e));
                        };
                        rows.push((0, format!("{al} -> {}", c.name), c));
                    }
                }
                sort_small(&mut rows, |x, y| (x.0, &x.1) < (y.0, &y.1));
                rows.dedup_by(|x, y| x.1 == y.1);
                rows.into_iter()
                    .map(|(t, name, c)| {
                        let o =
                            PsObject::new("System.Management.Automation.CommandInfo", DefaultView::Table(COMMAND_VIEW));
                        obj(o
                            .with("CommandType", ["Alias", "Function", "Cmdlet"][t as usize])
                            .with("Name", name)
                            .with("Version", registry::module_version(c.module))
                            .with("Source", c.module))
                    })
                    .collect()
            }
            Kind::FormatList | Kind::FormatTable => {
                let props = a.has("Property").then(|| a.strings("Property"));
                let text = if m.kind == Kind::FormatList {
                    format::format_list(&items, props.as_deref())
                } else {
                    format::format_table(&items, props.as_deref(), a.switch("AutoSize"))
                };
                if text.is_empty() {
                    Vec::new()
                } else if last {
                    vec![PsValue::Str(text)]
                } else {
                    return Err(Flow::Error(PsError {
                        command: "out-lineoutput".into(),
                        message: format!(
                            "The object of type \"Microsoft.PowerShell.Commands.Internal.Format.FormatStartData\" is not valid or not in the correct sequence. This is likely caused by a user-specified \"{}\" command which is conflicting with the default formatting.",
                            m.name.to_ascii_lowercase()
                        ),
                        span: None,
                        category: "InvalidData",
                        target: String::new(),
                        activity: "out-lineoutput".into(),
                        reason: "InvalidOperationException".into(),
                        fqid: "ConsoleLineOutputOutOfSequencePacket,Microsoft.PowerShell.Commands.OutLineOutputCommand"
                            .into(),
                        parser: false,
                    }));
                }
            }
            Kind::Select => self.select(m, c, a, items)?,
            Kind::Clear => {
                self.res.text.clear();
                self.res.clear = true;
                Vec::new()
            }
            Kind::Import => {
                for name in a.strings("Name") {
                    let lower = name.to_ascii_lowercase();
                    if !(lower == "msonline"
                        || lower.starts_with("microsoft.graph")
                        || lower.starts_with("microsoft.powershell."))
                    {
                        let message = format!(
                            "The specified module '{name}' was not loaded because no valid module file was found in any module directory."
                        );
                        let mut e = PsError::of(
                            m,
                            "ResourceUnavailable",
                            "FileNotFoundException",
                            "Modules_ModuleNotFound",
                            message,
                            Some(c.span),
                        );
                        e.target = format!("{name}:String");
                        return Err(Flow::Error(e));
                    }
                }
                Vec::new()
            }
            Kind::Where => self.where_object(m, c, a, items)?,
            Kind::ForEach => {
                let mut out = Vec::new();
                if let Some(PsValue::Block(b)) = a.get("Begin") {
                    out.extend(self.invoke_block(b, None)?);
                }
                if items.is_empty() && first && !a.has("InputObject") {
                    items.push(PsValue::Null);
                }
                for item in items {
                    match (a.get("Process"), a.str("MemberName")) {
                        (Some(PsValue::Block(b)), _) => out.extend(self.invoke_block(b, Some(item))?),
                        (_, Some(name)) => match eval::member(&item, name) {
                            PsValue::Null => {}
                            PsValue::List(l) => out.extend(l),
                            v => out.push(v),
                        },
                        _ => out.push(item),
                    }
                }
                if let Some(PsValue::Block(b)) = a.get("End") {
                    out.extend(self.invoke_block(b, None)?);
                }
                out
            }
            Kind::Sort => self.sort(a, items)?,
            Kind::Measure => self.measure(m, c, a, items)?,
            Kind::OutNull => Vec::new(),
            Kind::Credential => self.call_host(m, c, a)?,
            Kind::WriteOutput => match a.get("InputObject") {
                Some(PsValue::List(l)) if !a.switch("NoEnumerate") => l.clone(),
                Some(v) => vec![v.clone()],
                None => items,
            },
            Kind::WriteHost => {
                let sep = a.get("Separator").map_or(" ".to_string(), PsValue::to_arg_string);
                let parts: Vec<String> = match a.get("Object") {
                    Some(PsValue::List(l)) => l.iter().map(PsValue::to_arg_string).collect(),
                    Some(v) => vec![v.to_arg_string()],
                    None => items.iter().map(PsValue::to_arg_string).collect(),
                };
                self.res.text += &parts.join(&sep);
                if !a.switch("NoNewline") {
                    self.res.text.push('\n');
                }
                Vec::new()
            }
            Kind::Host => Vec::new(),
        })
    }

    fn where_object(
        &mut self,
        m: &'static Cmdlet,
        c: &CommandAst,
        a: &BoundArgs,
        items: Vec<PsValue>,
    ) -> Result<Vec<PsValue>, Flow> {
        let op = m.params.iter().filter(|p| p.ty == Ty::Switch).find(|p| a.switch(p.name)).map(|p| p.name);
        let mut out = Vec::new();
        if let Some(PsValue::Block(b)) = a.get("FilterScript") {
            for item in items {
                if truthy(&collapse(self.invoke_block(b, Some(item.clone()))?)) {
                    out.push(item);
                }
            }
            return Ok(out);
        }
        let Some(prop) = a.str("Property") else { return Ok(out) };
        let value = a.get("Value").cloned();
        if op.is_some() && value.is_none() {
            return Err(Flow::Error(PsError::of(
                m,
                "InvalidArgument",
                "PSArgumentException",
                "OperatorRequiresBothPropertyAndValue",
                "The specified operator requires both the -Property and -Value parameters. Supply both parameters and retry.".into(),
                Some(c.span),
            )));
        }
        if matches!(op, Some("Is" | "IsNot")) {
            return Err(Flow::Error(PsError::unsupported(
                m.name,
                "Where-Object -Is and -IsNot need .NET types, which this simulator does not have.".into(),
                "TypeOperatorNotSupported",
                c.span,
            )));
        }
        for item in items {
            let pv = eval::member(&item, prop);
            let keep = match op {
                None => truthy(&pv),
                Some(op) => {
                    let r = eval::binary(
                        &op.to_ascii_lowercase(),
                        &pv,
                        value.as_ref().unwrap_or(&PsValue::Null),
                        &mut None,
                    )
                    .map_err(at_span(c.span))?;
                    truthy(&r)
                }
            };
            if keep {
                out.push(item);
            }
        }
        Ok(out)
    }

    /// The sort keys of one object.
    fn keys(&mut self, props: &[PsValue], item: &PsValue) -> Result<Vec<PsValue>, Flow> {
        if props.is_empty() {
            return Ok(vec![item.clone()]);
        }
        let mut out = Vec::with_capacity(props.len());
        for p in props {
            out.push(match p {
                PsValue::Block(b) => collapse(self.invoke_block(b, Some(item.clone()))?),
                p => eval::member(item, &p.to_arg_string()),
            });
        }
        Ok(out)
    }

    fn sort(&mut self, a: &BoundArgs, items: Vec<PsValue>) -> Result<Vec<PsValue>, Flow> {
        let props = match a.get("Property") {
            Some(PsValue::List(l)) => l.clone(),
            _ => Vec::new(),
        };
        let cs = a.switch("CaseSensitive");
        let desc = a.switch("Descending");
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            keyed.push((self.keys(&props, &item)?, item));
        }
        let order = |x: &[PsValue], y: &[PsValue]| {
            x.iter()
                .zip(y)
                .map(|(l, r)| eval::compare(l, r, cs))
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        };
        sort_small(&mut keyed, |x, y| {
            let o = order(&x.0, &y.0);
            if desc { o == Ordering::Greater } else { o == Ordering::Less }
        });
        if a.switch("Unique") {
            keyed.dedup_by(|x, y| order(&x.0, &y.0) == Ordering::Equal);
        }
        Ok(keyed.into_iter().map(|(_, v)| v).collect())
    }

    fn measure(
        &mut self,
        m: &'static Cmdlet,
        c: &CommandAst,
        a: &BoundArgs,
        items: Vec<PsValue>,
    ) -> Result<Vec<PsValue>, Flow> {
        let obj = |o: PsObject| PsValue::Obj(Box::new(o));
        if a.switch("Line") || a.switch("Word") || a.switch("Character") {
            let texts: Vec<String> = items.iter().map(PsValue::to_arg_string).collect();
            let mut o = PsObject::new("Microsoft.PowerShell.Commands.TextMeasureInfo", DefaultView::Auto);
            if a.switch("Line") {
                o = o.with("Lines", texts.iter().map(|t| t.lines().count().max(1) as i64).sum::<i64>());
            }
            if a.switch("Word") {
                o = o.with("Words", texts.iter().map(|t| t.split_whitespace().count() as i64).sum::<i64>());
            }
            if a.switch("Character") {
                o = o.with("Characters", texts.iter().map(|t| t.chars().count() as i64).sum::<i64>());
            }
            return Ok(vec![obj(o.with("Property", PsValue::Null))]);
        }
        let stats = ["Sum", "Average", "Maximum", "Minimum"];
        let wanted = |s: &str| a.switch(s);
        let measure = |values: Vec<PsValue>, property: PsValue| -> Result<PsValue, Flow> {
            let mut nums = Vec::new();
            if stats.iter().any(|s| wanted(s)) {
                for v in &values {
                    let n = eval::binary("+", &PsValue::Int(0), v, &mut None)
                        .ok()
                        .filter(|_| !matches!(v, PsValue::Obj(_)));
                    match n {
                        Some(PsValue::Int(i)) => nums.push(i as f64),
                        Some(PsValue::Double(f)) => nums.push(f),
                        _ => {
                            let mut e = PsError::of(
                                m,
                                "InvalidType",
                                "PSInvalidOperationException",
                                "NonNumericInputObject",
                                format!("Input object \"{}\" is not numeric.", v.to_arg_string()),
                                Some(c.span),
                            );
                            e.target =
                                format!("{}:{}", v.to_arg_string(), v.type_name().rsplit('.').next().unwrap_or(""));
                            return Err(Flow::Error(e));
                        }
                    }
                }
            }
            let num = |f: f64| PsValue::Double(f);
            let pick = |s: &str, v: Option<f64>| if wanted(s) { v.map_or(PsValue::Null, num) } else { PsValue::Null };
            let sum: f64 = nums.iter().sum();
            let avg = (!nums.is_empty()).then(|| sum / nums.len() as f64);
            let max = nums.iter().copied().reduce(f64::max);
            let min = nums.iter().copied().reduce(f64::min);
            Ok(obj(PsObject::new("Microsoft.PowerShell.Commands.GenericMeasureInfo", DefaultView::List)
                .with("Count", values.len() as i64)
                .with("Average", pick("Average", avg))
                .with("Sum", pick("Sum", Some(sum)))
                .with("Maximum", pick("Maximum", max))
                .with("Minimum", pick("Minimum", min))
                .with("Property", property)))
        };
        let props = a.strings("Property");
        if props.is_empty() {
            let values: Vec<PsValue> = items.into_iter().filter(|v| *v != PsValue::Null).collect();
            return Ok(vec![measure(values, PsValue::Null)?]);
        }
        let mut out = Vec::new();
        for p in props {
            let values: Vec<PsValue> =
                items.iter().map(|i| eval::member(i, &p)).filter(|v| *v != PsValue::Null).collect();
            out.push(measure(values, PsValue::Str(p))?);
        }
        Ok(out)
    }

    fn select(
        &mut self,
        m: &'static Cmdlet,
        c: &CommandAst,
        a: &BoundArgs,
        mut items: Vec<PsValue>,
    ) -> Result<Vec<PsValue>, Flow> {
        let obj = |o: PsObject| PsValue::Obj(Box::new(o));
        if let Some(n) = a.int("Skip") {
            items.drain(..(n.max(0) as usize).min(items.len()));
        }
        if let Some(n) = a.int("First") {
            items.truncate(n.max(0) as usize);
        }
        if let Some(n) = a.int("Last") {
            let keep = (n.max(0) as usize).min(items.len());
            items.drain(..items.len() - keep);
        }
        if a.switch("Unique") {
            items.dedup_by(|x, y| x == y);
        }
        if let Some(name) = a.str("ExpandProperty") {
            let mut out = Vec::new();
            for i in &items {
                match i {
                    PsValue::Obj(o) => match o.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
                        Some((_, PsValue::List(l))) => out.extend(l.iter().cloned()),
                        Some((_, v)) => out.push(v.clone()),
                        None => {
                            let mut e = PsError::of(
                                m,
                                "InvalidArgument",
                                "PSArgumentException",
                                "ExpandPropertyNotFound",
                                format!("Property \"{name}\" cannot be found."),
                                Some(c.span),
                            );
                            e.target = format!("{}:PSObject", o.type_name);
                            self.emit_error(e);
                        }
                    },
                    v => out.push(eval::member(v, name)),
                }
            }
            return Ok(out);
        }
        let Some(PsValue::List(props)) = a.get("Property") else { return Ok(items) };
        let props = props.clone();
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            let PsValue::Obj(o) = &i else {
                out.push(i);
                continue;
            };
            let mut selected: Vec<(String, PsValue)> = Vec::new();
            for p in &props {
                match p {
                    PsValue::Hash(h) => {
                        let name = format::lookup(h, "Name")
                            .or_else(|| format::lookup(h, "Label"))
                            .or_else(|| format::lookup(h, "n"))
                            .or_else(|| format::lookup(h, "l"))
                            .map(PsValue::to_arg_string);
                        let expr = format::lookup(h, "Expression").or_else(|| format::lookup(h, "e")).cloned();
                        let (Some(name), Some(expr)) = (name, expr) else {
                            return Err(Flow::Error(PsError::of(
                                m,
                                "InvalidArgument",
                                "NotSupportedException",
                                "DictionaryKeyIllegal",
                                "A calculated property needs a Name (or Label) and an Expression key, for example @{Name='Upn'; Expression={$_.UserPrincipalName}}.".into(),
                                Some(c.span),
                            )));
                        };
                        let v = match &expr {
                            PsValue::Block(b) => collapse(self.invoke_block(b, Some(i.clone()))?),
                            e => eval::member(&i, &e.to_arg_string()),
                        };
                        selected.push((name, v));
                    }
                    p => {
                        for (k, v) in format::select_props(o, &[p.to_arg_string()], true) {
                            if format::lookup(&selected, &k).is_none() {
                                selected.push((k, v));
                            }
                        }
                    }
                }
            }
            out.push(obj(PsObject {
                type_name: format!("Selected.{}", o.type_name),
                props: selected,
                view: DefaultView::Auto,
            }));
        }
        Ok(out)
    }
}

/// Pipeline output as a variable holds it.
fn collapse_assigned(items: Vec<PsValue>) -> PsValue {
    collapse(items)
}

/// `$PSVersionTable` of Windows PowerShell 5.1 on Windows 10 version 1607 (2016).
fn version_table() -> PsValue {
    let s = |x: &str| PsValue::Str(x.into());
    PsValue::Hash(vec![
        ("PSVersion".into(), s("5.1.14393.0")),
        ("PSEdition".into(), s("Desktop")),
        (
            "PSCompatibleVersions".into(),
            PsValue::List(["1.0", "2.0", "3.0", "4.0", "5.0", "5.1.14393.0"].map(s).to_vec()),
        ),
        ("BuildVersion".into(), s("10.0.14393.0")),
        ("CLRVersion".into(), s("4.0.30319.42000")),
        ("WSManStackVersion".into(), s("3.0")),
        ("PSRemotingProtocolVersion".into(), s("2.3")),
        ("SerializationVersion".into(), s("1.1.0.1")),
    ])
}

fn input_not_bound(m: &Cmdlet, span: Span) -> PsError {
    let message = "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.";
    PsError::binding(m, "InputObjectNotBound", message.into(), span)
}

const HELP_VIEW: &[(&str, usize)] = &[("Name", 0), ("Category", 0), ("Module", 0), ("Synopsis", 0)];
const COMMAND_VIEW: &[(&str, usize)] = &[("CommandType", 15), ("Name", 50), ("Version", 10), ("Source", 0)];

#[cfg(test)]
mod tests {
    use super::*;

    const SKU_VIEW: &[(&str, usize)] =
        &[("AccountSkuId", 32), ("ActiveUnits", 0), ("WarningUnits", 0), ("ConsumedUnits", 0)];
    const DOMAIN_VIEW: &[(&str, usize)] = &[("Name", 0), ("Status", 0), ("Authentication", 0)];

    /// Records every call; answers from a few canned objects.
    #[derive(Default)]
    struct Fake {
        calls: Vec<(String, BoundArgs)>,
        need_credential: bool,
        ended: bool,
    }

    fn domain(name: &str) -> PsObject {
        PsObject::new("Microsoft.Online.Administration.Domain", DefaultView::Table(DOMAIN_VIEW))
            .with("Name", name)
            .with("Status", "Verified")
            .with("Authentication", "Managed")
    }

    fn company() -> PsObject {
        PsObject::new("Microsoft.Online.Administration.Company", DefaultView::List)
            .with("DisplayName", "Contoso")
            .with("AllowAdHocSubscriptions", true)
            .with("AllowEmailVerifiedUsers", false)
            .with("DirectorySynchronizationEnabled", false)
            .with("TechnicalNotificationEmails", vec!["admin@contoso.com"])
    }

    impl CmdletHost for Fake {
        fn end_session(&mut self) {
            self.ended = true;
        }

        fn invoke(&mut self, cmdlet: &str, args: &BoundArgs) -> Result<Vec<PsObject>, HostError> {
            self.calls.push((cmdlet.to_string(), args.clone()));
            match cmdlet {
                "Connect-MsolService" if self.need_credential && !args.has("Credential") => {
                    Err(HostError::need_credential())
                }
                "Get-MsolAccountSku" => Ok(vec![
                    PsObject::new("Microsoft.Online.Administration.AccountSku", DefaultView::Table(SKU_VIEW))
                        .with("AccountSkuId", "YourO365:RIGHTSMANAGEMENT_ADHOC")
                        .with("ActiveUnits", 50000u32)
                        .with("WarningUnits", 0u32)
                        .with("ConsumedUnits", 1u32),
                ]),
                "Get-MsolCompanyInformation" => Ok(vec![company()]),
                "Get-MsolDomain" => Ok(vec![domain("contoso.com"), domain("contoso.onmicrosoft.com")]),
                "Get-MsolUser" => Ok(["a@contoso.com", "b@contoso.com"]
                    .iter()
                    .map(|u| {
                        PsObject::new(
                            "Microsoft.Online.Administration.User",
                            DefaultView::Table(&[("UserPrincipalName", 0)]),
                        )
                        .with("UserPrincipalName", *u)
                    })
                    .collect()),
                "Confirm-MsolDomain" => Err(HostError::msol(
                    "Domain not found.",
                    "Microsoft.Online.Administration.Automation.DomainNotFoundException",
                )),
                "Remove-MsolUser" if args.str("UserPrincipalName") == Some("b@contoso.com") => Err(HostError::msol(
                    "User Not Found.",
                    "Microsoft.Online.Administration.Automation.UserNotFoundException",
                )),
                _ => Ok(vec![]),
            }
        }
    }

    fn run(line: &str) -> (String, Fake) {
        let mut host = Fake::default();
        let out = Console::new().run(line, &mut host).text;
        (out, host)
    }

    fn output(line: &str) -> String {
        run(line).0.split_once('\n').unwrap().1.to_string()
    }

    #[test]
    fn the_host_gets_canonical_names_and_bound_arguments() {
        let (out, host) = run("set-msolcompanysettings -allowadhoc:$false \u{2013}AllowEmailVerifiedUsers 0");
        assert_eq!(out, "PS C:\\> set-msolcompanysettings -allowadhoc:$false \u{2013}AllowEmailVerifiedUsers 0\n");
        assert_eq!(
            host.calls,
            vec![(
                "Set-MsolCompanySettings".to_string(),
                BoundArgs(vec![
                    ("AllowAdHocSubscriptions", PsValue::Bool(false)),
                    ("AllowEmailVerifiedUsers", PsValue::Bool(false))
                ])
            )]
        );
    }

    #[test]
    fn documented_get_msolaccountsku_output() {
        assert_eq!(
            run("Get-MsolAccountSku").0,
            "PS C:\\> Get-MsolAccountSku\n\nAccountSkuId                     ActiveUnits WarningUnits ConsumedUnits\n------------                     ----------- ------------ -------------\nYourO365:RIGHTSMANAGEMENT_ADHOC  50000       0            1\n\n"
        );
    }

    #[test]
    fn list_view_and_format_list_wildcards() {
        assert_eq!(
            output("Get-MsolCompanyInformation | fl allow*"),
            "\nAllowAdHocSubscriptions : True\nAllowEmailVerifiedUsers : False\n\n"
        );
        assert_eq!(
            output("Get-MsolCompanyInformation | Format-List -Property Allow*, Display*"),
            "\nAllowAdHocSubscriptions : True\nAllowEmailVerifiedUsers : False\nDisplayName             : Contoso\n\n"
        );
        let all = "\nDisplayName                     : Contoso\nAllowAdHocSubscriptions         : True\nAllowEmailVerifiedUsers         : False\nDirectorySynchronizationEnabled : False\nTechnicalNotificationEmails     : {admin@contoso.com}\n\n";
        assert_eq!(output("Get-MsolCompanyInformation"), all);
        assert_eq!(output("Get-MsolCompanyInformation | fl *"), all);
        assert_eq!(output("Get-MsolCompanyInformation | fl"), all);
    }

    #[test]
    fn select_object_table_or_list() {
        assert_eq!(
            output("Get-MsolCompanyInformation | select DisplayName, Allow*, Missing"),
            "\nDisplayName AllowAdHocSubscriptions AllowEmailVerifiedUsers Missing\n----------- ----------------------- ----------------------- -------\nContoso     True                    False\n\n"
        );
        assert_eq!(
            output("Get-MsolCompanyInformation | select *"),
            "\nDisplayName                     : Contoso\nAllowAdHocSubscriptions         : True\nAllowEmailVerifiedUsers         : False\nDirectorySynchronizationEnabled : False\nTechnicalNotificationEmails     : {admin@contoso.com}\n\n"
        );
        assert_eq!(output("Get-MsolDomain | Select-Object -First 1 Name | fl"), "\nName : contoso.com\n\n");
    }

    #[test]
    fn format_table() {
        assert_eq!(output("Get-MsolDomain | ft Name"), "\nName\n----\ncontoso.com\ncontoso.onmicrosoft.com\n\n");
        assert_eq!(
            output("Get-MsolCompanyInformation | ft Allow*"),
            "\nAllowAdHocSubscriptions AllowEmailVerifiedUsers\n----------------------- -----------------------\nTrue                    False\n\n"
        );
        assert_eq!(output("Get-MsolDomain | Format-Table"), output("Get-MsolDomain"));
    }

    #[test]
    fn script_blocks_where_object_and_subexpressions() {
        assert_eq!(output("{ 1 }"), " 1 \n", "a script block shows its text");
        assert_eq!(
            output(
                "Get-MsolUser | Where-Object { $_.UserPrincipalName -like 'B*' } | ForEach-Object { $_.UserPrincipalName }"
            ),
            "b@contoso.com\n"
        );
        let (_, host) = run("Get-MsolUser -UserPrincipalName (Get-MsolDomain)[0].Name");
        assert_eq!(host.calls[1].1.str("UserPrincipalName"), Some("contoso.com"));
    }

    #[test]
    fn format_cmdlets_must_be_last() {
        let (out, host) = run("Get-MsolDomain | fl | Select-Object Name");
        assert_eq!(host.calls.len(), 1);
        assert_eq!(
            out.split_once('\n').unwrap().1,
            "out-lineoutput : The object of type \"Microsoft.PowerShell.Commands.Internal.Format.FormatStartData\" is not valid or not in the correct sequence. This is likely caused by a user-specified \"format-list\" command which is conflicting with the default formatting.\n    + CategoryInfo          : InvalidData: (:) [out-lineoutput], InvalidOperationException\n    + FullyQualifiedErrorId : ConsoleLineOutputOutOfSequencePacket,Microsoft.PowerShell.Commands.OutLineOutputCommand\n\n"
        );
    }

    #[test]
    fn no_output_prints_nothing() {
        assert_eq!(run("New-MsolDomain -Name contoso.com").0, "PS C:\\> New-MsolDomain -Name contoso.com\n");
        assert_eq!(run("").0, "PS C:\\> \n");
        assert_eq!(run("# just a comment").0, "PS C:\\> # just a comment\n");
    }

    #[test]
    fn unknown_cmdlet_runs_nothing() {
        let (out, host) = run("Get-MsolDomain | Get-Foo");
        assert!(host.calls.is_empty());
        assert_eq!(
            out.split_once('\n').unwrap().1,
            "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\nAt line:1 char:18\n+ Get-MsolDomain | Get-Foo\n+                  ~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException\n    + FullyQualifiedErrorId : CommandNotFoundException\n\n"
        );
    }

    #[test]
    fn binding_error_shapes() {
        assert_eq!(
            output("Get-MsolDomain -Foo"),
            "Get-MsolDomain : A parameter cannot be found that matches parameter name 'Foo'.\nAt line:1 char:16\n+ Get-MsolDomain -Foo\n+                ~~~~\n    + CategoryInfo          : InvalidArgument: (:) [Get-MsolDomain], ParameterBindingException\n    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.Online.Administration.Automation.GetDomain\n\n"
        );
        assert_eq!(
            output("New-MsolDomain"),
            "New-MsolDomain : Cannot process command because of one or more missing mandatory parameters: Name.\nAt line:1 char:1\n+ New-MsolDomain\n+ ~~~~~~~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [New-MsolDomain], ParameterBindingException\n    + FullyQualifiedErrorId : MissingMandatoryParameter,Microsoft.Online.Administration.Automation.NewDomain\n\n"
        );
        assert_eq!(
            output("Set-MsolCompanySettings -AllowAdHocSubscriptions false"),
            "Set-MsolCompanySettings : Cannot process argument transformation on parameter 'AllowAdHocSubscriptions'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.\nAt line:1 char:50\n+ Set-MsolCompanySettings -AllowAdHocSubscriptions false\n+                                                  ~~~~~\n    + CategoryInfo          : InvalidData: (:) [Set-MsolCompanySettings], ParameterBindingArgumentTransformationException\n    + FullyQualifiedErrorId : ParameterArgumentTransformationError,Microsoft.Online.Administration.Automation.SetCompanySettings\n\n"
        );
        assert_eq!(
            output("Confirm-MsolDomain -DomainName contoso.com -ForceTakeover x").lines().nth(4).unwrap(),
            "    + CategoryInfo          : InvalidArgument: (:) [Confirm-MsolDomain], ParameterBindingException"
        );
        assert!(output("Get-MsolDomain x").starts_with(
            "Get-MsolDomain : A positional parameter cannot be found that accepts argument 'x'.\nAt line:1 char:1\n+ Get-MsolDomain x\n+ ~~~~~~~~~~~~~~~~\n"
        ));
        assert!(output("Set-MsolCompanySettings -Allow $true").contains("+                         ~~~~~~\n"));
        assert!(output("fl -Foo").starts_with("Format-List : A parameter"));
    }

    #[test]
    fn parser_error_shape() {
        assert_eq!(
            output("Get-MsolDomain | "),
            "At line:1 char:16\n+ Get-MsolDomain |\n+                ~\nAn empty pipe element is not allowed.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : EmptyPipeElement\n\n"
        );
        let (out, host) = run("Get-MsolDomain; New-MsolDomain -Name 'x");
        assert!(host.calls.is_empty());
        assert!(out.contains("The string is missing the terminator: '.\n    + CategoryInfo          : ParserError"));
    }

    #[test]
    fn host_errors_get_the_cmdlet_class() {
        assert_eq!(
            output("Confirm-MsolDomain -DomainName contoso.com -ForceTakeover Force"),
            "Confirm-MsolDomain : Domain not found.\nAt line:1 char:1\n+ Confirm-MsolDomain -DomainName contoso.com -ForceTakeover Force\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : OperationStopped: (:) [Confirm-MsolDomain], MicrosoftOnlineException\n    + FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.DomainNotFoundException,Microsoft.Online.Administration.Automation.ConfirmDomain\n\n"
        );
        assert_eq!(output("Confirm-MsolDomain -DomainName contoso.com -ErrorAction SilentlyContinue"), "");
    }

    #[test]
    fn pipeline_input_binds_by_property_name() {
        let (out, host) = run("Get-MsolUser | Remove-MsolUser -Force");
        let upns: Vec<_> = host.calls[1..]
            .iter()
            .map(|(c, a)| (c.as_str(), a.str("UserPrincipalName").unwrap(), a.switch("Force")))
            .collect();
        assert_eq!(upns, [("Remove-MsolUser", "a@contoso.com", true), ("Remove-MsolUser", "b@contoso.com", true)]);
        assert!(out.contains("Remove-MsolUser : User Not Found."));
        let (out, host) = run("Get-MsolDomain | Get-MsolAccountSku");
        assert_eq!(host.calls.len(), 1);
        assert_eq!(
            out.matches("InputObjectNotBound,Microsoft.Online.Administration.Automation.GetAccountSku").count(),
            2
        );
    }

    #[test]
    fn statements_variables_and_expressions() {
        let mut host = Fake::default();
        let mut c = Console::new();
        let r = c.run("$param = @{\n  allowedToSignUpEmailBasedSubscriptions = $false\n  allowEmailVerifiedUsersToJoinOrganization = $false\n}\nUpdate-MgPolicyAuthorizationPolicy -BodyParameter $param", &mut host);
        assert_eq!(
            r.text,
            format!(
                "PS C:\\> $param = @{{\n>>   allowedToSignUpEmailBasedSubscriptions = $false\n>>   allowEmailVerifiedUsersToJoinOrganization = $false\n>> }}\n>> Update-MgPolicyAuthorizationPolicy -BodyParameter $param\n{}\n",
                registry::later_note(registry::find("Update-MgPolicyAuthorizationPolicy").unwrap()).unwrap()
            )
        );
        let body = host.calls[0].1.hash("BodyParameter").unwrap();
        assert_eq!(body.len(), 2);
        assert_eq!(format::lookup(body, "AllowedToSignUpEmailBasedSubscriptions"), Some(&PsValue::Bool(false)));
        assert!(
            c.run("$param", &mut host)
                .text
                .ends_with("-----\nallowedToSignUpEmailBasedSubscriptions    False\nallowEmailVerifiedUsersToJoinOrganization False\n\n")
        );
        c.run("$d = Get-MsolDomain", &mut host);
        assert_eq!(
            c.run("$d | select Name", &mut host).text,
            "PS C:\\> $d | select Name\n\nName\n----\ncontoso.com\ncontoso.onmicrosoft.com\n\n"
        );
        assert_eq!(
            c.run("'hello'; 42; $true; \"v=$true\"", &mut host).text,
            "PS C:\\> 'hello'; 42; $true; \"v=$true\"\nhello\n42\nTrue\nv=True\n"
        );
        assert_eq!(
            c.run("Import-Module MSOnline; Import-Module Microsoft.Graph.Identity.SignIns", &mut host)
                .text
                .lines()
                .count(),
            1
        );
        assert!(
            c.run("Import-Module Foo", &mut host)
                .text
                .contains("Import-Module : The specified module 'Foo' was not loaded because no valid module file was found in any module directory.\n")
        );
    }

    #[test]
    fn clear_host() {
        let mut host = Fake::default();
        let r = Console::new().run("cls", &mut host);
        assert_eq!(r, RunResult { text: String::new(), clear: true, credential_prompt: None });
        let r = Console::new().run("Get-MsolDomain; clear; 'after'", &mut host);
        assert_eq!(r, RunResult { text: "after\n".into(), clear: true, credential_prompt: None });
    }

    #[test]
    fn credential_prompt_and_resume() {
        let mut host = Fake { need_credential: true, ..Fake::default() };
        let mut c = Console::new();
        let r = c.run("Connect-MsolService; 'connected'", &mut host);
        assert_eq!(
            r,
            RunResult {
                text: "PS C:\\> Connect-MsolService; 'connected'\n".into(),
                clear: false,
                credential_prompt: Some("Connect-MsolService")
            }
        );
        assert!(c.waiting_for_credential());
        let r = c.resume(&mut host, Ok(vec![]));
        assert_eq!(r.text, "connected\n");
        assert!(!c.waiting_for_credential());
        c.run("Connect-MsolService", &mut host);
        let r = c.resume(
            &mut host,
            Err(HostError::new(
                "Authentication Error: Bad username or password.",
                "OperationStopped",
                "MicrosoftOnlineException",
                "0x80070057",
            )),
        );
        assert!(
            r.text
                .starts_with("Connect-MsolService : Authentication Error: Bad username or password.\nAt line:1 char:1\n+ Connect-MsolService\n")
        );
        assert!(r.text.contains("0x80070057,Microsoft.Online.Administration.Automation.ConnectMsolService"));
        assert_eq!(c.resume(&mut host, Ok(vec![])), RunResult::default());
    }

    #[test]
    fn get_help_for_every_cmdlet() {
        for cmd in CMDLETS {
            let text = output(&format!("Get-Help {}", cmd.name));
            for section in ["\nNAME\n", "\nSYNOPSIS\n", "\nSYNTAX\n", "\nDESCRIPTION\n", "\nPARAMETERS\n"] {
                assert!(text.contains(section), "{}: {section}", cmd.name);
            }
            assert!(text.contains(&registry::syntax(cmd)[..cmd.name.len()]));
            for p in cmd.params {
                assert!(text.contains(&format!("    -{}", p.name)), "{} -{}", cmd.name, p.name);
            }
        }
        let help = output("help Get-MsolDomainVerificationDns -Full");
        assert!(help.starts_with("\nNAME\n    Get-MsolDomainVerificationDns\n\nSYNOPSIS\n    Gets the DNS record that verifies a domain.\n\n\nSYNTAX\n    Get-MsolDomainVerificationDns -DomainName <String>\n    [-Mode <DomainVerificationMode>] [<CommonParameters>]\n\n\nDESCRIPTION\n"));
        assert!(help.contains("    -Mode <DomainVerificationMode>\n        Specifies the kind of DNS record to return: a TXT record or an MX\n        record.\n        Possible values: DnsTxtRecord, DnsMXRecord\n"));
        assert_eq!(output("man fl"), output("Get-Help Format-List"));
    }

    #[test]
    fn get_help_lists_and_errors() {
        let list = output("Get-Help");
        assert!(list.starts_with("\nName "));
        assert_eq!(list.lines().count(), CMDLETS.len() + 4);
        assert!(output("Get-Help *-MsolDomain*").contains("Get-MsolDomainVerificationDns"));
        assert_eq!(
            output("Get-Help Foo"),
            "Get-Help : Get-Help could not find Foo in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.\nAt line:1 char:1\n+ Get-Help Foo\n+ ~~~~~~~~~~~~\n    + CategoryInfo          : ResourceUnavailable: (:) [Get-Help], HelpNotFoundException\n    + FullyQualifiedErrorId : HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand\n\n"
        );
    }

    #[test]
    fn get_command() {
        assert_eq!(
            output("Get-Command *-MsolDomain"),
            "\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nCmdlet          Confirm-MsolDomain                                 1.1.166.0  MSOnline\nCmdlet          Get-MsolDomain                                     1.1.166.0  MSOnline\nCmdlet          New-MsolDomain                                     1.1.166.0  MSOnline\n\n"
        );
        assert!(output("gcm cls").contains("\nAlias           cls -> Clear-Host"));
        assert_eq!(output("Get-Command").lines().count(), CMDLETS.len() + 4);
        assert!(output("Get-Command -Module MSOnline").lines().all(|l| !l.contains("Get-Help")));
        assert!(output("Get-Command Get-Foo").starts_with("Get-Command : The term 'Get-Foo' is not recognized"));
        assert_eq!(output("Get-Command Get-Foo*"), "");
    }

    #[test]
    fn completion() {
        let c = Console::new();
        let done = |line: &str, cycle: usize| c.complete(line, line.chars().count(), cycle).map(|x| x.line);
        assert_eq!(done("get-msold", 0).as_deref(), Some("Get-MsolDomain"));
        assert_eq!(done("Get-MsolDomainV", 0).as_deref(), Some("Get-MsolDomainVerificationDns"));
        assert_eq!(
            done("Set-MsolCompanySettings -Allow", 0).as_deref(),
            Some("Set-MsolCompanySettings -AllowAdHocSubscriptions")
        );
        assert_eq!(
            done("Set-MsolCompanySettings -Allow", 1).as_deref(),
            Some("Set-MsolCompanySettings -AllowEmailVerifiedUsers")
        );
        assert_eq!(
            done("Set-MsolCompanySettings -Allow", 2).as_deref(),
            Some("Set-MsolCompanySettings -AllowAdHocSubscriptions")
        );
        assert_eq!(c.complete("Set-MsolCompanySettings -Allow", 30, 0).unwrap().count, 2);
        assert_eq!(
            done("Get-MsolDomainVerificationDns -DomainName c.com -Mode D", 0).as_deref(),
            Some("Get-MsolDomainVerificationDns -DomainName c.com -Mode DnsTxtRecord")
        );
        assert_eq!(
            done("Get-MsolDomainVerificationDns -DomainName c.com -Mode D", 1).as_deref(),
            Some("Get-MsolDomainVerificationDns -DomainName c.com -Mode DnsMXRecord")
        );
        assert_eq!(
            done("Confirm-MsolDomain -ForceTakeover ", 0).as_deref(),
            Some("Confirm-MsolDomain -ForceTakeover Force")
        );
        assert_eq!(done("New-MsolDomain \u{2013}Na", 0).as_deref(), Some("New-MsolDomain -Name"));
        assert_eq!(
            done("Get-MsolUser | Remove-MsolUser -F", 0).as_deref(),
            Some("Get-MsolUser | Remove-MsolUser -Force")
        );
        assert_eq!(done("Get-MsolDomain | Format-L", 0).as_deref(), Some("Get-MsolDomain | Format-List"));
        assert_eq!(done("Get-MsolDomain | Where-", 0).as_deref(), Some("Get-MsolDomain | Where-Object"));
        assert_eq!(done("help get-msolu", 0).as_deref(), Some("help Get-MsolUser"));
        assert_eq!(done("$d = Get-MsolDomainV", 0).as_deref(), Some("$d = Get-MsolDomainVerificationDns"));
        assert_eq!(done("$d = Get-MsolDomain -Sta", 0).as_deref(), Some("$d = Get-MsolDomain -Status"));
        assert_eq!(
            done("Set-MsolUser -BlockCredential $f", 0).as_deref(),
            Some("Set-MsolUser -BlockCredential $false")
        );
        assert_eq!(done("Get-MsolDomain -E", 0).as_deref(), Some("Get-MsolDomain -ErrorAction"));
        assert_eq!(done("Get-Foo -", 0), None);
        assert_eq!(done("Get-MsolDomain x", 0), None);
        assert_eq!(done("zzz", 0), None);
        let mid = c.complete("Get-Msold -Status Verified", 9, 0).unwrap();
        assert_eq!((mid.line.as_str(), mid.cursor), ("Get-MsolDomain -Status Verified", 14));
    }

    #[test]
    fn history_up_and_down() {
        let mut host = Fake::default();
        let mut c = Console::new();
        assert_eq!(c.history_prev(), None);
        assert_eq!(c.history_next(), None);
        for l in ["Get-MsolDomain", "Get-MsolUser", "Get-MsolUser", "  ", "cls"] {
            c.run(l, &mut host);
        }
        assert_eq!(c.history(), ["Get-MsolDomain", "Get-MsolUser", "cls"]);
        assert_eq!(c.history_prev().as_deref(), Some("cls"));
        assert_eq!(c.history_prev().as_deref(), Some("Get-MsolUser"));
        assert_eq!(c.history_prev().as_deref(), Some("Get-MsolDomain"));
        assert_eq!(c.history_prev().as_deref(), Some("Get-MsolDomain"));
        assert_eq!(c.history_next().as_deref(), Some("Get-MsolUser"));
        assert_eq!(c.history_next().as_deref(), Some("cls"));
        assert_eq!(c.history_next().as_deref(), Some(""));
        assert_eq!(c.history_next(), None);
        assert_eq!(c.history_prev().as_deref(), Some("cls"));
        c.run("Get-MsolAccountSku", &mut host);
        assert_eq!(c.history_prev().as_deref(), Some("Get-MsolAccountSku"));
        let saved: Console = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(saved.history(), c.history());
        for i in 0..150 {
            c.run(&format!("'{i}'"), &mut host);
        }
        assert_eq!(c.history().len(), HISTORY_MAX);
        assert_eq!(c.history().last().unwrap(), "'149'");
    }
}
