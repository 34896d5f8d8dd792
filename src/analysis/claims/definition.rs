//! Sentences that define a term rather than report a claim. "They are said to be in
//! ‘contrary motion’" and "the term may refer to a hobby" look like hearsay and
//! speculation, but they give the meaning of words: there is no one to name as the source,
//! and an editor would not ask for one. Hearsay about a particular thing ("he is said to
//! have numerous relatives") stays hearsay.
//!
//! The signs, all grammar rather than vocabulary:
//! - a quoted or emphasised term right after the verb: the word is mentioned, not used
//!   ("are said to be ‘stressed’", "may be described as ‘Lake Como’");
//! - a verb of sense after a modal: "may refer to", "may be defined", "may denote";
//! - for "is said to be", a definition's frame: a condition first ("When a team has …,
//!   the other team is said to be on a power play") or an indefinite subject in the
//!   present tense ("A number is said to be prime …", "a particular apple is said to be a
//!   copy of …").

use crate::text::segment::TokenKind;

use super::grammar::Sent;

/// Verbs that give the sense or the form of a word: after "may", a meaning, not a guess.
/// ("May mean" is left out: "this may mean higher prices" is a guess about effects.)
const SENSE_VERBS: &[&str] = &[
    "define",
    "defined",
    "denote",
    "denoted",
    "abbreviated",
    "spelled",
    "spelt",
    "pronounced",
];

/// Participles that give a name: followed by a quoted term, they mention it.
const NAMING: &[&str] = &[
    "described",
    "known",
    "called",
    "termed",
    "named",
    "labelled",
    "labeled",
    "dubbed",
    "styled",
];

/// Words that may stand between a verb and the term it names.
const LINKING: &[&str] = &[
    "be", "as", "by", "to", "in", "on", "at", "of", "the", "a", "an", "term", "name", "general", "simply",
];

/// Words that open a condition: "If the voices move …, they are said to be …".
const CONDITIONS: &[&str] = &["if", "when", "whenever", "once", "where"];

/// Determiners of a subject that stands for any member of a class.
const INDEFINITE: &[&str] = &["a", "an", "any", "every", "each"];

/// True when the modal at token `modal` gives the sense or the name of a term: "may
/// (also) refer to", "may be defined", "may all be referred to by the term ‘…’", "may be
/// variously described as ‘…’".
pub fn modal_names_a_term(sent: &Sent<'_>, modal: usize) -> bool {
    let mut i = modal + 1;
    while sent.is_adverb(i) || sent.is_word_in(i, &["all", "be", "both", "variously"]) {
        i += 1;
    }
    if sent.is_word_in(i, SENSE_VERBS) {
        return true;
    }
    // "the term may refer to a hobby", not "the regulator may refer the deal to …".
    if sent.is_word_in(i, &["refer", "referred"]) && sent.is_word_in(i + 1, &["to"]) {
        return true;
    }
    sent.is_word_in(i, NAMING) && quoted_term_follows(sent, i + 1)
}

/// True when "said to" (its "to" at token `to`, its form of "to be" at token `be`) frames
/// a definition rather than hearsay.
pub fn said_to_defines(sent: &Sent<'_>, be: usize, to: usize) -> bool {
    let next = to + 1;
    // "is said to have had": a perfect infinitive tells of a past event, hearsay.
    if sent.is_word_in(next, &["have"]) {
        return false;
    }
    if quoted_term_follows(sent, next) {
        return true;
    }
    // A definition is in the present tense, and names a state: "is said to be".
    if !sent.is_word_in(be, &["is", "are"]) || !sent.is_word_in(next, &["be"]) {
        return false;
    }
    let comma_before = (0..be).rev().find(|&k| sent.is_punct(k, ','));
    // "When a team has …, the opposing team is said to be on a power play."
    if sent.is_word_in(0, CONDITIONS) && comma_before.is_some() {
        return true;
    }
    // "A number is said to be prime …"; "For example, a particular apple is said to be …".
    let clause = comma_before.map_or(0, |c| c + 1);
    sent.is_word_in(clause, INDEFINITE)
}

/// True when a quoted or emphasised term comes at token `i`, after at most a few linking
/// words: "to be ‘stressed’", "as ‘Lake Como’", "by the term ‘adparticle’", "to be in
/// ‘contrary motion’".
pub fn quoted_term_follows(sent: &Sent<'_>, i: usize) -> bool {
    let mut j = i;
    for _ in 0..4 {
        if sent.is_word_in(j, LINKING) {
            j += 1;
        } else {
            break;
        }
    }
    sent.tokens
        .get(j)
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(sent.text_of(j), "'" | "‘" | "\"" | "“" | "*" | "_"))
}
