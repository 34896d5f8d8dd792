//! Symbols: a draft's outline (the entities it names, its quotations) and a workspace-wide
//! search for entities.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::analysis::entities::Kind;
use crate::text::Span;
use crate::workspace::Location;

use super::documents::{Source, View};
use super::hover::{quote_cover, speaker_label};
use super::state::{State, lock};
use super::{convert, entities};

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
        let kind = a.entities.entities[e].kind;
        symbols.push(symbol(
            entities::name(a, e).to_string(),
            Some(format!(
                "{} · {} mention{}",
                kind.as_str(),
                mentions.len(),
                if mentions.len() == 1 { "" } else { "s" }
            )),
            convert::symbol_kind(kind),
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

/// The folder's entities whose name contains `query` (any case), at their first full
/// mention, most mentioned first.
pub fn workspace_symbols(state: &State, query: &str) -> Vec<lsp::WorkspaceSymbol> {
    let query = query.to_lowercase();
    let hits: Vec<(String, &'static str, Location)> = {
        let ws = lock(&state.workspace);
        ws.cards()
            .into_iter()
            .filter(|c| c.name.to_lowercase().contains(&query))
            .filter_map(|c| Some((c.name, c.kind, c.first?)))
            .take(MAX_WORKSPACE_SYMBOLS)
            .collect()
    };
    let enc = state.encoding();
    let mut sources: HashMap<Arc<str>, Option<Source>> = HashMap::new();
    hits.into_iter()
        .filter_map(|(name, kind, first)| {
            let source = sources
                .entry(first.key.clone())
                .or_insert_with(|| state.source(&first.key));
            let (uri, snap) = source.as_ref()?;
            Some(lsp::WorkspaceSymbol {
                name,
                kind: convert::symbol_kind(kind_named(kind)),
                tags: None,
                container_name: Some(kind.to_string()),
                location: lsp::OneOf::Left(lsp::Location::new(uri.clone(), snap.lines(enc).range(first.span))),
                data: None,
            })
        })
        .collect()
}

/// A card's kind, which it carries as its name.
fn kind_named(name: &str) -> Kind {
    [Kind::Person, Kind::Organization, Kind::Place]
        .into_iter()
        .find(|k| k.as_str() == name)
        .unwrap_or(Kind::Other)
}
