//! Every ISO 3166-1 country, for the account page's Country list.

/// `(alpha-2 code, English short name)` for every ISO 3166-1 entry, sorted by name.
pub fn all() -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = rust_iso3166::ALL.iter().map(|c| (c.alpha2, c.name)).collect();
    v.sort_by(|a, b| a.1.cmp(b.1));
    v
}

pub fn name_of(alpha2: &str) -> Option<&'static str> {
    rust_iso3166::from_alpha2(&alpha2.to_ascii_uppercase()).map(|c| c.name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_all_249_countries() {
        let all = super::all();
        assert_eq!(all.len(), 249);
        assert!(all.iter().any(|(a, _)| *a == "US"));
        assert_eq!(super::name_of("nl"), Some("Netherlands (Kingdom of the)"));
        assert_eq!(super::name_of("XX"), None);
    }
}
