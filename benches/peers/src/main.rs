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
//!
//! Then each is measured after a keystroke, as in an editor: Harper with a `LintGroup` that
//! has linted the draft (so every sentence but the edited one comes from its cache),
//! copydesk through a [`Memo`] that has analysed it (so only the edited paragraph is
//! scanned again). Each timed run types one letter at a new place in the middle of the
//! draft, so neither tool has seen the edited sentence before.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use harper_core::linting::{LintGroup, Linter};
use harper_core::parsers::PlainEnglish;
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};

use copydesk::analysis::{Memo, analyze_with_memo};

#[path = "../../support/corpus.rs"]
#[allow(dead_code)] // news_dir() there is relative to copydesk's root, not this project's
mod corpus;

/// Linted before each timed Harper run, so the run measures the draft and not set-up.
const WARM_UP: &str = "The council met on Tuesday to discuss the budget for next year.";

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/data/news"));
    if !dir.is_dir() {
        eprintln!(
            "peers: {} is not a folder; pass the news folder as the first argument",
            dir.display()
        );
        std::process::exit(2);
    }
    let articles = corpus::articles(&dir);
    let config = copydesk::Config::default();
    config.lexicon(); // compile copydesk's word lists outside the measurement
    let dictionary = FstDictionary::curated();

    println!(
        "| words | bytes | harper-core, new draft | copydesk, new draft | ratio | harper-core, after a keystroke | copydesk, after a keystroke | ratio | harper lints | copydesk findings |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for words in [1_000usize, 5_000, 20_000, 100_000] {
        let draft = corpus::draft_of(&articles, words);
        // Fewer runs where Harper takes seconds; copydesk is cheap enough for many.
        let harper_runs = if words <= 5_000 {
            11
        } else if words <= 20_000 {
            5
        } else {
            3
        };
        let mut lints = 0;
        let harper = median_of(harper_runs, 1, || {
            let mut group = lint_group(&dictionary);
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
        let (harper_typed, ours_typed) = after_keystrokes(&draft, &dictionary, &config, harper_runs);
        println!(
            "| {words} | {} | {} | {} | {:.0}× | {} | {} | {:.0}× | {lints} | {findings} |",
            draft.len(),
            show(harper),
            show(ours),
            harper.as_secs_f64() / ours.as_secs_f64(),
            show(harper_typed),
            show(ours_typed),
            harper_typed.as_secs_f64() / ours_typed.as_secs_f64(),
        );
    }
}

/// Harper's curated lint group, in British English (BBC copy is British).
fn lint_group(dictionary: &Arc<FstDictionary>) -> LintGroup {
    LintGroup::new_curated(dictionary.clone(), Dialect::British)
}

/// The median time each tool takes to check `draft` again after one letter is typed in
/// its middle, each warmed on the draft as an editor's linter would be: Harper's lint group
/// (and its cache) and copydesk's memo live across the runs. Run `k` types its letter `k`
/// words further on than the draft's middle, so each run's edited sentence is new to both.
fn after_keystrokes(
    draft: &str,
    dictionary: &Arc<FstDictionary>,
    config: &copydesk::Config,
    runs: usize,
) -> (Duration, Duration) {
    let edits: Vec<String> = (0..runs + 1).map(|k| typed(draft, k)).collect();
    let mut group = lint_group(dictionary);
    group.lint(&Document::new_curated(draft, &PlainEnglish));
    let mut next = edits.iter();
    let harper = median_of(runs, 1, || {
        let edited = next.next().expect("one edit a run");
        let start = Instant::now();
        let document = Document::new_curated(edited, &PlainEnglish);
        black_box(group.lint(&document));
        start.elapsed()
    });
    let mut memo = Memo::new();
    analyze_with_memo(draft, copydesk::DocKind::Text, config, &mut memo);
    let mut next = edits.iter().cycle();
    let ours = median_of(51, 5, || {
        let edited = next.next().expect("cycles");
        let start = Instant::now();
        let analysis = analyze_with_memo(black_box(edited), copydesk::DocKind::Text, config, &mut memo);
        let elapsed = start.elapsed();
        drop(black_box(analysis));
        elapsed
    });
    (harper, ours)
}

/// `draft` with the letter "x" typed at the start of the word `k` words after its middle.
fn typed(draft: &str, k: usize) -> String {
    let middle = draft.len() / 2;
    let at = draft[middle..]
        .match_indices(' ')
        .nth(k)
        .map_or(middle, |(i, _)| middle + i + 1);
    let mut edited = draft.to_string();
    edited.insert(at, 'x');
    edited
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
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.3} ms")
    }
}
