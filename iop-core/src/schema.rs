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

    /// Format 1.3: the schema's `required` is what the reader requires. Each field of the root,
    /// an agreement and the objects in it is taken out of a built-in agreement's file one at a
    /// time: the reader refuses the file for a structure problem exactly when the schema lists
    /// the field as required.
    #[test]
    fn the_schema_requires_exactly_what_the_reader_requires() {
        use crate::scenario::{read, Scenario, Severity, Tier};
        use serde_json::Value;
        let schema: Value = serde_json::from_str(&super::scenario_schema_json()).unwrap();
        let file = serde_json::to_value(Scenario::new(
            "t",
            Default::default(),
            vec![crate::presets::kalmar_2025_2027()],
        ))
        .unwrap();
        let places: [(&str, &[&str]); 12] = [
            ("", &[]),
            ("Agreement", &["agreements", "0"]),
            ("Term", &["agreements", "0", "term"]),
            ("Funding", &["agreements", "0", "funding"]),
            (
                "Component",
                &["agreements", "0", "funding", "components", "0"],
            ),
            (
                "PaymentSchedule",
                &["agreements", "0", "funding", "payments"],
            ),
            ("Termination", &["agreements", "0", "termination"]),
            (
                "TerminationForBreach",
                &["agreements", "0", "termination", "for_breach"],
            ),
            ("Obligations", &["agreements", "0", "obligations"]),
            ("Meetings", &["agreements", "0", "obligations", "meetings"]),
            ("PublicParty", &["agreements", "0", "public_parties", "0"]),
            ("Organisation", &["agreements", "0", "organisations", "0"]),
        ];
        let mut checked = 0;
        for (def, at) in places {
            let def_schema = if def.is_empty() {
                &schema
            } else {
                &schema["$defs"][def]
            };
            let required: Vec<&str> = def_schema["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut here = &file;
            for k in at {
                here = match k.parse::<usize>() {
                    Ok(i) => &here[i],
                    Err(_) => &here[*k],
                };
            }
            for field in here.as_object().unwrap().keys() {
                let mut v = file.clone();
                let mut obj = &mut v;
                for k in at {
                    obj = match k.parse::<usize>() {
                        Ok(i) => &mut obj[i],
                        Err(_) => &mut obj[*k],
                    };
                }
                obj.as_object_mut().unwrap().remove(field);
                let r = read(serde_json::to_string(&v).unwrap().as_bytes());
                let refused = r
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Error && p.tier == Tier::Structure);
                assert_eq!(
                    refused,
                    required.contains(&field.as_str()),
                    "{def}.{field}: {:?}",
                    r.problems
                );
                checked += 1;
            }
        }
        assert!(checked > 40, "{checked}");
        // What a hand-written agreement must give: an id, a name and its money.
        assert_eq!(
            schema["$defs"]["Agreement"]["required"],
            serde_json::json!(["id", "name", "funding"])
        );
    }
}
