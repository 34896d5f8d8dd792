//! Which paragraphs of the previous analysis a draft still has.
//!
//! A keystroke changes one paragraph of thousands. When the memo kept its paragraphs in a
//! map by text, it hashed the whole draft three times a keystroke (to find each paragraph,
//! to keep it, to give it back its name runs): about two milliseconds at 100,000 words. The
//! paragraphs before and after the edit are instead compared in place, in draft order, from
//! each end (a byte comparison, stopping at the first difference); only those in between,
//! where paragraphs may have been added, removed, moved or rewritten, are looked up by
//! text, and the memo keeps its paragraphs in draft order.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::hash::BuildHasherDefault;

use super::{Entry, Scanned};
use crate::analysis::names::fasthash::FastHasher;
use crate::text::prose::Block;

/// For each block of the new draft, the previous paragraph it can take over, if any.
/// Every previous paragraph that no block takes over is handed to `let_go`.
pub(super) fn pair_blocks<'b>(
    blocks: &'b [Block],
    masked: &str,
    previous: Vec<Entry>,
    mut let_go: impl FnMut(Entry),
) -> Vec<(&'b Block, Option<Entry>)> {
    let same = |b: &Block, (key, s): &Entry| same_paragraph(b, masked, key, s);
    let front = blocks.iter().zip(&previous).take_while(|(b, e)| same(b, e)).count();
    let most = blocks.len().min(previous.len()) - front;
    let back = blocks
        .iter()
        .rev()
        .zip(previous.iter().rev())
        .take(most)
        .take_while(|(b, e)| same(b, e))
        .count();
    let mut previous = previous.into_iter();
    let mut paired: Vec<(&Block, Option<Entry>)> = Vec::with_capacity(blocks.len());
    paired.extend(blocks[..front].iter().zip(previous.by_ref().take(front).map(Some)));
    let middle_len = previous.len() - back;
    let mut middle: HashMap<Box<str>, Box<Scanned>, BuildHasherDefault<FastHasher>> =
        HashMap::with_capacity_and_hasher(middle_len, Default::default());
    for (key, s) in previous.by_ref().take(middle_len) {
        match middle.entry(key) {
            // A paragraph written twice in the changed stretch is taken over once.
            Slot::Occupied(mut held) => {
                let old = held.insert(s);
                let_go((held.key().clone(), old));
            }
            Slot::Vacant(slot) => {
                slot.insert(s);
            }
        }
    }
    for b in &blocks[front..blocks.len() - back] {
        let kept = match middle.remove_entry(b.span.slice(masked)) {
            Some((key, s)) if s.kind == b.kind && s.quote_depth == b.quote_depth => Some((key, s)),
            Some(other) => {
                let_go(other);
                None
            }
            None => None,
        };
        paired.push((b, kept));
    }
    middle.into_iter().for_each(&mut let_go);
    paired.extend(blocks[blocks.len() - back..].iter().zip(previous.map(Some)));
    paired
}

