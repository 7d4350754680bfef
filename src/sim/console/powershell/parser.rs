//! Command lines to syntax trees: statements (separated by `;` or new
//! lines), each a pipeline of commands, optionally assigned to a variable or
//! starting with an expression. Expressions have PowerShell's operators and
//! precedence (`-and`/`-or` < comparisons < `+ -` < `* / %` < `-f` < `..` <
//! `,` < unary), member access (`$d.Name`, `(Get-MsolDomain).Name`), indexes
//! (`$d[0]`), method calls, subexpressions (`$( … )`, `@( … )`, `( … )`),
//! script blocks and redirections. What the simulator does not run (loops,
//! functions, type literals…) is a [`ParseError`] that says so, never a
//! different parse. Every node keeps its span so errors can point at it.

use super::lexer::{Lexer, Part, Stream, Tok, Token, is_dash_op, is_ident};

/// Character offsets into the source, `end` exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// A syntax error, in PowerShell's words (`id` is its FullyQualifiedErrorId),
/// or (`unsupported`) valid Windows PowerShell 5.1 that this simulator does
/// not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub id: &'static str,
    pub span: Span,
    pub unsupported: bool,
}

impl ParseError {
    pub fn new(message: impl Into<String>, id: &'static str, span: Span) -> Self {
        ParseError { message: message.into(), id, span, unsupported: false }
    }

    pub fn unsupported(message: impl Into<String>, id: &'static str, span: Span) -> Self {
        ParseError { message: message.into(), id, span, unsupported: true }
    }
}

/// One statement: `[$var =] [expression |] command | command …`, or `exit`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub assign: Option<(String, Span)>,
    /// A leading expression (`'text'`, `$var`, `1,2`, `@{…}`): its value is
    /// the first command's input, or the output if there are no commands.
    pub expr: Option<Value>,
    /// The redirections after the leading expression (`$x > $null`).
    pub expr_redirects: Vec<Redirect>,
    pub commands: Vec<CommandAst>,
    pub span: Span,
    /// The `exit` keyword (with `expr` its exit code, if given).
    pub exit: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommandAst {
    /// As typed: resolution is case-insensitive and goes through aliases.
    pub name: String,
    pub name_span: Span,
    pub elements: Vec<Element>,
    /// From the name to the end of the last argument.
    pub span: Span,
    pub redirects: Vec<Redirect>,
    /// `& $block` / `& { … }`: what the call operator invokes, when it is
    /// not a command name.
    pub invoke: Option<Value>,
}

/// `2>&1`, `> $null`, `>> file.txt`, `*>&1`, …
#[derive(Clone, Debug, PartialEq)]
pub struct Redirect {
    pub from: Stream,
    pub append: bool,
    /// `N>&1`: merged into this stream (only 1 is allowed in 5.1).
    pub merge: Option<Stream>,
    /// The file (or `$null`) it writes to.
    pub target: Option<Value>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    Param {
        name: String,
        span: Span,
        colon: bool,
        arg: Option<Value>,
    },
    Arg(Value),
    /// `@params`: a hash table's entries as named parameters, an array's
    /// items as positional ones.
    Splat(String, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

/// A script block: its text (between the braces) and its statements.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockAst {
    pub text: String,
    pub body: Vec<Pipeline>,
}

/// A piece of an expandable (double-quoted) string.
#[derive(Clone, Debug, PartialEq)]
pub enum XPart {
    Lit(String),
    Var(String),
    Sub(Vec<Pipeline>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// A bare word in argument position: a string.
    Word(String),
    Str(String),
    /// A double-quoted string with variables or subexpressions in it.
    Expand(Vec<XPart>),
    Int(i64),
    Double(f64),
    Bool(bool),
    Null,
    Var(String),
    Array(Vec<Value>),
    Hash(Vec<(String, Value)>),
    Block(Box<BlockAst>),
    /// `( pipeline )`.
    Paren(Box<Pipeline>),
    /// `$( statements )`.
    Sub(Vec<Pipeline>),
    /// `@( statements )`: always an array.
    ArraySub(Vec<Pipeline>),
    Member(Box<Value>, String),
    Method(Box<Value>, String, Vec<Value>),
    Index(Box<Value>, Box<Value>),
    /// `-not`, `!`, `-`, `+`, `,`, `-bnot`, `-split`, `-join`.
    Unary(String, Box<Value>),
    /// The operator as the lexer gives it ("eq", "clike", "and", "+", "..").
    Binary(String, Box<Value>, Box<Value>),
}

/// Parses a whole input (one line, or several pasted lines).
pub fn parse(src: &str) -> Result<Vec<Pipeline>, ParseError> {
    let mut p = Parser { lx: Lexer::new(src), depth: 0, no_comma: false, nesting: 0 };
    Ok(p.statements(None)?.0)
}

fn ends_command(t: &Tok) -> bool {
    matches!(t, Tok::Eof | Tok::Newline | Tok::Semi | Tok::Pipe | Tok::AndAnd | Tok::OrOr)
}

/// A number literal (`42`, `-7`, `1.5`, `1e3`, `0x1F`, `10kb`, `5L`), as
/// PowerShell reads one.
pub fn number(text: &str) -> Option<ValueKind> {
    let (neg, t) = match text.strip_prefix(['-', '\u{2013}', '\u{2014}', '\u{2015}']) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let lower = t.to_ascii_lowercase();
    let (body, mult) = match ["kb", "mb", "gb", "tb", "pb"].iter().position(|m| lower.ends_with(m)) {
        Some(i) => (&lower[..lower.len() - 2], 1i64 << (10 * (i + 1))),
        None => (lower.as_str(), 1),
    };
    let body = if body.starts_with("0x") { body } else { body.strip_suffix(['l', 'd']).unwrap_or(body) };
    if body.is_empty() {
        return None;
    }
    let sign = if neg { -1 } else { 1 };
    if let Some(hex) = body.strip_prefix("0x") {
        let n = i64::from_str_radix(hex, 16).ok()?;
        return n.checked_mul(mult * sign).map(ValueKind::Int);
    }
    let valid = body.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.')
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'));
    if !valid {
        return None;
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        return match body.parse::<i64>().ok().and_then(|n| n.checked_mul(mult * sign)) {
            Some(n) => Some(ValueKind::Int(n)),
            None => body.parse::<f64>().ok().map(|f| ValueKind::Double(f * (mult * sign) as f64)),
        };
    }
    body.parse::<f64>().ok().map(|f| ValueKind::Double(f * (mult * sign) as f64))
}

/// The operators' precedence levels, loosest first.
fn op_level(op: &str) -> Option<u8> {
    let base = op.strip_prefix(['c', 'i']).filter(|b| is_dash_op(b) && b.len() > 1).unwrap_or(op);
    Some(match base {
        "and" | "or" | "xor" => 0,
        "band" | "bor" | "bxor" => 1,
        "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "like" | "notlike" | "match" | "notmatch" | "contains"
        | "notcontains" | "in" | "notin" | "replace" | "split" | "join" | "is" | "isnot" | "as" | "shl" | "shr" => 2,
        "+" | "-" => 3,
        "*" | "/" | "%" => 4,
        "f" => 5,
        ".." => 6,
        _ => return None,
    })
}

const UNARY: &[&str] = &["not", "!", "-", "+", "bnot", "split", "join", "++", "--"];

/// Keywords of the language that this simulator does not run, with what to
/// do instead.
fn keyword_hint(word: &str) -> Option<&'static str> {
    const FILTER: &str = "To filter objects, pipe them into Where-Object, for example: Get-MsolUser | Where-Object { $_.IsLicensed -eq $true }.";
    const LOOP: &str = "To do something for each object, pipe them into ForEach-Object, for example: Get-MsolUser | ForEach-Object { $_.UserPrincipalName }.";
    const SCRIPT: &str = "Type the commands one by one at the prompt instead.";
    const ERRORS: &str = "Errors show as each command fails; -ErrorAction SilentlyContinue or 2>$null hides them.";
    Some(match word.to_ascii_lowercase().as_str() {
        "if" | "elseif" | "else" | "switch" => FILTER,
        "foreach" | "for" | "while" | "do" | "until" | "break" | "continue" => LOOP,
        "function" | "filter" | "workflow" | "configuration" | "param" | "class" | "enum" | "using" | "data"
        | "begin" | "process" | "end" | "dynamicparam" | "return" => SCRIPT,
        "try" | "catch" | "finally" | "trap" | "throw" => ERRORS,
        _ => return None,
    })
}

struct Parser {
    lx: Lexer,
    /// How many brackets, braces or parentheses enclose the current position.
    depth: usize,
    /// Inside method arguments, `,` separates arguments.
    no_comma: bool,
    /// How many expressions enclose the current one.
    nesting: usize,
}

/// How deeply expressions may nest (each level costs stack).
const NESTING_MAX: usize = 48;

impl Parser {
    fn peek(&mut self, expr: bool) -> Result<Token, ParseError> {
        let pos = self.lx.pos;
        let t = self.lx.next(expr);
        self.lx.pos = pos;
        t
    }

