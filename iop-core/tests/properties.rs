//! Properties over generated scenarios: export then import is the identity for every valid
//! scenario; validation and every computation never panic; allocations sum to their whole;
//! every computed total is exact (the payments of a period add up to it) or unknown.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use iop_core::amounts::total_for_period_with;
use iop_core::breach::terminate;
use iop_core::calendar::obligations_calendar;
use iop_core::compare::{compare, side_by_side};
use iop_core::funding::{Component, ComponentKind, Conditions, PaymentTiming, SharePayer, Split};
use iop_core::parties::Side;
use iop_core::payments::payments_in_period;
use iop_core::scenario::{read, validate, Scenario, Severity};
use iop_core::term::{Duration, Renewal, TermEnd};
use iop_core::termination::{Repayment, TerminationForBreach};
use iop_core::{presets, Known, Sek, Share};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2060, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap()
    })
}

fn known<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Known<T>> {
    prop_oneof![1 => Just(Known::Unknown), 4 => s.prop_map(Known::Known)]
}

fn sek() -> impl Strategy<Value = Sek> {
    (0i128..=100_000_000_000).prop_map(|ore| Sek::from_ore(ore).unwrap())
}

/// Text with the characters that break naive code: quotes, markup, separators, emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zåäöA-ZÅÄÖ ,.;:-]{0,30}",
        Just("<script>alert(1)</script>".to_string()),
        Just("=HYPERLINK(\"http://x\")".to_string()),
        Just("\"; DROP\n\r\t\\ 🚀".to_string()),
    ]
}

fn component() -> impl Strategy<Value = Component> {
    (
        text(),
        prop_oneof![
            Just(ComponentKind::Base),
            Just(ComponentKind::ReplacesForeningsbidrag),
            (text(), known(any::<bool>()))
                .prop_map(|(condition, met)| ComponentKind::Conditional { condition, met }),
            known(date()).prop_map(|on| ComponentKind::OneOff { on }),
        ],
        known(sek()),
        proptest::option::of(date()),
        proptest::option::of(date()),
    )
        .prop_map(|(label, kind, amount, from, until)| Component {
            label,
            kind,
            amount,
            from,
            until,
            source: None,
        })
}

/// Shares of one whole: a random partition of a denominator.
fn split() -> impl Strategy<Value = Split> {
    prop_oneof![
        (1u64..=12, prop::collection::vec(1u64..12, 0..4)).prop_map(|(den, cuts)| {
            let mut points: Vec<u64> = cuts
                .into_iter()
                .map(|c| c % den)
                .filter(|&c| c > 0)
                .collect();
            points.sort_unstable();
            points.dedup();
            let mut prev = 0;
            let mut payers = Vec::new();
            for (i, p) in points.into_iter().chain([den]).enumerate() {
                payers.push(SharePayer {
                    name: format!("Nämnd {i}"),
                    share: Share::new(p - prev, den).unwrap(),
                });
                prev = p;
            }
            Split::Share { payers }
        }),
        prop::collection::vec(sek(), 1..4).prop_map(|amounts| Split::Amount {
            payers: amounts
                .into_iter()
                .enumerate()
                .map(|(i, amount)| iop_core::funding::AmountPayer {
                    name: format!("Betalare {i}"),
                    amount
                })
                .collect()
        }),
    ]
}

fn renewal() -> impl Strategy<Value = Renewal> {
    let duration = prop_oneof![
        (0u32..400).prop_map(Duration::Days),
        (0u32..24).prop_map(Duration::Months)
    ];
    prop_oneof![
        Just(Renewal::None),
        Just(Renewal::Unknown),
        (1u32..5, known(duration.clone()))
            .prop_map(|(years, notice)| Renewal::AutomaticExtension { years, notice }),
        (1u32..5, 0u32..4, 0u32..4, known(duration)).prop_map(
            |(years, max_extensions, exercised, decide_before)| {
                Renewal::ExtensionOption {
                    years,
                    max_extensions,
                    exercised: exercised.min(max_extensions),
                    decide_before,
                }
            }
        ),
    ]
}

fn timing() -> impl Strategy<Value = PaymentTiming> {
    prop_oneof![
        (1u8..=4).prop_map(|quarter| PaymentTiming::Quarter { quarter }),
        (1u32..=12, 1u32..=28).prop_map(|(month, day)| PaymentTiming::Yearly { month, day }),
        Just(PaymentTiming::Quarterly),
        Just(PaymentTiming::Unknown),
    ]
}

