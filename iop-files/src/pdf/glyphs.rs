//! Glyph names and the simple fonts' built-in encodings: what a character code of a font
//! without a ToUnicode map stands for. Only the names Swedish text and agreements use are
//! known (Latin letters with their accents, digits, punctuation, ligatures), plus the
//! `uniXXXX`/`uXXXX` names that stand for themselves.

/// The encodings a simple font names (`/Encoding /WinAnsiEncoding` or as `/BaseEncoding`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Base {
    WinAnsi,
    MacRoman,
    Standard,
}

/// The character of `code` in a base encoding.
pub(crate) fn in_base(base: Base, code: u8) -> Option<char> {
    match base {
        Base::WinAnsi => {
            // Windows-1252 is WinAnsi, but for the unmapped codes, which PDF draws as bullets.
            let bytes = [code];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            s.chars().next().filter(|c| !c.is_control() || *c == '\t')
        }
        Base::MacRoman => {
            let bytes = [code];
            let (s, _) = encoding_rs::MACINTOSH.decode_without_bom_handling(&bytes);
            s.chars().next().filter(|c| !c.is_control())
        }
        Base::Standard => match code {
            0x27 => Some('\u{2019}'),
            0x60 => Some('\u{2018}'),
            0x20..=0x7e => Some(char::from(code)),
            0xa1 => Some('¡'),
            0xa2 => Some('¢'),
            0xa3 => Some('£'),
            0xa7 => Some('§'),
            0xa9 => Some('\''),
            0xaa => Some('\u{201c}'),
            0xab => Some('«'),
            0xae => Some('\u{fb01}'),
            0xaf => Some('\u{fb02}'),
            0xb1 => Some('\u{2013}'),
            0xb4 => Some('\u{b7}'),
            0xb6 => Some('¶'),
            0xb7 => Some('\u{2022}'),
            0xb8 => Some('\u{201a}'),
            0xb9 => Some('\u{201e}'),
            0xba => Some('\u{201d}'),
            0xbb => Some('»'),
            0xbc => Some('\u{2026}'),
            0xd0 => Some('\u{2014}'),
            0xe1 => Some('Æ'),
            0xe9 => Some('Ø'),
            0xf1 => Some('æ'),
            0xf9 => Some('ø'),
            0xfb => Some('ß'),
            _ => None,
        },
    }
}

