//! The five built-in agreements, every figure as the seed documents give it.
//!
//! Each figure carries a [`SourceRef`] to the seed file (as shipped in `../shared/seeds/`) and the
//! section or paragraph that states it. What a seed does not state is [`Known::Unknown`]. Kalmar
//! 2025–2027 (seed 001) is the full agreement text and is modelled section by section.

use crate::agreement::{Agreement, AgreementKind};
use crate::funding::{
    Component, ComponentKind, Funding, PaymentSchedule, PaymentTiming, SharePayer, Split,
};
use crate::known::Known;
use crate::money::Sek;
use crate::municipality::Kommunkod;
use crate::obligations::{DocumentDuty, DocumentKind, Due, Meetings, Obligations};
use crate::orgnr::OrgNumber;
use crate::parties::{Body, Contact, Organisation, PublicParty, Side, Signatory};
use crate::scope::{Scope, ServiceArea};
use crate::source::{SourceDocument, SourceKind, SourceRef};
use crate::split::Share;
use crate::term::{Renewal, Term, TermEnd};
use crate::termination::{Repayment, Termination, TerminationForBreach};
use chrono::NaiveDate;

/// Seed 000: Kalmar kommun's news item on the 2022–2024 IOP.
pub const SEED_KALMAR_2022: &str = "000_a4cc1a49793153c5.txt";
/// Seed 001: the Kalmar 2025–2027 agreement text.
pub const SEED_KALMAR_2025: &str = "001_2a6dc1f590a5bec8.txt";
/// Seed 002: Vallentuna kommun's news item.
pub const SEED_VALLENTUNA: &str = "002_05385ec8efe0a1d4.txt";
/// Seed 003: Värmdö kommun's news item.
pub const SEED_VARMDO: &str = "003_ef0f935de87048e7.txt";
/// Seed 004: Linköping's omsorgsnämnd proposal.
pub const SEED_LINKOPING: &str = "004_fe7df6ac4cf39b0c.txt";

/// A date from constant parts; the presets and doc examples use it with valid dates only.
///
/// Returns 1970-01-01 for an impossible date rather than panicking.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn src(doc: &str, section: &str) -> Option<SourceRef> {
    Some(SourceRef::new(doc, section))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn kod(code: &str) -> Option<Kommunkod> {
    Kommunkod::parse(code).ok()
}

fn orgnr(text: &str) -> Known<OrgNumber> {
    OrgNumber::parse(text).ok().into()
}

fn component(
    label: &str,
    kind: ComponentKind,
    amount: Known<Sek>,
    source: Option<SourceRef>,
) -> Component {
    Component {
        label: label.to_string(),
        kind,
        amount,
        from: None,
        until: None,
        source,
    }
}

fn unknown_payments(doc: &str) -> PaymentSchedule {
    PaymentSchedule {
        timing: PaymentTiming::Unknown,
        on_invoice: false,
        documents: vec![],
        source: src(doc, "anger inte när pengarna betalas ut"),
    }
}

fn unknown_termination(doc: &str) -> Termination {
    Termination {
        ordinary_notice: Known::Unknown,
        for_breach: Known::Unknown,
        changes_need_written_approval: false,
        source: src(doc, "anger inga villkor för uppsägning"),
    }
}

fn organisation(name: &str, legal_name: Option<&str>, source: Option<SourceRef>) -> Organisation {
    Organisation {
        name: name.to_string(),
        legal_name: legal_name.map(str::to_string),
        org_number: Known::Unknown,
        contact: None,
        signatories: vec![],
        source,
    }
}

