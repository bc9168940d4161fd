//! Edits as values: any sequence undone gives back the original, no edit panics, and an edited
//! agreement survives export and import unchanged.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_core::edit::{apply, Edit, History, Kind};
use iop_core::scenario::{read, Scenario};
use iop_core::{presets, Agreement};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Fields an editor sets, with the kind of text typed into them.
const FIELDS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("term.start", Kind::Date),
    ("term.stated_decision_due", Kind::Date),
    ("funding.components[0].amount", Kind::Money),
    ("funding.components[0].label", Kind::Text),
    ("funding.split.payers[0].name", Kind::Text),
    ("funding.split.payers[0].share", Kind::Share),
    ("public_parties[0].org_number", Kind::OrgNumber),
    ("public_parties[0].kommunkod", Kind::Kommunkod),
    ("organisations[0].name", Kind::Text),
    ("obligations.meetings.per_year", Kind::Count),
    ("notes", Kind::Text),
];

const TEXTS: &[&str] = &[
    "",
    "0",
    "575 000 kr",
    "1 0O0 kr",
    "2023-01-01",
    "2025-1-1",
    "1/2",
    "3/2",
    "50 %",
    "212000-0746",
    "212000-0747",
    "Kramfors",
    "2282",
    "abc",
    "-5",
    "30",
    "9999-12-31",
    "\u{1b}[31m",
    "Ö",
];

fn base() -> impl Strategy<Value = Agreement> {
    prop_oneof![
        Just(presets::kalmar_2025_2027()),
        Just(presets::vallentuna()),
        Just(presets::varmdo()),
        Just(Agreement::blank("eget-1")),
    ]
}

/// An edit as an editor makes one: a typed text read by its field's kind, or a list item added
/// or removed.
fn edit() -> impl Strategy<Value = Edit> {
    let set = (0..FIELDS.len(), 0..TEXTS.len()).prop_filter_map("text of its kind", |(f, t)| {
        let (path, kind) = FIELDS[f];
        kind.parse_user(TEXTS[t]).ok().map(|v| Edit::set(path, v))
    });
    let lists = prop_oneof![
        Just((
            "funding.split.payers",
            json!({"name": "Kommunstyrelsen", "share": "1/2"})
        )),
        Just((
            "funding.components",
            json!({"label": "Bidrag", "kind": {"type": "base"}, "amount": null, "from": null, "until": null, "source": null})
        )),
        Just(("scope.exclusions", json!("skyddat boende"))),
        Just((
            "organisations",
            json!({"name": "Kramfors Kvinnoforum", "legal_name": null, "org_number": null, "contact": null, "signatories": [], "source": null})
        )),
    ];
    prop_oneof![
        3 => set,
        1 => (lists.clone(), 0..3usize).prop_map(|((path, value), index)| Edit::Insert { path: path.into(), index, value }),
        1 => (lists, 0..3usize).prop_map(|((path, _), index)| Edit::Remove { path: path.into(), index }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undoing_every_edit_gives_back_the_original(a in base(), edits in prop::collection::vec(edit(), 0..25)) {
        let mut h = History::default();
        let mut now = a.clone();
        for e in edits {
            if let Ok(next) = h.apply(&now, e) {
                now = next;
            }
        }
        while h.can_undo() {
            now = h.undo(&now).expect("a recorded step undoes");
        }
        prop_assert_eq!(now, a);
    }

    #[test]
    fn redoing_every_undone_edit_gives_back_the_edited(a in base(), edits in prop::collection::vec(edit(), 0..15)) {
        let mut h = History::default();
        let mut now = a;
        for e in edits {
            if let Ok(next) = h.apply(&now, e) {
                now = next;
            }
        }
        let edited = now.clone();
        while h.can_undo() {
            now = h.undo(&now).unwrap();
        }
        while h.can_redo() {
            now = h.redo(&now).unwrap();
        }
        prop_assert_eq!(now, edited);
    }

    #[test]
    fn any_edit_applies_or_says_where_it_fails(a in base(), path in "[a-z_.\\[\\]0-9]{0,40}", value in any::<Option<i64>>(), which in 0..3u8) {
        let value = value.map_or(Value::Null, Value::from);
        let e = match which {
            0 => Edit::set(&path, value),
            1 => Edit::Insert { path: path.clone(), index: 0, value },
            _ => Edit::Remove { path: path.clone(), index: 0 },
        };
        match apply(&a, &e) {
            Ok(done) => prop_assert_eq!(apply(&done.agreement, &done.undo).unwrap().agreement, a),
            Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|p| !p.message_sv.is_empty() && !p.message_en.is_empty())),
        }
    }

    #[test]
    fn an_edited_agreement_exports_and_imports_unchanged(a in base(), edits in prop::collection::vec(edit(), 1..20)) {
        let mut h = History::default();
        let mut now = a;
        for e in edits {
            if let Ok(next) = h.apply(&now, e) {
                now = next;
            }
        }
        let file = Scenario::new("t", Default::default(), vec![now.clone()]).to_json();
        let back = read(file.as_bytes());
        prop_assert_eq!(back.scenario.map(|s| s.agreements), Some(vec![now]), "{:?}", back.problems);
    }
}

#[test]
fn a_new_agreement_is_entered_field_by_field_and_is_no_longer_a_draft() {
    let mut h = History::default();
    let mut a = Agreement::blank("eget-1");
    let steps = [
        Edit::Insert {
            path: "public_parties".into(),
            index: 0,
            value: json!({"name": "Kramfors kommun", "kommunkod": "2282", "org_number": null, "bodies": [], "contact": null, "signatories": [], "source": null}),
        },
        Edit::Insert {
            path: "organisations".into(),
            index: 0,
            value: json!({"name": "Kramfors Kvinnoforum", "legal_name": null, "org_number": null, "contact": null, "signatories": [], "source": null}),
        },
        Edit::set("term.start", Kind::Date.parse_user("2023-01-01").unwrap()),
        Edit::set("term.end", json!({"on": "2025-12-31"})),
        Edit::Insert {
            path: "funding.components".into(),
            index: 0,
            value: json!({"label": "Ersättning", "kind": {"type": "base"}, "amount": null, "from": null, "until": null, "source": null}),
        },
        Edit::set(
            "funding.components[0].amount",
            Kind::Money.parse_user("575 000 kr").unwrap(),
        ),
        Edit::Insert {
            path: "funding.split.payers".into(),
            index: 0,
            value: json!({"name": "Kommunstyrelsen", "share": "1/1"}),
        },
    ];
    for (i, e) in steps.into_iter().enumerate() {
        a = h.apply(&a, e).unwrap();
        assert_eq!(a.draft, i < 6, "after step {i}");
    }
    let rows = iop_core::compare::compare(&[a], presets::date(2024, 6, 1));
    assert_eq!(
        rows[0].annual.value,
        iop_core::Known::Known(iop_core::Sek::kronor(575_000))
    );
    assert_eq!(
        rows[0].total.value,
        iop_core::Known::Known(iop_core::Sek::kronor(1_725_000))
    );
}
