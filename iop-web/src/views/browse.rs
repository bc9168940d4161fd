//! Browse: every agreement, filterable by municipality, county, organisation and status on a date.

use crate::format;
use crate::state::{AppState, View};
use iop_core::compare::{ComparisonRow, Filter, StatusFilter};
use iop_core::{Known, POPULATION_DATE};
use leptos::prelude::*;

#[component]
pub fn Browse() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let filter = RwSignal::new(Filter::default());
    let counties = {
        let mut c: Vec<String> = iop_core::municipalities()
            .iter()
            .map(|m| m.county.clone())
            .collect();
        c.sort();
        c.dedup();
        c
    };
    let rows = Memo::new(move |_| {
        let f = filter.get();
        state.rows.with(|rows| {
            rows.iter()
                .filter(|r| f.matches(r))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let text_filter = move |label_sv: &'static str,
                            label_en: &'static str,
                            id: &'static str,
                            set: fn(&mut Filter, String)| {
        view! {
            <label for=id>{move || lang.get().t(label_sv, label_en)}</label>
            <input id=id type="search" on:input=move |ev| { let v = event_target_value(&ev); filter.update(|f| set(f, v)); } />
        }
    };
    let toggle = move |id: String| {
        state.selected.update(|s| {
            if let Some(i) = s.iter().position(|x| *x == id) {
                s.remove(i);
            } else {
                s.push(id);
            }
        })
    };
    view! {
        <h2 id="agreements-heading">{move || lang.get().t("Avtal", "Agreements")}</h2>
        <p class="lead intro">{move || lang.get().t(
            "Se vad kommuner betalar kvinnojourer och andra idéburna organisationer i idéburet offentligt partnerskap (IOP), hur länge och på vilka villkor. Varje siffra i de inbyggda avtalen har sin källa. Jämför avtal sida vid sida, lägg in ert eget avtal eller läs in texten i ett avtal. Allt räknas i webbläsaren och inget skickas någonstans; ditt arbete sparas här och delas som fil eller länk.",
            "See what municipalities pay women's shelters and other non-profits in non-profit public partnerships (IOP), for how long and on which terms. Every figure of the built-in agreements has its source. Compare agreements side by side, enter your own agreement or read an agreement's text. Everything is computed in the browser and nothing is sent anywhere; your work is kept here and shared as a file or a link.",
        )}</p>
        <p class="actions">
            <button type="button" class="primary" on:click=move |_| {
                let id = state.new_agreement();
                state.go(View::WhatIf(id));
            }>{move || lang.get().t("Nytt avtal", "New agreement")}</button>
            " "
            <button type="button" on:click=move |_| state.go(View::ReadText)>{move || lang.get().t("Läs in text", "Read a text")}</button>
        </p>
        <form class="filters" role="search" on:submit=move |ev| ev.prevent_default()>
            <div class="field">{text_filter("Kommun", "Municipality", "f-kommun", |f, v| f.municipality = v)}</div>
            <div class="field">
                <label for="f-lan">{move || lang.get().t("Län", "County")}</label>
                <select id="f-lan" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.county = v); }>
                    <option value="">{move || lang.get().t("Alla län", "All counties")}</option>
                    {counties.into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">{text_filter("Organisation", "Organisation", "f-org", |f, v| f.organisation = v)}</div>
            <div class="field">
                <label for="f-status">{move || lang.get().t("Status", "Status")}</label>
                <select id="f-status" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.status = StatusFilter::from_key(&v)); }>
                    <option value="">{move || lang.get().t("Alla", "All")}</option>
                    {StatusFilter::ALL.into_iter().map(|s| view! { <option value=s.key()>{move || lang.get().t(s.sv(), s.en())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-at">{move || lang.get().t("Per datum", "On date")}</label>
                <input id="f-at" type="date" prop:value=move || state.at.get().to_string()
                    on:change=move |ev| { if let Ok(d) = event_target_value(&ev).parse() { state.at.set(d); } } />
            </div>
        </form>
        <p class="count" aria-live="polite">{move || {
            let n = rows.with(Vec::len);
            lang.get().pick(format!("{n} avtal visas."), format!("{n} agreements shown."))
        }}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="agreements-heading">
        <table class="agreements" aria-labelledby="agreements-heading">
            <thead>
                <tr>
                    <th scope="col">{move || lang.get().t("Jämför", "Compare")}</th>
                    <th scope="col">{move || lang.get().t("Kommun", "Municipality")}</th>
                    <th scope="col">{move || lang.get().t("Organisation", "Organisation")}</th>
                    <th scope="col">{move || lang.get().t("Period", "Period")}</th>
                    <th scope="col">{move || lang.get().t("Status", "Status")}</th>
                    <th scope="col" class="num">{move || lang.get().t("Belopp per år", "Amount per year")}</th>
                    <th scope="col" class="num">{move || lang.get().t("Kr per invånare", "SEK per inhabitant")}</th>
                </tr>
            </thead>
            <tbody>
                // The language is read once for the whole list (changing it redraws the list), so a
                // row holds one reactive part (its checkbox), and drawing or dropping 300 rows is cheap.
                {move || {
                    let l = lang.get();
                    view! {
                        <For each=move || rows.get() key=shown let:r>
                            {
                                let id = r.id.clone();
                                let id2 = r.id.clone();
                                let id3 = r.id.clone();
                                let checked = move || state.selected.with(|s| s.contains(&id));
                                view! {
                                    <tr data-id=r.id.clone()>
                                        <td>
                                            <input type="checkbox" prop:checked=checked
                                                aria-label=l.pick(format!("Jämför {}", format::name(&r.name, l)), format!("Compare {}", format::name(&r.name, l)))
                                                on:change=move |_| toggle(id2.clone()) />
                                        </td>
                                        <th scope="row">
                                            <button type="button" class="link" on:click=move |_| state.go(View::Detail(id3.clone()))>
                                                <bdi>{match iop_core::agreement::visible_text(&r.municipality) { Some(m) => m.to_string(), None => l.t("(kommun ej angiven)", "(no municipality yet)").to_string() }}</bdi>
                                            </button>
                                            <span class="sub"><bdi>{format::name(&r.name, l)}</bdi></span>
                                            {r.draft.then(|| view! { <span class="badge draft">{l.t("Utkast", "Draft")}</span> })}
                                        </th>
                                        <td>{r.organisation.clone()}</td>
                                        <td>{format::period(r.start, r.end, l)}</td>
                                        <td>{match r.status { Known::Known(s) => l.pick(s.sv(), s.en()), Known::Unknown => l.unknown().into() }}</td>
                                        <td class="num amount" class:unknown=!r.annual.value.is_known()>{format::figure_money(&r.annual, l)}</td>
                                        <td class="num" class:unknown=!r.per_inhabitant.value.is_known()>{format::per_inhabitant(r.per_inhabitant.value, l)}</td>
                                    </tr>
                                }
                            }
                        </For>
                    }
                }}
            </tbody>
        </table>
        </div>
        <p class="note">{move || lang.get().pick(format!("Kr per invånare: folkmängd {POPULATION_DATE} (SCB)."), format!("SEK per inhabitant: population on {POPULATION_DATE} (SCB)."))}</p>
        <p>
            <button type="button" class="primary" on:click=move |_| state.go(View::Compare)
                prop:disabled=move || state.selected.with(|s| s.len() < 2)>
                {move || {
                    let n = state.selected.with(Vec::len);
                    lang.get().pick(format!("Jämför valda ({n})"), format!("Compare selected ({n})"))
                }}
            </button>
        </p>
    }
}

/// What a list row shows, as its key: a row is redrawn whenever anything it shows changes (its
/// status or amount on a new date, say), and kept as it is otherwise.
fn shown(r: &ComparisonRow) -> impl std::hash::Hash + Eq + 'static {
    (
        (
            r.id.clone(),
            r.name.clone(),
            r.municipality.clone(),
            r.organisation.clone(),
        ),
        (r.start, r.end, r.status, r.draft),
        (r.annual.value, r.annual.too_large, r.per_inhabitant.value),
    )
}
