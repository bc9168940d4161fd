//! Why a file gave no text, in Swedish and English: the messages the user reads in the page
//! and on the command line.

use std::fmt;

/// Why a file gave no text. [`FileError::sv`] and [`FileError::en`] are the messages the user
/// reads; each says what to do where there is something to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not a PDF, Word, OpenDocument or text file (an image, a spreadsheet, binary data).
    NotSupported,
    /// The file is of a known format but broken (truncated, a damaged zip or cross-reference
    /// table) so that no text could be read.
    Damaged,
    /// The file is larger than [`crate::Limits::max_file_bytes`].
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The PDF has more pages than [`crate::Limits::max_pages`].
    TooManyPages {
        /// The limit.
        limit: usize,
    },
    /// A bound of [`crate::Limits`] was reached inside the file: a stream or zip entry that
    /// inflates too far, too many entries or operators, nesting too deep.
    LimitExceeded,
    /// The PDF is encrypted and cannot be opened without its password.
    Encrypted,
    /// The PDF has no text layer: scanned pages, images only.
    ScanOnly,
}

impl FileError {
    /// The message in Swedish.
    pub fn sv(&self) -> String {
        match self {
            FileError::NotSupported => {
                "Filen är varken PDF, Word (.docx), OpenDocument (.odt) eller text. \
                Spara den i något av de formaten och försök igen."
                    .into()
            }
            FileError::Damaged => "Filen är skadad och gick inte att läsa. Öppna den i programmet \
                som skapade den och spara den på nytt."
                .into(),
            FileError::TooLarge { limit } => format!(
                "Filen är för stor: högst {} MB läses.",
                limit / (1024 * 1024)
            ),
            FileError::TooManyPages { limit } => {
                format!("PDF-filen har för många sidor: högst {limit} läses.")
            }
            FileError::LimitExceeded => "Filen är för stor eller för djupt nästlad inuti för att \
                läsas säkert (den packas upp till mer än vad ett avtal rimligen rymmer)."
                .into(),
            FileError::Encrypted => "PDF-filen är krypterad. Spara en kopia utan lösenord och \
                läs in den."
                .into(),
            FileError::ScanOnly => "PDF-filen innehåller ingen text, bara bilder. \
                Kör textigenkänning (OCR) på den först."
                .into(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            FileError::NotSupported => "The file is not a PDF, Word (.docx), OpenDocument (.odt) \
                or text file. Save it in one of those formats and try again."
                .into(),
            FileError::Damaged => "The file is damaged and could not be read. Open it in the \
                program that made it and save it again."
                .into(),
            FileError::TooLarge { limit } => format!(
                "The file is too large: at most {} MB is read.",
                limit / (1024 * 1024)
            ),
            FileError::TooManyPages { limit } => {
                format!("The PDF has too many pages: at most {limit} are read.")
            }
            FileError::LimitExceeded => "The file is too large or too deeply nested inside to \
                be read safely (it unpacks to more than an agreement can hold)."
                .into(),
            FileError::Encrypted => "The PDF is encrypted. Save a copy without a password and \
                read that."
                .into(),
            FileError::ScanOnly => "The PDF holds no text, only images. Run text recognition \
                (OCR) on it first."
                .into(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_only_says_what_to_do_in_swedish_word_for_word() {
        assert_eq!(
            FileError::ScanOnly.sv(),
            "PDF-filen innehåller ingen text, bara bilder. Kör textigenkänning (OCR) på den först."
        );
    }

    #[test]
    fn too_large_names_the_limit_in_megabytes() {
        let e = FileError::TooLarge {
            limit: 20 * 1024 * 1024,
        };
        assert!(e.sv().contains("20 MB"));
        assert!(e.en().contains("20 MB"));
    }
}
