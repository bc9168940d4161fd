//! Edit one of the user's agreements: the editor of every term (`editor`), the comparison as
//! you type, a simulated termination, and the terms applied to another municipality scaled by
//! population.

use crate::format;
use crate::state::{AppState, View};
use crate::views::editor::EditorForm;
use iop_core::breach::terminate;
use iop_core::compare::{compare, side_by_side};
use iop_core::explain::Bilingual;
use iop_core::parties::Side;
use iop_core::{Agreement, Kommunkod};
use leptos::prelude::*;

#[component]
pub fn WhatIf(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    move || {
        let l = lang.get();
        let Some(a) = state.own_agreement(&id.get_value()) else {
            return view! {
                <h2>{l.t("Ändra avtal", "Edit agreement")}</h2>
                <p>{l.t("Avtalet finns inte bland dina avtal.", "The agreement is not among your agreements.")}</p>
                <button type="button" on:click=move |_| state.go(View::Browse)>{l.t("Till listan", "To the list")}</button>
            }
            .into_any();
        };
        view! {
            <h2>{l.t("Ändra avtal", "Edit agreement")}</h2>
            <p class="lead">{l.pick(format!("Id: {}. Varje ändring sparas när du skriver; det som inte går att läsa visas vid fältet.", a.id), format!("Id: {}. Every change is saved as you type; what cannot be read is shown by its field.", a.id))}</p>
            <EditorForm id=id.get_value() />
            <LiveComparison id=id.get_value() />
            <TerminationSimulation id=id.get_value() />
            <ApplyElsewhere id=id.get_value() />
            <p>
                <button type="button" on:click=move |_| state.go(View::Detail(id.get_value()))>{l.t("Visa hela avtalet", "Show the whole agreement")}</button>
                " "
                <button type="button" class="danger" on:click=move |_| {
                    state.delete_agreement(&id.get_value());
                    // In place of the editor's entry: Back does not lead to a deleted agreement.
                    state.go_replace(View::Browse, &[]);
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
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="live-heading">
                <table class="compare live" aria-labelledby="live-heading">
                    <thead><tr><th scope="col">{l.t("Villkor", "Term")}</th>{rows.iter().map(|r| view! { <th scope="col"><bdi>{crate::format::name(&r.name, l)}</bdi></th> }).collect_view()}</tr></thead>
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
                        state.go(View::WhatIf(new_id));
                    }
                    None => error.set(Some(l.t("Avtalets folkmängd är okänd, så beloppen kan inte skalas.", "The agreement's population is unknown, so amounts cannot be scaled.").into())),
                }
            }>{move || lang.get().t("Skapa avtal för kommunen", "Create agreement for the municipality")}</button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}
