//! The window of dates a listing covers (payments, the calendar), so that its length follows
//! what is asked, never the length of the term: an agreement from 1900 to 2099 paid quarterly
//! among a thousand payers lists a few thousand rows for two years, not eight hundred thousand.
//!
//! The default window ([`Window::around`]) is the period running on a date and the next one, at
//! most [`DEFAULT_YEARS`] years; a listing says what of the term lies outside it ([`Outside`]).

use crate::agreement::Agreement;
use crate::amounts::{agreement_year_containing, anchor};
use crate::dates;
use crate::known::Known;
use chrono::NaiveDate;

/// The longest default window, in years.
pub const DEFAULT_YEARS: u32 = 5;

/// The dates a listing covers, both inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Window {
    /// The window `from..=to`; `None` when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Window> {
        (from <= to).then_some(Window { from, to })
    }

    /// Whether `date` is in the window.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// The default window for `agreement` on `at`: from the start of the period running on
    /// `at` (the first before the start, the last after the end) to the end of the period after
    /// it, or of that period when none follows. A window longer than [`DEFAULT_YEARS`] years
    /// (a period of decades) is cut to the agreement year containing `at` and the one after.
    /// `None` when the term has no dated period.
    ///
    /// ```
    /// use iop_core::{presets, window::Window};
    /// let k = presets::kalmar_2025_2027();
    /// let w = Window::around(&k, presets::date(2026, 5, 1)).unwrap();
    /// assert_eq!((w.from, w.to), (presets::date(2025, 1, 1), presets::date(2027, 12, 31)));
    /// ```
    pub fn around(agreement: &Agreement, at: NaiveDate) -> Option<Window> {
        let term = &agreement.term;
        let period = term.period_for(at)?;
        let start = match period.start {
            Known::Known(s) => s,
            Known::Unknown => dates::sub_months(period.end, 12)?.succ_opt()?,
        };
        let end = term.next_period(period).map_or(period.end, |n| n.end);
        let longest = dates::add_years(start, DEFAULT_YEARS)?;
        if end < longest {
            return Window::new(start, end);
        }
        let anchor = anchor(agreement)?;
        let on = at.clamp(start, period.end);
        let (year_start, _) = agreement_year_containing(anchor, on)?;
        let from = year_start.max(start);
        let to = dates::add_years(year_start, 2)
            .and_then(dates::day_before)?
            .min(end);
        Window::new(from, to)
    }
}

/// Which window a listing of several agreements covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// Each agreement's default window on this date ([`Window::around`]).
    Around(NaiveDate),
    /// The same window for every agreement.
    Between(Window),
}

impl Span {
    /// The note for a listing of several agreements of which `outside` have dates outside their
    /// window, in Swedish and English; `None` when none has.
    ///
    /// ```
    /// use iop_core::window::Span;
    /// let n = Span::Around(iop_core::presets::date(2026, 1, 1)).note(2).unwrap();
    /// assert!(n.en.contains("2 agreements have more payments outside"));
    /// assert!(Span::Around(iop_core::presets::date(2026, 1, 1)).note(0).is_none());
    /// ```
    pub fn note(self, outside: usize) -> Option<crate::Explanation> {
        if outside == 0 {
            return None;
        }
        Some(match self {
            Span::Around(at) => crate::Explanation::new(
                format!("Visar för varje avtal perioden som löper {at} och nästa (högst {DEFAULT_YEARS} år); {outside} avtal har fler betalningar utanför. Välj datum med --from och --to."),
                format!("Showing for each agreement the period running on {at} and the next (at most {DEFAULT_YEARS} years); {outside} agreements have more payments outside. Choose dates with --from and --to."),
            ),
            Span::Between(w) => crate::Explanation::new(
                format!("Visar {} – {}; {outside} avtal har fler betalningar utanför.", w.from, w.to),
                format!("Showing {} – {}; {outside} agreements have more payments outside.", w.from, w.to),
            ),
        })
    }

    /// The window for `agreement`; `None` when it has no dated period.
    pub fn window_for(self, agreement: &Agreement) -> Option<Window> {
        match self {
            Span::Around(at) => Window::around(agreement, at),
            Span::Between(w) => Some(w),
        }
    }
}

/// What of an agreement's term lies outside a window: the listing says so, and how to see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outside {
    /// The term has days before the window (or its start is unknown).
    pub earlier: bool,
    /// The term has days after the window (or runs until further notice).
    pub later: bool,
}

impl Outside {
    /// What of `agreement`'s term lies outside `window`.
    ///
    /// ```
    /// use iop_core::{presets, window::{Outside, Window}};
    /// let v = presets::vallentuna(); // extended two years at a time until further notice
    /// let w = Window::around(&v, presets::date(2026, 1, 1)).unwrap();
    /// assert_eq!(Outside::of(&v, w), Outside { earlier: true, later: true });
    /// ```
    pub fn of(agreement: &Agreement, window: Window) -> Outside {
        let term = &agreement.term;
        let earlier = match term.start {
            Known::Known(s) => s < window.from,
            Known::Unknown => true,
        };
        let later = match term.period_for(window.to) {
            Some(p) => p.end > window.to || term.next_period(p).is_some(),
            None => true,
        };
        Outside { earlier, later }
    }

    /// The note for a listing, in Swedish and English; `None` when nothing lies outside.
    pub fn note(self, window: Window) -> Option<crate::Explanation> {
        let (sv, en) = match (self.earlier, self.later) {
            (false, false) => return None,
            (true, false) => ("tidigare datum", "earlier dates"),
            (false, true) => ("senare datum", "later dates"),
            (true, true) => ("tidigare och senare datum", "earlier and later dates"),
        };
        Some(crate::Explanation::new(
            format!(
                "Visar {} – {}; avtalet har också {sv}, som inte visas.",
                window.from, window.to
            ),
            format!(
                "Showing {} – {}; the agreement also has {en}, not shown.",
                window.from, window.to
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{self, date};
    use crate::term::TermEnd;

    #[test]
    fn a_term_of_decades_gets_a_window_of_two_agreement_years() {
        let mut k = presets::kalmar_2025_2027();
        k.term.start = Known::Known(date(1950, 1, 1));
        k.term.end = TermEnd::On(date(2049, 12, 31));
        let w = Window::around(&k, date(2026, 12, 1)).unwrap();
        assert_eq!((w.from, w.to), (date(2026, 1, 1), date(2027, 12, 31)));
        assert_eq!(
            Outside::of(&k, w),
            Outside {
                earlier: true,
                later: true
            }
        );
        let before = Window::around(&k, date(1900, 1, 1)).unwrap();
        assert_eq!(
            (before.from, before.to),
            (date(1950, 1, 1), date(1951, 12, 31))
        );
    }

    #[test]
    fn a_short_term_is_shown_whole_with_nothing_outside() {
        let k = presets::kalmar_2025_2027();
        let w = Window::around(&k, date(2030, 1, 1)).unwrap();
        assert_eq!((w.from, w.to), (date(2025, 1, 1), date(2027, 12, 31)));
        assert_eq!(Outside::of(&k, w).note(w), None);
    }
}
