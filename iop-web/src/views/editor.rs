//! The agreement editor: every term of the model, grouped as an agreement is written (Parter,
//! Avtalstid, Ekonomi, Uppföljning, Ändringar och uppsägning, Omfattning, Källor).
//!
//! A thin shell over `iop_core::edit`: each field reads what is typed with its [`Kind`], turns it
//! into an [`Edit`] at the field's path and lets the core apply it; messages come from the core,
//! by path, next to the field. A text that does not read stays in its field with the message, and
//! nothing else changes. Undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z) are the core's
//! `History`, kept across reloads by the app's state.

use crate::i18n::Lang;
use crate::state::AppState;
use iop_core::edit::{value_at, value_in, Edit, Kind};
use iop_core::explain::Explanation;
use iop_core::scenario::{validate_agreement, Problem};
use iop_core::Agreement;
use leptos::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The form's shared parts: which agreement, its problems, the typing errors by path, and a
/// counter that rebuilds the fields (after undo, redo, a list change or a choice).
#[derive(Clone, Copy)]
struct Form {
    state: AppState,
    id: StoredValue<String>,
    problems: Memo<Vec<Problem>>,
    errors: RwSignal<BTreeMap<String, Explanation>>,
    revision: RwSignal<u64>,
    /// The agreement as JSON while the form is drawn: each field reads its value from it, so
    /// drawing is linear in the fields (one serialisation, not one per field).
    drawing: StoredValue<Option<Value>, LocalStorage>,
    /// The kind of each text field drawn, by path: an undo of one field's typing puts the
    /// field's new text in place instead of drawing the whole form anew.
    kinds: StoredValue<std::collections::HashMap<String, Kind>, LocalStorage>,
}

/// The element id of the field at `path` (`funding.components[0].amount` →
/// `e-funding-components-0-amount`).
fn field_id(path: &str) -> String {
    let mut id = String::from("e-");
    let mut dash = false;
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            if dash && !id.ends_with('-') {
                id.push('-');
            }
            id.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    id
}

impl Form {
    fn agreement(self) -> Option<Agreement> {
        self.state.own_agreement(&self.id.get_value())
    }

    fn value(self, path: &str) -> Value {
        let drawn = self
            .drawing
            .with_value(|d| d.as_ref().map(|json| value_in(json, path)));
        match drawn {
            Some(v) => v,
            None => self.agreement().map_or(Value::Null, |a| value_at(&a, path)),
        }
    }

