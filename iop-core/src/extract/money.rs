//! The rules for money: yearly amounts (each amount's role is in `roles`), the split between
//! payers, payment timing and invoices.

use super::parties::capitalised;
use super::roles::{role_of, Facts, Role, APPROXIMATE_BEFORE};
use super::rules::{found, sentence_finding, Found};
use super::tokens::{kronor_at, Sentence, Sentences, Shape};
use super::Finding;
use serde_json::{json, Value};

/// **Ekonomi.** "575 000 kr per år", "1 000 000 kronor per år som delas lika mellan X och Y",
/// "350 000 kr per år som ersätter det tidigare föreningsbidraget", "Om … kan de få stöd på 25 000
/// kronor ytterligare per år" (conditional), "drygt 1 miljon kronor över tre år" (a total, not a
/// yearly amount, and "drygt" is not exact: kept in the notes, never as an amount); payment in
/// "första kvartalet", "kvartalsvis"; an invoice "tillsammans med" its documents.
pub fn money(
    text: &str,
    sentences: &Sentences,
    year: Option<i32>,
    org: Option<(&str, &[String])>,
    several: bool,
    out: &mut Found,
) {
    let (org_name, org) = (org.map(|(n, _)| n), org.map(|(_, f)| f));
    // The words of the jour's name, to know it in a list ("Tjejjouren – 450 000 kronor").
    let org_words: Vec<String> = org_name
        .map(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 2)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    // An agreement of one calendar year: its total is its yearly amount ("Detta avtal gäller år
    // 2009" and "ersättning med totalt 247 700 kr").
    let one_year = one_year_term(out);
    let mut components = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        let s: &Sentence = &s;
        let n = s.tokens.len();
        // What the sentence says around its amounts, looked up once (a long sentence with many
        // amounts stays linear).
        let facts = Facts::of(s, year);
        let replaces = s.has("föreningsbidrag") && s.has("ersätter");
        let condition = if s.has("ytterligare") {
            condition_of(text, s)
        } else {
            None
        };
        let mut i = 0;
        while i < n {
            let Some((kr, last)) = kronor_at(s, i) else {
                i += 1;
                continue;
            };
            let window: Vec<&str> = s
                .tokens
                .get(last + 1..(last + 7).min(n))
                .map(|ts| ts.iter().map(|t| t.lower.as_ref()).collect())
                .unwrap_or_default();
            let role = role_of(s, &facts, i, last, &window, year);
            let plain = crate::Sek::rounded(kr).map(|v| v.to_plain());
            // An amount said to be another organisation's is kept out ("… till Tjejjouren
            // Luleå med 620 190 kronor").
            let others =
                owner_of(s, i).is_some_and(|f| org.is_none_or(|o| !o.iter().any(|g| g == f)));
            let head = s.tokens.get(..i).unwrap_or_default();
            let role = if others || (org.is_none() && several && owner_of(s, i).is_some()) {
                Role::Other
            } else if role == Role::Approximate
                && (window
                    .windows(2)
                    .any(|w| w == ["per", "år"] || w == ["om", "året"])
                    || window.first() == Some(&"årligen")
                    // "bidrar med tio kronor per invånare och år, alltså cirka 350 000 kronor"
                    || head.windows(2).any(|w| {
                        matches!(w, [a, b] if matches!((a.lower.as_ref(), b.lower.as_ref()), ("per" | "och", "år") | ("om", "året")))
                    }) && head.iter().any(|t| t.is("alltså") || t.is("dvs") || t.is("motsvarande")))
            {
                // "cirka 350 000 kronor per år": the year's amount, not exact.
                Role::Granted
            } else if role == Role::Other && listed_for(s, i, &org_words) {
                // "Tjejjouren – 450 000 kronor", "får kvinno- och tjejjouren Ada, 2,4 miljoner".
                Role::Granted
            } else if role == Role::Applied && granted_in_full(sentences, si) {
                // "de hade ansökt om 852 000 kronor" and then "… få hela det ansökta beloppet".
                Role::Granted
            } else if role == Role::Total
                && one_year
                && matches!(head.last().map(|t| t.lower.as_ref()), Some("totalt" | "sammanlagt"))
                && (s.has("ersättning") || s.has("avtal"))
            {
                Role::Granted
            } else {
                role
            };
            match (plain, role) {
                (Some(v), Role::Yearly | Role::Granted)
                    if kr >= rust_decimal::Decimal::from(1_000) =>
                {
                    // The condition belongs to an amount that comes after it.
                    let condition = condition
                        .as_ref()
                        .filter(|(_, stop)| *stop < i)
                        .map(|(c, _)| c.clone());
                    let kind = match &condition {
                        Some(c) => json!({"type": "conditional", "condition": c, "met": null}),
                        None if replaces => json!({"type": "replaces_foreningsbidrag"}),
                        None => json!({"type": "base"}),
                    };
                    let label = if replaces {
                        "Ersätter tidigare föreningsbidrag"
                    } else if condition.is_some() {
                        "Villkorat stöd"
                    } else {
                        "Ersättning"
                    };
                    let component = json!({"label": label, "kind": kind, "amount": v, "from": null, "until": null, "source": null});
                    let rule = if condition.is_some() {
                        "belopp-villkorat"
                    } else if replaces {
                        "belopp-föreningsbidrag"
                    } else {
                        "belopp-per-år"
                    };
                    let span_end = window
                        .iter()
                        .position(|w| *w == "år" || *w == "året" || *w == "årligen")
                        .map_or(last, |p| last + 1 + p);
                    let doubt = (role == Role::Granted).then(|| {
                        crate::Explanation::new(
                            "texten säger inte \"per år\": kontrollera att beloppet gäller ett år",
                            "the text does not say \"per year\": check that the amount is a year's",
                        )
                    });
                    out.extend(
                        found(
                            text,
                            s,
                            i,
                            span_end.min(n.saturating_sub(1)),
                            &if condition.is_none() && !replaces {
                                // Two different yearly amounts of the same kind are a
                                // conflict, never a sum.
                                "funding.components[base]".to_string()
                            } else {
                                format!("funding.components[{components}]")
                            },
                            component,
                            rule,
                        )
                        .map(|f| Finding { doubt, ..f }),
                    );
                    components += 1;
                }
                // Small sums (a fee of 5 kronor) are not about an agreement's money.
                (Some(_), role) if kr >= rust_decimal::Decimal::from(1_000) => {
                    if let Some(what) = role.note() {
                        let phrase_end = (last + 4).min(n.saturating_sub(1));
                        let approximately = i
                            .checked_sub(1)
                            .and_then(|k| s.tokens.get(k))
                            .is_some_and(|t| APPROXIMATE_BEFORE.contains(&t.lower.as_ref()));
                        let note = format!(
                            "Texten anger {}{} kr {what} (inte ett belopp per år i avtalet).",
                            if approximately && role != Role::Approximate {
                                "ungefär "
                            } else {
                                ""
                            },
                            crate::money::format_decimal_sv(kr, None),
                        );
                        out.extend(found(
                            text,
                            s,
                            i.saturating_sub(1),
                            phrase_end,
                            "notes",
                            json!(note),
                            "belopp-som-inte-är-årets",
                        ));
                    }
                }
                _ => {}
            }
            i = last + 1;
        }
        // "delas lika mellan kommunledningskontoret och socialförvaltningen"
        if let Some(k) = s.phrase(&["delas", "lika", "mellan"]) {
            let (parts, end) = listed_names(s, k + 3);
            if (2..=6).contains(&parts.len()) {
                let share = format!("1/{}", parts.len());
                let payers: Vec<Value> = parts
                    .iter()
                    .map(|p| json!({"name": capitalised(p), "share": share}))
                    .collect();
                out.extend(found(
                    text,
                    s,
                    k,
                    end,
                    "funding.split",
                    json!({"by": "share", "payers": payers}),
                    "delas-lika",
                ));
            }
        }
        // Payment timing.
        if s.has("betala") || s.has("utbetal") || s.has("ersättningen") {
            for (q, w) in [(1, "första"), (2, "andra"), (3, "tredje"), (4, "fjärde")] {
                if let Some(k) = s.phrase(&[w, "kvartalet"]) {
                    out.extend(found(
                        text,
                        s,
                        k,
                        k + 1,
                        "funding.payments.timing",
                        json!({"type": "quarter", "quarter": q}),
                        "kvartal",
                    ));
                }
            }
            if let Some(k) = s.tokens.iter().position(|t| t.is("kvartalsvis")) {
                out.extend(found(
                    text,
                    s,
                    k,
                    k,
                    "funding.payments.timing",
                    json!({"type": "quarterly"}),
                    "kvartalsvis",
                ));
            }
        }
        // An invoice, with the documents that go with it (in this or the next sentence).
        if s.has("faktur") {
            out.extend(sentence_finding(
                text,
                s,
                "funding.payments.on_invoice",
                json!(true),
                "faktura",
            ));
            let next = sentences.get(si + 1);
            for t in [Some(s), next.as_deref()].into_iter().flatten() {
                if let Some(k) = t.phrase(&["tillsammans", "med"]) {
                    let docs: Vec<Value> = t
                        .tokens
                        .iter()
                        .skip(k + 2)
                        .filter(|w| w.shape == Shape::Word && !w.is("och"))
                        .map(|w| json!(capitalised(w.text)))
                        .collect();
                    if !docs.is_empty() {
                        out.extend(found(
                            text,
                            t,
                            k,
                            t.tokens.len().saturating_sub(1),
                            "funding.payments.documents",
                            Value::Array(docs),
                            "faktura-handlingar",
                        ));
                    }
                    break;
                }
            }
        }
    }
}

