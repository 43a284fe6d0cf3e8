// The real thing: Debian's pre-commit installs this repository's hooks (the configurations docs/ci.md shows, pointed at
// a throwaway copy of this working tree) into a temporary git repository, where a commit with a broken valohai.yaml is
// blocked and a good one goes through; and the install command of docs/ci.md, run with npm. Needs the network (npm).
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers/cli.js';
import { createHookRepo, isolatedEnv, run, type HookRepo } from './helpers/hook-repo.js';
import { codeBlock } from './helpers/markdown.js';

const DOCS_REPO = 'https://github.com/valohai-lint/valohai-lint';
const DOCS_REV = 'v0.1.0';
const GOOD = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';
const BROKEN = '- step:\n    name: train\n   image: docker.io/library/python:3.12\n    command: python train.py\n';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

let hookRepo: HookRepo;
/** Temporary folders to remove afterwards: each pre-commit home and npm prefix holds a full node_modules. */
const temporary: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
beforeAll(() => {
  hookRepo = createHookRepo();
  temporary.push(join(hookRepo.dir, '..'));
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A git repository with pre-commit installed from the given configuration; commit() stages everything and commits. */
function workRepo(config: string, extraEnv: NodeJS.ProcessEnv = {}): { dir: string; commit(files: Record<string, string>): { code: number; output: string; seconds: number } } {
  const base = tempDir('vl-pre-commit-');
  const dir = join(base, 'work');
  mkdirSync(dir);
  mkdirSync(join(base, 'home'));
  const env = isolatedEnv(join(base, 'home'), { PRE_COMMIT_HOME: join(base, 'pre-commit-home'), ...extraEnv });
  const must = (cmd: string, args: string[]): void => {
    const r = run(cmd, args, dir, env);
    expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0);
  };
  must('git', ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(dir, '.pre-commit-config.yaml'), config.replace(DOCS_REPO, hookRepo.dir).replace(`rev: ${DOCS_REV}`, `rev: ${hookRepo.sha}`));
  must('pre-commit', ['install']);
  return {
    dir,
    commit(files) {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      must('git', ['add', '--all']);
      const started = performance.now();
      const r = run('git', ['commit', '--quiet', '--message', `change ${Object.keys(files).join(', ')}`], dir, env);
      return { code: r.status ?? -1, output: r.stdout + r.stderr, seconds: (performance.now() - started) / 1000 };
    },
  };
}

describe('pre-commit (installed by scripts/install-tools.sh)', () => {
  it('language: node: the hook installs with npm, blocks a broken valohai.yaml and lets a good one through', { timeout: 600_000 }, () => {
    const config = codeBlock('docs/ci.md', 'yaml .pre-commit-config.yaml');
    expect(config).toContain(DOCS_REPO);
    const repo = workRepo(config);

    const blocked = repo.commit({ 'valohai.yaml': BROKEN });
    expect(blocked.code, blocked.output).not.toBe(0);
    expect(blocked.output).toContain('valohai-lint');
    expect(blocked.output).toMatch(/Failed/);
    expect(blocked.output).toContain('yaml-syntax');
    expect(blocked.output).toContain('valohai.yaml');

    const passed = repo.commit({ 'valohai.yaml': GOOD });
    expect(passed.code, passed.output).toBe(0);

    // A change to the configuration alone lints every valohai.yaml again; an invalid configuration blocks the commit.
    const badConfig = repo.commit({ '.valohai-lint.yaml': 'rules:\n  no-such-rule: error\n' });
    expect(badConfig.code, badConfig.output).not.toBe(0);
    expect(badConfig.output).toContain('no-such-rule');
    const goodConfig = repo.commit({ '.valohai-lint.yaml': 'rules:\n  yaml-ambiguous-value: error\n' });
    expect(goodConfig.code, goodConfig.output).toBe(0);
    const nested = repo.commit({ 'models/staging.valohai.yaml': `${GOOD}    parameters:\n      - name: mode\n        type: string\n        default: no\n` });
    expect(nested.code, nested.output).not.toBe(0);
    expect(nested.output).toContain('yaml-ambiguous-value');

    console.log(`pre-commit (node): first commit with hook install ${blocked.seconds.toFixed(1)} s, later commits ${passed.seconds.toFixed(1)} s`);
  });

  it('language: system: runs the valohai-lint on PATH', { timeout: 300_000 }, () => {
    ensureBuilt();
    const bin = tempDir('vl-bin-');
    symlinkSync(join(ROOT, 'bin/valohai-lint.cjs'), join(bin, 'valohai-lint'));
    const repo = workRepo(codeBlock('docs/ci.md', 'yaml .pre-commit-config.yaml (valohai-lint on PATH)'), { PATH: `${bin}:${process.env['PATH'] ?? ''}` });
    const blocked = repo.commit({ 'valohai.yaml': BROKEN });
    expect(blocked.code, blocked.output).not.toBe(0);
    expect(blocked.output).toContain('yaml-syntax');
    const passed = repo.commit({ 'valohai.yaml': GOOD });
    expect(passed.code, passed.output).toBe(0);
    const unrelated = repo.commit({ 'README.md': 'not linted\n' });
    expect(unrelated.code, unrelated.output).toBe(0);
    expect(unrelated.output).toMatch(/valohai-lint \(system\)\.+\(no files to check\)Skipped/);
  });
});

describe('the install command of docs/ci.md', () => {
  it('installs a working valohai-lint from a git repository with npm', { timeout: 600_000 }, () => {
    const command = codeBlock('docs/ci.md', 'sh').trim();
    const spec = `github:valohai-lint/valohai-lint#${DOCS_REV}`;
    expect(command).toContain(spec);
    const base = tempDir('vl-install-');
    const cwd = join(base, 'checkout');
    mkdirSync(cwd);
    mkdirSync(join(base, 'home'));
    const prefix = join(base, 'prefix');
    const env = isolatedEnv(join(base, 'home'), { npm_config_prefix: prefix });
    const r = run('bash', ['-c', command.replace(spec, `git+file://${hookRepo.dir}#${hookRepo.sha}`)], cwd, env);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const version = run(join(prefix, 'bin/valohai-lint'), ['--version'], cwd, env);
    expect(version.stdout).toBe(`${VERSION}\n`);
    writeFileSync(join(cwd, 'valohai.yaml'), BROKEN);
    const lint = run(join(prefix, 'bin/valohai-lint'), ['--format', 'gitlab'], cwd, env);
    expect(lint.status).toBe(1);
    expect((JSON.parse(lint.stdout) as { check_name: string }[]).map((i) => i.check_name)).toContain('yaml-syntax');
    // Only the bundle and its launcher are installed: no dependencies.
    const installed = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/valohai-lint-monorepo/package.json'), 'utf8')) as { dependencies?: object };
    expect(installed.dependencies).toBeUndefined();
  });
});

describe('the root package.json, which pre-commit and npm install', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; files: string[]; scripts: Record<string, string> };
  it('has the version of the CLI, a valohai-lint bin that runs the bundle, and packs only what that needs', () => {
    ensureBuilt();
    expect(manifest.version).toBe(VERSION);
    expect(manifest.bin).toEqual({ 'valohai-lint': 'bin/valohai-lint.cjs' });
    accessSync(join(ROOT, manifest.bin['valohai-lint']!), constants.X_OK);
    expect(manifest.files.sort()).toEqual(['bin/valohai-lint.cjs', 'packages/cli/dist/cli.cjs', 'packages/cli/dist/cli.cjs.cache', 'packages/cli/dist/package.json', 'packages/cli/dist/valohai-lint.js', 'scripts/prepare.mjs']);
    for (const file of manifest.files) accessSync(join(ROOT, file), constants.R_OK);
    expect(manifest.scripts['prepare']).toBe('node scripts/prepare.mjs');
    expect(run(process.execPath, [join(ROOT, 'bin/valohai-lint.cjs'), '--version'], ROOT, process.env).stdout).toBe(`${VERSION}\n`);
  });
  it('repeats the dependencies of the bundled packages as devDependencies, which is all npm installs', () => {
    const r = run(process.execPath, [join(ROOT, 'scripts/prepare.mjs'), '--check'], ROOT, process.env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
