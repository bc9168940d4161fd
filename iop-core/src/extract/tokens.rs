//! Words, numbers and dates of a text, each with its byte range, and the sentences they stand in.
//! One pass over the text; no pattern engine (a regex crate would weigh more in the browser than
//! the whole reader).

use chrono::NaiveDate;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Letters (and inner hyphens or apostrophes): `Kvinnojouren`, `Nacka/Värmdö` is two.
    Word,
    /// Digits, possibly with inner `-` (`2025-01-01`, `0791-008807`) or a decimal comma.
    Number,
    /// Anything else, one character: `–`, `:`, `&`, `(`.
    Mark,
}

/// One token: its text, lowercased text and byte range in the whole text.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// As written.
    pub text: &'a str,
    /// Lowercased, for matching (borrowed when it already is).
    pub lower: std::borrow::Cow<'a, str>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub shape: Shape,
    /// Whether a space (or line break) comes right before it.
    pub spaced: bool,
}

impl Token<'_> {
    /// Whether the word starts with a capital letter.
    pub fn capital(&self) -> bool {
        self.shape == Shape::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether it is the word `w` (lowercase).
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
}

/// A sentence: its tokens.
#[derive(Clone, Debug)]
pub struct Sentence<'a> {
    /// The tokens, in order.
    pub tokens: Vec<Token<'a>>,
}

impl<'a> Sentence<'a> {
    /// Whether a token is the word `w` or starts with it (`faktur` finds `fakturerar`).
    pub fn has(&self, prefix: &str) -> bool {
        self.tokens.iter().any(|t| t.lower.starts_with(prefix))
    }

    /// The position of the first token at or after `from` that is `w`.
    pub fn find(&self, w: &str, from: usize) -> Option<usize> {
        self.tokens
            .iter()
            .skip(from)
            .position(|t| t.is(w))
            .map(|i| i + from)
    }

    /// Whether the words `ws` stand in a row starting at token `i`.
    pub fn words_at(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter()
            .enumerate()
            .all(|(k, w)| self.tokens.get(i + k).is_some_and(|t| t.is(w)))
    }

    /// The first position where the words `ws` stand in a row.
    pub fn phrase(&self, ws: &[&str]) -> Option<usize> {
        (0..self.tokens.len()).find(|&i| self.words_at(i, ws))
    }
}

/// Characters that take no room: a soft hyphen, zero-width spaces and joiners, a byte-order
/// mark. Inside a word or a number they are part of it; elsewhere they are skipped.
const INVISIBLE: [char; 6] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// The most bytes a sentence runs to before it is cut at the next space: real sentences are far
/// shorter, and a text of one endless sentence must not cost memory by its whole length.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// A text's sentences, kept as byte ranges and tokenised one at a time when a rule reads them,
/// so that memory grows with the longest sentence, not with the text.
pub struct Sentences<'a> {
    text: &'a str,
    spans: Vec<(usize, usize)>,
    /// A text up to [`CACHED_BYTES`] keeps its tokens: each rule reads every sentence, and
    /// tokenising once is faster; a longer text is tokenised again by each rule instead.
    cached: Option<Vec<Sentence<'a>>>,
}

/// The longest text whose tokens are kept between the rules (about 30 bytes a byte of text).
pub const CACHED_BYTES: usize = 2 * 1024 * 1024;

impl<'a> Sentences<'a> {
    /// The sentence at `i`, tokenised.
    pub fn get(&self, i: usize) -> Option<std::borrow::Cow<'_, Sentence<'a>>> {
        match &self.cached {
            Some(all) => all.get(i).map(std::borrow::Cow::Borrowed),
            None => {
                let &(a, b) = self.spans.get(i)?;
                Some(std::borrow::Cow::Owned(tokenise(self.text, a, b)))
            }
        }
    }

