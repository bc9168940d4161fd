//! Reading an agreement's text (*läs in text*): each term proposed with the sentence that states
//! it.
//!
//! A pure, rule-based reader of the Swedish that IOP agreements, nämnd decisions and municipal
//! news use: no network, no model, linear in the text. [`extract`] returns an [`Extraction`]: an
//! agreement with every term it could read and unknown for the rest, the [`Finding`]s (the term's
//! path, the value in the scenario format, the quote, its byte range and the rule that read it),
//! and the [`Conflict`]s where two statements disagree, which are left unknown rather than
//! resolved. It never invents: a yearly amount needs "per år", a total ("över tre år") or an
//! approximate amount ("drygt") is kept in the notes, never as an amount.
//!
//! ```
//! let text = "Överenskommelsen gäller för perioden 1 januari 2022 till 31 december 2024. \
//!             Kalmar kommun ersätter Kvinnojouren Kalmar 650 000 kr per år.";
//! let x = iop_core::extract::extract(text);
//! assert_eq!(x.agreement.public_parties[0].name, "Kalmar kommun");
//! assert_eq!(x.agreement.organisations[0].name, "Kvinnojouren Kalmar");
//! assert_eq!(x.agreement.funding.components[0].amount, iop_core::Known::Known(iop_core::Sek::kronor(650_000)));
//! let start = x.findings.iter().find(|f| f.path == "term.start").unwrap();
//! assert_eq!(&text[start.start..start.end], "1 januari 2022");
//! ```

mod assemble;
mod follow_up;
mod money;
mod parties;
mod period;
mod roles;
mod rules;
mod sections;
mod tokens;

use crate::agreement::Agreement;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// At most this many items of the lists (amounts, notes) are read from one text: an agreement
/// has a handful, and a text that states hundreds is not one agreement.
pub const MAX_ITEMS: usize = 20;

/// One term read from the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Where it goes in the agreement (`term.start`, `funding.components[0]`).
    pub path: String,
    /// The value, in the scenario format.
    pub value: Value,
    /// The words that state it, as written.
    pub quote: String,
    /// First byte of the quote in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The rule that read it (`period`, `belopp-per-år`, `rättelse-inom`).
    pub rule: String,
    /// Why the reading is uncertain, when it is ("ungefärligt belopp"): the user sees it
    /// marked, and keeps it or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<crate::Explanation>,
    /// The heading of the section the quote stands under ("§ 10 Ekonomi"), if the text has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

