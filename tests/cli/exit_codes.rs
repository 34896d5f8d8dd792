//! Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 usage,
//! configuration or I/O errors.

use super::*;

/// One draft with one unbalanced quote, reported at `level`; the exit code for each
/// `--fail-on` value, in the order error, warning, info, hint, never, and with no flag.
fn codes_at(level: &str) -> Vec<i32> {
    let s = Scratch::new(&format!("exit-{level}"));
    let config = ONLY_UNBALANCED.to_string() + &format!("\"quote/unbalanced\" = \"{level}\"\n");
    s.write("copydesk.toml", config);
    s.write("draft.md", "The mayor said it was “not over.\n");
    let mut out: Vec<i32> = ["error", "warning", "info", "hint", "never"]
        .iter()
        .map(|f| code(&s.run(&["check", "--fail-on", f, "draft.md"])))
        .collect();
    out.push(code(&s.run(&["check", "draft.md"])));
    out
}

#[test]
fn fail_on_each_severity() {
    //                                     error warning info hint never (default = warning)
    assert_eq!(codes_at("error"), vec![1, 1, 1, 1, 0, 1]);
    assert_eq!(codes_at("warning"), vec![0, 1, 1, 1, 0, 1]);
    assert_eq!(codes_at("info"), vec![0, 0, 1, 1, 0, 0]);
    assert_eq!(codes_at("hint"), vec![0, 0, 0, 1, 0, 0]);
}

#[test]
fn a_rule_turned_off_reports_nothing() {
    let o = codes_at("off");
    assert_eq!(o, vec![0; 6]);
}

#[test]
fn clean_drafts_exit_zero_with_every_threshold() {
    for f in ["error", "warning", "info", "hint", "never"] {
        let o = run(&["check", "--fail-on", f, "tests/fixtures/check/clean.md"]);
        assert_eq!(code(&o), 0, "--fail-on {f}: {}", stderr(&o));
    }
}

#[test]
fn findings_in_the_fixture_folder_exit_one() {
    let o = run(&["check", "tests/fixtures/check"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "nothing on stderr: {}", stderr(&o));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["check"][..],
        &["check", "--format", "xml", "tests/fixtures/check"],
        &["check", "--fail-on", "sometimes", "tests/fixtures/check"],
        &["frobnicate"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?} explains itself on stderr");
    }
}

#[test]
fn help_and_version_exit_zero() {
    assert_eq!(code(&run(&["--help"])), 0);
    let v = run(&["--version"]);
    assert_eq!(code(&v), 0);
    assert!(stdout(&v).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_missing_path_is_an_error_but_the_rest_is_reported() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/check/no-such-draft.md",
        "tests/fixtures/check/a.md",
    ]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("tests/fixtures/check/no-such-draft.md"),
        "{}",
        stderr(&o)
    );
    assert_eq!(json(&o)["files"][0]["path"], "tests/fixtures/check/a.md");
}

#[test]
fn errors_win_over_findings_and_never() {
    let s = Scratch::new("exit-error-never");
    s.write("bad.txt", b"caf\xe9\n");
    s.write("good.txt", "He said “yes.\n");
    let o = s.run(&["check", "--fail-on", "never", "."]);
    assert_eq!(code(&o), 2);
}
