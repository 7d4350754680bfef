#!/usr/bin/env bash
# Sets everything up, then runs every test layer:
#   0. formatting and lints                     (cargo fmt --check, cargo clippy)
#   1. native engine and persistence tests      (cargo test)
#   2. browser tests in headless Chromium        (wasm-bindgen-test)
#   3. end-to-end tests on the release build     (trunk build --release + Playwright)
# Every layer runs even if an earlier one fails; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || exit 1
. scripts/env.sh
logs=target/test-logs
mkdir -p "$logs"
failed_layers=()

layer() { printf '\n==> %s\n' "$*"; }

layer "0/3 Formatting and lints (cargo fmt --check, cargo clippy -D warnings, native and wasm32)"
cargo fmt --check 2>&1 | tee "$logs/fmt.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("formatting")
cargo clippy --locked --all-targets -- -D warnings 2>&1 | tee "$logs/clippy.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("lints (native)")
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings 2>&1 | tee "$logs/clippy-wasm.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("lints (wasm32)")
# The browser build's pages split out (src/ui/lazy.rs): linted as trunk builds it.
cargo clippy --locked --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings 2>&1 | tee "$logs/clippy-split.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("lints (wasm32, split)")

layer "1/3 Native tests: engine, persistence (cargo test)"
cargo test --locked 2>&1 | tee "$logs/native.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("native")

layer "2/3 Browser tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web --test web_crypto --test web_lists 2>&1 | tee "$logs/web.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("browser")

layer "2b/3 Persistence costs in headless Chromium (release build; ratios, no absolute times)"
cargo test --locked --release --target wasm32-unknown-unknown --test web_perf -- --nocapture 2>&1 | tee "$logs/web-perf.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("persistence costs")

layer "3/3 End-to-end tests: release build + Playwright"
# A free port for the suite's static server, unless one was chosen.
export E2E_PORT="${E2E_PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")}"
if trunk build --release 2>&1 | tee "$logs/build.txt"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  (cd e2e && PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/../$logs/e2e.json" npx playwright test --reporter=list,json) 2>&1 | tee "$logs/e2e.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=("end-to-end")
else
  failed_layers+=("release build")
fi

# One closing line for all layers.
cargo_counts=$(cat "$logs/native.txt" "$logs/web.txt" "$logs/web-perf.txt" 2>/dev/null \
  | sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
e2e_counts=$(node -e '
  try {
    const s = require(process.argv[1]).stats;
    console.log((s.expected + s.flaky) + " " + s.unexpected);
  } catch { console.log("0 0"); }' "$PWD/$logs/e2e.json")
read -r cp cf <<<"$cargo_counts"
read -r ep ef <<<"$e2e_counts"
echo
if ((${#failed_layers[@]})); then
  echo "Failed layers: ${failed_layers[*]} (logs in $logs/)"
  [ $((cf + ef)) -gt 0 ] || cf=1
fi
echo "summary: $((cp + ep)) passed, $((cf + ef)) failed"
((${#failed_layers[@]} == 0))
