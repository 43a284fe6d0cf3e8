// The CLI's configuration contract: .valohai-lint.yaml found upward to the repository root, --config, --print-config,
// ignore globs, config errors at their line with exit code 2, and pattern warnings that do not block.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tree } from './helpers/cli.js';

const SHORT = '- step:\n    name: train\n    image: myorg/train:1.0\n    command: python train.py\n';

describe('.valohai-lint.yaml', () => {
  it('is found from the linted file upward, stopping at the repository root', async () => {
    const dir = tree({
      '.valohai-lint.yaml': 'rules:\n  image-fully-qualified: error\n', // above the repository: never read
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.valohai-lint.yaml': 'registries:\n  - pattern: docker.io/myorg/*\n    type: docker-hub\n',
      'repo/project/valohai.yaml': SHORT,
    });
    const r = await runCli(['--format', 'json'], { cwd: join(dir, 'repo') });
    const found = JSON.parse(r.stdout).files[0].diagnostics.map((d: { ruleId: string; severity: string }) => `${d.ruleId}:${d.severity}`);
    expect(found).toContain('image-registry-coverage:error');
    expect(found).not.toContain('image-fully-qualified:error');
    expect(r.code).toBe(1);
  });

  it('--config replaces discovery, and --print-config shows what applies to a file', async () => {
    const dir = tree({ 'valohai.yaml': SHORT, 'ci/strict.yaml': 'rules:\n  image-tag: error\nignore:\n  - legacy/**\n' });
    const printed = JSON.parse((await runCli(['--config', 'ci/strict.yaml', '--print-config', 'valohai.yaml', '--rule', 'image-fully-qualified=off'], { cwd: dir })).stdout);
    expect(printed).toEqual({ file: 'valohai.yaml', configFile: 'ci/strict.yaml', ignored: false, config: { rules: { 'image-tag': 'error', 'image-fully-qualified': 'off' } } });
    expect((await runCli(['--config', 'missing.yaml'], { cwd: dir })).code).toBe(2);
  });

  it('ignore globs skip files, relative to the configuration file', async () => {
    const dir = tree({ '.git/HEAD': '', '.valohai-lint.yaml': 'ignore:\n  - legacy/**\n', 'legacy/valohai.yaml': '- step: {', 'valohai.yaml': '- step:\n    name: a\n    image: docker.io/library/python:3.12\n    command: x\n' });
    const r = await runCli([], { cwd: dir });
    expect(r.stdout).not.toContain('legacy');
    expect(r.code).toBe(0);
  });

  it('a configuration error is reported at its line and stops the run with exit code 2', async () => {
    const dir = tree({ '.git/HEAD': '', '.valohai-lint.yaml': 'rules:\n  image-tag: eror\nregistrys: []\n', 'valohai.yaml': SHORT });
    const r = await runCli([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.valohai-lint.yaml:2:14: error: The severity of "image-tag" must be "error", "warning", "info", "hint" or "off". Did you mean "error"? (config-invalid)');
    expect(r.stderr).toContain('.valohai-lint.yaml:3:1: error: Unknown configuration key "registrys". Did you mean "registries"? (config-invalid)');
    expect(r.stdout).toBe('');
  });

  it('pattern warnings are shown but do not block the lint', async () => {
    const dir = tree({ '.git/HEAD': '', '.valohai-lint.yaml': 'registries:\n  - pattern: myorg/*\n    type: docker-hub\n', 'valohai.yaml': '- step:\n    name: a\n    image: docker.io/library/python:3.12\n    command: x\n' });
    const r = await runCli([], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('.valohai-lint.yaml:2:14: warning: Pattern "myorg/*" has no registry host');
  });
});

describe('--fix on image names keeps every other byte', () => {
  it('plain, single-quoted, double-quoted, flow and block values; CRLF, BOM and comments', async () => {
    const before = [
      '\uFEFF# images in every style\r\n',
      '- step:\r\n',
      '    name: plain\r\n',
      '    image: python:3.12   # official image\r\n',
      '    command: python train.py\r\n',
      "- step: {name: flow, image: 'myorg/train:1.0', command: [python, train.py]}\r\n",
      '- step:\r\n',
      '    name: double\r\n',
      '    image: "tensorflow/tensorflow:2.15.0"\r\n',
      '    command: |\r\n',
      '      python train.py\r\n',
      '      # not a comment, part of the command\r\n',
    ].join('');
    const after = before.replace('image: python:3.12', 'image: docker.io/library/python:3.12').replace("'myorg/train:1.0'", "'docker.io/myorg/train:1.0'").replace('"tensorflow/tensorflow:2.15.0"', '"docker.io/tensorflow/tensorflow:2.15.0"');
    const dir = tree({ 'valohai.yaml': before });
    expect((await runCli(['--fix'], { cwd: dir })).code).toBe(0);
    const fixed = readFileSync(join(dir, 'valohai.yaml'), 'utf8');
    expect(fixed).toBe(after);
    await runCli(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'valohai.yaml'), 'utf8')).toBe(after);
  });
});
