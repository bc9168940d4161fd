//! The nämnd's lead time, set where a decision date is shown: "Beslut senast" lies this long
//! before a period's end where the agreement states no notice period. The rule and the parsing
//! are the core's; this renders the field and keeps the value in the app's state.

use crate::state::AppState;
use iop_core::term::{lead_from_user, Duration, DEFAULT_LEAD, MAX_LEAD_MONTHS};
use leptos::prelude::*;

/// The field, with the default stated and a message beside it when the text is not a lead time.
#[component]
pub fn LeadTime() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let error = RwSignal::new(None::<iop_core::Explanation>);
    let months = |d: Duration| match d {
        Duration::Months(m) => m.to_string(),
        Duration::Days(d) => d.div_ceil(30).to_string(),
    };
    let default = months(DEFAULT_LEAD);
    view! {
        <div class="field lead-time no-print">
            <label for="lead-months">{move || lang.get().t("Nämndens ledtid (månader före periodens slut)", "The nämnd's lead time (months before the period's end)")}</label>
            <input id="lead-months" type="text" inputmode="numeric" size="4" autocomplete="off"
                aria-describedby="lead-hint lead-error"
                prop:value=move || months(state.lead.get())
                on:change=move |ev| match lead_from_user(&event_target_value(&ev)) {
                    Ok(d) => { error.set(None); state.lead.set(d); }
                    Err(e) => error.set(Some(e)),
                } />
            <p id="lead-hint" class="hint">{move || {
                let l = lang.get();
                let default = default.clone();
                l.pick(
                    format!("Förval {default} månader, högst {MAX_LEAD_MONTHS}. Gäller där avtalet inte anger någon uppsägningstid; \"Beslut senast\" och kalenderns påminnelse följer den."),
                    format!("Default {default} months, at most {MAX_LEAD_MONTHS}. Used where the agreement states no notice period; \"Decision due\" and the calendar's reminder follow it."),
                )
            }}</p>
            <p id="lead-error" class="field-error" role="alert">{move || error.get().map(|e| lang.get().pick(e.sv, e.en))}</p>
        </div>
    }
}
