//! What-if: copy an agreement to edit it, change its amount by a percentage, or apply its terms
//! to another municipality.
//!
//! Applying an agreement to another municipality scales every known amount (components and
//! fixed payer amounts) by the ratio of populations on 2024-12-31, rounded to whole kronor half
//! away from zero (officials budget in kronor); fixed payer amounts are then re-divided from the
//! scaled total so that they still add up exactly. Everything else is kept. A change by a
//! percentage ([`change_by_percent`]) scales the same amounts by `1 + p/100`, the same way.

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

/// Scales every known amount of `a` by `ratio` (see the module): components, then fixed payer
/// amounts re-divided from their scaled total. `None` when an amount grows too large.
fn scale_amounts(a: &mut Agreement, ratio: Decimal) -> Option<()> {
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
    Some(())
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
    scale_amounts(&mut a, ratio)?;
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

/// The smallest change by a percentage: anything at or below −100 % takes away the whole amount
/// (or more), which is no agreement to compare.
pub const PERCENT_MIN_EXCLUSIVE: i64 = -100;
/// The largest change by a percentage: beyond +1 000 % is a typing error, not a what-if.
pub const PERCENT_MAX: i64 = 1000;

/// Why a change by a percentage cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentError {
    /// Nothing was written.
    Empty,
    /// The text is not a number (`tjugo`).
    NotANumber(String),
    /// −100 % or less: the whole amount, or more, taken away.
    TooLow(Decimal),
    /// More than +1 000 %.
    TooHigh(Decimal),
    /// An amount grows too large to hold.
    TooLarge,
}

impl crate::explain::Bilingual for PercentError {
    fn sv(&self) -> String {
        match self {
            PercentError::Empty => {
                "Skriv en ändring i procent, till exempel +20 eller −12,5.".into()
            }
            PercentError::NotANumber(t) => format!(
                "\"{}\" är inte ett procenttal. Skriv till exempel +20 eller −12,5.",
                crate::printable::one_line(t)
            ),
            PercentError::TooLow(p) => format!(
                "{} tar bort hela beloppet eller mer. Ange en ändring större än −100 %.",
                format_percent(*p)
            ),
            PercentError::TooHigh(p) => format!(
                "{} är orimligt mycket. Ange högst +1 000 %.",
                format_percent(*p)
            ),
            PercentError::TooLarge => "Beloppet blir för stort att räkna med.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            PercentError::Empty => "Write a change in percent, such as +20 or -12.5.".into(),
            PercentError::NotANumber(t) => format!(
                "\"{}\" is not a percentage. Write, for example, +20 or -12.5.",
                crate::printable::one_line(t)
            ),
            PercentError::TooLow(p) => {
                format!("{p} % takes away the whole amount or more. Give a change above -100 %.")
            }
            PercentError::TooHigh(p) => {
                format!("{p} % is unreasonably much. Give at most +1000 %.")
            }
            PercentError::TooLarge => "The amount grows too large to compute with.".into(),
        }
    }
}

