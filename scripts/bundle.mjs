// One esbuild recipe for the Node executables (the CLI and the language server) and the ESLint plugin: a single minified
// file (an ES module, with a shebang for executables, or a CommonJS program that a launcher starts), written to a temporary file and renamed, so a process
// starting it during a rebuild never reads half a file.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Bundles `yaml` from its ES module build rather than the CommonJS one Node would pick: the same parser, but esbuild
 * can leave out what is never used (stringifying, other schemas), nothing runs at load time, and it does not read
 * process.env.LOG_TOKENS once per token as the CommonJS build does.
 */
export const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(b) {
    const yamlDir = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlDir, 'browser/index.js') }));
  },
};

/**
 * A valohai.yaml with a syntax error, which the fast parser leaves to the yaml library: the runs that write a code cache
 * (build-cli.mjs, build-eslint-plugin.mjs) lint it too, so that the cache holds that library's code as well.
 */
export const BROKEN_VALOHAI_YAML = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\nnotes\n- step: [\n';

export async function bundleNodeExecutable({ entry, outfile, define = {}, format = 'esm', shebang = format === 'esm' }) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // An ES module needs a `require` for the CommonJS dependencies; a CommonJS bundle is started by a launcher.
    banner: { js: `${shebang ? '#!/usr/bin/env node\n' : ''}${format === 'esm' ? "import { createRequire as __vlCreateRequire } from 'node:module'; const require = __vlCreateRequire(import.meta.url);" : ''}` },
    define,
    plugins: [yamlAsEsm],
    logLevel: 'warning',
  });
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents, { mode: shebang ? 0o755 : 0o644 });
  if (shebang) chmodSync(tmp, 0o755);
  renameSync(tmp, outfile);
}
