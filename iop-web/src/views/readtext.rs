//! Läs in text: paste an agreement's text (or drop or choose a PDF, Word, OpenDocument or text
//! file: its text is read by the file reader's own worker, `assets/files.js`, loaded only
//! then, ended after [`FILE_SECONDS`] or on a trap), see each term the core reads
//! highlighted in the text beside the proposed terms, keep or reject each, and open the result in
//! the editor as a new agreement whose sources are the quotes. Nothing is stored until then.
//!
//! The text is read off the page's thread, in a module worker (`assets/reader.js`) that loads
//! this same module and calls [`crate::read_text`]: a long text never stops the page. The
//! [`Reading`] belongs to the app, not to the view, so it goes on, and its result stays, while
//! another view is shown. A text over [`MAX_TEXT_BYTES`] (what `iop` takes) is refused by its
//! size before it is read.

use crate::state::{AppState, View};
use iop_core::extract::{Extraction, MAX_TEXT_BYTES};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// Up to this size the marked text is shown whole; above it, the words around each mark (a text
/// of megabytes in the page would take seconds to draw and could not be read anyway).
const WHOLE_TEXT_BYTES: usize = 100_000;
/// In a text shown in part, about this many bytes on each side of a mark.
const AROUND_BYTES: usize = 300;
/// A longer text is not put in the text field by the page (from a file, or again when the view
/// opens): Chromium takes about 0.4 s per MB to draw a text field (measured: 0.4 s for 1 MB, 6 s
/// for 20 MB), and the page stops meanwhile. A pasted text is where the user put it.
const FIELD_BYTES: usize = 1_000_000;

/// The longest a file's text is read before its worker is ended (a hostile file, a machine
/// far too slow): the page says so.
const FILE_SECONDS: i32 = 60;

/// Why a text was not read.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    /// Over [`MAX_TEXT_BYTES`].
    TooLarge,
    /// The worker could not be started, stopped, or gave no answer that could be read.
    Failed,
    /// The file reader said why (a scan without text, a damaged file, a format it does not
    /// read), in Swedish and English.
    File(String, String),
    /// The file reader stopped (a trap) or took longer than [`FILE_SECONDS`].
    FileStopped,
}

/// A text read: the text and what was read from it.
struct Done {
    text: Arc<str>,
    x: Extraction,
}

/// The reading of a text, kept by the app (see the module).
#[derive(Clone, Copy)]
pub struct Reading {
    /// What the text field shows when it is drawn: the text of a file, or the last text read.
    /// Typing does not change it (a text of megabytes is not copied at every key).
    field: RwSignal<Arc<str>>,
    /// The name of the file the text came from, until the text is changed.
    file: StoredValue<Option<String>>,
    /// The name and size of the text read when it is too long for the field (see
    /// [`FIELD_BYTES`]).
    apart: RwSignal<Option<(String, usize)>>,
    /// The text's date, as the date field gives it (`YYYY-MM-DD`, or empty).
    date: RwSignal<String>,
    /// Whether a text is being read.
    busy: RwSignal<bool>,
    problem: RwSignal<Option<Problem>>,
    done: RwSignal<Option<Arc<Done>>>,
    /// Which findings are kept (`keep[i]` for `findings[i]`).
    keep: RwSignal<Vec<bool>>,
    /// The worker reading now, if any.
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
    /// The number of the latest reading: an answer to an earlier one is dropped.
    count: StoredValue<u64>,
    /// The byte range of each page of the text, when it came from a PDF (page 1 first).
    pages: RwSignal<Vec<(usize, usize)>>,
    /// Whether a file's text is being taken out of it.
    opening: RwSignal<bool>,
}

impl Default for Reading {
    fn default() -> Self {
        Self::new()
    }
}

impl Reading {
    pub fn new() -> Self {
        Reading {
            field: RwSignal::new(Arc::from("")),
            file: StoredValue::new(None),
            apart: RwSignal::new(None),
            date: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
            problem: RwSignal::new(None),
            done: RwSignal::new(None),
            keep: RwSignal::new(Vec::new()),
            worker: StoredValue::new_local(None),
            count: StoredValue::new(0),
            pages: RwSignal::new(Vec::new()),
            opening: RwSignal::new(false),
        }
    }

