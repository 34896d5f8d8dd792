use super::*;
use crate::analysis::analyze;
use crate::config::Config;

const STORY: &str = include_str!("../../../examples/drafts/barrier-inquiry.txt");
const MARKDOWN: &str = include_str!("../../../examples/drafts/flood-barrier.md");

/// Everything the analysis found, in a form two analyses can be compared by.
fn everything(a: &Analysis) -> String {
    format!("{a:?}")
}

/// Analyse `text` through `memo` and check that nothing differs from a plain analysis.
fn same_as_plain(text: &str, kind: DocKind, config: &Config, memo: &mut Memo) {
    let plain = analyze(text, kind, config);
    let memoized = analyze_with_memo(text, kind, config, memo);
    assert_eq!(
        everything(&memoized),
        everything(&plain),
        "the memo changed the analysis of:\n{text}"
    );
    // The lower-case words it counts are those of the paragraphs it holds, however it
    // came by them.
    let mut recounted = LowercaseWords::default();
    for (paragraph, scanned) in &memo.paragraphs {
        recounted.add(paragraph, &scanned.segments);
    }
    assert_eq!(memo.lowercase, recounted, "after:\n{text}");
}

/// A small, fixed pseudo-random sequence (xorshift), so the edits are the same every run.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn edits_of_every_kind_give_the_same_analysis_as_analysing_afresh() {
    let config = Config::default();
    for (draft, kind) in [(STORY, DocKind::Text), (MARKDOWN, DocKind::Markdown)] {
        let mut memo = Memo::new();
        let mut text = draft.to_string();
        same_as_plain(&text, kind, &config, &mut memo);
        // What a writer types, deletes and pastes: letters, capitals, quotation marks,
        // paragraph breaks, Markdown, a word that changes a claim or a name.
        let pieces = [
            "e",
            "X",
            " ",
            "“",
            "”",
            "\"",
            "\n\n",
            "\n",
            "# ",
            "> ",
            "- ",
            "reportedly ",
            "Al-Saudani ",
            " said.",
            "According to the report, ",
            "40% ",
            "é",
            "🙂",
            ".",
            "Mr ",
            "|",
            "**",
            "`",
            "[the study](https://example.org) ",
            "Prime|Minister ",
            "<!-- x -->",
        ];
        let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
        for _ in 0..300 {
            let mut at = dice.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if dice.below(3) == 0 && at < text.len() {
                // Delete up to a dozen characters.
                let end = text[at..]
                    .char_indices()
                    .nth(dice.below(12) + 1)
                    .map_or(text.len(), |(i, _)| at + i);
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, pieces[dice.below(pieces.len())]);
            }
            same_as_plain(&text, kind, &config, &mut memo);
        }
    }
}

#[test]
fn paragraphs_moved_repeated_or_removed_give_the_same_analysis() {
    let config = Config::default();
    let mut memo = Memo::new();
    let paragraphs: Vec<&str> = STORY.split("\n\n").collect();
    assert!(paragraphs.len() > 4, "the example draft has paragraphs to move");
    let mut drafts = vec![STORY.to_string()];
    // Swapped, the first repeated at the end, the middle one gone, all but one gone, none.
    let mut swapped = paragraphs.clone();
    swapped.swap(1, 3);
    drafts.push(swapped.join("\n\n"));
    drafts.push(format!("{STORY}\n\n{}", paragraphs[1]));
    let mut fewer = paragraphs.clone();
    fewer.remove(paragraphs.len() / 2);
    drafts.push(fewer.join("\n\n"));
    drafts.push(paragraphs[2].to_string());
    drafts.push(String::new());
    drafts.push(STORY.to_string());
    for draft in &drafts {
        same_as_plain(draft, DocKind::Text, &config, &mut memo);
    }
}

