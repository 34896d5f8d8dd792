//! The prose of a Markdown draft after a keystroke, worked out from the prose before it
//! instead of parsing the whole draft again (which is about a tenth of a keystroke's work
//! in a long draft).
//!
//! Only an edit that cannot change how Markdown reads the draft is taken this way: one that
//! changes the letters of words in running prose, on one line. Every other edit (any
//! Markdown punctuation, a line break, an indent, a word in code, a link destination or an
//! address, a draft with link reference definitions) is parsed again in full. The tests
//! check the shortcut against a full parse at every position of a draft and on thousands
//! of random edits.

use std::borrow::Cow;

use super::Span;
use super::prose::Prose;

/// A Markdown draft's source and its prose, kept for the next edit.
#[derive(Debug)]
pub struct KeptProse {
    source: String,
    prose: Prose<'static>,
    /// Whether the draft holds "]:" anywhere: a link reference or footnote definition can
    /// make a bracketed phrase elsewhere a link, depending on its exact words.
    definitions: bool,
}

impl KeptProse {
    /// Keeps the prose of `source` (as [`super::prose::extract`] made it for Markdown, or
    /// as [`KeptProse::after_edit`] did).
    pub fn new(source: &str, prose: Prose<'_>) -> Self {
        KeptProse {
            source: source.to_string(),
            prose: Prose {
                masked: Cow::Owned(prose.masked.into_owned()),
                blocks: prose.blocks,
                links: prose.links,
                footnotes: prose.footnotes,
            },
            definitions: memchr::memmem::find(source.as_bytes(), b"]:").is_some(),
        }
    }

    /// The prose of `text`, when `text` differs from the kept source by an edit to the
    /// words of running prose that cannot change how Markdown reads the draft; `None`
    /// when the draft must be parsed again.
    pub fn after_edit(&self, text: &str) -> Option<Prose<'static>> {
        if self.definitions {
            return None;
        }
        if text == self.source {
            return Some(self.prose.clone());
        }
        let edit = WordEdit::between(&self.source, text);
        if !edit.is_inert(&self.source, &self.prose.masked, text) {
            return None;
        }
        edit.apply(&self.prose, text)
    }
}

/// An edit widened to the whole words it touches: the old source's bytes `start..old_end`
/// became the new source's `start..new_end`. Words end at ASCII whitespace.
#[derive(Debug, PartialEq, Eq)]
struct WordEdit {
    start: usize,
    old_end: usize,
    new_end: usize,
}

