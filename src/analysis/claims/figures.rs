//! `claim/unsourced-figure`: a statistic — a percentage, a sum of money, a count in
//! millions, "three times more", a ranking, a record ("the largest ever", "first-ever") —
//! in a paragraph that nowhere says where its figures come from (no speech verb, no
//! "according to", no reporting or evidence word, no link or citation).
//!
//! A plain number is no statistic: dates ("in 2002"), ages ("aged 45"), times ("10:30")
//! and ordinary counts of things in the story ("two campaigns", "four days") carry no unit
//! that makes them one, so they are never matched. One finding per sentence at most.

use crate::rules::Rule;
use crate::text::Span;
use crate::text::segment::TokenKind;

use super::grammar::{Sent, in_class, is_be};
use super::phrasebook::List;
use super::{Candidate, Scan, message};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Percent,
    Money,
    Count,
    Multiple,
    Ranking,
    Record,
}

impl Kind {
    fn question_and_advice(self) -> (&'static str, &'static str) {
        match self {
            Kind::Percent | Kind::Count => (
                "where does this figure come from?",
                "Add its source (‘…, according to the Office for National Statistics’) or link to it.",
            ),
            Kind::Money => (
                "where does this sum come from?",
                "Add its source (‘…, the company said in its annual report’) or link to it.",
            ),
            Kind::Multiple => (
                "compared on whose figures?",
                "Add the source of the comparison, or link to it.",
            ),
            Kind::Ranking => ("ranked by whom?", "Name the ranking or its source, or link to it."),
            Kind::Record => (
                "a record needs a source: who measured it?",
                "Add it (‘…, according to Guinness World Records’) or link to it.",
            ),
        }
    }
}

pub(super) fn find(scan: &Scan<'_>, found: &mut Vec<Candidate>) {
    let att = &scan.attribution;
    for (pi, para) in scan.segments.paragraphs.iter().enumerate() {
        if att.attributes(para.span) || scan.headlines[pi] {
            continue;
        }
        for si in para.sentences.clone() {
            let sent = scan.sent(si);
            let Some((span, kind)) = first_statistic(scan, &sent) else {
                continue;
            };
            if ranked_by_name(&sent) {
                continue;
            }
            let (question, advice) = kind.question_and_advice();
            found.push(Candidate {
                rule: Rule::ClaimUnsourcedFigure,
                span,
                message: message(scan.text, span, question, advice),
            });
        }
    }
}

/// "named the UK's largest attraction by the British Tourist Board", "ranked third by
/// Forbes", "voted best beach in the Coast Awards": a ranking, estimate or measurement with
/// its named author, or with the table, poll or awards it comes from.
fn ranked_by_name(sent: &Sent<'_>) -> bool {
    let judged = (0..sent.tokens.len()).any(|k| sent.is_word_in(k, JUDGED));
    judged
        && (in_a_table(sent)
            || (0..sent.tokens.len()).any(|k| {
                if !sent.is_word_in(k, &["by"]) {
                    return false;
                }
                // "by the ‘British Tourist Board’": the agent may be quoted or set in italics.
                let mut j = k + 1;
                if sent.is_word_in(j, &["the"]) {
                    j += 1;
                }
                while sent.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Punct)
                    && is_quote_or_emphasis(sent.text_of(j))
                {
                    j += 1;
                }
                sent.is_name(j)
            }))
}

/// "in the awards", "at the Coast Awards", "in the 2004 Good Beach Guide": a preposition, then
/// within a few words a table, poll or awards — where a ranking was made.
fn in_a_table(sent: &Sent<'_>) -> bool {
    (0..sent.tokens.len()).any(|k| {
        sent.is_word_in(k, &["in", "at", "on"])
            && sent.is_word_in(k + 1, &["the", "this", "that", "its", "their"])
            && (k + 2..k + 6)
                .take_while(|&j| {
                    sent.word(j).is_some() || sent.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number)
                })
                .any(|j| sent.is_word_in(j, RANKING_TABLES))
    })
}

/// Where rankings are made and published.
const RANKING_TABLES: &[&str] = &[
    "awards", "poll", "polls", "rankings", "ranking", "chart", "charts", "table", "tables", "list", "guide", "index",
    "survey",
];

/// Quotation marks, and the marks that stand for italics in plain text.
fn is_quote_or_emphasis(s: &str) -> bool {
    matches!(s, "'" | "‘" | "’" | "\"" | "“" | "”" | "*" | "_")
}

/// Participles of ranking and measuring, whose agent is the source of a figure.
const JUDGED: &[&str] = &[
    "named",
    "ranked",
    "rated",
    "voted",
    "listed",
    "certified",
    "recognised",
    "recognized",
    "estimated",
    "measured",
    "calculated",
    "compiled",
    "recorded",
    "published",
    "reported",
];

