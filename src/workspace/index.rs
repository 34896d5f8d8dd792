//! The cross-draft index of name spellings.
//!
//! Every spelling any draft uses in a name is interned once for the workspace, with the
//! drafts (and the draft's word) that use it. Spellings are filed under blocking keys (the
//! skeleton and the one-letter deletions, see [`Spelling::block_keys`]); a new spelling is
//! compared only with the spellings that share a key, once, and the close ones are
//! remembered on both sides. Nothing is ever compared pairwise across the folder, and a
//! keystroke in one draft touches only that draft's postings.

use crate::analysis::entities::{Entities, WordId};
use crate::analysis::names::fasthash::FastMap;
use crate::analysis::names::spelling::{Closeness, Spelling, compare, identity};
use crate::analysis::names::{case_only, checkable, first_full_use};

/// Index of a spelling in [`NameIndex::entries`].
pub type SpellingId = u32;
/// Index of a draft in the workspace's slots.
pub type DraftId = u32;

/// One draft's use of a spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub draft: DraftId,
    pub word: WordId,
    /// Written as a name in a sentence (not only as a doubtful capital).
    pub strong: bool,
    /// Where the draft first writes it in a full name (`usize::MAX` if never), and at all.
    pub first_full: usize,
    pub first: usize,
}

#[derive(Clone, Debug)]
pub struct SpellingEntry {
    /// The spelling as first written.
    pub text: Box<str>,
    pub spelling: Spelling,
    /// Drafts that use it, by draft id.
    pub postings: Vec<Posting>,
    /// Spellings close enough to be variants, with how close.
    pub close: Vec<(SpellingId, Closeness)>,
}

impl SpellingEntry {
    /// The draft's posting, if it uses the spelling (postings are kept in draft order).
    pub fn posting_of(&self, draft: DraftId) -> Option<&Posting> {
        let at = self.postings.binary_search_by_key(&draft, |p| p.draft).ok()?;
        Some(&self.postings[at])
    }
}

#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    ids: FastMap<Box<str>, SpellingId>,
    pub entries: Vec<SpellingEntry>,
    /// Each blocking key's latest filing, an index into `filed`. Most keys hold one
    /// spelling, so a list per key would be an allocation per key; the filings of a key are
    /// chained instead.
    blocks: FastMap<u64, u32>,
    /// (spelling, the previous filing under the same key or `NONE`).
    filed: Vec<(SpellingId, u32)>,
}

const NONE: u32 = u32::MAX;

impl NameIndex {
    pub fn get(&self, id: SpellingId) -> &SpellingEntry {
        &self.entries[id as usize]
    }

    pub fn find(&self, text: &str) -> Option<SpellingId> {
        self.ids.get(identity(text).as_ref()).copied()
    }

    /// File a draft's spellings; the spelling id of each of its words (`None` for words the
    /// spelling check ignores). A spelling the index already holds is shared with the
    /// draft's word (a folder of a thousand articles writes each spelling four times over),
    /// here, while the entry is at hand.
    pub fn add_draft(&mut self, draft: DraftId, ents: &mut Entities) -> Vec<Option<SpellingId>> {
        let mut out = Vec::with_capacity(ents.words.len());
        for i in 0..ents.words.len() {
            let (w, word) = (i as WordId, &ents.words[i]);
            if !checkable(ents, w) {
                out.push(None);
                continue;
            }
            let id = self.intern(&word.text, &word.spelling);
            let (first_full, first) = first_full_use(ents, w);
            let strong = !word.mentions.is_empty();
            let entry = &mut self.entries[id as usize];
            let at = entry.postings.partition_point(|p| p.draft < draft);
            entry.postings.insert(
                at,
                Posting {
                    draft,
                    word: w,
                    strong,
                    first_full,
                    first,
                },
            );
            let mine = &mut ents.words[i].spelling;
            if *mine == entry.spelling {
                *mine = entry.spelling.clone();
            }
            out.push(Some(id));
        }
        out
    }

    /// Remove a draft's postings.
    pub fn remove_draft(&mut self, draft: DraftId, ids: &[Option<SpellingId>]) {
        for &id in ids.iter().flatten() {
            let postings = &mut self.entries[id as usize].postings;
            if let Ok(at) = postings.binary_search_by_key(&draft, |p| p.draft) {
                postings.remove(at);
            }
        }
    }

    fn intern(&mut self, text: &str, spelling: &Spelling) -> SpellingId {
        let key = identity(text);
        if let Some(&id) = self.ids.get(key.as_ref()) {
            return id;
        }
        let id = self.entries.len() as SpellingId;
        let mut keys = Vec::with_capacity(spelling.len() + 2);
        spelling.block_keys(&mut keys);
        keys.sort_unstable();
        keys.dedup();
        let mut seen: Vec<SpellingId> = Vec::new();
        for k in &keys {
            let mut at = self.blocks.get(k).copied().unwrap_or(NONE);
            while at != NONE {
                let (other, prev) = self.filed[at as usize];
                seen.push(other);
                at = prev;
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut close = Vec::new();
        for other in seen {
            let o = &self.entries[other as usize];
            if case_only(&o.text, text) {
                continue;
            }
            let c = compare(spelling, &o.spelling);
            if c > Closeness::Derived {
                close.push((other, c));
                self.entries[other as usize].close.push((id, c));
            }
        }
        for k in keys {
            let head = self.blocks.entry(k).or_insert(NONE);
            self.filed.push((id, *head));
            *head = (self.filed.len() - 1) as u32;
        }
        self.entries.push(SpellingEntry {
            text: text.into(),
            spelling: spelling.clone(),
            postings: Vec::new(),
            close,
        });
        self.ids.insert(key.into_owned().into_boxed_str(), id);
        id
    }
}
