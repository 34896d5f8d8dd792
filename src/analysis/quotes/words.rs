//! The word classes the quote analysis reads, loaded from sectioned word lists
//! (`[section]` headers, one word per line) in `lexicon/`.

use crate::analysis::lexicon::entries;

/// Words or short phrases, looked up ignoring ASCII case without allocating: a small
/// open-addressing hash table keyed by the lower-cased bytes (most tokens looked up are in
/// no list, and are rejected after one probe or by their length).
#[derive(Clone, Debug)]
pub struct WordSet(WordMap);

impl WordSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        WordSet(WordMap::new(words.into_iter().map(|w| (w, 1))))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word) != 0
    }
}

/// Words mapped to bit sets of their kinds (0 for a word in no list), with the lookup of
/// [`WordSet`]: one probe tells every list a word is in.
#[derive(Clone, Debug)]
pub struct WordMap {
    /// Lower-cased entries with their bits.
    words: Vec<(Box<str>, u32)>,
    /// Indexes into `words`, `EMPTY` for a free slot; the length is a power of two.
    slots: Vec<u32>,
    max_len: usize,
}

const EMPTY: u32 = u32::MAX;

/// A cheap hash of a word that ignores ASCII case: its length and its first two and last
/// bytes, with the case bit set. Collisions only cost a probe; entries are compared whole.
fn hash(word: &str) -> usize {
    let b = word.as_bytes();
    let at = |i: usize| usize::from(b[i] | 0x20);
    let (first, second, last) = (at(0), at(b.len().min(2) - 1), at(b.len() - 1));
    (b.len().wrapping_mul(0x9E37) ^ first.wrapping_mul(0x2F1) ^ second.wrapping_mul(0x61) ^ last)
        .wrapping_mul(0x9E37_79B9)
        >> 7
}

impl WordMap {
    /// Entries that repeat have their bits joined.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, u32)>) -> Self {
        let mut list: Vec<(Box<str>, u32)> = entries
            .into_iter()
            .filter(|(w, _)| !w.is_empty())
            .map(|(w, bits)| (w.to_ascii_lowercase().into(), bits))
            .collect();
        list.sort();
        list.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 |= b.1;
            }
            same
        });
        let mut slots = vec![EMPTY; (list.len() * 2).next_power_of_two().max(8)];
        let mask = slots.len() - 1;
        for (i, (w, _)) in list.iter().enumerate() {
            let mut at = hash(w) & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32;
        }
        let max_len = list.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
        WordMap {
            words: list,
            slots,
            max_len,
        }
    }

    /// The bits of `word`, 0 when it is in no list.
    pub fn get(&self, word: &str) -> u32 {
        if word.is_empty() || word.len() > self.max_len {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash(word) & mask;
        loop {
            match self.slots[at] {
                EMPTY => return 0,
                i if self.words[i as usize].0.eq_ignore_ascii_case(word) => return self.words[i as usize].1,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// Kinds of words in [`SpeakerWords::kinds`].
pub mod kind {
    pub const NEVER_IN_NAMES: u32 = 1;
    pub const PARTICLE: u32 = 1 << 1;
    pub const PERSON_NOUN: u32 = 1 << 2;
    pub const ORGANIZATION: u32 = 1 << 3;
    pub const PLACE: u32 = 1 << 4;
}

/// Capitalised (`Peskov`), or a short particle joined to a capitalised name (`al-Rashidi`).
pub fn has_name_shape(word: &str) -> bool {
    let capitalised = match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    };
    capitalised
        || word.split_once(['-', '\'', '’']).is_some_and(|(particle, rest)| {
            particle.len() <= 3
                && particle.bytes().all(|c| c.is_ascii_lowercase())
                && rest.chars().next().is_some_and(char::is_uppercase)
        })
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
#[derive(Debug)]
pub struct SpeakerWords {
    pub determiners: WordSet,
    pub noun_markers: WordSet,
    pub name_particles: WordSet,
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
    pub utterances: WordSet,
    pub not_names: WordSet,
    /// Words that never belong to a name, whatever their case: determiners, clause words,
    /// phrase links, pronouns, auxiliaries, calendar words.
    pub never_in_names: WordSet,
    /// Every list a capitalised word may be in, in one lookup (see [`kind`]).
    pub kinds: WordMap,
}

const GRAMMAR: &str = include_str!("../lexicon/speaker_grammar.txt");
const NOUNS: &str = include_str!("../lexicon/speaker_nouns.txt");

impl SpeakerWords {
    pub fn builtin() -> Self {
        let g = |name| WordSet::new(section(GRAMMAR, name));
        let n = |name| WordSet::new(section(NOUNS, name));
        let never: Vec<&str> = ["determiners", "clause_words", "phrase_links", "skip_before_verb"]
            .into_iter()
            .flat_map(|name| section(GRAMMAR, name))
            .chain(
                [
                    "person_pronouns",
                    "first_person_pronouns",
                    "thing_pronouns",
                    "plural_pronouns",
                ]
                .into_iter()
                .flat_map(|name| section(GRAMMAR, name)),
            )
            .chain(section(NOUNS, "not_names"))
            .collect();
        let never_in_names = WordSet::new(never.iter().copied());
        let kinds = WordMap::new(
            never
                .iter()
                .map(|&w| (w, kind::NEVER_IN_NAMES))
                .chain(section(GRAMMAR, "name_particles").map(|w| (w, kind::PARTICLE)))
                .chain(section(NOUNS, "person").map(|w| (w, kind::PERSON_NOUN)))
                .chain(section(NOUNS, "organization").map(|w| (w, kind::ORGANIZATION)))
                .chain(section(NOUNS, "place").map(|w| (w, kind::PLACE))),
        );
        SpeakerWords {
            never_in_names,
            kinds,
            determiners: g("determiners"),
            noun_markers: g("noun_markers"),
            name_particles: g("name_particles"),
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
            utterances: n("utterances"),
            not_names: n("not_names"),
        }
    }

    /// A word that can be part of a name: capitalised (`Peskov`), or a particle joined to a
    /// capitalised name (`al-Rashidi`, `d’Estaing`), and not a word that never is (`The`).
    pub fn looks_like_name(&self, word: &str) -> bool {
        has_name_shape(word) && !self.never_in_names.contains(word)
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
        assert!(!set.contains("Erdoğan") && !set.contains(""));
        let phrases = WordSet::new(["referred to", "Ağa"]);
        assert!(phrases.contains("Referred To") && phrases.contains("ağa") && !phrases.contains("referred"));
    }

    #[test]
    fn word_maps_join_the_bits_of_repeated_words() {
        let map = WordMap::new([("Union", 1), ("union", 4), ("bank", 2)]);
        assert_eq!(map.get("UNION"), 5);
        assert_eq!(map.get("Bank"), 2);
        assert_eq!(map.get("banks"), 0);
        assert!(!WordSet::new(["", "a"]).contains(""));
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
        assert!(w.looks_like_name("Peskov") && w.looks_like_name("al-Rashidi") && w.looks_like_name("d’Estaing"));
        assert!(!w.looks_like_name("The") && !w.looks_like_name("well-Known") && !w.looks_like_name("spokesman"));
    }
}
