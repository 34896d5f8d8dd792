//! Each rule and each of its exceptions, on sentences written for these tests.

use crate::analysis::analyze;
use crate::config::{Config, LexiconConfig};
use crate::rules::Rule;
use crate::text::DocKind;

/// The claim findings of a plain-text draft: (rule id, flagged text).
fn claims_with(src: &str, kind: DocKind, config: &Config) -> Vec<(&'static str, String)> {
    analyze(src, kind, config)
        .findings
        .iter()
        .filter(|f| f.rule.id().starts_with("claim/"))
        .map(|f| (f.rule.id(), f.span.slice(src).to_string()))
        .collect()
}

fn claims(src: &str) -> Vec<(&'static str, String)> {
    claims_with(src, DocKind::Text, &Config::default())
}

fn one(rule: &'static str, text: &str) -> Vec<(&'static str, String)> {
    vec![(rule, text.to_string())]
}

fn message_of(src: &str) -> String {
    let a = analyze(src, DocKind::Text, &Config::default());
    let f = a
        .findings
        .iter()
        .find(|f| f.rule.id().starts_with("claim/"))
        .expect("a claim finding");
    f.message.clone()
}

const HEDGE: &str = "claim/hedge";
const WEASEL: &str = "claim/weasel";
const VAGUE: &str = "claim/vague-source";
const FIGURE: &str = "claim/unsourced-figure";

// ---------------------------------------------------------------- claim/hedge

#[test]
fn hedge_adverbs_and_impressions() {
    assert_eq!(
        claims("The minister reportedly resigned on Tuesday."),
        one(HEDGE, "reportedly")
    );
    assert_eq!(claims("Reportedly, the talks have stalled."), one(HEDGE, "Reportedly"));
    assert_eq!(
        claims("It seems that the council favours the plan."),
        one(HEDGE, "It seems")
    );
    assert_eq!(
        claims("The striker apparently refused to travel."),
        one(HEDGE, "apparently")
    );
}

#[test]
fn hedge_agentless_passives_take_their_form_of_be() {
    assert_eq!(
        claims("The mayor is believed to have left the city."),
        one(HEDGE, "is believed to")
    );
    assert_eq!(
        claims("The singer has long been said to dislike touring."),
        one(HEDGE, "been said to")
    );
    assert_eq!(
        claims("It's thought that the bridge will reopen."),
        one(HEDGE, "It's thought that")
    );
    // Active verbs are not hedges: someone does the believing.
    assert!(claims("The mayor believed to the end that the plan would work.").is_empty());
}

#[test]
fn hedge_modals_are_verbs_not_months() {
    assert_eq!(claims("The factory may close before the winter."), one(HEDGE, "may"));
    assert_eq!(claims("The coach might have misjudged the mood."), one(HEDGE, "might"));
    assert!(claims("The treaty was signed in May 2004.").is_empty());
    assert!(claims("May was a busy month for the council.").is_empty());
}

#[test]
fn hedge_with_a_source_in_its_sentence_is_not_flagged() {
    assert!(claims("The minister reportedly resigned, the broadcaster said.").is_empty());
    assert!(claims("The factory may close before the winter, according to its owner.").is_empty());
    assert!(claims("The minister has reportedly resigned, Reuters reported.").is_empty());
    // The hedge's own verb is no source: "said" in "is said to".
    assert_eq!(claims("The house is said to be haunted."), one(HEDGE, "is said to"));
}

#[test]
fn hedge_the_speech_it_qualifies_is_no_source() {
    assert_eq!(
        claims("The guard who allegedly said it has never come forward."),
        one(HEDGE, "allegedly")
    );
    assert!(claims("The guard allegedly took it, the police said.").is_empty());
}

#[test]
fn hedge_source_must_be_in_the_same_sentence() {
    assert_eq!(
        claims("The club confirmed the sale. The buyer reportedly paid in cash."),
        one(HEDGE, "reportedly")
    );
}

#[test]
fn hedge_guesses_take_their_source_from_the_paragraph() {
    // A guess carries on the view of a source named in its paragraph …
    assert!(claims("Analysts expect a cut, the bank said. Rates may fall in the spring.").is_empty());
    // … hearsay does not: it needs its own source.
    assert_eq!(
        claims("The bank confirmed the sale. The buyer reportedly paid in cash.")[0].1,
        "reportedly"
    );
    // And a source in another paragraph answers nothing.
    assert_eq!(
        claims("Analysts expect a cut, the bank said.\n\nRates may fall in the spring."),
        one(HEDGE, "may")
    );
}

