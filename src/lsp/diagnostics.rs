//! Findings to the editor: pushed (`textDocument/publishDiagnostics`, with the analysed
//! version) or pulled (`textDocument/diagnostic`) for clients that ask. A client that pulls
//! is not also pushed to, so it never shows each finding twice.
//!
//! Publishing goes through one lock and always sends the newest state of the workspace, so
//! a draft's last diagnostics are never older than its last analysis. When one draft
//! changes, every other open draft whose findings changed with it is sent again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::jsonrpc;
use tower_lsp::ls_types as lsp;

use crate::finding::Finding;

use super::convert;
use super::documents::{Snapshot, Source};
use super::state::{State, lock};

/// What was last sent for each open draft: its version and findings.
#[derive(Debug, Default)]
pub struct Published {
    last: HashMap<Arc<str>, (i32, Arc<Vec<Finding>>)>,
}

/// An open draft's current findings, if its analysis is current.
fn current(state: &State, key: &str) -> Option<(lsp::Uri, Arc<Snapshot>, Arc<Vec<Finding>>)> {
    let docs = lock(&state.docs);
    let doc = docs.get(key)?;
    let snap = doc.fresh()?;
    let findings = lock(&state.workspace).findings(key);
    Some((doc.uri.clone(), snap, findings))
}

/// Convert findings of one draft. Places in other drafts are located through their text
/// (the open buffer, else the file), each read at most once.
pub fn to_diagnostics(state: &State, uri: &lsp::Uri, snap: &Snapshot, findings: &[Finding]) -> Vec<lsp::Diagnostic> {
    let enc = state.encoding();
    let sources: RefCell<HashMap<String, Option<Source>>> = RefCell::default();
    let related = |key: &str, span| {
        let mut sources = sources.borrow_mut();
        let entry = sources.entry(key.to_string()).or_insert_with(|| state.source(key));
        let (uri, snap) = entry.as_ref()?;
        Some(lsp::Location::new(uri.clone(), snap.lines(enc).range(span)))
    };
    findings
        .iter()
        .map(|f| convert::diagnostic(f, uri, snap.lines(enc), &related))
        .collect()
}

/// Send the diagnostics of open drafts that changed: `own` (just analysed) and any other
/// open draft whose findings differ from what it was last sent.
pub async fn publish(state: &Arc<State>, own: Option<Arc<str>>) {
    let flags = state.flags();
    let mut published = state.publisher.lock().await;
    let mut keys = lock(&state.docs).keys();
    if let Some(own) = &own {
        // The draft that changed goes first.
        keys.retain(|k| k != own);
        keys.insert(0, own.clone());
    }
    let mut unasked_changes = false;
    for key in keys {
        let Some((uri, snap, findings)) = current(state, &key) else {
            // Not analysed at its current version yet: its own worker will publish.
            continue;
        };
        let Some(version) = snap.version else { continue };
        if published
            .last
            .get(&key)
            .is_some_and(|(v, f)| *v == version && *f == findings)
        {
            continue;
        }
        // A client that pulls asks again after its own edits; anything else that changed
        // (another draft's edit, a settings change, a reloaded copydesk.toml, an accepted
        // spelling: the same version with new findings) needs a refresh request.
        let same_version = published.last.get(&key).is_some_and(|(v, _)| *v == version);
        if own.as_ref() != Some(&key) || same_version {
            unasked_changes = true;
        }
        if !flags.pull_diagnostics {
            let diagnostics = to_diagnostics(state, &uri, &snap, &findings);
            send(state, uri, diagnostics, Some(version)).await;
        }
        published.last.insert(key, (version, findings));
    }
    drop(published);
    if flags.pull_diagnostics && unasked_changes && flags.diagnostic_refresh {
        // A request to the client: never awaited here.
        let client = state.client.clone();
        tokio::spawn(async move { client.workspace_diagnostic_refresh().await });
    }
}

/// A draft was closed: clear what the editor shows for it.
pub async fn clear(state: &Arc<State>, key: &str, uri: lsp::Uri) {
    let mut published = state.publisher.lock().await;
    published.last.remove(key);
    if !state.flags().pull_diagnostics {
        send(state, uri, Vec::new(), None).await;
    }
}

/// `textDocument/publishDiagnostics`, through the [`super::outbox`].
async fn send(state: &State, uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
    let params = lsp::PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    state.outbox.notify("textDocument/publishDiagnostics", &params).await;
}

/// `textDocument/diagnostic`: the findings of the current version, in full.
pub async fn pull(
    state: &State,
    params: lsp::DocumentDiagnosticParams,
) -> jsonrpc::Result<lsp::DocumentDiagnosticReportResult> {
    let items = match state.view(&params.text_document.uri).await {
        Some(view) => {
            let findings = lock(&state.workspace).findings(&view.key);
            let findings = findings.as_slice();
            to_diagnostics(state, &view.uri, &view.snap, findings)
        }
        None => Vec::new(),
    };
    Ok(lsp::DocumentDiagnosticReportResult::Report(
        lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport { result_id: None, items },
        }),
    ))
}
