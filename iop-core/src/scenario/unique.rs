//! JSON parsed with every key of an object once: `{"name": "A", "name": "B"}` would otherwise
//! keep the last value and drop the first without a word, and the format promises that nothing
//! a user wrote is dropped. One pass over the text builds the value and notes each duplicate
//! key with its path.

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// Where the parser is, as the path's parts, and the duplicates found so far.
#[derive(Default)]
struct Walk {
    at: Vec<Part>,
    duplicates: Vec<String>,
}

enum Part {
    Key(String),
    Index(usize),
}

impl Walk {
    fn path_to(&self, key: &str) -> String {
        let mut p = String::from("$");
        for part in &self.at {
            match part {
                Part::Key(k) => {
                    p.push('.');
                    p.push_str(k);
                }
                Part::Index(i) => p.push_str(&format!("[{i}]")),
            }
        }
        p.push('.');
        p.push_str(key);
        p
    }
}

/// At most this many duplicates are noted; the reader lists the first [`super::MAX_PROBLEMS`].
const MAX_NOTED: usize = 1000;

#[derive(Clone, Copy)]
struct Node<'a>(&'a RefCell<Walk>);

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            self.0.borrow_mut().at.push(Part::Index(out.len()));
            let next = seq.next_element_seed(self);
            self.0.borrow_mut().at.pop();
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            {
                let mut walk = self.0.borrow_mut();
                if out.contains_key(&key) && walk.duplicates.len() < MAX_NOTED {
                    let path = walk.path_to(&key);
                    walk.duplicates.push(path);
                }
                walk.at.push(Part::Key(key.clone()));
            }
            let value = map.next_value_seed(self);
            self.0.borrow_mut().at.pop();
            // The first value is kept; the problem is reported either way.
            out.entry(key).or_insert(value?);
        }
        Ok(Value::Object(out))
    }
}

/// Parses `text` as JSON; the paths of keys that occur twice in one object, in order.
pub fn parse(text: &str) -> Result<(Value, Vec<String>), serde_json::Error> {
    let walk = RefCell::new(Walk::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Node(&walk).deserialize(&mut de)?;
    de.end()?;
    Ok((value, walk.into_inner().duplicates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_found_with_its_path() {
        let (v, dups) = parse(r#"{"a": [{"name": "A", "name": "B"}], "b": 1}"#).unwrap();
        assert_eq!(dups, vec!["$.a[0].name"]);
        assert_eq!(v["a"][0]["name"], "A");
        let (_, none) = parse(r#"{"a": {"x": 1}, "b": {"x": 2}}"#).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn syntax_errors_are_still_errors() {
        assert!(parse("{\"a\": 1} x").is_err());
        assert!(parse("{\"a\": ").is_err());
    }
}
