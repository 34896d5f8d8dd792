//! `copydesk/documentText {uri}`: the server's copy of a buffer, so tests (and anyone
//! debugging a client) can check that every edit arrived and applied in order.

use serde::{Deserialize, Serialize};
use tower_lsp::jsonrpc;
use tower_lsp::ls_types as lsp;

use super::convert;
use super::state::{State, lock};

pub const DOCUMENT_TEXT: &str = "copydesk/documentText";

#[derive(Debug, Deserialize)]
pub struct DocumentTextParams {
    pub uri: lsp::Uri,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocumentText {
    pub uri: lsp::Uri,
    pub version: i32,
    pub text: String,
}

pub fn document_text(state: &State, params: DocumentTextParams) -> jsonrpc::Result<DocumentText> {
    let key = convert::key(&params.uri);
    let docs = lock(&state.docs);
    let doc = docs
        .get(&key)
        .ok_or_else(|| jsonrpc::Error::invalid_params(format!("{} is not open", params.uri.as_str())))?;
    Ok(DocumentText {
        uri: doc.uri.clone(),
        version: doc.doc.version,
        text: doc.doc.text(),
    })
}
