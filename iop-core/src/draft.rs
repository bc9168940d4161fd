//! A draft agreement text in Swedish, from the model, with the usual sections of an IOP (as in
//! the Kalmar 2025–2027 text): background, purpose, target group, scope limits, parties, values,
//! orosanmälan, services by area, quality, economy, term, follow-up, changes and termination,
//! signatures.
//!
//! Every figure is filled from the model; every unknown is marked `[ATT FYLLA I: …]` for the
//! author. The draft is Markdown ([`draft_markdown`]) or a standalone HTML page to print
//! ([`draft_html`]), in which all text from the model is escaped.

use crate::agreement::Agreement;
use crate::amounts::{annual_amount, total_for_period_on};
use crate::funding::{ComponentKind, Conditions, PaymentTiming, Split};
use crate::known::Known;
use crate::parties::Side;
use crate::term::{Renewal, TermEnd};
use crate::termination::Repayment;
use chrono::NaiveDate;

/// The marker for what the author must fill in.
pub fn fill(what: &str) -> String {
    format!("[ATT FYLLA I: {what}]")
}

fn known_text<T>(v: Known<T>, what: &str, f: impl FnOnce(T) -> String) -> String {
    match v {
        Known::Known(x) => f(x),
        Known::Unknown => fill(what),
    }
}

fn list(items: &[String], what: &str) -> String {
    if items.is_empty() {
        format!("- {}\n", fill(what))
    } else {
        items.iter().map(|i| format!("- {i}\n")).collect()
    }
}

/// One section: a heading and its paragraphs.
struct Section {
    title: String,
    body: String,
}

