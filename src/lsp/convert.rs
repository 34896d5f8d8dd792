//! Every conversion between copydesk's types and the protocol's, in one place: byte spans
//! ↔ LSP ranges in the negotiated encoding, findings → diagnostics, severities, URIs ↔
//! workspace keys and paths. Nothing else in `lsp/` computes a line or a column.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use tower_lsp::ls_types as lsp;

use crate::finding::{Finding, Severity};
use crate::text::Span;
use crate::text::document::TextChange;
use crate::text::position::{Encoding, LineIndex, Position};

/// The diagnostics' `source`.
pub const SOURCE: &str = "copydesk";

/// A text and its line index, in the session's position encoding: converts both ways.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: usize) -> lsp::Position {
        let p = self.index.position(self.text, offset, self.enc);
        lsp::Position::new(p.line, p.column)
    }

    pub fn range(&self, span: Span) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }

    /// Byte offset of an editor position; past the end of a line or the text, it clamps.
    pub fn offset(&self, pos: lsp::Position) -> usize {
        self.index.offset(self.text, position(pos), self.enc)
    }

    pub fn span(&self, range: lsp::Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

pub fn position(pos: lsp::Position) -> Position {
    Position::new(pos.line, pos.character)
}

/// The encoding to use: UTF-8 when the client offers it (no conversion at all), else
/// UTF-16, which every client must support.
pub fn negotiate_encoding(caps: &lsp::ClientCapabilities) -> Encoding {
    let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

pub fn encoding_kind(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Scalar => lsp::PositionEncodingKind::UTF32,
    }
}

pub fn text_change(change: lsp::TextDocumentContentChangeEvent) -> TextChange {
    TextChange {
        range: change.range.map(|r| (position(r.start), position(r.end))),
        text: change.text,
    }
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// A finding as a diagnostic. `related` turns a related place in another draft (by its
/// workspace key) into a location; places it cannot resolve are left out.
pub fn diagnostic(
    finding: &Finding,
    uri: &lsp::Uri,
    lines: Lines<'_>,
    related: &dyn Fn(&str, Span) -> Option<lsp::Location>,
) -> lsp::Diagnostic {
    let related_information: Vec<lsp::DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let location = match &r.doc {
                None => lsp::Location::new(uri.clone(), lines.range(r.span)),
                Some(key) => related(key, r.span)?,
            };
            Some(lsp::DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: lines.range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(lsp::NumberOrString::String(finding.rule.id().to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related_information.is_empty()).then_some(related_information),
        tags: None,
        data: None,
    }
}

/// The key under which the workspace knows a draft: for `file:` URIs, the URI rebuilt from
/// its path, so an editor's spelling of a URI (`%3A`, `%7E`…) and the indexer's agree.
pub fn key(uri: &lsp::Uri) -> Arc<str> {
    if let Some(path) = file_path(uri)
        && let Some(normal) = lsp::Uri::from_file_path(&path)
    {
        return Arc::from(normal.as_str());
    }
    Arc::from(uri.as_str())
}

pub fn key_of_path(path: &Path) -> Option<Arc<str>> {
    lsp::Uri::from_file_path(path).map(|u| Arc::from(u.as_str()))
}

pub fn uri_of_key(key: &str) -> Option<lsp::Uri> {
    lsp::Uri::from_str(key).ok()
}

/// The file behind a `file:` URI; `None` for other schemes (`untitled:` buffers).
pub fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let scheme = uri.scheme().as_str();
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn path_of_key(key: &str) -> Option<PathBuf> {
    file_path(&uri_of_key(key)?)
}

pub fn markdown(value: String) -> lsp::MarkupContent {
    lsp::MarkupContent {
        kind: lsp::MarkupKind::Markdown,
        value,
    }
}

pub fn text_edit(lines: Lines<'_>, span: Span, new_text: impl Into<String>) -> lsp::TextEdit {
    lsp::TextEdit::new(lines.range(span), new_text.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    #[test]
    fn ranges_in_both_encodings() {
        let text = "a😀b\r\n“Quote”";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        let u16 = Lines {
            text,
            index: &index,
            enc: Encoding::Utf16,
        };
        let u8 = Lines {
            enc: Encoding::Utf8,
            ..u16
        };
        assert_eq!(u16.position(b), lsp::Position::new(0, 3));
        assert_eq!(u8.position(b), lsp::Position::new(0, 5));
        let q = text.find('“').unwrap();
        assert_eq!(
            u16.range(Span::new(q, text.len())),
            lsp::Range::new(lsp::Position::new(1, 0), lsp::Position::new(1, 7))
        );
        // Past the end clamps; a reversed range is read start-first.
        assert_eq!(u16.offset(lsp::Position::new(0, 99)), b + 1);
        assert_eq!(u16.offset(lsp::Position::new(9, 0)), text.len());
        let r = lsp::Range::new(lsp::Position::new(0, 3), lsp::Position::new(0, 1));
        assert_eq!(u16.span(r), Span::new(1, b));
    }

    #[test]
    fn encoding_prefers_utf8_when_offered() {
        let mut caps = lsp::ClientCapabilities::default();
        assert_eq!(negotiate_encoding(&caps), Encoding::Utf16);
        caps.general = Some(lsp::GeneralClientCapabilities {
            position_encodings: Some(vec![lsp::PositionEncodingKind::UTF16, lsp::PositionEncodingKind::UTF8]),
            ..Default::default()
        });
        assert_eq!(negotiate_encoding(&caps), Encoding::Utf8);
        caps.general = Some(lsp::GeneralClientCapabilities {
            position_encodings: Some(vec![lsp::PositionEncodingKind::UTF32]),
            ..Default::default()
        });
        assert_eq!(negotiate_encoding(&caps), Encoding::Utf16);
    }

    #[test]
    fn diagnostics_carry_source_code_and_related_places() {
        let text = "Al-Sudani met Al-Saudani.";
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
            enc: Encoding::Utf16,
        };
        let uri = lsp::Uri::from_str("file:///d/a.md").unwrap();
        let f = Finding::new(Rule::NameVariant, Span::new(14, 24), "differs")
            .with_related(crate::finding::Related {
                doc: None,
                span: Span::new(0, 9),
                message: "“Al-Sudani”".into(),
            })
            .with_related(crate::finding::Related {
                doc: Some(Arc::from("file:///d/b.md")),
                span: Span::new(0, 1),
                message: "elsewhere".into(),
            })
            .with_related(crate::finding::Related {
                doc: Some(Arc::from("file:///d/gone.md")),
                span: Span::new(0, 1),
                message: "unresolvable".into(),
            });
        let d = diagnostic(&f, &uri, lines, &|key, _| {
            (key == "file:///d/b.md").then(|| lsp::Location::new(uri_of_key(key).unwrap(), lsp::Range::default()))
        });
        assert_eq!(d.code, Some(lsp::NumberOrString::String("name/variant".into())));
        assert_eq!(d.source.as_deref(), Some("copydesk"));
        assert_eq!(d.severity, Some(lsp::DiagnosticSeverity::WARNING));
        assert_eq!(d.range.start, lsp::Position::new(0, 14));
        let rel = d.related_information.unwrap();
        assert_eq!(rel.len(), 2);
        assert_eq!(rel[0].location.uri, uri);
        assert_eq!(rel[1].location.uri.as_str(), "file:///d/b.md");
    }

    #[test]
    fn keys_normalise_file_uris() {
        let a = lsp::Uri::from_str("file:///tmp/some%20draft.md").unwrap();
        assert_eq!(&*key(&a), "file:///tmp/some%20draft.md");
        let b = lsp::Uri::from_str("file:///tmp/%7Euser/a.md").unwrap();
        assert_eq!(&*key(&b), "file:///tmp/~user/a.md");
        let u = lsp::Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(&*key(&u), "untitled:Untitled-1");
        assert_eq!(file_path(&u), None);
        assert_eq!(
            path_of_key("file:///tmp/some%20draft.md"),
            Some(PathBuf::from("/tmp/some draft.md"))
        );
    }
}
