//! PDF (todo).
use crate::{FileError, Limits, Text};
pub(crate) fn read(_bytes: &[u8], _limits: &Limits) -> Result<Text, FileError> {
    Err(FileError::ScanOnly)
}
