//! Text for the page: Swedish formats of what `iop-core` computes, and "okänt" for unknowns.

use chrono::NaiveDate;
use iop_core::money::format_decimal_sv;
use iop_core::{Known, Sek};
use rust_decimal::Decimal;

/// The word for an unknown value.
pub const UNKNOWN: &str = "okänt";

/// `1 000 000 kr`, or `okänt`.
pub fn known_money(v: Known<Sek>) -> String {
    v.map_or_else_text(|s| s.to_string())
}

/// `13,75 kr`, or `okänt`.
pub fn known_per_inhabitant(v: Known<Decimal>) -> String {
    v.map_or_else_text(|d| format!("{} kr", format_decimal_sv(d, Some(2))))
}

/// ISO dates are the Swedish standard format (`2025-01-01`).
pub fn known_date(v: Known<NaiveDate>) -> String {
    v.map_or_else_text(|d| d.to_string())
}

/// `2025-01-01 – 2027-12-31`, with unknown ends shown as unknown and open ends as "tills vidare".
pub fn period(start: Known<NaiveDate>, end: Known<Option<NaiveDate>>) -> String {
    let end = match end {
        Known::Known(Some(d)) => known_date(Known::Known(d)),
        Known::Known(None) => "tills vidare".into(),
        Known::Unknown => UNKNOWN.into(),
    };
    format!("{} – {}", known_date(start), end)
}

trait KnownText<T> {
    fn map_or_else_text(self, f: impl FnOnce(T) -> String) -> String;
}

impl<T> KnownText<T> for Known<T> {
    fn map_or_else_text(self, f: impl FnOnce(T) -> String) -> String {
        match self {
            Known::Known(v) => f(v),
            Known::Unknown => UNKNOWN.into(),
        }
    }
}
