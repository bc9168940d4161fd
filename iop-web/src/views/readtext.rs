//! Läs in text: paste an agreement's text (or drop a `.txt` file), see each term the core reads
//! highlighted in the text beside the proposed terms, keep or reject each, and open the result in
//! the editor as a new agreement whose sources are the quotes. Nothing is stored until then.

use crate::state::{AppState, View};
use iop_core::extract::{extract, Extraction};
use leptos::prelude::*;

#[component]
pub fn ReadText() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = RwSignal::new(String::new());
    let result = RwSignal::new(None::<(String, Extraction)>);
    let keep = RwSignal::new(Vec::<bool>::new());
    let read = move || {
        let t = text.get_untracked();
        let x = extract(&t);
        keep.set(vec![true; x.findings.len()]);
        result.set(Some((t, x)));
        crate::focus::after_draw("#read-terms-heading");
    };
    // A chosen or dropped file is read as UTF-8 text (what is not UTF-8 becomes U+FFFD).
    let load = move |f: web_sys::File| {
        leptos::task::spawn_local(async move {
            if let Ok(b) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                let bytes = js_sys::Uint8Array::new(&b).to_vec();
                text.set(String::from_utf8_lossy(&bytes).into_owned());
                read();
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            load(f);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            ev.prevent_default();
            load(f);
        }
    };
    let open = move |_| {
        let Some((_, x)) = result.get_untracked() else {
            return;
        };
        let id = state.fresh_id("inlast");
        let a = keep.with_untracked(|k| x.accepted(&id, k));
        state.edit(|s| s.agreements.push(a));
        state.status.set(
            lang.get_untracked()
                .t(
                    "Avtalet är skapat av texten.",
                    "The agreement is made from the text.",
                )
                .into(),
        );
        state.go(View::WhatIf(id));
    };
    view! {
        <h2 id="read-heading">{move || lang.get().t("Läs in text", "Read a text")}</h2>
        <p class="lead">{move || lang.get().t(
            "Klistra in texten till ett avtal, ett beslut eller en nyhet. Varje villkor som går att läsa föreslås med meningen som anger det; inget sparas förrän du öppnar resultatet i redigeraren.",
            "Paste the text of an agreement, a decision or a news item. Each term that can be read is proposed with the sentence that states it; nothing is saved until you open the result in the editor.",
        )}</p>
        <div class="field">
            <label for="read-text">{move || lang.get().t("Avtalets text", "The agreement's text")}</label>
            <span class="note">{move || lang.get().t("Klistra in, eller släpp en textfil här.", "Paste, or drop a text file here.")}</span>
            <textarea id="read-text" rows="10" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop></textarea>
        </div>
        <div class="field">
            <label for="read-file">{move || lang.get().t("eller välj en textfil (.txt)", "or choose a text file (.txt)")}</label>
            <input id="read-file" type="file" accept=".txt,text/plain" on:change=on_file />
        </div>
        <p><button type="button" class="primary" on:click=move |_| read()>{move || lang.get().t("Läs texten", "Read the text")}</button></p>
        {move || {
            let l = lang.get();
            result.get().map(|(t, x)| {
                if x.is_empty() {
                    return view! { <p class="import-result" role="status">{l.t("Ingenting i texten kunde läsas som villkor i ett avtal.", "Nothing in the text could be read as a term of an agreement.")}</p> }.into_any();
                }
                // The text with each finding marked; a finding inside an earlier one is listed only.
                let mut marks: Vec<(usize, &iop_core::extract::Finding)> = x.findings.iter().enumerate().collect();
                marks.sort_by_key(|(_, f)| (f.start, std::cmp::Reverse(f.end)));
                let mut pieces = Vec::new();
                let mut at = 0;
                for (i, f) in marks {
                    if f.start < at {
                        continue;
                    }
                    pieces.push(view! { <span>{t.get(at..f.start).unwrap_or_default().to_string()}</span> }.into_any());
                    let term = l.pick(f.term().sv, f.term().en);
                    let kept = move || keep.with(|k| k.get(i).copied().unwrap_or(true));
                    pieces.push(view! { <mark data-finding=i.to_string() title=term class:rejected=move || !kept()>{f.quote.clone()}</mark> }.into_any());
                    at = f.end;
                }
                pieces.push(view! { <span>{t.get(at..).unwrap_or_default().to_string()}</span> }.into_any());
                let proposals = x.findings.iter().enumerate().map(|(i, f)| {
                    let id = format!("keep-{i}");
                    let term = l.pick(f.term().sv, f.term().en);
                    view! {
                        <li class="proposal">
                            <input type="checkbox" id=id.clone() prop:checked=move || keep.with(|k| k.get(i).copied().unwrap_or(true))
                                on:change=move |ev| { let on = event_target_checked(&ev); keep.update(|k| if let Some(x) = k.get_mut(i) { *x = on }); } />
                            <label for=id><strong>{term}</strong>": " {f.shown()}</label>
                            <span class="quote">"«" {f.quote.clone()} "»"</span>
                        </li>
                    }
                }).collect_view();
                let conflicts = x.conflicts.iter().map(|c| {
                    let term = c.findings.first().map(|f| l.pick(f.term().sv, f.term().en)).unwrap_or_default();
                    let said: Vec<String> = c.findings.iter().map(|f| format!("«{}»", f.quote)).collect();
                    view! { <li class="conflict">{l.pick(format!("{term}: texten säger olika ({}); lämnas okänt.", said.join(" och ")), format!("{term}: the text disagrees ({}); left unknown.", said.join(" and ")))}</li> }
                }).collect_view();
                view! {
                    <div class="read-result">
                        <section aria-labelledby="read-text-heading">
                            <h3 id="read-text-heading">{l.t("Texten", "The text")}</h3>
                            <div class="read-source" tabindex="0" role="region" aria-labelledby="read-text-heading">{pieces}</div>
                        </section>
                        <section aria-labelledby="read-terms-heading">
                            <h3 id="read-terms-heading">{l.pick(format!("Föreslagna villkor ({})", x.findings.len()), format!("Proposed terms ({})", x.findings.len()))}</h3>
                            <p>{l.t("Bocka ur det som inte stämmer; rätta resten i redigeraren.", "Untick what is wrong; correct the rest in the editor.")}</p>
                            <ul class="proposals">{proposals}</ul>
                            {(!x.conflicts.is_empty()).then(|| view! { <h4>{l.t("Motstridiga uppgifter", "Statements that disagree")}</h4><ul>{conflicts}</ul> })}
                            <p><button type="button" class="primary" on:click=open>{l.t("Öppna i redigeraren som nytt avtal", "Open in the editor as a new agreement")}</button></p>
                        </section>
                    </div>
                }
                .into_any()
            })
        }}
    }
}