/// The first statistic of a sentence outside quotation marks.
fn first_statistic(scan: &Scan<'_>, sent: &Sent<'_>) -> Option<(Span, Kind)> {
    let att = &scan.attribution;
    let candidates = [
        numbers(scan, sent),
        multiples_and_rankings(sent),
        superlative(scan, sent),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(span, _)| !att.in_quote(span.start))
        .min_by_key(|(span, _)| span.start)
}

const CURRENCIES: &[char] = &['$', '£', '€', '¥', '₹'];

/// Number words that multiply: "three times", "tenfold".
const MULTIPLIERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "hundred", "thousand",
];

const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Percentages, sums and counts that are statistics: a share ("25% of voters"), the level
/// of a measure ("unemployment of 7.4%"), a rate ("$200bn a year", "2% per year") or a
/// count in millions across a population ("2.5 million people"). The terms of the
/// story's events — a price, a deal, a stake, a share move — are figures but not statistics.
fn numbers(scan: &Scan<'_>, sent: &Sent<'_>) -> Option<(Span, Kind)> {
    let lex = scan.lex;
    let toks = sent.tokens;
    // Unit words ("per cent", "million", "dollars") in order, read alongside the tokens.
    let mut units = scan.matches.within(List::Figures, sent.span).iter().peekable();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let n = t.text(sent.text);
        let currency = i > 0 && toks[i - 1].end() == t.start() && sent.text_of(i - 1).starts_with(CURRENCIES);
        let start = if currency { toks[i - 1].start() } else { t.start() };
        // The unit right after the number, if any.
        while units.peek().is_some_and(|m| m.span.start < t.end()) {
            units.next();
        }
        let unit = units
            .peek()
            .filter(|m| toks.get(i + 1).is_some_and(|nt| nt.start() == m.span.start))
            .map(|m| (m.span.end, lex.figures.tag(m.index)));
        let percent_sign = sent.is_punct(i + 1, '%') && toks[i + 1].start() == t.end();
        let (end, kind) = if percent_sign {
            (toks[i + 1].end(), Kind::Percent)
        } else if let Some((end, tag)) = unit {
            let kind = match tag {
                Some("percent") => Kind::Percent,
                Some("money") => Kind::Money,
                _ if currency => Kind::Money,
                _ => Kind::Count,
            };
            (end, kind)
        } else if currency {
            (t.end(), Kind::Money)
        } else if n.ends_with("bn") || n.ends_with("tn") {
            (t.end(), Kind::Count)
        } else {
            continue;
        };
        let after = sent.index_from(end);
        let statistic = match kind {
            Kind::Percent => {
                let share = sent.is_word_in(after, &["of"]) && population_within(scan, sent, after + 1, 4);
                let window = Span::new(toks[i.saturating_sub(6)].start(), t.start());
                let measure = scan.matches.any_within(List::Measures, window);
                share || measure || is_rate(scan, sent, after)
            }
            Kind::Money => is_rate(scan, sent, after) && !in_a_deal(sent, i),
            _ => is_rate(scan, sent, after) || population_within(scan, sent, after, 2),
        };
        if statistic {
            return Some((Span::new(start, end), kind));
        }
    }
    None
}

/// "a contract that would pay him $14m a year", "grants of up to $5m annually": a rate
/// that is a term of a deal in the story — like a price, not a statistic someone measured.
/// ("Nurses earn £25,000 a year" names no deal and stays one.)
fn in_a_deal(sent: &Sent<'_>, number: usize) -> bool {
    (number.saturating_sub(8)..number).any(|k| sent.is_word_in(k, DEAL_TERMS))
}

/// Nouns of deals whose terms a story reports.
const DEAL_TERMS: &[&str] = &[
    "contract",
    "contracts",
    "deal",
    "deals",
    "salary",
    "wage",
    "wages",
    "fee",
    "fees",
    "grant",
    "grants",
    "lease",
    "rent",
    "offer",
    "offered",
    "bid",
];

/// True when one of the `n` words from token `from` names a population or an aggregate:
/// "voters", "the economy", "West Germans".
fn population_within(scan: &Scan<'_>, sent: &Sent<'_>, from: usize, n: usize) -> bool {
    for k in from..from + n {
        let Some(w) = sent.word(k) else {
            return false;
        };
        let people = sent.is_name(k) && (w.ends_with("ans") || w.ends_with("ons"));
        if people || scan.lex.populations.contains(w) {
            return true;
        }
    }
    false
}

/// "a year", "per day" within three tokens of `after` — but not "a year ago", which dates
/// a figure rather than making it a rate.
fn is_rate(scan: &Scan<'_>, sent: &Sent<'_>, after: usize) -> bool {
    (after..after + 3).any(|k| {
        starts_phrase(scan, List::Periods, sent, k)
            && !(k + 1..k + 3).any(|j| sent.is_word_in(j, &["ago", "earlier", "before", "later", "previously"]))
    })
}

