//! Word lists are data: text files in this folder (one entry per line, `#` comments),
//! compiled once into Aho-Corasick automata and extended from `copydesk.toml`.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::analysis::quotes::WordSet;
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
        // The claim lists, compiled into one large automaton, take as long as the rest
        // together: they are built on a thread of their own. (A plain thread, not rayon's:
        // this runs inside a `OnceLock` that analyses on rayon's threads wait for, and a
        // rayon join waiting here could start one of those analyses on this very thread.)
        std::thread::scope(|scope| {
            let claims = std::thread::Builder::new()
                .name("copydesk-lexicon".into())
                .spawn_scoped(scope, || ClaimLexicon::new(additions));
            let quotes = QuoteLexicon::new(additions);
            let entities = EntityLexicon::new(additions);
            let claims = match claims {
                Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // No thread to be had: build them here.
                Err(_) => ClaimLexicon::new(additions),
            };
            Lexicon {
                quotes,
                entities,
                claims,
            }
        })
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
    phrases: Vec<String>,
    /// For [`PhraseSet::contains`]: one hash probe.
    words: WordSet,
    /// For [`PhraseSet::find_in`], compiled when first searched with: most sets are only
    /// asked about single words, and compiling an automaton for each was half of the cost
    /// of loading the word lists.
    automaton: OnceLock<AhoCorasick>,
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
        PhraseSet {
            words: WordSet::new(phrases.iter().map(String::as_str)),
            phrases,
            automaton: OnceLock::new(),
        }
    }

    /// Compile the automaton now, for a set that every analysis searches text with: so
    /// the cost falls when the word lists are loaded, not inside the first analysis.
    pub fn searchable(self) -> Self {
        self.automaton();
        self
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.phrases)
                .expect("word lists are small enough to compile")
        })
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
        self.automaton().find_iter(hay).filter_map(move |m| {
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
        self.words.contains(word)
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
