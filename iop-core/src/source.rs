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
    /// What kind of document it is, when said: an agreement, a decision, news. Added in format
    /// version 1.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Where the document can be read (a web address), when given. Added in format version 1.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// What kind of document a source is, from the surest to the least sure about an agreement's
/// terms.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The agreement's own text (*avtal*).
    Avtal,
    /// A decision or its minutes (*beslut*, *protokoll*, *tjänsteskrivelse*).
    Beslut,
    /// News: the kommun's, a press release, local news (*nyhet*).
    Nyhet,
    /// Anything else: a jour's own page, a letter to the editor (*annat*).
    Annat,
}

impl SourceKind {
    /// Every kind, surest first.
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Avtal,
        SourceKind::Beslut,
        SourceKind::Nyhet,
        SourceKind::Annat,
    ];

    /// A stable key for forms: `avtal`, `beslut`, `nyhet`, `annat`.
    pub fn key(self) -> &'static str {
        match self {
            SourceKind::Avtal => "avtal",
            SourceKind::Beslut => "beslut",
            SourceKind::Nyhet => "nyhet",
            SourceKind::Annat => "annat",
        }
    }

    /// The kind with this key; `None` for any other text.
    ///
    /// ```
    /// use iop_core::source::SourceKind;
    /// assert_eq!(SourceKind::from_key("beslut"), Some(SourceKind::Beslut));
    /// assert_eq!(SourceKind::from_key(""), None);
    /// ```
    pub fn from_key(key: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// In Swedish.
    pub fn sv(self) -> &'static str {
        match self {
            SourceKind::Avtal => "Avtal",
            SourceKind::Beslut => "Beslut",
            SourceKind::Nyhet => "Nyhet",
            SourceKind::Annat => "Annat",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            SourceKind::Avtal => "Agreement",
            SourceKind::Beslut => "Decision",
            SourceKind::Nyhet => "News",
            SourceKind::Annat => "Other",
        }
    }
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
