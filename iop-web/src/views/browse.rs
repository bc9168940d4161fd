//! Browse: every agreement (built-in, the catalogue's and the user's own), filterable by kommun,
//! län and its neighbours, size, kind of organisation, kind of source, year and status on a
//! date, sortable by every column; when nothing matches, the nearest matches with their reasons.
//! Every decision is `iop-core`'s ([`Filter`], [`nearest`], [`sort`]); this only draws.

use crate::format;
use crate::i18n::Lang;
use crate::state::{AppState, Catalogue, View};
use iop_core::compare::{
    nearest, similar_range, sort, ComparisonRow, Filter, OrganisationKind, SortBy, StatusFilter,
};
use iop_core::money::format_decimal_sv;
use iop_core::source::SourceKind;
use iop_core::{Known, POPULATION_DATE};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many nearest matches are offered when nothing matches.
const OFFERED: usize = 10;

/// `66 301`, or `okänt`.
pub fn population(p: Known<u32>, lang: Lang) -> String {
    match p {
        Known::Known(p) => format_decimal_sv(Decimal::from(p), None),
        Known::Unknown => lang.unknown().into(),
    }
}

/// The words for "kommuner of about the same size as `code`": `Kommuner med 44 201–99 451
/// invånare (Karlskrona har 66 301).`
pub fn similar_words(code: iop_core::Kommunkod, lang: Lang) -> String {
    let m = code.municipality();
    let (low, high) = similar_range(m.population);
    let n = |v: u32| format_decimal_sv(Decimal::from(v), None);
    lang.pick(
        format!(
            "Kommuner med {}–{} invånare ({} har {}).",
            n(low),
            n(high),
            m.name,
            n(m.population)
        ),
        format!(
            "Kommuner with {}–{} inhabitants ({} has {}).",
            n(low),
            n(high),
            m.name,
            n(m.population)
        ),
    )
}