/// Kalmar 2022–2024 (seed 000): 650 000 kr a year for the services plus 350 000 kr replacing the
/// former föreningsbidrag.
pub fn kalmar_2022_2024() -> Agreement {
    let s = SEED_KALMAR_2022;
    Agreement {
        id: "kalmar-2022-2024".into(),
        name: "Kalmar 2022–2024".into(),
        public_parties: vec![PublicParty {
            name: "Kalmar kommun".into(),
            kommunkod: kod("0880"),
            org_number: orgnr("212000-0746"),
            bodies: vec![Body { id: "sn".into(), name: "Socialnämnden".into() }],
            contact: None,
            signatories: vec![],
            source: src(SEED_KALMAR_2025, "§5 Parter (organisationsnummer); seed 000 nämner socialnämnden"),
        }],
        organisations: vec![organisation("Kvinnojouren Kalmar", None, src(s, "rubrik"))],
        term: Term {
            start: Known::Known(date(2022, 1, 1)),
            end: TermEnd::On(date(2024, 12, 31)),
            renewal: Renewal::None,
            stated_decision_due: None,
            source: src(s, "\"Överenskommelsen gäller för perioden 1 januari 2022 till 31 december 2024\"; följs av ett nytt avtal enligt seed 001 §1"),
        },
        funding: Funding {
            components: vec![
                component(
                    "Ersättning för insatserna",
                    ComponentKind::Base,
                    Known::Known(Sek::kronor(650_000)),
                    src(s, "\"ersätter Kvinnojouren 650 000 kr per år för insatserna\""),
                ),
                component(
                    "Ersätter tidigare föreningsbidrag",
                    ComponentKind::ReplacesForeningsbidrag,
                    Known::Known(Sek::kronor(350_000)),
                    src(s, "\"350 000 kr per år som ersätter det tidigare föreningsbidraget\""),
                ),
            ],
            indexation: None,
            split: Split::single("Kalmar kommun (socialnämnden)"),
            payments: unknown_payments(s),
        },
        obligations: Obligations {
            meetings: None,
            documents: vec![],
            other: vec![],
            source: src(s, "anger ingen uppföljning"),
        },
        termination: unknown_termination(s),
        scope: Scope {
            purpose: Some("Att tillsammans skapa en mer långsiktig samverkan kring våldsutsatta kvinnor, barn och unga vuxna i Kalmar.".into()),
            goals: strings(&["Minska antalet våldsutsatta och utveckla olika insatser utifrån målgruppens behov"]),
            target_groups: strings(&["Våldsutsatta kvinnor", "Barn", "Unga vuxna"]),
            service_areas: vec![ServiceArea {
                name: "Stöd och förebyggande arbete".into(),
                provider: Side::Organisation,
                services: strings(&[
                    "Akut och direkt stöd",
                    "Våldsförebyggande och opinionsbildande arbete (gränssättning, sunda relationer, samtycke)",
                ]),
            }],
            exclusions: strings(&["Skyddat boende (hanteras separat)"]),
            source: src(s, "stycke 2–3"),
            ..Scope::default()
        },
        sources: vec![SourceDocument {
            id: s.into(),
            title: "Kalmar kommun: Idéburet offentligt partnerskap mellan Kvinnojouren Kalmar och Kalmar kommun (nyhet)".into(),
            date: Some(date(2021, 6, 15)),
            kind: Some(SourceKind::Nyhet),
            address: None,
        }],
        notes: "Källan är en nyhet; betalningsdagar, uppföljning och uppsägningsvillkor anges inte. Kommunens organisationsnummer är hämtat ur seed 001.".into(),
        derived_from: None,
        draft: false,
        kind: Some(AgreementKind::Iop),
    }
}

