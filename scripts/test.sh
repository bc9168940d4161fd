#!/usr/bin/env bash
# Runs every test: formatting, lints, the workspace's unit, property and doc tests (iop-web's
# own logic natively), then the end-to-end tests against the release build in headless Chromium.
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_npm_tools
ensure_chromium
ensure_libreoffice

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
say "cargo test --workspace (unit, property and doc tests)"
cargo test --workspace --quiet
build_app
# Two test files at a time (one per core): each has its own server, browser and storage.
say "End-to-end tests in headless Chromium"
node --test --test-concurrency=2 tests/e2e/
say "All tests passed"
