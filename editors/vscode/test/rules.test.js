// The settings offer exactly the rules the server knows: `copydesk explain` lists them.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const { copydeskBin } = require("./support.js");

test("copydesk.rules lists each rule of `copydesk explain`, with the server's levels", () => {
  const listing = execFileSync(copydeskBin(), ["explain"], { encoding: "utf8" });
  // Lines like "    claim/hedge   info   A hedge …".
  const serverRules = [...listing.matchAll(/^\s+([a-z]+\/[a-z-]+)\s/gm)].map((m) => m[1]).sort();
  assert.ok(serverRules.length >= 7, listing);

  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  const rules = manifest.contributes.configuration.properties["copydesk.rules"];
  assert.deepEqual(Object.keys(rules.properties).sort(), serverRules);
  for (const [id, schema] of Object.entries(rules.properties)) {
    assert.deepEqual(schema.enum, ["error", "warning", "info", "hint", "off"], id);
  }
});
