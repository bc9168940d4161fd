//! Banners for what the user must know: stored data that could not be read (and where it is
//! kept), a save that failed; and the save status, which never claims a save that did not
//! happen.

use crate::download;
use crate::state::{AppState, Unreadable};
use crate::store;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let unreadable = move || {
        state.unreadable.get().map(|Unreadable { raw, why_sv, why_en, key }| {
            let raw2 = raw.clone();
            let kept = key.is_some();
            view! {
                <div class="banner warning" role="alert">
                    <p>
                        <strong>{move || lang.get().t("Sparade data kunde inte läsas.", "Saved data could not be read.")}</strong>
                        " "
                        {move || lang.get().pick(why_sv.clone(), why_en.clone())}
                    </p>
                    <p>{move || if kept {
                        lang.get().t(
                            "Datan finns kvar oförändrad i webbläsaren som säkerhetskopia; ditt nya arbete sparas för sig.",
                            "The data is kept unchanged in the browser as a backup; your new work is saved apart from it.",
                        )
                    } else {
                        lang.get().t(
                            "Någon säkerhetskopia fick inte plats, så inget skrivs över datan och ditt nya arbete sparas inte. Ladda ner datan och exportera ditt arbete.",
                            "No backup could be kept, so nothing is written over the data and your new work is not saved. Download the data and export your work.",
                        )
                    }}</p>
                    <button type="button" on:click=move |_| { let _ = download::offer("iop-olasbar-data.json", "application/json", &raw2); }>
                        {move || lang.get().t("Ladda ner oläsbar data", "Download unreadable data")}
                    </button>
                    " "
                    <button type="button" on:click=move |_| {
                        if let Some(k) = &key {
                            store::drop_backup(k);
                        }
                        state.unreadable.set(crate::state::earlier_backup());
                        state.own.update(|s| s.modified = crate::state::now());
                        state.status.set(lang.get_untracked().t("Den oläsbara datan är borttagen.", "The unreadable data is removed.").into());
                    }>
                        {move || lang.get().t("Kasta den oläsbara datan", "Discard the unreadable data")}
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
                        <strong>{move || lang.get().t("Ditt arbete kunde inte sparas i webbläsaren:", "Your work could not be saved in the browser:")}</strong>
                        " "
                        {move || e.text(lang.get())}
                        ". "
                        {move || lang.get().t(
                            "Det finns kvar på sidan. Exportera det till en fil för att inte förlora det; nästa lyckade sparning sparar allt.",
                            "It is still on the page. Export it to a file so as not to lose it; the next successful save stores everything.",
                        )}
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

/// Where the work stands: saved, being saved, or not saved and why. Shown on every view.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        let paused = state
            .unreadable
            .with(|u| u.as_ref().is_some_and(|u| u.key.is_none()));
        if let Some(e) = state.save_error.get() {
            l.pick(
                format!("Inte sparat: {}. Exportera ditt arbete.", e.text(l)),
                format!("Not saved: {}. Export your work.", e.text(l)),
            )
        } else if paused {
            l.t(
                "Inte sparat: oläsbar data i webbläsaren kunde inte säkerhetskopieras. Exportera ditt arbete.",
                "Not saved: unreadable data in the browser could not be backed up. Export your work.",
            )
            .into()
        } else if state.save_pending.get() {
            l.t("Sparar …", "Saving …").into()
        } else {
            l.t(
                "Ditt arbete är sparat i den här webbläsaren.",
                "Your work is saved in this browser.",
            )
            .into()
        }
    };
    let failed = move || {
        state.save_error.with(Option::is_some)
            || state
                .unreadable
                .with(|u| u.as_ref().is_some_and(|u| u.key.is_none()))
    };
    view! { <p class="save-status" class:failed=failed>{text}</p> }
}