    fn bump(&mut self, expr: bool) -> Result<Token, ParseError> {
        self.lx.next(expr)
    }

    fn unexpected(&self, t: &Token) -> ParseError {
        match t.tok {
            Tok::AndAnd | Tok::OrOr => ParseError::new(
                format!("The token '{}' is not a valid statement separator in this version.", self.lx.text(t.span)),
                "InvalidEndOfLine",
                t.span,
            ),
            Tok::Less => {
                ParseError::new("The '<' operator is reserved for future use.", "RedirectionNotSupported", t.span)
            }
            Tok::Amp => ParseError::new(
                "The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks (\"&\") to pass it as part of a string.",
                "AmpersandNotAllowed",
                t.span,
            ),
            _ => ParseError::new(
                format!("Unexpected token '{}' in expression or statement.", self.lx.text(t.span)),
                "UnexpectedToken",
                t.span,
            ),
        }
    }

    fn at_end(&self) -> Span {
        Span::new(self.lx.chars.len(), self.lx.chars.len())
    }

    fn skip_newlines(&mut self, expr: bool) -> Result<Token, ParseError> {
        loop {
            let t = self.peek(expr)?;
            if t.tok != Tok::Newline {
                return Ok(t);
            }
            self.bump(expr)?;
        }
    }

    /// Statements up to `close` (a `}` or `)`, consumed) or the end of the
    /// input. `close` is the token that ends them, the opening token's span
    /// and the error for a missing close.
    fn statements(
        &mut self,
        close: Option<(Tok, Span, &'static str, &'static str)>,
    ) -> Result<(Vec<Pipeline>, usize), ParseError> {
        let mut out = Vec::new();
        loop {
            let t = self.peek(false)?;
            match (&t.tok, &close) {
                (Tok::Eof, None) => return Ok((out, t.span.start)),
                (Tok::Eof, Some((_, open, msg, id))) => return Err(ParseError::new(*msg, id, *open)),
                (Tok::Newline | Tok::Semi, _) => {
                    self.bump(false)?;
                }
                (tok, Some((c, ..))) if tok == c => {
                    self.bump(false)?;
                    return Ok((out, t.span.start));
                }
                (Tok::RParen | Tok::RBrace | Tok::AndAnd | Tok::OrOr | Tok::Less, _) => {
                    return Err(self.unexpected(&t));
                }
                _ => {
                    out.push(self.statement()?);
                    let t = self.peek(false)?;
                    let closes = close.as_ref().is_some_and(|(c, ..)| *c == t.tok);
                    if !closes && !matches!(t.tok, Tok::Eof | Tok::Newline | Tok::Semi) {
                        return Err(self.unexpected(&t));
                    }
                }
            }
        }
    }

