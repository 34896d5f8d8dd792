//! Runs of capitalised words become mentions (or candidates).
//!
//! One linear pass over each sentence's tokens collects runs: capitalised words, particles
//! between them ("bin", "van", "de"), initials with their full stop, honorifics with theirs.
//! A possessive ends a run ("Putin's spokesman"). Each run is then trimmed: a title inside
//! it ("Iraqi Prime Minister …") or just before it ("spokesman Dmitry Peskov") is split off,
//! leading function words go ("The Kremlin"), an honorific is noted, acronyms stand alone.
//!
//! A capital at the start of a sentence, a quotation or a title-case headline is no evidence
//! of a name. Such words are kept as mentions only when the draft writes them as names
//! elsewhere (or an honorific, a title or a quotation's attribution vouches for them); a word
//! the draft also writes in lower case is dropped; the rest become candidates.

use crate::analysis::names::fasthash::{FastMap as HashMap, FastSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;

use super::lowercase::{self, NoCase};
use super::word_cache::NameWordCache;
use super::{Candidate, Entities, EntityLexicon, Gender, Mention, NameWord, Part, PartKind, WordId};
use crate::analysis::Context;
use crate::analysis::lexicon::PhraseMatch;
use crate::analysis::names::spelling::{Spelling, identity};
use crate::text::Span;
use crate::text::segment::{Segments, Token, TokenKind};
use std::sync::{Mutex, PoisonError};

/// What a token can be inside a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Starts with a capital: "Peskov", "O’Brien", "McIlroy", or a particle prefix glued to
    /// a capitalised word: "al-Sudani".
    Cap,
    /// Two or more capitals and nothing else: "UN", "NATO", "PM".
    Acronym,
    /// A single capital letter (an initial when a full stop follows).
    Letter,
    /// A lower-case name particle: "bin", "van", "de".
    Particle,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RawKind {
    Word,
    Acronym,
    Initial,
    Particle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawPart {
    span: Span,
    kind: RawKind,
}

/// A title found in or before a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Title {
    pub span: Span,
    pub phrase: usize,
}

/// A run, trimmed, waiting for the draft-wide evidence that decides what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pending {
    parts: Range<usize>,
    honorific: Option<(Span, Gender)>,
    title: Option<Title>,
    /// The first part's capital is no evidence: it starts a sentence or a quotation.
    initial: bool,
    /// Every part sits in a title-case headline.
    headline: bool,
    /// A role follows in an appositive: "Peskov, a spokesman for the Kremlin".
    appositive: bool,
}

impl Pending {
    fn vouched(&self) -> bool {
        self.honorific.is_some() || self.title.is_some() || self.appositive
    }
}

/// The text of a token without a possessive ending.
pub(super) fn stem(text: &str) -> &str {
    for end in ["'s", "’s"] {
        if let Some(s) = text.strip_suffix(end)
            && !s.is_empty()
        {
            return s;
        }
    }
    text
}

/// The name in a compound adjective: "Leeds" in "Leeds-based", "Kremlin" in
/// "Kremlin-backed". The lower-case ending makes the word a modifier of what follows, so the
/// name ends there and the next capital starts another ("West Leeds-based Halvorsen Foods" is
/// a place and a firm, not one person's name).
fn compound_head(word: &str) -> &str {
    match word.rsplit_once(['-', '‐', '‑']) {
        Some((head, tail)) if !head.is_empty() && tail.len() >= 2 && tail.bytes().all(|b| b.is_ascii_lowercase()) => {
            head
        }
        _ => word,
    }
}

fn shape(text: &str, lex: &EntityLexicon) -> Shape {
    let bytes = text.as_bytes();
    let Some(&b0) = bytes.first() else {
        return Shape::Other;
    };
    // Most tokens are lower-case ASCII words: decide them from bytes, without hashing.
    if b0.is_ascii_lowercase() {
        if bytes.len() <= lex.longest_particle && lex.is_particle(text) {
            return Shape::Particle;
        }
        // A hyphen further in leaves a head too long to be a particle.
        let reach = bytes.len().min(lex.longest_particle + 1);
        if let Some(h) = bytes[..reach].iter().position(|&b| b == b'-')
            && lex.is_particle(&text[..h])
            && bytes.get(h + 1).is_some_and(u8::is_ascii_uppercase)
        {
            return Shape::Cap;
        }
        return Shape::Other;
    }
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        if chars.clone().next().is_none() {
            return Shape::Letter;
        }
        return if is_acronym_tail(chars.as_str()) {
            Shape::Acronym
        } else {
            Shape::Cap
        };
    }
    if first.is_lowercase()
        && let Some((head, rest)) = text.split_once(['-', '‐', '‑'])
        && lex.is_particle(head)
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return Shape::Cap;
    }
    Shape::Other
}

