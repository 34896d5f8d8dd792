//! Paragraphs, sentences and tokens, as byte spans into the document.
//!
//! Segmentation reads the masked prose (see [`super::prose`]), so Markdown syntax never
//! becomes a token. All three levels live in flat vectors; a paragraph points at its range
//! of sentences and a sentence at its range of tokens, so walking them allocates nothing.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::Span;
use super::prose::{Block, BlockKind, Prose};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal apostrophes, hyphens, or the dots of an
    /// acronym: `Putin's`, `Al-Sudani`, `COVID-19`, `U.S.`, `a.m.`.
    Word,
    /// Starts with a digit: `3.5`, `10:30`, `1,000`, `1980s`, `5bn`.
    Number,
    /// Any other single character: punctuation, quotation marks, dashes, symbols.
    Punct,
}

/// A token: its bytes as 32-bit offsets, so that a token takes 12 bytes instead of 24. The
/// analysis walks a draft's tokens again and again; a long draft's are megabytes, and half
/// the bytes is half the memory traffic (and half the memory the editor's memo keeps).
/// Text past 4 GiB is not tokenized (see [`tokenize`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// `None` when the span reaches past 4 GiB.
    pub fn new(span: Span, kind: TokenKind) -> Option<Token> {
        Some(Token {
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
            kind,
        })
    }

    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn text(self, src: &str) -> &str {
        self.span().slice(src)
    }

    /// True for a word whose first character is an upper-case letter.
    pub fn is_capitalized(self, src: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        // Most words start with an ASCII letter: no slicing, no decoding.
        match src.as_bytes().get(self.start()) {
            Some(&b) if b.is_ascii() && self.start() < self.end() && self.end() <= src.len() => b.is_ascii_uppercase(),
            _ => self.text(src).chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// For a single-character punctuation token, that character.
    pub fn punct(self, src: &str) -> Option<char> {
        if self.kind != TokenKind::Punct {
            return None;
        }
        self.text(src).chars().next()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segments::paragraphs`].
    pub paragraph: usize,
    /// Range into [`Segments::tokens`].
    pub tokens: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
    /// Markdown block-quote depth (0 outside `>` quotes).
    pub quote_depth: u8,
    /// Range into [`Segments::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Segments {
    /// Release spare capacity, for segments kept for long.
    pub fn shrink_to_fit(&mut self) {
        self.paragraphs.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.tokens.shrink_to_fit();
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    pub fn paragraph_sentences(&self, paragraph: &Paragraph) -> &[Sentence] {
        &self.sentences[paragraph.sentences.clone()]
    }

    /// The index of the sentence that contains `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The index of the paragraph that contains `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }
}

/// Split the prose into paragraphs, sentences and tokens.
pub fn segment(prose: &Prose<'_>) -> Segments {
    let text: &str = &prose.masked;
    let blocks = &prose.blocks;
    let pieces = (text.len() / PIECE_BYTES)
        .min(rayon::current_num_threads())
        .min(blocks.len());
    if pieces < 2 {
        return segment_blocks(text, blocks);
    }
    // A long draft: a run of blocks per core. Blocks are segmented independently of one
    // another, so the pieces only need their indices shifted when they are put together.
    let per_piece = text.len().div_ceil(pieces);
    let mut bounds = vec![0];
    for k in 1..pieces {
        let at = blocks.partition_point(|b| b.span.start < k * per_piece);
        if at > *bounds.last().unwrap_or(&0) && at < blocks.len() {
            bounds.push(at);
        }
    }
    bounds.push(blocks.len());
    let parts: Vec<Segments> = bounds
        .windows(2)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|w| segment_blocks(text, &blocks[w[0]..w[1]]))
        .collect();
    Segments::concat(parts.iter().map(|p| (p, 0)))
}

impl Segments {
    /// The segments of consecutive pieces of a text put together: each piece's segments
    /// (found in it alone) with the offset it starts at. How the pieces of a long draft, or
    /// its paragraphs one by one, become the whole.
    pub fn concat<'a>(parts: impl Iterator<Item = (&'a Segments, usize)> + Clone) -> Segments {
        let mut seg = Segments {
            paragraphs: Vec::with_capacity(parts.clone().map(|(p, _)| p.paragraphs.len()).sum()),
            sentences: Vec::with_capacity(parts.clone().map(|(p, _)| p.sentences.len()).sum()),
            tokens: Vec::with_capacity(parts.clone().map(|(p, _)| p.tokens.len()).sum()),
        };
        for (part, shift) in parts {
            seg.append(part, shift);
        }
        seg
    }

    /// Put `part` (the segments of the text that follows) after these, its byte offsets moved
    /// on by `shift`.
    fn append(&mut self, part: &Segments, shift: usize) {
        let (paragraphs, sentences, tokens) = (self.paragraphs.len(), self.sentences.len(), self.tokens.len());
        if shift == 0 {
            self.tokens.extend_from_slice(&part.tokens);
        } else {
            // Offsets stay under 4 GiB: pieces are put together only for texts shorter than
            // that (the editor's memo analyses a longer one whole).
            let by = shift as u32;
            self.tokens.extend(part.tokens.iter().map(|t| Token {
                start: t.start + by,
                end: t.end + by,
                kind: t.kind,
            }));
        }
        self.sentences.extend(part.sentences.iter().map(|s| Sentence {
            span: s.span.shifted(shift),
            paragraph: s.paragraph + paragraphs,
            tokens: s.tokens.start + tokens..s.tokens.end + tokens,
        }));
        self.paragraphs.extend(part.paragraphs.iter().map(|p| Paragraph {
            span: p.span.shifted(shift),
            sentences: p.sentences.start + sentences..p.sentences.end + sentences,
            ..*p
        }));
    }
}

/// Segment one block of prose on its own, as the text `block` with offsets from its start:
/// what [`segment`] finds inside that block, moved back by its start. Blocks are segmented
/// independently of one another, so this is the unit a per-paragraph cache keeps.
pub fn segment_block(block: &str, kind: BlockKind, quote_depth: u8) -> Segments {
    segment_blocks(
        block,
        &[Block {
            span: Span::new(0, block.len()),
            kind,
            quote_depth,
        }],
    )
}

/// Below this many bytes a draft is segmented on one core: splitting it would cost more
/// than it saves.
const PIECE_BYTES: usize = 32 * 1024;

fn segment_blocks(text: &str, blocks: &[Block]) -> Segments {
    let mut seg = Segments {
        paragraphs: Vec::with_capacity(blocks.len()),
        sentences: Vec::new(),
        tokens: Vec::with_capacity(blocks.iter().map(|b| b.span.len()).sum::<usize>() / 5),
    };
    for block in blocks {
        let first_token = seg.tokens.len();
        tokenize(text, block.span, &mut seg.tokens);
        if seg.tokens.len() == first_token {
            continue;
        }
        let paragraph = seg.paragraphs.len();
        let first_sentence = seg.sentences.len();
        split_sentences(
            text,
            first_token..seg.tokens.len(),
            paragraph,
            &seg.tokens,
            &mut seg.sentences,
        );
        let tokens = &seg.tokens;
        seg.paragraphs.push(Paragraph {
            span: Span::new(tokens[first_token].start(), tokens[tokens.len() - 1].end()),
            kind: block.kind,
            quote_depth: block.quote_depth,
            sentences: first_sentence..seg.sentences.len(),
        });
    }
    seg
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// The character at byte `i` of `s` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_word_char(c: char) -> bool {
    // Letters and digits, and the combining acute accent of decomposed names (é as e + ́).
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || c == '\u{301}'
    }
}

