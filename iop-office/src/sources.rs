//! What an export says of an agreement's sources: each document with the sections and quotes
//! the agreement's figures point to.

use iop_core::source::{SourceDocument, SourceRef};
use iop_core::Agreement;

/// One source document of an agreement, with what the agreement cites from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited<'a> {
    /// The document.
    pub document: &'a SourceDocument,
    /// Its address: the document's own, else the first a reference to it gives.
    pub address: Option<&'a str>,
    /// Each section cited, with its quote when the reference gives one; each once.
    pub cited: Vec<(&'a str, Option<&'a str>)>,
}

/// Every source reference of `a`, in the order of the agreement's parts.
fn refs(a: &Agreement) -> Vec<&SourceRef> {
    let mut out: Vec<Option<&SourceRef>> = Vec::new();
    out.extend(a.public_parties.iter().map(|p| p.source.as_ref()));
    out.extend(a.organisations.iter().map(|o| o.source.as_ref()));
    out.push(a.term.source.as_ref());
    out.extend(a.funding.components.iter().map(|c| c.source.as_ref()));
    out.push(a.funding.payments.source.as_ref());
    out.push(a.obligations.source.as_ref());
    out.push(a.termination.source.as_ref());
    out.push(a.scope.source.as_ref());
    out.into_iter().flatten().collect()
}

/// Each source document of `a` with the sections and quotes that point to it.
///
/// ```
/// let a = iop_core::presets::kalmar_2025_2027();
/// let cited = iop_office::cited(&a);
/// assert_eq!(cited.len(), a.sources.len());
/// assert!(cited.iter().any(|c| c.cited.iter().any(|(section, _)| section.contains("Ekonomi"))));
/// ```
pub fn cited(a: &Agreement) -> Vec<Cited<'_>> {
    let refs = refs(a);
    a.sources
        .iter()
        .map(|d| {
            let mine: Vec<&SourceRef> = refs
                .iter()
                .copied()
                .filter(|r| r.document == d.id)
                .collect();
            let mut cited: Vec<(&str, Option<&str>)> = Vec::new();
            for r in &mine {
                let entry = (r.section.as_str(), r.quote.as_deref());
                let empty = entry.0.is_empty() && entry.1.is_none();
                if !empty && !cited.contains(&entry) {
                    cited.push(entry);
                }
            }
            Cited {
                document: d,
                address: d
                    .address
                    .as_deref()
                    .or_else(|| mine.iter().find_map(|r| r.address.as_deref())),
                cited,
            }
        })
        .collect()
}
