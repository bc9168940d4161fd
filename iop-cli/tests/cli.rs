//! The `iop` command line, run as a user runs it: on the presets and on broken files.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// `iop` with English messages, whatever the machine's locale.
fn iop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the iop binary runs")
}

/// `iop` with a Swedish locale.
fn in_swedish(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .env("LC_ALL", "sv_SE.UTF-8")
        .output()
        .expect("the iop binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn bad(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/bad-files")
        .join(name);
    p.to_string_lossy().into_owned()
}

/// The presets written to a temporary file by `iop presets`.
fn presets_file(dir: &tempdir::Dir) -> String {
    let out = iop(&["presets"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir.write("presets.json", &out.stdout)
}

mod tempdir {
    use std::path::PathBuf;

    /// A directory under the target dir, unique per test, removed on drop.
    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(name: &str) -> Dir {
            let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("cli-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }

        pub fn write(&self, name: &str, bytes: &[u8]) -> String {
            let p = self.0.join(name);
            std::fs::write(&p, bytes).unwrap();
            p.to_string_lossy().into_owned()
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The position of the agreement with this id in a scenario file's JSON: tests name built-in
/// agreements, so adding one moves nothing.
fn pos(v: &serde_json::Value, id: &str) -> usize {
    v["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == id)
        .unwrap()
}

fn mutate(
    file: &str,
    dir: &tempdir::Dir,
    name: &str,
    f: impl FnOnce(&mut serde_json::Value),
) -> String {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    f(&mut v);
    dir.write(name, serde_json::to_string(&v).unwrap().as_bytes())
}

/// The rows of `iop state-aid FILE --sek-per-eur RATE --at 2025-01-01 --format json`.
fn state_aid_rows(file: &str, rate: &str) -> Vec<serde_json::Value> {
    let out = iop(&[
        "state-aid",
        file,
        "--sek-per-eur",
        rate,
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn state_aid_counts_a_copy_in_place_of_its_original_at_a_real_rate() {
    let dir = tempdir::Dir::new("state-aid-copy");
    let f = presets_file(&dir);
    // The file holds Kalmar 2025–2027 and a what-if copy of it (as the app exports one).
    let f = mutate(&f, &dir, "with-copy.json", |v| {
        let agreements = v["agreements"].as_array_mut().unwrap();
        let kalmar = agreements
            .iter()
            .find(|a| a["id"] == "kalmar-2025-2027")
            .unwrap()
            .clone();
        let mut copy = kalmar;
        copy["id"] = "kopia-1".into();
        copy["name"] = "Kalmar 2025–2027 (kopia)".into();
        copy["derived_from"] = "kalmar-2025-2027".into();
        agreements.push(copy);
    });
    let rows = state_aid_rows(&f, "11,4565");
    let k = rows
        .iter()
        .find(|r| r["organisation_key"] == "832401-3807")
        .unwrap();
    // 3 000 000 kr once (not 6 000 000), at 11,4565 kr per euro: 261 860,08 EUR.
    assert_eq!(k["sum_sek"], "3000000.00");
    assert_eq!(k["sum_eur"], "261860.08");
    assert_eq!(k["counted"], serde_json::json!(["kopia-1"]));
    assert_eq!(k["general"], "below");
    let out = iop(&["state-aid", &f, "--sek-per-eur", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a positive exchange rate"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn presets_validate_cleanly() {
    let dir = tempdir::Dir::new("validate");
    let f = presets_file(&dir);
    let out = iop(&["validate", &f]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(": ok"));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
    assert_eq!(v["format"], "iop-scenario");
    assert_eq!(v["version"], "1.3");
    assert_eq!(v["agreements"].as_array().unwrap().len(), 5);
}

#[test]
fn compare_json_has_the_seed_figures() {
    let dir = tempdir::Dir::new("compare-json");
    let f = presets_file(&dir);
    let out = iop(&["compare", &f, "--at", "2026-11-22", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["at"], "2026-11-22");
    let a = v["agreements"].as_array().unwrap();
    let k = a.iter().find(|x| x["id"] == "kalmar-2025-2027").unwrap();
    assert_eq!(k["annual_sek"], "1000000.00");
    assert_eq!(k["total_sek"], "3000000.00");
    assert_eq!(k["per_inhabitant_sek"], "13.75");
    assert_eq!(k["kommunkod"], "0880");
    assert_eq!(k["status"], "first_period");
    assert_eq!(k["payers"][1]["name"], "Socialförvaltningen");
    assert_eq!(k["payers"][1]["annual_sek"], "500000.00");
    assert_eq!(k["cure_days"], 30);
    assert_eq!(k["meetings_per_year"], 2);
    let v = a.iter().find(|x| x["id"] == "vallentuna-2021").unwrap();
    assert_eq!(v["status"], "extension");
    assert_eq!(v["period_end"], "2027-06-30");
    assert_eq!(v["annual_max_sek"], "75000.00");
    let l = a.iter().find(|x| x["id"] == "linkoping-2019").unwrap();
    assert!(
        l["annual_sek"].is_null() && l["total_sek"].is_null() && l["per_inhabitant_sek"].is_null()
    );
    for key in [
        "id",
        "name",
        "municipality",
        "kommunkod",
        "organisation",
        "start",
        "end",
        "status",
        "period_end",
        "annual_sek",
        "total_sek",
        "per_inhabitant_sek",
        "payers",
        "renewal",
        "cure_days",
        "notice_days",
        "meetings_per_year",
        "services",
        "exclusions",
    ] {
        assert!(k.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn compare_table_and_csv() {
    let dir = tempdir::Dir::new("compare-csv");
    let f = presets_file(&dir);
    let out = iop(&["compare", &f, "--at", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    assert!(
        table.contains("SEK 1,000,000") && table.contains("SEK 13.75") && table.contains("unknown"),
        "{table}"
    );
    let table = stdout(&in_swedish(&["compare", &f, "--at", "2026-11-22"]));
    assert!(
        table.contains("1 000 000 kr") && table.contains("13,75 kr") && table.contains("okänt"),
        "{table}"
    );
    let out = iop(&["compare", &f, "--at", "2026-11-22", "--format", "csv"]);
    let csv = stdout(&out);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv
        .lines()
        .any(|l| l.starts_with("kalmar-2025-2027;") && l.contains(";1000000,00;")));
}

#[test]
fn schedule_json_and_ics() {
    let dir = tempdir::Dir::new("schedule");
    let f = presets_file(&dir);
    let out = iop(&[
        "schedule",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v.as_array().unwrap();
    let payments: Vec<_> = events.iter().filter(|e| e["kind"] == "payment").collect();
    assert_eq!(payments.len(), 6);
    assert_eq!(payments[0]["date"], "2025-03-31");
    assert_eq!(payments[0]["amount_sek"], "500000.00");
    for kind in [
        "payment",
        "plan",
        "report",
        "meeting",
        "period_end",
        "renewal_decision",
    ] {
        assert!(events.iter().any(|e| e["kind"] == kind), "no {kind}");
    }
    let out = iop(&[
        "schedule",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--format",
        "ics",
    ]);
    let ics = stdout(&out);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("BEGIN:VEVENT"));
    let out = iop(&["schedule", &f, "--agreement", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kalmar-2025-2027"));
}

#[test]
fn terminate_kalmar() {
    let dir = tempdir::Dir::new("terminate");
    let f = presets_file(&dir);
    let out = iop(&[
        "terminate",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--notice",
        "2026-05-04",
        "--from",
        "public",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["effective_date"], "2026-06-04");
    assert_eq!(v["paid_sek"], "2000000.00");
    assert_eq!(v["unpaid_sek"], "1000000.00");
    assert_eq!(v["repayment_min_sek"], "0.00");
    assert_eq!(v["repayment_max_sek"], "2000000.00");
    assert!(v["explanation"]["sv"]
        .as_str()
        .unwrap()
        .contains("2026-06-04"));
    let out = iop(&[
        "terminate",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--notice",
        "2026-05-04",
        "--from",
        "organisation",
    ]);
    assert!(stdout(&out).contains("SEK 0 – SEK 0"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("Who broke the agreement")
            && stdout(&out).contains("The municipality"),
        "{}",
        stdout(&out)
    );
    let out = iop(&[
        "terminate",
        &f,
        "--agreement",
        "vallentuna-2021",
        "--notice",
        "2026-05-04",
        "--from",
        "public",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not state the termination terms"));
}

#[test]
fn misuse_exits_2_without_a_backtrace() {
    for args in [
        &["frobnicate"][..],
        &["compare"],
        &["compare", "x.json", "--at", "2026-13-01"],
        &[
            "terminate",
            "x.json",
            "--agreement",
            "a",
            "--notice",
            "2026-01-01",
            "--from",
            "nobody",
        ],
    ] {
        let out = iop(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).contains("panicked"));
    }
    let out = iop(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    for cmd in [
        "presets",
        "validate",
        "compare",
        "schedule",
        "terminate",
        "schema",
    ] {
        assert!(stdout(&out).contains(cmd), "help lists {cmd}");
    }
}

#[test]
fn broken_files_are_invalid_with_one_line_per_problem() {
    let cases = [
        ("truncated.json", "Not valid JSON"),
        ("wrong-types.json", "$.agreements"),
        ("invalid-utf8.json", "not valid UTF-8"),
        ("too-deep.json", "deeper than 64"),
        ("newer-major.json", "newer than this tool"),
        ("not-an-object.json", "not a JSON object"),
        ("missing.json", "cannot read"),
    ];
    for (file, expected) in cases {
        let path = bad(file);
        let out = iop(&["validate", &path]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{file}: {err}");
        assert!(err.lines().all(|l| l.starts_with(&path)), "{file}: {err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn rule_breaking_files_report_every_problem() {
    let dir = tempdir::Dir::new("rules");
    let f = presets_file(&dir);
    let presets: serde_json::Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
    let (k22, k25, val, var) = (
        pos(&presets, "kalmar-2022-2024"),
        pos(&presets, "kalmar-2025-2027"),
        pos(&presets, "vallentuna-2021"),
        pos(&presets, "varmdo"),
    );
    let broken = mutate(&f, &dir, "broken.json", |v| {
        v["agreements"][k25]["funding"]["split"]["payers"][0]["share"] = "3/4".into();
        v["agreements"][val]["funding"]["components"][0]["amount"] = "50 000".into();
        v["agreements"][var]["public_parties"][0]["kommunkod"] = "0999".into();
        v["agreements"][k22]["organisations"][0]["org_number"] = "832401-3808".into();
    });
    let out = iop(&["validate", &broken]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("$.agreements[{val}].funding.components[0].amount")),
        "{err}"
    );
    assert!(
        err.contains(&format!("$.agreements[{var}].public_parties[0].kommunkod")),
        "{err}"
    );
    assert!(
        err.contains(&format!("$.agreements[{k22}].organisations[0].org_number")),
        "{err}"
    );
    assert!(err.contains("check digit"), "{err}");

    let shares = mutate(&f, &dir, "shares.json", |v| {
        v["agreements"][k25]["funding"]["split"]["payers"][0]["share"] = "3/4".into();
        v["agreements"][k22]["term"]["end"] = serde_json::json!({"on": "2021-01-01"});
    });
    let out = iop(&["validate", &shares]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains(&format!("$.agreements[{k25}].funding.split.payers: error: The shares 3/4 + 1/2 do not make one whole")), "{err}");
    assert!(
        err.contains(&format!(
            "$.agreements[{k22}].term.end: error: The end 2021-01-01 is before the start 2022-01-01"
        )),
        "{err}"
    );
}

#[test]
fn too_large_is_refused_before_reading() {
    let dir = tempdir::Dir::new("large");
    let big = vec![b' '; 20 * 1024 * 1024 + 1];
    let f = dir.write("big.json", &big);
    let out = iop(&["validate", &f]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("at most 20 MB"));
}

#[test]
fn schema_is_written() {
    let out = iop(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Scenario");
}

#[test]
fn every_bad_file_is_rejected() {
    let expected = [
        ("truncated.json", "$: error: Not valid JSON"),
        ("wrong-types.json", "$.version"),
        ("invalid-utf8.json", "not valid UTF-8"),
        ("not-an-object.json", "not a JSON object"),
        ("too-deep.json", "deeper than 64 levels"),
        ("newer-major.json", "newer than this tool reads"),
        ("duplicate-ids.json", "$.agreements[1].id: error: Id \"kalmar-2022-2024\" is used twice"),
        ("share-over-whole.json", "$.agreements[1].funding.split.payers[0].share: error: Wrong type or unknown/missing field: \"3/2\" is more than the whole"),
        ("long-term-many-payers.json", "$.agreements[0].term.end: error: The term 1900-01-01 – 9999-12-31 is over 100 years"),
        ("duplicate-key.json", "$.agreements[0].name: error: The field occurs twice"),
        ("shares-not-a-whole.json", "do not make one whole"),
        ("huge-number.json", "$.agreements[1].funding.components[0].amount: error"),
        ("float-amount.json", "$.agreements[1].funding.components[0].amount: error"),
        ("negative-amount.json", "is negative"),
        ("impossible-date.json", "$.agreements[1].term.start: error"),
        ("bad-orgnr.json", "check digit is wrong"),
        ("million-elements.json", "only the first 100 are shown"),
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-files");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (_, needle) = expected
            .iter()
            .find(|(f, _)| *f == name)
            .unwrap_or_else(|| panic!("{name} has no expectation"));
        let out = iop(&["validate", path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(needle), "{name}: expected {needle:?} in {err}");
        assert!(err.lines().count() <= 102, "{name}: problems are capped");
        assert!(!err.contains("panicked"));
        seen += 1;
    }
    assert_eq!(seen, expected.len());
}

#[test]
fn takeaways_draft_state_aid_payments_share_link_and_printable_comparison() {
    let dir = tempdir::Dir::new("takeaways");
    let f = presets_file(&dir);
    let out = iop(&[
        "draft",
        &f,
        "--agreement",
        "kalmar-2025-2027",
        "--at",
        "2025-01-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("## 10. Ekonomi") && md.contains("1 000 000 kr per år"));
    let out = iop(&[
        "draft",
        &f,
        "--agreement",
        "linkoping-2019",
        "--format",
        "html",
    ]);
    let html = stdout(&out);
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("<mark>[ATT FYLLA I: belopp per år]</mark>")
    );

    let rows = state_aid_rows(&f, "11,50");
    let k = rows
        .iter()
        .find(|r| r["organisation"] == "Kvinnojouren & Ungdomsjouren Kalmar")
        .unwrap();
    assert_eq!(k["sum_eur"], "260869.57");
    assert_eq!(k["general"], "below");
    assert_eq!(
        iop(&["state-aid", &f, "--sek-per-eur", "noll"])
            .status
            .code(),
        Some(2)
    );

    let out = iop(&["payments", &f, "--at", "2025-01-01"]);
    let csv = stdout(&out);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("kalmar-2025-2027;Kalmar 2025–2027;2025-01-01;2025-01-01;2025-03-31;Socialförvaltningen;500000,00"));

    let out = iop(&["share-link", &f, "--base", "https://iop.example/"]);
    let link = stdout(&out);
    assert!(link.starts_with("https://iop.example/#s="));
    let report = iop_core::share::decode(link.trim().split('#').nth(1).unwrap());
    assert_eq!(report.scenario.unwrap().agreements.len(), 5);

    let out = iop(&["compare", &f, "--at", "2026-11-22", "--format", "html"]);
    let html = stdout(&out);
    assert!(
        html.contains("counter(pages)")
            && html.contains("<h2>Källor</h2>")
            && html.contains("13,75 kr")
    );
}

#[test]
fn version_names_the_release_and_the_day_it_was_built() {
    let today = chrono::Utc::now().date_naive();
    for (lang, word) in [("C.UTF-8", "built"), ("sv_SE.UTF-8", "byggd")] {
        let o = Command::new(env!("CARGO_BIN_EXE_iop"))
            .arg("--version")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(o.status.success());
        let line = stdout(&o);
        let rest = line
            .trim_end()
            .strip_prefix(&format!("iop {} ({word} ", env!("CARGO_PKG_VERSION")))
            .unwrap_or_else(|| panic!("{line:?}"));
        let date = rest.strip_suffix(')').unwrap();
        let built = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        // A date of the build, not a placeholder: not after today, and not long before.
        assert!(
            built <= today && (today - built).num_days() < 3650,
            "{line:?}"
        );
    }
}

#[test]
fn the_decision_date_comes_from_the_lead_time_the_user_sets() {
    let dir = tempdir::Dir::new("ledtid");
    let file = presets_file(&dir);
    let csv = |ledtid: &str| {
        let out = iop(&[
            "compare",
            &file,
            "--at",
            "2026-01-01",
            "--format",
            "csv",
            "--ledtid",
            ledtid,
        ]);
        stdout(&out)
            .lines()
            .find(|l| l.starts_with("kalmar-2025-2027;"))
            .unwrap()
            .to_string()
    };
    // Kalmar 2025–2027 ends 2027-12-31 without renewal: six months by default, three when set.
    assert!(csv("6").contains(";2027-12-31;2027-06-30;"), "{}", csv("6"));
    assert!(csv("3").contains(";2027-12-31;2027-09-30;"), "{}", csv("3"));
}

#[test]
fn the_schedule_speaks_the_locales_language_and_says_by_when() {
    let dir = tempdir::Dir::new("schedule-sv");
    let file = presets_file(&dir);
    let sv = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_iop"))
            .args(args)
            .env("LC_ALL", "sv_SE.UTF-8")
            .output()
            .unwrap()
    };
    let out = sv(&["schedule", &file, "--agreement", "nope"]);
    assert!(
        stderr(&out).contains("inget avtal har id \"nope\""),
        "{}",
        stderr(&out)
    );
    let table = stdout(&sv(&[
        "schedule",
        &file,
        "--agreement",
        "kalmar-2025-2027",
        "--at",
        "2026-01-01",
    ]));
    assert!(table.contains("  Utbetalning  "), "{table}");
    assert!(!table.contains(" payment "), "{table}");
    // A meeting's line says by when, never ends at "senast".
    let meeting = table
        .lines()
        .find(|l| l.contains("Uppföljningsmöte 1 av minst 2"))
        .unwrap();
    assert!(meeting.contains("senast 2025-07-01"), "{meeting}");
}

#[test]
fn compare_takes_several_files_with_the_ids_an_import_gives() {
    let dir = tempdir::Dir::new("compare-several");
    let presets = presets_file(&dir);
    // A second file: the same presets, one of them changed.
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&presets).unwrap()).unwrap();
    v["agreements"][0]["name"] = "Kalmar ändrad".into();
    let changed = dir.write("changed.json", v.to_string().as_bytes());
    let out = iop(&[
        "compare",
        &presets,
        &presets,
        &changed,
        "--at",
        "2026-01-01",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = stdout(&out)
        .lines()
        .skip(2)
        .map(|l| l.split(';').next().unwrap().to_string())
        .collect();
    // The same agreement twice is one row; a changed one under a taken id gets a new id.
    assert_eq!(
        ids,
        [
            "kalmar-2022-2024",
            "kalmar-2025-2027",
            "vallentuna-2021",
            "varmdo",
            "linkoping-2019",
            "kalmar-2022-2024-1"
        ]
    );
}

/// Every word a person reads follows the locale: tables (headers, kinds, descriptions, status,
/// "unknown"), help, and clap's own errors. Each run is checked for the other language's words.
#[test]
fn every_word_follows_the_locale() {
    let dir = tempdir::Dir::new("locale-words");
    let f = presets_file(&dir);
    let runs: Vec<Vec<&str>> = vec![
        vec!["compare", &f, "--at", "2026-11-22"],
        vec!["compare", &f, "--at", "2026-11-22", "--mot", "varmdo"],
        vec![
            "schedule",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--at",
            "2026-01-01",
        ],
        vec!["payments", &f, "--at", "2026-01-01", "--format", "table"],
        vec![
            "terminate",
            &f,
            "--agreement",
            "kalmar-2025-2027",
            "--notice",
            "2026-05-04",
            "--from",
            "public",
        ],
        vec![
            "state-aid",
            &f,
            "--sek-per-eur",
            "11,50",
            "--at",
            "2026-01-01",
        ],
        vec!["--help"],
        vec!["compare", "--help"],
        vec!["schedule", "--help"],
        vec!["compare", &f, "--at", "2026-13-01"],
        vec!["compare", &f, "--nonsense"],
        vec!["compar"],
        vec!["schedule", &f, "--agreement", "nope"],
        vec!["compare", "/no/such/file.json"],
    ];
    let swedish_only = [
        "Kommun ",
        "Beskrivning",
        "Belopp",
        "Utbetalning",
        "okänt",
        "Återbetalning",
        "Användning",
        "Flaggor",
        "Visa hjälpen",
        "ogiltigt",
        "fel:",
        "inget avtal",
        "kan inte läsas",
        "stöd från",
        "Gäller tidigast",
        "Periodens slut",
    ];
    let english_only = [
        "Municipality",
        "Description",
        "Amount",
        "Payment",
        "unknown",
        "Repayment",
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "invalid",
        "error:",
        "no agreement",
        "cannot read",
        "aid from",
        "Takes effect",
        "End of period",
        "possible values",
        "default:",
        "[OPTIONS]",
        "For more information",
    ];
    for args in &runs {
        let en = iop(args);
        let sv = in_swedish(args);
        let en = format!("{}{}", stdout(&en), stderr(&en));
        let sv = format!("{}{}", stdout(&sv), stderr(&sv));
        assert!(!en.trim().is_empty() && !sv.trim().is_empty(), "{args:?}");
        for w in english_only {
            assert!(
                !sv.contains(w),
                "{args:?}: English {w:?} under sv_SE:\n{sv}"
            );
        }
        for w in swedish_only {
            assert!(!en.contains(w), "{args:?}: Swedish {w:?} under C:\n{en}");
        }
    }
}

#[test]
fn compare_mot_marks_what_differs_from_the_chosen_agreement_only() {
    let dir = tempdir::Dir::new("mot");
    let file = presets_file(&dir);
    let table = |mot: &str| {
        let out = in_swedish(&["compare", &file, "--at", "2026-11-22", "--mot", mot]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let line = |t: &str, label: &str| {
        t.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {t}"))
            .to_string()
    };
    let k = table("kalmar-2025-2027");
    assert!(k.contains("Kalmar 2025–2027 (jämförs mot)"), "{k}");
    // Kalmar 2022–2024 pays the same per year as Kalmar 2025–2027; Vallentuna does not.
    let annual = line(&k, "Kronor per år ");
    assert_eq!(annual.matches('≠').count(), 2, "{annual}"); // Vallentuna and Värmdö; Linköping is unknown
    assert!(
        annual.contains("≠ 50 000 kr") && annual.contains("≠ 400 000 kr"),
        "{annual}"
    );
    assert!(!annual.contains("≠ 1 000 000 kr"), "{annual}");
    assert!(line(&k, "Återbetalning om organisationen bryter avtalet")
        .contains("delar eller hela det utbetalda beloppet"));
    // Against Vallentuna the marks move: now Kalmar's 1 000 000 kr differs, Vallentuna's is not marked.
    let v = table("vallentuna-2021");
    let annual = line(&v, "Kronor per år ");
    assert!(
        annual.contains("≠ 1 000 000 kr") && !annual.contains("≠ 50 000 kr"),
        "{annual}"
    );
    // An id that is not there is misuse, and says which ids are.
    let out = iop(&["compare", &file, "--mot", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("kalmar-2025-2027"),
        "{}",
        stderr(&out)
    );
    let out = iop(&[
        "compare",
        &file,
        "--mot",
        "kalmar-2025-2027",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
