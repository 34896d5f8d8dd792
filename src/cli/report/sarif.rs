//! SARIF 2.1.0, for code-scanning services (GitHub's `upload-sarif`, Azure DevOps, IDEs).
//!
//! One run; the driver lists every rule (so a result's `ruleIndex` is its place in
//! [`Rule::ALL`]); each result has one physical location and the finding's related places.
//! Columns count Unicode code points (`columnKind`), the same as the other reports.

use serde_json::{Value, json};

use super::{FileReport, Report};
use crate::finding::Severity;
use crate::rules::Rule;
use crate::text::Span;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where to read about the tool: the crate's `repository` when Cargo.toml names one.
const INFORMATION_URI: &str = if env!("CARGO_PKG_REPOSITORY").is_empty() {
    "https://github.com/copydesk/copydesk"
} else {
    env!("CARGO_PKG_REPOSITORY")
};

pub fn render(report: &Report) -> String {
    let results: Vec<Value> = report
        .files
        .iter()
        .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
        .map(|(f, x)| {
            let related: Vec<Value> = x
                .related
                .iter()
                .filter_map(|r| Some((report.related_file(f, r)?, r)))
                .enumerate()
                .map(|(i, (other, r))| {
                    json!({
                        "id": i,
                        "physicalLocation": physical(other, r.span),
                        "message": {"text": r.message},
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": x.rule.id(),
                "ruleIndex": rule_index(x.rule),
                "level": level(x.severity),
                "message": {"text": x.message},
                "locations": [{"physicalLocation": physical(f, x.span)}],
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            result
        })
        .collect();

    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|&rule| {
            let doc = rule.doc();
            let explanation = collapse(doc.explanation);
            json!({
                "id": rule.id(),
                "name": rule.id(),
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": explanation},
                "help": {
                    "text": format!("{explanation}\n\nFlagged: {}\nAccepted: {}", doc.flagged, doc.accepted),
                    "markdown": format!(
                        "{explanation}\n\n**Flagged:** {}\n\n**Accepted:** {}\n\nRun `copydesk explain {}` for more.",
                        doc.flagged, doc.accepted, rule.id()
                    ),
                },
                "defaultConfiguration": {"level": level(rule.default_severity())},
            })
        })
        .collect();

    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&sarif).expect("the report serialises");
    s.push('\n');
    s
}

/// SARIF has three levels that mean something to a reader; info and hint are notes.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn rule_index(rule: Rule) -> usize {
    Rule::ALL.iter().position(|&r| r == rule).unwrap_or(0)
}

fn physical(f: &FileReport, span: Span) -> Value {
    let p = f.place(span);
    json!({
        "artifactLocation": {"uri": uri(&f.path)},
        "region": {
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
        },
    })
}

/// A path as a URI reference: relative paths stay relative (code scanning resolves them
/// against the checkout), absolute ones become `file://` URIs; anything but unreserved
/// characters and `/` is percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The explanations are written with line continuations; SARIF viewers wrap text themselves.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::{at, report};
    use super::*;
    use crate::finding::{Finding, Related};

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(uri("/tmp/ü.md"), "file:///tmp/%C3%BC.md");
        assert_eq!(uri("../x/100%.txt"), "../x/100%25.txt");
    }

    #[test]
    fn levels_rules_results_and_related() {
        let a = "Al-Saudani spoke.\nIt reportedly rained.";
        let b = "Al-Sudani arrived.";
        let mut hedge = Finding::new(Rule::ClaimHedge, at(a, "reportedly"), "Reported by whom?");
        hedge.severity = Severity::Hint;
        let variant = Finding::new(Rule::NameVariant, at(a, "Al-Saudani"), "Two spellings.").with_related(Related {
            doc: Some(Arc::from("b.md")),
            span: at(b, "Al-Sudani"),
            message: "canonical".into(),
        });
        let r = report(&[("a.md", a, vec![hedge, variant]), ("b.md", b, vec![])]);
        let v: Value = serde_json::from_str(&render(&r)).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let driver = &v["runs"][0]["tool"]["driver"];
        assert_eq!(driver["rules"].as_array().unwrap().len(), Rule::ALL.len());
        assert_eq!(driver["rules"][6]["id"], "claim/unsourced-figure");
        assert_eq!(driver["rules"][3]["defaultConfiguration"]["level"], "note");
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results[0]["ruleId"], "name/variant");
        assert_eq!(results[0]["ruleIndex"], 2);
        assert_eq!(results[0]["level"], "warning");
        let rel = &results[0]["relatedLocations"][0];
        assert_eq!(rel["physicalLocation"]["artifactLocation"]["uri"], "b.md");
        assert_eq!(rel["physicalLocation"]["region"]["startColumn"], 1);
        assert_eq!(rel["message"]["text"], "canonical");
        assert_eq!(results[1]["level"], "note");
        let region = &results[1]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (&region["startLine"], &region["startColumn"], &region["endColumn"]),
            (&json!(2), &json!(4), &json!(14))
        );
        assert!(results[1].get("relatedLocations").is_none());
    }
}
