//! `iop`: the IOP model on the command line, for scripts and other tools.
//!
//! A thin shell over `iop-core`: it reads files, calls the core, and prints. Exit codes: 0 on
//! success, 1 when the input is invalid, 2 on misuse. Errors are one line per problem on stderr.

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use iop_core::breach::terminate;
use iop_core::calendar::obligations_calendar;
use iop_core::export;
use iop_core::parties::Side;
use iop_core::printable::{one_line, terminal_safe};
use iop_core::scenario::{self, Scenario, Severity};
use iop_core::window::{Outside, Span, Window};
use std::io::Write;

mod lang;
mod tables;
use lang::{lang, Lang};
use std::process::ExitCode;

/// Model and compare idéburna offentliga partnerskap (IOP) from scenario files.
#[derive(Parser)]
#[command(name = "iop", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the five built-in agreements as a scenario file to stdout.
    Presets,
    /// Write the catalogue of real agreements from public sources (each figure with its address,
    /// date and quote) as a scenario file to stdout.
    Catalogue,
    /// Check scenario files; one line `FILE: PATH: message` per problem. Warnings do not change
    /// the exit code.
    Validate {
        /// Scenario files (`-` reads standard input).
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Compare the agreements of one or more scenario files.
    Compare {
        /// Scenario files (`-` reads standard input). The agreements of later files are added
        /// as an import in the page adds them: one already there (the same agreement) is not
        /// added twice; another with the same id gets a new id.
        #[arg(required = true)]
        files: Vec<String>,
        /// The date of the comparison (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// The nämnd's lead time in months: "Beslut senast" is this long before a period's
        /// end where the agreement states no notice or decision period.
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(0..=60))]
        ledtid: u32,
        /// Compare against this agreement (its id): the table shows one row per term, one
        /// column per agreement, and marks "≠" where a known value differs from this
        /// agreement's. With --format table only.
        #[arg(long, value_name = "ID")]
        mot: Option<String>,
    },
    /// Every dated obligation of one agreement over its term.
    Schedule {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// The agreement's id.
        #[arg(long)]
        agreement: String,
        /// The period running on this date and the next are listed (YYYY-MM-DD); today when
        /// left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        #[command(flatten)]
        window: WindowArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
        format: ScheduleFormat,
    },
    /// The outcome of a written breach notice that is not remedied.
    Terminate {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// The agreement's id.
        #[arg(long)]
        agreement: String,
        /// The date of the written notice (YYYY-MM-DD).
        #[arg(long)]
        notice: NaiveDate,
        /// Who gives notice: the public party or the organisation.
        #[arg(long, value_enum)]
        from: From,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableJson::Table)]
        format: TableJson,
    },
    /// Write the JSON Schema of the scenario format.
    Schema,
    /// Every payment of every agreement, one row per payer (csv opens in Swedish Excel).
    Payments {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// For each agreement, the period running on this date and the next are listed
        /// (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        #[command(flatten)]
        window: WindowArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableCsv::Csv)]
        format: TableCsv,
    },
    /// A Swedish draft agreement from one agreement, unknowns marked for the author.
    Draft {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// The agreement's id.
        #[arg(long)]
        agreement: String,
        /// The figures as on this date (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DraftFormat::Md)]
        format: DraftFormat,
    },
    /// The EU de minimis check: money per organisation over any three fiscal years.
    StateAid {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// Kronor per euro (e.g. 11.50).
        #[arg(long)]
        sek_per_eur: String,
        /// Through the period running on this date (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableJson::Table)]
        format: TableJson,
    },
    /// Write a generated scenario of realistic agreements (for benchmarks and load tests).
    Generate {
        /// How many agreements.
        #[arg(default_value_t = 290)]
        count: usize,
        /// Seed: the same seed gives the same scenario.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Instead of a count: at least this many bytes of file.
        #[arg(long)]
        bytes: Option<usize>,
    },
    /// Read an agreement (PDF, Word .docx, OpenDocument .odt or text; `-` reads standard input;
    /// the format is known from the content): each term with the words that state it, and for a
    /// PDF the page it stands on. Exit 0 when something was read, 1 when nothing was.
    Extract {
        /// The file.
        file: String,
        /// Output format: `json` (agreement, findings, conflicts) or `scenario` (a scenario file
        /// holding the one agreement).
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
    },
    /// The text of an agreement's file (PDF, .docx, .odt or text; `-` reads standard input), as
    /// `extract` reads it; a PDF's pages are separated by a form feed.
    Text {
        /// The file.
        file: String,
    },
    /// A link that carries a small scenario in its fragment (never sent to a server).
    ShareLink {
        /// Scenario file (`-` reads standard input).
        file: String,
        /// The app's address.
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        base: String,
    },
}

