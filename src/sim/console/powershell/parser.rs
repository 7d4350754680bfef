//! Command lines to syntax trees: statements (separated by `;` or new
//! lines), each a pipeline of commands, optionally assigned to a variable or
//! starting with an expression. Every node keeps its span so errors can point
//! at it.

use super::lexer::{Lexer, Part, Tok, Token};

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

/// A syntax error, in PowerShell's words (`id` is its FullyQualifiedErrorId).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub id: &'static str,
    pub span: Span,
}

impl ParseError {
    pub fn new(message: impl Into<String>, id: &'static str, span: Span) -> Self {
        ParseError { message: message.into(), id, span }
    }
}

/// One statement: `[$var =] [expression |] command | command …`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub assign: Option<(String, Span)>,
    /// A leading expression (`'text'`, `$var`, `1,2`, `@{…}`): its value is
    /// the first command's input, or the output if there are no commands.
    pub expr: Option<Value>,
    pub commands: Vec<CommandAst>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommandAst {
    /// As typed: resolution is case-insensitive and goes through aliases.
    pub name: String,
    pub name_span: Span,
    pub elements: Vec<Element>,
    /// From the name to the end of the last argument.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// `-Name`, `-Name:value` (`colon`, with `arg`), or `-Name:` with nothing after.
    Param {
        name: String,
        span: Span,
        colon: bool,
        arg: Option<Value>,
    },
    Arg(Value),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// A bare word in argument position: a string.
    Word(String),
    /// A bare word in expression position (a hash table value, inside
    /// parentheses): PowerShell would run it as a command.
    Cmd(String),
    Str(String),
    /// A double-quoted string with variables in it.
    Expand(Vec<Part>),
    Int(i64),
    Bool(bool),
    Null,
    Var(String),
    Array(Vec<Value>),
    Hash(Vec<(String, Value)>),
    /// A script block `{ … }`, kept as text: the console can't run one.
    Block(String),
}

/// Parses a whole input (one line, or several pasted lines).
pub fn parse(src: &str) -> Result<Vec<Pipeline>, ParseError> {
    let mut p = Parser { lx: Lexer::new(src) };
    let mut out = Vec::new();
    loop {
        let t = p.peek(false)?;
        match t.tok {
            Tok::Eof => return Ok(out),
            Tok::Newline | Tok::Semi => {
                p.bump(false)?;
            }
            _ => {
                out.push(p.statement()?);
                let t = p.peek(false)?;
                if !matches!(t.tok, Tok::Eof | Tok::Newline | Tok::Semi) {
                    return Err(p.unexpected(&t));
                }
            }
        }
    }
}

fn ends_command(t: &Tok) -> bool {
    matches!(t, Tok::Eof | Tok::Newline | Tok::Semi | Tok::Pipe)
}

fn int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

