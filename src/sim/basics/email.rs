//! Email addresses and the two domain lists that sign-up checks before
//! anything else: personal (consumer and Internet-provider) domains, and the
//! blocked domains that cannot be used to create a directory.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A parsed work or school address, lower-cased (Azure AD sign-in names are
/// case-insensitive).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Email(String);

/// Why a string is not an email address the service can use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailError {
    Empty,
    MissingAt,
    MissingDomainDot,
    LocalPartTooLong,
    DomainTooLong,
    /// Kept so that events stored by earlier versions still read; the parser
    /// now names the precise problem instead.
    Malformed,
    /// More than one `@`.
    ExtraAt,
    /// Nothing before the `@`.
    MissingLocalPart,
    /// A space or other blank anywhere in the address.
    Space,
    /// A name and angle brackets around the address (`Pat <p@fabrikam.com>`).
    DisplayName,
    /// A character Azure AD doesn't allow in a user name.
    LocalCharacter {
        ch: char,
    },
    /// The user name starts or ends with a dot, or has two in a row.
    LocalDots,
    /// The part after `@` isn't a host name (see [`check_domain`]).
    Domain(DomainProblem),
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailError::Empty => f.write_str("Enter your work or school email address, such as p.dover@fabrikam.com."),
            EmailError::MissingAt => f.write_str("That isn't an email address: it needs an @ between your name and your organization's domain, such as p.dover@fabrikam.com."),
            EmailError::MissingDomainDot => f.write_str("That isn't a work or school email address: the part after @ must be a full domain name with a dot, such as fabrikam.com."),
            EmailError::LocalPartTooLong => f.write_str("The part before @ is too long: it can have at most 64 characters."),
            EmailError::DomainTooLong => f.write_str("The domain after @ is too long: it can have at most 48 characters."),
            EmailError::Malformed => f.write_str("That isn't a valid email address. Check it for spaces or stray characters and type it like p.dover@fabrikam.com."),
            EmailError::ExtraAt => f.write_str("An email address has exactly one @, between your name and your organization's domain. Remove the extra @ and type it like p.dover@fabrikam.com."),
            EmailError::MissingLocalPart => f.write_str("Type your user name before the @, such as p.dover@fabrikam.com."),
            EmailError::Space => f.write_str("An email address can't contain spaces. Remove them and type it like p.dover@fabrikam.com."),
            EmailError::DisplayName => f.write_str("Type only the address itself, without a name or angle brackets around it, such as p.dover@fabrikam.com."),
            EmailError::LocalCharacter { ch } if invisible(*ch) => write!(f, "The part before @ holds an invisible character ({}), a stray character that copying and pasting can bring along. Type the address again by hand.", code_point(*ch)),
            EmailError::LocalCharacter { ch: '+' } => f.write_str("The part before @ can't contain “+”: Azure AD user names don't take plus addressing (name+tag@…). Leave out the + and what follows it, and type the address your organization gave you."),
            EmailError::LocalCharacter { ch } if !ch.is_ascii() => write!(f, "The part before @ can't contain “{ch}”: Azure AD user names use only the letters A to Z without accents, digits, and . - _ ! # ^ ~. Type the address your organization gave you."),
            EmailError::LocalCharacter { ch } => write!(f, "The part before @ can't contain “{ch}”: Azure AD user names use only letters, digits, and . - _ ! # ^ ~. Type the address your organization gave you."),
            EmailError::LocalDots => f.write_str("The part before @ can't begin or end with a dot or have two dots in a row. Check the address for a typing mistake."),
            EmailError::Domain(p) => write!(f, "{p}"),
        }
    }
}

