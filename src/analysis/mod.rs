//! Pure linguistics: `analyze(text, kind, config) -> Analysis`. No I/O, no async, no LSP types.
//!
//! The pipeline: prose extraction → segmentation → quotation marks → attribution →
//! entity mentions → name variants within the draft → claims → suppression and rule levels.
//! Cross-draft passes (names across a folder) live in [`crate::workspace`].

pub mod claims;
pub mod entities;
pub mod lexicon;
mod local;
mod memo;
pub mod names;
pub mod quote_marks;
pub mod quotes;
mod shrink;

use crate::config::Config;
use crate::finding::Finding;
use crate::suppress::Suppressions;
use crate::text::DocKind;
use crate::text::prose::{self, Prose};
use crate::text::segment::{self, Segments};
use lexicon::Lexicon;
pub use local::LocalScans;
pub use memo::{Memo, analyze_with_memo};

/// Everything an analyser may read about the draft.
pub struct Context<'a> {
    /// The draft as written.
    pub source: &'a str,
    /// The prose of the draft, with the same byte offsets as `source` (non-prose blanked).
    pub text: &'a str,
    pub prose: &'a Prose<'a>,
    pub segments: &'a Segments,
    pub config: &'a Config,
    pub lexicon: &'a Lexicon,
    /// What the editor's [`Memo`] kept of earlier analyses; `None` when each step is to
    /// work the draft out for itself.
    pub kept: Option<Kept<'a>>,
}

/// What copydesk knows about one draft.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub kind: DocKind,
    pub segments: Segments,
    /// Every stretch of quoted text, quotations or not (scare quotes, titles).
    pub quote_spans: Vec<quote_marks::QuotedSpan>,
    /// Quotations, each with its speaker when one is tied to it.
    pub quotes: Vec<quotes::Quote>,
    /// Names mentioned and the entities they refer to.
    pub entities: entities::Entities,
    /// Findings of this draft alone, after rule levels and suppression comments, sorted.
    pub findings: Vec<Finding>,
    pub suppressions: Suppressions,
}

/// Analyse one draft.
pub fn analyze(text: &str, kind: DocKind, config: &Config) -> Analysis {
    let prose = prose::extract(text, kind);
    let segments = segment::segment(&prose);
    analyze_segmented(text, kind, config, &prose, segments, None)
}

/// What the editor's [`Memo`] hands the steps that need the whole draft: the paragraph
/// scans put together, the draft's lower-case words, the spellings of its name words, the
/// name runs of its paragraphs and the close pairs of its name words.
#[derive(Clone, Copy)]
pub struct Kept<'a> {
    /// The paragraph-local scans, found paragraph by paragraph.
    pub local: &'a LocalScans,
    /// The lower-case words of the draft, counted paragraph by paragraph.
    pub lowercase: &'a entities::LowercaseWords,
    /// The spellings of the name words of earlier analyses.
    pub name_words: &'a std::sync::Mutex<entities::NameWordCache>,
    /// The name runs that pronouns may refer to, by paragraph.
    pub mention_runs: &'a std::sync::Mutex<quotes::KeptRuns>,
    /// The close pairs of name words of the last analysis.
    pub close_pairs: &'a std::sync::Mutex<names::KeptPairs>,
}

/// The rest of [`analyze`], once the draft is segmented (and, for [`Memo`], what it kept
/// of the paragraphs is put together).
fn analyze_segmented(
    text: &str,
    kind: DocKind,
    config: &Config,
    prose: &Prose<'_>,
    segments: Segments,
    kept: Option<Kept<'_>>,
) -> Analysis {
    let ctx = Context {
        source: text,
        text: &prose.masked,
        prose,
        segments: &segments,
        config,
        lexicon: config.lexicon(),
        kept,
    };
    let scan = quote_marks::scan(&ctx);
    let mut findings = scan.findings;
    // Steps that need nothing from one another run side by side on as many cores as are
    // free (rayon runs them all on this thread when every core is busy, as in `check` over
    // a folder). First the quotations are attributed beside the first, quotation-free step
    // of the names, which take about as long; then the names are settled, which needs the
    // quotations' speakers and cannot be split, beside the claims, which need neither.
    let ((mut quotes, quote_findings), runs) = rayon::join(
        || {
            let mut found = Vec::new();
            (quotes::attribute(&ctx, &scan.spans, &mut found), found)
        },
        || entities::runs(&ctx),
    );
    findings.extend(quote_findings);
    let (entities, claim_findings) = rayon::join(
        || entities::extract_from(&ctx, runs, &mut quotes),
        || {
            let mut found = Vec::new();
            claims::check(&ctx, &scan.spans, &mut found);
            found
        },
    );
    names::check_document(&ctx, &entities, &mut findings);
    findings.extend(claim_findings);
    let suppressions = Suppressions::parse(text);
    let findings = settle(findings, config, &suppressions);
    Analysis {
        kind,
        segments,
        quote_spans: scan.spans,
        quotes,
        entities,
        findings,
        suppressions,
    }
}

/// Apply rule levels (dropping rules that are off) and suppression comments, then sort by
/// position so output is deterministic.
pub fn settle(findings: Vec<Finding>, config: &Config, suppressions: &Suppressions) -> Vec<Finding> {
    let mut out: Vec<Finding> = findings
        .into_iter()
        .filter_map(|mut f| {
            let severity = config.severity(f.rule)?;
            if suppressions.suppresses(f.rule, f.span) {
                return None;
            }
            f.severity = severity;
            Some(f)
        })
        .collect();
    out.sort_by_key(|a| (a.span.start, a.span.end, a.rule));
    out
}
