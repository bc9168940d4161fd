//! Term (*avtalstid*): start, end of the first period, and the renewal rule.
//!
//! Models the "Avtalstid" section of an IOP: "Överenskommelsen gäller för perioden 2025-01-01 –
//! 2027-12-31 och upphör utan uppsägning" (no renewal), "förlängs med två år i taget, tills vidare"
//! (automatic extension), or an option to extend by decision up to a cap. Answers: the status on a
//! date, the period running on a date, and by when a renewal or notice decision is due.
//!
//! Dates follow the month-end rule of [`crate::dates`]; an extension of N years starts the day
//! after the previous period ends and ends the day before the N-year anniversary of its start.

use crate::dates;
use crate::explain::{Explanation, Figure};
use crate::known::Known;
use crate::source::SourceRef;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How far the model follows extensions before it calls the period unknown.
const MAX_EXTENSIONS: u32 = 1000;

/// The lead time a nämnd needs to decide on a renewal or a new agreement, used where the
/// agreement states no notice or decision period: six months (a proposal goes through the
/// förvaltning and the nämnd's meetings). A user may set another.
pub const DEFAULT_LEAD: Duration = Duration::Months(6);

/// The longest lead time a user can set, in months (five years: longer than any term).
pub const MAX_LEAD_MONTHS: u32 = 60;

/// A lead time in whole months as a person types it ("6", " 4 ", "3 mån"), from 0 to
/// [`MAX_LEAD_MONTHS`]; otherwise why not, in Swedish and English.
///
/// ```
/// use iop_core::term::{lead_from_user, Duration};
/// assert_eq!(lead_from_user(" 4 "), Ok(Duration::Months(4)));
/// assert_eq!(lead_from_user("3 mån"), Ok(Duration::Months(3)));
/// assert!(lead_from_user("sex").unwrap_err().sv.contains("hela månader"));
/// assert!(lead_from_user("61").unwrap_err().sv.contains("högst 60"));
/// ```
pub fn lead_from_user(text: &str) -> Result<Duration, Explanation> {
    let t = text.trim();
    let t = ["månader", "månad", "mån", "months", "month"]
        .iter()
        .find_map(|unit| t.strip_suffix(unit))
        .unwrap_or(t)
        .trim();
    let shown: String = text.trim().chars().take(20).collect();
    match t.parse::<u32>() {
        Ok(n) if n <= MAX_LEAD_MONTHS => Ok(Duration::Months(n)),
        Ok(_) => Err(Explanation::new(
            format!("\"{shown}\": ledtiden kan vara högst {MAX_LEAD_MONTHS} månader."),
            format!("\"{shown}\": the lead time can be at most {MAX_LEAD_MONTHS} months."),
        )),
        Err(_) => Err(Explanation::new(
            format!(
                "\"{shown}\" är inte en ledtid: skriv hela månader, 0–{MAX_LEAD_MONTHS}, t.ex. 6."
            ),
            format!(
                "\"{shown}\" is not a lead time: write whole months, 0–{MAX_LEAD_MONTHS}, e.g. 6."
            ),
        )),
    }
}

/// The agreement's term. Its [`Default`] is a term of which nothing is known (a file that
/// leaves the term out).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// First day (unknown for Värmdö: the seed does not give it).
    #[serde(default, deserialize_with = "crate::dates::iso::known")]
    pub start: Known<NaiveDate>,
    /// Last day of the first period.
    #[serde(default)]
    pub end: TermEnd,
    /// What happens when a period ends; left out, unknown (never none: an agreement that ends
    /// without renewal says so with `{"type": "none"}`).
    #[serde(default)]
    pub renewal: Renewal,
    /// A date the source itself gives for the renewal decision or a new proposal
    /// (Linköping: a proposal by September 2019).
    #[serde(default, deserialize_with = "crate::dates::iso::option")]
    pub stated_decision_due: Option<NaiveDate>,
    /// Where the term is stated.
    pub source: Option<SourceRef>,
}

