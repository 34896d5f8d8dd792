//! A single-threaded run for `valgrind --tool=callgrind`: every article of the news folder
//! analysed one after another, then the workspace's cross-draft findings. Instruction counts
//! are reproducible on a busy machine where wall time is not.
//!
//! `cargo build --release --example profile_names &&
//!  valgrind --tool=callgrind target/release/examples/profile_names [FOLDER] [--analyze-only]`

use std::sync::Arc;

use copydesk::{Config, DocKind, Workspace, analyze};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/data/news").to_string());
    let analyze_only = args.any(|a| a == "--analyze-only");
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                files.push((p.to_string_lossy().into_owned(), t));
            }
        }
    }
    files.sort();
    let config = Arc::new(Config::default());
    config.lexicon();
    let mut ws = Workspace::new();
    let mut findings = 0;
    for (path, text) in &files {
        let a = analyze(text, DocKind::Text, &config);
        findings += a.findings.len();
        if !analyze_only {
            ws.insert(Arc::from(path.as_str()), a, config.clone());
        }
    }
    if !analyze_only {
        findings += files.iter().map(|(p, _)| ws.findings(p).len()).sum::<usize>();
    }
    println!("{} files, {findings} findings", files.len());
}
