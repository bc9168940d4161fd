//! Scenario files: the versioned JSON an official exports, shares and imports.
//!
//! A scenario file is self-describing (`"format": "iop-scenario"`, `"version": "1.3"`), holds a
//! name, notes, when it was made and last changed, and its agreements. Money is a decimal string
//! (`"1000000.00"`), dates are ISO 8601, and an unknown is `null` or, from 1.3, left out.
//!
//! Reading goes in tiers and reports every problem it can at once, each with its JSON path and a
//! message in Swedish and English: limits (size, nesting) before parsing; then (1) structure,
//! (2) rules, (3) quality warnings. See [`read`].
//!
//! **Versions.** 1.0 is the first version of the format; 1.1 adds an agreement's optional
//! `derived_from` (a what-if variant names its original), 1.2 an agreement's optional `draft`
//! (entered with problems left to fix: its rule problems are warnings), so an earlier file reads
//! as it is and an earlier reader tells the user a later file is newer. 1.3 lets a file leave
//! out what it does not know, and reads timestamps with a zone (below); it adds no field, so the
//! writer writes exactly what 1.2 wrote and an earlier reader reads it. The reader migrates every earlier
//! version it knows (none yet: an earlier file has every field 1.3 reads) through
//! [`MIGRATIONS`], refuses a newer major version, and reads a newer minor version of the same
//! major as far as it understands it: each field it does not know is a warning with its path,
//! kept under the root's `extensions` and written back, never silently dropped.
//!
//! **What may be left out (1.3).** A file written by hand gives what it knows:
//!
//! - *Unknown.* A [`Known`](crate::Known) field left out is unknown, as `null` is; so are the
//!   enumerations with an unknown of their own (a term's `end` and `renewal`, a payment's
//!   `timing`, a document's `due`, a repayment), and a whole `term`, `termination` or `payments`.
//! - *None stays explicit.* Where "the agreement has none" differs from "not stated", none is a
//!   value that is written: `{"type": "none"}` for no renewal, `"none"` for no ordinary notice or
//!   no breach clause. Left out, each is unknown, never none.
//! - *Empty lists* where empty says what the file says, "nothing stated": obligations, sources,
//!   bodies, signatories, the scope's lists, documents with an invoice. Public parties,
//!   organisations and a split's payers read as empty too, and the rules refuse an agreement
//!   without them, at their path in Swedish and English, as they refused an empty list (a
//!   draft's are warnings). Funding's `components` is *not* among them: an empty list is 0 kr a
//!   year in every sum, so it is required (an unknown amount is a component without `amount`).
//! - *Empty texts* for notes, the file's name, a component's label, a reference's section, a
//!   signatory's title; *false* for the flags `on_invoice`, `changes_need_written_approval`,
//!   `draft` (nothing recorded).
//! - *Required*: `format`, `version`, `created`, `modified`, `agreements`; an agreement's `id`
//!   (what links, variants and merges refer to), `name` and `funding.components`, a component's
//!   `kind`; names, ids, titles and tags that say what a thing is. The schema's `required` lists
//!   exactly these (a test checks it against the reader).
//!
//! Timestamps are read without a zone, as always (UTC), or in RFC 3339 with `Z` or an offset,
//! converted to the naive UTC time the model keeps ([`crate::dates::timestamp`]); they are
//! written as before. Earlier versions' files read as before: `tests/older/` holds a file each
//! version of the tool wrote, and each reads and writes back unchanged but for its version.
//!
//! **Unknown fields** are errors with their path. What a user or another tool wants to keep
//! that the format has no place for goes under `"extensions"` (at the root or in an agreement):
//! any JSON there is kept as it is and written back unchanged.

//!
//! The file is split along its seams: the types and versions here, [`Problem`]s in `problem`,
//! reading in `read`, the rule checks in `rules`, importing in `merge`, and several tabs over one
//! storage in `sync`.

use crate::agreement::Agreement;
use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod merge;
mod problem;
mod read;
mod rules;
mod sync;
#[cfg(test)]
mod tests;
mod unique;

pub use merge::{absorb, arrivals, changed_agreements, fresh_id, fresh_id_unused, Arrival};
pub use problem::{Problem, Report, Severity, Tier};
pub use read::{
    agreement_from_value, nesting_depth, read, read_value, serde_message, too_large,
    too_large_stream, NEWER_FIELDS,
};
pub use rules::{validate, validate_agreement};
pub use sync::{merge_revised, revisions, stamp, without_revisions, Receipt, Shared, REVISIONS};

/// The `format` field of every scenario file.
pub const FORMAT: &str = "iop-scenario";
/// The version this crate writes.
pub const VERSION: Version = Version { major: 1, minor: 3 };
/// Files larger than this are refused before parsing (20 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Files nested deeper than this are refused before parsing.
pub const MAX_DEPTH: usize = 64;
/// At most this many structure problems are reported; the rest are summarised in one line.
pub const MAX_PROBLEMS: usize = 100;

/// A format version, `major.minor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// Incompatible changes.
    pub major: u32,
    /// Compatible additions.
    pub minor: u32,
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl Version {
    /// Parses `"1.0"`.
    pub fn parse(text: &str) -> Option<Version> {
        let (a, b) = text.split_once('.')?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|c| c.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return None;
        }
        Some(Version {
            major: a.parse().ok()?,
            minor: b.parse().ok()?,
        })
    }
}

/// A migration from one earlier version to the next, on the untyped JSON.
pub type Migration = (Version, Version, fn(&mut Map<String, Value>));

/// The migrations from earlier versions, oldest first. Version 1.0 is the first; a change of
/// the format adds a step here and a test with a file in the old shape.
pub const MIGRATIONS: &[Migration] = &[];

/// A scenario: the user's work, as one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always [`FORMAT`].
    pub format: String,
    /// The version it was written in (`"1.3"`).
    pub version: String,
    /// A name for people; left out, empty.
    #[serde(default)]
    pub name: String,
    /// Free notes; left out, empty.
    #[serde(default)]
    pub notes: String,
    /// When it was made, in UTC (`2026-11-22T09:00:00`). Required: only the file can say.
    #[serde(deserialize_with = "crate::dates::timestamp::deserialize")]
    #[schemars(schema_with = "crate::dates::timestamp::schema")]
    pub created: NaiveDateTime,
    /// When it was last changed, in UTC. Required.
    #[serde(deserialize_with = "crate::dates::timestamp::deserialize")]
    #[schemars(schema_with = "crate::dates::timestamp::schema")]
    pub modified: NaiveDateTime,
    /// The agreements.
    pub agreements: Vec<Agreement>,
    /// Anything another tool keeps here is preserved unchanged.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extensions: Map<String, Value>,
}

impl Scenario {
    /// A new scenario in the current version.
    pub fn new(name: &str, at: NaiveDateTime, agreements: Vec<Agreement>) -> Scenario {
        Scenario {
            format: FORMAT.into(),
            version: VERSION.to_string(),
            name: name.into(),
            notes: String::new(),
            created: at,
            modified: at,
            agreements,
            extensions: Map::new(),
        }
    }

    /// The same content without indentation, for storage where size and speed matter.
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The file's text: pretty JSON, UTF-8.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}
