// Bundles eslint-plugin-valohai into packages/eslint-plugin/dist: plugin.cjs (the plugin, one self-contained file with
// the private workspace packages and their dependencies inside; ESLint, the peer dependency, is never imported),
// index.js (the ES module entry point, which loads plugin.cjs from V8's code cache) and plugin.cjs.cache (that cache,
// written by linting the example project once with the Node.js that built it). A plain install of the package needs
// nothing else. Its types are packages/eslint-plugin/types/index.d.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BROKEN_VALOHAI_YAML, bundleNodeExecutable } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/eslint-plugin/dist');

export async function buildEslintPlugin() {
  const version = JSON.parse(readFileSync(join(root, 'packages/eslint-plugin/package.json'), 'utf8')).version;
  await bundleNodeExecutable({
    entry: join(root, 'packages/eslint-plugin/src/index.ts'),
    outfile: join(dist, 'plugin.cjs'),
    format: 'cjs',
    define: { ESLINT_PLUGIN_VALOHAI_VERSION: JSON.stringify(version) },
    shebang: false,
  });
  // The cache belongs to the bundle it was made from: a stale one would only be rejected, but is never kept.
  rmSync(join(dist, 'plugin.cjs.cache'), { force: true });
  await bundleNodeExecutable({ entry: join(root, 'packages/eslint-plugin/src/loader.ts'), outfile: join(dist, 'index.js'), shebang: false });
  writeCodeCache();
}

/**
 * Lints the example project (its valohai.yaml files and its .valohai-lint.yaml) and a text with a YAML syntax error
 * (BROKEN_VALOHAI_YAML, read by the yaml library) with the built plugin under the repository's ESLint, so the cache
 * holds what a lint compiles. Without ESLint installed (an install of the CLI alone) there is no cache, and the plugin
 * compiles as usual.
 */
function writeCodeCache() {
  let eslint;
  try {
    eslint = createRequire(join(root, 'package.json')).resolve('eslint');
  } catch {
    return;
  }
  const program = `
    const { ESLint } = await import(${JSON.stringify(pathToFileURL(eslint).href)});
    const { default: valohai } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
    const eslint = new ESLint({ cwd: ${JSON.stringify(join(root, 'examples'))}, overrideConfigFile: true, overrideConfig: [valohai.configs.recommended] });
    await eslint.lintFiles(['.']);
    await eslint.lintText(${JSON.stringify(BROKEN_VALOHAI_YAML)}, { filePath: ${JSON.stringify(join(root, 'examples', 'broken', 'valohai.yaml'))} });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { env: { ...process.env, VALOHAI_ESLINT_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`writing the plugin's code cache failed (exit ${run.status}): ${run.stderr}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildEslintPlugin();
