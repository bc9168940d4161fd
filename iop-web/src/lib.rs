//! The IOP app in the browser: a thin shell over `iop-core`.
//!
//! Views render what `iop-core` computes; no rule of an agreement is computed here. State is one
//! [`state::AppState`] shared by context; storage lives in [`store`].

use leptos::prelude::*;

mod banners;
mod download;
mod format;
mod i18n;
mod state;
mod store;
mod views;

use i18n::Lang;
use state::{AppState, View};

/// The day of the build, set by the workspace's build tool (`xtask build`); a plain `cargo
/// build` (the component tests) has none.
const BUILD_DATE: &str = match option_env!("IOP_BUILD_DATE") {
    Some(date) => date,
    None => "–",
};

/// Starts the app: replaces the page's loading text with the mounted view.
// Component tests mount what they test, not the whole app.
#[cfg_attr(not(test), wasm_bindgen::prelude::wasm_bindgen(start))]
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(loading) = document().get_element_by_id("app") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let lang = state.lang;
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // Another tab saved: merge its version with ours.
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(store::SCENARIO_KEY) {
            state.receive();
        }
    });
    on_cleanup(move || handle.remove());
    // Store at once what waits for a pause in typing when the page is hidden or left.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    on_cleanup(move || hide.remove());
    let vis = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.save_now();
        }
    });
    on_cleanup(move || vis.remove());
    // A shared link carries a scenario in its fragment: offer to import it, never import unasked.
    check_shared_link(state);
    let hash_handle =
        window_event_listener(leptos::ev::hashchange, move |_| check_shared_link(state));
    on_cleanup(move || hash_handle.remove());

    view! {
        <a class="skip" href="#main">{move || lang.get().t("Hoppa till innehållet", "Skip to content")}</a>
        <header class="site-header">
            <div class="title-row">
                <h1>{move || lang.get().t("IOP – jämför idéburna offentliga partnerskap", "IOP – compare non-profit public partnerships")}</h1>
                <button
                    type="button"
                    class="lang"
                    lang=move || lang.get().t("en", "sv")
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Sv { Lang::En } else { Lang::Sv })
                >
                    {move || lang.get().t("English", "Svenska")}
                </button>
            </div>
            <Nav />
        </header>
        <banners::Banners />
        <main id="main" tabindex="-1" data-ready="true">
            {move || {
                use views::parts;
                match state.view.get() {
                    View::Browse => views::browse::Browse().into_any(),
                    View::Detail(id) => part(parts::detail(id)),
                    View::Compare => part(parts::compare()),
                    View::WhatIf(id) => part(parts::what_if(id)),
                    View::Calendar(id) => part(parts::calendar(id)),
                    View::Share => part(parts::share()),
                    View::ReadText => part(parts::read_text()),
                }
            }}
        </main>
        <p class="sr-only" role="status" aria-live="polite">{move || state.status.get()}</p>
        <footer class="site-footer">
            <banners::SaveStatus />
            <p>{move || lang.get().pick(
                format!("Allt räknas i webbläsaren; inget skickas någonstans. Folkmängd {} (SCB). Inbyggda avtal med källa för varje uppgift.", iop_core::POPULATION_DATE),
                format!("Everything is computed in the browser; nothing is sent anywhere. Population {} (SCB). Built-in agreements cite a source for every figure.", iop_core::POPULATION_DATE),
            )}</p>
            <p class="build">{move || lang.get().pick(
                format!("Version {}, byggd {BUILD_DATE}.", env!("CARGO_PKG_VERSION")),
                format!("Version {}, built {BUILD_DATE}.", env!("CARGO_PKG_VERSION")),
            )}</p>
        </footer>
    }
}

/// How long a part may take before the page says it could not be loaded: the loader sometimes
/// never reports a failed fetch (about 1 in 7 runs of the e2e test), and a blank page is worse
/// than a message. Ample for the largest part (56 KB brotli) on a slow mobile network.
const PART_PATIENCE_MS: i32 = 15_000;

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A view from a part of the module, shown once the part is loaded; if it cannot be (no
/// network before the first visit finished), the page says so and offers a reload. Not a retry
/// in the page: a second failed load of one part never completes (seen in the e2e test), while
/// a reload starts afresh, and the work is in local storage.
fn part(view: impl std::future::Future<Output = views::parts::Part> + 'static) -> AnyView {
    Suspend::new(send_wrapper::SendWrapper::new(async move {
        let view = std::pin::pin!(view);
        let patience = std::pin::pin!(sleep(PART_PATIENCE_MS));
        let loaded = match futures::future::select(view, patience).await {
            futures::future::Either::Left((loaded, _)) => loaded.ok(),
            futures::future::Either::Right(_) => None,
        };
        match loaded {
            Some(v) => v,
            None => {
                let state = expect_context::<AppState>();
                let lang = state.lang;
                view! {
                    <div class="banner error" role="alert">
                        <p>{move || lang.get().t(
                            "Den här delen av appen kunde inte laddas. Kontrollera nätverket och ladda om sidan; ditt arbete är sparat.",
                            "This part of the app could not be loaded. Check the network and reload the page; your work is saved.",
                        )}</p>
                        <button type="button" on:click=move |_| { let _ = window().location().reload(); }>
                            {move || lang.get().t("Ladda om sidan", "Reload the page")}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    }))
    .into_any()
}

#[component]
fn Nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let item = move |target: View, sv: &'static str, en: &'static str| {
        let t2 = target.clone();
        let current = move || {
            let v = state.view.get();
            std::mem::discriminant(&v) == std::mem::discriminant(&t2)
        };
        view! {
            <li>
                <button
                    type="button"
                    aria-current=move || if current() { "page" } else { "false" }
                    on:click=move |_| state.view.set(target.clone())
                >
                    {move || lang.get().t(sv, en)}
                </button>
            </li>
        }
    };
    view! {
        <nav aria-label=move || lang.get().t("Huvudmeny", "Main menu")>
            <ul>
                {item(View::Browse, "Avtal", "Agreements")}
                {item(View::Compare, "Jämför", "Compare")}
                {item(View::Share, "Spara och dela", "Keep and share")}
            </ul>
        </nav>
    }
}

/// Reads a scenario from the page's fragment (`#s=…`), holds it for the user's decision, and
/// clears the fragment so a reload does not offer it again.
fn check_shared_link(state: AppState) {
    let Ok(hash) = window().location().hash() else {
        return;
    };
    if !hash.starts_with("#s=") {
        return;
    }
    let report = iop_core::share::decode(&hash);
    state.pending_import.set(Some(state::PendingImport {
        file: state
            .lang
            .get_untracked()
            .t("delad länk", "shared link")
            .into(),
        scenario: report.scenario,
        problems: report.problems,
    }));
    state.view.set(View::Share);
    if let Ok(history) = window().history() {
        let path = window().location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
