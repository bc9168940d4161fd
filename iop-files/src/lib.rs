//! Agreements as they arrive (*avtal som de kommer*): the text of a PDF, Word (DOCX),
//! OpenDocument text (ODT) or plain-text file, with the byte range of every page and paragraph.
//!
//! Bytes in, text out: no I/O, no network, the same code natively (`iop text`, `iop extract`) and
//! in the browser (wasm32), so a file gives the same text and the same findings in both. The
//! format is known from the content (`%PDF-`, a zip holding `word/document.xml`, a zip whose
//! `mimetype` is OpenDocument text), never from a file name. Every offset refers to
//! [`Text::text`], the text the user is shown.
//!
//! It is not a PDF renderer, nor a Word converter: it keeps the words in reading order and
//! nothing of their look. Every read is bounded by [`Limits`] (file size, pages, inflated bytes,
//! operators, nesting), and hostile input gives a [`FileError`], never a panic.
//!
//! ```
//! use iop_files::{read, Format, Limits};
//! let bytes = "Kalmar kommun betalar 650 000 kr per år.\n\nAvtalet gäller i tre år.".as_bytes();
//! let text = read(bytes, &Limits::default()).unwrap();
//! assert_eq!(text.format, Format::Text);
//! assert_eq!(text.paragraphs.len(), 2);
//! let second = text.paragraphs[1].clone();
//! assert_eq!(&text.text[second], "Avtalet gäller i tre år.");
//! // Plain text has no pages; a PDF's first page is page 1.
//! assert_eq!(text.page_at(0), None);
//!
//! // A PDF of scanned images only says what to do.
//! let e = iop_files::FileError::ScanOnly;
//! assert!(e.sv().starts_with("PDF-filen innehåller ingen text"));
//! ```

mod docx;
mod error;
mod odt;
mod paragraphs;
mod pdf;
mod plain;
mod zip_xml;

pub use error::FileError;

use std::ops::Range;

/// The formats read. Known from the file's first bytes, never its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A PDF (`%PDF-`).
    Pdf,
    /// A Word document (Office Open XML: a zip holding `word/document.xml`).
    Docx,
    /// An OpenDocument text (a zip whose `mimetype` is `application/vnd.oasis.opendocument.text`).
    Odt,
    /// Anything else that decodes as text: UTF-8, UTF-16 with a byte-order mark, or
    /// Windows-1252 (Latin-1).
    Text,
}

/// The bounds of one read. Each stops a hostile file with [`FileError::TooLarge`],
/// [`FileError::TooManyPages`] or [`FileError::LimitExceeded`] instead of reading on. The defaults
/// are far above what a real agreement needs (a 40-page PDF is about 1 MB, a few thousand
/// operators a page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes (20 MB, as `iop` reads scenario files).
    pub max_file_bytes: usize,
    /// The most pages of a PDF.
    pub max_pages: usize,
    /// The most bytes one PDF stream or one zip entry inflates to.
    pub max_stream_bytes: usize,
    /// The most bytes all streams or entries of one file inflate to together.
    pub max_total_bytes: usize,
    /// The most content-stream operators read on one PDF page (form XObjects included).
    pub max_operators: usize,
    /// The deepest nesting: XML elements, PDF arrays and dictionaries in a content stream.
    pub max_depth: usize,
    /// The deepest chain of form XObjects drawing each other.
    pub max_form_depth: usize,
    /// The most entries of a zip (DOCX, ODT).
    pub max_zip_entries: usize,
    /// The most bytes of text returned.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_pages: 2_000,
            max_stream_bytes: 32 * 1024 * 1024,
            max_total_bytes: 128 * 1024 * 1024,
            max_operators: 1_000_000,
            max_depth: 256,
            max_form_depth: 12,
            max_zip_entries: 5_000,
            max_text_bytes: 20 * 1024 * 1024,
        }
    }
}

/// The text of a file, as the user is shown it, with where its pages and paragraphs stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The text. Paragraphs are separated by a blank line, and so are a PDF's pages, but for a
    /// sentence cut by a page break, whose words run on after a space. No page marker is in the
    /// text (the reader would read it); [`Text::pages`] says where each page stands, and
    /// `iop text` prints a form feed there.
    pub text: String,
    /// The byte range of each page in [`Text::text`], page 1 first. Empty unless a PDF.
    pub pages: Vec<Range<usize>>,
    /// The byte range of each paragraph (a heading, a table cell, a run of lines), in order.
    pub paragraphs: Vec<Range<usize>>,
    /// The format the bytes were read as.
    pub format: Format,
}

impl Text {
    /// The page (1 is the first) on which the byte at `offset` stands; `None` for a file
    /// without pages or an offset outside every page (the blank line between two pages).
    ///
    /// ```
    /// use iop_files::{Format, Text};
    /// let t = Text { text: "ett\n\ntvå".into(), pages: vec![0..3, 5..9],
    ///                paragraphs: vec![0..3, 5..9], format: Format::Pdf };
    /// assert_eq!(t.page_at(6), Some(2));
    /// assert_eq!(t.page_at(4), None);
    /// ```
    pub fn page_at(&self, offset: usize) -> Option<usize> {
        // Pages are in order and do not overlap: the last one starting at or before `offset`.
        let i = self.pages.partition_point(|p| p.start <= offset);
        let page = self.pages.get(i.checked_sub(1)?)?;
        page.contains(&offset).then_some(i)
    }
}

/// Reads `bytes` as the format its content shows, within `limits`.
///
/// # Errors
///
/// A [`FileError`] says, in Swedish and English, why nothing was read: a file too large, not a
/// format read here, damaged, encrypted, a PDF of images only ([`FileError::ScanOnly`]), or a
/// bound of `limits` reached.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Text, FileError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(FileError::TooLarge {
            limit: limits.max_file_bytes,
        });
    }
    let text = match sniff(bytes) {
        Sniffed::Pdf => pdf::read(bytes, limits)?,
        Sniffed::Zip => zip_xml::read(bytes, limits)?,
        Sniffed::Text => plain::read(bytes)?,
    };
    if text.text.len() > limits.max_text_bytes {
        return Err(FileError::LimitExceeded);
    }
    Ok(text)
}

/// The format a file's content shows; a zip is told apart by its entries.
enum Sniffed {
    Pdf,
    Zip,
    Text,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    // Some writers put a few bytes of junk before the header; readers accept it within the
    // first kilobyte, and so do we.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        Sniffed::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        Sniffed::Zip
    } else {
        Sniffed::Text
    }
}

/// Entry points for the fuzz targets (`fuzz/fuzz_targets/files_*.rs`): the XML readers of DOCX
/// and ODT without their zip, so the fuzzer's mutations reach the XML. Not for other use.
#[doc(hidden)]
pub mod fuzzing {
    use crate::{FileError, Limits, Text};

    /// `word/document.xml`'s bytes as a DOCX's.
    pub fn docx_xml(xml: &[u8], limits: &Limits) -> Result<Text, FileError> {
        crate::docx::read(xml, limits)
    }

    /// `content.xml`'s bytes as an ODT's.
    pub fn odt_xml(xml: &[u8], limits: &Limits) -> Result<Text, FileError> {
        crate::odt::read(xml, limits)
    }
}
