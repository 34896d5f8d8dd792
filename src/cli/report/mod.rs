//! Reports of `check`: one model, several renderings (human, JSON, SARIF, GitHub).

pub mod human;
pub mod json;

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use crate::finding::{Finding, Severity};
use crate::text::position::{Encoding, LineIndex};

use super::Format;

/// The findings of one file, with what is needed to place them.
pub struct FileReport {
    pub path: Arc<str>,
    pub text: String,
    pub lines: LineIndex,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn new(path: Arc<str>, text: String, findings: Vec<Finding>) -> Self {
        let lines = LineIndex::new(&text);
        FileReport {
            path,
            text,
            lines,
            findings,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let p = self.lines.position(&self.text, offset, Encoding::Scalar);
        (p.line as usize + 1, p.column as usize + 1)
    }
}

pub struct Report {
    pub files: Vec<FileReport>,
    index: HashMap<Arc<str>, usize>,
}

impl Report {
    pub fn new(mut files: Vec<FileReport>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let index = files.iter().enumerate().map(|(i, f)| (f.path.clone(), i)).collect();
        Report { files, index }
    }

    pub fn file(&self, key: &str) -> Option<&FileReport> {
        self.index.get(key).map(|&i| &self.files[i])
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn total(&self) -> usize {
        self.files.iter().map(|f| f.findings.len()).sum()
    }
}

pub fn print(report: &Report, format: Format) {
    let text = match format {
        Format::Json => json::render(report),
        _ => human::render(report),
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