    /// Each sentence, tokenised.
    pub fn iter(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Sentence<'a>>> + '_ {
        (0..self.spans.len()).filter_map(|i| self.get(i))
    }
}

/// The tokens of `text[a..b]`, as one sentence.
fn tokenise(text: &str, a: usize, b: usize) -> Sentence<'_> {
    let mut tokens = Vec::new();
    scan(text, a, b, false, |t| {
        if let Some(t) = t {
            tokens.push(t);
        }
    });
    Sentence { tokens }
}

/// The sentences of `text`: split after `.`, `!`, `?` (not inside a number), at line breaks
/// (unless the next line runs on), and after [`MAX_SENTENCE_BYTES`] at a space; a sentence of no
/// tokens is dropped.
pub fn sentences(text: &str) -> Sentences<'_> {
    let mut spans = Vec::new();
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    scan(text, 0, text.len(), true, |t| match t {
        Some(t) => {
            first.get_or_insert(t.start);
            last_end = t.end;
        }
        None => {
            if let Some(a) = first.take() {
                spans.push((a, last_end));
            }
        }
    });
    if let Some(a) = first {
        spans.push((a, last_end));
    }
    let cached = (text.len() <= CACHED_BYTES)
        .then(|| spans.iter().map(|&(a, b)| tokenise(text, a, b)).collect());
    Sentences {
        text,
        spans,
        cached,
    }
}

/// One pass over `text[from..to]`: each token, and (when `split`) `None` at each sentence's end.
fn scan<'a>(
    text: &'a str,
    from: usize,
    to: usize,
    split: bool,
    mut emit: impl FnMut(Option<Token<'a>>),
) {
    let body = text.get(..to).unwrap_or_default();
    let mut spaced = true;
    // The last token of the sentence: its text and shape; and where the sentence began.
    let mut last: Option<(&str, Shape)> = None;
    let mut began: Option<usize> = None;
    let mut iter = body
        .get(from..)
        .unwrap_or_default()
        .char_indices()
        .map(|(i, c)| (i + from, c))
        .peekable();
    let end_sentence = |last: &mut Option<(&str, Shape)>,
                        began: &mut Option<usize>,
                        emit: &mut dyn FnMut(Option<Token<'a>>)| {
        if split && last.is_some() {
            emit(None);
        }
        *last = None;
        *began = None;
    };
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            // A line that runs on (the next starts in lower case or with a digit, as text
            // from a PDF wraps) stays in its sentence; any other line break ends it.
            let next = body
                .get(i + 1..)
                .and_then(|r| r.trim_start_matches([' ', '\t', '\r']).chars().next());
            let runs_on = next.is_some_and(|n| n.is_lowercase() || n.is_ascii_digit())
                && last.is_some_and(|(t, shape)| {
                    !matches!(t, "." | "!" | "?" | ":" | ";") && shape != Shape::Mark
                });
            if !runs_on {
                end_sentence(&mut last, &mut began, &mut emit);
            }
            spaced = true;
            continue;
        }
        if c.is_whitespace() {
            spaced = true;
            if began.is_some_and(|b| i - b > MAX_SENTENCE_BYTES) {
                end_sentence(&mut last, &mut began, &mut emit);
            }
            continue;
        }
        if INVISIBLE.contains(&c) {
            continue;
        }
        // A run without spaces ("......") is cut before a mark once the sentence is four
        // times the longest: a mark is never inside a number or a word here.
        if !c.is_alphanumeric() && began.is_some_and(|b| i - b > 4 * MAX_SENTENCE_BYTES) {
            end_sentence(&mut last, &mut began, &mut emit);
        }
        let (shape, mut end) = if c.is_alphabetic() {
            (Shape::Word, i + c.len_utf8())
        } else if c.is_ascii_digit() {
            (Shape::Number, i + 1)
        } else {
            (Shape::Mark, i + c.len_utf8())
        };
        if shape != Shape::Mark {
            while let Some(&(j, d)) = iter.peek() {
                // Inside a word: `-` and `'` before a letter; inside a number any mark that
                // joins digits (`25.000`, `25,000`, `25'000`, `2025-01-01`, a soft hyphen),
                // so that no amount is ever read from part of a number.
                let next = body.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                let inner = match shape {
                    Shape::Word => {
                        (matches!(d, '-' | '\'') && next.is_some_and(char::is_alphabetic))
                            || INVISIBLE.contains(&d)
                    }
                    _ => {
                        (matches!(d, '-' | '\'' | ',' | '.' | '’' | '/') || INVISIBLE.contains(&d))
                            && next.is_some_and(|n| n.is_ascii_digit())
                    }
                };
                let same = match shape {
                    Shape::Word => d.is_alphabetic(),
                    _ => d.is_ascii_digit(),
                };
                if same || inner {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
        }
        let piece = body.get(i..end).unwrap_or_default();
        began.get_or_insert(i);
        last = Some((piece, shape));
        emit(Some(Token {
            text: piece,
            lower: if piece
                .chars()
                .any(|c| c.is_uppercase() || INVISIBLE.contains(&c))
            {
                std::borrow::Cow::Owned(
                    piece
                        .chars()
                        .filter(|c| !INVISIBLE.contains(c))
                        .flat_map(char::to_lowercase)
                        .collect(),
                )
            } else {
                std::borrow::Cow::Borrowed(piece)
            },
            start: i,
            end,
            shape,
            spaced,
        }));
        spaced = false;
        // A full stop ends a sentence unless a digit follows at once (`2.5`).
        // Nor after an abbreviation: a full stop with a digit or a lower-case word after the
        // space ("t.om. 31 december", "ca. 500") is inside the sentence.
        let continues = c == '.'
            && body
                .get(end..)
                .map(str::trim_start)
                .and_then(|r| r.chars().next())
                .is_some_and(|n| n.is_ascii_digit() || n.is_lowercase());
        if matches!(c, '.' | '!' | '?')
            && !continues
            && iter.peek().is_none_or(|&(_, n)| n.is_whitespace())
        {
            end_sentence(&mut last, &mut began, &mut emit);
        }
    }
}

