//! Where a draft says where its claims come from: speech verbs, reporting and evidence
//! words, links, footnotes and bracketed citations — and where it quotes someone, since
//! text inside quotation marks is the speaker's and never a claim of the writer's.
//!
//! Built once per draft, in a few linear passes (one Aho-Corasick pass per word list); the
//! rules then ask about byte ranges with binary searches.

use crate::analysis::Context;
use crate::analysis::quote_marks::QuotedSpan;
use crate::text::Span;

use super::citations;
use super::grammar::{ADVERBS, in_class, is_be};
use super::phrasebook::{List, Matches};

/// The attribution of one draft.
#[derive(Debug, Default)]
pub struct Attribution {
    /// Outermost quoted stretches, marks included, sorted.
    quoted: Vec<Span>,
    /// Speech verbs and reporting words outside quotes ("said", "according to", "reported").
    reporting: Vec<Span>,
    /// "according to", outside quotes (a subset of `reporting`).
    according: Vec<Span>,
    /// Reporting words proper ("reported", "citing") and evidence words ("figures",
    /// "survey", "found"), outside quotes: what follows a named outlet or report.
    evidence: Vec<Span>,
    /// Links, footnote references and bracketed citations ("[12]", "(Smith 2004)").
    citations: Vec<Span>,
}

impl Attribution {
    pub fn build(ctx: &Context<'_>, quoted: &[QuotedSpan], matches: &Matches) -> Self {
        let text = ctx.text;
        let mut quoted: Vec<Span> = quoted.iter().filter(|q| q.depth == 0).map(|q| q.span).collect();
        quoted.sort_by_key(|s| s.start);
        let mut out = Attribution {
            quoted,
            ..Attribution::default()
        };

        // Speech verbs count only as verbs: lower case ("said", not "the United States"),
        // except a sentence-opening "According to"; and not after a determiner, where they
        // are nouns ("the claim that", "his notes"). To name a source, a verb needs a
        // speaker as well (see [`CueWords::has_speaker`]). The words before a cue, which
        // most of these tests read, are found once per cue.
        let mut reporting_cues: Vec<Span> = Vec::new();
        let mut reporting: Vec<Span> = Vec::new();
        for (list, m) in matches
            .all(List::Speech)
            .iter()
            .map(|m| (List::Speech, m))
            .chain(matches.all(List::Reporting).iter().map(|m| (List::Reporting, m)))
        {
            if out.in_quote(m.span.start) {
                continue;
            }
            let cue = CueWords::new(text, m.span);
            if !cue.is_verb() {
                continue;
            }
            if list == List::Reporting {
                reporting_cues.push(m.span);
            }
            if cue.has_speaker() {
                reporting.push(m.span);
            }
        }
        out.reporting = reporting;
        out.reporting.sort_by_key(|s| (s.start, s.end));
        out.reporting.dedup();
        out.according = out
            .reporting
            .iter()
            .copied()
            .filter(|s| is_according(s.slice(text)))
            .collect();
        out.evidence = matches
            .all(List::Evidence)
            .iter()
            .map(|m| m.span)
            .filter(|s| !out.in_quote(s.start))
            .collect();
        out.evidence.extend(reporting_cues);
        out.evidence.sort_by_key(|s| (s.start, s.end));

        out.citations = ctx.prose.links.iter().map(|l| l.span).collect();
        out.citations.extend(&ctx.prose.footnotes);
        citations::find(text, ctx.segments, &mut out.citations);
        out.citations.sort_by_key(|s| s.start);
        out
    }

    /// True when `offset` lies inside quotation marks.
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start <= offset);
        i > 0 && self.quoted[i - 1].contains(offset)
    }

    /// Speech verbs and reporting words inside `span`, in order.
    pub fn reporting_in(&self, span: Span) -> &[Span] {
        within(&self.reporting, span)
    }

    /// Each "according to" of the draft, outside quotes.
    pub fn according(&self) -> &[Span] {
        &self.according
    }

    /// Reporting and evidence words inside `span`.
    pub fn evidence_in(&self, span: Span) -> &[Span] {
        within(&self.evidence, span)
    }

    /// True when a link, footnote or bracketed citation overlaps `span`.
    pub fn cites(&self, span: Span) -> bool {
        let i = self.citations.partition_point(|c| c.end <= span.start);
        self.citations[i..]
            .iter()
            .take_while(|c| c.start < span.end)
            .any(|c| c.overlaps(span))
    }

    /// True when anything in `span` says where its claims come from: a speech verb, a
    /// reporting or evidence word, a link or a citation.
    pub fn attributes(&self, span: Span) -> bool {
        !self.reporting_in(span).is_empty() || !self.evidence_in(span).is_empty() || self.cites(span)
    }
}

/// A speech verb or reporting word of the draft, with the words before it.
struct CueWords<'t> {
    text: &'t str,
    span: Span,
    /// The word right before it (empty when punctuation comes first).
    word: &'t str,
    /// The word before it past up to two adverbs ("is also widely said", "may well
    /// explain").
    past_adverbs: &'t str,
}

impl<'t> CueWords<'t> {
    fn new(text: &'t str, span: Span) -> Self {
        let (word, start) = word_before(text, span.start);
        CueWords {
            text,
            span,
            word,
            past_adverbs: skip_adverbs(text, word, start),
        }
    }

