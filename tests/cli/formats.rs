//! Each output format over the same fixtures: the human report and GitHub commands as
//! snapshots (messages masked), the JSON contract field by field, SARIF's structure.

use serde_json::Value;

use super::*;

const FIXTURES: &str = "tests/fixtures/check";

fn report_json() -> Value {
    let o = run(&["check", "--format", "json", FIXTURES]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    json(&o)
}

/// Where the fixtures' unbalanced quotes are: (path, line, column).
const EXPECTED: [(&str, u64, u64); 3] = [
    ("tests/fixtures/check/a.md", 5, 1),
    ("tests/fixtures/check/a.md", 16, 61),
    ("tests/fixtures/check/b.txt", 3, 53),
];

#[test]
fn human_snapshot() {
    let messages = messages(&report_json());
    let o = run(&["check", FIXTURES]);
    assert_eq!(code(&o), 1);
    snapshot("check.human.txt", &without_messages(&stdout(&o), &messages));
}

#[test]
fn human_has_no_colour_when_piped() {
    let o = run(&["check", FIXTURES]);
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn github_snapshot_one_command_per_finding() {
    let messages = messages(&report_json());
    let o = run(&["check", "--format", "github", FIXTURES]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), EXPECTED.len());
    assert!(
        out.lines()
            .all(|l| l.starts_with("::warning file=tests/fixtures/check/"))
    );
    snapshot("check.github.txt", &without_messages(&out, &messages));
}

#[test]
fn json_is_the_contract() {
    let v = report_json();
    assert_eq!(v["version"], 1);
    assert_eq!(sorted_keys(&v), ["files", "summary", "version"]);

    let files = v["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "tests/fixtures/check/a.md",
            "tests/fixtures/check/b.txt",
            "tests/fixtures/check/clean.md"
        ]
    );
    let got: Vec<(String, u64, u64)> = places(&v).into_iter().map(|(p, _, l, c)| (p, l, c)).collect();
    let want: Vec<(String, u64, u64)> = EXPECTED.iter().map(|&(p, l, c)| (p.to_string(), l, c)).collect();
    assert_eq!(got, want);

    let a = std::fs::read(root().join("tests/fixtures/check/a.md")).unwrap();
    for f in files {
        for x in f["findings"].as_array().unwrap() {
            assert_eq!(
                sorted_keys(x),
                [
                    "column",
                    "end_byte",
                    "end_column",
                    "end_line",
                    "line",
                    "message",
                    "related",
                    "rule",
                    "severity",
                    "start_byte",
                    "text"
                ]
            );
            assert_eq!(x["rule"], "quote/unbalanced");
            assert_eq!(x["severity"], "warning");
            assert_eq!(x["text"], "“");
            assert_eq!(x["end_line"], x["line"]);
            assert_eq!(x["end_column"].as_u64().unwrap(), x["column"].as_u64().unwrap() + 1);
            assert!(x["related"].as_array().unwrap().is_empty());
            assert!(!x["message"].as_str().unwrap().is_empty());
            if f["path"] == "tests/fixtures/check/a.md" {
                // Byte offsets index the file as stored.
                let (s, e) = (
                    x["start_byte"].as_u64().unwrap() as usize,
                    x["end_byte"].as_u64().unwrap() as usize,
                );
                assert_eq!(&a[s..e], "“".as_bytes());
            }
        }
    }
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 3, "findings": 3, "error": 0, "warning": 3, "info": 0, "hint": 0})
    );
}

#[test]
fn sarif_2_1_0_structure() {
    let o = run(&["check", "--format", "sarif", FIXTURES]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "quote/unattributed",
            "quote/unbalanced",
            "name/variant",
            "claim/hedge",
            "claim/weasel",
            "claim/vague-source",
            "claim/unsourced-figure"
        ]
    );
    for r in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(!r[field]["text"].as_str().unwrap().is_empty(), "{field} of {}", r["id"]);
        }
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), EXPECTED.len());
    for (r, &(path, line, col)) in results.iter().zip(EXPECTED.iter()) {
        assert_eq!(r["ruleId"], "quote/unbalanced");
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert_eq!(r["level"], "warning");
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], path);
        assert_eq!(loc["region"]["startLine"], line);
        assert_eq!(loc["region"]["startColumn"], col);
        assert_eq!(loc["region"]["endLine"], line);
        assert_eq!(loc["region"]["endColumn"], col + 1);
    }
}

#[test]
fn sarif_levels_for_info_and_hint_are_notes() {
    let s = Scratch::new("sarif-levels");
    s.write(
        "hint/copydesk.toml",
        ONLY_UNBALANCED.to_string() + "\"quote/unbalanced\" = \"hint\"\n",
    );
    s.write("hint/a.md", "She said “no.\n");
    s.write(
        "error/copydesk.toml",
        ONLY_UNBALANCED.to_string() + "\"quote/unbalanced\" = \"error\"\n",
    );
    s.write("error/a.md", "She said “no.\n");
    let v = json(&s.run(&["check", "--format", "sarif", "."]));
    let levels: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "note"]);
    let gh = stdout(&s.run(&["check", "--format", "github", "."]));
    assert!(gh.starts_with("::error file=./error/a.md,"), "{gh}");
    assert!(gh.contains("\n::notice file=./hint/a.md,"), "{gh}");
}

#[test]
fn github_escapes_commas_and_colons_in_file_names() {
    let s = Scratch::new("github-escape");
    s.write("copydesk.toml", ONLY_UNBALANCED);
    s.write("drafts/q1, 2024: budget.md", "The minister said it was “final.\n");
    let o = s.run(&["check", "--format", "github", "drafts"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.starts_with("::warning file=drafts/q1%2C 2024%3A budget.md,line=1,col=26,endLine=1,endColumn=27,title=quote/unbalanced::"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn two_runs_give_the_same_output() {
    for format in ["human", "json", "sarif", "github"] {
        let args = ["check", "--format", format, FIXTURES, "examples/drafts"];
        let a = run(&args);
        let b = run(&args);
        assert_eq!(stdout(&a), stdout(&b), "{format}");
        assert_eq!(stderr(&a), stderr(&b), "{format}");
        assert_eq!(code(&a), code(&b));
    }
}

#[test]
fn paths_are_as_given_joined_with_the_walk() {
    let v = json(&run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/check/",
        "tests/fixtures/check/a.md",
    ]));
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // The named file and the walked one are the same draft: reported once.
    assert_eq!(
        paths,
        [
            "tests/fixtures/check/a.md",
            "tests/fixtures/check/b.txt",
            "tests/fixtures/check/clean.md"
        ]
    );
}

fn sorted_keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    keys
}
