//! Finding agreements: the list's filter (by kommun, län and its neighbours, size, kind of
//! organisation, kind of source, year and status), its order, and the nearest matches offered
//! when nothing matches, each with the reason it is shown.

use super::{ComparisonRow, StatusFilter};
use crate::known::Known;
use crate::municipality::{municipality, neighbouring_counties, Kommunkod};
use crate::source::SourceKind;
use crate::term::{Renewal, Term, TermEnd};
use chrono::NaiveDate;
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
