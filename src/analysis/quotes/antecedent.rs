//! What a pronoun speaker refers to: the most recent mention it can refer to. `he` and
//! `she` want a person, `it` an organisation or a document, `they` a group.
//!
//! Mentions are the capitalised name runs outside quoted material, found in one linear
//! pass, plus the speakers already tied to earlier quotations (`the spokesman`).

use std::collections::HashSet;

use crate::analysis::quotes::words::SpeakerWords;
use crate::analysis::quotes::{Speaker, SpeakerKind};
use crate::text::Span;
use crate::text::segment::{Segments, Token, TokenKind};

/// How far back (in mentions) a pronoun looks for its antecedent.
const LOOK_BACK: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Person,
    Organization,
    Place,
    /// A group of people or things: `officials`, `critics`.
    Group,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub class: Class,
}

pub struct Mentions {
    /// In document order.
    list: Vec<Mention>,
}

impl Mentions {
    /// Every name run of the draft outside `quoted`, classified.
    pub fn collect(text: &str, seg: &Segments, words: &SpeakerWords, quoted: &[Span]) -> Mentions {
        let tokens = &seg.tokens;
        let mut list = Vec::new();
        let mut surnames: HashSet<&str> = HashSet::new();
        // Whether each token of the current sentence may be part of a name, computed once.
        let mut name_flags: Vec<bool> = Vec::new();
        let mut q = 0;
        for sentence in &seg.sentences {
            let range = sentence.tokens.clone();
            name_flags.clear();
            for t in &tokens[range.clone()] {
                while q < quoted.len() && quoted[q].end <= t.span.start {
                    q += 1;
                }
                let in_quote = quoted.get(q).is_some_and(|s| s.start <= t.span.start);
                // Cheap first test on the first byte: most tokens are lower-case words.
                let name = !in_quote && maybe_name(*t, text) && words.looks_like_name(t.text(text));
                name_flags.push(name);
            }
            // `Charles de Gaulle`: a particle between two names joins them.
            for k in 1..name_flags.len().saturating_sub(1) {
                if !name_flags[k]
                    && name_flags[k - 1]
                    && name_flags[k + 1]
                    && words.name_particles.contains(tokens[range.start + k].text(text))
                {
                    name_flags[k] = true;
                }
            }
            let is_name = |i: usize| name_flags[i - range.start];
            let mut i = range.start;
            while i < range.end {
                if !is_name(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                // A run: capitalised words, initials with their dots.
                while i < range.end
                    && (is_name(i)
                        || (tokens[i].punct(text) == Some('.')
                            && tokens[i - 1].text(text).chars().count() == 1
                            && i + 1 < range.end
                            && is_name(i + 1)))
                {
                    i += 1;
                }
                let run = &tokens[start..i];
                let after_title = start >= 2
                    && tokens[start - 1].punct(text) == Some('.')
                    && words.person_nouns.contains(tokens[start - 2].text(text))
                    || start >= 1 && words.person_nouns.contains(tokens[start - 1].text(text));
                // `Gowdy’s office` mentions Gowdy.
                let last = tokens[i - 1].text(text);
                let possessive = ["'s", "’s"].iter().find(|p| last.ends_with(*p)).map_or(0, |p| p.len());
                let class = classify_run(run, text, after_title, &surnames, words);
                if class == Class::Person {
                    surnames.insert(&last[..last.len() - possessive]);
                }
                list.push(Mention {
                    span: Span::new(tokens[start].span.start, tokens[i - 1].span.end - possessive),
                    class,
                });
            }
        }
        Mentions { list }
    }

    /// Record a speaker tied to a quotation, so later pronouns can refer to it.
    pub fn add_speaker(&mut self, speaker: &Speaker, text: &str, words: &SpeakerWords) {
        let class = match speaker.kind {
            SpeakerKind::Pronoun => return,
            SpeakerKind::Named => Class::Person,
            SpeakerKind::NounPhrase => phrase_class(speaker.span.slice(text), words),
        };
        let at = self.list.partition_point(|m| m.span.start < speaker.span.start);
        match self.list.get_mut(at) {
            // A name run already there: a speaker of speech is a person unless it is plainly not.
            Some(m) if m.span == speaker.span => {
                if m.class == Class::Unknown {
                    m.class = class;
                }
            }
            _ => self.list.insert(
                at,
                Mention {
                    span: speaker.span,
                    class,
                },
            ),
        }
    }

    /// The antecedent of `pronoun` (a word at `offset`): the nearest earlier mention of a
    /// class it can refer to.
    pub fn resolve(&self, pronoun: &str, offset: usize, words: &SpeakerWords) -> Option<Mention> {
        let wanted: &[Class] = if words.person_pronouns.contains(pronoun) {
            &[Class::Person]
        } else if words.thing_pronouns.contains(pronoun) {
            &[Class::Organization]
        } else if words.plural_pronouns.contains(pronoun) {
            &[Class::Group, Class::Organization]
        } else {
            return None;
        };
        let end = self.list.partition_point(|m| m.span.end <= offset);
        let recent = || self.list[..end].iter().rev().take(LOOK_BACK);
        // A lone capitalised word (`Duarte met …`) is the fallback when nothing fits better.
        recent()
            .find(|m| wanted.contains(&m.class))
            .or_else(|| recent().find(|m| m.class == Class::Unknown))
            .copied()
    }

    /// The mentions that lie inside `span`.
    pub fn within(&self, span: Span) -> &[Mention] {
        let from = self.list.partition_point(|m| m.span.start < span.start);
        let to = self.list.partition_point(|m| m.span.start < span.end);
        &self.list[from..to.max(from)]
    }
}

/// A word that may be (part of) a name: it starts with a capital, or it is short particle
/// joined to one (`al-Rashidi`). Checked on the bytes, before any word-list lookup.
fn maybe_name(t: Token, text: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.text(text).as_bytes();
    match w.first() {
        Some(b) if b.is_ascii_lowercase() => w.iter().take(4).any(|&c| matches!(c, b'-' | b'\'' | 0xE2)),
        _ => true,
    }
}

/// The class of a run of capitalised words.
fn classify_run(run: &[Token], text: &str, after_title: bool, surnames: &HashSet<&str>, words: &SpeakerWords) -> Class {
    let names = || run.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text));
    let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    if names().any(|w| words.organization_words.contains(w) || acronym(w)) {
        return Class::Organization;
    }
    if names().any(|w| words.place_words.contains(w)) {
        return Class::Place;
    }
    let count = names().count();
    let titled = names().take(count - 1).any(|w| words.person_nouns.contains(w));
    let surname = names().next_back().is_some_and(|w| surnames.contains(w));
    if after_title || titled || surname || count >= 2 {
        return Class::Person;
    }
    // One capitalised word alone (`Gdansk`, `Democrats`) may be anything.
    Class::Unknown
}

