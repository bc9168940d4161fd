//! Any bytes as a PDF through iop-files: an error or a text, never a panic, within bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
include!("files_check.rs");

fuzz_target!(|data: &[u8]| {
    // Without the header the bytes would be read as text: give them one.
    let bytes = if data.starts_with(b"%PDF-") {
        data.to_vec()
    } else {
        [b"%PDF-1.4\n".as_slice(), data].concat()
    };
    if let Ok(t) = iop_files::read(&bytes, &limits()) {
        check(&t);
    }
});
