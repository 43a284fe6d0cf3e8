#!/usr/bin/env node
// The `valohai-lint` command when this repository is installed as an npm package (pre-commit's `language: node`, a
// git install): runs the bundled CLI, which the `prepare` script builds when npm installs or packs the repository.
// CommonJS, like the launcher it starts, because Node starts CommonJS faster than an ES module.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const launcher = join(__dirname, '../packages/cli/dist/valohai-lint.js');
if (!existsSync(launcher)) {
  process.stderr.write('valohai-lint: the CLI bundle packages/cli/dist/valohai-lint.js is missing; build it with `npm test` or `node scripts/build.mjs`.\n');
  process.exit(2);
}
require(launcher);
