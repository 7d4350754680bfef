//! Objects and how PowerShell shows them: tables (a blank line, the header,
//! a line of dashes as long as each header, the rows, a blank line) and
//! lists (`Name : Value`, names padded to the longest, a blank line around
//! each object). Every column is left-aligned, as the documented
//! Get-MsolAccountSku output is.

use super::parser::Pipeline;

/// A value: what a property holds, what an argument binds to, what flows
/// through a pipeline.
#[derive(Clone, Debug, PartialEq)]
pub enum PsValue {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<PsValue>),
    /// A hash table, in the order it was written.
    Hash(Vec<(String, PsValue)>),
    Obj(Box<PsObject>),
    Double(f64),
    /// A script block (`{ $_.Name }`), with the source it was typed in (its
    /// errors point there).
    Block(Box<ScriptBlock>),
    /// A SecureString: a credential's password. It never shows its text.
    Secure(String),
    /// An error record merged into the output stream (`2>&1`), rendered.
    Error(String),
}

/// A script block's text, statements and the input they were typed in.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptBlock {
    pub text: String,
    pub body: Vec<Pipeline>,
    pub src: String,
}

/// How an object shows by default (its format.ps1xml view, in PowerShell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultView {
    /// These columns, each at least this wide (0: as wide as the data).
    Table(&'static [(&'static str, usize)]),
    /// Every property, as a list.
    List,
    /// No view: a table of every property if there are at most 4, else a
    /// list (PowerShell's rule; what Select-Object produces).
    Auto,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PsObject {
    /// The .NET type name, e.g. "Microsoft.Online.Administration.Domain".
    pub type_name: String,
    pub props: Vec<(String, PsValue)>,
    pub view: DefaultView,
}

impl PsObject {
    pub fn new(type_name: impl Into<String>, view: DefaultView) -> Self {
        PsObject { type_name: type_name.into(), props: Vec::new(), view }
    }

    /// Adds a property (builder style).
    pub fn with(mut self, name: impl Into<String>, value: impl Into<PsValue>) -> Self {
        self.props.push((name.into(), value.into()));
        self
    }

    /// A property by name, case-insensitively.
    pub fn get(&self, name: &str) -> Option<&PsValue> {
        lookup(&self.props, name)
    }
}

/// The type name of a warning record a host puts among its output objects:
/// the console writes it to the warning stream (`WARNING: …`), not the
/// output.
pub const WARNING_TYPE: &str = "System.Management.Automation.WarningRecord";
/// The type name of a plain string a host returns (as `Get-AadrmSuperUser`
/// returns addresses): the console outputs it as a string.
pub const STRING_TYPE: &str = "System.String";
/// The type name of the object Get-Credential returns.
pub const CREDENTIAL_TYPE: &str = "System.Management.Automation.PSCredential";

impl PsObject {
    /// A warning for the warning stream (see [`WARNING_TYPE`]).
    pub fn warning(message: impl Into<String>) -> Self {
        PsObject::new(WARNING_TYPE, DefaultView::List).with("Message", message.into())
    }

    /// A string for the output stream (see [`STRING_TYPE`]).
    pub fn string(text: impl Into<String>) -> Self {
        PsObject::new(STRING_TYPE, DefaultView::List).with("Value", text.into())
    }

    /// A PSCredential: the user name, and the password as a SecureString.
    pub fn credential(user: &str, password: &str) -> Self {
        const VIEW: &[(&str, usize)] = &[("UserName", 0), ("Password", 0)];
        PsObject::new(CREDENTIAL_TYPE, DefaultView::Table(VIEW))
            .with("UserName", user)
            .with("Password", PsValue::Secure(password.into()))
    }

    /// A credential's user name and password, if this is one.
    pub fn as_credential(&self) -> Option<(&str, &str)> {
        match (self.type_name == CREDENTIAL_TYPE, self.get("UserName"), self.get("Password")) {
            (true, Some(PsValue::Str(u)), Some(PsValue::Secure(p))) => Some((u, p)),
            _ => None,
        }
    }
}

