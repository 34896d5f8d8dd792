//! Quotation marks: which marks open and close which quotations, paragraph by paragraph,
//! and the `quote/unbalanced` rule.
//!
//! Double quotes may be curly (“ ”), straight (") or guillemets (« »); single quotes
//! (‘ ’ and ') nest inside doubles or serve as the outer mark in British style. A right
//! single quotation mark between letters or before a digit is an apostrophe (Putin’s,
//! ’90s), never a quote. Newsroom convention for a quotation that runs over several
//! paragraphs: each paragraph opens with a mark and only the last one closes; such an
//! opening is not unbalanced. The same convention appears inside one paragraph when a
//! draft has lost its paragraph breaks (`…this club. "No one is…"`): a quotation reopened
//! right after a sentence end continues the open one.

use crate::analysis::Context;
use crate::finding::Finding;
use crate::rules::Rule;
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteStyle {
    Double,
    Single,
}

/// One stretch of quoted text inside one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedSpan {
    /// From the opening mark through the closing mark; to the paragraph's end (or the
    /// reopening mark) when unclosed.
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    pub style: QuoteStyle,
    /// 0 for an outermost quotation, 1 for a quote inside it, …
    pub depth: u8,
    /// Index of the paragraph in the document's segments.
    pub paragraph: usize,
    pub closed: bool,
    /// Unclosed, and the quotation runs on: the next paragraph (or, inside a paragraph,
    /// the next sentence) reopens it.
    pub continues: bool,
    /// Continues the previous span's quotation.
    pub continued: bool,
}

#[derive(Clone, Debug, Default)]
pub struct QuoteScan {
    /// In document order of their opening marks.
    pub spans: Vec<QuotedSpan>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Copy)]
struct Open {
    style: QuoteStyle,
    at: usize,
    mark_len: usize,
    continued: bool,
}

const UNCLOSED: &str = "This quotation mark opens a quotation that is never closed in its paragraph. \
    Close it with a quotation mark where the speaker’s words end; if the quotation runs on into the next \
    paragraph, open that paragraph with a quotation mark too.";
const STRAY_CLOSE: &str = "This closing quotation mark has no opening mark before it in its paragraph. \
    Add the opening mark where the quotation begins, or remove this one.";

/// Find the quotations of every paragraph, and the marks that do not balance.
pub fn scan(ctx: &Context<'_>) -> QuoteScan {
    let text = ctx.text;
    let paragraphs = &ctx.segments.paragraphs;
    let mut out = QuoteScan::default();
    let mut previous_continues = false;
    for (pi, para) in paragraphs.iter().enumerate() {
        let first_span = out.spans.len();
        let mut p = ParagraphScan {
            text,
            paragraph: pi,
            stack: Vec::new(),
            out: &mut out,
        };
        p.run(para.span);

        // What is still open at the paragraph's end.
        let next_opens = paragraphs.get(pi + 1).is_some_and(|n| {
            n.quote_depth == para.quote_depth && n.span.slice(text).starts_with(['“', '"', '«', '„', '‘'])
        });
        let stack = std::mem::take(&mut p.stack);
        for (depth, open) in stack.iter().enumerate() {
            let continues = next_opens && depth == 0;
            out.spans.push(QuotedSpan {
                span: Span::new(open.at, para.span.end),
                inner: Span::new(open.at + open.mark_len, para.span.end),
                style: open.style,
                depth: saturating_depth(depth),
                paragraph: pi,
                closed: false,
                continues,
                continued: open.continued,
            });
            // Only double quotes are held to balance: single marks double as apostrophes
            // too often to accuse them.
            if open.style == QuoteStyle::Double && !continues {
                out.findings.push(Finding::new(
                    Rule::QuoteUnbalanced,
                    Span::new(open.at, open.at + open.mark_len),
                    UNCLOSED,
                ));
            }
        }
        let spans = &mut out.spans[first_span..];
        spans.sort_by_key(|s| s.span.start);
        if previous_continues
            && let Some(first) = spans.iter_mut().find(|s| s.depth == 0)
            && first.span.start == para.span.start
        {
            first.continued = true;
        }
        previous_continues = spans.iter().any(|s| s.continues && s.span.end == para.span.end);
    }
    out
}

