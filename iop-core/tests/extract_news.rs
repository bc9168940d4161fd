//! How news and decisions state a year's money and an agreement's period, each pattern beside
//! the distractor that looks like it (the sentences are made up; the patterns are from real
//! texts, see `tests/corpus/`).

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::NaiveDate;
use iop_core::extract::{read, Document, Extraction};

fn read_on(text: &str, date: Option<&str>) -> Extraction {
    let doc = Document {
        name: "nyhet.txt".into(),
        date: date.map(|d| d.parse::<NaiveDate>().unwrap()),
    };
    read(text, &doc)
}

/// The yearly amounts read, in kronor, and whether each was read with doubt.
fn yearly(text: &str) -> Vec<(String, bool)> {
    let x = read_on(text, None);
    let doubtful = x
        .findings
        .iter()
        .filter(|f| f.path.starts_with("funding.components"))
        .map(|f| f.doubt.is_some())
        .collect::<Vec<_>>();
    x.agreement
        .funding
        .components
        .iter()
        .zip(doubtful.into_iter().chain(std::iter::repeat(false)))
        .map(|(c, d)| match &c.amount {
            iop_core::Known::Known(s) => (s.to_plain(), d),
            _ => ("okänt".into(), d),
        })
        .collect()
}

fn amounts(text: &str) -> Vec<String> {
    yearly(text).into_iter().map(|(a, _)| a).collect()
}

/// The period read: start and end as ISO dates.
fn period(text: &str, date: Option<&str>) -> (Option<String>, Option<String>) {
    let x = read_on(text, date);
    let a = serde_json::to_value(&x.agreement).unwrap();
    (
        a["term"]["start"].as_str().map(str::to_string),
        a["term"]["end"]["on"].as_str().map(str::to_string),
    )
}

#[test]
fn a_number_shares_its_unit_with_its_neighbour() {
    // The new level after a cut, with the unit said once: the first is the earlier level.
    assert_eq!(
        amounts("Bidraget till Kvinnojouren halveras, från 250 000 till 100 000 kronor."),
        ["100000.00"]
    );
    // The unit said earlier in the sentence.
    assert_eq!(
        amounts(
            "Tidigare har stödet till Kvinnojouren legat på 400 000 kronor – men nu ska man klara sig på 250 000."
        ),
        ["250000.00"]
    );
    // A year, a count or a phone number never borrows it.
    for text in [
        "Kvinnojouren får 400 000 kronor per år och hjälpte 2023 kvinnor.",
        "Kvinnojouren får 400 000 kronor per år, ring 046 450 006.",
        "Kvinnojouren får 400 000 kronor per år – 1 200 kvinnor sökte hjälp.",
        "Kvinnojouren får 400 000 kronor per år sedan 2021.",
    ] {
        assert_eq!(amounts(text), ["400000.00"], "{text}");
    }
}

#[test]
fn millions_without_kronor_in_a_sentence_about_grants() {
    assert_eq!(
        yearly("Största bidragen får kvinno- och tjejjouren Ada, 2,4 miljoner, och Föreningen Bojen, 2,2 miljoner."),
        [("2400000.00".to_string(), true)]
    );
    // Millions of something else are no kronor.
    assert!(
        amounts("Kvinnojouren Ada får 2 miljoner besökare, 2,4 miljoner sidvisningar.").is_empty()
    );
}

#[test]
fn a_change_names_the_new_level_only_for_the_jours_own_grant() {
    assert_eq!(
        amounts("Bidraget höjs till 1 200 000 kronor för Kvinnojouren Tyra."),
        ["1200000.00"]
    );
    // Another organisation's raise, and a range between kommuner, are not the jour's.
    assert!(amounts(
        "Också KF Länken väntas få sitt kommunala bidrag höjt – från 155 000 till 200 000 kronor."
    )
    .is_empty());
    assert!(
        amounts("Kommunernas bidrag till Kvinnojouren – från 0 kronor till 1 miljon").is_empty()
    );
    // A raise asked for: the level now is not read as this year's either (it may be last year's).
    assert!(amounts(
        "Kvinnojouren kräver höjt kommunalt bidrag från 295 000 kronor till 525 000 kronor per år."
    )
    .is_empty());
}

