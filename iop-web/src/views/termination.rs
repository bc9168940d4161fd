//! A simulated termination for breach (*hävning*): who broke the agreement, when the written
//! notice came, and what follows (computed by `iop_core::breach::terminate`). Its own view,
//! reached from an agreement's page and from the comparison, for any agreement (nothing is
//! changed); the editor shows the same simulation under the form.

use crate::format;
use crate::state::{AppState, View};
use iop_core::breach::terminate;
use iop_core::explain::Bilingual;
use iop_core::parties::Side;
use leptos::prelude::*;

/// The view: the agreement's name, the simulation, and the way back to the agreement.
#[component]
pub fn TerminationPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    move || {
        let l = lang.get();
        let Some(a) = state.agreement(&id.get_value()) else {
            if matches!(
                state.catalogue.get(),
                crate::state::Catalogue::Loading | crate::state::Catalogue::NotAsked
            ) {
                return view! { <p class="loading">{l.t("Läser katalogen …", "Reading the catalogue …")}</p> }.into_any();
            }
            return view! {
                <h2>{l.t("Simulera hävning", "Simulate termination")}</h2>
                <p>{l.t("Avtalet finns inte längre.", "The agreement no longer exists.")}</p>
            }
            .into_any();
        };
        let name = format::name(&a.name, l);
        view! {
            <h2><bdi>{l.pick(format!("Simulera hävning: {name}"), format!("Simulate termination: {name}"))}</bdi></h2>
            <p class="lead">{l.t(
                "Vad händer om ena parten bryter avtalet och inte rättar sig efter ett skriftligt påpekande? Inget ändras i avtalet.",
                "What follows if one party breaks the agreement and does not remedy it after written notice? Nothing in the agreement changes.",
            )}</p>
            <TerminationSimulation id=id.get_value() heading=false />
            <p class="no-print">
                <button type="button" on:click=move |_| state.go(View::Detail(id.get_value()))>{l.t("Till avtalet", "To the agreement")}</button>
            </p>
        }
        .into_any()
    }
}

/// The simulation: the date of the written notice and who broke the agreement; the outcome as
/// the core computes it. `heading`: whether it has its own heading (under the editor) or not
/// (its own view, whose heading says it).
#[component]
pub fn TerminationSimulation(id: String, #[prop(default = true)] heading: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let notice = RwSignal::new(String::new());
    // Who broke the agreement; the notice comes from the other side.
    let breaker = RwSignal::new(Side::Organisation);
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
        Some(match terminate(&a, date, breaker.get().other()) {
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
    let choice = move |side: Side, sv: &'static str, en: &'static str| {
        view! {
            <label>
                <input type="radio" name="t-breach" value=match side { Side::Organisation => "organisation", Side::Public => "public" }
                    checked=move || breaker.get() == side on:change=move |_| breaker.set(side) />
                {move || lang.get().t(sv, en)}
            </label>
        }
    };
    view! {
        <section aria-labelledby="term-sim">
            {if heading {
                view! { <h3 id="term-sim">{move || lang.get().t("Simulera hävning", "Simulate termination")}</h3> }.into_any()
            } else {
                view! { <h3 id="term-sim" class="sr-only">{move || lang.get().t("Simulering", "Simulation")}</h3> }.into_any()
            }}
            <div class="field">
                <label for="t-notice">{move || lang.get().t("Skriftligt påpekande från den andra parten den (ÅÅÅÅ-MM-DD)", "Written notice from the other party on (YYYY-MM-DD)")}</label>
                <input id="t-notice" type="text" inputmode="numeric" on:input=move |ev| notice.set(event_target_value(&ev)) />
            </div>
            <fieldset>
                <legend>{move || lang.get().t("Vem bröt avtalet?", "Who broke the agreement?")}</legend>
                {choice(Side::Organisation, " Organisationen", " The organisation")}
                {choice(Side::Public, " Kommunen", " The kommun")}
            </fieldset>
            <div aria-live="polite">{outcome}</div>
        </section>
    }
}
