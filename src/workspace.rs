//! All drafts of a folder: each draft's analysis, and the passes that need more than one
//! draft (name variants across drafts, entities across drafts).
//!
//! The workspace keeps a cross-draft index of name spellings ([`index`]). Inserting or
//! removing a draft updates only that draft's postings, so the language server can call
//! [`Workspace::insert`] on every keystroke. Cross-draft findings are computed when asked
//! for, from the index: a spelling of a draft is compared only with the close spellings the
//! index already knows, and only the drafts that use those are read.
//!
//! What the language server needs:
//! - [`Workspace::findings`]: a draft's findings, its own and those that come from other
//!   drafts; [`Workspace::dependents`] (asked before and after [`Workspace::insert`] or
//!   [`Workspace::remove`]) says which other drafts' findings may change with a draft;
//! - [`Workspace::entity_at`], [`Workspace::references`], [`Workspace::definition`],
//!   [`Workspace::word_references`]: the entity at a byte offset and its mentions across
//!   drafts (hover, references, definition, rename);
//! - [`Workspace::card_at`] and [`EntityCard::to_markdown`]: the hover card;
//!   [`Workspace::cards`]: the who's-who of the folder.

mod card;
mod cross;
pub mod index;
mod kept_links;
mod lookup;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::finding::Finding;
use index::{DraftId, NameIndex, SpellingId};
use kept_links::{Changes, KeptLinks};

pub use card::{EntityCard, QuoteSeen, RoleSeen, SpellingSeen, file_name};
pub use lookup::{EntityRef, Location};

/// One draft known to the workspace.
#[derive(Clone, Debug)]
pub struct Draft {
    pub analysis: Analysis,
    pub config: Arc<Config>,
}

#[derive(Clone, Debug)]
struct Slot {
    key: Arc<str>,
    draft: Draft,
    /// The index's spelling for each of the draft's name words.
    spellings: Vec<Option<SpellingId>>,
    /// Its comparisons with the folder, when an editor asks for its findings again and again.
    kept: Option<Box<KeptLinks>>,
}

/// Drafts keyed by path (CLI) or URI (language server).
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    by_key: BTreeMap<Arc<str>, DraftId>,
    slots: Vec<Option<Slot>>,
    free: Vec<DraftId>,
    index: NameIndex,
    changes: Changes,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace::default()
    }

    /// Add or replace a draft; the draft it replaces, if any. A language server asks for
    /// [`Workspace::dependents`] before and after, and publishes those drafts' findings
    /// again; it frees the old draft after publishing (a long draft's analysis takes a
    /// millisecond or two to free, which a keystroke need not wait for).
    pub fn insert(&mut self, key: Arc<str>, mut analysis: Analysis, config: Arc<Config>) -> Option<Draft> {
        let mut replaced = None;
        let mut kept = None;
        let id = match self.by_key.get(&key) {
            Some(&id) => {
                if let Some(old) = self.slots[id as usize].take() {
                    self.index.remove_draft(id, &old.spellings);
                    replaced = Some(old.draft);
                    kept = old.kept;
                }
                id
            }
            None => match self.free.pop() {
                Some(id) => id,
                None => {
                    self.slots.push(None);
                    (self.slots.len() - 1) as DraftId
                }
            },
        };
        // A spelling many drafts write is held once: each draft's copy gives way to the
        // index's.
        let spellings = self.index.add_draft(id, &mut analysis.entities);
        self.slots[id as usize] = Some(Slot {
            key: key.clone(),
            draft: Draft { analysis, config },
            spellings,
            kept,
        });
        self.by_key.insert(key, id);
        self.changes.record(id);
        replaced
    }

    /// Remove a draft. Ask for [`Workspace::dependents`] first to learn which drafts to
    /// publish again.
    pub fn remove(&mut self, key: &str) -> Option<Draft> {
        let id = self.by_key.remove(key)?;
        let slot = self.slots[id as usize].take()?;
        self.index.remove_draft(id, &slot.spellings);
        self.free.push(id);
        self.changes.record(id);
        Some(slot.draft)
    }

    pub fn get(&self, key: &str) -> Option<&Draft> {
        self.by_key.get(key).map(|&id| &self.slot(id).draft)
    }

    pub fn keys(&self) -> impl Iterator<Item = &Arc<str>> {
        self.by_key.keys()
    }

    /// The workspace's own copy of a draft's key, to share instead of copying it.
    pub fn key(&self, key: &str) -> Option<&Arc<str>> {
        self.by_key.get_key_value(key).map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The findings of one draft: its own, plus those that come from other drafts (a
    /// spelling that differs from the one the folder's other drafts use), sorted.
    pub fn findings(&self, key: &str) -> Vec<Finding> {
        match self.by_key.get(key) {
            Some(&id) => cross::findings(self, id, None),
            None => Vec::new(),
        }
    }

    /// [`Workspace::findings`], keeping the draft's comparisons with the folder for the
    /// next time, when they are reused as far as nothing they read has changed: an editor
    /// asks after every keystroke, and most keystrokes change no name. The same findings.
    pub fn findings_kept(&mut self, key: &str) -> Vec<Finding> {
        let Some(&id) = self.by_key.get(key) else {
            return Vec::new();
        };
        let mut kept = self.slot_mut(id).kept.take().unwrap_or_default();
        let out = cross::findings(self, id, Some(&mut kept));
        self.slot_mut(id).kept = Some(kept);
        out
    }

    /// The other drafts whose findings depend on this draft: those that use a spelling
    /// close to one of its spellings, or the same spelling where a close one exists.
    pub fn dependents(&self, key: &str) -> Vec<Arc<str>> {
        let Some(&id) = self.by_key.get(key) else {
            return Vec::new();
        };
        let mut drafts: Vec<DraftId> = Vec::new();
        for &sid in self.slot(id).spellings.iter().flatten() {
            let entry = self.index.get(sid);
            if entry.close.is_empty() {
                continue;
            }
            drafts.extend(entry.postings.iter().map(|p| p.draft));
            for &(n, _) in &entry.close {
                drafts.extend(self.index.get(n).postings.iter().map(|p| p.draft));
            }
        }
        drafts.sort_unstable();
        drafts.dedup();
        drafts
            .into_iter()
            .filter(|&d| d != id)
            .map(|d| self.slot(d).key.clone())
            .collect()
    }

    fn slot(&self, id: DraftId) -> &Slot {
        self.slots[id as usize]
            .as_ref()
            .expect("draft ids in the index point at live drafts")
    }

    /// How many of a draft's comparisons with the folder the last [`Workspace::findings_kept`]
    /// reused.
    #[cfg(test)]
    fn answers_reused(&self, key: &str) -> usize {
        let id = self.by_key[key];
        self.slot(id).kept.as_ref().map_or(0, |k| k.reused())
    }

    fn slot_mut(&mut self, id: DraftId) -> &mut Slot {
        self.slots[id as usize]
            .as_mut()
            .expect("draft ids in the index point at live drafts")
    }

    fn id_of(&self, key: &str) -> Option<DraftId> {
        self.by_key.get(key).copied()
    }

    /// Live drafts in key order.
    fn ids(&self) -> impl Iterator<Item = DraftId> + '_ {
        self.by_key.values().copied()
    }
}

#[cfg(test)]
mod tests;
