//! Analysis of open drafts, off the async threads.
//!
//! One worker per open draft at a time: it analyses the newest text on a blocking thread,
//! drops the result if the buffer changed meanwhile (and goes again with the newer text),
//! stores a current result in the workspace and publishes. Bursts of edits therefore cost
//! one analysis per worker round, not one per keystroke. A panic inside the analysis is
//! caught, logged with the URI, and the server goes on.

use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::analysis::Analysis;

use super::convert;
use super::documents::Snapshot;
use super::state::{State, lock};

/// Make sure a worker is analysing the open draft `key`. Call with no lock held.
pub fn schedule(state: &Arc<State>, key: Arc<str>) {
    let session = {
        let mut docs = lock(&state.docs);
        let Some(doc) = docs.get_mut(&key) else {
            return;
        };
        if doc.worker {
            // The running worker will see the new version when it finishes its round.
            return;
        }
        doc.worker = true;
        doc.session
    };
    tokio::spawn(run(state.clone(), key, session));
}

/// Analyse every open draft again (configuration or settings changed), and index the
/// workspace again for the drafts that are not open.
pub fn reanalyze_all(state: &Arc<State>) {
    reanalyze_open(state);
    tokio::spawn(super::indexing::index(state.clone()));
}

/// Analyse every open draft again.
pub fn reanalyze_open(state: &Arc<State>) {
    let keys = {
        let mut docs = lock(&state.docs);
        let keys = docs.keys();
        for k in &keys {
            // Mark the current result out of date so the worker analyses again.
            if let Some(d) = docs.get_mut(k) {
                d.generation += 1;
            }
        }
        keys
    };
    for k in keys {
        schedule(state, k);
    }
    if state.flags().inlay_hint_refresh {
        // Hints may name different speakers now; the editor asks again (and its requests
        // wait for the new analyses). A request to the client, so spawned.
        let client = state.client.clone();
        tokio::spawn(async move { client.inlay_hint_refresh().await });
    }
}

async fn run(state: Arc<State>, key: Arc<str>, session: u64) {
    loop {
        let (uri, text, version, kind, generation, memo) = {
            let mut docs = lock(&state.docs);
            let Some(doc) = docs.get_session(&key, session) else {
                return;
            };
            if doc.fresh().is_some() {
                doc.worker = false;
                return;
            }
            (
                doc.uri.clone(),
                Arc::<str>::from(doc.doc.text()),
                doc.doc.version,
                doc.doc.kind,
                doc.generation,
                doc.memo.clone(),
            )
        };

        let config = state.config_for(convert::file_path(&uri).as_deref());
        if text.len() as u64 > config.max_file_bytes {
            match skip_too_large(
                &state,
                &key,
                session,
                version,
                generation,
                text.len(),
                config.max_file_bytes,
            ) {
                Some(uri) => {
                    super::diagnostics::clear(&state, &key, uri).await;
                    return;
                }
                None => continue,
            }
        }
        let st = state.clone();
        let input = text.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            // The line index is built here too, off the async threads, beside the analysis.
            let (analysis, snapshot) = rayon::join(
                || crate::guard::contain(|| st.analyze_open(&input, kind, &config, &memo)),
                || Snapshot::new(Some(version), input.clone()),
            );
            // The memo keeps the draft's tokens paragraph by paragraph; the analysis's own
            // copy would be a long draft's largest part, twice over while the next analysis
            // replaces this one.
            analysis.map(|a| (a.without_segments(), snapshot, config))
        })
        .await;

        let (analysis, snapshot, config): (Analysis, _, _) = match outcome {
            Ok(Ok(done)) => done,
            Ok(Err(panic)) => {
                state.log.error(format!(
                    "the analysis of {} (version {version}) panicked: {panic}; its diagnostics were not updated",
                    uri.as_str(),
                ));
                let mut docs = lock(&state.docs);
                if let Some(doc) = docs.get_session(&key, session) {
                    doc.failed_version = Some(version);
                    if doc.doc.version == version {
                        doc.worker = false;
                        drop(docs);
                        state.analyzed.notify_waiters();
                        return;
                    }
                }
                continue;
            }
            Err(e) => {
                state
                    .log
                    .error(format!("the analysis of {} stopped: {e}", uri.as_str()));
                if let Some(doc) = lock(&state.docs).get_session(&key, session) {
                    doc.worker = false;
                }
                return;
            }
        };

        let replaced = {
            let mut docs = lock(&state.docs);
            let Some(doc) = docs.get_session(&key, session) else {
                return;
            };
            if doc.doc.version != version || doc.generation != generation {
                // Stale: the buffer (or the configuration) changed while we analysed. Go
                // again with the new text.
                continue;
            }
            doc.snapshot = Some(Arc::new(snapshot));
            doc.snapshot_generation = generation;
            lock(&state.workspace).insert(key.clone(), analysis, config)
        };
        // The previous analysis is freed (a long draft's takes a millisecond or two) on a
        // blocking thread while the findings are published, and before the next round
        // starts, so that at most two analyses of a draft are ever held at once.
        let freeing = replaced.map(|old| tokio::task::spawn_blocking(move || drop(old)));
        state.analyzed.notify_waiters();
        super::diagnostics::publish(&state, Some(key.clone())).await;
        if let Some(freeing) = freeing {
            let _ = freeing.await;
        }

        let mut docs = lock(&state.docs);
        let Some(doc) = docs.get_session(&key, session) else {
            return;
        };
        if doc.fresh().is_some() {
            doc.worker = false;
            return;
        }
    }
}

/// A draft over `max_file_bytes` is not analysed: say so once, forget its old results,
/// and let requests stop waiting. `Some(uri)` when this worker is done (its diagnostics are
/// to be cleared); `None` when the buffer changed meanwhile and the worker goes again.
fn skip_too_large(
    state: &State,
    key: &str,
    session: u64,
    version: i32,
    generation: u64,
    len: usize,
    max: u64,
) -> Option<lsp::Uri> {
    let (uri, first) = {
        let mut docs = lock(&state.docs);
        let doc = docs.get_session(key, session)?;
        doc.failed_version = Some(version);
        doc.snapshot = None;
        let first = !std::mem::replace(&mut doc.too_large_reported, true);
        lock(&state.workspace).remove(key);
        if doc.doc.version != version || doc.generation != generation {
            return None;
        }
        doc.worker = false;
        (doc.uri.clone(), first)
    };
    state.analyzed.notify_waiters();
    if first {
        state.log.show(
            lsp::MessageType::WARNING,
            format!(
                "{} is not checked: it is {len} bytes, more than max_file_bytes ({max}). Raise max_file_bytes in copydesk.toml to check it.",
                uri.as_str()
            ),
        );
    }
    Some(uri)
}
