//! What officials take away: the comparison as JSON, as CSV for Swedish Excel, and as an aligned
//! text table; the obligation calendar as JSON and as iCalendar (RFC 5545); the termination
//! outcome as JSON.
//!
//! Every export treats text from a file as inert data: CSV cells that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`; iCalendar text
//! is escaped per RFC 5545.

use crate::calendar::Event;
use crate::compare::ComparisonRow;
use crate::known::Known;
use crate::money::{format_decimal_sv, Sek};
use crate::term::{Duration, Status};
use crate::termination::TerminationOutcome;
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

fn money(v: Known<Sek>) -> Value {
    v.map_or_null(|s| Value::String(s.to_plain()))
}

fn per_inhabitant_ore(v: Known<Decimal>) -> Known<Decimal> {
    v.map(|d| {
        let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        r.rescale(2);
        r
    })
}

trait OrNull<T> {
    fn map_or_null(self, f: impl FnOnce(T) -> Value) -> Value;
}

impl<T> OrNull<T> for Known<T> {
    fn map_or_null(self, f: impl FnOnce(T) -> Value) -> Value {
        match self {
            Known::Known(v) => f(v),
            Known::Unknown => Value::Null,
        }
    }
}

fn date(v: Known<NaiveDate>) -> Value {
    v.map_or_null(|d| Value::String(d.to_string()))
}

fn opt_date(v: Known<Option<NaiveDate>>) -> Value {
    v.map_or_null(|d| d.map_or(Value::Null, |d| Value::String(d.to_string())))
}

/// `first_period`, `extension`, … or `null`.
fn status(v: Known<Status>) -> Value {
    v.map_or_null(|s| Value::String(s.key().into()))
}

/// The comparison as JSON: `{"at": DATE, "agreements": [...]}`; amounts as decimal strings
/// (per inhabitant rounded to the öre, half away from zero), unknowns as `null`.
pub fn comparison_json(rows: &[ComparisonRow], at: NaiveDate) -> Value {
    let agreements: Vec<Value> = rows
        .iter()
        .map(|r| {
            let (notice_days, notice_months) = match r.notice {
                Known::Known(Some(Duration::Days(d))) => (json!(d), Value::Null),
                Known::Known(Some(Duration::Months(m))) => (Value::Null, json!(m)),
                Known::Known(None) => (json!(0), json!(0)),
                Known::Unknown => (Value::Null, Value::Null),
            };
            json!({
                "id": r.id,
                "name": r.name,
                "municipality": r.municipality,
                "county": r.county,
                "kommunkod": r.kommunkod,
                "organisation": r.organisation,
                "start": date(r.start),
                "end": opt_date(r.end),
                "status": status(r.status),
                "extension": match r.status { Known::Known(Status::Extension(n)) => json!(n), _ => Value::Null },
                "period_end": opt_date(r.period_end),
                "decision_due": date(r.decision_due.value),
                "annual_sek": money(r.annual.value),
                "annual_max_sek": money(r.annual_max.value),
                "total_sek": money(r.total.value),
                "per_inhabitant_sek": per_inhabitant_ore(r.per_inhabitant.value).map_or_null(|d| Value::String(d.to_string())),
                "population_date": crate::municipality::POPULATION_DATE.to_string(),
                "payers": r.payers.iter().map(|(name, share, annual)| json!({
                    "name": name, "share": share, "annual_sek": money(*annual),
                })).collect::<Vec<_>>(),
                "renewal": serde_json::to_value(r.renewal).unwrap_or(Value::Null),
                "term_months": r.term_months.map_or_null(|m| json!(m)),
                "cure_days": r.cure_days.map_or_null(|d| d.map_or(Value::Null, |d| json!(d))),
                "notice_days": notice_days,
                "notice_months": notice_months,
                "meetings_per_year": r.meetings_per_year.map_or_null(|m| json!(m)),
                "services": r.services,
                "exclusions": r.exclusions,
                "explanations": {
                    "annual": r.annual.explanation,
                    "total": r.total.explanation,
                    "per_inhabitant": r.per_inhabitant.explanation,
                    "decision_due": r.decision_due.explanation,
                },
            })
        })
        .collect();
    json!({ "at": at.to_string(), "agreements": agreements })
}

