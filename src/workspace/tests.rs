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

/// `NEWS=folder cargo test --release --lib timing -- --ignored --nocapture`: where the time
/// of a folder check goes, one thread.
#[test]
#[ignore]
fn timing() {
    let dir = std::env::var("NEWS").unwrap();
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let config = Arc::new(Config::default());
    let t = std::time::Instant::now();
    let analyses: Vec<_> = files.iter().map(|(_, t)| analyze(t, DocKind::Text, &config)).collect();
    let t_an = t.elapsed();
    let t = std::time::Instant::now();
    let mut ws = Workspace::new();
    for ((k, _), a) in files.iter().zip(analyses) {
        ws.insert(Arc::from(k.as_str()), a, config.clone());
    }
    let t_ins = t.elapsed();
    let t = std::time::Instant::now();
    let n: usize = files.iter().map(|(k, _)| ws.findings(k).len()).sum();
    let t_find = t.elapsed();
    eprintln!(
        "{} files: analyse {t_an:?}, insert {t_ins:?}, findings {t_find:?} ({n})",
        files.len()
    );
}
