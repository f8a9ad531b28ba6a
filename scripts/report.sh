#!/usr/bin/env bash
# One command: set up (if needed) and build the 2024 report from the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/thidua run --year "${1:-2024}"
