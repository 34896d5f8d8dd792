//! Drafts for the benchmarks, built at bench time from the BBC articles in
//! `../shared/eval/data/news` (never shipped in the repository).

use std::path::{Path, PathBuf};

/// The news folder beside the repository, if it is there.
pub fn news_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/data/news");
    dir.is_dir().then_some(dir)
}

/// Every article of the news folder, sorted by path: (path, text).
pub fn articles(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                files.push((p.to_string_lossy().into_owned(), t));
            }
        }
    }
    files.sort();
    files
}

/// A draft of at least `words` words: whole articles joined with blank lines.
pub fn draft_of(articles: &[(String, String)], words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for (_, text) in articles.iter().cycle() {
        if count >= words {
            break;
        }
        out.push_str(text.trim());
        out.push_str("\n\n");
        count += text.split_whitespace().count();
    }
    out
}
