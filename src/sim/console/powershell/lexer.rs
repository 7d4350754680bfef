//! Scanning a command line into tokens, on demand: the parser asks for the
//! next token in command mode (bare words may hold `=`, `-Name` is a
//! parameter) or expression mode (inside `@{…}` and `(…)`: `=` is an
//! operator). Positions are character offsets, what PowerShell's "char:N"
//! counts, not byte offsets.

use super::parser::{ParseError, Span};

/// A piece of a double-quoted string: text, a `$variable` to expand, or a
/// subexpression `$( … )` (its statements' characters, without the parentheses).
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Lit(String),
    Var(String),
    Sub(Span),
}

/// Which stream a redirection takes: 1 output, 2 error, 3 warning, 4 verbose,
/// 5 debug, 6 information, 0 all (`*`).
pub type Stream = u8;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A bare word (PowerShell's generic token). `quoted`: it had quotes
    /// inside (`a'b c'`), so it is never a number.
    Word {
        text: String,
        quoted: bool,
    },
    /// A number literal (expression mode): its text.
    Num(String),
    /// A string literal: `'…'` (one `Lit`) or `"…"`.
    Str(Vec<Part>),
    Var(String),
    /// `@name`: splatting.
    Splat(String),
    /// `-Name`, or `-Name:` (`colon`: the next token is its argument).
    Param {
        name: String,
        colon: bool,
    },
    /// An operator (expression mode): `-eq` gives "eq" (lower case), symbols
    /// stay as written ("+", "..", "+=", "!", "::").
    Op(String),
    /// `>`, `>>`, `2>`, `2>&1`, `*>&1`, …: the stream, whether it appends,
    /// and the stream it merges into (`&1`).
    Redirect {
        from: Stream,
        append: bool,
        merge: Option<Stream>,
    },
    /// `<`: reserved in Windows PowerShell 5.1.
    Less,
    AndAnd,
    OrOr,
    Amp,
    Pipe,
    Semi,
    Newline,
    Comma,
    Eq,
    LParen,
    RParen,
    AtParen,
    DollarParen,
    AtBrace,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// PowerShell accepts the en dash, em dash and horizontal bar wherever a
/// hyphen starts a parameter: what copying from Word or the docs gives.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// Curly quotes count as quotes too, as in PowerShell.
fn is_squote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

fn is_dquote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{b}' | '\u{c}' | '\u{feff}')
}

pub fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ends_word(c: char, expr: bool) -> bool {
    is_space(c)
        || matches!(c, '\n' | '\r' | ';' | '|' | ',' | '(' | ')' | '{' | '}' | '>' | '<' | '&')
        || (expr && matches!(c, '=' | '[' | ']' | '+' | '*' | '/' | '%' | '!' | '.'))
}

/// The comparison operators, which also take a `c` (case-sensitive) or `i`
/// prefix: `-eq`, `-ceq`, `-ieq`, …
pub(super) const COMPARISON_OPS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "like",
    "notlike",
    "match",
    "notmatch",
    "contains",
    "notcontains",
    "in",
    "notin",
];

/// The other operators that follow a dash in expression mode.
const OTHER_DASH_OPS: &[&str] = &[
    "replace", "split", "join", "is", "isnot", "as", "and", "or", "xor", "not", "band", "bor", "bxor", "bnot", "shl",
    "shr", "f", "csplit", "isplit", "creplace", "ireplace",
];

/// Whether `name` (lower case, no dash) is an expression operator.
pub fn is_dash_op(name: &str) -> bool {
    COMPARISON_OPS.contains(&name)
        || OTHER_DASH_OPS.contains(&name)
        || name.strip_prefix(['c', 'i']).is_some_and(|n| COMPARISON_OPS.contains(&n))
}

/// The character a backtick escape stands for.
fn escape(c: char) -> char {
    match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{b}',
        c => c,
    }
}

pub struct Lexer {
    pub chars: Vec<char>,
    pub pos: usize,
}

impl Lexer {
    pub fn new(src: &str) -> Self {
        Lexer { chars: src.chars().collect(), pos: 0 }
    }

    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The source text of a span.
    pub fn text(&self, s: Span) -> String {
        self.chars[s.start.min(self.chars.len())..s.end.min(self.chars.len())].iter().collect()
    }