/// Whether the amount at token `i` stands in a list right after the jour's own name, set off by
/// a dash, a colon or a comma: "Tjejjouren – 450 000 kronor", "Ada, 2,4 miljoner".
fn listed_for(s: &Sentence, i: usize, org_words: &[String]) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| s.tokens.get(k));
    let mark = at(i.checked_sub(1)).is_some_and(|t| matches!(t.text, "–" | "-" | "—" | ":" | ","));
    let name = at(i.checked_sub(2))
        .is_some_and(|t| t.shape == Shape::Word && org_words.iter().any(|w| *w == t.lower));
    mark && name
}

/// Whether the sentence after `si` grants what was applied for in full: "… skulle få hela det
/// ansökta beloppet", "beviljades det sökta beloppet".
fn granted_in_full(sentences: &Sentences, si: usize) -> bool {
    sentences.get(si + 1).is_some_and(|next| {
        (next.phrase(&["ansökta", "beloppet"]).is_some()
            || next.phrase(&["sökta", "beloppet"]).is_some())
            && !next.tokens.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "inte" | "ej" | "avslog" | "avslår" | "avslag"
                )
            })
    })
}

/// Whether the start and end found so far are the first and last day of one calendar year.
fn one_year_term(out: &Found) -> bool {
    let value = |path: &str| {
        let mut vs = out.iter().filter(|f| f.path == path).map(|f| {
            f.value
                .get("on")
                .unwrap_or(&f.value)
                .as_str()
                .unwrap_or_default()
                .to_string()
        });
        let first = vs.next()?;
        vs.all(|v| v == first).then_some(first)
    };
    match (value("term.start"), value("term.end")) {
        (Some(a), Some(b)) => {
            a.len() == 10
                && a.ends_with("-01-01")
                && b.ends_with("-12-31")
                && a.get(..4) == b.get(..4)
        }
        _ => false,
    }
}

