//! From placed glyphs to paragraphs in reading order.
//!
//! 1. **Lines.** Glyphs on one baseline (within a third of their size) make a line, left to
//!    right. A gap wider than 0.15 em between two glyphs is a space (unless one is a space
//!    already): a kerned "1 250 000" or one drawn with non-breaking spaces stays one number,
//!    and the words of an OCR layer, each placed on its own, are spaced. A gap wider than two
//!    ems splits the line into pieces (a column gutter, a tab stop).
//! 2. **Columns.** A page of two columns has a gutter: an x where several wide pieces start and
//!    several end before, which few pieces cross. Lines are then read down the left column and
//!    then the right; a piece that crosses the gutter (a title, a footer) closes both columns
//!    above it. Pieces on one baseline within a column join with a tab.
//! 3. **Running lines.** A line in the top or bottom eighth of the page that repeats at the same
//!    height on at least half of the pages (digits aside: "Sida 3 av 7"), or that is a page
//!    number alone ("3", "Sida 3 av 7", "3 (7)", "3/7"), is a header or footer: left out.
//! 4. **Paragraphs.** A new paragraph starts after a gap clearly wider than the page's usual
//!    line spacing, at a change of font size, or after a short line (one ending a fifth of the
//!    column's width early after a full stop, or halfway after anything) unless the next starts
//!    in lower case. Lines of a paragraph join with
//!    a space; a word hyphenated at a line's end ("avtals-" / "tiden") joins whole when the next
//!    line starts in lower case. A non-breaking space is kept as drawn (U+00A0): the reader
//!    takes it as a space, and the text stays the file's.

use super::interpret::Piece;

/// One line (or one piece of a line split at a wide gap).
#[derive(Clone, Debug)]
pub(crate) struct Line {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// A page's lines, and its box.
pub(crate) struct Page {
    lines: Vec<Line>,
    media: [f64; 4],
}

/// A gap wider than this (in ems) between glyphs is a space.
const SPACE_EM: f64 = 0.15;
/// A gap wider than this (in ems) splits a line into pieces.
const SPLIT_EM: f64 = 2.0;

impl Page {
    pub(crate) fn new(pieces: Vec<Piece>, media: [f64; 4]) -> Page {
        Page {
            lines: lines(pieces),
            media,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.text.trim().is_empty())
    }

    /// The page's paragraphs in reading order.
    pub(crate) fn paragraphs(&self) -> Vec<String> {
        paragraphs(&reading_order(&self.lines))
    }

    /// Whether the page's last line runs to the right edge of the text, as a line does whose
    /// sentence goes on to the next page.
    pub(crate) fn ends_full(&self) -> bool {
        let order = reading_order(&self.lines);
        let left = order.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
        let right = order.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
        order
            .last()
            .is_some_and(|l| l.x1 > right - 0.15 * (right - left))
    }
}

fn lines(mut pieces: Vec<Piece>) -> Vec<Line> {
    pieces.retain(|p| p.size > 0.0 && p.x.is_finite() && p.y.is_finite() && p.width.is_finite());
    // Top to bottom, then left to right.
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut bands: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        match bands.last_mut() {
            Some(band)
                if band
                    .first()
                    .is_some_and(|f| (f.y - p.y).abs() <= 0.35 * f.size.min(p.size).max(1.0)) =>
            {
                band.push(p)
            }
            _ => bands.push(vec![p]),
        }
    }
    let mut out = Vec::new();
    for mut band in bands {
        band.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut line: Option<Line> = None;
        let mut last: Option<Piece> = None;
        for p in band {
            if let (Some(l), Some(prev)) = (&mut line, &last) {
                let em = prev.size.max(p.size);
                let gap = p.x - (prev.x + prev.width);
                // The same glyph drawn twice in nearly one place (a fake bold): once.
                if p.text == prev.text && (p.x - prev.x).abs() < 0.1 * em {
                    continue;
                }
                if gap > SPLIT_EM * em {
                    out.extend(line.take());
                } else {
                    if gap > SPACE_EM * em
                        && !l.text.ends_with(char::is_whitespace)
                        && !p.text.starts_with(char::is_whitespace)
                    {
                        l.text.push(' ');
                    }
                    if !(p.text.trim().is_empty() && l.text.ends_with(char::is_whitespace)) {
                        l.text.push_str(&p.text);
                    }
                    l.x1 = l.x1.max(p.x + p.width);
                    l.size = l.size.max(p.size);
                    last = Some(p);
                    continue;
                }
            }
            line = Some(Line {
                x0: p.x,
                x1: p.x + p.width,
                y: p.y,
                size: p.size,
                text: p.text.clone(),
            });
            last = Some(p);
        }
        out.extend(line);
    }
    for l in &mut out {
        let t = l
            .text
            .trim_matches(|c: char| c.is_whitespace() && c != '\u{a0}');
        l.text = t.to_string();
    }
    out.retain(|l| !l.text.trim().is_empty());
    out
}

