#!/usr/bin/env bash
# Sets up everything thidua needs on a fresh Debian/Ubuntu machine (idempotent):
#   - the Debian packages WeasyPrint and the report's fonts need (sudo when not root);
#   - a Python virtual environment in .venv with thidua and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fonts: Liberation Serif for the report; fallbacks for characters it lacks (issue 9.12), the
# smallest set found: FreeSerif (Thai, Indic, Arabic, Hebrew…), WenQuanYi Micro Hei (Chinese,
# Japanese, Korean), Noto Color Emoji, Lao and Khmer (~13 MB to download, report.css names them).
APT_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
              fonts-liberation2 fonts-freefont-ttf fonts-wqy-microhei fonts-noto-color-emoji
              fonts-lao fonts-khmeros fontconfig poppler-utils)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "thidua setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "thidua setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.thidua-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "thidua setup: installing Python packages"
  # pip repeats, once per package, a warning about a find-links folder of the machine's pip
  # configuration that does not exist: noise, left out (every other message is shown)
  .venv/bin/python -m pip install -q --upgrade pip \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  .venv/bin/python -m pip install -q -e ".[test]" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  touch "$stamp"
fi
