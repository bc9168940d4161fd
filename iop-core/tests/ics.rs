//! The calendar export is valid iCalendar (RFC 5545), checked with an independent parser.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_core::calendar::{obligations_calendar, EventKind};
use iop_core::export::calendar_ics;
use iop_core::presets::{self, date};
use iop_core::window::Window;
use iop_core::Known;

fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    cal
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn kalmar_calendar_parses_with_every_dated_obligation() {
    let k = presets::kalmar_2025_2027();
    let events = obligations_calendar(&k, Window::around(&k, date(2025, 1, 1)).unwrap());
    let ics = calendar_ics(&k, &events, Default::default());
    let cal = parse(&ics);
    assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));
    let dated = events.iter().filter(|e| e.date.is_known()).count();
    assert_eq!(cal.events.len(), dated);
    let starts: Vec<&str> = cal
        .events
        .iter()
        .filter_map(|e| prop(&e.properties, "DTSTART"))
        .collect();
    assert!(
        starts.contains(&"20250331"),
        "payment due by the end of Q1 2025"
    );
    assert!(starts.contains(&"20271231"), "end of period");
    // Payments carry their amount and payer; the renewal decision has a reminder ahead of it.
    let payment = cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "CATEGORIES") == Some("PAYMENT"))
        .unwrap();
    let summary = prop(&payment.properties, "SUMMARY").unwrap();
    assert!(
        summary.contains("500 000 kr") && summary.contains("Kommunledningskontoret"),
        "{summary}"
    );
    let decision = cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "CATEGORIES") == Some("RENEWAL_DECISION"))
        .unwrap();
    assert_eq!(decision.alarms.len(), 1);
    assert_eq!(
        prop(&decision.alarms[0].properties, "TRIGGER"),
        Some("-P30D")
    );
    let uids: std::collections::HashSet<_> = cal
        .events
        .iter()
        .filter_map(|e| prop(&e.properties, "UID"))
        .collect();
    assert_eq!(uids.len(), cal.events.len(), "UIDs are unique");
}

#[test]
fn every_preset_and_hostile_text_parses() {
    for mut a in presets::all() {
        a.name = "Namn; med, komma\\ och\nradbrytning och ett mycket långt namn som måste vikas över flera rader i filen ÅÄÖ".into();
        let events = Window::around(&a, date(2026, 11, 22))
            .map(|w| obligations_calendar(&a, w))
            .unwrap_or_default();
        let ics = calendar_ics(&a, &events, Default::default());
        let cal = parse(&ics);
        assert_eq!(
            cal.events.len(),
            events.iter().filter(|e| e.date != Known::Unknown).count(),
            "{}",
            a.id
        );
        let kinds = events
            .iter()
            .filter(|e| e.kind == EventKind::PeriodEnd)
            .count();
        assert!(kinds >= 1, "{}", a.id);
    }
}
