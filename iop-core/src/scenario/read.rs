//! Reading a scenario file in tiers: limits before parsing, then structure (each agreement on its
//! own), then the rules of [`super::rules`].

use super::problem::{error, Problem, Report, Severity, Tier};
use super::rules::validate;
use super::{Scenario, Version, FORMAT, MAX_BYTES, MAX_DEPTH, MAX_PROBLEMS, MIGRATIONS, VERSION};
use crate::agreement::Agreement;
use crate::explain::{from_serde, Explanation};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The problem with a file of `len` bytes when it is over [`MAX_BYTES`], from its length alone:
/// the reader, the browser's file picker and the command line ask this before reading a byte.
///
/// ```
/// use iop_core::scenario::{too_large, MAX_BYTES};
/// assert!(too_large(MAX_BYTES as u64).is_none());
/// let p = too_large(25 * 1024 * 1024).unwrap();
/// assert_eq!(p.message_sv, "Filen är 25 MB; högst 20 MB läses.");
/// assert_eq!(p.message_en, "The file is 25 MB; at most 20 MB is read.");
/// ```
pub fn too_large(len: u64) -> Option<Problem> {
    if len <= MAX_BYTES as u64 {
        return None;
    }
    let mb = len / (1024 * 1024);
    Some(error(
        Tier::Limits,
        "$",
        format!("Filen är {mb} MB; högst 20 MB läses."),
        format!("The file is {mb} MB; at most 20 MB is read."),
    ))
}

