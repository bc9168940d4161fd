//! Importing: fresh ids, absorbing an imported scenario, and which agreements two versions
//! of the user's work differ in.

use super::Scenario;
use crate::agreement::Agreement;
use std::collections::BTreeSet;

/// An id not used by any of `taken`: `stem-1`, `stem-2`, … (the stem kept to ASCII letters,
/// digits and `-`).
///
/// ```
/// let taken = iop_core::presets::all();
/// assert_eq!(iop_core::scenario::fresh_id(&taken, "kopia"), "kopia-1");
/// ```
pub fn fresh_id(taken: &[Agreement], stem: &str) -> String {
    fresh_id_unused(taken, &BTreeSet::new(), stem)
}

/// An id used by none of `taken` and not in `retired`, the ids ever given in this storage
/// (those of deleted agreements included): `stem-1`, `stem-2`, … as [`fresh_id`]. So an id is
/// never given twice, and what is kept by id (an undo history) cannot pass from a deleted
/// agreement to a new one. The caller adds the id it uses to `retired`.
///
/// ```
/// use iop_core::scenario::fresh_id_unused;
/// use std::collections::BTreeSet;
/// let mut agreements = iop_core::presets::all();
/// let mut retired = BTreeSet::new();
/// let id = fresh_id_unused(&agreements, &retired, "kopia");
/// assert_eq!(id, "kopia-1");
/// retired.insert(id); // kopia-1 is given, then deleted: it is not in `agreements`
/// assert_eq!(fresh_id_unused(&agreements, &retired, "kopia"), "kopia-2");
/// ```
pub fn fresh_id_unused(taken: &[Agreement], retired: &BTreeSet<String>, stem: &str) -> String {
    let stem: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !retired.contains(id) && !taken.iter().any(|a| &a.id == id))
        .unwrap_or_default()
}

/// What an import does with one of its agreements (see [`absorb`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Arrival {
    /// Added under its own id.
    New,
    /// Identical to one already there (built-in, own, or earlier in the import): not added.
    AlreadyThere,
    /// Added under a new id, since its id is taken by another agreement.
    Renamed(String),
}

/// What importing `imported` next to `own` and `builtin` would do with each of its agreements,
/// in order, without changing anything: the rule of [`absorb`], so the person sees which
/// agreements a file or link holds before adding them.
///
/// ```
/// use iop_core::{presets, scenario::{arrivals, Arrival, Scenario}};
/// let own = Scenario::new("mine", Default::default(), vec![]);
/// let mut changed = presets::vallentuna();
/// changed.name = "Ändrad".into();
/// let mut new = presets::vallentuna();
/// new.id = "ny".into();
/// new.name = "Ny".into();
/// let plan = arrivals(&own, &presets::all(), &[presets::kalmar_2025_2027(), changed, new]);
/// assert_eq!(plan, [Arrival::AlreadyThere, Arrival::Renamed("vallentuna-2021-1".into()), Arrival::New]);
/// ```
pub fn arrivals(own: &Scenario, builtin: &[Agreement], imported: &[Agreement]) -> Vec<Arrival> {
    let mut taken: Vec<Agreement> = builtin
        .iter()
        .chain(own.agreements.iter())
        .cloned()
        .collect();
    imported
        .iter()
        .map(|a| {
            if taken.contains(a) {
                return Arrival::AlreadyThere;
            }
            let mut kept = a.clone();
            let arrival = if taken.iter().any(|x| x.id == a.id) {
                kept.id = fresh_id(&taken, &a.id);
                Arrival::Renamed(kept.id.clone())
            } else {
                Arrival::New
            };
            taken.push(kept);
            arrival
        })
        .collect()
}

/// Adds the agreements of an imported scenario to `own`, next to the built-in ones in
/// `builtin`. Rule: an agreement identical to one already there (built-in or own) is skipped;
/// one whose id is taken gets a fresh id ([`fresh_id`]). Returns how many were added and the
/// renamed ids (old → new), so references to them (picks for comparison) can follow.
/// [`arrivals`] tells the same without adding.
///
/// ```
/// use iop_core::{presets, scenario::{absorb, Scenario}};
/// let builtin = presets::all();
/// let mut own = Scenario::new("mine", Default::default(), vec![]);
/// let mut changed = presets::vallentuna();
/// changed.name = "Ändrad".into();
/// let (added, renamed) = absorb(&mut own, &builtin, vec![presets::kalmar_2025_2027(), changed]);
/// assert_eq!(added, 1); // Kalmar is built in already
/// assert_eq!(renamed.get("vallentuna-2021").map(String::as_str), Some("vallentuna-2021-1"));
/// ```
pub fn absorb(
    own: &mut Scenario,
    builtin: &[Agreement],
    imported: Vec<Agreement>,
) -> (usize, std::collections::HashMap<String, String>) {
    let plan = arrivals(own, builtin, &imported);
    let mut added = 0;
    let mut renamed = std::collections::HashMap::new();
    for (mut a, arrival) in imported.into_iter().zip(plan) {
        match arrival {
            Arrival::AlreadyThere => continue,
            Arrival::Renamed(id) => {
                renamed.insert(a.id.clone(), id.clone());
                a.id = id;
            }
            Arrival::New => {}
        }
        own.agreements.push(a);
        added += 1;
    }
    (added, renamed)
}

