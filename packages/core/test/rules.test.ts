// Fixture tests: every rule has test/fixtures/<rule-id>/ with an annotated invalid.yaml (exhaustive; more cases in
// invalid-<case>.yaml), a valid.yaml that lints clean, and invalid.fixed.yaml when the rule is fixable. UPDATE=1 rewrites annotations from the actual results.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { decodeSource, encodingResult, fixText, getFindingKinds, lint, parseConfig, type Diagnostic, type LintConfig } from '../src/index.js';
import { annotate, describe, isAnnotationLine, parseAnnotations } from './annotations.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const stripAnnotations = (text: string): string =>
  text
    .split(/(?<=\n)/)
    .filter((l) => !isAnnotationLine(l.replace(/\r?\n$/, '')))
    .join('');

function onlyRule(text: string): string | undefined {
  return /^#\s*lint-test:\s*only=([\w-]+)/m.exec(text)?.[1];
}

/** Per-fixture configuration: `# lint-test: config={"maxFileSize": 100}`. */
function configOf(text: string): LintConfig | undefined {
  const m = /^#\s*lint-test:\s*config=(.*)$/m.exec(text);
  return m ? (JSON.parse(m[1]!) as LintConfig) : undefined;
}

/** Configuration rules are checked on `.valohai-lint.yaml` text, every other rule on valohai.yaml text. */
function actualOf(text: string, ruleFilter?: string, area?: string): Diagnostic[] {
  const found = area === 'config' ? parseConfig(text).diagnostics : lint(text, configOf(text)).diagnostics;
  return found.filter((d) => !ruleFilter || d.ruleId === ruleFilter);
}

/**
 * A fixture read as its surfaces read files, as bytes: annotation lines dropped, then decoded. Fixtures of file-encoding
 * are not UTF-8 (that is the point), so they cannot be handled as text.
 */
function actualOfFile(file: string, ruleFilter?: string, area?: string): Diagnostic[] {
  const bytes = readFileSync(file);
  const kept: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const line = bytes.subarray(start, end);
    if (!isAnnotationLine(line.toString('utf8').replace(/\r?\n$/, ''))) kept.push(line);
    start = end;
  }
  const decoded = decodeSource(Buffer.concat(kept));
  if (decoded.ok) return actualOf(decoded.text, ruleFilter, area);
  return encodingResult(decoded, configOf(bytes.toString('utf8'))).diagnostics.filter((d) => !ruleFilter || d.ruleId === ruleFilter);
}

/** Rules no input can trigger (they report bugs of valohai-lint itself); the test below triggers them with an injected rule. */
export const UNTRIGGERABLE = new Set(['internal-error']);

const rules = getFindingKinds();

it('every rule has a fixture folder and every fixture folder a rule', () => {
  const folders = readdirSync(FIXTURES).filter((f) => !f.startsWith('_'));
  expect(folders.sort()).toEqual(rules.map((r) => r.meta.id).sort());
});

for (const rule of rules) {
  const id = rule.meta.id;
  const dir = join(FIXTURES, id);
  group(id, () => {
    if (UNTRIGGERABLE.has(id)) {
      it('is reported when a rule throws, and the other rules still report', () => {
        const throwing = { meta: { ...rule.meta, id: 'test-throwing-rule' }, check: () => { throw new Error('boom'); } };
        const result = lint('- step:\n    name: a\n    name: b\n', undefined, { extraRules: [throwing] });
        expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toContain(`${id}: valohai-lint failed while running the rule "test-throwing-rule" (boom); please report this with the file.`);
        expect(result.diagnostics.some((d) => d.ruleId === 'yaml-duplicate-key')).toBe(true);
      });
      return;
    }
    // invalid.yaml, plus invalid-<case>.yaml for cases that need a file of their own (a tab, a file of another format).
    const invalidFiles = ['invalid.yaml', ...(existsSync(dir) ? readdirSync(dir).filter((f) => /^invalid-[\w-]+\.yaml$/.test(f)).sort() : [])];
    it.each(invalidFiles)('%s: exactly the annotated diagnostics', (name) => {
      const file = join(dir, name);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const text = readFileSync(file, 'utf8');
      const only = onlyRule(text);
      if (process.env['UPDATE'] === '1' && decodeSource(readFileSync(file)).ok) {
        const clean = stripAnnotations(text);
        writeFileSync(file, annotate(clean, actualOf(clean, only, rule.meta.area)));
      }
      const current = readFileSync(file, 'utf8');
      const expected = parseAnnotations(current).map(describe).sort();
      const actual = actualOfFile(file, only, rule.meta.area).map(describe).sort();
      expect(actual).toEqual(expected);
      expect(actual.filter((a) => a.includes(`[${id}]`)).length, `${name} must trigger ${id}`).toBeGreaterThan(0);
    });

    it('valid.yaml: no diagnostics at all', () => {
      const file = join(dir, 'valid.yaml');
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(actualOfFile(file, undefined, rule.meta.area).map(describe)).toEqual([]);
    });

    if (rule.meta.fixable) {
      it('invalid.fixed.yaml: safe fixes applied to a fixpoint, idempotent, and the rule is quiet afterwards', () => {
        const file = join(dir, 'invalid.fixed.yaml');
        const text = stripAnnotations(readFileSync(join(dir, 'invalid.yaml'), 'utf8'));
        const config = configOf(text);
        const fixed = fixText(text, config);
        const result = fixed.text;
        if (process.env['UPDATE'] === '1' && !existsSync(file)) writeFileSync(file, result);
        expect(existsSync(file), `${file} is missing`).toBe(true);
        expect(result).toBe(readFileSync(file, 'utf8'));
        expect(fixed.text).not.toBe(text);
        expect(fixText(fixed.text, config).text).toBe(fixed.text);
        const relinted = lint(fixed.text, config);
        expect(relinted.diagnostics.filter((d) => d.ruleId === id && d.fix).map(describe)).toEqual([]);
        expect(relinted.document?.hasSyntaxErrors).toBe(false);
      });
    }
  });
}
