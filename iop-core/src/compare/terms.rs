//! The cells of the terms a nämnd decides on beyond money and time: repayment after a breach by
//! each side, reporting duties (what, to whom, by when) and when the money is paid. Whatever the
//! source leaves out is `okänt`, never a blank; documents that share a value are named together,
//! so a cell stays one short line per value.

use super::table::{text_cell, unknown_cell, Cell};
use crate::dates::MONTHS_SV as MONTHS;
use crate::funding::{PaymentSchedule, PaymentTiming};
use crate::known::Known;
use crate::obligations::{DocumentDuty, Due};
use crate::parties::Side;
use crate::termination::{Repayment, TerminationForBreach};

/// A text in Swedish and in English.
type Bilingual = (String, String);

/// What the organisation repays when `in_breach` breaks the agreement.
pub(super) fn repayment(rule: Known<Option<TerminationForBreach>>, in_breach: Side) -> Cell {
    match rule {
        Known::Known(Some(b)) => {
            let r = match in_breach {
                Side::Organisation => b.if_organisation_in_breach,
                Side::Public => b.if_public_in_breach,
            };
            if r == Repayment::Unknown {
                unknown_cell()
            } else {
                text_cell(r.sv().into(), r.en().into())
            }
        }
        Known::Known(None) => text_cell("ingen hävningsklausul".into(), "no breach clause".into()),
        Known::Unknown => unknown_cell(),
    }
}

