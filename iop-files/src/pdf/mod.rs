//! PDF: the text of each page in reading order, from the text layer (visible or invisible, as
//! OCRmyPDF writes it). `lopdf` parses the file's objects and decodes its streams (within our
//! byte bounds); what the pages show is our own: [`interpret`] runs each page's content stream
//! and places every glyph, [`fonts`] says which characters a glyph stands for, and [`layout`]
//! makes lines, columns and paragraphs of the placed glyphs and drops running headers and
//! footers.
//!
//! Why not `lopdf`'s own `extract_text`: it puts each text-showing operator on a line of its
//! own, so a kerned "1 250 000" is split across lines, and it reads nothing from an OCRmyPDF
//! file. Placing glyphs and joining them by position reads both.

mod cmap;
mod content;
mod fonts;
mod glyphs;
mod interpret;
mod layout;

use crate::paragraphs::Builder;
use crate::{FileError, Format, Limits, Text};
use lopdf::{Dictionary, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashSet;

/// Reads a PDF's text, page by page.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Text, FileError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..Default::default()
    };
    let pdf = lopdf::Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    // lopdf opens a file encrypted with an empty user password (and then drops `/Encrypt`);
    // one that keeps it needs a password we do not have.
    if pdf.trailer.has(b"Encrypt") {
        return Err(FileError::Encrypted);
    }
    let doc = Doc {
        pdf,
        limits: limits.clone(),
        inflated: Cell::new(0),
        over: Cell::new(false),
    };
    let page_ids = doc.pages()?;
    if page_ids.is_empty() {
        return Err(FileError::Damaged);
    }
    let mut interpreter = interpret::Interpreter::new(&doc);
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in &page_ids {
        let pieces = interpreter.page(*id)?;
        if doc.over.get() {
            return Err(FileError::LimitExceeded);
        }
        pages.push(layout::Page::new(pieces, doc.media_box(*id)));
    }
    if pages.iter().all(layout::Page::is_empty) {
        return Err(FileError::ScanOnly);
    }
    layout::drop_running_lines(&mut pages);
    let mut out = Builder::new(limits.max_text_bytes);
    let mut ended_full = false;
    for page in &pages {
        out.begin_page();
        let paragraphs = page.paragraphs();
        for (i, p) in paragraphs.iter().enumerate() {
            // A sentence cut by the page break: its words on the next page run on, when they
            // start in lower case, or when the last line ran to the edge and the next page
            // does not start with a numbered heading.
            let first = p.chars().next();
            let runs_on = first.is_some_and(char::is_lowercase)
                || (ended_full && first.is_some_and(|c| !c.is_ascii_digit() && c != '§'));
            if i == 0 && out.open_sentence() && runs_on {
                out.run_on(p)?;
            } else {
                out.paragraph(p)?;
            }
        }
        ended_full = page.ends_full();
    }
    Ok(out.finish(Format::Pdf))
}

fn load_error(e: lopdf::Error) -> FileError {
    use lopdf::Error as E;
    match e {
        E::Decryption(_)
        | E::InvalidPassword
        | E::UnsupportedSecurityHandler(_)
        | E::AlreadyEncrypted => FileError::Encrypted,
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })
        | E::Decompress(lopdf::DecompressError::TooManyFilters { .. })
        | E::RecursionLimit
        | E::ReferenceLimit => FileError::LimitExceeded,
        _ => FileError::Damaged,
    }
}

/// The loaded document, with the inflated bytes counted against the limits.
pub(crate) struct Doc {
    pdf: lopdf::Document,
    limits: Limits,
    inflated: Cell<usize>,
    /// A stream went past a limit: the read fails with [`FileError::LimitExceeded`].
    over: Cell<bool>,
}

/// The most references followed to reach one object: real files chain two or three.
const MAX_HOPS: usize = 16;

impl Doc {
    /// `o`, references followed.
    pub(crate) fn resolve<'a>(&'a self, mut o: Option<&'a Object>) -> Option<&'a Object> {
        for _ in 0..MAX_HOPS {
            match o? {
                Object::Reference(id) => o = self.pdf.objects.get(id),
                other => return Some(other),
            }
        }
        None
    }