/// The jour an amount at token `i` goes to, by the nearest jour named before it in its sentence
/// (its family: `kvinnojour`).
fn owner_of<'s>(s: &'s Sentence, i: usize) -> Option<&'s str> {
    let before = s.tokens.get(..i)?;
    before.iter().enumerate().rev().find_map(|(k, t)| {
        let family = super::parties::jour_family(&t.lower)?;
        // "sin tjejjour", "en tjejjour": the jour's own, or any; not another's name.
        let own = k
            .checked_sub(1)
            .and_then(|j| before.get(j))
            .is_some_and(|p| {
                matches!(
                    p.lower.as_ref(),
                    "sin" | "sitt" | "sina" | "deras" | "dess" | "en" | "ett"
                )
            });
        // Only a name ("Tjejjouren Luleå") is another's: "kvinnojouren" may be the party itself.
        let named = t.capital();
        (named && !own).then_some(family)
    })
}

/// The condition of a sentence that opens with "Om": its words up to "kan", "får" or a comma,
/// and where it stops.
fn condition_of(text: &str, s: &Sentence) -> Option<(String, usize)> {
    let first = s.tokens.first()?;
    if !first.is("om") {
        return None;
    }
    let stop = s
        .tokens
        .iter()
        .take(64)
        .position(|t| t.is("kan") || t.is("får") || t.text == ",")?;
    let last = s.tokens.get(stop.checked_sub(1)?)?;
    text.get(first.start..last.end)
        .map(|c| (c.to_string(), stop))
}

/// The names listed from token `from` ("socialnämnden, barn- och utbildningsnämnden och
/// kommunstyrelsen"): split at commas and at an "och" that does not complete a word cut short
/// with a hyphen. The names and the index of the last token.
fn listed_names(s: &Sentence, from: usize) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut suspended = false;
    let mut last = from;
    for (k, t) in s.tokens.iter().enumerate().skip(from) {
        match t.shape {
            Shape::Word if t.is("och") && !suspended => {
                names.push(current.join(" "));
                current.clear();
            }
            Shape::Word if current.len() < 5 => {
                current.push(t.text);
                suspended = false;
            }
            Shape::Mark if t.text == "-" && !t.spaced && !current.is_empty() => {
                current.push("-");
                suspended = true;
            }
            Shape::Mark if t.text == "," => {
                names.push(current.join(" "));
                current.clear();
            }
            _ => break,
        }
        last = k;
    }
    names.push(current.join(" "));
    let names = names
        .into_iter()
        .map(|n| n.replace(" -", "-"))
        .filter(|n| !n.is_empty())
        .collect();
    (names, last)
}