    fn statement(&mut self) -> Result<Pipeline, ParseError> {
        let t = self.peek(false)?;
        if self.nesting >= NESTING_MAX {
            return Err(ParseError::unsupported(
                "The expression is nested too deeply for this simulator.",
                "NestingTooDeep",
                t.span,
            ));
        }
        self.nesting += 1;
        let r = self.statement_inner(t);
        self.nesting -= 1;
        r
    }

    fn statement_inner(&mut self, t: Token) -> Result<Pipeline, ParseError> {
        let mut assign = None;
        if let Tok::Word { text, quoted: false } = &t.tok
            && text.eq_ignore_ascii_case("exit")
        {
            self.bump(false)?;
            let n = self.peek(false)?;
            let expr = if ends_command(&n.tok) || matches!(n.tok, Tok::RBrace | Tok::RParen) {
                None
            } else {
                Some(self.expression()?)
            };
            return Ok(Pipeline {
                assign: None,
                expr,
                expr_redirects: Vec::new(),
                commands: Vec::new(),
                span: t.span,
                exit: true,
            });
        }
        if let Tok::Var(name) = &t.tok {
            let pos = self.lx.pos;
            self.bump(false)?;
            let n = self.bump(true)?;
            match &n.tok {
                Tok::Eq => assign = Some((name.clone(), t.span)),
                Tok::Op(op) if matches!(op.as_str(), "+=" | "-=" | "*=" | "/=" | "%=" | "++" | "--") => {
                    return Err(ParseError::unsupported(
                        format!(
                            "The '{op}' operator is not supported by this simulator. Assign the new value instead, for example: ${name} = ${name} + 1."
                        ),
                        "OperatorNotSupported",
                        n.span,
                    ));
                }
                _ => self.lx.pos = pos,
            }
        }
        let first = self.peek(false)?;
        if pipe_assign_chain(&assign, &first)
            && let Tok::Var(_) = &first.tok
        {
            let pos = self.lx.pos;
            self.bump(false)?;
            let chained = self.bump(true)?.tok == Tok::Eq;
            self.lx.pos = pos;
            if chained {
                let inner = self.statement_inner(first.clone())?;
                let span = Span::new(t.span.start, inner.span.end);
                let v = Value { span: inner.span, kind: ValueKind::Paren(Box::new(inner)) };
                return Ok(Pipeline {
                    assign,
                    expr: Some(v),
                    expr_redirects: Vec::new(),
                    commands: Vec::new(),
                    span,
                    exit: false,
                });
            }
        }
        if let Tok::Word { text, quoted: false } = &first.tok
            && let Some(hint) = keyword_hint(text)
        {
            let what = text.to_ascii_lowercase();
            return Err(ParseError::unsupported(
                format!(
                    "The '{what}' keyword is not supported by this simulator: its console runs commands and pipelines, not scripts. {hint}"
                ),
                "KeywordNotSupported",
                first.span,
            ));
        }
        let mut pipe = Pipeline {
            assign,
            expr: None,
            expr_redirects: Vec::new(),
            commands: Vec::new(),
            span: Span::new(t.span.start, first.span.end),
            exit: false,
        };
        match &first.tok {
            // `[int]'5'`, `!$x`: a type literal or `!` starts an expression.
            Tok::Word { text, quoted } if (*quoted || number(text).is_none()) && !text.starts_with(['[', '!']) => {
                pipe.commands.push(self.command()?)
            }
            Tok::Param { name, .. } if !UNARY.contains(&name.to_ascii_lowercase().as_str()) => {
                pipe.commands.push(self.command()?)
            }
            Tok::Amp => pipe.commands.push(self.command()?),
            Tok::Pipe => {
                return Err(ParseError::new("An empty pipe element is not allowed.", "EmptyPipeElement", first.span));
            }
            Tok::Eof | Tok::Newline | Tok::Semi | Tok::RBrace | Tok::RParen if pipe.assign.is_some() => {
                return Err(ParseError::new(
                    "You must provide a value expression following the '=' operator.",
                    "ExpectedValueExpression",
                    first.span,
                ));
            }
            _ => {
                let v = self.expression()?;
                let n = self.peek(true)?;
                if n.tok == Tok::Eq {
                    return Err(match &v.kind {
                        ValueKind::Member(..) | ValueKind::Index(..) => ParseError::unsupported(
                            "Assigning to a property or an element ($x.Name = …, $x[0] = …) is not supported by this simulator. Assign to a variable instead: $x = …",
                            "AssignmentNotSupported",
                            n.span,
                        ),
                        ValueKind::Array(items) if items.iter().all(|i| matches!(i.kind, ValueKind::Var(_))) => {
                            ParseError::unsupported(
                                "Assigning to several variables at once ($a, $b = 1, 2) is not supported by this simulator. Assign each variable on its own: $a = 1; $b = 2",
                                "AssignmentNotSupported",
                                n.span,
                            )
                        }
                        _ => ParseError::new(
                            "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                            "InvalidLeftHandSide",
                            v.span,
                        ),
                    });
                }
                pipe.expr = Some(v);
                pipe.expr_redirects = self.redirects()?;
            }
        }
        loop {
            let bar = self.peek(false)?;
            if bar.tok != Tok::Pipe {
                break;
            }
            self.bump(false)?;
            let n = self.skip_newlines(false)?;
            match n.tok {
                Tok::Word { .. } | Tok::Param { .. } | Tok::Amp => pipe.commands.push(self.command()?),
                Tok::Eof | Tok::Semi | Tok::Pipe | Tok::RParen | Tok::RBrace => {
                    return Err(ParseError::new("An empty pipe element is not allowed.", "EmptyPipeElement", bar.span));
                }
                _ => {
                    let v = self.expression()?;
                    return Err(ParseError::new(
                        "Expressions are only allowed as the first element of a pipeline.",
                        "ExpressionsMustBeFirstInPipeline",
                        v.span,
                    ));
                }
            }
        }
        pipe.span.end = pipe
            .commands
            .last()
            .map(|c| c.span.end)
            .or(pipe.expr.as_ref().map(|v| v.span.end))
            .unwrap_or(pipe.span.end);
        Ok(pipe)
    }

