// docs/cli.md and docs/ci.md against the real CLI: every option and format documented, the JSON field list exactly the
// fields the CLI writes, the examples real output, and the CI examples run as written (their valohai-lint commands on
// the shared fixture, the files they publish checked). The install command and pre-commit run in pre-commit.test.ts.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORMATS, HELP } from '../../packages/cli/src/args.js';
import { NO_CI, ROOT, runCli } from '../helpers/cli.js';
import { codeBlock, codeBlocks } from '../helpers/markdown.js';
import { onlyRules } from '../helpers/rules.js';
import { sarifValidator } from '../helpers/sarif.js';

const CLI_MD = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
const PROJECT = join(import.meta.dirname, 'formats/project');

/** The rows of the Markdown table that follows a heading, as arrays of cells (header and separator dropped). */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.slice(1, -1).split(' | ').map((c) => c.trim()));
  return rows;
}

/** Every key path of a JSON value: `a`, `a[]`, `a[].b`; objects in arrays merged. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    out.add(`${prefix}[]`);
    for (const item of value) keyPaths(item, `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (!Array.isArray(v)) out.add(path);
      keyPaths(v, path, out);
    }
  }
  return out;
}

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-docs-'));
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

describe('docs/cli.md', () => {
  it('documents every option of --help, and no other', async () => {
    const helpOptions = new Set(HELP.slice(HELP.indexOf('Options:'), HELP.indexOf('Exit codes:')).match(/--[a-z][a-z-]*/g));
    const rows = tableAfter(CLI_MD, '## Options');
    const documented = new Set(rows.flatMap((r) => r[0]!.match(/--[a-z][a-z-]*/g) ?? []));
    expect([...documented].sort()).toEqual([...helpOptions].sort());
  });
  it('has a section for every format, and lists them all', async () => {
    for (const f of FORMATS) expect(CLI_MD).toContain(`\n### ${f}\n`);
    const formatRow = tableAfter(CLI_MD, '## Options').find((r) => r[0]!.includes('--format'))!;
    for (const f of FORMATS) expect(formatRow[1]).toContain(`\`${f}\``);
  });
  it('documents exactly the fields of the json format', async () => {
    const dir = copyProject();
    const plain = JSON.parse((await runCli(['--format', 'json', ...onlyRules()], { cwd: dir })).stdout) as unknown;
    const fixed = JSON.parse((await runCli(['--format', 'json', '--fix', ...onlyRules()], { cwd: dir })).stdout) as unknown;
    const actual = new Set([...keyPaths(plain), ...keyPaths(fixed)]);
    const documented = new Set(tableAfter(CLI_MD, '### json').map((r) => r[0]!.replace(/`/g, '')));
    expect([...documented].sort()).toEqual([...actual].sort());
  });
  it('documents exactly the fields of --list-rules --format json', async () => {
    const list = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout) as Record<string, unknown>[];
    const documented = tableAfter(CLI_MD, '## `--list-rules`').map((r) => r[0]!.replace(/`/g, ''));
    // Some fields are present only where they apply (messageSeverities): document the union over every rule.
    expect(documented.sort()).toEqual([...new Set(list.flatMap((rule) => Object.keys(rule)))].sort());
  });
  it('shows real output in the github and gitlab examples', async () => {
    const github = (await runCli(['--format', 'github', ...onlyRules()], { cwd: PROJECT, env: NO_CI })).stdout.split('\n');
    expect(github).toContain(codeBlock('docs/cli.md', 'text').trim());
    const gitlab = JSON.parse((await runCli(['--format', 'gitlab', ...onlyRules()], { cwd: PROJECT, env: NO_CI })).stdout) as unknown[];
    const example = JSON.parse(codeBlocks('docs/cli.md').filter((b) => b.info === 'json')[1]!.body) as unknown[];
    for (const issue of example) expect(gitlab).toContainEqual(issue);
  });
});

