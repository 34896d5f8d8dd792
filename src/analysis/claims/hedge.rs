//! `claim/hedge`: "reportedly", "it seems", "is believed to", "may" — a claim presented as
//! second-hand or uncertain, in a sentence that names no source for it.

use crate::rules::Rule;
use crate::text::Span;

use super::shape::Trail;
use super::{Candidate, Scan, message};

/// Words after which a hedging adverb modifies the next word only: "of apparently
/// conventional material", "a possibly complex sequence".
const ATTRIBUTIVE: &[&str] = &[
    "of", "a", "an", "the", "against", "with", "by", "from", "in", "its", "their", "his", "her",
];

const ADVICE: &str = "Name the source (‘…, Reuters reported’) or drop the hedge.";

pub(super) fn find(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = &scan.lex.hedges;
    let att = &scan.attribution;
    // Weasels and vague sources found so far: their verbs ("experts say") are not a source.
    let others = found.len();
    for m in lex.phrases.find_in(scan.text, scan.whole()) {
        let Some(si) = scan.checked_sentence(m.span.start) else {
            continue;
        };
        let sent = scan.sent(si);
        let entry = lex.entry(m.index);
        let Some(span) = scan.shaped(&sent, m.span, entry) else {
            continue;
        };
        let first = sent.index_from(m.span.start);
        let before = first.checked_sub(1);
        // "users may download the app": permission, not a guess.
        if entry.trail == Trail::Verb
            && before.is_some_and(|b| sent.word(b).is_some_and(|w| scan.lex.modal_subjects.contains(w)))
        {
            continue;
        }
        // "a costume of apparently conventional material": the adverb qualifies a word,
        // not the claim.
        let adverb = m.span.slice(scan.text).ends_with("ly") && !m.span.slice(scan.text).contains(' ');
        if adverb && before.is_some_and(|b| sent.is_word_in(b, ATTRIBUTIVE)) {
            continue;
        }
        // "Putin reportedly blamed …, the Kremlin said": the sentence names its source. The
        // hedge's own words ("is said to") do not count.
        let names_source = att.reporting_in(sent.span).iter().any(|cue| !cue.overlaps(span)) || att.cites(sent.span);
        // A sentence whose source is already flagged as a weasel or a vague source gets one
        // finding, not two: naming that source answers the hedge too.
        let flagged = found[..others].iter().any(|c| sent.span.encloses(c.span));
        // "amid speculation that the bank may raise rates": the guess is the speculation's,
        // reported, not the writer's own.
        let before = Span::new(sent.span.start, span.start);
        let hearsay = scan.lex.hearsay.find_in(scan.text, before).next().is_some();
        if names_source || flagged || hearsay {
            continue;
        }
        let question = entry.question.as_deref().unwrap_or("says who?");
        let advice = entry.advice.as_deref().unwrap_or(ADVICE);
        found.push(Candidate {
            rule: Rule::ClaimHedge,
            span,
            message: message(scan.text, span, question, advice),
        });
    }
}
