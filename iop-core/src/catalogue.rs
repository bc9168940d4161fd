//! The catalogue (*katalog*): real agreements between kommuner and jourer, read from public
//! sources, each figure with the address, date and sentence that state it.
//!
//! It is data, not code: a scenario file (`data/katalog.json`) that the page fetches when it is
//! first needed and a kommun can update without a rebuild, and that `iop catalogue` prints.
//! [`check`] is what every version of the file must pass: each figure's quote contains the
//! figure, each address is a web address, no agreement is there twice, and the reader, given
//! each quote, reads the same figure or nothing (never another).

use crate::agreement::Agreement;
use crate::known::Known;
use crate::scenario::Scenario;
use crate::source::SourceRef;
use rust_decimal::Decimal;
use serde::Serialize;

/// The catalogue as built into this version (the page fetches its own copy of the same file).
///
/// ```
/// let report = iop_core::scenario::read(iop_core::catalogue::BUILT_IN.as_bytes());
/// assert!(!report.has_errors(), "{:?}", report.problems);
/// ```
pub const BUILT_IN: &str = include_str!("../data/katalog.json");

/// A problem with the catalogue: which agreement, where, and why, in Swedish and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogueProblem {
    /// The agreement's id.
    pub agreement: String,
    /// The field (`funding.components[0].source.quote`).
    pub path: String,
    /// Why, in Swedish.
    pub message_sv: String,
    /// Why, in English.
    pub message_en: String,
}

/// How the reader fared on the catalogue's quotes: for each figure, the reader given its quote
/// alone read the same value (`agrees`), nothing (`silent`) or another value (a problem).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReaderCheck {
    /// Figures whose quote the reader reads to the same value.
    pub agrees: usize,
    /// Figures whose quote the reader reads nothing from.
    pub silent: usize,
}

