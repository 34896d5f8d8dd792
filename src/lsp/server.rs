//! The `LanguageServer` implementation: each method hands over to the module for it.
//!
//! Notification handlers never await a request to the client; anything that asks the
//! client something (settings, progress, registrations) runs in a spawned task.

use std::sync::Arc;

use serde_json::Value;
use tower_lsp::jsonrpc::Result;
use tower_lsp::ls_types as lsp;
use tower_lsp::{Client, LanguageServer};

use super::outbox::Outbox;
use super::state::{Analyzer, State, lock};
use super::{
    capabilities, code_actions, commands, configuration, convert, custom, diagnostics, hover, indexing, inlay_hints,
    navigation, symbols, sync, watched, worker,
};

pub struct Server {
    state: Arc<State>,
}

impl Server {
    pub fn new(
        client: Client,
        analyzer: Option<Analyzer>,
        shutdown_requested: Arc<std::sync::atomic::AtomicBool>,
        outbox: Arc<Outbox>,
    ) -> Self {
        Server {
            state: Arc::new(State::new(client, analyzer, shutdown_requested, outbox)),
        }
    }

    /// `copydesk/documentText`.
    pub async fn document_text(&self, params: custom::DocumentTextParams) -> Result<custom::DocumentText> {
        custom::document_text(&self.state, params)
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let session = capabilities::session(&params);
        let capabilities = capabilities::server_capabilities(&session);
        self.state.log.info(format!(
            "initialize: positions in {}, {} workspace folder(s), diagnostics {}",
            capabilities::encoding_name(session.encoding),
            session.roots.len(),
            if session.flags.pull_diagnostics {
                "pulled"
            } else {
                "pushed"
            }
        ));
        *self.state.session.write().unwrap_or_else(|e| e.into_inner()) = session;
        Ok(lsp::InitializeResult {
            capabilities,
            server_info: Some(lsp::ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let state = self.state.clone();
        let flags = state.flags();
        if flags.watched_files_registration {
            tokio::spawn(configuration::register_watchers(state.clone()));
        }
        tokio::spawn(async move {
            // Settings first, so the index is built with the editor's rule levels.
            if flags.configuration && configuration::fetch_settings(&state).await {
                worker::reanalyze_open(&state);
            }
            indexing::index(state).await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state
            .shutdown_requested
            .store(true, std::sync::atomic::Ordering::SeqCst);
        // Stop any indexing run at its next step.
        self.state.index_run.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        sync::did_open(&self.state, params);
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        sync::did_change(&self.state, params);
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        sync::did_close(&self.state, params).await;
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let state = self.state.clone();
        // Push-style clients send the settings; others only say something changed.
        let pushed = params.settings.get(configuration::SECTION).filter(|s| !s.is_null());
        if let Some(section) = pushed {
            if configuration::apply_settings(&state, section) {
                worker::reanalyze_all(&state);
            }
        } else if state.flags().configuration {
            tokio::spawn(async move {
                if configuration::fetch_settings(&state).await {
                    worker::reanalyze_all(&state);
                }
            });
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        tokio::spawn(watched::changed(self.state.clone(), params));
    }

    async fn did_change_workspace_folders(&self, params: lsp::DidChangeWorkspaceFoldersParams) {
        {
            let mut session = self.state.session.write().unwrap_or_else(|e| e.into_inner());
            let removed: Vec<_> = params
                .event
                .removed
                .iter()
                .filter_map(|f| convert::file_path(&f.uri))
                .collect();
            session.roots.retain(|r| !removed.contains(r));
            for f in &params.event.added {
                if let Some(p) = convert::file_path(&f.uri)
                    && !session.roots.contains(&p)
                {
                    session.roots.push(p);
                }
            }
        }
        lock(&self.state.configs).invalidate();
        tokio::spawn(indexing::index(self.state.clone()));
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let pos = params.text_document_position_params;
        let Some(view) = self.state.view(&pos.text_document.uri).await else {
            return Ok(None);
        };
        let offset = view.offset(pos.position);
        let mut ws = lock(&self.state.workspace);
        let findings = ws.findings(&view.key);
        Ok(
            hover::hover(&ws, &findings, &view.key, &view.snap.text, offset).map(|(span, markdown)| lsp::Hover {
                contents: lsp::HoverContents::Markup(convert::markdown(markdown)),
                range: Some(view.lines().range(span)),
            }),
        )
    }

    async fn code_action(&self, params: lsp::CodeActionParams) -> Result<Option<lsp::CodeActionResponse>> {
        let Some(view) = self.state.view(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(code_actions::code_actions(&self.state, &view, params.range)))
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
        commands::execute(&self.state, params).await
    }

    async fn prepare_rename(
        &self,
        params: lsp::TextDocumentPositionParams,
    ) -> Result<Option<lsp::PrepareRenameResponse>> {
        let Some(view) = self.state.view(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(navigation::prepare_rename(
            &self.state,
            &view,
            view.offset(params.position),
        ))
    }

    async fn rename(&self, params: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        let pos = params.text_document_position;
        let Some(view) = self.state.view(&pos.text_document.uri).await else {
            return Ok(None);
        };
        navigation::rename(&self.state, &view, view.offset(pos.position), &params.new_name)
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let pos = params.text_document_position;
        let Some(view) = self.state.view(&pos.text_document.uri).await else {
            return Ok(None);
        };
        Ok(navigation::references(&self.state, &view, view.offset(pos.position)))
    }

    async fn goto_definition(&self, params: lsp::GotoDefinitionParams) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let Some(view) = self.state.view(&pos.text_document.uri).await else {
            return Ok(None);
        };
        Ok(navigation::definition(&self.state, &view, view.offset(pos.position)))
    }

    async fn document_symbol(&self, params: lsp::DocumentSymbolParams) -> Result<Option<lsp::DocumentSymbolResponse>> {
        let Some(view) = self.state.view(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(symbols::document_symbols(&self.state, &view))
    }

    async fn symbol(&self, params: lsp::WorkspaceSymbolParams) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        Ok(Some(lsp::WorkspaceSymbolResponse::Nested(symbols::workspace_symbols(
            &self.state,
            &params.query,
        ))))
    }

    async fn inlay_hint(&self, params: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        let Some(view) = self.state.view(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(inlay_hints::inlay_hints(&self.state, &view, params.range)))
    }

    async fn diagnostic(&self, params: lsp::DocumentDiagnosticParams) -> Result<lsp::DocumentDiagnosticReportResult> {
        diagnostics::pull(&self.state, params).await
    }
}
