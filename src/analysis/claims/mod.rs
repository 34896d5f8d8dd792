//! Unsupported claims: `claim/hedge`, `claim/weasel`, `claim/vague-source`,
//! `claim/unsourced-figure`.
//!
//! An editor asks of every claim: who says so? Each rule finds one way a draft leaves that
//! unanswered, by the phrase and its grammatical shape rather than by single words ("many"
//! alone is no weasel; "many people believe" is). Text inside quotation marks is the
//! speaker's, not the writer's, and is never checked.
//!
//! The pipeline per draft: one Aho-Corasick pass for all the claim lists ([`phrasebook`])
//! and one for the shared speech verbs; an index of attribution ([`attribution`]); then
//! each match is checked against the tokens of its sentence. Candidates that overlap are
//! settled in favour of the more specific rule.

mod attribution;
mod citations;
mod definition;
mod figures;
mod grammar;
mod hedge;
mod phrasebook;
mod shape;
mod vague_source;
mod weasel;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::analysis::lexicon::{PhraseSet, entries};
use crate::analysis::quote_marks::QuotedSpan;
use crate::analysis::{Context, quotes};
use crate::config::LexiconConfig;
use crate::finding::Finding;
use crate::rules::Rule;
use crate::text::Span;
use crate::text::prose::BlockKind;
use crate::text::segment::{Paragraph, Segments};

use attribution::Attribution;
use grammar::Sent;
pub use phrasebook::Matches;
use phrasebook::{List, Phrasebook};
use shape::{Entry, Lead, ShapedSet, Trail};

/// The word lists of the claim rules, compiled once per configuration.
///
/// Lists searched for in the draft go into one [`Phrasebook`]; the ones kept as
/// [`PhraseSet`]s are also asked about single words next to a match ("is this word an
/// opinion verb?").
#[derive(Debug)]
pub struct ClaimLexicon {
    /// hedges.txt + `lexicon.hedges`.
    hedges: ShapedSet,
    /// weasels.txt + `lexicon.weasels`.
    weasels: ShapedSet,
    /// Fixed vague sources ("local media").
    vague: ShapedSet,
    /// Words that make a number a figure, tagged percent, money or count.
    figures: ShapedSet,
    /// Superlatives, records and the scopes that make a superlative a record.
    superlatives: ShapedSet,
    /// Subjects after which "may" gives permission ("users may").
    modal_subjects: PhraseSet,
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
    /// Words that say whose a report is ("state media", "studio estimates").
    source_owners: PhraseSet,
    /// What a count in millions or a share can be a statistic of ("people", "voters").
    populations: PhraseSet,
    /// What "highest" names rather than ranks ("the highest court").
    offices: PhraseSet,
    /// What an impression can come from ("footage", "on camera").
    sights: PhraseSet,
    /// Every list searched for in a draft, in one automaton.
    book: Phrasebook,
}

impl ClaimLexicon {
    /// Build from the configuration's additions. The speech verbs are the quotations' own
    /// list ([`quotes::speech_verbs`]), additions included, so both read one list.
    pub fn new(additions: &LexiconConfig) -> Self {
        let speech_verbs = &quotes::speech_verbs(additions);
        let set = |src: &str| PhraseSet::from_list(src, &[]);
        let strings = |src: &str| -> Vec<String> { entries(src).map(str::to_string).collect() };
        let hedges = ShapedSet::from_list(include_str!("../lexicon/hedges.txt"), &additions.hedges);
        let weasels = ShapedSet::from_list(include_str!("../lexicon/weasels.txt"), &additions.weasels);
        let vague = ShapedSet::from_list(include_str!("../lexicon/vague_sources.txt"), &[]);
        let figures = ShapedSet::from_list(include_str!("../lexicon/figures.txt"), &[]);
        let superlatives = ShapedSet::from_list(include_str!("../lexicon/superlatives.txt"), &[]);
        let speech: Vec<String> = (0..speech_verbs.len())
            .map(|i| speech_verbs.phrase(i).to_string())
            .collect();
        let crowds = include_str!("../lexicon/crowds.txt");
        let source_nouns = include_str!("../lexicon/source_nouns.txt");
        let book = Phrasebook::new(&[
            (List::Hedges, hedges.phrases()),
            (List::Weasels, weasels.phrases()),
            (List::Vague, vague.phrases()),
            (List::Figures, figures.phrases()),
            (List::Superlatives, superlatives.phrases()),
            (List::Crowds, &strings(crowds)),
            (List::SourceNouns, &strings(source_nouns)),
            (List::Documents, &strings(include_str!("../lexicon/documents.txt"))),
            (List::Reporting, &strings(include_str!("../lexicon/reporting_cues.txt"))),
            (List::Evidence, &strings(include_str!("../lexicon/evidence_cues.txt"))),
            (List::Hearsay, &strings(include_str!("../lexicon/hearsay_nouns.txt"))),
            (
                List::Publishing,
                &strings(include_str!("../lexicon/publishing_verbs.txt")),
            ),
            (List::Legal, &strings(include_str!("../lexicon/legal_context.txt"))),
            (List::Measures, &strings(include_str!("../lexicon/measures.txt"))),
            (List::Periods, &strings(include_str!("../lexicon/periods.txt"))),
            (List::Speech, &speech),
        ]);
        ClaimLexicon {
            hedges,
            weasels,
            vague,
            figures,
            superlatives,
            modal_subjects: set(include_str!("../lexicon/modal_subjects.txt")),
            crowds: set(crowds),
            crowd_modifiers: set(include_str!("../lexicon/crowd_modifiers.txt")),
            opinion_verbs: set(include_str!("../lexicon/opinion_verbs.txt")),
            opinion_participles: set(include_str!("../lexicon/opinion_participles.txt")),
            finding_verbs: set(include_str!("../lexicon/finding_verbs.txt")),
            source_nouns: set(source_nouns),
            source_owners: set(include_str!("../lexicon/source_owners.txt")),
            populations: set(include_str!("../lexicon/populations.txt")),
            offices: set(include_str!("../lexicon/offices.txt")),
            sights: set(include_str!("../lexicon/sights.txt")),
            book,
        }
    }
}

