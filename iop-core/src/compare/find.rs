//! Finding agreements: the list's filter (by kommun, län and its neighbours, size, kind of
//! organisation, kind of source, year and status), its order, and the nearest matches offered
//! when nothing matches, each with the reason it is shown.

use super::{ComparisonRow, StatusFilter};
use crate::known::Known;
use crate::municipality::{municipality, neighbouring_counties, Kommunkod};
use crate::source::SourceKind;
use crate::term::Status;
use crate::term::{Renewal, Term, TermEnd};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;

/// Kinds of organisation, by the word their name is built on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// *Kvinnojour*, *kvinnohus*, *kvinnoforum*.
    Kvinnojour,
    /// *Tjejjour*.
    Tjejjour,
    /// *Ungdomsjour*.
    Ungdomsjour,
    /// *Brottsofferjour*, *brottsofferförening*.
    Brottsofferjour,
    /// *Mansjour*, *manscentrum*.
    Mansjour,
    /// Any other idéburen organisation.
    Annan,
}

impl OrganisationKind {
    /// Every kind, in the order a list offers them.
    pub const ALL: [OrganisationKind; 6] = [
        OrganisationKind::Kvinnojour,
        OrganisationKind::Tjejjour,
        OrganisationKind::Ungdomsjour,
        OrganisationKind::Brottsofferjour,
        OrganisationKind::Mansjour,
        OrganisationKind::Annan,
    ];

    /// The kinds a name says, by its words: "Kvinno- och tjejjouren Ada" is both a kvinnojour
    /// and a tjejjour; a name without a jour's word is [`OrganisationKind::Annan`].
    ///
    /// ```
    /// use iop_core::compare::OrganisationKind as K;
    /// assert_eq!(K::of("Kvinno- och tjejjouren Ada"), [K::Kvinnojour, K::Tjejjour]);
    /// assert_eq!(K::of("Gävle Brottsofferförening"), [K::Brottsofferjour]);
    /// assert_eq!(K::of("Freezonen"), [K::Annan]);
    /// ```
    pub fn of(name: &str) -> Vec<OrganisationKind> {
        let name = name.to_lowercase();
        let has = |stems: &[&str]| stems.iter().any(|s| name.contains(s));
        let mut kinds = Vec::new();
        if has(&[
            "kvinnojour",
            "kvinno-",
            "kvinnohus",
            "kvinnoforum",
            "kvinnocent",
        ]) {
            kinds.push(OrganisationKind::Kvinnojour);
        }
        if has(&["tjejjour", "tjej-", "tjejour"]) {
            kinds.push(OrganisationKind::Tjejjour);
        }
        if has(&["ungdomsjour", "ungdoms-"]) {
            kinds.push(OrganisationKind::Ungdomsjour);
        }
        if has(&["brottsoffer"]) {
            kinds.push(OrganisationKind::Brottsofferjour);
        }
        if has(&["mansjour", "manscentrum", "mans-"]) {
            kinds.push(OrganisationKind::Mansjour);
        }
        if kinds.is_empty() {
            kinds.push(OrganisationKind::Annan);
        }
        kinds
    }

    /// A stable key for forms: `kvinnojour`, …, `annan`.
    pub fn key(self) -> &'static str {
        match self {
            OrganisationKind::Kvinnojour => "kvinnojour",
            OrganisationKind::Tjejjour => "tjejjour",
            OrganisationKind::Ungdomsjour => "ungdomsjour",
            OrganisationKind::Brottsofferjour => "brottsofferjour",
            OrganisationKind::Mansjour => "mansjour",
            OrganisationKind::Annan => "annan",
        }
    }

    /// The kind with this key; `None` for any other text.
    pub fn from_key(key: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// In Swedish.
    pub fn sv(self) -> &'static str {
        match self {
            OrganisationKind::Kvinnojour => "Kvinnojour",
            OrganisationKind::Tjejjour => "Tjejjour",
            OrganisationKind::Ungdomsjour => "Ungdomsjour",
            OrganisationKind::Brottsofferjour => "Brottsofferjour",
            OrganisationKind::Mansjour => "Mansjour",
            OrganisationKind::Annan => "Annan organisation",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            OrganisationKind::Kvinnojour => "Women's shelter",
            OrganisationKind::Tjejjour => "Girls' shelter",
            OrganisationKind::Ungdomsjour => "Youth shelter",
            OrganisationKind::Brottsofferjour => "Victim support",
            OrganisationKind::Mansjour => "Men's shelter",
            OrganisationKind::Annan => "Other organisation",
        }
    }
}

