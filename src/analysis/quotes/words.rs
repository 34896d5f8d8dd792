//! The word classes the quote analysis reads, loaded from sectioned word lists
//! (`[section]` headers, one word per line) in `lexicon/`.

use std::collections::HashSet;

use crate::analysis::lexicon::entries;

/// Single words, looked up ignoring ASCII case without allocating.
#[derive(Debug, Default)]
pub struct WordSet(HashSet<String>);

/// Longer words are never in a closed-class list.
const MAX_WORD: usize = 32;

impl WordSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        WordSet(words.into_iter().map(str::to_ascii_lowercase).collect())
    }

    pub fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_WORD];
        let Some(lower) = buf.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        // Lower-casing ASCII bytes leaves a valid UTF-8 string valid.
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w))
    }
}

/// The entries under `[name]` in a sectioned word list.
pub fn section<'a>(src: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    let mut current = "";
    entries(src).filter(move |line| {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = header;
            return false;
        }
        current == name
    })
}

/// The closed-class words and noun classes that delimit and classify speakers.
#[derive(Debug, Default)]
pub struct SpeakerWords {
    pub determiners: WordSet,
    pub noun_markers: WordSet,
    pub noun_or_verb: WordSet,
    pub not_before_to: Vec<String>,
    pub phrase_links: WordSet,
    pub skip_before_verb: WordSet,
    pub clause_words: WordSet,
    pub stop_after_verb: WordSet,
    pub addressee_verbs: WordSet,
    pub subject_pronouns: WordSet,
    pub person_pronouns: WordSet,
    pub first_person_pronouns: WordSet,
    pub thing_pronouns: WordSet,
    pub plural_pronouns: WordSet,
    pub relative_pronouns: WordSet,
    pub person_nouns: WordSet,
    pub organization_words: WordSet,
    pub place_words: WordSet,
    pub reporting_nouns: WordSet,
    pub not_names: WordSet,
}

const GRAMMAR: &str = include_str!("../lexicon/speaker_grammar.txt");
const NOUNS: &str = include_str!("../lexicon/speaker_nouns.txt");

impl SpeakerWords {
    pub fn builtin() -> Self {
        let g = |name| WordSet::new(section(GRAMMAR, name));
        let n = |name| WordSet::new(section(NOUNS, name));
        SpeakerWords {
            determiners: g("determiners"),
            noun_markers: g("noun_markers"),
            noun_or_verb: g("noun_or_verb"),
            not_before_to: section(GRAMMAR, "not_before_to").map(str::to_string).collect(),
            phrase_links: g("phrase_links"),
            skip_before_verb: g("skip_before_verb"),
            clause_words: g("clause_words"),
            stop_after_verb: g("stop_after_verb"),
            addressee_verbs: g("addressee_verbs"),
            subject_pronouns: g("subject_pronouns"),
            person_pronouns: g("person_pronouns"),
            first_person_pronouns: g("first_person_pronouns"),
            thing_pronouns: g("thing_pronouns"),
            plural_pronouns: g("plural_pronouns"),
            relative_pronouns: g("relative_pronouns"),
            person_nouns: n("person"),
            organization_words: n("organization"),
            place_words: n("place"),
            reporting_nouns: n("reporting"),
            not_names: n("not_names"),
        }
    }

    /// A pronoun that can name a speaker (`he`, `it`, `they`, `I`), not a relative one.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.person_pronouns.contains(word)
            || self.first_person_pronouns.contains(word)
            || self.thing_pronouns.contains(word)
            || self.plural_pronouns.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_ignore_case_and_reject_long_words() {
        let set = WordSet::new(["spokesman", "the"]);
        assert!(set.contains("Spokesman") && set.contains("THE"));
        assert!(!set.contains("spokesmen"));
        assert!(!set.contains(&"x".repeat(40)));
        assert!(!set.contains("Erdoğan"));
    }

    #[test]
    fn sections_split_a_list() {
        let src = "# comment\n[a]\none\ntwo # why\n[b]\nthree\n";
        assert_eq!(section(src, "a").collect::<Vec<_>>(), vec!["one", "two"]);
        assert_eq!(section(src, "b").collect::<Vec<_>>(), vec!["three"]);
        assert_eq!(section(src, "c").count(), 0);
    }

    #[test]
    fn builtin_lists_load() {
        let w = SpeakerWords::builtin();
        assert!(w.determiners.contains("the") && w.person_nouns.contains("Spokesman"));
        assert!(w.is_pronoun("He") && w.is_pronoun("it") && !w.is_pronoun("who"));
        assert!(w.not_names.contains("Tuesday") && w.reporting_nouns.contains("statement"));
    }
}
