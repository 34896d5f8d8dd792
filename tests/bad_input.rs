//! The bad-input matrix for the engine: odd drafts never crash `analyze`, and what it
//! returns still points inside the text. (The command line's handling of unreadable files
//! is tested in the CLI tests; the language server's in the LSP tests.)

use copydesk::{Config, DocKind, Rule, analyze};

fn check_sound(text: &str) -> copydesk::Analysis {
    for kind in [DocKind::Markdown, DocKind::Text] {
        let a = analyze(text, kind, &Config::default());
        for f in &a.findings {
            assert!(f.span.end <= text.len(), "finding past the end");
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
        for q in &a.quote_spans {
            assert!(q.span.end <= text.len());
        }
    }
    analyze(text, DocKind::Text, &Config::default())
}

#[test]
fn empty_and_whitespace_only() {
    assert!(check_sound("").findings.is_empty());
    assert!(check_sound(" \t\n\r\n\r  \u{a0}\u{2003}\n").findings.is_empty());
}

#[test]
fn one_megabyte_line() {
    let line = "The minister spoke and the crowd listened, ".repeat(1_000_000 / 44 + 1);
    let a = check_sound(&line);
    assert_eq!(a.segments.paragraphs.len(), 1);
}

#[test]
fn twenty_thousand_nested_quotation_marks() {
    let text = format!("{}{}", "“".repeat(20_000), "”".repeat(20_000));
    let a = check_sound(&text);
    assert!(
        a.findings.iter().all(|f| f.rule != Rule::QuoteUnbalanced),
        "balanced marks are balanced"
    );
    let text = "\"".repeat(20_000);
    check_sound(&text);
    let text = "“".repeat(20_000);
    let a = check_sound(&text);
    assert!(a.findings.iter().any(|f| f.rule == Rule::QuoteUnbalanced));
}

#[test]
fn nul_bytes_and_control_characters() {
    check_sound("He said \u{0} “we will\u{0} win the vote today,” and left.\u{7}\u{1b}[0m");
}

#[test]
fn byte_order_mark() {
    let a = check_sound("\u{feff}“We will keep going, whatever happens,” she said.");
    assert!(a.findings.iter().all(|f| f.rule != Rule::QuoteUnbalanced));
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let text = "“One thing is clear to everyone here,\r\n\r\n“and the other thing is too,” he said.\r\rDone.";
    let a = check_sound(text);
    assert!(
        a.findings.iter().all(|f| f.rule != Rule::QuoteUnbalanced),
        "{:?}",
        a.findings
    );
    assert_eq!(a.segments.paragraphs.len(), 3);
}

#[test]
fn right_to_left_scripts() {
    check_sound(
        "قال الوزير «سنواصل العمل مع جميع الأطراف» يوم الثلاثاء.\n\nאמר השר: \"נמשיך לעבוד\" היום.\u{202e}abc\u{202c}",
    );
}

#[test]
fn only_emoji() {
    check_sound("😀😀🇺🇦👩‍👩‍👧‍👦\n\n🙂 🙃 “😀😀 😀 😀” 😀");
}

#[test]
fn markdown_oddities() {
    check_sound(
        "---\nunclosed: front matter\n\n```\nunclosed fence “\n\n> > > “deep\n\n| a | “b |\n|---|\n[^1]: “x\n<div>\n",
    );
}
