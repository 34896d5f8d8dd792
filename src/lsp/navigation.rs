//! Names as symbols: rename a name everywhere the folder writes it for that entity (in any
//! of its spellings), list its mentions (references), go to where it is introduced
//! (definition). The workspace's lookups decide what is the same entity; this module turns
//! their places into editor locations and edits.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::jsonrpc;
use tower_lsp::ls_types as lsp;

use crate::text::Span;
use crate::workspace::{Location, Workspace};

use super::documents::{Snapshot, View};
use super::entities;
use super::state::{State, lock};

/// One draft's places, with its URI and text.
type Places = (lsp::Uri, Arc<Snapshot>, Vec<Span>);

/// Ask the workspace `lookup` about the name at `offset`; the places it gives, by draft
/// (this one first), with each draft's text to locate them.
fn places(
    state: &State,
    view: &View,
    offset: usize,
    lookup: impl Fn(&Workspace, &str, usize) -> Vec<Location>,
) -> Option<Vec<Places>> {
    let found = {
        let ws = lock(&state.workspace);
        let at = entities::probe(&ws, &view.key, offset)?;
        entities::by_draft(&view.key, lookup(&ws, &view.key, at))
    };
    // Texts are read after the workspace lock is released (lock order: docs first).
    let mut out = Vec::new();
    for (key, spans) in found {
        let source = if key == view.key {
            Some((view.uri.clone(), view.snap.clone()))
        } else {
            state.source(&key)
        };
        if let Some((uri, snap)) = source {
            out.push((uri, snap, spans));
        }
    }
    Some(out)
}

/// The word a rename at `offset` would change, if the cursor is on a name.
fn word_at(state: &State, view: &View, offset: usize) -> Option<Span> {
    let ws = lock(&state.workspace);
    let at = entities::probe(&ws, &view.key, offset)?;
    ws.word_references(&view.key, at)
        .into_iter()
        .find(|l| l.key == view.key && l.span.start <= at && at < l.span.end)
        .map(|l| l.span)
}

pub fn prepare_rename(state: &State, view: &View, offset: usize) -> Option<lsp::PrepareRenameResponse> {
    let span = word_at(state, view, offset)?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: view.lines().range(span),
        placeholder: view.snap.slice(span).to_string(),
    })
}

/// Replace the name's word under the cursor wherever the folder writes it for this entity,
/// variants included, as one edit over every draft.
pub fn rename(
    state: &State,
    view: &View,
    offset: usize,
    new_name: &str,
) -> jsonrpc::Result<Option<lsp::WorkspaceEdit>> {
    let new_name = new_name.trim();
    if new_name.is_empty() || new_name.contains(['\n', '\r']) {
        return Err(jsonrpc::Error::invalid_params(
            "a name must be one line of text, not empty",
        ));
    }
    if word_at(state, view, offset).is_none() {
        return Ok(None);
    }
    let Some(all) = places(state, view, offset, Workspace::word_references) else {
        return Ok(None);
    };
    let enc = state.encoding();
    let changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = all
        .into_iter()
        .map(|(uri, snap, spans)| {
            let lines = snap.lines(enc);
            let edits = spans
                .into_iter()
                .map(|s| lsp::TextEdit::new(lines.range(s), new_name.to_string()))
                .collect();
            (uri, edits)
        })
        .collect();
    Ok(Some(lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }))
}

pub fn references(state: &State, view: &View, offset: usize) -> Option<Vec<lsp::Location>> {
    let enc = state.encoding();
    let all = places(state, view, offset, Workspace::references)?;
    Some(
        all.into_iter()
            .flat_map(|(uri, snap, spans)| {
                let lines = snap.lines(enc);
                spans
                    .into_iter()
                    .map(|s| lsp::Location::new(uri.clone(), lines.range(s)))
                    .collect::<Vec<_>>()
            })
            .collect(),
    )
}

/// Where the entity is introduced: its first full mention here, else in another draft.
pub fn definition(state: &State, view: &View, offset: usize) -> Option<lsp::GotoDefinitionResponse> {
    let def = |ws: &Workspace, key: &str, at: usize| ws.definition(key, at).into_iter().collect();
    let (uri, snap, spans) = places(state, view, offset, def)?.into_iter().next()?;
    let span = *spans.first()?;
    Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location::new(
        uri,
        snap.lines(state.encoding()).range(span),
    )))
}
