//! One agreement: every term on one page, each built-in figure with its source, unknowns shown
//! as unknown, and the explanation of each computed figure one click away.

use crate::format;
use crate::i18n::Lang;
use crate::state::{AppState, View};
use iop_core::compare::row;
use iop_core::funding::{ComponentKind, PaymentTiming, Split};
use iop_core::obligations::Due;
use iop_core::parties::Side;
use iop_core::source::SourceRef;
use iop_core::term::{Renewal, TermEnd};
use iop_core::termination::Repayment;
use iop_core::{Explanation, Known, POPULATION_DATE};
use leptos::prelude::*;

/// A source reference, shown small under a figure.
pub fn source(s: &Option<SourceRef>, lang: Lang) -> impl IntoView {
    s.as_ref().map(|s| {
        view! { <span class="source">{lang.t("Källa: ", "Source: ")}{s.to_string()}</span> }
    })
}

/// "How is this computed?", one click away.
pub fn explain(e: &Explanation, lang: Lang) -> impl IntoView {
    let text = lang.pick(e.sv.clone(), e.en.clone());
    view! {
        <details class="explain">
            <summary>{lang.t("Hur räknas det fram?", "How is it computed?")}</summary>
            <p>{text}</p>
        </details>
    }
}

fn side(s: Side, lang: Lang) -> &'static str {
    match s {
        Side::Public => lang.t("den offentliga parten", "the public party"),
        Side::Organisation => lang.t("organisationen", "the organisation"),
    }
}

