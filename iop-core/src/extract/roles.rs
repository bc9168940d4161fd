//! What an amount is, by the words around it: each list of words is a rule, and `role_of`
//! says in which order they apply.

use super::tokens::{Sentence, Shape};

/// What an amount is, by the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
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
    pub(super) fn note(self) -> Option<&'static str> {
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
pub(super) const APPROXIMATE_BEFORE: &[&str] = &[
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
    "halver",
    "fördubbl",
    "dubbl",
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
    "fick",
    "fått",
    "erhöll",
];

/// Words of a decision: "Förra året beslutades att … en miljon kronor om året" dates the
/// decision, not the amount.
const DECISION_STEMS: &[&str] = &["beslut", "beslöt", "bestäm", "klubba"];

/// Grants that come every year by their nature: "1 319 000 kr i föreningsstöd".
const RECURRING: &[&str] = &[
    "föreningsstöd",
    "föreningsbidrag",
    "verksamhetsbidrag",
    "verksamhetsstöd",
    "driftsbidrag",
    "driftbidrag",
    "grundbidrag",
    "organisationsbidrag",
    "årsbidrag",
];

/// What a sentence says as a whole, looked up once for all its amounts (a sentence of many
/// amounts stays linear).
pub(super) struct Facts<'s> {
    /// Each word, lower-cased, and where it first stands.
    first: std::collections::HashMap<&'s str, usize>,
    /// "i år", "för år", "för verksamhetsåret", "år sedan".
    this_year: bool,
    ago: bool,
    /// A year before the text's (or any year, when its date is unknown).
    past_year: bool,
    /// "för" or "under" a year from the text's on.
    for_a_year: bool,
}

