//! Why a file could not be written, in Swedish and English.

/// A file that could not be written: the writer's own reason, with words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What failed ("Excel-filen"), in Swedish.
    what_sv: &'static str,
    /// The same in English.
    what_en: &'static str,
    /// The writer's message.
    detail: String,
}

impl Error {
    pub(crate) fn xlsx(e: impl std::fmt::Display) -> Error {
        Error {
            what_sv: "Excel-filen",
            what_en: "the Excel file",
            detail: e.to_string(),
        }
    }

    pub(crate) fn docx(e: impl std::fmt::Display) -> Error {
        Error {
            what_sv: "Word-filen",
            what_en: "the Word file",
            detail: e.to_string(),
        }
    }
}

impl iop_core::explain::Bilingual for Error {
    fn sv(&self) -> String {
        format!("Kunde inte skriva {}: {}", self.what_sv, self.detail)
    }

    fn en(&self) -> String {
        format!("Could not write {}: {}", self.what_en, self.detail)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use iop_core::explain::Bilingual;
        f.write_str(&self.en())
    }
}

impl std::error::Error for Error {}