/// When an agreement runs, as far as its term says: from its start to the end of its last
/// period (open when it is extended until further notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Running {
    /// The first day.
    pub from: Known<NaiveDate>,
    /// The last day of the last period; `Known(None)` when it runs until further notice.
    pub until: Known<Option<NaiveDate>>,
    /// A day it is known to run to when `until` is unknown (the first period's end before an
    /// unknown renewal).
    pub at_least_until: Option<NaiveDate>,
}

impl Running {
    /// When the agreement of `term` runs.
    ///
    /// ```
    /// use iop_core::{compare::Running, presets, Known};
    /// let r = Running::of(&presets::kalmar_2022_2024().term);
    /// assert_eq!(r.runs_in(2023), Known::Known(true));
    /// assert_eq!(r.runs_in(2025), Known::Known(false));
    /// ```
    pub fn of(term: &Term) -> Running {
        let (until, at_least_until) = match term.end {
            TermEnd::OpenEnded => (Known::Known(None), None),
            TermEnd::Unknown => (Known::Unknown, None),
            TermEnd::On(end) if term.renewal == Renewal::Unknown => (Known::Unknown, Some(end)),
            TermEnd::On(end) => {
                let mut last = (Known::Known(Some(end)), None);
                if let Some(mut p) = term.first_period() {
                    // An extension without end is open: past 200 periods is as good as never.
                    let mut open = true;
                    for _ in 0..200 {
                        match term.next_period(p) {
                            Some(next) => p = next,
                            None => {
                                open = false;
                                break;
                            }
                        }
                    }
                    last = if open {
                        (Known::Known(None), None)
                    } else {
                        (Known::Known(Some(p.end)), None)
                    };
                }
                last
            }
        };
        Running {
            from: term.start,
            until,
            at_least_until,
        }
    }

    /// Whether it runs on some day of `year`; unknown when the term does not say.
    pub fn runs_in(&self, year: i32) -> Known<bool> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Known::Unknown;
        };
        let Known::Known(from) = self.from else {
            return Known::Unknown;
        };
        if from > last {
            return Known::Known(false);
        }
        match self.until {
            Known::Known(None) => Known::Known(true),
            Known::Known(Some(until)) => Known::Known(until >= first),
            Known::Unknown => match self.at_least_until {
                Some(d) if d >= first => Known::Known(true),
                _ => Known::Unknown,
            },
        }
    }
}

/// Of about the same population: from two thirds to one and a half times `population`.
///
/// ```
/// // Karlskrona, 66 000 inhabitants: 44 000 to 99 000.
/// assert!(iop_core::compare::similar_size(66_000, 44_000));
/// assert!(!iop_core::compare::similar_size(66_000, 100_000));
/// ```
pub fn similar_size(population: u32, other: u32) -> bool {
    let (p, o) = (u64::from(population), u64::from(other));
    // o ≥ 2/3 p and o ≤ 3/2 p, in whole numbers.
    3 * o >= 2 * p && 2 * o <= 3 * p
}

/// The range [`similar_size`] accepts, for the words that explain it.
pub fn similar_range(population: u32) -> (u32, u32) {
    let p = u64::from(population);
    let low = (2 * p).div_ceil(3);
    let high = 3 * p / 2;
    (
        u32::try_from(low).unwrap_or(u32::MAX),
        u32::try_from(high).unwrap_or(u32::MAX),
    )
}

