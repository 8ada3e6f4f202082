#!/bin/sh
# Installs what rasd needs to build and test, and nothing that is already there.
# Safe to run any number of times. Needs root (or sudo) only when something is missing.
set -eu

DEBS="build-essential pkg-config clang libclang-rt-14-dev libxml2-dev libjansson-dev \
libzstd-dev libutf8proc-dev libsqlite3-dev libmicrohttpd-dev valgrind zstd \
chromium fonts-noto-core"
# The web UI's libraries and browser tests come from npm; Debian's Node.js
# will do where the machine has none of its own.
command -v npm >/dev/null 2>&1 || DEBS="$DEBS nodejs npm"

missing=""
for p in $DEBS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
else
  echo "setup: Debian packages present"
fi

# Browser-side packages for the web UI and its tests (issue: analyst interface).
if [ -f web/package.json ] && command -v npm >/dev/null 2>&1; then
  if [ ! -d web/node_modules ] || [ web/package.json -nt web/node_modules ]; then
    echo "setup: installing npm packages for web/"
    (cd web && npm install --no-audit --no-fund --silent) && touch web/node_modules
  fi
fi
