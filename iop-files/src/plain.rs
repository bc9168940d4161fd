//! Plain text in the encodings Swedish offices still produce: UTF-8 (with or without a
//! byte-order mark), UTF-16 with a byte-order mark, and Windows-1252 (a superset of Latin-1)
//! when the bytes are not UTF-8. The decoded text is what the user is shown, and every range
//! refers to it, so "Kvinnojouren Kalmar" in a Latin-1 file is found where it stands.

use crate::{paragraphs, FileError, Format, Text};

/// Reads bytes that are no PDF or zip as text.
pub(crate) fn read(bytes: &[u8]) -> Result<Text, FileError> {
    let text = decode(bytes)?;
    let paragraphs = paragraphs::of_plain(&text);
    Ok(Text {
        text,
        pages: Vec::new(),
        paragraphs,
        format: Format::Text,
    })
}

/// The text of `bytes`: the byte-order mark decides when there is one; else UTF-8 when the
/// bytes are valid UTF-8, else Windows-1252. Binary data (control bytes that no text file
/// holds) is not text.
fn decode(bytes: &[u8]) -> Result<String, FileError> {
    // `for_bom` knows UTF-8, UTF-16LE and UTF-16BE marks; the mark itself is left out.
    let (text, malformed) = if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let (t, bad) = enc.decode_without_bom_handling(body);
        (t.into_owned(), bad)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), false)
    } else {
        let (t, bad) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        (t.into_owned(), bad)
    };
    if malformed || looks_binary(&text) {
        return Err(FileError::NotSupported);
    }
    Ok(text)
}

/// Whether a decoded text holds control characters that text files do not: a NUL, or more than
/// one in a hundred characters other than tab, line feed, carriage return and form feed.
fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut all = 0usize;
    for c in text.chars() {
        all += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls * 100 > all
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn latin1_is_read_as_windows_1252_and_ranges_point_at_its_words() {
        let bytes = b"Avtal mellan V\xe4rmd\xf6 kommun och Kvinnojouren Kalmar m.fl.";
        let t = read(bytes).unwrap();
        let at = t.text.find("Kvinnojouren Kalmar").unwrap();
        assert_eq!(t.text.get(at..at + 19), Some("Kvinnojouren Kalmar"));
        assert!(t.text.contains("Värmdö"));
    }

    #[test]
    fn utf16_with_either_byte_order_mark_is_read() {
        let s = "Värmdö kommun betalar 1 250 000 kr per år.";
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(read(&le).unwrap().text, s);
        assert_eq!(read(&be).unwrap().text, s);
    }

    #[test]
    fn a_utf8_byte_order_mark_is_left_out() {
        let t = read("\u{feff}Syfte".as_bytes()).unwrap();
        assert_eq!(t.text, "Syfte");
    }

    #[test]
    fn binary_data_is_not_text() {
        assert_eq!(read(b"\x00\x01\x02abc"), Err(FileError::NotSupported));
        let noise: Vec<u8> = (0..200u8).map(|i| i % 32).collect();
        assert_eq!(read(&noise), Err(FileError::NotSupported));
    }
}
