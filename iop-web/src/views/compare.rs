//! Compare: the picked agreements side by side, "≠" beside each value that differs from the
//! agreement chosen under "Jämför mot" (the first picked unless chosen), unknowns marked,
//! sortable, with charts, a what-if in percent (`percent`) and a way to each agreement's
//! simulated termination. Prints as a clean table with its title, date, agreements and sources.
//!
//! A few agreements read best as one column each (terms down the side). A national comparison
//! turns the table: one row per agreement, and only the rows in view (plus a margin) are in the
//! page, so 290 agreements open as fast as 30 do; printing draws every row.

use crate::i18n::Lang;
use crate::state::{AppState, View};
use crate::views::charts::{MoneyChart, PerInhabitantChart};
use crate::views::percent::{PercentControls, PercentWhatIf};
use iop_core::amounts::calendar_year_amounts;
use iop_core::compare::{
    order_by, row_with, side_by_side, side_by_side_against, ComparisonRow, TermRow,
};
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

/// What the comparison shows, computed once per change of the picks, the date, the reference
/// or the what-if.
#[derive(Clone, PartialEq)]
struct Computed {
    agreements: Vec<Agreement>,
    rows: Vec<ComparisonRow>,
    table: Vec<TermRow>,
    /// The column compared against (marks "≠" are against it).
    reference: Option<usize>,
    /// The what-if column, when the percent field holds a change: always the last.
    whatif: Option<usize>,
}

impl Computed {
    /// A digest of what agreement `i`'s row shows (its name, every cell, its marks): a row is
    /// drawn anew exactly when it changes.
    fn shown_hash(&self, i: usize) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        if let Some(r) = self.rows.get(i) {
            (&r.id, &r.name).hash(&mut h);
        }
        (Some(i) == self.reference, Some(i) == self.whatif).hash(&mut h);
        for t in &self.table {
            if let Some(c) = t.cells.get(i) {
                (&c.sv, &c.en, c.differs_from_reference()).hash(&mut h);
            }
        }
        h.finish()
    }

    /// The reference's name, for "skiljer sig från …".
    fn reference_name(&self, l: Lang) -> String {
        self.reference
            .and_then(|r| self.rows.get(r))
            .map(|r| crate::format::name(&r.name, l))
            .unwrap_or_default()
    }
}

