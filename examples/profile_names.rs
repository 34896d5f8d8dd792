//! A single-threaded run for `valgrind --tool=callgrind`: every article of the news folder
//! analysed one after another, then the workspace's cross-draft findings. Instruction counts
//! are reproducible on a busy machine where wall time is not.
//!
//! `cargo build --release --example profile_names &&
//!  valgrind --tool=callgrind target/release/examples/profile_names [FOLDER] [--analyze-only]`

use std::path::PathBuf;
use std::sync::Arc;

use copydesk::{Config, DocKind, Workspace, analyze};

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)] // whole articles only: no drafts of N words here
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let dir = match args.next_if(|a| !a.starts_with("--")) {
        Some(d) => PathBuf::from(d),
        None => corpus::news_dir().unwrap_or_else(|| {
            eprintln!("profile_names: give a folder; ../shared/eval/data/news is absent");
            std::process::exit(2);
        }),
    };
    let analyze_only = args.any(|a| a == "--analyze-only");
    let files = corpus::articles(&dir);
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
