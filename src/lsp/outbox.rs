//! Notifications copydesk writes to the editor itself, past tower-lsp: the diagnostics.
//!
//! tower-lsp turns a notification's parameters into a `serde_json::Value` tree, writes the
//! tree out, frames it into a pipe that [`super::transport`] reads back and frames again,
//! and then frees the tree. For a long draft's diagnostics (160 findings, 66 KB of JSON)
//! that was about 6 million instructions per keystroke, on the path the editor waits on.
//! Here the parameters are written straight to bytes and handed to the one writer task,
//! which sends each message whole, so messages never interleave.
//!
//! Every `textDocument/publishDiagnostics` goes this way, the clearing ones included, so
//! the editor receives a draft's diagnostics in the order they were published.

use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use tokio::sync::mpsc;

use super::frame;
use super::log;

/// The writer's queue, once the transport has started and until the session ends.
#[derive(Default)]
pub struct Outbox {
    queue: Mutex<Option<mpsc::Sender<Vec<u8>>>>,
}

#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: &'a P,
}

impl Outbox {
    /// Start sending to `queue`.
    pub fn open(&self, queue: mpsc::Sender<Vec<u8>>) {
        *self.queue.lock().unwrap_or_else(PoisonError::into_inner) = Some(queue);
    }

    /// Stop sending: the session is over, and the writer must not wait for us to finish.
    pub fn close(&self) {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner).take();
    }

    /// Send the notification `method` with `params`. False when it was not sent: the
    /// session is over (or not started), or the parameters could not be written as JSON.
    pub async fn notify<P: Serialize>(&self, method: &str, params: &P) -> bool {
        let Some(queue) = self.queue.lock().unwrap_or_else(PoisonError::into_inner).clone() else {
            return false;
        };
        let message = Notification {
            jsonrpc: "2.0",
            method,
            params,
        };
        match serde_json::to_vec(&message) {
            Ok(body) => queue.send(frame::encode(&body)).await.is_ok(),
            Err(e) => {
                log::stderr(&format!("could not write {method} as JSON ({e}); it was not sent"));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[tokio::test]
    async fn a_notification_is_one_whole_json_rpc_frame() {
        let outbox = Outbox::default();
        let (tx, mut rx) = mpsc::channel(4);
        outbox.open(tx);
        let params = json!({"uri": "file:///d.md", "diagnostics": [], "version": 3});
        assert!(outbox.notify("textDocument/publishDiagnostics", &params).await);
        let bytes = rx.recv().await.unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let message: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            message,
            json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": params})
        );
    }

    #[tokio::test]
    async fn nothing_is_sent_before_the_session_or_after_it() {
        let outbox = Outbox::default();
        assert!(!outbox.notify("m", &1).await);
        let (tx, mut rx) = mpsc::channel(4);
        outbox.open(tx);
        outbox.close();
        assert!(!outbox.notify("m", &1).await);
        // Closing dropped the last sender, so the writer's queue ends.
        assert!(rx.recv().await.is_none());
    }
}
