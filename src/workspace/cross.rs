//! Name variants across drafts.
//!
//! A spelling in one draft is a variant of a spelling in another when the two are close
//! and the context vouches for it more strongly than within one draft: the rest of the name
//! or a qualified title is shared ("Mohammed Shia Al-Sudani" / "Mohammad Shia Al-Saudani",
//! "Iraqi Prime Minister" / "Iraqi PM"); or the spelling is this draft's alone, used for a
//! surname the draft never introduces, and another draft introduces a close one in full.
//! In an archive (a folder larger than one desk's copy), when both drafts introduce the person
//! in full, each stands on its own and only a shared qualified title ties them. Two
//! unrelated stories in one folder that happen to name a Brown and a Braun do not flag each
//! other, nor, in an archive, an Ingrid Halvorsen and an Ingrid Halvorssen.
//!
//! The canonical spelling across drafts is the one more drafts use for the person in
//! question (each draft votes once: a draft that repeats its own misspelling is still one
//! source; a draft that writes the spelling for someone else does not vote), then the
//! spelling of the first full mention, drafts taken in key order. In an archive, file order
//! is no evidence: a tie between drafts that each introduce the person flags nothing.

use std::cmp::Ordering;
use std::collections::HashMap;

use rayon::prelude::*;
use std::sync::Arc;

use super::Workspace;
use super::index::{DraftId, SpellingEntry, SpellingId};
use super::kept_links::{Answer, KeptLinks};
use crate::analysis::entities::WordId;
use crate::analysis::names::{
    Evidence, MAX_RELATED, Profile, Scope, accepted, evidence, linked, plural, profile, shared_companions,
    shared_title, uses, variant_companions, variant_finding,
};
use crate::analysis::settle;
use crate::finding::{Finding, Related};
use crate::rules::Rule;

/// A spelling of one draft that another draft's spelling beats.
#[derive(Clone, Debug)]
pub(super) struct CrossLink {
    pub canonical: SpellingId,
    /// The drafts whose use of the canonical spelling vouches for the link.
    pub drafts: Vec<DraftId>,
}

/// How strongly the folder backs a spelling; lower is better.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Rank {
    drafts: usize,
    /// The earliest draft (in key order) with a full mention using it, and where.
    first_full: Option<(Arc<str>, usize)>,
    /// Failing that, the earliest use.
    first: Option<(Arc<str>, usize)>,
}

impl Ord for Rank {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .drafts
            .cmp(&self.drafts)
            .then_with(|| match (&self.first_full, &other.first_full) {
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => self.first.cmp(&other.first),
            })
    }
}

impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The rank of a spelling counting only the drafts in `among`, the drafts that write it for
/// the person in question.
fn rank_among(ws: &Workspace, sid: SpellingId, among: &[DraftId]) -> Rank {
    let entry = ws.index.get(sid);
    let mut r = Rank {
        drafts: among.len(),
        first_full: None,
        first: None,
    };
    for p in entry.postings.iter().filter(|p| among.contains(&p.draft)) {
        let slot = ws.slot(p.draft);
        let (full, first) = (p.first_full, p.first);
        if full != usize::MAX {
            let c = (slot.key.clone(), full);
            if r.first_full.as_ref().is_none_or(|old| c < *old) {
                r.first_full = Some(c);
            }
        }
        let c = (slot.key.clone(), first);
        if r.first.as_ref().is_none_or(|old| c < *old) {
            r.first = Some(c);
        }
    }
    r
}

/// Up to how many drafts a folder is taken for one desk's copy, whose drafts may well be one
/// story, its follow-ups and sidebars: two drafts that each introduce a person tie on a
/// shared first name. A larger folder is an archive of mostly unrelated stories, where most
/// pairs of drafts are not one story and that takes a shared title.
pub(super) const STORY_FOLDER: usize = 50;

/// How many drafts of the folder may use a first name for it to be evidence that two
/// drafts name one person: names many drafts use ("John") say little.
fn distinctive_limit(ws: &Workspace) -> usize {
    (ws.len() / 50).max(2)
}

/// The better spelling, from other drafts, that a word of draft `d` is a variant of.
pub(super) fn cross_variant(ws: &Workspace, d: DraftId, w: WordId) -> Option<CrossLink> {
    answer(ws, d, &question(ws, d, w)?)
}

/// All that the comparison of one word of a draft with the folder reads of the draft
/// itself (besides which spellings the draft uses: see [`KeptLinks`]).
pub(super) struct Question<'a> {
    pub sid: SpellingId,
    /// What the draft says around the word.
    pub mine: Profile<'a>,
    /// Whether the draft writes the spelling in a full name.
    pub full: bool,
}

