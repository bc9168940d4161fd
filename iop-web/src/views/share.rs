//! Keep and share: export the work as a scenario file; import one by file picker or by
//! drag-and-drop, see its problems, and decide before anything of yours is replaced.

use crate::download;
use crate::state::{AppState, PendingImport};
use iop_core::scenario::{self, Severity};
use leptos::prelude::*;

/// Reads a dropped or picked file and holds it for the user's decision.
fn read_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    // "Too large" is answered from the length, before a byte is read.
    if let Some(problem) = scenario::too_large(file.size() as u64) {
        state.pending_import.set(Some(PendingImport {
            file: name,
            scenario: None,
            problems: vec![problem],
        }));
        return;
    }
    leptos::task::spawn_local(async move {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let bytes = match buffer {
            Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
            Err(_) => Vec::new(),
        };
        let report = scenario::read(&bytes);
        state.pending_import.set(Some(PendingImport {
            file: name,
            scenario: report.scenario,
            problems: report.problems,
        }));
    });
}

#[component]
pub fn Share() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let dragging = RwSignal::new(false);
    let link = RwSignal::new(None::<Result<String, String>>);
    // What the copy button did: `Some(true)` copied, `Some(false)` the browser refused.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |url: String| {
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url)).await;
            copied.set(Some(done.is_ok()));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            read_file(state, f);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            read_file(state, f);
        }
    };
    let decide = move |replace: bool| {
        let l = lang.get_untracked();
        if let Some(p) = state.pending_import.get_untracked() {
            if let Some(s) = p.scenario {
                if replace {
                    state.edit(|own| own.agreements.clear());
                }
                let n = state.add_imported(s);
                state.status.set(l.pick(
                    format!("{n} avtal importerade."),
                    format!("{n} agreements imported."),
                ));
            }
        }
        state.pending_import.set(None);
    };
    view! {
        <h2>{move || lang.get().t("Spara och dela", "Keep and share")}</h2>
        <crate::banners::SaveStatus />
        <p>{move || lang.get().t(
            "Exportera ditt arbete som en fil för att dela det eller flytta det till en annan dator.",
            "Export your work as a file to share it or move it to another computer.",
        )}</p>
        <p>
            <button type="button" class="primary" on:click=move |_| {
                let s = state.export_scenario();
                let _ = download::offer("iop-scenario.json", "application/json", &s.to_json());
            }>{move || lang.get().t("Exportera (.json)", "Export (.json)")}</button>
            " "
            <button type="button" on:click=move |_| {
                let at = state.at.get_untracked();
                let rows = state.rows.get_untracked();
                let csv = iop_core::export::comparison_csv(&rows, at);
                let _ = download::offer("iop-jamforelse.csv", "text/csv", &csv);
            }>{move || lang.get().t("Jämförelse som Excel-fil (.csv)", "Comparison for Excel (.csv)")}</button>
            " "
            <button type="button" on:click=move |_| {
                let at = state.at.get_untracked();
                let csv = iop_core::export::payments_csv(&state.all_agreements(), iop_core::window::Span::Around(at));
                let _ = download::offer("iop-betalningar.csv", "text/csv", &csv);
            }>{move || lang.get().t("Betalningar som Excel-fil (.csv)", "Payments for Excel (.csv)")}</button>
            " "
            <button type="button" on:click=move |_| {
                let l = lang.get_untracked();
                match iop_core::share::encode(&state.export_scenario()) {
                    Ok(fragment) => {
                        // The app's own address (the list), not this view's: the link opens the import.
                        let loc = window().location();
                        let base = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
                        link.set(Some(Ok(format!("{base}#{fragment}"))));
                        copied.set(None);
                    }
                    Err(e) => {
                        use iop_core::explain::Bilingual;
                        link.set(Some(Err(l.pick(e.sv(), e.en()))))
                    }
                }
            }>{move || lang.get().t("Dela som länk", "Share as a link")}</button>
        </p>
        {move || link.get().map(|r| match r {
            Ok(url) => view! {
                <div class="field">
                    <label for="share-link">{move || lang.get().t("Länk (scenariot finns i länken och skickas aldrig till någon server)", "Link (the scenario is in the link and never sent to a server)")}</label>
                    <input id="share-link" type="text" readonly=true prop:value=url.clone() />
                </div>
                <p>
                    <button type="button" on:click=move |_| copy(url.clone())>{move || lang.get().t("Kopiera länken", "Copy the link")}</button>
                    " "
                    <span id="share-copied" role="status">{move || copied.get().map(|ok| {
                        let l = lang.get();
                        if ok {
                            l.t("Länken är kopierad.", "The link is copied.")
                        } else {
                            l.t("Webbläsaren lät inte sidan kopiera: markera länken och kopiera den själv (Ctrl+C).", "The browser did not let the page copy: select the link and copy it yourself (Ctrl+C).")
                        }
                    })}</span>
                </p>
            }.into_any(),
            Err(msg) => view! { <p class="field-error" role="alert">{msg}</p> }.into_any(),
        })}
        <h3>{move || lang.get().t("Importera", "Import")}</h3>
        <div class="dropzone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for="import-file">{move || lang.get().t("Välj en scenariofil, eller släpp den här", "Choose a scenario file, or drop it here")}</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=on_pick />
        </div>
        {move || state.pending_import.get().map(|p| {
            let l = lang.get();
            let errors = p.problems.iter().filter(|x| x.severity == Severity::Error).count();
            let ok = p.scenario.is_some();
            let n = p.scenario.as_ref().map_or(0, |s| s.agreements.len());
            view! {
                <section class="import-result" role="alert" aria-labelledby="import-heading">
                    <h3 id="import-heading">{l.pick(format!("Fil: {}", p.file), format!("File: {}", p.file))}</h3>
                    {if ok {
                        view! {
                            <p>{l.pick(format!("Filen går att läsa: {n} avtal."), format!("The file can be read: {n} agreements."))}</p>
                            {p.scenario.as_ref().map(|s| arriving(state, s, l))}
                        }.into_any()
                    } else {
                        view! { <p><strong>{l.pick(format!("Filen kan inte importeras: {errors} fel. Ditt arbete är orört."), format!("The file cannot be imported: {errors} errors. Your work is untouched."))}</strong></p> }.into_any()
                    }}
                    {(!p.problems.is_empty()).then(|| view! {
                        <ul class="problems">
                            {p.problems.iter().map(|x| view! {
                                <li class:error=x.severity == Severity::Error>
                                    <code>{x.path.clone()}</code> ": " {l.pick(x.message_sv.clone(), x.message_en.clone())}
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    {if ok {
                        view! {
                            <p>
                                <button type="button" class="primary" on:click=move |_| decide(false)>{l.t("Lägg till bland mina avtal", "Add to my agreements")}</button>
                                " "
                                <button type="button" class="danger" on:click=move |_| decide(true)>{l.t("Ersätt mina avtal", "Replace my agreements")}</button>
                                " "
                                <button type="button" on:click=move |_| state.pending_import.set(None)>{l.t("Avbryt", "Cancel")}</button>
                            </p>
                        }.into_any()
                    } else {
                        view! { <p><button type="button" on:click=move |_| state.pending_import.set(None)>{l.t("Stäng", "Close")}</button></p> }.into_any()
                    }}
                </section>
            }
        })}
        <h3>{move || lang.get().t("Mina avtal", "My agreements")}</h3>
        <ul>
            {move || state.own.get().agreements.into_iter().map(|a| {
                let id = a.id.clone();
                view! { <li><button type="button" class="link" on:click=move |_| state.go(crate::state::View::WhatIf(id.clone()))><bdi>{crate::format::name(&a.name, lang.get_untracked())}</bdi></button></li> }
            }).collect_view()}
        </ul>
    }
}

/// The agreements an import holds, each with its kommun, organisation, period and yearly amount,
/// and what adding it would do (the core's rule): so the person sees what a link or file brings
/// before adding it.
fn arriving(
    state: AppState,
    s: &iop_core::scenario::Scenario,
    l: crate::i18n::Lang,
) -> impl IntoView {
    use iop_core::scenario::Arrival;
    let plan = state.import_preview(s);
    let rows = iop_core::compare::compare_with(
        &s.agreements,
        state.at.get_untracked(),
        state.lead.get_untracked(),
    );
    let items = s
        .agreements
        .iter()
        .zip(rows)
        .zip(plan)
        .map(|((a, r), arrival)| {
            let what = match arrival {
                Arrival::New => l.t("läggs till", "will be added").to_string(),
                Arrival::AlreadyThere => l
                    .t(
                        "finns redan, läggs inte till igen",
                        "already here, not added again",
                    )
                    .to_string(),
                Arrival::Renamed(id) => l.pick(
                    format!("id:t är upptaget, läggs till som {id}"),
                    format!("its id is taken, added as {id}"),
                ),
            };
            let period = l.pick(r.period().sv, r.period().en);
            let annual = crate::format::money(r.annual.value, l);
            let name = crate::format::name(&a.name, l);
            view! {
                <li>
                    <strong><bdi>{name}</bdi></strong>
                    {format!(" ({}, {}): {period}, ", r.municipality, r.organisation)}
                    {l.pick(format!("{annual} per år"), format!("{annual} per year"))}
                    " – " <em>{what}</em>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{l.t("Filen innehåller (om du lägger till):", "The file holds (if you add it):")}</p>
        <ul class="import-list">{items}</ul>
    }
}