#[test]
fn hedge_exceptions_for_permission_opinion_and_reported_speculation() {
    // Permission, not a guess.
    assert!(claims("Visitors may bring one bag into the gallery.").is_empty());
    assert!(claims("Members of the jury may not discuss the case.").is_empty());
    assert!(claims("Passengers who hold a pass may not board first.").is_empty());
    // A subject spelt out at length with "may" alone is as likely a guess.
    assert_eq!(
        claims("Passengers with heavy bags may find the stairs hard."),
        one(HEDGE, "may")
    );
    // The same subjects with a guess about a state or a past event.
    assert_eq!(
        claims("Visitors may have caught the virus at the gallery."),
        one(HEDGE, "may")
    );
    assert_eq!(
        claims("Some members of the club may be related to the founder."),
        one(HEDGE, "may")
    );
    // An adverb that qualifies one word.
    assert!(claims("The costume was made of apparently ordinary cloth.").is_empty());
    // The writer's own opinion, in the first person.
    assert!(claims("Perhaps we should ban cars from the old town.").is_empty());
    // Speculation reported as such.
    assert!(claims("Shares rose amid speculation that the bank may raise its offer.").is_empty());
    assert!(claims("The mayor issued a warning that the river may flood.").is_empty());
    // Naming a term.
    assert!(claims("Such a chord is said to be ‘open’.").is_empty());
}

#[test]
fn hedge_definitions_are_not_hearsay() {
    // A term mentioned in quotation marks, with or without "be".
    assert!(claims("Such notes are said to ‘resolve’ onto the tonic.").is_empty());
    // A condition, then the name of the state it defines, in the present tense.
    assert!(claims("When a bowler takes three wickets in three balls, he is said to be on a hat-trick.").is_empty());
    // An indefinite subject: any member of a class.
    assert!(claims("A whole number is said to be even when two divides it.").is_empty());
    assert!(claims("For example, a square is said to be a kind of rectangle.").is_empty());
    // Hearsay about a particular thing stays hearsay, in any tense.
    assert_eq!(
        claims("The old mill is said to have had the busiest wheel in the county."),
        one(HEDGE, "is said to")
    );
    assert_eq!(
        claims("The mayor is said to be a keen angler."),
        one(HEDGE, "is said to")
    );
    // A perfect infinitive reports an event, whatever the frame.
    assert_eq!(
        claims("When the war ended, a soldier is said to have walked home from Kent."),
        one(HEDGE, "is said to")
    );
    // A condition in the past tells a story, not a definition.
    assert_eq!(
        claims("When he was young, he was said to be shy."),
        one(HEDGE, "was said to")
    );
}

#[test]
fn hedge_terms_in_quotation_marks_after_a_preposition() {
    assert!(claims("If both parts rise together they are said to be in ‘similar motion’.").is_empty());
}

#[test]
fn hedge_modals_that_give_a_meaning_are_not_guesses() {
    assert!(claims("The word may also refer to a small boat.").is_empty());
    assert!(claims("Such particles may all be referred to by the term ‘fines’.").is_empty());
    assert!(claims("Other colours may be defined against this one.").is_empty());
    assert!(claims("The town may be variously spelt in old maps.").is_empty());
    assert!(claims("The lake may be described as ‘Lake Orta’ or ‘Cusio’.").is_empty());
    // A description without a quoted name is a judgement; referring a case is an act.
    assert_eq!(claims("Their music may be described as folk rock."), one(HEDGE, "may"));
    assert_eq!(
        claims("The regulator may refer the deal to the competition authority."),
        one(HEDGE, "may")
    );
}

#[test]
fn hedge_impersonal_belief_with_no_one_holding_it() {
    assert_eq!(
        claims("It is believed the gunman acted alone."),
        one(HEDGE, "It is believed")
    );
    assert_eq!(
        claims("It was thought the ship had sunk near the cape."),
        one(HEDGE, "It was thought")
    );
    assert!(claims("It is believed the gunman acted alone, police said.").is_empty());
}

