#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release that runs on Node 20) into .tools/code-server for the
# VS Code extension test. Idempotent: does nothing when that version is already there. Needs Debian's ripgrep and
# libkrb5-dev (scripts/install-tools.sh installs both) because the install may only reach the npm registry:
#   - @vscode/ripgrep would download rg from elsewhere, so its download cache is seeded with Debian's rg;
#   - kerberos falls back to compiling from source, which needs the Kerberos headers;
#   - node-pty's post-install runs `npx node-gyp`, so npm must not ask (npm_config_yes=true);
#   - code-server's post-install refuses to run as root without --unsafe-perm.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11          # the @vscode/ripgrep that code-server 4.100.3 installs
RIPGREP_TAG=v13.0.0-10               # the rg release its lib/postinstall.js downloads
DEST="$PWD/.tools/code-server"
BIN="$DEST/node_modules/.bin/code-server"

# `--config /dev/null` and a throwaway HOME: without them code-server writes a default config into ~/.config.
installed_version() {
  [ -x "$BIN" ] || return 0
  local home
  home="$(mktemp -d)"
  HOME="$home" "$BIN" --config /dev/null --version 2>/dev/null | awk 'NR == 1 { print $1 }'
  rm -rf "$home"
}
if [ "$(installed_version)" = "$VERSION" ]; then
  exit 0
fi
command -v rg >/dev/null 2>&1 || { echo "install-code-server: rg is missing; run scripts/install-tools.sh" >&2; exit 1; }

echo "install-code-server: installing code-server $VERSION into .tools/code-server (about a minute)" >&2
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
tarball="$cache/ripgrep-$RIPGREP_TAG-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$tarball" ]; then
  mkdir -p "$cache"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$tarball" -C "$staging" rg
  rm -rf "$staging"
fi

rm -rf "$DEST"
mkdir -p "$DEST"
echo '{"private":true}' > "$DEST/package.json"
log="$(mktemp)"
if ! (cd "$DEST" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund --loglevel=error "code-server@$VERSION") >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
installed="$(installed_version)"
if [ "$installed" != "$VERSION" ]; then
  echo "install-code-server: expected code-server $VERSION, got '$installed'" >&2
  exit 1
fi
echo "install-code-server: code-server $VERSION ready" >&2
