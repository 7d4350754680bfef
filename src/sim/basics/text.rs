//! Characters that change how text reads without being seen: the bidi
//! controls (a right-to-left override can make `Report\u{202E}fdp.exe` show as
//! "Reportexe.pdf") and the zero-width characters. Names keep them as typed
//! (they are the person's text); the UI isolates them so they can't reorder
//! the text around a name, and says where a file name holds them.

/// Whether `c` changes the reading direction of the text after it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is invisible: a bidi control or a zero-width character.
pub fn is_hidden(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `s` with every hidden character written out as `[U+XXXX]`, or `None` when
/// it has none.
pub fn reveal_hidden(s: &str) -> Option<String> {
    if !s.chars().any(is_hidden) {
        return None;
    }
    Some(s.chars().map(|c| if is_hidden(c) { format!("[U+{:04X}]", c as u32) } else { c.to_string() }).collect())
}

/// What a file name's hidden characters mean, with the name written out, or
/// `None` when it has none.
pub fn hidden_note(name: &str) -> Option<String> {
    reveal_hidden(name).map(|shown| {
        format!("{shown}: this name holds characters you can't see, which can make a file look like another kind (a right-to-left override turns \"fdp.exe\" around to read \"exe.pdf\"). What counts is the real name shown here.")
    })
}

const SENTENCE_PUNCTUATION: &[char] = &[':', ';', ',', ')', '!', '?', '"'];

/// Splits `s` into runs for display: whitespace-separated words that hold a
/// bidi control are marked `true` (to be shown isolated, so their override
/// ends with them), everything else `false`. Joined, the runs are `s`.
pub fn isolation_runs(s: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    // Byte ranges of the runs of whitespace and of non-whitespace, in order.
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let ws = c.is_whitespace();
        while chars.peek().is_some_and(|(_, d)| d.is_whitespace() == ws) {
            chars.next();
        }
        let end = chars.peek().map_or(s.len(), |(i, _)| *i);
        let word = &s[start..end];
        if !ws && word.chars().any(is_bidi_control) {
            // Punctuation that ends the sentence's clause after the word (as
            // in "It becomes NAME: …") stays outside the isolated name.
            let name = word.trim_end_matches(SENTENCE_PUNCTUATION);
            let name = if name.chars().any(is_bidi_control) { name } else { word };
            out.push((name, true));
            if name.len() < word.len() {
                out.push((&word[name.len()..], false));
            }
        } else {
            match out.last_mut() {
                // Plain runs merge, so ordinary text stays one piece.
                Some((prev, false)) => *prev = &s[start - prev.len()..end],
                _ => out.push((word, false)),
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveals_only_hidden_characters() {
        assert_eq!(reveal_hidden("Report.pdf"), None);
        assert_eq!(reveal_hidden("Report\u{202E}fdp.exe").as_deref(), Some("Report[U+202E]fdp.exe"));
        assert_eq!(reveal_hidden("a\u{200B}b\u{FEFF}").as_deref(), Some("a[U+200B]b[U+FEFF]"));
        assert_eq!(reveal_hidden("مرحبا.txt"), None, "right-to-left letters are text, not controls");
    }

    #[test]
    fn notes_name_the_hidden_characters() {
        assert_eq!(hidden_note("Report.pdf"), None);
        let note = hidden_note("Report\u{202E}fdp.exe").unwrap();
        assert!(note.starts_with("Report[U+202E]fdp.exe: "), "{note}");
        assert!(!note.contains('\u{202E}'));
    }

    #[test]
    fn runs_rejoin_to_the_text_and_isolate_only_words_with_bidi_controls() {
        for s in [
            "",
            "plain text here",
            "a\u{202E}:: b",
            ":\u{202E}",
            "Pat\u{202E}txt.exe was emailed to x",
            "  lead\u{202E}  trail ",
            "\u{202E}",
            "a\u{200B}b c",
        ] {
            let runs = isolation_runs(s);
            assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), s);
            for (piece, iso) in &runs {
                assert_eq!(*iso, piece.chars().any(is_bidi_control) && !piece.trim().is_empty(), "{piece:?} in {s:?}");
            }
            assert!(runs.iter().all(|(piece, _)| !piece.is_empty()), "no empty runs in {s:?}");
        }
        assert_eq!(
            isolation_runs("Pat\u{202E}txt.exe was emailed"),
            vec![("Pat\u{202E}txt.exe", true), (" was emailed", false)]
        );
        assert_eq!(isolation_runs("a b c"), vec![("a b c", false)]);
        assert_eq!(
            isolation_runs("It becomes Pat\u{202E}txt.ptxt: native"),
            vec![("It becomes ", false), ("Pat\u{202E}txt.ptxt", true), (": native", false)]
        );
        assert_eq!(isolation_runs("(x\u{202E}y)"), vec![("(x\u{202E}y", true), (")", false)]);
        assert_eq!(isolation_runs("\u{202E}:"), vec![("\u{202E}", true), (":", false)]);
        assert_eq!(isolation_runs("x \u{202E}y z"), vec![("x ", false), ("\u{202E}y", true), (" z", false)]);
    }

    // proptest is a native dev-dependency only (see Cargo.toml).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_text_rejoins_and_every_bidi_control_is_inside_an_isolated_run(s in "[a-z .:()\u{202A}-\u{202E}\u{2066}-\u{2069}\u{200B}]{0,40}") {
            let runs = isolation_runs(&s);
            proptest::prop_assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), s.clone());
            for (piece, isolate) in &runs {
                proptest::prop_assert!(!piece.is_empty());
                proptest::prop_assert_eq!(*isolate, piece.chars().any(is_bidi_control));
            }
        }
    }
}
