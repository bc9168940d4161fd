//! Payments (*utbetalning*): when the money of an agreement is paid, in which parts, and by whom.
//!
//! Each agreement year's amount (see [`crate::amounts`]) is divided equally between the payment
//! dates the timing gives in that year, and each payment between the payers, both exact to the
//! öre (largest remainder, [`crate::split::allocate_by_weights`]). So the payments of a period
//! always add up to its total.

use crate::agreement::Agreement;
use crate::amounts::{anchor, years_of_period};
use crate::dates;
use crate::funding::{amount_between, per_payer, Conditions, PaymentTiming, Split};
use crate::known::Known;
use crate::money::Sek;
use crate::split::allocate_by_weights;
use crate::term::Period;
use crate::window::Window;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// One payment of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Payment {
    /// The agreement year it belongs to (first day, last day).
    pub agreement_year: (NaiveDate, NaiveDate),
    /// Earliest and latest day it is due; unknown when the source gives no dates.
    pub window: Known<(NaiveDate, NaiveDate)>,
    /// The amount.
    pub amount: Known<Sek>,
}

impl Payment {
    /// The latest day it is due.
    pub fn due(&self) -> Known<NaiveDate> {
        self.window.map(|w| w.1)
    }

    /// What each payer of `split` pays of it, in the split's order: computed when asked, so a
    /// schedule holds no copy of a payer's name or part per payment.
    pub fn per_payer(&self, split: &Split) -> Vec<Known<Sek>> {
        per_payer(split, self.amount)
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }
}

