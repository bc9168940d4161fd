//! The calendar of dated obligations over the term: payments, plans, reports, follow-up
//! meetings, the end of each period and the renewal decision.
//!
//! Meetings "at least N a year" are placed as deadlines: the k-th meeting of an agreement year is
//! due by the end of the k-th N-th of that year (two a year: by the half-year and by the year's
//! end). Documents due "with the invoice" take the payment's due date.

use crate::agreement::Agreement;
use crate::amounts::{anchor, years_of_period};
use crate::dates;
use crate::funding::Conditions;
use crate::known::Known;
use crate::money::Sek;
use crate::obligations::Due;
use crate::parties::Side;
use crate::payments::payments_in_period;
use chrono::NaiveDate;
use serde::Serialize;

/// The kind of a dated obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A payment to the organisation.
    Payment,
    /// A plan is due.
    Plan,
    /// A report is due.
    Report,
    /// A follow-up meeting is due.
    Meeting,
    /// A period ends.
    PeriodEnd,
    /// A decision on renewal or notice is due.
    RenewalDecision,
}

impl EventKind {
    /// The key used in files: `payment`, `plan`, `report`, `meeting`, `period_end`, `renewal_decision`.
    pub fn key(self) -> &'static str {
        match self {
            EventKind::Payment => "payment",
            EventKind::Plan => "plan",
            EventKind::Report => "report",
            EventKind::Meeting => "meeting",
            EventKind::PeriodEnd => "period_end",
            EventKind::RenewalDecision => "renewal_decision",
        }
    }
}

/// One dated obligation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// The date (the latest day, for a deadline); unknown when the source gives none.
    pub date: Known<NaiveDate>,
    /// The agreement year it belongs to (its first day), to place undated events.
    pub year_start: NaiveDate,
    /// Its kind.
    pub kind: EventKind,
    /// What is due, in Swedish.
    pub description: String,
    /// The amount, for a payment.
    pub amount: Option<Known<Sek>>,
    /// The payer, for a payment part.
    pub payer: Option<String>,
    /// Who must act.
    pub responsible: Vec<Side>,
}

/// Every dated obligation from the start through the period running on (or standing for) `at`,
/// sorted by date; undated events sort at the start of their agreement year.
///
/// ```
/// use iop_core::{calendar::{obligations_calendar, EventKind}, presets};
/// let events = obligations_calendar(&presets::kalmar_2025_2027(), presets::date(2025, 1, 1));
/// let payments = events.iter().filter(|e| e.kind == EventKind::Payment).count();
/// assert_eq!(payments, 6); // three years × two payers
/// ```
pub fn obligations_calendar(agreement: &Agreement, at: NaiveDate) -> Vec<Event> {
    let mut out = Vec::new();
    let (Some(anchor), Some(mut period)) = (anchor(agreement), agreement.term.first_period())
    else {
        return out;
    };
    let last = agreement.term.period_for(at).map_or(0, |p| p.index);
    loop {
        let payments = payments_in_period(agreement, &period, Conditions::AsRecorded);
        for p in &payments {
            for (payer, amount) in &p.per_payer {
                out.push(Event {
                    date: p.due(),
                    year_start: p.agreement_year.0,
                    kind: EventKind::Payment,
                    description: format!("Utbetalning från {payer}"),
                    amount: Some(*amount),
                    payer: Some(payer.clone()),
                    responsible: vec![Side::Public],
                });
            }
        }
        for (year, a, b) in years_of_period(anchor, &period) {
            let year_payment = payments.iter().find(|p| p.agreement_year == year);
            for doc in &agreement.obligations.documents {
                let date = match doc.due {
                    Due::WithInvoice => year_payment.map_or(Known::Unknown, |p| p.due()),
                    Due::BeforeYear => Known::from(dates::day_before(a)),
                    Due::AfterYear { days } => {
                        days.and_then(|d| Known::from(dates::add_days(b, u64::from(d))))
                    }
                    Due::Unknown => Known::Unknown,
                };
                out.push(Event {
                    date,
                    year_start: year.0,
                    kind: if doc.kind.is_plan() {
                        EventKind::Plan
                    } else {
                        EventKind::Report
                    },
                    description: match &doc.reported_to {
                        Some(to) => format!("{} (rapporteras till {to})", doc.name),
                        None => doc.name.clone(),
                    },
                    amount: None,
                    payer: None,
                    responsible: doc.responsible.clone(),
                });
            }
            if let Some(m) = &agreement.obligations.meetings {
                match m.per_year {
                    Known::Known(n) if n > 0 => {
                        let days = dates::days_inclusive(a, b);
                        for k in 1..=n.min(52) {
                            let offset = days * i64::from(k) / i64::from(n) - 1;
                            let date =
                                dates::add_days(a, u64::try_from(offset.max(0)).unwrap_or(0));
                            out.push(Event {
                                date: date.into(),
                                year_start: year.0,
                                kind: EventKind::Meeting,
                                description: format!(
                                    "Uppföljningsmöte {k} av minst {n} ({}) – senast",
                                    m.responsible
                                ),
                                amount: None,
                                payer: None,
                                responsible: vec![],
                            });
                        }
                    }
                    _ => out.push(Event {
                        date: Known::Unknown,
                        year_start: year.0,
                        kind: EventKind::Meeting,
                        description: format!(
                            "Uppföljning ({}) – antal och datum anges inte",
                            m.responsible
                        ),
                        amount: None,
                        payer: None,
                        responsible: vec![],
                    }),
                }
            }
        }
        let decision = agreement.term.decision_due(period.end);
        if let Known::Known(d) = decision.value {
            out.push(Event {
                date: Known::Known(d),
                year_start: period.start.value().copied().unwrap_or(d),
                kind: EventKind::RenewalDecision,
                description: format!(
                    "Beslut om förlängning, uppsägning eller nytt avtal. {}",
                    decision.explanation.sv
                ),
                amount: None,
                payer: None,
                responsible: vec![],
            });
        }
        out.push(Event {
            date: Known::Known(period.end),
            year_start: period.start.value().copied().unwrap_or(period.end),
            kind: EventKind::PeriodEnd,
            description: if period.index == 0 {
                "Första perioden slutar".into()
            } else {
                format!("Förlängning {} slutar", period.index)
            },
            amount: None,
            payer: None,
            responsible: vec![],
        });
        if period.index >= last {
            break;
        }
        match agreement.term.next_period(period) {
            Some(n) => period = n,
            None => break,
        }
    }
    out.sort_by_key(|e| (e.date.value().copied().unwrap_or(e.year_start), e.kind));
    out
}