fn repayment() -> impl Strategy<Value = Repayment> {
    prop_oneof![
        Just(Repayment::Nothing),
        Just(Repayment::PartOrAll),
        Just(Repayment::All),
        Just(Repayment::Unknown)
    ]
}

prop_compose! {
    fn agreement(index: usize)(
        base in 0usize..5,
        name in text(),
        start in known(date()),
        end in prop_oneof![8 => date().prop_map(TermEnd::On), 1 => Just(TermEnd::OpenEnded), 1 => Just(TermEnd::Unknown)],
        renewal in renewal(),
        components in prop::collection::vec(component(), 0..4),
        split in split(),
        timing in timing(),
        breach in known(proptest::option::of((0u32..120, repayment(), repayment()))),
        meetings in known(0u32..12),
    ) -> iop_core::Agreement {
        let mut a = presets::all().swap_remove(base);
        a.id = format!("a{index}");
        a.name = name;
        a.term.start = start;
        a.term.end = end;
        a.term.renewal = renewal;
        a.funding.components = components;
        a.funding.split = split;
        a.funding.payments.timing = timing;
        a.termination.for_breach = breach.map(|b| b.map(|(cure_days, o, p)| TerminationForBreach {
            cure_days, if_organisation_in_breach: o, if_public_in_breach: p }));
        if let Some(m) = a.obligations.meetings.as_mut() {
            m.per_year = meetings;
        }
        a
    }
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (0usize..4)
        .prop_flat_map(|n| (0..n).map(agreement).collect::<Vec<_>>())
        .prop_map(|agreements| Scenario::new("Genererat", Default::default(), agreements))
}