/// A cell for a spreadsheet: inert (a formula-like start gets a leading `'`), quoted when it
/// holds the separator, a quote or a line break.
pub fn csv_cell(text: &str) -> String {
    let inert = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if inert.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

/// Appends one CSV row: inert, quoted cells joined by `;`, ended by CRLF.
fn push_csv_row(out: &mut String, cells: &[String]) {
    out.push_str(
        &cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(";"),
    );
    out.push_str("\r\n");
}

/// A decimal with a decimal comma and no thousands separator, as Swedish Excel reads numbers.
fn excel_number(d: Decimal) -> String {
    d.to_string().replace('.', ",")
}

fn csv_money(v: Known<Sek>) -> String {
    match v {
        Known::Known(s) => excel_number({
            let mut d = s.value();
            d.rescale(2);
            d
        }),
        Known::Unknown => String::new(),
    }
}

fn text_date(v: Known<NaiveDate>) -> String {
    v.value().map(|d| d.to_string()).unwrap_or_default()
}

fn text_opt_date(v: Known<Option<NaiveDate>>) -> String {
    match v {
        Known::Known(Some(d)) => d.to_string(),
        Known::Known(None) => "tills vidare".into(),
        Known::Unknown => String::new(),
    }
}

/// The comparison as CSV that opens in Swedish Excel as it is: UTF-8 with BOM, `;` between
/// cells, decimal comma, ISO dates (which Excel reads as dates), CRLF line ends. An unknown is an
/// empty cell; the header says so.
pub fn comparison_csv(rows: &[ComparisonRow], at: NaiveDate) -> String {
    let header = [
        "Id",
        "Avtal",
        "Kommun",
        "Kommunkod",
        "Län",
        "Organisation",
        "Start",
        "Slut",
        "Status",
        "Periodens slut",
        "Beslut senast",
        "Kr per år",
        "Kr per år (alla villkor)",
        "Totalt för perioden (kr)",
        "Kr per invånare och år",
        "Avtalstid (månader)",
        "Förlängning",
        "Rättelsetid (dagar)",
        "Möten per år",
        "Betalare",
        "Insatser",
        "Avgränsningar",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "Jämförelse per {at};Tomt = okänt;Folkmängd {}\r\n",
        crate::municipality::POPULATION_DATE
    ));
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.id.clone(),
            r.name.clone(),
            r.municipality.clone(),
            r.kommunkod.clone().unwrap_or_default(),
            r.county.clone().unwrap_or_default(),
            r.organisation.clone(),
            text_date(r.start),
            text_opt_date(r.end),
            r.status.map(|s| s.sv()).into_option().unwrap_or_default(),
            text_opt_date(r.period_end),
            text_date(r.decision_due.value),
            csv_money(r.annual.value),
            csv_money(r.annual_max.value),
            csv_money(r.total.value),
            per_inhabitant_ore(r.per_inhabitant.value)
                .map(excel_number)
                .into_option()
                .unwrap_or_default(),
            r.term_months
                .map(|m| m.to_string())
                .into_option()
                .unwrap_or_default(),
            r.renewal.sv(),
            match r.cure_days {
                Known::Known(Some(d)) => d.to_string(),
                Known::Known(None) => "ingen".into(),
                Known::Unknown => String::new(),
            },
            r.meetings_per_year
                .map(|m| m.to_string())
                .into_option()
                .unwrap_or_default(),
            r.payers
                .iter()
                .map(|(n, s, _)| format!("{n} {s}"))
                .collect::<Vec<_>>()
                .join(", "),
            r.services.join(", "),
            r.exclusions.join(", "),
        ];
        push_csv_row(&mut out, &cells);
    }
    out
}

/// Every payment of every agreement, one row per payer and payment, as CSV for Swedish Excel:
/// from the first period through the period running on `at`. An unknown date or amount is an
/// empty cell.
///
/// ```
/// let at = iop_core::presets::date(2025, 1, 1);
/// let csv = iop_core::export::payments_csv(&[iop_core::presets::kalmar_2025_2027()], at);
/// assert!(csv.contains("kalmar-2025-2027;Kalmar 2025–2027;2025-01-01;2025-01-01;2025-03-31;Kommunledningskontoret;500000,00"));
/// ```
pub fn payments_csv(agreements: &[crate::Agreement], at: NaiveDate) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&PAYMENT_COLUMNS.join(";"));
    out.push_str("\r\n");
    for row in payment_rows(agreements, at, csv_money) {
        push_csv_row(&mut out, &row);
    }
    out
}

