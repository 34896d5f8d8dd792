//! A test client for the language server: the real service over an in-memory duplex
//! stream with real Content-Length framing (its own framing code, not the server's), on the
//! test's multi-threaded runtime. It answers the server's requests (settings, progress
//! tokens, registrations) and records everything the server sends.

#![allow(dead_code)] // Each test file uses a different part of the harness.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, ReadHalf, WriteHalf};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Long enough for a debug build on a loaded machine; only there so a bug cannot hang CI.
pub const PATIENCE: Duration = Duration::from_secs(60);

type Pending = Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>;

pub struct Client {
    writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
    next_id: i64,
    pending: Pending,
    /// Notifications and requests from the server, in arrival order.
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Everything the server sent that was not a response, for assertions after the fact.
    pub seen: Vec<Value>,
    /// The `copydesk` settings this client answers `workspace/configuration` with.
    pub settings: Arc<Mutex<Value>>,
    server: Option<JoinHandle<bool>>,
}

impl Client {
    /// Start a server with the production analysis.
    pub fn start() -> Client {
        Client::with_options(copydesk::lsp::Options::default())
    }

    pub fn with_options(options: copydesk::lsp::Options) -> Client {
        Client::build(options, &tokio::runtime::Handle::current())
    }

    /// Start a server with the production analysis on `server_runtime`, this client staying
    /// on the caller's runtime: as an editor in another process, the client's own work
    /// (framing, parsing every message) then takes none of the server's threads. The
    /// latency bench runs this way.
    pub fn start_on(server_runtime: &tokio::runtime::Handle) -> Client {
        Client::build(copydesk::lsp::Options::default(), server_runtime)
    }

    fn build(options: copydesk::lsp::Options, server_runtime: &tokio::runtime::Handle) -> Client {
        let (client_side, server_side) = tokio::io::duplex(1 << 16);
        let (server_read, server_write) = tokio::io::split(server_side);
        let server = server_runtime.spawn(copydesk::lsp::serve(server_read, server_write, options));
        let (read, write) = tokio::io::split(client_side);
        let writer = Arc::new(tokio::sync::Mutex::new(write));
        let pending: Pending = Arc::default();
        let settings = Arc::new(Mutex::new(Value::Null));
        let (tx, incoming) = mpsc::unbounded_channel();
        tokio::spawn(read_loop(read, writer.clone(), pending.clone(), tx, settings.clone()));
        Client {
            writer,
            next_id: 1,
            pending,
            incoming,
            seen: Vec::new(),
            settings,
            server: Some(server),
        }
    }

    pub async fn send_raw(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().await;
        w.write_all(bytes).await.expect("server input closed");
        w.flush().await.unwrap();
    }

    pub async fn send(&self, message: &Value) {
        send_value(&self.writer, message).await;
    }

    pub async fn notify(&self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Send a request and return the whole response object.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        tokio::time::timeout(PATIENCE, rx)
            .await
            .unwrap_or_else(|_| panic!("no response to {method} within {PATIENCE:?}"))
            .expect("server stopped")
    }

    /// Send a request and return its result, failing the test on an error response.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params).await;
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// Wait for the response with a given id to a request sent as raw bytes (responses
    /// nobody registered for are queued with the notifications).
    pub async fn response_to(&mut self, id: i64) -> Value {
        let what = format!("the response to request {id}");
        let msg = self
            .wait_for(&what, |m| m.get("method").is_none() && m["id"] == id)
            .await;
        if let Some(i) = self.seen.iter().position(|v| *v == msg) {
            self.seen.remove(i);
        }
        msg
    }

