//! Differences against one chosen agreement ("jämför mot: vårt avtal"): each cell says whether
//! it differs from the reference agreement's cell in its row, so "≠" means "differs from ours",
//! not "differs from some other column".
//!
//! The rule:
//! - the reference's own cells are [`Versus::Reference`], never marked;
//! - a cell differs when both its value and the reference's are known and read differently (the
//!   Swedish text, as shown: two amounts that round to the same öre do not differ);
//! - when either value is unknown the comparison [`Versus::CannotTell`]: an unknown is not a
//!   difference, and not a likeness either;
//! - the rows that name an agreement rather than state a term ([`IDENTITY_TERMS`]: kommun and
//!   organisation) are not compared.

use super::table::{side_by_side, TermRow};
use super::ComparisonRow;
use serde::Serialize;

/// The rows that name the parties rather than state a term: never compared with the reference
/// (every other kommun "differs" from ours, and saying so tells the reader nothing).
pub const IDENTITY_TERMS: [&str; 2] = ["municipality", "organisation"];

/// How one cell stands against the reference agreement's cell in its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Versus {
    /// The reference agreement's own cell.
    Reference,
    /// Known on both sides, and the same.
    Same,
    /// Known on both sides, and different: marked "≠".
    Differs,
    /// One side or both unknown: no telling.
    CannotTell,
}

impl Versus {
    /// In Swedish, for a reader who cannot see the mark (`skiljer sig från …` is added by the
    /// caller, which knows the reference's name).
    pub fn sv(self) -> &'static str {
        match self {
            Versus::Reference => "jämförs mot",
            Versus::Same => "samma",
            Versus::Differs => "skiljer sig",
            Versus::CannotTell => "går inte att avgöra",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            Versus::Reference => "compared against",
            Versus::Same => "the same",
            Versus::Differs => "differs",
            Versus::CannotTell => "cannot tell",
        }
    }
}

/// Marks every cell of `table` against column `reference` (see the module's rule). A reference
/// outside the table marks nothing (every cell's `versus` stays `None`).
pub fn mark_against(table: &mut [TermRow], reference: usize) {
    for t in table.iter_mut() {
        if IDENTITY_TERMS.contains(&t.key) {
            continue;
        }
        let Some(r) = t.cells.get(reference).cloned() else {
            continue;
        };
        for (i, c) in t.cells.iter_mut().enumerate() {
            c.versus = Some(if i == reference {
                Versus::Reference
            } else if c.unknown || r.unknown {
                Versus::CannotTell
            } else if c.sv == r.sv {
                Versus::Same
            } else {
                Versus::Differs
            });
        }
    }
}

/// [`side_by_side`] with every cell marked against the agreement in column `reference` (see the
/// module's rule); a reference outside `rows` marks nothing.
///
/// ```
/// use iop_core::compare::{compare, side_by_side_against, Versus};
/// use iop_core::presets;
/// let rows = compare(
///     &[presets::kalmar_2025_2027(), presets::vallentuna(), presets::kalmar_2022_2024(), presets::linkoping()],
///     presets::date(2026, 1, 1),
/// );
/// let table = side_by_side_against(&rows, 0);
/// let annual = table.iter().find(|t| t.key == "annual").unwrap();
/// let marks: Vec<_> = annual.cells.iter().map(|c| c.versus).collect();
/// assert_eq!(marks, [
///     Some(Versus::Reference),   // Kalmar 2025–2027: 1 000 000 kr
///     Some(Versus::Differs),     // Vallentuna: 50 000 kr
///     Some(Versus::Same),        // Kalmar 2022–2024: 650 000 + 350 000 kr
///     Some(Versus::CannotTell),  // Linköping: okänt
/// ]);
/// assert!(annual.differs_from_reference());
/// ```
pub fn side_by_side_against(rows: &[ComparisonRow], reference: usize) -> Vec<TermRow> {
    let mut table = side_by_side(rows);
    mark_against(&mut table, reference);
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::presets;

    #[test]
    fn marks_move_with_the_reference() {
        let rows = compare(&presets::all(), presets::date(2026, 1, 1));
        let col = |id: &str| rows.iter().position(|r| r.id == id).unwrap();
        let cure = |reference: usize| {
            side_by_side_against(&rows, reference)
                .into_iter()
                .find(|t| t.key == "cure_days")
                .unwrap()
        };
        // Against Kalmar 2025–2027 (30 days) every other agreement's cure period is unknown.
        let t = cure(col("kalmar-2025-2027"));
        assert!(!t.differs_from_reference());
        assert_eq!(
            t.cells[col("vallentuna-2021")].versus,
            Some(Versus::CannotTell)
        );
        // Against Vallentuna the meetings row: Kalmar 2025 (2 a year) cannot be told from an
        // unknown.
        let m = side_by_side_against(&rows, col("vallentuna-2021"))
            .into_iter()
            .find(|t| t.key == "meetings")
            .unwrap();
        assert_eq!(
            m.cells[col("kalmar-2025-2027")].versus,
            Some(Versus::CannotTell)
        );
        // Against Kalmar 2022–2024 the yearly amount of Kalmar 2025–2027 is the same, Vallentuna's
        // differs.
        let a = side_by_side_against(&rows, col("kalmar-2022-2024"))
            .into_iter()
            .find(|t| t.key == "annual")
            .unwrap();
        assert_eq!(a.cells[col("kalmar-2025-2027")].versus, Some(Versus::Same));
        assert!(a.cells[col("vallentuna-2021")].differs_from_reference());
    }

    #[test]
    fn identity_rows_and_a_reference_outside_are_not_marked() {
        let rows = compare(&presets::all(), presets::date(2026, 1, 1));
        for t in side_by_side_against(&rows, 0) {
            if IDENTITY_TERMS.contains(&t.key) {
                assert!(t.cells.iter().all(|c| c.versus.is_none()), "{}", t.key);
            }
        }
        for t in side_by_side_against(&rows, 99) {
            assert!(t.cells.iter().all(|c| c.versus.is_none()), "{}", t.key);
        }
    }
}
