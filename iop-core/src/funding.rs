//! Funding (*ekonomi*): the yearly amounts, their indexation, the split between payers, and the
//! payment schedule.
//!
//! Models the "Ekonomi" section of an IOP: "Kalmar kommun ersätter … 650 000 kr per år för
//! insatserna … Utöver detta tillkommer … 350 000 kr per år som ersätter det tidigare
//! föreningsbidraget", "… 1 000 000 kronor per år som delas lika mellan kommunledningskontoret och
//! socialförvaltningen. Ersättningen betalas ut första kvartalet 2025, 2026 och 2027 … genom att
//! [jouren] fakturerar … tillsammans med verksamhetsberättelse, verksamhetsplan och
//! årsredovisning", and Vallentuna's 25 000 kr more "om kvinnojouren också startar upp sin tjejjour".
//!
//! This module holds the terms as data and the arithmetic on them alone ([`amount_between`]); the
//! questions asked of a whole agreement (the amount in a year, the total for a period, the
//! payments) sit above it, in [`crate::amounts`] and [`crate::payments`].
//!
//! **Pro rata.** A component that starts (`from`) or stops (`until`) inside an agreement year, or
//! a part of a year, counts for the days it covers: amount × days / days of that agreement year,
//! rounded to the öre half away from zero.

use crate::dates;
use crate::known::Known;
use crate::money::{round_ore, Overflow, Sek};
use crate::source::SourceRef;
use crate::split::{allocate, allocate_by_weights, Share};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The money of an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// What makes up the yearly amount. Required: an empty list is 0 kr a year in every sum, so
    /// leaving it out cannot mean "not stated" (an amount not stated is a component whose
    /// `amount` is unknown).
    pub components: Vec<Component>,
    /// How the amounts follow prices, if at all.
    pub indexation: Option<Indexation>,
    /// Who pays which part; left out, no payer is named (the rules ask for one).
    #[serde(default)]
    pub split: Split,
    /// When and how the money is paid; left out, unknown.
    #[serde(default)]
    pub payments: PaymentSchedule,
}

/// One part of the money (*ersättning*, *bidrag*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What it is called in the agreement; left out, empty.
    #[serde(default)]
    pub label: String,
    /// Its kind.
    pub kind: ComponentKind,
    /// Kronor per agreement year (for a one-off: the one amount); unknown when not stated
    /// (`null`, or left out).
    #[serde(default)]
    pub amount: Known<Sek>,
    /// Applies from this date (a change from a given date); from the start when `None`.
    #[serde(default, deserialize_with = "crate::dates::iso::option")]
    pub from: Option<NaiveDate>,
    /// Applies until this date inclusive; to the end when `None`.
    #[serde(default, deserialize_with = "crate::dates::iso::option")]
    pub until: Option<NaiveDate>,
    /// Where the amount is stated.
    pub source: Option<SourceRef>,
}

/// The kind of a funding component.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ComponentKind {
    /// The grant for the agreed services (*ersättning för insatserna*).
    Base,
    /// Money replacing a former föreningsbidrag (Kalmar 2022–2024: 350 000 kr).
    ReplacesForeningsbidrag,
    /// Money that is paid only if a condition is met (Vallentuna: the tjejjour starts).
    Conditional {
        /// The condition, as the agreement states it.
        condition: String,
        /// Whether it is met; unknown when the source does not say (`null`, or left out).
        #[serde(default)]
        met: Known<bool>,
    },
    /// A single amount paid once, in the agreement year that contains `on`.
    OneOff {
        /// When it is paid; left out, unknown.
        #[serde(default)]
        on: Known<NaiveDate>,
    },
}

