// No input may stall or exhaust the tools (issue 10, items 6-10), end to end through the bundled CLI and server:
// configuration files that are devices, pipes, folders or huge; brace bombs; one-line files of hundreds of KB; files
// far over the size limit, which are not even read. The work-counting tests are in linear-work.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUri, TestClient } from '../helpers/lsp.js';
import { brokenMinifiedSteps, longKey, mergeChain, minifiedSteps } from '../hostile/generate.js';
import { openFolder, run } from './run.js';

const HOSTILE = join(import.meta.dirname, '../hostile');
const CLEAN = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';

/** A project whose `.valohai-lint.yaml` is made by `make` (a link, a pipe, a folder…). */
function projectWithConfig(make: (configPath: string) => void): string {
  const dir = openFolder();
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'valohai.yaml'), CLEAN);
  make(join(dir, '.valohai-lint.yaml'));
  return dir;
}

const CONFIGS: [string, (path: string) => void, string][] = [
  ['a link to /dev/zero', (p) => symlinkSync('/dev/zero', p), 'is a character device, not a regular file, so it was not read'],
  ['a named pipe', (p) => expect(spawnSync('mkfifo', [p]).status).toBe(0), 'is a named pipe, not a regular file, so it was not read'],
  ['a folder', (p) => mkdirSync(p), 'is a folder, not a regular file, so it was not read'],
  ['a link that leads nowhere', (p) => symlinkSync('gone.yaml', p), 'cannot be read: it does not exist'],
  ['over 1 MB', (p) => writeFileSync(p, `# ${'x'.repeat(1_000_000)}\n`), 'has 1000003 bytes, more than the 1000000 a configuration file can have, so it was not read'],
  ['not UTF-8', (p) => writeFileSync(p, Buffer.from('rules:\n  image-tag: \xff\n', 'latin1')), 'The byte "0xFF" is not valid UTF-8'],
];

describe('a .valohai-lint.yaml that is not a regular file of sensible size', () => {
  it.each(CONFIGS)('%s: a configuration error at that path, at once', (_what, make, message) => {
    const r = run([], { cwd: projectWithConfig(make) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.valohai-lint.yaml:');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('(config-invalid)');
  });

  it('the language server reports a configuration pipe on the document and keeps answering', async () => {
    const dir = projectWithConfig((p) => expect(spawnSync('mkfifo', [p]).status).toBe(0));
    const client = await TestClient.start({ pull: false, workspaceFolders: [fileUri(dir)] });
    try {
      const uri = fileUri(join(dir, 'valohai.yaml'));
      await client.open(uri, CLEAN);
      const diagnostics = await client.pushedFor(uri);
      expect(diagnostics.map((d) => d.message).join('\n')).toContain('is a named pipe, not a regular file, so it was not read');
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
      expect(hover).not.toBeUndefined();
    } finally {
      await client.stop();
    }
  });
});

describe('inputs that would take seconds or gigabytes', () => {
  it('an ignore glob with {a,b} thirty times is a configuration error, not 100,000 patterns per file', () => {
    const dir = projectWithConfig((p) => writeFileSync(p, readFileSync(join(HOSTILE, 'brace-bomb.valohai-lint.yaml'))));
    const r = run([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\.valohai-lint\.yaml:2:5: error: The glob "\{a,b\}.*" stands for more than 256 patterns once its braces are expanded/);
  });

  it('chained merge keys end in an alias-bomb finding', () => {
    const dir = openFolder();
    writeFileSync(join(dir, 'valohai.yaml'), mergeChain(3000));
    const r = run(['--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].diagnostics.map((d: { message: string }) => d.message)).toEqual(['Aliases here expand into a document far larger than the file; refusing to load it.']);
  });

  it('a one-line file of 250 KB: a report with every finding, lines of bounded width, in size linear in the findings', () => {
    const dir = openFolder();
    const text = minifiedSteps(3500);
    expect(text.length).toBeGreaterThan(240_000);
    writeFileSync(join(dir, 'valohai.yaml'), text);
    const r = run(['--include-hints'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('10500 problems (3500 errors, 3500 warnings, 3500 hints)');
    const widest = Math.max(...r.stdout.split('\n').map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(400);
    expect(r.stdout.length / 10_500).toBeLessThan(600);
    // Each underline starts on a character its frame shows: findings further along the line get frames of their own
    // (under one frame for the whole line, their underlines were piled up past its end, and grouping them was quadratic).
    const lines = r.stdout.split('\n');
    let shown = '';
    let underlines = 0;
    for (const line of lines) {
      if (/^ {4}> 1 \| /.test(line)) shown = line;
      const caret = /^ {8}\| +\^/.test(line) ? line.indexOf('^') : -1;
      if (caret < 0) continue;
      underlines++;
      expect(caret, line).toBeLessThan(shown.replace(/…$/, '').length);
    }
    expect(underlines).toBe(7000);
  });

  it('a one-line file with a syntax error in each of 4,000 steps: one finding, at the first', () => {
    const dir = openFolder();
    writeFileSync(join(dir, 'valohai.yaml'), brokenMinifiedSteps(4000));
    const r = run(['--format', 'json'], { cwd: dir });
    const found = JSON.parse(r.stdout).files[0].diagnostics as { ruleId: string; line: number; column: number }[];
    expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml-syntax', 1, 23]]);
  });

  it('a key of 100,000 characters is shortened in its message', () => {
    const dir = openFolder();
    writeFileSync(join(dir, 'valohai.yaml'), longKey(100_000));
    const message = JSON.parse(run(['--format', 'json'], { cwd: dir }).stdout).files[0].diagnostics[0].message as string;
    expect(message).toMatch(/^Unknown key "k{100}…k{99}" in step "train"\./);
  });

  it('a file of 300 MB is reported from its size alone: never read, never echoed', () => {
    const dir = openFolder();
    // Sparse: 300 MB of zeros that take no disk. Read, it would be a NUL error (and 300 MB of memory).
    expect(spawnSync('truncate', ['-s', '300M', join(dir, 'valohai.yaml')]).status).toBe(0);
    const r = run([], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1:1  error  This file has 314572800 bytes, far more than the limit of 5000000 characters, so it was not read; a valohai.yaml is rarely over 100 KB.  file-too-large');
    expect(r.stdout.length).toBeLessThan(400);
  });

  it('a file just over the limit in characters is reported without showing it', () => {
    const dir = openFolder();
    writeFileSync(join(dir, '.valohai-lint.yaml'), 'maxFileSize: 1000\n');
    writeFileSync(join(dir, 'valohai.yaml'), `x: ${'a'.repeat(1500)}\n`);
    const r = run([], { cwd: dir });
    expect(r.stdout).toContain('This file has 1504 characters, more than the limit of 1000');
    expect(r.stdout).not.toContain('aaaa');
  });
});
