//! Name variants across drafts.
//!
//! A spelling in one draft is a variant of a spelling in another when the two are close
//! and the context vouches for it more strongly than within one draft: the rest of the name
//! or a qualified title is shared ("Mohammed Shia Al-Sudani" / "Mohammad Shia Al-Saudani",
//! "Iraqi Prime Minister" / "Iraqi PM"); or the spelling is this draft's alone, used for a
//! surname the draft never introduces, and another draft introduces a close one in full.
//! Two unrelated stories in one folder that happen to name a Brown and a Braun do not flag
//! each other.
//!
//! The canonical spelling across drafts is the one more drafts use (each draft votes once:
//! a draft that repeats its own misspelling is still one source), then the spelling of the
//! first full mention, drafts taken in key order.

use std::cmp::Ordering;
use std::sync::Arc;

use super::Workspace;
use super::index::{DraftId, SpellingId};
use crate::analysis::entities::WordId;
use crate::analysis::names::{
    Evidence, MAX_RELATED, Scope, accepted, evidence, linked, plural, profile, shared_companions, shared_title, uses,
    variant_finding,
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

pub(super) fn rank(ws: &Workspace, sid: SpellingId) -> Rank {
    let entry = ws.index.get(sid);
    let mut r = Rank {
        drafts: entry.postings.len(),
        first_full: None,
        first: None,
    };
    for p in &entry.postings {
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

/// How many drafts of the folder may use a first name for it to be evidence that two
/// drafts name one person: names many drafts use ("John") say little.
fn distinctive_limit(ws: &Workspace) -> usize {
    (ws.len() / 50).max(2)
}

/// The better spelling, from other drafts, that a word of draft `d` is a variant of.
pub(super) fn cross_variant(ws: &Workspace, d: DraftId, w: WordId) -> Option<CrossLink> {
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
    let mine = profile(ents, w);
    let limit = distinctive_limit(ws);
    // A spelling no other draft of the folder uses, written as a surname.
    let unique = entry.postings.len() == 1 && !mine.given;
    let mut my_rank: Option<Rank> = None;
    let mut best: Option<(Rank, CrossLink)> = None;
    for &(n, closeness) in &entry.close {
        let other = ws.index.get(n);
        // Fewer drafts use it: it cannot be the canonical spelling.
        if other.postings.len() < entry.postings.len() || other.postings.iter().all(|p| p.draft == d) {
            continue;
        }
        let n_rank = rank(ws, n);
        let my = my_rank.get_or_insert_with(|| rank(ws, sid));
        if n_rank >= *my || best.as_ref().is_some_and(|(r, _)| n_rank >= *r) {
            continue;
        }
        let mut drafts = Vec::new();
        for p in other.postings.iter().filter(|p| p.draft != d) {
            let oents = &ws.slot(p.draft).draft.analysis.entities;
            let theirs = profile(oents, p.word);
            let mut ev = evidence(&mine, &theirs);
            if ev == Evidence::Against {
                continue;
            }
            // Across drafts a shared name word is evidence when few drafts use it, or when the
            // spelling compared is this draft's alone ("John" is shared by many people, and
            // John Smit and John Smith are two). A first name needs two supports: first names
            // vary between people who share a surname (Justin, Justine).
            let shared = shared_companions(&mine, &theirs);
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
            let supports = rare + usize::from(shared_title(&mine, &theirs));
            let needed = if mine.given && !mine.surname && !mine.alone {
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
            // be a slip for the name another draft introduces in full: when both drafts call
            // the person "Mr", "Ms", "Dr" … by it, or when this draft never gives a first name
            // and its spelling has a letter more, as slips do (Mourinhho, Laccroix).
            let hon = mine.honorific && theirs.honorific;
            let intro = mine.first_names.is_empty()
                && !theirs.first_names.is_empty()
                && entry.spelling.folded().len() == other.spelling.folded().len() + 1
                && entry.spelling.folded().len() >= 7;
            let vouched = ev == Evidence::Neutral && unique && !theirs.given && (hon || intro);
            if linked(closeness, ev, Scope::Across { vouched }) {
                drafts.push(p.draft);
            }
        }
        if !drafts.is_empty() {
            best = Some((n_rank, CrossLink { canonical: n, drafts }));
        }
    }
    best.map(|(_, link)| link)
}

/// A draft's own findings and those from other drafts, settled and sorted.
pub(super) fn findings(ws: &Workspace, d: DraftId) -> Vec<Finding> {
    let slot = ws.slot(d);
    let analysis = &slot.draft.analysis;
    let ents = &analysis.entities;
    let mut out = analysis.findings.clone();
    let mut extra = Vec::new();
    for (w, sid) in slot.spellings.iter().enumerate() {
        if sid.is_none() {
            continue;
        }
        let Some(link) = cross_variant(ws, d, w as WordId) else {
            continue;
        };
        let canonical = ws.index.get(link.canonical);
        let mentions: usize = canonical
            .postings
            .iter()
            .map(|p| ws.slot(p.draft).draft.analysis.entities.word(p.word).count())
            .sum();
        let usage = format!(
            "{}, {}",
            plural(mentions, "mention", "mentions"),
            plural(canonical.postings.len(), "file", "files")
        );
        let mut vouching = link.drafts.clone();
        vouching.sort_by(|a, b| ws.slot(*a).key.cmp(&ws.slot(*b).key));
        let related: Vec<Related> = vouching
            .iter()
            .flat_map(|&od| {
                let oslot = ws.slot(od);
                let p = canonical.postings.iter().find(|p| p.draft == od);
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
        for span in uses(ents, w as WordId) {
            let already = out.iter().any(|f| f.rule == Rule::NameVariant && f.span.encloses(span));
            if already {
                continue;
            }
            let written = ents.word(w as WordId).text.as_ref();
            extra.push(variant_finding(span, written, &canonical.text, &usage, related.clone()));
        }
    }
    if !extra.is_empty() {
        out.extend(settle(extra, &slot.draft.config, &analysis.suppressions));
        out.sort_by_key(|a| (a.span.start, a.span.end, a.rule));
    }
    out
}
