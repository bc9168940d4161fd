//! Edits (*ändringar i avtalet*): one change to one term of an agreement, as a value.
//!
//! An [`Edit`] sets a field, or inserts into or removes from a list, at a path of the scenario
//! format relative to the agreement (`funding.components[0].amount`, the paths problems are
//! reported at). [`apply`] returns the new agreement and the edit that undoes it, or the
//! problems with their paths: the value is read by the same reader as a file, so an edit can
//! never make an agreement that a file could not hold. The editor in the browser, its undo and
//! redo ([`History`]) and the tests share this one implementation.
//!
//! What a person types is read by [`Kind::parse_user`] into the format's value (`"1 000 000 kr"`
//! → `"1000000.00"`), and shown back by [`Kind::show`]; an empty field of a term that may be
//! unknown reads as unknown (`null`), never as 0 or an empty string.

use crate::agreement::Agreement;
use crate::explain::{Bilingual, Explanation};
use crate::scenario::{Problem, Severity};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod history;
pub use history::History;

/// One change to an agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Sets the field at `path` to `value` (`null` is unknown).
    Set {
        /// Where, relative to the agreement.
        path: String,
        /// The value, in the scenario format.
        value: Value,
    },
    /// Inserts `value` into the list at `path`, before `index`.
    Insert {
        /// The list, relative to the agreement.
        path: String,
        /// The place (the list's length appends).
        index: usize,
        /// The item, in the scenario format.
        value: Value,
    },
    /// Removes the item at `index` of the list at `path`.
    Remove {
        /// The list, relative to the agreement.
        path: String,
        /// The item's place.
        index: usize,
    },
}

impl Edit {
    /// Sets `path` to `value`.
    pub fn set(path: &str, value: Value) -> Edit {
        Edit::Set {
            path: path.to_string(),
            value,
        }
    }

    /// The path the edit concerns.
    pub fn path(&self) -> &str {
        match self {
            Edit::Set { path, .. } | Edit::Insert { path, .. } | Edit::Remove { path, .. } => path,
        }
    }
}

/// An edit applied: the agreement it gives and the edit that takes it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The edited agreement.
    pub agreement: Agreement,
    /// The edit that undoes this one.
    pub undo: Edit,
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Step::Index(index.strip_suffix(']')?.parse().ok()?));
        }
    }
    Some(out)
}

fn at<'v>(value: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    steps.iter().try_fold(value, |v, s| match s {
        Step::Key(k) => v.as_object_mut()?.get_mut(*k),
        Step::Index(i) => v.as_array_mut()?.get_mut(*i),
    })
}

fn no_such(path: &str) -> Vec<Problem> {
    vec![crate::scenario::Problem {
        severity: Severity::Error,
        tier: crate::scenario::Tier::Structure,
        path: path.to_string(),
        message_sv: format!("Avtalet har inget fält {path}."),
        message_en: format!("The agreement has no field {path}."),
    }]
}

/// The JSON part of [`apply`]: changes the agreement's JSON at the edit's path and returns the
/// edit that undoes it, checking only that the path is there (the caller reads the result).
pub fn apply_json(value: &mut Value, edit: &Edit) -> Result<Edit, Vec<Problem>> {
    let path = edit.path();
    let all = steps(path).ok_or_else(|| no_such(path))?;
    let undo = match edit {
        Edit::Set { value: new, .. } => {
            let slot = at(value, &all).ok_or_else(|| no_such(path))?;
            let old = std::mem::replace(slot, new.clone());
            Edit::Set {
                path: path.to_string(),
                value: old,
            }
        }
        Edit::Insert {
            index, value: new, ..
        } => {
            let list = at(value, &all)
                .and_then(Value::as_array_mut)
                .ok_or_else(|| no_such(path))?;
            if *index > list.len() {
                return Err(no_such(&format!("{path}[{index}]")));
            }
            list.insert(*index, new.clone());
            Edit::Remove {
                path: path.to_string(),
                index: *index,
            }
        }
        Edit::Remove { index, .. } => {
            let list = at(value, &all)
                .and_then(Value::as_array_mut)
                .ok_or_else(|| no_such(path))?;
            if *index >= list.len() {
                return Err(no_such(&format!("{path}[{index}]")));
            }
            let old = list.remove(*index);
            Edit::Insert {
                path: path.to_string(),
                index: *index,
                value: old,
            }
        }
    };
    Ok(undo)
}

