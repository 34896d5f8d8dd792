// The bundled extension (dist/extension.js) with the real vscode-languageclient against the
// real `copydesk serve` (COPYDESK_BIN), under the stub `vscode` module: activation, the
// initialize handshake, diagnostics, hover, settings, the commands, and shutdown.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");

const vscode = require("./stub/load.js");
const { copydeskBin, waitFor, children, alive, tempDir } = require("./support.js");

const stub = vscode.__stub;
const bin = copydeskBin();
const ext = require("../dist/extension.js");

const drafts = path.join(__dirname, "fixtures", "drafts");
const barrier = path.join(drafts, "barrier.md");
const emptyDir = tempDir("empty");

function servers() {
  return children().filter((c) => c.argv[1] === "serve");
}

/** Activate with these settings, run `body`, and always deactivate, as VS Code does when
 *  the window closes, so one failing test does not leave a server behind for the next. */
async function withExtension(settings, extensionPath, body) {
  stub.settings = settings;
  const ctx = { subscriptions: [], extensionPath };
  try {
    const api = await ext.activate(ctx);
    return await body(api);
  } finally {
    await ext.deactivate();
    ctx.subscriptions.forEach((d) => d.dispose());
    // The client has asked its server to exit but does not wait for the process to end; wait
    // here, so that a server seen by the next test can only have been started by that test.
    await waitFor("the server to exit", () => servers().length === 0, 10000);
  }
}

before(() => {
  stub.workspaceFolders = [{ uri: vscode.Uri.file(drafts), name: "drafts", index: 0 }];
});

after(() => {
  fs.rmSync(emptyDir, { recursive: true, force: true });
});

test("activate starts copydesk serve, initializes, and deactivate stops it", async () => {
  let server;
  const api = await withExtension({ "copydesk.server.path": bin }, emptyDir, async (api) => {
    const client = api.client();
    assert.ok(client, `no client; messages: ${JSON.stringify(stub.messages)}`);
    assert.ok(client.isRunning());

    const init = client.initializeResult;
    assert.equal(init.serverInfo.name, "copydesk");
    assert.match(init.serverInfo.version, /^\d+\.\d+\.\d+/);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.executeCommandProvider.commands.includes("copydesk.acceptSpelling"));

    // The client turned the capabilities into VS Code providers for Markdown and plain text.
    const hover = stub.registrations.find((r) => r.kind === "HoverProvider");
    assert.ok(hover, `registered: ${stub.registrations.map((r) => r.kind)}`);
    const languages = hover.selector.map((f) => f.language);
    assert.ok(languages.includes("markdown") && languages.includes("plaintext"), JSON.stringify(hover.selector));

    const running = servers();
    assert.equal(running.length, 1, JSON.stringify(running));
    assert.equal(running[0].argv[0], bin);
    server = running[0];
    // How it ends: the client would kill a server that outlives `exit`, so the exit status
    // tells a clean shutdown from a kill. (A private field: the only handle on the process.)
    const child = client._serverProcess;
    assert.equal(child.pid, server.pid);
    server.exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    return api;
  });
  // withExtension has called deactivate().
  assert.equal(api.client(), undefined);
  assert.deepEqual(await server.exit, { code: 0, signal: null });
  assert.ok(!alive(server.pid));
});

test("an open draft gets diagnostics and hovers; rule settings reach the server", async () => {
  await withExtension({ "copydesk.server.path": bin }, emptyDir, async () => {
    const doc = stub.openDocument(barrier, "markdown", fs.readFileSync(barrier, "utf8"));
    const key = doc.uri.toString();

    const unbalanced = () => (stub.diagnostics.get(key) || []).find((d) => d.code === "quote/unbalanced");
    const d = await waitFor("a quote/unbalanced diagnostic", unbalanced);
    assert.equal(d.source, "copydesk");
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, 4); // the line that opens the quotation

    // Hover through the provider the client registered, as VS Code would call it.
    const { provider } = stub.registrations.filter((r) => r.kind === "HoverProvider").pop();
    const token = new vscode.CancellationTokenSource().token;
    const hover = await provider.provideHover(doc, d.range.start, token);
    const text = hover.contents.map((c) => c.value ?? c).join("\n");
    assert.match(text, /quote\/unbalanced/);

    // A severity set in the settings is applied on top of copydesk.toml.
    stub.settings["copydesk.rules"] = { "quote/unbalanced": "error" };
    stub.fireConfigurationChange(["copydesk.rules"]);
    await waitFor("the diagnostic to become an error", () => unbalanced()?.severity === vscode.DiagnosticSeverity.Error);

    // And a rule turned off in the settings disappears.
    stub.settings["copydesk.rules"] = { "quote/unbalanced": "off" };
    stub.fireConfigurationChange(["copydesk.rules"]);
    await waitFor("the diagnostic to go", () => stub.diagnostics.has(key) && !unbalanced());
  });
});

