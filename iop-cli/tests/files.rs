//! `iop text` and `iop extract` on PDF, Word, OpenDocument and non-UTF-8 text files (the
//! fixtures of iop-files): the format from the content, the page of each finding in a PDF, and
//! the messages of files that give no text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::{Command, Output};

fn iop(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .env("LC_ALL", lang)
        .output()
        .unwrap()
}

fn file(dir: &str, name: &str) -> String {
    format!(
        "{}/../iop-files/tests/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn extract_reads_a_pdf_and_says_the_page_of_each_finding() {
    let out = iop(&["extract", &file("fixtures", "001-libreoffice.pdf")], "C");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cure = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "termination.for_breach.cure_days")
        .unwrap();
    assert_eq!(cure["value"], 30);
    // The Kalmar agreement's breach clause stands on its third page in LibreOffice's layout.
    assert!(cure["page"].as_u64().unwrap() >= 2, "{cure}");
    assert_eq!(
        v["agreement"]["funding"]["components"][0]["amount"],
        "1000000.00"
    );
}

#[test]
fn extract_reads_word_and_opendocument_by_their_content() {
    for f in ["003-pandoc.docx", "004-pandoc.odt", "001-windows-1252.txt"] {
        let out = iop(&["extract", &file("fixtures", f)], "C");
        assert_eq!(out.status.code(), Some(0), "{f}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["findings"][0].get("page").is_none(), "{f}: no pages");
    }
    // An ODT under a Word name reads as the ODT it is.
    let out = iop(&["text", &file("hostile", "odt-renamed.docx")], "C");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kvinnojouren"));
}

#[test]
fn text_prints_a_pdf_with_a_form_feed_between_pages() {
    let out = iop(&["text", &file("fixtures", "bench-20-pages.pdf")], "C");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.matches('\u{c}').count() >= 19);
    assert!(text.contains("Kvinnojouren & Ungdomsjouren Kalmar"));
}

#[test]
fn a_scan_says_in_swedish_to_run_ocr_first() {
    let out = iop(
        &["extract", &file("fixtures", "000-scan-only.pdf")],
        "sv_SE.UTF-8",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "PDF-filen innehåller ingen text, bara bilder. Kör textigenkänning (OCR) på den först."
        ),
        "{err}"
    );
    let out = iop(&["text", &file("hostile", "encrypted.pdf")], "C");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted"));
}