/// Indexation of the recurring amounts (*uppräkning*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[schemars(example = indexation_examples::fixed(), example = indexation_examples::series())]
pub enum Indexation {
    /// A fixed percent a year: in an agreement year starting in calendar year Y the factor is
    /// (1 + percent/100)^(Y − base_year), and 1 before.
    FixedPercent {
        /// Percent per year (`2.5`).
        percent: Decimal,
        /// The year whose amounts are as stated.
        base_year: i32,
    },
    /// A given index series (SKR's PKV, say): the factor for an agreement year starting in
    /// calendar year Y is index[Y − lag] / index[base_year], and 1 when Y − lag ≤ base_year.
    /// A missing index value makes the amount unknown.
    Series {
        /// Name of the index (`PKV`).
        name: String,
        /// The year whose amounts are as stated.
        base_year: i32,
        /// Years of lag (1: the previous year's index applies).
        lag_years: u32,
        /// Index value by calendar year.
        values: BTreeMap<i32, Decimal>,
    },
}

/// The split between payers. Its [`Default`] names no payer (a file that leaves it out).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Split {
    /// Each payer pays a share; the shares make one whole.
    Share {
        /// The payers and their shares; left out, none named.
        #[serde(default)]
        payers: Vec<SharePayer>,
    },
    /// Each payer pays a fixed amount a year; the amounts add up to the yearly amount. When the
    /// yearly amount differs (a condition met, indexation), it is divided in proportion to them.
    Amount {
        /// The payers and their amounts; left out, none named.
        #[serde(default)]
        payers: Vec<AmountPayer>,
    },
}

/// A payer with a share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharePayer {
    /// The paying body or municipality (*betalande nämnd*).
    pub name: String,
    /// Its share of the whole.
    pub share: Share,
}

/// A payer with a fixed yearly amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountPayer {
    /// The paying body or municipality.
    pub name: String,
    /// Kronor per year.
    pub amount: Sek,
}

impl Default for Split {
    /// No payer named, by share.
    fn default() -> Self {
        Split::Share { payers: vec![] }
    }
}

impl Split {
    /// A single payer paying everything.
    pub fn single(name: &str) -> Split {
        Split::Share {
            payers: vec![SharePayer {
                name: name.to_string(),
                share: Share::WHOLE,
            }],
        }
    }

    /// The payers' names, in order.
    pub fn payer_names(&self) -> Vec<&str> {
        match self {
            Split::Share { payers } => payers.iter().map(|p| p.name.as_str()).collect(),
            Split::Amount { payers } => payers.iter().map(|p| p.name.as_str()).collect(),
        }
    }

    /// The same payers split the other way, for an editor's switch: by equal shares (1/n each),
    /// or by fixed amounts of 0 kr a year until they are given.
    ///
    /// ```
    /// let k = iop_core::presets::kalmar_2025_2027();
    /// let by_amount = k.funding.split.converted(true);
    /// assert_eq!(by_amount.payer_names(), k.funding.split.payer_names());
    /// assert_eq!(by_amount.converted(false), k.funding.split); // two payers: 1/2 each
    /// ```
    pub fn converted(&self, to_amounts: bool) -> Split {
        let names: Vec<String> = self.payer_names().into_iter().map(str::to_string).collect();
        let n = u64::try_from(names.len()).unwrap_or(1).max(1);
        if to_amounts {
            Split::Amount {
                payers: names
                    .into_iter()
                    .map(|name| AmountPayer {
                        name,
                        amount: Sek::ZERO,
                    })
                    .collect(),
            }
        } else {
            let share = Share::new(1, n).unwrap_or(Share::WHOLE);
            Split::Share {
                payers: names
                    .into_iter()
                    .map(|name| SharePayer { name, share })
                    .collect(),
            }
        }
    }

    /// The name of the payer at `index`, without collecting the others.
    pub fn payer_name(&self, index: usize) -> Option<&str> {
        match self {
            Split::Share { payers } => payers.get(index).map(|p| p.name.as_str()),
            Split::Amount { payers } => payers.get(index).map(|p| p.name.as_str()),
        }
    }