const PAYMENT_COLUMNS: [&str; 7] = [
    "Id",
    "Avtal",
    "Avtalsår från",
    "Tidigast",
    "Senast",
    "Betalare",
    "Belopp (kr)",
];

/// One row per payer and payment: id, name, agreement year, earliest, latest, payer, amount.
fn payment_rows(
    agreements: &[crate::Agreement],
    at: NaiveDate,
    amount: fn(Known<Sek>) -> String,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for a in agreements {
        for p in crate::funding::payments_through(a, at, crate::funding::Conditions::AsRecorded) {
            let (from, to) = match p.window {
                Known::Known((f, t)) => (f.to_string(), t.to_string()),
                Known::Unknown => (String::new(), String::new()),
            };
            for (payer, value) in &p.per_payer {
                rows.push(vec![
                    a.id.clone(),
                    a.name.clone(),
                    p.agreement_year.0.to_string(),
                    from.clone(),
                    to.clone(),
                    payer.clone(),
                    amount(*value),
                ]);
            }
        }
    }
    rows
}

/// The payments as a text table with Swedish formats (unknown shown as `okänt`).
pub fn payments_table(agreements: &[crate::Agreement], at: NaiveDate) -> String {
    let mut rows = payment_rows(agreements, at, text_money);
    for r in &mut rows {
        for cell in &mut r[3..5] {
            if cell.is_empty() {
                *cell = "okänt".into();
            }
        }
    }
    text_table(&PAYMENT_COLUMNS, &rows, &[6])
}

