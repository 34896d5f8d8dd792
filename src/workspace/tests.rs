use super::*;
use crate::analysis::analyze;
use crate::rules::Rule;
use crate::text::DocKind;

fn workspace(drafts: &[(&str, &str)]) -> Workspace {
    let config = Arc::new(Config::default());
    let mut ws = Workspace::new();
    for (key, text) in drafts {
        ws.insert(Arc::from(*key), analyze(text, DocKind::Text, &config), config.clone());
    }
    ws
}

/// The name findings of a draft: (flagged text, replacement, related drafts).
fn names(ws: &Workspace, key: &str, text: &str) -> Vec<(String, String, Vec<String>)> {
    ws.findings(key)
        .into_iter()
        .filter(|f| f.rule == Rule::NameVariant)
        .map(|f| {
            let related = f
                .related
                .iter()
                .map(|r| r.doc.as_deref().unwrap_or(key).to_string())
                .collect();
            (
                f.span.slice(text).to_string(),
                f.fixes[0].edits[0].replacement.clone(),
                related,
            )
        })
        .collect()
}

const SUMMIT: &str = "Iraqi Prime Minister Mohammed Shia Al-Sudani met Kremlin spokesman Dmitry Peskov in \
                      Moscow. Peskov said the talks went well.";
const FOLLOW_UP: &str = "Later, Iraqi PM Mohammad Shia Al-Saudani flew home. Peskov, a spokesman for the \
                         Kremlin, said nothing more.";

#[test]
fn a_variant_across_drafts_is_flagged_in_the_minority_draft() {
    let ws = workspace(&[("a.txt", SUMMIT), ("b.txt", FOLLOW_UP)]);
    assert!(names(&ws, "a.txt", SUMMIT).is_empty());
    assert_eq!(
        names(&ws, "b.txt", FOLLOW_UP),
        vec![
            (
                "Mohammad".to_string(),
                "Mohammed".to_string(),
                vec!["a.txt".to_string()]
            ),
            (
                "Al-Saudani".to_string(),
                "Al-Sudani".to_string(),
                vec!["a.txt".to_string()]
            ),
        ]
    );
    // Each draft alone is clean.
    assert!(names(&workspace(&[("b.txt", FOLLOW_UP)]), "b.txt", FOLLOW_UP).is_empty());
}

#[test]
fn unrelated_stories_do_not_flag_each_other() {
    // Close surnames, nothing shared: no first name, no title, no honorific on both sides.
    let a = "Jones scored twice for the club. Jones was later substituted. Jones smiled.";
    let b = "The minister, Janes, resigned on Monday. Janes had been in office a year.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert!(names(&ws, "a.txt", a).is_empty());
    assert!(names(&ws, "b.txt", b).is_empty());
    // Different first names: two people, however close the surnames.
    let c = "Gordon Brown spoke. Mr Brown left.";
    let d = "Nick Browne spoke. Mr Browne left.";
    let ws = workspace(&[("c.txt", c), ("d.txt", d)]);
    assert!(names(&ws, "d.txt", d).is_empty());
    // A man and a woman.
    let e = "Mr Smith, the chairman, spoke.";
    let f = "Mrs Smyth, the chairwoman, spoke.";
    let ws = workspace(&[("e.txt", e), ("f.txt", f)]);
    assert!(names(&ws, "f.txt", f).is_empty());
}

/// A folder of `drafts` plus enough unrelated ones to make it an archive.
fn archive(drafts: &[(&str, &str)]) -> Workspace {
    let filler: Vec<(String, String)> = (0..super::cross::STORY_FOLDER)
        .map(|i| {
            (
                format!("old-{i}.txt"),
                format!("The parish council met for the {i}th time."),
            )
        })
        .collect();
    let mut all: Vec<(&str, &str)> = filler.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    all.extend_from_slice(drafts);
    workspace(&all)
}

