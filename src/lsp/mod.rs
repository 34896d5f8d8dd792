//! `copydesk serve`: the language server, a thin adapter over the analysis and the
//! workspace index. It converts and routes; it knows no linguistics.
//!
//! One file per concern: [`transport`] and [`frame`] (stdio, resilient to bad frames),
//! [`server`] (the tower-lsp entry points), [`state`] and [`documents`] (what the server
//! holds), [`sync`] and [`worker`] (edits in, analyses out), [`diagnostics`], [`hover`],
//! [`code_actions`] with [`commands`] and [`accept`], [`navigation`] (rename, references,
//! definition), [`symbols`], [`inlay_hints`], [`configuration`] and [`watched`],
//! [`indexing`], [`custom`] (`copydesk/documentText`), [`log`], and [`convert`], the one
//! module that turns byte offsets into LSP positions and back.

pub mod accept;
mod allocator;
pub mod capabilities;
pub mod code_actions;
pub mod commands;
pub mod configuration;
pub mod convert;
pub mod custom;
pub mod diagnostics;
pub mod documents;
pub mod entities;
pub mod frame;
pub mod hover;
pub mod index;
pub mod indexing;
pub mod inlay_hints;
pub mod log;
pub mod navigation;
pub mod outbox;
pub mod server;
pub mod state;
pub mod symbols;
pub mod sync;
pub mod transport;
pub mod watched;
pub mod worker;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp::LspService;

pub use allocator::one_arena_per_core;
pub use state::Analyzer;

/// How to build a server. The default runs [`crate::analyze`].
#[derive(Clone, Default)]
pub struct Options {
    /// Replace the analysis (tests use this to inject data or a panic).
    pub analyzer: Option<Analyzer>,
}

/// Serve LSP on `input` and `output` until `exit` (or the end of `input`). True when the
/// client asked for `shutdown` before leaving, as the protocol wants.
pub async fn serve<I, O>(input: I, output: O, options: Options) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let analyzer = options.analyzer;
    let shutdown = Arc::new(AtomicBool::new(false));
    let flag = shutdown.clone();
    let outbox = Arc::new(outbox::Outbox::default());
    let server_outbox = outbox.clone();
    let (service, socket) = LspService::build(move |client| server::Server::new(client, analyzer, flag, server_outbox))
        .custom_method(custom::DOCUMENT_TEXT, server::Server::document_text)
        .finish();
    transport::serve(input, output, service, socket, &outbox).await;
    shutdown.load(Ordering::SeqCst)
}

/// `copydesk serve`: LSP on stdin/stdout. The exit code is 0 after `shutdown` then `exit`,
/// 1 when the client left without `shutdown` (as LSP specifies).
pub fn run_stdio() -> u8 {
    allocator::one_arena_per_core();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            log::stderr(&format!("cannot start: {e}"));
            return 2;
        }
    };
    log::stderr(&format!(
        "copydesk {} language server on stdio",
        env!("CARGO_PKG_VERSION")
    ));
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), Options::default()));
    // The editor may keep stdin open after `exit`; the thread blocked reading it must not
    // keep the process alive, so do not wait for it.
    runtime.shutdown_background();
    if clean { 0 } else { 1 }
}
