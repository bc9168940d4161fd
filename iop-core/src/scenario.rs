//! Scenario files: the versioned JSON an official exports, shares and imports.
//!
//! A scenario file is self-describing (`"format": "iop-scenario"`, `"version": "1.0"`), holds a
//! name, notes, when it was made and last changed, and its agreements. Money is a decimal string
//! (`"1000000.00"`), dates are ISO 8601, and an unknown is an explicit `null`.
//!
//! Reading goes in tiers and reports every problem it can at once, each with its JSON path and a
//! message in Swedish and English: limits (size, nesting) before parsing; then (1) structure,
//! (2) rules, (3) quality warnings. See [`read`].
//!
//! **Versions.** 1.0 is the first version of the format. The reader migrates every earlier
//! version it knows (none yet) through [`MIGRATIONS`], refuses a newer major version, and reads
//! a newer minor version of the same major as far as it understands it: fields it does not know
//! are reported as errors, never silently dropped.
//!
//! **Unknown fields** are errors with their path. What a user or another tool wants to keep
//! that the format has no place for goes under `"extensions"` (at the root or in an agreement):
//! any JSON there is kept as it is and written back unchanged.

use crate::agreement::Agreement;
use crate::funding::{ComponentKind, Indexation, PaymentTiming, Split};
use crate::known::Known;
use crate::money::Sek;
use crate::split::sums_to_whole;
use crate::term::{Renewal, TermEnd};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The `format` field of every scenario file.
pub const FORMAT: &str = "iop-scenario";
/// The version this crate writes.
pub const VERSION: Version = Version { major: 1, minor: 0 };
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
    /// The version it was written in (`"1.0"`).
    pub version: String,
    /// A name for people.
    pub name: String,
    /// Free notes.
    pub notes: String,
    /// When it was made (UTC, `2026-11-22T09:00:00`).
    pub created: NaiveDateTime,
    /// When it was last changed (UTC).
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

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file can be used, but something looks wrong.
    Warning,
}

/// Which tier of checking found a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Size and nesting, before parsing.
    Limits,
    /// JSON syntax, types, missing or unknown fields, version.
    Structure,
    /// The agreement's rules.
    Rules,
    /// Warnings about quality.
    Quality,
}

/// One problem, with where and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// How serious.
    pub severity: Severity,
    /// Which tier found it.
    pub tier: Tier,
    /// The JSON path (`$.agreements[1].term.end`).
    pub path: String,
    /// In Swedish.
    pub message_sv: String,
    /// In English.
    pub message_en: String,
}

impl Problem {
    /// Whether the problem is about the field at `path` or something inside it (paths as
    /// [`validate_agreement`] gives them, or full `$.` paths): `term` covers `term.end` and
    /// `funding.components` covers `funding.components[1].amount`, but `term` does not cover
    /// `terms`.
    ///
    /// ```
    /// let mut a = iop_core::presets::kalmar_2025_2027();
    /// a.term.start = iop_core::Known::Known(iop_core::presets::date(2028, 1, 1));
    /// let p = &iop_core::scenario::validate_agreement(&a)[0];
    /// assert!(p.concerns("term") && p.concerns("term.end"));
    /// assert!(!p.concerns("term.start") && !p.concerns("ter"));
    /// ```
    pub fn concerns(&self, path: &str) -> bool {
        match self.path.strip_prefix(path) {
            Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
            None => false,
        }
    }

    fn new(
        severity: Severity,
        tier: Tier,
        path: impl Into<String>,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            severity,
            tier,
            path: path.into(),
            message_sv: sv.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "fel/error",
            Severity::Warning => "varning/warning",
        };
        write!(
            f,
            "{}: {sev}: {} / {}",
            self.path, self.message_sv, self.message_en
        )
    }
}

/// The result of reading a file: the scenario when it has no errors, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The scenario, when no problem is an error.
    pub scenario: Option<Scenario>,
    /// Every problem, errors first.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// The deepest nesting of arrays and objects in `bytes`, counted outside strings; stops
