//! LSP base-protocol framing: `Content-Length: N\r\n` headers, a blank line, N bytes of JSON.
//!
//! The reader is forgiving so one bad frame never ends a session: lines that are not a
//! header block are reported as garbage and skipped up to the next `Content-Length:`, and a
//! body larger than [`MAX_BODY`] is read and dropped.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader};

/// The largest body copydesk accepts. A 10 MB draft sent in `didOpen` is well under this.
pub const MAX_BODY: usize = 128 << 20;
/// Header lines longer than this are cut short (the rest of the line is still consumed).
const MAX_LINE: usize = 8 << 10;
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the reader found next on the stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A well-framed body (not yet known to be valid JSON).
    Body(Vec<u8>),
    /// Bytes that were not a frame, described for the log.
    Garbage(String),
    /// A frame whose declared length exceeds the limit; its body was skipped.
    TooLarge(usize),
}

pub struct FrameReader<R> {
    inner: BufReader<R>,
    /// A `Content-Length` line found at the end of a garbage run, to start the next frame.
    pending_line: Option<Vec<u8>>,
    max_body: usize,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(inner: R) -> Self {
        FrameReader {
            inner: BufReader::with_capacity(1 << 16, inner),
            pending_line: None,
            max_body: MAX_BODY,
        }
    }

    /// Accept bodies up to `max` bytes instead of [`MAX_BODY`].
    pub fn with_max_body(mut self, max: usize) -> Self {
        self.max_body = max;
        self
    }

    /// The next frame, or `None` at the end of the stream. A frame cut off by the end of the
    /// stream is dropped: no one is left to answer.
    pub async fn next(&mut self) -> std::io::Result<Option<Frame>> {
        let mut garbage: Vec<Vec<u8>> = Vec::new();
        loop {
            let line = match self.pending_line.take() {
                Some(l) => l,
                None => match self.read_line().await? {
                    Some(l) => l,
                    None if garbage.is_empty() => return Ok(None),
                    None => return Ok(Some(Frame::Garbage(describe(&garbage)))),
                },
            };
            if let Some(at) = find_ignore_case(&line, CONTENT_LENGTH) {
                if at > 0 || !garbage.is_empty() {
                    // Report the garbage first; the header starts the next frame.
                    if at > 0 {
                        garbage.push(line[..at].to_vec());
                    }
                    self.pending_line = Some(line[at..].to_vec());
                    return Ok(Some(Frame::Garbage(describe(&garbage))));
                }
                return self.frame_after(&line[CONTENT_LENGTH.len()..]).await;
            }
            let blank = is_blank(&line);
            if garbage.is_empty() && (blank || find_ignore_case(&line, b"content-type:") == Some(0)) {
                // Stray blank lines between frames, or a header before Content-Length.
                continue;
            }
            garbage.push(line);
            // Gather the rest of a garbage run that has already arrived, but never wait for
            // more: the client may be waiting for our answer.
            if self.inner.buffer().is_empty() {
                return Ok(Some(Frame::Garbage(describe(&garbage))));
            }
        }
    }

    /// The rest of a frame whose `Content-Length:` value is `value`.
    async fn frame_after(&mut self, value: &[u8]) -> std::io::Result<Option<Frame>> {
        // The remaining headers, up to the blank line.
        loop {
            match self.read_line().await? {
                None => return Ok(None),
                Some(l) if is_blank(&l) => break,
                Some(_) => {}
            }
        }
        let value = String::from_utf8_lossy(value);
        let Ok(length) = value.trim().parse::<usize>() else {
            return Ok(Some(Frame::Garbage(format!(
                "a Content-Length header whose value is not a number: {:?}",
                value.trim()
            ))));
        };
        if length > self.max_body {
            let skipped = tokio::io::copy(&mut (&mut self.inner).take(length as u64), &mut tokio::io::sink()).await?;
            if (skipped as usize) < length {
                return Ok(None);
            }
            return Ok(Some(Frame::TooLarge(length)));
        }
        let mut body = vec![0; length];
        match self.inner.read_exact(&mut body).await {
            Ok(_) => Ok(Some(Frame::Body(body))),
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// One line including its `\n` (the last line of the stream may lack it), at most
    /// [`MAX_LINE`] bytes kept. `None` at the end of the stream.
    async fn read_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let mut any = false;
        loop {
            let buf = self.inner.fill_buf().await?;
            if buf.is_empty() {
                return Ok(any.then_some(line));
            }
            any = true;
            let (used, done) = match memchr_newline(buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_LINE.saturating_sub(line.len());
            line.extend_from_slice(&buf[..used.min(room)]);
            self.inner.consume(used);
            if done {
                return Ok(Some(line));
            }
        }
    }
}

/// The bytes of one frame carrying `body`.
pub fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b'\r' || b == b'\n')
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

fn describe(lines: &[Vec<u8>]) -> String {
    let text: String = lines.iter().map(|l| String::from_utf8_lossy(l)).collect();
    let text = text.trim();
    let shown: String = text.chars().take(80).collect();
    let more = if shown.len() < text.len() { "…" } else { "" };
    format!("{} bytes that are not an LSP frame: {shown:?}{more}", text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = FrameReader::new(input).with_max_body(1000);
        let mut out = Vec::new();
        while let Some(f) = r.next().await.unwrap() {
            out.push(f);
        }
        out
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn well_formed_frames_with_and_without_content_type() {
        let mut input = encode(b"{\"a\":1}");
        input.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}");
        input.extend(encode("{\"é\":\"😀\"}".as_bytes()));
        assert_eq!(
            frames(&input).await,
            vec![body("{\"a\":1}"), body("{}"), body("{\"é\":\"😀\"}")]
        );
    }

    #[tokio::test]
    async fn garbage_is_reported_and_the_next_frame_survives() {
        let mut input = b"hello there\r\n".to_vec();
        input.extend(encode(b"{}"));
        input.extend(b"junk Content-Length: 2\r\n\r\n[]");
        let got = frames(&input).await;
        assert!(
            matches!(&got[0], Frame::Garbage(m) if m.contains("hello there")),
            "{got:?}"
        );
        assert_eq!(got[1], body("{}"));
        assert!(matches!(&got[2], Frame::Garbage(m) if m.contains("junk")), "{got:?}");
        assert_eq!(got[3], body("[]"));
        assert_eq!(got.len(), 4);
    }

    #[tokio::test]
    async fn bad_length_and_truncated_frames() {
        let mut input = b"Content-Length: ten\r\n\r\n".to_vec();
        input.extend(encode(b"{}"));
        input.extend(b"Content-Length: 50\r\n\r\n{\"cut\":");
        let got = frames(&input).await;
        assert!(matches!(&got[0], Frame::Garbage(m) if m.contains("ten")), "{got:?}");
        assert_eq!(got[1], body("{}"));
        assert_eq!(got.len(), 2);
    }

    #[tokio::test]
    async fn oversized_bodies_are_skipped() {
        let n = 1001;
        let mut input = format!("Content-Length: {n}\r\n\r\n").into_bytes();
        input.resize(input.len() + n, b' ');
        input.extend(encode(b"{}"));
        assert_eq!(frames(&input).await, vec![Frame::TooLarge(n), body("{}")]);
    }
}
