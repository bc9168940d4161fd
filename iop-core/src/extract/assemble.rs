//! Building the agreement from the findings, by the core's own edits, each part citing the
//! document, the section and the quote that state it.

use super::Finding;
use crate::agreement::Agreement;
use crate::edit::{apply, Edit};
use serde_json::{json, Value};

/// The source of a part: the document, the section the quote stands under, and the quote.
fn source(doc: &str, f: &Finding) -> Value {
    json!({"document": doc, "section": f.section.clone().unwrap_or_default(), "quote": f.quote})
}

/// The quotes that state each part of the agreement (its term, payments, follow-up,
/// termination), gathered into the part's one source.
#[derive(Default)]
struct Parts(std::collections::BTreeMap<&'static str, (Vec<String>, Vec<String>)>);

impl Parts {
    fn note(&mut self, part: &'static str, f: &Finding) -> bool {
        let e = self.0.entry(part).or_default();
        if let Some(section) = f.section.as_ref().filter(|s| !e.0.contains(s)) {
            e.0.push(section.clone());
        }
        e.1.push(f.quote.clone());
        true
    }
}

/// Builds the agreement from findings by the core's own edits, so nothing a file could not hold
/// is made; the findings that applied, with the paths they went to.
pub(super) fn assemble(
    id: &str,
    source: &crate::source::SourceDocument,
    findings: &[&Finding],
) -> (Agreement, Vec<Finding>) {
    let doc = source.id.as_str();
    let mut blank = Agreement::blank(id);
    blank.sources.push(source.clone());
    // Fast: every edit on the JSON, read once at the end. Should that read refuse (a value of
    // the wrong kind), each edit again on its own, keeping only those that read.
    let mut json = serde_json::to_value(&blank).unwrap_or(Value::Null);
    let applied = assemble_into(&mut json, doc, findings);
    let (mut a, applied) = match crate::scenario::agreement_from_value(json) {
        Ok(a) => (a, applied),
        Err(_) => {
            let applied = assemble_into(&mut blank, doc, findings);
            (blank, applied)
        }
    };
    a.name = official_name(&a);
    a.draft = crate::edit::is_draft(&a);
    (a, applied)
}

/// What the findings are built into: the agreement's JSON (fast) or the agreement (each edit
/// read on its own).
trait Doc {
    /// Makes the edit; whether it applied.
    fn edit(&mut self, e: Edit) -> bool;
    /// The length of the list at `path`.
    fn len(&self, path: &str) -> usize;
}

impl Doc for Value {
    fn edit(&mut self, e: Edit) -> bool {
        crate::edit::apply_json(self, &e).is_ok()
    }
    fn len(&self, path: &str) -> usize {
        path.split('.')
            .try_fold(self, |v, k| v.get(k))
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }
}

impl Doc for Agreement {
    fn edit(&mut self, e: Edit) -> bool {
        match apply(self, &e) {
            Ok(done) => {
                *self = done.agreement;
                true
            }
            Err(_) => false,
        }
    }
    fn len(&self, path: &str) -> usize {
        serde_json::to_value(self).map_or(0, |v| Doc::len(&v, path))
    }
}

/// The name an official gives an agreement: "Karlskrona – Kvinnojouren, 2025–2027", with the
/// parts that are known.
fn official_name(a: &Agreement) -> String {
    let kommun = a.public_parties.first().and_then(|p| {
        p.kommunkod
            .map(|k| k.municipality().name.clone())
            .or_else(|| (!p.name.is_empty()).then(|| p.name.clone()))
    });
    let org = a.organisation_names();
    let start = match &a.term.start {
        crate::Known::Known(d) => Some(chrono::Datelike::year(d)),
        _ => None,
    };
    let end = match &a.term.end {
        crate::term::TermEnd::On(d) => Some(chrono::Datelike::year(d)),
        _ => None,
    };
    let years = match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.to_string()),
        (Some(s), Some(e)) => Some(format!("{s}–{e}")),
        (Some(s), None) => Some(format!("från {s}")),
        (None, Some(e)) => Some(format!("till {e}")),
        (None, None) => None,
    };
    let parties = [kommun, (!org.is_empty()).then_some(org)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" – ");
    match years {
        Some(y) if !parties.is_empty() => format!("{parties}, {y}"),
        Some(y) => y,
        None => parties,
    }
}

