//! Fonts as text: for each character code a font shows, the characters it stands for and how
//! far it advances. The ToUnicode map decides when it has the code; else a simple font's
//! `/Encoding` (a base encoding with `/Differences` by glyph name). Widths come from `/Widths`
//! (simple fonts) or `/W` (composite fonts), in thousandths of the font size.

use super::cmap::{self, ToUnicode};
use super::glyphs::{self, Base};
use super::Doc;
use lopdf::{Dictionary, Object};
use std::collections::HashMap;

/// One font, ready to turn shown strings into characters and advances.
#[derive(Debug)]
pub(crate) struct Font {
    /// Codes are this many bytes (1 for simple fonts; 2 for Identity-H and most composite ones).
    code_bytes: usize,
    to_unicode: ToUnicode,
    /// A simple font's encoding: the text of each byte.
    simple: Option<Box<[Option<String>; 256]>>,
    first_char: u32,
    widths: Vec<f64>,
    cid_widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space: 0.001 for all fonts but Type3, which say their own.
    scale: f64,
}

/// One character code of a shown string.
pub(crate) struct Glyph {
    /// What it stands for; empty when the font does not say.
    pub(crate) text: String,
    /// Its advance in text space units per unit of font size.
    pub(crate) width: f64,
    /// A one-byte code 32, which word spacing (`Tw`) widens.
    pub(crate) is_space_code: bool,
}

impl Font {
    /// A font with no dictionary (a `Tf` naming none): one-byte codes read as WinAnsi.
    pub(crate) fn fallback() -> Font {
        Font {
            code_bytes: 1,
            to_unicode: ToUnicode::default(),
            simple: Some(simple_table(Base::WinAnsi, None)),
            first_char: 0,
            widths: Vec::new(),
            cid_widths: HashMap::new(),
            default_width: 500.0,
            scale: 0.001,
        }
    }

    pub(crate) fn from_dict(doc: &Doc, dict: &Dictionary) -> Font {
        let subtype = doc.name(dict.get(b"Subtype").ok()).unwrap_or_default();
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| doc.stream_bytes(o))
            .map(|b| cmap::parse(&b))
            .unwrap_or_default();
        if subtype == b"Type0" {
            let descendant = doc
                .array(dict.get(b"DescendantFonts").ok())
                .and_then(|a| a.first().cloned())
                .and_then(|o| doc.dict(Some(&o)).cloned());
            let (cid_widths, default_width) = descendant
                .as_ref()
                .map(|d| cid_widths(doc, d))
                .unwrap_or_default();
            // A predefined CMap is two bytes a code (Identity-H/V, the UCS-2 ones); an
            // embedded one says its code space, as the ToUnicode map usually also does.
            let code_bytes = match dict.get(b"Encoding").ok() {
                Some(Object::Name(_)) | None => 2,
                Some(o) => doc
                    .stream_bytes(o)
                    .and_then(|b| cmap::parse(&b).code_bytes)
                    .or(to_unicode.code_bytes)
                    .unwrap_or(2),
            };
            return Font {
                code_bytes,
                to_unicode,
                simple: None,
                first_char: 0,
                widths: Vec::new(),
                cid_widths,
                default_width,
                scale: 0.001,
            };
        }
        let base = match doc.name(dict.get(b"Encoding").ok()).as_deref() {
            Some(b"MacRomanEncoding") => Some(Base::MacRoman),
            Some(b"WinAnsiEncoding") => Some(Base::WinAnsi),
            Some(b"StandardEncoding") => Some(Base::Standard),
            _ => None,
        };
        let enc_dict = doc.dict(dict.get(b"Encoding").ok()).cloned();
        let base = base
            .or_else(|| {
                enc_dict
                    .as_ref()
                    .and_then(|d| doc.name(d.get(b"BaseEncoding").ok()))
                    .and_then(|n| match n.as_slice() {
                        b"MacRomanEncoding" => Some(Base::MacRoman),
                        b"WinAnsiEncoding" => Some(Base::WinAnsi),
                        b"StandardEncoding" => Some(Base::Standard),
                        _ => None,
                    })
            })
            // A font without an encoding uses its own built-in one, which for the text
            // fonts agreements use is Standard or close to WinAnsi; WinAnsi reads more.
            .unwrap_or(Base::WinAnsi);
        let differences = enc_dict
            .as_ref()
            .and_then(|d| doc.array(d.get(b"Differences").ok()))
            .map(|a| a.to_vec());
        let first_char = doc.number(dict.get(b"FirstChar").ok()).unwrap_or(0.0);
        let widths: Vec<f64> = doc
            .array(dict.get(b"Widths").ok())
            .map(|a| a.to_vec())
            .unwrap_or_default()
            .iter()
            .take(256)
            .map(|w| doc.number(Some(w)).unwrap_or(0.0))
            .collect();
        let scale = if subtype == b"Type3" {
            doc.array(dict.get(b"FontMatrix").ok())
                .and_then(|m| m.first().cloned())
                .and_then(|a| doc.number(Some(&a)))
                .filter(|s| s.is_finite() && s.abs() > 1e-6 && s.abs() < 10.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let missing = doc
            .dict(dict.get(b"FontDescriptor").ok())
            .cloned()
            .and_then(|d| doc.number(d.get(b"MissingWidth").ok()))
            .filter(|w| *w > 0.0);
        Font {
            code_bytes: 1,
            to_unicode,
            simple: Some(simple_table(base, differences.as_deref())),
            first_char: if first_char.is_finite() && first_char >= 0.0 {
                first_char as u32
            } else {
                0
            },
            widths,
            cid_widths: HashMap::new(),
            // Without widths a glyph is taken as half an em: spaces between strings are then
            // found by position, as they are for every font.
            default_width: missing.unwrap_or(if scale == 0.001 { 500.0 } else { 0.5 / scale }),
            scale,
        }
    }

    /// The glyphs of a shown string.
    pub(crate) fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let n = self.code_bytes.clamp(1, 4);
        bytes
            .chunks(n)
            .map(|c| {
                let code = c.iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
                let text = self
                    .to_unicode
                    .map
                    .get(&code)
                    .cloned()
                    .or_else(|| {
                        self.simple
                            .as_ref()
                            .and_then(|t| t.get(code as usize).cloned().flatten())
                    })
                    .unwrap_or_default();
                Glyph {
                    text,
                    width: self.width(code) * self.scale,
                    is_space_code: n == 1 && code == 32,
                }
            })
            .collect()
    }

