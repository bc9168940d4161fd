//! Scope (*syfte, målgrupp, avgränsning, insatser, värdegrund*): what the partnership is for,
//! whom it serves, what it covers and excludes, and on which values and law it rests.
//!
//! Models the sections Bakgrund, Syfte, Målgrupp, Avgränsning, Värdegrund, Orosanmälan, Insatser
//! (by area, and the public party's own commitments) and Kvalitetsgaranti of an IOP.

use crate::parties::Side;
use crate::source::SourceRef;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the agreement covers. Every field may be left out: a list reads as empty, a text as not
/// stated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Scope {
    /// Background (*bakgrund*), in brief.
    pub background: Option<String>,
    /// Purpose (*syfte*).
    pub purpose: Option<String>,
    /// Shared goals (*effektmål*, *gemensamma mål*).
    pub goals: Vec<String>,
    /// Target groups (*målgrupp*).
    pub target_groups: Vec<String>,
    /// Services by area (*insatser*), of either party.
    pub service_areas: Vec<ServiceArea>,
    /// What is excluded (*avgränsning*): skyddat boende, say.
    pub exclusions: Vec<String>,
    /// Values (*värdegrund*).
    pub values: Vec<String>,
    /// Legal and policy basis (SoL 5 kap. 11 §, barnkonventionen art. 3, 12, 19, Agenda 2030).
    pub legal_basis: Vec<String>,
    /// Policy on reports of concern for children (*orosanmälan*).
    pub child_concern_policy: Option<String>,
    /// Quality requirements (*kvalitetsgaranti*).
    pub quality: Option<String>,
    /// Basis under state-aid rules, when stated.
    pub state_aid_basis: Option<String>,
    /// How changes are made (*ändringar*).
    pub changes: Option<String>,
    /// Where the scope is stated.
    pub source: Option<SourceRef>,
}

/// A group of services, by area (`Område 1: Direkt stöd`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceArea {
    /// The area's name.
    pub name: String,
    /// Which party provides it.
    pub provider: Side,
    /// The services; left out, none named.
    #[serde(default)]
    pub services: Vec<String>,
}
