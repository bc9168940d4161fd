//! iCalendar (RFC 5545): the obligation calendar as all-day events, text escaped, lines folded.

use crate::calendar::Event;
use crate::known::Known;
use chrono::{NaiveDate, NaiveDateTime};

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
    agreement: &crate::Agreement,
    events: &[Event],
    stamp: NaiveDateTime,
) -> String {
    let (agreement_id, agreement_name) = (agreement.id.as_str(), agreement.name.as_str());
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
        .map(|e| format!("{} ({}–)", e.text(agreement), e.year_start))
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
        let mut summary = format!("IOP {agreement_name}: {}", e.text(agreement));
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
                ics_text(&format!("Om {REMINDER_DAYS} dagar: {}", e.text(agreement)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::obligations_calendar;
    use crate::presets;

    #[test]
    fn ics_lines_are_folded_escaped_and_crlf() {
        let k = presets::kalmar_2025_2027();
        let w = crate::window::Window::around(&k, presets::date(2025, 1, 1)).unwrap();
        let events = obligations_calendar(&k, w);
        let ics = calendar_ics(&k, &events, NaiveDateTime::default());
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
}