#[test]
fn hedge_a_speech_verb_without_a_speaker_is_no_source() {
    // A passive with no agent, and a participle or noun after a preposition, name no one.
    assert_eq!(claims("Extra rods may be added to the core later."), one(HEDGE, "may"));
    assert_eq!(claims("The firm may depart from stated policy."), one(HEDGE, "may"));
    assert_eq!(claims("Such laws may differ in certain states."), one(HEDGE, "may"));
    // An active speech verb is a source even where it could open a hedge ("is said that").
    assert!(claims("The airline said that it may lose money.").is_empty());
    assert_eq!(
        claims("It is said that the airline lost money."),
        one(HEDGE, "is said that")
    );
    // A participle with "to be" after it is a passive with its "is" left out.
    assert_eq!(
        claims("The names (said to be random) probably come from a list."),
        one(HEDGE, "probably")
    );
    // With its speaker it is one.
    assert!(claims("Extra rods may be added, the engineers said.").is_empty());
    assert!(claims("It was announced by the board that the plant may close.").is_empty());
    assert!(claims("The minister was quoted as saying the plant may close.").is_empty());
}

#[test]
fn hedge_a_speech_verb_after_a_modal_is_the_guess_not_its_source() {
    // "may explain", "might indicate": the verb is what the modal guesses at.
    assert_eq!(claims("The leak may explain the delay."), one(HEDGE, "may"));
    assert_eq!(
        claims("A weak pulse might indicate heart failure."),
        one(HEDGE, "might")
    );
    // "who cannot read" reads nothing out: the crowd behind "is considered" is still unnamed.
    assert_eq!(
        claims("A child who cannot read is considered deprived."),
        one(WEASEL, "is considered")
    );
    // Adverbs may stand between, before a modal as before a passive's "to be".
    assert_eq!(
        claims("A weak pulse might well indicate heart failure."),
        one(HEDGE, "might")
    );
    assert_eq!(
        claims("The prop was only recalled last week and might miss the game."),
        one(HEDGE, "might")
    );
    // "Would" reports speech that was made: "Jones would later tell reporters …".
    assert!(claims("Jones would later tell reporters that the plant may close.").is_empty());
    // A speaker elsewhere in the sentence still names the source.
    assert!(claims("The engineers said the leak may explain the delay.").is_empty());
}
#[test]
fn hedge_first_person_is_the_writer_as_subject() {
    assert!(claims("Perhaps we should close the old road.").is_empty());
    assert!(claims("The plan, it seems to me, may fail.").is_empty());
    // A possessive, or the "I" of a name, is not the writer giving an opinion.
    assert_eq!(claims("The new mine may harm our rivers."), one(HEDGE, "may"));
    assert_eq!(
        claims("She was probably a daughter of King John I of the isles."),
        one(HEDGE, "probably")
    );
}

#[test]
fn hedge_impressions_without_an_infinitive() {
    assert_eq!(claims("Such errors seem rare in the early copies."), one(HEDGE, "seem"));
    assert_eq!(claims("The mayor seemed tired after the vote."), one(HEDGE, "seemed"));
}

#[test]
fn hedge_first_person_is_a_pronoun_not_the_us() {
    assert_eq!(
        claims("The minister reportedly criticised US policy."),
        one(HEDGE, "reportedly")
    );
}

#[test]
fn hedge_inferences_with_no_one_drawing_them() {
    assert_eq!(
        claims("The pottery found at the site suggests that traders passed through."),
        one(HEDGE, "suggests that")
    );
    assert!(claims("Dr Lee suggests that traders passed through.").is_empty());
}

#[test]
fn hedge_speculation_and_fear_with_no_one_holding_them() {
    assert_eq!(
        claims("The wreck is speculated to be a Roman galley."),
        one(HEDGE, "is speculated to")
    );
    assert_eq!(
        claims("It was feared that the dam would burst."),
        one(HEDGE, "was feared that")
    );
    assert!(claims("It was feared that the dam would burst, engineers said.").is_empty());
}

#[test]
fn hedge_inference_with_a_pronoun_subject_and_a_floated_quantifier() {
    assert!(claims("They all suggest that the ferry leave at dawn.").is_empty());
    assert!(claims("We both suggest that the vote be delayed.").is_empty());
}

