//! Who a speech verb's speaker is: the phrase before the verb (`the ministry said`,
//! `Dmitry Peskov, the Kremlin spokesman, said`) or, inverted, after it (`said Smith`,
//! `according to Peskov`). Reads the flat token vector; never crosses quoted material.

use std::ops::Range;

use crate::analysis::quotes::cues::{Cue, CueKind, inside};
use crate::analysis::quotes::words::SpeakerWords;
use crate::analysis::quotes::{Speaker, SpeakerKind};
use crate::text::Span;
use crate::text::segment::{Segments, Token, TokenKind};

/// An appositive between commas is at most this many tokens long.
const MAX_APPOSITIVE: usize = 16;
/// A speaker phrase without a determiner holds at most this many lower-case words.
const MAX_BARE_WORDS: usize = 5;

pub struct SpeakerFinder<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub words: &'a SpeakerWords,
    /// Quoted material, sorted and disjoint: a speaker is never inside it.
    pub quoted: &'a [Span],
    /// Every cue of the draft, sorted: `Paul interjected, calling it …` shares a speaker.
    pub cues: &'a [Cue],
}

impl SpeakerFinder<'_> {
    fn tok(&self, i: usize) -> Token {
        self.seg.tokens[i]
    }

    fn word(&self, i: usize) -> &str {
        self.seg.tokens[i].text(self.text)
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.start() < offset)
    }

    /// The speaker tied to `cue` in the sentence made of `tokens`.
    pub fn for_cue(&self, cue: &Cue, tokens: Range<usize>) -> Option<Speaker> {
        let c0 = self.token_at(cue.span.start);
        let c1 = self.token_at(cue.span.end);
        // Never read into quoted words: the speaker is outside the quotation.
        let mut lo = tokens.start;
        let mut i = c0;
        while i > lo {
            if inside(self.quoted, self.tok(i - 1).start()) {
                lo = i;
                break;
            }
            i -= 1;
        }
        let mut hi = c1;
        while hi < tokens.end && !inside(self.quoted, self.tok(hi).start()) {
            hi += 1;
        }
        match cue.kind {
            CueKind::According => self.phrase_after(c1, hi),
            CueKind::Characterizing => self.subject_before(c0, lo),
            CueKind::Speech => self.subject_before(c0, lo).or_else(|| {
                let verb = cue.span.slice(self.text);
                let addressee = self
                    .words
                    .addressee_verbs
                    .contains(verb.split(' ').next().unwrap_or(verb));
                (!addressee).then(|| self.phrase_after(c1, hi)).flatten()
            }),
        }
    }

    /// The first name in tokens `lo..hi`, outside quoted material: the likely speaker of a
    /// lead-in such as `Sanders delivered a snappy retort:`.
    pub fn first_name(&self, lo: usize, hi: usize) -> Option<Speaker> {
        let start = (lo..hi).find(|&i| self.is_name_word(i) && !inside(self.quoted, self.tok(i).start()))?;
        let mut end = start;
        while end < hi
            && (self.is_name_part(end) || (self.is_initial_dot(end) && end + 1 < hi && self.is_name_word(end + 1)))
        {
            end += 1;
        }
        Some(self.classify(start, end))
    }

    /// The first pronoun that can name a speaker in tokens `lo..hi`.
    pub fn first_pronoun(&self, lo: usize, hi: usize) -> Option<Speaker> {
        (lo..hi)
            .find(|&i| {
                self.tok(i).kind == TokenKind::Word
                    && self.words.is_pronoun(self.word(i))
                    && !inside(self.quoted, self.tok(i).start())
            })
            .map(|i| pronoun(self.tok(i).span()))
    }

    /// An adverb or auxiliary between a speaker and a verb: `has also said`, `quickly said`.
    fn skippable(&self, i: usize) -> bool {
        let t = self.tok(i);
        let w = t.text(self.text);
        t.kind == TokenKind::Word
            && (self.words.skip_before_verb.contains(w)
                || (w.len() > 4 && w.ends_with("ly") && !t.is_capitalized(self.text)))
    }

    /// The subject of a verb whose first token is `end`, reading left no further than `lo`.
    pub fn subject_before(&self, end: usize, lo: usize) -> Option<Speaker> {
        let mut i = end;
        while i > lo && self.skippable(i - 1) {
            i -= 1;
        }
        // `Sen. Jack Reed (D-R.I.) said`: the party and state are not the speaker.
        i = self.before_parenthetical(i, lo);
        if i == lo {
            return None;
        }
        // `Paul interjected, calling it “…”`: a second verb shares the first one's speaker.
        let before_comma = if self.tok(i - 1).punct(self.text) == Some(',') {
            i - 1
        } else {
            i
        };
        if before_comma > lo
            && let Some(cue) = self.cue_ending_at(before_comma - 1)
            && self.token_at(cue.span.start) < before_comma
        {
            return self.subject_before(self.token_at(cue.span.start), lo);
        }
        let t = self.tok(i - 1);
        if t.punct(self.text) == Some(',') {
            return self.appositive(i - 1, lo);
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(self.text);
        if self.words.relative_pronouns.contains(w) {
            return self.before_relative(i - 1, lo);
        }
        if self.words.is_pronoun(w) {
            return Some(pronoun(t.span()));
        }
        let phrase = self.phrase_before(i, lo)?;
        // `Peskov, who is the Kremlin's spokesman, said`: the speaker is before `who`.
        let mut k = self.token_at(phrase.span.start);
        while k > lo && self.words.skip_before_verb.contains(self.word(k - 1)) {
            k -= 1;
        }
        if k > lo && k < self.token_at(phrase.span.start) && self.words.relative_pronouns.contains(self.word(k - 1)) {
            return self.before_relative(k - 1, lo).or(Some(phrase));
        }
        Some(phrase)
    }

    /// The phrase a relative pronoun at `rel` refers to: `Peskov, who …`.
    fn before_relative(&self, rel: usize, lo: usize) -> Option<Speaker> {
        let mut i = rel;
        if i > lo && self.tok(i - 1).punct(self.text) == Some(',') {
            i -= 1;
        }
        if i > lo && self.words.is_pronoun(self.word(i - 1)) {
            return Some(pronoun(self.tok(i - 1).span()));
        }
        self.phrase_before(i, lo)
    }

    /// `X, appositive, said`: the name, whichever side of the appositive it is on.
    fn appositive(&self, comma: usize, lo: usize) -> Option<Speaker> {
        let mut k = comma;
        let mut open = None;
        while k > lo && comma - k < MAX_APPOSITIVE {
            k -= 1;
            match self.tok(k).punct(self.text) {
                Some(',') => {
                    open = Some(k);
                    break;
                }
                Some(c) if !matches!(c, '.' | '-' | '\'' | '’' | '(' | ')') => break,
                _ => {}
            }
        }
        let before_comma = self.before_parenthetical(comma, lo);
        let Some(open) = open else {
            return self.phrase_before(before_comma, lo);
        };
        // `Sanders, meanwhile, said`: an adverb between commas is no appositive.
        if (open + 1..comma).all(|j| self.skippable(j)) {
            return self.subject_before(open, lo);
        }
        let inner = self.phrase_before(before_comma.max(open + 1), open + 1);
        if let Some(s) = &inner
            && s.kind == SpeakerKind::Named
            && self.token_at(s.span.start) == open + 1
        {
            return inner;
        }
        self.subject_before(open, lo).or(inner)
    }

    /// The cue whose last token is token `i`.
    fn cue_ending_at(&self, i: usize) -> Option<&Cue> {
        let end = self.tok(i).end();
        let at = self.cues.partition_point(|c| c.span.end < end);
        self.cues.get(at).filter(|c| c.span.end == end)
    }

    /// When the tokens before `end` close a parenthesis, the index of its opening.
    fn before_parenthetical(&self, end: usize, lo: usize) -> usize {
        if end == lo || self.tok(end - 1).punct(self.text) != Some(')') {
            return end;
        }
        (lo..end - 1)
            .rev()
            .take(MAX_APPOSITIVE)
            .find(|&k| self.tok(k).punct(self.text) == Some('('))
            .unwrap_or(end)
    }

    fn is_name_word(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.kind == TokenKind::Word && self.words.looks_like_name(t.text(self.text))
    }

    /// A name word, or a particle between two (`Ludwig van Beethoven`).
    fn is_name_part(&self, i: usize) -> bool {
        self.is_name_word(i)
            || (i > 0
                && i + 1 < self.seg.tokens.len()
                && self.words.name_particles.contains(self.word(i))
                && self.is_name_word(i - 1)
                && self.is_name_word(i + 1))
    }

    /// The dot after an initial, as in `George W. Bush`.
    fn is_initial_dot(&self, i: usize) -> bool {
        i > 0 && self.tok(i).punct(self.text) == Some('.') && {
            let prev = self.tok(i - 1);
            prev.end() == self.tok(i).start()
                && prev.is_capitalized(self.text)
                && prev.text(self.text).chars().count() == 1
        }
    }

    /// A word that a speaker phrase never runs across: a clause word, a word that is never
    /// part of a name, a pronoun, or a word that sits between a speaker and its verb.
    fn ends_phrase(&self, w: &str) -> bool {
        self.words.clause_words.contains(w)
            || self.words.not_names.contains(w)
            || self.words.is_pronoun(w)
            || self.words.skip_before_verb.contains(w)
    }

    fn is_possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
    }

    /// The noun phrase ending just before token `end`: a name (`Vladimir Putin`), a phrase
    /// (`a spokesman for the Kremlin`, `Putin's spokesman`, `officials`).
    pub fn phrase_before(&self, end: usize, lo: usize) -> Option<Speaker> {
        let mut start = end;
        let mut lower = 0;
        while start > lo {
            let i = start - 1;
            let t = self.tok(i);
            let w = t.text(self.text);
            if t.kind != TokenKind::Word {
                if self.is_initial_dot(i) && i > lo {
                    start -= 1;
                    continue;
                }
                break;
            }
            if self.words.determiners.contains(w) {
                if start == end {
                    break;
                }
                start -= 1;
                // `a spokesman for the Kremlin`: a link before the article continues the phrase.
                if start > lo && self.words.phrase_links.contains(self.word(start - 1)) {
                    continue;
                }
                break;
            }
            if self.is_possessive(i) {
                if start == end {
                    break;
                }
                start -= 1;
                // `The barrier’s chief engineer`: the article belongs to the possessor.
                if start > lo && self.words.determiners.contains(self.word(start - 1)) {
                    start -= 1;
                }
                break;
            }
            if self.words.phrase_links.contains(w) {
                if start == end {
                    break;
                }
                start -= 1;
                continue;
            }
            if self.ends_phrase(w) {
                break;
            }
            if !t.is_capitalized(self.text) {
                if lower == MAX_BARE_WORDS {
                    break;
                }
                lower += 1;
            }
            start -= 1;
        }
        // A phrase never starts with a dangling preposition.
        while start < end && self.words.phrase_links.contains(self.word(start)) {
            start += 1;
        }
        if start >= end {
            return None;
        }
        // `…, giving it “…”`: a lone participle is a verb, not a speaker.
        let head = self.word(end - 1);
        let participle = start + 1 == end
            && !self.tok(start).is_capitalized(self.text)
            && (head.ends_with("ing") || head.ends_with("ed"));
        (!participle).then(|| self.classify(start, end))
    }

    /// The noun phrase starting at token `start`, read forward no further than `hi`:
    /// `said Smith`, `according to a statement from the Kremlin`.
    pub fn phrase_after(&self, start: usize, hi: usize) -> Option<Speaker> {
        let mut j = start;
        while j < hi && self.skippable(j) && !self.words.is_pronoun(self.word(j)) {
            j += 1;
        }
        if j >= hi || self.tok(j).kind != TokenKind::Word {
            return None;
        }
        let first = self.word(j);
        if self.words.is_pronoun(first) {
            return Some(pronoun(self.tok(j).span()));
        }
        let mut end = j;
        let mut lower = 0;
        let mut after_link = true;
        while end < hi {
            let t = self.tok(end);
            let w = t.text(self.text);
            if t.kind != TokenKind::Word {
                if self.is_initial_dot(end) && end + 1 < hi && self.is_name_word(end + 1) {
                    end += 1;
                    continue;
                }
                break;
            }
            if self.words.determiners.contains(w) && after_link {
                end += 1;
                after_link = false;
                continue;
            }
            if self.words.phrase_links.contains(w) {
                if end == j || self.words.stop_after_verb.contains(w) {
                    break;
                }
                end += 1;
                after_link = true;
                continue;
            }
            if self.ends_phrase(w) {
                break;
            }
            if !t.is_capitalized(self.text) {
                if lower == MAX_BARE_WORDS {
                    break;
                }
                lower += 1;
            }
            after_link = false;
            end += 1;
            if self.is_possessive(end - 1) {
                after_link = true;
            }
        }
        while end > j
            && (self.words.phrase_links.contains(self.word(end - 1))
                || self.words.determiners.contains(self.word(end - 1)))
        {
            end -= 1;
        }
        (end > j).then(|| self.classify(j, end))
    }

    /// A named speaker when the phrase ends in a name (titles dropped: `Russian President
    /// Vladimir Putin` → `Vladimir Putin`), else a noun phrase.
    fn classify(&self, start: usize, end: usize) -> Speaker {
        let mut run = end;
        while run > start && (self.is_name_part(run - 1) || self.is_initial_dot(run - 1)) {
            run -= 1;
        }
        let whole = Span::new(self.tok(start).start(), self.tok(end - 1).end());
        if run == end {
            return named_or_phrase(whole, SpeakerKind::NounPhrase);
        }
        // Titles and possessives before the name: `President`, `Kremlin spokesman`, `CNN's`.
        let mut name = run;
        for k in run..end - 1 {
            let w = self.word(k);
            if self.words.person_nouns.contains(w) || self.words.organization_words.contains(w) || self.is_possessive(k)
            {
                name = k + 1;
            }
        }
        // `the Russian President`: a role, not a name.
        if name == run && self.words.person_nouns.contains(self.word(end - 1)) {
            return named_or_phrase(whole, SpeakerKind::NounPhrase);
        }
        let name_span = Span::new(self.tok(name).start(), self.tok(end - 1).end());
        let article_only = run == start || (run == start + 1 && self.word(start).eq_ignore_ascii_case("the"));
        let linked = run > start && {
            let w = self.word(run - 1);
            self.words.phrase_links.contains(w) || self.words.determiners.contains(w)
        };
        if name > run || article_only || !linked {
            named_or_phrase(name_span, SpeakerKind::Named)
        } else {
            named_or_phrase(whole, SpeakerKind::NounPhrase)
        }
    }
}

