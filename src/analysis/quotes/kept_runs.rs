//! The name runs that pronoun speakers may refer to ([`super::antecedent`]), kept paragraph
//! by paragraph from one analysis to the next by the editor's
//! [`Memo`](crate::analysis::Memo). What a paragraph's runs are depends on its text, its
//! kind and which of it is quoted, which a keystroke elsewhere leaves as it was; finding
//! them is a pass over every token of the draft, which a keystroke need not repeat.

use std::hash::Hasher;

use crate::analysis::names::fasthash::{FastHasher, FastMap};
use crate::text::Span;
use crate::text::prose::BlockKind;
use crate::text::segment::{Paragraph, Segments};

use super::antecedent::{Run, runs_of_paragraph};
use super::words::SpeakerWords;

/// One paragraph as it was seen, with its runs: offsets from the paragraph's start, tokens
/// counted from its first.
struct Seen {
    text: Box<str>,
    kind: BlockKind,
    quote_depth: u8,
    quoted: Vec<Span>,
    runs: Vec<Run>,
    /// The analysis that last used it.
    used: u32,
}

/// The runs of the paragraphs of the last analyses.
#[derive(Default)]
pub struct KeptRuns {
    /// By a hash of the paragraph's text and quoted stretches; a bucket holds the
    /// paragraphs whose hashes collide, told apart in full.
    paragraphs: FastMap<u64, Vec<Seen>>,
    held: usize,
    /// The number of the current analysis.
    analysis: u32,
    /// Paragraphs used by the current analysis.
    live: usize,
}

/// Paragraphs no analysis uses any more are let go once there are more than this many,
/// plus as many as are in use.
const SPARE: usize = 64;

impl KeptRuns {
    pub(super) fn begin(&mut self) {
        self.analysis = self.analysis.wrapping_add(1);
        self.live = 0;
    }

    /// The runs of paragraph `p` (of `text`, segmented as `seg`) outside `quoted`, the
    /// quoted stretches that reach into it, appended to `out`: kept, or found and kept.
    pub(super) fn runs_of(
        &mut self,
        text: &str,
        seg: &Segments,
        p: &Paragraph,
        words: &SpeakerWords,
        quoted: &[Span],
        out: &mut Vec<Run>,
    ) {
        let base = p.span.start;
        let first_token = seg.sentences.get(p.sentences.start).map_or(0, |s| s.tokens.start);
        let paragraph = p.span.slice(text);
        let relative: Vec<Span> = quoted
            .iter()
            .map(|s| Span::new(s.start.max(base) - base, s.end.min(p.span.end) - base))
            .collect();
        let mut h = FastHasher::default();
        h.write(paragraph.as_bytes());
        for s in &relative {
            h.write_usize(s.start);
            h.write_usize(s.end);
        }
        let bucket = self.paragraphs.entry(h.finish()).or_default();
        let found = bucket.iter_mut().find(|s| {
            *s.text == *paragraph && s.kind == p.kind && s.quote_depth == p.quote_depth && s.quoted == relative
        });
        let (by, tokens) = (base as isize, first_token as isize);
        if let Some(seen) = found {
            if seen.used != self.analysis {
                seen.used = self.analysis;
                self.live += 1;
            }
            out.extend(seen.runs.iter().map(|r| r.moved(by, tokens)));
            return;
        }
        let from = out.len();
        runs_of_paragraph(text, seg, p, words, quoted, out);
        bucket.push(Seen {
            text: paragraph.into(),
            kind: p.kind,
            quote_depth: p.quote_depth,
            quoted: relative,
            runs: out[from..].iter().map(|r| r.moved(-by, -tokens)).collect(),
            used: self.analysis,
        });
        self.held += 1;
        self.live += 1;
    }

    /// End an analysis: let go of the paragraphs it did not use, when they are many.
    pub(super) fn end(&mut self) {
        if self.held > 2 * self.live + SPARE {
            let analysis = self.analysis;
            self.paragraphs.retain(|_, bucket| {
                bucket.retain(|s| s.used == analysis);
                !bucket.is_empty()
            });
            self.held = self.live;
        }
    }

    pub fn clear(&mut self) {
        *self = KeptRuns::default();
    }

    /// How many paragraphs it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.held
    }
}

impl std::fmt::Debug for KeptRuns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeptRuns({} paragraphs)", self.held)
    }
}

#[cfg(test)]
mod tests {
    use super::KeptRuns;
    use crate::analysis::quotes::antecedent::runs_of_paragraph;
    use crate::analysis::quotes::words::SpeakerWords;
    use crate::text::segment::segment;
    use crate::text::{DocKind, Span, prose};

    /// The runs of every paragraph of `text`, kept and found afresh, with `quoted` quoted.
    fn both(kept: &mut KeptRuns, text: &str, quoted: &[Span]) -> (Vec<Span>, Vec<Span>) {
        let p = prose::extract(text, DocKind::Text);
        let seg = segment(&p);
        let words = SpeakerWords::builtin();
        let (mut from_kept, mut fresh) = (Vec::new(), Vec::new());
        kept.begin();
        for para in &seg.paragraphs {
            let here: Vec<Span> = quoted.iter().copied().filter(|s| s.overlaps(para.span)).collect();
            kept.runs_of(text, &seg, para, &words, &here, &mut from_kept);
            runs_of_paragraph(text, &seg, para, &words, &here, &mut fresh);
        }
        kept.end();
        assert_eq!(from_kept, fresh, "kept runs are the runs found afresh");
        (
            from_kept.iter().map(|r| r.span).collect(),
            fresh.iter().map(|r| r.span).collect(),
        )
    }

    #[test]
    fn a_paragraph_is_taken_from_what_was_kept_only_with_the_same_words_quoted() {
        let mut kept = KeptRuns::default();
        let first = "Anna Kowalski met Tom Reyes.";
        let text = format!("{first}\n\nTom Reyes left. Gdansk waited.");
        let (open, _) = both(&mut kept, &text, &[]);
        assert_eq!(kept.len(), 2);
        // The same text with its first paragraph quoted from elsewhere: its names are a
        // speaker's words, not mentions.
        let (quoted, _) = both(&mut kept, &text, &[Span::new(0, first.len())]);
        assert_eq!(kept.len(), 3, "kept apart from the unquoted paragraph");
        assert!(quoted.len() < open.len(), "{quoted:?} {open:?}");
        // A paragraph moved is the same paragraph further on.
        let moved = format!("and so on.\n\n{text}");
        let (runs, _) = both(&mut kept, &moved, &[]);
        assert_eq!(runs.len(), open.len());
        assert_eq!(runs[0].slice(&moved), "Anna Kowalski");
    }

    #[test]
    fn paragraphs_no_analysis_uses_any_more_are_let_go_when_many() {
        let mut kept = KeptRuns::default();
        let many: Vec<String> = (0..3 * super::SPARE)
            .map(|i| format!("Paragraph {i} names Reyes."))
            .collect();
        both(&mut kept, &many.join("\n\n"), &[]);
        assert_eq!(kept.len(), 3 * super::SPARE);
        both(&mut kept, "Reyes left.", &[]);
        assert_eq!(kept.len(), 1);
    }
}