#[test]
fn the_memo_holds_the_paragraphs_of_the_last_draft_and_no_others() {
    let config = Config::default();
    let mut memo = Memo::new();
    analyze_with_memo(
        "First paragraph.\n\nSecond one.\n\nThird.",
        DocKind::Text,
        &config,
        &mut memo,
    );
    assert_eq!(memo.len(), 3);
    analyze_with_memo(
        "First paragraph.\n\nSecond one, edited.",
        DocKind::Text,
        &config,
        &mut memo,
    );
    assert_eq!(memo.len(), 2);
    let kept: Vec<&str> = {
        let mut k: Vec<&str> = memo.paragraphs.iter().map(|(k, _)| &**k).collect();
        k.sort();
        k
    };
    assert_eq!(kept, vec!["First paragraph.", "Second one, edited."]);
    analyze_with_memo("", DocKind::Text, &config, &mut memo);
    assert!(memo.is_empty());
}

#[test]
fn the_same_words_as_a_heading_and_as_a_paragraph_are_not_mixed_up() {
    // A heading is no claim: the scans are the same, the block kind is not, and the
    // analysis must not take one for the other.
    let config = Config::default();
    let mut memo = Memo::new();
    let body = "Many people believe prices rose by 40%.";
    same_as_plain(&format!("{body}\n"), DocKind::Markdown, &config, &mut memo);
    same_as_plain(&format!("# {body}\n"), DocKind::Markdown, &config, &mut memo);
    same_as_plain(&format!("> {body}\n"), DocKind::Markdown, &config, &mut memo);
    // Table cells are blocks of their own, with only a masked bar between them.
    let table = "| Prime|Minister Smith said |according|to the report |\n|---|---|---|\n| a | b | c |\n";
    same_as_plain(table, DocKind::Markdown, &config, &mut memo);
    same_as_plain(&format!("{body}\n"), DocKind::Markdown, &config, &mut memo);
}

#[test]
fn word_lists_changed_by_the_configuration_are_not_read_from_older_scans() {
    let text = "The minister frobnicated the figures.\n\nShe left.";
    let mut memo = Memo::new();
    let plain = Config::default();
    same_as_plain(text, DocKind::Text, &plain, &mut memo);
    let mut extended = Config::default();
    extended.lexicon_additions.hedges.push("frobnicated".to_string());
    same_as_plain(text, DocKind::Text, &extended, &mut memo);
    let found = analyze_with_memo(text, DocKind::Text, &extended, &mut memo);
    assert!(
        found.findings.iter().any(|f| f.rule == crate::rules::Rule::ClaimHedge),
        "the added hedge is found: {:?}",
        found.findings
    );
}

#[test]
fn a_draft_of_very_many_paragraphs_is_analysed_in_full_and_nothing_is_kept() {
    let config = Config::default();
    let mut memo = Memo::new();
    same_as_plain(STORY, DocKind::Text, &config, &mut memo);
    assert!(!memo.is_empty());
    let list: String = (0..=MAX_PARAGRAPHS)
        .map(|i| format!("- Item {i}, said Clark.\n"))
        .collect();
    same_as_plain(&list, DocKind::Markdown, &config, &mut memo);
    assert!(memo.is_empty(), "{} paragraphs kept", memo.len());
    // And it is used again for a draft of ordinary length.
    same_as_plain(STORY, DocKind::Text, &config, &mut memo);
    assert!(!memo.is_empty());
}

#[test]
fn a_word_written_in_lower_case_in_another_paragraph_is_counted_as_paragraphs_come_and_go() {
    // "Harrow" is a name until the draft writes "harrow" as a common word: the evidence
    // comes from another paragraph than the one with the name.
    let config = Config::default();
    let name = "Officials in Harrow met on Monday. Harrow council said the plan was late.";
    let common = "A farmer dragged a harrow across the field.";
    let entities = |text: &str| format!("{:?}", analyze(text, DocKind::Text, &config).entities);
    assert_ne!(
        entities(&format!("{name}\n\n{common}")),
        entities(name),
        "the lower-case use changes what the names are"
    );
    let mut memo = Memo::new();
    for draft in [
        format!("{name}\n\n{common}"),
        name.to_string(),
        format!("{name}\n\n{common}"),
        format!("{common}\n\n{name}\n\n{common}"),
        format!("{name}\n\n{common}"),
        format!("{name}\n\n> {common}"),
        name.to_string(),
    ] {
        same_as_plain(&draft, DocKind::Markdown, &config, &mut memo);
    }
}