/** Runs a documented `valohai-lint …` command line (no quoting in these) with the built CLI, pinned to stable rules. */
function runDocumented(commandLine: string, cwd: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof runCli> {
  const [command, ...args] = commandLine.trim().split(/\s+/);
  expect(command).toBe('valohai-lint');
  return runCli([...args, ...onlyRules()], { cwd, env: { ...NO_CI, ...env } });
}

describe('docs/ci.md', () => {
  const install = codeBlock('docs/ci.md', 'sh').trim();

  it('GitHub Actions: annotations to standard output, a job summary, and a valid SARIF file for the upload step', async () => {
    const workflow = parse(codeBlock('docs/ci.md', 'yaml .github/workflows/valohai-lint.yml')) as { jobs: Record<string, { permissions: Record<string, string>; steps: { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, string> }[] }> };
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.permissions['security-events']).toBe('write');
    const runs = job.steps.filter((s) => s.run !== undefined).map((s) => s.run!.trim());
    expect(runs).toEqual([install, expect.stringMatching(/^valohai-lint /)]);
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toBe('${{ !cancelled() }}');

    const dir = copyProject();
    const summary = join(dir, 'step-summary.md');
    const r = await runDocumented(runs[1]!, dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('| Severity | Location | Rule | Message |');
    const sarifFile = join(dir, upload.with!['sarif_file']!);
    expect(sarifValidator()(JSON.parse(readFileSync(sarifFile, 'utf8')))).toEqual({ valid: true, errors: '' });
  });

  it('GitLab CI: the findings in the log and the Code Quality report the artifact names', async () => {
    const config = parse(codeBlock('docs/ci.md', 'yaml .gitlab-ci.yml')) as Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string } } }>;
    const job = Object.values(config)[0]!;
    expect(job.script[0]).toBe(install);
    expect(job.artifacts.when).toBe('always');
    const dir = copyProject();
    const r = await runDocumented(job.script[1]!, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('yaml-duplicate-key');
    const report = JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality), 'utf8')) as { check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(report.length).toBeGreaterThan(0);
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);
    for (const issue of report) expect(existsSync(join(dir, issue.location.path))).toBe(true);
  });

  it('pre-commit: the configurations name hooks that .pre-commit-hooks.yaml defines', async () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string }[];
    for (const [info, id, language] of [
      ['yaml .pre-commit-config.yaml', 'valohai-lint', 'node'],
      ['yaml .pre-commit-config.yaml (valohai-lint on PATH)', 'valohai-lint-system', 'system'],
    ] as const) {
      const config = parse(codeBlock('docs/ci.md', info)) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
      expect(config.repos[0]!.hooks.map((h) => h.id)).toEqual([id]);
      expect(hooks.find((h) => h.id === id)?.language).toBe(language);
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; pass_filenames: boolean }[];
  it('triggers on the files the CLI lints by default, and on the configuration', async () => {
    const names = ['valohai.yaml', 'valohai.yml', 'staging.valohai.yaml', 'team_valohai.yml', 'ml-valohai.yaml', 'myvalohai.yaml', 'valohai.yaml.bak', 'valohai.json', 'other.yaml', '.valohai-lint.yaml', '.valohai-lint.yml', 'valohai-lint.yaml'];
    const dir = mkdtempSync(join(tmpdir(), 'vl-hook-files-'));
    for (const name of names) writeFileSync(join(dir, name), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n');
    // The CLI reads .valohai-lint.yaml as its configuration, so write a valid one.
    for (const name of ['.valohai-lint.yaml', '.valohai-lint.yml']) writeFileSync(join(dir, name), 'rules: {}\n');
    const linted = (JSON.parse((await runCli(['--format', 'json', '--config', join(dir, '.valohai-lint.yaml')], { cwd: dir })).stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    for (const hook of hooks) {
      expect(hook.entry).toBe('valohai-lint');
      expect(hook.pass_filenames).toBe(false);
      const files = new RegExp(hook.files);
      const triggering = names.filter((n) => files.test(n) && files.test(`sub/dir/${n}`));
      expect(triggering.sort()).toEqual([...linted, '.valohai-lint.yaml', '.valohai-lint.yml'].sort());
    }
    expect(linted.sort()).toEqual(['ml-valohai.yaml', 'staging.valohai.yaml', 'team_valohai.yml', 'valohai.yaml', 'valohai.yml']);
  });
});