/// Letters with an accent, by glyph name: `aring` is å.
const ACCENTED: &[(&str, char)] = &[
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acircumflex", 'Â'),
    ("Atilde", 'Ã'),
    ("Adieresis", 'Ä'),
    ("Aring", 'Å'),
    ("AE", 'Æ'),
    ("Ccedilla", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecircumflex", 'Ê'),
    ("Edieresis", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icircumflex", 'Î'),
    ("Idieresis", 'Ï'),
    ("Eth", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocircumflex", 'Ô'),
    ("Otilde", 'Õ'),
    ("Odieresis", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucircumflex", 'Û'),
    ("Udieresis", 'Ü'),
    ("Yacute", 'Ý'),
    ("Thorn", 'Þ'),
    ("germandbls", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acircumflex", 'â'),
    ("atilde", 'ã'),
    ("adieresis", 'ä'),
    ("aring", 'å'),
    ("ae", 'æ'),
    ("ccedilla", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecircumflex", 'ê'),
    ("edieresis", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icircumflex", 'î'),
    ("idieresis", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocircumflex", 'ô'),
    ("otilde", 'õ'),
    ("odieresis", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucircumflex", 'û'),
    ("udieresis", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("ydieresis", 'ÿ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("OE", 'Œ'),
    ("oe", 'œ'),
    ("dotlessi", 'ı'),
];

/// Punctuation, digits and symbols, by glyph name.
const SYMBOLS: &[(&str, &str)] = &[
    ("space", " "),
    ("nbspace", "\u{a0}"),
    ("nonbreakingspace", "\u{a0}"),
    ("exclam", "!"),
    ("quotedbl", "\""),
    ("numbersign", "#"),
    ("dollar", "$"),
    ("percent", "%"),
    ("ampersand", "&"),
    ("quotesingle", "'"),
    ("quoteright", "\u{2019}"),
    ("quoteleft", "\u{2018}"),
    ("parenleft", "("),
    ("parenright", ")"),
    ("asterisk", "*"),
    ("plus", "+"),
    ("comma", ","),
    ("hyphen", "-"),
    ("minus", "\u{2212}"),
    ("period", "."),
    ("slash", "/"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("colon", ":"),
    ("semicolon", ";"),
    ("less", "<"),
    ("equal", "="),
    ("greater", ">"),
    ("question", "?"),
    ("at", "@"),
    ("bracketleft", "["),
    ("backslash", "\\"),
    ("bracketright", "]"),
    ("asciicircum", "^"),
    ("underscore", "_"),
    ("grave", "`"),
    ("braceleft", "{"),
    ("bar", "|"),
    ("braceright", "}"),
    ("asciitilde", "~"),
    ("endash", "\u{2013}"),
    ("emdash", "\u{2014}"),
    ("bullet", "\u{2022}"),
    ("ellipsis", "\u{2026}"),
    ("section", "§"),
    ("paragraph", "¶"),
    ("degree", "°"),
    ("quotedblleft", "\u{201c}"),
    ("quotedblright", "\u{201d}"),
    ("quotesinglbase", "\u{201a}"),
    ("quotedblbase", "\u{201e}"),
    ("guillemotleft", "«"),
    ("guillemotright", "»"),
    ("guilsinglleft", "\u{2039}"),
    ("guilsinglright", "\u{203a}"),
    ("sterling", "£"),
    ("Euro", "€"),
    ("euro", "€"),
    ("copyright", "©"),
    ("registered", "®"),
    ("trademark", "\u{2122}"),
    ("periodcentered", "·"),
    ("multiply", "×"),
    ("divide", "÷"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("softhyphen", "\u{ad}"),
    ("sfthyphen", "\u{ad}"),
    ("onehalf", "½"),
    ("onequarter", "¼"),
    ("threequarters", "¾"),
    ("dagger", "\u{2020}"),
    ("daggerdbl", "\u{2021}"),
    ("perthousand", "\u{2030}"),
    ("exclamdown", "¡"),
    ("questiondown", "¿"),
    ("cent", "¢"),
    ("yen", "¥"),
    ("currency", "¤"),
    ("brokenbar", "¦"),
    ("dieresis", "¨"),
    ("ordfeminine", "ª"),
    ("ordmasculine", "º"),
    ("logicalnot", "¬"),
    ("macron", "¯"),
    ("plusminus", "±"),
    ("twosuperior", "²"),
    ("threesuperior", "³"),
    ("onesuperior", "¹"),
    ("acute", "´"),
    ("mu", "µ"),
    ("cedilla", "¸"),
    ("florin", "ƒ"),
    ("circumflex", "ˆ"),
    ("tilde", "˜"),
];

/// The text a glyph name stands for: a letter's own name (`a`), a known name, `uniXXXX` or
/// `uXXXX`; a suffix after a dot (`a.sc`, `one.tf`) and an underscore ligature (`f_i`) are
/// read too.
pub(crate) fn by_name(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(|p| by_name(p.as_bytes())).collect();
        return parts;
    }
    if base.len() == 1 && base.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(base.to_string());
    }
    if let Some((_, c)) = ACCENTED.iter().find(|(n, _)| *n == base) {
        return Some(c.to_string());
    }
    if let Some((_, s)) = SYMBOLS.iter().find(|(n, _)| *n == base) {
        return Some((*s).to_string());
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    let v = u32::from_str_radix(hex, 16).ok()?;
    char::from_u32(v).map(|c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_swedish_letters_ligatures_and_unicode_are_read() {
        assert_eq!(by_name(b"aring").as_deref(), Some("å"));
        assert_eq!(by_name(b"Odieresis").as_deref(), Some("Ö"));
        assert_eq!(by_name(b"fi").as_deref(), Some("fi"));
        assert_eq!(by_name(b"f_f_i").as_deref(), Some("ffi"));
        assert_eq!(by_name(b"uni00E4").as_deref(), Some("ä"));
        assert_eq!(by_name(b"one.tf").as_deref(), Some("1"));
        assert_eq!(by_name(b"g123"), None);
    }

    #[test]
    fn win_ansi_and_mac_roman_have_swedish_letters() {
        assert_eq!(in_base(Base::WinAnsi, 0xe5), Some('å'));
        assert_eq!(in_base(Base::MacRoman, 0x8c), Some('å'));
        assert_eq!(in_base(Base::Standard, 0x27), Some('\u{2019}'));
    }
}
