//! The app's state: one plain struct of signals, shared by context. Persistence is one effect.

use crate::i18n::Lang;
use crate::store::{self, Loaded, Prefs};
use chrono::{NaiveDate, NaiveDateTime};
use iop_core::compare::{compare_with, ComparisonRow};
use iop_core::edit::{Edit, History};
use iop_core::scenario::Problem;
use iop_core::scenario::{self, Receipt, Scenario};
use iop_core::term::{Duration, DEFAULT_LEAD};
use iop_core::{presets, Agreement};
use leptos::prelude::*;

/// Which view is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// All agreements, filterable.
    Browse,
    /// One agreement, every term.
    Detail(String),
    /// The picked agreements side by side.
    Compare,
    /// Edit one of the user's agreements.
    WhatIf(String),
    /// The dated obligations of one agreement.
    Calendar(String),
    /// Export and import.
    Share,
    /// Read an agreement's text.
    ReadText,
    /// The map of Sweden's kommuner.
    Map,
    /// A simulated termination for breach of one agreement.
    Termination(String),
}

/// The catalogue of real agreements (`katalog.json`, beside the page): fetched when first
/// needed, never compiled into the module.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Catalogue {
    /// Not asked for yet.
    #[default]
    NotAsked,
    /// On its way.
    Loading,
    /// Read: its agreements (read-only, like the built-in ones).
    Loaded(Vec<Agreement>),
    /// It could not be fetched or read (offline without a cached copy, say).
    Failed,
}

impl Catalogue {
    /// Its agreements; none until it is read.
    pub fn agreements(&self) -> &[Agreement] {
        match self {
            Catalogue::Loaded(a) => a,
            _ => &[],
        }
    }
}

/// A file read for import, waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The file's name.
    pub file: String,
    /// The scenario, when the file has no errors.
    pub scenario: Option<Scenario>,
    /// Every problem found.
    pub problems: Vec<iop_core::scenario::Problem>,
}

/// Stored data that could not be read, kept for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The stored text, as found.
    pub raw: String,
    /// Why it cannot be read, in Swedish.
    pub why_sv: String,
    /// The same in English.
    pub why_en: String,
    /// The backup key that holds it; `None` when it could not be kept, and then nothing is
    /// written over it.
    pub key: Option<String>,
}

/// Which of the user's agreements the last version taken in from another tab changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergedIn {
    /// How many versions have been taken in.
    pub count: u64,
    /// The agreements the last one added, deleted or changed.
    pub ids: std::collections::BTreeSet<String>,
}

/// Shared state of the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Page language.
    pub lang: RwSignal<Lang>,
    /// The date questions are asked on.
    pub at: RwSignal<NaiveDate>,
    /// The nämnd's lead time: "Beslut senast" is this long before a period's end where the
    /// agreement states no notice period.
    pub lead: RwSignal<Duration>,
    /// The user's own agreements.
    pub own: RwSignal<Scenario>,
    /// What this tab wrote last, the core's record for merging other tabs' versions
    /// (`iop_core::scenario::Shared`).
    pub shared: StoredValue<scenario::Shared>,
    /// Its text, to tell cheaply whether another tab has written since.
    pub written_text: StoredValue<String>,
    /// Ids picked for comparison.
    pub selected: RwSignal<Vec<String>>,
    /// The agreement the comparison marks differences against ("Jämför mot"); `None`, or an id
    /// not compared, means the first picked. Kept in the comparison's address (`&mot=`).
    pub reference: RwSignal<Option<String>>,
    /// The view shown.
    pub view: RwSignal<View>,
    /// The catalogue of real agreements, once fetched.
    pub catalogue: RwSignal<Catalogue>,
    /// The list's filter (kept while other views are shown; the map sets it).
    pub filter: RwSignal<iop_core::compare::Filter>,
    /// Why the last save failed, while it keeps failing.
    pub save_error: RwSignal<Option<store::SaveError>>,
    /// A save waits for typing to pause.
    pub save_pending: RwSignal<bool>,
    /// Stored data that could not be read, kept under a backup key. Saving pauses only when
    /// the backup could not be written.
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// An import waiting for the user's decision.
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// A short message for screen readers and sighted users after an action.
    pub status: RwSignal<String>,
    /// Changes to the user's agreements that came from elsewhere (another tab's version merged
    /// in), so an open form of a changed agreement shows them; the form's own edits, and changes
    /// to other agreements, do not redraw it.
    pub merged_in: RwSignal<MergedIn>,
    /// The comparison figures of every agreement (built-in and own) on `at`, computed once and
    /// shared by the list and the comparison, so switching between them recomputes nothing.
    pub rows: Memo<Vec<ComparisonRow>>,
    /// The save waiting for typing to pause.
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// The editor's undo and redo steps, by agreement id (kept across reloads).
    histories: StoredValue<std::collections::BTreeMap<String, History>>,
    /// The agreements whose history changed since the last save.
    dirty: StoredValue<std::collections::BTreeSet<String>>,
    /// Goes to an address (a query string), adding to the browser's history or replacing its
    /// last entry; set by the router (`lib.rs`, `routes`).
    navigator: StoredValue<Option<Navigator>, LocalStorage>,
}

