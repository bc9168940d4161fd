//! What-if: edit one of the user's agreements; validation messages come from `iop-core` and
//! appear next to the field; the comparison updates as you type. Simulate a termination, and
//! apply the terms to another municipality scaled by population.

use crate::format;
use crate::i18n::Lang;
use crate::state::{AppState, View};
use iop_core::breach::terminate;
use iop_core::compare::{compare, side_by_side};
use iop_core::explain::Bilingual;
use iop_core::funding::{ComponentKind, Split};
use iop_core::parties::Side;
use iop_core::scenario::{validate_agreement, Problem};
use iop_core::{Agreement, Known, Kommunkod, Sek, Share};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A change to the edited agreement.
type Change = Box<dyn FnOnce(&mut Agreement)>;
/// A parsed field: the change it makes, or why the text does not parse.
type Edit = Result<Change, String>;

/// Problems whose path starts with `prefix`, in the page's language.
fn messages(problems: &[Problem], prefix: &str, lang: Lang) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.concerns(prefix))
        .map(|p| lang.pick(p.message_sv.clone(), p.message_en.clone()))
        .collect()
}

#[component]
pub fn WhatIf(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    let agreement = Memo::new(move |_| {
        state.own.with(|s| {
            s.agreements
                .iter()
                .find(|a| a.id == id.get_value())
                .cloned()
        })
    });
    // Typing errors that iop-core's parsers found, by field id, until the text parses.
    let input_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let problems = Memo::new(move |_| {
        agreement
            .get()
            .map(|a| validate_agreement(&a))
            .unwrap_or_default()
    });

    let update = move |f: Change| {
        let wanted = id.get_value();
        state.edit(move |s| {
            if let Some(a) = s.agreements.iter_mut().find(|a| a.id == wanted) {
                f(a);
            }
        });
    };
    let parsed = move |field: &str, result: Edit| {
        let field = field.to_string();
        match result {
            Ok(f) => {
                input_errors.update(|e| {
                    e.remove(&field);
                });
                update(f);
            }
            Err(msg) => input_errors.update(|e| {
                e.insert(field, msg);
            }),
        }
    };
    let field_errors = move |field: &str, path: &str| {
        let (field, path) = (field.to_string(), path.to_string());
        move || {
            let l = lang.get();
            let mut msgs: Vec<String> = input_errors
                .with(|e| e.get(&field).cloned())
                .into_iter()
                .collect();
            if !path.is_empty() {
                msgs.extend(problems.with(|p| messages(p, &path, l)));
            }
            (!msgs.is_empty()).then(|| view! { <span class="field-error" id=format!("{field}-error")>{msgs.join(" ")}</span> })
        }
    };
    let described = move |field: &str| {
        let field = field.to_string();
        move || {
            let has = input_errors.with(|e| e.contains_key(&field));
            has.then(|| format!("{field}-error"))
        }
    };

    // The form shows the agreement as it was when opened (or when another tab's version was
    // merged in); afterwards the inputs hold the user's text, so a keystroke rebuilds nothing here.
    move || {
        let l = lang.get();
        state.merged_in.track();
        let Some(a) = agreement.get_untracked() else {
            return view! {
                <h2>{l.t("Ändra avtal", "Edit agreement")}</h2>
                <p>{l.t("Avtalet finns inte bland dina avtal.", "The agreement is not among your agreements.")}</p>
                <button type="button" on:click=move |_| state.view.set(View::Browse)>{l.t("Till listan", "To the list")}</button>
            }
            .into_any();
        };
        let start = a
            .term
            .start
            .value()
            .map(|d| d.to_string())
            .unwrap_or_default();
        let end = match a.term.end {
            iop_core::term::TermEnd::On(d) => d.to_string(),
            _ => String::new(),
        };
        let cure = a
            .termination
            .for_breach
            .value()
            .copied()
            .flatten()
            .map(|b| b.cure_days.to_string())
            .unwrap_or_default();
        let meetings = a
            .obligations
            .meetings
            .as_ref()
            .and_then(|m| m.per_year.value().map(|n| n.to_string()))
            .unwrap_or_default();
        view! {
            <h2>{l.t("Ändra avtal (vad händer om …)", "Edit agreement (what if …)")}</h2>
            <form class="whatif" on:submit=move |ev| ev.prevent_default()>
                <div class="field">
                    <label for="w-name">{l.t("Namn", "Name")}</label>
                    <input id="w-name" type="text" prop:value=a.name.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); update(Box::new(move |a| a.name = v)); } />
                    {field_errors("w-name", "name")}
                </div>
                <div class="field">
                    <label for="w-start">{l.t("Start (ÅÅÅÅ-MM-DD)", "Start (YYYY-MM-DD)")}</label>
                    <input id="w-start" type="text" inputmode="numeric" prop:value=start aria-describedby=described("w-start")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let r: Edit = if v.trim().is_empty() {
                                Ok(Box::new(|a| a.term.start = Known::Unknown))
                            } else {
                                v.trim().parse::<chrono::NaiveDate>().map(|d| Box::new(move |a: &mut Agreement| a.term.start = Known::Known(d)) as Change)
                                    .map_err(|_| lang.get_untracked().pick(format!("\"{v}\" är inte ett datum (ÅÅÅÅ-MM-DD)."), format!("\"{v}\" is not a date (YYYY-MM-DD).")))
                            };
                            parsed("w-start", r);
                        } />
                    {field_errors("w-start", "term.start")}
                </div>
                <div class="field">
                    <label for="w-end">{l.t("Första periodens slut (ÅÅÅÅ-MM-DD)", "End of first period (YYYY-MM-DD)")}</label>
                    <input id="w-end" type="text" inputmode="numeric" prop:value=end aria-describedby=described("w-end")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let r = v.trim().parse::<chrono::NaiveDate>()
                                .map(|d| Box::new(move |a: &mut Agreement| a.term.end = iop_core::term::TermEnd::On(d)) as Change)
                                .map_err(|_| lang.get_untracked().pick(format!("\"{v}\" är inte ett datum (ÅÅÅÅ-MM-DD)."), format!("\"{v}\" is not a date (YYYY-MM-DD).")));
                            parsed("w-end", r);
                        } />
                    {field_errors("w-end", "term.end")}
                </div>
                <fieldset>
                    <legend>{l.t("Belopp per år", "Amounts per year")}</legend>
                    {a.funding.components.iter().enumerate().map(|(i, c)| {
                        let fid = format!("w-amount-{i}");
                        let fid2 = fid.clone();
                        let path = format!("funding.components[{i}]");
                        let conditional = matches!(c.kind, ComponentKind::Conditional { .. });
                        let met = match &c.kind { ComponentKind::Conditional { met, .. } => *met, _ => Known::Unknown };
                        view! {
                            <div class="field">
                                <label for=fid.clone()>{c.label.clone()} {l.t(" (kr)", " (SEK)")}</label>
                                <input id=fid.clone() type="text" inputmode="decimal" prop:value=c.amount.value().map(|v| iop_core::money::format_decimal_sv(v.value(), None)).unwrap_or_default()
                                    aria-describedby=described(&fid)
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        let r: Edit = if v.trim().is_empty() {
                                            Ok(Box::new(move |a| if let Some(c) = a.funding.components.get_mut(i) { c.amount = Known::Unknown }))
                                        } else {
                                            Sek::parse_user(&v).map(|s| Box::new(move |a: &mut Agreement| if let Some(c) = a.funding.components.get_mut(i) { c.amount = Known::Known(s) }) as Change).map_err(|e| lang.get_untracked().pick(e.sv(), e.en()))
                                        };
                                        parsed(&fid2, r);
                                    } />
                                {field_errors(&fid, &path)}
                                {conditional.then(|| view! {
                                    <label>
                                        <input type="checkbox" prop:checked=met == Known::Known(true)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                update(Box::new(move |a| if let Some(c) = a.funding.components.get_mut(i) {
                                                    if let ComponentKind::Conditional { met, .. } = &mut c.kind { *met = Known::Known(on) }
                                                }));
                                            } />
                                        {l.t(" Villkoret är uppfyllt", " The condition is met")}
                                    </label>
                                })}
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{l.t("Fördelning mellan betalare", "Split between payers")}</legend>
                    {match &a.funding.split {
                        Split::Share { payers } => payers.iter().enumerate().map(|(i, p)| {
                            let fid = format!("w-share-{i}");
                            let fid2 = fid.clone();
                            view! {
                                <div class="field">
                                    <label for=fid.clone()>{p.name.clone()} {l.t(" – andel (t.ex. 1/2 eller 50%)", " – share (e.g. 1/2 or 50%)")}</label>
                                    <input id=fid.clone() type="text" prop:value=p.share.to_string() aria-describedby=described(&fid)
                                        on:input=move |ev| {
                                            let v = event_target_value(&ev);
                                            let r = Share::parse_user(&v)
                                                .map(|s| Box::new(move |a: &mut Agreement| if let Split::Share { payers } = &mut a.funding.split { if let Some(p) = payers.get_mut(i) { p.share = s } }) as Change)
                                                .map_err(|e| lang.get_untracked().pick(e.sv(), e.en()));
                                            parsed(&fid2, r);
                                        } />
                                    {field_errors(&fid, "")}
                                </div>
                            }
                        }).collect_view().into_any(),
                        Split::Amount { payers } => payers.iter().map(|p| view! { <p>{p.name.clone()} ": " {p.amount.to_string()}</p> }).collect_view().into_any(),
                    }}
                    {move || { let m = problems.with(|p| messages(p, "funding.split", lang.get())); (!m.is_empty()).then(|| view! { <p class="field-error" role="alert">{m.join(" ")}</p> }) }}
                </fieldset>
                <div class="field">
                    <label for="w-cure">{l.t("Rättelsetid vid avtalsbrott (dagar)", "Cure period on breach (days)")}</label>
                    <input id="w-cure" type="text" inputmode="numeric" prop:value=cure aria-describedby=described("w-cure")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let r = v.trim().parse::<u32>().map(|d| Box::new(move |a: &mut Agreement| {
                                a.termination.set_cure_days(d);
                            }) as Change).map_err(|_| lang.get_untracked().pick(format!("\"{v}\" är inte ett antal dagar."), format!("\"{v}\" is not a number of days.")));
                            parsed("w-cure", r);
                        } />
                    {field_errors("w-cure", "termination")}
                </div>
                <div class="field">
                    <label for="w-meetings">{l.t("Uppföljningsmöten per år", "Follow-up meetings per year")}</label>
                    <input id="w-meetings" type="text" inputmode="numeric" prop:value=meetings aria-describedby=described("w-meetings")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let r = v.trim().parse::<u32>().map(|n| Box::new(move |a: &mut Agreement| {
                                a.obligations.set_meetings_per_year(n);
                            }) as Change).map_err(|_| lang.get_untracked().pick(format!("\"{v}\" är inte ett antal."), format!("\"{v}\" is not a number.")));
                            parsed("w-meetings", r);
                        } />
                    {field_errors("w-meetings", "obligations")}
                </div>
            </form>
            <LiveComparison id=id.get_value() />
            <TerminationSimulation id=id.get_value() />
            <ApplyElsewhere id=id.get_value() />
            <p>
                <button type="button" on:click=move |_| state.view.set(View::Detail(id.get_value()))>{l.t("Visa hela avtalet", "Show the whole agreement")}</button>
                " "
                <button type="button" class="danger" on:click=move |_| {
                    let gone = id.get_value();
                    state.edit(|s| s.agreements.retain(|a| a.id != gone));
                    state.selected.update(|s| s.retain(|x| *x != id.get_value()));
                    state.view.set(View::Browse);
                }>{l.t("Ta bort avtalet", "Delete the agreement")}</button>
            </p>
        }
        .into_any()
    }
}

