//! What a pronoun speaker refers to: the most recent mention it can refer to. `he` and
//! `she` want a person, `it` an organisation or a document, `they` a group.
//!
//! Mentions are the capitalised name runs outside quoted material, found in one linear
//! pass, plus the speakers already tied to earlier quotations (`the spokesman`).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, PoisonError};

use crate::analysis::quotes::words::{SpeakerWords, has_name_shape, kind};
use crate::analysis::quotes::{Speaker, SpeakerKind};
use crate::text::Span;
use crate::text::segment::{Paragraph, Segments, Token, TokenKind};

use super::kept_runs::KeptRuns;

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
    /// A role rather than a name: `the Russian President`, `the spokesman`.
    pub role: bool,
}

pub struct Mentions {
    /// In document order.
    list: Vec<Mention>,
}

impl Mentions {
    /// Every name run of the draft outside `quoted`, classified, in one pass over the
    /// tokens: most tokens are lower-case words, rejected on their first byte.
    #[cfg(test)]
    pub fn collect(text: &str, seg: &Segments, words: &SpeakerWords, quoted: &[Span]) -> Mentions {
        Mentions::collect_with(text, seg, words, quoted, None)
    }

    /// [`Mentions::collect`], taking from `kept` the runs of the paragraphs it has seen (the
    /// same text with the same stretches quoted), and telling it of the others.
    pub fn collect_with(
        text: &str,
        seg: &Segments,
        words: &SpeakerWords,
        quoted: &[Span],
        kept: Option<&Mutex<KeptRuns>>,
    ) -> Mentions {
        let mut kept = kept
            .map(|m| m.lock().unwrap_or_else(PoisonError::into_inner))
            .filter(|k| k.fits(seg.paragraphs.len()));
        let mut classes = Classifier {
            text,
            tokens: &seg.tokens,
            words,
            surnames: HashSet::default(),
            list: Vec::new(),
        };
        let mut runs = Vec::new();
        // The quoted stretches that reach into the paragraph at hand (a quotation may run
        // over several paragraphs).
        let mut q = 0;
        for (index, p) in seg.paragraphs.iter().enumerate() {
            while q < quoted.len() && quoted[q].end <= p.span.start {
                q += 1;
            }
            let within = quoted[q..].partition_point(|s| s.start < p.span.end);
            let here = &quoted[q..q + within];
            runs.clear();
            match &mut kept {
                Some(k) => k.runs_of(index, (text, seg, p), words, here, &mut runs),
                None => runs_of_paragraph(text, seg, p, words, here, &mut runs),
            }
            for r in &runs {
                classes.add(r);
            }
        }
        Mentions { list: classes.list }
    }

    /// The antecedent of `pronoun` (a word at `offset`): the nearest earlier mention of a
    /// class it can refer to.
    pub fn resolve(&self, pronoun: &str, offset: usize, words: &SpeakerWords) -> Option<Mention> {
        let start = self.list.partition_point(|m| m.span.start < offset);
        resolve_among(&self.list[..start], pronoun, offset, words)
    }

    /// Open the list for the speakers of the quotations, added in draft order beside the
    /// pronouns they answer.
    pub fn adding_speakers(self) -> AddingSpeakers {
        AddingSpeakers {
            before: self.list,
            after: Vec::new(),
        }
    }

    /// The mentions that lie inside `span`.
    pub fn within(&self, span: Span) -> &[Mention] {
        let from = self.list.partition_point(|m| m.span.start < span.start);
        let to = self.list.partition_point(|m| m.span.start < span.end);
        &self.list[from..to.max(from)]
    }
}

/// The antecedent of `pronoun` (a word at `offset`) among `earlier`, the mentions that
/// start before it in draft order: the nearest that ends before it, of a class it can
/// refer to. (A speaker may overlap a name run, `the spokesman Pavel Orlov` over `Pavel
/// Orlov`, so the mentions that end before a word are not always a prefix of the list.)
fn resolve_among(earlier: &[Mention], pronoun: &str, offset: usize, words: &SpeakerWords) -> Option<Mention> {
    let wanted: &[Class] = if words.person_pronouns.contains(pronoun) {
        &[Class::Person]
    } else if words.thing_pronouns.contains(pronoun) {
        &[Class::Organization]
    } else if words.plural_pronouns.contains(pronoun) {
        &[Class::Group, Class::Organization]
    } else {
        return None;
    };
    let recent = || earlier.iter().rev().filter(|m| m.span.end <= offset).take(LOOK_BACK);
    // A lone capitalised word (`Duarte met …`) is the fallback when nothing fits better.
    let found = recent()
        .find(|m| wanted.contains(&m.class))
        .or_else(|| recent().find(|m| m.class == Class::Unknown))
        .copied()?;
    // `The Russian President asserted … He went on`: a role stands for the person last
    // named before it, which tells the reader more.
    if found.role {
        let before = earlier.partition_point(|m| m.span.start < found.span.start);
        let named = earlier[..before]
            .iter()
            .rev()
            .filter(|m| m.span.end <= offset)
            .take(LOOK_BACK)
            .find(|m| m.class == Class::Person && !m.role);
        if let Some(n) = named {
            return Some(*n);
        }
    }
    Some(found)
}

