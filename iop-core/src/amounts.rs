//! Amounts (*belopp*): what an agreement pays in an agreement year, over a period, per payer and
//! per calendar year. These are the questions asked of an agreement's [`crate::funding`] and
//! [`crate::term`] together, so they sit above both.
//!
//! **Agreement years.** Yearly amounts apply per agreement year (*avtalsår*): a year that starts on
//! the term's start date or an anniversary of it (the day after the first period's end when the
//! start is unknown). **Pro rata.** A component that starts (`from`) or stops (`until`) inside an
//! agreement year, or a period shorter than a year, counts for the days it covers:
//! amount × days / days of that agreement year, rounded to the öre half away from zero
//! ([`crate::funding::amount_between`]).

use crate::agreement::Agreement;
use crate::dates;
use crate::explain::Bilingual;
use crate::explain::{Explanation, Figure};
use crate::funding::{amount_between, per_payer, ComponentKind, Conditions};
use crate::known::Known;
use crate::money::{Overflow, Sek};
use crate::term::Period;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The agreement years are anchored here: the start, or the day after the first period's end.
pub fn anchor(agreement: &Agreement) -> Option<NaiveDate> {
    match agreement.term.start {
        Known::Known(s) => Some(s),
        Known::Unknown => agreement.term.first_period()?.end.succ_opt(),
    }
}

/// The agreement year (first and last day) containing `date`.
pub fn agreement_year_containing(
    anchor: NaiveDate,
    date: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let at = |k: i64| -> Option<NaiveDate> {
        let months = u32::try_from(k.unsigned_abs().checked_mul(12)?).ok()?;
        if k >= 0 {
            dates::add_months(anchor, months)
        } else {
            dates::sub_months(anchor, months)
        }
    };
    let mut k = i64::from(date.year()) - i64::from(anchor.year());
    let mut start = at(k)?;
    while start > date {
        k -= 1;
        start = at(k)?;
    }
    loop {
        let next = at(k + 1)?;
        if next > date {
            return Some((start, dates::day_before(next)?));
        }
        k += 1;
        start = next;
    }
}

/// The agreement year whose amount stands for the agreement on `date`: the year containing
/// `date`, kept within the term (the first year before the start, the last after the end).
pub fn reference_year(agreement: &Agreement, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let anchor = anchor(agreement)?;
    let mut d = date;
    if let Known::Known(s) = agreement.term.start {
        d = d.max(s);
    }
    if let Some(p) = agreement.term.period_for(date) {
        d = d.min(p.end);
    }
    agreement_year_containing(anchor, d)
}

