//! End-to-end tests of the `copydesk` binary: exit codes, every output format, bad input,
//! configuration errors, suppression comments, the walk and `explain`.
//!
//! The fixtures under `tests/fixtures/check` switch every rule off but `quote/unbalanced`,
//! so these tests hold while the other analysers grow. One test binary (this folder) keeps
//! link time down.

mod bad_input;
mod config;
mod examples;
mod exit_codes;
mod explain;
mod formats;
mod suppress;
mod walk;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// The crate's root: tests run the binary from there, so reported paths are stable.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run `copydesk ARGS…` in `dir` with colour and the user's settings out of the way.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the copydesk binary runs")
}

/// Run `copydesk ARGS…` from the crate's root.
pub fn run(args: &[&str]) -> Output {
    run_in(root(), args)
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(o)))
}

/// The configuration of the fixtures: every rule off but `quote/unbalanced`.
pub const ONLY_UNBALANCED: &str = "[rules]\n\"quote/unattributed\" = \"off\"\n\"name/variant\" = \"off\"\n\
    \"claim/hedge\" = \"off\"\n\"claim/weasel\" = \"off\"\n\"claim/vague-source\" = \"off\"\n\
    \"claim/unsourced-figure\" = \"off\"\n";

/// A scratch folder of its own for one test, removed when dropped. It holds a `.git`
/// folder so configuration discovery stops there, and lives outside this repository so
/// the repository's `.gitignore` does not apply to it.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("copydesk-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join(".git")).unwrap();
        Scratch { path }
    }

    /// Write a file (creating folders) and return its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_in(&self.path, args)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Compare with a snapshot under `tests/fixtures/expected`; `UPDATE_SNAPSHOTS=1` rewrites it.
pub fn snapshot(name: &str, actual: &str) {
    let path = root().join("tests/fixtures/expected").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it", path.display()));
    assert_eq!(
        actual,
        expected,
        "output differs from {}; if the change is intended, run with UPDATE_SNAPSHOTS=1",
        path.display()
    );
}

/// Replace each finding's message by `MESSAGE`, so snapshots test layout and places, not
/// wording that the rules' authors refine.
pub fn without_messages(out: &str, messages: &[String]) -> String {
    let mut out = out.to_string();
    for m in messages {
        out = out.replace(m.as_str(), "MESSAGE");
    }
    out
}

/// The distinct messages of a JSON report.
pub fn messages(report: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .map(|x| x["message"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out.dedup();
    // Longest first, so a message that contains another is replaced whole.
    out.sort_by_key(|m| std::cmp::Reverse(m.len()));
    out
}

/// Every finding of a JSON report as (path, rule, line, column).
pub fn places(report: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            f["findings"].as_array().unwrap().iter().map(move |x| {
                (
                    path.clone(),
                    x["rule"].as_str().unwrap().to_string(),
                    x["line"].as_u64().unwrap(),
                    x["column"].as_u64().unwrap(),
                )
            })
        })
        .collect()
}
