//! GitHub Actions workflow commands: one annotation per finding, shown on the pull
//! request's diff.
//!
//! `::warning file=drafts/a.md,line=3,col=1,endLine=3,endColumn=2,title=quote/unbalanced::message`
//!
//! An annotation has one place, so related places are appended to the message, one per line.
//! Escaping follows the runner: in the message `%`, CR and LF are percent-encoded; in the
//! properties `:` and `,` are too, since they delimit the command.

use std::fmt::Write;

use super::Report;
use crate::finding::Severity;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        for x in &f.findings {
            let p = f.place(x.span);
            let mut message = x.message.clone();
            for r in &x.related {
                if let Some(other) = report.related_file(f, r) {
                    let (line, col) = other.line_col(r.span.start);
                    let _ = write!(message, "\n{}:{line}:{col}: {}", other.path, r.message);
                }
            }
            let _ = writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(x.severity),
                property(&f.path),
                p.line,
                p.column,
                p.end_line,
                p.end_column,
                property(x.rule.id()),
                data(&message)
            );
        }
    }
    out
}

/// GitHub has three annotation levels; info and hint are notices.
fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

/// Escape a command's message.
pub fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a command's property value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::{at, report};
    use super::*;
    use crate::finding::{Finding, Related};
    use crate::rules::Rule;

    #[test]
    fn escaping() {
        assert_eq!(data("50% off\r\nnow: yes, really"), "50%25 off%0D%0Anow: yes, really");
        assert_eq!(property("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae");
    }

    #[test]
    fn one_command_per_finding_with_related_places_in_the_message() {
        let a = "x\nAl-Saudani, 50% sure";
        let b = "Al-Sudani";
        let mut f =
            Finding::new(Rule::NameVariant, at(a, "Al-Saudani"), "Spelled: two ways, 50%").with_related(Related {
                doc: Some(Arc::from("b,c.md")),
                span: at(b, "Al-Sudani"),
                message: "here".into(),
            });
        f.severity = Severity::Info;
        let out = render(&report(&[("a:1.md", a, vec![f]), ("b,c.md", b, vec![])]));
        assert_eq!(
            out,
            "::notice file=a%3A1.md,line=2,col=1,endLine=2,endColumn=11,title=name/variant::\
             Spelled: two ways, 50%25%0Ab,c.md:1:1: here\n"
        );
    }
}