/// What follows an acronym's first letter: capitals, digits, full stops, ampersands.
fn is_acronym_tail(rest: &str) -> bool {
    let is_tail = |c: char| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&';
    // Byte by byte while ASCII, so most names ("Putin") are decided at their second byte.
    for (i, &b) in rest.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            return rest[i..].chars().all(is_tail);
        }
        if !is_tail(char::from(b)) {
            return false;
        }
    }
    true
}

fn is_opening(c: char) -> bool {
    // A dash or a bracket does not call for a capital; these do.
    matches!(c, '“' | '‘' | '"' | '\'' | '«' | ':' | '*' | '•')
}

/// A paragraph where most words are capitalised is a headline or a byline; its capitals say
/// nothing about names.
fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        caps += usize::from(t.is_capitalized(text));
    }
    words > 0 && caps * 10 >= words * 7
}

/// The runs of capitalised words of a draft and the titles among its words: what the scan
/// finds sentence by sentence, before the draft-wide evidence decides what each run is.
/// It needs nothing from the quotations, so it can be found while they are attributed; so
/// can the draft-wide evidence and the runs' words, which cost more than the decisions.
#[derive(Debug)]
pub(crate) struct Runs<'t> {
    /// Borrowed from the paragraph-local scans when the editor's memo found them.
    roles: Cow<'t, [PhraseMatch]>,
    names: Cow<'t, NameRuns>,
    /// Every capitalised word of a run, and whether the draft writes it as a name where a
    /// capital is evidence (not only at a sentence start or in a headline).
    seen: HashMap<&'t str, bool>,
    /// Which of them the draft also writes in lower case: common words, not names (and, for
    /// the spelling check, words that may be spelled alike by chance).
    lowercase: HashSet<NoCase<'t>>,
    words: Prepared,
}

/// The runs of capitalised words of some paragraphs, trimmed, before the draft-wide
/// evidence decides what each is. What one paragraph holds depends on that paragraph alone,
/// so the editor keeps them paragraph by paragraph (see [`crate::analysis::Memo`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameRuns {
    raw: Vec<RawPart>,
    pending: Vec<Pending>,
}

impl NameRuns {
    /// The runs of every sentence of `seg`, whose titles and roles are `roles`.
    pub(crate) fn find(text: &str, seg: &Segments, lex: &EntityLexicon, roles: &[PhraseMatch]) -> Self {
        // About one token in six is part of a name in news copy.
        let guess = seg.tokens.len() / 6 + 8;
        let mut raw: Vec<RawPart> = Vec::with_capacity(guess);
        let mut pending: Vec<Pending> = Vec::with_capacity(guess);
        for para in &seg.paragraphs {
            let ptoks = &seg.tokens
                [seg.sentences[para.sentences.start].tokens.start..seg.sentences[para.sentences.end - 1].tokens.end];
            let headline = is_headline(text, ptoks);
            for sentence in seg.paragraph_sentences(para) {
                let toks = seg.sentence_tokens(sentence);
                scan_sentence(text, lex, toks, headline, roles, &mut raw, &mut pending);
            }
        }
        NameRuns { raw, pending }
    }