#[test]
fn in_an_archive_two_drafts_that_each_introduce_a_name_need_a_shared_title() {
    // Each story introduces the minister itself: in a folder of one day's copy a shared first
    // name ties them; in an archive of unrelated stories it does not.
    let a = "Ingrid Halvorsen opened the fish market in Tromso. Halvorsen cut the ribbon.";
    let b = "Ingrid Halvorssen gave the prizes at the ski race.";
    let flagged = vec![(
        "Halvorssen".to_string(),
        "Halvorsen".to_string(),
        vec!["a.txt".to_string(), "a.txt".to_string()],
    )];
    assert_eq!(names(&workspace(&[("a.txt", a), ("b.txt", b)]), "b.txt", b), flagged);
    let ws = archive(&[("a.txt", a), ("b.txt", b)]);
    assert!(names(&ws, "a.txt", a).is_empty());
    assert!(names(&ws, "b.txt", b).is_empty());
    // The same office, qualified alike, says one person even there; but with one story for
    // each spelling, nothing says which is right (file order is no evidence in an archive).
    let a = "Norwegian Finance Minister Ingrid Halvorsen opened the market. Halvorsen cut the ribbon.";
    let b = "Norwegian Finance Minister Ingrid Halvorssen gave the prizes at the ski race.";
    let ws = archive(&[("a.txt", a), ("b.txt", b)]);
    assert!(names(&ws, "a.txt", a).is_empty());
    assert!(names(&ws, "b.txt", b).is_empty());
    // Two stories against one settle it.
    let c = "Norwegian Finance Minister Ingrid Halvorsen met the unions on Monday.";
    let ws = archive(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    assert!(names(&ws, "a.txt", a).is_empty());
    let found = names(&ws, "b.txt", b);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("Halvorssen", "Halvorsen"));
    // In a desk's folder the earlier draft's spelling stands.
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert_eq!(names(&ws, "b.txt", b), flagged);
    // A follow-up that never introduces her relies on the story that does.
    let c = "Mrs Halvorssen later left for Oslo.";
    let a = "Ingrid Halvorsen opened the fish market in Tromso. Mrs Halvorsen cut the ribbon.";
    let ws = archive(&[("a.txt", a), ("c.txt", c)]);
    assert_eq!(names(&ws, "c.txt", c).len(), 1);
}

#[test]
fn a_surname_called_by_a_title_in_one_draft_and_an_honorific_in_another() {
    // The follow-up never introduces the senator; both drafts call a person by the surname.
    let a = "Senator Ambrose Kettleworth opposed the bill. Mr Kettleworth voted against it.";
    let b = "A week later Senator Ketleworth changed his mind.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert_eq!(
        names(&ws, "b.txt", b),
        vec![(
            "Ketleworth".to_string(),
            "Kettleworth".to_string(),
            vec!["a.txt".to_string(), "a.txt".to_string()]
        )]
    );
}

#[test]
fn a_surname_only_this_draft_spells_so_against_a_full_name_elsewhere() {
    // The follow-up never gives a first name; both call him "Mr".
    let a = "Federal Reserve chairman Alan Greenspan warned on Tuesday. Mr Greenspan said rates would rise.";
    let b = "Despite the warnings, Mr Greesnpan offered some hope. Markets rose.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert_eq!(
        names(&ws, "b.txt", b),
        vec![(
            "Greesnpan".to_string(),
            "Greenspan".to_string(),
            vec!["a.txt".to_string(), "a.txt".to_string()]
        )]
    );
}