/// The x of a column gutter, if the page has one.
fn gutter(lines: &[Line]) -> Option<f64> {
    let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let width = right - left;
    // No lines (an infinite width) or one point: no columns.
    if width.is_nan() || width <= 0.0 || width.is_infinite() {
        return None;
    }
    let wide = |l: &&Line| l.x1 - l.x0 > 0.25 * width;
    let mut best: Option<(usize, f64)> = None;
    for c in lines.iter().filter(wide) {
        let g = c.x0;
        if g < left + 0.3 * width || g > left + 0.7 * width {
            continue;
        }
        let starting = lines
            .iter()
            .filter(wide)
            .filter(|l| (l.x0 - g).abs() < 2.0)
            .count();
        let ending = lines.iter().filter(wide).filter(|l| l.x1 < g - 2.0).count();
        let crossing = lines
            .iter()
            .filter(|l| l.x0 < g - 2.0 && l.x1 > g + 2.0)
            .count();
        if starting >= 3
            && ending >= 3
            && crossing * 4 <= starting + ending
            && best.is_none_or(|(n, _)| starting > n)
        {
            best = Some((starting, g));
        }
    }
    best.map(|(_, g)| g - 2.0)
}

/// The lines in reading order: down the page, or down each column in turn.
fn reading_order(lines: &[Line]) -> Vec<Line> {
    let ordered: Vec<Line> = match gutter(lines) {
        None => lines.to_vec(),
        Some(g) => {
            let mut out = Vec::new();
            let (mut l, mut r) = (Vec::new(), Vec::new());
            for line in lines {
                if line.x0 < g && line.x1 > g + 4.0 {
                    out.append(&mut l);
                    out.append(&mut r);
                    out.push(line.clone());
                } else if line.x0 >= g {
                    r.push(line.clone());
                } else {
                    l.push(line.clone());
                }
            }
            out.append(&mut l);
            out.append(&mut r);
            out
        }
    };
    // Pieces on one baseline (cells of a row, text after a tab stop) join with a tab.
    let mut out: Vec<Line> = Vec::new();
    for line in ordered {
        match out.last_mut() {
            Some(prev)
                if (prev.y - line.y).abs() <= 0.35 * prev.size.min(line.size).max(1.0)
                    && line.x0 > prev.x1 =>
            {
                prev.text.push('\t');
                prev.text.push_str(&line.text);
                prev.x1 = line.x1;
            }
            _ => out.push(line),
        }
    }
    out
}

