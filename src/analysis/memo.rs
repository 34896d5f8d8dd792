//! Analysis for an editor, where a keystroke changes one paragraph of a draft that is
//! analysed again and again: the segmentation and the paragraph-local scans
//! ([`LocalScans`]) of every paragraph are kept with the paragraph's text, and only the
//! paragraphs not seen in the previous analysis are scanned (see [`reuse`] for how they
//! are found). Four draft-wide steps
//! keep what they can too: the count of the draft's lower-case words (updated with the
//! paragraphs that come and go), the spelling forms of its name words, each paragraph's
//! name runs for pronoun speakers (keyed by what of it is quoted as well), and the pairs
//! of name words with close spellings (while the draft's name words stay the same). The
//! steps that need the whole draft (quotation marks across paragraphs, attribution, names,
//! claims) run as in [`super::analyze`], whose results this gives exactly.

use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use super::entities::{LowercaseWords, NameWordCache};
use super::lexicon::Lexicon;
use super::local::LocalScans;
use super::names::KeptPairs;
use super::quotes::{KeptRuns, ParagraphRuns};
use super::{Analysis, Kept, analyze_segmented};
use crate::config::Config;
use crate::text::DocKind;
use crate::text::prose::{self, Block, BlockKind, Prose};
use crate::text::prose_edit::KeptProse;
use crate::text::segment::{self, Segments};

/// What one draft's previous analysis found paragraph by paragraph. Keep one per open
/// draft and hand it to every [`analyze_with_memo`] of that draft.
#[derive(Default)]
pub struct Memo {
    /// The word lists the scans were made with: other lists find other things.
    lexicon: Option<Arc<Lexicon>>,
    /// The paragraphs of the last analysis in draft order, each with its text (its prose,
    /// masked as the analysis reads it).
    paragraphs: Vec<Entry>,
    /// The lower-case words of `paragraphs`, counted: the names' evidence of which
    /// capitalised words are common words, kept up to date paragraph by paragraph.
    lowercase: LowercaseWords,
    /// The spellings of the name words of the last analyses, which depend on the word
    /// alone (and the word lists).
    name_words: Mutex<NameWordCache>,
    /// The name words of the last analysis whose spellings are close.
    close_pairs: Mutex<KeptPairs>,
    /// The last Markdown source and its prose: a keystroke in running prose changes the
    /// prose without a new parse of the draft.
    prose: Option<KeptProse>,
}

/// One paragraph, segmented and scanned on its own: offsets from its start.
struct Scanned {
    kind: BlockKind,
    quote_depth: u8,
    segments: Segments,
    local: LocalScans,
    /// Its name runs for pronoun speakers, once an analysis has found them: they depend on
    /// what of the paragraph is quoted (a draft-wide matter) as well as on its text.
    runs: Option<ParagraphRuns>,
}

/// A paragraph's text with what was found in it (boxed: entries are moved about on every
/// keystroke, thousands of them in a long draft).
type Entry = (Box<str>, Box<Scanned>);

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} paragraphs)", self.paragraphs.len())
    }
}

impl Memo {
    pub fn new() -> Self {
        Memo::default()
    }

    /// How many paragraphs it holds: those of the last analysis.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Let go of everything kept (the word lists it was found with are kept apart).
    fn forget(&mut self) {
        self.paragraphs = Vec::new();
        self.lowercase.clear();
        self.name_words
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.close_pairs
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.prose = None;
    }
}

/// A draft with more paragraphs than this is analysed in full every time, with nothing kept:
/// each paragraph kept costs some hundreds of bytes besides its text, which a draft of
/// thousands of one-line items (a list, a table) would multiply into more memory than its
/// analysis. A 100,000-word article has about 3,300.
pub const MAX_PARAGRAPHS: usize = 20_000;

/// Paragraphs are few and scanning one costs tens of microseconds: fewer than this many to
/// a core would cost more in hand-offs than it saves.
const PARAGRAPHS_PER_TASK: usize = 16;