/// Looks a name up case-insensitively (properties, hash table keys, variables).
pub fn lookup<'a>(pairs: &'a [(String, PsValue)], name: &str) -> Option<&'a PsValue> {
    pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v)
}

impl From<&str> for PsValue {
    fn from(s: &str) -> Self {
        PsValue::Str(s.into())
    }
}
impl From<String> for PsValue {
    fn from(s: String) -> Self {
        PsValue::Str(s)
    }
}
impl From<bool> for PsValue {
    fn from(b: bool) -> Self {
        PsValue::Bool(b)
    }
}
impl From<i64> for PsValue {
    fn from(n: i64) -> Self {
        PsValue::Int(n)
    }
}
impl From<u32> for PsValue {
    fn from(n: u32) -> Self {
        PsValue::Int(n.into())
    }
}
impl<T: Into<PsValue>> From<Option<T>> for PsValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(PsValue::Null, Into::into)
    }
}
impl<T: Into<PsValue>> From<Vec<T>> for PsValue {
    fn from(v: Vec<T>) -> Self {
        PsValue::List(v.into_iter().map(Into::into).collect())
    }
}

/// Collections show at most 4 items, then `...` ($FormatEnumerationLimit).
fn braces<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    let shown: Vec<String> = items.iter().take(4).map(show).collect();
    format!("{{{}{}}}", shown.join(", "), if items.len() > 4 { "..." } else { "" })
}

impl PsValue {
    /// As shown in a table cell or list entry: `True`, `{a, b}`, empty for null.
    pub fn display(&self) -> String {
        match self {
            PsValue::Null => String::new(),
            PsValue::Bool(b) => if *b { "True" } else { "False" }.into(),
            PsValue::Int(n) => n.to_string(),
            PsValue::Str(s) => s.clone(),
            PsValue::List(v) => braces(v, PsValue::display),
            PsValue::Hash(h) => braces(h, |(k, v)| format!("[{k}, {}]", v.display())),
            PsValue::Obj(o) => o.type_name.clone(),
            PsValue::Double(f) => double_text(*f),
            PsValue::Block(b) => b.text.clone(),
            PsValue::Secure(_) => "System.Security.SecureString".into(),
            PsValue::Error(e) => e.trim_end().to_string(),
        }
    }

    /// Converted to a string as PowerShell converts arguments: arrays joined
    /// with spaces.
    pub fn to_arg_string(&self) -> String {
        match self {
            PsValue::List(v) => v.iter().map(PsValue::to_arg_string).collect::<Vec<_>>().join(" "),
            PsValue::Hash(_) => "System.Collections.Hashtable".into(),
            v => v.display(),
        }
    }

    /// The value as an argument is named in binding errors.
    pub fn arg_text(&self) -> String {
        match self {
            PsValue::List(_) => "System.Object[]".into(),
            v => v.to_arg_string(),
        }
    }

    pub fn type_name(&self) -> &str {
        match self {
            PsValue::Null => "null",
            PsValue::Bool(_) => "System.Boolean",
            PsValue::Int(_) => "System.Int32",
            PsValue::Str(_) => "System.String",
            PsValue::List(_) => "System.Object[]",
            PsValue::Hash(_) => "System.Collections.Hashtable",
            PsValue::Obj(o) => &o.type_name,
            PsValue::Double(_) => "System.Double",
            PsValue::Block(_) => "System.Management.Automation.ScriptBlock",
            PsValue::Secure(_) => "System.Security.SecureString",
            PsValue::Error(_) => "System.Management.Automation.ErrorRecord",
        }
    }
}

/// A double as PowerShell shows it: whole numbers without a decimal point,
/// others with up to 15 significant digits.
fn double_text(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    if f.abs() >= 1e15 || f.abs() < 1e-5 {
        // .NET's exponent form: 6.022E+23, 1E-05.
        let e = format!("{f:E}");
        let (m, x) = e.split_once('E').unwrap_or((&e, "0"));
        let (sign, digits) = x.strip_prefix('-').map_or(("+", x), |d| ("-", d));
        return format!("{m}E{sign}{digits:0>2}");
    }
    let digits = 14 - f.abs().log10().floor() as i32;
    let s = format!("{:.*}", digits.clamp(0, 20) as usize, f);
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s.parse::<f64>().is_ok() { s } else { f.to_string() }
}

