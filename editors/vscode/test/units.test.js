// The extension's own logic without a server: how names are grouped for the quick pick, and
// how a server path setting is read. The TypeScript modules are bundled on the fly with
// esbuild (as the extension is), under the stub `vscode` module.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

require("./stub/load.js");
const { tempDir } = require("./support.js");

function load(entry) {
  const dir = tempDir("unit");
  const outfile = path.join(dir, path.basename(entry, ".ts") + ".js");
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, "..", "src", entry)],
    bundle: true,
    outfile,
    external: ["vscode"],
    format: "cjs",
    platform: "node",
    logLevel: "error",
  });
  const mod = require(outfile);
  fs.rmSync(dir, { recursive: true, force: true });
  return mod;
}

const { groupByName } = load("entities.ts");
const { findServer } = load("server.ts");

function symbol(name, file, line) {
  const uri = `file:///news/${file}`;
  const pos = { line, character: 0 };
  return { name, kind: 19, containerName: file, location: { uri, range: { start: pos, end: pos } } };
}

test("names in more drafts come first; each keeps its first mention", () => {
  const grouped = groupByName([
    symbol("Anna Kuznetsova", "a.md", 3),
    symbol("Port Authority", "a.md", 5),
    symbol("Anna Kuznetsova", "b.md", 1),
    symbol("Boris Ivanov", "b.md", 2),
    symbol("Anna Kuznetsova", "b.md", 9), // twice in one draft counts once
  ]);
  assert.deepEqual(
    grouped.map((e) => [e.name, e.drafts]),
    [
      ["Anna Kuznetsova", ["a.md", "b.md"]],
      ["Boris Ivanov", ["b.md"]],
      ["Port Authority", ["a.md"]],
    ],
  );
  assert.equal(grouped[0].first.uri, "file:///news/a.md");
  assert.equal(grouped[0].first.range.start.line, 3);
});

test("a symbol without a container is labelled by its file name", () => {
  const s = symbol("Anna Kuznetsova", "x", 0);
  delete s.containerName;
  s.location.uri = "file:///news/Council%20notes.txt";
  assert.deepEqual(groupByName([s])[0].drafts, ["Council notes.txt"]);
});

test("a relative server path is read from the workspace folder; an empty one is ignored", () => {
  const folder = tempDir("folder");
  try {
    const program = path.join(folder, "bin", "copydesk");
    fs.mkdirSync(path.dirname(program));
    fs.writeFileSync(program, "#!/bin/sh\n");
    fs.chmodSync(program, 0o755);
    const found = findServer({ setting: "bin/copydesk", extensionPath: folder, workspaceFolder: folder, envPath: "" });
    assert.deepEqual(found, { path: program, from: "setting" });

    // Not executable: not a server.
    fs.chmodSync(program, 0o644);
    const missing = findServer({ setting: "bin/copydesk", extensionPath: folder, workspaceFolder: folder, envPath: "" });
    assert.match(missing.problem, /copydesk\.server\.path is set to “bin\/copydesk”/);

    // Whitespace is no setting: PATH is searched.
    fs.chmodSync(program, 0o755);
    const onPath = findServer({ setting: "  ", extensionPath: folder, envPath: path.dirname(program) });
    assert.deepEqual(onPath, { path: program, from: "PATH" });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
