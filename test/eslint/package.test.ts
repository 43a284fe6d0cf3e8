// eslint-plugin-valohai as a user gets it: `npm pack` of the package, unpacked into a project's node_modules with only
// ESLint beside it, lints valohai.yaml; and an eslint.config.ts using it type-checks against the package's types under
// the pinned ESLint's types and the oldest supported one's. In process, ESLint's Linter shows the core lints each file
// once, however many rules are on.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import { FileAnalysis } from '../../packages/eslint-plugin/src/analysis.js';
import { plugin } from '../../packages/eslint-plugin/src/index.js';
import { ROOT } from '../helpers/cli.js';
import { ensurePluginBuilt, ESLINT_VERSIONS, RECOMMENDED_CONFIG, runEslint } from '../helpers/eslint.js';

const PACKAGE = join(ROOT, 'packages/eslint-plugin');
const ESLINT_DIRS: Record<(typeof ESLINT_VERSIONS)[number], string> = { '10.15.0': join(ROOT, 'test/node_modules/eslint'), '9.15.0': join(ROOT, 'test/node_modules/eslint-v9') };
const VALOHAI_YAML = '- step:\n    name: train\n    image: myorg/train:1.0\n    command: python train.py\n';

/** `npm pack` of the plugin: the tarball a user installs. */
function pack(): string {
  ensurePluginBuilt();
  const packs = mkdtempSync(join(tmpdir(), 'vl-pack-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packs], { cwd: PACKAGE, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  expect(packed!.files.map((f) => f.path).sort()).toEqual(['README.md', 'dist/index.js', 'dist/plugin.cjs', 'dist/plugin.cjs.cache', 'package.json', 'types/index.d.ts']);
  return join(packs, packed!.filename);
}

/** A folder with the packed plugin unpacked in its node_modules, as npm would install it. */
function installedIn(dir: string, tarball: string): string {
  const target = join(dir, 'node_modules/eslint-plugin-valohai');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return dir;
}

/** The findings of a `--format json` run, without the file's path (each project is its own folder). */
function messagesOf(stdout: string): unknown[] {
  return (JSON.parse(stdout) as { messages: unknown[] }[]).flatMap((r) => r.messages);
}

function installedProject(tarball: string): string {
  const project = installedIn(mkdtempSync(join(tmpdir(), 'vl-installed-')), tarball);
  writeFileSync(join(project, 'eslint.config.js'), RECOMMENDED_CONFIG);
  writeFileSync(join(project, 'valohai.yaml'), VALOHAI_YAML);
  return project;
}

describe('the packed package', () => {
  const tarball = pack();
  const project = installedProject(tarball);

  it('declares ESLint as its only peer and needs no dependency of its own', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/eslint-plugin-valohai/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['type']).toBe('module');
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['peerDependencies']).toEqual({ eslint: '>=9.15.0' });
  });

  it.each(ESLINT_VERSIONS)('lints valohai.yaml under ESLint %s', (version) => {
    const run = runEslint(version, ['--format', 'json', 'valohai.yaml'], project);
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['valohai/image-fully-qualified']);
  });

  it('loads from the code cache the build wrote, and lints the same without it', () => {
    const cached = runEslint('10.15.0', ['--format', 'json', 'valohai.yaml'], project, { VALOHAI_ESLINT_CODE_CACHE: 'report' });
    expect(cached.stderr).toBe('eslint-plugin-valohai code cache: accepted\n');
    const uncached = installedProject(tarball);
    rmSync(join(uncached, 'node_modules/eslint-plugin-valohai/dist/plugin.cjs.cache'));
    const run = runEslint('10.15.0', ['--format', 'json', 'valohai.yaml'], uncached, { VALOHAI_ESLINT_CODE_CACHE: 'report' });
    expect(run.stderr).toBe('eslint-plugin-valohai code cache: missing\n');
    expect(messagesOf(run.stdout)).toEqual(messagesOf(cached.stdout));
    expect(messagesOf(run.stdout).length).toBeGreaterThan(0);
  });

  it.each(ESLINT_VERSIONS)("type-checks a TypeScript eslint.config.ts against ESLint %s's types", (version) => {
    const dir = installedIn(mkdtempSync(join(tmpdir(), 'vl-types-')), tarball);
    symlinkSync(ESLINT_DIRS[version], join(dir, 'node_modules/eslint'), 'junction');
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['eslint.config.ts'] }));
    writeFileSync(
      join(dir, 'eslint.config.ts'),
      `import valohai, { type ValohaiSettings } from 'eslint-plugin-valohai';
import type { Linter } from 'eslint';

const settings: ValohaiSettings = { configFile: false, public: ['docker.io/library/*'] };
const config: Linter.Config[] = [valohai.configs.recommended, { files: valohai.configs.recommended.files, rules: { 'valohai/image-tag': 'error' }, settings: { valohai: settings } }];
export default config;
// @ts-expect-error: configFile is a path or false
export const wrong: ValohaiSettings = { configFile: true };
`,
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('one core lint per file', () => {
  it('however many rules are on, and none when the plugin has no rule on', () => {
    const run = vi.spyOn(FileAnalysis.prototype as unknown as { run: () => unknown }, 'run');
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(VALOHAI_YAML.replace('myorg/train:1.0', 'myorg/train'), [plugin.configs.recommended as Linter.Config], 'valohai.yaml');
    expect(messages.map((m) => m.ruleId)).toEqual(['valohai/image-fully-qualified', 'valohai/image-tag']);
    expect(Object.keys(plugin.configs.recommended.rules).length).toBeGreaterThan(40);
    expect(run).toHaveBeenCalledTimes(1);
    linter.verify(VALOHAI_YAML, [{ ...(plugin.configs.recommended as Linter.Config), rules: {} }], 'valohai.yaml');
    expect(run).toHaveBeenCalledTimes(1);
    run.mockRestore();
  });
});
