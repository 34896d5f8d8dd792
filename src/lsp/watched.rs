//! `workspace/didChangeWatchedFiles`: a configuration file or registry changed (reload the
//! configurations and analyse everything again, no restart), or a draft changed on disk
//! (analyse that file again, unless the editor has it open).

use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::text::DocKind;

use super::state::{State, lock};
use super::{configuration, convert, indexing, worker};

pub async fn changed(state: Arc<State>, params: lsp::DidChangeWatchedFilesParams) {
    let mut configuration_changed = false;
    let mut drafts = Vec::new();
    for event in params.changes {
        let Some(path) = convert::file_path(&event.uri) else {
            continue;
        };
        if configuration::affects_configuration(&path) {
            configuration_changed = true;
        } else if DocKind::from_path(&path).is_some() {
            drafts.push(convert::key(&event.uri));
        }
    }
    if configuration_changed {
        state.log.info("configuration changed on disk; reloading it");
        lock(&state.configs).invalidate();
        // Re-indexing covers the drafts changed in the same batch.
        worker::reanalyze_all(&state);
        return;
    }
    for key in drafts {
        indexing::reload_from_disk(state.clone(), key).await;
    }
}
