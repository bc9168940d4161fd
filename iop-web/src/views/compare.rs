//! Compare: the picked agreements side by side, differences highlighted, unknowns marked,
//! sortable, with charts. Prints as a clean table with its date and sources.
//!
//! A few agreements read best as one column each (terms down the side). A national comparison
//! turns the table: one row per agreement, and only the rows in view (plus a margin) are in the
//! page, so 290 agreements open as fast as 30 do; printing draws every row.

use crate::i18n::Lang;
use crate::state::{AppState, View};
use crate::views::charts::{MoneyChart, PerInhabitantChart};
use iop_core::amounts::calendar_year_amounts;
use iop_core::compare::{order_by, side_by_side, ComparisonRow, TermRow};
use iop_core::Agreement;
use leptos::html;
use leptos::prelude::*;

/// Up to this many agreements, one column each; more turn the table (one row each).
const WIDE: usize = 12;
/// Rows drawn above and below those in view, so scrolling shows no gap.
const MARGIN: usize = 10;
/// Rows drawn before the first scroll (a tall window holds about 20).
const FIRST_WINDOW: usize = 40;
/// A row's height before one has been measured (px).
const ROW_PX: f64 = 37.0;
/// The charts draw at most this many agreements, in the table's order.
const CHART_MAX: usize = 20;

/// The term the agreements are sorted by (empty: the picked order) and in which direction.
#[derive(Clone, Copy)]
struct Sorting {
    key: RwSignal<String>,
    descending: RwSignal<bool>,
}

/// What the comparison shows, computed once per change of the picks or the date.
#[derive(Clone, PartialEq)]
struct Computed {
    agreements: Vec<Agreement>,
    rows: Vec<ComparisonRow>,
    table: Vec<TermRow>,
}

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sort_key = RwSignal::new(String::new());
    let descending = RwSignal::new(true);
    let computed = Memo::new(move |_| {
        let sel: std::collections::HashSet<String> = state.selected.get().into_iter().collect();
        let agreements: Vec<Agreement> =
            state.with_agreements(|all| all.filter(|a| sel.contains(&a.id)).cloned().collect());
        let rows: Vec<ComparisonRow> = state.rows.with(|rows| {
            rows.iter()
                .filter(|r| sel.contains(&r.id))
                .cloned()
                .collect()
        });
        let table = side_by_side(&rows);
        Computed {
            agreements,
            rows,
            table,
        }
    });
    let order = Memo::new(move |_| {
        let key = sort_key.get();
        computed.with(|c| {
            if key.is_empty() {
                (0..c.rows.len()).collect::<Vec<usize>>()
            } else {
                order_by(&c.table, &key, descending.get())
            }
        })
    });
    // Printing draws every row of a turned table.
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });

    move || {
        let l = lang.get();
        let n = computed.with(|c| c.rows.len());
        if n < 2 {
            return view! {
                <h2>{l.t("Jämför", "Compare")}</h2>
                <p>{l.t("Välj minst två avtal i listan för att jämföra dem.", "Pick at least two agreements in the list to compare them.")}</p>
                <button type="button" on:click=move |_| state.go(View::Browse)>{l.t("Till listan", "To the list")}</button>
            }
            .into_any();
        }
        let at = state.at.get();
        // Sorting redraws the table body and the charts, not this whole view: a turned table
        // keeps its scroll position and the select keeps focus.
        let key = sort_key.get_untracked();
        let sortable: Vec<(&'static str, &'static str, &'static str)> = computed.with(|c| {
            c.table
                .iter()
                .filter(|t| t.cells.iter().any(|cell| cell.sort.is_some()))
                .map(|t| (t.key, t.label_sv, t.label_en))
                .collect()
        });
        let charts = move || {
            computed.with(|c| {
                order.with(|order| charts(c, &order[..order.len().min(CHART_MAX)], at, l))
            })
        };
        let table = if n <= WIDE {
            (move || computed.with(|c| order.with(|order| columns_table(state, c, order, l))))
                .into_any()
        } else {
            let sorting = Sorting {
                key: sort_key,
                descending,
            };
            rows_table(state, computed, order, sorting, printing, l, n)
        };
        let sources = move || {
            let wanted = n <= WIDE || printing.get();
            wanted.then(|| {
                let items: Vec<String> = computed.with(|c| {
                    order.with(|order| {
                        order
                            .iter()
                            .flat_map(|&i| {
                                let a = &c.agreements[i];
                                a.sources
                                    .iter()
                                    .map(move |s| format!("{}: {} ({})", a.name, s.title, s.id))
                            })
                            .collect()
                    })
                });
                view! {
                    <section class="print-sources">
                        <h3>{l.t("Källor", "Sources")}</h3>
                        <ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    </section>
                }
            })
        };
        view! {
            <h2 id="compare-heading">{l.t("Jämförelse", "Comparison")}</h2>
            <p class="print-meta">{l.pick(format!("Per {at}. Folkmängd {} (SCB). {n} avtal.", iop_core::POPULATION_DATE), format!("On {at}. Population {} (SCB). {n} agreements.", iop_core::POPULATION_DATE))}</p>
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
            {table}
            {charts}
            {sources}
            <crate::views::office::ComparisonExports />
            <p class="no-print"><button type="button" on:click=move |_| {
                printing.set(true);
                // Print once the rows are drawn (the reactive update runs before the timeout).
                set_timeout(|| { let _ = window().print(); }, std::time::Duration::ZERO);
            }>{l.t("Skriv ut", "Print")}</button></p>
        }
        .into_any()
    }
}

