//! Which speech act a quotation is tied to, if any: in its own sentence, in the sentence
//! that introduces it, in the sentence after it, or carried over from the quotation or
//! lead-in just before it.
//!
//! Sentences here are *logical* sentences: the segmenter's sentences joined across every
//! boundary that falls inside quotation marks (`Brooks said it “did well. It was uplifting”
//! and Rubio was hurt by going “in the gutter.”` is one sentence with one speech verb).

use std::ops::RangeInclusive;

use crate::analysis::quotes::cues::{Cue, CueKind, inside};
use crate::analysis::quotes::gather::Quotation;
use crate::analysis::quotes::speaker::SpeakerFinder;
use crate::analysis::quotes::{Attribution, Speaker, SpeakerKind};
use crate::text::Span;
use crate::text::prose::BlockKind;
use crate::text::segment::{Segments, TokenKind};

/// What ties a quotation to its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    pub how: Attribution,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
}

/// Words (outside quotation marks) allowed before a quotation that still leads its
/// sentence: `And “…”`, `But then, “…”`.
const LEAD_WORDS: usize = 2;
/// Words allowed before the speech verb of the sentence after a quotation ending in `?` or
/// `!`: `“Why not?” US Senator Jeff Sessions, the chairman, asked.`
const OPENING_WORDS: usize = 12;
/// Words allowed after the speech verb of a sentence that only reports a quotation just
/// before it: `That was how Smith put it.`, `Smith said on Tuesday.`
const TRAILING_WORDS: usize = 4;

pub struct Attributor<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub quoted: &'a [Span],
    pub cues: &'a [Cue],
    pub speakers: SpeakerFinder<'a>,
    /// For each sentence, the tie of the last quotation attributed in it.
    ties: Vec<Option<Tie>>,
}

impl<'a> Attributor<'a> {
    pub fn new(
        text: &'a str,
        seg: &'a Segments,
        quoted: &'a [Span],
        cues: &'a [Cue],
        speakers: SpeakerFinder<'a>,
    ) -> Self {
        Attributor {
            text,
            seg,
            quoted,
            cues,
            speakers,
            ties: vec![None; seg.sentences.len()],
        }
    }

    /// Tie `q` to a speaker. Quotations must be attributed in document order, since a
    /// quotation may carry over the speaker of the one before.
    pub fn attribute(&mut self, q: &Quotation) -> Option<Tie> {
        let tie = if q.block { self.block(q) } else { self.inline(q) };
        self.remember(q, &tie);
        tie
    }

    /// Tie a short phrase or a title: only a speech verb of its own sentence makes it a
    /// (partial) quotation.
    pub fn attribute_partial(&mut self, q: &Quotation) -> Option<Tie> {
        let tie = self.in_sentence(q);
        self.remember(q, &tie);
        tie
    }

    fn remember(&mut self, q: &Quotation, tie: &Option<Tie>) {
        if let Some(t) = tie {
            for span in &q.spans {
                if let Some(s) = self.seg.sentence_at(span.end.saturating_sub(1)) {
                    self.ties[s] = Some(t.clone());
                }
            }
        }
    }

    fn inline(&self, q: &Quotation) -> Option<Tie> {
        let first = self.logical(self.seg.sentence_at(q.first().start)?);
        let last = self.logical(self.seg.sentence_at(q.last().end - 1)?);
        if let Some(t) = self.in_sentence(q) {
            return Some(t);
        }
        if let Some(t) = self.signed(q.last()) {
            return Some(t);
        }
        let led = self.leads_sentence(q.first(), *first.start());
        let paragraph = &self.seg.paragraphs[self.seg.sentences[*first.start()].paragraph];
        let opens_paragraph = *first.start() == paragraph.sentences.start;
        if !opens_paragraph {
            let prev = self.logical(first.start() - 1);
            // A quotation inside its sentence continues the speaker of the sentence before
            // (`…, he said. Good information wins only when “the truth is sexier.”`) unless
            // its own sentence brings in someone new.
            let carried = led
                || !self.names_someone(Span::new(
                    self.seg.sentences[*first.start()].span.start,
                    q.first().start,
                ));
            if carried && let Some(t) = self.introduced_by(prev.clone(), Attribution::Introduced) {
                return Some(t);
            }
            if led && let Some(t) = self.announced_by(prev, Attribution::Introduced) {
                return Some(t);
            }
        }
        if let Some(t) = self.followed_by(q, last.clone()) {
            return Some(t);
        }
        if led && opens_paragraph {
            let prev = self.previous_paragraph(self.seg.sentences[*first.start()].paragraph)?;
            let lead_in = self.logical(self.seg.paragraphs[prev].sentences.end - 1);
            return self
                .introduced_by(lead_in.clone(), Attribution::CarriedOver)
                .or_else(|| self.announced_by(lead_in, Attribution::CarriedOver));
        }
        None
    }

