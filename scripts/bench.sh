#!/usr/bin/env bash
# Prints the release bundle's size (raw and gzipped, per file and in total) and
# the engine's sign-up throughput for 10,000 users across 1,000 domains.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
. scripts/env.sh
trunk build --release >/dev/null 2>&1 || { echo "trunk build --release failed; run it alone to see why" >&2; exit 1; }
echo "Release bundle (dist/):"
printf '  %-6s %10s %10s\n' kind raw gzipped
total_raw=0; total_gz=0
for kind in html js wasm css; do
  raw=0; gz=0
  for f in dist/*."$kind"; do
    [ -e "$f" ] || continue
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9c "$f" | wc -c)))
  done
  printf '  %-6s %10s %10s\n' "$kind" "$raw B" "$gz B"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '  %-6s %10s %10s\n' total "$total_raw B" "$total_gz B"
echo
cargo run --quiet --locked --release --example bench
