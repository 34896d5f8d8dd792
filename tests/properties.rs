//! Property tests: invariants of the text layer and the analysers on arbitrary input.
//! Spans stay inside the text and on character boundaries, come in order, and never
//! overlap where they must not; positions round-trip; edits on the rope match a plain
//! string; `analyze` never panics.

use copydesk::text::document::{Document, TextChange};
use copydesk::text::position::{Encoding, LineIndex, Position};
use copydesk::text::{DocKind, Span, prose, segment};
use copydesk::{Config, analyze};
use proptest::prelude::*;

/// Text that exercises the tricky parts: quotes of every kind, apostrophes, sentence
/// punctuation, abbreviations, Markdown syntax, line breaks of every kind, wide characters.
fn drafty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("! ".to_string()),
        Just(", ".to_string()),
        Just(": ".to_string()),
        Just(" Mr. ".to_string()),
        Just(" U.S. ".to_string()),
        Just(" 3.5 ".to_string()),
        Just(" said ".to_string()),
        Just(" Putin ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("[a](http://x.y)".to_string()),
        Just("<!-- c -->".to_string()),
        Just("---\n".to_string()),
        Just("😀".to_string()),
        Just("é".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{0}".to_string()),
        Just("عربي".to_string()),
        "[a-zA-Z]{1,8}".prop_map(|s| s),
        " {1,3}".prop_map(|s| s),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn kinds() -> impl Strategy<Value = DocKind> {
    prop_oneof![Just(DocKind::Markdown), Just(DocKind::Text)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn prose_keeps_offsets_and_line_breaks(text in drafty(), kind in kinds()) {
        let p = prose::extract(&text, kind);
        prop_assert_eq!(p.masked.len(), text.len());
        for (a, b) in text.bytes().zip(p.masked.bytes()) {
            if a == b'\n' || a == b'\r' { prop_assert_eq!(a, b); }
            prop_assert!(b == a || b == b' ');
        }
        let mut last = 0;
        for block in &p.blocks {
            prop_assert!(on_boundaries(&text, block.span));
            prop_assert!(block.span.start >= last, "blocks overlap or are out of order");
            last = block.span.end;
        }
    }

    #[test]
    fn segments_are_ordered_nested_and_on_boundaries(text in drafty(), kind in kinds()) {
        let p = prose::extract(&text, kind);
        let seg = segment::segment(&p);
        let mut last_token_end = 0;
        for t in &seg.tokens {
            prop_assert!(on_boundaries(&text, t.span()) && !t.span().is_empty());
            prop_assert!(t.start() >= last_token_end, "tokens overlap");
            last_token_end = t.end();
        }
        let mut next_sentence = 0;
        for (pi, para) in seg.paragraphs.iter().enumerate() {
            prop_assert!(on_boundaries(&text, para.span));
            prop_assert_eq!(para.sentences.start, next_sentence);
            next_sentence = para.sentences.end;
            let mut next_token = seg.sentences[para.sentences.start].tokens.start;
            for s in seg.paragraph_sentences(para) {
                prop_assert_eq!(s.paragraph, pi);
                prop_assert_eq!(s.tokens.start, next_token, "sentences skip or repeat tokens");
                next_token = s.tokens.end;
                prop_assert!(!s.tokens.is_empty());
                prop_assert!(para.span.encloses(s.span));
                prop_assert_eq!(s.span.start, seg.tokens[s.tokens.start].start());
                prop_assert_eq!(s.span.end, seg.tokens[s.tokens.end - 1].end());
            }
        }
        prop_assert_eq!(next_sentence, seg.sentences.len());
    }

    #[test]
    fn analysis_never_panics_and_spans_are_sound(text in drafty(), kind in kinds()) {
        let a = analyze(&text, kind, &Config::default());
        for q in &a.quote_spans {
            prop_assert!(on_boundaries(&text, q.span) && on_boundaries(&text, q.inner));
            prop_assert!(q.span.encloses(q.inner));
        }
        let mut last = (0, 0);
        for f in &a.findings {
            prop_assert!(on_boundaries(&text, f.span));
            prop_assert!((f.span.start, f.span.end) >= last, "findings not sorted");
            last = (f.span.start, f.span.end);
            for fix in &f.fixes {
                for e in &fix.edits { prop_assert!(on_boundaries(&text, e.span)); }
            }
        }
    }

    #[test]
    fn positions_round_trip_in_every_encoding(text in drafty(), offset in 0usize..400) {
        let idx = LineIndex::new(&text);
        let doc = Document::new(&text, 0, DocKind::Text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Scalar] {
            let mut off = offset.min(text.len());
            while !text.is_char_boundary(off) { off -= 1; }
            let pos = idx.position(&text, off, enc);
            prop_assert_eq!(doc.position(off, enc), pos);
            let back = idx.offset(&text, pos, enc);
            prop_assert!(back <= off && text.is_char_boundary(back));
            // Only a line break can sit between an offset and its round trip.
            prop_assert!(text[back..off].chars().all(|c| c == '\n' || c == '\r'));
            prop_assert_eq!(doc.offset(pos, enc), back);
        }
    }

    #[test]
    fn rope_edits_match_a_string_model(
        text in drafty(),
        edits in prop::collection::vec((0u32..8, 0u32..30, 0u32..8, 0u32..30, "(\\r\\n|[\\r\\na-z😀é ]){0,4}"), 0..12),
    ) {
        let mut doc = Document::new(&text, 0, DocKind::Text);
        let mut model = text.clone();
        for (l0, c0, l1, c1, insert) in edits {
            let idx = LineIndex::new(&model);
            let a = idx.offset(&model, Position::new(l0, c0), Encoding::Utf16);
            let b = idx.offset(&model, Position::new(l1, c1), Encoding::Utf16);
            let (s, e) = (a.min(b), a.max(b));
            model.replace_range(s..e, &insert);
            doc.apply(&TextChange {
                range: Some((Position::new(l0, c0), Position::new(l1, c1))),
                text: insert,
            }, Encoding::Utf16);
            prop_assert_eq!(doc.text(), model.clone());
        }
    }
}
