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
    /// By word id: the spelling of each word that was compared (`None` for one too short,
    /// all capitals, or with digits).
    words: Vec<Option<Box<str>>>,
    pairs: Vec<ClosePair>,
}

impl KeptPairs {
    pub fn clear(&mut self) {
        *self = KeptPairs::default();
    }

    /// Whether `ents` has the same words, by id, as the kept pairs were found among.
    fn fits(&self, ents: &Entities, compared: &[bool]) -> bool {
        self.words.len() == compared.len()
            && self
                .words
                .iter()
                .zip(compared)
                .enumerate()
                .all(|(id, (kept, &now))| match kept {
                    Some(text) => now && **text == *ents.word(id as WordId).text,
                    None => !now,
                })
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
        k.words = compared
            .iter()
            .enumerate()
            .map(|(id, &c)| c.then(|| ents.word(id as WordId).text.clone()))
            .collect();
        k.pairs = pairs.clone();
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