/// The mention a quotation's speaker makes; `None` for a pronoun, which refers to one.
fn speaker_mention(speaker: &Speaker, text: &str, words: &SpeakerWords) -> Option<Mention> {
    let class = match speaker.kind {
        SpeakerKind::Pronoun => return None,
        SpeakerKind::Named => Class::Person,
        SpeakerKind::NounPhrase => phrase_class(speaker.span.slice(text), words),
    };
    Some(Mention {
        span: speaker.span,
        class,
        role: speaker.kind == SpeakerKind::NounPhrase && class == Class::Person,
    })
}

/// A speaker at a name run already listed: a speaker of speech is a person unless it is
/// plainly not, so an unknown run takes the speaker's class.
fn settle_class(run: &mut Mention, speaker: Mention) {
    if run.class == Class::Unknown {
        run.class = speaker.class;
    }
}

/// The mentions while the quotations' speakers are added to them, quotation by quotation
/// in draft order. The list is split where the last insertion or look-up fell (a gap
/// buffer): a speaker lands at the split, and the split moves only as far as the next
/// quotation. Inserting into one sorted vector instead moved every later mention along,
/// on every speaker: at 100,000 words, most of the time spent on pronouns.
pub struct AddingSpeakers {
    /// The mentions before the split, in draft order.
    before: Vec<Mention>,
    /// The mentions after it, in reverse draft order (the nearest last).
    after: Vec<Mention>,
}

impl AddingSpeakers {
    /// Move the split so that `before` holds exactly the mentions for which `is_before`
    /// holds (a predicate true for a prefix of the list).
    fn split_where(&mut self, is_before: impl Fn(&Mention) -> bool) {
        while let Some(m) = self.after.last()
            && is_before(m)
        {
            self.before.push(*m);
            self.after.pop();
        }
        while let Some(m) = self.before.last()
            && !is_before(m)
        {
            self.after.push(*m);
            self.before.pop();
        }
    }

    /// Record a speaker tied to a quotation, so later pronouns can refer to it.
    pub fn add_speaker(&mut self, speaker: &Speaker, text: &str, words: &SpeakerWords) {
        let Some(new) = speaker_mention(speaker, text, words) else {
            return;
        };
        self.split_where(|m| m.span.start < new.span.start);
        match self.after.last_mut() {
            Some(m) if m.span == new.span => settle_class(m, new),
            _ => self.before.push(new),
        }
    }

    /// [`Mentions::resolve`] among the mentions and the speakers added so far.
    pub fn resolve(&mut self, pronoun: &str, offset: usize, words: &SpeakerWords) -> Option<Mention> {
        self.split_where(|m| m.span.start < offset);
        resolve_among(&self.before, pronoun, offset, words)
    }

    /// The mentions with every speaker added, in draft order.
    pub fn done(mut self) -> Mentions {
        self.before.extend(self.after.drain(..).rev());
        Mentions { list: self.before }
    }
}

/// A run of capitalised words outside quotation marks, as one paragraph alone shows it:
/// what settles its class beyond that (a title ending the text before it, the surnames of
/// earlier people) is read by [`Classifier`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Run {
    /// The run, a possessive ending left out.
    pub span: Span,
    /// Its first token, by index into the draft's tokens.
    pub first: usize,
    /// Its last word, a possessive ending left out.
    pub bare: Span,
    class: RunClass,
}

impl Run {
    /// The same run in a text `by` bytes and `tokens` tokens further on (or back).
    pub fn moved(self, by: isize, tokens: isize) -> Run {
        let shift = |s: Span| Span::new(s.start.saturating_add_signed(by), s.end.saturating_add_signed(by));
        Run {
            span: shift(self.span),
            first: self.first.saturating_add_signed(tokens),
            bare: shift(self.bare),
            class: self.class,
        }
    }
}

