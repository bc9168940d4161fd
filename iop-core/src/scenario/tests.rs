use super::*;
use crate::agreement::Agreement;
use crate::funding::Split;
use crate::known::Known;
use crate::money::Sek;
use crate::presets;

/// The position of a built-in agreement in a scenario, found by its id: tests name agreements,
/// so adding one to the presets moves nothing here.
fn at(agreements: &[Agreement], id: &str) -> usize {
    agreements.iter().position(|a| a.id == id).unwrap()
}

/// [`at`] in the JSON form.
fn at_json(v: &Value, id: &str) -> usize {
    v["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == id)
        .unwrap()
}

fn scenario_json() -> Value {
    serde_json::to_value(Scenario::new("t", NaiveDateTime::default(), presets::all())).unwrap()
}

#[test]
fn presets_round_trip_exactly() {
    let s = Scenario::new("Förinställda", NaiveDateTime::default(), presets::all());
    let report = read(s.to_json().as_bytes());
    assert_eq!(
        report
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        0,
        "{:?}",
        report.problems
    );
    assert_eq!(report.scenario.unwrap(), s);
}

#[test]
fn money_is_a_decimal_string_and_unknown_is_null() {
    let v = scenario_json();
    let k25 = at_json(&v, "kalmar-2025-2027");
    let var = at_json(&v, "varmdo");
    let lin = at_json(&v, "linkoping-2019");
    assert_eq!(
        v["agreements"][k25]["funding"]["components"][0]["amount"],
        "1000000.00"
    );
    assert_eq!(v["agreements"][k25]["term"]["start"], "2025-01-01");
    assert_eq!(v["agreements"][var]["term"]["start"], Value::Null);
    assert_eq!(
        v["agreements"][lin]["funding"]["components"][0]["amount"],
        Value::Null
    );
}

#[test]
fn every_broken_agreement_is_reported_with_its_path() {
    let mut v = scenario_json();
    let k22 = at_json(&v, "kalmar-2022-2024");
    let val = at_json(&v, "vallentuna-2021");
    let var = at_json(&v, "varmdo");
    v["agreements"][k22]["term"]["start"] = Value::from("2022-02-30");
    v["agreements"][val]["funding"]["components"][0]["amount"] = Value::from(50000);
    v["agreements"][var]["public_parties"][0]["kommunkod"] = Value::from("9999");
    let report = read_value(v);
    let paths: Vec<&str> = report.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(report.scenario, None);
    assert!(
        paths.contains(&format!("$.agreements[{k22}].term.start").as_str()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&format!("$.agreements[{val}].funding.components[0].amount").as_str()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&format!("$.agreements[{var}].public_parties[0].kommunkod").as_str()),
        "{paths:?}"
    );
}

#[test]
fn unknown_fields_are_errors_but_extensions_are_kept() {
    let mut v = scenario_json();
    let k22 = at_json(&v, "kalmar-2022-2024");
    v["agreements"][k22]["colour"] = Value::from("red");
    let report = read_value(v);
    assert!(
        report.problems[0].message_en.contains("unknown field"),
        "{:?}",
        report.problems
    );
    assert_eq!(
        report.problems[0].path,
        format!("$.agreements[{k22}].colour")
    );

    let mut v = scenario_json();
    v["extensions"] = serde_json::json!({"other-tool": {"colour": "red"}});
    let report = read_value(v.clone());
    let s = report.scenario.unwrap();
    assert_eq!(
        serde_json::to_value(&s).unwrap()["extensions"],
        v["extensions"]
    );
}

#[test]
fn versions_newer_major_refused_newer_minor_read() {
    let mut v = scenario_json();
    let k22 = at_json(&v, "kalmar-2022-2024");
    v["version"] = Value::from("2.0");
    let r = read_value(v);
    assert!(r.problems[0].message_sv.contains("nyare"));
    let mut v = scenario_json();
    v["version"] = Value::from("1.7");
    assert!(read_value(v.clone()).scenario.is_some());
    // A newer minor version with fields this version does not know: read as far as it is
    // understood, each unknown field a warning with its path, kept under extensions.
    v["agreements"][k22]["new_field"] = Value::from(1);
    v["agreements"][k22]["funding"]["split"]["payers"][0]["note"] = Value::from("ny");
    let r = read_value(v);
    let s = r.scenario.as_ref().expect("read as far as understood");
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(
        r.problems.iter().all(|p| p.severity == Severity::Warning),
        "{:?}",
        r.problems
    );
    let new_field = format!("$.agreements[{k22}].new_field");
    let note = format!("$.agreements[{k22}].funding.split.payers[0].note");
    assert!(
        paths.contains(&new_field.as_str()) && paths.contains(&note.as_str()),
        "{paths:?}"
    );
    assert!(r.problems[0].message_en.contains("from version 1.7"));
    let kept = &s.extensions[super::NEWER_FIELDS];
    assert_eq!(kept["version"], "1.7");
    assert_eq!(kept["fields"][&note], "ny");
    // The current version still refuses an unknown field.
    let mut v = scenario_json();
    v["agreements"][k22]["new_field"] = Value::from(1);
    assert!(read_value(v).scenario.is_none());
    let mut v = scenario_json();
    v["version"] = Value::from("one");
    assert_eq!(read_value(v).problems[0].path, "$.version");
}

#[test]
fn rules_are_checked() {
    let mut s = Scenario::new("t", NaiveDateTime::default(), presets::all());
    let k22 = at(&s.agreements, "kalmar-2022-2024");
    let k25 = at(&s.agreements, "kalmar-2025-2027");
    let val = at(&s.agreements, "vallentuna-2021");
    let var = at(&s.agreements, "varmdo");
    s.agreements[k25].funding.split = serde_json::from_value(serde_json::json!({
        "by": "share", "payers": [{"name": "A", "share": "1/2"}, {"name": "B", "share": "2/3"}]
    }))
    .unwrap();
    s.agreements[val].id = s.agreements[k22].id.clone();
    s.agreements[var].funding.components[0].amount = Known::Known(Sek::kronor(-5));
    let problems = validate(&s);
    let paths: Vec<&str> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.path.as_str())
        .collect();
    assert!(
        paths.contains(&format!("$.agreements[{k25}].funding.split.payers").as_str()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&format!("$.agreements[{val}].id").as_str()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&format!("$.agreements[{var}].funding.components[0].amount").as_str()),
        "{paths:?}"
    );
}

