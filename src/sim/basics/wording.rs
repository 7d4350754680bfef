//! Where the words a person reads in Microsoft's voice come from: quoted
//! from Microsoft's documentation, or written by the simulator because
//! Microsoft's text was never published (facts file, "Open items").

/// The origin of a text shown in Microsoft's voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// Quoted from a Microsoft source.
    Microsoft { source: &'static str },
    /// Partly quoted: the named parts come from the source, the rest is the simulator's.
    Partly { quoted: &'static str, source: &'static str },
    /// Written by the simulator.
    Simulator { why: &'static str },
}

impl Wording {
    /// The note shown beside the text.
    pub fn note(self) -> String {
        match self {
            Wording::Microsoft { source } => format!("Microsoft's wording ({source})."),
            Wording::Partly { quoted, source } => {
                format!("Simulator's wording, except {quoted}, which {source} gives.")
            }
            Wording::Simulator { why } => format!("Simulator's wording: {why}"),
        }
    }

    pub fn is_simulators(self) -> bool {
        !matches!(self, Wording::Microsoft { .. })
    }
}

/// Why the simulator wrote a refusal itself.
pub const UNPUBLISHED_ERROR: &str = "the exact error texts of the 2014–2016 RMS portal were not published.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_wording_says_where_it_comes_from() {
        assert_eq!(Wording::Microsoft { source: "the seed" }.note(), "Microsoft's wording (the seed).");
        let p = Wording::Partly { quoted: "the sender and subject", source: "the seed" };
        assert!(p.note().starts_with("Simulator's wording, except the sender and subject"));
        assert!(p.is_simulators() && Wording::Simulator { why: UNPUBLISHED_ERROR }.is_simulators());
        assert!(!Wording::Microsoft { source: "x" }.is_simulators());
    }
}
