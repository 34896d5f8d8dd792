//! Which entity a byte offset names, and where else the folder names it.
//!
//! Two drafts' entities are one when their surnames have one canonical spelling (after the
//! spelling check, within and across drafts) and their first names agree; an entity the
//! draft never gives a first name joins the folder's only first name for that surname.

use std::collections::HashMap;
use std::sync::Arc;

use super::Workspace;
use super::cross::cross_variant;
use super::index::DraftId;
use crate::analysis::entities::{Entities, Entity, WordId};
use crate::analysis::names::spelling::identity;
use crate::text::Span;

/// An entity of one draft.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub key: Arc<str>,
    /// Index into the draft's `analysis.entities.entities`.
    pub entity: usize,
}

/// A place in a draft.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub key: Arc<str>,
    pub span: Span,
}

/// The spelling a word of a draft stands for in the folder.
pub(super) fn canonical_word(ws: &Workspace, d: DraftId, w: WordId) -> String {
    let slot = ws.slot(d);
    let ents = &slot.draft.analysis.entities;
    let within = ents.variants.iter().find(|v| v.word == w);
    if let Some(v) = within {
        if let Some(c) = v.canonical_word() {
            return canonical_word(ws, d, c);
        }
        if let Some(t) = v.canonical_text(ents) {
            return identity(t).into_owned();
        }
    }
    if let Some(link) = cross_variant(ws, d, w) {
        return identity(&ws.index.get(link.canonical).text).into_owned();
    }
    identity(&ents.word(w).text).into_owned()
}

/// The identity of an entity across drafts: its canonical surname and first name.
pub(super) fn entity_key(ws: &Workspace, d: DraftId, ent: &Entity) -> Option<(String, Option<String>)> {
    let surname = canonical_word(ws, d, ent.surname?);
    let given = ent.given.first().map(|&g| canonical_word(ws, d, g));
    Some((surname, given))
}

impl Workspace {
    /// The entity named (or titled) at `offset` in a draft.
    pub fn entity_at(&self, key: &str, offset: usize) -> Option<EntityRef> {
        let id = self.id_of(key)?;
        let slot = self.slot(id);
        let entity = slot.draft.analysis.entities.entity_at(offset)?;
        Some(EntityRef {
            key: slot.key.clone(),
            entity,
        })
    }

    /// The same entity in every draft of the folder (itself included), in key order.
    pub fn same_entity(&self, r: &EntityRef) -> Vec<EntityRef> {
        let Some(d) = self.id_of(&r.key) else {
            return Vec::new();
        };
        let ents = &self.slot(d).draft.analysis.entities;
        let Some(ent) = ents.entities.get(r.entity) else {
            return Vec::new();
        };
        let Some((surname, given)) = entity_key(self, d, ent) else {
            return vec![r.clone()];
        };
        // Drafts that write this surname in any of its spellings.
        let mut drafts: Vec<DraftId> = Vec::new();
        if let Some(w) = ent.surname
            && let Some(sid) = self.slot(d).spellings.get(w as usize).copied().flatten()
        {
            let entry = self.index.get(sid);
            let canonical = self.index.find(&surname).unwrap_or(sid);
            for s in [sid, canonical].into_iter().chain(entry.close.iter().map(|c| c.0)) {
                drafts.extend(self.index.get(s).postings.iter().map(|p| p.draft));
                drafts.extend(
                    self.index
                        .get(s)
                        .close
                        .iter()
                        .flat_map(|c| self.index.get(c.0).postings.iter().map(|p| p.draft)),
                );
            }
        } else {
            drafts.extend(self.ids());
        }
        drafts.push(d);
        drafts.sort_unstable();
        drafts.dedup();
        // A common name ("UK", "Smith") is written in hundreds of drafts, and each of their
        // entities is looked at: each word's canonical spelling (a comparison with the
        // folder) is found once, and a first name only for an entity whose surname matches.
        let mut canonical: HashMap<(DraftId, WordId), String> = HashMap::new();
        let mut canonical_of = |od: DraftId, w: WordId| -> String {
            canonical
                .entry((od, w))
                .or_insert_with(|| canonical_word(self, od, w))
                .clone()
        };
        // A surname the folder's index does not hold (an acronym, a short name: every draft is
        // looked at then) is no other word's canonical spelling: another word stands for it
        // only when written the same, or through its draft's own variants (a registry name).
        let unindexed = self.index.find(&surname).is_none();
        let mut found: Vec<(EntityRef, Option<String>)> = Vec::new();
        for od in drafts {
            let oslot = self.slot(od);
            let oents = &oslot.draft.analysis.entities;
            for (i, oent) in oents.entities.iter().enumerate() {
                let g = if od == d && i == r.entity {
                    given.clone()
                } else {
                    let Some(sw) = oent.surname else {
                        continue;
                    };
                    if unindexed
                        && identity(&oents.word(sw).text) != surname.as_str()
                        && !oents.variants.iter().any(|v| v.word == sw)
                    {
                        continue;
                    }
                    if canonical_of(od, sw) != surname {
                        continue;
                    }
                    oent.given.first().map(|&g| canonical_of(od, g))
                };
                found.push((
                    EntityRef {
                        key: oslot.key.clone(),
                        entity: i,
                    },
                    g,
                ));
            }
        }
        // First names decide; an entity without one joins the only first name the folder
        // gives this surname.
        let mut firsts: Vec<&String> = found.iter().filter_map(|(_, g)| g.as_ref()).collect();
        firsts.sort();
        firsts.dedup();
        let only = (firsts.len() == 1).then(|| firsts[0].clone());
        let mine = given.clone().or_else(|| only.clone());
        let mut out: Vec<EntityRef> = found
            .into_iter()
            .filter(|(_, g)| {
                let theirs = g.clone().or_else(|| only.clone());
                theirs == mine
            })
            .map(|(e, _)| e)
            .collect();
        out.sort();
        out
    }

