//! `copydesk explain`.

use super::*;

const IDS: [&str; 7] = [
    "quote/unattributed",
    "quote/unbalanced",
    "name/variant",
    "claim/hedge",
    "claim/weasel",
    "claim/vague-source",
    "claim/unsourced-figure",
];

#[test]
fn each_rule_is_explained() {
    for id in IDS {
        let o = run(&["explain", id]);
        assert_eq!(code(&o), 0, "{id}");
        let out = stdout(&o);
        assert!(out.starts_with(&format!("{id} (default severity: ")), "{out}");
        for section in [
            "Flagged:\n    ",
            "Accepted:\n    ",
            "[rules]",
            "copydesk-disable-next-line",
        ] {
            assert!(out.contains(section), "{id} lacks {section:?}");
        }
        assert!(out.lines().all(|l| l.chars().count() <= 88), "{id} is wrapped");
    }
}

#[test]
fn unknown_rule_lists_the_rules_and_exits_two() {
    let o = run(&["explain", "quote/unatributed"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains("no rule `quote/unatributed`"), "{err}");
    for id in IDS {
        assert!(err.contains(id), "{id} listed");
    }
}

#[test]
fn without_a_rule_lists_them() {
    let o = run(&["explain"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), IDS.len());
    assert!(out.contains("quote/unbalanced        warning"), "{out}");
}
