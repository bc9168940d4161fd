//! The command line under attack: unbounded sources, control characters in names and paths,
//! raw HTML in a Markdown draft. Each test here failed before its fix.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `iop` with English messages, whatever the machine's locale.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_iop"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    c
}

fn iop(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Waits for `child`, killing it if it is still running after `limit`: a hang guard, so a
/// command that never ends fails the test instead of stalling the run. Not a speed check.
fn finish(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?}; stderr: {}",
                text(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn dir(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    p
}

fn presets() -> serde_json::Value {
    serde_json::from_slice(&iop(&["presets"]).stdout).unwrap()
}

/// The position of Kalmar 2025–2027 among the presets.
fn kalmar_2025(v: &serde_json::Value) -> usize {
    v["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == "kalmar-2025-2027")
        .unwrap()
}

fn write(dir: &std::path::Path, name: &str, v: &serde_json::Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec(v).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

/// Exit 1 and the limit's message: the input was refused, not read to its end.
fn refused_at_the_limit(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(1), "{what}");
    assert!(
        text(&out.stderr).contains("larger than 20 MB"),
        "{what}: {}",
        text(&out.stderr)
    );
}

#[test]
fn endless_devices_are_refused_at_the_limit() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let child = bin()
            .args(["validate", device])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        refused_at_the_limit(&finish(child, Duration::from_secs(60)), device);
    }
}

#[test]
fn a_fifo_that_never_ends_is_refused_at_the_limit() {
    let d = dir("fifo");
    let fifo = d.join("endless");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let path = fifo.clone();
    // The writer offers bytes until the reader closes its end.
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = vec![b' '; 1 << 16];
        while f.write_all(&chunk).is_ok() {}
    });
    let child = bin()
        .args(["validate", fifo.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, Duration::from_secs(60));
    writer.join().unwrap();
    refused_at_the_limit(&out, "a FIFO");
}

#[test]
fn a_pipe_on_standard_input_is_read_no_further_than_the_limit() {
    let mut child = bin()
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // 190 MB offered; the reader must stop after 20 MB + 1 byte and close the pipe.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 20];
        let mut sent = 0usize;
        for _ in 0..190 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len();
        }
        sent
    });
    let out = finish(child, Duration::from_secs(60));
    let sent = writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("-: $: The input is larger than 20 MB"));
    assert!(sent < 190 << 20, "the whole pipe was read");
}

