//! Word documents (DOCX, Office Open XML): the paragraphs of `word/document.xml` in document
//! order, as Word shows the text with its tracked changes accepted.
//!
//! - Paragraphs (`w:p`) and headings (a `w:p` with a heading style) are paragraphs.
//! - A table row is one paragraph, its cells joined by a tab. Agreements put terms in
//!   label–value tables ("Ersättning | 650 000 kr per år"): keeping the label and the value on
//!   one line keeps them in one sentence for the reader, and the tab still shows the cells
//!   apart. A cell's own paragraphs are joined by a space.
//! - Tracked deletions (`w:del`, `w:delText`, a move's old place `w:moveFrom`) are left out;
//!   insertions (`w:ins`, `w:moveTo`) are read: the text as it stands once the changes are
//!   accepted.
//! - `w:tab` is a tab, `w:br` and `w:cr` a line break, `w:noBreakHyphen` a non-breaking hyphen
//!   (U+2011); a soft hyphen (`w:softHyphen`) is invisible and left out.
//! - Field codes (`w:instrText`), properties (`w:pPr`, `w:rPr`: tab stops are `w:tab` too) and
//!   the fallback copy of a text box (`mc:Fallback`, the same text again) are skipped. Headers,
//!   footers and footnotes live in other entries and are not read: they are not terms.

use crate::paragraphs::Builder;
use crate::zip_xml::{walk, Open, Step};
use crate::{FileError, Format, Limits, Text};

/// Elements whose content is not text the reader sees.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "delInstrText",
    "instrText",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "sectPr",
    "Fallback",
    "footnoteReference",
];

/// Reads `word/document.xml`.
pub(crate) fn read(xml: &[u8], limits: &Limits) -> Result<Text, FileError> {
    let mut out = Builder::new(limits.max_text_bytes);
    let mut doc = Doc::default();
    walk(xml, limits, |step| doc.step(step, &mut out))?;
    Ok(out.finish(Format::Docx))
}

/// Where the walk stands.
#[derive(Default)]
struct Doc {
    /// Inside a skipped element: its name and how deep inside it.
    skip: Option<(String, usize)>,
    /// Inside `w:t`: its characters are text.
    in_t: bool,
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
                    "p" => self.open.paras.push(String::new()),
                    "t" => self.in_t = true,
                    "tab" => self.open.put("\t"),
                    "br" | "cr" => self.open.put("\n"),
                    "noBreakHyphen" => self.open.put("\u{2011}"),
                    "tr" => self.open.rows.push((Vec::new(), String::new())),
                    "tc" => {
                        if let Some(row) = self.open.rows.last_mut() {
                            row.1.clear();
                        }
                    }
                    _ => {}
                }
            }
            Step::Close(name) => match name {
                "t" => self.in_t = false,
                "p" => {
                    let p = self.open.paras.pop().unwrap_or_default();
                    self.open.done(p.trim(), out)?;
                }
                "tc" => {
                    if let Some((cells, cell)) = self.open.rows.last_mut() {
                        cells.push(std::mem::take(cell));
                    }
                }
                "tr" => {
                    if let Some((cells, _)) = self.open.rows.pop() {
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
                if self.in_t {
                    self.open.put(s);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn text(body: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        );
        read(xml.as_bytes(), &Limits::default()).unwrap().text
    }

    #[test]
    fn tracked_deletions_are_left_out_and_insertions_read() {
        let t = text(
            r#"<w:p><w:r><w:t xml:space="preserve">Kommunen betalar </w:t></w:r><w:del><w:r><w:delText>500 000</w:delText></w:r></w:del><w:ins><w:r><w:t>650 000</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> kr per år.</w:t></w:r></w:p>"#,
        );
        assert_eq!(t, "Kommunen betalar 650 000 kr per år.");
    }

    #[test]
    fn tabs_breaks_and_no_break_hyphens_are_characters_and_tab_stops_are_not() {
        let t = text(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>IOP</w:t><w:noBreakHyphen/><w:t>avtal</w:t><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>"#,
        );
        assert_eq!(t, "IOP\u{2011}avtal\ta\nb");
    }

    #[test]
    fn a_table_row_is_one_paragraph_of_tab_separated_cells() {
        let t = text(
            r#"<w:p><w:r><w:t>Ekonomi</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ersättning</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>650 000 kr</w:t></w:r></w:p><w:p><w:r><w:t>per år</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(t, "Ekonomi\n\nErsättning\t650 000 kr per år");
    }

    #[test]
    fn a_doctype_is_refused() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xxxxxxxx">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            read(xml.as_bytes(), &Limits::default()),
            Err(FileError::Damaged)
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_stops() {
        let xml = format!("<a>{}{}</a>", "<b>".repeat(300), "</b>".repeat(300));
        assert_eq!(
            read(xml.as_bytes(), &Limits::default()),
            Err(FileError::LimitExceeded)
        );
    }
}
