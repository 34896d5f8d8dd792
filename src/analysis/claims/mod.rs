//! Unsupported claims: `claim/hedge`, `claim/weasel`, `claim/vague-source`,
//! `claim/unsourced-figure`.
//!
//! An editor asks of every claim: who says so? Each rule finds one way a draft leaves that
//! unanswered, by the phrase and its grammatical shape rather than by single words ("many"
//! alone is no weasel; "many people believe" is). Text inside quotation marks is the
//! speaker's, not the writer's, and is never checked.
//!
//! The pipeline per draft: one pass to index attribution ([`attribution`]), then one
//! Aho-Corasick pass per word list; each match is checked against the tokens of its
//! sentence. Candidates that overlap are settled in favour of the more specific rule.

mod attribution;
mod figures;
mod grammar;
mod hedge;
mod shape;
mod vague_source;
mod weasel;

use std::cell::OnceCell;

use crate::analysis::Context;
use crate::analysis::lexicon::PhraseSet;
use crate::analysis::quote_marks::QuotedSpan;
use crate::config::LexiconConfig;
use crate::finding::Finding;
use crate::rules::Rule;
use crate::text::Span;
use crate::text::prose::BlockKind;
use crate::text::segment::{Paragraph, Segments};

use attribution::Attribution;
use grammar::Sent;
use shape::{Entry, Lead, ShapedSet, Trail};

/// The word lists of the claim rules, compiled once per configuration.
#[derive(Debug)]
pub struct ClaimLexicon {
    /// hedges.txt + `lexicon.hedges`.
    hedges: ShapedSet,
    /// Subjects after which "may" gives permission ("users may").
    modal_subjects: PhraseSet,
    /// weasels.txt + `lexicon.weasels`.
    weasels: ShapedSet,
    /// Fixed vague sources ("local media").
    vague: ShapedSet,
    /// Unnamed people who speak ("experts", "critics", "officials").
    crowds: PhraseSet,
    /// Words between a quantifier and its crowd ("some senior officials").
    crowd_modifiers: PhraseSet,
    /// What crowds do ("say", "believe", "argue").
    opinion_verbs: PhraseSet,
    /// Judgements a crowd can hold in the passive ("regarded by some").
    opinion_participles: PhraseSet,
    /// What documents do besides ("found", "show").
    finding_verbs: PhraseSet,
    /// Reports and outlets that may be left unnamed ("report", "media").
    source_nouns: PhraseSet,
    /// Documents and outlets that a name next to them identifies.
    documents: PhraseSet,
    /// Reporting words beyond the speech verbs ("reported", "citing").
    reporting: PhraseSet,
    /// Nouns that report others' views ("speculation that …").
    hearsay: PhraseSet,
    /// What outlets do with reports ("published", "revealed").
    publishing: PhraseSet,
    /// Words that say whose a report is ("state media", "studio estimates").
    source_owners: PhraseSet,
    /// Where figures come from ("figures", "survey", "estimated").
    evidence: PhraseSet,
    /// Words that make a number a figure, tagged percent, money or count.
    figures: ShapedSet,
    /// Measures a percentage can be a statistic of ("unemployment", "turnout").
    measures: PhraseSet,
    /// What a count in millions can be a statistic of ("people", "jobs").
    populations: PhraseSet,
    /// Periods that make a figure a rate ("a year", "per capita").
    periods: PhraseSet,
    /// Superlatives, records and the scopes that make a superlative a record.
    superlatives: ShapedSet,
}

impl ClaimLexicon {
    pub fn new(additions: &LexiconConfig, _speech_verbs: &PhraseSet) -> Self {
        let list = |src: &str| PhraseSet::from_list(src, &[]);
        ClaimLexicon {
            hedges: ShapedSet::from_list(include_str!("../lexicon/hedges.txt"), &additions.hedges),
            modal_subjects: list(include_str!("../lexicon/modal_subjects.txt")),
            weasels: ShapedSet::from_list(include_str!("../lexicon/weasels.txt"), &additions.weasels),
            vague: ShapedSet::from_list(include_str!("../lexicon/vague_sources.txt"), &[]),
            crowds: list(include_str!("../lexicon/crowds.txt")),
            crowd_modifiers: list(include_str!("../lexicon/crowd_modifiers.txt")),
            opinion_verbs: list(include_str!("../lexicon/opinion_verbs.txt")),
            opinion_participles: list(include_str!("../lexicon/opinion_participles.txt")),
            finding_verbs: list(include_str!("../lexicon/finding_verbs.txt")),
            source_nouns: list(include_str!("../lexicon/source_nouns.txt")),
            documents: list(include_str!("../lexicon/documents.txt")),
            reporting: list(include_str!("../lexicon/reporting_cues.txt")),
            hearsay: list(include_str!("../lexicon/hearsay_nouns.txt")),
            publishing: list(include_str!("../lexicon/publishing_verbs.txt")),
            source_owners: list(include_str!("../lexicon/source_owners.txt")),
            evidence: list(include_str!("../lexicon/evidence_cues.txt")),
            figures: ShapedSet::from_list(include_str!("../lexicon/figures.txt"), &[]),
            measures: list(include_str!("../lexicon/measures.txt")),
            populations: list(include_str!("../lexicon/populations.txt")),
            periods: list(include_str!("../lexicon/periods.txt")),
            superlatives: ShapedSet::from_list(include_str!("../lexicon/superlatives.txt"), &[]),
        }
    }
}