    fn cue(&self) -> &'t str {
        self.span.slice(self.text)
    }

    /// A verb: lower case, or "According to"; and not a noun after a determiner.
    fn is_verb(&self) -> bool {
        let w = self.cue();
        is_according(w) || w.starts_with(char::is_lowercase) && !self.after_determiner()
    }

    /// A verb with a speaker: not a passive with no agent ("plates may be added", "it was
    /// announced"), nor a participle or noun after a preposition ("from stated policy",
    /// "in certain states"), nor a verb a modal guesses at ("this may explain"), nor "went
    /// on to" another deed.
    fn has_speaker(&self) -> bool {
        let w = self.cue();
        let single_verb_without_speaker = !w.contains(' ')
            && (self.agentless_passive()
                || self.after_preposition()
                || raising(self.text, self.span)
                || self.after_modal());
        is_according(w) || !(single_verb_without_speaker || goes_on_to_do(self.text, self.span))
    }

    /// The word before is a determiner or a possessive: "the claim", "his hope", "its
    /// estimates", "certain states".
    fn after_determiner(&self) -> bool {
        in_class(self.word, DETERMINERS) || self.word.ends_with("'s") || self.word.ends_with("’s")
    }

    /// The word before is a preposition: what follows is a noun or a participle, not a
    /// verb with a speaker ("from stated policy", "with added sugar").
    fn after_preposition(&self) -> bool {
        in_class(self.word, PREPOSITIONS)
    }

    /// A passive with no agent: a form of "to be" before it (adverbs between allowed),
    /// and no "by" after it. "The plates may be added" and "it was announced" name no one;
    /// "it was announced by the ministry" does.
    fn agentless_passive(&self) -> bool {
        if !is_be(self.past_adverbs) {
            return false;
        }
        let after = self.text[self.span.end..].trim_start();
        let by = after
            .get(..3)
            .is_some_and(|b| b.eq_ignore_ascii_case("by ") || b.eq_ignore_ascii_case("by\n"));
        !by
    }

    /// A modal of possibility comes right before (adverbs may stand between): "this may
    /// explain the delay", "the marks might well indicate a forgery", "who cannot read".
    /// The verb is what the modal guesses at, not anything someone said. ("Would" is left
    /// out: "Jones would later tell reporters that …" reports speech.)
    fn after_modal(&self) -> bool {
        in_class(self.past_adverbs, MODALS)
    }
}

/// `word` (which starts at `start`), or the word before it when it is an adverb, up to two
/// adverbs back.
fn skip_adverbs<'t>(text: &'t str, mut word: &'t str, mut start: usize) -> &'t str {
    for _ in 0..2 {
        let adverb = in_class(word, ADVERBS)
            || in_class(word, &["only", "well", "yet"])
            || word.len() > 4 && word.ends_with("ly");
        if !adverb {
            break;
        }
        (word, start) = word_before(text, start);
    }
    word
}

/// True for "according to" (at a sentence's start too).
fn is_according(cue: &str) -> bool {
    cue.get(..9).is_some_and(|p| p.eq_ignore_ascii_case("according"))
}

/// True when the cue is "went on" or "goes on" with "to" after it: "went on to sell a
/// million copies" tells what happened next. ("Went on to say" is matched whole.)
fn goes_on_to_do(text: &str, span: Span) -> bool {
    let cue = span.slice(text);
    let next = text[span.end..].split_whitespace().next();
    (cue.ends_with(" on") || cue.ends_with(" On")) && next == Some("to")
}

/// Modals of possibility, permission and obligation.
const MODALS: &[&str] = &[
    "may",
    "might",
    "can",
    "cannot",
    "could",
    "must",
    "should",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
];

/// True when the participle at `span` has "to be" or "to have" after it: "names (said to
/// be random)", "a man reported to have fled" — a passive with its "is" left out, not a
/// speaker. ("Smith claims to have …" is active: the claimant is the subject.)
fn raising(text: &str, span: Span) -> bool {
    let mut words = text[span.end..].split_whitespace();
    in_class(
        span.slice(text),
        &["said", "reported", "alleged", "estimated", "rumoured", "rumored"],
    ) && words.next() == Some("to")
        && words.next().is_some_and(|w| w == "be" || w == "have")
}

/// The word that ends right before `at` (spaces skipped) and where it starts; empty when
/// punctuation comes first.
fn word_before(text: &str, at: usize) -> (&str, usize) {
    let before = text[..at].trim_end();
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    (&before[word_start..], word_start)
}

/// Prepositions after which a speech verb is a noun or an adjective.
const PREPOSITIONS: &[&str] = &[
    "of", "in", "from", "with", "for", "on", "at", "into", "about", "under", "over", "than", "without", "against",
];

/// Words that make the word after them a noun. ("This suggests" and "that says" are
/// pronouns with verbs, so demonstratives are not listed.)
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "some", "any", "no", "such", "every", "each",
    "certain", "several", "various", "numerous", "other",
];

/// The spans of a sorted list that lie inside `span`.
fn within(spans: &[Span], span: Span) -> &[Span] {
    let from = spans.partition_point(|s| s.start < span.start);
    let to = spans.partition_point(|s| s.start < span.end);
    let slice = &spans[from..to.max(from)];
    // A cue that runs past the end of the span is not inside it.
    let keep = slice.iter().rposition(|s| s.end <= span.end).map_or(0, |p| p + 1);
    &slice[..keep]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_keeps_only_spans_inside() {
        let spans = [Span::new(0, 3), Span::new(5, 8), Span::new(9, 14), Span::new(20, 22)];
        assert_eq!(within(&spans, Span::new(4, 13)), &[Span::new(5, 8)]);
        assert_eq!(within(&spans, Span::new(0, 30)).len(), 4);
        assert!(within(&spans, Span::new(15, 19)).is_empty());
    }
}
