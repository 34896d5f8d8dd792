//! Runs `analyze()` on a draft of N words built from `../shared/eval/data/news`, for
//! profilers that count instructions (callgrind): `cargo build --release --example
//! analyze_once && valgrind --tool=callgrind target/release/examples/analyze_once 5000`.
//! The lexicon is compiled before the measured call, which is the last one.
//!
//! `analyze_once --dump FOLDER…` prints, for every `.txt` draft, a hash of the whole
//! `Analysis` (segments, quotes, speakers, entities, findings), so that a change meant to
//! be a pure speed-up can be shown to change nothing: diff the output before and after.

use copydesk::{Config, DocKind, analyze};

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--dump") {
        dump(std::env::args().skip(2));
        return;
    }
    let words: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let runs: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let Some(dir) = corpus::news_dir() else {
        eprintln!("analyze_once: ../shared/eval/data/news is absent");
        std::process::exit(2);
    };
    let draft = corpus::draft_of(&corpus::articles(&dir), words);
    let config = Config::default();
    config.lexicon();
    let mut findings = 0;
    for _ in 0..runs {
        findings += measured(&draft, &config);
    }
    println!("{} bytes, {findings} findings", draft.len());
}

/// A function of its own, so a profiler can be told to count only this.
#[inline(never)]
fn measured(draft: &str, config: &Config) -> usize {
    analyze(std::hint::black_box(draft), DocKind::Text, config)
        .findings
        .len()
}

fn dump(folders: impl Iterator<Item = String>) {
    use std::hash::{Hash, Hasher};
    let config = Config::default();
    for folder in folders {
        for (path, text) in corpus::articles(std::path::Path::new(&folder)) {
            let analysis = analyze(&text, DocKind::Text, &config);
            let mut h = std::hash::DefaultHasher::new();
            format!("{analysis:?}").hash(&mut h);
            println!("{:016x} {path}", h.finish());
        }
    }
}
