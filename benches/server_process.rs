//! The real server, `copydesk serve`, as an editor runs it: a separate process spoken to
//! over pipes. It indexes `../shared/eval/data/news` as its workspace folder, then opens a
//! 5,000-word and a 100,000-word draft built from those articles (at bench time; nothing is
//! copied into the repository). Each gets keystrokes, each sent once the diagnostics of the
//! one before have arrived, then hovers. It prints the time from each `didChange` leaving
//! this process to its `publishDiagnostics` arriving, the hover round trips, and the
//! server's memory read from `/proc` (Linux): resident and peak after indexing, after
//! opening each draft and after its keystrokes.
//!
//! `cargo bench --bench server_process`. The latency bench (`lsp_latency`) measures the
//! same server in-process, where its memory cannot be told from the bench's own and its
//! client's tasks share the server's threads; this one measures the server alone, as an
//! editor sees it. Targets: keystroke p95 ≤ 5 ms at 5,000 words and ≤ 50 ms at 100,000
//! (language-server issue); peak ≤ 60 MiB (performance issue).

#[path = "support/corpus.rs"]
mod corpus;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The drafts, by words, and how many keystrokes each gets.
const DRAFTS: [(usize, usize); 2] = [(5_000, 300), (100_000, 100)];
/// Hovers on each draft, spread over its lines.
const HOVERS: usize = 200;
/// Only there so a broken server cannot hang the bench.
const PATIENCE: Duration = Duration::from_secs(120);

fn main() {
    let Some(news) = corpus::news_dir().and_then(|d| d.canonicalize().ok()) else {
        println!("skipped: ../shared/eval/data/news is not here (the bench builds its draft from it)");
        return;
    };
    let articles = corpus::articles(&news);
    let mut server = Server::start();
    let folder = format!("file://{}", news.display());
    server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {"window": {"workDoneProgress": true}},
            "workspaceFolders": [{"uri": folder, "name": "news"}],
        }),
    );
    server.notify("initialized", json!({}));
    let started = Instant::now();
    server.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end");
    println!(
        "indexing the news folder: {:.2} s; {}",
        started.elapsed().as_secs_f64(),
        server.memory()
    );
    // The short draft first, then closed; the long one last, so that the memory read at the
    // end is with it open.
    for (i, (words, keystrokes)) in DRAFTS.into_iter().enumerate() {
        let draft = corpus::draft_of(&articles, words);
        let uri = format!("file:///bench/draft-{words}.md");
        type_into(&mut server, &uri, &draft, keystrokes);
        hover_over(&mut server, &uri, &draft);
        if i + 1 < DRAFTS.len() {
            server.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        }
    }
    server.request("shutdown", Value::Null);
    server.notify("exit", Value::Null);
    let _ = server.child.wait();
}

/// Open `draft`, then type a letter and delete it in turn, in the middle of the draft, each
/// keystroke sent once the diagnostics of the one before have arrived; print the times.
fn type_into(server: &mut Server, uri: &str, draft: &str, keystrokes: usize) {
    let opened = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": draft}}),
    );
    server.diagnostics(uri, 1);
    println!(
        "\n{} words ({} bytes) opened, first diagnostics after {:.1} ms; {}",
        draft.split_whitespace().count(),
        draft.len(),
        opened.elapsed().as_secs_f64() * 1e3,
        server.memory()
    );
    let mut line = draft[..draft.len() / 2].matches('\n').count();
    while line > 0 && draft.lines().nth(line).is_none_or(str::is_empty) {
        line -= 1;
    }
    let mut times = Vec::with_capacity(keystrokes);
    for i in 0..keystrokes {
        let version = i as i64 + 2;
        let end = if i % 2 == 0 { 0 } else { 1 };
        let text = if i % 2 == 0 { "x" } else { "" };
        let change = json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": end}}, "text": text}],
        });
        let sent = Instant::now();
        server.notify("textDocument/didChange", change);
        server.diagnostics(uri, version);
        times.push(sent.elapsed());
    }
    println!(
        "  didChange → publishDiagnostics: {} ({keystrokes} keystrokes); {}",
        summary(&mut times),
        server.memory()
    );
}

/// Hover at places spread over the draft's lines: on words, names, quotations and
/// findings alike; print the times.
fn hover_over(server: &mut Server, uri: &str, draft: &str) {
    let lines = draft.lines().count() as u64;
    let mut times = Vec::with_capacity(HOVERS);
    for i in 0..HOVERS as u64 {
        let position = json!({"line": (i * 7919) % lines, "character": (i * 13) % 60});
        let sent = Instant::now();
        server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position}),
        );
        times.push(sent.elapsed());
    }
    println!("  hover: {} ({HOVERS} hovers)", summary(&mut times));
}

/// "p50 …, p95 …, max …" of some times.
fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    format!("p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms", at(0.5), at(0.95), at(1.0))
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("copydesk serve starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, tx));
        Server {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("the server reads");
        self.stdin.flush().expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let reply = self.wait_for(|m| m["id"] == id && m.get("method").is_none());
        reply["result"].clone()
    }

    /// The next message `wanted` accepts, answering the server's own requests meanwhile.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the server answers within two minutes");
            if let (Some(id), Some(method)) = (m.get("id"), m["method"].as_str()) {
                // Settings: none; progress tokens and registrations: accepted.
                let result = match method {
                    "workspace/configuration" => {
                        Value::from(vec![Value::Null; m["params"]["items"].as_array().map_or(1, Vec::len)])
                    }
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": id.clone(), "result": result});
                self.send(&reply);
            }
            if wanted(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str, version: i64) {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
    }

    /// The server's resident and peak memory, from the kernel's accounting.
    fn memory(&self) -> String {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                .map_or("?".to_string(), |kib| format!("{:.1} MiB", kib / 1024.0))
        };
        format!("server resident {}, peak {}", field("VmRSS:"), field("VmHWM:"))
    }
}

/// Parse Content-Length frames from the server's stdout until it closes.
fn read_frames(mut out: BufReader<std::process::ChildStdout>, tx: mpsc::Sender<Value>) {
    loop {
        let mut length = None;
        loop {
            let mut header = String::new();
            if out.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some(n) = header.strip_prefix("Content-Length:") {
                length = n.trim().parse::<usize>().ok();
            }
        }
        let Some(n) = length else { return };
        let mut body = vec![0; n];
        if out.read_exact(&mut body).is_err() {
            return;
        }
        match serde_json::from_slice(&body) {
            Ok(v) => {
                if tx.send(v).is_err() {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}
