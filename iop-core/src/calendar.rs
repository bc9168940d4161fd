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
use crate::payments::payments_in_period_within;
use crate::window::Window;
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

    /// In Swedish, for a table: `Utbetalning`, `Plan`, `Rapport`, `Möte`, `Periodens slut`,
    /// `Beslut`.
    pub fn sv(self) -> &'static str {
        match self {
            EventKind::Payment => "Utbetalning",
            EventKind::Plan => "Plan",
            EventKind::Report => "Rapport",
            EventKind::Meeting => "Möte",
            EventKind::PeriodEnd => "Periodens slut",
            EventKind::RenewalDecision => "Beslut",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            EventKind::Payment => "Payment",
            EventKind::Plan => "Plan",
            EventKind::Report => "Report",
            EventKind::Meeting => "Meeting",
            EventKind::PeriodEnd => "End of period",
            EventKind::RenewalDecision => "Decision",
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
    /// What is due, in English.
    pub description_en: String,
    /// The amount, for a payment.
    pub amount: Option<Known<Sek>>,
    /// The payer, for a payment part: its place among the agreement's payers (see
    /// [`Event::text`]), so that no event copies a payer's name.
    pub payer: Option<usize>,
    /// Who must act.
    pub responsible: Vec<Side>,
}

impl Event {
    /// What is due, in Swedish; for a payment part, with the payer's name from `agreement`.
    ///
    /// ```
    /// use iop_core::{calendar::obligations_calendar, presets, window::Window};
    /// let k = presets::kalmar_2025_2027();
    /// let events = obligations_calendar(&k, Window::around(&k, presets::date(2025, 1, 1)).unwrap());
    /// assert_eq!(events[0].text(&k), "Utbetalning från Kommunledningskontoret");
    /// ```
    pub fn text(&self, agreement: &Agreement) -> String {
        match self
            .payer
            .and_then(|i| agreement.funding.split.payer_name(i))
        {
            Some(name) => format!("{} från {name}", self.description),
            None => self.description.clone(),
        }
    }

    /// What is due, in English; for a payment part, with the payer's name from `agreement`.
    ///
    /// ```
    /// use iop_core::{calendar::obligations_calendar, presets, window::Window};
    /// let k = presets::kalmar_2025_2027();
    /// let events = obligations_calendar(&k, Window::around(&k, presets::date(2025, 1, 1)).unwrap());
    /// assert_eq!(events[0].text_en(&k), "Payment from Kommunledningskontoret");
    /// ```
    pub fn text_en(&self, agreement: &Agreement) -> String {
        match self
            .payer
            .and_then(|i| agreement.funding.split.payer_name(i))
        {
            Some(name) => format!("{} from {name}", self.description_en),
            None => self.description_en.clone(),
        }
    }
}

/// Every dated obligation within `window` (an undated one: of an agreement year that overlaps
/// it), sorted by date; the undated ones follow every dated one, by agreement year (a reader
/// meets what is due first, and what the source leaves undated at the end, each with its
/// year, never first as "unknown"). The
/// renewal decision is due with the default lead time [`crate::term::DEFAULT_LEAD`]; see
/// [`obligations_calendar_with`]. The work follows the window, not the length of the term (see
/// [`crate::window`]).
///
/// ```
/// use iop_core::{calendar::{obligations_calendar, EventKind}, presets, window::Window};
/// let k = presets::kalmar_2025_2027();
/// let events = obligations_calendar(&k, Window::around(&k, presets::date(2025, 1, 1)).unwrap());
/// let payments = events.iter().filter(|e| e.kind == EventKind::Payment).count();
/// assert_eq!(payments, 6); // three years × two payers
/// ```
pub fn obligations_calendar(agreement: &Agreement, window: Window) -> Vec<Event> {
    obligations_calendar_with(agreement, window, crate::term::DEFAULT_LEAD)
}