    /// Release spare capacity, for runs kept for long.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.raw.shrink_to_fit();
        self.pending.shrink_to_fit();
    }

    /// Make room for the runs of all `parts`, before they are appended.
    pub(crate) fn reserve_for<'a>(&mut self, parts: impl Iterator<Item = &'a NameRuns> + Clone) {
        self.raw.reserve_exact(parts.clone().map(|p| p.raw.len()).sum());
        self.pending.reserve_exact(parts.map(|p| p.pending.len()).sum());
    }

    /// Put the runs of the text that follows (`part`, found in it alone) after these, their
    /// offsets moved on by `shift`.
    pub(crate) fn append(&mut self, part: &NameRuns, shift: usize) {
        let first = self.raw.len();
        self.raw.extend(part.raw.iter().map(|r| RawPart {
            span: r.span.shifted(shift),
            kind: r.kind,
        }));
        self.pending.extend(part.pending.iter().map(|p| Pending {
            parts: p.parts.start + first..p.parts.end + first,
            honorific: p.honorific.map(|(span, g)| (span.shifted(shift), g)),
            title: p.title.map(|t| Title {
                span: t.span.shifted(shift),
                phrase: t.phrase,
            }),
            ..p.clone()
        }));
    }
}

/// Collect the runs of every sentence of the draft.
pub(super) fn runs<'t>(ctx: &Context<'t>, lex: &EntityLexicon) -> Runs<'t> {
    let text = ctx.text;
    let seg = ctx.segments;
    let (roles, names) = match ctx.kept {
        Some(kept) => (Cow::Borrowed(&kept.local.roles[..]), Cow::Borrowed(&kept.local.names)),
        None => {
            let roles = lex.find_roles(text, &seg.tokens);
            let names = NameRuns::find(text, seg, lex, &roles);
            (Cow::Owned(roles), Cow::Owned(names))
        }
    };
    let (raw, pending) = (&names.raw, &names.pending);
    let seen = strength(text, raw, pending);
    // Two passes of about the same cost that need nothing from each other: on a free core
    // the one beside the other (the quotations and claims take about as long as the runs).
    let (lowercase, mut words) = rayon::join(
        || lowercase::uses(ctx, &seen),
        || Prepared::new(text, lex, raw, pending, ctx.kept.map(|k| k.name_words)),
    );
    words.mark_common(lex, &lowercase);
    Runs {
        roles,
        names,
        seen,
        lowercase,
        words,
    }
}

/// Decide what each run is: its mentions and candidates, words interned, parts filled in.
/// Entities, roles and part kinds are filled in by the later steps.
pub(super) fn mentions<'t>(
    ctx: &Context<'_>,
    lex: &EntityLexicon,
    runs: Runs<'t>,
    speakers: &[Span],
) -> (Entities, Cow<'t, [PhraseMatch]>) {
    let ents = resolve(
        ctx.text,
        lex,
        &runs.names.raw,
        &runs.names.pending,
        &runs.seen,
        &runs.lowercase,
        runs.words,
        speakers,
    );
    (ents, runs.roles)
}

/// Every capitalised word of the runs, and whether the draft writes it as a name where a
/// capital is evidence.
fn strength<'t>(text: &'t str, raw: &[RawPart], pending: &[Pending]) -> HashMap<&'t str, bool> {
    let mut seen: HashMap<&str, bool> = HashMap::default();
    for p in pending {
        let skip = usize::from(p.initial && !p.vouched());
        for (i, k) in p.parts.clone().enumerate() {
            if raw[k].kind == RawKind::Word {
                let is_strong = !p.headline && i >= skip;
                let e = seen.entry(raw[k].span.slice(text)).or_insert(false);
                *e |= is_strong;
            }
        }
    }
    seen
}

