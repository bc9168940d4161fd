//! What a breach notice leads to (*hävning*): the earliest day a termination for material breach
//! takes effect, what had been paid by then, what falls away, and what the organisation may
//! have to repay, per the terms in [`crate::termination`].

use crate::agreement::Agreement;
use crate::dates;
use crate::explain::{Bilingual, Explanation};
use crate::funding::Conditions;
use crate::known::Known;
use crate::money::Sek;
use crate::parties::Side;
use crate::payments::payments_through;
use crate::termination::Repayment;
use chrono::NaiveDate;
use serde::Serialize;

/// The outcome of a breach notice that is not remedied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TerminationOutcome {
    /// The earliest day the termination takes effect; `None` when the agreement ends by expiry
    /// before that.
    pub effective_date: Option<NaiveDate>,
    /// The party in breach.
    pub in_breach: Side,
    /// Paid under the agreement before the termination takes effect.
    pub paid: Known<Sek>,
    /// Due later in the running period, and so not paid.
    pub unpaid: Known<Sek>,
    /// The least the organisation may have to repay.
    pub repayment_min: Known<Sek>,
    /// The most the organisation may have to repay.
    pub repayment_max: Known<Sek>,
    /// How the outcome came about.
    pub explanation: Explanation,
}

/// Why a termination cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TerminationError {
    /// The agreement has no clause on termination for breach.
    NoBreachClause,
    /// The source does not state the termination terms.
    UnknownTerms,
    /// The agreement's periods cannot be determined.
    UnknownTerm,
    /// The dates leave the calendar.
    OutOfRange,
}

impl Bilingual for TerminationError {
    fn sv(&self) -> String {
        match self {
            TerminationError::NoBreachClause => {
                "avtalet har ingen klausul om hävning vid avtalsbrott"
            }
            TerminationError::UnknownTerm => "avtalets perioder är okända",
            TerminationError::UnknownTerms => "källan anger inte villkoren för hävning",
            TerminationError::OutOfRange => "datumet ligger utanför kalendern",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            TerminationError::NoBreachClause => {
                "the agreement has no clause on termination for breach (hävning)"
            }
            TerminationError::UnknownTerm => "the agreement's periods are unknown",
            TerminationError::UnknownTerms => "the source does not state the termination terms",
            TerminationError::OutOfRange => "the date is outside the calendar",
        }
        .into()
    }
}

impl std::fmt::Display for TerminationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for TerminationError {}