/// The payment windows of one agreement year cut to `from..=to`, with the part of the year's
/// amount each one carries (equal parts, exact to the öre).
fn windows(
    timing: PaymentTiming,
    year: (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
) -> Known<Vec<(NaiveDate, NaiveDate)>> {
    match timing {
        PaymentTiming::Unknown => Known::Unknown,
        PaymentTiming::Quarter { quarter } => {
            for y in from.year()..from.year().saturating_add(3) {
                if let Some((qs, qe)) = dates::quarter(y, quarter) {
                    if qe >= from {
                        return if qs.max(from) <= to {
                            Known::Known(vec![(qs.max(from), qe.min(to).max(qs.max(from)))])
                        } else {
                            Known::Known(vec![])
                        };
                    }
                }
            }
            Known::Known(vec![])
        }
        PaymentTiming::Yearly { month, day } => {
            for y in from.year()..from.year().saturating_add(3) {
                let first = NaiveDate::from_ymd_opt(y, month.clamp(1, 12), 1);
                let d = first.and_then(|f| {
                    dates::add_days(f, u64::from(day.clamp(1, 31) - 1))
                        .filter(|d| d.month() == f.month())
                        .or_else(|| dates::period_end_of_month(f))
                });
                if let Some(d) = d {
                    if d >= from {
                        return Known::Known(if d <= to { vec![(d, d)] } else { vec![] });
                    }
                }
            }
            Known::Known(vec![])
        }
        PaymentTiming::Quarterly => {
            let mut out = Vec::new();
            for k in 0..4u32 {
                if let Some(d) = dates::add_months(year.0, 3 * k) {
                    if (from..=to).contains(&d) {
                        out.push((d, d));
                    }
                }
            }
            Known::Known(out)
        }
    }
}

/// The payments of a period: for each agreement year in it, the payments the timing gives, the
/// year's amount (pro rata for a cut year) divided equally between them and then between the
/// payers, each exact to the öre. A part-year that holds none of the timing's dates gets one
/// payment due within the part. So the payments of a period always add up to its total.
pub fn payments_in_period(
    agreement: &Agreement,
    period: &Period,
    conditions: Conditions,
) -> Vec<Payment> {
    let Some(anchor) = anchor(agreement) else {
        return Vec::new();
    };
    payments_of_years(agreement, years_of_period(anchor, period), conditions)
}

/// The payments of the agreement years given (each cut to its period).
fn payments_of_years(
    agreement: &Agreement,
    years: Vec<((NaiveDate, NaiveDate), NaiveDate, NaiveDate)>,
    conditions: Conditions,
) -> Vec<Payment> {
    let funding = &agreement.funding;
    let mut out = Vec::new();
    for (year, a, b) in years {
        // Too large to hold: unknown here; the yearly and period figures say why.
        let amount = amount_between(funding, year, a, b, conditions).unwrap_or(Known::Unknown);
        match windows(funding.payments.timing, year, a, b) {
            Known::Unknown => out.push(Payment {
                agreement_year: year,
                window: Known::Unknown,
                amount,
            }),
            Known::Known(ws) => {
                // A part-year that holds none of the timing's dates is still paid: within the part.
                let ws = if ws.is_empty() { vec![(a, b)] } else { ws };
                let parts: Vec<Known<Sek>> = match amount {
                    Known::Known(total) => match allocate_by_weights(total, &vec![1; ws.len()]) {
                        Some(p) => p.into_iter().map(Known::Known).collect(),
                        None => vec![Known::Unknown; ws.len()],
                    },
                    Known::Unknown => vec![Known::Unknown; ws.len()],
                };
                for (w, part) in ws.into_iter().zip(parts) {
                    out.push(Payment {
                        agreement_year: year,
                        window: Known::Known(w),
                        amount: part,
                    });
                }
            }
        }
    }
    out
}

/// The payments due within `window` (those whose dates are unknown: of an agreement year that
/// overlaps it), period by period: the work follows the window, not the term.
///
/// ```
/// use iop_core::{presets, payments::payments_in_window, funding::Conditions, window::Window};
/// let k = presets::kalmar_2025_2027();
/// let w = Window::new(presets::date(2026, 1, 1), presets::date(2026, 12, 31)).unwrap();
/// let pays = payments_in_window(&k, w, Conditions::AsRecorded);
/// assert_eq!(pays.len(), 1);
/// assert_eq!(pays[0].per_payer(&k.funding.split).len(), 2);
/// ```
pub fn payments_in_window(
    agreement: &Agreement,
    window: Window,
    conditions: Conditions,
) -> Vec<Payment> {
    let mut out = Vec::new();
    let (Some(anchor), Some(mut p)) = (anchor(agreement), agreement.term.first_period()) else {
        return out;
    };
    loop {
        if p.start.value().is_some_and(|s| *s > window.to) {
            break;
        }
        if p.end >= window.from {
            out.extend(period_within(agreement, anchor, &p, window, conditions));
        }
        match agreement.term.next_period(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    out
}

/// The payments of `period` within `window`: only the agreement years that overlap it are
/// computed.
pub fn payments_in_period_within(
    agreement: &Agreement,
    period: &Period,
    window: Window,
    conditions: Conditions,
) -> Vec<Payment> {
    match anchor(agreement) {
        Some(anchor) => period_within(agreement, anchor, period, window, conditions),
        None => Vec::new(),
    }
}

fn period_within(
    agreement: &Agreement,
    anchor: NaiveDate,
    period: &Period,
    window: Window,
    conditions: Conditions,
) -> Vec<Payment> {
    let overlaps = |a: NaiveDate, b: NaiveDate| a <= window.to && b >= window.from;
    let years = years_of_period(anchor, period)
        .into_iter()
        .filter(|(_, a, b)| overlaps(*a, *b))
        .collect();
    payments_of_years(agreement, years, conditions)
        .into_iter()
        .filter(|pay| match pay.window {
            Known::Known((first, last)) => overlaps(first, last),
            Known::Unknown => true,
        })
        .collect()
}

/// All payments from the first period through the period standing for `date`.
pub fn payments_through(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Vec<Payment> {
    let mut out = Vec::new();
    let Some(mut p) = agreement.term.first_period() else {
        return out;
    };
    let last = agreement.term.period_for(date).map_or(0, |p| p.index);
    loop {
        out.extend(payments_in_period(agreement, &p, conditions));
        if p.index >= last {
            break;
        }
        match agreement.term.next_period(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{date, kalmar_2025_2027};

    #[test]
    fn kalmar_2025_pays_three_times_in_the_first_quarter() {
        let k = kalmar_2025_2027();
        let p = k.term.first_period().unwrap();
        let pays = payments_in_period(&k, &p, Conditions::AsRecorded);
        assert_eq!(pays.len(), 3);
        for (i, pay) in pays.iter().enumerate() {
            let y = 2025 + i as i32;
            assert_eq!(pay.window, Known::Known((date(y, 1, 1), date(y, 3, 31))));
            assert_eq!(pay.amount, Known::Known(Sek::kronor(1_000_000)));
            let parts = pay.per_payer(&k.funding.split);
            assert_eq!(parts, vec![Known::Known(Sek::kronor(500_000)); 2]);
        }
    }
}