/// The edited agreement next to the agreements picked for comparison (or the built-in ones),
/// recomputed on every keystroke.
#[component]
fn LiveComparison(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || {
        let l = lang.get();
        let all = state.all_agreements();
        let sel = state.selected.get();
        let mut picked: Vec<Agreement> = all.iter().filter(|a| a.id == id).cloned().collect();
        let others: Vec<Agreement> = all
            .iter()
            .filter(|a| a.id != id && sel.contains(&a.id))
            .cloned()
            .collect();
        picked.extend(if others.is_empty() {
            iop_core::presets::all()
        } else {
            others
        });
        let rows = compare(&picked, state.at.get());
        let table = side_by_side(&rows);
        let keys = [
            "annual",
            "per_inhabitant",
            "total",
            "term_months",
            "cure_days",
            "meetings",
        ];
        view! {
            <h3 id="live-heading">{l.t("Jämförelse medan du skriver", "Comparison as you type")}</h3>
            <div class="table-wrap">
                <table class="compare live" aria-labelledby="live-heading">
                    <thead><tr><th scope="col">{l.t("Villkor", "Term")}</th>{rows.iter().map(|r| view! { <th scope="col">{r.name.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {table.into_iter().filter(|t| keys.contains(&t.key)).map(|t| view! {
                            <tr class:differs=t.differs data-term=t.key>
                                <th scope="row">{l.t(t.label_sv, t.label_en)}</th>
                                {t.cells.iter().map(|c| view! { <td class:unknown=c.unknown class="num">{l.pick(c.sv.clone(), c.en.clone())}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}

#[component]
fn TerminationSimulation(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let notice = RwSignal::new(String::new());
    let from = RwSignal::new(Side::Public);
    let id = StoredValue::new(id);
    let outcome = move || {
        let l = lang.get();
        let text = notice.get();
        if text.trim().is_empty() {
            return None;
        }
        let Ok(date) = text.trim().parse::<chrono::NaiveDate>() else {
            return Some(view! { <p class="field-error">{l.pick(format!("\"{text}\" är inte ett datum."), format!("\"{text}\" is not a date."))}</p> }.into_any());
        };
        let a = state.agreement(&id.get_value())?;
        Some(match terminate(&a, date, from.get()) {
            Ok(o) => view! {
                <dl class="figures outcome">
                    <div><dt>{l.t("Gäller tidigast", "Effective at the earliest")}</dt><dd data-figure="effective">{o.effective_date.map_or(l.t("– (perioden slutar först)", "– (the period ends first)").to_string(), |d| d.to_string())}</dd></div>
                    <div><dt>{l.t("Utbetalt dessförinnan", "Paid before then")}</dt><dd data-figure="paid">{format::money(o.paid, l)}</dd></div>
                    <div><dt>{l.t("Betalas inte ut", "Not to be paid")}</dt><dd data-figure="unpaid">{format::money(o.unpaid, l)}</dd></div>
                    <div><dt>{l.t("Återbetalning", "Repayment")}</dt><dd data-figure="repayment">{format!("{} – {}", format::money(o.repayment_min, l), format::money(o.repayment_max, l))}</dd></div>
                </dl>
                <p>{l.pick(o.explanation.sv.clone(), o.explanation.en.clone())}</p>
            }
            .into_any(),
            Err(e) => view! { <p class="field-error">{l.pick(e.sv(), e.en())}</p> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="term-sim">
            <h3 id="term-sim">{move || lang.get().t("Simulera hävning", "Simulate termination")}</h3>
            <div class="field">
                <label for="t-notice">{move || lang.get().t("Skriftligt påpekande den (ÅÅÅÅ-MM-DD)", "Written notice on (YYYY-MM-DD)")}</label>
                <input id="t-notice" type="text" inputmode="numeric" on:input=move |ev| notice.set(event_target_value(&ev)) />
            </div>
            <fieldset>
                <legend>{move || lang.get().t("Påpekandet kommer från", "The notice comes from")}</legend>
                <label><input type="radio" name="t-from" checked=true on:change=move |_| from.set(Side::Public) />{move || lang.get().t(" den offentliga parten", " the public party")}</label>
                <label><input type="radio" name="t-from" on:change=move |_| from.set(Side::Organisation) />{move || lang.get().t(" organisationen", " the organisation")}</label>
            </fieldset>
            <div aria-live="polite">{outcome}</div>
        </section>
    }
}

#[component]
fn ApplyElsewhere(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let code = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<String>);
    view! {
        <section aria-labelledby="apply-heading">
            <h3 id="apply-heading">{move || lang.get().t("Tillämpa på en annan kommun", "Apply to another municipality")}</h3>
            <div class="field">
                <label for="a-kommun">{move || lang.get().t("Kommun (belopp skalas efter folkmängd)", "Municipality (amounts scaled by population)")}</label>
                <select id="a-kommun" on:change=move |ev| code.set(event_target_value(&ev))>
                    <option value="">{move || lang.get().t("Välj kommun", "Pick a municipality")}</option>
                    {iop_core::municipalities().iter().map(|m| view! { <option value=m.code.to_string()>{format!("{} ({})", m.name, m.code)}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" on:click=move |_| {
                let l = lang.get_untracked();
                let Ok(k) = Kommunkod::parse(&code.get_untracked()) else {
                    error.set(Some(l.t("Välj en kommun först.", "Pick a municipality first.").into()));
                    return;
                };
                let Some(a) = state.agreement(&id.get_value()) else { return };
                match iop_core::whatif::apply_to_municipality(&a, k, &state.fresh_id(&format!("{}-{}", a.id, k))) {
                    Some(new) => {
                        error.set(None);
                        let new_id = new.id.clone();
                        state.status.set(l.pick(format!("Nytt avtal: {}", new.name), format!("New agreement: {}", new.name)));
                        state.edit(|s| s.agreements.push(new));
                        state.view.set(View::WhatIf(new_id));
                    }
                    None => error.set(Some(l.t("Avtalets folkmängd är okänd, så beloppen kan inte skalas.", "The agreement's population is unknown, so amounts cannot be scaled.").into())),
                }
            }>{move || lang.get().t("Skapa avtal för kommunen", "Create agreement for the municipality")}</button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}
