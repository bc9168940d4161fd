//! `iop`: the IOP model on the command line, for scripts and other tools.
//!
//! A thin shell over `iop-core`: it reads files, calls the core, and prints. Exit codes: 0 on
//! success, 1 when the input is invalid, 2 on misuse. Errors are one line per problem on stderr.

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use iop_core::breach::terminate;
use iop_core::calendar::obligations_calendar;
use iop_core::compare::compare;
use iop_core::export;
use iop_core::parties::Side;
use iop_core::scenario::{self, Scenario, Severity};
use std::io::Write;

mod tables;
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
    /// Check scenario files; one line `FILE: PATH: message` per problem. Warnings do not change
    /// the exit code.
    Validate {
        /// Scenario files.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Compare the agreements of a scenario file.
    Compare {
        /// Scenario file.
        file: String,
        /// The date of the comparison (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
    },
    /// Every dated obligation of one agreement over its term.
    Schedule {
        /// Scenario file.
        file: String,
        /// The agreement's id.
        #[arg(long)]
        agreement: String,
        /// Through the period running on this date (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
        format: ScheduleFormat,
    },
    /// The outcome of a written breach notice that is not remedied.
    Terminate {
        /// Scenario file.
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
        /// Scenario file.
        file: String,
        /// Through the period running on this date (YYYY-MM-DD); today when left out.
        #[arg(long)]
        at: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableCsv::Csv)]
        format: TableCsv,
    },
    /// A Swedish draft agreement from one agreement, unknowns marked for the author.
    Draft {
        /// Scenario file.
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
        /// Scenario file.
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
    /// A link that carries a small scenario in its fragment (never sent to a server).
    ShareLink {
        /// Scenario file.
        file: String,
        /// The app's address.
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        base: String,
    },
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
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Table,
    Json,
    Csv,
    Html,
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
                .map(|p| format!("{file}: {}: {}", p.path, p.message_en))
                .collect(),
        )),
    }
}

fn read_file(file: &str) -> Result<Vec<u8>, Failure> {
    let meta = std::fs::metadata(file).map_err(|e| invalid(format!("{file}: cannot read: {e}")))?;
    if let Some(p) = scenario::too_large(meta.len()) {
        return Err(invalid(format!("{file}: {}: {}", p.path, p.message_en)));
    }
    std::fs::read(file).map_err(|e| invalid(format!("{file}: cannot read: {e}")))
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
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    };
                    lines.push(format!("{file}: {}: {sev}: {}", p.path, p.message_en));
                }
            }
            if errors {
                Err(Failure(1, lines))
            } else {
                for l in &lines {
                    eprintln!("{l}");
                }
                Ok(files.iter().map(|f| format!("{f}: ok\n")).collect())
            }
        }
        Command::Compare { file, at, format } => {
            let s = load(&file)?;
            let at = at.unwrap_or_else(today);
            let rows = compare(&s.agreements, at);
            Ok(match format {
                CompareFormat::Table => tables::comparison_table(&rows, at),
                CompareFormat::Json => pretty(&export::comparison_json(&rows, at)),
                CompareFormat::Csv => export::comparison_csv(&rows, at),
                CompareFormat::Html => export::comparison_html(&s.agreements, at),
            })
        }
        Command::Schedule {
            file,
            agreement,
            at,
            format,
        } => {
            let s = load(&file)?;
            let a = find(&s, &agreement, &file)?;
            let events = obligations_calendar(a, at.unwrap_or_else(today));
            Ok(match format {
                ScheduleFormat::Table => tables::calendar_table(&events),
                ScheduleFormat::Json => pretty(&export::calendar_json(&events)),
                ScheduleFormat::Ics => {
                    export::calendar_ics(&a.id, &a.name, &events, Utc::now().naive_utc())
                }
            })
        }
        other @ (Command::Payments { .. }
        | Command::Draft { .. }
        | Command::StateAid { .. }
        | Command::ShareLink { .. }
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
                .map_err(|e| invalid(format!("{file}: {agreement}: {e}")))?;
            Ok(match format {
                TableJson::Table => tables::termination_table(&outcome),
                TableJson::Json => pretty(&export::termination_json(&outcome)),
            })
        }
    }
}

fn run_more(command: Command) -> Result<String, Failure> {
    match command {
        Command::Payments { file, at, format } => {
            let s = load(&file)?;
            let at = at.unwrap_or_else(today);
            Ok(match format {
                TableCsv::Csv => export::payments_csv(&s.agreements, at),
                TableCsv::Table => tables::payments_table(&s.agreements, at),
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
            })
        }
        Command::StateAid {
            file,
            sek_per_eur,
            at,
            format,
        } => {
            let rate = iop_core::state_aid::ExchangeRate::parse_user(&sek_per_eur)
                .map_err(|e| misuse(format!("--sek-per-eur: {e}")))?;
            let s = load(&file)?;
            let rows = iop_core::state_aid::check(&s.agreements, rate, at.unwrap_or_else(today));
            Ok(match format {
                TableJson::Json => pretty(&serde_json::to_value(&rows).unwrap_or_default()),
                TableJson::Table => rows
                    .iter()
                    .map(|r| format!("{}\n", r.statement_sv))
                    .collect(),
            })
        }
        Command::Generate { count, seed, bytes } => {
            if count > 1_000_000 || bytes.is_some_and(|b| b > iop_core::scenario::MAX_BYTES) {
                return Err(misuse("at most 1 000 000 agreements or 20 MB".into()));
            }
            let s = match bytes {
                Some(b) => iop_core::generate::scenario_of_size(b, seed),
                None => iop_core::generate::scenario(count, seed),
            };
            Ok(s.to_json() + "\n")
        }
        Command::ShareLink { file, base } => {
            let s = load(&file)?;
            let fragment =
                iop_core::share::encode(&s).map_err(|e| invalid(format!("{file}: {e}")))?;
            Ok(format!(
                "{}#{fragment}\n",
                base.split('#').next().unwrap_or_default()
            ))
        }
        _ => Err(misuse("unknown command".into())),
    }
}

fn find<'a>(s: &'a Scenario, id: &str, file: &str) -> Result<&'a iop_core::Agreement, Failure> {
    s.agreements.iter().find(|a| a.id == id).ok_or_else(|| {
        let ids: Vec<&str> = s.agreements.iter().map(|a| a.id.as_str()).collect();
        misuse(format!(
            "{file}: no agreement with id {id:?} (ids: {})",
            ids.join(", ")
        ))
    })
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`iop compare … | head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(Failure(code, lines)) => {
            for l in lines {
                eprintln!("{l}");
            }
            ExitCode::from(code)
        }
    }
}
