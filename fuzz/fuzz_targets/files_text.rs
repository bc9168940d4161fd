//! Any bytes as a text file through iop-files (UTF-8, UTF-16, Windows-1252), then the text
//! reader: never a panic, and every finding's quote is the text at its range.
#![no_main]

use libfuzzer_sys::fuzz_target;
include!("files_check.rs");

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = iop_files::read(data, &limits()) {
        check(&t);
        let x = iop_core::extract::extract(&t.text);
        for f in &x.findings {
            assert_eq!(t.text.get(f.start..f.end), Some(f.quote.as_str()));
        }
    }
});