/// One column per agreement, one row per term, each figure with its explanation.
fn columns_table(state: AppState, c: &Computed, order: &[usize], l: Lang) -> AnyView {
    let rows = &c.rows;
    view! {
        {rows.iter().any(|r| r.draft).then(|| view! {
            <p class="draft-note">{l.t(
                "Utkast (markerade) har problem kvar att rätta: deras siffror visas men räknas inte med i stödkontrollen förrän de är rättade.",
                "Drafts (marked) have problems left to fix: their figures are shown but left out of the state-aid check until fixed.",
            )}</p>
        })}
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-heading">
            <table class="compare" aria-labelledby="compare-heading">
                <caption class="sr-only">{l.t("Villkor per avtal; markerade rader skiljer sig åt.", "Terms per agreement; marked rows differ.")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.t("Villkor", "Term")}</th>
                        {order.iter().map(|&i| {
                            let id = rows[i].id.clone();
                            let name = crate::format::name(&rows[i].name, l);
                            view! {
                                <th scope="col">
                                    <bdi>{name.clone()}</bdi>
                                    {rows[i].draft.then(|| view! { <span class="badge draft">{l.t("Utkast", "Draft")}</span> })}
                                    <button type="button" class="remove no-print" aria-label=l.pick(format!("Ta bort {name} ur jämförelsen"), format!("Remove {name} from the comparison"))
                                        on:click=move |_| state.selected.update(|s| s.retain(|x| *x != id))>"×"</button>
                                </th>
                            }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {c.table.iter().map(|t| {
                        view! {
                            <tr class:differs=t.differs data-term=t.key>
                                <th scope="row">{l.t(t.label_sv, t.label_en)}{t.differs.then(|| view! { <span class="sr-only">{l.t(" (skiljer sig)", " (differs)")}</span> })}</th>
                                {order.iter().map(|&i| {
                                    let cell = &t.cells[i];
                                    view! {
                                        <td class:unknown=cell.unknown class:num=cell.sort.is_some()>
                                            {l.pick(cell.sv.clone(), cell.en.clone())}
                                            {cell.explanation.as_ref().map(|e| crate::views::detail::explain(e, l))}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One row per agreement, drawn as it scrolls into view. The table states its full size
/// (`aria-rowcount`, `aria-rowindex`) so screen readers know how many rows there are; how a
/// figure is computed is one click away, in the agreement.
fn rows_table(
    state: AppState,
    computed: Memo<Computed>,
    order: Memo<Vec<usize>>,
    sorting: Sorting,
    printing: RwSignal<bool>,
    l: Lang,
    n: usize,
) -> AnyView {
    let wrap = NodeRef::<html::Div>::new();
    let first = RwSignal::new(0usize);
    let row_px = StoredValue::new(ROW_PX);
    let window_len = RwSignal::new(FIRST_WINDOW);
    // Which rows the region's scroll position calls for (and the measured row height).
    let sync = move || {
        let Some(el) = wrap.get_untracked() else {
            return;
        };
        if let Ok(Some(row)) = el.query_selector("tbody tr[aria-rowindex]") {
            let h = f64::from(row.client_height());
            if h > 0.0 {
                row_px.set_value(h);
            }
        }
        let h = row_px.get_value();
        let top = (f64::from(el.scroll_top()) / h) as usize;
        let visible = (f64::from(el.client_height()) / h).ceil() as usize;
        let f = top.saturating_sub(MARGIN).min(n.saturating_sub(1));
        if f != first.get_untracked() {
            first.set(f);
        }
        // Only grow the window: a few rows too many cost nothing, a redraw costs a layout.
        let len = visible + 2 * MARGIN;
        if len > window_len.get_untracked() {
            window_len.set(len);
        }
    };
    // Once drawn (also when this view is redrawn over a region that is already scrolled, as when
    // another tab's changes arrive), fit the window to where the region is.
    Effect::new(move |_| {
        if wrap.get().is_some() {
            sync();
        }
    });
    let terms: Vec<(&'static str, &'static str, &'static str, bool)> = computed.with(|c| {
        c.table
            .iter()
            .map(|t| (t.key, t.label_sv, t.label_en, t.differs))
            .collect()
    });
    let columns = terms.len() + 1;
    // Which rows are drawn: those in view and a margin, or all of them while printing.
    let range = Memo::new(move |_| {
        if printing.get() {
            (0, n)
        } else {
            let f = first.get();
            (f, (f + window_len.get()).min(n))
        }
    });
    // Each agreement's place in the sorted table (for aria-rowindex).
    let place = Memo::new(move |_| {
        order.with(|order| {
            let mut place = vec![0; order.len()];
            for (pos, &i) in order.iter().enumerate() {
                place[i] = pos;
            }
            place
        })
    });
    let spacer =
        move |rows: usize| format!("{}px", (rows as f64 * row_px.get_value()).round() as i64);
    // Rows are keyed by agreement, so scrolling moves rows rather than rewriting them: the row
    // that has focus keeps it and stays the same agreement.
    let drawn = move || {
        let (from, to) = range.get();
        // A range left from before a change of the list is cut to it, never out of bounds.
        order.with(|order| {
            order
                .get(from.min(order.len())..to.min(order.len()))
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        })
    };
    let row = move |i: usize| {
        computed.with(|c| {
            let r = &c.rows[i];
            let id = r.id.clone();
            view! {
                <tr aria-rowindex=move || place.with(|p| p.get(i).map_or(0, |x| x + 2)) data-id=r.id.clone()>
                    <th scope="row"><button type="button" class="link" on:click=move |_| state.go(View::Detail(id.clone()))><bdi>{crate::format::name(&r.name, l)}</bdi></button></th>
                    {c.table.iter().map(|t| {
                        let cell = &t.cells[i];
                        view! { <td class:unknown=cell.unknown class:num=cell.sort.is_some()>{l.pick(cell.sv.clone(), cell.en.clone())}</td> }
                    }).collect_view()}
                </tr>
            }
        })
    };
    let body = view! {
        <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || spacer(range.get().0)></td></tr>
        <For each=drawn key=|i| *i children=row />
        <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || spacer(n - range.get().1)></td></tr>
    };
    view! {
        <p class="note no-print">{l.pick(
            format!("{n} avtal, ett per rad. Markerade kolumner skiljer sig åt. Öppna ett avtal för att se hur varje siffra räknas fram."),
            format!("{n} agreements, one per row. Marked columns differ. Open an agreement to see how each figure is computed."),
        )}</p>
        <div class="table-wrap tall" node_ref=wrap tabindex="0" role="region" aria-labelledby="compare-heading" on:scroll=move |_| sync()>
            <table class="compare national" aria-labelledby="compare-heading" aria-rowcount=n + 1>
                <caption class="sr-only">{l.t("Ett avtal per rad; ≠ markerar villkor som skiljer sig åt.", "One agreement per row; ≠ marks terms that differ.")}</caption>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col">{l.t("Avtal", "Agreement")}</th>
                        {terms.iter().map(|&(key, sv, en, d)| view! {
                            <th scope="col" data-term=key class:differs=d
                                aria-sort=move || sorting.key.with(|k| (k == key).then(|| if sorting.descending.get() { "descending" } else { "ascending" }))>
                                {d.then_some("≠ ")}{l.t(sv, en)}
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The charts for the first agreements in the table's order; says so when there are more.
fn charts(c: &Computed, shown: &[usize], at: chrono::NaiveDate, l: Lang) -> impl IntoView {
    let series: Vec<_> = shown
        .iter()
        .map(|&i| {
            (
                c.agreements[i].name.clone(),
                calendar_year_amounts(&c.agreements[i], at),
            )
        })
        .collect();
    let bars: Vec<_> = shown
        .iter()
        .map(|&i| (c.rows[i].name.clone(), c.rows[i].per_inhabitant.value))
        .collect();
    let more = c.rows.len() > shown.len();
    view! {
        <h3>{l.t("Diagram", "Charts")}</h3>
        {more.then(|| view! { <p class="note">{l.pick(
            format!("Diagrammen visar de {} första avtalen i tabellens ordning; sortera för att välja vilka.", shown.len()),
            format!("The charts show the first {} agreements in the table's order; sort to choose which.", shown.len()),
        )}</p> })}
        <MoneyChart series=series lang=l />
        <PerInhabitantChart bars=bars lang=l reference=iop_core::reference::for_year(chrono::Datelike::year(&at)) />
    }
}