fn pronoun(span: Span) -> Speaker {
    named_or_phrase(span, SpeakerKind::Pronoun)
}

fn named_or_phrase(span: Span, kind: SpeakerKind) -> Speaker {
    Speaker {
        span,
        antecedent: None,
        kind,
        entity: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocKind, prose, segment};

    /// The speaker of the first cue word `verb` in `text`, as (text, kind).
    fn speaker(text: &str, verb: &str, kind: CueKind) -> Option<(String, SpeakerKind)> {
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let words = SpeakerWords::builtin();
        let f = SpeakerFinder {
            text,
            seg: &seg,
            words: &words,
            quoted: &[],
            cues: &[],
        };
        let at = text.find(verb).unwrap();
        let cue = Cue {
            span: Span::new(at, at + verb.len()),
            kind,
        };
        let sentence = seg.sentence_at(at).unwrap();
        f.for_cue(&cue, seg.sentences[sentence].tokens.clone())
            .map(|s| (s.span.slice(text).to_string(), s.kind))
    }

    fn named(s: &str) -> Option<(String, SpeakerKind)> {
        Some((s.to_string(), SpeakerKind::Named))
    }

    fn phrase(s: &str) -> Option<(String, SpeakerKind)> {
        Some((s.to_string(), SpeakerKind::NounPhrase))
    }

    #[test]
    fn subject_names_with_titles_dropped() {
        assert_eq!(
            speaker("Mayor Anna Kowalski said it.", "said", CueKind::Speech),
            named("Anna Kowalski")
        );
        assert_eq!(
            speaker("But Kowalski has also said so.", "said", CueKind::Speech),
            named("Kowalski")
        );
        assert_eq!(
            speaker("George W. Bush said so.", "said", CueKind::Speech),
            named("George W. Bush")
        );
        assert_eq!(
            speaker(
                "Harbour board spokesman Tom Reyes told reporters.",
                "told",
                CueKind::Speech
            ),
            named("Tom Reyes")
        );
    }

    #[test]
    fn noun_phrase_subjects() {
        assert_eq!(
            speaker(
                "In a statement, the harbour authority said it was safe.",
                "said",
                CueKind::Speech
            ),
            phrase("the harbour authority")
        );
        assert_eq!(
            speaker("A spokesman for the Port Authority said no.", "said", CueKind::Speech),
            phrase("A spokesman for the Port Authority")
        );
        assert_eq!(
            speaker("Kowalski's deputy said no.", "said", CueKind::Speech),
            phrase("Kowalski's deputy")
        );
        assert_eq!(
            speaker("Local fishermen said no.", "said", CueKind::Speech),
            phrase("Local fishermen")
        );
    }

    #[test]
    fn appositives_and_relative_clauses() {
        assert_eq!(
            speaker(
                "Tom Reyes, a spokesman for the board, said no.",
                "said",
                CueKind::Speech
            ),
            named("Tom Reyes")
        );
        assert_eq!(
            speaker("The board's spokesman, Tom Reyes, said no.", "said", CueKind::Speech),
            named("Tom Reyes")
        );
        assert_eq!(
            speaker(
                "Reyes who is the spokesman for the board said no.",
                "said",
                CueKind::Speech
            ),
            named("Reyes")
        );
    }

    #[test]
    fn parentheticals_and_adverbs_around_the_speaker() {
        assert_eq!(
            speaker("Sen. Ann Reyes (D-Maine) said no.", "said", CueKind::Speech),
            named("Ann Reyes")
        );
        assert_eq!(
            speaker("Sen. Ann Reyes (D-Maine), the chair, said no.", "said", CueKind::Speech),
            named("Ann Reyes")
        );
        assert_eq!(
            speaker("Reyes, meanwhile, said no.", "said", CueKind::Speech),
            named("Reyes")
        );
    }

    #[test]
    fn second_verb_shares_the_speaker_of_the_first() {
        let text = "Paul interjected, calling it a waste.";
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let words = SpeakerWords::builtin();
        let at = |w: &str| text.find(w).unwrap();
        let cues = [
            Cue {
                span: Span::new(at("interjected"), at("interjected") + 11),
                kind: CueKind::Speech,
            },
            Cue {
                span: Span::new(at("calling"), at("calling") + 7),
                kind: CueKind::Characterizing,
            },
        ];
        let f = SpeakerFinder {
            text,
            seg: &seg,
            words: &words,
            quoted: &[],
            cues: &cues,
        };
        let s = f.for_cue(&cues[1], seg.sentences[0].tokens.clone()).unwrap();
        assert_eq!(s.span.slice(text), "Paul");
    }

    #[test]
    fn inverted_and_according_to() {
        assert_eq!(
            speaker("“No,” said Anna Kowalski, the mayor.", "said", CueKind::Speech),
            named("Anna Kowalski")
        );
        assert_eq!(
            speaker(
                "It was late, according to a statement from the board.",
                "according to",
                CueKind::According
            ),
            phrase("a statement from the board")
        );
        assert_eq!(
            speaker(
                "It was late, according to Reyes on Monday.",
                "according to",
                CueKind::According
            ),
            named("Reyes")
        );
        // The object of `told` is the listener, never the speaker.
        assert_eq!(speaker("“No,” told reporters.", "told", CueKind::Speech), None);
    }

    #[test]
    fn nothing_before_a_verb_at_the_very_start() {
        assert_eq!(speaker(",  said", "said", CueKind::Speech), None);
    }

    #[test]
    fn pronouns() {
        assert_eq!(
            speaker("“No,” he said.", "said", CueKind::Speech),
            Some(("he".into(), SpeakerKind::Pronoun))
        );
        assert_eq!(
            speaker("“No,” it said in a statement.", "said", CueKind::Speech),
            Some(("it".into(), SpeakerKind::Pronoun))
        );
    }
}