/// The comparison as a standalone HTML page to print on A4: title, date, one row per term,
/// sources, page numbers; all text escaped, no script.
pub fn comparison_html(agreements: &[crate::Agreement], at: NaiveDate) -> String {
    use crate::draft::escape_html as e;
    let rows = crate::compare::compare(agreements, at);
    let table = crate::compare::side_by_side(&rows);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Jämförelse av IOP {at}</title>\
<style>@page {{ size: A4 landscape; margin: 15mm; @bottom-right {{ content: \"Sida \" counter(page) \" av \" counter(pages); }} }} \
body {{ font: 9pt/1.35 sans-serif; }} table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }} \
tr {{ page-break-inside: avoid; }} .u {{ font-style: italic; }}</style></head><body>\n\
<h1>Jämförelse av IOP-avtal</h1>\n<p>Per {at}. Folkmängd {}. Okänt = uppgiften finns inte i källan.</p>\n<table><thead><tr><th>Villkor</th>",
        crate::municipality::POPULATION_DATE
    );
    for r in &rows {
        out.push_str(&format!("<th>{}</th>", e(&r.name)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for t in &table {
        out.push_str(&format!(
            "<tr><th>{}{}</th>",
            if t.differs { "≠ " } else { "" },
            e(t.label_sv)
        ));
        for c in &t.cells {
            out.push_str(&format!(
                "<td{}>{}</td>",
                if c.unknown { " class=\"u\"" } else { "" },
                e(&c.sv)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<h2>Källor</h2>\n<ul>\n");
    for a in agreements {
        for s in &a.sources {
            out.push_str(&format!(
                "<li>{}: {} ({})</li>\n",
                e(&a.name),
                e(&s.title),
                e(&s.id)
            ));
        }
    }
    out.push_str("</ul>\n</body></html>\n");
    out
}

fn text_money(v: Known<Sek>) -> String {
    match v {
        Known::Known(s) => s.to_string(),
        Known::Unknown => "okänt".into(),
    }
}

/// Columns aligned by characters, for people: a header row, a rule, the rows. Numeric columns
/// (given by index) are right-aligned.
pub fn text_table(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    let cols = header.len();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = width
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if right.contains(&i) {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cells.len() {
                    s.push_str(&" ".repeat(pad));
                }
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        width
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// The comparison as a text table with Swedish formats.
pub fn comparison_table(rows: &[ComparisonRow], at: NaiveDate) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.municipality.clone(),
                r.organisation.clone(),
                format!(
                    "{} – {}",
                    text_date(r.start).if_empty("okänt"),
                    text_opt_date(r.end).if_empty("okänt")
                ),
                r.status
                    .map(|s| s.sv())
                    .into_option()
                    .unwrap_or_else(|| "okänt".into()),
                text_money(r.annual.value),
                per_inhabitant_ore(r.per_inhabitant.value)
                    .map(|d| format!("{} kr", format_decimal_sv(d, Some(2))))
                    .into_option()
                    .unwrap_or_else(|| "okänt".into()),
                text_money(r.total.value),
            ]
        })
        .collect();
    let mut out = format!(
        "Jämförelse per {at} (folkmängd {})\n\n",
        crate::municipality::POPULATION_DATE
    );
    out.push_str(&text_table(
        &[
            "Id",
            "Kommun",
            "Organisation",
            "Period",
            "Status",
            "Per år",
            "Per invånare",
            "Totalt för perioden",
        ],
        &body,
        &[5, 6, 7],
    ));
    out
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() {
            other.to_string()
        } else {
            self
        }
    }
}

/// The calendar as JSON: a list of `{date, kind, description, amount_sek, payer}`.
pub fn calendar_json(events: &[Event]) -> Value {
    Value::Array(
        events
            .iter()
            .map(|e| {
                json!({
                    "date": date(e.date),
                    "agreement_year_start": e.year_start.to_string(),
                    "kind": e.kind.key(),
                    "description": e.description,
                    "amount_sek": e.amount.map_or(Value::Null, money),
                    "payer": e.payer,
                })
            })
            .collect(),
    )
}

/// The calendar as a text table.
pub fn calendar_table(events: &[Event]) -> String {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.date
                    .value()
                    .map_or_else(|| format!("okänt ({}–)", e.year_start), |d| d.to_string()),
                e.kind.key().to_string(),
                e.description.clone(),
                e.amount.map(text_money).unwrap_or_default(),
            ]
        })
        .collect();
    text_table(&["Datum", "Slag", "Beskrivning", "Belopp"], &rows, &[3])
}

/// Escapes text for an iCalendar TEXT value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).
fn ics_fold(line: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if count + n > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += n;
    }
    out.push_str("\r\n");
    out
}

/// Days before a renewal decision that the calendar reminds.
pub const REMINDER_DAYS: u32 = 30;

/// The calendar as an iCalendar file (RFC 5545): one all-day VEVENT per dated obligation, a
/// reminder [`REMINDER_DAYS`] days before the renewal decision. Undated obligations cannot be
/// put in a calendar and are listed in the calendar's description instead.
pub fn calendar_ics(
    agreement_id: &str,
    agreement_name: &str,
    events: &[Event],
    stamp: NaiveDateTime,
) -> String {
    let mut out = String::new();
    let stamp = stamp.format_ics();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//IOP//iop-core//SV".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!(
            "X-WR-CALNAME:{}",
            ics_text(&format!("IOP {agreement_name}"))
        ),
    ];
    let undated: Vec<String> = events
        .iter()
        .filter(|e| !e.date.is_known())
        .map(|e| format!("{} ({}–)", e.description, e.year_start))
        .collect();
    if !undated.is_empty() {
        lines.push(format!(
            "X-WR-CALDESC:{}",
            ics_text(&format!("Utan datum i källan: {}", undated.join("; ")))
        ));
    }
    let safe_id: String = agreement_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    for (i, e) in events.iter().enumerate() {
        let Known::Known(d) = e.date else { continue };
        let next = d.succ_opt().unwrap_or(d);
        let mut summary = format!("IOP {agreement_name}: {}", e.description);
        if let Some(Known::Known(a)) = e.amount {
            summary.push_str(&format!(" – {a}"));
        }
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{safe_id}-{i}-{}@iop", e.kind.key()));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", d.format_ics_date()));
        lines.push(format!("DTEND;VALUE=DATE:{}", next.format_ics_date()));
        lines.push(format!("SUMMARY:{}", ics_text(&summary)));
        lines.push(format!("CATEGORIES:{}", e.kind.key().to_uppercase()));
        if e.kind == crate::calendar::EventKind::RenewalDecision {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!(
                "DESCRIPTION:{}",
                ics_text(&format!("Om {REMINDER_DAYS} dagar: {}", e.description))
            ));
            lines.push(format!("TRIGGER:-P{REMINDER_DAYS}D"));
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    for l in lines {
        out.push_str(&ics_fold(&l));
    }
    out
}