/// The documents to hand in, by name.
pub(super) fn reporting_what(docs: &[DocumentDuty]) -> Cell {
    if docs.is_empty() {
        return unknown_cell();
    }
    let names = docs
        .iter()
        .map(|d| d.name.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    text_cell(names.clone(), names)
}

/// To whom each document goes: the body it is reported to, else the kommun when it goes with the
/// invoice.
pub(super) fn reporting_to(docs: &[DocumentDuty], payments: &PaymentSchedule) -> Cell {
    grouped(docs, |d| match (&d.reported_to, d.due) {
        (Some(to), _) => Some((to.clone(), to.clone())),
        (None, Due::WithInvoice) if payments.on_invoice => Some((
            "kommunen, med fakturan".into(),
            "the kommun, with the invoice".into(),
        )),
        _ => None,
    })
}

/// By when each document is due.
pub(super) fn reporting_when(docs: &[DocumentDuty], payments: &PaymentSchedule) -> Cell {
    grouped(docs, |d| match d.due {
        Due::WithInvoice => Some(match payments.timing {
            PaymentTiming::Unknown => ("med fakturan".into(), "with the invoice".into()),
            t => {
                let (sv, en) = timing(t);
                (
                    format!("med fakturan ({sv})"),
                    format!("with the invoice ({en})"),
                )
            }
        }),
        Due::BeforeYear => Some((
            "före varje avtalsår".into(),
            "before each agreement year".into(),
        )),
        Due::AfterYear {
            days: Known::Known(n),
        } => Some((
            format!("inom {n} dagar efter avtalsårets slut"),
            format!("within {n} days of the agreement year's end"),
        )),
        Due::AfterYear {
            days: Known::Unknown,
        } => Some((
            "efter avtalsårets slut (sista dag okänd)".into(),
            "after the agreement year's end (deadline unknown)".into(),
        )),
        Due::Unknown => None,
    })
}

/// `Verksamhetsplan, Verksamhetsberättelse: kommunstyrelsens arbetsutskott; Årsredovisning:
/// okänt`: documents with the same value named together, in the order first met. Unknown when
/// there are no documents or no document's value is known.
fn grouped(docs: &[DocumentDuty], value: impl Fn(&DocumentDuty) -> Option<Bilingual>) -> Cell {
    let mut groups: Vec<(Option<Bilingual>, Vec<&str>)> = Vec::new();
    for d in docs {
        let v = value(d);
        match groups.iter_mut().find(|(g, _)| *g == v) {
            Some((_, names)) => names.push(&d.name),
            None => groups.push((v, vec![&d.name])),
        }
    }
    if groups.iter().all(|(v, _)| v.is_none()) {
        return unknown_cell();
    }
    let text = |en: bool| {
        groups
            .iter()
            .map(|(v, names)| {
                let v = match v {
                    Some((sv, e)) => (if en { e } else { sv }).as_str(),
                    None => {
                        if en {
                            "unknown"
                        } else {
                            "okänt"
                        }
                    }
                };
                format!("{}: {v}", names.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    text_cell(text(false), text(true))
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// When in each agreement year the money comes (the timing must be known).
fn timing(t: PaymentTiming) -> (String, String) {
    match t {
        PaymentTiming::Quarter { quarter } => (
            format!("en gång per år, under kvartal {quarter}"),
            format!("once a year, in quarter {quarter}"),
        ),
        PaymentTiming::Yearly { month, day } => {
            let m = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
            (
                format!(
                    "en gång per år, den {day} {}",
                    MONTHS.get(m).copied().unwrap_or("")
                ),
                format!(
                    "once a year, on {} {day}",
                    MONTHS_EN.get(m).copied().unwrap_or("")
                ),
            )
        }
        PaymentTiming::Quarterly => (
            "fyra gånger per år, första dagen i varje kvartal".into(),
            "four times a year, on the first day of each quarter".into(),
        ),
        PaymentTiming::Unknown => ("okänt".into(), "unknown".into()),
    }
}

/// When and how the money is paid: `en gång per år, under kvartal 1, mot faktura med
/// Verksamhetsberättelse, Verksamhetsplan och Årsredovisning`.
pub(super) fn payment(p: &PaymentSchedule) -> Cell {
    let invoice = p.on_invoice.then(|| {
        let docs = &p.documents;
        match docs.split_last() {
            None => ("mot faktura".to_string(), "against an invoice".to_string()),
            Some((last, [])) => (
                format!("mot faktura med {last}"),
                format!("against an invoice with {last}"),
            ),
            Some((last, rest)) => (
                format!("mot faktura med {} och {last}", rest.join(", ")),
                format!("against an invoice with {} and {last}", rest.join(", ")),
            ),
        }
    });
    match (p.timing, invoice) {
        (PaymentTiming::Unknown, None) => unknown_cell(),
        (PaymentTiming::Unknown, Some((sv, en))) => text_cell(
            format!("tidpunkt okänd, {sv}"),
            format!("timing unknown, {en}"),
        ),
        (t, None) => {
            let (sv, en) = timing(t);
            text_cell(sv, en)
        }
        (t, Some((isv, ien))) => {
            let (sv, en) = timing(t);
            text_cell(format!("{sv}, {isv}"), format!("{en}, {ien}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::{compare, side_by_side};
    use crate::presets;

    fn cell(id: &str, key: &str) -> (String, bool) {
        let rows = compare(&presets::all(), presets::date(2026, 1, 1));
        let table = side_by_side(&rows);
        let i = rows.iter().position(|r| r.id == id).unwrap();
        let t = table.iter().find(|t| t.key == key).unwrap();
        (t.cells[i].sv.clone(), t.cells[i].unknown)
    }

    #[test]
    fn kalmar_2025_terms_as_the_agreement_states_them() {
        let k = "kalmar-2025-2027";
        assert_eq!(
            cell(k, "repay_organisation_breach").0,
            "delar eller hela det utbetalda beloppet"
        );
        assert_eq!(
            cell(k, "repay_public_breach").0,
            "inget (organisationen behåller det utbetalda)"
        );
        assert_eq!(
            cell(k, "payment").0,
            "en gång per år, under kvartal 1, mot faktura med Verksamhetsberättelse, Verksamhetsplan och Årsredovisning"
        );
        assert_eq!(
            cell(k, "reporting_what").0,
            "Verksamhetsplan; Verksamhetsberättelse; Årsredovisning; Gemensam lägesbild och handlingsplan (område 2)"
        );
        assert_eq!(
            cell(k, "reporting_to").0,
            "Verksamhetsplan, Verksamhetsberättelse: kommunstyrelsens arbetsutskott; Årsredovisning: kommunen, med fakturan; Gemensam lägesbild och handlingsplan (område 2): okänt"
        );
        assert_eq!(
            cell(k, "reporting_when").0,
            "Verksamhetsplan, Verksamhetsberättelse, Årsredovisning: med fakturan (en gång per år, under kvartal 1); Gemensam lägesbild och handlingsplan (område 2): före varje avtalsår"
        );
    }

    #[test]
    fn what_a_source_leaves_out_is_unknown_never_blank() {
        for key in [
            "repay_organisation_breach",
            "repay_public_breach",
            "payment",
            "reporting_what",
            "reporting_to",
            "reporting_when",
        ] {
            for id in ["vallentuna-2021", "linkoping-2019", "kalmar-2022-2024"] {
                assert_eq!(cell(id, key), ("okänt".to_string(), true), "{id} {key}");
            }
        }
    }

    #[test]
    fn no_breach_clause_is_said_so_for_either_side() {
        let mut a = presets::vallentuna();
        a.termination.for_breach = crate::Known::Known(None);
        let rows = compare(&[a], presets::date(2026, 1, 1));
        let t = side_by_side(&rows);
        for key in ["repay_organisation_breach", "repay_public_breach"] {
            let c = &t.iter().find(|t| t.key == key).unwrap().cells[0];
            assert_eq!((c.sv.as_str(), c.unknown), ("ingen hävningsklausul", false));
        }
    }

    #[test]
    fn other_timings_and_deadlines_read_as_swedish() {
        use crate::funding::PaymentTiming;
        use crate::obligations::{DocumentDuty, DocumentKind, Due};
        let mut a = presets::vallentuna();
        a.funding.payments.timing = PaymentTiming::Yearly { month: 3, day: 15 };
        a.obligations.documents = vec![DocumentDuty {
            kind: DocumentKind::Report,
            name: "Verksamhetsberättelse".into(),
            contents: vec![],
            responsible: vec![],
            due: Due::AfterYear {
                days: crate::Known::Known(60),
            },
            reported_to: Some("socialnämnden".into()),
        }];
        let rows = compare(&[a], presets::date(2026, 1, 1));
        let t = side_by_side(&rows);
        let sv = |key: &str| t.iter().find(|t| t.key == key).unwrap().cells[0].sv.clone();
        assert_eq!(sv("payment"), "en gång per år, den 15 mars");
        assert_eq!(
            sv("reporting_when"),
            "Verksamhetsberättelse: inom 60 dagar efter avtalsårets slut"
        );
        assert_eq!(sv("reporting_to"), "Verksamhetsberättelse: socialnämnden");
    }
}
