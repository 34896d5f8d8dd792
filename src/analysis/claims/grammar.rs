//! Just enough grammar to tell a claim's shape: the tokens of one sentence, and the small
//! closed word classes (forms of "to be", adverbs, determiners) that the shapes are made of.
//! Closed classes are grammar, not vocabulary, so they live here rather than in the
//! extendable word lists.

use crate::text::Span;
use crate::text::segment::{Token, TokenKind};

/// The tokens of one sentence, read in place.
#[derive(Clone, Copy)]
pub struct Sent<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub span: Span,
}

impl<'a> Sent<'a> {
    /// Index of the first token that starts at or after `offset`.
    pub fn index_from(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < offset)
    }

    /// Index of the last token that ends at or before `offset`.
    pub fn index_before(&self, offset: usize) -> Option<usize> {
        self.tokens.partition_point(|t| t.end() <= offset).checked_sub(1)
    }

    /// The text of token `i` when it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| t.text(self.text))
    }

    pub fn text_of(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    pub fn is_word_in(&self, i: usize, class: &[&str]) -> bool {
        self.word(i).is_some_and(|w| in_class(w, class))
    }

    pub fn is_lowercase_word(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
    }

    /// True when token `i` looks like part of a name: a capitalised word that is not just a
    /// common word capitalised because it opens the sentence (or a quotation or bracket).
    pub fn is_name(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let opens = i == 0 || self.tokens[i - 1].kind == TokenKind::Punct && !self.is_punct(i - 1, ',');
        !(opens && in_class(w, FUNCTION_WORDS))
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.text).starts_with(c))
    }

    /// Starting just before token `i` and going left, skip adverbs and negation; return the
    /// index of a form of "to be" if that is what comes next.
    pub fn be_before(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        let mut skipped = 0;
        loop {
            let w = self.word(j)?;
            if is_be(w) {
                return Some(j);
            }
            if skipped == 2 || !in_class(w, ADVERBS) {
                return None;
            }
            skipped += 1;
            j = j.checked_sub(1)?;
        }
    }

    /// From token `i` going right, skip auxiliaries and adverbs ("have long", "also",
    /// "superstitiously"); the index of the first other token.
    pub fn skip_auxiliaries(&self, mut i: usize) -> usize {
        let mut skipped = 0;
        while skipped < 3 && (self.is_word_in(i, AUXILIARIES) || self.is_adverb(i)) {
            i += 1;
            skipped += 1;
        }
        i
    }

    /// An adverb: one of the closed class, or a lower-case word in "-ly" ("firmly").
    pub fn is_adverb(&self, i: usize) -> bool {
        self.is_word_in(i, ADVERBS)
            || self
                .word(i)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase))
    }

    /// True when the words before token `i` (adverbs skipped) end in a name or a personal
    /// pronoun: the subject of the verb at `i` is someone ("Loomis further suggests").
    pub fn subject_is_named(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..3 {
            let Some(k) = j.checked_sub(1) else {
                return false;
            };
            // "They all suggest": a quantifier floated after its subject, like an adverb.
            if self.is_adverb(k) || self.is_word_in(k, &["all", "both", "each"]) {
                j = k;
                continue;
            }
            return self.is_name(k) || self.is_word_in(k, &["he", "she", "they", "we", "i", "you", "who"]);
        }
        false
    }
}

/// ASCII-case-insensitive membership in a closed class.
pub fn in_class(word: &str, class: &[&str]) -> bool {
    class.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// A form of "to be", contracted ones included (`it's`, `that’s`).
pub fn is_be(word: &str) -> bool {
    if in_class(word, BE) {
        return true;
    }
    let stem = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
    stem.is_some_and(|s| in_class(s, PRONOUNS))
}

const BE: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "isn't", "wasn't", "aren't", "weren't",
];

const PRONOUNS: &[&str] = &["it", "he", "she", "that", "there", "what", "who"];

/// Adverbs that may stand between "to be" and a participle, or a subject and its verb.
pub const ADVERBS: &[&str] = &[
    "also",
    "long",
    "often",
    "still",
    "now",
    "already",
    "frequently",
    "repeatedly",
    "previously",
    "once",
    "not",
    "never",
    "even",
    "further",
    "increasingly",
    "sometimes",
    "variously",
    "widely",
    "generally",
    "commonly",
    "privately",
    "publicly",
    "openly",
    "always",
    "themselves",
];

/// Auxiliaries between a subject and its verb: "experts have long argued".
pub const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "will", "would", "may", "might", "could", "can", "do", "does", "did", "should",
];

/// Words that open a noun phrase without naming anyone.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "most", "one", "two", "three", "various", "numerous", "multiple",
    "other", "these", "those", "such", "certain",
];

/// Words that, capitalised at the start of a sentence, are not names.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "some",
    "many",
    "most",
    "several",
    "one",
    "two",
    "three",
    "few",
    "other",
    "others",
    "all",
    "each",
    "every",
    "it",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "there",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "of",
    "to",
    "as",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
    "because",
    "however",
    "according",
    "meanwhile",
    "still",
    "also",
    "now",
    "then",
    "both",
    "such",
    "no",
    "not",
    "what",
    "who",
    "which",
    "how",
    "why",
    "where",
    "senior",
    "local",
    "unnamed",
    "anonymous",
    "recent",
    "earlier",
    "media",
    "press",
    "news",
    "leading",
    "top",
    "independent",
    "various",
    "numerous",
    "multiple",
    "certain",
    "unconfirmed",
    "new",
    "latest",
    "previous",
];

/// Words that end a noun phrase, going left from its noun.
pub const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "or", "as", "while", "when", "which", "who", "because", "if", "though", "although",
    "whereas", "where", "than", "so", "what", "how", "why", "is", "are", "was", "were",
];

/// Prepositions that attach a name to a noun: "a report by Amnesty", "analysts at Citi".
pub const ATTACHING: &[&str] = &["by", "from", "in", "of", "at", "for", "on"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;

    fn sent(text: &str) -> (Vec<Token>, &str) {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        (tokens, text)
    }

    #[test]
    fn be_forms_with_adverbs_between() {
        let (tokens, text) = sent("It has long been thought that he is also said to know; it's said.");
        let s = Sent {
            text,
            tokens: &tokens,
            span: Span::new(0, text.len()),
        };
        let idx = |w: &str, nth: usize| {
            tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text(text) == w)
                .nth(nth)
                .unwrap()
                .0
        };
        assert_eq!(s.be_before(idx("thought", 0)), Some(idx("been", 0)));
        assert_eq!(s.be_before(idx("said", 0)), Some(idx("is", 0)));
        assert_eq!(s.be_before(idx("said", 1)), Some(idx("it's", 0)));
        assert_eq!(s.be_before(idx("know", 0)), None);
    }

    #[test]
    fn names_are_capitalised_words_that_are_not_sentence_openers() {
        let (tokens, text) = sent("Some officials met Treasury staff. The UN report, “Many people”");
        let s = Sent {
            text,
            tokens: &tokens,
            span: Span::new(0, text.len()),
        };
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        assert!(!s.is_name(at("Some")));
        assert!(!s.is_name(at("officials")));
        assert!(s.is_name(at("Treasury")));
        assert!(s.is_name(at("UN")));
        assert!(!s.is_name(at("Many")));
    }
}
