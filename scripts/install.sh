#!/usr/bin/env bash
# Set up kyodo-network in ./.venv on a fresh Debian/Ubuntu machine.
#   bash scripts/install.sh          the tool only (pip packages)
#   bash scripts/install.sh test     also what the tests need: Debian's chromium, CJK fonts and poppler, pytest, playwright
# Safe to run again. Never downloads a browser of its own: the browser tests drive /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "test" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
      || ! fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    echo "Installing Debian packages: chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
  fi
fi

python3 -m venv .venv
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  # graphology's GEXF parser, an independent reader of our GEXF export (versions pinned in tests/js/package-lock.json)
  if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/js --silent --no-audit --no-fund >/dev/null; fi
else
  .venv/bin/python -m pip install -q .
fi
echo "kyodo-network is installed in .venv (run .venv/bin/kyodo --help)" >&2
