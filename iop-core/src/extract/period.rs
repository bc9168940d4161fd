//! **Avtalstid in years.** News and decisions give an agreement's period in years, not dates:
//! "2023–2025", "från 2018 till 2020", "för åren 2021-2022", "för 2017, 2018 och 2019",
//! "bidrag för år 2021", "avtalet gäller 2009", "från och med 2018" (a start), "fram till och med
//! 2019", "löper ut 2019" (an end), and relative to the text's date: "i tre år från och med
//! årsskiftet", "ett treårigt avtal från årsskiftet". A period that belongs to something else
//! (one applied for, an earlier agreement, a coming procurement) is not the agreement's.

use super::rules::{found, Found};
use super::tokens::{count, Sentence, Sentences, Shape};
use super::Finding;
use chrono::{Datelike, NaiveDate};
use serde_json::json;

/// Words that make a sentence speak of an agreement's or a grant's time.
const ABOUT: &[&str] = &[
    "avtal",
    "överenskommelse",
    "partnerskap",
    "iop",
    "samarbet",
    "samverkan",
    "bidrag",
    "stöd",
    "medel",
    "verksamhetsbidrag",
    "föreningsbidrag",
    "anslag",
    "ersättning",
    "bevilja",
    "finansier",
    "pengar",
];

/// Words that make a period someone else's: asked for, past, or a plan.
const NOT_THIS: &[&str] = &[
    "haft",
    "hade",
    "tidigare",
    "föregående",
    "förra",
    "fjol",
    "ingick",
    "nuvarande",
    "ansök",
    "ansökt",
    "söker",
    "sökte",
    "begär",
    "kräver",
    "vill",
    "ville",
    "upphandling",
    "inför",
    "strategi",
    "handlingsplan",
    "utreda",
    "utredning",
    "delades",
    "fick",
    "budget",
    "statlig",
    "inriktning",
    "barometer",
    "kvinnofridsbarometer",
    "öka",
    "höja",
    "ombudget",
    "saknar",
    "saknas",
    "inte",
    "ingen",
    "mottog",
    "erhöll",
    "betalade",
    "gav",
];

/// Of the words above, those that make only a period after them someone else's when a grant
/// comes first in the clause: "beviljar … för år 2008 … och avslår ansökan om en höjning" is
/// the grant's year; "för 2018 ansökte kvinnojouren om …" is the application's.
const NOT_THIS_AFTER: &[&str] = &[
    "ansök", "söker", "sökte", "begär", "kräver", "vill", "ville",
];

/// Of the words above, those that make the rest of the sentence past, up to a "men": "har haft
/// ett avtal under många år, fram till 2019 då de klev ur avtalet".
const PAST_ON: &[&str] = &["haft", "hade", "ingick"];

/// Words that make a sentence speak of this agreement or grant, for a year alone ("för 2021").
const THIS: &[&str] = &[
    "avtalet",
    "överenskommelsen",
    "partnerskapet",
    "iop-avtalet",
    "samarbetsavtalet",
];

/// A year written as four digits, 1990–2099.
fn year_of(text: &str) -> Option<i32> {
    (text.len() == 4)
        .then(|| text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1990..2100).contains(y))
}

/// How many years a word says: "tre", "treårigt", "tvåårigt", "3-årigt".
fn years_in(word: &str) -> Option<u32> {
    if let Some(n) = count(word) {
        return Some(n);
    }
    let stem = word
        .strip_suffix("årigt")
        .or_else(|| word.strip_suffix("åriga"))
        .or_else(|| word.strip_suffix("årig"))?;
    count(stem.trim_end_matches('-'))
}

fn first_day(y: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, 1, 1)
}

fn last_day(y: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, 12, 31)
}

