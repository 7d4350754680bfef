//! The values side of expressions: PowerShell's conversions, truth,
//! operators (comparison case-insensitive unless `c`-prefixed, collections
//! on the left filter), member access with member enumeration, indexes and
//! a few string methods; and a small regular-expression engine for `-match`,
//! `-replace` and `-split` (.NET syntax: classes, groups, alternation,
//! quantifiers, anchors).

use super::format::{PsValue, lookup, wildcard, wildcard_cs};
use super::lexer::COMPARISON_OPS;
use std::cmp::Ordering;

/// An error of evaluation, before it gets its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    pub message: String,
    pub category: &'static str,
    pub id: &'static str,
}

fn err(message: String, category: &'static str, id: &'static str) -> EvalError {
    EvalError { message, category, id }
}

fn unsupported(message: String) -> EvalError {
    err(message, "NotImplemented", "NotSupportedInSimulator")
}

type R = Result<PsValue, EvalError>;

/// PowerShell's truth: `$null`, `$false`, 0, '' and empty arrays are false;
/// a one-item array is as true as its item.
pub fn truthy(v: &PsValue) -> bool {
    match v {
        PsValue::Null => false,
        PsValue::Bool(b) => *b,
        PsValue::Int(n) => *n != 0,
        PsValue::Double(f) => *f != 0.0,
        PsValue::Str(s) => !s.is_empty(),
        PsValue::List(l) => match l.as_slice() {
            [] => false,
            [one] => truthy(one),
            _ => true,
        },
        _ => true,
    }
}

/// Pipeline output as one value: nothing, the one item, or an array.
pub fn collapse(mut items: Vec<PsValue>) -> PsValue {
    match items.len() {
        0 => PsValue::Null,
        1 => items.pop().unwrap(),
        _ => PsValue::List(items),
    }
}

/// A value as a number, if it is or converts to one.
fn number(v: &PsValue) -> Option<PsValue> {
    match v {
        PsValue::Int(_) | PsValue::Double(_) => Some(v.clone()),
        PsValue::Bool(b) => Some(PsValue::Int((*b).into())),
        PsValue::Null => Some(PsValue::Int(0)),
        PsValue::Str(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Some(PsValue::Int(0));
            }
            t.parse::<i64>()
                .map(PsValue::Int)
                .ok()
                .or_else(|| t.strip_prefix("0x").and_then(|h| i64::from_str_radix(h, 16).ok()).map(PsValue::Int))
                .or_else(|| t.parse::<f64>().ok().filter(|f| f.is_finite()).map(PsValue::Double))
        }
        _ => None,
    }
}

fn as_f64(v: &PsValue) -> f64 {
    match v {
        PsValue::Int(n) => *n as f64,
        PsValue::Double(f) => *f,
        _ => 0.0,
    }
}

fn to_number(v: &PsValue, to: &str) -> R {
    number(v).ok_or_else(|| {
        err(
            format!(
                "Cannot convert value \"{}\" to type \"{to}\". Error: \"Input string was not in a correct format.\"",
                v.to_arg_string()
            ),
            "InvalidArgument",
            "InvalidCastFromStringToInteger",
        )
    })
}

fn fold(s: &str, cs: bool) -> String {
    if cs { s.to_string() } else { s.to_lowercase() }
}

/// `l -eq r`, converting `r` to the type of `l`.
pub fn equals(l: &PsValue, r: &PsValue, cs: bool) -> bool {
    match (l, r) {
        (PsValue::Null, PsValue::Null) => true,
        (PsValue::Null, _) | (_, PsValue::Null) => false,
        (PsValue::Str(a), b) => fold(a, cs) == fold(&b.to_arg_string(), cs),
        (PsValue::Int(_) | PsValue::Double(_), b) => number(b).is_some_and(|b| as_f64(l) == as_f64(&b)),
        (PsValue::Bool(a), b) => *a == truthy(b),
        (a, b) => a == b,
    }
}

/// How `l` compares with `r` (for -gt, -lt and sorting).
pub fn compare(l: &PsValue, r: &PsValue, cs: bool) -> Ordering {
    match (l, r) {
        (PsValue::Null, PsValue::Null) => Ordering::Equal,
        (PsValue::Null, _) => Ordering::Less,
        (_, PsValue::Null) => Ordering::Greater,
        (PsValue::Int(_) | PsValue::Double(_) | PsValue::Bool(_), b) => match number(b) {
            Some(b) => as_f64(&number(l).unwrap_or(PsValue::Int(0))).total_cmp(&as_f64(&b)),
            None => fold(&l.to_arg_string(), cs).cmp(&fold(&b.to_arg_string(), cs)),
        },
        (a, b) => {
            let (x, y) = (a.to_arg_string(), b.to_arg_string());
            match fold(&x, false).cmp(&fold(&y, false)) {
                Ordering::Equal if cs => x.cmp(&y),
                o => o,
            }
        }
    }
}

fn items(v: &PsValue) -> Vec<PsValue> {
    match v {
        PsValue::List(l) => l.clone(),
        PsValue::Null => Vec::new(),
        v => vec![v.clone()],
    }
}

