//! Kommuner: the validated kommunkod and the population table.
//!
//! All 290 municipalities with their population on 2024-12-31 (SCB, through Kolada N01951, CC0)
//! are embedded in the crate, so per-inhabitant figures need no I/O. Every figure that uses the
//! population names [`POPULATION_DATE`].

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/kommuner_folkmangd_2024-12-31.csv");

/// The reference date of the embedded population figures.
pub const POPULATION_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2024, 12, 31) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// A municipality of Sweden with its population on [`POPULATION_DATE`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    /// The four-digit kommunkod.
    pub code: Kommunkod,
    /// The name (`Kalmar`).
    pub name: String,
    /// The county's two-digit code (`08`).
    pub county_code: String,
    /// The county (`Kalmar län`).
    pub county: String,
    /// Inhabitants on [`POPULATION_DATE`].
    pub population: u32,
}

/// The counties that share a stretch of boundary with the county `code` (`"10"`: Kronobergs,
/// Kalmar and Skåne län); empty for Gotland and for a code that is no county. Computed from
/// SCB's county boundaries by `scripts/make-map.py`.
///
/// ```
/// assert_eq!(iop_core::municipality::neighbouring_counties("10"), ["07", "08", "12"]);
/// assert!(iop_core::municipality::neighbouring_counties("09").is_empty());
/// ```
pub fn neighbouring_counties(code: &str) -> &'static [&'static str] {
    const NEIGHBOURS: &[(&str, &[&str])] = &[
        ("01", &["03", "04"]),
        ("03", &["01", "19", "21"]),
        ("04", &["01", "05", "18", "19"]),
        ("05", &["04", "06", "08", "18"]),
        ("06", &["05", "07", "08", "13", "14"]),
        ("07", &["06", "08", "10", "12", "13"]),
        ("08", &["05", "06", "07", "10"]),
        ("09", &[]),
        ("10", &["07", "08", "12"]),
        ("12", &["07", "10", "13"]),
        ("13", &["06", "07", "12", "14"]),
        ("14", &["06", "13", "17", "18"]),
        ("17", &["14", "18", "20"]),
        ("18", &["04", "05", "14", "17", "19", "20"]),
        ("19", &["03", "04", "18", "20"]),
        ("20", &["17", "18", "19", "21", "23"]),
        ("21", &["03", "20", "22", "23"]),
        ("22", &["21", "23", "24"]),
        ("23", &["20", "21", "22", "24"]),
        ("24", &["22", "23", "25"]),
        ("25", &["24"]),
    ];
    NEIGHBOURS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, n)| n)
}

/// All 290 municipalities, in kommunkod order.
///
/// ```
/// let all = iop_core::municipalities();
/// assert_eq!(all.len(), 290);
/// assert_eq!(all.iter().map(|m| u64::from(m.population)).sum::<u64>(), 10_587_710);
/// ```
pub fn municipalities() -> &'static [Municipality] {
    static ALL: OnceLock<Vec<Municipality>> = OnceLock::new();
    ALL.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let f: Vec<&str> = line.trim().split(',').collect();
                match f.as_slice() {
                    [code, name, county_code, county, pop, _date] => Some(Municipality {
                        code: Kommunkod(code.parse().ok()?),
                        name: (*name).to_string(),
                        county_code: (*county_code).to_string(),
                        county: (*county).to_string(),
                        population: pop.parse().ok()?,
                    }),
                    _ => None,
                }
            })
            .collect()
    })
}

/// The municipality with this code.
pub fn municipality(code: Kommunkod) -> Option<&'static Municipality> {
    municipalities().iter().find(|m| m.code == code)
}

/// The municipality with this name (case-insensitive, `Kalmar`, `Värmdö`).
pub fn municipality_by_name(name: &str) -> Option<&'static Municipality> {
    // Looked up often (the text reader asks for every capitalised word before "kommun").
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<String, &'static Municipality>> =
        std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        municipalities()
            .iter()
            .map(|m| (m.name.to_lowercase(), m))
            .collect()
    });
    by_name.get(&name.trim().to_lowercase()).copied()
}