impl WordEdit {
    /// The edit that turns `old` into `new` (two different texts).
    fn between(old: &str, new: &str) -> WordEdit {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(a, b);
        let most = a.len().min(b.len()) - prefix;
        let suffix = common_suffix(a, b).min(most);
        let mut start = prefix;
        while start > 0 && !a[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut old_end = a.len() - suffix;
        while old_end < a.len() && !a[old_end].is_ascii_whitespace() {
            old_end += 1;
        }
        let new_end = old_end + b.len() - a.len();
        // Word boundaries are ASCII bytes, so these are character boundaries.
        WordEdit {
            start,
            old_end,
            new_end,
        }
    }

    /// True when the edit cannot change how Markdown reads the draft: the words before
    /// and after are plain words of running prose on one line.
    fn is_inert(&self, old: &str, masked: &str, new: &str) -> bool {
        let (was, is) = (&old[self.start..self.old_end], &new[self.start..self.new_end]);
        let plain = |w: &str| {
            w.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || PLAIN_PUNCTUATION.contains(&c))
        };
        let trimmed = |w: &str| !w.starts_with(' ') && !w.ends_with(' ');
        if !(plain(was) && plain(is) && trimmed(was) && trimmed(is)) {
            return false;
        }
        // A word must stay: a line left blank, or holding only "-", would be new structure.
        if !is.chars().any(char::is_alphanumeric) {
            return false;
        }
        // No address: "www." makes one (and "://" is not plain).
        if was.contains("www.") || is.contains("www.") {
            return false;
        }
        // The old words were prose, not code, a link destination or an address.
        if masked[self.start..self.old_end] != *was {
            return false;
        }
        // At the start of a line, or of a block's content after the markers of a list item
        // or a quote ("2. ", "> "), all of which the masked text has blanked, a word can
        // open a list ("1.", "- "), so it must start with a letter or a quotation mark.
        // A lone carriage return ends a line too, as CommonMark reads it.
        let line_start = old[..self.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        if masked[line_start..self.start].bytes().all(|b| b == b' ' || b == b'\t') {
            let opens = |w: &str| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || "\"'“‘".contains(c))
            };
            if !(opens(is) && (was.is_empty() || opens(was))) {
                return false;
            }
        }
        // A word put between two others (or after the last) joins their prose: the words
        // on each side on the same line must be prose too.
        if was.is_empty() {
            let line_end = old[self.start..]
                .find(['\n', '\r'])
                .map_or(old.len(), |i| self.start + i);
            let before = old[line_start..self.start].trim_end_matches([' ', '\t', '\r']);
            let after = old[self.start..line_end].trim_start_matches([' ', '\t']);
            let prose_at = |at: usize| masked.as_bytes()[at] == old.as_bytes()[at];
            // A line with nothing before the new word is left to a full parse.
            if before.is_empty() || !prose_at(line_start + before.len() - 1) {
                return false;
            }
            if !after.trim_end_matches('\r').is_empty() && !prose_at(line_end - after.len()) {
                return false;
            }
        }
        true
    }

    /// The new prose: the new words unmasked in place of the old, and everything after
    /// them moved. `None` when the words are not inside a block of prose.
    fn apply(&self, old: &Prose<'_>, new: &str) -> Option<Prose<'static>> {
        let touched = Span::new(self.start, self.old_end);
        let moved = |at: usize| at + self.new_end - self.old_end;
        // A span before the words stays, one after them moves, one around them grows or
        // shrinks with them. None cuts a word (words end at whitespace, spans at prose).
        let reshape = |s: Span| -> Option<Span> {
            if s.end <= touched.start {
                Some(s)
            } else if s.start >= touched.end {
                Some(Span::new(moved(s.start), moved(s.end)))
            } else if s.start <= touched.start && touched.end <= s.end {
                Some(Span::new(s.start, moved(s.end)))
            } else {
                None
            }
        };
        // The block the words are in; or, for a word put after the last one of a line, the
        // block that ends on that line, which it lengthens.
        let appended_to = |b: &Span| {
            touched.is_empty()
                && b.end < touched.start
                && new.as_bytes()[b.end..touched.start]
                    .iter()
                    .all(|&c| c == b' ' || c == b'\t')
        };
        let home = old.blocks.iter().position(|b| {
            (b.span.start <= touched.start && touched.end <= b.span.end && b.span.start < b.span.end)
                || appended_to(&b.span)
        })?;
        let mut blocks = old.blocks.clone();
        for (i, b) in blocks.iter_mut().enumerate() {
            b.span = if i == home && appended_to(&b.span) {
                Span::new(b.span.start, self.new_end)
            } else {
                reshape(b.span)?
            };
        }
        let mut links = Vec::with_capacity(old.links.len());
        for l in &old.links {
            links.push(super::prose::Link {
                span: reshape(l.span)?,
                text: reshape(l.text)?,
            });
        }
        let footnotes = old.footnotes.iter().map(|&f| reshape(f)).collect::<Option<Vec<_>>>()?;
        let mut masked = String::with_capacity(new.len());
        masked.push_str(&old.masked[..self.start]);
        masked.push_str(&new[self.start..self.new_end]);
        masked.push_str(&old.masked[self.old_end..]);
        Some(Prose {
            masked: Cow::Owned(masked),
            blocks,
            links,
            footnotes,
        })
    }
}

/// Punctuation that means nothing to Markdown inside a line of prose.
const PLAIN_PUNCTUATION: &[char] = &[
    '\'', '’', '‘', '"', '“', '”', ',', '.', ';', '?', '-', '–', '—', '%', '$', '£', '€',
];

/// How many leading bytes `a` and `b` share (compared a block at a time).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 128;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// How many trailing bytes `a` and `b` share.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 128;
    let n = a.len().min(b.len());
    let (ea, eb) = (a.len(), b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[ea - i - BLOCK..ea - i] == b[eb - i - BLOCK..eb - i] {
        i += BLOCK;
    }
    while i < n && a[ea - i - 1] == b[eb - i - 1] {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
