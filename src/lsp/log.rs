//! Where the server's log lines go: stderr always (never stdout, which carries only the
//! protocol), and the editor's log via `window/logMessage` once a session is running.

use tower_lsp::Client;
use tower_lsp::ls_types::MessageType;

/// A line on stderr only: for the transport, which has no client, and for early errors.
pub fn stderr(message: &str) {
    eprintln!("copydesk: {message}");
}

/// Logs to stderr and to the editor. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Logger {
    client: Client,
    /// The server's runtime, so threads outside it (blocking and rayon threads that index
    /// the workspace) can log to the editor too.
    runtime: Option<tokio::runtime::Handle>,
}

impl Logger {
    pub fn new(client: Client) -> Self {
        Logger {
            client,
            runtime: tokio::runtime::Handle::try_current().ok(),
        }
    }

    pub fn info(&self, message: impl Into<String>) {
        self.send(MessageType::INFO, message.into());
    }

    pub fn warn(&self, message: impl Into<String>) {
        self.send(MessageType::WARNING, message.into());
    }

    pub fn error(&self, message: impl Into<String>) {
        self.send(MessageType::ERROR, message.into());
    }

    /// Also pop the message up in the editor (configuration errors the writer must see).
    pub fn show(&self, typ: MessageType, message: impl Into<String>) {
        let message = message.into();
        self.send(typ, message.clone());
        let client = self.client.clone();
        self.spawn(async move { client.show_message(typ, message).await });
    }

    fn send(&self, typ: MessageType, message: String) {
        stderr(&message);
        // Spawned, so no handler ever waits on the editor to log (and logging from a
        // blocking thread works too).
        let client = self.client.clone();
        self.spawn(async move { client.log_message(typ, message).await });
    }

    fn spawn<F: std::future::Future<Output = ()> + Send + 'static>(&self, f: F) {
        if let Some(rt) = &self.runtime {
            rt.spawn(f);
        }
    }
}