fn paragraphs(lines: &[Line]) -> Vec<String> {
    // The usual distance between lines: the most common one, to the nearest half point.
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for w in lines.windows(2) {
        if let [a, b] = w {
            let d = a.y - b.y;
            if d > 0.0 && d < 3.0 * a.size {
                *counts.entry((d * 2.0).round() as i64).or_default() += 1;
            }
        }
    }
    let usual = counts
        .into_iter()
        .max_by_key(|&(d, n)| (n, -d))
        .map(|(d, _)| d as f64 / 2.0);
    let right = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let mut out: Vec<String> = Vec::new();
    let mut open = String::new();
    let mut prev: Option<&Line> = None;
    for l in lines {
        if let Some(a) = prev {
            let d = a.y - l.y;
            let normal = usual.unwrap_or(1.2 * a.size).min(1.3 * a.size.max(l.size));
            let column_right =
                if l.x0 >= left + 0.3 * (right - left) || a.x0 >= left + 0.3 * (right - left) {
                    right.max(a.x1)
                } else {
                    right
                };
            let span = (column_right - a.x0.min(l.x0)).max(1.0);
            // A line that stops a fifth early after a full stop ends its paragraph; one that
            // stops halfway (a heading, a list item) ends it whatever its last mark. A line
            // stopping early before a long word ("Kvinnojouren &" / "Ungdomsjourens") does not.
            let ends = a.text.ends_with(['.', '!', '?', ':']);
            let short =
                (ends && a.x1 < column_right - 0.2 * span) || a.x1 < column_right - 0.4 * span;
            let lower = l.text.chars().next().is_some_and(char::is_lowercase);
            let new = d < -0.5 * a.size
                || d > normal * 1.35 + 0.5
                || (a.size - l.size).abs() > 0.15 * a.size.max(l.size)
                || (short && !lower);
            if new {
                out.push(std::mem::take(&mut open));
            } else {
                join(&mut open, &l.text);
                prev = Some(l);
                continue;
            }
        }
        open.push_str(&l.text);
        prev = Some(l);
    }
    out.push(open);
    out.retain(|p| !p.trim().is_empty());
    out
}

/// Adds a line to its paragraph: after a space, or whole onto a word hyphenated at the end.
fn join(p: &mut String, line: &str) {
    let next_lower = line.chars().next().is_some_and(char::is_lowercase);
    if let Some(stem) = p.strip_suffix('\u{ad}') {
        let len = stem.len();
        p.truncate(len);
        p.push_str(line);
        return;
    }
    let hyphenated = p
        .strip_suffix('-')
        .is_some_and(|s| s.chars().last().is_some_and(char::is_alphabetic));
    if hyphenated && next_lower {
        p.pop();
        p.push_str(line);
        return;
    }
    p.push(' ');
    p.push_str(line);
}

/// Whether a line is a page number alone: "3", "- 3 -", "Sida 3", "Sida 3 av 7", "3 (7)",
/// "3/7", "Page 3 of 7".
fn page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t
        .trim_start_matches("sida")
        .trim_start_matches("sid.")
        .trim_start_matches("page")
        .trim();
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '(' | ')' | '-' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    let numbers = words
        .iter()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 4)
        .count();
    !words.is_empty()
        && (1..=2).contains(&numbers)
        && words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || matches!(*w, "av" | "of"))
}