#[test]
fn hedge_likely_as_an_adverb_guesses_but_as_an_adjective_does_not() {
    assert_eq!(claims("The blaze likely started in the kitchen."), one(HEDGE, "likely"));
    assert_eq!(
        claims("The mill would likely be sold to a developer."),
        one(HEDGE, "likely")
    );
    assert!(claims("The mill is likely to close next spring.").is_empty());
    assert!(claims("Young drivers are more likely to crash at night.").is_empty());
    assert!(claims("She is the likely winner of the seat.").is_empty());
    assert!(claims("A delay is now likely.").is_empty());
}

#[test]
fn hedge_impression_given_by_footage_or_photographs() {
    assert!(claims("In the footage, the goalkeeper appears to slip.").is_empty());
    assert!(claims("The singer seemed nervous on camera.").is_empty());
    assert!(claims("A magazine printed photographs of the actor apparently asleep at the wheel.").is_empty());
    // A camera or a picture that is only part of the story gives no impression.
    assert_eq!(
        claims("It seems the host waves at the camera in every episode."),
        one(HEDGE, "It seems")
    );
    assert_eq!(
        claims("The jury, it seems, loves a picture about itself."),
        one(HEDGE, "it seems")
    );
}

#[test]
fn hedge_speech_inside_the_hearsay_is_no_source() {
    // What follows "that" is the hearsay itself.
    assert_eq!(
        claims("It is said that the miller told the king a riddle."),
        one(HEDGE, "is said that")
    );
    assert_eq!(
        claims("It has been suggested that the mayor took bribes, but he has denied it."),
        one(HEDGE, "been suggested that")
    );
    // An attribution set off at the end or in commas names the source.
    assert!(claims("It is believed that the thieves fled north, police said.").is_empty());
    assert!(claims("It is believed that the thieves, police said, fled north.").is_empty());
    assert!(claims("It is believed that the thieves fled north, according to the police.").is_empty());
}

#[test]
fn hedges_in_headlines_are_left_to_the_body() {
    assert!(
        claims("Minister may quit over budget row\n\nThe minister has offered to resign, her office said.").is_empty()
    );
}

#[test]
fn hedge_message_names_the_missing_source() {
    let m = message_of("The minister reportedly resigned on Tuesday.");
    assert!(m.starts_with("‘Reportedly’: reported by whom?"), "{m}");
    assert!(m.contains("Name the source"), "{m}");
}

#[test]
fn hedges_extend_from_configuration() {
    let mut config = Config::default();
    config.lexicon_additions = LexiconConfig {
        hedges: vec!["word on the street is".to_string()],
        ..LexiconConfig::default()
    };
    let src = "Word on the street is the club will fold.";
    assert_eq!(
        claims_with(src, DocKind::Text, &config),
        one(HEDGE, "Word on the street is")
    );
    assert!(claims_with(src, DocKind::Text, &Config::default()).is_empty());
}

// ---------------------------------------------------------------- claim/weasel

#[test]
fn weasel_crowds_that_speak() {
    assert_eq!(claims("Experts say the bridge is unsafe."), one(WEASEL, "Experts say"));
    assert_eq!(
        claims("Some people believe the count was rigged."),
        one(WEASEL, "Some people believe")
    );
    assert_eq!(
        claims("Critics have long argued that the tax is unfair."),
        one(WEASEL, "Critics have long argued")
    );
    assert_eq!(claims("Some say the river will flood again."), one(WEASEL, "Some say"));
    // Unnamed experts of a field, and the backers of an idea.
    assert_eq!(
        claims("Most particle physicists believe the model is incomplete."),
        one(WEASEL, "physicists believe")
    );
    assert_eq!(
        claims("Proponents argue that the tax is fair."),
        one(WEASEL, "Proponents argue")
    );
}

#[test]
fn weasel_a_speaker_who_went_on_to_do_something_else_is_no_source() {
    // "went on" introduces speech ("He went on: …"), but "went on to sell" tells what
    // happened next and names no source for the judgement.
    assert_eq!(
        claims("The album went on to sell well and is considered by many to be the finest."),
        one(WEASEL, "considered by many")
    );
    assert!(claims("The coach went on to say that the club is widely considered a model.").is_empty());
}

