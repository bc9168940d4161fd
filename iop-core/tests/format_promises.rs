//! What the scenario format promises, checked against the reader: no key given twice, the
//! schema's own example reads and writes back, errors name the field itself, a newer minor
//! version reads as far as it is understood, and the schema and the reader share one definition
//! of an amount and of a date. Each test here failed before its fix.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_core::scenario::{read, Scenario, Severity};
use iop_core::{presets, Sek};
use proptest::prelude::*;
use serde_json::Value;

fn presets_json() -> Value {
    let s = Scenario::new("t", Default::default(), presets::all());
    serde_json::to_value(&s).unwrap()
}

fn pos(v: &Value, id: &str) -> usize {
    v["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == id)
        .unwrap()
}

fn error_paths(text: &str) -> Vec<String> {
    read(text.as_bytes())
        .problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.path)
        .collect()
}

#[test]
fn a_key_given_twice_is_refused_with_its_path() {
    let v = presets_json();
    let k = pos(&v, "kalmar-2025-2027");
    let text = serde_json::to_string(&v).unwrap();
    // The root's name twice, and an agreement's name twice.
    let text = text.replacen("\"name\":\"t\"", "\"name\":\"A\",\"name\":\"B\"", 1);
    let text = text.replacen(
        "\"id\":\"kalmar-2025-2027\"",
        "\"id\":\"kalmar-2025-2027\",\"name\":\"Först\"",
        1,
    );
    let r = read(text.as_bytes());
    assert!(r.scenario.is_none());
    let paths = error_paths(&text);
    assert!(paths.contains(&"$.name".to_string()), "{paths:?}");
    assert!(
        paths.contains(&format!("$.agreements[{k}].name")),
        "{paths:?}"
    );
    let p = &r.problems[0];
    assert!(p.message_sv.contains("två gånger") && p.message_en.contains("twice"));
}

#[test]
fn the_schemas_series_example_reads_and_writes_back() {
    let schema: Value = serde_json::from_str(&iop_core::schema::scenario_schema_json()).unwrap();
    let examples = schema["$defs"]["Indexation"]["examples"]
        .as_array()
        .expect("the schema gives examples of indexation");
    assert!(examples.iter().any(|e| e["type"] == "series"));
    for example in examples {
        let mut v = presets_json();
        let k = pos(&v, "kalmar-2025-2027");
        v["agreements"][k]["funding"]["indexation"] = example.clone();
        let text = serde_json::to_string(&v).unwrap();
        let r = read(text.as_bytes());
        assert!(r.scenario.is_some(), "{example}: {:?}", r.problems);
        let back = serde_json::to_value(r.scenario.unwrap()).unwrap();
        assert_eq!(back["agreements"][k]["funding"]["indexation"], *example);
    }
    let series = examples.iter().find(|e| e["type"] == "series").unwrap();
    assert!(
        series["values"].as_object().is_some_and(|v| v.len() >= 2),
        "values by year"
    );
}

#[test]
fn an_error_inside_a_tagged_object_names_the_field_itself() {
    let v = presets_json();
    let k = pos(&v, "kalmar-2025-2027");
    let a = format!("$.agreements[{k}]");
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, String)> = vec![
        (
            Box::new(move |v| {
                v["agreements"][k]["funding"]["split"]["payers"][1]["share"] = "0/0".into()
            }),
            format!("{a}.funding.split.payers[1].share"),
        ),
        (
            Box::new(move |v| {
                v["agreements"][k]["funding"]["payments"]["timing"] =
                    serde_json::json!({"type": "quarter", "quarter": 256})
            }),
            format!("{a}.funding.payments.timing.quarter"),
        ),
        (
            Box::new(move |v| {
                v["agreements"][k]["termination"]["for_breach"]["cure_days"] = (-1).into()
            }),
            format!("{a}.termination.for_breach.cure_days"),
        ),
        (
            Box::new(move |v| {
                v["agreements"][k]["funding"]["components"][0]["kind"] =
                    serde_json::json!({"type": "conditional", "condition": "x", "met": "ja"})
            }),
            format!("{a}.funding.components[0].kind.met"),
        ),
        (
            Box::new(
                move |v| v["agreements"][k]["term"]["renewal"] = serde_json::json!({"type": "automatic_extension", "years": 2, "notice": {"weeks": 3}}),
            ),
            format!("{a}.term.renewal.notice"),
        ),
        (
            Box::new(move |v| {
                v["agreements"][k]["funding"]["split"]["colour"] = "red".into();
            }),
            format!("{a}.funding.split.colour"),
        ),
        (
            Box::new(move |v| {
                v["agreements"][k]["funding"]["split"]["by"] = "lottery".into();
            }),
            format!("{a}.funding.split.by"),
        ),
    ];
    for (change, want) in cases {
        let mut v = v.clone();
        change(&mut v);
        let paths = error_paths(&serde_json::to_string(&v).unwrap());
        assert_eq!(paths, vec![want.clone()], "expected {want}");
    }
}

