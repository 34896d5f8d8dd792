//! Document synchronisation: `didOpen`, `didChange` (incremental), `didClose`.
//!
//! tower-lsp runs handlers concurrently, but starts them in arrival order. So the edits are
//! applied here synchronously, before the handler's first `.await`: the server's copy of a
//! buffer sees every edit in the order the editor sent them.

use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::text::DocKind;

use super::convert;
use super::state::{State, lock};
use super::worker;

pub fn did_open(state: &Arc<State>, params: lsp::DidOpenTextDocumentParams) {
    let item = params.text_document;
    let key = convert::key(&item.uri);
    let kind = match convert::file_path(&item.uri).as_deref().and_then(DocKind::from_path) {
        Some(kind) => kind,
        None => DocKind::from_language_id(&item.language_id),
    };
    let reopened = {
        let mut docs = lock(&state.docs);
        let reopened = docs.is_open(&key);
        docs.open(key.clone(), item.uri.clone(), &item.text, item.version, kind);
        reopened
    };
    if reopened {
        state.log.info(format!(
            "{} was opened again without being closed; using the new text",
            item.uri.as_str()
        ));
    }
    worker::schedule(state, key);
}

pub fn did_change(state: &Arc<State>, params: lsp::DidChangeTextDocumentParams) {
    let key = convert::key(&params.text_document.uri);
    let enc = state.encoding();
    {
        let mut docs = lock(&state.docs);
        let Some(doc) = docs.get_mut(&key) else {
            drop(docs);
            state.log.warn(format!(
                "ignored a change to {}: it was never opened (didChange before didOpen)",
                params.text_document.uri.as_str()
            ));
            return;
        };
        for change in params.content_changes {
            doc.doc.apply(&convert::text_change(change), enc);
        }
        doc.doc.version = params.text_document.version;
    }
    worker::schedule(state, key);
}

/// Forget the buffer; the workspace goes back to the file on disk (if there is one in the
/// workspace) so cross-draft findings stay right.
pub async fn did_close(state: &Arc<State>, params: lsp::DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let key = convert::key(&uri);
    let Some(closed) = lock(&state.docs).close(&key) else {
        state
            .log
            .warn(format!("ignored the closing of {}: it was not open", uri.as_str()));
        return;
    };
    super::diagnostics::clear(state, &key, closed.uri).await;
    super::indexing::reload_from_disk(state.clone(), key).await;
}
