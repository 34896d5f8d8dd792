//! Names in a draft: mentions, the entities they refer to, titles and roles.
//!
//! The pipeline, each step in its own file:
//! 1. [`scan`]: runs of capitalised words (with particles, initials, hyphens, diacritics)
//!    become mentions; titles inside a run ("Iraqi Prime Minister …") and honorifics ("Mr")
//!    are split off; words whose only evidence is a sentence-initial or headline capital
//!    become mentions only when the draft uses them as names elsewhere, else candidates
//!    that the spelling check may still match to a name.
//! 2. [`roles`]: titles and roles around a mention: pre-modifiers ("Kremlin spokesman"),
//!    appositives ("Peskov, a spokesman for the Kremlin").
//! 3. [`coref`]: mentions become entities: a surname alone joins the full name introduced
//!    before it; people who share a surname but not a first name stay apart.
//! 4. Quotation speakers are tied to the entities they name, and the spelling check
//!    ([`crate::analysis::names`]) joins the entities whose names are variants of one another.
//!
//! Name words are interned per draft ([`NameWord`]); mentions point at them through
//! [`Part`]s in one flat vector, so a draft's names cost a few allocations, not one per token.

mod coref;
mod lowercase;
mod roles;
mod scan;
mod word_cache;

pub use lowercase::LowercaseWords;
pub use scan::NameRuns;
pub use word_cache::NameWordCache;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::analysis::Context;
use crate::analysis::lexicon::{PhraseMatch, PhraseSet, entries, is_word_boundary};
use crate::analysis::names::fasthash::{FastMap, FastSet as HashSet};
use crate::analysis::names::{self, spelling::Spelling};
use crate::analysis::quotes::Quote;
use crate::config::{EntityKind, LexiconConfig};
use crate::text::Span;
use crate::text::segment::{Token, TokenKind};

/// The word lists the entity analysis reads (see `lexicon/*.txt`).
#[derive(Debug)]
pub struct EntityLexicon {
    stopwords: HashSet<Box<str>>,
    calendar: HashSet<Box<str>>,
    /// Function words, days and months, nationalities in one set: capitalised words that are
    /// not names on their own.
    common: HashSet<Box<str>>,
    particles: HashSet<Box<str>>,
    /// The particles again, for the quick lookup every short lower-case word of a draft gets.
    particles_short: ShortWords,
    /// The particles' first two bytes: most lower-case words start no particle.
    particle_starts: Starts,
    suffixes: HashSet<Box<str>>,
    org_words: HashSet<Box<str>>,
    places: HashSet<Box<str>>,
    modifiers: HashSet<Box<str>>,
    honorifics: FastMap<Box<str>, Gender>,
    /// The length of the longest particle, so most words need no lookup.
    longest_particle: usize,
    /// Titles and roles, matched as phrases ignoring case.
    pub roles: PhraseSet,
    /// The same phrases as an anchored DFA, for a list with a title that starts with
    /// something other than a letter (see `role_buckets`).
    roles_dfa: AhoCorasick,
    /// Bit [`prefix3`] is set for the first letters of each title: most words of a draft
    /// begin no title, and one bit tells.
    role_starts: Box<[u64; PREFIX3_WORDS]>,
    /// One bit per title's first word ([`first_word_slot`]): every word of a draft is put to
    /// this test, cheaper than `role_starts` and passed by far fewer words.
    role_first_words: Box<[u64; FIRST_WORD_BITS / 64]>,
    /// The titles by their first letters ([`prefix3`]), longest first, compared in place at
    /// each word that passes `role_starts`: searching the whole draft reads every byte, and
    /// an automaton's search costs more to start than a few byte compares. `None` when a
    /// title starts with something other than a letter.
    role_buckets: Option<FastMap<u32, Vec<u32>>>,
    /// The form a role is compared under (`pm` → `prime minister`), by phrase index.
    role_canonical: Vec<Box<str>>,
}

fn set(src: &str) -> HashSet<Box<str>> {
    entries(src).map(Into::into).collect()
}

/// How many integers hold one bit per [`prefix3`].
const PREFIX3_WORDS: usize = (27 * 27 * 27usize).div_ceil(64);