/// Why a name is not a domain an organization could own: one rule for sign-up
/// addresses, the blocked-domains list, DNS records, the admin center and the
/// console (`New-MsolDomain`), all through [`check_domain`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainProblem {
    Empty,
    /// One label only (`localhost`, `fabrikam`).
    SingleLabel,
    /// Two dots in a row, or a dot at the start.
    EmptyLabel,
    /// A character other than a letter, digit, hyphen or dot.
    Character {
        ch: char,
    },
    HyphenAtEdge {
        label: String,
    },
    /// A label of more than 63 characters.
    LabelTooLong {
        label: String,
    },
    /// The top-level label is all digits (`fabrikam.123`).
    NumericTopLevel {
        label: String,
    },
    /// A dotted IPv4 address or a bracketed address literal.
    IpAddress,
    /// A name reserved so that no organization can own it.
    Reserved {
        name: String,
        kind: ReservedKind,
    },
    /// More than 253 characters.
    TooLong {
        len: usize,
    },
}

/// A character that can't be seen, or would reorder the message around it:
/// named by its code point instead of shown.
fn invisible(c: char) -> bool {
    c.is_control() || c.is_whitespace() || super::text::is_hidden(c)
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The reserved names, and the document that reserves each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReservedKind {
    /// `example.com`, `example.net`, `example.org` and `.example` (RFC 2606).
    Documentation,
    /// `.test` (RFC 2606).
    Testing,
    /// `.invalid` (RFC 2606).
    Invalid,
    /// `.localhost` (RFC 2606, RFC 6761).
    Localhost,
    /// `.local`, multicast DNS on a local network (RFC 6762). Azure AD
    /// accepts only routable domains, registered on the Internet.
    LocalNetwork,
}

/// Names no organization can own: the name itself and every name under it.
pub const RESERVED_DOMAINS: &[(&str, ReservedKind)] = &[
    ("example.com", ReservedKind::Documentation),
    ("example.net", ReservedKind::Documentation),
    ("example.org", ReservedKind::Documentation),
    ("example", ReservedKind::Documentation),
    ("test", ReservedKind::Testing),
    ("invalid", ReservedKind::Invalid),
    ("localhost", ReservedKind::Localhost),
    ("local", ReservedKind::LocalNetwork),
];

/// The longest label, and the longest name, DNS allows (RFC 1035).
pub const MAX_LABEL: usize = 63;
pub const MAX_DOMAIN: usize = 253;
/// Azure AD's sign-in name limits: 64 characters before `@`, 48 after.
pub const MAX_LOCAL_PART: usize = 64;
pub const MAX_UPN_DOMAIN: usize = 48;

impl fmt::Display for DomainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const USE_YOURS: &str =
            "Use your organization's own domain, the one in your work email address, such as fabrikam.com.";
        match self {
            DomainProblem::Empty => f.write_str("The domain name is missing: type your organization's domain, such as fabrikam.com."),
            DomainProblem::SingleLabel => f.write_str("A domain name needs at least one dot, such as fabrikam.com."),
            DomainProblem::EmptyLabel => f.write_str("The domain name has two dots in a row, or starts with a dot. Remove the extra dot and type it like fabrikam.com."),
            DomainProblem::Character { ch: ' ' } => f.write_str("The domain name can't contain spaces: type it like fabrikam.com."),
            DomainProblem::Character { ch } if invisible(*ch) => write!(f, "The domain name holds an invisible character ({}), a stray character that copying and pasting can bring along. Type it again by hand, such as fabrikam.com.", code_point(*ch)),
            DomainProblem::Character { ch } if !ch.is_ascii() => write!(f, "The domain name can't contain “{ch}”: Azure AD takes domain names in plain letters A to Z, digits and hyphens. For a name with accented letters, type its xn-- form."),
            DomainProblem::Character { ch } => write!(f, "The domain name can't contain “{ch}”: a domain name uses only letters, digits and hyphens, with dots between its parts, such as fabrikam.com. Check it for a typing mistake."),
            DomainProblem::HyphenAtEdge { label } => write!(f, "The part “{label}” of the domain name begins or ends with a hyphen, which domain names don't allow. Check it for a typing mistake."),
            DomainProblem::LabelTooLong { label } => write!(f, "The part of the domain name that starts with “{}…” has {} characters; each part between dots can have at most {MAX_LABEL}.", label.chars().take(12).collect::<String>(), label.len()),
            DomainProblem::NumericTopLevel { label } => write!(f, "A domain name can't end in “.{label}”: its last part is a top-level domain such as .com or .org, never only digits. Check it for a typing mistake."),
            DomainProblem::IpAddress => write!(f, "That's an IP address, not a domain name. {USE_YOURS}"),
            DomainProblem::Reserved { name, kind } => match kind {
                ReservedKind::Documentation => write!(f, "{name} is reserved for examples in documentation (RFC 2606), so no organization can own it. {USE_YOURS}"),
                ReservedKind::Testing => write!(f, "{name} ends in .test, which is reserved for testing (RFC 2606) and doesn't exist on the Internet. {USE_YOURS}"),
                ReservedKind::Invalid => write!(f, "{name} ends in .invalid, which is reserved to be invalid (RFC 2606). {USE_YOURS}"),
                ReservedKind::Localhost => write!(f, "{name} ends in .localhost, which names your own computer (RFC 6761), not an organization. {USE_YOURS}"),
                ReservedKind::LocalNetwork => write!(f, "{name} ends in .local, which works only inside a local network (RFC 6762); Azure AD accepts only domains registered on the Internet. {USE_YOURS}"),
            },
            DomainProblem::TooLong { len } => write!(f, "That domain name has {len} characters; a domain name can have at most {MAX_DOMAIN}."),
        }
    }
}

