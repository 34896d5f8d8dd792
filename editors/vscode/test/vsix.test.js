// What `npm run package` built: copydesk.vsix holds the bundle, the manifest and the README,
// and none of the sources, tests or node_modules (.vscodeignore).
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");

const { zipEntries, zipRead } = require("./zip.js");

const vsix = path.join(__dirname, "..", "copydesk.vsix");

test("the .vsix holds what the extension needs and nothing else", () => {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package first`);
  const names = zipEntries(vsix);
  for (const needed of ["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js"]) {
    assert.ok(names.includes(needed), `${needed} missing from ${names.join(", ")}`);
  }
  assert.ok(
    names.some((n) => /^extension\/readme\.md$/i.test(n)),
    `no README in ${names.join(", ")}`,
  );
  const unwanted = names.filter(
    (n) =>
      n.includes("node_modules/") ||
      n.endsWith(".ts") ||
      n.endsWith(".map") ||
      /^extension\/(src|test)\//.test(n) ||
      /tsconfig|esbuild|package-lock/.test(n),
  );
  assert.deepEqual(unwanted, []);
});

test("the packaged manifest and bundle are the ones VS Code will load", () => {
  const manifest = JSON.parse(zipRead(vsix, "extension/package.json").toString("utf8"));
  assert.equal(manifest.main, "./dist/extension.js");
  assert.equal(manifest.engines.vscode, "^1.82.0");
  assert.ok(manifest.activationEvents.includes("onLanguage:markdown"));
  assert.ok(manifest.activationEvents.includes("onLanguage:plaintext"));
  const commands = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(commands, ["copydesk.restartServer", "copydesk.showEntities"]);

  const bundle = zipRead(vsix, "extension/dist/extension.js").toString("utf8");
  // vscode is left to the editor; vscode-languageclient is inside the bundle.
  assert.match(bundle, /require\(["']vscode["']\)/);
  assert.doesNotMatch(bundle, /require\(["']vscode-languageclient/);
  assert.match(bundle, /copydesk\.showEntities/);
});
