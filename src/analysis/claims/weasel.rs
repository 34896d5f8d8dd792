//! `claim/weasel`: unnamed authorities and crowds ("experts say", "some believe", "it is
//! widely believed", "studies show", "officials said" with no name) and accusations with
//! no accuser ("is accused of" with no "by …").

use crate::rules::Rule;
use crate::text::Span;

use super::grammar::{DETERMINERS, Sent, in_class};
use super::phrasebook::List;
use super::shape::Lead;
use super::{Candidate, Scan, ShapedMatch, listed, message};

const ADVICE: &str = "Name them, or drop the claim.";

pub(super) fn find(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    fixed_phrases(scan, found);
    crowds(scan, found);
}

/// The phrases of weasels.txt, each in its shape.
fn fixed_phrases(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = &scan.lex.weasels;
    let att = &scan.attribution;
    for ShapedMatch {
        si,
        sent,
        matched,
        span,
        entry,
    } in scan.shaped_matches(List::Weasels, lex)
    {
        // A passive with its agent ("is accused by prosecutors of …", "was criticised by
        // the UN") names who believes or accuses.
        if entry.lead == Lead::Be && has_agent(scan, &sent, span.end) {
            continue;
        }
        // "could be considered", "is going to be criticised": a possibility or a forecast,
        // not a judgement someone holds.
        // "to be considered one of the three faiths": a purpose, not a judgement either.
        let at = sent.index_from(span.start);
        let be = if sent.is_word_in(at, &["be"]) {
            Some(at)
        } else {
            at.checked_sub(1).filter(|&b| sent.is_word_in(b, &["be"]))
        };
        if be.is_some_and(|b| {
            b > 0
                && sent.is_word_in(
                    b - 1,
                    &["can", "could", "may", "might", "will", "would", "should", "must", "to"],
                )
        }) {
            continue;
        }
        // "It is not widely known that the quake began in Reseda": the writer states the
        // fact and says few know it; no crowd is called on to vouch for it.
        if is_negated_fact(scan, &sent, span, matched) {
            continue;
        }
        // "Mr Ebbers is accused of fraud" in a report of his trial: the prosecution accuses.
        if entry.accusation && scan.matches.any_within(List::Legal, scan.paragraph_of(si)) {
            continue;
        }
        // "was considered for the job", "was considered but rejected", "are considered
        // ‘restricted’": weighed up or named, not judged.
        let next = sent.index_from(matched.end);
        if sent.is_word_in(next, &["for"]) {
            continue;
        }
        let bare = !matched.slice(scan.text).contains(' ');
        if bare && (sent.word(next).is_none() || sent.is_word_in(next, NOT_A_JUDGEMENT)) {
            continue;
        }
        // "He is accused of fraud, prosecutors said": the sentence names the source.
        let sourced = att.reporting_in(sent.span).iter().any(|cue| !cue.overlaps(span)) || att.cites(sent.span);
        if sourced {
            continue;
        }
        found.push(listed(
            scan.text,
            Rule::ClaimWeasel,
            span,
            entry,
            "who says so?",
            ADVICE,
        ));
    }
}

/// True when the phrase at `matched` is a negated "known" ("is not widely known", "isn't
/// well known"): "know" is factive, so the sentence asserts what follows it on the
/// writer's own account rather than on a crowd's.
fn is_negated_fact(scan: &Scan<'_>, sent: &Sent<'_>, span: Span, matched: Span) -> bool {
    let phrase = matched.slice(scan.text).to_ascii_lowercase();
    if !phrase.ends_with(" known") {
        return false;
    }
    let (from, to) = (sent.index_from(span.start), sent.index_from(matched.start));
    (from..to).any(|k| {
        sent.word(k)
            .is_some_and(|w| in_class(w, &["not", "never"]) || w.ends_with("n't") || w.ends_with("n’t"))
    })
}

/// True when "by" and an agent follow `from` in the sentence: "by prosecutors", "by the
/// UN" — not "by using drones" (a means) nor "by many" (a crowd again).
fn has_agent(scan: &Scan<'_>, sent: &Sent<'_>, from: usize) -> bool {
    let start = sent.index_from(from);
    (start..sent.tokens.len()).any(|i| {
        if !sent.word(i).is_some_and(|w| w.eq_ignore_ascii_case("by")) {
            return false;
        }
        let mut j = i + 1;
        while sent.is_word_in(j, DETERMINERS) && !sent.is_word_in(j, QUANTIFIERS) {
            j += 1;
        }
        sent.word(j)
            .is_some_and(|w| !w.ends_with("ing") && !in_class(w, QUANTIFIERS) && !scan.lex.crowds.contains(w))
    })
}

/// Words after a bare participle ("considered", "criticised") that show it reports a
/// deliberation or a place, not a judgement: "considered but rejected", "considered
/// separately", "criticised in the literature".
const NOT_A_JUDGEMENT: &[&str] = &[
    "but",
    "and",
    "or",
    "in",
    "at",
    "on",
    "during",
    "when",
    "before",
    "after",
    "until",
    "separately",
    "further",
    "carefully",
    "briefly",
];

/// Crowds that stand for no one in particular.
const QUANTIFIERS: &[&str] = &["some", "many", "most", "others", "few", "several"];

/// Words before a crowd that refer back to people already named: "the experts", "those
/// critics".
const ANAPHORIC: &[&str] = &[
    "the", "these", "those", "his", "her", "their", "its", "our", "such", "both",
];

