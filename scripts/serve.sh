#!/usr/bin/env bash
# Sets everything up, then builds and serves the simulator at http://127.0.0.1:8080
# (trunk serve falls back to index.html for every path, as the app's routes need).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
echo "Serving the simulator at http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload
