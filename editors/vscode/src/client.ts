// The language client for one run of `copydesk serve`.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { SECTION, documentSelector, fileTypes, serverSettings } from "./settings";

// The id makes the client read its trace level from `copydesk.trace.server`.
const ID = "copydesk";

export function createClient(command: string, output: vscode.OutputChannel): LanguageClient {
  const run = { command, args: ["serve"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(fileTypes()),
    outputChannel: output,
    middleware: {
      workspace: {
        // The server asks for the `copydesk` section; answer with the part it reads.
        configuration: (params, token, next) => {
          const sections = params.items.map((item) => item.section);
          if (sections.every((s) => s === SECTION)) {
            return sections.map(() => serverSettings());
          }
          return next(params, token);
        },
      },
    },
  };
  return new LanguageClient(ID, "copydesk", serverOptions, clientOptions);
}

/** Tell a running server that the rule levels changed. It applies pushed settings at once,
 *  without asking back. */
export async function pushSettings(client: LanguageClient): Promise<void> {
  await client.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { [SECTION]: serverSettings() },
  });
  pullDiagnosticsAgain(client);
}

/** VS Code pulls diagnostics, and pulls again when the server sends
 *  `workspace/diagnostic/refresh`. copydesk 0.1 sends that only when a draft other than the
 *  one re-analysed changed, so after a settings change the open drafts would keep their old
 *  diagnostics until the next edit. Pulling once more is harmless: the server answers a
 *  pull with the findings of the newest analysis, waiting for it if need be. */
function pullDiagnosticsAgain(client: LanguageClient): void {
  const feature = client.getFeature(DocumentDiagnosticRequest.method);
  if (!feature) {
    return;
  }
  const providers = new Set(vscode.workspace.textDocuments.map((doc) => feature.getProvider(doc)));
  for (const provider of providers) {
    provider?.onDidChangeDiagnosticsEmitter.fire();
  }
}