/// Applies `edit` to `agreement`: the new agreement and the edit that undoes it, or the problems
/// of the structure (a value of the wrong kind, a share over the whole), each with its path.
/// Rule problems of the result (shares that do not make a whole) are not refused here: the
/// agreement is then marked a draft ([`is_draft`]) and the problems are shown where they are
/// ([`crate::scenario::validate_agreement`]).
///
/// ```
/// use iop_core::edit::{apply, Edit};
/// use serde_json::json;
/// let k = iop_core::presets::kalmar_2025_2027();
/// let done = apply(&k, &Edit::set("funding.components[0].amount", json!("1200000.00"))).unwrap();
/// assert_eq!(done.agreement.funding.components[0].amount, iop_core::Known::Known(iop_core::Sek::kronor(1_200_000)));
/// assert_eq!(apply(&done.agreement, &done.undo).unwrap().agreement, k);
///
/// let bad = apply(&k, &Edit::set("funding.split.payers[1].share", json!("3/2"))).unwrap_err();
/// assert_eq!(bad[0].path, "funding.split.payers[1].share");
///
/// // A term of 8 000 years is refused, also for a draft.
/// let long = apply(&k, &Edit::set("term.end", json!({"on": "9999-12-31"}))).unwrap_err();
/// assert!(long[0].message_en.contains("so long an agreement is not read"), "{}", long[0].message_en);
/// ```
pub fn apply(agreement: &Agreement, edit: &Edit) -> Result<Applied, Vec<Problem>> {
    let mut value = serde_json::to_value(agreement).map_err(|_| no_such(edit.path()))?;
    let undo = apply_json(&mut value, edit)?;
    let mut agreement = crate::scenario::agreement_from_value(value)?;
    // A term that no command can bound (over 100 years, before 1900) is refused here: a draft
    // may keep rule problems, not this one.
    let unbounded: Vec<Problem> = crate::scenario::validate_agreement(&agreement)
        .into_iter()
        .filter(|p| p.severity == Severity::Error && p.tier == crate::scenario::Tier::Limits)
        .collect();
    if !unbounded.is_empty() {
        return Err(unbounded);
    }
    agreement.draft = is_draft(&agreement);
    Ok(Applied { agreement, undo })
}

/// Whether `agreement` still has rule problems (no party, shares that do not make a whole, an
/// end before the start): then it is kept as a draft (*utkast*), see [`Agreement::draft`].
///
/// ```
/// assert!(iop_core::edit::is_draft(&iop_core::Agreement::blank("x")));
/// assert!(!iop_core::edit::is_draft(&iop_core::presets::kalmar_2025_2027()));
/// ```
pub fn is_draft(agreement: &Agreement) -> bool {
    crate::scenario::validate_agreement(agreement)
        .iter()
        .any(|p| p.severity == Severity::Error)
}

/// What kind of value a field holds, for reading what a person types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text, kept as typed (a name).
    Text,
    /// Text that may be absent: empty is `null`.
    OptionalText,
    /// Kronor (`1 000 000`, `13,75 kr`): empty is unknown.
    Money,
    /// Kronor that must be given (a payer's fixed amount).
    MoneyGiven,
    /// A date `ÅÅÅÅ-MM-DD`: empty is unknown (or none, where the field is optional).
    Date,
    /// A whole number of 0 or more (days, meetings): empty is unknown.
    Count,
    /// A whole number that must be given (years of an extension).
    CountGiven,
    /// A share of the whole (`1/2`, `50 %`).
    Share,
    /// An organisationsnummer: empty is unknown.
    OrgNumber,
    /// A municipality by kommunkod or name (`0880`, `Kalmar`, `Kalmar kommun`): empty is none.
    Kommunkod,
    /// A decimal number (a percent, an index value).
    Decimal,
    /// A calendar year.
    Year,
    /// A length of time in days or months (`30 dagar`, `3 månader`): empty is unknown.
    Duration,
    /// Index values by year (`2024: 100; 2025: 103,2`).
    Series,
    /// A list of texts, one per line (exclusions, goals, documents).
    Lines,
}

/// Why a typed text is not a value of its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAValue(pub Explanation);

impl Bilingual for NotAValue {
    fn sv(&self) -> String {
        self.0.sv.clone()
    }
    fn en(&self) -> String {
        self.0.en.clone()
    }
}

fn not(sv: String, en: String) -> NotAValue {
    NotAValue(Explanation::new(sv, en))
}

