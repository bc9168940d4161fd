//! The workspace's build tool.
//!
//! `cargo run -p xtask -- build [--out DIR]` compiles `iop-web` for `wasm32-unknown-unknown` in
//! release mode, generates its JavaScript bindings with `wasm-bindgen-cli-support` (pinned to the
//! app's `wasm-bindgen`, so the two can never disagree), shrinks the module with `wasm-opt -Oz`
//! (npm's binaryen, found on PATH) and assembles the site (`dist/` unless told) with hashed
//! names, a service worker and compressed copies (see `assemble`). The build date shown by the
//! page is `IOP_BUILD_DATE` if set, else the day of `SOURCE_DATE_EPOCH`, else today (UTC).
//!
//! `cargo run -p xtask -- serve [--port N] [--dir DIR]` serves the site on 127.0.0.1 as a real
//! server should (see `serve`). `--port 0` picks a free port; the address is printed as
//! `Serving DIR on http://127.0.0.1:PORT/` for people and for the e2e tests.

mod assemble;
mod serve;

use sha2::Digest;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

const USAGE: &str =
    "usage: xtask build [--out DIR] | xtask assemble [--out DIR] | xtask serve [--port N] [--dir DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => options(&args[1..], &["--out"]).and_then(|o| {
            let out = o[0]
                .clone()
                .map_or_else(|| root().join("dist"), PathBuf::from);
            build(&out)
        }),
        Some("assemble") => options(&args[1..], &["--out"]).and_then(|o| {
            let out = o[0]
                .clone()
                .map_or_else(|| root().join("dist"), PathBuf::from);
            assemble_site(&out)
        }),
        Some("serve") => options(&args[1..], &["--port", "--dir"]).and_then(|o| {
            let port = match &o[0] {
                None => 8080,
                Some(p) => p.parse().map_err(|_| format!("bad port {p:?}"))?,
            };
            let dir = o[1]
                .clone()
                .map_or_else(|| root().join("dist"), PathBuf::from);
            serve::serve(&dir, port)
        }),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The values of `--flag VALUE` pairs, in the order of `flags`.
fn options(args: &[String], flags: &[&str]) -> Result<Vec<Option<String>>, String> {
    let mut found = vec![None; flags.len()];
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let i = flags.iter().position(|f| f == flag).ok_or(USAGE)?;
        found[i] = Some(rest.next().ok_or(USAGE)?.clone());
    }
    Ok(found)
}

fn build_date() -> Result<String, String> {
    if let Ok(d) = env::var("IOP_BUILD_DATE") {
        return Ok(d);
    }
    let at = match env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .ok_or(format!("bad SOURCE_DATE_EPOCH {s:?}"))?,
        Err(_) => chrono::Utc::now(),
    };
    Ok(at.format("%Y-%m-%d").to_string())
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (a worktree building apart from a
/// shared one), else the workspace's `target/`.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
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

fn build(out: &Path) -> Result<(), String> {
    let root = root();
    // Both modules in one cargo run: the app, and the file reader its worker loads only when a
    // file is read (so the first load does not carry a PDF reader).
    println!(
        "xtask: cargo build -p iop-web -p iop-files-web --release --target wasm32-unknown-unknown"
    );
    run(
        Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&root)
            .args([
                "build",
                "-p",
                "iop-web",
                "-p",
                "iop-files-web",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
            ]),
    )?;

    // Bindings and the optimised modules go to a stage first; the site is assembled from it.
    let stage = target_dir(&root).join("iop-stage");
    for dir in [&stage, &out.to_path_buf()] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // The Excel and Word writers in a cargo run of their own: built with the others, cargo
    // would unify their zip and flate2 features (a compressor, another inflate backend) into
    // the file reader's module. It compiles while the first two modules are bound and
    // optimised: its long single-threaded link and wasm-opt's work share the two cores.
    println!("xtask: cargo build -p iop-office-web --release --target wasm32-unknown-unknown");
    let office_root = root.clone();
    let office = std::thread::spawn(move || {
        run(
            Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
                .current_dir(&office_root)
                .args([
                    "build",
                    "-p",
                    "iop-office-web",
                    "--release",
                    "--target",
                    "wasm32-unknown-unknown",
                ]),
        )
    });
    let release = target_dir(&root).join("wasm32-unknown-unknown/release");
    for (crate_wasm, name) in [
        ("iop_web.wasm", "iop_web"),
        ("iop_files_web.wasm", "iop_files"),
    ] {
        bind_and_optimise(&root, &stage, &release.join(crate_wasm), name)?;
    }
    office
        .join()
        .map_err(|_| "the office module's build stopped unexpectedly".to_string())??;
    bind_and_optimise(
        &root,
        &stage,
        &release.join("iop_office_web.wasm"),
        "iop_office",
    )?;
    assemble_site(out)
}

