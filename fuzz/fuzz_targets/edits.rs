//! Incremental edits: random edit sequences applied to the rope document and to a plain
//! `String` through the line index must leave the same text.
#![no_main]

use arbitrary::Arbitrary;
use copydesk::DocKind;
use copydesk::text::document::{Document, TextChange};
use copydesk::text::position::{Encoding, LineIndex, Position};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Edit {
    start: (u8, u8),
    end: (u8, u8),
    text: String,
    full: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    utf8: bool,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let enc = if input.utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let mut doc = Document::new(&input.text, 0, DocKind::Text);
    let mut model = input.text.clone();
    for e in input.edits.iter().take(32) {
        if e.full {
            model = e.text.clone();
            doc.apply(&TextChange { range: None, text: e.text.clone() }, enc);
        } else {
            let a = Position::new(u32::from(e.start.0 % 16), u32::from(e.start.1));
            let b = Position::new(u32::from(e.end.0 % 16), u32::from(e.end.1));
            let idx = LineIndex::new(&model);
            let (x, y) = (idx.offset(&model, a, enc), idx.offset(&model, b, enc));
            model.replace_range(x.min(y)..x.max(y), &e.text);
            doc.apply(&TextChange { range: Some((a, b)), text: e.text.clone() }, enc);
        }
        assert_eq!(doc.text(), model);
    }
});
