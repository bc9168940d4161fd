//! The reader on real texts (`tests/corpus/`, see its README): precision and recall per term
//! among kommun, organisation, yearly amount, start and end, printed
//! (`cargo test -p iop-core --test corpus -- --nocapture`). A value read that the text does not
//! state, or states otherwise, fails the test: wrong figures cost more than missed ones.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iop_core::extract::{read, Document, Extraction};
use std::collections::BTreeMap;

const TERMS: [&str; 5] = ["kommun", "organisation", "belopp per år", "start", "slut"];

struct Text {
    file: String,
    date: Option<chrono::NaiveDate>,
    want: BTreeMap<String, Vec<String>>,
    body: String,
}

fn corpus() -> Vec<Text> {
    let dir = format!("{}/tests/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let all = std::fs::read_to_string(&p).unwrap();
            let (head, body) = all
                .split_once("\n---\n")
                .unwrap_or_else(|| panic!("{}: no ---", p.display()));
            let mut want = BTreeMap::new();
            let mut date = None;
            for line in head.lines() {
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                let v = v.trim();
                if k == "datum" {
                    date = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
                }
                if TERMS.contains(&k) {
                    want.insert(
                        k.to_string(),
                        v.split('|').map(|a| a.trim().to_lowercase()).collect(),
                    );
                }
            }
            Text {
                file: p.file_name().unwrap().to_string_lossy().into_owned(),
                date,
                want,
                body: body.to_string(),
            }
        })
        .collect()
}

/// The five terms as read, lowercased.
fn got(x: &Extraction) -> BTreeMap<&'static str, String> {
    let mut out = BTreeMap::new();
    let a = serde_json::to_value(&x.agreement).unwrap();
    let s = |v: &serde_json::Value| v.as_str().map(str::to_lowercase);
    if let Some(k) = s(&a["public_parties"][0]["kommunkod"]) {
        out.insert("kommun", k);
    }
    if let Some(o) = s(&a["organisations"][0]["name"]).filter(|o| !o.is_empty()) {
        out.insert("organisation", o);
    }
    let yearly: Vec<String> = a["funding"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"]["type"] != "conditional")
        .filter_map(|c| c["amount"].as_str())
        .map(|v| v.trim_end_matches(".00").to_string())
        .collect();
    if !yearly.is_empty() {
        out.insert("belopp per år", yearly.join(" + "));
    }
    if let Some(d) = s(&a["term"]["start"]) {
        out.insert("start", d);
    }
    if let Some(d) = s(&a["term"]["end"]["on"]) {
        out.insert("slut", d);
    }
    out
}

#[test]
fn precision_and_recall_on_real_texts() {
    let texts = corpus();
    // term → (right, wrong, invented, missed)
    let mut score: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
    let mut bad = Vec::new();
    for t in &texts {
        let doc = Document {
            name: t.file.clone(),
            date: t.date,
        };
        let g = got(&read(&t.body, &doc));
        for term in TERMS {
            let e = score.entry(term).or_default();
            match (t.want.get(term), g.get(term)) {
                (Some(w), Some(v)) if w.contains(v) => e[0] += 1,
                (Some(w), Some(v)) => {
                    e[1] += 1;
                    bad.push(format!(
                        "{}: {term} read {v}, states {}",
                        t.file,
                        w.join(" | ")
                    ));
                }
                (None, Some(v)) => {
                    e[2] += 1;
                    bad.push(format!("{}: {term} read {v}, not stated", t.file));
                }
                (Some(w), None) => {
                    e[3] += 1;
                    println!("missed {}: {term} {}", t.file, w.join(" | "));
                }
                (None, None) => {}
            }
        }
    }
    let kommuner: std::collections::BTreeSet<_> =
        texts.iter().filter_map(|t| t.want.get("kommun")).collect();
    println!(
        "\n{} texts, {} kommuner\n\n| term | stated | right | wrong | invented | missed | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|---:|",
        texts.len(),
        kommuner.len()
    );
    for (k, [r, w, i, m]) in &score {
        let p = f64::from(*r) / f64::from((r + w + i).max(1));
        let rc = f64::from(*r) / f64::from((r + w + m).max(1));
        println!(
            "| {k} | {} | {r} | {w} | {i} | {m} | {p:.2} | {rc:.2} |",
            r + w + m
        );
    }
    for b in &bad {
        println!("WRONG {b}");
    }
    assert!(
        texts.len() >= 60 && kommuner.len() >= 40,
        "the corpus is at least 60 texts from 40 kommuner"
    );
    assert!(
        bad.is_empty(),
        "{} wrong or invented:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
