//! The README's first command, `copydesk check examples/drafts`: the example folder parses
//! (its copydesk.toml and entity registry) and the rule that is stable today fires exactly
//! where the drafts put a stray quotation mark — and not on the quotation that runs over
//! two paragraphs.

use super::*;

#[test]
fn the_example_drafts() {
    let o = run(&["check", "--format", "json", "examples/drafts"]);
    assert_ne!(code(&o), 2, "{}", stderr(&o));
    let v = json(&o);
    let unbalanced: Vec<(String, u64, u64)> = places(&v)
        .into_iter()
        .filter(|(_, rule, ..)| rule == "quote/unbalanced")
        .map(|(p, _, l, c)| (p, l, c))
        .collect();
    assert_eq!(
        unbalanced,
        [
            ("examples/drafts/barrier-inquiry.txt".to_string(), 34, 59),
            ("examples/drafts/flood-barrier.md".to_string(), 51, 1),
        ]
    );
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "examples/drafts/barrier-inquiry.txt",
            "examples/drafts/flood-barrier.md"
        ]
    );
}