/// "Experts say", "some people believe", "critics have long argued", ", officials said":
/// a crowd noun, its verb right after (auxiliaries allowed), and nothing that names it
/// ("Treasury officials", "the experts" already introduced).
fn crowds(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = scan.lex;
    for &m in scan.matches.all(List::Crowds) {
        let Some(si) = scan.checked_sentence(m.span.start) else {
            continue;
        };
        let sent = scan.sent(si);
        let noun_at = sent.index_from(m.span.start);
        let noun = m.span.slice(scan.text);
        // "regarded by some as", "believed by many to": a judgement whose holders are a crowd.
        if noun_at >= 2
            && sent.is_word_in(noun_at - 1, &["by"])
            && sent
                .word(noun_at - 2)
                .is_some_and(|w| lex.opinion_participles.contains(w))
        {
            let span = Span::new(sent.tokens[noun_at - 2].start(), m.span.end);
            found.push(Candidate {
                rule: Rule::ClaimWeasel,
                span,
                message: message(scan.text, span, &format!("which {}?", noun.to_lowercase()), ADVICE),
            });
            continue;
        }
        let verb_at = sent.skip_auxiliaries(noun_at + 1);
        let Some(verb) = sent.word(verb_at) else {
            continue;
        };
        // "people would say …", "some can argue" imagine; "some would argue" is listed as
        // a phrase.
        if (noun_at + 1..verb_at).any(|k| sent.is_word_in(k, &["would", "could", "might", "may", "can"])) {
            continue;
        }
        if !lex.opinion_verbs.contains(verb) {
            continue;
        }
        // A plural subject takes "say", not "says": "some claims are false" is a noun.
        let plural = noun.ends_with('s') || in_class(noun, &["people", "some", "many", "most"]);
        if plural && verb.ends_with('s') && !verb.ends_with("ss") {
            continue;
        }
        let quantifier = in_class(noun, QUANTIFIERS);
        // "most often found", "most feared": "most" speaks only with its verb right after.
        if noun.eq_ignore_ascii_case("most") && verb_at != noun_at + 1 {
            continue;
        }
        let Some(start) = crowd_start(scan, &sent, noun_at, quantifier) else {
            continue;
        };
        let paragraph = scan.segments.sentences[si].paragraph;
        let span = Span::new(sent.tokens[start].start(), sent.tokens[verb_at].end());
        if named_voice(scan, paragraph, span) {
            continue;
        }
        let question = if quantifier {
            "who, exactly?".to_string()
        } else {
            format!("which {}?", noun.to_lowercase())
        };
        let advice = if in_class(noun, &["officials", "sources", "source", "insiders"]) {
            "Name them, or at least say where they work (‘Treasury officials said’)."
        } else {
            "Name them (‘Jane Doe, an economist at the Institute for Fiscal Studies, said’) or drop the claim."
        };
        found.push(Candidate {
            rule: Rule::ClaimWeasel,
            span,
            message: message(scan.text, span, &question, advice),
        });
    }
}

/// Where the unnamed crowd's noun phrase starts, or `None` when something names it or
/// refers back to it. Goes left over determiners and a few modifiers ("some senior
/// officials", "market analysts"); anything else ends the phrase.
fn crowd_start(scan: &Scan<'_>, sent: &Sent<'_>, noun_at: usize, quantifier: bool) -> Option<usize> {
    let mut start = noun_at;
    for _ in 0..2 {
        let Some(j) = start.checked_sub(1) else {
            break;
        };
        if sent.is_name(j) {
            return None;
        }
        let Some(w) = sent.word(j) else {
            break;
        };
        if in_class(w, ANAPHORIC) {
            // "the most feared", "the experts": not an unnamed crowd.
            return None;
        }
        // A quantifier is a noun phrase by itself: "some say".
        if quantifier || !(in_class(w, DETERMINERS) || scan.lex.crowd_modifiers.contains(w)) {
            break;
        }
        start = j;
    }
    Some(start)
}

/// True when paragraph `p` or the next one gives a named person a voice ("said Tim
/// Congdon, economist at ING Barings"; "Mr Varley said"): the unnamed crowd then stands
/// beside a named example, as reporting convention allows.
fn named_voice(scan: &Scan<'_>, p: usize, crowd: Span) -> bool {
    let paragraphs = &scan.segments.paragraphs;
    (p..(p + 2).min(paragraphs.len())).any(|pi| {
        scan.attribution.reporting_in(paragraphs[pi].span).iter().any(|cue| {
            if crowd.overlaps(*cue) {
                return false;
            }
            let Some(si) = scan.sentence_of(cue.start) else {
                return false;
            };
            let sent = scan.sent(si);
            let at = sent.index_from(cue.start);
            let after = sent.index_from(cue.end);
            // "Mr Varley said", "Smith, an economist, said" is too far; "said Smith".
            // A capitalised crowd ("Analysts said") is no name.
            let named = |i: usize| sent.is_name(i) && !scan.lex.crowds.contains(sent.text_of(i));
            let before = (at.saturating_sub(2)..at).any(|i| named(i) && !is_pronoun(sent.text_of(i)));
            before || (after..after + 2).any(named)
        })
    })
}

fn is_pronoun(w: &str) -> bool {
    in_class(w, &["he", "she", "it", "they", "we", "i", "you"])
}
