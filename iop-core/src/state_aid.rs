//! State aid: the money to each organisation over any three consecutive fiscal years against
//! the EU de minimis ceilings, at an exchange rate the user gives.
//!
//! **Which agreements count.** Each grant once ([`counted`]): a what-if variant (a copy being
//! edited, or terms applied to another kommun: `derived_from`) stands in place of the agreement
//! it derives from, never beside it, so copying an agreement does not double its money.
//!
//! Rule: per organisation (identified by organisationsnummer, or by name when that is unknown),
//! and per public party and organisation, the money of every agreement per calendar year (the
//! fiscal year of Swedish kommuner), with every condition counted as met (the most it can be),
//! through the period running on the chosen date. Every window of three consecutive years is
//! summed; the largest is compared with 300 000 EUR (general de minimis, regulation 2023/2831) and
//! 750 000 EUR (services of general economic interest, regulation 2023/2832). A year with unknown
//! money makes its windows unknown. Kronor are converted at the given rate and rounded to the
//! euro cent, half away from zero. This informs; it is not legal advice, and says so.

use crate::agreement::Agreement;
use crate::amounts::calendar_year_amounts;
use crate::explain::Bilingual;
use crate::known::Known;
use crate::money::{format_decimal_sv, Sek};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The general de minimis ceiling over three fiscal years, in euro.
pub const GENERAL_EUR: Decimal = Decimal::from_parts(300_000, 0, 0, false, 0);
/// The de minimis ceiling for services of general economic interest (SGEI), in euro.
pub const SGEI_EUR: Decimal = Decimal::from_parts(750_000, 0, 0, false, 0);

/// The plain statement that this is not legal advice.
pub const DISCLAIMER_SV: &str = "Detta är information, inte juridisk rådgivning. Stöd från andra givare och andra stödformer räknas inte med.";
/// The same in English.
pub const DISCLAIMER_EN: &str = "This is information, not legal advice. Aid from other grantors and other forms of aid is not counted.";

/// Below, above or unknown against a ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At or below the ceiling.
    Below,
    /// Above the ceiling.
    Above,
    /// Some money is unknown.
    Unknown,
}

impl Verdict {
    /// A stable key for files and pages: `below`, `above`, `unknown`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Below => "below",
            Verdict::Above => "above",
            Verdict::Unknown => "unknown",
        }
    }
}

/// Kronor per euro (*växelkurs*): a positive decimal with as many decimals as the bank gives
/// (11,4565), not an amount of money rounded to the öre.
///
/// ```
/// use iop_core::state_aid::ExchangeRate;
/// use rust_decimal::Decimal;
/// assert_eq!(ExchangeRate::parse_user("11,4565").unwrap().value(), Decimal::new(114565, 4));
/// assert_eq!(ExchangeRate::parse_user(" 11.50 kr ").unwrap().value(), Decimal::new(1150, 2));
/// assert!(ExchangeRate::parse_user("0").is_err());
/// assert!(ExchangeRate::parse_user("elva").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExchangeRate(Decimal);

/// Why a text is not an exchange rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateError {
    /// Not a decimal number.
    NotANumber(String),
    /// Zero or negative.
    NotPositive(String),
}

impl Bilingual for RateError {
    fn sv(&self) -> String {
        match self {
            RateError::NotANumber(s) => {
                format!("\"{s}\" är inte en växelkurs: skriv kronor per euro, t.ex. 11,4565")
            }
            RateError::NotPositive(s) => format!("\"{s}\" är inte en positiv växelkurs"),
        }
    }

    fn en(&self) -> String {
        match self {
            RateError::NotANumber(s) => {
                format!("\"{s}\" is not an exchange rate: write kronor per euro, e.g. 11.4565")
            }
            RateError::NotPositive(s) => format!("\"{s}\" is not a positive exchange rate"),
        }
    }
}

impl std::fmt::Display for RateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for RateError {}

impl ExchangeRate {
    /// A rate from a decimal; an error unless it is above zero.
    pub fn new(value: Decimal) -> Result<ExchangeRate, RateError> {
        if value.is_sign_negative() || value.is_zero() {
            return Err(RateError::NotPositive(value.to_string()));
        }
        Ok(ExchangeRate(value))
    }

