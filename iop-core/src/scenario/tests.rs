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

// Format 1.3: fields left out, timestamps with a zone, and the older files.

/// An agreement written by hand with only what is known: an id, a name, a kommun, an
/// organisation, an amount, a period and who pays.
const MINIMAL_13: &str = r#"{
  "format": "iop-scenario",
  "version": "1.3",
  "created": "2026-11-22T09:00:00Z",
  "modified": "2026-11-22T10:30:00+01:00",
  "agreements": [{
    "id": "varmdo-2022",
    "name": "Värmdö 2022–2023",
    "public_parties": [{"name": "Värmdö kommun", "kommunkod": "0120"}],
    "organisations": [{"name": "Kvinnojouren Nacka Värmdö"}],
    "term": {"start": "2022-01-01", "end": {"on": "2023-12-31"}},
    "funding": {
      "components": [{"kind": {"type": "base"}, "amount": "400000"}],
      "split": {"by": "share", "payers": [{"name": "Socialnämnden", "share": "1/1"}]}
    }
  }]
}"#;

fn minimal_13() -> Value {
    serde_json::from_str(MINIMAL_13).unwrap()
}

fn read_json(v: &Value) -> Report {
    read(serde_json::to_string(v).unwrap().as_bytes())
}

fn errors(r: &Report) -> Vec<&Problem> {
    r.problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect()
}

fn at_utc(h: u32, m: u32) -> NaiveDateTime {
    presets::date(2026, 11, 22).and_hms_opt(h, m, 0).unwrap()
}

#[test]
fn a_hand_written_13_agreement_with_only_what_is_known_reads_with_the_rest_unknown() {
    use crate::funding::PaymentTiming;
    use crate::term::{Renewal, TermEnd};
    let r = read(MINIMAL_13.as_bytes());
    assert!(errors(&r).is_empty(), "{:?}", r.problems);
    let s = r.scenario.unwrap();
    assert_eq!((s.name.as_str(), s.notes.as_str()), ("", ""));
    let a = &s.agreements[0];
    assert_eq!(a.term.start, Known::Known(presets::date(2022, 1, 1)));
    assert_eq!(a.term.end, TermEnd::On(presets::date(2023, 12, 31)));
    assert_eq!(
        a.funding.components[0].amount,
        Known::Known(Sek::kronor(400_000))
    );
    // What the file does not say is unknown: not "no renewal", not "no notice", not 0.
    assert_eq!(a.term.renewal, Renewal::Unknown);
    assert_eq!(a.termination.ordinary_notice, Known::Unknown);
    assert_eq!(a.termination.for_breach, Known::Unknown);
    assert_eq!(a.public_parties[0].org_number, Known::Unknown);
    assert_eq!(a.organisations[0].org_number, Known::Unknown);
    assert_eq!(a.funding.payments.timing, PaymentTiming::Unknown);
    assert_eq!(a.funding.indexation, None);
    assert_eq!(a.obligations.meetings, None);
    assert!(a.obligations.documents.is_empty() && a.sources.is_empty());
    assert_eq!(
        (a.notes.as_str(), a.draft, &a.derived_from),
        ("", false, &None)
    );
    // And it computes: 400 000 kr in 2023, per inhabitant of Värmdö; no notice period known.
    let on = presets::date(2023, 6, 1);
    let amount = crate::amounts::annual_amount(a, on, crate::funding::Conditions::AsRecorded);
    assert_eq!(amount.value, Known::Known(Sek::kronor(400_000)));
    assert!(crate::compare::per_inhabitant(a, on).value.is_known());
    let row = crate::compare::row(a, on);
    assert_eq!(row.renewal, Renewal::Unknown);
    // Written back, every field is there: the file an earlier version reads, all unknowns `null`.
    let back: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(back["version"], "1.3");
    assert_eq!(
        back["agreements"][0]["termination"]["ordinary_notice"],
        Value::Null
    );
    assert_eq!(back["agreements"][0]["term"]["renewal"]["type"], "unknown");
    assert_eq!(back["agreements"][0]["notes"], "");
}

#[test]
fn none_stays_an_explicit_value_apart_from_unknown() {
    use crate::term::Renewal;
    let mut v = minimal_13();
    v["agreements"][0]["term"]["renewal"] = serde_json::json!({"type": "none"});
    v["agreements"][0]["termination"] =
        serde_json::json!({"ordinary_notice": "none", "for_breach": "none"});
    let s = read_json(&v).scenario.unwrap();
    let a = &s.agreements[0];
    assert_eq!(a.term.renewal, Renewal::None);
    assert_eq!(a.termination.ordinary_notice, Known::Known(None));
    assert_eq!(a.termination.for_breach, Known::Known(None));
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(back["agreements"][0]["termination"]["for_breach"], "none");
    assert_eq!(back["agreements"][0]["term"]["renewal"]["type"], "none");
    // An explicit null is unknown, as before, and so is an automatic extension's notice left out.
    v["agreements"][0]["termination"] = serde_json::json!({"ordinary_notice": null});
    v["agreements"][0]["term"]["renewal"] =
        serde_json::json!({"type": "automatic_extension", "years": 2});
    let s = read_json(&v).scenario.unwrap();
    let a = &s.agreements[0];
    assert_eq!(a.termination.ordinary_notice, Known::Unknown);
    assert_eq!(
        a.term.renewal,
        Renewal::AutomaticExtension {
            years: 2,
            notice: Known::Unknown
        }
    );
}

