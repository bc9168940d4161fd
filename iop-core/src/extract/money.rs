//! The rules for money, follow-up and termination (see [`super::rules`] for the parties and the
//! term).

use super::rules::{found, sentence_finding};
use super::tokens::{count, kronor_at, Sentence, Shape};
use super::Finding;
use serde_json::{json, Value};

/// **Ekonomi.** "575 000 kr per år", "1 000 000 kronor per år som delas lika mellan X och Y",
/// "350 000 kr per år som ersätter det tidigare föreningsbidraget", "Om … kan de få stöd på 25 000
/// kronor ytterligare per år" (conditional), "drygt 1 miljon kronor över tre år" (a total, not a
/// yearly amount, and "drygt" is not exact: kept in the notes, never as an amount); payment in
/// "första kvartalet", "kvartalsvis"; an invoice "tillsammans med" its documents.
pub fn money(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    let mut components = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        let n = s.tokens.len();
        // What the sentence says around its amounts, looked up once (a long sentence with many
        // amounts stays linear).
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
            let before = |k: usize| {
                i.checked_sub(k)
                    .and_then(|j| s.tokens.get(j))
                    .map(|t| t.lower.as_ref())
            };
            let approximate = matches!(
                before(1),
                Some(
                    "drygt"
                        | "cirka"
                        | "ca"
                        | "ungefär"
                        | "knappt"
                        | "runt"
                        | "omkring"
                        | "nästan"
                        | "över"
                        | "upp"
                )
            );
            let window: Vec<&str> = s
                .tokens
                .get(last + 1..(last + 7).min(n))
                .map(|ts| ts.iter().map(|t| t.lower.as_ref()).collect())
                .unwrap_or_default();
            let yearly = window
                .windows(2)
                .any(|w| w == ["per", "år"] || w == ["om", "året"] || w == ["varje", "år"])
                || window.contains(&"årligen");
            let total = window.contains(&"över")
                || window.contains(&"totalt")
                || window.windows(2).any(|w| w == ["under", "perioden"])
                || before(1) == Some("totalt");
            let plain = crate::Sek::rounded(kr).map(|v| v.to_plain());
            match plain {
                Some(v) if yearly && !approximate && !total => {
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
                    out.extend(found(
                        text,
                        s,
                        i,
                        span_end.min(n.saturating_sub(1)),
                        &format!("funding.components[{components}]"),
                        component,
                        rule,
                    ));
                    components += 1;
                }
                Some(v) if total || approximate => {
                    let phrase_end = (last + 4).min(n.saturating_sub(1));
                    let note = format!(
                        "Texten anger {}{} kr{} (inte ett belopp per år{}).",
                        if approximate { "ungefär " } else { "" },
                        crate::money::format_decimal_sv(kr, None),
                        if total { " totalt" } else { "" },
                        if approximate { "; inte exakt" } else { "" }
                    );
                    let _ = v;
                    out.extend(found(
                        text,
                        s,
                        i.saturating_sub(usize::from(approximate)),
                        phrase_end,
                        "notes",
                        json!(note),
                        "belopp-totalt-eller-ungefär",
                    ));
                }
                _ => {}
            }
            i = last + 1;
        }
        // "delas lika mellan kommunledningskontoret och socialförvaltningen"
        if let Some(k) = s.phrase(&["delas", "lika", "mellan"]) {
            let rest: Vec<&str> = s
                .tokens
                .get(k + 3..)
                .map(|ts| {
                    ts.iter()
                        .take_while(|t| t.shape == Shape::Word || t.text == ",")
                        .map(|t| t.text)
                        .collect()
                })
                .unwrap_or_default();
            let words = rest.join(" ");
            let parts: Vec<String> = words
                .split(" och ")
                .flat_map(|p| p.split(" , "))
                .map(|p| p.trim().trim_matches(',').to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() >= 2 {
                let share = format!("1/{}", parts.len());
                let payers: Vec<Value> = parts
                    .iter()
                    .map(|p| json!({"name": capitalised(p), "share": share}))
                    .collect();
                let end = k + 2 + rest.len();
                out.extend(found(
                    text,
                    s,
                    k,
                    end.min(n.saturating_sub(1)),
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
            for t in [Some(s), sentences.get(si + 1)].into_iter().flatten() {
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

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// **Uppföljning, ändringar och uppsägning.** "rättelse inom 30 dagar", "uppsägningstid … sex
/// månader", "minst två gånger per år" (meetings), the yearly verksamhetsplan and
/// verksamhetsberättelse, "återbetalningsskyldiga för delar eller hela beloppet", "får … behålla".
pub fn follow_up(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    for s in sentences {
        let n = s.tokens.len();
        if let Some(k) = s.phrase(&["rättelse", "inom"]) {
            if let (Some(d), Some(unit)) = (
                s.tokens.get(k + 2).and_then(|t| count(&t.lower)),
                s.tokens.get(k + 3),
            ) {
                if unit.is("dagar") || unit.is("dag") {
                    out.extend(found(
                        text,
                        s,
                        k,
                        k + 3,
                        "termination.for_breach.cure_days",
                        json!(d),
                        "rättelse-inom",
                    ));
                }
            }
        }
        if let Some(k) = s
            .tokens
            .iter()
            .position(|t| t.lower.starts_with("uppsägningstid"))
        {
            for i in k + 1..(k + 6).min(n) {
                let (Some(num), Some(unit)) = (
                    s.tokens.get(i).and_then(|t| count(&t.lower)),
                    s.tokens.get(i + 1),
                ) else {
                    continue;
                };
                let v = if unit.lower.starts_with("månad") {
                    json!({"months": num})
                } else if unit.lower.starts_with("dag") {
                    json!({"days": num})
                } else {
                    continue;
                };
                out.extend(found(
                    text,
                    s,
                    k,
                    i + 1,
                    "termination.ordinary_notice",
                    v,
                    "uppsägningstid",
                ));
                break;
            }
        }
        if let Some(k) = s
            .phrase(&["gånger", "per", "år"])
            .or_else(|| s.phrase(&["gånger", "om", "året"]))
        {
            let (num, from) = match k
                .checked_sub(1)
                .and_then(|j| s.tokens.get(j))
                .and_then(|t| count(&t.lower))
            {
                Some(v) => (Some(v), k - 1),
                None => (None, k),
            };
            let meeting = s.has("möte") || s.has("uppfölj") || s.has("träff") || s.has("styrgrupp");
            if let (Some(v), true) = (num, meeting) {
                let from = if from > 0 && s.tokens.get(from - 1).is_some_and(|t| t.is("minst")) {
                    from - 1
                } else {
                    from
                };
                out.extend(found(
                    text,
                    s,
                    from,
                    k + 2,
                    "obligations.meetings.per_year",
                    json!(v),
                    "gånger-per-år",
                ));
            }
        }
        if s.has("återbetalningsskyldig") {
            let v = if s.phrase(&["delar", "eller", "hela"]).is_some() {
                "part_or_all"
            } else if s.has("hela") {
                "all"
            } else {
                "unknown"
            };
            if v != "unknown" {
                out.extend(sentence_finding(
                    text,
                    s,
                    "termination.for_breach.if_organisation_in_breach",
                    json!(v),
                    "återbetalning",
                ));
            }
        }
        if s.has("behålla")
            && (s.phrase(&["kommuns", "sida"]).is_some()
                || s.phrase(&["kommunens", "sida"]).is_some())
        {
            out.extend(sentence_finding(
                text,
                s,
                "termination.for_breach.if_public_in_breach",
                json!("nothing"),
                "får-behålla",
            ));
        }
        let obliging = s.has("upprätta") || s.has("lämna") || s.has("redovis") || s.has("ska");
        if obliging && !s.has("faktur") && !s.has("tillsammans") {
            for (word, kind, name) in [
                ("verksamhetsplan", "plan", "Verksamhetsplan"),
                ("verksamhetsberättelse", "report", "Verksamhetsberättelse"),
            ] {
                if let Some(k) = s.tokens.iter().position(|t| t.lower.starts_with(word)) {
                    let due = if kind == "report" && s.phrase(&["efter", "årets", "slut"]).is_some()
                    {
                        json!({"type": "after_year", "days": null})
                    } else {
                        json!({"type": "unknown"})
                    };
                    let doc = json!({"kind": kind, "name": name, "contents": [], "responsible": ["organisation"], "due": due, "reported_to": null});
                    out.extend(found(
                        text,
                        s,
                        k,
                        k,
                        &format!("obligations.documents.{kind}"),
                        doc,
                        "plan-och-rapport",
                    ));
                }
            }
        }
    }
}