/// counting past `limit`.
pub fn nesting_depth(bytes: &[u8], limit: usize) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                if max > limit {
                    return max;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn error(
    tier: Tier,
    path: impl Into<String>,
    sv: impl Into<String>,
    en: impl Into<String>,
) -> Problem {
    Problem::new(Severity::Error, tier, path, sv, en)
}

fn warning(path: impl Into<String>, sv: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::new(Severity::Warning, Tier::Quality, path, sv, en)
}

/// Reads a scenario file: checks limits, parses, migrates, validates, and reports every
/// problem at once. Never panics, whatever the bytes.
///
/// ```
/// use iop_core::scenario::{read, Scenario};
/// let text = Scenario::new("Test", Default::default(), iop_core::presets::all()).to_json();
/// let report = read(text.as_bytes());
/// assert!(!report.has_errors());
/// assert_eq!(report.scenario.unwrap().agreements.len(), 5);
///
/// let bad = read(b"{\"format\": \"iop-scenario\", \"version\": \"9.0\"}");
/// assert!(bad.problems[0].message_en.contains("newer"));
/// ```
pub fn read(bytes: &[u8]) -> Report {
    let fail = |p: Problem| Report {
        scenario: None,
        problems: vec![p],
    };
    if bytes.len() > MAX_BYTES {
        return fail(error(
            Tier::Limits,
            "$",
            format!(
                "Filen är {} MB; högst 20 MB läses.",
                bytes.len() / (1024 * 1024)
            ),
            format!(
                "The file is {} MB; at most 20 MB is read.",
                bytes.len() / (1024 * 1024)
            ),
        ));
    }
    if nesting_depth(bytes, MAX_DEPTH) > MAX_DEPTH {
        return fail(error(
            Tier::Limits,
            "$",
            "Filen är nästlad djupare än 64 nivåer.",
            "The file is nested deeper than 64 levels.",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            return fail(error(
                Tier::Structure,
                "$",
                format!("Filen är inte giltig UTF-8 (byte {}).", e.valid_up_to()),
                format!("The file is not valid UTF-8 (at byte {}).", e.valid_up_to()),
            ))
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return fail(error(
                Tier::Structure,
                "$",
                format!(
                    "Inte giltig JSON: rad {}, kolumn {}: {e}",
                    e.line(),
                    e.column()
                ),
                format!(
                    "Not valid JSON: line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            ))
        }
    };
    read_value(value)
}

/// [`read`] for JSON already parsed (local storage, tests).
pub fn read_value(value: Value) -> Report {
    let mut problems = Vec::new();
    let Value::Object(mut root) = value else {
        return Report {
            scenario: None,
            problems: vec![error(
                Tier::Structure,
                "$",
                "Filen är inte ett JSON-objekt.",
                "The file is not a JSON object.",
            )],
        };
    };
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        _ => problems.push(error(
            Tier::Structure,
            "$.format",
            format!("Fältet format måste vara \"{FORMAT}\": detta är inte en scenariofil."),
            format!("The format field must be \"{FORMAT}\": this is not a scenario file."),
        )),
    }
    let version = match root.get("version") {
        Some(Value::String(v)) => Version::parse(v),
        _ => None,
    };
    // Without a readable version, read the rest as the current version to report its problems too.
    let version = version.unwrap_or_else(|| {
        problems.push(error(
            Tier::Structure,
            "$.version",
            "Versionen saknas eller är inte på formen major.minor (\"1.0\").",
            "The version is missing or not of the form major.minor (\"1.0\").",
        ));
        VERSION
    });
    if version.major > VERSION.major {
        problems.insert(
            0,
            error(
                Tier::Structure,
                "$.version",
                format!("Filen har version {version}, som är nyare än den här versionen av verktyget läser ({VERSION}). Uppdatera verktyget."),
                format!("The file is version {version}, newer than this tool reads ({VERSION}). Update the tool."),
            ),
        );
        return Report {
            scenario: None,
            problems,
        };
    }
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Report {
            scenario: None,
            problems,
        };
    }
    for (from, to, migrate) in MIGRATIONS {
        if version <= *from {
            migrate(&mut root);
            root.insert("version".into(), Value::String(to.to_string()));
        }
    }
    let newer_minor = version > VERSION;
    root.insert("version".into(), Value::String(VERSION.to_string()));

    let version_ok = problems.is_empty();
    let scenario = structure(root, newer_minor, &mut problems).filter(|_| version_ok);
    if let Some(s) = &scenario {
        problems.extend(validate(s));
    }
    problems.sort_by_key(|p| p.severity);
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    Report {
        scenario: if has_errors { None } else { scenario },
        problems,
    }
}

fn structure_problem(path: String, err: &dyn std::fmt::Display, newer_minor: bool) -> Problem {
    let msg = err.to_string();
    let hint_sv = if newer_minor && msg.contains("unknown field") {
        " Filen är skriven av en nyare version av verktyget."
    } else {
        ""
    };
    let hint_en = if hint_sv.is_empty() {
        ""
    } else {
        " The file was written by a newer version of the tool."
    };
    error(
        Tier::Structure,
        path,
        format!("Fel typ eller okänt/saknat fält: {msg}.{hint_sv}"),
        format!("Wrong type or unknown/missing field: {msg}.{hint_en}"),
    )
}

/// Deserialises `value` as `T`, reporting the failing path below `base`.
fn typed<T: for<'de> Deserialize<'de>>(
    value: Value,
    base: &str,
    newer_minor: bool,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => Some(t),
        Err(e) => {
            let inner = e.path().to_string();
            let path = if inner == "." || inner.is_empty() {
                base.to_string()
            } else if inner.starts_with('[') {
                format!("{base}{inner}")
            } else {
                format!("{base}.{inner}")
            };
            problems.push(structure_problem(path, e.inner(), newer_minor));
            None
        }
    }
}

/// Tier 1: the root fields one by one and each agreement on its own, so that one broken
/// agreement does not hide the problems of the others.
fn structure(
    mut root: Map<String, Value>,
    newer_minor: bool,
    problems: &mut Vec<Problem>,
) -> Option<Scenario> {
    let before = problems.len();
    let agreements_value = root.remove("agreements");
    let mut agreements = Vec::new();
    match agreements_value {
        Some(Value::Array(items)) => {
            let total = items.len();
            for (i, item) in items.into_iter().enumerate() {
                if problems.len() >= MAX_PROBLEMS {
                    problems.push(error(
                        Tier::Structure,
                        "$.agreements",
                        format!("… och fler fel: bara de första {MAX_PROBLEMS} visas (av {total} avtal)."),
                        format!("… and more errors: only the first {MAX_PROBLEMS} are shown ({total} agreements)."),
                    ));
                    break;
                }
                if let Some(a) =
                    typed::<Agreement>(item, &format!("$.agreements[{i}]"), newer_minor, problems)
                {
                    agreements.push(a);
                }
            }
        }
        Some(_) => problems.push(error(
            Tier::Structure,
            "$.agreements",
            "agreements måste vara en lista.",
            "agreements must be a list.",
        )),
        None => problems.push(error(
            Tier::Structure,
            "$.agreements",
            "Fältet agreements saknas.",
            "The agreements field is missing.",
        )),
    }
    root.insert("agreements".into(), Value::Array(vec![]));
    let mut scenario = typed::<Scenario>(Value::Object(root), "$", newer_minor, problems)?;
    if problems.len() > before {
        return None;
    }
    scenario.agreements = agreements;
    Some(scenario)
}

fn far_future(d: NaiveDate) -> bool {
    d.year() > 2100
}

/// Tiers 2 and 3: the rules of an agreement, and quality warnings, for a scenario that has the
/// right structure.
///
/// ```
/// use iop_core::scenario::{validate, Scenario, Severity};
/// let mut s = Scenario::new("x", Default::default(), vec![iop_core::presets::kalmar_2025_2027()]);
/// s.agreements[0].term.end = iop_core::term::TermEnd::On(iop_core::presets::date(2024, 1, 1));
/// let problems = validate(&s);
/// assert!(problems.iter().any(|p| p.severity == Severity::Error && p.path == "$.agreements[0].term.end"));
/// ```
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (i, a) in scenario.agreements.iter().enumerate() {
        let p = format!("$.agreements[{i}]");
        if a.id.trim().is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.id"),
                "Avtalet saknar id.",
                "The agreement has no id.",
            ));
        } else if !ids.insert(a.id.as_str()) {
            out.push(error(
                Tier::Rules,
                format!("{p}.id"),
                format!("Id \"{}\" finns redan i filen.", a.id),
                format!("Id \"{}\" is used twice in the file.", a.id),
            ));
        }
        if a.name.trim().is_empty() {
            out.push(warning(
                format!("{p}.name"),
                "Avtalet saknar namn.",
                "The agreement has no name.",
            ));
        }
        if a.public_parties.is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.public_parties"),
                "Minst en offentlig part behövs.",
                "At least one public party is needed.",
            ));
        }
        if a.organisations.is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.organisations"),
                "Minst en idéburen organisation behövs.",
                "At least one non-profit organisation is needed.",
            ));
        }
        validate_term(a, &p, &mut out);
        validate_funding(a, &p, &mut out);
        let source_ids: HashSet<&str> = a.sources.iter().map(|s| s.id.as_str()).collect();
        for (j, c) in a.funding.components.iter().enumerate() {
            match &c.source {
                None => out.push(warning(
                    format!("{p}.funding.components[{j}].source"),
                    "Beloppet saknar källa.",
                    "The amount has no source.",
                )),
                Some(s) if !source_ids.contains(s.document.as_str()) => out.push(warning(
                    format!("{p}.funding.components[{j}].source.document"),
                    format!(
                        "Källan \"{}\" finns inte bland avtalets källor.",
                        s.document
                    ),
                    format!(
                        "The source \"{}\" is not among the agreement's sources.",
                        s.document
                    ),
                )),
                Some(_) => {}
            }
        }
        if a.term.source.is_none() {
            out.push(warning(
                format!("{p}.term.source"),
                "Avtalstiden saknar källa.",
                "The term has no source.",
            ));
        }
        if let Some(b) = a.termination.for_breach.value().copied().flatten() {
            if b.cure_days > 3650 {
                out.push(error(
                    Tier::Rules,
                    format!("{p}.termination.for_breach.cure_days"),
                    "Rättelsetiden är längre än tio år.",
                    "The cure period is longer than ten years.",
                ));
            }
        }
    }
    out
}

