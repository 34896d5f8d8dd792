//! Quotations and their speakers: `quote/unattributed`.
//!
//! The pipeline, in document order:
//! 1. [`gather`] joins quoted spans into quotations (a quote split by its attribution, a quote
//!    running over paragraphs, Markdown block quotes) and tells titles and names apart;
//! 2. [`cues`] finds the speech verbs outside quotation marks;
//! 3. [`attribution`] ties each quotation to a speech act: in its sentence, in the sentence
//!    that introduces it, in the sentence after, or carried over from just before;
//! 4. [`speaker`] reads the speaker next to the verb, and [`antecedent`] resolves pronouns;
//! 5. [`report`] writes the finding for a quotation no one is said to have said.
//!
//! Quoted phrases shorter than `quotes.min_words`, and titles, are quotations only when a
//! speech verb in their own sentence attributes them (a partial quote); otherwise they are
//! scare quotes or names and are left alone.

mod antecedent;
mod attribution;
mod cues;
mod gather;
mod kept_runs;
mod report;
mod speaker;
mod words;

use crate::analysis::Context;
use crate::analysis::lexicon::{PhraseSet, entries};
use crate::analysis::quote_marks::QuotedSpan;
use crate::config::LexiconConfig;
use crate::finding::Finding;
use crate::text::Span;
use crate::text::prose::BlockKind;

use antecedent::Mentions;
use attribution::{Attributor, Tie};
use gather::{Gatherer, Quotation};
pub use kept_runs::{KeptRuns, ParagraphRuns};
use report::Reporter;
use speaker::SpeakerFinder;
use words::SpeakerWords;
pub(crate) use words::WordSet;

#[derive(Debug)]
pub struct QuoteLexicon {
    /// Speech acts: attribute a quotation in their sentence and introduce the next one.
    /// Built-in list plus `lexicon.speech_verbs`.
    pub speech_verbs: PhraseSet,
    /// Verbs that characterise speech (`called`, `praised`): attribute a quotation only in
    /// their own sentence.
    pub characterizing_verbs: WordSet,
    /// Speech and characterising verbs in one automaton, so a draft is scanned once.
    pub cue_words: PhraseSet,
    /// Words that announce a title or a name in quotation marks (`titled`, `known as`).
    pub title_cues: PhraseSet,
    pub words: SpeakerWords,
}

const SPEECH_VERBS: &str = include_str!("../lexicon/speech_verbs.txt");
const CHARACTERIZING_VERBS: &str = include_str!("../lexicon/characterizing_verbs.txt");

impl QuoteLexicon {
    pub fn new(additions: &LexiconConfig) -> Self {
        let speech: Vec<&str> = entries(SPEECH_VERBS)
            .chain(additions.speech_verbs.iter().map(|s| s.trim()))
            .collect();
        // A word a user lists as a speech verb is one, even if built in as characterising.
        let speech_set = WordSet::new(speech.iter().copied());
        let characterizing = WordSet::new(entries(CHARACTERIZING_VERBS).filter(|w| !speech_set.contains(w)));
        QuoteLexicon {
            speech_verbs: speech_verbs(additions),
            cue_words: PhraseSet::new(
                speech
                    .iter()
                    .copied()
                    .chain(entries(CHARACTERIZING_VERBS))
                    .map(str::to_string),
            )
            .searchable(),
            characterizing_verbs: characterizing,
            title_cues: PhraseSet::from_list(include_str!("../lexicon/title_cues.txt"), &[]).searchable(),
            words: SpeakerWords::builtin(),
        }
    }
}

/// The speech verbs: the built-in list and `lexicon.speech_verbs`. The claim rules read
/// them too, to tell attributed claims.
pub fn speech_verbs(additions: &LexiconConfig) -> PhraseSet {
    PhraseSet::from_list(SPEECH_VERBS, &additions.speech_verbs)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A name: `Dmitry Peskov`, `Peskov`.
    Named,
    /// A pronoun, resolved to an earlier mention when possible.
    Pronoun,
    /// A noun phrase: `the ministry`, `a statement from the Kremlin`.
    NounPhrase,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The words in the draft that name the speaker (`Peskov`, `he`, `the ministry`).
    pub span: Span,
    /// For a pronoun, the earlier mention it refers to.
    pub antecedent: Option<Span>,
    pub kind: SpeakerKind,
    /// Index into the draft's entities, when the speaker is a known entity.
    pub entity: Option<usize>,
}