/// The last day of the first period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermEnd {
    /// Ends on this date (inclusive).
    On(#[serde(deserialize_with = "crate::dates::iso::date")] NaiveDate),
    /// Runs until further notice, with no end date.
    OpenEnded,
    /// The source does not say.
    #[default]
    Unknown,
}

/// A length of time in days or months (a notice or decision period).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Duration {
    /// Calendar days.
    Days(u32),
    /// Calendar months, by the month-end rule.
    Months(u32),
}

impl Duration {
    /// The date this long before `date`.
    pub fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Duration::Days(n) => date.checked_sub_days(chrono::Days::new(u64::from(n))),
            Duration::Months(n) => dates::sub_months(date, n),
        }
    }

    /// In Swedish: `3 månader`, `30 dagar`.
    pub fn sv(self) -> String {
        match self {
            Duration::Days(1) => "1 dag".into(),
            Duration::Days(n) => format!("{n} dagar"),
            Duration::Months(1) => "1 månad".into(),
            Duration::Months(n) => format!("{n} månader"),
        }
    }

    /// In English: `3 months`, `30 days`.
    pub fn en(self) -> String {
        match self {
            Duration::Days(1) => "1 day".into(),
            Duration::Days(n) => format!("{n} days"),
            Duration::Months(1) => "1 month".into(),
            Duration::Months(n) => format!("{n} months"),
        }
    }
}

/// What happens when a period ends (*förlängning*).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Renewal {
    /// Ends without notice when the period ends (*upphör utan uppsägning*).
    None,
    /// Extended `years` at a time until further notice; notice must be given `notice` before the
    /// period ends.
    AutomaticExtension {
        /// Length of each extension.
        years: u32,
        /// The notice period, when stated; left out, unknown.
        #[serde(default)]
        notice: Known<Duration>,
    },
    /// May be extended by decision, `years` at a time, at most `max_extensions` times.
    ExtensionOption {
        /// Length of each extension.
        years: u32,
        /// How many extensions the agreement allows.
        max_extensions: u32,
        /// How many have been decided so far.
        exercised: u32,
        /// How long before the period ends the decision must be taken, when stated; left out,
        /// unknown.
        #[serde(default)]
        decide_before: Known<Duration>,
    },
    /// The source does not say.
    #[default]
    Unknown,
}

impl Renewal {
    /// A short name: `ingen`, `automatisk 2 år i taget`, `option 1 år × 2`.
    pub fn sv(&self) -> String {
        match self {
            Renewal::None => "Ingen – upphör utan uppsägning".into(),
            Renewal::AutomaticExtension { years, .. } => {
                format!("Förlängs automatiskt {years} år i taget")
            }
            Renewal::ExtensionOption {
                years,
                max_extensions,
                ..
            } => format!("Option: {years} år, högst {max_extensions} gånger"),
            Renewal::Unknown => "Okänd".into(),
        }
    }

    /// A short name in English.
    pub fn en(&self) -> String {
        match self {
            Renewal::None => "None – ends without notice".into(),
            Renewal::AutomaticExtension { years, .. } => {
                format!("Extended automatically {years} years at a time")
            }
            Renewal::ExtensionOption {
                years,
                max_extensions,
                ..
            } => format!("Option: {years} years, at most {max_extensions} times"),
            Renewal::Unknown => "Unknown".into(),
        }
    }
}

/// The agreement's status on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Before the start.
    NotStarted,
    /// In the first period.
    FirstPeriod,
    /// In the n-th extension (1 = the first).
    Extension(u32),
    /// After the last period.
    Ended,
}

impl Status {
    /// In Swedish.
    pub fn sv(self) -> String {
        match self {
            Status::NotStarted => "Ej påbörjat".into(),
            Status::FirstPeriod => "Första perioden".into(),
            Status::Extension(n) => format!("Förlängning {n}"),
            Status::Ended => "Upphört".into(),
        }
    }

