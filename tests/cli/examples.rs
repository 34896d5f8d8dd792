//! The README's first command, `copydesk check examples/drafts`: the example folder parses
//! (its copydesk.toml and entity registry) and every rule fires exactly where
//! examples/README.md says it does — and nowhere else, so the drafts' quiet cases (a
//! quotation over two paragraphs, two people who share a surname, a named report, a
//! suppressed hedge) stay quiet.

use super::*;

#[test]
fn the_example_drafts() {
    let o = run(&["check", "--format", "json", "examples/drafts"]);
    assert_eq!(code(&o), 1, "findings, no errors: {}", stderr(&o));
    let found: Vec<(String, String, u64)> = places(&json(&o))
        .into_iter()
        .map(|(path, rule, line, _)| (path.trim_start_matches("examples/drafts/").to_string(), rule, line))
        .collect();
    let expected = [
        ("barrier-inquiry.txt", "name/variant", 6),
        ("barrier-inquiry.txt", "name/variant", 13),
        ("barrier-inquiry.txt", "claim/hedge", 19),
        ("barrier-inquiry.txt", "claim/hedge", 19),
        ("barrier-inquiry.txt", "claim/weasel", 23),
        ("barrier-inquiry.txt", "claim/vague-source", 27),
        ("barrier-inquiry.txt", "claim/unsourced-figure", 29),
        ("barrier-inquiry.txt", "quote/unbalanced", 36),
        ("flood-barrier.md", "quote/unattributed", 22),
        ("flood-barrier.md", "claim/hedge", 28),
        ("flood-barrier.md", "claim/weasel", 36),
        ("flood-barrier.md", "claim/vague-source", 42),
        ("flood-barrier.md", "claim/unsourced-figure", 47),
        ("flood-barrier.md", "quote/unbalanced", 53),
    ]
    .map(|(p, r, l)| (p.to_string(), r.to_string(), l));
    assert_eq!(found, expected);
}
