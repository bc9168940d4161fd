//! Banners for what the user must know: storage that could not be read, a save that failed.

use crate::download;
use crate::state::AppState;
use crate::store;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let unreadable = move || {
        state.unreadable.get().map(|crate::state::Unreadable { raw, why_sv, why_en }| {
            let raw2 = raw.clone();
            view! {
                <div class="banner warning" role="alert">
                    <p>
                        <strong>{move || lang.get().t("Sparade data kunde inte läsas.", "Saved data could not be read.")}</strong>
                        " "
                        {move || lang.get().pick(why_sv.clone(), why_en.clone())}
                    </p>
                    <p>{move || lang.get().t(
                        "Inget skrivs över förrän du bestämmer dig. Datan finns kvar i webbläsaren som säkerhetskopia.",
                        "Nothing is overwritten until you decide. The data is kept in the browser as a backup.",
                    )}</p>
                    <button type="button" on:click=move |_| { let _ = download::offer("iop-olasbar-data.json", "application/json", &raw2); }>
                        {move || lang.get().t("Ladda ner oläsbar data", "Download unreadable data")}
                    </button>
                    " "
                    <button type="button" on:click=move |_| {
                        state.unreadable.set(None);
                        store::drop_backup();
                        state.own.update(|s| s.modified = crate::state::now());
                        state.status.set(lang.get_untracked().t("Börjar om med tomt arbete.", "Starting afresh.").into());
                    }>
                        {move || lang.get().t("Kasta och börja om", "Discard and start afresh")}
                    </button>
                </div>
            }
        })
    };
    let save_failed = move || {
        state.save_error.get().map(|e| {
            view! {
                <div class="banner error" role="alert">
                    <p>
                        <strong>{move || lang.get().t("Ditt arbete kunde inte sparas i webbläsaren.", "Your work could not be saved in the browser.")}</strong>
                        " "
                        {move || lang.get().t(
                            "Det finns kvar på sidan. Exportera det till en fil för att inte förlora det; nästa lyckade sparning sparar allt.",
                            "It is still on the page. Export it to a file so as not to lose it; the next successful save stores everything.",
                        )}
                        " (" {e.clone()} ")"
                    </p>
                    <button type="button" on:click=move |_| {
                        let s = state.export_scenario();
                        let _ = download::offer("iop-scenario.json", "application/json", &s.to_json());
                    }>
                        {move || lang.get().t("Exportera nu", "Export now")}
                    </button>
                </div>
            }
        })
    };
    view! { {unreadable} {save_failed} }
}
