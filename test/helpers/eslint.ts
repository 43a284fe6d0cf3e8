// Runs the real `eslint` command (the pinned version, or the oldest one the plugin supports) in a project folder whose
// eslint.config.js imports eslint-plugin-valohai as a user's would: from node_modules, as the built package.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBundle, ROOT } from './build.js';
import { tree } from './cli.js';

export const ESLINT_VERSIONS = ['10.15.0', '9.15.0'] as const;
export type EslintVersion = (typeof ESLINT_VERSIONS)[number];

const BINS: Record<EslintVersion, string> = {
  '10.15.0': join(ROOT, 'test/node_modules/eslint/bin/eslint.js'),
  '9.15.0': join(ROOT, 'test/node_modules/eslint-v9/bin/eslint.js'),
};

export function ensurePluginBuilt(): void {
  ensureBundle(join(ROOT, 'packages/eslint-plugin/dist/index.js'), 'scripts/build-eslint-plugin.mjs', ['packages/eslint-plugin/src', 'packages/core/src', 'packages/node/src']);
}

/** Packages a test project may import in its eslint.config.js, linked from the repository's installs. */
const LINKABLE: Record<string, string> = {
  'eslint-plugin-valohai': 'packages/eslint-plugin',
  'eslint-plugin-yml': 'test/node_modules/eslint-plugin-yml',
  '@eslint/js': 'node_modules/@eslint/js',
  'typescript-eslint': 'node_modules/typescript-eslint',
  globals: 'node_modules/globals',
};

/** A temporary project: `files` (eslint.config.js among them) and node_modules links to the packages it imports. */
export function eslintProject(files: Record<string, string>, packages: readonly string[] = ['eslint-plugin-valohai']): string {
  ensurePluginBuilt();
  const dir = tree(files);
  for (const name of packages) {
    const link = join(dir, 'node_modules', ...name.split('/'));
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(join(ROOT, LINKABLE[name]!), link, 'junction');
  }
  return dir;
}

export interface EslintRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runEslint(version: EslintVersion, args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): EslintRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extraEnv };
  delete env['FORCE_COLOR'];
  const r = spawnSync(process.execPath, [BINS[version], ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The eslint.config.js of a project that lints valohai.yaml with the plugin's recommended configuration only. */
export const RECOMMENDED_CONFIG = "import valohai from 'eslint-plugin-valohai';\nexport default [valohai.configs.recommended];\n";

export function writeConfig(dir: string, source: string): string {
  const path = join(dir, 'eslint.config.js');
  writeFileSync(path, source);
  return path;
}
