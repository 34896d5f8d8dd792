//! Giving back the spare capacity of a finished analysis.
//!
//! An analysis grows its vectors as it goes, and a vector that grew by doubling holds up
//! to twice what it needs. That is nothing for the one draft being edited, but the language
//! server keeps the analysis of every draft of the workspace: for the 1,365 BBC articles the
//! spare room was a quarter of the names' memory (about 5 MiB).

use super::Analysis;
use super::entities::Entities;

impl Analysis {
    /// Release spare capacity, for an analysis kept for long (a workspace's drafts).
    pub fn shrink_to_fit(&mut self) {
        self.segments.paragraphs.shrink_to_fit();
        self.segments.sentences.shrink_to_fit();
        self.segments.tokens.shrink_to_fit();
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