/// The Swedish month `word` (`januari`, `jan`), 1–12.
pub fn month(word: &str) -> Option<u32> {
    crate::dates::MONTHS_SV
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word) && word != "ma"))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// An English month's abbreviation that Swedish does not share (`may`, `oct`).
fn english_month(word: &str) -> Option<u32> {
    match word {
        "may" => Some(5),
        "oct" | "october" => Some(10),
        "june" => Some(6),
        "july" => Some(7),
        _ => None,
    }
}

/// A small number written as a word (`två`, `trettio`), or as digits.
pub fn count(word: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 16] = [
        ("en", 1),
        ("ett", 1),
        ("två", 2),
        ("tre", 3),
        ("fyra", 4),
        ("fem", 5),
        ("sex", 6),
        ("sju", 7),
        ("åtta", 8),
        ("nio", 9),
        ("tio", 10),
        ("tolv", 12),
        ("femton", 15),
        ("tjugo", 20),
        ("trettio", 30),
        ("sextio", 60),
    ];
    WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
        .or_else(|| word.parse().ok().filter(|n: &u32| *n <= 10_000))
}

/// A date that starts at token `i`: `2025-01-01`, `1 januari 2022`, `den 30 juni 2023`,
/// `sista december 2023`, and (as the month's last day, `month_end`) `september 2019`. The date
/// and the index of its last token.
pub fn date_at(s: &Sentence, i: usize, month_end: bool) -> Option<(NaiveDate, usize)> {
    let t = s.tokens.get(i)?;
    if t.shape == Shape::Number && t.text.len() == 10 {
        return crate::dates::parse_iso(t.text).map(|d| (d, i));
    }
    let next = |k: usize| s.tokens.get(i + k);
    let year = |tok: Option<&Token>| {
        tok.filter(|t| t.shape == Shape::Number && t.text.len() == 4)
            .and_then(|t| t.text.parse::<i32>().ok())
    };
    if t.shape == Shape::Number {
        let day: u32 = t.text.parse().ok()?;
        let m = month(&next(1)?.lower)?;
        let y = year(next(2))?;
        return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, i + 2));
    }
    // "Dec 18, 2009", "Jan 25, 2017" (a dateline in English).
    if let (Some(m), Some(d)) = (month(&t.lower).or_else(|| english_month(&t.lower)), next(1)) {
        if d.shape == Shape::Number && d.text.len() <= 2 {
            let comma = next(2).is_some_and(|c| c.text == ",");
            let at = if comma { 3 } else { 2 };
            if let (Ok(day), Some(y)) = (d.text.parse::<u32>(), year(next(at))) {
                return NaiveDate::from_ymd_opt(y, m, day).map(|date| (date, i + at));
            }
        }
    }
    if t.is("sista") {
        let m = month(&next(1)?.lower)?;
        let y = year(next(2))?;
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        return crate::dates::period_end_of_month(first).map(|d| (d, i + 2));
    }
    if month_end {
        let m = month(&t.lower)?;
        let y = year(next(1))?;
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        return crate::dates::period_end_of_month(first).map(|d| (d, i + 1));
    }
    None
}

