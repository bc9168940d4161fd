//! The text being built: paragraphs joined by a blank line, with the byte range of each
//! paragraph and page. Every format's reader ends here, so the text and its spans agree.

use crate::{FileError, Format, Text};
use std::ops::Range;

/// Builds a [`Text`] paragraph by paragraph.
pub(crate) struct Builder {
    text: String,
    paragraphs: Vec<Range<usize>>,
    pages: Vec<Range<usize>>,
    page_start: Option<usize>,
    max_bytes: usize,
}

impl Builder {
    pub(crate) fn new(max_bytes: usize) -> Self {
        Builder {
            text: String::new(),
            paragraphs: Vec::new(),
            pages: Vec::new(),
            page_start: None,
            max_bytes,
        }
    }

    /// Adds a paragraph (trimmed; nothing when blank) after a blank line.
    pub(crate) fn paragraph(&mut self, s: &str) -> Result<(), FileError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(());
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.put(s)?;
        let end = self.text.len();
        self.paragraphs.push(end - s.len()..end);
        Ok(())
    }

    /// Adds `s` to the last paragraph after a space: a sentence that runs on across a page.
    pub(crate) fn run_on(&mut self, s: &str) -> Result<(), FileError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(());
        }
        if self.paragraphs.is_empty() {
            return self.paragraph(s);
        }
        self.text.push(' ');
        self.put(s)?;
        let end = self.text.len();
        if let Some(last) = self.paragraphs.last_mut() {
            last.end = end;
        }
        Ok(())
    }

    fn put(&mut self, s: &str) -> Result<(), FileError> {
        if self.text.len() + s.len() > self.max_bytes {
            return Err(FileError::LimitExceeded);
        }
        self.text.push_str(s);
        Ok(())
    }

    /// Whether the last paragraph's last word could go on in the next paragraph: it does not end
    /// a sentence.
    pub(crate) fn open_sentence(&self) -> bool {
        self.text
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';'))
    }

    /// Starts a page: its text begins with the next paragraph (or the next run-on text).
    pub(crate) fn begin_page(&mut self) {
        self.end_page();
        self.page_start = Some(self.text.len());
    }

    /// Ends the open page, if any.
    pub(crate) fn end_page(&mut self) {
        if let Some(start) = self.page_start.take() {
            // The separator written before the page's first words is not the page's.
            let start = self
                .text
                .get(start..)
                .map_or(start, |rest| start + (rest.len() - rest.trim_start().len()));
            self.pages.push(start.min(self.text.len())..self.text.len());
        }
    }

    pub(crate) fn finish(mut self, format: Format) -> Text {
        self.end_page();
        Text {
            text: self.text,
            pages: self.pages,
            paragraphs: self.paragraphs,
            format,
        }
    }
}

/// The paragraphs of a plain text: runs of lines between blank lines, each trimmed.
pub(crate) fn of_plain(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(open.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let a = start + lead;
        let b = a + trimmed.len();
        match &mut open {
            Some(r) => r.end = b,
            None => open = Some(a..b),
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn plain_paragraphs_are_runs_of_lines_between_blank_lines() {
        let t = "  Rubrik\n\nEtt två\ntre.\r\n \r\nFyra\n";
        let p = of_plain(t);
        assert_eq!(p.len(), 3);
        assert_eq!(&t[p[1].clone()], "Ett två\ntre.");
        assert_eq!(&t[p[2].clone()], "Fyra");
    }

    #[test]
    fn a_sentence_runs_on_across_a_page_and_the_page_starts_at_its_word() {
        let mut b = Builder::new(1000);
        b.begin_page();
        b.paragraph("Kommunen betalar").unwrap();
        assert!(b.open_sentence());
        b.begin_page();
        b.run_on("650 000 kr per år.").unwrap();
        b.paragraph("Nästa.").unwrap();
        let t = b.finish(Format::Pdf);
        assert_eq!(
            &t.text[t.paragraphs[0].clone()],
            "Kommunen betalar 650 000 kr per år."
        );
        assert_eq!(&t.text[t.pages[1].clone()], "650 000 kr per år.\n\nNästa.");
        assert_eq!(t.page_at(t.text.find("650").unwrap()), Some(2));
    }

    #[test]
    fn the_text_stops_at_its_limit() {
        let mut b = Builder::new(5);
        assert_eq!(b.paragraph("sex ord"), Err(FileError::LimitExceeded));
    }
}
