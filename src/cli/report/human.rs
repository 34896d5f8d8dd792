//! The human report, in the style of rustc: what is wrong, where, and the line itself
//! with the problem underlined.
//!
//! ```text
//! warning[quote/unbalanced]: This quotation mark opens a quotation that is never closed …
//!  --> drafts/a.md:3:1
//!   |
//! 3 | “We will keep working on it, the spokesman said.
//!   | ^
//! ```
//!
//! Related places (the canonical spelling of a name, the last mention of a speaker) follow
//! as notes with their own snippet. The last line sums up the run.

use std::fmt::Write;

use rayon::prelude::*;
use unicode_width::UnicodeWidthChar;

use super::{FileReport, Report};
use crate::finding::{Finding, Severity};
use crate::text::Span;

/// Lines wider than this are shown as a window around the underlined text.
const MAX_WIDTH: usize = 100;
/// How far left of the underline the window starts, so the reader sees some context.
const LEFT_CONTEXT: usize = 30;
/// A span over more lines shows its first lines and its last one.
const MAX_SPAN_LINES: usize = 4;
/// Related places shown with a snippet; the rest are listed in one note.
const MAX_RELATED: usize = 5;
/// A tab is shown as this many spaces, as rustc does, so carets line up in any terminal.
const TAB: &str = "    ";

pub fn render(report: &Report, color: bool) -> String {
    let paint = Paint(color);
    // Each file's part reads only the finished report: a folder's parts are written in
    // parallel and joined in order.
    let parts: Vec<String> = report
        .files
        .par_iter()
        .map(|f| {
            let mut part = String::new();
            for x in &f.findings {
                finding(&mut part, report, f, x, paint);
                part.push('\n');
            }
            part
        })
        .collect();
    let mut out = parts.concat();
    let _ = writeln!(out, "{}", paint.bold(&report.summary_line()));
    out
}

fn finding(out: &mut String, report: &Report, f: &FileReport, x: &Finding, paint: Paint) {
    let related: Vec<(&FileReport, &crate::finding::Related)> = x
        .related
        .iter()
        .filter_map(|r| Some((report.related_file(f, r)?, r)))
        .collect();
    // One gutter width for the whole diagnostic, so every `|` lines up.
    let width = std::iter::once(last_line(f, x.span))
        .chain(related.iter().take(MAX_RELATED).map(|(o, r)| last_line(o, r.span)))
        .max()
        .unwrap_or(1)
        .to_string()
        .len();

    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(x.severity, &format!("{}[{}]", x.severity, x.rule)),
        paint.bold(&x.message)
    );
    location(out, f, x.span, width, paint);
    snippet(out, f, x.span, width, paint, Some(x.severity));

    for (other, r) in related.iter().take(MAX_RELATED) {
        let _ = writeln!(out, "{}: {}", paint.note("note"), r.message);
        location(out, other, r.span, width, paint);
        snippet(out, other, r.span, width, paint, None);
    }
    if related.len() > MAX_RELATED {
        let rest: Vec<String> = related[MAX_RELATED..]
            .iter()
            .map(|(o, r)| {
                let (l, c) = o.line_col(r.span.start);
                format!("{}:{l}:{c}", o.path)
            })
            .collect();
        let _ = writeln!(
            out,
            "{} {}: also at {}",
            paint.gutter(&format!("{:width$} =", "")),
            paint.note("note"),
            rest.join(", ")
        );
    }
}

fn location(out: &mut String, f: &FileReport, span: Span, width: usize, paint: Paint) {
    let (line, col) = f.line_col(span.start);
    let _ = writeln!(
        out,
        "{}{} {}:{line}:{col}",
        " ".repeat(width),
        paint.gutter("-->"),
        f.path
    );
}

/// The 1-based number of the last line a span's snippet shows.
fn last_line(f: &FileReport, span: Span) -> usize {
    lines_of(f, span).1 + 1
}

/// The 0-based first and last lines a span covers. A span that ends right at the start of a
/// line (it took in a line break) does not show that line.
fn lines_of(f: &FileReport, span: Span) -> (usize, usize) {
    let first = f.lines.line_of(span.start);
    let mut last = f.lines.line_of(span.end);
    if last > first && f.lines.line_start(last) >= span.end {
        last -= 1;
    }
    (first, last)
}

