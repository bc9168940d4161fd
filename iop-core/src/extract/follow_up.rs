//! The rules for follow-up and termination: cure period, notice, meetings, plans and reports,
//! repayment.

use super::rules::{found, sentence_finding, Found};
use super::tokens::{count, Sentence, Sentences};
use serde_json::json;

/// **Uppföljning, ändringar och uppsägning.** "rättelse inom 30 dagar", "uppsägningstid … sex
/// månader", "minst två gånger per år" (meetings), the yearly verksamhetsplan and
/// verksamhetsberättelse, "återbetalningsskyldiga för delar eller hela beloppet", "får … behålla".
pub fn follow_up(text: &str, sentences: &Sentences, out: &mut Found) {
    for s in sentences.iter() {
        let s: &Sentence = &s;
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
