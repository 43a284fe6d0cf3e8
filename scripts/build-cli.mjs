// Bundles the valohai-lint CLI into packages/cli/dist/valohai-lint.js. Used by scripts/build.mjs (everything), by
// scripts/prepare.mjs (npm installs of this repository, which build the CLI alone) and by the CLI tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeExecutable } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
  await bundleNodeExecutable({
    entry: join(root, 'packages/cli/src/bin.ts'),
    outfile: join(root, 'packages/cli/dist/valohai-lint.js'),
    define: { VALOHAI_LINT_VERSION: JSON.stringify(version) },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
