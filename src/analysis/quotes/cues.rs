//! Attribution cues: the speech verbs and phrases of a draft that lie outside quoted
//! material, found in one pass per paragraph.

use crate::analysis::lexicon::PhraseMatch;
use crate::analysis::quotes::QuoteLexicon;
use crate::text::Span;
use crate::text::segment::{Segments, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A speech act (`said`, `told`, `wrote`): attributes a quotation in its sentence and
    /// introduces the quotation that follows its sentence.
    Speech,
    /// A verb that characterises speech (`called`, `praised`): attributes a quotation only
    /// in its own sentence.
    Characterizing,
    /// `according to`: the speaker follows the cue.
    According,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub kind: CueKind,
}

/// Every cue of the draft outside `quoted` (sorted, disjoint spans), in document order.
/// When the cue words of every paragraph have been found already (`found`, in document
/// order, as the editor's memo keeps them), those between quotations are the ones read;
/// otherwise only the words between quotations are scanned.
pub fn find(
    text: &str,
    seg: &Segments,
    lex: &QuoteLexicon,
    quoted: &[Span],
    found: Option<&[PhraseMatch]>,
) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut q = 0;
    match found {
        Some(found) => {
            for &m in found {
                while q < quoted.len() && quoted[q].end <= m.span.start {
                    q += 1;
                }
                let in_quote = quoted.get(q).is_some_and(|s| s.start < m.span.end);
                if !in_quote && in_one_paragraph(seg, m.span) {
                    consider(text, seg, lex, m, &mut cues);
                }
            }
        }
        None => {
            for para in &seg.paragraphs {
                let mut from = para.span.start;
                while from < para.span.end {
                    while q < quoted.len() && quoted[q].end <= from {
                        q += 1;
                    }
                    let to = quoted
                        .get(q)
                        .map_or(para.span.end, |s| s.start.clamp(from, para.span.end));
                    if to > from {
                        scan_gap(text, seg, lex, Span::new(from, to), &mut cues);
                    }
                    from = quoted.get(q).map_or(para.span.end, |s| s.end.max(to));
                }
            }
        }
    }
    cues
}

/// `span` lies inside one paragraph's words, as the gaps [`find`] scans do.
fn in_one_paragraph(seg: &Segments, span: Span) -> bool {
    seg.paragraph_at(span.start)
        .is_some_and(|p| span.end <= seg.paragraphs[p].span.end)
}

fn scan_gap(text: &str, seg: &Segments, lex: &QuoteLexicon, gap: Span, cues: &mut Vec<Cue>) {
    for m in lex.cue_words.find_in(text, gap) {
        consider(text, seg, lex, m, cues);
    }
}

/// Keep the cue word `m` when it is a whole token used as a verb of speech.
fn consider(text: &str, seg: &Segments, lex: &QuoteLexicon, m: PhraseMatch, cues: &mut Vec<Cue>) {
    // Whole tokens only: `called` in `so-called` is no verb.
    let i = seg.tokens.partition_point(|t| t.start() < m.span.start);
    let aligned = seg.tokens.get(i).is_some_and(|t| t.start() == m.span.start)
        && seg.tokens[i..]
            .iter()
            .take_while(|t| t.start() < m.span.end)
            .any(|t| t.end() == m.span.end);
    if !aligned || !is_verb_use(text, seg, lex, m.span) {
        return;
    }
    let words = m.span.slice(text);
    let kind = if words.eq_ignore_ascii_case("according to") {
        CueKind::According
    } else if lex.characterizing_verbs.contains(words) {
        CueKind::Characterizing
    } else {
        CueKind::Speech
    };
    cues.push(Cue { span: m.span, kind });
}

/// True when `offset` lies inside one of the sorted, disjoint `spans`.
pub fn inside(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= offset);
    spans.get(i).is_some_and(|s| s.start <= offset)
}

