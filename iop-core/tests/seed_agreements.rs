//! The figures of the five seed agreements, derived by hand from the documents.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_core::amounts::{
    annual_amount, per_payer_annual, total_for_period_on, total_for_period_with,
};
use iop_core::breach::terminate;
use iop_core::calendar::{obligations_calendar, EventKind};
use iop_core::compare::{compare, per_inhabitant};
use iop_core::funding::Conditions;
use iop_core::parties::Side;
use iop_core::payments::payments_in_period;
use iop_core::presets::{self, date};
use iop_core::term::Status;
use iop_core::window::Window;
use iop_core::{Known, Sek};
use rust_decimal::Decimal;

fn kr(n: i64) -> Known<Sek> {
    Known::Known(Sek::kronor(n))
}

#[test]
fn kalmar_2025_2027_money_split_and_payments() {
    let k = presets::kalmar_2025_2027();
    let on = date(2025, 6, 1);
    assert_eq!(
        annual_amount(&k, on, Conditions::AsRecorded).value,
        kr(1_000_000)
    );
    let payers = per_payer_annual(&k, on);
    assert_eq!(payers.len(), 2);
    assert_eq!(
        payers[0],
        ("Kommunledningskontoret".to_string(), kr(500_000))
    );
    assert_eq!(payers[1], ("Socialförvaltningen".to_string(), kr(500_000)));
    assert_eq!(total_for_period_on(&k, on).value, kr(3_000_000));

    let period = k.term.first_period().unwrap();
    let payments = payments_in_period(&k, &period, Conditions::AsRecorded);
    let windows: Vec<_> = payments.iter().map(|p| p.window).collect();
    assert_eq!(
        windows,
        vec![
            Known::Known((date(2025, 1, 1), date(2025, 3, 31))),
            Known::Known((date(2026, 1, 1), date(2026, 3, 31))),
            Known::Known((date(2027, 1, 1), date(2027, 3, 31))),
        ]
    );
    assert!(payments.iter().all(|p| p.amount == kr(1_000_000)));
}

#[test]
fn kalmar_2025_2027_per_inhabitant_is_13_75() {
    let k = presets::kalmar_2025_2027();
    let f = per_inhabitant(&k, date(2026, 11, 22));
    // 1 000 000 / 72 704 = 13,754… → 13,75
    assert_eq!(
        f.value.map(|v| v.round_dp(2)),
        Known::Known(Decimal::new(1375, 2))
    );
    assert!(f.explanation.sv.contains("13,75 kr"));
    assert!(f.explanation.sv.contains("2024-12-31"));
}

#[test]
fn kalmar_breach_notice_from_the_kommun_not_remedied() {
    let k = presets::kalmar_2025_2027();
    let out = terminate(&k, date(2026, 5, 4), Side::Public).unwrap();
    assert_eq!(out.in_breach, Side::Organisation);
    assert_eq!(out.effective_date, Some(date(2026, 6, 4)));
    assert_eq!(out.paid, kr(2_000_000));
    assert_eq!(out.unpaid, kr(1_000_000));
    assert_eq!(out.repayment_min, kr(0));
    assert_eq!(out.repayment_max, kr(2_000_000));
}

#[test]
fn kalmar_breach_notice_from_the_jour_means_no_repayment() {
    let k = presets::kalmar_2025_2027();
    let out = terminate(&k, date(2026, 5, 4), Side::Organisation).unwrap();
    assert_eq!(out.in_breach, Side::Public);
    assert_eq!(out.effective_date, Some(date(2026, 6, 4)));
    assert_eq!(out.paid, kr(2_000_000));
    assert_eq!(out.repayment_min, kr(0));
    assert_eq!(out.repayment_max, kr(0));
}

#[test]
fn breach_notice_near_the_end_expires_first() {
    let k = presets::kalmar_2025_2027();
    let out = terminate(&k, date(2027, 12, 10), Side::Public).unwrap();
    assert_eq!(out.effective_date, None);
    assert_eq!(out.paid, kr(3_000_000));
    assert_eq!(out.unpaid, kr(0));
}

#[test]
fn breach_notice_during_the_payment_window_leaves_paid_unknown() {
    let k = presets::kalmar_2025_2027();
    // Effective 2026-03-03, inside the Q1 2026 window: whether that payment was made is unknown.
    let out = terminate(&k, date(2026, 1, 31), Side::Public).unwrap();
    assert_eq!(out.effective_date, Some(date(2026, 3, 3)));
    assert_eq!(out.paid, Known::Unknown);
    assert_eq!(out.repayment_max, Known::Unknown);
    assert_eq!(out.repayment_min, kr(0));
}

#[test]
fn vallentuna_on_2026_11_22_is_in_an_extension() {
    let v = presets::vallentuna();
    let on = date(2026, 11, 22);
    assert_eq!(v.term.status(on), Known::Known(Status::Extension(2)));
    assert_eq!(
        v.term.period_end_on(on),
        Known::Known(Some(date(2027, 6, 30)))
    );
    assert_eq!(
        annual_amount(&v, on, Conditions::AsRecorded).value,
        kr(50_000)
    );
    assert_eq!(annual_amount(&v, on, Conditions::AllMet).value, kr(75_000));
    assert_eq!(total_for_period_on(&v, on).value, kr(100_000));
    assert_eq!(
        total_for_period_with(&v, on, Conditions::AllMet).value,
        kr(150_000)
    );
    // No notice period is stated: the decision date is the default lead time before the
    // period's end, and says that it is a lead time, not a term of the agreement.
    let due = v.term.decision_due(on);
    assert_eq!(due.value, Known::Known(date(2026, 12, 30)));
    assert!(
        due.explanation.sv.contains("ledtid 6 månader"),
        "{}",
        due.explanation.sv
    );
    assert!(due.explanation.sv.contains("inte ett villkor i avtalet"));
}