/// True when a phrase of `list` starts at token `k`.
fn starts_phrase(scan: &Scan<'_>, list: List, sent: &Sent<'_>, k: usize) -> bool {
    sent.tokens
        .get(k)
        .is_some_and(|t| scan.matches.starting_at(list, t.start()).is_some())
}

/// "three times more", "threefold", "ranked 14th".
fn multiples_and_rankings(sent: &Sent<'_>) -> Option<(Span, Kind)> {
    let toks = sent.tokens;
    for (i, t) in toks.iter().enumerate() {
        let Some(w) = sent.word(i) else {
            continue;
        };
        if w.eq_ignore_ascii_case("times") && i > 0 {
            let by_number = toks[i - 1].kind == TokenKind::Number || sent.is_word_in(i - 1, MULTIPLIERS);
            let compared = sent.word(i + 1).is_some_and(|c| {
                in_class(
                    c,
                    &[
                        "more", "less", "fewer", "as", "higher", "lower", "larger", "bigger", "greater", "smaller",
                        "faster", "slower", "cheaper", "likelier",
                    ],
                )
            });
            // "three times as many", not "breached four times as Ulster won".
            let as_what = !sent.is_word_in(i + 1, &["as"]) || sent.is_lowercase_word(i + 2);
            if by_number && compared && as_what {
                return Some((Span::new(toks[i - 1].start(), toks[i + 1].end()), Kind::Multiple));
            }
        }
        if let Some(stem) = w.strip_suffix("fold") {
            let numeric =
                stem.is_empty() && i > 1 && sent.is_punct(i - 1, '-') && toks[i - 2].kind == TokenKind::Number;
            if in_class(stem, MULTIPLIERS) || numeric {
                let start = if numeric { toks[i - 2].start() } else { t.start() };
                return Some((Span::new(start, t.end()), Kind::Multiple));
            }
        }
        if in_class(w, &["ranked", "ranks"]) {
            let rank = toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number)
                || sent.is_word_in(i + 1, ORDINALS)
                || sent.is_word_in(i + 1, &["first", "last", "top", "no", "number", "among"]);
            if rank {
                return Some((Span::new(t.start(), toks[i + 1].end()), Kind::Ranking));
            }
        }
    }
    None
}