/// The one rule for a domain name (RFC 1035 host names, as Azure AD takes
/// them): labels of letters, digits and hyphens, 1 to 63 long, no hyphen at
/// either end; at least two labels; a top-level label that isn't all digits;
/// at most 253 characters; not an IP address; not a reserved name
/// ([`RESERVED_DOMAINS`]). Letters may be of either case.
pub fn check_domain(name: &str) -> Result<(), DomainProblem> {
    if name.is_empty() {
        return Err(DomainProblem::Empty);
    }
    if name.starts_with('[') && name.ends_with(']') {
        return Err(DomainProblem::IpAddress);
    }
    if name.len() > MAX_DOMAIN {
        return Err(DomainProblem::TooLong { len: name.chars().count() });
    }
    if let Some(ch) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')) {
        return Err(DomainProblem::Character { ch });
    }
    if !name.contains('.') {
        return Err(DomainProblem::SingleLabel);
    }
    let labels: Vec<&str> = name.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Err(DomainProblem::EmptyLabel);
        }
        if label.len() > MAX_LABEL {
            return Err(DomainProblem::LabelTooLong { label: label.to_string() });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainProblem::HyphenAtEdge { label: label.to_string() });
        }
    }
    let numeric = |l: &str| l.bytes().all(|b| b.is_ascii_digit());
    let top = labels[labels.len() - 1];
    if numeric(top) {
        return Err(if labels.len() == 4 && labels.iter().all(|l| numeric(l)) {
            DomainProblem::IpAddress
        } else {
            DomainProblem::NumericTopLevel { label: top.to_string() }
        });
    }
    let lower = name.to_ascii_lowercase();
    if let Some((_, kind)) = RESERVED_DOMAINS.iter().find(|(entry, _)| domain_matches(&lower, entry)) {
        return Err(DomainProblem::Reserved { name: lower, kind: *kind });
    }
    Ok(())
}

/// The characters Azure AD allowed in the user name of a user principal name
/// (the part before `@`) in 2016: "A – Z, a - z, 0 – 9, . - _ ! # ^ ~", and
/// no period immediately before the `@` ("Password policies and restrictions
/// in Azure Active Directory", MicrosoftDocs/azure-docs
/// `articles/active-directory/active-directory-passwords-policy.md`,
/// ms.date 07/12/2016). `+` was not allowed (nor is it today); the
/// apostrophe was added to the list only in later versions of the page.
pub fn allowed_in_user_name(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '!' | '#' | '^' | '~')
}