/// Whether a cue word is used as a verb of speech here. Not when it is:
/// - capitalised right after another word, as part of a name (`United States`, `Notes` in
///   a title); capitals are fine at the start of a sentence;
/// - a noun after an article or a possessive (`his remarks`, `Trump’s tweets`, `the claims`);
/// - an infinitive after `to` (`declined to say`, `refused to comment`): speech not made;
/// - `went on` before an infinitive (`went on to criticise`).
fn is_verb_use(text: &str, seg: &Segments, lex: &QuoteLexicon, span: Span) -> bool {
    let i = seg.tokens.partition_point(|t| t.start() < span.start);
    let cue = span.slice(text);
    if lex.words.not_before_to.iter().any(|w| w.eq_ignore_ascii_case(cue)) {
        let next = seg.tokens.partition_point(|t| t.start() < span.end);
        if seg
            .tokens
            .get(next)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("to"))
        {
            return false;
        }
    }
    let Some(prev) = i.checked_sub(1).map(|p| seg.tokens[p]) else {
        return true;
    };
    if !matches!(prev.kind, TokenKind::Word | TokenKind::Number) {
        return true;
    }
    let word = prev.text(text);
    let capitalised = cue.starts_with(|c: char| c.is_uppercase());
    let marks_noun = |w: &str| lex.words.noun_markers.contains(w) || is_possessive(w);
    // `a blunt reply`, `his latest tweets`: an article, an adjective, a noun. But a verb
    // when what follows is reported speech: `the ad claims “…”`, `the ad states that …`.
    let next = seg.tokens.partition_point(|t| t.start() < span.end);
    let reports = seg.tokens.get(next).is_some_and(|t| {
        t.punct(text).is_some_and(|c| matches!(c, ',' | ':' | '“' | '"' | '.'))
            || t.text(text).eq_ignore_ascii_case("that")
    });
    let noun_after_adjective = lex.words.noun_or_verb.contains(cue)
        && !reports
        && prev.kind == TokenKind::Word
        && i >= 2
        && seg.tokens[i - 2].kind == TokenKind::Word
        && marks_noun(seg.tokens[i - 2].text(text));
    !(capitalised || marks_noun(word) || noun_after_adjective || word.eq_ignore_ascii_case("to"))
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LexiconConfig;
    use crate::text::{DocKind, prose, segment};

    fn cues(text: &str, quoted: &[Span]) -> Vec<(String, CueKind)> {
        let p = prose::extract(text, DocKind::Text);
        let seg = segment::segment(&p);
        let lex = QuoteLexicon::new(&LexiconConfig::default());
        let scanned = find(text, &seg, &lex, quoted, None);
        // The same, from the cue words of the whole text found beforehand (as the editor's
        // per-paragraph cache hands them over).
        let all: Vec<PhraseMatch> = lex.cue_words.find_in(text, Span::new(0, text.len())).collect();
        assert_eq!(find(text, &seg, &lex, quoted, Some(&all)), scanned);
        scanned
            .into_iter()
            .map(|c| (c.span.slice(text).to_string(), c.kind))
            .collect()
    }

    #[test]
    fn speech_characterising_and_according_to() {
        let found = cues(
            "Smith said the plan, according to aides, was called a waste. Jones said in a statement it failed.",
            &[],
        );
        assert_eq!(
            found,
            vec![
                ("said".into(), CueKind::Speech),
                ("according to".into(), CueKind::According),
                ("called".into(), CueKind::Characterizing),
                ("said in a statement".into(), CueKind::Speech),
            ]
        );
    }

    #[test]
    fn cues_inside_quotes_and_in_names_are_skipped() {
        let text = "“They said no,” the United States Says Inc. reported.";
        let quote = Span::new(0, text.find(',').unwrap() + 4);
        assert_eq!(cues(text, &[quote]), vec![("reported".into(), CueKind::Speech)]);
        assert_eq!(
            cues("Says Smith: it is over.", &[]),
            vec![("Says".into(), CueKind::Speech)]
        );
    }

    #[test]
    fn nouns_and_infinitives_are_not_cues() {
        assert!(cues("His remarks and Smith’s tweets were the claims of a man.", &[]).is_empty());
        assert!(cues("It was a blunt reply to his latest tweets about it.", &[]).is_empty());
        assert_eq!(cues("The new ad claims that it works.", &[]).len(), 1);
        assert!(cues("She declined to say more.", &[]).is_empty());
        assert!(cues("He went on to criticise the plan.", &[]).is_empty());
        assert!(cues("The so-called plan and a well-said line.", &[]).is_empty());
        assert_eq!(cues("“No,” he went on.", &[]).len(), 1);
        assert_eq!(cues("She remarks that it tweets.", &[]).len(), 2);
    }

    #[test]
    fn inside_sorted_spans() {
        let spans = [Span::new(2, 5), Span::new(9, 12)];
        assert!(inside(&spans, 2) && inside(&spans, 11));
        assert!(!inside(&spans, 5) && !inside(&spans, 0) && !inside(&spans, 12));
    }
}