/// The marks of one paragraph.
struct ParagraphScan<'a, 'o> {
    text: &'a str,
    paragraph: usize,
    stack: Vec<Open>,
    out: &'o mut QuoteScan,
}

impl ParagraphScan<'_, '_> {
    fn run(&mut self, span: Span) {
        let body = &self.text.as_bytes()[span.start..span.end];
        // Only bytes that can start a quotation mark are visited: `"`, `'`, the lead byte
        // E2 of “ ” ‘ ’ „, and C2 of « » (rare, so found in a pass of its own).
        let common = memchr::memchr3_iter(b'"', b'\'', 0xE2, body);
        let guillemets = memchr::memchr_iter(0xC2, body);
        for offset in merge_sorted(common, guillemets) {
            let at = span.start + offset;
            let c = self.text[at..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
                continue;
            }
            let prev = self.text[span.start..at].chars().next_back();
            let next = self.text[at + len..span.end].chars().next();
            self.mark(c, at, len, prev, next);
        }
    }

    /// Interpret one quotation mark, given the characters around it in the paragraph.
    fn mark(&mut self, c: char, at: usize, len: usize, prev: Option<char>, next: Option<char>) {
        match c {
            // A left mark glued to the word before it and followed by a space is a closing
            // mark typed the wrong way round (`“Mostly False.“`) when a quotation is open.
            '“' if self.double_open()
                && prev.is_some_and(|p| !p.is_whitespace() && !opens_after(p))
                && next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n)) =>
            {
                self.close(QuoteStyle::Double, at, len);
            }
            '“' | '„' | '«' => self.open_double(at, len),
            // And a right mark after a space and before a word, with none open, opens one.
            '”' if !self.double_open()
                && prev.is_none_or(char::is_whitespace)
                && next.is_some_and(char::is_alphanumeric) =>
            {
                self.open_double(at, len)
            }
            '”' | '»' if !self.close(QuoteStyle::Double, at, len) => self.stray(at, len),
            '"' => {
                // A straight mark's direction comes from its shape: after a space and
                // before a word it opens; glued to the word before it, or before a comma or
                // a period (`'…,'".`), it closes.
                let opening_shape =
                    prev.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace() && !is_closing_punct(n));
                if opening_shape {
                    self.open_double(at, len);
                } else if self.stack.iter().any(|o| o.style == QuoteStyle::Double) {
                    self.close(QuoteStyle::Double, at, len);
                } else if prev.is_some_and(|p| p.is_ascii_digit() || p.is_whitespace()) {
                    // An inch mark (a 5" screen) or a lone mark between spaces.
                } else {
                    self.stray(at, len);
                }
            }
            // A left single mark before a digit is a year typed the wrong way round (‘08).
            '‘' if !(next.is_some_and(|n| n.is_ascii_digit())
                || prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)) =>
            {
                self.push(QuoteStyle::Single, at, len, false)
            }
            '’' | '\'' => {
                let between_letters =
                    prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                let before_digit = next.is_some_and(|n| n.is_ascii_digit());
                let single_open = self.stack.last().is_some_and(|o| o.style == QuoteStyle::Single);
                if between_letters || before_digit {
                    // An apostrophe: Putin’s, don't, ’90s.
                } else if single_open
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric)
                {
                    self.close(QuoteStyle::Single, at, len);
                } else if c == '\'' && prev.is_none_or(opens_after) && next.is_some_and(char::is_alphabetic) {
                    self.push(QuoteStyle::Single, at, len, false);
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, style: QuoteStyle, at: usize, mark_len: usize, continued: bool) {
        self.stack.push(Open {
            style,
            at,
            mark_len,
            continued,
        });
    }

    fn double_open(&self) -> bool {
        self.stack.iter().any(|o| o.style == QuoteStyle::Double)
    }

    fn stray(&mut self, at: usize, len: usize) {
        self.out.findings.push(Finding::new(
            Rule::QuoteUnbalanced,
            Span::new(at, at + len),
            STRAY_CLOSE,
        ));
    }

    /// Open a double quotation. When the innermost open quotation is a double one and the
    /// words before this mark end a sentence, the open quotation runs on into this one.
    fn open_double(&mut self, at: usize, len: usize) {
        let mut continued = false;
        if let Some(top) = self.stack.last().copied()
            && top.style == QuoteStyle::Double
        {
            let inner_start = top.at + top.mark_len;
            let before = self.text[inner_start..at].trim_end();
            let without_single = before.strip_suffix(['’', '\'']).map_or(before, str::trim_end);
            if without_single.ends_with(['.', '?', '!', '…']) {
                self.stack.pop();
                self.out.spans.push(QuotedSpan {
                    span: Span::new(top.at, inner_start + before.len()),
                    inner: Span::new(inner_start, inner_start + before.len()),
                    style: QuoteStyle::Double,
                    depth: saturating_depth(self.stack.len()),
                    paragraph: self.paragraph,
                    closed: false,
                    continues: true,
                    continued: top.continued,
                });
                continued = true;
            }
        }
        self.push(QuoteStyle::Double, at, len, continued);
    }

    /// Close the innermost open quotation of `style`; quotations opened inside it and never
    /// closed are dropped (they were apostrophes or stray marks). False when none was open.
    fn close(&mut self, style: QuoteStyle, at: usize, len: usize) -> bool {
        let Some(pos) = self.stack.iter().rposition(|o| o.style == style) else {
            return false;
        };
        let open = self.stack[pos];
        self.stack.truncate(pos);
        self.out.spans.push(QuotedSpan {
            span: Span::new(open.at, at + len),
            inner: Span::new(open.at + open.mark_len, at),
            style,
            depth: saturating_depth(pos),
            paragraph: self.paragraph,
            closed: true,
            continues: false,
            continued: open.continued,
        });
        true
    }
}

