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
//! **Agreement years.** Yearly amounts apply per agreement year (*avtalsår*): a year that starts on
//! the term's start date or an anniversary of it (the day after the first period's end when the
//! start is unknown). **Pro rata.** A component that starts (`from`) or stops (`until`) inside an
//! agreement year, or a period shorter than a year, counts for the days it covers:
//! amount × days / days of that agreement year, rounded to the öre half away from zero.

use crate::agreement::Agreement;
use crate::dates;
use crate::explain::{Explanation, Figure};
use crate::known::Known;
use crate::money::{round_ore, Sek};
use crate::source::SourceRef;
use crate::split::{allocate, allocate_by_weights, Share};
use crate::term::Period;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The money of an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// What makes up the yearly amount.
    pub components: Vec<Component>,
    /// How the amounts follow prices, if at all.
    pub indexation: Option<Indexation>,
    /// Who pays which part.
    pub split: Split,
    /// When and how the money is paid.
    pub payments: PaymentSchedule,
}

/// One part of the money (*ersättning*, *bidrag*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What it is called in the agreement.
    pub label: String,
    /// Its kind.
    pub kind: ComponentKind,
    /// Kronor per agreement year (for a one-off: the one amount); unknown when not stated.
    pub amount: Known<Sek>,
    /// Applies from this date (a change from a given date); from the start when `None`.
    pub from: Option<NaiveDate>,
    /// Applies until this date inclusive; to the end when `None`.
    pub until: Option<NaiveDate>,
    /// Where the amount is stated.
    pub source: Option<SourceRef>,
}

/// The kind of a funding component.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
        /// Whether it is met; unknown when the source does not say.
        met: Known<bool>,
    },
    /// A single amount paid once, in the agreement year that contains `on`.
    OneOff {
        /// When it is paid.
        on: Known<NaiveDate>,
    },
}

/// Indexation of the recurring amounts (*uppräkning*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
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

