//! What callers keep of a finished analysis: no segments, and no spare capacity.
//!
//! An analysis grows its vectors as it goes, and a vector that grew by doubling holds up
//! to twice what it needs. That is nothing for the one draft being edited, but the language
//! server keeps the analysis of every draft of the workspace: for the 1,365 BBC articles the
//! spare room was a quarter of the names' memory (about 5 MiB).

use super::Analysis;
use super::entities::Entities;

impl Analysis {
    /// What a caller keeps of a finished analysis: everything but its segments (paragraphs,
    /// sentences, tokens). Only the analysis itself reads them; the report, the workspace
    /// and the editor's lookups read entities, quotations and findings. The tokens are the
    /// largest part of an analysis (a third over the news folder).
    pub fn without_segments(mut self) -> Analysis {
        self.segments = Default::default();
        self
    }

    /// Release spare capacity, for an analysis kept for long (a workspace's drafts).
    pub fn shrink_to_fit(&mut self) {
        self.segments.shrink_to_fit();
        self.quote_spans.shrink_to_fit();
        self.quotes.shrink_to_fit();
        for q in &mut self.quotes {
            q.spans.shrink_to_fit();
        }
        self.findings.shrink_to_fit();
        shrink_entities(&mut self.entities);
    }
}

fn shrink_entities(e: &mut Entities) {
    e.words.shrink_to_fit();
    for w in &mut e.words {
        w.mentions.shrink_to_fit();
        w.candidates.shrink_to_fit();
    }
    e.parts.shrink_to_fit();
    e.mentions.shrink_to_fit();
    e.candidates.shrink_to_fit();
    e.roles.shrink_to_fit();
    for r in &mut e.roles {
        r.qualifiers.shrink_to_fit();
    }
    e.entities.shrink_to_fit();
    for x in &mut e.entities {
        x.name.shrink_to_fit();
        x.mentions.shrink_to_fit();
        x.roles.shrink_to_fit();
        x.given.shrink_to_fit();
        x.variants.shrink_to_fit();
    }
    e.variants.shrink_to_fit();
    e.quotes.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::text::DocKind;

    #[test]
    fn without_segments_keeps_everything_the_callers_read() {
        let text = "“We are ready,” Peskov said. Mr Al-Saudani reportedly left.\n\nAl-Sudani agreed.\n";
        let a = crate::analyze(text, DocKind::Text, &Config::default());
        let b = a.clone().without_segments();
        assert!(b.segments.tokens.is_empty() && b.segments.sentences.is_empty() && b.segments.paragraphs.is_empty());
        assert!(!a.segments.tokens.is_empty());
        assert_eq!(format!("{:?}", a.entities), format!("{:?}", b.entities));
        assert_eq!(format!("{:?}", a.quotes), format!("{:?}", b.quotes));
        assert_eq!(a.findings, b.findings);
        assert!(!b.findings.is_empty() && !b.quotes.is_empty());
    }

    #[test]
    fn shrinking_keeps_every_result_and_frees_the_spare_room() {
        let text = "Kremlin spokesman Dmitry Peskov said on Monday that talks went well. \
                    “We are ready,” Peskov said. Iraqi Prime Minister Mohammed Shia Al-Sudani \
                    agreed. Mr Al-Saudani left. The report reportedly said 40% agreed.\n\n"
            .repeat(20);
        let a = crate::analyze(&text, DocKind::Text, &Config::default());
        let mut b = a.clone();
        b.shrink_to_fit();
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "nothing but capacity changes");
        assert_eq!(b.entities.mentions.capacity(), b.entities.mentions.len());
        assert!(
            b.entities
                .words
                .iter()
                .all(|w| w.mentions.capacity() == w.mentions.len())
        );
        assert_eq!(b.segments.tokens.capacity(), b.segments.tokens.len());
    }
}