    /// Shows what an undo or redo `made` in the field it touched, when that is one text field
    /// (no change of shape); whether it could.
    fn show_in_place(self, made: &Edit) -> bool {
        let Edit::Set { path, .. } = made else {
            return false;
        };
        let Some(kind) = self.kinds.with_value(|k| k.get(path).copied()) else {
            return false;
        };
        let Some(el) = document().get_element_by_id(&field_id(path)) else {
            return false;
        };
        let text = kind.show(&self.value(path));
        use wasm_bindgen::JsCast;
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(&text);
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(&text);
        } else {
            return false;
        }
        if self.errors.with_untracked(|e| e.contains_key(path)) {
            self.errors.update(|e| {
                e.remove(path);
            });
        }
        true
    }

    /// Draws the form's sections, reading every value from one serialisation of the agreement.
    fn draw(self, l: Lang) -> AnyView {
        let json = self.agreement().and_then(|a| serde_json::to_value(a).ok());
        self.drawing.set_value(json);
        self.kinds.update_value(|k| k.clear());
        let drawn = untrack(|| sections(self, l));
        self.drawing.set_value(None);
        drawn
    }

    /// Applies `edit`; a structure problem is kept by the edit's path.
    fn apply(self, edit: Edit) -> bool {
        let path = edit.path().to_string();
        match self.state.apply_edit(&self.id.get_value(), edit) {
            Ok(()) => {
                if self.errors.with_untracked(|e| e.contains_key(&path)) {
                    self.errors.update(|e| {
                        e.remove(&path);
                    });
                }
                true
            }
            Err(problems) => {
                if let Some(p) = problems.first() {
                    let text = Explanation::new(p.message_sv.clone(), p.message_en.clone());
                    self.errors.update(|e| {
                        e.insert(path, text);
                    });
                }
                false
            }
        }
    }

    /// Applies `edit` and draws the form anew (its shape changed), keeping the keyboard focus
    /// where it was.
    fn apply_and_rebuild(self, edit: Edit) {
        self.apply(edit);
        self.rebuild(None);
    }

    /// Draws the form anew; focus goes back to the element that had it (by id), or to the first
    /// element matching `then` (a new list item's first field).
    fn rebuild(self, then: Option<String>) {
        let had = document()
            .active_element()
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        self.errors.set(BTreeMap::new());
        self.revision.update(|r| *r += 1);
        request_animation_frame(move || {
            let by_id = had.and_then(|id| document().get_element_by_id(&id));
            let target = match then {
                Some(sel) => document().query_selector(&sel).ok().flatten().or(by_id),
                None => by_id,
            };
            if let Some(el) =
                target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    }

    /// Sets `key` inside the object at `parent`, creating it from `empty` when it is absent
    /// (a contact, the meetings record).
    fn set_in(self, parent: &str, empty: Value, key: &str, value: Value) -> bool {
        match self.value(parent) {
            Value::Object(_) => self.apply(Edit::set(&format!("{parent}.{key}"), value)),
            _ => {
                let mut obj = empty;
                if let Some(o) = obj.as_object_mut() {
                    o.insert(key.to_string(), value);
                }
                self.apply(Edit::set(parent, obj))
            }
        }
    }

    /// The messages for `path`: what could not be read, then the core's problems about it.
    fn messages(self, path: String) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
        let lang = self.state.lang;
        move || {
            let l = lang.get();
            let mut out: Vec<String> = self
                .errors
                .with(|e| e.get(&path).map(|x| l.pick(x.sv.clone(), x.en.clone())))
                .into_iter()
                .collect();
            out.extend(self.problems.with(|ps| {
                ps.iter()
                    .filter(|p| p.path == path)
                    .map(|p| l.pick(p.message_sv.clone(), p.message_en.clone()))
                    .collect::<Vec<_>>()
            }));
            (!out.is_empty()).then(|| {
                view! { <span class="field-error" id=format!("{}-error", field_id(&path)) role="alert">{out.join(" ")}</span> }
                    .into_any()
            })
        }
    }

    /// A text field for the value at `path`, read as `kind`; an "okänt" button when the value
    /// may be unknown.
    fn field(
        self,
        l: Lang,
        label: (&'static str, &'static str),
        path: String,
        kind: Kind,
    ) -> AnyView {
        self.field_with(l, label, path, kind, None)
    }

    /// [`Form::field`] for a key of an object that may be absent (`parent`, created from
    /// `empty` on the first keystroke).
    fn field_in(
        self,
        l: Lang,
        label: (&'static str, &'static str),
        parent: String,
        empty: Value,
        key: &'static str,
        kind: Kind,
    ) -> AnyView {
        let path = format!("{parent}.{key}");
        self.field_with(l, label, path, kind, Some((parent, empty, key)))
    }

    fn field_with(
        self,
        l: Lang,
        label: (&'static str, &'static str),
        path: String,
        kind: Kind,
        parent: Option<(String, Value, &'static str)>,
    ) -> AnyView {
        let id = field_id(&path);
        let text = kind.show(&self.value(&path));
        self.kinds.update_value(|k| {
            k.insert(path.clone(), kind);
        });
        let nullable = kind.parse_user("").is_ok_and(|v| v.is_null());
        let p2 = path.clone();
        let p3 = path.clone();
        let parent2 = parent.clone();
        let on_input = move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            match kind.parse_user(&typed) {
                Ok(v) => {
                    // Only a message to take away notifies the fields.
                    if self.errors.with_untracked(|e| e.contains_key(&p2)) {
                        self.errors.update(|e| {
                            e.remove(&p2);
                        });
                    }
                    match &parent2 {
                        Some((parent, empty, key)) => {
                            self.set_in(parent, empty.clone(), key, v);
                        }
                        None => {
                            self.apply(Edit::set(&p2, v));
                        }
                    }
                }
                Err(e) => self.errors.update(|m| {
                    m.insert(p2.clone(), e.0);
                }),
            }
        };
        let described = {
            let path = path.clone();
            move || {
                let has = self.errors.with(|e| e.contains_key(&path))
                    || self.problems.with(|ps| ps.iter().any(|p| p.path == path));
                has.then(|| format!("{}-error", field_id(&path)))
            }
        };
        let input = if kind == Kind::Lines {
            view! { <textarea id=id.clone() rows="3" aria-describedby=described on:input=on_input>{text}</textarea> }.into_any()
        } else {
            let mode = match kind {
                Kind::Money | Kind::MoneyGiven | Kind::Decimal => "decimal",
                Kind::Count | Kind::CountGiven | Kind::Year | Kind::Date => "numeric",
                _ => "text",
            };
            let list = (kind == Kind::Kommunkod).then_some("kommuner");
            // An unknown term reads "okänt" in its empty field, never a blank or a 0.
            let placeholder = nullable.then(|| l.t("okänt", "unknown"));
            view! { <input id=id.clone() type="text" inputmode=mode list=list placeholder=placeholder prop:value=text aria-describedby=described on:input=on_input /> }.into_any()
        };
        let unknown = nullable.then(|| {
            let path = path.clone();
            let parent = parent.clone();
            view! {
                <button type="button" class="unknown-button" id=format!("{id}-unknown") aria-label=l.pick(format!("{}: okänt", label.0), format!("{}: unknown", label.1))
                    on:click=move |_| {
                        if parent.as_ref().is_none_or(|(p, _, _)| self.value(p).is_object()) {
                            self.apply_and_rebuild(Edit::set(&path, Value::Null));
                        }
                    }>{l.t("okänt", "unknown")}</button>
            }
        });
        view! {
            <div class="field">
                <label for=id>{l.t(label.0, label.1)}</label>
                <span class="input-row">{input}{unknown}</span>
                {self.messages(p3)}
            </div>
        }
        .into_any()
    }

    /// A choice among values for `path` (a kind of component, of renewal, of split); choosing
    /// one sets it and draws the form anew.
    fn choice(
        self,
        l: Lang,
        label: (&'static str, &'static str),
        path: String,
        options: Vec<(&'static str, &'static str, Value)>,
        current: usize,
    ) -> AnyView {
        let id = field_id(&path);
        let values: Vec<Value> = options.iter().map(|o| o.2.clone()).collect();
        let p2 = path.clone();
        view! {
            <div class="field">
                <label for=id.clone()>{l.t(label.0, label.1)}</label>
                <select id=id on:change=move |ev| {
                    if let Some(v) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| values.get(i)) {
                        self.apply_and_rebuild(Edit::set(&p2, v.clone()));
                    }
                }>
                    {options.iter().enumerate().map(|(i, o)| view! { <option value=i.to_string() selected=i == current>{l.t(o.0, o.1)}</option> }).collect_view()}
                </select>
                {self.messages(path)}
            </div>
        }
        .into_any()
    }

    /// A checkbox for the boolean at `path`.
    fn check(self, l: Lang, label: (&'static str, &'static str), path: String) -> AnyView {
        let id = field_id(&path);
        let on = self.value(&path) == Value::Bool(true);
        view! {
            <div class="field check">
                <input id=id.clone() type="checkbox" prop:checked=on on:change=move |ev| {
                    self.apply(Edit::set(&path, Value::Bool(event_target_checked(&ev))));
                } />
                <label for=id>{l.t(label.0, label.1)}</label>
            </div>
        }
        .into_any()
    }

    /// The items of the list at `path`, each drawn by `item` with a button to remove it, and a
    /// button that adds `new_item`.
    #[allow(clippy::too_many_arguments)]
    fn list(
        self,
        l: Lang,
        legend: (&'static str, &'static str),
        add: (&'static str, &'static str),
        path: String,
        new_item: Value,
        item: impl Fn(String, usize) -> AnyView,
    ) -> AnyView {
        let n = self.value(&path).as_array().map_or(0, Vec::len);
        let items: Vec<AnyView> = (0..n)
            .map(|i| {
                let p = path.clone();
                let remove_label = l.pick(
                    format!("Ta bort {} nr {}", legend.0.to_lowercase(), i + 1),
                    format!("Remove {} no. {}", legend.1.to_lowercase(), i + 1),
                );
                view! {
                    <div class="list-item">
                        {item(format!("{path}[{i}]"), i)}
                        <button type="button" class="remove-item" aria-label=remove_label
                            on:click=move |_| {
                                let add = format!("#{}-add", field_id(&p));
                                self.apply(Edit::Remove { path: p.clone(), index: i });
                                self.rebuild(Some(add));
                            }>
                            {l.t("Ta bort", "Remove")}
                        </button>
                    </div>
                }
                .into_any()
            })
            .collect();
        let p2 = path.clone();
        let list_id = field_id(&path);
        let first_of_new = format!(
            "#{list_id} > .list-item:nth-of-type({}) :is(input, select, textarea)",
            n + 1
        );
        view! {
            <fieldset class="list" id=list_id.clone()>
                <legend>{l.t(legend.0, legend.1)}</legend>
                {items}
                <button type="button" class="add-item" id=format!("{list_id}-add") on:click=move |_| {
                    self.apply(Edit::Insert { path: p2.clone(), index: n, value: new_item.clone() });
                    self.rebuild(Some(first_of_new.clone()));
                }>{l.t(add.0, add.1)}</button>
                {self.messages(path)}
            </fieldset>
        }
        .into_any()
    }

    /// Where a part's facts come from: document and section (*källa*).
    fn source(self, l: Lang, path: String) -> AnyView {
        let empty = json!({"document": "", "section": ""});
        view! {
            <div class="source-fields">
                {self.field_in(l, ("Källa (dokument)", "Source (document)"), path.clone(), empty.clone(), "document", Kind::Text)}
                {self.field_in(l, ("Avsnitt", "Section"), path.clone(), empty.clone(), "section", Kind::Text)}
                {self.field_in(l, ("Adress (webbadress eller diarienummer)", "Address (web address or file number)"), path.clone(), empty.clone(), "address", Kind::OptionalText)}
                {self.field_in(l, ("Citat", "Quote"), path, empty, "quote", Kind::OptionalText)}
            </div>
        }
        .into_any()
    }
}