    /// Reads `text` from the document `name` in a new worker, in place of any reading under way.
    /// `given` is the same text as the page holds it, when it does (sent as it is: making it
    /// again from `text` took 0.15 s for 20 MB).
    fn start(self, text: Arc<str>, given: Option<JsValue>, name: String) {
        let id = self.count.get_value() + 1;
        self.count.set_value(id);
        self.stop();
        self.done.set(None);
        self.problem.set(None);
        let Some(worker) = reader() else {
            self.problem.set(Some(Problem::Failed));
            return;
        };
        // The worker's one answer, or its failure (a file that did not load, a module that
        // would not start), ends the wait.
        let answer = js_sys::Promise::new(&mut |resolve, reject| {
            worker.set_onmessage(Some(&resolve));
            worker.set_onerror(Some(&reject));
            worker.set_onmessageerror(Some(&reject));
        });
        let message = js_sys::Object::new();
        for (key, value) in [
            ("text", given.unwrap_or_else(|| JsValue::from_str(&text))),
            ("name", JsValue::from_str(&name)),
            ("date", JsValue::from_str(&self.date.get_untracked())),
        ] {
            let _ = js_sys::Reflect::set(&message, &key.into(), &value);
        }
        if worker.post_message(&message).is_err() {
            worker.terminate();
            self.problem.set(Some(Problem::Failed));
            return;
        }
        self.worker.set_value(Some(worker));
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(answer).await;
            if self.count.try_get_value() != Some(id) {
                return; // replaced by a newer reading
            }
            self.stop();
            self.busy.set(false);
            let json = answer
                .ok()
                .and_then(|ev| js_sys::Reflect::get(&ev, &"data".into()).ok())
                .and_then(|data| js_sys::Reflect::get(&data, &"json".into()).ok())
                .and_then(|json| json.as_string());
            match json.as_deref().and_then(extraction) {
                Some(x) => {
                    let empty = x.is_empty();
                    self.keep.set(vec![true; x.findings.len()]);
                    self.done.set(Some(Arc::new(Done { text, x })));
                    crate::focus::after_draw(if empty {
                        "#read-nothing"
                    } else {
                        "#read-terms-heading"
                    });
                }
                None => self.problem.set(Some(Problem::Failed)),
            }
        });
    }

    /// Stops the worker reading now, if any; the reading waiting for it ends unanswered.
    fn stop(self) {
        if let Some(worker) = self.worker.try_update_value(Option::take).flatten() {
            if let Some(fail) = worker.onerror() {
                let _ = fail.call1(&JsValue::NULL, &JsValue::NULL);
            }
            worker.terminate();
        }
        self.busy.set(false);
    }

    /// Keeps `text` of the document `name` for the field: drawn now (`draw`) or when the view
    /// opens again, unless it is too long for the field.
    fn hold(self, text: &Arc<str>, name: &str, draw: bool) {
        let small = text.len() <= FIELD_BYTES;
        let shown = if small { text.clone() } else { Arc::from("") };
        if draw {
            self.field.set(shown);
        } else {
            self.field.update_untracked(|f| *f = shown);
        }
        self.apart
            .set((!small).then(|| (name.to_string(), text.len())));
    }

    /// Refuses a text too large to read.
    fn refuse(self) {
        self.count.update_value(|c| *c += 1);
        self.stop();
        self.done.set(None);
        self.problem.set(Some(Problem::TooLarge));
    }
}

/// The reader's answer (the JSON of an [`Extraction`]), read back. The agreement is read by the
/// core's own reader of an agreement, which the module holds already: deriving a second reader
/// for it here made the module 31 KB larger in brotli (measured).
fn extraction(json: &str) -> Option<Extraction> {
    let mut v: serde_json::Value = serde_json::from_str(json).ok()?;
    let mut take = |key: &str| v.get_mut(key).map(serde_json::Value::take);
    let agreement = iop_core::scenario::agreement_from_value(take("agreement")?).ok()?;
    Some(Extraction {
        agreement,
        findings: serde_json::from_value(take("findings")?).ok()?,
        conflicts: serde_json::from_value(take("conflicts")?).ok()?,
    })
}

