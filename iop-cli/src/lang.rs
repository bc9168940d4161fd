//! The language every word of `iop` follows: Swedish when the locale says so, English
//! otherwise. Help and clap's own messages are English as written in `main.rs`; in Swedish
//! they are replaced from the table here (a test keeps every argument in it).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The language of what `iop` prints: Swedish when the locale says so (`LANG=sv_SE.UTF-8`, or
/// `LC_ALL`/`LC_MESSAGES`, which take precedence), English otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

/// The locale's language.
pub fn lang() -> Lang {
    let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    match var {
        Some(v) if v.starts_with("sv") => Lang::Sv,
        _ => Lang::En,
    }
}

impl Lang {
    /// The Swedish or the English text.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// A message that comes in both languages.
    pub fn of(self, b: &impl iop_core::explain::Bilingual) -> String {
        self.pick(b.sv(), b.en())
    }

    /// An explanation in this language.
    pub fn text(self, e: &iop_core::Explanation) -> &str {
        self.pick(&e.sv, &e.en)
    }

    /// A scenario problem's message in this language.
    pub fn problem(self, p: &iop_core::scenario::Problem) -> &str {
        self.pick(&p.message_sv, &p.message_en)
    }
}

/// What `iop` is, in Swedish.
const ABOUT_SV: &str =
    "Modellera och jämför idéburna offentliga partnerskap (IOP) från scenariofiler.";

/// Each subcommand's description in Swedish.
const COMMANDS_SV: &[(&str, &str)] = &[
    ("presets", "Skriv de fem inbyggda avtalen som en scenariofil till standard ut."),
    ("catalogue", "Skriv katalogen över verkliga avtal ur offentliga källor (varje uppgift med adress, datum och citat) som en scenariofil till standard ut."),
    ("validate", "Granska scenariofiler; en rad `FIL: SÖKVÄG: meddelande` per problem. Varningar ändrar inte slutkoden."),
    ("compare", "Jämför avtalen i en eller flera scenariofiler."),
    ("schedule", "Varje daterad skyldighet i ett avtal under dess avtalstid."),
    ("terminate", "Följden av ett skriftligt påpekande om avtalsbrott som inte rättas: vem bröt avtalet, när hävningen gäller, vad som betalas och återbetalas."),
    ("schema", "Skriv JSON-schemat för scenarioformatet."),
    ("payments", "Varje utbetalning i varje avtal, en rad per betalare (csv öppnas i svenska Excel)."),
    ("draft", "Ett svenskt utkast till avtal ur ett avtal, med det okända markerat för författaren."),
    ("state-aid", "EU:s de minimis-kontroll: pengar per organisation under tre räkenskapsår i följd."),
    ("generate", "Skriv ett genererat scenario med realistiska avtal (för prestandamätning och belastningsprov)."),
    ("extract", "Läs ett avtal (PDF, Word .docx, OpenDocument .odt eller text; `-` läser standard in; formatet känns igen på innehållet): varje villkor med orden som anger det, och för en PDF sidan det står på. Slutkod 0 när något lästes, 1 när inget gjorde det."),
    ("text", "Texten i ett avtals fil (PDF, .docx, .odt eller text; `-` läser standard in) så som extract läser den; en PDF:s sidor skiljs åt med sidbrytningstecken."),
    ("share-link", "En länk som bär ett litet scenario i sitt fragment (skickas aldrig till en server)."),
];

