//! Which bytes of a draft are prose.
//!
//! The result keeps byte offsets intact: [`Prose::masked`] has exactly the length of the
//! source, with every byte that is not prose (Markdown syntax, code, link destinations,
//! HTML, front matter, bare URLs) replaced by an ASCII space. Line breaks are kept, so line
//! numbers stay the same. Analysers read the masked text and never need to know about
//! Markdown; the spans they produce point straight into the original document.

use std::borrow::Cow;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{DocKind, Span};

/// The structural role of a block of prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    TableCell,
    FootnoteDefinition,
}

/// A leaf block of prose: the unit that segmentation turns into a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// From the first prose byte of the block to the last.
    pub span: Span,
    pub kind: BlockKind,
    /// How many Markdown block quotes (`>`) enclose the block; 0 outside any.
    pub quote_depth: u8,
}

/// A Markdown link whose text is prose: `[text](destination)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The whole link, brackets and destination included.
    pub span: Span,
    /// The visible text.
    pub text: Span,
}

/// The prose of a draft.
#[derive(Clone, Debug)]
pub struct Prose<'a> {
    /// The source with every non-prose byte replaced by a space (line breaks kept).
    pub masked: Cow<'a, str>,
    /// Leaf blocks in document order.
    pub blocks: Vec<Block>,
    /// Links with visible text (citations, for the claim rules).
    pub links: Vec<Link>,
    /// Footnote references such as `[^1]` (citations, for the claim rules).
    pub footnotes: Vec<Span>,
}

/// Extract the prose of `text`.
pub fn extract(text: &str, kind: DocKind) -> Prose<'_> {
    match kind {
        DocKind::Markdown => markdown(text),
        DocKind::Text => plain(text),
    }
}

const BOM: &str = "\u{feff}";

/// Plain text: everything is prose; paragraphs are separated by blank lines.
fn plain(text: &str) -> Prose<'_> {
    let mut masked: Cow<'_, str> = match text.strip_prefix(BOM) {
        Some(rest) => Cow::Owned(format!("   {rest}")),
        None => Cow::Borrowed(text),
    };
    // Suppression comments work in plain text too; they are directives to copydesk, not
    // words of the story, so they are blanked before paragraphs are found.
    let directives = copydesk_comments(&masked);
    if !directives.is_empty() {
        let mut bytes = masked.into_owned().into_bytes();
        for d in directives {
            blank(&mut bytes, d);
        }
        masked = Cow::Owned(String::from_utf8(bytes).unwrap_or_default());
    }
    let blocks = blank_line_paragraphs(&masked)
        .into_iter()
        .map(|span| Block {
            span,
            kind: BlockKind::Paragraph,
            quote_depth: 0,
        })
        .collect();
    let mut prose = Prose {
        masked,
        blocks,
        links: Vec::new(),
        footnotes: Vec::new(),
    };
    mask_bare_urls(&mut prose);
    prose
}

/// `<!-- copydesk-… -->` comments.
fn copydesk_comments(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    // memchr's vectorised search: most drafts have no comment, and the whole draft is read.
    let bytes = text.as_bytes();
    while let Some(rel) = memchr::memmem::find(&bytes[from..], b"<!--") {
        let start = from + rel;
        let Some(close) = memchr::memmem::find(&bytes[start + 4..], b"-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        if text[start + 4..end - 3].trim_start().starts_with("copydesk-") {
            out.push(Span::new(start, end));
        }
        from = end;
    }
    out
}

