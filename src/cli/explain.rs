//! `copydesk explain [RULE]`: what a rule catches, why it matters, an example of each side,
//! and how to turn it down. Without a rule id, the list of rules.

use std::io::Write;

use crate::rules::Rule;

use super::{EXIT_CLEAN, EXIT_ERROR};

/// Text is wrapped for an 88-column terminal.
const WIDTH: usize = 88;

pub fn run(id: &Option<String>) -> u8 {
    let text = match id.as_deref() {
        None => rule_list(),
        Some(id) => match Rule::from_id(id) {
            Some(rule) => render(rule),
            None => {
                eprintln!(
                    "copydesk: there is no rule `{id}`. The rules are:\n{}\nRun `copydesk explain RULE` with one of these ids.",
                    rule_list().trim_end()
                );
                return EXIT_ERROR;
            }
        },
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    EXIT_CLEAN
}

/// Every rule id with its default severity and one-line summary.
pub fn rule_list() -> String {
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    Rule::ALL
        .iter()
        .map(|r| {
            format!(
                "    {:width$}  {:7}  {}\n",
                r.id(),
                r.default_severity().as_str(),
                r.doc().summary
            )
        })
        .collect()
}

/// The text `explain` prints for a rule.
pub fn render(rule: Rule) -> String {
    let doc = rule.doc();
    format!(
        "{id} (default severity: {sev})\n\n{summary}\n\n{explanation}\n\nFlagged:\n{flagged}\n\nAccepted:\n{accepted}\n\n\
         Change its severity or turn it off in copydesk.toml:\n    [rules]\n    \"{id}\" = \"off\"   # or error, warning, info, hint\n\n\
         Silence it for the next line of a draft:\n    <!-- copydesk-disable-next-line {id} -->\n",
        id = rule.id(),
        sev = rule.default_severity(),
        summary = wrap(doc.summary, ""),
        explanation = wrap(doc.explanation, ""),
        flagged = wrap(doc.flagged, "    "),
        accepted = wrap(doc.accepted, "    "),
    )
}

/// Collapse the source's line-continuation whitespace and wrap at [`WIDTH`] columns, each
/// line starting with `indent`.
fn wrap(s: &str, indent: &str) -> String {
    let mut out = String::from(indent);
    let mut width = indent.len();
    let mut empty = true;
    for word in s.split_whitespace() {
        let w = word.chars().count();
        if !empty && width + 1 + w > WIDTH {
            out.push('\n');
            out.push_str(indent);
            width = indent.len();
        } else if !empty {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += w;
        empty = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_indents() {
        let long = "word ".repeat(40);
        let w = wrap(&long, "    ");
        assert!(
            w.lines()
                .all(|l| l.starts_with("    word") && l.chars().count() <= WIDTH)
        );
        assert_eq!(w.split_whitespace().count(), 40);
    }

    #[test]
    fn every_rule_renders_with_its_examples() {
        for r in Rule::ALL {
            let text = render(r);
            assert!(text.starts_with(r.id()));
            assert!(text.contains(&format!("copydesk-disable-next-line {}", r.id())));
            let first_words: Vec<&str> = r.doc().flagged.split_whitespace().take(3).collect();
            assert!(text.contains(&first_words.join(" ")), "{text}");
        }
        assert_eq!(rule_list().lines().count(), Rule::ALL.len());
    }
}