    /// In English.
    pub fn en(self) -> String {
        match self {
            Status::NotStarted => "Not started".into(),
            Status::FirstPeriod => "First period".into(),
            Status::Extension(n) => format!("Extension {n}"),
            Status::Ended => "Ended".into(),
        }
    }

    /// A stable key: `not_started`, `first_period`, `extension`, `ended`.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::FirstPeriod => "first_period",
            Status::Extension(_) => "extension",
            Status::Ended => "ended",
        }
    }
}

/// One period of the term: the first (index 0) or an extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// 0 for the first period, n for the n-th extension.
    pub index: u32,
    /// First day (unknown only for a first period whose start is unknown).
    pub start: Known<NaiveDate>,
    /// Last day.
    pub end: NaiveDate,
}

impl Term {
    /// The first period, if its end is a date.
    pub fn first_period(&self) -> Option<Period> {
        match self.end {
            TermEnd::On(end) => Some(Period {
                index: 0,
                start: self.start,
                end,
            }),
            _ => None,
        }
    }

    /// How many extensions can follow the first period (`None`: without limit).
    fn extension_cap(&self) -> Option<u32> {
        match self.renewal {
            Renewal::None | Renewal::Unknown => Some(0),
            Renewal::AutomaticExtension { .. } => None,
            Renewal::ExtensionOption {
                exercised,
                max_extensions,
                ..
            } => Some(exercised.min(max_extensions)),
        }
    }

    fn extension_years(&self) -> Option<u32> {
        match self.renewal {
            Renewal::AutomaticExtension { years, .. } | Renewal::ExtensionOption { years, .. }
                if years > 0 =>
            {
                Some(years)
            }
            _ => None,
        }
    }

    /// The period after `p`, if the renewal rule gives one.
    pub fn next_period(&self, p: Period) -> Option<Period> {
        let years = self.extension_years()?;
        if let Some(cap) = self.extension_cap() {
            if p.index >= cap {
                return None;
            }
        }
        let start = p.end.succ_opt()?;
        Some(Period {
            index: p.index + 1,
            start: Known::Known(start),
            end: dates::period_end(start, years)?,
        })
    }

    /// The period whose end is on or after `date` (the running or the next one), or the last
    /// period when all have ended. `None` when the first period has no end date, or when more
    /// than 1 000 extensions would be needed.
    pub fn period_for(&self, date: NaiveDate) -> Option<Period> {
        let mut p = self.first_period()?;
        for _ in 0..MAX_EXTENSIONS {
            if p.end >= date {
                return Some(p);
            }
            match self.next_period(p) {
                Some(next) => p = next,
                None => return Some(p),
            }
        }
        None
    }

    /// The status on `date`.
    ///
    /// Rules: before a known start, not started; within the first period, first period; after
    /// the first period, in the extension that contains the date (automatic extensions run
    /// until further notice; options only as far as exercised), otherwise ended. Unknown when
    /// the sources leave it open (an unknown start before the first end; an unknown renewal
    /// after it).
    ///
    /// ```
    /// use iop_core::{presets, term::Status, Known};
    /// let v = presets::vallentuna();
    /// assert_eq!(v.term.status(presets::date(2026, 11, 22)), Known::Known(Status::Extension(2)));
    /// ```
    pub fn status(&self, date: NaiveDate) -> Known<Status> {
        if let Known::Known(start) = self.start {
            if date < start {
                return Known::Known(Status::NotStarted);
            }
        }
        let end = match self.end {
            TermEnd::On(end) => end,
            TermEnd::OpenEnded if self.start.is_known() => {
                return Known::Known(Status::FirstPeriod)
            }
            _ => return Known::Unknown,
        };
        if date <= end {
            return if self.start.is_known() {
                Known::Known(Status::FirstPeriod)
            } else {
                Known::Unknown
            };
        }
        if self.renewal == Renewal::Unknown {
            return Known::Unknown;
        }
        match self.period_for(date) {
            Some(p) if p.end >= date && p.index > 0 => Known::Known(Status::Extension(p.index)),
            Some(_) => Known::Known(Status::Ended),
            None => Known::Unknown,
        }
    }

