//! The undo and redo steps of one agreement ([`History`]), bounded for the browser's storage.

use super::{apply, Edit};
use crate::agreement::Agreement;
use crate::scenario::Problem;
use serde::{Deserialize, Serialize};

/// The edits made to one agreement, to undo and redo them. Consecutive edits of the same field
/// (the keystrokes of one word) are one step.
///
/// Bounded, since it is kept in the browser's storage: at most [`History::MAX_STEPS`] steps
/// (to undo and to redo together) and at most [`History::MAX_BYTES`] bytes of its JSON. When a
/// step goes over a bound, the oldest steps are given up: first the oldest step to undo, then,
/// when none is left, the redo step furthest from the present. Both ends keep every remaining
/// step applicable, so undo and redo still work after trimming, only not as far back.
///
/// Stored as `{"done":[[forward,back],…],"undone":[…]}`, as by earlier versions; a history read
/// from storage is trimmed to the bounds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredHistory")]
pub struct History {
    done: Vec<(Edit, Edit)>,
    undone: Vec<(Edit, Edit)>,
    /// The JSON size of each step of `done`, in the same order (recomputed when read).
    #[serde(skip)]
    done_bytes: Vec<usize>,
    /// The JSON size of each step of `undone`, in the same order (recomputed when read).
    #[serde(skip)]
    undone_bytes: Vec<usize>,
}

/// The stored shape of [`History`], as written by every version.
#[derive(Deserialize)]
struct StoredHistory {
    #[serde(default)]
    done: Vec<(Edit, Edit)>,
    #[serde(default)]
    undone: Vec<(Edit, Edit)>,
}

impl From<StoredHistory> for History {
    fn from(stored: StoredHistory) -> History {
        let mut history = History {
            done_bytes: stored.done.iter().map(step_bytes).collect(),
            undone_bytes: stored.undone.iter().map(step_bytes).collect(),
            done: stored.done,
            undone: stored.undone,
        };
        history.bound();
        history
    }
}

/// The length of a step's compact JSON (`[{…},{…}]`); 0 if it cannot be written, which a value
/// of JSON always can.
fn step_bytes(step: &(Edit, Edit)) -> usize {
    serde_json::to_vec(step).map_or(0, |v| v.len())
}

/// The JSON of a list of `n` steps of `bytes` together, less its brackets: the steps and the
/// commas between them.
fn list_bytes(bytes: &[usize]) -> usize {
    bytes.iter().sum::<usize>() + bytes.len().saturating_sub(1)
}

impl History {
    /// The most steps kept, to undo and to redo together.
    ///
    /// ```
    /// assert_eq!(iop_core::edit::History::MAX_STEPS, 200);
    /// ```
    pub const MAX_STEPS: usize = 200;

    /// The most bytes of the history's JSON kept (256 KiB), so that the histories of a few
    /// agreements fit in the browser's storage (about 5 MB) next to the agreements themselves.
    ///
    /// ```
    /// assert_eq!(iop_core::edit::History::MAX_BYTES, 256 * 1024);
    /// ```
    pub const MAX_BYTES: usize = 256 * 1024;

    /// The size of an empty history's JSON, `{"done":[],"undone":[]}`: no history is smaller.
    const EMPTY_BYTES: usize = r#"{"done":[],"undone":[]}"#.len();

    /// Applies `edit` and records it; the redo list is cleared. The oldest steps are given up
    /// when the history goes over [`History::MAX_STEPS`] or [`History::MAX_BYTES`] (an edit
    /// whose step alone is over `MAX_BYTES` is applied but cannot be undone).
    ///
    /// ```
    /// use iop_core::edit::{Edit, History};
    /// let k = iop_core::presets::kalmar_2025_2027();
    /// let mut h = History::default();
    /// let a = h.apply(&k, Edit::set("name", "K".into())).unwrap();
    /// let a = h.apply(&a, Edit::set("name", "Ka".into())).unwrap(); // the same field: one step
    /// assert_eq!(a.name, "Ka");
    /// let back = h.undo(&a).unwrap();
    /// assert_eq!(back, k);
    /// assert_eq!(h.redo(&back).unwrap().name, "Ka");
    /// ```
    pub fn apply(&mut self, agreement: &Agreement, edit: Edit) -> Result<Agreement, Vec<Problem>> {
        let done = apply(agreement, &edit)?;
        let same_field = matches!(
            (self.done.last(), &edit),
            (Some((Edit::Set { path: p, .. }, _)), Edit::Set { path: q, .. }) if p == q
        ) && self.undone.is_empty();
        match (self.done.last_mut(), self.done_bytes.last_mut()) {
            (Some(last), Some(bytes)) if same_field => {
                last.0 = edit;
                *bytes = step_bytes(last);
            }
            _ => self.push_done((edit, done.undo)),
        }
        self.undone.clear();
        self.undone_bytes.clear();
        self.bound();
        Ok(done.agreement)
    }

