//! Comparison: agreements side by side on normalised figures, unknowns kept as unknowns.
//!
//! One [`ComparisonRow`] per agreement: kronor per year, per inhabitant per year, total for the
//! running period, term length, renewal, cure and notice periods, repayment after a breach by
//! each side, meetings per year, reporting duties, payment timing, services and exclusions.
//! Every money figure is a [`Figure`] that can explain itself. The side-by-side table (one row
//! per term, differences marked, sortable) is in [`table`]; the cells of the terms beyond money
//! and time in `terms`; differences against one chosen agreement in `against`.

use crate::agreement::Agreement;
use crate::amounts::{annual_amount, total_for_period_on};
use crate::explain::{Explanation, Figure};
use crate::funding::Conditions;
use crate::known::Known;
use crate::money::{format_decimal_sv, Sek};
use crate::municipality::POPULATION_DATE;
use crate::term::{Duration, Renewal, Status, TermEnd};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

mod against;
mod find;
mod map;
mod table;
mod terms;

pub use against::{mark_against, side_by_side_against, Versus, IDENTITY_TERMS};
pub use find::{
    nearest, similar_range, similar_size, sort, Filter, OrganisationKind, Running, SortBy,
    Suggestion,
};
pub use map::{map_class, per_kommun, KommunFigure, MapClass, MAP_BREAKS};
pub use table::{order_by, side_by_side, Cell, TermRow};

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
    /// Kommunkod of every public party that has one, in the agreement's order.
    pub kommunkoder: Vec<String>,
    /// Organisation name(s).
    pub organisation: String,
    /// The population of its kommuner on 2024-12-31 (unknown when a party has no kommunkod).
    pub population: Known<u32>,
    /// The surest kind of source it has (an agreement's own text before a decision, a decision
    /// before news); `None` when no source says.
    pub source_kind: Option<crate::source::SourceKind>,
    /// When it runs, from its term.
    pub running: Running,
    /// First day.
    pub start: Known<NaiveDate>,
    /// Last day of the first period (`None` when open-ended).
    pub end: Known<Option<NaiveDate>>,
    /// Status on the date.
    pub status: Known<Status>,
    /// Last day of the period running on the date (of the first before the start, of the last
    /// after the end); `None` when it runs until further notice.
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
    /// The yearly documents to hand in: what, by whom, to whom, when (none: the source states
    /// none).
    pub reporting: Vec<crate::obligations::DocumentDuty>,
    /// When the money is paid, against which invoice and documents.
    pub payments: crate::funding::PaymentSchedule,
    /// The breach clause, with what the organisation repays when either side breaks the
    /// agreement.
    pub for_breach: Known<Option<crate::termination::TerminationForBreach>>,
    /// Each payer with its share and yearly part.
    pub payers: Vec<(String, String, Known<Sek>)>,
    /// All services, by area.
    pub services: Vec<String>,
    /// What is excluded.
    pub exclusions: Vec<String>,
    /// Whether it is a draft with problems left to fix (see [`Agreement::draft`]): shown, but
    /// left out of sums.
    pub draft: bool,
}

impl ComparisonRow {
    /// The first period as a person reads it, in Swedish and English: its first and last day,
    /// "tills vidare" when it runs until further notice, "okänt" for what the source leaves out.
    ///
    /// ```
    /// use iop_core::compare::compare;
    /// let rows = compare(&[iop_core::presets::kalmar_2025_2027(), iop_core::presets::linkoping()], iop_core::presets::date(2026, 1, 1));
    /// assert_eq!(rows[0].period().sv, "2025-01-01 – 2027-12-31");
    /// assert_eq!(rows[1].period().en, "unknown – 2019-12-31");
    /// ```
    pub fn period(&self) -> Explanation {
        let start = |unknown: &str| {
            self.start
                .map(|d| d.to_string())
                .into_option()
                .unwrap_or_else(|| unknown.into())
        };
        let end = |unknown: &str, open: &str| match self.end {
            Known::Known(Some(d)) => d.to_string(),
            Known::Known(None) => open.into(),
            Known::Unknown => unknown.into(),
        };
        Explanation::new(
            format!("{} – {}", start("okänt"), end("okänt", "tills vidare")),
            format!(
                "{} – {}",
                start("unknown"),
                end("unknown", "until further notice")
            ),
        )
    }
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
    row_with(agreement, at, crate::term::DEFAULT_LEAD)
}