#[test]
fn messages_from_inside_a_tagged_object_are_in_both_languages() {
    let mut v = presets_json();
    let k = pos(&v, "kalmar-2025-2027");
    v["agreements"][k]["funding"]["split"]["payers"][1]["share"] = "0/0".into();
    let r = read(serde_json::to_string(&v).unwrap().as_bytes());
    let p = &r.problems[0];
    assert!(!p.message_sv.contains("is not"), "{}", p.message_sv);
    assert!(p.message_en.contains("0/0"), "{}", p.message_en);
    assert!(!p.message_sv.contains('\u{1e}') && !p.message_en.contains('\u{1e}'));
}

#[test]
fn a_newer_minor_version_with_a_new_field_is_read_with_a_warning() {
    let mut v = presets_json();
    let k = pos(&v, "kalmar-2025-2027");
    v["version"] = "1.7".into();
    v["agreements"][k]["funding"]["payments"]["timing"]["window_days"] = 10.into();
    let r = read(serde_json::to_string(&v).unwrap().as_bytes());
    let s = r.scenario.expect("read as far as it is understood");
    assert_eq!(s.agreements.len(), 5);
    let w = &r.problems[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(
        w.path,
        format!("$.agreements[{k}].funding.payments.timing.window_days")
    );
    // Written back, nothing is lost.
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(
        back["extensions"]["iop-newer-fields"]["fields"][&w.path],
        10
    );
}

/// The schema's pattern for amounts, from the schema itself.
fn amount_pattern() -> regex::Regex {
    let schema: Value = serde_json::from_str(&iop_core::schema::scenario_schema_json()).unwrap();
    regex::Regex::new(schema["$defs"]["Sek"]["pattern"].as_str().unwrap()).unwrap()
}

fn reader_takes_amount(text: &str) -> bool {
    serde_json::from_value::<Sek>(Value::from(text)).is_ok()
}

/// RFC 3339's full-date, which the schema's `"format": "date"` names, and a day that exists.
fn schema_takes_date(text: &str) -> bool {
    let shape = regex::Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
    shape.is_match(text) && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn reader_takes_date(text: &str) -> bool {
    let mut v = presets_json();
    let k = pos(&v, "kalmar-2025-2027");
    v["agreements"][k]["term"]["stated_decision_due"] = text.into();
    let r = read(serde_json::to_string(&v).unwrap().as_bytes());
    !r.problems
        .iter()
        .any(|p| p.severity == Severity::Error && p.path.ends_with("term.stated_decision_due"))
}

#[test]
fn schema_and_reader_agree_on_the_named_amounts_and_dates() {
    let pattern = amount_pattern();
    for (text, ok) in [
        ("999999999999999.99", false),
        ("100000000000000.00", true),
        ("100000000000000.01", false),
        ("99999999999999.99", true),
        (" 100", false),
        ("+100", false),
        ("100 ", false),
        ("1e5", false),
        ("1.500", false),
        ("-5", true),
        ("1000000.00", true),
    ] {
        assert_eq!(pattern.is_match(text), ok, "schema on {text:?}");
        assert_eq!(reader_takes_amount(text), ok, "reader on {text:?}");
    }
    for (text, ok) in [
        ("2025-1-1", false),
        ("2025-01-01", true),
        (" 2025-01-01", false),
        ("+2025-01-01", false),
        ("2025-02-30", false),
        ("20250101", false),
    ] {
        assert_eq!(schema_takes_date(text), ok, "schema on {text:?}");
        assert_eq!(reader_takes_date(text), ok, "reader on {text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn schema_and_reader_agree_on_every_amount(text in "[-+ .0-9e]{0,19}") {
        prop_assert_eq!(amount_pattern().is_match(&text), reader_takes_amount(&text), "{:?}", text);
    }

    #[test]
    fn schema_and_reader_agree_on_every_date(text in "[-+ 0-9]{0,12}") {
        prop_assert_eq!(schema_takes_date(&text), iop_core::dates::parse_iso(&text).is_some(), "{:?}", text);
    }
}
