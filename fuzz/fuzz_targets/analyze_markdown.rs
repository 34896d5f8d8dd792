//! `analyze()` on arbitrary bytes read as Markdown: it must never panic, and every span it
//! returns must lie on character boundaries inside the text.
#![no_main]

use std::sync::OnceLock;

use copydesk::{Config, DocKind, analyze};
use libfuzzer_sys::fuzz_target;

/// One configuration for the whole run: building its word lists (Aho-Corasick automata)
/// per input would make the fuzzer spend its time there instead of in `analyze()`.
static CONFIG: OnceLock<Config> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let config = CONFIG.get_or_init(Config::default);
    let text = String::from_utf8_lossy(data);
    let a = analyze(&text, DocKind::Markdown, config);
    for f in &a.findings {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
});