/// PowerShell's `-like`: case-insensitive, `*` any run, `?` one character.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let t: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    wildcard_chars(&p, &t)
}

/// `-clike`: the same, case-sensitive.
pub fn wildcard_cs(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    wildcard_chars(&p, &t)
}

fn wildcard_chars(p: &[char], t: &[char]) -> bool {
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// An insertion sort: the lists here are a few dozen items at most, and the
/// standard library's sorts would each add kilobytes to the WebAssembly.
pub fn sort_small<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?'])
}

/// The properties of `obj` that `patterns` name, in pattern order (a
/// wildcard adds its matches in the object's order). A plain name the object
/// lacks is added with an empty value if `keep_missing` (Select-Object).
pub fn select_props(obj: &PsObject, patterns: &[String], keep_missing: bool) -> Vec<(String, PsValue)> {
    let mut out: Vec<(String, PsValue)> = Vec::new();
    let mut add = |k: &str, v: PsValue| {
        if lookup(&out, k).is_none() {
            out.push((k.to_string(), v));
        }
    };
    for pat in patterns {
        if has_wildcard(pat) {
            obj.props.iter().filter(|(k, _)| wildcard(pat, k)).for_each(|(k, v)| add(k, v.clone()));
        } else if let Some((k, v)) = obj.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(pat)) {
            add(k, v.clone());
        } else if keep_missing {
            add(pat, PsValue::Null);
        }
    }
    out
}

fn pad(out: &mut String, cells: impl Iterator<Item = String>, widths: &[usize]) {
    let mut line = String::new();
    for (cell, w) in cells.zip(widths) {
        line.push_str(&cell);
        line.extend(std::iter::repeat_n(' ', (w + 1).saturating_sub(cell.chars().count())));
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// A table: columns are (header, minimum width).
pub fn table(cols: &[(String, usize)], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, (h, min))| {
            rows.iter().map(|r| r[i].chars().count()).chain([h.chars().count(), *min]).max().unwrap_or(0)
        })
        .collect();
    let mut out = String::from("\n");
    pad(&mut out, cols.iter().map(|(h, _)| h.clone()), &widths);
    pad(&mut out, cols.iter().map(|(h, _)| "-".repeat(h.chars().count())), &widths);
    for r in rows {
        pad(&mut out, r.iter().cloned(), &widths);
    }
    out.push('\n');
    out
}