fn snippet(out: &mut String, f: &FileReport, span: Span, width: usize, paint: Paint, sev: Option<Severity>) {
    let (first, last) = lines_of(f, span);
    let bar = paint.gutter(&format!("{:width$} |", ""));
    let _ = writeln!(out, "{bar}");
    let count = last - first + 1;
    for line in first..=last {
        // Long spans: the first lines, an ellipsis, and the last line.
        if count > MAX_SPAN_LINES && line >= first + MAX_SPAN_LINES - 1 && line < last {
            if line == first + MAX_SPAN_LINES - 1 {
                let _ = writeln!(out, "{}", paint.gutter("..."));
            }
            continue;
        }
        let (start, text) = f.line_text(line);
        let end = start + text.len();
        // The part of this line under the span; continuation lines start at their first
        // non-blank character, like a quotation that runs on.
        let mut from = span.start.clamp(start, end);
        if line > first {
            from = start + (text.len() - text.trim_start().len());
        }
        let to = span.end.clamp(from, end);
        let shown = Shown::new(text, start, from, to);
        let _ = writeln!(
            out,
            "{} {}",
            paint.gutter(&format!("{:>width$} |", line + 1)),
            shown.text
        );
        let carets = "^".repeat(shown.caret_len.max(1));
        let carets = match sev {
            Some(s) => paint.severity(s, &carets),
            None => paint.note(&carets),
        };
        let _ = writeln!(out, "{bar} {}{carets}", " ".repeat(shown.caret_at));
    }
}

/// A line as the terminal will show it, with where the carets go, in display columns.
struct Shown {
    text: String,
    caret_at: usize,
    caret_len: usize,
}

impl Shown {
    /// `text` is one line starting at byte `start` of the file; the carets go under the
    /// bytes `from..to`.
    fn new(text: &str, start: usize, from: usize, to: usize) -> Shown {
        // Each character as shown: tabs expanded, controls and bidi overrides made visible
        // (they would move the rest of the line in a terminal), wide characters two columns.
        // A paragraph is one line in most drafts, and a report shows it once per finding:
        // the characters are read into one list, with no string per character.
        let cells: Vec<(usize, Glyph, usize)> = text
            .char_indices()
            .map(|(i, c)| {
                let glyph = Glyph::of(c);
                (start + i, glyph, glyph.width())
            })
            .collect();
        let col = |offset: usize| -> usize { cells.iter().take_while(|c| c.0 < offset).map(|c| c.2).sum() };
        let total: usize = cells.iter().map(|c| c.2).sum();
        let (caret_at, caret_end) = (col(from), col(to));

        if total <= MAX_WIDTH {
            let mut text = String::with_capacity(text.len());
            for (_, g, _) in &cells {
                g.push_to(&mut text);
            }
            return Shown {
                text,
                caret_at,
                caret_len: caret_end - caret_at,
            };
        }
        // A window of MAX_WIDTH columns that starts a little before the carets.
        let left = caret_at
            .saturating_sub(LEFT_CONTEXT)
            .min(total.saturating_sub(MAX_WIDTH));
        let mut text = String::new();
        let mut x = 0;
        let mut shown_from = None;
        let mut shown_to = left;
        for (_, g, w) in &cells {
            if x >= left && x + w <= left + MAX_WIDTH {
                shown_from.get_or_insert(x);
                g.push_to(&mut text);
                shown_to = x + w;
            }
            x += w;
        }
        let shown_from = shown_from.unwrap_or(left);
        let lead = usize::from(shown_from > 0);
        if lead == 1 {
            text.insert(0, '…');
        }
        if shown_to < total {
            text.push('…');
        }
        let at = caret_at.saturating_sub(shown_from) + lead;
        let end = caret_end.min(shown_to).saturating_sub(shown_from) + lead;
        Shown {
            text,
            caret_at: at,
            caret_len: end.saturating_sub(at),
        }
    }
}

/// How one character of a line is shown in a terminal.
#[derive(Clone, Copy)]
enum Glyph {
    /// Expanded to [`TAB`].
    Tab,
    /// Shown as U+FFFD: a control character or an invisible mover.
    Hidden,
    Char(char),
}

impl Glyph {
    fn of(c: char) -> Glyph {
        match c {
            '\t' => Glyph::Tab,
            c if c.is_control() || is_invisible_mover(c) => Glyph::Hidden,
            c => Glyph::Char(c),
        }
    }

    /// Columns it takes.
    fn width(self) -> usize {
        match self {
            Glyph::Tab => TAB.len(),
            Glyph::Hidden => 1,
            Glyph::Char(c) => c.width().unwrap_or(0),
        }
    }

    fn push_to(self, out: &mut String) {
        match self {
            Glyph::Tab => out.push_str(TAB),
            Glyph::Hidden => out.push('\u{fffd}'),
            Glyph::Char(c) => out.push(c),
        }
    }
}

