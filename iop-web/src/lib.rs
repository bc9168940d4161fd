//! The IOP app in the browser: a thin shell over `iop-core`.
//!
//! Views render what `iop-core` computes; no rule of an agreement is computed here. State is one
//! [`state::AppState`] shared by context; storage lives in [`store`].

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_navigate, use_url};
use leptos_router::NavigateOptions;

mod address;
mod banners;
mod download;
mod focus;
mod format;
mod i18n;
mod state;
mod store;
mod views;

use i18n::Lang;
use state::{AppState, View};

/// The day of the build, as the build tool wrote it into the page (`xtask assemble`).
fn build_date() -> String {
    document()
        .query_selector("meta[name=\"iop-build\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|d| d != "BUILD-DATE")
        .unwrap_or_else(|| "–".into())
}

/// Starts the app: replaces the page's loading text with the mounted view. In the reader's
/// worker (`assets/reader.js`), which loads this module for [`read_text`], there is no page:
/// nothing is started.
// Native unit tests do not start the app.
#[cfg_attr(not(test), wasm_bindgen::prelude::wasm_bindgen(start))]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(page) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(loading) = page.get_element_by_id("app") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Reads an agreement's text (Läs in text), in the reader's worker (`assets/reader.js`): the
/// [`iop_core::extract::Extraction`] of `text` from the document `name` of `date` (`YYYY-MM-DD`,
/// or empty when unknown), as JSON. A text over [`iop_core::extract::MAX_TEXT_BYTES`], which the
/// page refuses before sending, gives an empty string.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn read_text(text: &str, name: &str, date: &str) -> String {
    if text.len() > iop_core::extract::MAX_TEXT_BYTES {
        return String::new();
    }
    let doc = iop_core::extract::Document {
        name: name.into(),
        date: iop_core::dates::parse_iso(date),
    };
    serde_json::to_string(&iop_core::extract::read(text, &doc)).unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    view! { <Router><Shell /></Router> }
}

/// The page inside the router: the view shown is the one the address names.
#[component]
fn Shell() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // A reading of a text goes on, and its result stays, while another view is shown.
    provide_context(views::readtext::Reading::new());
    routes(state);
    let lang = state.lang;
    // The catalogue is fetched when a view that shows agreements is first shown.
    Effect::new(move |_| {
        if matches!(
            state.view.get(),
            View::Browse
                | View::Detail(_)
                | View::Compare
                | View::Calendar(_)
                | View::Map
                | View::Termination(_)
        ) {
            state.ensure_catalogue();
        }
    });
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

    let built = build_date();
    view! {
        // Focus to the content without a history entry (rel="external": not the router's).
        <a class="skip" href="#main" rel="external" on:click=move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            focus::after_draw("#main");
        }>{move || lang.get().t("Hoppa till innehållet", "Skip to content")}</a>
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
            {move || match state.view.get() {
                View::Browse => views::browse::Browse().into_any(),
                View::Detail(id) => view! { <views::detail::Detail id=id /> }.into_any(),
                View::Compare => views::compare::Compare().into_any(),
                View::WhatIf(id) => view! { <views::whatif::WhatIf id=id /> }.into_any(),
                View::Calendar(id) => view! { <views::calendar::Calendar id=id /> }.into_any(),
                View::Share => views::share::Share().into_any(),
                View::ReadText => views::readtext::ReadText().into_any(),
                View::Map => views::map::Map().into_any(),
                View::Termination(id) => view! { <views::termination::TerminationPage id=id /> }.into_any(),
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
                format!("Version {}, byggd {built}.", env!("CARGO_PKG_VERSION")),
                format!("Version {}, built {built}.", env!("CARGO_PKG_VERSION")),
            )}</p>
        </footer>
    }
}