    /// Parses what a person types: a decimal comma or point, spaces, an optional `kr` or `SEK`
    /// (`"11,4565"`, `"11.50 kr"`).
    pub fn parse_user(text: &str) -> Result<ExchangeRate, RateError> {
        let short: String = text.trim().chars().take(40).collect();
        let t = text.trim();
        let t = t
            .strip_suffix("kr")
            .or_else(|| t.strip_suffix("SEK"))
            .unwrap_or(t);
        let cleaned: String = t
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        let value =
            Decimal::from_str_exact(&cleaned).map_err(|_| RateError::NotANumber(short.clone()))?;
        ExchangeRate::new(value).map_err(|_| RateError::NotPositive(short))
    }

    /// The rate as a decimal.
    pub fn value(self) -> Decimal {
        self.0
    }
}

/// The result for one organisation, from one public party or from all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateAidRow {
    /// The organisation.
    pub organisation: String,
    /// What identifies it: its organisationsnummer, or its name in lower case when that is
    /// unknown.
    pub organisation_key: String,
    /// The agreements counted (ids).
    pub counted: Vec<String>,
    /// Agreements of the same organisation left out because a variant of theirs stands in
    /// their place, or they stand in place of one (ids).
    pub set_aside: Vec<String>,
    /// The public party, or `None` for all public parties together.
    pub public_party: Option<String>,
    /// The three-year window with the largest known sum (first and last year).
    pub window: Option<(i32, i32)>,
    /// Its sum in kronor (unknown when a year in some window is unknown and no known window is above).
    pub sum_sek: Known<Sek>,
    /// The same in euro at the given rate.
    pub sum_eur: Known<Decimal>,
    /// Against 300 000 EUR.
    pub general: Verdict,
    /// Against 750 000 EUR.
    pub sgei: Verdict,
    /// The arithmetic, in Swedish.
    pub statement_sv: String,
    /// The arithmetic, in English.
    pub statement_en: String,
}

fn org_key(a: &Agreement) -> Vec<(String, String)> {
    a.organisations
        .iter()
        .map(|o| match o.org_number {
            Known::Known(n) => (n.to_string(), o.name.clone()),
            Known::Unknown => (o.name.to_lowercase(), o.name.clone()),
        })
        .collect()
}

fn verdict(sum: Known<Decimal>, any_unknown: bool, ceiling: Decimal) -> Verdict {
    match sum {
        Known::Known(s) if s > ceiling => Verdict::Above,
        Known::Known(_) if !any_unknown => Verdict::Below,
        _ => Verdict::Unknown,
    }
}

/// The organisation a row is about, and what was left out of its sums.
struct Who<'a> {
    name: &'a str,
    key: &'a str,
    set_aside: &'a [String],
}

