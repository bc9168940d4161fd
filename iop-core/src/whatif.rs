//! What-if: copy an agreement to edit it, or apply its terms to another municipality.
//!
//! Applying an agreement to another municipality scales every known amount (components and
//! fixed payer amounts) by the ratio of populations on 2024-12-31, rounded to whole kronor half
//! away from zero (officials budget in kronor); fixed payer amounts are then re-divided from the
//! scaled total so that they still add up exactly. Everything else is kept.

use crate::agreement::Agreement;
use crate::funding::Split;
use crate::known::Known;
use crate::money::Sek;
use crate::municipality::Kommunkod;
use crate::split::allocate_by_weights;
use rust_decimal::{Decimal, RoundingStrategy};

/// A copy of `agreement` with a new id and name, ready to edit: a variant of the same grant,
/// so it records the agreement it derives from (see [`crate::state_aid::counted`]).
///
/// ```
/// let k = iop_core::presets::kalmar_2025_2027();
/// let copy = iop_core::whatif::copy_of(&k, "kopia-1");
/// assert_eq!(copy.derived_from.as_deref(), Some("kalmar-2025-2027"));
/// ```
pub fn copy_of(agreement: &Agreement, new_id: &str) -> Agreement {
    let mut a = agreement.clone();
    a.id = new_id.to_string();
    a.name = format!("{} (kopia)", agreement.name);
    a.derived_from = Some(agreement.id.clone());
    a
}

fn scale(v: Sek, ratio: Decimal) -> Option<Sek> {
    let x = v.value().checked_mul(ratio)?;
    Sek::new(x.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)).ok()
}

/// `agreement`'s terms for the municipality `to`, with amounts scaled by population.
///
/// Returns `None` when the agreement's own population is unknown (a party without kommunkod).
///
/// ```
/// use iop_core::{presets, whatif::apply_to_municipality, Kommunkod, Known, Sek};
/// let nybro = Kommunkod::parse("0881").unwrap(); // 19 951 inhabitants
/// let a = apply_to_municipality(&presets::kalmar_2025_2027(), nybro, "nybro").unwrap();
/// // 1 000 000 × 19 951 / 72 704 = 274 414,06… → 274 414 kr
/// assert_eq!(a.funding.components[0].amount, Known::Known(Sek::kronor(274_414)));
/// assert_eq!(a.public_parties[0].name, "Nybro kommun");
/// ```
pub fn apply_to_municipality(
    agreement: &Agreement,
    to: Kommunkod,
    new_id: &str,
) -> Option<Agreement> {
    let Known::Known(from_pop) = agreement.population() else {
        return None;
    };
    if from_pop == 0 {
        return None;
    }
    let m = to.municipality();
    let ratio = Decimal::from(m.population).checked_div(Decimal::from(from_pop))?;
    let mut a = agreement.clone();
    a.id = new_id.to_string();
    a.derived_from = Some(agreement.id.clone());
    a.name = format!("{} – tillämpat på {}", agreement.name, m.name);
    for c in &mut a.funding.components {
        if let Known::Known(v) = c.amount {
            c.amount = Known::from(scale(v, ratio));
        }
    }
    if let Split::Amount { payers } = &mut a.funding.split {
        let old: Vec<u128> = payers
            .iter()
            .map(|p| u128::try_from(p.amount.ore()).unwrap_or(0))
            .collect();
        let total = payers
            .iter()
            .try_fold(Sek::ZERO, |acc, p| acc.checked_add(p.amount))
            .and_then(|t| scale(t, ratio))?;
        let parts = allocate_by_weights(total, &old)?;
        for (p, v) in payers.iter_mut().zip(parts) {
            p.amount = v;
        }
    }
    a.public_parties.truncate(1);
    if let Some(p) = a.public_parties.first_mut() {
        p.name = format!("{} kommun", m.name);
        p.kommunkod = Some(to);
        p.org_number = Known::Unknown;
        p.contact = None;
        p.signatories.clear();
    }
    a.notes = format!(
        "Villkoren från {} med belopp skalade efter folkmängd {} ({} / {} invånare, 2024-12-31). {}",
        agreement.name, m.name, m.population, from_pop, agreement.notes
    );
    Some(a)
}
