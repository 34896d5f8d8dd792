//! Every phrase list the claim rules search a draft for, compiled into one Aho-Corasick
//! automaton so that a draft is read once, however many lists there are.
//!
//! The search is leftmost-longest across all lists: where phrases overlap, the longer one
//! wins, whichever list it belongs to. That is what the rules want — the "said" of "is said
//! to" is part of a hedge, not a speech verb; the "reported" of "it has been reported" part
//! of a vague source, not a source — and it keeps the search to one fast pass. A phrase that
//! several lists share ("reports" is a source noun and a hearsay noun) is filed under each.
//! The rules then read each list's matches by position with binary searches.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::analysis::lexicon::{PhraseMatch, is_word_boundary};
use crate::text::Span;

/// The lists of the phrasebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Hedges,
    Weasels,
    Vague,
    Crowds,
    SourceNouns,
    Documents,
    Reporting,
    Evidence,
    Hearsay,
    Publishing,
    Legal,
    Figures,
    Superlatives,
    Measures,
    Periods,
    /// The speech verbs of the quote lexicon, shared with `quote/unattributed`.
    Speech,
}

impl List {
    const COUNT: usize = 16;
}

/// The compiled lists.
#[derive(Debug)]
pub struct Phrasebook {
    automaton: AhoCorasick,
    /// For each pattern of the automaton, the lists that hold it and its index there.
    owners: Vec<Vec<(List, u32)>>,
    /// For each pattern, the phrases of other lists that open it, word for word, with
    /// their length: "said that" (a hedge when passive) opens with "said" (a speech verb).
    /// The longest match takes the whole phrase, so the shorter one would be lost when the
    /// longer one turns out not to fit its shape ("Lufthansa said that it may …").
    openers: Vec<Vec<(List, u32, usize)>>,
}

impl Phrasebook {
    /// Compile `lists`: each list with its phrases, in the order that defines their indices.
    pub fn new(lists: &[(List, &[String])]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(List, u32)>> = Vec::new();
        let mut index_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for &(list, phrases) in lists {
            for (i, phrase) in phrases.iter().enumerate() {
                let key = phrase.to_ascii_lowercase();
                let p = *index_of.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                owners[p].push((list, i as u32));
            }
        }
        let index_of = &index_of;
        let openers = patterns
            .iter()
            .zip(&owners)
            .map(|(pattern, own)| {
                let mut found = Vec::new();
                for (cut, _) in pattern.match_indices(' ') {
                    let Some(&q) = index_of.get(&pattern[..cut]) else {
                        continue;
                    };
                    let others = owners[q].iter().filter(|(l, _)| !own.iter().any(|(o, _)| o == l));
                    found.extend(others.map(|&(list, i)| (list, i, cut)));
                }
                found
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("word lists are small enough to compile");
        Phrasebook {
            automaton,
            owners,
            openers,
        }
    }

    /// Every whole-word match of every list in `text`, in one pass.
    pub fn scan(&self, text: &str) -> Matches {
        let mut by_list = Matches::default().by_list;
        for m in self.automaton.find_iter(text) {
            if !is_word_boundary(text, m.start(), m.end()) {
                continue;
            }
            let p = m.pattern().as_usize();
            for &(list, index) in &self.owners[p] {
                by_list[list as usize].push(PhraseMatch {
                    span: Span::new(m.start(), m.end()),
                    index: index as usize,
                });
            }
            for &(list, index, len) in &self.openers[p] {
                by_list[list as usize].push(PhraseMatch {
                    span: Span::new(m.start(), m.start() + len),
                    index: index as usize,
                });
            }
        }
        Matches { by_list }
    }
}

/// The matches of each list in one draft, sorted by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matches {
    by_list: Vec<Vec<PhraseMatch>>,
}

impl Default for Matches {
    fn default() -> Self {
        Matches {
            by_list: vec![Vec::new(); List::COUNT],
        }
    }
}

impl Matches {
    /// Release spare capacity, for matches kept for long.
    pub fn shrink_to_fit(&mut self) {
        for list in &mut self.by_list {
            list.shrink_to_fit();
        }
    }

