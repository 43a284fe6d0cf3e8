// One definition of which files are valohai.yaml files (packages/core/src/file-names.ts), and every surface agreeing with
// it: the CLI's folder search, glob matching as ESLint's `files` and VS Code's document selector do it, and the VS Code
// extension's activation events.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isValohaiFileName, VALOHAI_FILE_GLOBS } from '@valohai-lint/core/file-names';
import { findFiles } from '../packages/cli/src/files.js';

const LINTED = ['valohai.yaml', 'valohai.yml', 'staging.valohai.yaml', 'team_valohai.yml', 'gpu-valohai.yaml', 'a.b.valohai.yml'];
const NOT_LINTED = ['myvalohai.yaml', 'valohai.yaml.bak', 'valohai.json', 'valohai-config.yaml', '.valohai-lint.yaml', 'Valohai.yaml', 'valohai.yamlx'];

describe('valohai.yaml file names', () => {
  it('the core definition takes the variants and nothing else', () => {
    for (const name of LINTED) expect(isValohaiFileName(name), name).toBe(true);
    for (const name of NOT_LINTED) expect(isValohaiFileName(name), name).toBe(false);
  });

  it('the globs (ESLint `files`, the VS Code document selector) match exactly the same names, at any depth', () => {
    for (const name of [...LINTED, ...NOT_LINTED]) {
      for (const path of [name, `deep/er/${name}`]) {
        expect(VALOHAI_FILE_GLOBS.some((g) => minimatch(path, g, { dot: true })), path).toBe(isValohaiFileName(name));
      }
    }
  });

  it('the CLI finds exactly those files in a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-names-'));
    try {
      mkdirSync(join(dir, 'sub'));
      for (const name of [...LINTED, ...NOT_LINTED]) writeFileSync(join(dir, 'sub', name), '[]\n');
      const found = findFiles(['.'], dir).files.map((f) => basename(f)).sort();
      expect(found).toEqual([...LINTED].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the pre-commit hooks' files pattern takes the same names (and .valohai-lint.yaml, whose edits change findings)", () => {
    const hooks = parse(readFileSync(join(import.meta.dirname, '../.pre-commit-hooks.yaml'), 'utf8')) as { id: string; files: string }[];
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) {
      const pattern = new RegExp(hook.files);
      for (const name of [...LINTED, ...NOT_LINTED]) {
        for (const path of [name, `deep/er/${name}`]) expect(pattern.test(path), `${hook.id}: ${path}`).toBe(isValohaiFileName(name) || /^\.valohai-lint\.ya?ml$/.test(name));
      }
    }
  });

  it('the VS Code extension activates on the same globs', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../extension/package.json'), 'utf8')) as { activationEvents: string[] };
    const activation = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:') && !e.includes('.valohai-lint.')).map((e) => e.slice('workspaceContains:'.length));
    expect(activation).toEqual([...VALOHAI_FILE_GLOBS]);
  });
});
