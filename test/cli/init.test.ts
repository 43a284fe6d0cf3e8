// `valohai-lint init`: on a folder holding the example project and a second valohai.yaml with ECR and Azure images, it
// writes a configuration under which every private image is covered (or, when a configuration already applies, leaves
// it alone and says what it lacks, and the lint reports those images); a second init changes nothing.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeImages, parseConfig, type LintConfig } from '@valohai-lint/core';
import { NO_CI, ROOT, runCli, tree, writableCopy } from '../helpers/cli.js';

const SERVING = [
  '- step:',
  '    name: batch',
  '    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/batch:3.1',
  '    command: python batch.py',
  '- step:',
  '    name: score',
  '    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/score:1.0',
  '    command: python score.py',
  '- endpoint:',
  '    name: api',
  '    image: mlteam.azurecr.io/serving/api:2.0',
  '    server-command: python serve.py',
  '    port: 8000',
  '',
].join('\n');

/** The example project plus serving/valohai.yaml, with or without the example's own .valohai-lint.yaml. */
function project(withConfig: boolean): string {
  const dir = writableCopy(join(ROOT, 'examples'));
  if (!withConfig) rmSync(join(dir, '.valohai-lint.yaml'));
  mkdirSync(join(dir, 'serving'));
  writeFileSync(join(dir, 'serving/valohai.yaml'), SERVING);
  return dir;
}

const FILES = ['valohai.yaml', 'serving/valohai.yaml'];

/** Every image that needs credentials under the folder's configuration: covered, or reported by the lint at its line. */
async function privateImagesCoveredOrReported(dir: string): Promise<{ covered: string[]; reported: string[] }> {
  const config = parseConfig(readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8')).config as LintConfig;
  const lintOut = JSON.parse((await runCli(['--format', 'json'], { cwd: dir, env: NO_CI })).stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number }[] }[] };
  const covered: string[] = [];
  const reported: string[] = [];
  for (const file of FILES) {
    const text = readFileSync(join(dir, file), 'utf8');
    const lines = new Set(lintOut.files.find((f) => f.path === file)!.diagnostics.filter((d) => d.ruleId === 'image-registry-coverage').map((d) => d.line));
    for (const image of describeImages(text, config).filter((d) => d.needsCredentials)) {
      if (image.coveredBy) covered.push(image.value);
      else {
        const line = text.slice(0, image.span.start).split('\n').length;
        expect(lines.has(line), `${file}: "${image.value}" is neither covered nor reported`).toBe(true);
        reported.push(image.value);
      }
    }
  }
  return { covered, reported };
}

describe('valohai-lint init', () => {
  it('writes a configuration that covers every private image, with no warnings of its own, and a second init changes nothing', async () => {
    const dir = project(false);
    const first = await runCli(['init'], { cwd: dir, env: NO_CI });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Wrote .valohai-lint.yaml for 2 valohai.yaml files.');
    const written = readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8');
    expect(parseConfig(written).diagnostics).toEqual([]);
    expect(parseConfig(written).config).toEqual({
      registries: [{ pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/*' }, { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/*' }, { pattern: 'mlteam.azurecr.io/serving/*' }],
      public: ['docker.io/library/*'],
    });
    // Each entry says where its images are used; the Docker Hub namespace is a commented-out candidate.
    expect(written).toContain('  # Azure Container Registry: endpoint "api" in serving/valohai.yaml\n  - pattern: mlteam.azurecr.io/serving/*\n');
    expect(written).toContain('  # - pattern: docker.io/example-org/*\n');
    const { covered, reported } = await privateImagesCoveredOrReported(dir);
    expect(reported).toEqual([]);
    expect(covered.sort()).toEqual([
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/score:1.0',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train:2.1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/batch:3.1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/evaluate:latest',
      'mlteam.azurecr.io/serving/api:2.0',
    ]);
    const second = await runCli(['init'], { cwd: dir, env: NO_CI });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('.valohai-lint.yaml exists and is left as it is; it covers the private images of its 2 valohai.yaml files.');
    expect(readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8')).toBe(written);
  });

  it('leaves an existing configuration alone, prints what it lacks, and the lint reports those images', async () => {
    const dir = project(true);
    const before = readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8');
    const first = await runCli(['init'], { cwd: dir, env: NO_CI });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('.valohai-lint.yaml exists and is left as it is; its 2 valohai.yaml files need these under "registries":\n');
    expect(first.stdout).toContain('  - pattern: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/*\n');
    expect(first.stdout).toContain('  - pattern: mlteam.azurecr.io/serving/*\n');
    expect(readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8')).toBe(before);
    const { covered, reported } = await privateImagesCoveredOrReported(dir);
    expect(covered.length).toBeGreaterThan(0);
    expect(reported.sort()).toEqual(['123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/batch:3.1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serving/evaluate:latest', 'example-org/evaluate:1.0', 'mlteam.azurecr.io/serving/api:2.0']);
    const second = await runCli(['init'], { cwd: dir, env: NO_CI });
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, '.valohai-lint.yaml'), 'utf8')).toBe(before);
  });

  it('never overwrites: a .valohai-lint.yml counts as the existing configuration', async () => {
    const dir = tree({ 'valohai.yaml': SERVING, '.valohai-lint.yml': '# ours\n' });
    const r = await runCli(['init'], { cwd: dir, env: NO_CI });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.valohai-lint.yml exists and is left as it is');
    expect(readFileSync(join(dir, '.valohai-lint.yml'), 'utf8')).toBe('# ours\n');
    expect(existsSync(join(dir, '.valohai-lint.yaml'))).toBe(false);
  });

  it('writes into the folder it is given, naming files relative to it', async () => {
    const dir = tree({ 'ml/valohai.yaml': SERVING });
    const r = await runCli(['init', 'ml'], { cwd: dir, env: NO_CI });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${relative(dir, join(dir, 'ml/.valohai-lint.yaml'))} for 1 valohai.yaml file.`);
    expect(readFileSync(join(dir, 'ml/.valohai-lint.yaml'), 'utf8')).toContain('endpoint "api" in valohai.yaml');
  });

  it.each([
    { what: 'two folders', args: ['init', 'a', 'b'], message: 'give one folder' },
    { what: 'a missing folder', args: ['init', 'nowhere'], message: '"nowhere" is not a folder' },
    { what: 'an unknown option', args: ['init', '--force'], message: "Unknown option '--force'" },
  ])('refuses $what with exit code 2', async ({ args, message }) => {
    const r = await runCli(args, { cwd: tree({ 'valohai.yaml': SERVING }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('says so when there is no valohai.yaml, and writes nothing', async () => {
    const dir = tree({ 'README.md': '# nothing here\n' });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no valohai.yaml or valohai.yml found');
    expect(existsSync(join(dir, '.valohai-lint.yaml'))).toBe(false);
  });
});
