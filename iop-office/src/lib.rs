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
