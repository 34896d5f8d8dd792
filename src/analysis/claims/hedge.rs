//! `claim/hedge`: "reportedly", "it seems", "is believed to", "may" — a claim presented as
//! second-hand or uncertain, in a sentence that names no source for it.

use crate::rules::Rule;
use crate::text::Span;

use super::definition;
use super::grammar::{Sent, in_class, is_be};
use super::phrasebook::List;
use super::shape::{Lead, Trail};
use super::{Candidate, Scan, ShapedMatch, listed};

/// The writer speaking for themselves: "I" and "we" as subjects, as written ("we", never
/// "WE"), or as the one an impression is given to ("it seems to me"). A possessive or an
/// object elsewhere ("polluting our environment") does not make a sentence an opinion.
const FIRST_PERSON: &[&str] = &["I", "we", "We"];

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
    for ShapedMatch {
        si,
        sent,
        matched,
        span,
        entry,
    } in scan.shaped_matches(List::Hedges, lex)
    {
        let first = sent.index_from(matched.start);
        let before = first.checked_sub(1);
        // "users may download the app": permission, not a guess.
        if entry.trail == Trail::Verb && gives_permission(scan, &sent, first) {
            continue;
        }
        // "a costume of apparently conventional material": the adverb qualifies a word,
        // not the claim.
        let adverb = entry.lead == Lead::Free && entry.trail == Trail::Free && !matched.slice(scan.text).contains(' ');
        if adverb && before.is_some_and(|b| sent.is_word_in(b, ATTRIBUTIVE)) {
            continue;
        }
        // "the syllables are said to be ‘stressed’", "the term may refer to a hobby": the
        // meaning of a word, not a claim that needs a source.
        let phrase = matched.slice(scan.text);
        let next = sent.index_from(span.end);
        if phrase.ends_with(" to") && definition::quoted_term_follows(&sent, next) {
            continue;
        }
        if phrase.eq_ignore_ascii_case("said to")
            && definition::said_to_defines(&sent, sent.index_from(span.start), next.saturating_sub(1))
        {
            continue;
        }
        if entry.trail == Trail::Verb && definition::modal_names_a_term(&sent, first) {
            continue;
        }
        // "is likely to", "more likely", "a likely winner": an adjective that forecasts or
        // describes; only the adverb ("the fire likely started") guesses at a fact.
        if phrase.eq_ignore_ascii_case("likely") && likely_is_adjective(&sent, first) {
            continue;
        }
        // "In the footage he appears to fall": the impression is the footage's, whoever
        // watches it.
        if is_impression(phrase) && shown_in_a_sight(scan, &sent) {
            continue;
        }
        // "Perhaps we should create a new term": a hedged opinion of the writer's own, in
        // the first person, claims nothing that needs a source.
        if (0..sent.tokens.len())
            .any(|k| is_first_person(&sent, k) && !scan.attribution.in_quote(sent.tokens[k].start()))
        {
            continue;
        }
        // "Putin reportedly blamed …, the Kremlin said": the sentence names its source. The
        // hedge's own words ("is said to") do not count.
        // A guess ("may", "probably") carries on the view of a source named anywhere in its
        // paragraph; hearsay needs its source in its own sentence.
        let scope = if entry.guess { scan.paragraph_of(si) } else { sent.span };
        // "the technicians who allegedly said it": the verb the adverb qualifies is the
        // hedged claim, not its source.
        let qualified = |cue: &Span| adverb && sent.index_from(cue.start) == first + 1;
        // "It is said that he told the court …": what follows "that" is the hearsay itself,
        // so a speech verb there is part of it, not its source.
        let reported = |cue: &Span| {
            !entry.guess
                && phrase.to_ascii_lowercase().ends_with(" that")
                && cue.start >= span.end
                && !ends_with_attribution(scan.text, &sent, *cue)
        };
        let names_source = att
            .reporting_in(scope)
            .iter()
            .any(|cue| !cue.overlaps(span) && !qualified(cue) && !reported(cue))
            || att.cites(scope);
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
        found.push(listed(scan.text, Rule::ClaimHedge, span, entry, "says who?", ADVICE));
    }
}

/// True when "likely" at token `k` is an adjective: after a form of "to be", a verb of
/// seeming or a degree word ("is likely", "seems likely", "more likely"), or before "to",
/// "that" or "than", or closing its clause ("which is likely.").
fn likely_is_adjective(sent: &Sent<'_>, k: usize) -> bool {
    let before = k.checked_sub(1).and_then(|b| sent.word(b));
    let linked = before.is_some_and(|w| {
        is_be(w)
            || in_class(
                w,
                &[
                    "more",
                    "less",
                    "most",
                    "least",
                    "very",
                    "quite",
                    "highly",
                    "increasingly",
                    "seems",
                    "seem",
                    "seemed",
                    "looks",
                    "look",
                    "looked",
                    "appears",
                    "appear",
                    "appeared",
                    "become",
                    "becomes",
                    "became",
                    "not",
                ],
            )
    });
    linked || sent.word(k + 1).is_none_or(|w| in_class(w, &["to", "that", "than"]))
}

