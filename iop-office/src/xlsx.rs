//! The comparison as an Excel workbook.
//!
//! One row per agreement, one column per term: each column then holds one kind of value in one
//! format, so Excel sorts, filters, sums and charts it as it is (the CSV has the same layout).
//! The terms of the page's table keep their Swedish labels.

use crate::{agreements_of, Error};
use chrono::{Datelike, NaiveDate};
use iop_core::compare::{side_by_side, ComparisonRow, TermRow};
use iop_core::explain::Figure;
use iop_core::export::per_inhabitant_ore;
use iop_core::money::{Overflow, Sek};
use iop_core::{Agreement, Known};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

/// The longest text an Excel cell holds.
const CELL_MAX: usize = 32_767;
/// The comparison's sheet and the sources' sheet.
pub const SHEET: &str = "Jämförelse";
/// The sources' sheet.
pub const SOURCES_SHEET: &str = "Källor";
/// Kronor: thousands grouped by the reader's own separator (a space in Swedish Excel).
const KRONOR: &str = "#,##0 \"kr\"";
/// Kronor and öre.
const ORE: &str = "#,##0.00 \"kr\"";
const DATE: &str = "yyyy-mm-dd";
/// The rows above the header: the title and a note.
const HEADER_ROW: u32 = 2;

/// One cell's value, typed for Excel.
enum Value {
    Text(String),
    Kronor(Decimal),
    Ore(Decimal),
    Date(NaiveDate),
    Whole(u32),
    /// The source does not say: the text `okänt`, never 0.
    Unknown,
}

/// A column: its label and width, and its value for one agreement.
struct Column {
    label: String,
    width: f64,
    value: fn(&ComparisonRow, &[TermRow], usize) -> Value,
}

fn money(f: &Figure<Sek>) -> Value {
    if f.too_large {
        return Value::Text(Overflow::SHOWN_SV.into());
    }
    match f.value {
        Known::Known(v) => Value::Kronor(v.value()),
        Known::Unknown => Value::Unknown,
    }
}

fn date(v: Known<Option<NaiveDate>>) -> Value {
    match v {
        Known::Known(Some(d)) => Value::Date(d),
        Known::Known(None) => Value::Text("tills vidare".into()),
        Known::Unknown => Value::Unknown,
    }
}

fn whole(v: Known<u32>) -> Value {
    v.map(Value::Whole).into_option().unwrap_or(Value::Unknown)
}

/// The Swedish text of the page's table for term `key`, agreement `i`.
fn term_text(table: &[TermRow], key: &str, i: usize) -> Value {
    match table
        .iter()
        .find(|t| t.key == key)
        .and_then(|t| t.cells.get(i))
    {
        Some(c) if !c.unknown => Value::Text(c.sv.clone()),
        _ => Value::Unknown,
    }
}

/// The label of term `key` in the page's table, with `unit` when the column's numbers need one.
fn label(table: &[TermRow], key: &str, unit: &str) -> String {
    let l = table
        .iter()
        .find(|t| t.key == key)
        .map_or(key, |t| t.label_sv);
    if unit.is_empty() {
        l.to_string()
    } else {
        format!("{l} ({unit})")
    }
}

