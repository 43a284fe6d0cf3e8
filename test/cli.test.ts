// End-to-end tests of the bundled CLI: the exit-code contract, formats, rule listing, stdin, and byte-exact --fix.
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFindingKinds } from '@valohai-lint/core';
import { runCli, tree } from './helpers/cli.js';
import { codeBlock } from './helpers/markdown.js';

const CLEAN = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';
const BROKEN = '- step:\n    name: train\n   image: python\n';
const WARNS = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    name: again\n';

describe('exit codes', () => {
  it('0 when clean, 1 on errors, 2 on usage errors and when nothing matched', async () => {
    expect((await runCli(['valohai.yaml'], { cwd: tree({ 'valohai.yaml': CLEAN }) })).code).toBe(0);
    const broken = await runCli([], { cwd: tree({ 'valohai.yaml': BROKEN }) });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('yaml-syntax');
    expect((await runCli(['--format', 'nope'])).code).toBe(2);
    expect((await runCli(['--bogus-flag'])).code).toBe(2);
    const none = await runCli(['does-not-exist.yaml'], { cwd: tree({}) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No files matched "does-not-exist.yaml"');
    expect((await runCli([], { cwd: tree({ 'other.yaml': CLEAN }) })).code).toBe(2);
  });
  it('warnings pass unless --max-warnings is exceeded; --quiet hides them', async () => {
    const dir = tree({ 'valohai.yaml': WARNS });
    expect((await runCli([], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--max-warnings', '0'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--quiet'], { cwd: dir })).stdout).toBe('');
    expect((await runCli(['--rule', 'yaml-duplicate-key=error'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['--rule', 'yaml-duplicate-key=off'], { cwd: dir })).stdout).toBe('');
    expect((await runCli(['--rule', 'no-such-rule=off'], { cwd: dir })).code).toBe(2);
  });
});

describe('formats', () => {
  it('stylish shows the rule, the position and an underlined code frame', async () => {
    const r = await runCli([], { cwd: tree({ 'valohai.yaml': WARNS }) });
    expect(r.stdout).toContain('valohai.yaml\n  5:5  warning  Key "name" is repeated in this mapping');
    expect(r.stdout).toContain('    > 5 |     name: again\n        |     ^^^^');
    expect(r.stdout).toContain('"name" first written here at 2:5');
    expect(r.stdout).toContain('1 problem (0 errors, 1 warning)');
  });
  it('stylish shows a tab in the code frame as an arrow, one column wide, with the caret on it', async () => {
    const r = await runCli([], { cwd: tree({ 'valohai.yaml': '- step:\n    name: train\n    image: docker.io/library/python:3.12\n\tcommand: python train.py\n\n- step:\n    name: eval\n' }) });
    expect(r.stdout).toContain('4:1  error  This line is indented with a tab, which YAML does not allow; indent it with spaces.  yaml-syntax');
    expect(r.stdout).toContain('    > 4 | →command: python train.py\n        | ^\n');
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)');
  });
  it('stylish colors only when asked or on a terminal', async () => {
    const dir = tree({ 'valohai.yaml': WARNS });
    expect((await runCli([], { cwd: dir })).stdout).not.toContain('\x1b[');
    expect((await runCli([], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } })).stdout).toContain('\x1b[');
  });
  it('json has 1-based positions, rule ids and a summary', async () => {
    const r = await runCli(['--format', 'json'], { cwd: tree({ 'valohai.yaml': WARNS }) });
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: Record<string, unknown>[] }[]; summary: Record<string, number> };
    expect(out.files[0]!.path).toBe('valohai.yaml');
    expect(out.files[0]!.diagnostics[0]).toMatchObject({ ruleId: 'yaml-duplicate-key', severity: 'warning', line: 5, column: 5, endLine: 5, endColumn: 9 });
    expect(out.summary).toMatchObject({ files: 1, errors: 0, warnings: 1 });
  });
  it('several formats in one run, each to its own destination', async () => {
    const dir = tree({ 'valohai.yaml': WARNS });
    const r = await runCli(['--format', 'stylish', '--format', 'json=out.json'], { cwd: dir });
    expect(r.stdout).toContain('yaml-duplicate-key');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary.warnings).toBe(1);
  });
});

