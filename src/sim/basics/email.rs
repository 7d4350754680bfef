//! Email addresses and the two domain lists that sign-up checks before
//! anything else: personal (consumer and Internet-provider) domains, and the
//! blocked domains that cannot be used to create a directory.

use email_address::{EmailAddress, Options};
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
    Malformed,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "Enter your work or school email address, such as p.dover@fabrikam.com.",
            EmailError::MissingAt => "That isn't an email address: it needs an @ between your name and your organization's domain, such as p.dover@fabrikam.com.",
            EmailError::MissingDomainDot => "That isn't a work or school email address: the part after @ must be a full domain name with a dot, such as fabrikam.com.",
            EmailError::LocalPartTooLong => "The part before @ is too long: it can have at most 64 characters.",
            EmailError::DomainTooLong => "The domain after @ is too long: it can have at most 48 characters.",
            EmailError::Malformed => "That isn't a valid email address. Check it for spaces or stray characters and type it like p.dover@fabrikam.com.",
        })
    }
}

impl Email {
    /// Parses with the `email_address` crate (RFC 5321/5322), requiring a
    /// dotted domain and refusing domain literals and display names, then
    /// applies Azure AD's user principal name limits (64 before @, 48 after,
    /// which together make the 113-character total).
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if !s.contains('@') {
            return Err(EmailError::MissingAt);
        }
        let opts = Options { minimum_sub_domains: 2, allow_domain_literal: false, allow_display_text: false };
        let parsed = EmailAddress::parse_with_options(s, opts).map_err(|e| match e {
            email_address::Error::DomainTooFew => EmailError::MissingDomainDot,
            email_address::Error::MissingSeparator => EmailError::MissingAt,
            email_address::Error::LocalPartTooLong => EmailError::LocalPartTooLong,
            email_address::Error::DomainTooLong => EmailError::DomainTooLong,
            _ => EmailError::Malformed,
        })?;
        let local = parsed.local_part();
        let domain = parsed.domain();
        if !local.is_ascii() || !domain.is_ascii() || local.starts_with('"') {
            return Err(EmailError::Malformed);
        }
        if domain.split('.').any(|label| label.is_empty()) || domain.ends_with('-') {
            return Err(EmailError::Malformed);
        }
        if local.len() > 64 {
            return Err(EmailError::LocalPartTooLong);
        }
        if domain.len() > 48 {
            return Err(EmailError::DomainTooLong);
        }
        Ok(Email(format!("{}@{}", local, domain).to_ascii_lowercase()))
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

/// Normalizes a domain typed by a trainer (`  Example.COM. ` → `example.com`).
pub fn normalize_domain(input: &str) -> Result<String, EmailError> {
    let d = input.trim().trim_end_matches('.').to_ascii_lowercase();
    let d = d.trim_start_matches('@').to_string();
    if d.is_empty() {
        return Err(EmailError::Empty);
    }
    if !d.contains('.') {
        return Err(EmailError::MissingDomainDot);
    }
    // Reuse the address parser's domain rules on a probe address.
    Email::parse(&format!("probe@{d}")).map(|e| e.domain().to_string())
}

/// What is wrong with a domain name typed on its own (DNS, admin center,
/// blocked list), worded for domains rather than addresses.
pub fn domain_problem(e: &EmailError) -> &'static str {
    match e {
        EmailError::Empty => "Enter a domain name, such as fabrikam.com.",
        EmailError::MissingDomainDot => "A domain name needs at least one dot, such as fabrikam.com.",
        EmailError::DomainTooLong => {
            "That domain name is too long: Azure AD sign-in names allow at most 48 characters after the @, so accounts couldn't use it."
        }
        _ => "That isn't a valid domain name: use letters, digits, hyphens and dots, such as fabrikam.com.",
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
}

/// Consumer email services and Internet/telecom providers whose addresses are
/// personal, not work or school, addresses. The seed names Microsoft accounts
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
/// for: Microsoft's own service domains, reserved example domains and
/// disposable-mail services. Trainers can edit the list.
pub const DEFAULT_BLOCKED_DOMAINS: &[&str] = &[
    "onmicrosoft.com",
    "microsoft.com",
    "microsoftonline.com",
    "windows.net",
    "azure.com",
    "office365.com",
    "office.com",
    "aadrm.com",
    "example.com",
    "example.net",
    "example.org",
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

/// The personal-domain entry that covers `domain`, if any.
pub fn personal_kind(domain: &str) -> Option<PersonalKind> {
    PERSONAL_DOMAINS.iter().find(|(entry, _)| domain_matches(domain, entry)).map(|(_, k)| *k)
}

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
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(Email::parse("p.dover"), Err(EmailError::MissingAt));
        assert_eq!(Email::parse("p.dover@localhost"), Err(EmailError::MissingDomainDot));
        assert_eq!(Email::parse("p dover@fabrikam.com"), Err(EmailError::Malformed));
        assert_eq!(Email::parse("p.dover@[10.0.0.1]"), Err(EmailError::Malformed));
        assert_eq!(Email::parse("Pat <p@fabrikam.com>"), Err(EmailError::Malformed));
        assert_eq!(Email::parse("p@@fabrikam.com"), Err(EmailError::Malformed));
        assert_eq!(Email::parse("p@fabrikam..com"), Err(EmailError::Malformed));
        assert_eq!(Email::parse("jöhn@fabrikam.com"), Err(EmailError::Malformed));
        assert_eq!(Email::parse(&format!("{}@fabrikam.com", "a".repeat(65))), Err(EmailError::LocalPartTooLong));
        assert_eq!(Email::parse(&format!("a@{}.com", "b".repeat(50))), Err(EmailError::DomainTooLong));
        let longest = format!("{}@{}.{}.com", "a".repeat(64), "b".repeat(22), "c".repeat(21));
        assert_eq!(Email::parse(&longest).unwrap().as_str().len(), 113, "the 113-character maximum is accepted");
        for e in [
            EmailError::Empty,
            EmailError::MissingAt,
            EmailError::MissingDomainDot,
            EmailError::LocalPartTooLong,
            EmailError::DomainTooLong,
            EmailError::Malformed,
        ] {
            assert!(e.to_string().len() > 20, "{e:?} explains itself");
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
        assert_eq!(normalize_domain("  @Example.COM. ").unwrap(), "example.com");
        assert_eq!(normalize_domain("localhost"), Err(EmailError::MissingDomainDot));
        assert_eq!(normalize_domain(""), Err(EmailError::Empty));
        assert_eq!(normalize_domain("bad domain.com"), Err(EmailError::Malformed));
    }
}