#[inline]
fn alnum_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(|(c, _)| c.is_alphanumeric())
}

/// Append the tokens of `text[span]` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let base = span.start;
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
            i += 1;
            continue;
        }
        let Some((c, len)) = char_at(s, i) else { break };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let (end, kind) = if c.is_alphabetic() {
            (word_end(s, i, len), TokenKind::Word)
        } else if c.is_numeric() {
            (number_end(s, i, len), TokenKind::Number)
        } else {
            (i + len, TokenKind::Punct)
        };
        // A token past 4 GiB has no 32-bit offsets: the text from there on is not
        // tokenized, and so not analysed.
        let Some(token) = Token::new(Span::new(base + start, base + end), kind) else {
            break;
        };
        out.push(token);
        i = end;
    }
}

/// Which bytes are ASCII letters and digits: one load in the loop over a word's bytes, where
/// the two range tests cost several instructions a byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// End of the word starting at `i` (whose first letter is `len` bytes long).
fn word_end(s: &str, i: usize, len: usize) -> usize {
    // Acronyms with dots: U.S., a.m., e.g. — a letter, a dot, a letter, a dot…
    if s.as_bytes().get(i + len) == Some(&b'.') && is_dotted_acronym(&s[i..]) {
        return i + dotted_acronym_len(&s[i..]);
    }
    let bytes = s.as_bytes();
    let mut end = i + len;
    loop {
        // The common case, plain ASCII letters and digits, without decoding.
        while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
            end += 1;
        }
        let Some((d, dl)) = char_at(s, end) else { break };
        // Letters, digits, and joiners (apostrophe, hyphen) between letters: Putin's, Al-Sudani.
        if is_word_char(d) || (is_joiner(d) && alnum_at(s, end + dl)) {
            end += dl;
        } else {
            break;
        }
    }
    end
}