    /// `He then had a question for the crowd. “Who will pay?”`: a sentence that names
    /// someone and announces what they said with a reporting noun (a question, a statement,
    /// a warning) introduces the quotation that opens the next sentence.
    fn announced_by(&self, range: RangeInclusive<usize>, how: Attribution) -> Option<Tie> {
        let (_, tokens) = self.extent(&range);
        let noun = tokens.clone().find(|&i| {
            let t = self.seg.tokens[i];
            // Lower-case only: `The Post` is a newspaper.
            t.kind == TokenKind::Word
                && !t.is_capitalized(self.text)
                && self.speakers.words.utterances.contains(t.text(self.text))
                && !inside(self.quoted, t.start())
        })?;
        let speaker = self
            .speakers
            .first_name(tokens.start, noun)
            .or_else(|| self.speakers.first_pronoun(tokens.start, noun))?;
        Some(Tie {
            how,
            speaker: Some(speaker),
            cue: Some(self.seg.tokens[noun].span()),
        })
    }

    /// A Markdown block quote: introduced by the paragraph before it, or signed
    /// (`— Name`) at its end.
    fn block(&self, q: &Quotation) -> Option<Tie> {
        let p = self.seg.paragraph_at(q.first().start)?;
        let last_paragraph = self.seg.paragraph_at(q.last().start)?;
        let signature = self.seg.paragraphs[last_paragraph].span;
        if let Some(t) = self.dash_signature(self.speakers.token_at(signature.start), signature.end) {
            return Some(t);
        }
        let prev = p.checked_sub(1)?;
        let lead_in = self.logical(self.seg.paragraphs[prev].sentences.end.checked_sub(1)?);
        self.introduced_by(lead_in, Attribution::LeadIn)
    }

    /// Sentence `s` widened over boundaries inside quotation marks, as a sentence range.
    fn logical(&self, s: usize) -> RangeInclusive<usize> {
        let sentences = &self.seg.sentences;
        let joined = |a: usize| {
            let (x, y) = (&sentences[a], &sentences[a + 1]);
            x.paragraph == y.paragraph && inside(self.quoted, x.span.end) && x.span.end < y.span.start
        };
        let (mut a, mut b) = (s, s);
        while a > 0 && joined(a - 1) {
            a -= 1;
        }
        while b + 1 < sentences.len() && joined(b) {
            b += 1;
        }
        a..=b
    }

    /// The span and tokens of sentences `range`.
    fn extent(&self, range: &RangeInclusive<usize>) -> (Span, std::ops::Range<usize>) {
        let (a, b) = (&self.seg.sentences[*range.start()], &self.seg.sentences[*range.end()]);
        (Span::new(a.span.start, b.span.end), a.tokens.start..b.tokens.end)
    }

