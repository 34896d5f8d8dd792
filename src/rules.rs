//! The rules: stable ids (used in configuration, suppression comments, JSON and SARIF),
//! default severities, and the explanations `copydesk explain` prints.

use std::fmt;

use crate::finding::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    QuoteUnattributed,
    QuoteUnbalanced,
    NameVariant,
    ClaimHedge,
    ClaimWeasel,
    ClaimVagueSource,
    ClaimUnsourcedFigure,
}

/// What `copydesk explain RULE` prints, and what SARIF and hovers show.
pub struct RuleDoc {
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// One paragraph: why it matters and what to do.
    pub explanation: &'static str,
    /// A sentence the rule flags.
    pub flagged: &'static str,
    /// The same sentence, fixed, or a sentence the rule accepts.
    pub accepted: &'static str,
}

impl Rule {
    pub const ALL: [Rule; 7] = [
        Rule::QuoteUnattributed,
        Rule::QuoteUnbalanced,
        Rule::NameVariant,
        Rule::ClaimHedge,
        Rule::ClaimWeasel,
        Rule::ClaimVagueSource,
        Rule::ClaimUnsourcedFigure,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::QuoteUnattributed => "quote/unattributed",
            Rule::QuoteUnbalanced => "quote/unbalanced",
            Rule::NameVariant => "name/variant",
            Rule::ClaimHedge => "claim/hedge",
            Rule::ClaimWeasel => "claim/weasel",
            Rule::ClaimVagueSource => "claim/vague-source",
            Rule::ClaimUnsourcedFigure => "claim/unsourced-figure",
        }
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// All rule ids, comma-separated, for error messages.
    pub fn id_list() -> String {
        Rule::ALL.map(Rule::id).join(", ")
    }