/// [`row`] with the `lead` time the nämnd needs for its decision (see
/// [`crate::term::Term::decision_due_with`]).
pub fn row_with(agreement: &Agreement, at: NaiveDate, lead: Duration) -> ComparisonRow {
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
        kommunkoder: municipalities.iter().map(|m| m.code.to_string()).collect(),
        organisation: agreement.organisation_names(),
        population: agreement
            .population()
            .map(|p| u32::try_from(p).unwrap_or(u32::MAX)),
        source_kind: agreement.sources.iter().filter_map(|s| s.kind).min(),
        running: Running::of(term),
        start: term.start,
        end: match term.end {
            TermEnd::On(d) => Known::Known(Some(d)),
            TermEnd::OpenEnded => Known::Known(None),
            TermEnd::Unknown => Known::Unknown,
        },
        status: term.status(at),
        period_end: term.period_end_for(at),
        decision_due: term.decision_due_with(at, lead),
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
        reporting: agreement.obligations.documents.clone(),
        payments: agreement.funding.payments.clone(),
        for_breach: agreement.termination.for_breach,
        services: agreement
            .scope
            .service_areas
            .iter()
            .flat_map(|a| a.services.iter().cloned())
            .collect(),
        exclusions: agreement.scope.exclusions.clone(),
        draft: agreement.draft,
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

/// [`compare`] with the `lead` time the nämnd needs for its decisions.
///
/// ```
/// use iop_core::{compare::compare_with, presets, term::Duration, Known};
/// let rows = compare_with(&[presets::kalmar_2025_2027()], presets::date(2026, 1, 1), Duration::Months(4));
/// assert_eq!(rows[0].decision_due.value, Known::Known(presets::date(2027, 8, 31)));
/// ```
pub fn compare_with(agreements: &[Agreement], at: NaiveDate, lead: Duration) -> Vec<ComparisonRow> {
    agreements.iter().map(|a| row_with(a, at, lead)).collect()
}

/// Which status the list is filtered on: one per [`Status`] (every extension together) and one
/// for an unknown status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    /// Before the start.
    NotStarted,
    /// In the first period.
    FirstPeriod,
    /// In any extension.
    Extension,
    /// After the last period.
    Ended,
    /// The status is unknown.
    Unknown,
}

impl StatusFilter {
    /// Every filter, in the order a list offers them.
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::NotStarted,
        StatusFilter::FirstPeriod,
        StatusFilter::Extension,
        StatusFilter::Ended,
        StatusFilter::Unknown,
    ];

    /// A stable key for forms and files: `not_started`, `first_period`, `extension`, `ended`,
    /// `unknown`.
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::NotStarted => "not_started",
            StatusFilter::FirstPeriod => "first_period",
            StatusFilter::Extension => "extension",
            StatusFilter::Ended => "ended",
            StatusFilter::Unknown => "unknown",
        }
    }

    /// The filter with this key; `None` for any other text (an empty select means all).
    ///
    /// ```
    /// use iop_core::compare::StatusFilter;
    /// assert_eq!(StatusFilter::from_key("ended"), Some(StatusFilter::Ended));
    /// assert_eq!(StatusFilter::from_key(""), None);
    /// ```
    pub fn from_key(key: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|f| f.key() == key)
    }

    /// In Swedish.
    pub fn sv(self) -> &'static str {
        match self {
            StatusFilter::NotStarted => "Ej påbörjat",
            StatusFilter::FirstPeriod => "Första perioden",
            StatusFilter::Extension => "Förlängning",
            StatusFilter::Ended => "Upphört",
            StatusFilter::Unknown => "Okänd",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            StatusFilter::NotStarted => "Not started",
            StatusFilter::FirstPeriod => "First period",
            StatusFilter::Extension => "Extension",
            StatusFilter::Ended => "Ended",
            StatusFilter::Unknown => "Unknown",
        }
    }

    /// Whether a status passes.
    pub fn matches(self, status: Known<Status>) -> bool {
        matches!(
            (self, status),
            (StatusFilter::NotStarted, Known::Known(Status::NotStarted))
                | (StatusFilter::FirstPeriod, Known::Known(Status::FirstPeriod))
                | (StatusFilter::Extension, Known::Known(Status::Extension(_)))
                | (StatusFilter::Ended, Known::Known(Status::Ended))
                | (StatusFilter::Unknown, Known::Unknown)
        )
    }
}
