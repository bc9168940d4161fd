//! The comparison's what-if in percent: "+20 %" on one compared agreement shows a column (a row
//! in a turned table) beside the others at once, computed by `iop_core::whatif::change_by_percent`.
//! Nothing is created or stored until "Spara som variant": clearing the field or leaving the
//! page leaves nothing behind.

use crate::state::AppState;
use iop_core::explain::Bilingual;
use iop_core::whatif::{change_by_percent, parse_percent, PercentError};
use iop_core::Agreement;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The id of the what-if column: never stored, never an agreement of the list.
pub const WHATIF_ID: &str = "(tänkt procent)";

/// What the user has typed: which agreement (empty: the one compared against) and the change.
#[derive(Clone, Copy)]
pub struct PercentWhatIf {
    /// The agreement changed; empty follows the comparison's reference.
    pub base: RwSignal<String>,
    /// The change as typed (`+20`, `12,5`).
    pub text: RwSignal<String>,
}

impl PercentWhatIf {
    pub fn new() -> PercentWhatIf {
        PercentWhatIf {
            base: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
        }
    }

    /// The change read from the field: `None` while it is empty.
    pub fn percent(self) -> Option<Result<Decimal, PercentError>> {
        let text = self.text.get();
        (!text.trim().is_empty()).then(|| parse_percent(&text))
    }

    /// The id of the agreement changed: the one chosen, else `reference`.
    pub fn base_id(self, reference: Option<&str>) -> Option<String> {
        let b = self.base.get();
        if b.is_empty() {
            reference.map(str::to_string)
        } else {
            Some(b)
        }
    }

    /// The what-if agreement (id [`WHATIF_ID`]) among `agreements`, when the field holds a
    /// change that can be made.
    pub fn variant(self, agreements: &[Agreement], reference: Option<&str>) -> Option<Agreement> {
        let p = self.percent()?.ok()?;
        let id = self.base_id(reference)?;
        let base = agreements.iter().find(|a| a.id == id)?;
        change_by_percent(base, p, WHATIF_ID).ok()
    }
}

/// The form: which agreement, the change in percent, what it gives, and "Spara som variant".
/// `choices`: the compared agreements (id, name); `reference`: the id compared against;
/// `summary`: what the what-if column shows, in words.
#[component]
pub fn PercentControls(
    whatif: PercentWhatIf,
    choices: Vec<(String, String)>,
    reference: Signal<Option<String>>,
    summary: Signal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let error = move || {
        let l = lang.get();
        match whatif.percent() {
            Some(Err(e)) => Some(l.pick(e.sv(), e.en())),
            _ => None,
        }
    };
    let save = move |_| {
        let l = lang.get_untracked();
        let Some(Ok(p)) = untrack(|| whatif.percent()) else {
            return;
        };
        let Some(base_id) = untrack(|| whatif.base_id(reference.get().as_deref())) else {
            return;
        };
        let Some(base) = state.agreement(&base_id) else {
            return;
        };
        match change_by_percent(&base, p, &state.fresh_id("variant")) {
            Ok(v) => {
                let (id, name) = (v.id.clone(), v.name.clone());
                state.edit(|s| s.agreements.push(v));
                state.selected.update(|s| s.push(id));
                whatif.text.set(String::new());
                state.status.set(l.pick(
                    format!("Sparat som variant: {name}"),
                    format!("Kept as a variant: {name}"),
                ));
            }
            Err(e) => state.status.set(l.pick(e.sv(), e.en())),
        }
    };
    let resolved = move || untrack(|| whatif.base_id(reference.get().as_deref()));
    view! {
        <fieldset class="percent no-print">
            <legend>{move || lang.get().t("Tänk om: ändra ett belopp i procent", "What if: change an amount by a percentage")}</legend>
            <div class="field">
                <label for="pct-base">{move || lang.get().t("Avtal", "Agreement")}</label>
                <select id="pct-base" on:change=move |ev| whatif.base.set(event_target_value(&ev))>
                    {choices.into_iter().map(|(id, name)| {
                        let selected = resolved().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="pct">{move || lang.get().t("Ändring av beloppet i procent", "Change of the amount in percent")}</label>
                <input id="pct" type="text" inputmode="decimal" placeholder="+20" autocomplete="off"
                    prop:value=move || whatif.text.get()
                    aria-describedby=move || if error().is_some() { "pct-error pct-hint" } else { "pct-hint" }
                    on:input=move |ev| whatif.text.set(event_target_value(&ev)) />
                <span class="hint" id="pct-hint">{move || lang.get().t(
                    "Till exempel +20 eller −12,5. Visas som en tänkt kolumn; inget avtal skapas förrän du sparar.",
                    "For example +20 or -12.5. Shown as a what-if column; no agreement is made until you keep it.",
                )}</span>
            </div>
            {move || error().map(|e| view! { <p class="field-error" id="pct-error" role="alert">{e}</p> })}
            <p class="percent-result" aria-live="polite">{move || summary.get()}</p>
            {move || summary.get().is_some().then(|| view! {
                <button type="button" class="primary" on:click=save>{move || lang.get().t("Spara som variant", "Keep as a variant")}</button>
                " "
                <button type="button" on:click=move |_| whatif.text.set(String::new())>{move || lang.get().t("Rensa", "Clear")}</button>
            })}
        </fieldset>
    }
}
