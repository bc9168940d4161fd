//! Aligned text tables for people at a terminal: the comparison, payments, the calendar and a
//! termination outcome, Swedish formats, unknown shown as `okänt`.

use chrono::NaiveDate;
use iop_core::breach::TerminationOutcome;
use iop_core::calendar::Event;
use iop_core::compare::ComparisonRow;
use iop_core::export::{
    payment_rows, per_inhabitant_ore, text_date, text_opt_date, PAYMENT_COLUMNS,
};
use iop_core::known::Known;
use iop_core::money::{format_decimal_sv, Sek};
use iop_core::printable::one_line;
use iop_core::window::Span;

fn text_money(v: Known<Sek>) -> String {
    match v {
        Known::Known(s) => s.to_string(),
        Known::Unknown => "okänt".into(),
    }
}

/// Columns aligned by characters, for people: a header row, a rule, the rows. Numeric columns
/// (given by index) are right-aligned. A cell's control characters (a line break, a terminal
/// escape) are shown escaped, so each row stays one line and the terminal obeys none of them.
pub fn text_table(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c).into_owned()).collect())
        .collect();
    let rows = rows.as_slice();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = width
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if right.contains(&i) {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cells.len() {
                    s.push_str(&" ".repeat(pad));
                }
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        width
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// The comparison as a text table with Swedish formats.
pub fn comparison_table(rows: &[ComparisonRow], at: NaiveDate) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.municipality.clone(),
                r.organisation.clone(),
                format!(
                    "{} – {}",
                    text_date(r.start).if_empty("okänt"),
                    text_opt_date(r.end).if_empty("okänt")
                ),
                r.status
                    .map(|s| s.sv())
                    .into_option()
                    .unwrap_or_else(|| "okänt".into()),
                text_money(r.annual.value),
                per_inhabitant_ore(r.per_inhabitant.value)
                    .map(|d| format!("{} kr", format_decimal_sv(d, Some(2))))
                    .into_option()
                    .unwrap_or_else(|| "okänt".into()),
                text_money(r.total.value),
            ]
        })
        .collect();
    let mut out = format!(
        "Jämförelse per {at} (folkmängd {})\n\n",
        iop_core::POPULATION_DATE
    );
    out.push_str(&text_table(
        &[
            "Id",
            "Kommun",
            "Organisation",
            "Period",
            "Status",
            "Per år",
            "Per invånare",
            "Totalt för perioden",
        ],
        &body,
        &[5, 6, 7],
    ));
    out
}

/// The comparison term by term against the agreement in column `reference`: one row per term,
/// one column per agreement, "≠ " before each known value that differs from the reference's
/// known value (an unknown on either side cannot be told, and is not marked).
pub fn comparison_against_table(rows: &[ComparisonRow], at: NaiveDate, reference: usize) -> String {
    use iop_core::compare::side_by_side_against;
    let table = side_by_side_against(rows, reference);
    let name = rows.get(reference).map_or("", |r| r.name.as_str());
    let mut header: Vec<String> = vec!["Villkor".into()];
    header.extend(rows.iter().enumerate().map(|(i, r)| {
        if i == reference {
            format!("{} (jämförs mot)", r.name)
        } else {
            r.name.clone()
        }
    }));
    let body: Vec<Vec<String>> = table
        .iter()
        .map(|t| {
            let mut line = vec![t.label_sv.to_string()];
            line.extend(t.cells.iter().map(|c| {
                if c.differs_from_reference() {
                    format!("≠ {}", c.sv)
                } else {
                    c.sv.clone()
                }
            }));
            line
        })
        .collect();
    let mut out = format!(
        "Jämförelse per {at} (folkmängd {}), mot {}\n≠ = skiljer sig från {}; okänt jämförs inte.\n\n",
        iop_core::POPULATION_DATE,
        one_line(name),
        one_line(name),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&text_table(&header, &body, &[]));
    out
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() {
            other.to_string()
        } else {
            self
        }
    }
}

/// The payments as a text table with Swedish formats (unknown shown as `okänt`).
pub fn payments_table(agreements: &[iop_core::Agreement], span: Span) -> String {
    let mut rows = payment_rows(agreements, span, text_money);
    for r in &mut rows {
        // The earliest and latest day are empty when unknown.
        for cell in r.iter_mut().skip(3).take(2) {
            if cell.is_empty() {
                *cell = "okänt".into();
            }
        }
    }
    text_table(&PAYMENT_COLUMNS, &rows, &[6])
}

/// The calendar as a text table.
pub fn calendar_table(agreement: &iop_core::Agreement, events: &[Event]) -> String {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.date
                    .value()
                    .map_or_else(|| format!("okänt ({}–)", e.year_start), |d| d.to_string()),
                e.kind.sv().to_string(),
                e.text(agreement),
                e.amount.map(text_money).unwrap_or_default(),
            ]
        })
        .collect();
    text_table(&["Datum", "Slag", "Beskrivning", "Belopp"], &rows, &[3])
}

/// The termination outcome as text.
pub fn termination_table(o: &TerminationOutcome) -> String {
    let rows = vec![
        vec![
            "Gäller tidigast".to_string(),
            o.effective_date
                .map_or("– (perioden slutar först)".into(), |d| d.to_string()),
        ],
        vec!["Utbetalt dessförinnan".into(), text_money(o.paid)],
        vec!["Betalas inte ut".into(), text_money(o.unpaid)],
        vec![
            "Återbetalning".into(),
            format!(
                "{} – {}",
                text_money(o.repayment_min),
                text_money(o.repayment_max)
            ),
        ],
    ];
    let mut out = text_table(&["", ""], &rows, &[]);
    out.push('\n');
    out.push_str(&o.explanation.sv);
    out.push('\n');
    out
}

#[cfg(test)]
mod table_tests {
    #[test]
    fn rows_wider_than_the_header_do_not_panic() {
        let t = super::text_table(&["a"], &[vec!["1".into(), "2".into()], vec![]], &[0, 5]);
        assert_eq!(t.lines().count(), 4);
    }
}
