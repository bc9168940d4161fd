#!/usr/bin/env bash
# Benchmarks: Criterion for the core, then the built app in headless Chromium.
# Prints figures; fails only if something cannot run. Results go in BENCHMARKS.md by hand.
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_npm_tools
ensure_chromium
if [ "${1:-}" != "--page-only" ]; then
  say "Criterion benchmarks of iop-core"
  cargo bench -p iop-core --bench core
fi
build_app
say "Building the iop command (release) for the generator"
cargo build --release -q -p iop-cli
say "Browser benchmark"
node tests/bench/page.mjs
