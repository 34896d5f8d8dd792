//! From quoted spans to quotations: pieces of one quotation are joined (a quote split by
//! its attribution, a quote running over several paragraphs), Markdown block quotes become
//! quotations, and titles and names in quotation marks are told apart.

use crate::analysis::quote_marks::QuotedSpan;
use crate::analysis::quotes::QuoteLexicon;
use crate::analysis::quotes::cues::{Cue, CueKind};
use crate::text::Span;
use crate::text::segment::{Segments, TokenKind};

/// A stretch of quoted words that may be a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The pieces, marks included, in document order. A block quotation has one piece per
    /// paragraph.
    pub spans: Vec<Span>,
    /// Words and numbers inside the marks.
    pub words: usize,
    /// A Markdown block quote (`>`), quoted as a whole without quotation marks.
    pub block: bool,
    /// In quotation marks but named as a title, a name or a slogan (`a book titled “…”`,
    /// `the “Justice Against Sponsors of Terrorism Act”`).
    pub title: bool,
    /// Never closed (and not running on into the next paragraph): `quote/unbalanced` already
    /// reports it, and its attribution may be lost inside it.
    pub unclosed: bool,
}

impl Quotation {
    pub fn first(&self) -> Span {
        self.spans[0]
    }

    pub fn last(&self) -> Span {
        self.spans[self.spans.len() - 1]
    }
}

/// The paragraph ranges of Markdown block quotes that hold no quotation marks of their
/// own: the whole block is the quotation. A block quote with marks inside is a quoted
/// excerpt whose own quotations are checked as usual.
pub fn block_quotes(seg: &Segments, spans: &[QuotedSpan]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < seg.paragraphs.len() {
        if seg.paragraphs[p].quote_depth == 0 {
            p += 1;
            continue;
        }
        let start = p;
        while p < seg.paragraphs.len() && seg.paragraphs[p].quote_depth > 0 {
            p += 1;
        }
        if !spans.iter().any(|s| s.depth == 0 && (start..p).contains(&s.paragraph)) {
            out.push(start..p);
        }
    }
    out
}

pub struct Gatherer<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub lex: &'a QuoteLexicon,
    pub cues: &'a [Cue],
}

