//! The split of money between payers (*fördelning mellan betalande nämnder eller kommuner*).
//!
//! Models "1 000 000 kronor per år som delas lika mellan kommunledningskontoret och
//! socialförvaltningen": each payer carries either a [`Share`] of the whole or a fixed amount.
//! [`allocate`] divides an amount so that the parts always sum to the whole, exactly, to the öre.

use crate::money::Sek;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A share of the whole as an exact fraction `numerator/denominator`, never more than the whole.
///
/// ```
/// use iop_core::Share;
/// let half = Share::parse("1/2").unwrap();
/// assert_eq!(half, Share::parse("50%").unwrap());
/// assert_eq!(half.percent_sv(), "50 %");
/// assert!(Share::parse("3/2").is_err()); // more than the whole
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Share {
    num: u64,
    den: u64,
}

/// The largest denominator a share may have.
pub const MAX_DENOMINATOR: u64 = 1_000_000;

/// Why a text is not a share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not `n/d` or `p%`.
    Format(String),
    /// More than the whole (over 100 %).
    MoreThanWhole(String),
    /// Zero or negative.
    NotPositive(String),
    /// A denominator over one million.
    TooFine(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Format(s) => write!(f, "{s:?} is not a share: write \"1/2\" or \"50%\""),
            ShareError::MoreThanWhole(s) => write!(f, "{s:?} is more than the whole (100 %)"),
            ShareError::NotPositive(s) => write!(f, "{s:?} is not a positive share"),
            ShareError::TooFine(s) => {
                write!(f, "{s:?} is finer than one millionth of the whole")
            }
        }
    }
}

impl std::error::Error for ShareError {}