#[test]
fn weasel_needs_the_shape_not_the_word() {
    assert!(claims("Many residents left the town in the spring.").is_empty());
    assert!(claims("Many people left the town in the spring.").is_empty());
    assert!(claims("He is the most feared striker in the league.").is_empty());
    assert!(claims("Some claims in the leaflet are false.").is_empty());
}

#[test]
fn weasel_officials_with_no_name() {
    assert_eq!(
        claims("The bridge is unsafe, officials said."),
        one(WEASEL, "officials said")
    );
    assert_eq!(
        claims("The bridge is unsafe, senior officials said."),
        one(WEASEL, "senior officials said")
    );
    assert!(claims("The bridge is unsafe, Treasury officials said.").is_empty());
    assert!(claims("The bridge is unsafe, the officials said.").is_empty());
}

#[test]
fn weasel_fixed_phrases() {
    assert_eq!(
        claims("It is widely believed that the count was rigged."),
        one(WEASEL, "is widely believed")
    );
    assert_eq!(claims("Studies show that the drug works."), one(WEASEL, "Studies show"));
    assert_eq!(
        claims("The painter is regarded as a genius."),
        one(WEASEL, "is regarded as")
    );
}

#[test]
fn weasel_suspicion_with_no_suspect_holder() {
    assert_eq!(
        claims("The clerk is suspected to have forged the deeds."),
        one(WEASEL, "is suspected to")
    );
    assert!(claims("The clerk is suspected to have forged the deeds, prosecutors said.").is_empty());
}

#[test]
fn weasel_a_negated_known_states_the_fact() {
    assert!(claims("It is not widely known that the bridge was built in a year.").is_empty());
    assert!(claims("It isn't widely known that the bridge was built in a year.").is_empty());
    assert_eq!(
        claims("It is widely known that the bridge was built in a year."),
        one(WEASEL, "is widely known")
    );
}

#[test]
fn weasel_agentless_accusations() {
    assert_eq!(
        claims("The company is accused of dumping waste in the river."),
        one(WEASEL, "is accused of")
    );
    assert_eq!(
        claims("The firm is also accused of cheating by using fake accounts."),
        one(WEASEL, "is also accused of")
    );
    assert!(claims("The club has been criticised for its prices by supporters' groups.").is_empty());
    assert!(claims("The company is accused of dumping waste, prosecutors said.").is_empty());
    assert!(claims("She accused the company of dumping waste.").is_empty());
}

#[test]
fn weasel_passives_with_a_crowd_as_agent() {
    assert_eq!(
        claims("The treaty is regarded by some as a betrayal."),
        one(WEASEL, "regarded by some")
    );
    assert_eq!(
        claims("The architect is widely considered the finest of her generation."),
        one(WEASEL, "widely considered")
    );
    assert!(claims("The architect was considered for the prize.").is_empty());
    assert!(claims("The proposal was considered but rejected.").is_empty());
    assert!(claims("Such samples are considered ‘restricted’ by the agency.").is_empty());
    assert!(claims("The plan could be considered next year.").is_empty());
}

#[test]
fn weasel_crowd_beside_a_named_voice_is_reporting_convention() {
    let src = "Economists said the recovery was fragile. \"Growth will slow,\" said Ann Lee of the Fiscal Institute.";
    assert!(claims(src).is_empty());
    assert!(claims("If she lost, people would say she had peaked.").is_empty());
}

#[test]
fn weasel_accusations_in_a_trial_report_have_the_prosecution_as_accuser() {
    assert!(claims("The trial opened on Monday. Mr Grey is accused of hiding the losses.").is_empty());
    assert_eq!(
        claims("The trial opened on Monday.\n\nMr Grey is accused of hiding the losses."),
        one(WEASEL, "is accused of")
    );
}

#[test]
fn weasel_message_asks_which() {
    let m = message_of("Experts say the bridge is unsafe.");
    assert!(m.starts_with("‘Experts say’: which experts?"), "{m}");
    let m = message_of("The company is accused of dumping waste.");
    assert!(m.contains("accused by whom?") && m.contains("Name the accuser"), "{m}");
}

#[test]
fn weasels_extend_from_configuration() {
    let mut config = Config::default();
    config.lexicon_additions = LexiconConfig {
        weasels: vec!["people are talking".to_string()],
        ..LexiconConfig::default()
    };
    assert_eq!(
        claims_with("People are talking about a merger.", DocKind::Text, &config),
        one(WEASEL, "People are talking")
    );
}