/// The rule and quality problems of one agreement, with paths relative to it (`term.end`), for
/// showing next to the field a person is editing.
///
/// ```
/// let mut a = iop_core::presets::kalmar_2025_2027();
/// a.term.start = iop_core::Known::Known(iop_core::presets::date(2028, 1, 1));
/// let problems = iop_core::scenario::validate_agreement(&a);
/// assert_eq!(problems[0].path, "term.end");
/// ```
pub fn validate_agreement(agreement: &Agreement) -> Vec<Problem> {
    let s = Scenario::new("", NaiveDateTime::default(), vec![agreement.clone()]);
    validate(&s)
        .into_iter()
        .map(|mut p| {
            p.path = p
                .path
                .trim_start_matches("$.agreements[0]")
                .trim_start_matches('.')
                .to_string();
            p
        })
        .collect()
}

/// An id not used by any of `taken`: `stem-1`, `stem-2`, … (the stem kept to ASCII letters,
/// digits and `-`).
///
/// ```
/// let taken = iop_core::presets::all();
/// assert_eq!(iop_core::scenario::fresh_id(&taken, "kopia"), "kopia-1");
/// ```
pub fn fresh_id(taken: &[Agreement], stem: &str) -> String {
    let stem: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken.iter().any(|a| &a.id == id))
        .unwrap_or_default()
}

