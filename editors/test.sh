#!/usr/bin/env bash
# Every editor integration test, against one copydesk binary:
#   COPYDESK_BIN=target/debug/copydesk editors/test.sh
# Each editor's script says what it checks. Under CI (CI set) a missing editor is a failure;
# elsewhere the Neovim and Emacs tests skip with a message.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${COPYDESK_BIN:?set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)}"

echo "== editors: VS Code"
"$here/vscode/test.sh"
echo "== editors: Neovim"
"$here/neovim/test.sh"
echo "== editors: Emacs"
"$here/emacs/test.sh"
echo "== editors: Helix"
python3 "$here/helix/check.py"
