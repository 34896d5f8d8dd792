//! Which capitalised words a draft also writes in lower case: "Reform" is a party in a
//! draft that never writes "reform", and a common word in one that does. One of the
//! draft-wide pieces of evidence that decide what a run of capitals is.
//!
//! A full analysis looks through every token of the draft. The editor's [`Memo`] keeps
//! instead a count of the lower-case words of the paragraphs it holds ([`LowercaseWords`]),
//! updated with the paragraphs an edit adds and removes, so that after a keystroke only
//! the capitalised words are looked up.
//!
//! [`Memo`]: crate::analysis::Memo

use crate::analysis::Context;
use crate::analysis::names::fasthash::{FastMap, FastSet};
use crate::text::segment::{Segments, Token, TokenKind};

use super::scan::stem;

/// A word compared and hashed ignoring ASCII case, so capitalised words can be looked up
/// by their lower-case uses without allocating.
#[derive(Clone, Copy, Debug)]
pub(super) struct NoCase<'a>(pub &'a str);

impl PartialEq for NoCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for NoCase<'_> {}

impl std::hash::Hash for NoCase<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let mut buf = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(32) {
            let n = chunk.len();
            buf[..n].copy_from_slice(chunk);
            buf[..n].make_ascii_lowercase();
            h.write(&buf[..n]);
        }
    }
}

/// The word of a token that does not start with a capital, possessive dropped. It is a
/// lower-case use when [`no_capitals`] too ("al-Sudani" starts in lower case but is a name).
fn lowercase_start<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    if t.kind != TokenKind::Word {
        return None;
    }
    let first = text.as_bytes()[t.start()];
    if first.is_ascii() && !first.is_ascii_lowercase() {
        return None;
    }
    Some(stem(t.text(text)))
}

fn no_capitals(word: &str) -> bool {
    !word.bytes().any(|b| b.is_ascii_uppercase())
}

/// The word a token writes in lower case, or `None` when it is no lower-case use.
fn lowercase_use<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    lowercase_start(text, t).filter(|w| no_capitals(w))
}

/// How many times the paragraphs of a [`Memo`](crate::analysis::Memo) write each word in
/// lower case. The memo adds a paragraph's words when it keeps the paragraph and takes them
/// away when it lets it go, so the counts are always those of the paragraphs it holds.
#[derive(Default, PartialEq, Eq)]
pub struct LowercaseWords {
    /// By the word as written (no ASCII capitals, so its own lower-case form).
    counts: FastMap<Box<str>, u32>,
}

impl LowercaseWords {
    /// Count the lower-case words of a paragraph, `text`, segmented as `segments`.
    pub fn add(&mut self, text: &str, segments: &Segments) {
        for t in &segments.tokens {
            if let Some(w) = lowercase_use(text, t) {
                match self.counts.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        self.counts.insert(w.into(), 1);
                    }
                }
            }
        }
    }

    /// Take away the words of a paragraph counted before with [`LowercaseWords::add`].
    pub fn remove(&mut self, text: &str, segments: &Segments) {
        for t in &segments.tokens {
            if let Some(w) = lowercase_use(text, t)
                && let Some(n) = self.counts.get_mut(w)
            {
                *n -= 1;
                if *n == 0 {
                    self.counts.remove(w);
                }
            }
        }
    }

    pub fn clear(&mut self) {
        self.counts = FastMap::default();
    }

    /// True when some paragraph writes `word` in lower case (comparing ASCII letters
    /// without regard to case).
    fn writes(&self, word: &str) -> bool {
        let mut buf = [0u8; 64];
        match buf.get_mut(..word.len()) {
            Some(head) => {
                head.copy_from_slice(word.as_bytes());
                head.make_ascii_lowercase();
                // Lower-casing ASCII bytes keeps the text valid UTF-8.
                std::str::from_utf8(head).is_ok_and(|w| self.counts.contains_key(w))
            }
            None => self.counts.contains_key(word.to_ascii_lowercase().as_str()),
        }
    }
}

impl std::fmt::Debug for LowercaseWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LowercaseWords({} words)", self.counts.len())
    }
}

/// How many bits the filter of [`uses`] has.
const FILTER_BITS: usize = 1 << 16;

