//! The bridge between the editor's byte streams and tower-lsp's `Server`.
//!
//! tower-lsp's own reader ends the whole session after one frame whose JSON does not parse
//! (its framed reader stops at the first decode error). So copydesk reads the frames itself,
//! answers a frame that is not JSON with `-32700 Parse error` (id null) and one that is JSON
//! but not a JSON-RPC message with `-32600 Invalid Request`, and forwards only good frames to
//! tower-lsp through an in-memory pipe. tower-lsp's output is re-framed from a second pipe,
//! and one writer task owns the real output: every message, ours or tower-lsp's, is written
//! whole, so the two sources never interleave mid-message.

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Error, Id, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService, Server};

use super::frame::{self, Frame, FrameReader};
use super::log;
use super::outbox::Outbox;

/// How many requests tower-lsp runs at once. Requests wait for analysis, so a few slow
/// ones must not hold up the edits queued behind them.
const CONCURRENCY: usize = 32;
const PIPE_BYTES: usize = 1 << 16;

/// Serve LSP on `input`/`output` until `exit` or the end of `input`.
/// Diagnostics written to `outbox` go to the same writer.
pub async fn serve<I, O, S>(input: I, output: O, service: LspService<S>, socket: ClientSocket, outbox: &Outbox)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
    S: LanguageServer,
{
    let (to_server, server_in) = tokio::io::duplex(PIPE_BYTES);
    let (server_out, from_server) = tokio::io::duplex(PIPE_BYTES);
    let (out_tx, out_rx) = mpsc::channel::<Vec<u8>>(64);
    outbox.open(out_tx.clone());

    let writer = tokio::spawn(write_frames(output, out_rx));
    let pump = tokio::spawn(pump(from_server, out_tx.clone()));
    let reader = tokio::spawn(read_frames(input, to_server, out_tx));

    Server::new(server_in, server_out, socket)
        .concurrency_level(CONCURRENCY)
        .serve(service)
        .await;

    // After `exit` the editor may keep our input open: stop reading it rather than wait.
    reader.abort();
    let _ = reader.await;
    // Tasks still running may hold the server's state: they must not keep the writer open.
    outbox.close();
    // tower-lsp has dropped its output pipe, so the pump drains what is left and ends,
    // and then the writer has no senders left and ends too.
    let _ = pump.await;
    let _ = writer.await;
}

/// Read frames from the editor; forward good ones to tower-lsp, answer bad ones ourselves.
async fn read_frames<I>(input: I, mut to_server: tokio::io::DuplexStream, out: mpsc::Sender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
{
    let mut frames = FrameReader::new(input);
    loop {
        let frame = match frames.next().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                log::stderr(&format!("cannot read from the editor: {e}"));
                break;
            }
        };
        let answer = match frame {
            Frame::Body(body) => match check(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame::encode(&body)).await.is_err() {
                        // tower-lsp has stopped (after `exit`); nothing more to do.
                        break;
                    }
                    continue;
                }
                Err(response) => response,
            },
            Frame::Garbage(what) => {
                log::stderr(&format!("ignored {what}"));
                Response::from_error(Id::Null, Error::parse_error())
            }
            Frame::TooLarge(n) => {
                log::stderr(&format!("ignored a message of {n} bytes: larger than copydesk accepts"));
                let mut e = Error::invalid_request();
                e.message = format!(
                    "message of {n} bytes is larger than the {} bytes accepted",
                    frame::MAX_BODY
                )
                .into();
                Response::from_error(Id::Null, e)
            }
        };
        if let Ok(json) = serde_json::to_vec(&answer)
            && out.send(frame::encode(&json)).await.is_err()
        {
            break;
        }
    }
    // Dropping `to_server` tells tower-lsp the input has ended.
}

/// Is `body` a JSON-RPC message tower-lsp can decode? If not, the error response to send.
pub fn check(body: &[u8]) -> Result<(), Response> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            log::stderr(&format!("answered -32700: a message that is not JSON ({e})"));
            return Err(Response::from_error(Id::Null, Error::parse_error()));
        }
    };
    // Decode exactly as tower-lsp will, from the bytes.
    if serde_json::from_slice::<Request>(body).is_ok() || serde_json::from_slice::<Response>(body).is_ok() {
        return Ok(());
    }
    let id = match value.get("id") {
        Some(Value::Number(n)) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(Value::String(s)) => Id::String(s.clone()),
        _ => Id::Null,
    };
    let mut error = Error::invalid_request();
    if value.is_array() {
        error.message = "batch messages are not part of LSP".into();
    }
    log::stderr(&format!(
        "answered -32600: JSON that is not a JSON-RPC message: {}",
        short(&value)
    ));
    Err(Response::from_error(id, error))
}

/// Cut tower-lsp's output back into whole frames for the writer.
async fn pump(from_server: tokio::io::DuplexStream, out: mpsc::Sender<Vec<u8>>) {
    let mut frames = FrameReader::new(from_server).with_max_body(usize::MAX);
    while let Ok(Some(frame)) = frames.next().await {
        if let Frame::Body(body) = frame
            && out.send(frame::encode(&body)).await.is_err()
        {
            break;
        }
    }
}

/// The only task that writes to the editor: one whole frame at a time.
async fn write_frames<O: AsyncWrite + Unpin>(mut output: O, mut frames: mpsc::Receiver<Vec<u8>>) {
    while let Some(bytes) = frames.recv().await {
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            log::stderr("the editor closed our output; stopping");
            break;
        }
    }
    let _ = output.shutdown().await;
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_code(body: &str) -> Option<(i64, Value)> {
        let r = check(body.as_bytes()).err()?;
        let v = serde_json::to_value(&r).unwrap();
        Some((v["error"]["code"].as_i64().unwrap(), v["id"].clone()))
    }

    #[test]
    fn messages_tower_lsp_can_decode_pass() {
        assert_eq!(
            error_code(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#),
            None
        );
        assert_eq!(error_code(r#"{"jsonrpc":"2.0","method":"exit"}"#), None);
        assert_eq!(error_code(r#"{"jsonrpc":"2.0","id":"a","result":null}"#), None);
    }

    #[test]
    fn not_json_is_a_parse_error_with_a_null_id() {
        assert_eq!(
            error_code(r#"{"jsonrpc":"2.0","id":1,"method":"#),
            Some((-32700, Value::Null))
        );
        assert_eq!(error_code("\u{0}\u{1}"), Some((-32700, Value::Null)));
        assert!(check(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn json_that_is_not_a_message_is_an_invalid_request_keeping_the_id() {
        assert_eq!(error_code(r#"{"id":7,"method":"x"}"#), Some((-32600, Value::from(7))));
        assert_eq!(error_code(r#"[1,2]"#), Some((-32600, Value::Null)));
        assert_eq!(error_code(r#""hello""#), Some((-32600, Value::Null)));
    }
}
