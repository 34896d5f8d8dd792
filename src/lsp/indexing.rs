//! The workspace index: every draft in the workspace folders, analysed in the background
//! with `$/progress`, so cross-draft findings and lookups cover drafts that are not open.
//! The walk honours `.gitignore` and `.ignore` and skips hidden files; each draft is read
//! with the `copydesk.toml` that governs it (its rules, its `max_file_bytes`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use rayon::prelude::*;
use tower_lsp::ls_types as lsp;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::text::DocKind;

use super::convert;
use super::state::{State, lock};

/// Drafts analysed per step between progress reports.
const CHUNK: usize = 64;

/// Index every draft of the workspace folders. A newer run supersedes this one.
pub async fn index(state: Arc<State>) {
    let run = state.index_run.fetch_add(1, Ordering::SeqCst) + 1;
    let session = state.session();
    if session.roots.is_empty() {
        return;
    }
    let progress = if session.flags.work_done_progress {
        // The token must exist on the client before any `$/progress` is sent with it.
        let token = lsp::NumberOrString::String(format!("copydesk/index/{run}"));
        match state.client.create_work_done_progress(token.clone()).await {
            Ok(()) => Some(
                state
                    .client
                    .progress(token, "copydesk: indexing drafts")
                    .with_percentage(0)
                    .begin()
                    .await,
            ),
            Err(e) => {
                state.log.warn(format!(
                    "indexing without a progress bar: the editor said {}",
                    e.message
                ));
                None
            }
        }
    } else {
        None
    };

    let roots = session.roots.clone();
    let files = tokio::task::spawn_blocking(move || walk(&roots))
        .await
        .unwrap_or_default();
    let total = files.len().max(1);
    let mut seen: HashSet<Arc<str>> = HashSet::new();
    let mut done = 0;
    for chunk in files.chunks(CHUNK) {
        if state.index_run.load(Ordering::SeqCst) != run {
            if let Some(p) = progress {
                p.finish_with_message("superseded by a newer indexing").await;
            }
            return;
        }
        let st = state.clone();
        let chunk = chunk.to_vec();
        let results = tokio::task::spawn_blocking(move || {
            chunk
                .par_iter()
                .map(|path| (convert::key_of_path(path), analyze_file(&st, path)))
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        done += results.len();
        {
            let docs = lock(&state.docs);
            let mut ws = lock(&state.workspace);
            for (key, result) in results {
                let Some(key) = key else { continue };
                seen.insert(key.clone());
                // An open buffer is newer than its file.
                if docs.is_open(&key) {
                    continue;
                }
                // What a file's analysis replaces is freed here: indexing is not a keystroke.
                drop(match result {
                    Some((analysis, config)) => ws.insert(key, analysis, config),
                    None => ws.remove(&key),
                });
            }
        }
        if let Some(p) = &progress {
            p.report_with_message(format!("{done}/{} drafts", files.len()), (done * 100 / total) as u32)
                .await;
        }
    }
    {
        // Drafts deleted, moved out, or now ignored since the last run.
        let docs = lock(&state.docs);
        let mut ws = lock(&state.workspace);
        let gone: Vec<Arc<str>> = ws
            .keys()
            .filter(|k| !seen.contains(*k) && !docs.is_open(k))
            .cloned()
            .collect();
        for k in gone {
            ws.remove(&k);
        }
    }
    let message = format!("{} drafts indexed", files.len());
    state.log.info(&message);
    if let Some(p) = progress {
        p.finish_with_message(message).await;
    }
    super::diagnostics::publish(&state, None).await;
}

/// After a draft was closed or changed on disk: analyse its file again (or forget it if it
/// is gone or outside the workspace folders), then update the open drafts that depend on it.
pub async fn reload_from_disk(state: Arc<State>, key: Arc<str>) {
    let roots = state.session().roots;
    let path = convert::path_of_key(&key)
        .filter(|p| roots.iter().any(|r| p.starts_with(r)) && p.is_file() && DocKind::from_path(p).is_some());
    let st = state.clone();
    let result = match path {
        Some(p) => tokio::task::spawn_blocking(move || analyze_file(&st, &p))
            .await
            .ok()
            .flatten(),
        None => None,
    };
    {
        let docs = lock(&state.docs);
        if docs.is_open(&key) {
            return;
        }
        let mut ws = lock(&state.workspace);
        drop(match result {
            Some((analysis, config)) => ws.insert(key, analysis, config),
            None => ws.remove(&key),
        });
    }
    super::diagnostics::publish(&state, None).await;
}

/// The drafts under the roots: `.md`, `.markdown`, `.txt`, sorted.
pub fn walk(roots: &[PathBuf]) -> Vec<PathBuf> {
    let Some((first, rest)) = roots.split_first() else {
        return Vec::new();
    };
    let mut builder = ignore::WalkBuilder::new(first);
    for r in rest {
        builder.add(r);
    }
    let mut files: Vec<PathBuf> = builder
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .require_git(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && DocKind::from_path(e.path()).is_some())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files.dedup();
    files
}

/// What the index keeps of a draft that is not open: everything but its paragraphs,
/// sentences and tokens, which only the analysis itself reads (the cross-draft passes and
/// lookups work from entities, quotes and findings), with no spare capacity. For a folder
/// of a thousand articles the segments are a fifth of the server's memory, and the spare
/// capacity a sixth of the rest.
fn slim(analysis: Analysis) -> Analysis {
    let mut analysis = analysis.without_segments();
    analysis.shrink_to_fit();
    analysis
}

/// Read and analyse one draft from disk. `None` (with a log line when worth one) for files
/// that are too large, binary, not UTF-8, unreadable, or whose analysis panicked.
fn analyze_file(state: &State, path: &Path) -> Option<(Analysis, Arc<Config>)> {
    let kind = DocKind::from_path(path)?;
    let config = state.config_for(Some(path));
    let len = std::fs::metadata(path).ok()?.len();
    if len > config.max_file_bytes {
        state.log.info(format!(
            "skipped {}: {len} bytes is more than max_file_bytes ({})",
            path.display(),
            config.max_file_bytes
        ));
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        state.log.info(format!("skipped {}: it is not UTF-8", path.display()));
        return None;
    };
    match crate::guard::contain(|| (state.analyzer)(&text, kind, &config)) {
        Ok(analysis) => Some((slim(analysis), config)),
        Err(panic) => {
            state.log.error(format!(
                "the analysis of {} panicked: {panic}; it is left out of the index",
                path.display(),
            ));
            None
        }
    }
}
