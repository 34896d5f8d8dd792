//! Quick fixes for the findings under the cursor:
//!
//! - every fix the analysis suggests (for `name/variant`: the canonical spelling, here);
//! - `name/variant`: the same replacement for every mention of that spelling in the draft,
//!   and in the whole workspace as one `WorkspaceEdit`; or accept the spelling (a command
//!   that adds it to `names.accept` in copydesk.toml);
//! - `quote/unattributed`: insert an attribution to fill in, `[who?] said`;
//! - any rule: suppress it for this line with a comment.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::json;
use tower_lsp::ls_types as lsp;

use crate::analysis::Analysis;
use crate::finding::{Finding, Fix};
use crate::rules::Rule;
use crate::text::{DocKind, Span};
use crate::workspace::Workspace;

use super::convert::{self, Lines};
use super::documents::View;
use super::hover::quote_cover;
use super::state::{State, lock};

/// The command behind "accept this spelling": one argument, `{"uri": …, "spelling": …}`.
pub const ACCEPT_SPELLING: &str = "copydesk.acceptSpelling";
/// What the inserted attribution asks the writer to fill in.
pub const WHO: &str = "[who?]";

pub fn code_actions(state: &State, view: &View, range: lsp::Range) -> Vec<lsp::CodeActionOrCommand> {
    let lines = view.lines();
    let want = lines.span(range);
    let (findings, quotes_for) = {
        let mut ws = lock(&state.workspace);
        let all = ws.findings(&view.key);
        let Some(draft) = ws.get(&view.key) else {
            return Vec::new();
        };
        let findings: Vec<Finding> = all
            .iter()
            .filter(|f| f.span.start <= want.end && want.start <= f.span.end)
            .cloned()
            .collect();
        let quotes: Vec<Option<usize>> = findings.iter().map(|f| quote_end(&draft.analysis, f.span)).collect();
        (findings, quotes)
    };
    let mut out = Vec::new();
    for (f, quote_end) in findings.iter().zip(quotes_for) {
        let diagnostic = super::diagnostics::to_diagnostics(state, &view.uri, &view.snap, std::slice::from_ref(f));
        let action =
            |title: String, edit: Option<lsp::WorkspaceEdit>, command: Option<lsp::Command>, preferred: bool| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(diagnostic.clone()),
                    edit,
                    command,
                    is_preferred: preferred.then_some(true),
                    disabled: None,
                    data: None,
                })
            };
        for (i, fix) in f.fixes.iter().enumerate() {
            let edits = fix
                .edits
                .iter()
                .map(|e| convert::text_edit(lines, e.span, e.replacement.clone()))
                .collect();
            out.push(action(fix.title.clone(), Some(single(&view.uri, edits)), None, i == 0));
        }
        if f.rule == Rule::NameVariant {
            let variant = view.snap.slice(f.span).to_string();
            if let Some(canonical) = replacement(f) {
                let in_draft =
                    same_variant_spans(&findings_of(state, &view.key), &view.snap.text, &variant, &canonical);
                if in_draft.len() > 1 {
                    let edits = in_draft
                        .iter()
                        .map(|s| convert::text_edit(lines, *s, canonical.clone()))
                        .collect();
                    out.push(action(
                        format!(
                            "Replace all {} “{variant}” with “{canonical}” in this draft",
                            in_draft.len()
                        ),
                        Some(single(&view.uri, edits)),
                        None,
                        false,
                    ));
                }
                let (edit, count, drafts) = workspace_replace(state, &variant, &canonical);
                if drafts > 1 {
                    out.push(action(
                        format!("Replace all {count} “{variant}” with “{canonical}” in {drafts} drafts"),
                        Some(edit),
                        None,
                        false,
                    ));
                }
            }
            if !variant.is_empty() {
                let command = lsp::Command {
                    title: format!("Accept the spelling “{variant}”"),
                    command: ACCEPT_SPELLING.to_string(),
                    arguments: Some(vec![json!({"uri": view.uri.as_str(), "spelling": variant})]),
                };
                out.push(action(
                    format!("Accept the spelling “{variant}” (add it to names.accept in copydesk.toml)"),
                    None,
                    Some(command),
                    false,
                ));
            }
        }
        if f.rule == Rule::QuoteUnattributed && f.fixes.is_empty() {
            let end = quote_end.unwrap_or(f.span.end);
            let (span, text) = attribution(&view.snap.text, end);
            out.push(action(
                format!("Add an attribution: {WHO} said"),
                Some(single(&view.uri, vec![convert::text_edit(lines, span, text)])),
                None,
                true,
            ));
        }
        let (span, text) = suppression(&view.snap.text, lines, view.kind, f);
        out.push(action(
            format!("Suppress {} for this line", f.rule.id()),
            Some(single(&view.uri, vec![convert::text_edit(lines, span, text)])),
            None,
            false,
        ));
    }
    out
}

