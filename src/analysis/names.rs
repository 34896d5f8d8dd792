//! Spelling variants of one name: `name/variant`.
//!
//! Two spellings are linked when they are close ([`spelling::compare`]) and their context
//! does not say they are two people ([`evidence`]). Within a draft a close spelling is
//! enough when one is rare and the other common (a slip is written once, the name many
//! times); for spellings that are only a typo or an ending apart the context must vouch for
//! it: a shared first name or a shared title (across drafts, more: see
//! [`crate::workspace`]). The canonical spelling
//! is the registry's, else the more frequent, else the one of the first full mention.
//!
//! This file decides for one draft; [`crate::workspace`] applies the same tests across the
//! drafts of a folder.

mod close_pairs;
pub mod fasthash;
pub mod spelling;

use fasthash::{FastMap as HashMap, FastSet as HashSet};

use std::sync::Mutex;

use crate::analysis::Context;
use crate::analysis::entities::{Entities, Gender, PartKind, WordId};
use crate::config::{Config, RegistryEntity};
use crate::finding::{Edit, Finding, Fix, Related};
use crate::rules::Rule;
use crate::text::Span;
pub use close_pairs::KeptPairs;
use spelling::{Closeness, Spelling, compare};

/// A spelling of this draft that differs from the canonical spelling of its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// The minority spelling.
    pub word: WordId,
    pub canonical: Canonical,
    pub closeness: Closeness,
}

/// Where the canonical spelling comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Canonical {
    /// Another spelling in this draft.
    Word(WordId),
    /// The spelling of an entity in the registry (`entity` indexes `Config::registry`).
    Registry { entity: usize, text: Box<str> },
}

impl Variant {
    pub fn canonical_word(&self) -> Option<WordId> {
        match self.canonical {
            Canonical::Word(w) => Some(w),
            Canonical::Registry { .. } => None,
        }
    }

    pub fn canonical_text<'a>(&'a self, ents: &'a Entities) -> Option<&'a str> {
        match &self.canonical {
            Canonical::Word(w) => Some(&ents.word(*w).text),
            Canonical::Registry { text, .. } => Some(text),
        }
    }
}

/// What the context says about two spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Two people: different first names, a "Mr" and a "Mrs", a first name and a surname.
    Against,
    /// Nothing either way.
    Neutral,
    /// A shared (or variant) first name or other name word, or a shared title.
    Shared,
}

/// Where two spellings were found, which decides how much evidence a link needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Both in one draft, written `counts` times; `introduced` when one is only ever a bare
    /// surname and the other the surname of a full name the draft introduces; `called_alone`
    /// when the more frequent spelling is written on its own somewhere, as people are called
    /// by their surname and organisations by their short name ("Standard Life" never is).
    Within {
        counts: (usize, usize),
        introduced: bool,
        called_alone: bool,
    },

    /// In two drafts; `vouched` when, without a shared name or title, the drafts still say
    /// the spellings are one name (see [`crate::workspace`]).
    Across { vouched: bool },
    /// A draft's spelling and the registry's.
    Registry,
}

/// Whether two spellings are one name.
pub fn linked(closeness: Closeness, evidence: Evidence, scope: Scope) -> bool {
    match (evidence, closeness) {
        // An ending makes another word (Bank/Banks, Russia/Russian) even for one entity.
        (Evidence::Against, _) | (_, Closeness::Unrelated | Closeness::Derived) => false,
        (Evidence::Shared, _) => true,
        (Evidence::Neutral, Closeness::Spelling) => match scope {
            // A slip is rare next to the name it misspells: written at most half as often.
            // A bare surname that matches no one the draft introduces, close to one it does.
            Scope::Within {
                counts: (a, b),
                introduced,
                called_alone,
            } => called_alone && 2 * a.min(b) <= a.max(b) || introduced,

            Scope::Across { vouched } => vouched,
            Scope::Registry => true,
        },
        (Evidence::Neutral, Closeness::Typo) => false,
    }
}

/// Another word of a name a spelling is part of.
#[derive(Clone, Copy, Debug)]
pub struct Companion<'a> {
    pub text: &'a str,
    pub spelling: &'a Spelling,
}

