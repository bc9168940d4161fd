//! A draft agreement text in Swedish, from the model, with the usual sections of an IOP (as in
//! the Kalmar 2025–2027 text): background, purpose, target group, scope limits, parties, values,
//! orosanmälan, services by area, quality, economy, term, follow-up, changes and termination,
//! signatures.
//!
//! Every figure is filled from the model; every unknown is a gap marked `[ATT FYLLA I: …]` for
//! the author. The sections are built once as data ([`text`]) and rendered as Markdown
//! ([`draft_markdown`]) or as a standalone HTML page to print ([`draft_html`]), in which all text
//! from the model is escaped.

pub mod render;
pub mod text;

pub use render::{escape_html, fill};

use crate::agreement::Agreement;
use crate::amounts::{annual_amount, total_for_period_on};
use crate::funding::{ComponentKind, Conditions, PaymentTiming, Split};
use crate::known::Known;
use crate::parties::{Contact, Side};
use crate::term::{Renewal, TermEnd};
use crate::termination::Repayment;
use chrono::NaiveDate;
use text::{list, Block, Inline, Run, Section};

fn joined(names: Vec<String>, sep: &str) -> Option<String> {
    let text = names.join(sep);
    (!text.is_empty()).then_some(text)
}

fn contact(c: Option<&Contact>) -> Block {
    let run = Run::new().t("Kontaktperson: ");
    match c {
        Some(c) => run
            .t(c.name.clone())
            .t(c.email
                .as_ref()
                .map(|e| format!(", {e}"))
                .unwrap_or_default())
            .t(c.phone
                .as_ref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default())
            .para(),
        None => run.fill("namn, e-post, telefon").para(),
    }
}

/// What a breach on one side means for what was paid, as a clause of the draft; the rule's
/// words come from [`Repayment::sv`].
fn repayment(r: Repayment) -> Run {
    match r {
        Repayment::Unknown => Run::new().fill("vad som gäller för utbetalda belopp"),
        known => Run::new().t(format!("återbetalar organisationen {}", known.sv())),
    }
}

fn parties(a: &Agreement) -> Vec<Block> {
    let mut out = Vec::new();
    for p in &a.public_parties {
        out.push(Run::new().b(p.name.clone()).para());
        out.push(
            Run::new()
                .t("Organisationsnummer: ")
                .known(p.org_number, "organisationsnummer", |o| o.to_string())
                .para(),
        );
        if let Some(k) = p.kommunkod {
            out.push(Run::new().t(format!("Kommunkod: {k}")).para());
        }
        if let Some(bodies) = joined(p.bodies.iter().map(|b| b.name.clone()).collect(), ", ") {
            out.push(Run::new().t(format!("Företräds av: {bodies}")).para());
        }
        out.push(contact(p.contact.as_ref()));
    }
    for o in &a.organisations {
        let legal = o.legal_name.as_ref().map(|l| format!(" ({l})"));
        out.push(
            Run::new()
                .b(o.name.clone())
                .t(legal.unwrap_or_default())
                .para(),
        );
        out.push(
            Run::new()
                .t("Organisationsnummer: ")
                .known(o.org_number, "organisationsnummer", |x| x.to_string())
                .para(),
        );
        out.push(contact(o.contact.as_ref()));
    }
    out
}