/// Characters that move or reorder the text after them without showing themselves.
fn is_invisible_mover(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// ANSI colours, or none at all.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }

    fn gutter(self, s: &str) -> String {
        self.wrap("1;34", s)
    }

    fn note(self, s: &str) -> String {
        self.wrap("1;32", s)
    }

    fn severity(self, sev: Severity, s: &str) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Hint => "1;32",
        };
        self.wrap(code, s)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::{at, report};
    use super::*;
    use crate::finding::Related;
    use crate::rules::Rule;

    fn unbalanced(text: &str, needle: &str) -> Finding {
        Finding::new(Rule::QuoteUnbalanced, at(text, needle), "Never closed.")
    }

    #[test]
    fn header_location_line_and_carets() {
        let t = "First line.\n\nShe said “we will win.\n";
        let r = report(&[("drafts/a.md", t, vec![unbalanced(t, "“")])]);
        assert_eq!(
            render(&r, false),
            "warning[quote/unbalanced]: Never closed.\n \
             --> drafts/a.md:3:10\n  \
             |\n\
             3 | She said “we will win.\n  \
             |          ^\n\
             \n\
             checked 1 draft: 1 warning\n"
        );
    }

    #[test]
    fn tabs_wide_characters_and_crlf() {
        let t = "\t北京 “x\r\nnext";
        let r = report(&[("a.txt", t, vec![unbalanced(t, "“x")])]);
        let out = render(&r, false);
        // Tab = 4 columns, each CJK character 2, then a space: the caret at column 9.
        assert!(out.contains("1 |     北京 “x\n  |          ^^\n"), "{out}");
        assert!(out.contains("--> a.txt:1:5"), "{out}");
        assert!(!out.contains('\r'));
    }

    #[test]
    fn files_are_reported_in_their_order_however_many() {
        // The files' parts are written in parallel; the report keeps the files' order.
        let texts: Vec<(String, String)> = (0..40)
            .map(|i| (format!("drafts/{i:02}.md"), format!("Draft {i} says “open.\n")))
            .collect();
        let files: Vec<(&str, &str, Vec<Finding>)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str(), vec![unbalanced(t, "“")]))
            .collect();
        let out = render(&report(&files), false);
        let order: Vec<&str> = out
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("--> "))
            .collect();
        let expected: Vec<String> = texts
            .iter()
            .map(|(p, t)| format!("{p}:1:{}", t[..t.find('“').unwrap()].chars().count() + 1))
            .collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn multi_line_span_underlines_each_line() {
        let t = "Intro.\n“One two\n   three four.”\nAfter.";
        let start = t.find('“').unwrap();
        let end = t.find('”').unwrap() + '”'.len_utf8();
        let f = Finding::new(Rule::QuoteUnattributed, Span::new(start, end), "Who said this?");
        let out = render(&report(&[("a.txt", t, vec![f])]), false);
        assert!(
            out.contains("2 | “One two\n  | ^^^^^^^^\n3 |    three four.”\n  |    ^^^^^^^^^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn long_lines_are_windowed_around_the_span() {
        let t = format!("{} “quoted {}", "word ".repeat(60), "tail ".repeat(60));
        let out = render(&report(&[("a.txt", &t, vec![unbalanced(&t, "“")])]), false);
        let line = out.lines().find(|l| l.starts_with("1 |")).unwrap();
        let carets = out.lines().find(|l| l.contains('^')).unwrap();
        assert!(line.starts_with("1 | …") && line.ends_with('…'), "{line}");
        assert!(line.chars().count() <= MAX_WIDTH + 6);
        // The caret sits under the quotation mark.
        let col = carets.find('^').unwrap();
        assert_eq!(line.chars().nth(col), Some('“'), "{line}\n{carets}");
    }

    #[test]
    fn related_places_are_notes_across_files() {
        let a = "Al-Saudani spoke.";
        let b = "Earlier, Al-Sudani arrived.";
        let f = Finding::new(Rule::NameVariant, at(a, "Al-Saudani"), "Spelled two ways.").with_related(Related {
            doc: Some(Arc::from("b.md")),
            span: at(b, "Al-Sudani"),
            message: "the usual spelling".into(),
        });
        let out = render(&report(&[("a.md", a, vec![f]), ("b.md", b, vec![])]), false);
        assert!(
            out.contains("note: the usual spelling\n --> b.md:1:10\n  |\n1 | Earlier, Al-Sudani arrived.\n  |          ^^^^^^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn many_related_places_are_listed_after_the_first_few() {
        let t = "Al-Saudani. Al-Sudani. Al-Sudani. Al-Sudani. Al-Sudani. Al-Sudani. Al-Sudani. Al-Sudani.";
        let mut f = Finding::new(Rule::NameVariant, at(t, "Al-Saudani"), "Spelled two ways.");
        for (i, _) in t.match_indices("Al-Sudani") {
            f = f.with_related(Related {
                doc: None,
                span: Span::new(i, i + 9),
                message: "the usual spelling".into(),
            });
        }
        let out = render(&report(&[("a.md", t, vec![f])]), false);
        assert_eq!(out.matches("note: the usual spelling").count(), MAX_RELATED);
        assert!(out.contains("  = note: also at a.md:1:68, a.md:1:79\n"), "{out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let t = "“x";
        let r = report(&[("a.txt", t, vec![unbalanced(t, "“")])]);
        assert!(!render(&r, false).contains('\x1b'));
        let coloured = render(&r, true);
        assert!(
            coloured.contains("\x1b[1;33mwarning[quote/unbalanced]\x1b[0m"),
            "{coloured}"
        );
    }

    #[test]
    fn control_and_bidi_characters_are_made_visible() {
        let t = "a\u{202e}b “c";
        let out = render(&report(&[("a.txt", t, vec![unbalanced(t, "“")])]), false);
        assert!(out.contains("1 | a\u{fffd}b “c\n  |     ^\n"), "{out}");
    }
}