/// Adds the agreements of an imported scenario to `own`, next to the built-in ones in
/// `builtin`. Rule: an agreement identical to one already there (built-in or own) is skipped;
/// one whose id is taken gets a fresh id ([`fresh_id`]). Returns how many were added and the
/// renamed ids (old → new), so references to them (picks for comparison) can follow.
///
/// ```
/// use iop_core::{presets, scenario::{absorb, Scenario}};
/// let builtin = presets::all();
/// let mut own = Scenario::new("mine", Default::default(), vec![]);
/// let mut changed = presets::vallentuna();
/// changed.name = "Ändrad".into();
/// let (added, renamed) = absorb(&mut own, &builtin, vec![presets::kalmar_2025_2027(), changed]);
/// assert_eq!(added, 1); // Kalmar is built in already
/// assert_eq!(renamed.get("vallentuna-2021").map(String::as_str), Some("vallentuna-2021-1"));
/// ```
pub fn absorb(
    own: &mut Scenario,
    builtin: &[Agreement],
    imported: Vec<Agreement>,
) -> (usize, std::collections::HashMap<String, String>) {
    let mut added = 0;
    let mut renamed = std::collections::HashMap::new();
    for mut a in imported {
        if builtin.contains(&a) || own.agreements.contains(&a) {
            continue;
        }
        let taken: Vec<Agreement> = builtin
            .iter()
            .chain(own.agreements.iter())
            .cloned()
            .collect();
        if taken.iter().any(|x| x.id == a.id) {
            let new_id = fresh_id(&taken, &a.id);
            renamed.insert(a.id.clone(), new_id.clone());
            a.id = new_id;
        }
        own.agreements.push(a);
        added += 1;
    }
    (added, renamed)
}

