//! The `quote/unattributed` finding: what an editor would write in the margin, naming the
//! nearest candidate speaker, with a fix that adds the attribution.

use crate::analysis::quotes::antecedent::{Class, Mentions};
use crate::analysis::quotes::cues::inside;
use crate::analysis::quotes::gather::Quotation;
use crate::analysis::quotes::words::SpeakerWords;
use crate::finding::{Edit, Finding, Fix, Related};
use crate::rules::Rule;
use crate::text::Span;
use crate::text::segment::{Segments, TokenKind};

/// Someone the writer may have meant as the speaker.
struct Candidate {
    span: Span,
    /// For a pronoun, the name it most likely refers to.
    refers_to: Option<Span>,
    pronoun: bool,
    in_same_sentence: bool,
}

pub struct Reporter<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub words: &'a SpeakerWords,
    pub quoted: &'a [Span],
    pub mentions: &'a Mentions,
}

impl Reporter<'_> {
    /// The finding for a quotation no one is said to have said.
    pub fn unattributed(&self, q: &Quotation) -> Finding {
        let first_paragraph = self.seg.paragraph_at(q.first().start);
        let in_first: Vec<Span> = q
            .spans
            .iter()
            .copied()
            .filter(|s| self.seg.paragraph_at(s.start) == first_paragraph)
            .collect();
        let span = in_first.iter().fold(q.first(), |a, b| a.cover(*b));
        let candidate = self.candidate(q.first());
        let message = self.message(candidate.as_ref());
        let who = candidate
            .as_ref()
            .map_or_else(|| "[who?]".to_string(), |c| self.speaker_words(c));
        let mut finding = Finding::new(Rule::QuoteUnattributed, span, message);
        if let Some(c) = &candidate {
            finding = finding.with_related(Related {
                doc: None,
                span: c.span,
                message: format!("‘{}’ is mentioned here", c.span.slice(self.text)),
            });
        }
        if let Some(fix) = self.fix(*in_first.last().unwrap_or(&span), &who) {
            finding = finding.with_fix(fix);
        }
        finding
    }

    fn message(&self, c: Option<&Candidate>) -> String {
        const OPENING: &str = "No one is said to have said this.";
        let Some(c) = c else {
            return format!(
                "{OPENING} Name the speaker and add a speech verb (“…,” she said), or turn the quote into paraphrase."
            );
        };
        let named = c.span.slice(self.text);
        let refers = c
            .refers_to
            .map(|r| format!(" ({})", r.slice(self.text)))
            .unwrap_or_default();
        let place = if c.in_same_sentence {
            "This sentence"
        } else {
            "The previous sentence"
        };
        let who = self.speaker_words(c);
        format!("{OPENING} {place} mentions ‘{named}’{refers} but does not attribute the quote: add ‘{who} said’.")
    }

    /// How the candidate reads as the subject of an added `said`: `he`, `Putin`,
    /// `the spokesman`.
    fn speaker_words(&self, c: &Candidate) -> String {
        let words = c.span.slice(self.text);
        let lowercase_first = c.pronoun
            || words
                .split(' ')
                .next()
                .is_some_and(|w| self.words.determiners.contains(w));
        if lowercase_first && words != "I" {
            let mut chars = words.chars();
            chars
                .next()
                .map(|f| f.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        } else {
            words.to_string()
        }
    }

    /// The person the writer most likely meant: the last one mentioned before the
    /// quotation in its own sentence, else the first one (the subject) of the sentence before.
    fn candidate(&self, first: Span) -> Option<Candidate> {
        let s = self.seg.sentence_at(first.start)?;
        let sentence = &self.seg.sentences[s];
        let before = Span::new(sentence.span.start, first.start);
        if let Some(c) = self.people_in(before).pop() {
            return Some(Candidate {
                in_same_sentence: true,
                ..c
            });
        }
        let prev = s.checked_sub(1).map(|p| &self.seg.sentences[p])?;
        if prev.paragraph != sentence.paragraph {
            return None;
        }
        self.people_in(prev.span).into_iter().next()
    }

    /// People named or referred to by a pronoun in `span`, outside quotation marks, in order.
    fn people_in(&self, span: Span) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .mentions
            .within(span)
            .iter()
            .filter(|m| {
                // A lone capitalised word counts when it opens its sentence, as a subject does.
                let subject = m.class == Class::Unknown && self.opens_sentence(m.span.start);
                (m.class == Class::Person || subject) && !inside(self.quoted, m.span.start)
            })
            .map(|m| Candidate {
                span: m.span,
                refers_to: None,
                pronoun: false,
                in_same_sentence: false,
            })
            .collect();
        let from = self.seg.tokens.partition_point(|t| t.start() < span.start);
        let to = self.seg.tokens.partition_point(|t| t.start() < span.end);
        for t in &self.seg.tokens[from..to] {
            let w = t.text(self.text);
            if t.kind == TokenKind::Word && self.words.subject_pronouns.contains(w) && !inside(self.quoted, t.start()) {
                out.push(Candidate {
                    span: t.span(),
                    refers_to: self.mentions.resolve(w, t.start(), self.words).map(|m| m.span),
                    pronoun: true,
                    in_same_sentence: false,
                });
            }
        }
        out.sort_by_key(|c| c.span.start);
        out
    }

    fn opens_sentence(&self, offset: usize) -> bool {
        self.seg
            .sentence_at(offset)
            .is_some_and(|s| self.seg.sentences[s].span.start == offset)
    }

    /// Add `, who said.` at the end of a quotation that ends its sentence:
    /// `“… state.”` → `“… state,” he said.`
    fn fix(&self, last: Span, who: &str) -> Option<Fix> {
        let s = self.seg.sentence_at(last.end - 1)?;
        let sentence = &self.seg.sentences[s];
        let after = self.seg.tokens.partition_point(|t| t.start() < last.end);
        if self.seg.tokens[after..sentence.tokens.end]
            .iter()
            .any(|t| t.kind != TokenKind::Punct)
        {
            return None;
        }
        let body = last.slice(self.text);
        let close = body.chars().next_back()?;
        if !matches!(close, '”' | '"' | '’' | '\'' | '»') {
            return None;
        }
        let inner_end = last.end - close.len_utf8();
        let inner = &self.text[last.start..inner_end];
        // British style puts the period after the closing mark; it moves after the attribution.
        let trailing_period = self.text[last.end..].starts_with('.');
        let mut edits = Vec::new();
        match inner.chars().next_back()? {
            '.' => edits.push(Edit {
                span: Span::new(inner_end - 1, inner_end),
                replacement: ",".into(),
            }),
            '?' | '!' | ',' => {}
            _ if trailing_period => {}
            _ => return None,
        }
        edits.push(Edit {
            span: Span::new(last.end, last.end + usize::from(trailing_period)),
            replacement: format!(" {who} said."),
        });
        Some(Fix {
            title: format!("Add ‘{who} said’"),
            edits,
        })
    }
}