#[test]
fn a_split_needs_a_payer() {
    let mut s = Scenario::new(
        "t",
        NaiveDateTime::default(),
        vec![presets::kalmar_2025_2027()],
    );
    s.agreements[0].funding.split = Split::Share { payers: vec![] };
    let problems = validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.message_en == "At least one payer is needed."),
        "{problems:?}"
    );
}

#[test]
fn fixed_amount_split_must_add_up() {
    let mut s = Scenario::new(
        "t",
        NaiveDateTime::default(),
        vec![presets::kalmar_2022_2024()],
    );
    s.agreements[0].funding.split = serde_json::from_value(serde_json::json!({
        "by": "amount", "payers": [{"name": "A", "amount": "600000.00"}, {"name": "B", "amount": "350000.00"}]
    })).unwrap();
    let problems = validate(&s);
    assert!(
        problems.iter().any(|p| p
            .message_en
            .contains("add up to 950000.00 but the yearly amount is 1000000.00")),
        "{problems:?}"
    );
}

#[test]
fn limits_refused_before_parsing() {
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert_eq!(read(deep.as_bytes()).problems[0].tier, Tier::Limits);
    let ok_depth = "[".repeat(64) + &"]".repeat(64);
    assert_eq!(read(ok_depth.as_bytes()).problems[0].tier, Tier::Structure);
    let big = vec![b' '; MAX_BYTES + 1];
    assert!(read(&big).problems[0].message_en.contains("at most 20 MB"));
    // Brackets inside strings do not count.
    assert_eq!(nesting_depth(br#"{"a": "[[[[[[["}"#, 64), 1);
}

#[test]
fn quality_warnings_do_not_block() {
    let mut s = Scenario::new(
        "t",
        NaiveDateTime::default(),
        vec![presets::kalmar_2025_2027()],
    );
    s.agreements[0].funding.components[0].source = None;
    s.agreements[0].funding.components[0].amount = Known::Known(Sek::ZERO);
    let report = read(s.to_json().as_bytes());
    assert!(report.scenario.is_some());
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    assert!(report
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
}