/// Kalmar 2025–2027 (seed 001), the full agreement: every section the model has a place for.
pub fn kalmar_2025_2027() -> Agreement {
    let s = SEED_KALMAR_2025;
    let jour = "Kvinnojouren & Ungdomsjouren Kalmar";
    Agreement {
        id: "kalmar-2025-2027".into(),
        name: "Kalmar 2025–2027".into(),
        public_parties: vec![PublicParty {
            name: "Kalmar kommun".into(),
            kommunkod: kod("0880"),
            org_number: orgnr("212000-0746"),
            bodies: vec![
                Body { id: "klk".into(), name: "Kommunledningskontoret".into() },
                Body { id: "sf".into(), name: "Socialförvaltningen".into() },
            ],
            contact: Some(Contact {
                name: "Emma Sundin".into(),
                email: Some("emma.sundin2@kalmar.se".into()),
                phone: Some("010-3520179".into()),
            }),
            signatories: vec![
                Signatory { name: "Anna Flink".into(), title: "Säkerhetschef".into(), body: Some("Kommunledningskontoret".into()) },
                Signatory { name: "Camilla Freedeke".into(), title: "Förvaltningschef".into(), body: Some("Socialförvaltningen".into()) },
            ],
            source: src(s, "§5 Parter och kontaktpersoner; §14 Avtalets undertecknande"),
        }],
        organisations: vec![Organisation {
            name: jour.into(),
            legal_name: None,
            org_number: orgnr("832401-3807"),
            contact: Some(Contact {
                name: "Pernilla Printz".into(),
                email: Some("info@kjkalmars.se".into()),
                phone: Some("0791-008807".into()),
            }),
            signatories: vec![Signatory { name: "Gun Thorstensson".into(), title: "Ordförande".into(), body: None }],
            source: src(s, "§5 Parter och kontaktpersoner; §14 Avtalets undertecknande"),
        }],
        term: Term {
            start: Known::Known(date(2025, 1, 1)),
            end: TermEnd::On(date(2027, 12, 31)),
            renewal: Renewal::None,
            stated_decision_due: None,
            source: src(s, "§11 Avtalstid: \"2025-01-01 – 2027-12-31 … upphör utan uppsägning\""),
        },
        funding: Funding {
            components: vec![component(
                "Ersättning",
                ComponentKind::Base,
                Known::Known(Sek::kronor(1_000_000)),
                src(s, "§10 Ekonomi: \"1 000 000 kronor per år\""),
            )],
            indexation: None,
            split: Split::Share {
                payers: vec![
                    SharePayer { name: "Kommunledningskontoret".into(), share: Share::new(1, 2).unwrap_or(Share::WHOLE) },
                    SharePayer { name: "Socialförvaltningen".into(), share: Share::new(1, 2).unwrap_or(Share::WHOLE) },
                ],
            },
            payments: PaymentSchedule {
                timing: PaymentTiming::Quarter { quarter: 1 },
                on_invoice: true,
                documents: strings(&["Verksamhetsberättelse", "Verksamhetsplan", "Årsredovisning"]),
                source: src(s, "§10 Ekonomi: \"betalas ut första kvartalet 2025, 2026 och 2027 … fakturerar … tillsammans med verksamhetsberättelse, verksamhetsplan och årsredovisning\""),
            },
        },
        obligations: Obligations {
            meetings: Some(Meetings {
                per_year: Known::Known(2),
                responsible: "Kommunledningskontorets enhet Trygghet och säkerhet".into(),
                invited: strings(&["Socialförvaltningen", "Kultur- och fritidsförvaltningen", "Utbildningsförvaltningen"]),
            }),
            documents: vec![
                DocumentDuty {
                    kind: DocumentKind::Plan,
                    name: "Verksamhetsplan".into(),
                    contents: strings(&["Målsättning", "Planerade aktiviteter", "Budget"]),
                    responsible: vec![Side::Organisation],
                    due: Due::WithInvoice,
                    reported_to: Some("kommunstyrelsens arbetsutskott".into()),
                },
                DocumentDuty {
                    kind: DocumentKind::Report,
                    name: "Verksamhetsberättelse".into(),
                    contents: strings(&[
                        "Insatser och utveckling under det gångna året",
                        "Statistik kring insatserna (t.ex. stödsamtal på telefon, personliga stödsamtal, förebyggande arbete)",
                        "Hur de ekonomiska resurserna har använts",
                    ]),
                    responsible: vec![Side::Organisation],
                    due: Due::WithInvoice,
                    reported_to: Some("kommunstyrelsens arbetsutskott".into()),
                },
                DocumentDuty {
                    kind: DocumentKind::Accounts,
                    name: "Årsredovisning".into(),
                    contents: vec![],
                    responsible: vec![Side::Organisation],
                    due: Due::WithInvoice,
                    reported_to: None,
                },
                DocumentDuty {
                    kind: DocumentKind::ActionPlan,
                    name: "Gemensam lägesbild och handlingsplan (område 2)".into(),
                    contents: strings(&["Förebyggande och opinionsbildande arbete kommande år"]),
                    responsible: vec![Side::Organisation, Side::Public],
                    due: Due::BeforeYear,
                    reported_to: None,
                },
            ],
            other: strings(&[
                "Företrädare för socialnämnden bjuds in när verksamhetsplan och verksamhetsberättelse rapporteras till kommunstyrelsens arbetsutskott (§12)",
                "Jouren deltar i kommunens våldsförebyggande nätverk, som kommunen driver (§8)",
            ]),
            source: src(s, "§12 Uppföljning och utvärdering; §8 område 2; §10"),
        },
        termination: Termination {
            ordinary_notice: Known::Known(None),
            for_breach: Known::Known(Some(TerminationForBreach {
                cure_days: 30,
                if_organisation_in_breach: Repayment::PartOrAll,
                if_public_in_breach: Repayment::Nothing,
            })),
            changes_need_written_approval: true,
            source: src(s, "§13 Ändringar och uppsägning; §11 (upphör utan uppsägning)"),
        },
        scope: Scope {
            background: Some("Kvinnojouren & Ungdomsjouren Kalmar har funnits i 40 år. Parterna har haft ett IOP 2022-01-01 – 2024-12-31; före 2022 stöttade kommunen jouren genom föreningsbidrag.".into()),
            purpose: Some("Att skapa en mer långsiktig samverkan kring våldsutsatta kvinnor och unga i Kalmar, såväl det akuta och direkta stödet som det långsiktiga våldsförebyggande arbetet.".into()),
            goals: strings(&["Minska antalet våldsutsatta och utveckla olika insatser utifrån målgruppens behov"]),
            target_groups: strings(&[
                "Våldsutsatta kvinnor och kvinnor med barn",
                "Unga som är utsatta för relationsvåld",
                "Personer som känner någon som utsatt någon annan för våld i en nära relation",
            ]),
            service_areas: vec![
                ServiceArea {
                    name: "Område 1: Direkt stöd".into(),
                    provider: Side::Organisation,
                    services: strings(&[
                        "Telefonstöd och stödchatt",
                        "Samtalsstöd enskilt och i grupp",
                        "Följa med vid besök hos polis och socialtjänst",
                    ]),
                },
                ServiceArea {
                    name: "Område 2: Förebyggande och opinionsbildande arbete".into(),
                    provider: Side::Organisation,
                    services: strings(&[
                        "Föreläsningar, workshops och temautbildningar i skolor och på fritidsgårdar",
                        "Gemensam lägesbild och handlingsplan varje år",
                    ]),
                },
                ServiceArea {
                    name: "Område 3: Övrigt arbete".into(),
                    provider: Side::Organisation,
                    services: strings(&[
                        "Verksamhetsplanering, utvärdering och återrapportering till kommunstyrelsens arbetsutskott",
                        "Deltagande i kommunens våldsförebyggande nätverk",
                    ]),
                },
                ServiceArea {
                    name: "Kommunens åtaganden".into(),
                    provider: Side::Public,
                    services: strings(&["Driva det våldsförebyggande nätverket"]),
                },
            ],
            exclusions: strings(&["Skyddat boende (överenskommelsen reglerar inte kommunens möjlighet att nyttja jourens skyddade boende)"]),
            values: strings(&[
                "Respekt för parternas olika förutsättningar, öppenhet och strukturerad dialog med ömsesidig tillit",
                "Barnrättsperspektivet i alla insatser",
            ]),
            legal_basis: strings(&[
                "Socialtjänstlagen: socialnämndens ansvar för brottsoffer och för kvinnor utsatta för våld av närstående",
                "Barnkonventionen art. 3, 12 och 19",
                "Agenda 2030 mål 3, 5, 10 och 16",
                "Kalmar kommuns strategi för att förebygga och motverka mäns våld mot kvinnor och våld i nära relation",
            ]),
            child_concern_policy: Some("Jouren har ingen lagstadgad anmälningsskyldighet men bör ha som policy att göra orosanmälan till socialtjänsten; vid osäkerhet konsulteras socialtjänsten.".into()),
            quality: Some("Kunskap och metodik ska vara evidensbaserad; medverkande ska ha god kompetens om våld i nära relationer, hedersrelaterat våld och förtryck, barns upplevelse av våld och relevant lagstiftning.".into()),
            state_aid_basis: None,
            changes: Some("Betydande avvikelser kräver dialog och skriftligt godkännande av behörig person.".into()),
            source: src(s, "§1 Bakgrund, §2 Syfte, §3 Målgrupp, §4 Avgränsning, §6 Värdegrund, §7 Orosanmälan, §8 Insatser, §9 Kvalitetsgaranti, §13"),
        },
        sources: vec![SourceDocument {
            id: s.into(),
            title: "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Kvinnojouren & Ungdomsjouren Kalmar och Kalmar kommun".into(),
            date: None,
            kind: Some(SourceKind::Avtal),
            address: None,
        }],
        notes: "Kommunen stödjer jourens ideella arbete, inte den intäktsbärande verksamheten (§10).".into(),
        derived_from: None,
        draft: false,
        kind: Some(AgreementKind::Iop),
    }
}

