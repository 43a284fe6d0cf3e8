#!/usr/bin/env bash
# Sets up a fresh clone with only Node 20 and npm: installs the pinned pnpm into .tools/ (no global changes),
# installs the workspace from the lockfile and builds the bundles. Idempotent and quiet when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=12.4.2
TOOLS="$PWD/.tools"
PNPM="$TOOLS/node_modules/.bin/pnpm"
if [ ! -x "$PNPM" ] || [ "$("$PNPM" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION into .tools/" >&2
  mkdir -p "$TOOLS"
  # pnpm's install script swaps in its native binary; npm 11 asks for that to be allowed explicitly.
  echo '{"private":true,"allowScripts":{"pnpm":true}}' > "$TOOLS/package.json"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"
"$PNPM" install --frozen-lockfile --reporter=silent >&2
"$PNPM" run --silent build >&2
