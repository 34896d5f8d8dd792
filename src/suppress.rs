//! Inline suppression comments, the same in Markdown and plain text:
//!
//! - `<!-- copydesk-disable-next-line [RULE …] -->`: the next non-blank line;
//! - `<!-- copydesk-disable [RULE …] -->` … `<!-- copydesk-enable [RULE …] -->`: a region
//!   (to the end of the draft when never re-enabled).
//!
//! Without rule ids a comment applies to every rule. Ids are separated by spaces or commas.
//! Unknown ids are reported as [`Suppressions::unknown`] so the front ends can say so.

use crate::rules::{Rule, RuleSet};
use crate::text::Span;
use memchr::memmem;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// Byte ranges (each a whole line, or a disable…enable region) and the rules they silence.
    regions: Vec<(Span, RuleSet)>,
    /// Ids in suppression comments that are not rules, with where they are.
    pub unknown: Vec<(Span, String)>,
}

impl Suppressions {
    /// Find every suppression comment in `text`.
    pub fn parse(text: &str) -> Suppressions {
        let mut out = Suppressions::default();
        // Open `disable` regions, per rule: where each rule was switched off.
        let mut open: Vec<(usize, Rule)> = Vec::new();
        let mut from = 0;
        // Every draft is searched, and most hold no comment: a vectorised search.
        let (opener, closer) = (memmem::Finder::new("<!--"), memmem::Finder::new("-->"));
        while let Some(rel) = opener.find(&text.as_bytes()[from..]) {
            let start = from + rel;
            let Some(close_rel) = closer.find(&text.as_bytes()[start + 4..]) else {
                break;
            };
            let end = start + 4 + close_rel + 3;
            from = end;
            let body = text[start + 4..end - 3].trim();
            let Some(directive) = body.strip_prefix("copydesk-") else {
                continue;
            };
            let (verb, args) = directive
                .split_once(|c: char| c.is_whitespace())
                .unwrap_or((directive, ""));
            let rules = parse_rules(args, start, text, &mut out.unknown);
            match verb {
                "disable-next-line" => {
                    if let Some(line) = next_nonblank_line(text, end) {
                        out.regions.push((line, rules));
                    }
                }
                "disable" => {
                    for r in Rule::ALL {
                        if rules.contains(r) && !open.iter().any(|&(_, o)| o == r) {
                            open.push((end, r));
                        }
                    }
                }
                "enable" => {
                    let mut i = 0;
                    while i < open.len() {
                        if rules.contains(open[i].1) {
                            let (s, r) = open.remove(i);
                            let mut set = RuleSet::NONE;
                            set.insert(r);
                            out.regions.push((Span::new(s, start), set));
                        } else {
                            i += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        for (s, r) in open {
            let mut set = RuleSet::NONE;
            set.insert(r);
            out.regions.push((Span::new(s, text.len()), set));
        }
        out
    }

    /// True when a finding of `rule` starting at `span.start` is silenced.
    pub fn suppresses(&self, rule: Rule, span: Span) -> bool {
        self.regions.iter().any(|&(region, rules)| {
            rules.contains(rule) && region.start <= span.start && span.start < region.end.max(region.start + 1)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}

fn parse_rules(args: &str, at: usize, _text: &str, unknown: &mut Vec<(Span, String)>) -> RuleSet {
    let mut set = RuleSet::NONE;
    let mut any = false;
    for id in args
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
    {
        any = true;
        match Rule::from_id(id) {
            Some(r) => set.insert(r),
            None => unknown.push((Span::new(at, at + 4), id.to_string())),
        }
    }
    if any { set } else { RuleSet::ALL }
}

/// The span of the first line after `from` (starting on the next line) that is not blank.
fn next_nonblank_line(text: &str, from: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    // Skip the rest of the comment's own line.
    let mut i = from;
    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
        i += 1;
    }
    loop {
        if i >= bytes.len() {
            return None;
        }
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 2;
        } else {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        if !text[start..i].trim().is_empty() {
            return Some(Span::new(start, i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_silences_only_that_line_and_those_rules() {
        let text = "<!-- copydesk-disable-next-line claim/hedge -->\n\nHe reportedly left.\nShe reportedly stayed.\n";
        let s = Suppressions::parse(text);
        let he = text.find("reportedly").unwrap();
        let she = text.rfind("reportedly").unwrap();
        assert!(s.suppresses(Rule::ClaimHedge, Span::new(he, he + 10)));
        assert!(!s.suppresses(Rule::ClaimWeasel, Span::new(he, he + 10)));
        assert!(!s.suppresses(Rule::ClaimHedge, Span::new(she, she + 10)));
    }

    #[test]
    fn regions_with_and_without_rule_ids() {
        let text = " a <!-- copydesk-disable --> b <!-- copydesk-enable --> c <!-- copydesk-disable claim/hedge, name/variant --> d ";
        let s = Suppressions::parse(text);
        let at = |w: &str| {
            let i = text.find(&format!(" {w} ")).unwrap() + 1;
            Span::new(i, i + 1)
        };
        assert!(!s.suppresses(Rule::QuoteUnattributed, at("a")));
        assert!(s.suppresses(Rule::QuoteUnattributed, at("b")));
        assert!(!s.suppresses(Rule::QuoteUnattributed, at("c")));
        assert!(s.suppresses(Rule::ClaimHedge, at("d")));
        assert!(s.suppresses(Rule::NameVariant, at("d")));
        assert!(!s.suppresses(Rule::QuoteUnattributed, at("d")));
    }

    #[test]
    fn enable_one_rule_of_a_disabled_group() {
        let text = "<!-- copydesk-disable claim/hedge claim/weasel --> x <!-- copydesk-enable claim/hedge --> y";
        let s = Suppressions::parse(text);
        let y = text.find(" y").unwrap() + 1;
        assert!(!s.suppresses(Rule::ClaimHedge, Span::new(y, y + 1)));
        assert!(s.suppresses(Rule::ClaimWeasel, Span::new(y, y + 1)));
    }

    #[test]
    fn unknown_ids_are_reported_and_other_comments_ignored() {
        let s =
            Suppressions::parse("<!-- copydesk-disable claim/hedges --> <!-- a note --> <!-- copydesk-frobnicate -->");
        assert_eq!(s.unknown.len(), 1);
        assert_eq!(s.unknown[0].1, "claim/hedges");
    }

    #[test]
    fn crlf_next_line() {
        let text = "<!-- copydesk-disable-next-line -->\r\nflagged here\r\nnot here";
        let s = Suppressions::parse(text);
        let f = text.find("flagged").unwrap();
        let n = text.find("not").unwrap();
        assert!(s.suppresses(Rule::NameVariant, Span::new(f, f + 1)));
        assert!(!s.suppresses(Rule::NameVariant, Span::new(n, n + 1)));
    }
}
