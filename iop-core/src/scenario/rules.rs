//! The rules of an agreement (tier 2) and quality warnings (tier 3), for a scenario whose
//! structure is right.

use super::problem::{error, warning, Problem, Tier};
use super::Scenario;
use crate::agreement::Agreement;
use crate::funding::{ComponentKind, Indexation, PaymentTiming, Split};
use crate::known::Known;
use crate::money::Sek;
use crate::split::sums_to_whole;
use crate::term::{Renewal, TermEnd};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, HashSet};

fn far_future(d: NaiveDate) -> bool {
    d.year() > 2100
}

/// Tiers 2 and 3: the rules of an agreement, and quality warnings, for a scenario that has the
/// right structure.
///
/// ```
/// use iop_core::scenario::{validate, Scenario, Severity};
/// let mut s = Scenario::new("x", Default::default(), vec![iop_core::presets::kalmar_2025_2027()]);
/// s.agreements[0].term.end = iop_core::term::TermEnd::On(iop_core::presets::date(2024, 1, 1));
/// let problems = validate(&s);
/// assert!(problems.iter().any(|p| p.severity == Severity::Error && p.path == "$.agreements[0].term.end"));
/// ```
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (i, a) in scenario.agreements.iter().enumerate() {
        let p = format!("$.agreements[{i}]");
        if a.id.trim().is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.id"),
                "Avtalet saknar id.",
                "The agreement has no id.",
            ));
        } else if !ids.insert(a.id.as_str()) {
            out.push(error(
                Tier::Rules,
                format!("{p}.id"),
                format!("Id \"{}\" finns redan i filen.", a.id),
                format!("Id \"{}\" is used twice in the file.", a.id),
            ));
        }
        if a.name.trim().is_empty() {
            out.push(warning(
                format!("{p}.name"),
                "Avtalet saknar namn.",
                "The agreement has no name.",
            ));
        }
        if a.public_parties.is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.public_parties"),
                "Minst en offentlig part behövs.",
                "At least one public party is needed.",
            ));
        }
        if a.organisations.is_empty() {
            out.push(error(
                Tier::Rules,
                format!("{p}.organisations"),
                "Minst en idéburen organisation behövs.",
                "At least one non-profit organisation is needed.",
            ));
        }
        validate_term(a, &p, &mut out);
        validate_funding(a, &p, &mut out);
        let source_ids: HashSet<&str> = a.sources.iter().map(|s| s.id.as_str()).collect();
        for (j, c) in a.funding.components.iter().enumerate() {
            match &c.source {
                None => out.push(warning(
                    format!("{p}.funding.components[{j}].source"),
                    "Beloppet saknar källa.",
                    "The amount has no source.",
                )),
                Some(s) if !source_ids.contains(s.document.as_str()) => out.push(warning(
                    format!("{p}.funding.components[{j}].source.document"),
                    format!(
                        "Källan \"{}\" finns inte bland avtalets källor.",
                        s.document
                    ),
                    format!(
                        "The source \"{}\" is not among the agreement's sources.",
                        s.document
                    ),
                )),
                Some(_) => {}
            }
        }
        if a.term.source.is_none() {
            out.push(warning(
                format!("{p}.term.source"),
                "Avtalstiden saknar källa.",
                "The term has no source.",
            ));
        }
        if let Some(b) = a.termination.for_breach.value().copied().flatten() {
            if b.cure_days > 3650 {
                out.push(error(
                    Tier::Rules,
                    format!("{p}.termination.for_breach.cure_days"),
                    "Rättelsetiden är längre än tio år.",
                    "The cure period is longer than ten years.",
                ));
            }
        }
    }
    out
}

/// The rule and quality problems of one agreement, with paths relative to it (`term.end`), for
/// showing next to the field a person is editing.
///
/// ```
/// let mut a = iop_core::presets::kalmar_2025_2027();
/// a.term.start = iop_core::Known::Known(iop_core::presets::date(2028, 1, 1));
/// let problems = iop_core::scenario::validate_agreement(&a);
/// assert_eq!(problems[0].path, "term.end");
/// ```
pub fn validate_agreement(agreement: &Agreement) -> Vec<Problem> {
    let s = Scenario::new("", NaiveDateTime::default(), vec![agreement.clone()]);
    validate(&s)
        .into_iter()
        .map(|mut p| {
            p.path = p
                .path
                .trim_start_matches("$.agreements[0]")
                .trim_start_matches('.')
                .to_string();
            p
        })
        .collect()
}