    /// Redirections after an expression.
    fn redirects(&mut self) -> Result<Vec<Redirect>, ParseError> {
        let mut out = Vec::new();
        while let Tok::Redirect { .. } = self.peek(false)?.tok {
            out.push(self.redirect()?);
        }
        Ok(out)
    }

    fn redirect(&mut self) -> Result<Redirect, ParseError> {
        let t = self.bump(false)?;
        let Tok::Redirect { from, append, merge } = t.tok else { return Err(self.unexpected(&t)) };
        if let Some(to) = merge {
            if to != 1 || from == 1 {
                return Err(ParseError::new(
                    format!("The '{}' operator is reserved for future use.", self.lx.text(t.span)),
                    "RedirectionNotSupported",
                    t.span,
                ));
            }
            return Ok(Redirect { from, append, merge, target: None, span: t.span });
        }
        let n = self.peek(false)?;
        if ends_command(&n.tok) || matches!(n.tok, Tok::RParen | Tok::RBrace | Tok::Redirect { .. }) {
            return Err(ParseError::new(
                "Missing file specification after redirection operator.",
                "MissingFileSpecification",
                t.span,
            ));
        }
        let target = self.cmd_primary()?;
        let span = Span::new(t.span.start, target.span.end);
        Ok(Redirect { from, append, merge, target: Some(target), span })
    }

    fn command(&mut self) -> Result<CommandAst, ParseError> {
        let t = self.bump(false)?;
        let mut invoke = None;
        let (name, name_span) = match t.tok {
            Tok::Amp => {
                let n = self.peek(false)?;
                match &n.tok {
                    Tok::Word { text, .. } => {
                        self.bump(false)?;
                        (text.clone(), n.span)
                    }
                    Tok::Str(parts) if matches!(parts.as_slice(), [Part::Lit(_)]) => {
                        self.bump(false)?;
                        let [Part::Lit(s)] = parts.as_slice() else { unreachable!() };
                        (s.clone(), n.span)
                    }
                    _ if ends_command(&n.tok) => {
                        return Err(ParseError::new(
                            "Missing expression after '&' in pipeline element.",
                            "MissingExpression",
                            t.span,
                        ));
                    }
                    _ => {
                        let v = self.cmd_primary()?;
                        let span = v.span;
                        invoke = Some(v);
                        ("&".to_string(), span)
                    }
                }
            }
            Tok::Word { text, .. } => (text, t.span),
            _ => (self.lx.text(t.span), t.span),
        };
        let mut cmd = CommandAst {
            name,
            name_span,
            elements: Vec::new(),
            span: Span::new(t.span.start, name_span.end),
            redirects: Vec::new(),
            invoke,
        };
        loop {
            let t = self.peek(false)?;
            let el = match t.tok {
                _ if ends_command(&t.tok) => return Ok(cmd),
                Tok::RParen | Tok::RBrace if self.depth > 0 => return Ok(cmd),
                Tok::RParen | Tok::RBrace | Tok::Less | Tok::Amp => return Err(self.unexpected(&t)),
                Tok::Redirect { .. } => {
                    let r = self.redirect()?;
                    cmd.redirects.push(r);
                    continue;
                }
                Tok::Splat(name) => {
                    self.bump(false)?;
                    cmd.span.end = t.span.end;
                    Element::Splat(name, t.span)
                }
                Tok::Param { name, colon } => {
                    self.bump(false)?;
                    let mut arg = None;
                    cmd.span.end = t.span.end;
                    if colon {
                        let n = self.peek(false)?;
                        if !ends_command(&n.tok)
                            && !matches!(n.tok, Tok::Param { .. } | Tok::RParen | Tok::RBrace | Tok::Redirect { .. })
                        {
                            arg = Some(self.cmd_value()?);
                        }
                    }
                    Element::Param { name, span: t.span, colon, arg }
                }
                _ => Element::Arg(self.cmd_value()?),
            };
            if let Element::Param { arg: Some(v), .. } | Element::Arg(v) = &el {
                cmd.span.end = v.span.end;
            }
            cmd.elements.push(el);
        }
    }

    /// A command argument, with `a, b, c` making an array.
    fn cmd_value(&mut self) -> Result<Value, ParseError> {
        let first = self.cmd_primary()?;
        let mut items = vec![first];
        loop {
            let t = self.peek(false)?;
            if t.tok != Tok::Comma {
                break;
            }
            self.bump(false)?;
            let n = self.skip_newlines(false)?;
            if ends_command(&n.tok) || matches!(n.tok, Tok::RParen | Tok::RBrace | Tok::Comma | Tok::Redirect { .. }) {
                return Err(ParseError::new(
                    "Missing argument in parameter list.",
                    "MissingArgument",
                    Span::new(t.span.end, t.span.end),
                ));
            }
            items.push(self.cmd_primary()?);
        }
        Ok(single_or_array(items))
    }

    /// One argument in command mode: bare words are strings.
    fn cmd_primary(&mut self) -> Result<Value, ParseError> {
        let t = self.peek(false)?;
        let kind = match &t.tok {
            Tok::Word { text, quoted } => {
                self.bump(false)?;
                match number(text) {
                    Some(n) if !quoted => n,
                    _ => ValueKind::Word(text.clone()),
                }
            }
            Tok::Param { .. } | Tok::Splat(_) => {
                self.bump(false)?;
                ValueKind::Word(self.lx.text(t.span))
            }
            Tok::Str(_) | Tok::Var(_) | Tok::AtBrace | Tok::AtParen | Tok::DollarParen | Tok::LParen | Tok::LBrace => {
                return self.primary();
            }
            _ => return Err(self.unexpected(&t)),
        };
        Ok(Value { kind, span: t.span })
    }

    /// An expression (expression mode).
    fn expression(&mut self) -> Result<Value, ParseError> {
        self.binary(0)
    }

