//! A draft's comparisons with the folder, kept from one change of the draft to the next.
//!
//! An editor asks for a draft's findings after every keystroke, and comparing each of a
//! long draft's name spellings with the close spellings other drafts use reads those
//! drafts' profiles of the name: about 5 million instructions at 100,000 words, which the
//! keystroke waits for. A keystroke rarely changes what a comparison reads. The answer
//! for one word depends on
//! - the other drafts (their analyses, and their postings in the index);
//! - which spellings this draft uses (they count among a spelling's drafts);
//! - the word's [`Question`]: its spelling, what the draft says around it, and whether the
//!   draft writes it in a full name.
//!
//! So an answer is reused while no other draft has changed, the draft uses the same set of
//! spellings, and the word's question is the same. The findings are exactly those of a
//! comparison made afresh.

use std::collections::HashMap;

use super::cross::{CrossLink, Question};
use super::index::{DraftId, SpellingId};
use crate::analysis::entities::Gender;
use crate::analysis::names::spelling::Spelling;
use crate::analysis::names::{Companion, Profile};

/// How the workspace has changed: how many times, and which draft made the latest run of
/// changes. Enough to tell whether anyone but a given draft changed it since a given time.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Changes {
    count: u64,
    last: Option<DraftId>,
    /// The count before the first change of the latest run by `last`.
    run_from: u64,
}

impl Changes {
    /// Draft `d` was added, replaced or removed.
    pub fn record(&mut self, d: DraftId) {
        if self.last != Some(d) {
            self.last = Some(d);
            self.run_from = self.count;
        }
        self.count += 1;
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether every change after the first `at` was made by draft `d`.
    pub fn only_by_since(&self, d: DraftId, at: u64) -> bool {
        at == self.count || (self.last == Some(d) && at >= self.run_from)
    }
}

/// The answers found for one draft's words the last time its findings were asked for.
#[derive(Clone, Debug, Default)]
pub(super) struct KeptLinks {
    /// The workspace's change count then.
    made_at: u64,
    /// The spellings the draft used then, sorted.
    spellings: Vec<SpellingId>,
    answers: HashMap<SpellingId, Answer>,
    /// How many answers the last call reused (tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    reused: usize,
}

#[derive(Clone, Debug)]
pub(super) struct Answer {
    mine: OwnedProfile,
    full: bool,
    link: Option<CrossLink>,
}

impl Answer {
    pub fn new(q: &Question<'_>, link: Option<CrossLink>) -> Answer {
        Answer {
            mine: OwnedProfile::of(&q.mine),
            full: q.full,
            link,
        }
    }

    pub fn link(&self) -> &Option<CrossLink> {
        &self.link
    }

    fn answers(&self, q: &Question<'_>) -> bool {
        self.full == q.full && self.mine.is(&q.mine)
    }
}

impl KeptLinks {
    /// The answers that still hold, now that draft `d` uses `spellings` (sorted) and the
    /// workspace has seen `changes`; `None` when none can be trusted.
    pub fn still_valid(&self, d: DraftId, changes: &Changes, spellings: &[SpellingId]) -> Option<&Self> {
        (changes.only_by_since(d, self.made_at) && self.spellings == spellings).then_some(self)
    }

    /// The kept answer to the same question, if there is one.
    pub fn answer(&self, q: &Question<'_>) -> Option<&Option<CrossLink>> {
        self.answers.get(&q.sid).filter(|a| a.answers(q)).map(|a| &a.link)
    }

    /// Keep these answers, and only these, for next time; `reused` of them were kept
    /// from last time.
    pub fn replace(
        &mut self,
        changes: &Changes,
        spellings: Vec<SpellingId>,
        answers: HashMap<SpellingId, Answer>,
        reused: usize,
    ) {
        self.made_at = changes.count();
        self.spellings = spellings;
        self.answers = answers;
        self.reused = reused;
    }

    #[cfg(test)]
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Take the kept answer for `sid` out (it is about to be kept again).
    pub fn take(&mut self, sid: SpellingId) -> Option<Answer> {
        self.answers.remove(&sid)
    }
}

/// A companion name word: its text and spelling.
type OwnedCompanion = (Box<str>, Spelling);
/// A title word and what qualifies it.
type OwnedRole = (Box<str>, Box<[Box<str>]>);

/// A [`Profile`] that outlives the analysis it was read from.
#[derive(Clone, Debug, PartialEq)]
struct OwnedProfile {
    first_names: Vec<OwnedCompanion>,
    surnames: Vec<OwnedCompanion>,
    given: bool,
    surname: bool,
    alone: bool,
    gender: Gender,
    roles: Vec<OwnedRole>,
    common: bool,
    listed: bool,
    count: usize,
    honorific: bool,
}

impl OwnedProfile {
    fn of(p: &Profile<'_>) -> OwnedProfile {
        // Every field by name: a field added to `Profile` must be added here.
        let Profile {
            first_names,
            surnames,
            given,
            surname,
            alone,
            gender,
            roles,
            common,
            listed,
            count,
            honorific,
        } = p;
        let companions =
            |list: &[Companion<'_>]| list.iter().map(|c| (Box::from(c.text), c.spelling.clone())).collect();
        OwnedProfile {
            first_names: companions(first_names),
            surnames: companions(surnames),
            given: *given,
            surname: *surname,
            alone: *alone,
            gender: *gender,
            roles: roles.iter().map(|(t, q)| (Box::from(*t), Box::from(*q))).collect(),
            common: *common,
            listed: *listed,
            count: *count,
            honorific: *honorific,
        }
    }

    /// Whether `p` says the same, without copying it.
    fn is(&self, p: &Profile<'_>) -> bool {
        let same_companions = |kept: &[OwnedCompanion], now: &[Companion<'_>]| {
            kept.len() == now.len()
                && kept
                    .iter()
                    .zip(now)
                    .all(|((t, s), c)| **t == *c.text && s == c.spelling)
        };
        self.given == p.given
            && self.surname == p.surname
            && self.alone == p.alone
            && self.gender == p.gender
            && self.common == p.common
            && self.listed == p.listed
            && self.count == p.count
            && self.honorific == p.honorific
            && same_companions(&self.first_names, &p.first_names)
            && same_companions(&self.surnames, &p.surnames)
            && self.roles.len() == p.roles.len()
            && self
                .roles
                .iter()
                .zip(&p.roles)
                .all(|((t, q), (pt, pq))| **t == **pt && **q == **pq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_by_one_draft_alone_are_told_from_changes_by_others() {
        let mut c = Changes::default();
        c.record(0);
        c.record(1);
        let at = c.count();
        assert!(c.only_by_since(1, at) && c.only_by_since(0, at), "nothing changed");
        c.record(1);
        c.record(1);
        assert!(c.only_by_since(1, at));
        assert!(!c.only_by_since(0, at));
        // Draft 1's run began before `at` (its change at count 1): still only draft 1 since.
        assert!(c.only_by_since(1, 1));
        assert!(!c.only_by_since(1, 0), "draft 0 changed it at the first change");
        c.record(0);
        assert!(!c.only_by_since(1, at));
        let at = c.count();
        c.record(0);
        assert!(c.only_by_since(0, at));
    }
}
