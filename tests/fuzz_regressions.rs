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