fn row(
    who: &Who,
    public_party: Option<&str>,
    agreements: &[&Agreement],
    rate: ExchangeRate,
    at: NaiveDate,
) -> StateAidRow {
    let organisation = who.name;
    let counted: Vec<String> = agreements.iter().map(|a| a.id.clone()).collect();
    let (set_aside_note, set_aside_en) = if who.set_aside.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(
                " Varianter räknas i stället för sina original, inte bredvid dem; utelämnade: {}.",
                who.set_aside.join(", ")
            ),
            format!(
                " Variants count instead of their originals, not beside them; left out: {}.",
                who.set_aside.join(", ")
            ),
        )
    };
    let mut years: BTreeMap<i32, Known<Sek>> = BTreeMap::new();
    // An agreement whose first period has no known start has years of unknown money before
    // its known periods.
    let mut any_unknown = agreements
        .iter()
        .any(|a| a.term.first_period().is_none_or(|p| !p.start.is_known()));
    for a in agreements {
        for (y, v) in calendar_year_amounts_all_met(a, at) {
            let e = years.entry(y).or_insert(Known::Known(Sek::ZERO));
            *e = e.plus(v);
        }
    }
    let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
        let v = if any_unknown {
            Verdict::Unknown
        } else {
            Verdict::Below
        };
        let (sum_sek, sum_eur) = if any_unknown {
            (Known::Unknown, Known::Unknown)
        } else {
            (Known::Known(Sek::ZERO), Known::Known(Decimal::ZERO))
        };
        return StateAidRow {
            organisation: organisation.into(),
            organisation_key: who.key.into(),
            counted,
            set_aside: who.set_aside.to_vec(),
            public_party: public_party.map(str::to_string),
            window: None,
            sum_sek,
            sum_eur,
            general: v,
            sgei: v,
            statement_sv: format!(
                "{organisation}: beloppen är {}. {DISCLAIMER_SV}",
                if any_unknown { "okända" } else { "0 kr" }
            ),
            statement_en: format!(
                "{organisation}: the amounts are {}. {DISCLAIMER_EN}",
                if any_unknown { "unknown" } else { "SEK 0" }
            ),
        };
    };
    let mut best: Option<((i32, i32), Sek)> = None;
    for start in first..=last.saturating_sub(2).max(first) {
        let mut sum = Known::Known(Sek::ZERO);
        for y in start..=start + 2 {
            let v = years.get(&y).copied().unwrap_or(Known::Known(Sek::ZERO));
            sum = sum.plus(v);
        }
        match sum {
            Known::Known(s) if best.is_none_or(|(_, b)| s > b) => {
                best = Some(((start, start + 2), s))
            }
            Known::Known(_) => {}
            Known::Unknown => any_unknown = true,
        }
    }
    let rate = rate.value();
    let (window, sum_sek) = match best {
        Some((w, s)) => (Some(w), Known::Known(s)),
        None => (None, Known::Unknown),
    };
    // A rate so small that the euro sum overflows gives an unknown sum, not a panic.
    let sum_eur = sum_sek.and_then(|s| {
        let eur = s.value().checked_div(rate);
        Known::from(
            eur.map(|e| e.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
        )
    });
    let general = verdict(sum_eur, any_unknown, GENERAL_EUR);
    let sgei = verdict(sum_eur, any_unknown, SGEI_EUR);
    let from = public_party.map_or("alla offentliga parter".to_string(), str::to_string);
    let eur = |d: Decimal| format!("{} EUR", format_decimal_sv(d, Some(2)));
    let word = |v: Verdict, c: Decimal| match v {
        Verdict::Below => format!("under taket {}", eur(c)),
        Verdict::Above => format!("ÖVER taket {}", eur(c)),
        Verdict::Unknown => format!("okänt mot taket {} (belopp saknas för något år)", eur(c)),
    };
    let statement_sv = match (window, sum_sek, sum_eur) {
        (Some((a, b)), Known::Known(s), Known::Known(e)) => format!(
            "{organisation}, stöd från {from}: högst under tre räkenskapsår i följd {a}–{b}: {s} / {} kr per EUR = {}; {} (allmänt de minimis) och {} (tjänster av allmänt ekonomiskt intresse).{set_aside_note} {DISCLAIMER_SV}",
            format_decimal_sv(rate, Some(rate.normalize().scale().max(2))),
            eur(e),
            word(general, GENERAL_EUR),
            word(sgei, SGEI_EUR)
        ),
        _ => format!("{organisation}, stöd från {from}: summan är okänd eftersom belopp saknas.{set_aside_note} {DISCLAIMER_SV}"),
    };
    let from_en = public_party.map_or("all public parties".to_string(), str::to_string);
    let eur_en = |d: Decimal| format!("EUR {}", d.round_dp(2));
    let word_en = |v: Verdict, c: Decimal| match v {
        Verdict::Below => format!("below the ceiling {}", eur_en(c)),
        Verdict::Above => format!("ABOVE the ceiling {}", eur_en(c)),
        Verdict::Unknown => format!(
            "unknown against the ceiling {} (an amount is missing for some year)",
            eur_en(c)
        ),
    };
    let statement_en = match (window, sum_sek, sum_eur) {
        (Some((a, b)), Known::Known(s), Known::Known(e)) => format!(
            "{organisation}, aid from {from_en}: at most over three consecutive fiscal years {a}–{b}: SEK {} / {} SEK per EUR = {}; {} (general de minimis) and {} (services of general economic interest).{set_aside_en} {DISCLAIMER_EN}",
            s.value(),
            rate.normalize(),
            eur_en(e),
            word_en(general, GENERAL_EUR),
            word_en(sgei, SGEI_EUR)
        ),
        _ => format!("{organisation}, aid from {from_en}: the sum is unknown because amounts are missing.{set_aside_en} {DISCLAIMER_EN}"),
    };
    StateAidRow {
        organisation: organisation.into(),
        organisation_key: who.key.into(),
        counted,
        set_aside: who.set_aside.to_vec(),
        public_party: public_party.map(str::to_string),
        window,
        sum_sek,
        sum_eur,
        general,
        sgei,
        statement_sv,
        statement_en,
    }
}

