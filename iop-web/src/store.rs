//! Local storage: the user's scenario and preferences, kept across reloads.
//!
//! The scenario is stored as a scenario file (the same versioned format and reader as exported
//! files, so storage migrates with the format). What cannot be read is never overwritten until
//! the user decides: it is copied under a backup key, saving pauses, and the page offers it as a
//! download. A failed save (storage full) keeps the work in memory and says so; the next
//! successful save stores everything.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use iop_core::scenario::{self, Scenario};
use serde::{Deserialize, Serialize};

/// Where the scenario is kept.
pub const SCENARIO_KEY: &str = "iop.scenario";
/// Where an unreadable scenario is kept, untouched, until the user decides.
pub const BACKUP_KEY: &str = "iop.scenario.unreadable";
/// Where the preferences are kept.
pub const PREFS_KEY: &str = "iop.prefs";

/// What the user prefers, apart from the work itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Prefs {
    /// Page language.
    pub lang: Lang,
    /// Ids picked for comparison.
    pub selected: Vec<String>,
}

/// What loading found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// A readable scenario.
    Ok(Scenario),
    /// Something that cannot be read: the raw text (kept under [`BACKUP_KEY`]) and why.
    Unreadable {
        /// The stored text, as found.
        raw: String,
        /// The first problem, in Swedish and English.
        why_sv: String,
        /// The same in English.
        why_en: String,
    },
}

fn raw() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the stored scenario.
pub fn load() -> Loaded {
    let Some(text) = load_text() else {
        return Loaded::Empty;
    };
    parse(text)
}

/// The stored scenario's text, unread.
pub fn load_text() -> Option<String> {
    raw().and_then(|s| s.get_item(SCENARIO_KEY).ok().flatten())
}

/// Reads a scenario text found in storage (or sent by another tab).
pub fn parse(text: String) -> Loaded {
    let report = scenario::read(text.as_bytes());
    match report.scenario {
        Some(s) => Loaded::Ok(s),
        None => {
            let (why_sv, why_en) = report
                .problems
                .first()
                .map(|p| {
                    (
                        format!("{}: {}", p.path, p.message_sv),
                        format!("{}: {}", p.path, p.message_en),
                    )
                })
                .unwrap_or_default();
            if let Some(s) = raw() {
                // Keep the unreadable data; never overwrite an earlier backup.
                if s.get_item(BACKUP_KEY).ok().flatten().is_none() {
                    let _ = s.set_item(BACKUP_KEY, &text);
                }
            }
            Loaded::Unreadable {
                raw: text,
                why_sv,
                why_en,
            }
        }
    }
}

/// Stores a scenario's text; an error text (quota exceeded, storage off) when it fails.
pub fn save_text(text: &str) -> Result<(), String> {
    let storage = raw().ok_or_else(|| "local storage is not available".to_string())?;
    storage
        .set_item(SCENARIO_KEY, text)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// Reads the preferences (defaults when absent or unreadable).
pub fn load_prefs() -> Prefs {
    LocalStorage::get(PREFS_KEY).unwrap_or_default()
}

/// Stores the preferences; failure is harmless (they are preferences).
pub fn save_prefs(p: &Prefs) {
    let _ = LocalStorage::set(PREFS_KEY, p);
}

/// Forgets the backup of unreadable data (after the user has decided).
pub fn drop_backup() {
    if let Some(s) = raw() {
        let _ = s.remove_item(BACKUP_KEY);
    }
}
