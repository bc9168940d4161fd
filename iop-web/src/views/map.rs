//! Karta: Sweden's 290 kommuner coloured by the kronor per inhabitant and year of the agreements
//! running on the list's date, with a legend, county borders, the national reference figure,
//! "kommuner like mine", and a table that says the same for screen readers.
//!
//! The paths (`karta.json`, made at build time by `scripts/make-map.py` from SCB's boundaries)
//! are fetched when the map is first opened, never compiled in. The sums per kommun and the
//! classes are `iop-core`'s ([`per_kommun`], [`map_class`]); this only draws them.

use crate::format;
use crate::i18n::Lang;
use crate::state::{fetch_text, AppState, View};
use crate::views::browse::{population, similar_words};
use crate::views::charts::ReferenceSource;
use iop_core::compare::{map_class, per_kommun, similar_size, Filter, KommunFigure, MapClass};
use iop_core::Known;
use leptos::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The map's data as `scripts/make-map.py` writes it.
#[derive(Debug, Deserialize)]
struct MapData {
    #[serde(rename = "viewBox")]
    view_box: String,
    /// Kommunkod → the SVG path of its boundary.
    kommuner: BTreeMap<String, String>,
    /// Länskod → the SVG path of its boundary.
    lan: BTreeMap<String, String>,
    /// The credit line to show.
    kalla: String,
}

/// Where the map's data is: on its way, read, or not to be had.
#[derive(Clone)]
enum Loaded {
    Loading,
    Ready(Arc<MapData>),
    Failed,
}

thread_local! {
    /// Read once per page: the map opens at once the second time.
    static DATA: std::cell::RefCell<Option<Arc<MapData>>> = const { std::cell::RefCell::new(None) };
}

/// What a click or Enter on a kommun does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// Shows the kommun's agreements in the list.
    List,
    /// Picks the kommun for "liknande storlek" in the list.
    Like,
}

/// One kommun's figure in words: `13,75 kr per invånare`, `inget känt avtal`, or the amount
/// unknown.
fn figure_words(k: &KommunFigure, l: Lang) -> String {
    match k.class() {
        MapClass::NoAgreement => l.t("inget känt avtal", "no known agreement").into(),
        MapClass::Unknown if k.running.is_empty() => l
            .t(
                "okänt om avtalet gäller på datumet",
                "unknown whether the agreement runs on the date",
            )
            .into(),
        MapClass::Unknown => l
            .t(
                "avtal med okänt belopp per invånare",
                "agreement with unknown amount per inhabitant",
            )
            .into(),
        MapClass::Class(_) => l.pick(
            format!(
                "{} per invånare",
                format::per_inhabitant(k.per_inhabitant, l)
            ),
            format!(
                "{} per inhabitant",
                format::per_inhabitant(k.per_inhabitant, l)
            ),
        ),
    }
}

/// `Kalmar, 72 704 invånare: 13,75 kr per invånare`.
fn kommun_words(k: &KommunFigure, l: Lang) -> String {
    let m = k.code.municipality();
    let p = population(Known::Known(m.population), l);
    l.pick(
        format!("{}, {p} invånare: {}", m.name, figure_words(k, l)),
        format!("{}, {p} inhabitants: {}", m.name, figure_words(k, l)),
    )
}

