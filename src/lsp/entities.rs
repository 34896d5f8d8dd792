//! Reading names for the editor: which entity a cursor is on, and where a lookup's places
//! are. The workspace decides which mentions in which drafts are one entity (its lookups,
//! cards and spelling index); this module only adapts positions to those questions.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::text::Span;
use crate::workspace::Location;
use crate::workspace::Workspace;

/// The offset to ask the workspace about: the cursor, or the byte before it when the cursor
/// sits just after a name (where editors put it after typing or double-clicking a word).
pub fn probe(ws: &Workspace, key: &str, offset: usize) -> Option<usize> {
    if ws.entity_at(key, offset).is_some() {
        return Some(offset);
    }
    let before = offset.checked_sub(1)?;
    ws.entity_at(key, before).map(|_| before)
}

/// The words at `offset` that name an entity: a mention's name, or a title given to it.
pub fn span_at(a: &Analysis, offset: usize) -> Option<Span> {
    let ents = &a.entities;
    if let Some(m) = ents.mention_at(offset) {
        return Some(ents.mentions[m].span);
    }
    ents.roles.iter().find(|r| r.span.contains(offset)).map(|r| r.span)
}

/// The spans of every mention of `entity` in this draft, in order.
pub fn mentions(a: &Analysis, entity: usize) -> Vec<Span> {
    let ents = &a.entities;
    let Some(e) = ents.entities.get(entity) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = e
        .mentions
        .iter()
        .filter_map(|&m| ents.mentions.get(m))
        .map(|m| m.span)
        .collect();
    spans.sort();
    spans
}

pub fn name(a: &Analysis, entity: usize) -> &str {
    a.entities.entities.get(entity).map_or("", |e| e.name.as_str())
}

/// Locations grouped by draft, in the order the drafts first appear, with `first` (the
/// draft the request is about) leading.
pub fn by_draft(first: &str, locations: Vec<Location>) -> Vec<(Arc<str>, Vec<Span>)> {
    let mut out: Vec<(Arc<str>, Vec<Span>)> = Vec::new();
    for l in locations {
        match out.iter_mut().find(|(k, _)| *k == l.key) {
            Some((_, spans)) => spans.push(l.span),
            None => out.push((l.key, vec![l.span])),
        }
    }
    out.sort_by_key(|(k, _)| &**k != first);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::text::DocKind;

    #[test]
    fn the_cursor_just_after_a_name_is_on_it() {
        let text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said the talks would resume.\n";
        let mut ws = Workspace::new();
        let a = crate::analyze(text, DocKind::Text, &Config::default());
        ws.insert(Arc::from("a"), a.clone(), Arc::new(Config::default()));
        let peskov = text.rfind("Peskov").unwrap();
        assert_eq!(probe(&ws, "a", peskov + 2), Some(peskov + 2));
        assert_eq!(probe(&ws, "a", peskov + 6), Some(peskov + 5));
        assert_eq!(probe(&ws, "a", peskov + 8), None);
        assert_eq!(span_at(&a, peskov + 1), Some(Span::new(peskov, peskov + 6)));
        let e = a.entities.entity_at(peskov).unwrap();
        assert_eq!(name(&a, e), "Dmitry Peskov");
        assert_eq!(mentions(&a, e).len(), 2);
    }

    #[test]
    fn locations_are_grouped_with_the_asking_draft_first() {
        let loc = |k: &str, s: usize| Location {
            key: Arc::from(k),
            span: Span::new(s, s + 1),
        };
        let grouped = by_draft("b", vec![loc("a", 1), loc("b", 2), loc("a", 3)]);
        assert_eq!(&*grouped[0].0, "b");
        assert_eq!(grouped[1].1, vec![Span::new(1, 2), Span::new(3, 4)]);
    }
}
