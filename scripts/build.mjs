// Bundles the CLI (and later the language server and extension) with esbuild into single files that start fast.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
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