#[component]
pub fn Browse() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let filter = state.filter;
    let order = RwSignal::new(None::<(SortBy, bool)>);
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
        let mut shown = filter.with(|f| {
            state.rows.with(|rows| {
                rows.iter()
                    .filter(|r| f.matches(r))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        if let Some((by, ascending)) = order.get() {
            sort(&mut shown, by, ascending);
        }
        shown
    });
    // Nothing matches: the nearest matches, each with why it is offered.
    let offered = Memo::new(move |_| {
        if !rows.with(Vec::is_empty) {
            return Vec::new();
        }
        filter.with(|f| {
            state.rows.with(|all| {
                nearest(all, f, OFFERED)
                    .into_iter()
                    .filter_map(|s| {
                        all.get(s.index)
                            .map(|r| (r.clone(), s.why_sv.clone(), s.why_en.clone()))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // What the text fields start with: the filter kept from before (the map sets it).
    let (kommun0, org0, like0, year0) = filter.with_untracked(|f| {
        (
            f.municipality.clone(),
            f.organisation.clone(),
            f.similar_to
                .map(|k| k.municipality().name.clone())
                .unwrap_or_default(),
            f.year.map(|y| y.to_string()).unwrap_or_default(),
        )
    });
    let like_text = RwSignal::new(like0.clone());
    let toggle = move |id: String| {
        state.selected.update(|s| {
            if let Some(i) = s.iter().position(|x| *x == id) {
                s.remove(i);
            } else {
                s.push(id);
            }
        })
    };
    // A column header that sorts: a button in the `<th>`, `aria-sort` on the sorted one.
    let header = move |by: SortBy, sv: &'static str, en: &'static str, num: bool| {
        let sorted = move || order.get().filter(|(b, _)| *b == by).map(|(_, a)| a);
        view! {
            <th scope="col" class:num=num aria-sort=move || sorted().map(|a| if a { "ascending" } else { "descending" })>
                <button type="button" class="sort-header" on:click=move |_| {
                    order.update(|o| *o = Some(match *o {
                        Some((b, a)) if b == by => (by, !a),
                        _ => (by, true),
                    }));
                }>
                    {move || lang.get().t(sv, en)}
                    <span aria-hidden="true">{move || match sorted() { Some(true) => " ▲", Some(false) => " ▼", None => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <h2 id="agreements-heading">{move || lang.get().t("Avtal", "Agreements")}</h2>
        <p class="lead intro">{move || lang.get().t(
            "Se vad kommuner betalar kvinnojourer och andra idéburna organisationer i idéburet offentligt partnerskap (IOP), hur länge och på vilka villkor. Varje siffra i de inbyggda avtalen och katalogens avtal har sin källa. Jämför avtal sida vid sida, lägg in ert eget avtal eller läs in texten i ett avtal. Allt räknas i webbläsaren och inget skickas någonstans; ditt arbete sparas här och delas som fil eller länk.",
            "See what municipalities pay women's shelters and other non-profits in non-profit public partnerships (IOP), for how long and on which terms. Every figure of the built-in agreements and the catalogue's has its source. Compare agreements side by side, enter your own agreement or read an agreement's text. Everything is computed in the browser and nothing is sent anywhere; your work is kept here and shared as a file or a link.",
        )}</p>
        <p class="actions">
            <button type="button" class="primary" on:click=move |_| {
                let id = state.new_agreement();
                state.go(View::WhatIf(id));
            }>{move || lang.get().t("Nytt avtal", "New agreement")}</button>
            " "
            <button type="button" on:click=move |_| state.go(View::ReadText)>{move || lang.get().t("Läs in text", "Read a text")}</button>
        </p>
        <p class="catalogue-status" role="status">{move || {
            let l = lang.get();
            match state.catalogue.get() {
                Catalogue::NotAsked | Catalogue::Loading => l.t("Katalogen över verkliga avtal läses in …", "Reading the catalogue of real agreements …").to_string(),
                Catalogue::Loaded(a) => l.pick(
                    format!("Katalogen: {} verkliga avtal med källa för varje uppgift.", a.len()),
                    format!("The catalogue: {} real agreements with a source for every figure.", a.len()),
                ),
                Catalogue::Failed => l.t(
                    "Katalogen över verkliga avtal kunde inte läsas (ingen anslutning?). Listan visar de inbyggda avtalen och dina egna.",
                    "The catalogue of real agreements could not be read (no connection?). The list shows the built-in agreements and your own.",
                ).to_string(),
            }
        }}</p>
        <form class="filters" role="search" on:submit=move |ev| ev.prevent_default()>
            <div class="field">
                <label for="f-kommun">{move || lang.get().t("Kommun", "Municipality")}</label>
                <input id="f-kommun" type="search" value=kommun0 prop:value=move || filter.with(|f| f.municipality.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.municipality = v); } />
            </div>
            <div class="field">
                <label for="f-lan">{move || lang.get().t("Län", "County")}</label>
                <select id="f-lan" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.county = v); }>
                    <option value="">{move || lang.get().t("Alla län", "All counties")}</option>
                    {counties.into_iter().map(|c| {
                        let c2 = c.clone();
                        view! { <option value=c.clone() prop:selected=move || filter.with(|f| f.county == c2)>{c.clone()}</option> }
                    }).collect_view()}
                </select>
                <label class="check">
                    <input id="f-grannlan" type="checkbox" prop:checked=move || filter.with(|f| f.neighbours)
                        on:change=move |ev| { let on = event_target_checked(&ev); filter.update(|f| f.neighbours = on); } />
                    {move || lang.get().t(" med grannlän", " with neighbouring counties")}
                </label>
            </div>
            <div class="field">
                <label for="f-liknande">{move || lang.get().t("Liknande storlek som", "Similar size to")}</label>
                <input id="f-liknande" type="search" list="kommun-namn" value=like0 prop:value=move || like_text.get() autocomplete="off"
                    aria-describedby="f-liknande-range"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let code = iop_core::municipality::municipality_by_name(v.trim_end_matches(" kommun")).map(|m| m.code);
                        like_text.set(v);
                        filter.update(|f| f.similar_to = code);
                    } />
                <datalist id="kommun-namn">
                    {iop_core::municipalities().iter().map(|m| view! { <option value=m.name.clone()></option> }).collect_view()}
                </datalist>
                <span id="f-liknande-range" class="hint">{move || {
                    let l = lang.get();
                    match filter.with(|f| f.similar_to) {
                        Some(k) => similar_words(k, l),
                        None if !like_text.with(|t| t.trim().is_empty()) => l.t("Ingen kommun med det namnet.", "No kommun by that name.").to_string(),
                        None => String::new(),
                    }
                }}</span>
            </div>
            <div class="field">
                <label for="f-org">{move || lang.get().t("Organisation", "Organisation")}</label>
                <input id="f-org" type="search" value=org0 prop:value=move || filter.with(|f| f.organisation.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.organisation = v); } />
            </div>
            <div class="field">
                <label for="f-slag">{move || lang.get().t("Slag av organisation", "Kind of organisation")}</label>
                <select id="f-slag" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.organisation_kind = OrganisationKind::from_key(&v)); }>
                    <option value="">{move || lang.get().t("Alla", "All")}</option>
                    {OrganisationKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() prop:selected=move || filter.with(|f| f.organisation_kind == Some(k))>{move || lang.get().t(k.sv(), k.en())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-kalla">{move || lang.get().t("Källa", "Source")}</label>
                <select id="f-kalla" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.source_kind = SourceKind::from_key(&v)); }>
                    <option value="">{move || lang.get().t("Alla", "All")}</option>
                    {SourceKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() prop:selected=move || filter.with(|f| f.source_kind == Some(k))>{move || lang.get().t(k.sv(), k.en())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-ar">{move || lang.get().t("År", "Year")}</label>
                <input id="f-ar" type="number" min="1990" max="2100" step="1" inputmode="numeric" value=year0.clone()
                    prop:value=move || filter.with(|f| f.year.map(|y| y.to_string()).unwrap_or_default())
                    aria-describedby="f-ar-hint"
                    on:input=move |ev| { let y = event_target_value(&ev).trim().parse::<i32>().ok(); filter.update(|f| f.year = y); } />
                <span id="f-ar-hint" class="hint">{move || lang.get().t("Avtal som gäller någon dag det året.", "Agreements that run on some day of that year.")}</span>
            </div>
            <div class="field">
                <label for="f-status">{move || lang.get().t("Status", "Status")}</label>
                <select id="f-status" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.status = StatusFilter::from_key(&v)); }>
                    <option value="">{move || lang.get().t("Alla", "All")}</option>
                    {StatusFilter::ALL.into_iter().map(|s| view! { <option value=s.key() prop:selected=move || filter.with(|f| f.status == Some(s))>{move || lang.get().t(s.sv(), s.en())}</option> }).collect_view()}
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
        }}
        {move || (!filter.with(Filter::is_empty)).then(|| view! {
            " "
            <button type="button" class="link clear-filter" on:click=move |_| {
                filter.set(Filter::default());
                like_text.set(String::new());
            }>{lang.get().t("Visa alla avtal", "Show all agreements")}</button>
        })}
        </p>
        {move || {
            let l = lang.get();
            let offered = offered.get();
            if !rows.with(Vec::is_empty) {
                return None;
            }
            Some(view! {
                <section class="offered" aria-labelledby="offered-heading">
                    <h3 id="offered-heading">{if offered.is_empty() {
                        l.t("Inget avtal ligger nära det du söker. Ändra filtret eller visa alla avtal.", "No agreement is near what you look for. Change the filter or show all agreements.")
                    } else {
                        l.t("Inget avtal matchar. De närmaste:", "No agreement matches. The nearest:")
                    }}</h3>
                    <ul class="offered-list">
                        {offered.into_iter().map(|(r, sv, en)| {
                            let (id_open, id_pick, id_check) = (r.id.clone(), r.id.clone(), r.id.clone());
                            let name = format::name(&r.name, l);
                            view! {
                                <li data-id=r.id.clone()>
                                    <button type="button" class="link" on:click=move |_| state.go(View::Detail(id_open.clone()))>
                                        <bdi>{r.municipality.clone()}</bdi>
                                    </button>
                                    " – " <bdi>{name.clone()}</bdi>
                                    " (" {format::per_inhabitant(r.per_inhabitant.value, l)} {l.t(" per invånare", " per inhabitant")} ")"
                                    <span class="why">{l.pick(sv, en)}</span>
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || state.selected.with(|s| s.contains(&id_check))
                                            on:change=move |_| toggle(id_pick.clone()) />
                                        {l.pick(format!(" Jämför {name}"), format!(" Compare {name}"))}
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="agreements-heading">
        <table class="agreements" aria-labelledby="agreements-heading">
            <thead>
                <tr>
                    <th scope="col">{move || lang.get().t("Jämför", "Compare")}</th>
                    {header(SortBy::Municipality, "Kommun", "Municipality", false)}
                    {header(SortBy::Organisation, "Organisation", "Organisation", false)}
                    {header(SortBy::Start, "Period", "Period", false)}
                    {header(SortBy::Status, "Status", "Status", false)}
                    {header(SortBy::Annual, "Belopp per år", "Amount per year", true)}
                    {header(SortBy::PerInhabitant, "Kr per invånare", "SEK per inhabitant", true)}
                    {header(SortBy::Population, "Folkmängd", "Population", true)}
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
                                let catalogue = untrack(|| state.is_catalogue(&r.id));
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
                                            {catalogue.then(|| view! { <span class="badge catalogue">{l.t("Katalog", "Catalogue")}</span> })}
                                        </th>
                                        <td>{r.organisation.clone()}</td>
                                        <td>{format::period(r.start, r.end, l)}</td>
                                        <td>{match r.status { Known::Known(s) => l.pick(s.sv(), s.en()), Known::Unknown => l.unknown().into() }}</td>
                                        <td class="num amount" class:unknown=!r.annual.value.is_known()>{format::figure_money(&r.annual, l)}</td>
                                        <td class="num per-inhabitant" class:unknown=!r.per_inhabitant.value.is_known()>{format::per_inhabitant(r.per_inhabitant.value, l)}</td>
                                        <td class="num population" class:unknown=!r.population.is_known()>{population(r.population, l)}</td>
                                    </tr>
                                }
                            }
                        </For>
                    }
                }}
            </tbody>
        </table>
        </div>
        <p class="note">{move || lang.get().pick(format!("Kr per invånare och folkmängd: folkmängd {POPULATION_DATE} (SCB). Okänt sorteras sist."), format!("SEK per inhabitant and population: population on {POPULATION_DATE} (SCB). Unknowns sort last."))}</p>
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
        (r.start, r.end, r.status, r.draft, r.population),
        (r.annual.value, r.annual.too_large, r.per_inhabitant.value),
    )
}
