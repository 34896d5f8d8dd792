//! Which mentions name the same entity, and what kind of entity it is.
//!
//! Mentions are read in order. A full name ("Dmitry Peskov") joins an earlier entity with
//! the same surname and the same first name, or one that so far had no first name; otherwise
//! it starts a new entity, so "Gordon Brown" and "Nick Brown" stay two people. A single word
//! ("Peskov", "Mr Abbas") joins the latest entity with that surname (of a compatible gender),
//! else the only entity with that first name ("Sonia" after "Sonia O'Sullivan"), else the
//! entity whose surname it is without its article ("Sudani" after "Al-Sudani"). Spelling
//! variants found by the name check count as their canonical spelling here, so "Mr Blaer"
//! joins "Tony Blair".

use crate::analysis::names::fasthash::FastMap as HashMap;

use super::{Entities, Entity, EntityLexicon, Gender, Kind, PartKind, WordId};
use crate::analysis::Context;

/// No entity (the end of a chain).
const NONE: u32 = u32::MAX;

/// Build the entities from the mentions.
///
/// Entities are looked up by word id in flat tables, not in maps of lists: a draft has a
/// few hundred mentions and the lookups must not cost an allocation each.
pub(super) fn resolve(ents: &mut Entities) {
    let n_words = ents.words.len();
    let mut canonical: Vec<WordId> = (0..n_words as WordId).collect();
    for v in &ents.variants {
        if let Some(c) = v.canonical_word() {
            canonical[v.word as usize] = c;
        }
    }
    let canon = |w: WordId| canonical[w as usize];
    // The entities with a surname, newest first: `surname_head[word]`, then `next_same[e]`.
    let mut surname_head: Vec<u32> = vec![NONE; n_words];
    let mut next_same: Vec<u32> = Vec::new();
    // The entity introduced with a first name, and whether more than one was.
    let mut given_of: Vec<(u32, bool)> = vec![(NONE, false); n_words];
    // The newest entity whose surname has a core (the surname without its article).
    let mut by_core: HashMap<&str, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut assigned: Vec<usize> = vec![usize::MAX; ents.mentions.len()];
    let mut given: Vec<WordId> = Vec::new();
    for (m, slot) in assigned.iter_mut().enumerate() {
        let gender = ents.mentions[m].gender;
        given.clear();
        let mut surname = None;
        for p in ents.parts_of(m) {
            match p.kind {
                PartKind::Given => given.push(canon(p.word)),
                PartKind::Surname | PartKind::Alone => surname = Some(canon(p.word)),
                _ => {}
            }
        }
        let Some(surname) = surname else {
            continue;
        };
        let (heads, nexts) = (&surname_head, &next_same);
        let same_surname = || {
            let mut at = heads[surname as usize];
            std::iter::from_fn(move || {
                (at != NONE).then(|| {
                    let e = at as usize;
                    at = nexts[e];
                    e
                })
            })
        };
        let found = if given.is_empty() {
            // The most recently mentioned of the entities with this surname.
            let latest = same_surname()
                .filter(|&e| entities[e].gender.compatible(gender))
                .max_by_key(|&e| entities[e].mentions.last().copied());
            latest
                .or_else(|| {
                    // A first name alone refers to the only person introduced with it.
                    let (e, many) = given_of[surname as usize];
                    (e != NONE && !many).then_some(e as usize)
                })
                .or_else(|| by_core.get(ents.word(surname).spelling.core()).copied())
                .filter(|&e| entities[e].gender.compatible(gender))
        } else {
            same_surname().find(|&e| {
                let ent = &entities[e];
                ent.gender.compatible(gender) && (ent.given.is_empty() || ent.given[0] == given[0])
            })
        };
        let e = match found {
            Some(e) => e,
            None => {
                let e = entities.len();
                entities.push(Entity {
                    surname: Some(surname),
                    ..Entity::default()
                });
                next_same.push(surname_head[surname as usize]);
                surname_head[surname as usize] = e as u32;
                by_core.insert(ents.word(surname).spelling.core(), e);
                e
            }
        };
        let ent = &mut entities[e];
        if ent.given.is_empty() && !given.is_empty() {
            ent.given = given.clone();
            let slot = &mut given_of[given[0] as usize];
            if slot.0 == NONE {
                slot.0 = e as u32;
            } else if slot.0 != e as u32 {
                slot.1 = true;
            }
        }
        if ent.gender == Gender::Unknown {
            ent.gender = gender;
        }
        ent.mentions.push(m);
        *slot = e;
    }
    for (mention, e) in ents.mentions.iter_mut().zip(assigned) {
        mention.entity = e;
    }
    ents.entities = entities;
}

