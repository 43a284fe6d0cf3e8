// Bundles the valohai-lint CLI into packages/cli/dist: cli.cjs (the program), valohai-lint.js (the executable, a small
// CommonJS launcher that starts the program from V8's code cache), cli.cjs.cache (that cache, written by running a
// representative lint once with the Node.js that built it) and a package.json marking the folder CommonJS. Used by scripts/build.mjs (everything), by
// scripts/prepare.mjs (npm installs of this repository, which build the CLI alone) and by the CLI tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROKEN_VALOHAI_YAML, bundleNodeExecutable } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/cli/dist');

export async function buildCli() {
  const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
  await bundleNodeExecutable({ entry: join(root, 'packages/cli/src/bin.ts'), outfile: join(dist, 'cli.cjs'), format: 'cjs', define: { VALOHAI_LINT_VERSION: JSON.stringify(version) } });
  await bundleNodeExecutable({ entry: join(root, 'packages/cli/src/launcher.ts'), outfile: join(dist, 'valohai-lint.js'), format: 'cjs', shebang: true });
  writeCodeCache();
}

/**
 * Runs the CLI once over the example project and a file with a YAML syntax error, in every output format, so the cache
 * holds what a run compiles: a broken file is read by the yaml library, whose code would otherwise be compiled on the
 * spot (about 7 ms of a batch run with one such file, against half a millisecond more to load a larger cache).
 */
function writeCodeCache() {
  const out = mkdtempSync(join(tmpdir(), 'vl-code-cache-'));
  try {
    const formats = ['json', 'sarif', 'github', 'gitlab'].flatMap((f) => ['--format', `${f}=${join(out, f)}`]);
    const broken = join(out, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'valohai.yaml'), BROKEN_VALOHAI_YAML);
    const run = spawnSync(process.execPath, [join(dist, 'valohai-lint.js'), join(root, 'examples'), broken, '--format', 'stylish', ...formats], {
      env: { ...process.env, VALOHAI_LINT_WRITE_CODE_CACHE: '1', GITHUB_STEP_SUMMARY: '' },
      encoding: 'utf8',
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`writing the code cache failed (exit ${run.status}): ${run.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
