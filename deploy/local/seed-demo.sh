#!/usr/bin/env bash
# Loads the demo organisations and roll into a running membership service (see seed-demo.py).
# usage: seed-demo.sh MEMBERSHIP_BASE_URL [DATA_JSON]   e.g. seed-demo.sh http://127.0.0.1:5101
# Re-running creates nothing new: every request carries an Idempotency-Key.
set -euo pipefail
command -v python3 > /dev/null || { echo "python3 is needed (apt-get install -y python3)" >&2; exit 1; }
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/seed-demo.py" "$@"