fn findings_of(state: &State, key: &str) -> Arc<Vec<Finding>> {
    lock(&state.workspace).findings(key)
}

/// Where the quotation a finding is about ends (its last piece), if it is one.
fn quote_end(a: &Analysis, span: Span) -> Option<usize> {
    a.quotes
        .iter()
        .find(|q| quote_cover(q).overlaps(span))
        .and_then(|q| q.spans.last())
        .map(|s| s.end)
}

/// The spelling a `name/variant` finding's first fix puts in place of the variant.
fn replacement(f: &Finding) -> Option<String> {
    let Fix { edits, .. } = f.fixes.first()?;
    match edits.as_slice() {
        [e] if e.span == f.span => Some(e.replacement.clone()),
        _ => None,
    }
}

/// The spans of `name/variant` findings that spell `variant` and are fixed to `canonical`.
fn same_variant_spans(findings: &[Finding], text: &str, variant: &str, canonical: &str) -> Vec<Span> {
    findings
        .iter()
        .filter(|g| g.rule == Rule::NameVariant)
        .filter(|g| text.get(g.span.start..g.span.end) == Some(variant))
        .filter(|g| replacement(g).as_deref() == Some(canonical))
        .map(|g| g.span)
        .collect()
}

/// One edit replacing `variant` with `canonical` wherever the workspace flags it; with the
/// number of replacements and of drafts touched.
fn workspace_replace(state: &State, variant: &str, canonical: &str) -> (lsp::WorkspaceEdit, usize, usize) {
    // Collect under the workspace lock, read texts after releasing it (lock order).
    let candidates: Vec<(Arc<str>, Vec<Finding>)> = {
        let ws = lock(&state.workspace);
        // Straight from the workspace: kept comparisons are for the drafts being edited,
        // and every draft of the folder keeping them would cost megabytes.
        let ws: &Workspace = &ws;
        ws.keys()
            .map(|k| {
                let fs: Vec<Finding> = ws
                    .findings(k)
                    .iter()
                    .filter(|g| g.rule == Rule::NameVariant && replacement(g).as_deref() == Some(canonical))
                    .cloned()
                    .collect();
                (k.clone(), fs)
            })
            .filter(|(_, fs)| !fs.is_empty())
            .collect()
    };
    let enc = state.encoding();
    let mut changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = HashMap::new();
    let mut count = 0;
    for (key, fs) in candidates {
        let Some((uri, snap)) = state.source(&key) else {
            continue;
        };
        let spans = same_variant_spans(&fs, &snap.text, variant, canonical);
        if spans.is_empty() {
            continue;
        }
        count += spans.len();
        let lines = snap.lines(enc);
        changes.insert(
            uri,
            spans
                .into_iter()
                .map(|s| convert::text_edit(lines, s, canonical))
                .collect(),
        );
    }
    let drafts = changes.len();
    (
        lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        },
        count,
        drafts,
    )
}

