//! Name variants end to end: `copydesk check` and `copydesk entities` on drafts written for
//! these tests (tests/fixtures/names): two drafts on one story that spell two names two
//! ways, a third, unrelated story with similar names that must not be flagged, and a draft
//! that misspells a name once.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names")
}

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("copydesk runs");
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// (file, flagged text, related paths, message) of every name/variant finding.
fn variants(report: &Value) -> Vec<(String, String, Vec<String>, String)> {
    let mut out = Vec::new();
    for f in report["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        let name = path.rsplit('/').next().unwrap().to_string();
        for x in f["findings"].as_array().unwrap() {
            if x["rule"] != "name/variant" {
                continue;
            }
            let related = x["related"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
                .collect();
            out.push((
                name.clone(),
                x["text"].as_str().unwrap().to_string(),
                related,
                x["message"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn a_variant_across_two_drafts_of_one_story_is_flagged_and_an_unrelated_story_is_not() {
    let report = run(&["check", "--format", "json", "--fail-on", "never", "folder"]);
    let found = variants(&report);
    let brief: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
    assert_eq!(
        brief,
        vec![
            ("harbour-reaction.txt", "Vantoren"),
            ("harbour-reaction.txt", "Brandsteater")
        ],
        "{found:#?}"
    );
    for f in &found {
        assert!(f.2.iter().all(|p| p == "harbour-deal.txt"), "{f:?}");
        assert!(!f.2.is_empty());
    }
    assert!(
        found[0]
            .3
            .starts_with("“Vantoren” differs from “Vantorren” (2 mentions, 1 file)"),
        "{}",
        found[0].3
    );
    assert!(
        found[1].3.starts_with("“Brandsteater” differs from “Brandstaetter”"),
        "{}",
        found[1].3
    );
}

#[test]
fn each_draft_alone_is_clean() {
    for draft in [
        "folder/harbour-deal.txt",
        "folder/harbour-reaction.txt",
        "folder/rowing-club.txt",
    ] {
        let report = run(&["check", "--format", "json", "--fail-on", "never", draft]);
        assert!(variants(&report).is_empty(), "{draft}: {:?}", variants(&report));
    }
}

#[test]
fn a_name_misspelt_once_in_a_draft() {
    let report = run(&["check", "--format", "json", "--fail-on", "never", "within.txt"]);
    let found = variants(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Achterburg");
    assert_eq!(found[0].2, vec!["within.txt", "within.txt"]);
    assert!(
        found[0].3.contains("“Achterberg” (2 mentions in this draft)"),
        "{}",
        found[0].3
    );
}

#[test]
fn entities_lists_who_is_who_with_titles_and_spellings() {
    let report = run(&["entities", "--format", "json", "folder"]);
    let entities = report["entities"].as_array().unwrap();
    let card = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {entities:#?}"))
    };
    let ilse = card("Ilse Vantorren");
    assert_eq!(ilse["kind"], "person");
    assert_eq!(ilse["mentions"], 3);
    assert_eq!(ilse["roles"][0]["text"], "Harbour master");
    let spellings: Vec<(&str, bool)> = ilse["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["canonical"].as_bool().unwrap()))
        .collect();
    assert_eq!(spellings, vec![("Vantoren", false), ("Vantorren", true)]);
    let aurelio = card("Aurelio Brandstaetter");
    assert_eq!(aurelio["roles"][0]["text"], "Kessrow's chief executive");
    assert_eq!(aurelio["paths"].as_array().unwrap().len(), 2);
    // The rowing club's captain is someone else.
    let tomas = card("Tomas Vantorre");
    assert_eq!(tomas["mentions"], 2);
    assert_eq!(tomas["roles"][0]["text"], "Club captain");
}

#[test]
fn entities_prints_a_table() {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["entities", "folder"])
        .current_dir(fixtures())
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let header = table.lines().next().unwrap();
    assert!(
        header.starts_with("NAME") && header.contains("TITLES AND ROLES"),
        "{table}"
    );
    let row = table
        .lines()
        .find(|l| l.starts_with("Ilse Vantorren"))
        .expect("a row for Ilse Vantorren");
    assert!(row.contains("Harbour master") && row.contains("≠ Vantoren"), "{row}");
}
