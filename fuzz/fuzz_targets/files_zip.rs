//! DOCX and ODT through iop-files: the first byte chooses whole zip files (as a user gives
//! them) or the XML of `word/document.xml` or `content.xml` alone (so mutations reach the XML
//! readers past the zip's checksums). An error or a text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
include!("files_check.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let read = match choice % 3 {
        0 => iop_files::fuzzing::docx_xml(rest, &limits()),
        1 => iop_files::fuzzing::odt_xml(rest, &limits()),
        _ => iop_files::read(rest, &limits()),
    };
    if let Ok(t) = read {
        check(&t);
    }
});
