//! Reading a scenario file in tiers: limits before parsing, then structure (each agreement on its
//! own), then the rules of [`super::rules`].

use super::problem::{error, Problem, Report, Severity, Tier};
use super::rules::validate;
use super::{Scenario, Version, FORMAT, MAX_BYTES, MAX_DEPTH, MAX_PROBLEMS, MIGRATIONS, VERSION};
use crate::agreement::Agreement;
use serde::Deserialize;
use serde_json::{Map, Value};

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
