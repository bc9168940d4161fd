//! What officials take away, one module per format: [`json`] (the comparison, the calendar, a
//! termination outcome), [`csv`] for Swedish Excel, [`html`] pages to print, and [`ics`]
//! calendars (RFC 5545). Aligned text tables are the command line's, and live there.
//!
//! Every export treats text from a file as inert data: CSV cells that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`;
//! iCalendar text is escaped per RFC 5545; HTML is escaped.

pub mod csv;
pub mod html;
pub mod ics;
pub mod json;

pub use csv::{
    comparison_csv, csv_cell, payment_rows, payments_csv, text_date, text_opt_date, PAYMENT_COLUMNS,
};
pub use html::comparison_html;
pub use ics::{calendar_ics, REMINDER_DAYS};
pub use json::{calendar_json, comparison_json, termination_json};

use crate::known::Known;
use rust_decimal::{Decimal, RoundingStrategy};

/// Kronor per inhabitant rounded to the öre (half away from zero) with two decimals, as every
/// export shows it.
pub fn per_inhabitant_ore(v: Known<Decimal>) -> Known<Decimal> {
    v.map(|d| {
        let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        r.rescale(2);
        r
    })
}
