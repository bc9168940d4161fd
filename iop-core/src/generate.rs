//! A deterministic generator of realistic scenarios, for benchmarks and load tests: agreements
//! across all 290 municipalities with their real populations, and varied terms, splits,
//! renewals and conditions. The same seed gives the same scenario on every machine.
//!
//! Amounts follow what the seeds show (10–20 kr per inhabitant a year, rounded to thousands);
//! everything else is drawn from the shapes the model supports. Generated agreements cite no
//! source: they are not facts.

use crate::agreement::Agreement;
use crate::funding::{
    AmountPayer, Component, ComponentKind, Indexation, PaymentTiming, SharePayer, Split,
};
use crate::known::Known;
use crate::money::Sek;
use crate::municipality::municipalities;
use crate::presets;
use crate::scenario::Scenario;
use crate::split::Share;
use crate::term::{Duration, Renewal, TermEnd};
use crate::termination::{Repayment, TerminationForBreach};
use chrono::NaiveDateTime;
use rust_decimal::Decimal;

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// `n` generated agreements (ids `gen-0` …), from `seed`.
///
/// ```
/// let a = iop_core::generate::agreements(300, 7);
/// assert_eq!(a.len(), 300);
/// assert_eq!(a, iop_core::generate::agreements(300, 7)); // deterministic
/// let s = iop_core::scenario::Scenario::new("g", Default::default(), a);
/// assert!(!iop_core::scenario::read(s.to_json().as_bytes()).has_errors());
/// ```
pub fn agreements(n: usize, seed: u64) -> Vec<Agreement> {
    stream(n, seed).collect()
}