/// The first three ASCII letters `bytes` starts with, lower-cased, as a number below 27³
/// (26 stands for the end of the letters: "pm's" is `p`, `m`, end); `None` when it starts
/// with no letter. A title and a word of the draft it starts share it.
fn prefix3(bytes: &[u8]) -> Option<usize> {
    let letter = |i: usize| match bytes.get(i) {
        Some(&b) if b.is_ascii_alphabetic() => usize::from(b.to_ascii_lowercase() - b'a'),
        _ => 26,
    };
    let c0 = letter(0);
    if c0 == 26 {
        return None;
    }
    let c1 = letter(1);
    let c2 = if c1 == 26 { 26 } else { letter(2) };
    Some((c0 * 27 + c1) * 27 + c2)
}

/// The first two bytes of a set of words, one bit per pair: most words of a draft start no
/// particle, and a bit says so in a few instructions, before any hashing or comparing.
#[derive(Debug)]
struct Starts {
    bits: Box<[u64; 1024]>,
}

impl Starts {
    fn new<'a>(words: impl Iterator<Item = &'a [u8]>) -> Self {
        let mut starts = Starts {
            bits: Box::new([0; 1024]),
        };
        for w in words {
            match w {
                [] => starts.bits.fill(u64::MAX),
                // A one-byte word may be followed by anything.
                [b] => (0..=255).for_each(|next| starts.insert(*b, next)),
                [b, next, ..] => starts.insert(*b, *next),
            }
        }
        starts
    }

    fn index(b: u8, next: u8) -> usize {
        usize::from(b) << 8 | usize::from(next)
    }

    fn insert(&mut self, b: u8, next: u8) {
        let i = Self::index(b, next);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Whether a word of the set may start `text`: false only when none does.
    fn may_start(&self, text: &[u8]) -> bool {
        match text {
            // A one-byte word may start a longer one, or be one.
            [] | [_] => true,
            [b, next, ..] => {
                let i = Self::index(*b, *next);
                self.bits[i / 64] & (1 << (i % 64)) != 0
            }
        }
    }
}

/// How many bits the filter of titles' first words has.
const FIRST_WORD_BITS: usize = 1 << 14;

/// A slot below [`FIRST_WORD_BITS`] for the ASCII letters `text` starts with, ignoring case,
/// and how many they are.
fn first_word_slot(text: &[u8]) -> (usize, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    while let Some(&b) = text.get(n)
        && b.is_ascii_alphabetic()
    {
        h = (h ^ u64::from(b | 0x20)).wrapping_mul(0x100_0000_01b3);
        n += 1;
    }
    ((h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50) as usize, n)
}

/// The bits of the titles' first words; every bit when a title starts with something other
/// than a letter (then no first word says anything).
fn first_word_filter<'a>(titles: impl Iterator<Item = &'a [u8]>) -> Box<[u64; FIRST_WORD_BITS / 64]> {
    let mut bits = Box::new([0u64; FIRST_WORD_BITS / 64]);
    for t in titles {
        if !t.first().is_some_and(u8::is_ascii_alphabetic) {
            bits.fill(u64::MAX);
            break;
        }
        let (i, _) = first_word_slot(t);
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
}

/// A word of at most seven bytes as one integer (its bytes, and its length in the top byte),
/// so short words compare in one instruction.
fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    Some(b.iter().fold((b.len() as u64) << 56, |k, &x| (k << 8) | u64::from(x)))
}

/// A set of short words ([`pack`]) in an open-addressed table: most lower-case words of a
/// draft are looked up in it, and one multiplication and a compare or two cost less than
/// hashing the word as a string.
#[derive(Debug)]
struct ShortWords {
    slots: Box<[u64]>,
}

impl ShortWords {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let keys: Vec<u64> = words.filter_map(pack).collect();
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u64; size].into_boxed_slice();
        for k in keys {
            let mut h = Self::slot(k, size);
            while slots[h] != 0 && slots[h] != k {
                h = (h + 1) & (size - 1);
            }
            slots[h] = k;
        }
        ShortWords { slots }
    }

    fn slot(k: u64, size: usize) -> usize {
        (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (size - 1)
    }

    /// Whether the set holds `word`; `None` when the word is too long to be packed.
    fn contains(&self, word: &str) -> Option<bool> {
        let k = pack(word)?;
        let size = self.slots.len();
        let mut h = Self::slot(k, size);
        loop {
            match self.slots[h] {
                0 => return Some(false),
                s if s == k => return Some(true),
                _ => h = (h + 1) & (size - 1),
            }
        }
    }
}

