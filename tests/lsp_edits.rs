//! 1,000 random single-character edits (emoji, accents, curly quotes, LF and CRLF line
//! breaks) sent back to back without waiting: the server's copy of the buffer must end up
//! identical to the client's, and the last diagnostics must be for the last version. And
//! edits that change the findings: they must end as those of the edited text opened afresh.

mod lsp_support;

use serde_json::json;

use lsp_support::{Client, basic_caps, position};

/// A small deterministic generator (xorshift64*), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Offsets a client can address with an LSP position: character boundaries, except
/// between the \r and \n of a CRLF (LSP has no position there).
fn addressable(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i) && !(i > 0 && b[i - 1] == b'\r' && b.get(i) == Some(&b'\n')))
        .collect()
}

/// The length of the "character" at `at` for a deletion: a CRLF counts as one.
fn unit_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        2
    } else {
        text[at..].chars().next().map_or(0, char::len_utf8)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_random_edits_arrive_in_order() {
    const INSERTS: [&str; 10] = ["a", "Z", " ", "é", "😀", "“", "”", "\n", "\r\n", "🇺🇦"];
    let uri = "untitled:edits";
    let mut text = String::from("Start 😀 of the “draft”.\r\nSecond line.\n");
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    c.open(uri, "markdown", 1, &text).await;

    let mut rng = Rng(0x5eed_c0de_1234_5678);
    let mut version = 1;
    for _ in 0..1000 {
        version += 1;
        let offsets = addressable(&text);
        let at = offsets[rng.below(offsets.len())];
        let delete = at < text.len() && rng.below(3) == 0;
        let (start, end, insert) = if delete {
            (at, at + unit_len(&text, at), "")
        } else {
            // The flag is two characters (regional indicators); inserting it is still one
            // edit, and a later deletion may split it, which is fine for a text editor.
            (at, at, INSERTS[rng.below(INSERTS.len())])
        };
        let (l0, c0) = position(&text, start);
        let (l1, c1) = position(&text, end);
        let change = json!([{
            "range": {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}},
            "text": insert
        }]);
        text.replace_range(start..end, insert);
        // No waiting: the next edit goes out straight away.
        c.change(uri, version, change).await;
    }

    let server = c.call("copydesk/documentText", json!({"uri": uri})).await;
    assert_eq!(server["version"], version);
    assert_eq!(
        server["text"].as_str().unwrap(),
        text,
        "the server's copy differs from the client's"
    );
    // The analysis catches up with the last version (older results were dropped or superseded).
    c.diagnostics(uri, Some(version)).await;
    assert!(c.shutdown_and_exit().await);
}

/// The server keeps each paragraph's scans between edits and rescans only the paragraphs
/// an edit touched: what it publishes after edits that add and remove findings must be
/// exactly what it publishes for the edited text opened as a new draft.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_after_edits_are_those_of_the_edited_draft_opened_afresh() {
    let mut text = include_str!("../examples/drafts/barrier-inquiry.txt").to_string();
    let uri = "untitled:edited.txt";
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    c.open(uri, "plaintext", 1, &text).await;
    let before = c.diagnostics(uri, Some(1)).await;

    // A hedge added, an attribution taken away, a paragraph with an unattributed quote
    // pasted in, a paragraph deleted, a name respelled: (what is replaced, by what).
    let edits = [
        ("Shops on the quay", "Reportedly, shops on the quay"),
        ("elsewhere,” he said.", "elsewhere.”"),
        (
            "Sources said",
            "“The barrier was never finished,” a sign read.\n\nSources said",
        ),
        ("Local media reported that the pumps had not been serviced.\n\n", ""),
        ("Clara Holt, the council leader", "Clara Holte, the council leader"),
    ];
    let mut version = 1;
    for (old, new) in edits {
        let start = text.find(old).expect("the example draft holds the words edited");
        let end = start + old.len();
        let ((l0, c0), (l1, c1)) = (position(&text, start), position(&text, end));
        version += 1;
        c.change(
            uri,
            version,
            json!([{
                "range": {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}},
                "text": new
            }]),
        )
        .await;
        text.replace_range(start..end, new);
    }
    let edited = c.diagnostics(uri, Some(version)).await;

    let fresh_uri = "untitled:fresh.txt";
    c.open(fresh_uri, "plaintext", 1, &text).await;
    let fresh = c.diagnostics(fresh_uri, Some(1)).await;
    assert_ne!(edited, before, "the edits change the findings");
    // Findings point into their own draft; otherwise they must be the same.
    let fresh = serde_json::to_string(&fresh).unwrap().replace(fresh_uri, uri);
    assert_eq!(
        serde_json::to_string(&edited).unwrap(),
        fresh,
        "findings after edits differ from those of the same text opened afresh"
    );
    assert!(c.shutdown_and_exit().await);
}
