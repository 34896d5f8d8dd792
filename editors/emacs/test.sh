#!/usr/bin/env bash
# Emacs test: Emacs 28 + eglot 1.9 (Debian's emacs-nox and elpa-eglot) in batch mode connect
# to the real `copydesk serve` through copydesk.el. Usage:
#   COPYDESK_BIN=target/debug/copydesk editors/emacs/test.sh
# Without Emacs or eglot the test is skipped, except under CI (CI set), where that fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${COPYDESK_BIN:?set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)}"
bin="$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")"

missing=""
if ! command -v emacs >/dev/null 2>&1; then
  missing="emacs"
elif ! emacs --batch -q --eval '(require (quote eglot))' >/dev/null 2>&1; then
  missing="eglot"
fi
if [ -n "$missing" ]; then
  if [ -n "${CI:-}" ]; then
    echo "emacs test: $missing is not installed (apt-get install -y emacs-nox elpa-eglot)" >&2
    exit 1
  fi
  echo "emacs test: skipped, $missing is not installed (apt-get install -y emacs-nox elpa-eglot)"
  exit 0
fi

# The draft and its .dir-locals.el in a scratch folder, with a scratch HOME so no user
# configuration takes part (-q skips init files; Debian's site-start still loads eglot).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -R "$here/test/fixtures" "$scratch/drafts"

echo "emacs test: $(emacs --version | head -n 1)"
status=0
# timeout only keeps a hung editor from stalling CI; the test's own waits are shorter.
HOME="$scratch" COPYDESK_BIN="$bin" COPYDESK_DRAFT="$scratch/drafts/barrier.txt" \
  timeout 300 emacs --batch -q -L "$here" -l "$here/test/batch.el" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "emacs test: failed (exit $status; see test/batch.el for the steps)" >&2
  exit 1
fi
echo "emacs test: ok"