/// Goes to a query string; whether it replaces the history's last entry.
type Navigator = std::rc::Rc<dyn Fn(&str, bool)>;

/// A view's name, for the page's title.
pub fn view_title(view: &View, l: Lang) -> &'static str {
    match view {
        View::Browse => l.t("Avtal", "Agreements"),
        View::Detail(_) => l.t("Avtal", "Agreement"),
        View::Compare => l.t("Jämför", "Compare"),
        View::WhatIf(_) => l.t("Ändra avtal", "Edit agreement"),
        View::Calendar(_) => l.t("Kalender", "Calendar"),
        View::Share => l.t("Spara och dela", "Keep and share"),
        View::ReadText => l.t("Läs in text", "Read a text"),
        View::Map => l.t("Karta", "Map"),
        View::Termination(_) => l.t("Simulera hävning", "Simulate termination"),
    }
}

/// How long typing must pause before the work is stored: a keystroke updates the page at once,
/// and serialising and storing every agreement happens once per pause instead of per key. The
/// page stores at once when it is hidden or closed.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// Now, from the browser's clock, as UTC.
pub fn now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    chrono::DateTime::from_timestamp_millis(d.get_time() as i64)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// Today, in the browser's time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The built-in agreements, built once.
pub fn builtin() -> &'static [Agreement] {
    static BUILTIN: std::sync::OnceLock<Vec<Agreement>> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(presets::all)
}

/// The text of a file of the page's own origin (`katalog.json`); `None` when it cannot be
/// fetched (offline without a cached copy) or the server answers with an error.
pub async fn fetch_text(address: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(address))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// A backup of unreadable data from an earlier visit, still offered until the user decides.
pub fn earlier_backup() -> Option<Unreadable> {
    store::first_backup().map(|(key, raw)| Unreadable {
        why_sv: "Den sparades som säkerhetskopia vid ett tidigare besök.".into(),
        why_en: "It was kept as a backup on an earlier visit.".into(),
        raw,
        key: Some(key),
    })
}

fn empty_scenario() -> Scenario {
    Scenario::new("Mina avtal", now(), vec![])
}

