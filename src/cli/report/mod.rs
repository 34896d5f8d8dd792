//! Reports of `check`: one model, several renderings (human, JSON, SARIF, GitHub).
//!
//! The model holds each file's text and findings; this is the boundary where byte offsets
//! become lines and columns (through [`LineIndex`]), so every reporter places findings the
//! same way.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::sync::Arc;

use crate::finding::{Finding, Related, Severity};
use crate::text::Span;
use crate::text::position::{Encoding, LineIndex};

use super::Format;

const BOM: &str = "\u{feff}";

/// Where a span lies, 1-based; the end column is that of the character after the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The findings of one file, with what is needed to place them.
pub struct FileReport {
    pub path: Arc<str>,
    pub text: String,
    pub lines: LineIndex,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn new(path: Arc<str>, text: String, mut findings: Vec<Finding>) -> Self {
        let lines = LineIndex::new(&text);
        // Cross-draft findings may arrive after the draft's own: sort here so every format
        // is deterministic whatever the workspace does.
        findings.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
        FileReport {
            path,
            text,
            lines,
            findings,
        }
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset. A byte-order
    /// mark is invisible to the writer, so it does not count as a column of line 1; byte
    /// offsets elsewhere in the report still count it, because they index the file as stored.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let p = self.lines.position(&self.text, offset, Encoding::Scalar);
        let mut column = p.column as usize + 1;
        if p.line == 0 && column > 1 && self.text.starts_with(BOM) {
            column -= 1;
        }
        (p.line as usize + 1, column)
    }

    pub fn place(&self, span: Span) -> Place {
        let (line, column) = self.line_col(span.start);
        let (end_line, end_column) = self.line_col(span.end);
        Place {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The text of a 0-based line, without its line break (and without a leading BOM).
    pub fn line_text(&self, line: usize) -> (usize, &str) {
        let mut start = self.lines.line_start(line);
        let end = self.lines.line_end(&self.text, line).max(start);
        if line == 0 && self.text.starts_with(BOM) {
            start = BOM.len().min(end);
        }
        (start, &self.text[start..end])
    }
}

pub struct Report {
    pub files: Vec<FileReport>,
    /// Drafts that could not be read or were skipped (already explained on stderr).
    pub not_checked: usize,
    index: HashMap<Arc<str>, usize>,
}

impl Report {
    pub fn new(mut files: Vec<FileReport>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let index = files.iter().enumerate().map(|(i, f)| (f.path.clone(), i)).collect();
        Report {
            files,
            not_checked: 0,
            index,
        }
    }

    pub fn file(&self, key: &str) -> Option<&FileReport> {
        self.index.get(key).map(|&i| &self.files[i])
    }

    /// The file a related location points into: `from` itself, or another checked draft.
    pub fn related_file<'a>(&'a self, from: &'a FileReport, related: &Related) -> Option<&'a FileReport> {
        match &related.doc {
            None => Some(from),
            Some(key) => self.file(key),
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings().filter(|f| f.severity == severity).count()
    }

    pub fn total(&self) -> usize {
        self.files.iter().map(|f| f.findings.len()).sum()
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| &f.findings)
    }

    /// `checked 3 drafts: 1 warning, 2 info` — the last line of the human report.
    pub fn summary_line(&self) -> String {
        let drafts = plural(self.files.len(), "draft", "drafts");
        let counts: Vec<String> = Severity::ALL
            .iter()
            .filter_map(|&s| {
                let n = self.count(s);
                let word = match s {
                    Severity::Error => plural(n, "error", "errors"),
                    Severity::Warning => plural(n, "warning", "warnings"),
                    Severity::Info => format!("{n} info"),
                    Severity::Hint => plural(n, "hint", "hints"),
                };
                (n > 0).then_some(word)
            })
            .collect();
        let mut line = if counts.is_empty() {
            format!("checked {drafts}: nothing to query")
        } else {
            format!("checked {drafts}: {}", counts.join(", "))
        };
        if self.not_checked > 0 {
            line.push_str(&format!(
                "; {} not checked (see the messages above)",
                plural(self.not_checked, "file", "files")
            ));
        }
        line
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Render the report in `format` and write it to stdout.
pub fn print(report: &Report, format: Format) {
    let text = match format {
        Format::Human => human::render(report, use_color()),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`copydesk check … | head`) is not worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Colour only for a person at a terminal, and never when `NO_COLOR` is set to anything
/// but the empty string (https://no-color.org).
fn use_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::rules::Rule;

    /// A report of one or two files for the reporters' unit tests.
    pub fn report(files: &[(&str, &str, Vec<Finding>)]) -> Report {
        Report::new(
            files
                .iter()
                .map(|(p, t, f)| FileReport::new(Arc::from(*p), t.to_string(), f.clone()))
                .collect(),
        )
    }

    pub fn at(text: &str, needle: &str) -> Span {
        let i = text.find(needle).unwrap();
        Span::new(i, i + needle.len())
    }

    #[test]
    fn bom_does_not_count_as_a_column() {
        let with = "\u{feff}Say “hi";
        let without = "Say “hi";
        let r = report(&[("a.txt", with, vec![]), ("b.txt", without, vec![])]);
        let a = r.file("a.txt").unwrap();
        let b = r.file("b.txt").unwrap();
        assert_eq!(a.place(at(with, "“")), b.place(at(without, "“")));
        assert_eq!(a.line_col(3), (1, 1));
        assert_eq!(a.line_text(0), (3, "Say “hi"));
    }

    #[test]
    fn findings_sorted_and_counted() {
        let t = "a “b “c";
        let f = |s: &str| Finding::new(Rule::QuoteUnbalanced, at(t, s), "m");
        let mut late = f("“c");
        late.severity = Severity::Error;
        let r = report(&[("x.md", t, vec![late, f("“b")])]);
        assert_eq!(r.files[0].findings[0].span, at(t, "“b"));
        assert_eq!(r.summary_line(), "checked 1 draft: 1 error, 1 warning");
        assert_eq!(report(&[]).summary_line(), "checked 0 drafts: nothing to query");
    }
}