impl<'s> Facts<'s> {
    /// The facts of `s`, read against the text's `year`.
    pub(super) fn of(s: &'s Sentence, year: Option<i32>) -> Facts<'s> {
        let mut first = std::collections::HashMap::new();
        for (k, t) in s.tokens.iter().enumerate() {
            first.entry(t.lower.as_ref()).or_insert(k);
        }
        let years = || {
            s.tokens.iter().filter_map(|t| {
                (t.shape == Shape::Number && t.text.len() == 4)
                    .then(|| t.text.parse::<i32>().ok())
                    .flatten()
                    .filter(|y| (1990..2100).contains(y))
            })
        };
        let has = |w: &str| first.contains_key(w);
        Facts {
            this_year: s.phrase(&["i", "år"]).is_some()
                || s.phrase(&["för", "år"]).is_some()
                || s.phrase(&["för", "verksamhetsåret"]).is_some()
                || has("årets")
                || has("nu"),
            // "för tre år sedan", never "per år sedan 2021".
            ago: s
                .phrase(&["år", "sedan"])
                .is_some_and(|k| s.tokens.get(k + 2).is_none_or(|t| t.shape != Shape::Number)),
            past_year: years().any(|y| year.is_none_or(|now| y < now)),
            for_a_year: (has("för") || has("under"))
                && years().any(|y| year.is_none_or(|now| y >= now)),
            first,
        }
    }
}

/// The role of the amount at tokens `i..=last` of `s`; `window` is the words after it, `year`
/// the year the text is from, if known.
pub(super) fn role_of(
    s: &Sentence,
    facts: &Facts,
    i: usize,
    last: usize,
    window: &[&str],
    year: Option<i32>,
) -> Role {
    let word = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_ref());
    let before: Vec<&str> = (i.saturating_sub(6)..i).map(word).collect();
    let ends_with = |ws: &[&str]| before.ends_with(ws);
    let sentence_has = |ws: &[&str]| ws.iter().any(|w| facts.first.contains_key(w));
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
        .take(40)
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
    // "sammanlagt 790 000 kronor i verksamhetsbidrag": the whole of a yearly grant.
    let one_year = one_year || window.iter().take(3).any(|w| RECURRING.contains(w));
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
    if before
        .last()
        .is_some_and(|w| APPROXIMATE_BEFORE.contains(w))
    {
        return Role::Approximate;
    }
    let earlier_in_sentence = |ws: &[&str]| {
        ws.iter()
            .any(|w| facts.first.get(w).is_some_and(|&k| k < i))
    };
    // "från 400 000 kr per år till 500 000 kr per år": the first is the earlier level (also
    // when a raise is only asked for: "kräver höjt bidrag från 295 000 kronor till …" may
    // name last year's grant).
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
    // "… om 97 000 kronor, så även i år": an earlier level that holds this year too.
    let also_now = window
        .windows(3)
        .any(|w| matches!(w, ["även" | "också", "i", "år"]));
    // "Förra året beslutades att … en miljon kronor om året": the earlier word dates the
    // decision, which stands between it and the amount.
    let nearest = |pick: &dyn Fn(&str) -> bool| clause.iter().position(|w| pick(w));
    let decided_then = match (
        nearest(&|w| stem_in(w, DECISION_STEMS)),
        nearest(&|w| EARLIER_WORDS.contains(&w)),
    ) {
        (Some(d), Some(e)) => d < e,
        _ => false,
    };
    if (in_clause(EARLIER_WORDS) && !decided_then || facts.ago) && !also_now {
        return Role::Earlier;
    }
    // "År 2021 fick jouren 600 000 kr", "De fick 350 000 kr i bidrag 2009": a past year in the
    // past tense.
    let past_year = facts.past_year;
    if past_year && in_clause(PAST_WORDS)
        || (clause.iter().any(|w| PAST_WORDS.contains(w))
            && years_after.iter().any(|y| year.is_none_or(|now| *y < now)))
    {
        return Role::Earlier;
    }
    // "Tidigare … 400 000 kronor – men nu … 250 000": the level now, after an earlier one.
    if in_clause(&["nu"]) && earlier_in_sentence(EARLIER_WORDS) {
        return Role::Granted;
    }
    // "bidraget halveras, från 250 000 till 100 000 kronor", "bidraget höjs till 1,2 miljoner
    // kronor": the new level.
    // Never a range alone ("från 0 kronor till 1 miljon" compares kommuner), and the grant
    // changed is the jour's, named before ("Också KF Länken väntas få sitt bidrag höjt – från
    // 155 000 till 200 000 kronor" is another's) or the sentence's subject ("Bidraget höjs").
    let head = s.tokens.get(..i).unwrap_or_default();
    if ends_with(&["till"])
        && head.iter().any(|t| stem_in(&t.lower, CHANGE_STEMS))
        && (head
            .iter()
            .any(|t| super::parties::jour_family(&t.lower).is_some())
            || head.first().is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "bidraget" | "anslaget" | "stödet" | "ersättningen"
                )
            }))
    {
        return Role::Granted;
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
    let this_year = facts.this_year || facts.for_a_year;
    // "får 100 000 kronor i ett år", "för ett år".
    let a_year = window
        .windows(3)
        .any(|w| matches!(w, ["i" | "för" | "under", "ett", "år"]));
    if (this_year || a_year) && in_clause(GRANT_WORDS) {
        return Role::Granted;
    }
    // "Beloppet uppgår till 340 000 kr", "Bidraget blir 94 761 kronor".
    let the_grant = clause.iter().any(|w| {
        matches!(
            *w,
            "beloppet" | "bidraget" | "ersättningen" | "stödet" | "anslaget" | "utslaget"
        )
    }) && (ends_with(&["uppgår", "till"])
        || ends_with(&["blir"])
        || ends_with(&["blev"])
        || ends_with(&["är"]));
    if the_grant {
        return Role::Granted;
    }
    // "beviljar Öppen gemenskaps kvinnojour 1 319 000 kr i föreningsstöd": a grant that
    // comes every year; never "… var" (each of several).
    let recurring = window.iter().take(3).any(|w| RECURRING.contains(w))
        || clause.iter().take(4).any(|w| RECURRING.contains(w));
    // "30 000 kronor i föreningsbidrag." (a lead that opens with the grant) too.
    if recurring && (in_clause(GRANT_WORDS) || i == 0) && window.first() != Some(&"var") {
        return Role::Granted;
    }
    Role::Other
}
