//! The scans of a draft that read one paragraph at a time and nothing beyond it: the
//! phrases of the claim lists, the cue words of quotation attribution, the titles before
//! names and the runs of capitalised words that may be names. With the segmentation they
//! are about two fifths of the work of an analysis, and the part that an edit needs to
//! redo only for the paragraphs it touched
//! (see [`super::Memo`]). The steps that read them decide with the whole draft in view.

use super::claims::{self, Matches};
use super::entities::NameRuns;
use super::lexicon::{Lexicon, PhraseMatch};
use crate::text::Span;
use crate::text::segment::Segments;

/// What the paragraph-local scans found, with offsets into the text they read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalScans {
    /// Every phrase of the claim lists.
    pub phrases: Matches,
    /// Every cue word of the quotation lexicon, quoted or not (the attribution keeps those
    /// between quotations).
    pub cue_words: Vec<PhraseMatch>,
    /// Every title or role, as [`super::entities::EntityLexicon::find_roles`] finds them.
    pub roles: Vec<PhraseMatch>,
    /// The runs of capitalised words that may be names.
    pub names: NameRuns,
}

impl LocalScans {
    /// Scan one paragraph, `text`, whose segments (offsets from its start) are `segments`.
    pub fn of_paragraph(text: &str, segments: &Segments, lexicon: &Lexicon) -> Self {
        let roles = lexicon.entities.find_roles(text, &segments.tokens);
        LocalScans {
            names: NameRuns::find(text, segments, &lexicon.entities, &roles),
            roles,
            phrases: claims::scan_phrases(&lexicon.claims, text),
            cue_words: lexicon
                .quotes
                .cue_words
                .find_in(text, Span::new(0, text.len()))
                .collect(),
        }
    }

    /// Release spare capacity, for scans kept for long (the editor's memo keeps every
    /// paragraph's).
    pub fn shrink_to_fit(&mut self) {
        self.phrases.shrink_to_fit();
        self.cue_words.shrink_to_fit();
        self.roles.shrink_to_fit();
        self.names.shrink_to_fit();
    }

    /// The scans of consecutive pieces of a text put together: each piece's scans (made in
    /// it alone) with the offset it starts at.
    pub fn concat<'a>(parts: impl Iterator<Item = (&'a LocalScans, usize)> + Clone) -> LocalScans {
        let mut all = LocalScans::default();
        all.phrases.reserve_for(parts.clone().map(|(p, _)| &p.phrases));
        all.cue_words
            .reserve_exact(parts.clone().map(|(p, _)| p.cue_words.len()).sum());
        all.roles.reserve_exact(parts.clone().map(|(p, _)| p.roles.len()).sum());
        all.names.reserve_for(parts.clone().map(|(p, _)| &p.names));
        for (part, shift) in parts {
            all.append(part, shift);
        }
        all
    }

    /// Put the scans of the text that follows (`part`, scanned alone) after these, their
    /// offsets moved on by `shift`.
    fn append(&mut self, part: &LocalScans, shift: usize) {
        self.phrases.append(&part.phrases, shift);
        self.cue_words.extend(part.cue_words.iter().map(|m| m.shifted(shift)));
        self.roles.extend(part.roles.iter().map(|m| m.shifted(shift)));
        self.names.append(&part.names, shift);
    }
}