/// What `-match` found: the whole match and the groups, for `$Matches`.
pub type Captures = Vec<(String, PsValue)>;

/// A binary operator. `matches` receives `$Matches` after a scalar -match.
pub fn binary(op: &str, l: &PsValue, r: &PsValue, matches: &mut Option<Captures>) -> R {
    let (cs, base) = match op.strip_prefix('c').or(op.strip_prefix('i')) {
        Some(b) if COMPARISON_OPS.contains(&b) || matches!(b, "replace" | "split") => (op.starts_with('c'), b),
        _ => (false, op),
    };
    if COMPARISON_OPS.contains(&base) {
        if let PsValue::List(list) = l
            && !matches!(base, "contains" | "notcontains" | "in" | "notin")
        {
            let mut out = Vec::new();
            for item in list {
                if truthy(&compare_op(base, item, r, cs, &mut None)?) {
                    out.push(item.clone());
                }
            }
            return Ok(PsValue::List(out));
        }
        return compare_op(base, l, r, cs, matches);
    }
    Ok(match base {
        "and" => PsValue::Bool(truthy(l) && truthy(r)),
        "or" => PsValue::Bool(truthy(l) || truthy(r)),
        "xor" => PsValue::Bool(truthy(l) != truthy(r)),
        "+" => add(l, r)?,
        "-" | "*" | "/" | "%" => arith(base, l, r)?,
        "band" | "bor" | "bxor" | "shl" | "shr" => {
            let (PsValue::Int(a), PsValue::Int(b)) = (to_number(l, "System.Int64")?, to_number(r, "System.Int64")?)
            else {
                return Err(unsupported(format!("The -{base} operator works on whole numbers only.")));
            };
            PsValue::Int(match base {
                "band" => a & b,
                "bor" => a | b,
                "bxor" => a ^ b,
                "shl" => a.checked_shl(b as u32).unwrap_or(0),
                _ => a.checked_shr(b as u32).unwrap_or(0),
            })
        }
        ".." => {
            let (a, b) = (to_number(l, "System.Int32")?, to_number(r, "System.Int32")?);
            let (a, b) = (as_f64(&a).round() as i64, as_f64(&b).round() as i64);
            if a.abs_diff(b) > 100_000 {
                return Err(unsupported(format!(
                    "The range {a}..{b} has more than 100000 numbers, more than this simulator makes."
                )));
            }
            let v: Vec<PsValue> =
                if a <= b { (a..=b).map(PsValue::Int).collect() } else { (b..=a).rev().map(PsValue::Int).collect() };
            PsValue::List(v)
        }
        "f" => PsValue::Str(format_op(&l.to_arg_string(), &items(r))?),
        "replace" => {
            let args = items(r);
            let pattern = args.first().map(PsValue::to_arg_string).unwrap_or_default();
            let with = args.get(1).map(PsValue::to_arg_string).unwrap_or_default();
            let re = Regex::new(&pattern, !cs)?;
            let apply = |s: &PsValue| PsValue::Str(re.replace(&s.to_arg_string(), &with));
            match l {
                PsValue::List(xs) => PsValue::List(xs.iter().map(apply).collect()),
                v => apply(v),
            }
        }
        "split" => {
            let re = Regex::new(&r.to_arg_string(), !cs)?;
            let mut out = Vec::new();
            for s in items(l) {
                out.extend(re.split(&s.to_arg_string()).into_iter().map(PsValue::Str));
            }
            PsValue::List(out)
        }
        "join" => {
            PsValue::Str(items(l).iter().map(PsValue::to_arg_string).collect::<Vec<_>>().join(&r.to_arg_string()))
        }
        "is" | "isnot" | "as" => {
            return Err(unsupported(format!(
                "The -{base} operator needs .NET types, which this simulator does not have."
            )));
        }
        "==" => {
            return Err(err(
                "The '==' operator is not supported. PowerShell compares with -eq, for example: $x -eq 1.".into(),
                "ParserError",
                "EqualsNotSupported",
            ));
        }
        _ => return Err(unsupported(format!("The -{base} operator is not supported by this simulator."))),
    })
}

fn compare_op(op: &str, l: &PsValue, r: &PsValue, cs: bool, matches: &mut Option<Captures>) -> R {
    let b = match op {
        "eq" => equals(l, r, cs),
        "ne" => !equals(l, r, cs),
        "gt" => compare(l, r, cs) == Ordering::Greater,
        "ge" => compare(l, r, cs) != Ordering::Less,
        "lt" => compare(l, r, cs) == Ordering::Less,
        "le" => compare(l, r, cs) != Ordering::Greater,
        "like" | "notlike" => {
            let (p, t) = (r.to_arg_string(), l.to_arg_string());
            let m = if cs { wildcard_cs(&p, &t) } else { wildcard(&p, &t) };
            m == (op == "like")
        }
        "match" | "notmatch" => {
            let re = Regex::new(&r.to_arg_string(), !cs)?;
            let found = re.captures(&l.to_arg_string());
            let hit = found.is_some();
            if let Some(groups) = found
                && op == "match"
            {
                *matches = Some(
                    groups
                        .into_iter()
                        .enumerate()
                        .filter_map(|(i, g)| g.map(|g| (i.to_string(), PsValue::Str(g))))
                        .collect(),
                );
            }
            hit == (op == "match")
        }
        "contains" => items(l).iter().any(|x| equals(x, r, cs)),
        "notcontains" => !items(l).iter().any(|x| equals(x, r, cs)),
        "in" => items(r).iter().any(|x| equals(x, l, cs)),
        _ => !items(r).iter().any(|x| equals(x, l, cs)),
    };
    Ok(PsValue::Bool(b))
}

