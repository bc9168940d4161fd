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
use chrono::NaiveDate;
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
    let annual = annual_amount(agreement, at, Conditions::AsRecorded);
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
            crate::funding::per_payer_annual(agreement, at)
                .into_iter()
                .zip(shares)
                .map(|((n, a), s)| (n, s, a))
                .collect()
        },
        annual_max: annual_amount(agreement, at, Conditions::AllMet),
        per_inhabitant: per_inhabitant(agreement, at),
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