/// A three-way merge of the user's agreements, for two tabs editing the same storage.
///
/// Rule, per agreement id: an agreement changed in `local` since `base` keeps the local
/// version; otherwise the `remote` version wins (including its deletions and additions); an
/// agreement added locally is kept. So two tabs editing different agreements lose neither edit;
/// when both edit the same agreement, the tab that saves last wins for that agreement. The
/// scenario's name and notes follow the same rule.
///
/// ```
/// use iop_core::scenario::{merge, Scenario};
/// let base = Scenario::new("s", Default::default(), iop_core::presets::all());
/// let mut a = base.clone();
/// a.agreements[0].name = "Edited in tab A".into();
/// let mut b = base.clone();
/// b.agreements[1].name = "Edited in tab B".into();
/// let merged = merge(&base, &a, &b);
/// assert_eq!(merged.agreements[0].name, "Edited in tab A");
/// assert_eq!(merged.agreements[1].name, "Edited in tab B");
/// ```
pub fn merge(base: &Scenario, local: &Scenario, remote: &Scenario) -> Scenario {
    let find = |s: &Scenario, id: &str| s.agreements.iter().find(|a| a.id == id).cloned();
    let mut out = remote.clone();
    for a in &local.agreements {
        let before = find(base, &a.id);
        if before.as_ref() != Some(a) {
            match out.agreements.iter_mut().find(|x| x.id == a.id) {
                Some(slot) => *slot = a.clone(),
                None => out.agreements.push(a.clone()),
            }
        }
    }
    // Deleted locally since base, and untouched remotely: stays deleted.
    out.agreements.retain(|r| {
        let in_base = find(base, &r.id);
        let in_local = local.agreements.iter().any(|a| a.id == r.id);
        in_base.as_ref() != Some(r) || in_local
    });
    if local.name != base.name {
        out.name = local.name.clone();
    }
    if local.notes != base.notes {
        out.notes = local.notes.clone();
    }
    out.modified = local.modified.max(remote.modified);
    out
}

fn validate_term(a: &Agreement, p: &str, out: &mut Vec<Problem>) {
    let t = &a.term;
    if let (Known::Known(s), TermEnd::On(e)) = (t.start, t.end) {
        if e < s {
            out.push(error(
                Tier::Rules,
                format!("{p}.term.end"),
                format!("Slutdatum {e} är före startdatum {s}."),
                format!("The end {e} is before the start {s}."),
            ));
        }
    }
    for (field, d) in [
        ("start", t.start.value().copied()),
        (
            "end",
            if let TermEnd::On(e) = t.end {
                Some(e)
            } else {
                None
            },
        ),
    ] {
        if let Some(d) = d {
            if far_future(d) {
                out.push(warning(
                    format!("{p}.term.{field}"),
                    format!("{d} ligger långt fram i tiden."),
                    format!("{d} is far in the future."),
                ));
            }
            if d.year() < 1900 {
                out.push(error(
                    Tier::Rules,
                    format!("{p}.term.{field}"),
                    format!("{d} är inte ett rimligt datum för ett avtal."),
                    format!("{d} is not a plausible date for an agreement."),
                ));
            }
        }
    }
    match t.renewal {
        Renewal::AutomaticExtension { years: 0, .. }
        | Renewal::ExtensionOption { years: 0, .. } => out.push(error(
            Tier::Rules,
            format!("{p}.term.renewal.years"),
            "En förlängning måste vara minst ett år.",
            "An extension must be at least one year.",
        )),
        Renewal::AutomaticExtension { years, .. } | Renewal::ExtensionOption { years, .. }
            if years > 50 =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.term.renewal.years"),
                "En förlängning får vara högst 50 år.",
                "An extension may be at most 50 years.",
            ))
        }
        Renewal::ExtensionOption {
            exercised,
            max_extensions,
            ..
        } if exercised > max_extensions => out.push(error(
            Tier::Rules,
            format!("{p}.term.renewal.exercised"),
            format!("{exercised} förlängningar är använda men högst {max_extensions} är tillåtna."),
            format!("{exercised} extensions are used but at most {max_extensions} are allowed."),
        )),
        _ => {}
    }
    if t.end == TermEnd::OpenEnded && t.renewal != Renewal::None && t.renewal != Renewal::Unknown {
        out.push(warning(
            format!("{p}.term.renewal"),
            "Ett avtal som löper tills vidare har ingen förlängning.",
            "An open-ended agreement has no renewal.",
        ));
    }
}