/// The class of a noun-phrase speaker, from its head (last) word.
fn phrase_class(phrase: &str, words: &SpeakerWords) -> Class {
    let head = phrase
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if words.person_nouns.contains(head) {
        Class::Person
    } else if words.organization_words.contains(head) || words.reporting_nouns.contains(head) {
        Class::Organization
    } else if head.ends_with('s') {
        Class::Group
    } else {
        Class::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocKind, prose, segment};

    fn resolve(text: &str, pronoun_at: &str) -> Option<String> {
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let words = SpeakerWords::builtin();
        let m = Mentions::collect(text, &seg, &words, &[]);
        let at = text.rfind(pronoun_at).unwrap();
        let pronoun = pronoun_at.split(' ').next().unwrap();
        m.resolve(pronoun, at, &words).map(|m| m.span.slice(text).to_string())
    }

    #[test]
    fn he_refers_to_the_last_person() {
        assert_eq!(
            resolve(
                "Anna Kowalski met the Harbour Board in Gdansk. Later he said",
                "he said"
            ),
            Some("Anna Kowalski".into())
        );
        assert_eq!(
            resolve(
                "Mayor Kowalski met Tom Reyes on Tuesday. Then Reyes left. He said",
                "He said"
            ),
            Some("Reyes".into())
        );
        // A lone capitalised word is taken only when no person is in sight.
        assert_eq!(
            resolve("Tom Reyes left. Gdansk waited. He said", "He said"),
            Some("Tom Reyes".into())
        );
        assert_eq!(resolve("Gdansk waited. He said", "He said"), Some("Gdansk".into()));
    }

    #[test]
    fn it_refers_to_an_organisation() {
        assert_eq!(
            resolve("The Harbour Board met Anna Kowalski. It said", "It said"),
            Some("Harbour Board".into())
        );
    }

    #[test]
    fn speakers_become_mentions() {
        let text = "The spokesman was late. He said";
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let words = SpeakerWords::builtin();
        let mut m = Mentions::collect(text, &seg, &words, &[]);
        let spokesman = Speaker {
            span: Span::new(0, 13),
            antecedent: None,
            kind: SpeakerKind::NounPhrase,
            entity: None,
        };
        m.add_speaker(&spokesman, text, &words);
        let found = m.resolve("He", text.find("He").unwrap(), &words).unwrap();
        assert_eq!(found.span.slice(text), "The spokesman");
    }
}
