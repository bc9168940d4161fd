//! The text reader on a 1 MB text: the five seeds and the test texts repeated to 1 MB, read in
//! one call (linear in the text).
//!
//! Run: `cargo bench -p iop-core --bench extract`. Figures and machine: BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn texts() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/texts");
    let mut all = String::new();
    for sub in [dir.to_string(), format!("{dir}/seeds")] {
        let mut files: Vec<_> = std::fs::read_dir(sub)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            all.push_str(&std::fs::read_to_string(f).unwrap_or_default());
            all.push('\n');
        }
    }
    all
}

fn extract_1mb(c: &mut Criterion) {
    let one = texts();
    let mut text = String::new();
    while text.len() < 1024 * 1024 {
        text.push_str(&one);
    }
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("1 MB of agreement texts", |b| {
        b.iter(|| black_box(iop_core::extract::extract(black_box(&text)).findings.len()))
    });
    g.finish();
}

criterion_group!(benches, extract_1mb);
criterion_main!(benches);
