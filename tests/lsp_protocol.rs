//! The language server end to end, in process: initialize, diagnostics, hover, code
//! actions, rename, references, definition, symbols, inlay hints.

mod lsp_support;

use serde_json::{Value, json};

use lsp_support::{Client, TempDir, apply_edits, basic_caps, range};

/// A draft with an unclosed quotation on a line that has an emoji before the mark.
const UNBALANCED: &str = "Talks 😀 resumed. “We will keep working on it, the spokesman said.\n\nThe minister left.\n";
const URI: &str = "untitled:draft-1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_negotiates_the_encoding_and_announces_the_features() {
    let mut c = Client::start();
    let r = c.initialize(basic_caps(), &[]).await;
    let caps = &r["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for feature in [
        "hoverProvider",
        "codeActionProvider",
        "renameProvider",
        "referencesProvider",
        "definitionProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "inlayHintProvider",
    ] {
        assert!(!caps[feature].is_null(), "{feature} missing from {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(caps["executeCommandProvider"]["commands"][0], "copydesk.acceptSpelling");
    assert!(
        caps["diagnosticProvider"].is_null(),
        "no pull diagnostics for a client that does not pull"
    );
    assert_eq!(r["serverInfo"]["name"], "copydesk");
    assert!(c.shutdown_and_exit().await);

    let mut c = Client::start();
    let r = c
        .initialize(
            json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}, "textDocument": {"diagnostic": {}}}),
            &[],
        )
        .await;
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(r["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_follow_open_change_and_close_with_versions() {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    c.open(URI, "markdown", 1, UNBALANCED).await;
    let d = c.diagnostics(URI, Some(1)).await;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "quote/unbalanced");
    assert_eq!(d[0]["source"], "copydesk");
    assert_eq!(d[0]["severity"], 2);
    // “ is after 6 + 2 (emoji) + 10 UTF-16 units.
    assert_eq!(
        d[0]["range"],
        json!({"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 19}})
    );

    // Close the quotation: version 2 is clean.
    let said = UNBALANCED.find(" the spokesman").unwrap();
    let fixed = format!("{}”{}", &UNBALANCED[..said], &UNBALANCED[said..]);
    c.change(URI, 2, json!([{"range": range(UNBALANCED, said, said), "text": "”"}]))
        .await;
    assert_eq!(c.diagnostics(URI, Some(2)).await, Vec::<Value>::new());

    // A whole-text replacement brings it back at version 3.
    c.change(URI, 3, json!([{"text": UNBALANCED}])).await;
    assert_eq!(c.diagnostics(URI, Some(3)).await.len(), 1);
    let text = c.call("copydesk/documentText", json!({"uri": URI})).await;
    assert_eq!(text["text"], UNBALANCED);
    assert_eq!(text["version"], 3);
    assert_ne!(fixed, UNBALANCED);

    c.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}))
        .await;
    assert_eq!(c.diagnostics(URI, None).await, Vec::<Value>::new(), "cleared on close");
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_clients_get_byte_columns() {
    let mut c = Client::start();
    c.initialize(json!({"general": {"positionEncodings": ["utf-8"]}}), &[])
        .await;
    c.open(URI, "markdown", 1, UNBALANCED).await;
    let d = c.diagnostics(URI, Some(1)).await;
    // 6 + 4 (emoji) + 10 bytes.
    assert_eq!(d[0]["range"]["start"], json!({"line": 0, "character": 20}));
    let h = c.hover(URI, 0, 20).await;
    assert!(h["contents"]["value"].as_str().unwrap().contains("quote/unbalanced"));
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_a_finding_and_describes_a_quotation() {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    let text = "“The region has been neglected for years,” officials added.\n\n“We will keep working on it, the spokesman said.\n";
    c.open(URI, "markdown", 1, text).await;
    c.diagnostics(URI, Some(1)).await;

    let h = c.hover(URI, 2, 0).await;
    assert_eq!(h["contents"]["kind"], "markdown");
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**quote/unbalanced**"), "{md}");
    assert!(
        md.contains("An opening quotation mark must be closed"),
        "the rule's explanation: {md}"
    );
    assert_eq!(h["range"]["start"], json!({"line": 2, "character": 0}));

    let h = c.hover(URI, 0, 10).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**Quotation**"), "{md}");
    assert_eq!(h["range"]["end"], json!({"line": 0, "character": 42}));

    assert_eq!(
        c.hover(URI, 0, 50).await,
        Value::Null,
        "nothing to say about plain prose"
    );
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_suppresses_a_rule_for_one_line() {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    let text = "Intro line.\r\n“We will keep working on it, the spokesman said.\r\n";
    c.open(URI, "markdown", 1, text).await;
    let d = c.diagnostics(URI, Some(1)).await;
    let actions = c
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d[0]["range"], "context": {"diagnostics": d}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "Suppress quote/unbalanced for this line")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(suppress["kind"], "quickfix");
    assert_eq!(suppress["diagnostics"][0]["code"], "quote/unbalanced");
    let edits = suppress["edit"]["changes"][URI].as_array().unwrap();
    let after = apply_edits(text, edits);
    assert_eq!(
        after,
        "Intro line. <!-- copydesk-disable-next-line quote/unbalanced -->\r\n“We will keep working on it, the spokesman said.\r\n"
    );
    // The editor applies it; the finding goes away.
    c.change(URI, 2, json!([{"text": after}])).await;
    assert_eq!(c.diagnostics(URI, Some(2)).await, Vec::<Value>::new());
    assert!(c.shutdown_and_exit().await);
}

/// The titles of the quick fixes offered for the draft's one `quote/unattributed` finding,
/// and the text after applying the first fix that adds a "said".
async fn attribution_fix(c: &mut Client, text: &str, version: i64) -> (Vec<String>, String) {
    let d = c.diagnostics(URI, Some(version)).await;
    let d: Vec<Value> = d.into_iter().filter(|d| d["code"] == "quote/unattributed").collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    let actions = c
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d[0]["range"], "context": {"diagnostics": d}}),
        )
        .await;
    let actions = actions.as_array().unwrap().clone();
    let titles = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    let add = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("said"))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edits = add["edit"]["changes"][URI].as_array().unwrap();
    (titles, apply_edits(text, edits))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unattributed_quote_gets_an_attribution_to_fill_in() {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    // A person just before the quote: the fix names them.
    let text = "Mayor Ana Ruiz toured the flooded streets.\n\nShe went on to criticise the council. “Nobody here was warned about the water.”\n";
    c.open(URI, "markdown", 1, text).await;
    let (titles, after) = attribution_fix(&mut c, text, 1).await;
    assert!(
        titles.iter().any(|t| t.starts_with("Suppress quote/unattributed")),
        "{titles:?}"
    );
    assert!(after.contains("warned about the water,” she said."), "{after}");
    c.change(URI, 2, json!([{"text": after}])).await;
    let left = c.diagnostics(URI, Some(2)).await;
    assert!(!left.iter().any(|d| d["code"] == "quote/unattributed"), "{left:#?}");

    // Nobody to name: a placeholder the writer fills in.
    let text = "The water rose all night. “Nobody here was warned about the water.”\n";
    c.change(URI, 3, json!([{"text": text}])).await;
    let (_, after) = attribution_fix(&mut c, text, 3).await;
    assert_eq!(
        after,
        "The water rose all night. “Nobody here was warned about the water,” [who?] said.\n"
    );
    assert!(c.shutdown_and_exit().await);
}