impl AppState {
    /// Loads what is stored and starts persisting.
    pub fn new() -> AppState {
        let prefs = store::load_prefs();
        let mut backup_error = None;
        let (own, unreadable) = match store::load() {
            Loaded::Empty => (empty_scenario(), None),
            Loaded::Ok(s) => (s, None),
            Loaded::Unreadable {
                raw,
                why_sv,
                why_en,
            } => {
                // Kept apart first; only then may new work go under the main key.
                let key = store::keep_backup(&raw)
                    .map_err(|e| backup_error = Some(e))
                    .ok();
                (
                    empty_scenario(),
                    Some(Unreadable {
                        raw,
                        why_sv,
                        why_en,
                        key,
                    }),
                )
            }
        };
        let unreadable = unreadable.or_else(earlier_backup);
        // A history goes with its agreement: one left by an agreement no longer here is dropped
        // (not when the work could not be read: its backup may yet be restored).
        let mut histories = store::load_histories();
        let readable = unreadable.is_none();
        histories.retain(|id, _| {
            if !readable {
                return true;
            }
            let kept = own.agreements.iter().any(|a| a.id == *id);
            if !kept {
                store::drop_history(id);
            }
            kept
        });
        let at = RwSignal::new(today());
        // A stored lead time the core would refuse (an edited store) falls back to the default.
        let lead = RwSignal::new(
            prefs
                .lead_months
                .and_then(|m| iop_core::term::lead_from_user(&m.to_string()).ok())
                .unwrap_or(DEFAULT_LEAD),
        );
        let own = RwSignal::new(own);
        let catalogue = RwSignal::new(Catalogue::NotAsked);
        let rows = Memo::new(move |_| {
            let (at, lead) = (at.get(), lead.get());
            let mut all = compare_with(builtin(), at, lead);
            catalogue.with(|c| all.extend(compare_with(c.agreements(), at, lead)));
            own.with(|s| all.extend(compare_with(&s.agreements, at, lead)));
            all
        });
        let state = AppState {
            lang: RwSignal::new(prefs.lang),
            at,
            lead,
            rows,
            shared: StoredValue::new(scenario::Shared::new(own.get_untracked())),
            written_text: StoredValue::new(store::load_text().unwrap_or_default()),
            own,
            selected: RwSignal::new(prefs.selected),
            reference: RwSignal::new(None),
            view: RwSignal::new(View::Browse),
            catalogue,
            filter: RwSignal::new(Default::default()),
            save_error: RwSignal::new(backup_error),
            save_pending: RwSignal::new(false),
            unreadable: RwSignal::new(unreadable),
            pending_import: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            merged_in: RwSignal::new(MergedIn::default()),
            save_timer: StoredValue::new(None),
            histories: StoredValue::new(histories),
            dirty: StoredValue::new(Default::default()),
            navigator: StoredValue::new_local(None),
        };
        state.persist();
        state
    }

    /// One effect schedules a save on every change (see [`SAVE_DELAY`]); another stores the
    /// preferences.
    fn persist(self) {
        Effect::new(move |first: Option<()>| {
            self.own.track();
            self.unreadable.track();
            if first.is_none() {
                return; // what was just loaded needs no saving
            }
            if let Some(t) = self.save_timer.try_update_value(Option::take).flatten() {
                t.clear();
            }
            let timer = set_timeout_with_handle(move || self.save_now(), SAVE_DELAY).ok();
            self.save_timer.set_value(timer);
            self.save_pending.set(true);
        });
        Effect::new(move |_| {
            store::save_prefs(&Prefs {
                lang: self.lang.get(),
                selected: self.selected.get(),
                lead_months: match self.lead.get() {
                    Duration::Months(m) if self.lead.get() != DEFAULT_LEAD => Some(m),
                    _ => None,
                },
            });
        });
    }