/// The question to put to the folder about word `w` of draft `d`; `None` when there is
/// nothing to ask (a word the check skips, a variant within the draft, an accepted
/// spelling, or no close spelling anywhere).
pub(super) fn question(ws: &Workspace, d: DraftId, w: WordId) -> Option<Question<'_>> {
    let slot = ws.slot(d);
    let sid = slot.spellings.get(w as usize).copied().flatten()?;
    let ents = &slot.draft.analysis.entities;
    if ents.variants.iter().any(|v| v.word == w) || accepted(&slot.draft.config, &ents.word(w).text) {
        return None;
    }
    let entry = ws.index.get(sid);
    if entry.close.is_empty() {
        return None;
    }
    let full = entry.posting_of(d).is_some_and(|p| p.first_full != usize::MAX);
    Some(Question {
        sid,
        mine: profile(ents, w),
        full,
    })
}

/// The folder's answer to a question: the better spelling, if any. It reads the draft only
/// through the question (and which spellings the draft uses, through the index).
fn answer(ws: &Workspace, d: DraftId, q: &Question<'_>) -> Option<CrossLink> {
    let (sid, mine) = (q.sid, &q.mine);
    let entry = ws.index.get(sid);
    let limit = distinctive_limit(ws);
    let archive = ws.len() > STORY_FOLDER;
    // A spelling no other draft of the folder uses, written as a surname.
    let unique = entry.postings.len() == 1 && !mine.given;
    // The drafts that write this spelling for the same person: each votes for it. A draft
    // that writes it for someone else (another first name) does not: "Ronald Regan" is a slip
    // for "Ronald Reagan" however many drafts name the rugby player Mark Regan.
    let mut my_support: Option<Vec<DraftId>> = None;
    let mut best: Option<(Rank, CrossLink)> = None;
    for &(n, closeness) in &entry.close {
        let other = ws.index.get(n);
        if other.postings.iter().all(|p| p.draft == d) {
            continue;
        }
        // Fewer drafts use it than use this spelling for the same person: it cannot outvote
        // this spelling. (Whose drafts vote is read only once a close spelling is linked:
        // most are not, and reading every draft of a common spelling costs.)
        if my_support
            .as_ref()
            .is_some_and(|s: &Vec<DraftId>| other.postings.len() < s.len())
        {
            continue;
        }
        let mut drafts = Vec::new();
        for p in other.postings.iter().filter(|p| p.draft != d) {
            let oents = &ws.slot(p.draft).draft.analysis.entities;
            let theirs = profile(oents, p.word);
            let mut ev = evidence(mine, &theirs);
            if ev == Evidence::Against {
                continue;
            }
            // Across drafts a shared name word is evidence when few drafts use it, or when the
            // spelling compared is this draft's alone ("John" is shared by many people, and
            // John Smit and John Smith are two). A first name needs two supports: first names
            // vary between people who share a surname (Justin, Justine); one will do when the
            // spellings differ only in accents (Richárd, Richard).
            let shared = shared_companions(mine, &theirs);
            let rare = shared
                .iter()
                .filter(|t| {
                    unique
                        || ws
                            .index
                            .find(t)
                            .is_none_or(|id| ws.index.get(id).postings.len() <= limit)
                })
                .count();
            // A name word spelt only as a variant counts once something firmer is shared
            // ("Iraqi PM Mohammad Shia Al-Saudani": the title, and Al-Saudani for Al-Sudani).
            let title = shared_title(mine, &theirs);
            let firm = rare + usize::from(title);
            // In an archive, a draft that introduces the person in full under its own
            // spelling ("Ingrid Halvorssen") stands alone: it relies on no other draft for who
            // the person is, and another story's "Ingrid Halvorsen" may be years and subjects
            // away. A shared first name says little there (nothing says which story is
            // right); the same person in the same office does ("Iraqi PM", "Iraqi Prime
            // Minister"). A draft that only writes "Mr Halvorssen" relies on an introduction
            // elsewhere, and is judged below.
            let alone = archive && introduces(mine);
            let firm = if alone && introduces(&theirs) && !title {
                0
            } else {
                firm
            };
            let supports = if firm > 0 {
                firm + variant_companions(mine, &theirs)
            } else {
                0
            };
            let needed =
                if mine.given && !mine.surname && !mine.alone && entry.spelling.folded() != other.spelling.folded() {
                    2
                } else {
                    1
                };
            ev = if supports >= needed {
                Evidence::Shared
            } else {
                Evidence::Neutral
            };
            if ev == Evidence::Neutral && (mine.common || theirs.common || mine.listed || theirs.listed) {
                continue;
            }
            // Without a shared name or title, a surname this draft alone spells so may still
            // be a slip for the name another draft introduces in full, when this draft never
            // gives a first name: when both drafts call a person by it with an honorific or a
            // title ("Mr", "Dr", "Senator" …), or when its spelling has a letter more inside
            // it, as slips do (Mourinhho, Laccroix; a letter more at the end makes another
            // word or name: Breath, Breathe).
            let person = |p: &Profile<'_>| p.honorific || !p.roles.is_empty();
            let hon = person(mine) && person(&theirs);
            let (my_letters, their_letters) = (entry.spelling.folded(), other.spelling.folded());
            let intro = mine.first_names.is_empty()
                && !theirs.first_names.is_empty()
                && my_letters.len() == their_letters.len() + 1
                && my_letters.len() >= 7
                && !my_letters.starts_with(their_letters);
            // Spellings that differ only in accents (Richárd, Richard; Erdoğan, Erdogan) are
            // one name written two ways unless the context says two people.
            let accents_only = my_letters == their_letters && !(entry.text.is_ascii() && other.text.is_ascii());
            let vouched =
                ev == Evidence::Neutral && (accents_only || unique && !alone && !theirs.given && (hon || intro));
            if linked(closeness, ev, Scope::Across { vouched }) {
                drafts.push(p.draft);
            }
        }
        if drafts.is_empty() {
            continue;
        }
        let support = my_support.get_or_insert_with(|| support(ws, d, sid, mine));
        if drafts.len() < support.len() {
            continue;
        }
        let n_rank = rank_among(ws, n, &drafts);
        let my_rank = rank_among(ws, sid, support);
        // In an archive the order of file names says nothing about which story came first or
        // is right: as many drafts introducing the person one way as the other is a tie with
        // no canonical spelling. (One that only introduces it one way still decides.)
        let tie = n_rank.drafts == my_rank.drafts && n_rank.first_full.is_some() && my_rank.first_full.is_some();
        if archive && tie {
            continue;
        }
        if n_rank >= my_rank || best.as_ref().is_some_and(|(r, _)| n_rank >= *r) {
            continue;
        }
        best = Some((n_rank, CrossLink { canonical: n, drafts }));
    }
    best.map(|(_, link)| link)
}

