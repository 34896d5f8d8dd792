//! The text layer: no linguistics, only bytes, lines and structure.
//!
//! Everything inside copydesk speaks byte offsets into the document's text. Lines and
//! columns exist only at the boundary (see [`position`]).

pub mod document;
pub mod position;
pub mod prose;
pub mod prose_edit;
pub mod segment;

use std::path::Path;

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// The same span `by` bytes further on.
    pub const fn shifted(self, by: usize) -> Self {
        Span::new(self.start + by, self.end + by)
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when `offset` lies inside the span (end exclusive).
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub const fn encloses(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text under the span. Panics only if the span is not on character boundaries,
    /// which every span produced by the text layer is.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// How a draft is written: Markdown or plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    Markdown,
    Text,
}

impl DocKind {
    /// The kind of a draft by its file extension (`.md`, `.markdown` → Markdown; `.txt` → text).
    /// `None` for files copydesk does not check.
    pub fn from_path(path: &Path) -> Option<DocKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(DocKind::Markdown),
            "txt" => Some(DocKind::Text),
            _ => None,
        }
    }

    /// The kind for an LSP `languageId`; unknown ids are treated as plain text.
    pub fn from_language_id(id: &str) -> DocKind {
        match id {
            "markdown" | "mdx" | "quarto" | "rmd" => DocKind::Markdown,
            _ => DocKind::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 5);
        assert!(a.contains(2) && a.contains(4) && !a.contains(5));
        assert!(a.overlaps(Span::new(4, 9)) && !a.overlaps(Span::new(5, 9)));
        assert!(a.encloses(Span::new(3, 5)) && !a.encloses(Span::new(1, 3)));
        assert_eq!(a.cover(Span::new(7, 8)), Span::new(2, 8));
        assert_eq!(Span::new(0, 3).slice("abcdef"), "abc");
    }

    #[test]
    fn kind_by_extension() {
        assert_eq!(DocKind::from_path(Path::new("a/b.md")), Some(DocKind::Markdown));
        assert_eq!(DocKind::from_path(Path::new("b.MARKDOWN")), Some(DocKind::Markdown));
        assert_eq!(DocKind::from_path(Path::new("b.txt")), Some(DocKind::Text));
        assert_eq!(DocKind::from_path(Path::new("b.rs")), None);
        assert_eq!(DocKind::from_path(Path::new("README")), None);
    }
}
