//! The comparison and the draft agreement as office files, for the tjänsteskrivelse: pure
//! functions from the core's data to the bytes of a file, no I/O, no clock of their own.
//!
//! - [`comparison_xlsx`]: an Excel workbook, one row per agreement, numbers as numbers and
//!   dates as dates in Swedish formats, unknowns as the text `okänt`, and a sheet "Källor".
//! - [`comparison_docx`]: a Word document with the comparison as a table (one column per
//!   agreement, the terms down the side) and the sources.
//! - [`draft_docx`]: the draft agreement as a Word document, its sections in Heading styles so
//!   the navigation pane lists them.
//!
//! Text from a file is inert data: Word's XML is escaped and stripped of characters XML cannot
//! hold; an Excel cell holds text as text, never as a formula.

mod docx;
mod error;
mod sources;
mod xlsx;

pub use docx::{comparison_docx, draft_docx};
pub use error::Error;
pub use sources::{cited, Cited};
pub use xlsx::comparison_xlsx;

/// The MIME type of an Excel workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The MIME type of a Word document.
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The agreement of each row, by id, in the rows' order (a row with no agreement gets none).
fn agreements_of<'a>(
    agreements: &'a [iop_core::Agreement],
    rows: &[iop_core::compare::ComparisonRow],
) -> Vec<Option<&'a iop_core::Agreement>> {
    rows.iter()
        .map(|r| agreements.iter().find(|a| a.id == r.id))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use iop_core::compare::compare;
    use iop_core::presets;
    use std::io::Read;

    fn entry(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn hostile_names_are_written_as_inert_text() {
        let mut a = presets::kalmar_2025_2027();
        // A formula, markup, control characters and a name longer than a cell holds.
        a.name = format!(
            "=HYPERLINK(\"x\")<w:p>\u{1}\u{1b}[31m{}",
            "å".repeat(40_000)
        );
        a.organisations[0].name = "</w:t><w:t>&amp;".into();
        let at = presets::date(2026, 1, 1);
        let rows = compare(std::slice::from_ref(&a), at);
        let xlsx = crate::comparison_xlsx(std::slice::from_ref(&a), &rows, at).unwrap();
        let sheet = entry(&xlsx, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "no cell is a formula");
        let docx = crate::comparison_docx(std::slice::from_ref(&a), &rows, at).unwrap();
        let doc = entry(&docx, "word/document.xml");
        assert!(doc.contains("&lt;/w:t&gt;&lt;w:t&gt;&amp;amp;"));
        assert!(!doc.contains('\u{1}') && !doc.contains('\u{1b}'));
        let draft = crate::draft_docx(&a, at).unwrap();
        assert!(entry(&draft, "word/document.xml").contains("&lt;/w:t&gt;"));
    }
}
