//! The agreement (*överenskommelse om idéburet offentligt partnerskap*) as one plain value.

use crate::funding::Funding;
use crate::known::Known;
use crate::municipality::{Municipality, POPULATION_DATE};
use crate::obligations::Obligations;
use crate::parties::{Organisation, PublicParty};
use crate::scope::Scope;
use crate::source::SourceDocument;
use crate::term::Term;
use crate::termination::Termination;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An IOP agreement: parties, term, money, obligations, termination and scope, with its sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// A stable id, unique within a scenario (`kalmar-2025-2027`).
    pub id: String,
    /// A name for people (`Kalmar 2025–2027`).
    pub name: String,
    /// The kommun(er) or region(s).
    pub public_parties: Vec<PublicParty>,
    /// The non-profit(s).
    pub organisations: Vec<Organisation>,
    /// Start, end and renewal.
    pub term: Term,
    /// Money, split and payments.
    pub funding: Funding,
    /// Meetings, plans and reports.
    pub obligations: Obligations,
    /// How it can end early.
    pub termination: Termination,
    /// What it covers.
    pub scope: Scope,
    /// The documents its facts come from.
    pub sources: Vec<SourceDocument>,
    /// Free notes (readings of the sources, what is not stated).
    pub notes: String,
    /// The id of the agreement this one is a what-if variant of (a copy to edit, or the terms
    /// applied to another kommun): not new money, but another version of the same grant. Absent
    /// for an agreement in its own right. Added in format version 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// A draft (*utkast*): entered in the editor with problems left to fix (shares that do not
    /// make a whole, no party yet). Its rule problems are warnings, not errors, so it is kept as
    /// the user left it; the list marks it, and sums leave it out until it is fixed. Absent when
    /// false. Added in format version 1.2.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Agreement {
    /// A new agreement in which every term is unknown until given (*nytt avtal*): no parties,
    /// no amounts, an unknown start, end, renewal and payment timing; a draft until it has what
    /// an agreement needs.
    ///
    /// ```
    /// let a = iop_core::Agreement::blank("eget-1");
    /// assert_eq!(a.term.start, iop_core::Known::Unknown);
    /// assert!(a.draft && a.funding.components.is_empty());
    /// assert!(iop_core::scenario::validate_agreement(&a).iter().any(|p| p.path == "public_parties"));
    /// ```
    pub fn blank(id: &str) -> Agreement {
        use crate::funding::{PaymentSchedule, PaymentTiming, Split};
        use crate::term::{Renewal, TermEnd};
        Agreement {
            id: id.to_string(),
            name: String::new(),
            public_parties: vec![],
            organisations: vec![],
            term: Term {
                start: Known::Unknown,
                end: TermEnd::Unknown,
                renewal: Renewal::Unknown,
                stated_decision_due: None,
                source: None,
            },
            funding: Funding {
                components: vec![],
                indexation: None,
                split: Split::Share { payers: vec![] },
                payments: PaymentSchedule {
                    timing: PaymentTiming::Unknown,
                    on_invoice: false,
                    documents: vec![],
                    source: None,
                },
            },
            obligations: Obligations {
                meetings: None,
                documents: vec![],
                other: vec![],
                source: None,
            },
            termination: Termination {
                ordinary_notice: Known::Unknown,
                for_breach: Known::Unknown,
                changes_need_written_approval: false,
                source: None,
            },
            scope: Scope::default(),
            sources: vec![],
            notes: String::new(),
            derived_from: None,
            draft: true,
        }
    }

    /// The municipalities of the public parties that have a kommunkod.
    pub fn municipalities(&self) -> Vec<&'static Municipality> {
        self.public_parties
            .iter()
            .filter_map(|p| p.kommunkod.map(|k| k.municipality()))
            .collect()
    }

    /// The inhabitants of all public parties on [`POPULATION_DATE`]; unknown when a public party
    /// has no kommunkod (a region, say).
    pub fn population(&self) -> Known<u64> {
        if self.public_parties.is_empty()
            || self.public_parties.iter().any(|p| p.kommunkod.is_none())
        {
            return Known::Unknown;
        }
        Known::Known(
            self.municipalities()
                .iter()
                .map(|m| u64::from(m.population))
                .sum(),
        )
    }

    /// The municipality names, joined (`Kalmar`).
    pub fn municipality_names(&self) -> String {
        let names: Vec<&str> = self
            .municipalities()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        if names.is_empty() {
            self.public_parties
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            names.join(", ")
        }
    }

    /// The organisations' names, joined.
    pub fn organisation_names(&self) -> String {
        self.organisations
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The reference date of the population figures, for display next to per-inhabitant amounts.
pub const fn population_date() -> chrono::NaiveDate {
    POPULATION_DATE
}