/// The value of a number as Swedish money writes it: `575000`, `1,5` (a decimal comma and one
/// or two decimals), `25.000` and `1.500.000` (points between thousands). Anything else (`25,000`,
/// `25'000`, a soft hyphen, a date) is not a number of kronor: `None`, never a part of it.
fn number_value(written: &str) -> Option<rust_decimal::Decimal> {
    let (whole, decimals) = match written.split_once(',') {
        Some((w, d)) if (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) => {
            (w, Some(d))
        }
        Some(_) => return None,
        None => (written, None),
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let plain = match groups.as_slice() {
        [one] => one
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| (*one).to_string())?,
        [first, rest @ ..] => {
            let ok = (1..=3).contains(&first.len())
                && rest.iter().all(|g| g.len() == 3)
                && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
            ok.then(|| groups.concat())?
        }
        [] => return None,
    };
    let text = match decimals {
        Some(d) => format!("{plain}.{d}"),
        None => plain,
    };
    text.parse().ok()
}

/// An amount in words: "en miljon kronor", "en halv miljon kronor", "två miljoner kronor", "en
/// och en halv miljon kronor". The amount and the index of its last token.
fn words_of_kronor(s: &Sentence, i: usize) -> Option<(rust_decimal::Decimal, usize)> {
    use rust_decimal::Decimal;
    let word = |k: usize| s.tokens.get(k).map(|t| t.lower.as_ref());
    let whole = |w: Option<&str>| w.and_then(count).filter(|n| (1..=10).contains(n));
    let million = |w: Option<&str>| matches!(w, Some("miljon" | "miljoner"));
    let kronor = |w: Option<&str>| matches!(w, Some("kronor" | "kr"));
    let half = Decimal::new(5, 1);
    // "en halv miljon kronor"
    if matches!(word(i), Some("en"))
        && word(i + 1) == Some("halv")
        && million(word(i + 2))
        && kronor(word(i + 3))
    {
        return Some((half * Decimal::from(1_000_000), i + 3));
    }
    let n = Decimal::from(whole(word(i))?);
    // "en och en halv miljon kronor"
    if word(i + 1) == Some("och")
        && word(i + 2) == Some("en")
        && word(i + 3) == Some("halv")
        && million(word(i + 4))
        && kronor(word(i + 5))
    {
        return Some(((n + half) * Decimal::from(1_000_000), i + 5));
    }
    (million(word(i + 1)) && kronor(word(i + 2))).then(|| (n * Decimal::from(1_000_000), i + 2))
}

/// An amount of kronor that starts at token `i`: `575 000 kr`, `1 000 000 kronor`, `1,5
/// miljoner kronor`, `1 mkr`, `300 tkr`, `500 000,50 kr`, and a number that shares its unit
/// with a neighbour (`från 75 000 till 150 000 kronor`, `400 000 kronor – men nu 250 000`,
/// `Ada, 2,4 miljoner` in a sentence about grants). The amount in kronor and the index of its
/// last token. Never inside a number: a number token right after another (`500 000`: the
/// `000`) starts no amount, and a number the reader cannot read makes no amount at all.
pub fn kronor_at(s: &Sentence, i: usize) -> Option<(rust_decimal::Decimal, usize)> {
    let (value, k, unit) = number_at(s, i)?;
    match unit {
        Unit::Stated(factor, last) => value.checked_mul(factor).map(|v| (v, last)),
        Unit::Missing => shared_unit(s, i, k, value),
    }
}

