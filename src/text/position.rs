//! Byte offsets ↔ (line, column), the only place where lines and columns exist.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` (as in LSP); nothing else breaks a line.
//! Columns are counted in one of three units: UTF-8 bytes, UTF-16 code units (LSP's
//! default; astral characters such as emoji count two) or Unicode scalar values (what the
//! CLI reports). A column past the end of a line clamps to the line's end; a line past
//! the end of the text clamps to the end of the text.

/// The unit columns are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Unicode scalar values (`char`s).
    Scalar,
}

impl Encoding {
    /// Width of `c` in this unit.
    pub fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Scalar => 1,
        }
    }
}

/// A 0-based line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const fn new(line: u32, column: u32) -> Self {
        Position { line, column }
    }
}

/// Where each line starts, for one text. Build once per text, then convert many offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line; always starts with 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // Line breaks are found with a vectorised search rather than byte by byte: the
        // language server indexes a long draft's lines after every keystroke.
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' && at > 0 && bytes[at - 1] == b'\r' {
                // The line feed of a CRLF, counted with its carriage return.
                continue;
            }
            let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
            starts.push(at + 1 + usize::from(crlf));
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines; a text ending in a line break has an empty last line.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where `line` starts (the end of the text for lines past the end).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte offset where `line`'s content ends, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next.min(text.len());
        if end > self.line_start(line) && end <= bytes.len() && end > 0 && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > self.line_start(line) && end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }

    /// (line, column) of byte `offset`. An offset inside a character counts from the start
    /// of that character; an offset past the end is the end of the text.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        let upto = offset.min(end).max(start);
        Position::new(line as u32, units(&text[start..upto], enc) as u32)
    }

    /// Byte offset of (line, column). Columns past the end of the line clamp to its end;
    /// a column inside a character (half of a surrogate pair, a byte inside a UTF-8
    /// sequence) snaps to the start of that character.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        column_to_offset(&text[start..end], pos.column as usize, enc) + start
    }
}

/// The length of `s` in `enc`'s units. Counted from the bytes, not by decoding characters:
/// the language server converts every finding's place after each keystroke, and a paragraph
/// of a draft is one line of a thousand characters or more. Every byte that is not a UTF-8
/// continuation byte starts a character, and a character of four bytes (outside the Basic
/// Multilingual Plane) is two UTF-16 units.
fn units(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        // Counted in bytes per run of 127 (each byte adds at most 2), which the compiler
        // turns into sixteen bytes at a time.
        Encoding::Utf16 => s
            .as_bytes()
            .chunks(127)
            .map(|run| {
                let n: u8 = run
                    .iter()
                    .fold(0, |n, &b| n + u8::from((b as i8) >= -0x40) + u8::from(b >= 0xF0));
                usize::from(n)
            })
            .sum(),
        Encoding::Scalar => s.chars().count(),
    }
}

