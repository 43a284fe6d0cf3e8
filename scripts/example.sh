#!/usr/bin/env bash
# Quick start, part 1: set everything up, then lint the bundled example project and show what valohai-lint finds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
echo "\$ valohai-lint examples/" >&2
set +e
node packages/cli/dist/valohai-lint.js examples/
code=$?
set -e
if [ "$code" -eq 1 ]; then
  echo "(exit code 1: the example project contains deliberate mistakes, as shown above)" >&2
  exit 0
fi
exit "$code"