    /// Each payer's part, for display: a share as a percentage (`50 %`), a fixed amount as kronor
    /// per year with its share of the whole (`250 000 kr (41,67 %)`).
    ///
    /// ```
    /// use iop_core::funding::{AmountPayer, Split};
    /// let split = Split::Amount { payers: vec![
    ///     AmountPayer { name: "Socialnämnden".into(), amount: iop_core::Sek::kronor(250_000) },
    ///     AmountPayer { name: "Kommunstyrelsen".into(), amount: iop_core::Sek::kronor(350_000) },
    /// ] };
    /// assert_eq!(split.shares_sv(), vec!["250 000 kr (41,67 %)", "350 000 kr (58,33 %)"]);
    /// ```
    pub fn shares_sv(&self) -> Vec<String> {
        match self {
            Split::Share { payers } => payers.iter().map(|p| p.share.percent_sv()).collect(),
            Split::Amount { payers } => {
                let total: i128 = payers.iter().map(|p| p.amount.ore()).sum();
                payers
                    .iter()
                    .map(|p| {
                        let whole = u64::try_from(total).ok().filter(|t| *t > 0);
                        let part = u64::try_from(p.amount.ore()).ok();
                        match whole.zip(part).and_then(|(w, n)| Share::new(n, w).ok()) {
                            Some(s) => format!("{} ({})", p.amount, s.percent_sv()),
                            None => p.amount.to_string(),
                        }
                    })
                    .collect()
            }
        }
    }

    /// Divides `total` between the payers, exactly to the öre (largest remainder).
    /// `None` when the split has no payers or cannot be divided.
    pub fn divide(&self, total: Sek) -> Option<Vec<(String, Sek)>> {
        let parts = match self {
            Split::Share { payers } => {
                let shares: Vec<Share> = payers.iter().map(|p| p.share).collect();
                allocate(total, &shares)?
            }
            Split::Amount { payers } => {
                let weights: Vec<u128> = payers
                    .iter()
                    .map(|p| u128::try_from(p.amount.ore()).unwrap_or(0))
                    .collect();
                allocate_by_weights(total, &weights)?
            }
        };
        Some(
            self.payer_names()
                .into_iter()
                .map(str::to_string)
                .zip(parts)
                .collect(),
        )
    }
}

/// When the money is paid (*utbetalning*). Its [`Default`] is a schedule of which nothing is
/// stated (a file that leaves it out).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentSchedule {
    /// When in each agreement year; left out, unknown.
    #[serde(default)]
    pub timing: PaymentTiming,
    /// Whether the organisation must invoice (*fakturera*); left out, false: no invoice duty
    /// is recorded.
    #[serde(default)]
    pub on_invoice: bool,
    /// Documents that go with the invoice; left out, none stated.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Where the schedule is stated.
    pub source: Option<SourceRef>,
}

/// When in each agreement year the money is paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PaymentTiming {
    /// Once a year, within quarter 1–4 (the first such quarter ending on or after the agreement
    /// year's start; its window starts no earlier than that).
    Quarter {
        /// 1–4.
        quarter: u8,
    },
    /// Once a year on a day of the year (the first on or after the agreement year's start).
    Yearly {
        /// 1–12.
        month: u32,
        /// 1–31 (clamped to the month's end).
        day: u32,
    },
    /// Four equal parts, each on the first day of a quarter of the agreement year.
    Quarterly,
    /// The source does not say.
    #[default]
    Unknown,
}

/// Whether conditional money counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Conditions {
    /// As recorded: conditional money counts only when its condition is known to be met.
    AsRecorded,
    /// As if every condition were met (the most the agreement can cost).
    AllMet,
}

/// Each payer's part of `amount` ([`Split::divide`]); every part unknown when the amount is.
pub fn per_payer(split: &Split, amount: Known<Sek>) -> Vec<(String, Known<Sek>)> {
    match amount.and_then(|a| split.divide(a).into()) {
        Known::Known(parts) => parts
            .into_iter()
            .map(|(n, a)| (n, Known::Known(a)))
            .collect(),
        Known::Unknown => split
            .payer_names()
            .into_iter()
            .map(|n| (n.to_string(), Known::Unknown))
            .collect(),
    }
}

