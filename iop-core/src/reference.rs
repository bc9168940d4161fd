//! National reference figures (*jämförelsetal*): what kommuner give on average, in kronor per
//! inhabitant and year, from public surveys, each with its source and the sentence that states
//! it. Drawn as reference lines beside an agreement's own figure.

use rust_decimal::Decimal;
use serde::Serialize;

/// One reference figure in kronor per inhabitant and year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The year it refers to.
    pub year: i32,
    /// Kronor per inhabitant and year.
    pub kr_per_inhabitant: Decimal,
    /// What it is the average of, in Swedish (`snitt för kommuner som ger bidrag`).
    pub what_sv: &'static str,
    /// The same in English.
    pub what_en: &'static str,
    /// The kind of organisation it is about (`brottsofferjour`).
    pub organisation: crate::compare::OrganisationKind,
    /// Who published it.
    pub publisher: &'static str,
    /// The publication's title.
    pub title: &'static str,
    /// Its address.
    pub address: &'static str,
    /// Its date (`2024-03-25`), when the page gives it.
    pub date: Option<&'static str>,
    /// The sentence that states the figure.
    pub quote: &'static str,
}

/// Every reference figure, oldest first.
///
/// ```
/// let r = iop_core::reference::all();
/// let latest = r.last().unwrap();
/// assert_eq!((latest.year, latest.kr_per_inhabitant.to_string()), (2023, "2.81".to_string()));
/// assert!(latest.quote.contains("2,81"));
/// ```
pub fn all() -> Vec<Reference> {
    use crate::compare::OrganisationKind::Brottsofferjour;
    let boj = "Brottsofferjouren Sverige";
    let giving = (
        "snitt för kommuner som ger bidrag",
        "average of kommuner that give",
    );
    vec![
        Reference {
            year: 2015,
            kr_per_inhabitant: Decimal::new(251, 2),
            what_sv: giving.0,
            what_en: giving.1,
            organisation: Brottsofferjour,
            publisher: boj,
            title: "Fortsatt stora skillnader i kommunbidrag till jourer",
            address: "https://www.brottsofferjouren.se/nyheter/fortsatt-stora-skillnader-i-kommunbidrag-till-jourer/",
            date: None,
            quote: "Det innebär ett genomsnitt på 2,51 kronor per invånare, vilket är en ökning med 20 procent sedan 2013.",
        },
        Reference {
            year: 2018,
            kr_per_inhabitant: Decimal::new(282, 2),
            what_sv: giving.0,
            what_en: giving.1,
            organisation: Brottsofferjour,
            publisher: boj,
            title: "Stor kartläggning: Så mycket satsar varje kommun på ideellt brottsofferstöd",
            address: "https://www.brottsofferjouren.se/2018/01/25/stor-kartlaggning-sa-mycket-satsar-varje-kommun-pa-ideellt-brottsofferstod/",
            date: Some("2018-01-25"),
            quote: "De 236 kommuner som ger ett bidrag ger i genomsnitt 2,82 kronor per invånare.",
        },
        Reference {
            year: 2021,
            kr_per_inhabitant: Decimal::new(294, 2),
            what_sv: giving.0,
            what_en: giving.1,
            organisation: Brottsofferjour,
            publisher: boj,
            title: "Sveriges kommuner värderar ideellt brottsofferstöd olika",
            address: "https://www.brottsofferjouren.se/2022/06/13/sveriges-kommuner-varderar-ideellt-brottsofferstod-olika/",
            date: Some("2022-06-13"),
            quote: "De 234 kommuner som ger ett bidrag till BOJ ger i genomsnitt 2,94 kronor per invånare.",
        },
        Reference {
            year: 2023,
            kr_per_inhabitant: Decimal::new(281, 2),
            what_sv: "snitt för alla kommuner",
            what_en: "average of all kommuner",
            organisation: Brottsofferjour,
            publisher: boj,
            title: "Stora regionala skillnader i kommunalt stöd till brottsofferjourer",
            address: "https://www.brottsofferjouren.se/2024/03/25/stora-regionala-skillnader-i-kommunalt-stod-till-brottsofferjourer/",
            date: Some("2024-03-25"),
            quote: "I genomsnitt bidrar Sveriges kommuner med 2,81 kronor per invånare till lokala brottsofferjourer",
        },
    ]
}

/// The reference figure for `year`: that year's, else the latest before it (`None` before the
/// first survey).
///
/// ```
/// let r = iop_core::reference::for_year(2025).unwrap();
/// assert_eq!(r.year, 2023);
/// assert!(iop_core::reference::for_year(2010).is_none());
/// ```
pub fn for_year(year: i32) -> Option<Reference> {
    all()
        .into_iter()
        .filter(|r| r.year <= year)
        .max_by_key(|r| r.year)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_quote_states_its_figure_as_swedish_writes_it() {
        for r in super::all() {
            let written = r.kr_per_inhabitant.to_string().replace('.', ",");
            assert!(r.quote.contains(&written), "{} {}", r.year, r.quote);
            assert!(r.address.starts_with("https://"));
        }
    }
}
