//! The spellings of a draft's name words, kept from one analysis to the next by the
//! editor's [`Memo`](crate::analysis::Memo). Working out a word's spelling forms (folded,
//! transliterated, skeleton) is most of what preparing a draft's names costs, and after a
//! keystroke nearly every word is one the last analysis saw.

use crate::analysis::names::fasthash::FastMap;
use crate::analysis::names::spelling::Spelling;

use super::{EntityLexicon, NameWord, scan};

/// What a name word's text alone decides: its spelling forms and whether it is an
/// organisation word.
struct Known {
    spelling: Spelling,
    org: bool,
    /// The analysis that last used it.
    used: u32,
}

/// Name words by their text, as written.
#[derive(Default)]
pub struct NameWordCache {
    words: FastMap<Box<str>, Known>,
    /// The number of the current analysis.
    analysis: u32,
    /// Words used by the current analysis.
    live: usize,
}

/// Words no analysis uses any more are let go once there are more than this many, plus as
/// many as are in use: a draft's words change slowly, so clearing out often would only cost.
const SPARE: usize = 256;

impl NameWordCache {
    /// Start an analysis: the words it uses are counted from here.
    pub(super) fn begin(&mut self) {
        self.analysis = self.analysis.wrapping_add(1);
        self.live = 0;
    }

    /// The name word written `text`, as [`scan::name_word`] makes it.
    pub(super) fn name_word(&mut self, lex: &EntityLexicon, text: &str) -> NameWord {
        let analysis = self.analysis;
        if let Some(known) = self.words.get_mut(text) {
            if known.used != analysis {
                known.used = analysis;
                self.live += 1;
            }
            return NameWord {
                text: text.into(),
                spelling: known.spelling.clone(),
                mentions: Vec::new(),
                candidates: Vec::new(),
                common: false,
                org: known.org,
            };
        }
        let fresh = scan::name_word(lex, text);
        let known = Known {
            spelling: fresh.spelling.clone(),
            org: fresh.org,
            used: analysis,
        };
        self.words.insert(text.into(), known);
        self.live += 1;
        fresh
    }

    /// End an analysis: let go of the words it did not use, when they are many.
    pub(super) fn end(&mut self) {
        if self.words.len() > 2 * self.live + SPARE {
            let analysis = self.analysis;
            self.words.retain(|_, k| k.used == analysis);
        }
    }

    pub fn clear(&mut self) {
        *self = NameWordCache::default();
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

impl std::fmt::Debug for NameWordCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NameWordCache({} words)", self.words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::{NameWordCache, SPARE};
    use crate::analysis::entities::{EntityLexicon, scan};
    use crate::config::LexiconConfig;

    #[test]
    fn a_kept_word_is_the_word_made_afresh() {
        let lex = EntityLexicon::new(&LexiconConfig::default());
        let mut cache = NameWordCache::default();
        let words = ["Peskov", "Al-Sudani", "Erdoğan", "Bank", "Ross-Bank", "O’Brien"];
        for _ in 0..2 {
            cache.begin();
            for w in words {
                assert_eq!(cache.name_word(&lex, w), scan::name_word(&lex, w), "{w}");
            }
            cache.end();
        }
        assert_eq!(cache.len(), words.len());
    }

    #[test]
    fn words_no_analysis_uses_any_more_are_let_go_when_many() {
        let lex = EntityLexicon::new(&LexiconConfig::default());
        let mut cache = NameWordCache::default();
        cache.begin();
        for i in 0..3 * SPARE {
            cache.name_word(&lex, &format!("Name{i}"));
        }
        cache.end();
        assert_eq!(cache.len(), 3 * SPARE, "all in use");
        // The next draft names one of them and one more.
        cache.begin();
        cache.name_word(&lex, "Name7");
        cache.name_word(&lex, "Halvorsen");
        cache.end();
        assert_eq!(cache.len(), 2);
    }
}