    /// Takes back the last step; `None` when there is none (or it no longer applies).
    pub fn undo(&mut self, agreement: &Agreement) -> Option<Agreement> {
        let (forward, back) = self.done.pop()?;
        let bytes = self.done_bytes.pop().unwrap_or(0);
        match apply(agreement, &back) {
            Ok(done) => {
                self.undone.push((forward, back));
                self.undone_bytes.push(bytes);
                Some(done.agreement)
            }
            Err(_) => None,
        }
    }

    /// Makes the last undone step again; `None` when there is none.
    pub fn redo(&mut self, agreement: &Agreement) -> Option<Agreement> {
        let (forward, _) = self.undone.pop()?;
        self.undone_bytes.pop();
        match apply(agreement, &forward) {
            Ok(done) => {
                self.push_done((forward, done.undo));
                self.bound();
                Some(done.agreement)
            }
            Err(_) => None,
        }
    }

    /// The edit that [`History::undo`] would make (the step taken back), so a form can update
    /// the one field it touches; `None` when there is nothing to undo.
    ///
    /// ```
    /// use iop_core::edit::{Edit, History};
    /// let k = iop_core::presets::kalmar_2025_2027();
    /// let mut h = History::default();
    /// assert!(h.next_undo().is_none());
    /// let a = h.apply(&k, Edit::set("notes", "ny".into())).unwrap();
    /// assert_eq!(h.next_undo().map(Edit::path), Some("notes"));
    /// h.undo(&a);
    /// assert_eq!(h.next_redo().map(Edit::path), Some("notes"));
    /// ```
    pub fn next_undo(&self) -> Option<&Edit> {
        self.done.last().map(|(_, back)| back)
    }

    /// The edit that [`History::redo`] would make; `None` when there is nothing to redo.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.undone.last().map(|(forward, _)| forward)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The size in bytes of the history's compact JSON (as `serde_json::to_string` writes it),
    /// from the sizes of its steps measured when they were recorded: exact, and cheap to ask.
    ///
    /// ```
    /// use iop_core::edit::{Edit, History};
    /// let mut h = History::default();
    /// assert_eq!(h.approx_bytes(), r#"{"done":[],"undone":[]}"#.len());
    /// h.apply(&iop_core::presets::kalmar_2025_2027(), Edit::set("name", "K".into())).unwrap();
    /// assert_eq!(h.approx_bytes(), serde_json::to_string(&h).unwrap().len());
    /// ```
    pub fn approx_bytes(&self) -> usize {
        Self::EMPTY_BYTES + list_bytes(&self.done_bytes) + list_bytes(&self.undone_bytes)
    }

    /// Gives up the oldest steps until the history's JSON is at most `max` bytes (see
    /// [`History::approx_bytes`]): the oldest step to undo first, then the redo step furthest
    /// from the present. So the browser's storage, when full, can give up history before work.
    /// A `max` below an empty history's 23 bytes leaves the history empty.
    ///
    /// ```
    /// use iop_core::edit::{Edit, History};
    /// let k = iop_core::presets::kalmar_2025_2027();
    /// let mut h = History::default();
    /// let a = h.apply(&k, Edit::set("name", "K".into())).unwrap();
    /// let a = h.apply(&a, Edit::set("notes", "N".into())).unwrap();
    /// h.trim_to_bytes(h.approx_bytes() - 1); // the name's step goes, the notes' step stays
    /// assert_eq!(h.undo(&a).unwrap().notes, k.notes);
    /// assert!(!h.can_undo());
    /// ```
    pub fn trim_to_bytes(&mut self, max: usize) {
        while self.approx_bytes() > max && self.drop_oldest() {}
    }

    fn push_done(&mut self, step: (Edit, Edit)) {
        self.done_bytes.push(step_bytes(&step));
        self.done.push(step);
    }

