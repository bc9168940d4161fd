//! The agreement (*överenskommelse om idéburet offentligt partnerskap*) as one plain value.

use crate::funding::Funding;
use crate::known::Known;
use crate::municipality::{Municipality, POPULATION_DATE};
use crate::obligations::Obligations;
use crate::parties::{Organisation, PublicParty};
use crate::scope::Scope;
use crate::source::SourceDocument;
use crate::term::Term;
use crate::termination::Termination;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An IOP agreement: parties, term, money, obligations, termination and scope, with its sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// A stable id, unique within a scenario (`kalmar-2025-2027`).
    pub id: String,
    /// A name for people (`Kalmar 2025–2027`).
    pub name: String,
    /// The kommun(er) or region(s); left out, none is named (the rules ask for one).
    #[serde(default)]
    pub public_parties: Vec<PublicParty>,
    /// The non-profit(s); left out, none is named (the rules ask for one).
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// Start, end and renewal; left out, all unknown.
    #[serde(default)]
    pub term: Term,
    /// Money, split and payments.
    pub funding: Funding,
    /// Meetings, plans and reports; left out, none stated.
    #[serde(default)]
    pub obligations: Obligations,
    /// How it can end early; left out, unknown.
    #[serde(default)]
    pub termination: Termination,
    /// What it covers; left out, nothing stated.
    #[serde(default)]
    pub scope: Scope,
    /// The documents its facts come from; left out, none listed.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    /// Free notes (readings of the sources, what is not stated); left out, empty.
    #[serde(default)]
    pub notes: String,
    /// The id of the agreement this one is a what-if variant of (a copy to edit, or the terms
    /// applied to another kommun): not new money, but another version of the same grant. Absent
    /// for an agreement in its own right. Added in format version 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// A draft (*utkast*): entered in the editor with problems left to fix (shares that do not
    /// make a whole, no party yet). Its rule problems are warnings, not errors, so it is kept as
    /// the user left it; the list marks it, and sums leave it out until it is fixed. Absent when
    /// false. Added in format version 1.2.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
    /// What kind of agreement it is, when said: an IOP, a samverkansavtal, an överenskommelse
    /// or a verksamhetsbidrag over several years. Added in format version 1.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AgreementKind>,
}

/// What kind of agreement a kommun makes with a jour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// *Idéburet offentligt partnerskap* (IOP).
    Iop,
    /// *Samverkansavtal*, *samarbetsavtal*.
    Samverkansavtal,
    /// *Överenskommelse* (not called an IOP).
    Overenskommelse,
    /// A *verksamhetsbidrag* granted for several years.
    Verksamhetsbidrag,
}

impl AgreementKind {
    /// Every kind, in the order a list offers them.
    pub const ALL: [AgreementKind; 4] = [
        AgreementKind::Iop,
        AgreementKind::Samverkansavtal,
        AgreementKind::Overenskommelse,
        AgreementKind::Verksamhetsbidrag,
    ];