    /// The period running on `date`: known `None` when none runs (not started or ended).
    pub fn period_on(&self, date: NaiveDate) -> Known<Option<Period>> {
        match self.status(date) {
            Known::Known(Status::NotStarted | Status::Ended) => Known::Known(None),
            Known::Known(_) => Known::from(self.period_for(date).map(Some)),
            Known::Unknown => Known::Unknown,
        }
    }

    /// The last day of the period running on `date`.
    pub fn period_end_on(&self, date: NaiveDate) -> Known<Option<NaiveDate>> {
        self.period_on(date).map(|p| p.map(|p| p.end))
    }

    /// The last day of the period that matters on `date`: the one running, the first before
    /// the start, the last after the end (an ended agreement ended then); known `None` only
    /// when the agreement runs until further notice, unknown when the term does not say.
    ///
    /// ```
    /// use iop_core::{presets, Known};
    /// let ended = presets::kalmar_2022_2024();
    /// assert_eq!(ended.term.period_end_for(presets::date(2026, 12, 2)),
    ///            Known::Known(Some(presets::date(2024, 12, 31))));
    /// ```
    pub fn period_end_for(&self, date: NaiveDate) -> Known<Option<NaiveDate>> {
        match self.end {
            TermEnd::OpenEnded => Known::Known(None),
            TermEnd::Unknown => Known::Unknown,
            TermEnd::On(first_end) => {
                if self.renewal == Renewal::Unknown && date > first_end {
                    return Known::Unknown;
                }
                Known::from(self.period_for(date).map(|p| Some(p.end)))
            }
        }
    }

    /// By when a decision on renewal, notice or a new agreement is due for the period running on
    /// (or next after) `date`, with the default lead time [`DEFAULT_LEAD`]: see
    /// [`Term::decision_due_with`].
    ///
    /// ```
    /// use iop_core::{presets, Known};
    /// let k = presets::kalmar_2025_2027(); // ends 2027-12-31 without renewal
    /// assert_eq!(k.term.decision_due(presets::date(2026, 1, 1)).value,
    ///            Known::Known(presets::date(2027, 6, 30)));
    /// ```
    pub fn decision_due(&self, date: NaiveDate) -> Figure<NaiveDate> {
        self.decision_due_with(date, DEFAULT_LEAD)
    }

