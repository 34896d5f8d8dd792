//! Word lists are data: text files in this folder (one entry per line, `#` comments),
//! compiled once into Aho-Corasick automata and extended from `copydesk.toml`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::analysis::{claims::ClaimLexicon, entities::EntityLexicon, quotes::QuoteLexicon};
use crate::config::LexiconConfig;
use crate::text::Span;

/// Every word list, compiled. Each analyser owns the part it reads.
#[derive(Debug)]
pub struct Lexicon {
    pub quotes: QuoteLexicon,
    pub entities: EntityLexicon,
    pub claims: ClaimLexicon,
}

impl Lexicon {
    pub fn new(additions: &LexiconConfig) -> Self {
        let quotes = QuoteLexicon::new(additions);
        // The claim rules read the speech verbs too, to tell attributed claims.
        let claims = ClaimLexicon::new(additions, &quotes.speech_verbs);
        Lexicon {
            quotes,
            entities: EntityLexicon::new(additions),
            claims,
        }
    }
}

/// The entries of a word-list file: trimmed lines, without blank lines and `#` comments.
pub fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split_once('#').map_or(l, |(before, _)| before).trim())
        .filter(|l| !l.is_empty())
}

/// A set of phrases found as whole words, ignoring ASCII case, longest match first.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    automaton: AhoCorasick,
    phrases: Vec<String>,
}

/// One phrase found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Span,
    /// Index of the phrase in [`PhraseSet::phrase`].
    pub index: usize,
}

impl PhraseMatch {
    /// The same match `by` bytes further on.
    pub fn shifted(self, by: usize) -> Self {
        PhraseMatch {
            span: self.span.shifted(by),
            index: self.index,
        }
    }
}

impl PhraseSet {
    /// Build from a built-in list (file contents) plus additions from the configuration.
    pub fn from_list(builtin: &str, additions: &[String]) -> Self {
        PhraseSet::new(
            entries(builtin)
                .map(str::to_string)
                .chain(additions.iter().map(|s| s.trim().to_string())),
        )
    }

    pub fn new(phrases: impl IntoIterator<Item = String>) -> Self {
        let mut phrases: Vec<String> = phrases.into_iter().filter(|p| !p.is_empty()).collect();
        phrases.sort();
        phrases.dedup();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .expect("word lists are small enough to compile");
        PhraseSet { automaton, phrases }
    }

    pub fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whole-word matches inside `text[span]`; spans are offsets into `text`.
    pub fn find_in<'a>(&'a self, text: &'a str, span: Span) -> impl Iterator<Item = PhraseMatch> + 'a {
        let hay = &text[span.start..span.end];
        self.automaton.find_iter(hay).filter_map(move |m| {
            let s = span.start + m.start();
            let e = span.start + m.end();
            is_word_boundary(text, s, e).then_some(PhraseMatch {
                span: Span::new(s, e),
                index: m.pattern().as_usize(),
            })
        })
    }

    /// True when `word` is, ignoring ASCII case, exactly one of the phrases.
    pub fn contains(&self, word: &str) -> bool {
        self.automaton
            .find(word)
            .is_some_and(|m| m.start() == 0 && m.end() == word.len())
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let list = "# heading\nsaid\n\n  told  # inline comment\n";
        assert_eq!(entries(list).collect::<Vec<_>>(), vec!["said", "told"]);
    }

    #[test]
    fn whole_words_case_insensitive_longest_first() {
        let set = PhraseSet::from_list("said\nsaid in a statement\nsay", &["Quipped".to_string()]);
        let text = "She said in a statement that he quipped, unsaid, SAY.";
        let found: Vec<&str> = set
            .find_in(text, Span::new(0, text.len()))
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(found, vec!["said in a statement", "quipped", "SAY"]);
        assert!(set.contains("Said"));
        assert!(!set.contains("saidx"));
    }
}