/// End of the number starting at `i`: 3.5, 10:30, 1,000, 1980s, 5bn, 2-1.
fn number_end(s: &str, i: usize, len: usize) -> usize {
    let mut end = i + len;
    let mut only_digits = true;
    while let Some((d, dl)) = char_at(s, end) {
        let next_is_digit = s.as_bytes().get(end + dl).is_some_and(u8::is_ascii_digit);
        if d.is_alphanumeric() {
            only_digits &= d.is_ascii_digit();
        } else if matches!(d, '.' | ',' | ':') && next_is_digit {
            // Decimal points, thousands separators and times stay inside the number.
        } else if d == '-' && next_is_digit && only_digits {
            // Scores and ranges stay whole only when purely numeric on the left: "2-1".
        } else {
            break;
        }
        end += dl;
    }
    end
}

/// `s` starts with letter '.' letter '.' (U.S., a.m.) or letter '.' letter (U.S without the last dot).
fn is_dotted_acronym(s: &str) -> bool {
    let mut it = s.chars();
    let (Some(a), Some('.'), Some(b)) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    a.is_alphabetic() && b.is_alphabetic() && !it.next().is_some_and(char::is_alphabetic)
}

fn dotted_acronym_len(s: &str) -> usize {
    let mut len = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphabetic() {
            break;
        }
        match it.next() {
            Some((j, '.')) => {
                len = j + 1;
                // Stop after the dot unless another letter-dot pair follows immediately.
                if !it.peek().is_some_and(|&(_, n)| n.is_alphabetic()) {
                    break;
                }
            }
            _ => {
                // A final letter without a dot (U.S) still belongs to the acronym.
                len = i + c.len_utf8();
                break;
            }
        }
    }
    len
}

fn word_list(src: &'static str) -> HashSet<&'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn title_abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("data/title_abbreviations.txt")))
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("data/abbreviations.txt")))
}

fn sentence_starters() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("data/sentence_starters.txt")))
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
}

fn opens_sentence(tok: Token, text: &str) -> bool {
    let Some(c) = tok.text(text).chars().next() else {
        return false;
    };
    match tok.kind {
        TokenKind::Word => c.is_uppercase(),
        TokenKind::Number => true,
        TokenKind::Punct => matches!(
            c,
            '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–' | '-' | '*' | '•'
        ),
    }
}

/// Split `tokens[range]` (one paragraph) into sentences.
fn split_sentences(text: &str, range: Range<usize>, paragraph: usize, tokens: &[Token], out: &mut Vec<Sentence>) {
    let end = range.end;
    let mut start = range.start;
    let mut i = range.start;
    while i < end {
        let tok = tokens[i];
        let ends_with_dot_word = tok.kind == TokenKind::Word && tok.text(text).ends_with('.');
        let terminal = tok.punct(text).is_some_and(is_terminal) || ends_with_dot_word;
        if !terminal {
            i += 1;
            continue;
        }
        // Take in further terminal marks and closing quotes/brackets that touch it: `?!`, `.”`, `.)`.
        let mut j = i + 1;
        while j < end
            && tokens[j].start() == tokens[j - 1].end()
            && tokens[j].punct(text).is_some_and(|c| is_terminal(c) || is_closing(c))
        {
            j += 1;
        }
        if j < end && is_boundary(text, tokens, i, j) {
            out.push(Sentence {
                span: Span::new(tokens[start].start(), tokens[j - 1].end()),
                paragraph,
                tokens: start..j,
            });
            start = j;
        }
        i = j;
    }
    if start < end {
        out.push(Sentence {
            span: Span::new(tokens[start].start(), tokens[end - 1].end()),
            paragraph,
            tokens: start..end,
        });
    }
}