impl Gatherer<'_> {
    /// Every quotation and would-be quotation of the draft, in document order.
    pub fn gather(&self, spans: &[QuotedSpan], blocks: &[std::ops::Range<usize>]) -> Vec<Quotation> {
        let mut out: Vec<Quotation> = Vec::new();
        let mut last_depth0: Option<&QuotedSpan> = None;
        for s in spans.iter().filter(|s| s.depth == 0) {
            let joins =
                last_depth0.is_some_and(|prev| (s.continued && prev.continues) || self.split_by_attribution(prev, s));
            match out.last_mut() {
                Some(q) if joins => {
                    q.spans.push(s.span);
                    q.words += self.words(s.inner);
                    q.title = false;
                    q.unclosed = !s.closed && !s.continues;
                }
                _ => out.push(Quotation {
                    spans: vec![s.span],
                    words: self.words(s.inner),
                    block: false,
                    title: self.is_title(s),
                    unclosed: !s.closed && !s.continues,
                }),
            }
            last_depth0 = Some(s);
        }
        for range in blocks {
            let paragraphs = &self.seg.paragraphs[range.clone()];
            out.push(Quotation {
                spans: paragraphs.iter().map(|p| p.span).collect(),
                words: paragraphs.iter().map(|p| self.words(p.span)).sum(),
                block: true,
                title: false,
                unclosed: false,
            });
        }
        out.sort_by_key(|q| q.first().start);
        out
    }

    /// `“I think,” Putin said, “that many people will agree.”`: two pieces in one
    /// sentence, the first not ended, with a speech verb between them.
    fn split_by_attribution(&self, prev: &QuotedSpan, next: &QuotedSpan) -> bool {
        if prev.paragraph != next.paragraph || !prev.closed {
            return false;
        }
        let between = Span::new(prev.span.end, next.span.start);
        // The cheap tests first; the cues (in draft order) are searched, not walked: a
        // walk over all of them for every two quoted pieces grew with the square of a
        // long draft.
        let from = self.cues.partition_point(|c| c.span.start < between.start);
        let to = self.cues.partition_point(|c| c.span.start < between.end);
        self.seg.sentence_at(prev.span.end - 1) == self.seg.sentence_at(next.span.start)
            && !prev.inner.slice(self.text).trim_end().ends_with(['.', '?', '!', '…'])
            && self.cues[from..to.max(from)]
                .iter()
                .any(|c| c.kind != CueKind::Characterizing && between.encloses(c.span))
            && self.words(between) <= 12
    }

    /// Words and numbers whose first byte lies in `span`.
    pub fn words(&self, span: Span) -> usize {
        let tokens = &self.seg.tokens;
        let from = tokens.partition_point(|t| t.start() < span.start);
        let to = tokens.partition_point(|t| t.start() < span.end);
        tokens[from..to].iter().filter(|t| t.kind != TokenKind::Punct).count()
    }

    /// Quotation marks around a title, a name or a slogan: announced by a word such as
    /// `titled` or `known as` (maybe with an article between), or every word capitalised
    /// inside a sentence, as in a name (`the “Central Park Five”`).
    fn is_title(&self, s: &QuotedSpan) -> bool {
        let text = self.text;
        let tokens = &self.seg.tokens;
        let open = tokens.partition_point(|t| t.start() < s.span.start);
        let mut i = open;
        while i > 0 && self.lex.words.determiners.contains(tokens[i - 1].text(text)) {
            i -= 1;
        }
        let before = Span::new(tokens[i.saturating_sub(2)].start(), s.span.start);
        if i > 0
            && self
                .lex
                .title_cues
                .find_in(text, before)
                .any(|m| m.span.end == tokens[i - 1].end())
        {
            return true;
        }
        let inner = s.inner.slice(text).trim_end_matches([',', ' ']);
        let starts_sentence = self
            .seg
            .sentence_at(s.span.start)
            .is_some_and(|i| self.seg.sentences[i].tokens.start == open);
        let mut words = inner.split_whitespace().peekable();
        !starts_sentence
            && words.peek().is_some()
            && !inner.ends_with(['.', '?', '!'])
            && words.all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || self.lex.words.phrase_links.contains(w)
                    || matches!(w, "and" | "the" | "a" | "an" | "&")
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::text::DocKind;

    /// The quoted pieces of each quotation, through the whole pipeline.
    fn gathered(text: &str, kind: DocKind) -> Vec<Vec<String>> {
        let a = analyze(text, kind, &Config::default());
        a.quotes
            .iter()
            .map(|q| q.spans.iter().map(|s| s.slice(text).to_string()).collect())
            .collect()
    }

    #[test]
    fn split_quote_is_one_quotation() {
        let text = "“I believe,” the mayor said, “that the bridge will be finished by spring.”";
        let g = gathered(text, DocKind::Text);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 2);
    }

    #[test]
    fn finished_sentence_then_new_quote_is_two_quotations() {
        let text = "“The bridge is late again.” The mayor said. “We will finish it by spring anyway.”";
        assert_eq!(gathered(text, DocKind::Text).len(), 2);
    }

    #[test]
    fn multi_paragraph_quote_is_one_quotation() {
        let text = "“The council met on Monday and argued for hours,\n\n“and in the end nobody changed their vote at all,” the clerk said.";
        let g = gathered(text, DocKind::Text);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 2);
    }

    #[test]
    fn titles_and_names_in_quotes_are_not_quotations() {
        let text = "The council passed the “Clean Harbour and Safe Water Act” on Monday. \
            She reviewed a report titled “what we found in the water last year” before lunch.";
        assert!(gathered(text, DocKind::Text).is_empty());
    }

    #[test]
    fn block_quote_is_a_quotation() {
        let text =
            "The governor wrote to the council:\n\n> We cannot afford another winter without heating in the schools.\n";
        let g = gathered(text, DocKind::Markdown);
        assert_eq!(
            g,
            vec![vec!["We cannot afford another winter without heating in the schools."]]
        );
    }
}