/// A list: each object's `Name : Value` lines; continuation lines of a
/// multi-line value are indented under the value.
pub fn list(objects: &[Vec<(String, String)>]) -> String {
    let mut out = String::new();
    for o in objects.iter().filter(|o| !o.is_empty()) {
        let w = o.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        out.push('\n');
        for (k, v) in o {
            let mut lines = v.lines();
            let line = format!("{k:<w$} : {}", lines.next().unwrap_or(""));
            out.push_str(line.trim_end());
            out.push('\n');
            for l in lines {
                out.push_str(format!("{:w$}   {l}", "").trim_end());
                out.push('\n');
            }
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn objects(items: &[PsValue]) -> Vec<&PsObject> {
    items.iter().filter_map(|i| if let PsValue::Obj(o) = i { Some(&**o) } else { None }).collect()
}

fn table_of(objs: &[&PsObject], cols: Vec<(String, usize)>) -> String {
    let rows: Vec<Vec<String>> = objs
        .iter()
        .map(|o| cols.iter().map(|(c, _)| o.get(c).map(PsValue::display).unwrap_or_default()).collect())
        .collect();
    table(&cols, &rows)
}

fn list_of(objs: &[&PsObject], patterns: Option<&[String]>) -> String {
    let entries: Vec<Vec<(String, String)>> = objs
        .iter()
        .map(|o| {
            let props = match patterns {
                Some(p) => select_props(o, p, false),
                None => o.props.clone(),
            };
            props.into_iter().map(|(k, v)| (k, v.display())).collect()
        })
        .collect();
    list(&entries)
}

/// Format-Table: the given properties (wildcards expanded against the first
/// object), or the objects' default table columns, or all their properties.
pub fn format_table(items: &[PsValue], props: Option<&[String]>, autosize: bool) -> String {
    let objs = objects(items);
    let Some(first) = objs.first() else { return String::new() };
    let cols = match (props, first.view) {
        (Some(p), _) => select_props(first, p, true).into_iter().map(|(k, _)| (k, 0)).collect(),
        (None, DefaultView::Table(cols)) => {
            cols.iter().map(|(c, w)| (c.to_string(), if autosize { 0 } else { *w })).collect()
        }
        (None, _) => first.props.iter().map(|(k, _)| (k.clone(), 0)).collect(),
    };
    table_of(&objs, cols)
}

/// Format-List: the given properties of each object, or all of them.
pub fn format_list(items: &[PsValue], props: Option<&[String]>) -> String {
    list_of(&objects(items), props)
}

/// A hash table as PowerShell shows one: a Name/Value table.
fn hash_table(h: &[(String, PsValue)]) -> String {
    let rows: Vec<Vec<String>> = h.iter().map(|(k, v)| vec![k.clone(), v.display()]).collect();
    table(&[("Name".into(), 30), ("Value".into(), 0)], &rows)
}

/// What the console shows for a pipeline's output (Out-Default): runs of
/// objects of one type in their default view, strings and numbers one per
/// line, hash tables as Name/Value tables.
pub fn out_default(items: &[PsValue]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            PsValue::Obj(o) => {
                let mut group = vec![&**o];
                while let Some(PsValue::Obj(n)) = items.get(i + 1) {
                    if n.type_name != o.type_name {
                        break;
                    }
                    group.push(n);
                    i += 1;
                }
                out += &match o.view {
                    DefaultView::Table(cols) => {
                        table_of(&group, cols.iter().map(|(c, w)| (c.to_string(), *w)).collect())
                    }
                    DefaultView::Auto if o.props.len() <= 4 => {
                        table_of(&group, o.props.iter().map(|(k, _)| (k.clone(), 0)).collect())
                    }
                    _ => list_of(&group, None),
                };
            }
            PsValue::Null => {}
            PsValue::List(v) => out += &out_default(v),
            PsValue::Hash(h) => out += &hash_table(h),
            PsValue::Error(e) => out += e,
            v => {
                out += &v.display();
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKU_VIEW: &[(&str, usize)] =
        &[("AccountSkuId", 32), ("ActiveUnits", 0), ("WarningUnits", 0), ("ConsumedUnits", 0)];

    fn sku() -> PsValue {
        let o = PsObject::new("Microsoft.Online.Administration.AccountSku", DefaultView::Table(SKU_VIEW))
            .with("AccountSkuId", "YourO365:RIGHTSMANAGEMENT_ADHOC")
            .with("ActiveUnits", 50000u32)
            .with("WarningUnits", 0u32)
            .with("ConsumedUnits", 1u32)
            .with("SkuPartNumber", "RIGHTSMANAGEMENT_ADHOC");
        PsValue::Obj(Box::new(o))
    }

    fn domain(name: &str, status: &str) -> PsValue {
        const VIEW: &[(&str, usize)] = &[("Name", 0), ("Status", 0), ("Authentication", 0)];
        PsValue::Obj(Box::new(
            PsObject::new("Microsoft.Online.Administration.Domain", DefaultView::Table(VIEW))
                .with("Name", name)
                .with("Status", status)
                .with("Authentication", "Managed")
                .with("IsDefault", false)
                .with("Capabilities", vec!["Email", "OfficeCommunicationsOnline"]),
        ))
    }

    #[test]
    fn documented_get_msolaccountsku_output() {
        assert_eq!(
            out_default(&[sku()]),
            "\nAccountSkuId                     ActiveUnits WarningUnits ConsumedUnits\n------------                     ----------- ------------ -------------\nYourO365:RIGHTSMANAGEMENT_ADHOC  50000       0            1\n\n"
        );
    }

    #[test]
    fn table_widths_follow_the_data() {
        assert_eq!(
            out_default(&[domain("contoso.com", "Verified"), domain("fabrikam.onmicrosoft.com", "Unverified")]),
            "\nName                     Status     Authentication\n----                     ------     --------------\ncontoso.com              Verified   Managed\nfabrikam.onmicrosoft.com Unverified Managed\n\n"
        );
    }

    #[test]
    fn lists_and_wildcards() {
        let items = [domain("contoso.com", "Verified"), domain("x.com", "Unverified")];
        assert_eq!(
            format_list(&items, Some(&["*name".into(), "Is*".into(), "cap?bilities".into(), "Missing".into()])),
            "\nName         : contoso.com\nIsDefault    : False\nCapabilities : {Email, OfficeCommunicationsOnline}\n\nName         : x.com\nIsDefault    : False\nCapabilities : {Email, OfficeCommunicationsOnline}\n\n"
        );
        assert_eq!(format_list(&items[..1], None).lines().count(), 7);
        assert_eq!(format_list(&items[..1], Some(&["*".into()])), format_list(&items[..1], None));
        assert_eq!(format_list(&[], None), "");
    }

    #[test]
    fn format_table_with_properties() {
        assert_eq!(
            format_table(&[sku()], Some(&["SkuPartNumber".into(), "*Units".into()]), false),
            "\nSkuPartNumber          ActiveUnits WarningUnits ConsumedUnits\n-------------          ----------- ------------ -------------\nRIGHTSMANAGEMENT_ADHOC 50000       0            1\n\n"
        );
        assert!(format_table(&[sku()], None, true).starts_with("\nAccountSkuId                    ActiveUnits"));
    }

    #[test]
    fn values() {
        assert_eq!(PsValue::from(vec![1u32, 2, 3, 4, 5]).display(), "{1, 2, 3, 4...}");
        assert_eq!(PsValue::from(Vec::<String>::new()).display(), "{}");
        assert_eq!(PsValue::Bool(true).display(), "True");
        assert_eq!(PsValue::from(None::<bool>).display(), "");
        assert_eq!(PsValue::from(vec!["a", "b"]).to_arg_string(), "a b");
        assert_eq!(PsValue::Hash(vec![("a".into(), PsValue::Int(1))]).display(), "{[a, 1]}");
    }

    #[test]
    fn small_sort() {
        let mut v = vec![3, 1, 2, 1];
        sort_small(&mut v, |a, b| a < b);
        assert_eq!(v, [1, 1, 2, 3]);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("allow*", "AllowAdHocSubscriptions"));
        assert!(wildcard("*sub*", "AllowAdHocSubscriptions"));
        assert!(wildcard("a?c", "ABC"));
        assert!(!wildcard("a?c", "abbc"));
        assert!(wildcard("*", ""));
        assert!(!wildcard("Display*", "Name"));
        assert!(wildcard("*a*b*", "xaxxbx"));
    }

    #[test]
    fn auto_view_and_multiline_values() {
        let small =
            PsValue::Obj(Box::new(PsObject::new("Selected.X", DefaultView::Auto).with("A", 1i64).with("B", "x")));
        assert_eq!(out_default(&[small]), "\nA B\n- -\n1 x\n\n");
        let big = PsObject::new("Selected.X", DefaultView::Auto)
            .with("A", 1i64)
            .with("B", 2i64)
            .with("C", 3i64)
            .with("D", 4i64)
            .with("Long", "one\ntwo");
        assert_eq!(
            out_default(&[PsValue::Obj(Box::new(big))]),
            "\nA    : 1\nB    : 2\nC    : 3\nD    : 4\nLong : one\n       two\n\n"
        );
        assert_eq!(out_default(&["text".into(), PsValue::Int(3), PsValue::Null]), "text\n3\n");
        assert_eq!(
            out_default(&[PsValue::Hash(vec![("a".into(), PsValue::Bool(false))])]),
            "\nName                           Value\n----                           -----\na                              False\n\n"
        );
    }
}