fn domain_error(p: DomainProblem) -> EmailError {
    match p {
        DomainProblem::SingleLabel => EmailError::MissingDomainDot,
        p => EmailError::Domain(p),
    }
}

impl Email {
    /// Parses a sign-in name as Azure AD takes it: one `@`; before it, a user
    /// name of [`allowed_in_user_name`] characters that doesn't start or end
    /// with a dot or have two in a row, at most 64 characters; after it, a
    /// domain that passes [`check_domain`], at most 48 characters (together
    /// the 113-character total).
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        // `Pat Dover <p.dover@fabrikam.com>`: an address in angle brackets at the end.
        if s.ends_with('>') && s.rsplit_once('<').is_some_and(|(_, inner)| inner.contains('@')) {
            return Err(EmailError::DisplayName);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(EmailError::MissingAt);
        };
        if s.chars().any(char::is_whitespace) {
            return Err(EmailError::Space);
        }
        if domain.contains('@') {
            return Err(EmailError::ExtraAt);
        }
        if local.is_empty() {
            return Err(EmailError::MissingLocalPart);
        }
        if let Some(ch) = local.chars().find(|c| !allowed_in_user_name(*c)) {
            return Err(EmailError::LocalCharacter { ch });
        }
        if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
            return Err(EmailError::LocalDots);
        }
        if local.len() > MAX_LOCAL_PART {
            return Err(EmailError::LocalPartTooLong);
        }
        check_domain(domain).map_err(domain_error)?;
        if domain.len() > MAX_UPN_DOMAIN {
            return Err(EmailError::DomainTooLong);
        }
        Ok(Email(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map(|(l, _)| l).unwrap_or("")
    }
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map(|(_, d)| d).unwrap_or("")
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Normalizes a domain typed on its own (`  @Example.COM. ` → `example.com`)
/// and checks it with [`check_domain`] and Azure AD's 48-character limit:
/// the blocked-domains list, DNS, the admin center and the console all take
/// domains through here.
pub fn normalize_domain(input: &str) -> Result<String, EmailError> {
    let d = input.trim().trim_start_matches('@').trim_end_matches('.').to_ascii_lowercase();
    if d.is_empty() {
        return Err(EmailError::Empty);
    }
    check_domain(&d).map_err(domain_error)?;
    if d.len() > MAX_UPN_DOMAIN {
        return Err(EmailError::DomainTooLong);
    }
    Ok(d)
}

/// What is wrong with a domain name typed on its own (DNS, admin center,
/// blocked list, console), worded for domains rather than addresses.
pub fn domain_problem(e: &EmailError) -> String {
    match e {
        EmailError::Empty => "Enter a domain name, such as fabrikam.com.".into(),
        EmailError::MissingDomainDot => DomainProblem::SingleLabel.to_string(),
        EmailError::DomainTooLong => {
            "That domain name is too long: Azure AD sign-in names allow at most 48 characters after the @, so accounts couldn't use it.".into()
        }
        EmailError::Domain(p) => p.to_string(),
        _ => "That isn't a valid domain name: use letters, digits, hyphens and dots, such as fabrikam.com.".into(),
    }
}

/// True when `domain` is `entry` or a subdomain of it.
pub fn domain_matches(domain: &str, entry: &str) -> bool {
    domain == entry
        || (domain.len() > entry.len()
            && domain.ends_with(entry)
            && domain.as_bytes()[domain.len() - entry.len() - 1] == b'.')
}

/// Percent-encodes a value for a URL query string (everything but unreserved characters).
pub fn query_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// What kind of personal domain an entry is; shown next to the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonalKind {
    /// Microsoft accounts (formerly Live ID) and other free consumer mail.
    ConsumerEmail,
    /// Home accounts from an Internet or telecommunications provider.
    InternetProvider,
    /// Disposable ("temporary", "throwaway") mail services.
    Disposable,
}

