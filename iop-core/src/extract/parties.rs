//! The rules that read the parties: the kommun, and the jour by its name.

use super::rules::{found, Found};
use super::tokens::{Sentence, Sentences, Shape, Token};
use super::Finding;
use serde_json::json;
use std::collections::HashMap;

/// How surely a mention names the public party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Named {
    /// A name of the 290 anywhere else in running text (not first in its sentence).
    InPassing,
    /// Where the jour or the nämnd is: "Kvinnojouren i Lerum", "Järfällas kvinnojour",
    /// "socialnämnden i Vallentuna", "Lerums socialnämnd", a dateline ("LERUM:",
    /// "Västervik 2017-05-05").
    Placed,
    /// As the party: "Kalmar kommun", "Västerås stad", "Region Gotland".
    AsParty,
}

/// Words that name a nämnd or a jour, after which "i X" or before which "X:s" places it.
fn placing(w: &str) -> bool {
    w.contains("nämnd")
        || w.starts_with("kommunstyrelse")
        || w.starts_with("kommunfullmäktige")
        || w.starts_with("socialtjänst")
        || w.starts_with("socialförvaltning")
        || w.ends_with("jour")
        || w.ends_with("jouren")
        || w.ends_with("jourens")
        || w.ends_with("forum")
}

/// Names of the 290 that are also everyday words or first names, read only as a party or
/// placed, never in passing.
const COMMON_WORDS: &[&str] = &[
    "mark", "vara", "ale", "bjuv", "tranås", "boden", "sala", "lund", "gnesta", "orsa", "ljusdal",
    "hjo", "öckerö",
];

/// The municipality named by the words `words` (as written), or its genitive; "Väsby" is
/// Upplands Väsby.
fn named(words: &str) -> Option<&'static crate::Municipality> {
    let lower = words.to_lowercase();
    let lower = lower.trim_end_matches(':');
    let by = crate::municipality::municipality_by_name;
    by(lower)
        .or_else(|| lower.strip_suffix('s').and_then(by))
        .or_else(|| match lower {
            "väsby" | "väsbys" => by("upplands väsby"),
            _ => None,
        })
}

