//! The drafts open in the editor: the server's copy of each buffer (edited in arrival
//! order), and the last analysed snapshot of it. Also where a request finds the text of any
//! draft, open or only indexed from disk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp::ls_types as lsp;

use crate::analysis::Memo;
use crate::text::document::Document;
use crate::text::position::{Encoding, LineIndex};
use crate::text::{DocKind, Span};

use super::convert::{self, Lines};
use super::state::{State, lock};

/// How long a request waits for the analysis of the current version before giving up.
/// Long enough for a 10 MB draft on a slow machine; the wait ends as soon as it is ready.
const FRESH_WAIT: Duration = Duration::from_secs(20);

/// A text exactly as it was analysed, with its line index.
#[derive(Debug)]
pub struct Snapshot {
    /// The editor's version for an open draft; `None` for a draft read from disk.
    pub version: Option<i32>,
    pub text: Arc<str>,
    pub index: LineIndex,
}

impl Snapshot {
    pub fn new(version: Option<i32>, text: Arc<str>) -> Self {
        let index = LineIndex::new(&text);
        Snapshot { version, text, index }
    }

    pub fn lines(&self, enc: Encoding) -> Lines<'_> {
        Lines {
            text: &self.text,
            index: &self.index,
            enc,
        }
    }

    /// The text under `span`, or "" when the span does not fit this text (a draft changed
    /// on disk since it was indexed): never a panic.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// A draft's URI and text, as found for a request about it.
pub type Source = (lsp::Uri, Arc<Snapshot>);

#[derive(Debug)]
pub struct OpenDoc {
    /// The URI as the editor spelled it (used in everything sent back about this draft).
    pub uri: lsp::Uri,
    pub doc: Document,
    /// Distinguishes one opening of a URI from the next, so a worker started for a closed
    /// buffer never touches a reopened one.
    pub session: u64,
    /// The last analysed version.
    pub snapshot: Option<Arc<Snapshot>>,
    /// An analysis worker is running for this draft.
    pub worker: bool,
    /// This version will not be analysed (its analysis panicked, or the draft is larger
    /// than `max_file_bytes`): requests stop waiting for it.
    pub failed_version: Option<i32>,
    /// The writer was told the draft is too large to check (once per opening).
    pub too_large_reported: bool,
    /// Bumped when the configuration changes, so results analysed under the old one are
    /// not current even for the same version.
    pub generation: u64,
    /// The generation the snapshot was analysed in.
    pub snapshot_generation: u64,
    /// The paragraphs of the last analysis, so that the next one scans only those an edit
    /// touched. Held by the worker while it analyses.
    pub memo: Arc<Mutex<Memo>>,
}

impl OpenDoc {
    /// The snapshot, if it is of the current version.
    pub fn fresh(&self) -> Option<Arc<Snapshot>> {
        self.snapshot
            .as_ref()
            .filter(|s| self.snapshot_generation == self.generation && s.version == Some(self.doc.version))
            .cloned()
    }

    /// Requests need not wait any longer: the current version is analysed or failed.
    fn settled(&self) -> bool {
        self.fresh().is_some() || self.failed_version == Some(self.doc.version)
    }
}

#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Arc<str>, OpenDoc>,
    sessions: u64,
}

impl Documents {
    /// Open (or reopen) a draft; returns its session number.
    pub fn open(&mut self, key: Arc<str>, uri: lsp::Uri, text: &str, version: i32, kind: DocKind) -> u64 {
        self.sessions += 1;
        self.open.insert(
            key,
            OpenDoc {
                uri,
                doc: Document::new(text, version, kind),
                session: self.sessions,
                snapshot: None,
                worker: false,
                failed_version: None,
                too_large_reported: false,
                generation: 0,
                snapshot_generation: 0,
                memo: Arc::default(),
            },
        );
        self.sessions
    }

    pub fn get(&self, key: &str) -> Option<&OpenDoc> {
        self.open.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut OpenDoc> {
        self.open.get_mut(key)
    }

    /// The open draft, if it is still the opening `session` refers to.
    pub fn get_session(&mut self, key: &str, session: u64) -> Option<&mut OpenDoc> {
        self.open.get_mut(key).filter(|d| d.session == session)
    }

    pub fn close(&mut self, key: &str) -> Option<OpenDoc> {
        self.open.remove(key)
    }

    pub fn is_open(&self, key: &str) -> bool {
        self.open.contains_key(key)
    }

    pub fn keys(&self) -> Vec<Arc<str>> {
        self.open.keys().cloned().collect()
    }
}

/// An open draft as a request sees it: analysed at its current version.
#[derive(Clone, Debug)]
pub struct View {
    pub key: Arc<str>,
    pub uri: lsp::Uri,
    pub kind: DocKind,
    pub snap: Arc<Snapshot>,
    pub enc: Encoding,
}

impl View {
    pub fn lines(&self) -> Lines<'_> {
        self.snap.lines(self.enc)
    }

    pub fn offset(&self, pos: lsp::Position) -> usize {
        self.lines().offset(pos)
    }
}

impl State {
    /// The open draft behind `uri`, once the analysis of its current version is stored.
    /// `None` (with a log line) for a document that is not open, or when the analysis did
    /// not come (it panicked, or took longer than the wait).
    pub async fn view(&self, uri: &lsp::Uri) -> Option<View> {
        let key = convert::key(uri);
        let deadline = tokio::time::Instant::now() + FRESH_WAIT;
        loop {
            let notified = self.analyzed.notified();
            tokio::pin!(notified);
            // Register before looking, so a store between the look and the wait wakes us.
            notified.as_mut().enable();
            {
                let docs = lock(&self.docs);
                let Some(doc) = docs.get(&key) else {
                    self.log
                        .info(format!("ignored a request for {}: it is not open", uri.as_str()));
                    return None;
                };
                if doc.settled() {
                    return doc.snapshot.clone().map(|snap| View {
                        key: key.clone(),
                        uri: doc.uri.clone(),
                        kind: doc.doc.kind,
                        snap,
                        enc: self.encoding(),
                    });
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                self.log.warn(format!(
                    "no answer for {}: its analysis is not ready after {} s",
                    uri.as_str(),
                    FRESH_WAIT.as_secs()
                ));
                return None;
            }
        }
    }

    /// The text of any draft the workspace knows, by key: the open buffer's analysed
    /// snapshot, else the file on disk. `None` when neither can be read.
    pub fn source(&self, key: &str) -> Option<Source> {
        if let Some(doc) = lock(&self.docs).get(key) {
            return doc.snapshot.clone().map(|s| (doc.uri.clone(), s));
        }
        let uri = convert::uri_of_key(key)?;
        let path = convert::file_path(&uri)?;
        let text = std::fs::read_to_string(&path).ok()?;
        Some((uri, Arc::new(Snapshot::new(None, Arc::from(text)))))
    }
}
