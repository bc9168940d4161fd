//! The draft's sections as Markdown and as a standalone HTML page to print; in HTML every text
//! from the model is escaped and each gap is marked.

use super::text::{Block, Inline, Section};

/// The marker for what the author must fill in.
pub fn fill(what: &str) -> String {
    format!("[ATT FYLLA I: {what}]")
}

/// Escapes text for Markdown: raw HTML (`<script>`, `<img onerror=…>`) becomes entities, which
/// every CommonMark renderer shows as text; emphasis, code and link marks are backslash-escaped,
/// and a line break inside a value becomes a space, so a name cannot start a block of its own.
///
/// ```
/// use iop_core::draft::render::escape_md;
/// assert_eq!(escape_md("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
/// assert_eq!(escape_md("[a](javascript:x) *b*"), "\\[a\\](javascript:x) \\*b\\*");
/// assert_eq!(escape_md("a\n# b"), "a # b");
/// assert_eq!(escape_md("Kvinnojouren & Ungdomsjouren"), "Kvinnojouren & Ungdomsjouren");
/// assert_eq!(escape_md("A&amp;B &#38;"), "A&amp;amp;B &amp;#38;");
/// ```
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Only an `&` that could begin an entity (`&amp;`, `&#38;`) is escaped: "Kvinnojouren &
            // Ungdomsjouren" reads as written, in the Markdown and rendered.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn inline_md(run: &[Inline]) -> String {
    run.iter()
        .map(|i| match i {
            Inline::Text(t) => escape_md(t),
            Inline::Strong(t) => format!("**{}**", escape_md(t)),
            Inline::Fill(w) => fill(w),
        })
        .collect()
}

/// Markdown: a `##` heading per section, numbered, paragraphs and `-` lists.
pub fn markdown(title: &[Inline], intro: &str, sections: &[Section]) -> String {
    let mut out = format!("# {}\n\n*{}*\n\n", inline_md(title), escape_md(intro));
    for (i, s) in sections.iter().enumerate() {
        let body: Vec<String> = s
            .blocks
            .iter()
            .map(|b| match b {
                Block::Para(run) => inline_md(run),
                Block::List(items) => items
                    .iter()
                    .map(|item| format!("- {}", inline_md(item)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        out.push_str(&format!(
            "## {}. {}\n\n{}\n\n",
            i + 1,
            escape_md(&s.title),
            body.join("\n\n")
        ));
    }
    out
}

/// Escapes text for HTML: `&`, `<`, `>`, `"`, `'`.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inline_html(run: &[Inline]) -> String {
    run.iter()
        .map(|i| match i {
            Inline::Text(t) => escape_html(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", escape_html(t)),
            Inline::Fill(w) => format!("<mark>{}</mark>", escape_html(&fill(w))),
        })
        .collect()
}

/// A standalone HTML page to print on A4, no script.
pub fn html(title: &[Inline], intro: &str, sections: &[Section]) -> String {
    let plain_title: String = title
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Strong(t) => t.clone(),
            Inline::Fill(w) => fill(w),
        })
        .collect();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{}</title>\
<style>@page {{ size: A4; margin: 20mm; }} body {{ font: 11pt/1.45 Georgia, serif; max-width: 42rem; margin: auto; }} mark {{ background: #ffe08a; }} h1 {{ font-size: 16pt; }} h2 {{ font-size: 13pt; margin-top: 1.5em; }}</style>\
</head><body>\n<h1>{}</h1>\n<p><em>{}</em></p>\n",
        escape_html(&plain_title),
        inline_html(title),
        escape_html(intro)
    );
    for (i, s) in sections.iter().enumerate() {
        out.push_str(&format!("<h2>{}. {}</h2>\n", i + 1, escape_html(&s.title)));
        for b in &s.blocks {
            match b {
                Block::Para(run) => out.push_str(&format!("<p>{}</p>\n", inline_html(run))),
                Block::List(items) => {
                    out.push_str("<ul>");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>", inline_html(item)));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}
