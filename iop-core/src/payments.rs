//! Payments (*utbetalning*): when the money of an agreement is paid, in which parts, and by whom.
//!
//! Each agreement year's amount (see [`crate::amounts`]) is divided equally between the payment
//! dates the timing gives in that year, and each payment between the payers, both exact to the
//! öre (largest remainder, [`crate::split::allocate_by_weights`]). So the payments of a period
//! always add up to its total.

use crate::agreement::Agreement;
use crate::amounts::{anchor, years_of_period};
use crate::dates;
use crate::funding::{amount_between, per_payer, Conditions, PaymentTiming};
use crate::known::Known;
use crate::money::Sek;
use crate::split::allocate_by_weights;
use crate::term::Period;
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
    /// What each payer pays of it.
    pub per_payer: Vec<(String, Known<Sek>)>,
}

impl Payment {
    /// The latest day it is due.
    pub fn due(&self) -> Known<NaiveDate> {
        self.window.map(|w| w.1)
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
    let funding = &agreement.funding;
    let mut out = Vec::new();
    for (year, a, b) in years_of_period(anchor, period) {
        // Too large to hold: unknown here; the yearly and period figures say why.
        let amount = amount_between(funding, year, a, b, conditions).unwrap_or(Known::Unknown);
        match windows(funding.payments.timing, year, a, b) {
            Known::Unknown => out.push(Payment {
                agreement_year: year,
                window: Known::Unknown,
                amount,
                per_payer: per_payer(&funding.split, amount),
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
                        per_payer: per_payer(&funding.split, part),
                    });
                }
            }
        }
    }
    out
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
            assert_eq!(pay.per_payer.len(), 2);
            assert!(pay
                .per_payer
                .iter()
                .all(|(_, a)| *a == Known::Known(Sek::kronor(500_000))));
        }
    }
}
