//! Calendar arithmetic, with the month-end rule stated once.
//!
//! **Month-end rule**: adding months keeps the day of the month, and when the target month is
//! shorter, lands on its last day: 2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months =
//! 2025-02-28. A period of N years starting on S ends the day before S + N years. Every function
//! returns `None` instead of panicking when a date would leave chrono's range.

use chrono::{Datelike, Days, Months, NaiveDate};

/// The Swedish months' names, January first: what the reader knows and the comparison writes.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// `date` plus `months`, clamped to the target month's last day.
///
/// ```
/// use chrono::NaiveDate;
/// use iop_core::dates::add_months;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
/// assert_eq!(add_months(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
/// ```
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// `date` minus `months`, with the same month-end rule.
pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// `date` plus `years` (as 12 × years months).
pub fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    add_months(date, years.checked_mul(12)?)
}

/// `date` plus `days`.
pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

/// The day before `date`.
pub fn day_before(date: NaiveDate) -> Option<NaiveDate> {
    date.pred_opt()
}

/// The last day of a period of `years` years starting on `start`.
///
/// ```
/// use chrono::NaiveDate;
/// use iop_core::dates::period_end;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(period_end(d(2023, 7, 1), 2), Some(d(2025, 6, 30)));
/// ```
pub fn period_end(start: NaiveDate, years: u32) -> Option<NaiveDate> {
    day_before(add_years(start, years)?)
}

/// The first and last day of quarter `q` (1–4) of `year`.
pub fn quarter(year: i32, q: u8) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, u32::from(q) * 3 - 2, 1)?;
    Some((first, period_end_months(first, 3)?))
}

fn period_end_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    day_before(add_months(start, months)?)
}

/// Whole months from `start` to `end_inclusive + 1 day` when that is a whole number of months
/// (2025-01-01 – 2027-12-31 is 36), otherwise the whole months it covers, rounded down.
pub fn whole_months(start: NaiveDate, end_inclusive: NaiveDate) -> Option<u32> {
    let after = end_inclusive.succ_opt()?;
    if after <= start {
        return Some(0);
    }
    let mut months =
        (after.year() - start.year()) * 12 + after.month() as i32 - start.month() as i32;
    if after.day() < start.day() && add_months(start, u32::try_from(months).ok()?)? > after {
        months -= 1;
    }
    u32::try_from(months).ok()
}

/// Days from `a` to `b` inclusive of both (0 when `b` is before `a`).
pub fn days_inclusive(a: NaiveDate, b: NaiveDate) -> i64 {
    ((b - a).num_days() + 1).max(0)
}

/// The last day of the month of `date`.
pub fn period_end_of_month(date: NaiveDate) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?;
    day_before(add_months(first, 1)?)
}

/// Reads a date exactly as the file format writes it and its schema allows: `YYYY-MM-DD`, four
/// digits of year, two of month and day, nothing around it (`"2025-1-1"`, `" 2025-01-01"` and
/// `"+2025-01-01"` are not dates of the format), and a day that exists.
///
/// ```
/// use iop_core::dates::parse_iso;
/// assert_eq!(parse_iso("2025-02-28"), chrono::NaiveDate::from_ymd_opt(2025, 2, 28));
/// assert_eq!(parse_iso("2025-1-1"), None);
/// assert_eq!(parse_iso("2025-02-30"), None);
/// ```
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(5..7)?, n(8..10)?)
}

/// A text that is not a date of the file format.
#[derive(Debug)]
struct NotIsoDate(String);

impl crate::explain::Bilingual for NotIsoDate {
    fn sv(&self) -> String {
        format!(
            "\"{}\" är inte ett datum på formen ÅÅÅÅ-MM-DD som finns",
            self.0
        )
    }
    fn en(&self) -> String {
        format!(
            "\"{}\" is not an existing date of the form YYYY-MM-DD",
            self.0
        )
    }
}

/// Serde for the format's dates, strictly by [`parse_iso`]: `#[serde(deserialize_with)]` on a
/// `NaiveDate`, an `Option<NaiveDate>` (`null` or absent is `None`) or a `Known<NaiveDate>`
/// (`null` is unknown).
pub mod iso {
    use super::{parse_iso, NotIsoDate};
    use crate::known::Known;
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer};

    /// A date.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        let shown: String = text.chars().take(40).collect();
        parse_iso(&text)
            .ok_or_else(|| D::Error::custom(crate::explain::to_serde(&NotIsoDate(shown))))
    }

    /// A date or `None`.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(deserialize_with = "date")] NaiveDate);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }

    /// A date or unknown.
    pub fn known<'de, D: Deserializer<'de>>(d: D) -> Result<Known<NaiveDate>, D::Error> {
        option(d).map(Known::from)
    }
}

