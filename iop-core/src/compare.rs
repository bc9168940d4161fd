//! Comparison: agreements side by side on normalised figures, unknowns kept as unknowns.
//!
//! One [`ComparisonRow`] per agreement: kronor per year, per inhabitant per year, total for the
//! running period, term length, renewal, cure and notice periods, meetings per year, services
//! and exclusions. Every money figure is a [`Figure`] that can explain itself.

use crate::agreement::Agreement;
use crate::explain::{Explanation, Figure};
use crate::funding::{annual_amount, total_for_period_on, Conditions};
use crate::known::Known;
use crate::money::{format_decimal_sv, Sek};
use crate::municipality::POPULATION_DATE;
use crate::term::{Duration, Renewal, Status, TermEnd};
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// One agreement's normalised figures on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonRow {
    /// The agreement's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Municipality name(s).
    pub municipality: String,
    /// The county (*län*) of the first municipality.
    pub county: Option<String>,
    /// Kommunkod of the first public party.
    pub kommunkod: Option<String>,
    /// Organisation name(s).
    pub organisation: String,
    /// First day.
    pub start: Known<NaiveDate>,
    /// Last day of the first period (`None` when open-ended).
    pub end: Known<Option<NaiveDate>>,
    /// Status on the date.
    pub status: Known<Status>,
    /// Last day of the period running on the date.
    pub period_end: Known<Option<NaiveDate>>,
    /// By when a renewal or notice decision is due.
    pub decision_due: Figure<NaiveDate>,
    /// Kronor per year (conditional money only when met).
    pub annual: Figure<Sek>,
    /// Kronor per year with every condition met.
    pub annual_max: Figure<Sek>,
    /// Kronor per inhabitant per year (population 2024-12-31), exact; round for display.
    pub per_inhabitant: Figure<Decimal>,
    /// Total for the running period.
    pub total: Figure<Sek>,
    /// Length of the first period in months.
    pub term_months: Known<u32>,
    /// The renewal rule.
    pub renewal: Renewal,
    /// Days to remedy a breach after written notice.
    pub cure_days: Known<Option<u32>>,
    /// Ordinary notice period.
    pub notice: Known<Option<Duration>>,
    /// Follow-up meetings per year.
    pub meetings_per_year: Known<u32>,
    /// Each payer with its share and yearly part.
    pub payers: Vec<(String, String, Known<Sek>)>,
    /// All services, by area.
    pub services: Vec<String>,
    /// What is excluded.
    pub exclusions: Vec<String>,
}

/// Kronor per inhabitant per year: the yearly amount over the population on 2024-12-31.
///
/// ```
/// use iop_core::{compare::per_inhabitant, presets, Known};
/// use rust_decimal::Decimal;
/// let f = per_inhabitant(&presets::kalmar_2025_2027(), presets::date(2026, 1, 1));
/// let rounded = f.value.map(|v| v.round_dp(2));
/// assert_eq!(rounded, Known::Known(Decimal::new(1375, 2)));
/// assert!(f.explanation.sv.contains("72 704"));
/// ```
pub fn per_inhabitant(agreement: &Agreement, at: NaiveDate) -> Figure<Decimal> {
    per_inhabitant_of(
        agreement,
        &annual_amount(agreement, at, Conditions::AsRecorded),
    )
}

/// [`per_inhabitant`] from a yearly amount already computed (a comparison needs both).
fn per_inhabitant_of(agreement: &Agreement, annual: &Figure<Sek>) -> Figure<Decimal> {
    let population = agreement.population();
    match (annual.value, population) {
        (Known::Known(a), Known::Known(p)) if p > 0 => {
            let v = a.value() / Decimal::from(p);
            let shown = format_decimal_sv(
                v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                Some(2),
            );
            Figure::known(
                v,
                Explanation::new(
                    format!(
                        "{a} per år / {} invånare ({}, folkmängd {POPULATION_DATE}) = {shown} kr per invånare och år.",
                        format_decimal_sv(Decimal::from(p), None),
                        agreement.municipality_names()
                    ),
                    format!(
                        "{} SEK a year / {p} inhabitants ({}, population on {POPULATION_DATE}).",
                        a.to_plain(),
                        agreement.municipality_names()
                    ),
                ),
            )
        }
        (Known::Unknown, _) => Figure::unknown(Explanation::new(
            "Årsbeloppet är okänt, så beloppet per invånare är okänt.",
            "The yearly amount is unknown, so the amount per inhabitant is unknown.",
        )),
        _ => Figure::unknown(Explanation::new(
            "Folkmängden är okänd (en part saknar kommunkod).",
            "The population is unknown (a party has no kommunkod).",
        )),
    }
}