/// The runs of paragraph `p` outside `quoted` (the quoted stretches that reach into it),
/// in order.
pub(super) fn runs_of_paragraph(
    text: &str,
    seg: &Segments,
    p: &Paragraph,
    words: &SpeakerWords,
    quoted: &[Span],
    out: &mut Vec<Run>,
) {
    let tokens = &seg.tokens;
    let bytes = text.as_bytes();
    let mut q = 0;
    // The kinds of a token that may be part of a name, or `None`.
    let mut name_kinds = |i: usize| -> Option<u32> {
        let t = tokens[i];
        if !maybe_name(t, bytes) {
            return None;
        }
        while q < quoted.len() && quoted[q].end <= t.start() {
            q += 1;
        }
        if quoted.get(q).is_some_and(|s| s.start <= t.start()) {
            return None;
        }
        let w = t.text(text);
        let bits = words.kinds.get(w);
        (has_name_shape(w) && bits & kind::NEVER_IN_NAMES == 0).then_some(bits)
    };
    for sentence in &seg.sentences[p.sentences.clone()] {
        let end = sentence.tokens.end;
        let mut i = sentence.tokens.start;
        while i < end {
            let Some(bits) = name_kinds(i) else {
                i += 1;
                continue;
            };
            let start = i;
            let mut run = RunClass::default();
            run.add(tokens[i], bits, text);
            i += 1;
            // The run goes on over names, particles between names (`Charles de Gaulle`)
            // and the dots of initials (`George W. Bush`).
            while i < end {
                if let Some(bits) = name_kinds(i) {
                    run.add(tokens[i], bits, text);
                    i += 1;
                    continue;
                }
                let t = tokens[i];
                let joins = if t.punct(text) == Some('.') {
                    tokens[i - 1].text(text).chars().count() == 1
                } else {
                    // Particles are short lower-case words: look up only those.
                    t.kind == TokenKind::Word
                        && t.span().len() <= 4
                        && words.kinds.get(t.text(text)) & kind::PARTICLE != 0
                };
                if joins
                    && i + 1 < end
                    && let Some(bits) = name_kinds(i + 1)
                {
                    run.add(tokens[i + 1], bits, text);
                    i += 2;
                    continue;
                }
                break;
            }
            // `Gowdy’s office` mentions Gowdy.
            let last = tokens[i - 1];
            let written = last.text(text);
            let possessive = ["'s", "’s"]
                .iter()
                .find(|p| written.ends_with(*p))
                .map_or(0, |p| p.len());
            out.push(Run {
                span: Span::new(tokens[start].start(), last.end() - possessive),
                first: start,
                bare: Span::new(last.start(), last.end() - possessive),
                class: run,
            });
        }
    }
}

/// Settles the class of each run in draft order: a title just before it (`President
/// Obama`, `Dr. Reyes`) or an earlier person's surname makes a lone word a person.
struct Classifier<'a> {
    text: &'a str,
    tokens: &'a [Token],
    words: &'a SpeakerWords,
    surnames: HashSet<&'a str, BuildHasherDefault<Fnv>>,
    list: Vec<Mention>,
}

impl Classifier<'_> {
    fn add(&mut self, r: &Run) {
        let (text, tokens, start) = (self.text, self.tokens, r.first);
        let after_title = start >= 2
            && tokens[start - 1].punct(text) == Some('.')
            && self.words.person_nouns.contains(tokens[start - 2].text(text))
            || start >= 1 && self.words.person_nouns.contains(tokens[start - 1].text(text));
        let bare = r.bare.slice(text);
        let class = r.class.class(after_title, self.surnames.contains(bare));
        if class == Class::Person {
            self.surnames.insert(bare);
        }
        self.list.push(Mention {
            span: r.span,
            class,
            role: r.class.last & kind::PERSON_NOUN != 0,
        });
    }
}

/// A word that may be (part of) a name: it starts with a capital, or it is short particle
/// joined to one (`al-Rashidi`). Checked on the bytes, before any word-list lookup.
fn maybe_name(t: Token, bytes: &[u8]) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let first = bytes[t.start()];
    if !first.is_ascii_lowercase() {
        return true;
    }
    // `al-Rashidi`, `d’Estaing`: a joiner after one to three letters.
    let joiner = |i: usize| i < t.end() && matches!(bytes[i], b'-' | b'\'' | 0xE2);
    let s = t.start();
    joiner(s + 1) || joiner(s + 2) || joiner(s + 3)
}

/// What is known of a run of capitalised words, gathered word by word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct RunClass {
    /// The kinds of every word so far.
    any: u32,
    /// The kinds of the latest word.
    last: u32,
    /// A title before the latest word: `President Obama`.
    titled: bool,
    words: usize,
    acronym: bool,
}

