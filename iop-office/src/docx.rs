//! Word documents, written as WordprocessingML by hand: a few paragraphs, headings, bullet
//! lists and one kind of table need five small XML parts, and the zip writer is the one the
//! Excel writer brings already (a Word library would add its own XML and zip code to the
//! module). Every text from the model is escaped and stripped of what XML cannot hold.

use crate::{agreements_of, Error};
use chrono::NaiveDate;
use iop_core::compare::{side_by_side, ComparisonRow};
use iop_core::draft::text::{Block, Inline};
use iop_core::Agreement;
use std::io::Write;

/// A4 in twentieths of a point, and margins of 2 cm.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
const MARGIN: u32 = 1_134;
/// The width of the comparison's term column.
const TERM_COLUMN: u32 = 2_600;
/// More agreements than this turn the page to landscape.
const PORTRAIT_MAX: usize = 3;

/// A piece of a paragraph.
enum Piece {
    Text(String),
    Bold(String),
    Italic(String),
    /// A gap for the author, highlighted.
    Fill(String),
    Break,
}

/// XML text: `&`, `<`, `>` and `"` escaped; characters XML 1.0 cannot hold left out; line
/// breaks and tabs read as spaces.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn run(props: &str, text: &str) -> String {
    let props = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    format!(
        "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml(text)
    )
}

fn pieces(ps: &[Piece]) -> String {
    ps.iter()
        .map(|p| match p {
            Piece::Text(t) => run("", t),
            Piece::Bold(t) => run("<w:b/>", t),
            Piece::Italic(t) => run("<w:i/>", t),
            Piece::Fill(t) => run("<w:highlight w:val=\"yellow\"/>", t),
            Piece::Break => "<w:r><w:br/></w:r>".into(),
        })
        .collect()
}

/// The body of a document, built paragraph by paragraph.
struct Body {
    xml: String,
    landscape: bool,
}

impl Body {
    fn new(landscape: bool) -> Body {
        Body {
            xml: String::new(),
            landscape,
        }
    }

    fn para(&mut self, style: Option<&str>, ps: &[Piece]) {
        let style = style.map_or(String::new(), |s| {
            format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
        });
        self.xml
            .push_str(&format!("<w:p>{style}{}</w:p>", pieces(ps)));
    }

    fn text(&mut self, style: Option<&str>, text: &str) {
        self.para(style, &[Piece::Text(text.to_string())]);
    }

    /// The width the text may take, in twentieths of a point.
    fn width(&self) -> u32 {
        (if self.landscape { A4_LONG } else { A4_SHORT }) - 2 * MARGIN
    }

    /// A table with a header row (repeated on each page) and the first column in bold.
    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let n = u32::try_from(header.len().max(1)).unwrap_or(1);
        let rest = self.width().saturating_sub(TERM_COLUMN) / n.saturating_sub(1).max(1);
        let widths: Vec<u32> = (0..n)
            .map(|i| if i == 0 { TERM_COLUMN } else { rest })
            .collect();
        let border = |side: &str| {
            format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>")
        };
        let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|s| border(s))
            .collect();
        let mut t = format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>{borders}</w:tblBorders>\
<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>\
<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in &widths {
            t.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        t.push_str("</w:tblGrid>");
        let cell = |w: u32, fill: bool, ps: &[Piece]| {
            let shade = if fill {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F1\"/>"
            } else {
                ""
            };
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>",
                pieces(ps)
            )
        };
        t.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (h, w) in header.iter().zip(&widths) {
            t.push_str(&cell(*w, true, &[Piece::Bold(h.clone())]));
        }
        t.push_str("</w:tr>");
        for row in rows {
            t.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
                let p = if i == 0 {
                    Piece::Bold(c.clone())
                } else {
                    Piece::Text(c.clone())
                };
                t.push_str(&cell(*w, i == 0, &[p]));
            }
            t.push_str("</w:tr>");
        }
        t.push_str("</w:tbl>");
        self.xml.push_str(&t);
        // Word wants a paragraph between a table and what follows.
        self.text(None, "");
    }

    fn document(&self) -> String {
        let (w, h, orient) = if self.landscape {
            (A4_LONG, A4_SHORT, " w:orient=\"landscape\"")
        } else {
            (A4_SHORT, A4_LONG, "")
        };
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}\
<w:sectPr><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            self.xml
        )
    }

    /// The document as a .docx package, titled `title`.
    fn package(&self, title: &str) -> Result<Vec<u8>, Error> {
        let core = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>sv-SE</dc:language></cp:coreProperties>",
            xml(title)
        );
        let parts: [(&str, &str); 7] = [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/document.xml", &self.document()),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
            ("docProps/core.xml", &core),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        // No clock: every entry is dated 1980-01-01, so the same input gives the same bytes.
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, text) in parts {
            zip.start_file(name, options).map_err(Error::docx)?;
            zip.write_all(text.as_bytes()).map_err(Error::docx)?;
        }
        Ok(zip.finish().map_err(Error::docx)?.into_inner())
    }
}