/// Two ascending sequences of offsets merged into one ascending sequence.
fn merge_sorted(a: impl Iterator<Item = usize>, b: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Nesting depth as stored; absurd nesting (thousands of marks) saturates instead of wrapping.
fn saturating_depth(depth: usize) -> u8 {
    u8::try_from(depth).unwrap_or(u8::MAX)
}

/// Punctuation that follows a closing quotation mark.
fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']')
}

/// Characters after which a straight quotation mark opens a quotation.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | ':'
        )
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::rules::Rule;
    use crate::text::DocKind;

    fn unbalanced(text: &str) -> Vec<String> {
        let a = analyze(text, DocKind::Text, &Config::default());
        a.findings
            .iter()
            .filter(|f| f.rule == Rule::QuoteUnbalanced)
            .map(|f| format!("{}@{}", f.span.slice(text), f.span.start))
            .collect()
    }

    fn quoted(text: &str) -> Vec<(String, bool)> {
        let a = analyze(text, DocKind::Text, &Config::default());
        a.quote_spans
            .iter()
            .map(|q| (q.inner.slice(text).to_string(), q.closed))
            .collect()
    }

    #[test]
    fn balanced_curly_and_straight_quotes() {
        assert!(unbalanced("“We will win,” she said. He replied: \"No you won't.\"").is_empty());
        assert_eq!(
            quoted("“We will win,” she said. He replied: \"No you won't.\""),
            vec![("We will win,".into(), true), ("No you won't.".into(), true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(unbalanced("Putin’s aide, in the ’90s, loved rock ’n’ roll and didn't say so.").is_empty());
        assert!(quoted("Putin’s aide, in the ’90s, loved rock ’n’ roll and didn't say so.").is_empty());
        assert!(unbalanced("The Joneses’ house is 5\" taller.").is_empty());
    }

    #[test]
    fn unclosed_quote_in_its_paragraph_is_flagged() {
        let text = "“We will keep working on it, the spokesman said.\n\nThe talks ended.";
        assert_eq!(unbalanced(text), vec!["“@0"]);
    }

    #[test]
    fn stray_closing_mark_is_flagged() {
        let text = "He said we will keep working on it.” The talks ended.";
        assert_eq!(unbalanced(text), vec![format!("”@{}", text.find('”').unwrap())]);
    }

    #[test]
    fn multi_paragraph_quotation_convention() {
        let text = "“The first part of what I said runs on,\n\n“and the second part continues it,\n\n“and only the last paragraph closes it,” he said.";
        assert!(unbalanced(text).is_empty());
        let a = analyze(text, DocKind::Text, &Config::default());
        let spans = &a.quote_spans;
        assert_eq!(spans.len(), 3);
        assert!(spans[0].continues && !spans[0].continued && !spans[0].closed);
        assert!(spans[1].continues && spans[1].continued);
        assert!(!spans[2].continues && spans[2].continued && spans[2].closed);
    }

    #[test]
    fn running_quote_reopened_inside_one_paragraph() {
        let text = "Shepherd said: \"It is not about money. It is about a player. \"No one is bigger than the club.\" Then he left.";
        assert!(unbalanced(text).is_empty(), "{:?}", unbalanced(text));
        let a = analyze(text, DocKind::Text, &Config::default());
        let s = &a.quote_spans;
        assert_eq!(s.len(), 2);
        assert!(s[0].continues && !s[0].closed && s[0].inner.slice(text).ends_with("a player."));
        assert!(s[1].continued && s[1].closed);
    }

    #[test]
    fn straight_double_after_a_nested_single_closes() {
        let text = "\"It feels like, 'Meh, we can put this off a little bit,'\". Then he left.";
        assert!(unbalanced(text).is_empty(), "{:?}", unbalanced(text));
        assert_eq!(
            quoted(text)[0].0,
            "It feels like, 'Meh, we can put this off a little bit,'"
        );
    }

    #[test]
    fn left_single_mark_before_a_year_is_an_apostrophe() {
        let text = "Since ‘08 he has said “we will win this one” often.";
        assert!(unbalanced(text).is_empty());
        assert_eq!(quoted(text), vec![("we will win this one".to_string(), true)]);
    }

    #[test]
    fn curly_marks_typed_the_wrong_way_round() {
        let text = "The rating was “Mostly False.“ Then a ”second quote ran on” here.";
        assert!(unbalanced(text).is_empty(), "{:?}", unbalanced(text));
        let q = quoted(text);
        assert_eq!(q[0], ("Mostly False.".to_string(), true));
        assert_eq!(q[1], ("second quote ran on".to_string(), true));
    }

    #[test]
    fn nested_curly_doubles_are_tolerated() {
        assert!(unbalanced("“He said “no” to me,” she said.").is_empty());
    }

    #[test]
    fn unclosed_before_a_paragraph_that_does_not_reopen() {
        let text = "“The first part runs on,\n\nand the next paragraph is narration.";
        assert_eq!(unbalanced(text), vec!["“@0"]);
    }

    #[test]
    fn nested_single_quotes_and_british_style() {
        let q = quoted("“He told me ‘never again’ and left,” she said.");
        assert_eq!(
            q,
            vec![
                ("He told me ‘never again’ and left,".into(), true),
                ("never again".into(), true)
            ]
        );
        let q = quoted("‘We are not going anywhere,’ the minister said.");
        assert_eq!(q, vec![("We are not going anywhere,".into(), true)]);
    }

    #[test]
    fn code_is_not_scanned_in_markdown() {
        let a = analyze(
            "Use `\"` in code, then say \"hello there friend\".",
            DocKind::Markdown,
            &Config::default(),
        );
        assert!(a.findings.iter().all(|f| f.rule != Rule::QuoteUnbalanced));
        assert_eq!(a.quote_spans.len(), 1);
    }
}
