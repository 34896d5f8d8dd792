//! `workspace/executeCommand`: "accept this spelling" writes copydesk.toml, then every draft
//! is analysed again under the new configuration.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;
use tower_lsp::jsonrpc;
use tower_lsp::ls_types as lsp;

use crate::config::FILE_NAME;

use super::code_actions::ACCEPT_SPELLING;
use super::state::{State, lock};
use super::{accept, convert, worker};

#[derive(Deserialize)]
struct AcceptArgs {
    uri: lsp::Uri,
    spelling: String,
}

pub async fn execute(state: &Arc<State>, params: lsp::ExecuteCommandParams) -> jsonrpc::Result<Option<Value>> {
    if params.command != ACCEPT_SPELLING {
        return Err(jsonrpc::Error::invalid_params(format!(
            "unknown command `{}`; copydesk has {ACCEPT_SPELLING}",
            params.command
        )));
    }
    let args: AcceptArgs = params
        .arguments
        .into_iter()
        .next()
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| jsonrpc::Error::invalid_params("expected one argument {\"uri\": …, \"spelling\": …}"))?;
    let Some(draft) = convert::file_path(&args.uri) else {
        return Err(jsonrpc::Error::invalid_params(
            "this draft is not saved as a file, so there is no copydesk.toml to add the spelling to",
        ));
    };
    let target = config_file_for(state, &draft);
    let spelling = args.spelling.clone();
    let file = target.clone();
    let written = tokio::task::spawn_blocking(move || accept::accept_spelling(&file, &spelling))
        .await
        .map_err(|e| jsonrpc::Error::invalid_params(e.to_string()))?;
    match written {
        Ok(changed) => {
            if changed {
                state.log.info(format!(
                    "added “{}” to names.accept in {}",
                    args.spelling,
                    target.display()
                ));
                // Watchers may tell us too; do not wait for them.
                lock(&state.configs).invalidate();
                worker::reanalyze_all(state);
            }
            Ok(None)
        }
        Err(message) => {
            state.log.show(lsp::MessageType::ERROR, message.clone());
            let mut e = jsonrpc::Error::internal_error();
            e.message = message.into();
            Err(e)
        }
    }
}

/// The configuration file governing `draft`; when there is none, a new one at the root of
/// the workspace folder holding the draft (or beside the draft, outside any folder).
fn config_file_for(state: &State, draft: &Path) -> PathBuf {
    if let Some(existing) = state.config_for(Some(draft)).path.clone() {
        return existing;
    }
    let roots = state.session().roots;
    let root = roots
        .iter()
        .filter(|r| draft.starts_with(r))
        .max_by_key(|r| r.components().count())
        .cloned()
        .or_else(|| draft.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    root.join(FILE_NAME)
}
