use super::*;
use crate::analysis::analyze;
use crate::config::{EntityKind, RegistryEntity};
use crate::text::DocKind;

fn findings(text: &str, config: &Config) -> Vec<(String, String, Option<String>)> {
    analyze(text, DocKind::Text, config)
        .findings
        .into_iter()
        .filter(|f| f.rule == Rule::NameVariant)
        .map(|f| {
            let fix = f.fixes.first().map(|x| x.edits[0].replacement.clone());
            (f.span.slice(text).to_string(), f.message, fix)
        })
        .collect()
}

fn flagged(text: &str) -> Vec<String> {
    findings(text, &Config::default()).into_iter().map(|f| f.0).collect()
}

#[test]
fn a_rare_close_spelling_is_flagged_with_a_fix_and_the_canonical_places() {
    let text = "Prime Minister Tony Blair spoke on Monday. Mr Blair left early. Critics said Blaer was wrong.";
    let a = analyze(text, DocKind::Text, &Config::default());
    let f: Vec<&Finding> = a.findings.iter().filter(|f| f.rule == Rule::NameVariant).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].span.slice(text), "Blaer");
    assert!(
        f[0].message
            .starts_with("“Blaer” differs from “Blair” (2 mentions in this draft)"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Blair");
    let related: Vec<&str> = f[0].related.iter().map(|r| r.span.slice(text)).collect();
    assert_eq!(related, vec!["Blair", "Blair"]);
}

#[test]
fn two_spellings_as_often_each_need_a_shared_name() {
    // Neither is rare and nothing ties them: no finding.
    assert!(flagged("Jones spoke. Mr Jones left. Janes spoke. Mr Janes left.").is_empty());
    // A shared middle name and title tie them; the first full mention is canonical.
    let text = "Iraqi Prime Minister Mohammed Shia Al-Sudani arrived. Later Iraqi PM Mohammad Shia Al-Saudani spoke.";
    let f = findings(text, &Config::default());
    let got: Vec<(&str, Option<&str>)> = f.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        got,
        vec![("Mohammad", Some("Mohammed")), ("Al-Saudani", Some("Al-Sudani"))]
    );
}

#[test]
fn different_first_names_are_different_people() {
    assert!(flagged("Gordon Brown met Nick Browne. Brown and Browne talked. Brown left.").is_empty());
    assert!(flagged("Andy Clark met Tom Clarke. Clark spoke. Clark left. Clarke stayed.").is_empty());
    // The same first name makes the ending a variant.
    assert_eq!(
        flagged("Gordon Brown spoke. Gordon Browne left. Brown stayed."),
        vec!["Browne"]
    );
}

#[test]
fn a_first_name_and_a_surname_are_different_names() {
    assert!(flagged("Peter Jones met Harry Potter. Peter left. Potter stayed.").is_empty());
    assert!(flagged("Robin Hughes scored. Robben ran. Robben scored. Robben left.").is_empty());
}

#[test]
fn endings_and_unrelated_names_are_not_variants() {
    assert!(flagged("Iran and Iraq met. Iran left. Iran stayed. Iraq spoke.").is_empty());
    assert!(flagged("Russia said the Russian army left. Russia agreed. Russia spoke.").is_empty());
    assert!(flagged("The Bank of England and the Banks group met. Bank officials left.").is_empty());
    assert!(flagged("WorldCom fell. WorldCom rose. Worldcom sank.").is_empty());
}

#[test]
fn transliteration_variants_in_one_draft() {
    assert_eq!(
        flagged("Dmitry Peskov spoke. Peskov left. Mr Peskov returned. Then Peskoff said no."),
        vec!["Peskoff"]
    );
    assert_eq!(
        flagged("Recep Tayyip Erdoğan spoke. Erdoğan left. Mr Erdogan returned."),
        vec!["Erdogan"]
    );
}

#[test]
fn accepted_spellings_are_never_flagged() {
    let mut config = Config::default();
    config.accept = vec!["Blaer".into()];
    let text = "Tony Blair spoke. Mr Blair left. Critics said Blaer was wrong.";
    assert!(findings(text, &config).is_empty());
}

fn sudani_registry() -> Config {
    let mut config = Config::default();
    config.registry = vec![RegistryEntity {
        name: "Mohammed Shia al-Sudani".into(),
        kind: EntityKind::Person,
        title: Some("Prime Minister of Iraq".into()),
        aliases: vec!["Sudani".into()],
        avoid: vec!["Al-Saadani".into()],
        note: None,
    }];
    config
}