/// **Kommun.** "Kalmar kommun", "Linköpings kommun", "Västerås stad", "Region Gotland" name the
/// party; "Kvinnojouren i Lerum", "Lerums kvinnojour", "socialnämnden i Vallentuna", a dateline
/// ("LERUM:") place the agreement; a name elsewhere in the text counts least. The municipality
/// named most surely, and then most often, is the public party; two alike is left unknown.
pub fn municipality(text: &str, sentences: &Sentences, shared: bool, out: &mut Found) {
    // name → (how surely, how often, the kommunkod finding, the party's name finding)
    let mut seen: HashMap<&str, (Named, usize, Finding, Option<Finding>)> = HashMap::new();
    // The kommuner named as a party in a sentence about an agreement.
    let mut agreeing: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut note =
        |m: &'static crate::Municipality, how: Named, f: Finding, party: Option<Finding>| {
            let e = seen
                .entry(m.name.as_str())
                .or_insert((how, 0, f.clone(), party.clone()));
            if how > e.0 {
                *e = (how, 0, f, party.or(e.3.take()));
            } else if e.3.is_none() {
                e.3 = party;
            }
            if how == e.0 {
                e.1 += 1;
            }
        };
    for s in sentences.iter() {
        let s: &Sentence = &s;
        let n = s.tokens.len();
        let mut i = 0;
        while i < n {
            let Some(t) = s.tokens.get(i) else { break };
            if !t.capital() {
                i += 1;
                continue;
            }
            // One or two capitalised words: "Upplands Väsby", "Lerum".
            let two = s
                .tokens
                .get(i + 1)
                .filter(|u| u.capital() && u.spaced)
                .and_then(|u| Some((named(text.get(t.start..u.end)?)?, i + 1)));
            let Some((m, last)) = two.or_else(|| named(t.text).map(|m| (m, i))) else {
                i += 1;
                continue;
            };
            let word = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_ref());
            let next = word(last + 1);
            let prev = i.checked_sub(1).map_or("", word);
            let code = json!(m.code.to_string());
            let party_word =
                |w: &str| matches!(w, "kommun" | "kommuns" | "stad" | "stads" | "kommuner");
            // "Habo och Mullsjö kommun": both are parties.
            let coordinated = matches!(next, "och" | ",")
                && s.tokens
                    .get(last + 2)
                    .is_some_and(|u| u.capital() && named(u.text).is_some())
                && party_word(word(last + 3));
            let as_party =
                party_word(next) || coordinated || (prev == "region" && m.name == "Gotland");
            let written = t.text;
            let placed = (matches!(prev, "i" | "på")
                && i.checked_sub(2).is_some_and(|k| placing(word(k))))
                || (written.ends_with('s') && placing(next))
                || placing(next) && next.starts_with("kvinno")
                || prev == "kommunen" && word(i.wrapping_sub(2)) == "i"
                || (i == 0
                    && (matches!(next, ":" | "•" | "|" | "–" | "-")
                        || s.tokens
                            .get(last + 1)
                            .is_some_and(|t| t.shape == Shape::Number && !t.spaced)))
                || (i == 0
                    && written.chars().all(|c| !c.is_lowercase())
                    && written.chars().count() > 2);
            let first = if prev == "region" && as_party {
                i - 1
            } else {
                i
            };
            if as_party {
                let end = if coordinated || (m.name == "Gotland" && prev == "region") {
                    last
                } else {
                    last + 1
                };
                let party_name = text
                    .get(
                        s.tokens.get(first).map_or(0, |t| t.start)
                            ..s.tokens.get(end).map_or(0, |t| t.end),
                    )
                    .unwrap_or_default();
                let party_name = party_name
                    .strip_suffix("kommuns")
                    .map_or_else(|| party_name.to_string(), |w| format!("{w}kommun"));
                let party_name = party_name
                    .strip_suffix("stads")
                    .map_or(party_name.clone(), |w| format!("{w}stad"));
                if let (Some(f), Some(p)) = (
                    found(
                        text,
                        s,
                        first,
                        end,
                        "public_parties[0].kommunkod",
                        code.clone(),
                        "kommun-namn",
                    ),
                    found(
                        text,
                        s,
                        first,
                        end,
                        "public_parties[0].name",
                        json!(party_name),
                        "kommun-namn",
                    ),
                ) {
                    note(m, Named::AsParty, f, Some(p));
                    if s.has("avtal")
                        || s.has("överenskommelse")
                        || s.has("partnerskap")
                        || s.has("iop")
                    {
                        agreeing.insert(m.name.as_str());
                    }
                }
            } else if placed {
                if let Some(f) = found(
                    text,
                    s,
                    i,
                    last,
                    "public_parties[0].kommunkod",
                    code,
                    "kommun-ort",
                ) {
                    note(m, Named::Placed, f, None);
                }
            } else if i > 0 && !COMMON_WORDS.contains(&m.name.to_lowercase().as_str()) {
                if let Some(f) = found(
                    text,
                    s,
                    i,
                    last,
                    "public_parties[0].kommunkod",
                    code,
                    "kommun-nämnd",
                ) {
                    note(m, Named::InPassing, f, None);
                }
            }
            i = last + 1;
        }
    }
    // A jour whose name places it in two kommuner ("Kvinnojouren i Nacka och Värmdö") may have
    // an agreement with either: only a kommun named as a party to an agreement is its party.
    if shared {
        seen.retain(|name, _| agreeing.contains(name));
    }
    let best = seen.values().map(|v| (v.0, v.1)).max();
    let top: Vec<_> = seen
        .into_values()
        .filter(|v| Some((v.0, v.1)) == best)
        .collect();
    // Two named alike: the caller's conflict, never a choice.
    for (_, _, f, party) in top {
        out.push(f);
        if let Some(p) = party {
            out.push(p);
        }
    }
}

/// The family of a word that names a jour (`kvinnojour` for "Kvinnojouren", "kvinnojourens"),
/// or `None` for other words, a bare "jouren" and the plural "jourer".
pub(super) fn jour_family(lower: &str) -> Option<&str> {
    let stem = lower
        .strip_suffix("ens")
        .or_else(|| lower.strip_suffix("en"))
        .or_else(|| lower.strip_suffix('s'))
        .unwrap_or(lower);
    let family = stem.ends_with("jour")
        || stem.ends_with("forum")
        || stem == "kvinnohus"
        || stem.ends_with("brottsofferförening");
    (family && stem.len() > "jour".len()).then_some(stem)
}

/// How many different jourer the text names (by family: kvinnojour, tjejjour, …).
pub fn jour_families(sentences: &Sentences) -> usize {
    let mut seen = std::collections::HashSet::new();
    for s in sentences.iter() {
        let s: &Sentence = &s;
        for t in &s.tokens {
            if let Some(f) = jour_family(&t.lower) {
                seen.insert(f.to_string());
            }
        }
    }
    seen.len()
}

