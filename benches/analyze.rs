//! `analyze()` on 1,000-, 5,000- and 100,000-word drafts; the analysis the editor runs after
//! a keystroke in the 5,000- and 100,000-word drafts (one paragraph changed, the others
//! kept from the last analysis); and the workspace over the whole news folder (indexing
//! it, and a long draft's findings against it). Needs `../shared/eval/data/news`; without
//! it, says so and measures nothing.

use std::hint::black_box;
use std::sync::Arc;

use copydesk::analysis::{Memo, analyze_with_memo};
use copydesk::{Config, DocKind, Workspace, analyze};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let Some(dir) = corpus::news_dir() else {
        eprintln!("benches/analyze: ../shared/eval/data/news is absent; nothing to measure");
        return;
    };
    let articles = corpus::articles(&dir);
    let config = Config::default();
    config.lexicon(); // compile the word lists outside the measurement

    let mut group = c.benchmark_group("analyze");
    for words in [1_000usize, 5_000, 100_000] {
        let draft = corpus::draft_of(&articles, words);
        group.throughput(Throughput::Bytes(draft.len() as u64));
        if words >= 100_000 {
            group.sample_size(20);
        }
        group.bench_function(format!("{words}_words"), |b| {
            b.iter(|| analyze(black_box(&draft), DocKind::Text, &config))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("keystroke");
    for words in [5_000usize, 100_000] {
        let draft = corpus::draft_of(&articles, words);
        // A letter typed in the middle of the draft, then deleted, then typed again: each
        // analysis has one paragraph that the last one did not.
        let mut at = draft.len() / 2;
        while !draft.is_char_boundary(at) {
            at += 1;
        }
        let mut typed = draft.clone();
        typed.insert(at, 'x');
        let mut memo = Memo::new();
        analyze_with_memo(&draft, DocKind::Text, &config, &mut memo);
        if words >= 100_000 {
            group.sample_size(20);
        }
        let mut flip = false;
        group.bench_function(format!("{words}_words"), |b| {
            b.iter(|| {
                flip = !flip;
                let text = if flip { &typed } else { &draft };
                analyze_with_memo(black_box(text), DocKind::Text, &config, &mut memo)
            })
        });
    }
    group.finish();

    let config = Arc::new(config);
    let mut group = c.benchmark_group("workspace");
    group.sample_size(10);
    group.bench_function("news_folder", |b| {
        b.iter(|| {
            let ws = index(&articles, &config);
            let findings: usize = articles.iter().map(|(p, _)| ws.findings(p).len()).sum();
            black_box(findings)
        })
    });

    // What the language server recomputes for a long draft after each keystroke besides its
    // analysis: its findings against the rest of the folder.
    let mut ws = index(&articles, &config);
    let long = corpus::draft_of(&articles, 100_000);
    ws.insert(
        Arc::from("long"),
        analyze(&long, DocKind::Text, &config),
        config.clone(),
    );
    group.bench_function("findings_of_100000_words_in_news_folder", |b| {
        b.iter(|| black_box(ws.findings("long").len()))
    });
    // And before that, filing its new analysis in place of the last one (the copy of the
    // analysis is made, and the replaced one dropped, outside the timing).
    let analysis = analyze(&long, DocKind::Text, &config).without_segments();
    group.bench_function("refile_100000_words_in_news_folder", |b| {
        b.iter_batched(
            || analysis.clone(),
            |a| ws.insert(Arc::from("long"), a, config.clone()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// A workspace of every article, each analysed.
fn index(articles: &[(String, String)], config: &Arc<Config>) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in articles {
        ws.insert(
            Arc::from(path.as_str()),
            analyze(text, DocKind::Text, config),
            config.clone(),
        );
    }
    ws
}

criterion_group!(benches, bench);
criterion_main!(benches);
