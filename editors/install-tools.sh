#!/usr/bin/env bash
# Installs what the editor tests need, only what is missing (for .ci/run on a fresh machine):
# Neovim, Emacs with eglot, Python 3 (Debian packages), and Node.js 20 or later with npm
# (@vscode/vsce needs 20). Debian 12 packages Node 18; when that is all there is, Node 20
# comes from the npm registry (the node-linux-<arch> package holds the official binary)
# into a cache folder, and this script prints the PATH entry to use.
#
# Usage: eval "$(editors/install-tools.sh)"   (it prints `export PATH=...` when needed)
set -euo pipefail

log() { echo "$@" >&2; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  log "installing with apt-get: $*"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
if ! emacs --batch -q --eval '(require (quote eglot))' >/dev/null 2>&1; then missing+=(elpa-eglot); fi
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${missing[*]} and no apt-get to install them"
    exit 1
  fi
  apt_install "${missing[@]}"
fi

node_major() { node -p 'process.versions.node.split(".")[0]'; }
if [ "$(node_major)" -lt 20 ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) log "Node $(node --version) is too old for @vscode/vsce and there is no Node 20 package for $(uname -m)"; exit 1 ;;
  esac
  prefix="${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-ci/node20"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    log "Node $(node --version) is too old for @vscode/vsce; installing node-linux-$arch@20 from the npm registry"
    npm install --prefix "$prefix" --no-audit --no-fund "node-linux-$arch@20" >&2
  fi
  echo "export PATH=\"$prefix/node_modules/.bin:\$PATH\""
fi
