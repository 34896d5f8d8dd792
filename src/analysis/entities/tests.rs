use super::*;
use crate::analysis::analyze;
use crate::config::Config;
use crate::text::DocKind;

pub(crate) fn entities_of(text: &str) -> Entities {
    analyze(text, DocKind::Text, &Config::default()).entities
}

fn mention_texts<'a>(text: &'a str, ents: &Entities) -> Vec<&'a str> {
    ents.mentions.iter().map(|m| m.span.slice(text)).collect()
}

fn entity<'a>(ents: &'a Entities, name: &str) -> &'a Entity {
    ents.entities.iter().find(|e| e.name == name).unwrap_or_else(|| {
        panic!(
            "no entity {name}: {:?}",
            ents.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    })
}

fn roles_of<'a>(text: &'a str, ents: &Entities, name: &str) -> Vec<&'a str> {
    entity(ents, name)
        .roles
        .iter()
        .map(|&r| ents.roles[r].span.slice(text))
        .collect()
}

#[test]
fn capitalised_runs_with_particles_initials_hyphens_and_diacritics() {
    let text = "Officials met Mohammed bin Salman, George W. Bush, Ursula von der Leyen, Jean-Pierre \
                Raffarin, Recep Tayyip Erdoğan and Sinéad O’Connor in Paris with the UN and NATO.";
    let ents = entities_of(text);
    assert_eq!(
        mention_texts(text, &ents),
        vec![
            "Mohammed bin Salman",
            "George W. Bush",
            "Ursula von der Leyen",
            "Jean-Pierre Raffarin",
            "Recep Tayyip Erdoğan",
            "Sinéad O’Connor",
            "Paris",
            "UN",
            "NATO"
        ]
    );
    assert_eq!(entity(&ents, "Paris").kind, Kind::Place);
    assert_eq!(entity(&ents, "NATO").kind, Kind::Organization);
}

#[test]
fn a_sentence_starting_word_before_an_honorific_is_not_a_first_name() {
    let text = "Tomasz Wrobel runs the bakery. Explains Mr Wrobel: \"We bake at night.\" \
                Meanwhile Dr Okafor disagreed.";
    let ents = entities_of(text);
    assert_eq!(mention_texts(text, &ents), vec!["Tomasz Wrobel", "Wrobel", "Okafor"]);
    assert!(ents.mentions[1].honorific.is_some() && ents.mentions[2].honorific.is_some());
    // "Mr Wrobel" is the Tomasz Wrobel of the first sentence, not someone called "Explains".
    assert_eq!(ents.mentions[0].entity, ents.mentions[1].entity);
}

#[test]
fn a_compound_adjective_ends_a_name() {
    let text = "Leeds-based Halvorsen Foods bought the Bristol-born chef's diner. Halvorsen Foods \
                said Kremlin-backed bids had failed.";
    let ents = entities_of(text);
    let names = mention_texts(text, &ents);
    assert!(names.contains(&"Halvorsen Foods"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains("-based") || n.contains("-born")),
        "{names:?}"
    );
}

#[test]
fn sentence_initial_capitals_alone_are_not_names() {
    let text = "Despite the rain, crowds came. Shares fell. Analysts said shares would recover. \
                Peskov spoke. Later, Dmitry Peskov spoke again.";
    let ents = entities_of(text);
    // "Shares" is written in lower case too; "Analysts" is never a name elsewhere; "Peskov" is.
    assert_eq!(mention_texts(text, &ents), vec!["Peskov", "Dmitry Peskov"]);
    assert!(ents.candidates.iter().any(|c| c.span.slice(text) == "Analysts"));
    assert!(!ents.candidates.iter().any(|c| c.span.slice(text) == "Shares"));
}

#[test]
fn days_months_nationalities_and_function_words_are_not_names() {
    let text = "On Tuesday the Russian delegation arrived in March, and The Kremlin said so.";
    let ents = entities_of(text);
    assert_eq!(mention_texts(text, &ents), vec!["Kremlin"]);
}

#[test]
fn headline_capitals_need_support_from_the_body() {
    let text = "Putin Blames Failure Of Policy\n\nThe president, Vladimir Putin, spoke on Monday.";
    let ents = entities_of(text);
    assert_eq!(mention_texts(text, &ents), vec!["Putin", "Vladimir Putin"]);
    assert_eq!(entity(&ents, "Vladimir Putin").mentions.len(), 2);
}

#[test]
fn titles_before_the_name() {
    let text = "Kremlin spokesman Dmitry Peskov met Iraqi Prime Minister Mohammed Shia Al-Sudani and \
                Turkish President Recep Tayyip Erdogan. Mr Peskov left.";
    let ents = entities_of(text);
    assert_eq!(roles_of(text, &ents, "Dmitry Peskov"), vec!["Kremlin spokesman"]);
    assert_eq!(
        roles_of(text, &ents, "Mohammed Shia Al-Sudani"),
        vec!["Iraqi Prime Minister"]
    );
    assert_eq!(roles_of(text, &ents, "Recep Tayyip Erdogan"), vec!["Turkish President"]);
    let peskov = entity(&ents, "Dmitry Peskov");
    assert_eq!(
        (peskov.kind, peskov.gender, peskov.mentions.len()),
        (Kind::Person, Gender::Male, 2)
    );
    assert_eq!(ents.roles[peskov.roles[0]].head.as_ref(), "spokesperson");
}