impl Finding {
    /// The term's name, in Swedish and English (`Kommun`, `Belopp per år`).
    ///
    /// ```
    /// let x = iop_core::extract::extract("Kalmar kommun betalar 650 000 kr per år.");
    /// assert_eq!(x.findings[0].term().sv, "Kommun");
    /// ```
    pub fn term(&self) -> crate::Explanation {
        let p = self.path.as_str();
        let (sv, en) = match p {
            _ if p.ends_with("kommunkod") => ("Kommun", "Municipality"),
            _ if p.starts_with("public_parties") && p.ends_with(".name") => {
                ("Offentlig part", "Public party")
            }
            _ if p.starts_with("public_parties") => (
                "Kommunens organisationsnummer",
                "The municipality's organisation number",
            ),
            _ if p.starts_with("organisations") && p.ends_with(".name") => {
                ("Organisation", "Organisation")
            }
            _ if p.starts_with("organisations") => (
                "Organisationens organisationsnummer",
                "The organisation's organisation number",
            ),
            "term.start" => ("Start", "Start"),
            "term.end" => ("Slut", "End"),
            "term.renewal" => ("Förlängning", "Renewal"),
            "term.stated_decision_due" => ("Beslut senast", "Decision by"),
            "funding.split" => ("Fördelning mellan betalare", "Split between payers"),
            "funding.payments.timing" => ("Utbetalning", "Payment"),
            "funding.payments.on_invoice" => ("Mot faktura", "Against an invoice"),
            "funding.payments.documents" => {
                ("Handlingar med fakturan", "Documents with the invoice")
            }
            "termination.ordinary_notice" => ("Uppsägningstid", "Notice period"),
            "termination.for_breach.cure_days" => ("Rättelsetid", "Cure period"),
            "termination.for_breach.if_organisation_in_breach" => (
                "Återbetalning om organisationen bryter mot avtalet",
                "Repayment if the organisation is in breach",
            ),
            "termination.for_breach.if_public_in_breach" => (
                "Återbetalning om kommunen bryter mot avtalet",
                "Repayment if the municipality is in breach",
            ),
            "obligations.meetings.per_year" => {
                ("Uppföljningsmöten per år", "Follow-up meetings per year")
            }
            "notes" => ("Anteckning", "Note"),
            _ if p.ends_with(".contact") => ("Kontaktperson", "Contact"),
            "scope.background" => ("Bakgrund", "Background"),
            "scope.purpose" => ("Syfte", "Purpose"),
            "scope.target_groups" => ("Målgrupp", "Target group"),
            "scope.exclusions" => ("Avgränsning", "Exclusions"),
            "scope.values" => ("Värdegrund", "Values"),
            "scope.child_concern_policy" => ("Orosanmälan", "Reports of concern"),
            "scope.quality" => ("Kvalitetsgaranti", "Quality"),
            "scope.service_areas" => ("Insatser", "Services"),
            _ if p.starts_with("obligations.documents") => ("Plan eller rapport", "Plan or report"),
            _ if p.starts_with("funding.components") => ("Belopp per år", "Amount per year"),
            _ => ("Villkor", "Term"),
        };
        crate::Explanation::new(sv, en)
    }