fn validate_funding(a: &Agreement, p: &str, out: &mut Vec<Problem>) {
    let f = &a.funding;
    let mut recurring_total = Known::Known(Sek::ZERO);
    for (j, c) in f.components.iter().enumerate() {
        let cp = format!("{p}.funding.components[{j}]");
        match c.amount {
            Known::Known(v) if v.is_negative() => out.push(error(
                Tier::Rules,
                format!("{cp}.amount"),
                format!("Beloppet {v} är negativt."),
                format!("The amount {} is negative.", v.to_plain()),
            )),
            Known::Known(v) if v == Sek::ZERO => out.push(warning(
                format!("{cp}.amount"),
                "Beloppet är 0 kr.",
                "The amount is 0 kr.",
            )),
            _ => {}
        }
        if let (Some(from), Some(until)) = (c.from, c.until) {
            if until < from {
                out.push(error(
                    Tier::Rules,
                    format!("{cp}.until"),
                    format!("{until} är före {from}."),
                    format!("{until} is before {from}."),
                ));
            }
        }
        for (field, d) in [("from", c.from), ("until", c.until)] {
            if let Some(d) = d.filter(|d| far_future(*d)) {
                out.push(warning(
                    format!("{cp}.{field}"),
                    format!("{d} ligger långt fram i tiden."),
                    format!("{d} is far in the future."),
                ));
            }
        }
        if matches!(
            c.kind,
            ComponentKind::Base | ComponentKind::ReplacesForeningsbidrag
        ) && c.from.is_none()
            && c.until.is_none()
        {
            recurring_total = recurring_total
                .zip(c.amount)
                .and_then(|(t, x)| t.checked_add(x).into());
        }
    }
    if f.components.is_empty() {
        out.push(warning(
            format!("{p}.funding.components"),
            "Avtalet har inga belopp.",
            "The agreement has no amounts.",
        ));
    }
    if f.split.payer_names().is_empty() {
        out.push(error(
            Tier::Rules,
            format!("{p}.funding.split.payers"),
            "Minst en betalare behövs.",
            "At least one payer is needed.",
        ));
    }
    match &f.split {
        Split::Share { payers } => {
            if !payers.is_empty()
                && !sums_to_whole(&payers.iter().map(|x| x.share).collect::<Vec<_>>())
            {
                let shown: Vec<String> = payers.iter().map(|x| x.share.to_string()).collect();
                out.push(error(
                    Tier::Rules,
                    format!("{p}.funding.split.payers"),
                    format!(
                        "Andelarna {} blir inte tillsammans en helhet (100 %).",
                        shown.join(" + ")
                    ),
                    format!(
                        "The shares {} do not make one whole (100 %).",
                        shown.join(" + ")
                    ),
                ));
            }
        }
        Split::Amount { payers } => {
            let mut sum = Some(Sek::ZERO);
            for (j, x) in payers.iter().enumerate() {
                if x.amount.is_negative() {
                    out.push(error(
                        Tier::Rules,
                        format!("{p}.funding.split.payers[{j}].amount"),
                        "Beloppet är negativt.",
                        "The amount is negative.",
                    ));
                }
                sum = sum.and_then(|s| s.checked_add(x.amount));
            }
            if let (Some(sum), Known::Known(total)) = (sum, recurring_total) {
                if !payers.is_empty() && sum != total {
                    out.push(error(
                        Tier::Rules,
                        format!("{p}.funding.split.payers"),
                        format!("Betalarnas belopp blir {sum} men årsbeloppet är {total}."),
                        format!(
                            "The payers' amounts add up to {} but the yearly amount is {}.",
                            sum.to_plain(),
                            total.to_plain()
                        ),
                    ));
                }
            }
        }
    }
    match f.payments.timing {
        PaymentTiming::Quarter { quarter } if !(1..=4).contains(&quarter) => out.push(error(
            Tier::Rules,
            format!("{p}.funding.payments.timing.quarter"),
            format!("Kvartal {quarter} finns inte (1–4)."),
            format!("Quarter {quarter} does not exist (1–4)."),
        )),
        PaymentTiming::Yearly { month, day }
            if NaiveDate::from_ymd_opt(2024, month, day).is_none() =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.funding.payments.timing"),
                format!("Dagen {day}/{month} finns inte."),
                format!("The day {day}/{month} does not exist."),
            ))
        }
        _ => {}
    }
    match &f.indexation {
        Some(Indexation::FixedPercent { percent, .. })
            if percent.is_sign_negative() || *percent > rust_decimal::Decimal::ONE_HUNDRED =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.funding.indexation.percent"),
                "Uppräkningen måste vara mellan 0 och 100 procent.",
                "Indexation must be between 0 and 100 percent.",
            ))
        }
        Some(Indexation::Series {
            base_year, values, ..
        }) => {
            let v: &BTreeMap<i32, rust_decimal::Decimal> = values;
            match v.get(base_year) {
                Some(b) if b.is_sign_positive() && !b.is_zero() => {}
                _ => out.push(error(
                    Tier::Rules,
                    format!("{p}.funding.indexation.values"),
                    format!("Indexserien saknar ett positivt värde för basåret {base_year}."),
                    format!(
                        "The index series has no positive value for the base year {base_year}."
                    ),
                )),
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn scenario_json() -> Value {
        serde_json::to_value(Scenario::new("t", NaiveDateTime::default(), presets::all())).unwrap()
    }

    #[test]
    fn presets_round_trip_exactly() {
        let s = Scenario::new("Förinställda", NaiveDateTime::default(), presets::all());
        let report = read(s.to_json().as_bytes());
        assert_eq!(
            report
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count(),
            0,
            "{:?}",
            report.problems
        );
        assert_eq!(report.scenario.unwrap(), s);
    }

    #[test]
    fn money_is_a_decimal_string_and_unknown_is_null() {
        let v = scenario_json();
        assert_eq!(
            v["agreements"][1]["funding"]["components"][0]["amount"],
            "1000000.00"
        );
        assert_eq!(v["agreements"][1]["term"]["start"], "2025-01-01");
        assert_eq!(v["agreements"][3]["term"]["start"], Value::Null);
        assert_eq!(
            v["agreements"][4]["funding"]["components"][0]["amount"],
            Value::Null
        );
    }

    #[test]
    fn every_broken_agreement_is_reported_with_its_path() {
        let mut v = scenario_json();
        v["agreements"][0]["term"]["start"] = Value::from("2022-02-30");
        v["agreements"][2]["funding"]["components"][0]["amount"] = Value::from(50000);
        v["agreements"][3]["public_parties"][0]["kommunkod"] = Value::from("9999");
        let report = read_value(v);
        let paths: Vec<&str> = report.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(report.scenario, None);
        assert!(paths.contains(&"$.agreements[0].term.start"), "{paths:?}");
        assert!(
            paths.contains(&"$.agreements[2].funding.components[0].amount"),
            "{paths:?}"
        );
        assert!(
            paths.contains(&"$.agreements[3].public_parties[0].kommunkod"),
            "{paths:?}"
        );
    }

    #[test]
    fn unknown_fields_are_errors_but_extensions_are_kept() {
        let mut v = scenario_json();
        v["agreements"][0]["colour"] = Value::from("red");
        let report = read_value(v);
        assert!(
            report.problems[0].message_en.contains("unknown field"),
            "{:?}",
            report.problems
        );
        assert_eq!(report.problems[0].path, "$.agreements[0].colour");

        let mut v = scenario_json();
        v["extensions"] = serde_json::json!({"other-tool": {"colour": "red"}});
        let report = read_value(v.clone());
        let s = report.scenario.unwrap();
        assert_eq!(
            serde_json::to_value(&s).unwrap()["extensions"],
            v["extensions"]
        );
    }

    #[test]
    fn versions_newer_major_refused_newer_minor_read() {
        let mut v = scenario_json();
        v["version"] = Value::from("2.0");
        let r = read_value(v);
        assert!(r.problems[0].message_sv.contains("nyare"));
        let mut v = scenario_json();
        v["version"] = Value::from("1.7");
        assert!(read_value(v.clone()).scenario.is_some());
        v["agreements"][0]["new_field"] = Value::from(1);
        let r = read_value(v);
        assert!(
            r.problems[0].message_en.contains("newer version"),
            "{:?}",
            r.problems
        );
        let mut v = scenario_json();
        v["version"] = Value::from("one");
        assert_eq!(read_value(v).problems[0].path, "$.version");
    }

    #[test]
    fn rules_are_checked() {
        let mut s = Scenario::new("t", NaiveDateTime::default(), presets::all());
        s.agreements[1].funding.split = serde_json::from_value(serde_json::json!({
            "by": "share", "payers": [{"name": "A", "share": "1/2"}, {"name": "B", "share": "2/3"}]
        }))
        .unwrap();
        s.agreements[2].id = s.agreements[0].id.clone();
        s.agreements[3].funding.components[0].amount = Known::Known(Sek::kronor(-5));
        let problems = validate(&s);
        let paths: Vec<&str> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.path.as_str())
            .collect();
        assert!(
            paths.contains(&"$.agreements[1].funding.split.payers"),
            "{paths:?}"
        );
        assert!(paths.contains(&"$.agreements[2].id"), "{paths:?}");
        assert!(
            paths.contains(&"$.agreements[3].funding.components[0].amount"),
            "{paths:?}"
        );
    }

    #[test]
    fn a_split_needs_a_payer() {
        let mut s = Scenario::new(
            "t",
            NaiveDateTime::default(),
            vec![presets::kalmar_2025_2027()],
        );
        s.agreements[0].funding.split = Split::Share { payers: vec![] };
        let problems = validate(&s);
        assert!(
            problems
                .iter()
                .any(|p| p.message_en == "At least one payer is needed."),
            "{problems:?}"
        );
    }

    #[test]
    fn fixed_amount_split_must_add_up() {
        let mut s = Scenario::new(
            "t",
            NaiveDateTime::default(),
            vec![presets::kalmar_2022_2024()],
        );
        s.agreements[0].funding.split = serde_json::from_value(serde_json::json!({
            "by": "amount", "payers": [{"name": "A", "amount": "600000.00"}, {"name": "B", "amount": "350000.00"}]
        })).unwrap();
        let problems = validate(&s);
        assert!(
            problems.iter().any(|p| p
                .message_en
                .contains("add up to 950000.00 but the yearly amount is 1000000.00")),
            "{problems:?}"
        );
    }

    #[test]
    fn limits_refused_before_parsing() {
        let deep = "[".repeat(65) + &"]".repeat(65);
        assert_eq!(read(deep.as_bytes()).problems[0].tier, Tier::Limits);
        let ok_depth = "[".repeat(64) + &"]".repeat(64);
        assert_eq!(read(ok_depth.as_bytes()).problems[0].tier, Tier::Structure);
        let big = vec![b' '; MAX_BYTES + 1];
        assert!(read(&big).problems[0].message_en.contains("at most 20 MB"));
        // Brackets inside strings do not count.
        assert_eq!(nesting_depth(br#"{"a": "[[[[[[["}"#, 64), 1);
    }

    #[test]
    fn quality_warnings_do_not_block() {
        let mut s = Scenario::new(
            "t",
            NaiveDateTime::default(),
            vec![presets::kalmar_2025_2027()],
        );
        s.agreements[0].funding.components[0].source = None;
        s.agreements[0].funding.components[0].amount = Known::Known(Sek::ZERO);
        let report = read(s.to_json().as_bytes());
        assert!(report.scenario.is_some());
        assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
        assert!(report
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning));
    }
}