impl PersonalKind {
    pub const ALL: [PersonalKind; 3] =
        [PersonalKind::ConsumerEmail, PersonalKind::InternetProvider, PersonalKind::Disposable];

    /// As shown next to the lists.
    pub fn label(self) -> &'static str {
        match self {
            PersonalKind::ConsumerEmail => "consumer email",
            PersonalKind::InternetProvider => "Internet provider",
            PersonalKind::Disposable => "disposable email",
        }
    }
}

/// The built-in personal domains: consumer email services and Internet/telecom
/// providers whose addresses are personal, not work or school, addresses, each
/// with its kind (the larger table of `personal.rs` adds about 14,000 more). The seed names Microsoft accounts
/// and "another personal account that you might use at home from your
/// Internet provider"; the shared sign-up platform refuses "email addresses
/// provided by consumer email services or telecommunications providers".
pub const PERSONAL_DOMAINS: &[(&str, PersonalKind)] = {
    use PersonalKind::{ConsumerEmail as C, InternetProvider as I};
    &[
        // Microsoft accounts
        ("outlook.com", C),
        ("hotmail.com", C),
        ("live.com", C),
        ("msn.com", C),
        ("passport.com", C),
        ("hotmail.co.uk", C),
        ("hotmail.fr", C),
        ("hotmail.de", C),
        ("hotmail.it", C),
        ("hotmail.es", C),
        ("live.co.uk", C),
        ("live.fr", C),
        ("live.de", C),
        ("live.nl", C),
        ("live.com.au", C),
        ("outlook.fr", C),
        ("outlook.de", C),
        ("outlook.jp", C),
        ("windowslive.com", C),
        // Other consumer mail services
        ("gmail.com", C),
        ("googlemail.com", C),
        ("yahoo.com", C),
        ("yahoo.co.uk", C),
        ("yahoo.fr", C),
        ("yahoo.de", C),
        ("yahoo.es", C),
        ("yahoo.it", C),
        ("yahoo.co.jp", C),
        ("yahoo.com.au", C),
        ("yahoo.ca", C),
        ("yahoo.co.in", C),
        ("ymail.com", C),
        ("rocketmail.com", C),
        ("aol.com", C),
        ("aim.com", C),
        ("icloud.com", C),
        ("me.com", C),
        ("mac.com", C),
        ("mail.com", C),
        ("gmx.com", C),
        ("gmx.net", C),
        ("gmx.de", C),
        ("web.de", C),
        ("mail.ru", C),
        ("inbox.ru", C),
        ("list.ru", C),
        ("bk.ru", C),
        ("yandex.ru", C),
        ("yandex.com", C),
        ("rambler.ru", C),
        ("qq.com", C),
        ("163.com", C),
        ("126.com", C),
        ("sina.com", C),
        ("sohu.com", C),
        ("naver.com", C),
        ("hanmail.net", C),
        ("daum.net", C),
        ("rediffmail.com", C),
        ("zoho.com", C),
        ("protonmail.com", C),
        ("proton.me", C),
        ("tutanota.com", C),
        ("fastmail.com", C),
        ("hushmail.com", C),
        ("lycos.com", C),
        ("excite.com", C),
        ("seznam.cz", C),
        ("wp.pl", C),
        ("o2.pl", C),
        ("interia.pl", C),
        ("onet.pl", C),
        ("libero.it", C),
        ("virgilio.it", C),
        ("laposte.net", C),
        ("uol.com.br", C),
        ("bol.com.br", C),
        // Internet and telecommunications providers
        ("comcast.net", I),
        ("verizon.net", I),
        ("att.net", I),
        ("sbcglobal.net", I),
        ("bellsouth.net", I),
        ("cox.net", I),
        ("charter.net", I),
        ("earthlink.net", I),
        ("optonline.net", I),
        ("frontier.com", I),
        ("centurylink.net", I),
        ("windstream.net", I),
        ("juno.com", I),
        ("netzero.net", I),
        ("roadrunner.com", I),
        ("twc.com", I),
        ("shaw.ca", I),
        ("rogers.com", I),
        ("sympatico.ca", I),
        ("videotron.ca", I),
        ("telus.net", I),
        ("btinternet.com", I),
        ("sky.com", I),
        ("virginmedia.com", I),
        ("ntlworld.com", I),
        ("talktalk.net", I),
        ("blueyonder.co.uk", I),
        ("tiscali.co.uk", I),
        ("orange.fr", I),
        ("wanadoo.fr", I),
        ("free.fr", I),
        ("sfr.fr", I),
        ("neuf.fr", I),
        ("bbox.fr", I),
        ("t-online.de", I),
        ("arcor.de", I),
        ("freenet.de", I),
        ("vodafone.de", I),
        ("alice.it", I),
        ("tiscali.it", I),
        ("tin.it", I),
        ("telefonica.net", I),
        ("movistar.es", I),
        ("ziggo.nl", I),
        ("kpnmail.nl", I),
        ("planet.nl", I),
        ("home.nl", I),
        ("skynet.be", I),
        ("telenet.be", I),
        ("bluewin.ch", I),
        ("chello.at", I),
        ("telia.com", I),
        ("online.no", I),
        ("bigpond.com", I),
        ("bigpond.net.au", I),
        ("optusnet.com.au", I),
        ("iinet.net.au", I),
        ("xtra.co.nz", I),
        ("ocn.ne.jp", I),
        ("nifty.com", I),
        ("biglobe.ne.jp", I),
        ("hinet.net", I),
        ("terra.com.br", I),
        ("prodigy.net.mx", I),
        ("eircom.net", I),
        ("otenet.gr", I),
        ("netvigator.com", I),
    ]
};

