//! The console: runs lines (statements, pipelines, local cmdlets, the host
//! for the rest), keeps the command history, completes on Tab.

use super::bind::{self, BoundArgs, Vars};
use super::error::{NOT_RECOGNIZED, PsError};
use super::format::{self, DefaultView, PsObject, PsValue, has_wildcard, sort_small, wildcard};
use super::lexer::is_dash;
use super::parser::{CommandAst, Pipeline, Span, parse};
use super::registry::{self, CMDLETS, COMMON, Cmdlet, Kind, Ty};
use super::{CmdletHost, HostError};
use serde::{Deserialize, Serialize};

/// The prompt the transcript shows before each line.
pub const PROMPT: &str = "PS C:\\> ";
/// How many lines the history keeps.
pub const HISTORY_MAX: usize = 100;

type Outcome = Result<Vec<PsObject>, HostError>;

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
    cmd: usize,
}

/// What running a line gives the transcript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunResult {
    /// Text to append to the transcript: the prompt line, then the output. If
    /// `clear`, the transcript is cleared first (Clear-Host) and this is what
    /// came after it.
    pub text: String,
    pub clear: bool,
    /// A cmdlet (e.g. "Connect-MsolService") waits for the credential dialog:
    /// show it, then call [`Console::resume`] with the outcome.
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

enum Step {
    Items(Vec<PsValue>),
    Pending,
    Stop,
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
            Ok(stmts) => self.exec(line, &stmts, 0, None, host, &mut res),
        }
        res
    }

    /// Goes on with the line that stopped for the credential dialog: the
    /// waiting cmdlet's result is `outcome` (what the sign-in gave: no objects,
    /// or an error to show), then the rest of the line runs.
    pub fn resume(&mut self, host: &mut dyn CmdletHost, outcome: Outcome) -> RunResult {
        let mut res = RunResult::default();
        if let Some(p) = self.pending.take()
            && let Ok(stmts) = parse(&p.src)
        {
            self.exec(&p.src, &stmts, p.stmt, Some((p.cmd, outcome)), host, &mut res);
        }
        res
    }

    fn exec(
        &mut self,
        src: &str,
        stmts: &[Pipeline],
        from: usize,
        mut resume: Option<(usize, Outcome)>,
        host: &mut dyn CmdletHost,
        res: &mut RunResult,
    ) {
        for (i, p) in stmts.iter().enumerate().skip(from) {
            if let Some(cmd) = self.pipeline(src, p, resume.take(), host, res) {
                self.pending = Some(Pending { src: src.to_string(), stmt: i, cmd });
                return;
            }
        }
    }

    /// Runs one statement. Some(i): command i waits for credentials.
    fn pipeline(
        &mut self,
        src: &str,
        p: &Pipeline,
        resume: Option<(usize, Outcome)>,
        host: &mut dyn CmdletHost,
        res: &mut RunResult,
    ) -> Option<usize> {
        let fail = |res: &mut RunResult, e: PsError| res.text += &e.render(src);
        // PowerShell finds every command and binds every command line before
        // the pipeline runs.
        let mut cmds = Vec::with_capacity(p.commands.len());
        for c in &p.commands {
            let Some(m) = registry::find(&c.name) else {
                fail(res, PsError::not_found(&c.name, c.name_span));
                return None;
            };
            cmds.push(m);
        }
        let mut args = Vec::with_capacity(cmds.len());
        for (c, m) in p.commands.iter().zip(&cmds) {
            match bind::bind(m, c, &self.vars) {
                Ok(a) => args.push(a),
                Err(e) => {
                    fail(res, e);
                    return None;
                }
            }
        }
        let (mut items, first) = match resume {
            Some((j, outcome)) => match host_step(cmds[j], &p.commands[j], &args[j], outcome, src, res) {
                Step::Items(v) => (v, j + 1),
                Step::Pending => return Some(j),
                Step::Stop => return None,
            },
            None => match p.expr.as_ref().map(|v| bind::eval(v, &self.vars)) {
                Some(Err(e)) => {
                    fail(res, e);
                    return None;
                }
                Some(Ok(v)) if p.commands.is_empty() => (vec![v], 0),
                Some(Ok(PsValue::List(v))) => (v, 0),
                Some(Ok(PsValue::Null)) | None => (Vec::new(), 0),
                Some(Ok(v)) => (vec![v], 0),
            },
        };
        for j in first..cmds.len() {
            let (m, c, a) = (cmds[j], &p.commands[j], &args[j]);
            items = if m.kind != Kind::Host {
                match local(m, c, a, items, j + 1 == cmds.len(), res) {
                    Ok(v) => v,
                    Err(e) => {
                        fail(res, e);
                        return None;
                    }
                }
            } else if j == 0 && p.expr.is_none() {
                if let Err(e) = bind::check_mandatory(m, a, c.span) {
                    fail(res, e);
                    return None;
                }
                match host_step(m, c, a, host.invoke(m.name, a), src, res) {
                    Step::Items(v) => v,
                    Step::Pending => return Some(j),
                    Step::Stop => return None,
                }
            } else {
                // Pipeline input: one invocation per object, bound by property name.
                let mut out = Vec::new();
                for item in &items {
                    let b = bind::bind_input(m, a, item)
                        .ok_or_else(|| input_not_bound(m, c.span))
                        .and_then(|b| bind::check_mandatory(m, &b, c.span).map(|_| b));
                    match b {
                        Err(e) => fail(res, e),
                        Ok(b) => match host_step(m, c, &b, host.invoke(m.name, &b), src, res) {
                            Step::Items(v) => out.extend(v),
                            Step::Pending => return Some(j),
                            Step::Stop => {}
                        },
                    }
                }
                out
            };
        }
        match &p.assign {
            Some((name, _)) => {
                let value = match items.len() {
                    0 => PsValue::Null,
                    1 => items.pop().unwrap(),
                    _ => PsValue::List(items),
                };
                if !["true", "false", "null"].iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    match self.vars.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
                        Some(slot) => slot.1 = value,
                        None => self.vars.push((name.clone(), value)),
                    }
                }
            }
            None => res.text += &format::out_default(&items),
        }
        None
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

