#!/usr/bin/env bash
# Quick start, part 2: set everything up, then run every check and test: generated files up to date, types, lint of
# the project's own code, and the whole test suite (unit, fixtures, docs examples, corpus parity, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/install-tools.sh
bash scripts/install-code-server.sh   # real VS Code for test/extension (needs install-tools.sh first)
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
echo "== generated files" >&2
node scripts/gen-rule-index.mjs --check
node scripts/gen-schema-validator.mjs --check
node --import tsx scripts/gen-docs-index.ts --check
echo "== typecheck" >&2
pnpm exec tsc -p tsconfig.json
pnpm exec tsc -p extension/tsconfig.json
pnpm exec tsc -p extension/webview/tsconfig.json
echo "== eslint" >&2
pnpm exec eslint --max-warnings 0 .
echo "== tests" >&2
pnpm exec vitest run
