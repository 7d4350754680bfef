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