fn columns(table: &[TermRow]) -> Vec<Column> {
    let c = |key: &str, unit: &str, width: f64, value| Column {
        label: label(table, key, unit),
        width,
        value,
    };
    vec![
        Column {
            label: "Avtal".into(),
            width: 36.0,
            value: |r, _, _| Value::Text(r.name.clone()),
        },
        c("municipality", "", 18.0, |r, _, _| {
            Value::Text(r.municipality.clone())
        }),
        Column {
            label: "Län".into(),
            width: 16.0,
            value: |r, _, _| r.county.clone().map_or(Value::Unknown, Value::Text),
        },
        c("organisation", "", 30.0, |r, _, _| {
            Value::Text(r.organisation.clone())
        }),
        c("annual", "", 16.0, |r, _, _| money(&r.annual)),
        c("annual_max", "", 18.0, |r, _, _| money(&r.annual_max)),
        c("per_inhabitant", "", 14.0, |r, _, _| {
            per_inhabitant_ore(r.per_inhabitant.value)
                .map(Value::Ore)
                .into_option()
                .unwrap_or(Value::Unknown)
        }),
        c("total", "", 16.0, |r, _, _| money(&r.total)),
        c("start", "", 12.0, |r, _, _| date(r.start.map(Some))),
        c("end", "", 14.0, |r, _, _| date(r.end)),
        c("term_months", "månader", 12.0, |r, _, _| {
            whole(r.term_months)
        }),
        c("status", "", 20.0, |_, t, i| term_text(t, "status", i)),
        c("period_end", "", 14.0, |r, _, _| date(r.period_end)),
        c("decision_due", "", 14.0, |r, _, _| {
            date(r.decision_due.value.map(Some))
        }),
        c("renewal", "", 30.0, |_, t, i| term_text(t, "renewal", i)),
        c("cure_days", "dagar", 14.0, |r, _, _| match r.cure_days {
            Known::Known(Some(d)) => Value::Whole(d),
            Known::Known(None) => Value::Text("ingen hävningsklausul".into()),
            Known::Unknown => Value::Unknown,
        }),
        c("notice", "", 16.0, |_, t, i| term_text(t, "notice", i)),
        c("meetings", "", 14.0, |r, _, _| whole(r.meetings_per_year)),
        c("payers", "", 30.0, |_, t, i| term_text(t, "payers", i)),
        c("services", "", 50.0, |_, t, i| term_text(t, "services", i)),
        c("exclusions", "", 40.0, |_, t, i| {
            term_text(t, "exclusions", i)
        }),
        Column {
            label: "Id".into(),
            width: 20.0,
            value: |r, _, _| Value::Text(r.id.clone()),
        },
    ]
}

/// Text as a cell holds it: at most [`CELL_MAX`] characters.
fn cell_text(s: &str) -> String {
    match s.char_indices().nth(CELL_MAX) {
        Some((at, _)) => s.get(..at).unwrap_or_default().to_string(),
        None => s.to_string(),
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, Error> {
    let year = u16::try_from(d.year()).map_err(Error::xlsx)?;
    let month = u8::try_from(d.month()).map_err(Error::xlsx)?;
    let day = u8::try_from(d.day()).map_err(Error::xlsx)?;
    ExcelDateTime::from_ymd(year, month, day).map_err(Error::xlsx)
}

/// The formats of the sheets, made once.
struct Formats {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    kronor: Format,
    ore: Format,
    date: Format,
    whole: Format,
    unknown: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = || Format::new().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new().set_italic(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#DCE6F1"),
            text: top().set_text_wrap(),
            kronor: top().set_num_format(KRONOR),
            ore: top().set_num_format(ORE),
            date: top().set_num_format(DATE),
            whole: top().set_num_format("0"),
            unknown: top().set_italic().set_align(FormatAlign::Right),
        }
    }
}

fn put(ws: &mut Worksheet, row: u32, col: u16, v: &Value, f: &Formats) -> Result<(), Error> {
    let number = |d: &Decimal| d.to_f64().unwrap_or_default();
    match v {
        Value::Text(t) => ws.write_string_with_format(row, col, cell_text(t), &f.text),
        Value::Kronor(d) => ws.write_number_with_format(row, col, number(d), &f.kronor),
        Value::Ore(d) => ws.write_number_with_format(row, col, number(d), &f.ore),
        Value::Date(d) => ws.write_datetime_with_format(row, col, excel_date(*d)?, &f.date),
        Value::Whole(n) => ws.write_number_with_format(row, col, f64::from(*n), &f.whole),
        Value::Unknown => ws.write_string_with_format(row, col, "okänt", &f.unknown),
    }
    .map(|_| ())
    .map_err(Error::xlsx)
}

/// The comparison of `rows` (computed on `at`) as an Excel workbook: the sheet "Jämförelse"
/// with a title and the date, one row per agreement under a frozen header row, kronor and
/// dates as numbers and dates in Swedish formats, unknowns as `okänt`; and the sheet "Källor"
/// with each agreement's sources (title, kind, date, address, the sections and quotes cited)
/// from `agreements` (matched to the rows by id).
///
/// ```
/// use iop_core::{compare::compare, presets};
/// let agreements = vec![presets::kalmar_2025_2027(), presets::varmdo()];
/// let at = presets::date(2026, 1, 1);
/// let bytes = iop_office::comparison_xlsx(&agreements, &compare(&agreements, at), at).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn comparison_xlsx(
    agreements: &[Agreement],
    rows: &[ComparisonRow],
    at: NaiveDate,
) -> Result<Vec<u8>, Error> {
    let table = side_by_side(rows);
    let columns = columns(&table);
    let f = Formats::new();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Jämförelse av IOP-avtal per {at}"))
            .set_subject("Idéburna offentliga partnerskap"),
    );
    let ws = book.add_worksheet();
    ws.set_name(SHEET).map_err(Error::xlsx)?;
    ws.write_string_with_format(
        0,
        0,
        format!("Jämförelse av idéburna offentliga partnerskap per {at}"),
        &f.title,
    )
    .map_err(Error::xlsx)?;
    ws.write_string_with_format(
        1,
        0,
        format!(
            "{} avtal. Folkmängd {} (SCB). Belopp i kronor. okänt = källan anger inte värdet. Källorna finns på bladet Källor.",
            rows.len(),
            iop_core::POPULATION_DATE
        ),
        &f.note,
    )
    .map_err(Error::xlsx)?;
    for (c, column) in (0u16..).zip(&columns) {
        ws.set_column_width(c, column.width).map_err(Error::xlsx)?;
        ws.write_string_with_format(HEADER_ROW, c, &column.label, &f.header)
            .map_err(Error::xlsx)?;
    }
    for ((i, r), row) in rows.iter().enumerate().zip(HEADER_ROW + 1..) {
        for (c, column) in (0u16..).zip(&columns) {
            put(ws, row, c, &(column.value)(r, &table, i), &f)?;
        }
    }
    // The header and the agreement's name stay in view; the header filters and sorts.
    ws.set_freeze_panes(HEADER_ROW + 1, 1)
        .map_err(Error::xlsx)?;
    let last_row = HEADER_ROW + u32::try_from(rows.len()).map_err(Error::xlsx)?;
    let last_col = u16::try_from(columns.len().saturating_sub(1)).map_err(Error::xlsx)?;
    ws.autofilter(HEADER_ROW, 0, last_row, last_col)
        .map_err(Error::xlsx)?;

    sources_sheet(book.add_worksheet(), agreements, rows, at, &f)?;
    book.save_to_buffer().map_err(Error::xlsx)
}

