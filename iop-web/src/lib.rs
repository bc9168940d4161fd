//! The IOP app in the browser: a thin shell over `iop-core`.
//!
//! Views render what `iop-core` computes; no rule of an agreement is computed here.

use iop_core::compare::{compare, ComparisonRow};
use iop_core::{presets, Known};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

mod format;

use format::{known_date, known_money, period};

/// Starts the app: replaces the page's loading text with the mounted view.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(loading) = document().get_element_by_id("app") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Today's date from the browser's clock (the core never reads a clock).
fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    let at = today();
    let rows = compare(&presets::all(), at);
    view! {
        <header class="site-header">
            <h1>"IOP – jämför idéburna offentliga partnerskap"</h1>
            <p class="lead">"Inbyggda avtal från källdokumenten, per " {known_date(Known::Known(at))} "."</p>
        </header>
        <main id="main" data-ready="true">
            <h2 id="agreements-heading">"Avtal"</h2>
            <AgreementTable rows=rows />
            <p class="note">"Kr per invånare: folkmängd 2024-12-31 (SCB)."</p>
        </main>
    }
}

#[component]
fn AgreementTable(rows: Vec<ComparisonRow>) -> impl IntoView {
    view! {
        <table class="agreements" aria-labelledby="agreements-heading">
            <thead>
                <tr>
                    <th scope="col">"Kommun"</th>
                    <th scope="col">"Organisation"</th>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="num">"Belopp per år"</th>
                    <th scope="col" class="num">"Kr per invånare"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr data-id=r.id.clone()>
                                <th scope="row">{r.municipality.clone()}</th>
                                <td>{r.organisation.clone()}</td>
                                <td>{period(r.start, r.end)}</td>
                                <td class="num amount">{known_money(r.annual.value)}</td>
                                <td class="num">{format::known_per_inhabitant(r.per_inhabitant.value)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
