//! The comparison as one row per term with the agreements side by side: cells in Swedish and
//! English, differences marked, unknowns kept, and the order when sorted by a term. The marks
//! against one chosen agreement are in `super::against`.

use super::{terms, ComparisonRow};
use crate::explain::{Explanation, Figure};
use crate::known::Known;
use crate::money::{format_decimal_sv, Overflow, Sek};
use crate::parties::Side;
use crate::term::Renewal;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// One cell of the side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// In Swedish.
    pub sv: String,
    /// In English.
    pub en: String,
    /// A number to sort by, when the term is a number.
    pub sort: Option<Decimal>,
    /// Whether the value is unknown.
    pub unknown: bool,
    /// The explanation of a computed figure, in Swedish and English.
    pub explanation: Option<Explanation>,
    /// How it stands against the chosen reference agreement's cell in its row; `None` when no
    /// reference is chosen ([`side_by_side`]) or the row is not a term
    /// ([`super::IDENTITY_TERMS`]). Set by [`super::side_by_side_against`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<super::Versus>,
}

impl Cell {
    /// Whether its known value differs from the reference agreement's known value (the cells
    /// marked "≠").
    pub fn differs_from_reference(&self) -> bool {
        self.versus == Some(super::Versus::Differs)
    }
}

/// One term, side by side across agreements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermRow {
    /// A stable key (`annual`).
    pub key: &'static str,
    /// Label in Swedish.
    pub label_sv: &'static str,
    /// Label in English.
    pub label_en: &'static str,
    /// One cell per agreement, in the order given.
    pub cells: Vec<Cell>,
    /// Whether the known values differ between agreements (any two of them; see
    /// [`TermRow::differs_from_reference`] for differences against one chosen agreement).
    pub differs: bool,
}

impl TermRow {
    /// Whether any cell differs from the reference agreement's (see
    /// [`super::side_by_side_against`]); false when no reference is chosen.
    pub fn differs_from_reference(&self) -> bool {
        self.cells.iter().any(Cell::differs_from_reference)
    }
}

pub(super) fn unknown_cell() -> Cell {
    Cell {
        sv: "okänt".into(),
        en: "unknown".into(),
        sort: None,
        unknown: true,
        explanation: None,
        versus: None,
    }
}

pub(super) fn text_cell(sv: String, en: String) -> Cell {
    Cell {
        sv,
        en,
        sort: None,
        unknown: false,
        explanation: None,
        versus: None,
    }
}

fn money_cell(f: &Figure<Sek>) -> Cell {
    if f.too_large {
        return Cell {
            sv: Overflow::SHOWN_SV.into(),
            en: Overflow::SHOWN_EN.into(),
            explanation: Some(f.explanation.clone()),
            ..unknown_cell()
        };
    }
    match f.value {
        Known::Known(v) => Cell {
            sv: v.to_string(),
            en: format!(
                "SEK {}",
                format_decimal_sv(v.value(), None).replace(' ', ",")
            ),
            sort: Some(v.value()),
            unknown: false,
            explanation: Some(f.explanation.clone()),
            versus: None,
        },
        Known::Unknown => Cell {
            explanation: Some(f.explanation.clone()),
            ..unknown_cell()
        },
    }
}

fn number_cell(v: Known<u32>, unit_sv: &str, unit_en: &str) -> Cell {
    match v {
        Known::Known(n) => Cell {
            sv: format!("{n} {unit_sv}").trim().to_string(),
            en: format!("{n} {unit_en}").trim().to_string(),
            sort: Some(Decimal::from(n)),
            unknown: false,
            explanation: None,
            versus: None,
        },
        Known::Unknown => unknown_cell(),
    }
}

fn date_cell(v: Known<Option<NaiveDate>>) -> Cell {
    match v {
        Known::Known(Some(d)) => Cell {
            sort: Some(Decimal::from(d.num_days_from_ce())),
            ..text_cell(d.to_string(), d.to_string())
        },
        Known::Known(None) => text_cell("tills vidare".into(), "until further notice".into()),
        Known::Unknown => unknown_cell(),
    }
}

