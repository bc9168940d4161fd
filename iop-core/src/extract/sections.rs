//! **Sections.** An agreement's headings ("10. Ekonomi", "§ 4 Avtalstid och uppsägning",
//! "Ersättning"): each finding names the section its quote stands under, and the prose of the
//! sections that say what the partnership is for (Bakgrund, Syfte, Målgrupp, Avgränsning,
//! Värdegrund, Orosanmälan, Insatser, Kvalitetsgaranti) becomes the agreement's scope.

use super::rules::Found;
use super::Finding;
use serde_json::{json, Value};

/// A heading: where its line starts and ends, and its text.
#[derive(Clone, Debug)]
pub struct Heading {
    /// First byte of the heading's line.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// As written, trimmed ("10. Ekonomi").
    pub text: String,
    /// Numbered ("10.", "§ 4", "4.2"): a section of an agreement.
    pub numbered: bool,
}

/// Section names an agreement uses, heading a line of their own even without a number.
const NAMES: &[&str] = &[
    "bakgrund",
    "syfte",
    "målgrupp",
    "avgränsning",
    "värdegrund",
    "orosanmälan",
    "insatser",
    "kvalitetsgaranti",
    "kvalitet",
    "ekonomi",
    "ersättning",
    "avtalstid",
    "uppföljning",
    "uppsägning",
    "ändringar",
    "parter",
    "finansiering",
    "utbetalning",
    "åtaganden",
];

/// Whether a line is a numbered heading: "10. Ekonomi", "§ 4 Avtalstid", "4.2 Uppföljning".
fn numbered(line: &str) -> bool {
    let rest = line.trim_start_matches('§').trim_start();
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let after = rest.get(digits..).unwrap_or_default();
    digits > 0
        && rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && after.starts_with(' ')
        && after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && (line.starts_with('§')
            || rest
                .get(..digits)
                .is_some_and(|d| d.ends_with('.') || d.contains('.'))
            || after.split_whitespace().count() <= 6)
}

/// The headings of `text`, in order: short lines without a full stop at the end that are
/// numbered, or that are a section's name.
pub fn headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        let start = at + (raw.len() - raw.trim_start().len());
        at += raw.len();
        if line.is_empty() || line.chars().count() > 80 || line.ends_with(['.', ',', ';']) {
            continue;
        }
        let is_numbered = numbered(line);
        let lower = line.to_lowercase();
        let named =
            NAMES.iter().any(|n| lower.starts_with(n)) && line.split_whitespace().count() <= 6;
        // An agreement has tens of headings; a text of thousands is not one, and is not kept.
        if (is_numbered || named) && out.len() < 2_000 {
            out.push(Heading {
                start,
                end: start + line.len(),
                text: line.to_string(),
                numbered: is_numbered,
            });
        }
    }
    out
}

/// The heading a byte of the text stands under.
pub fn section_at(headings: &[Heading], at: usize) -> Option<&Heading> {
    let i = headings.partition_point(|h| h.start <= at);
    i.checked_sub(1).and_then(|i| headings.get(i))
}

/// The name of a heading without its number: "10. Ekonomi" → "ekonomi".
fn name_of(h: &Heading) -> String {
    h.text
        .trim_start_matches(|c: char| {
            c == '§' || c.is_ascii_digit() || c == '.' || c.is_whitespace()
        })
        .to_lowercase()
}

/// The paragraphs under heading `i`, up to the next heading of its kind.
fn body(text: &str, hs: &[Heading], i: usize) -> Vec<String> {
    let Some(h) = hs.get(i) else {
        return Vec::new();
    };
    let end = hs
        .iter()
        .skip(i + 1)
        .find(|n| n.numbered || !h.numbered)
        .map_or(text.len(), |n| n.start);
    text.get(h.end..end)
        .unwrap_or_default()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// What an agreement says in prose, as findings on `scope.*`: the heading is the quote, the
/// section's text the value.
pub fn scope(text: &str, hs: &[Heading], out: &mut Found) {
    for (i, h) in hs.iter().enumerate() {
        let name = name_of(h);
        let paragraphs = body(text, hs, i);
        if paragraphs.is_empty() {
            continue;
        }
        let joined = paragraphs.join("\n\n");
        let (path, value): (&str, Value) = match () {
            _ if name.starts_with("bakgrund") => ("scope.background", json!(joined)),
            _ if name.starts_with("syfte") => ("scope.purpose", json!(joined)),
            _ if name.starts_with("målgrupp") => ("scope.target_groups", json!(paragraphs)),
            _ if name.starts_with("avgränsning") => ("scope.exclusions", json!(paragraphs)),
            _ if name.starts_with("värdegrund") => ("scope.values", json!(paragraphs)),
            _ if name.starts_with("orosanmälan") => ("scope.child_concern_policy", json!(joined)),
            _ if name.starts_with("kvalitet") => ("scope.quality", json!(joined)),
            _ if name.starts_with("insatser") => ("scope.service_areas", json!(areas(&paragraphs))),
            _ => continue,
        };
        out.push(Finding {
            path: path.into(),
            value,
            quote: h.text.clone(),
            start: h.start,
            end: h.end,
            rule: "avsnitt".into(),
            doubt: None,
            section: Some(h.text.clone()),
        });
    }
}

/// A contact read under the parties' heading: whose (the party's path), name, e-mail, telephone,
/// and the byte range of its "Kontaktperson" line.
type ContactLine<'t> = (
    &'t str,
    String,
    Option<String>,
    Option<String>,
    usize,
    usize,
);

