//! The workspace's build tool.
//!
//! `cargo run -p xtask -- build` compiles `iop-web` for `wasm32-unknown-unknown` in release mode,
//! generates its JavaScript bindings with `wasm-bindgen-cli-support` (pinned to the app's
//! `wasm-bindgen`, so the two can never disagree), shrinks the module with `wasm-opt -Oz` (npm's
//! binaryen, found on PATH) and assembles `dist/` from `index.html` and `iop-web/assets/`.
//!
//! `cargo run -p xtask -- serve [--port N]` serves `dist/` on 127.0.0.1 with the page's
//! Content-Security-Policy also sent as a header. `--port 0` picks a free port; the address is
//! printed as `Serving on http://127.0.0.1:PORT/` for people and for the e2e tests.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

/// The page's policy: only its own files; WebAssembly compilation allowed; nothing inline.
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(),
        Some("serve") => serve(&args[1..]),
        _ => Err("usage: xtask build | xtask serve [--port N]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

fn build() -> Result<(), String> {
    let root = root();
    let dist = root.join("dist");
    println!("xtask: cargo build -p iop-web --release --target wasm32-unknown-unknown");
    run(
        Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&root)
            .args([
                "build",
                "-p",
                "iop-web",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
            ]),
    )?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/iop_web.wasm");

    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    fs::create_dir_all(&dist).map_err(|e| e.to_string())?;

    println!("xtask: generating bindings (wasm-bindgen-cli-support, --target web)");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)
        .map_err(|e| e.to_string())?
        .generate(&dist)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    let module = dist.join("iop_web_bg.wasm");
    println!("xtask: wasm-opt -Oz");
    // XTASK_KEEP_NAMES=1 keeps the function names so `twiggy` can attribute the optimised bytes.
    let keep_names = env::var_os("XTASK_KEEP_NAMES").is_some_and(|v| v == "1");
    run(Command::new("wasm-opt")
        .arg("-Oz")
        .args(keep_names.then_some("-g"))
        .arg("--enable-bulk-memory")
        .arg("--enable-nontrapping-float-to-int")
        .arg("--enable-sign-ext")
        .arg("--enable-mutable-globals")
        .arg("--enable-reference-types")
        .arg("--enable-multivalue")
        .arg(&module)
        .arg("-o")
        .arg(&module))
    .map_err(|e| format!("{e} (is npm's binaryen on PATH? scripts/setup.sh installs it)"))?;

    fs::copy(root.join("index.html"), dist.join("index.html")).map_err(|e| e.to_string())?;
    let assets = root.join("iop-web/assets");
    for entry in fs::read_dir(&assets).map_err(|e| format!("{}: {e}", assets.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        fs::copy(entry.path(), dist.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    for entry in fs::read_dir(&dist).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        println!(
            "xtask:   dist/{:<24} {len:>9} bytes",
            entry.file_name().to_string_lossy()
        );
    }
    Ok(())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

fn serve(args: &[String]) -> Result<(), String> {
    let port: u16 = match args {
        [] => 8080,
        [flag, p] if flag == "--port" => p.parse().map_err(|_| format!("bad port {p:?}"))?,
        _ => return Err("usage: xtask serve [--port N]".into()),
    };
    let dist = root().join("dist");
    if !dist.join("index.html").exists() {
        return Err("dist/ has no index.html: run `cargo run -p xtask -- build` first".into());
    }
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("server has no IP address")?;
    println!("Serving on http://{addr}/");
    for request in server.incoming_requests() {
        let url = request.url().split(['?', '#']).next().unwrap_or("/");
        let rel = url.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        // Only plain file names inside dist/: no traversal, no subdirectories needed.
        let safe = !rel.contains("..") && !rel.contains('\\') && !rel.contains('/');
        let path = dist.join(rel);
        let response = match (safe, fs::read(&path)) {
            (true, Ok(bytes)) => tiny_http::Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&path)))
                .with_header(header("Content-Security-Policy", CSP))
                .with_header(header("X-Content-Type-Options", "nosniff"))
                .with_header(header("Cache-Control", "no-cache")),
            _ => tiny_http::Response::from_string("not found").with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}
