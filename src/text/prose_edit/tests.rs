//! The shortcut against a full parse: whenever it answers, it must answer exactly what
//! parsing the edited draft gives.

use proptest::prelude::*;

use super::*;
use crate::text::DocKind;
use crate::text::prose::extract;

/// A draft with every kind of Markdown the extraction treats specially.
const DRAFT: &str = "---\ntitle: x\n---\n\n# The Minister resigns\n\nThe minister, Ana Lopez, said on Tuesday that \
she would go. Critics say *the plan* is late and `code here` is not prose.\n\n\
Visit www.example.com or https://example.org/a for more, and read [the full report](http://x.y/z) now.\n\n\
- first item with words\n- second item, 12 percent\n\n1. ordered one\n2. ordered two\n\n\
> A quoted paragraph with words in it.\n\n    indented code line\n\n```\nfenced code\n```\n\n\
| Name | Role |\n|------|------|\n| Ana Lopez | minister |\n\n<div>\nhtml block words\n</div>\n\n\
Title in setext\n===============\n\nLast paragraph of words  \nwith a hard break, and ~~struck~~ words.\n";

fn parsed(text: &str) -> Prose<'_> {
    extract(text, DocKind::Markdown)
}

fn same(a: &Prose<'_>, b: &Prose<'_>) -> bool {
    a.masked == b.masked && a.blocks == b.blocks && a.links == b.links && a.footnotes == b.footnotes
}

/// Applies an edit at byte `at` (moved to a character boundary): delete `remove` bytes'
/// worth of characters, then insert `insert`.
fn edited(text: &str, at: usize, remove: usize, insert: &str) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + remove).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{}{}", &text[..at], insert, &text[end..])
}

#[test]
fn typing_a_letter_into_a_word_of_prose_is_taken_without_parsing() {
    let kept = KeptProse::new(DRAFT, parsed(DRAFT));
    let at = DRAFT.find("Tuesday").unwrap();
    let new = edited(DRAFT, at, 0, "x");
    let fast = kept.after_edit(&new).expect("a letter in a word of prose is inert");
    assert!(same(&fast, &parsed(&new)));
    // A word added at the end of a paragraph lengthens it.
    let at = DRAFT.find("words.\n").unwrap() + "words.".len();
    let new = edited(DRAFT, at, 0, " more");
    let kept_after_space = KeptProse::new(&edited(DRAFT, at, 0, " "), parsed(&edited(DRAFT, at, 0, " ")));
    let fast = kept_after_space.after_edit(&new).expect("a word after the last one");
    assert!(same(&fast, &parsed(&new)));
}

#[test]
fn edits_that_can_change_the_markdown_are_parsed_again() {
    let kept = KeptProse::new(DRAFT, parsed(DRAFT));
    let at = DRAFT.find("Tuesday").unwrap();
    for insert in ["*", "_", "`", "[", "]", "\n", "<", "&", "\\", "|", "#", ":", "/"] {
        assert!(kept.after_edit(&edited(DRAFT, at, 0, insert)).is_none(), "{insert:?}");
    }
    // Inside code, an address or a link destination.
    for word in ["here`", "www.example.com", "example.org", "x.y"] {
        let at = DRAFT.find(word).unwrap() + 1;
        assert!(kept.after_edit(&edited(DRAFT, at, 0, "q")).is_none(), "{word}");
    }
    // After a list item's marker, as at a line's start: "2. ordered" → "2. - ordered" nests
    // a list.
    let at = DRAFT.find("ordered two").unwrap();
    assert!(kept.after_edit(&edited(DRAFT, at, 0, "- ")).is_none());
    // A new word between two spaces inside code is code.
    let spaced = "Text with `a  b` code.\n";
    let kept_spaced = KeptProse::new(spaced, parsed(spaced));
    let in_code = edited(spaced, spaced.find("a  b").unwrap() + 2, 0, "q");
    assert!(!parsed(&in_code).masked.contains('q'));
    assert!(kept_spaced.after_edit(&in_code).is_none());
    // A letter that makes a word an address ("ww.example" → "www.example").
    let near = "Visit ww.example today.\n";
    let kept_near = KeptProse::new(near, parsed(near));
    let address = edited(near, near.find("ww.").unwrap(), 0, "w");
    assert!(!parsed(&address).masked.contains("www"));
    assert!(kept_near.after_edit(&address).is_none());
    // A digit opening a line could open a list: "A. Smith" → "1. Smith".
    let initial = "Intro.\n\nA. Smith said so.\n";
    let kept_initial = KeptProse::new(initial, parsed(initial));
    let list = edited(initial, initial.find("A.").unwrap(), 1, "1");
    assert_eq!(parsed(&list).blocks[1].kind, crate::text::prose::BlockKind::ListItem);
    assert!(kept_initial.after_edit(&list).is_none());
    // A lone carriage return ends a line too: a word after it opens that line.
    let returned = "Intro.\r\n\r Ab1. ordered one\r\n";
    let kept_returned = KeptProse::new(returned, parsed(returned));
    let opened = edited(returned, returned.find("Ab").unwrap(), 2, "");
    assert_eq!(parsed(&opened).blocks[1].kind, crate::text::prose::BlockKind::ListItem);
    assert!(kept_returned.after_edit(&opened).is_none());
    // A draft with a link reference definition is always parsed again.
    let with_refs = format!("{DRAFT}\n[the full report]: http://x.y\n");
    let kept = KeptProse::new(&with_refs, parsed(&with_refs));
    let at = with_refs.find("Tuesday").unwrap();
    assert!(kept.after_edit(&edited(&with_refs, at, 0, "x")).is_none());
}