#[component]
pub fn Detail(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id2 = id.clone();
    let agreement = Memo::new(move |_| state.agreement(&id2));
    move || {
        let l = lang.get();
        let Some(a) = agreement.get() else {
            if matches!(
                state.catalogue.get(),
                crate::state::Catalogue::Loading | crate::state::Catalogue::NotAsked
            ) {
                return view! { <p class="loading">{l.t("Läser katalogen …", "Reading the catalogue …")}</p> }.into_any();
            }
            return view! { <p>{l.t("Avtalet finns inte längre.", "The agreement no longer exists.")}</p> }.into_any();
        };
        let at = state.at.get();
        let r = row(&a, at);
        let own = state.is_own(&a.id);
        let (id_copy, id_cal, id_edit, id_cmp) =
            (a.id.clone(), a.id.clone(), a.id.clone(), a.id.clone());
        let id_sim = a.id.clone();
        let unk = l.unknown();
        let k = |v: Known<String>| v.into_option().unwrap_or_else(|| unk.to_string());
        view! {
            <article class="agreement">
                <h2><bdi>{crate::format::name(&a.name, l)}</bdi></h2>
                <p class="actions">
                    <button type="button" on:click=move |_| {
                        if let Some(original) = state.agreement(&id_copy) {
                            let copy = iop_core::whatif::copy_of(&original, &state.fresh_id("kopia"));
                            let new_id = copy.id.clone();
                            state.edit(|s| s.agreements.push(copy));
                            state.go(View::WhatIf(new_id));
                        }
                    }>{l.t("Kopiera och ändra", "Copy and edit")}</button>
                    {own.then(|| view! { <button type="button" on:click=move |_| state.go(View::WhatIf(id_edit.clone()))>{l.t("Ändra", "Edit")}</button> })}
                    <button type="button" on:click=move |_| state.go(View::Calendar(id_cal.clone()))>{l.t("Kalender", "Calendar")}</button>
                    <button type="button" on:click=move |_| state.go(View::Termination(id_sim.clone()))>{l.t("Simulera hävning", "Simulate termination")}</button>
                    <button type="button" on:click=move |_| {
                        state.selected.update(|s| if !s.contains(&id_cmp) { s.push(id_cmp.clone()) });
                        state.go(View::Compare);
                    }>{l.t("Lägg till i jämförelsen", "Add to comparison")}</button>
                    <DraftButtons id=a.id.clone() />
                    <crate::views::office::DraftExport id=a.id.clone() />
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{l.t("Skriv ut", "Print")}</button>
                </p>
                <p class="print-meta">{l.pick(format!("Per {at}. Folkmängd {POPULATION_DATE} (SCB)."), format!("On {at}. Population {POPULATION_DATE} (SCB)."))}</p>

                <section aria-labelledby="sec-money">
                    <h3 id="sec-money">{l.t("Ekonomi", "Money")}</h3>
                    <dl class="figures">
                        <div><dt>{l.t("Kronor per år", "SEK per year")}</dt><dd class="figure" data-figure="annual">{format::figure_money(&r.annual, l)}</dd><dd>{explain(&r.annual.explanation, l)}</dd></div>
                        {(r.annual_max.value != r.annual.value).then(|| view! {
                            <div><dt>{l.t("Med alla villkor uppfyllda", "With all conditions met")}</dt><dd class="figure" data-figure="annual_max">{format::figure_money(&r.annual_max, l)}</dd><dd>{explain(&r.annual_max.explanation, l)}</dd></div>
                        })}
                        <div><dt>{l.t("Kronor per invånare och år", "SEK per inhabitant per year")}</dt><dd class="figure" data-figure="per_inhabitant">{format::per_inhabitant(r.per_inhabitant.value, l)}</dd><dd>{explain(&r.per_inhabitant.explanation, l)}</dd></div>
                        <div><dt>{l.t("Totalt för perioden", "Total for the period")}</dt><dd class="figure" data-figure="total">{format::figure_money(&r.total, l)}</dd><dd>{explain(&r.total.explanation, l)}</dd></div>
                    </dl>
                    <h4>{l.t("Delar", "Components")}</h4>
                    <ul>
                        {a.funding.components.iter().map(|c| {
                            let kind = match &c.kind {
                                ComponentKind::Base => l.t("grundbelopp", "base grant").to_string(),
                                ComponentKind::ReplacesForeningsbidrag => l.t("ersätter tidigare föreningsbidrag", "replaces a former association grant").to_string(),
                                ComponentKind::Conditional { condition, met } => format!("{} {condition} ({})", l.t("villkorat:", "conditional:"), match met {
                                    Known::Known(true) => l.t("uppfyllt", "met"), Known::Known(false) => l.t("ej uppfyllt", "not met"), Known::Unknown => l.t("okänt om uppfyllt", "unknown whether met"),
                                }),
                                ComponentKind::OneOff { on } => format!("{} {}", l.t("engångsbelopp", "one-off"), format::date(*on, l)),
                            };
                            view! { <li>{c.label.clone()}": " <strong>{format::money(c.amount, l)}</strong> " (" {kind} ") " {source(&c.source, l)}</li> }
                        }).collect_view()}
                    </ul>
                    <h4>{l.t("Fördelning mellan betalare", "Split between payers")}</h4>
                    <ul>
                        {r.payers.iter().map(|(n, s, v)| view! { <li>{n.clone()}": " {s.clone()} " – " {format::money(*v, l)} {l.t(" per år", " a year")}</li> }).collect_view()}
                    </ul>
                    {matches!(a.funding.split, Split::Amount { .. }).then(|| view! { <p class="note">{l.t("Fasta belopp per betalare.", "Fixed amounts per payer.")}</p> })}
                    <h4>{l.t("Utbetalning", "Payment")}</h4>
                    <p>{match a.funding.payments.timing {
                        PaymentTiming::Quarter { quarter } => l.pick(format!("En gång per år, under kvartal {quarter}."), format!("Once a year, in quarter {quarter}.")),
                        PaymentTiming::Yearly { month, day } => l.pick(format!("En gång per år, den {day}/{month}."), format!("Once a year, on {day}/{month}.")),
                        PaymentTiming::Quarterly => l.t("Fyra lika delar per år.", "Four equal parts a year.").into(),
                        PaymentTiming::Unknown => l.t("Betalningsdagar: okänt.", "Payment dates: unknown.").into(),
                    }}
                    {a.funding.payments.on_invoice.then(|| l.pick(
                        format!(" Mot faktura med {}.", a.funding.payments.documents.join(", ").to_lowercase()),
                        format!(" Against an invoice with {}.", a.funding.payments.documents.join(", ").to_lowercase())))}
                    " " {source(&a.funding.payments.source, l)}</p>
                </section>

                <section aria-labelledby="sec-parties">
                    <h3 id="sec-parties">{l.t("Parter", "Parties")}</h3>
                    <ul>
                        {a.public_parties.iter().map(|p| view! {
                            <li><strong>{p.name.clone()}</strong>
                                {p.kommunkod.map(|k| format!(", {} {k}", l.t("kommunkod", "municipality code")))}
                                ", " {l.t("org.nr ", "org. no. ")} {k(p.org_number.map(|o| o.to_string()))}
                                {(!p.bodies.is_empty()).then(|| format!(" – {}", p.bodies.iter().map(|b| b.name.clone()).collect::<Vec<_>>().join(", ")))}
                                {p.contact.as_ref().map(|c| format!(" – {}: {}", l.t("kontakt", "contact"), c.name))}
                                " " {source(&p.source, l)}</li>
                        }).collect_view()}
                        {a.organisations.iter().map(|o| view! {
                            <li><strong>{o.name.clone()}</strong>
                                {o.legal_name.clone().map(|n| format!(" ({n})"))}
                                ", " {l.t("org.nr ", "org. no. ")} {k(o.org_number.map(|x| x.to_string()))}
                                {o.contact.as_ref().map(|c| format!(" – {}: {}", l.t("kontakt", "contact"), c.name))}
                                " " {source(&o.source, l)}</li>
                        }).collect_view()}
                    </ul>
                </section>

                <section aria-labelledby="sec-term">
                    <h3 id="sec-term">{l.t("Period och förlängning", "Term and renewal")}</h3>
                    <dl class="terms">
                        <dt>{l.t("Start", "Start")}</dt><dd>{format::date(a.term.start, l)}</dd>
                        <dt>{l.t("Första periodens slut", "End of first period")}</dt><dd>{match a.term.end { TermEnd::On(d) => d.to_string(), TermEnd::OpenEnded => l.t("tills vidare", "until further notice").into(), TermEnd::Unknown => unk.into() }}</dd>
                        <dt>{l.t("Förlängning", "Renewal")}</dt><dd>{match a.term.renewal {
                            Renewal::AutomaticExtension { notice, .. } => format!("{}; {} {}", l.pick(a.term.renewal.sv(), a.term.renewal.en()), l.t("uppsägningstid", "notice"), notice.map(|d| l.pick(d.sv(), d.en())).into_option().unwrap_or_else(|| unk.into())),
                            Renewal::Unknown => unk.into(),
                            other => l.pick(other.sv(), other.en()),
                        }}</dd>
                        <dt>{l.t("Status", "Status")}" " {at.to_string()}</dt><dd>{match r.status { Known::Known(s) => l.pick(s.sv(), s.en()), Known::Unknown => unk.into() }}</dd>
                        <dt>{l.t("Periodens slut", "End of period")}</dt><dd>{match r.period_end { Known::Known(Some(d)) => d.to_string(), Known::Known(None) => l.t("tills vidare", "until further notice").into(), Known::Unknown => unk.into() }}</dd>
                        <dt>{l.t("Beslut om förlängning eller uppsägning senast", "Renewal or notice decision due")}</dt><dd>{format::date(r.decision_due.value, l)} {explain(&r.decision_due.explanation, l)}</dd>
                    </dl>
                    {source(&a.term.source, l)}
                </section>

                <section aria-labelledby="sec-termination">
                    <h3 id="sec-termination">{l.t("Ändringar och uppsägning", "Changes and termination")}</h3>
                    <p>{match a.termination.for_breach {
                        Known::Known(Some(b)) => l.pick(
                            format!("Hävning om den andra parten väsentligt bryter mot avtalet och inte vidtar rättelse inom {} dagar efter skriftligt påpekande. Brister jouren återbetalas: {}. Brister kommunen återbetalas: {}.", b.cure_days, repay(b.if_organisation_in_breach, Lang::Sv), repay(b.if_public_in_breach, Lang::Sv)),
                            format!("Termination if the other party materially breaches and does not remedy within {} days of written notice. Breach by the organisation, repaid: {}. Breach by the public party, repaid: {}.", b.cure_days, repay(b.if_organisation_in_breach, Lang::En), repay(b.if_public_in_breach, Lang::En))),
                        Known::Known(None) => l.t("Ingen hävningsklausul.", "No termination-for-breach clause.").into(),
                        Known::Unknown => l.t("Villkor för uppsägning och hävning: okänt.", "Termination terms: unknown.").into(),
                    }}
                    {a.termination.changes_need_written_approval.then(|| l.t(" Betydande ändringar kräver dialog och skriftligt godkännande.", " Significant changes need dialogue and written approval."))}
                    " " {source(&a.termination.source, l)}</p>
                </section>

                <section aria-labelledby="sec-obligations">
                    <h3 id="sec-obligations">{l.t("Uppföljning och rapportering", "Follow-up and reporting")}</h3>
                    <ul>
                        {a.obligations.meetings.as_ref().map(|m| view! { <li>{l.pick(
                            format!("Uppföljningsmöten: minst {} per år ({}).", m.per_year.map(|n| n.to_string()).into_option().unwrap_or_else(|| "okänt antal".into()), m.responsible),
                            format!("Follow-up meetings: at least {} a year ({}).", m.per_year.map(|n| n.to_string()).into_option().unwrap_or_else(|| "an unknown number".into()), m.responsible))}</li> })}
                        {a.obligations.documents.iter().map(|d| view! { <li>
                            <strong>{d.name.clone()}</strong>
                            {(!d.contents.is_empty()).then(|| format!(": {}", d.contents.join(", ")))}
                            " (" {d.responsible.iter().map(|s| side(*s, l)).collect::<Vec<_>>().join(" + ")} ", "
                            {match d.due { Due::WithInvoice => l.t("med fakturan", "with the invoice"), Due::BeforeYear => l.t("före varje år", "before each year"), Due::AfterYear { .. } => l.t("efter årets slut", "after the year's end"), Due::Unknown => l.t("datum okänt", "date unknown") }}
                            {d.reported_to.clone().map(|t| format!(", {} {t}", l.t("rapporteras till", "reported to")))} ")"
                        </li> }).collect_view()}
                        {a.obligations.other.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}
                    </ul>
                    {(a.obligations.meetings.is_none() && a.obligations.documents.is_empty()).then(|| view! { <p>{l.t("Inga uppföljningskrav anges i källan.", "The source states no follow-up duties.")}</p> })}
                    {source(&a.obligations.source, l)}
                </section>

                <section aria-labelledby="sec-scope">
                    <h3 id="sec-scope">{l.t("Omfattning", "Scope")}</h3>
                    {a.scope.purpose.clone().map(|p| view! { <p><strong>{l.t("Syfte: ", "Purpose: ")}</strong>{p}</p> })}
                    {list(l.t("Mål", "Goals"), &a.scope.goals)}
                    {list(l.t("Målgrupp", "Target groups"), &a.scope.target_groups)}
                    {a.scope.service_areas.iter().map(|s| view! {
                        <h4>{s.name.clone()} " (" {side(s.provider, l)} ")"</h4>
                        <ul>{s.services.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                    }).collect_view()}
                    {list(l.t("Avgränsningar", "Exclusions"), &a.scope.exclusions)}
                    {list(l.t("Värdegrund", "Values"), &a.scope.values)}
                    {list(l.t("Rättslig grund", "Legal basis"), &a.scope.legal_basis)}
                    {a.scope.child_concern_policy.clone().map(|p| view! { <p><strong>{l.t("Orosanmälan: ", "Reports of concern: ")}</strong>{p}</p> })}
                    {a.scope.quality.clone().map(|p| view! { <p><strong>{l.t("Kvalitet: ", "Quality: ")}</strong>{p}</p> })}
                    {source(&a.scope.source, l)}
                </section>

                <StateAid id=a.id.clone() />

                <section aria-labelledby="sec-sources">
                    <h3 id="sec-sources">{l.t("Källor", "Sources")}</h3>
                    <ul>{a.sources.iter().map(|s| view! { <li><code>{s.id.clone()}</code> ": " {s.title.clone()} {s.date.map(|d| format!(" ({d})"))}</li> }).collect_view()}</ul>
                    {(!a.notes.is_empty()).then(|| view! { <p class="note">{a.notes.clone()}</p> })}
                </section>
            </article>
        }
        .into_any()
    }
}

fn repay(r: Repayment, lang: Lang) -> &'static str {
    lang.t(r.sv(), r.en())
}