    /// In Swedish.
    ///
    /// ```
    /// assert_eq!(iop_core::agreement::AgreementKind::Overenskommelse.sv(), "Överenskommelse");
    /// ```
    pub fn sv(self) -> &'static str {
        match self {
            AgreementKind::Iop => "IOP",
            AgreementKind::Samverkansavtal => "Samverkansavtal",
            AgreementKind::Overenskommelse => "Överenskommelse",
            AgreementKind::Verksamhetsbidrag => "Flerårigt verksamhetsbidrag",
        }
    }

    /// In English.
    pub fn en(self) -> &'static str {
        match self {
            AgreementKind::Iop => "Non-profit public partnership (IOP)",
            AgreementKind::Samverkansavtal => "Cooperation agreement",
            AgreementKind::Overenskommelse => "Agreement (överenskommelse)",
            AgreementKind::Verksamhetsbidrag => "Multi-year operating grant",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Agreement {
    /// A new agreement in which every term is unknown until given (*nytt avtal*): no parties,
    /// no amounts, an unknown start, end, renewal and payment timing; a draft until it has what
    /// an agreement needs.
    ///
    /// ```
    /// let a = iop_core::Agreement::blank("eget-1");
    /// assert_eq!(a.term.start, iop_core::Known::Unknown);
    /// assert!(a.draft && a.funding.components.is_empty());
    /// assert!(iop_core::scenario::validate_agreement(&a).iter().any(|p| p.path == "public_parties"));
    /// ```
    pub fn blank(id: &str) -> Agreement {
        use crate::funding::{PaymentSchedule, PaymentTiming, Split};
        use crate::term::{Renewal, TermEnd};
        Agreement {
            id: id.to_string(),
            name: String::new(),
            public_parties: vec![],
            organisations: vec![],
            term: Term {
                start: Known::Unknown,
                end: TermEnd::Unknown,
                renewal: Renewal::Unknown,
                stated_decision_due: None,
                source: None,
            },
            funding: Funding {
                components: vec![],
                indexation: None,
                split: Split::Share { payers: vec![] },
                payments: PaymentSchedule {
                    timing: PaymentTiming::Unknown,
                    on_invoice: false,
                    documents: vec![],
                    source: None,
                },
            },
            obligations: Obligations {
                meetings: None,
                documents: vec![],
                other: vec![],
                source: None,
            },
            termination: Termination {
                ordinary_notice: Known::Unknown,
                for_breach: Known::Unknown,
                changes_need_written_approval: false,
                source: None,
            },
            scope: Scope::default(),
            sources: vec![],
            notes: String::new(),
            derived_from: None,
            draft: true,
            kind: None,
        }
    }

    /// The agreement's name as shown, trimmed of surrounding whitespace; `None` when it has no
    /// visible character (empty, only spaces, only zero-width or direction marks, see
    /// [`visible_text`]), for which the app shows "namnlöst avtal" / "unnamed agreement".
    ///
    /// ```
    /// let mut a = iop_core::presets::kalmar_2025_2027();
    /// assert_eq!(a.visible_name(), Some("Kalmar 2025–2027"));
    /// a.name = " \u{200B}\u{200F} ".into();
    /// assert_eq!(a.visible_name(), None);
    /// ```
    pub fn visible_name(&self) -> Option<&str> {
        visible_text(&self.name)
    }

    /// The municipalities of the public parties that have a kommunkod.
    pub fn municipalities(&self) -> Vec<&'static Municipality> {
        self.public_parties
            .iter()
            .filter_map(|p| p.kommunkod.map(|k| k.municipality()))
            .collect()
    }

    /// The inhabitants of all public parties on [`POPULATION_DATE`]; unknown when a public party
    /// has no kommunkod (a region, say).
    pub fn population(&self) -> Known<u64> {
        if self.public_parties.is_empty()
            || self.public_parties.iter().any(|p| p.kommunkod.is_none())
        {
            return Known::Unknown;
        }
        Known::Known(
            self.municipalities()
                .iter()
                .map(|m| u64::from(m.population))
                .sum(),
        )
    }

    /// The municipality names, joined (`Kalmar`).
    pub fn municipality_names(&self) -> String {
        let names: Vec<&str> = self
            .municipalities()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        if names.is_empty() {
            self.public_parties
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            names.join(", ")
        }
    }

    /// The organisations' names, joined.
    pub fn organisation_names(&self) -> String {
        self.organisations
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The reference date of the population figures, for display next to per-inhabitant amounts.
pub const fn population_date() -> chrono::NaiveDate {
    POPULATION_DATE
}

/// Characters that take no room and show nothing, apart from whitespace and control characters:
/// the format characters (Unicode category Cf) a name may carry by a paste, and the other
/// default-ignorable ones (fillers, variation selectors). A hand list, inclusive ranges.
const INVISIBLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{034F}', '\u{034F}'),   // combining grapheme joiner
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark
    ('\u{115F}', '\u{1160}'),   // Hangul choseong and jungseong fillers
    ('\u{17B4}', '\u{17B5}'),   // Khmer inherent vowels
    ('\u{180B}', '\u{180F}'),   // Mongolian variation selectors and vowel separator
    ('\u{200B}', '\u{200F}'),   // zero-width space, (non-)joiner, LRM, RLM
    ('\u{202A}', '\u{202E}'),   // bidi embeddings and overrides
    ('\u{2060}', '\u{206F}'),   // word joiner, invisible operators, bidi isolates, …
    ('\u{2800}', '\u{2800}'),   // braille pattern blank
    ('\u{3164}', '\u{3164}'),   // Hangul filler
    ('\u{FE00}', '\u{FE0F}'),   // variation selectors
    ('\u{FEFF}', '\u{FEFF}'),   // zero-width no-break space (byte order mark)
    ('\u{FFA0}', '\u{FFA0}'),   // halfwidth Hangul filler
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation marks
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol format controls
    ('\u{E0000}', '\u{E0FFF}'), // tags, variation selectors supplement
];

/// Whether `c` shows nothing: whitespace, a control character, or an invisible format
/// character (a zero-width space U+200B, a direction mark U+200E/U+200F, the bidi embeddings,
/// overrides and isolates U+202A–U+202E and U+2066–U+2069, U+FEFF, and the like).
///
/// ```
/// use iop_core::agreement::is_invisible;
/// assert!(is_invisible(' ') && is_invisible('\u{200B}') && is_invisible('\u{2067}'));
/// assert!(!is_invisible('K') && !is_invisible('ک'));
/// ```
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || INVISIBLE
            .iter()
            .any(|(from, to)| (*from..=*to).contains(&c))
}