/// Find claims without a source. Text inside quotation marks is the speaker's, not the
/// writer's, and is never checked.
pub fn check(ctx: &Context<'_>, quoted: &[QuotedSpan], findings: &mut Vec<Finding>) {
    let lex = &ctx.lexicon.claims;
    let matches = match ctx.kept {
        Some(kept) => Cow::Borrowed(&kept.local.phrases),
        None => Cow::Owned(lex.book.scan(ctx.text)),
    };
    let scan = Scan {
        text: ctx.text,
        segments: ctx.segments,
        lex,
        attribution: Attribution::build(ctx, quoted, &matches),
        matches,
        headlines: ctx
            .segments
            .paragraphs
            .iter()
            .map(|p| is_headline(ctx.text, p))
            .collect(),
        named_documents: OnceCell::new(),
    };
    let mut found = Vec::new();
    vague_source::find(&scan, &mut found);
    weasel::find(&scan, &mut found);
    hedge::find(&scan, &mut found);
    figures::find(&scan, &mut found);
    settle(&mut found);
    findings.extend(found.into_iter().map(|c| Finding::new(c.rule, c.span, c.message)));
}

/// Every phrase of the claim lists in `text`, as the rules read them: what [`check`] finds
/// for itself when the analysis has not found them paragraph by paragraph.
pub fn scan_phrases(lex: &ClaimLexicon, text: &str) -> Matches {
    lex.book.scan(text)
}

/// What the claim rules read about a draft.
struct Scan<'a> {
    text: &'a str,
    segments: &'a Segments,
    lex: &'a ClaimLexicon,
    /// The matches of every list of the phrasebook.
    matches: Cow<'a, Matches>,
    attribution: Attribution,
    /// Per paragraph: a heading or headline, which sums up a story whose body gives the
    /// sources, so no claim rule fires there.
    headlines: Vec<bool>,
    /// Documents the draft names, with their sentences, computed when first needed.
    named_documents: OnceCell<Vec<(usize, Span)>>,
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

    /// The paragraph that holds sentence `si`.
    fn paragraph_of(&self, si: usize) -> Span {
        self.segments.paragraphs[self.segments.sentences[si].paragraph].span
    }

    /// Every match of the shaped list `list` (its entries in `set`) that a rule may flag:
    /// in a checked sentence, with the words around it in the entry's shape.
    fn shaped_matches<'s>(&'s self, list: List, set: &'s ShapedSet) -> impl Iterator<Item = ShapedMatch<'a, 's>> + 's {
        self.matches.all(list).iter().filter_map(move |m| {
            let si = self.checked_sentence(m.span.start)?;
            let sent = self.sent(si);
            let entry = set.entry(m.index);
            let span = self.shaped(&sent, m.span, entry)?;
            Some(ShapedMatch {
                si,
                sent,
                matched: m.span,
                span,
                entry,
            })
        })
    }

    /// The span a shaped list entry covers at match `m`, or `None` when the words around
    /// it do not have the entry's shape. `{be}` widens the span to the form of "to be".
    fn shaped(&self, sent: &Sent<'_>, m: Span, entry: &Entry) -> Option<Span> {
        let mut start = m.start;
        match entry.lead {
            Lead::Free => {}
            Lead::Be => {
                let be = sent.be_before(sent.index_from(m.start))?;
                start = sent.tokens[be].start();
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
    let mut body = para.span.slice(text).trim_end();
    // Reference marks after the full stop ("… last year.[4][citation needed]") still
    // end a sentence.
    while let Some(open) = body.strip_suffix(']').and_then(|b| b.rfind('[')) {
        body = body[..open].trim_end();
    }
    // A list item without a full stop is still a claim ("- Sales rose 40%").
    para.kind == BlockKind::Paragraph
        && para.sentences.len() == 1
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

/// A match of a shaped list, in its shape: see [`Scan::shaped_matches`].
struct ShapedMatch<'a, 's> {
    /// Its sentence, by index and as words.
    si: usize,
    sent: Sent<'a>,
    /// The phrase as the list matched it.
    matched: Span,
    /// What a finding covers: the phrase widened or trimmed to its shape.
    span: Span,
    entry: &'s Entry,
}

/// The finding for a shaped list's entry at `span`: the entry's own question and advice,
/// else the rule's.
fn listed(text: &str, rule: Rule, span: Span, entry: &Entry, question: &str, advice: &str) -> Candidate {
    let question = entry.question.as_deref().unwrap_or(question);
    let advice = entry.advice.as_deref().unwrap_or(advice);
    Candidate {
        rule,
        span,
        message: message(text, span, question, advice),
    }
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
