#!/usr/bin/env bash
# One command: set up (if needed) and build a year's report from the bundled sample data
# (default 2024). A year compared with the one before it (2025 → 2024) first builds each
# earlier bundled year whose summary.json is missing, oldest first, so that the comparison
# and the multi-year chart have the published figures they need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
year="${1:-2024}"
for earlier in $(ls data/raw | grep -E '^[0-9]{4}$' | sort); do
    if [ "$earlier" -lt "$year" ] && [ ! -f "${THIDUA_OUT_ROOT:-data/out}/$earlier/summary.json" ]; then
        echo "Lập trước báo cáo năm $earlier (số liệu để so sánh với năm trước)."
        .venv/bin/thidua run --year "$earlier" --quiet
    fi
done
.venv/bin/thidua run --year "$year"