#[test]
fn left_out_inside_tagged_objects_reads_as_unknown() {
    use crate::funding::ComponentKind;
    use crate::obligations::Due;
    let mut v = minimal_13();
    let a = &mut v["agreements"][0];
    a["funding"]["components"] = serde_json::json!([
        {"kind": {"type": "conditional", "condition": "tjejjouren startar"}, "amount": "25000"},
        {"kind": {"type": "one_off"}, "amount": "10000"},
        {"kind": {"type": "base"}}
    ]);
    a["obligations"] = serde_json::json!({"documents": [
        {"kind": "report", "name": "Verksamhetsberättelse", "due": {"type": "after_year"}}
    ]});
    let r = read_json(&v);
    assert!(errors(&r).is_empty(), "{:?}", r.problems);
    let a = &r.scenario.unwrap().agreements[0];
    let c = &a.funding.components;
    assert!(
        matches!(
            &c[0].kind,
            ComponentKind::Conditional {
                met: Known::Unknown,
                ..
            }
        ),
        "{:?}",
        c[0].kind
    );
    assert_eq!(c[1].kind, ComponentKind::OneOff { on: Known::Unknown });
    assert_eq!(c[2].amount, Known::Unknown);
    assert_eq!(c[2].label, "");
    let d = &a.obligations.documents[0];
    assert_eq!(
        d.due,
        Due::AfterYear {
            days: Known::Unknown
        }
    );
    assert!(d.contents.is_empty() && d.responsible.is_empty());
}

#[test]
fn timestamps_with_z_or_an_offset_read_as_the_same_naive_utc_time() {
    let s = read(MINIMAL_13.as_bytes()).scenario.unwrap();
    assert_eq!(s.created, at_utc(9, 0));
    assert_eq!(s.modified, at_utc(9, 30));
    // Without a zone, as every version wrote it, it is read as before.
    let mut v = minimal_13();
    v["created"] = "2026-11-22T09:00:00.123456789".into();
    v["modified"] = "2026-11-22T09:00:00-02:00".into();
    let s = read_json(&v).scenario.unwrap();
    assert_eq!(s.created.and_utc().timestamp_subsec_nanos(), 123_456_789);
    assert_eq!(s.modified, at_utc(11, 0));
    // Written as before: UTC, no zone, which every version reads.
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(back["modified"], "2026-11-22T11:00:00");
    // An offset out of range, or a date alone, is refused at its path in both languages.
    for bad in [
        "2026-11-22T09:00:00+25:00",
        "2026-11-22",
        "2026-11-22T09:00:00 CET",
    ] {
        v["created"] = bad.into();
        let r = read_json(&v);
        let e = errors(&r);
        assert_eq!(e.len(), 1, "{bad}: {:?}", r.problems);
        assert_eq!(e[0].path, "$.created", "{bad}");
        assert!(
            e[0].message_sv.starts_with("Fel typ"),
            "{}",
            e[0].message_sv
        );
    }
}

#[test]
fn a_typo_is_still_caught_with_its_path() {
    for (path, at) in [
        ("$.agreements[0].ntoes", vec!["agreements", "0"]),
        (
            "$.agreements[0].term.renewl",
            vec!["agreements", "0", "term"],
        ),
        ("$.nmae", vec![]),
    ] {
        let mut v = minimal_13();
        let mut here = &mut v;
        for k in &at {
            here = match k.parse::<usize>() {
                Ok(i) => &mut here[i],
                Err(_) => &mut here[*k],
            };
        }
        let key = path.rsplit('.').next().unwrap();
        here[key] = "x".into();
        let r = read_json(&v);
        let e = errors(&r);
        assert_eq!(e.len(), 1, "{path}: {:?}", r.problems);
        assert_eq!(e[0].path, path);
        assert!(
            e[0].message_en.contains("unknown field"),
            "{}",
            e[0].message_en
        );
        assert!(
            e[0].message_sv.contains("okänt fält"),
            "{}",
            e[0].message_sv
        );
    }
}

