#!/usr/bin/env bash
# Loads the demo data into the running services (see seed-demo.py and seed/<service>.py).
# usage: seed-demo.sh membership=URL [pairing=URL projects=URL assessment=URL notification=URL] [--data JSON]
# Re-running creates nothing new: every request carries an Idempotency-Key.
set -euo pipefail
command -v python3 > /dev/null || { echo "python3 is needed (apt-get install -y python3)" >&2; exit 1; }
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/seed-demo.py" "$@"