#[test]
fn dependents_and_incremental_updates() {
    let config = Arc::new(Config::default());
    let mut ws = workspace(&[
        ("a.txt", SUMMIT),
        ("b.txt", FOLLOW_UP),
        ("c.txt", "Nothing to see here."),
    ]);
    assert_eq!(ws.dependents("a.txt"), vec![Arc::from("b.txt")]);
    assert_eq!(ws.dependents("b.txt"), vec![Arc::from("a.txt")]);
    assert!(ws.dependents("c.txt").is_empty());
    // The writer fixes the spelling: the cross-draft findings go.
    let fixed = FOLLOW_UP
        .replace("Mohammad", "Mohammed")
        .replace("Al-Saudani", "Al-Sudani");
    ws.insert(
        Arc::from("b.txt"),
        analyze(&fixed, DocKind::Text, &config),
        config.clone(),
    );
    assert!(names(&ws, "b.txt", &fixed).is_empty());
    // Back again, then the first draft goes away: nothing to differ from.
    ws.insert(
        Arc::from("b.txt"),
        analyze(FOLLOW_UP, DocKind::Text, &config),
        config.clone(),
    );
    assert_eq!(names(&ws, "b.txt", FOLLOW_UP).len(), 2);
    ws.remove("a.txt");
    assert!(names(&ws, "b.txt", FOLLOW_UP).is_empty());
    assert_eq!(ws.len(), 2);
}

#[test]
fn the_entity_at_an_offset_and_its_mentions_across_drafts() {
    let ws = workspace(&[("a.txt", SUMMIT), ("b.txt", FOLLOW_UP)]);
    let at = FOLLOW_UP.find("Peskov").unwrap();
    let refs: Vec<(String, &str)> = ws
        .references("b.txt", at)
        .into_iter()
        .map(|l| {
            let text = if &*l.key == "a.txt" { SUMMIT } else { FOLLOW_UP };
            (l.key.to_string(), l.span.slice(text))
        })
        .collect();
    assert_eq!(
        refs,
        vec![
            ("a.txt".to_string(), "Dmitry Peskov"),
            ("a.txt".to_string(), "Peskov"),
            ("b.txt".to_string(), "Peskov")
        ]
    );
    let def = ws.definition("b.txt", at).unwrap();
    assert_eq!((&*def.key, def.span.slice(SUMMIT)), ("a.txt", "Dmitry Peskov"));
    // A rename of "Al-Saudani" changes both spellings, in both drafts.
    let word = ws.word_references("b.txt", FOLLOW_UP.find("Al-Saudani").unwrap());
    let words: Vec<&str> = word
        .iter()
        .map(|l| l.span.slice(if &*l.key == "a.txt" { SUMMIT } else { FOLLOW_UP }))
        .collect();
    assert_eq!(words, vec!["Al-Sudani", "Al-Saudani"]);
    assert!(ws.entity_at("b.txt", FOLLOW_UP.find("flew").unwrap()).is_none());
}

/// A surname too short for the spelling check is in no index: every draft is looked at, and
/// only the drafts that write it (the same person: the same first name) are gathered.
#[test]
fn a_short_surname_outside_the_index_is_found_in_every_draft_that_writes_it() {
    let a = "Minister Ed Rao opened the bridge on Monday. Mr Rao said it was long overdue.\n";
    let b = "The council thanked Ed Rao for the funding. Rao did not attend.\n";
    let c = "Ed Balls spoke to Anna Roe about the budget. Roe said little.\n";
    let ws = workspace(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    assert!(
        ws.index.find("Rao").is_none(),
        "three letters: outside the spelling check"
    );
    let r = ws.entity_at("b.txt", b.find("Rao").unwrap()).unwrap();
    let keys: Vec<String> = ws.same_entity(&r).iter().map(|e| e.key.to_string()).collect();
    assert_eq!(keys, vec!["a.txt", "b.txt"]);
    let refs: Vec<(String, usize)> = ws
        .references("b.txt", b.find("Rao").unwrap())
        .into_iter()
        .map(|l| (l.key.to_string(), l.span.start))
        .collect();
    assert_eq!(refs.len(), 4, "{refs:?}");
}

#[test]
fn cards_gather_titles_spellings_and_mentions() {
    let ws = workspace(&[("a.txt", SUMMIT), ("b.txt", FOLLOW_UP)]);
    let card = ws.card_at("b.txt", FOLLOW_UP.find("Al-Saudani").unwrap()).unwrap();
    assert_eq!(card.name, "Mohammed Shia Al-Sudani");
    assert_eq!(card.kind, "person");
    assert_eq!(card.mentions, 2);
    assert_eq!(card.keys.len(), 2);
    let roles: Vec<&str> = card.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, vec!["Iraqi Prime Minister", "Iraqi PM"]);
    let spellings: Vec<(&str, bool)> = card.spellings.iter().map(|s| (s.text.as_str(), s.canonical)).collect();
    assert_eq!(
        spellings,
        vec![
            ("Mohammad", false),
            ("Mohammed", true),
            ("Al-Saudani", false),
            ("Al-Sudani", true)
        ]
    );
    let md = card.to_markdown();
    assert!(md.starts_with("**Mohammed Shia Al-Sudani** · person"), "{md}");
    assert!(md.contains("*Iraqi PM* (b.txt)"), "{md}");
    assert!(md.contains("Al-Saudani (1 mention, b.txt)"), "{md}");
    assert!(md.contains("2 mentions in 2 drafts · first in a.txt"), "{md}");

    let peskov = ws.card_at("a.txt", SUMMIT.find("Dmitry").unwrap()).unwrap();
    let roles: Vec<&str> = peskov.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, vec!["Kremlin spokesman", "spokesman for the Kremlin"]);
    assert_eq!(peskov.mentions, 3);

    let all = ws.cards();
    let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    assert!(
        names.contains(&"Dmitry Peskov") && names.contains(&"Mohammed Shia Al-Sudani"),
        "{names:?}"
    );
    assert_eq!(names.iter().filter(|n| n.contains("Sudani")).count(), 1);
}

