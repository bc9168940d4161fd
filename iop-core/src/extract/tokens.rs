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

/// The sentences of `text`: split after `.`, `!`, `?` (not inside a number) and at line
/// breaks; a sentence of no tokens is dropped.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut spaced = true;
    let mut iter = text.char_indices().peekable();
    fn flush<'t>(tokens: &mut Vec<Token<'t>>, out: &mut Vec<Sentence<'t>>) {
        if !tokens.is_empty() {
            out.push(Sentence {
                tokens: std::mem::take(tokens),
            });
        }
    }
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            flush(&mut tokens, &mut out);
            spaced = true;
            continue;
        }
        if c.is_whitespace() {
            spaced = true;
            continue;
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
                let inner = matches!(d, '-' | '\'' | ',')
                    && text
                        .get(j + 1..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(|n| match shape {
                            Shape::Word => n.is_alphabetic() && d != ',',
                            _ => n.is_ascii_digit() && d != '\'',
                        });
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
        let piece = text.get(i..end).unwrap_or_default();
        tokens.push(Token {
            text: piece,
            lower: if piece.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(piece.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(piece)
            },
            start: i,
            end,
            shape,
            spaced,
        });
        spaced = false;
        // A full stop ends a sentence unless a digit follows at once (`2.5`).
        if matches!(c, '.' | '!' | '?') && iter.peek().is_none_or(|&(_, n)| n.is_whitespace()) {
            flush(&mut tokens, &mut out);
        }
    }
    flush(&mut tokens, &mut out);
    out
}

/// The Swedish month `word` (`januari`, `jan`), 1–12.
pub fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word) && word != "ma"))
        .and_then(|i| u32::try_from(i + 1).ok())
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

/// An amount of kronor that starts at token `i`: `575 000 kr`, `1 000 000 kronor`, `1,5
/// miljoner kronor`, `1 mkr`, `300 tkr`. The amount in kronor and the index of its last token.
pub fn kronor_at(s: &Sentence, i: usize) -> Option<(rust_decimal::Decimal, usize)> {
    use rust_decimal::Decimal;
    let first = s.tokens.get(i)?;
    if first.shape != Shape::Number || first.text.contains('-') {
        return None;
    }
    // Groups of three digits after a space: `1 000 000`.
    let mut digits = first.text.replace(',', ".");
    let mut k = i;
    if !first.text.contains(',') && first.text.len() <= 3 {
        while let Some(g) = s.tokens.get(k + 1) {
            if g.shape == Shape::Number && g.spaced && g.text.len() == 3 && !g.text.contains(',') {
                digits.push_str(g.text);
                k += 1;
            } else {
                break;
            }
        }
    }
    let value: Decimal = digits.parse().ok()?;
    let unit = s.tokens.get(k + 1)?;
    let thousand = Decimal::from(1_000);
    let million = Decimal::from(1_000_000);
    let (factor, last) = match unit.lower.as_ref() {
        "kr" | "kronor" | "sek" => (Decimal::ONE, k + 1),
        "tkr" => (thousand, k + 1),
        "mkr" | "mnkr" => (million, k + 1),
        "miljon" | "miljoner" | "milj" | "tusen" => {
            let f = if unit.lower == "tusen" {
                thousand
            } else {
                million
            };
            match s.tokens.get(k + 2) {
                Some(c) if c.is("kr") || c.is("kronor") => (f, k + 2),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some((value.checked_mul(factor)?, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_tokens_keep_their_places() {
        let text = "Överenskommelsen gäller för perioden 1 januari 2022 till 31 december 2024.\nKalmar kommun ersätter 650 000 kr per år.";
        let s = sentences(text);
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
            let s = sentences(text);
            assert_eq!(
                kronor_at(&s[0], 0).map(|k| k.0.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        let iso = sentences("2025-01-01 – 2027-12-31");
        assert_eq!(iso[0].tokens.len(), 3);
    }
}