impl Kind {
    /// The value of the scenario format for what a person typed.
    ///
    /// ```
    /// use iop_core::edit::Kind;
    /// use serde_json::json;
    /// assert_eq!(Kind::Money.parse_user("575 000 kr").unwrap(), json!("575000.00"));
    /// assert_eq!(Kind::Money.parse_user("").unwrap(), json!(null)); // unknown, never 0
    /// assert!(Kind::Money.parse_user("1 0O0 kr").is_err());
    /// assert_eq!(Kind::Kommunkod.parse_user("Kramfors kommun").unwrap(), json!("2282"));
    /// assert_eq!(Kind::Date.parse_user("2023-01-01").unwrap(), json!("2023-01-01"));
    /// assert_eq!(Kind::Duration.parse_user("3 månader").unwrap(), json!({"months": 3}));
    /// assert_eq!(Kind::Series.parse_user("2024: 100; 2025: 103,2").unwrap(), json!({"2024": "100", "2025": "103.2"}));
    /// ```
    pub fn parse_user(self, text: &str) -> Result<Value, NotAValue> {
        let t = text.trim();
        let shown: String = t.chars().take(40).collect();
        let empty_is_null = !matches!(
            self,
            Kind::Text
                | Kind::MoneyGiven
                | Kind::CountGiven
                | Kind::Share
                | Kind::Decimal
                | Kind::Year
                | Kind::Lines
                | Kind::Series
        );
        if t.is_empty() && empty_is_null {
            return Ok(Value::Null);
        }
        let bilingual = |e: &dyn Bilingual| NotAValue(Explanation::new(e.sv(), e.en()));
        match self {
            Kind::Text => Ok(Value::String(text.to_string())),
            Kind::OptionalText => Ok(Value::String(text.to_string())),
            Kind::Money | Kind::MoneyGiven => crate::Sek::parse_user(t)
                .map(|s| Value::String(s.to_plain()))
                .map_err(|e| bilingual(&e)),
            Kind::Date => crate::dates::parse_iso(t)
                .map(|d| Value::String(d.to_string()))
                .ok_or_else(|| {
                    not(
                        format!("\"{shown}\" är inte ett datum (ÅÅÅÅ-MM-DD)."),
                        format!("\"{shown}\" is not a date (YYYY-MM-DD)."),
                    )
                }),
            Kind::Count | Kind::CountGiven => t.parse::<u32>().map(Value::from).map_err(|_| {
                not(
                    format!("\"{shown}\" är inte ett heltal (0 eller mer)."),
                    format!("\"{shown}\" is not a whole number (0 or more)."),
                )
            }),
            Kind::Share => crate::Share::parse_user(t)
                .map(|s| Value::String(s.to_string()))
                .map_err(|e| bilingual(&e)),
            Kind::OrgNumber => crate::OrgNumber::parse(t)
                .map(|o| Value::String(o.to_string()))
                .map_err(|e| bilingual(&e)),
            Kind::Kommunkod => {
                let by_name = crate::municipality::municipality_by_name(t).or_else(|| {
                    let stem = t
                        .strip_suffix(" kommun")
                        .or_else(|| t.strip_suffix(" stad"))?;
                    crate::municipality::municipality_by_name(stem)
                });
                match by_name {
                    Some(m) => Ok(Value::String(m.code.to_string())),
                    None => crate::Kommunkod::parse(t)
                        .map(|k| Value::String(k.to_string()))
                        .map_err(|e| bilingual(&e)),
                }
            }
            Kind::Decimal => t
                .replace(',', ".")
                .parse::<rust_decimal::Decimal>()
                .map(|d| Value::String(d.to_string()))
                .map_err(|_| {
                    not(
                        format!("\"{shown}\" är inte ett tal."),
                        format!("\"{shown}\" is not a number."),
                    )
                }),
            Kind::Duration => {
                let (n, unit) = t
                    .split_once(char::is_whitespace)
                    .map_or((t, ""), |(n, u)| (n, u.trim()));
                let n: Option<u32> = n.parse().ok();
                let unit = unit.to_lowercase();
                match (n, unit.as_str()) {
                    (Some(n), "d" | "dag" | "dagar" | "day" | "days") => Ok(serde_json::json!({ "days": n })),
                    (Some(n), "mån" | "månad" | "månader" | "month" | "months") => Ok(serde_json::json!({ "months": n })),
                    _ => Err(not(
                        format!("\"{shown}\" är ingen tid: skriv t.ex. \"30 dagar\" eller \"3 månader\"."),
                        format!("\"{shown}\" is not a length of time: write e.g. \"30 days\" or \"3 months\"."),
                    )),
                }
            }
            Kind::Series => {
                let mut values = serde_json::Map::new();
                for item in t.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                    let parsed = item.split_once(':').and_then(|(y, v)| {
                        let year = Kind::Year.parse_user(y).ok()?;
                        let value = Kind::Decimal.parse_user(v).ok()?;
                        Some((year.to_string(), value))
                    });
                    match parsed {
                        Some((y, v)) => {
                            values.insert(y, v);
                        }
                        None => {
                            let item: String = item.chars().take(40).collect();
                            return Err(not(
                                format!("\"{item}\" är inget år med indexvärde: skriv t.ex. \"2024: 100; 2025: 103,2\"."),
                                format!("\"{item}\" is not a year with an index value: write e.g. \"2024: 100; 2025: 103.2\"."),
                            ));
                        }
                    }
                }
                Ok(Value::Object(values))
            }
            Kind::Lines => Ok(Value::Array(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Value::String(l.to_string()))
                    .collect(),
            )),
            Kind::Year => t
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .map(Value::from)
                .ok_or_else(|| {
                    not(
                        format!("\"{shown}\" är inte ett årtal."),
                        format!("\"{shown}\" is not a year."),
                    )
                }),
        }
    }

    /// What a field shows of `value`: the Swedish way for kronor (`575 000`), empty for unknown.
    ///
    /// ```
    /// use iop_core::edit::Kind;
    /// assert_eq!(Kind::Money.show(&serde_json::json!("575000.00")), "575 000");
    /// assert_eq!(Kind::Money.show(&serde_json::Value::Null), "");
    /// ```
    pub fn show(self, value: &Value) -> String {
        match (self, value) {
            (_, Value::Null) => String::new(),
            (Kind::Money | Kind::MoneyGiven, Value::String(s)) => crate::Sek::parse(s)
                .map(|v| crate::money::format_decimal_sv(v.value(), None))
                .unwrap_or_else(|_| s.clone()),
            (Kind::Kommunkod, Value::String(s)) => crate::Kommunkod::parse(s)
                .map(|k| format!("{} ({s})", k.municipality().name))
                .unwrap_or_else(|_| s.clone()),
            (Kind::Duration, Value::Object(m)) => match (m.get("days"), m.get("months")) {
                (Some(d), _) => format!("{d} dagar"),
                (_, Some(n)) => format!("{n} månader"),
                _ => String::new(),
            },
            (Kind::Series, Value::Object(m)) => m
                .iter()
                .map(|(y, v)| format!("{y}: {}", v.as_str().unwrap_or_default().replace('.', ",")))
                .collect::<Vec<_>>()
                .join("; "),
            (Kind::Lines, Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
            (_, Value::String(s)) => s.clone(),
            (_, v) => v.to_string(),
        }
    }
}