impl Indexation {
    /// The factor for an agreement year starting in calendar year `year`: unknown when an index
    /// value is missing, [`Overflow`] when the compounded factor does not fit.
    pub fn factor(&self, year: i32) -> Result<Known<Decimal>, Overflow> {
        match self {
            Indexation::FixedPercent { percent, base_year } => {
                let n = year.saturating_sub(*base_year);
                if n <= 0 {
                    return Ok(Known::Known(Decimal::ONE));
                }
                let step = Decimal::ONE + *percent / Decimal::ONE_HUNDRED;
                let mut f = Decimal::ONE;
                for _ in 0..n.min(500) {
                    f = f.checked_mul(step).ok_or(Overflow)?;
                }
                Ok(Known::Known(f))
            }
            Indexation::Series {
                base_year,
                lag_years,
                values,
                ..
            } => {
                let Some(idx_year) = year.checked_sub_unsigned(*lag_years) else {
                    return Ok(Known::Unknown);
                };
                if idx_year <= *base_year {
                    return Ok(Known::Known(Decimal::ONE));
                }
                Ok(match (values.get(&idx_year), values.get(base_year)) {
                    (Some(v), Some(b)) if !b.is_zero() => v.checked_div(*b).into(),
                    _ => Known::Unknown,
                })
            }
        }
    }
}

fn counts(kind: &ComponentKind, conditions: Conditions) -> bool {
    match kind {
        ComponentKind::Conditional { met, .. } => {
            conditions == Conditions::AllMet || *met == Known::Known(true)
        }
        _ => true,
    }
}

/// The money due for the days `from..=to` of the agreement year `year`.
///
/// Sums the components that count (see [`Conditions`]): each recurring one pro rata to the days
/// of `from..=to` it covers over the days of `year`, times the indexation factor, rounded to the
/// öre half away from zero; a one-off in full when its date falls in `from..=to`. Unknown as soon
/// as one counted amount, date or index is unknown; [`Overflow`] when the result does not fit
/// (beyond 10^14 kr), which is not the same as a fact the source leaves out.
pub fn amount_between(
    funding: &Funding,
    year: (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
    conditions: Conditions,
) -> Result<Known<Sek>, Overflow> {
    let year_days = Decimal::from(dates::days_inclusive(year.0, year.1).max(1));
    // An index that cannot be computed is an overflow only when the amounts that need it exist.
    let factor = match &funding.indexation {
        Some(ix) => ix.factor(year.0.year()),
        None => Ok(Known::Known(Decimal::ONE)),
    };
    let mut total = Sek::ZERO;
    for c in funding
        .components
        .iter()
        .filter(|c| counts(&c.kind, conditions))
    {
        let part = match &c.kind {
            ComponentKind::OneOff { on } => match on {
                Known::Known(d) if (from..=to).contains(d) => c.amount,
                Known::Known(_) => Known::Known(Sek::ZERO),
                Known::Unknown => Known::Unknown,
            },
            _ => {
                let a = c.from.map_or(from, |f| f.max(from));
                let b = c.until.map_or(to, |u| u.min(to));
                let days = dates::days_inclusive(a, b);
                if days == 0 {
                    Known::Known(Sek::ZERO)
                } else {
                    match c.amount.zip(factor?) {
                        Known::Known((amount, f)) => {
                            let exact = amount
                                .value()
                                .checked_mul(f)
                                .and_then(|x| x.checked_mul(Decimal::from(days)))
                                .and_then(|x| x.checked_div(year_days));
                            Known::Known(
                                exact
                                    .and_then(|x| Sek::rounded(round_ore(x)))
                                    .ok_or(Overflow)?,
                            )
                        }
                        Known::Unknown => Known::Unknown,
                    }
                }
            }
        };
        match part {
            Known::Known(p) => total = total.checked_add(p).ok_or(Overflow)?,
            Known::Unknown => return Ok(Known::Unknown),
        }
    }
    Ok(Known::Known(total))
}

/// The schema's examples of indexation; a test reads each from the schema and back.
mod indexation_examples {
    pub fn fixed() -> serde_json::Value {
        serde_json::json!({"type": "fixed_percent", "percent": "2.5", "base_year": 2025})
    }
    pub fn series() -> serde_json::Value {
        serde_json::json!({
            "type": "series",
            "name": "PKV",
            "base_year": 2024,
            "lag_years": 1,
            "values": {"2024": "100.0", "2025": "103.2", "2026": "105.9"}
        })
    }
}

// Read by hand, field by field, so that an error names the field itself (see `crate::nested`).

impl<'de> Deserialize<'de> for ComponentKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "type")?;
        let (kind, known): (ComponentKind, &[&str]) = match tag.as_str() {
            "base" => (ComponentKind::Base, &[]),
            "replaces_foreningsbidrag" => (ComponentKind::ReplacesForeningsbidrag, &[]),
            "conditional" => (
                ComponentKind::Conditional {
                    condition: b.field("condition")?,
                    met: b.or_default("met")?,
                },
                &["condition", "met"],
            ),
            "one_off" => {
                #[derive(Deserialize, Default)]
                struct On(#[serde(deserialize_with = "crate::dates::iso::known")] Known<NaiveDate>);
                let on: On = b.or_default("on")?;
                (ComponentKind::OneOff { on: on.0 }, &["on"])
            }
            other => {
                return Err(crate::nested::unknown_variant(
                    "type",
                    other,
                    &["base", "replaces_foreningsbidrag", "conditional", "one_off"],
                ))
            }
        };
        b.done(known)?;
        Ok(kind)
    }
}