/// What the list of agreements can be filtered on. Empty fields match everything; text matches
/// case-insensitively anywhere in the name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of a municipality name.
    pub municipality: String,
    /// A county name, exactly (`Kalmar län`); empty for all.
    pub county: String,
    /// With a county: its neighbouring counties too.
    pub neighbours: bool,
    /// Kommuner of about the same population as this one ([`similar_size`]).
    pub similar_to: Option<Kommunkod>,
    /// Part of an organisation name.
    pub organisation: String,
    /// A kind of organisation.
    pub organisation_kind: Option<OrganisationKind>,
    /// The best kind of source the agreement has (an agreement's own text before a decision,
    /// a decision before news).
    pub source_kind: Option<SourceKind>,
    /// Agreements that run on some day of this year.
    pub year: Option<i32>,
    /// A status on the list's date; `None` for all.
    pub status: Option<StatusFilter>,
}

impl Filter {
    /// Whether a row passes the filter.
    ///
    /// ```
    /// use iop_core::compare::{compare, Filter, StatusFilter};
    /// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
    /// let f = Filter { county: "Kalmar län".into(), status: Some(StatusFilter::Ended), ..Filter::default() };
    /// let ids: Vec<_> = rows.iter().filter(|r| f.matches(r)).map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["kalmar-2022-2024"]);
    /// ```
    pub fn matches(&self, row: &ComparisonRow) -> bool {
        let contains = |hay: &str, needle: &str| {
            needle.trim().is_empty() || hay.to_lowercase().contains(&needle.trim().to_lowercase())
        };
        contains(&row.municipality, &self.municipality)
            && contains(&row.organisation, &self.organisation)
            && self.county_matches(row)
            && self.similar_to.is_none_or(|k| {
                let p = municipality(k).map(|m| m.population);
                matches!((p, row.population), (Some(p), Known::Known(o)) if similar_size(p, o))
            })
            && self
                .organisation_kind
                .is_none_or(|k| OrganisationKind::of(&row.organisation).contains(&k))
            && self.source_kind.is_none_or(|k| row.source_kind == Some(k))
            && self
                .year
                .is_none_or(|y| row.running.runs_in(y) == Known::Known(true))
            && self.status.is_none_or(|s| s.matches(row.status))
    }

    fn county_matches(&self, row: &ComparisonRow) -> bool {
        if self.county.is_empty() {
            return true;
        }
        let Some(county) = row.county.as_deref() else {
            return false;
        };
        county == self.county
            || (self.neighbours && neighbours_by_name(&self.county).any(|n| n == county))
    }

    /// Whether it filters on anything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The names of the counties that border the county named `county`.
fn neighbours_by_name(county: &str) -> impl Iterator<Item = &'static str> {
    let code = crate::municipalities()
        .iter()
        .find(|m| m.county == county)
        .map(|m| m.county_code.as_str());
    code.map(neighbouring_counties)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| {
            crate::municipalities()
                .iter()
                .find(|m| m.county_code == *c)
                .map(|m| m.county.as_str())
        })
}

/// A row offered when the filter matches nothing, with why it is offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The row's index in the rows given.
    pub index: usize,
    /// Why it is shown, in Swedish.
    pub why_sv: String,
    /// Why it is shown, in English.
    pub why_en: String,
}

