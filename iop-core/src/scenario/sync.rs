//! Several tabs over one storage: what a tab writes when it saves, and what it does when
//! another tab's version arrives. The page keeps the storage and the events; every decision
//! about the agreements is here, tested natively against interleavings of tabs, writes and
//! late or dropped events (see the tests).
//!
//! Each agreement carries a revision, counted up by the tab that changes it. Two versions
//! merge agreement by agreement: the higher revision wins, deletions included; two different
//! versions at the same revision (two tabs changed one agreement at once) are ordered by their
//! contents, so every tab picks the same one. A write that crossed another, or that carries an
//! old copy of an agreement it never changed, therefore never undoes a later change.

use super::{changed_agreements, Scenario};
use crate::agreement::Agreement;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Where a scenario keeps its agreements' revisions, among its extensions: an object from
/// agreement id to revision. An exported file leaves it out (see [`without_revisions`]).
pub const REVISIONS: &str = "iop-revisions";

/// The revision key of the scenario's own name and notes.
const SCENARIO: &str = "";

/// The revisions a scenario carries (none: every agreement at revision 0).
pub fn revisions(s: &Scenario) -> BTreeMap<String, u64> {
    s.extensions
        .get(REVISIONS)
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(id, r)| Some((id.clone(), r.as_u64()?)))
                .collect()
        })
        .unwrap_or_default()
}

fn set_revisions(s: &mut Scenario, revisions: &BTreeMap<String, u64>) {
    if revisions.is_empty() {
        s.extensions.remove(REVISIONS);
    } else {
        let o = revisions
            .iter()
            .map(|(id, r)| (id.clone(), Value::from(*r)))
            .collect();
        s.extensions.insert(REVISIONS.into(), Value::Object(o));
    }
}

/// `s` without its revisions, as a file to share: they matter only between tabs.
pub fn without_revisions(mut s: Scenario) -> Scenario {
    s.extensions.remove(REVISIONS);
    s
}

/// After this tab changed `before` into `after`: each changed agreement (and the scenario's
/// name and notes, if changed) moves one revision past the highest this tab knows of.
///
/// ```
/// use iop_core::scenario::{revisions, stamp, Scenario};
/// let before = Scenario::new("s", Default::default(), iop_core::presets::all());
/// let mut after = before.clone();
/// after.agreements[0].notes = "edited".into();
/// stamp(&before, &mut after);
/// assert_eq!(revisions(&after).get(&before.agreements[0].id), Some(&1));
/// assert_eq!(revisions(&after).len(), 1);
/// ```
pub fn stamp(before: &Scenario, after: &mut Scenario) {
    let mut revs = revisions(before);
    let mut changed = changed_agreements(before, after);
    if before.name != after.name || before.notes != after.notes {
        changed.insert(SCENARIO.into());
    }
    if changed.is_empty() {
        return;
    }
    for id in changed {
        *revs.entry(id).or_default() += 1;
    }
    set_revisions(after, &revs);
}