fn single(uri: &lsp::Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// The edit that attributes a quotation ending at `end` (just after its closing mark):
/// `“… years.”` becomes `“… years,” [who?] said.`; `“… years”.` becomes
/// `“… years”, [who?] said.`; after `!` or `?` the attribution follows the mark.
pub fn attribution(text: &str, end: usize) -> (Span, String) {
    let end = floor(text, end.min(text.len()));
    let mut before = text[..end].char_indices().rev();
    match (before.next(), before.next()) {
        (Some((_, mark)), Some((at, '.'))) => (Span::new(at, end), format!(",{mark} {WHO} said.")),
        (Some(_), Some((_, '!' | '?'))) => (Span::new(end, end), format!(" {WHO} said.")),
        _ => (Span::new(end, end), format!(", {WHO} said")),
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The edit that silences `f`'s rule on its line. In Markdown the comment goes at the end
/// of the previous line when that line is part of the same block, so a paragraph is not
/// split in two; otherwise (first line of a block, plain text) on a line of its own above.
fn suppression(text: &str, lines: Lines<'_>, kind: DocKind, f: &Finding) -> (Span, String) {
    let comment = format!("<!-- copydesk-disable-next-line {} -->", f.rule.id());
    let index = lines.index;
    let line = index.line_of(f.span.start);
    let start = index.line_start(line);
    if kind == DocKind::Markdown && line > 0 {
        let prev_end = index.line_end(text, line - 1);
        let prev = &text[index.line_start(line - 1)..prev_end];
        if !prev.trim().is_empty() {
            return (Span::new(prev_end, prev_end), format!(" {comment}"));
        }
    }
    let content = &text[start..index.line_end(text, line)];
    let indent: String = content.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let eol = line_ending(text, index.line_end(text, line));
    (Span::new(start, start), format!("{indent}{comment}{eol}"))
}

/// The line break used at `at` (the end of a line's content); for the last line, the
/// draft's first line break; `\n` for a draft of one line.
fn line_ending(text: &str, at: usize) -> &'static str {
    let kind = |rest: &[u8]| match rest {
        [b'\r', b'\n', ..] => Some("\r\n"),
        [b'\r', ..] => Some("\r"),
        [b'\n', ..] => Some("\n"),
        _ => None,
    };
    let bytes = text.as_bytes();
    kind(&bytes[at.min(bytes.len())..])
        .or_else(|| {
            let first = bytes.iter().position(|&b| b == b'\n' || b == b'\r')?;
            kind(&bytes[first..])
        })
        .unwrap_or("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::position::{Encoding, LineIndex};

    fn apply(text: &str, (span, new): (Span, String)) -> String {
        format!("{}{}{}", &text[..span.start], new, &text[span.end..])
    }

    #[test]
    fn attribution_fits_the_punctuation() {
        let t = "“The region has been neglected for years.” Next.";
        let end = t.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(
            apply(t, attribution(t, end)),
            "“The region has been neglected for years,” [who?] said. Next."
        );
        let t = "\"We will win\".";
        assert_eq!(apply(t, attribution(t, 13)), "\"We will win\", [who?] said.");
        let t = "“Will we win?” Nobody knew.";
        let end = t.find('”').unwrap() + 3;
        assert_eq!(
            apply(t, attribution(t, end)),
            "“Will we win?” [who?] said. Nobody knew."
        );
    }

    fn suppress(text: &str, kind: DocKind, at: &str) -> String {
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
            enc: Encoding::Utf16,
        };
        let s = text.find(at).unwrap();
        let f = Finding::new(Rule::ClaimHedge, Span::new(s, s + at.len()), "m");
        let edit = suppression(text, lines, kind, &f);
        let out = apply(text, edit);
        // The suppression comment parser agrees that the line is now silenced.
        let moved = out.find(at).unwrap();
        let sup = crate::suppress::Suppressions::parse(&out);
        assert!(
            sup.suppresses(Rule::ClaimHedge, Span::new(moved, moved + at.len())),
            "{out:?}"
        );
        assert!(!sup.suppresses(Rule::ClaimWeasel, Span::new(moved, moved + at.len())));
        out
    }

    #[test]
    fn suppression_keeps_paragraphs_whole_and_line_endings() {
        assert_eq!(
            suppress("One line.\r\nHe reportedly left.\r\n", DocKind::Markdown, "reportedly"),
            "One line. <!-- copydesk-disable-next-line claim/hedge -->\r\nHe reportedly left.\r\n"
        );
        assert_eq!(
            suppress("Intro.\n\n  He reportedly left.\n", DocKind::Markdown, "reportedly"),
            "Intro.\n\n  <!-- copydesk-disable-next-line claim/hedge -->\n  He reportedly left.\n"
        );
        assert_eq!(
            suppress("One line.\r\nHe reportedly left.", DocKind::Text, "reportedly"),
            "One line.\r\n<!-- copydesk-disable-next-line claim/hedge -->\r\nHe reportedly left."
        );
    }
}