/// The outcome of a written breach notice given on `notice` by `from` to the other party, which
/// does not remedy the breach.
///
/// Rules, as the Kalmar 2025–2027 text (§13) gives them:
/// - The cure period is counted from the day after the notice: with 30 days and notice on
///   2026-05-04, day 1 is 2026-05-05 and day 30 is 2026-06-03.
/// - The termination takes effect at the earliest the day after the cure period ends
///   (2026-06-04); if the agreement's running period ends before that, it ends by expiry instead
///   (`effective_date` is `None`).
/// - *Paid*: every payment whose due window has closed before the effective date. A payment whose
///   window is still open on that date, or whose date is unknown, makes *paid* unknown.
/// - *Unpaid*: the rest of the running period's payments, which fall away.
/// - *Repayment* (of what was paid): when the organisation is in breach, per
///   [`crate::termination::TerminationForBreach::if_organisation_in_breach`] (*part or all* is the range 0 … paid);
///   when the public party is, per [`crate::termination::TerminationForBreach::if_public_in_breach`].
///
/// ```
/// use iop_core::{presets, breach::terminate, parties::Side, Known, Sek};
/// let k = presets::kalmar_2025_2027();
/// let out = terminate(&k, presets::date(2026, 5, 4), Side::Public).unwrap();
/// assert_eq!(out.effective_date, Some(presets::date(2026, 6, 4)));
/// assert_eq!(out.paid, Known::Known(Sek::kronor(2_000_000)));
/// assert_eq!(out.repayment_max, Known::Known(Sek::kronor(2_000_000)));
/// ```
pub fn terminate(
    agreement: &Agreement,
    notice: NaiveDate,
    from: Side,
) -> Result<TerminationOutcome, TerminationError> {
    let rule = match agreement.termination.for_breach {
        Known::Known(Some(rule)) => rule,
        Known::Known(None) => return Err(TerminationError::NoBreachClause),
        Known::Unknown => return Err(TerminationError::UnknownTerms),
    };
    let in_breach = from.other();
    let last_cure_day =
        dates::add_days(notice, u64::from(rule.cure_days)).ok_or(TerminationError::OutOfRange)?;
    let effective = last_cure_day
        .succ_opt()
        .ok_or(TerminationError::OutOfRange)?;
    let period = agreement
        .term
        .period_for(notice)
        .ok_or(TerminationError::UnknownTerm)?;
    let ends_first = period.end < effective;
    let cutoff = if ends_first {
        period.end.succ_opt().ok_or(TerminationError::OutOfRange)?
    } else {
        effective
    };

    let mut paid = Known::Known(Sek::ZERO);
    let mut unpaid = Known::Known(Sek::ZERO);
    for p in payments_through(agreement, period.end, Conditions::AsRecorded) {
        let add = |acc: Known<Sek>, x: Known<Sek>| acc.plus(x);
        match p.window {
            Known::Known((_, last)) if last < cutoff => paid = add(paid, p.amount),
            Known::Known((first, _)) if first >= cutoff => {
                if p.agreement_year.0 <= period.end {
                    unpaid = add(unpaid, p.amount);
                }
            }
            _ => {
                paid = Known::Unknown;
                unpaid = Known::Unknown;
            }
        }
    }
    let rule_for = match in_breach {
        Side::Organisation => rule.if_organisation_in_breach,
        Side::Public => rule.if_public_in_breach,
    };
    let (min, max) = match rule_for {
        Repayment::Nothing => (Known::Known(Sek::ZERO), Known::Known(Sek::ZERO)),
        Repayment::PartOrAll => (Known::Known(Sek::ZERO), paid),
        Repayment::All => (paid, paid),
        Repayment::Unknown => (Known::Unknown, Known::Unknown),
    };
    let (who_sv, who_en) = match in_breach {
        Side::Organisation => ("organisationen", "the organisation"),
        Side::Public => ("den offentliga parten", "the public party"),
    };
    let show = |k: Known<Sek>| match k {
        Known::Known(v) => v.to_string(),
        Known::Unknown => "okänt".into(),
    };
    let explanation = if ends_first {
        Explanation::new(
            format!(
                "Påpekande {notice}; rättelsetiden {} dagar räknas från dagen efter och löper ut {last_cure_day}. Perioden slutar redan {}, så avtalet upphör då utan hävning. Utbetalt: {}.",
                rule.cure_days, period.end, show(paid)
            ),
            format!(
                "Notice {notice}; the {}-day cure period counts from the next day and ends {last_cure_day}. The period ends earlier, on {}, so the agreement expires without termination.",
                rule.cure_days, period.end
            ),
        )
    } else {
        Explanation::new(
            format!(
                "Påpekande {notice} till {who_sv}; rättelsetiden {} dagar räknas från dagen efter och löper ut {last_cure_day}; hävningen gäller tidigast {effective}. Utbetalt före dess: {}; faller bort: {}; återbetalning {} – {} ({}).",
                rule.cure_days, show(paid), show(unpaid), show(min), show(max),
                rule_for.sv()
            ),
            format!(
                "Notice {notice} to {who_en}; the {}-day cure period counts from the next day and ends {last_cure_day}; termination takes effect at the earliest on {effective}. Repayment: {}.",
                rule.cure_days, rule_for.en()
            ),
        )
    };
    Ok(TerminationOutcome {
        effective_date: (!ends_first).then_some(effective),
        in_breach,
        paid,
        unpaid,
        repayment_min: min,
        repayment_max: max,
        explanation,
    })
}
