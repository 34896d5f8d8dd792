//! Titles and roles set off by commas around a name.
//!
//! Titles written straight before a name ("Kremlin spokesman Dmitry Peskov") are found
//! while scanning runs. This step finds the ones punctuation separates from the name:
//! - before it: "Putin's spokesman, Dmitry Peskov", "The spokesperson for Vladimir Putin,
//!   Dmitry Peskov confirmed …";
//! - after it: "Peskov, a spokesman for the Kremlin, said", "Peskov who is the spokesperson
//!   for the Kremlin said".
//!
//! A clause counts as a role only when it opens like a noun phrase (an article, a possessive,
//! a capitalised qualifier, a role word) and holds a role word near its start, so "In a
//! statement, Peskov said" or "Peskov, 45, said" give no role.

use super::{Entities, EntityLexicon, Role, RolePlacement};
use crate::analysis::Context;
use crate::analysis::lexicon::PhraseMatch;
use crate::text::Span;
use crate::text::segment::{Token, TokenKind};

/// The longest clause (in tokens) read as a role.
const MAX_CLAUSE: usize = 10;
/// How far into the clause the role word may start.
const ROLE_WITHIN: usize = 5;

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '(' | ')' | '“' | '”' | '"' | '!' | '?' | '—' | '–'
    )
}

fn is_article(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "A" | "An" | "The")
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Add the comma-separated roles of every mention.
pub(super) fn attach(ctx: &Context<'_>, lex: &EntityLexicon, ents: &mut Entities, roles: &[PhraseMatch]) {
    let text = ctx.text;
    let toks = &ctx.segments.tokens;
    let speech = &ctx.lexicon.quotes.speech_verbs;
    let mut has_before = vec![false; ents.mentions.len()];
    for r in &ents.roles {
        has_before[r.mention] = true;
    }
    let mut found: Vec<Role> = Vec::new();
    // Mentions come in document order, so the sentence and the first token of each are
    // found by walking on from those of the one before, not by searching the whole draft.
    let sentences = &ctx.segments.sentences;
    let (mut si, mut first, mut previous) = (0, 0, 0);
    for (m, mention) in ents.mentions.iter().enumerate() {
        let start = mention.span.start;
        if start < previous {
            // Out of order (never expected): walk from the beginning.
            (si, first) = (0, 0);
        }
        previous = start;
        while si < sentences.len() && sentences[si].span.end <= start {
            si += 1;
        }
        while first < toks.len() && toks[first].start() < start {
            first += 1;
        }
        if si == sentences.len() || sentences[si].span.start > start {
            continue;
        }
        let sentence = sentences[si].tokens.clone();
        let mut last = first;
        while last < toks.len() && toks[last].start() < mention.span.end {
            last += 1;
        }
        let last = last - 1;
        if !has_before[m]
            && first > sentence.start
            && toks[first - 1].punct(text) == Some(',')
            && let Some(role) = before(text, lex, toks, sentence.start, first - 1, roles)
            && !titles_another(text, toks, &ents.mentions, role.0, roles)
        {
            found.push(new_role(lex, m, role, RolePlacement::Before));
        }
        // A possessive ("Peskov's aide, …") opens no appositive.
        if toks[last].end() != mention.span.end {
            continue;
        }
        if let Some(role) = after(text, lex, speech, toks, last + 1, sentence.end, roles) {
            found.push(new_role(lex, m, role, RolePlacement::After));
        }
    }
    ents.roles.extend(found);
    ents.roles.sort_by_key(|r| (r.mention, r.span.start));
}

/// The role found at `role` (its span and the index of its head word) for mention `m`.
/// Its text and qualifiers are filled in later, once every role is known.
fn new_role(lex: &EntityLexicon, m: usize, role: (Span, usize), placement: RolePlacement) -> Role {
    Role {
        span: role.0,
        text: Box::default(),
        qualifiers: Vec::new(),
        head: lex.role_canonical(role.1).into(),
        mention: m,
        placement,
    }
}

