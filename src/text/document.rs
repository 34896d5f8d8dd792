//! An open draft: a rope (cheap edits anywhere in long drafts) plus the editor's version.

use ropey::Rope;

use super::DocKind;
use super::position::{Encoding, Position};

#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    pub version: i32,
    pub kind: DocKind,
}

/// One edit as an editor sends it: a range (None = replace the whole text) and new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextChange {
    pub range: Option<(Position, Position)>,
    pub text: String,
}

impl Document {
    pub fn new(text: &str, version: i32, kind: DocKind) -> Self {
        Document {
            rope: Rope::from_str(text),
            version,
            kind,
        }
    }

    /// The whole text, as one string (analysis works on contiguous text). Built in one
    /// allocation of the right size: the rope's own `to_string` grows the string as it goes,
    /// which for a long draft is a dozen allocations and copies after every keystroke.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.rope.len_bytes());
        for chunk in self.rope.chunks() {
            text.push_str(chunk);
        }
        text
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    /// Apply edits in order, as LSP requires: each range refers to the text left by the
    /// previous edit. Out-of-range positions clamp; a reversed range is read start-first.
    pub fn apply_changes(&mut self, changes: &[TextChange], enc: Encoding) {
        for change in changes {
            self.apply(change, enc);
        }
    }

    pub fn apply(&mut self, change: &TextChange, enc: Encoding) {
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some((a, b)) => {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                let start = self.rope.byte_to_char(self.offset(a, enc));
                let end = self.rope.byte_to_char(self.offset(b, enc));
                if end > start {
                    self.rope.remove(start..end);
                }
                if !change.text.is_empty() {
                    self.rope.insert(start, &change.text);
                }
            }
        }
    }

    /// Byte offset of a position, clamped: a column past the line's end is the line's end,
    /// a line past the last is the end of the text, a column inside a character is that
    /// character's start.
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_bytes();
        }
        let start = self.rope.line_to_byte(line);
        let mut units = 0usize;
        let mut offset = start;
        for c in self.rope.line(line).chars() {
            if c == '\n' || c == '\r' {
                break;
            }
            let w = enc.width(c);
            if units + w > pos.column as usize {
                break;
            }
            units += w;
            offset += c.len_utf8();
        }
        offset
    }

    /// (line, column) of a byte offset, clamped to the text and snapped to a character start.
    pub fn position(&self, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(self.rope.len_bytes());
        let line = self.rope.byte_to_line(offset);
        let start = self.rope.line_to_byte(line);
        // Snap back to a character boundary.
        let char_idx = self.rope.byte_to_char(offset);
        offset = self.rope.char_to_byte(char_idx);
        let mut column = 0usize;
        let mut at = start;
        for c in self.rope.line(line).chars() {
            if at >= offset || c == '\n' || c == '\r' {
                break;
            }
            column += enc.width(c);
            at += c.len_utf8();
        }
        Position::new(line as u32, column as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::position::LineIndex;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextChange {
        TextChange {
            range: Some((Position::new(l0, c0), Position::new(l1, c1))),
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_apply_in_order() {
        let mut d = Document::new("hello world", 1, DocKind::Text);
        d.apply_changes(
            &[change(0, 6, 0, 11, "there"), change(0, 0, 0, 5, "Hi")],
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "Hi there");
    }

    #[test]
    fn utf16_columns_after_emoji_and_crlf() {
        let mut d = Document::new("a😀b\r\nsecond", 1, DocKind::Text);
        // After the emoji is UTF-16 column 3.
        d.apply(&change(0, 3, 0, 4, "B"), Encoding::Utf16);
        assert_eq!(d.text(), "a😀B\r\nsecond");
        d.apply(&change(1, 0, 1, 6, "2nd"), Encoding::Utf16);
        assert_eq!(d.text(), "a😀B\r\n2nd");
        d.apply(&change(0, 1, 0, 3, ""), Encoding::Utf16);
        assert_eq!(d.text(), "aB\r\n2nd");
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let mut d = Document::new("ab\ncd", 1, DocKind::Text);
        d.apply(&change(0, 50, 0, 99, "!"), Encoding::Utf16);
        assert_eq!(d.text(), "ab!\ncd");
        d.apply(&change(9, 0, 9, 5, "?"), Encoding::Utf8);
        assert_eq!(d.text(), "ab!\ncd?");
    }

    #[test]
    fn full_replacement() {
        let mut d = Document::new("old", 1, DocKind::Text);
        d.apply(
            &TextChange {
                range: None,
                text: "new".into(),
            },
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "new");
    }

    #[test]
    fn rope_positions_agree_with_line_index() {
        let text = "é😀x\r\nline\rlast\n\n🇺🇦 end";
        let d = Document::new(text, 0, DocKind::Text);
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Scalar] {
            for off in 0..=text.len() {
                assert_eq!(d.position(off, enc), idx.position(text, off, enc), "{enc:?} {off}");
                let p = idx.position(text, off, enc);
                assert_eq!(d.offset(p, enc), idx.offset(text, p, enc));
            }
            for line in 0..7 {
                for col in 0..12 {
                    let p = Position::new(line, col);
                    assert_eq!(d.offset(p, enc), idx.offset(text, p, enc), "{enc:?} {p:?}");
                }
            }
        }
    }
}
