//! The written files open in LibreOffice, run headless: the workbook converted to CSV (each
//! sheet), the Word documents to text and HTML, and the compared agreements' figures read back.
//! LibreOffice must be installed (`scripts/setup.sh` installs it); without it these tests fail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use iop_core::compare::compare;
use iop_core::presets;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The three agreements compared; Kalmar 2022–2024 and Linköping are not.
const COMPARED: [&str; 3] = ["kalmar-2025-2027", "vallentuna-2021", "varmdo"];

fn picked() -> Vec<iop_core::Agreement> {
    let all = presets::all();
    COMPARED
        .iter()
        .map(|id| all.iter().find(|a| a.id == *id).unwrap().clone())
        .collect()
}

fn at() -> chrono::NaiveDate {
    presets::date(2026, 11, 22)
}

/// A new empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "iop-office-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Converts `file` with LibreOffice headless to `filter` in `dir`, with a profile of its own
/// (so tests run side by side) and a time limit.
fn convert(dir: &Path, file: &Path, filter: &str) {
    let profile = dir.join("lo-profile");
    let out = Command::new("timeout")
        .arg("180")
        .arg("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(dir.join("out"))
        .arg(file)
        .output()
        .expect("LibreOffice (soffice) is not installed: run scripts/setup.sh");
    assert!(
        out.status.success(),
        "soffice failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Digits with their group separators taken out: "1,000,000 kr" and "1 000 000 kr" both hold
/// "1000000".
fn ungrouped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if (*c == ',' || *c == ' ')
            && between_digits
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit))
        {
            continue;
        }
        out.push(*c);
    }
    out
}

fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_opens_in_libreoffice_with_the_compared_figures_and_a_sources_sheet() {
    let agreements = picked();
    let rows = compare(&agreements, at());
    let bytes = iop_office::comparison_xlsx(&agreements, &rows, at()).unwrap();
    let dir = temp_dir("xlsx");
    let file = dir.join("jamforelse.xlsx");
    std::fs::write(&file, &bytes).unwrap();
    // UTF-8, the cells as shown, every sheet to a file of its own.
    convert(
        &dir,
        &file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,false,true,true,false,false,-1",
    );
    let sheet = read(&dir.join("out/jamforelse-Jämförelse.csv"));
    let flat = ungrouped(&sheet);
    assert!(sheet.contains("per 2026-11-22"), "{sheet}");
    for figure in [
        "Kalmar 2025–2027",
        "Vallentuna 2021–",
        "Värmdö",
        "1000000 kr",
        "3000000 kr",
        "50000 kr",
        "2025-01-01",
        "2027-12-31",
        "okänt",
    ] {
        assert!(flat.contains(figure), "{figure} in\n{sheet}");
    }
    // Vallentuna's agreement states no cure period: its row says so, never 0.
    let vallentuna = sheet
        .lines()
        .find(|l| l.starts_with("Vallentuna 2021–"))
        .unwrap();
    assert!(vallentuna.contains(",okänt,"), "{vallentuna}");
    assert!(!vallentuna.contains(",0,"), "{vallentuna}");
    // Per inhabitant with two decimals, in whatever decimal sign the locale shows.
    assert!(
        flat.contains("13.75 kr") || flat.contains("13,75 kr"),
        "{sheet}"
    );
    for absent in ["Kalmar 2022–2024", "Linköping", "kalmar-2022-2024"] {
        assert!(
            !sheet.contains(absent),
            "{absent} was not compared:\n{sheet}"
        );
    }
    let sources = read(&dir.join("out/jamforelse-Källor.csv"));
    assert!(sources.contains("Källa"), "{sources}");
    assert!(sources.contains("§10 Ekonomi"), "{sources}");
    assert!(sources.contains("1 000 000 kronor per år"), "{sources}");
    assert!(!sources.contains("Linköping"), "{sources}");

    // The sheets by name, and a date stored as a date: 2025-01-01 is Excel's day 45658.
    let book = entry(&bytes, "xl/workbook.xml");
    assert!(
        book.contains("name=\"Jämförelse\"") && book.contains("name=\"Källor\""),
        "{book}"
    );
    let cells = entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        cells.contains("<v>45658</v>"),
        "the start is not a date cell"
    );
    assert!(
        cells.contains("<v>1000000</v>"),
        "the yearly amount is not a number cell"
    );
    assert!(cells.contains("<pane"), "the header row is not frozen");
}

#[test]
fn the_comparison_opens_in_libreoffice_writer_as_a_table_with_the_compared_figures() {
    let agreements = picked();
    let rows = compare(&agreements, at());
    let bytes = iop_office::comparison_docx(&agreements, &rows, at()).unwrap();
    let dir = temp_dir("docx");
    let file = dir.join("jamforelse.docx");
    std::fs::write(&file, &bytes).unwrap();
    convert(&dir, &file, "txt:Text (encoded):UTF8");
    let text = read(&dir.join("out/jamforelse.txt"));
    for figure in [
        "Per 2026-11-22",
        "Kalmar 2025–2027",
        "1 000 000 kr",
        "13,75 kr",
        "50 000 kr",
        "2025-01-01",
        "okänt",
        "Källor",
        "§10 Ekonomi",
    ] {
        assert!(text.contains(figure), "{figure} in\n{text}");
    }
    for absent in ["Kalmar 2022–2024", "Linköping"] {
        assert!(!text.contains(absent), "{absent} was not compared:\n{text}");
    }
    // A real table: LibreOffice writes it as one in HTML, with the header row first.
    convert(&dir, &file, "html");
    let html = read(&dir.join("out/jamforelse.html"));
    assert!(html.contains("<table"), "no table");
    let table = &html[html.find("<table").unwrap()..];
    let kronor = table.find("Kronor per år").unwrap();
    assert!(table.find("Villkor").unwrap() < kronor);
}

#[test]
fn the_draft_opens_in_libreoffice_writer_with_its_sections_as_headings() {
    let a = presets::kalmar_2025_2027();
    let bytes = iop_office::draft_docx(&a, presets::date(2025, 1, 1)).unwrap();
    let dir = temp_dir("draft");
    let file = dir.join("utkast.docx");
    std::fs::write(&file, &bytes).unwrap();
    convert(&dir, &file, "txt:Text (encoded):UTF8");
    let text = read(&dir.join("out/utkast.txt"));
    for figure in [
        "1 000 000 kr per år",
        "2025-01-01 – 2027-12-31",
        "832401-3807",
    ] {
        assert!(text.contains(figure), "{figure} in\n{text}");
    }
    // Each of the 14 sections is a Heading 1, which LibreOffice writes as <h1>.
    convert(&dir, &file, "html");
    let html = read(&dir.join("out/utkast.html"));
    assert_eq!(html.matches("<h1").count(), 14, "{html}");
    assert!(html.contains("10. Ekonomi</h1>"), "{html}");
}