/// Each argument's help and value name in Swedish, by subcommand and argument id.
const ARGS_SV: &[(&str, &str, &str, &str)] = &[
    ("validate", "files", "Scenariofiler (`-` läser standard in).", "FILER"),
    ("compare", "files", "Scenariofiler (`-` läser standard in). Avtalen i senare filer läggs till som en import i sidan lägger till dem: ett som redan finns (samma avtal) läggs inte till två gånger; ett annat med samma id får ett nytt id.", "FILER"),
    ("compare", "at", "Jämförelsens datum (ÅÅÅÅ-MM-DD); i dag om det utelämnas.", "DATUM"),
    ("compare", "format", "Utdataformat.", "FORMAT"),
    ("compare", "mot", "Jämför mot detta avtal (dess id): tabellen visar en rad per villkor, en kolumn per avtal, och ≠ där ett känt värde skiljer sig från detta avtals. Bara med --format table.", "ID"),
    ("compare", "ledtid", "Nämndens ledtid i månader: \"Beslut senast\" ligger så långt före periodens slut där avtalet inte anger någon uppsägningstid eller beslutstid.", "MÅNADER"),
    ("schedule", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("schedule", "agreement", "Avtalets id.", "ID"),
    ("schedule", "at", "Perioden som löper detta datum och nästa listas (ÅÅÅÅ-MM-DD); i dag om det utelämnas.", "DATUM"),
    ("schedule", "from", "Lista från detta datum (ÅÅÅÅ-MM-DD); kräver --to.", "DATUM"),
    ("schedule", "to", "Lista till och med detta datum (ÅÅÅÅ-MM-DD); kräver --from.", "DATUM"),
    ("schedule", "format", "Utdataformat.", "FORMAT"),
    ("terminate", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("terminate", "agreement", "Avtalets id.", "ID"),
    ("terminate", "notice", "Datum för det skriftliga påpekandet (ÅÅÅÅ-MM-DD).", "DATUM"),
    ("terminate", "from", "Vem som påpekar avtalsbrottet: public (kommunen, så organisationen bröt avtalet) eller organisation (organisationen, så kommunen bröt det).", "PART"),
    ("terminate", "format", "Utdataformat.", "FORMAT"),
    ("payments", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("payments", "at", "För varje avtal listas perioden som löper detta datum och nästa (ÅÅÅÅ-MM-DD); i dag om det utelämnas.", "DATUM"),
    ("payments", "from", "Lista från detta datum (ÅÅÅÅ-MM-DD); kräver --to.", "DATUM"),
    ("payments", "to", "Lista till och med detta datum (ÅÅÅÅ-MM-DD); kräver --from.", "DATUM"),
    ("payments", "format", "Utdataformat.", "FORMAT"),
    ("draft", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("draft", "agreement", "Avtalets id.", "ID"),
    ("draft", "at", "Beloppen som de är detta datum (ÅÅÅÅ-MM-DD); i dag om det utelämnas.", "DATUM"),
    ("draft", "format", "Utdataformat.", "FORMAT"),
    ("state-aid", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("state-aid", "sek_per_eur", "Kronor per euro (t.ex. 11,50).", "KURS"),
    ("state-aid", "at", "Till och med perioden som löper detta datum (ÅÅÅÅ-MM-DD); i dag om det utelämnas.", "DATUM"),
    ("state-aid", "format", "Utdataformat.", "FORMAT"),
    ("generate", "count", "Hur många avtal.", "ANTAL"),
    ("generate", "seed", "Frö: samma frö ger samma scenario.", "FRÖ"),
    ("generate", "bytes", "I stället för ett antal: minst så många byte fil.", "BYTE"),
    ("extract", "file", "Filen.", "FIL"),
    ("extract", "format", "Utdataformat: `json` (avtal, fynd, motsägelser) eller `scenario` (en scenariofil med det enda avtalet).", "FORMAT"),
    ("text", "file", "Filen.", "FIL"),
    ("share-link", "file", "Scenariofil (`-` läser standard in).", "FIL"),
    ("share-link", "base", "Appens adress.", "ADRESS"),
];

/// The help's layout in Swedish: clap's headings are English words.
const TEMPLATE_SV: &str =
    "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// The command line in `lang`: in Swedish, every description, value name, heading, list of
/// values and default from the tables above, and `--help`/`--version` described in Swedish.
pub fn localise(cmd: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return cmd;
    }
    let cmd = swedish_flags(cmd)
        .about(ABOUT_SV)
        .help_template(TEMPLATE_SV)
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO")
        .disable_help_subcommand(true);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            let about = COMMANDS_SV.iter().find(|(n, _)| n == name).map(|(_, a)| *a);
            let ids: Vec<String> = sub
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .collect();
            let sub = swedish_flags(sub).help_template(TEMPLATE_SV);
            let sub = match about {
                Some(a) => sub.about(a),
                None => sub,
            };
            ids.iter().fold(sub, |sub, id| {
                let Some(&(_, _, help, value)) =
                    ARGS_SV.iter().find(|(c, a, _, _)| c == name && a == id)
                else {
                    return sub;
                };
                sub.mut_arg(id, |arg| swedish_arg(arg, help, value))
            })
        })
    })
}

/// `-h/--help` and `-V/--version` described in Swedish, headings in Swedish.
fn swedish_flags(cmd: clap::Command) -> clap::Command {
    let has_version = cmd.get_version().is_some();
    let cmd = cmd
        .disable_help_flag(true)
        .next_help_heading("Flaggor")
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .help("Visa hjälpen")
                .action(clap::ArgAction::Help),
        );
    if has_version {
        cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .help("Visa versionen")
                .action(clap::ArgAction::Version),
        )
    } else {
        cmd
    }
}

