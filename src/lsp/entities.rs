//! Reading names out of analyses: which entity a position names, its mentions in one draft
//! and across the workspace. The LSP features (hover, rename, references, definition,
//! symbols) ask these questions; the answers come from the analysis and the workspace, so
//! richer entity data reaches the editor without changes here.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::text::Span;
use crate::workspace::Workspace;

/// The entity mentioned at `offset` (a cursor at either edge of a name counts), with the
/// mention's span.
pub fn mention_at(a: &Analysis, offset: usize) -> Option<(usize, Span)> {
    a.entities
        .mentions
        .iter()
        .filter(|m| m.span.start <= offset && offset <= m.span.end)
        .min_by_key(|m| m.span.len())
        .filter(|m| m.entity < a.entities.entities.len())
        .map(|m| (m.entity, m.span))
}

/// The spans of every mention of `entity` in this draft, in order.
pub fn mentions(a: &Analysis, entity: usize) -> Vec<Span> {
    let mut spans: Vec<Span> = a
        .entities
        .mentions
        .iter()
        .filter(|m| m.entity == entity)
        .map(|m| m.span)
        .collect();
    spans.sort();
    spans
}

pub fn name(a: &Analysis, entity: usize) -> &str {
    a.entities.entities.get(entity).map_or("", |e| e.name.as_str())
}

/// Every draft's mentions of the entity called `name` (its canonical name), this draft's
/// first, then the others by key. Drafts that do not mention it are left out.
pub fn across(ws: &Workspace, first: &str, name: &str) -> Vec<(Arc<str>, Vec<Span>)> {
    let mut out: Vec<(Arc<str>, Vec<Span>)> = Vec::new();
    let mut keys: Vec<Arc<str>> = ws.keys().cloned().collect();
    keys.sort_by_key(|k| (&**k != first, k.clone()));
    for key in keys {
        let Some(draft) = ws.get(&key) else { continue };
        let a = &draft.analysis;
        let spans: Vec<Span> = a
            .entities
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.name == name)
            .flat_map(|(i, _)| mentions(a, i))
            .collect();
        if !spans.is_empty() {
            out.push((key, spans));
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::entities::{Entities, Entity, Mention};
    use crate::config::Config;
    use crate::text::DocKind;

    /// An analysis of `text` whose entities are the given names, each mention found by
    /// plain search (`("Vladimir Putin", &["Vladimir Putin", "Putin"])`).
    pub fn with_entities(text: &str, names: &[(&str, &[&str])]) -> Analysis {
        let mut a = crate::analyze(text, DocKind::Text, &Config::default());
        let mut ents = Entities::default();
        let mut taken: Vec<Span> = Vec::new();
        for (i, (name, forms)) in names.iter().enumerate() {
            ents.entities.push(Entity {
                name: name.to_string(),
                mentions: Vec::new(),
            });
            for form in *forms {
                for (at, _) in text.match_indices(form) {
                    let span = Span::new(at, at + form.len());
                    if taken.iter().any(|t| t.overlaps(span)) {
                        continue;
                    }
                    taken.push(span);
                    ents.entities[i].mentions.push(ents.mentions.len());
                    ents.mentions.push(Mention { span, entity: i });
                }
            }
        }
        a.entities = ents;
        a
    }

    #[test]
    fn mentions_in_one_draft_and_across_drafts() {
        let text = "Vladimir Putin spoke. Putin left.";
        let a = with_entities(text, &[("Vladimir Putin", &["Vladimir Putin", "Putin"])]);
        let putin = text.rfind("Putin").unwrap();
        assert_eq!(mention_at(&a, putin + 2), Some((0, Span::new(putin, putin + 5))));
        assert_eq!(mention_at(&a, putin + 5).map(|m| m.0), Some(0));
        assert_eq!(mention_at(&a, 16), None);
        assert_eq!(mentions(&a, 0), vec![Span::new(0, 14), Span::new(putin, putin + 5)]);

        let mut ws = Workspace::new();
        let cfg = Arc::new(Config::default());
        ws.insert(
            Arc::from("b"),
            with_entities("Putin.", &[("Vladimir Putin", &["Putin"])]),
            cfg.clone(),
        );
        ws.insert(Arc::from("c"), with_entities("Nobody.", &[]), cfg.clone());
        ws.insert(Arc::from("z"), a, cfg);
        let all = across(&ws, "z", "Vladimir Putin");
        assert_eq!(
            all.iter().map(|(k, s)| (&**k, s.len())).collect::<Vec<_>>(),
            vec![("z", 2), ("b", 1)]
        );
    }
}
