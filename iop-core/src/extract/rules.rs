//! The rules that read the parties and the term from sentences (money, follow-up and
//! termination are in `money`). Each states the Swedish it reads and proposes
//! findings; none guesses: a term it cannot read with confidence is left alone.

use super::tokens::{count, date_at, Sentence, Shape};
use super::Finding;
use serde_json::{json, Value};
use std::collections::HashMap;

/// A finding over tokens `a..=b` of sentence `s`.
pub(super) fn found(
    text: &str,
    s: &Sentence,
    a: usize,
    b: usize,
    path: &str,
    value: Value,
    rule: &'static str,
) -> Option<Finding> {
    let start = s.tokens.get(a)?.start;
    let end = s.tokens.get(b)?.end;
    Some(Finding {
        path: path.to_string(),
        value,
        quote: text.get(start..end)?.to_string(),
        start,
        end,
        rule: rule.into(),
    })
}

/// The whole sentence as the finding's quote.
pub(super) fn sentence_finding(
    text: &str,
    s: &Sentence,
    path: &str,
    value: Value,
    rule: &'static str,
) -> Option<Finding> {
    found(
        text,
        s,
        0,
        s.tokens.len().checked_sub(1)?,
        path,
        value,
        rule,
    )
}

/// **Kommun.** "Kalmar kommun", "Linköpings kommun", "Västerås stad", "Upplands Väsby kommun":
/// a name of the 290 (or its genitive) before `kommun`, `kommuns` or `stad`. The one named most
/// often is the public party; two named equally often is a conflict the caller reports.
pub fn municipality(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, (usize, Finding, Finding)> = HashMap::new();
    for s in sentences {
        for (i, t) in s.tokens.iter().enumerate() {
            if !(t.is("kommun") || t.is("kommuns") || t.is("stad") || t.is("stads")) || i == 0 {
                continue;
            }
            // One or two words before, as written or without a genitive s.
            for len in [2usize, 1] {
                let Some(first) = i.checked_sub(len) else {
                    continue;
                };
                let words: Vec<&str> = (first..i)
                    .filter_map(|k| s.tokens.get(k).map(|t| t.text))
                    .collect();
                if !s.tokens.get(first).is_some_and(|t| t.capital()) || words.len() != len {
                    continue;
                }
                let name = words.join(" ").to_lowercase();
                let m = crate::municipality::municipality_by_name(&name).or_else(|| {
                    name.strip_suffix('s')
                        .and_then(crate::municipality::municipality_by_name)
                });
                if let Some(m) = m {
                    let code = m.code.to_string();
                    let Some(f) = found(
                        text,
                        s,
                        first,
                        i,
                        "public_parties[0].kommunkod",
                        json!(code),
                        "kommun-namn",
                    ) else {
                        continue;
                    };
                    // The party's name as written ("Linköpings kommun"), in the nominative.
                    let written = text
                        .get(s.tokens.get(first).map_or(0, |t| t.start)..t.end)
                        .unwrap_or_default();
                    let written = written
                        .strip_suffix("kommuns")
                        .map_or_else(|| written.to_string(), |w| format!("{w}kommun"));
                    let written = written
                        .strip_suffix("stads")
                        .map_or(written.clone(), |w| format!("{w}stad"));
                    let Some(n) = found(
                        text,
                        s,
                        first,
                        i,
                        "public_parties[0].name",
                        json!(written),
                        "kommun-namn",
                    ) else {
                        continue;
                    };
                    let e = seen.entry(m.name.as_str()).or_insert((0, f, n));
                    e.0 += 1;
                    break;
                }
            }
        }
    }
    let most = seen.values().map(|v| v.0).max().unwrap_or(0);
    let mut top: Vec<_> = seen
        .into_values()
        .filter(|v| v.0 == most && most > 0)
        .collect();
    top.sort_by_key(|v| v.1.start);
    for (_, f, n) in top {
        out.push(f);
        out.push(n);
    }
}