/// The index of the option whose value's `key` (or the value itself) matches what is stored.
fn chosen(current: &Value, key: Option<&str>, options: &[(&str, &str, Value)]) -> usize {
    let of = |v: &Value| match key {
        Some(k) => v.get(k).cloned().unwrap_or_else(|| v.clone()),
        None => v.clone(),
    };
    let now = of(current);
    options.iter().position(|o| of(&o.2) == now).unwrap_or(0)
}

fn empty_public_party() -> Value {
    json!({"name": "", "kommunkod": null, "org_number": null, "bodies": [], "contact": null, "signatories": [], "source": null})
}

fn empty_organisation() -> Value {
    json!({"name": "", "legal_name": null, "org_number": null, "contact": null, "signatories": [], "source": null})
}

fn empty_contact() -> Value {
    json!({"name": "", "email": null, "phone": null})
}

/// The editor's form for the user's agreement `id`.
#[component]
pub fn EditorForm(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    let agreement = Memo::new(move |_| {
        state.own.with(|s| {
            s.agreements
                .iter()
                .find(|a| a.id == id.get_value())
                .cloned()
        })
    });
    let problems = Memo::new(move |_| {
        agreement
            .get()
            .map(|a| validate_agreement(&a))
            .unwrap_or_default()
    });
    let form = Form {
        state,
        id,
        problems,
        errors: RwSignal::new(BTreeMap::new()),
        revision: RwSignal::new(0),
        drawing: StoredValue::new_local(None),
        kinds: StoredValue::new_local(Default::default()),
    };
    let step = move |back: bool| {
        if let Some(made) = state.step(&id.get_value(), back) {
            if !form.show_in_place(&made) {
                form.rebuild(None);
            }
        }
    };
    // Another tab changed this agreement: the form shows its version, focus kept. A change to
    // another agreement leaves the form, and the text being typed in it, alone.
    Effect::new(move |seen: Option<u64>| {
        let (count, ours) = state
            .merged_in
            .with(|m| (m.count, m.ids.contains(&id.get_value())));
        if seen.is_some_and(|seen| seen != count) && ours {
            form.rebuild(None);
        }
        count
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("z") {
            ev.prevent_default();
            step(!ev.shift_key());
        } else if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("y") {
            ev.prevent_default();
            step(false);
        }
    };
    let can = move || {
        state.own.track();
        form.revision.track();
        state.can_step(&id.get_value())
    };
    let status = move || {
        let l = lang.get();
        agreement.with(|a| a.as_ref().map(|a| a.draft)).unwrap_or(false).then(|| {
            view! { <p class="draft-note" role="status">{l.t(
                "Utkast: avtalet har problem kvar att rätta (se meddelandena vid fälten). Det sparas som det är och räknas inte med i summor förrän det är rättat.",
                "Draft: the agreement has problems left to fix (see the messages by the fields). It is saved as it is and left out of sums until fixed.",
            )}</p> }
        })
    };
    view! {
        <div class="editor" on:keydown=on_key>
            <p class="undo-redo">
                <button type="button" prop:disabled=move || !can().0 on:click=move |_| step(true) aria-keyshortcuts="Control+Z">{move || lang.get().t("Ångra", "Undo")}</button>
                " "
                <button type="button" prop:disabled=move || !can().1 on:click=move |_| step(false) aria-keyshortcuts="Control+Shift+Z">{move || lang.get().t("Gör om", "Redo")}</button>
            </p>
            {status}
            <datalist id="kommuner">
                {iop_core::municipalities().iter().map(|m| view! { <option value=format!("{} kommun", m.name)>{m.code.to_string()}</option> }).collect_view()}
            </datalist>
            {move || {
                form.revision.track();
                form.draw(lang.get())
            }}
        </div>
    }
}

fn sections(f: Form, l: Lang) -> AnyView {
    view! {
        <form class="agreement-form" on:submit=|ev| ev.prevent_default()>
            {f.field(l, ("Avtalets namn", "Name of the agreement"), "name".into(), Kind::Text)}
            {parties(f, l)}
            {term(f, l)}
            {money(f, l)}
            {follow_up(f, l)}
            {termination(f, l)}
            {scope(f, l)}
            {sources(f, l)}
        </form>
    }
    .into_any()
}

fn section(
    l: Lang,
    key: &'static str,
    title: (&'static str, &'static str),
    body: Vec<AnyView>,
) -> AnyView {
    let h = format!("sec-e-{key}");
    let h2 = h.clone();
    view! {
        <section class="form-section" aria-labelledby=h2>
            <h3 id=h>{l.t(title.0, title.1)}</h3>
            {body}
        </section>
    }
    .into_any()
}

fn contact(f: Form, l: Lang, party: &str) -> AnyView {
    let c = format!("{party}.contact");
    view! {
        <div class="contact">
            {f.field_in(l, ("Kontaktperson", "Contact person"), c.clone(), empty_contact(), "name", Kind::Text)}
            {f.field_in(l, ("E-post", "Email"), c.clone(), empty_contact(), "email", Kind::OptionalText)}
            {f.field_in(l, ("Telefon", "Phone"), c, empty_contact(), "phone", Kind::OptionalText)}
        </div>
    }
    .into_any()
}

fn parties(f: Form, l: Lang) -> AnyView {
    let public = f.list(l, ("Offentliga parter", "Public parties"), ("Lägg till offentlig part", "Add public party"), "public_parties".into(), empty_public_party(), move |p, _| {
        view! {
            <div>
                {f.field(l, ("Kommun", "Municipality"), format!("{p}.kommunkod"), Kind::Kommunkod)}
                {f.field(l, ("Partens namn", "Name of the party"), format!("{p}.name"), Kind::Text)}
                {f.field(l, ("Organisationsnummer", "Organisation number"), format!("{p}.org_number"), Kind::OrgNumber)}
                {f.list(l, ("Nämnder och förvaltningar", "Committees and departments"), ("Lägg till nämnd eller förvaltning", "Add committee or department"), format!("{p}.bodies"), json!({"id": "", "name": ""}), move |b, _| {
                    f.field(l, ("Nämnd eller förvaltning", "Committee or department"), format!("{b}.name"), Kind::Text)
                })}
                {contact(f, l, &p)}
            </div>
        }
        .into_any()
    });
    let orgs = f.list(l, ("Idéburna organisationer", "Non-profit organisations"), ("Lägg till organisation", "Add organisation"), "organisations".into(), empty_organisation(), move |p, _| {
        view! {
            <div>
                {f.field(l, ("Organisation", "Organisation"), format!("{p}.name"), Kind::Text)}
                {f.field(l, ("Juridiskt namn", "Legal name"), format!("{p}.legal_name"), Kind::OptionalText)}
                {f.field(l, ("Organisationsnummer", "Organisation number"), format!("{p}.org_number"), Kind::OrgNumber)}
                {contact(f, l, &p)}
            </div>
        }
        .into_any()
    });
    section(l, "parter", ("Parter", "Parties"), vec![public, orgs])
}

fn term(f: Form, l: Lang) -> AnyView {
    let end = f.value("term.end");
    let open = end == json!("open_ended");
    let end_field = {
        let text = end
            .get("on")
            .map(|d| Kind::Date.show(d))
            .unwrap_or_default();
        let on_input = move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            match Kind::Date.parse_user(&typed) {
                Ok(Value::Null) => {
                    f.apply(Edit::set("term.end", json!("unknown")));
                }
                Ok(d) => {
                    f.apply(Edit::set("term.end", json!({ "on": d })));
                }
                Err(e) => f.errors.update(|m| {
                    m.insert("term.end".into(), e.0);
                }),
            }
        };
        view! {
            <div class="field">
                <label for="e-term-end">{l.t("Slut (ÅÅÅÅ-MM-DD)", "End (YYYY-MM-DD)")}</label>
                <span class="input-row">
                    <input id="e-term-end" type="text" inputmode="numeric" prop:value=text prop:disabled=open on:input=on_input
                        aria-describedby=move || (f.errors.with(|e| e.contains_key("term.end")) || f.problems.with(|p| p.iter().any(|p| p.path == "term.end"))).then_some("e-term-end-error") />
                    <button type="button" class="unknown-button" aria-label=l.t("Slut: okänt", "End: unknown") on:click=move |_| f.apply_and_rebuild(Edit::set("term.end", json!("unknown")))>{l.t("okänt", "unknown")}</button>
                </span>
                {f.messages("term.end".into())}
            </div>
            <div class="field check">
                <input id="e-term-open" type="checkbox" prop:checked=open on:change=move |ev| {
                    let v = if event_target_checked(&ev) { json!("open_ended") } else { json!("unknown") };
                    f.apply_and_rebuild(Edit::set("term.end", v));
                } />
                <label for="e-term-open">{l.t("Löper tills vidare (inget slutdatum)", "Runs until further notice (no end date)")}</label>
            </div>
        }
        .into_any()
    };
    let renewal = f.value("term.renewal");
    let options = vec![
        ("Okänt", "Unknown", json!({"type": "unknown"})),
        (
            "Ingen – upphör utan uppsägning",
            "None – ends without notice",
            json!({"type": "none"}),
        ),
        (
            "Automatisk förlängning",
            "Automatic extension",
            json!({"type": "automatic_extension", "years": 1, "notice": null}),
        ),
        (
            "Option att förlänga genom beslut",
            "Option to extend by decision",
            json!({"type": "extension_option", "years": 1, "max_extensions": 1, "exercised": 0, "decide_before": null}),
        ),
    ];
    let current = chosen(&renewal, Some("type"), &options);
    let details = match renewal.get("type").and_then(Value::as_str) {
        Some("automatic_extension") => view! {
            <div class="sub-fields">
                {f.field(l, ("År per förlängning", "Years per extension"), "term.renewal.years".into(), Kind::CountGiven)}
                {f.field(l, ("Uppsägningstid före periodens slut (t.ex. 6 månader)", "Notice before the period ends (e.g. 6 months)"), "term.renewal.notice".into(), Kind::Duration)}
            </div>
        }.into_any(),
        Some("extension_option") => view! {
            <div class="sub-fields">
                {f.field(l, ("År per förlängning", "Years per extension"), "term.renewal.years".into(), Kind::CountGiven)}
                {f.field(l, ("Högst antal förlängningar", "At most this many extensions"), "term.renewal.max_extensions".into(), Kind::CountGiven)}
                {f.field(l, ("Beslutade förlängningar", "Extensions decided"), "term.renewal.exercised".into(), Kind::CountGiven)}
                {f.field(l, ("Beslut senast före periodens slut (t.ex. 3 månader)", "Decision at the latest before the period ends (e.g. 3 months)"), "term.renewal.decide_before".into(), Kind::Duration)}
            </div>
        }.into_any(),
        _ => ().into_any(),
    };
    section(
        l,
        "avtalstid",
        ("Avtalstid", "Term"),
        vec![
            f.field(
                l,
                ("Start (ÅÅÅÅ-MM-DD)", "Start (YYYY-MM-DD)"),
                "term.start".into(),
                Kind::Date,
            ),
            end_field,
            f.choice(
                l,
                ("Förlängning", "Renewal"),
                "term.renewal".into(),
                options,
                current,
            ),
            details,
            f.field(
                l,
                (
                    "Beslut om förlängning eller nytt avtal senast (datum i avtalet)",
                    "Decision on renewal or a new agreement by (date in the agreement)",
                ),
                "term.stated_decision_due".into(),
                Kind::Date,
            ),
            f.source(l, "term.source".into()),
        ],
    )
}

