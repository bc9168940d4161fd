//! Organisationsnummer: the Swedish registration number of a legal entity.
//!
//! Ten digits `NNNNNN-NNNN`, optionally prefixed `16`. The last digit is a Luhn check digit over
//! the first nine. Digits 3–4 are at least 20 for a legal entity (a personnummer has a month
//! there). The first digit is the group: 2 for state, regions and kommuner, 8 for ideella
//! föreningar and foundations.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A validated organisationsnummer.
///
/// ```
/// use iop_core::OrgNumber;
/// let kalmar = OrgNumber::parse("212000-0746").unwrap();
/// assert_eq!(kalmar.to_string(), "212000-0746");
/// assert_eq!(OrgNumber::parse("16 83 24 01-3807").unwrap().to_string(), "832401-3807");
/// assert!(OrgNumber::parse("212000-0747").is_err()); // wrong check digit
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgNumber([u8; 10]);

/// Why a text is not an organisationsnummer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrgNumberError {
    /// Characters other than digits, spaces and one hyphen.
    InvalidCharacters(String),
    /// Not 10 digits (or 12 beginning with 16).
    WrongLength(String),
    /// The Luhn check digit does not match.
    CheckDigit(String),
    /// Digits 3–4 below 20: a personnummer, not a legal entity.
    NotLegalEntity(String),
}

impl fmt::Display for OrgNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrgNumberError::InvalidCharacters(s) => write!(
                f,
                "{s:?} is not an organisationsnummer: only digits, spaces and a hyphen"
            ),
            OrgNumberError::WrongLength(s) => write!(
                f,
                "{s:?} is not an organisationsnummer: it needs 10 digits (NNNNNN-NNNN), optionally prefixed 16"
            ),
            OrgNumberError::CheckDigit(s) => {
                write!(f, "{s:?} is not an organisationsnummer: the check digit is wrong")
            }
            OrgNumberError::NotLegalEntity(s) => write!(
                f,
                "{s:?} is not an organisationsnummer of a legal entity: digits 3–4 must be at least 20"
            ),
        }
    }
}

impl std::error::Error for OrgNumberError {}

impl crate::explain::Bilingual for OrgNumberError {
    fn sv(&self) -> String {
        match self {
            OrgNumberError::InvalidCharacters(s) => format!(
                "\"{s}\" är inget organisationsnummer: bara siffror, mellanslag och ett bindestreck"
            ),
            OrgNumberError::WrongLength(s) => format!(
                "\"{s}\" är inget organisationsnummer: det har 10 siffror (NNNNNN-NNNN), ibland med 16 först"
            ),
            OrgNumberError::CheckDigit(s) => {
                format!("\"{s}\" är inget organisationsnummer: kontrollsiffran stämmer inte")
            }
            OrgNumberError::NotLegalEntity(s) => format!(
                "\"{s}\" är inget organisationsnummer för en juridisk person: siffra 3–4 ska vara minst 20"
            ),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

/// The Luhn check digit of nine digits (weights 2, 1, 2, …).
fn luhn_check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl OrgNumber {
    /// Parses `NNNNNN-NNNN`, `NNNNNNNNNN`, `16NNNNNN-NNNN`, with spaces allowed between digits.
    pub fn parse(text: &str) -> Result<OrgNumber, OrgNumberError> {
        let err_text = || text.chars().take(40).collect::<String>();
        if text
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
            || text.matches('-').count() > 1
        {
            return Err(OrgNumberError::InvalidCharacters(err_text()));
        }
        let mut digits: Vec<u8> = text
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        if digits.len() == 12 && digits.starts_with(&[1, 6]) {
            digits.drain(..2);
        }
        let digits: [u8; 10] = digits
            .try_into()
            .map_err(|_| OrgNumberError::WrongLength(err_text()))?;
        if luhn_check_digit(&digits[..9]) != digits[9] {
            return Err(OrgNumberError::CheckDigit(err_text()));
        }
        if digits[2] * 10 + digits[3] < 20 {
            return Err(OrgNumberError::NotLegalEntity(err_text()));
        }
        Ok(OrgNumber(digits))
    }

    /// The group (first digit): 2 public bodies, 8 ideella föreningar and foundations, …
    pub fn group(&self) -> u8 {
        self.0[0]
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i == 6 {
                f.write_str("-")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Serialize for OrgNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OrgNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        OrgNumber::parse(&text).map_err(|e| serde::de::Error::custom(crate::explain::to_serde(&e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_seed_numbers() {
        assert_eq!(OrgNumber::parse("212000-0746").unwrap().group(), 2);
        assert_eq!(OrgNumber::parse("83 24 01-3807").unwrap().group(), 8);
        assert_eq!(
            OrgNumber::parse("21 20 00-0746").unwrap(),
            OrgNumber::parse("2120000746").unwrap()
        );
        assert_eq!(
            OrgNumber::parse("162120000746").unwrap().to_string(),
            "212000-0746"
        );
    }

    #[test]
    fn rejects_bad_numbers_with_the_reason() {
        assert!(matches!(
            OrgNumber::parse("832401-3808"),
            Err(OrgNumberError::CheckDigit(_))
        ));
        assert!(matches!(
            OrgNumber::parse("83240-3807"),
            Err(OrgNumberError::WrongLength(_))
        ));
        assert!(matches!(
            OrgNumber::parse("8324O1-3807"),
            Err(OrgNumberError::InvalidCharacters(_))
        ));
        // 19 in digits 3–4 with a valid check digit: a personnummer shape.
        assert!(matches!(
            OrgNumber::parse("551901-0008"),
            Err(OrgNumberError::NotLegalEntity(_)) | Err(OrgNumberError::CheckDigit(_))
        ));
        assert!(matches!(
            OrgNumber::parse(""),
            Err(OrgNumberError::WrongLength(_))
        ));
    }

    #[test]
    fn personnummer_shape_is_not_a_legal_entity() {
        // Build a number with digits 3–4 = 05 and a correct check digit.
        let mut d = [8u8, 0, 0, 5, 1, 2, 3, 4, 5, 0];
        d[9] = luhn_check_digit(&d[..9]);
        let text: String = d.iter().map(|x| char::from(b'0' + x)).collect();
        assert!(matches!(
            OrgNumber::parse(&text),
            Err(OrgNumberError::NotLegalEntity(_))
        ));
    }
}