/// How a quotation is tied to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribution {
    /// A speech verb in the quotation's own sentence: `“…,” Smith said.`, `Smith said: “…”`,
    /// `“…,” according to Smith`, or a transcript label `Smith: “…”`.
    InSentence,
    /// The sentence before introduces it: it ends with a colon, is a speech act, or
    /// attributes a quotation itself (`“…,” she said. “…”`).
    Introduced,
    /// The sentence after reports it: `“…” That was how Smith put it.`
    Followed,
    /// A paragraph of quotation after a paragraph whose last sentence attributes a quote or
    /// is a speech act: the speaker carries over.
    CarriedOver,
    /// A paragraph ending with a colon before the quotation's paragraph, or a lead-in (a
    /// colon or a speech act) before a Markdown block quote.
    LeadIn,
    /// A dash and a name after the quotation: `“…” — Smith`.
    Signed,
}

/// A direct quotation: one or more quoted spans with one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted pieces, marks included, in order (`“I think,” Putin said, “that …”` has two;
    /// a block quote has one per paragraph).
    pub spans: Vec<Span>,
    pub speaker: Option<Speaker>,
    /// The words that attribute it (`said`, `according to`, a colon or a dash).
    pub cue: Option<Span>,
    /// How it is attributed; `None` when no one is said to have said it.
    pub attribution: Option<Attribution>,
}

/// Tie quotations to speakers, and report the ones no one is said to have said.
pub fn attribute(ctx: &Context<'_>, spans: &[QuotedSpan], findings: &mut Vec<Finding>) -> Vec<Quote> {
    let lex = &ctx.lexicon.quotes;
    let (text, seg) = (ctx.text, ctx.segments);
    let blocks = gather::block_quotes(seg, spans);
    let quoted = quoted_material(ctx, spans, &blocks);
    // The mentions that pronoun speakers refer back to are collected beside the attribution
    // (on a free core), which needs nothing from them: they are read only afterwards,
    // quotation by quotation in draft order.
    let (mentions, ties) = rayon::join(
        || Mentions::collect_with(text, seg, &lex.words, &quoted, ctx.kept.map(|k| k.mention_runs)),
        || tie_all(ctx, spans, &blocks, &quoted),
    );

    let mut mentions = mentions.adding_speakers();
    let mut quotes = Vec::new();
    let mut unattributed = Vec::new();
    for (q, tie) in &ties {
        let mut speaker = tie.as_ref().and_then(|t| t.speaker.clone());
        if let Some(s) = &mut speaker {
            if s.kind == SpeakerKind::Pronoun {
                s.antecedent = mentions
                    .resolve(s.span.slice(text), s.span.start, &lex.words)
                    .map(|m| m.span);
            } else {
                mentions.add_speaker(s, text, &lex.words);
            }
        }
        // A headline quotes the story below it, which carries the attribution.
        let in_heading = seg
            .paragraph_at(q.first().start)
            .is_some_and(|p| matches!(seg.paragraphs[p].kind, BlockKind::Heading(_)));
        if tie.is_none() && !q.unclosed && !in_heading {
            unattributed.push(q);
        }
        quotes.push(Quote {
            spans: q.spans.clone(),
            speaker,
            cue: tie.as_ref().and_then(|t| t.cue),
            attribution: tie.as_ref().map(|t| t.how),
        });
    }

    let mentions = mentions.done();
    let reporter = Reporter {
        text,
        seg,
        words: &lex.words,
        quoted: &quoted,
        mentions: &mentions,
    };
    findings.extend(unattributed.into_iter().map(|q| reporter.unattributed(q)));
    quotes
}

