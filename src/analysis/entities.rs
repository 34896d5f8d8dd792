//! Names in a draft: mentions, the entities they refer to, titles and roles.

use crate::analysis::Context;
use crate::analysis::quotes::Quote;
use crate::config::LexiconConfig;
use crate::text::Span;

#[derive(Debug, Default)]
pub struct EntityLexicon {}

impl EntityLexicon {
    pub fn new(_additions: &LexiconConfig) -> Self {
        EntityLexicon {}
    }
}

/// One mention of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Entities::entities`].
    pub entity: usize,
}

/// A person, organisation or place the draft talks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    /// Indexes into [`Entities::mentions`].
    pub mentions: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// Find the names of a draft; link quotation speakers to the entities they name.
pub fn extract(_ctx: &Context<'_>, _quotes: &mut [Quote]) -> Entities {
    Entities::default()
}