describe('VALOHAI_LINT_TIMING', () => {
  it('ends the run with where its time went, on standard error, and changes nothing else', async () => {
    const cwd = tree({ 'valohai.yaml': WARNS, 'sub/valohai.yaml': CLEAN });
    const plain = await runCli(['--format', 'json'], { cwd });
    const timed = await runCli(['--format', 'json'], { cwd, env: { VALOHAI_LINT_TIMING: '1' } });
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
    const line = /^valohai-lint: timing \(ms\) (\{.*\})$/m.exec(timed.stderr);
    expect(line).not.toBeNull();
    const stages = JSON.parse(line![1]!) as Record<string, number>;
    expect(Object.keys(stages)).toEqual(['start', 'load', 'read', 'parse', 'schema', 'rules', 'settle', 'output', 'total']);
    for (const ms of Object.values(stages)) expect(ms).toBeGreaterThanOrEqual(0);
    // Two files were parsed and checked: their stages took some time, and all of it falls within the run's.
    expect(stages['parse']! + stages['rules']!).toBeGreaterThan(0);
    expect(stages['read']! + stages['parse']! + stages['schema']! + stages['rules']! + stages['settle']! + stages['output']!).toBeLessThanOrEqual(stages['total']!);
    expect(plain.stderr).not.toContain('timing');
    // docs/cli.md shows the same stages.
    const documented = /valohai-lint: timing \(ms\) (\{.*\})/.exec(codeBlock('docs/cli.md', 'console'));
    expect(Object.keys(JSON.parse(documented![1]!) as object)).toEqual(Object.keys(stages));
  });
});

describe('--list-rules', () => {
  it('lists every rule with its metadata and docs page', async () => {
    const r = await runCli(['--list-rules', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { id: string; severity: string; description: string; fixable: boolean; parity: boolean; docs: string }[];
    expect(list.map((x) => x.id)).toEqual(getFindingKinds().map((x) => x.meta.id));
    for (const rule of list) {
      expect(readFileSync(join(import.meta.dirname, '..', rule.docs), 'utf8')).toContain(`id: ${rule.id}`);
      expect(typeof rule.parity).toBe('boolean');
    }
    expect(list.find((x) => x.id === 'yaml-syntax')?.parity).toBe(true);
  });
});

describe('--stdin', () => {
  it('lints standard input under the given name', async () => {
    const r = await runCli(['--stdin', '--stdin-filename', 'valohai.yaml', '--format', 'json'], { input: WARNS });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].path).toBe('valohai.yaml');
  });
});

describe('--fix', () => {
  const UNUSED = '# keep this comment\r\n# valohai-lint-disable-next-line yaml-duplicate-key\r\n- step:\r\n    name: "train"   # trailing\r\n    image: \'docker.io/library/python:3.12\'\r\n    command: [python, train.py]\r\n';
  it('rewrites atomically, keeps the mode, and changes no byte outside the edit (CRLF, BOM, comments, quoting)', async () => {
    const text = `\uFEFF${UNUSED}`;
    const dir = tree({ 'valohai.yaml': text });
    const file = join(dir, 'valohai.yaml');
    chmodSync(file, 0o640);
    const r = await runCli(['--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(text.replace('# valohai-lint-disable-next-line yaml-duplicate-key\r\n', ''));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['valohai.yaml']);
    const again = await runCli(['--fix'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });
  it('says on standard error how many problems it fixed in how many files, and keeps standard output machine-readable', async () => {
    const qualify = '- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n- step:\n    name: test\n    image: python:3.12\n    command: python test.py\n';
    const dir = tree({ 'a/valohai.yaml': qualify, 'b/valohai.yaml': qualify.replace('image: python:3.12\n    command: python test.py', 'image: docker.io/library/python:3.12\n    command: python test.py'), 'c/valohai.yaml': CLEAN });
    const r = await runCli(['--fix', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('valohai-lint: fixed 3 problems in 2 files.\n');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 3, errors: 0, warnings: 0 });
    expect((await runCli(['--fix'], { cwd: dir })).stderr).toBe('');
    expect((await runCli(['--fix'], { cwd: tree({ 'valohai.yaml': UNUSED }) })).stderr).toBe('valohai-lint: fixed 1 problem in 1 file.\n');
  });
  it('--fix-dry-run prints a unified diff and changes nothing', async () => {
    const dir = tree({ 'valohai.yaml': UNUSED });
    const r = await runCli(['--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toContain('--- a/valohai.yaml');
    expect(r.stdout).toContain('-# valohai-lint-disable-next-line yaml-duplicate-key');
    expect(readFileSync(join(dir, 'valohai.yaml'), 'utf8')).toBe(UNUSED);
  });
  it('leaves a file with YAML syntax errors alone', async () => {
    const dir = tree({ 'valohai.yaml': `# valohai-lint-disable-next-line yaml-duplicate-key\n${BROKEN}` });
    await runCli(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'valohai.yaml'), 'utf8')).toBe(`# valohai-lint-disable-next-line yaml-duplicate-key\n${BROKEN}`);
  });
});

describe('--help and --version', () => {
  it('print usage with examples and the version', async () => {
    expect((await runCli(['--help'])).stdout).toContain('Exit codes: 0 no errors');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