fn economy(a: &Agreement, at: NaiveDate, org: &Run, public: &Run) -> Vec<Block> {
    let annual = annual_amount(a, at, Conditions::AsRecorded);
    let mut run = public
        .clone()
        .t(" ersätter ")
        .then(org.clone())
        .t(" med ")
        .known(annual.value, "belopp per år", |v| v.to_string())
        .t(" per år.");
    for c in &a.funding.components {
        let amount = Run::new().known(c.amount, "belopp", |v| v.to_string());
        run = match &c.kind {
            ComponentKind::ReplacesForeningsbidrag => run
                .t(" Av detta ersätter ")
                .then(amount)
                .t(" det tidigare föreningsbidraget."),
            ComponentKind::Conditional { condition, .. } => run.t(" Därutöver ").then(amount).t(
                format!(" per år om följande villkor är uppfyllt: {condition}."),
            ),
            ComponentKind::OneOff { on } => run
                .t(" Ett engångsbelopp om ")
                .then(amount)
                .t(" betalas ")
                .known(*on, "datum", |d| d.to_string())
                .t("."),
            ComponentKind::Base => run,
        };
    }
    match &a.funding.split {
        Split::Share { payers } if payers.len() > 1 => {
            let parts: Vec<String> = payers
                .iter()
                .map(|p| format!("{} ({})", p.name, p.share.percent_sv()))
                .collect();
            run = run.t(format!(" Beloppet fördelas mellan {}.", parts.join(", ")));
        }
        Split::Amount { payers } => {
            let parts: Vec<String> = payers
                .iter()
                .map(|p| format!("{} {}", p.name, p.amount))
                .collect();
            run = run.t(format!(" Beloppet betalas av {}.", parts.join(", ")));
        }
        Split::Share { .. } => {}
    }
    let total = total_for_period_on(a, at);
    run = run
        .t(" Sammanlagt för avtalsperioden: ")
        .known(total.value, "belopp för perioden", |v| v.to_string())
        .t(".");
    let mut payment = match a.funding.payments.timing {
        PaymentTiming::Quarter { quarter } => Run::new().t(format!(
            "Ersättningen betalas ut under kvartal {quarter} varje år."
        )),
        PaymentTiming::Yearly { month, day } => Run::new().t(format!(
            "Ersättningen betalas ut den {day}/{month} varje år."
        )),
        PaymentTiming::Quarterly => {
            Run::new().t("Ersättningen betalas ut kvartalsvis i fyra lika delar.")
        }
        PaymentTiming::Unknown => Run::new()
            .t("Ersättningen betalas ut ")
            .fill("när och hur")
            .t("."),
    };
    if a.funding.payments.on_invoice {
        payment = payment.t(" ").then(org.clone()).t(format!(
            " fakturerar ersättningen tillsammans med {}.",
            a.funding.payments.documents.join(", ").to_lowercase()
        ));
    }
    vec![run.para(), payment.para()]
}

fn term(a: &Agreement) -> Vec<Block> {
    let t = &a.term;
    let run = Run::new()
        .t("Denna överenskommelse gäller för perioden ")
        .known(t.start, "startdatum", |d| d.to_string())
        .t(" – ");
    let run = match t.end {
        TermEnd::On(d) => run.t(d.to_string()),
        TermEnd::OpenEnded => run.t("tills vidare"),
        TermEnd::Unknown => run.fill("slutdatum"),
    }
    .t(". ");
    let run = match t.renewal {
        Renewal::None => run.t("Överenskommelsen upphör utan uppsägning vid periodens utgång."),
        Renewal::AutomaticExtension { years, notice } => run
            .t(format!(
                "Därefter förlängs överenskommelsen med {years} år i taget om den inte sägs upp senast "
            ))
            .known(notice, "uppsägningstid", |d| d.sv())
            .t(" före periodens utgång."),
        Renewal::ExtensionOption {
            years,
            max_extensions,
            ..
        } => run.t(format!(
            "Överenskommelsen kan efter beslut förlängas med {years} år i taget, högst {max_extensions} gånger."
        )),
        Renewal::Unknown => run.fill("vad som gäller när perioden löper ut"),
    };
    vec![run.para()]
}

