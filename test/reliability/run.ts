// Runs the bundled CLI the ways the reliability tests need: as an unprivileged user (permission bits do not stop root,
// which these tests usually run as), with a file size limit (a disk that fills up), with bytes on standard input.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ensureBuilt, type CliRun } from '../helpers/cli.js';

/** The user "nobody", whom root becomes with setpriv so that permissions apply. */
const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;

export interface RunOptions {
  cwd: string;
  /** Run without root's powers: as "nobody" when the tests run as root, as the current user otherwise. */
  unprivileged?: boolean;
  /** `ulimit -f` in KiB: writing past it fails with EFBIG, as a full disk fails with ENOSPC. */
  fileSizeLimitKiB?: number;
  input?: Buffer | string;
}

/** The CLI under test; VALOHAI_LINT_TEST_BIN runs these tests against another build (to see them fail on an old one). */
const bin = (): string => {
  const other = process.env['VALOHAI_LINT_TEST_BIN'];
  if (other) return other;
  ensureBuilt();
  return BIN;
};

export function run(args: string[], options: RunOptions): CliRun & { stdoutBytes: Buffer } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  let command = [process.execPath, bin(), ...args];
  if (options.fileSizeLimitKiB !== undefined) command = ['bash', '-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$@"`, 'bash', ...command];
  if (options.unprivileged && isRoot) command = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...command];
  // A CLI that hangs (on a FIFO, say) is killed, and the test fails on its exit code instead of hanging the run.
  const r = spawnSync(command[0]!, command.slice(1), { cwd: options.cwd, input: options.input ?? '', env, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

/** A fresh folder every user can enter (mkdtemp's are private to their owner). */
export function openFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-reliability-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** A fresh open folder holding `files` (bytes or text; names may contain folders). */
export function folder(files: Record<string, string | Buffer>): string {
  const dir = openFolder();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Hands a folder and everything in it to the user `run(…, { unprivileged: true })` runs as. */
export function giveToUnprivileged(dir: string): void {
  if (!isRoot) return;
  chownSync(dir, NOBODY, NOBODY);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) giveToUnprivileged(path);
    else chownSync(path, NOBODY, NOBODY);
  }
}

/** The names in a folder, for checking that no temporary file was left behind. */
export const namesIn = (dir: string): string[] => readdirSync(dir).sort();
