//! Money: Swedish kronor as exact decimals, to the öre.
//!
//! An amount is a [`rust_decimal::Decimal`] with at most two decimals (öre), never a float.
//! Every computation that can produce finer fractions (a share, a pro-rata part, an index)
//! rounds back to the öre with [`round_ore`], whose rounding is named: half away from zero, the
//! way a Swedish invoice rounds.

use rust_decimal::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The largest amount the model accepts: one thousand billion kronor. Keeps every
/// multiplication of money by a share or an index far from overflow.
pub const MAX_SEK: Decimal = Decimal::from_parts(276_447_232, 23_283, 0, false, 0); // 10^14

/// An amount of Swedish kronor, exact to the öre (*belopp i kronor*).
///
/// ```
/// use iop_core::Sek;
/// let a = Sek::parse("1000000").unwrap();
/// assert_eq!(a.to_string(), "1 000 000 kr");
/// assert_eq!(Sek::parse("13.75").unwrap().to_string(), "13,75 kr");
/// assert!(Sek::parse("0.001").is_err()); // finer than an öre
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Sek(Decimal);

/// Why a text or number is not an amount of kronor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a decimal number.
    NotANumber(String),
    /// More than two decimals: finer than an öre.
    FinerThanOre(String),
    /// Beyond ±10^14 kr.
    TooLarge(String),
    /// In a file: not written as the format writes amounts (`" 100"`, `"+100"`, `"1.500"`).
    NotPlain(String),
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::NotANumber(s) => {
                write!(
                    f,
                    "{s:?} is not a decimal number of kronor (write e.g. \"1000000.00\")"
                )
            }
            MoneyError::FinerThanOre(s) => {
                write!(
                    f,
                    "{s:?} has more than two decimals: an öre is the smallest unit"
                )
            }
            MoneyError::TooLarge(s) => write!(f, "{s:?} is larger than 10^14 kr"),
            MoneyError::NotPlain(s) => write!(
                f,
                "{s:?} is not an amount as the file format writes it: digits, an optional minus and point, at most two decimals (\"1000000.00\")"
            ),
        }
    }
}

impl std::error::Error for MoneyError {}