fn add(l: &PsValue, r: &PsValue) -> R {
    Ok(match (l, r) {
        (PsValue::Null, r) => r.clone(),
        (PsValue::List(a), PsValue::List(b)) => PsValue::List(a.iter().chain(b).cloned().collect()),
        (PsValue::List(a), b) => PsValue::List(a.iter().cloned().chain([b.clone()]).collect()),
        (PsValue::Str(a), b) => PsValue::Str(format!("{a}{}", b.to_arg_string())),
        (PsValue::Hash(a), PsValue::Hash(b)) => {
            let mut out = a.clone();
            for (k, v) in b {
                if lookup(a, k).is_some() {
                    return Err(err(
                        format!("Item has already been added. Key in dictionary: '{k}'    Key being added: '{k}'"),
                        "OperationStopped",
                        "System.ArgumentException",
                    ));
                }
                out.push((k.clone(), v.clone()));
            }
            PsValue::Hash(out)
        }
        _ => arith("+", l, r)?,
    })
}

fn arith(op: &str, l: &PsValue, r: &PsValue) -> R {
    if op == "*" {
        if let (PsValue::Str(s), n) = (l, r) {
            let n = as_f64(&to_number(n, "System.Int32")?).max(0.0) as usize;
            return Ok(PsValue::Str(s.repeat(n.min(100_000 / s.len().max(1)))));
        }
        if let (PsValue::List(xs), n) = (l, r) {
            let n = as_f64(&to_number(n, "System.Int32")?).max(0.0) as usize;
            return Ok(PsValue::List(xs.iter().cycle().take(xs.len() * n.min(10_000)).cloned().collect()));
        }
    }
    if matches!(l, PsValue::List(_) | PsValue::Hash(_) | PsValue::Obj(_)) {
        return Err(err(
            format!(
                "Method invocation failed because [{}] does not contain a method named 'op_{}'.",
                l.type_name(),
                match op {
                    "-" => "Subtraction",
                    "*" => "Multiply",
                    "/" => "Division",
                    "%" => "Modulus",
                    _ => "Addition",
                }
            ),
            "InvalidOperation",
            "MethodNotFound",
        ));
    }
    let target = if matches!(l, PsValue::Double(_)) { "System.Double" } else { "System.Int32" };
    let (a, b) = (to_number(l, target)?, to_number(r, target)?);
    if let (PsValue::Int(x), PsValue::Int(y)) = (&a, &b) {
        let (x, y) = (*x, *y);
        if matches!(op, "/" | "%") && y == 0 {
            return Err(err("Attempted to divide by zero.".into(), "NotSpecified", "RuntimeException"));
        }
        let exact = match op {
            "+" => x.checked_add(y),
            "-" => x.checked_sub(y),
            "*" => x.checked_mul(y),
            "%" => x.checked_rem(y),
            _ => (x % y == 0).then(|| x / y),
        };
        if let Some(n) = exact {
            return Ok(PsValue::Int(n));
        }
    }
    let (x, y) = (as_f64(&a), as_f64(&b));
    if matches!(op, "/" | "%") && y == 0.0 {
        return Err(err("Attempted to divide by zero.".into(), "NotSpecified", "RuntimeException"));
    }
    Ok(PsValue::Double(match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        _ => x % y,
    }))
}