/// The comparison as one row per term with the agreements side by side, differences marked and
/// unknowns kept, ready to render or sort. Beyond money and time it has the terms a nämnd
/// decides on: repayment after a breach by each side (`repay_organisation_breach`,
/// `repay_public_breach`), reporting duties (`reporting_what`, `reporting_to`,
/// `reporting_when`) and payment timing (`payment`), each `okänt` where the source says nothing.
///
/// ```
/// use iop_core::compare::{compare, side_by_side};
/// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
/// let table = side_by_side(&rows);
/// let annual = table.iter().find(|t| t.key == "annual").unwrap();
/// let column = |id: &str| rows.iter().position(|r| r.id == id).unwrap();
/// assert_eq!(annual.cells[column("kalmar-2025-2027")].sv, "1 000 000 kr");
/// assert!(annual.cells[column("linkoping-2019")].unknown);
/// assert!(annual.differs);
/// ```
pub fn side_by_side(rows: &[ComparisonRow]) -> Vec<TermRow> {
    let mut out = Vec::new();
    let mut push = |key, label_sv, label_en, cells: Vec<Cell>| {
        let known: Vec<&String> = cells.iter().filter(|c| !c.unknown).map(|c| &c.sv).collect();
        let differs = known.windows(2).any(|w| matches!(w, [a, b] if a != b))
            || (cells.iter().any(|c| c.unknown) && !known.is_empty());
        out.push(TermRow {
            key,
            label_sv,
            label_en,
            cells,
            differs,
        });
    };
    push(
        "municipality",
        "Kommun",
        "Municipality",
        rows.iter()
            .map(|r| text_cell(r.municipality.clone(), r.municipality.clone()))
            .collect(),
    );
    push(
        "organisation",
        "Organisation",
        "Organisation",
        rows.iter()
            .map(|r| text_cell(r.organisation.clone(), r.organisation.clone()))
            .collect(),
    );
    push(
        "annual",
        "Kronor per år",
        "SEK per year",
        rows.iter().map(|r| money_cell(&r.annual)).collect(),
    );
    push(
        "annual_max",
        "Kronor per år, alla villkor uppfyllda",
        "SEK per year, all conditions met",
        rows.iter().map(|r| money_cell(&r.annual_max)).collect(),
    );
    push(
        "per_inhabitant",
        "Kronor per invånare och år",
        "SEK per inhabitant per year",
        rows.iter()
            .map(|r| match r.per_inhabitant.value {
                Known::Known(v) => {
                    let rounded =
                        v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                    Cell {
                        sv: format!("{} kr", format_decimal_sv(rounded, Some(2))),
                        en: format!("SEK {}", rounded),
                        sort: Some(v),
                        unknown: false,
                        explanation: Some(r.per_inhabitant.explanation.clone()),
                        versus: None,
                    }
                }
                Known::Unknown => Cell {
                    explanation: Some(r.per_inhabitant.explanation.clone()),
                    ..unknown_cell()
                },
            })
            .collect(),
    );
    push(
        "total",
        "Totalt för perioden",
        "Total for the period",
        rows.iter().map(|r| money_cell(&r.total)).collect(),
    );
    push(
        "start",
        "Start",
        "Start",
        rows.iter().map(|r| date_cell(r.start.map(Some))).collect(),
    );
    push(
        "end",
        "Första periodens slut",
        "End of first period",
        rows.iter().map(|r| date_cell(r.end)).collect(),
    );
    push(
        "term_months",
        "Avtalstid",
        "Term",
        rows.iter()
            .map(|r| number_cell(r.term_months, "månader", "months"))
            .collect(),
    );
    push(
        "status",
        "Status",
        "Status",
        rows.iter()
            .map(|r| match r.status {
                Known::Known(s) => text_cell(s.sv(), s.en()),
                Known::Unknown => unknown_cell(),
            })
            .collect(),
    );
    push(
        "period_end",
        "Periodens slut",
        "End of period",
        rows.iter().map(|r| date_cell(r.period_end)).collect(),
    );
    push(
        "decision_due",
        "Beslut senast",
        "Decision due",
        rows.iter()
            .map(|r| Cell {
                explanation: Some(r.decision_due.explanation.clone()),
                ..date_cell(r.decision_due.value.map(Some))
            })
            .collect(),
    );
    push(
        "renewal",
        "Förlängning",
        "Renewal",
        rows.iter()
            .map(|r| {
                if r.renewal == Renewal::Unknown {
                    unknown_cell()
                } else {
                    text_cell(r.renewal.sv(), r.renewal.en())
                }
            })
            .collect(),
    );
    push(
        "cure_days",
        "Rättelsetid vid avtalsbrott",
        "Cure period on breach",
        rows.iter()
            .map(|r| match r.cure_days {
                Known::Known(Some(d)) => number_cell(Known::Known(d), "dagar", "days"),
                Known::Known(None) => {
                    text_cell("ingen hävningsklausul".into(), "no breach clause".into())
                }
                Known::Unknown => unknown_cell(),
            })
            .collect(),
    );
    push(
        "notice",
        "Uppsägningstid",
        "Notice period",
        rows.iter()
            .map(|r| match r.notice {
                Known::Known(Some(d)) => text_cell(d.sv(), d.en()),
                Known::Known(None) => text_cell("ingen".into(), "none".into()),
                Known::Unknown => unknown_cell(),
            })
            .collect(),
    );
    push(
        "repay_organisation_breach",
        "Återbetalning om organisationen bryter avtalet",
        "Repayment if the organisation breaks the agreement",
        rows.iter()
            .map(|r| terms::repayment(r.for_breach, Side::Organisation))
            .collect(),
    );
    push(
        "repay_public_breach",
        "Återbetalning om kommunen bryter avtalet",
        "Repayment if the kommun breaks the agreement",
        rows.iter()
            .map(|r| terms::repayment(r.for_breach, Side::Public))
            .collect(),
    );
    push(
        "meetings",
        "Uppföljningsmöten per år",
        "Follow-up meetings per year",
        rows.iter()
            .map(|r| number_cell(r.meetings_per_year, "", ""))
            .collect(),
    );
    push(
        "reporting_what",
        "Rapporter att lämna",
        "Reports to hand in",
        rows.iter()
            .map(|r| terms::reporting_what(&r.reporting))
            .collect(),
    );
    push(
        "reporting_to",
        "Rapporteras till",
        "Reported to",
        rows.iter()
            .map(|r| terms::reporting_to(&r.reporting, &r.payments))
            .collect(),
    );
    push(
        "reporting_when",
        "Rapporteras senast",
        "Reported by",
        rows.iter()
            .map(|r| terms::reporting_when(&r.reporting, &r.payments))
            .collect(),
    );
    push(
        "payers",
        "Betalare",
        "Payers",
        rows.iter()
            .map(|r| {
                let t = r
                    .payers
                    .iter()
                    .map(|(n, s, _)| format!("{n} ({s})"))
                    .collect::<Vec<_>>()
                    .join(", ");
                text_cell(t.clone(), t)
            })
            .collect(),
    );
    push(
        "payment",
        "Utbetalning",
        "Payment",
        rows.iter().map(|r| terms::payment(&r.payments)).collect(),
    );
    push(
        "services",
        "Insatser",
        "Services",
        rows.iter()
            .map(|r| {
                if r.services.is_empty() {
                    unknown_cell()
                } else {
                    text_cell(r.services.join("; "), r.services.join("; "))
                }
            })
            .collect(),
    );
    push(
        "exclusions",
        "Avgränsningar",
        "Exclusions",
        rows.iter()
            .map(|r| {
                if r.exclusions.is_empty() {
                    text_cell("inga angivna".into(), "none stated".into())
                } else {
                    text_cell(r.exclusions.join("; "), r.exclusions.join("; "))
                }
            })
            .collect(),
    );
    out
}

