// One esbuild recipe for the Node executables (the CLI and the language server) and the ESLint plugin: a single minified
// ESM file (with a shebang for executables), written to a temporary file and renamed, so a process starting it during a
// rebuild never reads half a file.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleNodeExecutable({ entry, outfile, define = {}, executable = true }) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: `${executable ? '#!/usr/bin/env node\n' : ''}import { createRequire as __vlCreateRequire } from 'node:module'; const require = __vlCreateRequire(import.meta.url);` },
    define,
    logLevel: 'warning',
  });
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents, { mode: executable ? 0o755 : 0o644 });
  if (executable) chmodSync(tmp, 0o755);
  renameSync(tmp, outfile);
}