#[test]
fn what_the_tool_cannot_work_without_is_still_refused_with_path_and_reason() {
    // Left out of the structure: the object's path, the field named in both languages.
    let cases: [(&[&str], &str, &str); 6] = [
        (&["agreements", "0"], "id", "$.agreements[0]"),
        (&["agreements", "0"], "name", "$.agreements[0]"),
        (&["agreements", "0"], "funding", "$.agreements[0]"),
        (
            &["agreements", "0", "funding"],
            "components",
            "$.agreements[0].funding",
        ),
        (&[], "created", "$"),
        (
            &["agreements", "0", "public_parties", "0"],
            "name",
            "$.agreements[0].public_parties[0]",
        ),
    ];
    for (at, field, path) in cases {
        let mut v = minimal_13();
        let mut here = &mut v;
        for k in at {
            here = match k.parse::<usize>() {
                Ok(i) => &mut here[i],
                Err(_) => &mut here[*k],
            };
        }
        here.as_object_mut().unwrap().remove(field);
        let r = read_json(&v);
        let e = errors(&r);
        assert_eq!(e.len(), 1, "{field}: {:?}", r.problems);
        assert_eq!(e[0].path, path, "{field}");
        assert!(
            e[0].message_sv
                .contains(&format!("fältet `{field}` saknas")),
            "{}",
            e[0].message_sv
        );
        assert!(
            e[0].message_en
                .contains(&format!("missing field `{field}`")),
            "{}",
            e[0].message_en
        );
    }
    // Left out and read as empty, then refused by the rules where an agreement needs one.
    for (field, path, sv) in [
        (
            "public_parties",
            "$.agreements[0].public_parties",
            "offentlig part",
        ),
        (
            "organisations",
            "$.agreements[0].organisations",
            "idéburen organisation",
        ),
    ] {
        let mut v = minimal_13();
        v["agreements"][0].as_object_mut().unwrap().remove(field);
        let r = read_json(&v);
        let e = errors(&r);
        assert!(
            e.iter()
                .any(|p| p.path == path && p.message_sv.contains(sv)),
            "{:?}",
            r.problems
        );
        // A draft keeps it as a warning, as the editor leaves it.
        v["agreements"][0]["draft"] = true.into();
        assert!(read_json(&v).scenario.is_some());
    }
    let mut v = minimal_13();
    v["agreements"][0]["funding"]
        .as_object_mut()
        .unwrap()
        .remove("split");
    let r = read_json(&v);
    assert!(
        errors(&r)
            .iter()
            .any(|p| p.path == "$.agreements[0].funding.split.payers"
                && p.message_en == "At least one payer is needed."),
        "{:?}",
        r.problems
    );
}

/// The files each earlier version of the tool wrote (`iop presets`, `iop extract --format
/// scenario`), kept in `tests/older/`.
const OLDER: [(&str, &str); 4] = [
    ("1.0", include_str!("../../tests/older/1.0-presets.json")),
    ("1.1", include_str!("../../tests/older/1.1-presets.json")),
    ("1.2", include_str!("../../tests/older/1.2-presets.json")),
    (
        "1.2",
        include_str!("../../tests/older/1.2-extract-kramfors.json"),
    ),
];

#[test]
fn files_of_1_0_to_1_2_read_as_before() {
    for (version, text) in OLDER {
        let file: Value = serde_json::from_str(text).unwrap();
        assert_eq!(file["version"], version);
        let r = read(text.as_bytes());
        assert!(errors(&r).is_empty(), "{version}: {:?}", r.problems);
        let s = r.scenario.unwrap();
        // Every field the file holds is read and written back as it was: nothing read as a
        // default, nothing changed; only the version is the one this reader writes.
        let mut expected = file.clone();
        expected["version"] = VERSION.to_string().into();
        assert_eq!(serde_json::to_value(&s).unwrap(), expected, "{version}");
        // The same with nothing left out: a 1.0–1.2 file has every field.
        assert_eq!(s.version, "1.3");
    }
    // What the 1.2 extract holds of 1.2: a draft, with quotes.
    let kramfors = read(OLDER[3].1.as_bytes()).scenario.unwrap();
    assert!(kramfors.agreements[0].draft);
    assert!(kramfors.agreements[0]
        .term
        .source
        .as_ref()
        .unwrap()
        .quote
        .is_some());
}

#[test]
fn a_draft_with_a_term_no_command_can_bound_is_refused() {
    let mut v = minimal_13();
    v["agreements"][0]["draft"] = serde_json::json!(true);
    v["agreements"][0]["term"] =
        serde_json::json!({"start": "1900-01-01", "end": {"on": "9999-12-31"}});
    let r = read_json(&v);
    assert!(r.scenario.is_none());
    let e = errors(&r);
    assert!(
        e.iter()
            .any(|p| p.path == "$.agreements[0].term.end" && p.message_sv.contains("läses inte")),
        "{:?}",
        r.problems
    );
    // Other rule problems of a draft stay warnings.
    let mut v = minimal_13();
    v["agreements"][0]["draft"] = serde_json::json!(true);
    v["agreements"][0]["term"] =
        serde_json::json!({"start": "2024-01-01", "end": {"on": "2023-12-31"}});
    let r = read_json(&v);
    assert!(errors(&r).is_empty(), "{:?}", r.problems);
}