fn calendar_year_amounts_all_met(a: &Agreement, at: NaiveDate) -> Vec<(i32, Known<Sek>)> {
    // Conditions counted as met: state aid is about the most that can be paid.
    let mut all_met = a.clone();
    for c in &mut all_met.funding.components {
        if let crate::funding::ComponentKind::Conditional { met, .. } = &mut c.kind {
            *met = Known::Known(true);
        }
    }
    calendar_year_amounts(&all_met, at)
}

/// The agreements the check counts, in the order given: each grant once.
///
/// Rule: an agreement and its what-if variants (`derived_from`, followed through copies of
/// copies as far as the list holds them) are one grant. Of each grant, the agreement that comes
/// last in the list is counted, in place of the others: a variant is newer than what it was
/// made from, so the user's edited copy stands for the built-in agreement it copies. A variant
/// whose original is not in the list counts on its own. A draft (*utkast*, problems left to fix)
/// is never counted: the last variant that is not a draft stands for the grant.
///
/// ```
/// use iop_core::{presets, state_aid::counted, whatif::copy_of};
/// let k = presets::kalmar_2025_2027();
/// let all = vec![k.clone(), copy_of(&k, "kopia-1")];
/// let ids: Vec<&str> = counted(&all).iter().map(|a| a.id.as_str()).collect();
/// assert_eq!(ids, ["kopia-1"]);
///
/// let mut draft = copy_of(&k, "kopia-2");
/// draft.draft = true;
/// let all = vec![k.clone(), draft];
/// let ids: Vec<&str> = counted(&all).iter().map(|a| a.id.as_str()).collect();
/// assert_eq!(ids, ["kalmar-2025-2027"]);
/// ```
pub fn counted(agreements: &[Agreement]) -> Vec<&Agreement> {
    agreements
        .iter()
        .zip(counted_mask(agreements))
        .filter_map(|(a, keep)| keep.then_some(a))
        .collect()
}

/// For each agreement, whether [`counted`] counts it: the last of each grant.
fn counted_mask(agreements: &[Agreement]) -> Vec<bool> {
    let by_id: HashMap<&str, &Agreement> = agreements.iter().map(|a| (a.id.as_str(), a)).collect();
    let root = |a: &Agreement| -> String {
        let mut current = a;
        // Each step moves to another agreement of the list; a circle of variants stops here.
        for _ in 0..agreements.len() {
            match current.derived_from.as_deref().and_then(|p| by_id.get(p)) {
                Some(parent) => current = parent,
                None => break,
            }
        }
        current.id.clone()
    };
    let roots: Vec<String> = agreements.iter().map(root).collect();
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, (r, a)) in roots.iter().zip(agreements).enumerate() {
        if !a.draft {
            last.insert(r.as_str(), i);
        }
    }
    roots
        .iter()
        .enumerate()
        .map(|(i, r)| last.get(r.as_str()) == Some(&i))
        .collect()
}

