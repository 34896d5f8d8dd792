//! Quotations and their speakers: `quote/unattributed`.

use crate::analysis::Context;
use crate::analysis::lexicon::PhraseSet;
use crate::analysis::quote_marks::{QuoteStyle, QuotedSpan};
use crate::config::LexiconConfig;
use crate::finding::Finding;
use crate::text::Span;

#[derive(Debug)]
pub struct QuoteLexicon {
    pub speech_verbs: PhraseSet,
}

impl QuoteLexicon {
    pub fn new(additions: &LexiconConfig) -> Self {
        QuoteLexicon {
            speech_verbs: PhraseSet::from_list(include_str!("lexicon/speech_verbs.txt"), &additions.speech_verbs),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A name: `Dmitry Peskov`, `Peskov`.
    Named,
    /// A pronoun, resolved to an earlier mention when possible.
    Pronoun,
    /// A noun phrase: `the ministry`, `a statement from the Kremlin`.
    NounPhrase,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The words in the draft that name the speaker (`Peskov`, `he`, `the ministry`).
    pub span: Span,
    /// For a pronoun, the earlier mention it refers to.
    pub antecedent: Option<Span>,
    pub kind: SpeakerKind,
    /// Index into the draft's entities, when the speaker is a known entity.
    pub entity: Option<usize>,
}

/// A direct quotation: one or more quoted spans with one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted pieces, marks included, in order (`“I think,” Putin said, “that …”` has two).
    pub spans: Vec<Span>,
    pub speaker: Option<Speaker>,
    /// The words that attribute it (`said`, `according to`).
    pub cue: Option<Span>,
}

/// Tie quotations to speakers, and report the ones no one is said to have said.
pub fn attribute(ctx: &Context<'_>, spans: &[QuotedSpan], _findings: &mut Vec<Finding>) -> Vec<Quote> {
    spans
        .iter()
        .filter(|s| s.depth == 0 && s.style == QuoteStyle::Double)
        .filter(|s| s.inner.slice(ctx.text).split_whitespace().count() >= ctx.config.min_quote_words)
        .map(|s| Quote {
            spans: vec![s.span],
            speaker: None,
            cue: None,
        })
        .collect()
}