fn sources_sheet(
    ws: &mut Worksheet,
    agreements: &[Agreement],
    rows: &[ComparisonRow],
    at: NaiveDate,
    f: &Formats,
) -> Result<(), Error> {
    ws.set_name(SOURCES_SHEET).map_err(Error::xlsx)?;
    ws.write_string_with_format(0, 0, format!("Källor till jämförelsen per {at}"), &f.title)
        .map_err(Error::xlsx)?;
    let header = [
        ("Avtal", 36.0),
        ("Källa", 50.0),
        ("Typ", 10.0),
        ("Datum", 12.0),
        ("Adress", 50.0),
        ("Avsnitt och citat", 80.0),
    ];
    for (c, (label, width)) in (0u16..).zip(header) {
        ws.set_column_width(c, width).map_err(Error::xlsx)?;
        ws.write_string_with_format(HEADER_ROW, c, label, &f.header)
            .map_err(Error::xlsx)?;
    }
    let mut row = HEADER_ROW + 1;
    for (r, a) in rows.iter().zip(agreements_of(agreements, rows)) {
        let Some(a) = a else { continue };
        for c in crate::cited(a) {
            let d = c.document;
            let cited: Vec<String> = c
                .cited
                .iter()
                .map(|(section, quote)| match quote {
                    Some(q) if section.is_empty() => format!("”{q}”"),
                    Some(q) => format!("{section}: ”{q}”"),
                    None => section.to_string(),
                })
                .collect();
            let values = [
                Value::Text(r.name.clone()),
                Value::Text(d.title.clone()),
                d.kind
                    .map_or(Value::Unknown, |k| Value::Text(k.sv().to_string())),
                d.date.map_or(Value::Unknown, Value::Date),
                c.address
                    .map_or(Value::Text(String::new()), |s| Value::Text(s.to_string())),
                Value::Text(cited.join("\n")),
            ];
            for (col, v) in (0u16..).zip(&values) {
                put(ws, row, col, v, f)?;
            }
            row += 1;
        }
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)
        .map_err(Error::xlsx)?;
    Ok(())
}
