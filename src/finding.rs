//! What copydesk reports: a rule, a severity, a place, a message, and how to fix it.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::rules::Rule;
use crate::text::Span;

/// How serious a finding is. Ordered: `Hint < Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Error, Severity::Warning, Severity::Info, Severity::Hint];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place that explains a finding: where the canonical spelling is used, where the
/// speaker was last named. `doc` is `None` for the finding's own document, otherwise the
/// key (path or URI) under which the workspace knows the other draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub doc: Option<Arc<str>>,
    pub span: Span,
    pub message: String,
}

/// One replacement in the finding's own document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A suggested fix: a title for the editor's menu and the edits that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding at the rule's default severity, with no related places or fixes.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.default_severity(),
            span,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
}