    /// The value as a person reads it, in Swedish (`1 000 000 kr`, `Kalmar (0880)`,
    /// `2 år i taget`).
    pub fn shown(&self) -> String {
        use crate::edit::Kind;
        let v = &self.value;
        let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
        match self.path.as_str() {
            p if p.ends_with("kommunkod") => Kind::Kommunkod.show(v),
            "term.end" => v.get("on").map_or_else(|| text(v), text),
            "term.renewal" => match (v.get("type").and_then(Value::as_str), v.get("years")) {
                (Some("none"), _) => "ingen – upphör utan uppsägning".into(),
                (Some("automatic_extension"), Some(y)) => format!("automatisk, {y} år i taget"),
                _ => text(v),
            },
            "termination.ordinary_notice" => Kind::Duration.show(v),
            "funding.split" => {
                v.get("payers")
                    .and_then(Value::as_array)
                    .map_or_else(String::new, |ps| {
                        ps.iter()
                            .map(|p| {
                                format!(
                                    "{} {}",
                                    text(p.get("name").unwrap_or(&Value::Null)),
                                    text(p.get("share").unwrap_or(&Value::Null))
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
            }
            "funding.payments.timing" => {
                match (v.get("type").and_then(Value::as_str), v.get("quarter")) {
                    (Some("quarter"), Some(q)) => format!("kvartal {q}"),
                    (Some("quarterly"), _) => "varje kvartal".into(),
                    _ => text(v),
                }
            }
            "funding.payments.on_invoice" => "ja".into(),
            p if p.ends_with(".contact") => ["name", "email", "phone"]
                .iter()
                .filter_map(|k| v.get(k).and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(", "),
            "termination.for_breach.cure_days" => match v.as_u64() {
                Some(1) => "1 dag".into(),
                Some(d) => format!("{d} dagar"),
                None => text(v),
            },
            "obligations.meetings.per_year" => match v.as_u64() {
                Some(1) => "1 gång per år".into(),
                Some(n) => format!("{n} gånger per år"),
                None => text(v),
            },
            "termination.for_breach.if_organisation_in_breach"
            | "termination.for_breach.if_public_in_breach" => match v.as_str() {
                Some("part_or_all") => "hela eller delar av beloppet betalas tillbaka".into(),
                Some("all") => "hela beloppet betalas tillbaka".into(),
                Some("nothing") => {
                    "ingen återbetalning: organisationen behåller det utbetalda".into()
                }
                _ => "okänt".into(),
            },
            "term.start" | "term.stated_decision_due" => text(v),
            p if p.starts_with("scope.") => {
                let whole = match v {
                    Value::Array(items) => items
                        .iter()
                        .map(|i| i.get("name").map_or_else(|| text(i), text))
                        .collect::<Vec<_>>()
                        .join("; "),
                    _ => text(v),
                };
                // A section of prose is shown by its beginning.
                let short: String = whole.chars().take(160).collect();
                if short.len() < whole.len() {
                    format!("{short} …")
                } else {
                    short
                }
            }
            p if p.starts_with("funding.components") => {
                let amount = v
                    .get("amount")
                    .map(|a| Kind::Money.show(a))
                    .unwrap_or_default();
                match v
                    .get("kind")
                    .and_then(|k| k.get("type"))
                    .and_then(Value::as_str)
                {
                    Some("conditional") => format!(
                        "{amount} kr, villkorat: {}",
                        v.get("kind")
                            .and_then(|k| k.get("condition"))
                            .map(text)
                            .unwrap_or_default()
                    ),
                    Some("replaces_foreningsbidrag") => {
                        format!("{amount} kr, ersätter föreningsbidrag")
                    }
                    _ => format!("{amount} kr"),
                }
            }
            p if p.starts_with("obligations.documents") => {
                v.get("name").map(text).unwrap_or_default()
            }
            "funding.payments.documents" => v.as_array().map_or_else(String::new, |d| {
                d.iter().map(text).collect::<Vec<_>>().join(", ")
            }),
            _ => text(v),
        }
    }
}

/// Statements that disagree about one term: left unknown in the agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The term.
    pub path: String,
    /// Each statement, with its value.
    pub findings: Vec<Finding>,
}

/// What the text says: the agreement, the findings that make it, and the conflicts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Every term read, unknown for the rest; a draft (see [`Agreement::draft`]).
    pub agreement: Agreement,
    /// The findings, in the order of the text.
    pub findings: Vec<Finding>,
    /// Terms stated twice with different values.
    pub conflicts: Vec<Conflict>,
}

impl Extraction {
    /// Whether anything was read.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty() && self.conflicts.is_empty()
    }

    /// The agreement of the findings the user kept (`keep[i]` for `findings[i]`; a finding past
    /// the end of `keep` is kept), each part citing its quote as its source.
    ///
    /// ```
    /// let x = iop_core::extract::extract("Kalmar kommun ersätter Kvinnojouren Kalmar 650 000 kr per år.");
    /// let keep: Vec<bool> = x.findings.iter().map(|f| !f.path.starts_with("funding")).collect();
    /// assert!(x.accepted("text", &keep).funding.components.is_empty());
    /// ```
    pub fn accepted(&self, id: &str, keep: &[bool]) -> Agreement {
        let kept: Vec<&Finding> = self
            .findings
            .iter()
            .enumerate()
            .filter(|(i, _)| keep.get(*i).copied().unwrap_or(true))
            .map(|(_, f)| f)
            .collect();
        // The document as the reading named and dated it.
        let doc = self
            .agreement
            .sources
            .first()
            .cloned()
            .unwrap_or_else(|| source_of(&Document::default()));
        assemble::assemble(id, &doc, &kept).0
    }
}

/// Whether a yearly document's finding gives no deadline.
fn undated(doc: &Value) -> bool {
    doc.get("due")
        .and_then(|d| d.get("type"))
        .and_then(Value::as_str)
        == Some("unknown")
}

/// Terms with one value: two findings that disagree are a conflict.
fn single_valued(path: &str) -> bool {
    // Each section of prose is one term.
    (path == "funding.components[base]" || !path.starts_with("funding.components["))
        && !path.starts_with("obligations.documents")
        && path != "notes"
}

/// The most text the reader takes: what `iop` takes from a file (20 MB). The page and the CLI
/// refuse more with a message, never read part of it.
pub const MAX_TEXT_BYTES: usize = crate::scenario::MAX_BYTES;

/// The document a text comes from: its name as the user knows it (`avtal.txt`, `Inklistrad
/// text 2026-12-02`) and its date when the user gives one, against which the reader takes
/// relative dates ("i år", "från årsskiftet") when the text has no date of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The name the sources give.
    pub name: String,
    /// The date of the text, if the user knows it.
    pub date: Option<chrono::NaiveDate>,
}

impl Document {
    /// A document of this name, with no date.
    pub fn named(name: impl Into<String>) -> Self {
        Document {
            name: name.into(),
            date: None,
        }
    }
}

/// Reads `text` from `doc`: as [`extract`], with the document's name in every source and its
/// date for relative dates.
///
/// ```
/// use iop_core::extract::{read, Document};
/// let x = read("Kalmar kommun betalar 650 000 kr per år.", &Document::named("avtal.txt"));
/// assert_eq!(x.agreement.sources[0].title, "avtal.txt");
/// ```
pub fn read(text: &str, doc: &Document) -> Extraction {
    read_text(text, doc)
}

/// The source document an extraction cites: the document's name (or "Inläst text") and date.
fn source_of(doc: &Document) -> crate::source::SourceDocument {
    crate::source::SourceDocument {
        id: document_id(doc).into(),
        title: document_id(doc).into(),
        date: doc.date,
        kind: None,
        address: None,
    }
}

/// The name a document goes by in the sources: its own, or "Inläst text".
fn document_id(doc: &Document) -> &str {
    if doc.name.trim().is_empty() {
        "Inläst text"
    } else {
        doc.name.trim()
    }
}

/// Reads `text`: every term it can read with confidence, each with its quote.
pub fn extract(text: &str) -> Extraction {
    read_text(text, &Document::default())
}

fn read_text(text: &str, doc: &Document) -> Extraction {
    let sentences = tokens::sentences(text);
    // The text's own date (a dateline, "Publicerad 3 mars 2022"), else the one the user gives:
    // what "i år" and "från årsskiftet" are read against.
    let date = rules::text_date(&sentences).or(doc.date);
    let year = date.map(|d| chrono::Datelike::year(&d));
    let mut all = rules::Found::default();
    parties::organisation(text, &sentences, &mut all);
    let shared = all
        .iter()
        .find(|f| f.path == "organisations[0].name")
        .and_then(|f| f.value.as_str())
        .is_some_and(parties::names_two_places);
    parties::municipality(text, &sentences, shared, &mut all);
    rules::org_numbers(text, &sentences, &mut all);
    let org = all
        .iter()
        .find(|f| f.path == "organisations[0].name")
        .and_then(|f| f.value.as_str())
        .map(|name| {
            name.split(|c: char| !c.is_alphabetic())
                .filter_map(|w| parties::jour_family(&w.to_lowercase()).map(str::to_string))
                .collect::<Vec<_>>()
        });
    let several = parties::jour_families(&sentences) > 1;
    rules::term(text, &sentences, &mut all);
    period::years(text, &sentences, date, &mut all);
    let org_name = all
        .iter()
        .find(|f| f.path == "organisations[0].name")
        .and_then(|f| f.value.as_str())
        .map(str::to_string);
    money::money(
        text,
        &sentences,
        year,
        org_name.as_deref().zip(org.as_deref()),
        several,
        &mut all,
    );
    let headings = sections::headings(text);
    sections::scope(text, &headings, &mut all);
    sections::contacts(text, &headings, &mut all);
    follow_up::follow_up(text, &sentences, &mut all);
    let mut all = all.into_items();
    for f in &mut all {
        if f.section.is_none() {
            f.section = sections::section_at(&headings, f.start).map(|h| h.text.clone());
        }
    }
    all.sort_by_key(|f| f.start);

    // The same value stated twice is one finding (the first); different values, a conflict.
    // Maps keep this linear in the number of findings.
    let mut findings: Vec<Option<Finding>> = Vec::new();
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut single: HashMap<String, usize> = HashMap::new();
    let mut conflicted: HashMap<String, usize> = HashMap::new();
    let mut listed: HashSet<(String, String)> = HashSet::new();
    let mut documents: HashMap<String, usize> = HashMap::new();
    let mut items = 0usize;
    for f in all {
        if !single_valued(&f.path) {
            // A yearly document is one duty however often it is named: the first mention, or a
            // later one that gives its deadline.
            if f.path.starts_with("obligations.documents") {
                let kind = f
                    .value
                    .get("kind")
                    .map(Value::to_string)
                    .unwrap_or_default();
                match documents
                    .get(&kind)
                    .and_then(|&i| findings.get_mut(i))
                    .and_then(Option::as_mut)
                {
                    Some(g) => {
                        if undated(&g.value) && !undated(&f.value) {
                            *g = f;
                        }
                    }
                    None => {
                        documents.insert(kind, findings.len());
                        findings.push(Some(f));
                    }
                }
                continue;
            }
            let list = f.path.split('[').next().unwrap_or_default().to_string();
            if items < MAX_ITEMS && listed.insert((list, f.value.to_string())) {
                items += 1;
                findings.push(Some(f));
            }
            continue;
        }
        if let Some(c) = conflicted.get(&f.path).and_then(|&i| conflicts.get_mut(i)) {
            if c.findings.len() < MAX_ITEMS && !c.findings.iter().any(|g| g.value == f.value) {
                c.findings.push(f);
            }
            continue;
        }
        match single.get(&f.path).copied() {
            Some(i) => {
                let same = findings
                    .get(i)
                    .and_then(Option::as_ref)
                    .is_some_and(|g| g.value == f.value);
                if !same {
                    if let Some(first) = findings.get_mut(i).and_then(Option::take) {
                        conflicted.insert(f.path.clone(), conflicts.len());
                        conflicts.push(Conflict {
                            path: f.path.clone(),
                            findings: vec![first, f],
                        });
                    }
                }
            }
            None => {
                single.insert(f.path.clone(), findings.len());
                findings.push(Some(f));
            }
        }
    }
    let findings: Vec<Finding> = findings.into_iter().flatten().collect();
    let refs: Vec<&Finding> = findings.iter().collect();
    let (agreement, applied) = assemble::assemble("text-1", &source_of(doc), &refs);
    // Only what went into the agreement is claimed, under the path where it went.
    let findings = applied;
    Extraction {
        agreement,
        findings,
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_different_periods_are_a_conflict_not_a_choice() {
        let x = extract("Avtalet gäller för perioden 2025-01-01 – 2027-12-31. Avtalet gäller för perioden 2025-01-01 – 2026-12-31.");
        assert!(x.conflicts.iter().any(|c| c.path == "term.end"));
        assert_eq!(x.agreement.term.end, crate::term::TermEnd::Unknown);
        assert_eq!(
            x.agreement.term.start,
            crate::Known::Known(crate::presets::date(2025, 1, 1))
        );
    }

    #[test]
    fn a_text_about_something_else_yields_nothing() {
        let x = extract("Kommunfullmäktige sammanträder i stadshuset på torsdag. Biblioteket har nya öppettider från 1 mars.");
        assert!(x.is_empty(), "{:?}", x.findings);
    }

    #[test]
    fn drygt_a_million_over_three_years_is_a_total_not_a_yearly_amount() {
        let x = extract("Kvinnojouren får drygt 1 miljon kronor över tre år.");
        assert!(x.agreement.funding.components.is_empty());
        assert!(
            x.agreement.notes.contains("ungefär 1 000 000 kr totalt"),
            "{}",
            x.agreement.notes
        );
    }
}