/// Spans of text between blank lines, trimmed of surrounding whitespace.
/// A line is blank when it holds only whitespace; `\n`, `\r\n` and `\r` all end lines.
fn blank_line_paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = 0;
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = memchr::memchr2(b'\n', b'\r', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = para_start.take() {
                out.push(Span::new(s, para_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if para_start.is_none() {
                para_start = Some(line_start + lead);
            }
            para_end = line_start + lead + trimmed.len();
        }
        // Step over the line break: \r\n counts as one.
        let mut next = line_end;
        if next < bytes.len() && bytes[next] == b'\r' {
            next += 1;
        }
        if next < bytes.len() && bytes[next] == b'\n' && (next == line_end || bytes[line_end] == b'\r') {
            next += 1;
        }
        if next == line_end {
            break;
        }
        line_start = next;
    }
    if let Some(s) = para_start {
        out.push(Span::new(s, para_end));
    }
    out
}

/// Markdown: prose is the text of paragraphs, headings, list items, block quotes, table
/// cells, footnote definitions and link text.
fn markdown(text: &str) -> Prose<'_> {
    let mut masked: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    let mut links = Vec::new();
    let mut footnotes = Vec::new();

    // Open containers; a text event belongs to the innermost one that holds prose.
    struct Open {
        kind: Option<BlockKind>,
        span: Option<Span>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut quote_depth: u8 = 0;
    // Inside these, text is not prose.
    let mut opaque_depth = 0usize;
    // Link text starts here (index into `links` once closed).
    let mut open_links: Vec<(Span, Option<Span>, bool)> = Vec::new();

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let parser = Parser::new_ext(text, options).into_offset_iter();

    let flush = |open: Open, blocks: &mut Vec<Block>, depth: u8| {
        if let (Some(kind), Some(span)) = (open.kind, open.span) {
            // Text before inline code or HTML ("12 `est`") ends in a space: the block
            // ends at its last prose character.
            let slice = span.slice(text);
            let span = Span::new(span.start, span.start + slice.trim_end().len());
            if span.is_empty() {
                return;
            }
            blocks.push(Block {
                span,
                kind,
                quote_depth: depth,
            });
        }
    };

    for (event, range) in parser {
        match event {
            Event::Start(tag) => {
                let kind = match &tag {
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Heading { level, .. } => Some(BlockKind::Heading(*level as u8)),
                    Tag::Item => Some(BlockKind::ListItem),
                    Tag::TableCell => Some(BlockKind::TableCell),
                    Tag::FootnoteDefinition(_) => Some(BlockKind::FootnoteDefinition),
                    _ => None,
                };
                match &tag {
                    Tag::BlockQuote(_) => quote_depth = quote_depth.saturating_add(1),
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. } => opaque_depth += 1,
                    Tag::Link { link_type, .. } => {
                        let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        open_links.push((Span::from(range.clone()), None, autolink));
                    }
                    _ => {}
                }
                if kind.is_some() {
                    // A paragraph inside a list item owns its own text: the item keeps only
                    // the text that precedes it (tight lists have no paragraphs at all).
                    stack.push(Open { kind, span: None });
                } else if matches!(
                    tag,
                    Tag::BlockQuote(_) | Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow
                ) {
                    stack.push(Open { kind: None, span: None });
                }
            }
            Event::End(end) => {
                match end {
                    TagEnd::BlockQuote(_) => quote_depth = quote_depth.saturating_sub(1),
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                        opaque_depth = opaque_depth.saturating_sub(1)
                    }
                    TagEnd::Link => {
                        if let Some((span, text_span, autolink)) = open_links.pop() {
                            if autolink {
                                if let Some(t) = text_span {
                                    blank(&mut masked, t);
                                }
                            } else if let Some(t) = text_span {
                                links.push(Link { span, text: t });
                            }
                        }
                    }
                    _ => {}
                }
                let closes_container = matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::TableCell
                        | TagEnd::FootnoteDefinition
                        | TagEnd::BlockQuote(_)
                        | TagEnd::List(_)
                        | TagEnd::Table
                        | TagEnd::TableHead
                        | TagEnd::TableRow
                );
                if closes_container && let Some(open) = stack.pop() {
                    // The depth of a block inside a quote is that of the quote, so
                    // close the block before the quote depth drops.
                    let depth = if matches!(end, TagEnd::BlockQuote(_)) {
                        quote_depth + 1
                    } else {
                        quote_depth
                    };
                    flush(open, &mut blocks, depth);
                }
            }
            Event::Text(_) => {
                if opaque_depth > 0 {
                    continue;
                }
                let span = Span::from(range);
                masked[span.start..span.end].copy_from_slice(&text.as_bytes()[span.start..span.end]);
                if let Some(open) = stack.iter_mut().rev().find(|o| o.kind.is_some()) {
                    open.span = Some(open.span.map_or(span, |s| s.cover(span)));
                }
                if let Some(l) = open_links.last_mut() {
                    l.1 = Some(l.1.map_or(span, |s| s.cover(span)));
                }
            }
            Event::FootnoteReference(_) => footnotes.push(Span::from(range)),
            Event::SoftBreak | Event::HardBreak => {
                // A line break inside a block is a space to the prose; extending the block
                // over it keeps multi-line paragraphs in one piece.
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }
    while let Some(open) = stack.pop() {
        flush(open, &mut blocks, quote_depth);
    }
    blocks.sort_by_key(|b| b.span.start);

    // A byte-order mark is not prose (the parser may hand it over as text).
    if text.starts_with(BOM) {
        blank(&mut masked, Span::new(0, BOM.len()));
    }
    // Only ASCII bytes were written over, and whole Text ranges were copied, so the
    // buffer is still valid UTF-8; checked anyway rather than trusted.
    let masked = String::from_utf8(masked).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut prose = Prose {
        masked: Cow::Owned(masked),
        blocks,
        links,
        footnotes,
    };
    mask_bare_urls(&mut prose);
    prose
}

