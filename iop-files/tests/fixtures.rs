//! Each fixture, made from a seed agreement by `scripts/make-file-fixtures.sh` with LibreOffice,
//! Chromium, Ghostscript, OCRmyPDF or pandoc, gives the terms the seed's own plain text gives:
//! the reader's findings (term and value; not the quotes' ranges, which differ with the layout)
//! on the file's text equal those on the seed's.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_files::{read, FileError, Format, Limits};
use std::collections::BTreeSet;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn seed(n: &str) -> String {
    let dir = format!(
        "{}/../iop-core/tests/texts/seeds",
        env!("CARGO_MANIFEST_DIR")
    );
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.starts_with(n))
        .unwrap();
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

/// The findings as (term, value): what the user is proposed.
fn terms(text: &str) -> BTreeSet<(String, String)> {
    let x = iop_core::extract::extract(text);
    x.findings
        .iter()
        .map(|f| (f.path.clone(), f.value.to_string()))
        .chain(
            x.conflicts
                .iter()
                .map(|c| (format!("conflict {}", c.path), String::new())),
        )
        .collect()
}

fn same_terms(file: &str, seed_no: &str, format: Format) {
    let t = read(&fixture(file), &Limits::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(t.format, format, "{file}");
    let want = terms(&seed(seed_no));
    let got = terms(&t.text);
    assert!(!want.is_empty());
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{file}: missing {missing:#?}\nextra {extra:#?}\n--- text:\n{}",
        t.text
    );
}

#[test]
fn libreoffice_pdf_gives_the_seeds_terms() {
    same_terms("001-libreoffice.pdf", "001", Format::Pdf);
}

#[test]
fn libreoffice_docx_gives_the_seeds_terms() {
    same_terms("001-libreoffice.docx", "001", Format::Docx);
}

#[test]
fn libreoffice_odt_gives_the_seeds_terms() {
    same_terms("001-libreoffice.odt", "001", Format::Odt);
}

#[test]
fn windows_1252_text_gives_the_seeds_terms() {
    same_terms("001-windows-1252.txt", "001", Format::Text);
}

#[test]
fn two_column_pdf_gives_the_seeds_terms() {
    same_terms("002-two-columns.pdf", "002", Format::Pdf);
}

#[test]
fn chromium_pdf_with_its_header_and_footer_gives_the_seeds_terms() {
    same_terms("003-chromium.pdf", "003", Format::Pdf);
}

#[test]
fn pandoc_docx_gives_the_seeds_terms() {
    same_terms("003-pandoc.docx", "003", Format::Docx);
}

#[test]
fn utf16le_text_gives_the_seeds_terms() {
    same_terms("003-utf-16le.txt", "003", Format::Text);
}

#[test]
fn ghostscript_pdf_gives_the_seeds_terms() {
    same_terms("004-ghostscript.pdf", "004", Format::Pdf);
}

#[test]
fn pandoc_odt_gives_the_seeds_terms() {
    same_terms("004-pandoc.odt", "004", Format::Odt);
}

#[test]
fn utf16be_text_gives_the_seeds_terms() {
    same_terms("004-utf-16be.txt", "004", Format::Text);
}

#[test]
fn ocrmypdf_layer_gives_the_seeds_terms() {
    same_terms("000-ocrmypdf.pdf", "000", Format::Pdf);
}

#[test]
fn a_scan_without_text_says_to_run_ocr_first() {
    let e = read(&fixture("000-scan-only.pdf"), &Limits::default()).unwrap_err();
    assert_eq!(e, FileError::ScanOnly);
    assert_eq!(
        e.sv(),
        "PDF-filen innehåller ingen text, bara bilder. Kör textigenkänning (OCR) på den först."
    );
}

#[test]
fn a_pdf_has_its_pages_and_each_offset_its_page() {
    let t = read(&fixture("bench-20-pages.pdf"), &Limits::default()).unwrap();
    assert!(t.pages.len() >= 20, "{} pages", t.pages.len());
    assert_eq!(t.page_at(0), Some(1));
    let last = t.pages.last().unwrap().clone();
    assert_eq!(t.page_at(last.start), Some(t.pages.len()));
    for w in t.pages.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}