    fn binary(&mut self, level: u8) -> Result<Value, ParseError> {
        if level == 7 {
            return self.array_expr();
        }
        let mut lhs = self.binary(level + 1)?;
        loop {
            let t = self.peek(true)?;
            let Tok::Op(op) = &t.tok else { break };
            if op_level(op) != Some(level) {
                break;
            }
            self.bump(true)?;
            self.skip_newlines(true)?;
            self.operand_after(&t)?;
            let rhs = self.binary(level + 1)?;
            let span = Span::new(lhs.span.start, rhs.span.end);
            lhs = Value { kind: ValueKind::Binary(op.clone(), Box::new(lhs), Box::new(rhs)), span };
        }
        Ok(lhs)
    }

    /// After an operator: an operand must follow.
    fn operand_after(&mut self, op: &Token) -> Result<(), ParseError> {
        let n = self.peek(true)?;
        let starts = match &n.tok {
            Tok::Num(_)
            | Tok::Str(_)
            | Tok::Var(_)
            | Tok::AtBrace
            | Tok::AtParen
            | Tok::DollarParen
            | Tok::LParen
            | Tok::LBrace
            | Tok::LBracket
            | Tok::Comma => true,
            Tok::Op(o) => UNARY.contains(&o.as_str()),
            _ => false,
        };
        if starts {
            return Ok(());
        }
        Err(ParseError::new(
            format!("You must provide a value expression following the '{}' operator.", self.lx.text(op.span)),
            "ExpectedValueExpression",
            Span::new(op.span.end, op.span.end),
        ))
    }

    fn array_expr(&mut self) -> Result<Value, ParseError> {
        let first = self.unary()?;
        if self.no_comma {
            return Ok(first);
        }
        let mut items = vec![first];
        loop {
            let t = self.peek(true)?;
            if t.tok != Tok::Comma {
                break;
            }
            self.bump(true)?;
            self.skip_newlines(true)?;
            let n = self.peek(true)?;
            if matches!(n.tok, Tok::Eof | Tok::Semi | Tok::Pipe | Tok::RParen | Tok::RBrace | Tok::Comma) {
                return Err(ParseError::new(
                    "Missing expression after ','.",
                    "MissingExpressionAfterToken",
                    Span::new(t.span.end, t.span.end),
                ));
            }
            items.push(self.unary()?);
        }
        Ok(single_or_array(items))
    }

    fn unary(&mut self) -> Result<Value, ParseError> {
        let t = self.peek(true)?;
        if self.nesting >= NESTING_MAX {
            return Err(ParseError::unsupported(
                "The expression is nested too deeply for this simulator.",
                "NestingTooDeep",
                t.span,
            ));
        }
        self.nesting += 1;
        let r = self.unary_inner(t);
        self.nesting -= 1;
        r
    }

    fn unary_inner(&mut self, t: Token) -> Result<Value, ParseError> {
        match &t.tok {
            Tok::Op(op) if UNARY.contains(&op.as_str()) => {
                self.bump(true)?;
                if matches!(op.as_str(), "++" | "--") {
                    return Err(ParseError::unsupported(
                        format!("The '{op}' operator is not supported by this simulator."),
                        "OperatorNotSupported",
                        t.span,
                    ));
                }
                self.operand_after(&t)?;
                let v = self.unary()?;
                let span = Span::new(t.span.start, v.span.end);
                Ok(Value { kind: ValueKind::Unary(op.clone(), Box::new(v)), span })
            }
            Tok::Comma => {
                self.bump(true)?;
                self.operand_after(&t)?;
                let v = self.unary()?;
                let span = Span::new(t.span.start, v.span.end);
                Ok(Value { kind: ValueKind::Unary(",".into(), Box::new(v)), span })
            }
            Tok::LBracket => {
                let end = (t.span.end..self.lx.chars.len()).find(|&i| self.lx.chars[i] == ']');
                let span = Span::new(t.span.start, end.map_or(self.lx.chars.len(), |e| e + 1));
                Err(ParseError::unsupported(
                    format!(
                        "Type literals and casts ({}) are not supported by this simulator. Leave the type out: PowerShell converts values for you when a cmdlet binds them.",
                        self.lx.text(span)
                    ),
                    "TypeLiteralNotSupported",
                    span,
                ))
            }
            _ => self.primary(),
        }
    }

    /// A primary expression and what follows it without a blank: `.Member`,
    /// `.Method(…)`, `[index]`.
    fn primary(&mut self) -> Result<Value, ParseError> {
        let t = self.bump(true)?;
        let kind = match t.tok {
            Tok::Num(ref text) => match number(text) {
                Some(n) => n,
                None => return Err(self.unexpected(&t)),
            },
            Tok::Str(parts) => self.string(parts)?,
            Tok::Var(name) => match name.to_ascii_lowercase().as_str() {
                "true" => ValueKind::Bool(true),
                "false" => ValueKind::Bool(false),
                "null" => ValueKind::Null,
                _ => ValueKind::Var(name),
            },
            Tok::AtBrace => {
                let v = self.hash(t.span.start)?;
                return self.postfix(v);
            }
            Tok::AtParen | Tok::DollarParen => {
                let (msg, id) = if t.tok == Tok::AtParen {
                    ("Missing closing ')' in array subexpression.", "MissingEndParenthesisInArraySubexpression")
                } else {
                    ("Missing closing ')' in subexpression.", "MissingEndParenthesisInSubexpression")
                };
                self.depth += 1;
                let r = self.statements(Some((Tok::RParen, t.span, msg, id)));
                self.depth -= 1;
                let (body, close) = r?;
                let span = Span::new(t.span.start, close + 1);
                let kind = if t.tok == Tok::AtParen { ValueKind::ArraySub(body) } else { ValueKind::Sub(body) };
                return self.postfix(Value { kind, span });
            }
            Tok::LParen => {
                let v = self.paren(t)?;
                return self.postfix(v);
            }
            Tok::LBrace => {
                self.depth += 1;
                let r = self.statements(Some((
                    Tok::RBrace,
                    t.span,
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                )));
                self.depth -= 1;
                let (body, close) = r?;
                let text = self.lx.text(Span::new(t.span.end, close));
                return Ok(Value {
                    kind: ValueKind::Block(Box::new(BlockAst { text, body })),
                    span: Span::new(t.span.start, close + 1),
                });
            }
            _ => return Err(self.unexpected(&t)),
        };
        self.postfix(Value { kind, span: t.span })
    }

