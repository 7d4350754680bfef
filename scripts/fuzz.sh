#!/usr/bin/env bash
# Fuzzes the engine's input parsing with cargo-fuzz (libFuzzer):
#   email_parse    arbitrary text through Email::parse, normalize_domain, personal_kind
#   stored_state   arbitrary text through persist::decode (and encode/decode round trips)
#   signup_inputs  arbitrary form input through sign-up, sign-in, clock and domain lists
# Each target runs for FUZZ_SECONDS seconds (default 30), starting from the
# seeds in fuzz/corpus/<target>/ (inputs found along the way are added there,
# ignored by git). Crashes land in fuzz/artifacts/<target>/; logs in
# fuzz/target/fuzz-logs/. Usage: scripts/fuzz.sh [target...]
#
# Toolchain: this project builds with stable Rust only. cargo-fuzz turns on
# AddressSanitizer with the nightly-only -Zsanitizer=address (stable rustc
# refuses it: "the option `Z` is only accepted on the nightly compiler"), so
# the cargo fuzz invocations run with RUSTC_BOOTSTRAP=1, which makes the
# stable compiler accept it (the coverage instrumentation, -Cpasses=sancov-module
# and -Cllvm-args, needs nothing special). The default AddressSanitizer
# build works on stable because the toolchain ships the sanitizer runtimes,
# and it is kept on purpose: its allocator hooks let libFuzzer report a single
# huge allocation (> 2 GiB) as an out-of-memory crash, which a build without
# a sanitizer lets through (Linux hands out untouched memory lazily, but the
# browser's 32-bit wasm cannot). FUZZ_SANITIZER=none fuzzes without it: about
# 20 times faster, and the way out on a toolchain without the runtimes.
# Debug assertions (and so overflow checks) are on, so an arithmetic overflow
# counts as a crash.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${FUZZ_SECONDS:-30}
sanitizer=${FUZZ_SANITIZER:-address}
all_targets=(email_parse stored_state signup_inputs protected_file)
targets=("${@:-${all_targets[@]}}")
logs=fuzz/target/fuzz-logs

say() { printf '\n==> %s\n' "$*"; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked || exit 1
fi
cargo fuzz --version

# `cargo fuzz <build|run> <options> [target] [-- libFuzzer options]`
fuzz() {
  local sub=$1
  shift
  RUSTC_BOOTSTRAP=1 cargo fuzz "$sub" --fuzz-dir fuzz --sanitizer "$sanitizer" --debug-assertions "$@"
}

say "Building the fuzz targets (sanitizer: $sanitizer)"
# Fuzz targets are built with `cargo fuzz build` in fuzz/'s own workspace.
fuzz build || exit 1

mkdir -p "$logs"
failed=()
summary=()
for t in "${targets[@]}"; do
  say "Fuzzing $t for $seconds s"
  fuzz run "$t" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 | tee "$logs/$t.txt"
  status=${PIPESTATUS[0]}
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$logs/$t.txt" | tail -1)
  if [ "$status" -eq 0 ]; then
    summary+=("$t: ok, ${runs:-no run count}")
  else
    failed+=("$t")
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$logs/$t.txt" | tail -1)
    summary+=("$t: FAILED (exit $status)${crash:+, input saved in $crash}")
  fi
done

say "Summary"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "Reproduce a crash with: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz --sanitizer $sanitizer --debug-assertions <target> <input file>"
  exit 1
fi
