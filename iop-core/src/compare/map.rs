//! The map's figures: for each of the 290 kommuner, the agreements running there on a date and
//! what they give together per inhabitant, and the class of the map's legend it falls in. The
//! map draws these; it decides nothing.

use super::ComparisonRow;
use crate::known::Known;
use crate::municipality::Kommunkod;
use crate::term::Status;
use rust_decimal::Decimal;
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::presets;

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
}