fn money(f: Form, l: Lang) -> AnyView {
    let components = f.list(l, ("Belopp", "Amounts"), ("Lägg till belopp", "Add amount"), "funding.components".into(),
        json!({"label": "Ersättning", "kind": {"type": "base"}, "amount": null, "from": null, "until": null, "source": null}),
        move |c, _| {
            let kind = f.value(&format!("{c}.kind"));
            let options = vec![
                ("Grundersättning", "Base grant", json!({"type": "base"})),
                ("Ersätter föreningsbidrag", "Replaces a föreningsbidrag", json!({"type": "replaces_foreningsbidrag"})),
                ("Villkorat belopp", "Conditional amount", json!({"type": "conditional", "condition": "", "met": null})),
                ("Engångsbelopp", "One-off amount", json!({"type": "one_off", "on": null})),
            ];
            let current = chosen(&kind, Some("type"), &options);
            let extra = match kind.get("type").and_then(Value::as_str) {
                Some("conditional") => {
                    let met = kind.get("met").cloned().unwrap_or(Value::Null);
                    let met_options = vec![
                        ("Okänt", "Unknown", Value::Null),
                        ("Uppfyllt", "Met", json!(true)),
                        ("Inte uppfyllt", "Not met", json!(false)),
                    ];
                    let now = chosen(&met, None, &met_options);
                    view! { <div class="sub-fields">
                        {f.field(l, ("Villkor", "Condition"), format!("{c}.kind.condition"), Kind::Text)}
                        {f.choice(l, ("Villkoret", "The condition"), format!("{c}.kind.met"), met_options, now)}
                    </div> }.into_any()
                }
                Some("one_off") => f.field(l, ("Betalas (ÅÅÅÅ-MM-DD)", "Paid on (YYYY-MM-DD)"), format!("{c}.kind.on"), Kind::Date),
                _ => ().into_any(),
            };
            view! {
                <div>
                    {f.field(l, ("Benämning", "Label"), format!("{c}.label"), Kind::Text)}
                    {f.choice(l, ("Slag av belopp", "Kind of amount"), format!("{c}.kind"), options, current)}
                    {extra}
                    {f.field(l, ("Belopp per år (kr)", "Amount per year (SEK)"), format!("{c}.amount"), Kind::Money)}
                    {f.field(l, ("Gäller från (ÅÅÅÅ-MM-DD, tomt: från start)", "Applies from (YYYY-MM-DD, empty: from the start)"), format!("{c}.from"), Kind::Date)}
                    {f.field(l, ("Gäller till och med (ÅÅÅÅ-MM-DD, tomt: till slut)", "Applies until (YYYY-MM-DD, empty: to the end)"), format!("{c}.until"), Kind::Date)}
                    {f.source(l, format!("{c}.source"))}
                </div>
            }
            .into_any()
        });
    let ix = f.value("funding.indexation");
    let ix_options = vec![
        ("Ingen uppräkning", "No indexation", Value::Null),
        (
            "Fast procent per år",
            "Fixed percent a year",
            json!({"type": "fixed_percent", "percent": "2", "base_year": 2025}),
        ),
        (
            "Indexserie (t.ex. PKV)",
            "Index series (e.g. PKV)",
            json!({"type": "series", "name": "PKV", "base_year": 2025, "lag_years": 0, "values": {}}),
        ),
    ];
    let ix_now = chosen(&ix, Some("type"), &ix_options);
    let ix_fields = match ix.get("type").and_then(Value::as_str) {
        Some("fixed_percent") => view! { <div class="sub-fields">
            {f.field(l, ("Procent per år", "Percent a year"), "funding.indexation.percent".into(), Kind::Decimal)}
            {f.field(l, ("Basår", "Base year"), "funding.indexation.base_year".into(), Kind::Year)}
        </div> }.into_any(),
        Some("series") => view! { <div class="sub-fields">
            {f.field(l, ("Indexets namn", "Name of the index"), "funding.indexation.name".into(), Kind::Text)}
            {f.field(l, ("Basår", "Base year"), "funding.indexation.base_year".into(), Kind::Year)}
            {f.field(l, ("Eftersläpning (år)", "Lag (years)"), "funding.indexation.lag_years".into(), Kind::CountGiven)}
            {f.field(l, ("Indexvärden (år: värde; …)", "Index values (year: value; …)"), "funding.indexation.values".into(), Kind::Series)}
        </div> }.into_any(),
        _ => ().into_any(),
    };
    let split = f.value("funding.split");
    let by_amount = split.get("by").and_then(Value::as_str) == Some("amount");
    // Switching the kind of split keeps the payers (the core says how).
    let current: Option<iop_core::funding::Split> = serde_json::from_value(split.clone()).ok();
    let as_shares = current.as_ref().map_or(Value::Null, |c| {
        serde_json::to_value(c.converted(false)).unwrap_or(Value::Null)
    });
    let as_amounts = current.as_ref().map_or(Value::Null, |c| {
        serde_json::to_value(c.converted(true)).unwrap_or(Value::Null)
    });
    let split_options = vec![
        ("Andelar av helheten", "Shares of the whole", as_shares),
        ("Fasta belopp per år", "Fixed amounts a year", as_amounts),
    ];
    let payers = f.list(l, ("Betalare", "Payers"), ("Lägg till betalare", "Add payer"), "funding.split.payers".into(),
        if by_amount { json!({"name": "", "amount": "0.00"}) } else { json!({"name": "", "share": "1/1"}) },
        move |p, _| {
            let part = if by_amount {
                f.field(l, ("Belopp per år (kr)", "Amount per year (SEK)"), format!("{p}.amount"), Kind::MoneyGiven)
            } else {
                f.field(l, ("Andel (t.ex. 1/2 eller 50 %)", "Share (e.g. 1/2 or 50 %)"), format!("{p}.share"), Kind::Share)
            };
            view! { <div>{f.field(l, ("Betalare", "Payer"), format!("{p}.name"), Kind::Text)}{part}</div> }.into_any()
        });
    let timing = f.value("funding.payments.timing");
    let timing_options = vec![
        ("Okänt", "Unknown", json!({"type": "unknown"})),
        (
            "Fyra gånger per år (varje kvartal)",
            "Four times a year (each quarter)",
            json!({"type": "quarterly"}),
        ),
        (
            "En gång per år, inom ett kvartal",
            "Once a year, within a quarter",
            json!({"type": "quarter", "quarter": 1}),
        ),
        (
            "En gång per år, en viss dag",
            "Once a year, on a given day",
            json!({"type": "yearly", "month": 1, "day": 31}),
        ),
    ];
    let timing_now = chosen(&timing, Some("type"), &timing_options);
    let timing_fields = match timing.get("type").and_then(Value::as_str) {
        Some("quarter") => f.field(l, ("Kvartal (1–4)", "Quarter (1–4)"), "funding.payments.timing.quarter".into(), Kind::CountGiven),
        Some("yearly") => view! { <div class="sub-fields">
            {f.field(l, ("Månad (1–12)", "Month (1–12)"), "funding.payments.timing.month".into(), Kind::CountGiven)}
            {f.field(l, ("Dag (1–31)", "Day (1–31)"), "funding.payments.timing.day".into(), Kind::CountGiven)}
        </div> }.into_any(),
        _ => ().into_any(),
    };
    section(
        l,
        "ekonomi",
        ("Ekonomi", "Money"),
        vec![
            components,
            f.choice(
                l,
                ("Uppräkning", "Indexation"),
                "funding.indexation".into(),
                ix_options,
                ix_now,
            ),
            ix_fields,
            f.choice(
                l,
                ("Fördelning mellan betalare", "Split between payers"),
                "funding.split".into(),
                split_options,
                usize::from(by_amount),
            ),
            payers,
            f.choice(
                l,
                ("Utbetalning", "Payment"),
                "funding.payments.timing".into(),
                timing_options,
                timing_now,
            ),
            timing_fields,
            f.check(
                l,
                ("Betalas mot faktura", "Paid against an invoice"),
                "funding.payments.on_invoice".into(),
            ),
            f.field(
                l,
                (
                    "Handlingar med fakturan (en per rad)",
                    "Documents with the invoice (one per line)",
                ),
                "funding.payments.documents".into(),
                Kind::Lines,
            ),
            f.source(l, "funding.payments.source".into()),
        ],
    )
}