/// Drafts by the same desk: one spells the Kremlin spokesman's name the usual way, the
/// other its own way; the names analysis ties both to one person.
const PESKOV: &str =
    "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said the talks would resume, and Peskov left.\n";
const PESKOFF: &str = "Dmitry Peskoff did not comment. Peskoff stayed at home, officials confirmed.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_rename_references_definition_symbols_and_cards() {
    let dir = TempDir::new("names");
    dir.write("other.md", PESKOFF);
    let mut c = Client::start();
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&dir.0])
        .await;
    c.wait_for("indexing to end", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    })
    .await;
    let uri = dir.uri("a.md");
    let other = dir.uri("other.md");
    c.open(&uri, "markdown", 1, PESKOV).await;
    c.diagnostics(&uri, Some(1)).await;
    let second = PESKOV.find(". Peskov").unwrap() + 2;
    let (line, col) = lsp_support::position(PESKOV, second + 1);

    // Definition: the first full mention, from a later short one.
    let def = c
        .call(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}),
        )
        .await;
    let full = PESKOV.find("Dmitry Peskov").unwrap();
    assert_eq!(def["uri"], uri);
    assert_eq!(def["range"], range(PESKOV, full, full + "Dmitry Peskov".len()));

    let refs = c
        .call(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}, "context": {"includeDeclaration": true}}),
        )
        .await;
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.iter().filter(|r| r["uri"] == uri).count(), 3, "{refs:#?}");
    assert_eq!(
        refs.iter().filter(|r| r["uri"] == other).count(),
        2,
        "the other spelling, in the indexed draft: {refs:#?}"
    );

    let prep = c
        .call(
            "textDocument/prepareRename",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}),
        )
        .await;
    assert_eq!(prep["placeholder"], "Peskov");
    assert_eq!(prep["range"], range(PESKOV, second, second + 6));
    let edit = c
        .call(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}, "newName": "Peskow"}),
        )
        .await;
    assert_eq!(
        apply_edits(PESKOV, edit["changes"][&uri].as_array().unwrap()),
        PESKOV.replace("Peskov", "Peskow"),
        "every spelling of the surname, the full name's included"
    );
    assert_eq!(
        apply_edits(PESKOFF, edit["changes"][&other].as_array().unwrap()),
        PESKOFF.replace("Peskoff", "Peskow"),
        "variants included"
    );
    let bad = c
        .request(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}, "newName": "  "}),
        )
        .await;
    assert_eq!(bad["error"]["code"], -32602);
    let none = c
        .call(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 40}, "newName": "X"}),
        )
        .await;
    assert_eq!(none, Value::Null, "no name under the cursor, nothing to rename");

    let card = c.hover(&uri, line, col).await;
    let md = card["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**Dmitry Peskov** · person"), "{md}");
    assert!(
        md.contains("Kremlin spokesman") && md.contains("Peskoff") && md.contains("in 2 drafts"),
        "{md}"
    );
    assert_eq!(card["range"], range(PESKOV, second, second + 6));

    let symbols = c
        .call("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}))
        .await;
    let peskov = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Dmitry Peskov")
        .unwrap_or_else(|| panic!("{symbols:#?}"));
    assert_eq!(peskov["detail"], "person · 3 mentions");
    let found = c.call("workspace/symbol", json!({"query": "peskov"})).await;
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "one person across both drafts: {found:#?}");
    assert_eq!(found[0]["name"], "Dmitry Peskov");
    assert_eq!(found[0]["containerName"], "person");
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_name_the_speaker_of_attributed_quotes_only() {
    let mut c = Client::start();
    c.initialize(basic_caps(), &[]).await;
    // The last quote follows a sentence with no speech verb: nobody is said to have said it.
    let text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n“The region has been neglected for years,” Peskov said.\n\nThe talks then moved on. “We will all keep working on it.”\n";
    c.open(URI, "markdown", 1, text).await;
    c.diagnostics(URI, Some(1)).await;
    let hints = c
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
        )
        .await;
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:#?}");
    assert_eq!(hints[0]["label"], "— Dmitry Peskov");
    assert_eq!(hints[0]["position"], json!({"line": 2, "character": 42}));
    // Outside the requested range: none.
    let none = c
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 4, "character": 0}, "end": {"line": 5, "character": 0}}}),
        )
        .await;
    assert_eq!(none, json!([]));
    let hover = c.hover(URI, 2, 3).await;
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("spoken by **Dmitry Peskov** — attributed by “said”"),
        "{md}"
    );
    assert!(c.shutdown_and_exit().await);
}