/// Find claims without a source. Text inside quotation marks is the speaker's, not the
/// writer's, and is never checked.
pub fn check(ctx: &Context<'_>, quoted: &[QuotedSpan], findings: &mut Vec<Finding>) {
    let lex = &ctx.lexicon.claims;
    let scan = Scan {
        text: ctx.text,
        segments: ctx.segments,
        lex,
        attribution: Attribution::build(ctx, quoted, lex),
        headlines: ctx
            .segments
            .paragraphs
            .iter()
            .map(|p| is_headline(ctx.text, p))
            .collect(),
        first_named_source: OnceCell::new(),
    };
    let mut found = Vec::new();
    vague_source::find(&scan, &mut found);
    weasel::find(&scan, &mut found);
    hedge::find(&scan, &mut found);
    figures::find(&scan, &mut found);
    settle(&mut found);
    findings.extend(found.into_iter().map(|c| Finding::new(c.rule, c.span, c.message)));
}

/// What the claim rules read about a draft.
struct Scan<'a> {
    text: &'a str,
    segments: &'a Segments,
    lex: &'a ClaimLexicon,
    attribution: Attribution,
    /// Per paragraph: a heading or headline, which sums up a story whose body gives the
    /// sources, so no claim rule fires there.
    headlines: Vec<bool>,
    /// The first sentence that names a report or outlet, computed when first needed.
    first_named_source: OnceCell<Option<usize>>,
}

impl<'a> Scan<'a> {
    fn sentence_of(&self, offset: usize) -> Option<usize> {
        self.segments.sentence_at(offset)
    }

    /// The sentence of a match that the claim rules may flag: outside quotation marks
    /// (the speaker's words) and outside headlines.
    fn checked_sentence(&self, offset: usize) -> Option<usize> {
        if self.attribution.in_quote(offset) {
            return None;
        }
        let si = self.segments.sentence_at(offset)?;
        (!self.headlines[self.segments.sentences[si].paragraph]).then_some(si)
    }

    fn sent(&self, index: usize) -> Sent<'a> {
        let s = &self.segments.sentences[index];
        Sent {
            text: self.text,
            tokens: &self.segments.tokens[s.tokens.clone()],
            span: s.span,
        }
    }

    fn whole(&self) -> Span {
        Span::new(0, self.text.len())
    }

    /// The span a shaped list entry covers at match `m`, or `None` when the words around
    /// it do not have the entry's shape. `{be}` widens the span to the form of "to be".
    fn shaped(&self, sent: &Sent<'_>, m: Span, entry: &Entry) -> Option<Span> {
        let mut start = m.start;
        match entry.lead {
            Lead::Free => {}
            Lead::Be => {
                let be = sent.be_before(sent.index_from(m.start))?;
                start = sent.tokens[be].span.start;
            }
            Lead::Unnamed => {
                if sent.subject_is_named(sent.index_from(m.start)) {
                    return None;
                }
            }
        }
        if entry.trail == Trail::Verb {
            // "may" the modal, never "May" the month; and a verb after it.
            let lower = m.slice(self.text).starts_with(char::is_lowercase);
            if !lower || !sent.is_lowercase_word(sent.index_from(m.end)) {
                return None;
            }
        }
        Some(Span::new(start, trim_article(self.text, Span::new(start, m.end))))
    }
}

/// A heading, or a one-line paragraph with no closing punctuation ("Air China in $1bn
/// London listing"): a headline.
fn is_headline(text: &str, para: &Paragraph) -> bool {
    if matches!(para.kind, BlockKind::Heading(_)) {
        return true;
    }
    let body = para.span.slice(text);
    para.sentences.len() == 1
        && !body.contains('\n')
        && !body.ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ')', ':', ';'])
}

/// "is considered the" reads better as "is considered": drop a trailing article from a
/// finding's span.
fn trim_article(text: &str, span: Span) -> usize {
    let s = span.slice(text);
    for article in [" the", " a", " an"] {
        if s.len() > article.len()
            && s.get(s.len() - article.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(article))
        {
            return span.end - article.len();
        }
    }
    span.end
}

/// A finding before overlaps are settled.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Candidate {
    rule: Rule,
    span: Span,
    message: String,
}

impl Candidate {
    /// When two candidates overlap, the more specific rule wins: a vague source over a
    /// weasel over a hedge over a figure.
    fn rank(&self) -> u8 {
        match self.rule {
            Rule::ClaimVagueSource => 0,
            Rule::ClaimWeasel => 1,
            Rule::ClaimHedge => 2,
            _ => 3,
        }
    }
}

/// Sort by position and keep one candidate of each overlapping run.
fn settle(found: &mut Vec<Candidate>) {
    found.sort_by_key(|c| (c.span.start, c.rank()));
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found.drain(..) {
        match kept.last_mut() {
            Some(last) if last.span.overlaps(c.span) => {
                if c.rank() < last.rank() {
                    *last = c;
                }
            }
            _ => kept.push(c),
        }
    }
    *found = kept;
}

/// "‘Reportedly’: reported by whom? Name the source … ." — the phrase as written, with
/// its first letter raised, then the question and the advice.
fn message(text: &str, span: Span, question: &str, advice: &str) -> String {
    let phrase = span.slice(text);
    let mut chars = phrase.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("‘{first}{}’: {question} {advice}", chars.as_str())
}

#[cfg(test)]
mod tests;