/// The de minimis check for every organisation: first all public parties together, then each
/// public party and organisation, counting the agreements that [`counted`] gives.
///
/// ```
/// use iop_core::{presets, state_aid::{check, ExchangeRate, Verdict}};
/// use rust_decimal::Decimal;
/// let rate = ExchangeRate::parse_user("11,50").unwrap();
/// let rows = check(&[presets::kalmar_2025_2027()], rate, presets::date(2025, 1, 1));
/// // 3 000 000 kr / 11,50 = 260 869,57 EUR: below 300 000 EUR.
/// assert_eq!(rows[0].sum_eur.value().copied(), Some(Decimal::new(26086957, 2)));
/// assert_eq!(rows[0].general, Verdict::Below);
/// assert!(rows[0].statement_sv.contains("inte juridisk rådgivning"));
/// ```
pub fn check(agreements: &[Agreement], rate: ExchangeRate, at: NaiveDate) -> Vec<StateAidRow> {
    let mask = counted_mask(agreements);
    let mut by_org: BTreeMap<String, (String, Vec<&Agreement>, Vec<String>)> = BTreeMap::new();
    for (a, is_counted) in agreements.iter().zip(mask) {
        for (key, name) in org_key(a) {
            let entry = by_org
                .entry(key)
                .or_insert_with(|| (name, Vec::new(), Vec::new()));
            if is_counted {
                entry.1.push(a);
            } else {
                entry.2.push(a.id.clone());
            }
        }
    }
    let mut out = Vec::new();
    for (key, (name, list, set_aside)) in &by_org {
        let who = Who {
            name,
            key,
            set_aside,
        };
        out.push(row(&who, None, list, rate, at));
        let mut parties: BTreeMap<String, Vec<&Agreement>> = BTreeMap::new();
        for a in list {
            for p in &a.public_parties {
                parties.entry(p.name.clone()).or_default().push(a);
            }
        }
        if parties.len() > 1 {
            for (p, l) in &parties {
                out.push(row(&who, Some(p), l, rate, at));
            }
        }
    }
    out
}