    fn postfix(&mut self, mut v: Value) -> Result<Value, ParseError> {
        loop {
            let pos = self.lx.pos;
            match (self.lx.at(pos), self.lx.at(pos + 1)) {
                (Some('.'), Some(c)) if c.is_alphabetic() || c == '_' => {
                    let mut end = pos + 1;
                    while self.lx.at(end).is_some_and(is_ident) {
                        end += 1;
                    }
                    let name: String = self.lx.chars[pos + 1..end].iter().collect();
                    self.lx.pos = end;
                    if self.lx.at(end) == Some('(') {
                        self.lx.pos = end + 1;
                        let args = self.method_args()?;
                        let span = Span::new(v.span.start, self.lx.pos);
                        v = Value { kind: ValueKind::Method(Box::new(v), name, args), span };
                    } else {
                        let span = Span::new(v.span.start, end);
                        v = Value { kind: ValueKind::Member(Box::new(v), name), span };
                    }
                }
                (Some('['), _) => {
                    self.lx.pos = pos + 1;
                    self.depth += 1;
                    let saved = std::mem::replace(&mut self.no_comma, false);
                    self.skip_newlines(true)?;
                    let r = self.expression();
                    self.no_comma = saved;
                    self.depth -= 1;
                    let index = r?;
                    let close = self.bump(true)?;
                    if close.tok != Tok::RBracket {
                        return Err(ParseError::new(
                            "Array index expression is missing or not valid.",
                            "MissingArrayIndexExpression",
                            close.span,
                        ));
                    }
                    let span = Span::new(v.span.start, close.span.end);
                    v = Value { kind: ValueKind::Index(Box::new(v), Box::new(index)), span };
                }
                (Some(':'), Some(':')) => {
                    return Err(ParseError::unsupported(
                        "Static members (::) of .NET types are not supported by this simulator.",
                        "StaticMemberNotSupported",
                        Span::new(pos, pos + 2),
                    ));
                }
                _ => return Ok(v),
            }
        }
    }

    /// `( a, b )` after a method name: the arguments, through the `)`.
    fn method_args(&mut self) -> Result<Vec<Value>, ParseError> {
        let mut args = Vec::new();
        let saved = std::mem::replace(&mut self.no_comma, true);
        self.depth += 1;
        let r = (|| loop {
            let t = self.skip_newlines(true)?;
            match t.tok {
                Tok::RParen => {
                    self.bump(true)?;
                    return Ok(());
                }
                Tok::Comma if !args.is_empty() => {
                    self.bump(true)?;
                }
                Tok::Eof => {
                    return Err(ParseError::new(
                        "Missing closing ')' in expression.",
                        "MissingEndParenthesisInMethodCall",
                        self.at_end(),
                    ));
                }
                _ => args.push(self.expression()?),
            }
        })();
        self.depth -= 1;
        self.no_comma = saved;
        r.map(|_| args)
    }

    /// A string token's value.
    fn string(&mut self, parts: Vec<Part>) -> Result<ValueKind, ParseError> {
        if let [Part::Lit(s)] = parts.as_slice() {
            return Ok(ValueKind::Str(s.clone()));
        }
        let mut out = Vec::new();
        for p in parts {
            out.push(match p {
                Part::Lit(s) => XPart::Lit(s),
                Part::Var(n) => XPart::Var(n),
                Part::Sub(span) => {
                    let mut sub = Parser {
                        lx: Lexer { chars: self.lx.chars[..span.end].to_vec(), pos: span.start },
                        depth: 1,
                        no_comma: false,
                        nesting: self.nesting,
                    };
                    XPart::Sub(sub.statements(None)?.0)
                }
            });
        }
        Ok(ValueKind::Expand(out))
    }

    /// `@{ key = value; key2 = value2 }`, entries separated by `;` or new
    /// lines; each value is a statement (`@{ d = Get-MsolDomain }` runs it).
    fn hash(&mut self, start: usize) -> Result<Value, ParseError> {
        let mut entries = Vec::new();
        self.depth += 1;
        let r = self.hash_entries(&mut entries);
        self.depth -= 1;
        let end = r?;
        Ok(Value { kind: ValueKind::Hash(entries), span: Span::new(start, end) })
    }

    fn hash_entries(&mut self, entries: &mut Vec<(String, Value)>) -> Result<usize, ParseError> {
        loop {
            let t = self.bump(true)?;
            let key = match t.tok {
                Tok::Newline | Tok::Semi => continue,
                Tok::RBrace => return Ok(t.span.end),
                Tok::Eof => {
                    return Err(ParseError::new("The hash literal was incomplete.", "IncompleteHashLiteral", t.span));
                }
                Tok::Word { text, .. } | Tok::Num(text) => text,
                Tok::Str(parts) => parts
                    .iter()
                    .map(|p| match p {
                        Part::Lit(s) => s.clone(),
                        Part::Var(n) => format!("${n}"),
                        Part::Sub(s) => format!("$({})", self.lx.text(*s)),
                    })
                    .collect(),
                _ => return Err(self.unexpected(&t)),
            };
            let eq = self.bump(true)?;
            if eq.tok != Tok::Eq {
                return Err(ParseError::new(
                    "Missing '=' operator after key in hash literal.",
                    "MissingEqualsInHashLiteral",
                    Span::new(t.span.end, t.span.end),
                ));
            }
            let n = self.skip_newlines(true)?;
            if matches!(n.tok, Tok::Eof | Tok::Semi | Tok::RBrace | Tok::Pipe) {
                return Err(ParseError::new(
                    "Missing statement after '=' in hash literal.",
                    "MissingStatementInHashLiteral",
                    Span::new(eq.span.end, eq.span.end),
                ));
            }
            let stmt = self.statement()?;
            entries.push((key, statement_value(stmt)));
            let n = self.peek(true)?;
            match n.tok {
                Tok::Newline | Tok::Semi | Tok::RBrace => {}
                Tok::Eof => {
                    return Err(ParseError::new("The hash literal was incomplete.", "IncompleteHashLiteral", n.span));
                }
                _ => return Err(self.unexpected(&n)),
            }
        }
    }