/// What a host invocation gives the pipeline; errors go to the transcript
/// (unless -ErrorAction SilentlyContinue or Ignore).
fn host_step(m: &'static Cmdlet, c: &CommandAst, a: &BoundArgs, r: Outcome, src: &str, res: &mut RunResult) -> Step {
    match r {
        Ok(objs) => Step::Items(objs.into_iter().map(|o| PsValue::Obj(Box::new(o))).collect()),
        Err(e) if e.is_need_credential() => {
            res.credential_prompt = Some(m.name);
            Step::Pending
        }
        Err(_) if matches!(a.str("ErrorAction"), Some("SilentlyContinue" | "Ignore")) => Step::Items(Vec::new()),
        Err(e) => {
            res.text += &PsError::host(m, &e, c.span).render(src);
            Step::Stop
        }
    }
}

fn input_not_bound(m: &Cmdlet, span: Span) -> PsError {
    let message = "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.";
    PsError::binding(m, "InputObjectNotBound", message.into(), span)
}

const HELP_VIEW: &[(&str, usize)] = &[("Name", 0), ("Category", 0), ("Module", 0), ("Synopsis", 0)];
const COMMAND_VIEW: &[(&str, usize)] = &[("CommandType", 15), ("Name", 50), ("Version", 10), ("Source", 0)];