/// Reads a change in percent as an official writes it: `+20`, `20 %`, `12,5` (decimal comma),
/// `−10` (minus sign or hyphen), `12.5`; bounded by [`PERCENT_MIN_EXCLUSIVE`] and
/// [`PERCENT_MAX`].
///
/// ```
/// use iop_core::whatif::{parse_percent, PercentError};
/// use rust_decimal::Decimal;
/// assert_eq!(parse_percent("+20 %"), Ok(Decimal::from(20)));
/// assert_eq!(parse_percent("12,5"), Ok(Decimal::new(125, 1)));
/// assert_eq!(parse_percent("−10"), Ok(Decimal::from(-10)));
/// assert!(matches!(parse_percent("-100"), Err(PercentError::TooLow(_))));
/// assert!(matches!(parse_percent("tjugo"), Err(PercentError::NotANumber(_))));
/// ```
pub fn parse_percent(text: &str) -> Result<Decimal, PercentError> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' | '\u{2013}' => '-',
            c => c,
        })
        .collect();
    if t.is_empty() {
        return Err(PercentError::Empty);
    }
    // One sign at most, then only digits and a decimal point: no exponents, no "1e3".
    let (negative, digits) = match t.split_at_checked(1) {
        Some(("+", rest)) => (false, rest),
        Some(("-", rest)) => (true, rest),
        _ => (false, t.as_str()),
    };
    let plain = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    let p = plain
        .then(|| digits.parse::<Decimal>().ok())
        .flatten()
        .map(|p| if negative { -p } else { p })
        .ok_or_else(|| PercentError::NotANumber(text.trim().to_string()))?;
    if p <= Decimal::from(PERCENT_MIN_EXCLUSIVE) {
        return Err(PercentError::TooLow(p));
    }
    if p > Decimal::from(PERCENT_MAX) {
        return Err(PercentError::TooHigh(p));
    }
    Ok(p.normalize())
}

/// A change in percent the Swedish way, with its sign: `+20 %`, `−12,5 %`, `0 %`.
///
/// ```
/// use iop_core::whatif::format_percent;
/// use rust_decimal::Decimal;
/// assert_eq!(format_percent(Decimal::from(20)), "+20 %");
/// assert_eq!(format_percent(Decimal::new(-125, 1)), "−12,5 %");
/// assert_eq!(format_percent(Decimal::new(1000, 0)), "+1 000 %");
/// ```
pub fn format_percent(p: Decimal) -> String {
    let p = p.normalize();
    let sign = if p > Decimal::ZERO { "+" } else { "" };
    format!(
        "{sign}{} %",
        crate::money::format_decimal_sv(p, Some(p.scale()))
    )
}

