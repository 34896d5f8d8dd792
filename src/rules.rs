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
                    to `quote/unbalanced`, and a Markdown heading is not checked (a headline quotes the story \
                    below it). Add speech verbs of your house style with `lexicon.speech_verbs`.",
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
                    is one, else the most frequent, else the first full mention. Within a draft a close spelling \
                    written once beside a name written often is enough; across the drafts of a folder the drafts \
                    must share more (the rest of the name, a title such as “Iraqi Prime Minister”, or a surname \
                    only one draft spells so, for a person the other introduces in full), so unrelated stories \
                    do not flag each other. Different people with similar surnames (Gordon Brown, Nick Browne) \
                    are not flagged, and spellings the registry lists under `avoid` always are. Use the fix to \
                    replace the variant, or add the spelling to `names.accept` if it is intended.",
                flagged: "Prime Minister Mohammed Shia al-Sudani arrived on Monday. Al-Saudani met the president.",
                accepted: "Prime Minister Mohammed Shia al-Sudani arrived on Monday. Al-Sudani met the president.",
            },
            Rule::ClaimHedge => RuleDoc {
                summary: "A hedge (“reportedly”, “is believed to”, “it seems”, “may”) with no source for the claim.",
                explanation: "Hedges tell the reader that a claim is second-hand or uncertain without saying whose \
                    it is. Hearsay — reportedly, allegedly, apparently, is said to, is believed to, is thought to, \
                    it seems, it is understood — needs its source in the same sentence (“Putin reportedly blamed \
                    …, Reuters reported”): name who reported, alleged or believes it, or cut the claim. The \
                    writer’s own speculation — may, might, probably, perhaps — is answered by a source anywhere in \
                    its paragraph, whose view it carries on. Not flagged: hedges inside quotation marks (the \
                    speaker’s words), in headlines, in first-person opinion, in reported speculation (“amid \
                    speculation that the bank may …”), “may” as permission or a rule (“visitors may …”, “members \
                    of the jury may not …”), and definitions, which give the meaning of a word rather than a claim \
                    (“the term may refer to …”, “may be defined as …”, “when a team has an extra player, it is \
                    said to be on a power play”, “such notes are said to be ‘stressed’”). A speech verb names a \
                    source only with its speaker: “it was announced” or “may be added” names no one. Add your own \
                    phrases with `lexicon.hedges`; `{be} rumoured to` matches any form of “to be” before it.",
                flagged: "The minister reportedly resigned on Tuesday.",
                accepted: "The minister resigned on Tuesday, her office said.",
            },
            Rule::ClaimWeasel => RuleDoc {
                summary: "An unnamed authority or crowd (“experts say”, “officials said”), or an accusation with no accuser.",
                explanation: "Weasel phrases invoke authorities or crowds that cannot be checked. copydesk looks \
                    for their shape, not single words: a crowd that speaks or believes (“experts say”, “some \
                    people believe”, “critics have long argued”, “officials said” with no name or office), a \
                    judgement with no one holding it (“it is widely believed”, “is regarded as”, “regarded by \
                    some as”), evidence with no citation (“studies show”, “research suggests”), and an accusation \
                    with no accuser (“is accused of”, “has been criticised”, “is alleged to” with no “by …” and no \
                    source in the sentence; in a report on a trial or charges the prosecution is the accuser). \
                    “Many residents left” is not flagged; “Treasury officials said” names an office, and a crowd \
                    quoted beside a named member (“…, economists said. “…,” said Ann Lee of …”) follows reporting \
                    convention. Name the experts, critics, studies or accusers, or drop the claim. Extend with \
                    `lexicon.weasels`.",
                flagged: "The plan will fail, experts say.",
                accepted: "The plan will fail, said Jane Doe, an economist at the Institute for Fiscal Studies.",
            },
            Rule::ClaimVagueSource => RuleDoc {
                summary: "A source that cannot be checked (“according to the report”, “a report said”, “local media”).",
                explanation: "“According to the report”, “according to sources”, “a report said”, “reports \
                    suggest” or “local media” point at a source the reader cannot find. They are not flagged when \
                    the source is named nearby: a name in the phrase (“according to Reuters”, “according to \
                    Peskov”, “a UN report”, “a report by Amnesty”, “state media”), a named report or outlet or a \
                    link in the sentence or the one before or after (“…, a report says. The study, by the European \
                    Commission, …”), or, for “the report”, a named report earlier in the draft. Name the report, \
                    outlet or document, or link to it.",
                flagged: "According to the report, the talks collapsed.",
                accepted: "According to a UN report published on Monday, the talks collapsed.",
            },
            Rule::ClaimUnsourcedFigure => RuleDoc {
                summary: "A statistic with no source in its sentence or paragraph.",
                explanation: "A statistic is a figure someone measured: a share (“25% of voters”), the level of a \
                    measure (“unemployment of 7.4%”), a rate (“$2bn a year”, “2% per year”), a count in millions \
                    of people (“2.5 million people”), a comparison (“three times more likely”), a ranking (“the \
                    country’s third-largest city”, “ranked 14th”) or a record (“the largest … ever”, \
                    “first-ever”, “is the world’s biggest”). It is flagged when nothing in its paragraph says \
                    where it comes from: a speech verb, “according to”, a reporting or evidence word (“figures \
                    showed”, “a survey found”), a link, a footnote or a citation in brackets (“[12]”, “(Smith \
                    2004)”, “(Smith et al., 2004, p. 9)”, “(Hale, Orme p212)”, “(source: ONS)”; “[citation \
                    needed]” is not one). Dates, ages, times, \
                    ordinary counts of things in the story (“two campaigns”, “four days”), the terms of the \
                    story’s events (a price, a deal, a stake, a share move), superlatives and records that only \
                    identify (“Acme, the world’s biggest maker of widgets,”; “hosts the Regatta, the largest rowing \
                    race in the world”) and headlines are not flagged. Say where the \
                    figure comes from, or link to it.",
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