/// **Organisationsnummer** as written, spaces included ("83 24 01-3807", "212000-0746"), with a
/// valid check digit; the first digit says whose it is (2: a public body, else the organisation).
pub fn org_numbers(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    for s in sentences {
        let mut i = 0;
        while i < s.tokens.len() {
            // Up to four number tokens in a row, joined: `83 24 01-3807`.
            let mut j = i;
            let mut digits = String::new();
            while let Some(t) = s.tokens.get(j) {
                if t.shape != Shape::Number || (j > i && !t.spaced) || digits.len() > 10 {
                    break;
                }
                digits.push_str(t.text);
                j += 1;
                if digits.chars().filter(char::is_ascii_digit).count() >= 10 {
                    break;
                }
            }
            // Written as an organisationsnummer is: a hyphen, if any, before the last four
            // digits (`0480-450006` is a telephone number).
            let shaped = digits
                .split_once('-')
                .is_none_or(|(_, after)| after.len() == 4);
            let phone = s.has("tel") || s.has("tfn") || s.has("ring") || s.has("nås");
            if j > i && shaped && !phone {
                if let (Ok(n), Some(last)) = (crate::OrgNumber::parse(&digits), j.checked_sub(1)) {
                    let whose = if n.group() == 2 {
                        "public_parties[0]"
                    } else {
                        "organisations[0]"
                    };
                    if let Some(f) = found(
                        text,
                        s,
                        i,
                        last,
                        &format!("{whose}.org_number"),
                        json!(n.to_string()),
                        "organisationsnummer",
                    ) {
                        out.push(f);
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// **Organisation.** A name built on a word ending in `jour`, `jouren` or `forum` (Kvinnojouren,
/// Tjejjouren, Brottsofferjouren, Kvinnoforum), with the words that complete it: "Kvinnojouren i
/// Vallentuna", "Kvinnojouren & Ungdomsjouren Kalmar", "Kvinnojouren Nacka Värmdö", "Kramfors
/// Kvinnoforum". The fullest name named most often; a bare "Kvinnojouren" only when there is no other.
pub fn organisation(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    let is_core = |w: &str| w.ends_with("jour") || w.ends_with("jouren") || w.ends_with("forum");
    let mut seen: HashMap<String, (usize, Finding)> = HashMap::new();
    for s in sentences {
        let n = s.tokens.len();
        let mut i = 0;
        while i < n {
            let Some(t) = s.tokens.get(i) else { break };
            if t.shape != Shape::Word || !is_core(&t.lower) || t.lower.ends_with("jourer") {
                i += 1;
                continue;
            }
            // A capitalised place before it: "Kramfors Kvinnoforum", "Kalmar Kvinnojour".
            let mut a = i;
            if i > 0
                && s.tokens
                    .get(i - 1)
                    .is_some_and(|p| p.capital() && !is_core(&p.lower))
                && t.lower.ends_with("forum")
            {
                a = i - 1;
            }
            let mut b = i;
            loop {
                let next = s.tokens.get(b + 1);
                let after = s.tokens.get(b + 2);
                match (next, after) {
                    (Some(x), Some(y))
                        if (x.text == "&" || x.is("och")) && y.capital() && is_core(&y.lower) =>
                    {
                        b += 2
                    }
                    (Some(x), Some(y)) if x.is("i") && y.capital() => b += 2,
                    (Some(x), _) if x.capital() && !is_core(&x.lower) && x.spaced => b += 1,
                    (Some(x), _) if x.is("län") && b > i => b += 1,
                    _ => break,
                }
            }
            let words: Vec<&str> = (a..=b)
                .filter_map(|k| s.tokens.get(k).map(|t| t.text))
                .collect();
            let mut name = words.join(" ");
            // A genitive ending the name: "… Ungdomsjouren Kalmars ideella arbete".
            if b > i
                && name.ends_with('s')
                && crate::municipality::municipality_by_name(
                    words.last().map_or("", |w| w.trim_end_matches('s')),
                )
                .is_some()
            {
                name.pop();
            }
            let mut chars = name.chars();
            let name = match chars.next() {
                Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
                None => name,
            };
            if let Some(f) = found(
                text,
                s,
                a,
                b,
                "organisations[0].name",
                json!(name.clone()),
                "organisation-namn",
            ) {
                seen.entry(name).or_insert((0, f)).0 += 1;
            }
            i = b + 1;
        }
    }
    let full: Vec<_> = seen.iter().filter(|(k, _)| k.contains(' ')).collect();
    let pool: Vec<_> = if full.is_empty() {
        seen.iter().collect()
    } else {
        full
    };
    let best = pool
        .iter()
        .max_by_key(|(k, v)| (v.0, k.len()))
        .map(|(k, _)| k.as_str());
    // The fullest form of it that the text uses more than once ("Kvinnojouren & Ungdomsjouren
    // Kalmar" over "Kvinnojouren & Ungdomsjouren").
    let fullest = best.and_then(|b| {
        pool.iter()
            .filter(|(k, v)| k.starts_with(b) && (k.len() == b.len() || v.0 >= 2))
            .max_by_key(|(k, _)| k.len())
    });
    if let Some((_, (_, f))) = fullest {
        out.push(f.clone());
    }
}

/// **Avtalstid.** "gäller för perioden 1 januari 2022 till 31 december 2024", "2025-01-01 –
/// 2027-12-31", "påbörjas den 1 juli 2021 och pågår fram till och med den 30 juni 2023", "gäller
/// fram tills sista december 2023", "gäller till och med 2019-12-31", "löper ut 2019-12-31", "2023 -
/// 2025" (an agreement of whole years); a new proposal "senast till september 2019".
pub fn term(text: &str, sentences: &[Sentence], out: &mut Vec<Finding>) {
    for s in sentences {
        let about_term = s.has("avtal")
            || s.has("överenskommelse")
            || s.has("samarbet")
            || s.has("samverkan")
            || s.has("period")
            || s.has("iop")
            || s.has("partnerskap");
        let dates: Vec<(usize, chrono::NaiveDate, usize)> = (0..s.tokens.len())
            .filter_map(|i| date_at(s, i, false).map(|(d, last)| (i, d, last)))
            .collect();
        // Two dates joined by "till", "–", "-", "och pågår fram till och med (den)": a period.
        let mut used_end = false;
        // A period in the past ("har sedan 2022-01-01 till 2024-12-31 haft ett …") is an earlier
        // agreement, not this one.
        let past = s.has("haft") || s.has("hade") || s.has("tidigare") || s.has("föregående");
        for pair in dates.windows(2) {
            let [(a, d1, a_last), (b, d2, b_last)] = pair else {
                continue;
            };
            if past {
                continue;
            }
            let between: Vec<&str> = s
                .tokens
                .get(a_last + 1..*b)
                .map(|ts| ts.iter().map(|t| t.lower.as_ref()).collect())
                .unwrap_or_default();
            let joined = matches!(
                between.as_slice(),
                ["till"] | ["–"] | ["-"] | ["t.o.m."] | ["–", "den"]
            ) || between.ends_with(&["till", "och", "med"])
                || between.ends_with(&["till", "och", "med", "den"]);
            if joined && about_term && d1 < d2 {
                out.extend(found(
                    text,
                    s,
                    *a,
                    *a_last,
                    "term.start",
                    json!(d1.to_string()),
                    "period",
                ));
                out.extend(found(
                    text,
                    s,
                    *b,
                    *b_last,
                    "term.end",
                    json!({ "on": d2.to_string() }),
                    "period",
                ));
                used_end = true;
            }
        }
        if !used_end && about_term {
            for (i, d, last) in &dates {
                let before: Vec<&str> = s
                    .tokens
                    .get(i.saturating_sub(4)..*i)
                    .map(|ts| ts.iter().map(|t| t.lower.as_ref()).collect())
                    .unwrap_or_default();
                let ends = before.ends_with(&["till", "och", "med"])
                    || before.ends_with(&["t.o.m."])
                    || before.ends_with(&["löper", "ut"])
                    || before.ends_with(&["till", "och", "med", "den"])
                    || before.ends_with(&["fram", "tills"])
                    || before.ends_with(&["gäller", "till"]);
                let starts = before.ends_with(&["från", "och", "med"])
                    || before.ends_with(&["påbörjas", "den"])
                    || before.ends_with(&["fr.o.m."]);
                if ends {
                    out.extend(found(
                        text,
                        s,
                        *i,
                        *last,
                        "term.end",
                        json!({ "on": d.to_string() }),
                        "slutdatum",
                    ));
                } else if starts {
                    out.extend(found(
                        text,
                        s,
                        *i,
                        *last,
                        "term.start",
                        json!(d.to_string()),
                        "startdatum",
                    ));
                }
            }
            // "fram tills sista december 2023" reads as one date starting at "sista".
        }
        // "2023 - 2025", "2023–2025": whole calendar years.
        if about_term && dates.is_empty() {
            for i in 0..s.tokens.len() {
                let (Some(a), Some(dash), Some(b)) =
                    (s.tokens.get(i), s.tokens.get(i + 1), s.tokens.get(i + 2))
                else {
                    continue;
                };
                let year = |t: &super::tokens::Token| {
                    (t.shape == Shape::Number && t.text.len() == 4)
                        .then(|| t.text.parse::<i32>().ok())
                        .flatten()
                };
                if let (Some(y1), true, Some(y2)) =
                    (year(a), dash.text == "–" || dash.text == "-", year(b))
                {
                    if (1990..=2100).contains(&y1) && y1 <= y2 && y2 - y1 <= 10 {
                        out.extend(found(
                            text,
                            s,
                            i,
                            i,
                            "term.start",
                            json!(format!("{y1}-01-01")),
                            "årtal–årtal",
                        ));
                        out.extend(found(
                            text,
                            s,
                            i + 2,
                            i + 2,
                            "term.end",
                            json!({ "on": format!("{y2}-12-31") }),
                            "årtal–årtal",
                        ));
                    }
                }
            }
        }
        // A new proposal or decision by a month: "senast till september 2019".
        if s.has("förslag") || s.has("beslut") {
            if let Some(k) = s.find("senast", 0) {
                for i in k + 1..(k + 4).min(s.tokens.len()) {
                    if let Some((d, last)) = date_at(s, i, true) {
                        out.extend(found(
                            text,
                            s,
                            k,
                            last,
                            "term.stated_decision_due",
                            json!(d.to_string()),
                            "beslut-senast",
                        ));
                        break;
                    }
                }
            }
        }
        // Renewal: "upphör utan uppsägning"; "förlängs … med två år i taget"; "två år i taget".
        if let Some(i) = s.phrase(&["upphör", "utan", "uppsägning"]) {
            out.extend(found(
                text,
                s,
                i,
                i + 2,
                "term.renewal",
                json!({"type": "none"}),
                "upphör-utan-uppsägning",
            ));
        }
        if let Some(i) = s.phrase(&["i", "taget"]) {
            let years = i
                .checked_sub(2)
                .and_then(|k| Some((k, count(&s.tokens.get(k)?.lower)?)));
            let unit = i
                .checked_sub(1)
                .and_then(|k| s.tokens.get(k))
                .is_some_and(|t| t.is("år"));
            if let (Some((k, n)), true) = (years, unit) {
                if n > 0 && n <= 10 && (s.has("förläng") || s.has("löper") || s.has("tills")) {
                    out.extend(found(
                        text,
                        s,
                        k,
                        i + 1,
                        "term.renewal",
                        json!({"type": "automatic_extension", "years": n, "notice": null}),
                        "år-i-taget",
                    ));
                }
            }
        }
    }
}
