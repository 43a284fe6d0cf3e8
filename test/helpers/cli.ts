// Runs valohai-lint for tests: in this process (fast, the unit tier) or as the real, bundled executable.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../packages/cli/src/main.js';
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

/**
 * Runs the CLI in this process (its `run()` with captured output), as the bundled executable would run it: the unit
 * tier's way to test the CLI. `runBundledCli` runs the real executable, for what only a process can show.
 */
export async function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(args, {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdout: { write: (s: string) => stdout.push(s), isTTY: false },
    stderr: { write: (s: string) => stderr.push(s), isTTY: false },
    readStdin: (maxBytes) => {
      const bytes = Buffer.from(options.input ?? '', 'utf8');
      return Promise.resolve(bytes.length > maxBytes ? { tooLarge: `more than ${maxBytes}` } : bytes);
    },
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** The environment a test run sees: the machine's, without colors unless the test asks for them. */
function cliEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env['FORCE_COLOR'];
  if (extra?.['FORCE_COLOR']) env['FORCE_COLOR'] = extra['FORCE_COLOR'];
  return env;
}

/** Runs the real, bundled executable (building it first when needed). */
export function runBundledCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  ensureBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input ?? '', encoding: 'utf8', env: cliEnv(options.env) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of a folder that tests may change: every file and folder writable by its owner (the shared corpus is
 * read-only, and --fix rightly refuses to rewrite a read-only file).
 */
export function writableCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-copy-'));
  cpSync(from, dir, { recursive: true });
  const walk = (p: string): void => {
    const st = statSync(p);
    chmodSync(p, st.mode | 0o200);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  walk(dir);
  return dir;
}
