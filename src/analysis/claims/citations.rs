//! Citations in brackets, as reference works, wikis and academic writing give them:
//! `[12]`, `[3, 4]`, `[3–5]`, `(Smith 2004)`, `(Smith, 2004)`, `(Smith et al. 2004, p. 4)`,
//! `(Mallie, Bishop p444)`, `(Rouche 1987, p. 529)`, `(vol. 2, p. 215)`,
//! `(see Adorno et al., 1950; Allport 1954)`, `(source: ONS)`, `(via Reuters)`.
//!
//! What makes a bracket a citation is its shape, not its words: a footnote number, or an
//! author and a year or a page, or an explicit "source:". A bracket that only dates or
//! explains something — "(born 1950)", "(October 2007)", "(about 1435 m/s)" — cites
//! nothing, and neither do the tags that say a source is missing ("[citation needed]",
//! "[who?]").

use crate::text::Span;
use crate::text::segment::{Segments, Token, TokenKind};

use super::grammar::in_class;

/// How far a bracket may run, in tokens, before it is taken for prose rather than a
/// citation: long enough for a list of several authors and years.
const LONGEST: usize = 60;

/// Push the span of every bracketed citation of the draft onto `out`. One pass over the
/// tokens of each paragraph; a bracket never spans paragraphs.
pub fn find(text: &str, segments: &Segments, out: &mut Vec<Span>) {
    for para in &segments.paragraphs {
        let Some(first) = segments.sentences.get(para.sentences.start) else {
            continue;
        };
        let last = &segments.sentences[para.sentences.end - 1];
        let toks = &segments.tokens[first.tokens.start..last.tokens.end];
        let mut i = 0;
        while i < toks.len() {
            // Brackets are punctuation tokens: the words, most tokens, are passed over
            // without reading their text.
            if toks[i].kind != TokenKind::Punct {
                i += 1;
                continue;
            }
            let close = match toks[i].text(text) {
                "[" => ']',
                "(" => ')',
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some(k) = closing(text, &toks[i + 1..], close) else {
                i += 1;
                continue;
            };
            let inner = &toks[i + 1..i + 1 + k];
            let cites = if close == ']' {
                is_reference_number(text, inner) || is_author_citation(text, inner)
            } else {
                is_author_citation(text, inner)
            };
            if cites {
                out.push(Span::new(toks[i].start(), toks[i + 1 + k].end()));
                i += k + 2;
            } else {
                i += 1;
            }
        }
    }
}

/// The index in `toks` of the bracket that closes one just opened, if it comes within
/// [`LONGEST`] tokens and no other bracket opens first.
fn closing(text: &str, toks: &[Token], close: char) -> Option<usize> {
    for (k, t) in toks.iter().take(LONGEST).enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        match t.text(text) {
            "(" | "[" => return None,
            s if s.starts_with(close) => return Some(k),
            _ => {}
        }
    }
    None
}

/// `12`, `3, 4`, `3–5`, `note 4`: footnote and reference numbers.
fn is_reference_number(text: &str, inner: &[Token]) -> bool {
    let mut numbers = 0;
    for (k, t) in inner.iter().enumerate() {
        let w = t.text(text);
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Punct if matches!(w, "," | "-" | "–" | "—") => {}
            TokenKind::Word if k == 0 && in_class(w, &["note", "n", "fn", "ref"]) => {}
            _ => return false,
        }
    }
    numbers > 0
}

/// `Smith 2004`, `Smith et al., 2004, p. 4`, `Mallie, Bishop p444`, `vol. 2, p. 215`,
/// `see Smith 2004; Jones 1999`, `source: ONS`: every part (parts are separated by
/// semicolons) an author with a year or a page, or a bare locator; or a `source:`.
fn is_author_citation(text: &str, inner: &[Token]) -> bool {
    let Some(first) = inner.first() else {
        return false;
    };
    if first.kind == TokenKind::Word && in_class(first.text(text), &["source", "sources", "via"]) {
        return inner.len() > 1;
    }
    let mut parts = inner
        .split(|t| t.kind == TokenKind::Punct && t.text(text) == ";")
        .peekable();
    parts.peek().is_some() && parts.all(|part| is_one_citation(text, part))
}

/// One author-and-year or author-and-page reference, or a bare page locator.
fn is_one_citation(text: &str, part: &[Token]) -> bool {
    let mut part = part;
    // "see", "see also", "cf.", "e.g." introduce a reference without changing it.
    while let Some(t) = part.first() {
        let w = t.text(text);
        let lead_word = t.kind == TokenKind::Word && in_class(w, &["see", "also", "cf", "cf.", "e.g.", "eg"]);
        if lead_word || t.kind == TokenKind::Punct {
            part = &part[1..];
        } else {
            break;
        }
    }
    let Some(first) = part.first() else {
        return false;
    };
    let year = part
        .iter()
        .any(|t| t.kind == TokenKind::Number && is_year(t.text(text)));
    let page = has_page(text, part);
    let w = first.text(text);
    // A locator alone: "vol. 2, p. 215", "p. 44", "pp. 12–14".
    if first.kind == TokenKind::Word && in_class(w, &["vol", "vol.", "volume", "p", "p.", "pp", "pp.", "ch", "chap"]) {
        return page || part.iter().any(|t| t.kind == TokenKind::Number);
    }
    if !(year || page) {
        return false;
    }
    // The author comes first and is a name: "(Smith 2004)", not "(born 1950)", "(October
    // 2007)" or "(in 1950)".
    first.kind == TokenKind::Word
        && w.starts_with(char::is_uppercase)
        && !in_class(w, NOT_AUTHORS)
        && author_words_only(text, part)
}

