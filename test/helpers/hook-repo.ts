// A throwaway git repository holding this working tree as one commit, for tests that need this repository the way
// users get it (pre-commit hook repository, `npm pack <git url>`): files tracked or not ignored, as they are now.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './cli.js';

/** Isolation for git and npm: a private HOME, no system git configuration, an author, quiet npm. */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    // The user's npm cache, so that each run does not download the build tools again; npm's cache is safe to share.
    npm_config_cache: process.env['npm_config_cache'] || join(process.env['HOME'] ?? tmpdir(), '.npm'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
}

function mustRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = run(command, args, cwd, env);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

export interface HookRepo {
  dir: string;
  sha: string;
}

/** Copies the working tree (without ignored files such as node_modules and dist) into a new repository and commits it. */
export function createHookRepo(): HookRepo {
  const base = mkdtempSync(join(tmpdir(), 'vl-hook-repo-'));
  const dir = join(base, 'valohai-lint');
  mkdirSync(dir);
  const env = isolatedEnv(base);
  const files = mustRun('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT, env).split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(ROOT, file);
    if (!existsSync(from) || lstatSync(from).isDirectory()) continue; // deleted in the working tree, or a submodule
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file), { verbatimSymlinks: true });
  }
  mustRun('git', ['init', '--quiet', '--initial-branch=main'], dir, env);
  mustRun('git', ['add', '--all'], dir, env);
  mustRun('git', ['commit', '--quiet', '--no-verify', '--message', 'working tree of valohai-lint'], dir, env);
  return { dir, sha: mustRun('git', ['rev-parse', 'HEAD'], dir, env).trim() };
}