#[test]
fn standard_input_holds_a_scenario_too() {
    let mut child = bin()
        .args(["compare", "-", "--at", "2025-06-01", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = serde_json::to_vec(&presets()).unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = finish(child, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Kvinnojouren Kalmar"));
}

#[test]
fn a_newline_in_a_key_or_an_id_cannot_forge_a_line() {
    let d = dir("newline");
    let mut v = presets();
    v["agreements"][0]["evil\nkey: here"] = serde_json::json!(1);
    let key = write(&d, "key.json", &v);
    let out = iop(&["validate", &key]);
    assert_eq!(out.status.code(), Some(1));
    for line in text(&out.stderr).lines() {
        assert!(line.starts_with(&key), "a line of its own: {line:?}");
    }
    assert!(text(&out.stderr).contains("evil\\nkey: here"));

    // An id that ends in "\n<other file>: ok", used twice: the error must not print an ok line.
    let other = d.join("other.json").to_string_lossy().into_owned();
    let mut v = presets();
    let id = format!("x\n{other}: ok");
    v["agreements"][0]["id"] = id.clone().into();
    v["agreements"][1]["id"] = id.into();
    let ids = write(&d, "ids.json", &v);
    let out = iop(&["validate", &ids]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).lines().any(|l| l.ends_with(": ok")));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
}

const EVIL: &str = "\u{1b}[31mRED\u{1b}]0;pwned\u{7}\r\nX";

#[test]
fn terminal_escapes_in_names_are_shown_escaped_in_every_text_output() {
    let d = dir("escapes");
    let mut v = presets();
    let i = kalmar_2025(&v);
    let a = &mut v["agreements"][i];
    a["name"] = EVIL.into();
    a["organisations"][0]["name"] = EVIL.into();
    a["public_parties"][0]["name"] = EVIL.into();
    a["funding"]["split"]["payers"][0]["name"] = EVIL.into();
    let f = write(&d, "evil.json", &v);
    let runs: [&[&str]; 8] = [
        &["compare", &f, "--at", "2025-06-01"],
        &["compare", &f, "--at", "2025-06-01", "--format", "csv"],
        &["payments", &f, "--at", "2025-06-01"],
        &["payments", &f, "--at", "2025-06-01", "--format", "table"],
        &[
            "schedule",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--at",
            "2025-06-01",
        ],
        &[
            "state-aid",
            &f,
            "--sek-per-eur",
            "11.5",
            "--at",
            "2025-06-01",
        ],
        &[
            "draft",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--at",
            "2025-06-01",
        ],
        &[
            "draft",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--format",
            "html",
        ],
    ];
    for args in runs {
        let out = iop(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let s = text(&out.stdout);
        assert!(s.contains("RED"), "{args:?}: the name is shown");
        assert!(
            !s.contains('\u{1b}') && !s.contains('\u{7}'),
            "{args:?}: raw escape"
        );
        assert!(s.contains("\\u001b"), "{args:?}: escape made visible");
    }
    // The schedule table: the name's CR and LF do not start lines of their own.
    let out = iop(&[
        "schedule",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--at",
        "2025-06-01",
    ]);
    let s = text(&out.stdout);
    assert!(!s.contains('\r'));
    assert!(s.lines().all(|l| !l.starts_with('X')), "{s}");
}

#[test]
fn raw_html_in_a_name_is_inert_in_the_markdown_draft() {
    let d = dir("markdown");
    let mut v = presets();
    let i = kalmar_2025(&v);
    v["agreements"][i]["organisations"][0]["name"] =
        "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
    let f = write(&d, "html.json", &v);
    let out = iop(&[
        "draft",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--at",
        "2025-06-01",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// The attack's file with a term of a hundred years instead of eight thousand: allowed (a
/// warning), quarterly, a thousand payers.
fn century_file(d: &std::path::Path) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/bad-files/long-term-many-payers.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["agreements"][0]["term"]["start"] = "1950-01-01".into();
    v["agreements"][0]["term"]["end"] = serde_json::json!({"on": "2049-12-31"});
    write(d, "century.json", &v)
}

#[test]
fn listings_follow_the_window_asked_for_not_the_term() {
    let d = dir("window");
    let f = century_file(&d);
    let out = iop(&["validate", &f]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("over 30 years"),
        "{}",
        text(&out.stderr)
    );

    // Default: the agreement year running on --at and the next: 2 × 4 payments × 1 000 payers.
    let out = iop(&["payments", &f, "--at", "2026-12-01"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 1 + 8 * 1000);
    assert!(
        text(&out.stderr).contains("1 agreements have more payments outside"),
        "{}",
        text(&out.stderr)
    );

    let out = iop(&[
        "schedule",
        &f,
        "--agreement",
        "long-term",
        "--at",
        "2026-12-01",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let payments: Vec<_> = events.iter().filter(|e| e["kind"] == "payment").collect();
    assert_eq!(payments.len(), 8 * 1000);
    assert_eq!(payments[0]["payer"], "Betalare 0");
    assert!(payments
        .iter()
        .all(|e| e["date"].as_str().unwrap() >= "2026-01-01"));
    assert!(text(&out.stderr).contains("Showing 2026-01-01 – 2027-12-31"));

    // A window asked for: one quarter.
    let out = iop(&[
        "payments",
        &f,
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--format",
        "table",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 2 + 1000);
    let table = iop(&[
        "schedule",
        &f,
        "--agreement",
        "long-term",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
    ]);
    assert!(text(&table.stdout).starts_with("Showing 2026-01-01 – 2026-03-31"));

    // Misuse: an empty window, or half of one.
    let out = iop(&["payments", &f, "--from", "2026-03-31", "--to", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    let out = iop(&["payments", &f, "--from", "2026-03-31"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_term_of_centuries_is_refused_by_every_command_with_its_path() {
    let f = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/bad-files/long-term-many-payers.json");
    let f = f.to_string_lossy();
    for args in [
        vec!["payments", &f],
        vec![
            "schedule",
            &f,
            "--agreement",
            "long-term",
            "--format",
            "ics",
        ],
        vec![
            "terminate",
            &f,
            "--agreement",
            "long-term",
            "--notice",
            "2026-12-01",
            "--from",
            "public",
        ],
    ] {
        let out = iop(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains(
                "$.agreements[0].term.end: The term 1900-01-01 – 9999-12-31 is over 100 years"
            ),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn generate_streams_and_warns_past_the_readers_limit() {
    let out = iop(&["generate", "6000"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stdout.len() > 20 * 1024 * 1024,
        "{} bytes",
        out.stdout.len()
    );
    assert!(
        text(&out.stderr).contains("iop reads at most 20 MB"),
        "{}",
        text(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["agreements"].as_array().unwrap().len(), 6000);
    // What fits is read back without a word.
    let d = dir("generate");
    let small = iop(&["generate", "300"]);
    assert!(small.stderr.is_empty());
    let p = d.join("g.json");
    std::fs::write(&p, &small.stdout).unwrap();
    assert_eq!(
        iop(&["validate", p.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn messages_follow_the_locale() {
    let d = dir("locale");
    let mut v = presets();
    v["agreements"][0]["funding"]["components"][0]["amount"] = "12 tusen".into();
    let f = write(&d, "bad.json", &v);
    let sv = bin()
        .args(["validate", &f])
        .env("LANG", "sv_SE.UTF-8")
        .output()
        .unwrap();
    assert!(
        text(&sv.stderr).contains("är inte ett belopp"),
        "{}",
        text(&sv.stderr)
    );
    let en = iop(&["validate", &f]);
    assert!(
        text(&en.stderr).contains("is not an amount"),
        "{}",
        text(&en.stderr)
    );
    let all = bin()
        .args(["validate", &f])
        .env("LC_ALL", "sv_SE.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(
        text(&all.stderr).contains("är inte ett belopp"),
        "LC_ALL wins"
    );
}

fn texts(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../iop-core/tests/texts")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn extract_prints_the_findings_and_a_scenario_and_exits_1_on_nothing() {
    let seed = texts("seeds/001_2a6dc1f590a5bec8.txt");
    let out = iop(&["extract", &seed]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let cure = findings
        .iter()
        .find(|f| f["path"] == "termination.for_breach.cure_days")
        .unwrap();
    assert_eq!(cure["value"], 30);
    assert_eq!(cure["quote"], "rättelse inom 30 dagar");
    assert_eq!(cure["rule"], "rättelse-inom");
    let original = std::fs::read_to_string(&seed).unwrap();
    let (s, e) = (
        cure["start"].as_u64().unwrap() as usize,
        cure["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&original[s..e], "rättelse inom 30 dagar");
    assert_eq!(
        v["agreement"]["funding"]["components"][0]["amount"],
        "1000000.00"
    );
    assert!(v["conflicts"].as_array().unwrap().is_empty());

    // As a scenario file that iop itself reads back.
    let d = dir("extract");
    let out = iop(&["extract", &seed, "--format", "scenario"]);
    assert_eq!(out.status.code(), Some(0));
    let f = d.join("read.json");
    std::fs::write(&f, &out.stdout).unwrap();
    let compare = iop(&[
        "compare",
        f.to_str().unwrap(),
        "--at",
        "2026-01-01",
        "--format",
        "csv",
    ]);
    assert_eq!(compare.status.code(), Some(0), "{}", text(&compare.stderr));
    assert!(text(&compare.stdout).contains("1000000,00"));

    // Standard input; and a text about something else reads nothing: exit 1.
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "Kramfors kommun ersätter Kramfors Kvinnoforum med 575 000 kronor per år.".as_bytes(),
        )
        .unwrap();
    let out = finish(child, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("\"575000.00\""));
    let out = iop(&["extract", &texts("annat-amne.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Nothing in the text could be read"));
    // Bytes that are not text at all: no panic.
    let f = d.join("binary.txt");
    std::fs::write(&f, (0..=255u8).cycle().take(100_000).collect::<Vec<u8>>()).unwrap();
    let out = iop(&["extract", f.to_str().unwrap()]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        text(&out.stderr)
    );
}
