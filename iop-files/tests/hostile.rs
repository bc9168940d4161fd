//! The hostile set (`iop-files/tests/hostile/`, made by `scripts/make-hostile-files.py`): each
//! file gives its error or a bounded text, never a panic, each within seconds.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_files::{read, FileError, Format, Limits, Text};
use std::time::{Duration, Instant};

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Reads a hostile file, in bounded time (generous: debug builds on a busy 2-core machine).
fn timed(name: &str, limits: &Limits) -> Result<Text, FileError> {
    let t = Instant::now();
    let r = read(&hostile(name), limits);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        t.elapsed()
    );
    r
}

fn gives(name: &str, want: FileError) {
    assert_eq!(timed(name, &Limits::default()), Err(want), "{name}");
}

#[test]
fn a_truncated_pdf_is_damaged_or_gives_what_it_holds() {
    // lopdf rebuilds the cross-reference table of a cut file; the pages before the cut read.
    match timed("truncated.pdf", &Limits::default()) {
        Ok(t) => assert!(t.text.contains("Kvinnojouren")),
        Err(e) => assert_eq!(e, FileError::Damaged),
    }
}

#[test]
fn garbage_after_a_pdf_header_is_damaged() {
    gives("garbage.pdf", FileError::Damaged);
}

#[test]
fn binary_garbage_is_not_a_format_read() {
    gives("garbage.bin", FileError::NotSupported);
}

#[test]
fn a_flate_bomb_stops_at_the_limit() {
    gives("flate-bomb.pdf", FileError::LimitExceeded);
}

#[test]
fn false_stream_lengths_are_repaired_or_refused() {
    for name in ["false-length-long.pdf", "false-length-short.pdf"] {
        match timed(name, &Limits::default()) {
            Ok(t) => assert!(t.text.contains("650 000"), "{name}: {}", t.text),
            Err(e) => assert!(
                matches!(e, FileError::Damaged | FileError::ScanOnly),
                "{name}: {e:?}"
            ),
        }
    }
}

#[test]
fn deep_nesting_is_refused_or_cut() {
    let r = timed("deep-nesting.pdf", &Limits::default());
    assert!(
        matches!(
            r,
            Err(FileError::Damaged | FileError::LimitExceeded | FileError::ScanOnly)
        ),
        "{r:?}"
    );
}

#[test]
fn a_cyclic_page_tree_ends_with_its_one_page() {
    let t = timed("cyclic-pages.pdf", &Limits::default()).unwrap();
    assert_eq!(t.pages.len(), 1);
    assert_eq!(t.text, "Kommunen betalar 650 000 kr per år.");
}

#[test]
fn a_cyclic_xref_chain_ends() {
    let t = timed("cyclic-xref.pdf", &Limits::default()).unwrap();
    assert_eq!(t.text, "Kommunen betalar 650 000 kr per år.");
}

#[test]
fn a_form_drawing_itself_is_drawn_once() {
    let t = timed("self-calling-form.pdf", &Limits::default()).unwrap();
    assert_eq!(t.text.matches("Syfte").count(), 1, "{}", t.text);
    assert_eq!(t.text.matches("Ekonomi").count(), 1, "{}", t.text);
}

#[test]
fn a_broken_tounicode_map_gives_bounded_text() {
    let t = timed("broken-tounicode.pdf", &Limits::default()).unwrap();
    assert!(!t.text.is_empty() && t.text.len() < 100, "{}", t.text);
}

#[test]
fn an_encrypted_pdf_says_so() {
    gives("encrypted.pdf", FileError::Encrypted);
}

#[test]
fn too_many_pages_says_the_limit() {
    let limits = Limits {
        max_pages: 100,
        ..Limits::default()
    };
    assert_eq!(
        timed("many-pages.pdf", &limits),
        Err(FileError::TooManyPages { limit: 100 })
    );
    assert_eq!(
        timed("many-pages.pdf", &Limits::default())
            .unwrap()
            .pages
            .len(),
        300
    );
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    gives("zip-bomb.docx", FileError::LimitExceeded);
}

#[test]
fn declared_sizes_that_lie_are_not_trusted() {
    for name in ["size-lie-small.docx", "size-lie-huge.docx"] {
        match timed(name, &Limits::default()) {
            Ok(t) => assert!(t.text.len() < 2 << 20, "{name}"),
            Err(e) => assert_eq!(e, FileError::Damaged, "{name}"),
        }
    }
}

#[test]
fn too_many_zip_entries_stop() {
    let limits = Limits {
        max_zip_entries: 100,
        ..Limits::default()
    };
    assert_eq!(
        timed("many-entries.docx", &limits),
        Err(FileError::LimitExceeded)
    );
}

#[test]
fn an_odt_named_docx_is_read_as_the_odt_it_is() {
    let t = timed("odt-renamed.docx", &Limits::default()).unwrap();
    assert_eq!(t.format, Format::Odt);
    assert!(t.text.contains("Kvinnojouren"));
}

#[test]
fn a_doctype_with_entities_is_refused() {
    gives("doctype-entities.docx", FileError::Damaged);
}

#[test]
fn a_zip_of_something_else_is_not_read() {
    gives("spreadsheet.ods", FileError::NotSupported);
}

#[test]
fn a_truncated_docx_is_damaged() {
    gives("truncated.docx", FileError::Damaged);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let limits = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    assert_eq!(
        read(&hostile("garbage.pdf"), &limits),
        Err(FileError::TooLarge { limit: 1000 })
    );
}
