//! All drafts of a folder: each draft's analysis, and the passes that need more than one
//! draft (name variants across drafts).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::finding::Finding;

/// One draft known to the workspace.
#[derive(Clone, Debug)]
pub struct Draft {
    pub analysis: Analysis,
    pub config: Arc<Config>,
}

/// Drafts keyed by path (CLI) or URI (language server).
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    drafts: BTreeMap<Arc<str>, Draft>,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace::default()
    }

    /// Add or replace a draft.
    pub fn insert(&mut self, key: Arc<str>, analysis: Analysis, config: Arc<Config>) {
        self.drafts.insert(key, Draft { analysis, config });
    }

    pub fn remove(&mut self, key: &str) -> Option<Draft> {
        self.drafts.remove(key)
    }

    pub fn get(&self, key: &str) -> Option<&Draft> {
        self.drafts.get(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &Arc<str>> {
        self.drafts.keys()
    }

    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// The findings of one draft: its own, plus those that come from other drafts.
    pub fn findings(&self, key: &str) -> Vec<Finding> {
        self.drafts
            .get(key)
            .map(|d| d.analysis.findings.clone())
            .unwrap_or_default()
    }
}
