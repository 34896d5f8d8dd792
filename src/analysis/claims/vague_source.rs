//! `claim/vague-source`: a source the reader cannot check — "according to the report",
//! "according to sources", "a report said", "reports suggest", "local media" — when no
//! named report, outlet or link is in the sentence or the one before. "According to
//! Reuters" and "according to Peskov" name their source and are not flagged.

use crate::rules::Rule;
use crate::text::Span;
use crate::text::segment::TokenKind;

use super::grammar::{ATTACHING, CLAUSE_WORDS, Sent, in_class};
use super::phrasebook::List;
use super::{Candidate, Scan, ShapedMatch, listed, message};

const ADVICE_ONE: &str = "Name it (‘according to a UN report published on Monday’) or link to it.";
const ADVICE_MANY: &str = "Name them (‘Reuters and the BBC reported’) or link to them.";

pub(super) fn find(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    // The fixed phrases first: where one overlaps a shape ("local media" in "local media
    // reported"), its message is the more precise and wins the tie.
    fixed_phrases(scan, found);
    according_to(scan, found);
    subjects(scan, found);
}

/// "according to" followed, within a few words, by an unnamed report or crowd.
fn according_to(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = scan.lex;
    for &at in scan.attribution.according() {
        let Some(si) = scan.checked_sentence(at.start) else {
            continue;
        };
        let sent = scan.sent(si);
        let first = sent.index_from(at.end);
        let Some(mut head) = (first..first + 4)
            .take_while(|&j| !sent.is_name(j) && sent.word(j).is_some())
            .find(|&j| is_vague_head(scan, &sent, j))
        else {
            continue;
        };
        // "according to media reports": the noun phrase ends at its last noun.
        while sent.word(head + 1).is_some_and(|w| lex.source_nouns.contains(w)) {
            head += 1;
        }
        // "according to media and PR strategist Glen Yearwood", "according to a report
        // earlier this week from the British Retail Consortium": a name follows.
        if name_follows(&sent, head) || is_named(scan, si, &sent, sent.index_from(at.end), head) {
            continue;
        }
        let span = Span::new(at.start, sent.tokens[head].end());
        found.push(candidate(scan, span, sent.text_of(head)));
    }
}

/// True when token `j` after "according to" is the head of a vague source: "the report",
/// "sources", "some estimates". A name before it ("according to Reuters") stops the search.
fn is_vague_head(scan: &Scan<'_>, sent: &Sent<'_>, j: usize) -> bool {
    let Some(w) = sent.word(j) else {
        return false;
    };
    if scan.lex.source_nouns.contains(w) {
        return true;
    }
    // "according to some estimates" reads on; "according to some," stops here.
    let pronoun = in_class(w, &["some", "many", "most", "others"]);
    scan.lex.crowds.contains(w) && (!pronoun || sent.word(j + 1).is_none())
}

/// "A report said", "reports suggest", "a study found": an unnamed document as the subject
/// of a verb of saying or showing.
fn subjects(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = scan.lex;
    for &m in scan.matches.all(List::SourceNouns) {
        let Some(si) = scan.checked_sentence(m.span.start) else {
            continue;
        };
        let sent = scan.sent(si);
        let noun_at = sent.index_from(m.span.start);
        let noun = m.span.slice(scan.text);
        let verb_at = sent.skip_auxiliaries(noun_at + 1);
        let Some(verb) = sent.word(verb_at) else {
            continue;
        };
        if !lex.opinion_verbs.contains(verb) && !lex.finding_verbs.contains(verb) {
            continue;
        }
        // "Reports suggest", not "reports says"; "Reuters reports that" is a verb.
        if noun.ends_with('s') && verb.ends_with('s') {
            continue;
        }
        let Some(start) = unnamed_start(&sent, noun_at) else {
            continue;
        };
        if is_named(scan, si, &sent, start, noun_at) {
            continue;
        }
        let span = Span::new(sent.tokens[start].start(), sent.tokens[verb_at].end());
        found.push(candidate(scan, span, noun));
    }
}

/// The phrases of vague_sources.txt ("local media", "it is reported that").
fn fixed_phrases(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let lex = &scan.lex.vague;
    for ShapedMatch {
        si, sent, span, entry, ..
    } in scan.shaped_matches(List::Vague, lex)
    {
        let last = sent.index_before(span.end).unwrap_or(0);
        if is_named(scan, si, &sent, sent.index_from(span.start), last) {
            continue;
        }
        found.push(listed(
            scan.text,
            Rule::ClaimVagueSource,
            span,
            entry,
            "which source?",
            ADVICE_ONE,
        ));
    }
}

fn candidate(scan: &Scan<'_>, span: Span, noun: &str) -> Candidate {
    let noun = noun.to_lowercase();
    let question = if matches!(noun.as_str(), "legend" | "tradition") {
        format!("whose {noun}?")
    } else {
        format!("which {noun}?")
    };
    let advice = if noun.ends_with('s') || noun == "media" {
        ADVICE_MANY
    } else {
        ADVICE_ONE
    };
    Candidate {
        rule: Rule::ClaimVagueSource,
        span,
        message: message(scan.text, span, &question, advice),
    }
}