/// Keeps the view and the address in step: the address names the view (Back, Forward, a reload
/// and a pasted link all show it), and a change of view moves focus to the new view's heading.
fn routes(state: AppState) {
    let navigate = use_navigate();
    state.set_navigator(move |query: &str, replace: bool| {
        // The page's own path, so the app works from any directory of a static server.
        let loc = window().location();
        let path = loc.pathname().unwrap_or_else(|_| "/".into());
        let target = format!("{path}{query}");
        let here = format!("{path}{}", loc.search().unwrap_or_default());
        if target == here {
            return; // already there: no second history entry, no jump to the top
        }
        // The browser's history is written here, not by the router, whose own list of visited
        // addresses goes wrong after Forward (measured: a click then left the address behind);
        // the router is then told to show the address in place.
        if !replace {
            if let Ok(history) = window().history() {
                let _ =
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
            }
        }
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                scroll: !replace,
                ..Default::default()
            },
        );
    });
    let url = use_url();
    let follow = move |(view, picked): (View, Option<Vec<String>>), reference: Option<String>| {
        // An address that names no reference keeps the one chosen (like the picks).
        if reference.is_some() && state.reference.with_untracked(|r| *r != reference) {
            state.reference.set(reference);
        }
        if let Some(picked) = picked {
            if state.selected.with_untracked(|s| *s != picked) {
                state.selected.set(picked);
            }
        }
        if state.view.with_untracked(|v| *v != view) {
            state.view.set(view);
        }
    };
    // The first view is the address's, before anything is drawn; then each change of address.
    let read = |u: &leptos_router::location::Url| {
        let get = |key: &str| u.search_params().get(key);
        (address::view_of(get), address::reference_of(get))
    };
    let (first, reference) = url.with_untracked(read);
    follow(first, reference);
    Effect::new(move |_| {
        let (view, reference) = url.with(read);
        follow(view, reference)
    });
    // The comparison's address names what is compared and what it is compared against, also as
    // the picks or the reference change.
    Effect::new(move |_| {
        state.reference.track();
        let picked = state.selected.get();
        if state.view.get() == View::Compare {
            state.go_replace(View::Compare, &picked);
        }
    });
    // The page's title names the view (and the agreement shown).
    Effect::new(move |_| {
        let view = state.view.get();
        let l = state.lang.get();
        let name = match &view {
            View::Detail(id) | View::WhatIf(id) | View::Calendar(id) | View::Termination(id) => {
                untrack(|| state.agreement(id)).map(|a| format::name(&a.name, l))
            }
            _ => None,
        };
        let what = state::view_title(&view, l);
        document().set_title(&match name {
            Some(n) => format!("{n} – {what} – IOP"),
            None => format!("{what} – IOP"),
        });
    });
    // Focus goes to the new view's heading once it is drawn (not on the first view: a page
    // that opens puts focus where the browser puts it).
    Effect::new(move |before: Option<View>| {
        let view = state.view.get();
        if before.is_some_and(|b| b != view) {
            focus::after_draw("main h2");
        }
        view
    });
}

#[component]
fn Nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Links, not buttons: each opens in a new tab too; the router takes a plain click.
    let item = move |target: View, sv: &'static str, en: &'static str| {
        let t2 = target.clone();
        let t3 = target.clone();
        let current = move || {
            let v = state.view.get();
            std::mem::discriminant(&v) == std::mem::discriminant(&t2)
        };
        let href = move || {
            let path = window()
                .location()
                .pathname()
                .unwrap_or_else(|_| "/".into());
            let picked = state.selected.get();
            format!("{path}{}", address::query_of(&target, &picked))
        };
        // A plain click goes through the app's own navigation (rel="external" keeps the
        // router's link handling out); with a modifier key the browser opens a new tab.
        let go = move |ev: leptos::ev::MouseEvent| {
            if ev.button() == 0
                && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
            {
                ev.prevent_default();
                state.go(t3.clone());
            }
        };
        view! {
            <li>
                <a href=href rel="external" on:click=go aria-current=move || current().then_some("page")>
                    {move || lang.get().t(sv, en)}
                </a>
            </li>
        }
    };
    view! {
        <nav aria-label=move || lang.get().t("Huvudmeny", "Main menu")>
            <ul>
                {item(View::Browse, "Avtal", "Agreements")}
                {item(View::Compare, "Jämför", "Compare")}
                {item(View::Map, "Karta", "Map")}
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
    // The fragment is cleared: the address becomes the share view's.
    state.go_replace(View::Share, &[]);
}

#[cfg(test)]
mod tests {
    use iop_core::extract::Extraction;

    #[test]
    fn the_reader_answers_with_the_extraction_of_the_named_dated_document() {
        let json = super::read_text(
            "Kalmar kommun betalar 650 000 kr per år.",
            "avtal.txt",
            "2026-12-02",
        );
        let x: Extraction = serde_json::from_str(&json).expect("an Extraction");
        assert!(
            x.findings.iter().any(|f| f.quote == "650 000 kr per år"),
            "{json}"
        );
        assert_eq!(x.agreement.sources[0].title, "avtal.txt");
        assert_eq!(
            x.agreement.sources[0]
                .date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-12-02")
        );
        let undated: Extraction =
            serde_json::from_str(&super::read_text("Kalmar kommun.", "x", ""))
                .expect("an Extraction");
        assert_eq!(undated.agreement.sources[0].date, None);
        let big = " ".repeat(iop_core::extract::MAX_TEXT_BYTES + 1);
        assert_eq!(super::read_text(&big, "x", ""), "");
    }
}
