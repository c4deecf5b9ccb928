#!/usr/bin/env bash
# What the extension's tests need besides Python and Chromium: Node.js (the build script)
# and web-ext from npm (lints the Firefox build), pinned by package-lock.json; and the real
# editor libraries the browser tests bundle (tests/editors/). Does nothing
# when they are already there, so `make test` stays idempotent.
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm for the extension's tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

stamp="$tools/node_modules/.margin-installed"
if [ ! -f "$stamp" ] || [ "$tools/package-lock.json" -nt "$stamp" ]; then
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

# The real editor libraries the browser tests bundle (tests/editors/, never shipped).
editors="$tools/../../tests/editors"
stamp="$editors/node_modules/.margin-installed"
if [ ! -f "$stamp" ] || [ "$editors/package-lock.json" -nt "$stamp" ]; then
  npm ci --prefix "$editors" --no-audit --no-fund --loglevel=error --legacy-peer-deps
  touch "$stamp"
fi