impl EntityLexicon {
    pub fn new(_additions: &LexiconConfig) -> Self {
        let honorifics = entries(include_str!("lexicon/honorifics.txt"))
            .filter_map(|l| {
                let (word, gender) = l.split_once(char::is_whitespace)?;
                let gender = match gender.trim() {
                    "male" => Gender::Male,
                    "female" => Gender::Female,
                    _ => Gender::Unknown,
                };
                Some((Box::from(word), gender))
            })
            .collect();
        let role_lines: Vec<(String, String)> = entries(include_str!("lexicon/roles.txt"))
            .map(|l| match l.split_once('=') {
                Some((short, long)) => (short.trim().to_lowercase(), long.trim().to_lowercase()),
                None => (l.to_lowercase(), l.to_lowercase()),
            })
            .collect();
        let roles = PhraseSet::new(role_lines.iter().map(|(s, _)| s.clone()));
        let by_phrase: HashMap<&str, &str> = role_lines.iter().map(|(s, l)| (s.as_str(), l.as_str())).collect();
        let roles_dfa = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build((0..roles.len()).map(|i| roles.phrase(i)))
            .expect("the role list compiles");
        let role_canonical = (0..roles.len())
            .map(|i| Box::from(*by_phrase.get(roles.phrase(i)).unwrap_or(&roles.phrase(i))))
            .collect();
        let particles = set(include_str!("lexicon/name_particles.txt"));
        let (stopwords, calendar, demonyms) = (
            set(include_str!("lexicon/name_stopwords.txt")),
            set(include_str!("lexicon/calendar.txt")),
            set(include_str!("lexicon/demonyms.txt")),
        );
        let common = stopwords.iter().chain(&calendar).chain(&demonyms).cloned().collect();
        let mut role_starts = Box::new([0u64; PREFIX3_WORDS]);
        let mut role_buckets: Option<FastMap<u32, Vec<u32>>> = Some(FastMap::default());
        for i in 0..roles.len() {
            match prefix3(roles.phrase(i).as_bytes()) {
                Some(p) => {
                    role_starts[p / 64] |= 1 << (p % 64);
                    if let Some(b) = role_buckets.as_mut() {
                        b.entry(p as u32).or_default().push(i as u32);
                    }
                }
                None => role_buckets = None,
            }
        }
        for list in role_buckets.iter_mut().flat_map(|b| b.values_mut()) {
            list.sort_by_key(|&i| std::cmp::Reverse(roles.phrase(i as usize).len()));
        }
        let particles_short = ShortWords::new(particles.iter().map(|p| &**p));
        let particle_starts = Starts::new(particles.iter().map(|p| p.as_bytes()));
        let role_first_words = first_word_filter((0..roles.len()).map(|i| roles.phrase(i).as_bytes()));
        EntityLexicon {
            particles_short,
            particle_starts,
            role_first_words,
            role_starts,
            role_buckets,
            longest_particle: particles.iter().map(|p| p.len()).max().unwrap_or(0),
            particles,
            stopwords,
            calendar,
            common,
            suffixes: set(include_str!("lexicon/name_suffixes.txt")),
            org_words: set(include_str!("lexicon/org_words.txt")),
            places: set(include_str!("lexicon/places.txt")),
            modifiers: set(include_str!("lexicon/role_modifiers.txt")),
            honorifics,
            roles,
            roles_dfa,
            role_canonical,
        }
    }

    /// A capitalised word that is not a name on its own: a function word, a day or month, a
    /// nationality.
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    pub fn honorific(&self, word: &str) -> Option<Gender> {
        self.honorifics.get(word).copied()
    }

    pub fn is_particle(&self, word: &str) -> bool {
        if word.len() > self.longest_particle || !self.particle_starts.may_start(word.as_bytes()) {
            return false;
        }
        self.particles_short
            .contains(word)
            .unwrap_or_else(|| self.particles.contains(word))
    }

