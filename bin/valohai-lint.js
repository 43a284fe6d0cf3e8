#!/usr/bin/env node
// The `valohai-lint` command when this repository is installed as an npm package (pre-commit's `language: node`, a
// git install): runs the bundled CLI, which the `prepare` script builds when npm installs or packs the repository.
import { existsSync } from 'node:fs';

const bundle = new URL('../packages/cli/dist/valohai-lint.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('valohai-lint: the CLI bundle packages/cli/dist/valohai-lint.js is missing; build it with `npm test` or `node scripts/build.mjs`.\n');
  process.exit(2);
}
await import(bundle.href);
