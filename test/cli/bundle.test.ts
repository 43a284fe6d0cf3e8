// The real, bundled executable as a process: what in-process tests of run() cannot show (its entry point, standard
// input, exit codes as the shell sees them, and a reader that closes the pipe early).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, runBundledCli, tree } from '../helpers/cli.js';

const DUPLICATE = '- step:\n    name: a\n    image: docker.io/library/python:3.12\n    command: x\n    name: b\n';

describe('the bundled valohai-lint executable', () => {
  it('exits 0, 1 and 2 as documented, and lints standard input', () => {
    const dir = tree({ 'valohai.yaml': DUPLICATE, 'clean/valohai.yaml': '- step:\n    name: a\n    image: docker.io/library/python:3.12\n    command: x\n' });
    expect(runBundledCli(['clean'], { cwd: dir }).code).toBe(0);
    const broken = runBundledCli(['valohai.yaml', '--rule', 'yaml-duplicate-key=error'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('yaml-duplicate-key');
    expect(runBundledCli(['--no-such-flag']).code).toBe(2);
    const stdin = runBundledCli(['--stdin', '--format', 'json'], { input: DUPLICATE });
    expect((JSON.parse(stdin.stdout) as { files: { diagnostics: { ruleId: string }[] }[] }).files[0]!.diagnostics.map((d) => d.ruleId)).toContain('yaml-duplicate-key');
  });

  it('starts from the code cache the build wrote, and runs the same without it', () => {
    const withCache = runBundledCli(['--stdin', '--format', 'json'], { input: DUPLICATE, env: { VALOHAI_LINT_CODE_CACHE: 'report' } });
    expect(withCache.stderr).toBe('code cache: accepted\n');
    const copy = tree({});
    for (const file of ['valohai-lint.js', 'cli.cjs', 'package.json']) copyFileSync(join(dirname(BIN), file), join(copy, file));
    const r = spawnSync(process.execPath, [join(copy, 'valohai-lint.js'), '--stdin', '--format', 'json'], { input: DUPLICATE, encoding: 'utf8', env: { ...process.env, VALOHAI_LINT_CODE_CACHE: 'report' } });
    expect(r.stderr).toBe('code cache: missing\n');
    expect(r.stdout).toBe(withCache.stdout);
  });

  it('ends quietly when the reader closes the pipe early (valohai-lint | head)', async () => {
    ensureBuilt();
    // Far more output than a pipe holds, so the writes after the reader left really fail with EPIPE.
    const many = Array.from({ length: 3000 }, () => DUPLICATE).join('');
    const child = spawn(process.execPath, [BIN, '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(many);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('Error');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
