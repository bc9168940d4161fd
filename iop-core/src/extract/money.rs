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
pub fn money(
    text: &str,
    sentences: &[Sentence],
    year: Option<i32>,
    org: Option<&str>,
    several: bool,
    out: &mut Vec<Finding>,
) {
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
            let window: Vec<&str> = s
                .tokens
                .get(last + 1..(last + 7).min(n))
                .map(|ts| ts.iter().map(|t| t.lower.as_ref()).collect())
                .unwrap_or_default();
            let role = role_of(s, i, last, &window, year);
            let plain = crate::Sek::rounded(kr).map(|v| v.to_plain());
            // An amount said to be another organisation's is kept out ("… till Tjejjouren
            // Luleå med 620 190 kronor").
            let others = owner_of(s, i).is_some_and(|f| org.is_none_or(|o| o != f));
            let role = if others || (org.is_none() && several && owner_of(s, i).is_some()) {
                Role::Other
            } else if role == Role::Approximate
                && (window
                    .windows(2)
                    .any(|w| w == ["per", "år"] || w == ["om", "året"])
                    || window.first() == Some(&"årligen"))
            {
                // "cirka 350 000 kronor per år": the year's amount, not exact.
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
                        let note = format!(
                            "Texten anger {} kr {what} (inte ett belopp per år i avtalet).",
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

/// What an amount is, by the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The yearly amount of the agreement: "650 000 kr per år".
    Yearly,
    /// Over several years: "1 miljon kronor över tre år", "totalt".
    Total,
    /// Not exact: "drygt", "cirka", "knappt".
    Approximate,
    /// A ceiling: "upp till", "högst", "maximalt".
    Ceiling,
    /// An earlier level: "tidigare", "från 400 000 kr … till", "2021 fick".
    Earlier,
    /// A change: "ökar med 100 000 kr", "en höjning på".
    Change,
    /// Applied for, asked for, or refused: "ansökt om", "avslag".
    Applied,
    /// Said not to be: "beviljar inte".
    Negated,
    /// What something costs: "hyran är 16 000 kronor i månaden".
    Cost,
    /// One end of a range: "mellan 20 000 och 40 000 kronor".
    Range,
    /// A grant for this year or a year named, without "per år": the year's amount, with doubt.
    Granted,
    /// Nothing says it is yearly.
    Other,
}

impl Role {
    /// What the notes say the amount is, in Swedish; `None` for an amount worth no note.
    fn note(self) -> Option<&'static str> {
        Some(match self {
            Role::Total => "totalt",
            Role::Approximate => "ungefär, inte exakt",
            Role::Ceiling => "som högsta belopp",
            Role::Earlier => "som en tidigare nivå",
            Role::Change => "som en förändring",
            Role::Applied => "som sökt eller avslaget",
            Role::Negated => "med en negation",
            Role::Cost => "som en kostnad",
            Role::Range => "som gräns i ett spann",
            Role::Yearly | Role::Granted | Role::Other => return None,
        })
    }
}

/// Words that each make an amount something other than this agreement's yearly amount, by where
/// they stand: right before the amount, in its clause before it, or anywhere in the sentence.
/// Each list is a rule; `role_of` says in which order they apply.
const APPROXIMATE_BEFORE: &[&str] = &[
    "drygt", "cirka", "ca", "ungefär", "knappt", "runt", "omkring", "nästan", "närmare", "nära",
];
const CEILING_BEFORE: &[&[&str]] = &[
    &["upp", "till"],
    &["högst"],
    &["max"],
    &["maximalt"],
    &["maximum"],
    &["som", "mest"],
    &["ett", "tak", "på"],
    &["över"],
    &["mer", "än"],
    &["minst"],
];
/// Beginnings of words for a change: "höjs", "höjde", "ökning", "sänkt", "förstärkts".
const CHANGE_STEMS: &[&str] = &[
    "höj",
    "ök",
    "sänk",
    "minsk",
    "förstärk",
    "utök",
    "tillskott",
    "extra",
    "skär",
];
const EARLIER_WORDS: &[&str] = &[
    "tidigare",
    "förra",
    "föregående",
    "hittills",
    "dittills",
    "fjol",
];
const APPLIED_WORDS: &[&str] = &[
    "ansökt",
    "ansökte",
    "ansöker",
    "ansökan",
    "ansökningen",
    "sökt",
    "sökte",
    "söker",
    "begärt",
    "begärde",
    "begär",
    "äskat",
    "äskar",
    "äskade",
    "yrkar",
    "yrkade",
    "önskar",
    "önskat",
    "efterfrågat",
    "kräver",
    "krävde",
    "krav",
    "vill",
    "ville",
    "tyckte",
    "borde",
    "bör",
    "motion",
    "motionen",
    "löfte",
    "lovat",
    "utlovat",
    "behöver",
    "behövs",
    "saknas",
    "fattas",
];
const REFUSED_WORDS: &[&str] = &["avslag", "avslå", "avslår", "avslogs", "avslagits"];
const NEGATIONS: &[&str] = &["inte", "ej", "icke", "aldrig", "ingen", "inga"];
const PAST_WORDS: &[&str] = &[
    "fick",
    "erhöll",
    "hade",
    "fått",
    "erhållit",
    "betalade",
    "gav",
    "delades",
    "var",
];
/// What the money is for, when it is a cost rather than a grant: "hyran", "kostade".
const COST_STEMS: &[&str] = &[
    "kosta", "kostn", "hyra", "hyran", "årshyra", "lön", "budget", "omsätt", "utgift",
];
/// Words before an amount that make it a year's: "ett årligt bidrag på", "årets bidrag blir".
const YEARLY_BEFORE: &[&str] = &["årligt", "årlig", "årliga", "årsbidrag", "årets", "årligen"];
/// Verbs of a grant to the organisation, for an amount that says no "per år".
const GRANT_WORDS: &[&str] = &[
    "får",
    "beviljas",
    "beviljar",
    "beviljat",
    "beviljades",
    "bevilja",
    "tilldelas",
    "tilldelats",
    "erhåller",
    "ges",
    "ger",
    "stöttar",
    "bidrar",
    "blir",
    "uppgår",
    "landar",
    "höjs",
    "höjts",
];

/// The role of the amount at tokens `i..=last` of `s`; `window` is the words after it, `year`
/// the year the text is from, if known.
fn role_of(s: &Sentence, i: usize, last: usize, window: &[&str], year: Option<i32>) -> Role {
    let word = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_ref());
    let before: Vec<&str> = (i.saturating_sub(6)..i).map(word).collect();
    let ends_with = |ws: &[&str]| before.ends_with(ws);
    let sentence_has = |ws: &[&str]| s.tokens.iter().any(|t| ws.contains(&t.lower.as_ref()));
    let stem_in = |w: &str, stems: &[&str]| stems.iter().any(|p| w.starts_with(p));
    // Words before the amount in its own clause (back to a comma, a dash or a "men").
    let clause: Vec<&str> = s
        .tokens
        .get(..i)
        .unwrap_or_default()
        .iter()
        .rev()
        .map(|t| t.lower.as_ref())
        .take_while(|w| !matches!(*w, "," | "men" | "–" | ";" | ":" | "samt"))
        .collect();
    let in_clause = |ws: &[&str]| clause.iter().any(|w| ws.contains(w));
    let per_year = window.windows(2).any(|w| {
        w == ["per", "år"]
            || w == ["om", "året"]
            || w == ["varje", "år"]
            || w == ["/", "år"]
            || w == ["i", "år"]
            || w == ["per", "kalenderår"]
    }) || window
        .first()
        .is_some_and(|w| *w == "årligen" || *w == "/år");
    let years_after: Vec<i32> = window
        .iter()
        .filter_map(|w| w.parse::<i32>().ok().filter(|y| (1990..2100).contains(y)))
        .collect();
    if before
        .last()
        .is_some_and(|w| APPROXIMATE_BEFORE.contains(w))
    {
        return Role::Approximate;
    }
    if CEILING_BEFORE.iter().any(|ws| ends_with(ws)) {
        return Role::Ceiling;
    }
    // "mellan 20 000 och 40 000 kronor"
    if in_clause(&["mellan"]) && (ends_with(&["och"]) || window.first() == Some(&"och")) {
        return Role::Range;
    }
    let one_year = window
        .windows(2)
        .any(|w| matches!(w, ["för", "verksamhetsåret"] | ["för", "år"]));
    if window.contains(&"över")
        || window.windows(2).any(|w| {
            w == ["under", "perioden"] || w == ["under", "avtalsperioden"] || w == ["för", "åren"]
        })
        || (before
            .last()
            .is_some_and(|w| *w == "totalt" || *w == "sammanlagt")
            && !one_year)
    {
        return Role::Total;
    }
    // "från 400 000 kr per år till 500 000 kr per år": the first is the earlier level.
    if ends_with(&["från"]) && s.tokens.iter().skip(last + 1).take(8).any(|t| t.is("till")) {
        return Role::Earlier;
    }
    // "ökar med 100 000 kr", "en höjning på 100 000 kr", "extra 100 000 kr".
    if (ends_with(&["med"])
        || ends_with(&["på"])
        || ends_with(&["extra"])
        || ends_with(&["ytterligare"]))
        && clause.iter().any(|w| stem_in(w, CHANGE_STEMS))
    {
        return Role::Change;
    }
    if ends_with(&["extra"])
        || window.first().is_some_and(|w| *w == "extra")
        || window.windows(2).any(|w| w == ["i", "extra"])
    {
        return Role::Change;
    }
    let earlier_in_sentence = |ws: &[&str]| {
        s.tokens
            .get(..i)
            .unwrap_or_default()
            .iter()
            .any(|t| ws.contains(&t.lower.as_ref()))
    };
    if sentence_has(REFUSED_WORDS) || earlier_in_sentence(APPLIED_WORDS) {
        return Role::Applied;
    }
    if clause.iter().any(|w| NEGATIONS.contains(w)) {
        return Role::Negated;
    }
    if clause.iter().any(|w| stem_in(w, COST_STEMS))
        || window.first().is_some_and(|w| *w == "i")
            && window
                .get(1)
                .is_some_and(|w| stem_in(w, &["hyra", "kostn", "lön"]))
    {
        return Role::Cost;
    }
    if in_clause(EARLIER_WORDS) || s.phrase(&["år", "sedan"]).is_some() {
        return Role::Earlier;
    }
    // "År 2021 fick jouren 600 000 kr", "De fick 350 000 kr i bidrag 2009": a past year in the
    // past tense.
    let past_year = s.tokens.iter().any(|t| {
        t.shape == Shape::Number
            && t.text.len() == 4
            && t.text
                .parse::<i32>()
                .is_ok_and(|y| (1990..2100).contains(&y) && year.is_none_or(|now| y < now))
    });
    if past_year && in_clause(PAST_WORDS)
        || (clause.iter().any(|w| PAST_WORDS.contains(w))
            && years_after.iter().any(|y| year.is_none_or(|now| *y < now)))
    {
        return Role::Earlier;
    }
    if per_year
        || before
            .iter()
            .rev()
            .take(4)
            .any(|w| YEARLY_BEFORE.contains(w))
    {
        return Role::Yearly;
    }
    // News: "får 300 000 kronor i kommunalt bidrag i år", "beviljar … 1 319 000 kr i
    // föreningsstöd", "bidrag för år 2021 … med 1 067 500 kr": a grant, for this year or one
    // year named, is the year's amount, proposed with doubt.
    let this_year = s.phrase(&["i", "år"]).is_some()
        || s.phrase(&["för", "år"]).is_some()
        || s.phrase(&["för", "verksamhetsåret"]).is_some()
        || sentence_has(&["årets", "nu"])
        || (s.tokens.iter().any(|t| t.is("för") || t.is("under"))
            && s.tokens.iter().any(|t| {
                t.text.len() == 4
                    && t.text
                        .parse::<i32>()
                        .is_ok_and(|y| (1990..2100).contains(&y) && year.is_none_or(|now| y >= now))
            }));
    if this_year && in_clause(GRANT_WORDS) {
        return Role::Granted;
    }
    Role::Other
}

/// The jour an amount at token `i` goes to, by the nearest jour named before it in its sentence
/// (its family: `kvinnojour`).
fn owner_of<'s>(s: &'s Sentence, i: usize) -> Option<&'s str> {
    s.tokens
        .get(..i)?
        .iter()
        .rev()
        .find_map(|t| super::rules::jour_family(&t.lower))
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