    /// Every title or role among the words `tokens` of `text`, as whole words, in order and
    /// not overlapping. A title starts a word or follows a hyphen inside one
    /// ("vice-president").
    pub fn find_roles(&self, text: &str, tokens: &[Token]) -> Vec<PhraseMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // Where the last title found ends: the next may not start inside it.
        let mut free = 0;
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let mut at = t.start();
            loop {
                // The letters at `at`, read once: whether they are a title's first word,
                // and where to look for a hyphen (not among them).
                let (slot, letters) = first_word_slot(&bytes[at..]);
                if at >= free
                    && self.may_start_role(slot)
                    && let Some(m) = self.role_at(text, at)
                    && is_word_boundary(text, m.span.start, m.span.end)
                {
                    free = m.span.end;
                    out.push(m);
                }
                let from = (at + letters).min(t.end());
                match bytes[from..t.end()].iter().position(|&b| b == b'-') {
                    Some(h) => at = from + h + 1,
                    None => break,
                }
            }
        }
        out
    }

    /// Whether a title may start a text whose first word has this [`first_word_slot`]: the
    /// word is a title's first word. A title starts `text` only then, or when it is one word
    /// that a longer word of `text` starts with ("director" in "directorate"), which is no
    /// whole word and so no title found.
    fn may_start_role(&self, first_word_slot: usize) -> bool {
        let i = first_word_slot;
        self.role_first_words[i / 64] & (1 << (i % 64)) != 0
    }

    /// The longest title that starts at byte `at` of `text`, ignoring case.
    fn role_at(&self, text: &str, at: usize) -> Option<PhraseMatch> {
        let Some(buckets) = &self.role_buckets else {
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            return self.roles_dfa.find(input).map(|m| PhraseMatch {
                span: Span::new(m.start(), m.end()),
                index: m.pattern().as_usize(),
            });
        };
        let rest = &text.as_bytes()[at..];
        let p = prefix3(rest)?;
        if self.role_starts[p / 64] & (1 << (p % 64)) == 0 {
            return None;
        }
        buckets.get(&(p as u32))?.iter().find_map(|&i| {
            let phrase = self.roles.phrase(i as usize).as_bytes();
            (rest.len() >= phrase.len() && rest[..phrase.len()].eq_ignore_ascii_case(phrase)).then(|| PhraseMatch {
                span: Span::new(at, at + phrase.len()),
                index: i as usize,
            })
        })
    }

    /// The form under which two titles are compared.
    pub fn role_canonical(&self, phrase_index: usize) -> &str {
        &self.role_canonical[phrase_index]
    }
}

/// The gender an honorific implies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// Two genders that could be the same person.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// What kind of thing an entity is, as far as the draft shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organization,
    Place,
    /// A name the draft gives no clue about.
    #[default]
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Other => "name",
        }
    }
}

impl From<EntityKind> for Kind {
    fn from(k: EntityKind) -> Self {
        match k {
            EntityKind::Person => Kind::Person,
            EntityKind::Organization => Kind::Organization,
            EntityKind::Place => Kind::Place,
        }
    }
}

/// Index of a [`NameWord`] in [`Entities::words`].
pub type WordId = u32;

/// One distinct spelling of a word used in names in this draft ("Peskov", "Al-Sudani").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameWord {
    /// As first written, without a possessive ending.
    pub text: Box<str>,
    pub spelling: Spelling,
    /// Mentions that use the word, in order (indices into [`Entities::mentions`]).
    pub mentions: Vec<u32>,
    /// Candidates that use it (indices into [`Entities::candidates`]).
    pub candidates: Vec<u32>,
    /// Also a common word: the draft writes it in lower case too ("Standard Life" and
    /// "life"), or it is a nationality or a function word. Close spellings of common words
    /// are often different words, so the spelling check asks for more evidence.
    pub common: bool,
    /// An organisation word ("Bank", "Foundation", "United"), or hyphenated with one.
    pub org: bool,
}

impl NameWord {
    /// How many times the draft writes this spelling as a name or a possible name.
    pub fn count(&self) -> usize {
        self.mentions.len() + self.candidates.len()
    }
}

