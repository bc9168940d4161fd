//! Runs a page's content stream and places each glyph it shows: the text operators (BT/ET, Tf,
//! Tm, Td, TD, T*, TL, Tc, Tw, Tz, Ts, Tr, Tj, TJ, ', "), the graphics state (q/Q, cm), and form
//! XObjects (Do), whose own content runs with its matrix. Every text render mode is read,
//! the invisible one (3) too: that is the text layer of an OCRed scan.
//!
//! Bounded: [`Limits::max_operators`] operators a page (forms included), forms nested at most
//! [`Limits::max_form_depth`] deep and never inside themselves, at most [`MAX_STACK`] saved
//! states.

use super::content::{Lexer, Operand};
use super::fonts::Font;
use super::Doc;
use crate::{FileError, Limits};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// The most graphics states saved (`q`) at once; deeper saves are ignored.
const MAX_STACK: usize = 256;

/// A glyph placed on the page: its text, the origin of its baseline and its advance, in the
/// page's default coordinates (y grows upwards), and the font size as drawn.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) size: f64,
    pub(crate) text: String,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`: the matrix product a × b.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Runs pages of one document, keeping the fonts it has read.
pub(crate) struct Interpreter<'d> {
    doc: &'d Doc,
    fonts: HashMap<ObjectId, Rc<Font>>,
}

/// One page's run: the pieces placed, the operators counted, the forms being drawn.
struct Run<'d> {
    doc: &'d Doc,
    limits: &'d Limits,
    pieces: Vec<Piece>,
    operators: usize,
    forms: Vec<ObjectId>,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
}

impl<'d> Interpreter<'d> {
    pub(crate) fn new(doc: &'d Doc) -> Self {
        Interpreter {
            doc,
            fonts: HashMap::new(),
        }
    }

    /// The glyphs of one page.
    pub(crate) fn page(&mut self, page: ObjectId) -> Result<Vec<Piece>, FileError> {
        let doc = self.doc;
        let resources = doc.dict(doc.inherited(page, b"Resources"));
        let mut bytes = Vec::new();
        let contents = doc
            .dict(doc.object(page))
            .and_then(|p| p.get(b"Contents").ok());
        match doc.resolve(contents) {
            Some(Object::Array(parts)) => {
                for part in parts.iter().take(10_000) {
                    if let Some(b) = doc.stream_bytes(part) {
                        bytes.extend_from_slice(&b);
                        bytes.push(b'\n');
                    }
                }
            }
            Some(o @ Object::Stream(_)) => {
                if let Some(b) = doc.stream_bytes(o) {
                    bytes = b;
                }
            }
            _ => {}
        }
        let mut run = Run {
            doc,
            limits: doc.limits(),
            pieces: Vec::new(),
            operators: 0,
            forms: Vec::new(),
            state: State::default(),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
        };
        run.content(&bytes, resources, &mut self.fonts)?;
        Ok(run.pieces)
    }
}

impl<'d> Run<'d> {
    fn content(
        &mut self,
        bytes: &[u8],
        resources: Option<&'d Dictionary>,
        fonts: &mut HashMap<ObjectId, Rc<Font>>,
    ) -> Result<(), FileError> {
        let mut lexer = Lexer::new(bytes, self.limits.max_depth);
        let mut ops = Vec::new();
        // A malformed stream ends where it stops reading; nesting too deep is the file's fault.
        while let Ok(op) = lexer.next_op(&mut ops) {
            self.operators += 1;
            if self.operators > self.limits.max_operators {
                return Err(FileError::LimitExceeded);
            }
            self.operator(&op, &ops, resources, fonts)?;
        }
        Ok(())
    }

    fn operator(
        &mut self,
        op: &[u8],
        ops: &[Operand],
        resources: Option<&'d Dictionary>,
        fonts: &mut HashMap<ObjectId, Rc<Font>>,
    ) -> Result<(), FileError> {
        let n = |i: usize| ops.get(i).and_then(Operand::number).unwrap_or(0.0);
        // The last operands, as the operator takes them (extra operands before are ignored).
        let last = |k: usize| ops.len().saturating_sub(k);
        let six = || -> Matrix {
            let b = last(6);
            [n(b), n(b + 1), n(b + 2), n(b + 3), n(b + 4), n(b + 5)]
        };
        match op {
            b"q" if self.stack.len() < MAX_STACK => self.stack.push(self.state.clone()),
            b"Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            b"cm" => self.state.ctm = mul(&six(), &self.state.ctm),
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                let b = last(2);
                self.state.size = n(b + 1);
                self.state.font = match ops.get(b) {
                    Some(Operand::Name(name)) => Some(self.font(name, resources, fonts)),
                    _ => None,
                };
            }
            b"Tc" => self.state.char_spacing = n(last(1)),
            b"Tw" => self.state.word_spacing = n(last(1)),
            b"Tz" => self.state.scale = n(last(1)) / 100.0,
            b"TL" => self.state.leading = n(last(1)),
            b"Ts" => self.state.rise = n(last(1)),
            b"Td" => {
                let b = last(2);
                self.move_line(n(b), n(b + 1));
            }
            b"TD" => {
                let b = last(2);
                self.state.leading = -n(b + 1);
                self.move_line(n(b), n(b + 1));
            }
            b"Tm" => {
                self.tm = six();
                self.tlm = self.tm;
            }
            b"T*" => self.move_line(0.0, -self.state.leading),
            b"Tj" => {
                if let Some(Operand::Str(s)) = ops.last() {
                    self.show(s);
                }
            }
            b"'" => {
                self.move_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s)) = ops.last() {
                    self.show(s);
                }
            }
            b"\"" => {
                let b = last(3);
                self.state.word_spacing = n(b);
                self.state.char_spacing = n(b + 1);
                self.move_line(0.0, -self.state.leading);
                if let Some(Operand::Str(s)) = ops.last() {
                    self.show(s);
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = ops.last() {
                    for item in items {
                        match item {
                            Operand::Str(s) => self.show(s),
                            Operand::Number(k) => {
                                let tx = -k / 1000.0 * self.state.size * self.state.scale;
                                self.advance(tx);
                            }
                            _ => {}
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(Operand::Name(name)) = ops.last() {
                    self.form(name, resources, fonts)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn move_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn advance(&mut self, tx: f64) {
        if tx.is_finite() {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
        }
    }

    /// The font of a `Tf` name in the resources; a font read once is kept.
    fn font(
        &self,
        name: &[u8],
        resources: Option<&'d Dictionary>,
        fonts: &mut HashMap<ObjectId, Rc<Font>>,
    ) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| doc.dict(r.get(b"Font").ok()))
            .and_then(|f| f.get(name).ok());
        if let Some(Object::Reference(id)) = entry {
            if let Some(f) = fonts.get(id) {
                return Rc::clone(f);
            }
            let font = Rc::new(
                doc.dict(entry)
                    .map_or_else(Font::fallback, |d| Font::from_dict(doc, d)),
            );
            fonts.insert(*id, Rc::clone(&font));
            return font;
        }
        Rc::new(
            doc.dict(entry)
                .map_or_else(Font::fallback, |d| Font::from_dict(doc, d)),
        )
    }

    /// Places the glyphs of a shown string and moves past them.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let s = &self.state;
        let (size, scale) = (s.size, s.scale);
        for g in font.glyphs(bytes) {
            let m = mul(&self.tm, &self.state.ctm);
            let trm = mul(&[size * scale, 0.0, 0.0, size, 0.0, self.state.rise], &m);
            let mut tx = g.width * size + self.state.char_spacing;
            if g.is_space_code {
                tx += self.state.word_spacing;
            }
            tx *= scale;
            // Text that runs left to right and stands upright is read; rotated or mirrored
            // text (a watermark, a margin note up the side) is not part of the prose.
            let upright = trm[0] > 0.0 && trm[1].abs() <= 0.2 * trm[0] && trm[3] > 0.0;
            let text = normalise(&g.text);
            if upright && !text.is_empty() && self.pieces.len() < 5_000_000 {
                let x_scale = m[0].hypot(m[1]);
                self.pieces.push(Piece {
                    x: trm[4],
                    y: trm[5],
                    width: tx * x_scale,
                    size: trm[2].hypot(trm[3]).abs(),
                    text,
                });
            }
            self.advance(tx);
        }
    }

    /// Draws a form XObject: its content with its own resources (or the page's) and matrix.
    fn form(
        &mut self,
        name: &[u8],
        resources: Option<&'d Dictionary>,
        fonts: &mut HashMap<ObjectId, Rc<Font>>,
    ) -> Result<(), FileError> {
        let doc = self.doc;
        let Some(Object::Reference(id)) = resources
            .and_then(|r| doc.dict(r.get(b"XObject").ok()))
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        // A form that draws itself, directly or through others, is drawn once.
        if self.forms.contains(id) || self.forms.len() >= self.limits.max_form_depth {
            return Ok(());
        }
        let Some(obj @ Object::Stream(stream)) = doc.object(*id) else {
            return Ok(());
        };
        if doc.name(stream.dict.get(b"Subtype").ok()).as_deref() != Some(b"Form") {
            return Ok(());
        }
        let Some(bytes) = doc.stream_bytes(obj) else {
            return Ok(());
        };
        let own = doc.dict(stream.dict.get(b"Resources").ok()).or(resources);
        let matrix: Vec<f64> = doc
            .array(stream.dict.get(b"Matrix").ok())
            .unwrap_or_default()
            .iter()
            .filter_map(|o| doc.number(Some(o)))
            .collect();
        let matrix = match matrix.as_slice() {
            [a, b, c, d, e, f] => [*a, *b, *c, *d, *e, *f],
            _ => IDENTITY,
        };
        let saved = (self.state.clone(), self.tm, self.tlm, self.stack.len());
        self.state.ctm = mul(&matrix, &self.state.ctm);
        self.forms.push(*id);
        let result = self.content(&bytes, own, fonts);
        self.forms.pop();
        (self.state, self.tm, self.tlm) = (saved.0, saved.1, saved.2);
        self.stack.truncate(saved.3);
        result
    }
}

/// A glyph's text as the reader wants it: ligatures as their letters, control characters out.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