/// The dates a listing covers, instead of the default window around `--at`.
#[derive(clap::Args, Clone, Copy)]
struct WindowArgs {
    /// List from this date (YYYY-MM-DD); needs --to.
    #[arg(long, requires = "to")]
    from: Option<NaiveDate>,
    /// List through this date (YYYY-MM-DD); needs --from.
    #[arg(long, requires = "from")]
    to: Option<NaiveDate>,
}

impl WindowArgs {
    fn span(self, at: Option<NaiveDate>) -> Result<Span, Failure> {
        match (self.from, self.to) {
            (Some(f), Some(t)) => Window::new(f, t).map(Span::Between).ok_or_else(|| {
                misuse(lang().pick(
                    format!("--to {t} ligger före --from {f}"),
                    format!("--to {t} is before --from {f}"),
                ))
            }),
            _ => Ok(Span::Around(at.unwrap_or_else(today))),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Scenario,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableCsv {
    Table,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum DraftFormat {
    Md,
    Html,
    /// Word; written to stdout, never to a terminal.
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Table,
    Json,
    Csv,
    Html,
    /// Excel; written to stdout, never to a terminal.
    Xlsx,
    /// Word; written to stdout, never to a terminal.
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScheduleFormat {
    Table,
    Json,
    Ics,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableJson {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum From {
    Public,
    Organisation,
}

/// A failure: exit code and the lines for stderr.
struct Failure(u8, Vec<String>);

fn misuse(msg: String) -> Failure {
    Failure(2, vec![msg])
}

fn invalid(msg: String) -> Failure {
    Failure(1, vec![msg])
}

fn load(file: &str) -> Result<Scenario, Failure> {
    let bytes = read_file(file)?;
    let report = scenario::read(&bytes);
    match report.scenario {
        Some(s) => Ok(s),
        None => Err(Failure(
            1,
            report
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| format!("{file}: {}: {}", p.path, lang().problem(p)))
                .collect(),
        )),
    }
}

/// The bytes of `file` (`-` is standard input), never more than the reader's limit plus one byte
/// from any source: a file, a pipe, a FIFO or a device such as `/dev/zero` stops there.
fn read_file(file: &str) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        invalid(lang().pick(
            format!("{file}: kan inte läsas: {}", io_sv(&e)),
            format!("{file}: cannot read: {e}"),
        ))
    };
    let limit = scenario::MAX_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    } else {
        let f = std::fs::File::open(file).map_err(cannot)?;
        // A regular file says its size: refuse before reading a byte.
        if let Some(p) = f.metadata().ok().and_then(|m| scenario::too_large(m.len())) {
            return Err(invalid(format!(
                "{file}: {}: {}",
                p.path,
                lang().problem(&p)
            )));
        }
        f.take(limit).read_to_end(&mut bytes).map_err(cannot)?;
    }
    if bytes.len() as u64 >= limit {
        let p = scenario::too_large_stream();
        return Err(invalid(format!(
            "{file}: {}: {}",
            p.path,
            lang().problem(&p)
        )));
    }
    Ok(bytes)
}

/// An I/O error in Swedish words (the standard library's are English).
fn io_sv(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "filen finns inte".into(),
        K::PermissionDenied => "behörighet saknas".into(),
        K::IsADirectory => "det är en mapp, inte en fil".into(),
        K::InvalidData => "ogiltiga data".into(),
        K::UnexpectedEof => "filen tog slut för tidigt".into(),
        K::Interrupted => "läsningen avbröts".into(),
        _ => format!("läsfel (kod {})", e.raw_os_error().unwrap_or(0)),
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn run(cli: Cli) -> Result<String, Failure> {
    match cli.command {
        Command::Presets => Ok(Scenario::new(
            "Inbyggda avtal / Built-in agreements",
            Utc::now().naive_utc(),
            iop_core::presets::all(),
        )
        .to_json()
            + "\n"),
        // The file as it is kept (format 1.3, only what the sources state): the same bytes the
        // page fetches.
        Command::Catalogue => Ok(iop_core::catalogue::BUILT_IN.to_string()),
        Command::Schema => Ok(iop_core::schema::scenario_schema_json() + "\n"),
        Command::Validate { files } => {
            let mut lines = Vec::new();
            let mut errors = false;
            for file in &files {
                let bytes = match read_file(file) {
                    Ok(b) => b,
                    Err(Failure(_, l)) => {
                        errors = true;
                        lines.extend(l);
                        continue;
                    }
                };
                let report = scenario::read(&bytes);
                errors |= report.has_errors();
                for p in &report.problems {
                    let sev = match p.severity {
                        Severity::Error => lang().pick("fel", "error"),
                        Severity::Warning => lang().pick("varning", "warning"),
                    };
                    lines.push(format!("{file}: {}: {sev}: {}", p.path, lang().problem(p)));
                }
            }
            if errors {
                Err(Failure(1, lines))
            } else {
                for l in &lines {
                    eprintln!("{}", one_line(l));
                }
                Ok(files
                    .iter()
                    .map(|f| format!("{}: ok\n", one_line(f)))
                    .collect())
            }
        }
        Command::Compare {
            files,
            at,
            format,
            ledtid,
            mot,
        } => {
            if mot.is_some() && !matches!(format, CompareFormat::Table) {
                return Err(misuse(match lang() {
                    Lang::Sv => "--mot gäller bara --format table".into(),
                    Lang::En => "--mot applies to --format table only".into(),
                }));
            }
            let mut s = Scenario::new("", Utc::now().naive_utc(), Vec::new());
            for file in &files {
                let more = load(file)?;
                scenario::absorb(&mut s, &[], more.agreements);
            }
            let at = at.unwrap_or_else(today);
            let lead = iop_core::term::Duration::Months(ledtid);
            let rows = iop_core::compare::compare_with(&s.agreements, at, lead);
            if let Some(id) = mot {
                let reference = rows.iter().position(|r| r.id == id).ok_or_else(|| {
                    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
                    misuse(match lang() {
                        Lang::Sv => {
                            format!("--mot: inget avtal har id {id:?} (id: {})", ids.join(", "))
                        }
                        Lang::En => format!(
                            "--mot: no agreement with id {id:?} (ids: {})",
                            ids.join(", ")
                        ),
                    })
                })?;
                return Ok(tables::comparison_against_table(
                    &rows,
                    at,
                    reference,
                    lang(),
                ));
            }
            Ok(match format {
                CompareFormat::Table => tables::comparison_table(&rows, at, lang()),
                CompareFormat::Json => pretty(&export::comparison_json(&rows, at)),
                CompareFormat::Csv => export::comparison_csv(&rows, at),
                CompareFormat::Html => export::comparison_html(&s.agreements, at, lead),
                CompareFormat::Xlsx => office(
                    iop_office::comparison_xlsx(&s.agreements, &rows, at),
                    "jamforelse.xlsx",
                )?,
                CompareFormat::Docx => office(
                    iop_office::comparison_docx(&s.agreements, &rows, at),
                    "jamforelse.docx",
                )?,
            })
        }
        Command::Schedule {
            file,
            agreement,
            at,
            window,
            format,
        } => {
            let span = window.span(at)?;
            let s = load(&file)?;
            let a = find(&s, &agreement, &file)?;
            let Some(window) = span.window_for(a) else {
                return Ok(String::new());
            };
            let events = obligations_calendar(a, window);
            let note = Outside::of(a, window).note(window);
            Ok(match format {
                ScheduleFormat::Table => {
                    let mut out =
                        note.map_or(String::new(), |n| format!("{}\n\n", lang().text(&n)));
                    out.push_str(&tables::calendar_table(a, &events, lang()));
                    out
                }
                other => {
                    if let Some(n) = note {
                        eprintln!("{}", one_line(lang().text(&n)));
                    }
                    match other {
                        ScheduleFormat::Json => pretty(&export::calendar_json(a, &events)),
                        _ => export::calendar_ics(a, &events, Utc::now().naive_utc()),
                    }
                }
            })
        }
        other @ (Command::Payments { .. }
        | Command::Draft { .. }
        | Command::StateAid { .. }
        | Command::ShareLink { .. }
        | Command::Extract { .. }
        | Command::Text { .. }
        | Command::Generate { .. }) => run_more(other),
        Command::Terminate {
            file,
            agreement,
            notice,
            from,
            format,
        } => {
            let s = load(&file)?;
            let a = find(&s, &agreement, &file)?;
            let side = match from {
                From::Public => Side::Public,
                From::Organisation => Side::Organisation,
            };
            let outcome = terminate(a, notice, side)
                .map_err(|e| invalid(format!("{file}: {agreement}: {}", lang().of(&e))))?;
            Ok(match format {
                TableJson::Table => tables::termination_table(&outcome, lang()),
                TableJson::Json => pretty(&export::termination_json(&outcome)),
            })
        }
    }
}

fn run_more(command: Command) -> Result<String, Failure> {
    match command {
        Command::Payments {
            file,
            at,
            window,
            format,
        } => {
            let span = window.span(at)?;
            let s = load(&file)?;
            let outside = s
                .agreements
                .iter()
                .filter(|a| {
                    span.window_for(a)
                        .is_some_and(|w| Outside::of(a, w).note(w).is_some())
                })
                .count();
            if let Some(n) = span.note(outside) {
                eprintln!("{}", lang().text(&n));
            }
            Ok(match format {
                TableCsv::Csv => export::payments_csv(&s.agreements, span),
                TableCsv::Table => tables::payments_table(&s.agreements, span, lang()),
            })
        }
        Command::Draft {
            file,
            agreement,
            at,
            format,
        } => {
            let s = load(&file)?;
            let a = find(&s, &agreement, &file)?;
            let at = at.unwrap_or_else(today);
            Ok(match format {
                DraftFormat::Md => iop_core::draft::draft_markdown(a, at),
                DraftFormat::Html => iop_core::draft::draft_html(a, at),
                DraftFormat::Docx => office(
                    iop_office::draft_docx(a, at),
                    &format!("utkast-{}.docx", a.id),
                )?,
            })
        }
        Command::StateAid {
            file,
            sek_per_eur,
            at,
            format,
        } => {
            let rate = iop_core::state_aid::ExchangeRate::parse_user(&sek_per_eur)
                .map_err(|e| misuse(format!("--sek-per-eur: {}", lang().of(&e))))?;
            let s = load(&file)?;
            let rows = iop_core::state_aid::check(&s.agreements, rate, at.unwrap_or_else(today));
            Ok(match format {
                TableJson::Json => pretty(&serde_json::to_value(&rows).unwrap_or_default()),
                TableJson::Table => rows
                    .iter()
                    .map(|r| format!("{}\n", lang().pick(&r.statement_sv, &r.statement_en)))
                    .collect(),
            })
        }
        Command::Generate { count, seed, bytes } => {
            if count > 1_000_000 || bytes.is_some_and(|b| b > iop_core::scenario::MAX_BYTES) {
                return Err(misuse(
                    lang()
                        .pick(
                            "högst 1 000 000 avtal eller 20 MB",
                            "at most 1 000 000 agreements or 20 MB",
                        )
                        .into(),
                ));
            }
            match bytes {
                Some(b) => Ok(iop_core::generate::scenario_of_size(b, seed).to_json() + "\n"),
                None => generate_streamed(count, seed),
            }
        }
        Command::ShareLink { file, base } => {
            let s = load(&file)?;
            let fragment = iop_core::share::encode(&s)
                .map_err(|e| invalid(format!("{file}: {}", lang().of(&e))))?;
            Ok(format!(
                "{}#{fragment}\n",
                base.split('#').next().unwrap_or_default()
            ))
        }
        Command::Text { file } => {
            let t = read_agreement(&file)?;
            // Written here, not returned: `main` escapes every control character, and the form
            // feed between pages is meant. Each page's own text is made terminal-safe.
            let out: Vec<String> = with_page_breaks(&t)
                .split('\u{c}')
                .map(|page| iop_core::printable::terminal_safe(page).into_owned())
                .collect();
            // A closed pipe (`iop text … | head`) ends the output, as for every command.
            let _ = std::io::stdout()
                .lock()
                .write_all(out.join("\u{c}").as_bytes());
            Ok(String::new())
        }
        Command::Extract { file, format } => {
            let read = read_agreement(&file)?;
            let text = &read.text;
            // The sources name the document as the user knows it: its file name.
            let name = std::path::Path::new(&file).file_name().map_or_else(
                || "Inläst text".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let name = if file == "-" {
                "Inläst text".to_string()
            } else {
                name
            };
            let x = iop_core::extract::read(text, &iop_core::extract::Document::named(name));
            let out = match format {
                ExtractFormat::Json => {
                    let mut v = serde_json::to_value(&x).unwrap_or_default();
                    add_pages(&mut v, &read);
                    pretty(&v)
                }
                ExtractFormat::Scenario => {
                    Scenario::new(
                        &format!("Inläst: {file}"),
                        Utc::now().naive_utc(),
                        vec![x.agreement.clone()],
                    )
                    .to_json()
                        + "\n"
                }
            };
            if x.is_empty() {
                let (sv, en) = (
                    "Ingenting i texten kunde läsas som villkor i ett avtal.",
                    "Nothing in the text could be read as a term of an agreement.",
                );
                return Err(Failure(
                    1,
                    vec![format!(
                        "{file}: {}",
                        lang().text(&iop_core::Explanation::new(sv, en))
                    )],
                ));
            }
            Ok(out)
        }
        _ => Err(misuse(
            lang().pick("okänt kommando", "unknown command").into(),
        )),
    }
}

/// Writes an office file's bytes to stdout as they are (`main` prints only text), refusing a
/// terminal, where they would be noise: the message suggests `> name` instead.
fn office(made: Result<Vec<u8>, iop_office::Error>, name: &str) -> Result<String, Failure> {
    use iop_core::explain::Bilingual;
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        let (sv, en) = (
            format!("Filen skrivs inte till terminalen: lägg till `> {name}` för att spara den."),
            format!("Not writing the file to a terminal: add `> {name}` to save it."),
        );
        return Err(misuse(
            lang().text(&iop_core::Explanation::new(sv, en)).to_string(),
        ));
    }
    let bytes = made.map_err(|e| invalid(lang().text(&e.text()).to_string()))?;
    // A closed pipe ends the output, as for every command.
    let _ = std::io::stdout().lock().write_all(&bytes);
    Ok(String::new())
}

/// The text of an agreement's file, whatever its format; a file that gives none is a failure
/// with its message in the locale's language.
fn read_agreement(file: &str) -> Result<iop_files::Text, Failure> {
    let bytes = read_file(file)?;
    iop_files::read(&bytes, &iop_files::Limits::default()).map_err(|e| {
        invalid(format!(
            "{file}: {}",
            lang().text(&iop_core::Explanation::new(e.sv(), e.en()))
        ))
    })
}

/// The text with a form feed where each PDF page after the first begins: the page break that
/// `pdftotext`, `less` and `pr` know, and no words that a reader downstream could take for the
/// agreement's (a line "— sida 2 —" would be). A page that begins mid-sentence gets it there,
/// after the space.
fn with_page_breaks(t: &iop_files::Text) -> String {
    let mut out = String::with_capacity(t.text.len() + t.pages.len() + 1);
    let mut at = 0;
    for p in t.pages.iter().skip(1) {
        out.push_str(t.text.get(at..p.start).unwrap_or_default());
        out.push('\u{c}');
        at = p.start;
    }
    out.push_str(t.text.get(at..).unwrap_or_default());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Adds to each finding of an extraction's JSON the page its quote starts on, when the file
/// has pages (a PDF).
fn add_pages(v: &mut serde_json::Value, t: &iop_files::Text) {
    if t.pages.is_empty() {
        return;
    }
    let mut mark = |f: &mut serde_json::Value| {
        let page = f
            .get("start")
            .and_then(serde_json::Value::as_u64)
            .and_then(|s| t.page_at(usize::try_from(s).ok()?));
        if let (Some(page), Some(o)) = (page, f.as_object_mut()) {
            o.insert("page".into(), page.into());
        }
    };
    if let Some(fs) = v.get_mut("findings").and_then(|f| f.as_array_mut()) {
        fs.iter_mut().for_each(&mut mark);
    }
    if let Some(cs) = v.get_mut("conflicts").and_then(|c| c.as_array_mut()) {
        for c in cs {
            if let Some(fs) = c.get_mut("findings").and_then(|f| f.as_array_mut()) {
                fs.iter_mut().for_each(&mut mark);
            }
        }
    }
}

/// Writes a generated scenario agreement by agreement, so memory stays flat whatever the
/// count; says so on stderr when the file outgrows what `iop` reads.
fn generate_streamed(count: usize, seed: u64) -> Result<String, Failure> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match write_generated(&mut out, count, seed).and_then(|n| {
        out.flush()?;
        Ok(n)
    }) {
        Ok(n) => n,
        // A closed pipe (`iop generate | head`) ends the output, as for every command.
        Err(_) => return Ok(String::new()),
    };
    if written > scenario::MAX_BYTES {
        let mb = written / (1024 * 1024);
        let (sv, en) = (
            format!("Skrev {mb} MB; iop läser högst 20 MB. Välj färre avtal, eller --bytes för en fil som går att läsa."),
            format!("Wrote {mb} MB; iop reads at most 20 MB. Choose fewer agreements, or --bytes for a file it can read."),
        );
        eprintln!("{}", lang().text(&iop_core::Explanation::new(sv, en)));
    }
    Ok(String::new())
}

/// The generated scenario's bytes to `out`, one agreement at a time; how many were written.
fn write_generated(out: &mut impl Write, count: usize, seed: u64) -> std::io::Result<usize> {
    let head = Scenario::new(
        &iop_core::generate::name(count, seed),
        chrono::NaiveDateTime::default(),
        vec![],
    )
    .to_json();
    let (before, after) = head
        .split_once("\"agreements\": []")
        .ok_or_else(|| std::io::Error::other("unexpected scenario layout"))?;
    let mut written = 0;
    let mut put = |out: &mut dyn Write, bytes: &[u8]| {
        written += bytes.len();
        out.write_all(bytes)
    };
    put(out, before.as_bytes())?;
    put(out, b"\"agreements\": [")?;
    for (i, a) in iop_core::generate::stream(count, seed).enumerate() {
        put(out, if i == 0 { b"\n" } else { b",\n" })?;
        put(
            out,
            serde_json::to_string(&a).unwrap_or_default().as_bytes(),
        )?;
    }
    put(out, b"\n]")?;
    put(out, after.as_bytes())?;
    put(out, b"\n")?;
    Ok(written)
}

fn find<'a>(s: &'a Scenario, id: &str, file: &str) -> Result<&'a iop_core::Agreement, Failure> {
    s.agreements.iter().find(|a| a.id == id).ok_or_else(|| {
        let ids: Vec<&str> = s.agreements.iter().map(|a| a.id.as_str()).collect();
        misuse(match lang() {
            Lang::Sv => format!("{file}: inget avtal har id {id:?} (id: {})", ids.join(", ")),
            Lang::En => format!(
                "{file}: no agreement with id {id:?} (ids: {})",
                ids.join(", ")
            ),
        })
    })
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// `iop --version`: the version and the day it was built (`build.rs`), in the locale's language.
fn version_line(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => concat!(
            env!("CARGO_PKG_VERSION"),
            " (byggd ",
            env!("IOP_BUILD_DATE"),
            ")"
        ),
        Lang::En => concat!(
            env!("CARGO_PKG_VERSION"),
            " (built ",
            env!("IOP_BUILD_DATE"),
            ")"
        ),
    }
}

fn main() -> ExitCode {
    use clap::error::ErrorKind;
    use clap::{CommandFactory, FromArgMatches};
    let l = lang();
    let parsed = lang::localise(Cli::command().version(version_line(l)), l)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // Help and version are already in the locale's language; an error is told anew.
            let shown = matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if !shown {
                eprint!("{}", lang::command_line_error(&e, l));
            } else if l == Lang::Sv {
                let text = lang::swedish_usage(&e.render().to_string());
                let text = format!("{}\n", text.trim_end());
                if e.use_stderr() {
                    eprint!("{text}");
                } else {
                    print!("{text}");
                }
            } else {
                let _ = e.print();
            }
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`iop compare … | head`) is not an error worth a panic.
            let _ = stdout.write_all(terminal_safe(&out).as_bytes());
            ExitCode::SUCCESS
        }
        Err(Failure(code, lines)) => {
            for l in lines {
                eprintln!("{}", one_line(&l));
            }
            ExitCode::from(code)
        }
    }
}
