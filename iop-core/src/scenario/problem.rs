//! Problems: what reading or checking a scenario found, where, and why, in Swedish and English.

use super::Scenario;
use serde::Serialize;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file can be used, but something looks wrong.
    Warning,
}

/// Which tier of checking found a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// What the tool can compute at all: size and nesting (before parsing), and a term no
    /// command can bound (over 100 years, before 1900). An error of this tier stays an error in
    /// a draft.
    Limits,
    /// JSON syntax, types, missing or unknown fields, version.
    Structure,
    /// The agreement's rules.
    Rules,
    /// Warnings about quality.
    Quality,
}

/// One problem, with where and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// How serious.
    pub severity: Severity,
    /// Which tier found it.
    pub tier: Tier,
    /// The JSON path (`$.agreements[1].term.end`).
    pub path: String,
    /// In Swedish.
    pub message_sv: String,
    /// In English.
    pub message_en: String,
}

impl Problem {
    /// Whether the problem is about the field at `path` or something inside it (paths as
    /// [`validate_agreement`] gives them, or full `$.` paths): `term` covers `term.end` and
    /// `funding.components` covers `funding.components[1].amount`, but `term` does not cover
    /// `terms`.
    ///
    /// ```
    /// let mut a = iop_core::presets::kalmar_2025_2027();
    /// a.term.start = iop_core::Known::Known(iop_core::presets::date(2028, 1, 1));
    /// let p = &iop_core::scenario::validate_agreement(&a)[0];
    /// assert!(p.concerns("term") && p.concerns("term.end"));
    /// assert!(!p.concerns("term.start") && !p.concerns("ter"));
    /// ```
    pub fn concerns(&self, path: &str) -> bool {
        match self.path.strip_prefix(path) {
            Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
            None => false,
        }
    }

    pub(crate) fn new(
        severity: Severity,
        tier: Tier,
        path: impl Into<String>,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            severity,
            tier,
            path: path.into(),
            message_sv: sv.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "fel/error",
            Severity::Warning => "varning/warning",
        };
        write!(
            f,
            "{}: {sev}: {} / {}",
            self.path, self.message_sv, self.message_en
        )
    }
}

/// The result of reading a file: the scenario when it has no errors, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The scenario, when no problem is an error.
    pub scenario: Option<Scenario>,
    /// Every problem, errors first.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

pub(crate) fn error(
    tier: Tier,
    path: impl Into<String>,
    sv: impl Into<String>,
    en: impl Into<String>,
) -> Problem {
    Problem::new(Severity::Error, tier, path, sv, en)
}

pub(crate) fn warning(
    path: impl Into<String>,
    sv: impl Into<String>,
    en: impl Into<String>,
) -> Problem {
    Problem::new(Severity::Warning, Tier::Quality, path, sv, en)
}