/// Two versions of the user's work merged, agreement by agreement, by revision (see the
/// module's rule). The order is `remote`'s, with agreements only `local` holds after it; every
/// tab that merges the same two versions gets the same result.
///
/// ```
/// use iop_core::scenario::{merge_revised, stamp, Scenario};
/// let s0 = Scenario::new("s", Default::default(), iop_core::presets::all());
/// let mut a = s0.clone();
/// a.agreements[0].notes = "tab A".into();
/// stamp(&s0, &mut a);
/// let mut b = s0.clone();
/// b.agreements[1].notes = "tab B".into();
/// stamp(&s0, &mut b);
/// // Each side's change survives, whichever tab merges.
/// for m in [merge_revised(&a, &b), merge_revised(&b, &a)] {
///     assert_eq!((m.agreements[0].notes.as_str(), m.agreements[1].notes.as_str()), ("tab A", "tab B"));
/// }
/// // An old copy of an agreement does not undo a later change of it.
/// assert_eq!(merge_revised(&a, &s0).agreements[0].notes, "tab A");
/// ```
pub fn merge_revised(local: &Scenario, remote: &Scenario) -> Scenario {
    let (lr, rr) = (revisions(local), revisions(remote));
    let find = |s: &Scenario, id: &str| s.agreements.iter().position(|a| a.id == id);
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    ids.extend(local.agreements.iter().map(|a| a.id.as_str()));
    ids.extend(remote.agreements.iter().map(|a| a.id.as_str()));
    ids.extend(lr.keys().map(String::as_str));
    ids.extend(rr.keys().map(String::as_str));
    let mut out = remote.clone();
    let mut revs = rr.clone();
    for id in ids {
        let (l, r) = (
            find(local, id).and_then(|i| local.agreements.get(i)),
            find(remote, id).and_then(|i| remote.agreements.get(i)),
        );
        let (lrev, rrev) = (
            lr.get(id).copied().unwrap_or(0),
            rr.get(id).copied().unwrap_or(0),
        );
        if lrev > 0 || rrev > 0 {
            revs.insert(id.to_string(), lrev.max(rrev));
        }
        if l == r || !local_wins(lrev, rrev, || order_key(l) > order_key(r)) {
            continue;
        }
        match (l, find(&out, id)) {
            (Some(a), Some(i)) => {
                if let Some(slot) = out.agreements.get_mut(i) {
                    *slot = a.clone();
                }
            }
            (Some(a), None) => out.agreements.push(a.clone()),
            (None, Some(i)) => {
                out.agreements.remove(i);
            }
            (None, None) => {}
        }
    }
    let (lrev, rrev) = (
        lr.get(SCENARIO).copied().unwrap_or(0),
        rr.get(SCENARIO).copied().unwrap_or(0),
    );
    let same = (&local.name, &local.notes) == (&remote.name, &remote.notes);
    if !same
        && local_wins(lrev, rrev, || {
            (&local.name, &local.notes) > (&remote.name, &remote.notes)
        })
    {
        out.name = local.name.clone();
        out.notes = local.notes.clone();
    }
    out.modified = local.modified.max(remote.modified);
    set_revisions(&mut out, &revs);
    out
}

/// Whether the local side wins: the later revision, or at the same revision the fixed order.
fn local_wins(local: u64, remote: u64, greater: impl FnOnce() -> bool) -> bool {
    local > remote || (local == remote && greater())
}

/// A fixed order of two versions of one agreement (a deleted one first).
fn order_key(a: Option<&Agreement>) -> Option<String> {
    a.map(|a| serde_json::to_string(a).unwrap_or_default())
}

/// What one tab knows of the storage it shares with other tabs.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The version this tab wrote last, or took in as it was stored.
    pub written: Scenario,
}

/// What a tab does when another tab's version has arrived (see [`Shared::receive`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Receipt {
    /// Nothing: storage holds what this tab wrote or took in last.
    Nothing,
    /// Storage holds exactly this tab's work: nothing to take in or write.
    InStep,
    /// Take in this merged version in place of the tab's work, and save it after the usual
    /// pause (it holds changes that the stored version lacks) or not at all (`in_step`:
    /// storage already holds it).
    TakeIn {
        /// The tab's work merged with the version that arrived.
        merged: Scenario,
        /// Whether storage already holds `merged` (nothing to write).
        in_step: bool,
    },
    /// The tab's work holds changes that the stored version lacks, and nothing else will
    /// schedule a save: write it now.
    WriteNow,
}

impl Shared {
    /// A tab that has just read `loaded` from storage.
    pub fn new(loaded: Scenario) -> Shared {
        Shared { written: loaded }
    }

    /// `written` is stored: it is this tab's last write.
    pub fn wrote(&mut self, written: Scenario) {
        self.written = written;
    }

