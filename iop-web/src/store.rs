//! Local storage: the user's scenario and preferences, kept across reloads.
//!
//! The scenario is stored as a scenario file (the same versioned format and reader as exported
//! files, so storage migrates with the format). What cannot be read is never lost: it is copied
//! under a backup key of its own first, and only then does new work go under the main key; if
//! the backup cannot be written, nothing is written over it and the page says so. A failed save
//! (storage full) keeps the work in memory and says why, in the page's language; the next
//! successful save stores everything.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use iop_core::edit::History;
use iop_core::scenario::{self, Scenario};
use serde::{Deserialize, Serialize};

/// Where the scenario is kept.
pub const SCENARIO_KEY: &str = "iop.scenario";
/// Where an unreadable scenario is kept, untouched, until the user decides.
pub const BACKUP_KEY: &str = "iop.scenario.unreadable";
/// Where the preferences are kept.
pub const PREFS_KEY: &str = "iop.prefs";
/// Where earlier versions kept every agreement's undo and redo steps in one value (read once,
/// then removed).
pub const HISTORY_KEY: &str = "iop.history";
/// Each agreement's undo and redo steps are kept under this prefix and its id, so they go with
/// it, and one tab writes only the histories it changed.
pub const HISTORY_PREFIX: &str = "iop.history.";
/// Every id this storage has given an agreement: an id is never given to a second one.
pub const IDS_KEY: &str = "iop.ids";

/// What the user prefers, apart from the work itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Prefs {
    /// Page language.
    pub lang: Lang,
    /// Ids picked for comparison.
    pub selected: Vec<String>,
    /// The nämnd's lead time in months, when the user has set one (else the core's default).
    pub lead_months: Option<u32>,
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
            Loaded::Unreadable {
                raw: text,
                why_sv,
                why_en,
            }
        }
    }
}

/// Why storing failed, in words for people (never the browser's exception text).
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage for this page is full.
    Full,
    /// The browser offers no storage (switched off, private mode).
    Unavailable,
    /// The browser refused for another reason.
    Refused,
}

impl SaveError {
    /// In the page's language.
    pub fn text(&self, l: Lang) -> &'static str {
        match self {
            SaveError::Full => l.t(
                "webbläsarens lagring för sidan är full",
                "the browser's storage for this page is full",
            ),
            SaveError::Unavailable => l.t(
                "webbläsaren har ingen lagring för sidan (avstängd eller privat läge)",
                "the browser has no storage for this page (switched off or private mode)",
            ),
            SaveError::Refused => l.t("webbläsaren vägrade spara", "the browser refused to save"),
        }
    }

    fn of(e: &wasm_bindgen::JsValue) -> SaveError {
        use wasm_bindgen::JsCast;
        match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
            Some(n) if n == "QuotaExceededError" || n == "NS_ERROR_DOM_QUOTA_REACHED" => {
                SaveError::Full
            }
            _ => SaveError::Refused,
        }
    }
}

/// Stores a scenario's text under the main key.
pub fn save_text(text: &str) -> Result<(), SaveError> {
    let storage = raw().ok_or(SaveError::Unavailable)?;
    storage
        .set_item(SCENARIO_KEY, text)
        .map_err(|e| SaveError::of(&e))
}

/// How many backups of unreadable data are kept apart (`iop.scenario.unreadable`, `….2`, …).
const BACKUPS: usize = 9;

fn backup_key(n: usize) -> String {
    if n == 1 {
        BACKUP_KEY.to_string()
    } else {
        format!("{BACKUP_KEY}.{n}")
    }
}

/// Keeps `text` under a backup key of its own (the one that already holds it, or the first
/// free one), so the main key can take new work; the key, or why it could not be kept.
pub fn keep_backup(text: &str) -> Result<String, SaveError> {
    let storage = raw().ok_or(SaveError::Unavailable)?;
    let mut free = None;
    for n in 1..=BACKUPS {
        let key = backup_key(n);
        match storage.get_item(&key).ok().flatten() {
            Some(held) if held == text => return Ok(key),
            Some(_) => {}
            None => {
                free.get_or_insert(key);
            }
        }
    }
    let key = free.ok_or(SaveError::Full)?;
    storage
        .set_item(&key, text)
        .map_err(|e| SaveError::of(&e))?;
    Ok(key)
}

