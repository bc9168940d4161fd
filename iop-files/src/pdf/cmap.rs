//! ToUnicode CMaps: which characters each character code of a font stands for. Read leniently:
//! a broken entry is skipped and the rest kept, ranges are capped, so a broken map gives
//! less text, never an error.

use std::collections::HashMap;

/// The most codes one `bfrange` maps (a real one maps at most 256 of a byte's values; a font
/// maps at most 65 536 codes).
const MAX_RANGE: u32 = 0x1_0000;
/// The most codes a whole map holds.
const MAX_ENTRIES: usize = 200_000;

/// A ToUnicode map: code to text, and the byte lengths its code space ranges name.
#[derive(Default, Debug)]
pub(crate) struct ToUnicode {
    pub(crate) map: HashMap<u32, String>,
    /// The byte length of codes, when the map's code space says one length for all.
    pub(crate) code_bytes: Option<usize>,
}

/// Tokens of a CMap: hex strings, names, numbers and keywords; arrays are flattened with
/// markers.
#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
    Other,
}

fn tokens(bytes: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                i += 2;
                out.push(Tok::Other);
            }
            b'<' => {
                let end = bytes
                    .get(i..)
                    .and_then(|r| r.iter().position(|&c| c == b'>'))
                    .map_or(bytes.len(), |p| i + p);
                let digits: Vec<u8> = bytes
                    .get(i + 1..end)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let hex = digits
                    .chunks(2)
                    .map(|p| match p {
                        [h, l] => h << 4 | l,
                        [h] => h << 4,
                        _ => 0,
                    })
                    .collect();
                out.push(Tok::Hex(hex));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'%' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string: not used for mappings we read; skipped to its end.
                let mut depth = 0usize;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                out.push(Tok::Other);
            }
            c if c.is_ascii_whitespace() || c == 0 => i += 1,
            _ => {
                let start = i;
                while bytes.get(i).is_some_and(|&c| {
                    !c.is_ascii_whitespace()
                        && !matches!(c, b'<' | b'>' | b'[' | b']' | b'(' | b'%')
                }) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    out.push(Tok::Other);
                } else {
                    out.push(Tok::Word(bytes.get(start..i).unwrap_or_default().to_vec()));
                }
            }
        }
    }
    out
}

fn code_of(hex: &[u8]) -> Option<u32> {
    if hex.is_empty() || hex.len() > 4 {
        return None;
    }
    Some(hex.iter().fold(0u32, |a, &b| a << 8 | u32::from(b)))
}

/// UTF-16BE bytes as text; unpaired surrogates dropped.
fn utf16(hex: &[u8]) -> String {
    char::decode_utf16(units(hex))
        .filter_map(Result::ok)
        .collect()
}

/// UTF-16BE bytes as code units (a lone last byte as one unit).
fn units(hex: &[u8]) -> Vec<u16> {
    hex.chunks(2)
        .map(|p| match p {
            [h, l] => u16::from(*h) << 8 | u16::from(*l),
            [l] => u16::from(*l),
            _ => 0,
        })
        .collect()
}

/// Reads a ToUnicode CMap stream's bytes.
pub(crate) fn parse(bytes: &[u8]) -> ToUnicode {
    let toks = tokens(bytes);
    let mut out = ToUnicode::default();
    let mut lengths = Vec::new();
    let mut i = 0;
    let mut section: &[u8] = b"";
    while let Some(t) = toks.get(i) {
        if out.map.len() >= MAX_ENTRIES {
            break;
        }
        match t {
            Tok::Word(w) => {
                match w.as_slice() {
                    b"begincodespacerange" | b"beginbfchar" | b"beginbfrange" => {
                        section = w.as_slice();
                    }
                    b"endcodespacerange" | b"endbfchar" | b"endbfrange" => section = b"",
                    _ => {}
                }
                i += 1;
            }
            Tok::Hex(a) => match section {
                b"begincodespacerange" => {
                    lengths.push(a.len());
                    i += 2;
                }
                b"beginbfchar" => {
                    match (code_of(a), toks.get(i + 1)) {
                        (Some(code), Some(Tok::Hex(dst))) => {
                            out.map.insert(code, utf16(dst));
                        }
                        (Some(code), Some(Tok::Word(name))) if name.starts_with(b"/") => {
                            if let Some(s) =
                                super::glyphs::by_name(name.get(1..).unwrap_or_default())
                            {
                                out.map.insert(code, s.to_string());
                            }
                        }
                        _ => {}
                    }
                    i += 2;
                }
                b"beginbfrange" => {
                    let (lo, hi) = match (code_of(a), toks.get(i + 1)) {
                        (Some(lo), Some(Tok::Hex(h))) => (lo, code_of(h)),
                        _ => (0, None),
                    };
                    i += 2;
                    match toks.get(i) {
                        Some(Tok::Hex(dst)) => {
                            if let Some(hi) = hi.filter(|&hi| hi >= lo && hi - lo < MAX_RANGE) {
                                range(&mut out.map, lo, hi, dst);
                            }
                            i += 1;
                        }
                        Some(Tok::Open) => {
                            i += 1;
                            let mut code = lo;
                            while let Some(t) = toks.get(i) {
                                i += 1;
                                match t {
                                    Tok::Hex(dst) => {
                                        if hi.is_some_and(|hi| code <= hi) {
                                            out.map.insert(code, utf16(dst));
                                        }
                                        code = code.saturating_add(1);
                                    }
                                    Tok::Close => break,
                                    _ => {}
                                }
                            }
                        }
                        _ => i += 1,
                    }
                }
                _ => i += 1,
            },
            _ => i += 1,
        }
    }
    lengths.sort_unstable();
    lengths.dedup();
    if let [one] = lengths.as_slice() {
        out.code_bytes = Some(*one).filter(|&n| (1..=4).contains(&n));
    }
    out
}

/// Codes `lo..=hi` mapped from `dst`, its last UTF-16 unit counted up for each code.
fn range(map: &mut HashMap<u32, String>, lo: u32, hi: u32, dst: &[u8]) {
    let mut units: Vec<u16> = units(dst);
    if units.is_empty() {
        return;
    }
    for code in lo..=hi {
        if map.len() >= MAX_ENTRIES {
            return;
        }
        let s: String = char::decode_utf16(units.iter().copied())
            .filter_map(Result::ok)
            .collect();
        map.insert(code, s);
        if let Some(last) = units.last_mut() {
            *last = last.wrapping_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_both_kinds_of_bfrange_are_read() {
        let m = parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <00E5> endbfchar\n\
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<FB01> <00660066>] endbfrange end",
        );
        assert_eq!(m.code_bytes, Some(2));
        assert_eq!(m.map.get(&0x11).map(String::as_str), Some("å"));
        assert_eq!(m.map.get(&0x22).map(String::as_str), Some("C"));
        assert_eq!(m.map.get(&0x31).map(String::as_str), Some("ff"));
    }

    #[test]
    fn a_broken_map_keeps_what_it_can() {
        let m = parse(b"3 beginbfchar <01> <0041> <02> garbage <03> <0043 endbfchar <FFFF> <0000> <0041> endbfrange");
        assert_eq!(m.map.get(&1).map(String::as_str), Some("A"));
        assert!(m.map.len() <= 3);
    }
}