/// Whether a sentence ends before `tokens[next]`, given the terminal mark at `tokens[mark]`.
fn is_boundary(text: &str, tokens: &[Token], mark: usize, next: usize) -> bool {
    let following = tokens[next];
    // "U.S.A" or "3.5" never reach here; a mark glued to the next token is no boundary.
    if following.start() == tokens[next - 1].end() {
        return false;
    }
    if !opens_sentence(following, text) {
        return false;
    }
    let tok = tokens[mark];
    let starter = || following.kind == TokenKind::Word && sentence_starters().contains(following.text(text));
    // An acronym with dots (U.S., a.m.) ends a sentence only before a sentence opener.
    if tok.kind == TokenKind::Word {
        return starter();
    }
    if tok.punct(text) != Some('.') || mark == 0 {
        return true;
    }
    let before = tokens[mark - 1];
    if before.end() != tok.start() || before.kind != TokenKind::Word {
        return true;
    }
    let word = before.text(text);
    if title_abbreviations().contains(word) {
        return false;
    }
    // An initial: "J. K. Rowling", "George W. Bush". A capital letter can also end a
    // sentence ("backed Plan B. The rest…"), which shows when a common sentence opener
    // follows, unless that opener is itself an initial ("A. A. Milne").
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
    {
        return starter() && !is_initial(text, tokens, next);
    }
    if abbreviations().contains(word) {
        return starter();
    }
    true
}