/// True when everything before the year or page of a reference could belong to a list of
/// authors: names, initials, "et al.", "and", "&", commas and dots. "(London, where he
/// lived from 1950)" is a place with a clause, not an author.
fn author_words_only(text: &str, part: &[Token]) -> bool {
    for t in part {
        let w = t.text(text);
        match t.kind {
            TokenKind::Number => return true,
            TokenKind::Word if is_page(w) || in_class(w, &["p", "p.", "pp", "pp."]) => return true,
            TokenKind::Word => {
                let name = w.starts_with(char::is_uppercase);
                if !name
                    && !in_class(
                        w,
                        &["et", "al", "al.", "and", "de", "van", "von", "der", "la", "le", "da"],
                    )
                {
                    return false;
                }
            }
            TokenKind::Punct => {
                if !matches!(w, "," | "." | "&" | "'" | "’" | "-") {
                    return false;
                }
            }
        }
    }
    true
}

/// A year as references write it: `2004`, `1987a`, `1950s` is a decade, not a year.
fn is_year(n: &str) -> bool {
    let digits = n.trim_end_matches(|c: char| c.is_ascii_lowercase() && c != 's');
    digits.len() == 4
        && digits.len() + 1 >= n.len()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with('1') || digits.starts_with("20"))
}

/// A page reference: `p444`, `pp12`, or `p.` / `pp.` followed by a number.
fn has_page(text: &str, part: &[Token]) -> bool {
    part.iter().enumerate().any(|(k, t)| {
        let w = t.text(text);
        t.kind == TokenKind::Word
            && (is_page(w)
                || in_class(w, &["p", "p.", "pp", "pp."])
                    && part[k + 1..]
                        .iter()
                        .find(|n| n.text(text) != ".")
                        .is_some_and(|n| n.kind == TokenKind::Number))
    })
}

/// `p444`, `pp12`: a page number written solid.
fn is_page(w: &str) -> bool {
    let digits = w.strip_prefix("pp").or_else(|| w.strip_prefix('p'));
    digits.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// Capitalised first words of a bracket that are no author: dates and the words of a
/// biographical aside.
const NOT_AUTHORS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Born",
    "Died",
    "In",
    "From",
    "Since",
    "Until",
    "Circa",
    "The",
    "A",
    "An",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::segment;
    use crate::text::{DocKind, prose};

    fn cited(src: &str) -> Vec<&str> {
        let prose = prose::extract(src, DocKind::Text);
        let segments = segment(&prose);
        let mut out = Vec::new();
        find(&prose.masked, &segments, &mut out);
        out.iter().map(|s| s.slice(src)).collect()
    }

    #[test]
    fn reference_numbers_and_author_citations_are_found() {
        assert_eq!(cited("Exports rose 12% last year.[4]"), ["[4]"]);
        assert_eq!(
            cited("Exports rose 12% [3, 4] and then [5–7] fell."),
            ["[3, 4]", "[5–7]"]
        );
        assert_eq!(cited("Turnout was 61% (Hale 2004)."), ["(Hale 2004)"]);
        assert_eq!(cited("Turnout was 61% (Hale, 2004, p. 12)."), ["(Hale, 2004, p. 12)"]);
        assert_eq!(cited("Turnout was 61% (Orme, Dunne p212)."), ["(Orme, Dunne p212)"]);
        assert_eq!(cited("Turnout was 61% (Orme et al. 1999a)."), ["(Orme et al. 1999a)"]);
        assert_eq!(cited("Turnout was 61% (vol. 3, p. 90)."), ["(vol. 3, p. 90)"]);
        assert_eq!(
            cited("Turnout was 61% (see Orme & Dunne, 1999; Hale 2004)."),
            ["(see Orme & Dunne, 1999; Hale 2004)"]
        );
        assert_eq!(
            cited("Turnout was 61% (source: Electoral Office)."),
            ["(source: Electoral Office)"]
        );
        assert_eq!(cited("Turnout was 61% [Hale 2004]."), ["[Hale 2004]"]);
    }

    #[test]
    fn dates_asides_and_missing_source_tags_cite_nothing() {
        assert!(cited("The mayor (born 1950) said little.").is_empty());
        assert!(cited("The mayor (October 2007) said little.").is_empty());
        assert!(cited("The bridge (in 1950 the longest) fell.").is_empty());
        assert!(cited("Sound is faster in water (about 1435 m/s).").is_empty());
        assert!(cited("Exports rose 12%.[citation needed]").is_empty());
        assert!(cited("Exports rose 12%.[who?]").is_empty());
        assert!(cited("He lived in Paris (London, where he grew up, in 1950).").is_empty());
        // "1950s" is a decade.
        assert!(cited("The city grew (Victorian 1950s).").is_empty());
    }
}