/// Generates the bindings of `wasm` as `name.js` and `name_bg.wasm` in `stage`, and optimises
/// the module with `wasm-opt -Oz` (kept by the hash of its input: an unchanged module is not
/// optimised again, which takes minutes).
fn bind_and_optimise(root: &Path, stage: &Path, wasm: &Path, name: &str) -> Result<(), String> {
    // One module per page part: every view is in the app's, so a view never waits for a part
    // that may not come; only reading a file loads the file reader's.
    let input_copy = stage.join(format!("{name}.input.wasm"));
    fs::copy(wasm, &input_copy).map_err(|e| format!("{}: {e}", wasm.display()))?;

    println!("xtask: generating bindings of {name} (wasm-bindgen-cli-support, --target web)");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input_copy)
        .out_name(name)
        .demangle(false)
        .web(true)
        .map_err(|e| e.to_string())?
        .generate(stage)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    fs::remove_file(&input_copy).map_err(|e| e.to_string())?;

    // XTASK_KEEP_NAMES=1 keeps the function names so `twiggy` can attribute the optimised bytes.
    let keep_names = env::var_os("XTASK_KEEP_NAMES").is_some_and(|v| v == "1");
    let kept_dir = target_dir(root).join("iop-optimised");
    fs::create_dir_all(&kept_dir).map_err(|e| format!("{}: {e}", kept_dir.display()))?;
    let module = stage.join(format!("{name}_bg.wasm"));
    let input = fs::read(&module).map_err(|e| format!("{}: {e}", module.display()))?;
    let mut flags = vec![
        "-Oz",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
    ];
    if keep_names {
        flags.push("-g");
    }
    // The key: the input, the flags and wasm-opt's own version (another version optimises
    // differently).
    let version = Command::new("wasm-opt")
        .arg("--version")
        .output()
        .map(|o| o.stdout)
        .map_err(|e| format!("could not start wasm-opt: {e} (is npm's binaryen on PATH? scripts/setup.sh installs it)"))?;
    let mut key = sha2::Sha256::new();
    key.update(&input);
    key.update(flags.join(" ").as_bytes());
    key.update(&version);
    let key: String = key
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    let kept = kept_dir.join(format!("{key}.wasm"));
    if kept.exists() {
        println!(
            "xtask: wasm-opt -Oz: unchanged module, kept from {}",
            kept.display()
        );
    } else {
        println!("xtask: wasm-opt -Oz {}", module.display());
        let part = kept.with_extension("part");
        let optimised = run(Command::new("wasm-opt")
            .args(&flags)
            .arg(&module)
            .arg("-o")
            .arg(&part))
        .and_then(|()| fs::rename(&part, &kept).map_err(|e| format!("{}: {e}", kept.display())));
        if let Err(e) = optimised {
            // No unoptimised module is left for `xtask assemble` to publish.
            let _ = fs::remove_file(&module);
            return Err(e);
        }
    }
    fs::copy(&kept, &module).map_err(|e| format!("{}: {e}", module.display()))?;
    Ok(())
}

/// Assembles the site in `out` from the stage of the last build, stamped with the build date:
/// a new version (a new date is a new `index.html`, so a new service worker) without compiling.
fn assemble_site(out: &Path) -> Result<(), String> {
    let root = root();
    let stage = target_dir(&root).join("iop-stage");
    if !stage.join(assemble::MODULE).exists() {
        return Err(format!(
            "{} holds no build: run `xtask build` first",
            stage.display()
        ));
    }
    let date = build_date()?;
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("xtask: assembling {} (built {date})", out.display());
    for (name, len) in assemble::assemble(&stage, &root, out, &date)? {
        println!("xtask:   {name:<40} {len:>9} bytes");
    }
    Ok(())
}