/// `'{0} has {1}' -f $a, $b`.
fn format_op(fmt: &str, args: &[PsValue]) -> Result<String, EvalError> {
    let bad = || {
        err(
            "Error formatting a string: Input string was not in a correct format..".into(),
            "InvalidOperation",
            "FormatError",
        )
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => {
                out.push('{');
                i += 2;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                out.push('}');
                i += 2;
            }
            '{' => {
                let end = (i..chars.len()).find(|&j| chars[j] == '}').ok_or_else(bad)?;
                let spec: String = chars[i + 1..end].iter().collect();
                let (idx, width) = match spec.split_once(',') {
                    Some((a, w)) => (a, w.split(':').next().unwrap_or("").trim().parse::<i64>().ok()),
                    None => (spec.as_str(), None),
                };
                let idx: usize = idx.split(':').next().unwrap_or("").trim().parse().map_err(|_| bad())?;
                let text = args.get(idx).ok_or_else(bad)?.to_arg_string();
                match width {
                    Some(w) if w > 0 => out += &format!("{text:>w$}", w = w as usize),
                    Some(w) => out += &format!("{text:<w$}", w = (-w) as usize),
                    None => out += &text,
                }
                i = end + 1;
            }
            '}' => return Err(bad()),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A unary operator.
pub fn unary(op: &str, v: &PsValue) -> R {
    Ok(match op {
        "not" | "!" => PsValue::Bool(!truthy(v)),
        "," => PsValue::List(vec![v.clone()]),
        "-" => match to_number(v, "System.Int32")? {
            PsValue::Int(n) => n.checked_neg().map_or(PsValue::Double(-(n as f64)), PsValue::Int),
            n => PsValue::Double(-as_f64(&n)),
        },
        "+" => to_number(v, "System.Int32")?,
        "bnot" => match to_number(v, "System.Int32")? {
            PsValue::Int(n) => PsValue::Int(!n),
            _ => return Err(unsupported("The -bnot operator works on whole numbers only.".into())),
        },
        "join" => PsValue::Str(items(v).iter().map(PsValue::to_arg_string).collect()),
        "split" => PsValue::List(
            items(v)
                .iter()
                .flat_map(|s| s.to_arg_string().split_whitespace().map(|w| PsValue::Str(w.into())).collect::<Vec<_>>())
                .collect(),
        ),
        _ => return Err(unsupported(format!("The '{op}' operator is not supported by this simulator."))),
    })
}

/// `$v.Name`: a property, a count, a hash table key; over an array, each
/// item's member (member enumeration, PowerShell 3 and later).
pub fn member(v: &PsValue, name: &str) -> PsValue {
    let count = name.eq_ignore_ascii_case("Count") || name.eq_ignore_ascii_case("Length");
    match v {
        PsValue::Obj(o) => o.get(name).cloned().unwrap_or(if count { PsValue::Int(1) } else { PsValue::Null }),
        PsValue::List(l) if count || name.eq_ignore_ascii_case("LongLength") => PsValue::Int(l.len() as i64),
        PsValue::List(l) => {
            let mut out = Vec::new();
            for item in l {
                match member(item, name) {
                    PsValue::Null => {}
                    PsValue::List(inner) => out.extend(inner),
                    x => out.push(x),
                }
            }
            collapse(out)
        }
        PsValue::Hash(h) => match lookup(h, name) {
            Some(x) => x.clone(),
            None if name.eq_ignore_ascii_case("Count") => PsValue::Int(h.len() as i64),
            None if name.eq_ignore_ascii_case("Keys") => {
                PsValue::List(h.iter().map(|(k, _)| PsValue::Str(k.clone())).collect())
            }
            None if name.eq_ignore_ascii_case("Values") => PsValue::List(h.iter().map(|(_, v)| v.clone()).collect()),
            None => PsValue::Null,
        },
        PsValue::Str(s) if name.eq_ignore_ascii_case("Length") => PsValue::Int(s.chars().count() as i64),
        PsValue::Null if count => PsValue::Int(0),
        PsValue::Null => PsValue::Null,
        _ if count => PsValue::Int(1),
        _ => PsValue::Null,
    }
}

/// `$v[i]`: negative indexes count from the end; an array of indexes picks
/// several items.
pub fn index(v: &PsValue, i: &PsValue) -> R {
    if let PsValue::List(is) = i {
        let mut out = Vec::new();
        for x in is {
            match index(v, x)? {
                PsValue::Null => {}
                y => out.push(y),
            }
        }
        return Ok(PsValue::List(out));
    }
    let at = |len: usize| -> Result<Option<usize>, EvalError> {
        let n = match to_number(i, "System.Int32")? {
            PsValue::Int(n) => n,
            f => as_f64(&f) as i64,
        };
        let k = if n < 0 { len as i64 + n } else { n };
        Ok((0..len as i64).contains(&k).then_some(k as usize))
    };
    Ok(match v {
        PsValue::Null => {
            return Err(err("Cannot index into a null array.".into(), "InvalidOperation", "NullArray"));
        }
        PsValue::List(l) => at(l.len())?.map_or(PsValue::Null, |k| l[k].clone()),
        PsValue::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            at(chars.len())?.map_or(PsValue::Null, |k| PsValue::Str(chars[k].to_string()))
        }
        PsValue::Hash(h) => lookup(h, &i.to_arg_string()).cloned().unwrap_or(PsValue::Null),
        PsValue::Obj(_) | PsValue::Bool(_) | PsValue::Int(_) | PsValue::Double(_) => {
            at(1)?.map_or(PsValue::Null, |_| v.clone())
        }
        other => {
            return Err(err(
                format!("Unable to index into an object of type {}.", other.type_name()),
                "InvalidOperation",
                "CannotIndex",
            ));
        }
    })
}

/// The string methods the simulator runs (`.ToUpper()`, `.Contains('x')`…).
pub fn method(v: &PsValue, name: &str, args: &[PsValue]) -> R {
    let arg = |i: usize| args.get(i).map(PsValue::to_arg_string).unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    if lower == "tostring" && args.is_empty() {
        return Ok(PsValue::Str(v.to_arg_string()));
    }
    if let PsValue::List(l) = v
        && lower == "contains"
    {
        return Ok(PsValue::Bool(l.iter().any(|x| equals(x, args.first().unwrap_or(&PsValue::Null), true))));
    }
    let PsValue::Str(s) = v else {
        return Err(unsupported(format!(
            "Method invocation is not supported by this simulator for {}.{name}(); it runs the string methods ToUpper, ToLower, Trim, Contains, StartsWith, EndsWith, Replace, Split, Substring and IndexOf.",
            v.type_name()
        )));
    };
    Ok(match (lower.as_str(), args.len()) {
        ("toupper", 0) => PsValue::Str(s.to_uppercase()),
        ("tolower", 0) => PsValue::Str(s.to_lowercase()),
        ("trim", 0) => PsValue::Str(s.trim().into()),
        ("trimstart", 0) => PsValue::Str(s.trim_start().into()),
        ("trimend", 0) => PsValue::Str(s.trim_end().into()),
        ("contains", 1) => PsValue::Bool(s.contains(&arg(0))),
        ("startswith", 1) => PsValue::Bool(s.starts_with(&arg(0))),
        ("endswith", 1) => PsValue::Bool(s.ends_with(&arg(0))),
        ("replace", 2) => PsValue::Str(s.replace(&arg(0), &arg(1))),
        ("split", 1) => {
            let seps: Vec<char> = arg(0).chars().collect();
            PsValue::List(s.split(|c| seps.contains(&c)).map(|p| PsValue::Str(p.into())).collect())
        }
        ("indexof", 1) => PsValue::Int(s.find(&arg(0)).map_or(-1, |b| s[..b].chars().count() as i64)),
        ("substring", 1 | 2) => {
            let chars: Vec<char> = s.chars().collect();
            let start = as_f64(&to_number(&args[0], "System.Int32")?) as usize;
            let len = match args.get(1) {
                Some(n) => as_f64(&to_number(n, "System.Int32")?) as usize,
                None => chars.len().saturating_sub(start),
            };
            if start > chars.len() || start + len > chars.len() {
                return Err(err(
                    format!(
                        "Exception calling \"Substring\" with \"{}\" argument(s): \"Index and length must refer to a location within the string.\"",
                        args.len()
                    ),
                    "NotSpecified",
                    "ArgumentOutOfRangeException",
                ));
            }
            PsValue::Str(chars[start..start + len].iter().collect())
        }
        _ => {
            return Err(unsupported(format!(
                "Method invocation is not supported by this simulator for System.String.{name}() with {} argument(s); it runs ToUpper, ToLower, Trim, Contains, StartsWith, EndsWith, Replace, Split, Substring and IndexOf.",
                args.len()
            )));
        }
    })
}

// ---- Regular expressions ----

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Any,
    Class(Vec<(char, char)>, bool),
    Start,
    End,
    WordBoundary(bool),
    Group(Box<Alt>, Option<usize>),
}

