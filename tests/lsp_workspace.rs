//! The workspace side of the server: background indexing with progress, name-variant fixes
//! across drafts, "accept this spelling", configuration reloads, editor settings, pulled
//! diagnostics, closing a draft, and drafts that depend on each other.

mod lsp_support;

use std::time::Duration;

use serde_json::{Value, json};

use lsp_support::{Client, PATIENCE, TempDir, apply_edits, variants_analyzer};

static POUTINE: &[(&str, &str)] = &[("Poutine", "Vladimir Putin")];

/// A server whose analysis flags every "Poutine" (see `variants_analyzer`).
fn with_variants() -> Client {
    Client::with_options(copydesk::lsp::Options {
        analyzer: Some(variants_analyzer(POUTINE)),
    })
}

/// Drafts by the same desk: one spells the Kremlin spokesman's name the usual way, the
/// other its own way; the names analysis ties both to one person.
const PESKOV: &str =
    "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said the talks would resume, and Peskov left.\n";
const PESKOFF: &str = "Dmitry Peskoff did not comment. Peskoff stayed at home, officials confirmed.\n";

fn position_of(seen: &[Value], pred: impl Fn(&Value) -> bool) -> usize {
    seen.iter().position(pred).expect("message seen")
}

/// The people the folder names, by workspace symbols.
async fn people(c: &mut Client) -> Vec<String> {
    let found = c.call("workspace/symbol", json!({"query": ""})).await;
    let mut names: Vec<String> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["containerName"] == "person")
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

