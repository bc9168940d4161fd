//! Sources: where every fact of an agreement comes from.
//!
//! An agreement lists its [`SourceDocument`]s; each figure points to one with a [`SourceRef`]
//! (document and section), so an official can check the number against the text.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A document an agreement's facts come from (*källa*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Short id used by [`SourceRef::document`] (the seed's file name for built-in agreements).
    pub id: String,
    /// What the document is.
    pub title: String,
    /// Its date, when stated.
    #[serde(default, deserialize_with = "crate::dates::iso::option")]
    pub date: Option<NaiveDate>,
}

/// A pointer from a figure to a document and the section that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The [`SourceDocument::id`].
    pub document: String,
    /// The section, paragraph or quotation that states the figure (`§10 Ekonomi`); left out,
    /// empty (a news item has no sections).
    #[serde(default)]
    pub section: String,
    /// Where the document can be found (a web address, a diary number), when given. Added in
    /// format version 1.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The sentence that states the figure, word for word, when given. Added in format
    /// version 1.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl SourceRef {
    /// A reference to `document`, `section`.
    pub fn new(document: &str, section: &str) -> SourceRef {
        SourceRef {
            document: document.to_string(),
            section: section.to_string(),
            address: None,
            quote: None,
        }
    }
}

impl std::fmt::Display for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", self.document, self.section)
    }
}