/// A kommunkod: four digits naming one of Sweden's 290 municipalities (`0880` is Kalmar).
///
/// ```
/// use iop_core::Kommunkod;
/// let k = Kommunkod::parse("0880").unwrap();
/// assert_eq!(k.municipality().name, "Kalmar");
/// assert!(Kommunkod::parse("0881x").is_err());
/// assert!(Kommunkod::parse("0100").is_err()); // four digits, but no such kommun
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kommunkod(u16);

/// Why a text is not a kommunkod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KommunkodError {
    /// Not exactly four digits.
    Format(String),
    /// Four digits, but no municipality has that code.
    NoSuchMunicipality(String),
}

impl fmt::Display for KommunkodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KommunkodError::Format(s) => {
                write!(f, "{s:?} is not a kommunkod: it needs exactly four digits")
            }
            KommunkodError::NoSuchMunicipality(s) => {
                write!(
                    f,
                    "{s:?} is not the kommunkod of any of Sweden's 290 kommuner"
                )
            }
        }
    }
}

impl std::error::Error for KommunkodError {}

impl crate::explain::Bilingual for KommunkodError {
    fn sv(&self) -> String {
        match self {
            KommunkodError::Format(s) => {
                format!("\"{s}\" är ingen kommunkod: den har exakt fyra siffror")
            }
            KommunkodError::NoSuchMunicipality(s) => {
                format!("\"{s}\" är inte kommunkoden för någon av Sveriges 290 kommuner")
            }
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Kommunkod {
    /// Parses four digits and checks that a municipality has that code.
    pub fn parse(text: &str) -> Result<Kommunkod, KommunkodError> {
        let short: String = text.chars().take(20).collect();
        if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KommunkodError::Format(short));
        }
        let code = Kommunkod(
            text.parse()
                .map_err(|_| KommunkodError::Format(short.clone()))?,
        );
        if municipality(code).is_none() {
            return Err(KommunkodError::NoSuchMunicipality(short));
        }
        Ok(code)
    }

    /// The municipality this code names (always present: codes are checked when made).
    pub fn municipality(&self) -> &'static Municipality {
        #[allow(clippy::indexing_slicing)] // the embedded table has 290 rows (a test counts them)
        municipality(*self).unwrap_or(&municipalities()[0])
    }
}

impl fmt::Display for Kommunkod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.0)
    }
}

impl Serialize for Kommunkod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Kommunkod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Kommunkod::parse(&text).map_err(|e| serde::de::Error::custom(crate::explain::to_serde(&e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_all_290_and_the_national_total() {
        assert_eq!(municipalities().len(), 290);
        let total: u64 = municipalities()
            .iter()
            .map(|m| u64::from(m.population))
            .sum();
        assert_eq!(total, 10_587_710);
    }

    #[test]
    fn seed_municipalities_have_their_populations() {
        let pop = |c: &str| Kommunkod::parse(c).unwrap().municipality().population;
        assert_eq!(pop("0880"), 72_704); // Kalmar
        assert_eq!(pop("0115"), 35_119); // Vallentuna
        assert_eq!(pop("0120"), 46_635); // Värmdö
        assert_eq!(pop("0580"), 168_035); // Linköping
        assert_eq!(
            municipality_by_name("värmdö").unwrap().code.to_string(),
            "0120"
        );
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(matches!(
            Kommunkod::parse("880"),
            Err(KommunkodError::Format(_))
        ));
        assert!(matches!(
            Kommunkod::parse("+880"),
            Err(KommunkodError::Format(_))
        ));
        assert!(matches!(
            Kommunkod::parse("08８0"),
            Err(KommunkodError::Format(_))
        ));
        assert!(matches!(
            Kommunkod::parse("9999"),
            Err(KommunkodError::NoSuchMunicipality(_))
        ));
    }
}
