//! The human report: path:line:column, severity, rule, message.

use std::fmt::Write;

use super::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        for x in &f.findings {
            let (line, col) = f.line_col(x.span.start);
            let _ = writeln!(
                out,
                "{}:{line}:{col}: {}[{}]: {}",
                f.path, x.severity, x.rule, x.message
            );
        }
    }
    out
}