#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let data = RwSignal::new(match DATA.with(|d| d.borrow().clone()) {
        Some(d) => Loaded::Ready(d),
        None => Loaded::Loading,
    });
    if matches!(data.get_untracked(), Loaded::Loading) {
        wasm_bindgen_futures::spawn_local(async move {
            let read = fetch_text("karta.json")
                .await
                .and_then(|t| serde_json::from_str::<MapData>(&t).ok())
                .map(Arc::new);
            if let Some(d) = &read {
                DATA.with(|cell| *cell.borrow_mut() = Some(d.clone()));
            }
            let _ = data.try_set(match read {
                Some(d) => Loaded::Ready(d),
                None => Loaded::Failed,
            });
        });
    }
    // Every kommun's agreements on the date and their sum, from the core.
    let figures = Memo::new(move |_| state.rows.with(|rows| per_kommun(rows)));
    let index: Arc<BTreeMap<String, usize>> = Arc::new(
        iop_core::municipalities()
            .iter()
            .enumerate()
            .map(|(i, m)| (m.code.to_string(), i))
            .collect(),
    );
    let focused = RwSignal::new(None::<usize>);
    let pick = RwSignal::new(Pick::List);
    let like_text = RwSignal::new(
        state
            .filter
            .with_untracked(|f| f.similar_to.map(|k| k.municipality().name.clone()))
            .unwrap_or_default(),
    );
    let like = Memo::new(move |_| {
        like_text.with(|t| {
            iop_core::municipality::municipality_by_name(t.trim_end_matches(" kommun"))
                .map(|m| m.code)
        })
    });
    let highlight = RwSignal::new(false);
    let choose = move |i: usize| {
        let Some(m) = iop_core::municipalities().get(i) else {
            return;
        };
        match pick.get_untracked() {
            Pick::List => state.filter.set(Filter {
                municipality: m.name.clone(),
                ..Filter::default()
            }),
            Pick::Like => state.filter.set(Filter {
                similar_to: Some(m.code),
                ..Filter::default()
            }),
        }
        state.go(View::Browse);
    };
    let reference = move || iop_core::reference::for_year(chrono::Datelike::year(&state.at.get()));

    let draw = move |d: Arc<MapData>| {
        let index = index.clone();
        let l = lang.get();
        let paths = d
            .kommuner
            .iter()
            .filter_map(|(code, path)| index.get(code).map(|i| (*i, path.clone())))
            .map(|(i, path)| {
                let class = move || {
                    let mut c = figures.with(|f| {
                        f.get(i).map_or("kommun none".to_string(), |k| {
format!("kommun {}", k.class().key())
                        })
                    });
                    let similar = highlight.get()
                        && like.get().is_some_and(|code| {
                            iop_core::municipalities().get(i).is_some_and(|m| {
                                similar_size(code.municipality().population, m.population)
                            })
                        });
                    if similar {
                        c.push_str(" like");
                    }
                    c
                };
                let label = move || {
                    figures.with(|f| f.get(i).map(|k| kommun_words(k, lang.get())).unwrap_or_default())
                };
                let code = iop_core::municipalities()
                    .get(i)
                    .map(|m| m.code.to_string())
                    .unwrap_or_default();
                view! {
                    <path d=path class=class data-kommun=code tabindex="0" role="button" aria-label=label
                        on:mouseenter=move |_| focused.set(Some(i))
                        on:focus=move |_| focused.set(Some(i))
                        on:click=move |_| choose(i)
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                choose(i);
                            }
                        } />
                }
            })
            .collect_view();
        let borders = d
            .lan
            .values()
            .map(|p| view! { <path d=p.clone() /> })
            .collect_view();
        view! {
            <div class="map-layout">
                <svg class="map" viewBox=d.view_box.clone() role="group" preserveAspectRatio="xMidYMid meet"
                    aria-label=l.t("Karta över Sveriges kommuner; välj en kommun för att visa dess avtal", "Map of Sweden's kommuner; pick a kommun to show its agreements")
                    on:mouseleave=move |_| focused.set(None)>
                    <defs>
                        <pattern id="map-hatch" patternUnits="userSpaceOnUse" width="60" height="60" patternTransform="rotate(45)">
                            <rect width="60" height="60" class="hatch-bg" />
                            <line x1="0" y1="0" x2="0" y2="60" class="hatch-line" />
                        </pattern>
                    </defs>
                    <g class="kommuner">{paths}</g>
                    <g class="lan-borders" aria-hidden="true">{borders}</g>
                </svg>
                <div class="map-side">
                    <h3 id="legend-heading">{l.t("Förklaring", "Legend")}</h3>
                    <p class="note">{l.t("Kronor per invånare och år, alla avtal som gäller i kommunen på datumet, summerade.", "SEK per inhabitant per year, every agreement running in the kommun on the date, added up.")}</p>
                    <ul class="map-legend" aria-labelledby="legend-heading">
                        {MapClass::ALL.into_iter().map(|c| view! {
                            <li>
                                <svg width="28" height="18" aria-hidden="true" viewBox="0 0 28 18">
                                    <defs>
                                        <pattern id=format!("legend-hatch-{}", c.key()) patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                                            <rect width="6" height="6" class="hatch-bg" />
                                            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line small" />
                                        </pattern>
                                    </defs>
                                    <rect x="1" y="1" width="26" height="16" class=format!("swatch {}", c.key())
                                        fill=(c == MapClass::NoAgreement).then(|| format!("url(#legend-hatch-{})", c.key())) />
                                </svg>
                                " " {l.pick(c.sv(), c.en())}
                            </li>
                        }).collect_view()}
                        <li>
                            <svg width="28" height="18" aria-hidden="true" viewBox="0 0 28 18"><rect x="1" y="1" width="26" height="16" class="swatch like-key" /></svg>
                            " " {l.t("kommun av liknande storlek (när markerad)", "kommun of similar size (when highlighted)")}
                        </li>
                    </ul>
                    {move || reference().map(|r| view! {
                        <p class="note">{l.pick(
                            format!("Riksgenomsnittet ligger i klassen {}.", map_class(Known::Known(r.kr_per_inhabitant), true).sv()),
                            format!("The national average is in the class {}.", map_class(Known::Known(r.kr_per_inhabitant), true).en()),
                        )}</p>
                        <ReferenceSource reference=r lang=l />
                    })}
                    <p class="credit">{d.kalla.clone()}</p>
                </div>
            </div>
        }
    };

    view! {
        <h2 id="map-heading">{move || lang.get().t("Karta", "Map")}</h2>
        <p class="lead">{move || lang.get().t(
            "Sveriges 290 kommuner färgade efter vad avtalen som gäller på datumet ger i kronor per invånare och år. Välj en kommun (klick eller Enter) för att se dess avtal i listan. Samma uppgifter står i tabellen under kartan.",
            "Sweden's 290 kommuner coloured by what the agreements running on the date give in SEK per inhabitant per year. Pick a kommun (click or Enter) to see its agreements in the list. The table under the map says the same.",
        )}</p>
        <form class="filters map-controls" on:submit=move |ev| ev.prevent_default()>
            <div class="field">
                <label for="m-at">{move || lang.get().t("Per datum", "On date")}</label>
                <input id="m-at" type="date" prop:value=move || state.at.get().to_string()
                    on:change=move |ev| { if let Ok(d) = event_target_value(&ev).parse() { state.at.set(d); } } />
            </div>
            <div class="field">
                <label for="m-like">{move || lang.get().t("Min kommun", "My kommun")}</label>
                <input id="m-like" type="search" list="map-kommun-namn" autocomplete="off" prop:value=move || like_text.get()
                    aria-describedby="m-like-range"
                    on:input=move |ev| like_text.set(event_target_value(&ev)) />
                <datalist id="map-kommun-namn">
                    {iop_core::municipalities().iter().map(|m| view! { <option value=m.name.clone()></option> }).collect_view()}
                </datalist>
                <label class="check">
                    <input id="m-like-on" type="checkbox" prop:checked=move || highlight.get()
                        on:change=move |ev| highlight.set(event_target_checked(&ev)) />
                    {move || lang.get().t(" markera kommuner av liknande storlek", " highlight kommuner of similar size")}
                </label>
                <span id="m-like-range" class="hint">{move || like.get().map(|k| similar_words(k, lang.get()))}</span>
            </div>
            <fieldset class="field">
                <legend>{move || lang.get().t("En vald kommun", "A picked kommun")}</legend>
                <label class="check"><input type="radio" name="m-pick" prop:checked=move || pick.get() == Pick::List on:change=move |_| pick.set(Pick::List) />
                    {move || lang.get().t(" visar sina avtal i listan", " shows its agreements in the list")}</label>
                <label class="check"><input type="radio" name="m-pick" prop:checked=move || pick.get() == Pick::Like on:change=move |_| pick.set(Pick::Like) />
                    {move || lang.get().t(" visar avtal i kommuner av liknande storlek", " shows agreements in kommuner of similar size")}</label>
            </fieldset>
        </form>
        <p class="map-status" id="map-status" role="status" aria-live="polite">{move || {
            let l = lang.get();
            match focused.get().and_then(|i| figures.with(|f| f.get(i).map(|k| kommun_words(k, l)))) {
                Some(words) => words,
                None => l.t("Peka på eller gå med Tab till en kommun för att se dess siffror.", "Point at or Tab to a kommun to see its figures.").into(),
            }
        }}</p>
        <p class="no-print"><a href="#map-table-heading" rel="external" class="skip-map" on:click=move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            crate::focus::after_draw("#map-table-wrap");
        }>{move || lang.get().t("Hoppa förbi kartan till tabellen", "Skip the map to the table")}</a></p>
        {move || match data.get() {
            Loaded::Loading => view! { <p class="loading">{lang.get().t("Kartan läses in …", "Loading the map …")}</p> }.into_any(),
            Loaded::Failed => view! { <p class="banner error">{lang.get().t("Kartan kunde inte läsas (ingen anslutning?). Tabellen nedan har samma uppgifter.", "The map could not be read (no connection?). The table below has the same figures.")}</p> }.into_any(),
            Loaded::Ready(d) => draw(d).into_any(),
        }}
        <h3 id="map-table-heading">{move || lang.get().t("Kommunerna i tabell", "The kommuner as a table")}</h3>
        <div class="table-wrap tall" id="map-table-wrap" tabindex="0" role="region" aria-labelledby="map-table-heading">
            <table class="map-table" aria-labelledby="map-table-heading">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().t("Kommun", "Municipality")}</th>
                        <th scope="col">{move || lang.get().t("Län", "County")}</th>
                        <th scope="col" class="num">{move || lang.get().t("Folkmängd", "Population")}</th>
                        <th scope="col" class="num">{move || lang.get().t("Kr per invånare", "SEK per inhabitant")}</th>
                        <th scope="col">{move || lang.get().t("Avtal", "Agreements")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        let names: BTreeMap<String, String> = state.rows.with(|rows| rows.iter().map(|r| (r.id.clone(), format::name(&r.name, l))).collect());
                        figures.with(|f| f.iter().map(|k| {
                            let m = k.code.municipality();
                            let runs = !k.running.is_empty();
                            let agreements: Vec<String> = k.running.iter().filter_map(|id| names.get(id).cloned()).collect();
                            let perhaps: Vec<String> = k.perhaps.iter().filter_map(|id| names.get(id).cloned()).collect();
                            view! {
                                <tr data-kommun=m.code.to_string() class:has-agreement=runs>
                                    <th scope="row">{m.name.clone()}</th>
                                    <td>{m.county.clone()}</td>
                                    <td class="num">{population(Known::Known(m.population), l)}</td>
                                    <td class="num figure" class:unknown=!k.per_inhabitant.is_known()>{match k.class() { MapClass::Class(_) => format::per_inhabitant(k.per_inhabitant, l), _ => figure_words(k, l) }}</td>
                                    <td>{agreements.join("; ")}
                                        {(!perhaps.is_empty()).then(|| view! { <span class="sub">{l.pick(format!("Status okänd på datumet: {}", perhaps.join("; ")), format!("Status unknown on the date: {}", perhaps.join("; ")))}</span> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view())
                    }}
                </tbody>
            </table>
        </div>
    }
}