    /// A speech verb in the quotation's own sentences, outside the quotation marks; the
    /// nearest one with a speaker wins. Failing that, a colon right before the quotation.
    fn in_sentence(&self, q: &Quotation) -> Option<Tie> {
        // Ranked by (no speaker, distance): a cue with a speaker beats a nearer one without
        // (`Peskov said … “…” in comments`).
        let mut best: Option<((bool, usize), Tie)> = None;
        let mut seen_up_to = 0;
        for span in &q.spans {
            let (Some(a), Some(b)) = (self.seg.sentence_at(span.start), self.seg.sentence_at(span.end - 1)) else {
                continue;
            };
            let range = *self.logical(a).start()..=*self.logical(b).end();
            if *range.end() < seen_up_to {
                continue;
            }
            seen_up_to = range.end() + 1;
            let (extent, tokens) = self.extent(&range);
            for cue in self.cues_in(extent) {
                let distance = q.spans.iter().map(|p| gap(*p, cue.span)).min().unwrap_or(usize::MAX);
                let speaker = self.speakers.for_cue(cue, tokens.clone());
                let rank = (speaker.is_none(), distance);
                if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                    let tie = Tie {
                        how: Attribution::InSentence,
                        speaker,
                        cue: Some(cue.span),
                    };
                    best = Some((rank, tie));
                }
            }
        }
        best.map(|(_, t)| t).or_else(|| self.colon_lead_in(q.first()))
    }

    /// `Smith: “…”`, `Sanders delivered a snappy retort: “…”` — words ending in a colon right
    /// before the quotation introduce it. The speaker is the first name among them.
    fn colon_lead_in(&self, first: Span) -> Option<Tie> {
        let open = self.speakers.token_at(first.start);
        let colon = open.checked_sub(1)?;
        if self.seg.tokens[colon].punct(self.text) != Some(':') {
            return None;
        }
        let s = self.logical(self.seg.sentence_at(first.start)?);
        let (_, tokens) = self.extent(&s);
        if colon <= tokens.start {
            return None;
        }
        // The lead-in is the whole clause before the colon; scare quotes inside it are part
        // of it (`the Daily News focuses on the “assault weapons” used:`).
        let lo = tokens.start;
        // A lead-in is a clause of its own, opening with a capital, that names someone.
        let first_word = (lo..colon).find(|&i| {
            let t = self.seg.tokens[i];
            t.kind != TokenKind::Punct && !inside(self.quoted, t.start())
        })?;
        if !self.seg.tokens[first_word].is_capitalized(self.text) {
            return None;
        }
        let speaker = self
            .speakers
            .first_name(lo, colon)
            .or_else(|| self.speakers.first_pronoun(lo, colon))
            .or_else(|| self.speakers.phrase_before(colon, lo))?;
        Some(Tie {
            how: Attribution::InSentence,
            speaker: Some(speaker),
            cue: Some(self.seg.tokens[colon].span()),
        })
    }

    /// `“…” — Smith`: a dash and a name right after the quotation.
    /// The signature may stand in a paragraph of its own right after (`- Bernie Sanders.`).
    fn signed(&self, last: Span) -> Option<Tie> {
        let p = self.seg.paragraph_at(last.start)?;
        let paragraph = &self.seg.paragraphs[p];
        if let Some(t) = self.dash_signature(self.speakers.token_at(last.end), paragraph.span.end) {
            return Some(t);
        }
        let next = self.seg.paragraphs.get(p + 1)?;
        let ends_paragraph = self.words_outside_at_most(Span::new(last.end, paragraph.span.end), 0);
        if !ends_paragraph {
            return None;
        }
        self.dash_signature(self.speakers.token_at(next.span.start), next.span.end)
    }

    /// A dash at token `i` followed by a name, before `end`.
    fn dash_signature(&self, i: usize, end: usize) -> Option<Tie> {
        let dash = self.seg.tokens.get(i)?;
        if !dash
            .punct(self.text)
            .is_some_and(|c| matches!(c, '—' | '―' | '–' | '-'))
        {
            return None;
        }
        let hi = self.seg.tokens.partition_point(|t| t.start() < end);
        let speaker = self.speakers.phrase_after(i + 1, hi)?;
        // A signature is a name that ends the line or comes before its title (`— Ines
        // Duarte, mayor`); `— a reaction to …` or `— itself a rebuttal` goes on with the text.
        let after = self.speakers.token_at(speaker.span.end);
        let ends = self.seg.tokens.get(after).is_none_or(|t| {
            after >= hi
                || t.punct(self.text).is_some_and(|c| matches!(c, '.' | ',' | ';' | ')'))
                || self.text[speaker.span.end..t.start()].contains(['\n', '\r'])
        });
        if speaker.kind != SpeakerKind::Named || !ends || self.speakers.token_at(speaker.span.start) != i + 1 {
            return None;
        }
        Some(Tie {
            how: Attribution::Signed,
            speaker: Some(speaker),
            cue: Some(dash.span()),
        })
    }

    /// The tie that sentences `range` give to a quotation right after them: they attribute
    /// a quotation themselves, end with a colon, or make a speech act with a speaker.
    fn introduced_by(&self, range: RangeInclusive<usize>, how: Attribution) -> Option<Tie> {
        if let Some(t) = range.clone().rev().find_map(|s| self.ties[s].as_ref()) {
            return Some(Tie { how, ..t.clone() });
        }
        let (_, tokens) = self.extent(&range);
        let last = self.seg.tokens[tokens.end - 1];
        if last.punct(self.text) == Some(':') {
            let act = self.speech_act(&range);
            let speaker = act
                .as_ref()
                .and_then(|t| t.speaker.clone())
                .or_else(|| self.speakers.first_name(tokens.start, tokens.end - 1));
            // A paragraph ending with a colon leads in to the one after it.
            let how = if how == Attribution::CarriedOver {
                Attribution::LeadIn
            } else {
                how
            };
            return Some(Tie {
                how,
                speaker,
                cue: act.and_then(|t| t.cue).or(Some(last.span())),
            });
        }
        self.speech_act(&range).map(|t| Tie { how, ..t })
    }

    /// The first speech verb of sentences `range` with a speaker.
    fn speech_act(&self, range: &RangeInclusive<usize>) -> Option<Tie> {
        let (extent, tokens) = self.extent(range);
        self.cues_in(extent)
            .iter()
            .filter(|c| c.kind != CueKind::Characterizing)
            .find_map(|c| {
                let speaker = self.speakers.for_cue(c, tokens.clone())?;
                Some(Tie {
                    how: Attribution::Introduced,
                    speaker: Some(speaker),
                    cue: Some(c.span),
                })
            })
    }

    /// The sentence after a quotation that makes up its whole sentence reports it:
    /// - a short speech act with no quotation of its own and nothing reported after its verb
    ///   (`“…” That was how Smith put it.`);
    /// - after a quotation ending in `?` or `!`, a speech act that opens with its speaker
    ///   (`“Why not?” Smith asked the board.`), which the segmenter reads as a new sentence.
    fn followed_by(&self, q: &Quotation, last: RangeInclusive<usize>) -> Option<Tie> {
        if last.end() + 1 >= self.seg.sentences.len() {
            return None;
        }
        let next = self.logical(last.end() + 1);
        let (next_span, next_tokens) = self.extent(&next);
        let (last_span, _) = self.extent(&last);
        if self.seg.sentences[*next.start()].paragraph != self.seg.sentences[*last.end()].paragraph {
            return None;
        }
        let quote_ends_sentence = self.words_outside_at_most(Span::new(q.last().end, last_span.end), 0);
        if !quote_ends_sentence {
            return None;
        }
        let asks_or_exclaims = q
            .last()
            .slice(self.text)
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '?' | '!'))
            .ends_with(['?', '!']);
        if asks_or_exclaims
            && let Some(cue) = self
                .cues_in(next_span)
                .iter()
                .find(|c| c.kind != CueKind::Characterizing)
            && self.words_outside_at_most(Span::new(next_span.start, cue.span.start), OPENING_WORDS)
        {
            return Some(Tie {
                how: Attribution::Followed,
                speaker: self.speakers.for_cue(cue, next_tokens.clone()),
                cue: Some(cue.span),
            });
        }
        let act = self.speech_act(&next)?;
        let cue = act.cue?;
        let only_quotation = self.words_outside_at_most(last_span, 0);
        if !only_quotation || self.quoted_in(next_span) {
            return None;
        }
        let after = self.speakers.token_at(cue.end);
        let rest = &self.seg.tokens[after..next_tokens.end];
        let reports_more = rest
            .first()
            .is_some_and(|t| t.text(self.text).eq_ignore_ascii_case("that") || t.punct(self.text) == Some(':'));
        let words = rest.iter().filter(|t| t.kind != TokenKind::Punct).count();
        (!reports_more && words <= TRAILING_WORDS).then_some(Tie {
            how: Attribution::Followed,
            ..act
        })
    }

    /// The paragraph before `p` when it is ordinary prose at the same block-quote depth.
    fn previous_paragraph(&self, p: usize) -> Option<usize> {
        let prev = p.checked_sub(1)?;
        let (a, b) = (&self.seg.paragraphs[prev], &self.seg.paragraphs[p]);
        (a.quote_depth == b.quote_depth && !matches!(a.kind, BlockKind::Heading(_))).then_some(prev)
    }

    /// The cues inside `span`.
    fn cues_in(&self, span: Span) -> &[Cue] {
        let from = self.cues.partition_point(|c| c.span.start < span.start);
        let to = self.cues.partition_point(|c| c.span.start < span.end);
        &self.cues[from..to]
    }

    fn quoted_in(&self, span: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end <= span.start);
        self.quoted.get(i).is_some_and(|q| q.start < span.end)
    }

    /// At most `most` words outside quotation marks in `span`. The count stops once it
    /// passes `most`: the stretch from a quotation to the end of its paragraph is asked
    /// about for every quotation of the paragraph, and a long paragraph of quotations made
    /// counting it all grow with the square of the paragraph.
    fn words_outside_at_most(&self, span: Span, most: usize) -> bool {
        let from = self.speakers.token_at(span.start);
        let to = self.speakers.token_at(span.end);
        self.seg.tokens[from..to.max(from)]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct && !inside(self.quoted, t.start()))
            .nth(most)
            .is_none()
    }

    /// `span` names someone: a name other than a lone word opening the sentence
    /// (`Good information …`, `Audiences …`).
    fn names_someone(&self, span: Span) -> bool {
        let (lo, hi) = (self.speakers.token_at(span.start), self.speakers.token_at(span.end));
        let mut i = lo;
        while let Some(name) = self.speakers.first_name(i, hi) {
            let start = self.speakers.token_at(name.span.start);
            let end = self.speakers.token_at(name.span.end);
            if start != lo || end - start > 1 {
                return true;
            }
            i = end;
        }
        false
    }

    /// The quotation opens its sentence, but for a word or two (`And “…”`).
    fn leads_sentence(&self, first: Span, s: usize) -> bool {
        let start = self.seg.sentences[s].span.start;
        self.words_outside_at_most(Span::new(start, first.start), LEAD_WORDS)
    }
}

/// Bytes between two spans that do not overlap (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