    /// Make room for the matches of all `parts`, before they are appended.
    pub fn reserve_for<'a>(&mut self, parts: impl Iterator<Item = &'a Matches> + Clone) {
        for (i, mine) in self.by_list.iter_mut().enumerate() {
            mine.reserve_exact(parts.clone().map(|p| p.by_list[i].len()).sum());
        }
    }

    /// Put the matches of the text that follows (`part`, found in it alone) after these,
    /// their offsets moved on by `shift`.
    pub fn append(&mut self, part: &Matches, shift: usize) {
        for (mine, theirs) in self.by_list.iter_mut().zip(&part.by_list) {
            mine.extend(theirs.iter().map(|m| m.shifted(shift)));
        }
    }

    pub fn all(&self, list: List) -> &[PhraseMatch] {
        &self.by_list[list as usize]
    }

    /// The matches of `list` inside `span`.
    pub fn within(&self, list: List, span: Span) -> &[PhraseMatch] {
        let all = self.all(list);
        let from = all.partition_point(|m| m.span.start < span.start);
        let to = all.partition_point(|m| m.span.start < span.end).max(from);
        let slice = &all[from..to];
        let keep = slice.iter().rposition(|m| m.span.end <= span.end).map_or(0, |p| p + 1);
        &slice[..keep]
    }

    /// True when a match of `list` lies inside `span`.
    pub fn any_within(&self, list: List, span: Span) -> bool {
        !self.within(list, span).is_empty()
    }

    /// The match of `list` that starts at `offset`, if any.
    pub fn starting_at(&self, list: List, offset: usize) -> Option<PhraseMatch> {
        let all = self.all(list);
        let i = all.partition_point(|m| m.span.start < offset);
        all.get(i).copied().filter(|m| m.span.start == offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn longest_phrase_wins_across_lists_and_shared_phrases_go_to_each() {
        let hedges = strings(&["it seems", "seems to", "reportedly"]);
        let reporting = strings(&["reported", "according to", "reports"]);
        let vague = strings(&["it has been reported"]);
        let hearsay = strings(&["reports"]);
        let book = Phrasebook::new(&[
            (List::Hedges, &hedges),
            (List::Reporting, &reporting),
            (List::Vague, &vague),
            (List::Hearsay, &hearsay),
        ]);
        let text = "It seems to rain. It has been reported, Reportedly, according to unreported reports.";
        let m = book.scan(text);
        let found = |list| m.all(list).iter().map(|p| p.span.slice(text)).collect::<Vec<_>>();
        assert_eq!(found(List::Hedges), vec!["It seems", "Reportedly"]);
        assert_eq!(found(List::Reporting), vec!["according to", "reports"]);
        assert_eq!(found(List::Vague), vec!["It has been reported"]);
        assert_eq!(found(List::Hearsay), vec!["reports"]);
        assert_eq!(m.all(List::Hedges)[1].index, 2);
        let second = Span::new(18, text.len());
        assert_eq!(m.within(List::Hedges, second).len(), 1);
        assert!(
            m.starting_at(List::Reporting, text.find("according").unwrap())
                .is_some()
        );
        assert!(m.starting_at(List::Reporting, 0).is_none());
    }

    #[test]
    fn a_phrase_of_another_list_that_opens_a_longer_match_is_kept() {
        let hedges = strings(&["said that", "seems", "seems to"]);
        let speech = strings(&["said"]);
        let book = Phrasebook::new(&[(List::Hedges, &hedges), (List::Speech, &speech)]);
        let text = "The firm said that it seems to fail.";
        let m = book.scan(text);
        let found = |list| m.all(list).iter().map(|p| p.span.slice(text)).collect::<Vec<_>>();
        assert_eq!(found(List::Hedges), vec!["said that", "seems to"]);
        assert_eq!(found(List::Speech), vec!["said"]);
    }
}
