//! Compare: the picked agreements side by side, one row per term, differences highlighted,
//! unknowns marked, sortable, with charts. Prints as a clean table with its date and sources.

use crate::state::{AppState, View};
use crate::views::charts::{MoneyChart, PerInhabitantChart};
use iop_core::compare::{compare, order_by, side_by_side};
use iop_core::funding::calendar_year_amounts;
use leptos::prelude::*;

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sort_key = RwSignal::new(String::new());
    let descending = RwSignal::new(true);
    let picked = Memo::new(move |_| {
        let sel = state.selected.get();
        state
            .all_agreements()
            .into_iter()
            .filter(|a| sel.contains(&a.id))
            .collect::<Vec<_>>()
    });
    move || {
        let l = lang.get();
        let agreements = picked.get();
        if agreements.len() < 2 {
            return view! {
                <h2>{l.t("Jämför", "Compare")}</h2>
                <p>{l.t("Välj minst två avtal i listan för att jämföra dem.", "Pick at least two agreements in the list to compare them.")}</p>
                <button type="button" on:click=move |_| state.view.set(View::Browse)>{l.t("Till listan", "To the list")}</button>
            }
            .into_any();
        }
        let at = state.at.get();
        let rows = compare(&agreements, at);
        let table = side_by_side(&rows);
        let key = sort_key.get();
        let order: Vec<usize> = if key.is_empty() {
            (0..rows.len()).collect()
        } else {
            order_by(&table, &key, descending.get())
        };
        let series: Vec<_> = order
            .iter()
            .map(|&i| {
                (
                    agreements[i].name.clone(),
                    calendar_year_amounts(&agreements[i], at),
                )
            })
            .collect();
        let bars: Vec<_> = order
            .iter()
            .map(|&i| {
                (
                    rows[i].name.clone(),
                    rows[i].per_inhabitant.value.map(|v| {
                        v.round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        )
                    }),
                )
            })
            .collect();
        let sources: Vec<String> = order
            .iter()
            .flat_map(|&i| {
                let a = &agreements[i];
                a.sources
                    .iter()
                    .map(move |s| format!("{}: {} ({})", a.name, s.title, s.id))
            })
            .collect();
        let sortable: Vec<(&'static str, &'static str, &'static str)> = table
            .iter()
            .filter(|t| t.cells.iter().any(|c| c.sort.is_some()))
            .map(|t| (t.key, t.label_sv, t.label_en))
            .collect();
        view! {
            <h2 id="compare-heading">{l.t("Jämförelse", "Comparison")}</h2>
            <p class="print-meta">{l.pick(format!("Per {at}. Folkmängd 2024-12-31 (SCB)."), format!("On {at}. Population 2024-12-31 (SCB)."))}</p>
            <div class="sort no-print">
                <label for="sort-key">{l.t("Sortera avtalen efter", "Sort agreements by")}</label>
                <select id="sort-key" on:change=move |ev| sort_key.set(event_target_value(&ev))>
                    <option value="" selected=key.is_empty()>{l.t("Vald ordning", "Picked order")}</option>
                    {sortable.into_iter().map(|(k, sv, en)| view! { <option value=k selected=key == k>{l.t(sv, en)}</option> }).collect_view()}
                </select>
                <button type="button" aria-pressed=move || if descending.get() { "true" } else { "false" } on:click=move |_| descending.update(|d| *d = !*d)>
                    {move || if descending.get() { lang.get().t("Störst först", "Largest first") } else { lang.get().t("Minst först", "Smallest first") }}
                </button>
            </div>
            <div class="table-wrap">
                <table class="compare" aria-labelledby="compare-heading">
                    <caption class="sr-only">{l.t("Villkor per avtal; markerade rader skiljer sig åt.", "Terms per agreement; marked rows differ.")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{l.t("Villkor", "Term")}</th>
                            {order.iter().map(|&i| {
                                let id = rows[i].id.clone();
                                view! {
                                    <th scope="col">
                                        {rows[i].name.clone()}
                                        <button type="button" class="remove no-print" aria-label=l.pick(format!("Ta bort {} ur jämförelsen", rows[i].name), format!("Remove {} from the comparison", rows[i].name))
                                            on:click=move |_| state.selected.update(|s| s.retain(|x| *x != id))>"×"</button>
                                    </th>
                                }
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table.iter().map(|t| {
                            view! {
                                <tr class:differs=t.differs data-term=t.key>
                                    <th scope="row">{l.t(t.label_sv, t.label_en)}{t.differs.then(|| view! { <span class="sr-only">{l.t(" (skiljer sig)", " (differs)")}</span> })}</th>
                                    {order.iter().map(|&i| {
                                        let c = &t.cells[i];
                                        view! {
                                            <td class:unknown=c.unknown class:num=c.sort.is_some()>
                                                {l.pick(c.sv.clone(), c.en.clone())}
                                                {c.explanation.as_ref().map(|e| crate::views::detail::explain(e, l))}
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{l.t("Diagram", "Charts")}</h3>
            <MoneyChart series=series lang=l />
            <PerInhabitantChart bars=bars lang=l />
            <section class="print-sources">
                <h3>{l.t("Källor", "Sources")}</h3>
                <ul>{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </section>
            <p class="no-print"><button type="button" on:click=move |_| { let _ = window().print(); }>{l.t("Skriv ut", "Print")}</button></p>
        }
        .into_any()
    }
}
