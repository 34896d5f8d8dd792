//! Inputs the fuzzers (fuzz/) found crashing copydesk, kept so the bugs stay fixed. Each is
//! analysed as plain text and as Markdown, and every span must lie on character
//! boundaries inside the text, as the fuzz targets require.

use copydesk::{Config, DocKind, analyze};

fn sound(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let config = Config::default();
    for kind in [DocKind::Text, DocKind::Markdown] {
        let a = analyze(&text, kind, &config);
        for f in &a.findings {
            assert!(
                f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                "{kind:?}: {f:?}"
            );
        }
    }
}

/// analyze_text, 2026-11-21: an appositive role clause with no words left before the end
/// of its sentence sent the role finder one token past the last (entities/roles.rs).
#[test]
fn a_role_clause_with_no_words_left() {
    sound(b"S\xfb\xfa't<<<'-AA,A");
}

/// analyze_text, 2026-11-21: a name in Cyrillic capitals ("ЈCO") reached the Double Metaphone
/// codes, which slice Latin text by bytes and panicked inside a two-byte letter
/// (names/spelling.rs).
#[test]
fn a_name_in_cyrillic_letters() {
    sound(b"\xd0x\x88\x0f\x0f\x00\xd0\x88C\x1d\xd0\x88Co\x00\xd0\x88CoP?\x88Co\xff\xa2\xa2o");
    sound("Јованов said. ЈCO and Jovanov met Јованов.".as_bytes());
}
