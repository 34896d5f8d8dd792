#!/usr/bin/env bash
# VS Code extension: install the locked dependencies, type-check, build the .vsix (which
# bundles dist/extension.js), then the Node tests: the bundle under a stub `vscode` against
# the real server, the extension's own logic, and the .vsix contents.
# Usage: COPYDESK_BIN=target/debug/copydesk editors/vscode/test.sh
set -euo pipefail
: "${COPYDESK_BIN:?set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)}"
# Absolute, as the tests run from this folder.
COPYDESK_BIN="$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")"
export COPYDESK_BIN
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "vscode test: $tool is not installed (editors/install-tools.sh installs it)" >&2
    exit 1
  fi
done
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "vscode test: Node $(node --version) is too old; @vscode/vsce needs 20 or later" >&2
  exit 1
fi

echo "vscode test: node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
npm run typecheck
# Also runs the production bundle (vscode:prepublish), so the tests below load the
# dist/extension.js that ships.
npm run package
npm test
echo "vscode test: ok"