#[derive(Clone, Debug)]
struct Piece {
    node: Node,
    min: usize,
    max: usize,
    greedy: bool,
}

#[derive(Clone, Debug)]
struct Alt(Vec<Vec<Piece>>);

/// A match: its start, its end and each group's span.
type Found = (usize, usize, Vec<Option<(usize, usize)>>);

/// A compiled pattern.
pub struct Regex {
    alt: Alt,
    groups: usize,
    ci: bool,
}

struct Compile<'a> {
    p: &'a [char],
    i: usize,
    groups: usize,
}

fn class_escape(c: char) -> Option<(Vec<(char, char)>, bool)> {
    let digit = vec![('0', '9')];
    let word = vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')];
    let space = vec![(' ', ' '), ('\t', '\r')];
    Some(match c {
        'd' => (digit, false),
        'D' => (digit, true),
        'w' => (word, false),
        'W' => (word, true),
        's' => (space, false),
        'S' => (space, true),
        _ => return None,
    })
}

fn escaped(c: char) -> char {
    match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        c => c,
    }
}

impl Compile<'_> {
    fn alt(&mut self) -> Result<Alt, ()> {
        let mut branches = vec![self.seq()?];
        while self.p.get(self.i) == Some(&'|') {
            self.i += 1;
            branches.push(self.seq()?);
        }
        Ok(Alt(branches))
    }

    fn seq(&mut self) -> Result<Vec<Piece>, ()> {
        let mut out = Vec::new();
        while let Some(&c) = self.p.get(self.i) {
            if c == '|' || c == ')' {
                break;
            }
            self.i += 1;
            let node = match c {
                '.' => Node::Any,
                '^' => Node::Start,
                '$' => Node::End,
                '(' => {
                    let capture = if self.p.get(self.i) == Some(&'?') && self.p.get(self.i + 1) == Some(&':') {
                        self.i += 2;
                        None
                    } else {
                        self.groups += 1;
                        Some(self.groups)
                    };
                    let inner = self.alt()?;
                    if self.p.get(self.i) != Some(&')') {
                        return Err(());
                    }
                    self.i += 1;
                    Node::Group(Box::new(inner), capture)
                }
                '[' => self.class()?,
                '\\' => {
                    let e = *self.p.get(self.i).ok_or(())?;
                    self.i += 1;
                    match e {
                        'b' => Node::WordBoundary(true),
                        'B' => Node::WordBoundary(false),
                        e => match class_escape(e) {
                            Some((r, neg)) => Node::Class(r, neg),
                            None => Node::Char(escaped(e)),
                        },
                    }
                }
                '*' | '+' | '?' => return Err(()),
                c => Node::Char(c),
            };
            let (min, max, used) = match self.p.get(self.i) {
                Some('*') => (0, usize::MAX, 1),
                Some('+') => (1, usize::MAX, 1),
                Some('?') => (0, 1, 1),
                Some('{') => self.braces().unwrap_or((1, 1, 0)),
                _ => (1, 1, 0),
            };
            self.i += used;
            let greedy = !(used > 0 && self.p.get(self.i) == Some(&'?'));
            if !greedy {
                self.i += 1;
            }
            if used > 0 && matches!(self.p.get(self.i), Some('*' | '+')) {
                return Err(());
            }
            out.push(Piece { node, min, max, greedy });
        }
        Ok(out)
    }

    /// `{n}`, `{n,}`, `{n,m}` at the current position: the bounds and how
    /// many characters it takes; None for a literal brace.
    fn braces(&self) -> Option<(usize, usize, usize)> {
        let rest: String = self.p[self.i..].iter().collect();
        let end = rest.find('}')?;
        let inner = &rest[1..end];
        let (lo, hi) = match inner.split_once(',') {
            None => {
                let n = inner.parse().ok()?;
                (n, n)
            }
            Some((a, "")) => (a.parse().ok()?, usize::MAX),
            Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        };
        Some((lo, hi, rest[..=end].chars().count()))
    }

    fn class(&mut self) -> Result<Node, ()> {
        let mut neg = false;
        if self.p.get(self.i) == Some(&'^') {
            neg = true;
            self.i += 1;
        }
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let c = *self.p.get(self.i).ok_or(())?;
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                let e = *self.p.get(self.i).ok_or(())?;
                self.i += 1;
                if let Some((r, false)) = class_escape(e) {
                    ranges.extend(r);
                    continue;
                }
                escaped(e)
            } else {
                c
            };
            if self.p.get(self.i) == Some(&'-') && self.p.get(self.i + 1).is_some_and(|&n| n != ']') {
                let hi = self.p[self.i + 1];
                self.i += 2;
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Ok(Node::Class(ranges, neg))
    }
}