// ---------------------------------------------------------------- claim/vague-source

#[test]
fn vague_according_to() {
    assert_eq!(
        claims("According to the report, the talks collapsed."),
        one(VAGUE, "According to the report")
    );
    assert_eq!(
        claims("The deal is done, according to sources."),
        one(VAGUE, "according to sources")
    );
    assert_eq!(
        claims("According to media reports, the dam burst."),
        one(VAGUE, "According to media reports")
    );
}

#[test]
fn according_to_a_name_is_a_source() {
    assert!(claims("According to Reuters, the talks collapsed.").is_empty());
    assert!(claims("According to Peskov, the talks collapsed.").is_empty());
    assert!(claims("The talks collapsed, according to the ministry.").is_empty());
    assert!(claims("According to a report by Amnesty, the camp was shelled.").is_empty());
    assert!(claims("According to the Reuters report, the talks collapsed.").is_empty());
}

#[test]
fn vague_reports_as_subjects_and_local_media() {
    assert_eq!(
        claims("A report said the factory would close."),
        one(VAGUE, "A report said")
    );
    assert_eq!(
        claims("Reports suggest the factory will close."),
        one(VAGUE, "Reports suggest")
    );
    assert_eq!(
        claims("Local media reported that the dam had burst."),
        one(VAGUE, "Local media")
    );
    assert!(claims("A UN report said the factory would close.").is_empty());
    assert!(claims("Reuters reports that the factory will close.").is_empty());
}

#[test]
fn vague_source_named_in_the_sentence_before() {
    let src = "Amnesty International published a report on Monday. According to the report, the camp was shelled.";
    assert!(claims(src).is_empty());
    let src = "The camp was shelled on Monday. According to the report, nobody was hurt.";
    assert_eq!(claims(src), one(VAGUE, "According to the report"));
}

#[test]
fn vague_source_named_in_the_sentence_after_or_earlier_in_the_draft() {
    let src =
        "Most councils missed the target, a report says. The study, by the Audit Commission, looked at 300 councils.";
    assert!(claims(src).is_empty());
    let src = "The Audit Commission published a report on 300 councils. Most had missed the target. \
               Spending rose in the north. The report said the south lagged behind.";
    assert!(claims(src).is_empty());
    let src = "Most councils missed the target. Spending rose in the north. The report said the south lagged behind.";
    assert_eq!(claims(src), one(VAGUE, "The report said"));
}

#[test]
fn the_report_is_not_resolved_by_another_kind_of_document() {
    let src = "A statement came from the mayor on Monday. The dam held. \
               Water levels fell overnight. According to the report, the town is safe.";
    assert_eq!(claims(src), one(VAGUE, "According to the report"));
}

#[test]
fn vague_source_whose_owner_or_author_is_named() {
    assert!(claims("Growth will slow next year, state media reported.").is_empty());
    assert!(claims("The film took $40m, according to studio estimates.").is_empty());
    assert!(claims("The tune is banned, according to media strategist Glen Hart.").is_empty());
    assert!(claims("Sales fell, according to a report this week from the Retail Consortium.").is_empty());
}

#[test]
fn vague_source_with_a_link_is_named() {
    let src = "According to [the report](https://example.org/report), the talks collapsed.\n";
    assert!(claims_with(src, DocKind::Markdown, &Config::default()).is_empty());
}

#[test]
fn vague_message_asks_which_report() {
    let m = message_of("According to the report, the talks collapsed.");
    assert!(m.starts_with("‘According to the report’: which report?"), "{m}");
    assert!(m.contains("link to it"), "{m}");
}

// ---------------------------------------------------------------- claim/unsourced-figure

#[test]
fn figures_that_are_statistics() {
    assert_eq!(claims("Unemployment rose to 7.4% last year."), one(FIGURE, "7.4%"));
    assert_eq!(claims("Turnout fell by 12 per cent."), one(FIGURE, "12 per cent"));
    assert_eq!(claims("Some 25% of voters stayed at home."), one(FIGURE, "25%"));
    assert_eq!(claims("The leak costs the economy $2bn a year."), one(FIGURE, "$2bn"));
    assert_eq!(
        claims("About 2.5 million people visited the fair."),
        one(FIGURE, "2.5 million")
    );
    assert_eq!(
        claims("Cyclists are three times more likely to be hurt on that road."),
        one(FIGURE, "three times more")
    );
}

