//! A content stream's tokens: operands and operators, read within bounds. Our own rather than
//! lopdf's parser so that nesting, operator count and inline images are bounded here, and a
//! malformed stream ends the page's text instead of failing it.

/// An operand of a content-stream operator.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Operand {
    Number(f64),
    Name(Vec<u8>),
    /// A string's bytes (literal or hex), escapes resolved.
    Str(Vec<u8>),
    Array(Vec<Operand>),
    /// A dictionary, `true`/`false`/`null` and anything else not needed for text.
    Other,
}

impl Operand {
    pub(crate) fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// What the lexer stopped on when it could read no further.
#[derive(Debug, PartialEq)]
pub(crate) enum Stop {
    /// The end of the stream.
    End,
    /// Nesting deeper than allowed.
    TooDeep,
}

/// Reads operators one at a time from a content stream.
pub(crate) struct Lexer<'a> {
    bytes: &'a [u8],
    at: usize,
    max_depth: usize,
}

/// At most this many operands are kept before an operator: no text operator takes more than
/// six, and a stream of numbers without an operator would otherwise grow the list without end.
const MAX_OPERANDS: usize = 64;

impl<'a> Lexer<'a> {
    pub(crate) fn new(bytes: &'a [u8], max_depth: usize) -> Self {
        Lexer {
            bytes,
            at: 0,
            max_depth,
        }
    }

    /// The next operator and its operands; `Err` at the end or on nesting too deep.
    pub(crate) fn next_op(&mut self, operands: &mut Vec<Operand>) -> Result<Vec<u8>, Stop> {
        operands.clear();
        loop {
            self.skip_space();
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(Stop::End);
            };
            if is_regular(b) && !(b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.')) {
                let word = self.word();
                match word.as_slice() {
                    b"true" | b"false" | b"null" => push(operands, Operand::Other),
                    b"BI" => {
                        self.skip_inline_image();
                        operands.clear();
                    }
                    _ => return Ok(word),
                }
                continue;
            }
            let operand = self.operand(0)?;
            push(operands, operand);
        }
    }

    fn operand(&mut self, depth: usize) -> Result<Operand, Stop> {
        if depth > self.max_depth {
            return Err(Stop::TooDeep);
        }
        self.skip_space();
        let Some(&b) = self.bytes.get(self.at) else {
            return Err(Stop::End);
        };
        Ok(match b {
            b'/' => {
                self.at += 1;
                Operand::Name(self.word())
            }
            b'(' => Operand::Str(self.literal()),
            b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.skip_dict(depth)?;
                Operand::Other
            }
            b'<' => Operand::Str(self.hex()),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        None => break,
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        Some(&c) if is_regular(c) && c.is_ascii_alphabetic() => {
                            // An operator inside an array: a broken stream; the array ends.
                            break;
                        }
                        Some(_) => {
                            let item = self.operand(depth + 1)?;
                            if items.len() < 100_000 {
                                items.push(item);
                            }
                        }
                    }
                }
                Operand::Array(items)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let w = self.word();
                Operand::Number(parse_number(&w))
            }
            _ => {
                // A stray delimiter (`]`, `>`, `)`, `{`): skipped.
                self.at += 1;
                Operand::Other
            }
        })
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            if b == b'%' {
                while let Some(&c) = self.bytes.get(self.at) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.at += 1;
                }
            } else if is_space(b) {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (a name, number or operator); at least one byte is taken.
    fn word(&mut self) -> Vec<u8> {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(|&b| is_regular(b)) {
            self.at += 1;
        }
        if self.at == start {
            self.at += 1;
        }
        self.bytes.get(start..self.at).unwrap_or_default().to_vec()
    }

    fn literal(&mut self) -> Vec<u8> {
        self.at += 1; // (
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.at) else {
                        break;
                    };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.bytes.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.bytes.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        self.at += 1; // <
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = (b as char).to_digit(16) else {
                continue;
            };
            let v = v as u8;
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Skips a dictionary's contents up to its `>>`.
    fn skip_dict(&mut self, depth: usize) -> Result<(), Stop> {
        loop {
            self.skip_space();
            match (self.bytes.get(self.at), self.bytes.get(self.at + 1)) {
                (None, _) => return Ok(()),
                (Some(b'>'), Some(b'>')) => {
                    self.at += 2;
                    return Ok(());
                }
                (Some(&c), _) if is_regular(c) && c.is_ascii_alphabetic() => {
                    // A bare word inside a dictionary (`true`, or a broken stream).
                    self.word();
                }
                _ => {
                    self.operand(depth + 1)?;
                }
            }
        }
    }

    /// Skips an inline image: its dictionary up to `ID`, one white-space byte, then the data up
    /// to an `EI` standing alone.
    fn skip_inline_image(&mut self) {
        while self.at < self.bytes.len() {
            self.skip_space();
            if self.bytes.get(self.at..self.at + 2) == Some(b"ID")
                && self.bytes.get(self.at + 2).is_none_or(|&b| is_space(b))
            {
                self.at += 3;
                break;
            }
            let before = self.at;
            if self.operand(1).is_err() || self.at == before {
                self.at += 1;
            }
        }
        while self.at < self.bytes.len() {
            if self.bytes.get(self.at..self.at + 2) == Some(b"EI")
                && self.at > 0
                && self.bytes.get(self.at - 1).is_some_and(|&b| is_space(b))
                && self.bytes.get(self.at + 2).is_none_or(|&b| is_space(b))
            {
                self.at += 2;
                return;
            }
            self.at += 1;
        }
    }
}