    /// Gives up the oldest step (see [`History::trim_to_bytes`]); whether there was one.
    fn drop_oldest(&mut self) -> bool {
        let (steps, bytes) = if self.done.is_empty() {
            (&mut self.undone, &mut self.undone_bytes)
        } else {
            (&mut self.done, &mut self.done_bytes)
        };
        if steps.is_empty() {
            return false;
        }
        steps.remove(0);
        if !bytes.is_empty() {
            bytes.remove(0);
        }
        true
    }

    /// Keeps the history within [`History::MAX_STEPS`] and [`History::MAX_BYTES`].
    fn bound(&mut self) {
        while self.done.len() + self.undone.len() > Self::MAX_STEPS && self.drop_oldest() {}
        self.trim_to_bytes(Self::MAX_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use serde_json::json;

    /// Edits of two fields in turn, so that each is a step of its own.
    fn steps_of(k: &Agreement, n: usize, h: &mut History) -> Vec<Agreement> {
        let mut states = vec![k.clone()];
        for i in 0..n {
            let field = if i % 2 == 0 { "name" } else { "notes" };
            let next = h
                .apply(
                    states.last().unwrap(),
                    Edit::set(field, json!(format!("v{i}"))),
                )
                .unwrap();
            states.push(next);
        }
        states
    }

    /// Undoes every step, checking that each takes back to the state before it.
    fn undo_all(h: &mut History, states: &[Agreement]) -> usize {
        let mut now = states.last().unwrap().clone();
        let mut undone = 0;
        while h.can_undo() {
            now = h.undo(&now).expect("every kept step applies");
            undone += 1;
            assert_eq!(now, states[states.len() - 1 - undone]);
        }
        undone
    }

    #[test]
    fn a_history_stored_by_an_earlier_version_still_reads_and_writes_the_same() {
        let stored = r#"{"done":[[{"op":"set","path":"name","value":"Ka"},{"op":"set","path":"name","value":"Kalmar 2025–2027"}]],"undone":[[{"op":"remove","path":"funding.split.payers","index":2},{"op":"insert","path":"funding.split.payers","index":2,"value":{"name":"X","share":"1/4"}}]]}"#;
        let h: History = serde_json::from_str(stored).unwrap();
        assert!(h.can_undo() && h.can_redo());
        assert_eq!(serde_json::to_string(&h).unwrap(), stored);
        assert_eq!(h.approx_bytes(), stored.len());
        let k = presets::kalmar_2025_2027();
        let mut h = h;
        let renamed = Agreement {
            name: "Ka".into(),
            ..k.clone()
        };
        assert_eq!(h.undo(&renamed).unwrap(), k);
    }

    #[test]
    fn at_most_200_steps_are_kept_the_oldest_given_up() {
        let k = presets::kalmar_2025_2027();
        let mut h = History::default();
        let states = steps_of(&k, 250, &mut h);
        assert_eq!(h.done.len(), History::MAX_STEPS);
        // 200 undos reach the state after edit 50, not the agreement before edit 1.
        assert_eq!(undo_all(&mut h, &states), 200);
        assert_eq!(h.undone.len(), 200);
    }

    #[test]
    fn at_most_256_kib_are_kept_the_oldest_given_up() {
        let k = presets::kalmar_2025_2027();
        let mut h = History::default();
        let mut states = vec![k.clone()];
        for i in 0..16 {
            // Each notes step holds the new and the old text: about 40 000 bytes.
            let (field, text) = if i % 2 == 0 {
                ("notes", format!("{i}").repeat(20_000))
            } else {
                ("name", format!("n{i}"))
            };
            let next = h
                .apply(states.last().unwrap(), Edit::set(field, json!(text)))
                .unwrap();
            states.push(next);
            assert!(h.approx_bytes() <= History::MAX_BYTES);
            assert_eq!(h.approx_bytes(), serde_json::to_vec(&h).unwrap().len());
        }
        assert!(h.done.len() < 16, "{} steps kept", h.done.len());
        assert!(h.approx_bytes() > History::MAX_BYTES - 41_000);
        undo_all(&mut h, &states);
    }

    #[test]
    fn an_edit_larger_than_the_bound_is_made_but_not_kept() {
        let k = presets::kalmar_2025_2027();
        let mut h = History::default();
        let a = h
            .apply(
                &k,
                Edit::set("notes", json!("x".repeat(History::MAX_BYTES))),
            )
            .unwrap();
        assert_eq!(a.notes.len(), History::MAX_BYTES);
        assert!(!h.can_undo());
        assert_eq!(h.approx_bytes(), 23);
    }

    #[test]
    fn trimming_gives_up_the_oldest_undo_step_first_then_the_furthest_redo_step() {
        let k = presets::kalmar_2025_2027();
        let mut h = History::default();
        let states = steps_of(&k, 4, &mut h);
        let at_3 = h.undo(&states[4]).unwrap();
        let at_2 = h.undo(&at_3).unwrap();
        assert_eq!(at_2, states[2]);
        // Steps 1 and 2 to undo, steps 3 and 4 to redo; give up one step's bytes.
        h.trim_to_bytes(h.approx_bytes() - 1);
        assert_eq!((h.done.len(), h.undone.len()), (1, 2));
        assert_eq!(h.undo(&at_2).unwrap(), states[1]);
        assert!(!h.can_undo());
        let at_2 = h.redo(&states[1]).unwrap();
        // Now step 2 to undo, steps 3 and 4 to redo: trimming two steps leaves step 3 to redo.
        h.trim_to_bytes(History::EMPTY_BYTES + h.undone_bytes[1]);
        assert_eq!((h.done.len(), h.undone.len()), (0, 1));
        assert_eq!(h.redo(&at_2).unwrap(), states[3]);
        h.trim_to_bytes(0);
        assert_eq!(h, History::default());
        assert_eq!(h.approx_bytes(), serde_json::to_vec(&h).unwrap().len());
    }

    #[test]
    fn a_stored_history_over_the_bounds_is_trimmed_when_read() {
        let step =
            r#"[{"op":"set","path":"name","value":"a"},{"op":"set","path":"name","value":"b"}]"#;
        let steps = vec![step; 300].join(",");
        let stored = format!(r#"{{"done":[{steps}],"undone":[]}}"#);
        let h: History = serde_json::from_str(&stored).unwrap();
        assert_eq!(h.done.len(), History::MAX_STEPS);
        assert_eq!(h.done_bytes.len(), History::MAX_STEPS);
        assert_eq!(h.approx_bytes(), serde_json::to_vec(&h).unwrap().len());
    }

    #[derive(Clone, Debug)]
    enum Op {
        Set(bool, usize, char),
        Undo,
        Redo,
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            4 => (any::<bool>(), prop_oneof![3 => 0usize..40, 1 => 0usize..70_000], any::<char>())
                .prop_map(|(f, n, c)| Op::Set(f, n, c)),
            1 => Just(Op::Undo),
            1 => Just(Op::Redo),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        #[test]
        fn the_history_stays_within_its_bounds_measures_itself_exactly_and_undoes_what_it_keeps(
            ops in proptest::collection::vec(op(), 0..40),
            cut in 0usize..300_000,
        ) {
            let mut h = History::default();
            let mut now = presets::kalmar_2025_2027();
            for op in ops {
                match op {
                    Op::Set(notes, n, c) => {
                        let field = if notes { "notes" } else { "name" };
                        now = h.apply(&now, Edit::set(field, json!(c.to_string().repeat(n)))).unwrap();
                    }
                    Op::Undo => now = h.undo(&now).unwrap_or(now),
                    Op::Redo => now = h.redo(&now).unwrap_or(now),
                }
                proptest::prop_assert!(h.done.len() + h.undone.len() <= History::MAX_STEPS);
                proptest::prop_assert!(h.approx_bytes() <= History::MAX_BYTES);
                proptest::prop_assert_eq!(h.approx_bytes(), serde_json::to_vec(&h).unwrap().len());
            }
            let read: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
            proptest::prop_assert_eq!(&read, &h);
            h.trim_to_bytes(cut);
            proptest::prop_assert!(h.approx_bytes() <= cut.max(History::EMPTY_BYTES));
            proptest::prop_assert_eq!(h.approx_bytes(), serde_json::to_vec(&h).unwrap().len());
            // Every kept step still applies: undo them all, redo as many to come back, then
            // redo the rest.
            let (done, undone) = (h.done.len(), h.undone.len());
            let mut at = now.clone();
            for _ in 0..done {
                at = h.undo(&at).unwrap();
            }
            for _ in 0..done {
                at = h.redo(&at).unwrap();
            }
            proptest::prop_assert_eq!(&at, &now);
            for _ in 0..undone {
                at = h.redo(&at).unwrap();
            }
            proptest::prop_assert!(!h.can_redo());
        }
    }
}