/// The quotations of the draft, each with what ties it to a speaker; a short phrase or a
/// title is kept only when a speech verb of its own attributes it (a partial quote).
fn tie_all(
    ctx: &Context<'_>,
    spans: &[QuotedSpan],
    blocks: &[std::ops::Range<usize>],
    quoted: &[Span],
) -> Vec<(Quotation, Option<Tie>)> {
    let lex = &ctx.lexicon.quotes;
    let (text, seg) = (ctx.text, ctx.segments);
    let cues = cues::find(text, seg, lex, quoted, ctx.kept.map(|k| &k.local.cue_words[..]));
    let gatherer = Gatherer {
        text,
        seg,
        lex,
        cues: &cues,
    };
    let quotations = gatherer.gather(spans, blocks);
    let finder = SpeakerFinder {
        text,
        seg,
        words: &lex.words,
        quoted,
        cues: &cues,
    };
    let mut attributor = Attributor::new(text, seg, quoted, &cues, finder);
    quotations
        .into_iter()
        .filter_map(|q| {
            let full = q.block || (!q.title && q.words >= ctx.config.min_quote_words);
            let tie = if full {
                attributor.attribute(&q)
            } else {
                attributor.attribute_partial(&q)
            };
            (full || tie.is_some()).then_some((q, tie))
        })
        .collect()
}