/// Vallentuna (seed 002): 50 000 kr a year, 25 000 kr more if the jour starts its tjejjour;
/// 2021-07-01 – 2023-06-30, then two years at a time until further notice.
pub fn vallentuna() -> Agreement {
    let s = SEED_VALLENTUNA;
    Agreement {
        id: "vallentuna-2021".into(),
        name: "Vallentuna 2021–".into(),
        public_parties: vec![PublicParty {
            name: "Vallentuna kommun".into(),
            kommunkod: kod("0115"),
            org_number: Known::Unknown,
            bodies: vec![Body { id: "sn".into(), name: "Socialnämnden".into() }],
            contact: None,
            signatories: vec![],
            source: src(s, "stycke 1 (socialnämndens beslut)"),
        }],
        organisations: vec![organisation("Kvinnojouren i Vallentuna", None, src(s, "stycke 1"))],
        term: Term {
            start: Known::Known(date(2021, 7, 1)),
            end: TermEnd::On(date(2023, 6, 30)),
            renewal: Renewal::AutomaticExtension { years: 2, notice: Known::Unknown },
            stated_decision_due: None,
            source: src(s, "\"påbörjas den 1 juli 2021 och pågår fram till och med den 30 juni 2023. Efter det förlängs samarbetet med två år i taget, tills vidare\""),
        },
        funding: Funding {
            components: vec![
                component(
                    "Stöd",
                    ComponentKind::Base,
                    Known::Known(Sek::kronor(50_000)),
                    src(s, "\"stärkt stöd på 50 000 kronor per år\""),
                ),
                component(
                    "Tjejjour",
                    ComponentKind::Conditional {
                        condition: "Kvinnojouren startar upp sin tjejjour".into(),
                        met: Known::Unknown,
                    },
                    Known::Known(Sek::kronor(25_000)),
                    src(s, "\"Om kvinnojouren också startar upp sin tjejjour kan de få stöd på 25 000 kronor ytterligare per år\""),
                ),
            ],
            indexation: None,
            split: Split::single("Vallentuna kommun (socialnämnden)"),
            payments: unknown_payments(s),
        },
        obligations: Obligations {
            meetings: None,
            documents: vec![],
            other: strings(&["Gemensamma mål som kommunen och kvinnojouren tillsammans ska uppfylla"]),
            source: src(s, "\"innebär flera gemensamma mål\""),
        },
        termination: unknown_termination(s),
        scope: Scope {
            purpose: Some("Öka stödet till våldsutsatta i nära relation, med målet att minska antalet våldsutsatta i kommunen.".into()),
            goals: strings(&[
                "Fler utsatta kvinnor och barn ska få hjälp, stöd och skydd",
                "Stödet och skyddet till Vallentuna kommuns tjejer förbättras",
                "Vallentuna kommuns invånare ska få ökad kunskap om våld i nära relation",
                "Gemensamt ta fram och utveckla nya kvalitativa insatser för målgruppen",
            ]),
            target_groups: strings(&["Våldsutsatta kvinnor och barn", "Tjejer"]),
            service_areas: vec![],
            source: src(s, "punktlistan \"Överenskommelsen innebär att\""),
            ..Scope::default()
        },
        sources: vec![SourceDocument {
            id: s.into(),
            title: "Vallentuna kommun: Samverkan ska minska antalet våldsutsatta i nära relation (nyhet)".into(),
            date: None,
            kind: Some(SourceKind::Nyhet),
            address: None,
        }],
        notes: "Källan anger inte om tjejjouren har startat, så villkoret är okänt; uppsägningstid och betalningsdagar anges inte.".into(),
        derived_from: None,
        draft: false,
        kind: Some(AgreementKind::Iop),
    }
}