#[test]
fn figures_that_are_terms_of_the_story_are_not_statistics() {
    assert!(claims("The club paid £30m for the striker on Monday.").is_empty());
    assert!(claims("The bank sold a 40% stake in the brewer.").is_empty());
    assert!(claims("Shares in the firm fell 3% to 120p.").is_empty());
    // A rate of pay or rent agreed in a deal is one of its terms.
    assert!(claims("The club offered him a contract worth $3 million a year.").is_empty());
    assert!(claims("The trust awards grants of up to $50,000 a year.").is_empty());
    assert_eq!(claims("Nurses earn $40,000 a year on average."), one(FIGURE, "$40,000"));
}

#[test]
fn headlines_carry_no_sources() {
    assert!(claims("Acme in $2bn a year supply deal\n\nAcme has signed a deal, it said.").is_empty());
    let md = "# Unemployment hits 7.4%\n\nThe statistics office said so.\n";
    assert!(claims_with(md, DocKind::Markdown, &Config::default()).is_empty());
    // A list item is no headline, full stop or not.
    let md = "Key points:\n\n- Unemployment rose to 7.4%\n";
    assert_eq!(
        claims_with(md, DocKind::Markdown, &Config::default()),
        one(FIGURE, "7.4%")
    );
}

#[test]
fn figures_that_are_records_and_rankings() {
    assert_eq!(
        claims("It was the largest protest ever held in the city."),
        one(FIGURE, "the largest")
    );
    assert_eq!(
        claims("It was the first-ever visit by a pope to the island."),
        one(FIGURE, "first-ever")
    );
    assert_eq!(
        claims("Acme is the world's biggest maker of widgets."),
        one(FIGURE, "world's biggest")
    );
    assert_eq!(
        claims("Leeds is the country's third-largest city."),
        one(FIGURE, "third-largest")
    );
    assert_eq!(
        claims("The school was ranked 14th in the region."),
        one(FIGURE, "ranked 14th")
    );
}

#[test]
fn hedged_superlatives_rank_nothing() {
    assert!(claims("The bridge is one of the longest in the world.").is_empty());
    assert!(claims("The pianist is the most gifted of her class.").is_empty());
}

#[test]
fn superlatives_that_only_identify_are_not_claims() {
    assert!(claims("Acme, the world's biggest maker of widgets, opened a plant.").is_empty());
    assert!(claims("Barclays, the country's third-largest bank, cut jobs.").is_empty());
    assert!(claims("The town hosts the Harbour Regatta, the largest rowing race in the world.").is_empty());
    assert!(claims("The prize went to Ann Lee, the first-ever winner from the valley.").is_empty());
    // The same phrase as the subject after an opening adverbial, or as a predicate, claims.
    assert_eq!(
        claims("In 2004, the largest crowd ever seen in the town gathered."),
        one(FIGURE, "the largest")
    );
    assert_eq!(
        claims("The Harbour Regatta is the largest rowing race in the world."),
        one(FIGURE, "the largest")
    );
}

#[test]
fn a_ranking_by_a_named_body_has_its_source() {
    assert!(claims("The pier was named the county's best attraction by the ‘Coast Tourism Board’.").is_empty());
    assert!(claims("The pier was named the county's best attraction by Coast Tourism.").is_empty());
}

#[test]
fn a_ranking_in_a_named_table_or_awards_has_its_source() {
    assert!(claims("The school was ranked 14th in the national league table.").is_empty());
    assert!(claims("The pier was the highest ranked attraction in this year's awards.").is_empty());
    // A place is no table.
    assert_eq!(
        claims("The school was ranked 14th in the region."),
        one(FIGURE, "ranked 14th")
    );
}

#[test]
fn highest_names_an_office_rather_than_ranking_it() {
    assert!(claims("The tribunal was the country's highest court until 1990.").is_empty());
    assert!(claims("The medal is Ruritania's highest civilian honour.").is_empty());
    assert_eq!(
        claims("The peak is the country's highest point."),
        one(FIGURE, "country's highest")
    );
}