/// `tokens[i]` is a single capital letter with a full stop glued to it.
fn is_initial(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = tokens[i];
    let mut cs = tok.text(text).chars();
    let single_capital = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        && tokens
            .get(i + 1)
            .is_some_and(|d| d.start() == tok.end() && d.punct(text) == Some('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocKind, prose};

    #[test]
    fn a_token_takes_twelve_bytes_and_gives_back_its_span() {
        // Half the 24 bytes a token took with word-sized offsets: a long draft's tokens are
        // megabytes, read by every step of the analysis.
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let t = Token::new(Span::new(7, 11), TokenKind::Word).expect("offsets under 4 GiB");
        assert_eq!((t.span(), t.start(), t.end()), (Span::new(7, 11), 7, 11));
        assert_eq!(t.text("Peskov said so."), "said");
        let last = u32::MAX as usize;
        assert!(Token::new(Span::new(last - 1, last), TokenKind::Punct).is_some());
        assert_eq!(Token::new(Span::new(last, last + 1), TokenKind::Punct), None);
    }

    #[test]
    fn a_long_draft_split_across_cores_segments_as_in_one_piece() {
        // Paragraphs of different shapes (a heading, a list, a block quote, code) repeated
        // past several pieces' worth of bytes, so the pieces meet at many kinds of block.
        let unit = "# Council votes\n\nMr. J. K. Smith said the U.S. plan costs $3.5bn. \"We will win,\" he said.\n\n\
                    - Dr. Jones left at 10.30 a.m. on Jan. 5.\n- Then the vote.\n\n> Quoted, and quoted again.\n\n\
                    ```\ncode here\n```\n\nThe end? Yes!\n\n";
        let src = unit.repeat(3 * PIECE_BYTES / unit.len() + 2);
        let p = prose::extract(&src, DocKind::Markdown);
        let whole = segment_blocks(&p.masked, &p.blocks);
        assert!(whole.paragraphs.len() > 100);
        assert_eq!(segment(&p), whole);
    }

    fn sentences(src: &str) -> Vec<String> {
        let p = prose::extract(src, DocKind::Text);
        let seg = segment(&p);
        seg.sentences.iter().map(|s| s.span.slice(src).to_string()).collect()
    }

    fn words(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(src, Span::new(0, src.len()), &mut out);
        out.iter().map(|t| t.text(src).to_string()).collect()
    }

    #[test]
    fn tokens_keep_names_acronyms_and_numbers_whole() {
        assert_eq!(
            words("Al-Sudani's U.S. visit cost $3.5m at 10:30 a.m. in 2023."),
            vec![
                "Al-Sudani's",
                "U.S.",
                "visit",
                "cost",
                "$",
                "3.5m",
                "at",
                "10:30",
                "a.m.",
                "in",
                "2023",
                "."
            ]
        );
        assert_eq!(
            words("“Yes,” he said—then left."),
            vec!["“", "Yes", ",", "”", "he", "said", "—", "then", "left", "."]
        );
        assert_eq!(
            words("rock ’n’ roll in the ’90s"),
            vec!["rock", "’", "n", "’", "roll", "in", "the", "’", "90s"]
        );
        assert_eq!(words("Erdoğan met O’Brien"), vec!["Erdoğan", "met", "O’Brien"]);
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Sen. Jones and Gen. Lee at St. Paul's. They talked."),
            vec!["Mr. Smith met Sen. Jones and Gen. Lee at St. Paul's.", "They talked."]
        );
        assert_eq!(
            sentences("J. K. Rowling wrote it. George W. Bush read it."),
            vec!["J. K. Rowling wrote it.", "George W. Bush read it."]
        );
        assert_eq!(
            sentences("It happened on Jan. 5 at No. 10 Downing Street. Nobody saw."),
            vec!["It happened on Jan. 5 at No. 10 Downing Street.", "Nobody saw."]
        );
    }

    #[test]
    fn acronyms_end_sentences_only_before_an_opener() {
        assert_eq!(
            sentences("The U.S. Army left the U.S. He stayed."),
            vec!["The U.S. Army left the U.S.", "He stayed."]
        );
        assert_eq!(
            sentences("The meeting began at 9 a.m. Officials arrived late at 10 a.m. The talks began."),
            vec![
                "The meeting began at 9 a.m. Officials arrived late at 10 a.m.",
                "The talks began."
            ]
        );
        assert_eq!(
            sentences("Shares of Acme Inc. The company fell."),
            vec!["Shares of Acme Inc.", "The company fell."]
        );
    }

    #[test]
    fn decimals_times_and_closing_quotes() {
        assert_eq!(
            sentences("Growth was 3.5 percent by 10.30 on Monday. “We will win.” He smiled."),
            vec![
                "Growth was 3.5 percent by 10.30 on Monday.",
                "“We will win.”",
                "He smiled."
            ]
        );
        assert_eq!(
            sentences("“Where is he?” she asked. Nobody knew!"),
            vec!["“Where is he?” she asked.", "Nobody knew!"]
        );
        assert_eq!(
            sentences("He said it was \"over.\" Then he left (quickly.) Fine."),
            vec!["He said it was \"over.\"", "Then he left (quickly.)", "Fine."]
        );
    }

    #[test]
    fn paragraphs_from_blocks_with_sentence_ranges() {
        let src = "One. Two.\n\nThree.";
        let p = prose::extract(src, DocKind::Text);
        let seg = segment(&p);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.paragraphs[0].sentences, 0..2);
        assert_eq!(seg.paragraphs[1].sentences, 2..3);
        assert_eq!(seg.sentences[2].paragraph, 1);
        assert_eq!(seg.sentence_at(src.find("Two").unwrap()), Some(1));
        assert_eq!(seg.paragraph_at(src.find("Three").unwrap()), Some(1));
        assert_eq!(seg.sentence_at(4), None);
    }
}

/// Sentences from the kind of copy a news desk handles, written for these tests.
#[cfg(test)]
mod newsroom_sentences {
    use super::*;
    use crate::text::{DocKind, prose};

    fn sentences(src: &str, kind: DocKind) -> Vec<String> {
        let p = prose::extract(src, kind);
        let seg = segment(&p);
        seg.sentences.iter().map(|s| s.span.slice(src).to_string()).collect()
    }

    fn check(src: &str, want: &[&str]) {
        assert_eq!(sentences(src, DocKind::Text), want, "in {src:?}");
    }