/// The split between payers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Split {
    /// Each payer pays a share; the shares make one whole.
    Share {
        /// The payers and their shares.
        payers: Vec<SharePayer>,
    },
    /// Each payer pays a fixed amount a year; the amounts add up to the yearly amount. When the
    /// yearly amount differs (a condition met, indexation), it is divided in proportion to them.
    Amount {
        /// The payers and their amounts.
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

    /// Each payer's share of the whole, for display (fixed amounts as their fraction of their sum).
    pub fn shares_sv(&self) -> Vec<String> {
        match self {
            Split::Share { payers } => payers.iter().map(|p| p.share.percent_sv()).collect(),
            Split::Amount { payers } => payers.iter().map(|p| p.amount.to_string()).collect(),
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

/// When the money is paid (*utbetalning*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentSchedule {
    /// When in each agreement year.
    pub timing: PaymentTiming,
    /// Whether the organisation must invoice (*fakturera*).
    pub on_invoice: bool,
    /// Documents that go with the invoice.
    pub documents: Vec<String>,
    /// Where the schedule is stated.
    pub source: Option<SourceRef>,
}

/// When in each agreement year the money is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// One payment of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Payment {
    /// The agreement year it belongs to (first day, last day).
    pub agreement_year: (NaiveDate, NaiveDate),
    /// Earliest and latest day it is due; unknown when the source gives no dates.
    pub window: Known<(NaiveDate, NaiveDate)>,
    /// The amount.
    pub amount: Known<Sek>,
    /// What each payer pays of it.
    pub per_payer: Vec<(String, Known<Sek>)>,
}

impl Payment {
    /// The latest day it is due.
    pub fn due(&self) -> Known<NaiveDate> {
        self.window.map(|w| w.1)
    }
}

/// The agreement years are anchored here: the start, or the day after the first period's end.
pub fn anchor(agreement: &Agreement) -> Option<NaiveDate> {
    match agreement.term.start {
        Known::Known(s) => Some(s),
        Known::Unknown => agreement.term.first_period()?.end.succ_opt(),
    }
}

/// The agreement year (first and last day) containing `date`.
pub fn agreement_year_containing(
    anchor: NaiveDate,
    date: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let at = |k: i64| -> Option<NaiveDate> {
        let months = u32::try_from(k.unsigned_abs().checked_mul(12)?).ok()?;
        if k >= 0 {
            dates::add_months(anchor, months)
        } else {
            dates::sub_months(anchor, months)
        }
    };
    let mut k = i64::from(date.year()) - i64::from(anchor.year());
    let mut start = at(k)?;
    while start > date {
        k -= 1;
        start = at(k)?;
    }
    loop {
        let next = at(k + 1)?;
        if next > date {
            return Some((start, dates::day_before(next)?));
        }
        k += 1;
        start = next;
    }
}

impl Indexation {
    /// The factor for an agreement year starting in calendar year `year`.
    pub fn factor(&self, year: i32) -> Known<Decimal> {
        match self {
            Indexation::FixedPercent { percent, base_year } => {
                let n = year.saturating_sub(*base_year);
                if n <= 0 {
                    return Known::Known(Decimal::ONE);
                }
                let step = Decimal::ONE + *percent / Decimal::ONE_HUNDRED;
                let mut f = Decimal::ONE;
                for _ in 0..n.min(500) {
                    match f.checked_mul(step) {
                        Some(next) => f = next,
                        None => return Known::Unknown,
                    }
                }
                Known::Known(f)
            }
            Indexation::Series {
                base_year,
                lag_years,
                values,
                ..
            } => {
                let Some(idx_year) = year.checked_sub_unsigned(*lag_years) else {
                    return Known::Unknown;
                };
                if idx_year <= *base_year {
                    return Known::Known(Decimal::ONE);
                }
                match (values.get(&idx_year), values.get(base_year)) {
                    (Some(v), Some(b)) if !b.is_zero() => v.checked_div(*b).into(),
                    _ => Known::Unknown,
                }
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
/// as one counted amount, date or index is unknown.
pub fn amount_between(
    funding: &Funding,
    year: (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
    conditions: Conditions,
) -> Known<Sek> {
    let year_days = Decimal::from(dates::days_inclusive(year.0, year.1).max(1));
    let factor = match &funding.indexation {
        Some(ix) => ix.factor(year.0.year()),
        None => Known::Known(Decimal::ONE),
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
                    c.amount.zip(factor).and_then(|(amount, f)| {
                        let exact = amount
                            .value()
                            .checked_mul(f)
                            .and_then(|x| x.checked_mul(Decimal::from(days)))
                            .and_then(|x| x.checked_div(year_days));
                        exact.and_then(|x| Sek::rounded(round_ore(x))).into()
                    })
                }
            }
        };
        match part.and_then(|p| total.checked_add(p).into()) {
            Known::Known(t) => total = t,
            Known::Unknown => return Known::Unknown,
        }
    }
    Known::Known(total)
}

/// The agreement year whose amount stands for the agreement on `date`: the year containing
/// `date`, kept within the term (the first year before the start, the last after the end).
pub fn reference_year(agreement: &Agreement, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let anchor = anchor(agreement)?;
    let mut d = date;
    if let Known::Known(s) = agreement.term.start {
        d = d.max(s);
    }
    if let Some(p) = agreement.term.period_for(date) {
        d = d.min(p.end);
    }
    agreement_year_containing(anchor, d)
}

/// The amount for the agreement year standing for the agreement on `date` (see
/// [`reference_year`]), with conditional money counted per `conditions`.
///
/// ```
/// use iop_core::{funding::{annual_amount, Conditions}, presets, Known, Sek};
/// let v = presets::vallentuna();
/// let on = presets::date(2026, 11, 22);
/// assert_eq!(annual_amount(&v, on, Conditions::AsRecorded).value, Known::Known(Sek::kronor(50_000)));
/// assert_eq!(annual_amount(&v, on, Conditions::AllMet).value, Known::Known(Sek::kronor(75_000)));
/// ```
pub fn annual_amount(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Figure<Sek> {
    let Some(year) = reference_year(agreement, date) else {
        return Figure::unknown(Explanation::new(
            "Avtalsåret kan inte bestämmas: start och slut är okända.",
            "The agreement year cannot be determined: start and end are unknown.",
        ));
    };
    let value = amount_between(&agreement.funding, year, year.0, year.1, conditions);
    let parts: Vec<String> = agreement
        .funding
        .components
        .iter()
        .map(|c| {
            let amount = c.amount.map_or_unknown_sv();
            let note = match &c.kind {
                ComponentKind::Conditional { met, .. } => match (conditions, met) {
                    (Conditions::AllMet, _) | (_, Known::Known(true)) => " (villkor uppfyllt)",
                    (_, Known::Known(false)) => " (villkor ej uppfyllt, räknas inte)",
                    (_, Known::Unknown) => " (villkorat, räknas inte förrän villkoret är uppfyllt)",
                },
                _ => "",
            };
            format!("{}: {amount}{note}", c.label)
        })
        .collect();
    let sv = format!(
        "Avtalsår {} – {}: {}{}.",
        year.0,
        year.1,
        parts.join(" + "),
        match &value {
            Known::Known(v) => format!(" = {v}"),
            Known::Unknown => " = okänt".into(),
        }
    );
    let en = format!(
        "Agreement year {} – {}: sum of {} component(s){}; conditional money counts only when its condition is met{}.",
        year.0,
        year.1,
        parts.len(),
        match &value {
            Known::Known(v) => format!(" = {}", v.to_plain()),
            Known::Unknown => " = unknown".into(),
        },
        if conditions == Conditions::AllMet { " (all assumed met)" } else { "" }
    );
    Figure {
        value,
        explanation: Explanation::new(sv, en),
    }
}

trait UnknownSv {
    fn map_or_unknown_sv(&self) -> String;
}

impl UnknownSv for Known<Sek> {
    fn map_or_unknown_sv(&self) -> String {
        match self {
            Known::Known(v) => v.to_string(),
            Known::Unknown => "okänt belopp".into(),
        }
    }
}

/// The agreement years of a period, each cut to the period (first day, last day, and the full
/// agreement year it belongs to). Empty when the period's start is unknown.
pub fn years_of_period(
    anchor: NaiveDate,
    period: &Period,
) -> Vec<((NaiveDate, NaiveDate), NaiveDate, NaiveDate)> {
    let Known::Known(start) = period.start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = start;
    while d <= period.end && out.len() < 1000 {
        let Some(year) = agreement_year_containing(anchor, d) else {
            break;
        };
        out.push((year, d, year.1.min(period.end)));
        match year.1.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    out
}

/// The total committed for the period running on `date` (or the next period before the start,
/// the last one after the end), as recorded (conditional money only when met).
///
/// ```
/// use iop_core::{presets, Known, Sek, funding::total_for_period_on};
/// let k = presets::kalmar_2022_2024();
/// assert_eq!(total_for_period_on(&k, presets::date(2026, 11, 22)).value, Known::Known(Sek::kronor(3_000_000)));
/// ```
pub fn total_for_period_on(agreement: &Agreement, date: NaiveDate) -> Figure<Sek> {
    total_for_period_with(agreement, date, Conditions::AsRecorded)
}

/// [`total_for_period_on`] with a choice of [`Conditions`].
pub fn total_for_period_with(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Figure<Sek> {
    let (Some(anchor), Some(period)) = (anchor(agreement), agreement.term.period_for(date)) else {
        return Figure::unknown(Explanation::new(
            "Periodens slut är okänt (eller avtalet löper tills vidare), så totalen är okänd.",
            "The end of the period is unknown (or the agreement is open-ended), so the total is unknown.",
        ));
    };
    if !period.start.is_known() {
        return Figure::unknown(Explanation::new(
            format!(
                "Periodens start är okänd (slut {}), så totalen är okänd.",
                period.end
            ),
            format!(
                "The period's start is unknown (end {}), so the total is unknown.",
                period.end
            ),
        ));
    }
    let years = years_of_period(anchor, &period);
    let mut total = Known::Known(Sek::ZERO);
    let mut terms = Vec::new();
    for (year, a, b) in &years {
        let part = amount_between(&agreement.funding, *year, *a, *b, conditions);
        terms.push(match part {
            Known::Known(p) => p.to_string(),
            Known::Unknown => "okänt".into(),
        });
        total = total.zip(part).and_then(|(t, p)| t.checked_add(p).into());
    }
    let start = period.start.value().copied().unwrap_or(period.end);
    Figure {
        value: total,
        explanation: Explanation::new(
            format!(
                "Perioden {start} – {}: {} avtalsår, {}{}.",
                period.end,
                years.len(),
                terms.join(" + "),
                match total {
                    Known::Known(t) => format!(" = {t}"),
                    Known::Unknown => " = okänt".into(),
                }
            ),
            format!(
                "Period {start} – {}: the sum over {} agreement year(s){}.",
                period.end,
                years.len(),
                match total {
                    Known::Known(t) => format!(" = {}", t.to_plain()),
                    Known::Unknown => ", unknown because a yearly amount is unknown".into(),
                }
            ),
        ),
    }
}

/// The payment windows of one agreement year cut to `from..=to`, with the part of the year's
/// amount each one carries (equal parts, exact to the öre).
fn windows(
    timing: PaymentTiming,
    year: (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
) -> Known<Vec<(NaiveDate, NaiveDate)>> {
    match timing {
        PaymentTiming::Unknown => Known::Unknown,
        PaymentTiming::Quarter { quarter } => {
            for y in from.year()..from.year().saturating_add(3) {
                if let Some((qs, qe)) = dates::quarter(y, quarter) {
                    if qe >= from {
                        return if qs.max(from) <= to {
                            Known::Known(vec![(qs.max(from), qe.min(to).max(qs.max(from)))])
                        } else {
                            Known::Known(vec![])
                        };
                    }
                }
            }
            Known::Known(vec![])
        }
        PaymentTiming::Yearly { month, day } => {
            for y in from.year()..from.year().saturating_add(3) {
                let first = NaiveDate::from_ymd_opt(y, month.clamp(1, 12), 1);
                let d = first.and_then(|f| {
                    dates::add_days(f, u64::from(day.clamp(1, 31) - 1))
                        .filter(|d| d.month() == f.month())
                        .or_else(|| dates::period_end_of_month(f))
                });
                if let Some(d) = d {
                    if d >= from {
                        return Known::Known(if d <= to { vec![(d, d)] } else { vec![] });
                    }
                }
            }
            Known::Known(vec![])
        }
        PaymentTiming::Quarterly => {
            let mut out = Vec::new();
            for k in 0..4u32 {
                if let Some(d) = dates::add_months(year.0, 3 * k) {
                    if (from..=to).contains(&d) {
                        out.push((d, d));
                    }
                }
            }
            Known::Known(out)
        }
    }
}

/// The payments of a period: for each agreement year in it, the payments the timing gives, the
/// year's amount (pro rata for a cut year) divided equally between them and then between the
/// payers, each exact to the öre. A part-year that holds none of the timing's dates gets one
/// payment due within the part. So the payments of a period always add up to its total.
pub fn payments_in_period(
    agreement: &Agreement,
    period: &Period,
    conditions: Conditions,
) -> Vec<Payment> {
    let Some(anchor) = anchor(agreement) else {
        return Vec::new();
    };
    let funding = &agreement.funding;
    let mut out = Vec::new();
    for (year, a, b) in years_of_period(anchor, period) {
        let amount = amount_between(funding, year, a, b, conditions);
        match windows(funding.payments.timing, year, a, b) {
            Known::Unknown => out.push(Payment {
                agreement_year: year,
                window: Known::Unknown,
                amount,
                per_payer: per_payer(&funding.split, amount),
            }),
            Known::Known(ws) => {
                // A part-year that holds none of the timing's dates is still paid: within the part.
                let ws = if ws.is_empty() { vec![(a, b)] } else { ws };
                let parts: Vec<Known<Sek>> = match amount {
                    Known::Known(total) => match allocate_by_weights(total, &vec![1; ws.len()]) {
                        Some(p) => p.into_iter().map(Known::Known).collect(),
                        None => vec![Known::Unknown; ws.len()],
                    },
                    Known::Unknown => vec![Known::Unknown; ws.len()],
                };
                for (w, part) in ws.into_iter().zip(parts) {
                    out.push(Payment {
                        agreement_year: year,
                        window: Known::Known(w),
                        amount: part,
                        per_payer: per_payer(&funding.split, part),
                    });
                }
            }
        }
    }
    out
}

pub(crate) fn per_payer(split: &Split, amount: Known<Sek>) -> Vec<(String, Known<Sek>)> {
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

/// Each payer's part of the amount for the agreement year standing for `date`.
///
/// ```
/// use iop_core::{funding::per_payer_annual, presets, Known, Sek};
/// let parts = per_payer_annual(&presets::kalmar_2025_2027(), presets::date(2025, 6, 1));
/// assert_eq!(parts[0].1, Known::Known(Sek::kronor(500_000)));
/// assert_eq!(parts[1].1, Known::Known(Sek::kronor(500_000)));
/// ```
pub fn per_payer_annual(agreement: &Agreement, date: NaiveDate) -> Vec<(String, Known<Sek>)> {
    let amount = annual_amount(agreement, date, Conditions::AsRecorded).value;
    per_payer(&agreement.funding.split, amount)
}

/// All payments from the first period through the period standing for `date`.
pub fn payments_through(
    agreement: &Agreement,
    date: NaiveDate,
    conditions: Conditions,
) -> Vec<Payment> {
    let mut out = Vec::new();
    let Some(mut p) = agreement.term.first_period() else {
        return out;
    };
    let last = agreement.term.period_for(date).map_or(0, |p| p.index);
    loop {
        out.extend(payments_in_period(agreement, &p, conditions));
        if p.index >= last {
            break;
        }
        match agreement.term.next_period(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    out
}

/// Money per calendar year from the first period through the period standing for `date`:
/// for each calendar year, the parts of the agreement years that fall in it (pro rata, see the
/// module's rules). Years whose money is unknown are unknown; an unknown start gives no years
/// before the first known period.
///
/// ```
/// use iop_core::{funding::calendar_year_amounts, presets, Known, Sek};
/// let v = calendar_year_amounts(&presets::kalmar_2025_2027(), presets::date(2025, 1, 1));
/// assert_eq!(v, vec![(2025, Known::Known(Sek::kronor(1_000_000))),
///                    (2026, Known::Known(Sek::kronor(1_000_000))),
///                    (2027, Known::Known(Sek::kronor(1_000_000)))]);
/// ```
pub fn calendar_year_amounts(agreement: &Agreement, date: NaiveDate) -> Vec<(i32, Known<Sek>)> {
    let mut by_year: BTreeMap<i32, Known<Sek>> = BTreeMap::new();
    let (Some(anchor), Some(mut p)) = (anchor(agreement), agreement.term.first_period()) else {
        return Vec::new();
    };
    let last = agreement.term.period_for(date).map_or(0, |p| p.index);
    loop {
        for (year, a, b) in years_of_period(anchor, &p) {
            // Split the cut agreement year at calendar-year boundaries.
            let mut from = a;
            while from <= b {
                let dec31 = NaiveDate::from_ymd_opt(from.year(), 12, 31).unwrap_or(b);
                let to = dec31.min(b);
                let part =
                    amount_between(&agreement.funding, year, from, to, Conditions::AsRecorded);
                let entry = by_year
                    .entry(from.year())
                    .or_insert(Known::Known(Sek::ZERO));
                *entry = entry.zip(part).and_then(|(x, y)| x.checked_add(y).into());
                match to.succ_opt() {
                    Some(n) => from = n,
                    None => break,
                }
            }
        }
        if p.index >= last || by_year.len() > 200 {
            break;
        }
        match agreement.term.next_period(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    by_year.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{date, kalmar_2022_2024, kalmar_2025_2027, vallentuna};

    #[test]
    fn kalmar_2025_pays_three_times_in_the_first_quarter() {
        let k = kalmar_2025_2027();
        let p = k.term.first_period().unwrap();
        let pays = payments_in_period(&k, &p, Conditions::AsRecorded);
        assert_eq!(pays.len(), 3);
        for (i, pay) in pays.iter().enumerate() {
            let y = 2025 + i as i32;
            assert_eq!(pay.window, Known::Known((date(y, 1, 1), date(y, 3, 31))));
            assert_eq!(pay.amount, Known::Known(Sek::kronor(1_000_000)));
            assert_eq!(pay.per_payer.len(), 2);
            assert!(pay
                .per_payer
                .iter()
                .all(|(_, a)| *a == Known::Known(Sek::kronor(500_000))));
        }
    }

    #[test]
    fn a_change_from_a_date_counts_pro_rata() {
        let mut k = kalmar_2025_2027();
        // From 2026-07-01, 200 000 kr a year more: half of 2026 (184 of 365 days).
        k.funding.components.push(Component {
            label: "Höjning".into(),
            kind: ComponentKind::Base,
            amount: Known::Known(Sek::kronor(200_000)),
            from: Some(date(2026, 7, 1)),
            until: None,
            source: None,
        });
        let a = annual_amount(&k, date(2026, 1, 1), Conditions::AsRecorded).value;
        // 200000 × 184 / 365 = 100821.917… → 100 821,92
        assert_eq!(a, Known::Known(Sek::parse("1100821.92").unwrap()));
        let a27 = annual_amount(&k, date(2027, 1, 1), Conditions::AsRecorded).value;
        assert_eq!(a27, Known::Known(Sek::kronor(1_200_000)));
    }

    #[test]
    fn indexation_fixed_and_series() {
        let mut k = kalmar_2025_2027();
        k.funding.indexation = Some(Indexation::FixedPercent {
            percent: Decimal::new(25, 1),
            base_year: 2025,
        });
        let a = |k: &Agreement, y| annual_amount(k, date(y, 1, 1), Conditions::AsRecorded).value;
        assert_eq!(a(&k, 2025), Known::Known(Sek::kronor(1_000_000)));
        assert_eq!(a(&k, 2026), Known::Known(Sek::kronor(1_025_000)));
        assert_eq!(a(&k, 2027), Known::Known(Sek::parse("1050625").unwrap()));
        let mut values = BTreeMap::new();
        values.insert(2024, Decimal::new(1000, 1));
        values.insert(2025, Decimal::new(1031, 1));
        k.funding.indexation = Some(Indexation::Series {
            name: "PKV".into(),
            base_year: 2024,
            lag_years: 1,
            values,
        });
        assert_eq!(a(&k, 2025), Known::Known(Sek::kronor(1_000_000)));
        assert_eq!(a(&k, 2026), Known::Known(Sek::kronor(1_031_000)));
        // 2027 needs the 2026 index, which is not given: unknown, not a smaller number.
        assert_eq!(a(&k, 2027), Known::Unknown);
    }

    #[test]
    fn agreement_years_follow_the_start() {
        let v = vallentuna();
        let anchor = anchor(&v).unwrap();
        assert_eq!(
            agreement_year_containing(anchor, date(2026, 11, 22)),
            Some((date(2026, 7, 1), date(2027, 6, 30)))
        );
        assert_eq!(
            agreement_year_containing(anchor, date(2021, 6, 30)),
            Some((date(2020, 7, 1), date(2021, 6, 30)))
        );
    }

    #[test]
    fn replaced_foreningsbidrag_adds_to_the_base() {
        let k = kalmar_2022_2024();
        assert_eq!(
            annual_amount(&k, date(2023, 1, 1), Conditions::AsRecorded).value,
            Known::Known(Sek::kronor(1_000_000))
        );
    }
}