fn assemble_into<D: Doc>(a: &mut D, doc: &str, findings: &[&Finding]) -> Vec<Finding> {
    let mut applied = Vec::new();
    let set = |a: &mut D, e: Edit| -> bool { a.edit(e) };
    let party = json!({"name": "", "kommunkod": null, "org_number": null, "bodies": [], "contact": null, "signatories": [], "source": null});
    let org = json!({"name": "", "legal_name": null, "org_number": null, "contact": null, "signatories": [], "source": null});
    let cure = findings
        .iter()
        .find(|f| f.path == "termination.for_breach.cure_days");
    let mut notes: Vec<String> = Vec::new();
    let mut parts = Parts::default();
    for f in findings {
        let mut path = f.path.clone();
        let ok = match f.path.as_str() {
            p if p.starts_with("public_parties[0]") => {
                if a.len("public_parties") == 0 {
                    set(
                        a,
                        Edit::Insert {
                            path: "public_parties".into(),
                            index: 0,
                            value: party.clone(),
                        },
                    );
                }
                set(a, Edit::set(p, f.value.clone()))
            }
            p if p.starts_with("organisations[0]") => {
                if a.len("organisations") == 0 {
                    set(
                        a,
                        Edit::Insert {
                            path: "organisations".into(),
                            index: 0,
                            value: org.clone(),
                        },
                    );
                }
                set(a, Edit::set(p, f.value.clone()))
            }
            p if p.starts_with("funding.components[") => {
                let index = a.len("funding.components");
                let mut v = f.value.clone();
                if let Some(o) = v.as_object_mut() {
                    o.insert("source".into(), source(doc, f));
                }
                path = format!("funding.components[{index}]");
                set(
                    a,
                    Edit::Insert {
                        path: "funding.components".into(),
                        index,
                        value: v,
                    },
                )
            }
            p if p.starts_with("obligations.documents") => {
                let index = a.len("obligations.documents");
                path = format!("obligations.documents[{index}]");
                set(
                    a,
                    Edit::Insert {
                        path: "obligations.documents".into(),
                        index,
                        value: f.value.clone(),
                    },
                ) && parts.note("obligations.source", f)
            }
            "obligations.meetings.per_year" => {
                set(
                    a,
                    Edit::set(
                        "obligations.meetings",
                        json!({"per_year": f.value, "responsible": "", "invited": []}),
                    ),
                ) && parts.note("obligations.source", f)
            }
            "termination.for_breach.cure_days" => {
                let side = |p: &str| {
                    findings
                        .iter()
                        .find(|g| g.path == p)
                        .map_or(json!("unknown"), |g| g.value.clone())
                };
                let clause = json!({
                    "cure_days": f.value,
                    "if_organisation_in_breach": side("termination.for_breach.if_organisation_in_breach"),
                    "if_public_in_breach": side("termination.for_breach.if_public_in_breach"),
                });
                set(a, Edit::set("termination.for_breach", clause))
                    && parts.note("termination.source", f)
            }
            // Repayment rules ride on the breach clause; without its cure days there is none.
            p if p.starts_with("termination.for_breach.if_") => cure.is_some(),
            "notes" => {
                notes.push(f.value.as_str().unwrap_or_default().to_string());
                true
            }
            p => {
                let done = set(a, Edit::set(p, f.value.clone()));
                let part = if p.starts_with("scope.") {
                    Some("scope.source")
                } else if p.starts_with("term.") {
                    Some("term.source")
                } else if p.starts_with("funding.payments") || p == "funding.split" {
                    Some("funding.payments.source")
                } else if p.starts_with("termination.") {
                    Some("termination.source")
                } else {
                    None
                };
                if let (true, Some(part)) = (done, part) {
                    parts.note(part, f);
                }
                done
            }
        };
        if ok {
            applied.push(Finding {
                path,
                ..(*f).clone()
            });
        }
    }
    if !notes.is_empty() {
        set(a, Edit::set("notes", json!(notes.join(" "))));
    }
    for (part, (sections, quotes)) in parts.0 {
        let v =
            json!({"document": doc, "section": sections.join(", "), "quote": quotes.join(" … ")});
        set(a, Edit::set(part, v));
    }
    applied
}
