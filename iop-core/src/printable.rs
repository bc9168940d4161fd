//! Text that is safe to print: control characters from a file (an escape sequence that retitles
//! the terminal, a newline that forges a second line of output) shown as visible escapes.
//!
//! Two strengths: [`one_line`] for a value that must stay on its line (a table cell, a JSON
//! path, an id in a message), and [`terminal_safe`] for a whole output whose own line breaks
//! and tabs are meant. Both write an escape as `\u001b`, which reads the same in JSON.

use std::borrow::Cow;

fn is_unsafe(c: char, keep_breaks: bool) -> bool {
    match c {
        '\n' | '\r' | '\t' => !keep_breaks,
        // C0, DEL and C1 (U+0080–U+009F, which some terminals obey as 8-bit controls), and the
        // line and paragraph separators and bidirectional overrides that reorder what is shown.
        c if c.is_control() => true,
        '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

fn escape(s: &str, keep_breaks: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_breaks)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !is_unsafe(c, keep_breaks) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// `s` on one line: every control character, newlines and tabs included, escaped.
///
/// ```
/// use iop_core::printable::one_line;
/// assert_eq!(one_line("evil\nkey: here"), "evil\\nkey: here");
/// assert_eq!(one_line("\u{1b}[31mRED\u{7}"), "\\u001b[31mRED\\u0007");
/// assert_eq!(one_line("Kvinnojouren Kalmar"), "Kvinnojouren Kalmar");
/// ```
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// `s` with its line breaks and tabs kept and every other control character escaped: for a
/// whole text output (a table, a draft, a CSV file) printed to a terminal.
///
/// ```
/// use iop_core::printable::terminal_safe;
/// assert_eq!(terminal_safe("a\tb\r\n\u{1b}]0;pwned\u{7}"), "a\tb\r\n\\u001b]0;pwned\\u0007");
/// ```
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        assert_eq!(one_line("a\u{9b}31m"), "a\\u009b31m");
        assert_eq!(one_line("x\u{202e}y"), "x\\u202ey");
        assert_eq!(terminal_safe("\u{7f}"), "\\u007f");
    }

    #[test]
    fn swedish_text_is_unchanged_and_not_copied() {
        assert!(matches!(one_line("Åsa – Östra Göinge"), Cow::Borrowed(_)));
    }
}
