//! Termination (*ändringar och uppsägning*, *hävning*): expiry, ordinary notice, and termination
//! for material breach after a cure period, with who repays what.
//!
//! Models "Vardera parter kan säga upp detta avtal till omedelbart upphörande om den andra parten
//! på ett väsentligt sätt bryter mot avtalets bestämmelser och inte vidtar rättelse inom 30 dagar
//! efter skriftligt påpekande … Om avtalet hävs på grund av en omständighet på Kvinnojourens sida,
//! är de återbetalningsskyldiga för delar eller hela beloppet … Om avtalet hävs på grund av en
//! omständighet på Kalmar kommuns sida, får Kvinnojouren behålla det belopp som … betalat ut".
//!
//! The terms live here; what a breach notice leads to is computed in [`crate::breach`].

use crate::known::Known;
use crate::source::SourceRef;
use crate::term::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the agreement can end before its time. Its [`Default`] knows nothing of it (a file that
/// leaves the termination out): unknown, never none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    /// Ordinary notice without cause (*uppsägning*): known `None` (`"none"` in files) when the
    /// agreement has none; unknown when `null` or left out.
    #[serde(default, with = "crate::known::known_option")]
    #[schemars(schema_with = "crate::known::known_option::schema::<Duration>")]
    pub ordinary_notice: Known<Option<Duration>>,
    /// Termination for material breach (*hävning*): known `None` when the agreement has no
    /// such clause (`"none"` in files), unknown when the source does not say (`null`, or left
    /// out).
    #[serde(default, with = "crate::known::known_option")]
    #[schemars(schema_with = "crate::known::known_option::schema::<TerminationForBreach>")]
    pub for_breach: Known<Option<TerminationForBreach>>,
    /// Whether significant changes need dialogue and written approval; left out, false: no
    /// such requirement is recorded.
    #[serde(default)]
    pub changes_need_written_approval: bool,
    /// Where the rules are stated.
    pub source: Option<SourceRef>,
}

/// Termination for material breach (*hävning vid väsentligt avtalsbrott*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TerminationForBreach {
    /// Days the party in breach has to remedy after written notice (*rättelse inom 30 dagar*).
    pub cure_days: u32,
    /// What the organisation repays if the breach is on its side; left out, unknown.
    #[serde(default)]
    pub if_organisation_in_breach: Repayment,
    /// What the organisation repays if the breach is on the public party's side; left out,
    /// unknown.
    #[serde(default)]
    pub if_public_in_breach: Repayment,
}

/// What the organisation repays of what it has been paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Repayment {
    /// Keeps what was paid (*får behålla*).
    Nothing,
    /// Part or all of it, to be decided (*delar eller hela beloppet*): a range 0 … paid.
    PartOrAll,
    /// All of it.
    All,
    /// The agreement does not say.
    #[default]
    Unknown,
}

impl TerminationForBreach {
    /// A breach clause with a cure period and nothing else known: what an official has when the
    /// cure period is the one term they set (repayment stays unknown, never guessed).
    pub fn with_cure_days(cure_days: u32) -> TerminationForBreach {
        TerminationForBreach {
            cure_days,
            if_organisation_in_breach: Repayment::Unknown,
            if_public_in_breach: Repayment::Unknown,
        }
    }
}

impl Termination {
    /// Sets the cure period of the breach clause, keeping what else it says; a clause that was
    /// unknown or absent becomes [`TerminationForBreach::with_cure_days`].
    ///
    /// ```
    /// use iop_core::{presets, termination::Repayment, Known};
    /// let mut v = presets::vallentuna(); // the source says nothing about termination
    /// v.termination.set_cure_days(14);
    /// let rule = v.termination.for_breach.value().copied().flatten().unwrap();
    /// assert_eq!((rule.cure_days, rule.if_organisation_in_breach), (14, Repayment::Unknown));
    /// ```
    pub fn set_cure_days(&mut self, days: u32) {
        let mut rule = self
            .for_breach
            .value()
            .copied()
            .flatten()
            .unwrap_or(TerminationForBreach::with_cure_days(days));
        rule.cure_days = days;
        self.for_breach = Known::Known(Some(rule));
    }
}

impl Repayment {
    /// What the organisation repays, as a phrase in Swedish (`delar eller hela beloppet`). The one
    /// wording of the rule, used by the detail view, the termination outcome and the draft.
    pub fn sv(self) -> &'static str {
        match self {
            Repayment::Nothing => "inget (organisationen behåller det utbetalda)",
            Repayment::PartOrAll => "delar eller hela det utbetalda beloppet",
            Repayment::All => "hela det utbetalda beloppet",
            Repayment::Unknown => "okänt (avtalet säger inget)",
        }
    }

    /// The same in English.
    pub fn en(self) -> &'static str {
        match self {
            Repayment::Nothing => "nothing (the organisation keeps what was paid)",
            Repayment::PartOrAll => "part or all of what was paid",
            Repayment::All => "all of what was paid",
            Repayment::Unknown => "unknown (the agreement does not say)",
        }
    }
}