/// The same agreements as [`agreements`], one at a time, so a writer can stream a million of
/// them without holding them all.
///
/// ```
/// let first: Vec<_> = iop_core::generate::stream(1_000_000, 7).take(3).collect();
/// assert_eq!(first, iop_core::generate::agreements(3, 7));
/// ```
pub fn stream(n: usize, seed: u64) -> impl Iterator<Item = Agreement> {
    let mut rng = Rng(seed);
    let all = municipalities();
    let base = presets::kalmar_2025_2027();
    all.iter().cycle().take(n).enumerate().map(move |(i, m)| {
        let mut a = base.clone();
        a.id = format!("gen-{i}");
        let start_year = 2018 + rng.below(9) as i32;
        let start_month = if rng.chance(70) { 1 } else { 7 };
        let start = presets::date(start_year, start_month, 1);
        let years = 1 + rng.below(4) as u32;
        a.name = format!("{} {start_year}–", m.name);
        if let Some(p) = a.public_parties.first_mut() {
            p.name = format!("{} kommun", m.name);
            p.kommunkod = Some(m.code);
            p.org_number = Known::Unknown;
            p.contact = None;
            p.signatories.clear();
        }
        if let Some(o) = a.organisations.first_mut() {
            o.name = format!("Kvinnojouren {}", m.name);
            o.org_number = Known::Unknown;
            o.contact = None;
            o.signatories.clear();
        }
        a.term.start = if rng.chance(5) {
            Known::Unknown
        } else {
            Known::Known(start)
        };
        a.term.end = TermEnd::On(crate::dates::period_end(start, years).unwrap_or(start));
        a.term.renewal = match rng.below(4) {
            0 => Renewal::None,
            1 => Renewal::AutomaticExtension {
                years: 1 + rng.below(3) as u32,
                notice: if rng.chance(50) {
                    Known::Known(Duration::Months(3 + rng.below(4) as u32))
                } else {
                    Known::Unknown
                },
            },
            2 => {
                let max = 1 + rng.below(3) as u32;
                Renewal::ExtensionOption {
                    years: 1 + rng.below(2) as u32,
                    max_extensions: max,
                    exercised: rng.below(u64::from(max) + 1) as u32,
                    decide_before: Known::Known(Duration::Months(6)),
                }
            }
            _ => Renewal::Unknown,
        };
        // 10–20 kr per inhabitant a year, in whole thousands.
        let per_inhabitant = 10 + rng.below(11) as i64;
        let annual = (i64::from(m.population) * per_inhabitant / 1000).max(10) * 1000;
        let mut components = vec![Component {
            label: "Ersättning".into(),
            kind: ComponentKind::Base,
            amount: if rng.chance(3) {
                Known::Unknown
            } else {
                Known::Known(Sek::kronor(annual))
            },
            from: None,
            until: None,
            source: None,
        }];
        if rng.chance(25) {
            components.push(Component {
                label: "Ersätter föreningsbidrag".into(),
                kind: ComponentKind::ReplacesForeningsbidrag,
                amount: Known::Known(Sek::kronor(annual / 3 / 1000 * 1000)),
                from: None,
                until: None,
                source: None,
            });
        }
        if rng.chance(20) {
            components.push(Component {
                label: "Tjejjour".into(),
                kind: ComponentKind::Conditional {
                    condition: "Tjejjouren startar".into(),
                    met: if rng.chance(50) {
                        Known::Known(true)
                    } else {
                        Known::Unknown
                    },
                },
                amount: Known::Known(Sek::kronor(25_000)),
                from: None,
                until: None,
                source: None,
            });
        }
        let fixed_total: i64 = components
            .iter()
            .filter(|c| !matches!(c.kind, ComponentKind::Conditional { .. }))
            .filter_map(|c| c.amount.value().map(|v| v.ore() as i64 / 100))
            .sum();
        a.funding.components = components;
        a.funding.indexation = if rng.chance(15) {
            Some(Indexation::FixedPercent {
                percent: Decimal::new(2 + rng.below(3) as i64, 0),
                base_year: start_year,
            })
        } else {
            None
        };
        a.funding.split = match rng.below(3) {
            0 => Split::single(&format!("{} kommun (socialnämnden)", m.name)),
            1 => Split::Share {
                payers: vec![
                    SharePayer {
                        name: "Socialnämnden".into(),
                        share: Share::new(2, 3).unwrap_or(Share::WHOLE),
                    },
                    SharePayer {
                        name: "Kommunstyrelsen".into(),
                        share: Share::new(1, 3).unwrap_or(Share::WHOLE),
                    },
                ],
            },
            _ if fixed_total > 0
                && a.funding
                    .components
                    .first()
                    .is_some_and(|c| c.amount.is_known()) =>
            {
                Split::Amount {
                    payers: vec![
                        AmountPayer {
                            name: "Socialnämnden".into(),
                            amount: Sek::kronor(fixed_total - fixed_total / 4),
                        },
                        AmountPayer {
                            name: "Kultur- och fritidsnämnden".into(),
                            amount: Sek::kronor(fixed_total / 4),
                        },
                    ],
                }
            }
            _ => Split::single("Socialnämnden"),
        };
        a.funding.payments.timing = match rng.below(4) {
            0 => PaymentTiming::Quarter {
                quarter: 1 + rng.below(4) as u8,
            },
            1 => PaymentTiming::Quarterly,
            2 => PaymentTiming::Yearly {
                month: 1 + rng.below(12) as u32,
                day: 1 + rng.below(28) as u32,
            },
            _ => PaymentTiming::Unknown,
        };
        a.termination.for_breach = match rng.below(3) {
            0 => Known::Known(Some(TerminationForBreach {
                cure_days: [14, 30, 60, 90]
                    .get(rng.below(4) as usize)
                    .copied()
                    .unwrap_or(30),
                if_organisation_in_breach: Repayment::PartOrAll,
                if_public_in_breach: Repayment::Nothing,
            })),
            1 => Known::Known(None),
            _ => Known::Unknown,
        };
        if let Some(meetings) = a.obligations.meetings.as_mut() {
            meetings.per_year = if rng.chance(80) {
                Known::Known(1 + rng.below(4) as u32)
            } else {
                Known::Unknown
            };
        }
        a.notes = format!("Genererat avtal nr {i} (frö {seed}); inga källor.");
        a
    })
}

/// The name of a generated scenario of `n` agreements.
pub fn name(n: usize, seed: u64) -> String {
    format!("Genererat: {n} avtal, frö {seed}")
}

/// A generated scenario of `n` agreements.
pub fn scenario(n: usize, seed: u64) -> Scenario {
    Scenario::new(
        &name(n, seed),
        NaiveDateTime::default(),
        agreements(n, seed),
    )
}

/// A generated scenario whose file is at least `bytes` long (for the 5 MB benchmarks).
pub fn scenario_of_size(bytes: usize, seed: u64) -> Scenario {
    let per = scenario(10, seed).to_json().len() / 10;
    let mut n = bytes / per.max(1) + 1;
    loop {
        let s = scenario(n, seed);
        if s.to_json().len() >= bytes || n > 1_000_000 {
            return s;
        }
        n += n / 50 + 1;
    }
}