/// The role of a word inside a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// A first or middle name ("Dmitry" in "Dmitry Peskov").
    Given,
    /// The last name word ("Peskov" in "Dmitry Peskov").
    Surname,
    /// The only name word of the mention ("Peskov", "Mr Abbas").
    Alone,
    /// An initial ("W." in "George W. Bush").
    Initial,
    /// A particle written as its own word ("bin", "van", "de").
    Particle,
    /// A generational suffix ("Jr").
    Suffix,
}

/// One word of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub span: Span,
    pub word: WordId,
    pub kind: PartKind,
}

/// One mention of a name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without honorific, title or possessive ending.
    pub span: Span,
    /// Index into [`Entities::entities`].
    pub entity: usize,
    /// Range into [`Entities::parts`].
    pub parts: Range<usize>,
    /// "Mr", "Dr", … written before the name.
    pub honorific: Option<Span>,
    pub gender: Gender,
    /// Accepted only because the draft uses the words as a name elsewhere (the mention
    /// itself starts a sentence or sits in a headline).
    pub weak: bool,
}

/// A capitalised word with no evidence of being a name (it starts a sentence, or sits in a
/// headline, and appears nowhere else). Only the spelling check looks at it: a candidate
/// one letter from a name of the draft is a misspelling of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    pub word: WordId,
    /// In a title-case line (a headline, a byline, a team list), not at a sentence start.
    pub listed: bool,
}

/// A title or role the draft gives an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The words of the title or role ("Kremlin spokesman", "spokesman for the Kremlin").
    pub span: Span,
    /// Those words as written.
    pub text: Box<str>,
    /// The title word itself, in the form titles are compared under ("spokesperson",
    /// "prime minister").
    pub head: Box<str>,
    /// The capitalised words that say whose title it is ("Kremlin", "Iraqi", "Putin"): a
    /// title is shared only with them, since "prime minister" alone names many people.
    pub qualifiers: Vec<Box<str>>,
    /// The mention it belongs to.
    pub mention: usize,
    pub placement: RolePlacement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RolePlacement {
    /// Before the name: "Kremlin spokesman Dmitry Peskov", "Putin's spokesman, Dmitry Peskov".
    Before,
    /// After the name: "Dmitry Peskov, a spokesman for the Kremlin".
    After,
}

/// A person, organisation or place the draft talks about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entity {
    /// The fullest form of the name the draft uses, in its canonical spelling.
    pub name: String,
    pub kind: Kind,
    /// Indexes into [`Entities::mentions`], in order.
    pub mentions: Vec<usize>,
    /// Indexes into [`Entities::roles`].
    pub roles: Vec<usize>,
    /// The last name word ("Peskov"), or the only one.
    pub surname: Option<WordId>,
    /// First and middle names, in order.
    pub given: Vec<WordId>,
    pub gender: Gender,
    /// Spellings of its words that the draft uses but that differ from the canonical one.
    pub variants: Vec<WordId>,
    /// Index into the configuration's registry, when the entity is a known one.
    pub registry: Option<usize>,
}

impl Entity {
    /// The mention that introduces the entity: the first with a first name, else the first.
    pub fn first_full_mention(&self, entities: &Entities) -> Option<usize> {
        self.mentions
            .iter()
            .copied()
            .find(|&m| entities.name_words(m).count() > 1)
            .or_else(|| self.mentions.first().copied())
    }
}

/// Everything the draft says about names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    pub words: Vec<NameWord>,
    pub parts: Vec<Part>,
    pub mentions: Vec<Mention>,
    pub candidates: Vec<Candidate>,
    pub roles: Vec<Role>,
    pub entities: Vec<Entity>,
    /// Spelling variants within the draft: each minority spelling and the canonical one.
    pub variants: Vec<names::Variant>,
    /// Quotations whose speaker is one of the entities.
    pub quotes: Vec<AttributedQuote>,
}

/// A quotation the quotes analysis attributes to an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributedQuote {
    /// Index into the analysis's quotes.
    pub quote: usize,
    pub entity: usize,
    /// The first quoted piece, marks included.
    pub span: Span,
    /// The quoted words, all pieces joined.
    pub text: Box<str>,
}

impl Entities {
    pub fn parts_of(&self, mention: usize) -> &[Part] {
        &self.parts[self.mentions[mention].parts.clone()]
    }