    /// A bit unique to this rule, for compact rule sets.
    pub const fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::QuoteUnattributed | Rule::QuoteUnbalanced | Rule::NameVariant => Severity::Warning,
            Rule::ClaimHedge | Rule::ClaimWeasel | Rule::ClaimVagueSource | Rule::ClaimUnsourcedFigure => {
                Severity::Info
            }
        }
    }

    pub fn doc(self) -> RuleDoc {
        match self {
            Rule::QuoteUnattributed => RuleDoc {
                summary: "A direct quotation that no one is said to have said.",
                explanation: "Every direct quotation needs a speaker and a speech act tied to it. copydesk accepts \
                    a speech verb with its speaker in the quotation’s own sentence (“…,” Smith said. / “…,” said \
                    the ministry. / Smith told reporters that “…” / “…,” according to Smith / Smith: “…”); a \
                    sentence just before that introduces it (one ending with a colon, a speech act such as \
                    “Smith put it bluntly.”, or a sentence that attributes a quotation itself: “…,” she said. \
                    “…”); a short sentence just after that reports it (“…” That was how Smith put it.); a \
                    signature (“…” — Smith); and, for a paragraph that opens with a quotation, the speaker of the \
                    paragraph before when its last sentence attributes a quote or leads in with a colon. A \
                    quotation running over several paragraphs, or split by its attribution (“I think,” Smith \
                    said, “that …”), is one quotation with one speaker; a Markdown block quote takes the lead-in \
                    before it. A verb that is not a speech verb does not attribute: “He went on to criticise the \
                    policy.” followed by a quote leaves the reader guessing who is speaking. The finding names \
                    the nearest person mentioned, with the name a pronoun refers to, and offers to add “he \
                    said”. Quoted phrases shorter than `quotes.min_words` (default 4), titles and names in \
                    quotation marks (a report titled “…”, the “Central Park Five”) are not quotations unless a \
                    speech verb in their own sentence attributes them. A quotation that is never closed is left \
                    to `quote/unbalanced`. Add speech verbs of your house style with `lexicon.speech_verbs`.",
                flagged: "He went on to criticise the policy. “The United States has neglected the region for years.”",
                accepted: "He went on to criticise the policy. “The United States has neglected the region for years,” he said.",
            },
            Rule::QuoteUnbalanced => RuleDoc {
                summary: "A quotation mark that is never closed, or closed without being opened.",
                explanation: "An opening quotation mark must be closed within its paragraph, so the reader knows \
                    where the speaker’s words end. The one exception is the newsroom convention for a quote that \
                    runs over several paragraphs: each paragraph opens with a quotation mark and only the last \
                    one closes it. Apostrophes (Putin’s, ’90s, rock ’n’ roll) are not quotation marks. Close the \
                    quotation where the speaker’s words end, or remove the stray mark.",
                flagged: "“We will keep working on it, the spokesman said.",
                accepted: "“We will keep working on it,” the spokesman said.",
            },
            Rule::NameVariant => RuleDoc {
                summary: "The same name spelled two ways, in one draft or across the drafts of a folder.",
                explanation: "A misspelt name is the correction a newsroom dreads most. copydesk groups mentions \
                    that look like the same person, organisation or place (close spellings, transliteration \
                    variants such as Mohammed/Mohammad or -ov/-off, a shared first name or title) and flags each \
                    spelling that differs from the canonical one: the spelling in your entity registry if there \
                    is one, else the most frequent, else the first full mention. Different people with similar \
                    surnames (Gordon Brown, Nick Browne) are not flagged. Use the fix to replace the variant, or \
                    add the spelling to `names.accept` if it is intended.",
                flagged: "Prime Minister Mohammed Shia al-Sudani arrived on Monday. Al-Saudani met the president.",
                accepted: "Prime Minister Mohammed Shia al-Sudani arrived on Monday. Al-Sudani met the president.",
            },
            Rule::ClaimHedge => RuleDoc {
                summary: "A hedge (“reportedly”, “it seems”) with no source for the claim.",
                explanation: "Hedges such as reportedly, allegedly, apparently, it seems or is believed to tell the \
                    reader that a claim is second-hand without saying whose hand. Name who reported, alleged or \
                    believes it (“Putin blamed …, the Kremlin said”), or cut the claim if no one can be named. \
                    A hedge in a sentence that names its source is not flagged.",
                flagged: "The minister reportedly resigned on Tuesday.",
                accepted: "The minister resigned on Tuesday, the ministry said.",
            },
            Rule::ClaimWeasel => RuleDoc {
                summary: "An unnamed authority or crowd (“experts say”, “many people believe”).",
                explanation: "Weasel phrases invoke authorities or crowds that cannot be checked: many people, some \
                    say, experts believe, critics argue, studies show, officials said with no name, or an \
                    accusation with no accuser (“is accused of” with no “by …”). Name the experts, critics, \
                    studies or accusers, or drop the claim.",
                flagged: "Experts say the plan will fail.",
                accepted: "Jane Doe, an economist at the Institute for Fiscal Studies, said the plan will fail.",
            },
            Rule::ClaimVagueSource => RuleDoc {
                summary: "A source that cannot be checked (“according to the report”, “local media”).",
                explanation: "“According to the report” or “local media said” points at a source the reader \
                    cannot find. Name the report, outlet or document, or link to it. Named sources such as \
                    “according to Reuters” or “according to Peskov” are not flagged.",
                flagged: "According to the report, the talks collapsed.",
                accepted: "According to a Reuters report on Tuesday, the talks collapsed.",
            },
            Rule::ClaimUnsourcedFigure => RuleDoc {
                summary: "A statistic with no source in its sentence or paragraph.",
                explanation: "Percentages, sums of money, counts with units, rankings and superlatives (“the \
                    largest ever”) are claims a reader may want to check. Say where the figure comes from (a \
                    speech verb, “according to”, a link or a citation in the sentence or its paragraph). Dates, \
                    ages, times and ordinary counts of things in the story are not flagged.",
                flagged: "Unemployment rose to 7.4% last year.",
                accepted: "Unemployment rose to 7.4% last year, according to the Office for National Statistics.",
            },
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A set of rules, as a bit mask. Empty means none; [`RuleSet::ALL`] means every rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleSet(u8);

impl RuleSet {
    pub const ALL: RuleSet = RuleSet(0x7f);
    pub const NONE: RuleSet = RuleSet(0);

    pub fn contains(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }

    pub fn insert(&mut self, rule: Rule) {
        self.0 |= rule.bit();
    }

    pub fn remove(&mut self, rule: Rule) {
        self.0 &= !rule.bit();
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_the_contract() {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(
            ids,
            [
                "quote/unattributed",
                "quote/unbalanced",
                "name/variant",
                "claim/hedge",
                "claim/weasel",
                "claim/vague-source",
                "claim/unsourced-figure"
            ]
        );
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(r));
            let doc = r.doc();
            assert!(!doc.summary.is_empty() && doc.explanation.len() > 100);
            assert_ne!(doc.flagged, doc.accepted);
        }
        assert_eq!(Rule::from_id("quote/unknown"), None);
    }

    #[test]
    fn rule_sets() {
        let mut s = RuleSet::NONE;
        s.insert(Rule::ClaimHedge);
        assert!(s.contains(Rule::ClaimHedge) && !s.contains(Rule::NameVariant));
        s.remove(Rule::ClaimHedge);
        assert!(s.is_empty());
        assert!(Rule::ALL.iter().all(|&r| RuleSet::ALL.contains(r)));
    }
}
