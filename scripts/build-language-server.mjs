// Bundles the language server into packages/language-server/dist/server.js, the `valohai-language-server --stdio`
// executable. Used by scripts/build.mjs and the LSP tests; the VS Code extension bundles the same entry point itself
// (extension/esbuild.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeExecutable } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildLanguageServer() {
  await bundleNodeExecutable({ entry: join(root, 'packages/language-server/src/main.ts'), outfile: join(root, 'packages/language-server/dist/server.js') });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildLanguageServer();
