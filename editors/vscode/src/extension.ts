// Entry point: start `copydesk serve` for Markdown and plain-text drafts, keep it in step with
// the settings, and offer two commands (restart, show the names in the workspace).

import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";

import { createClient, pushSettings } from "./client";
import { showEntities } from "./entities";
import { findServer } from "./server";
import { SECTION, serverPathSetting } from "./settings";

/** What `activate` returns: other extensions (and the tests) can reach the running client. */
export interface Api {
  client(): LanguageClient | undefined;
}

let current: LanguageClient | undefined;
// One channel for every run of the server, so a restart does not add another.
let output: vscode.OutputChannel;
// Start and stop one at a time, so a restart during a start cannot leave two servers.
let queue: Promise<void> = Promise.resolve();

function serialized(step: () => Promise<void>): Promise<void> {
  queue = queue.then(step, step);
  return queue;
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  output = vscode.window.createOutputChannel("copydesk");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("copydesk.restartServer", () =>
      serialized(async () => {
        await stop();
        await start(context.extensionPath);
      }),
    ),
    vscode.commands.registerCommand("copydesk.showEntities", async () => {
      if (!current?.isRunning()) {
        await vscode.window.showWarningMessage("copydesk is not running. Run “copydesk: Restart Server” to start it.");
        return;
      }
      await showEntities(current);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.server.path`) || event.affectsConfiguration(`${SECTION}.fileTypes`)) {
        // Another program or other file types: only a new client can take them.
        void serialized(async () => {
          await stop();
          await start(context.extensionPath);
        });
      } else if (event.affectsConfiguration(`${SECTION}.rules`) && current?.isRunning()) {
        void pushSettings(current);
      }
    }),
  );
  await serialized(() => start(context.extensionPath));
  return { client: () => current };
}

export function deactivate(): Promise<void> {
  return serialized(stop);
}

async function start(extensionPath: string): Promise<void> {
  const found = findServer({
    setting: serverPathSetting(),
    extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    envPath: process.env.PATH,
  });
  if ("problem" in found) {
    output.appendLine(found.problem);
    // Not awaited: the message stays until the writer dismisses it.
    void vscode.window.showErrorMessage(found.problem, "Open Settings").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.server.path`);
      }
    });
    return;
  }
  output.appendLine(`copydesk: starting ${found.path} serve (found via ${found.from})`);
  const client = createClient(found.path, output);
  current = client;
  try {
    await client.start();
  } catch (e) {
    // The client has already logged the details to the output channel.
    current = undefined;
    void vscode.window.showErrorMessage(`copydesk could not start ${found.path}: ${e instanceof Error ? e.message : e}`);
  }
}

async function stop(): Promise<void> {
  const client = current;
  current = undefined;
  if (client) {
    try {
      // shutdown, exit, and wait (up to 2 s) for the process to end.
      await client.dispose();
    } catch (e) {
      // A server that does not answer is killed by the client; say so and go on.
      output.appendLine(`copydesk: stopping the server: ${e instanceof Error ? e.message : e}`);
    }
  }
}
