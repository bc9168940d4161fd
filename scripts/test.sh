#!/usr/bin/env bash
# Runs every test: formatting, lints, the workspace's unit and doc tests,
# then the end-to-end tests against the release build in headless Chromium.
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_npm_tools
ensure_chromium
ensure_wasm_test_runner

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
say "cargo clippy on iop-web for wasm32 -- -D warnings"
cargo clippy -p iop-web --target wasm32-unknown-unknown --tests --quiet -- -D warnings
say "cargo test --workspace (unit, property and doc tests)"
cargo test --workspace --quiet
say "Component tests of iop-web in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p iop-web --target wasm32-unknown-unknown
build_app
say "End-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
say "All tests passed"
