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
            let place = f.place(x.span);
            // A related place in a draft that is not part of this report cannot be placed:
            // it is left out rather than given a wrong line.
            let related = x
                .related
                .iter()
                .filter_map(|r| {
                    let other = report.related_file(f, r)?;
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
                line: place.line,
                column: place.column,
                end_line: place.end_line,
                end_column: place.end_column,
                start_byte: x.span.start,
                end_byte: x.span.end,
                text: f.text.get(x.span.start..x.span.end).unwrap_or_default(),
                related,
            }
        })
        .collect();
    JsonFile {
        path: &f.path,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::{at, report};
    use super::*;
    use crate::finding::{Finding, Related};
    use crate::rules::Rule;
    use crate::text::Span;

    #[test]
    fn every_field_of_the_contract_with_related_in_another_file() {
        let a = "Intro.\n\nThen Al-Saudani spoke.\n";
        let b = "Al-Sudani arrived.\n";
        let finding = Finding::new(
            Rule::NameVariant,
            at(a, "Al-Saudani"),
            "“Al-Saudani” differs from “Al-Sudani”",
        )
        .with_related(Related {
            doc: Some(Arc::from("drafts/b.md")),
            span: at(b, "Al-Sudani"),
            message: "“Al-Sudani”".into(),
        })
        .with_related(Related {
            doc: Some(Arc::from("not/checked.md")),
            span: Span::new(0, 1),
            message: "dropped".into(),
        });
        let r = report(&[("drafts/a.md", a, vec![finding]), ("drafts/b.md", b, vec![])]);
        let v: serde_json::Value = serde_json::from_str(&render(&r)).unwrap();
        let start = a.find("Al-Saudani").unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "version": 1,
                "files": [
                    {"path": "drafts/a.md", "findings": [{
                        "rule": "name/variant", "severity": "warning",
                        "message": "“Al-Saudani” differs from “Al-Sudani”",
                        "line": 3, "column": 6, "end_line": 3, "end_column": 16,
                        "start_byte": start, "end_byte": start + 10, "text": "Al-Saudani",
                        "related": [{"path": "drafts/b.md", "line": 1, "column": 1, "message": "“Al-Sudani”"}]
                    }]},
                    {"path": "drafts/b.md", "findings": []}
                ],
                "summary": {"files": 2, "findings": 1, "error": 0, "warning": 1, "info": 0, "hint": 0}
            })
        );
    }

    #[test]
    fn columns_count_characters_and_bytes_count_bytes() {
        let t = "Égypte “x";
        let r = report(&[("a.txt", t, vec![Finding::new(Rule::QuoteUnbalanced, at(t, "“"), "m")])]);
        let v: serde_json::Value = serde_json::from_str(&render(&r)).unwrap();
        let f = &v["files"][0]["findings"][0];
        assert_eq!(f["column"], 8);
        assert_eq!(f["end_column"], 9);
        assert_eq!(f["start_byte"], 8);
        assert_eq!(f["end_byte"], 11);
    }
}
