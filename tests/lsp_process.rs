//! The real binary, `copydesk serve`, over real pipes: `exit` ends the process even with
//! stdin still open, the exit code follows the protocol, and stdout carries nothing but
//! protocol frames (logs go to stderr).

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk runs")
}

fn send(child: &mut Child, message: &Value) {
    let body = message.to_string();
    let stdin = child.stdin.as_mut().unwrap();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

/// Wait for the process to end on its own; kill it and fail after a minute.
fn wait(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("copydesk serve did not exit after `exit` with stdin still open");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Split stdout into frames, failing on anything that is not a well-formed frame.
fn frames(out: &[u8]) -> Vec<Value> {
    let (messages, rest) = complete_frames(out);
    assert!(
        rest.is_empty(),
        "stdout ends with something that is not a frame: {:?}",
        String::from_utf8_lossy(rest)
    );
    messages
}

/// The complete frames at the start of `out`, and what follows them.
fn complete_frames(mut out: &[u8]) -> (Vec<Value>, &[u8]) {
    let mut messages = Vec::new();
    loop {
        let Some(end) = out.windows(4).position(|w| w == b"\r\n\r\n") else {
            return (messages, out);
        };
        let headers = std::str::from_utf8(&out[..end]).unwrap();
        let len: usize = headers
            .strip_prefix("Content-Length: ")
            .unwrap_or_else(|| panic!("unexpected header on stdout: {headers:?}"))
            .parse()
            .unwrap();
        let Some(body) = out.get(end + 4..end + 4 + len) else {
            return (messages, out);
        };
        messages.push(serde_json::from_slice(body).expect("every frame on stdout is JSON"));
        out = &out[end + 4 + len..];
    }
}

/// Collect stdout on a thread, so the test can wait for a response while the server runs.
fn collect_stdout(child: &mut Child) -> (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let sink = buf.clone();
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = out.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    (buf, reader)
}

fn wait_for_response(out: &Mutex<Vec<u8>>, id: i64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if complete_frames(&out.lock().unwrap()).0.iter().any(|m| m["id"] == id) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no response to request {id}");
}

fn session(args: &[&str], shutdown: bool) -> (std::process::ExitStatus, Vec<Value>, String) {
    let mut child = spawn(args);
    let (stdout, reader) = collect_stdout(&mut child);
    send(
        &mut child,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}),
    );
    // LSP: nothing else until the answer to `initialize`.
    wait_for_response(&stdout, 1);
    send(
        &mut child,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut child,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:p", "languageId": "markdown", "version": 1, "text": "“Never closed, the spokesman said.\n"}}}),
    );
    // A malformed frame on the way, answered on stdout like everything else.
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b"Content-Length: 5\r\n\r\n{oops")
        .unwrap();
    send(
        &mut child,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "untitled:p"}, "position": {"line": 0, "character": 0}}}),
    );
    wait_for_response(&stdout, 2);
    if shutdown {
        send(
            &mut child,
            &json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown", "params": null}),
        );
        // As clients do: `exit` only after the answer to `shutdown`.
        wait_for_response(&stdout, 3);
    }
    send(&mut child, &json!({"jsonrpc": "2.0", "method": "exit"}));
    // stdin stays open (held by `child`) while we wait.
    let status = wait(&mut child);
    // The process is gone, so the reader reaches the end of its stdout.
    reader.join().unwrap();
    let out = stdout.lock().unwrap().clone();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (status, frames(&out), err)
}

#[test]
fn exit_ends_the_process_with_stdin_open_and_stdout_is_only_protocol() {
    let (status, messages, stderr) = session(&["serve"], true);
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    let response = |id: i64| messages.iter().find(|m| m["id"] == id && m.get("method").is_none());
    assert_eq!(
        response(1).unwrap()["result"]["capabilities"]["textDocumentSync"]["change"],
        2
    );
    let hover = &response(2).expect("the hover after the bad frame is answered")["result"];
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("quote/unbalanced")),
        "{hover} {messages:#?} {stderr}"
    );
    assert_eq!(response(3).unwrap()["result"], Value::Null);
    assert!(
        messages
            .iter()
            .any(|m| m["id"].is_null() && m["error"]["code"] == -32700),
        "the bad frame got a parse error: {messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics")
    );
    assert!(stderr.contains("copydesk"), "logs go to stderr: {stderr:?}");
}

#[test]
fn exit_without_shutdown_exits_with_one_and_stdio_flag_is_accepted() {
    let (status, messages, _) = session(&["serve", "--stdio"], false);
    assert_eq!(status.code(), Some(1));
    assert!(messages.iter().any(|m| m["id"] == 2));
}
