//! CSV for Swedish Excel: UTF-8 with BOM, `;` between cells, decimal comma, ISO dates, CRLF;
//! every cell inert.

use super::per_inhabitant_ore;
use crate::compare::ComparisonRow;
use crate::known::Known;
use crate::money::Sek;
use crate::window::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A cell for a spreadsheet: inert (a formula-like start gets a leading `'`), quoted when it
/// holds the separator, a quote or a line break.
pub fn csv_cell(text: &str) -> String {
    let inert = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if inert.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

/// Appends one CSV row: inert, quoted cells joined by `;`, ended by CRLF.
fn push_csv_row(out: &mut String, cells: &[String]) {
    out.push_str(
        &cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(";"),
    );
    out.push_str("\r\n");
}

/// A decimal with a decimal comma and no thousands separator, as Swedish Excel reads numbers.
fn excel_number(d: Decimal) -> String {
    d.to_string().replace('.', ",")
}

fn csv_money(v: Known<Sek>) -> String {
    match v {
        Known::Known(s) => excel_number({
            let mut d = s.value();
            d.rescale(2);
            d
        }),
        Known::Unknown => String::new(),
    }
}

/// A date as text, empty when unknown.
pub fn text_date(v: Known<NaiveDate>) -> String {
    v.value().map(|d| d.to_string()).unwrap_or_default()
}

/// An end date as text: `tills vidare` when open-ended, empty when unknown.
pub fn text_opt_date(v: Known<Option<NaiveDate>>) -> String {
    match v {
        Known::Known(Some(d)) => d.to_string(),
        Known::Known(None) => "tills vidare".into(),
        Known::Unknown => String::new(),
    }
}

/// The comparison as CSV that opens in Swedish Excel as it is: UTF-8 with BOM, `;` between
/// cells, decimal comma, ISO dates (which Excel reads as dates), CRLF line ends. An unknown is an
/// empty cell; the header says so.
pub fn comparison_csv(rows: &[ComparisonRow], at: NaiveDate) -> String {
    let header = [
        "Id",
        "Avtal",
        "Kommun",
        "Kommunkod",
        "Län",
        "Organisation",
        "Start",
        "Slut",
        "Status",
        "Periodens slut",
        "Beslut senast",
        "Kr per år",
        "Kr per år (alla villkor)",
        "Totalt för perioden (kr)",
        "Kr per invånare och år",
        "Avtalstid (månader)",
        "Förlängning",
        "Rättelsetid (dagar)",
        "Möten per år",
        "Betalare",
        "Insatser",
        "Avgränsningar",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "Jämförelse per {at};Tomt = okänt;Folkmängd {}\r\n",
        crate::municipality::POPULATION_DATE
    ));
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.id.clone(),
            r.name.clone(),
            r.municipality.clone(),
            r.kommunkod.clone().unwrap_or_default(),
            r.county.clone().unwrap_or_default(),
            r.organisation.clone(),
            text_date(r.start),
            text_opt_date(r.end),
            r.status.map(|s| s.sv()).into_option().unwrap_or_default(),
            text_opt_date(r.period_end),
            text_date(r.decision_due.value),
            csv_money(r.annual.value),
            csv_money(r.annual_max.value),
            csv_money(r.total.value),
            per_inhabitant_ore(r.per_inhabitant.value)
                .map(excel_number)
                .into_option()
                .unwrap_or_default(),
            r.term_months
                .map(|m| m.to_string())
                .into_option()
                .unwrap_or_default(),
            r.renewal.sv(),
            match r.cure_days {
                Known::Known(Some(d)) => d.to_string(),
                Known::Known(None) => "ingen".into(),
                Known::Unknown => String::new(),
            },
            r.meetings_per_year
                .map(|m| m.to_string())
                .into_option()
                .unwrap_or_default(),
            r.payers
                .iter()
                .map(|(n, s, _)| format!("{n} {s}"))
                .collect::<Vec<_>>()
                .join(", "),
            r.services.join(", "),
            r.exclusions.join(", "),
        ];
        push_csv_row(&mut out, &cells);
    }
    out
}

/// Every payment of every agreement within its window of `span` (see [`crate::window`]), one
/// row per payer and payment, as CSV for Swedish Excel. An unknown date or amount is an empty
/// cell.
///
/// ```
/// let at = iop_core::presets::date(2025, 1, 1);
/// let span = iop_core::window::Span::Around(at);
/// let csv = iop_core::export::payments_csv(&[iop_core::presets::kalmar_2025_2027()], span);
/// assert!(csv.contains("kalmar-2025-2027;Kalmar 2025–2027;2025-01-01;2025-01-01;2025-03-31;Kommunledningskontoret;500000,00"));
/// ```
pub fn payments_csv(agreements: &[crate::Agreement], span: Span) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&PAYMENT_COLUMNS.join(";"));
    out.push_str("\r\n");
    for row in payment_rows(agreements, span, csv_money) {
        push_csv_row(&mut out, &row);
    }
    out
}

/// The columns of a payments listing.
pub const PAYMENT_COLUMNS: [&str; 7] = [
    "Id",
    "Avtal",
    "Avtalsår från",
    "Tidigast",
    "Senast",
    "Betalare",
    "Belopp (kr)",
];

/// One row per payer and payment within each agreement's window of `span`: id, name,
/// agreement year, earliest, latest, payer, amount (written by `amount`); an unknown date is an
/// empty cell.
pub fn payment_rows(
    agreements: &[crate::Agreement],
    span: Span,
    amount: fn(Known<Sek>) -> String,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for a in agreements {
        let Some(window) = span.window_for(a) else {
            continue;
        };
        let split = &a.funding.split;
        let pays =
            crate::payments::payments_in_window(a, window, crate::funding::Conditions::AsRecorded);
        for p in pays {
            let (from, to) = match p.window {
                Known::Known((f, t)) => (f.to_string(), t.to_string()),
                Known::Unknown => (String::new(), String::new()),
            };
            for (i, value) in p.per_payer(split).into_iter().enumerate() {
                rows.push(vec![
                    a.id.clone(),
                    a.name.clone(),
                    p.agreement_year.0.to_string(),
                    from.clone(),
                    to.clone(),
                    split.payer_name(i).unwrap_or_default().to_string(),
                    amount(value),
                ]);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::presets;

    #[test]
    fn csv_is_for_swedish_excel() {
        let at = presets::date(2026, 11, 22);
        let csv = comparison_csv(&compare(&presets::all(), at), at);
        assert!(csv.starts_with('\u{feff}'));
        let line = csv
            .lines()
            .find(|l| l.starts_with("kalmar-2025-2027;"))
            .unwrap();
        assert!(line.contains(";1000000,00;"), "{line}");
        assert!(line.contains(";13,75;"), "{line}");
        assert!(line.contains(";2025-01-01;2027-12-31;"), "{line}");
    }

    #[test]
    fn csv_cells_are_inert_and_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("Kalmar"), "Kalmar");
    }
}