/// Serde for the scenario's timestamps (`created`, `modified`), which the model keeps as a naive
/// date and time in UTC ([`NaiveDateTime`](chrono::NaiveDateTime)).
///
/// Read (format 1.3): a date and time without a zone, as every version wrote it
/// (`2026-11-22T09:00:00`, `2026-11-22T09:00:00.123456789`), taken to be UTC as before; or
/// RFC 3339 with `Z` or an offset (`2026-11-22T09:00:00Z`, `2026-11-22T10:00:00+01:00`),
/// converted to the same naive UTC value (both of those read as `2026-11-22T09:00:00`). The
/// offset is not kept: a file written back has the UTC time without a zone, as files always had,
/// so earlier versions of the tool still read it.
///
/// ```
/// use iop_core::dates::timestamp::parse;
/// let utc = parse("2026-11-22T09:00:00").unwrap();
/// assert_eq!(parse("2026-11-22T09:00:00Z").unwrap(), utc);
/// assert_eq!(parse("2026-11-22T10:00:00+01:00").unwrap(), utc);
/// assert!(parse("2026-11-22").is_err() && parse("2026-11-22T09:00:00+25:00").is_err());
/// ```
pub mod timestamp {
    use chrono::format::ParseErrorKind;
    use chrono::{DateTime, NaiveDateTime};
    use serde::{de::Error, Deserialize, Deserializer};

    /// A timestamp as the format reads it; the error is chrono's (the reader words it in Swedish
    /// and English): for text that is a naive date and time with more after it, the error of
    /// reading it as RFC 3339.
    pub fn parse(text: &str) -> Result<NaiveDateTime, chrono::ParseError> {
        match text.parse::<NaiveDateTime>() {
            Ok(t) => Ok(t),
            Err(naive) => match DateTime::parse_from_rfc3339(text) {
                Ok(t) => Ok(t.naive_utc()),
                Err(zoned) if naive.kind() == ParseErrorKind::TooLong => Err(zoned),
                Err(_) => Err(naive),
            },
        }
    }

    /// `#[serde(deserialize_with)]` for a timestamp.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text).map_err(D::Error::custom)
    }

    /// The schema: a string, a date and time without a zone (UTC) or RFC 3339.
    pub fn schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "anyOf": [{ "format": "date-time" }, { "format": "partial-date-time" }],
            "description": "A date and time in UTC without a zone (2026-11-22T09:00:00), as the tool writes it, or RFC 3339 with Z or an offset (2026-11-22T10:00:00+01:00), read as the same UTC time (format 1.3).",
            "examples": ["2026-11-22T09:00:00", "2026-11-22T09:00:00Z", "2026-11-22T10:00:00+01:00"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_end_clamps_to_the_shorter_month() {
        assert_eq!(add_months(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2025, 3, 31), 1), Some(d(2025, 4, 30)));
        assert_eq!(add_years(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
        assert_eq!(sub_months(d(2025, 3, 31), 1), Some(d(2025, 2, 28)));
    }

    #[test]
    fn periods_end_the_day_before_the_anniversary() {
        assert_eq!(period_end(d(2025, 1, 1), 3), Some(d(2027, 12, 31)));
        assert_eq!(period_end(d(2021, 7, 1), 2), Some(d(2023, 6, 30)));
        assert_eq!(period_end(d(2024, 2, 29), 1), Some(d(2025, 2, 27)));
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter(2025, 1), Some((d(2025, 1, 1), d(2025, 3, 31))));
        assert_eq!(quarter(2024, 4), Some((d(2024, 10, 1), d(2024, 12, 31))));
        assert_eq!(quarter(2024, 5), None);
    }

    #[test]
    fn whole_months_of_a_term() {
        assert_eq!(whole_months(d(2025, 1, 1), d(2027, 12, 31)), Some(36));
        assert_eq!(whole_months(d(2021, 7, 1), d(2023, 6, 30)), Some(24));
        assert_eq!(whole_months(d(2025, 1, 15), d(2025, 2, 13)), Some(0));
        assert_eq!(whole_months(d(2025, 1, 15), d(2025, 2, 14)), Some(1));
    }

    #[test]
    fn no_panic_at_the_edge_of_the_calendar() {
        assert_eq!(add_years(NaiveDate::MAX, 1), None);
        assert_eq!(add_years(d(2025, 1, 1), u32::MAX), None);
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
    }
}
