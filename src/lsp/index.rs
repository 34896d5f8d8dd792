//! The workspace as the server holds it: the engine's [`Workspace`], plus each draft's
//! findings computed once per change of the workspace instead of on every hover, code
//! action and publish (a long draft's cross-draft findings take milliseconds to compute).
//!
//! Every change goes through [`Index::insert`] and [`Index::remove`], which forget the
//! cached findings: one draft's change can change another's cross-draft findings.

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::finding::Finding;
use crate::workspace::{Draft, Workspace};

#[derive(Debug, Default)]
pub struct Index {
    ws: Workspace,
    findings: HashMap<Arc<str>, Arc<Vec<Finding>>>,
}

/// Reading goes straight to the workspace; writing does not (no `DerefMut`), so the cache
/// cannot go stale.
impl Deref for Index {
    type Target = Workspace;

    fn deref(&self) -> &Workspace {
        &self.ws
    }
}

impl Index {
    /// Add or replace a draft; the draft it replaces (see [`Workspace::insert`]).
    pub fn insert(&mut self, key: Arc<str>, analysis: Analysis, config: Arc<Config>) -> Option<Draft> {
        self.findings.clear();
        self.ws.insert(key, analysis, config)
    }

    pub fn remove(&mut self, key: &str) -> Option<Draft> {
        let removed = self.ws.remove(key);
        if removed.is_some() {
            self.findings.clear();
        }
        removed
    }

    /// The findings of one draft, its own and those from other drafts. The draft keeps its
    /// comparisons with the folder for its next change ([`Workspace::findings_kept`]).
    pub fn findings(&mut self, key: &str) -> Arc<Vec<Finding>> {
        if let Some(f) = self.findings.get(key) {
            return f.clone();
        }
        let f = Arc::new(self.ws.findings_kept(key));
        if let Some(k) = self.ws.key(key).cloned() {
            self.findings.insert(k, f.clone());
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    #[test]
    fn findings_are_cached_until_the_workspace_changes() {
        let mut index = Index::default();
        let cfg = Arc::new(Config::default());
        let bad = "“Never closed, he said.\n";
        index.insert(Arc::from("a"), crate::analyze(bad, DocKind::Text, &cfg), cfg.clone());
        let first = index.findings("a");
        assert_eq!(first.len(), 1);
        assert!(Arc::ptr_eq(&first, &index.findings("a")), "computed once");
        index.insert(
            Arc::from("a"),
            crate::analyze("Fine.\n", DocKind::Text, &cfg),
            cfg.clone(),
        );
        assert!(index.findings("a").is_empty(), "a change forgets the cache");
        assert!(index.findings("nope").is_empty());
        assert!(index.remove("a").is_some());
        assert!(index.findings("a").is_empty());
    }
}