/// The column compared against: the chosen agreement when it is compared, else the first picked.
fn reference_index(
    rows: &[ComparisonRow],
    chosen: Option<&str>,
    picked: &[String],
) -> Option<usize> {
    chosen
        .into_iter()
        .chain(picked.iter().map(String::as_str))
        .find_map(|id| rows.iter().position(|r| r.id == id))
}

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sort_key = RwSignal::new(String::new());
    let descending = RwSignal::new(true);
    let percent = PercentWhatIf::new();
    let computed = Memo::new(move |_| {
        let picked = state.selected.get();
        let sel: std::collections::HashSet<&String> = picked.iter().collect();
        let mut agreements: Vec<Agreement> =
            state.with_agreements(|all| all.filter(|a| sel.contains(&a.id)).cloned().collect());
        let mut rows: Vec<ComparisonRow> = state.rows.with(|rows| {
            rows.iter()
                .filter(|r| sel.contains(&r.id))
                .cloned()
                .collect()
        });
        let reference = reference_index(&rows, state.reference.get().as_deref(), &picked);
        let reference_id = reference.and_then(|r| rows.get(r)).map(|r| r.id.clone());
        // The what-if is computed here and shown; it is stored nowhere.
        let whatif = (rows.len() >= 2)
            .then(|| percent.variant(&agreements, reference_id.as_deref()))
            .flatten()
            .map(|v| {
                rows.push(row_with(&v, state.at.get(), state.lead.get()));
                agreements.push(v);
                rows.len() - 1
            });
        let table = match reference {
            Some(r) => side_by_side_against(&rows, r),
            None => side_by_side(&rows),
        };
        Computed {
            agreements,
            rows,
            table,
            reference,
            whatif,
        }
    });
    // The picked agreements (id, name), without the what-if: the page is redrawn only when they
    // change, so typing in the percent field keeps its focus.
    let picked = Memo::new(move |_| {
        computed.with(|c| {
            c.rows
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != c.whatif)
                .map(|(_, r)| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let reference_id = Signal::derive(move || {
        computed.with(|c| {
            c.reference
                .and_then(|r| c.rows.get(r))
                .map(|r| r.id.clone())
        })
    });
    let summary = Signal::derive(move || {
        let l = lang.get();
        computed.with(|c| {
            let w = c.whatif?;
            let r = c.rows.get(w)?;
            let cell = |key: &str| {
                c.table
                    .iter()
                    .find(|t| t.key == key)
                    .and_then(|t| t.cells.get(w))
                    .map(|x| l.pick(x.sv.clone(), x.en.clone()))
                    .unwrap_or_default()
            };
            Some(l.pick(
                format!(
                    "{}: {} per år, {} per invånare och år, {} för perioden. Visas som tänkt kolumn; inget avtal har skapats.",
                    r.name, cell("annual"), cell("per_inhabitant"), cell("total")
                ),
                format!(
                    "{}: {} a year, {} per inhabitant a year, {} for the period. Shown as a what-if column; no agreement has been made.",
                    r.name, cell("annual"), cell("per_inhabitant"), cell("total")
                ),
            ))
        })
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

    // The view is redrawn when the picks change, not when a picked agreement is renamed (in
    // another tab): a turned table keeps its scroll position and redraws its rows in place.
    let picked_ids =
        Memo::new(move |_| picked.with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()));
    move || {
        let l = lang.get();
        picked_ids.track();
        let choices = picked.get_untracked();
        let n = choices.len();
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
        let sortable: Vec<(&'static str, &'static str, &'static str)> =
            computed.with_untracked(|c| {
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
            // Redrawn when the what-if row comes or goes (one row more or less).
            let total = Memo::new(move |_| computed.with(|c| c.rows.len()));
            (move || rows_table(state, computed, order, sorting, printing, l, total.get()))
                .into_any()
        };
        let sources = move || {
            let wanted = n <= WIDE || printing.get();
            wanted.then(|| {
                let items: Vec<String> = computed.with(|c| {
                    order.with(|order| {
                        order
                            .iter()
                            .filter(|&&i| Some(i) != c.whatif)
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
        let reference_choices = choices.clone();
        let reference_now = untrack(move || reference_id.get());
        view! {
            {print_head(computed, l)}
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
            <div class="sort no-print">
                <label for="reference">{l.t("Jämför mot", "Compare against")}</label>
                <select id="reference" aria-describedby="reference-hint" on:change=move |ev| state.reference.set(Some(event_target_value(&ev)))>
                    {reference_choices.into_iter().map(|(id, name)| {
                        let selected = reference_now.as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{crate::format::name(&name, l)}</option> }
                    }).collect_view()}
                </select>
                <span class="hint" id="reference-hint">{l.t("≠ visas vid värden som skiljer sig från det avtalet.", "≠ is shown by values that differ from that agreement.")}</span>
            </div>
            <PercentControls whatif=percent choices=choices reference=reference_id summary=summary />
            <crate::views::lead::LeadTime />
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

/// The printed title: "Jämförelse av IOP-avtal, <datum>", the agreements compared (with the one
/// compared against) and what "≠" means. Shown on paper only.
fn print_head(computed: Memo<Computed>, l: Lang) -> impl IntoView {
    let today = crate::state::today();
    move || {
        computed.with(|c| {
            let reference = c.reference_name(l);
            let names: Vec<String> = c
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let name = crate::format::name(&r.name, l);
                    let what = format!("{name} ({}, {})", r.municipality, r.organisation);
                    if Some(i) == c.reference {
                        l.pick(format!("{what} – jämförs mot"), format!("{what} – compared against"))
                    } else if Some(i) == c.whatif {
                        l.pick(format!("{name} – tänkt ändring, inte sparad"), format!("{name} – what-if, not kept"))
                    } else {
                        what
                    }
                })
                .collect();
            view! {
                <div class="print-only print-head">
                    <p class="print-title">{l.pick(format!("Jämförelse av IOP-avtal, {today}"), format!("Comparison of IOP agreements, {today}"))}</p>
                    <p>{l.t("Jämförda avtal:", "Agreements compared:")}</p>
                    <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <p>{l.pick(format!("≠ = skiljer sig från {reference}. Källorna står efter tabellen."), format!("≠ = differs from {reference}. The sources follow the table."))}</p>
                </div>
            }
        })
    }
}

/// "≠" with its words for a screen reader, beside a value that differs from the reference.
fn differs_mark(reference: &str, l: Lang) -> impl IntoView {
    let label = l.pick(
        format!("skiljer sig från {reference}"),
        format!("differs from {reference}"),
    );
    view! { <span class="ne" role="img" aria-label=label.clone() title=label>"≠"</span>" " }
}

/// One column per agreement, one row per term, each figure with its explanation.
fn columns_table(state: AppState, c: &Computed, order: &[usize], l: Lang) -> AnyView {
    let rows = &c.rows;
    let reference = c.reference_name(l);
    view! {
        {rows.iter().any(|r| r.draft).then(|| view! {
            <p class="draft-note">{l.t(
                "Utkast (markerade) har problem kvar att rätta: deras siffror visas men räknas inte med i stödkontrollen förrän de är rättade.",
                "Drafts (marked) have problems left to fix: their figures are shown but left out of the state-aid check until fixed.",
            )}</p>
        })}
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-heading">
            <table class="compare" aria-labelledby="compare-heading">
                <caption class="sr-only">{l.pick(
                    format!("Villkor per avtal; ≠ markerar värden som skiljer sig från {reference}."),
                    format!("Terms per agreement; ≠ marks values that differ from {reference}."),
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="term">{l.t("Villkor", "Term")}</th>
                        {order.iter().map(|&i| {
                            let id = rows[i].id.clone();
                            let data_id = id.clone();
                            let name = crate::format::name(&rows[i].name, l);
                            let is_whatif = Some(i) == c.whatif;
                            view! {
                                <th scope="col" data-id=data_id class:reference=Some(i) == c.reference class:whatif=is_whatif>
                                    <bdi>{name.clone()}</bdi>
                                    {rows[i].draft.then(|| view! { <span class="badge draft">{l.t("Utkast", "Draft")}</span> })}
                                    {(Some(i) == c.reference).then(|| view! { <span class="badge reference">{l.t("Jämförs mot", "Compared against")}</span> })}
                                    {is_whatif.then(|| view! { <span class="badge whatif">{l.t("Tänkt, inte sparad", "What-if, not kept")}</span> })}
                                    {(!is_whatif).then(|| view! {
                                        <button type="button" class="remove no-print" aria-label=l.pick(format!("Ta bort {name} ur jämförelsen"), format!("Remove {name} from the comparison"))
                                            on:click=move |_| state.selected.update(|s| s.retain(|x| *x != id))>"×"</button>
                                    })}
                                </th>
                            }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {c.table.iter().map(|t| {
                        view! {
                            <tr class:differs=t.differs_from_reference() data-term=t.key>
                                <th scope="row">{l.t(t.label_sv, t.label_en)}</th>
                                {order.iter().map(|&i| {
                                    let cell = &t.cells[i];
                                    let differs = cell.differs_from_reference();
                                    view! {
                                        <td class:unknown=cell.unknown class:num=cell.sort.is_some() class:differs=differs class:reference=Some(i) == c.reference>
                                            {differs.then(|| differs_mark(&reference, l))}
                                            {l.pick(cell.sv.clone(), cell.en.clone())}
                                            {cell.explanation.as_ref().map(|e| crate::views::detail::explain(e, l))}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                    <tr class="no-print" data-term="simulate">
                        <th scope="row">{l.t("Hävning vid avtalsbrott", "Termination for breach")}</th>
                        {order.iter().map(|&i| {
                            let id = rows[i].id.clone();
                            let name = crate::format::name(&rows[i].name, l);
                            if Some(i) == c.whatif { view! { <td></td> }.into_any() } else { view! {
                                <td><button type="button" class="simulate" aria-label=l.pick(format!("Simulera hävning: {name}"), format!("Simulate termination: {name}"))
                                    on:click=move |_| state.go(View::Termination(id.clone()))>{l.t("Simulera hävning", "Simulate termination")}</button></td>
                            }.into_any() }
                        }).collect_view()}
                    </tr>
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
    // Focus leads the window: the rows around the focused one are drawn at once, before the next
    // key, so Tab and Shift+Tab never run off the drawn rows (and out of the table) while the
    // scroll that follows the focus is still to come, as on a busy machine.
    let follow_focus = move |ev: leptos::ev::FocusEvent| {
        let place = event_target::<web_sys::Element>(&ev)
            .closest("tr[aria-rowindex]")
            .ok()
            .flatten()
            .and_then(|tr| tr.get_attribute("aria-rowindex"))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| i.checked_sub(2));
        if let Some(pos) = place {
            let (f, len) = (first.get_untracked(), window_len.get_untracked());
            let want = around(pos, f, len, n);
            if want != f {
                first.set(want);
            }
        }
    };
    // Once drawn (also when this view is redrawn over a region that is already scrolled, as when
    // another tab's changes arrive), fit the window to where the region is.
    Effect::new(move |_| {
        if wrap.get().is_some() {
            sync();
        }
    });
    let terms: Vec<(&'static str, &'static str, &'static str, bool)> =
        computed.with_untracked(|c| {
            c.table
                .iter()
                .map(|t| (t.key, t.label_sv, t.label_en, t.differs_from_reference()))
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
    // Rows are keyed by agreement and by what they show: scrolling moves rows rather than
    // rewriting them, so the focused row keeps focus and stays the same agreement; another tab's
    // edit draws only the changed rows anew, in place (the region keeps its scroll position).
    let drawn = move || {
        let (from, to) = range.get();
        // A range left from before a change of the list is cut to it, never out of bounds.
        let shown = order.with(|order| {
            order
                .get(from.min(order.len())..to.min(order.len()))
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        });
        computed.with(|c| {
            shown
                .into_iter()
                .map(|i| (i, c.shown_hash(i)))
                .collect::<Vec<_>>()
        })
    };
    let row = move |(i, _shown): (usize, u64)| {
        computed.with(|c| {
            let r = &c.rows[i];
            let id = r.id.clone();
            let reference = c.reference_name(l);
            let name = if Some(i) == c.whatif {
                view! { <th scope="row"><bdi>{crate::format::name(&r.name, l)}</bdi><span class="badge whatif">{l.t("Tänkt, inte sparad", "What-if, not kept")}</span></th> }.into_any()
            } else {
                view! {
                    <th scope="row"><button type="button" class="link" on:click=move |_| state.go(View::Detail(id.clone()))><bdi>{crate::format::name(&r.name, l)}</bdi></button>
                    {(Some(i) == c.reference).then(|| view! { <span class="badge reference">{l.t("Jämförs mot", "Compared against")}</span> })}</th>
                }.into_any()
            };
            view! {
                <tr aria-rowindex=move || place.with(|p| p.get(i).map_or(0, |x| x + 2)) data-id=r.id.clone()>
                    {name}
                    {c.table.iter().map(|t| {
                        let cell = &t.cells[i];
                        let differs = cell.differs_from_reference();
                        view! { <td class:unknown=cell.unknown class:num=cell.sort.is_some() class:differs=differs>{differs.then(|| differs_mark(&reference, l))}{l.pick(cell.sv.clone(), cell.en.clone())}</td> }
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
            format!("{n} avtal, ett per rad. ≠ markerar värden som skiljer sig från avtalet som jämförs mot. Öppna ett avtal för att se hur varje siffra räknas fram."),
            format!("{n} agreements, one per row. ≠ marks values that differ from the agreement compared against. Open an agreement to see how each figure is computed."),
        )}</p>
        <div class="table-wrap tall" node_ref=wrap tabindex="0" role="region" aria-labelledby="compare-heading" on:scroll=move |_| sync() on:focusin=follow_focus>
            <table class="compare national" aria-labelledby="compare-heading" aria-rowcount=n + 1>
                <caption class="sr-only">{l.t("Ett avtal per rad; ≠ markerar värden som skiljer sig från avtalet som jämförs mot.", "One agreement per row; ≠ marks values that differ from the agreement compared against.")}</caption>
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

/// The first row to draw so that `MARGIN` rows on both sides of row `pos` are drawn, given the
/// window `first..first + len` of `n` rows (moved as little as it can).
fn around(pos: usize, first: usize, len: usize, n: usize) -> usize {
    let mut f = first;
    if pos + MARGIN + 1 > f + len {
        f = (pos + MARGIN + 1).saturating_sub(len);
    }
    if pos < f + MARGIN {
        f = pos.saturating_sub(MARGIN);
    }
    f.min(n.saturating_sub(1))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_a_margin_around_the_focused_row() {
        // Tab onto the window's last row: the window moves down so the next rows are drawn.
        assert_eq!(around(39, 0, 40, 120), 10);
        // Inside the window with room on both sides: it stays.
        assert_eq!(around(20, 0, 40, 120), 0);
        // Shift+Tab onto the first drawn row: the window moves up.
        assert_eq!(around(30, 30, 40, 120), 20);
        assert_eq!(around(3, 5, 40, 120), 0);
        // Near the end it never starts past the last row.
        assert_eq!(around(119, 100, 40, 120), 100);
        for pos in 0..120 {
            for first in 0..120 {
                let f = around(pos, first, 40, 120);
                let (lo, hi) = (pos.saturating_sub(MARGIN), (pos + MARGIN).min(119));
                assert!(f <= lo && hi < f + 40, "rows {lo}..={hi} drawn from {f}");
            }
        }
    }
}
