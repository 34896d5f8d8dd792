//! Which files a folder contributes: drafts by extension, minus what `.gitignore` and
//! `.ignore` exclude and hidden files and folders; files named on the command line always.

use super::*;

fn walked(s: &Scratch, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    let o = s.run(&all);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    json(&o)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn gitignore_ignore_hidden_and_extensions() {
    let s = Scratch::new("walk");
    s.write("drafts/.gitignore", "scratch/\n*.bak.md\n");
    s.write("drafts/.ignore", "embargoed.md\n");
    s.write("drafts/story.md", "Story.\n");
    s.write("drafts/notes.txt", "Notes.\n");
    s.write("drafts/long.markdown", "Long read.\n");
    s.write("drafts/SHOUT.MD", "Upper-case extension.\n");
    s.write("drafts/old.bak.md", "Ignored by pattern.\n");
    s.write("drafts/embargoed.md", "Ignored by .ignore.\n");
    s.write("drafts/scratch/idea.md", "Ignored folder.\n");
    s.write("drafts/.hidden.md", "Hidden file.\n");
    s.write("drafts/.private/secret.md", "Hidden folder.\n");
    s.write("drafts/photo.jpg", "not a draft");
    s.write("drafts/page.html", "<p>not a draft</p>");
    s.write("drafts/sub/deeper.md", "Nested.\n");
    assert_eq!(
        walked(&s, &["drafts"]),
        [
            "drafts/SHOUT.MD",
            "drafts/long.markdown",
            "drafts/notes.txt",
            "drafts/story.md",
            "drafts/sub/deeper.md"
        ]
    );
    // Named on the command line, a file is checked whatever the ignore files say.
    assert_eq!(
        walked(&s, &["drafts/.hidden.md", "drafts/embargoed.md"]),
        ["drafts/.hidden.md", "drafts/embargoed.md"]
    );
}

#[test]
fn an_empty_folder_is_not_an_error_but_says_so() {
    let s = Scratch::new("walk-empty");
    s.write("drafts/readme.rst", "nothing for copydesk");
    let o = s.run(&["check", "drafts"]);
    assert_eq!(code(&o), 0);
    assert!(stderr(&o).contains("no drafts"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "checked 0 drafts: nothing to query\n");
}