/// The file with every field left out that format 1.3 lets a writer leave out when it holds
/// what leaving it out means: `null` (unknown, or no value), an empty list (but `components` and
/// `agreements`, which are required), `false` of a plain flag (not of a known `met: false`), an
/// empty note or label, and the unknown of a tagged value.
fn left_out(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            map.retain(|k, x| {
                let empty_text =
                    matches!(k.as_str(), "notes" | "label" | "section") && x.as_str() == Some("");
                let unknown = x == "unknown"
                    || x.get("type").is_some_and(|t| t == "unknown")
                        && x.as_object().is_some_and(|o| o.len() == 1);
                !(x.is_null()
                    || (x.as_array().is_some_and(|a| a.is_empty())
                        && k != "components"
                        && k != "agreements")
                    || (x == false
                        && matches!(
                            k.as_str(),
                            "on_invoice" | "changes_need_written_approval" | "draft"
                        ))
                    || empty_text
                    || unknown)
            });
            map.values_mut().for_each(left_out);
        }
        Value::Array(items) => items.iter_mut().for_each(left_out),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn what_is_left_out_reads_as_what_the_writer_writes_for_it(s in scenario()) {
        let errors = validate(&s).into_iter().filter(|p| p.severity == Severity::Error).count();
        prop_assume!(errors == 0);
        let mut v = serde_json::to_value(&s).unwrap();
        left_out(&mut v);
        let report = read(serde_json::to_string(&v).unwrap().as_bytes());
        prop_assert_eq!(report.scenario, Some(s), "{:?}", report.problems);
    }

    #[test]
    fn export_then_import_is_the_identity_for_valid_scenarios(s in scenario()) {
        let errors = validate(&s).into_iter().filter(|p| p.severity == Severity::Error).count();
        prop_assume!(errors == 0);
        let report = read(s.to_json().as_bytes());
        prop_assert_eq!(report.scenario, Some(s), "{:?}", report.problems);
    }

    #[test]
    fn validation_and_computation_never_panic(s in scenario(), at in date()) {
        // Beyond not panicking: the shapes every caller relies on.
        let _ = validate(&s);
        let rows = compare(&s.agreements, at);
        prop_assert_eq!(rows.len(), s.agreements.len());
        for (r, a) in rows.iter().zip(&s.agreements) {
            prop_assert_eq!(&r.id, &a.id);
        }
        for t in side_by_side(&rows) {
            prop_assert_eq!(t.cells.len(), rows.len(), "term {}", t.key);
        }
        for a in &s.agreements {
            let events = iop_core::window::Window::around(a, at).map(|w| obligations_calendar(a, w)).unwrap_or_default();
            let dated: Vec<_> = events.iter().filter_map(|e| e.date.value().copied()).collect();
            prop_assert!(dated.windows(2).all(|w| w[0] <= w[1]), "calendar in date order");
            // What the source leaves undated follows every dated obligation, by year.
            let undated_at = events.iter().position(|e| !e.date.is_known()).unwrap_or(events.len());
            prop_assert!(events[undated_at..].iter().all(|e| !e.date.is_known()), "undated before a dated obligation");
            prop_assert!(events[undated_at..].windows(2).all(|w| w[0].year_start <= w[1].year_start), "undated by year");
            for side in [Side::Public, Side::Organisation] {
                if let Ok(o) = terminate(a, at, side) {
                    if let (Known::Known(lo), Known::Known(hi)) = (o.repayment_min, o.repayment_max) {
                        prop_assert!(lo <= hi, "repayment range {lo} – {hi}");
                    }
                }
            }
        }
    }

    #[test]
    fn payer_parts_always_sum_to_the_amount(s in scenario()) {
        for a in &s.agreements {
            for period in std::iter::successors(a.term.first_period(), |p| a.term.next_period(*p)).take(3) {
                for p in payments_in_period(a, &period, Conditions::AllMet) {
                    if let Known::Known(amount) = p.amount {
                        let parts: Option<i128> = p.per_payer(&a.funding.split).iter().map(|v| v.value().map(|x| x.ore())).sum();
                        prop_assert_eq!(parts, Some(amount.ore()));
                    }
                }
            }
        }
    }

    #[test]
    fn totals_are_exact_or_unknown(s in scenario(), at in date()) {
        for a in &s.agreements {
            let total = total_for_period_with(a, at, Conditions::AllMet).value;
            let Some(period) = a.term.period_for(at) else {
                prop_assert_eq!(total, Known::Unknown);
                continue;
            };
            let payments = payments_in_period(a, &period, Conditions::AllMet);
            let paid: Known<i128> = payments.iter().fold(Known::Known(0), |acc, p| acc.zip(p.amount).map(|(x, y)| x + y.ore()));
            match total {
                // Exact: the payments of the period add up to the total, to the öre.
                Known::Known(t) => prop_assert_eq!(paid, Known::Known(t.ore())),
                // Unknown: because something it depends on is unknown, never a smaller number.
                Known::Unknown => prop_assert!(
                    !period.start.is_known()
                        || !paid.is_known()
                        || a.funding.components.iter().any(|c| !c.amount.is_known())
                        || a.funding.indexation.is_some()
                        || payments.is_empty()
                ),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// "≠" against a chosen agreement: the reference's own cells are never marked, and the cells
    /// marked are exactly those whose known value differs from the reference's known value (an
    /// unknown on either side cannot tell); the parties' names are never compared.
    #[test]
    fn marks_against_a_reference_are_exactly_the_known_differences(
        s in scenario(), at in date(), reference in 0usize..5,
    ) {
        use iop_core::compare::{side_by_side_against, Versus, IDENTITY_TERMS};
        let rows = compare(&s.agreements, at);
        let plain = side_by_side(&rows);
        let marked = side_by_side_against(&rows, reference);
        prop_assert_eq!(plain.len(), marked.len());
        for (p, t) in plain.iter().zip(&marked) {
            for (i, (pc, c)) in p.cells.iter().zip(&t.cells).enumerate() {
                prop_assert_eq!(&pc.sv, &c.sv, "marking changes no value");
                if reference >= rows.len() || IDENTITY_TERMS.contains(&t.key) {
                    prop_assert_eq!(c.versus, None, "{} column {}", t.key, i);
                    continue;
                }
                let r = &t.cells[reference];
                let expected = if i == reference {
                    Versus::Reference
                } else if c.unknown || r.unknown {
                    Versus::CannotTell
                } else if c.sv != r.sv {
                    Versus::Differs
                } else {
                    Versus::Same
                };
                prop_assert_eq!(c.versus, Some(expected), "{} column {}", t.key, i);
                prop_assert_eq!(c.differs_from_reference(), !c.unknown && !r.unknown && i != reference && c.sv != r.sv);
            }
            if reference < rows.len() {
                prop_assert!(!t.cells[reference].differs_from_reference(), "the reference is never marked");
            }
        }
    }
}