fn blank(masked: &mut [u8], span: Span) {
    for b in &mut masked[span.start..span.end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Bare URLs (`https://…`, `www.…`) are addresses, not prose.
fn mask_bare_urls(prose: &mut Prose<'_>) {
    let spans = bare_urls(&prose.masked);
    if spans.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(&mut prose.masked).into_owned().into_bytes();
    for s in spans {
        blank(&mut bytes, s);
    }
    prose.masked = Cow::Owned(String::from_utf8(bytes).unwrap_or_default());
}

fn bare_urls(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // Addresses are rare, and "://" and "www." are rarer still in prose: two fast substring
    // passes find them without visiting every `h` and `w` of the draft.
    let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"://")
        .filter_map(|colon| {
            let scheme_start = |len: usize| {
                colon
                    .checked_sub(len)
                    .filter(|&s| bytes[s..colon].eq_ignore_ascii_case(&b"https"[..len]))
            };
            scheme_start(5)
                .or_else(|| scheme_start(4))
                .filter(|&s| s == 0 || !bytes[s - 1].is_ascii_alphanumeric())
        })
        .collect();
    // `www.` only at a word start, so "awww." is not an address.
    starts
        .extend(memchr::memmem::find_iter(bytes, b"www.").filter(|&s| s == 0 || !bytes[s - 1].is_ascii_alphanumeric()));
    starts.sort_unstable();
    let mut out: Vec<Span> = Vec::new();
    for start in starts {
        if out.last().is_some_and(|last| start < last.end) {
            continue;
        }
        let mut end = start;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() && !matches!(bytes[end], b'<' | b'>' | b'"') {
            end += 1;
        }
        // Trailing sentence punctuation belongs to the prose, not the address.
        while end > start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'') {
            end -= 1;
        }
        // Never cut a multi-byte character in half.
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(Span::new(start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(text: &str) -> String {
        extract(text, DocKind::Markdown).masked.into_owned()
    }

    #[test]
    fn masked_text_keeps_length_and_lines() {
        let src = "# Title\n\nSome *bold* text with `code` and [a link](http://x.y).\n";
        let p = extract(src, DocKind::Markdown);
        assert_eq!(p.masked.len(), src.len());
        assert_eq!(p.masked.matches('\n').count(), src.matches('\n').count());
        assert!(p.masked.contains("Title"));
        assert!(p.masked.contains("bold"));
        assert!(!p.masked.contains("code"));
        assert!(p.masked.contains("a link"));
        assert!(!p.masked.contains("http"));
        assert_eq!(p.links.len(), 1);
        assert_eq!(p.links[0].text.slice(src), "a link");
    }

    #[test]
    fn code_html_front_matter_are_not_prose() {
        let src = "---\ntitle: Secret\n---\n\nVisible words.\n\n```\nhidden code\n```\n\n    indented code\n\n<div>html block</div>\n\nText <!-- a comment --> more.\n";
        let m = prose_of(src);
        assert!(!m.contains("Secret"));
        assert!(!m.contains("hidden"));
        assert!(!m.contains("indented"));
        assert!(!m.contains("html block"));
        assert!(!m.contains("comment"));
        assert!(m.contains("Visible words."));
        assert!(m.contains("Text") && m.contains("more."));
    }

    #[test]
    fn blocks_cover_paragraphs_items_cells_and_quotes() {
        let src =
            "Para one\ncontinues.\n\n- item a\n- item b\n\n> quoted words\n\n| h1 | h2 |\n|----|----|\n| c1 | c2 |\n";
        let p = extract(src, DocKind::Markdown);
        let texts: Vec<(&str, BlockKind, u8)> = p
            .blocks
            .iter()
            .map(|b| (b.span.slice(src), b.kind, b.quote_depth))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("Para one\ncontinues.", BlockKind::Paragraph, 0),
                ("item a", BlockKind::ListItem, 0),
                ("item b", BlockKind::ListItem, 0),
                ("quoted words", BlockKind::Paragraph, 1),
                ("h1", BlockKind::TableCell, 0),
                ("h2", BlockKind::TableCell, 0),
                ("c1", BlockKind::TableCell, 0),
                ("c2", BlockKind::TableCell, 0),
            ]
        );
    }

    #[test]
    fn bare_urls_and_autolinks_and_footnotes() {
        let src = "See https://example.com/a?b=c. Or HTTP://CAPS.example and ahttp://no. Or <https://auto.link> and www.site.org, done[^1].\n\n[^1]: A note.\n";
        let p = extract(src, DocKind::Markdown);
        assert!(!p.masked.contains("example"));
        assert!(
            p.masked.contains("ahttp://no"),
            "a scheme glued to a word is not an address"
        );
        assert!(!p.masked.contains("auto.link"));
        assert!(!p.masked.contains("site.org"));
        assert!(p.masked.contains("See"));
        assert!(p.masked.contains("done"));
        assert!(!p.masked.contains("[^1]"));
        assert_eq!(p.footnotes.len(), 1);
        assert!(p.masked.contains("A note."));
    }

    #[test]
    fn plain_text_paragraphs_on_blank_lines_with_any_line_ending() {
        let src = "First line\nsame para.\r\n\r\nSecond.\r\rThird.\n   \nFourth";
        let p = extract(src, DocKind::Text);
        let paras: Vec<&str> = p.blocks.iter().map(|b| b.span.slice(src)).collect();
        assert_eq!(paras, vec!["First line\nsame para.", "Second.", "Third.", "Fourth"]);
        assert!(matches!(p.masked, Cow::Borrowed(_)));
    }

    #[test]
    fn plain_text_suppression_comments_are_not_prose() {
        let src = "<!-- copydesk-disable claim/hedge -->\nIt reportedly rained. <!-- a note to the desk -->\n";
        let p = extract(src, DocKind::Text);
        assert!(!p.masked.contains("copydesk") && !p.masked.contains("claim/hedge"));
        // Other comments are the writer's text in a plain-text draft.
        assert!(p.masked.contains("a note to the desk"));
        assert_eq!(
            p.blocks[0].span.slice(src),
            "It reportedly rained. <!-- a note to the desk -->"
        );
    }

    #[test]
    fn bom_is_masked_not_removed() {
        let src = "\u{feff}Hello there.";
        let p = extract(src, DocKind::Text);
        assert_eq!(p.masked.len(), src.len());
        assert_eq!(p.blocks[0].span.slice(src), "Hello there.");
        let p = extract(src, DocKind::Markdown);
        assert_eq!(p.masked.len(), src.len());
        assert!(p.masked.trim_start().starts_with("Hello"));
    }
}

/// Markdown as reporters write it: front matter from a CMS, comments to the desk, nested
/// lists, footnotes, tables, links, indented code.
#[cfg(test)]
mod drafts {
    use super::*;

    fn masked(src: &str) -> String {
        let p = extract(src, DocKind::Markdown);
        assert_eq!(p.masked.len(), src.len(), "offsets are kept");
        p.masked.into_owned()
    }

    fn block_texts(src: &str) -> Vec<(String, BlockKind)> {
        extract(src, DocKind::Markdown)
            .blocks
            .iter()
            .map(|b| (b.span.slice(src).to_string(), b.kind))
            .collect()
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let yaml = "---\nslug: bridge-vote\nauthor: Desk\n---\n\nThe council voted.\n";
        let m = masked(yaml);
        assert!(!m.contains("slug") && !m.contains("Desk") && !m.contains("---"));
        assert!(m.contains("The council voted."));
        let toml = "+++\ntitle = \"Bridge\"\n+++\n\nThe council voted.\n";
        let m = masked(toml);
        assert!(!m.contains("title") && !m.contains("+++"));
        assert!(m.contains("The council voted."));
        // A rule later in the draft is not front matter.
        let m = masked("Intro.\n\n---\n\nSlug words stay.\n");
        assert!(m.contains("Slug words stay."));
    }

    #[test]
    fn html_comments_inline_block_and_multi_line() {
        let src = "Before <!-- check with legal --> after.\n\n<!--\nEditor: hold until\nMonday.\n-->\n\nNext para.\n";
        let m = masked(src);
        assert!(!m.contains("legal") && !m.contains("Editor") && !m.contains("Monday"));
        assert!(m.contains("Before") && m.contains("after.") && m.contains("Next para."));
        assert_eq!(m.lines().count(), src.lines().count(), "line breaks kept");
    }

    #[test]
    fn nested_lists_give_one_block_per_item() {
        let src = "- Budget\n  - Roads\n    - Potholes fixed\n  - Schools\n- Housing\n";
        assert_eq!(
            block_texts(src),
            [
                ("Budget".to_string(), BlockKind::ListItem),
                ("Roads".to_string(), BlockKind::ListItem),
                ("Potholes fixed".to_string(), BlockKind::ListItem),
                ("Schools".to_string(), BlockKind::ListItem),
                ("Housing".to_string(), BlockKind::ListItem),
            ]
        );
        // Loose items hold paragraphs; numbered lists too.
        let src = "1. First point.\n\n   More on it.\n\n2. Second point.\n";
        let b = block_texts(src);
        let texts: Vec<&str> = b.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["First point.", "More on it.", "Second point."]);
        assert!(!masked(src).contains("1."));
    }

    #[test]
    fn footnote_labels_are_not_prose_but_their_text_is() {
        let src = "Turnout fell[^turnout] sharply.\n\n[^turnout]: Electoral commission figures.\n";
        let p = extract(src, DocKind::Markdown);
        assert!(!p.masked.contains("turnout]") && !p.masked.contains("[^"));
        assert_eq!(p.masked.matches("turnout").count(), 0);
        assert!(p.masked.contains("Turnout fell") && p.masked.contains("sharply."));
        assert!(p.masked.contains("Electoral commission figures."));
        assert_eq!(p.footnotes.len(), 1);
        assert_eq!(p.footnotes[0].slice(src), "[^turnout]");
        assert!(
            p.blocks
                .iter()
                .any(|b| b.span.slice(src) == "Electoral commission figures.")
        );
    }

    #[test]
    fn tables_cells_are_prose_and_syntax_is_not() {
        let src = "| Party | Seats |\n|:------|------:|\n| Greens | 12 `est` |\n";
        let m = masked(src);
        assert!(!m.contains('|') && !m.contains("---") && !m.contains(':') && !m.contains("est"));
        let b = block_texts(src);
        let cells: Vec<&str> = b.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(cells, ["Party", "Seats", "Greens", "12"]);
        assert!(b.iter().all(|(_, k)| *k == BlockKind::TableCell));
    }

    #[test]
    fn link_destinations_titles_references_and_images() {
        let src = "Read [the audit](https://audit.example/report.pdf \"Audit title\") and [the reply][r].\n\n\
                   ![Photo of the mayor](mayor.jpg)\n\n[r]: https://reply.example/x \"Reply title\"\n";
        let p = extract(src, DocKind::Markdown);
        let m = &p.masked;
        assert!(m.contains("the audit") && m.contains("the reply"));
        for gone in [
            "audit.example",
            "Audit title",
            "reply.example",
            "Reply title",
            "mayor.jpg",
            "[r]",
            "](",
        ] {
            assert!(!m.contains(gone), "{gone} is not prose");
        }
        let texts: Vec<&str> = p.links.iter().map(|l| l.text.slice(src)).collect();
        assert_eq!(texts, ["the audit", "the reply"]);
    }

    #[test]
    fn indented_and_fenced_code_but_not_list_continuations() {
        let src =
            "Intro.\n\n    let x = \"not prose\";\n\n~~~text\nfenced too\n~~~\n\n- Item\n\n    continued item text\n";
        let m = masked(src);
        assert!(!m.contains("not prose") && !m.contains("fenced too"));
        assert!(m.contains("Intro.") && m.contains("continued item text"));
    }

    #[test]
    fn blockquotes_record_their_depth() {
        let src = "The statement read:\n\n> We regret the decision.\n>\n> > Quoting the judge.\n";
        let p = extract(src, DocKind::Markdown);
        let depths: Vec<(&str, u8)> = p.blocks.iter().map(|b| (b.span.slice(src), b.quote_depth)).collect();
        assert_eq!(
            depths,
            [
                ("The statement read:", 0),
                ("We regret the decision.", 1),
                ("Quoting the judge.", 2)
            ]
        );
        assert!(!p.masked.contains('>'));
    }

    #[test]
    fn emphasis_and_escapes_keep_the_words() {
        let src = "A **bold** and _soft_ ~~struck~~ claim.\n";
        let m = masked(src);
        assert!(m.contains("bold") && m.contains("soft") && m.contains("struck") && m.contains("claim."));
        assert!(!m.contains('*') && !m.contains('_') && !m.contains('~'));
    }
}