/// A new module worker of `reader.js`, under the name the build gave it (in the page's
/// `<meta name="iop-reader">`).
fn reader() -> Option<web_sys::Worker> {
    worker_named("iop-reader")
}

/// A new module worker of the script named in the page's `<meta name="{meta}">`.
pub(crate) fn worker_named(meta: &str) -> Option<web_sys::Worker> {
    let url = document()
        .query_selector(&format!("meta[name=\"{meta}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(&url, &options).ok()
}

/// What the file reader answered: the text and its pages, or why not.
enum Opened {
    Text(String, Vec<(usize, usize)>),
    Refused(String, String),
    Stopped,
}

/// Asks a new worker of `meta`'s module once: posts `{key: value}` (handing `value` over when
/// `hand_over`, not copying it), waits at most `seconds` for its answer, and ends the worker.
/// The answer's `data`, or `None` when the worker would not start, trapped or did not answer.
pub(crate) async fn ask_worker(
    meta: &str,
    key: &str,
    value: &JsValue,
    hand_over: bool,
    seconds: i32,
) -> Option<JsValue> {
    let worker = worker_named(meta)?;
    let w = worker.clone();
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        w.set_onmessage(Some(&resolve));
        w.set_onerror(Some(&reject));
        w.set_onmessageerror(Some(&reject));
        // The time limit: the wait ends unanswered, and the worker is ended below.
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&reject, seconds * 1000);
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &key.into(), value);
    let posted = if hand_over {
        worker.post_message_with_transfer(&message, &js_sys::Array::of1(value))
    } else {
        worker.post_message(&message)
    };
    if posted.is_err() {
        worker.terminate();
        return None;
    }
    let answer = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    answer
        .ok()
        .and_then(|ev| js_sys::Reflect::get(&ev, &"data".into()).ok())
}