/// Where an unnamed noun phrase ending at `noun_at` starts, or `None` when a name
/// modifies it ("a UN report", "Amnesty's report", "a September 2004 poll").
fn unnamed_start(sent: &Sent<'_>, noun_at: usize) -> Option<usize> {
    let mut start = noun_at;
    for _ in 0..3 {
        let Some(j) = start.checked_sub(1) else {
            break;
        };
        if sent.is_name(j) {
            return None;
        }
        let number = sent.tokens[j].kind == TokenKind::Number;
        match sent.word(j) {
            Some(w) if !in_class(w, CLAUSE_WORDS) && !in_class(w, ATTACHING) => start = j,
            _ if number => start = j,
            _ => break,
        }
    }
    Some(start)
}

/// True when the vague-looking source of tokens `from..=head` in sentence `si` is named
/// after all: by a word that says whose it is ("state media", "studio estimates"), by a
/// name after it ("a report by Amnesty", "analysts Douglas-Westwood"), by a named report or
/// outlet in the sentence or the ones either side (news often names the report in the
/// sentence after: "…, a report says. The study, by the European Commission, …"), or, for
/// "the report", by a named report anywhere earlier in the draft.
fn is_named(scan: &Scan<'_>, si: usize, sent: &Sent<'_>, from: usize, head: usize) -> bool {
    let owned = (from..head).any(|k| sent.word(k).is_some_and(|w| scan.lex.source_owners.contains(w)));
    // "according to its study": a possessive pronoun points back to the body that
    // published the report, named before. ("Their sources" are still anonymous people.)
    let document = scan.lex.source_nouns.contains(sent.text_of(head));
    let owned = owned || document && (from..head).any(|k| sent.is_word_in(k, &["its", "their", "his", "her"]));
    if owned || named_after(sent, head) {
        return true;
    }
    let count = scan.segments.sentences.len();
    if names_source(scan, si) || si > 0 && names_source(scan, si - 1) || si + 1 < count && names_source(scan, si + 1) {
        return true;
    }
    let definite = (from..head).any(|k| sent.is_word_in(k, DEFINITE));
    definite && named_earlier(scan, si, sent.text_of(head))
}

/// True when a sentence before the one before `si` names a document of the kind `noun`
/// ("the report" goes back to a named report, not to a named statement).
fn named_earlier(scan: &Scan<'_>, si: usize, noun: &str) -> bool {
    let stem = |w: &str| w.trim_end_matches(['s', 'S']).to_ascii_lowercase();
    let noun = stem(noun);
    named_documents(scan)
        .iter()
        .any(|&(k, span)| k + 1 < si && stem(span.slice(scan.text)) == noun)
}

/// Every document the draft names, with its sentence, found once per draft.
fn named_documents<'s>(scan: &'s Scan<'_>) -> &'s [(usize, Span)] {
    scan.named_documents.get_or_init(|| {
        scan.matches
            .all(List::Documents)
            .iter()
            .filter_map(|m| {
                let si = scan.sentence_of(m.span.start)?;
                let sent = scan.sent(si);
                let i = sent.index_from(m.span.start);
                let named = unnamed_start(&sent, i).is_none() || named_after(&sent, i) || authored(&sent);
                named.then_some((si, m.span))
            })
            .collect()
    })
}

/// True when a name follows token `head` in the same clause, within a few words: right
/// after it, or after "by", "from", "in" ….
fn name_follows(sent: &Sent<'_>, head: usize) -> bool {
    (head + 1..head + 8)
        .take_while(|&k| sent.word(k).is_some())
        .any(|k| sent.is_name(k))
}

/// Words that point back to a report already introduced: "the report", "its study".
const DEFINITE: &[&str] = &["the", "this", "that", "its", "his", "her", "their"];

/// "a report by Amnesty", "reports in The Times", "analysts Douglas-Westwood": a name
/// right after the noun, or a preposition and a name.
fn named_after(sent: &Sent<'_>, noun_at: usize) -> bool {
    sent.is_name(noun_at + 1)
        || sent.is_word_in(noun_at + 1, ATTACHING) && (noun_at + 2..noun_at + 5).any(|k| sent.is_name(k))
}

/// True when sentence `si` names a report or outlet: a link or citation, a document with
/// a name beside it ("a UN report", "a report by Amnesty"), or a name that reported,
/// published or found something ("The Times reported").
fn names_source(scan: &Scan<'_>, si: usize) -> bool {
    let sent = scan.sent(si);
    if scan.attribution.cites(sent.span) {
        return true;
    }
    let documents = scan.matches.within(List::Documents, sent.span);
    if documents.is_empty() {
        return publisher_named(scan, &sent);
    }
    let named_document = authored(&sent)
        || documents.iter().any(|m| {
            let i = sent.index_from(m.span.start);
            unnamed_start(&sent, i).is_none() || named_after(&sent, i)
        });
    named_document || publisher_named(scan, &sent)
}

/// "a study, undertaken by the European Commission, …": "by" or "from" and a name.
fn authored(sent: &Sent<'_>) -> bool {
    (0..sent.tokens.len()).any(|k| {
        sent.is_word_in(k, &["by", "from"])
            && (sent.is_name(k + 1) || sent.is_word_in(k + 1, &["the"]) && sent.is_name(k + 2))
    })
}

/// "Reuters reported", "The Times has revealed": a name right before a publishing verb.
fn publisher_named(scan: &Scan<'_>, sent: &Sent<'_>) -> bool {
    scan.matches.within(List::Publishing, sent.span).iter().any(|cue| {
        let i = sent.index_from(cue.span.start);
        // "Reuters reported", "The Times has revealed".
        let mut j = i;
        while j > 0 && sent.is_word_in(j - 1, &["has", "have", "had", "also", "first"]) {
            j -= 1;
        }
        j > 0 && sent.is_name(j - 1)
    })
}