/// "the largest … ever", "first-ever", "is the world's biggest", "is the country's
/// third-largest". A superlative that only describes ("Barclays, the UK's biggest bank,")
/// identifies rather than claims, so possessive and ranked superlatives count only as
/// predicates.
fn superlative(scan: &Scan<'_>, sent: &Sent<'_>) -> Option<(Span, Kind)> {
    let lex = &scan.lex.superlatives;
    let mut pending: Option<Span> = None;
    for &m in scan.matches.within(List::Superlatives, sent.span) {
        match lex.tag(m.index) {
            Some("record") => {
                // "Tim Cole, the first-ever winner from the town, …": description again.
                let i = sent.index_from(m.span.start);
                let apposed = i > 0 && sent.is_word_in(i - 1, &["the", "a", "an"]) && in_apposition(sent, i - 1);
                if !apposed {
                    return Some((m.span, Kind::Record));
                }
            }
            // A scope after a "the + superlative" makes it a record.
            Some("scope") => {
                // "the most successful act of the 1980s and one of the best-loved of all
                // time": the scope belongs to the hedged superlative nearer to it.
                if let Some(p) = pending
                    && !hedged_between(sent, p.end, m.span.start)
                {
                    return Some((p, Kind::Record));
                }
            }
            _ => {
                // "one of the largest": a hedged superlative ranks nothing.
                let i = sent.index_from(m.span.start);
                let hedged = i >= 2 && sent.is_word_in(i - 1, &["the"]) && sent.is_word_in(i - 2, &["of", "among"]);
                if hedged {
                    continue;
                }
                if names_an_office(scan, sent, m.span) {
                    continue;
                }
                // "most" alone ("most senior") is a superlative only with a scope.
                if m.span.slice(scan.text).eq_ignore_ascii_case("most") {
                    if pending.is_none() && i > 0 && sent.is_word_in(i - 1, &["the"]) {
                        pending = Some(Span::new(sent.tokens[i - 1].start(), m.span.end));
                    }
                    continue;
                }
                if let Some(found) = scoped_superlative(sent, m.span, &mut pending) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// True when "one of" or "among" stands between offsets `from` and `to`: a hedged
/// superlative ranks nothing.
fn hedged_between(sent: &Sent<'_>, from: usize, to: usize) -> bool {
    let (first, last) = (sent.index_from(from), sent.index_from(to));
    (first..last)
        .any(|k| sent.is_word_in(k, &["one"]) && sent.is_word_in(k + 1, &["of"]) || sent.is_word_in(k, &["among"]))
}

/// "the country's highest court", "its highest civilian honour": "highest" names the top of
/// a formal order, which no one measured.
fn names_an_office(scan: &Scan<'_>, sent: &Sent<'_>, m: Span) -> bool {
    if !m.slice(scan.text).eq_ignore_ascii_case("highest") {
        return false;
    }
    let after = sent.index_from(m.end);
    (after..after + 3)
        .map_while(|k| sent.word(k))
        .any(|w| scan.lex.offices.contains(w))
}

/// A superlative that is a ranking or a record by what stands before it; otherwise, after
/// "the", remember it in `pending` until a scope ("ever", "in history") turns up.
fn scoped_superlative(sent: &Sent<'_>, m: Span, pending: &mut Option<Span>) -> Option<(Span, Kind)> {
    let i = sent.index_before(m.end)?;
    let tok = sent.tokens[i];
    if tok.start() < m.start {
        // Inside a compound: "third-largest", "second-biggest".
        let prefix = sent.text[tok.start()..m.start].trim_end_matches(['-', '‑']);
        let owner = i
            .checked_sub(1)
            .map_or(i, |o| if is_possessive(sent.text_of(o)) { o } else { i });
        if in_class(prefix, ORDINALS) && is_predicate(sent, owner) {
            return Some((Span::new(tok.start(), m.end), Kind::Ranking));
        }
        return None;
    }
    let b = i.checked_sub(1)?;
    let before = sent.text_of(b);
    // "third largest", "14th biggest", "14th-largest".
    let ordinal_at = if before == "-" { b.checked_sub(1) } else { Some(b) };
    if let Some(o) = ordinal_at
        && (sent.is_word_in(o, ORDINALS) || is_numeric_ordinal(sent.text_of(o)))
    {
        let owner = o
            .checked_sub(1)
            .map_or(o, |p| if is_possessive(sent.text_of(p)) { p } else { o });
        if is_predicate(sent, owner) {
            return Some((Span::new(sent.tokens[o].start(), m.end), Kind::Ranking));
        }
        return None;
    }
    // "the world's largest", "Britain's biggest" — a place or the world, not "the
    // artist's best-known" or "the week's biggest".
    let owner = before.trim_end_matches("'s").trim_end_matches("’s");
    let place = sent.is_name(b) || in_class(owner, &["world", "country", "nation", "continent", "region"]);
    if is_possessive(before) && place && is_predicate(sent, b) {
        return Some((Span::new(sent.tokens[b].start(), m.end), Kind::Record));
    }
    // "hosts the Surf Classic, the largest lake surfing contest in the world": an
    // apposition that describes what the sentence is about, not what it claims.
    if sent.is_word_in(b, &["the"]) && pending.is_none() && !in_apposition(sent, b) {
        *pending = Some(Span::new(sent.tokens[b].start(), m.end));
    }
    None
}

/// True when the noun phrase that starts at token `at` stands in apposition: right after a
/// comma or dash that follows a word, where that comma does not close an opening
/// adverbial ("In 2004, the largest crowd ever …" is the subject of its sentence).
fn in_apposition(sent: &Sent<'_>, at: usize) -> bool {
    let Some(c) = at.checked_sub(1) else {
        return false;
    };
    if !(sent.is_punct(c, ',') || sent.is_punct(c, '—') || sent.is_punct(c, '–')) {
        return false;
    }
    if c == 0 || sent.word(c - 1).is_none() {
        return false;
    }
    let first_comma = !(0..c).any(|k| sent.is_punct(k, ','));
    let opens_with_adverbial = sent.is_word_in(
        0,
        &[
            "in", "on", "at", "by", "for", "from", "with", "after", "before", "since", "during", "when", "while", "if",
            "although", "though", "as", "because", "until", "once", "today", "now", "then", "yet", "so",
        ],
    );
    !(first_comma && opens_with_adverbial)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// True when the phrase starting at token `at` (after an optional "the") is what its
/// sentence says a thing is: "is the world's largest", "became Britain's biggest", "as the
/// third-largest" — not an apposition after a comma that only identifies.
fn is_predicate(sent: &Sent<'_>, at: usize) -> bool {
    let mut j = at;
    if j > 0 && sent.is_word_in(j - 1, &["the"]) {
        j -= 1;
    }
    j > 0
        && sent.word(j - 1).is_some_and(|w| {
            is_be(w)
                || in_class(
                    w,
                    &[
                        "became", "become", "becomes", "becoming", "remains", "remained", "remain", "as", "making",
                        "made",
                    ],
                )
        })
}

/// "14th", "2nd", "3rd", "21st".
fn is_numeric_ordinal(s: &str) -> bool {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && in_class(suffix, &["st", "nd", "rd", "th"])
}