/// The problem with input that goes on past [`MAX_BYTES`] and does not say its length (a pipe,
/// standard input, a device): a reader stops at the limit plus one byte and reports this.
///
/// ```
/// let p = iop_core::scenario::too_large_stream();
/// assert_eq!(p.message_en, "The input is larger than 20 MB; at most 20 MB is read.");
/// ```
pub fn too_large_stream() -> Problem {
    error(
        Tier::Limits,
        "$",
        "Indata är större än 20 MB; högst 20 MB läses.",
        "The input is larger than 20 MB; at most 20 MB is read.",
    )
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
    if let Some(p) = too_large(bytes.len() as u64) {
        return fail(p);
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
    let (value, duplicates) = match super::unique::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return fail(error(
                Tier::Structure,
                "$",
                format!(
                    "Inte giltig JSON: rad {}, kolumn {}: {}",
                    e.line(),
                    e.column(),
                    serde_message(&e.to_string()).sv
                ),
                format!(
                    "Not valid JSON: line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            ))
        }
    };
    if duplicates.is_empty() {
        return read_value(value);
    }
    // A key given twice: the first value is read, and the file is refused with each place, so
    // the user chooses which value stands.
    let mut report = read_value(value);
    let mut problems: Vec<Problem> = duplicates
        .iter()
        .take(MAX_PROBLEMS)
        .map(|path| {
            error(
                Tier::Structure,
                path.as_str(),
                "Fältet förekommer två gånger i samma objekt; bara ett värde kan gälla.",
                "The field occurs twice in the same object; only one value can stand.",
            )
        })
        .collect();
    problems.append(&mut report.problems);
    Report {
        scenario: None,
        problems,
    }
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
    let mut newer = Newer {
        version: (version > VERSION).then_some(version),
        kept: Map::new(),
    };
    root.insert("version".into(), Value::String(VERSION.to_string()));

    let version_ok = problems.is_empty();
    let scenario = structure(root, &mut newer, &mut problems).filter(|_| version_ok);
    if let Some(s) = &scenario {
        problems.extend(drafts_warn(s, validate(s)));
    }
    problems.sort_by_key(|p| p.severity);
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    Report {
        scenario: if has_errors { None } else { scenario },
        problems,
    }
}

fn structure_problem(path: String, msg: &str, newer_minor: bool) -> Problem {
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
    // Our own types carry both languages through serde; serde's messages are translated.
    let text = from_serde(msg).unwrap_or_else(|| serde_message(msg));
    error(
        Tier::Structure,
        path,
        format!("Fel typ eller okänt/saknat fält: {}.{hint_sv}", text.sv),
        format!("Wrong type or unknown/missing field: {}.{hint_en}", text.en),
    )
}

/// Serde's own message (`missing field \`x\``, `invalid type: …, expected …`) in Swedish and as it
/// is in English; a message it does not know keeps its English words in the Swedish text.
///
/// ```
/// // Through the reader: a missing field is reported in both languages.
/// let r = iop_core::scenario::read(br#"{"format": "iop-scenario", "version": "1.0"}"#);
/// let p = r.problems.iter().find(|p| p.message_en.contains("missing field")).unwrap();
/// assert!(p.message_sv.contains("fältet `created` saknas"), "{}", p.message_sv);
/// ```
pub fn serde_message(msg: &str) -> Explanation {
    // serde_json adds where it stopped; the problem says so on its own.
    let msg = match msg.rfind(" at line ") {
        Some(i) if msg.get(i..).is_some_and(|t| t.contains(" column ")) => {
            msg.get(..i).unwrap_or(msg)
        }
        _ => msg,
    };
    let syntax = [
        ("EOF while parsing", "filen tar slut mitt i"),
        ("expected value", "ett värde väntades"),
        ("expected `,` or `}`", "`,` eller `}` väntades"),
        ("expected `,` or `]`", "`,` eller `]` väntades"),
        ("expected `:`", "`:` väntades"),
        ("expected ident", "ett ord (true, false, null) väntades"),
        ("trailing characters", "tecken efter slutet"),
        ("trailing comma", "kommatecken före slutet"),
        ("key must be a string", "nyckeln måste vara en text"),
        ("invalid number", "ogiltigt tal"),
        ("number out of range", "talet är för stort"),
        ("invalid escape", "ogiltig escape-sekvens"),
        ("invalid unicode code point", "ogiltigt unicode-tecken"),
        ("control character", "styrtecken i en text"),
        ("recursion limit exceeded", "för djupt nästlad"),
        // chrono's messages, for a date and time that is not one.
        (
            "input contains invalid characters",
            "tecken som inte hör till ett datum och en tid",
        ),
        (
            "premature end of input",
            "datumet och tiden tar slut för tidigt",
        ),
        ("trailing input", "tecken efter datumet och tiden"),
        (
            "input is out of range",
            "ett värde utanför det möjliga (t.ex. månad 13)",
        ),
        ("input is not enough", "för lite för ett datum och en tid"),
        (
            "no possible date and time",
            "inget sådant datum och ingen sådan tid finns",
        ),
    ];
    if let Some((_, sv)) = syntax.iter().find(|(en, _)| msg.starts_with(en)) {
        return Explanation::new(*sv, msg);
    }
    let sv = if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("fältet {rest} saknas")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if expected.is_empty() {
            format!("okänt fält {field}")
        } else {
            format!("okänt fält {field}, tillåtna: {expected}")
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (v, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("okänt värde {v}, tillåtna: {expected}")
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "fel typ: {}, förväntat {}",
            kind_sv(found),
            kind_sv(expected)
        )
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "ogiltigt värde: {}, förväntat {}",
            kind_sv(found),
            kind_sv(expected)
        )
    } else if let Some(rest) = msg.strip_prefix("invalid length ") {
        let (n, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("fel längd {n}, förväntat {}", kind_sv(expected))
    } else if let Some(rest) = msg.strip_prefix("duplicate field ") {
        format!("fältet {rest} finns två gånger")
    } else {
        msg.to_string()
    };
    Explanation::new(sv, msg)
}

/// Serde's names of kinds of values, in Swedish.
fn kind_sv(text: &str) -> String {
    let words = [
        ("a string", "en text"),
        ("string", "text"),
        ("integer", "heltal"),
        ("floating point", "decimaltal"),
        ("boolean", "sant/falskt"),
        ("null", "null"),
        ("a sequence", "en lista"),
        ("sequence", "lista"),
        ("a map", "ett objekt"),
        ("map", "objekt"),
        ("struct", "objekt"),
        ("a valid date", "ett giltigt datum"),
        ("unit value", "tomt värde"),
        ("u8", "heltal 0–255"),
        ("u16", "heltal 0–65535"),
        ("u32", "heltal 0–4294967295"),
        ("i32", "heltal"),
        ("a borrowed string", "en text"),
        ("an integer", "ett heltal"),
        ("a boolean", "sant eller falskt"),
        ("a decimal", "ett decimaltal"),
    ];
    let mut out = text.to_string();
    for (en, sv) in words {
        if out.contains(en) {
            out = out.replace(en, sv);
            break;
        }
    }
    out
}

/// Deserialises `value` as `T`, reporting the failing path below `base`: where serde stopped,
/// joined to the path a hand-read tagged object carries inside its error ([`crate::nested`]).
///
/// A file of a newer minor version may hold fields this version does not know: each is taken
/// out, kept under the root's `extensions` by its path (so it is written back unchanged) and
/// reported as a warning, and the rest is read as far as it is understood.
fn typed<T: for<'de> Deserialize<'de>>(
    mut value: Value,
    base: &str,
    newer: &mut Newer,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    loop {
        // Only a newer minor version needs the value again after a failed attempt.
        let attempt = if newer.version.is_some() {
            value.clone()
        } else {
            std::mem::take(&mut value)
        };
        let e = match serde_path_to_error::deserialize::<_, T>(attempt) {
            Ok(t) => return Some(t),
            Err(e) => e,
        };
        let msg = e.inner().to_string();
        let (inner, message) = crate::nested::split(&msg);
        let below = crate::nested::join(&e.path().to_string(), inner.unwrap_or(""));
        let path = if below.is_empty() {
            base.to_string()
        } else if below.starts_with('[') {
            format!("{base}{below}")
        } else {
            format!("{base}.{below}")
        };
        if let Some(v) = newer.version {
            if message.starts_with("unknown field ") && newer.kept.len() < MAX_PROBLEMS {
                if let Some(taken) = take_at(&mut value, &below) {
                    problems.push(super::problem::warning(
                        path.clone(),
                        format!("Fältet finns i version {v} men inte i den här versionen ({VERSION}); det läses inte men sparas oförändrat under extensions."),
                        format!("The field is from version {v}, not this version ({VERSION}); it is not read but kept unchanged under extensions."),
                    ));
                    newer.kept.insert(path, taken);
                    continue;
                }
            }
        }
        problems.push(structure_problem(path, message, newer.version.is_some()));
        return None;
    }
}

/// A draft's rule problems are warnings: it is kept as the user left it (see
/// [`Agreement::draft`]).
fn drafts_warn(s: &Scenario, problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            let draft = s.agreements.iter().enumerate().any(|(i, a)| {
                a.draft && crate::scenario::Problem::concerns(&p, &format!("$.agreements[{i}]"))
            });
            // A term that no command can bound is no draft's problem to leave for later.
            if draft && p.severity == Severity::Error && p.tier != Tier::Limits {
                p.severity = Severity::Warning;
                p.message_sv = format!("Utkast: {}", p.message_sv);
                p.message_en = format!("Draft: {}", p.message_en);
            }
            p
        })
        .collect()
}