/// The words of draft `d` that a spelling of other drafts beats, in word order.
fn links(ws: &Workspace, d: DraftId) -> Vec<(WordId, CrossLink)> {
    // Each word's comparison with the folder reads only the index and other drafts, and a
    // long draft has thousands: they are made on every free core, then taken in word order.
    // An article's few hundred words stay in one piece (a folder's drafts are already
    // checked side by side).
    (0..ws.slot(d).spellings.len() as WordId)
        .into_par_iter()
        .with_min_len(256)
        .filter_map(|w| cross_variant(ws, d, w).map(|link| (w, link)))
        .collect()
}

/// [`links`], reusing the answers `kept` holds where they still hold, and leaving it
/// holding this time's answers.
fn links_keeping(ws: &Workspace, d: DraftId, kept: &mut KeptLinks) -> Vec<(WordId, CrossLink)> {
    let slot = ws.slot(d);
    let mut spellings: Vec<SpellingId> = slot.spellings.iter().flatten().copied().collect();
    spellings.sort_unstable();
    spellings.dedup();
    let valid = kept.still_valid(d, &ws.changes, &spellings);
    let found: Vec<(WordId, SpellingId, Found)> = (0..slot.spellings.len() as WordId)
        .into_par_iter()
        .with_min_len(256)
        .filter_map(|w| {
            let q = question(ws, d, w)?;
            let found = match valid.and_then(|k| k.answer(&q)) {
                Some(link) => Found::Kept(link.clone()),
                None => {
                    let link = answer(ws, d, &q);
                    Found::New(Answer::new(&q, link))
                }
            };
            Some((w, q.sid, found))
        })
        .collect();
    let mut answers = HashMap::with_capacity(found.len());
    let mut links = Vec::new();
    let mut reused = 0;
    for (w, sid, found) in found {
        let (answer, link) = match found {
            Found::Kept(link) => {
                reused += 1;
                (kept.take(sid), link)
            }
            Found::New(answer) => {
                let link = answer.link().clone();
                (Some(answer), link)
            }
        };
        if let Some(answer) = answer {
            answers.insert(sid, answer);
        }
        if let Some(link) = link {
            links.push((w, link));
        }
    }
    kept.replace(&ws.changes, spellings, answers, reused);
    links
}

/// One word's answer: kept from last time, or found now.
enum Found {
    Kept(Option<CrossLink>),
    New(Answer),
}

/// Whether a draft writes the spelling in a full name (a first name before a surname, or a
/// surname after a first name): the draft says for itself who the person is.
fn introduces(p: &Profile<'_>) -> bool {
    !p.first_names.is_empty() || !p.surnames.is_empty()
}