/// Runs a cmdlet of the console itself.
fn local(
    m: &'static Cmdlet,
    c: &CommandAst,
    a: &BoundArgs,
    items: Vec<PsValue>,
    last: bool,
    res: &mut RunResult,
) -> Result<Vec<PsValue>, PsError> {
    let props = a.has("Property").then(|| a.strings("Property"));
    let obj = |o: PsObject| PsValue::Obj(Box::new(o));
    Ok(match m.kind {
        Kind::Help => {
            let name = a.str("Name").unwrap_or("*");
            let found: Vec<&Cmdlet> = if has_wildcard(name) {
                CMDLETS.iter().filter(|c| wildcard(name, c.name)).collect()
            } else {
                registry::find(name).into_iter().collect()
            };
            match found.as_slice() {
                [one] => vec![PsValue::Str(registry::help_text(one))],
                [] => {
                    let message = format!(
                        "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
                    );
                    return Err(PsError::of(
                        m,
                        "ResourceUnavailable",
                        "HelpNotFoundException",
                        "HelpNotFound",
                        message,
                        Some(c.span),
                    ));
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
                        let mut e = PsError::of(
                            m,
                            "ObjectNotFound",
                            "CommandNotFoundException",
                            "CommandNotFoundException",
                            format!("The term '{n}' {NOT_RECOGNIZED}"),
                            Some(c.span),
                        );
                        e.target = format!("{n}:String");
                        return Err(e);
                    };
                    rows.push((0, format!("{al} -> {}", c.name), c));
                }
            }
            sort_small(&mut rows, |x, y| (x.0, &x.1) < (y.0, &y.1));
            rows.dedup_by(|x, y| x.1 == y.1);
            rows.into_iter()
                .map(|(t, name, c)| {
                    let o = PsObject::new("System.Management.Automation.CommandInfo", DefaultView::Table(COMMAND_VIEW));
                    obj(o
                        .with("CommandType", ["Alias", "Function", "Cmdlet"][t as usize])
                        .with("Name", name)
                        .with("Version", registry::module_version(c.module))
                        .with("Source", c.module))
                })
                .collect()
        }
        Kind::FormatList | Kind::FormatTable => {
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
                return Err(PsError {
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
                });
            }
        }
        Kind::Select => {
            let mut items = items;
            if let Some(n) = a.int("First") {
                items.truncate(n.max(0) as usize);
            }
            let Some(p) = props else { return Ok(items) };
            items
                .into_iter()
                .map(|i| match i {
                    PsValue::Obj(o) => obj(PsObject {
                        type_name: format!("Selected.{}", o.type_name),
                        props: format::select_props(&o, &p, true),
                        view: DefaultView::Auto,
                    }),
                    v => v,
                })
                .collect()
        }
        Kind::Clear => {
            res.text.clear();
            res.clear = true;
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
                    return Err(e);
                }
            }
            Vec::new()
        }
        Kind::Host => Vec::new(),
    })
}

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
    fn script_blocks_are_refused_at_run_time() {
        assert_eq!(
            output("{ 1 }"),
            "Script blocks are not supported in this console.\nAt line:1 char:1\n+ { 1 }\n+ ~~~~~\n    + CategoryInfo          : NotImplemented: (:) [], NotSupportedException\n    + FullyQualifiedErrorId : ScriptBlockNotSupported\n\n"
        );
        assert!(
            output("Get-MsolUser | Where-Object { $_.IsLicensed }")
                .starts_with("Where-Object : The term 'Where-Object' is not recognized")
        );
        assert!(
            output("Get-MsolUser -UserPrincipalName (Get-MsolDomain)")
                .starts_with("Get-MsolDomain : This console runs commands only as pipeline elements")
        );
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
            "PS C:\\> $param = @{\n>>   allowedToSignUpEmailBasedSubscriptions = $false\n>>   allowEmailVerifiedUsersToJoinOrganization = $false\n>> }\n>> Update-MgPolicyAuthorizationPolicy -BodyParameter $param\n"
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
        assert_eq!(done("Get-MsolDomain | f", 0).as_deref(), Some("Get-MsolDomain | Format-List"));
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
