//! The rules that read the parties and the term from sentences (money, follow-up and
//! termination are in `money`). Each states the Swedish it reads and proposes
//! findings; none guesses: a term it cannot read with confidence is left alone.

use super::tokens::{count, date_at, Sentence, Sentences, Shape};
use super::Finding;
use serde_json::{json, Value};

/// What the rules have found: each (term, value) once, and at most [`super::MAX_ITEMS`] × 2
/// different values of one term, so that the memory for a long text of repeated statements
/// does not grow with its length.
#[derive(Default)]
pub struct Found {
    items: Vec<Finding>,
    seen: std::collections::HashSet<(String, String)>,
    per_term: std::collections::HashMap<String, usize>,
}

impl Found {
    /// Keeps `f` unless the same term with the same value is kept, or the term has too many.
    pub fn push(&mut self, f: Finding) {
        // "funding.components[3]" and "funding.components[0]" are one term.
        let mut term = String::with_capacity(f.path.len());
        let mut inside = false;
        for c in f.path.chars() {
            match c {
                '[' => inside = true,
                ']' => inside = false,
                d if inside && d.is_ascii_digit() => continue,
                _ => {}
            }
            term.push(c);
        }
        let count = self.per_term.entry(term.clone()).or_default();
        if *count >= 2 * super::MAX_ITEMS || !self.seen.insert((term, f.value.to_string())) {
            return;
        }
        *count += 1;
        self.items.push(f);
    }

    /// Keeps each of `fs`.
    pub fn extend(&mut self, fs: impl IntoIterator<Item = Finding>) {
        for f in fs {
            self.push(f);
        }
    }

    /// What was kept, in the order found.
    pub fn into_items(self) -> Vec<Finding> {
        self.items
    }
}

impl std::ops::Deref for Found {
    type Target = [Finding];
    fn deref(&self) -> &[Finding] {
        &self.items
    }
}

impl std::ops::DerefMut for Found {
    fn deref_mut(&mut self) -> &mut [Finding] {
        &mut self.items
    }
}

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
        doubt: None,
        section: None,
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

/// **Organisationsnummer** as written, spaces included ("83 24 01-3807", "212000-0746"), with a
/// valid check digit; the first digit says whose it is (2: a public body, else the organisation).
pub fn org_numbers(text: &str, sentences: &Sentences, out: &mut Found) {
    for s in sentences.iter() {
        let s: &Sentence = &s;
        // Looked up once per sentence: a sentence of many numbers stays linear.
        let phone = s.has("tel") || s.has("tfn") || s.has("ring") || s.has("nås");
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

/// The date of the text: after "Publicerad" or "Uppdaterad" (the first), or a dateline (a short
/// line with a date) among its first lines.
pub fn text_date(sentences: &Sentences) -> Option<chrono::NaiveDate> {
    let mut dateline = None;
    for s in sentences.iter().take(15) {
        let s: &Sentence = &s;
        let flagged = s.tokens.iter().position(|t| {
            t.lower.starts_with("publicera") || t.lower.starts_with("uppdatera") || t.is("datum")
        });
        let from = flagged.map_or(0, |k| k + 1);
        let found = (from..s.tokens.len().min(from + 8)).find_map(|i| date_at(s, i, false));
        match (flagged, found) {
            (Some(_), Some((d, _))) => return Some(d),
            (None, Some((d, _))) if s.tokens.len() <= 12 && dateline.is_none() => {
                dateline = Some(d)
            }
            _ => {}
        }
    }
    dateline
}

/// **Avtalstid.** "gäller för perioden 1 januari 2022 till 31 december 2024", "2025-01-01 –
/// 2027-12-31", "påbörjas den 1 juli 2021 och pågår fram till och med den 30 juni 2023", "gäller
/// fram tills sista december 2023", "gäller till och med 2019-12-31", "löper ut 2019-12-31", "2023 -
/// 2025" (an agreement of whole years); a new proposal "senast till september 2019".
pub fn term(text: &str, sentences: &Sentences, out: &mut Found) {
    for s in sentences.iter() {
        let s: &Sentence = &s;
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
        let past = [
            "haft",
            "hade",
            "tidigare",
            "föregående",
            "ingick",
            "ingått",
            "tecknade",
            "nuvarande",
            "förra",
        ]
        .iter()
        .any(|w| s.tokens.iter().any(|t| t.is(w)));
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
                let squeezed: String = before.concat();
                let ends = before.ends_with(&["till", "och", "med"])
                    || squeezed.ends_with("t.o.m.")
                    || squeezed.ends_with("t.om.")
                    || squeezed.ends_with("tom")
                    || before.ends_with(&["löper", "ut"])
                    || before.ends_with(&["till", "och", "med", "den"])
                    || before.ends_with(&["fram", "tills"])
                    || before.ends_with(&["fram", "till"])
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
                    // "sträcker sig två år fram till sista december 2020": the start is that
                    // many years before the day after the end.
                    let span = (0..*i).find_map(|k| {
                        let n = count(&s.tokens.get(k)?.lower)?;
                        (s.tokens.get(k + 1)?.is("år") && (1..=10).contains(&n)).then_some((k, n))
                    });
                    if let Some((k, n)) = span {
                        let begins = d
                            .succ_opt()
                            .and_then(|next| next.checked_sub_months(chrono::Months::new(12 * n)));
                        if let Some(b) = begins {
                            out.extend(found(
                                text,
                                s,
                                k,
                                k + 1,
                                "term.start",
                                json!(b.to_string()),
                                "år-fram-till",
                            ));
                        }
                    }
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