/// Collect the runs of one sentence.
fn scan_sentence(
    text: &str,
    lex: &EntityLexicon,
    toks: &[Token],
    headline: bool,
    roles: &[PhraseMatch],
    raw: &mut Vec<RawPart>,
    pending: &mut Vec<Pending>,
) {
    // The index of the first word after an opening: the sentence start, a quotation mark, a colon.
    let mut opener = 0;
    while opener < toks.len() && toks[opener].kind == TokenKind::Punct {
        opener += 1;
    }
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        if i > 0 && toks[i - 1].punct(text).is_some_and(is_opening) && tok.kind == TokenKind::Word {
            opener = i;
        }
        let sh = if tok.kind == TokenKind::Word {
            shape(tok.text(text), lex)
        } else {
            Shape::Other
        };
        let starts = match sh {
            Shape::Cap | Shape::Acronym => true,
            Shape::Letter => initial_dot(text, toks, i),
            Shape::Particle => toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && shape(n.text(text), lex) == Shape::Cap),
            Shape::Other => false,
        };
        if !starts {
            i += 1;
            continue;
        }
        let first = raw.len();
        let mut j = i;
        let mut honorific: Option<(Span, Gender)> = None;
        while j < toks.len() {
            let t = toks[j];
            if t.kind != TokenKind::Word {
                break;
            }
            // In a title-case block each line is its own item (a byline, a list of names).
            if headline && j > i && text[toks[j - 1].end()..t.start()].contains(['\n', '\r']) {
                break;
            }
            let word = t.text(text);
            let s = compound_head(stem(word));
            match shape(word, lex) {
                Shape::Cap => {
                    // An honorific (and its full stop) at the start of the run.
                    if raw.len() == first
                        && honorific.is_none()
                        && let Some(g) = lex.honorific(word)
                    {
                        honorific = Some((t.span(), g));
                        j += 1;
                        if toks
                            .get(j)
                            .is_some_and(|d| d.punct(text) == Some('.') && d.start() == t.end())
                        {
                            j += 1;
                        }
                        continue;
                    }
                    raw.push(RawPart {
                        span: Span::new(t.start(), t.start() + s.len()),
                        kind: RawKind::Word,
                    });
                    j += 1;
                    if s.len() != word.len() {
                        break;
                    }
                }
                Shape::Acronym => {
                    raw.push(RawPart {
                        span: Span::new(t.start(), t.start() + s.len()),
                        kind: RawKind::Acronym,
                    });
                    j += 1;
                    if s.len() != word.len() {
                        break;
                    }
                }
                Shape::Letter if initial_dot(text, toks, j) => {
                    raw.push(RawPart {
                        span: Span::new(t.start(), toks[j + 1].end()),
                        kind: RawKind::Initial,
                    });
                    j += 2;
                }
                Shape::Particle
                    if toks.get(j + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word && matches!(shape(n.text(text), lex), Shape::Cap | Shape::Particle)
                    }) =>
                {
                    raw.push(RawPart {
                        span: t.span(),
                        kind: RawKind::Particle,
                    });
                    j += 1;
                }
                _ => break,
            }
        }
        // A particle never ends a name.
        while raw.len() > first && raw[raw.len() - 1].kind == RawKind::Particle {
            raw.pop();
        }
        let run_start_tok = i;
        i = j.max(i + 1);
        if raw.len() == first {
            continue;
        }
        let parts = first..raw.len();
        let initial = run_start_tok == opener && honorific.is_none();
        let before = pending.len();
        split_run(
            text,
            lex,
            toks,
            run_start_tok,
            parts,
            honorific,
            initial,
            headline,
            roles,
            raw,
            pending,
        );
        // A role in an appositive vouches for a name even at a sentence start.
        if pending.len() > before
            && toks.get(j).is_some_and(|t| t.punct(text) == Some(','))
            && let Some(p) = pending.last_mut()
        {
            let from = toks.get(j + 1).map_or(usize::MAX, |t| t.start());
            let to = toks.get(j + 4).unwrap_or(&toks[toks.len() - 1]).end();
            let i = roles.partition_point(|m| m.span.start < from);
            p.appositive = roles.get(i).is_some_and(|m| m.span.start < to);
        }
    }
}

/// A capital letter followed by a full stop: an initial ("W." in "George W. Bush").
fn initial_dot(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|d| d.punct(text) == Some('.') && d.start() == toks[i].end())
        && toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Word)
}

/// "spokesperson for", "head of": the name after such a role is its object, not its holder.
fn takes_object(phrase: &str) -> bool {
    phrase.ends_with(" for") || phrase.ends_with(" of")
}

/// The role match that ends exactly at `end`, if any.
fn role_ending_at(roles: &[PhraseMatch], end: usize) -> Option<PhraseMatch> {
    let i = roles.partition_point(|m| m.span.end < end);
    roles.get(i).copied().filter(|m| m.span.end == end)
}

