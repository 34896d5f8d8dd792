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

use crate::analysis::lexicon::entries;

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
    /// The writer's own speculation (`{guess}`), as opposed to hearsay.
    pub guess: bool,
    /// An accusation (`{accusation}`), which a trial or charges in the paragraph answer.
    pub accusation: bool,
}

/// A phrase list with shapes. The phrases are searched for by the claims'
/// [`Phrasebook`](super::phrasebook::Phrasebook); a match's index finds its entry here.
#[derive(Debug, Clone)]
pub struct ShapedSet {
    /// The phrases, lower case, sorted.
    phrases: Vec<String>,
    /// Indexed like `phrases`.
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
        let mut phrases: Vec<String> = by_phrase.keys().cloned().collect();
        phrases.sort();
        let entries = phrases
            .iter()
            .map(|p| by_phrase.remove(p).expect("every phrase has an entry"))
            .collect();
        ShapedSet { phrases, entries }
    }

    pub fn phrases(&self) -> &[String] {
        &self.phrases
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
    let mut guess = false;
    let mut accusation = false;
    // Leading markers, in any order.
    loop {
        if let Some(rest) = phrase.strip_prefix("{guess}") {
            guess = true;
            phrase = rest.trim_start();
        } else if let Some(rest) = phrase.strip_prefix("{accusation}") {
            accusation = true;
            phrase = rest.trim_start();
        } else if let Some(rest) = phrase.strip_prefix("{be}") {
            lead = Lead::Be;
            phrase = rest.trim_start();
        } else if let Some(rest) = phrase.strip_prefix("{unnamed}") {
            lead = Lead::Unnamed;
            phrase = rest.trim_start();
        } else {
            break;
        }
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
                guess,
                accusation,
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

    fn entry<'a>(set: &'a ShapedSet, phrase: &str) -> &'a Entry {
        let i = set.phrases().iter().position(|p| p == phrase).expect("listed");
        set.entry(i)
    }

    #[test]
    fn shapes_questions_and_advice_are_parsed() {
        let set = ShapedSet::from_list(
            "# comment\n{be} believed to | believed by whom?\n{guess} may {verb} | whose guess? | Say who.\nReportedly\n{accusation} {be} accused of\n{unnamed} suggests that\n",
            &["{be} rumoured to | rumoured by whom?".to_string()],
        );
        assert_eq!(
            set.phrases(),
            [
                "accused of",
                "believed to",
                "may",
                "reportedly",
                "rumoured to",
                "suggests that"
            ]
        );
        let believed = entry(&set, "believed to");
        assert_eq!((believed.lead, believed.trail), (Lead::Be, Trail::Free));
        assert_eq!(believed.question.as_deref(), Some("believed by whom?"));
        let may = entry(&set, "may");
        assert_eq!((may.lead, may.trail, may.guess), (Lead::Free, Trail::Verb, true));
        assert_eq!(may.advice.as_deref(), Some("Say who."));
        let accused = entry(&set, "accused of");
        assert!(accused.accusation && accused.lead == Lead::Be && !accused.guess);
        assert_eq!(entry(&set, "suggests that").lead, Lead::Unnamed);
        assert_eq!(entry(&set, "rumoured to").lead, Lead::Be);
        assert_eq!(entry(&set, "reportedly").lead, Lead::Free);
    }

    #[test]
    fn a_phrase_listed_twice_keeps_the_freer_shape() {
        let set = ShapedSet::from_list("{be} said to\nsaid to | said by whom?", &[]);
        assert_eq!(set.phrases().len(), 1);
        assert_eq!(set.entry(0).lead, Lead::Free);
    }
}