/// The order of the agreements (column indexes) when sorted by one term: by its number where
/// the term is numeric, else by its Swedish text; unknowns always last; ties keep their order.
///
/// ```
/// use iop_core::compare::{compare, order_by, side_by_side};
/// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
/// let table = side_by_side(&rows);
/// assert_eq!(order_by(&table, "annual", true), vec![0, 1, 3, 2, 4]);
/// ```
pub fn order_by(table: &[TermRow], key: &str, descending: bool) -> Vec<usize> {
    let Some(row) = table.iter().find(|t| t.key == key) else {
        return (0..table.first().map_or(0, |t| t.cells.len())).collect();
    };
    let mut idx: Vec<(usize, &Cell)> = row.cells.iter().enumerate().collect();
    idx.sort_by(|(_, ca), (_, cb)| {
        match (ca.unknown, cb.unknown) {
            (true, false) => return std::cmp::Ordering::Greater,
            (false, true) => return std::cmp::Ordering::Less,
            (true, true) => return std::cmp::Ordering::Equal,
            _ => {}
        }
        let ord = match (ca.sort, cb.sort) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => ca.sv.to_lowercase().cmp(&cb.sv.to_lowercase()),
        };
        if descending {
            ord.reverse()
        } else {
            ord
        }
    });
    idx.into_iter().map(|(i, _)| i).collect()
}
