//! "Periodens slut" in every export, for every status: the end of the period running on the
//! date, of the first before the start, of the last after the end; "tills vidare" only for an
//! agreement that runs until further notice; empty (unknown) when the term does not say.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use iop_core::compare::{compare, side_by_side};
use iop_core::export::csv::comparison_csv;
use iop_core::presets::{self, date};
use iop_core::term::{Renewal, Status, TermEnd};
use iop_core::{Agreement, Known};

/// The CSV's "Periodens slut" and "Status" cells of the one agreement on `at`.
fn csv_cells(a: &Agreement, at: chrono::NaiveDate) -> (String, String) {
    let csv = comparison_csv(&compare(std::slice::from_ref(a), at), at);
    let lines: Vec<&str> = csv.lines().collect();
    let head: Vec<&str> = lines[1].split(';').collect();
    let row: Vec<&str> = lines[2].split(';').collect();
    let col = |name: &str| row[head.iter().position(|h| *h == name).unwrap()].to_string();
    (col("Periodens slut"), col("Status"))
}

/// The side-by-side table's cell for the period's end.
fn table_cell(a: &Agreement, at: chrono::NaiveDate) -> String {
    let rows = compare(std::slice::from_ref(a), at);
    let t = side_by_side(&rows);
    let r = t.iter().find(|r| r.key == "period_end").unwrap();
    r.cells[0].sv.clone()
}

#[test]
fn every_status_states_the_right_period_end() {
    let k = presets::kalmar_2025_2027(); // 2025-01-01 – 2027-12-31, no renewal
    let v = presets::vallentuna(); // 2021-07-01 – 2023-06-30, extended 2 years at a time
    let mut open = k.clone();
    open.term.end = TermEnd::OpenEnded;
    open.term.renewal = Renewal::None;
    let mut unknown = k.clone();
    unknown.term.renewal = Renewal::Unknown;
    let cases = [
        (&k, date(2024, 6, 1), Status::NotStarted.sv(), "2027-12-31"),
        (&k, date(2026, 6, 1), Status::FirstPeriod.sv(), "2027-12-31"),
        (
            &v,
            date(2026, 6, 1),
            Status::Extension(2).sv(),
            "2027-06-30",
        ),
        (&k, date(2028, 6, 1), Status::Ended.sv(), "2027-12-31"),
        (
            &presets::kalmar_2022_2024(),
            date(2026, 12, 2),
            Status::Ended.sv(),
            "2024-12-31",
        ),
        (
            &open,
            date(2026, 6, 1),
            Status::FirstPeriod.sv(),
            "tills vidare",
        ),
        // After the first period with an unknown renewal: the status and the end are unknown.
        (&unknown, date(2028, 6, 1), String::new(), ""),
    ];
    for (a, at, status, end) in cases {
        let (csv_end, csv_status) = csv_cells(a, at);
        assert_eq!(csv_status, status, "{} on {at}", a.id);
        assert_eq!(csv_end, end, "{} on {at}: CSV", a.id);
        let row = &compare(std::slice::from_ref(a), at)[0];
        let v = iop_core::export::json::comparison_json(std::slice::from_ref(row), at);
        let j = &v["agreements"][0]["period_end"];
        match end {
            "" => assert!(j.is_null(), "{j}"),
            "tills vidare" => assert_eq!(j, "open_ended", "{} on {at}: JSON", a.id),
            d => assert_eq!(j, d, "{} on {at}: JSON", a.id),
        }
        let cell = table_cell(a, at);
        match end {
            "" => assert_eq!(cell, "okänt"),
            d => assert_eq!(cell, d, "{} on {at}: table", a.id),
        }
    }
    assert_eq!(
        iop_core::compare::row(&k, date(2028, 6, 1)).status,
        Known::Known(Status::Ended)
    );
}