#[test]
fn kalmar_2022_2024_replaced_foreningsbidrag_and_ended() {
    let k = presets::kalmar_2022_2024();
    let on = date(2026, 11, 22);
    assert_eq!(
        annual_amount(&k, on, Conditions::AsRecorded).value,
        kr(1_000_000)
    );
    let parts: Vec<_> = k.funding.components.iter().map(|c| c.amount).collect();
    assert_eq!(parts, vec![kr(650_000), kr(350_000)]);
    assert_eq!(total_for_period_on(&k, on).value, kr(3_000_000));
    assert_eq!(k.term.status(on), Known::Known(Status::Ended));
}

#[test]
fn linkoping_money_is_unknown_everywhere() {
    let l = presets::linkoping();
    let on = date(2026, 11, 22);
    assert_eq!(
        annual_amount(&l, on, Conditions::AsRecorded).value,
        Known::Unknown
    );
    assert_eq!(total_for_period_on(&l, on).value, Known::Unknown);
    assert_eq!(per_inhabitant(&l, on).value, Known::Unknown);
    assert_eq!(
        l.term.decision_due(date(2019, 1, 1)).value,
        Known::Known(date(2019, 9, 30))
    );
}

#[test]
fn varmdo_start_is_unknown_but_its_extensions_are_dated() {
    let v = presets::varmdo();
    assert_eq!(v.term.start, Known::Unknown);
    assert_eq!(v.term.status(date(2023, 6, 1)), Known::Unknown);
    let on = date(2026, 11, 22);
    assert_eq!(v.term.status(on), Known::Known(Status::Extension(2)));
    assert_eq!(
        v.term.period_end_on(on),
        Known::Known(Some(date(2027, 12, 31)))
    );
    assert_eq!(
        annual_amount(&v, on, Conditions::AsRecorded).value,
        kr(400_000)
    );
    assert_eq!(total_for_period_on(&v, on).value, kr(800_000));
    // The first period's total needs its start: unknown.
    assert_eq!(
        total_for_period_on(&v, date(2023, 1, 1)).value,
        Known::Unknown
    );
}

#[test]
fn unknown_payment_dates_stay_unknown_in_the_calendar() {
    let v = presets::vallentuna();
    let first = v.term.first_period().unwrap();
    let window = Window::new(date(2021, 7, 1), first.end).unwrap();
    let events = obligations_calendar(&v, window);
    let payments: Vec<_> = events
        .iter()
        .filter(|e| e.kind == EventKind::Payment)
        .collect();
    assert_eq!(payments.len(), 2); // two agreement years in the first period
    assert!(payments.iter().all(|e| e.date == Known::Unknown));
}

#[test]
fn kalmar_calendar_has_every_kind_of_obligation() {
    let k = presets::kalmar_2025_2027();
    let events = obligations_calendar(&k, Window::around(&k, date(2025, 1, 1)).unwrap());
    for kind in [
        EventKind::Payment,
        EventKind::Plan,
        EventKind::Report,
        EventKind::Meeting,
        EventKind::PeriodEnd,
        EventKind::RenewalDecision,
    ] {
        assert!(events.iter().any(|e| e.kind == kind), "no {kind:?}");
    }
    let meetings: Vec<_> = events
        .iter()
        .filter(|e| e.kind == EventKind::Meeting)
        .collect();
    assert_eq!(meetings.len(), 6);
    assert_eq!(meetings[0].date, Known::Known(date(2025, 7, 1)));
    assert_eq!(meetings[1].date, Known::Known(date(2025, 12, 31)));
    let dates: Vec<_> = events
        .iter()
        .filter_map(|e| e.date.value().copied())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "calendar is sorted");
}

#[test]
fn comparison_keeps_unknowns() {
    let rows = compare(&presets::all(), date(2026, 11, 22));
    assert_eq!(rows.len(), presets::all().len(), "one row per agreement");
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    let kalmar = row("kalmar-2025-2027");
    assert_eq!(kalmar.term_months, Known::Known(36));
    assert_eq!(kalmar.cure_days, Known::Known(Some(30)));
    assert_eq!(kalmar.meetings_per_year, Known::Known(2));
    assert_eq!(row("vallentuna-2021").cure_days, Known::Unknown);
    assert_eq!(row("varmdo").term_months, Known::Unknown);
    assert_eq!(row("linkoping-2019").total.value, Known::Unknown);
}

#[test]
fn every_preset_figure_has_a_source() {
    for a in presets::all() {
        assert!(a.term.source.is_some(), "{}: term", a.id);
        assert!(a.funding.payments.source.is_some(), "{}: payments", a.id);
        assert!(a.termination.source.is_some(), "{}: termination", a.id);
        for c in &a.funding.components {
            let s = c
                .source
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {}", a.id, c.label));
            assert!(
                a.sources.iter().any(|d| d.id == s.document),
                "{}: {}",
                a.id,
                c.label
            );
        }
    }
}

#[test]
fn every_preset_amount_appears_in_its_seed() {
    // Traceability: the yearly amounts appear, Swedish-formatted, in the quoted source text.
    for a in presets::all() {
        for c in &a.funding.components {
            if let (Known::Known(v), Some(s)) = (c.amount, &c.source) {
                let digits = iop_core::money::format_decimal_sv(v.value(), None);
                assert!(
                    s.section.contains(&digits),
                    "{}: {} not in {:?}",
                    a.id,
                    digits,
                    s.section
                );
            }
        }
    }
}