    #[test]
    fn titles_times_and_money() {
        check(
            "Dr. Amara Okafor landed at 3 p.m. on Monday. She earned $3.5 million in 2023.",
            &[
                "Dr. Amara Okafor landed at 3 p.m. on Monday.",
                "She earned $3.5 million in 2023.",
            ],
        );
        check(
            "Gov. Ruth Abiodun and Lt. Gov. Sam Tran spoke first. Rep. Lee followed.",
            &[
                "Gov. Ruth Abiodun and Lt. Gov. Sam Tran spoke first.",
                "Rep. Lee followed.",
            ],
        );
        check(
            "Mrs. Holt met Mr. Varga in Vienna on Dec. 4. They talked for an hour.",
            &[
                "Mrs. Holt met Mr. Varga in Vienna on Dec. 4.",
                "They talked for an hour.",
            ],
        );
    }

    #[test]
    fn acronyms_mid_and_end_of_sentence() {
        check(
            "The U.N. Security Council met at 9 a.m. It voted 13-2. The U.S.-led draft failed.",
            &[
                "The U.N. Security Council met at 9 a.m.",
                "It voted 13-2.",
                "The U.S.-led draft failed.",
            ],
        );
        check(
            "The song was No. 1 in the U.K. charts for a week.",
            &["The song was No. 1 in the U.K. charts for a week."],
        );
    }

    #[test]
    fn quotations_and_their_attribution() {
        check(
            "He said: “It’s over.” Then he left the room.",
            &["He said: “It’s over.”", "Then he left the room."],
        );
        check(
            "“Is it over?” asked Holt. “No!” he shouted.",
            &["“Is it over?” asked Holt.", "“No!” he shouted."],
        );
        check(
            "“We will win.” “We will not lose.” The crowd cheered.",
            &["“We will win.”", "“We will not lose.”", "The crowd cheered."],
        );
        check(
            "He asked, “Why now?” and walked out.",
            &["He asked, “Why now?” and walked out."],
        );
    }

    #[test]
    fn figures_brackets_and_ellipses() {
        check(
            "Unemployment was 7.4%. It fell to 6.9% (the lowest since 2008.) Officials were pleased.",
            &[
                "Unemployment was 7.4%.",
                "It fell to 6.9% (the lowest since 2008.)",
                "Officials were pleased.",
            ],
        );
        check(
            "It rose. 2023 was worse. The bill came to 5bn euros (£4.3bn).",
            &["It rose.", "2023 was worse.", "The bill came to 5bn euros (£4.3bn)."],
        );
        check(
            "What?! No way… The vote stands.",
            &["What?!", "No way…", "The vote stands."],
        );
    }

    #[test]
    fn initials_and_single_letters() {
        check(
            "A. A. Milne and J. R. R. Tolkien met C. S. Lewis. They argued.",
            &["A. A. Milne and J. R. R. Tolkien met C. S. Lewis.", "They argued."],
        );
        // A capital letter that ends a sentence: "Plan B." is not an initial.
        check(
            "Ministers backed Plan B. The rest abstained.",
            &["Ministers backed Plan B.", "The rest abstained."],
        );
    }

    #[test]
    fn street_and_saint() {
        check(
            "She lives on Baker St. The house is old. He prays at St. Mary's.",
            &["She lives on Baker St.", "The house is old.", "He prays at St. Mary's."],
        );
    }

    #[test]
    fn markdown_syntax_does_not_split_or_join_sentences() {
        let src = "**Breaking.** The *U.S.* envoy [arrived](https://example.org/a.b) at 10 a.m. She left.\n";
        assert_eq!(
            sentences(src, DocKind::Markdown),
            [
                "Breaking.",
                "The *U.S.* envoy [arrived](https://example.org/a.b) at 10 a.m.",
                "She left."
            ]
        );
    }

    #[test]
    fn words_have_byte_spans_into_the_source() {
        let src = "Erdoğan’s aide, Ömer Çelik, spoke.";
        let p = prose::extract(src, DocKind::Text);
        let seg = segment(&p);
        let words: Vec<&str> = seg
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(src))
            .collect();
        assert_eq!(words, ["Erdoğan’s", "aide", "Ömer", "Çelik", "spoke"]);
    }
}
