//! State aid: the money to each organisation over any three consecutive fiscal years against
//! the EU de minimis ceilings, at an exchange rate the user gives.
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
use crate::known::Known;
use crate::money::{format_decimal_sv, Sek};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::collections::BTreeMap;

/// The general de minimis ceiling over three fiscal years, in euro.
pub const GENERAL_EUR: Decimal = Decimal::from_parts(300_000, 0, 0, false, 0);
/// The de minimis ceiling for services of general economic interest (SGEI), in euro.
pub const SGEI_EUR: Decimal = Decimal::from_parts(750_000, 0, 0, false, 0);

/// The plain statement that this is not legal advice.
pub const DISCLAIMER_SV: &str = "Detta är information, inte juridisk rådgivning. Stöd från andra givare och andra stödformer räknas inte med.";

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

/// The result for one organisation, from one public party or from all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateAidRow {
    /// The organisation.
    pub organisation: String,
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

fn row(
    organisation: &str,
    public_party: Option<&str>,
    agreements: &[&Agreement],
    sek_per_eur: Decimal,
    at: NaiveDate,
) -> StateAidRow {
    let mut years: BTreeMap<i32, Known<Sek>> = BTreeMap::new();
    // An agreement whose first period has no known start has years of unknown money before
    // its known periods.
    let mut any_unknown = agreements
        .iter()
        .any(|a| a.term.first_period().is_none_or(|p| !p.start.is_known()));
    for a in agreements {
        for (y, v) in calendar_year_amounts_all_met(a, at) {
            let e = years.entry(y).or_insert(Known::Known(Sek::ZERO));
            *e = e.zip(v).and_then(|(x, y)| x.checked_add(y).into());
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
        };
    };
    let mut best: Option<((i32, i32), Sek)> = None;
    for start in first..=last.saturating_sub(2).max(first) {
        let mut sum = Known::Known(Sek::ZERO);
        for y in start..=start + 2 {
            let v = years.get(&y).copied().unwrap_or(Known::Known(Sek::ZERO));
            sum = sum.zip(v).and_then(|(a, b)| a.checked_add(b).into());
        }
        match sum {
            Known::Known(s) if best.is_none_or(|(_, b)| s > b) => {
                best = Some(((start, start + 2), s))
            }
            Known::Known(_) => {}
            Known::Unknown => any_unknown = true,
        }
    }
    let rate = if sek_per_eur > Decimal::ZERO {
        sek_per_eur
    } else {
        Decimal::ONE
    };
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
            "{organisation}, stöd från {from}: högst under tre räkenskapsår i följd {a}–{b}: {s} / {} kr per EUR = {}; {} (allmänt de minimis) och {} (tjänster av allmänt ekonomiskt intresse). {DISCLAIMER_SV}",
            format_decimal_sv(rate, None),
            eur(e),
            word(general, GENERAL_EUR),
            word(sgei, SGEI_EUR)
        ),
        _ => format!("{organisation}, stöd från {from}: summan är okänd eftersom belopp saknas. {DISCLAIMER_SV}"),
    };
    StateAidRow {
        organisation: organisation.into(),
        public_party: public_party.map(str::to_string),
        window,
        sum_sek,
        sum_eur,
        general,
        sgei,
        statement_sv,
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

/// The de minimis check for every organisation: first all public parties together, then each
/// public party and organisation. `sek_per_eur` is the rate the user gives (kronor per euro).
///
/// ```
/// use iop_core::{presets, state_aid::{check, Verdict}};
/// use rust_decimal::Decimal;
/// let rows = check(&[presets::kalmar_2025_2027()], Decimal::new(1150, 2), presets::date(2025, 1, 1));
/// // 3 000 000 kr / 11,50 = 260 869,57 EUR: below 300 000 EUR.
/// assert_eq!(rows[0].sum_eur.value().copied(), Some(Decimal::new(26086957, 2)));
/// assert_eq!(rows[0].general, Verdict::Below);
/// assert!(rows[0].statement_sv.contains("inte juridisk rådgivning"));
/// ```
pub fn check(agreements: &[Agreement], sek_per_eur: Decimal, at: NaiveDate) -> Vec<StateAidRow> {
    let mut by_org: BTreeMap<String, (String, Vec<&Agreement>)> = BTreeMap::new();
    for a in agreements {
        for (key, name) in org_key(a) {
            by_org
                .entry(key)
                .or_insert_with(|| (name, Vec::new()))
                .1
                .push(a);
        }
    }
    let mut out = Vec::new();
    for (name, list) in by_org.values() {
        out.push(row(name, None, list, sek_per_eur, at));
        let mut parties: BTreeMap<String, Vec<&Agreement>> = BTreeMap::new();
        for a in list {
            for p in &a.public_parties {
                parties.entry(p.name.clone()).or_default().push(a);
            }
        }
        if parties.len() > 1 {
            for (p, l) in &parties {
                out.push(row(name, Some(p), l, sek_per_eur, at));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{self, date};

    #[test]
    fn above_the_general_ceiling_below_sgei() {
        let mut k = presets::kalmar_2025_2027();
        k.funding.components[0].amount = Known::Known(Sek::kronor(1_200_000));
        let rows = check(&[k], Decimal::new(1150, 2), date(2025, 1, 1));
        // 3 600 000 / 11,50 = 313 043,48 EUR.
        assert_eq!(rows[0].sum_eur, Known::Known(Decimal::new(31304348, 2)));
        assert_eq!(rows[0].general, Verdict::Above);
        assert_eq!(rows[0].sgei, Verdict::Below);
        assert!(rows[0].statement_sv.contains("ÖVER taket 300 000,00 EUR"));
    }

    #[test]
    fn absurd_rates_do_not_panic() {
        for rate in [
            Decimal::new(1, 28),
            Decimal::ZERO,
            Decimal::new(-5, 0),
            Decimal::MAX,
        ] {
            let rows = check(&[presets::kalmar_2025_2027()], rate, date(2025, 1, 1));
            assert_eq!(rows.len(), 1);
        }
    }

    #[test]
    fn unknown_money_is_not_called_below() {
        let rows = check(
            &[presets::linkoping()],
            Decimal::new(1150, 2),
            date(2019, 1, 1),
        );
        assert_eq!(rows[0].general, Verdict::Unknown);
        assert_eq!(rows[0].sum_sek, Known::Unknown);
    }

    #[test]
    fn conditional_money_counts_as_met() {
        let rows = check(
            &[presets::vallentuna()],
            Decimal::new(1150, 2),
            date(2026, 11, 22),
        );
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
