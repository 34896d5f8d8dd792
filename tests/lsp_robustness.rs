//! Bad input never ends a session: malformed frames, unknown methods and documents,
//! positions past the end, edits before open, requests after shutdown, a panicking
//! analysis. Each is answered with the right JSON-RPC error or ignored with a log line.

mod lsp_support;

use std::sync::Arc;

use serde_json::{Value, json};

use lsp_support::{Client, basic_caps, frame};

const URI: &str = "untitled:robust";
const UNBALANCED: &str = "“We will keep working on it, the spokesman said.\n";

async fn started() -> Client {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    c
}

/// The next response with a null id (the server's answer to a frame it could not read).
async fn null_id_error(c: &mut Client) -> Value {
    let msg = c
        .wait_for("an error response with a null id", |m| {
            m.get("method").is_none() && m["id"].is_null()
        })
        .await;
    let i = c.seen.iter().position(|m| *m == msg).unwrap();
    c.seen.remove(i);
    msg
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_that_is_not_json_gets_a_parse_error_and_the_session_goes_on() {
    let mut c = started().await;
    c.send_raw(&frame(
        br#"{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{"#,
    ))
    .await;
    let e = null_id_error(&mut c).await;
    assert_eq!(e["error"]["code"], -32700);
    assert_eq!(e["jsonrpc"], "2.0");

    // Bytes with no frame around them at all.
    c.send_raw(b"this is not a header\r\n").await;
    assert_eq!(null_id_error(&mut c).await["error"]["code"], -32700);

    // JSON that is not a JSON-RPC message keeps its id.
    c.send_raw(&frame(br#"{"id":5,"method":7}"#)).await;
    let e = c.response_to(5).await;
    assert_eq!(e["error"]["code"], -32600);

    // Still serving: open a draft, get diagnostics and a hover.
    c.open(URI, "markdown", 1, UNBALANCED).await;
    assert_eq!(c.diagnostics(URI, Some(1)).await.len(), 1);
    assert!(!c.hover(URI, 0, 0).await.is_null());
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_to_bad_frames_never_interleave_with_the_servers_own_output() {
    let mut c = started().await;
    c.open(URI, "markdown", 1, UNBALANCED).await;
    c.diagnostics(URI, Some(1)).await;
    // Good requests and bad frames back to back, without waiting: both writers are busy at
    // once. The harness fails on any frame that is not whole JSON.
    let mut burst = Vec::new();
    for id in 1000..1200 {
        let hover = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
            "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}});
        burst.extend(frame(hover.to_string().as_bytes()));
        burst.extend(frame(b"{not json"));
    }
    c.send_raw(&burst).await;
    for id in 1000..1200 {
        let r = c.response_to(id).await;
        assert!(
            r["result"]["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("quote/unbalanced")
        );
    }
    for _ in 0..200 {
        assert_eq!(null_id_error(&mut c).await["error"]["code"], -32700);
    }
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_with_null_params_then_requests_are_refused_and_exit_ends_the_server() {
    let mut c = started().await;
    c.open(URI, "markdown", 1, UNBALANCED).await;
    // eglot sends `"params": null`.
    let r = c.request("shutdown", Value::Null).await;
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["result"], Value::Null);
    let after = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert_eq!(after["error"]["code"], -32600, "{after}");
    c.notify("exit", Value::Null).await;
    // Our side of the pipe stays open: the server must end anyway.
    assert!(c.finish().await, "shutdown was requested before exit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_reported_as_unclean() {
    let c = started().await;
    c.notify("exit", Value::Null).await;
    assert!(!c.finish().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_methods_and_documents() {
    let mut c = started().await;
    let r = c.request("copydesk/frobnicate", json!({})).await;
    assert_eq!(r["error"]["code"], -32601);
    // An unknown notification is ignored.
    c.notify("copydesk/whatever", json!({})).await;

    let missing = "untitled:never-opened";
    assert_eq!(c.hover(missing, 0, 0).await, Value::Null);
    let log = c
        .wait_for("a log line about the unknown document", |m| {
            m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains(missing)
        })
        .await;
    assert!(log["params"]["message"].as_str().unwrap().contains("not open"));
    let r = c.request("copydesk/documentText", json!({"uri": missing})).await;
    assert_eq!(r["error"]["code"], -32602);
    let r = c
        .request("textDocument/hover", json!({"textDocument": {"uri": 42}}))
        .await;
    assert_eq!(r["error"]["code"], -32602, "invalid params: {r}");
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_before_open_are_ignored_and_positions_past_the_end_clamp() {
    let mut c = started().await;
    c.change(
        URI,
        1,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
    )
    .await;
    c.wait_for("a warning about the change before open", |m| {
        m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("never opened")
    })
    .await;

    c.open(URI, "plaintext", 1, "ab\ncd").await;
    c.diagnostics(URI, Some(1)).await;
    // A column past the line's end is its end; a line past the last is the end of text.
    c.change(
        URI,
        2,
        json!([
            {"range": {"start": {"line": 0, "character": 50}, "end": {"line": 0, "character": 99}}, "text": "!"},
            {"range": {"start": {"line": 9, "character": 0}, "end": {"line": 12, "character": 4}}, "text": "?"}
        ]),
    )
    .await;
    let doc = c.call("copydesk/documentText", json!({"uri": URI})).await;
    assert_eq!(doc["text"], "ab!\ncd?");
    assert_eq!(doc["version"], 2);
    c.diagnostics(URI, Some(2)).await;
    assert_eq!(c.hover(URI, 500, 500).await, Value::Null);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_in_one_analysis_is_logged_with_the_uri_and_the_server_goes_on() {
    let analyzer: copydesk::lsp::Analyzer = Arc::new(|text, kind, config| {
        if text.contains("PANIC") {
            panic!("injected for the test");
        }
        copydesk::analyze(text, kind, config)
    });
    let mut c = Client::with_options(copydesk::lsp::Options {
        analyzer: Some(analyzer),
    });
    c.initialize(basic_caps(), &[]).await;
    c.open(URI, "markdown", 1, "PANIC here").await;
    let log = c
        .wait_for("the panic logged", |m| {
            m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("panicked")
        })
        .await;
    let message = log["params"]["message"].as_str().unwrap();
    assert!(
        message.contains(URI) && message.contains("injected for the test"),
        "{message}"
    );
    assert_eq!(log["params"]["type"], 1, "an error");
    // A request about it does not hang.
    assert_eq!(c.hover(URI, 0, 0).await, Value::Null);

    c.change(URI, 2, json!([{"text": UNBALANCED}])).await;
    assert_eq!(c.diagnostics(URI, Some(2)).await.len(), 1);
    assert!(c.shutdown_and_exit().await);
}