struct Matcher<'a> {
    t: &'a [char],
    ci: bool,
    caps: Vec<Option<(usize, usize)>>,
    steps: usize,
}

const STEP_LIMIT: usize = 200_000;

impl Matcher<'_> {
    fn eq(&self, a: char, b: char) -> bool {
        a == b || (self.ci && a.to_lowercase().eq(b.to_lowercase()))
    }

    fn single(&self, node: &Node, i: usize) -> Option<usize> {
        let c = *self.t.get(i)?;
        let ok = match node {
            Node::Char(x) => self.eq(*x, c),
            Node::Any => c != '\n',
            Node::Class(ranges, neg) => {
                let hit = ranges.iter().any(|&(lo, hi)| {
                    (lo..=hi).contains(&c)
                        || (self.ci && c.to_lowercase().chain(c.to_uppercase()).any(|d| (lo..=hi).contains(&d)))
                });
                hit != *neg
            }
            _ => return None,
        };
        ok.then_some(i + 1)
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_')
    }

    /// Matches `seq[k..]` then `rest` at `i`.
    fn seq(&mut self, seq: &[Piece], k: usize, i: usize, rest: &mut dyn FnMut(&mut Self, usize) -> bool) -> bool {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return false;
        }
        let Some(piece) = seq.get(k) else { return rest(self, i) };
        match &piece.node {
            Node::Start => i == 0 && self.seq(seq, k + 1, i, rest),
            Node::End => {
                (i == self.t.len() || (i + 1 == self.t.len() && self.t[i] == '\n')) && self.seq(seq, k + 1, i, rest)
            }
            Node::WordBoundary(want) => {
                let at = i > 0 && self.is_word(i - 1);
                (at != self.is_word(i)) == *want && self.seq(seq, k + 1, i, rest)
            }
            _ => self.repeat(seq, k, i, 0, rest),
        }
    }

    fn repeat(
        &mut self,
        seq: &[Piece],
        k: usize,
        i: usize,
        count: usize,
        rest: &mut dyn FnMut(&mut Self, usize) -> bool,
    ) -> bool {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return false;
        }
        let piece = &seq[k];
        let can_more = count < piece.max;
        let can_stop = count >= piece.min;
        // Greedy: one more repetition first; lazy: the rest first.
        let order = if piece.greedy { [true, false] } else { [false, true] };
        for more in order {
            let hit = if more {
                can_more && self.more(seq, k, i, count, rest)
            } else {
                can_stop && self.seq(seq, k + 1, i, rest)
            };
            if hit {
                return true;
            }
        }
        false
    }

    /// One more repetition of `seq[k]` at `i`, then the rest.
    fn more(
        &mut self,
        seq: &[Piece],
        k: usize,
        i: usize,
        count: usize,
        rest: &mut dyn FnMut(&mut Self, usize) -> bool,
    ) -> bool {
        let piece = &seq[k];
        match &piece.node {
            Node::Group(alt, cap) => {
                let cap = *cap;
                self.alt(alt, i, &mut |m: &mut Self, j: usize| {
                    if j == i && count >= piece.min {
                        return false;
                    }
                    let saved = cap.map(|c| m.caps[c]);
                    if let Some(c) = cap {
                        m.caps[c] = Some((i, j));
                    }
                    if m.repeat(seq, k, j, count + 1, rest) {
                        return true;
                    }
                    if let (Some(c), Some(s)) = (cap, saved) {
                        m.caps[c] = s;
                    }
                    false
                })
            }
            node => match self.single(node, i) {
                Some(j) => self.repeat(seq, k, j, count + 1, rest),
                None => false,
            },
        }
    }

    fn alt(&mut self, alt: &Alt, i: usize, rest: &mut dyn FnMut(&mut Self, usize) -> bool) -> bool {
        alt.0.iter().any(|branch| self.seq(branch, 0, i, rest))
    }
}

