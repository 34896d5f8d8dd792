//! The JSON report: the contract of ARCHITECTURE.md, field for field.

use serde::Serialize;

use super::{FileReport, Report};
use crate::finding::Severity;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start_byte: usize,
    end_byte: usize,
    text: &'a str,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
    hint: usize,
}

pub fn render(report: &Report) -> String {
    let files = report.files.iter().map(|f| file(report, f)).collect();
    let json = JsonReport {
        version: 1,
        files,
        summary: Summary {
            files: report.files.len(),
            findings: report.total(),
            error: report.count(Severity::Error),
            warning: report.count(Severity::Warning),
            info: report.count(Severity::Info),
            hint: report.count(Severity::Hint),
        },
    };
    let mut s = serde_json::to_string(&json).expect("the report serialises");
    s.push('\n');
    s
}

fn file<'a>(report: &'a Report, f: &'a FileReport) -> JsonFile<'a> {
    let findings = f
        .findings
        .iter()
        .map(|x| {
            let (line, column) = f.line_col(x.span.start);
            let (end_line, end_column) = f.line_col(x.span.end);
            let related = x
                .related
                .iter()
                .filter_map(|r| {
                    let other = match &r.doc {
                        None => f,
                        Some(key) => report.file(key)?,
                    };
                    let (line, column) = other.line_col(r.span.start);
                    Some(JsonRelated {
                        path: &other.path,
                        line,
                        column,
                        message: &r.message,
                    })
                })
                .collect();
            JsonFinding {
                rule: x.rule.id(),
                severity: x.severity.as_str(),
                message: &x.message,
                line,
                column,
                end_line,
                end_column,
                start_byte: x.span.start,
                end_byte: x.span.end,
                text: x.span.slice(&f.text),
                related,
            }
        })
        .collect();
    JsonFile {
        path: &f.path,
        findings,
    }
}
