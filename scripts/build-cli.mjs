// Bundles the valohai-lint CLI with esbuild into one file that starts fast. Used by scripts/build.mjs (everything) and
// by scripts/prepare.mjs (npm installs of this repository, which build the CLI alone).
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
  const outfile = join(root, 'packages/cli/dist/valohai-lint.js');
  await build({
    entryPoints: [join(root, 'packages/cli/src/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __vlCreateRequire } from 'node:module'; const require = __vlCreateRequire(import.meta.url);" },
    define: { VALOHAI_LINT_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