test("Show People and Organisations presents the server's workspace symbols", async () => {
  await withExtension({ "copydesk.server.path": bin }, emptyDir, async (api) => {
    // Once the folder is indexed (the server logs it), ask the server directly for what the
    // command should show.
    const output = stub.outputs.at(-1);
    await waitFor("the workspace index", () => /\d+ drafts indexed/.test(output.text));
    const expected = await api.client().sendRequest("workspace/symbol", { query: "" });
    stub.messages.length = 0;
    stub.quickPicks.length = 0;
    stub.pickQuickPick = (items) => items[0];
    await vscode.commands.executeCommand("copydesk.showEntities");

    const names = [...new Set(expected.map((s) => s.name))];
    if (names.length === 0) {
      assert.equal(stub.quickPicks.length, 0);
      assert.match(stub.messages.at(-1).text, /no names of people or organisations/);
    } else {
      const items = stub.quickPicks.at(-1).items;
      assert.deepEqual(items.map((i) => i.label).sort(), names.sort());
      for (const item of items) {
        const drafts = new Set(expected.filter((s) => s.name === item.label).map((s) => s.containerName));
        assert.deepEqual(item.detail.split(", ").sort(), [...drafts].sort());
      }
      // Choosing a name opens its first mention.
      const first = expected.find((s) => s.name === items[0].label);
      assert.equal(stub.shownDocuments.at(-1).uri.toString(), first.location.uri);
    }
  });
});

test("restart replaces the server process", async () => {
  await withExtension({ "copydesk.server.path": bin }, emptyDir, async (api) => {
    const before = servers();
    assert.equal(before.length, 1);
    await vscode.commands.executeCommand("copydesk.restartServer");
    assert.ok(api.client().isRunning());
    await waitFor("the old server to exit", () => !alive(before[0].pid), 10000);
    const now = servers();
    assert.equal(now.length, 1);
    assert.notEqual(now[0].pid, before[0].pid);
  });
});

test("without the setting: the bundled server, then copydesk on PATH", async () => {
  const extension = tempDir("ext");
  const onPath = tempDir("path");
  const savedPath = process.env.PATH;
  try {
    fs.mkdirSync(path.join(extension, "server"));
    fs.symlinkSync(bin, path.join(extension, "server", "copydesk"));
    fs.symlinkSync(bin, path.join(onPath, "copydesk"));
    process.env.PATH = onPath;

    await withExtension({}, extension, async (api) => {
      assert.ok(api.client()?.isRunning());
      assert.deepEqual(servers().map((s) => s.argv[0]), [path.join(extension, "server", "copydesk")]);
    });
    await withExtension({}, emptyDir, async (api) => {
      assert.ok(api.client()?.isRunning());
      assert.deepEqual(servers().map((s) => s.argv[0]), [path.join(onPath, "copydesk")]);
    });
  } finally {
    process.env.PATH = savedPath;
    fs.rmSync(extension, { recursive: true, force: true });
    fs.rmSync(onPath, { recursive: true, force: true });
  }
});

test("no server anywhere: one message with the install command, no client", async () => {
  const savedPath = process.env.PATH;
  process.env.PATH = emptyDir;
  stub.messages.length = 0;
  try {
    await withExtension({}, emptyDir, async (api) => {
      assert.equal(api.client(), undefined);
      const errors = stub.messages.filter((m) => m.level === "error");
      assert.equal(errors.length, 1, JSON.stringify(stub.messages));
      assert.match(errors[0].text, /cargo install copydesk/);
      assert.match(errors[0].text, /cargo install --path \./);
      assert.equal(servers().length, 0);
    });
  } finally {
    process.env.PATH = savedPath;
  }
});

test("a server path setting that names nothing is reported, not replaced", async () => {
  stub.messages.length = 0;
  const setting = { "copydesk.server.path": path.join(emptyDir, "nope", "copydesk") };
  await withExtension(setting, emptyDir, async (api) => {
    assert.equal(api.client(), undefined);
    const errors = stub.messages.filter((m) => m.level === "error");
    assert.equal(errors.length, 1, JSON.stringify(stub.messages));
    assert.match(errors[0].text, /copydesk\.server\.path is set to .*nope/);
    assert.equal(servers().length, 0);
  });
});