/// Reads one agreement from its JSON (an edit, a form) as a file's agreement is read: the
/// structure problems, with paths relative to the agreement (`funding.split.payers[1].share`).
///
/// ```
/// let k = iop_core::presets::kalmar_2025_2027();
/// let mut v = serde_json::to_value(&k).unwrap();
/// assert_eq!(iop_core::scenario::agreement_from_value(v.clone()).unwrap(), k);
/// v["term"]["start"] = "2025-1-1".into();
/// assert_eq!(iop_core::scenario::agreement_from_value(v).unwrap_err()[0].path, "term.start");
/// ```
pub fn agreement_from_value(value: Value) -> Result<Agreement, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut newer = Newer {
        version: None,
        kept: Map::new(),
    };
    typed::<Agreement>(value, "$", &mut newer, &mut problems).ok_or_else(|| {
        problems
            .into_iter()
            .map(|mut p| {
                p.path = p
                    .path
                    .trim_start_matches('$')
                    .trim_start_matches('.')
                    .to_string();
                p
            })
            .collect()
    })
}

/// The root extension that keeps the fields of a newer minor version this version does not know:
/// `{"version": "1.7", "fields": {"$.agreements[0].x": …}}`.
pub const NEWER_FIELDS: &str = "iop-newer-fields";

/// What a newer minor version's file holds that this version does not know.
struct Newer {
    /// The file's version, when it is a newer minor version.
    version: Option<Version>,
    /// Fields taken out, by path.
    kept: Map<String, Value>,
}

/// Removes the field at `path` (`funding.split.payers[1].note`, as serde_path_to_error writes
/// it) from `value`, returning it.
fn take_at(value: &mut Value, path: &str) -> Option<Value> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            segments.push(Err(key));
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            segments.push(Ok(index.trim_end_matches(']').parse::<usize>().ok()?));
        }
    }
    let (last, parents) = segments.split_last()?;
    let mut here = value;
    for seg in parents {
        here = match seg {
            Ok(i) => here.get_mut(*i)?,
            Err(k) => here.get_mut(*k)?,
        };
    }
    match last {
        Err(k) => here.as_object_mut()?.remove(*k),
        Ok(_) => None,
    }
}

/// Tier 1: the root fields one by one and each agreement on its own, so that one broken
/// agreement does not hide the problems of the others.
fn structure(
    mut root: Map<String, Value>,
    newer: &mut Newer,
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
                    typed::<Agreement>(item, &format!("$.agreements[{i}]"), newer, problems)
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
    let mut scenario = typed::<Scenario>(Value::Object(root), "$", newer, problems)?;
    let errors = problems
        .get(before..)
        .is_some_and(|p| p.iter().any(|p| p.severity == Severity::Error));
    if errors {
        return None;
    }
    scenario.agreements = agreements;
    if let (Some(v), false) = (newer.version, newer.kept.is_empty()) {
        scenario.extensions.insert(
            NEWER_FIELDS.into(),
            serde_json::json!({ "version": v.to_string(), "fields": std::mem::take(&mut newer.kept) }),
        );
    }
    Some(scenario)
}
