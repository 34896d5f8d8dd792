//! `copydesk explain RULE`.

use std::io::Write;

use crate::rules::Rule;

use super::{EXIT_CLEAN, EXIT_ERROR};

pub fn run(id: &str) -> u8 {
    let Some(rule) = Rule::from_id(id) else {
        eprintln!("copydesk: there is no rule `{id}`. The rules are: {}.", Rule::id_list());
        return EXIT_ERROR;
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(render(rule).as_bytes());
    EXIT_CLEAN
}

/// The text `explain` prints for a rule.
pub fn render(rule: Rule) -> String {
    let doc = rule.doc();
    format!(
        "{id} (default: {sev})\n\n{summary}\n\n{explanation}\n\nFlagged:\n    {flagged}\n\nAccepted:\n    {accepted}\n\n\
         Turn it off or change its severity in copydesk.toml:\n    [rules]\n    \"{id}\" = \"off\"\n\
         Silence it for one line:\n    <!-- copydesk-disable-next-line {id} -->\n",
        id = rule.id(),
        sev = rule.default_severity(),
        summary = doc.summary,
        explanation = textwrap(doc.explanation),
        flagged = doc.flagged,
        accepted = doc.accepted,
    )
}

/// Collapse the source's line-continuation whitespace and wrap at 88 columns.
fn textwrap(s: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in s.split_whitespace() {
        if width > 0 && width + 1 + word.chars().count() > 88 {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += word.chars().count();
    }
    out
}