/// The comparison of `rows` (computed on `at`) as a Word document: a title with the date, the
/// comparison as a table (a header row with each agreement's name, then one row per term with
/// the page's Swedish words, unknowns as `okänt`), and each agreement's sources with the
/// sections and quotes cited, from `agreements` (matched to the rows by id). More than three
/// agreements turn the page to landscape.
///
/// ```
/// use iop_core::{compare::compare, presets};
/// let agreements = vec![presets::kalmar_2025_2027(), presets::varmdo()];
/// let at = presets::date(2026, 1, 1);
/// let bytes = iop_office::comparison_docx(&agreements, &compare(&agreements, at), at).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn comparison_docx(
    agreements: &[Agreement],
    rows: &[ComparisonRow],
    at: NaiveDate,
) -> Result<Vec<u8>, Error> {
    let mut body = Body::new(rows.len() > PORTRAIT_MAX);
    let title = "Jämförelse av idéburna offentliga partnerskap";
    body.text(Some("Title"), title);
    body.para(
        None,
        &[Piece::Italic(format!(
            "Per {at}. {} avtal. Folkmängd {} (SCB). okänt = källan anger inte värdet.",
            rows.len(),
            iop_core::POPULATION_DATE
        ))],
    );
    let table = side_by_side(rows);
    let mut header = vec!["Villkor".to_string()];
    header.extend(rows.iter().map(|r| r.name.clone()));
    let lines: Vec<Vec<String>> = table
        .iter()
        .map(|t| {
            let mut line = vec![t.label_sv.to_string()];
            line.extend(t.cells.iter().map(|c| c.sv.clone()));
            line
        })
        .collect();
    body.table(&header, &lines);

    body.text(Some("Heading1"), "Källor");
    for (r, a) in rows.iter().zip(agreements_of(agreements, rows)) {
        body.text(Some("Heading2"), &r.name);
        let cited = a.map(crate::cited).unwrap_or_default();
        if cited.is_empty() {
            body.text(None, "Inga källor angivna.");
        }
        for c in cited {
            let d = c.document;
            let mut about: Vec<String> = Vec::new();
            if let Some(k) = d.kind {
                about.push(k.sv().to_string());
            }
            if let Some(date) = d.date {
                about.push(date.to_string());
            }
            let mut ps = vec![Piece::Text(d.title.clone())];
            if !about.is_empty() {
                ps.push(Piece::Text(format!(" ({})", about.join(", "))));
            }
            if let Some(address) = c.address {
                ps.push(Piece::Text(format!(". {address}")));
            }
            for (section, quote) in &c.cited {
                ps.push(Piece::Break);
                if !section.is_empty() {
                    ps.push(Piece::Text(section.to_string()));
                }
                if let Some(q) = quote {
                    let sep = if section.is_empty() { "" } else { ": " };
                    ps.push(Piece::Italic(format!("{sep}”{q}”")));
                }
            }
            body.para(Some("ListBullet"), &ps);
        }
    }
    body.package(&format!("{title} per {at}"))
}

fn inlines(run: &[Inline]) -> Vec<Piece> {
    run.iter()
        .map(|i| match i {
            Inline::Text(t) => Piece::Text(t.clone()),
            Inline::Strong(t) => Piece::Bold(t.clone()),
            Inline::Fill(w) => Piece::Fill(iop_core::draft::fill(w)),
        })
        .collect()
}

/// The draft agreement of `a`, figures as on `at`, as a Word document: its title, a line on
/// where it comes from, and each numbered section under a "Rubrik 1" (Heading 1), which Word's
/// navigation pane lists; every gap the author must fill is highlighted.
///
/// ```
/// use iop_core::presets;
/// let bytes = iop_office::draft_docx(&presets::kalmar_2025_2027(), presets::date(2025, 1, 1)).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn draft_docx(a: &Agreement, at: NaiveDate) -> Result<Vec<u8>, Error> {
    let d = iop_core::draft::draft_document(a, at);
    let mut body = Body::new(false);
    body.para(Some("Title"), &inlines(&d.title));
    body.para(None, &[Piece::Italic(d.intro.clone())]);
    for (i, s) in d.sections.iter().enumerate() {
        body.text(Some("Heading1"), &format!("{}. {}", i + 1, s.title));
        for b in &s.blocks {
            match b {
                Block::Para(run) => body.para(None, &inlines(run)),
                Block::List(items) => {
                    for item in items {
                        body.para(Some("ListBullet"), &inlines(item));
                    }
                }
            }
        }
    }
    let title: String = d
        .title
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Strong(t) => t.clone(),
            Inline::Fill(w) => iop_core::draft::fill(w),
        })
        .collect();
    body.package(&title)
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
</Relationships>";

/// Word's own style ids and names (`heading 1` is what Word and LibreOffice know as a
/// heading, shown as "Rubrik 1" in Swedish Word), each heading with its outline level.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
</w:styles>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
</w:numbering>";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_holds_no_control_characters() {
        assert_eq!(
            xml("<w:t>&\"\u{1}\u{ffff}a\nb"),
            "&lt;w:t&gt;&amp;&quot;a b"
        );
    }
}