/// True when the sentence says what gives its impression: a sight after "in", "on" or
/// "from" ("in the footage", "on camera"), or one of or showing what it shows
/// ("photographs of him apparently …", "footage showing her apparently …"). Not a sight
/// that is only part of the story ("in front of the camera", "a picture about Hollywood").
fn shown_in_a_sight(scan: &Scan<'_>, sent: &Sent<'_>) -> bool {
    (0..sent.tokens.len()).any(|k| {
        if !sent.word(k).is_some_and(|w| scan.lex.sights.contains(w)) {
            return false;
        }
        let mut p = k;
        if p > 0
            && sent.is_word_in(
                p - 1,
                &[
                    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                ],
            )
        {
            p -= 1;
        }
        let placed = p > 0 && sent.is_word_in(p - 1, &["in", "on", "from"]);
        placed || sent.is_word_in(k + 1, &["of", "showing", "shows", "showed"])
    })
}

/// "it seems", "appears to", "apparently": an impression, which someone must have.
fn is_impression(phrase: &str) -> bool {
    let p = phrase.to_ascii_lowercase();
    p.contains("seem") || p.contains("appear") || p.contains("apparent")
}

/// True when the reporting cue at `cue` is an attribution set off at the end of its
/// sentence or in commas: "…, police said." or "…, according to the BBC" — not a verb of
/// the reported clause ("that he told the court …", "…, but he has denied it").
fn ends_with_attribution(text: &str, sent: &Sent<'_>, cue: Span) -> bool {
    if cue
        .slice(text)
        .get(..9)
        .is_some_and(|p| p.eq_ignore_ascii_case("according"))
    {
        return true;
    }
    let at = sent.index_from(cue.start);
    let after = sent.index_from(cue.end);
    let is_break = |k: usize| [',', ';', '—', '–', '(', ')'].iter().any(|&c| sent.is_punct(k, c));
    // Back to the comma that sets the attribution off, over a short subject ("police",
    // "a spokesman for the firm") with no conjunction in it.
    let Some(comma) = (at.saturating_sub(6)..at).rev().find(|&k| is_break(k)) else {
        return false;
    };
    if (comma + 1..at).any(|k| sent.is_word_in(k, CONJUNCTIONS)) {
        return false;
    }
    // After it, the sentence ends, or the commas close, within a few words.
    let rest = (after..sent.tokens.len())
        .take_while(|&k| !is_break(k) && sent.word(k).is_some())
        .count();
    let closes = is_break(after + rest) || (after + rest..sent.tokens.len()).all(|k| sent.word(k).is_none());
    rest <= 5 && closes
}

/// Words that open a clause of their own, so a verb after them is not an attribution.
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "although", "though", "while", "whereas", "because", "since", "as", "when", "if", "which",
    "who", "that", "so", "yet",
];

/// True when the modal at token `modal` gives permission or states a rule: its subject is
/// people who may do things ("Visitors may bring …"), and a verb of doing follows. "May
/// be" and "may have" guess at a state or a past event whoever the subject is ("visitors
/// may have caught the virus"). A prohibition ("may not") is a rule even when its subject
/// is spelt out further: "Members of the jury may not discuss …", "Persons who marry may
/// not …".
fn gives_permission(scan: &Scan<'_>, sent: &Sent<'_>, modal: usize) -> bool {
    let mut next = modal + 1;
    while sent.is_word_in(next, &["not", "also", "only", "still"]) {
        next += 1;
    }
    if sent.is_word_in(next, &["be", "have", "well"]) {
        return false;
    }
    let people = |i: usize| sent.word(i).is_some_and(|w| scan.lex.modal_subjects.contains(w));
    let prohibition = sent.is_word_in(modal + 1, &["not"]);
    modal.checked_sub(1).is_some_and(people) || prohibition && subject_head(sent, modal).is_some_and(people)
}

/// The head noun of the subject of the verb at `modal` when the subject is a noun with a
/// phrase or clause after it: "Members of an alliance may", "Persons who marry may". The
/// head is the first word of the clause, after a determiner.
fn subject_head(sent: &Sent<'_>, modal: usize) -> Option<usize> {
    let clause_start = (0..modal)
        .rev()
        .find(|&k| [',', ';', ':', '('].iter().any(|&c| sent.is_punct(k, c)))
        .map_or(0, |k| k + 1);
    let mut head = clause_start;
    while head < modal
        && (sent.word(head).is_none() || sent.is_word_in(head, &["the", "all", "any", "some", "most", "many"]))
    {
        head += 1;
    }
    let postmodified = sent.is_word_in(
        head + 1,
        &[
            "of", "in", "from", "with", "at", "on", "under", "over", "aged", "who", "that", "whose",
        ],
    );
    (head + 1 < modal && postmodified).then_some(head)
}

/// True when token `k` is the writer in the first person: "I" or "we" — but not the "I" of
/// a name ("Duke Jan I", "World War I") — or "me"/"us" after "to" or "let" ("it seems to
/// me", "let us suppose").
fn is_first_person(sent: &Sent<'_>, k: usize) -> bool {
    let w = sent.text_of(k);
    if FIRST_PERSON.contains(&w) {
        return !(w == "I" && k > 0 && sent.is_name(k - 1));
    }
    matches!(w, "me" | "us") && k > 0 && sent.is_word_in(k - 1, &["to", "let"])
}