/// A slot below [`FILTER_BITS`] from a word's length and first eight bytes, the same for two
/// words that differ only in the case of ASCII letters: setting bit 0x20 of every byte makes
/// upper- and lower-case letters one (and merges a few other bytes, which a filter allows).
fn case_blind_slot(word: &[u8]) -> usize {
    // Most words are shorter than eight bytes: shifting them in costs less than a copy.
    let head = match word.first_chunk::<8>() {
        Some(head) => u64::from_le_bytes(*head),
        None => word.iter().rev().fold(0, |k, &b| k << 8 | u64::from(b)),
    };
    let key = (head | 0x2020_2020_2020_2020) ^ (word.len() as u64).wrapping_mul(0x9e37_79b9);
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

/// Which of the capitalised `words` the draft also writes in lower case: from the counts
/// of the editor's memo when the analysis has them, else by looking through the draft.
pub(super) fn uses<'a>(ctx: &Context<'a>, words: &FastMap<&'a str, bool>) -> FastSet<NoCase<'a>> {
    match ctx.kept {
        Some(kept) => words
            .keys()
            .filter(|w| kept.lowercase.writes(w))
            .map(|w| NoCase(w))
            .collect(),
        None => look_through(ctx, words),
    }
}

/// [`uses`], from every token of the draft.
fn look_through<'a>(ctx: &Context<'a>, words: &FastMap<&'a str, bool>) -> FastSet<NoCase<'a>> {
    if words.is_empty() {
        return FastSet::default();
    }
    // A cheap filter before hashing, one bit per word sought ([`case_blind_slot`]): a long
    // draft has so many capitalised words that their first bytes alone pass most words.
    let mut filter = vec![0u64; FILTER_BITS / 64];
    // Each word sought, and whether the draft writes it in lower case: one lookup a use.
    let mut sought: FastMap<NoCase<'_>, bool> = words.keys().map(|w| (NoCase(w), false)).collect();
    for w in words.keys() {
        let i = case_blind_slot(w.as_bytes());
        filter[i / 64] |= 1 << (i % 64);
    }
    for t in &ctx.segments.tokens {
        let Some(w) = lowercase_start(ctx.text, t) else {
            continue;
        };
        let i = case_blind_slot(w.as_bytes());
        if filter[i / 64] & (1 << (i % 64)) != 0
            && let Some(used) = sought.get_mut(&NoCase(w))
            && no_capitals(w)
        {
            *used = true;
        }
    }
    // Keyed by the capitalised spelling, which compares equal to the lower-case one.
    sought.into_iter().filter(|&(_, used)| used).map(|(w, _)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::LowercaseWords;
    use crate::text::prose::BlockKind;
    use crate::text::segment::segment_block;

    fn counted(paragraphs: &[&str]) -> LowercaseWords {
        let mut words = LowercaseWords::default();
        for p in paragraphs {
            words.add(p, &segment_block(p, BlockKind::Paragraph, 0));
        }
        words
    }

    #[test]
    fn a_capitalised_word_is_found_by_its_lower_case_uses_only() {
        let long = "pneumonoultramicroscopicsilicovolcanoconiosis-and-then-some-more-letters";
        assert!(long.len() > 64, "longer than the lookup's buffer");
        let words = counted(&[&format!("The reform's cost. Harrow and al-Sudani met. A {long}.")]);
        assert!(words.writes("Reform"), "possessive dropped, case ignored");
        assert!(words.writes("REFORM"));
        assert!(!words.writes("Harrow"), "written only with a capital");
        assert!(
            !words.writes("Al-Sudani"),
            "a name that starts in lower case is no common word"
        );
        assert!(
            !words.writes("The"),
            "a capital at the start of a sentence is no lower-case use"
        );
        assert!(words.writes(&long.to_ascii_uppercase()));
    }

    #[test]
    fn taking_a_paragraph_away_leaves_the_counts_of_the_others() {
        let (a, b) = ("The reform passed. Reform won.", "Critics of the reform spoke.");
        let mut words = counted(&[a, b]);
        words.remove(a, &segment_block(a, BlockKind::Paragraph, 0));
        assert!(words.writes("reform"), "still written in the other paragraph");
        assert_eq!(words, counted(&[b]));
        words.remove(b, &segment_block(b, BlockKind::Paragraph, 0));
        assert_eq!(words, LowercaseWords::default());
    }
}