/// The first backup of unreadable data still kept: its key and text.
pub fn first_backup() -> Option<(String, String)> {
    let storage = raw()?;
    (1..=BACKUPS).find_map(|n| {
        let key = backup_key(n);
        storage.get_item(&key).ok().flatten().map(|t| (key, t))
    })
}

/// The editor's undo and redo steps by agreement id (none when absent or unreadable); a
/// history stored by an earlier version in one value is taken over and that value removed.
pub fn load_histories() -> std::collections::BTreeMap<String, History> {
    let mut all: std::collections::BTreeMap<String, History> =
        LocalStorage::get(HISTORY_KEY).unwrap_or_default();
    let Some(storage) = raw() else {
        return all;
    };
    if !all.is_empty() {
        let _ = storage.remove_item(HISTORY_KEY);
        for (id, h) in &all {
            save_history(id, h);
        }
    }
    for key in history_keys(&storage) {
        if let Some(id) = key.strip_prefix(HISTORY_PREFIX) {
            if let Ok(h) = LocalStorage::get::<History>(&key) {
                all.insert(id.to_string(), h);
            }
        }
    }
    all
}

fn history_keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(HISTORY_PREFIX))
        .collect()
}

/// Stores one agreement's undo and redo steps. When storage is full, its oldest steps are
/// given up (half of them at a time) until it fits, and at worst the whole history: steps are
/// worth less than the work they undo, which is stored apart and first.
pub fn save_history(id: &str, h: &History) {
    let key = format!("{HISTORY_PREFIX}{id}");
    let mut h = h.clone();
    loop {
        let Ok(text) = serde_json::to_string(&h) else {
            return;
        };
        match raw().map(|s| s.set_item(&key, &text)) {
            Some(Ok(())) | None => return,
            Some(Err(_)) if h.approx_bytes() > 1024 => h.trim_to_bytes(h.approx_bytes() / 2),
            Some(Err(_)) => {
                drop_history(id);
                return;
            }
        }
    }
}

/// Forgets one agreement's undo and redo steps (it was deleted).
pub fn drop_history(id: &str) {
    if let Some(s) = raw() {
        let _ = s.remove_item(&format!("{HISTORY_PREFIX}{id}"));
    }
}

/// Forgets every stored undo history, to make room for the work itself; whether any was there.
pub fn drop_histories() -> bool {
    let Some(storage) = raw() else {
        return false;
    };
    let keys = history_keys(&storage);
    for k in &keys {
        let _ = storage.remove_item(k);
    }
    let legacy = storage.get_item(HISTORY_KEY).ok().flatten().is_some();
    let _ = storage.remove_item(HISTORY_KEY);
    !keys.is_empty() || legacy
}

/// Every id this storage has given an agreement (also in other tabs).
pub fn given_ids() -> std::collections::BTreeSet<String> {
    LocalStorage::get(IDS_KEY).unwrap_or_default()
}

/// Records that `id` has been given; failure only risks giving it again after a deletion.
pub fn give_id(id: &str) {
    give_ids(std::iter::once(id));
}

/// Records that each of `ids` has been given (an import's agreements), in one write.
pub fn give_ids<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let mut given = given_ids();
    let before = given.len();
    given.extend(ids.into_iter().map(String::from));
    if given.len() != before {
        let _ = LocalStorage::set(IDS_KEY, &given);
    }
}

/// Reads the preferences (defaults when absent or unreadable).
pub fn load_prefs() -> Prefs {
    LocalStorage::get(PREFS_KEY).unwrap_or_default()
}

/// Stores the preferences; failure is harmless (they are preferences).
pub fn save_prefs(p: &Prefs) {
    let _ = LocalStorage::set(PREFS_KEY, p);
}

/// Forgets one backup of unreadable data (after the user has decided).
pub fn drop_backup(key: &str) {
    if let Some(s) = raw() {
        let _ = s.remove_item(key);
    }
}