fn follow_up(f: Form, l: Lang) -> AnyView {
    let meetings = json!({"per_year": null, "responsible": "", "invited": []});
    let docs = f.list(l, ("Planer och rapporter", "Plans and reports"), ("Lägg till plan eller rapport", "Add plan or report"), "obligations.documents".into(),
        json!({"kind": "report", "name": "", "contents": [], "responsible": ["organisation"], "due": {"type": "unknown"}, "reported_to": null}),
        move |d, _| {
            let kinds = vec![
                ("Verksamhetsplan", "Plan", json!("plan")),
                ("Verksamhetsberättelse", "Report", json!("report")),
                ("Årsredovisning", "Annual accounts", json!("accounts")),
                ("Lägesbild och handlingsplan", "Situation picture and action plan", json!("action_plan")),
            ];
            let kind_now = chosen(&f.value(&format!("{d}.kind")), None, &kinds);
            let who = vec![
                ("Organisationen", "The organisation", json!(["organisation"])),
                ("Den offentliga parten", "The public party", json!(["public"])),
                ("Båda, gemensamt", "Both, jointly", json!(["public", "organisation"])),
            ];
            let who_now = chosen(&f.value(&format!("{d}.responsible")), None, &who);
            let due = f.value(&format!("{d}.due"));
            let dues = vec![
                ("Okänt", "Unknown", json!({"type": "unknown"})),
                ("Med fakturan", "With the invoice", json!({"type": "with_invoice"})),
                ("Före varje avtalsår", "Before each agreement year", json!({"type": "before_year"})),
                ("Efter varje avtalsår", "After each agreement year", json!({"type": "after_year", "days": null})),
            ];
            let due_now = chosen(&due, Some("type"), &dues);
            let days = (due.get("type").and_then(Value::as_str) == Some("after_year")).then(|| {
                f.field(l, ("Dagar efter årets slut", "Days after the year's end"), format!("{d}.due.days"), Kind::Count)
            });
            view! {
                <div>
                    {f.choice(l, ("Slag av handling", "Kind of document"), format!("{d}.kind"), kinds, kind_now)}
                    {f.field(l, ("Namn på handlingen", "Name of the document"), format!("{d}.name"), Kind::Text)}
                    {f.field(l, ("Innehåll (en punkt per rad)", "Contents (one item per line)"), format!("{d}.contents"), Kind::Lines)}
                    {f.choice(l, ("Ansvarig", "Responsible"), format!("{d}.responsible"), who, who_now)}
                    {f.choice(l, ("Lämnas", "Due"), format!("{d}.due"), dues, due_now)}
                    {days}
                    {f.field(l, ("Rapporteras till", "Reported to"), format!("{d}.reported_to"), Kind::OptionalText)}
                </div>
            }
            .into_any()
        });
    section(
        l,
        "uppfoljning",
        ("Uppföljning", "Follow-up"),
        vec![
            f.field_in(
                l,
                (
                    "Uppföljningsmöten per år (minst)",
                    "Follow-up meetings per year (at least)",
                ),
                "obligations.meetings".into(),
                meetings.clone(),
                "per_year",
                Kind::Count,
            ),
            f.field_in(
                l,
                ("Ansvarig för mötena", "Responsible for the meetings"),
                "obligations.meetings".into(),
                meetings,
                "responsible",
                Kind::Text,
            ),
            docs,
            f.field(
                l,
                (
                    "Andra åtaganden (ett per rad)",
                    "Other duties (one per line)",
                ),
                "obligations.other".into(),
                Kind::Lines,
            ),
            f.source(l, "obligations.source".into()),
        ],
    )
}