fn sections(a: &Agreement, at: NaiveDate) -> Vec<Section> {
    let org = a.organisation_names();
    let org = if org.is_empty() {
        fill("organisationens namn")
    } else {
        org
    };
    let public = a
        .public_parties
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(" och ");
    let public = if public.is_empty() {
        fill("kommunens namn")
    } else {
        public
    };
    let mut out = Vec::new();
    let mut add = |title: &str, body: String| {
        out.push(Section {
            title: title.to_string(),
            body,
        })
    };

    add(
        "Bakgrund",
        a.scope
            .background
            .clone()
            .unwrap_or_else(|| fill("bakgrund: organisationen, tidigare samverkan och bidrag")),
    );
    let mut purpose = a
        .scope
        .purpose
        .clone()
        .unwrap_or_else(|| fill("syftet med överenskommelsen"));
    if !a.scope.goals.is_empty() {
        purpose.push_str("\n\nGemensamma mål:\n\n");
        purpose.push_str(&list(&a.scope.goals, "mål"));
    }
    add("Syfte", purpose);
    add("Målgrupp", list(&a.scope.target_groups, "målgrupp"));
    add(
        "Avgränsning",
        if a.scope.exclusions.is_empty() {
            fill("vad överenskommelsen inte omfattar (t.ex. skyddat boende)")
        } else {
            format!(
                "Denna överenskommelse omfattar inte:\n\n{}",
                list(&a.scope.exclusions, "avgränsning")
            )
        },
    );

    let mut parties = String::new();
    for p in &a.public_parties {
        parties.push_str(&format!("**{}**\n\n", p.name));
        parties.push_str(&format!(
            "Organisationsnummer: {}\n\n",
            known_text(p.org_number, "organisationsnummer", |o| o.to_string())
        ));
        if let Some(k) = p.kommunkod {
            parties.push_str(&format!("Kommunkod: {k}\n\n"));
        }
        if !p.bodies.is_empty() {
            parties.push_str(&format!(
                "Företräds av: {}\n\n",
                p.bodies
                    .iter()
                    .map(|b| b.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        parties.push_str(&contact(p.contact.as_ref()));
    }
    for o in &a.organisations {
        parties.push_str(&format!(
            "**{}**{}\n\n",
            o.name,
            o.legal_name
                .as_ref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default()
        ));
        parties.push_str(&format!(
            "Organisationsnummer: {}\n\n",
            known_text(o.org_number, "organisationsnummer", |x| x.to_string())
        ));
        parties.push_str(&contact(o.contact.as_ref()));
    }
    add("Parter och kontaktpersoner", parties);
    add(
        "Värdegrund",
        if a.scope.values.is_empty() {
            fill("värdegrund")
        } else {
            list(&a.scope.values, "värdegrund")
        },
    );
    add(
        "Orosanmälan",
        a.scope
            .child_concern_policy
            .clone()
            .unwrap_or_else(|| fill("policy för orosanmälan till socialtjänsten")),
    );

    let mut services = String::new();
    if a.scope.service_areas.is_empty() {
        services.push_str(&fill("insatser per område"));
    }
    for area in &a.scope.service_areas {
        let who = match area.provider {
            Side::Organisation => &org,
            Side::Public => &public,
        };
        services.push_str(&format!(
            "**{}** (ansvar: {who})\n\n{}\n",
            area.name,
            list(&area.services, "insatser")
        ));
    }
    add("Insatser som omfattas av överenskommelsen", services);
    add(
        "Kvalitet",
        a.scope
            .quality
            .clone()
            .unwrap_or_else(|| fill("krav på kvalitet och kompetens")),
    );

    let annual = annual_amount(a, at, Conditions::AsRecorded);
    let mut economy = format!(
        "{public} ersätter {org} med {} per år.",
        known_text(annual.value, "belopp per år", |v| v.to_string())
    );
    for c in &a.funding.components {
        let amount = known_text(c.amount, "belopp", |v| v.to_string());
        match &c.kind {
            ComponentKind::ReplacesForeningsbidrag => economy.push_str(&format!(
                " Av detta ersätter {amount} det tidigare föreningsbidraget."
            )),
            ComponentKind::Conditional { condition, .. } => economy.push_str(&format!(
                " Därutöver {amount} per år om följande villkor är uppfyllt: {condition}."
            )),
            ComponentKind::OneOff { on } => economy.push_str(&format!(
                " Ett engångsbelopp om {amount} betalas {}.",
                known_text(*on, "datum", |d| d.to_string())
            )),
            ComponentKind::Base => {}
        }
    }
    match &a.funding.split {
        Split::Share { payers } if payers.len() > 1 => {
            let parts: Vec<String> = payers
                .iter()
                .map(|p| format!("{} ({})", p.name, p.share.percent_sv()))
                .collect();
            economy.push_str(&format!(" Beloppet fördelas mellan {}.", parts.join(", ")));
        }
        Split::Amount { payers } => {
            let parts: Vec<String> = payers
                .iter()
                .map(|p| format!("{} {}", p.name, p.amount))
                .collect();
            economy.push_str(&format!(" Beloppet betalas av {}.", parts.join(", ")));
        }
        _ => {}
    }
    let total = total_for_period_on(a, at);
    economy.push_str(&format!(
        " Sammanlagt för avtalsperioden: {}.",
        known_text(total.value, "belopp för perioden", |v| v.to_string())
    ));
    economy.push_str("\n\n");
    economy.push_str(&match a.funding.payments.timing {
        PaymentTiming::Quarter { quarter } => {
            format!("Ersättningen betalas ut under kvartal {quarter} varje år.")
        }
        PaymentTiming::Yearly { month, day } => {
            format!("Ersättningen betalas ut den {day}/{month} varje år.")
        }
        PaymentTiming::Quarterly => "Ersättningen betalas ut kvartalsvis i fyra lika delar.".into(),
        PaymentTiming::Unknown => format!("Ersättningen betalas ut {}.", fill("när och hur")),
    });
    if a.funding.payments.on_invoice {
        economy.push_str(&format!(
            " {org} fakturerar ersättningen tillsammans med {}.",
            a.funding.payments.documents.join(", ").to_lowercase()
        ));
    }
    add("Ekonomi", economy);

    let term = &a.term;
    let end = match term.end {
        TermEnd::On(d) => d.to_string(),
        TermEnd::OpenEnded => "tills vidare".into(),
        TermEnd::Unknown => fill("slutdatum"),
    };
    let renewal = match term.renewal {
        Renewal::None => "Överenskommelsen upphör utan uppsägning vid periodens utgång.".to_string(),
        Renewal::AutomaticExtension { years, notice } => format!(
            "Därefter förlängs överenskommelsen med {years} år i taget om den inte sägs upp senast {} före periodens utgång.",
            known_text(notice, "uppsägningstid", |d| d.sv())
        ),
        Renewal::ExtensionOption { years, max_extensions, .. } => {
            format!("Överenskommelsen kan efter beslut förlängas med {years} år i taget, högst {max_extensions} gånger.")
        }
        Renewal::Unknown => fill("vad som gäller när perioden löper ut"),
    };
    add(
        "Avtalstid",
        format!(
            "Denna överenskommelse gäller för perioden {} – {end}. {renewal}",
            known_text(term.start, "startdatum", |d| d.to_string())
        ),
    );

    let mut follow = String::new();
    match &a.obligations.meetings {
        Some(m) => follow.push_str(&format!(
            "Uppföljningsmöten hålls minst {} gånger per år. {} ansvarar för att mötena genomförs.{}\n\n",
            known_text(m.per_year, "antal", |n| n.to_string()),
            if m.responsible.is_empty() { fill("vem") } else { m.responsible.clone() },
            if m.invited.is_empty() { String::new() } else { format!(" Företrädare för {} bjuds in.", m.invited.join(", ").to_lowercase()) }
        )),
        None => follow.push_str(&format!("{}\n\n", fill("uppföljningsmöten: hur ofta och vem som ansvarar"))),
    }
    for d in &a.obligations.documents {
        follow.push_str(&format!(
            "- {}{}{}\n",
            d.name,
            if d.contents.is_empty() {
                String::new()
            } else {
                format!(": {}", d.contents.join(", ").to_lowercase())
            },
            d.reported_to
                .as_ref()
                .map(|t| format!(" (rapporteras till {t})"))
                .unwrap_or_default()
        ));
    }
    for o in &a.obligations.other {
        follow.push_str(&format!("- {o}\n"));
    }
    add("Uppföljning och utvärdering", follow);

    let mut changes = a.scope.changes.clone().unwrap_or_else(|| {
        if a.termination.changes_need_written_approval {
            "Betydande ändringar ska föregås av dialog och godkännas skriftligen av behörig person."
                .into()
        } else {
            fill("hur ändringar görs")
        }
    });
    changes.push_str("\n\n");
    changes.push_str(&match a.termination.for_breach {
        Known::Known(Some(b)) => format!(
            "Vardera part kan säga upp överenskommelsen till omedelbart upphörande om den andra parten väsentligt bryter mot den och inte vidtar rättelse inom {} dagar efter skriftligt påpekande. Hävs överenskommelsen på grund av en omständighet på {org}s sida {}. Hävs den på grund av en omständighet på {public}s sida {}.",
            b.cure_days,
            repayment_text(b.if_organisation_in_breach),
            repayment_text(b.if_public_in_breach)
        ),
        Known::Known(None) => "Överenskommelsen kan inte hävas i förtid.".into(),
        Known::Unknown => fill("villkor för uppsägning och hävning vid avtalsbrott"),
    });
    add("Ändringar och uppsägning", changes);

    let mut sign = String::from("Denna överenskommelse har upprättats i två likalydande exemplar, varav parterna har tagit var sitt.\n\n");
    let signatories: Vec<String> = a
        .public_parties
        .iter()
        .flat_map(|p| {
            p.signatories.iter().map(move |s| {
                format!(
                    "{}, {}{}, {}",
                    s.name,
                    s.title,
                    s.body
                        .as_ref()
                        .map(|b| format!(", {b}"))
                        .unwrap_or_default(),
                    p.name
                )
            })
        })
        .chain(a.organisations.iter().flat_map(|o| {
            o.signatories
                .iter()
                .map(move |s| format!("{}, {}, {}", s.name, s.title, o.name))
        }))
        .collect();
    if signatories.is_empty() {
        sign.push_str(&format!(
            "Ort och datum: {}\n\n{}\n",
            fill("ort och datum"),
            fill("namn och titel för varje part")
        ));
    }
    for s in signatories {
        sign.push_str(&format!("Ort och datum: ____________________\n\n{s}\n\n"));
    }
    add("Underskrifter", sign);
    out
}

fn repayment_text(r: Repayment) -> String {
    match r {
        Repayment::Nothing => "får organisationen behålla utbetalda belopp".into(),
        Repayment::PartOrAll => {
            "är organisationen återbetalningsskyldig för delar eller hela det utbetalda beloppet"
                .into()
        }
        Repayment::All => {
            "är organisationen återbetalningsskyldig för hela det utbetalda beloppet".into()
        }
        Repayment::Unknown => fill("vad som gäller för utbetalda belopp"),
    }
}

fn contact(c: Option<&crate::parties::Contact>) -> String {
    match c {
        Some(c) => format!(
            "Kontaktperson: {}{}{}\n\n",
            c.name,
            c.email
                .as_ref()
                .map(|e| format!(", {e}"))
                .unwrap_or_default(),
            c.phone
                .as_ref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default()
        ),
        None => format!("Kontaktperson: {}\n\n", fill("namn, e-post, telefon")),
    }
}

fn title(a: &Agreement) -> String {
    format!(
        "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan {} och {}",
        if a.organisation_names().is_empty() {
            fill("organisation")
        } else {
            a.organisation_names()
        },
        {
            let p = a
                .public_parties
                .iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(" och ");
            if p.is_empty() {
                fill("kommun")
            } else {
                p
            }
        }
    )
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
    let mut out = format!("# {}\n\n*Utkast framtaget ur modellen {at}. Markerade luckor (ATT FYLLA I) ska fyllas i av författaren.*\n\n", title(a));
    for (i, s) in sections(a, at).iter().enumerate() {
        out.push_str(&format!(
            "## {}. {}\n\n{}\n\n",
            i + 1,
            s.title,
            s.body.trim_end()
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

/// Paragraphs and bullet lists of a section body, as escaped HTML; `**x**` becomes bold.
fn body_html(body: &str) -> String {
    let mut out = String::new();
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if block.lines().all(|l| l.starts_with("- ")) {
            out.push_str("<ul>");
            for l in block.lines() {
                out.push_str(&format!("<li>{}</li>", inline_html(&l[2..])));
            }
            out.push_str("</ul>\n");
        } else {
            out.push_str(&format!("<p>{}</p>\n", inline_html(block)));
        }
    }
    out
}

fn inline_html(text: &str) -> String {
    let escaped = escape_html(text);
    let mut out = String::new();
    for (i, part) in escaped.split("**").enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<strong>{part}</strong>"));
        } else {
            out.push_str(part);
        }
    }
    mark_fill(&out)
}

/// Wraps each `[ATT FYLLA I: …]` in `<mark>`.
fn mark_fill(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[ATT FYLLA I:") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match after.find(']') {
            Some(j) => {
                out.push_str("<mark>");
                out.push_str(&after[..=j]);
                out.push_str("</mark>");
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
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
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{}</title>\
<style>@page {{ size: A4; margin: 20mm; }} body {{ font: 11pt/1.45 Georgia, serif; max-width: 42rem; margin: auto; }} mark {{ background: #ffe08a; }} h1 {{ font-size: 16pt; }} h2 {{ font-size: 13pt; margin-top: 1.5em; }}</style>\
</head><body>\n<h1>{}</h1>\n<p><em>Utkast framtaget ur modellen {at}. Gula markeringar ska fyllas i av författaren.</em></p>\n",
        escape_html(&title(a)),
        escape_html(&title(a))
    );
    for (i, s) in sections(a, at).iter().enumerate() {
        out.push_str(&format!(
            "<h2>{}. {}</h2>\n{}",
            i + 1,
            escape_html(&s.title),
            body_html(&s.body)
        ));
    }
    out.push_str("</body></html>\n");
    out
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
