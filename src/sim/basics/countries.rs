//! Every ISO 3166-1 country, for the account page's Country list, by the
//! common English names of 2016 (the simulator's era): Swaziland, not
//! Eswatini (renamed 2018); Macedonia, not North Macedonia (2019); Turkey,
//! not Türkiye (2022); Czech Republic, not Czechia (registered late in 2016
//! and little used then); and Cape Verde, Netherlands, Russia, South Korea,
//! United Kingdom, United States rather than ISO's formal short names. The
//! codes are ISO 3166-1 alpha-2 (checked against the `rust_iso3166` crate,
//! 0.2.0, when the table was made); a plain table keeps the bundle small.

/// `(alpha-2 code, common English name)`, sorted as a person reads them
/// (see [`collation_key`]): Åland Islands with the A's, Côte d'Ivoire with
/// the C's.
pub const COUNTRIES: [(&str, &str); 249] = [
    ("AF", "Afghanistan"),
    ("AX", "Åland Islands"),
    ("AL", "Albania"),
    ("DZ", "Algeria"),
    ("AS", "American Samoa"),
    ("AD", "Andorra"),
    ("AO", "Angola"),
    ("AI", "Anguilla"),
    ("AQ", "Antarctica"),
    ("AG", "Antigua and Barbuda"),
    ("AR", "Argentina"),
    ("AM", "Armenia"),
    ("AW", "Aruba"),
    ("AU", "Australia"),
    ("AT", "Austria"),
    ("AZ", "Azerbaijan"),
    ("BS", "Bahamas"),
    ("BH", "Bahrain"),
    ("BD", "Bangladesh"),
    ("BB", "Barbados"),
    ("BY", "Belarus"),
    ("BE", "Belgium"),
    ("BZ", "Belize"),
    ("BJ", "Benin"),
    ("BM", "Bermuda"),
    ("BT", "Bhutan"),
    ("BO", "Bolivia"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BA", "Bosnia and Herzegovina"),
    ("BW", "Botswana"),
    ("BV", "Bouvet Island"),
    ("BR", "Brazil"),
    ("IO", "British Indian Ocean Territory"),
    ("VG", "British Virgin Islands"),
    ("BN", "Brunei"),
    ("BG", "Bulgaria"),
    ("BF", "Burkina Faso"),
    ("BI", "Burundi"),
    ("KH", "Cambodia"),
    ("CM", "Cameroon"),
    ("CA", "Canada"),
    ("CV", "Cape Verde"),
    ("KY", "Cayman Islands"),
    ("CF", "Central African Republic"),
    ("TD", "Chad"),
    ("CL", "Chile"),
    ("CN", "China"),
    ("CX", "Christmas Island"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CO", "Colombia"),
    ("KM", "Comoros"),
    ("CG", "Congo"),
    ("CD", "Congo (DRC)"),
    ("CK", "Cook Islands"),
    ("CR", "Costa Rica"),
    ("CI", "Côte d'Ivoire"),
    ("HR", "Croatia"),
    ("CU", "Cuba"),
    ("CW", "Curaçao"),
    ("CY", "Cyprus"),
    ("CZ", "Czech Republic"),
    ("DK", "Denmark"),
    ("DJ", "Djibouti"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("EC", "Ecuador"),
    ("EG", "Egypt"),
    ("SV", "El Salvador"),
    ("GQ", "Equatorial Guinea"),
    ("ER", "Eritrea"),
    ("EE", "Estonia"),
    ("ET", "Ethiopia"),
    ("FK", "Falkland Islands"),
    ("FO", "Faroe Islands"),
    ("FJ", "Fiji"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("GF", "French Guiana"),
    ("PF", "French Polynesia"),
    ("TF", "French Southern Territories"),
    ("GA", "Gabon"),
    ("GM", "Gambia"),
    ("GE", "Georgia"),
    ("DE", "Germany"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GR", "Greece"),
    ("GL", "Greenland"),
    ("GD", "Grenada"),
    ("GP", "Guadeloupe"),
    ("GU", "Guam"),
    ("GT", "Guatemala"),
    ("GG", "Guernsey"),
    ("GN", "Guinea"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HT", "Haiti"),
    ("HM", "Heard Island and McDonald Islands"),
    ("HN", "Honduras"),
    ("HK", "Hong Kong"),
    ("HU", "Hungary"),
    ("IS", "Iceland"),
    ("IN", "India"),
    ("ID", "Indonesia"),
    ("IR", "Iran"),
    ("IQ", "Iraq"),
    ("IE", "Ireland"),
    ("IM", "Isle of Man"),
    ("IL", "Israel"),
    ("IT", "Italy"),
    ("JM", "Jamaica"),
    ("JP", "Japan"),
    ("JE", "Jersey"),
    ("JO", "Jordan"),
    ("KZ", "Kazakhstan"),
    ("KE", "Kenya"),
    ("KI", "Kiribati"),
    ("KW", "Kuwait"),
    ("KG", "Kyrgyzstan"),
    ("LA", "Laos"),
    ("LV", "Latvia"),
    ("LB", "Lebanon"),
    ("LS", "Lesotho"),
    ("LR", "Liberia"),
    ("LY", "Libya"),
    ("LI", "Liechtenstein"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("MO", "Macau"),
    ("MK", "Macedonia"),
    ("MG", "Madagascar"),
    ("MW", "Malawi"),
    ("MY", "Malaysia"),
    ("MV", "Maldives"),
    ("ML", "Mali"),
    ("MT", "Malta"),
    ("MH", "Marshall Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MU", "Mauritius"),
    ("YT", "Mayotte"),
    ("MX", "Mexico"),
    ("FM", "Micronesia"),
    ("MD", "Moldova"),
    ("MC", "Monaco"),
    ("MN", "Mongolia"),
    ("ME", "Montenegro"),
    ("MS", "Montserrat"),
    ("MA", "Morocco"),
    ("MZ", "Mozambique"),
    ("MM", "Myanmar"),
    ("NA", "Namibia"),
    ("NR", "Nauru"),
    ("NP", "Nepal"),
    ("NL", "Netherlands"),
    ("NC", "New Caledonia"),
    ("NZ", "New Zealand"),
    ("NI", "Nicaragua"),
    ("NE", "Niger"),
    ("NG", "Nigeria"),
    ("NU", "Niue"),
    ("NF", "Norfolk Island"),
    ("KP", "North Korea"),
    ("MP", "Northern Mariana Islands"),
    ("NO", "Norway"),
    ("OM", "Oman"),
    ("PK", "Pakistan"),
    ("PW", "Palau"),
    ("PS", "Palestine"),
    ("PA", "Panama"),
    ("PG", "Papua New Guinea"),
    ("PY", "Paraguay"),
    ("PE", "Peru"),
    ("PH", "Philippines"),
    ("PN", "Pitcairn Islands"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("PR", "Puerto Rico"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("BL", "Saint Barthélemy"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("KN", "Saint Kitts and Nevis"),
    ("LC", "Saint Lucia"),
    ("MF", "Saint Martin"),
    ("PM", "Saint Pierre and Miquelon"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("WS", "Samoa"),
    ("SM", "San Marino"),
    ("ST", "São Tomé and Príncipe"),
    ("SA", "Saudi Arabia"),
    ("SN", "Senegal"),
    ("RS", "Serbia"),
    ("SC", "Seychelles"),
    ("SL", "Sierra Leone"),
    ("SG", "Singapore"),
    ("SX", "Sint Maarten"),
    ("SK", "Slovakia"),
    ("SI", "Slovenia"),
    ("SB", "Solomon Islands"),
    ("SO", "Somalia"),
    ("ZA", "South Africa"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("KR", "South Korea"),
    ("SS", "South Sudan"),
    ("ES", "Spain"),
    ("LK", "Sri Lanka"),
    ("SD", "Sudan"),
    ("SR", "Suriname"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SZ", "Swaziland"),
    ("SE", "Sweden"),
    ("CH", "Switzerland"),
    ("SY", "Syria"),
    ("TW", "Taiwan"),
    ("TJ", "Tajikistan"),
    ("TZ", "Tanzania"),
    ("TH", "Thailand"),
    ("TL", "Timor-Leste"),
    ("TG", "Togo"),
    ("TK", "Tokelau"),
    ("TO", "Tonga"),
    ("TT", "Trinidad and Tobago"),
    ("TN", "Tunisia"),
    ("TR", "Turkey"),
    ("TM", "Turkmenistan"),
    ("TC", "Turks and Caicos Islands"),
    ("TV", "Tuvalu"),
    ("UG", "Uganda"),
    ("UA", "Ukraine"),
    ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
    ("UM", "United States Minor Outlying Islands"),
    ("UY", "Uruguay"),
    ("VI", "U.S. Virgin Islands"),
    ("UZ", "Uzbekistan"),
    ("VU", "Vanuatu"),
    ("VA", "Vatican City"),
    ("VE", "Venezuela"),
    ("VN", "Vietnam"),
    ("WF", "Wallis and Futuna"),
    ("EH", "Western Sahara"),
    ("YE", "Yemen"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];

/// Every country, sorted as a person reads them.
pub fn all() -> Vec<(&'static str, &'static str)> {
    COUNTRIES.to_vec()
}

/// The accented Latin letters of country names and what they fold to.
const FOLDS: &[(&str, char)] = &[
    ("àáâãäåā", 'a'),
    ("ç", 'c'),
    ("èéêëē", 'e'),
    ("ìíîïī", 'i'),
    ("ñ", 'n'),
    ("òóôõöøō", 'o'),
    ("ùúûüū", 'u'),
    ("ýÿ", 'y'),
];

/// A key that sorts names as a person reads them: letters without their
/// accents and in one case, digits kept, spaces and hyphens as a space
/// (before any letter, so "Guinea" comes before "Guinea-Bissau"), other
/// punctuation (apostrophes, brackets, dots, commas) ignored. A small hand
/// fold of the letters country names use, rather than a Unicode collation
/// library in the browser bundle.
pub fn collation_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if let Some((_, base)) = FOLDS.iter().find(|(accented, _)| accented.contains(c)) {
            key.push(*base);
        } else if c.is_alphanumeric() {
            key.push(c);
        } else if c == ' ' || c == '-' {
            key.push(' ');
        }
    }
    key
}

pub fn name_of(alpha2: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(a, _)| a.eq_ignore_ascii_case(alpha2)).map(|(_, n)| *n)
}

/// The Azure RMS region a new tenant is created in, from its first user's
/// country. The usage log names three regions (`na`, `eu`, `ap`); which
/// countries go where is not published, so the simulator follows Microsoft's
/// datacenter geographies: Europe, the Middle East and Africa → Europe;
/// Asia and Oceania → Asia Pacific; the Americas (and anything unknown) →
/// North America.
pub fn region_of(alpha2: &str) -> Region {
    let c = alpha2.to_ascii_uppercase();
    if EMEA.contains(&c.as_str()) {
        Region::Europe
    } else if APAC.contains(&c.as_str()) {
        Region::AsiaPacific
    } else {
        Region::NorthAmerica
    }
}

use serde::{Deserialize, Serialize};

/// The Azure region a tenant (and its RMS tenant key) lives in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    #[default]
    #[serde(rename = "na")]
    NorthAmerica,
    #[serde(rename = "eu")]
    Europe,
    #[serde(rename = "ap")]
    AsiaPacific,
}

impl Region {
    pub fn label(self) -> &'static str {
        match self {
            Region::NorthAmerica => "North America",
            Region::Europe => "Europe",
            Region::AsiaPacific => "Asia Pacific",
        }
    }
    /// As in the usage log's service addresses (`….rms.na.aadrm.com`).
    pub fn code(self) -> &'static str {
        match self {
            Region::NorthAmerica => "na",
            Region::Europe => "eu",
            Region::AsiaPacific => "ap",
        }
    }
}

const EMEA: &[&str] = &[
    "AD", "AE", "AL", "AM", "AO", "AT", "AX", "AZ", "BA", "BE", "BF", "BG", "BH", "BI", "BJ", "BV", "BW", "BY", "CD",
    "CF", "CG", "CH", "CI", "CM", "CV", "CY", "CZ", "DE", "DJ", "DK", "DZ", "EE", "EG", "EH", "ER", "ES", "ET", "FI",
    "FO", "FR", "GA", "GB", "GE", "GG", "GH", "GI", "GM", "GN", "GQ", "GR", "GW", "HR", "HU", "IE", "IL", "IM", "IQ",
    "IR", "IS", "IT", "JE", "JO", "KE", "KM", "KW", "LB", "LI", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD",
    "ME", "MG", "MK", "ML", "MR", "MT", "MU", "MW", "MZ", "NA", "NE", "NG", "NL", "NO", "OM", "PL", "PS", "PT", "QA",
    "RE", "RO", "RS", "RU", "RW", "SA", "SC", "SD", "SE", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SS", "ST",
    "SY", "SZ", "TD", "TF", "TG", "TN", "TR", "TZ", "UA", "UG", "VA", "YE", "YT", "ZA", "ZM", "ZW",
];

const APAC: &[&str] = &[
    "AF", "AQ", "AS", "AU", "BD", "BN", "BT", "CC", "CK", "CN", "CX", "FJ", "FM", "GU", "HK", "HM", "ID", "IN", "IO",
    "JP", "KG", "KH", "KI", "KP", "KR", "KZ", "LA", "LK", "MH", "MM", "MN", "MO", "MP", "MV", "MY", "NC", "NF", "NP",
    "NR", "NU", "NZ", "PF", "PG", "PH", "PK", "PN", "PW", "SB", "SG", "TH", "TJ", "TK", "TL", "TM", "TO", "TV", "TW",
    "UZ", "VN", "VU", "WF", "WS",
];

#[cfg(test)]
mod tests {
    #[test]
    fn lists_all_249_countries() {
        let all = super::all();
        assert_eq!(all.len(), 249);
        assert!(all.iter().any(|(a, _)| *a == "US"));
        assert_eq!(super::name_of("nl"), Some("Netherlands"));
        assert_eq!(super::name_of("XX"), None);
        let codes: std::collections::BTreeSet<_> = all.iter().map(|(a, _)| *a).collect();
        assert_eq!(codes.len(), 249, "codes are unique");
        for list in [super::EMEA, super::APAC] {
            assert!(list.iter().all(|c| codes.contains(c)), "region lists hold real codes");
        }
        assert!(super::EMEA.iter().all(|c| !super::APAC.contains(c)), "no country in two regions");
    }

    #[test]
    fn names_are_the_common_english_names_of_2016() {
        use super::name_of;
        for (code, name) in [
            ("SZ", "Swaziland"),
            ("MK", "Macedonia"),
            ("TR", "Turkey"),
            ("NL", "Netherlands"),
            ("CZ", "Czech Republic"),
            ("CV", "Cape Verde"),
            ("GB", "United Kingdom"),
            ("US", "United States"),
            ("RU", "Russia"),
            ("KR", "South Korea"),
            ("KP", "North Korea"),
            ("VN", "Vietnam"),
            ("LA", "Laos"),
            ("IR", "Iran"),
            ("SY", "Syria"),
            ("BO", "Bolivia"),
            ("VE", "Venezuela"),
            ("TZ", "Tanzania"),
            ("MD", "Moldova"),
            ("TW", "Taiwan"),
            ("BN", "Brunei"),
            ("VA", "Vatican City"),
            ("FK", "Falkland Islands"),
            ("CD", "Congo (DRC)"),
            ("CG", "Congo"),
            ("CI", "Côte d'Ivoire"),
            ("AX", "Åland Islands"),
        ] {
            assert_eq!(name_of(code), Some(name), "{code}");
        }
        // No ISO formal forms and no names given after 2016.
        for (_, name) in super::COUNTRIES {
            for later in ["Eswatini", "North Macedonia", "Türkiye", "Czechia", "Cabo Verde", "(Kingdom of the)"] {
                assert!(!name.contains(later), "{name}");
            }
            assert!(!name.contains(" of)") && !name.contains("Republic of the)"), "{name}: an ISO formal form");
        }
        let names: std::collections::BTreeSet<_> = super::COUNTRIES.iter().map(|(_, n)| *n).collect();
        assert_eq!(names.len(), 249, "names are unique");
    }

    #[test]
    fn sorted_as_a_person_reads_them() {
        use super::collation_key as key;
        assert_eq!(key("Côte d'Ivoire"), "cote divoire");
        assert_eq!(key("Åland Islands"), "aland islands");
        assert_eq!(key("São Tomé and Príncipe"), "sao tome and principe");
        assert_eq!(key("Guinea-Bissau"), "guinea bissau");
        let all = super::all();
        assert!(all.windows(2).all(|p| key(p[0].1) < key(p[1].1)), "strictly in collation order");
        for (_, name) in &all {
            assert!(key(name).is_ascii(), "{name} folds to plain letters");
        }
        let pos = |name: &str| all.iter().position(|(_, n)| *n == name).unwrap_or_else(|| panic!("{name}"));
        let in_order = |names: &[&str]| {
            for w in names.windows(2) {
                assert_eq!(pos(w[0]) + 1, pos(w[1]), "{} right before {}", w[0], w[1]);
            }
        };
        in_order(&["Afghanistan", "Åland Islands", "Albania"]);
        in_order(&["Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Curaçao", "Cyprus", "Czech Republic"]);
        in_order(&["Qatar", "Réunion", "Romania"]);
        in_order(&["Rwanda", "Saint Barthélemy"]);
        in_order(&["San Marino", "São Tomé and Príncipe", "Saudi Arabia"]);
        in_order(&["Guinea", "Guinea-Bissau", "Guyana"]);
        in_order(&["Congo", "Congo (DRC)", "Cook Islands"]);
        assert_eq!(all[0].1, "Afghanistan");
        assert_eq!(all[248].1, "Zimbabwe", "Åland Islands is no longer last");
    }

    #[test]
    fn regions_follow_datacenter_geographies() {
        use super::{Region, region_of};
        assert_eq!(region_of("US"), Region::NorthAmerica);
        assert_eq!(region_of("br"), Region::NorthAmerica);
        assert_eq!(region_of("DE"), Region::Europe);
        assert_eq!(region_of("ZA"), Region::Europe);
        assert_eq!(region_of("JP"), Region::AsiaPacific);
        assert_eq!(region_of("AU"), Region::AsiaPacific);
        assert_eq!(region_of(""), Region::NorthAmerica);
    }
}
