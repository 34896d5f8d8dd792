//! copydesk's `analyze()` side by side with harper-core on the same drafts.
//!
//! Drafts of 1,000, 5,000, 20,000 and 100,000 words are built from the BBC articles in
//! `../shared/eval/data/news` (the same way as copydesk's own benches). Each tool gets a
//! few untimed warm-up runs, then timed runs; the table shows medians and the ratio.
//!
//! Harper is measured on a draft it has not seen, as when a draft is opened or checked in
//! CI: its `LintGroup` keeps a cache of results keyed by the text of each chunk and
//! sentence, so a linter that has seen the draft before would answer from that cache. A
//! fresh `LintGroup` is therefore built for every run and warmed on one unrelated sentence
//! (its first lint pays one-off set-up, as an editor's first keystroke would), both
//! untimed; the timed part parses the draft into a `Document` and lints it with the
//! curated lint group.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use harper_core::linting::{LintGroup, Linter};
use harper_core::parsers::PlainEnglish;
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};

#[path = "../../support/corpus.rs"]
#[allow(dead_code)] // news_dir() there is relative to copydesk's root, not this project's
mod corpus;

/// Linted before each timed Harper run, so the run measures the draft and not set-up.
const WARM_UP: &str = "The council met on Tuesday to discuss the budget for next year.";

fn main() {
    let dir = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/data/news")
    });
    if !dir.is_dir() {
        eprintln!("peers: {} is not a folder; pass the news folder as the first argument", dir.display());
        std::process::exit(2);
    }
    let articles = corpus::articles(&dir);
    let config = copydesk::Config::default();
    config.lexicon(); // compile copydesk's word lists outside the measurement
    let dictionary = FstDictionary::curated();

    println!("| words | bytes | harper-core median | copydesk median | harper / copydesk | harper lints | copydesk findings |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for words in [1_000usize, 5_000, 20_000, 100_000] {
        let draft = corpus::draft_of(&articles, words);
        // Fewer runs where Harper takes seconds; copydesk is cheap enough for many.
        let harper_runs = match words {
            ..=5_000 => 11,
            ..=20_000 => 5,
            _ => 3,
        };
        let mut lints = 0;
        let harper = median_of(harper_runs, 1, || {
            let mut group = LintGroup::new_curated(dictionary.clone(), Dialect::British);
            group.lint(&Document::new_curated(WARM_UP, &PlainEnglish));
            let start = Instant::now();
            let document = Document::new_curated(&draft, &PlainEnglish);
            lints = black_box(group.lint(&document)).len();
            start.elapsed()
        });
        let mut findings = 0;
        let ours = median_of(51, 5, || {
            let start = Instant::now();
            let analysis = copydesk::analyze(black_box(&draft), copydesk::DocKind::Text, &config);
            let elapsed = start.elapsed();
            findings = analysis.findings.len();
            drop(black_box(analysis));
            elapsed
        });
        println!(
            "| {words} | {} | {} | {} | {:.0}× | {lints} | {findings} |",
            draft.len(),
            show(harper),
            show(ours),
            harper.as_secs_f64() / ours.as_secs_f64(),
        );
    }
}

/// The median of `runs` timed runs, after `warmup` untimed ones.
fn median_of(runs: usize, warmup: usize, mut run: impl FnMut() -> Duration) -> Duration {
    for _ in 0..warmup {
        run();
    }
    let mut times: Vec<Duration> = (0..runs).map(|_| run()).collect();
    times.sort();
    times[times.len() / 2]
}

fn show(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 1_000.0 {
        format!("{:.2} s", ms / 1e3)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.3} ms")
    }
}
