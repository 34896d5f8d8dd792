//! The name runs that pronoun speakers may refer to ([`super::antecedent`]), kept paragraph
//! by paragraph from one analysis to the next by the editor's
//! [`Memo`](crate::analysis::Memo). What a paragraph's runs are depends on its text, its
//! kind and which of it is quoted, which a keystroke elsewhere leaves as it was; finding
//! them is a pass over every token of the draft, which a keystroke need not repeat.

use crate::text::Span;
use crate::text::segment::{Paragraph, Segments};

use super::antecedent::{Run, runs_of_paragraph};
use super::words::SpeakerWords;

/// The runs of one paragraph, with the stretches of it that were quoted when they were
/// found: offsets from the paragraph's start, tokens counted from its first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphRuns {
    quoted: Vec<Span>,
    runs: Vec<Run>,
}

/// The runs the memo kept for each paragraph of the draft being analysed, in draft order
/// (`None` for a paragraph it has none for); the analysis fills in the missing ones and
/// replaces those whose quoted stretches changed, and the memo takes them back.
#[derive(Debug, Default)]
pub struct KeptRuns {
    paragraphs: Vec<Option<ParagraphRuns>>,
}

impl KeptRuns {
    /// `paragraphs`: one for each paragraph of the draft's segments, in order.
    pub fn new(paragraphs: Vec<Option<ParagraphRuns>>) -> Self {
        KeptRuns { paragraphs }
    }

    pub fn into_paragraphs(self) -> Vec<Option<ParagraphRuns>> {
        self.paragraphs
    }

    /// Whether it holds a place for each of `count` paragraphs (a memo that does not is
    /// not read).
    pub(super) fn fits(&self, count: usize) -> bool {
        self.paragraphs.len() == count
    }

    /// The runs of paragraph number `index`, `p` (of `text`, segmented as `seg`), outside
    /// `quoted`, the quoted stretches that reach into it, appended to `out`: kept, or found
    /// and kept.
    pub(super) fn runs_of(
        &mut self,
        index: usize,
        (text, seg, p): (&str, &Segments, &Paragraph),
        words: &SpeakerWords,
        quoted: &[Span],
        out: &mut Vec<Run>,
    ) {
        let base = p.span.start;
        let first_token = seg.sentences.get(p.sentences.start).map_or(0, |s| s.tokens.start);
        let relative: Vec<Span> = quoted
            .iter()
            .map(|s| Span::new(s.start.max(base) - base, s.end.min(p.span.end) - base))
            .collect();
        let (by, tokens) = (base as isize, first_token as isize);
        let Some(slot) = self.paragraphs.get_mut(index) else {
            return runs_of_paragraph(text, seg, p, words, quoted, out);
        };
        if let Some(kept) = slot.as_ref().filter(|k| k.quoted == relative) {
            out.extend(kept.runs.iter().map(|r| r.moved(by, tokens)));
            return;
        }
        let from = out.len();
        runs_of_paragraph(text, seg, p, words, quoted, out);
        *slot = Some(ParagraphRuns {
            quoted: relative,
            runs: out[from..].iter().map(|r| r.moved(-by, -tokens)).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::KeptRuns;
    use crate::analysis::quotes::antecedent::runs_of_paragraph;
    use crate::analysis::quotes::words::SpeakerWords;
    use crate::text::segment::segment;
    use crate::text::{DocKind, Span, prose};

    /// The runs of `text` with `quoted` quoted, through `kept` and found afresh: the same.
    fn runs(kept: &mut KeptRuns, text: &str, quoted: &[Span]) -> Vec<Span> {
        let p = prose::extract(text, DocKind::Text);
        let seg = segment(&p);
        let words = SpeakerWords::builtin();
        let (mut from_kept, mut fresh) = (Vec::new(), Vec::new());
        for (i, para) in seg.paragraphs.iter().enumerate() {
            let here: Vec<Span> = quoted.iter().copied().filter(|s| s.overlaps(para.span)).collect();
            kept.runs_of(i, (text, &seg, para), &words, &here, &mut from_kept);
            runs_of_paragraph(text, &seg, para, &words, &here, &mut fresh);
        }
        assert_eq!(from_kept, fresh, "kept runs are the runs found afresh");
        from_kept.iter().map(|r| r.span).collect()
    }

    #[test]
    fn a_paragraph_is_taken_from_what_was_kept_only_with_the_same_words_quoted() {
        let first = "Anna Kowalski met Tom Reyes.";
        let text = format!("{first}\n\nTom Reyes left. Gdansk waited.");
        let mut kept = KeptRuns::new(vec![None, None]);
        let open = runs(&mut kept, &text, &[]);
        assert!(kept.paragraphs.iter().all(Option::is_some), "both are kept");
        let unquoted = kept.paragraphs.clone();
        // The same text with its first paragraph quoted: its names are a speaker's words.
        let quoted = runs(&mut kept, &text, &[Span::new(0, first.len())]);
        assert!(quoted.len() < open.len(), "{quoted:?} {open:?}");
        // A paragraph moved further on is the same paragraph.
        let moved = format!("and so on.\n\n{text}");
        let mut shifted = KeptRuns::new(vec![None, unquoted[0].clone(), unquoted[1].clone()]);
        let found = runs(&mut shifted, &moved, &[]);
        assert_eq!(found.len(), open.len());
        assert_eq!(found[0].slice(&moved), "Anna Kowalski");
    }
}