    /// Every mention of the entity at `offset`, across drafts, in key order.
    pub fn references(&self, key: &str, offset: usize) -> Vec<Location> {
        let Some(r) = self.entity_at(key, offset) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for e in self.same_entity(&r) {
            let ents = &self
                .get(&e.key)
                .expect("same_entity returns live drafts")
                .analysis
                .entities;
            for &m in &ents.entities[e.entity].mentions {
                out.push(Location {
                    key: e.key.clone(),
                    span: ents.mentions[m].span,
                });
            }
        }
        out
    }

    /// Where the entity at `offset` is introduced: its first full mention in this draft,
    /// else in the first draft (in key order) that gives its full name, else its first mention.
    pub fn definition(&self, key: &str, offset: usize) -> Option<Location> {
        let r = self.entity_at(key, offset)?;
        let full = |e: &EntityRef| -> Option<Location> {
            let ents = &self.get(&e.key)?.analysis.entities;
            let m = ents.entities[e.entity].first_full_mention(ents)?;
            (ents.name_words(m).count() > 1).then(|| Location {
                key: e.key.clone(),
                span: ents.mentions[m].span,
            })
        };
        if let Some(l) = full(&r) {
            return Some(l);
        }
        let all = self.same_entity(&r);
        all.iter().find_map(full).or_else(|| {
            let ents = &self.get(&r.key)?.analysis.entities;
            let m = *ents.entities[r.entity].mentions.first()?;
            Some(Location {
                key: r.key.clone(),
                span: ents.mentions[m].span,
            })
        })
    }

    /// Every place the word at `offset` is written in a mention of its entity, in any of its
    /// spellings, across drafts: what a rename of that word changes.
    pub fn word_references(&self, key: &str, offset: usize) -> Vec<Location> {
        let Some(d) = self.id_of(key) else {
            return Vec::new();
        };
        let ents = &self.slot(d).draft.analysis.entities;
        let Some(m) = ents.mention_at(offset) else {
            return Vec::new();
        };
        let Some(part) = ents.parts_of(m).iter().find(|p| p.span.contains(offset)) else {
            return Vec::new();
        };
        let target = canonical_word(self, d, part.word);
        let Some(r) = self.entity_at(key, offset) else {
            return Vec::new();
        };
        let mut cache: HashMap<(DraftId, WordId), bool> = HashMap::new();
        let mut out = Vec::new();
        for e in self.same_entity(&r) {
            let Some(od) = self.id_of(&e.key) else {
                continue;
            };
            let oents: &Entities = &self.slot(od).draft.analysis.entities;
            for &om in &oents.entities[e.entity].mentions {
                for p in oents.parts_of(om) {
                    let same = *cache
                        .entry((od, p.word))
                        .or_insert_with(|| canonical_word(self, od, p.word) == target);
                    if same {
                        out.push(Location {
                            key: e.key.clone(),
                            span: p.span,
                        });
                    }
                }
            }
        }
        out
    }
}
