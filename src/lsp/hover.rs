//! Hover, in Markdown: on a name, the entity card; on a quotation, who said it and the
//! words that say so; on a finding, what the rule is about. Several can apply at once (a
//! name inside a flagged quotation): each gets a section, innermost first.

use crate::analysis::Analysis;
use crate::analysis::quotes::{Quote, SpeakerKind};
use crate::finding::Finding;
use crate::text::Span;
use crate::workspace::Workspace;

use super::entities;

/// What to show at `offset` of the draft `key` (whose text is `text`), and the span the
/// hover is about.
pub fn hover(ws: &Workspace, findings: &[Finding], key: &str, text: &str, offset: usize) -> Option<(Span, String)> {
    let draft = ws.get(key)?;
    let a = &draft.analysis;
    let mut sections: Vec<(Span, String)> = Vec::new();
    if let Some(at) = entities::probe(ws, key, offset)
        && let Some(card) = ws.card_at(key, at)
    {
        let span = entities::span_at(a, at).unwrap_or(Span::new(at, at));
        sections.push((span, card.to_markdown()));
    }
    if let Some(q) = quote_at(a, offset) {
        let span = quote_cover(q);
        sections.push((span, quote_section(a, q, text)));
    }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analysis::quotes::Speaker;
    use crate::config::Config;

    fn hover_at(ws: &Workspace, key: &str, text: &str, offset: usize) -> Option<(Span, String)> {
        hover(ws, &ws.findings(key), key, text, offset)
    }

    fn analyze(text: &str) -> Analysis {
        crate::analyze(text, crate::DocKind::Text, &Config::default())
    }

    fn ws_with(drafts: &[(&str, &Analysis)]) -> Workspace {
        let mut ws = Workspace::new();
        for (key, a) in drafts {
            ws.insert(Arc::from(*key), (*a).clone(), Arc::new(Config::default()));
        }
        ws
    }

    #[test]
    fn a_finding_shows_the_rule_explanation() {
        let text = "“We will keep working on it, the spokesman said.\n";
        let a = analyze(text);
        assert!(a.findings.iter().any(|f| f.rule == crate::Rule::QuoteUnbalanced));
        let ws = ws_with(&[("a", &a)]);
        let (span, md) = hover_at(&ws, "a", text, 0).unwrap();
        assert_eq!(span.start, 0);
        assert!(md.contains("**quote/unbalanced**"), "{md}");
        assert!(md.contains(crate::Rule::QuoteUnbalanced.doc().summary), "{md}");
        assert_eq!(hover_at(&ws, "a", text, text.len()), None);
    }

    #[test]
    fn a_quotation_shows_its_speaker_and_cue_or_that_it_has_none() {
        let text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n“The region has been neglected for years,” Peskov said.\n";
        let mut a = analyze(text);
        let q = a
            .quotes
            .iter()
            .position(|q| q.spans[0].start == text.find('“').unwrap())
            .unwrap();
        a.quotes[q].speaker = None;
        a.quotes[q].cue = None;
        let at = text.find('“').unwrap() + 5;
        let (span, md) = hover_at(&ws_with(&[("a", &a)]), "a", text, at).unwrap();
        assert_eq!(span, a.quotes[q].spans[0]);
        assert!(md.contains("no speaker found"), "{md}");

        let peskov = text.rfind("Peskov").unwrap();
        let said = text.rfind("said").unwrap();
        a.quotes[q].speaker = Some(Speaker {
            span: Span::new(peskov, peskov + 6),
            antecedent: None,
            kind: SpeakerKind::Named,
            entity: a.entities.entity_at(peskov),
        });
        a.quotes[q].cue = Some(Span::new(said, said + 4));
        let (_, md) = hover_at(&ws_with(&[("a", &a)]), "a", text, at).unwrap();
        assert!(
            md.contains("spoken by **Dmitry Peskov** — attributed by “said”"),
            "{md}"
        );
    }

    #[test]
    fn a_name_shows_the_entity_card_of_the_folder() {
        let a_text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said the talks would resume.\n";
        let b_text = "Dmitry Peskoff did not comment. Peskoff stayed at home, officials confirmed.\n";
        let (a, b) = (analyze(a_text), analyze(b_text));
        let ws = ws_with(&[("file:///d/a.md", &a), ("file:///d/b.md", &b)]);
        let peskov = a_text.rfind("Peskov").unwrap();
        // The cursor just after the name still counts.
        let (span, md) = hover_at(&ws, "file:///d/a.md", a_text, peskov + 6).unwrap();
        assert_eq!(span, Span::new(peskov, peskov + 6));
        assert!(md.starts_with("**Dmitry Peskov** · person"), "{md}");
        assert!(md.contains("Kremlin spokesman") && md.contains("Peskoff"), "{md}");
        assert!(md.contains("in 2 drafts"), "{md}");
    }
}
