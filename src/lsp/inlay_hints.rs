//! Inlay hints: after each attributed quotation, who said it (`— Putin`), so an editor can
//! check attributions at a glance. Unattributed quotations get none: their diagnostic
//! already says so.

use tower_lsp::ls_types as lsp;

use super::documents::View;
use super::hover::speaker_label;
use super::state::{State, lock};

pub fn inlay_hints(state: &State, view: &View, range: lsp::Range) -> Vec<lsp::InlayHint> {
    let lines = view.lines();
    let want = lines.span(range);
    let ws = lock(&state.workspace);
    let Some(draft) = ws.get(&view.key) else {
        return Vec::new();
    };
    let a = &draft.analysis;
    a.quotes
        .iter()
        .filter_map(|q| {
            let end = q.spans.last()?.end;
            if end < want.start || end > want.end {
                return None;
            }
            let who = speaker_label(a, q, &view.snap.text)?;
            Some(lsp::InlayHint {
                position: lines.position(end),
                label: lsp::InlayHintLabel::String(format!("— {who}")),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}
