//! Obligations (*uppföljning och utvärdering*): meetings, yearly plans and reports, action
//! plans, and who is responsible for each.
//!
//! Models "Regelbundna uppföljningsmöten ska hållas minst två gånger per år … Kvinnojouren
//! upprättar varje år en verksamhetsplan … Efter årets slut ska en verksamhetsberättelse lämnas …
//! rapporteras årligen till kommunstyrelsens arbetsutskott" and "inför varje år ta fram en
//! gemensam lägesbild och handlingsplan".

use crate::known::Known;
use crate::parties::Side;
use crate::source::SourceRef;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the parties must do during the term. Its [`Default`] states none (a file that leaves the
/// obligations out).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligations {
    /// Follow-up meetings.
    pub meetings: Option<Meetings>,
    /// Yearly documents: plans, reports, accounts, action plans; left out, none stated.
    #[serde(default)]
    pub documents: Vec<DocumentDuty>,
    /// Other duties, as the agreement states them; left out, none stated.
    #[serde(default)]
    pub other: Vec<String>,
    /// Where the obligations are stated.
    pub source: Option<SourceRef>,
}

/// Follow-up meetings (*uppföljningsmöten*, *styrgrupp*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meetings {
    /// At least this many a year; unknown when not stated (`null`, or left out).
    #[serde(default)]
    pub per_year: Known<u32>,
    /// Who makes sure they happen (`Kommunledningskontorets enhet Trygghet och säkerhet`); left
    /// out, no one named.
    #[serde(default)]
    pub responsible: String,
    /// Who else is invited; left out, no one named.
    #[serde(default)]
    pub invited: Vec<String>,
}

/// A document one party must produce each year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentDuty {
    /// Its kind.
    pub kind: DocumentKind,
    /// Its name (`Verksamhetsplan`).
    pub name: String,
    /// What it must contain; left out, nothing stated.
    #[serde(default)]
    pub contents: Vec<String>,
    /// Which party writes it (both, for a joint document); left out, not stated.
    #[serde(default)]
    pub responsible: Vec<Side>,
    /// When it is due; left out, unknown.
    #[serde(default)]
    pub due: Due,
    /// To whom it is reported (`kommunstyrelsens arbetsutskott`).
    pub reported_to: Option<String>,
}

/// The kind of a yearly document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A plan for the coming year (*verksamhetsplan*).
    Plan,
    /// A report on the past year (*verksamhetsberättelse*).
    Report,
    /// Annual accounts (*årsredovisning*).
    Accounts,
    /// A joint situation picture and action plan (*lägesbild och handlingsplan*).
    ActionPlan,
}

/// When a yearly document is due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Due {
    /// Sent with the invoice: due when the year's payment is due.
    WithInvoice,
    /// Before each agreement year starts (the day before).
    BeforeYear,
    /// After each agreement year ends, within `days` (unknown: no deadline stated).
    AfterYear {
        /// Days after the year's end; left out, unknown.
        #[serde(default)]
        days: Known<u32>,
    },
    /// The source gives no date.
    #[default]
    Unknown,
}

impl Obligations {
    /// Sets the meetings per year, keeping who runs them; a record that did not exist starts
    /// with no one named (shown as such, never invented).
    ///
    /// ```
    /// let mut v = iop_core::presets::linkoping();
    /// v.obligations.set_meetings_per_year(4);
    /// assert_eq!(v.obligations.meetings.unwrap().per_year, iop_core::Known::Known(4));
    /// ```
    pub fn set_meetings_per_year(&mut self, n: u32) {
        let m = self.meetings.get_or_insert(Meetings {
            per_year: Known::Unknown,
            responsible: String::new(),
            invited: vec![],
        });
        m.per_year = Known::Known(n);
    }
}

impl DocumentKind {
    /// Whether the document looks ahead (a plan for the coming year) rather than back (a report
    /// or accounts on the past year).
    pub fn is_plan(self) -> bool {
        matches!(self, DocumentKind::Plan | DocumentKind::ActionPlan)
    }
}

// Read by hand, field by field, so that an error names the field itself (see `crate::nested`).
impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "type")?;
        let (due, known): (Due, &[&str]) = match tag.as_str() {
            "with_invoice" => (Due::WithInvoice, &[]),
            "before_year" => (Due::BeforeYear, &[]),
            "after_year" => (
                Due::AfterYear {
                    days: b.or_default("days")?,
                },
                &["days"],
            ),
            "unknown" => (Due::Unknown, &[]),
            other => {
                return Err(crate::nested::unknown_variant(
                    "type",
                    other,
                    &["with_invoice", "before_year", "after_year", "unknown"],
                ))
            }
        };
        b.done(known)?;
        Ok(due)
    }
}
