//! `initialize`: what the client can do, what copydesk offers, and the workspace folders.

use std::path::PathBuf;

use tower_lsp::ls_types as lsp;

use crate::text::position::Encoding;

use super::code_actions::ACCEPT_SPELLING;
use super::convert;
use super::state::{ClientFlags, Session};

/// The session settled from the client's `initialize` parameters.
pub fn session(params: &lsp::InitializeParams) -> Session {
    Session {
        encoding: convert::negotiate_encoding(&params.capabilities),
        flags: client_flags(&params.capabilities),
        roots: roots(params),
    }
}

fn client_flags(caps: &lsp::ClientCapabilities) -> ClientFlags {
    let ws = caps.workspace.as_ref();
    ClientFlags {
        pull_diagnostics: caps.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some()),
        diagnostic_refresh: ws
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        work_done_progress: caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
        watched_files_registration: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        inlay_hint_refresh: ws
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
    }
}

/// The workspace folders as paths; the older `rootUri` when the client sends no folders.
fn roots(params: &lsp::InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders.iter().filter_map(|f| convert::file_path(&f.uri)).collect();
    }
    #[allow(deprecated)] // Clients that predate workspace folders send only this.
    let root = params.root_uri.as_ref();
    root.and_then(convert::file_path).into_iter().collect()
}

pub fn server_capabilities(session: &Session) -> lsp::ServerCapabilities {
    let pull = session.flags.pull_diagnostics;
    lsp::ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(session.encoding)),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(lsp::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
            ..Default::default()
        })),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
            code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        execute_command_provider: Some(lsp::ExecuteCommandOptions {
            commands: vec![ACCEPT_SPELLING.to_string()],
            ..Default::default()
        }),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        references_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        diagnostic_provider: pull.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some(convert::SOURCE.to_string()),
                // Name variants across drafts: one draft's findings depend on others.
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        }),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

pub fn encoding_name(enc: Encoding) -> &'static str {
    match enc {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16 => "UTF-16",
        Encoding::Scalar => "UTF-32",
    }
}
