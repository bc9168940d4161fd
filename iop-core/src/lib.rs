//! # iop-core
//!
//! The model of *idéburet offentligt partnerskap* (IOP) agreements between Swedish public bodies
//! and non-profits, and the questions officials ask of them: status and renewal, money per year,
//! per payer, per payment and per inhabitant, the calendar of obligations, the outcome of a
//! termination, and comparison across municipalities.
//!
//! It is pure: plain functions on plain data, no I/O, no clock (every question takes its date).
//! Money is exact ([`Sek`], `rust_decimal`), dates are [`chrono::NaiveDate`], and what a source
//! does not state is [`Known::Unknown`], carried through every computation.
//!
//! The modules follow an agreement's table of contents:
//! [`parties`], [`term`], [`funding`] (with [`split`]), [`obligations`], [`termination`],
//! [`scope`], gathered in one [`Agreement`]. The data types sit below the questions asked of
//! them: [`amounts`] (a year, a period, per payer), [`payments`], [`breach`] (what a breach
//! notice leads to), [`calendar`], [`compare`], [`state_aid`], [`whatif`]; then the built-in
//! [`presets`], [`scenario`] files (with their [`schema`]) and [`export`]s for spreadsheets and
//! calendars. No module imports one above it: a test reads the sources and fails on a circle.
//!
//! ```
//! use iop_core::{presets, compare::compare, Known, Sek};
//! let rows = compare(&presets::all(), presets::date(2026, 11, 22));
//! let kalmar = rows.iter().find(|r| r.id == "kalmar-2025-2027").unwrap();
//! assert_eq!(kalmar.annual.value, Known::Known(Sek::kronor(1_000_000)));
//! assert_eq!(kalmar.total.value, Known::Known(Sek::kronor(3_000_000)));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod agreement;
pub mod amounts;
pub mod breach;
pub mod calendar;
pub mod catalogue;
pub mod compare;
pub mod dates;
pub mod draft;
pub mod edit;
pub mod explain;
pub mod export;
pub mod extract;
pub mod funding;
pub mod generate;
pub mod known;
pub mod money;
pub mod municipality;
pub mod nested;
pub mod obligations;
pub mod orgnr;
pub mod parties;
pub mod payments;
pub mod presets;
pub mod printable;
pub mod reference;
pub mod scenario;
pub mod schema;
pub mod scope;
pub mod share;
pub mod source;
pub mod split;
pub mod state_aid;
pub mod term;
pub mod termination;
pub mod whatif;
pub mod window;

pub use agreement::Agreement;
pub use explain::{Explanation, Figure};
pub use known::Known;
pub use money::Sek;
pub use municipality::{municipalities, Kommunkod, Municipality, POPULATION_DATE};
pub use orgnr::OrgNumber;
pub use split::Share;

/// The README's examples, compiled and run as doc tests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
