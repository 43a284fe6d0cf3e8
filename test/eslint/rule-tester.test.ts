// ESLint's own RuleTester, under the pinned ESLint and the oldest supported one, over the core's rule fixtures: each
// rule's valid.yaml and annotated invalid.yaml (packages/core/test/fixtures/<rule-id>/) become RuleTester cases, so a
// rule added to the core is tested through ESLint too, or this test fails. Positions and messages come from the
// annotations; fixes are checked with `output` against invalid.fixed.yaml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import { applyEdits, getFindingKinds, lint, parseConfig, type Diagnostic, type LintConfig } from '@valohai-lint/core';
import { plugin } from '../../packages/eslint-plugin/src/index.js';
import { isAnnotationLine, parseAnnotations, type Expected } from '../../packages/core/test/annotations.js';

const FIXTURES = join(import.meta.dirname, '../../packages/core/test/fixtures');
const ids = getFindingKinds().map((r) => r.meta.id);

const strip = (text: string): string =>
  text
    .split(/(?<=\n)/)
    .filter((l) => !isAnnotationLine(l.replace(/\r?\n$/, '')))
    .join('');
const fixtureConfig = (text: string): LintConfig => {
  const m = /^#\s*lint-test:\s*config=(.*)$/m.exec(text);
  return m ? (JSON.parse(m[1]!) as LintConfig) : {};
};
const onlyRule = (text: string): string | undefined => /^#\s*lint-test:\s*only=([\w-]+)/m.exec(text)?.[1];

it('the plugin has a rule for every core rule, and the configs enable every one', () => {
  expect(Object.keys(plugin.rules).sort()).toEqual([...ids].sort());
  expect(Object.keys(plugin.configs.recommended.rules).sort()).toEqual(ids.map((id) => `valohai/${id}`).sort());
  expect(Object.keys(plugin.configs.all.rules).sort()).toEqual(ids.map((id) => `valohai/${id}`).sort());
  for (const rule of getFindingKinds()) expect(plugin.configs.recommended.rules[`valohai/${rule.meta.id}`]).toBe(rule.meta.defaultSeverity === 'error' ? 'error' : 'warn');
});

it("the placeholder the plugin appends for related places is no core message's own", () => {
  const templates = getFindingKinds().flatMap((r) => Object.values(r.meta.messages));
  expect(templates.filter((t) => /\{\{\s*relatedLocations\s*\}\}/.test(t))).toEqual([]);
  for (const rule of getFindingKinds()) {
    for (const [id, text] of Object.entries(rule.meta.messages)) expect((plugin.rules[rule.meta.id]!.meta!.messages as Record<string, string>)[id]).toBe(`${text}{{relatedLocations}}`);
  }
});

it('every fixture folder names a rule of the plugin', () => {
  const folders = readdirSync(FIXTURES).filter((f) => !f.startsWith('_'));
  expect(folders.filter((f) => !(f in plugin.rules))).toEqual([]);
});

/** The related locations the plugin appends to a message, written out independently of the plugin's code. */
function relatedSuffix(d: Diagnostic | undefined, text: string): string {
  if (!d?.related?.length) return '';
  return ` (${d.related
    .map((r) => {
      const before = text.slice(0, r.span.start);
      const line = before.split(/\r\n|\r|\n/).length;
      const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
      return `${r.message} at ${line}:${column}`;
    })
    .join('; ')})`;
}

interface Cases {
  valid: object[];
  invalid: object[];
}

/**
 * Findings ESLint cannot produce, with why: their invalid.yaml is not run (internal-error has none at all).
 * file-encoding: ESLint reads the file and hands the plugin text, with invalid bytes already replaced, so there are no
 * bytes left to check; the CLI, which reads bytes, reports it (docs/eslint.md says so).
 */
const NOT_IN_ESLINT = new Set(['file-encoding']);

/** RuleTester cases for one rule (internal-error has only valid.yaml: no input can make the core fail on purpose). */
function casesFor(id: string): Cases {
  const dir = join(FIXTURES, id);
  const isConfig = getFindingKinds().find((r) => r.meta.id === id)!.meta.area === 'config';
  const filename = isConfig ? '.valohai-lint.yaml' : 'valohai.yaml';
  const others = (quiet: (other: string) => boolean): Record<string, string> => Object.fromEntries(ids.filter((o) => o !== id && quiet(o)).map((o) => [`valohai/${o}`, 'error']));
  const settingsOf = (text: string): object => ({ valohai: { configFile: false, ...fixtureConfig(text) } });
  const valid = readFileSync(join(dir, 'valid.yaml'), 'utf8');
  // valid.yaml lints clean with every rule on, as in the core's own fixture test.
  const cases: Cases = { valid: [{ name: `${id}/valid.yaml`, code: valid, filename, settings: settingsOf(valid), rules: others(() => true) }], invalid: [] };
  const invalidFile = join(dir, 'invalid.yaml');
  if (!existsSync(invalidFile) || NOT_IN_ESLINT.has(id)) return cases;
  const annotated = readFileSync(invalidFile, 'utf8');
  const code = strip(annotated);
  const expected = parseAnnotations(annotated);
  const reporting = new Set(expected.map((e) => e.ruleId));
  // The rule under test runs with every rule the fixture says is quiet on this file, as it would in the CLI; rules
  // that report here are left off, so that ESLint's messages are exactly this rule's.
  const only = onlyRule(annotated);
  const core = isConfig ? parseConfig(code).diagnostics : lint(code, fixtureConfig(code)).diagnostics;
  const coreOf = (e: Expected): Diagnostic | undefined => core.find((d) => d.ruleId === e.ruleId && d.message === e.message && d.start.line === e.start.line && d.start.column === e.start.column);
  const mine = expected.filter((e) => e.ruleId === id).sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
  const errors = mine.map((e) => {
    const d = coreOf(e);
    return {
      message: e.message + relatedSuffix(d, code),
      line: e.start.line,
      column: e.start.column,
      endLine: e.end.line,
      endColumn: e.end.column,
      ...(e.suggestions.length ? { suggestions: e.suggestions.map((title, i) => ({ desc: title, output: applyEdits(code, d!.suggestions![i]!.edits) })) } : {}),
    };
  });
  // invalid.fixed.yaml is the core's fixes applied to a fixpoint; RuleTester applies one pass, which reaches it in
  // every fixture (a fixture needing two passes would fail here and need a case of its own).
  const fixedFile = join(dir, 'invalid.fixed.yaml');
  const output = mine.some((e) => e.fix) ? readFileSync(fixedFile, 'utf8') : null;
  cases.invalid.push({ name: `${id}/invalid.yaml`, code, filename, settings: settingsOf(code), rules: only ? {} : others((o) => !reporting.has(o)), errors, output });
  return cases;
}

for (const [version, RuleTester] of [
  ['10.15.0', RuleTester10],
  ['9.15.0', RuleTester9],
] as const) {
  describe(`ESLint ${version} RuleTester`, () => {
    RuleTester.describe = describe;
    RuleTester.it = it;
    RuleTester.itOnly = it.only;
    const tester = new RuleTester({ plugins: { valohai: plugin }, language: 'valohai/yaml' } as never);
    for (const id of ids) tester.run(id, plugin.rules[id] as never, casesFor(id) as never);
  });
}