#[test]
fn only_drafts_about_the_same_person_vote_for_a_spelling() {
    // Two drafts name the rugby player Mark Regan; one writes "Ronald Regan" for the
    // president another spells "Ronald Reagan". More drafts write "Regan", but only one of
    // them for the president: the tie goes to the first full mention, "Reagan".
    let a = "He advised President Ronald Reagan for a decade. Reagan trusted him.";
    let b = "Hooker Mark Regan starts on Saturday. Regan has been in form.";
    let c = "Prop Mark Regan is fit again, and Regan will play.";
    let d = "The sanctions were imposed by then president Ronald Regan in 1986.";
    let ws = workspace(&[("1.txt", a), ("2.txt", b), ("3.txt", c), ("4.txt", d)]);
    assert_eq!(
        names(&ws, "4.txt", d),
        vec![(
            "Regan".to_string(),
            "Reagan".to_string(),
            vec!["1.txt".to_string(), "1.txt".to_string()]
        )]
    );
    for (key, text) in [("1.txt", a), ("2.txt", b), ("3.txt", c)] {
        assert!(names(&ws, key, text).is_empty(), "{key}");
    }
}

#[test]
fn similar_first_names_and_similar_surnames_are_two_people_across_drafts() {
    let a = "Welsh great Mervyn Davies watched from the stand. Davies said little.";
    let b = "Investor Marvin Davis sued the group. Davis wants his money back.";
    let c = "Marvin Davis was not at the meeting. Mr Davis said so later.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    assert!(names(&ws, "a.txt", a).is_empty());
}

#[test]
fn a_letter_more_at_the_end_is_another_word_not_a_slip() {
    // A song title in one draft, another song title in the other: "Breathe" is not a slip
    // for the "Breath" of "Lose My Breath".
    let a = "The band entered the chart at four with Breathe, their first hit in years.";
    let b = "Destiny's Child slipped one place with Lose My Breath this week.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert!(names(&ws, "a.txt", a).is_empty());
    assert!(names(&ws, "b.txt", b).is_empty());
}

#[test]
fn a_first_name_with_an_accent_is_a_variant_of_the_plain_one() {
    let a = "Richard Branson launched the show. Branson said it would run and run.";
    let b = "Sir Richárd Branson admitted the show had flopped.";
    let ws = workspace(&[("a.txt", a), ("b.txt", b)]);
    assert_eq!(
        names(&ws, "b.txt", b),
        vec![("Richárd".to_string(), "Richard".to_string(), vec!["a.txt".to_string()])]
    );
}