impl crate::explain::Bilingual for MoneyError {
    fn sv(&self) -> String {
        match self {
            MoneyError::NotANumber(s) => {
                format!("\"{s}\" är inte ett belopp i kronor (skriv t.ex. 1 000 000 eller 13,75)")
            }
            MoneyError::FinerThanOre(s) => {
                format!("\"{s}\" har fler än två decimaler: ett öre är den minsta enheten")
            }
            MoneyError::TooLarge(s) => format!("\"{s}\" är större än 10^14 kr"),
            MoneyError::NotPlain(s) => format!(
                "\"{s}\" är inte ett belopp som filformatet skriver det: siffror, ev. minus och punkt, högst två decimaler (\"1000000.00\")"
            ),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

/// A computed amount that does not fit: beyond ±10^14 kr (a sum over centuries, an index
/// compounded past any budget). Not the same as an amount the source does not state, and never
/// shown as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl Overflow {
    /// How a figure too large to hold is shown in place of a value, in Swedish.
    pub const SHOWN_SV: &'static str = "för stort (över 10^14 kr)";
    /// The same in English.
    pub const SHOWN_EN: &'static str = "too large (over SEK 10^14)";
}

impl crate::explain::Bilingual for Overflow {
    fn sv(&self) -> String {
        "beloppet blir större än 10^14 kr och kan inte räknas exakt".into()
    }

    fn en(&self) -> String {
        "the amount exceeds 10^14 kr and cannot be computed exactly".into()
    }
}

/// Rounds to the öre, half away from zero (`0.005` → `0.01`).
pub fn round_ore(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

impl Sek {
    /// Zero kronor.
    pub const ZERO: Sek = Sek(Decimal::ZERO);

    /// Whole kronor.
    pub fn kronor(kr: i64) -> Sek {
        Sek(Decimal::from(kr))
    }

    /// An exact decimal; an error when finer than an öre or beyond ±10^14 kr.
    pub fn new(value: Decimal) -> Result<Sek, MoneyError> {
        if value.abs() > MAX_SEK {
            return Err(MoneyError::TooLarge(value.to_string()));
        }
        if value.normalize().scale() > 2 {
            return Err(MoneyError::FinerThanOre(value.to_string()));
        }
        Ok(Sek(value))
    }

    /// Rounds any decimal to the öre with [`round_ore`]; `None` beyond ±10^14 kr.
    pub fn rounded(value: Decimal) -> Option<Sek> {
        Sek::new(round_ore(value)).ok()
    }

    /// Parses a decimal string with a point (`"1000000.00"`, `"13.75"`).
    pub fn parse(text: &str) -> Result<Sek, MoneyError> {
        let value = Decimal::from_str_exact(text.trim())
            .map_err(|_| MoneyError::NotANumber(text.to_string()))?;
        Sek::new(value)
    }

    /// Parses what a person types: spaces between thousands, a decimal comma or point, an
    /// optional `kr` (`"1 000 000"`, `"13,75 kr"`, `"50000.5"`).
    ///
    /// ```
    /// use iop_core::Sek;
    /// assert_eq!(Sek::parse_user("1 000 000 kr").unwrap(), Sek::kronor(1_000_000));
    /// assert_eq!(Sek::parse_user("13,75").unwrap(), Sek::parse("13.75").unwrap());
    /// assert!(Sek::parse_user("tolv").is_err());
    /// ```
    pub fn parse_user(text: &str) -> Result<Sek, MoneyError> {
        let t = text.trim();
        let t = t.strip_suffix("kr").unwrap_or(t);
        let cleaned: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
            .map(|c| {
                if c == ',' {
                    '.'
                } else if c == '−' {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        if cleaned.is_empty() {
            return Err(MoneyError::NotANumber(text.chars().take(40).collect()));
        }
        Sek::parse(&cleaned).map_err(|e| match e {
            MoneyError::NotANumber(_) => MoneyError::NotANumber(text.chars().take(40).collect()),
            other => other,
        })
    }

    /// The exact decimal value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The amount in öre.
    pub fn ore(self) -> i128 {
        (self.0 * Decimal::ONE_HUNDRED).to_i128().unwrap_or(0)
    }

    /// An amount from öre; `None` beyond ±10^14 kr.
    pub fn from_ore(ore: i128) -> Option<Sek> {
        let value = Decimal::from_i128_with_scale(ore, 2);
        Sek::new(value).ok()
    }

    /// Sum; `None` if it would leave the accepted range.
    pub fn checked_add(self, other: Sek) -> Option<Sek> {
        Sek::new(self.0.checked_add(other.0)?).ok()
    }

    /// Difference; `None` if it would leave the accepted range.
    pub fn checked_sub(self, other: Sek) -> Option<Sek> {
        Sek::new(self.0.checked_sub(other.0)?).ok()
    }

    /// Whether the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// The amount with two decimals and a point, as scenario files write it (`"1000000.00"`).
    pub fn to_plain(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        d.to_string()
    }
}

/// Formats a decimal the English way: commas between thousands, a decimal point, `decimals`
/// places as [`format_decimal_sv`] rounds them, and a hyphen-minus.
///
/// ```
/// use iop_core::money::format_decimal_en;
/// use rust_decimal::Decimal;
/// assert_eq!(format_decimal_en(Decimal::new(100000050, 2), None), "1,000,000.50");
/// assert_eq!(format_decimal_en(Decimal::new(-137544, 4), Some(2)), "-13.75");
/// ```
pub fn format_decimal_en(value: Decimal, decimals: Option<u32>) -> String {
    let sv = format_decimal_sv(value, decimals).replace('−', "-");
    match sv.split_once(',') {
        Some((int, frac)) => format!("{}.{frac}", int.replace(' ', ",")),
        None => sv.replace(' ', ","),
    }
}

/// Formats a decimal the Swedish way: spaces between thousands, a decimal comma, `decimals`
/// places (rounded half away from zero), or none when `decimals` is `None` and the value is whole.
///
/// ```
/// use iop_core::money::format_decimal_sv;
/// use rust_decimal::Decimal;
/// assert_eq!(format_decimal_sv(Decimal::new(100000000, 2), None), "1 000 000");
/// assert_eq!(format_decimal_sv(Decimal::new(137544, 4), Some(2)), "13,75");
/// ```
pub fn format_decimal_sv(value: Decimal, decimals: Option<u32>) -> String {
    let places = match decimals {
        Some(p) => p,
        None if value.fract().is_zero() => 0,
        None => 2,
    };
    let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(places);
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "−"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

impl fmt::Display for Sek {
    /// `1 000 000 kr`; öre shown only when there are any (`13,75 kr`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} kr", format_decimal_sv(self.0, None))
    }
}

impl Serialize for Sek {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain())
    }
}

/// Whether `text` is an amount as the file format writes it, exactly as the schema's pattern
/// `^-?([0-9]{1,14}(\.[0-9]{1,2})?|100000000000000(\.0{1,2})?)$` says: no sign but a minus,
/// no space, no exponent, at most two decimals, at most 10^14. The reader and the schema share
/// this one definition (a test checks them against each other).
///
/// ```
/// use iop_core::money::is_plain;
/// assert!(is_plain("1000000.00") && is_plain("-5") && is_plain("100000000000000.00"));
/// assert!(!is_plain(" 100") && !is_plain("+100") && !is_plain("999999999999999.99"));
/// ```
pub fn is_plain(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.is_none_or(|f| digits(f) && f.len() <= 2);
    let max = int == "100000000000000" && frac.is_none_or(|f| f.bytes().all(|b| b == b'0'));
    digits(int) && frac_ok && (int.len() <= 14 || max)
}

/// Digits, an optional minus and decimals, but more digits before the point than 10^14 has.
fn too_many_digits(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac) && int.trim_start_matches('0').len() > 15
}

/// A schema pattern, for the schema: the same rule as [`is_plain`].
pub const PLAIN_PATTERN: &str = r"^-?([0-9]{1,14}(\.[0-9]{1,2})?|100000000000000(\.0{1,2})?)$";

impl<'de> Deserialize<'de> for Sek {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let shown: String = text.chars().take(40).collect();
        let plain = is_plain(&text);
        match Sek::parse(&text) {
            Ok(v) if plain => Ok(v),
            // The precise reason where there is one (too many decimals, too large).
            Err(e @ (MoneyError::FinerThanOre(_) | MoneyError::TooLarge(_))) => {
                Err(serde::de::Error::custom(crate::explain::to_serde(&e)))
            }
            // Digits beyond what a decimal holds: too large, not a malformed number.
            Err(MoneyError::NotANumber(_)) if too_many_digits(&text) => Err(
                serde::de::Error::custom(crate::explain::to_serde(&MoneyError::TooLarge(shown))),
            ),
            _ => Err(serde::de::Error::custom(crate::explain::to_serde(
                &MoneyError::NotPlain(shown),
            ))),
        }
    }
}

impl crate::known::Known<Sek> {
    /// `self + other`, unknown when either is (or when the sum leaves the accepted range): the
    /// one unknown-aware sum of kronor, [`crate::known::sum_known`] of two.
    ///
    /// ```
    /// use iop_core::{Known, Sek};
    /// let a = Known::Known(Sek::kronor(2));
    /// assert_eq!(a.plus(Known::Known(Sek::kronor(3))), Known::Known(Sek::kronor(5)));
    /// assert_eq!(a.plus(Known::Unknown), Known::Unknown);
    /// ```
    pub fn plus(self, other: crate::known::Known<Sek>) -> crate::known::Known<Sek> {
        crate::known::sum_known([self, other], Sek::ZERO, Sek::checked_add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_swedish_way() {
        assert_eq!(Sek::kronor(1_000_000).to_string(), "1 000 000 kr");
        assert_eq!(Sek::kronor(650_000).to_string(), "650 000 kr");
        assert_eq!(Sek::kronor(0).to_string(), "0 kr");
        assert_eq!(Sek::parse("13.75").unwrap().to_string(), "13,75 kr");
        assert_eq!(Sek::parse("1234.5").unwrap().to_string(), "1 234,50 kr");
        assert_eq!(Sek::parse("-500").unwrap().to_string(), "−500 kr");
        assert_eq!(Sek::kronor(100).to_string(), "100 kr");
    }

    #[test]
    fn rejects_what_is_not_money() {
        assert!(matches!(Sek::parse("abc"), Err(MoneyError::NotANumber(_))));
        assert!(matches!(
            Sek::parse("1.005"),
            Err(MoneyError::FinerThanOre(_))
        ));
        assert!(matches!(Sek::parse("1e20"), Err(MoneyError::NotANumber(_))));
        assert!(matches!(
            Sek::parse("100000000000001"),
            Err(MoneyError::TooLarge(_))
        ));
        assert_eq!(Sek::parse("1.500").unwrap(), Sek::parse("1.5").unwrap());
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_ore(Decimal::new(5, 3)), Decimal::new(1, 2));
        assert_eq!(round_ore(Decimal::new(-5, 3)), Decimal::new(-1, 2));
        assert_eq!(round_ore(Decimal::new(137544, 4)), Decimal::new(1375, 2));
    }

    #[test]
    fn plain_form_has_two_decimals() {
        assert_eq!(Sek::kronor(1_000_000).to_plain(), "1000000.00");
        assert_eq!(Sek::from_ore(1375).unwrap().to_plain(), "13.75");
        assert_eq!(MAX_SEK, Decimal::from(100_000_000_000_000i64));
    }
}