/// A first period longer than this many years is refused: an agreement of centuries is a
/// typing error, and every listing would grow with it.
pub const MAX_TERM_YEARS: i32 = 100;
/// A first period longer than this many years is a quality warning.
pub const LONG_TERM_YEARS: i32 = 30;

fn validate_term(a: &Agreement, p: &str, out: &mut Vec<Problem>) {
    let t = &a.term;
    if let (Known::Known(s), TermEnd::On(e)) = (t.start, t.end) {
        let years = e.year() - s.year();
        if e < s {
            out.push(error(
                Tier::Rules,
                format!("{p}.term.end"),
                format!("Slutdatum {e} är före startdatum {s}."),
                format!("The end {e} is before the start {s}."),
            ));
        } else if years > MAX_TERM_YEARS {
            out.push(error(
                Tier::Limits,
                format!("{p}.term.end"),
                format!("Avtalstiden {s} – {e} är över {MAX_TERM_YEARS} år; ett så långt avtal läses inte."),
                format!("The term {s} – {e} is over {MAX_TERM_YEARS} years; so long an agreement is not read."),
            ));
        } else if years > LONG_TERM_YEARS {
            out.push(warning(
                format!("{p}.term.end"),
                format!("Avtalstiden {s} – {e} är över {LONG_TERM_YEARS} år, ovanligt lång för ett IOP."),
                format!("The term {s} – {e} is over {LONG_TERM_YEARS} years, unusually long for an IOP."),
            ));
        }
    }
    for (field, d) in [
        ("start", t.start.value().copied()),
        (
            "end",
            if let TermEnd::On(e) = t.end {
                Some(e)
            } else {
                None
            },
        ),
    ] {
        if let Some(d) = d {
            if far_future(d) {
                out.push(warning(
                    format!("{p}.term.{field}"),
                    format!("{d} ligger långt fram i tiden."),
                    format!("{d} is far in the future."),
                ));
            }
            if d.year() < 1900 {
                out.push(error(
                    Tier::Limits,
                    format!("{p}.term.{field}"),
                    format!("{d} är inte ett rimligt datum för ett avtal."),
                    format!("{d} is not a plausible date for an agreement."),
                ));
            }
        }
    }
    match t.renewal {
        Renewal::AutomaticExtension { years: 0, .. }
        | Renewal::ExtensionOption { years: 0, .. } => out.push(error(
            Tier::Rules,
            format!("{p}.term.renewal.years"),
            "En förlängning måste vara minst ett år.",
            "An extension must be at least one year.",
        )),
        Renewal::AutomaticExtension { years, .. } | Renewal::ExtensionOption { years, .. }
            if years > 50 =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.term.renewal.years"),
                "En förlängning får vara högst 50 år.",
                "An extension may be at most 50 years.",
            ))
        }
        Renewal::ExtensionOption {
            exercised,
            max_extensions,
            ..
        } if exercised > max_extensions => out.push(error(
            Tier::Rules,
            format!("{p}.term.renewal.exercised"),
            format!("{exercised} förlängningar är använda men högst {max_extensions} är tillåtna."),
            format!("{exercised} extensions are used but at most {max_extensions} are allowed."),
        )),
        _ => {}
    }
    if t.end == TermEnd::OpenEnded && t.renewal != Renewal::None && t.renewal != Renewal::Unknown {
        out.push(warning(
            format!("{p}.term.renewal"),
            "Ett avtal som löper tills vidare har ingen förlängning.",
            "An open-ended agreement has no renewal.",
        ));
    }
}

