//! Suppression comments, end to end, in Markdown and plain text.

use super::*;

fn flagged_lines(name: &str, file: &str, text: &str) -> Vec<u64> {
    let s = Scratch::new(name);
    s.write("copydesk.toml", ONLY_UNBALANCED);
    s.write(file, text);
    let o = s.run(&["check", "--format", "json", "--fail-on", "never", file]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    places(&json(&o)).into_iter().map(|(_, _, l, _)| l).collect()
}

const DRAFT: &str = "\
Line one has a “stray mark.

<!-- copydesk-disable-next-line quote/unbalanced -->
Line four has a “stray mark.

<!-- copydesk-disable-next-line claim/hedge -->
Line seven has a “stray mark, but another rule is silenced.

<!-- copydesk-disable -->
Line ten has a “stray mark.

Line twelve has a “stray mark.
<!-- copydesk-enable -->

Line fifteen has a “stray mark.

<!-- copydesk-disable quote/unbalanced -->
Line eighteen has a “stray mark, to the end of the draft.
";

#[test]
fn markdown_comments() {
    assert_eq!(flagged_lines("suppress-md", "draft.md", DRAFT), [1, 7, 15]);
}

#[test]
fn the_same_comments_in_plain_text() {
    assert_eq!(flagged_lines("suppress-txt", "draft.txt", DRAFT), [1, 7, 15]);
}

#[test]
fn an_unknown_rule_in_a_comment_is_pointed_out() {
    let s = Scratch::new("suppress-unknown");
    s.write("copydesk.toml", ONLY_UNBALANCED);
    s.write(
        "draft.md",
        "Fine.\n\n<!-- copydesk-disable-next-line quote/unbalance -->\nShe said “no.\n",
    );
    let o = s.run(&["check", "draft.md"]);
    assert_eq!(code(&o), 1, "the misspelt comment silences nothing");
    let err = stderr(&o);
    assert!(err.contains("draft.md:3") && err.contains("`quote/unbalance`"), "{err}");
}