/// Byte offset within `line` (no line break in it) of `column` units, clamped to the line.
pub fn column_to_offset(line: &str, column: usize, enc: Encoding) -> usize {
    let mut units = 0;
    for (i, c) in line.char_indices() {
        let w = enc.width(c);
        if units + w > column {
            return i;
        }
        units += w;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, enc: Encoding) {
        let idx = LineIndex::new(text);
        for (off, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let p = idx.position(text, off, enc);
            let back = idx.offset(text, p, enc);
            // Offsets on a line break map to the end of the line's content.
            let line = p.line as usize;
            if off <= idx.line_end(text, line) {
                assert_eq!(back, off, "{enc:?} offset {off} -> {p:?} in {text:?}");
            }
        }
    }

    #[test]
    fn line_breaks_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(text, 2, Encoding::Utf8), Position::new(1, 0));
        assert_eq!(idx.position(text, 5, Encoding::Utf8), Position::new(2, 0));
        assert_eq!(idx.position(text, 7, Encoding::Utf8), Position::new(3, 0));
        assert_eq!(idx.line_end(text, 1), 3);
        assert_eq!(idx.line_end(text, 2), 6);
        // U+2028 is not a line break for LSP.
        let idx = LineIndex::new("a\u{2028}b");
        assert_eq!(idx.line_count(), 1);
    }

    /// Every text of up to seven characters made of `a`, CR and LF: the lines are where
    /// a byte-by-byte reading of the LSP's rule (LF, CRLF or a lone CR ends a line) says.
    #[test]
    fn line_starts_match_a_byte_by_byte_reading_for_every_short_mix_of_breaks() {
        fn reference(bytes: &[u8]) -> Vec<usize> {
            let mut starts = vec![0];
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if matches!(bytes[i], b'\n' | b'\r') {
                    starts.push(i + 1);
                }
                i += 1;
            }
            starts
        }
        for len in 0..=7u32 {
            for n in 0..3usize.pow(len) {
                let text: String = (0..len).map(|k| ['a', '\r', '\n'][n / 3usize.pow(k) % 3]).collect();
                let idx = LineIndex::new(&text);
                let starts: Vec<usize> = (0..idx.line_count()).map(|l| idx.line_start(l)).collect();
                assert_eq!(starts, reference(text.as_bytes()), "{text:?}");
            }
        }
    }

    #[test]
    fn trailing_newline_makes_an_empty_last_line() {
        let text = "one\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.position(text, 4, Encoding::Utf16), Position::new(1, 0));
        assert_eq!(idx.offset(text, Position::new(1, 0), Encoding::Utf16), 4);
    }

    /// The units counted from bytes equal those counted by decoding, for characters of
    /// every length and at the edges between lengths (U+007F/U+0080, U+07FF/U+0800,
    /// U+FFFF/U+10000, the last scalar).
    #[test]
    fn units_counted_from_bytes_equal_units_counted_by_decoding() {
        let chars = [
            'a',
            '\u{7f}',
            '\u{80}',
            'é',
            '\u{7ff}',
            '\u{800}',
            '“',
            '中',
            '\u{ffff}',
            '\u{10000}',
            '😀',
            '\u{10ffff}',
        ];
        for a in chars {
            for b in chars {
                let s: String = [a, b, 'x', a].iter().collect();
                for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Scalar] {
                    let decoded: usize = s.chars().map(|c| enc.width(c)).sum();
                    assert_eq!(units(&s, enc), decoded, "{enc:?} {s:?}");
                }
            }
        }
    }

    #[test]
    fn columns_in_each_unit() {
        // é is 2 bytes / 1 UTF-16 unit; 😀 is 4 bytes / 2 UTF-16 units; both one scalar.
        let text = "é😀x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x, Encoding::Utf8).column, 6);
        assert_eq!(idx.position(text, x, Encoding::Utf16).column, 3);
        assert_eq!(idx.position(text, x, Encoding::Scalar).column, 2);
        assert_eq!(idx.offset(text, Position::new(0, 3), Encoding::Utf16), x);
        assert_eq!(idx.offset(text, Position::new(0, 2), Encoding::Scalar), x);
    }

    #[test]
    fn inside_a_surrogate_pair_snaps_to_the_character_start() {
        let text = "a😀b";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, Position::new(0, 2), Encoding::Utf16), 1);
        assert_eq!(idx.position(text, 3, Encoding::Utf16), Position::new(0, 1));
    }

    #[test]
    fn past_the_end_clamps() {
        let text = "ab\r\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(idx.offset(text, Position::new(1, 99), Encoding::Utf8), 6);
        assert_eq!(idx.offset(text, Position::new(7, 0), Encoding::Utf8), 6);
        assert_eq!(idx.position(text, 99, Encoding::Scalar), Position::new(1, 2));
    }

    #[test]
    fn roundtrips_in_all_encodings() {
        for text in [
            "",
            "plain",
            "a\nb\r\nc\rd\n",
            "é😀x\r\n\u{202e}עברית\n🇺🇦 flag",
            "\r\r\n\n",
        ] {
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Scalar] {
                roundtrip(text, enc);
            }
        }
    }
}
