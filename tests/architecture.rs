//! The invariants of ARCHITECTURE.md that a reading of the source can check:
//! what the engine, its language layer and its helpers deliberately don't use.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The code of a file without its comments (`//` to the end of the line).
fn code(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .collect()
}

fn violations(dir: &str, forbidden: &[&str], allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = vec![];
    for file in rust_files(&root) {
        for (n, line) in code(&file) {
            for f in forbidden {
                if line.contains(f) && !allowed.iter().any(|a| line.contains(a)) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_engine_uses_no_ui_and_no_browser() {
    let v =
        violations("src/sim", &["leptos", "web_sys", "js_sys", "wasm_bindgen", "crate::ui", "crate::platform"], &[]);
    assert!(v.is_empty(), "src/sim must stay free of the UI and the browser:\n{}", v.join("\n"));
}

#[test]
fn the_console_language_layer_knows_nothing_of_the_world() {
    let v = violations("src/sim/console/powershell", &["crate::sim::", "World"], &["crate::sim::powershell::"]);
    assert!(v.is_empty(), "the PowerShell layer talks to the world only through CmdletHost:\n{}", v.join("\n"));
}

#[test]
fn the_basics_know_no_feature() {
    let v = violations("src/sim/basics", &["crate::sim::", "World"], &["crate::sim::basics::"]);
    assert!(v.is_empty(), "src/sim/basics holds world-free helpers only:\n{}", v.join("\n"));
}

/// The code of a file up to its test module (`#[cfg(test)]`), without comments.
fn code_before_tests(path: &Path) -> Vec<(usize, String)> {
    code(path).into_iter().take_while(|(_, l)| !l.contains("#[cfg(test)]")).collect()
}

#[test]
fn the_first_load_names_no_decoder_and_no_closed_set_of_commands() {
    // ARCHITECTURE.md, "The first load holds what the portal's first paint
    // and first click need": in the split build, naming `persist::decode` or
    // `AnyCommand` from code of the main wasm file would pull the world's
    // deserializer or every command into it. Only the decoder's split function
    // (ui/lazy.rs) may name the decoder.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![];
    let files = rust_files(&root.join("src/ui"))
        .into_iter()
        .chain(["sync.rs", "history.rs", "share.rs"].into_iter().map(|f| root.join("src/persist").join(f)));
    for file in files {
        for (n, line) in code_before_tests(&file) {
            let decode = line.replace("decode_stored", "").replace("decode_json", "").replace("decoder_ready", "");
            let names_decode =
                decode.contains("persist::decode") || decode.contains(" decode(") || decode.contains("(decode(");
            let allowed = file.ends_with("ui/lazy.rs") && line.contains("Ok(crate::persist::decode)");
            if (names_decode && !allowed) || line.contains("AnyCommand") {
                found.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "read stored states through persist::decode_stored, keep commands as sync::Replay:\n{}",
        found.join("\n")
    );
}