    /// Skips blanks, line continuations (a backtick at the end of a line) and
    /// comments (`# …` to the end of the line, `<# … #>`).
    pub fn skip_space(&mut self) {
        loop {
            match self.at(self.pos) {
                Some(c) if is_space(c) => self.pos += 1,
                Some('`') if matches!(self.at(self.pos + 1), Some('\n' | '\r')) => {
                    self.pos += 2;
                    if self.at(self.pos - 1) == Some('\r') && self.at(self.pos) == Some('\n') {
                        self.pos += 1;
                    }
                }
                Some('<') if self.at(self.pos + 1) == Some('#') => {
                    self.pos += 2;
                    while self.pos < self.chars.len()
                        && !(self.chars[self.pos] == '#' && self.at(self.pos + 1) == Some('>'))
                    {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.chars.len());
                }
                Some('#') => {
                    while !matches!(self.at(self.pos), None | Some('\n' | '\r')) {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// A redirection operator at the current position, if there is one.
    fn redirect(&mut self) -> Option<Tok> {
        let c = self.at(self.pos)?;
        let (from, mut i) = match c {
            '>' => (1, self.pos),
            '*' => (0, self.pos + 1),
            '1'..='6' => (c as u8 - b'0', self.pos + 1),
            _ => return None,
        };
        if self.at(i) != Some('>') {
            return None;
        }
        i += 1;
        let append = self.at(i) == Some('>');
        if append {
            i += 1;
        }
        let mut merge = None;
        if !append
            && self.at(i) == Some('&')
            && let Some(d @ '1'..='6') = self.at(i + 1)
        {
            merge = Some(d as u8 - b'0');
            i += 2;
        }
        self.pos = i;
        Some(Tok::Redirect { from, append, merge })
    }

    /// The next token; `expr` selects expression mode.
    pub fn next(&mut self, expr: bool) -> Result<Token, ParseError> {
        self.skip_space();
        let start = self.pos;
        let tok = |tok, end| Ok(Token { tok, span: Span::new(start, end) });
        let Some(c) = self.at(start) else { return tok(Tok::Eof, start) };
        let c1 = self.at(start + 1);
        if let Some(t) = self.redirect() {
            return tok(t, self.pos);
        }
        let simple = match c {
            '\r' if c1 == Some('\n') => Some((Tok::Newline, 2)),
            '\n' | '\r' => Some((Tok::Newline, 1)),
            ';' => Some((Tok::Semi, 1)),
            '|' if c1 == Some('|') => Some((Tok::OrOr, 2)),
            '|' => Some((Tok::Pipe, 1)),
            '&' if c1 == Some('&') => Some((Tok::AndAnd, 2)),
            '&' => Some((Tok::Amp, 1)),
            '<' => Some((Tok::Less, 1)),
            ',' => Some((Tok::Comma, 1)),
            '(' => Some((Tok::LParen, 1)),
            ')' => Some((Tok::RParen, 1)),
            '{' => Some((Tok::LBrace, 1)),
            '}' => Some((Tok::RBrace, 1)),
            '=' if expr && c1 == Some('=') => Some((Tok::Op("==".into()), 2)),
            '=' if expr => Some((Tok::Eq, 1)),
            '@' if c1 == Some('{') => Some((Tok::AtBrace, 2)),
            '@' if c1 == Some('(') => Some((Tok::AtParen, 2)),
            '$' if c1 == Some('(') => Some((Tok::DollarParen, 2)),
            '[' if expr => Some((Tok::LBracket, 1)),
            ']' if expr => Some((Tok::RBracket, 1)),
            _ => None,
        };
        if let Some((t, n)) = simple {
            self.pos += n;
            return tok(t, self.pos);
        }
        if c == '@' && c1.is_some_and(|q| is_squote(q) || is_dquote(q)) {
            let parts = self.here_string()?;
            return tok(Tok::Str(parts), self.pos);
        }
        if c == '$' {
            self.pos += 1;
            if let Some(name) = self.var_name() {
                return tok(Tok::Var(name), self.pos);
            }
            self.pos = start;
        } else if c == '@' && c1.is_some_and(is_ident) {
            self.pos += 1;
            if let Some(name) = self.var_name() {
                return tok(Tok::Splat(name), self.pos);
            }
            self.pos = start;
        } else if is_squote(c) || is_dquote(c) {
            let parts = self.quoted()?;
            return tok(Tok::Str(parts), self.pos);
        } else if expr {
            if let Some(t) = self.expr_token() {
                return tok(t, self.pos);
            }
        } else if is_dash(c) && c1.is_some_and(|n| n.is_alphabetic() || n == '_' || n == '?') {
            self.pos += 1;
            while self.at(self.pos).is_some_and(|c| !ends_word(c, false) && c != ':' && !is_squote(c) && !is_dquote(c))
            {
                self.pos += 1;
            }
            let name = self.chars[start + 1..self.pos].iter().collect();
            let end = self.pos;
            let colon = self.at(self.pos) == Some(':');
            if colon {
                self.pos += 1;
            }
            return tok(Tok::Param { name, colon }, end);
        }
        let (text, quoted) = self.word(expr)?;
        tok(Tok::Word { text, quoted }, self.pos)
    }

    /// Operators and numbers of expression mode.
    fn expr_token(&mut self) -> Option<Tok> {
        let start = self.pos;
        let c = self.at(start)?;
        let c1 = self.at(start + 1);
        if is_dash(c) && c1.is_some_and(char::is_alphabetic) {
            let mut i = start + 1;
            while self.at(i).is_some_and(char::is_alphabetic) {
                i += 1;
            }
            let name: String = self.chars[start + 1..i].iter().collect::<String>().to_ascii_lowercase();
            self.pos = i;
            return Some(Tok::Op(name));
        }
        if c.is_ascii_digit() || (c == '.' && c1.is_some_and(|d| d.is_ascii_digit())) {
            let mut i = start;
            while let Some(d) = self.at(i) {
                let exp_sign = matches!(d, '+' | '-')
                    && matches!(self.at(i - 1), Some('e' | 'E'))
                    && !self.chars[start..i].iter().any(|c| matches!(c, 'x' | 'X'));
                if d.is_ascii_alphanumeric() || exp_sign || (d == '.' && self.at(i + 1) != Some('.')) {
                    i += 1;
                } else {
                    break;
                }
            }
            self.pos = i;
            return Some(Tok::Num(self.chars[start..i].iter().collect()));
        }
        let two: String = [Some(c), c1].iter().flatten().collect();
        let op = match two.as_str() {
            "++" | "--" | "+=" | "-=" | "*=" | "/=" | "%=" | ".." | "::" => two,
            _ if is_dash(c) => "-".to_string(),
            _ if matches!(c, '+' | '*' | '/' | '%' | '!' | '.') => c.to_string(),
            _ => return None,
        };
        self.pos += op.chars().count();
        Some(Tok::Op(op))
    }

    /// After a `$`: `{name}`, `_`, `?`, `^`, a scope (`$script:x`,
    /// `$env:Path`) or an identifier. None leaves the position alone.
    pub fn var_name(&mut self) -> Option<String> {
        if self.at(self.pos) == Some('{') {
            let end = (self.pos + 1..self.chars.len()).find(|&i| self.chars[i] == '}')?;
            let name = self.chars[self.pos + 1..end].iter().collect();
            self.pos = end + 1;
            return Some(name);
        }
        if let Some(c @ ('?' | '^' | '$')) = self.at(self.pos) {
            self.pos += 1;
            return Some(c.to_string());
        }
        let s = self.pos;
        while self.at(self.pos).is_some_and(is_ident) {
            self.pos += 1;
        }
        if self.pos > s && self.at(self.pos) == Some(':') && self.at(self.pos + 1).is_some_and(is_ident) {
            self.pos += 1;
            while self.at(self.pos).is_some_and(is_ident) {
                self.pos += 1;
            }
        }
        (self.pos > s).then(|| self.chars[s..self.pos].iter().collect())
    }

    /// The end of a `$( … )` starting at `open` (its `(`): the index of the
    /// matching `)`, skipping quoted text.
    fn close_paren(&self, open: usize) -> Option<usize> {
        let mut depth = 0;
        let mut i = open;
        let mut quote: Option<char> = None;
        while let Some(c) = self.at(i) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '\'' || c == '"' => quote = Some(c),
                None if c == '(' => depth += 1,
                None if c == ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                None => {}
            }
            i += 1;
        }
        None
    }

    /// A quoted string starting at the current position. Single quotes: `''`
    /// is a quote. Double quotes: `""` is a quote, backtick escapes, `$name`,
    /// `${name}` and `$( … )` expand.
    fn quoted(&mut self) -> Result<Vec<Part>, ParseError> {
        let start = self.pos;
        let dq = is_dquote(self.chars[start]);
        let closes = |c: char| if dq { is_dquote(c) } else { is_squote(c) };
        self.pos += 1;
        let mut parts = Vec::new();
        let mut lit = String::new();
        loop {
            let Some(c) = self.at(self.pos) else {
                let q = if dq { '"' } else { '\'' };
                return Err(ParseError::new(
                    format!("The string is missing the terminator: {q}."),
                    "TerminatorExpectedAtEndOfString",
                    Span::new(start, self.pos),
                ));
            };
            self.pos += 1;
            if closes(c) {
                match self.at(self.pos) {
                    Some(n) if closes(n) => {
                        lit.push(n);
                        self.pos += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            if dq && c == '`' {
                if let Some(n) = self.at(self.pos) {
                    lit.push(escape(n));
                    self.pos += 1;
                }
                continue;
            }
            if dq && c == '$' && self.at(self.pos) == Some('(') {
                let Some(end) = self.close_paren(self.pos) else {
                    return Err(ParseError::new(
                        "Missing closing ')' in subexpression.",
                        "MissingEndParenthesisInSubexpression",
                        Span::new(self.pos - 1, self.pos + 1),
                    ));
                };
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Sub(Span::new(self.pos + 1, end)));
                self.pos = end + 1;
                continue;
            }
            if dq
                && c == '$'
                && let Some(name) = self.var_name()
            {
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Var(name));
                continue;
            }
            lit.push(c);
        }
        if !lit.is_empty() || parts.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(parts)
    }

    /// A here-string: `@'` or `@"` at the end of a line, the lines after it,
    /// and `'@` or `"@` at the start of a line. `@"…"@` expands variables
    /// and subexpressions.
    fn here_string(&mut self) -> Result<Vec<Part>, ParseError> {
        let start = self.pos;
        let dq = is_dquote(self.chars[start + 1]);
        let q = if dq { '"' } else { '\'' };
        let mut i = start + 2;
        while self.at(i).is_some_and(is_space) {
            i += 1;
        }
        match self.at(i) {
            Some('\n' | '\r') => {}
            None => {
                return Err(ParseError::new(
                    format!("The string is missing the terminator: {q}@."),
                    "TerminatorExpectedAtEndOfString",
                    Span::new(start, i),
                ));
            }
            Some(_) => {
                return Err(ParseError::new(
                    "No characters are allowed after a here-string header but before the end of the line.",
                    "UnexpectedCharactersAfterHereStringHeader",
                    Span::new(start + 2, i + 1),
                ));
            }
        }
        if self.at(i) == Some('\r') && self.at(i + 1) == Some('\n') {
            i += 1;
        }
        let body = i + 1;
        let closes = |c: char| if dq { is_dquote(c) } else { is_squote(c) };
        let mut line = body;
        let end = loop {
            if line >= self.chars.len() {
                return Err(ParseError::new(
                    format!("The string is missing the terminator: {q}@."),
                    "TerminatorExpectedAtEndOfString",
                    Span::new(start, self.chars.len()),
                ));
            }
            if self.at(line).is_some_and(closes) && self.at(line + 1) == Some('@') {
                break line;
            }
            match (line..self.chars.len()).find(|&j| self.chars[j] == '\n') {
                Some(nl) => line = nl + 1,
                None => line = self.chars.len(),
            }
        };
        let mut text_end = end.saturating_sub(1).max(body);
        if text_end > body && self.at(text_end - 1) == Some('\r') {
            text_end -= 1;
        }
        self.pos = end + 2;
        if !dq {
            return Ok(vec![Part::Lit(self.chars[body..text_end].iter().collect())]);
        }
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut j = body;
        while j < text_end {
            let c = self.chars[j];
            if c == '`' && j + 1 < text_end {
                lit.push(escape(self.chars[j + 1]));
                j += 2;
                continue;
            }
            if c == '$'
                && self.at(j + 1) == Some('(')
                && let Some(close) = self.close_paren(j + 1).filter(|&e| e < text_end)
            {
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Sub(Span::new(j + 2, close)));
                j = close + 1;
                continue;
            }
            if c == '$' {
                let saved = self.pos;
                self.pos = j + 1;
                let name = self.var_name().filter(|_| self.pos <= text_end);
                let next = self.pos;
                self.pos = saved;
                if let Some(name) = name {
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(Part::Var(name));
                    j = next;
                    continue;
                }
            }
            lit.push(c);
            j += 1;
        }
        if !lit.is_empty() || parts.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(parts)
    }

    /// A bare word: runs to a blank or a special character; quotes inside it
    /// join their text to the word, backticks escape.
    fn word(&mut self, expr: bool) -> Result<(String, bool), ParseError> {
        let mut text = String::new();
        let mut quoted = false;
        let start = self.pos;
        while let Some(c) = self.at(self.pos) {
            if ends_word(c, expr) {
                break;
            }
            if is_squote(c) || is_dquote(c) {
                for p in self.quoted()? {
                    match p {
                        Part::Lit(s) => text.push_str(&s),
                        Part::Var(n) => {
                            text.push('$');
                            text.push_str(&n);
                        }
                        Part::Sub(s) => {
                            text.push_str("$(");
                            text.push_str(&self.text(s));
                            text.push(')');
                        }
                    }
                }
                quoted = true;
                continue;
            }
            if c == '`' {
                match self.at(self.pos + 1) {
                    Some('\n' | '\r') => break,
                    Some(n) => {
                        text.push(escape(n));
                        self.pos += 2;
                    }
                    None => self.pos += 1,
                }
                continue;
            }
            text.push(c);
            self.pos += 1;
        }
        if self.pos == start {
            // A character no token starts with (e.g. `]` in command mode).
            if let Some(c) = self.at(self.pos) {
                text.push(c);
                self.pos += 1;
            }
        }
        Ok((text, quoted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        loop {
            let t = lx.next(false).unwrap();
            if t.tok == Tok::Eof {
                return out;
            }
            out.push(t.tok);
        }
    }

    fn word(s: &str) -> Tok {
        Tok::Word { text: s.into(), quoted: false }
    }

    fn param(s: &str, colon: bool) -> Tok {
        Tok::Param { name: s.into(), colon }
    }

    #[test]
    fn words_params_and_separators() {
        assert_eq!(
            toks("Get-MsolUser -All | fl *; cls # comment"),
            vec![word("Get-MsolUser"), param("All", false), Tok::Pipe, word("fl"), word("*"), Tok::Semi, word("cls")]
        );
        assert_eq!(toks("-Force:$false"), vec![param("Force", true), Tok::Var("false".into())]);
        assert_eq!(toks("a\r\nb"), vec![word("a"), Tok::Newline, word("b")]);
        assert_eq!(toks("a `\n  b"), vec![word("a"), word("b")]);
        assert_eq!(toks("a <# block #> b"), vec![word("a"), word("b")]);
        assert_eq!(toks("-1 - -"), vec![word("-1"), word("-"), word("-")]);
    }

    #[test]
    fn dashes_from_copy_paste() {
        assert_eq!(toks("\u{2013}Name \u{2014}Mode"), vec![param("Name", false), param("Mode", false)]);
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(toks("'it''s'"), vec![Tok::Str(vec![Part::Lit("it's".into())])]);
        assert_eq!(toks("\"a`tb \"\"q\"\"\""), vec![Tok::Str(vec![Part::Lit("a\tb \"q\"".into())])]);
        assert_eq!(
            toks("\"x $name ${y} `$z\""),
            vec![Tok::Str(vec![
                Part::Lit("x ".into()),
                Part::Var("name".into()),
                Part::Lit(" ".into()),
                Part::Var("y".into()),
                Part::Lit(" $z".into())
            ])]
        );
        assert_eq!(toks("\u{201c}smart\u{201d}"), vec![Tok::Str(vec![Part::Lit("smart".into())])]);
        assert_eq!(toks("''"), vec![Tok::Str(vec![Part::Lit(String::new())])]);
        assert_eq!(toks("a'b c'd"), vec![Tok::Word { text: "ab cd".into(), quoted: true }]);
        assert_eq!(toks("a`nb"), vec![word("a\nb")]);
    }

    #[test]
    fn unterminated_strings() {
        let e = Lexer::new("x 'abc").next(false).and_then(|_| Lexer::new("'abc").next(false)).unwrap_err();
        assert_eq!(e.message, "The string is missing the terminator: '.");
        assert_eq!(e.id, "TerminatorExpectedAtEndOfString");
        assert_eq!(e.span, Span::new(0, 4));
        let e = Lexer::new("\"abc").next(false).unwrap_err();
        assert_eq!(e.message, "The string is missing the terminator: \".");
    }

    #[test]
    fn expression_mode_splits_at_equals() {
        let mut lx = Lexer::new("key=value");
        assert_eq!(lx.next(true).unwrap().tok, word("key"));
        assert_eq!(lx.next(true).unwrap().tok, Tok::Eq);
        assert_eq!(lx.next(true).unwrap().tok, word("value"));
        assert_eq!(toks("key=value"), vec![word("key=value")]);
    }

    #[test]
    fn spans_count_characters() {
        let mut lx = Lexer::new("\u{2013}Na 'é'");
        assert_eq!(lx.next(false).unwrap().span, Span::new(0, 3));
        assert_eq!(lx.next(false).unwrap().span, Span::new(4, 7));
    }
}
