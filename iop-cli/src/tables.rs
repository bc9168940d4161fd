//! Aligned text tables for people at a terminal: the comparison, payments, the calendar and a
//! termination outcome, Swedish formats, unknown shown as `okänt`.

use chrono::NaiveDate;
use iop_core::breach::TerminationOutcome;
use iop_core::calendar::Event;
use iop_core::compare::ComparisonRow;
use iop_core::export::{payment_rows, per_inhabitant_ore, PAYMENT_COLUMNS};
use iop_core::known::Known;
use iop_core::money::{format_decimal_en, format_decimal_sv, Sek};
use iop_core::printable::one_line;
use iop_core::window::Span;

use crate::lang::Lang;

/// An amount in `l`'s words and format; unknown stays a word, never 0.
fn text_money(l: Lang, v: Known<Sek>) -> String {
    match v {
        Known::Known(s) => l.pick(
            s.to_string(),
            format!("SEK {}", format_decimal_en(s.value(), None)),
        ),
        Known::Unknown => unknown(l),
    }
}

fn unknown(l: Lang) -> String {
    l.pick("okänt", "unknown").into()
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

/// The comparison as a text table in `l`'s words and formats.
pub fn comparison_table(rows: &[ComparisonRow], at: NaiveDate, l: Lang) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.municipality.clone(),
                r.organisation.clone(),
                l.text(&r.period()).to_string(),
                r.status
                    .map(|s| l.pick(s.sv(), s.en()))
                    .into_option()
                    .unwrap_or_else(|| unknown(l)),
                text_money(l, r.annual.value),
                per_inhabitant_ore(r.per_inhabitant.value)
                    .map(|d| {
                        l.pick(
                            format!("{} kr", format_decimal_sv(d, Some(2))),
                            format!("SEK {}", format_decimal_en(d, Some(2))),
                        )
                    })
                    .into_option()
                    .unwrap_or_else(|| unknown(l)),
                text_money(l, r.total.value),
            ]
        })
        .collect();
    let mut out = l.pick(
        format!(
            "Jämförelse per {at} (folkmängd {})\n\n",
            iop_core::POPULATION_DATE
        ),
        format!(
            "Comparison on {at} (population {})\n\n",
            iop_core::POPULATION_DATE
        ),
    );
    let header = l.pick(
        [
            "Id",
            "Kommun",
            "Organisation",
            "Period",
            "Status",
            "Per år",
            "Per invånare",
            "Totalt för perioden",
        ],
        [
            "Id",
            "Municipality",
            "Organisation",
            "Period",
            "Status",
            "Per year",
            "Per inhabitant",
            "Total for the period",
        ],
    );
    out.push_str(&text_table(&header, &body, &[5, 6, 7]));
    out
}

/// The comparison term by term against the agreement in column `reference`: one row per term,
/// one column per agreement, "≠ " before each known value that differs from the reference's
/// known value (an unknown on either side cannot be told, and is not marked).
pub fn comparison_against_table(
    rows: &[ComparisonRow],
    at: NaiveDate,
    reference: usize,
    l: Lang,
) -> String {
    use iop_core::compare::side_by_side_against;
    let table = side_by_side_against(rows, reference);
    let name = rows.get(reference).map_or("", |r| r.name.as_str());
    let mut header: Vec<String> = vec![l.pick("Villkor", "Term").into()];
    header.extend(rows.iter().enumerate().map(|(i, r)| {
        if i == reference {
            l.pick(
                format!("{} (jämförs mot)", r.name),
                format!("{} (compared against)", r.name),
            )
        } else {
            r.name.clone()
        }
    }));
    let body: Vec<Vec<String>> = table
        .iter()
        .map(|t| {
            let mut line = vec![l.pick(t.label_sv, t.label_en).to_string()];
            line.extend(t.cells.iter().map(|c| {
                let text = l.pick(&c.sv, &c.en);
                if c.differs_from_reference() {
                    format!("≠ {text}")
                } else {
                    text.clone()
                }
            }));
            line
        })
        .collect();
    let mut out = l.pick(
        format!(
            "Jämförelse per {at} (folkmängd {}), mot {}\n≠ = skiljer sig från {}; okänt jämförs inte.\n\n",
            iop_core::POPULATION_DATE,
            one_line(name),
            one_line(name),
        ),
        format!(
            "Comparison on {at} (population {}), against {}\n≠ = differs from {}; unknown is not compared.\n\n",
            iop_core::POPULATION_DATE,
            one_line(name),
            one_line(name),
        ),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&text_table(&header, &body, &[]));
    out
}

