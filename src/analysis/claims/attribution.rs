//! Where a draft says where its claims come from: speech verbs, reporting and evidence
//! words, links, footnotes and bracketed citations — and where it quotes someone, since
//! text inside quotation marks is the speaker's and never a claim of the writer's.
//!
//! Built once per draft, in a few linear passes (one Aho-Corasick pass per word list); the
//! rules then ask about byte ranges with binary searches.

use crate::analysis::Context;
use crate::analysis::quote_marks::QuotedSpan;
use crate::text::Span;
use crate::text::segment::{Segments, Token, TokenKind};

use super::grammar::in_class;
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
            let according = w.get(..9).is_some_and(|p| p.eq_ignore_ascii_case("according"));
            according || w.starts_with(char::is_lowercase) && !after_determiner(text, s.start)
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
        out.reporting.sort_by_key(|s| (s.start, s.end));
        out.reporting.dedup();
        out.according = out
            .reporting
            .iter()
            .copied()
            .filter(|s| {
                s.slice(text)
                    .get(..9)
                    .is_some_and(|p| p.eq_ignore_ascii_case("according"))
            })
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
        bracketed_citations(text, ctx.segments, &mut out.citations);
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
/// hope", "its estimates".
fn after_determiner(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    in_class(word, DETERMINERS) || word.ends_with("'s") || word.ends_with("’s")
}

/// Words that make the word after them a noun. ("This suggests" and "that says" are
/// pronouns with verbs, so demonstratives are not listed.)
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "some", "any", "no", "such", "every", "each",
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

/// Citations in brackets, as reference works and wikis write them: `[12]`, `[3, 4]`,
/// `(Smith 2004)`, `(OSU 2006, p. 4)`, `(source: ONS)`.
fn bracketed_citations(text: &str, segments: &Segments, out: &mut Vec<Span>) {
    let tokens = &segments.tokens;
    let punct = |t: &Token, c: char| t.kind == TokenKind::Punct && t.text(text).starts_with(c);
    for para in &segments.paragraphs {
        let Some(first) = segments.sentences.get(para.sentences.start) else {
            continue;
        };
        let last = &segments.sentences[para.sentences.end - 1];
        let range = first.tokens.start..last.tokens.end;
        let toks = &tokens[range];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if punct(t, '[') {
                // [12] or [3, 4, 5]: numbers and commas only.
                let mut j = i + 1;
                let mut numbers = 0;
                while j < toks.len() && (toks[j].kind == TokenKind::Number || punct(&toks[j], ',')) {
                    numbers += usize::from(toks[j].kind == TokenKind::Number);
                    j += 1;
                }
                if numbers > 0 && j < toks.len() && punct(&toks[j], ']') {
                    out.push(Span::new(t.span.start, toks[j].span.end));
                    i = j + 1;
                    continue;
                }
            } else if punct(t, '(') {
                // (Author 2004 …) or (source: …), within a few words.
                let close = toks[i + 1..].iter().take(10).position(|c| punct(c, ')'));
                if let Some(k) = close {
                    let inner = &toks[i + 1..i + 1 + k];
                    // The author or body comes first: "(Smith 2004)", not "(born in London, 1950)".
                    let named = inner
                        .first()
                        .is_some_and(|w| w.kind == TokenKind::Word && w.text(text).starts_with(char::is_uppercase));
                    let year = inner.iter().any(|w| {
                        let n = w.text(text);
                        w.kind == TokenKind::Number && n.len() == 4 && (n.starts_with("1") || n.starts_with("20"))
                    });
                    let sourced = inner.first().is_some_and(|w| {
                        let n = w.text(text);
                        n.eq_ignore_ascii_case("source")
                            || n.eq_ignore_ascii_case("sources")
                            || n.eq_ignore_ascii_case("via")
                    });
                    if (named && year) || sourced {
                        let end = toks[i + 1 + k].span.end;
                        out.push(Span::new(t.span.start, end));
                        i += k + 2;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
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
