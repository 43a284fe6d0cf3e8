// Runs the real, bundled valohai-lint executable (building it first when needed) and captures its output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBundle, ROOT } from './build.js';

export { ROOT };
export const BIN = join(ROOT, 'packages/cli/dist/valohai-lint.js');

/** Environment that hides the CI variables of the machine running the tests from the github and gitlab formats. */
export const NO_CI: NodeJS.ProcessEnv = { GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: '', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_SHA: '', CI_PROJECT_DIR: '' };

export function ensureBuilt(): void {
  ensureBundle(BIN, 'scripts/build-cli.mjs', ['packages/cli/src', 'packages/core/src', 'packages/node/src', 'packages/graph/src']);
}

/** A temporary folder holding `files` (paths may contain folders). */
export function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  ensureBuilt();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env['FORCE_COLOR'];
  if (options.env?.['FORCE_COLOR']) env['FORCE_COLOR'] = options.env['FORCE_COLOR'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input ?? '', encoding: 'utf8', env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