    /// The parts of a mention that are names (not initials, particles or suffixes).
    pub fn name_words(&self, mention: usize) -> impl Iterator<Item = &Part> {
        self.parts_of(mention)
            .iter()
            .filter(|p| matches!(p.kind, PartKind::Given | PartKind::Surname | PartKind::Alone))
    }

    pub fn word(&self, id: WordId) -> &NameWord {
        &self.words[id as usize]
    }

    /// The word with this exact spelling.
    pub fn find_word(&self, text: &str) -> Option<WordId> {
        self.words.iter().position(|w| &*w.text == text).map(|i| i as WordId)
    }

    /// The mention whose name covers `offset`, if any.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        (i < self.mentions.len() && self.mentions[i].span.contains(offset)).then_some(i)
    }

    /// The entity a mention or a title at `offset` refers to.
    pub fn entity_at(&self, offset: usize) -> Option<usize> {
        if let Some(m) = self.mention_at(offset) {
            return Some(self.mentions[m].entity);
        }
        self.roles
            .iter()
            .find(|r| r.span.contains(offset))
            .map(|r| self.mentions[r.mention].entity)
    }

    /// The entity a speaker span names: the last mention inside it ("Putin" in "Russian
    /// President Vladimir Putin's spokesman" would be wrong, but the speaker span the quote
    /// analysis gives is the name itself).
    fn entity_in(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .last()
            .map(|m| m.entity)
    }
}

/// The capitalised words of a title that are not title words: "Iraqi" in "Iraqi Prime
/// Minister", "Kremlin" in "spokesman for the Kremlin", "Putin" in "Putin's spokesman".
fn qualifiers(text: &str, lex: &EntityLexicon) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')) {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        if !w.chars().next().is_some_and(char::is_uppercase) || lex.stopwords.contains(w) || lex.roles.contains(w) {
            continue;
        }
        if !out.iter().any(|q| &**q == w) {
            out.push(w.into());
        }
    }
    out
}

/// Find the names of a draft; link quotation speakers to the entities they name.
pub fn extract(ctx: &Context<'_>, quotes: &mut [Quote]) -> Entities {
    extract_from(ctx, runs(ctx), quotes)
}

/// The first step of [`extract`], which needs nothing from the quotations: the analysis
/// runs it while the quotations are being attributed.
pub fn runs<'t>(ctx: &Context<'t>) -> Runs<'t> {
    Runs(scan::runs(ctx, &ctx.lexicon.entities))
}

/// The runs of capitalised words of a draft, found by [`runs`].
#[derive(Debug)]
pub struct Runs<'t>(scan::Runs<'t>);

/// [`extract`], from the runs [`runs`] found.
pub fn extract_from(ctx: &Context<'_>, runs: Runs<'_>, quotes: &mut [Quote]) -> Entities {
    let lex = &ctx.lexicon.entities;
    let speakers: Vec<Span> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| s.antecedent.unwrap_or(s.span))
        .collect();
    let (mut ents, role_matches) = scan::mentions(ctx, lex, runs.0, &speakers);
    roles::attach(ctx, lex, &mut ents, &role_matches);
    // Before the spelling check: a shared title ("Iraqi Prime Minister", "Iraqi PM") is
    // compared by its qualifiers.
    for r in &mut ents.roles {
        r.text = r.span.slice(ctx.source).into();
        r.qualifiers = qualifiers(&r.text, lex);
    }
    names::link_within(ctx.config, &mut ents, ctx.kept.map(|k| k.close_pairs));
    coref::resolve(&mut ents);
    coref::finish(ctx, lex, &mut ents);
    for (i, q) in quotes.iter_mut().enumerate() {
        let Some(s) = q.speaker.as_mut() else {
            continue;
        };
        s.entity = ents.entity_in(s.antecedent.unwrap_or(s.span));
        if let (Some(entity), Some(first)) = (s.entity, q.spans.first()) {
            let text: Vec<&str> = q.spans.iter().map(|p| p.slice(ctx.source)).collect();
            ents.quotes.push(AttributedQuote {
                quote: i,
                entity,
                span: *first,
                text: text.join(" … ").into(),
            });
        }
    }
    ents
}

#[cfg(test)]
mod tests;