#[test]
fn a_vote_share_is_a_result_not_a_statistic() {
    assert!(claims("The party won 38% of the vote in June.").is_empty());
    assert!(claims("The party lost 9% of the popular vote.").is_empty());
    assert_eq!(claims("Some 25% of voters stayed at home."), one(FIGURE, "25%"));
}

#[test]
fn a_scope_after_one_of_belongs_to_the_hedged_superlative() {
    assert!(
        claims("They were the most popular band of the decade and remain one of the best-loved acts of all time.")
            .is_empty()
    );
    assert_eq!(
        claims("They were the most popular band of all time."),
        one(FIGURE, "the most")
    );
}

#[test]
fn plain_numbers_and_descriptions_are_not_statistics() {
    assert!(claims("The festival ran for four days in 2002 and staged two campaigns.").is_empty());
    assert!(claims("The founder, aged 45, arrived at 10:30 with 12 volunteers.").is_empty());
    assert!(claims("The largest room was empty when the best film of the year began.").is_empty());
}

#[test]
fn figure_with_a_source_in_its_sentence_or_paragraph() {
    assert!(claims("Unemployment rose to 7.4% last year, according to the statistics office.").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year. The statistics office said the rise was steep.").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year [3].").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year (Smith 2004).").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year (Hale, Orme p212).").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year (Hale et al., 2004, p. 9).").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year [Hale 2004].").is_empty());
    assert!(claims("Unemployment rose to 7.4% last year (source: Statistics Office).").is_empty());
    // A tag that says the source is missing is no citation, nor is a date in brackets.
    assert_eq!(
        claims("Unemployment rose to 7.4% last year.[citation needed]"),
        one(FIGURE, "7.4%")
    );
    assert_eq!(claims("Unemployment rose to 7.4% (October 2004)."), one(FIGURE, "7.4%"));
    let md = "Unemployment rose to [7.4% last year](https://example.org/ons).\n";
    assert!(claims_with(md, DocKind::Markdown, &Config::default()).is_empty());
}

#[test]
fn figure_source_in_another_paragraph_does_not_count() {
    let src = "The statistics office said it was worried.\n\nUnemployment rose to 7.4% last year.";
    assert_eq!(claims(src), one(FIGURE, "7.4%"));
}

#[test]
fn one_figure_finding_per_sentence() {
    assert_eq!(
        claims("Unemployment rose to 7.4% and inflation reached 3% last year."),
        one(FIGURE, "7.4%")
    );
}

#[test]
fn figure_message_asks_where_it_comes_from() {
    let m = message_of("Unemployment rose to 7.4% last year.");
    assert!(m.starts_with("‘7.4%’: where does this figure come from?"), "{m}");
}

// ---------------------------------------------------------------- quotations and overlaps

#[test]
fn nothing_fires_inside_quotation_marks() {
    let src = "The banner read “perhaps the plan is dead, experts say, and 40% agree”.";
    assert!(claims(src).is_empty());
    let src = "He wrote: “According to the report, the mine reportedly lost 40% of its staff.”";
    assert!(claims(src).is_empty());
}

#[test]
fn overlapping_candidates_keep_the_more_specific_rule() {
    // "reports suggest" is a vague source, "suggest" is no hedge of its own; "local media"
    // and "media reported" are one finding.
    assert_eq!(
        claims("Local media reported that the dam had burst."),
        one(VAGUE, "Local media")
    );
}

#[test]
fn rules_can_be_switched_off() {
    let mut config = Config::default();
    config.rules.insert(Rule::ClaimHedge, crate::config::Level::Off);
    assert!(claims_with("The minister reportedly resigned.", DocKind::Text, &config).is_empty());
}

#[test]
fn explain_examples_behave_as_documented() {
    for rule in [
        Rule::ClaimHedge,
        Rule::ClaimWeasel,
        Rule::ClaimVagueSource,
        Rule::ClaimUnsourcedFigure,
    ] {
        let doc = rule.doc();
        let flagged = claims(doc.flagged);
        assert!(
            flagged.iter().any(|(id, _)| *id == rule.id()),
            "{}: {:?} gave {flagged:?}",
            rule.id(),
            doc.flagged
        );
        assert!(
            claims(doc.accepted).is_empty(),
            "{}: {:?} was flagged",
            rule.id(),
            doc.accepted
        );
    }
}
