//! Hover, in Markdown: on a name, the entity card; on a quotation, who said it and the
//! words that say so; on a finding, what the rule is about. Several can apply at once (a
//! name inside a flagged quotation): each gets a section, innermost first.

use std::collections::BTreeMap;

use crate::analysis::Analysis;
use crate::analysis::quotes::{Quote, SpeakerKind};
use crate::finding::Finding;
use crate::text::Span;
use crate::workspace::Workspace;

use super::entities;

/// What to show at `offset` of the draft `key` (whose text is `text`), and the span the
/// hover is about.
pub fn hover(ws: &Workspace, key: &str, text: &str, offset: usize) -> Option<(Span, String)> {
    let draft = ws.get(key)?;
    let a = &draft.analysis;
    let mut sections: Vec<(Span, String)> = Vec::new();
    if let Some((entity, span)) = entities::mention_at(a, offset) {
        sections.push((span, entity_card(ws, key, a, entity, text)));
    }
    if let Some(q) = quote_at(a, offset) {
        let span = quote_cover(q);
        sections.push((span, quote_section(a, q, text)));
    }
    let findings = ws.findings(key);
    let mut seen = Vec::new();
    for f in findings.iter().filter(|f| touches(f.span, offset)) {
        if !seen.contains(&(f.rule, f.span)) {
            seen.push((f.rule, f.span));
            sections.push((f.span, finding_section(f)));
        }
    }
    if sections.is_empty() {
        return None;
    }
    sections.sort_by_key(|(s, _)| s.len());
    let span = sections[0].0;
    let body: Vec<String> = sections.into_iter().map(|(_, s)| s).collect();
    Some((span, body.join("\n\n---\n\n")))
}

/// A cursor at either edge of a span is on it (editors put the cursor after a word).
fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

pub fn quote_at(a: &Analysis, offset: usize) -> Option<&Quote> {
    a.quotes
        .iter()
        .filter(|q| q.spans.iter().any(|s| touches(*s, offset)))
        .min_by_key(|q| quote_cover(q).len())
}