/// Drops headers and footers: lines near the top or bottom that repeat on at least half the
/// pages at one height, or that are a page number alone.
pub(crate) fn drop_running_lines(pages: &mut [Page]) {
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let in_margin = |p: &Page, l: &Line| {
        let h = p.media[3] - p.media[1];
        l.y > p.media[3] - h / 8.0 || l.y < p.media[1] + h / 8.0
    };
    let mut seen: std::collections::HashMap<(String, i64), usize> =
        std::collections::HashMap::new();
    for p in pages.iter() {
        let mut once = std::collections::HashSet::new();
        for l in p.lines.iter().filter(|l| in_margin(p, l)) {
            let k = (key(l), (l.y / 4.0).round() as i64);
            if once.insert(k.clone()) {
                *seen.entry(k).or_default() += 1;
            }
        }
    }
    let n = pages.len();
    for p in pages.iter_mut() {
        let media = p.media;
        let page = Page {
            lines: Vec::new(),
            media,
        };
        p.lines.retain(|l| {
            if !in_margin(&page, l) {
                return true;
            }
            let repeats = seen
                .get(&(key(l), (l.y / 4.0).round() as i64))
                .is_some_and(|&c| n >= 2 && c * 2 >= n && c >= 2);
            !(repeats || page_number(&l.text))
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Glyphs of `text` from `x` on baseline `y`, each `w` wide, size 10.
    fn word(text: &str, x: f64, y: f64, w: f64) -> Vec<Piece> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Piece {
                x: x + i as f64 * w,
                y,
                width: w,
                size: 10.0,
                text: c.to_string(),
            })
            .collect()
    }

    fn page_text(pieces: Vec<Piece>) -> Vec<String> {
        Page::new(pieces, [0.0, 0.0, 600.0, 800.0]).paragraphs()
    }

    #[test]
    fn kerned_digits_stay_one_number_and_a_wide_gap_is_a_space() {
        let mut p = word("1", 100.0, 500.0, 5.0);
        // "250" after a thin gap (0.3 em): a space; the digits kerned 0.05 em apart: none.
        p.extend(word("250", 108.0, 500.0, 5.5));
        p.extend(word("000", 128.0, 500.0, 5.0));
        p.extend(word("kr", 148.0, 500.0, 5.0));
        assert_eq!(page_text(p), vec!["1 250 000 kr"]);
    }

    #[test]
    fn a_nbsp_is_kept_and_no_space_added_beside_it() {
        let mut p = word("1", 100.0, 500.0, 5.0);
        p.extend(word("\u{a0}", 105.0, 500.0, 2.5));
        p.extend(word("250", 107.5, 500.0, 5.0));
        assert_eq!(page_text(p), vec!["1\u{a0}250"]);
    }

    #[test]
    fn a_word_hyphenated_at_the_line_end_joins_when_the_next_line_is_lower_case() {
        let mut p = word("Under avtals-", 50.0, 500.0, 5.0);
        p.extend(word("tiden betalar", 50.0, 488.0, 5.0));
        p.extend(word("kommunen.", 50.0, 476.0, 5.0));
        assert_eq!(page_text(p), vec!["Under avtalstiden betalar kommunen."]);
        let mut p = word("Region-", 50.0, 500.0, 5.0);
        p.extend(word("Kommun", 50.0, 488.0, 5.0));
        assert_eq!(page_text(p), vec!["Region- Kommun"]);
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut p = word(
            "Rubrik över hela sidan som är bred nog att korsa mitten!",
            50.0,
            700.0,
            8.0,
        );
        for i in 0..5 {
            let y = 650.0 - 12.0 * i as f64;
            p.extend(word(&format!("vänster rad {i} med text"), 50.0, y, 8.0));
            p.extend(word(&format!("höger rad {i} med text"), 320.0, y, 8.0));
        }
        let t = page_text(p).join("\n");
        let left = t.find("vänster rad 4").unwrap();
        let right = t.find("höger rad 0").unwrap();
        assert!(left < right, "{t}");
        assert!(t.starts_with("Rubrik"));
    }

    #[test]
    fn running_headers_and_page_numbers_are_left_out() {
        let mut pages: Vec<Page> = (1..=3)
            .map(|n| {
                let mut p = word("Kalmar kommun", 50.0, 780.0, 5.0);
                p.extend(word("Avtalet gäller i tre år.", 50.0, 400.0, 5.0));
                p.extend(word(&format!("Sida {n} av 3"), 250.0, 20.0, 5.0));
                Page::new(p, [0.0, 0.0, 600.0, 800.0])
            })
            .collect();
        drop_running_lines(&mut pages);
        for p in &pages {
            assert_eq!(p.paragraphs(), vec!["Avtalet gäller i tre år."]);
        }
        assert!(page_number("3 (7)"));
        assert!(page_number("- 3 -"));
        assert!(!page_number("3 år"));
    }

    #[test]
    fn a_gap_between_lines_starts_a_paragraph() {
        let mut p = word("1. Bakgrund", 50.0, 700.0, 5.0);
        p.extend(word(
            "Kvinnojouren har funnits i 40 år och",
            50.0,
            676.0,
            5.0,
        ));
        p.extend(word("arbetar i Kalmar.", 50.0, 664.0, 5.0));
        p.extend(word("Ny text.", 50.0, 640.0, 5.0));
        assert_eq!(
            page_text(p),
            vec![
                "1. Bakgrund",
                "Kvinnojouren har funnits i 40 år och arbetar i Kalmar.",
                "Ny text."
            ]
        );
    }
}