trait IcsFormat {
    fn format_ics(&self) -> String;
}

impl IcsFormat for NaiveDateTime {
    fn format_ics(&self) -> String {
        use chrono::{Datelike, Timelike};
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            self.year(),
            self.month(),
            self.day(),
            self.hour(),
            self.minute(),
            self.second()
        )
    }
}

trait IcsDate {
    fn format_ics_date(&self) -> String;
}

impl IcsDate for NaiveDate {
    fn format_ics_date(&self) -> String {
        use chrono::Datelike;
        format!("{:04}{:02}{:02}", self.year(), self.month(), self.day())
    }
}

/// The termination outcome as JSON.
pub fn termination_json(o: &TerminationOutcome) -> Value {
    json!({
        "effective_date": o.effective_date.map(|d| d.to_string()),
        "ends_by_expiry_first": o.effective_date.is_none(),
        "in_breach": o.in_breach,
        "paid_sek": money(o.paid),
        "unpaid_sek": money(o.unpaid),
        "repayment_min_sek": money(o.repayment_min),
        "repayment_max_sek": money(o.repayment_max),
        "explanation": o.explanation,
    })
}

/// The termination outcome as text.
pub fn termination_table(o: &TerminationOutcome) -> String {
    let rows = vec![
        vec![
            "Gäller tidigast".to_string(),
            o.effective_date
                .map_or("– (perioden slutar först)".into(), |d| d.to_string()),
        ],
        vec!["Utbetalt dessförinnan".into(), text_money(o.paid)],
        vec!["Betalas inte ut".into(), text_money(o.unpaid)],
        vec![
            "Återbetalning".into(),
            format!(
                "{} – {}",
                text_money(o.repayment_min),
                text_money(o.repayment_max)
            ),
        ],
    ];
    let mut out = text_table(&["", ""], &rows, &[]);
    out.push('\n');
    out.push_str(&o.explanation.sv);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::obligations_calendar;
    use crate::compare::compare;
    use crate::presets;

    #[test]
    fn csv_is_for_swedish_excel() {
        let at = presets::date(2026, 11, 22);
        let csv = comparison_csv(&compare(&presets::all(), at), at);
        assert!(csv.starts_with('\u{feff}'));
        let line = csv
            .lines()
            .find(|l| l.starts_with("kalmar-2025-2027;"))
            .unwrap();
        assert!(line.contains(";1000000,00;"), "{line}");
        assert!(line.contains(";13,75;"), "{line}");
        assert!(line.contains(";2025-01-01;2027-12-31;"), "{line}");
    }

    #[test]
    fn csv_cells_are_inert_and_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("Kalmar"), "Kalmar");
    }

    #[test]
    fn ics_lines_are_folded_escaped_and_crlf() {
        let k = presets::kalmar_2025_2027();
        let events = obligations_calendar(&k, presets::date(2025, 1, 1));
        let ics = calendar_ics(&k.id, &k.name, &events, NaiveDateTime::default());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(ics.contains("DTSTART;VALUE=DATE:20250331"));
        assert!(ics.contains("TRIGGER:-P30D"));
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            ics_fold(&"å".repeat(40))
                .split("\r\n")
                .next()
                .unwrap()
                .len(),
            74
        );
    }

    #[test]
    fn comparison_json_has_the_contract_fields() {
        let at = presets::date(2026, 11, 22);
        let v = comparison_json(&compare(&presets::all(), at), at);
        let k = &v["agreements"][1];
        assert_eq!(k["annual_sek"], "1000000.00");
        assert_eq!(k["total_sek"], "3000000.00");
        assert_eq!(k["per_inhabitant_sek"], "13.75");
        assert_eq!(k["payers"][0]["annual_sek"], "500000.00");
        assert_eq!(k["cure_days"], 30);
        assert_eq!(v["agreements"][4]["annual_sek"], Value::Null);
    }
}

#[cfg(test)]
mod table_tests {
    #[test]
    fn rows_wider_than_the_header_do_not_panic() {
        let t = super::text_table(&["a"], &[vec!["1".into(), "2".into()], vec![]], &[0, 5]);
        assert_eq!(t.lines().count(), 4);
    }
}
