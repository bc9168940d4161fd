//! The layout that shows the design, kept so: no module of `iop-core` imports one that imports
//! it back (the data types sit below the questions asked of them), and no source file holds more
//! than 600 lines of code (the built-in agreements, a data table, aside).

// Test code states its expectations by unwrapping and indexing; a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file belongs to (`funding` for `src/funding.rs`, `scenario` for
/// `src/scenario/read.rs`); `None` for `lib.rs`.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib").then_some(name)
}

/// Every top-level module each module names as `crate::X`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let Some(module) = module_of(&f) else {
            continue;
        };
        if f.ends_with("tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        // Code only: not unit tests (which use the built-in agreements as fixtures), not
        // comments (a doc link is not an import).
        let code: String = text
            .split("#[cfg(test)]\nmod tests {")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let text = code;
        let entry = graph.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module && name.chars().all(|c| !c.is_uppercase()) {
                entry.insert(name);
            }
        }
    }
    graph
}

/// A path of imports from `from` back to `to`, if there is one.
fn path_back(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if from == to {
        return Some(vec![to.to_string()]);
    }
    if !seen.insert(from.to_string()) {
        return None;
    }
    for next in graph.get(from).into_iter().flatten() {
        if let Some(mut p) = path_back(graph, next, to, seen) {
            p.insert(0, from.to_string());
            return Some(p);
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.contains_key("agreement") && graph.contains_key("funding"));
    let mut circles = Vec::new();
    for (module, deps) in &graph {
        for d in deps {
            if let Some(p) = path_back(&graph, d, module, &mut BTreeSet::new()) {
                circles.push(format!("{module} -> {}", p.join(" -> ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_checker_finds_a_circle() {
    // The check above can fail: a made-up graph with a circle is caught.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("agreement".into())
        .or_default()
        .insert("funding".into());
    g.entry("funding".into())
        .or_default()
        .insert("agreement".into());
    assert!(path_back(&g, "funding", "agreement", &mut BTreeSet::new()).is_some());
}

/// Lines that are neither blank nor only a comment.
fn lines_of_code(text: &str) -> usize {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count()
}

#[test]
fn no_source_file_over_600_lines_of_code() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut over = Vec::new();
    for f in files {
        // The built-in agreements are a data table: every figure with its source.
        if f.ends_with("presets.rs") {
            continue;
        }
        let n = lines_of_code(&fs::read_to_string(&f).unwrap());
        if n > 600 {
            over.push(format!("{}: {n}", f.display()));
        }
    }
    assert!(
        over.is_empty(),
        "files over 600 lines of code:\n{}",
        over.join("\n")
    );
}
