//! The address of each view, in the page's query string (`?avtal=kalmar-2025-2027`).
//!
//! The query, not the path: a plain static server answers `/iop/?avtal=x` with the app's own
//! `index.html` from any directory, while `/iop/avtal/x` would be a file it does not have. The
//! fragment stays free for shared links (`#s=…`). Words a user reads in the address are Swedish.

use crate::state::View;

/// The query-string keys, one per view (the list has none).
const DETAIL: &str = "avtal";
const COMPARE: &str = "jamfor";
const EDIT: &str = "redigera";
const CALENDAR: &str = "kalender";
const SHARE: &str = "dela";
const READ: &str = "las-text";
const MAP: &str = "karta";
/// The simulated termination of one agreement.
const TERMINATION: &str = "havning";
/// Beside the comparison's key: the agreement it marks differences against.
const REFERENCE: &str = "mot";

/// The view an address names, and for the comparison the agreements it names (none when it
/// names none); an address this app does not know shows the list. `get` reads one (already decoded) query parameter.
pub fn view_of(get: impl Fn(&str) -> Option<String>) -> (View, Option<Vec<String>>) {
    let id = |key| get(key).filter(|id: &String| !id.is_empty());
    if let Some(id) = id(DETAIL) {
        return (View::Detail(id), None);
    }
    if let Some(id) = id(EDIT) {
        return (View::WhatIf(id), None);
    }
    if let Some(id) = id(CALENDAR) {
        return (View::Calendar(id), None);
    }
    if let Some(id) = id(TERMINATION) {
        return (View::Termination(id), None);
    }
    if let Some(ids) = get(COMPARE) {
        let picked = split_ids(&ids);
        // An address naming none keeps what the user has picked.
        return (View::Compare, (!picked.is_empty()).then_some(picked));
    }
    if get(SHARE).is_some() {
        return (View::Share, None);
    }
    if get(READ).is_some() {
        return (View::ReadText, None);
    }
    if get(MAP).is_some() {
        return (View::Map, None);
    }
    (View::Browse, None)
}

/// The query string of a view (with its `?`, empty for the list); `picked` are the agreements
/// compared, named in the comparison's address so a colleague sees the same comparison.
pub fn query_of(view: &View, picked: &[String]) -> String {
    match view {
        View::Browse => String::new(),
        View::Detail(id) => format!("?{DETAIL}={}", encode(id)),
        View::WhatIf(id) => format!("?{EDIT}={}", encode(id)),
        View::Calendar(id) => format!("?{CALENDAR}={}", encode(id)),
        View::Compare => {
            // Commas part the ids; a comma or backslash inside an id is escaped with a
            // backslash first (the browser decodes `%2C` before the app reads the list).
            let ids: Vec<String> = picked
                .iter()
                .map(|i| encode(&i.replace('\\', "\\\\").replace(',', "\\,")))
                .collect();
            format!("?{COMPARE}={}", ids.join(","))
        }
        View::Share => format!("?{SHARE}"),
        View::ReadText => format!("?{READ}"),
        View::Map => format!("?{MAP}"),
        View::Termination(id) => format!("?{TERMINATION}={}", encode(id)),
    }
}

/// [`query_of`], with the agreement the comparison marks differences against (`&mot=`) when the
/// view is the comparison.
pub fn query_with_reference(view: &View, picked: &[String], reference: Option<&str>) -> String {
    let query = query_of(view, picked);
    match (view, reference) {
        (View::Compare, Some(r)) if !r.is_empty() => format!("{query}&{REFERENCE}={}", encode(r)),
        _ => query,
    }
}

/// The agreement a comparison's address marks differences against, if it names one.
pub fn reference_of(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    get(COMPARE).and(get(REFERENCE)).filter(|r| !r.is_empty())
}

/// The ids of a comparison's address, parted at commas that are not escaped (`\,`).
fn split_ids(list: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut id = String::new();
    let mut chars = list.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => id.extend(chars.next()),
            ',' => ids.push(std::mem::take(&mut id)),
            c => id.push(c),
        }
    }
    ids.push(id);
    ids.retain(|i| !i.is_empty());
    ids
}

/// Percent-encodes all but the unreserved characters of RFC 3986, so an id with a comma, a space
/// or a `&` stays one value.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A query string read as the browser reads it (split at `&` and `=`, percent-decoded).
    fn read(query: &str) -> (View, Option<Vec<String>>) {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), decode(v))
            })
            .collect();
        view_of(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    fn decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_view_reads_back_from_its_address() {
        let picked = vec![
            "kalmar-2025-2027".to_string(),
            "eget, & 2".to_string(),
            "snedstreck \\, och \\\\".to_string(),
        ];
        for view in [
            View::Browse,
            View::Detail("kalmar-2025-2027".into()),
            View::WhatIf("eget-1".into()),
            View::Calendar("värmdö 2024/2025".into()),
            View::Share,
            View::ReadText,
            View::Map,
            View::Termination("kalmar-2025-2027".into()),
        ] {
            assert_eq!(read(&query_of(&view, &picked)).0, view, "{view:?}");
        }
        assert_eq!(
            read(&query_of(&View::Compare, &picked)),
            (View::Compare, Some(picked))
        );
    }

    #[test]
    fn the_comparison_keeps_its_reference_in_the_address() {
        let picked = vec!["a".to_string(), "b, c".to_string()];
        let q = query_with_reference(&View::Compare, &picked, Some("b, c"));
        assert_eq!(q, "?jamfor=a,b%5C%2C%20c&mot=b%2C%20c");
        assert_eq!(read(&q), (View::Compare, Some(picked.clone())));
        let pairs = [("jamfor", "a"), ("mot", "b, c")];
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(x, _)| *x == k)
                .map(|(_, v)| v.to_string())
        };
        assert_eq!(reference_of(get), Some("b, c".into()));
        // Only the comparison carries it.
        assert_eq!(
            query_with_reference(&View::Map, &picked, Some("a")),
            "?karta"
        );
        assert_eq!(query_with_reference(&View::Compare, &[], None), "?jamfor=");
    }

    #[test]
    fn addresses_are_swedish_words() {
        assert_eq!(
            query_of(&View::Detail("kalmar-2025-2027".into()), &[]),
            "?avtal=kalmar-2025-2027"
        );
        assert_eq!(
            query_of(&View::Compare, &["a".into(), "b".into()]),
            "?jamfor=a,b"
        );
        assert_eq!(query_of(&View::Browse, &[]), "");
        assert_eq!(query_of(&View::Map, &[]), "?karta");
        assert_eq!(
            query_of(&View::Calendar("å".into()), &[]),
            "?kalender=%C3%A5"
        );
    }

    #[test]
    fn an_unknown_or_empty_address_shows_the_list() {
        assert_eq!(read("?vad=annat").0, View::Browse);
        assert_eq!(read("?avtal=").0, View::Browse);
        assert_eq!(read("").0, View::Browse);
        assert_eq!(read("?jamfor"), (View::Compare, None));
    }
}
