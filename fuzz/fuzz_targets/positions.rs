//! Position conversion: random text, random (line, column) in every encoding. The rope
//! document and the line index must agree, and offset → position → offset must come back
//! to the same place (or the end of that line's content, for offsets on a line break).
#![no_main]

use arbitrary::Arbitrary;
use copydesk::DocKind;
use copydesk::text::document::Document;
use copydesk::text::position::{Encoding, LineIndex, Position};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    probes: Vec<(u16, u16, u16)>,
}

fuzz_target!(|input: Input| {
    let text = &input.text;
    let idx = LineIndex::new(text);
    let doc = Document::new(text, 0, DocKind::Text);
    for &(line, column, offset) in input.probes.iter().take(64) {
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Scalar] {
            let pos = Position::new(u32::from(line % 64), u32::from(column));
            let a = idx.offset(text, pos, enc);
            assert_eq!(a, doc.offset(pos, enc));
            assert!(a <= text.len() && text.is_char_boundary(a));

            let mut off = usize::from(offset).min(text.len());
            while !text.is_char_boundary(off) {
                off -= 1;
            }
            let p = idx.position(text, off, enc);
            assert_eq!(p, doc.position(off, enc));
            let back = idx.offset(text, p, enc);
            assert!(back <= off);
            assert!(text[back..off].chars().all(|c| c == '\n' || c == '\r'));
        }
    }
});
