// npm's `prepare` hook, run when npm installs or packs this repository: pre-commit's `language: node` hooks
// (`npm install`, then `npm pack`) and installs from git (`npm pack <git url>`). It bundles the CLI that
// bin/valohai-lint.cjs runs, and only the CLI: the other bundles need dependencies npm does not install here. npm knows
// nothing of the pnpm workspace, so the workspace packages are linked into node_modules/@valohai-lint first, and their
// own dependencies must be root devDependencies (checked here; `--check` checks only, and the tests run it).
// Under pnpm this does nothing: scripts/bootstrap.sh builds everything after `pnpm install`.
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkOnly = process.argv.includes('--check');
// Nothing to do under pnpm, or in an installed package (which holds the bundle but not the sources).
// npm exports its own path as npm_execpath to the scripts it runs, but passes an inherited npm_config_user_agent on
// unchanged (a test started under `pnpm exec` that runs npm would otherwise look like pnpm), so npm_execpath decides.
const execpath = process.env.npm_execpath ?? '';
const underNpm = /npm-cli\.js$|[\\/]npm$/.test(execpath);
const underPnpm = !underNpm && (execpath.includes('pnpm') || (process.env.npm_config_user_agent ?? '').startsWith('pnpm'));
if (!checkOnly && (underPnpm || !existsSync(join(root, 'packages/cli/src')))) process.exit(0);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootManifest = readJson(join(root, 'package.json'));
const workspace = new Map();
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, 'package.json');
  if (existsSync(file)) workspace.set(readJson(file).name, { dir: join(root, 'packages', dir), manifest: readJson(file) });
}

/** The CLI package and the workspace packages it depends on, transitively: what the bundle is made of. */
function bundled(name, seen = new Set()) {
  if (seen.has(name) || !workspace.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(workspace.get(name).manifest.dependencies ?? {})) bundled(dep, seen);
  return seen;
}

const problems = [];
for (const name of bundled('@valohai-lint/cli')) {
  for (const [dep, version] of Object.entries(workspace.get(name).manifest.dependencies ?? {})) {
    if (workspace.has(dep)) continue;
    const have = rootManifest.devDependencies?.[dep];
    if (have !== version) problems.push(`${name} depends on ${dep}@${version}, but the root package.json's devDependencies have ${have ? `${dep}@${have}` : 'no ' + dep}`);
  }
}
if (problems.length > 0) {
  process.stderr.write(`prepare: npm cannot bundle the CLI:\n${problems.map((p) => `  - ${p}\n`).join('')}Add them with: pnpm add -D --save-exact -w <name>@<version>\n`);
  process.exit(1);
}
if (checkOnly) process.exit(0);

for (const name of bundled('@valohai-lint/cli')) {
  const link = join(root, 'node_modules', ...name.split('/'));
  if (existsSync(link)) continue;
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(workspace.get(name).dir, link, 'junction');
}

// Imported only now: esbuild may not be installed before npm has run.
const { buildCli } = await import('./build-cli.mjs');
await buildCli();