    /// Another tab stored `remote` (what storage holds now, read when its event arrived: the
    /// event's own copy may be stale); this tab's work is `local`.
    ///
    /// ```
    /// use iop_core::scenario::{stamp, Receipt, Scenario, Shared};
    /// let s0 = Scenario::new("s", Default::default(), iop_core::presets::all());
    /// let mut shared = Shared::new(s0.clone());
    /// let mut theirs = s0.clone();
    /// theirs.agreements[1].notes = "theirs".into();
    /// stamp(&s0, &mut theirs);
    /// // An idle tab takes the other tab's version as it is, and has nothing to write.
    /// assert_eq!(shared.receive(&s0, theirs.clone()), Receipt::TakeIn { merged: theirs, in_step: true });
    /// ```
    pub fn receive(&mut self, local: &Scenario, remote: Scenario) -> Receipt {
        if self.written == remote {
            return Receipt::Nothing;
        }
        let merged = merge_revised(local, &remote);
        let in_step = merged == remote;
        if in_step {
            self.written = remote;
        }
        if *local != merged {
            Receipt::TakeIn { merged, in_step }
        } else if in_step {
            Receipt::InStep
        } else {
            Receipt::WriteNow
        }
    }
}

#[cfg(test)]
mod tests {
    //! A model of tabs in a browser: each tab has its own copy of the storage (as each renderer
    //! process has), writes reach the browser in order and are sent to every tab; a tab that has
    //! a write of its own on the way ignores other tabs' writes that arrive meanwhile (as
    //! Chromium does); storage events are queued; saves wait for a pause. Any interleaving of
    //! edits and deliveries, once everything is delivered, ends with every tab's last edit
    //! stored and every tab holding what is stored.
    use super::*;
    use crate::presets;
    use proptest::prelude::*;
    use std::collections::VecDeque;

    struct Tab {
        shared: Shared,
        own: Scenario,
        /// This tab's copy of the storage.
        cache: Scenario,
        /// Its writes not yet confirmed by the browser.
        pending: usize,
        /// Writes sent by the browser: (from this tab, value).
        inbox: VecDeque<(bool, Scenario)>,
        /// Storage events waiting to be dispatched.
        events: usize,
        save_due: bool,
        /// How many edits it made (its agreement's notes say the last).
        edits: usize,
    }

    struct World {
        tabs: Vec<Tab>,
        stored: Scenario,
        /// Writes on their way to the browser: (tab, value), in order.
        outbox: VecDeque<(usize, Scenario)>,
    }

    impl World {
        fn new(tabs: usize) -> World {
            let s0 = Scenario::new("s", Default::default(), presets::all());
            World {
                tabs: (0..tabs)
                    .map(|_| Tab {
                        shared: Shared::new(s0.clone()),
                        own: s0.clone(),
                        cache: s0.clone(),
                        pending: 0,
                        inbox: VecDeque::new(),
                        events: 0,
                        save_due: false,
                        edits: 0,
                    })
                    .collect(),
                stored: s0,
                outbox: VecDeque::new(),
            }
        }

        /// Tab `t` edits its own agreement (tab k edits agreement k), as the page does.
        fn edit(&mut self, t: usize) {
            let tab = &mut self.tabs[t];
            tab.edits += 1;
            let before = tab.own.clone();
            tab.own.agreements[t].notes = format!("tab {t} edit {}", tab.edits);
            stamp(&before, &mut tab.own);
            tab.save_due = true;
        }

        /// Tab `t` edits the agreement every tab edits (the last one).
        fn edit_shared(&mut self, t: usize) {
            let tab = &mut self.tabs[t];
            let before = tab.own.clone();
            if let Some(a) = tab.own.agreements.last_mut() {
                a.notes = format!("{} tab {t}", a.notes);
            }
            stamp(&before, &mut tab.own);
            tab.save_due = true;
        }

