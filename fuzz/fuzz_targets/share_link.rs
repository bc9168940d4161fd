//! Any text as a share link's fragment: the decoder (base64, inflate with its size limit, the
//! scenario reader) may refuse it but never panic, and what it accepts encodes and decodes back
//! to the same scenario.
#![no_main]

use iop_core::share::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Both as it comes and behind the link's own prefix, so the fuzzer reaches the inflater.
    for fragment in [text.to_string(), format!("#s={text}")] {
        let report = decode(&fragment);
        if let Some(s) = report.scenario {
            if let Ok(again) = encode(&s) {
                assert_eq!(decode(&again).scenario.as_ref(), Some(&s), "encode then decode is the identity");
            }
        }
    }
});
