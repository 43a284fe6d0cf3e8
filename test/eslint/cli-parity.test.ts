// The real `eslint` command with configs.recommended finds exactly what `valohai-lint` finds (rule, severity, line,
// column, end line, end column, message) over the shared corpus of real files and the example project, under the
// pinned ESLint and the oldest supported one; and `eslint --fix` writes byte for byte what `valohai-lint --fix` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBundledCli, tree, writableCopy } from '../helpers/cli.js';
import { corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { ESLINT_VERSIONS, eslintProject, RECOMMENDED_CONFIG, runEslint } from '../helpers/eslint.js';

const REAL = HAS_CORPUS ? corpusPath('real') : join(ROOT, '../shared/corpus/real');
const EXAMPLES = join(ROOT, 'examples');

interface Finding {
  file: string;
  rule: string;
  severity: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

interface CliJson {
  files: { path: string; diagnostics: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; related?: { message: string; line: number; column: number }[] }[] }[];
}
interface EslintJson {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number }[];
}

const order = (a: Finding, b: Finding): number => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);

/** What the CLI finds, as ESLint is expected to show it: rule `valohai/<id>`, severity 2 or 1, related places in the message. */
function cliFindings(dir: string): Finding[] {
  const run = runBundledCli(['--format', 'json', '.'], { cwd: dir });
  expect(run.stderr).toBe('');
  const json = JSON.parse(run.stdout) as CliJson;
  return json.files
    .flatMap((f) =>
      f.diagnostics.map((d) => ({
        file: f.path,
        rule: `valohai/${d.ruleId}`,
        severity: d.severity === 'error' ? 2 : 1,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        message: d.message + (d.related?.length ? ` (${d.related.map((r) => `${r.message} at ${r.line}:${r.column}`).join('; ')})` : ''),
      })),
    )
    .sort(order);
}

function eslintFindings(version: (typeof ESLINT_VERSIONS)[number], dir: string, config: string, extra: string[] = []): { files: string[]; findings: Finding[] } {
  const run = runEslint(version, ['--config', config, '--format', 'json', ...extra, '.'], dir);
  expect(run.stderr).toBe('');
  const json = JSON.parse(run.stdout) as EslintJson[];
  const files = json.map((r) => relative(dir, r.filePath).split('\\').join('/')).sort();
  const findings = json
    .flatMap((r) =>
      r.messages.map((m) => ({ file: relative(dir, r.filePath).split('\\').join('/'), rule: m.ruleId ?? '(none)', severity: m.severity, line: m.line, column: m.column, endLine: m.endLine ?? -1, endColumn: m.endColumn ?? -1, message: m.message })),
    )
    .sort(order);
  return { files, findings };
}

const corpusPresent = HAS_CORPUS;

const projects: { name: string; dir: string; present: boolean }[] = [
  { name: 'examples/', dir: EXAMPLES, present: true },
  { name: '../shared/corpus/real', dir: REAL, present: corpusPresent },
];

describe.each(ESLINT_VERSIONS)('eslint %s with configs.recommended', (version) => {
  const project = eslintProject({ 'eslint.config.js': RECOMMENDED_CONFIG });
  const config = join(project, 'eslint.config.js');
  for (const p of projects) {
    it.skipIf(!p.present)(`finds exactly what valohai-lint finds in ${p.name}`, () => {
      const expected = cliFindings(p.dir);
      const actual = eslintFindings(version, p.dir, config);
      // The CLI lints valohai.yaml files; ESLint lints them and the folder's .valohai-lint.yaml (clean here).
      const linted = readdirSync(p.dir).filter((f) => /(?:^|[._-])valohai\.ya?ml$/.test(f));
      expect(actual.files.filter((f) => !f.endsWith('.valohai-lint.yaml'))).toEqual(linted.sort());
      expect(expected.length).toBeGreaterThan(0);
      expect(actual.findings).toEqual(expected);
    });
  }
});

/** Files where fixes meet byte-level traps: a BOM, CRLF line ends, comments, quoting and touching fixes. */
const TRICKY: Record<string, string> = {
  'bom-crlf-valohai.yaml': '\uFEFF- step:\r\n    name: train  # keep this comment\r\n    image: python:3.12\r\n    command: python train.py\r\n',
  'quoted-valohai.yaml': "- step:\n    name: a\n    image: 'python:3.12'   # single quotes\n    command: x\n- step:\n    name: b\n    image: \"tensorflow/tensorflow:2.15.0\"\n    command: y\n",
  'suppression-valohai.yaml': '# valohai-lint-disable-next-line yaml-duplicate-key -- stale\n- step:\n    name: a\n    image: python:3.12 # valohai-lint-disable image-tag\n    command: x\n',
  'broken-valohai.yaml': '- step:\n    name: a\n    image: python:3.12\n    command: [x\n',
};

describe('eslint --fix writes what valohai-lint --fix writes', () => {
  const sources: { name: string; dir: string; present: boolean }[] = [...projects, { name: 'files with BOM, CRLF, comments and quoting', dir: tree(TRICKY), present: true }];
  for (const s of sources) {
    it.skipIf(!s.present)(`on a copy of ${s.name}`, () => {
      const byCli = writableCopy(s.dir);
      const byEslint = writableCopy(s.dir);
      runBundledCli(['--fix', '.'], { cwd: byCli });
      const project = eslintProject({ 'eslint.config.js': RECOMMENDED_CONFIG });
      runEslint('10.15.0', ['--config', join(project, 'eslint.config.js'), '--fix', '.'], byEslint);
      const names = readdirSync(byCli).filter((f) => /(?:^|[._-])valohai\.ya?ml$/.test(f));
      const changed = names.filter((f) => !readFileSync(join(s.dir, f)).equals(readFileSync(join(byCli, f))));
      expect(changed.length, 'valohai-lint --fix changed nothing, so this compares nothing').toBeGreaterThan(0);
      for (const f of names) expect(readFileSync(join(byEslint, f)).equals(readFileSync(join(byCli, f))), f).toBe(true);
    });
  }
});
