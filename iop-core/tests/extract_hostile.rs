//! The reader against wrong figures and hostile text: no amount is ever read from part of a
//! number, and words that make an amount something else than this year's (an earlier level, a
//! ceiling, an application, a refusal) keep it out of the yearly amounts.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use iop_core::extract::extract;
use proptest::prelude::*;

/// The yearly amounts read, in kronor as plain decimals.
fn yearly(text: &str) -> Vec<String> {
    extract(text)
        .agreement
        .funding
        .components
        .iter()
        .map(|c| match &c.amount {
            iop_core::Known::Known(s) => s.to_plain(),
            _ => "okänt".into(),
        })
        .collect()
}

#[test]
fn separators_the_reader_does_not_know_make_no_amount() {
    for (text, want) in [
        ("Kommunen betalar 25.000 kronor per år.", vec!["25000.00"]),
        (
            "Kommunen betalar 1.500.000 kronor per år.",
            vec!["1500000.00"],
        ),
        ("Kommunen betalar 25'000 kronor per år.", vec![]),
        ("Kommunen betalar 25,000 kronor per år.", vec![]),
        ("Kommunen betalar 500 000,50 kr per år.", vec!["500000.50"]),
        ("Kommunen betalar 500\n000 kr per år.", vec!["500000.00"]),
        // Characters that take no room are formatting, not separators.
        (
            "Kommunen betalar 500\u{200b}000 kr per år.",
            vec!["500000.00"],
        ),
        (
            "Kommunen betalar 500\u{ad}000 kr per år.",
            vec!["500000.00"],
        ),
        ("Kommunen betalar 500 00 kr per år.", vec![]),
        ("Kommunen betalar 25.0000 kr per år.", vec![]),
    ] {
        assert_eq!(yearly(text), want, "{text:?}");
    }
}

proptest! {
    /// Any character between an amount's digits: what is read is the whole number or nothing,
    /// and no quote starts or ends inside it.
    #[test]
    fn no_amount_from_part_of_a_number(amount in 1_000u64..100_000_000, at in 1usize..8, c in any::<char>().prop_filter("not a digit", |c| !c.is_ascii_digit())) {
        let digits = amount.to_string();
        let at = at.min(digits.len() - 1);
        let (left, right) = digits.split_at(at);
        let text = format!("Kommunen betalar {left}{c}{right} kr per år.");
        let from = "Kommunen betalar ".len();
        let to = from + left.len() + c.len_utf8() + right.len();
        let x = extract(&text);
        for f in x.findings.iter().filter(|f| f.path.starts_with("funding.components")) {
            prop_assert!(f.start <= from && f.end >= to, "{text:?}: quote {:?}", f.quote);
        }
        // The amount read, if any, is made of all the number's digits in their order (a
        // decimal comma or points between thousands may stand between them).
        let significant = |d: &str| d.chars().filter(char::is_ascii_digit).collect::<String>().trim_start_matches('0').trim_end_matches('0').to_string();
        for c in &x.agreement.funding.components {
            if let iop_core::Known::Known(s) = &c.amount {
                let read = s.to_plain();
                prop_assert_eq!(significant(&read), significant(&digits), "{:?} read as {}", text, read);
            }
        }
    }
}

#[test]
fn an_increase_from_one_level_to_another_is_the_new_level_only() {
    assert_eq!(
        yearly("Kommunen höjer bidraget från 400 000 kr per år till 500 000 kr per år."),
        vec!["500000.00"]
    );
    assert_eq!(
        yearly("Bidraget ökar med 100 000 kr per år till 500 000 kr per år."),
        vec!["500000.00"]
    );
}

#[test]
fn amounts_applied_for_refused_negated_or_of_earlier_years_are_not_this_years() {
    for text in [
        "Kvinnojouren ansökte om 900 000 kr per år men fick avslag.",
        "Kvinnojouren har ansökt om 900 000 kronor per år.",
        "Nämnden beviljar inte 900 000 kr per år.",
        "Tidigare fick jouren 600 000 kr per år.",
        "År 2021 fick jouren 600 000 kr per år.",
        "Jouren fick tidigare 600 000 kronor per år från kommunen.",
    ] {
        assert_eq!(yearly(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_ceiling_is_not_an_exact_amount() {
    for text in [
        "Jouren kan få upp till 500 000 kr per år.",
        "Bidraget är högst 500 000 kr per år.",
        "Ersättningen uppgår till maximalt 500 000 kr per år.",
    ] {
        let x = extract(text);
        assert!(x.agreement.funding.components.is_empty(), "{text}");
        assert!(
            x.agreement.notes.contains("500 000 kr"),
            "{text}: {}",
            x.agreement.notes
        );
    }
}

#[test]
fn a_phone_number_is_not_an_organisation_number() {
    let x = extract("Kvinnojouren Kalmar nås på telefon 0480-450006 dygnet runt.");
    assert!(
        !x.findings.iter().any(|f| f.path.ends_with("org_number")),
        "{:?}",
        x.findings
    );
    // A real one, as an agreement writes it, still is.
    let x = extract("Kvinnojouren Kalmar, org.nr 802400-1235, och Kalmar kommun.");
    assert!(x
        .findings
        .iter()
        .any(|f| f.path == "organisations[0].org_number"));
}

#[test]
fn shared_equally_between_three_is_thirds() {
    for text in [
        "Beloppet delas lika mellan socialnämnden, kommunstyrelsen och kultur- och fritidsnämnden.",
        "Kostnaden delas lika mellan socialnämnden, barn- och utbildningsnämnden och kommunstyrelsen.",
    ] {
        let x = extract(text);
        let split = x.findings.iter().find(|f| f.path == "funding.split").unwrap();
        let payers = split.value["payers"].as_array().unwrap();
        assert_eq!(payers.len(), 3, "{text}: {}", split.value);
        assert!(payers.iter().all(|p| p["share"] == "1/3"), "{text}: {}", split.value);
    }
}