/// [`super::analyze`], scanning only the paragraphs that `memo` does not hold. Afterwards
/// `memo` holds the paragraphs of `text` and nothing else, so it never grows beyond one
/// draft's worth.
pub fn analyze_with_memo(text: &str, kind: DocKind, config: &Config, memo: &mut Memo) -> Analysis {
    let lexicon = config.shared_lexicon();
    if !memo.lexicon.as_ref().is_some_and(|l| Arc::ptr_eq(l, &lexicon)) {
        memo.forget();
        memo.lexicon = Some(lexicon.clone());
    }
    let reused = match (kind, &memo.prose) {
        (DocKind::Markdown, Some(kept)) => kept.after_edit(text),
        _ => None,
    };
    let prose: Prose<'_> = reused.unwrap_or_else(|| prose::extract(text, kind));
    // Past 4 GiB a paragraph's tokens could not be moved to their place in the draft (see
    // [`crate::text::segment::Token`]).
    if prose.blocks.len() > MAX_PARAGRAPHS || u32::try_from(text.len()).is_err() {
        memo.forget();
        let segments = segment::segment(&prose);
        return analyze_segmented(text, kind, config, &prose, segments, None);
    }
    let masked: &str = &prose.masked;
    let previous = std::mem::take(&mut memo.paragraphs);
    // The counts of lower-case words follow the paragraphs held: every paragraph let go
    // has its words taken away, every one kept anew has them added.
    let lowercase = &mut memo.lowercase;
    // Each block with its key and its scans, taken over from the previous analysis when it
    // had the same paragraph.
    let blocks = reuse::pair_blocks(&prose.blocks, masked, previous, |(key, s)| {
        lowercase.remove(&key, &s.segments)
    });
    let fresh: Vec<bool> = blocks.iter().map(|(_, kept)| kept.is_none()).collect();
    let scan = |b: &Block| -> Entry {
        let paragraph = b.span.slice(masked);
        let mut segments = segment::segment_block(paragraph, b.kind, b.quote_depth);
        let mut local = LocalScans::of_paragraph(paragraph, &segments, &lexicon);
        // Kept until the paragraph changes: without the room their vectors were given to
        // grow in (a third of what a long draft's paragraphs hold).
        segments.shrink_to_fit();
        local.shrink_to_fit();
        let scanned = Scanned {
            kind: b.kind,
            quote_depth: b.quote_depth,
            segments,
            local,
            runs: None,
        };
        (paragraph.into(), Box::new(scanned))
    };
    let unscanned: Vec<&Block> = blocks
        .iter()
        .filter(|(_, kept)| kept.is_none())
        .map(|(b, _)| *b)
        .collect();
    // The new paragraphs (every one, when a draft is opened) on as many cores as are free;
    // the one a keystroke changed, here (handing it to another core costs more).
    let new_entries: Vec<Entry> = if unscanned.len() < PARAGRAPHS_PER_TASK {
        unscanned.into_iter().map(scan).collect()
    } else {
        unscanned
            .into_par_iter()
            .with_min_len(PARAGRAPHS_PER_TASK)
            .map(scan)
            .collect()
    };
    let mut new_entries = new_entries.into_iter();
    let mut scanned: Vec<(usize, Entry)> = blocks
        .into_iter()
        .map(|(b, kept)| {
            let entry = kept.or_else(|| new_entries.next());
            (b.span.start, entry.expect("every paragraph is kept or scanned above"))
        })
        .collect();
    // The name runs go to the analysis by paragraph (a block of no words is none) and come
    // back after it, each to its paragraph's entry.
    let with_words: Vec<bool> = scanned
        .iter()
        .map(|(_, (_, s))| !s.segments.paragraphs.is_empty())
        .collect();
    let runs = KeptRuns::new(
        scanned
            .iter_mut()
            .zip(&with_words)
            .filter(|(_, words)| **words)
            .map(|((_, (_, s)), _)| s.runs.take())
            .collect(),
    );
    let mention_runs = Mutex::new(runs);
    // Two copies of about a megabyte each at 100,000 words, side by side.
    let pieces = || scanned.iter().map(|(start, (_, s))| (&**s, *start));
    let (segments, local) = rayon::join(
        || Segments::concat(pieces().map(|(s, start)| (&s.segments, start))),
        || LocalScans::concat(pieces().map(|(s, start)| (&s.local, start))),
    );
    memo.paragraphs.reserve_exact(scanned.len());
    for ((_, (key, s)), fresh) in scanned.into_iter().zip(fresh) {
        if fresh {
            lowercase.add(&key, &s.segments);
        }
        memo.paragraphs.push((key, s));
    }
    let kept = Kept {
        local: &local,
        lowercase,
        name_words: &memo.name_words,
        mention_runs: &mention_runs,
        close_pairs: &memo.close_pairs,
    };
    let analysis = analyze_segmented(text, kind, config, &prose, segments, Some(kept));
    let found = mention_runs.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut found = found.into_paragraphs().into_iter();
    for ((_, s), _) in memo.paragraphs.iter_mut().zip(&with_words).filter(|(_, words)| **words) {
        s.runs = found.next().flatten();
    }
    memo.prose = (kind == DocKind::Markdown).then(|| KeptProse::new(text, prose));
    analysis
}

mod reuse;

#[cfg(test)]
mod tests;