/// `agreement` with every known amount changed by `percent` (see the module: whole kronor, fixed
/// payer amounts re-divided), named `<name> +20 %`, with a new id; it records the agreement it
/// derives from, like any variant. Nothing else changes.
///
/// ```
/// use iop_core::{presets, whatif::change_by_percent, Known, Sek};
/// use rust_decimal::Decimal;
/// let k = presets::kalmar_2025_2027();
/// let v = change_by_percent(&k, Decimal::from(20), "variant-1").unwrap();
/// assert_eq!(v.name, "Kalmar 2025–2027 +20 %");
/// assert_eq!(v.funding.components[0].amount, Known::Known(Sek::kronor(1_200_000)));
/// assert_eq!(v.derived_from.as_deref(), Some("kalmar-2025-2027"));
/// ```
pub fn change_by_percent(
    agreement: &Agreement,
    percent: Decimal,
    new_id: &str,
) -> Result<Agreement, PercentError> {
    if percent <= Decimal::from(PERCENT_MIN_EXCLUSIVE) {
        return Err(PercentError::TooLow(percent));
    }
    if percent > Decimal::from(PERCENT_MAX) {
        return Err(PercentError::TooHigh(percent));
    }
    let ratio = Decimal::ONE
        .checked_add(percent / Decimal::ONE_HUNDRED)
        .ok_or(PercentError::TooLarge)?;
    let mut a = agreement.clone();
    a.id = new_id.to_string();
    a.derived_from = Some(agreement.id.clone());
    a.name = format!("{} {}", agreement.name, format_percent(percent));
    scale_amounts(&mut a, ratio).ok_or(PercentError::TooLarge)?;
    // A component too large to hold after scaling is unknown in `scale_amounts`; here that is
    // an error to show, not an unknown to keep.
    let grew_unknown = a
        .funding
        .components
        .iter()
        .zip(&agreement.funding.components)
        .any(|(new, old)| !new.amount.is_known() && old.amount.is_known());
    if grew_unknown {
        return Err(PercentError::TooLarge);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Bilingual;
    use crate::presets;

    #[test]
    fn percent_reads_swedish_and_refuses_the_absurd_with_swedish_words() {
        for (text, want) in [
            ("20", Decimal::from(20)),
            ("+20 %", Decimal::from(20)),
            ("20%", Decimal::from(20)),
            (" 12,5 ", Decimal::new(125, 1)),
            ("12.5", Decimal::new(125, 1)),
            ("-99,5", Decimal::new(-995, 1)),
            ("\u{2212}10 %", Decimal::from(-10)),
            ("0", Decimal::ZERO),
            ("1000", Decimal::from(1000)),
        ] {
            assert_eq!(parse_percent(text), Ok(want), "{text}");
        }
        for text in ["", "  ", "%"] {
            assert_eq!(parse_percent(text), Err(PercentError::Empty), "{text:?}");
        }
        for text in ["tjugo", "1e3", "2,5,5", "+-5", "NaN", "--5", "5 5 %x"] {
            let e = parse_percent(text).unwrap_err();
            assert!(matches!(e, PercentError::NotANumber(_)), "{text}: {e:?}");
            assert!(e.sv().contains("inte ett procenttal"), "{}", e.sv());
        }
        let low = parse_percent("-100").unwrap_err();
        assert_eq!(
            low.sv(),
            "−100 % tar bort hela beloppet eller mer. Ange en ändring större än −100 %."
        );
        assert!(matches!(
            parse_percent("-250"),
            Err(PercentError::TooLow(_))
        ));
        assert!(matches!(
            parse_percent("1000,01"),
            Err(PercentError::TooHigh(_))
        ));
        assert!(matches!(
            parse_percent("99999999999999999999999999999999"),
            Err(PercentError::NotANumber(_) | PercentError::TooHigh(_))
        ));
    }

    #[test]
    fn a_change_by_percent_scales_every_known_amount_and_keeps_the_split_whole() {
        let k = presets::kalmar_2022_2024();
        let v = change_by_percent(&k, Decimal::new(125, 1), "v").unwrap();
        let amounts: Vec<_> = v.funding.components.iter().map(|c| c.amount).collect();
        assert_eq!(
            amounts,
            [
                Known::Known(Sek::kronor(731_250)),
                Known::Known(Sek::kronor(393_750))
            ]
        );
        assert_eq!(v.name, "Kalmar 2022–2024 +12,5 %");
        // An unknown stays unknown; nothing else of the agreement changes.
        let l = presets::linkoping();
        let lv = change_by_percent(&l, Decimal::from(20), "lv").unwrap();
        assert_eq!(lv.funding.components, l.funding.components);
        assert_eq!(lv.term, l.term);
        // Fixed payer amounts still add up to the scaled total.
        let mut f = presets::kalmar_2025_2027();
        f.funding.split = Split::Amount {
            payers: vec![
                crate::funding::AmountPayer {
                    name: "A".into(),
                    amount: Sek::kronor(333_333),
                },
                crate::funding::AmountPayer {
                    name: "B".into(),
                    amount: Sek::kronor(666_667),
                },
            ],
        };
        let fv = change_by_percent(&f, Decimal::from(-10), "fv").unwrap();
        let Split::Amount { payers } = fv.funding.split else {
            panic!("the split keeps its kind")
        };
        let sum = payers
            .iter()
            .fold(Sek::ZERO, |a, p| a.checked_add(p.amount).unwrap());
        assert_eq!(sum, Sek::kronor(900_000));
        assert!(matches!(
            change_by_percent(&f, Decimal::from(-100), "x"),
            Err(PercentError::TooLow(_))
        ));
    }

    #[test]
    fn an_amount_too_large_is_an_error_not_a_panic() {
        let mut k = presets::kalmar_2025_2027();
        k.funding.components[0].amount = Known::Known(Sek::new(crate::money::MAX_SEK).unwrap());
        assert_eq!(
            change_by_percent(&k, Decimal::from(1000), "x").unwrap_err(),
            PercentError::TooLarge
        );
    }
}
