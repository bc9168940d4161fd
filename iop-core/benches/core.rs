//! The core at national scale: read and validate a 5 MB scenario next to `serde_json` parsing
//! the same bytes into an untyped `Value` (the limit of reading it); compare 5 000 agreements;
//! build the obligation calendars of 5 000 agreements.
//!
//! Run: `cargo bench -p iop-core --bench core`. Figures and machine: BENCHMARKS.md.

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use iop_core::calendar::obligations_calendar;
use iop_core::compare::compare;
use iop_core::generate;
use iop_core::presets::date;

fn read_5mb(c: &mut Criterion) {
    let bytes = generate::scenario_of_size(5 * 1024 * 1024, 1)
        .to_json()
        .into_bytes();
    let mut g = c.benchmark_group("read 5 MB scenario");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(20);
    g.bench_function("serde_json::Value (limit)", |b| {
        b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).is_ok()))
    });
    g.bench_function("iop_core::scenario::read (parse, migrate, validate)", |b| {
        b.iter(|| black_box(iop_core::scenario::read(black_box(&bytes)).has_errors()))
    });
    g.finish();
}

fn compare_5000(c: &mut Criterion) {
    let agreements = generate::agreements(5000, 2);
    let at = date(2026, 11, 22);
    let mut g = c.benchmark_group("5 000 agreements");
    g.sample_size(20);
    g.bench_function("compare", |b| {
        b.iter(|| black_box(compare(black_box(&agreements), at).len()))
    });
    g.bench_function("obligation calendars", |b| {
        b.iter(|| {
            black_box(
                agreements
                    .iter()
                    .map(|a| {
                        iop_core::window::Window::around(a, at)
                            .map_or(0, |w| obligations_calendar(a, w).len())
                    })
                    .sum::<usize>(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, read_5mb, compare_5000);
criterion_main!(benches);