/// The previous paragraph `key`, scanned as `s`, is block `b` of the new draft.
fn same_paragraph(b: &Block, masked: &str, key: &str, s: &Scanned) -> bool {
    s.kind == b.kind && s.quote_depth == b.quote_depth && key == b.span.slice(masked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::local::LocalScans;
    use crate::text::Span;
    use crate::text::prose::BlockKind;
    use crate::text::segment::Segments;

    /// The blocks of `paragraphs` joined by blank lines, as the prose of a plain draft.
    fn draft(paragraphs: &[&str]) -> (String, Vec<Block>) {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for p in paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(p);
            blocks.push(Block {
                span: Span::new(start, text.len()),
                kind: BlockKind::Paragraph,
                quote_depth: 0,
            });
        }
        (text, blocks)
    }

    /// The memo's entries for `paragraphs`, as if a draft of them had been analysed.
    fn held(paragraphs: &[&str]) -> Vec<Entry> {
        let (text, blocks) = draft(paragraphs);
        blocks
            .iter()
            .map(|b| {
                let scanned = Scanned {
                    kind: b.kind,
                    quote_depth: b.quote_depth,
                    segments: Segments::default(),
                    local: LocalScans::default(),
                    runs: None,
                };
                (b.span.slice(&text).into(), Box::new(scanned))
            })
            .collect()
    }

    /// Which new paragraphs were taken over (`true`) and which previous ones were let go.
    fn pair(before: &[&str], after: &[&str]) -> (Vec<bool>, Vec<String>) {
        let (text, blocks) = draft(after);
        let mut let_go = Vec::new();
        let paired = pair_blocks(&blocks, &text, held(before), |(key, _)| let_go.push(key.to_string()));
        for (b, kept) in &paired {
            if let Some((key, _)) = kept {
                assert_eq!(&**key, b.span.slice(&text), "a block takes over its own paragraph");
            }
        }
        assert_eq!(paired.len(), blocks.len());
        let_go.sort();
        (paired.iter().map(|(_, kept)| kept.is_some()).collect(), let_go)
    }

    #[test]
    fn a_keystroke_takes_over_every_paragraph_but_the_one_it_changed() {
        let before = ["One.", "Two.", "Three.", "Four."];
        let (taken, let_go) = pair(&before, &["One.", "Two!", "Three.", "Four."]);
        assert_eq!(taken, [true, false, true, true]);
        assert_eq!(let_go, ["Two."]);
        // At either end, and a paragraph split in two.
        assert_eq!(
            pair(&before, &["On.", "Two.", "Three.", "Four."]).0,
            [false, true, true, true]
        );
        assert_eq!(
            pair(&before, &["One.", "Two.", "Three.", "Four!"]).0,
            [true, true, true, false]
        );
        let (taken, let_go) = pair(&before, &["One.", "Tw", "o.", "Three.", "Four."]);
        assert_eq!(taken, [true, false, false, true, true]);
        assert_eq!(let_go, ["Two."]);
        // Nothing changed, and everything did.
        assert_eq!(pair(&before, &before), (vec![true; 4], vec![]));
        assert_eq!(
            pair(&before, &["New."]),
            (
                vec![false],
                vec!["Four.", "One.", "Three.", "Two."]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
    }

    #[test]
    fn paragraphs_moved_added_or_removed_are_found_by_their_text() {
        let before = ["One.", "Two.", "Three.", "Four.", "Five."];
        let (taken, let_go) = pair(&before, &["One.", "Four.", "Three.", "Two.", "Five."]);
        assert_eq!(taken, [true; 5]);
        assert!(let_go.is_empty());
        let (taken, let_go) = pair(&before, &["One.", "Three.", "New.", "Five."]);
        assert_eq!(taken, [true, true, false, true]);
        assert_eq!(let_go, ["Four.", "Two."]);
        // Written twice: the second copy has nothing to take over.
        let (taken, let_go) = pair(&before, &["One.", "Two.", "Two.", "Three.", "Four.", "Five."]);
        assert_eq!(taken.iter().filter(|t| !**t).count(), 1);
        assert!(let_go.is_empty());
        let (taken, let_go) = pair(&["A.", "B.", "B.", "C."], &["A.", "B.", "C."]);
        assert_eq!(taken, [true, true, true]);
        assert_eq!(let_go, ["B."]);
    }

    #[test]
    fn the_same_words_as_another_kind_of_block_are_not_taken_over() {
        // A heading is no claim: the same words scanned as a paragraph would mislead.
        let (text, mut blocks) = draft(&["One.", "Two.", "Three."]);
        blocks[1].kind = BlockKind::Heading(2);
        let mut let_go = Vec::new();
        let paired = pair_blocks(&blocks, &text, held(&["One.", "Two.", "Three."]), |(key, _)| {
            let_go.push(key.to_string())
        });
        let taken: Vec<bool> = paired.iter().map(|(_, kept)| kept.is_some()).collect();
        assert_eq!(taken, [true, false, true]);
        assert_eq!(let_go, ["Two."]);
    }
}
