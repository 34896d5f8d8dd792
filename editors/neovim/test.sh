#!/usr/bin/env bash
# Neovim plugin test: Debian's Neovim (0.7) runs test/attach.lua headless against the real
# `copydesk serve`. Usage: COPYDESK_BIN=target/debug/copydesk editors/neovim/test.sh
# Without nvim the test is skipped, except under CI (CI set), where that is a failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${COPYDESK_BIN:?set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)}"
bin="$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")"

if ! command -v nvim >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "neovim test: nvim is not installed (apt-get install -y neovim)" >&2
    exit 1
  fi
  echo "neovim test: skipped, nvim is not installed (apt-get install -y neovim)"
  exit 0
fi

# Fixtures and Neovim's own state (shada, LSP log) in a scratch folder, away from the
# user's configuration and from any .git above the repository's test folder.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -R "$here/test/fixtures" "$scratch/fixtures"

echo "neovim test: $(nvim --version | head -n 1)"
status=0
# timeout only keeps a hung editor from stalling CI; the test's own waits are shorter.
XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state" \
  XDG_CACHE_HOME="$scratch/cache" COPYDESK_BIN="$bin" COPYDESK_PLUGIN="$here" \
  COPYDESK_FIXTURES="$scratch/fixtures" \
  timeout 300 nvim --headless -n -i NONE -u "$here/test/attach.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "neovim test: failed (exit $status; see test/attach.lua for the steps)" >&2
  exit 1
fi
echo "neovim test: ok"