#[test]
fn replacing_a_draft_hands_back_the_old_one_and_forgets_its_spellings() {
    let config = Arc::new(Config::default());
    let mut ws = workspace(&[("a.txt", SUMMIT)]);
    let follow_up = analyze(FOLLOW_UP, DocKind::Text, &config);
    assert!(ws.insert(Arc::from("b.txt"), follow_up, config.clone()).is_none());
    assert_eq!(names(&ws, "b.txt", FOLLOW_UP).len(), 2, "Mohammad and Al-Saudani");
    // The follow-up is rewritten with the folder's spellings: the old analysis comes back
    // (for the caller to free when it suits), and the old spellings no longer count.
    let fixed = FOLLOW_UP
        .replace("Mohammad", "Mohammed")
        .replace("Al-Saudani", "Al-Sudani");
    let old = ws
        .insert(
            Arc::from("b.txt"),
            analyze(&fixed, DocKind::Text, &config),
            config.clone(),
        )
        .expect("the draft it replaced");
    assert!(old.analysis.entities.find_word("Al-Saudani").is_some());
    assert!(names(&ws, "b.txt", &fixed).is_empty());
    assert!(
        ws.index
            .find("Al-Saudani")
            .is_none_or(|id| ws.index.get(id).postings.is_empty())
    );
    assert_eq!(ws.len(), 2);
}

/// A draft long enough that its words are compared with the folder in several pieces on
/// several threads: the findings are the same, in the same order, as on one thread.
#[test]
fn a_long_drafts_cross_draft_findings_do_not_depend_on_the_number_of_threads() {
    let syllables = ["ka", "lo", "mir", "ten", "vos", "dra", "pel", "ru", "zan", "quo"];
    let mut long = String::new();
    for (i, a) in syllables.iter().enumerate() {
        for b in &syllables {
            for c in &syllables[..4] {
                let surname: String = format!("{a}{b}{c}nov");
                let surname = surname[..1].to_uppercase() + &surname[1..];
                long.push_str(&format!("Councillor Anna {surname} voted on item {i}. "));
            }
        }
        long.push_str("\n\n");
    }
    long.push_str(FOLLOW_UP);
    let ws = workspace(&[("a.txt", SUMMIT), ("long.txt", &long)]);
    assert!(
        ws.slot(ws.id_of("long.txt").unwrap()).spellings.len() > 256,
        "more than one piece"
    );
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| ws.findings("long.txt"))
    };
    let one = on(1);
    assert_eq!(format!("{one:?}"), format!("{:?}", on(4)));
    let flagged: Vec<&str> = one
        .iter()
        .filter(|f| f.rule == Rule::NameVariant && f.related.iter().any(|r| r.doc.is_some()))
        .map(|f| f.span.slice(&long))
        .collect();
    assert_eq!(flagged, ["Mohammad", "Al-Saudani"]);
}

#[test]
fn a_spelling_written_by_several_drafts_is_held_once() {
    let ws = workspace(&[
        (
            "a.txt",
            "Ingrid Halvorsen opened the plant. Halvorsen said it was late.",
        ),
        ("b.txt", "Halvorsen, the chief executive, left on Friday."),
    ]);
    let spelling = |key: &str| {
        let ents = &ws.get(key).unwrap().analysis.entities;
        ents.word(ents.find_word("Halvorsen").unwrap()).spelling.clone()
    };
    assert_eq!(spelling("a.txt"), spelling("b.txt"));
    assert!(spelling("a.txt").shares_storage_with(&spelling("b.txt")));
}