    /// Stores the work now, unless nothing changed since the last save or stored data awaits
    /// the user's decision.
    ///
    /// Two tabs share the storage. `base` is the last version this tab has seen from storage
    /// (the common ancestor of both tabs' edits); a version in storage that is neither `base` nor
    /// what this tab wrote last came from another tab and is merged before anything is written.
    pub fn save_now(self) {
        if let Some(t) = self.save_timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        if self.save_pending.get_untracked() {
            self.save_pending.set(false);
        }
        if self
            .unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.key.is_none()))
        {
            return; // the unreadable data has no backup: nothing is written over it
        }
        let s = self.own.get_untracked();
        // Nothing to do only when storage still holds what this tab wrote: another tab's write
        // that crossed ours (and lacks our edit) is not taken for ours.
        let stored_text = store::load_text();
        let in_step = self
            .written_text
            .with_value(|w| stored_text.as_deref() == Some(w.as_str()));
        if self.shared.with_value(|sh| sh.written == s)
            && self.save_error.get_untracked().is_none()
            && in_step
        {
            return;
        }
        // Parse what is stored only when another tab has written since our last save.
        let foreign = stored_text.is_some()
            && self
                .written_text
                .with_value(|w| stored_text.as_ref() != Some(w));
        let to_write = match stored_text.filter(|_| foreign).map(store::parse) {
            Some(Loaded::Ok(stored)) => scenario::merge_revised(&s, &stored),
            // Something unreadable arrived meanwhile: kept apart before it is written over.
            Some(Loaded::Unreadable {
                raw,
                why_sv,
                why_en,
            }) => match store::keep_backup(&raw) {
                Ok(key) => {
                    self.unreadable.set(Some(Unreadable {
                        raw,
                        why_sv,
                        why_en,
                        key: Some(key),
                    }));
                    s.clone()
                }
                Err(e) => {
                    self.save_error.set(Some(e));
                    return;
                }
            },
            _ => s.clone(),
        };
        let text = to_write.to_json_compact();
        // Storage full: the undo histories are given up first, never the work.
        let saved = match store::save_text(&text) {
            Err(store::SaveError::Full) if store::drop_histories() => store::save_text(&text),
            other => other,
        };
        match saved {
            Ok(()) => {
                // The undo steps go with the work they undo, once per pause like it.
                let dirty = self
                    .dirty
                    .try_update_value(std::mem::take)
                    .unwrap_or_default();
                self.histories.with_value(|h| {
                    for id in &dirty {
                        if let Some(h) = h.get(id) {
                            store::save_history(id, h);
                        }
                    }
                });
                let changed = to_write != s;
                self.shared.update_value(|sh| sh.wrote(to_write.clone()));
                self.written_text.set_value(text);
                self.save_error.set(None);
                if changed {
                    self.take_in(to_write);
                }
            }
            Err(e) => self.save_error.set(Some(e)),
        }
    }

    /// Puts a version merged with another tab's in place of ours, and says which agreements it
    /// changed.
    fn take_in(self, merged: Scenario) {
        let ids = self
            .own
            .with_untracked(|own| scenario::changed_agreements(own, &merged));
        // Said to screen readers and in the status line: the work changed without a click here.
        let l = self.lang.get_untracked();
        let names: Vec<String> = ids
            .iter()
            .filter_map(|id| {
                let name = |s: &Scenario| {
                    s.agreements
                        .iter()
                        .find(|a| a.id == *id)
                        .map(|a| crate::format::name(&a.name, l))
                };
                name(&merged).or_else(|| self.own.with_untracked(name))
            })
            .collect();
        if !names.is_empty() {
            let list = names.join(", ");
            self.status.set(l.pick(
                format!("Ändrat i en annan flik: {list}."),
                format!("Changed in another tab: {list}."),
            ));
        }
        self.own.set(merged);
        self.merged_in.update(|m| {
            m.count += 1;
            m.ids = ids;
        });
    }

    /// Another tab stored a new version: merge what is stored now (events can arrive late, so
    /// the event's own copy may be stale) with ours, by the agreements' revisions (see
    /// `iop_core::scenario::Shared::receive`).
    pub fn receive(self) {
        if self
            .unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.key.is_none()))
        {
            return;
        }
        let Some(text) = store::load_text() else {
            return;
        };
        if self.written_text.with_value(|w| *w == text) {
            return;
        }
        if let Loaded::Ok(remote) = store::parse(text.clone()) {
            let receipt = self.own.with_untracked(|local| {
                self.shared
                    .try_update_value(|sh| sh.receive(local, remote))
                    .unwrap_or(Receipt::Nothing)
            });
            match receipt {
                Receipt::Nothing => {}
                // Nothing of ours is missing there: in step with storage, nothing to write.
                Receipt::InStep => self.written_text.set_value(text),
                Receipt::TakeIn { merged, in_step } => {
                    if in_step {
                        self.written_text.set_value(text);
                    }
                    self.take_in(merged);
                }
                // Storage lacks some of ours (a write crossed ours) and nothing here changes
                // to schedule a save: write now.
                Receipt::WriteNow => self.save_now(),
            }
        }
    }

    /// Sets how the app goes to an address (the router's navigation).
    pub fn set_navigator(self, f: impl Fn(&str, bool) + 'static) {
        self.navigator.set_value(Some(std::rc::Rc::new(f)));
    }

    /// Shows `view`: its address is added to the browser's history, so Back returns here.
    pub fn go(self, view: View) {
        let picked = self.selected.get_untracked();
        self.navigate(&view, &picked, false);
    }

    /// Shows `view` in place of the history's last entry (the address changes, Back does not).
    pub fn go_replace(self, view: View, picked: &[String]) {
        self.navigate(&view, picked, true);
    }

    fn navigate(self, view: &View, picked: &[String], replace: bool) {
        let query = crate::address::query_with_reference(
            view,
            picked,
            self.reference.get_untracked().as_deref(),
        );
        match self.navigator.get_value() {
            Some(go) => go(&query, replace),
            // Before the router is set up (never in the app): the view alone changes.
            None => self.view.set(view.clone()),
        }
    }

    /// Fetches the catalogue (`katalog.json`, same origin) unless it is read or on its way; a
    /// failure is kept as [`Catalogue::Failed`] and the list says so.
    pub fn ensure_catalogue(self) {
        if !matches!(self.catalogue.get_untracked(), Catalogue::NotAsked) {
            return;
        }
        self.catalogue.set(Catalogue::Loading);
        let catalogue = self.catalogue;
        wasm_bindgen_futures::spawn_local(async move {
            let read = fetch_text("katalog.json")
                .await
                .and_then(|text| iop_core::scenario::read(text.as_bytes()).scenario);
            catalogue.set(match read {
                Some(s) => Catalogue::Loaded(s.agreements),
                None => Catalogue::Failed,
            });
        });
    }

    /// Whether `id` is one of the catalogue's agreements.
    pub fn is_catalogue(self, id: &str) -> bool {
        self.catalogue
            .with(|c| c.agreements().iter().any(|a| a.id == id))
    }

    /// Built-in agreements followed by the user's own.
    pub fn all_agreements(self) -> Vec<Agreement> {
        self.with_agreements(|all| all.cloned().collect())
    }

    /// Reads the built-in agreements followed by the user's own, without copying them.
    pub fn with_agreements<R>(
        self,
        f: impl FnOnce(&mut dyn Iterator<Item = &Agreement>) -> R,
    ) -> R {
        self.catalogue.with(|c| {
            self.own.with(|s| {
                f(&mut builtin()
                    .iter()
                    .chain(c.agreements().iter())
                    .chain(s.agreements.iter()))
            })
        })
    }

    /// A copy of the agreement with this id, built-in or own.
    pub fn agreement(self, id: &str) -> Option<Agreement> {
        self.with_agreements(|mut all| Iterator::find(&mut all, |a| a.id == id).cloned())
    }

    /// Whether an id belongs to one of the user's agreements (editable).
    pub fn is_own(self, id: &str) -> bool {
        self.own.with(|s| s.agreements.iter().any(|a| a.id == id))
    }

    /// Applies an edit to the user's agreement `id`, recording it for undo; the problems of the
    /// structure, by path, when it cannot apply.
    pub fn apply_edit(self, id: &str, edit: Edit) -> Result<(), Vec<Problem>> {
        let Some(current) = self.own_agreement(id) else {
            return Ok(());
        };
        let next = self
            .histories
            .try_update_value(|h| h.entry(id.to_string()).or_default().apply(&current, edit))
            .unwrap_or(Ok(current))?;
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        self.put(next);
        Ok(())
    }

    /// Undoes (`back`) or redoes the last step of agreement `id`; the edit it made, if any.
    pub fn step(self, id: &str, back: bool) -> Option<Edit> {
        let current = self.own_agreement(id)?;
        let (next, made) = self
            .histories
            .try_update_value(|h| {
                let h = h.entry(id.to_string()).or_default();
                let made = if back { h.next_undo() } else { h.next_redo() }.cloned();
                let next = if back {
                    h.undo(&current)
                } else {
                    h.redo(&current)
                };
                (next, made)
            })
            .unwrap_or((None, None));
        let next = next?;
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        self.put(next);
        made
    }

    /// Whether agreement `id` has a step to undo and one to redo.
    pub fn can_step(self, id: &str) -> (bool, bool) {
        self.histories.with_value(|h| {
            h.get(id)
                .map_or((false, false), |h| (h.can_undo(), h.can_redo()))
        })
    }

    /// A copy of the user's agreement `id`.
    pub fn own_agreement(self, id: &str) -> Option<Agreement> {
        self.own
            .with_untracked(|s| s.agreements.iter().find(|a| a.id == id).cloned())
    }

    /// Puts `agreement` in place of the user's agreement with its id.
    fn put(self, agreement: Agreement) {
        self.edit(move |s| {
            if let Some(a) = s.agreements.iter_mut().find(|a| a.id == agreement.id) {
                *a = agreement;
            }
        });
    }

    /// Adds a new agreement in which every term is unknown; its id.
    pub fn new_agreement(self) -> String {
        let id = self.fresh_id("eget");
        let blank = Agreement::blank(&id);
        self.edit(|s| s.agreements.push(blank));
        id
    }

    /// Changes the user's scenario and stamps it: its time, and the revisions of the
    /// agreements changed (so another tab's older copy never undoes the change).
    pub fn edit(self, f: impl FnOnce(&mut Scenario)) {
        self.own.update(|s| {
            let before = s.clone();
            f(s);
            scenario::stamp(&before, s);
            s.modified = now();
        });
    }

    /// A fresh id for a new agreement: unique among all agreements and never given before in
    /// this storage (an undo history or an address may still name an old one).
    pub fn fresh_id(self, stem: &str) -> String {
        let mut given = store::given_ids();
        self.histories
            .with_value(|h| given.extend(h.keys().cloned()));
        let id = scenario::fresh_id_unused(&self.all_agreements(), &given, stem);
        store::give_id(&id);
        id
    }

    /// Deletes the user's agreement `id`, with its undo history and its place in the comparison.
    pub fn delete_agreement(self, id: &str) {
        self.edit(|s| s.agreements.retain(|a| a.id != id));
        self.selected.update(|s| s.retain(|x| x != id));
        self.histories.update_value(|h| {
            h.remove(id);
        });
        self.dirty.update_value(|d| {
            d.remove(id);
        });
        store::drop_history(id);
    }

    /// The scenario to export: the user's agreements and copies of the built-in agreements picked
    /// for comparison, with the picks, so another browser shows the same comparison.
    pub fn export_scenario(self) -> Scenario {
        // The revisions matter only between this browser's tabs.
        let mut s = scenario::without_revisions(self.own.get_untracked());
        let selected = self.selected.get_untracked();
        let catalogue = self.catalogue.with_untracked(|c| c.agreements().to_vec());
        for p in builtin().iter().chain(catalogue.iter()).cloned() {
            if selected.contains(&p.id) && !s.agreements.iter().any(|a| a.id == p.id) {
                s.agreements.push(p);
            }
        }
        s.extensions.insert(
            "iop-web".into(),
            serde_json::json!({ "selected": selected }),
        );
        s
    }

    /// The agreements no import can change: the built-in ones and the catalogue's.
    fn read_only(self) -> Vec<Agreement> {
        self.catalogue.with_untracked(|c| {
            builtin()
                .iter()
                .chain(c.agreements().iter())
                .cloned()
                .collect()
        })
    }

    /// What adding `imported` would do with each of its agreements (the core's rule, as
    /// [`AppState::add_imported`] applies it), to show before the user decides.
    pub fn import_preview(self, imported: &Scenario) -> Vec<scenario::Arrival> {
        let read_only = self.read_only();
        self.own
            .with(|own| scenario::arrivals(own, &read_only, &imported.agreements))
    }

    /// Adds an imported scenario's agreements to the user's: built-in agreements already here are
    /// not duplicated; a clashing id gets a new one. Picks for comparison are restored.
    pub fn add_imported(self, imported: Scenario) -> usize {
        let mut renamed = Default::default();
        let mut added = 0;
        let agreements = imported.agreements.clone();
        let read_only = self.read_only();
        self.edit(|s| (added, renamed) = scenario::absorb(s, &read_only, agreements));
        // The imported ids are given now: a later new agreement never takes one of them.
        self.own
            .with_untracked(|s| store::give_ids(s.agreements.iter().map(|a| a.id.as_str())));
        let picks: Vec<String> = imported
            .extensions
            .get("iop-web")
            .and_then(|v| v.get("selected"))
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        if !picks.is_empty() {
            let picks = picks
                .into_iter()
                .map(|id| renamed.get(&id).cloned().unwrap_or(id))
                .collect();
            self.selected.set(picks);
        }
        added
    }
}
