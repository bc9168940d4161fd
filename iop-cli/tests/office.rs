//! `iop compare --format xlsx|docx` and `iop draft --format docx`: the file's bytes to a pipe,
//! read back; a terminal refused with exit code 2.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::{Command, Output};

fn iop(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("the iop binary runs")
}

/// The presets in a file of their own.
fn presets() -> String {
    let out = iop(&["presets"], "C.UTF-8");
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("office-presets-{}.json", std::process::id()));
    std::fs::write(&path, &out.stdout).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn office_files_go_to_a_pipe_and_read_back() {
    let f = presets();
    let out = iop(
        &["compare", &f, "--at", "2026-11-22", "--format", "docx"],
        "C.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0));
    // The Word file read by iop's own reader: the comparison's figures are in it.
    let text = iop_files::read(&out.stdout, &iop_files::Limits::default())
        .unwrap()
        .text;
    assert!(text.contains("1 000 000 kr"), "{text}");
    assert!(
        text.contains("Linköping"),
        "every agreement of the file is compared"
    );

    let out = iop(
        &["compare", &f, "--at", "2026-11-22", "--format", "xlsx"],
        "C.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"));
    // Zip entry names are stored as they are.
    let names = String::from_utf8_lossy(&out.stdout);
    assert!(
        names.contains("xl/worksheets/sheet2.xml"),
        "the sources sheet"
    );

    let out = iop(
        &[
            "draft",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--at",
            "2025-01-01",
            "--format",
            "docx",
        ],
        "C.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = iop_files::read(&out.stdout, &iop_files::Limits::default())
        .unwrap()
        .text;
    assert!(text.contains("10. Ekonomi") && text.contains("1 000 000 kr per år"));
}

#[test]
fn office_files_are_not_written_to_a_terminal() {
    let f = presets();
    // `script` gives the command a terminal for its stdout.
    let run = |lang: &str| {
        let cmd = format!("{} compare {f} --format xlsx", env!("CARGO_BIN_EXE_iop"));
        Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("script (util-linux) runs")
    };
    let out = run("sv_SE.UTF-8");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("skrivs inte till terminalen") && said.contains("> jamforelse.xlsx"),
        "{said}"
    );
    assert!(!said.contains("PK"), "{said}");
    let out = run("C.UTF-8");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Not writing the file to a terminal"));
}