/// The payments as a text table in `l`'s words and formats (unknown shown as a word).
pub fn payments_table(agreements: &[iop_core::Agreement], span: Span, l: Lang) -> String {
    let money: fn(Known<Sek>) -> String = match l {
        Lang::Sv => |v| text_money(Lang::Sv, v),
        Lang::En => |v| text_money(Lang::En, v),
    };
    let mut rows = payment_rows(agreements, span, money);
    for r in &mut rows {
        // The earliest and latest day are empty when unknown.
        for cell in r.iter_mut().skip(3).take(2) {
            if cell.is_empty() {
                *cell = unknown(l);
            }
        }
    }
    let header = l.pick(
        PAYMENT_COLUMNS,
        [
            "Id",
            "Agreement",
            "Agreement year from",
            "Earliest",
            "Latest",
            "Payer",
            "Amount",
        ],
    );
    text_table(&header, &rows, &[6])
}

/// The calendar as a text table in `l`'s words; what the source leaves undated is listed
/// after the dated obligations of its agreement year (the core's order).
pub fn calendar_table(agreement: &iop_core::Agreement, events: &[Event], l: Lang) -> String {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.date.value().map_or_else(
                    || {
                        l.pick(
                            format!("utan datum (avtalsår från {})", e.year_start),
                            format!("no date (agreement year from {})", e.year_start),
                        )
                    },
                    |d| d.to_string(),
                ),
                l.pick(e.kind.sv(), e.kind.en()).to_string(),
                l.pick(e.text(agreement), e.text_en(agreement)),
                e.amount.map(|a| text_money(l, a)).unwrap_or_default(),
            ]
        })
        .collect();
    let header = l.pick(
        ["Datum", "Slag", "Beskrivning", "Belopp"],
        ["Date", "Kind", "Description", "Amount"],
    );
    text_table(&header, &rows, &[3])
}

/// The termination outcome as text in `l`'s words: who broke the agreement, when the
/// termination takes effect, and the money.
pub fn termination_table(o: &TerminationOutcome, l: Lang) -> String {
    use iop_core::parties::Side;
    let broke = match o.in_breach {
        Side::Public => l.pick(
            "Kommunen (den offentliga parten)",
            "The municipality (public party)",
        ),
        Side::Organisation => l.pick("Organisationen", "The organisation"),
    };
    let rows = vec![
        vec![
            l.pick("Vem bröt avtalet", "Who broke the agreement")
                .to_string(),
            broke.to_string(),
        ],
        vec![
            l.pick("Gäller tidigast", "Takes effect at the earliest")
                .to_string(),
            o.effective_date.map_or_else(
                || {
                    l.pick("– (perioden slutar först)", "– (the period ends first)")
                        .to_string()
                },
                |d| d.to_string(),
            ),
        ],
        vec![
            l.pick("Utbetalt dessförinnan", "Paid before then").into(),
            text_money(l, o.paid),
        ],
        vec![
            l.pick("Betalas inte ut", "Not paid out").into(),
            text_money(l, o.unpaid),
        ],
        vec![
            l.pick("Återbetalning", "Repayment").into(),
            format!(
                "{} – {}",
                text_money(l, o.repayment_min),
                text_money(l, o.repayment_max)
            ),
        ],
    ];
    let mut out = text_table(&["", ""], &rows, &[]);
    out.push('\n');
    out.push_str(l.text(&o.explanation));
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