/// The built-in blocked-domains list: a stand-in for the unpublished
/// `blocked_domains.json` of portal.aadrm.com. The real contents were never
/// published, so these are domains a directory realistically can't be created
/// for: Microsoft's own service domains and disposable-mail services (the
/// reserved example domains are refused by [`check_domain`] itself). Trainers
/// can edit the list.
pub const DEFAULT_BLOCKED_DOMAINS: &[&str] = &[
    "onmicrosoft.com",
    "microsoft.com",
    "microsoftonline.com",
    "windows.net",
    "azure.com",
    "office365.com",
    "office.com",
    "aadrm.com",
    "test.com",
    "mailinator.com",
    "guerrillamail.com",
    "10minutemail.com",
    "yopmail.com",
    "trashmail.com",
    "sharklasers.com",
    "temp-mail.org",
    "dispostable.com",
];

pub use super::personal::personal_kind;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_lowercases_work_addresses() {
        let e = Email::parse("  P.Dover@Fabrikam.COM ").unwrap();
        assert_eq!(e.as_str(), "p.dover@fabrikam.com");
        assert_eq!(e.local_part(), "p.dover");
        assert_eq!(e.domain(), "fabrikam.com");
        assert_eq!(Email::parse("janetm@contoso.com").unwrap().to_string(), "janetm@contoso.com");
        assert_eq!(Email::parse("a@sub.example.co.uk").unwrap().domain(), "sub.example.co.uk");
    }

    #[test]
    fn each_kind_of_bad_address_has_its_own_error() {
        let cases = [
            ("   ", EmailError::Empty),
            ("p.dover", EmailError::MissingAt),
            ("p.dover@localhost", EmailError::MissingDomainDot),
            ("p dover@fabrikam.com", EmailError::Space),
            ("Pat <p@fabrikam.com>", EmailError::DisplayName),
            ("p@@fabrikam.com", EmailError::ExtraAt),
            ("@fabrikam.com", EmailError::MissingLocalPart),
            ("p.dover+rms@fabrikam.com", EmailError::LocalCharacter { ch: '+' }),
            ("jöhn@fabrikam.com", EmailError::LocalCharacter { ch: 'ö' }),
            ("o'brien@fabrikam.com", EmailError::LocalCharacter { ch: '\'' }),
            ("p=dover@fabrikam.com", EmailError::LocalCharacter { ch: '=' }),
            ("p.@fabrikam.com", EmailError::LocalDots),
            (".p@fabrikam.com", EmailError::LocalDots),
            ("p..dover@fabrikam.com", EmailError::LocalDots),
            ("p@fabrikam..com", EmailError::Domain(DomainProblem::EmptyLabel)),
            ("p.dover@[10.0.0.1]", EmailError::Domain(DomainProblem::IpAddress)),
            ("p@10.0.0.1", EmailError::Domain(DomainProblem::IpAddress)),
            ("p@fab_rikam.com", EmailError::Domain(DomainProblem::Character { ch: '_' })),
            (
                "p@fabrikam.example.com",
                EmailError::Domain(DomainProblem::Reserved {
                    name: "fabrikam.example.com".into(),
                    kind: ReservedKind::Documentation,
                }),
            ),
            (&*format!("{}@fabrikam.com", "a".repeat(65)), EmailError::LocalPartTooLong),
            (&*format!("a@{}.com", "b".repeat(50)), EmailError::DomainTooLong),
        ];
        for (input, expected) in cases {
            assert_eq!(Email::parse(input), Err(expected.clone()), "{input:?}");
            assert!(expected.to_string().len() > 40, "{expected:?} explains itself: {expected}");
        }
        let longest = format!("{}@{}.{}.com", "a".repeat(64), "b".repeat(22), "c".repeat(21));
        assert_eq!(Email::parse(&longest).unwrap().as_str().len(), 113, "the 113-character maximum is accepted");
        // Every character of the 2016 list is accepted, in any case.
        assert_eq!(Email::parse("A.b-c_d!e#f^g~9@Fabrikam.com").unwrap().as_str(), "a.b-c_d!e#f^g~9@fabrikam.com");
        assert!(EmailError::LocalCharacter { ch: '+' }.to_string().contains("Leave out the +"));
        for ch in ['\u{7}', '\u{202E}', '\u{200B}', '\u{FEFF}'] {
            let text = EmailError::LocalCharacter { ch }.to_string();
            assert!(text.contains(&format!("U+{:04X}", ch as u32)) && !text.contains(ch), "{ch:?} is named: {text}");
            let text = DomainProblem::Character { ch }.to_string();
            assert!(text.contains("invisible character") && !text.contains(ch), "{text}");
        }
        assert_eq!(Email::parse("p.dover<b>x</b>@fabrikam.com"), Err(EmailError::LocalCharacter { ch: '<' }));
        assert_eq!(Email::parse("p.\u{200B}dover@fabrikam.com"), Err(EmailError::LocalCharacter { ch: '\u{200B}' }));
    }

    #[test]
    fn a_domain_is_a_host_name_of_two_or_more_labels() {
        use DomainProblem as P;
        for ok in ["fabrikam.com", "a.co", "xn--bcher-kva.de", "sub-1.fabrikam.co.uk", "9.fabrikam.com", "FABRIKAM.COM"]
        {
            assert_eq!(check_domain(ok), Ok(()), "{ok}");
        }
        let label63 = format!("{}.com", "a".repeat(63));
        assert_eq!(check_domain(&label63), Ok(()));
        let long = format!("{}.com", ["a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(59)].join("."));
        assert_eq!(long.len(), 255);
        let cases: Vec<(String, DomainProblem)> = vec![
            ("".into(), P::Empty),
            ("fabrikam".into(), P::SingleLabel),
            (".fabrikam.com".into(), P::EmptyLabel),
            ("fabrikam..com".into(), P::EmptyLabel),
            ("fabrikam.com.".into(), P::EmptyLabel),
            (format!("{}.com", "a".repeat(64)), P::LabelTooLong { label: "a".repeat(64) }),
            ("-fabrikam.com".into(), P::HyphenAtEdge { label: "-fabrikam".into() }),
            ("fabrikam-.com".into(), P::HyphenAtEdge { label: "fabrikam-".into() }),
            ("fabrikam.com-".into(), P::HyphenAtEdge { label: "com-".into() }),
            ("fabrikam.123".into(), P::NumericTopLevel { label: "123".into() }),
            ("192.168.0.1".into(), P::IpAddress),
            ("1.2.3".into(), P::NumericTopLevel { label: "3".into() }),
            ("[::1]".into(), P::IpAddress),
            (long.clone(), P::TooLong { len: 255 }),
            ("fabrikam.local".into(), P::Reserved { name: "fabrikam.local".into(), kind: ReservedKind::LocalNetwork }),
            ("shop.test".into(), P::Reserved { name: "shop.test".into(), kind: ReservedKind::Testing }),
            ("x.invalid".into(), P::Reserved { name: "x.invalid".into(), kind: ReservedKind::Invalid }),
            ("web.localhost".into(), P::Reserved { name: "web.localhost".into(), kind: ReservedKind::Localhost }),
            ("corp.example".into(), P::Reserved { name: "corp.example".into(), kind: ReservedKind::Documentation }),
            ("Example.ORG".into(), P::Reserved { name: "example.org".into(), kind: ReservedKind::Documentation }),
        ];
        for (name, expected) in &cases {
            assert_eq!(check_domain(name).as_ref(), Err(expected), "{name:?}");
            assert!(expected.to_string().len() > 40, "{expected:?} explains itself");
        }
        for ch in ['_', '!', '\'', '=', '+', '$', '/', '?', ' ', '@', 'é'] {
            let name = format!("fab{ch}rikam.com");
            assert_eq!(check_domain(&name), Err(P::Character { ch }), "{name:?}");
        }
        // Look-alikes of reserved names are ordinary domains.
        for ok in ["example.co.uk", "myexample.com", "local.fabrikam.com", "test.com", "testing.org"] {
            assert_eq!(check_domain(ok), Ok(()), "{ok}");
        }
        for (_, kind) in RESERVED_DOMAINS {
            let text = P::Reserved { name: "x".into(), kind: *kind }.to_string();
            assert!(text.contains("RFC") && text.contains("fabrikam.com"), "{kind:?}: {text}");
        }
    }

    #[test]
    fn personal_domains_cover_subdomains_but_not_lookalikes() {
        assert_eq!(personal_kind("outlook.com"), Some(PersonalKind::ConsumerEmail));
        assert_eq!(personal_kind("comcast.net"), Some(PersonalKind::InternetProvider));
        assert_eq!(personal_kind("mail.comcast.net"), Some(PersonalKind::InternetProvider));
        assert_eq!(personal_kind("notoutlook.com"), None);
        assert_eq!(personal_kind("fabrikam.com"), None);
        assert!(PERSONAL_DOMAINS.len() > 100, "a realistic list, not three entries");
    }

    #[test]
    fn normalize_domain_cleans_trainer_input() {
        assert_eq!(normalize_domain("  @Fabrikam.COM. ").unwrap(), "fabrikam.com");
        assert_eq!(normalize_domain("localhost"), Err(EmailError::MissingDomainDot));
        assert_eq!(normalize_domain(""), Err(EmailError::Empty));
        assert_eq!(normalize_domain("bad domain.com"), Err(EmailError::Domain(DomainProblem::Character { ch: ' ' })));
        assert_eq!(
            normalize_domain("printer.local"),
            Err(EmailError::Domain(DomainProblem::Reserved {
                name: "printer.local".into(),
                kind: ReservedKind::LocalNetwork,
            }))
        );
        assert_eq!(normalize_domain(&format!("{}.com", "b".repeat(45))), Err(EmailError::DomainTooLong));
        assert!(domain_problem(&normalize_domain("fabrikam.123").unwrap_err()).contains(".123"));
    }
}