/// The rows of [`check`] about the organisations of the agreement `id` (matched by
/// organisationsnummer, or by name when that is unknown), for showing the check next to one
/// agreement. Empty when no agreement has that id.
///
/// ```
/// use iop_core::{presets, state_aid::{check_for, ExchangeRate}};
/// let rate = ExchangeRate::parse_user("11,4565").unwrap();
/// let rows = check_for(&presets::all(), "vallentuna-2021", rate, presets::date(2026, 11, 22));
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].organisation, "Kvinnojouren i Vallentuna");
/// ```
pub fn check_for(
    agreements: &[Agreement],
    id: &str,
    rate: ExchangeRate,
    at: NaiveDate,
) -> Vec<StateAidRow> {
    let Some(a) = agreements.iter().find(|a| a.id == id) else {
        return Vec::new();
    };
    let keys: Vec<String> = org_key(a).into_iter().map(|(k, _)| k).collect();
    check(agreements, rate, at)
        .into_iter()
        .filter(|r| keys.contains(&r.organisation_key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{self, date};
    use crate::whatif::copy_of;

    fn rate(m: i64, scale: u32) -> ExchangeRate {
        ExchangeRate::new(Decimal::new(m, scale)).unwrap()
    }

    #[test]
    fn a_copy_is_a_variant_not_a_second_grant() {
        let k = presets::kalmar_2025_2027();
        let mut copy = copy_of(&k, "kopia-1");
        copy.funding.components[0].amount = Known::Known(Sek::kronor(1_100_000));
        let rows = check(&[k.clone(), copy.clone()], rate(1150, 2), date(2025, 1, 1));
        assert_eq!(rows.len(), 1);
        // The copy (3 300 000 kr over 2025–2027) in place of the original, not 6 300 000 kr.
        assert_eq!(rows[0].sum_sek, Known::Known(Sek::kronor(3_300_000)));
        assert_eq!(rows[0].counted, ["kopia-1"]);
        assert_eq!(rows[0].set_aside, ["kalmar-2025-2027"]);
        assert_eq!(rows[0].general, Verdict::Below);
        assert!(rows[0]
            .statement_sv
            .contains("utelämnade: kalmar-2025-2027"));
        // A copy of the copy is still the same grant.
        let second = copy_of(&copy, "kopia-2");
        let rows = check(&[k.clone(), copy, second], rate(1150, 2), date(2025, 1, 1));
        assert_eq!(rows[0].sum_sek, Known::Known(Sek::kronor(3_300_000)));
        assert_eq!(rows[0].counted, ["kopia-2"]);
        // Two agreements in their own right both count.
        let mut other = k.clone();
        other.id = "kalmar-extra".into();
        let rows = check(&[k, other], rate(1150, 2), date(2025, 1, 1));
        assert_eq!(rows[0].sum_sek, Known::Known(Sek::kronor(6_000_000)));
    }

    #[test]
    fn a_real_exchange_rate_is_read_with_all_its_decimals() {
        let r = ExchangeRate::parse_user("11,4565").unwrap();
        assert_eq!(r.value(), Decimal::new(114565, 4));
        let rows = check(&[presets::kalmar_2025_2027()], r, date(2025, 1, 1));
        // 3 000 000 / 11,4565 = 261 860,079… → 261 860,08 EUR.
        assert_eq!(rows[0].sum_eur, Known::Known(Decimal::new(26186008, 2)));
        assert!(matches!(
            ExchangeRate::parse_user("-1"),
            Err(RateError::NotPositive(_))
        ));
        assert!(ExchangeRate::parse_user("1,2,3").is_err());
    }

    #[test]
    fn rows_for_one_agreement_match_by_organisation_number() {
        let k = presets::kalmar_2025_2027();
        let mut renamed = k.clone();
        renamed.id = "kalmar-x".into();
        renamed.organisations[0].name = "Annat namn".into();
        let rows = check_for(&[k, renamed], "kalmar-x", rate(1150, 2), date(2025, 1, 1));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].organisation_key, "832401-3807");
        assert_eq!(rows[0].counted.len(), 2);
    }

    #[test]
    fn above_the_general_ceiling_below_sgei() {
        let mut k = presets::kalmar_2025_2027();
        k.funding.components[0].amount = Known::Known(Sek::kronor(1_200_000));
        let rows = check(&[k], rate(1150, 2), date(2025, 1, 1));
        // 3 600 000 / 11,50 = 313 043,48 EUR.
        assert_eq!(rows[0].sum_eur, Known::Known(Decimal::new(31304348, 2)));
        assert_eq!(rows[0].general, Verdict::Above);
        assert_eq!(rows[0].sgei, Verdict::Below);
        assert!(rows[0].statement_sv.contains("ÖVER taket 300 000,00 EUR"));
    }

    #[test]
    fn absurd_rates_do_not_panic() {
        for r in [Decimal::new(1, 28), Decimal::MAX] {
            let rows = check(
                &[presets::kalmar_2025_2027()],
                ExchangeRate::new(r).unwrap(),
                date(2025, 1, 1),
            );
            assert_eq!(rows.len(), 1);
        }
        assert!(ExchangeRate::new(Decimal::ZERO).is_err());
        assert!(ExchangeRate::new(Decimal::new(-5, 0)).is_err());
    }

    #[test]
    fn unknown_money_is_not_called_below() {
        let rows = check(&[presets::linkoping()], rate(1150, 2), date(2019, 1, 1));
        assert_eq!(rows[0].general, Verdict::Unknown);
        assert_eq!(rows[0].sum_sek, Known::Unknown);
    }

    #[test]
    fn conditional_money_counts_as_met() {
        let rows = check(&[presets::vallentuna()], rate(1150, 2), date(2026, 11, 22));
        // Agreement years run July–June and are split into calendar years by days: 2024 gets
        // 75 000 × 182/366 + 75 000 × 184/365 = 75 103,30 kr, so 2024–2026 is the largest window:
        // 75 103,30 + 75 000 + 75 000 = 225 103,30 kr (tjejjour money counted as met).
        assert_eq!(rows[0].window, Some((2024, 2026)));
        assert_eq!(
            rows[0].sum_sek,
            Known::Known(Sek::parse("225103.30").unwrap())
        );
    }
}