fn follow_up(a: &Agreement) -> Vec<Block> {
    let mut out = Vec::new();
    match &a.obligations.meetings {
        Some(m) => {
            let who = if m.responsible.is_empty() {
                Run::new().fill("vem")
            } else {
                Run::new().t(m.responsible.clone())
            };
            let invited = joined(m.invited.clone(), ", ")
                .map(|i| format!(" Företrädare för {} bjuds in.", i.to_lowercase()));
            out.push(
                Run::new()
                    .t("Uppföljningsmöten hålls minst ")
                    .known(m.per_year, "antal", |n| n.to_string())
                    .t(" gånger per år. ")
                    .then(who)
                    .t(" ansvarar för att mötena genomförs.")
                    .t(invited.unwrap_or_default())
                    .para(),
            );
        }
        None => out.push(
            Run::new()
                .fill("uppföljningsmöten: hur ofta och vem som ansvarar")
                .para(),
        ),
    }
    let mut items: Vec<Vec<Inline>> = a
        .obligations
        .documents
        .iter()
        .map(|d| {
            let contents = joined(d.contents.clone(), ", ")
                .map(|c| format!(": {}", c.to_lowercase()))
                .unwrap_or_default();
            let to = d
                .reported_to
                .as_ref()
                .map(|t| format!(" (rapporteras till {t})"))
                .unwrap_or_default();
            Run::new().t(format!("{}{contents}{to}", d.name)).0
        })
        .collect();
    items.extend(
        a.obligations
            .other
            .iter()
            .map(|o| Run::new().t(o.clone()).0),
    );
    if !items.is_empty() {
        out.push(Block::List(items));
    }
    out
}

fn changes(a: &Agreement, org: &Run, public: &Run) -> Vec<Block> {
    let first = match &a.scope.changes {
        Some(c) => Run::new().t(c.clone()),
        None if a.termination.changes_need_written_approval => Run::new().t(
            "Betydande ändringar ska föregås av dialog och godkännas skriftligen av behörig person.",
        ),
        None => Run::new().fill("hur ändringar görs"),
    };
    let second = match a.termination.for_breach {
        Known::Known(Some(b)) => Run::new()
            .t(format!(
                "Vardera part kan säga upp överenskommelsen till omedelbart upphörande om den andra parten väsentligt bryter mot den och inte vidtar rättelse inom {} dagar efter skriftligt påpekande. Hävs överenskommelsen på grund av en omständighet på ",
                b.cure_days
            ))
            .then(org.clone())
            .t("s sida ")
            .then(repayment(b.if_organisation_in_breach))
            .t(". Hävs den på grund av en omständighet på ")
            .then(public.clone())
            .t("s sida ")
            .then(repayment(b.if_public_in_breach))
            .t("."),
        Known::Known(None) => Run::new().t("Överenskommelsen kan inte hävas i förtid."),
        Known::Unknown => Run::new().fill("villkor för uppsägning och hävning vid avtalsbrott"),
    };
    vec![first.para(), second.para()]
}

fn signatures(a: &Agreement) -> Vec<Block> {
    let mut out = vec![Run::new()
        .t("Denna överenskommelse har upprättats i två likalydande exemplar, varav parterna har tagit var sitt.")
        .para()];
    let signatories: Vec<String> = a
        .public_parties
        .iter()
        .flat_map(|p| {
            p.signatories.iter().map(move |s| {
                let body = s
                    .body
                    .as_ref()
                    .map(|b| format!(", {b}"))
                    .unwrap_or_default();
                format!("{}, {}{body}, {}", s.name, s.title, p.name)
            })
        })
        .chain(a.organisations.iter().flat_map(|o| {
            o.signatories
                .iter()
                .map(move |s| format!("{}, {}, {}", s.name, s.title, o.name))
        }))
        .collect();
    if signatories.is_empty() {
        out.push(Run::new().t("Ort och datum: ").fill("ort och datum").para());
        out.push(Run::new().fill("namn och titel för varje part").para());
    }
    for s in signatories {
        out.push(Run::new().t("Ort och datum: ____________________").para());
        out.push(Run::new().t(s).para());
    }
    out
}