/// Checks the catalogue `s`: the problems (none for a good catalogue) and how the reader fared.
///
/// ```
/// let s = iop_core::scenario::read(iop_core::catalogue::BUILT_IN.as_bytes()).scenario.unwrap();
/// let (problems, reader) = iop_core::catalogue::check(&s);
/// assert!(problems.is_empty(), "{problems:?}");
/// assert!(reader.agrees > 0);
/// ```
pub fn check(s: &Scenario) -> (Vec<CatalogueProblem>, ReaderCheck) {
    let mut problems = Vec::new();
    let mut reader = ReaderCheck::default();
    let mut seen: Vec<(String, String, String)> = Vec::new();
    for a in &s.agreements {
        let mut problem = |path: &str, sv: String, en: String| {
            problems.push(CatalogueProblem {
                agreement: a.id.clone(),
                path: path.to_string(),
                message_sv: sv,
                message_en: en,
            })
        };
        // Once: the same kommun, organisation and period.
        let key = (
            a.public_parties
                .iter()
                .map(|p| p.kommunkod.map(|k| k.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(","),
            a.organisation_names().to_lowercase(),
            format!("{:?}{:?}", a.term.start, a.term.end),
        );
        if seen.contains(&key) {
            problem(
                "",
                "Avtalet finns redan i katalogen (samma kommun, organisation och period).".into(),
                "The agreement is already in the catalogue (same kommun, organisation and period)."
                    .into(),
            );
        }
        seen.push(key);
        if a.public_parties.iter().any(|p| p.kommunkod.is_none()) {
            problem(
                "public_parties",
                "Varje kommun i katalogen har sin kommunkod.".into(),
                "Every kommun in the catalogue has its kommunkod.".into(),
            );
        }
        if a.sources.is_empty() {
            problem(
                "sources",
                "Ett avtal i katalogen har minst en källa.".into(),
                "An agreement in the catalogue has at least one source.".into(),
            );
        }
        for (i, src) in a.sources.iter().enumerate() {
            match &src.address {
                Some(addr) if web_address(addr) => {}
                other => problem(
                    &format!("sources[{i}].address"),
                    format!("Källans adress är ingen webbadress: {other:?}."),
                    format!("The source's address is not a web address: {other:?}."),
                ),
            }
            if src.kind.is_none() {
                problem(
                    &format!("sources[{i}].kind"),
                    "Källans slag (avtal, beslut, nyhet, annat) saknas.".into(),
                    "The source's kind (agreement, decision, news, other) is missing.".into(),
                );
            }
        }
        for (path, figure, source) in figures(a) {
            let Some(source) = source else {
                problem(
                    &path,
                    "Siffran saknar källa.".into(),
                    "The figure has no source.".into(),
                );
                continue;
            };
            let Some(quote) = source.quote.as_deref() else {
                problem(
                    &format!("{path}.source.quote"),
                    "Siffran saknar meningen som anger den.".into(),
                    "The figure lacks the sentence that states it.".into(),
                );
                continue;
            };
            if !a.sources.iter().any(|d| d.id == source.document) {
                problem(
                    &format!("{path}.source.document"),
                    format!(
                        "Källan {} finns inte bland avtalets källor.",
                        source.document
                    ),
                    format!(
                        "Source {} is not among the agreement's sources.",
                        source.document
                    ),
                );
            }
            // A date read beyond the words ("från och med årsskiftet" in a text of July 2019)
            // says so in the notes: "Startdatum härlett: …".
            let derived = match figure {
                Figure::Start(_) => a.notes.contains("Startdatum "),
                Figure::End(_) => a.notes.contains("Slutdatum "),
                Figure::Amount(_) => false,
            };
            if !figure.stated_in(quote) && !derived {
                problem(
                    &format!("{path}.source.quote"),
                    format!("Citatet innehåller inte siffran ({}).", figure.sv()),
                    format!("The quote does not contain the figure ({}).", figure.sv()),
                );
            }
            match figure.as_read(quote) {
                Read::Same => reader.agrees += 1,
                Read::Nothing => reader.silent += 1,
                Read::Other(v) => problem(
                    &format!("{path}.source.quote"),
                    format!(
                        "Läsaren läser {v} ur citatet, katalogen säger {}.",
                        figure.sv()
                    ),
                    format!(
                        "The reader reads {v} from the quote; the catalogue says {}.",
                        figure.sv()
                    ),
                ),
            }
        }
    }
    (problems, reader)
}

/// A figure of the catalogue that a quote must state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    Amount(Decimal),
    Start(chrono::NaiveDate),
    End(chrono::NaiveDate),
}

/// What the reader reads from a quote, against the catalogue's figure.
enum Read {
    Same,
    Nothing,
    Other(String),
}

impl Figure {
    fn sv(self) -> String {
        match self {
            Figure::Amount(v) => format!("{} kr", crate::money::format_decimal_sv(v, None)),
            Figure::Start(d) => format!("start {d}"),
            Figure::End(d) => format!("slut {d}"),
        }
    }

    /// Whether `quote` states the figure: an amount as Swedish writes it (`340 000`, `340000`,
    /// `1,2 miljoner`, `en miljon`); a date by its year (a date read beyond the words says how
    /// in the notes).
    fn stated_in(self, quote: &str) -> bool {
        match self {
            Figure::Amount(v) => amounts_in(quote).contains(&v),
            Figure::Start(d) | Figure::End(d) => {
                quote.contains(&chrono::Datelike::year(&d).to_string())
            }
        }
    }

    fn as_read(self, quote: &str) -> Read {
        let x = crate::extract::extract(quote);
        match self {
            Figure::Amount(v) => {
                let read: Vec<Decimal> = x
                    .agreement
                    .funding
                    .components
                    .iter()
                    .filter_map(|c| c.amount.map(|a| a.value()).into_option())
                    .collect();
                match read.as_slice() {
                    [] => Read::Nothing,
                    r if r.contains(&v) => Read::Same,
                    [r, ..] => {
                        Read::Other(format!("{} kr", crate::money::format_decimal_sv(*r, None)))
                    }
                }
            }
            Figure::Start(d) => match x.agreement.term.start {
                Known::Known(s) if s == d => Read::Same,
                Known::Known(s) => Read::Other(format!("start {s}")),
                Known::Unknown => Read::Nothing,
            },
            Figure::End(d) => match x.agreement.term.end {
                crate::term::TermEnd::On(e) if e == d => Read::Same,
                crate::term::TermEnd::On(e) => Read::Other(format!("slut {e}")),
                _ => Read::Nothing,
            },
        }
    }
}

/// Every figure of `a` with its path and source.
fn figures(a: &Agreement) -> Vec<(String, Figure, Option<&SourceRef>)> {
    let mut out = Vec::new();
    for (i, c) in a.funding.components.iter().enumerate() {
        if let Known::Known(v) = c.amount {
            out.push((
                format!("funding.components[{i}]"),
                Figure::Amount(v.value()),
                c.source.as_ref(),
            ));
        }
    }
    if let Known::Known(d) = a.term.start {
        out.push((
            "term.start".into(),
            Figure::Start(d),
            a.term.source.as_ref(),
        ));
    }
    if let crate::term::TermEnd::On(d) = a.term.end {
        out.push(("term.end".into(), Figure::End(d), a.term.source.as_ref()));
    }
    out
}

/// Whether `s` is a web address: `http://` or `https://`, a host with a dot, no spaces.
fn web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(char::is_whitespace)
    })
}