        /// The page's save: the same steps as the web crate's `save_now`.
        fn save(&mut self, t: usize) {
            let tab = &mut self.tabs[t];
            tab.save_due = false;
            let in_step = tab.cache == tab.shared.written;
            if tab.shared.written == tab.own && in_step {
                return;
            }
            // Another tab has written since: its version is merged in first.
            let out = if in_step {
                tab.own.clone()
            } else {
                merge_revised(&tab.own, &tab.cache)
            };
            self.write(t, out);
        }

        fn write(&mut self, t: usize, out: Scenario) {
            let tab = &mut self.tabs[t];
            tab.cache = out.clone();
            tab.pending += 1;
            tab.shared.wrote(out.clone());
            if tab.own != out {
                // Taken in: a change of the work schedules a save, as on the page.
                tab.own = out.clone();
                tab.save_due = true;
            }
            self.outbox.push_back((t, out));
        }

        /// The browser stores the next write and sends it to every tab.
        fn commit(&mut self) {
            if let Some((from, value)) = self.outbox.pop_front() {
                self.stored = value.clone();
                for (k, tab) in self.tabs.iter_mut().enumerate() {
                    tab.inbox.push_back((k == from, value.clone()));
                }
            }
        }

        /// Tab `t` takes in the next write the browser sent it.
        fn deliver(&mut self, t: usize) {
            let tab = &mut self.tabs[t];
            match tab.inbox.pop_front() {
                Some((true, _)) => tab.pending -= 1,
                Some((false, value)) if tab.pending == 0 => {
                    tab.cache = value;
                    tab.events += 1;
                }
                _ => {}
            }
        }

        /// Tab `t` handles a storage event: the same steps as the web crate's `receive`.
        fn event(&mut self, t: usize) {
            let tab = &mut self.tabs[t];
            if tab.events == 0 {
                return;
            }
            tab.events -= 1;
            if tab.cache == tab.shared.written {
                return;
            }
            let remote = tab.cache.clone();
            match tab.shared.receive(&tab.own, remote) {
                Receipt::Nothing | Receipt::InStep => {}
                Receipt::TakeIn { merged, .. } => {
                    tab.own = merged;
                    tab.save_due = true;
                }
                Receipt::WriteNow => self.save(t),
            }
        }

        fn busy(&self) -> bool {
            !self.outbox.is_empty()
                || self
                    .tabs
                    .iter()
                    .any(|t| !t.inbox.is_empty() || t.events > 0 || t.save_due)
        }

        /// Everything delivered, every event handled, every save made.
        fn settle(&mut self) {
            let mut steps = 0;
            while self.busy() {
                steps += 1;
                assert!(steps < 10_000, "the tabs never settle");
                self.commit();
                for t in 0..self.tabs.len() {
                    self.deliver(t);
                    self.event(t);
                    if self.tabs[t].save_due {
                        self.save(t);
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn no_interleaving_of_two_or_three_tabs_loses_an_edit(
            tabs in 2usize..4,
            steps in prop::collection::vec((0u8..6, 0usize..3), 1..80),
        ) {
            let mut w = World::new(tabs);
            for (action, t) in steps {
                let t = t % tabs;
                match action {
                    0 => w.edit(t),
                    1 => w.save(t),
                    2 => w.commit(),
                    3 => w.deliver(t),
                    4 => w.event(t),
                    _ => w.edit_shared(t),
                }
            }
            w.settle();
            for (t, tab) in w.tabs.iter().enumerate() {
                let notes = |s: &Scenario| s.agreements.iter().map(|a| a.notes.clone()).collect::<Vec<_>>();
                prop_assert_eq!(notes(&tab.own), notes(&w.stored), "tab {} holds what is stored", t);
                prop_assert_eq!(&tab.own, &w.stored, "tab {} holds what is stored", t);
                if tab.edits > 0 {
                    prop_assert_eq!(
                        &w.stored.agreements[t].notes,
                        &format!("tab {t} edit {}", tab.edits),
                        "tab {}'s last edit is stored", t
                    );
                }
            }
        }
    }
}
