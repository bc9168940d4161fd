//! Any bytes as text through the text reader: it may read nothing but never panics, every
//! finding's quote is the text at its range, and the agreement it proposes is one a file can hold.
#![no_main]

use iop_core::extract::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let x = extract(&text);
    for f in &x.findings {
        assert_eq!(text.get(f.start..f.end), Some(f.quote.as_str()), "quote at its range");
    }
    let file = iop_core::scenario::Scenario::new("f", Default::default(), vec![x.agreement]).to_json();
    assert!(iop_core::scenario::read(file.as_bytes()).scenario.is_some(), "the proposal reads back");
});