fn validate_funding(a: &Agreement, p: &str, out: &mut Vec<Problem>) {
    let f = &a.funding;
    let mut recurring_total = Known::Known(Sek::ZERO);
    for (j, c) in f.components.iter().enumerate() {
        let cp = format!("{p}.funding.components[{j}]");
        match c.amount {
            Known::Known(v) if v.is_negative() => out.push(error(
                Tier::Rules,
                format!("{cp}.amount"),
                format!("Beloppet {v} är negativt."),
                format!("The amount {} is negative.", v.to_plain()),
            )),
            Known::Known(v) if v == Sek::ZERO => out.push(warning(
                format!("{cp}.amount"),
                "Beloppet är 0 kr.",
                "The amount is 0 kr.",
            )),
            _ => {}
        }
        if let (Some(from), Some(until)) = (c.from, c.until) {
            if until < from {
                out.push(error(
                    Tier::Rules,
                    format!("{cp}.until"),
                    format!("{until} är före {from}."),
                    format!("{until} is before {from}."),
                ));
            }
        }
        for (field, d) in [("from", c.from), ("until", c.until)] {
            if let Some(d) = d.filter(|d| far_future(*d)) {
                out.push(warning(
                    format!("{cp}.{field}"),
                    format!("{d} ligger långt fram i tiden."),
                    format!("{d} is far in the future."),
                ));
            }
        }
        if matches!(
            c.kind,
            ComponentKind::Base | ComponentKind::ReplacesForeningsbidrag
        ) && c.from.is_none()
            && c.until.is_none()
        {
            recurring_total = recurring_total.plus(c.amount);
        }
    }
    if f.components.is_empty() {
        out.push(warning(
            format!("{p}.funding.components"),
            "Avtalet har inga belopp.",
            "The agreement has no amounts.",
        ));
    }
    if f.split.payer_names().is_empty() {
        out.push(error(
            Tier::Rules,
            format!("{p}.funding.split.payers"),
            "Minst en betalare behövs.",
            "At least one payer is needed.",
        ));
    }
    match &f.split {
        Split::Share { payers } => {
            if !payers.is_empty()
                && !sums_to_whole(&payers.iter().map(|x| x.share).collect::<Vec<_>>())
            {
                let shown: Vec<String> = payers.iter().map(|x| x.share.to_string()).collect();
                out.push(error(
                    Tier::Rules,
                    format!("{p}.funding.split.payers"),
                    format!(
                        "Andelarna {} blir inte tillsammans en helhet (100 %).",
                        shown.join(" + ")
                    ),
                    format!(
                        "The shares {} do not make one whole (100 %).",
                        shown.join(" + ")
                    ),
                ));
            }
        }
        Split::Amount { payers } => {
            let mut sum = Some(Sek::ZERO);
            for (j, x) in payers.iter().enumerate() {
                if x.amount.is_negative() {
                    out.push(error(
                        Tier::Rules,
                        format!("{p}.funding.split.payers[{j}].amount"),
                        "Beloppet är negativt.",
                        "The amount is negative.",
                    ));
                }
                sum = sum.and_then(|s| s.checked_add(x.amount));
            }
            if let (Some(sum), Known::Known(total)) = (sum, recurring_total) {
                if !payers.is_empty() && sum != total {
                    out.push(error(
                        Tier::Rules,
                        format!("{p}.funding.split.payers"),
                        format!("Betalarnas belopp blir {sum} men årsbeloppet är {total}."),
                        format!(
                            "The payers' amounts add up to {} but the yearly amount is {}.",
                            sum.to_plain(),
                            total.to_plain()
                        ),
                    ));
                }
            }
        }
    }
    match f.payments.timing {
        PaymentTiming::Quarter { quarter } if !(1..=4).contains(&quarter) => out.push(error(
            Tier::Rules,
            format!("{p}.funding.payments.timing.quarter"),
            format!("Kvartal {quarter} finns inte (1–4)."),
            format!("Quarter {quarter} does not exist (1–4)."),
        )),
        PaymentTiming::Yearly { month, day }
            if NaiveDate::from_ymd_opt(2024, month, day).is_none() =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.funding.payments.timing"),
                format!("Dagen {day}/{month} finns inte."),
                format!("The day {day}/{month} does not exist."),
            ))
        }
        _ => {}
    }
    match &f.indexation {
        Some(Indexation::FixedPercent { percent, .. })
            if percent.is_sign_negative() || *percent > rust_decimal::Decimal::ONE_HUNDRED =>
        {
            out.push(error(
                Tier::Rules,
                format!("{p}.funding.indexation.percent"),
                "Uppräkningen måste vara mellan 0 och 100 procent.",
                "Indexation must be between 0 and 100 percent.",
            ))
        }
        Some(Indexation::Series {
            base_year, values, ..
        }) => {
            let v: &BTreeMap<i32, rust_decimal::Decimal> = values;
            match v.get(base_year) {
                Some(b) if b.is_sign_positive() && !b.is_zero() => {}
                _ => out.push(error(
                    Tier::Rules,
                    format!("{p}.funding.indexation.values"),
                    format!("Indexserien saknar ett positivt värde för basåret {base_year}."),
                    format!(
                        "The index series has no positive value for the base year {base_year}."
                    ),
                )),
            }
        }
        _ => {}
    }
}
