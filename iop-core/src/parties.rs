//! Parties: the public party (*offentlig part*) with the bodies that pay, and the non-profit
//! (*idéburen organisation*).
//!
//! Models the "Parter och kontaktpersoner" and "Avtalets undertecknande" sections of an IOP: who
//! the parties are, their organisationsnummer, the nämnder, förvaltningar or kontor that act and
//! pay for the public party, contacts and signatories.

use crate::known::Known;
use crate::municipality::Kommunkod;
use crate::orgnr::OrgNumber;
use crate::source::SourceRef;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A kommun or region that is party to the agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicParty {
    /// Name (`Kalmar kommun`).
    pub name: String,
    /// The kommunkod, for a kommun (used for per-inhabitant figures).
    pub kommunkod: Option<Kommunkod>,
    /// The organisationsnummer, when stated (unknown: `null`, or left out).
    #[serde(default)]
    pub org_number: Known<OrgNumber>,
    /// The bodies acting for it (*nämnd*, *förvaltning*, *kontor*), which may pay; left out,
    /// none named.
    #[serde(default)]
    pub bodies: Vec<Body>,
    /// Contact person.
    pub contact: Option<Contact>,
    /// Who signs for it; left out, no one named.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// Where these facts come from.
    pub source: Option<SourceRef>,
}

/// A body of the public party: a nämnd, förvaltning or kontor (*betalande nämnd* when it pays).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Id used by payers in the funding split (`klk`).
    pub id: String,
    /// Name (`Kommunledningskontoret`).
    pub name: String,
}

/// The non-profit organisation (*idéburen organisation*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Name as in the agreement.
    pub name: String,
    /// Formal name, when different (`Ideella föreningen mot våld i nära relation Nacka/Värmdö`).
    pub legal_name: Option<String>,
    /// The organisationsnummer, when stated (unknown: `null`, or left out).
    #[serde(default)]
    pub org_number: Known<OrgNumber>,
    /// Contact person.
    pub contact: Option<Contact>,
    /// Who signs for it; left out, no one named.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// Where these facts come from.
    pub source: Option<SourceRef>,
}

/// A contact person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
}

/// Someone who signs the agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Name.
    pub name: String,
    /// Title (`Säkerhetschef`); left out, empty.
    #[serde(default)]
    pub title: String,
    /// The body signed for (`Kommunledningskontoret`).
    pub body: Option<String>,
}

/// Which side of the agreement: the public party or the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The kommun or region.
    Public,
    /// The non-profit.
    Organisation,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Public => Side::Organisation,
            Side::Organisation => Side::Public,
        }
    }
}
