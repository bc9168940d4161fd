//! The zip and XML underneath Word (DOCX) and OpenDocument (ODT) files, read within bounds: at
//! most [`Limits::max_zip_entries`] entries, each entry inflated through a reader that stops at
//! [`Limits::max_stream_bytes`] whatever size the zip declares (a declared size is never trusted
//! nor used to reserve memory), elements nested at most [`Limits::max_depth`] deep, and no
//! DOCTYPE, so no entity of the file's own is ever expanded.

use crate::{docx, odt, FileError, Limits, Text};
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The media types of OpenDocument texts in their `mimetype` entry: a text, and the same
/// `content.xml` saved as a web page, master document or template.
const ODT_MIMETYPES: &[&[u8]] = &[
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-web",
    b"application/vnd.oasis.opendocument.text-master",
    b"application/vnd.oasis.opendocument.text-template",
];

/// Reads a zip as DOCX or ODT, told apart by its entries.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Text, FileError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| FileError::Damaged)?;
    if zip.len() > limits.max_zip_entries {
        return Err(FileError::LimitExceeded);
    }
    if zip.index_for_name("word/document.xml").is_some() {
        let xml = entry(&mut zip, "word/document.xml", limits)?;
        return docx::read(&xml, limits);
    }
    if zip.index_for_name("mimetype").is_some() {
        let mime = entry(&mut zip, "mimetype", limits)?;
        if ODT_MIMETYPES.contains(&mime.trim_ascii()) {
            let xml = entry(&mut zip, "content.xml", limits)?;
            return odt::read(&xml, limits);
        }
    }
    // A spreadsheet, a presentation, an archive of something else.
    Err(FileError::NotSupported)
}

/// The inflated bytes of one entry, never more than the limit: the reader stops one byte past
/// it, whatever the entry declares.
fn entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<u8>, FileError> {
    let file = zip.by_name(name).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(_) => FileError::NotSupported,
        _ => FileError::Damaged,
    })?;
    let limit = limits.max_stream_bytes as u64;
    let mut out = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|_| FileError::Damaged)?;
    if out.len() as u64 > limit {
        return Err(FileError::LimitExceeded);
    }
    Ok(out)
}

/// One step through an XML document, as the DOCX and ODT readers see it.
pub(crate) enum Step<'a, 'x> {
    /// An element opens (an empty element opens and then closes).
    Open(&'a BytesStart<'x>),
    /// The element of this local name closes.
    Close(&'a str),
    /// Character data, entities resolved.
    Chars(&'a str),
}

/// Walks `xml`, calling `on` for each step. A DOCTYPE is refused (Office and OpenDocument
/// files never have one, and it is how entity expansion attacks begin); a reference to an
/// entity other than the five of XML and character references is left out, never expanded.
pub(crate) fn walk(
    xml: &[u8],
    limits: &Limits,
    mut on: impl FnMut(Step<'_, '_>) -> Result<(), FileError>,
) -> Result<(), FileError> {
    let xml = std::str::from_utf8(xml).map_err(|_| FileError::Damaged)?;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|_| FileError::Damaged)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(FileError::LimitExceeded);
                }
                on(Step::Open(&e))?;
            }
            Event::Empty(e) => {
                if depth + 1 > limits.max_depth {
                    return Err(FileError::LimitExceeded);
                }
                on(Step::Open(&e))?;
                on(Step::Close(e.local_name().into_inner()))?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                on(Step::Close(e.local_name().into_inner()))?;
            }
            Event::Text(t) => on(Step::Chars(&t.xml10_content()))?,
            Event::CData(t) => on(Step::Chars(&t))?,
            Event::GeneralRef(r) => {
                if let Some(c) = resolve(&r) {
                    let mut buf = [0u8; 4];
                    on(Step::Chars(c.encode_utf8(&mut buf)))?;
                }
            }
            Event::DocType(_) => return Err(FileError::Damaged),
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
}

/// The character an entity reference stands for: one of XML's five, or a character reference.
fn resolve(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The value of the attribute of local name `name`, entities resolved.
pub(crate) fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The paragraphs and table rows open in a DOCX or ODT walk, innermost last: what both formats
/// do with a paragraph's words once it is done.
#[derive(Default)]
pub(crate) struct Open {
    /// Open paragraphs (a text box's paragraphs sit inside another's).
    pub(crate) paras: Vec<String>,
    /// Open table rows: the cells done, and the open cell's text.
    pub(crate) rows: Vec<(Vec<String>, String)>,
}

impl Open {
    /// Adds `s` to the innermost open paragraph.
    pub(crate) fn put(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.push_str(s);
        }
    }

    /// A finished paragraph: into the enclosing paragraph (a text box), the open table cell, or
    /// the text.
    pub(crate) fn done(
        &mut self,
        p: &str,
        out: &mut crate::paragraphs::Builder,
    ) -> Result<(), FileError> {
        if p.is_empty() {
            return Ok(());
        }
        if let Some(outer) = self.paras.last_mut() {
            // A text box anchored in a paragraph: its words stand apart from the paragraph's.
            outer.push(' ');
            outer.push_str(p);
            return Ok(());
        }
        if let Some((_, cell)) = self.rows.last_mut() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(p);
            return Ok(());
        }
        out.paragraph(p)
    }
}
