//! The Excel and Word writers of the page's exports: the request as JSON in, the file's bytes
//! out, for the worker (`iop-web/assets/office.js`) that loads this module only when such a
//! file is asked for. A trap ends the worker, not the page: the page says so.

use chrono::NaiveDate;
use iop_core::explain::Bilingual;
use iop_core::Agreement;
use wasm_bindgen::prelude::*;

/// A request the page may send.
enum Kind {
    ComparisonXlsx,
    ComparisonDocx,
    DraftDocx,
}

fn refused(sv: &str, en: &str) -> String {
    serde_json::json!({ "sv": sv, "en": en }).to_string()
}

/// The file asked for by `request`: `{"kind": "comparison_xlsx" | "comparison_docx" |
/// "draft_docx", "at": "YYYY-MM-DD", "agreements": [...]}` (the agreements compared, in the
/// comparison's order; for a draft, the one agreement). Its bytes, or why not as JSON
/// `{"sv": …, "en": …}`.
///
/// ```
/// let a = serde_json::to_value(iop_core::presets::kalmar_2025_2027()).unwrap();
/// let request = serde_json::json!({ "kind": "draft_docx", "at": "2025-01-01", "agreements": [a] });
/// assert!(iop_office_web::make(&request.to_string()).unwrap().starts_with(b"PK"));
/// let bad = serde_json::json!({ "kind": "pdf", "at": "2025-01-01", "agreements": [] });
/// assert!(iop_office_web::make(&bad.to_string()).unwrap_err().contains("sv"));
/// ```
#[wasm_bindgen]
pub fn make(request: &str) -> Result<Vec<u8>, String> {
    let bad = || {
        refused(
            "Begäran kunde inte läsas.",
            "The request could not be read.",
        )
    };
    let mut v: serde_json::Value = serde_json::from_str(request).map_err(|_| bad())?;
    let kind = match v.get("kind").and_then(|k| k.as_str()) {
        Some("comparison_xlsx") => Kind::ComparisonXlsx,
        Some("comparison_docx") => Kind::ComparisonDocx,
        Some("draft_docx") => Kind::DraftDocx,
        _ => return Err(bad()),
    };
    let at: NaiveDate = v
        .get("at")
        .and_then(|a| a.as_str())
        .and_then(|a| a.parse().ok())
        .ok_or_else(bad)?;
    let values = match v.get_mut("agreements").map(serde_json::Value::take) {
        Some(serde_json::Value::Array(values)) => values,
        _ => return Err(bad()),
    };
    let agreements: Vec<Agreement> = values
        .into_iter()
        .map(iop_core::scenario::agreement_from_value)
        .collect::<Result<_, _>>()
        .map_err(|_| {
            refused(
                "Ett avtal kunde inte läsas.",
                "An agreement could not be read.",
            )
        })?;
    let rows = || iop_core::compare::compare(&agreements, at);
    let made = match kind {
        Kind::ComparisonXlsx => iop_office::comparison_xlsx(&agreements, &rows(), at),
        Kind::ComparisonDocx => iop_office::comparison_docx(&agreements, &rows(), at),
        Kind::DraftDocx => match agreements.first() {
            Some(a) => iop_office::draft_docx(a, at),
            None => return Err(bad()),
        },
    };
    made.map_err(|e| refused(&e.sv(), &e.en()))
}
