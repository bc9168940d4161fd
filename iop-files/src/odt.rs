//! OpenDocument texts (ODT, LibreOffice's own format): the paragraphs of `content.xml` in
//! document order, with tracked changes accepted.
//!
//! - Paragraphs (`text:p`) and headings (`text:h`), in lists too, are paragraphs; a table row
//!   is one paragraph of tab-separated cells, as in [`crate::docx`] and for the same reason.
//! - Tracked changes live in `text:tracked-changes`, which holds the deleted text: it is left
//!   out, and the inserted text, which stands in the body, is read.
//! - White space collapses as ODF says; `text:s` is spaces (`text:c` of them), `text:tab` a tab,
//!   `text:line-break` a line break. Notes and comments (`text:note`, `office:annotation`) are
//!   skipped: they would cut a sentence of the body in two.

use crate::paragraphs::Builder;
use crate::zip_xml::{attribute, walk, Open, Step};
use crate::{FileError, Format, Limits, Text};

/// Elements whose content is not body text.
const SKIPPED: &[&str] = &[
    "tracked-changes",
    "note",
    "annotation",
    "automatic-styles",
    "font-face-decls",
    "scripts",
];

/// The most spaces one `text:s` stands for: a real one has a handful.
const MAX_SPACES: usize = 64;

/// Reads `content.xml`.
pub(crate) fn read(xml: &[u8], limits: &Limits) -> Result<Text, FileError> {
    let mut out = Builder::new(limits.max_text_bytes);
    let mut doc = Doc::default();
    walk(xml, limits, |step| doc.step(step, &mut out))?;
    Ok(out.finish(Format::Odt))
}

#[derive(Default)]
struct Doc {
    skip: Option<(String, usize)>,
    /// Open paragraphs and table rows.
    open: Open,
}

impl Doc {
    fn step(&mut self, step: Step<'_, '_>, out: &mut Builder) -> Result<(), FileError> {
        if let Some((name, depth)) = &mut self.skip {
            match step {
                Step::Open(e) if e.local_name().into_inner() == name.as_str() => *depth += 1,
                Step::Close(n) if n == name.as_str() => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        match step {
            Step::Open(e) => {
                let name = e.local_name().into_inner();
                if SKIPPED.contains(&name) {
                    self.skip = Some((name.to_string(), 1));
                    return Ok(());
                }
                match name {
                    "p" | "h" => self.open.paras.push(String::new()),
                    "s" => {
                        let n = attribute(e, "c")
                            .and_then(|c| c.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, MAX_SPACES);
                        self.open.put(&" ".repeat(n));
                    }
                    "tab" => self.open.put("\t"),
                    "line-break" => self.open.put("\n"),
                    "table-row" => self.open.rows.push((Vec::new(), String::new())),
                    "table-cell" => {
                        if let Some(row) = self.open.rows.last_mut() {
                            row.1.clear();
                        }
                    }
                    _ => {}
                }
            }
            Step::Close(name) => match name {
                "p" | "h" => {
                    let p = self.open.paras.pop().unwrap_or_default();
                    self.open.done(p.trim(), out)?;
                }
                "table-cell" => {
                    if let Some((cells, cell)) = self.open.rows.last_mut() {
                        cells.push(std::mem::take(cell));
                    }
                }
                "table-row" => {
                    if let Some((cells, _)) = self.open.rows.pop() {
                        // A row of empty cells (a spacer) is no paragraph.
                        let line = cells
                            .iter()
                            .map(|c| c.trim())
                            .collect::<Vec<_>>()
                            .join("\t");
                        self.open.done(line.trim(), out)?;
                    }
                }
                _ => {}
            },
            Step::Chars(s) => {
                if let Some(p) = self.open.paras.last_mut() {
                    collapse_into(p, s);
                }
            }
        }
        Ok(())
    }
}

/// Appends `s` with XML white space (space, tab, line feed, carriage return) collapsed to one
/// space, as ODF reads character data; a space already at the end of `p` takes none more. A
/// non-breaking space is a character, kept.
fn collapse_into(p: &mut String, s: &str) {
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !p.ends_with(' ') {
                p.push(' ');
            }
        } else {
            p.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn text(body: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        read(xml.as_bytes(), &Limits::default()).unwrap().text
    }

    #[test]
    fn tracked_deletions_are_left_out_and_insertions_read() {
        let t = text(
            r#"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>500 000</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>Kommunen betalar <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>650 000<text:change-end text:change-id="c2"/> kr per år.</text:p>"#,
        );
        assert_eq!(t, "Kommunen betalar 650 000 kr per år.");
    }

    #[test]
    fn spaces_tabs_and_line_breaks_are_characters() {
        let t = text(
            r#"<text:h text:outline-level="1">1. Syfte</text:h><text:p>a<text:s text:c="2"/>b<text:tab/>c<text:line-break/>d
   e</text:p>"#,
        );
        assert_eq!(t, "1. Syfte\n\na  b\tc\nd e");
    }
}
