// Where the copydesk program is. In order: the `copydesk.server.path` setting, the binary
// bundled in a platform-specific package (`server/copydesk`), `copydesk` on PATH. A wrong
// setting is reported as such rather than silently replaced by another copydesk, so the
// writer is never checked by a version they did not choose.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export type Found = { path: string; from: "setting" | "bundled" | "PATH" };
export type Missing = { problem: string };

const EXE = process.platform === "win32" ? "copydesk.exe" : "copydesk";

export const INSTALL_HINT =
  "Install it with `cargo install copydesk` (or `cargo install --path .` in a copy of the copydesk repository), " +
  "or set copydesk.server.path to the program.";

export function findServer(opts: {
  setting: string;
  extensionPath: string;
  workspaceFolder?: string;
  envPath?: string;
}): Found | Missing {
  const setting = opts.setting.trim();
  if (setting !== "") {
    const p = resolveSetting(setting, opts.workspaceFolder);
    if (isExecutable(p)) {
      return { path: p, from: "setting" };
    }
    return { problem: `copydesk.server.path is set to “${setting}”, but there is no program there. ${INSTALL_HINT}` };
  }
  const bundled = path.join(opts.extensionPath, "server", EXE);
  if (isExecutable(bundled)) {
    return { path: bundled, from: "bundled" };
  }
  const onPath = searchPath(opts.envPath ?? "");
  if (onPath) {
    return { path: onPath, from: "PATH" };
  }
  return { problem: `The copydesk program was not found. ${INSTALL_HINT}` };
}

/** `~/bin/copydesk` and paths relative to the workspace folder, as people write them. */
function resolveSetting(setting: string, workspaceFolder: string | undefined): string {
  if (setting === "~" || setting.startsWith("~/")) {
    return path.join(os.homedir(), setting.slice(1));
  }
  if (!path.isAbsolute(setting) && workspaceFolder) {
    return path.resolve(workspaceFolder, setting);
  }
  return path.resolve(setting);
}

function searchPath(envPath: string): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === "") {
      continue;
    }
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function isExecutable(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) {
      return false;
    }
    // Windows has no execute bit; the .exe name is what counts there.
    fs.accessSync(p, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