    /// By when a decision is due, given the `lead` time the nämnd needs.
    ///
    /// Rules: a date the source states is used as stated for the first period. Where the
    /// agreement states a notice period (automatic extension) or a time to decide before the
    /// end (extension option), that period before the end. Otherwise, when the agreement ends
    /// by itself (no renewal, or every extension used), when its notice period is not stated,
    /// or when what happens at the end is unknown: `lead` before the end, and the explanation
    /// says it is the lead time, not a term of the agreement.
    ///
    /// ```
    /// use iop_core::{presets, term::Duration, Known};
    /// let k = presets::kalmar_2025_2027();
    /// let due = k.term.decision_due_with(presets::date(2026, 1, 1), Duration::Months(3));
    /// assert_eq!(due.value, Known::Known(presets::date(2027, 9, 30)));
    /// assert!(due.explanation.sv.contains("ledtid 3 månader"), "{}", due.explanation.sv);
    /// ```
    pub fn decision_due_with(&self, date: NaiveDate, lead: Duration) -> Figure<NaiveDate> {
        let Some(p) = self.period_for(date) else {
            return Figure::unknown(Explanation::new(
                "Periodens slut är okänt, så beslutsdatum kan inte räknas fram.",
                "The end of the period is unknown, so the decision date cannot be computed.",
            ));
        };
        if let (Some(stated), 0) = (self.stated_decision_due, p.index) {
            return Figure::known(
                stated,
                Explanation::new(
                    format!("Datum som källan anger för beslut eller nytt förslag: {stated}."),
                    format!("Date the source gives for a decision or a new proposal: {stated}."),
                ),
            );
        }
        let end = p.end;
        let before = |d: Duration, sv: String, en: String| match d.before(end) {
            Some(due) => Figure::known(
                due,
                Explanation::new(
                    sv.replace("DUE", &due.to_string()),
                    en.replace("DUE", &due.to_string()),
                ),
            ),
            None => Figure::unknown(Explanation::new(
                "Datumet ligger utanför kalendern.",
                "The date is outside the calendar.",
            )),
        };
        let by_lead = |why_sv: &str, why_en: &str| {
            before(
                lead,
                format!(
                    "{why_sv} Periodens slut {end} minus ledtid {} (nämndens tid att besluta, inte ett villkor i avtalet) = DUE.",
                    lead.sv()
                ),
                format!(
                    "{why_en} End of period {end} minus a lead time of {} (the nämnd's time to decide, not a term of the agreement) = DUE.",
                    lead.en()
                ),
            )
        };
        match self.renewal {
            Renewal::None => by_lead(
                "Avtalet upphör utan uppsägning; ett nytt avtal behöver beslutas före periodens slut.",
                "The agreement ends without notice; a new agreement must be decided before the period ends.",
            ),
            Renewal::Unknown => by_lead(
                "Källan anger inte vad som händer när perioden slutar.",
                "The source does not say what happens when the period ends.",
            ),
            Renewal::ExtensionOption { exercised, max_extensions, .. }
                if p.index >= exercised.min(max_extensions) && p.index >= max_extensions =>
            {
                by_lead(
                    "Alla förlängningar är använda; avtalet upphör vid periodens slut.",
                    "All extensions are used; the agreement ends with the period.",
                )
            }
            Renewal::AutomaticExtension { notice: stated, .. }
            | Renewal::ExtensionOption { decide_before: stated, .. } => match stated {
                Known::Known(d) => before(
                    d,
                    format!("Periodens slut {end} minus avtalets uppsägnings- eller beslutstid {} = DUE.", d.sv()),
                    format!("End of period {end} minus the agreement's notice or decision period of {} = DUE.", d.en()),
                ),
                Known::Unknown => by_lead(
                    "Uppsägnings- eller beslutstid anges inte i avtalet.",
                    "The agreement states no notice or decision period.",
                ),
            },
        }
    }

    /// Length of the first period in whole months (36 for 2025-01-01 – 2027-12-31).
    pub fn first_period_months(&self) -> Known<u32> {
        match (self.start, self.end) {
            (Known::Known(s), TermEnd::On(e)) => dates::whole_months(s, e).into(),
            _ => Known::Unknown,
        }
    }
}

// Read by hand, field by field, so that an error names the field itself (see `crate::nested`).
impl<'de> Deserialize<'de> for Renewal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, mut b) = crate::nested::tagged(d, "type")?;
        let (renewal, known): (Renewal, &[&str]) = match tag.as_str() {
            "none" => (Renewal::None, &[]),
            "automatic_extension" => (
                Renewal::AutomaticExtension {
                    years: b.field("years")?,
                    notice: b.or_default("notice")?,
                },
                &["years", "notice"],
            ),
            "extension_option" => (
                Renewal::ExtensionOption {
                    years: b.field("years")?,
                    max_extensions: b.field("max_extensions")?,
                    exercised: b.field("exercised")?,
                    decide_before: b.or_default("decide_before")?,
                },
                &["years", "max_extensions", "exercised", "decide_before"],
            ),
            "unknown" => (Renewal::Unknown, &[]),
            other => {
                return Err(crate::nested::unknown_variant(
                    "type",
                    other,
                    &["none", "automatic_extension", "extension_option", "unknown"],
                ))
            }
        };
        b.done(known)?;
        Ok(renewal)
    }
}