impl Regex {
    /// Compiles `.NET`-style pattern text; `ci`: ignore case.
    pub fn new(pattern: &str, ci: bool) -> Result<Regex, EvalError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut c = Compile { p: &chars, i: 0, groups: 0 };
        match c.alt() {
            Ok(alt) if c.i == chars.len() => Ok(Regex { alt, groups: c.groups, ci }),
            _ => Err(err(
                format!("The regular expression pattern {pattern} is not valid."),
                "InvalidOperation",
                "InvalidRegularExpression",
            )),
        }
    }

    /// The first match at or after `from`: (start, end, groups).
    fn find_at(&self, t: &[char], from: usize) -> Option<Found> {
        let mut m = Matcher { t, ci: self.ci, caps: vec![None; self.groups + 1], steps: 0 };
        for start in from..=t.len() {
            let mut end = None;
            m.caps = vec![None; self.groups + 1];
            if m.alt(&self.alt, start, &mut |_, j| {
                end = Some(j);
                true
            }) {
                return end.map(|e| (start, e, m.caps.clone()));
            }
            if m.steps > STEP_LIMIT {
                return None;
            }
        }
        None
    }

    /// The whole match and each group, if the pattern matches.
    pub fn captures(&self, text: &str) -> Option<Vec<Option<String>>> {
        let t: Vec<char> = text.chars().collect();
        let (s, e, caps) = self.find_at(&t, 0)?;
        let mut out = vec![Some(t[s..e].iter().collect())];
        out.extend(caps.into_iter().skip(1).map(|g| g.map(|(a, b)| t[a..b].iter().collect())));
        Some(out)
    }

    /// Replaces every match; `$0`, `$1`… in `with` stand for the groups.
    pub fn replace(&self, text: &str, with: &str) -> String {
        let t: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        while at <= t.len() {
            let Some((s, e, caps)) = self.find_at(&t, at) else { break };
            out.extend(&t[at..s]);
            let w: Vec<char> = with.chars().collect();
            let mut i = 0;
            while i < w.len() {
                if w[i] == '$' && w.get(i + 1).is_some_and(char::is_ascii_digit) {
                    let g = w[i + 1].to_digit(10).unwrap_or(0) as usize;
                    let span = if g == 0 { Some((s, e)) } else { caps.get(g).copied().flatten() };
                    if let Some((a, b)) = span {
                        out.extend(&t[a..b]);
                    }
                    i += 2;
                } else {
                    out.push(w[i]);
                    i += 1;
                }
            }
            if e == s {
                if s < t.len() {
                    out.push(t[s]);
                }
                at = s + 1;
            } else {
                at = e;
            }
        }
        if at < t.len() {
            out.extend(&t[at..]);
        }
        out
    }

    /// The pieces between matches.
    pub fn split(&self, text: &str) -> Vec<String> {
        let t: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let (mut at, mut piece) = (0, 0);
        while at <= t.len() {
            let Some((s, e, _)) = self.find_at(&t, at) else { break };
            if e == s {
                if s >= t.len() {
                    break;
                }
                at = s + 1;
                continue;
            }
            out.push(t[piece..s].iter().collect());
            piece = e;
            at = e;
        }
        out.push(t[piece..].iter().collect());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Regex::new(p, true).unwrap().captures(t).is_some()
    }

    #[test]
    fn regexes() {
        assert!(m("fabrikam", "p.dover@FABRIKAM.com"));
        assert!(m("^p\\.dover@", "p.dover@fabrikam.com"));
        assert!(!m("^dover", "p.dover@fabrikam.com"));
        assert!(m("\\.com$", "a@b.com"));
        assert!(m("^[a-z]+\\d{2,3}$", "abc12"));
        assert!(!m("^[a-z]+\\d{2,3}$", "abc1"));
        assert!(m("(contoso|fabrikam)\\.com", "x@fabrikam.com"));
        assert!(m("a.*?b", "axxb"));
        assert!(m("^\\w+@\\w+(\\.\\w+)+$", "janetm@contoso.com"));
        assert!(Regex::new("a", false).unwrap().captures("A").is_none());
        assert_eq!(
            Regex::new("(\\w+)@(\\w+)", true).unwrap().captures("janetm@contoso").unwrap(),
            vec![Some("janetm@contoso".into()), Some("janetm".into()), Some("contoso".into())]
        );
        assert!(Regex::new("(", true).is_err());
        assert!(Regex::new("[a", true).is_err());
        assert!(Regex::new("*a", true).is_err());
        assert_eq!(Regex::new("o", true).unwrap().replace("contoso", "0"), "c0nt0s0");
        assert_eq!(Regex::new("(\\w+)@", true).unwrap().replace("a@b", "$1 at "), "a at b");
        assert_eq!(Regex::new("[.@]", true).unwrap().split("a.b@c"), vec!["a", "b", "c"]);
        // A pathological pattern gives up instead of hanging.
        assert!(!m("(a*)*b", &"a".repeat(40)));
    }

    #[test]
    fn comparisons_are_case_insensitive_and_convert_the_right_side() {
        let s = |x: &str| PsValue::Str(x.into());
        let b = |op: &str, l: &PsValue, r: &PsValue| binary(op, l, r, &mut None).unwrap();
        assert_eq!(b("eq", &s("Contoso"), &s("contoso")), PsValue::Bool(true));
        assert_eq!(b("ceq", &s("Contoso"), &s("contoso")), PsValue::Bool(false));
        assert_eq!(b("like", &s("p.dover@fabrikam.com"), &s("*FABRIKAM*")), PsValue::Bool(true));
        assert_eq!(b("clike", &s("p.dover@fabrikam.com"), &s("*FABRIKAM*")), PsValue::Bool(false));
        assert_eq!(b("eq", &PsValue::Int(5), &s("5")), PsValue::Bool(true));
        assert_eq!(b("gt", &PsValue::Int(10), &s("9")), PsValue::Bool(true));
        assert_eq!(b("gt", &s("10"), &s("9")), PsValue::Bool(false), "strings compare as strings");
        assert_eq!(b("eq", &PsValue::Bool(true), &s("false")), PsValue::Bool(true));
        assert_eq!(
            b("eq", &PsValue::List(vec![PsValue::Int(1), PsValue::Int(2), PsValue::Int(1)]), &PsValue::Int(1)),
            PsValue::List(vec![PsValue::Int(1), PsValue::Int(1)])
        );
        assert_eq!(b("contains", &PsValue::List(vec![s("A"), s("b")]), &s("a")), PsValue::Bool(true));
        assert_eq!(b("in", &s("B"), &PsValue::List(vec![s("a"), s("b")])), PsValue::Bool(true));
        let mut caps = None;
        assert_eq!(binary("match", &s("janetm@contoso.com"), &s("@(\\w+)"), &mut caps).unwrap(), PsValue::Bool(true));
        assert_eq!(caps.unwrap()[1], ("1".into(), s("contoso")));
        assert_eq!(b("+", &PsValue::Int(1), &s("2")), PsValue::Int(3));
        assert_eq!(b("+", &s("1"), &PsValue::Int(2)), s("12"));
        assert_eq!(b("/", &PsValue::Int(7), &PsValue::Int(2)), PsValue::Double(3.5));
        assert_eq!(b("f", &s("{0} has {1}"), &PsValue::List(vec![s("a"), PsValue::Int(2)])), s("a has 2"));
        assert_eq!(b("join", &PsValue::List(vec![s("a"), s("b")]), &s(",")).to_arg_string(), "a,b");
        assert!(
            binary("+", &PsValue::Int(1), &s("x"), &mut None)
                .unwrap_err()
                .message
                .starts_with("Cannot convert value \"x\"")
        );
        assert_eq!(
            binary("/", &PsValue::Int(1), &PsValue::Int(0), &mut None).unwrap_err().message,
            "Attempted to divide by zero."
        );
    }

    #[test]
    fn members_and_indexes() {
        let list = PsValue::List(vec![PsValue::Str("a".into()), PsValue::Str("bc".into())]);
        assert_eq!(member(&list, "Count"), PsValue::Int(2));
        assert_eq!(member(&list, "Length"), PsValue::Int(2));
        assert_eq!(member(&PsValue::Null, "Count"), PsValue::Int(0));
        assert_eq!(member(&PsValue::Str("abc".into()), "Length"), PsValue::Int(3));
        assert_eq!(index(&list, &PsValue::Int(-1)).unwrap(), PsValue::Str("bc".into()));
        assert_eq!(index(&list, &PsValue::Int(5)).unwrap(), PsValue::Null);
        assert_eq!(index(&PsValue::Null, &PsValue::Int(0)).unwrap_err().id, "NullArray");
        assert_eq!(method(&PsValue::Str("Ab".into()), "ToUpper", &[]).unwrap(), PsValue::Str("AB".into()));
        assert!(
            method(&PsValue::Int(1), "GetType", &[]).unwrap_err().message.contains("not supported by this simulator")
        );
    }
}