#[test]
fn an_earlier_level_that_holds_this_year_too() {
    assert_eq!(
        amounts("Jouren har tidigare haft ettåriga samarbetsavtal med kommunen om 97 000 kronor, så även i år."),
        ["97000.00"]
    );
    assert!(amounts("Jouren har tidigare haft avtal med kommunen om 97 000 kronor.").is_empty());
}

#[test]
fn an_earlier_word_that_dates_the_decision_not_the_amount() {
    assert_eq!(
        amounts("Förra året beslutades att Kvinnojouren skulle få en miljon kronor om året."),
        ["1000000.00"]
    );
    assert!(amounts("Förra året fick Kvinnojouren en miljon kronor.").is_empty());
}

#[test]
fn the_outcome_of_an_application() {
    // "utslaget blev": what was granted, after what was asked.
    assert_eq!(
        yearly("Kvinnojouren sökte 550 000 kronor. Men utslaget blev 250 000 kronor."),
        [("250000.00".to_string(), true)]
    );
    // Granted in full in the next sentence.
    assert_eq!(
        amounts(
            "Jourerna hade ansökt om 852 000 kronor i föreningsbidrag. Kommunstyrelsen beslutade att de skulle få hela det ansökta beloppet."
        ),
        ["852000.00"]
    );
    assert!(amounts(
        "Jourerna hade ansökt om 852 000 kronor i föreningsbidrag. Kommunstyrelsen beslutade att de inte skulle få hela det ansökta beloppet."
    )
    .is_empty());
}

#[test]
fn a_list_of_grants_and_a_lead() {
    let list = "Föreningar som fick uppdrag:\nHaga Bangolf – 150 000 kronor\nUppsökande verksamhet.\nTjejjouren – 450 000 kronor\nUppsökande verksamhet för unga.";
    assert_eq!(amounts(list), ["450000.00"]);
    assert_eq!(
        amounts("Kvinnojouren i Vallentuna får föreningsbidrag.\n30 000 kronor i föreningsbidrag. 20 000 förra året."),
        ["30000.00"]
    );
}

#[test]
fn about_a_year_when_the_year_is_said_before() {
    assert_eq!(
        yearly("Värnamo kommun bidrar till Kvinnojouren med tio kronor per invånare och år, alltså cirka 350 000 kronor."),
        [("350000.00".to_string(), true)]
    );
    // "cirka" alone stays a note.
    assert!(amounts("Kvinnojouren får cirka 350 000 kronor.").is_empty());
}

#[test]
fn the_total_of_an_agreement_of_one_year_is_its_yearly_amount() {
    let one = "Samarbetsavtal mellan Socialtjänst Gävle och Gävle Brottsofferförening. Socialtjänsten utger ersättning med totalt 247 700 kr. Detta avtal gäller år 2009.";
    assert_eq!(yearly(one), [("247700.00".to_string(), true)]);
    let three = "Samarbetsavtal mellan Socialtjänst Gävle och Gävle Brottsofferförening. Socialtjänsten utger ersättning med totalt 747 700 kr. Detta avtal gäller 2009–2011.";
    assert!(amounts(three).is_empty());
}

#[test]
fn a_grants_year_before_an_application_refused_after_it() {
    let text = "Social- och äldrenämnden beviljar Kvinnojouren i Nacka ett verksamhetsbidrag för år 2008 med fyra kronor per invånare och avslår ansökan om en höjning av beloppet.";
    assert_eq!(
        period(text, None),
        (Some("2008-01-01".into()), Some("2008-12-31".into()))
    );
    // The year of an application is not the agreement's.
    let applied = "Sedan 2014 har stödet legat på 700 000 kronor, och för 2018 ansökte kvinnojouren om ytterligare 500 000 kronor.";
    assert_eq!(period(applied, None), (None, None));
}

#[test]
fn an_earlier_agreements_end_is_not_this_ones() {
    let text = "Värmdö har haft ett avtal med Kvinnojouren Nacka Värmdö under många år, fram till 2019 då de klev ur avtalet. Samverkansavtalet gäller fram till sista december 2023.";
    assert_eq!(period(text, None).1.as_deref(), Some("2023-12-31"));
}

#[test]
fn next_year_is_read_against_the_texts_date() {
    let text = "741 000 kronor i bidrag delas nästa år ut till sociala föreningar i kommunen.";
    assert_eq!(
        period(text, Some("2009-12-18")),
        (Some("2010-01-01".into()), Some("2010-12-31".into()))
    );
    // Without a date, nothing.
    assert_eq!(period(text, None), (None, None));
}