impl crate::explain::Bilingual for ShareError {
    fn sv(&self) -> String {
        match self {
            ShareError::Format(s) => {
                format!("\"{s}\" är inte en andel: skriv \"1/2\" eller \"50 %\"")
            }
            ShareError::MoreThanWhole(s) => format!("\"{s}\" är mer än helheten (100 %)"),
            ShareError::NotPositive(s) => format!("\"{s}\" är ingen positiv andel"),
            ShareError::TooFine(s) => format!("\"{s}\" är finare än en miljondel av helheten"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Share {
    /// The whole (100 %).
    pub const WHOLE: Share = Share { num: 1, den: 1 };

    /// `num/den`, reduced; an error when not in (0, 1] or the denominator is over a million.
    pub fn new(num: u64, den: u64) -> Result<Share, ShareError> {
        let text = format!("{num}/{den}");
        if num == 0 || den == 0 {
            return Err(ShareError::NotPositive(text));
        }
        if num > den {
            return Err(ShareError::MoreThanWhole(text));
        }
        let g = u64::try_from(gcd(u128::from(num), u128::from(den))).unwrap_or(1);
        let (num, den) = (num / g, den / g);
        if den > MAX_DENOMINATOR {
            return Err(ShareError::TooFine(text));
        }
        Ok(Share { num, den })
    }

    /// Parses `"1/2"`, `"50%"` or `"33.5%"`.
    pub fn parse(text: &str) -> Result<Share, ShareError> {
        let t = text.trim();
        let short = || t.chars().take(40).collect::<String>();
        if let Some(p) = t.strip_suffix('%') {
            let p = p.trim().replace(',', ".");
            let d = rust_decimal::Decimal::from_str_exact(&p)
                .map_err(|_| ShareError::Format(short()))?;
            if d.is_sign_negative() || d.is_zero() {
                return Err(ShareError::NotPositive(short()));
            }
            if d > rust_decimal::Decimal::ONE_HUNDRED {
                return Err(ShareError::MoreThanWhole(short()));
            }
            let d = d.normalize();
            let scale = d.scale();
            if scale > 4 {
                return Err(ShareError::TooFine(short()));
            }
            let num = u64::try_from(d.mantissa()).map_err(|_| ShareError::Format(short()))?;
            let den = 100 * 10u64.pow(scale);
            return Share::new(num, den).map_err(|_| ShareError::Format(short()));
        }
        let (n, d) = t
            .split_once('/')
            .ok_or_else(|| ShareError::Format(short()))?;
        let parse = |s: &str| {
            let s = s.trim();
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ShareError::Format(short()));
            }
            s.parse::<u64>().map_err(|_| ShareError::TooFine(short()))
        };
        Share::new(parse(n)?, parse(d)?).map_err(|e| match e {
            ShareError::MoreThanWhole(_) => ShareError::MoreThanWhole(short()),
            ShareError::NotPositive(_) => ShareError::NotPositive(short()),
            _ => ShareError::TooFine(short()),
        })
    }

    /// Parses what a person types: [`Share::parse`] with a decimal comma allowed in a percent
    /// and spaces anywhere (`"33,5 %"`, `" 1 / 3 "`).
    ///
    /// ```
    /// use iop_core::Share;
    /// assert_eq!(Share::parse_user("12,5 %").unwrap(), Share::new(1, 8).unwrap());
    /// assert_eq!(Share::parse_user(" 1 / 2 ").unwrap(), Share::parse("1/2").unwrap());
    /// ```
    pub fn parse_user(text: &str) -> Result<Share, ShareError> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        Share::parse(&cleaned).map_err(|e| match e {
            ShareError::Format(_) => ShareError::Format(text.trim().chars().take(40).collect()),
            other => other,
        })
    }

    /// Numerator (reduced).
    pub fn numerator(&self) -> u64 {
        self.num
    }

    /// Denominator (reduced).
    pub fn denominator(&self) -> u64 {
        self.den
    }

    /// As a percentage with up to two decimals, Swedish style: `50 %`, `33,33 %`.
    pub fn percent_sv(&self) -> String {
        let p = rust_decimal::Decimal::from(self.num) * rust_decimal::Decimal::ONE_HUNDRED
            / rust_decimal::Decimal::from(self.den);
        format!(
            "{} %",
            crate::money::format_decimal_sv(
                p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize(),
                None
            )
        )
    }
}

/// Whether shares make exactly one whole.
///
/// ```
/// use iop_core::{split::sums_to_whole, Share};
/// let third = Share::parse("1/3").unwrap();
/// assert!(sums_to_whole(&[third, third, third]));
/// assert!(!sums_to_whole(&[third, third]));
/// ```
pub fn sums_to_whole(shares: &[Share]) -> bool {
    // Exact rational sum, reduced at each step; denominators stay ≤ lcm of ≤ 10^6 values, so
    // u128 with checks suffices; overflow means "not a whole we can represent".
    let mut num: u128 = 0;
    let mut den: u128 = 1;
    for s in shares {
        let (n2, d2) = (u128::from(s.num), u128::from(s.den));
        let g = gcd(den, d2);
        let Some(l) = (den / g).checked_mul(d2) else {
            return false;
        };
        let Some(a) = num.checked_mul(l / den) else {
            return false;
        };
        let Some(b) = n2.checked_mul(l / d2) else {
            return false;
        };
        let Some(sum) = a.checked_add(b) else {
            return false;
        };
        let g2 = gcd(sum, l).max(1);
        num = sum / g2;
        den = l / g2;
    }
    num == den
}

/// The greatest common divisor (Euclid); the one used for shares and their sums.
fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Divides `total` in proportion to `weights` so that the parts sum to `total` exactly, to the öre.
///
/// Rule (*största rest*, largest remainder): each part first gets its exact proportion rounded
/// down to the öre; the öre left over go one each to the parts with the largest cut-off
/// remainders, earlier parts first on a tie. A negative total is divided as its absolute value
/// and negated. With no weights, or all zero, there is nothing to divide into: `None`.
///
/// ```
/// use iop_core::{split::allocate_by_weights, Sek};
/// let parts = allocate_by_weights(Sek::kronor(100), &[1, 1, 1]).unwrap();
/// assert_eq!(parts, vec![Sek::from_ore(3334).unwrap(), Sek::from_ore(3333).unwrap(), Sek::from_ore(3333).unwrap()]);
/// ```
pub fn allocate_by_weights(total: Sek, weights: &[u128]) -> Option<Vec<Sek>> {
    let sum: u128 = weights
        .iter()
        .try_fold(0u128, |acc, &w| acc.checked_add(w))?;
    if sum == 0 {
        return None;
    }
    let t = total.ore();
    let negative = t < 0;
    let t = t.unsigned_abs();
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for &w in weights {
        // t ≤ 10^16 öre and w ≤ 2^64 in practice; checked for anything larger.
        let product = t.checked_mul(w)?;
        parts.push(product / sum);
        remainders.push(product % sum);
    }
    let given: u128 = parts.iter().sum();
    let mut left = t - given;
    let mut order: Vec<(usize, u128)> = remainders.into_iter().enumerate().collect();
    order.sort_by(|(a, ra), (b, rb)| rb.cmp(ra).then(a.cmp(b)));
    // Fewer öre are left than there are parts (each part lost less than one), so one round does.
    for (i, _) in order.iter().cycle() {
        if left == 0 {
            break;
        }
        if let Some(p) = parts.get_mut(*i) {
            *p += 1;
        }
        left -= 1;
    }
    parts
        .into_iter()
        .map(|p| {
            let p = i128::try_from(p).ok()?;
            Sek::from_ore(if negative { -p } else { p })
        })
        .collect()
}

/// Divides `total` by shares, exactly to the öre (largest remainder, see [`allocate_by_weights`]).
///
/// ```
/// use iop_core::{split::allocate, Sek, Share};
/// let half = Share::parse("1/2").unwrap();
/// assert_eq!(allocate(Sek::kronor(1_000_000), &[half, half]).unwrap(),
///            vec![Sek::kronor(500_000), Sek::kronor(500_000)]);
/// ```
pub fn allocate(total: Sek, shares: &[Share]) -> Option<Vec<Sek>> {
    // Common denominator: the lcm of all denominators, each ≤ 10^6.
    let mut l: u128 = 1;
    for s in shares {
        let d = u128::from(s.den);
        l = (l / gcd(l, d)).checked_mul(d)?;
        if l > u128::from(u64::MAX) {
            return None;
        }
    }
    let weights: Vec<u128> = shares
        .iter()
        .map(|s| u128::from(s.num) * (l / u128::from(s.den)))
        .collect();
    allocate_by_weights(total, &weights)
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Share::parse(&text).map_err(|e| serde::de::Error::custom(crate::explain::to_serde(&e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kalmar_split_is_half_each() {
        let half = Share::parse("1/2").unwrap();
        assert_eq!(
            allocate(Sek::kronor(1_000_000), &[half, half]).unwrap(),
            vec![Sek::kronor(500_000), Sek::kronor(500_000)]
        );
    }

    #[test]
    fn one_ore_over_three_parts() {
        let third = Share::parse("1/3").unwrap();
        let parts = allocate(Sek::from_ore(1).unwrap(), &[third, third, third]).unwrap();
        assert_eq!(
            parts.iter().map(|p| p.ore()).collect::<Vec<_>>(),
            vec![1, 0, 0]
        );
    }

    #[test]
    fn shares_parse_and_reject() {
        assert_eq!(Share::parse("2/4").unwrap(), Share::parse("1/2").unwrap());
        assert_eq!(Share::parse("12.5%").unwrap(), Share::new(1, 8).unwrap());
        assert!(matches!(
            Share::parse("0/2"),
            Err(ShareError::NotPositive(_))
        ));
        assert!(matches!(
            Share::parse("101%"),
            Err(ShareError::MoreThanWhole(_))
        ));
        assert!(matches!(Share::parse("-1/2"), Err(ShareError::Format(_))));
        assert!(matches!(Share::parse("half"), Err(ShareError::Format(_))));
        assert!(matches!(
            Share::parse("1/99999999999999999999999"),
            Err(ShareError::TooFine(_))
        ));
        assert_eq!(Share::parse("1/3").unwrap().percent_sv(), "33,33 %");
    }

    #[test]
    fn no_weights_nothing_to_divide() {
        assert_eq!(allocate_by_weights(Sek::kronor(5), &[]), None);
        assert_eq!(allocate_by_weights(Sek::kronor(5), &[0, 0]), None);
    }

    proptest! {
        #[test]
        fn parts_sum_to_the_whole_for_any_weights(
            ore in -10_000_000_000_000_000i128..=10_000_000_000_000_000i128,
            weights in prop::collection::vec(0u128..=u128::from(u64::MAX), 1..40),
        ) {
            prop_assume!(weights.iter().any(|&w| w > 0));
            let total = Sek::from_ore(ore).unwrap();
            let parts = allocate_by_weights(total, &weights).unwrap();
            prop_assert_eq!(parts.len(), weights.len());
            prop_assert_eq!(parts.iter().map(|p| p.ore()).sum::<i128>(), ore);
            // No part strays more than one öre from its exact proportion.
            let sum: u128 = weights.iter().sum();
            for (p, w) in parts.iter().zip(&weights) {
                let exact = ore.unsigned_abs() * w / sum;
                let got = p.ore().unsigned_abs();
                prop_assert!(got == exact || got == exact + 1);
            }
        }

        #[test]
        fn parts_sum_to_the_whole_for_shares_that_make_a_whole(
            ore in 0i128..=10_000_000_000_000_000i128,
            den in 1u64..=1000,
            cuts in prop::collection::vec(1u64..1000, 0..10),
        ) {
            // Random shares of one whole: split den into pieces.
            let mut points: Vec<u64> = cuts.into_iter().map(|c| c % den).filter(|&c| c > 0).collect();
            points.sort_unstable();
            points.dedup();
            let mut shares = Vec::new();
            let mut prev = 0;
            for p in points.into_iter().chain([den]) {
                shares.push(Share::new(p - prev, den).unwrap());
                prev = p;
            }
            prop_assert!(sums_to_whole(&shares));
            let total = Sek::from_ore(ore).unwrap();
            let parts = allocate(total, &shares).unwrap();
            prop_assert_eq!(parts.iter().map(|p| p.ore()).sum::<i128>(), ore);
        }
    }
}
