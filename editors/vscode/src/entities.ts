// "Show People and Organisations in the Workspace": every name the server found across the
// drafts, in a quick pick; choosing one opens its first mention.
//
// The data is the server's `workspace/symbol` answer for the empty query: one symbol per
// entity per draft, at its first mention there (src/lsp/symbols.rs). Grouped by name here,
// that says which drafts name whom.

import * as vscode from "vscode";
import { LanguageClient, Location, SymbolInformation, WorkspaceSymbol, WorkspaceSymbolRequest } from "vscode-languageclient/node";

export type Entity = { name: string; drafts: string[]; first: Location | { uri: string } };

export async function showEntities(client: LanguageClient): Promise<void> {
  const symbols = await client.sendRequest(WorkspaceSymbolRequest.type, { query: "" });
  const entities = groupByName(symbols ?? []);
  if (entities.length === 0) {
    await vscode.window.showInformationMessage(
      "copydesk: no names of people or organisations in the drafts of this workspace (yet: the folder may still be indexing).",
    );
    return;
  }
  const items = entities.map((e) => ({
    label: e.name,
    description: e.drafts.length === 1 ? "1 draft" : `${e.drafts.length} drafts`,
    detail: e.drafts.join(", "),
    entity: e,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: "copydesk: people and organisations",
    placeHolder: "Choose a name to open its first mention",
    matchOnDetail: true,
  });
  if (!picked) {
    return;
  }
  const first = picked.entity.first;
  const uri = client.protocol2CodeConverter.asUri(first.uri);
  const selection = "range" in first ? client.protocol2CodeConverter.asRange(first.range) : undefined;
  await vscode.window.showTextDocument(uri, { selection });
}

/** Names mentioned in the most drafts first, then alphabetically; each with the drafts
 *  that mention it, by file name, and its first mention in the first of them. */
export function groupByName(symbols: (SymbolInformation | WorkspaceSymbol)[]): Entity[] {
  const byName = new Map<string, Entity>();
  for (const s of symbols) {
    const draft = s.containerName ?? fileName(s.location.uri);
    const e = byName.get(s.name);
    if (e) {
      if (!e.drafts.includes(draft)) {
        e.drafts.push(draft);
      }
    } else {
      byName.set(s.name, { name: s.name, drafts: [draft], first: s.location });
    }
  }
  return [...byName.values()].sort((a, b) => b.drafts.length - a.drafts.length || a.name.localeCompare(b.name));
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}
