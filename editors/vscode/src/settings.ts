// The `copydesk.*` settings, and what of them the server sees.
//
// The server reads one section, `copydesk`, and in it only `rules` (see src/lsp/configuration.rs):
// `{"rules": {"claim/hedge": "off"}}`, applied on top of copydesk.toml. So the server gets
// exactly that object and nothing else (not the server path, not the trace level), and a
// rule the writer has not set is absent, so copydesk.toml keeps deciding it.

import * as vscode from "vscode";

export const SECTION = "copydesk";

const LEVELS = new Set(["error", "warning", "info", "hint", "off"]);

export const DEFAULT_FILE_TYPES = ["markdown", "plaintext"];

export function serverPathSetting(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>("server.path") ?? "";
}

export function fileTypes(): string[] {
  const types = vscode.workspace.getConfiguration(SECTION).get<string[]>("fileTypes");
  return Array.isArray(types) && types.length > 0 ? types : DEFAULT_FILE_TYPES;
}

/** Files and unsaved buffers of the chosen languages. */
export function documentSelector(types: string[]): { scheme: string; language: string }[] {
  return types.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}

/** What the server gets for its `copydesk` section. Levels VS Code's schema would reject
 *  anyway are dropped here too, so a hand-edited settings.json cannot confuse the server. */
export function serverSettings(): { rules: Record<string, string> } {
  const rules = vscode.workspace.getConfiguration(SECTION).get<Record<string, unknown>>("rules") ?? {};
  const out: Record<string, string> = {};
  for (const [rule, level] of Object.entries(rules)) {
    if (typeof level === "string" && LEVELS.has(level)) {
      out[rule] = level;
    }
  }
  return { rules: out };
}