async fn indexed(c: &mut Client) {
    c.wait_for("the end of indexing", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indexing_reports_progress_and_honours_gitignore() {
    let dir = TempDir::new("index");
    dir.write("a.md", "Kremlin spokesman Dmitry Peskov spoke on Monday.\n");
    dir.write(
        "notes/b.txt",
        "Foreign ministry spokeswoman Maria Zakharova said nothing on Tuesday.\n",
    );
    dir.write("ignored/c.md", "Foreign Minister Sergei Lavrov arrived in Geneva.\n");
    dir.write(".gitignore", "ignored/\n");
    dir.write(".hidden/d.md", "Kremlin aide Yuri Ushakov spoke on Monday.\n");
    dir.write("e.rs", "// Foreign Minister Sergei Lavrov arrived in Geneva.\n");
    let mut c = Client::start();
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&dir.0])
        .await;
    let end = c
        .wait_for("the end of indexing", |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        })
        .await;
    assert_eq!(end["params"]["value"]["message"], "2 drafts indexed");
    let token = end["params"]["token"].clone();
    let created = position_of(&c.seen, |m| {
        m["method"] == "window/workDoneProgress/create" && m["params"]["token"] == token
    });
    let begun = position_of(&c.seen, |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin"
    });
    assert!(created < begun, "the token is created before it is used");
    assert_eq!(people(&mut c).await, vec!["Dmitry Peskov", "Maria Zakharova"]);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn variant_fixes_for_one_the_draft_and_the_workspace_and_accepting_a_spelling() {
    let dir = TempDir::new("variants");
    let other = "Poutine said nothing.\n";
    dir.write("other.md", other);
    dir.write(
        "copydesk.toml",
        "# house rules\n[rules]\n\"claim/hedge\" = \"off\" # we hedge\n",
    );
    let mut c = with_variants();
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&dir.0])
        .await;
    c.wait_for("indexing", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    })
    .await;
    let uri = dir.uri("a.md");
    let text = "Poutine spoke. Vladimir Putin listened. Poutine left.\n";
    c.open(&uri, "markdown", 1, text).await;
    let d = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d.iter().all(|x| x["code"] == "name/variant"));

    let actions = c
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d[0]["range"], "context": {"diagnostics": [d[0]]}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    let titled = |t: &str| {
        actions
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(t))
            .unwrap_or_else(|| panic!("no action “{t}” in {actions:#?}"))
    };
    let one = titled("Replace with “Vladimir Putin”");
    assert_eq!(one["isPreferred"], true);
    assert_eq!(
        apply_edits(text, one["edit"]["changes"][&uri].as_array().unwrap()),
        "Vladimir Putin spoke. Vladimir Putin listened. Poutine left.\n"
    );
    let all = titled("Replace all 2 “Poutine” with “Vladimir Putin” in this draft");
    assert_eq!(
        apply_edits(text, all["edit"]["changes"][&uri].as_array().unwrap()),
        "Vladimir Putin spoke. Vladimir Putin listened. Vladimir Putin left.\n"
    );
    let everywhere = titled("Replace all 3 “Poutine” with “Vladimir Putin” in 2 drafts");
    let changes = everywhere["edit"]["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 2, "one WorkspaceEdit for both drafts");
    assert_eq!(
        apply_edits(other, changes[&dir.uri("other.md")].as_array().unwrap()),
        "Vladimir Putin said nothing.\n"
    );
    let accept = titled("Accept the spelling “Poutine”");
    assert_eq!(accept["command"]["command"], "copydesk.acceptSpelling");

    c.call(
        "workspace/executeCommand",
        json!({"command": "copydesk.acceptSpelling", "arguments": accept["command"]["arguments"]}),
    )
    .await;
    let toml = std::fs::read_to_string(dir.0.join("copydesk.toml")).unwrap();
    assert_eq!(
        toml,
        "# house rules\n[rules]\n\"claim/hedge\" = \"off\" # we hedge\n\n[names]\naccept = [\"Poutine\"]\n"
    );
    // Reloaded without a restart: the variant is no longer flagged.
    assert_eq!(c.diagnostics(&uri, Some(1)).await, Vec::<Value>::new());
    let r = c
        .request(
            "workspace/executeCommand",
            json!({"command": "copydesk.nope", "arguments": []}),
        )
        .await;
    assert_eq!(r["error"]["code"], -32602);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepting_a_spelling_creates_the_configuration_at_the_workspace_root() {
    let dir = TempDir::new("accept-new");
    let mut c = with_variants();
    c.initialize(json!({}), &[&dir.0]).await;
    let uri = dir.uri("desk/a.md");
    c.open(&uri, "markdown", 1, "Poutine spoke.\n").await;
    assert_eq!(c.diagnostics(&uri, Some(1)).await.len(), 1);
    c.call(
        "workspace/executeCommand",
        json!({"command": "copydesk.acceptSpelling", "arguments": [{"uri": uri, "spelling": "Poutine"}]}),
    )
    .await;
    assert_eq!(
        std::fs::read_to_string(dir.0.join("copydesk.toml")).unwrap(),
        "[names]\naccept = [\"Poutine\"]\n"
    );
    assert_eq!(c.diagnostics(&uri, Some(1)).await, Vec::<Value>::new());
    assert!(c.shutdown_and_exit().await);
}

const UNBALANCED: &str = "“We will keep working on it, the spokesman said.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_is_reloaded_when_a_watched_file_changes() {
    let dir = TempDir::new("reload");
    let toml = dir.write("copydesk.toml", "[rules]\n\"quote/unbalanced\" = \"error\"\n");
    let mut c = Client::start();
    c.initialize(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        &[&dir.0],
    )
    .await;
    let reg = c
        .wait_for("the watcher registration", |m| {
            m["method"] == "client/registerCapability"
        })
        .await;
    assert_eq!(
        reg["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    let uri = dir.uri("a.md");
    c.open(&uri, "markdown", 1, UNBALANCED).await;
    let d = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(d[0]["severity"], 1, "error, from copydesk.toml");

    std::fs::write(&toml, "[rules]\n\"quote/unbalanced\" = \"off\"\n").unwrap();
    let changed = json!({"changes": [{"uri": dir.uri("copydesk.toml"), "type": 2}]});
    c.notify("workspace/didChangeWatchedFiles", changed.clone()).await;
    assert_eq!(c.diagnostics(&uri, Some(1)).await, Vec::<Value>::new());

    // A broken file: the writer is told where, and the last good configuration stays.
    std::fs::write(&toml, "[rules]\n\"quote/unbalanced\" = 7\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed).await;
    let shown = c
        .wait_for("the configuration error", |m| m["method"] == "window/showMessage")
        .await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("copydesk.toml:2") && message.contains("last good"),
        "{message}"
    );
    c.change(&uri, 2, json!([{"text": UNBALANCED}])).await;
    assert_eq!(c.diagnostics(&uri, Some(2)).await, Vec::<Value>::new(), "still off");
    assert!(c.shutdown_and_exit().await);
}

/// The next diagnostics for `uri` at `version` whose first severity is `severity` (or
/// that are empty, for `None`).
async fn diagnostics_with(c: &mut Client, uri: &str, version: i64, severity: Option<i64>) {
    c.wait_for("diagnostics at a given severity", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"] == version
            && m["params"]["diagnostics"][0]["severity"].as_i64() == severity
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_settings_set_rule_levels() {
    let mut c = Client::start();
    *c.settings.lock().unwrap() = json!({"rules": {"quote/unbalanced": "hint"}});
    c.initialize(
        json!({"workspace": {"configuration": true, "inlayHint": {"refreshSupport": true}}}),
        &[],
    )
    .await;
    c.wait_for("a settings request", |m| m["method"] == "workspace/configuration")
        .await;
    let uri = "untitled:settings";
    c.open(uri, "markdown", 1, UNBALANCED).await;
    diagnostics_with(&mut c, uri, 1, Some(4)).await;

    // Pull style: the client only says something changed; the server asks.
    *c.settings.lock().unwrap() = json!({"rules": {"quote/unbalanced": "off"}});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}))
        .await;
    diagnostics_with(&mut c, uri, 1, None).await;
    c.wait_for("the editor asked to refresh inlay hints", |m| {
        m["method"] == "workspace/inlayHint/refresh"
    })
    .await;

    // Push style: the settings come with the notification.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"quote/unbalanced": "error", "quote/nope": "off"}}}}),
    )
    .await;
    diagnostics_with(&mut c, uri, 1, Some(1)).await;
    let warned = c
        .wait_for("a warning about the unknown rule", |m| {
            m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("quote/nope")
        })
        .await;
    assert_eq!(warned["params"]["type"], 2);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_pull_diagnostics_are_not_pushed_to() {
    let mut c = Client::start();
    c.initialize(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        &[],
    )
    .await;
    let uri = "untitled:pull";
    c.open(uri, "markdown", 1, UNBALANCED).await;
    let report = c
        .call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"][0]["code"], "quote/unbalanced");
    c.change(uri, 2, json!([{"text": "Fine now.\n"}])).await;
    let report = c
        .call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(report["items"], json!([]), "the report is for the current version");
    c.drain();
    assert!(
        !c.seen.iter().any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "nothing pushed: {:#?}",
        c.seen
    );
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_pulls_is_asked_to_pull_again_after_a_settings_change() {
    let mut c = Client::start();
    c.initialize(
        json!({"workspace": {"configuration": true, "diagnostics": {"refreshSupport": true}},
               "textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        &[],
    )
    .await;
    let uri = "untitled:pull-refresh";
    c.open(uri, "markdown", 1, UNBALANCED).await;
    let report = c
        .call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(report["items"][0]["code"], "quote/unbalanced");

    // No edit, so the client has no reason to pull: the server must ask it to.
    *c.settings.lock().unwrap() = json!({"rules": {"quote/unbalanced": "off"}});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}))
        .await;
    c.wait_for("the editor asked to pull diagnostics again", |m| {
        m["method"] == "workspace/diagnostic/refresh"
    })
    .await;
    let report = c
        .call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(report["items"], json!([]), "the rule is off now");
    assert!(c.shutdown_and_exit().await);
}

/// How many mentions of Peskov the server finds from b.md's "Peskov".
async fn references(c: &mut Client, uri: &str) -> usize {
    let r = c
        .call(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 16}, "context": {"includeDeclaration": true}}),
        )
        .await;
    r.as_array().unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_draft_is_read_from_disk_again() {
    let dir = TempDir::new("close");
    let b_text = "Officials said Peskov would travel.\n";
    dir.write("a.md", "Kremlin spokesman Dmitry Peskov spoke on Monday.\n");
    dir.write("b.md", b_text);
    let mut c = Client::start();
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&dir.0])
        .await;
    indexed(&mut c).await;
    let (a, b) = (dir.uri("a.md"), dir.uri("b.md"));
    c.open(&a, "markdown", 1, PESKOV).await;
    c.open(&b, "markdown", 1, b_text).await;
    c.diagnostics(&a, Some(1)).await;
    c.diagnostics(&b, Some(1)).await;
    assert_eq!(
        references(&mut c, &b).await,
        4,
        "three in the open buffer of a.md, one in b.md"
    );
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}))
        .await;
    assert_eq!(c.diagnostics(&a, None).await, Vec::<Value>::new());
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let n = references(&mut c, &b).await;
        if n == 2 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "a.md was not read from disk again ({n} references)"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_over_max_file_bytes_is_skipped_with_one_message() {
    let dir = TempDir::new("too-large");
    dir.write("copydesk.toml", "max_file_bytes = 40\n");
    let mut c = Client::start();
    c.initialize(json!({}), &[&dir.0]).await;
    let uri = dir.uri("big.md");
    c.open(&uri, "markdown", 1, UNBALANCED).await;
    let shown = c
        .wait_for("the too-large message", |m| m["method"] == "window/showMessage")
        .await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("not checked") && message.contains("max_file_bytes (40)"),
        "{message}"
    );
    assert_eq!(c.diagnostics(&uri, None).await, Vec::<Value>::new());
    assert_eq!(
        c.hover(&uri, 0, 0).await,
        Value::Null,
        "answered at once, not after a wait"
    );
    // Cut down below the limit, it is checked again.
    c.change(&uri, 2, json!([{"text": "“Never closed, he said.\n"}])).await;
    assert_eq!(c.diagnostics(&uri, Some(2)).await.len(), 1);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn added_workspace_folders_are_indexed() {
    let first = TempDir::new("folder-one");
    first.write("a.md", "Kremlin spokesman Dmitry Peskov spoke on Monday.\n");
    let second = TempDir::new("folder-two");
    second.write(
        "b.md",
        "Foreign ministry spokeswoman Maria Zakharova said nothing on Tuesday.\n",
    );
    let mut c = Client::start();
    c.initialize(json!({"window": {"workDoneProgress": true}}), &[&first.0])
        .await;
    indexed(&mut c).await;
    c.seen.clear();
    assert_eq!(people(&mut c).await, vec!["Dmitry Peskov"]);
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": lsp_support::file_uri(&second.0), "name": "two"}], "removed": [{"uri": lsp_support::file_uri(&first.0), "name": "one"}]}}),
    )
    .await;
    indexed(&mut c).await;
    assert_eq!(people(&mut c).await, vec!["Maria Zakharova"]);
    assert!(c.shutdown_and_exit().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_in_one_draft_republishes_the_drafts_that_depend_on_it() {
    let dir = TempDir::new("dependents");
    let mut c = Client::start();
    c.initialize(json!({}), &[&dir.0]).await;
    let (a, b) = (dir.uri("a.md"), dir.uri("b.md"));
    c.open(&a, "markdown", 1, PESKOV).await;
    c.diagnostics(&a, Some(1)).await;
    c.open(&b, "markdown", 1, PESKOFF).await;
    let d = c.diagnostics(&b, Some(1)).await;
    assert_eq!(d.len(), 2, "both “Peskoff” differ from a.md's “Peskov”: {d:#?}");
    assert!(d.iter().all(|x| x["code"] == "name/variant"));
    assert_eq!(
        d[0]["relatedInformation"][0]["location"]["uri"], a,
        "points at the other draft"
    );
    let actions = c
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": b}, "range": d[0]["range"], "context": {"diagnostics": [d[0]]}}),
        )
        .await;
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["isPreferred"] == true)
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(
        apply_edits(PESKOFF, fix["edit"]["changes"][&b].as_array().unwrap()),
        PESKOFF.replacen("Peskoff", "Peskov", 1)
    );

    // a.md stops naming Peskov: b.md, unchanged itself, is published again, clean.
    c.change(&a, 2, json!([{"text": "The Kremlin said nothing on Monday.\n"}]))
        .await;
    c.diagnostics(&a, Some(2)).await;
    assert_eq!(c.diagnostics(&b, Some(1)).await, Vec::<Value>::new());
    assert!(c.shutdown_and_exit().await);
}