/// One argument in Swedish: its help, value name and heading, with its values and default
/// written in Swedish words instead of clap's English brackets.
fn swedish_arg(arg: clap::Arg, help: &str, value: &'static str) -> clap::Arg {
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut text = help.to_string();
    if !values.is_empty() {
        text.push_str(&format!(" Värden: {}.", values.join(", ")));
    }
    if !defaults.is_empty() {
        text.push_str(&format!(" Förval: {}.", defaults.join(", ")));
    }
    let heading = if arg.is_positional() {
        "Argument"
    } else {
        "Flaggor"
    };
    arg.help(text)
        .value_name(value)
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// A command-line error in `lang`: clap's own text in English; in Swedish, the same message
/// from its kind and context, with the usage and where to read more.
pub fn command_line_error(e: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.render().to_string();
    }
    let ctx = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let valid = ctx(ContextKind::ValidValue);
    let suggested = ctx(ContextKind::SuggestedArg) + &ctx(ContextKind::SuggestedSubcommand);
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} behöver ett värde"),
        ErrorKind::InvalidValue => format!("ogiltigt värde '{value}' för '{arg}'"),
        ErrorKind::UnknownArgument => format!("okänt argument '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!("okänt kommando '{}'", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            format!("dessa argument krävs men saknas: {arg}")
        }
        ErrorKind::MissingSubcommand => "ett kommando krävs".to_string(),
        ErrorKind::ArgumentConflict => {
            format!(
                "'{arg}' kan inte användas tillsammans med '{}'",
                ctx(ContextKind::PriorArg)
            )
        }
        ErrorKind::ValueValidation => {
            format!("ogiltigt värde '{value}' för '{arg}'{}", date_hint(&arg))
        }
        ErrorKind::TooManyValues => format!("för många värden för '{arg}': '{value}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för '{arg}'")
        }
        ErrorKind::NoEquals => format!("'{arg}' behöver ett likhetstecken och ett värde"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8".to_string(),
        _ => "argumenten kunde inte läsas".to_string(),
    };
    if !valid.is_empty() {
        msg.push_str(&format!(" (möjliga värden: {valid})"));
    }
    if !suggested.is_empty() {
        msg.push_str(&format!("; menade du '{suggested}'?"));
    }
    let usage = swedish_usage(&ctx(ContextKind::Usage));
    let usage = usage.trim_start_matches("Usage:").trim();
    let mut out = format!("fel: {msg}\n");
    if !usage.is_empty() {
        out.push_str(&format!("\nAnvändning: {usage}\n"));
    }
    out.push_str("\nMer hjälp: '--help'.\n");
    out
}

/// clap's usage line with its one English word in Swedish.
pub fn swedish_usage(text: &str) -> String {
    text.replace("[OPTIONS]", "[FLAGGOR]")
}

/// For a date argument, what a date looks like.
fn date_hint(arg: &str) -> &'static str {
    let dated = ["--at", "--notice", "--from", "--to"];
    if dated.iter().any(|d| arg.starts_with(d)) {
        ": skriv ett datum ÅÅÅÅ-MM-DD"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every subcommand and every argument has its Swedish text: a new one without it fails
    /// here, not in front of a Swedish user.
    #[test]
    fn every_command_and_argument_has_swedish_help() {
        let cmd = crate::Cli::command();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            assert!(
                COMMANDS_SV.iter().any(|(n, _)| *n == name),
                "no Swedish description of `{name}`"
            );
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    ARGS_SV.iter().any(|(c, a, _, _)| *c == name && *a == id),
                    "no Swedish help for `{name} {id}`"
                );
            }
        }
    }

    #[test]
    fn swedish_help_has_no_english_headings() {
        let mut cmd = localise(crate::Cli::command(), Lang::Sv);
        let top = cmd.render_help().to_string();
        assert!(top.contains("Användning:"), "{top}");
        assert!(top.contains("Kommandon:"), "{top}");
        assert!(top.contains("Visa hjälpen"), "{top}");
        for english in [
            "Usage:",
            "Commands:",
            "Options:",
            "Print help",
            "Print version",
        ] {
            assert!(!top.contains(english), "{english} in {top}");
        }
        let mut cmd = localise(crate::Cli::command(), Lang::Sv);
        cmd.build();
        let compare = cmd
            .find_subcommand_mut("compare")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(compare.contains("Jämför avtalen"), "{compare}");
        assert!(compare.contains("Värden: table"), "{compare}");
        assert!(compare.contains("Förval: 6"), "{compare}");
        assert!(compare.contains("<FILER>"), "{compare}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "possible values",
            "default:",
            "Print help",
        ] {
            assert!(!compare.contains(english), "{english} in {compare}");
        }
    }
}