impl RunClass {
    fn add(&mut self, t: Token, bits: u32, text: &str) {
        self.titled |= self.any & kind::PERSON_NOUN != 0;
        self.any |= bits;
        self.last = bits;
        self.words += 1;
        let w = t.text(text);
        self.acronym |= w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase() || c == b'.');
    }

    /// What the run names; `surname` when its last word ended an earlier person's name.
    fn class(&self, after_title: bool, surname: bool) -> Class {
        if self.any & kind::ORGANIZATION != 0 || self.acronym {
            return Class::Organization;
        }
        if self.any & kind::PLACE != 0 {
            return Class::Place;
        }
        if after_title || self.titled || surname || self.words >= 2 {
            return Class::Person;
        }
        // One capitalised word alone (`Gdansk`, `Democrats`) may be anything.
        Class::Unknown
    }
}

/// FNV-1a, for the small sets of names built per draft.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
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
    fn a_role_stands_for_the_person_named_before_it() {
        assert_eq!(
            resolve(
                "Anna Kowalski spoke first. The Harbour Master agreed. Then he said",
                "he said"
            ),
            Some("Anna Kowalski".into())
        );
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
        let mut m = Mentions::collect(text, &seg, &words, &[]).adding_speakers();
        let spokesman = Speaker {
            span: Span::new(0, 13),
            antecedent: None,
            kind: SpeakerKind::NounPhrase,
            entity: None,
        };
        m.add_speaker(&spokesman, text, &words);
        let found = m.resolve("He", text.find("He").unwrap(), &words).unwrap();
        assert_eq!(found.span.slice(text), "The spokesman");
        let m = m.done();
        assert_eq!(m.resolve("He", text.find("He").unwrap(), &words), Some(found));
    }

    /// The split list answers as one sorted list would, whatever order speakers and
    /// look-ups come in: forwards (as quotations do), backwards, or at random.
    #[test]
    fn speakers_added_anywhere_give_what_one_sorted_list_gives() {
        let text = "Ines Duarte met the Harbour Board. The ministry wrote to Duarte. \
            Officials said the council would meet. The spokesman, Pavel Orlov, left. \
            Critics of the Harbour Board wrote again to the ministry and Orlov.";
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let words = SpeakerWords::builtin();
        // Candidate speakers: every word and every pair of words, some already mentions.
        let word_spans: Vec<Span> = seg
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span())
            .collect();
        let mut candidates: Vec<Speaker> = Vec::new();
        for (i, w) in word_spans.iter().enumerate() {
            let spans = [*w, Span::new(w.start, word_spans.get(i + 1).map_or(w.end, |n| n.end))];
            for (k, span) in spans.into_iter().enumerate() {
                let kind = [SpeakerKind::Named, SpeakerKind::NounPhrase, SpeakerKind::Pronoun][(i + k) % 3];
                candidates.push(Speaker {
                    span,
                    antecedent: None,
                    kind,
                    entity: None,
                });
            }
        }
        let pronouns = ["he", "she", "it", "they", "He", "They"];
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..40 {
            let mut split = Mentions::collect(text, &seg, &words, &[]).adding_speakers();
            let mut sorted = Mentions::collect(text, &seg, &words, &[]).list;
            let steps = 30;
            for step in 0..steps {
                let at = match round % 3 {
                    0 => step * candidates.len() / steps,
                    1 => (steps - 1 - step) * candidates.len() / steps,
                    _ => next(candidates.len()),
                };
                let speaker = &candidates[at];
                split.add_speaker(speaker, text, &words);
                add_sorted(&mut sorted, speaker, text, &words);
                let offset = candidates[next(candidates.len())].span.start;
                let pronoun = pronouns[next(pronouns.len())];
                let start = sorted.partition_point(|m| m.span.start < offset);
                assert_eq!(
                    split.resolve(pronoun, offset, &words),
                    resolve_among(&sorted[..start], pronoun, offset, &words),
                    "round {round}, step {step}"
                );
            }
            assert_eq!(split.done().list, sorted, "round {round}");
        }
    }

    /// The speaker insertion as one sorted vector does it: the reference for the split list.
    fn add_sorted(list: &mut Vec<Mention>, speaker: &Speaker, text: &str, words: &SpeakerWords) {
        let Some(new) = speaker_mention(speaker, text, words) else {
            return;
        };
        let at = list.partition_point(|m| m.span.start < new.span.start);
        match list.get_mut(at) {
            Some(m) if m.span == new.span => settle_class(m, new),
            _ => list.insert(at, new),
        }
    }
}
