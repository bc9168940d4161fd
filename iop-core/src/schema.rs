//! The JSON Schema of the scenario format, generated from the Rust types.
//!
//! The committed copy is `schema/iop-scenario.schema.json`; a test fails when it and the types
//! differ (regenerate with `cargo run -p iop-cli -- schema > schema/iop-scenario.schema.json`).

use crate::scenario::Scenario;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema as pretty JSON.
///
/// ```
/// let schema = iop_core::schema::scenario_schema_json();
/// assert!(schema.contains("\"agreements\""));
/// ```
pub fn scenario_schema_json() -> String {
    let schema = schemars::schema_for!(Scenario);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// A string schema with a pattern and a description.
fn string_schema(pattern: &str, description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": pattern,
        "description": description,
    })
}

macro_rules! string_type {
    ($ty:ty, $name:literal, $pattern:literal, $desc:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                string_schema($pattern, $desc)
            }
        }
    };
}

impl JsonSchema for crate::money::Sek {
    fn schema_name() -> Cow<'static, str> {
        "Sek".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_schema(
            crate::money::PLAIN_PATTERN,
            "Kronor as a decimal string with at most two decimals, at most 10^14 (\"1000000.00\").",
        )
    }
}
string_type!(
    crate::split::Share,
    "Share",
    r"^([0-9]+/[0-9]+|[0-9]+(\.[0-9]+)?%)$",
    "A share of the whole: \"1/2\" or \"50%\"; never more than the whole."
);
string_type!(
    crate::orgnr::OrgNumber,
    "OrgNumber",
    r"^(16)?[0-9 ]{6,8}-?[0-9]{4}$",
    "Organisationsnummer NNNNNN-NNNN (optionally prefixed 16), with a valid Luhn check digit."
);
string_type!(
    crate::municipality::Kommunkod,
    "Kommunkod",
    r"^[0-9]{4}$",
    "Kommunkod: four digits naming one of Sweden's 290 municipalities."
);

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schema_matches_the_types() {
        let committed = include_str!("../../schema/iop-scenario.schema.json");
        assert_eq!(
            committed.trim_end(),
            super::scenario_schema_json(),
            "the committed schema differs from the types: run `cargo run -p iop-cli -- schema > schema/iop-scenario.schema.json`"
        );
    }
}