/// The ids of the agreements that differ between two versions of the user's work: added,
/// deleted or changed. A tab whose work another tab's version changed redraws only what
/// shows these (an open form of another agreement keeps its focus and its half-typed text).
///
/// ```
/// use iop_core::scenario::{changed_agreements, Scenario};
/// let before = Scenario::new("s", Default::default(), iop_core::presets::all());
/// let mut after = before.clone();
/// after.agreements[1].notes = "edited in another tab".into();
/// after.agreements.remove(0);
/// let ids = changed_agreements(&before, &after);
/// assert_eq!(ids.len(), 2);
/// assert!(ids.contains(&before.agreements[0].id) && ids.contains(&before.agreements[1].id));
/// ```
pub fn changed_agreements(before: &Scenario, after: &Scenario) -> BTreeSet<String> {
    fn find<'a>(s: &'a Scenario, id: &str) -> Option<&'a Agreement> {
        s.agreements.iter().find(|a| a.id == id)
    }
    let mut changed = BTreeSet::new();
    for a in &before.agreements {
        if find(after, &a.id) != Some(a) {
            changed.insert(a.id.clone());
        }
    }
    for a in &after.agreements {
        if find(before, &a.id) != Some(a) {
            changed.insert(a.id.clone());
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use proptest::prelude::*;

    #[test]
    fn an_id_given_and_deleted_is_not_given_again() {
        let mut agreements = presets::all();
        let mut retired = BTreeSet::new();
        let first = fresh_id_unused(&agreements, &retired, "kopia");
        assert_eq!(first, "kopia-1");
        retired.insert(first.clone());
        agreements.push(Agreement::blank(&first));
        let second = fresh_id_unused(&agreements, &retired, "kopia");
        assert_eq!(second, "kopia-2");
        retired.insert(second);
        agreements.retain(|a| a.id != first); // kopia-1 deleted
        assert_eq!(fresh_id_unused(&agreements, &retired, "kopia"), "kopia-3");
        // fresh_id, which knows only the agreements, gives kopia-1 again.
        assert_eq!(fresh_id(&agreements, "kopia"), "kopia-1");
    }

    #[test]
    fn an_id_held_by_an_agreement_is_not_given_though_not_retired() {
        let agreements = vec![Agreement::blank("eget-1"), Agreement::blank("eget-2")];
        let retired = BTreeSet::from(["eget-3".to_string()]);
        assert_eq!(fresh_id_unused(&agreements, &retired, "eget"), "eget-4");
    }

    proptest! {
        #[test]
        fn a_fresh_id_is_neither_taken_nor_retired(
            held in prop::collection::vec(1u32..30, 0..20),
            gone in prop::collection::btree_set(1u32..30, 0..20),
            stem in "[a-z]{0,6}",
        ) {
            let taken: Vec<Agreement> = held.iter().map(|n| Agreement::blank(&format!("{stem}-{n}"))).collect();
            let retired: BTreeSet<String> = gone.iter().map(|n| format!("{stem}-{n}")).collect();
            let id = fresh_id_unused(&taken, &retired, &stem);
            prop_assert!(!retired.contains(&id));
            prop_assert!(taken.iter().all(|a| a.id != id));
            // The smallest such number: every smaller one is taken or retired.
            let n: u32 = id.rsplit('-').next().unwrap().parse().unwrap();
            for m in 1..n {
                let smaller = format!("{stem}-{m}");
                prop_assert!(retired.contains(&smaller) || taken.iter().any(|a| a.id == smaller));
            }
            prop_assert_eq!(fresh_id_unused(&taken, &BTreeSet::new(), &stem), fresh_id(&taken, &stem));
        }

        /// The agreements said to have changed are exactly those edited, deleted or added,
        /// whatever the order they are held in.
        #[test]
        fn changed_agreements_are_exactly_those_touched(
            edited in prop::collection::btree_set(0usize..5, 0..5),
            deleted in prop::collection::btree_set(0usize..5, 0..5),
            added in 0usize..3,
            turned in any::<bool>(),
        ) {
            let before = Scenario::new("s", Default::default(), presets::all());
            let mut after = before.clone();
            let mut want = BTreeSet::new();
            for &i in &edited {
                after.agreements[i].notes.push_str(" (ändrad)");
                want.insert(before.agreements[i].id.clone());
            }
            for &i in deleted.iter().rev() {
                want.insert(after.agreements.remove(i).id);
            }
            for k in 0..added {
                let id = format!("ny-{k}");
                after.agreements.push(Agreement::blank(&id));
                want.insert(id);
            }
            if turned {
                after.agreements.reverse();
            }
            prop_assert_eq!(changed_agreements(&before, &after), want.clone());
            prop_assert_eq!(changed_agreements(&after, &before), want);
        }
    }
}