pub fn quote_cover(q: &Quote) -> Span {
    q.spans.iter().copied().reduce(Span::cover).unwrap_or_default()
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Who a quotation is attributed to, as shown to the writer: the name (or, for a pronoun,
/// the pronoun and the name it stands for). `None` when there is no speaker.
pub fn speaker_label(a: &Analysis, q: &Quote, text: &str) -> Option<String> {
    let sp = q.speaker.as_ref()?;
    let words = slice(text, sp.span).trim();
    let named = sp
        .entity
        .map(|e| entities::name(a, e))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .or_else(|| sp.antecedent.map(|s| slice(text, s).trim().to_string()));
    Some(match (sp.kind, named) {
        (SpeakerKind::Pronoun, Some(n)) if n != words => format!("{words} ({n})"),
        (_, Some(n)) if !n.is_empty() => n,
        _ => words.to_string(),
    })
}

fn quote_section(a: &Analysis, q: &Quote, text: &str) -> String {
    let pieces = if q.spans.len() > 1 {
        format!(" in {} pieces", q.spans.len())
    } else {
        String::new()
    };
    match speaker_label(a, q, text) {
        Some(who) => {
            let cue = q
                .cue
                .map(|c| format!(" — attributed by “{}”", slice(text, c).trim()))
                .unwrap_or_default();
            format!("**Quotation**{pieces}: spoken by **{who}**{cue}")
        }
        None => format!("**Quotation**{pieces}: no speaker found. Say who said it (“…,” she said) or paraphrase it."),
    }
}

fn finding_section(f: &Finding) -> String {
    let doc = f.rule.doc();
    format!(
        "**{}** ({}): {}\n\n{}\n\n{}\n\n*Flagged:* {}  \n*Accepted:* {}",
        f.rule.id(),
        f.severity,
        f.message,
        doc.summary,
        doc.explanation,
        doc.flagged,
        doc.accepted
    )
}

/// The entity card: canonical name, spellings seen with counts, other drafts, quotes.
fn entity_card(ws: &Workspace, key: &str, a: &Analysis, entity: usize, text: &str) -> String {
    let name = entities::name(a, entity);
    let here = entities::mentions(a, entity);
    let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &here {
        *spellings.entry(slice(text, *s)).or_default() += 1;
    }
    let spellings: Vec<String> = spellings.iter().map(|(s, n)| format!("{s} ({n})")).collect();
    let mut out = format!("### {name}\n\n");
    out.push_str(&format!(
        "{} in this draft: {}.",
        plural(here.len(), "mention"),
        spellings.join(", ")
    ));
    let elsewhere: Vec<(String, usize)> = entities::across(ws, key, name)
        .into_iter()
        .filter(|(k, _)| &**k != key)
        .map(|(k, spans)| (file_name(&k), spans.len()))
        .collect();
    if !elsewhere.is_empty() {
        let total: usize = elsewhere.iter().map(|(_, n)| n).sum();
        let shown: Vec<String> = elsewhere.iter().take(8).map(|(f, n)| format!("{f} ({n})")).collect();
        let more = if elsewhere.len() > 8 { ", …" } else { "" };
        out.push_str(&format!(
            "\n\nAlso in {} ({}): {}{more}.",
            plural(elsewhere.len(), "other draft"),
            plural(total, "mention"),
            shown.join(", ")
        ));
    }
    let quotes: Vec<String> = a
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().and_then(|s| s.entity) == Some(entity))
        .take(5)
        .map(|q| format!("> {}", slice(text, quote_cover(q)).replace('\n', " ")))
        .collect();
    if !quotes.is_empty() {
        out.push_str("\n\n**Quoted:**\n\n");
        out.push_str(&quotes.join("\n>\n"));
    }
    out
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn file_name(key: &str) -> String {
    let last = key.rsplit('/').next().unwrap_or(key);
    super::convert::path_of_key(key)
        .and_then(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
        .unwrap_or_else(|| last.to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analysis::quotes::Speaker;
    use crate::config::Config;
    use crate::lsp::entities::tests::with_entities;

    fn ws_with(key: &str, a: Analysis) -> Workspace {
        let mut ws = Workspace::new();
        ws.insert(Arc::from(key), a, Arc::new(Config::default()));
        ws
    }

    #[test]
    fn a_finding_shows_the_rule_explanation() {
        let text = "“We will keep working on it, the spokesman said.\n";
        let a = crate::analyze(text, crate::DocKind::Text, &Config::default());
        assert!(a.findings.iter().any(|f| f.rule == crate::Rule::QuoteUnbalanced));
        let ws = ws_with("a", a);
        let (span, md) = hover(&ws, "a", text, 0).unwrap();
        assert_eq!(span.start, 0);
        assert!(md.contains("**quote/unbalanced**"), "{md}");
        assert!(md.contains(crate::Rule::QuoteUnbalanced.doc().summary), "{md}");
        assert_eq!(hover(&ws, "a", text, text.len()), None);
    }

    #[test]
    fn a_quotation_shows_its_speaker_and_cue_or_that_it_has_none() {
        let text = "“The region has been neglected for years,” Putin said.";
        let mut a = with_entities(text, &[("Vladimir Putin", &["Putin"])]);
        assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
        let putin = text.find("Putin").unwrap();
        let said = text.find("said").unwrap();
        let (span, md) = hover(&ws_with("a", a.clone()), "a", text, 5).unwrap();
        assert_eq!(span, a.quotes[0].spans[0]);
        assert!(md.contains("no speaker found"), "{md}");

        a.quotes[0].speaker = Some(Speaker {
            span: Span::new(putin, putin + 5),
            antecedent: None,
            kind: SpeakerKind::Named,
            entity: Some(0),
        });
        a.quotes[0].cue = Some(Span::new(said, said + 4));
        let ws = ws_with("a", a);
        let (_, md) = hover(&ws, "a", text, 5).unwrap();
        assert!(
            md.contains("spoken by **Vladimir Putin**") && md.contains("“said”"),
            "{md}"
        );
        // On the name: the card, with the quote attributed to it.
        let (span, md) = hover(&ws, "a", text, putin + 1).unwrap();
        assert_eq!(span, Span::new(putin, putin + 5));
        assert!(md.starts_with("### Vladimir Putin"), "{md}");
        assert!(md.contains("1 mention in this draft: Putin (1)"), "{md}");
        assert!(md.contains("> “The region"), "{md}");
    }

    #[test]
    fn the_card_counts_other_drafts() {
        let text = "Vladimir Putin spoke. Putin left.";
        let mut ws = ws_with(
            "file:///d/a.md",
            with_entities(text, &[("Vladimir Putin", &["Vladimir Putin", "Putin"])]),
        );
        ws.insert(
            Arc::from("file:///d/b.md"),
            with_entities("Putin, Putin.", &[("Vladimir Putin", &["Putin"])]),
            Arc::new(Config::default()),
        );
        let (_, md) = hover(&ws, "file:///d/a.md", text, 1).unwrap();
        assert!(
            md.contains("2 mentions in this draft: Putin (1), Vladimir Putin (1)"),
            "{md}"
        );
        assert!(md.contains("Also in 1 other draft (2 mentions): b.md (2)"), "{md}");
    }
}