fn push(operands: &mut Vec<Operand>, o: Operand) {
    if operands.len() >= MAX_OPERANDS {
        operands.remove(0);
    }
    operands.push(o);
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

/// A PDF number, leniently: `-.5`, `+3`, `1.2.3` (read as far as it goes), `--2`.
fn parse_number(w: &[u8]) -> f64 {
    let s = std::str::from_utf8(w).unwrap_or_default();
    let s = s.trim_start_matches('+');
    let neg = s.starts_with('-');
    let s = s.trim_start_matches('-');
    let mut end = 0;
    let mut dot = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            end = i + 1;
        } else if c == '.' && !dot {
            dot = true;
            end = i + 1;
        } else {
            break;
        }
    }
    let v: f64 = s.get(..end).and_then(|n| n.parse().ok()).unwrap_or(0.0);
    let v = if neg { -v } else { v };
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ops(s: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut l = Lexer::new(s, 32);
        let mut out = Vec::new();
        let mut operands = Vec::new();
        while let Ok(op) = l.next_op(&mut operands) {
            out.push((String::from_utf8(op).unwrap(), operands.clone()));
        }
        out
    }

    #[test]
    fn strings_arrays_and_numbers_are_operands() {
        let o = ops(b"BT /F1 12 Tf [(A\\(b\\)) -250 <c3a5>] TJ (\\101\\n) Tj ET");
        assert_eq!(o[1].0, "Tf");
        assert_eq!(o[1].1[1], Operand::Number(12.0));
        assert_eq!(
            o[2].1[0],
            Operand::Array(vec![
                Operand::Str(b"A(b)".to_vec()),
                Operand::Number(-250.0),
                Operand::Str(vec![0xc3, 0xa5])
            ])
        );
        assert_eq!(o[3].1[0], Operand::Str(b"A\n".to_vec()));
    }

    #[test]
    fn an_inline_image_is_skipped_whole() {
        let o = ops(b"BI /W 2 /H 2 ID \x00EI\xff EI Q (x) Tj");
        assert_eq!(o[0].0, "Q");
        assert_eq!(o[1].0, "Tj");
    }

    #[test]
    fn nesting_too_deep_stops() {
        let s = [b"[".repeat(100), b"] TJ".to_vec()].concat();
        let mut l = Lexer::new(&s, 32);
        assert_eq!(l.next_op(&mut Vec::new()), Err(Stop::TooDeep));
    }
}
