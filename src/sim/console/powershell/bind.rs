//! Parameter binding, as PowerShell does it: named parameters first (exact
//! name or alias, else an unambiguous prefix, the cmdlet's own parameters
//! winning over common ones), then positional arguments in position order,
//! each converted to the parameter's type; pipeline input binds by property
//! name; mandatory parameters are checked last.

use super::error::{Flow, PsError};
use super::format::{PsValue, sort_small};
use super::parser::{CommandAst, Element, Span, Value, ValueKind};
use super::registry::{COMMON, Cmdlet, Param, Ty};

/// The bound parameters of one invocation, by canonical name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoundArgs(pub Vec<(&'static str, PsValue)>);

impl BoundArgs {
    pub fn get(&self, name: &str) -> Option<&PsValue> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// A String, Guid, enum or credential-name parameter.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            PsValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A Boolean or switch parameter, if given (`-Force:$false` gives `Some(false)`).
    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name)? {
            PsValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A switch: given and not `:$false`.
    pub fn switch(&self, name: &str) -> bool {
        self.bool(name) == Some(true)
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name)? {
            PsValue::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// A String[] parameter (empty if not given).
    pub fn strings(&self, name: &str) -> Vec<String> {
        match self.get(name) {
            Some(PsValue::List(v)) => v.iter().map(PsValue::to_arg_string).collect(),
            Some(v) => vec![v.to_arg_string()],
            None => Vec::new(),
        }
    }

    /// A hash table parameter; look keys up with [`super::format::lookup`]
    /// (hash table keys are case-insensitive).
    pub fn hash(&self, name: &str) -> Option<&[(String, PsValue)]> {
        match self.get(name)? {
            PsValue::Hash(h) => Some(h),
            _ => None,
        }
    }
}

pub type Vars = Vec<(String, PsValue)>;

/// Evaluates an argument (the console runs subexpressions, so this may run
/// commands, stop for the credential dialog, or fail).
pub type Eval<'a> = dyn FnMut(&Value) -> Result<PsValue, Flow> + 'a;

enum Lookup {
    Found(&'static Param),
    NotFound,
    Ambiguous(Vec<&'static Param>),
}

fn starts_ic(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn is_common(p: &Param) -> bool {
    COMMON.iter().any(|c| std::ptr::eq(c, p))
}

/// A parameter of `cmd` by name, alias or unambiguous prefix.
pub fn find_param(cmd: &'static Cmdlet, name: &str) -> Option<&'static Param> {
    match lookup_param(cmd, name) {
        Lookup::Found(p) => Some(p),
        _ => None,
    }
}

fn lookup_param(cmd: &'static Cmdlet, name: &str) -> Lookup {
    let all = || cmd.params.iter().chain(COMMON);
    let named = |n: &str| !n.is_empty() && n.eq_ignore_ascii_case(name);
    if let Some(p) = all().find(|p| named(p.name) || named(p.alias)) {
        return Lookup::Found(p);
    }
    let matches: Vec<&'static Param> =
        all().filter(|p| starts_ic(p.name, name) || (!p.alias.is_empty() && starts_ic(p.alias, name))).collect();
    let own: Vec<&'static Param> = matches.iter().copied().filter(|p| !is_common(p)).collect();
    match (matches.len(), own.len()) {
        (0, _) => Lookup::NotFound,
        (1, _) => Lookup::Found(matches[0]),
        (_, 1) => Lookup::Found(own[0]),
        _ => Lookup::Ambiguous(matches),
    }
}

/// Converts an argument to the parameter's type, with PowerShell's errors.
fn convert(cmd: &Cmdlet, p: &Param, v: PsValue, span: Span) -> Result<PsValue, PsError> {
    use PsValue as V;
    let no_convert = |to: &str, err: &str| {
        let message = format!(
            "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"{to}\". Error: \"{err}\"",
            p.name,
            v.arg_text()
        );
        PsError::binding(cmd, "CannotConvertArgumentNoMessage", message, span)
    };
    if v == V::Null && !matches!(p.ty, Ty::Bool | Ty::Switch) {
        return Ok(V::Null);
    }
    Ok(match p.ty {
        Ty::Obj => v,
        Ty::ObjArray => match v {
            V::List(_) => v,
            x => V::List(vec![x]),
        },
        Ty::Block => match v {
            V::Block(_) => v,
            _ => {
                let message = format!(
                    "Cannot bind parameter '{}'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                    p.name,
                    v.arg_text(),
                    v.type_name()
                );
                return Err(PsError::binding(cmd, "CannotConvertArgument", message, span));
            }
        },
        Ty::Str => V::Str(v.to_arg_string()),
        Ty::Cred => match v {
            V::Obj(_) => v,
            _ => V::Str(v.to_arg_string()),
        },
        Ty::StrArray => match v {
            V::List(xs) => V::List(xs.iter().map(|x| V::Str(x.to_arg_string())).collect()),
            x => V::List(vec![V::Str(x.to_arg_string())]),
        },
        Ty::Bool | Ty::Switch => match v {
            V::Bool(_) => v,
            V::Int(n) => V::Bool(n != 0),
            V::Null => V::Bool(false),
            _ => {
                let message = format!(
                    "Cannot process argument transformation on parameter '{}'. Cannot convert value \"{}\" to type \"{}\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
                    p.name,
                    v.type_name(),
                    p.ty.net_name()
                );
                return Err(PsError::of(
                    cmd,
                    "InvalidData",
                    "ParameterBindingArgumentTransformationException",
                    "ParameterArgumentTransformationError",
                    message,
                    Some(span),
                ));
            }
        },
        Ty::Enum(type_name, values) => {
            let s = v.to_arg_string();
            match values.iter().find(|x| x.eq_ignore_ascii_case(s.trim())) {
                Some(x) => V::Str((*x).into()),
                None => {
                    let err = format!(
                        "Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again: {}",
                        values.join(", ")
                    );
                    return Err(no_convert(type_name, &err));
                }
            }
        }
        Ty::Hash => match v {
            V::Hash(_) => v,
            _ => {
                let message = format!(
                    "Cannot bind parameter '{}'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Collections.Hashtable\".",
                    p.name,
                    v.arg_text(),
                    v.type_name()
                );
                return Err(PsError::binding(cmd, "CannotConvertArgument", message, span));
            }
        },
        Ty::Guid => {
            let s = v.to_arg_string();
            if !is_guid(&s) {
                return Err(no_convert(
                    "System.Guid",
                    "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                ));
            }
            V::Str(s)
        }
        Ty::Int => match v {
            V::Int(_) => v,
            V::Bool(b) => V::Int(b.into()),
            _ => match v.to_arg_string().trim().parse() {
                Ok(n) => V::Int(n),
                Err(_) => return Err(no_convert("System.Int32", "Input string was not in a correct format.")),
            },
        },
    })
}

fn is_guid(s: &str) -> bool {
    let s = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')).unwrap_or(s);
    let hex = s.chars().filter(char::is_ascii_hexdigit).count();
    let dashed = s.len() == 36
        && s.char_indices().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() });
    dashed || (s.len() == 32 && hex == 32)
}

/// Adds a converted value; null or empty arguments to mandatory parameters
/// are refused, null ones to others are left out.
fn push(cmd: &Cmdlet, out: &mut BoundArgs, p: &'static Param, v: PsValue, span: Span) -> Result<(), PsError> {
    let empty = match &v {
        PsValue::Null => Some("null"),
        PsValue::Str(s) if s.is_empty() => Some("an empty string"),
        _ => None,
    };
    match empty {
        Some(what) if p.mandatory => {
            let id = if v == PsValue::Null {
                "ParameterArgumentValidationErrorNullNotAllowed"
            } else {
                "ParameterArgumentValidationErrorEmptyStringNotAllowed"
            };
            let message = format!("Cannot bind argument to parameter '{}' because it is {what}.", p.name);
            Err(PsError::of(cmd, "InvalidData", "ParameterBindingValidationException", id, message, Some(span)))
        }
        _ if v == PsValue::Null => Ok(()),
        _ => {
            out.0.push((p.name, v));
            Ok(())
        }
    }
}

/// Whether a value can go to a parameter at a position it shares with
/// another one (Where-Object's FilterScript or Property): a script block goes
/// to the ScriptBlock parameter, anything else to the other.
fn fits(p: &Param, v: &PsValue) -> bool {
    (p.ty == Ty::Block) == matches!(v, PsValue::Block(_))
}

/// Binds the command line's arguments; `ev` evaluates them.
pub fn bind(cmd: &'static Cmdlet, ast: &CommandAst, ev: &mut Eval) -> Result<BoundArgs, Flow> {
    let mut out = BoundArgs::default();
    let mut bound: Vec<&'static Param> = Vec::new();
    let mut positional: Vec<(PsValue, Span)> = Vec::new();
    let named = |name: &str, span: Span, bound: &mut Vec<&'static Param>| -> Result<&'static Param, PsError> {
        let p = match lookup_param(cmd, name) {
            Lookup::Found(p) => p,
            Lookup::NotFound => {
                return Err(PsError::binding(
                    cmd,
                    "NamedParameterNotFound",
                    format!("A parameter cannot be found that matches parameter name '{name}'."),
                    span,
                ));
            }
            Lookup::Ambiguous(ps) => {
                let list: String = ps.iter().map(|p| format!(" -{}", p.name)).collect();
                let message = format!(
                    "Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include:{list}."
                );
                return Err(PsError::binding(cmd, "AmbiguousParameter", message, span));
            }
        };
        if bound.iter().any(|b| std::ptr::eq(*b, p)) {
            let message = format!(
                "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                p.name
            );
            return Err(PsError::binding(cmd, "ParameterAlreadyBound", message, span));
        }
        bound.push(p);
        Ok(p)
    };
    let mut elements = ast.elements.iter().peekable();
    while let Some(e) = elements.next() {
        let (name, span, colon, arg) = match e {
            Element::Arg(v) => {
                positional.push((ev(v)?, v.span));
                continue;
            }
            Element::Splat(name, span) => {
                match ev(&Value { kind: ValueKind::Var(name.clone()), span: *span })? {
                    PsValue::Hash(entries) => {
                        for (k, v) in entries {
                            let p = named(&k, *span, &mut bound)?;
                            let v = if p.ty == Ty::Switch && v == PsValue::Null { PsValue::Bool(true) } else { v };
                            let v = convert(cmd, p, v, *span)?;
                            push(cmd, &mut out, p, v, *span)?;
                        }
                    }
                    PsValue::List(items) => positional.extend(items.into_iter().map(|v| (v, *span))),
                    PsValue::Null => {}
                    v => positional.push((v, *span)),
                }
                continue;
            }
            Element::Param { name, span, colon, arg } => (name, *span, *colon, arg.as_ref()),
        };
        let p = named(name, span, &mut bound)?;
        let arg = match arg {
            Some(a) => Some(a),
            None if colon => None,
            None if p.ty == Ty::Switch => {
                out.0.push((p.name, PsValue::Bool(true)));
                continue;
            }
            None => match elements.peek() {
                Some(Element::Arg(v)) => {
                    elements.next();
                    Some(v)
                }
                _ => None,
            },
        };
        let Some(a) = arg else {
            let message = format!(
                "Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again.",
                p.name,
                p.ty.net_name()
            );
            return Err(PsError::binding(cmd, "MissingArgument", message, span).into());
        };
        let v = convert(cmd, p, ev(a)?, a.span)?;
        push(cmd, &mut out, p, v, a.span)?;
    }
    let free = |bound: &[&'static Param]| {
        let mut slots: Vec<&'static Param> = cmd
            .params
            .iter()
            .filter(|p| {
                p.position.is_some()
                    && !bound.iter().any(|b| std::ptr::eq(*b, *p) || (b.position == p.position && b.position.is_some()))
            })
            .collect();
        sort_small(&mut slots, |a, b| a.position < b.position);
        slots
    };
    let mut positional = positional.into_iter();
    while let Some((v, span)) = positional.next() {
        let slots = free(&bound);
        let first = slots.first().map(|p| p.position);
        let Some(p) = slots
            .iter()
            .copied()
            .filter(|p| p.position == first.flatten())
            .find(|p| fits(p, &v))
            .or(slots.first().copied())
        else {
            return Err(PsError::binding(
                cmd,
                "PositionalParameterNotFound",
                format!("A positional parameter cannot be found that accepts argument '{}'.", v.arg_text()),
                ast.span,
            )
            .into());
        };
        bound.push(p);
        let v = if p.rest {
            let mut all = vec![v];
            all.extend(positional.by_ref().map(|(v, _)| v));
            if all.len() == 1 { all.pop().unwrap() } else { PsValue::List(all) }
        } else {
            v
        };
        let v = convert(cmd, p, v, span)?;
        push(cmd, &mut out, p, v, span)?;
    }
    let mut sets = bound.iter().map(|p| p.set).filter(|&s| s != 0);
    if let Some(first) = sets.next()
        && sets.fold(first, |acc, s| acc & s) == 0
    {
        let message = "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.";
        return Err(PsError::binding(cmd, "AmbiguousParameterSet", message.into(), ast.span).into());
    }
    Ok(out)
}

/// Adds what a pipeline object gives to `base`: for each parameter that takes
/// pipeline input and isn't bound, the object's property of the same name.
/// None if nothing binds.
pub fn bind_input(cmd: &'static Cmdlet, base: &BoundArgs, item: &PsValue) -> Option<BoundArgs> {
    let PsValue::Obj(o) = item else { return None };
    let mut args = base.clone();
    let mut any = false;
    for p in cmd.params.iter().filter(|p| p.pipeline && !base.has(p.name)) {
        if let Some(v) =
            o.get(p.name).and_then(|v| convert(cmd, p, v.clone(), Span::default()).ok()).filter(|v| *v != PsValue::Null)
        {
            args.0.push((p.name, v));
            any = true;
        }
    }
    any.then_some(args)
}

/// The mandatory parameters must all be bound.
pub fn check_mandatory(cmd: &'static Cmdlet, args: &BoundArgs, span: Span) -> Result<(), PsError> {
    let missing: Vec<&str> = cmd.params.iter().filter(|p| p.mandatory && !args.has(p.name)).map(|p| p.name).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let message =
        format!("Cannot process command because of one or more missing mandatory parameters: {}.", missing.join(" "));
    Err(PsError::binding(cmd, "MissingMandatoryParameter", message, span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::powershell::format::lookup;
    use crate::sim::powershell::parser::{XPart, parse};
    use crate::sim::powershell::registry::find;

    /// Literals and `$param` only: the console evaluates the rest.
    fn literal(v: &Value) -> Result<PsValue, Flow> {
        Ok(match &v.kind {
            ValueKind::Word(s) | ValueKind::Str(s) => PsValue::Str(s.clone()),
            ValueKind::Int(n) => PsValue::Int(*n),
            ValueKind::Bool(b) => PsValue::Bool(*b),
            ValueKind::Null => PsValue::Null,
            ValueKind::Var(n) if n == "param" => PsValue::Hash(vec![("a".into(), PsValue::Bool(true))]),
            ValueKind::Var(n) if n == "p" => PsValue::Hash(vec![
                ("DomainName".into(), PsValue::Str("contoso.com".into())),
                ("Status".into(), PsValue::Str("verified".into())),
            ]),
            ValueKind::Var(n) if n == "list" => {
                PsValue::List(vec![PsValue::Str("Name".into()), PsValue::Str("Status".into())])
            }
            ValueKind::Var(_) => PsValue::Null,
            ValueKind::Expand(parts) => PsValue::Str(
                parts
                    .iter()
                    .map(|p| match p {
                        XPart::Lit(s) => s.clone(),
                        XPart::Var(n) if n.eq_ignore_ascii_case("true") => "True".into(),
                        _ => String::new(),
                    })
                    .collect(),
            ),
            ValueKind::Array(vs) => PsValue::List(vs.iter().map(literal).collect::<Result<_, _>>()?),
            ValueKind::Hash(es) => {
                PsValue::Hash(es.iter().map(|(k, x)| Ok((k.clone(), literal(x)?))).collect::<Result<_, Flow>>()?)
            }
            ValueKind::Block(b) => PsValue::Block(Box::new(crate::sim::powershell::ScriptBlock {
                text: b.text.clone(),
                body: b.body.clone(),
                src: String::new(),
            })),
            k => panic!("not a literal: {k:?}"),
        })
    }

    fn try_bind(src: &str) -> Result<BoundArgs, PsError> {
        let p = parse(src).unwrap().remove(0);
        let c = &p.commands[0];
        bind(find(&c.name).unwrap(), c, &mut literal).map_err(|f| match f {
            Flow::Error(e) => e,
            f => panic!("{f:?}"),
        })
    }

    fn ok(src: &str) -> BoundArgs {
        try_bind(src).unwrap()
    }

    fn msg(src: &str) -> (String, String) {
        let e = try_bind(src).unwrap_err();
        (e.message, e.fqid)
    }

    #[test]
    fn named_and_prefixed_parameters() {
        let a = ok("Set-MsolCompanySettings -allowadhoc $false -AllowEmailVerifiedUsers:$TRUE");
        assert_eq!(
            a.0,
            vec![("AllowAdHocSubscriptions", PsValue::Bool(false)), ("AllowEmailVerifiedUsers", PsValue::Bool(true))]
        );
        assert_eq!(ok("Get-MsolDomain -D contoso.com").str("DomainName"), Some("contoso.com"));
        assert_eq!(ok("Get-MsolDomain -ea SilentlyContinue").str("ErrorAction"), Some("SilentlyContinue"));
        assert_eq!(ok("New-MsolDomain \u{2013}Name contoso.co.uk").str("Name"), Some("contoso.co.uk"));
        assert_eq!(
            ok("Set-MsolDirSyncEnabled -EnableDirSync 0 -Force").0,
            vec![("EnableDirSync", PsValue::Bool(false)), ("Force", PsValue::Bool(true))]
        );
        assert_eq!(ok("Remove-MsolUser -UserPrincipalName a@b.c -Force:$false").bool("Force"), Some(false));
        assert!(!ok("Remove-MsolUser -UserPrincipalName a@b.c -Force:0").switch("Force"));
        assert_eq!(ok("Set-MsolUser -UserPrincipalName a@b.c -BlockCredential 2").bool("BlockCredential"), Some(true));
    }

    #[test]
    fn positional_arrays_and_hash_tables() {
        assert_eq!(ok("Select-Object Name, Status").strings("Property"), vec!["Name", "Status"]);
        assert_eq!(ok("fl allow*").strings("Property"), vec!["allow*"]);
        assert_eq!(
            ok("Connect-MgGraph -Scopes 'Policy.ReadWrite.Authorization', Policy.Read.All").strings("Scopes"),
            vec!["Policy.ReadWrite.Authorization", "Policy.Read.All"]
        );
        let a = ok(
            "Update-MgPolicyAuthorizationPolicy -BodyParameter @{allowedToSignUpEmailBasedSubscriptions=$true; allowEmailVerifiedUsersToJoinOrganization=$false}",
        );
        let h = a.hash("BodyParameter").unwrap();
        assert_eq!(lookup(h, "AllowedToSignUpEmailBasedSubscriptions"), Some(&PsValue::Bool(true)));
        assert_eq!(lookup(h, "allowEmailVerifiedUsersToJoinOrganization"), Some(&PsValue::Bool(false)));
        assert_eq!(
            ok("Update-MgPolicyAuthorizationPolicy -BodyParameter $param").hash("BodyParameter").unwrap().len(),
            1
        );
        assert_eq!(
            ok("Update-MgPolicyAuthorizationPolicy -AllowedToSignUpEmailBasedSubscriptions:$false")
                .bool("AllowedToSignUpEmailBasedSubscriptions"),
            Some(false)
        );
        assert_eq!(ok("Get-Help Get-MsolUser -Full").str("Name"), Some("Get-MsolUser"));
        assert_eq!(ok("Select-Object -First '2'").int("First"), Some(2));
        assert_eq!(
            ok("Set-MsolCompanySettings -TenantId 6f5a8e4c-1b2d-4c3e-9f10-1234567890ab").str("TenantId"),
            Some("6f5a8e4c-1b2d-4c3e-9f10-1234567890ab")
        );
        assert!(!ok("Get-MsolUser -UserPrincipalName $nothing").has("UserPrincipalName"));
        assert_eq!(ok("Get-MsolUser -UserPrincipalName \"$true@x\"").str("UserPrincipalName"), Some("True@x"));
    }

    #[test]
    fn enums_match_case_insensitively() {
        assert_eq!(
            ok("Get-MsolDomainVerificationDns -DomainName c.com -Mode dnstxtrecord").str("Mode"),
            Some("DnsTxtRecord")
        );
        assert_eq!(ok("Confirm-MsolDomain -DomainName c.com -ForceTakeover FORCE").str("ForceTakeover"), Some("Force"));
        assert_eq!(ok("Get-MsolDomain -Status verified").str("Status"), Some("Verified"));
    }

    #[test]
    fn binding_errors() {
        let id = |s: &str| format!("{s},Microsoft.Online.Administration.Automation.SetCompanySettings");
        assert_eq!(
            msg("Set-MsolCompanySettings -Foo 1"),
            ("A parameter cannot be found that matches parameter name 'Foo'.".into(), id("NamedParameterNotFound"))
        );
        assert_eq!(
            msg("Set-MsolCompanySettings -Allow $true"),
            ("Parameter cannot be processed because the parameter name 'Allow' is ambiguous. Possible matches include: -AllowAdHocSubscriptions -AllowEmailVerifiedUsers.".into(), id("AmbiguousParameter"))
        );
        assert_eq!(
            msg("Set-MsolCompanySettings -AllowAdHocSubscriptions false"),
            (
                "Cannot process argument transformation on parameter 'AllowAdHocSubscriptions'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.".into(),
                id("ParameterArgumentTransformationError")
            )
        );
        assert_eq!(
            msg("Set-MsolCompanySettings -AllowAdHocSubscriptions 'true'").0,
            msg("Set-MsolCompanySettings -AllowAdHocSubscriptions false").0
        );
        assert_eq!(
            msg("Set-MsolCompanySettings -AllowAdHocSubscriptions"),
            (
                "Missing an argument for parameter 'AllowAdHocSubscriptions'. Specify a parameter of type 'System.Boolean' and try again.".into(),
                id("MissingArgument")
            )
        );
        assert_eq!(
            msg("Set-MsolCompanySettings $true").0,
            "A positional parameter cannot be found that accepts argument 'True'."
        );
        assert_eq!(
            msg("Set-MsolCompanySettings -AllowAdHocSubscriptions $true -AllowAdHoc $false").1,
            id("ParameterAlreadyBound")
        );
        assert_eq!(
            msg("Confirm-MsolDomain -DomainName c.com -ForceTakeover x"),
            (
                "Cannot bind parameter 'ForceTakeover'. Cannot convert value \"x\" to type \"Microsoft.Online.Administration.Automation.ForceTakeoverOption\". Error: \"Unable to match the identifier name x to a valid enumerator name. Specify one of the following enumerator names and try again: Force\"".into(),
                "CannotConvertArgumentNoMessage,Microsoft.Online.Administration.Automation.ConfirmDomain".into()
            )
        );
        assert_eq!(
            msg("Get-MsolDomain -DomainName"),
            (
                "Missing an argument for parameter 'DomainName'. Specify a parameter of type 'System.String' and try again.".into(),
                "MissingArgument,Microsoft.Online.Administration.Automation.GetDomain".into()
            )
        );
        assert_eq!(
            msg("Get-MsolDomain contoso.com").0,
            "A positional parameter cannot be found that accepts argument 'contoso.com'."
        );
        assert_eq!(
            msg("Get-MsolDomain -DomainName a, b -Status x").0.split(". ").next(),
            Some("Cannot bind parameter 'Status'")
        );
        assert_eq!(
            msg("Update-MgPolicyAuthorizationPolicy -AllowedToSignUpEmailBasedSubscriptions $false").0,
            "A positional parameter cannot be found that accepts argument 'False'."
        );
        assert_eq!(
            msg("Update-MgPolicyAuthorizationPolicy -BodyParameter @{} -AllowEmail").1,
            "AmbiguousParameterSet,Update-MgPolicyAuthorizationPolicy"
        );
        assert_eq!(
            msg("Update-MgPolicyAuthorizationPolicy -BodyParameter x").0,
            "Cannot bind parameter 'BodyParameter'. Cannot convert the \"x\" value of type \"System.String\" to type \"System.Collections.Hashtable\"."
        );
        assert_eq!(
            msg("New-MsolDomain -Name ''").0,
            "Cannot bind argument to parameter 'Name' because it is an empty string."
        );
        assert_eq!(msg("New-MsolDomain -Name $null").0, "Cannot bind argument to parameter 'Name' because it is null.");
        assert!(msg("Set-MsolCompanySettings -TenantId nope").0.ends_with(
            "Error: \"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\""
        ));
        assert_eq!(
            msg("Select-Object -First x").0,
            "Cannot bind parameter 'First'. Cannot convert value \"x\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
        );
    }

    #[test]
    fn error_positions() {
        let e = try_bind("Set-MsolCompanySettings -Foo 1").unwrap_err();
        assert_eq!(e.span, Some(Span::new(24, 28)));
        let e = try_bind("Set-MsolCompanySettings -AllowAdHocSubscriptions nope").unwrap_err();
        assert_eq!(e.span, Some(Span::new(49, 53)));
        let e = try_bind("Get-MsolDomain x").unwrap_err();
        assert_eq!(e.span, Some(Span::new(0, 16)));
    }

    #[test]
    fn mandatory_and_pipeline_input() {
        let cmd = find("Remove-MsolUser").unwrap();
        let e = check_mandatory(cmd, &BoundArgs::default(), Span::new(0, 15)).unwrap_err();
        assert_eq!(
            e.message,
            "Cannot process command because of one or more missing mandatory parameters: UserPrincipalName."
        );
        assert_eq!(e.fqid, "MissingMandatoryParameter,Microsoft.Online.Administration.Automation.RemoveUser");
        let base = BoundArgs(vec![("Force", PsValue::Bool(true))]);
        let user = PsValue::Obj(Box::new(
            crate::sim::powershell::PsObject::new("User", crate::sim::powershell::DefaultView::List)
                .with("UserPrincipalName", "a@b.c"),
        ));
        let args = bind_input(cmd, &base, &user).unwrap();
        assert_eq!(args.str("UserPrincipalName"), Some("a@b.c"));
        assert!(check_mandatory(cmd, &args, Span::default()).is_ok());
        assert!(bind_input(cmd, &base, &PsValue::Str("a@b.c".into())).is_none());
        assert!(bind_input(find("Get-MsolAccountSku").unwrap(), &base, &user).is_none());
    }

    #[test]
    fn guids() {
        assert!(is_guid("6f5a8e4c-1b2d-4c3e-9f10-1234567890ab"));
        assert!(is_guid("{6F5A8E4C-1B2D-4C3E-9F10-1234567890AB}"));
        assert!(is_guid("6f5a8e4c1b2d4c3e9f101234567890ab"));
        assert!(!is_guid("6f5a8e4c-1b2d-4c3e-9f10-1234567890a"));
    }
}