/// Capitalised words that open a sentence and are not a name: "Nu får Uppsala kvinnojour".
const NOT_A_NAME: &[&str] = &[
    "nu",
    "där",
    "därför",
    "även",
    "också",
    "hos",
    "men",
    "och",
    "att",
    "när",
    "enligt",
    "till",
    "från",
    "för",
    "med",
    "om",
    "i",
    "på",
    "det",
    "den",
    "som",
    "både",
    "så",
    "sedan",
    "dessutom",
    "bidraget",
    "kommunen",
    "stödet",
    "en",
    "ett",
    "vår",
    "er",
    "hela",
    "varje",
    "nya",
    "ny",
    "lokal",
    "lokala",
    "ideell",
    "ideella",
    "stor",
    "liten",
    "enda",
    "egen",
    "första",
    "annan",
    "regional",
    "kommunal",
    "kommunala",
    "svensk",
    "svenska",
    "ytterligare",
    "ingen",
];

/// A jour's mentions: how many, where the first is, and its names with their counts.
type Family = (usize, usize, HashMap<String, (usize, Finding)>);

/// **Organisation.** A name built on a word for a jour (kvinnojour, tjejjour, brottsofferjour,
/// kvinnoforum, kvinnohus) with the words that complete it: "Kvinnojouren i Vallentuna",
/// "Kvinnojouren & Ungdomsjouren Kalmar", "Kvinnojouren Nacka/Värmdö", "Kramfors Kvinnoforum",
/// "Järfällas kvinnojour", "Agera kvinnojour", "Kvinno- och tjejjouren Ada". The jour named most
/// often (its bare mentions count: "Kvinnojouren" is Kvinnojouren i Kungsbacka's), in its name
/// used most often, then fullest.
pub fn organisation(text: &str, sentences: &Sentences, out: &mut Found) {
    // family → (mentions, first mention, names → (count, finding))
    let mut families: HashMap<String, Family> = HashMap::new();
    for s in sentences.iter() {
        let s: &Sentence = &s;
        let n = s.tokens.len();
        let word = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_ref());
        let mut i = 0;
        while i < n {
            let Some(t) = s.tokens.get(i) else { break };
            let Some(family) = jour_family(&t.lower).filter(|_| t.shape == Shape::Word) else {
                i += 1;
                continue;
            };
            let indefinite = !t.lower.ends_with("en") && !t.lower.ends_with("ens");
            let mut a = i;
            let family = family.to_string();
            // "Kvinno- och tjejjouren": a word cut short with a hyphen, joined by "och".
            if i >= 3
                && word(i - 1) == "och"
                && word(i - 2) == "-"
                && s.tokens.get(i - 3).is_some_and(|w| w.shape == Shape::Word)
            {
                a = i - 3;
            }
            // An indefinite, lower-case "kvinnojour" is any jour, not this one.
            let generic = indefinite && !s.tokens.get(a).is_some_and(Token::capital);
            // Words before an indefinite one: "Agera kvinnojour", "Uppsala Kvinnojour", "Frida
            // Kvinnojour", "Helsingborgs kvinnojour", "Öppen gemenskaps kvinnojour".
            let mut before = 0;
            while indefinite && a > 0 && before < 2 {
                let Some(p) = s.tokens.get(a - 1) else { break };
                let place = named_place(&p.lower);
                let opens = a - 1 == 0;
                let genitive_lower = !p.capital()
                    && p.lower.ends_with('s')
                    && a >= 2
                    && s.tokens
                        .get(a - 2)
                        .is_some_and(|q| q.capital() && !NOT_A_NAME.contains(&q.lower.as_ref()));
                let ok = p.shape == Shape::Word
                    && ((p.capital()
                        && (place
                            || (!NOT_A_NAME.contains(&p.lower.as_ref()) && (generic || !opens))))
                        || (genitive_lower && generic && before == 0));
                if !ok || jour_family(&p.lower).is_some() {
                    break;
                }
                a -= 1;
                before += 1;
                // "Nacka/Värmdö Kvinnojour"
                if a >= 2 && word(a - 1) == "/" && s.tokens.get(a - 2).is_some_and(Token::capital) {
                    a -= 2;
                }
            }
            let mut b = i;
            loop {
                let (x, y, z) = (
                    s.tokens.get(b + 1),
                    s.tokens.get(b + 2),
                    s.tokens.get(b + 3),
                );
                match (x, y) {
                    (Some(x), Some(y))
                        if (x.text == "&" || x.is("och"))
                            && y.capital()
                            && jour_family(&y.lower).is_some() =>
                    {
                        b += 2
                    }
                    (Some(x), Some(y)) if x.is("i") && y.capital() => {
                        let at_core = b == i;
                        b += 2;
                        // "i Nacka och Värmdö", "i Nacka/Värmdö"
                        if let (Some(c), Some(d)) = (z, s.tokens.get(b + 2)) {
                            if (c.text == "/" || (c.is("och") && at_core))
                                && d.capital()
                                && named_place(&d.lower)
                            {
                                b += 2;
                            }
                        }
                    }
                    (Some(x), Some(y)) if x.text == "/" && !x.spaced && y.capital() && b > i => {
                        b += 2
                    }
                    // "Ellinor och Beata", never "… och Linköpings kommun".
                    (Some(x), Some(y))
                        if x.is("och")
                            && y.capital()
                            && b > i
                            && !named_place(&y.lower)
                            && s.tokens
                                .get(b)
                                .is_some_and(|w| w.capital() && !named_place(&w.lower)) =>
                    {
                        b += 2
                    }
                    (Some(x), _)
                        if x.capital()
                            && jour_family(&x.lower).is_none()
                            && x.spaced
                            && !NOT_A_NAME.contains(&x.lower.as_ref()) =>
                    {
                        b += 1
                    }
                    (Some(x), _) if x.is("län") && b > i => b += 1,
                    _ => break,
                }
            }
            let name = text
                .get(s.tokens.get(a).map_or(0, |t| t.start)..s.tokens.get(b).map_or(0, |t| t.end))
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut name = capitalised(&name);
            // A genitive that ends the name: "Tjejjouren Ronjas verksamhet" when the text also
            // says "Tjejjouren Ronja"; "… Ungdomsjouren Kalmars" (a place).
            if b > i && name.ends_with('s') {
                let stripped = &name[..name.len() - 1];
                let last = stripped.rsplit(' ').next().unwrap_or_default();
                let elsewhere = text.match_indices(stripped).any(|(k, _)| {
                    text.get(k + stripped.len()..)
                        .and_then(|r| r.chars().next())
                        .is_none_or(|c| !c.is_alphabetic())
                });
                // A first name in the genitive before a noun: "Ronjas arbete".
                let before_noun = last.ends_with(['a', 'e', 'o'])
                    && s.tokens
                        .get(b + 1)
                        .is_some_and(|w| w.shape == Shape::Word && !w.capital());
                if elsewhere || before_noun || named_place(&last.to_lowercase()) {
                    name.pop();
                }
            }
            // "Brottsofferjourens": the jour itself.
            if a == b && name.ends_with("ens") {
                name.pop();
            }
            let e = families
                .entry(family)
                .or_insert((0, t.start, HashMap::new()));
            let capital_first = s.tokens.get(a).is_some_and(Token::capital);
            // A name (capitalised, or with a place or a name after it) counts twice a bare
            // "kvinnojouren", which may be any jour's.
            e.0 += if capital_first || b > i { 2 } else { 1 };
            if !generic || b > i || (a < i && capital_first) {
                // A name written in lower case throughout ("tjej- och kvinnojouren") is not a
                // full name, however many words it has.
                let full = capital_first || b > i;
                let key = if full {
                    name.clone()
                } else {
                    name.replace(' ', "\u{a0}")
                };
                if let Some(f) = found(
                    text,
                    s,
                    a,
                    b,
                    "organisations[0].name",
                    json!(name),
                    "organisation-namn",
                ) {
                    e.2.entry(key).or_insert((0, f)).0 += 1;
                }
            }
            i = b + 1;
        }
    }
    // One jour named clearly more often than any other (at least twice as often); a text
    // about several jourer alike names none of them as the party.
    let mut ranked: Vec<_> = families
        .into_iter()
        .filter(|(_, v)| !v.2.is_empty())
        .collect();
    ranked.sort_by_key(|(_, v)| std::cmp::Reverse(v.0));
    let second = ranked.get(1).map_or(0, |(_, v)| v.0);
    let Some((_, (top, _, names))) = ranked.into_iter().next() else {
        return;
    };
    if second > 0 && top < 2 * second {
        return;
    }
    let full: Vec<_> = names.iter().filter(|(k, _)| k.contains(' ')).collect();
    let pool = if full.is_empty() {
        names.iter().collect()
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

/// Whether a name names two of the 290: "Kvinnojouren i Nacka och Värmdö", "Nacka/Värmdö".
pub fn names_two_places(name: &str) -> bool {
    let places: std::collections::HashSet<&str> = name
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter_map(|w| named(w).map(|m| m.name.as_str()))
        .collect();
    places.len() >= 2
}

/// Whether a lower-case word is one of the 290 or its genitive.
fn named_place(lower: &str) -> bool {
    named(lower).is_some()
}

/// `s` with its first letter in upper case.
pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