/// Trim a run into zero or more pending mentions.
#[allow(clippy::too_many_arguments)]
fn split_run(
    text: &str,
    lex: &EntityLexicon,
    toks: &[Token],
    run_start_tok: usize,
    parts: Range<usize>,
    mut honorific: Option<(Span, Gender)>,
    mut initial: bool,
    headline: bool,
    roles: &[PhraseMatch],
    raw: &[RawPart],
    pending: &mut Vec<Pending>,
) {
    let mut start = parts.start;
    let end = parts.end;
    // A title inside the run or just before it: the name is what follows the last one.
    let mut title: Option<Title> = None;
    for k in (start..end).rev() {
        let boundary_end = if k == start {
            // Before the run: a role followed only by blanks ("spokesman Dmitry Peskov").
            let Some(prev) = run_start_tok.checked_sub(1) else {
                break;
            };
            if honorific.is_some() {
                break;
            }
            toks[prev].end()
        } else {
            raw[k - 1].span.end
        };
        // Tokens are adjacent, so a role ending at the previous token is separated from the
        // run by blanks only.
        if let Some(m) = role_ending_at(roles, boundary_end)
            && !takes_object(m.span.slice(text))
        {
            let span = extend_title(text, lex, toks, m.span);
            title = Some(Title { span, phrase: m.index });
            start = k;
            initial = false;
            break;
        }
    }
    // Leading function words, days and months: "The Kremlin", "On Tuesday Putin".
    if title.is_none() {
        while start < end && raw[start].kind == RawKind::Word && {
            let w = raw[start].span.slice(text);
            lex.stopwords.contains(w) || lex.calendar.contains(w)
        } {
            start += 1;
            initial = false;
        }
    }
    // A sentence's first word before an honorific is no part of the name: "Observes Mr
    // Hadi", "Meanwhile Dr Lee". Honorifics start names; a word in front of one is a verb or
    // an adverb that happens to be capitalised.
    if honorific.is_none()
        && title.is_none()
        && initial
        && start + 2 < end
        && raw[start].kind == RawKind::Word
        && raw[start + 1].kind == RawKind::Word
        && lex.honorific(raw[start + 1].span.slice(text)).is_some()
    {
        start += 1;
        initial = false;
    }
    // An honorific after a title: "Prime Minister Mr Blair" is rare but harmless.
    if honorific.is_none()
        && start < end
        && let Some(g) = lex.honorific(raw[start].span.slice(text))
        && start + 1 < end
    {
        honorific = Some((raw[start].span, g));
        start += 1;
        initial = false;
    }
    if start >= end {
        return;
    }
    // Only common words and titles ("Russian President", "Prime Minister"): no name.
    let in_role = |k: usize| {
        let i = roles.partition_point(|m| m.span.end <= raw[k].span.start);
        roles.get(i).is_some_and(|m| m.span.encloses(raw[k].span))
    };
    if (start..end).all(|k| match raw[k].kind {
        RawKind::Word => lex.is_common(raw[k].span.slice(text)) || in_role(k),
        RawKind::Acronym => false,
        RawKind::Initial | RawKind::Particle => true,
    }) {
        return;
    }
    // Acronyms stand alone ("US Middle East policy" → US, Middle East).
    let mut seg_start = start;
    let mut first_segment = true;
    for k in start..=end {
        let boundary = k == end || raw[k].kind == RawKind::Acronym;
        if !boundary {
            continue;
        }
        if k > seg_start {
            push_pending(
                text,
                lex,
                seg_start..k,
                raw,
                if first_segment { honorific } else { None },
                if first_segment { title } else { None },
                initial && seg_start == start,
                headline,
                pending,
            );
            first_segment = false;
        }
        if k < end {
            // Capitals are an acronym's spelling, not a sentence's: evidence wherever it stands.
            pending.push(Pending {
                parts: k..k + 1,
                honorific: None,
                title: None,
                initial: false,
                headline: false,
                appositive: false,
            });
            first_segment = false;
        }
        seg_start = k + 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn push_pending(
    text: &str,
    lex: &EntityLexicon,
    mut parts: Range<usize>,
    raw: &[RawPart],
    honorific: Option<(Span, Gender)>,
    title: Option<Title>,
    initial: bool,
    headline: bool,
    pending: &mut Vec<Pending>,
) {
    // Initials and particles cannot start a name without a word after them.
    while parts.start < parts.end && raw[parts.end - 1].kind != RawKind::Word {
        parts.end -= 1;
    }
    if parts.is_empty() {
        return;
    }
    let words = parts.clone().filter(|&k| raw[k].kind == RawKind::Word);
    if words.clone().all(|k| lex.is_common(raw[k].span.slice(text))) && honorific.is_none() {
        return;
    }
    pending.push(Pending {
        parts,
        honorific,
        title,
        initial,
        headline,
        appositive: false,
    });
}

/// Widen a title backwards over what qualifies it: "Kremlin spokesman", "Iraqi Prime
/// Minister", "former chief executive", "Putin's spokesman".
fn extend_title(text: &str, lex: &EntityLexicon, toks: &[Token], role: Span) -> Span {
    let mut i = toks.partition_point(|t| t.start() < role.start);
    let mut start = role.start;
    let mut taken = 0;
    while i > 0 && taken < 4 {
        let t = toks[i - 1];
        if t.kind != TokenKind::Word {
            break;
        }
        let w = t.text(text);
        let lower_modifier = lex.modifiers.contains(w) || lex.modifiers.contains(w.to_lowercase().as_str());
        let capital = t.is_capitalized(text) && !lex.stopwords.contains(w) && !lex.calendar.contains(w);
        if !(lower_modifier || capital) {
            break;
        }
        start = t.start();
        taken += 1;
        i -= 1;
    }
    Span::new(start, role.end)
}

/// The words of every run's parts, interned before the quotations' speakers decide which
/// runs are names, so that the hashing and the spellings, most of what building the
/// mentions costs, run while the quotations are attributed. Ids here are provisional: the
/// [`Interner`] numbers the words in order of first use, as the mentions are built.
#[derive(Debug)]
struct Prepared {
    /// The provisional word of each raw part (`u32::MAX` for parts of no run).
    of_part: Vec<u32>,
    /// The words by provisional id, as first written among the runs; taken when first used.
    words: Vec<Option<NameWord>>,
}

impl Prepared {
    /// With `kept`, the spellings of words seen by earlier analyses are taken from it, and
    /// it is told of the new ones.
    fn new(
        text: &str,
        lex: &EntityLexicon,
        raw: &[RawPart],
        pending: &[Pending],
        kept: Option<&Mutex<NameWordCache>>,
    ) -> Self {
        // Only this step reads or writes the cache: the lock is never contended.
        let mut kept = kept.map(|m| m.lock().unwrap_or_else(PoisonError::into_inner));
        if let Some(k) = &mut kept {
            k.begin();
        }
        let mut map: HashMap<std::borrow::Cow<'_, str>, u32> = HashMap::default();
        let mut of_part = vec![u32::MAX; raw.len()];
        let mut words = Vec::new();
        for k in pending.iter().flat_map(|p| p.parts.clone()) {
            let w = raw[k].span.slice(text);
            of_part[k] = *map.entry(identity(w)).or_insert_with(|| {
                let word = match &mut kept {
                    Some(cache) => cache.name_word(lex, w),
                    None => name_word(lex, w),
                };
                words.push(Some(word));
                (words.len() - 1) as u32
            });
        }
        if let Some(k) = &mut kept {
            k.end();
        }
        Prepared { of_part, words }
    }

    /// Fill in [`NameWord::common`], once the lower-case uses are known.
    fn mark_common(&mut self, lex: &EntityLexicon, lowercase: &HashSet<NoCase<'_>>) {
        for w in self.words.iter_mut().flatten() {
            w.common = is_common_word(lex, lowercase, &w.text);
        }
    }
}

/// A word of the draft's names, with what the lexicon says about it ([`NameWord::common`]
/// also needs the draft: see [`is_common_word`]).
pub(super) fn name_word(lex: &EntityLexicon, text: &str) -> NameWord {
    NameWord {
        text: text.into(),
        spelling: Spelling::new(text),
        mentions: Vec::new(),
        candidates: Vec::new(),
        common: false,
        org: text.split(['-', '‐', '‑']).any(|seg| lex.org_words.contains(seg)),
    }
}

/// A common word as well as a name: a function word, a nationality, or written in lower
/// case somewhere in the draft.
fn is_common_word(lex: &EntityLexicon, lowercase: &HashSet<NoCase<'_>>, text: &str) -> bool {
    lex.is_common(text) || lowercase.contains(&NoCase(text))
}

/// Numbers the prepared words in order of first use.
struct Interner<'a> {
    lex: &'a EntityLexicon,
    text: &'a str,
    raw: &'a [RawPart],
    lowercase: &'a HashSet<NoCase<'a>>,
    prepared: Prepared,
    /// The final id of each provisional word (`WordId::MAX` until used).
    final_id: Vec<WordId>,
    words: Vec<NameWord>,
}

impl Interner<'_> {
    /// The word of raw part `k`.
    fn intern(&mut self, k: usize) -> WordId {
        let p = self.prepared.of_part[k] as usize;
        if self.final_id[p] != WordId::MAX {
            return self.final_id[p];
        }
        let id = self.words.len() as WordId;
        let text = self.raw[k].span.slice(self.text);
        // The word is as first used; the prepared one is as first written in any run, which
        // differs only when the first run was dropped and the spellings differ in an article's
        // capital ("Al-Sudani", "al-Sudani").
        let word = match self.prepared.words[p].take() {
            Some(w) if *w.text == *text => w,
            _ => NameWord {
                common: is_common_word(self.lex, self.lowercase, text),
                ..name_word(self.lex, text)
            },
        };
        self.words.push(word);
        self.final_id[p] = id;
        id
    }
}

