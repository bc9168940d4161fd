# Shared set-up for scripts/serve.sh and scripts/test.sh: sourced, not run.
# Installs only what is missing, at pinned versions, and says what it does.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Each step with the minutes and seconds since the script started, so a slow step shows.
say() { printf '\033[1m==> [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
  else
    say "wasm32-unknown-unknown target: installing (rustup)"
    rustup target add wasm32-unknown-unknown
  fi
}

# wasm-opt comes from npm's binaryen (Debian's 108 writes modules Chromium rejects);
# playwright-core and axe-core drive and check the page in the e2e tests.
ensure_npm_tools() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -f node_modules/axe-core/axe.min.js ] \
     && node_modules/.bin/wasm-opt --version | grep -q "version 132"; then
    say "npm tools (binaryen 132, playwright-core, axe-core): present"
  else
    say "npm tools: installing pinned versions from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund
  fi
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

# Chromium runs the e2e tests; poppler-utils' pdftotext reads the PDFs they print.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null; then
    say "Chromium and pdftotext: present ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
    return
  fi
  if [ "$(id -u)" = 0 ]; then
    say "Chromium and pdftotext: installing Debian's chromium and poppler-utils (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Chromium or pdftotext is missing: run 'sudo apt-get install -y chromium poppler-utils' and try again." >&2
    exit 1
  fi
}

# LibreOffice's Calc and Writer, headless, for the tests that open the Excel and Word exports:
# Debian's -nogui packages (no desktop, a third of the download). `soffice` alone is not enough:
# a Writer-only install converts no workbook, so Calc's library is looked for too.
ensure_libreoffice() {
  if command -v soffice >/dev/null && [ -e /usr/lib/libreoffice/program/libsclo.so ] \
    && [ -e /usr/lib/libreoffice/program/libswlo.so ]; then
    say "LibreOffice Calc and Writer: present ($(soffice --version 2>/dev/null | head -1))"
    return
  fi
  if [ "$(id -u)" = 0 ]; then
    say "LibreOffice Calc and Writer: installing Debian's libreoffice-calc-nogui and libreoffice-writer-nogui (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null
  else
    echo "LibreOffice is missing: run 'sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui' and try again." >&2
    exit 1
  fi
}

# Builds the release app into dist/ (cargo, then bindings and wasm-opt by the xtask tool).
build_app() {
  say "Building the app in release mode into dist/"
  cargo run --quiet -p xtask -- build
}
