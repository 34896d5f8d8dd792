//! Drafts that are not what they should be: not UTF-8, binary, UTF-16, too large; and the
//! ones that are fine but unusual: a byte-order mark, CRLF line ends. Nothing is modified.

use std::time::SystemTime;

use super::*;

fn scratch(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.write("copydesk.toml", ONLY_UNBALANCED);
    s.write("good.md", "The mayor said it was “not over.\n");
    s
}

#[test]
fn a_named_file_that_is_not_utf8() {
    let s = scratch("latin1");
    // "café" in Windows-1252: the é is the single byte 0xE9, at offset 17.
    s.write("latin1.txt", b"She ordered a caf\xe9 \"au lait\".\n");
    let o = s.run(&["check", "--format", "json", "latin1.txt", "good.md"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("latin1.txt") && err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("byte 17"), "{err}");
    // The other draft is still reported.
    let v = json(&o);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["files"][0]["path"], "good.md");
    assert_eq!(v["summary"]["findings"], 1);
}

#[test]
fn a_walked_binary_file() {
    let s = scratch("binary");
    s.write("drafts/photo.md", b"PNG\x00\x01\x02");
    s.write("drafts/fine.md", "Nothing to see.\n");
    let o = s.run(&["check", "--format", "json", "drafts"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("drafts/photo.md") && err.contains("byte 3"), "{err}");
    assert!(err.contains("binary"), "{err}");
    assert_eq!(json(&o)["files"][0]["path"], "drafts/fine.md");
}

#[test]
fn a_walked_file_that_is_not_utf8() {
    let s = scratch("walked-latin1");
    s.write("drafts/old.txt", b"Line one.\nna\xefve\n");
    let o = s.run(&["check", "drafts"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("drafts/old.txt") && err.contains("byte 12") && err.contains("line 2"),
        "{err}"
    );
    assert!(stdout(&o).contains("1 file not checked"), "{}", stdout(&o));
}

#[test]
fn utf16_is_named_as_such() {
    let s = scratch("utf16");
    let mut bytes = vec![0xff, 0xfe];
    for u in "Hello".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    s.write("word-export.txt", bytes);
    let o = s.run(&["check", "word-export.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("word-export.txt is UTF-16"), "{}", stderr(&o));
}

#[test]
fn too_large_is_skipped_with_a_note_not_an_error() {
    let s = Scratch::new("too-large");
    s.write("copydesk.toml", "max_file_bytes = 100\n".to_string() + ONLY_UNBALANCED);
    s.write("big.md", format!("“{}\n", "word ".repeat(40)));
    s.write("small.md", "Fine.\n");
    let o = s.run(&["check", "--format", "json", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("skipped ./big.md") && err.contains("max_file_bytes (100)"),
        "{err}"
    );
    let v = json(&o);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["files"][0]["path"], "./small.md");
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let s = scratch("bom");
    s.write("bom.md", "\u{feff}“Quote on line one.\n");
    s.write("plain.md", "“Quote on line one.\n");
    s.write("bom.txt", "\u{feff}“Quote on line one.\n");
    let v = json(&s.run(&["check", "--format", "json", "bom.md", "plain.md", "bom.txt"]));
    let p = places(&v);
    assert_eq!(p.len(), 3, "{v}");
    assert!(p.iter().all(|(_, _, line, col)| (*line, *col) == (1, 1)), "{p:?}");
    // Byte offsets still index the file as stored, BOM included.
    assert_eq!(v["files"][0]["findings"][0]["start_byte"], 3);
    let human = stdout(&s.run(&["check", "bom.md"]));
    assert!(human.contains("1 | “Quote on line one.\n  | ^\n"), "{human}");
}

#[test]
fn crlf_line_ends() {
    let s = scratch("crlf");
    s.write("crlf.md", "First paragraph.\r\n\r\nSecond, with a “stray mark.\r\n");
    s.write("lone-cr.txt", "First paragraph.\r\rSecond, with a “stray mark.\r");
    let o = s.run(&["check", "--format", "json", "crlf.md", "lone-cr.txt"]);
    let p = places(&json(&o));
    assert_eq!(
        p.iter().map(|(_, _, l, c)| (*l, *c)).collect::<Vec<_>>(),
        [(3, 16), (3, 16)]
    );
    let human = stdout(&s.run(&["check", "crlf.md"]));
    assert!(!human.contains('\r'));
    assert!(human.contains("3 | Second, with a “stray mark.\n"), "{human}");
}

#[test]
fn nothing_read_is_modified() {
    let s = scratch("untouched");
    let files = ["copydesk.toml", "good.md"];
    let before: Vec<(Vec<u8>, SystemTime)> = files
        .iter()
        .map(|f| {
            let p = s.path.join(f);
            (
                std::fs::read(&p).unwrap(),
                std::fs::metadata(&p).unwrap().modified().unwrap(),
            )
        })
        .collect();
    let listing = |s: &Scratch| {
        let mut names: Vec<String> = std::fs::read_dir(&s.path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let names = listing(&s);
    for format in ["human", "json", "sarif", "github"] {
        s.run(&["check", "--format", format, "."]);
    }
    for (f, (bytes, mtime)) in files.iter().zip(before) {
        let p = s.path.join(f);
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{f}");
        assert_eq!(std::fs::metadata(&p).unwrap().modified().unwrap(), mtime, "{f}");
    }
    assert_eq!(listing(&s), names, "no file was created");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let s = Scratch::new("many");
    s.write("copydesk.toml", ONLY_UNBALANCED);
    for i in 0..205 {
        s.write(&format!("d/{i:03}.txt"), "A short draft.\n");
    }
    let o = s.run(&["check", "d"]);
    assert_eq!(code(&o), 0);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "checked 205 drafts: nothing to query\n");
}