struct Parser {
    lx: Lexer,
}

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
        ParseError::new(
            format!("Unexpected token '{}' in expression or statement.", self.lx.text(t.span)),
            "UnexpectedToken",
            t.span,
        )
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

    fn statement(&mut self) -> Result<Pipeline, ParseError> {
        let t = self.peek(false)?;
        let mut assign = None;
        if let Tok::Var(name) = &t.tok {
            let pos = self.lx.pos;
            self.bump(false)?;
            if self.bump(true)?.tok == Tok::Eq {
                assign = Some((name.clone(), t.span));
            } else {
                self.lx.pos = pos;
            }
        }
        let first = self.peek(false)?;
        let mut pipe =
            Pipeline { assign, expr: None, commands: Vec::new(), span: Span::new(t.span.start, first.span.end) };
        match &first.tok {
            Tok::Word { text, quoted } if *quoted || int(text).is_none() => pipe.commands.push(self.command()?),
            Tok::Param { .. } => pipe.commands.push(self.command()?),
            Tok::Pipe => {
                return Err(ParseError::new("An empty pipe element is not allowed.", "EmptyPipeElement", first.span));
            }
            Tok::Eof | Tok::Newline | Tok::Semi if pipe.assign.is_some() => {
                return Err(ParseError::new(
                    "You must provide a value expression following the '=' operator.",
                    "ExpectedValueExpression",
                    first.span,
                ));
            }
            _ => pipe.expr = Some(self.value(true)?),
        }
        loop {
            let bar = self.peek(false)?;
            if bar.tok != Tok::Pipe {
                break;
            }
            self.bump(false)?;
            let n = self.skip_newlines(false)?;
            match n.tok {
                Tok::Word { .. } | Tok::Param { .. } => pipe.commands.push(self.command()?),
                Tok::Eof | Tok::Semi | Tok::Pipe | Tok::RParen | Tok::RBrace => {
                    return Err(ParseError::new("An empty pipe element is not allowed.", "EmptyPipeElement", bar.span));
                }
                _ => {
                    let v = self.value(true)?;
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

    fn command(&mut self) -> Result<CommandAst, ParseError> {
        let t = self.bump(false)?;
        let name = match t.tok {
            Tok::Word { text, .. } => text,
            _ => self.lx.text(t.span),
        };
        let mut cmd = CommandAst { name, name_span: t.span, elements: Vec::new(), span: t.span };
        loop {
            let t = self.peek(false)?;
            let el = match t.tok {
                _ if ends_command(&t.tok) => return Ok(cmd),
                Tok::RParen | Tok::RBrace => return Err(self.unexpected(&t)),
                Tok::Param { name, colon } => {
                    self.bump(false)?;
                    let mut arg = None;
                    cmd.span.end = t.span.end;
                    if colon {
                        let n = self.peek(false)?;
                        if !ends_command(&n.tok) && !matches!(n.tok, Tok::Param { .. }) {
                            arg = Some(self.value(false)?);
                        }
                    }
                    Element::Param { name, span: t.span, colon, arg }
                }
                _ => Element::Arg(self.value(false)?),
            };
            if let Element::Param { arg: Some(v), .. } | Element::Arg(v) = &el {
                cmd.span.end = v.span.end;
            }
            cmd.elements.push(el);
        }
    }

    /// A value, with `a, b, c` making an array. `expr`: expression mode.
    fn value(&mut self, expr: bool) -> Result<Value, ParseError> {
        let first = self.primary(expr)?;
        let mut items = vec![first];
        loop {
            let t = self.peek(expr)?;
            if t.tok != Tok::Comma {
                break;
            }
            self.bump(expr)?;
            let n = self.skip_newlines(expr)?;
            if matches!(n.tok, Tok::Eof | Tok::Semi | Tok::Pipe | Tok::RParen | Tok::RBrace | Tok::Comma) {
                let (msg, id) = if expr {
                    ("Missing expression after ','.", "MissingExpressionAfterToken")
                } else {
                    ("Missing argument in parameter list.", "MissingArgument")
                };
                return Err(ParseError::new(msg, id, Span::new(t.span.end, t.span.end)));
            }
            items.push(self.primary(expr)?);
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap());
        }
        let span = Span::new(items[0].span.start, items[items.len() - 1].span.end);
        Ok(Value { kind: ValueKind::Array(items), span })
    }

    fn primary(&mut self, expr: bool) -> Result<Value, ParseError> {
        let t = self.bump(expr)?;
        let kind = match t.tok {
            Tok::Word { ref text, quoted } => match int(text) {
                Some(n) if !quoted => ValueKind::Int(n),
                _ if expr => ValueKind::Cmd(text.clone()),
                _ => ValueKind::Word(text.clone()),
            },
            Tok::Str(parts) => match parts.as_slice() {
                [Part::Lit(s)] => ValueKind::Str(s.clone()),
                _ => ValueKind::Expand(parts),
            },
            Tok::Var(name) => match name.to_ascii_lowercase().as_str() {
                "true" => ValueKind::Bool(true),
                "false" => ValueKind::Bool(false),
                "null" => ValueKind::Null,
                _ => ValueKind::Var(name),
            },
            Tok::Param { .. } if !expr => ValueKind::Word(self.lx.text(t.span)),
            Tok::AtBrace => return self.hash(t.span.start),
            Tok::AtParen | Tok::LParen => return self.paren(t),
            Tok::LBrace => {
                let chars = &self.lx.chars;
                let mut depth = 1;
                let end = (self.lx.pos..chars.len()).find(|&i| {
                    depth += (chars[i] == '{') as i32 - (chars[i] == '}') as i32;
                    depth == 0
                });
                let Some(end) = end else {
                    return Err(ParseError::new(
                        "Missing closing '}' in statement block or type definition.",
                        "MissingEndCurlyBrace",
                        t.span,
                    ));
                };
                let body = chars[self.lx.pos..end].iter().collect();
                self.lx.pos = end + 1;
                return Ok(Value { kind: ValueKind::Block(body), span: Span::new(t.span.start, end + 1) });
            }
            _ => return Err(self.unexpected(&t)),
        };
        Ok(Value { kind, span: t.span })
    }

    /// `@{ key = value; key2 = value2 }`, entries separated by `;` or new lines.
    fn hash(&mut self, start: usize) -> Result<Value, ParseError> {
        let mut entries = Vec::new();
        loop {
            let t = self.bump(true)?;
            let key = match t.tok {
                Tok::Newline | Tok::Semi => continue,
                Tok::RBrace => {
                    return Ok(Value { kind: ValueKind::Hash(entries), span: Span::new(start, t.span.end) });
                }
                Tok::Eof => {
                    return Err(ParseError::new("The hash literal was incomplete.", "IncompleteHashLiteral", t.span));
                }
                Tok::Word { text, .. } => text,
                Tok::Str(parts) => parts
                    .iter()
                    .map(|p| match p {
                        Part::Lit(s) => s.clone(),
                        Part::Var(n) => format!("${n}"),
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
            entries.push((key, self.value(true)?));
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

    /// `( value )` or `@( a, b )`: values only, not pipelines.
    fn paren(&mut self, open: Token) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        loop {
            let t = self.peek(true)?;
            match t.tok {
                Tok::Newline | Tok::Semi => {
                    self.bump(true)?;
                }
                Tok::RParen => {
                    self.bump(true)?;
                    let span = Span::new(open.span.start, t.span.end);
                    if open.tok == Tok::AtParen || items.len() > 1 {
                        return Ok(Value { kind: ValueKind::Array(items), span });
                    }
                    let Some(mut v) = items.pop() else {
                        return Err(ParseError::new(
                            "An expression was expected after '('.",
                            "ExpectedExpression",
                            open.span,
                        ));
                    };
                    v.span = span;
                    return Ok(v);
                }
                Tok::Eof => {
                    return Err(ParseError::new(
                        "Missing closing ')' in expression.",
                        "MissingEndParenthesisInExpression",
                        self.at_end(),
                    ));
                }
                _ => match self.value(true)? {
                    Value { kind: ValueKind::Array(vs), .. } => items.extend(vs),
                    v => items.push(v),
                },
            }
        }
    }
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
        assert_eq!(arg(&e[6]), &ValueKind::Expand(vec![Part::Lit("v=".into()), Part::Var("x".into())]));
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
        assert!(matches!(arg(&p.commands[0].elements[1]), ValueKind::Array(v) if v.len() == 2));
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
                assert_eq!(es[4].1.kind, ValueKind::Cmd("word".into()));
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
        assert_eq!((e.id, e.span), ("EmptyPipeElement", Span::new(2, 3)));
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
        assert_eq!(arg(&p.commands[1].elements[0]), &ValueKind::Block(" $_.IsLicensed -and { 1 } ".into()));
    }
}