#[test]
fn appositive_roles() {
    let text = "Putin's spokesman, Dmitry Peskov, said it. Peskov, a spokesman for the Kremlin, added \
                more. Ian Smith, Labour Party chairman, agreed. Anna Lee who is the chief executive of \
                Acme said no. In a statement, Ian Smith said yes. Tom Hill, 45, left.";
    let ents = entities_of(text);
    assert_eq!(
        roles_of(text, &ents, "Dmitry Peskov"),
        vec!["Putin's spokesman", "spokesman for the Kremlin"]
    );
    assert_eq!(roles_of(text, &ents, "Ian Smith"), vec!["Labour Party chairman"]);
    assert_eq!(roles_of(text, &ents, "Anna Lee"), vec!["chief executive of Acme"]);
    assert!(roles_of(text, &ents, "Tom Hill").is_empty());
}

#[test]
fn a_role_followed_by_another_name_is_that_name_s() {
    let text = "Kremlin spokesman Dmitry Peskov, Putin said, was right. The spokesperson for Vladimir \
                Putin, Dmitry Peskov, agreed.";
    let ents = entities_of(text);
    assert!(roles_of(text, &ents, "Vladimir Putin").is_empty());
    assert_eq!(
        roles_of(text, &ents, "Dmitry Peskov"),
        vec!["Kremlin spokesman", "spokesperson for Vladimir Putin"]
    );
}

#[test]
fn a_surname_alone_joins_the_full_name_introduced_before() {
    let text = "Mahmoud Abbas arrived. Mr Abbas spoke. Later Abbas left. Sonia O'Sullivan ran and Sonia won.";
    let ents = entities_of(text);
    assert_eq!(entity(&ents, "Mahmoud Abbas").mentions.len(), 3);
    assert_eq!(entity(&ents, "Sonia O'Sullivan").mentions.len(), 2);
    assert_eq!(ents.entities.len(), 2);
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let text = "Gordon Brown met Nick Brown on Monday. Gordon Brown spoke first; then Brown left.";
    let ents = entities_of(text);
    let gordon = entity(&ents, "Gordon Brown");
    let nick = entity(&ents, "Nick Brown");
    assert_eq!(
        gordon.mentions.len(),
        3,
        "the last Brown is the latest mentioned, Gordon"
    );
    assert_eq!(nick.mentions.len(), 1);
}

#[test]
fn mr_and_mrs_with_one_surname_are_two_people() {
    let text = "Mr Smith and Mrs Smith arrived. Mrs Smith spoke.";
    let ents = entities_of(text);
    assert_eq!(ents.entities.len(), 2);
    assert_eq!(ents.entities[1].mentions.len(), 2);
    assert_eq!(ents.entities[1].gender, Gender::Female);
}

#[test]
fn a_misspelt_surname_joins_its_entity_as_a_variant() {
    let text = "Prime Minister Tony Blair spoke. Mr Blair left. Later Mr Blaer returned.";
    let ents = entities_of(text);
    let blair = entity(&ents, "Tony Blair");
    assert_eq!(blair.mentions.len(), 3);
    assert_eq!(
        blair.variants.iter().map(|&w| &*ents.word(w).text).collect::<Vec<_>>(),
        vec!["Blaer"]
    );
}

#[test]
fn possessives_are_not_part_of_the_name() {
    let text = "Vladimir Putin’s spokesman spoke for Putin's team.";
    let ents = entities_of(text);
    assert_eq!(mention_texts(text, &ents), vec!["Vladimir Putin", "Putin"]);
}

#[test]
fn short_word_set_holds_exactly_its_words() {
    let set = super::ShortWords::new(["al", "van", "della", "y"].into_iter());
    for w in ["al", "van", "della", "y"] {
        assert_eq!(set.contains(w), Some(true), "{w}");
    }
    for w in ["a", "va", "vans", "dell", "Al", ""] {
        assert_eq!(set.contains(w), Some(false), "{w}");
    }
    assert_eq!(set.contains("abcdefgh"), None);
}

#[test]
fn titles_are_found_at_word_starts_and_after_hyphens_only() {
    let lex = EntityLexicon::new(&Default::default());
    let found = |text: &str| {
        let prose = crate::text::prose::extract(text, DocKind::Text);
        let segs = crate::text::segment::segment(&prose);
        lex.find_roles(&prose.masked, &segs.tokens)
            .into_iter()
            .map(|m| m.span.slice(text).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("The Prime Minister's vice-president spoke."),
        vec!["Prime Minister", "vice-president"]
    );
    assert_eq!(found("The ex-president left."), vec!["president"]);
    // Inside a word ("impresident") or as part of a longer word ("ministers"): no title.
    assert!(found("An impresident of ministers.").is_empty());
    assert_eq!(found("Kremlin spokesman Dmitry Peskov, PM."), vec!["spokesman", "PM"]);
}