    pub(crate) fn dict<'a>(&'a self, o: Option<&'a Object>) -> Option<&'a Dictionary> {
        match self.resolve(o)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    pub(crate) fn array<'a>(&'a self, o: Option<&'a Object>) -> Option<&'a [Object]> {
        match self.resolve(o)? {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    pub(crate) fn name(&self, o: Option<&Object>) -> Option<Vec<u8>> {
        match self.resolve(o)? {
            Object::Name(n) => Some(n.clone()),
            _ => None,
        }
    }

    pub(crate) fn number(&self, o: Option<&Object>) -> Option<f64> {
        let v = match self.resolve(o)? {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => f64::from(*r),
            _ => return None,
        };
        v.is_finite().then_some(v)
    }

    /// A stream's decoded bytes, within the per-stream and whole-file bounds; `None` when it
    /// does not decode (and the limit flag set when a bound stopped it).
    pub(crate) fn stream_bytes(&self, o: &Object) -> Option<Vec<u8>> {
        let Object::Stream(s) = self.resolve(Some(o))? else {
            return None;
        };
        let left = self
            .limits
            .max_total_bytes
            .saturating_sub(self.inflated.get());
        let limit = self.limits.max_stream_bytes.min(left);
        match s.get_plain_content_with_limit(limit) {
            Ok(b) => {
                self.inflated.set(self.inflated.get() + b.len());
                Some(b)
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.over.set(true);
                None
            }
            // A damaged stream (a truncated deflate, an unknown filter) shows nothing.
            Err(_) => None,
        }
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    pub(crate) fn object(&self, id: ObjectId) -> Option<&Object> {
        self.pdf.objects.get(&id)
    }

    /// The page objects in order, from the catalog's page tree: each node visited once (a
    /// cyclic tree ends), at most [`Limits::max_pages`] pages.
    fn pages(&self) -> Result<Vec<ObjectId>, FileError> {
        let root = self.dict(self.pdf.trailer.get(b"Root").ok());
        let Some(Object::Reference(top)) = root.and_then(|r| r.get(b"Pages").ok()) else {
            return Err(FileError::Damaged);
        };
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        // Depth-first, children in order: a stack of nodes still to visit, last child first.
        let mut stack = vec![(*top, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id) || depth > self.limits.max_depth {
                continue;
            }
            let Some(node) = self.dict(self.object(id)) else {
                continue;
            };
            match self.array(node.get(b"Kids").ok()) {
                Some(kids) => {
                    for kid in kids.iter().rev() {
                        if let Object::Reference(k) = kid {
                            stack.push((*k, depth + 1));
                        }
                    }
                }
                None => {
                    out.push(id);
                    if out.len() > self.limits.max_pages {
                        return Err(FileError::TooManyPages {
                            limit: self.limits.max_pages,
                        });
                    }
                }
            }
            if stack.len() > 1_000_000 {
                return Err(FileError::LimitExceeded);
            }
        }
        Ok(out)
    }

    /// An entry of a page or one of its ancestors (`/Resources`, `/MediaBox` are inherited).
    pub(crate) fn inherited(&self, page: ObjectId, key: &[u8]) -> Option<&Object> {
        let mut node = self.dict(self.object(page))?;
        for _ in 0..64 {
            if let Ok(v) = node.get(key) {
                return Some(v);
            }
            node = self.dict(node.get(b"Parent").ok())?;
        }
        None
    }

    /// The page's box: left, bottom, right, top; US Letter when it says none.
    fn media_box(&self, page: ObjectId) -> [f64; 4] {
        let b: Vec<f64> = self
            .array(self.inherited(page, b"MediaBox"))
            .unwrap_or_default()
            .iter()
            .filter_map(|o| self.number(Some(o)))
            .collect();
        match b.as_slice() {
            [x0, y0, x1, y1] if x1 > x0 && y1 > y0 => [*x0, *y0, *x1, *y1],
            _ => [0.0, 0.0, 612.0, 792.0],
        }
    }
}