fn termination(f: Form, l: Lang) -> AnyView {
    let notice = f.value("termination.ordinary_notice");
    let no_notice = notice == json!("none");
    let breach = f.value("termination.for_breach");
    let no_breach = breach == json!("none");
    let clause = breach.is_object();
    let notice_field = view! {
        <div class="field">
            <label for="e-termination-ordinary_notice">{l.t("Uppsägningstid (t.ex. 6 månader)", "Notice period (e.g. 6 months)")}</label>
            <input id="e-termination-ordinary_notice" type="text" prop:value=if no_notice { String::new() } else { Kind::Duration.show(&notice) } prop:disabled=no_notice
                on:input=move |ev| match Kind::Duration.parse_user(&event_target_value(&ev)) {
                    Ok(v) => { f.apply(Edit::set("termination.ordinary_notice", v)); }
                    Err(e) => f.errors.update(|m| { m.insert("termination.ordinary_notice".into(), e.0); }),
                } />
            {f.messages("termination.ordinary_notice".into())}
        </div>
        <div class="field check">
            <input id="e-no-notice" type="checkbox" prop:checked=no_notice on:change=move |ev| {
                let v = if event_target_checked(&ev) { json!("none") } else { Value::Null };
                f.apply_and_rebuild(Edit::set("termination.ordinary_notice", v));
            } />
            <label for="e-no-notice">{l.t("Ingen uppsägningstid: avtalet kan inte sägas upp i förtid", "No notice period: the agreement cannot be ended early")}</label>
        </div>
    }
    .into_any();
    let cure_field = view! {
        <div class="field">
            <label for="e-termination-for_breach-cure_days">{l.t("Rättelsetid vid väsentligt avtalsbrott (dagar)", "Cure period on material breach (days)")}</label>
            <input id="e-termination-for_breach-cure_days" type="text" inputmode="numeric" prop:disabled=no_breach
                prop:value=breach.get("cure_days").map(|v| v.to_string()).unwrap_or_default()
                on:input=move |ev| match Kind::Count.parse_user(&event_target_value(&ev)) {
                    Ok(Value::Null) => { f.apply_and_rebuild(Edit::set("termination.for_breach", Value::Null)); }
                    Ok(days) => {
                        if f.value("termination.for_breach").is_object() {
                            f.apply(Edit::set("termination.for_breach.cure_days", days));
                        } else {
                            f.apply_and_rebuild(Edit::set("termination.for_breach", json!({"cure_days": days, "if_organisation_in_breach": "unknown", "if_public_in_breach": "unknown"})));
                        }
                    }
                    Err(e) => f.errors.update(|m| { m.insert("termination.for_breach".into(), e.0); }),
                } />
            {f.messages("termination.for_breach".into())}
        </div>
        <div class="field check">
            <input id="e-no-breach" type="checkbox" prop:checked=no_breach on:change=move |ev| {
                let v = if event_target_checked(&ev) { json!("none") } else { Value::Null };
                f.apply_and_rebuild(Edit::set("termination.for_breach", v));
            } />
            <label for="e-no-breach">{l.t("Ingen klausul om hävning", "No clause on termination for breach")}</label>
        </div>
    }
    .into_any();
    let repay = clause.then(|| {
        let options = || vec![
            ("Okänt", "Unknown", json!("unknown")),
            ("Inget: organisationen behåller det utbetalda", "Nothing: the organisation keeps what was paid", json!("nothing")),
            ("Delar eller hela beloppet", "Part or all of it", json!("part_or_all")),
            ("Hela beloppet", "All of it", json!("all")),
        ];
        let org = chosen(&breach["if_organisation_in_breach"], None, &options());
        let public = chosen(&breach["if_public_in_breach"], None, &options());
        view! { <div class="sub-fields">
            {f.choice(l, ("Återbetalning om organisationen bryter mot avtalet", "Repayment if the organisation is in breach"), "termination.for_breach.if_organisation_in_breach".into(), options(), org)}
            {f.choice(l, ("Återbetalning om den offentliga parten bryter mot avtalet", "Repayment if the public party is in breach"), "termination.for_breach.if_public_in_breach".into(), options(), public)}
        </div> }.into_any()
    });
    section(
        l,
        "uppsagning",
        ("Ändringar och uppsägning", "Changes and termination"),
        vec![
            notice_field,
            cure_field,
            repay.unwrap_or_else(|| ().into_any()),
            f.check(
                l,
                (
                    "Väsentliga ändringar kräver skriftligt godkännande",
                    "Significant changes need written approval",
                ),
                "termination.changes_need_written_approval".into(),
            ),
            f.source(l, "termination.source".into()),
        ],
    )
}

