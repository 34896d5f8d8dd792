//! Runs `analyze()` on a draft of N words built from `../shared/eval/data/news`, for
//! profilers that count instructions (callgrind): `cargo build --release --example
//! analyze_once && valgrind --tool=callgrind target/release/examples/analyze_once 5000`.
//! The word lists are compiled before the measured calls.
//!
//! `analyze_once --dump FOLDER…` prints, for every `.txt` draft, a hash of the whole
//! `Analysis` (segments, quotes, speakers, entities, findings), so that a change meant to
//! be a pure speed-up can be shown to change nothing: diff the output before and after.
//! `--dump-memo` does the same through the editor's per-paragraph cache.

use copydesk::analysis::{Memo, analyze_with_memo};
use copydesk::{Config, DocKind, analyze};

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("--dump") => return dump(std::env::args().skip(2), false),
        Some("--dump-memo") => return dump(std::env::args().skip(2), true),
        _ => {}
    }
    let words: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let runs: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let Some(dir) = corpus::news_dir() else {
        eprintln!("analyze_once: ../shared/eval/data/news is absent");
        std::process::exit(2);
    };
    let articles = corpus::articles(&dir);
    let draft = corpus::draft_of(&articles, words);
    let config = Config::default();
    // The word lists are compiled before the measured call (some when first searched
    // with): one article analysed first compiles them all.
    if let Some((_, first)) = articles.first() {
        analyze(first, DocKind::Text, &config);
    }
    let mut findings = 0;
    if std::env::args().nth(3).as_deref() == Some("keystroke") {
        // As in the editor: the draft was analysed through a memo, then one letter is
        // typed in its middle and the measured analysis is the one that follows.
        let mut memo = Memo::new();
        analyze_with_memo(&draft, DocKind::Text, &config, &mut memo);
        let mut at = draft.len() / 2;
        while !draft.is_char_boundary(at) {
            at += 1;
        }
        let mut edited = draft.clone();
        edited.insert(at, 'x');
        // Typed, then deleted, then typed again: each analysis has one paragraph to scan.
        for run in 0..runs {
            let text = if run % 2 == 0 { &edited } else { &draft };
            findings += measured_keystroke(text, &config, &mut memo);
        }
        println!("{} bytes, {findings} findings", edited.len());
        return;
    }
    for _ in 0..runs {
        findings += measured(&draft, &config);
    }
    println!("{} bytes, {findings} findings", draft.len());
}

/// A function of its own, so a profiler can be told to count only this. It runs on one of
/// rayon's threads, where the analysis's parallel steps run too: with `RAYON_NUM_THREADS=1`
/// every instruction of the analysis is inside it, so
/// `--toggle-collect='analyze_once::counted*'` counts the whole analysis and nothing else.
#[inline(never)]
fn measured(draft: &str, config: &Config) -> usize {
    rayon::scope(|_| counted(draft, config))
}

#[inline(never)]
fn counted(draft: &str, config: &Config) -> usize {
    analyze(std::hint::black_box(draft), DocKind::Text, config)
        .findings
        .len()
}

/// With `memo`, the drafts are analysed as an editor's server does, through one
/// [`Memo`] handed from each draft to the next: the hashes must be the same.
/// A function of its own, for the same reason: one analysis after a keystroke.
#[inline(never)]
fn measured_keystroke(draft: &str, config: &Config, memo: &mut Memo) -> usize {
    rayon::scope(|_| counted_keystroke(draft, config, memo))
}

#[inline(never)]
fn counted_keystroke(draft: &str, config: &Config, memo: &mut Memo) -> usize {
    analyze_with_memo(std::hint::black_box(draft), DocKind::Text, config, memo)
        .findings
        .len()
}

fn dump(folders: impl Iterator<Item = String>, memo: bool) {
    use std::hash::{Hash, Hasher};
    let config = Config::default();
    let mut kept = Memo::new();
    for folder in folders {
        for (path, text) in corpus::articles(std::path::Path::new(&folder)) {
            let analysis = if memo {
                analyze_with_memo(&text, DocKind::Text, &config, &mut kept)
            } else {
                analyze(&text, DocKind::Text, &config)
            };
            let mut h = std::hash::DefaultHasher::new();
            format!("{analysis:?}").hash(&mut h);
            println!("{:016x} {path}", h.finish());
        }
    }
}