/// The normalised figures of one agreement on `at`.
pub fn row(agreement: &Agreement, at: NaiveDate) -> ComparisonRow {
    let term = &agreement.term;
    let annual = annual_amount(agreement, at, Conditions::AsRecorded);
    let municipalities = agreement.municipalities();
    let first = municipalities.first();
    ComparisonRow {
        id: agreement.id.clone(),
        name: agreement.name.clone(),
        municipality: agreement.municipality_names(),
        county: first.map(|m| m.county.clone()),
        kommunkod: first.map(|m| m.code.to_string()),
        organisation: agreement.organisation_names(),
        start: term.start,
        end: match term.end {
            TermEnd::On(d) => Known::Known(Some(d)),
            TermEnd::OpenEnded => Known::Known(None),
            TermEnd::Unknown => Known::Unknown,
        },
        status: term.status(at),
        period_end: term.period_end_on(at),
        decision_due: term.decision_due(at),
        payers: {
            let shares = agreement.funding.split.shares_sv();
            crate::funding::per_payer(&agreement.funding.split, annual.value)
                .into_iter()
                .zip(shares)
                .map(|((n, a), s)| (n, s, a))
                .collect()
        },
        annual_max: annual_amount(agreement, at, Conditions::AllMet),
        per_inhabitant: per_inhabitant_of(agreement, &annual),
        annual,
        total: total_for_period_on(agreement, at),
        term_months: term.first_period_months(),
        renewal: term.renewal,
        cure_days: agreement
            .termination
            .for_breach
            .map(|b| b.map(|b| b.cure_days)),
        notice: agreement.termination.ordinary_notice,
        meetings_per_year: agreement
            .obligations
            .meetings
            .as_ref()
            .map_or(Known::Unknown, |m| m.per_year),
        services: agreement
            .scope
            .service_areas
            .iter()
            .flat_map(|a| a.services.iter().cloned())
            .collect(),
        exclusions: agreement.scope.exclusions.clone(),
    }
}

/// Compares any number of agreements on `at`, in the order given.
///
/// ```
/// use iop_core::{compare::compare, presets, Known};
/// let rows = compare(&presets::all(), presets::date(2026, 11, 22));
/// assert_eq!(rows.len(), 5);
/// let linkoping = rows.iter().find(|r| r.id == "linkoping-2019").unwrap();
/// assert_eq!(linkoping.annual.value, Known::Unknown);
/// ```
pub fn compare(agreements: &[Agreement], at: NaiveDate) -> Vec<ComparisonRow> {
    agreements.iter().map(|a| row(a, at)).collect()
}

/// What the list of agreements can be filtered on. Empty fields match everything; text matches
/// case-insensitively anywhere in the name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of a municipality name.
    pub municipality: String,
    /// A county name, exactly (`Kalmar län`); empty for all.
    pub county: String,
    /// Part of an organisation name.
    pub organisation: String,
    /// A status key (`not_started`, `first_period`, `extension`, `ended`, `unknown`); empty for all.
    pub status: String,
}

impl Filter {
    /// Whether a row passes the filter.
    ///
    /// ```
    /// use iop_core::compare::{compare, Filter};
    /// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
    /// let f = Filter { county: "Kalmar län".into(), status: "ended".into(), ..Filter::default() };
    /// let ids: Vec<_> = rows.iter().filter(|r| f.matches(r)).map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["kalmar-2022-2024"]);
    /// ```
    pub fn matches(&self, row: &ComparisonRow) -> bool {
        let contains = |hay: &str, needle: &str| {
            needle.trim().is_empty() || hay.to_lowercase().contains(&needle.trim().to_lowercase())
        };
        let status = row.status.map_or_unknown_key();
        contains(&row.municipality, &self.municipality)
            && contains(&row.organisation, &self.organisation)
            && (self.county.is_empty() || row.county.as_deref() == Some(self.county.as_str()))
            && (self.status.is_empty() || status == self.status)
    }
}

trait StatusKey {
    fn map_or_unknown_key(&self) -> &'static str;
}

impl StatusKey for Known<Status> {
    fn map_or_unknown_key(&self) -> &'static str {
        match self {
            Known::Known(s) => s.key(),
            Known::Unknown => "unknown",
        }
    }
}

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
    /// Whether the known values differ between agreements.
    pub differs: bool,
}

fn unknown_cell() -> Cell {
    Cell {
        sv: "okänt".into(),
        en: "unknown".into(),
        sort: None,
        unknown: true,
        explanation: None,
    }
}

fn text_cell(sv: String, en: String) -> Cell {
    Cell {
        sv,
        en,
        sort: None,
        unknown: false,
        explanation: None,
    }
}

fn money_cell(f: &Figure<Sek>) -> Cell {
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
/// unknowns kept, ready to render or sort.
///
/// ```
/// use iop_core::compare::{compare, side_by_side};
/// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
/// let table = side_by_side(&rows);
/// let annual = table.iter().find(|t| t.key == "annual").unwrap();
/// assert_eq!(annual.cells[1].sv, "1 000 000 kr");
/// assert!(annual.cells[4].unknown);
/// assert!(annual.differs);
/// ```
pub fn side_by_side(rows: &[ComparisonRow]) -> Vec<TermRow> {
    let mut out = Vec::new();
    let mut push = |key, label_sv, label_en, cells: Vec<Cell>| {
        let known: Vec<&String> = cells.iter().filter(|c| !c.unknown).map(|c| &c.sv).collect();
        let differs = known.windows(2).any(|w| w[0] != w[1])
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
        rows.iter()
            .map(|r| match r.period_end {
                Known::Known(None) => {
                    text_cell("ingen period pågår".into(), "no period running".into())
                }
                other => date_cell(other),
            })
            .collect(),
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
        "meetings",
        "Uppföljningsmöten per år",
        "Follow-up meetings per year",
        rows.iter()
            .map(|r| number_cell(r.meetings_per_year, "", ""))
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
    let mut idx: Vec<usize> = (0..row.cells.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ca, cb) = (&row.cells[a], &row.cells[b]);
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
    idx
}