fn scope(f: Form, l: Lang) -> AnyView {
    let areas = f.list(l, ("Insatser per område", "Services by area"), ("Lägg till område", "Add area"), "scope.service_areas".into(),
        json!({"name": "", "provider": "organisation", "services": []}),
        move |a, _| {
            let providers = vec![
                ("Organisationen", "The organisation", json!("organisation")),
                ("Den offentliga parten", "The public party", json!("public")),
            ];
            let now = chosen(&f.value(&format!("{a}.provider")), None, &providers);
            view! { <div>
                {f.field(l, ("Område", "Area"), format!("{a}.name"), Kind::Text)}
                {f.choice(l, ("Utförs av", "Provided by"), format!("{a}.provider"), providers, now)}
                {f.field(l, ("Insatser (en per rad)", "Services (one per line)"), format!("{a}.services"), Kind::Lines)}
            </div> }.into_any()
        });
    section(
        l,
        "omfattning",
        ("Omfattning", "Scope"),
        vec![
            f.field(
                l,
                ("Syfte", "Purpose"),
                "scope.purpose".into(),
                Kind::OptionalText,
            ),
            f.field(
                l,
                ("Bakgrund", "Background"),
                "scope.background".into(),
                Kind::OptionalText,
            ),
            f.field(
                l,
                ("Mål (ett per rad)", "Goals (one per line)"),
                "scope.goals".into(),
                Kind::Lines,
            ),
            f.field(
                l,
                ("Målgrupp (en per rad)", "Target groups (one per line)"),
                "scope.target_groups".into(),
                Kind::Lines,
            ),
            areas,
            f.field(
                l,
                (
                    "Avgränsning: vad som inte ingår (en per rad)",
                    "Exclusions (one per line)",
                ),
                "scope.exclusions".into(),
                Kind::Lines,
            ),
            f.field(
                l,
                ("Värdegrund (en per rad)", "Values (one per line)"),
                "scope.values".into(),
                Kind::Lines,
            ),
            f.field(
                l,
                ("Rättslig grund (en per rad)", "Legal basis (one per line)"),
                "scope.legal_basis".into(),
                Kind::Lines,
            ),
            f.source(l, "scope.source".into()),
        ],
    )
}

fn sources(f: Form, l: Lang) -> AnyView {
    let list = f.list(l, ("Källor", "Sources"), ("Lägg till källa", "Add source"), "sources".into(), json!({"id": "", "title": "", "date": null}), move |s, _| {
        view! { <div>
            {f.field(l, ("Källa (kort id som delarna hänvisar till)", "Source (short id the parts refer to)"), format!("{s}.id"), Kind::Text)}
            {f.field(l, ("Titel", "Title"), format!("{s}.title"), Kind::Text)}
            {f.field(l, ("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"), format!("{s}.date"), Kind::Date)}
        </div> }.into_any()
    });
    section(
        l,
        "kallor",
        ("Källor", "Sources"),
        vec![
            list,
            f.field(l, ("Anteckningar", "Notes"), "notes".into(), Kind::Text),
        ],
    )
}