    fn width(&self, code: u32) -> f64 {
        let w = if self.simple.is_some() {
            code.checked_sub(self.first_char)
                .and_then(|i| self.widths.get(i as usize).copied())
        } else {
            self.cid_widths.get(&code).copied()
        };
        w.filter(|w| w.is_finite() && *w >= 0.0)
            .unwrap_or(self.default_width)
    }
}

/// A simple font's 256 codes: the base encoding, then the differences by glyph name.
fn simple_table(base: Base, differences: Option<&[Object]>) -> Box<[Option<String>; 256]> {
    let mut t: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|i| {
        glyphs::in_base(base, i as u8).map(String::from)
    }));
    let mut code: Option<usize> = None;
    for o in differences.unwrap_or_default() {
        match o {
            Object::Integer(i) => code = usize::try_from(*i).ok(),
            Object::Real(r) => code = Some(*r as usize),
            Object::Name(n) => {
                if let Some(c) = code {
                    if let Some(slot) = t.get_mut(c) {
                        // A glyph name we do not know keeps the base encoding's character: a
                        // subset font's `/g123` often stands where the base has it right.
                        if let Some(s) = glyphs::by_name(n) {
                            *slot = Some(s);
                        }
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
    t
}

/// A composite font's widths (`/W`: `c [w1 w2 …]` or `c1 c2 w`) and default width (`/DW`).
fn cid_widths(doc: &Doc, d: &Dictionary) -> (HashMap<u32, f64>, f64) {
    let dw = doc
        .number(d.get(b"DW").ok())
        .filter(|w| w.is_finite() && *w >= 0.0)
        .unwrap_or(1000.0);
    let mut out = HashMap::new();
    let w = doc
        .array(d.get(b"W").ok())
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let mut i = 0;
    while i < w.len() && out.len() < 70_000 {
        let first = w.get(i).and_then(|o| doc.number(Some(o)));
        match (first, w.get(i + 1)) {
            (Some(c), Some(Object::Array(ws))) => {
                for (k, x) in ws.iter().enumerate().take(70_000) {
                    if let Some(x) = doc.number(Some(x)) {
                        out.insert(c as u32 + k as u32, x);
                    }
                }
                i += 2;
            }
            (Some(c1), Some(o)) => {
                let c2 = doc.number(Some(o));
                let x = w.get(i + 2).and_then(|o| doc.number(Some(o)));
                if let (Some(c2), Some(x)) = (c2, x) {
                    let (a, b) = (c1 as u32, c2 as u32);
                    for c in a..=b.min(a.saturating_add(70_000)) {
                        out.insert(c, x);
                    }
                }
                i += 3;
            }
            _ => i += 1,
        }
    }
    (out, dw)
}