/// [`obligations_calendar`] with the `lead` time the nämnd needs before a period's end, where
/// the agreement states no notice period (see [`crate::term::Term::decision_due_with`]).
///
/// ```
/// use iop_core::{calendar::{obligations_calendar_with, EventKind}, presets, term::Duration};
/// use iop_core::window::Window;
/// let k = presets::kalmar_2025_2027(); // ends 2027-12-31, no notice period
/// let w = Window::around(&k, presets::date(2027, 1, 1)).unwrap();
/// let due = |months| {
///     obligations_calendar_with(&k, w, Duration::Months(months))
///         .into_iter()
///         .find(|e| e.kind == EventKind::RenewalDecision)
///         .and_then(|e| e.date.into_option())
/// };
/// assert_eq!(due(6), Some(presets::date(2027, 6, 30)));
/// assert_eq!(due(3), Some(presets::date(2027, 9, 30)));
/// ```
pub fn obligations_calendar_with(
    agreement: &Agreement,
    window: Window,
    lead: crate::term::Duration,
) -> Vec<Event> {
    let mut out = Vec::new();
    let (Some(anchor), Some(mut period)) = (anchor(agreement), agreement.term.first_period())
    else {
        return out;
    };
    let overlaps = |a: NaiveDate, b: NaiveDate| a <= window.to && b >= window.from;
    loop {
        if period.start.value().is_some_and(|s| *s > window.to) {
            break;
        }
        if period.end < window.from {
            match agreement.term.next_period(period) {
                Some(n) => period = n,
                None => break,
            }
            continue;
        }
        let payments =
            payments_in_period_within(agreement, &period, window, Conditions::AsRecorded);
        for p in &payments {
            for (i, amount) in p
                .per_payer(&agreement.funding.split)
                .into_iter()
                .enumerate()
            {
                out.push(Event {
                    date: p.due(),
                    year_start: p.agreement_year.0,
                    kind: EventKind::Payment,
                    description: "Utbetalning".into(),
                    description_en: "Payment".into(),
                    amount: Some(amount),
                    payer: Some(i),
                    responsible: vec![Side::Public],
                });
            }
        }
        let years = years_of_period(anchor, &period)
            .into_iter()
            .filter(|(_, a, b)| overlaps(*a, *b));
        for (year, a, b) in years {
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
                    // The document's name is the agreement's own word, kept as written.
                    description_en: match &doc.reported_to {
                        Some(to) => format!("{} (reported to {to})", doc.name),
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
                                // The date is the latest day for the meeting (the year
                                // split evenly), not a day the agreement names.
                                description: format!(
                                    "Uppföljningsmöte {k} av minst {n} ({}){}",
                                    m.responsible,
                                    date.map(|d| format!(", senast {d}")).unwrap_or_default()
                                ),
                                description_en: format!(
                                    "Follow-up meeting {k} of at least {n} ({}){}",
                                    m.responsible,
                                    date.map(|d| format!(", by {d}")).unwrap_or_default()
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
                        description_en: format!(
                            "Follow-up ({}) – number and dates not stated",
                            m.responsible
                        ),
                        amount: None,
                        payer: None,
                        responsible: vec![],
                    }),
                }
            }
        }
        let decision = agreement.term.decision_due_with(period.end, lead);
        if let Known::Known(d) = decision.value {
            out.push(Event {
                date: Known::Known(d),
                year_start: period.start.value().copied().unwrap_or(d),
                kind: EventKind::RenewalDecision,
                description: format!(
                    "Beslut om förlängning, uppsägning eller nytt avtal. {}",
                    decision.explanation.sv
                ),
                description_en: format!(
                    "Decision on renewal, notice or a new agreement. {}",
                    decision.explanation.en
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
            description_en: if period.index == 0 {
                "First period ends".into()
            } else {
                format!("Renewal {} ends", period.index)
            },
            amount: None,
            payer: None,
            responsible: vec![],
        });
        match agreement.term.next_period(period) {
            Some(n) => period = n,
            None => break,
        }
    }
    // Events of a year that overlaps the window but dated outside it are left out.
    out.retain(|e| e.date.value().is_none_or(|d| window.contains(*d)));
    out.sort_by_key(|e| match e.date {
        Known::Known(d) => (false, d, e.kind),
        Known::Unknown => (true, e.year_start, e.kind),
    });
    out
}

#[cfg(test)]
mod order_tests {
    use super::*;
    use crate::presets;

    /// What the source leaves undated comes after everything dated, never first in the
    /// listing as "okänt".
    #[test]
    fn undated_events_follow_the_dated_ones() {
        let mut undated_seen = 0;
        for a in presets::all() {
            let Some(w) = Window::around(&a, presets::date(2025, 6, 1)) else {
                continue;
            };
            let events = obligations_calendar(&a, w);
            for (i, e) in events.iter().enumerate() {
                if e.date.is_known() {
                    continue;
                }
                undated_seen += 1;
                let dated_after = events.iter().skip(i + 1).any(|x| x.date.is_known());
                assert!(!dated_after, "{}: {:?}", a.id, e.description);
            }
        }
        assert!(
            undated_seen > 0,
            "the presets have undated obligations to order"
        );
    }
}
