//! Unknown as a state of its own.
//!
//! What a source does not state is *unknown*: never zero, never a guessed date. [`Known`] carries
//! that through every computation: combining a known and an unknown value gives an unknown one,
//! so a total over an unknown yearly amount is unknown, never a smaller number.
//!
//! In scenario files a `Known<T>` is written as the value itself, or `null` when unknown; from
//! format 1.3 a field left out reads as unknown too (its [`Default`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that is either known or explicitly unknown.
///
/// ```
/// use iop_core::Known;
/// let a = Known::Known(2);
/// let b: Known<i32> = Known::Unknown;
/// assert_eq!(a.zip(Known::Known(3)).map(|(x, y)| x + y), Known::Known(5));
/// assert_eq!(a.zip(b).map(|(x, y)| x + y), Known::Unknown);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Known<T> {
    /// The value is stated (or computed from stated values).
    Known(T),
    /// The source does not state it.
    Unknown,
}

impl<T> Known<T> {
    /// The value, if known.
    pub fn value(&self) -> Option<&T> {
        match self {
            Known::Known(v) => Some(v),
            Known::Unknown => None,
        }
    }

    /// The value by value, if known.
    pub fn into_option(self) -> Option<T> {
        match self {
            Known::Known(v) => Some(v),
            Known::Unknown => None,
        }
    }

    /// Whether the value is known.
    pub fn is_known(&self) -> bool {
        matches!(self, Known::Known(_))
    }

    /// Applies `f` to a known value; unknown stays unknown.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Known<U> {
        match self {
            Known::Known(v) => Known::Known(f(v)),
            Known::Unknown => Known::Unknown,
        }
    }

    /// Applies `f` to a known value, which may itself give an unknown one.
    pub fn and_then<U>(self, f: impl FnOnce(T) -> Known<U>) -> Known<U> {
        match self {
            Known::Known(v) => f(v),
            Known::Unknown => Known::Unknown,
        }
    }

    /// Both values when both are known; otherwise unknown.
    pub fn zip<U>(self, other: Known<U>) -> Known<(T, U)> {
        match (self, other) {
            (Known::Known(a), Known::Known(b)) => Known::Known((a, b)),
            _ => Known::Unknown,
        }
    }

    /// A reference to the value.
    pub fn as_ref(&self) -> Known<&T> {
        match self {
            Known::Known(v) => Known::Known(v),
            Known::Unknown => Known::Unknown,
        }
    }
}

/// Unknown: what a scenario file leaves out is not stated (format 1.3).
impl<T> Default for Known<T> {
    fn default() -> Self {
        Known::Unknown
    }
}

impl<T> From<Option<T>> for Known<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Known::Known(v),
            None => Known::Unknown,
        }
    }
}

impl<T: Serialize> Serialize for Known<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value().serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Known<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

/// Sums known values; one unknown makes the sum unknown.
///
/// ```
/// use iop_core::{known::sum_known, Known, Sek};
/// let parts = [Known::Known(Sek::kronor(650_000)), Known::Known(Sek::kronor(350_000))];
/// assert_eq!(sum_known(parts, Sek::ZERO, Sek::checked_add), Known::Known(Sek::kronor(1_000_000)));
/// ```
pub fn sum_known<I, T>(items: I, zero: T, add: impl Fn(T, T) -> Option<T>) -> Known<T>
where
    I: IntoIterator<Item = Known<T>>,
{
    let mut acc = zero;
    for item in items {
        match item {
            Known::Known(v) => match add(acc, v) {
                Some(next) => acc = next,
                None => return Known::Unknown,
            },
            Known::Unknown => return Known::Unknown,
        }
    }
    Known::Known(acc)
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Known<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Known_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // The value, or null for unknown.
        <Option<T>>::json_schema(generator)
    }
}

/// Serde for `Known<Option<T>>`, where "the agreement has none" and "the source does not say"
/// must stay apart: unknown is `null`, none is the string `"none"`, a value is the value.
pub mod known_option {
    use super::Known;
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes unknown as `null`, none as `"none"`.
    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Known<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Known::Unknown => s.serialize_none(),
            Known::Known(None) => s.serialize_str("none"),
            Known::Known(Some(x)) => x.serialize(s),
        }
    }

    /// Reads `null` as unknown, `"none"` as none, anything else as a value.
    pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Known<Option<T>>, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        match v {
            serde_json::Value::Null => Ok(Known::Unknown),
            serde_json::Value::String(s) if s == "none" => Ok(Known::Known(None)),
            // Read on its own with its path kept, so an error names the field inside.
            other => crate::nested::value(other, "").map(|x| Known::Known(Some(x))),
        }
    }

    /// The schema: the value, `"none"`, or `null`.
    pub fn schema<T: schemars::JsonSchema>(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let inner = g.subschema_for::<T>();
        schemars::json_schema!({
            "anyOf": [inner, { "const": "none" }, { "type": "null" }]
        })
    }
}