/// What a draft says around one spelling: the other words of the names it is part of, the
/// positions it takes, the genders and titles of its mentions.
#[derive(Clone, Debug, Default)]
pub struct Profile<'a> {
    /// First names written before it, where it is a surname.
    pub first_names: Vec<Companion<'a>>,
    /// Surnames written after it, where it is a first name.
    pub surnames: Vec<Companion<'a>>,
    pub given: bool,
    pub surname: bool,
    pub alone: bool,
    pub gender: Gender,
    /// Titles and roles: the title word and what qualifies it.
    pub roles: Vec<(&'a str, &'a [Box<str>])>,
    /// A common word as well as a name.
    pub common: bool,
    /// Written only in title-case lines (headlines, bylines, team lists), never in a
    /// sentence: a list of names the draft does not otherwise mention.
    pub listed: bool,
    /// How many times the draft writes it.
    pub count: usize,
    /// Written after an honorific ("Mr", "Dr") at least once.
    pub honorific: bool,
}

/// The profile of `word` in a draft.
pub fn profile(ents: &Entities, word: WordId) -> Profile<'_> {
    let w = ents.word(word);
    let mut p = Profile {
        common: w.common,
        listed: w.mentions.is_empty() && w.candidates.iter().all(|&c| ents.candidates[c as usize].listed),
        count: w.count(),
        ..Profile::default()
    };
    let mut genders = (false, false);
    for &m in &w.mentions {
        let mention = &ents.mentions[m as usize];
        p.honorific |= mention.honorific.is_some();
        match mention.gender {
            Gender::Male => genders.0 = true,
            Gender::Female => genders.1 = true,
            Gender::Unknown => {}
        }
        let parts = ents.parts_of(m as usize);
        let Some(me) = parts.iter().find(|p| p.word == word) else {
            continue;
        };
        // In an organisation's name ("Soros Foundation") a word is no first name.
        if parts.iter().any(|x| ents.word(x.word).org) {
            p.alone = true;
            continue;
        }
        match me.kind {
            PartKind::Given => p.given = true,
            PartKind::Surname => p.surname = true,
            _ => p.alone = true,
        }
        for part in parts.iter().filter(|x| x.word != word) {
            let nw = ents.word(part.word);
            let list = match (me.kind, part.kind) {
                (PartKind::Surname, PartKind::Given) => &mut p.first_names,
                (PartKind::Given, PartKind::Surname) => &mut p.surnames,
                _ => continue,
            };
            if !list.iter().any(|c| c.spelling.folded() == nw.spelling.folded()) {
                list.push(Companion {
                    text: &nw.text,
                    spelling: &nw.spelling,
                });
            }
        }
    }
    // A candidate is a word written alone.
    p.alone |= !w.candidates.is_empty();
    p.gender = match genders {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    };
    // The draft's roles are sorted by mention (see `entities::roles`), so each mention's
    // roles are found by a binary search: a walk over every role of the draft for every
    // word made the cross-draft check of a long draft grow with the square of its length.
    debug_assert!(ents.roles.is_sorted_by_key(|r| r.mention));
    for &m in &w.mentions {
        let from = ents.roles.partition_point(|r| r.mention < m as usize);
        for r in ents.roles[from..].iter().take_while(|r| r.mention == m as usize) {
            p.roles.push((&r.head, &r.qualifiers));
        }
    }
    p
}

fn share(a: &[Companion<'_>], b: &[Companion<'_>], same: fn(&Companion<'_>, &Companion<'_>) -> bool) -> bool {
    a.iter().any(|x| b.iter().any(|y| same(x, y)))
}

fn same(x: &Companion<'_>, y: &Companion<'_>) -> bool {
    x.spelling.folded() == y.spelling.folded()
}

fn same_or_variant(x: &Companion<'_>, y: &Companion<'_>) -> bool {
    same(x, y) || compare(x.spelling, y.spelling) == Closeness::Spelling
}

