//! Any bytes through the scenario reader and validator, then every computation on what it
//! accepts, and the export–import round trip. Nothing may panic; an accepted scenario must come
//! back unchanged.
#![no_main]

use iop_core::calendar::obligations_calendar;
use iop_core::window::Window;
use iop_core::compare::{compare, side_by_side};
use iop_core::parties::Side;
use iop_core::scenario::read;
use iop_core::breach::terminate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = read(data);
    let Some(scenario) = report.scenario else { return };
    let again = read(scenario.to_json().as_bytes());
    assert_eq!(again.scenario.as_ref(), Some(&scenario), "export then import is the identity");
    for date in [iop_core::presets::date(2026, 11, 22), iop_core::presets::date(1900, 1, 1)] {
        let rows = compare(&scenario.agreements, date);
        let _ = side_by_side(&rows);
        for a in &scenario.agreements {
            let events = Window::around(a, date).map(|w| obligations_calendar(a, w)).unwrap_or_default();
            let _ = terminate(a, date, Side::Public);
            let _ = iop_core::export::calendar_ics(a, &events, Default::default());
        }
        let _ = iop_core::export::payments_csv(&scenario.agreements, iop_core::window::Span::Around(date));
        let _ = iop_core::export::comparison_csv(&rows, date);
    }
});