/// Names, kinds, roles and the variants each entity is written with.
pub(super) fn finish(ctx: &Context<'_>, lex: &EntityLexicon, ents: &mut Entities) {
    for (i, r) in ents.roles.iter().enumerate() {
        let e = ents.mentions[r.mention].entity;
        if let Some(ent) = ents.entities.get_mut(e) {
            ent.roles.push(i);
        }
    }
    let mut with_variant: Vec<(usize, WordId)> = Vec::new();
    for v in &ents.variants {
        for &m in &ents.word(v.word).mentions {
            with_variant.push((ents.mentions[m as usize].entity, v.word));
        }
    }
    for (e, word) in with_variant {
        if let Some(ent) = ents.entities.get_mut(e)
            && !ent.variants.contains(&word)
        {
            ent.variants.push(word);
        }
    }
    let canonical: HashMap<WordId, &str> = ents
        .variants
        .iter()
        .filter_map(|v| Some((v.word, v.canonical_text(ents)?)))
        .collect();
    let mut names = Vec::with_capacity(ents.entities.len());
    for ent in &ents.entities {
        names.push(name_of(ents, ent, &canonical));
    }
    // Whether each word is an organisation word, looked up once per word rather than once
    // per mention: an entity named hundreds of times asks about the same words each time.
    let mut org_words: Vec<Option<bool>> = vec![None; ents.words.len()];
    let kinds: Vec<Kind> = ents
        .entities
        .iter()
        .map(|e| kind_of(ctx, lex, ents, e, &mut org_words))
        .collect();
    for ((ent, name), kind) in ents.entities.iter_mut().zip(names).zip(kinds) {
        ent.name = name;
        ent.kind = kind;
    }
    for (i, reg) in ctx.config.registry.iter().enumerate() {
        for ent in ents.entities.iter_mut() {
            if ent.registry.is_none() && registry_matches(&reg.name, &reg.aliases, &ent.name) {
                ent.registry = Some(i);
                ent.kind = reg.kind.into();
            }
        }
    }
}

/// The fullest mention's words, each in its canonical spelling.
fn name_of(ents: &Entities, ent: &Entity, canonical: &HashMap<WordId, &str>) -> String {
    let best = ent
        .mentions
        .iter()
        .copied()
        .max_by_key(|&m| (ents.name_words(m).count(), std::cmp::Reverse(m)))
        .unwrap_or(0);
    let mut name = String::new();
    for p in ents.parts_of(best) {
        if !name.is_empty() {
            name.push(' ');
        }
        match canonical.get(&p.word) {
            Some(c) => name.push_str(c),
            None => name.push_str(&ents.word(p.word).text),
        }
    }
    name
}

/// A registry entity matches a draft's entity named by its full name, an alias, or the
/// full name's last word (its surname).
fn registry_matches(name: &str, aliases: &[String], found: &str) -> bool {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    same(name, found)
        || aliases.iter().any(|a| same(a, found))
        || name.rsplit(' ').next().is_some_and(|last| same(last, found))
}

/// What the draft says the entity is. `org_words`: by word id, whether the word as
/// written is an organisation word, once known.
fn kind_of(
    ctx: &Context<'_>,
    lex: &EntityLexicon,
    ents: &Entities,
    ent: &Entity,
    org_words: &mut [Option<bool>],
) -> Kind {
    let text = ctx.text;
    let mut multiword = false;
    let mut alone = false;
    for &m in &ent.mentions {
        let mention = &ents.mentions[m];
        if mention.honorific.is_some() {
            return Kind::Person;
        }
        let words = ents.name_words(m).count();
        multiword |= words > 1;
        alone |= words == 1;
        for p in ents.parts_of(m) {
            let w = p.span.slice(text);
            // A part written otherwise than its word (an article's capital) is looked up
            // as written.
            let org = if *ents.word(p.word).text == *w {
                *org_words[p.word as usize].get_or_insert_with(|| lex.org_words.contains(w))
            } else {
                lex.org_words.contains(w)
            };
            if org {
                return Kind::Organization;
            }
        }
    }
    // Titles and roles are held by people.
    if !ent.roles.is_empty() {
        return Kind::Person;
    }
    let Some(first) = ent.mentions.first() else {
        return Kind::Other;
    };
    let name = ents.mentions[*first].span.slice(text);
    if lex.places.contains(name) {
        return Kind::Place;
    }
    let all_caps = name.chars().all(|c| !c.is_lowercase());
    if all_caps {
        return Kind::Organization;
    }
    // People are introduced by full name and then called by surname; places and
    // organisations are not shortened to their last word.
    if multiword && alone && ent.given.len() <= 3 {
        return Kind::Person;
    }
    Kind::Other
}