/// What follows a number: its unit (factor and last token), or none.
enum Unit {
    Stated(rust_decimal::Decimal, usize),
    Missing,
}

/// Words that may follow an amount whose unit was said elsewhere ("250 000 i år").
const AFTER_BARE: &[&str] = &[
    "per", "om", "i", "för", "till", "och", "under", "varje", "årligen", "nu", "var",
];

/// Beginnings of words of money: a sentence with one of them speaks of kronor when it says
/// "2,4 miljoner".
const MONEY_WORDS: &[&str] = &["kronor", "bidrag", "stöd", "anslag", "pengar", "ersättning"];

/// A number written without its unit that shares one: the next amount's (`75 000 till 150 000
/// kronor`, `2 till 3 miljoner kronor`), an amount of kronor earlier in its sentence (`400 000
/// kronor – men nu 250 000`), or millions in a sentence about money (`Ada, 2,4 miljoner`).
/// Only a number written as money is written (groups of three digits, or millions), never a
/// year, a count or a phone number, and never a number followed by a word it counts.
fn shared_unit(
    s: &Sentence,
    i: usize,
    k: usize,
    value: rust_decimal::Decimal,
) -> Option<(rust_decimal::Decimal, usize)> {
    use rust_decimal::Decimal;
    let thousand = Decimal::from(1_000);
    let million = Decimal::from(1_000_000);
    let next = s.tokens.get(k + 1);
    // "från 75 000 till 150 000 kronor", "mellan 20 000 och 40 000 kronor"
    let joined = next.is_some_and(|t| {
        t.spaced && (t.is("till") || t.is("och") || matches!(t.text, "–" | "-" | "—"))
    });
    if let (true, Some((_, _, Unit::Stated(f2, _)))) = (joined, number_at(s, k + 2)) {
        if f2 == Decimal::ONE && value >= thousand && grouped(s, i, k) {
            return Some((value, k));
        }
        if f2 == million && value < thousand {
            return value.checked_mul(million).map(|v| (v, k));
        }
    }
    let bare_end =
        next.is_none_or(|t| t.shape == Shape::Mark || AFTER_BARE.contains(&t.lower.as_ref()));
    if !bare_end {
        return None;
    }
    // "Tidigare 400 000 kronor – men nu ska man klara sig på 250 000."
    let before = s.tokens.get(i.saturating_sub(40)..i).unwrap_or_default();
    if value >= thousand && grouped(s, i, k) && before.iter().any(|t| t.is("kr") || t.is("kronor"))
    {
        return Some((value, k));
    }
    None
}

/// Whether the number at tokens `i..=k` is written in groups of three (`250 000`), its first
/// group not a zero (`046 450 006` is a phone number).
fn grouped(s: &Sentence, i: usize, k: usize) -> bool {
    k > i && s.tokens.get(i).is_some_and(|t| !t.text.starts_with('0'))
}