/// `text` trimmed of surrounding whitespace, when it has at least one visible character (see
/// [`is_invisible`]); `None` when it shows nothing. Invisible characters among visible ones are
/// kept (a right-to-left mark in an Arabic name is part of the name).
///
/// ```
/// use iop_core::agreement::visible_text;
/// assert_eq!(visible_text("  Kvinnojouren i Kalmar \n"), Some("Kvinnojouren i Kalmar"));
/// assert_eq!(visible_text("\u{FEFF}\u{202E} \u{2066}"), None);
/// assert_eq!(visible_text(""), None);
/// ```
pub fn visible_text(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    trimmed.chars().any(|c| !is_invisible(c)).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn named(name: &str) -> Agreement {
        let mut a = Agreement::blank("x");
        a.name = name.to_string();
        a
    }

    #[test]
    fn a_name_of_nothing_visible_is_no_name() {
        for name in [
            "",
            "   ",
            "\t\n\u{00A0}\u{3000}",
            "\u{200B}",
            " \u{200B}\u{200B} ",
            "\u{200E}\u{200F}",
            "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}",
            "\u{2066}\u{2067}\u{2068}\u{2069}",
            "\u{FEFF}",
            "\u{00AD}\u{2060}\u{061C}\u{180E}",
            "\u{3164}\u{115F}\u{FFA0}",
            "\u{E0041}\u{E007F}",
            "\u{0007}\u{007F}",
        ] {
            assert_eq!(named(name).visible_name(), None, "{:?}", name);
        }
    }

    #[test]
    fn a_name_with_a_visible_character_is_shown_trimmed() {
        assert_eq!(
            named("  Vallentuna 2021 ").visible_name(),
            Some("Vallentuna 2021")
        );
        assert_eq!(named("\u{200B}K").visible_name(), Some("\u{200B}K"));
        // A right-to-left mark inside real letters stays: the letters are visible.
        let arabic = "\u{0645}\u{0646}\u{200F}\u{0638}\u{0645}\u{0629}";
        assert_eq!(named(arabic).visible_name(), Some(arabic));
        assert_eq!(
            named(" Kalmar \u{2067}\u{0627}\u{2069} ").visible_name(),
            Some("Kalmar \u{2067}\u{0627}\u{2069}")
        );
    }

    fn invisible_char() -> impl Strategy<Value = char> {
        prop::sample::select(INVISIBLE.to_vec())
            .prop_flat_map(|(from, to)| proptest::char::range(from, to))
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![invisible_char(), any::<char>(), Just(' ')],
            0..12,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn a_visible_name_shows_something_and_is_the_trimmed_name(name in text()) {
            match visible_text(&name) {
                Some(shown) => {
                    prop_assert!(shown.chars().any(|c| !c.is_whitespace() && !is_invisible(c)));
                    prop_assert_eq!(shown, name.trim());
                }
                None => prop_assert!(name.chars().all(is_invisible)),
            }
        }

        #[test]
        fn only_invisible_characters_are_never_a_name(
            cs in prop::collection::vec(prop_oneof![invisible_char(), Just(' '), Just('\n')], 0..12),
        ) {
            let name: String = cs.into_iter().collect();
            prop_assert_eq!(visible_text(&name), None);
        }
    }
}