#[test]
fn kept_comparisons_give_the_findings_of_fresh_ones_through_any_edits() {
    // A desk's folder, and one draft edited again and again: sentences swapped in and out
    // (names gained, lost and respelt), the same names given or stripped of titles,
    // honorifics and first names, letters typed into ordinary words, and now and then
    // another draft changed. Each group of sentences names the same people.
    let groups: [&[&str]; 6] = [
        &[
            "Later, Iraqi PM Mohammad Shia Al-Saudani flew home.",
            "Later, Mohammad Shia Al-Saudani flew home.",
            "Later, Mr Al-Saudani flew home.",
            "Later, Al-Saudani flew home.",
            "Later, Iraqi Prime Minister Al-Saudani flew home.",
            "Later, Mrs Al-Saudani flew home.",
        ],
        &[
            "Mohammed Al-Sudani left early.",
            "Al-Sudani left early.",
            "Dr Al-Sudani left early.",
        ],
        &[
            "Despite the warnings, Mr Greesnpan offered some hope.",
            "Despite the warnings, Greesnpan offered some hope.",
            "Despite the warnings, Alan Greesnpan offered some hope.",
            "Despite the warnings, Senator Greesnpan offered some hope.",
        ],
        &[
            "A week later Senator Ketleworth changed his mind.",
            "A week later Ketleworth changed her mind.",
            "A week later Ambrose Ketleworth changed his mind.",
            "A week later Mr Ketleworth changed his mind.",
        ],
        &[
            "Peskov, a spokesman for the Kremlin, said nothing more.",
            "Dmitry Peskow declined to comment.",
            "Mr Peskow declined to comment.",
        ],
        &["Markets rose on the news.", "The talks went well, officials said."],
    ];
    let others = [
        (
            "a.txt",
            vec![
                SUMMIT,
                "Iraqi PM Mohammad Shia Al-Saudani met Kremlin spokesman Dmitry Peskov.",
            ],
        ),
        (
            "k.txt",
            vec![
                "Federal Reserve chairman Alan Greenspan warned on Tuesday. Mr Greenspan said rates would rise.",
                "Senator Ambrose Kettleworth opposed the bill. Mr Kettleworth voted against it.",
            ],
        ),
    ];
    let config = Arc::new(Config::default());
    let mut ws = workspace(&[("a.txt", SUMMIT), ("k.txt", others[1].1[0])]);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    // Each sentence of the draft: its group, which of the group, and letters typed into it.
    let mut sentences: Vec<(usize, usize, String)> = vec![(0, 0, String::new()), (2, 0, String::new())];
    let (mut reused, mut seen) = (0, std::collections::HashSet::new());
    for step in 0..600 {
        match next(8) {
            0 => {
                let (key, texts) = &others[next(others.len())];
                let text = texts[next(texts.len())];
                ws.insert(Arc::from(*key), analyze(text, DocKind::Text, &config), config.clone());
            }
            1 => {
                let at = next(sentences.len());
                let g = next(groups.len());
                sentences[at] = (g, next(groups[g].len()), String::new());
            }
            2 | 3 => {
                let at = next(sentences.len());
                let g = sentences[at].0;
                sentences[at].1 = next(groups[g].len());
            }
            4 if sentences.len() < 6 => {
                let g = next(groups.len());
                sentences.push((g, next(groups[g].len()), String::new()));
            }
            5 if sentences.len() > 1 => {
                let at = next(sentences.len());
                sentences.remove(at);
            }
            _ => {
                // A word typed at the end of a sentence, or taken away.
                let at = next(sentences.len());
                let typed = &mut sentences[at].2;
                if typed.is_empty() {
                    typed.push_str(" xo")
                } else {
                    typed.clear()
                }
            }
        }
        let text: Vec<String> = sentences
            .iter()
            .map(|(g, v, typed)| format!("{}{typed}", groups[*g][*v]))
            .collect();
        let text = text.join(" ");
        ws.insert(
            Arc::from("b.txt"),
            analyze(&text, DocKind::Text, &config),
            config.clone(),
        );
        let kept = ws.findings_kept("b.txt");
        assert_eq!(kept, ws.findings("b.txt"), "step {step}: {text}");
        reused += ws.answers_reused("b.txt");
        seen.insert(names(&ws, "b.txt", &text));
    }
    assert!(reused > 100, "kept comparisons are reused ({reused})");
    assert!(seen.len() > 10, "the edits change the findings ({} sets)", seen.len());
}
