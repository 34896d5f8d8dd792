//! `analyze()` on arbitrary bytes read as plain text: it must never panic, and every span it
//! returns must lie on character boundaries inside the text.
#![no_main]

use copydesk::{Config, DocKind, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = analyze(&text, DocKind::Text, &Config::default());
    for f in &a.findings {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
});
