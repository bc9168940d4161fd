// Shared by the iop-files targets (included, not a target): the bounds the fuzz runs use, small
// enough that a run makes many executions, and what every text read must hold.

pub fn limits() -> iop_files::Limits {
    iop_files::Limits {
        max_stream_bytes: 1 << 20,
        max_total_bytes: 4 << 20,
        max_operators: 100_000,
        max_pages: 100,
        ..Default::default()
    }
}

/// Every page and paragraph range is inside the text, on character boundaries, in order.
pub fn check(t: &iop_files::Text) {
    for r in t.pages.iter().chain(&t.paragraphs) {
        assert!(r.start <= r.end && t.text.get(r.clone()).is_some(), "range {r:?} in the text");
    }
    for w in t.pages.windows(2) {
        assert!(w[0].end <= w[1].start, "pages in order");
    }
    if let Some(first) = t.pages.first() {
        if first.start < first.end {
            assert_eq!(t.page_at(first.start), Some(1));
        }
    }
}