/// The words of `a`'s names that `b`'s names share, spelt alike: first names of a surname,
/// surnames of a first name. (A first name that is itself only a variant, next to a surname
/// that is a variant, is two people with similar names: Mervyn Davies and Marvin Davis.)
pub fn shared_companions<'a>(a: &Profile<'a>, b: &Profile<'_>) -> Vec<&'a str> {
    let firsts = a
        .first_names
        .iter()
        .filter(|x| b.first_names.iter().any(|y| same(x, y)));
    let lasts = a.surnames.iter().filter(|x| b.surnames.iter().any(|y| same(x, y)));
    firsts.chain(lasts).map(|c| c.text).collect()
}

/// How many words of `a`'s names `b`'s names spell only as a variant ("Al-Saudani" for
/// "Al-Sudani"): evidence only next to other evidence, since two people may have similar
/// first names and similar surnames.
pub fn variant_companions(a: &Profile<'_>, b: &Profile<'_>) -> usize {
    let loose = |xs: &[Companion<'_>], ys: &[Companion<'_>]| {
        xs.iter()
            .filter(|x| !ys.iter().any(|y| same(x, y)) && ys.iter().any(|y| same_or_variant(x, y)))
            .count()
    };
    loose(&a.first_names, &b.first_names) + loose(&a.surnames, &b.surnames)
}

/// One title with one qualifier: "Iraqi Prime Minister" and "Iraqi PM", "Kremlin spokesman"
/// and "spokesman for the Kremlin". An unqualified "captain" or "minister" is shared by too
/// many people to say anything.
pub fn shared_title(a: &Profile<'_>, b: &Profile<'_>) -> bool {
    a.roles.iter().any(|(ha, qa)| {
        b.roles
            .iter()
            .any(|(hb, qb)| ha == hb && qa.iter().any(|q| qb.contains(q)))
    })
}

/// Whether the contexts of two spellings show one name, two names, or nothing.
pub fn evidence(a: &Profile<'_>, b: &Profile<'_>) -> Evidence {
    if !a.gender.compatible(b.gender) {
        return Evidence::Against;
    }
    // The rest of the name is the same: "Tony Blair" and "Tony Blaer"; "Mohammed Shia
    // Al-Sudani" and "Mohammad Shia Al-Saudani".
    if share(&a.first_names, &b.first_names, same) || share(&a.surnames, &b.surnames, same) {
        return Evidence::Shared;
    }
    // The rest of the name is only a variant too ("Mervyn Davies", "Marvin Davis"): two
    // slips in one name are rarer than two people with similar names, so it says nothing.
    let variant =
        share(&a.first_names, &b.first_names, same_or_variant) || share(&a.surnames, &b.surnames, same_or_variant);
    // Surnames of people with different first names ("Gordon Brown", "Nick Browne"), first
    // names of people with different surnames: two people.
    if !variant
        && (!a.first_names.is_empty() && !b.first_names.is_empty() || !a.surnames.is_empty() && !b.surnames.is_empty())
    {
        return Evidence::Against;
    }
    // A rare word only ever written as a first name ("Robin van Persie") next to a common
    // one never written as a first name ("Arjen Robben", "Robben"): two names. (The other
    // way round, "Sir Joushua" next to "Sir Joshua Reynolds", is how a first name is used.)
    let only_given = |p: &Profile<'_>| p.given && !p.surname && !p.alone;
    let never_given = |p: &Profile<'_>| !p.given && (p.surname || p.alone);
    let (rare, common) = if a.count <= b.count { (a, b) } else { (b, a) };
    if only_given(rare) && never_given(common) {
        return Evidence::Against;
    }
    // One is the surname of a full name, the other the first name of another ("Harry
    // Potter", "Peter Jones"): two names.
    let surname_not_given = |p: &Profile<'_>| p.surname && !p.given;
    let given_not_surname = |p: &Profile<'_>| p.given && !p.surname;
    if surname_not_given(a) && given_not_surname(b) || given_not_surname(a) && surname_not_given(b) {
        return Evidence::Against;
    }
    if shared_title(a, b) {
        return Evidence::Shared;
    }
    Evidence::Neutral
}

/// Whether a word takes part in the spelling check at all: letters only (no model numbers),
/// not an acronym, long enough.
pub fn checkable(ents: &Entities, word: WordId) -> bool {
    let w = ents.word(word);
    w.spelling.core().len() >= 4
        && w.text.chars().any(char::is_lowercase)
        && !w.text.chars().any(|c| c.is_ascii_digit())
        && w.count() > 0
}