/// A role that is the title written before another name ("Kremlin spokesman Dmitry Peskov,
/// Putin said …") belongs to that name. A role ending in "for" or "of" takes a name as its
/// object instead ("spokesperson for Vladimir Putin").
fn titles_another(
    text: &str,
    toks: &[Token],
    mentions: &[super::Mention],
    clause: Span,
    roles: &[PhraseMatch],
) -> bool {
    let i = roles.partition_point(|r| r.span.start < clause.start);
    roles[i..].iter().take_while(|r| r.span.end <= clause.end).any(|r| {
        let phrase = r.span.slice(text);
        if phrase.ends_with(" for") || phrase.ends_with(" of") {
            return false;
        }
        let next = toks.partition_point(|t| t.start() < r.span.end);
        toks.get(next)
            .is_some_and(|t| mentions.binary_search_by_key(&t.start(), |m| m.span.start).is_ok())
    })
}

/// The first role match starting at or after `from` and ending by `to`.
fn role_between(roles: &[PhraseMatch], from: usize, to: usize) -> Option<PhraseMatch> {
    let i = roles.partition_point(|r| r.span.start < from);
    roles.get(i).copied().filter(|r| r.span.end <= to)
}

/// Does the clause `toks[start..end]` open like a noun phrase? The index of its first token
/// after an article, if so.
fn noun_phrase_start(text: &str, lex: &EntityLexicon, toks: &[Token], start: usize, end: usize) -> Option<usize> {
    let t = toks.get(start).filter(|_| start < end)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = t.text(text);
    if is_article(w) {
        return Some(start + 1);
    }
    let lower = w.to_lowercase();
    if is_possessive(w) || lex.modifiers.contains(lower.as_str()) || t.is_capitalized(text) && !lex.is_common(w) {
        return Some(start);
    }
    lex.roles.contains(w).then_some(start)
}

/// A role clause ending at the comma `toks[comma]`, starting after the previous break.
fn before(
    text: &str,
    lex: &EntityLexicon,
    toks: &[Token],
    sentence_start: usize,
    comma: usize,
    roles: &[PhraseMatch],
) -> Option<(Span, usize)> {
    let mut start = comma;
    while start > sentence_start && !toks[start - 1].punct(text).is_some_and(is_clause_break) {
        start -= 1;
        if comma - start > MAX_CLAUSE {
            return None;
        }
    }
    let np = noun_phrase_start(text, lex, toks, start, comma)?;
    let role = role_between(roles, toks[np].start(), toks[comma - 1].end())?;
    let role_tok = toks.partition_point(|t| t.start() < role.span.start);
    if role_tok - np > ROLE_WITHIN {
        return None;
    }
    Some((Span::new(toks[np].start(), toks[comma - 1].end()), role.index))
}

/// A role clause right after a name: ", a spokesman for the Kremlin" or "who is the …".
fn after(
    text: &str,
    lex: &EntityLexicon,
    speech: &crate::analysis::lexicon::PhraseSet,
    toks: &[Token],
    next: usize,
    sentence_end: usize,
    roles: &[PhraseMatch],
) -> Option<(Span, usize)> {
    let mut start = next;
    let t = toks.get(start).filter(|_| start < sentence_end)?;
    if t.punct(text) == Some(',') {
        start += 1;
    }
    // "who is", "who was", "who has been" open a relative clause that may name a role.
    if toks.get(start).is_some_and(|t| t.text(text) == "who") {
        let verb = toks.get(start + 1).map(|t| t.text(text));
        match verb {
            Some("is" | "was") => start += 2,
            Some("has" | "had") if toks.get(start + 2).is_some_and(|t| t.text(text) == "been") => start += 3,
            _ => return None,
        }
    } else if start == next {
        // Without a comma only a relative clause is an appositive.
        return None;
    }
    // "…, AA is" at the end of a text: no words left for a role.
    if start >= sentence_end {
        return None;
    }
    let mut end = start;
    while end < sentence_end && end - start < MAX_CLAUSE {
        let t = toks[end];
        if t.punct(text).is_some_and(is_clause_break) || speech.contains(t.text(text)) {
            break;
        }
        end += 1;
    }
    if end - start > MAX_CLAUSE - 1 && end < sentence_end && !toks[end].punct(text).is_some_and(is_clause_break) {
        return None;
    }
    let np = noun_phrase_start(text, lex, toks, start, end).filter(|&np| np < end)?;
    let role = role_between(roles, toks[np].start(), toks[end - 1].end())?;
    let role_tok = toks.partition_point(|t| t.start() < role.span.start);
    if role_tok - np > ROLE_WITHIN {
        return None;
    }
    Some((Span::new(toks[np].start(), toks[end - 1].end()), role.index))
}
