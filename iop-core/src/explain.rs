//! Figures that explain themselves.
//!
//! Every computed figure is a [`Figure`]: its value (known or unknown) and a short
//! [`Explanation`] naming the inputs and the rule, in Swedish and English, short enough to show
//! under the number in the app.

use crate::known::Known;
use serde::Serialize;

/// A short explanation of how a figure came about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Explanation {
    /// In Swedish.
    pub sv: String,
    /// In English.
    pub en: String,
}

impl Explanation {
    /// An explanation in both languages.
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Explanation {
        Explanation {
            sv: sv.into(),
            en: en.into(),
        }
    }
}

/// A computed value with its explanation.
///
/// ```
/// use iop_core::{presets, Known, Sek};
/// let kalmar = presets::kalmar_2025_2027();
/// let total = iop_core::amounts::total_for_period_on(&kalmar, presets::date(2026, 1, 1));
/// assert_eq!(total.value, Known::Known(Sek::kronor(3_000_000)));
/// assert!(total.explanation.sv.contains("1 000 000 kr"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure<T> {
    /// The value.
    pub value: Known<T>,
    /// How it came about.
    pub explanation: Explanation,
    /// Whether the value is unknown because it does not fit (beyond 10^14 kr), not because a
    /// source leaves something out: shown as "för stort", never as "okänt".
    pub too_large: bool,
}

impl<T> Figure<T> {
    /// A known figure.
    pub fn known(value: T, explanation: Explanation) -> Figure<T> {
        Figure {
            value: Known::Known(value),
            explanation,
            too_large: false,
        }
    }

    /// An unknown figure, with why it is unknown.
    pub fn unknown(explanation: Explanation) -> Figure<T> {
        Figure {
            value: Known::Unknown,
            explanation,
            too_large: false,
        }
    }

    /// A figure too large to compute, with what made it so.
    pub fn too_large(explanation: Explanation) -> Figure<T> {
        Figure {
            value: Known::Unknown,
            explanation,
            too_large: true,
        }
    }
}

/// Text a person reads, in Swedish and English: every error a user can see implements it
/// (money, share, organisationsnummer, kommunkod, termination, size, exchange rate), so no
/// English-only message reaches the Swedish page.
///
/// ```
/// use iop_core::{explain::Bilingual, Sek};
/// let e = Sek::parse("1.005").unwrap_err();
/// assert!(e.sv().contains("öre"));
/// assert!(e.en().contains("öre"));
/// ```
pub trait Bilingual {
    /// In Swedish.
    fn sv(&self) -> String;
    /// In English.
    fn en(&self) -> String;
    /// Both, as an [`Explanation`].
    fn text(&self) -> Explanation {
        Explanation::new(self.sv(), self.en())
    }
}

/// The separator between the Swedish and English text of an error carried through serde, whose
/// errors are one string: see [`to_serde`] and [`from_serde`].
const SEPARATOR: char = '\u{1f}';

/// One string holding both texts, for `serde::de::Error::custom`.
pub fn to_serde(e: &impl Bilingual) -> String {
    format!("{}{SEPARATOR}{}", e.sv(), e.en())
}

/// The texts of a string made by [`to_serde`], or `None` for any other string (serde's own
/// messages).
pub fn from_serde(text: &str) -> Option<Explanation> {
    let (sv, en) = text.split_once(SEPARATOR)?;
    Some(Explanation::new(sv, en))
}