/// Characters to type: mostly letters and spaces, with Markdown's punctuation mixed in.
fn typed() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "e", "Z", "é", "’", " ", " ", "-", ".", ",", "1", "*", "_", "`", "[", "]", "(", ")", "\n", "#", ">",
            "<", "&", ":", "/", "w", "|", "!", "\"", "“", "~", "\t", "=", "+", "\r\n",
        ]),
        0..4,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Random edits anywhere in the draft: the shortcut, when it answers, agrees with a
    /// full parse; and edits go on from the shortcut's own answer, as in an editor.
    #[test]
    fn the_shortcut_always_agrees_with_a_full_parse(
        windows in any::<bool>(),
        edits in prop::collection::vec((0..DRAFT.len() + 8, 0usize..4, typed()), 1..6)
    ) {
        let mut text = if windows { DRAFT.replace('\n', "\r\n") } else { DRAFT.to_string() };
        let mut kept = KeptProse::new(&text, parsed(&text));
        for (at, remove, insert) in edits {
            let new = edited(&text, at, remove, &insert);
            let full = parsed(&new);
            match kept.after_edit(&new) {
                Some(fast) => {
                    prop_assert!(same(&fast, &full), "edit {:?} at {} (removing {}):\n{:?}\n{:?}", insert, at, remove, fast, full);
                    kept = KeptProse::new(&new, fast);
                }
                None => kept = KeptProse::new(&new, full),
            }
            text = new;
        }
    }
}

/// Every position of the draft, with each of a few keystrokes (a letter typed, a space,
/// a digit, one character deleted): the shortcut must agree with a full parse each time
/// it answers, and must answer for most keystrokes in running prose.
#[test]
fn every_keystroke_in_the_draft_agrees_with_a_full_parse() {
    // The draft as written, with Windows line ends, and with a byte-order mark.
    let crlf = DRAFT.replace('\n', "\r\n");
    let bom = format!("\u{feff}{DRAFT}");
    for draft in [DRAFT, &crlf, &bom] {
        let kept = KeptProse::new(draft, parsed(draft));
        let mut answered = 0;
        let mut tried = 0;
        for at in (0..=draft.len()).filter(|&i| draft.is_char_boundary(i)) {
            for (remove, insert) in [(0, "x"), (0, " "), (0, "7"), (0, "é"), (1, ""), (1, "o")] {
                let new = edited(draft, at, remove, insert);
                tried += 1;
                if let Some(fast) = kept.after_edit(&new) {
                    answered += 1;
                    let full = parsed(&new);
                    assert!(same(&fast, &full), "{insert:?} at {at} (removing {remove})");
                }
            }
        }
        // Most of the draft is running prose; a shortcut that never answered would be no use.
        assert!(answered * 3 > tried, "answered {answered} of {tried}");
    }
}