/// Värmdö (seed 003): 400 000 kr a year, two years at a time, until 2023-12-31; the start is
/// not in the seed.
pub fn varmdo() -> Agreement {
    let s = SEED_VARMDO;
    Agreement {
        id: "varmdo".into(),
        name: "Värmdö –2023".into(),
        public_parties: vec![PublicParty {
            name: "Värmdö kommun".into(),
            kommunkod: kod("0120"),
            org_number: Known::Unknown,
            bodies: vec![
                Body { id: "sn".into(), name: "Socialnämnden".into() },
                Body { id: "ifo".into(), name: "Individ- och familjeomsorgskontoret".into() },
            ],
            contact: None,
            signatories: vec![],
            source: src(s, "citat från socialnämndens ordförande och kontorschefen för Individ- och familjeomsorgskontoret"),
        }],
        organisations: vec![organisation(
            "Kvinnojouren Nacka Värmdö",
            Some("Ideella föreningen mot våld i nära relation Nacka/Värmdö"),
            src(s, "stycke 1"),
        )],
        term: Term {
            start: Known::Unknown,
            end: TermEnd::On(date(2023, 12, 31)),
            renewal: Renewal::AutomaticExtension { years: 2, notice: Known::Unknown },
            stated_decision_due: None,
            source: src(s, "\"samverkansavtalet gäller fram tills sista december 2023\"; \"det löper på två år i taget\""),
        },
        funding: Funding {
            components: vec![component(
                "Ekonomiska medel",
                ComponentKind::Base,
                Known::Known(Sek::kronor(400_000)),
                src(s, "\"tillsätta ekonomiska medel (400 000 kr per år)\""),
            )],
            indexation: None,
            split: Split::single("Värmdö kommun (socialnämnden)"),
            payments: unknown_payments(s),
        },
        obligations: Obligations {
            meetings: Some(Meetings {
                per_year: Known::Unknown,
                responsible: "Gemensam styrgrupp med representanter från båda parter".into(),
                invited: vec![],
            }),
            documents: vec![],
            other: vec![],
            source: src(s, "\"följs löpande upp av en gemensam styrgrupp\""),
        },
        termination: unknown_termination(s),
        scope: Scope {
            goals: strings(&[
                "Genom förebyggande arbete verka för att minska antalet våldsutsatta",
                "Erbjuda våldsutsatta kvinnor och deras barn ett lättillgängligt omhändertagande och stöd",
                "Löpande ta fram och utveckla insatser för målgruppen",
            ]),
            target_groups: strings(&["Våldsutsatta kvinnor och deras barn", "Unga kvinnor"]),
            service_areas: vec![
                ServiceArea {
                    name: "Kvinnojourens insatser".into(),
                    provider: Side::Organisation,
                    services: strings(&[
                        "Samordna utbildningsinsatser inom temat våld till unga kvinnor",
                        "Koordinera hjälpinsatser och vara en länk till stödinsatser i samhället",
                        "Stöd vid rättegångar och andra myndighetskontakter",
                    ]),
                },
                ServiceArea {
                    name: "Kommunens åtaganden".into(),
                    provider: Side::Public,
                    services: strings(&[
                        "Kommunikationsinsatser",
                        "Möjliggöra deltagande i kommunala arrangemang",
                    ]),
                },
            ],
            legal_basis: strings(&["SoL 2 kap. 2 §", "SoL 5 kap. 11 §"]),
            source: src(s, "\"Effektmålen med samarbetet\"; \"Värmdö kommuns roll\"; stycke 2"),
            ..Scope::default()
        },
        sources: vec![SourceDocument {
            id: s.into(),
            title: "Värmdö kommun: Samverkansavtal med Kvinnojouren Nacka Värmdö (nyhet)".into(),
            date: None,
            kind: Some(SourceKind::Nyhet),
            address: None,
        }],
        notes: "Startdatum anges inte i källan (andra källor anger 2022-01-01). \"Löper på två år i taget\" läses som förlängning två år i taget; uppsägningstid anges inte.".into(),
        derived_from: None,
        draft: false,
        kind: Some(AgreementKind::Iop),
    }
}