/// Two spellings that differ only in capitals (WorldCom/Worldcom) are a question of house
/// style, not of spelling.
pub fn case_only(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
}

/// A spelling the configuration says is right: listed in `names.accept`, or part of a
/// registry entity's name or aliases.
pub fn accepted(config: &Config, text: &str) -> bool {
    let same = |a: &str| a == text || a.split_whitespace().any(|w| w == text);
    config.accept.iter().any(|a| same(a))
        || config
            .registry
            .iter()
            .any(|r| same(&r.name) || r.aliases.iter().any(|a| same(a)))
}

/// Where the draft first writes a word in a full name (or at all): the canonical spelling's
/// tie-breaker.
pub fn first_full_use(ents: &Entities, word: WordId) -> (usize, usize) {
    let w = ents.word(word);
    let full = w
        .mentions
        .iter()
        .find(|&&m| ents.name_words(m as usize).count() > 1)
        .map(|&m| ents.mentions[m as usize].span.start);
    let first = w
        .mentions
        .first()
        .map(|&m| ents.mentions[m as usize].span.start)
        .into_iter()
        .chain(w.candidates.first().map(|&c| ents.candidates[c as usize].span.start))
        .min()
        .unwrap_or(usize::MAX);
    (full.unwrap_or(usize::MAX), first)
}

