//! A broken `copydesk.toml` stops the run with exit 2 and a message that names the file,
//! the line and the key; a good one is found beside the drafts or given with `--config`.

use super::*;

/// Check a draft beside `config`; the exit code and stderr.
fn with_config(name: &str, config: &str) -> (i32, String) {
    let s = Scratch::new(name);
    s.write("drafts/copydesk.toml", config);
    s.write("drafts/a.md", "The mayor said it was “not over.\n");
    let o = s.run(&["check", "drafts"]);
    assert!(
        stdout(&o).is_empty(),
        "no report from a broken configuration: {}",
        stdout(&o)
    );
    (code(&o), stderr(&o))
}

#[test]
fn unknown_key() {
    let (code, err) = with_config("cfg-unknown", "[quotes]\nmin_words = 4\nmax_words = 9\n");
    assert_eq!(code, 2);
    assert!(err.starts_with("copydesk: drafts/copydesk.toml:3:1: "), "{err}");
    assert!(err.contains("max_words"), "{err}");
}

#[test]
fn unknown_top_level_key() {
    let (code, err) = with_config("cfg-unknown-top", "max_file_byte = 10\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("drafts/copydesk.toml:1:1: ") && err.contains("max_file_byte"),
        "{err}"
    );
}

#[test]
fn wrong_type() {
    let (code, err) = with_config("cfg-type", "# sizes\n\n[quotes]\nmin_words = \"four\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("drafts/copydesk.toml:4:13: "), "{err}");
    assert!(err.contains("quotes.min_words"), "{err}");
}

#[test]
fn unknown_rule_and_bad_level() {
    let (code, err) = with_config(
        "cfg-rule",
        "[rules]\n\"quote/unbalanced\" = \"warning\"\n\"claim/hedges\" = \"off\"\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("drafts/copydesk.toml:3:1: ") && err.contains("claim/hedges"),
        "{err}"
    );
    assert!(err.contains("claim/hedge,"), "the message lists the real ids: {err}");
    let (code, err) = with_config("cfg-level", "[rules]\n\"quote/unbalanced\" = \"loud\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("drafts/copydesk.toml:2:") && err.contains("loud"), "{err}");
}

#[test]
fn missing_registry() {
    let (code, err) = with_config("cfg-registry", "[names]\nentities = [\"people.toml\"]\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("drafts/copydesk.toml:2:") && err.contains("people.toml"),
        "{err}"
    );
}

#[test]
fn broken_registry_names_its_own_file() {
    let s = Scratch::new("cfg-registry-broken");
    s.write("drafts/copydesk.toml", "[names]\nentities = [\"people.toml\"]\n");
    s.write(
        "drafts/people.toml",
        "[[entity]]\nname = \"Ana Petrova\"\nkind = \"persn\"\n",
    );
    s.write("drafts/a.md", "Fine.\n");
    let o = s.run(&["check", "drafts"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("drafts/people.toml:3:") && err.contains("entity[0].kind"),
        "{err}"
    );
}

#[test]
fn toml_syntax_error() {
    let (code, err) = with_config("cfg-syntax", "[rules\n");
    assert_eq!(code, 2);
    assert!(err.contains("drafts/copydesk.toml:1:"), "{err}");
}

#[test]
fn explicit_config_file() {
    let s = Scratch::new("cfg-explicit");
    s.write(
        "elsewhere/strict.toml",
        ONLY_UNBALANCED.to_string() + "\"quote/unbalanced\" = \"error\"\n",
    );
    s.write("drafts/a.md", "The mayor said it was “not over.\n");
    let o = s.run(&[
        "check",
        "--format",
        "json",
        "--config",
        "elsewhere/strict.toml",
        "drafts",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(json(&o)["summary"]["error"], 1);

    let o = s.run(&["check", "--config", "elsewhere/missing.toml", "drafts"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("elsewhere/missing.toml"), "{}", stderr(&o));
}

#[test]
fn nearest_config_wins_per_folder() {
    let s = Scratch::new("cfg-nearest");
    s.write("copydesk.toml", ONLY_UNBALANCED);
    s.write(
        "quiet/copydesk.toml",
        ONLY_UNBALANCED.to_string() + "\"quote/unbalanced\" = \"off\"\n",
    );
    s.write("loud/a.md", "She said “no.\n");
    s.write("quiet/a.md", "She said “no.\n");
    s.write("quiet/deeper/b.md", "She said “no.\n");
    let v = json(&s.run(&["check", "--format", "json", "."]));
    let flagged: Vec<String> = places(&v).into_iter().map(|(p, ..)| p).collect();
    assert_eq!(flagged, ["./loud/a.md"]);
}
