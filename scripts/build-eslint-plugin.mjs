// Bundles eslint-plugin-valohai into packages/eslint-plugin/dist/index.js: one self-contained ESM file (the private
// workspace packages and their dependencies inside; ESLint, the peer dependency, is never imported), so that a plain
// install of the package needs nothing else. Its types are packages/eslint-plugin/types/index.d.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeExecutable } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildEslintPlugin() {
  const version = JSON.parse(readFileSync(join(root, 'packages/eslint-plugin/package.json'), 'utf8')).version;
  await bundleNodeExecutable({
    entry: join(root, 'packages/eslint-plugin/src/index.ts'),
    outfile: join(root, 'packages/eslint-plugin/dist/index.js'),
    define: { ESLINT_PLUGIN_VALOHAI_VERSION: JSON.stringify(version) },
    shebang: false,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildEslintPlugin();