/// Proposes start and end read from years; `date` is the text's date.
pub fn years(text: &str, sentences: &Sentences, date: Option<NaiveDate>, out: &mut Found) {
    for s in sentences.iter() {
        let s: &Sentence = &s;
        let about = s
            .tokens
            .iter()
            .any(|t| ABOUT.iter().any(|w| t.lower.starts_with(w)));
        if !about {
            continue;
        }
        // A period belongs to its clause: "Socialdemokraterna ville utreda, men beslut fattades
        // om … för åren 2021-2022" is the decision's.
        let mut clause_of = vec![0usize; s.tokens.len()];
        let mut clause = 0;
        for (k, t) in s.tokens.iter().enumerate() {
            if matches!(t.lower.as_ref(), "," | "men" | ";" | "–") {
                clause += 1;
            }
            if let Some(c) = clause_of.get_mut(k) {
                *c = clause;
            }
        }
        // Per clause: from which token on a period is someone else's.
        let mut other_from = vec![usize::MAX; clause + 1];
        let mut past = false;
        let mut granted_in = vec![false; clause + 1];
        for (k, t) in s.tokens.iter().enumerate() {
            let c = clause_of.get(k).copied().unwrap_or(clause);
            if t.is("men") {
                past = false;
            }
            if t.lower.starts_with("bevilja") || t.is("tilldelas") {
                if let Some(g) = granted_in.get_mut(c) {
                    *g = true;
                }
            }
            let granted = granted_in.get(c).copied().unwrap_or(false);
            let only_after = NOT_THIS_AFTER.iter().any(|w| t.lower.starts_with(w));
            let not_this = NOT_THIS.iter().any(|w| t.lower.starts_with(w));
            if let Some(o) = other_from.get_mut(c) {
                if past || (not_this && !(only_after && granted)) {
                    *o = 0;
                } else if only_after {
                    *o = (*o).min(k);
                }
            }
            past |= PAST_ON.contains(&t.lower.as_ref());
        }
        let other = |k: usize| {
            clause_of
                .get(k)
                .and_then(|&c| other_from.get(c))
                .is_none_or(|&from| k > from)
        };
        let n = s.tokens.len();
        let word = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_ref());
        let mut start: Option<(NaiveDate, usize, usize)> = None;
        let mut end: Option<(NaiveDate, usize, usize)> = None;
        let mut singles: Vec<(i32, usize)> = Vec::new();
        // A year alone, or a start or an end alone, counts in a sentence that names the jour
        // or the agreement.
        let named_here = s.tokens.iter().any(|t| {
            super::parties::jour_family(&t.lower).is_some() || THIS.contains(&t.lower.as_ref())
        }) || s.phrase(&["detta", "avtal"]).is_some()
            || s.phrase(&["denna", "överenskommelse"]).is_some();
        let mut i = 0;
        while i < n {
            let Some(t) = s.tokens.get(i) else { break };
            if other(i) {
                i += 1;
                continue;
            }
            // "2021-2022" as one token.
            if t.shape == Shape::Number && t.text.len() == 9 {
                if let Some((a, b)) = t.text.split_once('-') {
                    if let (Some(y1), Some(y2)) = (year_of(a), year_of(b)) {
                        if y1 < y2 && y2 - y1 <= 10 {
                            start = first_day(y1).map(|d| (d, i, i));
                            end = last_day(y2).map(|d| (d, i, i));
                        }
                    }
                }
                i += 1;
                continue;
            }
            let Some(y1) = (t.shape == Shape::Number)
                .then(|| year_of(t.text))
                .flatten()
            else {
                i += 1;
                continue;
            };
            // "2023–2025", "2018 till 2020"
            let joined = matches!(word(i + 1), "–" | "-" | "till" | "—");
            if let (true, Some(y2)) = (joined, year_of(word(i + 2))) {
                if y1 < y2 && y2 - y1 <= 10 {
                    start = first_day(y1).map(|d| (d, i, i));
                    end = last_day(y2).map(|d| (d, i + 2, i + 2));
                    i += 3;
                    continue;
                }
            }
            let before: Vec<&str> = (i.saturating_sub(4)..i).map(word).collect();
            let after = |ws: &[&str]| before.ends_with(ws);
            if !named_here {
                i += 1;
                continue;
            }
            if after(&["från", "och", "med"])
                || after(&["fr.o.m."])
                || (after(&["från"]) && !joined)
            {
                start = first_day(y1).map(|d| (d, i.saturating_sub(3), i));
            } else if after(&["till", "och", "med"])
                || after(&["t.o.m."])
                || after(&["löper", "ut"])
                || after(&["gäller", "till"])
                || after(&["fram", "till"])
            {
                end = last_day(y1).map(|d| (d, i.saturating_sub(3), i));
            } else if after(&["för"])
                || after(&["för", "år"])
                || after(&["för", "året"])
                || after(&["för", "verksamhetsåret"])
                || after(&["under"])
                || after(&["under", "år"])
                || after(&["gäller"])
                || after(&["gäller", "år"])
                || after(&["gäller", "för"])
                || word(i + 1) == "års"
                || (singles.last().is_some_and(|(_, k)| *k + 2 >= i)
                    && matches!(word(i - 1), "," | "och"))
            {
                singles.push((y1, i));
            }
            i += 1;
        }
        // "för 2017, 2018 och 2019", "50 000 kronor för 2019 och 100 000 kronor för 2020":
        // years in a row make one period; one year alone is that year, in a sentence that
        // names the jour or the agreement.
        if start.is_none() && end.is_none() && !singles.is_empty() && named_here {
            let ys: Vec<i32> = singles.iter().map(|(y, _)| *y).collect();
            let consecutive = ys.windows(2).all(|w| matches!(w, [a, b] if *b == a + 1));
            if let (true, Some(&(y1, a)), Some(&(y2, b))) =
                (consecutive, singles.first(), singles.last())
            {
                start = first_day(y1).map(|d| (d, a, a));
                end = last_day(y2).map(|d| (d, b, b));
            }
        }
        // "i tre år från och med årsskiftet", "ett treårigt avtal från årsskiftet": from the
        // new year after the text's date.
        let mut relative = false;
        if start.is_none() {
            if let (Some(k), Some(d)) = (
                s.tokens
                    .iter()
                    .position(|t| t.lower.starts_with("årsskifte")),
                date,
            ) {
                if matches!(word(k.wrapping_sub(1)), "från" | "med" | "vid") && !other(k) {
                    let y = if d.month() >= 7 {
                        d.year() + 1
                    } else {
                        d.year()
                    };
                    let span: Option<u32> = (0..n).find_map(|j| {
                        let w = word(j);
                        let unit = word(j + 1);
                        if w.ends_with("årigt") || w.ends_with("åriga") {
                            years_in(w)
                        } else if unit == "år"
                            && matches!(word(j.wrapping_sub(1)), "i" | "på" | "under")
                        {
                            count(w)
                        } else {
                            None
                        }
                    });
                    start = first_day(y).map(|d| (d, k.saturating_sub(3), k));
                    if let Some(span) = span.filter(|n| (1..=10).contains(n)) {
                        end = last_day(y + span as i32 - 1).map(|d| (d, k.saturating_sub(3), k));
                    }
                    relative = true;
                }
            }
        }
        // "741 000 kronor i bidrag delas nästa år ut" in a text of December 2009: 2010.
        if start.is_none() && end.is_none() {
            if let (Some(k), Some(d)) = (s.phrase(&["nästa", "år"]), date) {
                if !other(k) && (named_here || s.has("bidrag")) {
                    start = first_day(d.year() + 1).map(|day| (day, k, k + 1));
                    end = last_day(d.year() + 1).map(|day| (day, k, k + 1));
                    relative = true;
                }
            }
        }
        let doubt = relative.then(|| {
            crate::Explanation::new("räknat från textens datum", "counted from the text's date")
        });
        if let Some((d, a, b)) = start {
            out.extend(
                found(text, s, a, b, "term.start", json!(d.to_string()), "år").map(|f| Finding {
                    doubt: doubt.clone(),
                    ..f
                }),
            );
        }
        if let Some((d, a, b)) = end {
            out.extend(
                found(
                    text,
                    s,
                    a,
                    b,
                    "term.end",
                    json!({ "on": d.to_string() }),
                    "år",
                )
                .map(|f| Finding {
                    doubt: doubt.clone(),
                    ..f
                }),
            );
        }
    }
}