/// Linköping (seed 004): the agreement before an IOP, ending 2019-12-31, financed by
/// föreningsbidrag and verksamhetsbidrag of amounts not stated; a new proposal due by September 2019.
pub fn linkoping() -> Agreement {
    let s = SEED_LINKOPING;
    Agreement {
        id: "linkoping-2019".into(),
        name: "Linköping –2019".into(),
        public_parties: vec![PublicParty {
            name: "Linköpings kommun".into(),
            kommunkod: kod("0580"),
            org_number: Known::Unknown,
            bodies: vec![
                Body { id: "on".into(), name: "Omsorgsnämnden".into() },
                Body { id: "oaf".into(), name: "Omsorgs- och äldreförvaltningen".into() },
            ],
            contact: None,
            signatories: vec![],
            source: src(s, "Förslag till beslut; Bakgrund"),
        }],
        organisations: vec![organisation("Kvinnojouren i Linköping", None, src(s, "Förslag till beslut"))],
        term: Term {
            start: Known::Unknown,
            end: TermEnd::On(date(2019, 12, 31)),
            renewal: Renewal::None,
            stated_decision_due: Some(date(2019, 9, 30)),
            source: src(s, "\"Det nuvarande avtalet gäller till och med 2019-12-31\"; förslag \"senast till september 2019\""),
        },
        funding: Funding {
            components: vec![
                component("Föreningsbidrag", ComponentKind::Base, Known::Unknown, src(s, "Ärende: \"finansierat via föreningsbidrag och verksamhetsbidrag\" (belopp anges inte)")),
                component("Verksamhetsbidrag", ComponentKind::Base, Known::Unknown, src(s, "Ärende: \"finansierat via föreningsbidrag och verksamhetsbidrag\" (belopp anges inte)")),
            ],
            indexation: None,
            split: Split::single("Omsorgsnämnden"),
            payments: unknown_payments(s),
        },
        obligations: Obligations {
            meetings: None,
            documents: vec![],
            other: vec![],
            source: src(s, "anger ingen uppföljning"),
        },
        termination: unknown_termination(s),
        scope: Scope {
            target_groups: strings(&["Våldsutsatta kvinnor", "Barn som utsatts för eller bevittnat våld"]),
            service_areas: vec![ServiceArea {
                name: "Kvinnojourens verksamhet".into(),
                provider: Side::Organisation,
                services: strings(&[
                    "Samtalsstöd",
                    "Jourtelefon",
                    "Skyddat boende",
                    "Barnaktiviteter och samtal med barn",
                ]),
            }],
            source: src(s, "Bakgrund"),
            ..Scope::default()
        },
        sources: vec![SourceDocument {
            id: s.into(),
            title: "Linköpings kommun, omsorgsnämnden: Förslag till överenskommelse med Kvinnojouren".into(),
            date: None,
            kind: Some(SourceKind::Beslut),
            address: None,
        }],
        notes: "Beloppen anges inte i källan. Ett nytt förslag skulle redovisas senast i september 2019 (här 2019-09-30).".into(),
        derived_from: None,
        draft: false,
        kind: Some(AgreementKind::Overenskommelse),
    }
}

/// All five built-in agreements, in seed order.
///
/// ```
/// assert_eq!(iop_core::presets::all().len(), 5);
/// ```
pub fn all() -> Vec<Agreement> {
    vec![
        kalmar_2022_2024(),
        kalmar_2025_2027(),
        vallentuna(),
        varmdo(),
        linkoping(),
    ]
}
