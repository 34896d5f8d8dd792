// What the extension tests share: the copydesk binary under test, waiting for a condition,
// and the server processes this Node process has started.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

/** The copydesk binary to test (`COPYDESK_BIN`, e.g. target/debug/copydesk). Without it the
 *  tests fail: they are about the real server. */
function copydeskBin() {
  const bin = process.env.COPYDESK_BIN;
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`COPYDESK_BIN must name the copydesk binary (cargo build, then target/debug/copydesk); got ${bin}`);
  }
  return path.resolve(bin);
}

/** Poll until `check()` returns a truthy value; the timeout only prevents a hang. */
async function waitFor(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Child processes of this Node process, as { pid, argv }, read from /proc (Linux). */
function children() {
  const out = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the command name in parentheses, which may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
      if (ppid !== process.pid || state === "Z") continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      out.push({ pid: Number(entry), argv });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-vscode-${name}-`));
}

module.exports = { copydeskBin, waitFor, children, alive, tempDir };