/// Reads a file's `bytes` in a new worker of the file reader, ended after [`FILE_SECONDS`].
async fn open_file(bytes: js_sys::ArrayBuffer) -> Opened {
    let json = ask_worker("iop-files", "bytes", &bytes, true, FILE_SECONDS)
        .await
        .and_then(|data| js_sys::Reflect::get(&data, &"json".into()).ok())
        .and_then(|json| json.as_string());
    let Some(v) = json.and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok()) else {
        return Opened::Stopped;
    };
    if let Some(e) = v.get("error") {
        let say = |k: &str| {
            e.get(k)
                .and_then(|s| s.as_str())
                .unwrap_or_default()
                .to_string()
        };
        return Opened::Refused(say("sv"), say("en"));
    }
    let text = v
        .get("text")
        .and_then(|t| t.as_str())
        .unwrap_or_default()
        .to_string();
    let pages = v
        .get("pages")
        .and_then(|p| p.as_array())
        .map(|ps| {
            ps.iter()
                .filter_map(|p| {
                    let a = p.get(0)?.as_u64()?;
                    let b = p.get(1)?.as_u64()?;
                    Some((usize::try_from(a).ok()?, usize::try_from(b).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    Opened::Text(text, pages)
}

/// The page (1 first) on which the byte `at` of the text stands, when the text has pages.
fn page_at(pages: &[(usize, usize)], at: usize) -> Option<usize> {
    let i = pages.partition_point(|(a, _)| *a <= at);
    let (a, b) = *pages.get(i.checked_sub(1)?)?;
    (a..b).contains(&at).then_some(i)
}

/// The name of a pasted text: `Inklistrad text 2026-12-02` (today, in the browser's time zone).
fn pasted_name() -> String {
    format!("Inklistrad text {}", crate::state::today())
}

/// A piece of the marked text.
#[derive(Debug, PartialEq)]
enum Piece {
    /// Plain text.
    Text(String),
    /// The words of finding `0`.
    Mark(usize, String),
    /// Where a page of a PDF begins (1 first).
    Page(usize),
}

#[cfg(test)]
impl Piece {
    /// The words shown (none for a page's start).
    fn words(&self) -> &str {
        match self {
            Piece::Text(w) | Piece::Mark(_, w) => w,
            Piece::Page(_) => "",
        }
    }
}

/// The text with each finding marked: pieces of plain text and marks, in order (a finding inside
/// an earlier one is listed only), and where each of the text's `pages` begins. A text over
/// [`WHOLE_TEXT_BYTES`] keeps about [`AROUND_BYTES`] on each side of a mark, with `…` for what
/// is left out.
fn pieces(t: &str, x: &Extraction, pages: &[(usize, usize)]) -> Vec<Piece> {
    let whole = t.len() <= WHOLE_TEXT_BYTES;
    let mut marks: Vec<(usize, &iop_core::extract::Finding)> =
        x.findings.iter().enumerate().collect();
    marks.sort_by_key(|(_, f)| (f.start, std::cmp::Reverse(f.end)));
    let mut out = Vec::new();
    let mut at = 0;
    let plain_part = |from: usize, to: usize, first: bool, last: bool, out: &mut Vec<Piece>| {
        let gap = t.get(from..to).unwrap_or_default();
        if whole || gap.len() <= 2 * AROUND_BYTES + 1 {
            out.push(Piece::Text(gap.to_string()));
            return;
        }
        let head = if first {
            ""
        } else {
            &gap[..floor(gap, AROUND_BYTES)]
        };
        let tail = if last {
            ""
        } else {
            &gap[ceil(gap, gap.len() - AROUND_BYTES)..]
        };
        out.push(Piece::Text(format!("{head} … {tail}").trim().to_string()));
    };
    // Plain text from `from` to `to`, with the start of each page that begins in it.
    let plain = |from: usize, to: usize, first: bool, last: bool, out: &mut Vec<Piece>| {
        let mut at = from;
        for (k, (start, _)) in pages.iter().enumerate() {
            // A page that begins right at a mark is marked before it.
            if *start >= from && (*start < to || (!last && *start == to)) {
                if *start > at {
                    plain_part(at, *start, first && at == from, false, out);
                }
                out.push(Piece::Page(k + 1));
                at = *start;
            }
        }
        plain_part(at, to, first && at == from, last, out);
    };
    for (i, f) in marks {
        if f.start < at || t.get(f.start..f.end).is_none() {
            continue;
        }
        plain(at, f.start, at == 0, false, &mut out);
        out.push(Piece::Mark(i, f.quote.clone()));
        at = f.end;
    }
    plain(at, t.len(), at == 0, true, &mut out);
    out
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[component]
pub fn ReadText() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let Reading {
        field,
        file,
        date,
        busy,
        problem,
        done,
        keep,
        ..
    } = reading;
    let lang = state.lang;
    let area = NodeRef::<leptos::html::Textarea>::new();
    // What is pasted is read from the field itself, and measured before it is copied: a text of
    // more UTF-16 units than the limit has more bytes than it too.
    let read = move || {
        if busy.get_untracked() {
            return;
        }
        let Some(el) = area.get_untracked() else {
            return;
        };
        let value = js_sys::Reflect::get(&el, &"value".into()).unwrap_or_default();
        let units = value
            .dyn_ref::<js_sys::JsString>()
            .map_or(0, |s| s.length());
        if units as usize > MAX_TEXT_BYTES {
            reading.refuse();
            return;
        }
        let text = value.as_string().unwrap_or_default();
        if text.len() > MAX_TEXT_BYTES {
            reading.refuse();
            return;
        }
        let text: Arc<str> = text.into();
        let name = file.get_value().unwrap_or_else(pasted_name);
        reading.hold(&text, &name, false);
        reading.start(text, Some(value), name);
    };
    // A chosen or dropped file is refused by its size, else its text is taken out by the file
    // reader (PDF, Word, OpenDocument, or text in any of the encodings Swedish offices write),
    // shown, and read.
    let load = move |f: web_sys::File| {
        if f.size() > MAX_TEXT_BYTES as f64 {
            reading.refuse();
            return;
        }
        let name = f.name();
        reading.count.update_value(|c| *c += 1);
        reading.stop();
        done.set(None);
        problem.set(None);
        reading.pages.set(Vec::new());
        reading.opening.set(true);
        leptos::task::spawn_local(async move {
            let opened = match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                Ok(b) => open_file(b.unchecked_into()).await,
                Err(_) => Opened::Stopped,
            };
            reading.opening.set(false);
            match opened {
                Opened::Text(text, pages) => {
                    let text: Arc<str> = text.into();
                    reading.pages.set(pages);
                    reading.hold(&text, &name, true);
                    file.set_value(Some(name.clone()));
                    reading.start(text, None, name);
                }
                Opened::Refused(sv, en) => problem.set(Some(Problem::File(sv, en))),
                Opened::Stopped => problem.set(Some(Problem::FileStopped)),
            }
            crate::focus::after_draw("#read-status");
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
        let Some(d) = done.get_untracked() else {
            return;
        };
        let id = state.fresh_id("inlast");
        let a = keep.with_untracked(|k| d.x.accepted(&id, k));
        state.edit(|s| s.agreements.push(a));
        // The text now lives in the agreement: the view starts afresh.
        done.set(None);
        field.set(Arc::from(""));
        reading.apart.set(None);
        file.set_value(None);
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
            <span class="note">{move || lang.get().t("Klistra in, eller släpp en PDF, Word-, OpenDocument- eller textfil här (högst 20 MB).", "Paste, or drop a PDF, Word, OpenDocument or text file here (at most 20 MB).")}</span>
            // autocomplete="off": the browser keeps no copy of the field with each history entry
            // (measured: with 20 MB in it, every change of address took a second more). lang="sv":
            // the texts read are Swedish, and a change of the page's language does not lay the
            // field out again (5 s with 20 MB in it).
            <textarea id="read-text" rows="10" autocomplete="off" lang="sv" node_ref=area prop:value=move || field.get().to_string()
                placeholder=move || reading.apart.get().map(|(name, len)| {
                    // Tenths of a MB, in whole numbers (no float formatting in the module).
                    let tenths = (len * 10 + (1 << 19)) >> 20;
                    let (mb, tenth) = (tenths / 10, tenths % 10);
                    lang.get().pick(
                        format!("{name} ({mb},{tenth} MB) är för lång för att visas här, men läses som vanligt."),
                        format!("{name} ({mb}.{tenth} MB) is too long to be shown here, but is read as usual."),
                    )
                })
                on:input=move |_| { file.set_value(None); reading.pages.set(Vec::new()); }
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop></textarea>
        </div>
        <div class="field">
            <label for="read-file">{move || lang.get().t("eller välj en fil: PDF, Word (.docx), OpenDocument (.odt) eller text", "or choose a file: PDF, Word (.docx), OpenDocument (.odt) or text")}</label>
            <input id="read-file" type="file" accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain" on:change=on_file />
        </div>
        <div class="field">
            <label for="read-date">{move || lang.get().t("Textens datum (om texten inte anger något)", "The text's date (if it gives none)")}</label>
            <input id="read-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
        </div>
        <p><button type="button" class="primary" aria-disabled=move || busy.get().then_some("true") on:click=move |_| read()>{move || lang.get().t("Läs texten", "Read the text")}</button></p>
        <p id="read-status" role="status" tabindex="-1">{move || {
            let l = lang.get();
            if reading.opening.get() {
                Some(l.t("Hämtar texten ur filen …", "Taking the text out of the file …").to_string())
            } else if busy.get() {
                Some(l.t("Läser texten …", "Reading the text …").to_string())
            } else {
                let n = reading.pages.with(Vec::len);
                (n > 0).then(|| l.pick(format!("Texten ur PDF-filen: {n} sidor."), format!("The text of the PDF file: {n} pages.")))
            }
        }}</p>
        {move || problem.get().map(|p| {
            let l = lang.get();
            let msg: String = match p {
                Problem::TooLarge => l.t(
                    "Texten är större än 20 MB och läses inte. Dela upp den och läs en del i taget, eller klistra in bara avtalets del.",
                    "The text is larger than 20 MB and is not read. Split it and read one part at a time, or paste only the agreement's part.",
                ).into(),
                Problem::Failed => l.t(
                    "Texten kunde inte läsas: läsaren stannade. Försök igen; ladda om sidan om det inte går.",
                    "The text could not be read: the reader stopped. Try again; reload the page if it does not work.",
                ).into(),
                Problem::File(sv, en) => l.pick(sv, en),
                Problem::FileStopped => l.t(
                    "Filen kunde inte läsas: filläsaren stannade eller tog för lång tid. Filen kan vara skadad; spara den på nytt som PDF eller Word och försök igen.",
                    "The file could not be read: the file reader stopped or took too long. The file may be damaged; save it again as PDF or Word and try again.",
                ).into(),
            };
            view! { <p id="read-problem" class="field-error" role="alert">{msg}</p> }
        })}
        {move || {
            let l = lang.get();
            done.get().map(|d| {
                let x = &d.x;
                if x.is_empty() {
                    return view! { <p id="read-nothing" class="import-result" role="status">{l.t(
                        "Ingenting i texten kunde läsas som villkor i ett avtal. Läsaren letar efter kommunen, organisationen, belopp per år, avtalstid (start och slut), förlängning, uppsägning, utbetalning och uppföljning, i meningar som i ett avtal, ett beslut eller en nyhet.",
                        "Nothing in the text could be read as a term of an agreement. The reader looks for the municipality, the organisation, amounts per year, the term (start and end), renewal, termination, payment and follow-up, in sentences as in an agreement, a decision or a news item.",
                    )}</p> }.into_any();
                }
                let part = d.text.len() > WHOLE_TEXT_BYTES;
                let marked = pieces(&d.text, x, &reading.pages.get_untracked()).into_iter().map(|piece| match piece {
                    Piece::Text(words) => view! { <span>{words}</span> }.into_any(),
                    Piece::Page(n) => view! { <span class="page-start">{l.pick(format!("— sida {n} —"), format!("— page {n} —"))}</span> }.into_any(),
                    Piece::Mark(i, words) => {
                        let f = &x.findings[i];
                        let term = l.pick(f.term().sv, f.term().en);
                        let kept = move || keep.with(|k| k.get(i).copied().unwrap_or(true));
                        view! { <mark data-finding=i.to_string() title=term class:rejected=move || !kept()>{words}</mark> }.into_any()
                    }
                }).collect_view();
                let proposals = x.findings.iter().enumerate().map(|(i, f)| {
                    let id = format!("keep-{i}");
                    let term = l.pick(f.term().sv, f.term().en);
                    view! {
                        <li class="proposal">
                            <input type="checkbox" id=id.clone() prop:checked=move || keep.with(|k| k.get(i).copied().unwrap_or(true))
                                on:change=move |ev| { let on = event_target_checked(&ev); keep.update(|k| if let Some(x) = k.get_mut(i) { *x = on }); } />
                            <label for=id><strong>{term}</strong>": " {f.shown()}</label>
                            <span class="quote">"«" {f.quote.clone()} "»"
                                {page_at(&reading.pages.get_untracked(), f.start).map(|p| l.pick(format!(" (sida {p})"), format!(" (page {p})")))}</span>
                            {f.doubt.as_ref().map(|d| view! { <span class="doubt">{l.pick(format!("Osäkert: {}", d.sv), format!("Uncertain: {}", d.en))}</span> })}
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
                            {part.then(|| view! { <p class="note">{l.t("Texten är lång: här visas det som står kring varje markering.", "The text is long: what stands around each mark is shown here.")}</p> })}
                            <div class="read-source" tabindex="0" role="region" aria-labelledby="read-text-heading">{marked}</div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_stands_on_the_page_whose_range_holds_it() {
        let pages = [(0, 10), (12, 30), (30, 31)];
        assert_eq!(page_at(&pages, 0), Some(1));
        assert_eq!(page_at(&pages, 9), Some(1));
        // Between pages (the blank line that joins them): on none.
        assert_eq!(page_at(&pages, 11), None);
        assert_eq!(page_at(&pages, 12), Some(2));
        assert_eq!(page_at(&pages, 30), Some(3));
        assert_eq!(page_at(&pages, 31), None);
        assert_eq!(page_at(&[], 5), None);
    }

    #[test]
    fn the_readers_answer_reads_back_as_what_the_core_read() {
        // Every field comes back: the agreement, and each finding with its doubt ("i år").
        let text = "Överenskommelsen gäller 1 januari 2022 till 31 december 2024. Kalmar kommun \
                    ersätter Kvinnojouren Kalmar 650 000 kr per år. Kvinnojouren får i år 130 000 kronor av Kalmar kommun.";
        let doc = iop_core::extract::Document {
            name: "avtal.txt".into(),
            date: chrono::NaiveDate::from_ymd_opt(2021, 3, 4),
        };
        let x = extraction(&crate::read_text(text, "avtal.txt", "2021-03-04"));
        assert_eq!(x, Some(iop_core::extract::read(text, &doc)));
        assert_eq!(extraction(""), None);
        assert_eq!(extraction("{\"agreement\": {}}"), None);
    }

    #[test]
    fn each_page_of_a_pdf_is_marked_where_it_begins() {
        let t = "Parter\n\nKalmar kommun betalar 650 000 kr per år.\n\nSlut.";
        let x = iop_core::extract::extract(t);
        let second = t.find("Kalmar").unwrap_or_default();
        let third = t.find("Slut").unwrap_or_default();
        let pages = [(0, 6), (second, second + 40), (third, t.len())];
        let p = pieces(t, &x, &pages);
        let at = |n: usize| p.iter().position(|q| *q == Piece::Page(n));
        // Page 1 first; page 2 right before the finding that begins it; page 3 before "Slut".
        assert_eq!(at(1), Some(0));
        let mark = p
            .iter()
            .position(|q| matches!(q, Piece::Mark(..)))
            .unwrap_or(usize::MAX);
        assert!(at(2).is_some_and(|k| k < mark), "{p:?}");
        assert!(at(3).is_some_and(|k| k > mark), "{p:?}");
        let shown: String = p.iter().map(Piece::words).collect();
        assert_eq!(shown, t);
    }

    #[test]
    fn a_short_text_is_shown_whole_with_its_marks() {
        let t = "Kalmar kommun betalar 650 000 kr per år.";
        let x = iop_core::extract::extract(t);
        let p = pieces(t, &x, &[]);
        let shown: String = p.iter().map(Piece::words).collect();
        assert_eq!(shown, t);
        assert!(p.iter().any(|p| matches!(p, Piece::Mark(..))));
    }

    #[test]
    fn a_long_text_shows_what_stands_around_each_mark() {
        let pad = "Ord som inte säger något om avtalet, åäö. ".repeat(5_000);
        let t = format!("{pad}Kalmar kommun betalar 650 000 kr per år.{pad}");
        let x = iop_core::extract::extract(&t);
        assert!(!x.findings.is_empty());
        let p = pieces(&t, &x, &[]);
        let shown: usize = p.iter().map(|p| p.words().len()).sum();
        assert!(
            shown < 2 * AROUND_BYTES * (x.findings.len() + 1) + 200,
            "{shown}"
        );
        let first = p[0].words();
        assert!(
            first.starts_with('…') && first.len() <= AROUND_BYTES + 8,
            "{first}"
        );
        for piece in &p {
            if let Piece::Mark(i, w) = piece {
                assert_eq!(w, &x.findings[*i].quote);
            }
        }
        assert!(p.last().is_some_and(|p| p.words().ends_with('…')));
    }
}