/// The amount for the agreement year standing for the agreement on `date` (see
/// [`reference_year`]), with conditional money counted per `conditions`.
///
/// ```
/// use iop_core::{amounts::annual_amount, funding::Conditions, presets, Known, Sek};
/// let v = presets::vallentuna();
/// let on = presets::date(2026, 11, 22);
/// assert_eq!(annual_amount(&v, on, Conditions::AsRecorded).value, Known::Known(Sek::kronor(50_000)));
/// assert_eq!(annual_amount(&v, on, Conditions::AllMet).value, Known::Known(Sek::kronor(75_000)));
/// ```
pub fn annual_amount(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Figure<Sek> {
    let Some(year) = reference_year(agreement, date) else {
        return Figure::unknown(Explanation::new(
            "Avtalsåret kan inte bestämmas: start och slut är okända.",
            "The agreement year cannot be determined: start and end are unknown.",
        ));
    };
    let computed = amount_between(&agreement.funding, year, year.0, year.1, conditions);
    let value = computed.unwrap_or(Known::Unknown);
    let parts: Vec<String> = agreement
        .funding
        .components
        .iter()
        .map(|c| {
            let amount = c.amount.map_or_unknown_sv();
            let note = match &c.kind {
                ComponentKind::Conditional { met, .. } => match (conditions, met) {
                    (Conditions::AllMet, _) | (_, Known::Known(true)) => " (villkor uppfyllt)",
                    (_, Known::Known(false)) => " (villkor ej uppfyllt, räknas inte)",
                    (_, Known::Unknown) => " (villkorat, räknas inte förrän villkoret är uppfyllt)",
                },
                _ => "",
            };
            format!("{}: {amount}{note}", c.label)
        })
        .collect();
    let sv = format!(
        "Avtalsår {} – {}: {}{}.",
        year.0,
        year.1,
        parts.join(" + "),
        match (&computed, &value) {
            (Err(o), _) => format!(": {}", o.sv()),
            (_, Known::Known(v)) => format!(" = {v}"),
            (_, Known::Unknown) => " = okänt".into(),
        }
    );
    let en = format!(
        "Agreement year {} – {}: sum of {} component(s){}; conditional money counts only when its condition is met{}.",
        year.0,
        year.1,
        parts.len(),
        match (&computed, &value) {
            (Err(o), _) => format!(": {}", o.en()),
            (_, Known::Known(v)) => format!(" = {}", v.to_plain()),
            (_, Known::Unknown) => " = unknown".into(),
        },
        if conditions == Conditions::AllMet { " (all assumed met)" } else { "" }
    );
    Figure {
        value,
        explanation: Explanation::new(sv, en),
        too_large: computed.is_err(),
    }
}

trait UnknownSv {
    fn map_or_unknown_sv(&self) -> String;
}

impl UnknownSv for Known<Sek> {
    fn map_or_unknown_sv(&self) -> String {
        match self {
            Known::Known(v) => v.to_string(),
            Known::Unknown => "okänt belopp".into(),
        }
    }
}

/// The agreement years of a period, each cut to the period (first day, last day, and the full
/// agreement year it belongs to). Empty when the period's start is unknown.
pub fn years_of_period(
    anchor: NaiveDate,
    period: &Period,
) -> Vec<((NaiveDate, NaiveDate), NaiveDate, NaiveDate)> {
    let Known::Known(start) = period.start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = start;
    while d <= period.end && out.len() < 1000 {
        let Some(year) = agreement_year_containing(anchor, d) else {
            break;
        };
        out.push((year, d, year.1.min(period.end)));
        match year.1.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    out
}

/// The total committed for the period running on `date` (or the next period before the start,
/// the last one after the end), as recorded (conditional money only when met).
///
/// ```
/// use iop_core::{presets, Known, Sek, amounts::total_for_period_on};
/// let k = presets::kalmar_2022_2024();
/// assert_eq!(total_for_period_on(&k, presets::date(2026, 11, 22)).value, Known::Known(Sek::kronor(3_000_000)));
/// ```
pub fn total_for_period_on(agreement: &Agreement, date: NaiveDate) -> Figure<Sek> {
    total_for_period_with(agreement, date, Conditions::AsRecorded)
}

/// [`total_for_period_on`] with a choice of [`Conditions`].
pub fn total_for_period_with(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Figure<Sek> {
    let (Some(anchor), Some(period)) = (anchor(agreement), agreement.term.period_for(date)) else {
        return Figure::unknown(Explanation::new(
            "Periodens slut är okänt (eller avtalet löper tills vidare), så totalen är okänd.",
            "The end of the period is unknown (or the agreement is open-ended), so the total is unknown.",
        ));
    };
    if !period.start.is_known() {
        return Figure::unknown(Explanation::new(
            format!(
                "Periodens start är okänd (slut {}), så totalen är okänd.",
                period.end
            ),
            format!(
                "The period's start is unknown (end {}), so the total is unknown.",
                period.end
            ),
        ));
    }
    let years = years_of_period(anchor, &period);
    let mut total = Known::Known(Sek::ZERO);
    let mut terms = Vec::new();
    let mut overflow = false;
    for (year, a, b) in &years {
        let part = match amount_between(&agreement.funding, *year, *a, *b, conditions) {
            Ok(p) => p,
            Err(_) => {
                overflow = true;
                Known::Unknown
            }
        };
        terms.push(match part {
            Known::Known(p) => p.to_string(),
            Known::Unknown => "okänt".into(),
        });
        total = match (total, part) {
            (Known::Known(t), Known::Known(p)) => match t.checked_add(p) {
                Some(sum) => Known::Known(sum),
                None => {
                    overflow = true;
                    Known::Unknown
                }
            },
            _ => Known::Unknown,
        };
    }
    let start = period.start.value().copied().unwrap_or(period.end);
    if overflow {
        return Figure::too_large(Explanation::new(
            format!(
                "Perioden {start} – {}: {} avtalsår; {}.",
                period.end,
                years.len(),
                Overflow.sv()
            ),
            format!(
                "Period {start} – {}: {} agreement year(s); {}.",
                period.end,
                years.len(),
                Overflow.en()
            ),
        ));
    }
    Figure {
        too_large: false,
        value: total,
        explanation: Explanation::new(
            format!(
                "Perioden {start} – {}: {} avtalsår, {}{}.",
                period.end,
                years.len(),
                terms.join(" + "),
                match total {
                    Known::Known(t) => format!(" = {t}"),
                    Known::Unknown => " = okänt".into(),
                }
            ),
            format!(
                "Period {start} – {}: the sum over {} agreement year(s){}.",
                period.end,
                years.len(),
                match total {
                    Known::Known(t) => format!(" = {}", t.to_plain()),
                    Known::Unknown => ", unknown because a yearly amount is unknown".into(),
                }
            ),
        ),
    }
}

/// Each payer's part of the amount for the agreement year standing for `date`.
///
/// ```
/// use iop_core::{amounts::per_payer_annual, presets, Known, Sek};
/// let parts = per_payer_annual(&presets::kalmar_2025_2027(), presets::date(2025, 6, 1));
/// assert_eq!(parts[0].1, Known::Known(Sek::kronor(500_000)));
/// assert_eq!(parts[1].1, Known::Known(Sek::kronor(500_000)));
/// ```
pub fn per_payer_annual(agreement: &Agreement, date: NaiveDate) -> Vec<(String, Known<Sek>)> {
    let amount = annual_amount(agreement, date, Conditions::AsRecorded).value;
    per_payer(&agreement.funding.split, amount)
}

/// Money per calendar year from the first period through the period standing for `date`:
/// for each calendar year, the parts of the agreement years that fall in it (pro rata, see the
/// module's rules). Years whose money is unknown are unknown; an unknown start gives no years
/// before the first known period.
///
/// ```
/// use iop_core::{amounts::calendar_year_amounts, presets, Known, Sek};
/// let v = calendar_year_amounts(&presets::kalmar_2025_2027(), presets::date(2025, 1, 1));
/// assert_eq!(v, vec![(2025, Known::Known(Sek::kronor(1_000_000))),
///                    (2026, Known::Known(Sek::kronor(1_000_000))),
///                    (2027, Known::Known(Sek::kronor(1_000_000)))]);
/// ```
pub fn calendar_year_amounts(agreement: &Agreement, date: NaiveDate) -> Vec<(i32, Known<Sek>)> {
    let mut by_year: BTreeMap<i32, Known<Sek>> = BTreeMap::new();
    let (Some(anchor), Some(mut p)) = (anchor(agreement), agreement.term.first_period()) else {
        return Vec::new();
    };
    let last = agreement.term.period_for(date).map_or(0, |p| p.index);
    loop {
        for (year, a, b) in years_of_period(anchor, &p) {
            // Split the cut agreement year at calendar-year boundaries.
            let mut from = a;
            while from <= b {
                let dec31 = NaiveDate::from_ymd_opt(from.year(), 12, 31).unwrap_or(b);
                let to = dec31.min(b);
                // A part too large to hold is unknown here; the yearly and period figures say why.
                let part =
                    amount_between(&agreement.funding, year, from, to, Conditions::AsRecorded)
                        .unwrap_or(Known::Unknown);
                let entry = by_year
                    .entry(from.year())
                    .or_insert(Known::Known(Sek::ZERO));
                *entry = entry.plus(part);
                match to.succ_opt() {
                    Some(n) => from = n,
                    None => break,
                }
            }
        }
        if p.index >= last || by_year.len() > 200 {
            break;
        }
        match agreement.term.next_period(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    by_year.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::{Component, Indexation};
    use crate::presets::{date, kalmar_2022_2024, kalmar_2025_2027, vallentuna};
    use rust_decimal::Decimal;

    #[test]
    fn a_change_from_a_date_counts_pro_rata() {
        let mut k = kalmar_2025_2027();
        // From 2026-07-01, 200 000 kr a year more: half of 2026 (184 of 365 days).
        k.funding.components.push(Component {
            label: "Höjning".into(),
            kind: ComponentKind::Base,
            amount: Known::Known(Sek::kronor(200_000)),
            from: Some(date(2026, 7, 1)),
            until: None,
            source: None,
        });
        let a = annual_amount(&k, date(2026, 1, 1), Conditions::AsRecorded).value;
        // 200000 × 184 / 365 = 100821.917… → 100 821,92
        assert_eq!(a, Known::Known(Sek::parse("1100821.92").unwrap()));
        let a27 = annual_amount(&k, date(2027, 1, 1), Conditions::AsRecorded).value;
        assert_eq!(a27, Known::Known(Sek::kronor(1_200_000)));
    }

    #[test]
    fn indexation_fixed_and_series() {
        let mut k = kalmar_2025_2027();
        k.funding.indexation = Some(Indexation::FixedPercent {
            percent: Decimal::new(25, 1),
            base_year: 2025,
        });
        let a = |k: &Agreement, y| annual_amount(k, date(y, 1, 1), Conditions::AsRecorded).value;
        assert_eq!(a(&k, 2025), Known::Known(Sek::kronor(1_000_000)));
        assert_eq!(a(&k, 2026), Known::Known(Sek::kronor(1_025_000)));
        assert_eq!(a(&k, 2027), Known::Known(Sek::parse("1050625").unwrap()));
        let mut values = BTreeMap::new();
        values.insert(2024, Decimal::new(1000, 1));
        values.insert(2025, Decimal::new(1031, 1));
        k.funding.indexation = Some(Indexation::Series {
            name: "PKV".into(),
            base_year: 2024,
            lag_years: 1,
            values,
        });
        assert_eq!(a(&k, 2025), Known::Known(Sek::kronor(1_000_000)));
        assert_eq!(a(&k, 2026), Known::Known(Sek::kronor(1_031_000)));
        // 2027 needs the 2026 index, which is not given: unknown, not a smaller number.
        assert_eq!(a(&k, 2027), Known::Unknown);
    }

    #[test]
    fn agreement_years_follow_the_start() {
        let v = vallentuna();
        let anchor = anchor(&v).unwrap();
        assert_eq!(
            agreement_year_containing(anchor, date(2026, 11, 22)),
            Some((date(2026, 7, 1), date(2027, 6, 30)))
        );
        assert_eq!(
            agreement_year_containing(anchor, date(2021, 6, 30)),
            Some((date(2020, 7, 1), date(2021, 6, 30)))
        );
    }

    #[test]
    fn replaced_foreningsbidrag_adds_to_the_base() {
        let k = kalmar_2022_2024();
        assert_eq!(
            annual_amount(&k, date(2023, 1, 1), Conditions::AsRecorded).value,
            Known::Known(Sek::kronor(1_000_000))
        );
    }

    #[test]
    fn an_amount_too_large_to_hold_is_not_called_unknown() {
        // 10^14 kr a year (the largest amount) over three years: the total does not fit.
        let mut k = kalmar_2025_2027();
        k.funding.components[0].amount = Known::Known(Sek::kronor(100_000_000_000_000));
        let total = total_for_period_on(&k, date(2026, 1, 1));
        assert_eq!(total.value, Known::Unknown);
        assert!(total.too_large);
        assert!(
            total.explanation.sv.contains("större än 10^14 kr"),
            "{}",
            total.explanation.sv
        );
        let annual = annual_amount(&k, date(2025, 1, 1), Conditions::AsRecorded);
        assert_eq!(annual.value, Known::Known(Sek::kronor(100_000_000_000_000)));
        assert!(!annual.too_large);
        // Doubled by indexation in the second year: the yearly amount does not fit either.
        k.funding.indexation = Some(Indexation::FixedPercent {
            percent: Decimal::ONE_HUNDRED,
            base_year: 2025,
        });
        let second = annual_amount(&k, date(2026, 1, 1), Conditions::AsRecorded);
        assert!(second.too_large && second.value == Known::Unknown);
        let cells = crate::compare::side_by_side(&crate::compare::compare(&[k], date(2026, 1, 1)));
        let annual_row = cells.iter().find(|t| t.key == "annual").unwrap();
        assert_eq!(annual_row.cells[0].sv, "för stort (över 10^14 kr)");
        // A fact the source leaves out stays "okänt", not "för stort".
        let l = annual_amount(
            &crate::presets::linkoping(),
            date(2019, 1, 1),
            Conditions::AsRecorded,
        );
        assert!(!l.too_large && l.value == Known::Unknown);
    }
}
