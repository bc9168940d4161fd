//! Tagged objects read field by field, so an error names the field itself.
//!
//! Serde reads an internally tagged enum (`{"type": "quarter", "quarter": 5}`) by buffering it
//! first, and the path of an error inside is lost: a bad share was reported at
//! `$.agreements[0].funding.split` instead of `….split.payers[1].share`, and a map keyed by year
//! could not be read at all (the buffered keys are strings, never numbers). Here such an object
//! is taken apart by hand: each field is read on its own with its path kept, and the path rides
//! inside the error's text (`\u{1e}path\u{1e}message`) up to the reader, which joins it to where
//! serde stopped ([`split`]).

use serde::de::{DeserializeOwned, Error};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// Brackets the path inside an error's text.
const MARK: char = '\u{1e}';

/// `inner` below `outer`: `payers` + `[1].share` is `payers[1].share`.
pub fn join(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        ("" | ".", i) => i.to_string(),
        (o, "" | ".") => o.to_string(),
        (o, i) if i.starts_with('[') => format!("{o}{i}"),
        (o, i) => format!("{o}.{i}"),
    }
}

/// An error's text with the path of the field it concerns, below any path it already carries.
fn mark(path: &str, message: &str) -> String {
    let (inner, message) = split(message);
    format!("{MARK}{}{MARK}{message}", join(path, inner.unwrap_or("")))
}

/// The path an error's text carries, if any, and the message without it.
///
/// ```
/// let r = iop_core::scenario::read(br#"{"format": "iop-scenario", "version": "1.1", "name": "", "notes": "", "created": "2026-01-01T00:00:00", "modified": "2026-01-01T00:00:00", "agreements": [{"funding": {"split": {"by": "share", "payers": [{"name": "A", "share": "1/2"}, {"name": "B", "share": "0/0"}]}}}]}"#);
/// assert!(r.problems.iter().any(|p| p.path == "$.agreements[0].funding.split.payers[1].share"), "{:?}", r.problems);
/// ```
pub fn split(message: &str) -> (Option<&str>, &str) {
    message
        .strip_prefix(MARK)
        .and_then(|rest| rest.split_once(MARK))
        .map_or((None, message), |(p, m)| (Some(p), m))
}

/// Reads `value` as `T`; an error names its path below `name`.
pub fn value<T: DeserializeOwned, E: Error>(value: Value, name: &str) -> Result<T, E> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let path = e.path().to_string();
        E::custom(mark(&join(name, &path), &e.into_inner().to_string()))
    })
}

/// The fields of a tagged object, the tag taken out.
pub struct Body {
    map: Map<String, Value>,
}

/// Reads an object tagged by the field `tag`: the tag's value and the other fields.
pub fn tagged<'de, D: Deserializer<'de>>(d: D, tag: &str) -> Result<(String, Body), D::Error> {
    let Value::Object(mut map) = Value::deserialize(d)? else {
        return Err(D::Error::custom("invalid type: expected a map"));
    };
    match map.remove(tag) {
        Some(Value::String(t)) => Ok((t, Body { map })),
        Some(_) => Err(D::Error::custom(mark(
            tag,
            "invalid type: expected a string",
        ))),
        None => Err(D::Error::custom(format!("missing field `{tag}`"))),
    }
}

/// An unknown value of the tag `tag`, with the values allowed.
pub fn unknown_variant<E: Error>(tag: &str, found: &str, allowed: &[&str]) -> E {
    let allowed: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
    E::custom(mark(
        tag,
        &format!(
            "unknown variant `{found}`, expected one of {}",
            allowed.join(", ")
        ),
    ))
}

impl Body {
    /// The field `name`, which must be there.
    pub fn field<T: DeserializeOwned, E: Error>(&mut self, name: &str) -> Result<T, E> {
        match self.map.remove(name) {
            Some(v) => value(v, name),
            None => Err(E::custom(format!("missing field `{name}`"))),
        }
    }

    /// The field `name`; absent reads as `null` does (an `Option` is `None`).
    pub fn optional<T: DeserializeOwned, E: Error>(&mut self, name: &str) -> Result<T, E> {
        value(self.map.remove(name).unwrap_or(Value::Null), name)
    }

    /// The field `name`; absent reads as its [`Default`] (format 1.3: an unknown for a
    /// [`crate::Known`], an empty list), while an explicit `null` reads as the type reads it.
    pub fn or_default<T: DeserializeOwned + Default, E: Error>(
        &mut self,
        name: &str,
    ) -> Result<T, E> {
        match self.map.remove(name) {
            Some(v) => value(v, name),
            None => Ok(T::default()),
        }
    }

    /// No field is left that the variant does not know.
    pub fn done<E: Error>(self, known: &[&str]) -> Result<(), E> {
        match self.map.keys().next() {
            None => Ok(()),
            Some(k) => {
                let expected: Vec<String> = known.iter().map(|a| format!("`{a}`")).collect();
                let expected = if expected.is_empty() {
                    "there are no fields".to_string()
                } else {
                    format!("expected one of {}", expected.join(", "))
                };
                Err(E::custom(mark(
                    k,
                    &format!("unknown field `{k}`, {expected}"),
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_nest() {
        assert_eq!(join("payers", "[1].share"), "payers[1].share");
        assert_eq!(join("timing", "quarter"), "timing.quarter");
        assert_eq!(join(".", "x"), "x");
        let twice = mark("split", &mark("payers[1]", "bad"));
        assert_eq!(split(&twice), (Some("split.payers[1]"), "bad"));
        assert_eq!(split("plain"), (None, "plain"));
    }
}