/// When `filter` matches none of `rows`: the nearest matches, each with its reason, at most
/// `limit`. Tried in order, each keeping what the user asked for as far as it can: the same
/// county without the other conditions; the neighbouring counties; kommuner of about the same
/// size as the one asked for; then each condition left out in turn. Empty when something
/// matches or nothing is near.
///
/// ```
/// use iop_core::compare::{compare, nearest, Filter};
/// let rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
/// // Karlskrona (Blekinge län) has no agreement here; Kalmar län borders Blekinge.
/// let f = Filter { municipality: "Karlskrona".into(), ..Filter::default() };
/// let offered = nearest(&rows, &f, 10);
/// assert!(!offered.is_empty());
/// assert!(offered[0].why_sv.contains("grannlän"), "{}", offered[0].why_sv);
/// ```
pub fn nearest(rows: &[ComparisonRow], filter: &Filter, limit: usize) -> Vec<Suggestion> {
    if rows.iter().any(|r| filter.matches(r)) {
        return Vec::new();
    }
    // The kommun the user has in mind: the one asked to be like, or the one named.
    let asked = filter.similar_to.and_then(municipality).or_else(|| {
        let name = filter.municipality.trim().to_lowercase();
        (!name.is_empty())
            .then(|| {
                crate::municipalities()
                    .iter()
                    .find(|m| m.name.to_lowercase() == name)
                    .or_else(|| {
                        crate::municipalities()
                            .iter()
                            .find(|m| m.name.to_lowercase().starts_with(&name))
                    })
            })
            .flatten()
    });
    let county = if filter.county.is_empty() {
        asked.map(|m| m.county.clone()).unwrap_or_default()
    } else {
        filter.county.clone()
    };
    let mut tries: Vec<(Filter, String, String)> = Vec::new();
    if !county.is_empty() {
        tries.push((
            Filter {
                county: county.clone(),
                ..Filter::default()
            },
            format!("Samma län: {county}."),
            format!("Same county: {county}."),
        ));
        tries.push((
            Filter {
                county: county.clone(),
                neighbours: true,
                ..Filter::default()
            },
            format!("I ett grannlän till {county}."),
            format!("In a county bordering {county}."),
        ));
    }
    if let Some(m) = asked {
        let (low, high) = similar_range(m.population);
        let n = |v: u32| crate::money::format_decimal_sv(rust_decimal::Decimal::from(v), None);
        tries.push((
            Filter {
                similar_to: Some(m.code),
                ..Filter::default()
            },
            format!(
                "Liknande folkmängd som {} ({} invånare): {}–{} invånare.",
                m.name,
                n(m.population),
                n(low),
                n(high)
            ),
            format!(
                "A population like {}'s ({} inhabitants): {low}–{high}.",
                m.name, m.population
            ),
        ));
    }
    // Each condition left out in turn.
    let without = |f: &mut Filter, what: usize| match what {
        0 => f.organisation.clear(),
        1 => f.organisation_kind = None,
        2 => f.source_kind = None,
        3 => f.year = None,
        4 => f.status = None,
        _ => {}
    };
    let names = [
        ("organisationens namn", "the organisation's name"),
        ("slag av organisation", "kind of organisation"),
        ("slag av källa", "kind of source"),
        ("år", "year"),
        ("status", "status"),
    ];
    for (what, (sv, en)) in names.iter().enumerate() {
        let mut f = filter.clone();
        without(&mut f, what);
        if f != *filter {
            tries.push((
                f,
                format!("Utan villkoret {sv}."),
                format!("Without the condition on {en}."),
            ));
        }
    }
    let mut out: Vec<Suggestion> = Vec::new();
    for (f, sv, en) in tries {
        for (index, r) in rows.iter().enumerate() {
            if out.len() >= limit {
                return out;
            }
            if f.matches(r) && !out.iter().any(|s| s.index == index) {
                out.push(Suggestion {
                    index,
                    why_sv: sv.clone(),
                    why_en: en.clone(),
                });
            }
        }
    }
    out
}

/// One kommun on the map: the agreements running there on the rows' date and what they give
/// together per inhabitant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KommunFigure {
    /// The kommun.
    pub code: Kommunkod,
    /// Kronor per inhabitant and year of the agreements running there, added up: an agreement
    /// of several kommuner counts its own figure (its amount over their joint population) in
    /// each of them. Unknown when one of them is unknown, and when none runs (then `running`
    /// is empty: *inget känt avtal*, never 0 kr).
    pub per_inhabitant: Known<Decimal>,
    /// The ids of the agreements known to run there on the date (drafts left out).
    pub running: Vec<String>,
    /// The ids of the agreements there whose status on the date is unknown: not counted.
    pub perhaps: Vec<String>,
}

impl KommunFigure {
    /// Its class on the map: [`MapClass::NoAgreement`] only when no agreement there may run on
    /// the date; one whose status is unknown makes it [`MapClass::Unknown`], like one that runs
    /// with an unknown figure.
    ///
    /// ```
    /// use iop_core::compare::{compare, per_kommun, MapClass};
    /// use iop_core::presets;
    /// let rows = compare(&presets::all(), presets::date(2026, 1, 1));
    /// let all = per_kommun(&rows);
    /// let by = |code: &str| all.iter().find(|k| k.code.to_string() == code).unwrap().class();
    /// assert_eq!(by("0880"), MapClass::Class(4)); // Kalmar, 13,75 kr
    /// assert_eq!(by("1080"), MapClass::NoAgreement); // Karlskrona
    /// ```
    pub fn class(&self) -> MapClass {
        if self.running.is_empty() && !self.perhaps.is_empty() {
            return MapClass::Unknown;
        }
        map_class(self.per_inhabitant, !self.running.is_empty())
    }
}