fn list(title: &'static str, items: &[String]) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <h4>{title}</h4>
            <ul>{items.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
        }
    })
}

/// Downloads of the draft agreement, as HTML to print and as Markdown.
#[component]
fn DraftButtons(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    let offer = move |html: bool| {
        if let Some(a) = state.agreement(&id.get_value()) {
            let at = state.at.get_untracked();
            let _ = if html {
                crate::download::offer(
                    &format!("utkast-{}.html", a.id),
                    "text/html",
                    &iop_core::draft::draft_html(&a, at),
                )
            } else {
                crate::download::offer(
                    &format!("utkast-{}.md", a.id),
                    "text/markdown",
                    &iop_core::draft::draft_markdown(&a, at),
                )
            };
        }
    };
    view! {
        <button type="button" on:click=move |_| offer(true)>{move || lang.get().t("Utkast till avtal (HTML)", "Draft agreement (HTML)")}</button>
        <button type="button" on:click=move |_| offer(false)>{move || lang.get().t("Utkast (Markdown)", "Draft (Markdown)")}</button>
    }
}

/// The de minimis check for this agreement's organisation, at a rate the user gives.
#[component]
fn StateAid(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let rate = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let result = move || {
        let l = lang.get();
        let text = rate.get();
        if text.trim().is_empty() {
            return None;
        }
        let r = match iop_core::state_aid::ExchangeRate::parse_user(&text) {
            Ok(r) => r,
            Err(e) => {
                use iop_core::explain::Bilingual;
                return Some(
                    view! { <p class="field-error" id="rate-error">{l.pick(e.sv(), e.en())}</p> }
                        .into_any(),
                );
            }
        };
        // The core decides which agreements count and which rows are this organisation's.
        let rows = iop_core::state_aid::check_for(
            &state.all_agreements(),
            &id.get_value(),
            r,
            state.at.get(),
        );
        Some(view! { <ul class="state-aid">{rows.into_iter().map(|r| view! { <li data-verdict=r.general.key()>{l.pick(r.statement_sv, r.statement_en)}</li> }).collect_view()}</ul> }.into_any())
    };
    view! {
        <section aria-labelledby="sec-aid">
            <h3 id="sec-aid">{move || lang.get().t("Statsstöd (de minimis)", "State aid (de minimis)")}</h3>
            <div class="field">
                <label for="rate">{move || lang.get().t("Växelkurs, kronor per euro", "Exchange rate, SEK per euro")}</label>
                <input id="rate" type="text" inputmode="decimal" placeholder="11,50" on:input=move |ev| rate.set(event_target_value(&ev)) />
            </div>
            <div aria-live="polite">{result}</div>
        </section>
    }
}