    /// The next message from the server (notification or request) that satisfies `pred`;
    /// earlier ones are kept in [`Client::seen`].
    pub async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(v) = self.seen.iter().find(|v| pred(v)) {
            return v.clone();
        }
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.incoming.recv())
                .await
                .unwrap_or_else(|_| panic!("waited {PATIENCE:?} for {what}; saw {:#?}", self.seen))
                .expect("server stopped");
            self.seen.push(msg.clone());
            if pred(&msg) {
                return msg;
            }
        }
    }

    /// The next `publishDiagnostics` for `uri` at `version` (None: without a version).
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let what = format!("diagnostics for {uri} version {version:?}");
        let msg = self
            .wait_for(&what, |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"].as_i64() == version
            })
            .await;
        // Consume it, so a later wait for the same version sees a newer publish.
        if let Some(i) = self.seen.iter().position(|v| *v == msg) {
            self.seen.remove(i);
        }
        msg["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// Drain what has arrived so far without waiting.
    pub fn drain(&mut self) {
        while let Ok(m) = self.incoming.try_recv() {
            self.seen.push(m);
        }
    }

    pub async fn initialize(&mut self, capabilities: Value, folders: &[&Path]) -> Value {
        let folders: Vec<Value> = folders
            .iter()
            .map(|p| json!({"uri": file_uri(p), "name": p.file_name().unwrap().to_string_lossy()}))
            .collect();
        let folders = if folders.is_empty() {
            Value::Null
        } else {
            Value::from(folders)
        };
        let result = self
            .call(
                "initialize",
                json!({"processId": null, "rootUri": null, "capabilities": capabilities, "workspaceFolders": folders}),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        )
        .await;
    }

    pub async fn change(&self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }

    pub async fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
        .await
    }

    /// `shutdown`, then `exit`; the server's verdict (true: shut down cleanly).
    pub async fn shutdown_and_exit(mut self) -> bool {
        self.call("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
        self.finish().await
    }

    /// Wait for the server task to end (after `exit`, with our input still open).
    pub async fn finish(mut self) -> bool {
        let server = self.server.take().unwrap();
        tokio::time::timeout(PATIENCE, server)
            .await
            .expect("the server did not stop after exit")
            .unwrap()
    }
}

async fn send_value(writer: &tokio::sync::Mutex<WriteHalf<DuplexStream>>, message: &Value) {
    let body = serde_json::to_vec(message).unwrap();
    let mut w = writer.lock().await;
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    // The server may have stopped (after `exit`); tests that care check that separately.
    let _ = w.write_all(header.as_bytes()).await;
    let _ = w.write_all(&body).await;
    let _ = w.flush().await;
}

/// Read the server's output: responses go to whoever waits for them; the server's own
/// requests are answered; everything else is queued for the test.
async fn read_loop(
    mut read: ReadHalf<DuplexStream>,
    writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
    pending: Pending,
    incoming: mpsc::UnboundedSender<Value>,
    settings: Arc<Mutex<Value>>,
) {
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let Some(body) = next_frame(&mut read, &mut buf).await else {
            return;
        };
        let msg: Value = serde_json::from_slice(&body).unwrap_or_else(|e| {
            panic!(
                "the server sent a frame that is not JSON ({e}): {:?}",
                String::from_utf8_lossy(&body)
            )
        });
        let is_response = msg.get("method").is_none();
        if is_response {
            let id = msg["id"].as_i64();
            let waiter = id.and_then(|id| pending.lock().unwrap().remove(&id));
            match waiter {
                Some(tx) => {
                    let _ = tx.send(msg);
                }
                // Responses nobody waits for (id null) are queued for the test.
                None => {
                    let _ = incoming.send(msg);
                }
            }
            continue;
        }
        if let Some(id) = msg.get("id").cloned() {
            let result = match msg["method"].as_str() {
                Some("workspace/configuration") => {
                    let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                    Value::from(vec![settings.lock().unwrap().clone(); n])
                }
                Some("workspace/applyEdit") => json!({"applied": false}),
                _ => Value::Null,
            };
            send_value(&writer, &json!({"jsonrpc": "2.0", "id": id, "result": result})).await;
        }
        let _ = incoming.send(msg);
    }
}

