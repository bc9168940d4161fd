//! Sharing a small scenario as a link: the scenario, deflated and base64url-encoded, in the URL
//! fragment (`#s=…`), which browsers never send to a server.
//!
//! Only scenarios whose encoded form is at most [`MAX_LINK_BYTES`] are shared this way; larger
//! ones are exported as files. Decoding is as careful as reading a file: the inflated size is
//! capped at [`crate::scenario::MAX_BYTES`] (no decompression bomb), and the result goes through
//! [`crate::scenario::read`] with all its checks.

use crate::scenario::{read, Problem, Report, Scenario, Severity, Tier};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The largest encoded scenario a link carries (8 KB).
pub const MAX_LINK_BYTES: usize = 8 * 1024;
/// The fragment's key.
pub const PREFIX: &str = "s=";

/// Why a scenario cannot be shared as a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// The encoded size in bytes.
    pub bytes: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the scenario is {} bytes compressed; a link carries at most {MAX_LINK_BYTES}: export it as a file instead", self.bytes)
    }
}

impl crate::explain::Bilingual for TooLarge {
    fn sv(&self) -> String {
        format!("Scenariot är för stort för en länk ({} byte packat, högst {MAX_LINK_BYTES}). Exportera det som fil i stället.", self.bytes)
    }

    fn en(&self) -> String {
        format!("The scenario is too large for a link ({} bytes compressed, at most {MAX_LINK_BYTES}). Export it as a file instead.", self.bytes)
    }
}

/// The fragment for `scenario`: `s=` and the compressed scenario.
///
/// ```
/// use iop_core::{presets, scenario::Scenario, share};
/// let s = Scenario::new("Delad", Default::default(), vec![presets::vallentuna()]);
/// let fragment = share::encode(&s).unwrap();
/// assert!(fragment.starts_with("s=") && fragment.len() < 8 * 1024);
/// assert_eq!(share::decode(&fragment).scenario, Some(s));
/// ```
pub fn encode(scenario: &Scenario) -> Result<String, TooLarge> {
    let json = serde_json::to_vec(scenario).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let text = URL_SAFE_NO_PAD.encode(packed);
    if text.len() > MAX_LINK_BYTES {
        return Err(TooLarge { bytes: text.len() });
    }
    Ok(format!("{PREFIX}{text}"))
}

fn fail(sv: &str, en: &str) -> Report {
    Report {
        scenario: None,
        problems: vec![Problem {
            severity: Severity::Error,
            tier: Tier::Structure,
            path: "#".into(),
            message_sv: sv.into(),
            message_en: en.into(),
        }],
    }
}

/// Reads a fragment made by [`encode`] (with or without the leading `#`).
pub fn decode(fragment: &str) -> Report {
    let f = fragment.trim_start_matches('#');
    let Some(data) = f.strip_prefix(PREFIX) else {
        return fail(
            "Länken innehåller inget scenario.",
            "The link holds no scenario.",
        );
    };
    if data.len() > 4 * MAX_LINK_BYTES {
        return fail("Länken är för lång.", "The link is too long.");
    }
    let Ok(packed) = URL_SAFE_NO_PAD.decode(data.trim_end_matches('=')) else {
        return fail(
            "Länken är skadad (inte base64url).",
            "The link is damaged (not base64url).",
        );
    };
    match miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, crate::scenario::MAX_BYTES) {
        Ok(bytes) => read(&bytes),
        Err(_) => fail(
            "Länken är skadad eller packar upp till mer än 20 MB.",
            "The link is damaged or unpacks to more than 20 MB.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn all_presets_fit_in_a_link_and_come_back() {
        let s = Scenario::new("Alla", Default::default(), presets::all());
        let f = encode(&s).unwrap();
        assert_eq!(decode(&format!("#{f}")).scenario, Some(s));
    }

    #[test]
    fn too_large_is_refused() {
        let mut many = Vec::new();
        for i in 0..200 {
            let mut a = presets::kalmar_2025_2027();
            a.id = format!("a{i}");
            a.notes = format!("{i} {}", "x".repeat(i * 7));
            many.push(a);
        }
        let err = encode(&Scenario::new("Stor", Default::default(), many)).unwrap_err();
        assert!(err.bytes > MAX_LINK_BYTES);
    }

    #[test]
    fn damaged_links_are_errors_not_panics() {
        assert!(decode("#x=abc").has_errors());
        assert!(decode("#s=!!!").has_errors());
        assert!(decode("#s=AAAA").has_errors());
        // A deflate bomb: 21 MB of spaces packs small but unpacks over the limit.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 21 * 1024 * 1024], 9);
        let r = decode(&format!("s={}", URL_SAFE_NO_PAD.encode(bomb)));
        assert!(r.problems[0].message_en.contains("more than 20 MB"));
    }
}