impl<'de> Deserialize<'de> for Indexation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "type")?;
        let (ix, known): (Indexation, &[&str]) = match tag.as_str() {
            "fixed_percent" => (
                Indexation::FixedPercent {
                    percent: b.field("percent")?,
                    base_year: b.field("base_year")?,
                },
                &["percent", "base_year"],
            ),
            "series" => (
                Indexation::Series {
                    name: b.field("name")?,
                    base_year: b.field("base_year")?,
                    lag_years: b.field("lag_years")?,
                    values: b.field("values")?,
                },
                &["name", "base_year", "lag_years", "values"],
            ),
            other => {
                return Err(crate::nested::unknown_variant(
                    "type",
                    other,
                    &["fixed_percent", "series"],
                ))
            }
        };
        b.done(known)?;
        Ok(ix)
    }
}

impl<'de> Deserialize<'de> for Split {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "by")?;
        let split = match tag.as_str() {
            "share" => Split::Share {
                payers: b.or_default("payers")?,
            },
            "amount" => Split::Amount {
                payers: b.or_default("payers")?,
            },
            other => {
                return Err(crate::nested::unknown_variant(
                    "by",
                    other,
                    &["share", "amount"],
                ))
            }
        };
        b.done(&["payers"])?;
        Ok(split)
    }
}

impl<'de> Deserialize<'de> for PaymentTiming {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "type")?;
        let (timing, known): (PaymentTiming, &[&str]) = match tag.as_str() {
            "quarter" => (
                PaymentTiming::Quarter {
                    quarter: b.field("quarter")?,
                },
                &["quarter"],
            ),
            "yearly" => (
                PaymentTiming::Yearly {
                    month: b.field("month")?,
                    day: b.field("day")?,
                },
                &["month", "day"],
            ),
            "quarterly" => (PaymentTiming::Quarterly, &[]),
            "unknown" => (PaymentTiming::Unknown, &[]),
            other => {
                return Err(crate::nested::unknown_variant(
                    "type",
                    other,
                    &["quarter", "yearly", "quarterly", "unknown"],
                ))
            }
        };
        b.done(known)?;
        Ok(timing)
    }
}