/// The draft's sections, in the order of an IOP text, with figures as on `at`.
pub fn sections(a: &Agreement, at: NaiveDate) -> Vec<Section> {
    let org = Run::new().or_fill(
        joined(
            a.organisations.iter().map(|o| o.name.clone()).collect(),
            ", ",
        ),
        "organisationens namn",
    );
    let public = Run::new().or_fill(
        joined(
            a.public_parties.iter().map(|p| p.name.clone()).collect(),
            " och ",
        ),
        "kommunens namn",
    );
    let s = &a.scope;
    let mut purpose = vec![Run::new()
        .or_fill(s.purpose.clone(), "syftet med överenskommelsen")
        .para()];
    if !s.goals.is_empty() {
        purpose.push(Run::new().t("Gemensamma mål:").para());
        purpose.push(list(&s.goals, "mål"));
    }
    let exclusions = if s.exclusions.is_empty() {
        vec![Run::new()
            .fill("vad överenskommelsen inte omfattar (t.ex. skyddat boende)")
            .para()]
    } else {
        vec![
            Run::new().t("Denna överenskommelse omfattar inte:").para(),
            list(&s.exclusions, "avgränsning"),
        ]
    };
    let mut services = Vec::new();
    if s.service_areas.is_empty() {
        services.push(Run::new().fill("insatser per område").para());
    }
    for area in &s.service_areas {
        let who = match area.provider {
            Side::Organisation => &org,
            Side::Public => &public,
        };
        services.push(
            Run::new()
                .b(area.name.clone())
                .t(" (ansvar: ")
                .then(who.clone())
                .t(")")
                .para(),
        );
        services.push(list(&area.services, "insatser"));
    }
    let section = |title: &str, blocks: Vec<Block>| Section {
        title: title.to_string(),
        blocks,
    };
    vec![
        section(
            "Bakgrund",
            vec![Run::new()
                .or_fill(
                    s.background.clone(),
                    "bakgrund: organisationen, tidigare samverkan och bidrag",
                )
                .para()],
        ),
        section("Syfte", purpose),
        section("Målgrupp", vec![list(&s.target_groups, "målgrupp")]),
        section("Avgränsning", exclusions),
        section("Parter och kontaktpersoner", parties(a)),
        section(
            "Värdegrund",
            vec![if s.values.is_empty() {
                Run::new().fill("värdegrund").para()
            } else {
                list(&s.values, "värdegrund")
            }],
        ),
        section(
            "Orosanmälan",
            vec![Run::new()
                .or_fill(
                    s.child_concern_policy.clone(),
                    "policy för orosanmälan till socialtjänsten",
                )
                .para()],
        ),
        section("Insatser som omfattas av överenskommelsen", services),
        section(
            "Kvalitet",
            vec![Run::new()
                .or_fill(s.quality.clone(), "krav på kvalitet och kompetens")
                .para()],
        ),
        section("Ekonomi", economy(a, at, &org, &public)),
        section("Avtalstid", term(a)),
        section("Uppföljning och utvärdering", follow_up(a)),
        section("Ändringar och uppsägning", changes(a, &org, &public)),
        section("Underskrifter", signatures(a)),
    ]
}

fn title(a: &Agreement) -> Vec<Inline> {
    Run::new()
        .t("Överenskommelse om idéburet offentligt partnerskap (IOP) mellan ")
        .or_fill(
            joined(
                a.organisations.iter().map(|o| o.name.clone()).collect(),
                ", ",
            ),
            "organisation",
        )
        .t(" och ")
        .or_fill(
            joined(
                a.public_parties.iter().map(|p| p.name.clone()).collect(),
                " och ",
            ),
            "kommun",
        )
        .0
}

/// The draft as data, for a renderer of another format (a Word document): its title, the line
/// that says where it comes from, and its numbered sections, figures as on `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The title, with gaps where a party is not named.
    pub title: Vec<Inline>,
    /// Where the draft comes from and what the marked gaps mean.
    pub intro: String,
    /// The sections in order; each is numbered from 1 where it is shown.
    pub sections: Vec<Section>,
}

