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
        // are nouns ("the claim that", "his notes").
        let is_verb = |s: &Span| {
            let w = s.slice(text);
            is_according(w) || w.starts_with(char::is_lowercase) && !after_determiner(text, s.start)
        };
        // … and, to name a source, a verb with a speaker: not a passive with no agent
        // ("plates may be added", "it was announced"), nor a participle or noun after a
        // preposition ("from stated policy", "in certain states"), nor a verb a modal
        // guesses at ("this may explain"), nor "went on to" another deed.
        let has_speaker = |s: &Span| {
            let w = s.slice(text);
            let single_verb_without_speaker = !w.contains(' ')
                && (agentless_passive(text, *s)
                    || after_preposition(text, s.start)
                    || raising(text, *s)
                    || after_modal(text, s.start));
            is_according(w) || !(single_verb_without_speaker || goes_on_to_do(text, *s))
        };
        let speech = matches.all(List::Speech).iter().map(|m| m.span);
        let reporting_cues: Vec<Span> = matches
            .all(List::Reporting)
            .iter()
            .map(|m| m.span)
            .filter(|s| is_verb(s) && !out.in_quote(s.start))
            .collect();
        out.reporting = speech.filter(|s| is_verb(s) && !out.in_quote(s.start)).collect();
        out.reporting.extend(&reporting_cues);
        out.reporting.retain(has_speaker);
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

/// True when the word before `at` is a determiner or a possessive: "the claim", "his
/// hope", "its estimates", "certain states".
fn after_determiner(text: &str, at: usize) -> bool {
    let (word, _) = word_before(text, at);
    in_class(word, DETERMINERS) || word.ends_with("'s") || word.ends_with("’s")
}

/// True when the word before `at` is a preposition: what follows is a noun or a
/// participle, not a verb with a speaker ("from stated policy", "with added sugar").
fn after_preposition(text: &str, at: usize) -> bool {
    in_class(word_before(text, at).0, PREPOSITIONS)
}

/// True when the cue at `span` is a passive with no agent: a form of "to be" before it
/// (adverbs between allowed), and no "by" after it. "The plates may be added" and "it was
/// announced" name no one; "it was announced by the ministry" does.
fn agentless_passive(text: &str, span: Span) -> bool {
    if !is_be(word_before_adverbs(text, span.start)) {
        return false;
    }
    let after = text[span.end..].trim_start();
    let by = after
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case("by ") || b.eq_ignore_ascii_case("by\n"));
    !by
}

/// True when a modal of possibility comes right before `at` (adverbs may stand between):
/// "this may explain the delay", "the marks might well indicate a forgery", "who cannot
/// read". The verb is what the modal guesses at, not anything someone said.
/// ("Would" is left out: "Jones would later tell reporters that …" reports speech.)
fn after_modal(text: &str, at: usize) -> bool {
    in_class(word_before_adverbs(text, at), MODALS)
}

/// The word before `at`, past up to two adverbs ("is also widely said", "may well
/// explain").
fn word_before_adverbs(text: &str, at: usize) -> &str {
    let (mut word, mut start) = word_before(text, at);
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