/// The drafts that write spelling `sid` for the person draft `d` calls so (whose profile
/// there is `mine`): `d`, and each other draft using the spelling with a shared name or title.
fn support(ws: &Workspace, d: DraftId, sid: SpellingId, mine: &Profile<'_>) -> Vec<DraftId> {
    let mut out = vec![d];
    for p in ws.index.get(sid).postings.iter().filter(|p| p.draft != d) {
        let theirs = profile(&ws.slot(p.draft).draft.analysis.entities, p.word);
        if evidence(mine, &theirs) == Evidence::Shared {
            out.push(p.draft);
        }
    }
    out
}

/// A draft that writes two spellings of a name as often as each other takes the first full
/// mention's as canonical; when more drafts of the folder use the other, the folder wins:
/// the draft's finding is turned round.
fn reverse_within(ws: &Workspace, d: DraftId, out: &mut Vec<Finding>, extra: &mut Vec<Finding>) {
    let slot = ws.slot(d);
    let ents = &slot.draft.analysis.entities;
    for v in &ents.variants {
        let Some(c) = v.canonical_word() else {
            continue;
        };
        let (Some(Some(sv)), Some(Some(sc))) = (slot.spellings.get(v.word as usize), slot.spellings.get(c as usize))
        else {
            continue;
        };
        let (ev, ec) = (ws.index.get(*sv), ws.index.get(*sc));
        if ents.word(v.word).count() != ents.word(c).count() || ev.postings.len() <= ec.postings.len() {
            continue;
        }
        // Only drafts about the same person count (see `cross_variant`).
        let votes = |sid: SpellingId, w: WordId| support(ws, d, sid, &profile(ents, w)).len();
        if votes(*sv, v.word) <= votes(*sc, c) {
            continue;
        }
        let wrong = uses(ents, v.word);
        out.retain(|f| !(f.rule == Rule::NameVariant && wrong.contains(&f.span)));
        let usage = usage(ws, ev);
        let related: Vec<Related> = wrong
            .iter()
            .take(MAX_RELATED)
            .map(|&span| Related {
                doc: None,
                span,
                message: format!("“{}”", ev.text),
            })
            .collect();
        for span in uses(ents, c) {
            if !extra.iter().any(|f: &Finding| f.span == span) {
                extra.push(variant_finding(span, &ec.text, &ev.text, &usage, related.clone()));
            }
        }
    }
}

/// How much of the folder uses a spelling, for a message: "3 mentions, 2 files".
fn usage(ws: &Workspace, entry: &SpellingEntry) -> String {
    let mentions: usize = entry
        .postings
        .iter()
        .map(|p| ws.slot(p.draft).draft.analysis.entities.word(p.word).count())
        .sum();
    format!(
        "{}, {}",
        plural(mentions, "mention", "mentions"),
        plural(entry.postings.len(), "file", "files")
    )
}

/// A draft's own findings and those from other drafts, settled and sorted.
/// `kept`, when given, holds the answers of the last time and is left holding this time's
/// (see [`KeptLinks`]); the findings are the same either way.
pub(super) fn findings(ws: &Workspace, d: DraftId, kept: Option<&mut KeptLinks>) -> Vec<Finding> {
    let slot = ws.slot(d);
    let analysis = &slot.draft.analysis;
    let ents = &analysis.entities;
    let mut out = analysis.findings.clone();
    let mut extra = Vec::new();
    reverse_within(ws, d, &mut out, &mut extra);
    let links = match kept {
        Some(kept) => links_keeping(ws, d, kept),
        None => links(ws, d),
    };
    for (w, link) in links {
        let canonical = ws.index.get(link.canonical);
        let usage = usage(ws, canonical);
        let mut vouching = link.drafts.clone();
        vouching.sort_by(|a, b| ws.slot(*a).key.cmp(&ws.slot(*b).key));
        let related: Vec<Related> = vouching
            .iter()
            .flat_map(|&od| {
                let oslot = ws.slot(od);
                let p = canonical.posting_of(od);
                p.map(|p| uses(&oslot.draft.analysis.entities, p.word))
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |span| Related {
                        doc: Some(oslot.key.clone()),
                        span,
                        message: format!("“{}”", canonical.text),
                    })
            })
            .take(MAX_RELATED)
            .collect();
        for span in uses(ents, w) {
            let already = out
                .iter()
                .chain(&extra)
                .any(|f| f.rule == Rule::NameVariant && f.span.encloses(span));
            if already {
                continue;
            }
            let written = ents.word(w).text.as_ref();
            extra.push(variant_finding(span, written, &canonical.text, &usage, related.clone()));
        }
    }
    if !extra.is_empty() {
        out.extend(settle(extra, &slot.draft.config, &analysis.suppressions));
        out.sort_by_key(|a| (a.span.start, a.span.end, a.rule));
    }
    out
}