/// The value at `path` of `agreement` in the scenario format (`null` when unknown or absent).
///
/// ```
/// let k = iop_core::presets::kalmar_2025_2027();
/// assert_eq!(iop_core::edit::value_at(&k, "term.start"), serde_json::json!("2025-01-01"));
/// ```
pub fn value_at(agreement: &Agreement, path: &str) -> Value {
    let value = serde_json::to_value(agreement).unwrap_or(Value::Null);
    value_in(&value, path)
}

/// [`value_at`] in an agreement already serialised: a form that shows many fields serialises
/// the agreement once and reads each field from it.
///
/// ```
/// let k = serde_json::to_value(iop_core::presets::kalmar_2025_2027()).unwrap();
/// assert_eq!(iop_core::edit::value_in(&k, "funding.components[0].amount"), serde_json::json!("1000000.00"));
/// assert_eq!(iop_core::edit::value_in(&k, "no.such[3]"), serde_json::Value::Null);
/// ```
pub fn value_in(json: &Value, path: &str) -> Value {
    steps(path)
        .and_then(|steps| {
            steps.iter().try_fold(json, |v, s| match s {
                Step::Key(k) => v.as_object()?.get(*k),
                Step::Index(i) => v.as_array()?.get(*i),
            })
        })
        .cloned()
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use serde_json::json;

    #[test]
    fn a_list_item_is_added_and_removed_and_each_undone() {
        let k = presets::kalmar_2025_2027();
        let payer = json!({"name": "Kultur- och fritidsnämnden", "share": "1/4"});
        let added = apply(
            &k,
            &Edit::Insert {
                path: "funding.split.payers".into(),
                index: 2,
                value: payer,
            },
        )
        .unwrap();
        assert_eq!(added.agreement.funding.split.payer_names().len(), 3);
        assert_eq!(apply(&added.agreement, &added.undo).unwrap().agreement, k);
        let removed = apply(
            &k,
            &Edit::Remove {
                path: "funding.split.payers".into(),
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(
            removed.agreement.funding.split.payer_names(),
            vec!["Socialförvaltningen"]
        );
        assert_eq!(
            apply(&removed.agreement, &removed.undo).unwrap().agreement,
            k
        );
    }

    #[test]
    fn a_path_that_is_not_there_is_a_problem_not_a_panic() {
        let k = presets::kalmar_2025_2027();
        for e in [
            Edit::set("no.such.field", json!(1)),
            Edit::set("funding.components[99].amount", json!("1.00")),
            Edit::Remove {
                path: "funding.components".into(),
                index: 9,
            },
            Edit::Insert {
                path: "name".into(),
                index: 0,
                value: json!(1),
            },
            Edit::set("funding.components[x]", json!(1)),
        ] {
            assert!(apply(&k, &e).is_err(), "{e:?}");
        }
        let wrong = apply(&k, &Edit::set("term.start", json!("2025-1-1"))).unwrap_err();
        assert_eq!(wrong[0].path, "term.start");
    }
}
