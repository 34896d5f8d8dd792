//! Entity cards: what the folder says about one person, organisation or place. The
//! language server shows one on hover ([`EntityCard::to_markdown`]); `copydesk entities`
//! prints all of them.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::sync::Arc;

use super::Workspace;
use super::lookup::{EntityRef, Location, canonical_word, entity_key};
use crate::analysis::entities::{Kind, PartKind};
use crate::text::Span;

/// A title or role the drafts give the entity, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSeen {
    pub text: String,
    pub key: Arc<str>,
    pub span: Span,
}

/// One spelling of a word of the entity's name, how often and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingSeen {
    pub text: String,
    /// The spelling the others should be.
    pub canonical: bool,
    pub mentions: usize,
    pub keys: Vec<Arc<str>>,
}

/// A quotation attributed to the entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSeen {
    pub text: String,
    pub key: Arc<str>,
    pub span: Span,
}

/// Everything the folder says about one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCard {
    /// The canonical spelling of the fullest name.
    pub name: String,
    pub kind: &'static str,
    pub roles: Vec<RoleSeen>,
    /// The spellings of the name's words: the surname's always, other words' when the
    /// drafts spell them more than one way.
    pub spellings: Vec<SpellingSeen>,
    pub mentions: usize,
    pub keys: Vec<Arc<str>>,
    /// The first full mention (or the first mention).
    pub first: Option<Location>,
    pub quotes: Vec<QuoteSeen>,
    /// From the entity registry, when the entity is a known one.
    pub registry_title: Option<String>,
    pub registry_note: Option<String>,
    /// The entities of each draft the card gathers.
    pub members: Vec<EntityRef>,
}

/// For each name word (its slot, 0 for first names, and canonical spelling): each written
/// spelling, how many mentions use it and in which drafts.
type SpellingTally = BTreeMap<(u8, String), BTreeMap<String, (usize, Vec<Arc<str>>)>>;

impl Workspace {
    /// The card of the entity at `offset` in a draft.
    pub fn card_at(&self, key: &str, offset: usize) -> Option<EntityCard> {
        let r = self.entity_at(key, offset)?;
        Some(self.card(&self.same_entity(&r)))
    }

    /// The cards of every entity in the folder, most mentioned first.
    pub fn cards(&self) -> Vec<EntityCard> {
        // Group by canonical surname and first name; entities without a first name join the
        // only first name the folder gives their surname.
        let mut groups: BTreeMap<(String, Option<String>), Vec<EntityRef>> = BTreeMap::new();
        let mut loose: Vec<(EntityRef, String)> = Vec::new();
        for id in self.ids() {
            let slot = self.slot(id);
            for (i, ent) in slot.draft.analysis.entities.entities.iter().enumerate() {
                let r = EntityRef {
                    key: slot.key.clone(),
                    entity: i,
                };
                match entity_key(self, id, ent) {
                    Some((s, None)) => loose.push((r, s)),
                    Some(k) => groups.entry(k).or_default().push(r),
                    None => {}
                }
            }
        }
        let mut firsts: HashMap<&str, Vec<&Option<String>>> = HashMap::new();
        for (s, g) in groups.keys() {
            firsts.entry(s.as_str()).or_default().push(g);
        }
        let mut joins: Vec<((String, Option<String>), EntityRef)> = Vec::new();
        for (r, s) in loose {
            let target = match firsts.get(s.as_str()) {
                Some(gs) if gs.len() == 1 => (s, gs[0].clone()),
                _ => (s, None),
            };
            joins.push((target, r));
        }
        for (k, r) in joins {
            groups.entry(k).or_default().push(r);
        }
        let mut cards: Vec<EntityCard> = groups
            .into_values()
            .map(|mut g| {
                g.sort();
                self.card(&g)
            })
            .collect();
        cards.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
        cards
    }