/// Everything quoted: outermost quoted spans and block quotes, sorted and disjoint.
fn quoted_material(ctx: &Context<'_>, spans: &[QuotedSpan], blocks: &[std::ops::Range<usize>]) -> Vec<Span> {
    let mut quoted: Vec<Span> = spans.iter().filter(|s| s.depth == 0).map(|s| s.span).collect();
    for range in blocks {
        quoted.extend(ctx.segments.paragraphs[range.clone()].iter().map(|p| p.span));
    }
    quoted.sort_by_key(|s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(quoted.len());
    for s in quoted {
        match merged.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::rules::Rule;
    use crate::text::DocKind;

    /// One line per quotation: `first words | attribution | speaker (antecedent)`.
    fn quotes_of(text: &str, kind: DocKind, config: &Config) -> Vec<String> {
        let a = analyze(text, kind, config);
        a.quotes
            .iter()
            .map(|q| {
                let words: Vec<&str> = q.spans[0]
                    .slice(text)
                    .trim_start_matches(['“', '"', '‘', '\''])
                    .split_whitespace()
                    .take(2)
                    .collect();
                let speaker = q.speaker.as_ref().map_or("-".to_string(), |s| {
                    let antecedent = s
                        .antecedent
                        .map(|a| format!(" ({})", a.slice(text)))
                        .unwrap_or_default();
                    format!("{}{antecedent}", s.span.slice(text))
                });
                let how = q.attribution.map_or("UNATTRIBUTED".to_string(), |h| format!("{h:?}"));
                format!("{} | {how} | {speaker}", words.join(" "))
            })
            .collect()
    }

    fn quotes(text: &str) -> Vec<String> {
        quotes_of(text, DocKind::Text, &Config::default())
    }

    fn flagged(text: &str) -> Vec<String> {
        analyze(text, DocKind::Text, &Config::default())
            .findings
            .iter()
            .filter(|f| f.rule == Rule::QuoteUnattributed)
            .map(|f| f.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn speaker_in_the_same_sentence() {
        assert_eq!(
            quotes("“The ferry will run all winter,” Mayor Ines Duarte said."),
            vec!["The ferry | InSentence | Ines Duarte"]
        );
        assert_eq!(
            quotes("\"The ferry will run all winter,\" said the harbourmaster."),
            vec!["The ferry | InSentence | the harbourmaster"]
        );
        assert_eq!(
            quotes("Duarte said: “The ferry will run all winter.”"),
            vec!["The ferry | InSentence | Duarte"]
        );
        assert_eq!(
            quotes("Duarte told reporters that “the ferry will run all winter.”"),
            vec!["the ferry | InSentence | Duarte"]
        );
        assert_eq!(
            quotes("The ferry “will run all winter long,” according to Duarte."),
            vec!["will run | InSentence | Duarte"]
        );
        assert_eq!(
            quotes("In a statement, the port authority said “the ferry will run all winter.”"),
            vec!["the ferry | InSentence | the port authority"]
        );
    }

    #[test]
    fn nested_and_british_quotes() {
        assert_eq!(
            quotes("“They told me ‘not this winter’ and left,” the skipper said."),
            vec!["They told | InSentence | the skipper"]
        );
        assert_eq!(
            quotes("‘We are not going to stop the ferry,’ the skipper said. It's the skipper's call."),
            vec!["We are | InSentence | the skipper"]
        );
    }

    #[test]
    fn quote_split_by_its_attribution_has_one_speaker() {
        let text = "“I think,” Duarte said, “that the ferry will run all winter.”";
        let a = analyze(text, DocKind::Text, &Config::default());
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].spans.len(), 2);
        assert_eq!(a.quotes[0].speaker.as_ref().unwrap().span.slice(text), "Duarte");
        assert!(flagged(text).is_empty());
    }

    #[test]
    fn multi_paragraph_quote_keeps_its_speaker() {
        let text = "“The ferry will run all winter,” Duarte said. “We have a second boat now,\n\n\
            “and the crew has been trained for ice since the summer.”";
        assert_eq!(
            quotes(text),
            vec!["The ferry | InSentence | Duarte", "We have | Introduced | Duarte"]
        );
        assert!(flagged(text).is_empty());
    }

    #[test]
    fn block_quote_attributed_by_its_lead_in() {
        let text =
            "Duarte wrote to the council on Monday:\n\n> The ferry will run all winter, and the crew is ready.\n";
        assert_eq!(
            quotes_of(text, DocKind::Markdown, &Config::default()),
            vec!["The ferry | LeadIn | Duarte"]
        );
        let floating = "The council met on Monday.\n\n> The ferry will run all winter, and the crew is ready.\n";
        let a = analyze(floating, DocKind::Markdown, &Config::default());
        assert_eq!(
            a.findings.iter().filter(|f| f.rule == Rule::QuoteUnattributed).count(),
            1
        );
    }

    #[test]
    fn scare_quotes_titles_and_short_phrases_are_not_quotations() {
        let text = "It was a “stunt” from the start. Members of the “Harbour Five” met. \
            The “Winter Ferry Safety Act” passed.";
        assert!(quotes(text).is_empty());
        assert!(flagged(text).is_empty());
    }

    #[test]
    fn short_phrase_with_its_own_speech_verb_is_a_partial_quote() {
        assert_eq!(
            quotes("Duarte said the plan was “far too late” for the islanders."),
            vec!["far too | InSentence | Duarte"]
        );
    }

    #[test]
    fn min_words_is_configurable() {
        let mut config = Config::default();
        config.min_quote_words = 2;
        let text = "The plan was “far too late” for the islanders.";
        assert!(flagged(text).is_empty());
        let a = analyze(text, DocKind::Text, &config);
        assert_eq!(
            a.findings.iter().filter(|f| f.rule == Rule::QuoteUnattributed).count(),
            1
        );
    }

    #[test]
    fn sentence_before_introduces_the_quote() {
        // A speech act whose object is the quote.
        assert_eq!(
            quotes("Duarte put it bluntly to the council. “The ferry will run all winter.”"),
            vec!["The ferry | Introduced | Duarte"]
        );
        // An attributed quote, then more of it.
        assert_eq!(
            quotes("“The ferry will run,” Duarte said. “The crew is ready for the ice.”"),
            vec!["The ferry | InSentence | Duarte", "The crew | Introduced | Duarte"]
        );
        // A paraphrase by a speaker, then the speaker's words.
        assert_eq!(
            quotes("Duarte said the boats were ready. “The crew has trained since June.”"),
            vec!["The crew | Introduced | Duarte"]
        );
    }

    #[test]
    fn reporting_noun_announces_the_quote() {
        assert_eq!(
            quotes("Duarte then had a question for the council. “Who will pay for the second boat?”"),
            vec!["Who will | Introduced | Duarte"]
        );
        // A sentence that names no one announces nothing.
        assert_eq!(
            flagged("There was a question in the air. “Who will pay for the second boat?”").len(),
            1
        );
    }

    #[test]
    fn sentence_after_attributes_the_quote() {
        assert_eq!(
            quotes("“The ferry will run all winter.” That was how Duarte put it."),
            vec!["The ferry | Followed | Duarte"]
        );
        assert_eq!(
            quotes("“Who will pay for the second boat?” Duarte asked the council on Monday."),
            vec!["Who will | Followed | Duarte"]
        );
        // A new sentence that reports something else does not attribute the quote.
        assert_eq!(
            flagged("“The ferry will run all winter.” Duarte said that the council agreed."),
            vec!["“The ferry will run all winter.”"]
        );
    }

    #[test]
    fn previous_paragraph_speaker_carries_over() {
        let text = "“The ferry will run all winter,” Duarte said.\n\n“The crew has trained for the ice since June.”";
        assert_eq!(
            quotes(text),
            vec!["The ferry | InSentence | Duarte", "The crew | CarriedOver | Duarte"]
        );
        let lead_in = "Duarte had a warning for the council:\n\n“The crew has trained for the ice since June.”";
        assert_eq!(quotes(lead_in), vec!["The crew | LeadIn | Duarte"]);
    }

    #[test]
    fn non_speech_verb_before_a_quote_does_not_attribute_it() {
        let text = "Duarte met the council on Monday. She went on to criticise the budget. \
            “The harbour has been neglected for a decade by every council.”";
        let a = analyze(text, DocKind::Text, &Config::default());
        let f: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::QuoteUnattributed)
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].span.slice(text).starts_with("“The harbour"));
        assert_eq!(
            f[0].message,
            "No one is said to have said this. The previous sentence mentions ‘She’ (Duarte) but does not \
             attribute the quote: add ‘she said’."
        );
        assert_eq!(f[0].related[0].span.slice(text), "She");
        let fix = &f[0].fixes[0];
        assert_eq!(fix.title, "Add ‘she said’");
        let mut fixed = text.to_string();
        for e in fix.edits.iter().rev() {
            fixed.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        assert!(fixed.ends_with("by every council,” she said."), "{fixed}");
    }

    #[test]
    fn unclosed_quotation_is_left_to_quote_unbalanced() {
        let text = "“The ferry will run all winter, Duarte told the council.\n\nThe vote is on Friday.";
        let a = analyze(text, DocKind::Text, &Config::default());
        let rules: Vec<Rule> = a.findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![Rule::QuoteUnbalanced]);
    }

    #[test]
    fn cue_words_inside_other_words_are_not_cues() {
        // `called` inside `so-called` once sent the speaker search round in circles.
        let text =
            "He was once part of the so-called establishment and is now “the worst thing that ever happened to it.”";
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn headlines_are_not_flagged() {
        let text =
            "# “The sea does not care about timetables”\n\nDuarte said: “The sea does not care about timetables.”\n";
        let a = analyze(text, DocKind::Markdown, &Config::default());
        assert_eq!(a.quotes.len(), 2);
        assert!(a.findings.iter().all(|f| f.rule != Rule::QuoteUnattributed));
    }

    #[test]
    fn floating_quote_with_no_one_around() {
        let text = "The ferry left at noon.\n\n“Nobody here has ever seen the harbour freeze like this.”";
        let a = analyze(text, DocKind::Text, &Config::default());
        let f = &a.findings[0];
        assert_eq!(f.rule, Rule::QuoteUnattributed);
        assert!(
            f.message
                .starts_with("No one is said to have said this. Name the speaker")
        );
        assert!(f.fixes[0].edits.iter().any(|e| e.replacement == " [who?] said."));
    }

    #[test]
    fn same_sentence_mention_without_speech_verb() {
        let text = "Duarte was “not at all convinced by the new timetable.”";
        let a = analyze(text, DocKind::Text, &Config::default());
        assert_eq!(
            a.findings[0].message,
            "No one is said to have said this. This sentence mentions ‘Duarte’ but does not attribute the \
             quote: add ‘Duarte said’."
        );
    }

    #[test]
    fn pronoun_speakers_resolve_to_their_antecedent() {
        let text = "Ines Duarte met the Harbour Board on Monday. \
            “The ferry will run all winter,” she said. \
            The Harbour Board disagreed. “The second boat is not ready yet,” it said in a statement.";
        assert_eq!(
            quotes(text),
            vec![
                "The ferry | InSentence | she (Ines Duarte)",
                "The second | InSentence | it (Harbour Board)"
            ]
        );
    }

    #[test]
    fn names_with_particles_and_possessive_phrases() {
        assert_eq!(
            quotes("“The ferry will run all winter,” said Ahmad al-Rashidi."),
            vec!["The ferry | InSentence | Ahmad al-Rashidi"]
        );
        assert_eq!(
            quotes("“The ferry will run all winter,” Ludwig van Houten said."),
            vec!["The ferry | InSentence | Ludwig van Houten"]
        );
        assert_eq!(
            quotes("The harbour’s chief engineer described it as “a wall with a hole in it.”"),
            vec!["a wall | InSentence | The harbour’s chief engineer"]
        );
    }

    #[test]
    fn noun_phrase_speakers() {
        assert_eq!(
            quotes("“The ferry will run all winter,” a spokesman for the Harbour Board said."),
            vec!["The ferry | InSentence | a spokesman for the Harbour Board"]
        );
        assert_eq!(
            quotes("“The ferry will run all winter,” read a statement from the board."),
            vec!["The ferry | InSentence | a statement from the board"]
        );
    }

    #[test]
    fn speech_verbs_are_extendable() {
        let text = "“The ferry will run all winter,” Duarte harrumphed.";
        assert_eq!(flagged(text).len(), 1);
        let mut config = Config::default();
        config.lexicon_additions.speech_verbs.push("harrumphed".into());
        assert_eq!(
            quotes_of(text, DocKind::Text, &config),
            vec!["The ferry | InSentence | Duarte"]
        );
    }

    #[test]
    fn explain_examples_hold() {
        let doc = Rule::QuoteUnattributed.doc();
        assert_eq!(flagged(doc.flagged).len(), 1);
        assert!(flagged(doc.accepted).is_empty());
    }

    #[test]
    fn signed_quote() {
        assert_eq!(
            quotes("“The sea does not care about timetables.” — Ines Duarte"),
            vec!["The sea | Signed | Ines Duarte"]
        );
        assert_eq!(
            quotes("“The sea does not care about timetables.” — Ines Duarte, harbourmaster."),
            vec!["The sea | Signed | Ines Duarte"]
        );
        // A dash that goes on with the writer's text is no signature.
        assert_eq!(
            flagged("The plan was “a bridge to nowhere at all” — a Harbour Board phrase.").len(),
            1
        );
    }

    #[test]
    fn paraphrase_then_partial_quote_keeps_the_speaker() {
        assert_eq!(
            quotes(
                "The crossing is safe, Duarte said. Ice can still close it, but only when “the wind turns north for days.”"
            ),
            vec!["the wind | Introduced | Duarte"]
        );
        // Someone new in the quote's sentence breaks the chain.
        assert_eq!(
            flagged("The crossing is safe, Duarte said. Tom Reyes was “not at all convinced by the timetable.”").len(),
            1
        );
    }

    #[test]
    fn colon_lead_in_in_the_same_sentence() {
        assert_eq!(
            quotes("Duarte had a blunt reply for the council: “The ferry will run all winter.”"),
            vec!["The ferry | InSentence | Duarte"]
        );
        // A colon after a fragment that names no one does not attribute.
        assert_eq!(flagged("and then, at last: “The ferry will run all winter.”").len(), 1);
    }

    #[test]
    fn went_on_is_speech_only_without_an_infinitive() {
        assert_eq!(
            quotes("“The ferry will run all winter, and longer if we must,” she went on."),
            vec!["The ferry | InSentence | she"]
        );
        assert_eq!(
            flagged("She went on to praise the crew. “The ferry will run all winter.”").len(),
            1
        );
    }

    #[test]
    fn signature_in_the_next_paragraph() {
        assert_eq!(
            quotes("“The sea does not care about our timetables.”\n\n- Ines Duarte."),
            vec!["The sea | Signed | Ines Duarte"]
        );
    }

    #[test]
    fn exclamation_then_titled_speaker_sentence() {
        assert_eq!(
            quotes("“The ferry runs tonight!” Harbour Board chairwoman Ines Duarte shouted to the crowd at the pier."),
            vec!["The ferry | Followed | Ines Duarte"]
        );
    }
}
