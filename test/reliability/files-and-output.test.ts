// Files are not silently skipped, and output cannot be forged (issue 10, items 13-15): symlinked files are found,
// unreadable folders are reported, "nothing linted" fails whichever way it happens; human formats escape control
// characters and GitHub workflow-command syntax; report paths and numbers given on the command line are checked before
// anything is linted.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folder, giveToUnprivileged, run } from './run.js';

const HOSTILE = join(import.meta.dirname, '../hostile');
const CLEAN = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';
const WARNS = CLEAN.replace('docker.io/library/python:3.12', 'python:3.12');


/** Lines a GitHub Actions runner would take as workflow commands (actions/runner ActionCommand: v2 and legacy). */
const workflowCommands = (output: string): string[] => output.split(/\r?\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['));

describe('finding files', () => {
  it('follows a symlinked valohai.yaml in a folder search, but not a symlinked folder', () => {
    const dir = folder({ 'real/valohai.yaml': WARNS });
    mkdirSync(join(dir, 'project'));
    symlinkSync('../real/valohai.yaml', join(dir, 'project/valohai.yaml'));
    symlinkSync('..', join(dir, 'project/loop'));
    const r = run(['--format', 'json', 'project'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['project/valohai.yaml']);
  });

  it.each([
    ['a folder it cannot search', 'locked', 'valohai-lint: cannot search "locked": permission denied\n'],
    ['a file it cannot read', 'locked/valohai.yaml', 'valohai-lint: cannot read "locked/valohai.yaml": permission denied\n'],
  ])('reports %s (exit 2) and still lints the rest', (_what, locked, message) => {
    const dir = folder({ 'locked/valohai.yaml': CLEAN, 'open/valohai.yaml': WARNS });
    giveToUnprivileged(dir);
    chmodSync(join(dir, locked), 0o000);
    const r = run(['--format', 'json'], { cwd: dir, unprivileged: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['open/valohai.yaml']);
  });

  it('reports a valohai.yaml link that leads nowhere', () => {
    const dir = folder({ 'a/valohai.yaml': CLEAN });
    mkdirSync(join(dir, 'b'));
    symlinkSync('../gone/valohai.yaml', join(dir, 'b/valohai.yaml'));
    const r = run([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('valohai-lint: cannot search "b/valohai.yaml": it is a symbolic link, and its target does not exist\n');
  });

  it('"nothing linted" is exit 2 with a reason, whichever way it happens', () => {
    expect(run([], { cwd: folder({ 'other.yaml': CLEAN }) })).toMatchObject({ code: 2, stderr: 'valohai-lint: No valohai.yaml or valohai.yml found under the current folder.\n' });
    const ignored = run([], { cwd: folder({ 'valohai.yaml': CLEAN, '.valohai-lint.yaml': 'ignore: ["**"]\n' }) });
    expect(ignored).toMatchObject({ code: 2, stderr: 'valohai-lint: nothing was linted: every file found (1) is ignored by the configuration\'s "ignore" list.\n' });
    const dir = folder({ 'valohai.yaml': CLEAN });
    giveToUnprivileged(dir);
    chmodSync(join(dir, 'valohai.yaml'), 0o000);
    expect(run([], { cwd: dir, unprivileged: true })).toMatchObject({ code: 2, stderr: 'valohai-lint: cannot read "valohai.yaml": permission denied\nvalohai-lint: nothing was linted: no file found could be read.\n' });
  });

  it('a FIFO is reported, not waited on, whether named or found', () => {
    const dir = folder({});
    // Node has no API for making a FIFO.
    expect(spawnSync('mkfifo', [join(dir, 'valohai.yaml')]).status).toBe(0);
    for (const args of [['valohai.yaml'], []]) {
      const r = run(args, { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: 'valohai-lint: cannot lint "valohai.yaml": it is a named pipe, not a regular file\nvalohai-lint: nothing was linted: no file found could be read.\n' });
    }
  });
});

describe('human formats cannot be forged or drive the terminal', () => {
  const crafted = readFileSync(join(HOSTILE, 'escapes-in-keys.yaml'), 'utf8');

  it('stylish: keys with line breaks, escape sequences, "::" and "##[" are shown escaped', () => {
    const r = run([], { cwd: folder({ 'valohai.yaml': crafted }) });
    expect(r.code).toBe(1);
    expect(workflowCommands(r.stdout)).toEqual([]);
    // The characters escape.ts must never let through (tab and line feed aside, which the report uses).
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.stdout).toContain('Unknown key "evil\\n::error file=forged.yaml,line=1::forged annotation\\u001b[2J\\u001b]0;title\\u0007"');
    expect(r.stdout).toContain('"##\\[add-mask]secret \\u202edesrever"');
  });

  it('github: the only workflow commands are valohai-lint\'s own, one per finding', () => {
    const r = run(['--format', 'github'], { cwd: folder({ 'valohai.yaml': crafted }) });
    const commands = workflowCommands(r.stdout);
    expect(commands).toHaveLength(2);
    for (const c of commands) expect(c).toMatch(/^::error file=valohai\.yaml,line=\d+,/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('file and folder names with line breaks and "::" cannot start a line of their own', () => {
    const name = 'x\n::error file=forged.yaml::pwned';
    const dir = folder({ [`${name}/valohai.yaml`]: WARNS, [':: evil/valohai.yaml']: WARNS });
    const r = run([], { cwd: dir });
    expect(workflowCommands(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('x\\n::error file=forged.yaml::pwned/valohai.yaml\n');
    expect(r.stdout).toContain('./:: evil/valohai.yaml\n');
  });

  it('configuration errors quoting the file are escaped too', () => {
    const r = run([], { cwd: folder({ 'valohai.yaml': CLEAN, '.valohai-lint.yaml': 'rules:\n  "x\\n::error::forged": off\n' }) });
    expect(r.code).toBe(2);
    expect(workflowCommands(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('"x\\n::error::forged" is not a valohai-lint rule');
  });
});

describe('command-line footguns', () => {
  it('--max-warnings takes digits only', () => {
    const dir = folder({ 'valohai.yaml': WARNS });
    for (const bad of ['', ' ', '0x10', '1e3', '-1', '1.5']) {
      const r = run(['--max-warnings', bad], { cwd: dir });
      expect(r.code, `--max-warnings "${bad}"`).toBe(2);
      expect(r.stderr).toMatch(/--max-warnings( expects a whole number|' argument is ambiguous)/);
    }
    expect(run(['--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(run(['--max-warnings', '1'], { cwd: dir }).code).toBe(0);
  });

  it('a report never replaces a linted file, under any name', () => {
    const dir = folder({ 'valohai.yaml': CLEAN });
    symlinkSync('valohai.yaml', join(dir, 'alias.json'));
    for (const target of ['valohai.yaml', './valohai.yaml']) {
      const r = run(['--format', `json=${target}`], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: 'valohai-lint: --format json would write its report over "valohai.yaml", which is being linted; choose another file.\n' });
    }
    expect(run(['--format', 'json=alias.json'], { cwd: dir }).code).toBe(2);
    expect(readFileSync(join(dir, 'valohai.yaml'), 'utf8')).toBe(CLEAN);
  });

  it('a report path in a missing folder, on a folder or on a symlink is a clear error before anything runs', () => {
    const dir = folder({ 'valohai.yaml': CLEAN, 'secret.txt': 'keep\n' });
    mkdirSync(join(dir, 'out'));
    symlinkSync('secret.txt', join(dir, 'link.json'));
    const cases: [string, string][] = [
      ['json=missing/report.json', `its folder "${join(dir, 'missing')}" does not exist`],
      ['json=out', 'it is a folder'],
      ['sarif=link.json', 'it is a symbolic link, and valohai-lint does not write reports through links'],
    ];
    for (const [format, why] of cases) {
      const r = run(['--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`valohai-lint: --format ${format} cannot be written: ${why}.\n`);
    }
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe('keep\n');
    expect(run(['--format', 'json=a.json', '--format', 'sarif=a.json'], { cwd: dir }).code).toBe(2);
    // The same format to two files is fine.
    expect(run(['--format', 'json=a.json', '--format', 'json=b.json'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')));
  });
});