    /// The card of a group of entities (one per draft, as [`Workspace::same_entity`] gives).
    pub fn card(&self, members: &[EntityRef]) -> EntityCard {
        let mut card = EntityCard {
            name: String::new(),
            kind: Kind::Other.as_str(),
            roles: Vec::new(),
            spellings: Vec::new(),
            mentions: 0,
            keys: Vec::new(),
            first: None,
            quotes: Vec::new(),
            registry_title: None,
            registry_note: None,
            members: members.to_vec(),
        };
        let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
        let mut best_name: Option<(usize, String)> = None;
        let mut first_full: Option<Location> = None;
        let mut first_any: Option<Location> = None;
        // canonical word → written spelling → (mentions, drafts).
        let mut spellings: SpellingTally = BTreeMap::new();
        for r in members {
            let Some(d) = self.id_of(&r.key) else {
                continue;
            };
            let slot = self.slot(d);
            let ents = &slot.draft.analysis.entities;
            let Some(ent) = ents.entities.get(r.entity) else {
                continue;
            };
            if !card.keys.contains(&r.key) {
                card.keys.push(r.key.clone());
            }
            card.mentions += ent.mentions.len();
            if ent.kind != Kind::Other {
                *kinds.entry(ent.kind).or_default() += 1;
            }
            for &m in &ent.mentions {
                let words = ents.name_words(m).count();
                let loc = Location {
                    key: r.key.clone(),
                    span: ents.mentions[m].span,
                };
                if words > 1 && first_full.as_ref().is_none_or(|f| loc < *f) {
                    first_full = Some(loc.clone());
                }
                if first_any.as_ref().is_none_or(|f| loc < *f) {
                    first_any = Some(loc);
                }
                for p in ents.parts_of(m) {
                    let slot_order = match p.kind {
                        PartKind::Given => 0,
                        PartKind::Surname | PartKind::Alone => 1,
                        _ => continue,
                    };
                    let canon = canonical_word(self, d, p.word);
                    let seen = spellings
                        .entry((slot_order, canon))
                        .or_default()
                        .entry(ents.word(p.word).text.to_string())
                        .or_default();
                    seen.0 += 1;
                    if !seen.1.contains(&r.key) {
                        seen.1.push(r.key.clone());
                    }
                }
            }
            // The fullest name, its words in their canonical spellings.
            if let Some(m) = ent.mentions.iter().copied().max_by_key(|&m| ents.name_words(m).count()) {
                let words = ents.name_words(m).count();
                if best_name.as_ref().is_none_or(|(n, _)| words > *n) {
                    let name: Vec<String> = ents
                        .parts_of(m)
                        .iter()
                        .map(|p| match p.kind {
                            PartKind::Given | PartKind::Surname | PartKind::Alone => {
                                let canon = canonical_word(self, d, p.word);
                                display_spelling(self, &canon).unwrap_or_else(|| ents.word(p.word).text.to_string())
                            }
                            _ => ents.word(p.word).text.to_string(),
                        })
                        .collect();
                    best_name = Some((words, name.join(" ")));
                }
            }
            for &ri in &ent.roles {
                let role = &ents.roles[ri];
                if !card.roles.iter().any(|x| x.text == *role.text) {
                    card.roles.push(RoleSeen {
                        text: role.text.to_string(),
                        key: r.key.clone(),
                        span: role.span,
                    });
                }
            }
            for q in ents.quotes.iter().filter(|q| q.entity == r.entity) {
                card.quotes.push(QuoteSeen {
                    text: q.text.to_string(),
                    key: r.key.clone(),
                    span: q.span,
                });
            }
            if card.registry_note.is_none()
                && let Some(reg) = ent.registry.and_then(|i| slot.draft.config.registry.get(i))
            {
                card.registry_title = reg.title.clone();
                card.registry_note = reg.note.clone();
                card.name = reg.name.clone();
            }
        }
        if card.name.is_empty() {
            card.name = best_name.map(|b| b.1).unwrap_or_default();
        }
        card.kind = kinds
            .into_iter()
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
            .map_or(Kind::Other, |(k, _)| k)
            .as_str();
        card.first = first_full.or(first_any);
        for ((slot_order, canon), written) in spellings {
            if slot_order == 0 && written.len() < 2 {
                continue;
            }
            let canonical_text = display_spelling(self, &canon).unwrap_or(canon.clone());
            for (text, (mentions, keys)) in written {
                card.spellings.push(SpellingSeen {
                    canonical: text == canonical_text || crate::analysis::names::spelling::identity(&text) == canon,
                    text,
                    mentions,
                    keys,
                });
            }
        }
        card
    }
}

/// How the folder writes a canonical spelling (its first written form).
fn display_spelling(ws: &Workspace, canon: &str) -> Option<String> {
    ws.index.find(canon).map(|id| ws.index.get(id).text.to_string())
}

impl EntityCard {
    /// The card as Markdown, for a hover.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "**{}** · {}", self.name, self.kind);
        if let Some(t) = &self.registry_title {
            let _ = write!(out, " · {t}");
        }
        out.push('\n');
        if !self.roles.is_empty() {
            out.push('\n');
            let roles: Vec<String> = self
                .roles
                .iter()
                .map(|r| format!("*{}* ({})", r.text, file_name(&r.key)))
                .collect();
            let _ = writeln!(out, "{}", roles.join(" · "));
        }
        let variants: Vec<&SpellingSeen> = self.spellings.iter().collect();
        if variants.len() > 1 || variants.iter().any(|s| !s.canonical) {
            out.push('\n');
            let shown: Vec<String> = variants
                .iter()
                .map(|s| {
                    let files: Vec<&str> = s.keys.iter().map(|k| file_name(k)).collect();
                    let mark = if s.canonical {
                        format!("**{}**", s.text)
                    } else {
                        s.text.clone()
                    };
                    format!(
                        "{mark} ({}, {})",
                        count(s.mentions, "mention", "mentions"),
                        files.join(", ")
                    )
                })
                .collect();
            let _ = writeln!(out, "Spellings: {}", shown.join(" · "));
        }
        out.push('\n');
        let _ = write!(
            out,
            "{} in {}",
            count(self.mentions, "mention", "mentions"),
            count(self.keys.len(), "draft", "drafts")
        );
        if let Some(f) = &self.first {
            let _ = write!(out, " · first in {}", file_name(&f.key));
        }
        out.push('\n');
        if !self.quotes.is_empty() {
            out.push('\n');
            for q in self.quotes.iter().take(5) {
                let _ = writeln!(out, "> {} ({})", q.text.replace('\n', " "), file_name(&q.key));
            }
            if self.quotes.len() > 5 {
                let _ = writeln!(out, "\n…and {} more quotes", self.quotes.len() - 5);
            }
        }
        if let Some(n) = &self.registry_note {
            let _ = writeln!(out, "\n{n}");
        }
        out
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The last path segment of a key (a path or a URI).
pub fn file_name(key: &str) -> &str {
    key.rsplit(['/', '\\']).next().unwrap_or(key)
}