/// The amounts of kronor a text writes: `340 000`, `340000`, `1,2 miljoner`, `en miljon`, `en
/// halv miljon` (numbers in groups of three with spaces, no-break spaces or points).
fn amounts_in(text: &str) -> Vec<Decimal> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(c) = chars.get(i) else { break };
        if !c.is_ascii_digit() || (i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit)) {
            i += 1;
            continue;
        }
        // The digits, with single separators between groups of three.
        let mut digits = String::new();
        let mut j = i;
        while let Some(&d) = chars.get(j) {
            if d.is_ascii_digit() {
                digits.push(d);
                j += 1;
            } else if matches!(d, ' ' | '\u{a0}' | '\u{202f}' | '.')
                && chars
                    .get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                && !chars.get(j + 4).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut value: Option<Decimal> = digits.parse().ok();
        // "1,2 miljoner"
        if chars.get(j) == Some(&',') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
            let mut k = j + 1;
            let mut decimals = String::new();
            while let Some(&d) = chars.get(k).filter(|d| d.is_ascii_digit()) {
                decimals.push(d);
                k += 1;
            }
            value = format!("{digits}.{decimals}").parse().ok();
            j = k;
        }
        let after: String = chars.iter().skip(j).take(12).collect();
        if let Some(v) = value {
            if after.trim_start().starts_with("milj") {
                out.push(v * Decimal::from(1_000_000));
            } else {
                out.push(v);
            }
        }
        i = j.max(i + 1);
    }
    for (words, v) in [
        ("en halv miljon", 500_000),
        ("en miljon", 1_000_000),
        ("två miljoner", 2_000_000),
        ("tre miljoner", 3_000_000),
    ] {
        if lower.contains(words) {
            out.push(Decimal::from(v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_swedish_writes_them() {
        let d = Decimal::from;
        assert!(amounts_in("får 340 000 kronor varje år").contains(&d(340_000)));
        assert!(amounts_in("får 340\u{a0}000 kronor").contains(&d(340_000)));
        assert!(amounts_in("bidraget höjs till 1,2 miljoner kronor").contains(&d(1_200_000)));
        assert!(amounts_in("en halv miljon kronor årligen").contains(&d(500_000)));
        assert!(amounts_in("247 700 kr, fördelat på fyra").contains(&d(247_700)));
        // Never a part of a number.
        assert!(!amounts_in("2 340 000 kronor").contains(&d(340_000)));
        assert!(!amounts_in("340 0000 kronor").contains(&d(340_000)));
    }

    #[test]
    fn web_addresses() {
        assert!(web_address("https://www.lund.se/nyheter/iop"));
        assert!(web_address("http://svt.se/x"));
        assert!(!web_address("www.lund.se/x"));
        assert!(!web_address("https://lund/x"));
        assert!(!web_address("https://www.lund.se/a b"));
    }

    #[test]
    fn a_quote_without_its_figure_or_a_reading_of_another_is_a_problem() {
        let mut s = crate::scenario::read(BUILT_IN.as_bytes())
            .scenario
            .unwrap_or_else(|| unreachable!());
        let (clean, _) = check(&s);
        assert!(clean.is_empty(), "{clean:?}");
        let a = s
            .agreements
            .iter_mut()
            .find(|a| a.funding.components.iter().any(|c| c.amount.is_known()))
            .unwrap_or_else(|| unreachable!());
        if let Some(src) = a
            .funding
            .components
            .iter_mut()
            .find(|c| c.amount.is_known())
            .and_then(|c| c.source.as_mut())
        {
            src.quote = Some("Kvinnojouren får 999 000 kronor per år.".into());
        }
        let (problems, _) = check(&s);
        assert!(problems
            .iter()
            .any(|p| p.message_en.contains("does not contain")));
        assert!(problems
            .iter()
            .any(|p| p.message_en.contains("reads 999 000 kr")));
    }
}