/// Decide each pending run with what the whole draft says, and build the mentions.
#[allow(clippy::too_many_arguments)]
fn resolve<'t>(
    text: &'t str,
    lex: &EntityLexicon,
    raw: &[RawPart],
    pending: &[Pending],
    seen: &HashMap<&str, bool>,
    lowercase: &HashSet<NoCase<'t>>,
    prepared: Prepared,
    speakers: &[Span],
) -> Entities {
    let strong = |w: &str| seen.get(w).copied().unwrap_or(false);
    let mut out = Interner {
        lex,
        text,
        raw,
        lowercase,
        final_id: vec![WordId::MAX; prepared.words.len()],
        prepared,
        words: Vec::with_capacity(pending.len()),
    };
    let mut ents = Entities {
        parts: Vec::with_capacity(raw.len()),
        mentions: Vec::with_capacity(pending.len()),
        ..Entities::default()
    };
    let spoken = Spoken::new(speakers);
    let spoken = |span: Span| spoken.overlaps(span);
    for p in pending {
        let first = raw[p.parts.start];
        let whole = Span::new(first.span.start, raw[p.parts.end - 1].span.end);
        let evidence = p.vouched() || spoken(whole);
        let is_strong = |k: usize| raw[k].kind != RawKind::Word || strong(raw[k].span.slice(text));
        let mut parts = p.parts.clone();
        let mut weak = false;
        if p.headline && !evidence {
            if parts.clone().all(is_strong) {
                weak = true;
            } else {
                // Single words of the headline that are names elsewhere.
                for k in parts.clone().filter(|&k| raw[k].kind == RawKind::Word) {
                    let w = raw[k].span.slice(text);
                    if strong(w) {
                        add_mention(&mut out, &mut ents, k..k + 1, None, true);
                    } else if !lowercase.contains(&NoCase(w)) && !lex.is_common(w) {
                        add_candidate(&mut out, &mut ents, k, true);
                    }
                }
                continue;
            }
        } else if p.initial && !evidence {
            let w = first.span.slice(text);
            let known = strong(w);
            if parts.len() == 1 {
                if known {
                    weak = true;
                } else {
                    if first.kind == RawKind::Word && !lowercase.contains(&NoCase(w)) && !lex.is_common(w) {
                        add_candidate(&mut out, &mut ents, p.parts.start, false);
                    }
                    continue;
                }
            } else if !known && lowercase.contains(&NoCase(w)) {
                // "Shares Fiat"-like runs: the first word is a common word.
                parts.start += 1;
            }
        }
        let m = add_mention(&mut out, &mut ents, parts, p.honorific, weak);
        if let Some(m) = m
            && let Some(t) = p.title
        {
            ents.roles.push(super::Role {
                span: t.span,
                text: Box::default(),
                qualifiers: Vec::new(),
                head: lex.role_canonical(t.phrase).into(),
                mention: m,
                placement: super::RolePlacement::Before,
            });
        }
    }
    ents.words = out.words;
    ents
}