    /// `( pipeline )`.
    fn paren(&mut self, open: Token) -> Result<Value, ParseError> {
        self.depth += 1;
        let r = (|| {
            let t = self.skip_newlines(false)?;
            if t.tok == Tok::RParen {
                return Err(ParseError::new("An expression was expected after '('.", "ExpectedExpression", open.span));
            }
            if t.tok == Tok::Eof {
                return Err(ParseError::new(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    self.at_end(),
                ));
            }
            let stmt = self.statement()?;
            let close = self.skip_newlines(false)?;
            match close.tok {
                Tok::RParen => {
                    self.bump(false)?;
                    Ok((stmt, close.span.end))
                }
                Tok::Eof => Err(ParseError::new(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    self.at_end(),
                )),
                _ => Err(self.unexpected(&close)),
            }
        })();
        self.depth -= 1;
        let (stmt, end) = r?;
        let mut v = statement_value(stmt);
        v.span = Span::new(open.span.start, end);
        Ok(v)
    }
}

/// Whether a statement that assigns goes on with another assignment
/// (`$a = $b = 0`).
fn pipe_assign_chain(assign: &Option<(String, Span)>, first: &Token) -> bool {
    assign.is_some() && matches!(first.tok, Tok::Var(_))
}

/// A statement as a value: its expression if it is nothing more, else the
/// pipeline in parentheses.
fn statement_value(p: Pipeline) -> Value {
    if p.assign.is_none()
        && p.commands.is_empty()
        && p.expr_redirects.is_empty()
        && !p.exit
        && let Some(v) = p.expr
    {
        return v;
    }
    let span = p.span;
    Value { kind: ValueKind::Paren(Box::new(p)), span }
}

/// A comma list: its one item, or an array of them.
fn single_or_array(mut items: Vec<Value>) -> Value {
    if items.len() == 1 {
        return items.pop().expect("one item");
    }
    let span = Span::new(items[0].span.start, items[items.len() - 1].span.end);
    Value { kind: ValueKind::Array(items), span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Pipeline {
        let mut v = parse(src).unwrap();
        assert_eq!(v.len(), 1, "{src}");
        v.pop().unwrap()
    }

    fn err(src: &str) -> ParseError {
        parse(src).unwrap_err()
    }

    fn kind(v: &Value) -> &ValueKind {
        &v.kind
    }

    fn arg(e: &Element) -> &ValueKind {
        match e {
            Element::Arg(v) => kind(v),
            Element::Param { arg: Some(v), .. } => kind(v),
            e => panic!("no argument: {e:?}"),
        }
    }

    #[test]
    fn command_with_named_switch_and_positional_arguments() {
        let p = one("Set-MsolCompanySettings -AllowAdHocSubscriptions $false -Force pos 42");
        let c = &p.commands[0];
        assert_eq!(c.name, "Set-MsolCompanySettings");
        assert_eq!(c.name_span, Span::new(0, 23));
        assert_eq!(c.elements.len(), 5);
        assert!(
            matches!(&c.elements[0], Element::Param { name, colon: false, arg: None, span } if name == "AllowAdHocSubscriptions" && *span == Span::new(24, 48))
        );
        assert_eq!(arg(&c.elements[1]), &ValueKind::Bool(false));
        assert!(matches!(&c.elements[2], Element::Param { name, .. } if name == "Force"));
        assert_eq!(arg(&c.elements[3]), &ValueKind::Word("pos".into()));
        assert_eq!(arg(&c.elements[4]), &ValueKind::Int(42));
        assert_eq!(c.span, Span::new(0, 69));
    }

    #[test]
    fn colon_arguments() {
        let p = one("Remove-MsolUser -Force:$False -UserPrincipalName:a@b.com -Bare: ");
        let e = &p.commands[0].elements;
        assert!(matches!(
            &e[0],
            Element::Param { colon: true, arg: Some(Value { kind: ValueKind::Bool(false), .. }), .. }
        ));
        assert_eq!(arg(&e[1]), &ValueKind::Word("a@b.com".into()));
        assert!(matches!(&e[2], Element::Param { colon: true, arg: None, .. }));
    }

    #[test]
    fn literals() {
        let p = one("x 'it''s' \"say \"\"hi\"\"\" $TRUE $Null $x -7 \"v=$x\"");
        let e = &p.commands[0].elements;
        assert_eq!(arg(&e[0]), &ValueKind::Str("it's".into()));
        assert_eq!(arg(&e[1]), &ValueKind::Str("say \"hi\"".into()));
        assert_eq!(arg(&e[2]), &ValueKind::Bool(true));
        assert_eq!(arg(&e[3]), &ValueKind::Null);
        assert_eq!(arg(&e[4]), &ValueKind::Var("x".into()));
        assert_eq!(arg(&e[5]), &ValueKind::Int(-7));
        assert_eq!(arg(&e[6]), &ValueKind::Expand(vec![XPart::Lit("v=".into()), XPart::Var("x".into())]));
    }

    #[test]
    fn en_and_em_dash_parameters() {
        let p = one("New-MsolDomain \u{2013}Name contoso.co.uk \u{2014}Force");
        let e = &p.commands[0].elements;
        assert!(matches!(&e[0], Element::Param { name, .. } if name == "Name"));
        assert_eq!(arg(&e[1]), &ValueKind::Word("contoso.co.uk".into()));
        assert!(matches!(&e[2], Element::Param { name, .. } if name == "Force"));
    }

    #[test]
    fn arrays() {
        let p = one("Get-MsolDomain | Select-Object Name, Status,Authentication");
        let c = &p.commands[1];
        match arg(&c.elements[0]) {
            ValueKind::Array(vs) => assert_eq!(
                vs.iter().map(|v| v.kind.clone()).collect::<Vec<_>>(),
                ["Name", "Status", "Authentication"].map(|s| ValueKind::Word(s.into()))
            ),
            k => panic!("{k:?}"),
        }
        assert_eq!(c.elements.len(), 1);
        let p = one("Connect-MgGraph -Scopes @('a', \"b\") x,`\n y");
        assert!(
            matches!(arg(&p.commands[0].elements[1]), ValueKind::ArraySub(s) if matches!(&s[0].expr.as_ref().unwrap().kind, ValueKind::Array(v) if v.len() == 2))
        );
        assert!(matches!(arg(&p.commands[0].elements[2]), ValueKind::Array(v) if v.len() == 2));
    }

    #[test]
    fn hash_tables() {
        let p = one(
            "Update-MgPolicyAuthorizationPolicy -BodyParameter @{allowedToSignUpEmailBasedSubscriptions=$true; 'allowEmailVerifiedUsersToJoinOrganization' = $false}",
        );
        match arg(&p.commands[0].elements[1]) {
            ValueKind::Hash(es) => {
                assert_eq!(es[0].0, "allowedToSignUpEmailBasedSubscriptions");
                assert_eq!(es[0].1.kind, ValueKind::Bool(true));
                assert_eq!(es[1].0, "allowEmailVerifiedUsersToJoinOrganization");
                assert_eq!(es[1].1.kind, ValueKind::Bool(false));
            }
            k => panic!("{k:?}"),
        }
        let p = one(
            "$param = @{\n   allowedToSignUpEmailBasedSubscriptions = $false\n   n = 1, 2\n   s = \"x\"\n   h = @{}\n   w = word\n}",
        );
        assert_eq!(p.assign.as_ref().unwrap().0, "param");
        match &p.expr.as_ref().unwrap().kind {
            ValueKind::Hash(es) => {
                assert_eq!(es.len(), 5);
                assert!(matches!(&es[1].1.kind, ValueKind::Array(v) if v.len() == 2));
                assert_eq!(es[2].1.kind, ValueKind::Str("x".into()));
                assert_eq!(es[3].1.kind, ValueKind::Hash(vec![]));
                assert!(matches!(&es[4].1.kind, ValueKind::Paren(p) if p.commands[0].name == "word"));
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn statements_pipelines_and_comments() {
        let v = parse("Connect-MsolService; Get-MsolDomain | fl # all\n\nGet-MsolUser").unwrap();
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].commands.len(), 2);
        assert_eq!(v[1].commands[1].name, "fl");
        assert!(parse("  # nothing").unwrap().is_empty());
        let p = one("'abc' | fl");
        assert_eq!(p.expr.as_ref().unwrap().kind, ValueKind::Str("abc".into()));
        let p = one("$x");
        assert_eq!(p.expr.as_ref().unwrap().kind, ValueKind::Var("x".into()));
        assert!(p.commands.is_empty());
        let p = one("$x = Get-MsolDomain");
        assert_eq!(p.commands[0].name, "Get-MsolDomain");
    }

    #[test]
    fn syntax_errors() {
        let e = err("Get-MsolDomain |");
        assert_eq!(
            (e.message.as_str(), e.id, e.span),
            ("An empty pipe element is not allowed.", "EmptyPipeElement", Span::new(15, 16))
        );
        let e = err("| fl");
        assert_eq!((e.id, e.span), ("EmptyPipeElement", Span::new(0, 1)));
        let e = err("a || b");
        assert_eq!(
            (e.message.as_str(), e.id, e.span),
            ("The token '||' is not a valid statement separator in this version.", "InvalidEndOfLine", Span::new(2, 4))
        );
        let e = err("New-MsolDomain -Name 'contoso.com");
        assert_eq!((e.message.as_str(), e.span), ("The string is missing the terminator: '.", Span::new(21, 33)));
        let e = err("x -BodyParameter @{a=1");
        assert_eq!(
            (e.message.as_str(), e.id, e.span),
            ("The hash literal was incomplete.", "IncompleteHashLiteral", Span::new(22, 22))
        );
        let e = err("x @{a}");
        assert_eq!(
            (e.message.as_str(), e.id),
            ("Missing '=' operator after key in hash literal.", "MissingEqualsInHashLiteral")
        );
        let e = err("x @{a=}");
        assert_eq!((e.message.as_str(), e.span), ("Missing statement after '=' in hash literal.", Span::new(6, 6)));
        let e = err("x @{a=1 b=2}");
        assert_eq!((e.message.as_str(), e.span), ("Unexpected token 'b' in expression or statement.", Span::new(8, 9)));
        let e = err("Get-MsolUser }");
        assert_eq!(e.message, "Unexpected token '}' in expression or statement.");
        let e = err("'abc' def");
        assert_eq!(e.message, "Unexpected token 'def' in expression or statement.");
        let e = err("fl a,");
        assert_eq!(e.message, "Missing argument in parameter list.");
        let e = err("x (1, 2");
        assert_eq!(e.id, "MissingEndParenthesisInExpression");
        let e = err("Get-MsolUser | 'x'");
        assert_eq!(e.id, "ExpressionsMustBeFirstInPipeline");
        let e = err("$x =");
        assert_eq!(e.id, "ExpectedValueExpression");
        let e = err("Where-Object { $_.Name -eq 'x' ");
        assert_eq!(
            (e.message.as_str(), e.span),
            ("Missing closing '}' in statement block or type definition.", Span::new(13, 14))
        );
        let p = one("Get-MsolUser | Where-Object { $_.IsLicensed -and { 1 } }");
        match arg(&p.commands[1].elements[0]) {
            ValueKind::Block(b) => {
                assert_eq!(b.text, " $_.IsLicensed -and { 1 } ");
                assert!(matches!(&b.body[0].expr.as_ref().unwrap().kind, ValueKind::Binary(op, ..) if op == "and"));
            }
            k => panic!("{k:?}"),
        }
    }
}
