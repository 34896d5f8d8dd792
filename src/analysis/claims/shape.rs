//! Word lists whose entries carry a grammatical shape and a message.
//!
//! A line of a list such as `hedges.txt` reads `{be} believed to | believed by whom? | advice`:
//! the phrase the automaton looks for (`believed to`), what must surround it (`{be}`: a
//! form of "to be" before it; `{verb}`: a lower-case word after it), and the question and
//! advice the finding's message gives. The shape markers keep the lists short (one line
//! instead of `is believed to`, `was believed to`, `has long been believed to` …) while the
//! matching stays a single Aho-Corasick pass; the shape is checked on the tokens around
//! each match.

use std::collections::HashMap;

use crate::analysis::lexicon::{PhraseSet, entries};

/// What must come before a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    Free,
    /// A form of "to be", possibly followed by adverbs: `is`, `has long been`, `it's`.
    Be,
    /// Anything but a name or a personal pronoun: "this suggests that", not "Smith
    /// suggests that".
    Unnamed,
}

/// What must come after a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trail {
    Free,
    /// A lower-case word (a verb, for a modal): `may have`, not `May 2004`.
    Verb,
}

/// One entry of a shaped list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub lead: Lead,
    pub trail: Trail,
    /// The question the message asks ("reported by whom?"); `None` for a default.
    pub question: Option<String>,
    /// What to do about it; `None` for the rule's default advice.
    pub advice: Option<String>,
}

/// A phrase list with shapes, compiled into one automaton.
#[derive(Debug, Clone)]
pub struct ShapedSet {
    pub phrases: PhraseSet,
    /// Indexed like the phrases of [`ShapedSet::phrases`].
    entries: Vec<Entry>,
}

impl ShapedSet {
    /// Build from a built-in list (file contents) plus additions from the configuration,
    /// which may use the same notation.
    pub fn from_list(builtin: &str, additions: &[String]) -> Self {
        let mut by_phrase: HashMap<String, Entry> = HashMap::new();
        let lines = entries(builtin).chain(additions.iter().map(|s| s.trim()));
        for line in lines {
            let Some((phrase, entry)) = parse_line(line) else {
                continue;
            };
            // The same phrase listed twice keeps its least demanding shape.
            by_phrase
                .entry(phrase.to_ascii_lowercase())
                .and_modify(|e| {
                    if entry.lead == Lead::Free {
                        e.lead = Lead::Free;
                    }
                    if entry.trail == Trail::Free {
                        e.trail = Trail::Free;
                    }
                })
                .or_insert(entry);
        }
        let phrases = PhraseSet::new(by_phrase.keys().cloned());
        let entries = (0..phrases.len())
            .map(|i| by_phrase.remove(phrases.phrase(i)).expect("every phrase has an entry"))
            .collect();
        ShapedSet { phrases, entries }
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
}

/// `{be} phrase {verb} | question | advice` → the phrase and its entry.
fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut fields = line.split('|').map(str::trim);
    let mut phrase = fields.next()?;
    let question = fields.next().filter(|q| !q.is_empty()).map(str::to_string);
    let advice = fields.next().filter(|a| !a.is_empty()).map(str::to_string);
    let mut lead = Lead::Free;
    let mut trail = Trail::Free;
    if let Some(rest) = phrase.strip_prefix("{be}") {
        lead = Lead::Be;
        phrase = rest.trim_start();
    } else if let Some(rest) = phrase.strip_prefix("{unnamed}") {
        lead = Lead::Unnamed;
        phrase = rest.trim_start();
    }
    if let Some(rest) = phrase.strip_suffix("{verb}") {
        trail = Trail::Verb;
        phrase = rest.trim_end();
    }
    (!phrase.is_empty()).then(|| {
        (
            phrase.to_string(),
            Entry {
                lead,
                trail,
                question,
                advice,
            },
        )
    })
}

impl ShapedSet {
    /// The second field of an entry, for lists that use it as a tag (`percent | percent`
    /// in figures.txt) rather than a question.
    pub fn tag(&self, index: usize) -> Option<&str> {
        self.entries[index].question.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn shapes_questions_and_advice_are_parsed() {
        let set = ShapedSet::from_list(
            "# comment\n{be} believed to | believed by whom?\nmay {verb} | whose guess? | Say who.\nreportedly\n",
            &["{be} rumoured to | rumoured by whom?".to_string()],
        );
        assert_eq!(set.phrases.len(), 4);
        let text = "He is believed to be rumoured to, and may reportedly.";
        let found: Vec<(&str, Lead, Trail)> = set
            .phrases
            .find_in(text, Span::new(0, text.len()))
            .map(|m| {
                let e = set.entry(m.index);
                (m.span.slice(text), e.lead, e.trail)
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("believed to", Lead::Be, Trail::Free),
                ("rumoured to", Lead::Be, Trail::Free),
                ("may", Lead::Free, Trail::Verb),
                ("reportedly", Lead::Free, Trail::Free),
            ]
        );
        let may = set.phrases.find_in(text, Span::new(0, text.len())).nth(2).unwrap();
        assert_eq!(set.entry(may.index).question.as_deref(), Some("whose guess?"));
        assert_eq!(set.entry(may.index).advice.as_deref(), Some("Say who."));
    }

    #[test]
    fn a_phrase_listed_twice_keeps_the_freer_shape() {
        let set = ShapedSet::from_list("{be} said to\nsaid to | said by whom?", &[]);
        assert_eq!(set.phrases.len(), 1);
        assert_eq!(set.entry(0).lead, Lead::Free);
    }
}