/// The spans of the quotations' speakers, for "does this run overlap a speaker?" asked once
/// per run: sorted by start, with the furthest end reached so far, so each question is one
/// binary search rather than a walk over every speaker (which grew with the square of the
/// draft's length).
struct Spoken {
    starts: Vec<usize>,
    /// `furthest_end[i]`: the largest end among the first `i + 1` spans by start.
    furthest_end: Vec<usize>,
}

impl Spoken {
    fn new(speakers: &[Span]) -> Self {
        let mut sorted = speakers.to_vec();
        sorted.sort_unstable_by_key(|s| s.start);
        let starts = sorted.iter().map(|s| s.start).collect();
        let furthest_end = sorted
            .iter()
            .scan(0, |end, s| {
                *end = (*end).max(s.end);
                Some(*end)
            })
            .collect();
        Spoken { starts, furthest_end }
    }

    /// Whether some speaker span shares a byte with `span`: among the spans that start
    /// before `span` ends, one ends after `span` starts.
    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.furthest_end[before_end - 1] > span.start
    }
}

/// Add a mention made of `raw[parts]`; its index, or `None` when nothing of a name is left.
fn add_mention(
    out: &mut Interner<'_>,
    ents: &mut Entities,
    parts: Range<usize>,
    honorific: Option<(Span, Gender)>,
    weak: bool,
) -> Option<usize> {
    if parts.is_empty() {
        return None;
    }
    let (lex, text, raw) = (out.lex, out.text, out.raw);
    let words = || {
        parts
            .clone()
            .filter(|&k| matches!(raw[k].kind, RawKind::Word | RawKind::Acronym))
    };
    let suffix = |k: usize| raw[k].span.len() <= 3 && lex.suffixes.contains(raw[k].span.slice(text));
    let surname = words().rev().find(|&k| !suffix(k)).or(words().next_back());
    let named = words().filter(|&k| !suffix(k)).count();
    let m = ents.mentions.len();
    let first_part = ents.parts.len();
    for k in parts.clone() {
        let r = raw[k];
        let kind = match r.kind {
            RawKind::Initial => PartKind::Initial,
            RawKind::Particle => PartKind::Particle,
            _ if suffix(k) && Some(k) != surname => PartKind::Suffix,
            _ if named <= 1 => PartKind::Alone,
            _ if Some(k) == surname => PartKind::Surname,
            _ => PartKind::Given,
        };
        let word = out.intern(k);
        if matches!(kind, PartKind::Given | PartKind::Surname | PartKind::Alone) {
            let uses = &mut out.words[word as usize].mentions;
            if uses.last() != Some(&(m as u32)) {
                uses.push(m as u32);
            }
        }
        ents.parts.push(Part {
            span: r.span,
            word,
            kind,
        });
    }
    ents.mentions.push(Mention {
        span: Span::new(raw[parts.start].span.start, raw[parts.end - 1].span.end),
        entity: usize::MAX,
        parts: first_part..ents.parts.len(),
        honorific: honorific.map(|h| h.0),
        gender: honorific.map_or(Gender::Unknown, |h| h.1),
        weak,
    });
    Some(m)
}

fn add_candidate(out: &mut Interner<'_>, ents: &mut Entities, k: usize, listed: bool) {
    let span = out.raw[k].span;
    let word = out.intern(k);
    out.words[word as usize].candidates.push(ents.candidates.len() as u32);
    ents.candidates.push(Candidate { span, word, listed });
}

#[cfg(test)]
mod spoken_tests {
    use super::Spoken;
    use crate::text::Span;

    #[test]
    fn speaker_overlap_agrees_with_asking_every_speaker() {
        // Unsorted, nested and touching spans, as antecedents and speakers come out.
        let speakers = [
            Span::new(40, 52),
            Span::new(3, 30),
            Span::new(10, 12),
            Span::new(60, 60),
            Span::new(55, 58),
        ];
        let spoken = Spoken::new(&speakers);
        for start in 0..70 {
            for end in start..72 {
                let run = Span::new(start, end);
                let expected = speakers.iter().any(|s| s.overlaps(run));
                assert_eq!(spoken.overlaps(run), expected, "{run:?}");
            }
        }
        assert!(!Spoken::new(&[]).overlaps(Span::new(0, 10)));
    }
}
