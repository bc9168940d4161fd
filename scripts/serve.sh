#!/usr/bin/env bash
# Builds the app in release mode and serves it on http://127.0.0.1:PORT (default 8080).
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_npm_tools
build_app
exec cargo run --quiet -p xtask -- serve --port "${PORT:-8080}"