/// One frame: headers up to a blank line (only Content-Length matters), then the body.
async fn next_frame(read: &mut ReadHalf<DuplexStream>, buf: &mut Vec<u8>) -> Option<Vec<u8>> {
    loop {
        if let Some(end) = find(buf, b"\r\n\r\n") {
            let headers = String::from_utf8(buf[..end].to_vec()).expect("headers are ASCII");
            let length: usize = headers
                .split("\r\n")
                .find_map(|h| h.strip_prefix("Content-Length: "))
                .unwrap_or_else(|| panic!("a frame without Content-Length: {headers:?}"))
                .parse()
                .unwrap();
            let start = end + 4;
            if buf.len() >= start + length {
                let body = buf[start..start + length].to_vec();
                buf.drain(..start + length);
                return Some(body);
            }
        }
        let mut chunk = [0u8; 1 << 14];
        let n = read.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

pub fn file_uri(path: &Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// Client capabilities for a plain UTF-16 client with no extras.
pub fn basic_caps() -> Value {
    json!({})
}

/// A temporary folder, removed when dropped. Each holds a `.git` folder so configuration
/// discovery stops inside it.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("copydesk-lsp-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        // Canonical, so URIs built from it match the server's.
        TempDir(dir.canonicalize().unwrap())
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn uri(&self, rel: &str) -> String {
        file_uri(&self.0.join(rel))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// LSP position (UTF-16 columns; lines end at \n, \r\n, \r) of byte `offset` in `text`:
/// the client's own arithmetic, independent of the server's.
pub fn position(text: &str, offset: usize) -> (u32, u32) {
    let (mut line, mut col) = (0u32, 0u32);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                col = 0;
            }
            _ => col += c.len_utf16() as u32,
        }
    }
    // An offset between \r and \n is not addressable; callers avoid it.
    (line, col)
}

pub fn range(text: &str, start: usize, end: usize) -> Value {
    let (l0, c0) = position(text, start);
    let (l1, c1) = position(text, end);
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// Apply a WorkspaceEdit's edits for `uri` to `text` (client side, UTF-16 positions).
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let off = |p: &Value| {
                offset(
                    text,
                    p["line"].as_u64().unwrap() as u32,
                    p["character"].as_u64().unwrap() as u32,
                )
            };
            (
                off(&e["range"]["start"]),
                off(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// Byte offset of an LSP position (UTF-16) in `text`.
pub fn offset(text: &str, line: u32, character: u32) -> usize {
    let mut l = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while l < line && i < bytes.len() {
        if bytes[i] == b'\r' {
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            l += 1;
        } else if bytes[i] == b'\n' {
            l += 1;
        }
        i += 1;
    }
    let mut col = 0;
    for (j, c) in text[i..].char_indices() {
        if c == '\n' || c == '\r' || col >= character {
            return i + j;
        }
        col += c.len_utf16() as u32;
    }
    text.len()
}

/// The production analysis plus `name/variant` findings for fixed pairs (wrong spelling,
/// canonical spelling), each with the canonical spelling as its fix, unless `names.accept`
/// lists the wrong one: deterministic findings for testing the fixes and the "accept"
/// command, independent of how the names analysis weighs spellings.
pub fn variants_analyzer(pairs: &'static [(&'static str, &'static str)]) -> copydesk::lsp::Analyzer {
    use copydesk::{Edit, Finding, Fix, Rule, Span};
    Arc::new(move |text, kind, config| {
        let mut a = copydesk::analyze(text, kind, config);
        let mut findings = Vec::new();
        for (wrong, canonical) in pairs {
            if config.accept.iter().any(|x| x == wrong) {
                continue;
            }
            for (at, _) in text.match_indices(wrong) {
                let span = Span::new(at, at + wrong.len());
                findings.push(
                    Finding::new(Rule::NameVariant, span, format!("“{wrong}” differs from “{canonical}”")).with_fix(
                        Fix {
                            title: format!("Replace with “{canonical}”"),
                            edits: vec![Edit {
                                span,
                                replacement: canonical.to_string(),
                            }],
                        },
                    ),
                );
            }
        }
        a.findings
            .extend(copydesk::analysis::settle(findings, config, &a.suppressions));
        a.findings.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
        a
    })
}