#[test]
fn the_registry_spelling_is_canonical() {
    // Written twice, but the registry says otherwise.
    let text = "Prime Minister Mohammed Shia Al-Saudani arrived. Al-Saudani spoke.";
    let f = findings(text, &sudani_registry());
    assert_eq!(f.len(), 2);
    assert!(
        f.iter()
            .all(|x| x.0 == "Al-Saudani" && x.2.as_deref() == Some("al-Sudani"))
    );
    assert!(f[0].1.contains("registry"), "{}", f[0].1);
    // The registry's spelling, with a capital article, is not a variant.
    assert!(findings("Mohammed Shia Al-Sudani arrived. Sudani spoke.", &sudani_registry()).is_empty());
}

#[test]
fn avoided_spellings_are_always_flagged() {
    let f = findings("Al-Saadani arrived.", &sudani_registry());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].2.as_deref(), Some("al-Sudani"));
    assert!(f[0].1.contains("avoid"), "{}", f[0].1);
}

#[test]
fn a_misspelling_at_a_sentence_start_is_still_found() {
    assert_eq!(
        flagged("Finance minister Alexei Kudrin spoke. Mr Kudrin left. Kudren said no."),
        vec!["Kudren"]
    );
    // But names in a team list, never written in a sentence, need more than a close spelling.
    assert!(flagged("Matt Dawson played. Dawson scored. Dawson left.\n\nDowson, Haughton, Monye, Roques.").is_empty());
}

#[test]
fn the_rule_s_own_examples() {
    let doc = Rule::NameVariant.doc();
    assert_eq!(flagged(doc.flagged), vec!["Al-Saudani"]);
    assert!(flagged(doc.accepted).is_empty());
}

#[test]
fn a_rare_spelling_needs_a_name_written_on_its_own() {
    // "Standard Life" is never shortened to "Life": "Liffe", the exchange, is another name.
    assert!(
        flagged(
            "Standard Life shares rose. Standard Life said profits grew. Analysts liked Standard Life. \
             Trading on Liffe, the futures exchange, was busy."
        )
        .is_empty()
    );
    // A person called by the surname alone: the rare spelling is a slip.
    assert_eq!(
        flagged("Chairman Peter Hartigan spoke. Mr Hartigan left. Hartigan waved. Critics said Hartigen was wrong."),
        vec!["Hartigen"]
    );
}

#[test]
fn four_letter_words_need_a_surname_the_draft_introduces() {
    // A first name and an event one vowel apart: two names.
    assert!(
        flagged(
            "Conductor Bill Hartley rehearsed all week. \"Bill, slow down,\" the players called. \
             Afterwards he went to the Mayor's Ball with friends."
        )
        .is_empty()
    );
    // The surname of someone introduced in full, misspelt once.
    assert_eq!(
        flagged("Coach Peter Hall arrived. Mr Hall spoke. Hall waved. Critics said Hell was wrong."),
        vec!["Hell"]
    );
}

#[test]
fn a_variant_first_name_is_no_shared_name() {
    let text = "Investor Marvin Davis sued. Welsh great Mervyn Davies watched.";
    let a = analyze(text, DocKind::Text, &Config::default());
    let ents = &a.entities;
    let (davis, davies) = (ents.find_word("Davis").unwrap(), ents.find_word("Davies").unwrap());
    assert_eq!(
        evidence(&profile(ents, davis), &profile(ents, davies)),
        Evidence::Neutral
    );
    let text = "Tony Blair spoke. Tony Blaer left.";
    let a = analyze(text, DocKind::Text, &Config::default());
    let ents = &a.entities;
    let (x, y) = (ents.find_word("Blair").unwrap(), ents.find_word("Blaer").unwrap());
    assert_eq!(evidence(&profile(ents, x), &profile(ents, y)), Evidence::Shared);
}

#[test]
fn a_profile_holds_the_roles_of_its_own_mentions_only_in_order() {
    let text = "Kremlin spokesman Dmitry Peskov spoke. Iraqi Prime Minister Mohammed Al-Sudani \
                listened. Peskov, a spokesman for the Kremlin, left. Finance minister Ali Allawi \
                stayed. Mr Peskov returned.";
    let a = analyze(text, DocKind::Text, &Config::default());
    let ents = &a.entities;
    let peskov = ents.find_word("Peskov").expect("Peskov is a name word");
    let heads: Vec<&str> = profile(ents, peskov).roles.iter().map(|(head, _)| *head).collect();
    // The same answer as reading every role of the draft, in order.
    let mentions = &ents.word(peskov).mentions;
    let expected: Vec<&str> = ents
        .roles
        .iter()
        .filter(|r| mentions.contains(&(r.mention as u32)))
        .map(|r| r.head.as_ref())
        .collect();
    assert_eq!(heads, expected);
    assert_eq!(heads, ["spokesperson", "spokesperson"]);
    let allawi = ents.find_word("Allawi").expect("Allawi is a name word");
    let theirs: Vec<&str> = profile(ents, allawi).roles.iter().map(|(head, _)| *head).collect();
    assert_eq!(theirs, ["finance minister"]);
}
