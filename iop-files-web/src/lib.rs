//! The file reader of the page's "Läs in avtal": bytes in, the text with its pages out, as JSON
//! for the worker (`iop-web/assets/files.js`) that loads this module only when a file is read.
//! A trap ends the worker, not the page: the page says so and reads on.

use wasm_bindgen::prelude::*;

/// Reads a file's bytes: `{"text": …, "pages": [[start, end], …], "format": "pdf"}` (byte
/// ranges of the text, page 1 first; empty unless a PDF), or `{"error": {"sv": …, "en": …}}`.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&iop_files_web::read_file(b"Kalmar kommun")).unwrap();
/// assert_eq!(v["text"], "Kalmar kommun");
/// assert_eq!(v["format"], "text");
/// ```
#[wasm_bindgen]
pub fn read_file(bytes: &[u8]) -> String {
    let answer = match iop_files::read(bytes, &iop_files::Limits::default()) {
        Ok(t) => serde_json::json!({
            "text": t.text,
            "pages": t.pages.iter().map(|p| [p.start, p.end]).collect::<Vec<_>>(),
            "format": match t.format {
                iop_files::Format::Pdf => "pdf",
                iop_files::Format::Docx => "docx",
                iop_files::Format::Odt => "odt",
                iop_files::Format::Text => "text",
            },
        }),
        Err(e) => serde_json::json!({ "error": { "sv": e.sv(), "en": e.en() } }),
    };
    answer.to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    #[test]
    fn an_error_is_said_in_both_languages() {
        let v: serde_json::Value =
            serde_json::from_str(&super::read_file(b"%PDF-1.4 garbage")).unwrap();
        assert!(v["error"]["sv"].as_str().unwrap().len() > 10);
        assert!(v["error"]["en"].as_str().unwrap().len() > 10);
    }
}
