//! Edit one of the user's agreements: the editor of every term (`editor`), the comparison as
//! you type, a simulated termination, and the terms applied to another municipality scaled by
//! population.

use crate::state::{AppState, View};
use crate::views::editor::EditorForm;
use crate::views::termination::TerminationSimulation;
use iop_core::compare::{compare, side_by_side};
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
