//! Excel and Word downloads: the compared agreements as `.xlsx` and `.docx`, and the draft
//! agreement as `.docx`. The writers are a module of their own (iop-office-web), loaded by
//! their worker (`assets/office.js`) only when such a file is asked for, so the app's first
//! load does not carry them; the page says so while it loads, and says why when it fails.

use crate::i18n::Lang;
use crate::state::AppState;
use crate::views::readtext::ask_worker;
use iop_core::Agreement;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The longest a file is written before its worker is ended.
const OFFICE_SECONDS: i32 = 60;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// One kind of file the writers make.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    ComparisonXlsx,
    ComparisonDocx,
    DraftDocx,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::ComparisonXlsx => "comparison_xlsx",
            Kind::ComparisonDocx => "comparison_docx",
            Kind::DraftDocx => "draft_docx",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Kind::ComparisonXlsx => XLSX_MIME,
            _ => DOCX_MIME,
        }
    }

    /// "Excel-filen" / "the Excel file".
    fn file(self, l: Lang) -> &'static str {
        match self {
            Kind::ComparisonXlsx => l.t("Excel-filen", "the Excel file"),
            _ => l.t("Word-filen", "the Word file"),
        }
    }
}

/// What the status line says.
#[derive(Clone, PartialEq)]
enum Said {
    Working(Kind),
    Done(Kind),
    Failed(Kind, String, String),
}

fn said(s: &Said, l: Lang) -> String {
    match s {
        Said::Working(k) => l.pick(
            format!(
                "Laddar modulen för Excel och Word och skriver {} …",
                k.file(Lang::Sv)
            ),
            format!(
                "Loading the Excel and Word module and writing {} …",
                k.file(Lang::En)
            ),
        ),
        Said::Done(k) => l.pick(
            format!("Klart: {} är nedladdad.", k.file(Lang::Sv)),
            format!("Done: {} is downloaded.", k.file(Lang::En)),
        ),
        Said::Failed(k, sv, en) => l.pick(
            format!("{} kunde inte skapas. {sv}", capitalised(k.file(Lang::Sv))),
            format!("{} could not be made. {en}", capitalised(k.file(Lang::En))),
        ),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The file's bytes from a new worker of the writers, or why not (in Swedish and English).
async fn write(
    kind: Kind,
    at: chrono::NaiveDate,
    agreements: &[Agreement],
) -> Result<js_sys::ArrayBuffer, (String, String)> {
    let stopped = || {
        (
            "Modulen kunde inte laddas eller stannade. Försök igen.".to_string(),
            "The module could not be loaded or stopped. Try again.".to_string(),
        )
    };
    let agreements = serde_json::to_value(agreements).map_err(|_| stopped())?;
    let request = serde_json::json!({
        "kind": kind.key(),
        "at": at.to_string(),
        "agreements": agreements,
    })
    .to_string();
    let data = ask_worker(
        "iop-office",
        "request",
        &request.into(),
        false,
        OFFICE_SECONDS,
    )
    .await
    .ok_or_else(stopped)?;
    let field = |k: &str| {
        js_sys::Reflect::get(&data, &k.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    if let Some(bytes) = field("bytes") {
        return bytes
            .dyn_into::<js_sys::ArrayBuffer>()
            .map_err(|_| stopped());
    }
    let refused = field("refused")
        .and_then(|r| r.as_string())
        .and_then(|r| serde_json::from_str::<serde_json::Value>(&r).ok())
        .ok_or_else(stopped)?;
    let say = |k: &str| {
        refused
            .get(k)
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_string()
    };
    Err((say("sv"), say("en")))
}

/// Asks the writers for `kind` of `agreements` and offers it as `name`, saying how it goes.
fn export(
    status: RwSignal<Option<Said>>,
    at: chrono::NaiveDate,
    kind: Kind,
    name: String,
    agreements: Vec<Agreement>,
) {
    if matches!(status.get_untracked(), Some(Said::Working(_))) {
        return;
    }
    status.set(Some(Said::Working(kind)));
    leptos::task::spawn_local(async move {
        let done = match write(kind, at, &agreements).await {
            Ok(buffer) => match crate::download::offer_bytes(&name, kind.mime(), &buffer) {
                Ok(()) => Said::Done(kind),
                Err(e) => Said::Failed(kind, e.clone(), e),
            },
            Err((sv, en)) => Said::Failed(kind, sv, en),
        };
        status.set(Some(done));
    });
}

/// The status beside the buttons, read out as it changes (it may stand inside a paragraph).
fn status_line(status: RwSignal<Option<Said>>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <span role="status" class=move || match status.get() { Some(Said::Failed(..)) => "office-status error", _ => "office-status" }>
            {move || status.get().map(|s| said(&s, lang.get()))}
        </span>
    }
}

/// "Excel (.xlsx)" and "Word (.docx)" of the agreements being compared (only those), for the
/// compare view.
#[component]
pub fn ComparisonExports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let status = RwSignal::new(None::<Said>);
    let compared = move || {
        let sel: std::collections::HashSet<String> =
            state.selected.get_untracked().into_iter().collect();
        state.with_agreements(|all| {
            all.filter(|a| sel.contains(&a.id))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let busy = move || matches!(status.get(), Some(Said::Working(_)));
    view! {
        <div class="office-exports no-print">
            <p>
                <button type="button" disabled=busy on:click=move |_| export(status, state.at.get_untracked(), Kind::ComparisonXlsx, "iop-jamforelse.xlsx".into(), compared())>"Excel (.xlsx)"</button>
                " "
                <button type="button" disabled=busy on:click=move |_| export(status, state.at.get_untracked(), Kind::ComparisonDocx, "iop-jamforelse.docx".into(), compared())>"Word (.docx)"</button>
            </p>
            {status_line(status, lang)}
        </div>
    }
}

/// "Word (.docx)" of the draft agreement, for the agreement's view.
#[component]
pub fn DraftExport(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let status = RwSignal::new(None::<Said>);
    let id = StoredValue::new(id);
    let busy = move || matches!(status.get(), Some(Said::Working(_)));
    view! {
        <button type="button" disabled=busy on:click=move |_| {
            if let Some(a) = state.agreement(&id.get_value()) {
                export(status, state.at.get_untracked(), Kind::DraftDocx, format!("utkast-{}.docx", a.id), vec![a]);
            }
        }>{move || lang.get().t("Utkast (Word, .docx)", "Draft (Word, .docx)")}</button>
        {status_line(status, lang)}
    }
}
