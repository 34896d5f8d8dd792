//! Language-server latency, measured the way an editor feels it: the time from sending a
//! `didChange` to receiving the `publishDiagnostics` for that version, and the time to
//! answer a hover, on a 5,000-word and a 100,000-word draft built from the BBC articles in
//! `../shared/eval/data/news` (at bench time; nothing is copied into the repository), with
//! that folder indexed as the workspace. Also the process's peak memory.
//!
//! `cargo bench --bench lsp_latency`. Targets: p95 ≤ 5 ms (5,000 words) and ≤ 50 ms
//! (100,000 words); peak memory ≤ 100 MiB.

#[path = "../tests/lsp_support/mod.rs"]
mod lsp_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use lsp_support::{Client, position};

const EDITS: usize = 200;
const HOVERS: usize = 200;

fn main() {
    let news = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/data/news");
    let Ok(news) = news.canonicalize() else {
        println!(
            "skipped: {} is not here (the latency bench needs the BBC news articles)",
            news.display()
        );
        return;
    };
    // As `copydesk serve` does before it starts its threads, and on a runtime built as it
    // builds its own. The bench's client runs on a runtime of its own on this thread, as an
    // editor runs in a process of its own: sharing the server's two worker threads, its
    // work (reading and parsing every message) doubled the 5,000-word p50 (3.2 against 1.8
    // ms measured with one runtime of two threads against one of four).
    copydesk::lsp::one_arena_per_core();
    let server_runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let client_runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    client_runtime.block_on(run(news, server_runtime.handle().clone()));
}

async fn run(news: PathBuf, server_runtime: tokio::runtime::Handle) {
    let articles = articles(&news);
    println!("{} articles in {}", articles.len(), news.display());
    let drafts: Vec<(usize, String)> = [5_000, 100_000].into_iter().map(|w| (w, draft(&articles, w))).collect();
    // The engine alone, for comparison (what the adapter adds is the difference), timed
    // before the server starts so its memory does not count in the server's peak.
    let config = copydesk::Config::default();
    let mut engine: Vec<Vec<Duration>> = drafts
        .iter()
        .map(|(_, text)| {
            (0..20)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(copydesk::analyze(text, copydesk::DocKind::Markdown, &config));
                    t.elapsed()
                })
                .collect()
        })
        .collect();
    let rss_before = peak_rss_kib();

    let mut c = Client::start_on(&server_runtime);
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&news])
        .await;
    let started = Instant::now();
    let end = c
        .wait_for("indexing", |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .await;
    println!(
        "indexing: {} in {:.1} s",
        end["params"]["value"]["message"].as_str().unwrap_or("?"),
        started.elapsed().as_secs_f64()
    );
    c.seen.clear();
    println!(
        "memory after indexing: {:.1} MiB resident, peak {:.1} MiB",
        rss_kib("VmRSS:") as f64 / 1024.0,
        peak_rss_kib() as f64 / 1024.0
    );

    for ((words, text), engine) in drafts.iter().zip(engine.iter_mut()) {
        let words = *words;
        let uri = format!("untitled:bench-{words}");
        bench_draft(&mut c, &uri, text, words, engine).await;
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}))
            .await;
        c.diagnostics(&uri, None).await;
        c.seen.clear();
    }
    let peak = peak_rss_kib();
    println!(
        "peak memory (VmHWM, whole process with the news folder indexed and the 100,000-word draft open): {:.1} MiB (peak before the server started: {:.1} MiB)",
        peak as f64 / 1024.0,
        rss_before as f64 / 1024.0
    );
    c.shutdown_and_exit().await;
}

async fn bench_draft(c: &mut Client, uri: &str, text: &str, words: usize, engine: &mut [Duration]) {
    c.open(uri, "markdown", 1, text).await;
    let opened = Instant::now();
    let first = c.diagnostics(uri, Some(1)).await;
    println!(
        "\n{words}-word draft ({} bytes): first diagnostics ({} findings) after {:.1} ms",
        text.len(),
        first.len(),
        opened.elapsed().as_secs_f64() * 1e3
    );

    // Type a letter, then delete it, in the middle of the draft: one edit per round trip.
    let at = text[..text.len() / 2].rfind(' ').unwrap() + 1;
    let (line, character) = position(text, at);
    let mut version = 1;
    let mut change_ms = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        version += 1;
        let edit = if i % 2 == 0 {
            json!([{"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": "x"}])
        } else {
            json!([{"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}}, "text": ""}])
        };
        let t = Instant::now();
        c.change(uri, version, edit).await;
        c.diagnostics(uri, Some(version)).await;
        change_ms.push(t.elapsed());
        c.seen.clear();
    }
    report("didChange → publishDiagnostics", &mut change_ms);
    report("analyze() alone, before the server started", engine);

    // Hover across the draft: on words, quotations and findings alike.
    let lines = text.split('\n').count() as u32;
    let mut hover_ms = Vec::with_capacity(HOVERS);
    for i in 0..HOVERS as u32 {
        let t = Instant::now();
        c.hover(uri, (i * 7919) % lines, (i * 13) % 60).await;
        hover_ms.push(t.elapsed());
    }
    report("hover", &mut hover_ms);
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    println!(
        "  {what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} samples)",
        at(0.5),
        at(0.95),
        at(1.0),
        samples.len()
    );
}

/// Every article, in a stable order.
fn articles(news: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = walk(news);
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    out
}

/// A draft of about `words` words: whole articles, one after another, cycling if needed.
fn draft(articles: &[String], words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for a in articles.iter().cycle() {
        if count >= words {
            break;
        }
        count += a.split_whitespace().count();
        out.push_str(a.trim_end());
        out.push_str("\n\n");
    }
    out
}

/// The process's peak resident memory so far, in KiB (Linux; 0 elsewhere).
fn peak_rss_kib() -> u64 {
    rss_kib("VmHWM:")
}

/// A memory line of /proc/self/status, in KiB.
fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
