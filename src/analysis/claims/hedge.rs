//! `claim/hedge`: "reportedly", "it seems", "is believed to", "may" — a claim presented as
//! second-hand or uncertain, in a sentence that names no source for it.

use crate::rules::Rule;
use crate::text::Span;

use super::phrasebook::List;
use super::shape::{Lead, Trail};
use super::{Candidate, Scan, message};

/// Pronouns of the writer speaking for themselves, as written: "us", never "US".
const FIRST_PERSON: &[&str] = &["I", "we", "We", "me", "us", "my", "My", "our", "Our"];

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
    for &m in scan.matches.all(List::Hedges) {
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
        let adverb = entry.lead == Lead::Free && entry.trail == Trail::Free && !m.span.slice(scan.text).contains(' ');
        if adverb && before.is_some_and(|b| sent.is_word_in(b, ATTRIBUTIVE)) {
            continue;
        }
        // "the syllables are said to be ‘stressed’": naming a term, not reporting a claim.
        let next = sent.index_from(span.end);
        if m.span.slice(scan.text).ends_with(" to")
            && sent.is_word_in(next, &["be"])
            && sent
                .tokens
                .get(next + 1)
                .is_some_and(|t| matches!(t.text(scan.text), "‘" | "'" | "“" | "\""))
        {
            continue;
        }
        // "Perhaps we should create a new term": a hedged opinion of the writer's own, in
        // the first person, claims nothing that needs a source.
        if (0..sent.tokens.len())
            .any(|k| FIRST_PERSON.contains(&sent.text_of(k)) && !scan.attribution.in_quote(sent.tokens[k].span.start))
        {
            continue;
        }
        // "Putin reportedly blamed …, the Kremlin said": the sentence names its source. The
        // hedge's own words ("is said to") do not count.
        // A guess ("may", "probably") carries on the view of a source named anywhere in its
        // paragraph; hearsay needs its source in its own sentence.
        let scope = if entry.guess { scan.paragraph_of(si) } else { sent.span };
        let names_source = att.reporting_in(scope).iter().any(|cue| !cue.overlaps(span)) || att.cites(scope);
        // A sentence whose source is already flagged as a weasel or a vague source gets one
        // finding, not two: naming that source answers the hedge too.
        let flagged = found[..others].iter().any(|c| sent.span.encloses(c.span));
        // "amid speculation that the bank may raise rates": the guess is the speculation's,
        // reported, not the writer's own.
        let before = Span::new(sent.span.start, span.start);
        let hearsay = scan.matches.any_within(List::Hearsay, before);
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
