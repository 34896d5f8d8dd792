//! The pairs of a draft's name words whose spellings are close: what [`super::link_within`]
//! weighs, found by blocking keys and a spelling comparison, which depend on the words'
//! spellings alone. In an editor a keystroke almost never changes a draft's set of name
//! words, so [`KeptPairs`] keeps the pairs of the last analysis and gives them again while
//! the words are the same. At 100,000 words finding them costs about 4 million
//! instructions, on the path a keystroke waits for.

use std::sync::{Mutex, PoisonError};

use super::spelling::{Closeness, compare};
use super::{candidate_pairs, case_only, checkable};
use crate::analysis::entities::{Entities, WordId};

/// Two words of a draft with close spellings, and how close.
pub type ClosePair = (WordId, WordId, Closeness);

/// The close pairs of the last analysis, and the words they were found among.
#[derive(Debug, Default)]
pub struct KeptPairs {
    /// By word id: whether the word was compared (not one too short, all capitals, or with
    /// digits).
    compared: Vec<bool>,
    /// The compared words' spellings, one after the other in id order, and where each
    /// ends: one string rather than one allocation per word, since a keystroke inside a
    /// name changes the words and they are kept again.
    texts: String,
    ends: Vec<usize>,
    pairs: Vec<ClosePair>,
}

impl KeptPairs {
    pub fn clear(&mut self) {
        *self = KeptPairs::default();
    }

    /// Whether `ents` has the same words, by id, as the kept pairs were found among.
    fn fits(&self, ents: &Entities, compared: &[bool]) -> bool {
        if self.compared != compared {
            return false;
        }
        let ids = (0..compared.len()).filter(|&id| compared[id]);
        let mut start = 0;
        ids.zip(&self.ends).all(|(id, &end)| {
            let same = self.texts[start..end] == *ents.word(id as WordId).text;
            start = end;
            same
        })
    }

    /// Keep `pairs`, found among the words of `ents`.
    fn keep(&mut self, ents: &Entities, compared: Vec<bool>, pairs: &[ClosePair]) {
        self.texts.clear();
        self.ends.clear();
        for id in (0..compared.len()).filter(|&id| compared[id]) {
            self.texts.push_str(&ents.word(id as WordId).text);
            self.ends.push(self.texts.len());
        }
        self.compared = compared;
        self.pairs.clear();
        self.pairs.extend_from_slice(pairs);
    }
}

/// The pairs of `ents`'s words that share a blocking key, differ by more than capitals and
/// are closer than a derived form, in a fixed order. With `kept`, taken from it when the
/// words are those of its last answer, and kept there otherwise.
pub fn close_pairs(ents: &Entities, kept: Option<&Mutex<KeptPairs>>) -> Vec<ClosePair> {
    let compared: Vec<bool> = (0..ents.words.len() as WordId).map(|id| checkable(ents, id)).collect();
    let mut kept = kept.map(|k| k.lock().unwrap_or_else(PoisonError::into_inner));
    if let Some(k) = &kept
        && k.fits(ents, &compared)
    {
        return k.pairs.clone();
    }
    let pairs: Vec<ClosePair> = candidate_pairs(ents, &compared)
        .into_iter()
        .filter_map(|(a, b)| {
            let (wa, wb) = (ents.word(a), ents.word(b));
            if case_only(&wa.text, &wb.text) {
                return None;
            }
            let closeness = compare(&wa.spelling, &wb.spelling);
            (closeness > Closeness::Derived).then_some((a, b, closeness))
        })
        .collect();
    if let Some(k) = &mut kept {
        k.keep(ents, compared, &pairs);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::text::DocKind;

    fn entities(text: &str) -> Entities {
        analyze(text, DocKind::Text, &Config::default()).entities
    }

    const DRAFT: &str = "Mayor Ines Duarte opened the bridge. Duarte said it was late. \
        Critics of Duartte wrote to Councillor Pavel Orlov. Orlov and Orloff met.";

    #[test]
    fn kept_pairs_are_given_again_only_while_the_words_are_the_same() {
        let ents = entities(DRAFT);
        let fresh = close_pairs(&ents, None);
        assert!(!fresh.is_empty(), "the draft has close spellings");
        let kept = Mutex::new(KeptPairs::default());
        assert_eq!(close_pairs(&ents, Some(&kept)), fresh);
        // Marked, so that an answer from the kept pairs can be told from a fresh one.
        kept.lock().unwrap().pairs.clear();
        assert!(
            close_pairs(&ents, Some(&kept)).is_empty(),
            "the same words reuse the pairs"
        );
        // Other words, or the same words first used in another order (other ids), are
        // compared afresh.
        for other in [
            DRAFT.replace("Orloff", "Orlova"),
            DRAFT.replace("Orloff", "Orlov"),
            format!("Pavel Orlov arrived. {DRAFT}"),
        ] {
            let ents = entities(&other);
            kept.lock().unwrap().pairs.clear();
            assert_eq!(close_pairs(&ents, Some(&kept)), close_pairs(&ents, None), "{other}");
        }
    }
}
