//! Spelling variants of one name: `name/variant`.

use crate::analysis::Context;
use crate::analysis::entities::Entities;
use crate::finding::Finding;

/// Flag spellings of a name that differ from its canonical spelling within one draft.
pub fn check_document(_ctx: &Context<'_>, _entities: &Entities, _findings: &mut Vec<Finding>) {}