/// The draft of `a` as data (see [`Draft`]), the same sections and words as
/// [`draft_markdown`].
///
/// ```
/// let d = iop_core::draft::draft_document(&iop_core::presets::kalmar_2025_2027(), iop_core::presets::date(2025, 1, 1));
/// assert_eq!(d.sections[9].title, "Ekonomi");
/// assert!(d.intro.contains("2025-01-01"));
/// ```
pub fn draft_document(a: &Agreement, at: NaiveDate) -> Draft {
    Draft {
        title: title(a),
        intro: format!("Utkast framtaget ur modellen {at}. Markerade luckor (ATT FYLLA I) ska fyllas i av författaren."),
        sections: sections(a, at),
    }
}

/// The draft as Markdown, figures as on `at` (the yearly amount of the agreement year then).
///
/// ```
/// let md = iop_core::draft::draft_markdown(&iop_core::presets::kalmar_2025_2027(), iop_core::presets::date(2025, 1, 1));
/// assert!(md.contains("## 10. Ekonomi"));
/// assert!(md.contains("1 000 000 kr per år"));
/// let l = iop_core::draft::draft_markdown(&iop_core::presets::linkoping(), iop_core::presets::date(2019, 1, 1));
/// assert!(l.contains("[ATT FYLLA I: belopp per år]"));
/// ```
pub fn draft_markdown(a: &Agreement, at: NaiveDate) -> String {
    let d = draft_document(a, at);
    render::markdown(&d.title, &d.intro, &d.sections)
}

/// The draft as a standalone HTML page to print on A4, all text escaped, no script.
///
/// ```
/// let mut a = iop_core::presets::kalmar_2025_2027();
/// a.organisations[0].name = "<script>x</script>".into();
/// let html = iop_core::draft::draft_html(&a, iop_core::presets::date(2025, 1, 1));
/// assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
/// assert!(!html.contains("<script>"));
/// ```
pub fn draft_html(a: &Agreement, at: NaiveDate) -> String {
    render::html(
        &title(a),
        &format!(
            "Utkast framtaget ur modellen {at}. Gula markeringar ska fyllas i av författaren."
        ),
        &sections(a, at),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{self, date};

    #[test]
    fn kalmar_draft_has_every_section_in_order_with_its_figures() {
        let md = draft_markdown(&presets::kalmar_2025_2027(), date(2025, 1, 1));
        let titles = [
            "Bakgrund",
            "Syfte",
            "Målgrupp",
            "Avgränsning",
            "Parter och kontaktpersoner",
            "Värdegrund",
            "Orosanmälan",
            "Insatser som omfattas av överenskommelsen",
            "Kvalitet",
            "Ekonomi",
            "Avtalstid",
            "Uppföljning och utvärdering",
            "Ändringar och uppsägning",
            "Underskrifter",
        ];
        let mut last = 0;
        for (i, t) in titles.iter().enumerate() {
            let pos = md
                .find(&format!("## {}. {t}", i + 1))
                .unwrap_or_else(|| panic!("section {t}"));
            assert!(pos > last);
            last = pos;
        }
        for figure in [
            "1 000 000 kr per år",
            "Kommunledningskontoret (50 %)",
            "3 000 000 kr",
            "kvartal 1",
            "2025-01-01 – 2027-12-31",
            "inom 30 dagar",
            "minst 2 gånger per år",
            "832401-3807",
            "Anna Flink",
        ] {
            assert!(md.contains(figure), "{figure}");
        }
        assert!(!md.contains("[ATT FYLLA I"), "Kalmar 2025–2027 is complete");
    }

    #[test]
    fn unknowns_are_marked_for_the_author() {
        let md = draft_markdown(&presets::varmdo(), date(2026, 1, 1));
        assert!(md.contains("[ATT FYLLA I: startdatum]"));
        assert!(md.contains("[ATT FYLLA I: uppsägningstid]"));
        assert!(md.contains("400 000 kr per år"));
        let html = draft_html(&presets::varmdo(), date(2026, 1, 1));
        assert!(html.contains("<mark>[ATT FYLLA I: startdatum]</mark>"));
    }
}