/// The number that starts at token `i`, the index of its last digit group, and its unit.
fn number_at(s: &Sentence, i: usize) -> Option<(rust_decimal::Decimal, usize, Unit)> {
    use rust_decimal::Decimal;
    let first = s.tokens.get(i)?;
    if first.shape == Shape::Word {
        return words_of_kronor(s, i).map(|(v, last)| (v, last, Unit::Stated(Decimal::ONE, last)));
    }
    if first.shape != Shape::Number {
        return None;
    }
    let before = |k: usize| i.checked_sub(k).and_then(|j| s.tokens.get(j));
    if before(1).is_some_and(|p| p.shape == Shape::Number) {
        return None;
    }
    // `1:000`, `25·000`: a mark between digits, with no space, is inside a number.
    if let (Some(mark), Some(number)) = (before(1), before(2)) {
        if !first.spaced && !mark.spaced && number.shape == Shape::Number {
            return None;
        }
    }
    // Groups of three digits after a space: `1 000 000`, the last with öre: `000,50`.
    let mut written = first.lower.to_string();
    let mut k = i;
    if first.text.len() <= 3 && first.text.bytes().all(|b| b.is_ascii_digit()) {
        while let Some(g) = s.tokens.get(k + 1) {
            let digits = g.text.split(',').next().unwrap_or_default();
            if g.shape == Shape::Number && g.spaced && digits.len() == 3 {
                written.push_str(&g.lower);
                k += 1;
                if g.text.contains(',') {
                    break;
                }
            } else {
                break;
            }
        }
    }
    // A number followed by another that is not a group of three (`500 00 kr`) is not read.
    if s.tokens
        .get(k + 1)
        .is_some_and(|t| t.shape == Shape::Number)
    {
        return None;
    }
    let value = number_value(&written)?;
    let Some(unit) = s.tokens.get(k + 1) else {
        return Some((value, k, Unit::Missing));
    };
    let thousand = Decimal::from(1_000);
    let million = Decimal::from(1_000_000);
    let (factor, last) = match unit.lower.as_ref() {
        "kr" | "kronor" | "sek" | ":-" => (Decimal::ONE, k + 1),
        "tkr" => (thousand, k + 1),
        "mkr" | "mnkr" | "msek" => (million, k + 1),
        "miljon" | "miljoner" | "milj" | "tusen" | "mn" => {
            let f = if unit.lower == "tusen" {
                thousand
            } else {
                million
            };
            match s.tokens.get(k + 2) {
                Some(c) if c.is("kr") || c.is("kronor") => (f, k + 2),
                Some(c) if c.text == "." && s.tokens.get(k + 3).is_some_and(|c| c.is("kr")) => {
                    (f, k + 3)
                }
                // "Ada, 2,4 miljoner, och Bojen, 2,2 miljoner": millions of kronor in a
                // sentence about money, never millions of something named after them.
                c if f == million
                    && c.is_none_or(|c| {
                        c.shape == Shape::Mark || AFTER_BARE.contains(&c.lower.as_ref())
                    })
                    && s.tokens.iter().take(200).any(|t| {
                        t.is("kr") || MONEY_WORDS.iter().any(|w| t.lower.starts_with(w))
                    }) =>
                {
                    (f, k + 1)
                }
                _ => return Some((value, k, Unit::Missing)),
            }
        }
        _ => return Some((value, k, Unit::Missing)),
    };
    Some((value, k, Unit::Stated(factor, last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_tokens_keep_their_places() {
        let text = "Överenskommelsen gäller för perioden 1 januari 2022 till 31 december 2024.\nKalmar kommun ersätter 650 000 kr per år.";
        let s: Vec<Sentence> = sentences(text).iter().map(|s| s.into_owned()).collect();
        assert_eq!(s.len(), 2);
        let t = &s[1].tokens[0];
        assert_eq!(&text[t.start..t.end], "Kalmar");
        assert_eq!(
            date_at(&s[0], 4, false).map(|d| d.0.to_string()),
            Some("2022-01-01".into())
        );
        let at = s[1].tokens.iter().position(|t| t.text == "650").unwrap();
        assert_eq!(
            kronor_at(&s[1], at).map(|k| k.0.to_string()),
            Some("650000".into())
        );
    }

    #[test]
    fn millions_and_decimal_commas() {
        for (text, want) in [
            ("1,5 miljoner kronor", "1500000.0"),
            ("1 mkr", "1000000"),
            ("1 000 000 kronor", "1000000"),
        ] {
            let s: Vec<Sentence> = sentences(text).iter().map(|s| s.into_owned()).collect();
            assert_eq!(
                kronor_at(&s[0], 0).map(|k| k.0.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        let iso: Vec<Sentence> = sentences("2025-01-01 – 2027-12-31")
            .iter()
            .map(|s| s.into_owned())
            .collect();
        assert_eq!(iso[0].tokens.len(), 3);
    }
}
