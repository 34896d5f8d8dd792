//! Names as symbols: rename every mention of an entity (variants included) across the
//! drafts, list the mentions (references), go to the first full mention (definition).

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::jsonrpc;
use tower_lsp::ls_types as lsp;

use crate::text::Span;

use super::documents::{Snapshot, View};
use super::entities;
use super::state::{State, lock};

/// One draft's mentions of an entity, with its URI and text.
type Mentions = (lsp::Uri, Arc<Snapshot>, Vec<Span>);

/// The mentions of the entity at `offset`, in every draft that names it (this one first),
/// with each draft's text to locate them.
fn mentions_everywhere(state: &State, view: &View, offset: usize) -> Option<Vec<Mentions>> {
    let found = {
        let ws = lock(&state.workspace);
        let a = &ws.get(&view.key)?.analysis;
        let (entity, _) = entities::mention_at(a, offset)?;
        let name = entities::name(a, entity).to_string();
        let mut all = entities::across(&ws, &view.key, &name);
        // This draft by its own entity, even if another entity shares the name elsewhere.
        all.retain(|(k, _)| *k != view.key);
        all.insert(0, (view.key.clone(), entities::mentions(a, entity)));
        all
    };
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

pub fn prepare_rename(state: &State, view: &View, offset: usize) -> Option<lsp::PrepareRenameResponse> {
    let ws = lock(&state.workspace);
    let a = &ws.get(&view.key)?.analysis;
    let (_, span) = entities::mention_at(a, offset)?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: view.lines().range(span),
        placeholder: view.snap.slice(span).to_string(),
    })
}

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
    let Some(all) = mentions_everywhere(state, view, offset) else {
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
    let all = mentions_everywhere(state, view, offset)?;
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

/// The first mention in this draft that spells out the entity's full name, else the first.
pub fn definition(state: &State, view: &View, offset: usize) -> Option<lsp::GotoDefinitionResponse> {
    let ws = lock(&state.workspace);
    let a = &ws.get(&view.key)?.analysis;
    let (entity, _) = entities::mention_at(a, offset)?;
    let name = entities::name(a, entity);
    let spans = entities::mentions(a, entity);
    let first = spans.iter().find(|s| view.snap.slice(**s) == name).or(spans.first())?;
    Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location::new(
        view.uri.clone(),
        view.lines().range(*first),
    )))
}
