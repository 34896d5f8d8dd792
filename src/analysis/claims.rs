//! Unsupported claims: `claim/hedge`, `claim/weasel`, `claim/vague-source`,
//! `claim/unsourced-figure`.

use crate::analysis::Context;
use crate::analysis::quote_marks::QuotedSpan;
use crate::config::LexiconConfig;
use crate::finding::Finding;

#[derive(Debug, Default)]
pub struct ClaimLexicon {}

impl ClaimLexicon {
    pub fn new(_additions: &LexiconConfig) -> Self {
        ClaimLexicon {}
    }
}

/// Find claims without a source. Text inside quotation marks is the speaker's, not the
/// writer's, and is never checked.
pub fn check(_ctx: &Context<'_>, _quoted: &[QuotedSpan], _findings: &mut Vec<Finding>) {}