/// **Parter och kontaktpersoner.** Under the parties' heading, a line naming a party (a kommun,
/// or a jour) followed by "Kontaktperson: …", "E-post: …", "Tel: …": that party's contact.
pub fn contacts(text: &str, hs: &[Heading], out: &mut Found) {
    for (i, h) in hs.iter().enumerate() {
        if !name_of(h).starts_with("parter") {
            continue;
        }
        let end = hs.get(i + 1).map_or(text.len(), |n| n.start);
        let mut side: Option<&str> = None;
        // (side, name, email, phone, start, end of the contact line)
        let mut found: Vec<ContactLine> = Vec::new();
        let mut at = h.end;
        for raw in text
            .get(h.end..end)
            .unwrap_or_default()
            .split_inclusive('\n')
        {
            let line = raw.trim();
            let start = at + (raw.len() - raw.trim_start().len());
            at += raw.len();
            if line.is_empty() {
                continue;
            }
            let lower = line.to_lowercase();
            let Some((key, value)) = line.split_once(':') else {
                if lower.contains("kommun") || lower.contains("region") || lower.ends_with(" stad")
                {
                    side = Some("public_parties[0]");
                } else if lower
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| super::parties::jour_family(w).is_some())
                {
                    side = Some("organisations[0]");
                }
                continue;
            };
            let (key, value) = (key.trim().to_lowercase(), value.trim().to_string());
            match (side, key.as_str()) {
                (Some(p), "kontaktperson" | "kontakt") if !value.is_empty() => {
                    found.push((p, value, None, None, start, start + line.len()));
                }
                (Some(p), "e-post" | "epost" | "mejl") => {
                    if let Some(c) = found.last_mut().filter(|c| c.0 == p) {
                        c.2 = Some(value);
                    }
                }
                (Some(p), "tel" | "telefon" | "tfn") => {
                    if let Some(c) = found.last_mut().filter(|c| c.0 == p) {
                        c.3 = Some(value);
                    }
                }
                _ => {}
            }
        }
        for (party, name, email, phone, start, end) in found {
            out.push(Finding {
                path: format!("{party}.contact"),
                value: json!({"name": name, "email": email, "phone": phone}),
                quote: text.get(start..end).unwrap_or_default().to_string(),
                start,
                end,
                rule: "kontaktperson".into(),
                doubt: None,
                section: Some(h.text.clone()),
            });
        }
    }
}

/// Services by area: "Område 1: Direkt stöd" opens an area of the organisation's; after "…
/// kommun ska ansvara för följande" the public party's own commitments.
fn areas(paragraphs: &[String]) -> Vec<Value> {
    let mut areas: Vec<(String, &str, Vec<String>)> = Vec::new();
    let mut provider = "organisation";
    for p in paragraphs {
        let lower = p.to_lowercase();
        if lower.starts_with("område") {
            let (name, rest) = p.split_once("**").map_or((p.as_str(), ""), |(n, r)| (n, r));
            areas.push((name.trim().to_string(), provider, Vec::new()));
            let rest = rest.trim_matches('*').trim();
            if !rest.is_empty() {
                if let Some(a) = areas.last_mut() {
                    a.2.push(rest.to_string());
                }
            }
            continue;
        }
        if lower.contains("kommun ska ansvara")
            || lower.contains("kommunen ska ansvara")
            || lower.contains("kommun ansvarar för följande")
        {
            provider = "public";
            areas.push(("Kommunens åtaganden".into(), provider, Vec::new()));
            continue;
        }
        match areas.last_mut() {
            Some(a) if a.1 == provider => a.2.push(p.clone()),
            _ => areas.push(("Insatser".into(), provider, vec![p.clone()])),
        }
    }
    areas
        .into_iter()
        .filter(|a| !a.2.is_empty())
        .map(|(name, provider, services)| json!({"name": name, "provider": provider, "services": services}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_named_headings_and_the_section_of_a_place() {
        let text = "Överenskommelse\n\n1. Bakgrund\n\nJouren finns.\n\n§ 4 Avtalstid och uppsägning\n\nAvtalet gäller 2024.\nErsättning\nKommunen betalar 1 kr.\n";
        let hs = headings(text);
        let names: Vec<&str> = hs.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            names,
            ["1. Bakgrund", "§ 4 Avtalstid och uppsägning", "Ersättning"]
        );
        let at = text.find("2024").unwrap_or_default();
        assert_eq!(
            section_at(&hs, at).map(|h| h.text.as_str()),
            Some("§ 4 Avtalstid och uppsägning")
        );
        assert!(section_at(&hs, 3).is_none());
        let mut out = Found::default();
        scope(text, &hs, &mut out);
        let out = out.into_items();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value, json!("Jouren finns."));
    }
}
