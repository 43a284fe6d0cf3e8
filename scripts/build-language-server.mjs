// Bundles the language server (packages/language-server) with esbuild into packages/language-server/dist/server.js,
// the `valohai-language-server --stdio` executable. Used by scripts/build.mjs; the VS Code extension bundles the same
// entry point itself (extension/esbuild.mjs).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildLanguageServer() {
  const outfile = join(root, 'packages/language-server/dist/server.js');
  const result = await build({
    entryPoints: [join(root, 'packages/language-server/src/main.ts')],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __vlCreateRequire } from 'node:module'; const require = __vlCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // Written to a temporary file and renamed, so a test starting the server while another build runs never reads half a file.
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents, { mode: 0o755 });
  chmodSync(tmp, 0o755);
  renameSync(tmp, outfile);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildLanguageServer();