/// Pairs of words of one draft that share a blocking key, each pair once.
/// `compared`: by word id, whether the word's spelling is checked at all ([`checkable`]).
fn candidate_pairs(ents: &Entities, compared: &[bool]) -> Vec<(WordId, WordId)> {
    // Each key and word packed in one integer, the key's top bits above the word id. Two
    // keys that agree in their top bits only make a pair that `compare` then rejects.
    const ID_BITS: u32 = 20;
    let id_mask = (1u64 << ID_BITS) - 1;
    let mut keyed: Vec<u64> = Vec::new();
    let mut keys = Vec::new();
    for id in 0..ents.words.len() as WordId {
        if !compared[id as usize] {
            continue;
        }
        keys.clear();
        ents.word(id).spelling.block_keys(&mut keys);
        keyed.extend(keys.iter().map(|&k| (k & !id_mask) | (u64::from(id) & id_mask)));
    }
    if ents.words.len() as u64 > id_mask {
        // More distinct words than the packing holds (not a draft): compare none.
        return Vec::new();
    }
    // The words under each key, by hashing rather than sorting them all: nearly every key
    // is one word's alone, and only the few shared ones make pairs.
    let mut first: HashMap<u64, u32> = HashMap::with_capacity_and_hasher(keyed.len(), Default::default());
    let mut shared: Vec<u64> = Vec::new();
    for &k in &keyed {
        let key = k & !id_mask;
        let word = (k & id_mask) as WordId;
        // Shifted: the hash's low bits, which pick the slot, come from the key's low bits.
        if *first.entry(key >> ID_BITS).or_insert(word) != word {
            shared.push(k);
        }
    }
    let mut pairs = Vec::new();
    shared.sort_unstable();
    let mut i = 0;
    while i < shared.len() {
        let key = shared[i] & !id_mask;
        let mut j = i + 1;
        while j < shared.len() && shared[j] & !id_mask == key {
            j += 1;
        }
        // The group: the first word filed under the key, and the others.
        let group: Vec<WordId> = std::iter::once(first[&(key >> ID_BITS)])
            .chain(shared[i..j].iter().map(|&k| (k & id_mask) as WordId))
            .collect();
        for (x, &a) in group.iter().enumerate() {
            for &b in &group[x + 1..] {
                if a != b {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        i = j;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// For each minority spelling: the spelling that beats it, how close they are, and the
/// winner's rank (lower is better: more uses, an earlier full mention, an earlier use).
type Links = HashMap<WordId, (Canonical, Closeness, (usize, usize, usize))>;

/// Find the spelling variants of one draft, record them in `ents.variants`, and make the
/// candidates that turn out to be variants (or the names they vary) mentions.
///
/// With `kept` (an editor's), the close pairs of the last analysis are taken from it while
/// the draft's name words stay the same.
pub fn link_within(config: &Config, ents: &mut Entities, kept: Option<&Mutex<KeptPairs>>) {
    let mut best: Links = HashMap::default();
    let rank = |ents: &Entities, w: WordId| {
        let (full, first) = first_full_use(ents, w);
        (usize::MAX - ents.word(w).count(), full, first)
    };
    let mut promote: HashSet<WordId> = HashSet::default();
    for (a, b, closeness) in close_pairs::close_pairs(ents, kept) {
        let (wa, wb) = (ents.word(a), ents.word(b));
        // Two candidates alone are two doubtful capitals, not a name.
        if wa.mentions.is_empty() && wb.mentions.is_empty() {
            continue;
        }
        let (pa, pb) = (profile(ents, a), profile(ents, b));
        let ev = evidence(&pa, &pb);
        // Close spellings of common words (Bank/Banc, Life/Liffe), and names seen only in a
        // list of other names, need a shared name or title.
        let ev = if (pa.common || pb.common || pa.listed || pb.listed) && ev == Evidence::Neutral {
            Evidence::Against
        } else {
            ev
        };
        // A bare surname after the full name it is close to; four-letter names have too many
        // neighbours (Hall, Hell) for that to be enough.
        let bare = |p: &Profile<'_>| p.first_names.is_empty() && !p.given && !p.surname;
        let full = |p: &Profile<'_>| !p.first_names.is_empty();
        let after = |x: WordId, y: WordId| first_full_use(ents, y).0 < first_full_use(ents, x).1;
        let long = wa.spelling.len().min(wb.spelling.len()) >= 5;
        let introduced = long && (bare(&pa) && full(&pb) && after(a, b) || bare(&pb) && full(&pa) && after(b, a));
        // The frequent spelling is the name the rare one would be a slip for: it must be used
        // as a name on its own. Four-letter words have so many neighbours one vowel away
        // (Ball, Bill, Bell) that the rare one must be written as a person's name too: after
        // an honorific or a title ("Sir Allan", "President Luala"), or as the bare surname
        // of someone the draft introduces in full.
        let (majority, minority) = if wa.count() >= wb.count() {
            (&pa, &pb)
        } else {
            (&pb, &pa)
        };
        let person = |p: &Profile<'_>| p.honorific || !p.roles.is_empty();
        let called_alone =
            (majority.alone || majority.honorific) && (long || person(minority) || full(majority) && bare(minority));
        let scope = Scope::Within {
            counts: (wa.count(), wb.count()),
            introduced,
            called_alone,
        };
        if !linked(closeness, ev, scope) {
            continue;
        }
        let (ra, rb) = (rank(ents, a), rank(ents, b));
        let (winner, loser, r) = if ra <= rb { (a, b, ra) } else { (b, a, rb) };
        promote.insert(a);
        promote.insert(b);
        let better = best.get(&loser).is_none_or(|(_, _, old)| r < *old);
        if better {
            best.insert(loser, (Canonical::Word(winner), closeness, r));
        }
    }
    link_registry(config, ents, &mut best, &mut promote);
    // Follow chains (A → B → C) to the top, so every variant points at a canonical spelling.
    let mut variants: Vec<Variant> = Vec::new();
    for (&word, (canonical, closeness, _)) in &best {
        let mut target = canonical.clone();
        let mut hops = 0;
        while let Canonical::Word(w) = target
            && let Some((next, _, _)) = best.get(&w)
            && hops < 8
        {
            target = next.clone();
            hops += 1;
        }
        if target == Canonical::Word(word) {
            continue;
        }
        if accepted(config, &ents.word(word).text) {
            continue;
        }
        variants.push(Variant {
            word,
            canonical: target,
            closeness: *closeness,
        });
    }
    variants.sort_by_key(|v| v.word);
    promote_candidates(ents, &promote);
    ents.variants = variants;
}

/// Link the draft's spellings to the registry's: a close spelling of a registered name is a
/// variant of it, unless the configuration accepts it.
fn link_registry(config: &Config, ents: &Entities, best: &mut Links, promote: &mut HashSet<WordId>) {
    for (ri, reg) in config.registry.iter().enumerate() {
        let words: Vec<(&str, Spelling)> = registry_words(reg).map(|w| (w, Spelling::new(w))).collect();
        for id in 0..ents.words.len() as WordId {
            if !checkable(ents, id) {
                continue;
            }
            let w = ents.word(id);
            if words
                .iter()
                .any(|(t, s)| *t == &*w.text || s.folded() == w.spelling.folded())
            {
                continue;
            }
            for (i, (text, s)) in words.iter().enumerate() {
                let closeness = compare(&w.spelling, s);
                if closeness == Closeness::Unrelated {
                    continue;
                }
                // The registry's other name words stand in for both first names and surnames.
                let others: Vec<Companion<'_>> = words
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, (t, s))| Companion { text: t, spelling: s })
                    .collect();
                let reg_profile = Profile {
                    first_names: others.clone(),
                    surnames: others,
                    ..Profile::default()
                };
                let ev = evidence(&profile(ents, id), &reg_profile);
                if linked(closeness, ev, Scope::Registry) {
                    best.insert(
                        id,
                        (
                            Canonical::Registry {
                                entity: ri,
                                text: (*text).into(),
                            },
                            closeness,
                            (0, 0, 0),
                        ),
                    );
                    promote.insert(id);
                    break;
                }
            }
        }
    }
}

/// The words of a registry entity's name and aliases.
pub fn registry_words(reg: &RegistryEntity) -> impl Iterator<Item = &str> {
    reg.name
        .split_whitespace()
        .chain(reg.aliases.iter().flat_map(|a| a.split_whitespace()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

/// Candidates whose word is in `words` become single-word mentions, in document order.
fn promote_candidates(ents: &mut Entities, words: &HashSet<WordId>) {
    if !ents.candidates.iter().any(|c| words.contains(&c.word)) {
        return;
    }
    use crate::analysis::entities::{Candidate, Gender, Mention, Part};
    let candidates = std::mem::take(&mut ents.candidates);
    let old_mentions = std::mem::take(&mut ents.mentions);
    let mut kept: Vec<Candidate> = Vec::new();
    // (start, Some(old mention) | None for a promoted candidate's part index).
    let mut order: Vec<(usize, Result<usize, usize>)> = old_mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span.start, Ok(i)))
        .collect();
    for c in candidates {
        if words.contains(&c.word) {
            let p = ents.parts.len();
            ents.parts.push(Part {
                span: c.span,
                word: c.word,
                kind: PartKind::Alone,
            });
            order.push((c.span.start, Err(p)));
        } else {
            kept.push(c);
        }
    }
    order.sort_by_key(|o| o.0);
    let mut remap = vec![0usize; old_mentions.len()];
    let mut mentions = Vec::with_capacity(order.len());
    for (new, (_, o)) in order.into_iter().enumerate() {
        match o {
            Ok(old) => {
                remap[old] = new;
                mentions.push(old_mentions[old].clone());
            }
            Err(p) => mentions.push(Mention {
                span: ents.parts[p].span,
                entity: usize::MAX,
                parts: p..p + 1,
                honorific: None,
                gender: Gender::Unknown,
                weak: true,
            }),
        }
    }
    for r in &mut ents.roles {
        r.mention = remap[r.mention];
    }
    ents.mentions = mentions;
    ents.candidates = kept;
    for w in &mut ents.words {
        w.mentions.clear();
        w.candidates.clear();
    }
    for (m, mention) in ents.mentions.iter().enumerate() {
        for p in &ents.parts[mention.parts.clone()] {
            if matches!(p.kind, PartKind::Given | PartKind::Surname | PartKind::Alone) {
                let uses = &mut ents.words[p.word as usize].mentions;
                if uses.last() != Some(&(m as u32)) {
                    uses.push(m as u32);
                }
            }
        }
    }
    for (i, c) in ents.candidates.iter().enumerate() {
        ents.words[c.word as usize].candidates.push(i as u32);
    }
}

/// Where a word is written in a draft: each part (or candidate) that uses it.
pub fn uses(ents: &Entities, word: WordId) -> Vec<Span> {
    let w = ents.word(word);
    let mut out: Vec<Span> = w
        .mentions
        .iter()
        .flat_map(|&m| {
            ents.parts_of(m as usize)
                .iter()
                .filter(|p| p.word == word)
                .map(|p| p.span)
        })
        .chain(w.candidates.iter().map(|&c| ents.candidates[c as usize].span))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// "1 mention", "3 mentions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The finding for one written variant.
pub fn variant_finding(span: Span, written: &str, canonical: &str, usage: &str, related: Vec<Related>) -> Finding {
    let message = format!(
        "“{written}” differs from “{canonical}” ({usage}); if they are the same name, write “{canonical}”, \
         or add “{written}” to names.accept if both spellings are right"
    );
    let mut f = Finding::new(Rule::NameVariant, span, message).with_fix(Fix {
        title: format!("Write “{canonical}”"),
        edits: vec![Edit {
            span,
            replacement: canonical.to_string(),
        }],
    });
    f.related = related;
    f
}

/// How many related locations a finding lists for the canonical spelling.
pub const MAX_RELATED: usize = 3;

/// Flag spellings of a name that differ from its canonical spelling within one draft, and
/// spellings the registry says to avoid.
pub fn check_document(ctx: &Context<'_>, entities: &Entities, findings: &mut Vec<Finding>) {
    let mut flagged: HashSet<Span> = HashSet::default();
    avoided(ctx, entities, &mut flagged, findings);
    for v in &entities.variants {
        let Some(canonical) = v.canonical_text(entities) else {
            continue;
        };
        let (usage, related) = match &v.canonical {
            Canonical::Word(w) => {
                let spans = uses(entities, *w);
                let usage = format!("{} in this draft", plural(spans.len(), "mention", "mentions"));
                let related = spans
                    .iter()
                    .take(MAX_RELATED)
                    .map(|&span| Related {
                        doc: None,
                        span,
                        message: format!("“{canonical}”"),
                    })
                    .collect();
                (usage, related)
            }
            Canonical::Registry { entity, .. } => (
                format!(
                    "the entity registry’s spelling for {}",
                    ctx.config.registry[*entity].name
                ),
                Vec::new(),
            ),
        };
        for span in uses(entities, v.word) {
            // An avoided spelling already flagged covers it ("Mohammad" in "Mohammad al-Rashidi").
            if flagged.iter().any(|f| f.encloses(span)) {
                continue;
            }
            let written = span.slice(ctx.source);
            findings.push(variant_finding(span, written, canonical, &usage, related.clone()));
        }
    }
}

/// Spellings a registry lists under `avoid`: always flagged.
fn avoided(ctx: &Context<'_>, entities: &Entities, flagged: &mut HashSet<Span>, findings: &mut Vec<Finding>) {
    for reg in &ctx.config.registry {
        for avoid in &reg.avoid {
            let avoid_s = Spelling::new(avoid);
            let single = !avoid.contains(char::is_whitespace);
            let spans: Vec<Span> = if single {
                (0..entities.words.len() as WordId)
                    .filter(|&w| entities.word(w).spelling.folded() == avoid_s.folded())
                    .flat_map(|w| uses(entities, w))
                    .collect()
            } else {
                phrase_spans(ctx.text, avoid)
            };
            // The registry word the avoided spelling stands for, or the whole name.
            let replacement = if single {
                registry_words(reg)
                    .min_by_key(|w| spelling::distance(Spelling::new(w).folded(), avoid_s.folded(), 64))
                    .unwrap_or(&reg.name)
            } else {
                &reg.name
            };
            for span in spans {
                if !flagged.insert(span) {
                    continue;
                }
                let written = span.slice(ctx.source);
                let message = format!(
                    "“{written}” is a spelling the entity registry says to avoid for {}; write “{replacement}”",
                    reg.name
                );
                findings.push(Finding::new(Rule::NameVariant, span, message).with_fix(Fix {
                    title: format!("Write “{replacement}”"),
                    edits: vec![Edit {
                        span,
                        replacement: replacement.to_string(),
                    }],
                }));
            }
        }
    }
}

/// Whole-word occurrences of a phrase in the text.
fn phrase_spans(text: &str, phrase: &str) -> Vec<Span> {
    text.match_indices(phrase)
        .map(|(i, p)| Span::new(i, i + p.len()))
        .filter(|s| crate::analysis::lexicon::is_word_boundary(text, s.start, s.end))
        .collect()
}

#[cfg(test)]
mod tests;
