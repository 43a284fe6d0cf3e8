// Every output format on one shared fixture, compared exactly with the expected files next to it (UPDATE=1 rewrites
// them); SARIF validated against the SARIF 2.1.0 JSON Schema; fingerprints that survive moved lines; GitHub's escaping.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getFindingKinds, ruleDocsUrl } from '@valohai-lint/core';
import { annotation, escapeData, escapeProperty, jobSummary } from '../../packages/cli/src/formatters/github.js';
import { NO_CI, runCli, type CliRun } from '../helpers/cli.js';
import { onlyRules } from '../helpers/rules.js';
import { sarifValidator } from '../helpers/sarif.js';

const FORMATS_DIR = join(import.meta.dirname, 'formats');
const PROJECT = join(FORMATS_DIR, 'project');
const EXPECTED = join(FORMATS_DIR, 'expected');
const UPDATE = process.env['UPDATE'] === '1';

/** An environment with no CI variables, whatever the machine running the tests has set. */

function lintProject(args: string[], env: NodeJS.ProcessEnv = {}, cwd = PROJECT): Promise<CliRun> {
  return runCli([...args, ...onlyRules()], { cwd, env: { ...NO_CI, ...env } });
}

function matchesExpected(name: string, actual: string): void {
  const file = join(EXPECTED, name);
  if (UPDATE) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} differs; run UPDATE=1 pnpm vitest run test/cli/formats.test.ts to accept`).toBe(readFileSync(file, 'utf8'));
}

interface SarifLog {
  runs: {
    tool: { driver: { version: string; semanticVersion: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex?: number; level: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
  }[];
}

/**
 * What of a SARIF log the snapshot keeps: the version and the project's absolute location replaced, and only the
 * rules the results refer to (the full list grows with every new rule; its completeness is tested separately). The
 * rule indexes are checked here, then dropped for the same reason.
 */
function stableSarif(text: string, cwd: string): string {
  const log = JSON.parse(text) as SarifLog;
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules;
  for (const r of run.results) {
    expect(rules[r.ruleIndex!]?.id).toBe(r.ruleId);
    delete r.ruleIndex;
  }
  const used = new Set(run.results.map((r) => r.ruleId));
  run.tool.driver.rules = rules.filter((r) => used.has(r.id));
  run.tool.driver.version = run.tool.driver.semanticVersion = '<version>';
  expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(`${cwd}/`).href);
  run.originalUriBaseIds['%SRCROOT%']!.uri = 'file:///project/';
  return `${JSON.stringify(log, null, 2)}\n`;
}

describe('snapshots of every format on the shared fixture', () => {
  it('stylish', async () => {
    const r = await lintProject([]);
    expect(r.code).toBe(1);
    matchesExpected('stylish.txt', r.stdout);
  });
  it('json', async () => {
    const r = await lintProject(['--format', 'json']);
    matchesExpected('json.json', r.stdout.replace(/"version": "[^"]+"/, '"version": "<version>"'));
  });
  it('sarif', async () => {
    const r = await lintProject(['--format', 'sarif']);
    expect(r.code).toBe(1);
    matchesExpected('sarif.json', stableSarif(r.stdout, PROJECT));
  });
  it('github, with the job summary appended and paths relative to GITHUB_WORKSPACE', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'vl-gh-')), 'summary.md');
    writeFileSync(summary, '## An earlier step\n\n');
    const r = await lintProject(['--format', 'github'], { GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: FORMATS_DIR, GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/models', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' });
    expect(r.code).toBe(1);
    matchesExpected('github.txt', r.stdout);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('## An earlier step\n\n')).toBe(true);
    matchesExpected('github-summary.md', written);
  });
  it('gitlab, with paths relative to CI_PROJECT_DIR', async () => {
    const r = await lintProject(['--format', 'gitlab'], { CI_PROJECT_DIR: FORMATS_DIR });
    expect(r.code).toBe(1);
    matchesExpected('gitlab.json', r.stdout);
  });
  it('all five in one run, each to its own file, give the same text', async () => {
    const out = mkdtempSync(join(tmpdir(), 'vl-formats-'));
    const r = await lintProject(['--format', 'json', ...['stylish', 'sarif', 'github', 'gitlab'].flatMap((f) => ['--format', `${f}=${join(out, f)}`])]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'stylish'), 'utf8')).toBe((await lintProject([])).stdout);
    expect(readFileSync(join(out, 'gitlab'), 'utf8')).toBe((await lintProject(['--format', 'gitlab'])).stdout);
    expect(readFileSync(join(out, 'github'), 'utf8')).toBe((await lintProject(['--format', 'github'])).stdout);
    expect(readFileSync(join(out, 'sarif'), 'utf8')).toBe((await lintProject(['--format', 'sarif'])).stdout);
    expect(r.stdout).toBe((await lintProject(['--format', 'json'])).stdout);
  });
});

describe('sarif', () => {
  const validate = sarifValidator();
  it('is valid SARIF 2.1.0: with findings, fixes and related locations, and with none', async () => {
    const withFindings = JSON.parse((await lintProject(['--format', 'sarif'])).stdout) as SarifLog;
    expect(withFindings.runs[0]!.results.length).toBeGreaterThan(0);
    expect(validate(withFindings)).toEqual({ valid: true, errors: '' });
    const dir = mkdtempSync(join(tmpdir(), 'vl-sarif-'));
    writeFileSync(join(dir, 'valohai.yaml'), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n');
    const clean = await runCli(['--format', 'sarif'], { cwd: dir });
    expect(clean.code).toBe(0);
    const empty = JSON.parse(clean.stdout) as SarifLog;
    expect(empty.runs[0]!.results).toEqual([]);
    expect(validate(empty)).toEqual({ valid: true, errors: '' });
  });
  it('the validator is not vacuous: a wrong level is rejected', async () => {
    const log = JSON.parse((await lintProject(['--format', 'sarif'])).stdout) as SarifLog;
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log).valid).toBe(false);
  });
  it('describes every rule, with the fields GitHub requires', async () => {
    const log = JSON.parse((await runCli(['--format', 'sarif'], { cwd: PROJECT })).stdout) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(getFindingKinds().map((r) => r.meta.id));
    for (const r of rules) {
      expect(r.helpUri).toBe(ruleDocsUrl(r.id));
      for (const text of [r.shortDescription.text, r.fullDescription.text, r.help.text, r.help.markdown]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(1024);
      }
    }
  });
});

/** The fixture with lines inserted above everything: comments, blank lines and a whole step. */
function shiftedProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-shift-'));
  cpSync(PROJECT, dir, { recursive: true });
  const prefix = '# a comment\n\n- step:\n    name: prepare\n    image: docker.io/library/python:3.12\n    command: python prepare.py\n\n';
  for (const file of ['valohai.yaml', 'broken/valohai.yaml']) writeFileSync(join(dir, file), prefix + readFileSync(join(PROJECT, file), 'utf8'));
  return dir;
}

describe('paths', () => {
  it('sarif: relative URIs percent-encoded against %SRCROOT%, files outside the folder as file: URLs', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'vl-outside-'));
    mkdirSync(join(outside, 'my models#1'));
    writeFileSync(join(outside, 'my models#1', 'valohai.yaml'), '- step:\n    name: a\n    name: b\n');
    const cwd = mkdtempSync(join(tmpdir(), 'vl-cwd-'));
    const location = async (dir: string, file: string): Promise<unknown> => {
      const log = JSON.parse((await lintProject(['--format', 'sarif', file], {}, dir)).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
      return log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    };
    expect(await location(outside, 'my models#1/valohai.yaml')).toEqual({ uri: 'my%20models%231/valohai.yaml', uriBaseId: '%SRCROOT%' });
    expect(await location(cwd, join(outside, 'my models#1/valohai.yaml'))).toEqual({ uri: pathToFileURL(join(outside, 'my models#1/valohai.yaml')).href });
  });
});

describe('fingerprints', () => {
  it('stay the same when unrelated lines are inserted above (SARIF and GitLab), and are unique', async () => {
    const shifted = shiftedProject();
    const sarifPrints = async (cwd: string): Promise<{ prints: string[]; lines: number[] }> => {
      const results = (JSON.parse((await lintProject(['--format', 'sarif'], {}, cwd)).stdout) as SarifLog).runs[0]!.results;
      return { prints: results.map((r) => r.partialFingerprints['valohaiLint/v1']!), lines: results.map((r) => r.locations[0]!.physicalLocation.region.startLine) };
    };
    const before = await sarifPrints(PROJECT);
    const after = await sarifPrints(shifted);
    expect(after.lines).not.toEqual(before.lines);
    expect(after.prints).toEqual(before.prints);
    expect(new Set(before.prints).size).toBe(before.prints.length);

    const gitlabPrints = async (cwd: string): Promise<string[]> => (JSON.parse((await lintProject(['--format', 'gitlab'], {}, cwd)).stdout) as { fingerprint: string }[]).map((i) => i.fingerprint);
    const g = await gitlabPrints(PROJECT);
    expect(await gitlabPrints(shifted)).toEqual(g);
    expect(new Set(g).size).toBe(g.length);
  });
  it('tell identical findings apart, and change when the reported value changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-fp-'));
    const param = (name: string, value: string): string => `      - name: ${name}\n        type: string\n        default: ${value}\n`;
    const text = (a: string): string => `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    parameters:\n${param('a', a)}${param('b', 'no')}`;
    writeFileSync(join(dir, 'valohai.yaml'), text('no'));
    const prints = async (): Promise<string[]> => (JSON.parse((await lintProject(['--format', 'gitlab'], {}, dir)).stdout) as { fingerprint: string }[]).map((i) => i.fingerprint);
    const first = await prints();
    expect(first).toHaveLength(2);
    expect(first[0]).not.toBe(first[1]);
    writeFileSync(join(dir, 'valohai.yaml'), text('off'));
    const second = await prints();
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });
});

describe('github', () => {
  it('escapes messages and properties as the Actions toolkit does', async () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir, with: 100%\nx')).toBe('dir%2C with%3A 100%25%0Ax');
  });
  it('escapes real paths and messages with commas, colons, percent signs and line breaks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vl-gh-esc-'));
    mkdirSync(join(root, 'models, v2: 100%'));
    writeFileSync(join(root, 'models, v2: 100%', 'valohai.yaml'), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    environment-variables:\n      - name: MODE\n        default: "a"\n        "x,y: 5%\\r\\nz": 1\n        "x,y: 5%\\r\\nz": 2\n');
    const r = await lintProject(['--format', 'github'], {}, root);
    expect(r.stdout).toBe(
      '::warning file=models%2C v2%3A 100%25/valohai.yaml,line=9,endLine=9,col=9,endColumn=22,title=yaml-duplicate-key::Key "x,y: 5%25%0D%0Az" is repeated in this mapping; Valohai keeps only this last value and ignores the earlier one.\n',
    );
  });
  it('names columns (up to the last character) only for single-line ranges; a range ending at a line start ends on the line before', async () => {
    const d = { ruleId: 'r', messageId: 'm', message: 'm', severity: 'info' as const, span: { start: 0, end: 10 } };
    expect(annotation('a.yaml', { ...d, start: { line: 2, column: 3 }, end: { line: 2, column: 7 } })).toBe('::notice file=a.yaml,line=2,endLine=2,col=3,endColumn=6,title=r::m');
    expect(annotation('a.yaml', { ...d, start: { line: 2, column: 3 }, end: { line: 4, column: 7 } })).toBe('::notice file=a.yaml,line=2,endLine=4,title=r::m');
    expect(annotation('a.yaml', { ...d, start: { line: 2, column: 3 }, end: { line: 3, column: 1 } })).toBe('::notice file=a.yaml,line=2,endLine=2,title=r::m');
    expect(annotation('a.yaml', { ...d, start: { line: 2, column: 3 }, end: { line: 2, column: 3 } })).toBe('::notice file=a.yaml,line=2,endLine=2,col=3,endColumn=3,title=r::m');
  });
  it('says where the rest is when GitHub would drop annotations beyond 10 of a kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-gh-many-'));
    const params = Array.from({ length: 12 }, (_, i) => `      - name: p${i}\n        type: string\n        default: no\n`).join('');
    writeFileSync(join(dir, 'valohai.yaml'), `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    parameters:\n${params}`);
    const summary = join(dir, 'summary.md');
    const lines = (await lintProject(['--format', 'github'], { GITHUB_STEP_SUMMARY: summary }, dir)).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('::notice title=valohai-lint::12 problems: 0 errors, 12 warnings, 0 info. GitHub shows at most 10 annotations of each kind per step; the job summary lists all of them.');
    expect(readFileSync(summary, 'utf8').match(/^\| warning \|/gm)).toHaveLength(12);
  });
  it('keeps the job summary table intact whatever the message and path contain', async () => {
    const d = { ruleId: 'yaml-duplicate-key', messageId: 'm', message: 'a | b <c> *d* [e](f)\nnext `g`', severity: 'warning' as const, span: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
    const summary = jobSummary([{ path: '/w/a|b_c.yaml', relativePath: 'a|b_c.yaml', text: 'x', diagnostics: [d] }], {});
    expect(summary.split('\n').filter((l) => l.startsWith('| warning'))).toEqual([
      '| warning | a&#124;b\\_c.yaml:1:1 | [yaml-duplicate-key](https://github.com/valohai-lint/valohai-lint/blob/main/docs/rules/yaml-duplicate-key.md) | a &#124; b &lt;c&gt; \\*d\\* \\[e\\](f)<br>next \\`g\\` |',
    ]);
  });
  it('writes a short summary when there is nothing to report, and no annotations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-gh-clean-'));
    writeFileSync(join(dir, 'valohai.yaml'), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n');
    const summary = join(dir, 'summary.md');
    const r = await lintProject(['--format', 'github'], { GITHUB_STEP_SUMMARY: summary }, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(summary, 'utf8')).toBe('### valohai-lint\n\nNo problems found in 1 file.\n\n');
  });
});

describe('gitlab', () => {
  it('maps severities: error → major, warning → minor, info and hint → info', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-gl-'));
    writeFileSync(join(dir, 'valohai.yaml'), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    name: again\n');
    const severities = async (rule: string, severity: string): Promise<string[]> =>
      (JSON.parse((await lintProject(['--format', 'gitlab', '--include-hints', '--rule', `yaml-duplicate-key=${severity}`], {}, dir)).stdout) as { severity: string; check_name: string }[]).filter((i) => i.check_name === rule).map((i) => i.severity);
    expect(await severities('yaml-duplicate-key', 'error')).toEqual(['major']);
    expect(await severities('yaml-duplicate-key', 'warning')).toEqual(['minor']);
    expect(await severities('yaml-duplicate-key', 'info')).toEqual(['info']);
    expect(await severities('yaml-duplicate-key', 'hint')).toEqual(['info']);
  });
  it('writes an empty array when there is nothing to report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-gl-clean-'));
    writeFileSync(join(dir, 'valohai.yaml'), '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n');
    expect((await lintProject(['--format', 'gitlab'], {}, dir)).stdout).toBe('[]\n');
  });
});
