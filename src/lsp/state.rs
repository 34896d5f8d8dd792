//! The server's shared state: what the editor told us at `initialize`, the open documents,
//! the workspace index, the configurations, and the analyser.
//!
//! Locks are `std::sync` mutexes held only for short synchronous work, never across an
//! `.await`. When more than one is needed they are taken in this order: `docs`, then
//! `workspace`, then `configs`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use tokio::sync::Notify;
use tower_lsp::Client;

use crate::analysis::{Analysis, Memo};
use crate::config::Config;
use crate::text::DocKind;
use crate::text::position::Encoding;

use super::configuration::Configs;
use super::diagnostics::Published;
use super::documents::Documents;
use super::index::Index;
use super::log::Logger;
use super::outbox::Outbox;

/// The analysis the server runs: [`crate::analyze`] in production; tests may wrap it.
pub type Analyzer = Arc<dyn Fn(&str, DocKind, &Config) -> Analysis + Send + Sync>;

/// What the client said it can do, reduced to the questions the server asks.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientFlags {
    /// The client pulls diagnostics (`textDocument/diagnostic`); we then do not push.
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub work_done_progress: bool,
    pub watched_files_registration: bool,
    pub configuration: bool,
    pub inlay_hint_refresh: bool,
}

/// Settled at `initialize`.
#[derive(Clone, Debug)]
pub struct Session {
    pub encoding: Encoding,
    pub flags: ClientFlags,
    /// Workspace folders, as paths.
    pub roots: Vec<PathBuf>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            encoding: Encoding::Utf16,
            flags: ClientFlags::default(),
            roots: Vec::new(),
        }
    }
}

pub struct State {
    pub client: Client,
    /// Where the diagnostics go: straight to the writer, past tower-lsp.
    pub outbox: Arc<Outbox>,
    pub log: Logger,
    /// Analyses drafts read from disk, and open drafts when a test replaced it.
    pub analyzer: Analyzer,
    /// Open drafts are analysed through their [`Memo`] (the analyzer is the default one).
    memoize: bool,
    pub session: RwLock<Session>,
    pub docs: Mutex<Documents>,
    pub workspace: Mutex<Index>,
    pub configs: Mutex<Configs>,
    /// Serialises publishing, so the last diagnostics sent for a draft are the newest.
    pub publisher: tokio::sync::Mutex<Published>,
    /// Woken whenever an analysis is stored (requests wait on it for fresh results).
    pub analyzed: Notify,
    /// Bumped by each indexing run; an older run that sees a newer number stops.
    pub index_run: AtomicU64,
    pub shutdown_requested: Arc<AtomicBool>,
}

impl State {
    /// `analyzer`: `None` for [`crate::analyze`].
    pub fn new(
        client: Client,
        analyzer: Option<Analyzer>,
        shutdown_requested: Arc<AtomicBool>,
        outbox: Arc<Outbox>,
    ) -> Self {
        State {
            log: Logger::new(client.clone()),
            client,
            outbox,
            memoize: analyzer.is_none(),
            analyzer: analyzer.unwrap_or_else(|| Arc::new(crate::analyze)),
            session: RwLock::new(Session::default()),
            docs: Mutex::new(Documents::default()),
            workspace: Mutex::new(Index::default()),
            configs: Mutex::new(Configs::default()),
            publisher: tokio::sync::Mutex::new(Published::default()),
            analyzed: Notify::new(),
            index_run: AtomicU64::new(0),
            shutdown_requested,
        }
    }

    /// Analyse the text of an open draft, given the memo of its earlier analyses. The memo
    /// is emptied when the analysis panics, so that nothing half-made is read again.
    pub fn analyze_open(&self, text: &str, kind: DocKind, config: &Config, memo: &Mutex<Memo>) -> Analysis {
        if !self.memoize {
            return (self.analyzer)(text, kind, config);
        }
        let mut memo = lock(memo);
        let mut fresh = Memo::new();
        // Taken out while analysing: if the analysis panics, the memo stays empty.
        std::mem::swap(&mut *memo, &mut fresh);
        let analysis = crate::analysis::analyze_with_memo(text, kind, config, &mut fresh);
        *memo = fresh;
        analysis
    }

    pub fn session(&self) -> Session {
        self.session.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn encoding(&self) -> Encoding {
        self.session.read().unwrap_or_else(|e| e.into_inner()).encoding
    }

    pub fn flags(&self) -> ClientFlags {
        self.session.read().unwrap_or_else(|e| e.into_inner()).flags
    }
}

/// Lock a mutex even if a panicking thread poisoned it: the data behind copydesk's locks
/// stays consistent (every update is a single insert or replace), and a server that stops
/// answering is worse than one that reads a value written just before a panic.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
