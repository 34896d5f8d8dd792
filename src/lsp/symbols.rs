//! Symbols: a draft's outline (the entities it names, its quotations) and a workspace-wide
//! search for entities.

use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::analysis::Analysis;
use crate::text::Span;

use super::documents::{Source, View};
use super::entities;
use super::hover::{quote_cover, speaker_label};
use super::state::{State, lock};

/// At most this many workspace symbols per query: a search box, not an export.
const MAX_WORKSPACE_SYMBOLS: usize = 256;

/// Entities (in order of first mention) with their mention count, then quotations (in
/// order) with their speaker.
pub fn document_symbols(state: &State, view: &View) -> Option<lsp::DocumentSymbolResponse> {
    let ws = lock(&state.workspace);
    let a = &ws.get(&view.key)?.analysis;
    let lines = view.lines();
    let mut symbols = Vec::new();
    let mut ents: Vec<(usize, Vec<Span>)> = (0..a.entities.entities.len())
        .map(|e| (e, entities::mentions(a, e)))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    ents.sort_by_key(|(_, m)| m[0]);
    for (e, mentions) in ents {
        let range = lines.range(mentions[0]);
        symbols.push(symbol(
            entities::name(a, e).to_string(),
            Some(format!(
                "{} mention{}",
                mentions.len(),
                if mentions.len() == 1 { "" } else { "s" }
            )),
            lsp::SymbolKind::OBJECT,
            range,
            range,
        ));
    }
    for q in &a.quotes {
        let Some(first) = q.spans.first() else { continue };
        let detail = speaker_label(a, q, &view.snap.text).unwrap_or_else(|| "unattributed".to_string());
        symbols.push(symbol(
            headline(view.snap.slice(quote_cover(q))),
            Some(detail),
            lsp::SymbolKind::STRING,
            lines.range(quote_cover(q)),
            lines.range(*first),
        ));
    }
    Some(lsp::DocumentSymbolResponse::Nested(symbols))
}

#[allow(deprecated)] // `deprecated` is a required field of the type, superseded by `tags`.
fn symbol(
    name: String,
    detail: Option<String>,
    kind: lsp::SymbolKind,
    range: lsp::Range,
    selection: lsp::Range,
) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: None,
    }
}

/// The first words of a quotation, to name it in an outline.
fn headline(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let mut s = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        s.push_str(" …");
    }
    if s.is_empty() { "(quotation)".to_string() } else { s }
}

/// Entities whose name contains `query` (any case), one symbol per draft that names them,
/// at the first mention there.
pub fn workspace_symbols(state: &State, query: &str) -> Vec<lsp::WorkspaceSymbol> {
    let query = query.to_lowercase();
    let hits: Vec<(Arc<str>, String, Span)> = {
        let ws = lock(&state.workspace);
        let mut keys: Vec<&Arc<str>> = ws.keys().collect();
        keys.sort();
        let mut hits = Vec::new();
        'drafts: for key in keys {
            let Some(d) = ws.get(key) else { continue };
            for (name, first) in named(&d.analysis) {
                if name.to_lowercase().contains(&query) {
                    hits.push((key.clone(), name, first));
                    if hits.len() >= MAX_WORKSPACE_SYMBOLS {
                        break 'drafts;
                    }
                }
            }
        }
        hits
    };
    let enc = state.encoding();
    let mut out = Vec::new();
    let mut last: Option<(Arc<str>, Option<Source>)> = None;
    for (key, name, span) in hits {
        if last.as_ref().is_none_or(|(k, _)| *k != key) {
            last = Some((key.clone(), state.source(&key)));
        }
        let Some((_, Some((uri, snap)))) = &last else { continue };
        out.push(lsp::WorkspaceSymbol {
            name,
            kind: lsp::SymbolKind::OBJECT,
            tags: None,
            container_name: file_label(uri),
            location: lsp::OneOf::Left(lsp::Location::new(uri.clone(), snap.lines(enc).range(span))),
            data: None,
        });
    }
    out
}

/// Each entity of a draft with its first mention.
fn named(a: &Analysis) -> Vec<(String, Span)> {
    (0..a.entities.entities.len())
        .filter_map(|e| {
            let first = *entities::mentions(a, e).first()?;
            Some((entities::name(a, e).to_string(), first))
        })
        .collect()
}

fn file_label(uri: &lsp::Uri) -> Option<String> {
    uri.as_str().rsplit('/').next().map(str::to_string)
}