/// Every one of the 290 kommuner, in kommunkod order, with the agreements of `rows` that run
/// there on the rows' date (first period or an extension; a draft does not count) and the sum
/// of their kronor per inhabitant. Several agreements of one kommun (a kvinnojour's and a
/// brottsofferjour's, say) add up: each pays for another service to the same inhabitants.
/// Sums are exact; round for display.
///
/// ```
/// use iop_core::compare::{compare, per_kommun};
/// use iop_core::{presets, Known, Kommunkod};
/// use rust_decimal::Decimal;
/// let rows = compare(&presets::all(), presets::date(2026, 1, 1));
/// let all = per_kommun(&rows);
/// assert_eq!(all.len(), 290);
/// let kalmar = all.iter().find(|k| k.code == Kommunkod::parse("0880").unwrap()).unwrap();
/// assert_eq!(kalmar.running, ["kalmar-2025-2027"]);
/// assert_eq!(kalmar.per_inhabitant.map(|v| v.round_dp(2)), Known::Known(Decimal::new(1375, 2)));
/// let karlskrona = all.iter().find(|k| k.code == Kommunkod::parse("1080").unwrap()).unwrap();
/// assert!(karlskrona.running.is_empty() && !karlskrona.per_inhabitant.is_known());
/// ```
pub fn per_kommun(rows: &[ComparisonRow]) -> Vec<KommunFigure> {
    crate::municipalities()
        .iter()
        .map(|m| {
            let code = m.code.to_string();
            let here: Vec<&ComparisonRow> = rows
                .iter()
                .filter(|r| !r.draft && r.kommunkoder.contains(&code))
                .collect();
            let running: Vec<&ComparisonRow> = here
                .iter()
                .copied()
                .filter(|r| {
                    matches!(
                        r.status,
                        Known::Known(Status::FirstPeriod | Status::Extension(_))
                    )
                })
                .collect();
            let per_inhabitant = if running.is_empty() {
                Known::Unknown
            } else {
                crate::known::sum_known(
                    running.iter().map(|r| r.per_inhabitant.value),
                    Decimal::ZERO,
                    |a, b| a.checked_add(b),
                )
            };
            KommunFigure {
                code: m.code,
                per_inhabitant,
                running: running.iter().map(|r| r.id.clone()).collect(),
                perhaps: here
                    .iter()
                    .filter(|r| !r.status.is_known())
                    .map(|r| r.id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Where the map's classes part, in kronor per inhabitant and year: under 1, 1–2, 2–3, 3–5, 5
/// or more. Fixed, not taken from the data, so two dates or two catalogues draw the same
/// colour for the same figure; 2–3 holds the national averages of the reference figures
/// (2,51–2,94 kr, [`crate::reference`]).
pub const MAP_BREAKS: [Decimal; 4] = [
    Decimal::from_parts(1, 0, 0, false, 0),
    Decimal::from_parts(2, 0, 0, false, 0),
    Decimal::from_parts(3, 0, 0, false, 0),
    Decimal::from_parts(5, 0, 0, false, 0),
];

/// A kommun's class on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MapClass {
    /// No agreement known to run there on the date (*inget känt avtal*).
    NoAgreement,
    /// An agreement runs, but what it gives per inhabitant is unknown; or an agreement there
    /// may run (its status on the date is unknown).
    Unknown,
    /// The class of a known figure: 0 for under the first of [`MAP_BREAKS`], up to 4 for the
    /// last or more.
    Class(u8),
}

impl MapClass {
    /// Every class, in the order a legend shows them.
    pub const ALL: [MapClass; 7] = [
        MapClass::Class(0),
        MapClass::Class(1),
        MapClass::Class(2),
        MapClass::Class(3),
        MapClass::Class(4),
        MapClass::Unknown,
        MapClass::NoAgreement,
    ];

    /// A stable key for style sheets: `c0` … `c4`, `unknown`, `none`.
    pub fn key(self) -> &'static str {
        match self {
            MapClass::NoAgreement => "none",
            MapClass::Unknown => "unknown",
            MapClass::Class(0) => "c0",
            MapClass::Class(1) => "c1",
            MapClass::Class(2) => "c2",
            MapClass::Class(3) => "c3",
            MapClass::Class(_) => "c4",
        }
    }

    /// In Swedish, for the legend (`2–3 kr`, `5 kr eller mer`).
    pub fn sv(self) -> String {
        self.words(
            "under",
            "eller mer",
            "okänt belopp, eller okänt om avtalet gäller",
            "inget känt avtal",
        )
    }

    /// In English.
    pub fn en(self) -> String {
        self.words(
            "under",
            "or more",
            "amount unknown, or unknown whether it runs",
            "no known agreement",
        )
    }

    fn words(self, under: &str, more: &str, unknown: &str, none: &str) -> String {
        let n = |d: &Decimal| crate::money::format_decimal_sv(*d, None);
        match self {
            MapClass::NoAgreement => none.into(),
            MapClass::Unknown => unknown.into(),
            MapClass::Class(i) => {
                let i = usize::from(i);
                match (
                    i.checked_sub(1).and_then(|j| MAP_BREAKS.get(j)),
                    MAP_BREAKS.get(i),
                ) {
                    (None, Some(hi)) => format!("{under} {} kr", n(hi)),
                    (Some(lo), Some(hi)) => format!("{}–{} kr", n(lo), n(hi)),
                    (Some(lo), None) => format!("{} kr {more}", n(lo)),
                    (None, None) => none.into(),
                }
            }
        }
    }
}

/// The class of a kommun's figure on the map: [`MapClass::NoAgreement`] when none runs,
/// [`MapClass::Unknown`] when one runs with an unknown figure, else the class by
/// [`MAP_BREAKS`] (a figure on a break belongs to the class above it; 0 kr is class 0, not
/// "no agreement").
///
/// ```
/// use iop_core::compare::{map_class, MapClass};
/// use iop_core::Known;
/// use rust_decimal::Decimal;
/// assert_eq!(map_class(Known::Known(Decimal::ZERO), true), MapClass::Class(0));
/// assert_eq!(map_class(Known::Known(Decimal::new(281, 2)), true), MapClass::Class(2));
/// assert_eq!(map_class(Known::Unknown, true), MapClass::Unknown);
/// assert_eq!(map_class(Known::Unknown, false), MapClass::NoAgreement);
/// ```
pub fn map_class(per_inhabitant: Known<Decimal>, runs: bool) -> MapClass {
    if !runs {
        return MapClass::NoAgreement;
    }
    match per_inhabitant {
        Known::Unknown => MapClass::Unknown,
        Known::Known(v) => {
            let above = MAP_BREAKS.iter().filter(|b| v >= **b).count();
            MapClass::Class(u8::try_from(above).unwrap_or(4))
        }
    }
}

/// The columns the list sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// Kommun, alphabetically (Swedish order).
    Municipality,
    /// Organisation, alphabetically.
    Organisation,
    /// Start of the period.
    Start,
    /// Status on the date.
    Status,
    /// Population.
    Population,
    /// Kronor per year.
    Annual,
    /// Kronor per inhabitant and year.
    PerInhabitant,
}

/// Sorts `rows` by `by`, ascending or not; what is unknown comes last either way, and equal
/// rows keep their order.
///
/// ```
/// use iop_core::compare::{compare, sort, SortBy};
/// let mut rows = compare(&iop_core::presets::all(), iop_core::presets::date(2026, 11, 22));
/// sort(&mut rows, SortBy::Annual, false);
/// assert!(rows[0].annual.value >= rows[1].annual.value);
/// assert_eq!(rows.last().unwrap().id, "linkoping-2019"); // its amount is unknown
/// ```
pub fn sort(rows: &mut [ComparisonRow], by: SortBy, ascending: bool) {
    fn known<T: Ord>(a: Known<T>, b: Known<T>, ascending: bool) -> Ordering {
        match (a, b) {
            (Known::Known(a), Known::Known(b)) => {
                if ascending {
                    a.cmp(&b)
                } else {
                    b.cmp(&a)
                }
            }
            (Known::Known(_), Known::Unknown) => Ordering::Less,
            (Known::Unknown, Known::Known(_)) => Ordering::Greater,
            (Known::Unknown, Known::Unknown) => Ordering::Equal,
        }
    }
    let text = |s: &str| swedish_key(s);
    let name = |a: &str, b: &str, ascending: bool| {
        let (a, b) = (text(a), text(b));
        // An empty name is as good as unknown: last.
        known(
            if a.is_empty() {
                Known::Unknown
            } else {
                Known::Known(a)
            },
            if b.is_empty() {
                Known::Unknown
            } else {
                Known::Known(b)
            },
            ascending,
        )
    };
    rows.sort_by(|a, b| match by {
        SortBy::Municipality => name(&a.municipality, &b.municipality, ascending),
        SortBy::Organisation => name(&a.organisation, &b.organisation, ascending),
        SortBy::Start => known(a.start, b.start, ascending),
        SortBy::Status => known(
            a.status.map(|s| s.key()),
            b.status.map(|s| s.key()),
            ascending,
        ),
        SortBy::Population => known(a.population, b.population, ascending),
        SortBy::Annual => known(a.annual.value, b.annual.value, ascending),
        SortBy::PerInhabitant => known(a.per_inhabitant.value, b.per_inhabitant.value, ascending),
    });
}

/// A key that sorts as Swedish does: a–z, then å, ä, ö.
fn swedish_key(s: &str) -> Vec<u32> {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => u32::from('z') + 1,
            'ä' | 'æ' => u32::from('z') + 2,
            'ö' | 'ø' => u32::from('z') + 3,
            'é' | 'è' => u32::from('e'),
            'ü' => u32::from('y'),
            c => u32::from(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::presets;

    fn rows() -> Vec<ComparisonRow> {
        compare(&presets::all(), presets::date(2026, 11, 22))
    }

    #[test]
    fn similar_size_is_two_thirds_to_one_and_a_half() {
        assert!(similar_size(60_000, 40_000));
        assert!(!similar_size(60_000, 39_999));
        assert!(similar_size(60_000, 90_000));
        assert!(!similar_size(60_000, 90_001));
        assert_eq!(similar_range(60_000), (40_000, 90_000));
    }

    #[test]
    fn neighbouring_counties_widen_the_county() {
        let f = Filter {
            county: "Blekinge län".into(),
            ..Filter::default()
        };
        assert!(!rows().iter().any(|r| f.matches(r)));
        let f = Filter {
            neighbours: true,
            ..f
        };
        let ids: Vec<String> = rows()
            .into_iter()
            .filter(|r| f.matches(r))
            .map(|r| r.id)
            .collect();
        assert!(ids.iter().all(|id| id.starts_with("kalmar")), "{ids:?}");
        assert_eq!(ids.len(), 2);
    }

    #[test]
    fn a_year_passes_only_agreements_known_to_run_then() {
        let f = |y| Filter {
            year: Some(y),
            ..Filter::default()
        };
        let ids = |y| -> Vec<String> {
            rows()
                .into_iter()
                .filter(|r| f(y).matches(r))
                .map(|r| r.id)
                .collect()
        };
        assert!(ids(2023).contains(&"kalmar-2022-2024".to_string()));
        assert!(!ids(2023).contains(&"kalmar-2025-2027".to_string()));
        assert!(ids(2026).contains(&"kalmar-2025-2027".to_string()));
    }

    #[test]
    fn nothing_found_offers_the_county_then_its_neighbours_then_like_sized() {
        // Kalmar itself matches; a kind that no agreement has, then nearest.
        let f = Filter {
            municipality: "Kalmar".into(),
            organisation_kind: Some(OrganisationKind::Mansjour),
            ..Filter::default()
        };
        let offered = nearest(&rows(), &f, 10);
        assert!(!offered.is_empty());
        assert!(offered[0].why_sv.starts_with("Samma län: Kalmar län"));
        // Something matches: nothing offered.
        assert!(nearest(&rows(), &Filter::default(), 10).is_empty());
    }

    #[test]
    fn sorting_puts_unknowns_last_both_ways_and_orders_swedish() {
        let mut r = rows();
        sort(&mut r, SortBy::Annual, true);
        assert_eq!(r.last().map(|r| r.id.as_str()), Some("linkoping-2019"));
        sort(&mut r, SortBy::Annual, false);
        assert_eq!(r.last().map(|r| r.id.as_str()), Some("linkoping-2019"));
        assert!(swedish_key("Örebro") > swedish_key("Ängelholm"));
        assert!(swedish_key("Ängelholm") > swedish_key("Åre"));
        assert!(swedish_key("Åre") > swedish_key("Zinkgruvan"));
    }

    #[test]
    fn several_agreements_of_one_kommun_add_up_and_unknown_stays_unknown() {
        let at = presets::date(2023, 6, 1);
        let mut a = presets::kalmar_2022_2024();
        let mut b = presets::kalmar_2022_2024();
        b.id = "kalmar-andra".into();
        let one = per_kommun(&compare(std::slice::from_ref(&a), at));
        let two = per_kommun(&compare(&[a.clone(), b.clone()], at));
        let kalmar = |all: &[KommunFigure]| {
            all.iter()
                .find(|k| k.code.to_string() == "0880")
                .cloned()
                .expect("Kalmar")
        };
        let single = kalmar(&one).per_inhabitant.into_option().expect("known");
        assert_eq!(kalmar(&two).per_inhabitant, Known::Known(single + single));
        assert_eq!(kalmar(&two).running, ["kalmar-2022-2024", "kalmar-andra"]);
        // One of them with an unknown amount: the sum is unknown, never the other alone.
        for c in &mut b.funding.components {
            c.amount = Known::Unknown;
        }
        let two = per_kommun(&compare(&[a.clone(), b], at));
        assert_eq!(kalmar(&two).per_inhabitant, Known::Unknown);
        assert_eq!(kalmar(&two).running.len(), 2);
        // A draft does not count; an ended agreement does not run.
        a.draft = true;
        assert!(kalmar(&per_kommun(&compare(&[a], at))).running.is_empty());
        let later = per_kommun(&compare(
            &[presets::kalmar_2022_2024()],
            presets::date(2026, 1, 1),
        ));
        assert!(kalmar(&later).running.is_empty());
        assert_eq!(
            map_class(kalmar(&later).per_inhabitant, false),
            MapClass::NoAgreement
        );
    }

    #[test]
    fn map_classes_part_at_fixed_breaks_and_say_their_range() {
        let c = |v: i64| map_class(Known::Known(Decimal::new(v, 2)), true);
        assert_eq!(c(0), MapClass::Class(0));
        assert_eq!(c(99), MapClass::Class(0));
        assert_eq!(c(100), MapClass::Class(1));
        assert_eq!(c(299), MapClass::Class(2));
        assert_eq!(c(499), MapClass::Class(3));
        assert_eq!(c(100_000), MapClass::Class(4));
        assert_eq!(MapClass::Class(0).sv(), "under 1 kr");
        assert_eq!(MapClass::Class(2).sv(), "2–3 kr");
        assert_eq!(MapClass::Class(4).sv(), "5 kr eller mer");
        assert_eq!(MapClass::NoAgreement.sv(), "inget känt avtal");
        let keys: std::collections::BTreeSet<_> = MapClass::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(keys.len(), MapClass::ALL.len());
    }

    #[test]
    fn organisation_kinds_by_the_words_of_the_name() {
        use OrganisationKind as K;
        assert_eq!(K::of("Kvinnojouren Kalmar"), [K::Kvinnojour]);
        assert_eq!(
            K::of("Kvinnojouren & Ungdomsjouren Kalmar"),
            [K::Kvinnojour, K::Ungdomsjour]
        );
        assert_eq!(K::of("Haninge Manscentrum"), [K::Mansjour]);
        for k in K::ALL {
            assert_eq!(K::from_key(k.key()), Some(k));
        }
    }
}
